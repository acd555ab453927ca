/* stats.h: agreement statistics between two binary raters (labels vs a
 * scorer, or two reviewers): confusion counts, accuracy, precision,
 * recall, F1 and Cohen's kappa.  Plain arithmetic; no allocation. */
#ifndef IRATE_STATS_H
#define IRATE_STATS_H

#include <stdbool.h>
#include <stddef.h>

struct stats_confusion {
	size_t tp, fp, fn, tn;  /* a = reference (labels), b = rater under test */
};

/* Count one pair: reference a, other rater b. */
void stats_add(struct stats_confusion *c, bool a, bool b);
size_t stats_total(const struct stats_confusion *c);
/* Each returns a value in [0, 1] (kappa in [-1, 1]); 0 when undefined
 * (no items, no predicted positives, ...), except kappa, which is 1 when
 * both raters agree on every item even if expected agreement is 1. */
double stats_accuracy(const struct stats_confusion *c);
double stats_precision(const struct stats_confusion *c);
double stats_recall(const struct stats_confusion *c);
double stats_f1(const struct stats_confusion *c);
/* Cohen's kappa: (po - pe) / (1 - pe). */
double stats_kappa(const struct stats_confusion *c);

#endif
