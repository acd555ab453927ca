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
	text_map_free(&tc->feat);
	free(tc->w);
	memset(tc, 0, sizeof *tc);
}

static void
load_crit(struct tone_crit *tc, const struct jsondoc *doc, struct diags *d,
    const cJSON *obj, const char *path)
{
	static const char *const keys[] = {"threshold", "bias", "weights",
	    NULL};
	if (!cJSON_IsObject(obj)) {
		jd_error(doc, d, obj, path, "must be an object, not %s",
		    jd_type_name(obj));
		return;
	}
	jd_check_keys(doc, d, obj, path, keys);
	double v;
	if (jd_number(doc, d, obj, path, "threshold", true, 0, 1, &v))
		tc->threshold = v;
	if (jd_number(doc, d, obj, path, "bias", true, -1e6, 1e6, &v))
		tc->bias = v;
	const cJSON *ws;
	if (!jd_object(doc, d, obj, path, "weights", true, &ws) || ws == NULL)
		return;
	char *wpath = jd_path(path, "weights");
	const cJSON *it;
	cJSON_ArrayForEach(it, ws) {
		size_t n = strlen(it->string);
		if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble)) {
			jd_error(doc, d, it, wpath, "weight of \"%s\" must be a "
			    "number, not %s", it->string, jd_type_name(it));
			continue;
		}
		if (n == 0 || n >= TONE_KEY_MAX) {
			jd_error(doc, d, it, wpath, "feature name of %zu bytes: "
			    "1 to %d expected", n, TONE_KEY_MAX - 1);
			continue;
		}
		if (text_map_get(&tc->feat, it->string, n) >= 0) {
			jd_error(doc, d, it, wpath, "feature \"%s\" given twice",
			    it->string);
			continue;
		}
		tc->w = xgrow(tc->w, &tc->cw, tc->nw + 1, sizeof *tc->w);
		tc->w[tc->nw] = it->valuedouble;
		text_map_set(&tc->feat, it->string, n, (int)tc->nw);
		tc->nw++;
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
		load_crit(&tm->crit[c], doc, d, o, path);
		free(path);
	}
}

int
tone_load_file(const char *path, struct tone **out, struct diags *d)
{
	*out = NULL;
	size_t err0 = d->nerrors;
	struct tone *tm = xcalloc(1, sizeof *tm);
	tm->file = xstrdup(path);
	struct jsondoc doc;
	if (jsondoc_load(&doc, path, d) == 0)
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
	free(tm->file);
	free(tm);
}

void
tone_run_free(struct tone_run *run)
{
	free(run->seen);
	free(run->sent);
	memset(run, 0, sizeof *run);
}

struct predict {
	const struct tone_crit *tc;
	const struct text_tokens *t;
	struct tone_run *run;
	double z;
	bool cues;          /* second pass: collect the worst sentence's cues */
};

/* Keep the TONE_CUES most negative cues, worst first. */
static void
add_cue(struct tone_run *run, size_t a, size_t b, double w)
{
	if (w >= 0 || a == b)
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
predict_one(const char *key, size_t n, double value, size_t a, size_t b,
    void *arg)
{
	struct predict *p = arg;
	int ix = text_map_get(&p->tc->feat, key, n);
	if (ix < 0 || value == 0)
		return;
	struct tone_run *run = p->run;
	if (run->seen[ix] == run->gen)
		return; /* each feature counts once */
	run->seen[ix] = run->gen;
	double w = p->tc->w[ix] * value;
	if (p->cues) {
		if (a < b && p->t->v[a].sent == run->worst)
			add_cue(run, a, b, w);
		return;
	}
	p->z += w;
	if (a < b && w < 0)
		run->sent[p->t->v[a].sent] += w;
}

static void
next_gen(struct tone_run *run)
{
	if (++run->gen == 0) { /* wrapped: forget every mark */
		memset(run->seen, 0, run->cseen * sizeof *run->seen);
		run->gen = 1;
	}
}

double
tone_prob(const struct tone *tm, enum criterion c,
    const struct text_tokens *t, struct tone_run *run)
{
	const struct tone_crit *tc = &tm->crit[c];
	if (run->cseen < tc->nw) {
		run->seen = xgrow_zero(run->seen, &run->cseen, tc->nw,
		    sizeof *run->seen);
	}
	size_t ns = t->nsent + 1;
	if (run->csent < ns)
		run->sent = xgrow(run->sent, &run->csent, ns, sizeof *run->sent);
	memset(run->sent, 0, ns * sizeof *run->sent);
	next_gen(run);
	run->ncue = 0;
	struct predict p = {tc, t, run, tc->bias, false};
	tone_features(t, predict_one, &p);
	run->worst = 0;
	for (uint32_t i = 1; i < ns; i++)
		if (run->sent[i] < run->sent[run->worst])
			run->worst = i;
	/* Again, for the cues of the worst sentence only. */
	next_gen(run);
	p.cues = true;
	tone_features(t, predict_one, &p);
	return 1.0 / (1.0 + exp(-p.z));
}
