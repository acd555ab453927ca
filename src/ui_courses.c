/* ui_courses.c: the courses screen — every course of the courses directory
 * with the trainee's progress (steps passed, the next step) and the
 * selected course's summary; Enter shows a course (ui_course.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "ui_courses.h"
#include "ui_draw.h"
#include "ui_list.h"
#include "ui_state.h"
#include "xalloc.h"

static void
free_progress(struct ui_courses *cs)
{
	if (cs->p == NULL)
		return;
	for (size_t i = 0; i < cs->n; i++)
		course_progress_free(&cs->p[i]);
	free(cs->p);
	cs->p = NULL;
}

void
ui_courses_scan(struct ui *u)
{
	struct ui_courses *cs = u->cs;
	free_progress(cs);
	cs->p = xcalloc(cs->n ? cs->n : 1, sizeof *cs->p);
	for (size_t i = 0; i < cs->n; i++) {
		struct diags d = {0};
		course_progress_scan(&cs->p[i], &cs->v[i], u->o->data_dir,
		    u->trainee, &d);
		diags_free(&d);
	}
}

void
ui_courses_enter(struct ui *u)
{
	ui_play_end(u, "unfinished");
	struct ui_courses *cs = u->cs;
	if (cs == NULL) {
		cs = u->cs = xcalloc(1, sizeof *cs);
		cs->dir = paths_courses_dir(NULL);
		struct diags d = {0};
		cs->n = course_dir_load(&cs->v, cs->dir, u->o->scenarios_dir, &d);
		for (size_t i = 0; i < d.n; i++) {
			if (d.v[i].sev != DIAG_ERROR)
				continue;
			if (cs->problem == NULL)
				cs->problem = diag_format(&d.v[i]);
			cs->problems++;
		}
		diags_free(&d);
	}
	ui_courses_scan(u);
	free(cs->notice);
	cs->notice = NULL;
	ui_go(u, UI_COURSES);
}

void
ui_courses_free(struct ui *u)
{
	struct ui_courses *cs = u->cs;
	if (cs == NULL)
		return;
	free_progress(cs);
	course_dir_free(cs->v, cs->n);
	if (cs->have_sc)
		scenario_free(&cs->sc);
	free(cs->dir);
	free(cs->problem);
	free(cs->notice);
	free(cs);
	u->cs = NULL;
}

struct cols {
	int title, passed, next;
};

static struct cols
columns(void)
{
	struct cols c = {0, 12, COLS >= 90 ? 40 : 28};
	c.title = COLS - 2 - c.passed - c.next - 2;
	return c;
}

static void
draw_row(struct ui *u, int y, size_t i, bool selected)
{
	const struct ui_courses *cs = u->cs;
	const struct course *c = &cs->v[i];
	const struct course_progress *p = &cs->p[i];
	struct cols w = columns();
	enum ui_role r = selected ? R_SELECT : R_NORMAL;
	ui_fill(y, 0, COLS, r);
	int x = 1;
	ui_puts(y, x, w.title, c->title, r);
	x += w.title + 1;
	ui_printf(y, x, w.passed, selected ? r : p->complete ? R_GOOD : r,
	    "%zu of %zu", p->passed, c->nsteps);
	x += w.passed + 1;
	if (p->complete)
		ui_puts(y, x, w.next, "complete", selected ? r : R_GOOD);
	else if (p->next != SIZE_MAX)
		ui_printf(y, x, w.next, r, "%zu. %s", p->next + 1,
		    c->steps[p->next].scenario_title);
	else
		ui_puts(y, x, w.next, "locked", selected ? r : R_DIM);
}

static void
draw_preview(struct ui *u, int y, int h)
{
	const struct ui_courses *cs = u->cs;
	attrset(ui_attr(R_DIM));
	mvhline(y, 0, ACS_HLINE, COLS);
	attrset(A_NORMAL);
	if (cs->n == 0)
		return;
	const struct course *c = &cs->v[cs->sel];
	const struct course_progress *p = &cs->p[cs->sel];
	struct ui_doc d = {0};
	ui_doc_add(&d, 0, R_TITLE, c->title);
	ui_doc_add(&d, 0, R_NORMAL, c->summary);
	if (p->complete)
		ui_doc_add(&d, 0, R_GOOD, "Course complete: every step passed.");
	else if (p->next != SIZE_MAX)
		ui_doc_addf(&d, 0, R_DIM, "Next: step %zu, %s (%s mode). "
		    "n plays it; Enter shows every step.", p->next + 1,
		    c->steps[p->next].scenario_title,
		    course_mode_name(c->steps[p->next].exam));
	ui_doc_draw(&d, y + 1, 1, h - 1, COLS - 2, 0);
	ui_doc_free(&d);
}

void
ui_courses_draw(struct ui *u)
{
	struct ui_courses *cs = u->cs;
	char right[96];
	snprintf(right, sizeof right, "%zu %s; trainee %s", cs->n,
	    cs->n == 1 ? "course" : "courses", u->trainee);
	ui_bar(0, "irate: courses", right);
	struct cols w = columns();
	const struct ui_heading h[] = {{"Course", w.title},
	    {"Passed", w.passed}, {"Next step", w.next}};
	ui_headings(2, h, sizeof h / sizeof *h);

	int preview_h = LINES >= 24 ? 8 : 5;
	int list_y = 3, list_h = LINES - 1 - list_y - preview_h;
	if (cs->problems)
		list_h--;
	ui_list_scroll(cs->sel, &cs->top, list_h);
	for (int i = 0; i < list_h && cs->top + (size_t)i < cs->n; i++)
		draw_row(u, list_y + i, cs->top + (size_t)i,
		    cs->top + (size_t)i == cs->sel);
	if (cs->n == 0)
		ui_printf(list_y, 1, COLS - 2, R_DIM, "No courses in %s.", cs->dir);
	if (cs->problems)
		ui_printf(list_y + list_h, 1, COLS - 2, R_BAD, "%zu course %s left "
		    "out (irate lint shows why): %s", cs->problems,
		    cs->problems == 1 ? "file" : "files", cs->problem);
	draw_preview(u, LINES - 1 - preview_h, preview_h);
}

void
ui_courses_key(struct ui *u, const struct ui_key *k)
{
	struct ui_courses *cs = u->cs;
	switch (k->act) {
	case ACT_UP:
		if (cs->sel > 0)
			cs->sel--;
		return;
	case ACT_DOWN:
		if (cs->sel + 1 < cs->n)
			cs->sel++;
		return;
	case ACT_ENTER:
		if (cs->n)
			ui_course_open(u, cs->sel);
		return;
	case ACT_PLAYNEXT:
		if (cs->n == 0)
			return;
		ui_course_open(u, cs->sel);
		if (cs->p[cs->sel].complete)
			ui_message(u, false, "Course complete: every step passed.");
		else if (cs->p[cs->sel].next != SIZE_MAX)
			ui_course_play(u, cs->p[cs->sel].next);
		return;
	case ACT_BACK:
		ui_start_enter(u);
		ui_go(u, UI_START);
		return;
	default:
		return;
	}
}
