/* course.h: a training course — scenarios to play in order, each in a mode
 * and with a pass mark.
 *
 * course_load() reads a course file (docs/course-format.md), checks its
 * structure, finds each step's scenario (a shipped id or a path relative to
 * the course file) and reports every problem located with its JSON path;
 * course_lint() then finds what loads but makes no sense (the same step
 * twice, a scenario that does not load).  No printing, no curses.
 * A struct course owns every string and array inside it; course_free()
 * releases them. */
#ifndef IRATE_COURSE_H
#define IRATE_COURSE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "grading.h"

#define COURSE_FORMAT 1 /* the format major version this reader knows */

struct course_step {
	char *scenario;        /* as written in the file: an id or a path */
	char *file;            /* the scenario file it resolves to, or NULL */
	char *scenario_id;     /* the id inside that file, or NULL */
	char *scenario_title;  /* its title, or NULL */
	bool exam;             /* "mode": "exam" (else "practice") */
	int pass;              /* overall pass mark 0..100 */
	int crit_pass[CRIT_COUNT]; /* per-criterion mean pass marks; -1 unset */
	bool after_previous;   /* "unlock": "after_previous" (else "always") */
	char *note;            /* or NULL */
	char *path;            /* JSON path, e.g. steps[2] */
	int line, col;         /* where the step stands in the file */
};

struct course {
	char *file;            /* path it was loaded from */
	int format;
	char *id, *title, *summary;
	struct course_step *steps;
	size_t nsteps;
};

/* Does the file at path look like a course (a JSON object whose "kind" is
 * "course")?  False for anything unreadable; reports nothing. */
bool course_file_is_course(const char *path);

/* Load and check a course file.  Step scenarios named by id are looked up
 * in scenarios_dir (as library_resolve() does); paths are relative to the
 * course file's directory.  Returns 0 and fills *c when every step can be
 * played (warnings may still be added to d); -1 when not, with every
 * problem found added to d as file:line:col with its JSON path.  *c is
 * always safe to pass to course_free() afterwards. */
int course_load(struct course *c, const char *path, const char *scenarios_dir,
    struct diags *d);
/* Checks beyond the structure, on a loaded course (or one whose loading
 * found errors — missing parts are skipped): the same scenario twice in the
 * same mode, step scenarios that do not load or lint clean.  Adds each
 * problem to d; returns how many. */
int course_lint(const struct course *c, struct diags *d);
void course_free(struct course *c);

/* "practice" or "exam". */
const char *course_mode_name(bool exam);

#endif
