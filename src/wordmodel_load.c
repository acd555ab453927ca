/* wordmodel_load.c: reading and checking a learned word model file, and
 * indexing it by vocabulary id (applying it: wordmodel.c). */
#include "wordmodel.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jsondoc.h"
#include "xalloc.h"

static void
crit_free(struct wordmodel_crit *tc)
{
	free(tc->w);
	free(tc->why);
	text_map_free(&tc->wmap);
	text_map_free(&tc->fmap);
	text_map_free(&tc->pmap);
	free(tc->pkey);
	free(tc->pix);
	free(tc->byid);
	memset(tc, 0, sizeof *tc);
}

/* The pid of word w[0..n) in a pair, with role (1 first, 2 second) noted;
 * 0 when there are too many. */
static uint16_t
pair_word(struct wordmodel_crit *tc, const char *w, size_t n, int role)
{
	int v = text_map_get(&tc->pmap, w, n);
	if (v < 0) {
		if (tc->pmap.n >= WORDMODEL_MAX_PAIR_WORDS)
			return 0;
		v = (int)(tc->pmap.n + 1) << 2;
	}
	v |= role;
	text_map_set(&tc->pmap, w, n, v);
	return (uint16_t)(v >> 2);
}

/* Is name[0..n) a feature of the form tag:WORD (or b:WORD WORD)?  Sets
 * the words. */
static bool
parse_name(const char *name, size_t n, const char **w1, size_t *n1,
    const char **w2, size_t *n2)
{
	*w2 = NULL;
	*n2 = 0;
	if (n < 3 || name[1] != ':' || (name[0] != 'w' && name[0] != 'b' &&
	    name[0] != 'f'))
		return false;
	const char *w = name + 2, *end = name + n;
	const char *sp = memchr(w, ' ', (size_t)(end - w));
	*w1 = w;
	*n1 = (size_t)(end - w);
	if (name[0] != 'b')
		return sp == NULL;
	if (sp == NULL || sp == w || sp + 1 == end ||
	    memchr(sp + 1, ' ', (size_t)(end - sp - 1)))
		return false;
	*n1 = (size_t)(sp - w);
	*w2 = sp + 1;
	*n2 = (size_t)(end - sp - 1);
	return true;
}

static void
load_crit(struct wordmodel_crit *tc, struct text_map *words,
    const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path)
{
	static const char *const keys[] = {"threshold", "cue", "bias", "why",
	    "weights", NULL};
	if (!cJSON_IsObject(obj)) {
		jd_error(doc, d, obj, path, "must be an object, not %s",
		    jd_type_name(obj));
		return;
	}
	jd_check_keys(doc, d, obj, path, keys);
	double num;
	if (jd_number(doc, d, obj, path, "threshold", true, 0, 1, &num))
		tc->threshold = num;
	if (jd_number(doc, d, obj, path, "cue", false, 0, 1e6, &num))
		tc->cue = num;
	if (jd_number(doc, d, obj, path, "bias", true, -1e6, 1e6, &num))
		tc->bias = num;
	const char *why;
	tc->why = xstrdup(jd_string(doc, d, obj, path, "why", true, &why) ? why :
	    "");
	const cJSON *ws;
	if (!jd_object(doc, d, obj, path, "weights", true, &ws) || ws == NULL)
		return;
	char *wpath = jd_path(path, "weights");
	size_t nitems = (size_t)cJSON_GetArraySize(ws), slots = 16;
	while (slots < 2 * nitems)
		slots *= 2;
	tc->pkey = xcalloc(slots, sizeof *tc->pkey);
	tc->pix = xcalloc(slots, sizeof *tc->pix);
	tc->pmask = slots - 1;
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
		const char *w1, *w2;
		size_t n1, n2;
		if (n >= WORDMODEL_KEY_MAX || !parse_name(name, n, &w1, &n1, &w2, &n2)) {
			jd_error(doc, d, it, wpath, "\"%s\" is not a feature: "
			    "w:WORD, b:WORD WORD, f:WORD, q, x or y", name);
			continue;
		}
		if (tc->nw == WORDMODEL_MAX_FEATURES) {
			jd_error(doc, d, it, wpath, "more than %d features",
			    WORDMODEL_MAX_FEATURES);
			break;
		}
		int ix = (int)tc->nw;
		bool dup = false;
		if (name[0] == 'b') {
			uint16_t p1 = pair_word(tc, w1, n1, 1);
			uint16_t p2 = pair_word(tc, w2, n2, 2);
			if (p1 == 0 || p2 == 0) {
				jd_error(doc, d, it, wpath, "more than %d words in "
				    "pairs", WORDMODEL_MAX_PAIR_WORDS);
				break;
			}
			uint32_t k = (uint32_t)p1 << 16 | p2;
			size_t sl = wordmodel_pair_slot(tc, k);
			dup = tc->pkey[sl] == k;
			if (!dup) {
				tc->pkey[sl] = k;
				tc->pix[sl] = (uint16_t)ix;
			}
			text_map_add(words, w2, n2, 0);
		} else {
			struct text_map *m = name[0] == 'w' ? &tc->wmap : &tc->fmap;
			dup = text_map_get(m, w1, n1) >= 0;
			if (!dup)
				text_map_set(m, w1, n1, ix);
		}
		if (dup) {
			jd_error(doc, d, it, wpath, "feature \"%s\" given twice",
			    name);
			continue;
		}
		text_map_add(words, w1, n1, 0);
		tc->w = xgrow(tc->w, &tc->cw, tc->nw + 1, sizeof *tc->w);
		tc->w[tc->nw++] = (float)v;
	}
	free(wpath);
	tc->on = true;
}

