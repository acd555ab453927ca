/* ui_draw.c: drawing helpers shared by the screens (see ui_draw.h). */
#include "ui_draw.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mood.h"
#include "ui_keys.h"
#include "utf8.h"
#include "wrap.h"
#include "xalloc.h"

static bool use_color;
static bool utf8_ok = true;

struct look {
	short fg, bg;
	attr_t color_attr; /* added to the colour pair */
	attr_t mono;       /* the look without colours */
};

static const struct look looks[R_COUNT] = {
	[R_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
	[R_BAR] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	[R_TITLE] = {-1, -1, A_BOLD, A_BOLD},
	[R_DIM] = {COLOR_BLUE, -1, A_BOLD, A_DIM},
	[R_CUSTOMER] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[R_TRAINEE] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
	[R_GOOD] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[R_BAD] = {COLOR_RED, -1, A_BOLD, A_UNDERLINE},
	[R_EV_GOOD] = {COLOR_BLACK, COLOR_GREEN, A_NORMAL, A_UNDERLINE},
	[R_EV_BAD] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE},
	[R_SELECT] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
	[R_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
	[R_KEY] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD},
	[R_MOOD_CALM] = {COLOR_GREEN, -1, A_BOLD, A_NORMAL},
	[R_MOOD_WARY] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[R_MOOD_ANGRY] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
};

void
ui_colors_init(bool no_color)
{
	use_color = !no_color && has_colors() && start_color() == OK &&
	    COLOR_PAIRS > R_COUNT;
	if (!use_color)
		return;
	bool dflt = use_default_colors() == OK;
	for (int r = 1; r < R_COUNT; r++) {
		short fg = looks[r].fg, bg = looks[r].bg;
		if (!dflt) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		init_pair((short)r, fg, bg);
	}
}

attr_t
ui_attr(enum ui_role r)
{
	if (!use_color)
		return looks[r].mono;
	if (r == R_NORMAL)
		return A_NORMAL;
	return COLOR_PAIR(r) | looks[r].color_attr;
}

enum ui_role
ui_mood_role(int mood)
{
	return mood < 40 ? R_MOOD_CALM : mood < 70 ? R_MOOD_WARY : R_MOOD_ANGRY;
}

void
ui_set_utf8(bool on)
{
	utf8_ok = on;
}

int
ui_put(int y, int x, int maxw, const char *s, size_t n, enum ui_role r)
{
	if (x >= COLS || y >= LINES || y < 0)
		return 0;
	if (maxw > COLS - x)
		maxw = COLS - x;
	if (maxw <= 0)
		return 0;
	char *out = xmalloc(n * 3 + 8);
	size_t o = 0;
	int used = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		if (l == 0) {
			cp = 0xfffd;
			l = 1;
		}
		cp = wrap_glyph(cp);
		int cw = utf8_cp_width(cp);
		if (used + cw > maxw)
			break;
		if (!utf8_ok && cp >= 0x80) {
			for (int k = 0; k < cw; k++)
				out[o++] = '?';
		} else {
			o += utf8_encode(cp, out + o);
		}
		used += cw;
		i += l;
	}
	attrset(ui_attr(r));
	mvaddnstr(y, x, out, (int)o);
	attrset(A_NORMAL);
	free(out);
	return used;
}

int
ui_puts(int y, int x, int maxw, const char *s, enum ui_role r)
{
	return ui_put(y, x, maxw, s, strlen(s), r);
}

int
ui_printf(int y, int x, int maxw, enum ui_role r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s;
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	int used = ui_put(y, x, maxw, s, (size_t)n, r);
	free(s);
	return used;
}

