/* cmd_course.c: `irate course` — a course and the trainee's progress
 * through it; --next plays the next step; lint of course files. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "course.h"
#include "course_progress.h"
#include "diag.h"
#include "paths.h"
#include "play.h"
#include "score.h"
#include "termtext.h"
#include "trainee.h"
#include "transcript.h"
#include "xalloc.h"

void
cmd_course_usage(FILE *f)
{
	termtext_printf(f,
	    "usage: irate course [COURSE]\n"
	    "       irate course --status COURSE\n"
	    "       irate course --next [--seed N] [--plain] COURSE\n"
	    "\n"
	    "A course is a list of scenarios to play in order, each in practice\n"
	    "or exam mode and with a pass mark (docs/course-format.md).  COURSE is\n"
	    "a course file or the id of a shipped course; with none, the shipped\n"
	    "courses are listed with the trainee's progress.  Progress is read\n"
	    "from the trainee's transcripts: a step is passed by one finished\n"
	    "session of its scenario, in its mode, at its pass mark(s).\n"
	    "\n"
	    "  (none)     the course, its steps and the trainee's progress\n"
	    "  --status   only the progress table: step, scenario, mode, pass mark,\n"
	    "             best score, state (locked, open, failed, passed)\n"
	    "  --next     play the next unlocked step that is not passed yet, then\n"
	    "             show the progress: the terminal interface on a terminal,\n"
	    "             plain lines with --plain or when stdin is not a terminal\n"
	    "  --seed N   for --next: the customer's line variants, as in play\n"
	    "\n"
	    "irate lint checks course files too.  Exit status: 0 success (with\n"
	    "--next, the session reached an ending, or the course is complete);\n"
	    "1 the course cannot be used; 2 usage; 3 the session stopped before\n"
	    "an ending (what was played is saved).\n");
}

/* Resolve what the user typed: an existing file, else a shipped course
 * id (<courses>/<id>.json).  Caller frees; NULL if neither. */
static char *
course_resolve(const char *what)
{
	struct stat st;
	if (stat(what, &st) == 0 && S_ISREG(st.st_mode))
		return xstrdup(what);
	if (strchr(what, '/'))
		return NULL;
	char *dir = paths_courses_dir(NULL);
	char *p = xasprintf("%s/%s.json", dir, what);
	free(dir);
	if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
		return p;
	free(p);
	return NULL;
}

/* The pass marks of a step: "65" or "65, empathy 50, calm 80". */
static void
print_marks(FILE *f, const struct course_step *s)
{
	termtext_printf(f, "%d", s->pass);
	for (int c = 0; c < CRIT_COUNT; c++)
		if (s->crit_pass[c] >= 0)
			termtext_printf(f, ", %s %d", criterion_name((enum criterion)c),
			    s->crit_pass[c]);
}

static void
print_state(FILE *f, const struct step_progress *sp)
{
	termtext_puts(step_state_name(sp->state), f);
	if (sp->state == STEP_FAILED)
		termtext_printf(f, " (%d %s)", sp->attempts,
		    sp->attempts == 1 ? "attempt" : "attempts");
}

