/* score_pitfalls.c: pitfalls (template, too long, ...) and the overall score. */
#include <stdlib.h>
#include <string.h>

#include "score_parts.h"
#include "xalloc.h"

/* Hashes of the consecutive word pairs of t (single words if only one),
 * in *buf (grown as needed), in text order. */
static size_t
pair_hashes(struct scorer *s, const struct text_tokens *t, uint64_t **buf,
    size_t *cap)
{
	size_t n = 0;
	uint64_t prev = 0;
	bool have = false;
	*buf = xgrow(*buf, cap, t->n + 1, sizeof **buf);
	for (size_t i = 0; i < t->n; i++) {
		const struct token *k = &t->v[i];
		if (!text_is_word(k))
			continue;
		uint64_t h;
		if (k->id >= 0) {
			/* A vocabulary id stands for one text: its hash is
			 * remembered. */
			size_t id = (size_t)k->id;
			if (id >= s->cwhash)
				s->whash = xgrow_zero(s->whash, &s->cwhash, id + 1,
				    sizeof *s->whash);
			h = s->whash[id];
			if (h == 0)
				h = s->whash[id] =
				    text_map_hash(t->buf + k->off, k->len) | 1;
		} else {
			h = text_map_hash(t->buf + k->off, k->len) | 1;
		}
		if (have)
			(*buf)[n++] = prev * 0x9e3779b97f4a7c15ull ^ h;
		prev = h;
		have = true;
	}
	if (n == 0 && have)
		(*buf)[n++] = prev;
	return n;
}

/* A set of hashes: open addressing in v (mask + 1 slots, 0 empty), with
 * zero itself noted apart. */
struct hset {
	uint64_t *v;
	size_t mask;
	bool zero;
};

/* Empty hs, with room for n hashes; *buf and *cap are its storage. */
static void
hset_init(struct hset *hs, uint64_t **buf, size_t *cap, size_t n)
{
	size_t slots = 16;
	while (slots < 2 * n)
		slots *= 2;
	*buf = xgrow(*buf, cap, slots, sizeof **buf);
	memset(*buf, 0, slots * sizeof **buf);
	hs->v = *buf;
	hs->mask = slots - 1;
	hs->zero = false;
}

/* Is x in hs? */
static bool
hset_has(const struct hset *hs, uint64_t x)
{
	if (x == 0)
		return hs->zero;
	for (size_t i = (size_t)(x >> 17) & hs->mask;; i = (i + 1) & hs->mask) {
		if (hs->v[i] == x)
			return true;
		if (hs->v[i] == 0)
			return false;
	}
}

/* Add x to hs; false if it was there already. */
static bool
hset_add(struct hset *hs, uint64_t x)
{
	if (x == 0) {
		bool was = hs->zero;
		hs->zero = true;
		return !was;
	}
	size_t i = (size_t)(x >> 17) & hs->mask;
	while (hs->v[i] != 0) {
		if (hs->v[i] == x)
			return false;
		i = (i + 1) & hs->mask;
	}
	hs->v[i] = x;
	return true;
}

/* Jaccard similarity of the set a (na distinct hashes) and the hashes
 * b[0..nb) (duplicates collapsed), hb holding b's distinct ones. */
static double
jaccard(const struct hset *a, size_t na, const uint64_t *b, size_t nb,
    struct hset *hb)
{
	size_t inter = 0, ub = 0;
	for (size_t j = 0; j < nb; j++) {
		if (!hset_add(hb, b[j]))
			continue;
		ub++;
		inter += hset_has(a, b[j]);
	}
	size_t uni = na + ub - inter;
	return uni ? (double)inter / (double)uni : 0.0;
}

static void
template_history(struct score_run *r)
{
	struct scorer *s = r->s;
	const struct score_ctx *ctx = r->ctx;
	if (ctx->nhistory == 0 || ctx->history == NULL)
		return;
	size_t n1 = pair_hashes(s, &s->tok, &s->h1, &s->ch1);
	if (n1 == 0)
		return;
	struct hset a, b;
	size_t na = 0;
	hset_init(&a, &s->hs1, &s->chs1, n1);
	for (size_t i = 0; i < n1; i++)
		na += hset_add(&a, s->h1[i]);
	for (size_t h = 0; h < ctx->nhistory; h++) {
		const char *old = ctx->history[h];
		if (old == NULL)
			continue;
		/* The reply graded last is still tokenized in s->prev. */
		size_t olen = strlen(old);
		const struct text_tokens *ot = &s->prev;
		if (!s->have_prev || olen != s->prev_len ||
		    memcmp(old, s->prev_text, olen) != 0) {
			text_tokenize_memo(&s->lx->norm, old, olen, &s->tmp,
			    &s->memo);
			ot = &s->tmp;
		}
		size_t n2 = pair_hashes(s, ot, &s->h2, &s->ch2);
		if (n2 == 0)
			continue;
		hset_init(&b, &s->hs2, &s->chs2, n2);
		if (jaccard(&a, na, s->h2, n2, &b) >= r->lx->duplicate_similarity) {
			score_pitfall(r, PIT_TEMPLATE, 0, s->tok.n,
			    "the same reply was already sent in this conversation");
			return;
		}
	}
}

