/* test_report.c: reports over the fixture data directory — aggregation with
 * supervisor overrides, golden text and CSV, JSON shape, HTML structure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "lib.h"
#include "report.h"

#define DATA "tests/data/report/data"

static struct report_data rd;
static struct report rep;
static struct diags diags;

static void
setup(void)
{
	memset(&diags, 0, sizeof diags);
	ck_assert_int_eq(report_data_load(&rd, DATA, NULL, 0, &diags), 0);
	report_build(&rep, &rd);
}

static void
teardown(void)
{
	report_free(&rep);
	report_data_free(&rd);
	diags_free(&diags);
}

static const struct report_stats *
trainee(const char *name)
{
	for (size_t i = 0; i < rep.ntrainees; i++)
		if (strcmp(rep.trainees[i].name, name) == 0)
			return &rep.trainees[i];
	ck_abort_msg("no trainee %s", name);
	return NULL;
}

#define near(a, b) ck_assert_msg(fabs((a) - (b)) < 1e-9, "%g != %g", (double)(a), (double)(b))

START_TEST(test_loading)
{
	/* Three trainees; the broken file is reported and left out, the
	 * session with no turns is left out silently, sidecars are not
	 * mistaken for transcripts. */
	ck_assert_uint_eq(rd.ntrainees, 3);
	ck_assert_str_eq(rd.trainees[1], "Bo Li");
	ck_assert_uint_eq(rd.n, 6);
	ck_assert_uint_eq(diags.nerrors, 0);
	bool broken = false;
	for (size_t i = 0; i < diags.n; i++)
		if (diags.v[i].file && strstr(diags.v[i].file, "0c0003.json") &&
		    strstr(diags.v[i].msg, "left out of the report"))
			broken = true;
	ck_assert(broken);
	ck_assert_uint_eq(rd.v[4].reviews.n, 2); /* Bo Li's second session */
}
END_TEST

START_TEST(test_overrides)
{
	/* Bo Li, red dress, turn 1: the scorer saw restate, Sam says not. */
	const struct report_session *s = &rd.v[4];
	ck_assert_str_eq(s->t.scenario_id, "red-dress-out-of-stock");
	struct report_label l = report_label(s, 0, CRIT_RESTATE);
	ck_assert(l.overridden);
	ck_assert(!l.detected && !l.met);
	ck_assert_int_eq(l.score, 0);
	/* Turn 2: empathy missed by the scorer, given by two reviewers. */
	l = report_label(s, 1, CRIT_EMPATHY);
	ck_assert(l.overridden && l.detected && l.met);
	/* Not overridden: the scorer's label and score. */
	l = report_label(s, 1, CRIT_CALM);
	ck_assert(!l.overridden && l.met);
	ck_assert_int_eq(l.score, 85);
	/* An apology is met when not at fault, whatever the override. */
	l = report_label(s, 0, CRIT_APOLOGY);
	ck_assert(l.met && !l.detected);
}
END_TEST

