/* test_wrap.c: word-wrapping UTF-8 text to a width. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lib.h"
#include "wrap.h"

struct wrap_case {
	const char *text;
	size_t cols;
	const char *lines; /* the wrapped lines joined with '|' */
};

static const struct wrap_case cases[] = {
	{"", 10, ""},
	{"hello", 10, "hello"},
	{"hello world", 11, "hello world"},
	{"hello world", 10, "hello|world"},
	{"hello world", 5, "hello|world"},
	{"the quick brown fox", 10, "the quick|brown fox"},
	{"a  b", 2, "a|b"},
	{"a  b", 3, "a|b"},
	{"a  b", 4, "a  b"},
	{"trailing   ", 8, "trailing"},
	{"  indented text", 10, "  indented|text"},
	{"abcdefghij", 4, "abcd|efgh|ij"},
	{"ab abcdefghij", 4, "ab|abcd|efgh|ij"},
	{"one\ntwo three", 5, "one|two|three"},
	{"one\n\ntwo", 5, "one||two"},
	{"end\n", 5, "end|"},
	{"   ", 5, ""},
	/* width-aware: Latvian, Georgian, wide CJK, combining marks */
	{"Atvainojiet, lūdzu", 12, "Atvainojiet,|lūdzu"},
	{"ბოდიში ბოდიში", 6, "ბოდიში|ბოდიში"},
	{"日本語テキスト", 5, "日本|語テ|キス|ト"},
	{"日本", 1, "日|本"},
	{"e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, "e\xcc\x81" "e\xcc\x81|e\xcc\x81"},
	/* control characters count one column (drawn as a placeholder) */
	{"a\x1b" "bc", 2, "a\x1b|bc"},
	{"x\xff" "y", 2, "x\xff|y"},
	{"word", 0, "w|o|r|d"},
};

START_TEST(test_wrap)
{
	const struct wrap_case *c = &cases[_i];
	struct wrap w = {0};
	wrap_text(&w, c->text, strlen(c->text), c->cols);
	struct buf b = {0};
	for (size_t i = 0; i < w.n; i++) {
		if (i)
			buf_putc(&b, '|');
		buf_add(&b, c->text + w.v[i].start, w.v[i].end - w.v[i].start);
		ck_assert_uint_le(w.v[i].start, w.v[i].end);
		ck_assert_msg(c->cols < 2 || w.v[i].width <= c->cols,
		    "line %zu is %zu wide", i, w.v[i].width);
	}
	char *got = buf_take(&b);
	ck_assert_str_eq(got, c->lines);
	free(got);
	wrap_free(&w);
}
END_TEST

/* Byte offsets survive wrapping: a span can be found on its lines. */
START_TEST(test_offsets)
{
	const char *t = "I'm so sorry your order hasn't arrived, Dana.";
	struct wrap w = {0};
	wrap_text(&w, t, strlen(t), 12);
	size_t span = (size_t)(strstr(t, "sorry") - t);
	size_t line = SIZE_MAX;
	for (size_t i = 0; i < w.n; i++)
		if (span >= w.v[i].start && span < w.v[i].end)
			line = i;
	ck_assert_uint_eq(line, 0);
	ck_assert_int_eq(strncmp(t + w.v[1].start, "your order", 10), 0);
	ck_assert_uint_eq(w.v[1].width, 10);
	/* appending a second text keeps adding lines */
	wrap_text(&w, "x", 1, 12);
	ck_assert_uint_eq(w.n, 6); /* 5 lines, then x */
	wrap_free(&w);
}
END_TEST

struct glyph_case {
	uint32_t cp, want;
};

static const struct glyph_case glyphs[] = {
	{'a', 'a'}, {'\t', ' '}, {0x1b, 0xfffd}, {0x07, 0xfffd}, {0x7f, 0xfffd},
	{0x9b, 0xfffd}, {0x202e, 0xfffd}, {0x2067, 0xfffd}, {0x10d1, 0x10d1},
	{0x0301, 0x0301},
};

START_TEST(test_glyph)
{
	ck_assert_uint_eq(wrap_glyph(glyphs[_i].cp), glyphs[_i].want);
}
END_TEST

static Suite *
wrap_suite(void)
{
	Suite *s = suite_create("wrap");
	TCase *tc = tcase_create("wrap");
	tcase_add_loop_test(tc, test_wrap, 0, sizeof cases / sizeof *cases);
	tcase_add_test(tc, test_offsets);
	tcase_add_loop_test(tc, test_glyph, 0, sizeof glyphs / sizeof *glyphs);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(wrap_suite());
}
