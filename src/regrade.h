/* regrade.h: re-grading a saved transcript with the current scorer and
 * listing where the result differs from the grading stored in the file.
 *
 * Each turn is graded as it was played: the customer's line, at_fault =
 * the turn's apology_owed, the scenario's facts when its file
 * (transcript.scenario_file) can still be loaded (else none: facts come
 * from the customer's line), and the trainee's earlier replies as history.
 * A difference means the scorer or its lexicon changed, or the file was
 * edited.  No curses, no printing; a struct regrade owns what it holds. */
#ifndef IRATE_REGRADE_H
#define IRATE_REGRADE_H

#include <stdbool.h>
#include <stddef.h>

#include "grading.h"
#include "score.h"
#include "transcript.h"

enum regrade_kind {
	RG_CRITERION,      /* a criterion's detected label or score changed */
	RG_PITFALL_ADDED,  /* the scorer now flags a pitfall */
	RG_PITFALL_REMOVED,/* the stored grading has a pitfall it no longer finds */
	RG_OVERALL,        /* the turn's overall score changed */
};

struct regrade_diff {
	int turn;               /* 1-based turn (n) */
	enum regrade_kind kind;
	int criterion;          /* RG_CRITERION: enum criterion */
	int pitfall;            /* RG_PITFALL_*: enum pitfall */
	bool was_detected, now_detected;  /* RG_CRITERION */
	int was, now;           /* scores (RG_CRITERION, RG_OVERALL) */
};

struct regrade {
	struct grading *now;    /* the new grading of each turn */
	size_t nturns;
	struct regrade_diff *v; /* in turn order */
	size_t n, cap;
	bool scenario_loaded;   /* its facts were used */
	bool scenario_changed;  /* loaded, and its sha256 is not the one the
	                           transcript recorded */
};

/* Re-grade every turn of t with s and fill *out (which the caller frees
 * with regrade_free).  Never fails: a scenario file that cannot be loaded
 * only leaves scenario_loaded false. */
void regrade_transcript(struct regrade *out, const struct transcript *t,
    struct scorer *s);
void regrade_free(struct regrade *r);
/* The differences of one turn: the index of its first in r->v and the
 * count (0 when it grades the same). */
size_t regrade_turn(const struct regrade *r, int turn, size_t *first);
/* One difference as a line of text, e.g. "empathy: detected yes -> no,
 * score 80 -> 20" or "pitfall template: now flagged".  Caller frees. */
char *regrade_diff_text(const struct regrade_diff *df);
/* The note shown above a re-graded transcript (caller frees). */
char *regrade_summary(const struct regrade *r);

#endif