START_TEST(test_trainee_stats)
{
	const struct report_stats *a = trainee("Ana");
	ck_assert_uint_eq(a->sessions, 3);
	ck_assert_uint_eq(a->turns, 5);
	near(a->mean_overall, (25.0 + 63.0 + 90.0) / 3.0);
	/* calm: met on 4 of 5 turns. */
	ck_assert_uint_eq(a->crit[CRIT_CALM].met, 4);
	near(a->crit[CRIT_CALM].share, 0.8);
	/* empathy: turns 2 (scorer) and 1 of session 2 (scorer and Sam) and
	 * the red dress turn: 2 of 5. */
	ck_assert_uint_eq(a->crit[CRIT_EMPATHY].met, 2);
	/* Trend of calm per session: 1/2, 2/2, 1/1. */
	ck_assert_uint_eq(a->ntrend, 3);
	near(a->trend[0].share[CRIT_CALM], 0.5);
	near(a->trend[1].share[CRIT_CALM], 1.0);
	ck_assert_str_eq(a->trend[2].scenario_id, "red-dress-out-of-stock");
	/* Sam's two overrides of Ana's turns. */
	ck_assert_int_eq(a->overrides, 2);
	/* restate, empathy and alternative are met on 2 of 5 turns; Sam's
	 * "not detected" on alternative counts 0, so its mean score is the
	 * lowest. */
	ck_assert_int_eq(a->weakest, CRIT_ALTERNATIVE);
	near(a->crit[CRIT_ALTERNATIVE].mean_score, (15 + 0 + 15 + 85 + 85) / 5.0);
	ck_assert_uint_eq(a->nex, 3);
	/* Newest missed turn first. */
	ck_assert_str_eq(a->ex[0].started, "2026-11-03T10:00:00Z");
	ck_assert_int_eq(a->ex[0].turn, 1);
	ck_assert_str_eq(a->ex[0].reply, "I'm sorry your parcel promised for "
	    "Friday hasn't arrived; that must be frustrating.");
	ck_assert_str_eq(a->ex[0].customer, "Where is my parcel? It was due on Friday!");
	ck_assert_str_eq(a->ex[1].started, "2026-11-01T10:00:00Z");
	ck_assert_int_eq(a->ex[2].turn, 2);
	ck_assert_uint_eq(a->nbest, 2);
	ck_assert_str_eq(a->best[0].scenario_id, "late-order");
	ck_assert_int_eq(a->best[0].score, 63);
	ck_assert_uint_eq(a->best[0].sessions, 2);
	ck_assert_int_eq(a->pitfalls[PIT_TEMPLATE], 1);
	ck_assert_int_eq(a->pit_order[0], PIT_TEMPLATE);

	const struct report_stats *c = trainee("Cy");
	ck_assert_uint_eq(c->sessions, 1);
	/* Rita's overrides turn Cy's missed restate and alternative into met. */
	ck_assert_uint_eq(c->crit[CRIT_RESTATE].met, 1);
	ck_assert_uint_eq(c->crit[CRIT_ALTERNATIVE].met, 1);
	ck_assert_int_eq(c->weakest, CRIT_EMPATHY);
}
END_TEST

START_TEST(test_group_stats)
{
	const struct report_stats *g = &rep.group;
	ck_assert_ptr_null(g->name);
	ck_assert_uint_eq(g->sessions, 6);
	ck_assert_uint_eq(g->turns, 10);
	/* Sessions in time order across trainees. */
	ck_assert_str_eq(g->trend[0].started, "2026-11-01T10:00:00Z");
	ck_assert_str_eq(g->trend[1].started, "2026-11-02T10:00:00Z");
	ck_assert_str_eq(g->trend[5].started, "2026-11-06T10:00:00Z");
	/* Best per scenario, with who. */
	ck_assert_uint_eq(g->nbest, 2);
	ck_assert_int_eq(g->best[0].score, 80);
	ck_assert_str_eq(g->best[0].trainee, "Cy");
	ck_assert_uint_eq(g->best[0].sessions, 4);
	ck_assert_int_eq(g->best[1].score, 90);
	ck_assert_str_eq(g->best[1].trainee, "Ana");
	/* template twice; blames_customer and negative_language once. */
	ck_assert_int_eq(g->pit_order[0], PIT_TEMPLATE);
	ck_assert_int_eq(g->pitfalls[PIT_TEMPLATE], 2);
	ck_assert_int_eq(g->pitfalls[PIT_BLAMES_CUSTOMER], 1);
	ck_assert_int_eq(g->pitfalls[PIT_TOO_LONG], 0);
	/* Sam 2 (Ana) + Sam 1 restate and the empathy one (Bo Li) + Rita 2
	 * (Cy): each overridden turn and criterion counted once. */
	ck_assert_int_eq(g->overrides, 6);
}
END_TEST

START_TEST(test_cohort)
{
	const char *names[] = {"Cy", "Nobody", "Ana"};
	struct report_data d2;
	struct diags d = {0};
	ck_assert_int_eq(report_data_load(&d2, DATA, names, 3, &d), 0);
	ck_assert_uint_eq(d2.ntrainees, 3);
	ck_assert_str_eq(d2.trainees[0], "Ana");
	ck_assert_str_eq(d2.trainees[1], "Cy");
	ck_assert_str_eq(d2.trainees[2], "Nobody");
	ck_assert_uint_eq(d2.n, 4);
	bool warned = false;
	for (size_t i = 0; i < d.n; i++)
		warned |= strstr(d.v[i].msg, "no transcripts for trainee \"Nobody\"") != NULL;
	ck_assert(warned);
	struct report r2;
	report_build(&r2, &d2);
	ck_assert_uint_eq(r2.trainees[2].sessions, 0);
	ck_assert_int_eq(r2.trainees[2].weakest, -1);
	ck_assert_uint_eq(r2.group.sessions, 4);
	char *text = report_text(&r2);
	ck_assert_ptr_nonnull(strstr(text, "== Nobody ==\nno sessions\n"));
	free(text);
	report_free(&r2);
	report_data_free(&d2);
	diags_free(&d);
}
END_TEST

