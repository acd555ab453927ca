/* tone.c: loading a learned word model and applying it to a reply. */
#include "tone.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jsondoc.h"
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

/* A word's hash: FNV-1a, 64 bits, never 0. */
static uint64_t
word_hash(const char *w, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 0x100000001b3ull;
	return h | 1;
}

/* The key of feature tag:w1 (h2 == 0) or tag:w1 w2 from the words'
 * hashes; never 0. */
static uint64_t
feature_key(char tag, uint64_t h1, uint64_t h2)
{
	uint64_t k = (h1 + (uint64_t)(unsigned char)tag) * 0x9E3779B97F4A7C15ull;
	k = (k << 31 | k >> 33) ^ (h2 * 0xC2B2AE3D27D4EB4Full);
	k ^= k >> 29;
	k *= 0xBF58476D1CE4E5B9ull;
	k ^= k >> 32;
	return k | 1;
}

static void
emit(tone_feature_fn fn, void *arg, char tag, const char *a, size_t na,
    const char *b, size_t nb, size_t from, size_t to)
{
	char key[TONE_KEY_MAX];
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
tone_features(const struct text_tokens *t, tone_feature_fn fn, void *arg)
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

static void
crit_free(struct tone_crit *tc)
{
	free(tc->slot);
	free(tc->bword);
	free(tc->brole);
	free(tc->w);
	memset(tc, 0, sizeof *tc);
}

/* The slot of key in tc's table: where it is, or the empty one where it
 * would go. */
static size_t
find_slot(const struct tone_crit *tc, uint64_t key)
{
	size_t i = (size_t)(key >> 20) & tc->mask;
	while (tc->slot[i].key != 0 && tc->slot[i].key != key)
		i = (i + 1) & tc->mask;
	return i;
}

/* The key of feature name[0..n) ("w:sorry", "b:calm down", "f:you"), or 0
 * when it is not one of those forms; a pair's word hashes in h[2]. */
static uint64_t
name_key(const char *name, size_t n, uint64_t h[2])
{
	h[0] = h[1] = 0;
	if (n < 3 || name[1] != ':' || (name[0] != 'w' && name[0] != 'b' &&
	    name[0] != 'f'))
		return 0;
	const char *w = name + 2, *end = name + n;
	if (name[0] != 'b')
		return memchr(w, ' ', (size_t)(end - w)) ? 0 :
		    feature_key(name[0], word_hash(w, (size_t)(end - w)), 0);
	const char *sp = memchr(w, ' ', (size_t)(end - w));
	if (sp == NULL || sp == w || sp + 1 == end ||
	    memchr(sp + 1, ' ', (size_t)(end - sp - 1)))
		return 0;
	h[0] = word_hash(w, (size_t)(sp - w));
	h[1] = word_hash(sp + 1, (size_t)(end - sp - 1));
	return feature_key('b', h[0], h[1]);
}

/* The slot of word hash h in tc's pair-word set (where it is or would go). */
static size_t
bword_slot(const struct tone_crit *tc, uint64_t h)
{
	size_t i = (size_t)(h >> 20) & tc->bmask;
	while (tc->bword[i] != 0 && tc->bword[i] != h)
		i = (i + 1) & tc->bmask;
	return i;
}

static void
bword_add(struct tone_crit *tc, uint64_t h, uint8_t role)
{
	size_t i = bword_slot(tc, h);
	tc->bword[i] = h;
	tc->brole[i] |= role;
}

/* Note the words of feature name[0..n) (a valid one) in words. */
static void
note_words(struct text_map *words, const char *name, size_t n)
{
	const char *w = name + 2, *end = name + n;
	const char *sp = name[0] == 'b' ? memchr(w, ' ', (size_t)(end - w)) :
	    NULL;
	if (sp) {
		text_map_add(words, w, (size_t)(sp - w), 0);
		w = sp + 1;
	}
	text_map_add(words, w, (size_t)(end - w), 0);
}

static void
load_crit(struct tone_crit *tc, struct text_map *words,
    const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path)
{
	static const char *const keys[] = {"threshold", "bias", "weights",
	    NULL};
	if (!cJSON_IsObject(obj)) {
		jd_error(doc, d, obj, path, "must be an object, not %s",
		    jd_type_name(obj));
		return;
	}
	jd_check_keys(doc, d, obj, path, keys);
	double num;
	if (jd_number(doc, d, obj, path, "threshold", true, 0, 1, &num))
		tc->threshold = num;
	if (jd_number(doc, d, obj, path, "bias", true, -1e6, 1e6, &num))
		tc->bias = num;
	const cJSON *ws;
	if (!jd_object(doc, d, obj, path, "weights", true, &ws) || ws == NULL)
		return;
	char *wpath = jd_path(path, "weights");
	size_t nitems = (size_t)cJSON_GetArraySize(ws), slots = 16;
	while (slots < 2 * nitems)
		slots *= 2;
	tc->slot = xcalloc(slots, sizeof *tc->slot);
	tc->mask = slots - 1;
	tc->bword = xcalloc(2 * slots, sizeof *tc->bword);
	tc->brole = xcalloc(2 * slots, sizeof *tc->brole);
	tc->bmask = 2 * slots - 1;
	const cJSON *it;
	cJSON_ArrayForEach(it, ws) {
		const char *name = it->string;
		size_t n = strlen(name);
		if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble)) {
			jd_error(doc, d, it, wpath, "weight of \"%s\" must be a "
			    "number, not %s", name, jd_type_name(it));
			continue;
		}
		double v = it->valuedouble;
		if (n == 1 && (name[0] == 'q' || name[0] == 'x' ||
		    name[0] == 'y')) {
			*(name[0] == 'q' ? &tc->wq : name[0] == 'x' ? &tc->wx :
			    &tc->wy) = v;
			continue;
		}
		uint64_t hw[2];
		uint64_t key = n < TONE_KEY_MAX ? name_key(name, n, hw) : 0;
		if (key == 0) {
			jd_error(doc, d, it, wpath, "\"%s\" is not a feature: "
			    "w:WORD, b:WORD WORD, f:WORD, q, x or y", name);
			continue;
		}
		if (tc->nw == TONE_MAX_FEATURES) {
			jd_error(doc, d, it, wpath, "more than %d features",
			    TONE_MAX_FEATURES);
			break;
		}
		size_t sl = find_slot(tc, key);
		if (tc->slot[sl].key == key) {
			jd_error(doc, d, it, wpath, "feature \"%s\" given twice",
			    name);
			continue;
		}
		tc->w = xgrow(tc->w, &tc->cw, tc->nw + 1, sizeof *tc->w);
		tc->w[tc->nw] = v;
		tc->slot[sl] = (struct tone_slot){key, (uint32_t)tc->nw};
		tc->nw++;
		if (hw[0]) {
			bword_add(tc, hw[0], 1);
			bword_add(tc, hw[1], 2);
		}
		note_words(words, name, n);
	}
	free(wpath);
	tc->on = true;
}

