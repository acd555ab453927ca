/* test_score.c: the scorer on labelled cases (tests/data/score/NAME.jsonl) and
 * on odd input (empty, huge, NUL bytes, emoji, RTL, combining marks). */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labelled.h"
#include "lib.h"
#include "scenario.h"
#include "score.h"
#include "xalloc.h"

#define CASE_DIR "tests/data/score"

struct tcase_data {
	char *file;
	size_t line;
	cJSON *o;
};

static struct tcase_data *cases;
static size_t ncases, ccases;
static struct scorer *sc;

static void
load_cases(void)
{
	DIR *d = opendir(CASE_DIR);
	if (d == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 7 || strcmp(e->d_name + n - 6, ".jsonl") != 0)
			continue;
		char *path = xasprintf("%s/%s", CASE_DIR, e->d_name);
		size_t len;
		char *text = test_read_file(path, &len);
		size_t line = 0;
		for (char *p = text, *q; p && *p; p = q) {
			q = strchr(p, '\n');
			if (q)
				*q++ = '\0';
			line++;
			if (strspn(p, " \t\r") == strlen(p))
				continue;
			cases = xgrow(cases, &ccases, ncases + 1, sizeof *cases);
			cases[ncases].file = xstrdup(path);
			cases[ncases].line = line;
			cases[ncases].o = cJSON_Parse(p);
			ncases++;
		}
		free(text);
		free(path);
	}
	closedir(d);
}

static void
setup(void)
{
	struct diags d = {0};
	if (scorer_load("assets", "en", &sc, &d) < 0) {
		diags_print(&d, stderr);
		ck_abort_msg("cannot load the English lexicon");
	}
	diags_free(&d);
}

static void
teardown(void)
{
	scorer_free(sc);
	sc = NULL;
}

/* Check the invariants every grading must hold. */
static void
check_grading(const struct grading *g, const char *reply, size_t len)
{
	ck_assert_int_ge(g->overall, 0);
	ck_assert_int_le(g->overall, 100);
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *r = &g->crit[c];
		ck_assert_int_ge(r->score, 0);
		ck_assert_int_le(r->score, 100);
		if (c != CRIT_APOLOGY)
			ck_assert(r->met == r->detected);
		if (!r->met)
			ck_assert_ptr_nonnull(r->tip);
		else
			ck_assert_ptr_null(r->tip);
		for (size_t i = 0; i < r->nev; i++) {
			ck_assert_uint_le(r->ev[i].end, len);
			ck_assert_uint_le(r->ev[i].start, r->ev[i].end);
			ck_assert_mem_eq(r->ev[i].text, reply + r->ev[i].start,
			    r->ev[i].end - r->ev[i].start);
			ck_assert(r->ev[i].why[0] != '\0');
		}
	}
	for (size_t i = 0; i < g->npits; i++) {
		ck_assert_uint_le(g->pits[i].end, len);
		ck_assert_uint_le(g->pits[i].start, g->pits[i].end);
	}
}

START_TEST(test_labelled)
{
	const struct tcase_data *tc = &cases[_i];
	ck_assert_msg(tc->o != NULL, "%s:%zu: not JSON", tc->file, tc->line);
	const cJSON *o = tc->o;
	struct labelled l;
	ck_assert_int_eq(labelled_read(&l, o), 0);
	const char *id = l.id, *reply = l.reply;
	const cJSON *x;
	struct grading g;
	grading_init(&g);
	score_reply(sc, &l.ctx, reply, strlen(reply), &g);
	check_grading(&g, reply, strlen(reply));
	const cJSON *labels = cJSON_GetObjectItem(o, "labels");
	cJSON_ArrayForEach(x, labels) {
		int c = criterion_from_name(x->string);
		ck_assert_msg(c >= 0, "%s: unknown criterion %s", id, x->string);
		ck_assert_msg(g.crit[c].detected == (x->valueint != 0),
		    "%s (%s:%zu): %s expected %d, got %d: %s", id, tc->file,
		    tc->line, x->string, x->valueint, g.crit[c].detected, reply);
	}
	cJSON_ArrayForEach(x, cJSON_GetObjectItem(o, "pitfalls")) {
		int p = pitfall_from_name(x->valuestring);
		ck_assert_msg(p >= 0 && grading_has_pitfall(&g, p),
		    "%s: pitfall %s expected", id, x->valuestring);
	}
	cJSON_ArrayForEach(x, cJSON_GetObjectItem(o, "no_pitfalls")) {
		int p = pitfall_from_name(x->valuestring);
		ck_assert_msg(p >= 0 && !grading_has_pitfall(&g, p),
		    "%s: pitfall %s not expected", id, x->valuestring);
	}
	grading_free(&g);
	labelled_free(&l);
}
END_TEST

