/* report.c: aggregating sessions into per-trainee and group statistics. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static char *
dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

static int
cmp_by_time(const void *a, const void *b)
{
	const struct report_session *x = *(const struct report_session *const *)a;
	const struct report_session *y = *(const struct report_session *const *)b;
	int c = strcmp(x->t.started ? x->t.started : "",
	    y->t.started ? y->t.started : "");
	if (c == 0)
		c = strcmp(x->trainee, y->trainee);
	if (c == 0)
		c = strcmp(x->t.path, y->t.path);
	return c;
}

static struct report_best *
best_get(struct report_stats *st, size_t *cap, const struct transcript *t)
{
	size_t i = 0;
	while (i < st->nbest && strcmp(st->best[i].scenario_id, t->scenario_id) < 0)
		i++;
	if (i < st->nbest && strcmp(st->best[i].scenario_id, t->scenario_id) == 0)
		return &st->best[i];
	st->best = xgrow(st->best, cap, st->nbest + 1, sizeof *st->best);
	memmove(st->best + i + 1, st->best + i,
	    (st->nbest - i) * sizeof *st->best);
	st->nbest++;
	struct report_best *b = &st->best[i];
	memset(b, 0, sizeof *b);
	b->scenario_id = dup_or_empty(t->scenario_id);
	b->scenario_title = dup_or_empty(t->scenario_title);
	b->score = -1;
	return b;
}

/* Count one session (the next in time order) into st. */
static void
tally_session(struct report_stats *st, const struct report_session *s,
    double score_sum[CRIT_COUNT], size_t *best_cap)
{
	const struct transcript *t = &s->t;
	struct report_point *p = &st->trend[st->ntrend++];
	p->started = dup_or_empty(t->started);
	p->scenario_id = dup_or_empty(t->scenario_id);
	p->overall = transcript_overall(t);
	for (int c = 0; c < CRIT_COUNT; c++) {
		size_t met = 0;
		for (size_t i = 0; i < t->nturns; i++) {
			struct report_label l = report_label(s, i, (enum criterion)c);
			met += l.met;
			score_sum[c] += l.score;
			st->overrides += l.overridden;
		}
		st->crit[c].turns += t->nturns;
		st->crit[c].met += met;
		p->share[c] = (double)met / (double)t->nturns;
	}
	for (size_t i = 0; i < t->nturns; i++)
		for (int k = 0; k < PIT_COUNT; k++)
			st->pitfalls[k] += grading_has_pitfall(&t->turns[i].grading,
			    (enum pitfall)k);
	st->sessions++;
	st->turns += t->nturns;
	st->mean_overall += p->overall;
	struct report_best *b = best_get(st, best_cap, t);
	b->sessions++;
	if (p->overall > b->score) {
		b->score = p->overall;
		free(b->trainee);
		free(b->started);
		b->trainee = xstrdup(s->trainee);
		b->started = dup_or_empty(t->started);
	}
}

static void
example_set(struct report_example *e, const struct report_session *s,
    size_t i)
{
	const struct transcript_turn *tu = &s->t.turns[i];
	e->trainee = xstrdup(s->trainee);
	e->scenario_id = dup_or_empty(s->t.scenario_id);
	e->scenario_title = dup_or_empty(s->t.scenario_title);
	e->started = dup_or_empty(s->t.started);
	e->turn = tu->n;
	e->customer = tu->customer ? xstrdup(tu->customer) : NULL;
	e->reply = dup_or_empty(tu->reply);
}

/* Finish st: means, the weakest criterion and its newest missed turns,
 * pitfalls in order.  ss are st's sessions in time order. */
