/* test_wordmodel.c: the learned word model: features, loading, probabilities. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "grading.h"
#include "score.h"
#include "lib.h"
#include "text.h"
#include "wordmodel.h"

struct seen {
	char keys[64][WORDMODEL_KEY_MAX];
	double v[64];
	size_t a[64], b[64];
	size_t n;
};

static void
keep(const char *key, size_t n, double v, size_t a, size_t b, void *arg)
{
	struct seen *s = arg;
	ck_assert_uint_lt(s->n, 64);
	ck_assert_uint_eq(strlen(key), n);
	strcpy(s->keys[s->n], key);
	s->v[s->n] = v;
	s->a[s->n] = a;
	s->b[s->n] = b;
	s->n++;
}

static int
find(const struct seen *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->keys[i], key) == 0)
			return (int)i;
	return -1;
}

/* No rewrites; the vocabulary of the model last given to use_words(). */
static struct text_norm norm;

static void
use_words(struct wordmodel *tm)
{
	text_norm_free(&norm);
	memset(&norm, 0, sizeof norm);
	if (tm)
		wordmodel_add_words(tm, &norm, NULL);
}

static void
tokens(struct text_tokens *t, const char *s)
{
	text_tokenize(&norm, s, strlen(s), t);
}

START_TEST(test_features)
{
	struct text_tokens t;
	text_tokens_init(&t);
	tokens(&t, "Calm down!! You have 2 days. Fine?");
	struct seen s = {0};
	wordmodel_features(&t, keep, &s);
	/* words, numbers as "#", '!' and '?' are words here */
	ck_assert_int_ge(find(&s, "w:calm"), 0);
	ck_assert_int_ge(find(&s, "w:#"), 0);
	ck_assert_int_ge(find(&s, "w:!"), 0);
	ck_assert_int_ge(find(&s, "w:?"), 0);
	/* pairs within a sentence, never across one */
	ck_assert_int_ge(find(&s, "b:calm down"), 0);
	ck_assert_int_ge(find(&s, "b:! !"), 0);
	ck_assert_int_ge(find(&s, "b:have #"), 0);
	ck_assert_int_lt(find(&s, "b:! you"), 0);
	/* sentence starts */
	ck_assert_int_ge(find(&s, "f:calm"), 0);
	ck_assert_int_ge(find(&s, "f:you"), 0);
	ck_assert_int_ge(find(&s, "f:fine"), 0);
	/* spans: "calm down" is tokens 0..2 */
	int i = find(&s, "b:calm down");
	ck_assert_uint_eq(s.a[i], 0);
	ck_assert_uint_eq(s.b[i], 2);
	/* counts come last, scaled: one '?', two '!', one "you" */
	ck_assert_str_eq(s.keys[s.n - 3], "q");
	ck_assert(fabs(s.v[s.n - 3] - 1.0 / 3) < 1e-9);
	ck_assert(fabs(s.v[find(&s, "x")] - 2.0 / 3) < 1e-9);
	ck_assert(fabs(s.v[find(&s, "y")] - 1.0 / 5) < 1e-9);
	text_tokens_free(&t);
}
END_TEST

static const char model_json[] =
    "{\"format\": 1, \"about\": \"test\", \"criteria\": {\"calm\": {"
    "\"threshold\": 0.5, \"bias\": 1.0, \"why\": \"sounds rude\", \"weights\": {"
    "\"w:whatever\": -3.0, \"b:calm down\": -2.0, \"w:sorry\": 0.5,"
    "\"x\": -1.5}}}}";

static struct wordmodel *
load_text(const char *json, struct diags *d, int *rc)
{
	char *dir = test_temp_dir();
	char *md = test_join(dir, "model");
	ck_assert_int_eq(mkdir(md, 0700), 0);
	char *p = test_join(md, "en.json");
	FILE *f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(json, f);
	fclose(f);
	struct wordmodel *tm = NULL;
	*rc = wordmodel_load(dir, "en", &tm, d);
	test_rmrf(dir);
	free(p);
	free(md);
	free(dir);
	return tm;
}

