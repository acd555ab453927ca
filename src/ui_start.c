/* ui_start.c: the start screen — the trainee's name and the scenario
 * library with their best score and last outcome, filtered by typing,
 * sorted, with a preview of the selected scenario's briefing. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mood.h"
#include "trainee.h"
#include "ui_draw.h"
#include "ui_list.h"
#include "ui_state.h"
#include "utf8.h"
#include "xalloc.h"

static const char *const sort_names[SORT_COUNT] = {
	"difficulty", "title", "industry", "best score",
};

static void refresh_list(struct ui *u);

static void
rescan_history(struct ui *u)
{
	struct diags d = {0};
	history_free(&u->hist);
	history_scan(&u->hist, u->o->data_dir, u->trainee, NULL, &d);
	diags_free(&d);
}

void
ui_start_enter(struct ui *u)
{
	ui_play_end(u, "unfinished");
	if (!u->lib_loaded) {
		struct diags d = {0};
		library_scan(&u->lib, u->o->scenarios_dir, &d);
		u->lib_problems = d.nerrors;
		diags_free(&d);
		u->lib_loaded = true;
		u->sel = u->top = 0;
	}
	rescan_history(u);
	u->name_focus = false;
	lineedit_set(&u->name, u->trainee);
	refresh_list(u);
}

/* Does haystack contain needle, ignoring ASCII case? */
static bool
contains(const char *hay, const char *needle, size_t n)
{
	if (n == 0)
		return true;
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] &&
		    tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

/* Every word of the filter is in the title, industry, id or tags. */
static bool
matches(const struct scenario *sc, const char *filter)
{
	const char *p = filter;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n == 0)
			break;
		bool hit = contains(sc->title, p, n) || contains(sc->industry, p, n) ||
		    contains(sc->id, p, n);
		for (size_t t = 0; t < sc->tags.n && !hit; t++)
			hit = contains(sc->tags.v[t], p, n);
		if (!hit)
			return false;
		p += n;
	}
	return true;
}

static int
best_of(const struct ui *u, const struct scenario *sc)
{
	const struct history_entry *e = history_find(&u->hist, sc->id);
	return e ? e->best : -1;
}

static int
compare(const struct ui *u, size_t a, size_t b)
{
	const struct scenario *x = &u->lib.v[a], *y = &u->lib.v[b];
	int c = 0;
	switch (u->sort) {
	case SORT_DIFFICULTY: c = x->difficulty - y->difficulty; break;
	case SORT_TITLE: break;
	case SORT_INDUSTRY: c = strcmp(x->industry, y->industry); break;
	case SORT_BEST: c = best_of(u, y) - best_of(u, x); break;
	default: break;
	}
	return c ? c : strcmp(x->title, y->title);
}

/* Filter and sort the library into u->shown; keep the selection on the
 * same scenario when it is still shown. */
static void
refresh_list(struct ui *u)
{
	size_t keep = u->shown && u->sel < u->nshown ? u->shown[u->sel] : SIZE_MAX;
	free(u->shown);
	u->shown = xcalloc(u->lib.n ? u->lib.n : 1, sizeof *u->shown);
	u->nshown = 0;
	const char *f = lineedit_text(&u->filter);
	for (size_t i = 0; i < u->lib.n; i++) {
		if (!matches(&u->lib.v[i], f))
			continue;
		size_t j = u->nshown++;
		while (j > 0 && compare(u, u->shown[j - 1], i) > 0) {
			u->shown[j] = u->shown[j - 1];
			j--;
		}
		u->shown[j] = i;
	}
	u->sel = 0;
	for (size_t i = 0; i < u->nshown; i++)
		if (u->shown[i] == keep)
			u->sel = i;
}

static void
draw_field(struct ui *u, struct lineedit *e, int y, int x, int w, bool focus)
{
	ui_fill(y, x, w, R_FIELD);
	size_t start, n, col;
	lineedit_view(e, (size_t)w, &start, &n, &col);
	ui_put(y, x, w, e->s + start, n, R_FIELD);
	if (focus) {
		u->cur_y = y;
		u->cur_x = x + (int)col;
	}
}

