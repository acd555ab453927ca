/* ui_course.c: one course — its steps with the trainee's state in each
 * (locked, open, failed with attempts, passed), pass marks and best
 * scores; plays a step in its mode and, after the call, says whether the
 * step was passed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ui_courses.h"
#include "ui_draw.h"
#include "ui_list.h"
#include "ui_state.h"
#include "xalloc.h"

static const struct course *
open_course(const struct ui *u)
{
	return &u->cs->v[u->cs->open];
}

static const struct course_progress *
open_progress(const struct ui *u)
{
	return &u->cs->p[u->cs->open];
}

void
ui_course_open(struct ui *u, size_t ci)
{
	struct ui_courses *cs = u->cs;
	if (ci != cs->open) {
		free(cs->notice);
		cs->notice = NULL;
	}
	cs->open = ci;
	const struct course_progress *p = open_progress(u);
	cs->step = p->next != SIZE_MAX ? p->next : 0;
	cs->step_top = 0;
	ui_go(u, UI_COURSE);
}

static void
set_notice(struct ui_courses *cs, bool good, char *text)
{
	free(cs->notice);
	cs->notice = text;
	cs->notice_good = good;
}

int
ui_course_play(struct ui *u, size_t i)
{
	struct ui_courses *cs = u->cs;
	const struct course *c = open_course(u);
	const struct step_progress *sp = &open_progress(u)->v[i];
	if (sp->state == STEP_LOCKED) {
		ui_message(u, true, "Step %zu is locked: pass step %zu first.",
		    i + 1, i);
		return -1;
	}
	const struct course_step *s = &c->steps[i];
	/* Let go of the last call before the scenario it borrows. */
	ui_play_end(u, "unfinished");
	ui_play_free(u);
	if (cs->have_sc) {
		scenario_free(&cs->sc);
		cs->have_sc = false;
	}
	struct diags d = {0};
	if (scenario_load(&cs->sc, s->file, &d) != 0) {
		char *why = d.n ? diag_format(&d.v[0]) : xstrdup(s->file);
		ui_message(u, true, "step %zu cannot be played: %s", i + 1, why);
		free(why);
		diags_free(&d);
		scenario_free(&cs->sc);
		return -1;
	}
	diags_free(&d);
	cs->have_sc = true;
	cs->play_step = i;
	set_notice(cs, false, NULL);
	u->exam = s->exam;
	u->from_course = true;
	if (ui_play_begin(u, &cs->sc) != 0) {
		u->from_course = false;
		return -1;
	}
	return 0;
}

/* Why the finished session t did not pass step i: its score against each
 * mark it missed. */
static char *
not_passed_text(const struct course_step *s, size_t i,
    const struct transcript *t)
{
	struct buf b = {0};
	buf_printf(&b, "Step %zu not passed yet: this call scored %d (pass mark "
	    "%d)", i + 1, transcript_overall(t), s->pass);
	for (int c = 0; c < CRIT_COUNT; c++) {
		int mean = course_criterion_mean(t, (enum criterion)c);
		if (s->crit_pass[c] >= 0 && mean < s->crit_pass[c])
			buf_printf(&b, "; %s %d (mark %d)",
			    criterion_name((enum criterion)c), mean, s->crit_pass[c]);
	}
	buf_printf(&b, ".");
	return buf_take(&b);
}

void
ui_course_after_call(struct ui *u)
{
	struct ui_courses *cs = u->cs;
	ui_play_end(u, "unfinished");
	u->from_course = false;
	bool was_complete = open_progress(u)->complete;
	ui_courses_scan(u);
	const struct course *c = open_course(u);
	const struct course_progress *p = open_progress(u);
	size_t i = cs->play_step;
	const struct course_step *s = &c->steps[i];
	const struct transcript *t = &u->s.tr;
	if (!u->in_session)
		set_notice(cs, false, NULL);
	else if (course_step_passed_by(s, t))
		set_notice(cs, true, xasprintf("Step %zu passed.%s", i + 1,
		    p->complete && !was_complete ?
		    " Course complete: every step passed." : ""));
	else if (t->status && strcmp(t->status, "finished") == 0)
		set_notice(cs, false, not_passed_text(s, i, t));
	else
		set_notice(cs, false, xasprintf("Step %zu: the call stopped before "
		    "an ending, so it does not count.", i + 1));
	cs->step = p->next != SIZE_MAX ? p->next : i;
	ui_go(u, UI_COURSE);
}

struct cols {
	int num, title, mode, pass, best, state;
};

static struct cols
columns(void)
{
	struct cols c = {3, 0, 8, 5, 5, 20};
	c.title = COLS - 2 - c.num - c.mode - c.pass - c.best - c.state - 5;
	return c;
}

static enum ui_role
state_role(enum step_state s)
{
	switch (s) {
	case STEP_PASSED: return R_GOOD;
	case STEP_FAILED: return R_BAD;
	case STEP_LOCKED: return R_DIM;
	default: return R_NORMAL;
	}
}

