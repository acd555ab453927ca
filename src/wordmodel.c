/* wordmodel.c: a learned word model applied to a reply: its features,
 * the probability and the cues (loading: wordmodel_load.c). */
#include "wordmodel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
/* Is token k a feature word: a word, a number, '!' or '?'?  Sets its
 * name. */
static bool
feature_word(const struct text_tokens *t, const struct token *k,
    const char **w, size_t *n)
{
	if (k->kind == TOK_WORD) {
		*w = t->buf + k->off;
		*n = k->len;
		return true;
	}
	if (k->kind == TOK_NUM) {
		*w = "#";
		*n = 1;
		return true;
	}
	if (k->kind == TOK_PUNCT && (t->buf[k->off] == '!' ||
	    t->buf[k->off] == '?')) {
		*w = t->buf + k->off;
		*n = 1;
		return true;
	}
	return false;
}

static void
emit(wordmodel_feature_fn fn, void *arg, char tag, const char *a, size_t na,
    const char *b, size_t nb, size_t from, size_t to)
{
	char key[WORDMODEL_KEY_MAX];
	size_t n = 0;
	key[n++] = tag;
	key[n++] = ':';
	memcpy(key + n, a, na);
	n += na;
	if (b) {
		key[n++] = ' ';
		memcpy(key + n, b, nb);
		n += nb;
	}
	key[n] = '\0';
	fn(key, n, 1.0, from, to, arg);
}

void
wordmodel_features(const struct text_tokens *t, wordmodel_feature_fn fn,
    void *arg)
{
	size_t nq = 0, nx = 0, ny = 0;
	const char *pw = NULL;
	size_t pn = 0, pi = 0;
	uint32_t psent = UINT32_MAX;
	for (size_t i = 0; i < t->n; i++) {
		const struct token *k = &t->v[i];
		const char *w;
		size_t n;
		if (!feature_word(t, k, &w, &n))
			continue;
		if (n == 1 && k->kind == TOK_PUNCT)
			*(w[0] == '?' ? &nq : &nx) += 1;
		if (k->kind == TOK_WORD && ((n == 3 && memcmp(w, "you", 3) == 0) ||
		    (n == 4 && memcmp(w, "your", 4) == 0)))
			ny++;
		emit(fn, arg, 'w', w, n, NULL, 0, i, i + 1);
		if (k->sent != psent) {
			emit(fn, arg, 'f', w, n, NULL, 0, i, i + 1);
		} else if (pw) {
			emit(fn, arg, 'b', pw, pn, w, n, pi, i + 1);
		}
		psent = k->sent;
		pw = w;
		pn = n;
		pi = i;
	}
	fn("q", 1, (double)(nq > 3 ? 3 : nq) / 3.0, 0, 0, arg);
	fn("x", 1, (double)(nx > 3 ? 3 : nx) / 3.0, 0, 0, arg);
	fn("y", 1, (double)(ny > 5 ? 5 : ny) / 5.0, 0, 0, arg);
}

void
wordmodel_run_free(struct wordmodel_run *run)
{
	free(run->seen);
	free(run->sent);
	memset(run, 0, sizeof *run);
}

/* Keep the WORDMODEL_CUES most negative cues, worst first. */
static void
add_cue(struct wordmodel_run *run, size_t a, size_t b, double w)
{
	if (w >= 0)
		return;
	size_t i = run->ncue;
	if (i == WORDMODEL_CUES) {
		if (w >= run->cue[WORDMODEL_CUES - 1].w)
			return;
		i--;
	} else {
		run->ncue++;
	}
	while (i > 0 && run->cue[i - 1].w > w) {
		run->cue[i] = run->cue[i - 1];
		i--;
	}
	run->cue[i] = (struct wordmodel_cue){a, b, w};
}

static void
next_gen(struct wordmodel_run *run)
{
	if (++run->gen == 0) { /* wrapped: forget every mark */
		memset(run->seen, 0, run->cseen * sizeof *run->seen);
		run->gen = 1;
	}
}

/* The weight w[ix] of feature ix (-1: none), or 0 if it was counted
 * already (seen[ix] == gen).  walk() passes them in locals: a store to
 * seen may alias run->gen, which would be read again after each one. */
static inline double
take(const float *w, uint16_t *seen, uint16_t gen, int ix)
{
	if (ix < 0 || seen[ix] == gen)
		return 0; /* each feature counts once */
	seen[ix] = gen;
	return w[ix];
}