/* The progress table; notes under each step when with_notes. */
static void
print_table(FILE *f, const struct course *c, const struct course_progress *p,
    const char *trainee, bool with_notes)
{
	termtext_printf(f, "%s: %zu of %zu steps passed (trainee %s)\n", c->title,
	    p->passed, c->nsteps, trainee);
	termtext_printf(f, "  #  %-26s %-8s  %4s  %4s  %s\n", "scenario", "mode", "pass",
	    "best", "state");
	for (size_t i = 0; i < c->nsteps; i++) {
		const struct course_step *s = &c->steps[i];
		const struct step_progress *sp = &p->v[i];
		char best[16] = "-";
		if (sp->best >= 0)
			snprintf(best, sizeof best, "%d", sp->best);
		termtext_printf(f, "%3zu  %-26s %-8s  %4d  %4s  ", i + 1,
		    s->scenario_id ? s->scenario_id : s->scenario,
		    course_mode_name(s->exam), s->pass, best);
		print_state(f, sp);
		fputc('\n', f);
		bool crit = false;
		for (int k = 0; k < CRIT_COUNT; k++)
			crit |= s->crit_pass[k] >= 0;
		if (crit) {
			termtext_printf(f, "     %-26s also: ", "");
			bool first = true;
			for (int k = 0; k < CRIT_COUNT; k++) {
				if (s->crit_pass[k] < 0)
					continue;
				termtext_printf(f, "%s%s %d", first ? "" : ", ",
				    criterion_name((enum criterion)k), s->crit_pass[k]);
				first = false;
			}
			termtext_puts(" (mean per reply)\n", f);
		}
		if (with_notes && s->note)
			termtext_printf(f, "     %s\n", s->note);
	}
	if (p->complete)
		termtext_printf(f, "Course complete: every step passed.\n");
	else if (p->next != SIZE_MAX)
		termtext_printf(f, "Next: step %zu, %s (%s).\n", p->next + 1,
		    c->steps[p->next].scenario_id, course_mode_name(c->steps[p->next].exam));
}

/* Load a course, printing its problems; 0 or -1. */
static int
load_course(struct course *c, const char *path)
{
	char *scen = paths_scenarios_dir(NULL);
	struct diags d = {0};
	int rc = course_load(c, path, scen, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	free(scen);
	return rc;
}

static void
scan_progress(struct course_progress *p, const struct course *c,
    const char *data_dir, const char *trainee)
{
	struct diags d = {0};
	course_progress_scan(p, c, data_dir, trainee, &d);
	diags_print(&d, stderr);
	diags_free(&d);
}

/* Every shipped course, one line each with the trainee's progress. */
static int
list_courses(const char *data_dir, const char *trainee)
{
	char *dir = paths_courses_dir(NULL);
	char *scen = paths_scenarios_dir(NULL);
	struct diags d = {0};
	struct course *v;
	size_t n = course_dir_load(&v, dir, scen, &d);
	diags_print(&d, stderr);
	int rc = n == 0 && d.nerrors > 0 ? EXIT_PROBLEMS : EXIT_OK;
	diags_free(&d);
	for (size_t i = 0; i < n; i++) {
		struct course_progress p;
		scan_progress(&p, &v[i], data_dir, trainee);
		termtext_printf(stdout, "%-24s %-30s %zu of %zu steps passed\n",
		    v[i].id, v[i].title, p.passed, v[i].nsteps);
		course_progress_free(&p);
	}
	if (n == 0)
		termtext_printf(stdout, "No courses in %s.\n", dir);
	else
		termtext_printf(stdout, "irate course ID shows one; irate course --next ID plays its next step.\n");
	course_dir_free(v, n);
	free(scen);
	free(dir);
	return rc;
}

/* Play the next step of c; prints the progress after it. */
static int
play_next(const struct course *c, const struct globals *g,
    struct play_options *o)
{
	struct course_progress p;
	scan_progress(&p, c, o->data_dir, o->trainee);
	if (p.complete || p.next == SIZE_MAX) {
		print_table(stdout, c, &p, o->trainee, false);
		course_progress_free(&p);
		return EXIT_OK;
	}
	size_t i = p.next;
	const struct course_step *s = &c->steps[i];
	course_progress_free(&p);
	termtext_printf(stdout, "Course %s, step %zu of %zu: %s (%s mode, pass mark ", c->title,
	    i + 1, c->nsteps, s->scenario_title, course_mode_name(s->exam));
	print_marks(stdout, s);
	termtext_printf(stdout, ")\n");
	if (s->note)
		termtext_printf(stdout, "Note: %s\n", s->note);
	fflush(stdout);

	char *assets = paths_assets_dir(g->assets_dir);
	struct scorer *scorer = NULL;
	struct diags d = {0};
	int rc = EXIT_PROBLEMS;
	if (scorer_load(assets, "en", &scorer, &d) != 0) {
		diags_print(&d, stderr);
		termtext_printf(stderr, "irate: cannot load the lexicon from %s\n", assets);
		goto out;
	}
	o->exam = s->exam;
	bool plain = g->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO);
	rc = plain ? play_plain(s->file, scorer, o) : ui_run(s->file, scorer, o);
	scan_progress(&p, c, o->data_dir, o->trainee);
	termtext_printf(stdout, "\n");
	if (p.v[i].state == STEP_PASSED)
		termtext_printf(stdout, "Step %zu passed.\n", i + 1);
	else
		termtext_printf(stdout, "Step %zu not passed yet (pass mark %d, best %d).\n", i + 1,
		    s->pass, p.v[i].best);
	print_table(stdout, c, &p, o->trainee, false);
	course_progress_free(&p);
out:
	diags_free(&d);
	scorer_free(scorer);
	free(assets);
	return rc;
}

