/* text_map.c: open-addressing string -> int hash map (linear probing). */
#include "text_map.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Keys live in blocks of at least BLOCK_MIN bytes, freed together. */
#define BLOCK_MIN 4000

struct text_map_block {
	struct text_map_block *next;
	size_t used, cap;
	char data[];
};

uint32_t
text_map_hash(const char *k, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)k[i];
		h *= 16777619u;
	}
	return h;
}

static struct text_map_ent *
map_slot(const struct text_map *m, const char *k, size_t n, uint32_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct text_map_ent *e = &m->v[i];
		if (e->key == NULL)
			return e;
		if (e->hash == h && e->klen == n && memcmp(e->key, k, n) == 0)
			return e;
	}
}

static void
map_grow(struct text_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	struct text_map_ent *old = m->v;
	size_t ocap = m->cap;
	m->v = xcalloc(ncap, sizeof *m->v);
	m->cap = ncap;
	for (size_t i = 0; i < ocap; i++) {
		if (old[i].key == NULL)
			continue;
		*map_slot(m, old[i].key, old[i].klen, old[i].hash) = old[i];
	}
	free(old);
}

/* A copy of k[0..n), NUL-terminated, in the map's blocks. */
static const char *
keep_key(struct text_map *m, const char *k, size_t n)
{
	struct text_map_block *b = m->blocks;
	if (b == NULL || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > BLOCK_MIN ? n + 1 : BLOCK_MIN;
		b = xmalloc(sizeof *b + cap);
		b->next = m->blocks;
		b->used = 0;
		b->cap = cap;
		m->blocks = b;
	}
	char *p = b->data + b->used;
	memcpy(p, k, n);
	p[n] = '\0';
	b->used += n + 1;
	return p;
}

static struct text_map_ent *
map_insert(struct text_map *m, const char *k, size_t n, int val)
{
	if ((m->n + 1) * 2 > m->cap)
		map_grow(m);
	uint32_t h = text_map_hash_fast(k, n);
	struct text_map_ent *e = map_slot(m, k, n, h);
	if (e->key == NULL) {
		e->key = keep_key(m, k, n);
		e->klen = (uint32_t)n;
		e->hash = h;
		e->val = val;
		m->n++;
	}
	return e;
}

int
text_map_add(struct text_map *m, const char *k, size_t n, int val)
{
	return map_insert(m, k, n, val)->val;
}

void
text_map_set(struct text_map *m, const char *k, size_t n, int val)
{
	map_insert(m, k, n, val)->val = val;
}

void
text_map_free(struct text_map *m)
{
	struct text_map_block *b = m->blocks;
	while (b) {
		struct text_map_block *next = b->next;
		free(b);
		b = next;
	}
	free(m->v);
	memset(m, 0, sizeof *m);
}
