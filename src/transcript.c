/* transcript.c: creating, saving (atomically) and loading transcripts. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "transcript.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "buf.h"
#include "datadir.h"
#include "grading_json.h"
#include "jsondoc.h"
#include "trainee.h"
#include "xalloc.h"

#define MAX_SEED 9007199254740991.0 /* 2^53 - 1: exact in a JSON number */

static char *
now_iso(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	char buf[32];
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return xstrdup(buf);
}

int
mkdir_p(const char *dir)
{
	char *p = xstrdup(dir);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	int rc = mkdir(p, 0700);
	free(p);
	if (rc != 0 && errno != EEXIST)
		return -1;
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

char *
transcript_dir(const char *data_dir, const char *trainee)
{
	char *enc = trainee_dirname(trainee);
	char *dir = xasprintf("%s/transcripts/%s", data_dir, enc);
	free(enc);
	return dir;
}

static uint64_t
random_bits(void)
{
	uint64_t r = 0;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (read(fd, &r, sizeof r) != (ssize_t)sizeof r)
			r = 0;
		close(fd);
	}
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return r ^ ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)getpid();
}

static char *transcript_text(const struct transcript *t);

static void
resumed_add(struct transcript *t, const char *when)
{
	t->resumed.v = xrealloc(t->resumed.v,
	    (t->resumed.n + 1) * sizeof *t->resumed.v);
	t->resumed.v[t->resumed.n++] = xstrdup(when);
}

/* Create the data directory, then <data>/transcripts and the trainee's
 * directory in it as real directories: a symbolic link (or anything else)
 * placed at either is refused, never followed. */
static int
make_trainee_dir(const char *data_dir, const char *dir, struct diags *d)
{
	if (mkdir_p(data_dir) != 0) {
		diags_add(d, DIAG_ERROR, data_dir, 0, 0, NULL,
		    "cannot create the data directory: %s", strerror(errno));
		return -1;
	}
	char *top = xasprintf("%s/transcripts", data_dir);
	const char *steps[] = {top, dir};
	int rc = 0;
	for (size_t i = 0; i < 2 && rc == 0; i++) {
		enum datadir_kind k = datadir_kind(steps[i]);
		if (k == DATADIR_MISSING && mkdir(steps[i], 0700) != 0 &&
		    errno != EEXIST) {
			diags_add(d, DIAG_ERROR, steps[i], 0, 0, NULL,
			    "cannot create the transcript directory: %s",
			    strerror(errno));
			rc = -1;
			break;
		}
		k = datadir_kind(steps[i]);
		if (k != DATADIR_DIR) {
			diags_add(d, DIAG_ERROR, steps[i], 0, 0, NULL,
			    "refused as the transcript directory: it %s",
			    datadir_refusal(k, DATADIR_DIR));
			rc = -1;
		}
	}
	free(top);
	return rc;
}

