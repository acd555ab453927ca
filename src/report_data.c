/* report_data.c: reading the sessions of a data directory, with their
 * reviews, for reports and calibration. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "report.h"
#include "trainee.h"
#include "xalloc.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmp_session(const void *a, const void *b)
{
	const struct report_session *x = a, *y = b;
	int c = strcmp(x->trainee, y->trainee);
	if (c == 0)
		c = strcmp(x->t.started ? x->t.started : "",
		    y->t.started ? y->t.started : "");
	if (c == 0)
		c = strcmp(x->t.path, y->t.path);
	return c;
}

static bool
is_transcript_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0 &&
	    !review_is_sidecar(name);
}

/* The file names in dir that pass keep(), sorted; NULL-free list. */
static char **
list_dir(const char *dir, bool (*keep)(const char *), size_t *n, int *err)
{
	*n = 0;
	*err = 0;
	DIR *dp = opendir(dir);
	if (dp == NULL) {
		*err = errno;
		return NULL;
	}
	char **v = NULL;
	size_t cap = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (!keep(de->d_name))
			continue;
		v = xgrow(v, &cap, *n + 1, sizeof *v);
		v[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (*n > 1)
		qsort(v, *n, sizeof *v, cmp_str);
	return v;
}

static bool
is_visible(const char *name)
{
	return name[0] != '.';
}

static void
free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Warn about reviews made on another version of the transcript. */
static void
check_hashes(const struct report_session *s, struct diags *d)
{
	if (s->reviews.n == 0)
		return;
	char hash[72];
	struct diags mine = {0};
	if (review_file_hash(s->t.path, hash, &mine) != 0) {
		diags_free(&mine);
		return;
	}
	for (size_t i = 0; i < s->reviews.n; i++) {
		const struct review *r = &s->reviews.v[i];
		if (r->transcript_sha256 && strcmp(r->transcript_sha256, hash) != 0)
			diags_add(d, DIAG_WARNING, r->path, 0, 0, NULL,
			    "the transcript changed after %s's review; "
			    "the overrides still apply to the turns they name",
			    r->reviewer ? r->reviewer : "the reviewer");
	}
}

/* Load every transcript of one trainee into rd. */
static void
load_trainee(struct report_data *rd, size_t *cap, const char *data_dir,
    const char *name, bool named, struct diags *d)
{
	char *dir = transcript_dir(data_dir, name);
	size_t n = 0;
	int err = 0;
	enum datadir_kind dk = datadir_kind(dir);
	char **files = NULL;
	if (dk == DATADIR_DIR || dk == DATADIR_MISSING)
		files = list_dir(dir, is_transcript_name, &n, &err);
	else
		diags_add(d, DIAG_WARNING, dir, 0, 0, NULL,
		    "trainee directory left out: it %s", datadir_refusal(dk,
		    DATADIR_DIR));
	if (files == NULL && err != 0 && err != ENOENT)
		diags_add(d, DIAG_WARNING, dir, 0, 0, NULL,
		    "cannot read the directory: %s", strerror(err));
	size_t found = 0;
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, files[i]);
		struct report_session s = {0};
		struct diags mine = {0};
		enum datadir_kind fk = datadir_kind(path);
		if (fk != DATADIR_FILE) {
			diags_add(d, DIAG_WARNING, path, 0, 0, NULL,
			    "left out of the report: it %s", datadir_refusal(fk,
			    DATADIR_FILE));
		} else if (transcript_load(&s.t, path, &mine) != 0) {
			for (size_t k = 0; k < mine.n; k++)
				mine.v[k].sev = DIAG_WARNING;
			diags_add(d, DIAG_WARNING, path, 0, 0, NULL,
			    "transcript left out of the report: it cannot be read");
			diags_move(d, &mine);
			transcript_free(&s.t);
		} else if (s.t.nturns == 0) {
			found++;
			transcript_free(&s.t); /* nothing played yet */
		} else {
			found++;
			review_load_all(path, &s.reviews, &mine);
			for (size_t k = 0; k < mine.n; k++)
				mine.v[k].sev = DIAG_WARNING;
			diags_move(d, &mine);
			check_hashes(&s, d);
			s.trainee = xstrdup(name);
			rd->v = xgrow(rd->v, cap, rd->n + 1, sizeof *rd->v);
			rd->v[rd->n++] = s;
		}
		diags_free(&mine);
		free(path);
	}
	if (named && found == 0)
		diags_add(d, DIAG_WARNING, NULL, 0, 0, NULL,
		    "no transcripts for trainee \"%s\"", name);
	free_list(files, n);
	free(dir);
}

