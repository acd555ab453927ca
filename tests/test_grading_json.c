/* test_grading_json.c: gradings to JSON and back, and bad gradings refused. */
#include <stdlib.h>
#include <string.h>

#include "grading_json.h"
#include "lib.h"

static const char reply[] =
    "I'm sorry your card was blocked in Lisbon. I've lifted the block.";

static void
make_grading(struct grading *g)
{
	grading_init(g);
	g->overall = 73;
	g->crit[CRIT_CALM].detected = true;
	g->crit[CRIT_CALM].met = true;
	g->crit[CRIT_CALM].score = 90;
	g->crit[CRIT_APOLOGY].detected = true;
	g->crit[CRIT_APOLOGY].met = true;
	g->crit[CRIT_APOLOGY].score = 100;
	grading_add_evidence(g, CRIT_APOLOGY, reply, 0, 9, true, "says sorry");
	g->crit[CRIT_RESTATE].detected = true;
	g->crit[CRIT_RESTATE].score = 60;
	grading_add_evidence(g, CRIT_RESTATE, reply, 15, 41, true,
	    "names the \"problem\"\n");
	grading_add_evidence(g, CRIT_RESTATE, reply, 0, 0, false, "");
	g->crit[CRIT_EMPATHY].score = 0;
	grading_set_tip(g, CRIT_EMPATHY, "Say how it must feel — \u00e9 ✓.");
	g->crit[CRIT_ALTERNATIVE].detected = true;
	g->crit[CRIT_ALTERNATIVE].met = true;
	g->crit[CRIT_ALTERNATIVE].score = 80;
	grading_add_pitfall(g, PIT_TOO_LONG, reply, 0, 0, "over 80 words");
	grading_add_pitfall(g, PIT_BLAMES_COLLEAGUE, reply, 43, 60, "blames");
}

static void
assert_same(const struct grading *a, const struct grading *b)
{
	ck_assert_int_eq(a->overall, b->overall);
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *x = &a->crit[c], *y = &b->crit[c];
		ck_assert_int_eq(x->detected, y->detected);
		ck_assert_int_eq(x->met, y->met);
		ck_assert_int_eq(x->score, y->score);
		ck_assert_uint_eq(x->nev, y->nev);
		for (size_t i = 0; i < x->nev; i++) {
			ck_assert_uint_eq(x->ev[i].start, y->ev[i].start);
			ck_assert_uint_eq(x->ev[i].end, y->ev[i].end);
			ck_assert_str_eq(x->ev[i].text, y->ev[i].text);
			ck_assert_str_eq(x->ev[i].why, y->ev[i].why);
			ck_assert_int_eq(x->ev[i].positive, y->ev[i].positive);
		}
		if (x->tip == NULL)
			ck_assert_ptr_null(y->tip);
		else
			ck_assert_str_eq(x->tip, y->tip);
	}
	ck_assert_uint_eq(a->npits, b->npits);
	for (size_t i = 0; i < a->npits; i++) {
		ck_assert_int_eq(a->pits[i].kind, b->pits[i].kind);
		ck_assert_uint_eq(a->pits[i].start, b->pits[i].start);
		ck_assert_uint_eq(a->pits[i].end, b->pits[i].end);
		ck_assert_str_eq(a->pits[i].text, b->pits[i].text);
		ck_assert_str_eq(a->pits[i].why, b->pits[i].why);
	}
}

/* Serialise g (formatted or not), reload it, compare. */
static void
round_trip(const struct grading *g, bool formatted)
{
	cJSON *j = grading_to_json(g);
	char *text = formatted ? cJSON_Print(j) : cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "g.json", text, strlen(text), &d), 0);
	struct grading back;
	int rc = grading_from_json(&doc, doc.root, "", &back, &d);
	ck_assert_msg(rc == 0, "%s", d.n ? d.v[0].msg : "?");
	ck_assert_uint_eq(d.n, 0);
	assert_same(g, &back);
	grading_free(&back);
	jsondoc_free(&doc);
	diags_free(&d);
	free(text);
}

START_TEST(test_round_trip)
{
	struct grading g;
	make_grading(&g);
	round_trip(&g, false);
	round_trip(&g, true);
	grading_free(&g);
	grading_init(&g); /* the empty grading too */
	round_trip(&g, false);
}
END_TEST

