/* stem.c: Snowball stemming through libstemmer, with a small cache.
 *
 * Stemming a word costs some hundreds of instructions; replies and facts
 * repeat their words, so the last stems are kept in a 4-way
 * set-associative cache (words up to STEM_CACHE_WORD - 1 bytes; the
 * oldest of a set is replaced).  The stem of a word never depends on
 * anything else, so the cache changes no result. */
#include "stem.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define STEM_CACHE_SLOTS 8192 /* a power of two */
#define STEM_CACHE_WORD 30
#define STEM_CACHE_WAYS 4     /* slots per set: a power of two */

struct stem_slot {
	uint8_t wlen;         /* 0: empty */
	uint8_t slen;
	char w[STEM_CACHE_WORD];
	char s[STEM_CACHE_WORD];
};

struct stem_memo {
	uint8_t len1;         /* 0: nothing stored; else the length + 1 */
	char s[STEM_MEMO_LEN];
};

struct stem_word_memo {
	uint32_t hash;
	uint8_t wlen;         /* 0: empty */
	uint8_t len1;         /* the result's length + 1 */
	char w[STEM_MEMO_LEN];
	char s[STEM_MEMO_LEN];
};

struct stemmer {
	struct sb_stemmer *sb;
	struct stem_slot *cache; /* STEM_CACHE_SLOTS, allocated on first use */
	struct stem_memo *memo;  /* STEM_MEMO_IDS, allocated on first use */
	struct stem_word_memo *wmemo; /* STEM_WORD_MEMO, the same */
};

struct stemmer *
stem_new(const char *language)
{
	struct sb_stemmer *sb = sb_stemmer_new(language, NULL);
	if (sb == NULL)
		return NULL;
	struct stemmer *st = xcalloc(1, sizeof *st);
	st->sb = sb;
	return st;
}

void
stem_free(struct stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	free(st->cache);
	free(st->memo);
	free(st->wmemo);
	free(st);
}

/* a[0..n) == b[0..n), inline (words are short). */
static inline int
key_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static size_t
put(char *out, size_t cap, const void *r, size_t rn)
{
	size_t m = rn < cap - 1 ? rn : cap - 1;
	memcpy(out, r, m);
	out[m] = '\0';
	return m;
}

size_t
stem_word(struct stemmer *st, const char *w, size_t n, char *out, size_t cap)
{
	if (cap == 0)
		return 0;
	if (st == NULL || n == 0 || n >= 64)
		return put(out, cap, w, n);
	struct stem_slot *set = NULL;
	if (n < STEM_CACHE_WORD) {
		if (st->cache == NULL)
			st->cache = xcalloc(STEM_CACHE_SLOTS, sizeof *st->cache);
		uint32_t h = 2166136261u;
		for (size_t i = 0; i < n; i++) {
			h ^= (unsigned char)w[i];
			h *= 16777619u;
		}
		set = &st->cache[((h ^ (h >> 15)) & (STEM_CACHE_SLOTS - 1)) &
		    ~(uint32_t)(STEM_CACHE_WAYS - 1)];
		for (int j = 0; j < STEM_CACHE_WAYS; j++)
			if (set[j].wlen == n && key_eq(set[j].w, w, n))
				return put(out, cap, set[j].s, set[j].slen);
	}
	const sb_symbol *r = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)n);
	if (r == NULL)
		return put(out, cap, w, n);
	size_t rn = (size_t)sb_stemmer_length(st->sb);
	if (set && rn < STEM_CACHE_WORD) {
		/* The newest first; the oldest of the set goes. */
		memmove(set + 1, set, (STEM_CACHE_WAYS - 1) * sizeof *set);
		struct stem_slot *slot = set;
		slot->wlen = (uint8_t)n;
		slot->slen = (uint8_t)rn;
		memcpy(slot->w, w, n);
		memcpy(slot->s, r, rn);
	}
	return put(out, cap, r, rn);
}

int
stem_memo_get(struct stemmer *st, uint32_t id, char *out)
{
	if (st == NULL || st->memo == NULL || id >= STEM_MEMO_IDS)
		return -1;
	const struct stem_memo *m = &st->memo[id];
	if (m->len1 == 0)
		return -1;
	memcpy(out, m->s, STEM_MEMO_LEN);
	return m->len1 - 1;
}

void
stem_memo_put(struct stemmer *st, uint32_t id, const char *s, size_t n)
{
	if (st == NULL || id >= STEM_MEMO_IDS || n >= STEM_MEMO_LEN)
		return;
	if (st->memo == NULL)
		st->memo = xcalloc(STEM_MEMO_IDS, sizeof *st->memo);
	struct stem_memo *m = &st->memo[id];
	memset(m->s, 0, sizeof m->s);
	memcpy(m->s, s, n);
	m->len1 = (uint8_t)(n + 1);
}

int
stem_memo_get_word(struct stemmer *st, const char *w, size_t n, uint32_t h,
    char *out)
{
	if (st == NULL || st->wmemo == NULL || n == 0 || n >= STEM_MEMO_LEN)
		return -1;
	const struct stem_word_memo *m = &st->wmemo[h & (STEM_WORD_MEMO - 1)];
	if (m->wlen != n || m->hash != h || !key_eq(m->w, w, n))
		return -1;
	memcpy(out, m->s, STEM_MEMO_LEN);
	return m->len1 - 1;
}

void
stem_memo_put_word(struct stemmer *st, const char *w, size_t n, uint32_t h,
    const char *s, size_t sn)
{
	if (st == NULL || n == 0 || n >= STEM_MEMO_LEN || sn >= STEM_MEMO_LEN)
		return;
	if (st->wmemo == NULL)
		st->wmemo = xcalloc(STEM_WORD_MEMO, sizeof *st->wmemo);
	struct stem_word_memo *m = &st->wmemo[h & (STEM_WORD_MEMO - 1)];
	m->hash = h;
	m->wlen = (uint8_t)n;
	memcpy(m->w, w, n);
	memset(m->s, 0, sizeof m->s);
	memcpy(m->s, s, sn);
	m->len1 = (uint8_t)(sn + 1);
}
