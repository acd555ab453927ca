/* text_map.h: an open-addressing hash map from byte strings to ints.
 *
 * Used to intern words (lexicon vocabulary, normalisation tables, typo
 * neighbourhoods).  A map owns copies of its keys; text_map_free()
 * releases them.  Zero-initialise (struct text_map m = {0}) before use. */
#ifndef IRATE_TEXT_MAP_H
#define IRATE_TEXT_MAP_H

#include <stddef.h>
#include <stdint.h>

struct text_map_ent {
	char *key;      /* owned, NUL-terminated; NULL for an empty slot */
	uint32_t klen;
	uint32_t hash;
	int val;
};

struct text_map {
	struct text_map_ent *v;
	size_t cap;     /* a power of two, or 0 */
	size_t n;
};

/* FNV-1a hash of k[0..n). */
uint32_t text_map_hash(const char *k, size_t n);
/* The value stored for k[0..n), or -1 when absent. */
int text_map_get(const struct text_map *m, const char *k, size_t n);
/* Store val for k[0..n) unless k is already present.  Returns the value
 * now stored for k (the old one if it was present). */
int text_map_add(struct text_map *m, const char *k, size_t n, int val);
/* Store val for k[0..n), replacing any old value. */
void text_map_set(struct text_map *m, const char *k, size_t n, int val);
void text_map_free(struct text_map *m);

#endif