int
cmd_course(int argc, char **argv, const struct globals *g)
{
	enum { SHOW, STATUS, NEXT } what = SHOW;
	struct play_options o = {.seed = 0};
	const char *name = NULL;
	int seed;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--status") == 0) {
			what = STATUS;
		} else if (strcmp(a, "--next") == 0) {
			what = NEXT;
		} else if ((seed = cmd_seed_option("course", argc, argv, &i, &o.seed)) != 0) {
			if (seed < 0)
				return EXIT_USAGE;
			o.seed_given = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cmd_course_usage(stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--") == 0) {
			continue;
		} else if (a[0] == '-' && a[1] != '\0') {
			termtext_printf(stderr, "irate course: unknown option %s\n", a);
			return EXIT_USAGE;
		} else if (name == NULL) {
			name = a;
		} else {
			termtext_printf(stderr, "irate course: one course at a time\n");
			return EXIT_USAGE;
		}
	}
	if (name == NULL && what != SHOW) {
		termtext_printf(stderr, "irate course: name a course (a file or an id)\n");
		return EXIT_USAGE;
	}
	if (!o.seed_given)
		o.seed = cmd_random_seed();

	int rc = EXIT_PROBLEMS;
	char *data_dir = paths_data_dir(g->data_dir);
	char *scen_dir = paths_scenarios_dir(NULL);
	char *trainee = trainee_choose(g->trainee, data_dir);
	char *path = NULL;
	struct course c = {0};
	const char *why;
	if (!trainee_valid(trainee, &why)) {
		termtext_printf(stderr, "irate: trainee name refused: %s\n", why);
		rc = EXIT_USAGE;
		goto out;
	}
	if (name == NULL) {
		rc = list_courses(data_dir, trainee);
		goto out;
	}
	path = course_resolve(name);
	if (path == NULL) {
		termtext_printf(stderr, "irate course: no course file or id \"%s\"\n", name);
		goto out;
	}
	if (load_course(&c, path) != 0)
		goto out;
	if (what == NEXT) {
		if (mkdir_p(data_dir) == 0)
			trainee_remember(data_dir, trainee);
		o.trainee = trainee;
		o.data_dir = data_dir;
		o.scenarios_dir = scen_dir;
		o.no_color = g->no_color;
		rc = play_next(&c, g, &o);
		goto out;
	}
	struct course_progress p;
	scan_progress(&p, &c, data_dir, trainee);
	if (what == SHOW)
		termtext_printf(stdout, "%s\n%s\n\n", c.title, c.summary);
	print_table(stdout, &c, &p, trainee, what == SHOW);
	course_progress_free(&p);
	rc = EXIT_OK;
out:
	course_free(&c);
	free(path);
	free(trainee);
	free(scen_dir);
	free(data_dir);
	return rc;
}

int
cmd_course_lint_file(const char *path, bool quiet)
{
	struct course c;
	struct diags d = {0};
	char *scen = paths_scenarios_dir(NULL);
	course_load(&c, path, scen, &d);
	course_lint(&c, &d);
	diags_print(&d, stderr);
	int rc = d.n > 0 ? EXIT_PROBLEMS : EXIT_OK;
	if (rc == EXIT_OK && !quiet)
		termtext_printf(stdout, "%s: ok (course, %zu steps)\n", path, c.nsteps);
	diags_free(&d);
	course_free(&c);
	free(scen);
	return rc;
}
