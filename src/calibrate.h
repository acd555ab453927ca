/* calibrate.h: how far the scorer agrees with supervisors — from every
 * override in review sidecars (review.h): per criterion the count,
 * agreement and Cohen's kappa, and the replies where they disagree.
 *
 * No printing here: calibrate_text() and calibrate_export() return strings.
 * A struct calibration owns everything inside it. */
#ifndef IRATE_CALIBRATE_H
#define IRATE_CALIBRATE_H

#include <stddef.h>

#include "grading.h"
#include "report.h"
#include "stats.h"

struct calib_crit {
	struct stats_confusion conf; /* reference: supervisor; rater: scorer */
	size_t n, agree;             /* overrides, of them agreeing */
	double agreement;            /* agree / n (0 with none) */
	double kappa;                /* stats_kappa(&conf) */
};

/* One reply where the override that holds disagrees with the scorer. */
struct calib_item {
	char *trainee, *scenario_id, *started, *file; /* file: no directory */
	int turn;
	char *customer, *reply;      /* customer may be NULL */
	bool at_fault;
	int scorer[CRIT_COUNT];      /* the scorer's detected: 0 or 1 */
	int label[CRIT_COUNT];       /* the supervisors': 0, 1, or -1 (none) */
	int ndisagree;               /* criteria where the two differ */
};

struct calibration {
	struct calib_crit crit[CRIT_COUNT];
	size_t noverrides;           /* every reviewer's override, counted once */
	size_t nreviews;             /* sidecars read */
	struct calib_item *items;    /* most disagreements first, then by
	                                trainee, time and turn */
	size_t nitems;
};

/* Compare every override in rd's sessions with the scorer.  Each reviewer's
 * last override of a turn and criterion is one pair; overrides of turns the
 * transcript does not have are ignored.  The items use the override that
 * holds across reviewers (review_set_override).  c is the caller's to free
 * with calibration_free; rd is only read. */
void calibrate_build(struct calibration *c, const struct report_data *rd);
void calibration_free(struct calibration *c);

/* The summary table and the disagreements as text (caller frees). */
char *calibrate_text(const struct calibration *c);
/* The disagreeing replies as JSON Lines in `irate grade` input format, with
 * "labels": {criterion: 0/1} holding the supervisors' labels (only the
 * criteria they overrode) — ready to become test cases (caller frees). */
char *calibrate_export(const struct calibration *c);

#endif
