/* text_typo.c: one-edit typo correction of keywords by symmetric deletion. */
#include "text_typo.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define TYPO_MAX 32
#define FILTER_BITS 15 /* a 4 KB filter */
#define HASH_P 0x100000001b3ull

/* A polynomial hash, so that the hashes of a word's one-byte deletions
 * come in linear time: H(s) = sum (s[j] + 1) * P^(len - 1 - j). */
static uint64_t
poly(const char *s, size_t n)
{
	uint64_t h = 0;
	for (size_t i = 0; i < n; i++)
		h = h * HASH_P + (unsigned char)s[i] + 1;
	return h;
}

static size_t
filter_bit(uint64_t h)
{
	return (size_t)((h * 0x9E3779B97F4A7C15ull) >> (64 - FILTER_BITS));
}

static void
filter_set(struct text_typo *ty, uint64_t h)
{
	size_t b = filter_bit(h);
	ty->filter[b >> 6] |= (uint64_t)1 << (b & 63);
}

static int
filter_has(const struct text_typo *ty, uint64_t h)
{
	size_t b = filter_bit(h);
	return (ty->filter[b >> 6] >> (b & 63)) & 1;
}

void
text_typo_add(struct text_typo *ty, const char *word)
{
	size_t n = strlen(word);
	if (n < 4 || n > TYPO_MAX || text_map_get(&ty->exact, word, n) >= 0)
		return;
	int idx = (int)ty->n;
	ty->words = xgrow(ty->words, &ty->cap, ty->n + 1, sizeof *ty->words);
	ty->words[ty->n++] = xstrdup(word);
	text_map_set(&ty->exact, word, n, idx);
	if (ty->filter == NULL)
		ty->filter = xcalloc((size_t)1 << (FILTER_BITS - 6),
		    sizeof *ty->filter);
	filter_set(ty, poly(word, n));
	char d[TYPO_MAX];
	for (size_t i = 0; i < n; i++) {
		memcpy(d, word, i);
		memcpy(d + i, word + i + 1, n - i - 1);
		filter_set(ty, poly(d, n - 1));
		int old = text_map_add(&ty->dels, d, n - 1, idx);
		if (old != idx && old != -2)
			text_map_set(&ty->dels, d, n - 1, -2);
	}
}

const char *
text_typo_fix(const struct text_typo *ty, const char *w, size_t n)
{
	if (ty->n == 0 || n < 4 || n > TYPO_MAX + 1)
		return NULL;
	/* pre[i]: hash of w[0..i); suf[i]: hash of w[i..n); pw[i]: P^i. */
	uint64_t pre[TYPO_MAX + 2], suf[TYPO_MAX + 2], pw[TYPO_MAX + 2];
	pre[0] = 0;
	pw[0] = 1;
	for (size_t i = 0; i < n; i++) {
		pre[i + 1] = pre[i] * HASH_P + (unsigned char)w[i] + 1;
		pw[i + 1] = pw[i] * HASH_P;
	}
	suf[n] = 0;
	for (size_t i = n; i-- > 0;)
		suf[i] = ((unsigned char)w[i] + 1) * pw[n - 1 - i] + suf[i + 1];
	int k;
	if (filter_has(ty, pre[n])) {
		if (text_map_get(&ty->exact, w, n) >= 0)
			return NULL;
		/* w lacks one letter of a keyword ("sory"). */
		k = text_map_get(&ty->dels, w, n);
		if (k >= 0)
			return ty->words[k];
	}
	char d[TYPO_MAX + 1];
	for (size_t i = 0; i < n; i++) {
		/* Neither lookup below can succeed if d's bit is clear. */
		if (!filter_has(ty, pre[i] * pw[n - 1 - i] + suf[i + 1]))
			continue;
		memcpy(d, w, i);
		memcpy(d + i, w + i + 1, n - i - 1);
		/* w has one letter too many ("sorrry"). */
		k = text_map_get(&ty->exact, d, n - 1);
		if (k >= 0)
			return ty->words[k];
		/* One letter changed or two swapped ("frustrsting"). */
		if (n >= 6) {
			k = text_map_get(&ty->dels, d, n - 1);
			if (k >= 0 && strlen(ty->words[k]) == n)
				return ty->words[k];
		}
	}
	return NULL;
}

void
text_typo_free(struct text_typo *ty)
{
	for (size_t i = 0; i < ty->n; i++)
		free(ty->words[i]);
	free(ty->words);
	free(ty->filter);
	text_map_free(&ty->exact);
	text_map_free(&ty->dels);
	memset(ty, 0, sizeof *ty);
}
