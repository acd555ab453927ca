/* grading.c: names, construction and copying of gradings. */
#include "grading.h"

#include <stdint.h>
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

/* One block of a grading's pool: strings and arrays are carved from data
 * front to back and never moved or freed alone.  A full block is kept (the
 * pointers into it stay valid) and a bigger one put in front of it. */
struct grading_pool {
	struct grading_pool *next;  /* the older, full block, or NULL */
	size_t used, cap;           /* bytes of data in use, and in all */
	size_t pad;                 /* data starts 32 bytes in: malloc's alignment */
	unsigned char data[];
};

/* Most replies' strings and arrays fit in the first block, which, with its
 * header, is small enough for malloc's fast per-thread cache. */
enum { POOL_FIRST = 1024 - sizeof(struct grading_pool) };

/* pool_alloc() when the newest block has no room: a new block. */
static void *
pool_alloc_block(struct grading *g, size_t n)
{
	struct grading_pool *b = g->pool;
	size_t cap = b ? b->cap * 2 : POOL_FIRST;
	if (cap < n)
		cap = n;
	if (cap > SIZE_MAX - sizeof *b)
		cap = SIZE_MAX - sizeof *b;  /* xmalloc fails on it */
	struct grading_pool *nb = xmalloc(sizeof *nb + cap);
	nb->next = b;
	nb->used = n;
	nb->cap = cap;
	g->pool = nb;
	return nb->data;
}

/* n bytes aligned to align (a power of two) from g's pool. */
static inline void *
pool_alloc(struct grading *g, size_t n, size_t align)
{
	struct grading_pool *b = g->pool;
	if (b != NULL) {
		size_t at = (b->used + align - 1) & ~(align - 1);
		if (at <= b->cap && n <= b->cap - at) {
			b->used = at + n;
			return b->data + at;
		}
	}
	return pool_alloc_block(g, n);
}

char *
grading_strndup(struct grading *g, const char *s, size_t n)
{
	char *p = pool_alloc(g, n + 1, 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Make room for one more of an array of size-byte items (*n in use, *cap
 * allocated) in g's pool; the old array stays behind, unused. */
static void *
pool_grow(struct grading *g, void *v, size_t *n, size_t *cap, size_t size,
    size_t align)
{
	if (v != NULL && *n < *cap)
		return v;
	size_t c = *cap < 4 ? 4 : *cap * 2;
	if (c > SIZE_MAX / size)
		c = SIZE_MAX / size;  /* pool_alloc then fails */
	void *nv = pool_alloc(g, c * size, align);
	if (*n)
		memcpy(nv, v, *n * size);
	*cap = c;
	return nv;
}

static void
pool_free(struct grading_pool *b)
{
	while (b != NULL) {
		struct grading_pool *next = b->next;
		free(b);
		b = next;
	}
}

void
grading_init(struct grading *g)
{
	memset(g, 0, sizeof *g);
}

void
grading_free(struct grading *g)
{
	pool_free(g->pool);
	memset(g, 0, sizeof *g);
}

void
grading_reset(struct grading *g)
{
	struct grading_pool *b = g->pool;
	if (b != NULL) {
		pool_free(b->next);
		b->next = NULL;
		b->used = 0;
	}
	memset(g, 0, sizeof *g);
	g->pool = b;
}

/* One more slot of criterion c's evidence, not yet filled. */
static inline struct evidence *
push_evidence(struct grading *g, enum criterion c)
{
	struct crit_result *r = &g->crit[c];
	if (r->nev >= r->cap || r->ev == NULL)
		r->ev = pool_grow(g, r->ev, &r->nev, &r->cap, sizeof *r->ev,
		    _Alignof(struct evidence));
	return &r->ev[r->nev++];
}

/* One more pitfall slot, not yet filled. */
static inline struct pitfall_hit *
push_pitfall(struct grading *g)
{
	if (g->npits >= g->pcap || g->pits == NULL)
		g->pits = pool_grow(g, g->pits, &g->npits, &g->pcap,
		    sizeof *g->pits, _Alignof(struct pitfall_hit));
	return &g->pits[g->npits++];
}

struct evidence *
grading_new_evidence(struct grading *g, enum criterion c)
{
	struct evidence *e = push_evidence(g, c);
	memset(e, 0, sizeof *e);
	return e;
}

struct pitfall_hit *
grading_new_pitfall(struct grading *g)
{
	struct pitfall_hit *h = push_pitfall(g);
	memset(h, 0, sizeof *h);
	return h;
}

/* Copies of a[0..an) and b (NUL-terminated; "" for NULL) in one piece of
 * g's pool: *text and *why point into it. */
static void
pool_two(struct grading *g, const char *a, size_t an, const char *b,
    char **text, char **why)
{
	if (b == NULL)
		b = "";
	size_t bn = strlen(b);
	char *p = pool_alloc(g, an + bn + 2, 1);
	if (an)
		memcpy(p, a, an);
	p[an] = '\0';
	memcpy(p + an + 1, b, bn + 1);
	*text = p;
	*why = p + an + 1;
}

static char *
pool_strdup(struct grading *g, const char *s)
{
	return grading_strndup(g, s, strlen(s));
}

void
grading_copy(struct grading *dst, const struct grading *src)
{
	grading_init(dst);
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *s = &src->crit[c];
		struct crit_result *d = &dst->crit[c];
		d->detected = s->detected;
		d->met = s->met;
		d->score = s->score;
		for (size_t i = 0; i < s->nev; i++) {
			struct evidence *e = grading_new_evidence(dst,
			    (enum criterion)c);
			*e = s->ev[i];
			e->text = pool_strdup(dst, s->ev[i].text);
			e->why = pool_strdup(dst, s->ev[i].why);
		}
		d->tip = s->tip ? pool_strdup(dst, s->tip) : NULL;
	}
	for (size_t i = 0; i < src->npits; i++) {
		struct pitfall_hit *h = grading_new_pitfall(dst);
		*h = src->pits[i];
		h->text = pool_strdup(dst, src->pits[i].text);
		h->why = pool_strdup(dst, src->pits[i].why);
	}
	dst->overall = src->overall;
}

void
grading_add_evidence(struct grading *g, enum criterion c, const char *reply,
    size_t start, size_t end, bool positive, const char *why)
{
	struct evidence *e = push_evidence(g, c);
	if (end < start)
		end = start;
	e->start = start;
	e->end = end;
	pool_two(g, reply ? reply + start : "", reply ? end - start : 0, why,
	    &e->text, &e->why);
	e->positive = positive;
}

void
grading_add_pitfall(struct grading *g, enum pitfall p, const char *reply,
    size_t start, size_t end, const char *why)
{
	struct pitfall_hit *h = push_pitfall(g);
	if (end < start)
		end = start;
	h->kind = p;
	h->start = start;
	h->end = end;
	pool_two(g, reply ? reply + start : "", reply ? end - start : 0, why,
	    &h->text, &h->why);
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
	g->crit[c].tip = tip ? pool_strdup(g, tip) : NULL;
}

void
grading_set_tipn(struct grading *g, enum criterion c, const char *tip,
    size_t n)
{
	g->crit[c].tip = grading_strndup(g, tip, n);
}
