/* wrap.c: word-wrapping UTF-8 text to a column width (see wrap.h). */
#include "wrap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

uint32_t
wrap_glyph(uint32_t cp)
{
	if (cp == '\t')
		return ' ';
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 0xfffd;
	return cp;
}

int
wrap_cp_width(const char *s, size_t n, size_t *len)
{
	uint32_t cp;
	size_t l = utf8_decode(s, n, &cp);
	if (l == 0) {
		*len = 1;
		return 1;
	}
	*len = l;
	return utf8_cp_width(wrap_glyph(cp));
}

/* Columns of t[from..to) as drawn. */
static size_t
span_width(const char *t, size_t from, size_t to)
{
	size_t w = 0, l;
	for (size_t i = from; i < to; i += l)
		w += (size_t)wrap_cp_width(t + i, to - i, &l);
	return w;
}

static void
push(struct wrap *w, size_t start, size_t end, size_t width)
{
	w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n++] = (struct wrap_line){start, end, width};
}

/* One paragraph (no '\n') text[from..to). */
static void
wrap_para(struct wrap *w, const char *t, size_t from, size_t to, size_t cols)
{
	size_t start = from, i = from, width = 0;
	size_t brk = 0, brk_width = 0; /* end of the last word on this line */
	bool have_brk = false;
	size_t n0 = w->n;
	if (from == to) {
		push(w, from, to, 0);
		return;
	}
	while (i < to) {
		if (t[i] == ' ') {
			if (i > start && t[i - 1] != ' ') {
				brk = i;
				brk_width = width;
				have_brk = true;
			}
			if (width + 1 > cols) {
				/* spaces at a break are dropped */
				push(w, start, have_brk ? brk : i, have_brk ? brk_width : width);
				while (i < to && t[i] == ' ')
					i++;
				start = i;
				width = 0;
				have_brk = false;
				continue;
			}
			width++;
			i++;
			continue;
		}
		/* one character: a code point and the marks after it */
		size_t l, ml;
		size_t cw = (size_t)wrap_cp_width(t + i, to - i, &l);
		size_t end = i + l;
		while (end < to && t[end] != ' ' &&
		    wrap_cp_width(t + end, to - end, &ml) == 0)
			end += ml;
		if (width + cw > cols && width > 0) {
			if (have_brk) {
				push(w, start, brk, brk_width);
				size_t j = brk;
				while (j < to && t[j] == ' ')
					j++;
				start = j;
				width = span_width(t, j, i);
				have_brk = false;
				/* the rest of the word may itself be too long */
				if (width + cw > cols && width > 0) {
					push(w, start, i, width);
					start = i;
					width = 0;
				}
			} else {
				push(w, start, i, width);
				start = i;
				width = 0;
			}
		}
		width += cw;
		i = end;
	}
	/* trailing spaces are not part of the line */
	size_t e = to;
	while (e > start && t[e - 1] == ' ') {
		e--;
		width--;
	}
	if (e > start || w->n == n0)
		push(w, start, e, width);
}

void
wrap_text(struct wrap *w, const char *text, size_t len, size_t cols)
{
	if (cols == 0)
		cols = 1;
	size_t from = 0;
	for (;;) {
		const char *nl = memchr(text + from, '\n', len - from);
		size_t to = nl ? (size_t)(nl - text) : len;
		wrap_para(w, text, from, to, cols);
		if (!nl)
			break;
		from = to + 1;
	}
}

void
wrap_free(struct wrap *w)
{
	free(w->v);
	memset(w, 0, sizeof *w);
}
