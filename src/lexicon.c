/* lexicon.c: loading and validating a lexicon file and its tips file. */
#include "lexicon.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsondoc.h"
#include "xalloc.h"

#define LEXICON_FORMAT 1

static const char *const cat_names[LC_COUNT] = {
	"apology", "non_apology", "empathy", "empathy_weak", "alternative",
	"choice", "vague", "hostile", "dismissive", "blames_customer",
	"doubts_customer", "defensive", "blames_colleague", "shrug", "command",
	"sarcasm", "refusal", "negates_before", "negation_exception", "stock",
	"check_back", "customer_action", "generic", "owns_fault",
	"problem_state",
};

static const char *const tip_names[TIP_COUNT] = {
	"default", "shouting", "hostile", "dismissive", "blames_customer",
	"doubts_customer", "defensive", "command", "sarcasm", "non_apology",
	"negated", "vague", "refusal", "weak",
};

const char *
lex_cat_name(enum lex_cat c)
{
	return (unsigned)c < LC_COUNT ? cat_names[c] : "?";
}

const char *
tip_kind_name(enum tip_kind k)
{
	return (unsigned)k < TIP_COUNT ? tip_names[k] : "?";
}

static void
names_list(const char **out, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out[i] = names[i];
	out[n] = NULL;
}

static bool
check_format(const struct jsondoc *doc, struct diags *d)
{
	double f;
	if (!jd_number(doc, d, doc->root, "", "format", true, 0, 1e9, &f))
		return false;
	if (floor(f) != LEXICON_FORMAT) {
		jd_error(doc, d, cJSON_GetObjectItem(doc->root, "format"), "format",
		    "unsupported format %g: this irate reads format %d", f,
		    LEXICON_FORMAT);
		return false;
	}
	return true;
}