int
transcript_create(struct transcript *t, const char *data_dir,
    const char *trainee, const struct scenario *sc, const char *mode,
    uint64_t seed, const char *opening, struct diags *d)
{
	memset(t, 0, sizeof *t);
	const char *why;
	if (!trainee_valid(trainee, &why)) {
		diags_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
		    "trainee name refused: %s", why);
		return -1;
	}
	t->format = TRANSCRIPT_FORMAT;
	t->trainee = xstrdup(trainee);
	t->scenario_id = xstrdup(sc->id ? sc->id : "");
	t->scenario_title = xstrdup(sc->title ? sc->title : "");
	/* Absolute, so a reviewer re-grading from elsewhere finds it. */
	char *abs = sc->file ? realpath(sc->file, NULL) : NULL;
	t->scenario_file = xstrdup(abs ? abs : sc->file ? sc->file : "");
	free(abs);
	t->scenario_hash = xstrdup(sc->hash ? sc->hash : "");
	t->mode = xstrdup(mode);
	t->seed = seed;
	t->started = now_iso();
	t->updated = xstrdup(t->started);
	t->status = xstrdup("in_progress");
	t->start_mood = t->mood = sc->start_mood;
	t->turn_limit = sc->turn_limit;
	t->opening = opening ? xstrdup(opening) : NULL;

	char *dir = transcript_dir(data_dir, trainee);
	if (make_trainee_dir(data_dir, dir, d) != 0) {
		free(dir);
		return -1;
	}
	/* Reserve a unique name: stamp, scenario, process and random bits. */
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	/* The file appears complete or not at all (atomic_create_file). */
	char *text = transcript_text(t);
	if (text == NULL) {
		diags_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
		    "cannot serialise the transcript");
		free(dir);
		return -1;
	}
	for (int attempt = 0; attempt < 100 && t->path == NULL; attempt++) {
		char *path = xasprintf("%s/%s-%s-%ld-%06llx.json", dir, stamp,
		    t->scenario_id, (long)getpid(),
		    (unsigned long long)(random_bits() & 0xffffff));
		const char *what = "create";
		if (atomic_create_file(path, text, strlen(text), &what) == 0) {
			t->path = path;
			break;
		}
		int err = errno;
		free(path);
		if (err != EEXIST) {
			diags_add(d, DIAG_ERROR, dir, 0, 0, NULL,
			    "cannot create a transcript file (%s failed: %s)",
			    what, strerror(err));
			break;
		}
	}
	free(text);
	free(dir);
	if (t->path == NULL) {
		if (d->nerrors == 0)
			diags_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
			    "cannot find a free transcript file name");
		return -1;
	}
	return 0;
}

static void
turn_copy(struct transcript_turn *dst, const struct transcript_turn *src)
{
	*dst = *src;
	dst->node = src->node ? xstrdup(src->node) : NULL;
	dst->customer = src->customer ? xstrdup(src->customer) : NULL;
	dst->reply = xstrdup(src->reply ? src->reply : "");
	dst->next_node = src->next_node ? xstrdup(src->next_node) : NULL;
	grading_copy(&dst->grading, &src->grading);
}

int
transcript_add_turn(struct transcript *t, const struct transcript_turn *turn,
    struct diags *d)
{
	t->turns = xgrow(t->turns, &t->cap, t->nturns + 1, sizeof *t->turns);
	turn_copy(&t->turns[t->nturns], turn);
	t->turns[t->nturns].n = (int)t->nturns + 1;
	t->nturns++;
	t->mood = turn->mood_after;
	free(t->updated);
	t->updated = now_iso();
	return transcript_save(t, d);
}

int
transcript_finish(struct transcript *t, const char *status, enum ending ending,
    const char *closing, struct diags *d)
{
	free(t->status);
	t->status = xstrdup(status);
	t->ending = ending;
	free(t->closing);
	t->closing = closing ? xstrdup(closing) : NULL;
	free(t->ended);
	t->ended = now_iso();
	free(t->updated);
	t->updated = xstrdup(t->ended);
	return transcript_save(t, d);
}

int
transcript_reopen(struct transcript *t, struct diags *d)
{
	free(t->status);
	t->status = xstrdup("in_progress");
	free(t->ended);
	t->ended = NULL;
	free(t->closing);
	t->closing = NULL;
	t->ending = END_NONE;
	free(t->updated);
	t->updated = now_iso();
	resumed_add(t, t->updated);
	return transcript_save(t, d);
}

char *
transcript_resumed_note(const struct transcript *t)
{
	struct buf b = {0};
	for (size_t i = 0; i < t->resumed.n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "resumed ", t->resumed.v[i]);
	return buf_take(&b);
}

long
transcript_pid(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n < 5 || strcmp(base + n - 5, ".json") != 0)
		return 0;
	n -= 5;
	/* back over -RANDOM, then read -PID */
	size_t i = n;
	while (i > 0 && base[i - 1] != '-')
		i--;
	if (i == 0)
		return 0;
	size_t end = --i; /* the '-' before RANDOM */
	while (i > 0 && base[i - 1] >= '0' && base[i - 1] <= '9')
		i--;
	if (i == 0 || i == end || base[i - 1] != '-' || end - i > 9)
		return 0;
	long pid = 0;
	for (size_t k = i; k < end; k++)
		pid = pid * 10 + (base[k] - '0');
	return pid;
}

