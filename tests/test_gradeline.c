/* test_gradeline.c: parsing the input lines of `irate grade`. */
#include <stdlib.h>
#include <string.h>

#include "gradeline.h"
#include "lib.h"

struct good_case {
	const char *text;
	bool id_is_string;
	const char *id;       /* as text */
	const char *reply;
	const char *customer; /* NULL when absent */
	bool at_fault;
	size_t nfacts, nhistory;
};

static const struct good_case good[] = {
	{"{\"reply\": \"Hi\"}", false, "7", "Hi", NULL, true, 0, 0},
	{"{\"id\": \"r1\", \"customer\": \"Where is it?\", \"reply\": \"Sorry.\","
	    " \"at_fault\": false, \"facts\": [\"late\", \"lost\"],"
	    " \"history\": [\"Hello\"], \"extra\": {\"x\": [1]}}\n",
	    true, "r1", "Sorry.", "Where is it?", false, 2, 1},
	{"{\"id\": 42, \"reply\": \"x\"}\r\n", false, "42", "x", NULL, true, 0, 0},
	{"{\"id\": 1.5, \"reply\": \"x\"}", false, "1.5", "x", NULL, true, 0, 0},
	{"{\"id\": 0.1, \"reply\": \"x\"}", false, "0.1", "x", NULL, true, 0, 0},
	{"{\"id\": -3, \"reply\": \"x\"}", false, "-3", "x", NULL, true, 0, 0},
	{"{\"id\": \"\", \"reply\": \"x\"}", true, "", "x", NULL, true, 0, 0},
	{"{\"id\": null, \"customer\": null, \"reply\": \"x\", \"at_fault\": null,"
	    " \"facts\": null, \"history\": null}", false, "7", "x", NULL, true, 0, 0},
	{"  {\"reply\": \"\\u00e9t\\u00e9 \\ud83d\\ude00 \u00e7a\"}  ", false, "7",
	    "\u00e9t\u00e9 \U0001F600 \u00e7a", NULL, true, 0, 0},
	{"\xef\xbb\xbf{\"reply\": \"bom\"}", false, "7", "bom", NULL, true, 0, 0},
	{"{\"reply\": \"a\\u0000b\"}", false, "7", "a", NULL, true, 0, 0},
	{"{\"reply\": \"x\", \"facts\": [], \"history\": []}", false, "7", "x", NULL,
	    true, 0, 0},
	{"{\"reply\": \"x\", \"reply\": \"y\"}", false, "7", "x", NULL, true, 0, 0},
};

START_TEST(test_good)
{
	const struct good_case *gc = &good[_i];
	struct gradeline gl;
	struct diags d = {0};
	enum gradeline_status st = gradeline_parse(&gl, "in.jsonl", 7, gc->text,
	    strlen(gc->text), &d);
	ck_assert_msg(st == GRADELINE_OK, "status %d: %s", st,
	    d.n ? d.v[0].msg : "");
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(gl.line, 7);
	ck_assert_int_eq(gl.id_is_string, gc->id_is_string);
	ck_assert_str_eq(gl.id, gc->id);
	ck_assert_str_eq(gl.reply, gc->reply);
	ck_assert_uint_eq(gl.reply_len, strlen(gc->reply));
	if (gc->customer)
		ck_assert_str_eq(gl.customer, gc->customer);
	else
		ck_assert_ptr_null(gl.customer);
	ck_assert_int_eq(gl.at_fault, gc->at_fault);
	ck_assert_uint_eq(gl.nfacts, gc->nfacts);
	ck_assert_uint_eq(gl.nhistory, gc->nhistory);

	struct score_ctx ctx;
	gradeline_ctx(&gl, &ctx);
	ck_assert_ptr_eq(ctx.customer, gl.customer);
	ck_assert_int_eq(ctx.at_fault, gc->at_fault);
	ck_assert_uint_eq(ctx.nfacts, gc->nfacts);
	ck_assert_uint_eq(ctx.nhistory, gc->nhistory);
	for (size_t i = 0; i < ctx.nfacts; i++) {
		ck_assert_ptr_nonnull(ctx.facts[i].text);
		ck_assert_uint_eq(ctx.facts[i].nparaphrases, 0);
	}

	cJSON *id = gradeline_id_json(&gl);
	char *s = cJSON_PrintUnformatted(id);
	if (gc->id_is_string)
		ck_assert_str_eq(id->valuestring, gc->id);
	else
		ck_assert_str_eq(s, gc->id);
	free(s);
	cJSON_Delete(id);
	gradeline_free(&gl);
	diags_free(&d);
}
END_TEST