static void
load_doc(struct wordmodel *tm, const struct jsondoc *doc, struct diags *d)
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
	    f != WORDMODEL_FORMAT) {
		jd_error(doc, d, cJSON_GetObjectItem(doc->root, "format"),
		    "format", "unsupported format %ld: this irate reads format "
		    "%d", f, WORDMODEL_FORMAT);
		return;
	}
	const char *about;
	jd_string(doc, d, doc->root, "", "about", false, &about);
	const cJSON *cr;
	if (!jd_object(doc, d, doc->root, "", "criteria", true, &cr) || !cr)
		return;
	/* "y" counts these: they need vocabulary ids like the model's words */
	text_map_add(&tm->words, "you", 3, 0);
	text_map_add(&tm->words, "your", 4, 0);
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
load_any(const char *path, const char *text, size_t len, struct wordmodel **out,
    struct diags *d)
{
	*out = NULL;
	size_t err0 = d->nerrors;
	struct wordmodel *tm = xcalloc(1, sizeof *tm);
	tm->file = xstrdup(path);
	struct jsondoc doc;
	if ((text ? jsondoc_parse(&doc, path, text, len, d) :
	    jsondoc_load(&doc, path, d)) == 0)
		load_doc(tm, &doc, d);
	jsondoc_free(&doc);
	if (d->nerrors > err0) {
		wordmodel_free(tm);
		return -1;
	}
	*out = tm;
	return 0;
}

int
wordmodel_load_file(const char *path, struct wordmodel **out, struct diags *d)
{
	return load_any(path, NULL, 0, out, d);
}

int
wordmodel_parse(const char *name, const char *text, size_t len,
    struct wordmodel **out, struct diags *d)
{
	return load_any(name, text, len, out, d);
}

int
wordmodel_load(const char *assets_dir, const char *lang, struct wordmodel **out,
    struct diags *d)
{
	*out = NULL;
	char *path = xasprintf("%s/model/%s.json", assets_dir, lang);
	struct stat st;
	int rc = 0;
	if (stat(path, &st) != 0 && errno == ENOENT)
		rc = 0; /* no model: rules alone */
	else
		rc = wordmodel_load_file(path, out, d);
	free(path);
	return rc;
}

void
wordmodel_free(struct wordmodel *tm)
{
	if (tm == NULL)
		return;
	for (int c = 0; c < CRIT_COUNT; c++)
		crit_free(&tm->crit[c]);
	text_map_free(&tm->words);
	free(tm->file);
	free(tm);
}

/* What tc knows of word w[0..n). */
static struct wordmodel_word
word_of(const struct wordmodel_crit *tc, const char *w, size_t n,
    const struct text_map *plain)
{
	struct wordmodel_word tw;
	int v = text_map_get(&tc->wmap, w, n);
	tw.w = (int16_t)v;
	v = text_map_get(&tc->fmap, w, n);
	tw.f = (int16_t)v;
	v = text_map_get(&tc->pmap, w, n);
	tw.pid = v < 0 ? 0 : (uint16_t)(v >> 2);
	tw.role = v < 0 ? 0 : (uint8_t)(v & 3);
	if ((n == 3 && memcmp(w, "you", 3) == 0) ||
	    (n == 4 && memcmp(w, "your", 4) == 0))
		tw.role |= 4;
	if (plain && text_map_get(plain, w, n) >= 0)
		tw.role |= 8;
	return tw;
}

void
wordmodel_index(struct wordmodel *tm, const struct text_map *vocab,
    const struct text_map *plain)
{
	for (int c = 0; c < CRIT_COUNT; c++) {
		struct wordmodel_crit *tc = &tm->crit[c];
		if (!tc->on)
			continue;
		size_t n = 0;
		for (size_t i = 0; i < vocab->cap; i++)
			if (vocab->v[i].key && vocab->v[i].val >= 0 &&
			    (size_t)vocab->v[i].val >= n)
				n = (size_t)vocab->v[i].val + 1;
		free(tc->byid);
		tc->byid = xcalloc(n + 1, sizeof *tc->byid);
		tc->nbyid = n;
		for (size_t i = 0; i < n; i++)
			tc->byid[i] = (struct wordmodel_word){-1, -1, 0, 0};
		for (size_t i = 0; i < vocab->cap; i++) {
			const struct text_map_ent *e = &vocab->v[i];
			if (e->key && e->val >= 0)
				tc->byid[e->val] = word_of(tc, e->key, e->klen,
				    plain);
		}
		tc->num = word_of(tc, "#", 1, plain);
		tc->bang = word_of(tc, "!", 1, plain);
		tc->ask = word_of(tc, "?", 1, plain);
	}
}

void
wordmodel_add_words(struct wordmodel *tm, struct text_norm *nm,
    const struct text_map *plain)
{
	const struct text_map *ws = &tm->words;
	for (size_t i = 0; i < ws->cap; i++) {
		const struct text_map_ent *e = &ws->v[i];
		if (e->key != NULL && text_map_get(&nm->vocab, e->key, e->klen) < 0)
			text_map_add(&nm->vocab, e->key, e->klen,
			    (int)nm->vocab.n);
	}
	text_norm_index(nm);
	wordmodel_index(tm, &nm->vocab, plain);
}

