/* history.h: a trainee's record per scenario, read from their saved
 * transcripts — sessions played, best score, how the last one ended.
 *
 * No curses, no printing.  A struct history owns its entries and their
 * strings; history_free() releases them. */
#ifndef IRATE_HISTORY_H
#define IRATE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "scenario.h"

struct history_entry {
	char *scenario_id;
	int sessions;        /* transcripts of this scenario (any status) */
	int finished;        /* of them, how many reached an ending */
	int best;            /* best overall score of a finished session, or -1 */
	enum ending best_ending;
	char *last_started;  /* ISO 8601 start of the newest session */
	char *last_status;   /* its status: "finished", "unfinished", ... */
	enum ending last_ending; /* its ending (END_NONE unless finished) */
	int last_score;      /* its overall score (0 with no turns) */
	char *resume_path;   /* the newest session's file when it can be taken
	                        up again (not finished, at least one reply,
	                        replies left; session_resume), else NULL */
	int resume_turns;    /* its replies so far */
	bool resume_exam;    /* it was played in exam mode */
};

struct history {
	struct history_entry *v; /* sorted by scenario id */
	size_t n, cap;
};

/* Read every transcript of trainee under data_dir (transcript_dir()),
 * leaving out the file skip_path (the session being played; may be NULL).
 * A missing directory is an empty history.  Files that cannot be read are
 * left out and reported in d as warnings.  Returns the number of sessions
 * counted. */
int history_scan(struct history *h, const char *data_dir, const char *trainee,
    const char *skip_path, struct diags *d);
/* The entry for scenario id, or NULL (borrowed). */
const struct history_entry *history_find(const struct history *h,
    const char *id);
/* How the newest session ended, as a word: the ending's name when it
 * finished, else its status ("unfinished", "interrupted"). Static string. */
const char *history_last_word(const struct history_entry *e);
/* The entry whose session can be taken up again and was played most
 * recently, or NULL (borrowed). */
const struct history_entry *history_newest_resumable(const struct history *h);
void history_free(struct history *h);

#endif
