/* course_progress.h: how far a trainee has come through a course, read
 * from their saved transcripts (the transcripts are the record; there is
 * no progress file of its own).
 *
 * A step is passed when one finished session of its scenario, played in
 * its mode, reached the step's overall pass mark and every per-criterion
 * mark (a criterion's mark is against the mean of its per-turn scores in
 * that session).  The best attempt counts.  A step with "unlock":
 * "after_previous" is locked until the step before it is passed; the first
 * step is never locked.  No curses, no printing.  A struct course_progress
 * owns its array; course_progress_free() releases it. */
#ifndef IRATE_COURSE_PROGRESS_H
#define IRATE_COURSE_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"
#include "diag.h"
#include "transcript.h"

enum step_state {
	STEP_LOCKED,  /* the previous step is not passed yet */
	STEP_OPEN,    /* playable, never finished in this mode */
	STEP_FAILED,  /* playable, finished but never at the pass mark(s) */
	STEP_PASSED,
};

struct step_progress {
	enum step_state state;
	int attempts;  /* finished sessions of the scenario in the step's mode */
	int passes;    /* of them, how many met every pass mark */
	int best;      /* best overall score of them, or -1 */
};

struct course_progress {
	struct step_progress *v; /* one per course step, in order */
	size_t n;
	size_t passed;           /* steps passed */
	size_t next;             /* first unlocked, unpassed step, or SIZE_MAX */
	bool complete;           /* every step passed */
};

/* Does the finished session t pass step s (scenario, mode, marks)? */
bool course_step_passed_by(const struct course_step *s,
    const struct transcript *t);
/* The mean score of criterion c over t's turns (0 with no turns). */
int course_criterion_mean(const struct transcript *t, enum criterion c);

/* Read trainee's transcripts under data_dir and work out their progress
 * through c.  A missing directory is no progress.  Transcripts that cannot
 * be read are left out and reported in d as warnings.  Returns the number
 * of transcripts read. */
int course_progress_scan(struct course_progress *p, const struct course *c,
    const char *data_dir, const char *trainee, struct diags *d);
/* "locked", "open", "failed" or "passed". */
const char *step_state_name(enum step_state s);
/* The state as a trainee reads it: "failed (2 attempts)" for a failed
 * step, else step_state_name().  Returns a fresh string the caller frees. */
char *step_state_text(const struct step_progress *sp);
void course_progress_free(struct course_progress *p);

/* Every course in a directory: the files ending in .json, loaded with
 * course_load() against scenarios_dir and sorted by file name.  Files that
 * do not load are left out, their problems added to d.  *v gets an array
 * the caller frees with course_dir_free(); returns how many loaded (a
 * directory that cannot be read is an error in d and none). */
size_t course_dir_load(struct course **v, const char *dir,
    const char *scenarios_dir, struct diags *d);
void course_dir_free(struct course *v, size_t n);

#endif
