/* session.h: one training session — engine, scorer and transcript together.
 *
 * The play loop both front ends share (plain lines and the terminal UI):
 * session_reply() grades a reply in its context, moves the dialogue on and
 * saves the turn to the transcript before returning, so a killed process
 * loses at most the reply being typed.  No I/O of its own but the
 * transcript file; no printing.  The session borrows the scenario and the
 * scorer (both must outlive it) and owns its engine and transcript. */
#ifndef IRATE_SESSION_H
#define IRATE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "engine.h"
#include "grading.h"
#include "scenario.h"
#include "score.h"
#include "transcript.h"

#define REPLY_MAX_BYTES 4000

struct session {
	const struct scenario *sc;
	struct scorer *scorer;
	struct engine *engine;
	struct transcript tr;
	bool exam;
	bool saved_ok;            /* false once a save has failed */
	struct score_fact *facts; /* built from sc->facts */
	const char **history;     /* borrowed from tr.turns[].reply */
};

/* What one reply did. The caller frees grading with grading_free(). */
struct session_turn {
	struct grading grading;
	struct turn_outcome outcome;
	const char *customer_before; /* the line replied to (borrowed) */
};

/* Start a session: the customer's first line is engine_line(s->engine).
 * Creates the transcript file.  Returns 0, or -1 with the problem in d. */
int session_start(struct session *s, const struct scenario *sc,
    struct scorer *scorer, const char *data_dir, const char *trainee,
    bool exam, uint64_t seed, struct diags *d);
/* Take up again the call saved at path (a transcript of trainee playing
 * sc that did not reach an ending: interrupted, left or killed): its turns
 * are replayed into the engine with their saved gradings — each must lead
 * where the transcript says — and the call goes on in the same file, in
 * the same mode, with the time added to its "resumed" list.  Refused (-1,
 * the reason in d) when the call is finished, another trainee's or of
 * another scenario, the scenario file has changed since (sha256), no
 * replies are left, the replay differs, or the irate that began it is
 * still running. */
int session_resume(struct session *s, const struct scenario *sc,
    struct scorer *scorer, const char *path, const char *trainee,
    struct diags *d);
/* Why reply cannot be sent (empty, too long, not UTF-8, control
 * characters), or NULL if it is fine.  The reason is a static string. */
const char *session_check_reply(const char *reply);
/* Grade reply (which must pass session_check_reply), advance the dialogue,
 * save the turn.  Returns 0, or -1 if the reply is refused or the dialogue
 * is over (nothing changes).  A failed save is reported in d as a warning
 * and s->saved_ok cleared; the session goes on. */
int session_reply(struct session *s, const char *reply, double seconds,
    struct session_turn *out, struct diags *d);
/* Grade reply in the session's current context without changing anything
 * (for a "what would this score?" preview and for re-grading). */
void session_grade(struct session *s, const char *reply,
    struct grading *out);
/* Close the transcript: "finished" when the dialogue reached an ending,
 * else status ("unfinished" or "interrupted").  Returns 0 or -1 (d). */
int session_end(struct session *s, const char *status, struct diags *d);
void session_free(struct session *s);

#endif