static void
draw_step(struct ui *u, int y, size_t i, bool selected)
{
	const struct course_step *s = &open_course(u)->steps[i];
	const struct step_progress *sp = &open_progress(u)->v[i];
	struct cols w = columns();
	enum ui_role r = selected ? R_SELECT : R_NORMAL;
	ui_fill(y, 0, COLS, r);
	int x = 1;
	ui_printf(y, x, w.num, r, "%2zu.", i + 1);
	x += w.num + 1;
	ui_puts(y, x, w.title, s->scenario_title ? s->scenario_title :
	    s->scenario, r);
	x += w.title + 1;
	ui_puts(y, x, w.mode, course_mode_name(s->exam), r);
	x += w.mode + 1;
	ui_printf(y, x, w.pass, r, "%4d", s->pass);
	x += w.pass + 1;
	if (sp->best >= 0)
		ui_printf(y, x, w.best, r, "%4d", sp->best);
	else
		ui_puts(y, x, w.best, "   -", r);
	x += w.best + 1;
	char *st = step_state_text(sp);
	ui_puts(y, x, w.state, st, selected ? r : state_role(sp->state));
	free(st);
}

/* The selected step in full: scenario, marks, best, note, lock. */
static void
draw_detail(struct ui *u, int y, int h)
{
	const struct ui_courses *cs = u->cs;
	const struct course *c = open_course(u);
	const struct course_step *s = &c->steps[cs->step];
	const struct step_progress *sp = &open_progress(u)->v[cs->step];
	attrset(ui_attr(R_DIM));
	mvhline(y, 0, ACS_HLINE, COLS);
	attrset(A_NORMAL);
	struct ui_doc d = {0};
	ui_doc_addf(&d, 0, R_TITLE, "Step %zu: %s (%s), %s mode", cs->step + 1,
	    s->scenario_title ? s->scenario_title : s->scenario,
	    s->scenario_id ? s->scenario_id : s->scenario,
	    course_mode_name(s->exam));
	struct buf b = {0};
	buf_printf(&b, "Pass mark %d overall", s->pass);
	for (int k = 0; k < CRIT_COUNT; k++)
		if (s->crit_pass[k] >= 0)
			buf_printf(&b, ", %s %d (mean per reply)",
			    criterion_name((enum criterion)k), s->crit_pass[k]);
	if (sp->attempts)
		buf_printf(&b, ". Your best: %d in %d %s.", sp->best, sp->attempts,
		    sp->attempts == 1 ? "attempt" : "attempts");
	else
		buf_printf(&b, ". Not played in %s mode yet.",
		    course_mode_name(s->exam));
	char *marks = buf_take(&b);
	ui_doc_add(&d, 0, R_NORMAL, marks);
	free(marks);
	if (sp->state == STEP_LOCKED)
		ui_doc_addf(&d, 0, R_BAD, "Locked until step %zu is passed.",
		    cs->step);
	if (s->note)
		ui_doc_add(&d, 0, R_DIM, s->note);
	ui_doc_draw(&d, y + 1, 1, h - 1, COLS - 2, 0);
	ui_doc_free(&d);
}

void
ui_course_draw(struct ui *u)
{
	struct ui_courses *cs = u->cs;
	const struct course *c = open_course(u);
	const struct course_progress *p = open_progress(u);
	char *left = xasprintf("Course: %s", c->title);
	char right[96];
	snprintf(right, sizeof right, "%zu of %zu steps passed; trainee %s",
	    p->passed, c->nsteps, u->trainee);
	ui_bar(0, left, right);
	free(left);
	if (cs->notice)
		ui_puts(1, 1, COLS - 2, cs->notice, cs->notice_good ? R_GOOD : R_BAD);
	if (p->complete)
		ui_puts(2, 1, COLS - 2, "Course complete: every step passed.",
		    R_GOOD);
	else if (p->next != SIZE_MAX)
		ui_printf(2, 1, COLS - 2, R_NORMAL, "Next: step %zu, %s (%s).",
		    p->next + 1, c->steps[p->next].scenario_id,
		    course_mode_name(c->steps[p->next].exam));

	struct cols w = columns();
	const struct ui_heading h[] = {{"#", w.num}, {"Scenario", w.title},
	    {"Mode", w.mode}, {"Pass", w.pass}, {"Best", w.best},
	    {"State", w.state}};
	ui_headings(4, h, sizeof h / sizeof *h);

	int detail_h = LINES >= 24 ? 8 : 5;
	int list_y = 5, list_h = LINES - 1 - list_y - detail_h;
	ui_list_scroll(cs->step, &cs->step_top, list_h);
	for (int i = 0; i < list_h && cs->step_top + (size_t)i < c->nsteps; i++)
		draw_step(u, list_y + i, cs->step_top + (size_t)i,
		    cs->step_top + (size_t)i == cs->step);
	draw_detail(u, LINES - 1 - detail_h, detail_h);
}

void
ui_course_key(struct ui *u, const struct ui_key *k)
{
	struct ui_courses *cs = u->cs;
	const struct course_progress *p = open_progress(u);
	switch (k->act) {
	case ACT_UP:
		if (cs->step > 0)
			cs->step--;
		return;
	case ACT_DOWN:
		if (cs->step + 1 < open_course(u)->nsteps)
			cs->step++;
		return;
	case ACT_ENTER:
		ui_course_play(u, cs->step);
		return;
	case ACT_PLAYNEXT:
		if (p->complete)
			ui_message(u, false, "Course complete: every step passed.");
		else if (p->next != SIZE_MAX)
			ui_course_play(u, p->next);
		return;
	case ACT_BACK:
		ui_courses_enter(u);
		return;
	default:
		return;
	}
}