static void
add_name(struct report_data *rd, size_t *cap, const char *name)
{
	for (size_t i = 0; i < rd->ntrainees; i++)
		if (strcmp(rd->trainees[i], name) == 0)
			return;
	rd->trainees = xgrow(rd->trainees, cap, rd->ntrainees + 1,
	    sizeof *rd->trainees);
	rd->trainees[rd->ntrainees++] = xstrdup(name);
}

int
report_data_load(struct report_data *rd, const char *data_dir,
    const char *const *names, size_t nnames, struct diags *d)
{
	memset(rd, 0, sizeof *rd);
	size_t ncap = 0, scap = 0;
	char *top_dir = xasprintf("%s/transcripts", data_dir);
	enum datadir_kind tk = datadir_kind(top_dir);
	if (tk != DATADIR_DIR && tk != DATADIR_MISSING) {
		diags_add(d, DIAG_ERROR, top_dir, 0, 0, NULL,
		    "cannot be read as the transcripts directory: it %s",
		    datadir_refusal(tk, DATADIR_DIR));
		free(top_dir);
		return -1;
	}
	free(top_dir);
	if (nnames > 0) {
		for (size_t i = 0; i < nnames; i++) {
			const char *why;
			if (!trainee_valid(names[i], &why))
				diags_add(d, DIAG_WARNING, NULL, 0, 0, NULL,
				    "trainee name \"%s\" left out: %s", names[i],
				    why);
			else
				add_name(rd, &ncap, names[i]);
		}
	} else {
		char *top = xasprintf("%s/transcripts", data_dir);
		size_t n = 0;
		int err = 0;
		char **dirs = list_dir(top, is_visible, &n, &err);
		if (dirs == NULL && err != 0) {
			if (err == ENOENT) {
				diags_add(d, DIAG_WARNING, top, 0, 0, NULL,
				    "no transcripts yet");
			} else {
				diags_add(d, DIAG_ERROR, top, 0, 0, NULL,
				    "cannot read the directory: %s", strerror(err));
				free(top);
				return -1;
			}
		}
		for (size_t i = 0; i < n; i++) {
			char *name = trainee_from_dirname(dirs[i]);
			char *sub = xasprintf("%s/%s", top, dirs[i]);
			enum datadir_kind k = datadir_kind(sub);
			free(sub);
			if (name && k != DATADIR_DIR) {
				diags_add(d, DIAG_WARNING, top, 0, 0, NULL,
				    "\"%s\" left out: it %s", dirs[i],
				    datadir_refusal(k, DATADIR_DIR));
			} else if (name == NULL)
				diags_add(d, DIAG_WARNING, top, 0, 0, NULL,
				    "\"%s\" is not a trainee directory; left out",
				    dirs[i]);
			else
				add_name(rd, &ncap, name);
			free(name);
		}
		free_list(dirs, n);
		free(top);
	}
	if (rd->ntrainees > 1)
		qsort(rd->trainees, rd->ntrainees, sizeof *rd->trainees, cmp_str);
	for (size_t i = 0; i < rd->ntrainees; i++)
		load_trainee(rd, &scap, data_dir, rd->trainees[i], nnames > 0, d);
	if (rd->n > 1)
		qsort(rd->v, rd->n, sizeof *rd->v, cmp_session);
	return 0;
}

void
report_data_free(struct report_data *rd)
{
	for (size_t i = 0; i < rd->n; i++) {
		free(rd->v[i].trainee);
		transcript_free(&rd->v[i].t);
		review_set_free(&rd->v[i].reviews);
	}
	free(rd->v);
	free_list(rd->trainees, rd->ntrainees);
	memset(rd, 0, sizeof *rd);
}

struct report_label
report_label(const struct report_session *s, size_t i, enum criterion c)
{
	const struct transcript_turn *tu = &s->t.turns[i];
	const struct crit_result *cr = &tu->grading.crit[c];
	struct report_label l = {cr->detected, cr->met, cr->score, false};
	const struct review_note *n = review_set_override(&s->reviews, tu->n, c,
	    NULL);
	if (n) {
		l.overridden = true;
		l.detected = n->detected;
		l.met = n->detected || (c == CRIT_APOLOGY && !tu->at_fault);
		l.score = l.met ? 100 : 0;
	}
	return l;
}
