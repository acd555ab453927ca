/* course_progress.c: a trainee's progress through a course, from their
 * transcripts. */
#include "course_progress.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "xalloc.h"

const char *
step_state_name(enum step_state s)
{
	static const char *const names[] = {"locked", "open", "failed", "passed"};
	return (unsigned)s < sizeof names / sizeof *names ? names[s] : "?";
}

int
course_criterion_mean(const struct transcript *t, enum criterion c)
{
	if (t->nturns == 0)
		return 0;
	long sum = 0;
	for (size_t i = 0; i < t->nturns; i++)
		sum += t->turns[i].grading.crit[c].score;
	return (int)(sum / (long)t->nturns);
}

static bool
same_step(const struct course_step *s, const struct transcript *t)
{
	return s->scenario_id && t->scenario_id && t->mode && t->status &&
	    strcmp(t->status, "finished") == 0 &&
	    strcmp(s->scenario_id, t->scenario_id) == 0 &&
	    strcmp(t->mode, course_mode_name(s->exam)) == 0;
}

bool
course_step_passed_by(const struct course_step *s, const struct transcript *t)
{
	if (!same_step(s, t) || transcript_overall(t) < s->pass)
		return false;
	for (int c = 0; c < CRIT_COUNT; c++)
		if (s->crit_pass[c] >= 0 &&
		    course_criterion_mean(t, (enum criterion)c) < s->crit_pass[c])
			return false;
	return true;
}

/* Count one transcript against every step it belongs to. */
static void
count_session(struct course_progress *p, const struct course *c,
    const struct transcript *t)
{
	for (size_t i = 0; i < c->nsteps; i++) {
		if (!same_step(&c->steps[i], t))
			continue;
		struct step_progress *sp = &p->v[i];
		int score = transcript_overall(t);
		sp->attempts++;
		if (score > sp->best)
			sp->best = score;
		if (course_step_passed_by(&c->steps[i], t))
			sp->passes++;
	}
}

/* States, in order: a step's lock depends on the one before it. */
static void
settle_states(struct course_progress *p, const struct course *c)
{
	p->next = SIZE_MAX;
	p->passed = 0;
	for (size_t i = 0; i < p->n; i++) {
		struct step_progress *sp = &p->v[i];
		if (sp->passes > 0)
			sp->state = STEP_PASSED;
		else if (i > 0 && c->steps[i].after_previous &&
		    p->v[i - 1].state != STEP_PASSED)
			sp->state = STEP_LOCKED;
		else
			sp->state = sp->attempts ? STEP_FAILED : STEP_OPEN;
		if (sp->state == STEP_PASSED)
			p->passed++;
		else if (sp->state != STEP_LOCKED && p->next == SIZE_MAX)
			p->next = i;
	}
	p->complete = p->n > 0 && p->passed == p->n;
}

static bool
is_json_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0;
}

int
course_progress_scan(struct course_progress *p, const struct course *c,
    const char *data_dir, const char *trainee, struct diags *d)
{
	memset(p, 0, sizeof *p);
	p->n = c->nsteps;
	p->v = xcalloc(p->n ? p->n : 1, sizeof *p->v);
	for (size_t i = 0; i < p->n; i++)
		p->v[i].best = -1;
	int count = 0;
	char *dir = transcript_dir(data_dir, trainee);
	DIR *dp = datadir_kind(dir) == DATADIR_DIR ? opendir(dir) : NULL;
	if (dp) {
		struct dirent *de;
		while ((de = readdir(dp)) != NULL) {
			if (!is_json_name(de->d_name))
				continue;
			char *path = xasprintf("%s/%s", dir, de->d_name);
			struct transcript t = {0};
			struct diags mine = {0};
			enum datadir_kind k = datadir_kind(path);
			if (k != DATADIR_FILE) {
				diags_add(d, DIAG_WARNING, path, 0, 0, NULL,
				    "left out of the progress: it %s",
				    datadir_refusal(k, DATADIR_FILE));
			} else if (transcript_load(&t, path, &mine) == 0) {
				count_session(p, c, &t);
				count++;
			} else {
				diags_add(d, DIAG_WARNING, path, 0, 0, NULL,
				    "transcript left out of the progress: %s",
				    mine.n ? mine.v[0].msg : "cannot be read");
			}
			diags_free(&mine);
			transcript_free(&t);
			free(path);
		}
		closedir(dp);
	}
	free(dir);
	settle_states(p, c);
	return count;
}

char *
step_state_text(const struct step_progress *sp)
{
	if (sp->state == STEP_FAILED)
		return xasprintf("failed (%d %s)", sp->attempts,
		    sp->attempts == 1 ? "attempt" : "attempts");
	return xstrdup(step_state_name(sp->state));
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t
course_dir_load(struct course **v, const char *dir, const char *scenarios_dir,
    struct diags *d)
{
	*v = NULL;
	DIR *dp = opendir(dir);
	if (dp == NULL) {
		diags_add(d, DIAG_ERROR, dir, 0, 0, NULL,
		    "cannot read the courses directory");
		return 0;
	}
	char **names = NULL;
	size_t nnames = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (!is_json_name(de->d_name))
			continue;
		names = xgrow(names, &cap, nnames + 1, sizeof *names);
		names[nnames++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (nnames)
		qsort(names, nnames, sizeof *names, by_name);
	*v = xcalloc(nnames ? nnames : 1, sizeof **v);
	size_t n = 0;
	for (size_t i = 0; i < nnames; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		if (course_load(&(*v)[n], path, scenarios_dir, d) == 0)
			n++;
		else
			course_free(&(*v)[n]);
		free(path);
		free(names[i]);
	}
	free(names);
	return n;
}

void
course_dir_free(struct course *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		course_free(&v[i]);
	free(v);
}

void
course_progress_free(struct course_progress *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}
