/* history.c: a trainee's record per scenario from their transcripts. */
#include "history.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "review.h"
#include "transcript.h"
#include "xalloc.h"

static struct history_entry *
entry_get(struct history *h, const char *id)
{
	size_t lo = 0, hi = h->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(id, h->v[mid].scenario_id);
		if (c == 0)
			return &h->v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof *h->v);
	memmove(h->v + lo + 1, h->v + lo, (h->n - lo) * sizeof *h->v);
	h->n++;
	struct history_entry *e = &h->v[lo];
	memset(e, 0, sizeof *e);
	e->scenario_id = xstrdup(id);
	e->best = -1;
	return e;
}

static void
entry_count(struct history *h, const struct transcript *t)
{
	struct history_entry *e = entry_get(h, t->scenario_id);
	int score = transcript_overall(t);
	bool finished = strcmp(t->status, "finished") == 0;
	e->sessions++;
	if (finished) {
		e->finished++;
		if (score > e->best) {
			e->best = score;
			e->best_ending = t->ending;
		}
	}
	const char *started = t->started ? t->started : "";
	if (e->last_started == NULL || strcmp(started, e->last_started) >= 0) {
		free(e->last_started);
		free(e->last_status);
		e->last_started = xstrdup(started);
		e->last_status = xstrdup(t->status);
		e->last_ending = finished ? t->ending : END_NONE;
		e->last_score = score;
		free(e->resume_path);
		e->resume_path = NULL;
		if (!finished && t->nturns > 0 && t->path &&
		    (t->turn_limit <= 0 || t->nturns < (size_t)t->turn_limit)) {
			e->resume_path = xstrdup(t->path);
			e->resume_turns = (int)t->nturns;
			e->resume_exam = t->mode && strcmp(t->mode, "exam") == 0;
		}
	}
}

/* A transcript's file name: *.json, not hidden, not a review sidecar. */
static bool
is_transcript_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0 &&
	    !review_is_sidecar(name);
}

int
history_scan(struct history *h, const char *data_dir, const char *trainee,
    const char *skip_path, struct diags *d)
{
	memset(h, 0, sizeof *h);
	char *dir = transcript_dir(data_dir, trainee);
	DIR *dp = datadir_kind(dir) == DATADIR_DIR ? opendir(dir) : NULL;
	int count = 0;
	if (dp == NULL) {
		free(dir);
		return 0;
	}
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (!is_transcript_name(de->d_name))
			continue;
		char *path = xasprintf("%s/%s", dir, de->d_name);
		if (skip_path && strcmp(path, skip_path) == 0) {
			free(path);
			continue;
		}
		struct transcript t = {0};
		struct diags mine = {0};
		enum datadir_kind k = datadir_kind(path);
		if (k != DATADIR_FILE) {
			diags_add(d, DIAG_WARNING, path, 0, 0, NULL,
			    "left out of the history: it %s", datadir_refusal(k,
			    DATADIR_FILE));
		} else if (transcript_load(&t, path, &mine) == 0 &&
		    t.scenario_id && t.status) {
			entry_count(h, &t);
			count++;
		} else {
			diags_add(d, DIAG_WARNING, path, 0, 0, NULL,
			    "transcript left out of the history: %s",
			    mine.n ? mine.v[0].msg : "cannot be read");
		}
		diags_free(&mine);
		transcript_free(&t);
		free(path);
	}
	closedir(dp);
	free(dir);
	return count;
}

const struct history_entry *
history_find(const struct history *h, const char *id)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->v[i].scenario_id, id) == 0)
			return &h->v[i];
	return NULL;
}

const struct history_entry *
history_newest_resumable(const struct history *h)
{
	const struct history_entry *best = NULL;
	for (size_t i = 0; i < h->n; i++) {
		const struct history_entry *e = &h->v[i];
		if (e->resume_path && (best == NULL ||
		    strcmp(e->last_started, best->last_started) > 0))
			best = e;
	}
	return best;
}

const char *
history_last_word(const struct history_entry *e)
{
	if (e == NULL || e->last_status == NULL)
		return "";
	if (strcmp(e->last_status, "finished") == 0)
		return ending_name(e->last_ending);
	if (strcmp(e->last_status, "in_progress") == 0)
		return "in progress";
	if (strcmp(e->last_status, "unfinished") == 0)
		return "unfinished";
	if (strcmp(e->last_status, "interrupted") == 0)
		return "interrupted";
	return "?";
}

void
history_free(struct history *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->v[i].scenario_id);
		free(h->v[i].last_started);
		free(h->v[i].last_status);
		free(h->v[i].resume_path);
	}
	free(h->v);
	memset(h, 0, sizeof *h);
}
