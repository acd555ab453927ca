/* wrap.h: word-wrapping UTF-8 text to a column width — no curses.
 *
 * Lines are byte ranges of the caller's text, so anything located by byte
 * offset in the text (evidence spans of a grading) can be found again in
 * the wrapped lines.  Widths are display columns as the interface draws
 * them: wide characters take two, combining marks none, and control
 * characters one (they are drawn as a placeholder, see wrap_glyph). */
#ifndef IRATE_WRAP_H
#define IRATE_WRAP_H

#include <stddef.h>
#include <stdint.h>

struct wrap_line {
	size_t start, end; /* text[start..end), without the spaces at the break */
	size_t width;      /* columns taken */
};

/* Zero-initialise (struct wrap w = {0}); owns its array of lines. */
struct wrap {
	struct wrap_line *v;
	size_t n, cap;
};

/* Append the lines of text[0..len) wrapped to cols columns (at least 1)
 * to w.  Breaks at spaces; a word longer than a line is broken between
 * characters (never between a character and its combining marks); '\n'
 * ends a line.  Empty text gives one empty line. */
void wrap_text(struct wrap *w, const char *text, size_t len, size_t cols);
void wrap_free(struct wrap *w);

/* What to draw for code point cp so text is inert on a terminal: control
 * characters (C0, DEL, C1) and bidirectional overrides become U+FFFD, a tab
 * a space, anything else itself. */
uint32_t wrap_glyph(uint32_t cp);
/* Columns the character at s (n bytes) takes when drawn; *len gets its
 * length in bytes (an invalid byte counts as one placeholder column). */
int wrap_cp_width(const char *s, size_t n, size_t *len);

#endif