int
transcript_overall(const struct transcript *t)
{
	if (t->nturns == 0)
		return 0;
	long sum = 0;
	for (size_t i = 0; i < t->nturns; i++)
		sum += t->turns[i].grading.overall;
	return (int)((sum + (long)t->nturns / 2) / (long)t->nturns);
}

static void
add_str(cJSON *o, const char *k, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

static cJSON *
transcript_to_json(const struct transcript *t)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "format", t->format);
	add_str(o, "trainee", t->trainee);
	cJSON *s = cJSON_AddObjectToObject(o, "scenario");
	add_str(s, "id", t->scenario_id);
	add_str(s, "title", t->scenario_title);
	add_str(s, "file", t->scenario_file);
	add_str(s, "hash", t->scenario_hash);
	add_str(o, "mode", t->mode);
	cJSON_AddNumberToObject(o, "seed", (double)t->seed);
	add_str(o, "started", t->started);
	add_str(o, "updated", t->updated);
	add_str(o, "ended", t->ended);
	add_str(o, "status", t->status);
	add_str(o, "ending", t->ending == END_NONE ? NULL : ending_name(t->ending));
	cJSON_AddNumberToObject(o, "turn_limit", t->turn_limit);
	cJSON_AddNumberToObject(o, "start_mood", t->start_mood);
	cJSON_AddNumberToObject(o, "mood", t->mood);
	cJSON_AddNumberToObject(o, "overall", transcript_overall(t));
	add_str(o, "opening", t->opening);
	add_str(o, "closing", t->closing);
	if (t->resumed.n > 0) {
		cJSON *r = cJSON_AddArrayToObject(o, "resumed");
		for (size_t i = 0; i < t->resumed.n; i++)
			cJSON_AddItemToArray(r, cJSON_CreateString(t->resumed.v[i]));
	}
	cJSON *turns = cJSON_AddArrayToObject(o, "turns");
	for (size_t i = 0; i < t->nturns; i++) {
		const struct transcript_turn *tu = &t->turns[i];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddNumberToObject(j, "n", tu->n);
		add_str(j, "node", tu->node);
		add_str(j, "customer", tu->customer);
		add_str(j, "reply", tu->reply);
		cJSON_AddNumberToObject(j, "seconds", tu->seconds);
		cJSON_AddBoolToObject(j, "at_fault", tu->at_fault);
		cJSON_AddBoolToObject(j, "apology_owed", tu->apology_owed);
		cJSON_AddNumberToObject(j, "mood_before", tu->mood_before);
		cJSON_AddNumberToObject(j, "mood_after", tu->mood_after);
		add_str(j, "next_node", tu->next_node);
		cJSON_AddItemToObject(j, "grading", grading_to_json(&tu->grading));
		cJSON_AddItemToArray(turns, j);
	}
	return o;
}

/* The file's text: the JSON document and a final line feed; NULL only
 * when memory runs out inside cJSON. */
static char *
transcript_text(const struct transcript *t)
{
	cJSON *j = transcript_to_json(t);
	char *text = cJSON_Print(j);
	cJSON_Delete(j);
	if (text == NULL)
		return NULL;
	char *file = xasprintf("%s\n", text);
	cJSON_free(text);
	return file;
}

int
transcript_save(const struct transcript *t, struct diags *d)
{
	char *file = transcript_text(t);
	if (file == NULL) {
		diags_add(d, DIAG_ERROR, t->path, 0, 0, NULL,
		    "cannot serialise the transcript");
		return -1;
	}
	const char *what = "write";
	int rc = atomic_write_file(t->path, file, strlen(file), &what);
	free(file);
	if (rc != 0)
		diags_add(d, DIAG_ERROR, t->path, 0, 0, NULL,
		    "cannot save the transcript (%s failed: %s)", what,
		    strerror(errno));
	return rc;
}

static const char *const top_keys[] = {"format", "trainee", "scenario",
    "mode", "seed", "started", "updated", "ended", "status", "ending",
    "turn_limit", "start_mood", "mood", "overall", "opening", "closing",
    "resumed", "turns", NULL};
