/* calibrate.c: comparing supervisors' overrides with the scorer. */
#include "calibrate.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Index of the turn numbered n in t, or -1. */
static long
turn_index(const struct transcript *t, int n)
{
	for (size_t i = 0; i < t->nturns; i++)
		if (t->turns[i].n == n)
			return (long)i;
	return -1;
}

/* Is note k of r the last override of its turn and criterion in r? */
static bool
last_of_kind(const struct review *r, size_t k)
{
	for (size_t j = k + 1; j < r->nnotes; j++)
		if (r->notes[j].turn == r->notes[k].turn &&
		    r->notes[j].criterion == r->notes[k].criterion)
			return false;
	return true;
}

static void
count_pairs(struct calibration *c, const struct report_session *s)
{
	for (size_t i = 0; i < s->reviews.n; i++) {
		const struct review *r = &s->reviews.v[i];
		c->nreviews++;
		for (size_t k = 0; k < r->nnotes; k++) {
			const struct review_note *n = &r->notes[k];
			if (n->criterion < 0 || !last_of_kind(r, k))
				continue;
			long ti = turn_index(&s->t, n->turn);
			if (ti < 0)
				continue;
			bool scorer = s->t.turns[ti].grading.crit[n->criterion].detected;
			struct calib_crit *cc = &c->crit[n->criterion];
			stats_add(&cc->conf, n->detected, scorer);
			cc->n++;
			cc->agree += scorer == n->detected;
			c->noverrides++;
		}
	}
}

static void
add_items(struct calibration *c, size_t *cap, const struct report_session *s)
{
	for (size_t i = 0; i < s->t.nturns; i++) {
		const struct transcript_turn *tu = &s->t.turns[i];
		struct calib_item it = {0};
		for (int k = 0; k < CRIT_COUNT; k++) {
			const struct review_note *n = review_set_override(&s->reviews,
			    tu->n, (enum criterion)k, NULL);
			it.scorer[k] = tu->grading.crit[k].detected;
			it.label[k] = n ? n->detected : -1;
			it.ndisagree += n && n->detected != tu->grading.crit[k].detected;
		}
		if (it.ndisagree == 0)
			continue;
		const char *slash = strrchr(s->t.path, '/');
		it.trainee = xstrdup(s->trainee);
		it.scenario_id = xstrdup(s->t.scenario_id ? s->t.scenario_id : "");
		it.started = xstrdup(s->t.started ? s->t.started : "");
		it.file = xstrdup(slash ? slash + 1 : s->t.path);
		it.turn = tu->n;
		it.customer = tu->customer ? xstrdup(tu->customer) : NULL;
		it.reply = xstrdup(tu->reply ? tu->reply : "");
		it.at_fault = tu->at_fault;
		c->items = xgrow(c->items, cap, c->nitems + 1, sizeof *c->items);
		c->items[c->nitems++] = it;
	}
}

static int
cmp_item(const void *a, const void *b)
{
	const struct calib_item *x = a, *y = b;
	if (x->ndisagree != y->ndisagree)
		return y->ndisagree - x->ndisagree;
	int d = strcmp(x->trainee, y->trainee);
	if (d == 0)
		d = strcmp(x->started, y->started);
	if (d == 0)
		d = strcmp(x->file, y->file);
	return d ? d : x->turn - y->turn;
}

void
calibrate_build(struct calibration *c, const struct report_data *rd)
{
	memset(c, 0, sizeof *c);
	size_t cap = 0;
	for (size_t i = 0; i < rd->n; i++) {
		count_pairs(c, &rd->v[i]);
		add_items(c, &cap, &rd->v[i]);
	}
	for (int k = 0; k < CRIT_COUNT; k++) {
		struct calib_crit *cc = &c->crit[k];
		cc->agreement = cc->n ? (double)cc->agree / (double)cc->n : 0;
		cc->kappa = stats_kappa(&cc->conf);
	}
	if (c->nitems > 1)
		qsort(c->items, c->nitems, sizeof *c->items, cmp_item);
}

void
calibration_free(struct calibration *c)
{
	for (size_t i = 0; i < c->nitems; i++) {
		struct calib_item *it = &c->items[i];
		free(it->trainee);
		free(it->scenario_id);
		free(it->started);
		free(it->file);
		free(it->customer);
		free(it->reply);
	}
	free(c->items);
	memset(c, 0, sizeof *c);
}
