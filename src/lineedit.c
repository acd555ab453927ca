/* lineedit.c: a one-line UTF-8 text editor model (see lineedit.h). */
#include "lineedit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

/* Does the code point at s[i] attach to the character before it? */
static bool
is_mark_at(const char *s, size_t len, size_t i)
{
	uint32_t cp;
	if (i >= len || utf8_decode(s + i, len - i, &cp) == 0)
		return false;
	return utf8_cp_width(cp) == 0;
}

static size_t
cp_next(const char *s, size_t len, size_t i)
{
	uint32_t cp;
	size_t l = utf8_decode(s + i, len - i, &cp);
	return i + (l ? l : 1);
}

static size_t
cp_prev(const char *s, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80);
	return i;
}

/* The boundary after the character starting at i. */
static size_t
char_next(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return len;
	i = cp_next(s, len, i);
	while (i < len && is_mark_at(s, len, i))
		i = cp_next(s, len, i);
	return i;
}

/* The boundary before the character ending at i. */
static size_t
char_prev(const char *s, size_t len, size_t i)
{
	if (i == 0)
		return 0;
	i = cp_prev(s, i);
	while (i > 0 && is_mark_at(s, len, i))
		i = cp_prev(s, i);
	return i;
}

static bool
is_space_at(const char *s, size_t i)
{
	return s[i] == ' ';
}

void
lineedit_init(struct lineedit *e, size_t max)
{
	memset(e, 0, sizeof *e);
	e->cap = 64;
	e->s = xmalloc(e->cap);
	e->s[0] = '\0';
	e->max = max;
}

void
lineedit_free(struct lineedit *e)
{
	for (size_t i = 0; i < e->nhist; i++)
		free(e->hist[i]);
	free(e->hist);
	free(e->saved);
	free(e->s);
	memset(e, 0, sizeof *e);
}

const char *
lineedit_text(const struct lineedit *e)
{
	return e->s;
}

/* Remove s[from..to) and put the cursor at from. */
static void
cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->s + from, e->s + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
}

/* Append the filtered form of s[0..n) to out. */
static void
filter_into(const char *s, size_t n, char **out, size_t *olen, size_t *ocap)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		if (l == 0) {
			cp = 0xfffd;
			l = 1;
		}
		if (cp == '\r' && i + 1 < n && s[i + 1] == '\n') {
			i++;
			continue;
		}
		i += l;
		if (cp == '\t' || cp == '\n' || cp == '\r')
			cp = ' ';
		else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
			continue;
		*out = xgrow(*out, ocap, *olen + 5, 1);
		*olen += utf8_encode(cp, *out + *olen);
	}
}

size_t
lineedit_insert(struct lineedit *e, const char *s, size_t n)
{
	char *f = NULL;
	size_t flen = 0, fcap = 0;
	filter_into(s, n, &f, &flen, &fcap);
	if (e->max && e->len + flen > e->max) {
		size_t room = e->max > e->len ? e->max - e->len : 0, k = 0;
		while (k < flen) {
			size_t nx = cp_next(f, flen, k);
			if (nx > room)
				break;
			k = nx;
		}
		flen = k;
	}
	if (flen) {
		e->s = xgrow(e->s, &e->cap, e->len + flen + 1, 1);
		memmove(e->s + e->cur + flen, e->s + e->cur, e->len - e->cur + 1);
		memcpy(e->s + e->cur, f, flen);
		e->len += flen;
		e->cur += flen;
		while (e->cur < e->len && is_mark_at(e->s, e->len, e->cur))
			e->cur = cp_next(e->s, e->len, e->cur);
	}
	free(f);
	return flen;
}

bool
lineedit_insert_cp(struct lineedit *e, unsigned long cp)
{
	char b[4];
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	size_t l = utf8_encode((uint32_t)cp, b);
	return lineedit_insert(e, b, l) > 0;
}

void
lineedit_set(struct lineedit *e, const char *s)
{
	e->len = e->cur = e->scroll = 0;
	e->s[0] = '\0';
	lineedit_insert(e, s, strlen(s));
}