static void
draw_fields(struct ui *u)
{
	int x = 1;
	x += ui_puts(1, x, 10, "Trainee: ", u->name_focus ? R_TITLE : R_NORMAL);
	int nw = COLS / 3 - x;
	draw_field(u, &u->name, 1, x, nw, u->name_focus);
	x += nw + 3;
	x += ui_puts(1, x, 10, "Filter: ", u->name_focus ? R_NORMAL : R_TITLE);
	draw_field(u, &u->filter, 1, x, COLS - 2 - x, !u->name_focus);
}

struct cols {
	int title, industry, level, best, last;
};

static struct cols
columns(void)
{
	struct cols c = {0, COLS >= 90 ? 22 : 16, 6, 5, 13};
	c.title = COLS - 2 - c.industry - c.level - c.best - c.last - 4;
	return c;
}

static void
draw_row(struct ui *u, int y, size_t i, bool selected)
{
	const struct scenario *sc = &u->lib.v[i];
	struct cols c = columns();
	enum ui_role r = selected ? R_SELECT : R_NORMAL;
	ui_fill(y, 0, COLS, r);
	int x = 1;
	ui_puts(y, x, c.title, sc->title, r);
	x += c.title + 1;
	ui_puts(y, x, c.industry, sc->industry, r);
	x += c.industry + 1;
	ui_printf(y, x, c.level, r, "%d of 5", sc->difficulty);
	x += c.level + 1;
	const struct history_entry *e = history_find(&u->hist, sc->id);
	if (e && e->best >= 0)
		ui_printf(y, x, c.best, r, "%4d", e->best);
	else
		ui_puts(y, x, c.best, "   -", r);
	x += c.best + 1;
	ui_puts(y, x, c.last, e ? history_last_word(e) : "new", r);
}

static void
draw_preview(struct ui *u, int y, int h)
{
	attrset(ui_attr(R_DIM));
	mvhline(y, 0, ACS_HLINE, COLS);
	attrset(A_NORMAL);
	if (u->nshown == 0)
		return;
	const struct scenario *sc = &u->lib.v[u->shown[u->sel]];
	const struct history_entry *e = history_find(&u->hist, sc->id);
	struct ui_doc d = {0};
	ui_doc_add(&d, 0, R_TITLE, sc->title);
	if (e && e->resume_path)
		ui_doc_addf(&d, 0, R_GOOD, "Your last call (%s mode) stopped after "
		    "%d %s: F5 takes it up where it stopped; Enter starts a new "
		    "one.", e->resume_exam ? "exam" : "practice", e->resume_turns,
		    e->resume_turns == 1 ? "reply" : "replies");
	ui_doc_add(&d, 0, R_NORMAL, sc->summary);
	ui_doc_addf(&d, 0, R_DIM, "%s, %s. Starts %s (mood %d); up to %d "
	    "replies.", sc->customer_name, sc->persona, mood_word(sc->start_mood),
	    sc->start_mood, sc->turn_limit);
	if (e)
		ui_doc_addf(&d, 0, R_DIM, "You played it %d %s; %d reached an "
		    "ending.", e->sessions, e->sessions == 1 ? "time" : "times",
		    e->finished);

	ui_doc_draw(&d, y + 1, 1, h - 1, COLS - 2, 0);
	ui_doc_free(&d);
}