START_TEST(test_good_fields)
{
	struct gradeline gl;
	struct diags d = {0};
	const char *t = good[1].text;
	ck_assert_int_eq(gradeline_parse(&gl, "-", 1, t, strlen(t), &d),
	    GRADELINE_OK);
	ck_assert_str_eq(gl.facts[0].text, "late");
	ck_assert_str_eq(gl.facts[1].text, "lost");
	ck_assert_str_eq(gl.history[0], "Hello");
	gradeline_free(&gl);
}
END_TEST

static const char *const blank[] = {"", "\n", "   ", " \t \r\n", "\r\n", "\f\v"};

START_TEST(test_blank)
{
	struct gradeline gl;
	struct diags d = {0};
	ck_assert_int_eq(gradeline_parse(&gl, "-", 3, blank[_i],
	    strlen(blank[_i]), &d), GRADELINE_BLANK);
	ck_assert_uint_eq(d.n, 0);
	gradeline_free(&gl);
}
END_TEST

struct bad_case {
	const char *text;
	size_t len;        /* 0: strlen(text) */
	const char *id;    /* the id reported with the error */
	int col;           /* of the first problem (0: none) */
	const char *error; /* gradeline_error_text(), exactly */
};

static const struct bad_case bad[] = {
	{"not json", 0, "9", 1, "not valid JSON: unexpected character 'n'"},
	{"{\"reply\": \"x\",}", 0, "9", 15,
	    "not valid JSON: a comma before '}' (remove the comma at "
	    "column 14)"},
	{"{\"reply\": \"x\"", 0, "9", 14, "not valid JSON: unexpected end of file"},
	{"{\"reply\": \"x\"} {}", 0, "9", 16,
	    "not valid JSON: unexpected character '{'"},
	{"{\"reply\": \"\\ud800\"}", 0, "9", 12,
	    "not valid JSON: unexpected character '\\'"},
	{"[1, 2]", 0, "9", 1, "not an object: a line must be a JSON object such "
	    "as {\"reply\": \"...\"}"},
	{"\"Sorry about that\"", 0, "9", 1, "not an object: a line must be a "
	    "JSON object such as {\"reply\": \"...\"}"},
	{"{}", 0, "9", 1, "missing required key \"reply\" (the text to grade)"},
	{"{\"id\": \"a7\", \"reply\": null}", 0, "a7", 1,
	    "missing required key \"reply\" (the text to grade)"},
	{"{\"id\": \"a7\", \"reply\": 5}", 0, "a7", 14,
	    "reply: must be a string, not a number"},
	{"{\"reply\": \"\"}", 0, "9", 2, "reply: must not be empty"},
	{"{\"reply\": \"x\", \"at_fault\": \"yes\"}", 0, "9", 16,
	    "at_fault: must be true or false, not a string"},
	{"{\"reply\": \"x\", \"facts\": \"late\"}", 0, "9", 16,
	    "facts: must be a list, not a string"},
	{"{\"reply\": \"x\", \"facts\": [\"a\", 2]}", 0, "9", 31,
	    "facts[1]: must be a string, not a number"},
	{"{\"reply\": \"x\", \"history\": [\"\"]}", 0, "9", 28,
	    "history[0]: must not be empty"},
	{"{\"reply\": \"x\", \"customer\": [\"a\"]}", 0, "9", 16,
	    "customer: must be a string, not a list"},
	{"{\"reply\": \"x\", \"id\": true}", 0, "9", 16,
	    "id: must be a string or a number, not true/false"},
	{"{\"reply\": \"x\", \"id\": {}}", 0, "9", 16,
	    "id: must be a string or a number, not an object"},
	{"{\"reply\": \"x\", \"id\": 1e999}", 0, "9", 16,
	    "id: number is out of range"},
	{"{\"id\": 5, \"reply\": 1, \"at_fault\": 0, \"facts\": [null]}", 0, "5", 11,
	    "reply: must be a string, not a number; "
	    "at_fault: must be true or false, not a number; "
	    "facts[0]: must be a string, not null"},
	{"{\"reply\": \"caf\xc3\xa9 \xff\"}", 0, "9", 17,
	    "invalid UTF-8 (byte 0xff); the input must be UTF-8"},
	{"{\"reply\": \"\xed\xa0\x80\"}", 0, "9", 12,
	    "invalid UTF-8 (byte 0xed); the input must be UTF-8"},
	{"{\"reply\": \"a\0b\"}", 17, "9", 13, "NUL byte in the line"},
	{"\0", 1, "9", 1, "NUL byte in the line"},
	{"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
	    0, "9", 65, "nested too deeply (more than 64 levels)"},
};