START_TEST(test_empty_dir)
{
	char *dir = test_temp_dir();
	struct report_data d2;
	struct diags d = {0};
	ck_assert_int_eq(report_data_load(&d2, dir, NULL, 0, &d), 0);
	struct report r2;
	report_build(&r2, &d2);
	char *s = report_text(&r2);
	ck_assert_str_eq(s, "irate report: 0 trainees, 0 sessions, 0 turns\n\n"
	    "== All trainees ==\nno sessions\n");
	free(s);
	s = report_html(&r2);
	ck_assert_ptr_nonnull(strstr(s, "</html>"));
	free(s);
	report_free(&r2);
	report_data_free(&d2);
	diags_free(&d);
	test_rmrf(dir);
	free(dir);
}
END_TEST

/* Compare got with tests/data/report/NAME (a golden file). */
static void
golden(const char *name, const char *got)
{
	char path[256];
	snprintf(path, sizeof path, "tests/data/report/%s", name);
	test_assert_golden(path, got);
}

START_TEST(test_golden_text)
{
	char *s = report_text(&rep);
	golden("report.txt.expected", s);
	free(s);
}
END_TEST

START_TEST(test_golden_csv)
{
	char *s = report_csv(&rep);
	golden("report.csv.expected", s);
	free(s);
}
END_TEST

START_TEST(test_json)
{
	char *s = report_json(&rep);
	cJSON *j = cJSON_Parse(s);
	ck_assert_ptr_nonnull(j);
	ck_assert_int_eq(cJSON_GetObjectItem(j, "format")->valueint, 1);
	const cJSON *tr = cJSON_GetObjectItem(j, "trainees");
	ck_assert_int_eq(cJSON_GetArraySize(tr), 3);
	const cJSON *bo = cJSON_GetArrayItem(tr, 1);
	ck_assert_str_eq(cJSON_GetObjectItem(bo, "name")->valuestring, "Bo Li");
	const cJSON *emp = cJSON_GetObjectItem(cJSON_GetObjectItem(bo, "criteria"),
	    "empathy");
	ck_assert_int_eq(cJSON_GetObjectItem(emp, "met")->valueint, 1);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(emp, "trend")), 2);
	const cJSON *g = cJSON_GetObjectItem(j, "group");
	ck_assert_int_eq(cJSON_GetObjectItem(g, "sessions")->valueint, 6);
	ck_assert_str_eq(cJSON_GetObjectItem(g, "weakest")->valuestring,
	    criterion_name((enum criterion)rep.group.weakest));
	cJSON_Delete(j);
	free(s);
}
END_TEST

/* A small well-formedness check of the HTML: every element opened is closed
 * in order (void elements excepted), no external URL, and the number of
 * <svg> elements.  Returns NULL when fine, else what is wrong (static). */