static void
grade(const char *reply, size_t len, bool at_fault, struct grading *g)
{
	struct score_ctx ctx = {.customer = "My order never arrived!", .at_fault = at_fault};
	grading_init(g);
	score_reply(sc, &ctx, reply, len, g);
	check_grading(g, reply, len);
}

START_TEST(test_empty_and_null)
{
	struct grading g;
	grade("", 0, true, &g);
	ck_assert(!g.crit[CRIT_APOLOGY].met);
	ck_assert(g.crit[CRIT_CALM].detected);
	grading_free(&g);
	grading_init(&g);
	score_reply(sc, NULL, NULL, 0, &g);
	grading_free(&g);
	struct score_ctx empty = {0};
	grading_init(&g);
	score_reply(sc, &empty, "Sorry.", 6, &g);
	ck_assert(g.crit[CRIT_APOLOGY].detected);
	ck_assert(!g.crit[CRIT_RESTATE].detected);
	grading_free(&g);
}
END_TEST

START_TEST(test_apology_met_when_not_at_fault)
{
	struct grading g;
	grade("I've sent a new one.", 20, false, &g);
	ck_assert(!g.crit[CRIT_APOLOGY].detected);
	ck_assert(g.crit[CRIT_APOLOGY].met);
	ck_assert_ptr_null(g.crit[CRIT_APOLOGY].tip);
	grading_free(&g);
	grade("I've sent a new one.", 20, true, &g);
	ck_assert(!g.crit[CRIT_APOLOGY].met);
	ck_assert_ptr_nonnull(g.crit[CRIT_APOLOGY].tip);
	grading_free(&g);
}
END_TEST

START_TEST(test_not_terminated_and_nul)
{
	/* len, not NUL, ends the reply; NUL bytes inside are just bytes. */
	const char buf[] = "I'm sorry\0 CALM DOWN!!! you idiot";
	struct grading g;
	grade(buf, 9, true, &g);
	ck_assert(g.crit[CRIT_CALM].detected);
	ck_assert(g.crit[CRIT_APOLOGY].detected);
	grading_free(&g);
	grade(buf, sizeof buf - 1, true, &g);
	ck_assert(!g.crit[CRIT_CALM].detected);
	grading_free(&g);
}
END_TEST

START_TEST(test_unicode)
{
	static const char *const odd[] = {
		"\xf0\x9f\x98\xa1\xf0\x9f\x98\xa1\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
		"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d sorry",
		"Cafe\xcc\x81 re\xcc\x81sume\xcc\x81 \xcc\x81\xcc\x81\xcc\x81",
		"\xe2\x80\x8f\xe2\x80\xae I\xe2\x80\x99m sorry \xe2\x80\xac",
		"\xef\xbb\xbf!!!\xe2\x80\xa6\xe2\x80\x94\xe2\x80\x9c\xe2\x80\x9d",
		"@user https://x.y/z?a=1 #tag :( ;-) /s don't can't won't",
		"'", "a'", "'s", "-", "--a-", "1.2.3:4,5", "\xc2\xa0\xc2\xa0",
	};
	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
		struct grading g;
		grade(odd[i], strlen(odd[i]), true, &g);
		grading_free(&g);
	}
}
END_TEST