static const char *const scen_keys[] = {"id", "title", "file", "hash", NULL};
static const char *const turn_keys[] = {"n", "node", "customer", "reply",
    "seconds", "at_fault", "apology_owed", "mood_before", "mood_after", "next_node",
    "grading", NULL};
static const char *const statuses[] = {"in_progress", "finished",
    "unfinished", "interrupted", NULL};

/* Copy an optional string member (null allowed) into *dst. */
static void
opt_str(const struct jsondoc *doc, struct diags *d, const cJSON *o,
    const char *path, const char *key, bool required, char **dst)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (v && cJSON_IsNull(v))
		return;
	const char *s;
	if (jd_string(doc, d, o, path, key, required, &s))
		*dst = xstrdup(s);
}

static void
load_turn(const struct jsondoc *doc, struct diags *d, const cJSON *j,
    const char *path, struct transcript_turn *tu)
{
	if (!cJSON_IsObject(j)) {
		jd_error(doc, d, j, path, "a turn must be an object");
		return;
	}
	jd_check_keys(doc, d, j, path, turn_keys);
	long v;
	if (jd_int(doc, d, j, path, "n", true, 1, 1000000, &v))
		tu->n = (int)v;
	opt_str(doc, d, j, path, "node", false, &tu->node);
	opt_str(doc, d, j, path, "customer", false, &tu->customer);
	const char *s;
	if (jd_string(doc, d, j, path, "reply", true, &s))
		tu->reply = xstrdup(s);
	double sec;
	if (jd_number(doc, d, j, path, "seconds", false, 0, 1e9, &sec))
		tu->seconds = sec;
	jd_bool(doc, d, j, path, "at_fault", false, &tu->at_fault);
	tu->apology_owed = tu->at_fault;
	jd_bool(doc, d, j, path, "apology_owed", false, &tu->apology_owed);
	if (jd_int(doc, d, j, path, "mood_before", true, 0, MOOD_MAX, &v))
		tu->mood_before = (int)v;
	if (jd_int(doc, d, j, path, "mood_after", true, 0, MOOD_MAX, &v))
		tu->mood_after = (int)v;
	opt_str(doc, d, j, path, "next_node", false, &tu->next_node);
	const cJSON *g;
	if (jd_object(doc, d, j, path, "grading", true, &g)) {
		char *gp = jd_path(path, "grading");
		grading_from_json(doc, g, gp, &tu->grading, d);
		free(gp);
	}
}

