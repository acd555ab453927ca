/* lineedit.h: a one-line UTF-8 text editor model — no curses, no I/O.
 *
 * Holds the text being typed, the cursor, a history of earlier lines and a
 * horizontal scrolling window for drawing the line in a narrow box.  The
 * cursor and the window only ever stand on character boundaries, where a
 * character is one code point with the combining marks that follow it, so
 * a combining mark is never split from its base.  The text is always valid
 * UTF-8 without control characters.  A struct lineedit owns its text, its
 * history and everything in them; lineedit_free() releases them. */
#ifndef IRATE_LINEEDIT_H
#define IRATE_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

struct lineedit {
	char *s;          /* the text, NUL-terminated (never NULL after init) */
	size_t len, cap;
	size_t cur;       /* cursor: byte offset into s */
	size_t scroll;    /* byte offset of the first character shown */
	size_t max;       /* most bytes the text may hold (0: no limit) */
	char **hist;      /* earlier lines, oldest first (owned copies) */
	size_t nhist, hcap;
	size_t hpos;      /* the history line shown; nhist for the new line */
	char *saved;      /* the new line, kept while browsing the history */
};

/* Start empty; max bounds the text in bytes (0 for no limit). */
void lineedit_init(struct lineedit *e, size_t max);
void lineedit_free(struct lineedit *e);
/* The text (borrowed; valid until the next change). */
const char *lineedit_text(const struct lineedit *e);
/* Replace the text with s (filtered as by lineedit_insert), cursor at end. */
void lineedit_set(struct lineedit *e, const char *s);
/* Insert n bytes of s (typed or pasted) at the cursor and move past them.
 * Tabs and line breaks become spaces, other control characters are
 * dropped, invalid UTF-8 becomes U+FFFD; whatever would pass max is cut
 * at a character boundary.  Returns the number of bytes inserted. */
size_t lineedit_insert(struct lineedit *e, const char *s, size_t n);
/* Insert one code point (from get_wch); false if it was refused. */
bool lineedit_insert_cp(struct lineedit *e, unsigned long cp);

/* Cursor moves; each returns false when the cursor could not move. */
bool lineedit_left(struct lineedit *e);
bool lineedit_right(struct lineedit *e);
bool lineedit_home(struct lineedit *e);
bool lineedit_end(struct lineedit *e);
/* Deletions; each returns false when there was nothing to delete. */
bool lineedit_backspace(struct lineedit *e);  /* the character before */
bool lineedit_delete(struct lineedit *e);     /* the character under */
bool lineedit_delete_word(struct lineedit *e); /* Ctrl-W: spaces, then a word */
bool lineedit_delete_to_start(struct lineedit *e); /* Ctrl-U */

/* Remember line (copied) as the newest history entry — not when it is
 * empty or the same as the newest — and go back to a new, empty line. */
void lineedit_history_add(struct lineedit *e, const char *line);
/* Show the previous (older) / next (newer) history line, cursor at end;
 * going past the newest brings back the line that was being typed.
 * false when there is nothing further. */
bool lineedit_history_prev(struct lineedit *e);
bool lineedit_history_next(struct lineedit *e);

/* The part of the line to draw in a box `width` columns wide (at least 1;
 * one column is kept for the cursor at the end).  Moves the window so the
 * cursor is visible and the box stays as full as it can.  Sets *start and
 * *n to the bytes to draw and *cursor_col to the cursor's column in the
 * box; returns true when text is hidden on the left. */
bool lineedit_view(struct lineedit *e, size_t width, size_t *start,
    size_t *n, size_t *cursor_col);

#endif