START_TEST(test_bad)
{
	const struct bad_case *bc = &bad[_i];
	size_t len = bc->len ? bc->len : strlen(bc->text);
	struct gradeline gl;
	struct diags d = {0};
	ck_assert_int_eq(gradeline_parse(&gl, "in.jsonl", 9, bc->text, len, &d),
	    GRADELINE_BAD);
	ck_assert_uint_ge(d.nerrors, 1);
	char *msg = gradeline_error_text(&d, 0);
	ck_assert_str_eq(msg, bc->error);
	free(msg);
	ck_assert_str_eq(d.v[0].file, "in.jsonl");
	for (size_t i = 0; i < d.n; i++)
		ck_assert_int_eq(d.v[i].line, 9);
	ck_assert_int_eq(d.v[0].col, bc->col);
	ck_assert_str_eq(gl.id, bc->id);
	ck_assert_ptr_null(gl.reply);
	gradeline_free(&gl);
	diags_free(&d);
}
END_TEST

START_TEST(test_too_long)
{
	size_t n = GRADELINE_MAX_BYTES + 1;
	char *t = malloc(n + 1);
	memset(t, 'a', n);
	memcpy(t, "{\"reply\": \"", 11);
	memcpy(t + n - 2, "\"}", 2);
	t[n] = '\n';
	struct gradeline gl;
	struct diags d = {0};
	ck_assert_int_eq(gradeline_parse(&gl, "-", 2, t, n + 1, &d),
	    GRADELINE_BAD);
	ck_assert_str_eq(d.v[0].msg,
	    "line is too long (1048577 bytes; the limit is 1048576)");
	ck_assert_int_eq(d.v[0].line, 2);
	ck_assert_int_eq(d.v[0].col, 0);
	gradeline_free(&gl);
	diags_free(&d);
	/* One byte less is fine, newline or not. */
	ck_assert_int_eq(gradeline_parse(&gl, "-", 2, t + 1, n, &d),
	    GRADELINE_BAD); /* (t + 1 is not JSON: only the length passes) */
	ck_assert_ptr_nonnull(strstr(d.v[0].msg, "not valid JSON"));
	gradeline_free(&gl);
	diags_free(&d);
	t[1] = '{';
	memcpy(t + 2, "\"reply\": \"", 10);
	ck_assert_int_eq(gradeline_parse(&gl, "-", 2, t + 1, n, &d),
	    GRADELINE_OK);
	ck_assert_uint_eq(gl.reply_len, n - 14);
	gradeline_free(&gl);
	free(t);
}
END_TEST

START_TEST(test_error_text_paths)
{
	struct diags d = {0};
	diags_add(&d, DIAG_ERROR, "f", 1, 1, NULL, "first");
	diags_add(&d, DIAG_ERROR, "f", 1, 1, "a.b", "second");
	diags_add(&d, DIAG_ERROR, "f", 1, 1, NULL, "third");
	char *s = gradeline_error_text(&d, 1);
	ck_assert_str_eq(s, "a.b: second; third");
	free(s);
	s = gradeline_error_text(&d, 3);
	ck_assert_str_eq(s, "");
	free(s);
	diags_free(&d);
}
END_TEST

static Suite *
gradeline_suite(void)
{
	Suite *s = suite_create("gradeline");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_good, 0, sizeof good / sizeof *good);
	tcase_add_test(tc, test_good_fields);
	tcase_add_loop_test(tc, test_blank, 0, sizeof blank / sizeof *blank);
	tcase_add_loop_test(tc, test_bad, 0, sizeof bad / sizeof *bad);
	tcase_add_test(tc, test_too_long);
	tcase_add_test(tc, test_error_text_paths);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(gradeline_suite());
}