static void
tally_finish(struct report_stats *st, const struct report_session *const *ss,
    size_t n, const double score_sum[CRIT_COUNT])
{
	st->weakest = -1;
	for (int c = 0; c < CRIT_COUNT; c++) {
		struct report_crit *rc = &st->crit[c];
		if (rc->turns == 0)
			continue;
		rc->share = (double)rc->met / (double)rc->turns;
		rc->mean_score = score_sum[c] / (double)rc->turns;
		const struct report_crit *w = st->weakest < 0 ? NULL :
		    &st->crit[st->weakest];
		if (w == NULL || rc->share < w->share ||
		    (rc->share == w->share && rc->mean_score < w->mean_score))
			st->weakest = c;
	}
	if (st->sessions)
		st->mean_overall /= (double)st->sessions;
	if (st->weakest >= 0) {
		for (size_t k = n; k-- > 0 && st->nex < REPORT_EXAMPLES;) {
			for (size_t i = 0; i < ss[k]->t.nturns &&
			    st->nex < REPORT_EXAMPLES; i++) {
				struct report_label l = report_label(ss[k], i,
				    (enum criterion)st->weakest);
				if (!l.met)
					example_set(&st->ex[st->nex++], ss[k], i);
			}
		}
	}
	for (int k = 0; k < PIT_COUNT; k++)
		st->pit_order[k] = k;
	for (int a = 1; a < PIT_COUNT; a++) /* stable insertion sort */
		for (int b = a; b > 0 && st->pitfalls[st->pit_order[b]] >
		    st->pitfalls[st->pit_order[b - 1]]; b--) {
			int tmp = st->pit_order[b];
			st->pit_order[b] = st->pit_order[b - 1];
			st->pit_order[b - 1] = tmp;
		}
}

/* Statistics over the sessions in ss (any order); name NULL for the group. */
static void
tally_build(struct report_stats *st, const char *name,
    const struct report_session **ss, size_t n)
{
	memset(st, 0, sizeof *st);
	st->name = name ? xstrdup(name) : NULL;
	if (n > 1)
		qsort(ss, n, sizeof *ss, cmp_by_time);
	st->trend = xcalloc(n ? n : 1, sizeof *st->trend);
	double sum[CRIT_COUNT] = {0};
	size_t best_cap = 0;
	for (size_t i = 0; i < n; i++)
		tally_session(st, ss[i], sum, &best_cap);
	tally_finish(st, ss, n, sum);
}

void
report_build(struct report *r, const struct report_data *rd)
{
	memset(r, 0, sizeof *r);
	const struct report_session **ss = xcalloc(rd->n ? rd->n : 1, sizeof *ss);
	r->ntrainees = rd->ntrainees;
	r->trainees = xcalloc(rd->ntrainees ? rd->ntrainees : 1,
	    sizeof *r->trainees);
	for (size_t k = 0; k < rd->ntrainees; k++) {
		size_t n = 0;
		for (size_t i = 0; i < rd->n; i++)
			if (strcmp(rd->v[i].trainee, rd->trainees[k]) == 0)
				ss[n++] = &rd->v[i];
		tally_build(&r->trainees[k], rd->trainees[k], ss, n);
	}
	for (size_t i = 0; i < rd->n; i++)
		ss[i] = &rd->v[i];
	tally_build(&r->group, NULL, ss, rd->n);
	free(ss);
}

static void
tally_free(struct report_stats *st)
{
	free(st->name);
	for (size_t i = 0; i < st->ntrend; i++) {
		free(st->trend[i].started);
		free(st->trend[i].scenario_id);
	}
	free(st->trend);
	for (size_t i = 0; i < st->nex; i++) {
		struct report_example *e = &st->ex[i];
		free(e->trainee);
		free(e->scenario_id);
		free(e->scenario_title);
		free(e->started);
		free(e->customer);
		free(e->reply);
	}
	for (size_t i = 0; i < st->nbest; i++) {
		free(st->best[i].scenario_id);
		free(st->best[i].scenario_title);
		free(st->best[i].trainee);
		free(st->best[i].started);
	}
	free(st->best);
	memset(st, 0, sizeof *st);
}

void
report_free(struct report *r)
{
	for (size_t i = 0; i < r->ntrainees; i++)
		tally_free(&r->trainees[i]);
	free(r->trainees);
	tally_free(&r->group);
	memset(r, 0, sizeof *r);
}
