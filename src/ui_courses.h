/* ui_courses.h: the state the two course screens share — the list of
 * courses (ui_courses.c) and one course with its steps (ui_course.c).
 * Owned by struct ui (u->cs) for as long as irate runs, so the selection
 * survives playing a step and coming back. */
#ifndef IRATE_UI_COURSES_H
#define IRATE_UI_COURSES_H

#include <stdbool.h>
#include <stddef.h>

#include "course.h"
#include "course_progress.h"
#include "scenario.h"

struct ui;

struct ui_courses {
	struct course *v;          /* the courses of the courses directory */
	size_t n;
	char *dir;                 /* that directory */
	size_t problems;           /* course files left out */
	char *problem;             /* the first problem, formatted, or NULL */
	struct course_progress *p; /* the trainee's progress, one per course */
	size_t sel, top;           /* the list's selection */
	/* the course view */
	size_t open;               /* the course shown: an index into v */
	size_t step, step_top;     /* the selected step */
	/* the step being played, and what came of it */
	size_t play_step;
	struct scenario sc;        /* its scenario (u->sc borrows it) */
	bool have_sc;
	char *notice;              /* "Step 2 passed." or why not, or NULL */
	bool notice_good;
};

/* Read every course's progress again for u->trainee. */
void ui_courses_scan(struct ui *u);
/* Play step i of the open course in the step's mode.  A locked step is
 * refused with a message.  Returns 0, or -1 with a message set. */
int ui_course_play(struct ui *u, size_t i);
/* Show the course at index ci, the next step selected. */
void ui_course_open(struct ui *u, size_t ci);

#endif