static void
load_doc(struct tone *tm, const struct jsondoc *doc, struct diags *d)
{
	static const char *const keys[] = {"format", "about", "criteria",
	    NULL};
	if (!cJSON_IsObject(doc->root)) {
		jd_error(doc, d, doc->root, "", "a model must be a JSON object");
		return;
	}
	jd_check_keys(doc, d, doc->root, "", keys);
	long f;
	if (jd_int(doc, d, doc->root, "", "format", true, 0, 1000000, &f) &&
	    f != TONE_FORMAT) {
		jd_error(doc, d, cJSON_GetObjectItem(doc->root, "format"),
		    "format", "unsupported format %ld: this irate reads format "
		    "%d", f, TONE_FORMAT);
		return;
	}
	const char *about;
	jd_string(doc, d, doc->root, "", "about", false, &about);
	const cJSON *cr;
	if (!jd_object(doc, d, doc->root, "", "criteria", true, &cr) || !cr)
		return;
	const char *names[CRIT_COUNT + 1];
	for (int c = 0; c < CRIT_COUNT; c++)
		names[c] = criterion_name((enum criterion)c);
	names[CRIT_COUNT] = NULL;
	jd_check_keys(doc, d, cr, "criteria", names);
	for (int c = 0; c < CRIT_COUNT; c++) {
		const cJSON *o = cJSON_GetObjectItemCaseSensitive(cr, names[c]);
		if (o == NULL)
			continue;
		char *path = jd_path("criteria", names[c]);
		load_crit(&tm->crit[c], &tm->words, doc, d, o, path);
		free(path);
	}
}

