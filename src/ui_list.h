/* ui_list.h: what the list screens (library, review, courses) share —
 * moving a selection, keeping it in view, and drawing column headings. */
#ifndef IRATE_UI_LIST_H
#define IRATE_UI_LIST_H

#include <stddef.h>

/* sel moved by `by` rows, kept within 0..n-1 (0 when the list is empty). */
size_t ui_list_move(size_t sel, size_t n, long by);
/* Adjust *top, the first row shown, so that row sel is among the `height`
 * rows drawn from it. */
void ui_list_scroll(size_t sel, size_t *top, int height);

struct ui_heading {
	const char *label;
	int width; /* 0 hides the column */
};

/* Draw headings left to right from column 1 on row y, one space apart. */
void ui_headings(int y, const struct ui_heading *h, size_t n);

#endif
