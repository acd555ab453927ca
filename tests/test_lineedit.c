/* test_lineedit.c: the one-line UTF-8 editor model. */
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "lib.h"

/* Steps: "i:TEXT" insert, "L" left, "R" right, "H" home, "E" end,
 * "B" backspace, "D" delete, "W" delete word, "U" delete to start,
 * "a:TEXT" history add, "P" history previous, "N" history next. */
struct edit_case {
	const char *steps[12];
	const char *text;   /* expected text */
	size_t cur;         /* expected cursor, bytes */
	size_t max;         /* limit (0: none) */
};

static const struct edit_case edits[] = {
	{{"i:hello"}, "hello", 5, 0},
	{{"i:hello", "L", "L", "i:X"}, "helXlo", 4, 0},
	{{"i:hello", "H", "i:>"}, ">hello", 1, 0},
	{{"i:hello", "H", "E", "i:!"}, "hello!", 6, 0},
	{{"i:hello", "B", "B"}, "hel", 3, 0},
	{{"i:hello", "H", "D", "D"}, "llo", 0, 0},
	{{"i:hello", "D"}, "hello", 5, 0},
	{{"B", "D", "L", "R"}, "", 0, 0},
	{{"i:one two  three", "W"}, "one two  ", 9, 0},
	{{"i:one two  three", "W", "W"}, "one ", 4, 0},
	{{"i:one two", "L", "L", "U"}, "wo", 0, 0},
	/* Latvian: ū is two bytes; moves and deletes go by character */
	{{"i:Atvainojiet, lūdzu", "L", "L", "L", "B"}, "Atvainojiet, ldzu", 14, 0},
	{{"i:lūdzu", "H", "R", "R", "i:X"}, "lūXdzu", 4, 0},
	/* Georgian (three bytes a letter) */
	{{"i:ბოდიში", "L", "B"}, "ბოდიი", 12, 0},
	{{"i:ბოდიში", "H", "D", "E"}, "ოდიში", 15, 0},
	/* a combining mark stays with its base: e + U+0301 */
	{{"i:cafe\xcc\x81!", "L", "L", "i:X"}, "cafXe\xcc\x81!", 4, 0},
	{{"i:cafe\xcc\x81", "B"}, "caf", 3, 0},
	{{"i:e", "i:\xcc\x81", "L", "i:X"}, "Xe\xcc\x81", 1, 0},
	/* wide characters */
	{{"i:日本語", "L", "B"}, "日語", 3, 0},
	/* pasted text: line breaks and tabs become spaces, controls go */
	{{"i:a\tb\r\nc\x1b[31md\x7f"}, "a b c[31md", 10, 0},
	{{"i:bad \xff byte"}, "bad \xef\xbf\xbd byte", 12, 0},
	{{"i:bidi\xe2\x80\xaeover"}, "bidiover", 8, 0},
	/* the byte limit cuts at a character boundary */
	{{"i:abcdef"}, "abcd", 4, 4},
	{{"i:aūū"}, "aū", 3, 4},
	/* history */
	{{"a:first", "a:second", "i:new", "P"}, "second", 6, 0},
	{{"a:first", "a:second", "i:new", "P", "P"}, "first", 5, 0},
	{{"a:first", "a:second", "i:new", "P", "P", "P"}, "first", 5, 0},
	{{"a:first", "a:second", "i:new", "P", "P", "N", "N"}, "new", 3, 0},
	{{"a:first", "a:second", "i:new", "P", "N", "N"}, "new", 3, 0},
	{{"a:same", "a:same", "a:", "P", "P"}, "same", 4, 0},
	{{"i:typed", "a:typed"}, "", 0, 0},
	{{"P", "N"}, "", 0, 0},
};

static void
run_steps(struct lineedit *e, const char *const *steps)
{
	for (size_t i = 0; i < 12 && steps[i]; i++) {
		const char *s = steps[i];
		switch (s[0]) {
		case 'i': lineedit_insert(e, s + 2, strlen(s + 2)); break;
		case 'L': lineedit_left(e); break;
		case 'R': lineedit_right(e); break;
		case 'H': lineedit_home(e); break;
		case 'E': lineedit_end(e); break;
		case 'B': lineedit_backspace(e); break;
		case 'D': lineedit_delete(e); break;
		case 'W': lineedit_delete_word(e); break;
		case 'U': lineedit_delete_to_start(e); break;
		case 'a': lineedit_history_add(e, s + 2); break;
		case 'P': lineedit_history_prev(e); break;
		case 'N': lineedit_history_next(e); break;
		default: ck_abort_msg("bad step %s", s);
		}
	}
}