/* Load from path, or from text[0..len) (named path) when text is set. */
static int
load_any(const char *path, const char *text, size_t len, struct tone **out,
    struct diags *d)
{
	*out = NULL;
	size_t err0 = d->nerrors;
	struct tone *tm = xcalloc(1, sizeof *tm);
	tm->file = xstrdup(path);
	struct jsondoc doc;
	if ((text ? jsondoc_parse(&doc, path, text, len, d) :
	    jsondoc_load(&doc, path, d)) == 0)
		load_doc(tm, &doc, d);
	jsondoc_free(&doc);
	if (d->nerrors > err0) {
		tone_free(tm);
		return -1;
	}
	*out = tm;
	return 0;
}

int
tone_load_file(const char *path, struct tone **out, struct diags *d)
{
	return load_any(path, NULL, 0, out, d);
}

int
tone_parse(const char *name, const char *text, size_t len, struct tone **out,
    struct diags *d)
{
	return load_any(name, text, len, out, d);
}

int
tone_load(const char *assets_dir, const char *lang, struct tone **out,
    struct diags *d)
{
	*out = NULL;
	char *path = xasprintf("%s/model/%s.json", assets_dir, lang);
	struct stat st;
	int rc = 0;
	if (stat(path, &st) != 0 && errno == ENOENT)
		rc = 0; /* no model: rules alone */
	else
		rc = tone_load_file(path, out, d);
	free(path);
	return rc;
}

void
tone_free(struct tone *tm)
{
	if (tm == NULL)
		return;
	for (int c = 0; c < CRIT_COUNT; c++)
		crit_free(&tm->crit[c]);
	text_map_free(&tm->words);
	free(tm->file);
	free(tm);
}

void
tone_add_words(const struct tone *tm, struct text_norm *nm)
{
	const struct text_map *ws = &tm->words;
	static const char *const counted[] = {"you", "your"}; /* "y" */
	for (size_t i = 0; i < 2; i++)
		if (text_map_get(&nm->vocab, counted[i], strlen(counted[i])) < 0)
			text_map_add(&nm->vocab, counted[i], strlen(counted[i]),
			    (int)nm->vocab.n);
	for (size_t i = 0; i < ws->cap; i++) {
		const struct text_map_ent *e = &ws->v[i];
		if (e->key != NULL && text_map_get(&nm->vocab, e->key, e->klen) < 0)
			text_map_add(&nm->vocab, e->key, e->klen,
			    (int)nm->vocab.n);
	}
	text_norm_index(nm);
}

void
tone_run_free(struct tone_run *run)
{
	free(run->words);
	free(run->seen);
	free(run->sent);
	memset(run, 0, sizeof *run);
}

/* Keep the TONE_CUES most negative cues, worst first. */
static void
add_cue(struct tone_run *run, size_t a, size_t b, double w)
{
	if (w >= 0)
		return;
	size_t i = run->ncue;
	if (i == TONE_CUES) {
		if (w >= run->cue[TONE_CUES - 1].w)
			return;
		i--;
	} else {
		run->ncue++;
	}
	while (i > 0 && run->cue[i - 1].w > w) {
		run->cue[i] = run->cue[i - 1];
		i--;
	}
	run->cue[i] = (struct tone_cue){a, b, w};
}

static void
next_gen(struct tone_run *run)
{
	if (++run->gen == 0) { /* wrapped: forget every mark */
		memset(run->seen, 0, run->cseen * sizeof *run->seen);
		run->gen = 1;
	}
}

enum walk { WALK_SUM, WALK_SENTENCES, WALK_CUES };

/* The weight of feature ix (-1: none), or 0 if it was counted already. */
static inline double
take(const struct tone_crit *tc, struct tone_run *run, int32_t ix)
{
	if (ix < 0 || run->seen[ix] == run->gen)
		return 0; /* each feature counts once */
	run->seen[ix] = run->gen;
	return tc->w[ix];
}

/* The index of the feature with key, or -1. */
static inline int32_t
lookup(const struct tone_crit *tc, uint64_t key)
{
	size_t sl = find_slot(tc, key);
	return tc->slot[sl].key ? (int32_t)tc->slot[sl].ix : -1;
}

