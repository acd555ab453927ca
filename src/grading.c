/* grading.c: names, construction and copying of gradings. */
#include "grading.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const crit_names[CRIT_COUNT] = {
	"calm", "restate", "empathy", "apology", "alternative",
};

static const char *const pit_names[PIT_COUNT] = {
	"negative_language", "blames_customer", "blames_colleague", "template",
	"too_long",
};

const char *
criterion_name(enum criterion c)
{
	return (unsigned)c < CRIT_COUNT ? crit_names[c] : "?";
}

int
criterion_from_name(const char *name)
{
	for (int i = 0; i < CRIT_COUNT; i++)
		if (strcmp(name, crit_names[i]) == 0)
			return i;
	return -1;
}

const char *
pitfall_name(enum pitfall p)
{
	return (unsigned)p < PIT_COUNT ? pit_names[p] : "?";
}

int
pitfall_from_name(const char *name)
{
	for (int i = 0; i < PIT_COUNT; i++)
		if (strcmp(name, pit_names[i]) == 0)
			return i;
	return -1;
}

void
grading_init(struct grading *g)
{
	memset(g, 0, sizeof *g);
}

void
grading_free(struct grading *g)
{
	for (int c = 0; c < CRIT_COUNT; c++) {
		struct crit_result *r = &g->crit[c];
		for (size_t i = 0; i < r->nev; i++) {
			free(r->ev[i].text);
			free(r->ev[i].why);
		}
		/* Most are NULL: no call for those. */
		if (r->ev)
			free(r->ev);
		if (r->tip)
			free(r->tip);
	}
	for (size_t i = 0; i < g->npits; i++) {
		free(g->pits[i].text);
		free(g->pits[i].why);
	}
	if (g->pits)
		free(g->pits);
	memset(g, 0, sizeof *g);
}

void
grading_copy(struct grading *dst, const struct grading *src)
{
	*dst = *src;
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *s = &src->crit[c];
		struct crit_result *d = &dst->crit[c];
		d->ev = s->nev ? xcalloc(s->nev, sizeof *d->ev) : NULL;
		d->cap = s->nev;
		for (size_t i = 0; i < s->nev; i++) {
			d->ev[i] = s->ev[i];
			d->ev[i].text = xstrdup(s->ev[i].text);
			d->ev[i].why = xstrdup(s->ev[i].why);
		}
		d->tip = s->tip ? xstrdup(s->tip) : NULL;
	}
	dst->pits = src->npits ? xcalloc(src->npits, sizeof *dst->pits) : NULL;
	dst->pcap = src->npits;
	for (size_t i = 0; i < src->npits; i++) {
		dst->pits[i] = src->pits[i];
		dst->pits[i].text = xstrdup(src->pits[i].text);
		dst->pits[i].why = xstrdup(src->pits[i].why);
	}
}

void
grading_add_evidence(struct grading *g, enum criterion c, const char *reply,
    size_t start, size_t end, bool positive, const char *why)
{
	struct crit_result *r = &g->crit[c];
	r->ev = xgrow(r->ev, &r->cap, r->nev + 1, sizeof *r->ev);
	struct evidence *e = &r->ev[r->nev++];
	if (end < start)
		end = start;
	e->start = start;
	e->end = end;
	e->text = xstrndup(reply ? reply + start : "", reply ? end - start : 0);
	e->why = xstrdup(why ? why : "");
	e->positive = positive;
}

void
grading_add_pitfall(struct grading *g, enum pitfall p, const char *reply,
    size_t start, size_t end, const char *why)
{
	g->pits = xgrow(g->pits, &g->pcap, g->npits + 1, sizeof *g->pits);
	struct pitfall_hit *h = &g->pits[g->npits++];
	if (end < start)
		end = start;
	h->kind = p;
	h->start = start;
	h->end = end;
	h->text = xstrndup(reply ? reply + start : "", reply ? end - start : 0);
	h->why = xstrdup(why ? why : "");
}

bool
grading_has_pitfall(const struct grading *g, enum pitfall p)
{
	for (size_t i = 0; i < g->npits; i++)
		if (g->pits[i].kind == p)
			return true;
	return false;
}

void
grading_set_tip(struct grading *g, enum criterion c, const char *tip)
{
	free(g->crit[c].tip);
	g->crit[c].tip = tip ? xstrdup(tip) : NULL;
}
