/* text_overlap.c: stemmed content-word overlap (restatement of facts). */
#include "text_overlap.h"

#include <stdlib.h>
#include <string.h>

#include "stem.h"
#include "xalloc.h"

/* The set changes: what overlap_match() remembered no longer holds. */
static void
forget_ids(struct overlap_set *os)
{
	if (os->nseen_id)
		memset(os->seen_id, 0, os->nseen_id * sizeof *os->seen_id);
}

void
overlap_set_clear(struct overlap_set *os)
{
	text_map_free(&os->stems);
	os->n = 0;
	os->nunits = 0;
	forget_ids(os);
}

void
overlap_set_free(struct overlap_set *os)
{
	text_map_free(&os->stems);
	free(os->ent);
	free(os->seen_id);
	memset(os, 0, sizeof *os);
}

_Static_assert(OVERLAP_STEM == STEM_MEMO_LEN, "stem memo holds a stem");

/* Is token i a content word?  Its stem goes to out. */
static inline __attribute__((always_inline)) size_t
content_stem(const struct text_tokens *t, size_t i, const struct text_map *stop,
    struct stemmer *st, char *out)
{
	const struct token *k = &t->v[i];
	const char *w = t->buf + k->off;
	if (k->kind == TOK_NUM) {
		size_t n = k->len < OVERLAP_STEM - 1 ? k->len : OVERLAP_STEM - 1;
		memcpy(out, w, n);
		out[n] = '\0';
		return n;
	}
	if (k->kind != TOK_WORD)
		return 0;
	/* The result is remembered by vocabulary id, or for another word
	 * by its text (the stop list and the stemmer are the scorer's, the
	 * same every call). */
	uint32_t h = 0;
	if (k->id >= 0) {
		int r = stem_memo_get(st, (uint32_t)k->id, out);
		if (r >= 0)
			return (size_t)r;
	} else {
		/* Other words by their text. */
		h = text_map_hash_fast(w, k->len);
		int r = stem_memo_get_word(st, w, k->len, h, out);
		if (r >= 0)
			return (size_t)r;
	}
	size_t n = 0;
	if (k->len >= 2 && text_map_get_h(stop, w, k->len,
	    k->id >= 0 ? text_map_hash_fast(w, k->len) : h) < 0)
		n = stem_word(st, w, k->len, out, OVERLAP_STEM);
	else
		out[0] = '\0';
	if (k->id >= 0)
		stem_memo_put(st, (uint32_t)k->id, out, n);
	else
		stem_memo_put_word(st, w, k->len, h, out, n);
	return n;
}

void
overlap_set_add(struct overlap_set *os, const struct text_tokens *t,
    size_t from, size_t to, size_t fact, const struct text_map *stop,
    struct stemmer *st)
{
	if (os->nunits >= OVERLAP_MAX_UNITS)
		return;
	size_t u = os->nunits++;
	os->unit_fact[u] = fact;
	forget_ids(os);
	char s[OVERLAP_STEM];
	for (size_t i = from; i < to && i < t->n; i++) {
		size_t n = content_stem(t, i, stop, st, s);
		if (n == 0)
			continue;
		const struct token *k = &t->v[i];
		uint8_t spec = k->kind == TOK_NUM ||
		    ((k->flags & TF_CAP1) && !(k->flags & TF_SENT_START) &&
		    !(k->flags & TF_CAPS) && k->len > 1);
		int e = text_map_get(&os->stems, s, n);
		if (e < 0) {
			e = (int)os->n;
			os->ent = xgrow(os->ent, &os->cap, os->n + 1, sizeof *os->ent);
			memset(&os->ent[e], 0, sizeof os->ent[e]);
			memcpy(os->ent[e].stem, s, n + 1);
			os->ent[e].slen = (uint8_t)n;
			os->n++;
			text_map_set(&os->stems, s, n, e);
		}
		os->ent[e].units |= (uint64_t)1 << u;
		os->ent[e].specific |= spec;
	}
}

/* The entry a reply word names, or -1: the same stem, the stem after
 * "un" (unblocked ~ blocked), or a compound starting or ending with it. */