int
transcript_load(struct transcript *t, const char *path, struct diags *d)
{
	memset(t, 0, sizeof *t);
	struct jsondoc doc;
	struct diags mine = {0};
	t->path = xstrdup(path);
	if (jsondoc_load(&doc, path, &mine) != 0)
		goto done;
	const cJSON *o = doc.root;
	if (!cJSON_IsObject(o)) {
		jd_error(&doc, &mine, o, NULL,
		    "a transcript must hold one JSON object");
		goto done;
	}
	jd_check_keys(&doc, &mine, o, "", top_keys);
	long v;
	if (jd_int(&doc, &mine, o, "", "format", true, 1, 1000, &v)) {
		t->format = (int)v;
		if (v != TRANSCRIPT_FORMAT) {
			jd_error(&doc, &mine, cJSON_GetObjectItem(o, "format"),
			    "format", "transcript format %ld is not supported "
			    "(this irate reads %d)", v, TRANSCRIPT_FORMAT);
			goto done;
		}
	}
	opt_str(&doc, &mine, o, "", "trainee", true, &t->trainee);
	const cJSON *s;
	if (jd_object(&doc, &mine, o, "", "scenario", true, &s)) {
		jd_check_keys(&doc, &mine, s, "scenario", scen_keys);
		opt_str(&doc, &mine, s, "scenario", "id", true, &t->scenario_id);
		opt_str(&doc, &mine, s, "scenario", "title", false, &t->scenario_title);
		opt_str(&doc, &mine, s, "scenario", "file", false, &t->scenario_file);
		opt_str(&doc, &mine, s, "scenario", "hash", false, &t->scenario_hash);
	}
	opt_str(&doc, &mine, o, "", "mode", true, &t->mode);
	double seed;
	if (jd_number(&doc, &mine, o, "", "seed", true, 0, MAX_SEED, &seed))
		t->seed = (uint64_t)seed;
	opt_str(&doc, &mine, o, "", "started", true, &t->started);
	opt_str(&doc, &mine, o, "", "updated", false, &t->updated);
	opt_str(&doc, &mine, o, "", "ended", false, &t->ended);
	opt_str(&doc, &mine, o, "", "status", true, &t->status);
	if (t->status) {
		bool known = false;
		for (size_t i = 0; statuses[i]; i++)
			known |= strcmp(statuses[i], t->status) == 0;
		if (!known)
			jd_error(&doc, &mine, cJSON_GetObjectItem(o, "status"),
			    "status", "unknown status \"%s\"", t->status);
	}
	char *ending = NULL;
	opt_str(&doc, &mine, o, "", "ending", false, &ending);
	if (ending) {
		int e = ending_from_name(ending);
		if (e < 0)
			jd_error(&doc, &mine, cJSON_GetObjectItem(o, "ending"),
			    "ending", "unknown ending \"%s\"", ending);
		else
			t->ending = (enum ending)e;
		free(ending);
	}
	if (jd_int(&doc, &mine, o, "", "turn_limit", false, 1, SCENARIO_MAX_TURNS, &v))
		t->turn_limit = (int)v;
	if (jd_int(&doc, &mine, o, "", "start_mood", true, 0, MOOD_MAX, &v))
		t->start_mood = (int)v;
	if (jd_int(&doc, &mine, o, "", "mood", true, 0, MOOD_MAX, &v))
		t->mood = (int)v;
	opt_str(&doc, &mine, o, "", "opening", false, &t->opening);
	opt_str(&doc, &mine, o, "", "closing", false, &t->closing);
	const cJSON *resumed;
	if (jd_array(&doc, &mine, o, "", "resumed", false, &resumed)) {
		size_t i = 0;
		for (const cJSON *j = resumed->child; j; j = j->next, i++) {
			if (cJSON_IsString(j)) {
				resumed_add(t, j->valuestring);
			} else {
				char *p = jd_path_index("resumed", i);
				jd_error(&doc, &mine, j, p, "must be a string, not %s",
				    jd_type_name(j));
				free(p);
			}
		}
	}
	const cJSON *turns;
	if (jd_array(&doc, &mine, o, "", "turns", true, &turns)) {
		size_t n = (size_t)cJSON_GetArraySize(turns), i = 0;
		t->turns = xcalloc(n ? n : 1, sizeof *t->turns);
		t->cap = n ? n : 1;
		for (const cJSON *j = turns->child; j; j = j->next, i++) {
			char *p = jd_path_index("turns", i);
			load_turn(&doc, &mine, j, p, &t->turns[i]);
			free(p);
		}
		t->nturns = i;
	}
done:;
	int rc = mine.nerrors ? -1 : 0;
	diags_move(d, &mine);
	jsondoc_free(&doc);
	return rc;
}

void
transcript_free(struct transcript *t)
{
	free(t->trainee);
	free(t->scenario_id);
	free(t->scenario_title);
	free(t->scenario_file);
	free(t->scenario_hash);
	free(t->mode);
	free(t->started);
	free(t->updated);
	free(t->ended);
	free(t->status);
	free(t->opening);
	free(t->closing);
	for (size_t i = 0; i < t->resumed.n; i++)
		free(t->resumed.v[i]);
	free(t->resumed.v);
	for (size_t i = 0; i < t->nturns; i++) {
		struct transcript_turn *tu = &t->turns[i];
		free(tu->node);
		free(tu->customer);
		free(tu->reply);
		free(tu->next_node);
		grading_free(&tu->grading);
	}
	free(t->turns);
	free(t->path);
	memset(t, 0, sizeof *t);
}
