/* text_map.h: an open-addressing hash map from byte strings to ints.
 *
 * Used to intern words (lexicon vocabulary, normalisation tables, typo
 * neighbourhoods).  A map owns copies of its keys (kept in blocks, not one
 * allocation each); text_map_free() releases them.  Zero-initialise
 * (struct text_map m = {0}) before use. */
#ifndef IRATE_TEXT_MAP_H
#define IRATE_TEXT_MAP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct text_map_ent {
	const char *key; /* owned (in a block), NUL-terminated; NULL: empty */
	uint32_t klen;
	uint32_t hash;
	int val;
};

struct text_map_block;

struct text_map {
	struct text_map_ent *v;
	size_t cap;     /* a power of two, or 0 */
	size_t n;
	struct text_map_block *blocks; /* the keys */
};

/* FNV-1a hash of k[0..n) (not the map's own hash: callers may keep it). */
uint32_t text_map_hash(const char *k, size_t n);

/* The map's hash: a few multiplications for a short key. */
static inline uint32_t
text_map_hash_fast(const char *k, size_t n)
{
	const uint64_t m = 0x9E3779B97F4A7C15ull;
	const unsigned char *p = (const unsigned char *)k;
	uint64_t h = (uint64_t)n * m, v;
	while (n > 8) {
		memcpy(&v, p, 8);
		h = (h ^ v) * m;
		h ^= h >> 29;
		p += 8;
		n -= 8;
	}
	if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		v = ((uint64_t)a << 32) | b;
	} else if (n > 0) {
		v = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
	} else {
		v = 0;
	}
	h = (h ^ v ^ 0x5bd1e995u) * m;
	h ^= h >> 32;
	return (uint32_t)h;
}

/* Are a[0..n) and b[0..n) the same bytes?  Inline: keys are short, and
 * a hash match makes them nearly always equal. */
static inline int
text_map_key_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* text_map_get() given h = text_map_hash_fast(k, n), so that one hash
 * serves lookups of the same key in several maps. */
static inline int
text_map_get_h(const struct text_map *m, const char *k, size_t n, uint32_t h)
{
	if (m->cap == 0 || n > UINT32_MAX)
		return -1;
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		const struct text_map_ent *e = &m->v[i];
		if (e->key == NULL)
			return -1;
		if (e->hash == h && e->klen == n && text_map_key_eq(e->key, k, n))
			return e->val;
	}
}

/* The value stored for k[0..n), or -1 when absent. */
static inline int
text_map_get(const struct text_map *m, const char *k, size_t n)
{
	if (m->cap == 0 || n > UINT32_MAX)
		return -1;
	return text_map_get_h(m, k, n, text_map_hash_fast(k, n));
}

/* Store val for k[0..n) unless k is already present.  Returns the value
 * now stored for k (the old one if it was present). */
int text_map_add(struct text_map *m, const char *k, size_t n, int val);
/* Store val for k[0..n), replacing any old value. */
void text_map_set(struct text_map *m, const char *k, size_t n, int val);
void text_map_free(struct text_map *m);

#endif