/* A word's hash and what the model knows of it. */
static void
word_info(const struct tone_crit *tc, const char *w, size_t n,
    struct tone_word *out)
{
	out->h = word_hash(w, n);
	out->w = (int16_t)lookup(tc, feature_key('w', out->h, 0));
	out->f = (int16_t)lookup(tc, feature_key('f', out->h, 0));
	size_t sl = bword_slot(tc, out->h);
	out->role = tc->bword[sl] ? tc->brole[sl] : 0;
	if ((n == 3 && memcmp(w, "you", 3) == 0) ||
	    (n == 4 && memcmp(w, "your", 4) == 0))
		out->role |= 4;
}

/* The same features as tone_features(), looked up by hash: the sum of
 * their weights (WALK_SUM), also each sentence's negative sum in run->sent
 * (WALK_SENTENCES), or the cues of sentence run->worst (WALK_CUES). */
static double
walk(const struct tone_crit *tc, const struct text_tokens *t,
    struct tone_run *run, enum walk how)
{
	next_gen(run);
	double z = tc->bias;
	size_t nq = 0, nx = 0, ny = 0, pi = 0;
	static const struct tone_word none = {0, -1, -1, 0};
	struct tone_word pw = {0};
	uint32_t psent = UINT32_MAX;
	for (size_t i = 0; i < t->n; i++) {
		const struct token *k = &t->v[i];
		const struct tone_word *tw;
		if (k->kind == TOK_WORD) {
			const char *w = t->buf + k->off;
			if (k->id >= 0) {
				size_t id = (size_t)k->id;
				if (id >= run->cwords)
					run->words = xgrow_zero(run->words,
					    &run->cwords, id + 1, sizeof *run->words);
				if (run->words[id].h == 0)
					word_info(tc, w, k->len, &run->words[id]);
				tw = &run->words[id];
			} else {
				/* not in the vocabulary, so not in the model
				 * (tone_add_words()) */
				tw = &none;
			}
			ny += (tw->role & 4) != 0;
		} else if (k->kind == TOK_NUM) {
			tw = &run->num;
		} else if (k->kind == TOK_PUNCT && t->buf[k->off] == '!') {
			tw = &run->bang;
			nx++;
		} else if (k->kind == TOK_PUNCT && t->buf[k->off] == '?') {
			tw = &run->ask;
			nq++;
		} else {
			continue;
		}
		double w1 = take(tc, run, tw->w), w2 = 0;
		if (k->sent != psent)
			w2 = take(tc, run, tw->f);
		else if ((pw.role & 1) && (tw->role & 2))
			w2 = take(tc, run, lookup(tc, feature_key('b', pw.h, tw->h)));
		z += w1 + w2;
		if (how == WALK_SENTENCES) {
			run->sent[k->sent] += (w1 < 0 ? w1 : 0) + (w2 < 0 ? w2 : 0);
		} else if (how == WALK_CUES && k->sent == run->worst) {
			add_cue(run, i, i + 1, w1);
			add_cue(run, k->sent != psent ? i : pi, i + 1, w2);
		}
		psent = k->sent;
		pw = *tw;
		pi = i;
	}
	z += tc->wq * (double)(nq > 3 ? 3 : nq) / 3.0 +
	    tc->wx * (double)(nx > 3 ? 3 : nx) / 3.0 +
	    tc->wy * (double)(ny > 5 ? 5 : ny) / 5.0;
	return z;
}

static void
run_prepare(const struct tone_crit *tc, struct tone_run *run)
{
	if (run->for_crit != tc) { /* looked up in another model: forget */
		if (run->words)
			memset(run->words, 0, run->cwords * sizeof *run->words);
		word_info(tc, "#", 1, &run->num);
		word_info(tc, "!", 1, &run->bang);
		word_info(tc, "?", 1, &run->ask);
		run->for_crit = tc;
	}
	if (run->cseen < tc->nw)
		run->seen = xgrow_zero(run->seen, &run->cseen, tc->nw,
		    sizeof *run->seen);
}

double
tone_prob(const struct tone *tm, enum criterion c,
    const struct text_tokens *t, struct tone_run *run)
{
	const struct tone_crit *tc = &tm->crit[c];
	run_prepare(tc, run);
	return 1.0 / (1.0 + exp(-walk(tc, t, run, WALK_SUM)));
}

void
tone_cues(const struct tone *tm, enum criterion c,
    const struct text_tokens *t, struct tone_run *run)
{
	const struct tone_crit *tc = &tm->crit[c];
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