void
ui_start_draw(struct ui *u)
{
	if (u->shown == NULL)
		refresh_list(u);
	char right[64];
	snprintf(right, sizeof right, "%zu of %zu scenarios, by %s", u->nshown,
	    u->lib.n, sort_names[u->sort]);
	ui_bar(0, "irate: calm the angry customer", right);
	draw_fields(u);
	struct cols c = columns();
	const struct ui_heading h[] = {{"Scenario", c.title},
	    {"Industry", c.industry}, {"Level", c.level}, {"Best", c.best},
	    {"Last", c.last}};
	ui_headings(3, h, sizeof h / sizeof *h);

	int preview_h = LINES >= 24 ? 8 : 5;
	int list_y = 4, list_h = LINES - 1 - list_y - preview_h;
	ui_list_scroll(u->sel, &u->top, list_h);
	for (int i = 0; i < list_h && u->top + (size_t)i < u->nshown; i++)
		draw_row(u, list_y + i, u->shown[u->top + (size_t)i],
		    u->top + (size_t)i == u->sel);
	if (u->lib.n == 0)
		ui_printf(list_y, 1, COLS - 2, R_BAD, "No scenarios in %s%s",
		    u->o->scenarios_dir, u->lib_problems ? " can be used (irate lint "
		    "shows why)" : ".");
	else if (u->nshown == 0)
		ui_puts(list_y, 1, COLS - 2, "No scenario matches the filter "
		    "(Esc clears it).", R_DIM);
	draw_preview(u, LINES - 1 - preview_h, preview_h);
}

/* Use the name typed in the name field; false if it is refused. */
static bool
name_commit(struct ui *u)
{
	const char *name = lineedit_text(&u->name);
	const char *why;
	if (!trainee_valid(name, &why)) {
		ui_message(u, true, "that name cannot be used: %s", why);
		return false;
	}
	if (strcmp(name, u->trainee) != 0) {
		free(u->trainee);
		u->trainee = xstrdup(name);
		trainee_remember(u->o->data_dir, u->trainee);
		rescan_history(u);
		refresh_list(u);
		ui_message(u, false, "training as %s", u->trainee);
	}
	u->name_focus = false;
	return true;
}

void
ui_start_key(struct ui *u, const struct ui_key *k)
{
	if (u->name_focus) {
		if (k->act == ACT_ENTER || k->act == ACT_FOCUS)
			name_commit(u);
		else if (k->act == ACT_CANCEL) {
			lineedit_set(&u->name, u->trainee);
			u->name_focus = false;
		} else
			ui_edit_key(&u->name, k);
		return;
	}
	long page = LINES - 14;
	switch (k->act) {
	case ACT_FOCUS: u->name_focus = true; return;
	case ACT_UP: u->sel = ui_list_move(u->sel, u->nshown, -1); return;
	case ACT_DOWN: u->sel = ui_list_move(u->sel, u->nshown, 1); return;
	case ACT_PGUP: u->sel = ui_list_move(u->sel, u->nshown, -(page > 1 ? page : 1)); return;
	case ACT_PGDN: u->sel = ui_list_move(u->sel, u->nshown, page > 1 ? page : 1); return;
	case ACT_SORT:
		u->sort = (enum ui_sort)((u->sort + 1) % SORT_COUNT);
		refresh_list(u);
		return;
	case ACT_CANCEL:
		lineedit_set(&u->filter, "");
		refresh_list(u);
		return;
	case ACT_ENTER:
		u->exam = u->o->exam;
		u->from_course = false;
		if (u->nshown)
			ui_play_begin(u, &u->lib.v[u->shown[u->sel]]);
		return;
	case ACT_RESUME:
		if (u->nshown) {
			const struct scenario *sc = &u->lib.v[u->shown[u->sel]];
			const struct history_entry *e = history_find(&u->hist, sc->id);
			u->from_course = false;
			if (e && e->resume_path)
				ui_play_resume(u, sc, e->resume_path);
			else
				ui_message(u, true, "no unfinished call of this "
				    "scenario to take up");
		}
		return;
	case ACT_COURSES:
		ui_courses_enter(u);
		return;
	case ACT_REVIEW:
		ui_review_enter(u, u->trainee);
		ui_go(u, UI_REVIEW);
		return;
	default: break;
	}
	if (ui_edit_key(&u->filter, k))
		refresh_list(u);
}
