/* ui_list.c: selection, scrolling and headings for the list screens. */
#include "ui_list.h"

#include "ui_draw.h"

size_t
ui_list_move(size_t sel, size_t n, long by)
{
	if (n == 0)
		return 0;
	long s = (long)sel + by;
	if (s < 0)
		s = 0;
	if (s >= (long)n)
		s = (long)n - 1;
	return (size_t)s;
}

void
ui_list_scroll(size_t sel, size_t *top, int height)
{
	if (sel < *top)
		*top = sel;
	if (height > 0 && sel >= *top + (size_t)height)
		*top = sel - (size_t)height + 1;
}

void
ui_headings(int y, const struct ui_heading *h, size_t n)
{
	int x = 1;
	for (size_t i = 0; i < n; i++) {
		if (h[i].width <= 0)
			continue;
		ui_puts(y, x, h[i].width, h[i].label, R_TITLE);
		x += h[i].width + 1;
	}
}
