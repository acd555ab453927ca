/* report.h: progress reports over a data directory — per trainee and for
 * the group: sessions, per-criterion results and trends, the weakest
 * criterion with examples, best score per scenario, pitfalls.
 *
 * Supervisor overrides (review.h) replace the scorer's `detected` label of
 * the turn and criterion they name.  No printing here: the writers
 * (report_text.c, report_csv.c, report_json.c, report_html.c) turn a struct
 * report into text, and problems go to a struct diags.  Every struct here
 * owns the strings and arrays inside it. */
#ifndef IRATE_REPORT_H
#define IRATE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "grading.h"
#include "review.h"
#include "transcript.h"

#define REPORT_EXAMPLES 3

/* One saved session as reports read it. */
struct report_session {
	char *trainee;              /* from the directory name */
	struct transcript t;
	struct review_set reviews;
};

/* The sessions of a data directory, sorted by trainee, start time, file. */
struct report_data {
	struct report_session *v;
	size_t n;
	char **trainees;            /* every trainee asked for or found, sorted */
	size_t ntrainees;
};

/* A turn's label for one criterion after supervisor overrides. */
struct report_label {
	bool detected, met;
	int score;                  /* the scorer's; 100/0 for met/not when overridden */
	bool overridden;
};

/* A missed turn shown as an example. */
struct report_example {
	char *trainee, *scenario_id, *scenario_title, *started;
	int turn;
	char *customer, *reply;     /* customer may be NULL */
};

/* One point of a trend: one session. */
struct report_point {
	char *started, *scenario_id;
	int overall;
	double share[CRIT_COUNT];   /* share of the session's turns met, 0..1 */
};

/* Best overall score on one scenario. */
struct report_best {
	char *scenario_id, *scenario_title, *trainee, *started;
	int score;
	size_t sessions;            /* sessions of this scenario */
};

struct report_crit {
	size_t turns, met;
	double share;               /* met / turns (0 with no turns) */
	double mean_score;          /* 0..100 */
};

struct report_stats {
	char *name;                 /* the trainee, or NULL for the group */
	size_t sessions, turns;     /* sessions with at least one turn */
	double mean_overall;        /* mean of the sessions' overall scores */
	struct report_crit crit[CRIT_COUNT];
	struct report_point *trend; /* one per session, in time order */
	size_t ntrend;
	int weakest;                /* enum criterion, or -1 with no turns */
	struct report_example ex[REPORT_EXAMPLES];
	size_t nex;
	struct report_best *best;   /* sorted by scenario id */
	size_t nbest;
	int pitfalls[PIT_COUNT];    /* turns flagged, per pitfall */
	int pit_order[PIT_COUNT];   /* pitfalls, most often hit first */
	int overrides;              /* supervisor overrides applied */
};

struct report {
	struct report_stats *trainees; /* sorted by name */
	size_t ntrainees;
	struct report_stats group;
};

/* Load the transcripts of the named trainees (every trainee directory under
 * data_dir/transcripts when nnames is 0) with their review sidecars.
 * Files that cannot be read are left out, each problem added to d as a
 * warning; a named trainee with no transcripts gets a warning too.
 * Sessions with no turns are left out.  Returns 0, or -1 (with an error in
 * d) when the transcripts directory cannot be read at all.  *out is always
 * safe to free with report_data_free. */
int report_data_load(struct report_data *out, const char *data_dir,
    const char *const *names, size_t nnames, struct diags *d);
void report_data_free(struct report_data *rd);

/* The label of turn i of s for criterion c: the scorer's, or the override
 * that holds (review_set_override) in place of `detected`. */
struct report_label report_label(const struct report_session *s, size_t i,
    enum criterion c);

/* Aggregate rd into r (which the caller frees with report_free).  rd is
 * only read; r copies what it keeps. */
void report_build(struct report *r, const struct report_data *rd);
void report_free(struct report *r);

/* The writers: each returns a fresh string the caller frees.  See
 * docs/reports.md for each format. */
char *report_text(const struct report *r);
char *report_csv(const struct report *r);
char *report_json(const struct report *r);
char *report_html(const struct report *r);

#endif