/* Add each string of array member key to set (lower-cased). */
static void
load_set(struct lexicon *lx, const struct jsondoc *doc, struct diags *d,
    const char *key, struct text_map *set)
{
	const cJSON *arr;
	if (!jd_string_array(doc, d, doc->root, "", key, false, false, &arr) ||
	    arr == NULL)
		return;
	const cJSON *it;
	cJSON_ArrayForEach(it, arr) {
		char *w = xstrdup(it->valuestring);
		for (char *p = w; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		text_map_set(set, w, strlen(w), 1);
		text_map_add(&lx->norm.vocab, w, strlen(w), (int)lx->norm.vocab.n);
		free(w);
	}
}

static void
load_rewrites(struct lexicon *lx, const struct jsondoc *doc, struct diags *d)
{
	const cJSON *obj;
	if (!jd_object(doc, d, doc->root, "", "rewrite", false, &obj) || !obj)
		return;
	const cJSON *it;
	cJSON_ArrayForEach(it, obj) {
		char *path = jd_path("rewrite", it->string);
		if (!cJSON_IsString(it) || !it->valuestring[0]) {
			jd_error(doc, d, it, path, "must be a non-empty string");
		} else if (strchr(it->string, ' ') || !it->string[0]) {
			jd_error(doc, d, it, path,
			    "the word to rewrite must be one word");
		} else {
			char *k = xstrdup(it->string), *v = xstrdup(it->valuestring);
			for (char *p = k; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
			for (char *p = v; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
			text_norm_add_rewrite(&lx->norm, k, v);
			free(k);
			free(v);
		}
		free(path);
	}
}

static void
load_classes(struct lexicon *lx, const struct jsondoc *doc, struct diags *d)
{
	const cJSON *obj;
	if (!jd_object(doc, d, doc->root, "", "classes", false, &obj) || !obj)
		return;
	const cJSON *it;
	cJSON_ArrayForEach(it, obj) {
		char *path = jd_path("classes", it->string);
		const cJSON *arr;
		if (jd_string_array(doc, d, obj, "classes", it->string, true, true,
		    &arr)) {
			size_t n = (size_t)cJSON_GetArraySize(arr);
			const char **alts = xcalloc(n + 1, sizeof *alts);
			size_t i = 0;
			const cJSON *a;
			cJSON_ArrayForEach(a, arr)
				alts[i++] = a->valuestring;
			char err[256];
			if (lexicon_add_class(lx, it->string, alts, n, err,
			    sizeof err) < 0)
				jd_error(doc, d, it, path, "%s", err);
			free(alts);
		}
		free(path);
	}
}

static void
load_category(struct lexicon *lx, const struct jsondoc *doc, struct diags *d,
    const cJSON *cobj, enum lex_cat cat)
{
	static const char *const keys[] = {"why", "weight", "patterns", NULL};
	static const char *const pkeys[] = {"p", "w", "why", NULL};
	char *path = jd_path("categories", cat_names[cat]);
	if (!cJSON_IsObject(cobj)) {
		jd_error(doc, d, cobj, path, "must be an object");
		free(path);
		return;
	}
	jd_check_keys(doc, d, cobj, path, keys);
	const char *why = NULL;
	long weight = 50;
	if (jd_string(doc, d, cobj, path, "why", true, &why))
		lx->cat_why[cat] = lexicon_keep(lx, why);
	jd_int(doc, d, cobj, path, "weight", false, 0, 100, &weight);
	lx->cat_weight[cat] = (int)weight;
	const cJSON *pats;
	if (!jd_array(doc, d, cobj, path, "patterns", true, &pats)) {
		free(path);
		return;
	}
	size_t i = 0;
	const cJSON *p;
	cJSON_ArrayForEach(p, pats) {
		char *pp = jd_path_index(path, i++);
		const char *src = NULL, *pwhy = lx->cat_why[cat];
		long w = weight;
		if (cJSON_IsString(p)) {
			src = p->valuestring;
		} else if (cJSON_IsObject(p)) {
			jd_check_keys(doc, d, p, pp, pkeys);
			jd_string(doc, d, p, pp, "p", true, &src);
			jd_int(doc, d, p, pp, "w", false, 0, 100, &w);
			const char *s;
			if (jd_string(doc, d, p, pp, "why", false, &s))
				pwhy = lexicon_keep(lx, s);
		} else {
			jd_error(doc, d, p, pp,
			    "a pattern must be a string or an object {\"p\", \"w\", \"why\"}");
		}
		if (src) {
			char err[256];
			if (lexicon_compile(lx, src, cat, (int)w, pwhy, err,
			    sizeof err) < 0)
				jd_error(doc, d, p, pp, "pattern \"%s\": %s", src, err);
		}
		free(pp);
	}
	free(path);
}

static void
load_limits(struct lexicon *lx, const struct jsondoc *doc, struct diags *d)
{
	static const char *const keys[] = {"too_long_words", "negation_window",
	    "duplicate_similarity", "commitment_weight", NULL};
	lx->too_long_words = 80;
	lx->commit_weight = 60;
	lx->neg_window = 8;
	lx->duplicate_similarity = 0.75;
	const cJSON *obj;
	if (!jd_object(doc, d, doc->root, "", "limits", false, &obj) || !obj)
		return;
	jd_check_keys(doc, d, obj, "limits", keys);
	long v;
	double x;
	if (jd_int(doc, d, obj, "limits", "too_long_words", false, 1, 100000, &v))
		lx->too_long_words = (int)v;
	if (jd_int(doc, d, obj, "limits", "negation_window", false, 1, 32, &v))
		lx->neg_window = (int)v;
	if (jd_number(doc, d, obj, "limits", "duplicate_similarity", false, 0, 1,
	    &x))
		lx->duplicate_similarity = x;
	if (jd_int(doc, d, obj, "limits", "commitment_weight", false, 0, 100, &v))
		lx->commit_weight = (int)v;
}

static void
load_overall(struct lexicon *lx, const struct jsondoc *doc, struct diags *d)
{
	static const char *const keys[] = {"weights", "penalties", NULL};
	static const int defw[CRIT_COUNT] = {25, 20, 20, 15, 20};
	static const int defp[PIT_COUNT] = {5, 10, 5, 15, 5};
	memcpy(lx->crit_weight, defw, sizeof defw);
	memcpy(lx->pit_penalty, defp, sizeof defp);
	const cJSON *obj, *w, *p;
	if (!jd_object(doc, d, doc->root, "", "overall", false, &obj) || !obj)
		return;
	jd_check_keys(doc, d, obj, "overall", keys);
	const char *cn[CRIT_COUNT + 1], *pn[PIT_COUNT + 1];
	for (int i = 0; i < CRIT_COUNT; i++)
		cn[i] = criterion_name((enum criterion)i);
	cn[CRIT_COUNT] = NULL;
	for (int i = 0; i < PIT_COUNT; i++)
		pn[i] = pitfall_name((enum pitfall)i);
	pn[PIT_COUNT] = NULL;
	long v;
	if (jd_object(doc, d, obj, "overall", "weights", false, &w) && w) {
		jd_check_keys(doc, d, w, "overall.weights", cn);
		for (int i = 0; i < CRIT_COUNT; i++)
			if (jd_int(doc, d, w, "overall.weights", cn[i], false, 0, 100, &v))
				lx->crit_weight[i] = (int)v;
	}
	if (jd_object(doc, d, obj, "overall", "penalties", false, &p) && p) {
		jd_check_keys(doc, d, p, "overall.penalties", pn);
		for (int i = 0; i < PIT_COUNT; i++)
			if (jd_int(doc, d, p, "overall.penalties", pn[i], false, 0, 100,
			    &v))
				lx->pit_penalty[i] = (int)v;
	}
	int sum = 0;
	for (int i = 0; i < CRIT_COUNT; i++)
		sum += lx->crit_weight[i];
	if (sum == 0)
		jd_error(doc, d, obj, "overall.weights",
		    "the criterion weights must not all be 0");
}

static void
load_lexicon_doc(struct lexicon *lx, const struct jsondoc *doc,
    const struct text_map *more, struct diags *d)
{
	static const char *const keys[] = {"format", "language", "stemmer",
	    "rewrite", "typo_keywords", "not_typos", "acronyms", "negators",
	    "clause_breaks", "negation_stops", "subjects", "stopwords",
	    "wish_words", "plain_words", "commit_aux", "commit_skip", "commit_not", "commit_before_not",
	    "classes", "categories", "limits", "overall", NULL};
	if (!cJSON_IsObject(doc->root)) {
		jd_error(doc, d, doc->root, "", "a lexicon must be a JSON object");
		return;
	}
	jd_check_keys(doc, d, doc->root, "", keys);
	if (!check_format(doc, d))
		return;
	const char *s;
	if (jd_string(doc, d, doc->root, "", "language", true, &s))
		lx->language = xstrdup(s);
	if (jd_string(doc, d, doc->root, "", "stemmer", false, &s))
		lx->stemmer = xstrdup(s);
	load_rewrites(lx, doc, d);
	load_set(lx, doc, d, "acronyms", &lx->acronyms);
	load_set(lx, doc, d, "negators", &lx->negators);
	load_set(lx, doc, d, "clause_breaks", &lx->breaks);
	load_set(lx, doc, d, "subjects", &lx->subjects);
	load_set(lx, doc, d, "negation_stops", &lx->neg_stops);
	load_set(lx, doc, d, "stopwords", &lx->stopwords);
	load_set(lx, doc, d, "wish_words", &lx->wish_words);
	load_set(lx, doc, d, "plain_words", &lx->plain_words);
	load_set(lx, doc, d, "commit_aux", &lx->commit_aux);
	load_set(lx, doc, d, "commit_skip", &lx->commit_skip);
	load_set(lx, doc, d, "commit_not", &lx->commit_not);
	load_set(lx, doc, d, "commit_before_not", &lx->commit_before_not);
	struct text_map not_typos = {0};
	load_set(lx, doc, d, "not_typos", &not_typos);
	text_map_free(&not_typos);
	load_classes(lx, doc, d);
	const cJSON *cats;
	if (jd_object(doc, d, doc->root, "", "categories", true, &cats) && cats) {
		const char *allowed[LC_COUNT + 1];
		names_list(allowed, cat_names, LC_COUNT);
		jd_check_keys(doc, d, cats, "categories", allowed);
		for (int c = 0; c < LC_COUNT; c++) {
			const cJSON *co = cJSON_GetObjectItemCaseSensitive(cats,
			    cat_names[c]);
			if (co)
				load_category(lx, doc, d, co, (enum lex_cat)c);
		}
	}
	lx->nown = lx->norm.vocab.n;
	for (size_t i = 0; more && i < more->cap; i++) {
		const struct text_map_ent *e = &more->v[i];
		if (e->key && text_map_get(&lx->norm.vocab, e->key, e->klen) < 0)
			text_map_add(&lx->norm.vocab, e->key, e->klen,
			    (int)lx->norm.vocab.n);
	}
	/* Typo keywords last: every word the lexicon knows is now in vocab,
	 * so the tokenizer never "corrects" a known word. */
	const cJSON *arr;
	if (jd_string_array(doc, d, doc->root, "", "typo_keywords", false, false,
	    &arr) && arr) {
		const cJSON *it;
		cJSON_ArrayForEach(it, arr)
			text_typo_add(&lx->norm.typo, it->valuestring);
	}
	load_limits(lx, doc, d);
	load_overall(lx, doc, d);
}

static void
load_tips_doc(struct lexicon *lx, const struct jsondoc *doc, struct diags *d)
{
	static const char *const keys[] = {"format", "language", "tips", NULL};
	if (!cJSON_IsObject(doc->root)) {
		jd_error(doc, d, doc->root, "", "a tips file must be a JSON object");
		return;
	}
	jd_check_keys(doc, d, doc->root, "", keys);
	if (!check_format(doc, d))
		return;
	const cJSON *tips;
	if (!jd_object(doc, d, doc->root, "", "tips", true, &tips) || !tips)
		return;
	const char *cn[CRIT_COUNT + 1], *tn[TIP_COUNT + 1];
	for (int i = 0; i < CRIT_COUNT; i++)
		cn[i] = criterion_name((enum criterion)i);
	cn[CRIT_COUNT] = NULL;
	names_list(tn, tip_names, TIP_COUNT);
	jd_check_keys(doc, d, tips, "tips", cn);
	for (int c = 0; c < CRIT_COUNT; c++) {
		const cJSON *o;
		char *path = jd_path("tips", cn[c]);
		if (jd_object(doc, d, tips, "tips", cn[c], true, &o) && o) {
			jd_check_keys(doc, d, o, path, tn);
			for (int k = 0; k < TIP_COUNT; k++) {
				const char *s;
				if (jd_string(doc, d, o, path, tn[k], k == TIP_DEFAULT, &s)) {
					lx->tips[c][k] = xstrdup(s);
					lx->tip_len[c][k] = strlen(s);
				}
			}
		}
		free(path);
	}
}

int
lexicon_load_files(const char *lex_path, const char *tips_path,
    const struct text_map *more, struct lexicon **out, struct diags *d)
{
	*out = NULL;
	size_t err0 = d->nerrors;
	struct lexicon *lx = xcalloc(1, sizeof *lx);
	lx->file = xstrdup(lex_path);
	struct jsondoc doc;
	if (jsondoc_load(&doc, lex_path, d) == 0)
		load_lexicon_doc(lx, &doc, more, d);
	jsondoc_free(&doc);
	if (tips_path) {
		if (jsondoc_load(&doc, tips_path, d) == 0)
			load_tips_doc(lx, &doc, d);
		jsondoc_free(&doc);
	}
	if (lx->stemmer == NULL)
		lx->stemmer = xstrdup("english");
	if (d->nerrors > err0) {
		lexicon_free(lx);
		return -1;
	}
	lexicon_index(lx);
	*out = lx;
	return 0;
}

int
lexicon_load(const char *assets_dir, const char *lang, struct lexicon **out,
    struct diags *d)
{
	return lexicon_load_more(assets_dir, lang, NULL, out, d);
}

int
lexicon_load_more(const char *assets_dir, const char *lang,
    const struct text_map *more, struct lexicon **out, struct diags *d)
{
	char *lp = xasprintf("%s/lexicon/%s.json", assets_dir, lang);
	char *tp = xasprintf("%s/tips/%s.json", assets_dir, lang);
	int rc = lexicon_load_files(lp, tp, more, out, d);
	free(lp);
	free(tp);
	return rc;
}

void
lexicon_free(struct lexicon *lx)
{
	if (lx == NULL)
		return;
	lexicon_index_free(lx);
	free(lx->file);
	free(lx->language);
	free(lx->stemmer);
	text_norm_free(&lx->norm);
	text_map_free(&lx->acronyms);
	text_map_free(&lx->negators);
	text_map_free(&lx->breaks);
	text_map_free(&lx->stopwords);
	text_map_free(&lx->wish_words);
	text_map_free(&lx->plain_words);
	text_map_free(&lx->commit_aux);
	text_map_free(&lx->commit_skip);
	text_map_free(&lx->commit_not);
	text_map_free(&lx->commit_before_not);
	text_map_free(&lx->subjects);
	text_map_free(&lx->neg_stops);
	text_map_free(&lx->classes);
	text_map_free(&lx->by_prefix);
	free(lx->pats);
	free(lx->els);
	free(lx->alts);
	free(lx->cls);
	for (size_t i = 0; i < lx->npool; i++)
		free(lx->pool[i]);
	free(lx->pool);
	for (size_t i = 0; i < lx->nby_id; i++)
		free(lx->by_id[i].v);
	free(lx->by_id);
	for (size_t i = 0; i < lx->npre; i++)
		free(lx->pre_lists[i].v);
	free(lx->pre_lists);
	free(lx->by_num.v);
	for (int c = 0; c < CRIT_COUNT; c++)
		for (int k = 0; k < TIP_COUNT; k++)
			free(lx->tips[c][k]);
	free(lx);
}