START_TEST(test_prob_and_cues)
{
	struct diags d = {0};
	int rc;
	struct wordmodel *tm = load_text(model_json, &d, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(tm);
	ck_assert(tm->crit[CRIT_CALM].on);
	ck_assert(!tm->crit[CRIT_EMPATHY].on);
	use_words(tm);
	struct text_tokens t;
	text_tokens_init(&t);
	struct wordmodel_run run = {0};
	/* bias only */
	tokens(&t, "Thanks for waiting.");
	double p = wordmodel_prob(tm, CRIT_CALM, &t, &run);
	ck_assert(fabs(p - 1 / (1 + exp(-1.0))) < 1e-9);
	wordmodel_cues(tm, CRIT_CALM, &t, &run);
	ck_assert_uint_eq(run.ncue, 0);
	/* each feature counts once, however often it occurs */
	tokens(&t, "Whatever. Whatever. Calm down.");
	p = wordmodel_prob(tm, CRIT_CALM, &t, &run);
	ck_assert(fabs(p - 1 / (1 + exp(-(1.0 - 3.0 - 2.0)))) < 1e-9);
	wordmodel_cues(tm, CRIT_CALM, &t, &run);
	/* the sentence that weighs most against, and its cues */
	ck_assert_uint_eq(run.worst, 0);
	ck_assert_uint_eq(run.ncue, 1);
	ck_assert(run.cue[0].w == -3.0);
	ck_assert_uint_eq(run.cue[0].a, 0);
	ck_assert_uint_eq(run.cue[0].b, 1);
	tokens(&t, "Fine. Calm down, whatever you say.");
	wordmodel_cues(tm, CRIT_CALM, &t, &run);
	ck_assert_uint_eq(run.worst, 1);
	ck_assert_uint_eq(run.ncue, 2);
	ck_assert(run.cue[0].w == -3.0); /* worst first */
	ck_assert_uint_eq(run.cue[0].a, 5);
	ck_assert(run.cue[1].w == -2.0);
	ck_assert_uint_eq(run.cue[1].a, 2);
	ck_assert_uint_eq(run.cue[1].b, 4);
	/* counts weigh in without a cue */
	tokens(&t, "Sorry!!!");
	p = wordmodel_prob(tm, CRIT_CALM, &t, &run);
	ck_assert(fabs(p - 1 / (1 + exp(-(1.0 + 0.5 - 1.5)))) < 1e-9);
	wordmodel_cues(tm, CRIT_CALM, &t, &run);
	ck_assert_uint_eq(run.ncue, 0);
	text_tokens_free(&t);
	wordmodel_run_free(&run);
	wordmodel_free(tm);
	diags_free(&d);
}
END_TEST

struct json_acc {
	char *buf;
	size_t len, cap;
	double sum, q, x, y;
	unsigned k;
};

static void
add_weight(const char *key, size_t n, double v, size_t a, size_t b,
    void *arg)
{
	(void)n;
	(void)a;
	(void)b;
	struct json_acc *j = arg;
	/* a weight per distinct feature: 0.01 * (k + 1), counted once */
	if (strstr(j->buf, key) != NULL && key[1] == ':') {
		char pat[WORDMODEL_KEY_MAX + 4];
		snprintf(pat, sizeof pat, "\"%s\":", key);
		if (strstr(j->buf, pat))
			return;
	}
	double w = 0.01 * (double)(++j->k);
	if (key[1] != ':') {
		j->sum += w * v;
	} else {
		j->sum += w;
	}
	char item[WORDMODEL_KEY_MAX + 32];
	int m = snprintf(item, sizeof item, "%s\"%s\": %.2f", j->k > 1 ? ", " : "",
	    key, w);
	ck_assert(m > 0 && (size_t)m < sizeof item);
	ck_assert_uint_lt(j->len + (size_t)m, j->cap);
	memcpy(j->buf + j->len, item, (size_t)m + 1);
	j->len += (size_t)m;
}

START_TEST(test_lookup_matches_features)
{
	/* A model with a weight for every feature of a text gives the sum of
	 * those weights: the hashed look-up sees what wordmodel_features() lists,
	 * each feature once. */
	const char *text = "You again?! 3 times, you said. Whatever you say, "
	    "whatever you say!!";
	struct text_tokens t;
	text_tokens_init(&t);
	tokens(&t, text);
	char buf[8192] = "";
	struct json_acc j = {buf, 0, sizeof buf, 0, 0, 0, 0, 0};
	wordmodel_features(&t, add_weight, &j);
	char *json = NULL;
	size_t jl = 0;
	FILE *f = open_memstream(&json, &jl);
	fprintf(f, "{\"format\": 1, \"criteria\": {\"calm\": {\"threshold\": "
	    "0.5, \"bias\": 0, \"why\": \"x\", \"weights\": {%s}}}}", buf);
	fclose(f);
	struct diags d = {0};
	struct wordmodel *tm;
	ck_assert_int_eq(wordmodel_parse("t.json", json, jl, &tm, &d), 0);
	use_words(tm);
	tokens(&t, text); /* again: now its words have vocabulary ids */
	struct wordmodel_run run = {0};
	double p = wordmodel_prob(tm, CRIT_CALM, &t, &run);
	double z = log(p / (1 - p));
	ck_assert_msg(fabs(z - j.sum) < 1e-6, "z %f, want %f", z, j.sum);
	wordmodel_run_free(&run);
	wordmodel_free(tm);
	free(json);
	text_tokens_free(&t);
	diags_free(&d);
}
END_TEST

/* An assets directory with the shipped lexicon and tips and this model. */
static char *
assets_with_model(const char *json)
{
	char *dir = test_temp_dir();
	const char *sub[] = {"lexicon", "tips", "model"};
	for (size_t i = 0; i < 3; i++) {
		char *p = test_join(dir, sub[i]);
		ck_assert_int_eq(mkdir(p, 0700), 0);
		free(p);
	}
	const char *files[] = {"lexicon/en.json", "tips/en.json"};
	for (size_t i = 0; i < 2; i++) {
		char *src = test_join("assets", files[i]);
		size_t n;
		char *text = test_read_file(src, &n);
		ck_assert_ptr_nonnull(text);
		char *dst = test_join(dir, files[i]);
		FILE *f = fopen(dst, "w");
		ck_assert_ptr_nonnull(f);
		ck_assert_uint_eq(fwrite(text, 1, n, f), n);
		fclose(f);
		free(dst);
		free(text);
		free(src);
	}
	char *mp = test_join(dir, "model/en.json");
	FILE *f = fopen(mp, "w");
	ck_assert_ptr_nonnull(f);
	fputs(json, f);
	fclose(f);
	free(mp);
	return dir;
}

static const struct crit_result *
grade(struct scorer *sc, const char *reply, struct grading *g)
{
	static const struct score_fact facts[] = {
	    {"the parcel was left in the rain", NULL, 0},
	    {"the book inside is ruined", NULL, 0}};
	struct score_ctx ctx = {.customer = "My parcel was left in the rain "
	    "and the book is ruined!", .at_fault = true, .facts = facts,
	    .nfacts = 2};
	grading_reset(g);
	score_reply(sc, &ctx, reply, strlen(reply), g);
	return g->crit;
}

START_TEST(test_scorer_vetoes)
{
	/* "regardless" weighs heavily against calm and against restate; the
	 * rules alone find both. */
	char *dir = assets_with_model("{\"format\": 1, \"criteria\": {"
	    "\"calm\": {\"threshold\": 0.5, \"bias\": 2, \"why\": \"sounds "
	    "smug\", \"weights\": {\"w:regardless\": -5}}, "
	    "\"restate\": {\"threshold\": 0.5, \"bias\": 2, \"why\": \"reads "
	    "as blame\", \"weights\": {\"w:regardless\": -5}}}}");
	struct diags d = {0};
	struct scorer *sc;
	ck_assert_int_eq(scorer_load(dir, "en", &sc, &d), 0);
	struct grading g;
	grading_init(&g);
	const struct crit_result *c = grade(sc, "The parcel was left in the "
	    "rain and the book is ruined. I'm sorry.", &g);
	ck_assert(c[CRIT_CALM].detected);
	ck_assert(c[CRIT_RESTATE].detected);
	c = grade(sc, "The parcel was left in the rain and the book is ruined. "
	    "Regardless.", &g);
	ck_assert(!c[CRIT_CALM].detected);
	ck_assert(!c[CRIT_RESTATE].detected);
	/* the sentence that weighed most against, and why, naming the word */
	ck_assert_uint_eq(c[CRIT_CALM].nev, 1);
	ck_assert_str_eq(c[CRIT_CALM].ev[0].text, "Regardless.");
	ck_assert_str_eq(c[CRIT_CALM].ev[0].why, "sounds smug (learned from "
	    "labelled replies: \"Regardless\")");
	ck_assert_uint_eq(c[CRIT_RESTATE].nev, 1);
	ck_assert_str_eq(c[CRIT_RESTATE].ev[0].why, "reads as blame (learned "
	    "from labelled replies: \"Regardless\")");
	/* switched off: the rules alone */
	scorer_use_model(sc, false);
	c = grade(sc, "The parcel was left in the rain and the book is ruined. "
	    "Regardless.", &g);
	ck_assert(c[CRIT_CALM].detected);
	ck_assert(c[CRIT_RESTATE].detected);
	grading_free(&g);
	scorer_free(sc);
	/* a broken model stops the scorer, located */
	char *mp = test_join(dir, "model/en.json");
	FILE *f = fopen(mp, "w");
	fputs("{\"format\": 1, \"criteria\": {\"calm\": 3}}", f);
	fclose(f);
	ck_assert_int_eq(scorer_load(dir, "en", &sc, &d), -1);
	char *txt = test_diags_text(&d);
	ck_assert_ptr_nonnull(strstr(txt, "model/en.json:1:"));
	free(txt);
	free(mp);
	diags_free(&d);
	test_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(test_plain_words_are_no_cue)
{
	/* "welcome" is one of the lexicon's plain_words: however much it
	 * weighs, it is no cue alone, so "You're welcome." stays calm. */
	char *dir = assets_with_model("{\"format\": 1, \"criteria\": {"
	    "\"calm\": {\"threshold\": 0.5, \"bias\": 2, \"why\": \"sounds "
	    "smug\", \"weights\": {\"w:welcome\": -5, \"w:regardless\": "
	    "-5}}}}");
	struct diags d = {0};
	struct scorer *sc;
	ck_assert_int_eq(scorer_load(dir, "en", &sc, &d), 0);
	struct grading g;
	grading_init(&g);
	const struct crit_result *c = grade(sc, "You're welcome.", &g);
	ck_assert(c[CRIT_CALM].detected);
	c = grade(sc, "Regardless.", &g);
	ck_assert(!c[CRIT_CALM].detected);
	grading_free(&g);
	scorer_free(sc);
	test_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(test_missing_model_is_no_model)
{
	char *dir = test_temp_dir();
	struct diags d = {0};
	struct wordmodel *tm = (struct wordmodel *)1;
	ck_assert_int_eq(wordmodel_load(dir, "en", &tm, &d), 0);
	ck_assert_ptr_null(tm);
	ck_assert_uint_eq(d.nerrors, 0);
	test_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(test_bad_model_located)
{
	static const struct {
		const char *json, *want;
	} cases[] = {
		{"{\"format\": 2, \"criteria\": {}}", "unsupported format 2"},
		{"{\"format\": 1, \"criteria\": {\"clam\": {}}}",
		    "did you mean \"calm\""},
		{"{\"format\": 1, \"criteria\": {\"calm\": {\"threshold\": 2, "
		    "\"bias\": 0, \"why\": \"x\", \"weights\": {}}}}", "threshold"},
		{"{\"format\": 1, \"criteria\": {\"calm\": {\"threshold\": 0.5, "
		    "\"bias\": 0, \"why\": \"x\", \"weights\": {\"w:x\": \"heavy\"}}}}",
		    "weight of \"w:x\" must be a number"},
		{"{\"format\": 1, \"criteria\": {\"calm\": {\"threshold\": 0.5, "
		    "\"bias\": 0, \"why\": \"x\", \"weights\": {\"z:x\": 1}}}}",
		    "\"z:x\" is not a feature"},
		{"{\"format\": 1, \"criteria\": {\"calm\": {\"threshold\": 0.5, "
		    "\"bias\": 0, \"why\": \"x\", \"weights\": {\"w:x\": 1, \"w:x\": 2}}}}",
		    "given twice"},
		{"{\"format\": 1, \"criteria\": {\"calm\": {\"threshold\": 0.5, "
		    "\"why\": \"x\", \"weights\": {}}}}", "bias"},
		{"{\"format\": 1, \"criteria\": {\"calm\": {\"threshold\": 0.5, "
		    "\"bias\": 0, \"weights\": {}}}}", "\"why\""},
		{"{\"format\": 1, \"criteria\": ", "en.json:1:"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct diags d = {0};
		int rc;
		struct wordmodel *tm = load_text(cases[i].json, &d, &rc);
		ck_assert_int_eq(rc, -1);
		ck_assert_ptr_null(tm);
		char *txt = test_diags_text(&d);
		if (strstr(txt, cases[i].want) == NULL)
			ck_abort_msg("case %zu: \"%s\" not in:\n%s", i,
			    cases[i].want, txt);
		ck_assert_ptr_nonnull(strstr(txt, "model/en.json:"));
		free(txt);
		diags_free(&d);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("wordmodel");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, test_features);
	tcase_add_test(tc, test_prob_and_cues);
	tcase_add_test(tc, test_lookup_matches_features);
	tcase_add_test(tc, test_scorer_vetoes);
	tcase_add_test(tc, test_plain_words_are_no_cue);
	tcase_add_test(tc, test_missing_model_is_no_model);
	tcase_add_test(tc, test_bad_model_located);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