bool
lineedit_left(struct lineedit *e)
{
	if (e->cur == 0)
		return false;
	e->cur = char_prev(e->s, e->len, e->cur);
	return true;
}

bool
lineedit_right(struct lineedit *e)
{
	if (e->cur >= e->len)
		return false;
	e->cur = char_next(e->s, e->len, e->cur);
	return true;
}

bool
lineedit_home(struct lineedit *e)
{
	bool moved = e->cur != 0;
	e->cur = 0;
	return moved;
}

bool
lineedit_end(struct lineedit *e)
{
	bool moved = e->cur != e->len;
	e->cur = e->len;
	return moved;
}

bool
lineedit_backspace(struct lineedit *e)
{
	if (e->cur == 0)
		return false;
	cut(e, char_prev(e->s, e->len, e->cur), e->cur);
	return true;
}

bool
lineedit_delete(struct lineedit *e)
{
	if (e->cur >= e->len)
		return false;
	size_t at = e->cur;
	cut(e, at, char_next(e->s, e->len, at));
	return true;
}

bool
lineedit_delete_word(struct lineedit *e)
{
	size_t p = e->cur;
	while (p > 0 && is_space_at(e->s, char_prev(e->s, e->len, p)))
		p = char_prev(e->s, e->len, p);
	while (p > 0 && !is_space_at(e->s, char_prev(e->s, e->len, p)))
		p = char_prev(e->s, e->len, p);
	if (p == e->cur)
		return false;
	cut(e, p, e->cur);
	return true;
}

bool
lineedit_delete_to_start(struct lineedit *e)
{
	if (e->cur == 0)
		return false;
	cut(e, 0, e->cur);
	return true;
}

void
lineedit_history_add(struct lineedit *e, const char *line)
{
	if (*line && (e->nhist == 0 || strcmp(e->hist[e->nhist - 1], line) != 0)) {
		e->hist = xgrow(e->hist, &e->hcap, e->nhist + 1, sizeof *e->hist);
		e->hist[e->nhist++] = xstrdup(line);
	}
	free(e->saved);
	e->saved = NULL;
	e->hpos = e->nhist;
	lineedit_set(e, "");
}

bool
lineedit_history_prev(struct lineedit *e)
{
	if (e->hpos == 0 || e->nhist == 0)
		return false;
	if (e->hpos >= e->nhist) {
		free(e->saved);
		e->saved = xstrdup(e->s);
		e->hpos = e->nhist;
	}
	e->hpos--;
	lineedit_set(e, e->hist[e->hpos]);
	return true;
}

bool
lineedit_history_next(struct lineedit *e)
{
	if (e->hpos >= e->nhist)
		return false;
	e->hpos++;
	if (e->hpos == e->nhist) {
		char *back = e->saved;
		e->saved = NULL;
		lineedit_set(e, back ? back : "");
		free(back);
	} else {
		lineedit_set(e, e->hist[e->hpos]);
	}
	return true;
}

bool
lineedit_view(struct lineedit *e, size_t width, size_t *start, size_t *n,
    size_t *cursor_col)
{
	if (width == 0)
		width = 1;
	size_t avail = width - 1;
	if (e->scroll > e->cur || e->scroll > e->len)
		e->scroll = e->cur;
	while (e->scroll < e->cur &&
	    utf8_width(e->s + e->scroll, e->cur - e->scroll) > avail)
		e->scroll = char_next(e->s, e->len, e->scroll);
	while (e->scroll > 0) {
		size_t p = char_prev(e->s, e->len, e->scroll);
		if (utf8_width(e->s + p, e->len - p) + 1 > width)
			break;
		e->scroll = p;
	}
	*start = e->scroll;
	/* utf8_fit takes the marks after the last character with it */
	*n = utf8_fit(e->s + e->scroll, e->len - e->scroll, width, NULL);
	*cursor_col = utf8_width(e->s + e->scroll, e->cur - e->scroll);
	return e->scroll > 0;
}
