/* ui_review.c: the review browser — every saved transcript of the data
 * directory with its scores, filtered by a line the supervisor types
 * (review_filter.h), sorted by any column; Enter opens the viewer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_list.h"
#include "ui_review.h"
#include "ui_state.h"
#include "xalloc.h"

#define FILTER_HINT "trainee:NAME scenario:TEXT ending:hung_up " \
	"since:YYYY-MM-DD until:YYYY-MM-DD empathy<50"

static const char *const crit_heads[CRIT_COUNT] = {
	"Calm", "Rest", "Emp", "Apol", "Alt",
};

/* Filter and sort rows into rv->shown, keeping the selected transcript
 * selected when it is still shown. */
static void
queue_refresh(struct ui_review *rv)
{
	const char *keep = rv->shown && rv->sel < rv->nshown ?
	    rv->rows[rv->shown[rv->sel]].path : NULL;
	char *kept = keep ? xstrdup(keep) : NULL;
	review_rows_sort(rv->rows, rv->nrows, rv->sort, rv->reverse);
	free(rv->shown);
	rv->shown = xcalloc(rv->nrows ? rv->nrows : 1, sizeof *rv->shown);
	rv->nshown = 0;
	rv->sel = 0;
	for (size_t i = 0; i < rv->nrows; i++) {
		if (!review_filter_match(&rv->f, &rv->rows[i]))
			continue;
		if (kept && strcmp(rv->rows[i].path, kept) == 0)
			rv->sel = rv->nshown;
		rv->shown[rv->nshown++] = i;
	}
	free(kept);
}

/* Parse the typed filter; a refused one leaves the last good filter on. */
static void
filter_changed(struct ui_review *rv)
{
	struct review_filter f;
	char *err;
	free(rv->filter_err);
	rv->filter_err = NULL;
	if (review_filter_parse(&f, lineedit_text(&rv->filter), &err) != 0) {
		rv->filter_err = err;
		return;
	}
	review_filter_free(&rv->f);
	rv->f = f;
	queue_refresh(rv);
}

void
ui_review_enter(struct ui *u, const char *reviewer)
{
	ui_play_end(u, "unfinished");
	struct ui_review *rv = u->rv;
	if (rv == NULL) {
		rv = u->rv = xcalloc(1, sizeof *rv);
		rv->sort = RC_DATE;
		rv->reverse = true; /* newest first */
		lineedit_init(&rv->filter, 400);
		lineedit_init(&rv->note, 1000);
		if (u->o->review_filter)
			lineedit_set(&rv->filter, u->o->review_filter);
		filter_changed(rv);
	}
	if (rv->reviewer == NULL || strcmp(rv->reviewer, reviewer) != 0) {
		char *r = xstrdup(reviewer);
		free(rv->reviewer);
		rv->reviewer = r;
	}
	/* Reload: new calls and new notes since the list was last shown. */
	char *keep = rv->shown && rv->sel < rv->nshown ?
	    xstrdup(rv->rows[rv->shown[rv->sel]].path) : NULL;
	review_rows_free(rv->rows, rv->nrows);
	report_data_free(&rv->rd);
	struct diags d = {0};
	report_data_load(&rv->rd, u->o->data_dir, NULL, 0, &d);
	rv->problems = d.n;
	diags_free(&d);
	rv->rows = review_rows_build(&rv->rd, &rv->nrows);
	free(rv->shown);
	rv->shown = NULL;
	rv->nshown = 0;
	queue_refresh(rv);
	for (size_t i = 0; keep && i < rv->nshown; i++)
		if (strcmp(rv->rows[rv->shown[i]].path, keep) == 0)
			rv->sel = i;
	free(keep);
}

void
ui_review_free(struct ui *u)
{
	struct ui_review *rv = u->rv;
	if (rv == NULL)
		return;
	ui_review_close(u);
	free(rv->reviewer);
	lineedit_free(&rv->filter);
	lineedit_free(&rv->note);
	free(rv->filter_err);
	review_filter_free(&rv->f);
	review_rows_free(rv->rows, rv->nrows);
	report_data_free(&rv->rd);
	free(rv->shown);
	free(rv);
	u->rv = NULL;
}

/* Column widths; 0 hides a column on a narrow terminal. */
struct cols {
	int w[RC_COUNT];
	int notes;
};

static struct cols
columns(void)
{
	bool wide = COLS >= 90;
	struct cols c = {{10, 0, 10, wide ? 8 : 0, 12, 5}, 5};
	for (int i = RC_CALM; i < RC_COUNT; i++)
		c.w[i] = wide ? 4 : 0;
	int used = 2 + c.notes;
	for (int i = 0; i < RC_COUNT; i++)
		used += c.w[i] ? c.w[i] + 1 : 0;
	c.w[RC_SCENARIO] = COLS - used - 1;
	if (c.w[RC_SCENARIO] < 8)
		c.w[RC_SCENARIO] = 8;
	return c;
}

/* Print one cell at *x and move on; numbers right-aligned. */
static void
cell(int y, int *x, int w, const char *s, enum ui_role r)
{
	if (w <= 0 || *x >= COLS)
		return;
	int maxw = w < COLS - *x ? w : COLS - *x;
	ui_puts(y, *x, maxw, s, r);
	*x += w + 1;
}