static int
find_ent(const struct overlap_set *os, const char *s, size_t n,
    const char *word, size_t wn)
{
	int e = text_map_get(&os->stems, s, n);
	if (e >= 0)
		return e;
	if (n > 4 && s[0] == 'u' && s[1] == 'n') {
		e = text_map_get(&os->stems, s + 2, n - 2);
		if (e >= 0)
			return e;
	}
	if (wn >= 7 && os->n <= 256) {
		for (size_t i = 0; i < os->n; i++) {
			const char *es = os->ent[i].stem;
			size_t l = os->ent[i].slen;
			if (l >= 4 && l + 3 <= wn &&
			    ((word[0] == es[0] && text_map_key_eq(word, es, l)) ||
			    (word[wn - l] == es[0] &&
			    text_map_key_eq(word + wn - l, es, l))))
				return (int)i;
		}
	}
	return -1;
}

/* The entry token i names, or -1 (find_ent() of its content stem). */
static int
token_ent(const struct overlap_set *os, const struct text_tokens *t,
    size_t i, const struct text_map *stop, struct stemmer *st)
{
	char s[OVERLAP_STEM];
	size_t n = content_stem(t, i, stop, st, s);
	if (n == 0)
		return -1;
	return find_ent(os, s, n, t->buf + t->v[i].off, t->v[i].len);
}

size_t
overlap_match(struct overlap_set *os, const struct text_tokens *t,
    const struct text_map *stop, struct stemmer *st, uint32_t skip_mark,
    uint32_t *hits, uint32_t *hit_ent, size_t cap, struct overlap_result *res)
{
	/* Only the units the set has (and unit 0, which best_unit names
	 * when there are none): the whole array is 64 counts. */
	res->best_unit = res->distinct = res->specific = 0;
	memset(res->unit_hits, 0, (os->nunits ? os->nunits : 1) *
	    sizeof *res->unit_hits);
	if (os->n == 0)
		return 0;
	uint8_t seen_small[256];
	uint8_t *seen = os->n <= sizeof seen_small ? seen_small :
	    xcalloc(os->n, 1);
	memset(seen, 0, os->n <= sizeof seen_small ? os->n : 0);
	size_t nh = 0;
	/* In locals, for the common case below: seen_id has a slot for
	 * the word's id already. */
	const struct token *v = t->v;
	int16_t *sid = os->seen_id;
	size_t nsid = os->n < INT16_MAX ? os->nseen_id : 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct token *k = &v[i];
		if (k->mark & skip_mark)
			continue;
		int e;
		/* A word of the vocabulary always names the same entry. */
		uint32_t id = (uint32_t)k->id;
		if (k->kind == TOK_WORD && id < nsid) {
			int f = sid[id];
			if (f == 0) {
				f = token_ent(os, t, i, stop, st);
				f = sid[id] = (int16_t)(f >= 0 ? f + 1 : -1);
			}
			if (f < 0)
				continue;
			e = f - 1;
		} else if (k->kind != TOK_WORD && k->kind != TOK_NUM) {
			/* Only words and numbers are content
			 * (content_stem()). */
			continue;
		} else if (k->kind == TOK_WORD && k->id >= 0 &&
		    os->n < INT16_MAX) {
			/* The same, with no slot for the id yet. */
			os->seen_id = xgrow_zero(os->seen_id, &os->nseen_id,
			    (size_t)id + 1, sizeof *os->seen_id);
			sid = os->seen_id;
			nsid = os->nseen_id;
			e = token_ent(os, t, i, stop, st);
			sid[id] = (int16_t)(e >= 0 ? e + 1 : -1);
		} else {
			e = token_ent(os, t, i, stop, st);
		}
		if (e < 0)
			continue;
		if (nh < cap) {
			if (hit_ent)
				hit_ent[nh] = (uint32_t)e;
			hits[nh++] = (uint32_t)i;
		}
		if (seen[e])
			continue;
		seen[e] = 1;
		res->distinct++;
		res->specific += os->ent[e].specific;
		for (size_t u = 0; u < os->nunits; u++)
			if (os->ent[e].units & ((uint64_t)1 << u))
				res->unit_hits[u]++;
	}
	for (size_t u = 0; u < os->nunits; u++)
		if (res->unit_hits[u] > res->unit_hits[res->best_unit])
			res->best_unit = u;
	if (seen != seen_small)
		free(seen);
	return nh;
}
