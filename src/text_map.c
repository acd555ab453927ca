/* text_map.c: open-addressing string -> int hash map (linear probing). */
#include "text_map.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

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

int
text_map_get(const struct text_map *m, const char *k, size_t n)
{
	if (m->cap == 0 || n > UINT32_MAX)
		return -1;
	const struct text_map_ent *e = map_slot(m, k, n, text_map_hash(k, n));
	return e->key ? e->val : -1;
}

static struct text_map_ent *
map_insert(struct text_map *m, const char *k, size_t n, int val, int *added)
{
	if ((m->n + 1) * 2 > m->cap)
		map_grow(m);
	uint32_t h = text_map_hash(k, n);
	struct text_map_ent *e = map_slot(m, k, n, h);
	*added = e->key == NULL;
	if (*added) {
		e->key = xstrndup(k, n);
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
	int added;
	return map_insert(m, k, n, val, &added)->val;
}

void
text_map_set(struct text_map *m, const char *k, size_t n, int val)
{
	int added;
	map_insert(m, k, n, val, &added)->val = val;
}

void
text_map_free(struct text_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	memset(m, 0, sizeof *m);
}
