/* transcript.h: a saved training session — every turn with its grading.
 *
 * One JSON file per session (docs/transcript-format.md) under
 * <data>/transcripts/<trainee-dir>/.  transcript_save() rewrites the file
 * atomically (temporary file, fsync, rename), so the file on disk is always
 * a complete, valid transcript holding every turn saved so far.
 * A struct transcript owns every string and grading inside it. */
#ifndef IRATE_TRANSCRIPT_H
#define IRATE_TRANSCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "grading.h"
#include "scenario.h"

#define TRANSCRIPT_FORMAT 1

struct transcript_turn {
	int n;              /* 1-based */
	char *node;         /* node the customer spoke from */
	char *customer;     /* what the customer said before the reply */
	char *reply;
	double seconds;     /* time the trainee took to reply */
	bool at_fault;      /* the company was at fault at this node */
	bool apology_owed;  /* at fault, and no apology given earlier */
	struct grading grading;
	int mood_before, mood_after;
	char *next_node;    /* node after the reply */
};

struct transcript {
	int format;
	char *trainee;
	char *scenario_id, *scenario_title, *scenario_file, *scenario_hash;
	char *mode;         /* "practice" or "exam" */
	uint64_t seed;
	char *started, *updated, *ended; /* ISO 8601 UTC; ended may be NULL */
	char *status;       /* "in_progress", "finished", "unfinished",
	                       "interrupted" */
	enum ending ending; /* END_NONE unless finished */
	int start_mood, mood;
	int turn_limit;
	char *opening;      /* the customer's first line */
	char *closing;      /* the customer's last line at the end, or NULL */
	struct transcript_turn *turns;
	size_t nturns, cap;
	struct strlist resumed; /* when the call was taken up again after an
	                           interruption (ISO 8601 UTC), oldest first */
	char *path;         /* the file it lives in */
};

/* Start a transcript for trainee playing sc and create its file under
 * data_dir (directories made as needed; the name never clashes with
 * another session's).  Returns 0, or -1 with the problem in d. */
int transcript_create(struct transcript *t, const char *data_dir,
    const char *trainee, const struct scenario *sc, const char *mode,
    uint64_t seed, const char *opening, struct diags *d);
/* Append a copy of turn (its strings and grading are copied) and save.
 * Returns transcript_save's result. */
int transcript_add_turn(struct transcript *t,
    const struct transcript_turn *turn, struct diags *d);
/* Record how the session ended and save.  status is one of the statuses
 * above; ending and closing apply when status is "finished". */
int transcript_finish(struct transcript *t, const char *status,
    enum ending ending, const char *closing, struct diags *d);
/* Write t to t->path atomically. Returns 0, or -1 with the problem in d. */
int transcript_save(const struct transcript *t, struct diags *d);
/* Read a transcript file.  Returns 0, or -1 with every problem in d;
 * *t is always safe to free afterwards. */
int transcript_load(struct transcript *t, const char *path, struct diags *d);
void transcript_free(struct transcript *t);

/* Mark t as taken up again: status back to "in_progress", no end time,
 * the time added to t->resumed; then save.  Returns transcript_save's
 * result. */
int transcript_reopen(struct transcript *t, struct diags *d);
/* "resumed 2026-11-23T15:06:12Z" (several times listed, comma-separated)
 * when the call was taken up again, else "" — a fresh string. */
char *transcript_resumed_note(const struct transcript *t);
/* The process that created the transcript file at path (its name holds
 * it: STAMP-SCENARIO-PID-RANDOM.json), or 0 when the name does not say. */
long transcript_pid(const char *path);

/* Overall score of a session: the mean of its turns' overall scores
 * (0 with no turns). */
int transcript_overall(const struct transcript *t);
/* The directory holding trainee's transcripts (caller frees). */
char *transcript_dir(const char *data_dir, const char *trainee);
/* Make dir and its parents (mode 0700 for new ones).  0 or -1 (errno). */
int mkdir_p(const char *dir);

#endif
