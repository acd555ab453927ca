/* stats.c: confusion counts and Cohen's kappa for two binary raters. */
#include "stats.h"

void
stats_add(struct stats_confusion *c, bool a, bool b)
{
	if (a && b)
		c->tp++;
	else if (!a && b)
		c->fp++;
	else if (a && !b)
		c->fn++;
	else
		c->tn++;
}

size_t
stats_total(const struct stats_confusion *c)
{
	return c->tp + c->fp + c->fn + c->tn;
}

double
stats_accuracy(const struct stats_confusion *c)
{
	size_t n = stats_total(c);
	return n ? (double)(c->tp + c->tn) / (double)n : 0.0;
}

double
stats_precision(const struct stats_confusion *c)
{
	size_t d = c->tp + c->fp;
	return d ? (double)c->tp / (double)d : 0.0;
}

double
stats_recall(const struct stats_confusion *c)
{
	size_t d = c->tp + c->fn;
	return d ? (double)c->tp / (double)d : 0.0;
}

double
stats_f1(const struct stats_confusion *c)
{
	double p = stats_precision(c), r = stats_recall(c);
	return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double
stats_kappa(const struct stats_confusion *c)
{
	double n = (double)stats_total(c);
	if (n == 0)
		return 0.0;
	double po = (double)(c->tp + c->tn) / n;
	double a1 = (double)(c->tp + c->fn) / n; /* reference says yes */
	double b1 = (double)(c->tp + c->fp) / n; /* rater says yes */
	double pe = a1 * b1 + (1 - a1) * (1 - b1);
	if (pe >= 1.0)
		return po >= 1.0 ? 1.0 : 0.0;
	return (po - pe) / (1 - pe);
}
