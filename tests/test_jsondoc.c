/* test_jsondoc.c: loading JSON with limits, located errors, positions. */
#include <stdlib.h>
#include <string.h>

#include "jsondoc.h"
#include "lib.h"

static const char *
first_msg(const struct diags *d)
{
	return d->n ? d->v[0].msg : "";
}

START_TEST(test_positions)
{
	const char *t = "{\n  \"a\": 1,\n  \"b\": [true, \"x\"],\n  \"ü\": {\"c\": null}\n}";
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "t.json", t, strlen(t), &d), 0);
	const cJSON *b = cJSON_GetObjectItem(doc.root, "b");
	int line, col;
	jsondoc_pos(&doc, b, true, &line, &col);
	ck_assert_int_eq(line, 3);
	ck_assert_int_eq(col, 3);
	jsondoc_pos(&doc, b, false, &line, &col);
	ck_assert_int_eq(col, 8);
	jsondoc_pos(&doc, cJSON_GetArrayItem(b, 1), false, &line, &col);
	ck_assert_int_eq(col, 15);
	const cJSON *c = cJSON_GetObjectItem(cJSON_GetObjectItem(doc.root, "ü"), "c");
	jsondoc_pos(&doc, c, true, &line, &col);
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 9); /* ü counts as one column */
	jsondoc_free(&doc);
	diags_free(&d);
}
END_TEST

struct bad_case {
	const char *text;
	size_t len; /* 0: strlen(text) */
	int line, col;
	const char *msg;
};

static const struct bad_case bad[] = {
	{"", 0, 1, 1, "empty"},
	{"{\"a\": 1,\n \"b\": }", 0, 2, 7, "not valid JSON"},
	{"{\"a\": \"\xff\"}", 0, 1, 8, "invalid UTF-8"},
	{"[1, 2", 0, 1, 6, "end of file"},
	{"[1, 2\n  \n", 0, 3, 1, "end of file"},
	{"{\"a\": tru}", 0, 1, 7, "not valid JSON"},
	{"{} x", 0, 1, 4, "not valid JSON"},
	{"{\"a\":\0}", 7, 1, 6, "NUL byte"},
	{"[1,\n 2,\n]\n", 0, 3, 1, "a comma before ']' (remove the comma at line 2, column 3)"},
};

START_TEST(test_bad_input)
{
	const struct bad_case *bc = &bad[_i];
	size_t len = bc->len ? bc->len : strlen(bc->text);
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "bad.json", bc->text, len, &d), -1);
	ck_assert_uint_eq(d.nerrors, 1);
	ck_assert_msg(strstr(first_msg(&d), bc->msg), "message: %s", first_msg(&d));
	ck_assert_int_eq(d.v[0].line, bc->line);
	ck_assert_int_eq(d.v[0].col, bc->col);
	jsondoc_free(&doc);
	diags_free(&d);
}
END_TEST

START_TEST(test_depth_limit)
{
	char buf[200];
	memset(buf, '[', 100);
	memset(buf + 100, ']', 100);
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "deep.json", buf, sizeof buf, &d), -1);
	ck_assert_ptr_nonnull(strstr(first_msg(&d), "nested too deeply"));
	jsondoc_free(&doc);
	diags_free(&d);
	/* Brackets inside strings do not count. */
	const char *s = "[\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"]";
	ck_assert_int_eq(jsondoc_parse(&doc, "s.json", s, strlen(s), &d), 0);
	jsondoc_free(&doc);
	diags_free(&d);
}
END_TEST

START_TEST(test_size_limit)
{
	size_t n = JSONDOC_MAX_BYTES + 10;
	char *big = malloc(n);
	memset(big, ' ', n);
	big[0] = '1';
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "big.json", big, n, &d), -1);
	ck_assert_ptr_nonnull(strstr(first_msg(&d), "too large"));
	jsondoc_free(&doc);
	diags_free(&d);
	free(big);
}
END_TEST

START_TEST(test_check_keys)
{
	const char *t = "{\"title\": \"x\", \"tittle\": 1, \"zzz\": 2, \"title\": \"y\"}";
	static const char *const allowed[] = {"title", "summary", NULL};
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "k.json", t, strlen(t), &d), 0);
	ck_assert_int_eq(jd_check_keys(&doc, &d, doc.root, "", allowed), 3);
	ck_assert_str_eq(d.v[0].msg, "unknown key \"tittle\"; did you mean \"title\"?");
	ck_assert_str_eq(d.v[0].path, "tittle");
	ck_assert_str_eq(d.v[1].msg, "unknown key \"zzz\"");
	ck_assert_ptr_nonnull(strstr(d.v[2].msg, "duplicate key \"title\""));
	ck_assert_int_eq(d.v[2].col, 39);
	jsondoc_free(&doc);
	diags_free(&d);
}
END_TEST

START_TEST(test_typed_readers)
{
	const char *t = "{\"s\": 3, \"n\": 101, \"f\": 1.5, \"b\": \"yes\", \"a\": [\"x\", 2]}";
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_parse(&doc, "r.json", t, strlen(t), &d), 0);
	const char *s;
	long n;
	bool b;
	const cJSON *a;
	ck_assert(!jd_string(&doc, &d, doc.root, "", "s", true, &s));
	ck_assert_str_eq(d.v[0].msg, "must be a string, not a number");
	ck_assert(!jd_int(&doc, &d, doc.root, "", "n", true, 0, 100, &n));
	ck_assert_ptr_nonnull(strstr(d.v[1].msg, "between 0 and 100"));
	ck_assert(!jd_int(&doc, &d, doc.root, "", "f", true, 0, 100, &n));
	ck_assert(!jd_bool(&doc, &d, doc.root, "", "b", true, &b));
	ck_assert(!jd_string_array(&doc, &d, doc.root, "", "a", true, true, &a));
	ck_assert_str_eq(d.v[4].path, "a[1]");
	ck_assert(!jd_string(&doc, &d, doc.root, "x", "missing", true, &s));
	ck_assert_str_eq(d.v[5].path, "x.missing");
	ck_assert(!jd_string(&doc, &d, doc.root, "", "missing", false, &s));
	ck_assert_uint_eq(d.n, 6);
	jsondoc_free(&doc);
	diags_free(&d);
}
END_TEST

START_TEST(test_load_missing_file)
{
	struct jsondoc doc;
	struct diags d = {0};
	ck_assert_int_eq(jsondoc_load(&doc, "/nonexistent/x.json", &d), -1);
	ck_assert_ptr_nonnull(strstr(first_msg(&d), "cannot open"));
	jsondoc_free(&doc);
	diags_free(&d);
}
END_TEST

START_TEST(test_suggest)
{
	static const char *const c[] = {"customer", "nodes", "start", NULL};
	ck_assert_str_eq(jd_suggest("custmer", c), "customer");
	ck_assert_str_eq(jd_suggest("node", c), "nodes");
	ck_assert_ptr_null(jd_suggest("banana", c));
	ck_assert_int_eq(jd_distance("kitten", "sitting"), 3);
}
END_TEST

static Suite *
jsondoc_suite(void)
{
	Suite *s = suite_create("jsondoc");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_positions);
	tcase_add_loop_test(tc, test_bad_input, 0, sizeof bad / sizeof *bad);
	tcase_add_test(tc, test_depth_limit);
	tcase_add_test(tc, test_size_limit);
	tcase_add_test(tc, test_check_keys);
	tcase_add_test(tc, test_typed_readers);
	tcase_add_test(tc, test_load_missing_file);
	tcase_add_test(tc, test_suggest);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(jsondoc_suite());
}
