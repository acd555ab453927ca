/* course_lint.c: checks on a loaded course beyond its structure. */
#include "course.h"

#include <stdlib.h>
#include <string.h>

#include "scenario_lint.h"
#include "scenario.h"

/* The same scenario twice in the same mode: one session passes both. */
static int
lint_duplicates(const struct course *c, struct diags *d)
{
	int n = 0;
	for (size_t i = 0; i < c->nsteps; i++) {
		const struct course_step *s = &c->steps[i];
		if (s->scenario_id == NULL)
			continue;
		for (size_t j = 0; j < i; j++) {
			const struct course_step *t = &c->steps[j];
			if (t->scenario_id && strcmp(s->scenario_id, t->scenario_id) == 0 &&
			    s->exam == t->exam) {
				diags_add(d, DIAG_ERROR, c->file, s->line, s->col, s->path,
				    "the same scenario \"%s\" in %s mode as %s (line %d): "
				    "one session would pass both", s->scenario_id,
				    course_mode_name(s->exam), t->path, t->line);
				n++;
				break;
			}
		}
	}
	return n;
}

/* A step whose scenario loads but does not lint clean. */
static int
lint_scenarios(const struct course *c, struct diags *d)
{
	int n = 0;
	for (size_t i = 0; i < c->nsteps; i++) {
		const struct course_step *s = &c->steps[i];
		if (s->file == NULL || s->scenario_id == NULL)
			continue;
		struct scenario sc;
		struct diags sd = {0};
		if (scenario_load(&sc, s->file, &sd) == 0)
			scenario_lint(&sc, &sd);
		if (sd.n > 0) {
			diags_add(d, sd.nerrors ? DIAG_ERROR : DIAG_WARNING, c->file,
			    s->line, s->col, s->path,
			    "the scenario %s has %zu %s (irate lint %s shows them)",
			    s->file, sd.n, sd.n == 1 ? "problem" : "problems",
			    s->file);
			n++;
		}
		diags_free(&sd);
		scenario_free(&sc);
	}
	return n;
}

int
course_lint(const struct course *c, struct diags *d)
{
	size_t from = d->n;
	int n = lint_duplicates(c, d) + lint_scenarios(c, d);
	diags_sort(d, from);
	return n;
}