START_TEST(test_edit)
{
	const struct edit_case *c = &edits[_i];
	struct lineedit e;
	lineedit_init(&e, c->max);
	run_steps(&e, c->steps);
	ck_assert_str_eq(lineedit_text(&e), c->text);
	ck_assert_uint_eq(e.cur, c->cur);
	ck_assert_uint_eq(strlen(e.s), e.len);
	lineedit_free(&e);
}
END_TEST

START_TEST(test_insert_cp)
{
	struct lineedit e;
	lineedit_init(&e, 0);
	ck_assert(lineedit_insert_cp(&e, 0x10da)); /* ლ */
	ck_assert(lineedit_insert_cp(&e, 'a'));
	ck_assert(!lineedit_insert_cp(&e, 0xd800));
	ck_assert(!lineedit_insert_cp(&e, 0x110000));
	ck_assert(!lineedit_insert_cp(&e, 0x07));
	ck_assert_str_eq(lineedit_text(&e), "\xe1\x83\x9a" "a");
	lineedit_set(&e, "reset");
	ck_assert_str_eq(lineedit_text(&e), "reset");
	ck_assert_uint_eq(e.cur, 5);
	lineedit_free(&e);
}
END_TEST

/* The window: text, steps after typing it, box width -> what is shown. */
struct view_case {
	const char *text;
	const char *steps[12];
	size_t width;
	const char *shown;    /* the bytes drawn */
	size_t col;           /* cursor column */
	int clipped;          /* text hidden on the left */
};

static const struct view_case views[] = {
	{"hello", {NULL}, 10, "hello", 5, 0},
	{"hello world", {NULL}, 6, "world", 5, 1},
	{"hello world", {"H"}, 6, "hello ", 0, 0},
	{"hello world", {"H", "R", "R"}, 6, "hello ", 2, 0},
	{"abcdefghij", {"B", "B", "B", "B", "B"}, 4, "cde", 3, 1},
	{"abcdefghij", {"B", "B", "B", "B", "B", "B"}, 6, "abcd", 4, 0},
	/* wide characters never split: 日本語 is 6 columns */
	{"日本語", {NULL}, 4, "語", 2, 1},
	{"日本語", {NULL}, 5, "本語", 4, 1},
	{"日本語", {"H"}, 5, "日本", 0, 0},
	/* combining marks stay with their base */
	{"xe\xcc\x81" "e\xcc\x81" "e\xcc\x81", {NULL}, 3, "e\xcc\x81" "e\xcc\x81", 2, 1},
	{"ბოდიში", {"H"}, 3, "ბოდ", 0, 0},
	{"", {NULL}, 1, "", 0, 0},
	{"ab", {NULL}, 0, "", 0, 1},
};

START_TEST(test_view)
{
	const struct view_case *c = &views[_i];
	struct lineedit e;
	lineedit_init(&e, 0);
	lineedit_insert(&e, c->text, strlen(c->text));
	run_steps(&e, c->steps);
	size_t start, n, col;
	bool clipped = lineedit_view(&e, c->width, &start, &n, &col);
	char *shown = strndup(e.s + start, n);
	ck_assert_str_eq(shown, c->shown);
	ck_assert_uint_eq(col, c->col);
	ck_assert_int_eq(clipped, c->clipped);
	free(shown);
	lineedit_free(&e);
}
END_TEST

/* After scrolling right, moving left keeps the window until the cursor
 * reaches its edge. */
START_TEST(test_view_stable)
{
	struct lineedit e;
	lineedit_init(&e, 0);
	lineedit_insert(&e, "0123456789", 10);
	size_t start, n, col;
	lineedit_view(&e, 5, &start, &n, &col);
	ck_assert_uint_eq(start, 6);
	lineedit_left(&e);
	lineedit_view(&e, 5, &start, &n, &col);
	ck_assert_uint_eq(start, 6);
	ck_assert_uint_eq(col, 3);
	for (int i = 0; i < 4; i++)
		lineedit_left(&e);
	lineedit_view(&e, 5, &start, &n, &col);
	ck_assert_uint_eq(start, 5);
	ck_assert_uint_eq(col, 0);
	lineedit_free(&e);
}
END_TEST

static Suite *
lineedit_suite(void)
{
	Suite *s = suite_create("lineedit");
	TCase *tc = tcase_create("edit");
	tcase_add_loop_test(tc, test_edit, 0, sizeof edits / sizeof *edits);
	tcase_add_test(tc, test_insert_cp);
	suite_add_tcase(s, tc);
	tc = tcase_create("view");
	tcase_add_loop_test(tc, test_view, 0, sizeof views / sizeof *views);
	tcase_add_test(tc, test_view_stable);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(lineedit_suite());
}