START_TEST(test_shape)
{
	struct grading g;
	make_grading(&g);
	cJSON *j = grading_to_json(&g);
	char *s = cJSON_PrintUnformatted(j);
	ck_assert_ptr_nonnull(strstr(s, "{\"overall\":73,\"criteria\":{\"calm\":"
	    "{\"detected\":true,\"met\":true,\"score\":90,\"evidence\":[]},"));
	ck_assert_ptr_nonnull(strstr(s, "\"apology\":{\"detected\":true,"
	    "\"met\":true,\"score\":100,\"evidence\":[{\"start\":0,\"end\":9,"
	    "\"text\":\"I'm sorry\",\"why\":\"says sorry\",\"positive\":true}]}"));
	ck_assert_ptr_nonnull(strstr(s, "\"tip\":\"Say how"));
	/* No tip key where there is none. */
	ck_assert_ptr_null(strstr(strstr(s, "\"alternative\""), "\"tip\""));
	ck_assert_ptr_nonnull(strstr(s, "\"pitfalls\":[{\"name\":\"too_long\","
	    "\"start\":0,\"end\":0,\"text\":\"\",\"why\":\"over 80 words\"},"));
	free(s);
	cJSON_Delete(j);
	grading_free(&g);
}
END_TEST

START_TEST(test_embedded)
{
	/* Members besides the grading's own are ignored: {"id": ...} first. */
	struct grading g;
	make_grading(&g);
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", "x1");
	grading_json_add(o, &g);
	ck_assert_str_eq(o->child->string, "id");
	char *s = cJSON_PrintUnformatted(o);
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "e.json", s, strlen(s), &d), 0);
	struct grading back;
	ck_assert_int_eq(grading_from_json(&doc, doc.root, "", &back, &d), 0);
	assert_same(&g, &back);
	grading_free(&back);
	jsondoc_free(&doc);
	cJSON_Delete(o);
	free(s);
	grading_free(&g);
}
END_TEST

/* A valid criterion, for building bad documents around it. */
#define CRIT_OK "{\"detected\":false,\"met\":false,\"score\":0}"
#define CRITS_OK "\"criteria\":{\"calm\":" CRIT_OK ",\"restate\":" CRIT_OK \
    ",\"empathy\":" CRIT_OK ",\"apology\":" CRIT_OK ",\"alternative\":" CRIT_OK "}"

struct bad_case {
	const char *text;
	const char *path; /* of the first problem; NULL for none */
	const char *msg;  /* exact first message */
	int col;          /* of the first problem */
	size_t nerrors;
};

static const struct bad_case bad[] = {
	{"[]", NULL, "must be an object, not a list", 1, 1},
	{"{" CRITS_OK ",\"pitfalls\":[]}", "overall",
	    "missing required key \"overall\"", 1, 1},
	{"{\"overall\":101," CRITS_OK ",\"pitfalls\":[]}", "overall",
	    "must be between 0 and 100, not 101", 2, 1},
	{"{\"overall\":\"9\"," CRITS_OK ",\"pitfalls\":[]}", "overall",
	    "must be a whole number, not a string", 2, 1},
	{"{\"overall\":1,\"pitfalls\":[]}", "criteria",
	    "missing required key \"criteria\"", 1, 1},
	{"{\"overall\":1," CRITS_OK "}", "pitfalls",
	    "missing required key \"pitfalls\"", 1, 1},
	{"{\"overall\":1,\"criteria\":{\"calm\":" CRIT_OK "},\"pitfalls\":[]}",
	    "criteria.restate", "missing required key \"restate\"", 14, 4},
	{"{\"overall\":1,\"criteria\":{\"clam\":" CRIT_OK ",\"restate\":" CRIT_OK
	    ",\"empathy\":" CRIT_OK ",\"apology\":" CRIT_OK ",\"alternative\":"
	    CRIT_OK "},\"pitfalls\":[]}",
	    "criteria.clam", "unknown key \"clam\"; did you mean \"calm\"?", 26, 2},
	{"{\"overall\":1,\"criteria\":{\"calm\":{\"detected\":1,\"met\":false,"
	    "\"score\":0},\"restate\":" CRIT_OK ",\"empathy\":" CRIT_OK
	    ",\"apology\":" CRIT_OK ",\"alternative\":" CRIT_OK "},\"pitfalls\":[]}",
	    "criteria.calm.detected", "must be true or false, not a number", 34, 1},
	{"{\"overall\":1,\"criteria\":{\"calm\":{\"detected\":true,\"met\":false,"
	    "\"score\":0,\"evidence\":[{\"start\":5,\"end\":2,\"text\":\"\","
	    "\"why\":\"\",\"positive\":true}]},\"restate\":" CRIT_OK ",\"empathy\":"
	    CRIT_OK ",\"apology\":" CRIT_OK ",\"alternative\":" CRIT_OK
	    "},\"pitfalls\":[]}",
	    "criteria.calm.evidence[0].end", "must not be before start (5), not 2",
	    95, 1},
	{"{\"overall\":1,\"criteria\":{\"calm\":{\"detected\":true,\"met\":false,"
	    "\"score\":0,\"evidence\":[7, {\"start\":-1,\"end\":2,\"why\":3,"
	    "\"positive\":true,\"extra\":1}]},\"restate\":" CRIT_OK ",\"empathy\":"
	    CRIT_OK ",\"apology\":" CRIT_OK ",\"alternative\":" CRIT_OK
	    "},\"pitfalls\":[]}",
	    "criteria.calm.evidence[0]", "must be an object, not a number", 84, 5},
	{"{\"overall\":1,\"criteria\":{\"calm\":{\"detected\":true,\"met\":false,"
	    "\"score\":0,\"tip\":5},\"restate\":" CRIT_OK ",\"empathy\":" CRIT_OK
	    ",\"apology\":" CRIT_OK ",\"alternative\":" CRIT_OK "},\"pitfalls\":[]}",
	    "criteria.calm.tip", "must be a string, not a number", 72, 1},
	{"{\"overall\":1," CRITS_OK ",\"pitfalls\":[{\"name\":\"too_lng\","
	    "\"start\":0,\"end\":0,\"text\":\"\",\"why\":\"\"}]}",
	    "pitfalls[0].name",
	    "unknown pitfall \"too_lng\"; did you mean \"too_long\"?", 296, 1},
	{"{\"overall\":1," CRITS_OK ",\"pitfalls\":[{\"name\":\"banana\","
	    "\"start\":0,\"end\":0,\"text\":\"\"}, null]}",
	    "pitfalls[0].name", "unknown pitfall \"banana\"", 296, 3},
	{"{\"overall\":1," CRITS_OK ",\"pitfalls\":{}}", "pitfalls",
	    "must be a list, not an object", 283, 1},
};

