/* test_termtext.c: text from files is made inert before it is printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "termtext.h"

#define FFFD "\xef\xbf\xbd"

static void
expect(const char *in, size_t n, const char *want)
{
	char *got = termtext_dup(in, n);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_plain_text_unchanged)
{
	expect("", 0, "");
	expect("Hello, world", 12, "Hello, world");
	const char *s = "Atvainojiet, lūdzu — ბოდიში 😀\n\tnext";
	expect(s, strlen(s), s);
}
END_TEST

START_TEST(test_escape_sequences_inert)
{
	/* clear screen, set the window title, ring the bell */
	const char *s = "Evil\x1b[2J\x1b]0;pwned\x07 title";
	expect(s, strlen(s), "Evil" FFFD "[2J" FFFD "]0;pwned" FFFD " title");
	/* C1 CSI (U+009B) and DEL */
	expect("a\xc2\x9b" "31mb\x7f", 8, "a" FFFD "31mb" FFFD);
	/* carriage return would overwrite the line */
	expect("ok\rEVIL", 7, "ok" FFFD "EVIL");
}
END_TEST

START_TEST(test_bidi_and_invalid_bytes)
{
	/* U+202E right-to-left override, U+2066 isolate */
	expect("a\xe2\x80\xae" "b\xe2\x81\xa6" "c", 9, "a" FFFD "b" FFFD "c");
	/* a lone continuation byte, a truncated sequence at the end */
	expect("x\x80y\xe2\x80", 5, "x" FFFD "y" FFFD FFFD);
	/* an embedded NUL is counted by n, not taken as the end */
	expect("a\0b", 3, "a" FFFD "b");
}
END_TEST

START_TEST(test_printf_formats_then_cleans)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	ck_assert_ptr_nonnull(f);
	termtext_printf(f, "%s: %d%%\n", "t\x1b[31m", 5);
	termtext_puts("\x1b]52;c;AAAA\x07", f);
	fclose(f);
	ck_assert_str_eq(out, "t" FFFD "[31m: 5%\n" FFFD "]52;c;AAAA" FFFD);
	free(out);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("termtext");
	TCase *tc = tcase_create("inert");
	tcase_add_test(tc, test_plain_text_unchanged);
	tcase_add_test(tc, test_escape_sequences_inert);
	tcase_add_test(tc, test_bidi_and_invalid_bytes);
	tcase_add_test(tc, test_printf_formats_then_cleans);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