START_TEST(test_huge_input)
{
	size_t n = 1 << 20;
	char *big = malloc(n);
	static const char chunk[] =
	    "I'm so sorry \xf0\x9f\x98\x9e, I've REFUNDED it!! not sorry \0 "
	    "caf\xc3\xa9 www.example.com ";
	for (size_t i = 0; i < n; i++)
		big[i] = chunk[i % (sizeof chunk - 1)];
	/* Do not end inside a multibyte character. */
	while (n > 0 && ((unsigned char)big[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0 && (unsigned char)big[n - 1] >= 0xc0)
		n--;
	struct grading g;
	grade(big, n, true, &g);
	ck_assert(grading_has_pitfall(&g, PIT_TOO_LONG));
	grading_free(&g);
	/* One enormous word. */
	memset(big, 'a', n);
	grade(big, n, true, &g);
	grading_free(&g);
	free(big);
}
END_TEST

START_TEST(test_evidence_and_overall)
{
	const char *good = "I'm so sorry the order never arrived; that's really "
	    "frustrating. I've sent a replacement by courier for tomorrow.";
	const char *bad = "Calm down. Not my problem.";
	struct grading g1, g2;
	grade(good, strlen(good), true, &g1);
	grade(bad, strlen(bad), true, &g2);
	ck_assert_int_gt(g1.overall, 70);
	ck_assert_int_lt(g2.overall, 30);
	ck_assert_uint_gt(g1.crit[CRIT_EMPATHY].nev, 0);
	ck_assert(g1.crit[CRIT_EMPATHY].ev[0].positive);
	ck_assert_uint_gt(g2.crit[CRIT_CALM].nev, 0);
	ck_assert(!g2.crit[CRIT_CALM].ev[0].positive);
	ck_assert_str_eq(g2.crit[CRIT_CALM].ev[0].text, "Calm down");
	grading_free(&g1);
	grading_free(&g2);
}
END_TEST

START_TEST(test_strength)
{
	struct grading weak, strong;
	const char *w = "I understand how you feel.";
	const char *s = "Being left without your order must be really frustrating, "
	    "and it's not what you paid for.";
	grade(w, strlen(w), true, &weak);
	grade(s, strlen(s), true, &strong);
	ck_assert(weak.crit[CRIT_EMPATHY].detected);
	ck_assert(strong.crit[CRIT_EMPATHY].detected);
	ck_assert_int_gt(strong.crit[CRIT_EMPATHY].score,
	    weak.crit[CRIT_EMPATHY].score);
	grading_free(&weak);
	grading_free(&strong);
}
END_TEST

START_TEST(test_repeated_stock)
{
	const char *r = "Sorry. Sorry. I'm so sorry. Sorry about that.";
	struct grading g;
	grade(r, strlen(r), true, &g);
	ck_assert(grading_has_pitfall(&g, PIT_TEMPLATE));
	ck_assert_int_le(g.crit[CRIT_APOLOGY].score, 60);
	grading_free(&g);
}
END_TEST

/* A reply much like an earlier one is a template, found the same on every
 * call (the word hashes behind it are remembered by vocabulary id), and
 * one unlike it is not. */
START_TEST(test_template_history)
{
	const char *old = "I'm sorry your order is late; I will send a new "
	    "one today by express courier, Dana.";
	const char *same = "I'm sorry your order is late, I will send a new "
	    "one today by express courier, Dana!";
	const char *other = "Could you tell me the order number so I can check "
	    "where the parcel is?";
	for (int round = 0; round < 3; round++) {
		const char *r = round == 1 ? other : same;
		struct score_ctx ctx = {.at_fault = true, .history = &old,
		    .nhistory = 1};
		struct grading g;
		grading_init(&g);
		score_reply(sc, &ctx, r, strlen(r), &g);
		ck_assert_int_eq(grading_has_pitfall(&g, PIT_TEMPLATE),
		    round != 1);
		grading_free(&g);
	}
}
END_TEST

START_TEST(test_evidence_merged)
{
	/* Overlapping spans for one criterion are one piece of evidence. */
	const char *r = "I'm so sorry. The new one is free of charge.";
	struct grading g;
	grade(r, strlen(r), true, &g);
	ck_assert_uint_eq(g.crit[CRIT_APOLOGY].nev, 1);
	ck_assert_str_eq(g.crit[CRIT_APOLOGY].ev[0].text, "so sorry");
	for (size_t i = 0; i < g.crit[CRIT_ALTERNATIVE].nev; i++)
		for (size_t j = i + 1; j < g.crit[CRIT_ALTERNATIVE].nev; j++) {
			const struct evidence *a = &g.crit[CRIT_ALTERNATIVE].ev[i];
			const struct evidence *b = &g.crit[CRIT_ALTERNATIVE].ev[j];
			ck_assert(a->positive != b->positive ||
			    a->end <= b->start || b->end <= a->start);
		}
	grading_free(&g);
}
END_TEST

START_TEST(test_restate_cites_matched_fact)
{
	/* Each restated word cites the fact it named. */
	static const char *const para[] = {"birthday present", "birthday tomorrow"};
	struct score_fact f[2] = {
		{.text = "the order has not arrived"},
		{.text = "it is a birthday present needed by tomorrow",
		    .paraphrases = para, .nparaphrases = 2},
	};
	struct score_ctx ctx = {.customer = "Where is my order? It's a birthday present!",
	    .at_fault = true, .facts = f, .nfacts = 2};
	const char *r = "I'm sorry your order hasn't arrived, with the birthday so close.";
	struct grading g;
	grading_init(&g);
	score_reply(sc, &ctx, r, strlen(r), &g);
	ck_assert(g.crit[CRIT_RESTATE].detected);
	bool seen = false;
	for (size_t i = 0; i < g.crit[CRIT_RESTATE].nev; i++) {
		const struct evidence *e = &g.crit[CRIT_RESTATE].ev[i];
		if (strcmp(e->text, "birthday") == 0) {
			seen = true;
			ck_assert_ptr_nonnull(strstr(e->why, "birthday present"));
		}
		if (strcmp(e->text, "arrived") == 0)
			ck_assert_ptr_nonnull(strstr(e->why, "has not arrived"));
	}
	ck_assert(seen);
	grading_free(&g);
}
END_TEST

/* The restate step keeps prepared fact sets between calls: a warm scorer
 * (many situations seen, some evicted, some revisited) grades as a fresh
 * one does, whatever differs between the situations (a paraphrase, the
 * order of the facts, facts or the customer's message). */
static void
restate_of(struct scorer *s, const struct score_ctx *ctx, const char *r,
    char *out, size_t cap)
{
	struct grading g;
	grading_init(&g);
	score_reply(s, ctx, r, strlen(r), &g);
	const struct crit_result *c = &g.crit[CRIT_RESTATE];
	size_t n = (size_t)snprintf(out, cap, "%d %d %d|", c->score, c->detected,
	    g.overall);
	for (size_t i = 0; i < c->nev && n < cap; i++)
		n += (size_t)snprintf(out + n, cap - n, "%s/%s|", c->ev[i].text,
		    c->ev[i].why);
	grading_free(&g);
}

/* Every model reply the shipped scenarios offer a trainee is graded calm:
 * neither a rule nor the learned model may call the example un-calm. */
START_TEST(test_model_replies_calm)
{
	size_t n = 0, checked = 0;
	char **names = test_list_names("scenarios", ".json", &n);
	ck_assert_uint_gt(n, 0);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("scenarios/%s.json", names[i]);
		struct scenario scn;
		struct diags d = {0};
		ck_assert_int_eq(scenario_load(&scn, path, &d), 0);
		for (size_t j = 0; j < scn.nnodes; j++) {
			const char *m = scn.nodes[j].model_reply;
			if (m == NULL)
				continue;
			struct grading g;
			grading_init(&g);
			score_reply(sc, NULL, m, strlen(m), &g);
			if (!g.crit[CRIT_CALM].detected)
				ck_abort_msg("%s, node %s: model reply graded un-calm "
				    "(%s): %s", path, scn.nodes[j].id,
				    g.crit[CRIT_CALM].nev ?
				    g.crit[CRIT_CALM].ev[0].why : "?", m);
			grading_free(&g);
			checked++;
		}
		scenario_free(&scn);
		diags_free(&d);
		free(path);
	}
	test_free_names(names, n);
	ck_assert_uint_gt(checked, 100);
}
END_TEST

START_TEST(test_fact_cache)
{
	static const char *const pa[] = {"a birthday present"};
	static const char *const pb[] = {"a wedding present"};
	static const char *const pc[] = {"a birthday present", NULL};
	struct score_fact f[6][2] = {
		{{.text = "the order has not arrived"},
		    {.text = "it is needed by tomorrow", .paraphrases = pa,
		    .nparaphrases = 1}},
		{{.text = "the order has not arrived"},
		    {.text = "it is needed by tomorrow", .paraphrases = pb,
		    .nparaphrases = 1}},
		{{.text = "the order has not arrived"},
		    {.text = "it is needed by tomorrow"}},
		{{.text = "it is needed by tomorrow", .paraphrases = pa,
		    .nparaphrases = 1}, {.text = "the order has not arrived"}},
		{{.text = "the order has not arrived"},
		    {.text = "it is needed by tomorrow", .paraphrases = pc,
		    .nparaphrases = 2}},
		{{.text = "the order has not arrived it is needed by tomorrow"}},
	};
	struct score_ctx ctx[9];
	for (size_t i = 0; i < 6; i++)
		ctx[i] = (struct score_ctx){.customer = "Where is my parcel?",
		    .at_fault = true, .facts = f[i], .nfacts = i == 5 ? 1 : 2};
	ctx[6] = (struct score_ctx){.customer = "My order never came. It is a "
	    "birthday present!", .at_fault = true};
	ctx[7] = (struct score_ctx){.customer = "My order never came. It is a "
	    "wedding present!", .at_fault = true};
	ctx[8] = (struct score_ctx){.at_fault = true};
	const char *r = "I'm sorry the birthday present you ordered has not "
	    "arrived; the wedding is tomorrow, I know.";
	char want[9][2048], got[2048], name[32];
	for (size_t i = 0; i < 9; i++) {
		struct scorer *fresh;
		struct diags d = {0};
		ck_assert_int_eq(scorer_load("assets", "en", &fresh, &d), 0);
		restate_of(fresh, &ctx[i], r, want[i], sizeof want[i]);
		scorer_free(fresh);
		diags_free(&d);
	}
	for (int round = 0; round < 3; round++) {
		for (size_t i = 0; i < 9; i++) {
			restate_of(sc, &ctx[i], r, got, sizeof got);
			ck_assert_str_eq(got, want[i]);
		}
		/* Many other situations, so the ones above are evicted. */
		for (int k = 0; k < 600; k++) {
			snprintf(name, sizeof name, "order %d arrived late", k);
			struct score_fact o = {.text = name};
			struct score_ctx x = {.at_fault = true, .facts = &o,
			    .nfacts = 1};
			restate_of(sc, &x, r, got, sizeof got);
		}
	}
}
END_TEST

static Suite *
score_suite(void)
{
	Suite *s = suite_create("score");
	TCase *tc = tcase_create("labelled");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_labelled, 0, (int)ncases);
	suite_add_tcase(s, tc);
	tc = tcase_create("robust");
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_empty_and_null);
	tcase_add_test(tc, test_model_replies_calm);
	tcase_add_test(tc, test_apology_met_when_not_at_fault);
	tcase_add_test(tc, test_not_terminated_and_nul);
	tcase_add_test(tc, test_unicode);
	tcase_add_test(tc, test_huge_input);
	tcase_add_test(tc, test_evidence_and_overall);
	tcase_add_test(tc, test_strength);
	tcase_add_test(tc, test_repeated_stock);
	tcase_add_test(tc, test_template_history);
	tcase_add_test(tc, test_evidence_merged);
	tcase_add_test(tc, test_restate_cites_matched_fact);
	tcase_add_test(tc, test_fact_cache);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	load_cases();
	int rc = test_run_suite(score_suite());
	for (size_t i = 0; i < ncases; i++) {
		free(cases[i].file);
		cJSON_Delete(cases[i].o);
	}
	free(cases);
	return rc;
}