START_TEST(test_bad_input)
{
	const struct bad_case *bc = &bad[_i];
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "bad.json", bc->text,
	    strlen(bc->text), &d), 0);
	struct grading g;
	g.overall = 5; /* must be reset */
	ck_assert_int_eq(grading_from_json(&doc, doc.root, "", &g, &d), -1);
	ck_assert_uint_ge(d.n, 1);
	ck_assert_str_eq(d.v[0].msg, bc->msg);
	if (bc->path)
		ck_assert_str_eq(d.v[0].path, bc->path);
	else
		ck_assert_ptr_null(d.v[0].path);
	ck_assert_str_eq(d.v[0].file, "bad.json");
	ck_assert_int_eq(d.v[0].line, 1);
	ck_assert_int_eq(d.v[0].col, bc->col);
	ck_assert_uint_eq(d.nerrors, bc->nerrors);
	/* Nothing is kept on failure. */
	ck_assert_int_eq(g.overall, 0);
	ck_assert_uint_eq(g.npits, 0);
	ck_assert_ptr_null(g.crit[CRIT_CALM].ev);
	jsondoc_free(&doc);
	diags_free(&d);
}
END_TEST

START_TEST(test_path_prefix)
{
	/* Messages name the grading's place in a larger document. */
	const char *t = "{\"turns\": [{\"grading\": {\"overall\": 1000}}]}";
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "t.json", t, strlen(t), &d), 0);
	const cJSON *gj = cJSON_GetObjectItem(
	    cJSON_GetArrayItem(cJSON_GetObjectItem(doc.root, "turns"), 0),
	    "grading");
	struct grading g;
	ck_assert_int_eq(grading_from_json(&doc, gj, "turns[0].grading", &g,
	    &d), -1);
	ck_assert_uint_eq(d.nerrors, 3);
	ck_assert_str_eq(d.v[0].path, "turns[0].grading.overall");
	ck_assert_int_eq(d.v[0].col, 25);
	ck_assert_str_eq(d.v[1].path, "turns[0].grading.criteria");
	ck_assert_str_eq(d.v[2].path, "turns[0].grading.pitfalls");
	jsondoc_free(&doc);
	diags_free(&d);
}
END_TEST

static Suite *
grading_json_suite(void)
{
	Suite *s = suite_create("grading_json");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_shape);
	tcase_add_test(tc, test_embedded);
	tcase_add_loop_test(tc, test_bad_input, 0, sizeof bad / sizeof *bad);
	tcase_add_test(tc, test_path_prefix);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(grading_json_suite());
}