void
ui_fill(int y, int x, int w, enum ui_role r)
{
	if (w > COLS - x)
		w = COLS - x;
	if (w <= 0 || y < 0 || y >= LINES)
		return;
	attrset(ui_attr(r));
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

void
ui_bar(int y, const char *left, const char *right)
{
	ui_fill(y, 0, COLS, R_BAR);
	int rw = right ? (int)utf8_width(right, strlen(right)) : 0;
	int room = COLS - 2 - (rw ? rw + 2 : 0);
	if (room < 10) {
		rw = 0;
		room = COLS - 2;
	}
	ui_puts(y, 1, room, left, R_BAR);
	if (rw)
		ui_puts(y, COLS - 1 - rw, rw, right, R_BAR);
}

int
ui_mood_meter(int y, int x, int w, int mood)
{
	char tail[48];
	snprintf(tail, sizeof tail, " %d %s", mood, mood_word(mood));
	int tw = (int)strlen(tail);
	int bar = w - tw - 2;
	if (bar > 20)
		bar = 20;
	int used = 0;
	enum ui_role r = ui_mood_role(mood);
	if (bar >= 5) {
		int fill = (mood * bar + 50) / 100;
		used += ui_puts(y, x, 1, "[", R_NORMAL);
		for (int i = 0; i < bar; i++)
			used += ui_puts(y, x + used, 1, i < fill ? "#" : "-",
			    i < fill ? r : R_DIM);
		used += ui_puts(y, x + used, 1, "]", R_NORMAL);
	}
	used += ui_puts(y, x + used, w - used, tail, r);
	return used;
}

void
ui_footer(unsigned screen, const char *msg, bool msg_is_error)
{
	int y = LINES - 1;
	ui_fill(y, 0, COLS, R_BAR);
	if (msg) {
		ui_puts(y, 1, COLS - 2, msg, msg_is_error ? R_EV_BAD : R_BAR);
		return;
	}
	size_t n;
	const struct ui_key_row *rows = ui_keys_table(&n);
	int x = 0;
	for (size_t i = 0; i < n && x < COLS; i++) {
		if (!(rows[i].screens & screen) || rows[i].footer == NULL)
			continue;
		int kw = (int)strlen(rows[i].label), fw = (int)strlen(rows[i].footer);
		if (x + kw + fw + 2 > COLS)
			break;
		x += ui_puts(y, x, COLS - x, rows[i].label, R_KEY);
		x += ui_puts(y, x, COLS - x, " ", R_BAR);
		x += ui_puts(y, x, COLS - x, rows[i].footer, R_BAR);
		x += ui_puts(y, x, COLS - x, " ", R_BAR);
	}
}

struct ui_par *
ui_doc_add(struct ui_doc *d, int indent, enum ui_role r, const char *text)
{
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	struct ui_par *p = &d->v[d->n++];
	memset(p, 0, sizeof *p);
	p->text = xstrdup(text ? text : "");
	p->role = r;
	p->indent = indent;
	return p;
}

struct ui_par *
ui_doc_addf(struct ui_doc *d, int indent, enum ui_role r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	s[0] = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	struct ui_par *p = ui_doc_add(d, indent, r, s);
	free(s);
	return p;
}

void
ui_par_label(struct ui_par *p, const char *label, enum ui_role r)
{
	free(p->label);
	p->label = xstrdup(label);
	p->label_role = r;
}

void
ui_par_mark(struct ui_par *p, size_t start, size_t end, enum ui_role r)
{
	size_t len = strlen(p->text);
	if (end > len)
		end = len;
	if (start >= end)
		return;
	p->marks = xgrow(p->marks, &p->mcap, p->nmarks + 1, sizeof *p->marks);
	p->marks[p->nmarks++] = (struct ui_mark){start, end, r};
}

void
ui_par_append(struct ui_par *p, const char *text, enum ui_role r)
{
	size_t old = strlen(p->text), add = strlen(text);
	p->text = xrealloc(p->text, old + add + 1);
	memcpy(p->text + old, text, add + 1);
	if (r != p->role)
		ui_par_mark(p, old, old + add, r);
}

void
ui_doc_blank(struct ui_doc *d)
{
	ui_doc_add(d, 0, R_NORMAL, "");
}

static int
text_width(const struct ui_par *p, int w)
{
	int tw = w - p->indent;
	return tw < 1 ? 1 : tw;
}

int
ui_doc_lines(const struct ui_doc *d, int w)
{
	int total = 0;
	for (size_t i = 0; i < d->n; i++) {
		struct wrap wr = {0};
		wrap_text(&wr, d->v[i].text, strlen(d->v[i].text),
		    (size_t)text_width(&d->v[i], w));
		total += (int)wr.n;
		wrap_free(&wr);
	}
	return total;
}

static enum ui_role
role_at(const struct ui_par *p, size_t at, size_t *next)
{
	enum ui_role r = p->role;
	for (size_t k = 0; k < p->nmarks; k++) {
		const struct ui_mark *m = &p->marks[k];
		if (at >= m->start && at < m->end)
			r = m->role;
		if (m->start > at && m->start < *next)
			*next = m->start;
		if (m->end > at && m->end < *next)
			*next = m->end;
	}
	return r;
}

static void
draw_line(const struct ui_par *p, const struct wrap_line *l, int y, int x,
    int w)
{
	int col = 0;
	for (size_t at = l->start; at < l->end && col < w;) {
		size_t next = l->end;
		enum ui_role r = role_at(p, at, &next);
		col += ui_put(y, x + col, w - col, p->text + at, next - at, r);
		at = next;
	}
}

void
ui_doc_draw(const struct ui_doc *d, int y, int x, int h, int w, int first)
{
	int line = 0;
	for (size_t i = 0; i < d->n && line < first + h; i++) {
		const struct ui_par *p = &d->v[i];
		struct wrap wr = {0};
		int tw = text_width(p, w);
		wrap_text(&wr, p->text, strlen(p->text), (size_t)tw);
		for (size_t k = 0; k < wr.n; k++, line++) {
			if (line < first || line >= first + h)
				continue;
			int row = y + line - first;
			if (k == 0 && p->label)
				ui_puts(row, x, p->indent > 1 ? p->indent - 1 : p->indent,
				    p->label, p->label_role);
			draw_line(p, &wr.v[k], row, x + w - tw, tw);
		}
		wrap_free(&wr);
	}
}

void
ui_doc_view(const struct ui_doc *d, int y, int h, int *scroll)
{
	int w = COLS - 2;
	int total = ui_doc_lines(d, w);
	int max = total > h ? total - h : 0;
	if (*scroll > max)
		*scroll = max;
	if (*scroll < 0)
		*scroll = 0;
	ui_doc_draw(d, y, 1, h, w, *scroll);
	if (*scroll > 0)
		ui_puts(y, COLS - 1, 1, "^", R_DIM);
	if (*scroll < max)
		ui_puts(y + h - 1, COLS - 1, 1, "v", R_DIM);
}

void
ui_doc_free(struct ui_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].label);
		free(d->v[i].text);
		free(d->v[i].marks);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