static const char *
html_check(const char *s, int *nsvg)
{
	static const char *const voids[] = {"meta", "br", "hr", "img", "link",
	    "input", "wbr", "col", "source", NULL};
	char stack[64][16];
	int depth = 0;
	*nsvg = 0;
	if (strstr(s, "http://") || strstr(s, "https://") || strstr(s, "src=") ||
	    strstr(s, "url(") || strstr(s, "@import"))
		return "an external reference";
	if (strncmp(s, "<!DOCTYPE html>", 15) != 0)
		return "no doctype";
	if (!strstr(s, "<meta charset=\"utf-8\">"))
		return "no UTF-8 meta";
	for (const char *p = s + 15; (p = strchr(p, '<')) != NULL; p++) {
		if (strncmp(p, "<!--", 4) == 0) {
			p = strstr(p, "-->");
			if (!p)
				return "an unclosed comment";
			continue;
		}
		bool closing = p[1] == '/';
		const char *n = p + 1 + closing;
		size_t len = strspn(n, "abcdefghijklmnopqrstuvwxyz0123456789");
		if (len == 0 || len >= 16)
			return "a stray <";
		const char *end = strchr(n, '>');
		if (!end)
			return "an unterminated tag";
		char name[16];
		memcpy(name, n, len);
		name[len] = '\0';
		bool selfclose = end[-1] == '/';
		bool isvoid = false;
		for (int i = 0; voids[i]; i++)
			isvoid |= strcmp(voids[i], name) == 0;
		if (closing) {
			if (depth == 0 || strcmp(stack[depth - 1], name) != 0)
				return "a closing tag that does not match";
			depth--;
		} else if (!isvoid && !selfclose) {
			if (depth == 64)
				return "nesting too deep";
			strcpy(stack[depth++], name);
			if (strcmp(name, "svg") == 0)
				(*nsvg)++;
			if (strcmp(name, "style") == 0) {
				/* Skip the CSS: it holds no tags. */
				p = strstr(end, "</style>");
				if (!p)
					return "an unclosed style";
				p--;
				continue;
			}
		}
		p = end;
	}
	return depth == 0 ? NULL : "an element left open";
}

START_TEST(test_html)
{
	char *s = report_html(&rep);
	int nsvg;
	const char *why = html_check(s, &nsvg);
	ck_assert_msg(why == NULL, "HTML has %s", why ? why : "");
	/* One chart per criterion for the group and each trainee with
	 * sessions. */
	int want = CRIT_COUNT;
	for (size_t i = 0; i < rep.ntrainees; i++)
		want += rep.trainees[i].sessions ? CRIT_COUNT : 0;
	ck_assert_int_eq(nsvg, want);
	ck_assert_ptr_nonnull(strstr(s, "Bo Li"));
	ck_assert_ptr_nonnull(strstr(s, "That&#39;s useless."));
	free(s);
}
END_TEST

START_TEST(test_html_checker)
{
	int n;
	const char *ok = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
	    "<style>a>b{}</style></head><body><svg><path d=\"M0 0\"/></svg></body></html>";
	ck_assert_ptr_null(html_check(ok, &n));
	ck_assert_int_eq(n, 1);
	ck_assert_ptr_nonnull(html_check("<!DOCTYPE html><meta charset=\"utf-8\"><p><b></p></b>", &n));
	ck_assert_ptr_nonnull(html_check("<!DOCTYPE html><meta charset=\"utf-8\"><p>", &n));
	ck_assert_ptr_nonnull(html_check("<!DOCTYPE html><meta charset=\"utf-8\"><img src=\"https://x\">", &n));
}
END_TEST

START_TEST(test_escaping)
{
	/* Text from transcripts is escaped in HTML and quoted in CSV. */
	struct report r2 = {0};
	r2.ntrainees = 1;
	r2.trainees = calloc(1, sizeof *r2.trainees);
	struct report_stats *st = &r2.trainees[0];
	st->name = strdup("<b>\"Eve\", & co</b>");
	st->weakest = -1;
	char *h = report_html(&r2);
	ck_assert_ptr_null(strstr(h, "<b>\"Eve"));
	ck_assert_ptr_nonnull(strstr(h, "&lt;b&gt;&quot;Eve&quot;, &amp; co&lt;/b&gt;"));
	char *c = report_csv(&r2);
	ck_assert_ptr_nonnull(strstr(c, "\"<b>\"\"Eve\"\", & co</b>\""));
	free(h);
	free(c);
	report_free(&r2);
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("fixtures");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_loading);
	tcase_add_test(tc, test_overrides);
	tcase_add_test(tc, test_trainee_stats);
	tcase_add_test(tc, test_group_stats);
	tcase_add_test(tc, test_golden_text);
	tcase_add_test(tc, test_golden_csv);
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_html);
	suite_add_tcase(s, tc);
	TCase *t2 = tcase_create("other");
	tcase_add_test(t2, test_cohort);
	tcase_add_test(t2, test_empty_dir);
	tcase_add_test(t2, test_html_checker);
	tcase_add_test(t2, test_escaping);
	suite_add_tcase(s, t2);
	return s;
}

int
main(void)
{
	return test_run_suite(report_suite());
}
