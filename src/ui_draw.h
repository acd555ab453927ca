/* ui_draw.h: drawing helpers shared by the screens — colours with a
 * monochrome fallback, width-aware printing of UTF-8 that keeps escape
 * sequences inert, and scrollable documents of wrapped paragraphs. */
#ifndef IRATE_UI_DRAW_H
#define IRATE_UI_DRAW_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* What a piece of text is; each role has a colour and a monochrome look. */
enum ui_role {
	R_NORMAL,
	R_BAR,        /* header and footer bars */
	R_TITLE,      /* headings */
	R_DIM,        /* briefing, hints */
	R_CUSTOMER,   /* the customer's name and lines */
	R_TRAINEE,    /* the trainee's name and replies */
	R_GOOD,       /* met, positive */
	R_BAD,        /* missed, negative */
	R_EV_GOOD,    /* evidence that earned a point */
	R_EV_BAD,     /* evidence that cost one, pitfalls */
	R_SELECT,     /* the selected row */
	R_FIELD,      /* an input field */
	R_KEY,        /* key names in the footer */
	R_MOOD_CALM, R_MOOD_WARY, R_MOOD_ANGRY,
	R_COUNT
};

/* Set up colours (after initscr): none when no_color or the terminal has
 * none, then attributes alone tell the roles apart. */
void ui_colors_init(bool no_color);
attr_t ui_attr(enum ui_role r);
/* The role for a mood 0..100. */
enum ui_role ui_mood_role(int mood);
/* Is the locale's character set UTF-8?  (Else non-ASCII is drawn as ?.) */
void ui_set_utf8(bool on);

/* Draw s[0..n) at y,x in at most maxw columns with role r: control
 * characters and bidirectional overrides become a placeholder, nothing is
 * cut inside a character.  Returns the columns used. */
int ui_put(int y, int x, int maxw, const char *s, size_t n, enum ui_role r);
int ui_puts(int y, int x, int maxw, const char *s, enum ui_role r);
/* printf, then ui_put. */
int ui_printf(int y, int x, int maxw, enum ui_role r, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Fill w columns of row y from x with spaces in role r. */
void ui_fill(int y, int x, int w, enum ui_role r);
/* A bar across row y: left text, right text (cropped first). */
void ui_bar(int y, const char *left, const char *right);
/* A mood meter "[#####-----] 72 angry" in w columns; returns columns used. */
int ui_mood_meter(int y, int x, int w, int mood);
/* The footer on the last row: the keys of screen (an SB_* bit) marked for
 * the footer in the key table, or msg instead when it is non-NULL. */
void ui_footer(unsigned screen, const char *msg, bool msg_is_error);

/* A document: paragraphs with an optional label in a left gutter, each
 * wrapped to the width when drawn.  Marks give parts of a paragraph's text
 * another role (evidence spans).  Owns its strings. */
struct ui_mark {
	size_t start, end;
	enum ui_role role;
};
struct ui_par {
	char *label;           /* drawn in the gutter on the first line, or NULL */
	enum ui_role label_role;
	char *text;
	enum ui_role role;
	int indent;            /* columns before the text */
	struct ui_mark *marks;
	size_t nmarks, mcap;
};
struct ui_doc {
	struct ui_par *v;
	size_t n, cap;
};

/* Add a paragraph (text copied); returns it for marks. */
struct ui_par *ui_doc_add(struct ui_doc *d, int indent, enum ui_role r,
    const char *text);
struct ui_par *ui_doc_addf(struct ui_doc *d, int indent, enum ui_role r,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Give the paragraph a gutter label (copied). */
void ui_par_label(struct ui_par *p, const char *label, enum ui_role r);
/* Give p->text[start..end) role r (later marks win where they overlap). */
void ui_par_mark(struct ui_par *p, size_t start, size_t end, enum ui_role r);
/* Append text to the paragraph in role r (a mark). */
void ui_par_append(struct ui_par *p, const char *text, enum ui_role r);
/* An empty line. */
void ui_doc_blank(struct ui_doc *d);
/* Lines the document takes at width w. */
int ui_doc_lines(const struct ui_doc *d, int w);
/* Draw lines [first, first+h) of the document at y,x, w columns wide. */
void ui_doc_draw(const struct ui_doc *d, int y, int x, int h, int w,
    int first);
/* Clamp *scroll for a view of h lines over a document of total lines and
 * draw it; shows a position marker on the right when it does not fit. */
void ui_doc_view(const struct ui_doc *d, int y, int h, int *scroll);
void ui_doc_free(struct ui_doc *d);

#endif