static void
num(int y, int *x, int w, int v, enum ui_role r)
{
	char s[16];
	snprintf(s, sizeof s, "%*d", w, v);
	cell(y, x, w, s, r);
}

static void
draw_head(const struct ui_review *rv, int y)
{
	static const char *const heads[RC_COUNT] = {
		"Trainee", "Scenario", "Date", "Mode", "Ending", "Score",
	};
	struct cols c = columns();
	int x = 1;
	for (int i = 0; i < RC_COUNT; i++) {
		char s[24];
		const char *h = i >= RC_CALM ? crit_heads[i - RC_CALM] : heads[i];
		if ((int)rv->sort == i)
			snprintf(s, sizeof s, "%s%s", h, rv->reverse ? "v" : "^");
		else
			snprintf(s, sizeof s, "%s", h);
		cell(y, &x, c.w[i], s, (int)rv->sort == i ? R_SELECT : R_TITLE);
	}
	cell(y, &x, c.notes, "Notes", R_TITLE);
}

static void
draw_row(const struct review_row *r, int y, bool selected)
{
	struct cols c = columns();
	enum ui_role role = selected ? R_SELECT : R_NORMAL;
	ui_fill(y, 0, COLS, role);
	int x = 1;
	char date[11];
	snprintf(date, sizeof date, "%.10s", r->started);
	cell(y, &x, c.w[RC_TRAINEE], r->trainee, role);
	cell(y, &x, c.w[RC_SCENARIO], r->scenario_id, role);
	cell(y, &x, c.w[RC_DATE], date, role);
	cell(y, &x, c.w[RC_MODE], r->mode, role);
	cell(y, &x, c.w[RC_ENDING], r->ending, role);
	num(y, &x, c.w[RC_OVERALL], r->overall, role);
	for (int i = 0; i < CRIT_COUNT; i++)
		num(y, &x, c.w[RC_CALM + i], r->share[i], role);
	if (r->notes)
		num(y, &x, c.notes, r->notes, role);
}

void
ui_review_draw(struct ui *u)
{
	struct ui_review *rv = u->rv;
	char right[96];
	snprintf(right, sizeof right, "%zu of %zu, by %s%s; reviewer %s",
	    rv->nshown, rv->nrows, review_col_name(rv->sort),
	    rv->reverse ? " (reversed)" : "", rv->reviewer);
	ui_bar(0, "irate review: saved transcripts", right);

	int x = 1;
	x += ui_puts(1, x, 10, "Filter: ", R_TITLE);
	int w = COLS - 2 - x;
	ui_fill(1, x, w, R_FIELD);
	size_t start, n, col;
	lineedit_view(&rv->filter, (size_t)w, &start, &n, &col);
	ui_put(1, x, w, rv->filter.s + start, n, R_FIELD);
	u->cur_y = 1;
	u->cur_x = x + (int)col;
	if (rv->filter_err)
		ui_printf(2, 1, COLS - 2, R_BAD, "%s (the list shows the last "
		    "filter that worked)", rv->filter_err);
	else
		ui_printf(2, 1, COLS - 2, R_DIM, "e.g. %s", FILTER_HINT);

	draw_head(rv, 3);
	int list_y = 4, list_h = LINES - 1 - list_y;
	ui_list_scroll(rv->sel, &rv->top, list_h);
	for (int i = 0; i < list_h && rv->top + (size_t)i < rv->nshown; i++)
		draw_row(&rv->rows[rv->shown[rv->top + (size_t)i]], list_y + i,
		    rv->top + (size_t)i == rv->sel);
	if (rv->nrows == 0)
		ui_printf(list_y, 1, COLS - 2, R_DIM, "No saved transcripts in "
		    "%s%s.", u->o->data_dir, rv->problems ? " that can be read" : "");
	else if (rv->nshown == 0)
		ui_puts(list_y, 1, COLS - 2, "No transcript matches the filter "
		    "(Esc clears it).", R_DIM);
}

void
ui_review_key(struct ui *u, const struct ui_key *k)
{
	struct ui_review *rv = u->rv;
	long page = LINES - 6 > 1 ? LINES - 6 : 1;
	switch (k->act) {
	case ACT_UP: rv->sel = ui_list_move(rv->sel, rv->nshown, -1); return;
	case ACT_DOWN: rv->sel = ui_list_move(rv->sel, rv->nshown, 1); return;
	case ACT_PGUP: rv->sel = ui_list_move(rv->sel, rv->nshown, -page); return;
	case ACT_PGDN: rv->sel = ui_list_move(rv->sel, rv->nshown, page); return;
	case ACT_SORT:
		rv->sort = (enum review_col)((rv->sort + 1) % RC_COUNT);
		queue_refresh(rv);
		return;
	case ACT_REVERSE:
		rv->reverse = !rv->reverse;
		queue_refresh(rv);
		return;
	case ACT_CANCEL:
		if (*lineedit_text(&rv->filter)) {
			lineedit_set(&rv->filter, "");
			filter_changed(rv);
		} else {
			ui_start_enter(u);
			ui_go(u, UI_START);
		}
		return;
	case ACT_ENTER:
		if (rv->nshown && ui_review_open(u,
		    rv->rows[rv->shown[rv->sel]].path) == 0)
			ui_go(u, UI_REVIEW_VIEW);
		return;
	default: break;
	}
	if (ui_edit_key(&rv->filter, k))
		filter_changed(rv);
}