/* The index of the pair feature of words p (before) and q, or -1. */
static inline int
pair_ix(const struct wordmodel_crit *tc, const struct wordmodel_word *p,
    const struct wordmodel_word *q)
{
	if (!(p->role & 1) || !(q->role & 2))
		return -1;
	uint32_t k = (uint32_t)p->pid << 16 | q->pid;
	size_t sl = wordmodel_pair_slot(tc, k);
	return tc->pkey[sl] ? tc->pix[sl] : -1;
}

enum walk { WALK_SUM, WALK_SENTENCES, WALK_CUES };

/* The same features as wordmodel_features(), looked up by vocabulary id: the
 * sum of their weights (WALK_SUM), also each sentence's negative sum in
 * run->sent (WALK_SENTENCES), or the cues of sentence run->worst
 * (WALK_CUES). */
static inline __attribute__((always_inline)) double
walk(const struct wordmodel_crit *tc, const struct text_tokens *t,
    struct wordmodel_run *run, enum walk how)
{
	static const struct wordmodel_word none = {-1, -1, 0, 0};
	next_gen(run);
	const float *fw = tc->w;
	uint16_t *seen = run->seen, gen = run->gen;
	const struct wordmodel_word *byid = tc->byid;
	size_t nbyid = tc->nbyid;
	double z = tc->bias;
	size_t nq = 0, nx = 0, ny = 0, pi = 0;
	const struct wordmodel_word *pw = &none;
	uint32_t psent = UINT32_MAX;
	for (size_t i = 0; i < t->n; i++) {
		const struct token *k = &t->v[i];
		const struct wordmodel_word *tw;
		if (k->kind == TOK_WORD) {
			/* a word without an id is none of the model's
			 * (wordmodel_index()) */
			tw = (size_t)(uint32_t)k->id < nbyid ?
			    &byid[(uint32_t)k->id] : &none;
			ny += (tw->role >> 2) & 1;
		} else if (k->kind == TOK_NUM) {
			tw = &tc->num;
		} else if (k->kind == TOK_PUNCT && t->buf[k->off] == '!') {
			tw = &tc->bang;
			nx++;
		} else if (k->kind == TOK_PUNCT && t->buf[k->off] == '?') {
			tw = &tc->ask;
			nq++;
		} else {
			continue;
		}
		double w1 = take(fw, seen, gen, tw->w);
		double w2 = k->sent != psent ? take(fw, seen, gen, tw->f) :
		    take(fw, seen, gen, pair_ix(tc, pw, tw));
		z += w1 + w2;
		if (how == WALK_SENTENCES) {
			run->sent[k->sent] += (w1 < 0 ? w1 : 0) + (w2 < 0 ? w2 : 0);
		} else if (how == WALK_CUES && k->sent == run->worst) {
			/* a plain word ("you", "would") is no cue alone, nor
			 * a pair of two of them ("you would") */
			bool plain = (tw->role & 8) != 0;
			if (!plain)
				add_cue(run, i, i + 1, w1);
			if (k->sent != psent ? !plain :
			    !(plain && (pw->role & 8)))
				add_cue(run, k->sent != psent ? i : pi, i + 1, w2);
		}
		psent = k->sent;
		pw = tw;
		pi = i;
	}
	z += tc->wq * (double)(nq > 3 ? 3 : nq) / 3.0 +
	    tc->wx * (double)(nx > 3 ? 3 : nx) / 3.0 +
	    tc->wy * (double)(ny > 5 ? 5 : ny) / 5.0;
	return z;
}

static void
run_prepare(const struct wordmodel_crit *tc, struct wordmodel_run *run)
{
	if (run->cseen < tc->nw)
		run->seen = xgrow_zero(run->seen, &run->cseen, tc->nw,
		    sizeof *run->seen);
}

double
wordmodel_prob(const struct wordmodel *tm, enum criterion c,
    const struct text_tokens *t, struct wordmodel_run *run)
{
	const struct wordmodel_crit *tc = &tm->crit[c];
	run_prepare(tc, run);
	return 1.0 / (1.0 + exp(-walk(tc, t, run, WALK_SUM)));
}

void
wordmodel_cues(const struct wordmodel *tm, enum criterion c,
    const struct text_tokens *t, struct wordmodel_run *run)
{
	const struct wordmodel_crit *tc = &tm->crit[c];
	run_prepare(tc, run);
	size_t ns = (size_t)t->nsent + 1;
	if (run->csent < ns)
		run->sent = xgrow(run->sent, &run->csent, ns, sizeof *run->sent);
	memset(run->sent, 0, ns * sizeof *run->sent);
	walk(tc, t, run, WALK_SENTENCES);
	run->worst = 0;
	for (uint32_t i = 1; i < ns; i++)
		if (run->sent[i] < run->sent[run->worst])
			run->worst = i;
	run->ncue = 0;
	walk(tc, t, run, WALK_CUES);
}