/* Write v in decimal at out (at most 20 digits); returns the length. */
static size_t
put_uint(char *out, size_t v)
{
	char d[24];
	size_t n = 0;
	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		out[i] = d[n - 1 - i];
	return n;
}

void
score_pitfalls(struct score_run *r)
{
	struct scorer *s = r->s;
	const struct text_tokens *t = &s->tok;
	const struct grading *g = r->g;
	int napology = 0, nweak = 0, nref = 0;
	bool stock = false, owned = false;
	/* "The warehouse missed it, which is our mistake" owns the fault:
	 * naming who slipped is then no blame. */
	for (size_t i = 0; i < s->m.n && !owned; i++)
		owned = s->m.v[i].cat == LC_OWNS_FAULT && !s->dead[i] &&
		    !score_negated(r, &s->m.v[i]);
	size_t stock_a = 0, stock_b = 0;
	uint32_t apology_end = 0, weak_end = 0;
	for (size_t i = 0; i < s->m.n; i++) {
		const struct lex_match *x = &s->m.v[i];
		bool live = !s->dead[i];
		switch (x->cat) {
		case LC_REFUSAL:
			if (!g->crit[CRIT_ALTERNATIVE].detected && nref++ < 3)
				score_pitfall(r, PIT_NEGATIVE_LANGUAGE, x->start, x->end,
				    score_why(r, x));
			break;
		case LC_BLAMES_CUSTOMER:
		case LC_DOUBTS_CUSTOMER:
			if (live && !score_negated(r, x))
				score_pitfall(r, PIT_BLAMES_CUSTOMER, x->start, x->end,
				    score_why(r, x));
			break;
		case LC_BLAMES_COLLEAGUE:
			if (!owned && !score_negated(r, x))
				score_pitfall(r, PIT_BLAMES_COLLEAGUE, x->start, x->end,
				    score_why(r, x));
			break;
		case LC_STOCK:
			if (!stock) {
				stock = true;
				stock_a = x->start;
				stock_b = x->end;
			}
			break;
		/* Matches that overlap ("so sorry", "sorry about") are one
		 * apology: count only those after the last one counted. */
		case LC_APOLOGY:
			if (live && x->start >= apology_end) {
				napology++;
				apology_end = x->end;
			}
			break;
		case LC_EMPATHY_WEAK:
			if (live && x->start >= weak_end) {
				nweak++;
				weak_end = x->end;
			}
			break;
		default:
			break;
		}
	}
	template_history(r);
	if (stock && !g->crit[CRIT_RESTATE].detected && !r->has_num)
		score_pitfall(r, PIT_TEMPLATE, stock_a, stock_b,
		    "a stock phrase with nothing specific to this customer");
	if (napology >= 3 || nweak >= 3)
		score_pitfall(r, PIT_TEMPLATE, 0, 0,
		    "the same stock phrase repeated: say it once and mean it");
	size_t at = r->long_at, words = r->nwords; /* score_mark() */
	if (words > (size_t)r->lx->too_long_words) {
		/* "%zu words: keep it under about %d", without printf. */
		char why[80];
		size_t n = put_uint(why, words);
		memcpy(why + n, " words: keep it under about ", 28);
		n += 28;
		n += put_uint(why + n, (size_t)r->lx->too_long_words);
		why[n] = '\0';
		score_pitfall(r, PIT_TOO_LONG, at, t->n, why);
	}
}

void
score_overall(struct score_run *r)
{
	struct grading *g = r->g;
	long sum = 0, wsum = 0;
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *cr = &g->crit[c];
		int v = cr->score;
		if (c == CRIT_APOLOGY && cr->met && !cr->detected)
			v = 100; /* nothing owed */
		sum += (long)r->lx->crit_weight[c] * v;
		wsum += r->lx->crit_weight[c];
	}
	long overall = wsum ? (sum + wsum / 2) / wsum : 0;
	for (int p = 0; p < PIT_COUNT; p++)
		if (grading_has_pitfall(g, (enum pitfall)p))
			overall -= r->lx->pit_penalty[p];
	g->overall = overall < 0 ? 0 : overall > 100 ? 100 : (int)overall;
}
