/* review.c: review sidecars — creating, saving atomically, loading. */
#include "review.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "atomic.h"
#include "buf.h"
#include "datadir.h"
#include "jsondoc.h"
#include "sha256.h"
#include "trainee.h"
#include "xalloc.h"

#define SIDE_TAG ".review."
#define MAX_TURN 1000000L

static char *
now_iso(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	char b[32];
	strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return xstrdup(b);
}

/* The transcript path without its ".json" (caller frees). */
static char *
stem_of(const char *transcript_path)
{
	size_t n = strlen(transcript_path);
	if (n > 5 && strcmp(transcript_path + n - 5, ".json") == 0)
		n -= 5;
	return xstrndup(transcript_path, n);
}

char *
review_path(const char *transcript_path, const char *reviewer)
{
	char *stem = stem_of(transcript_path);
	char *enc = trainee_dirname(reviewer);
	char *p = xasprintf("%s" SIDE_TAG "%s.json", stem, enc);
	free(enc);
	free(stem);
	return p;
}

bool
review_is_sidecar(const char *name)
{
	size_t n = strlen(name);
	if (n <= 5 || strcmp(name + n - 5, ".json") != 0)
		return false;
	const char *tag = strstr(name, SIDE_TAG);
	return tag != NULL && tag != name && tag + strlen(SIDE_TAG) < name + n - 5;
}

int
review_file_hash(const char *path, char out[72], struct diags *d)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		diags_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	struct buf b = {0};
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		diags_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot read");
		buf_free(&b);
		return -1;
	}
	char hex[65];
	sha256_hex(b.s ? b.s : "", b.len, hex);
	snprintf(out, 72, "sha256:%s", hex);
	buf_free(&b);
	return 0;
}

int
review_start(struct review *r, const char *transcript_path,
    const char *reviewer, struct diags *d)
{
	memset(r, 0, sizeof *r);
	const char *why;
	if (!trainee_valid(reviewer, &why)) {
		diags_add(d, DIAG_ERROR, NULL, 0, 0, NULL,
		    "reviewer name refused: %s", why);
		return -1;
	}
	char hash[72];
	if (review_file_hash(transcript_path, hash, d) != 0)
		return -1;
	r->format = REVIEW_FORMAT;
	r->reviewer = xstrdup(reviewer);
	const char *slash = strrchr(transcript_path, '/');
	r->transcript = xstrdup(slash ? slash + 1 : transcript_path);
	r->transcript_sha256 = xstrdup(hash);
	r->path = review_path(transcript_path, reviewer);
	return 0;
}

static struct review_note *
note_add(struct review *r, int turn, const char *time)
{
	r->notes = xgrow(r->notes, &r->cap, r->nnotes + 1, sizeof *r->notes);
	struct review_note *n = &r->notes[r->nnotes++];
	memset(n, 0, sizeof *n);
	n->turn = turn;
	n->criterion = -1;
	n->time = time ? xstrdup(time) : now_iso();
	return n;
}

void
review_comment(struct review *r, int turn, const char *comment,
    const char *time)
{
	note_add(r, turn, time)->comment = xstrdup(comment);
}

void
review_override(struct review *r, int turn, enum criterion c, bool detected,
    const char *reason, const char *time)
{
	struct review_note *n = note_add(r, turn, time);
	n->criterion = (int)c;
	n->detected = detected;
	n->reason = reason ? xstrdup(reason) : NULL;
}

long
review_last_note(const struct review *r, int turn)
{
	for (size_t i = r->nnotes; i > 0; i--)
		if (r->notes[i - 1].turn == turn)
			return (long)(i - 1);
	return -1;
}

void
review_remove_note(struct review *r, size_t i)
{
	if (i >= r->nnotes)
		return;
	struct review_note *n = &r->notes[i];
	free(n->comment);
	free(n->reason);
	free(n->time);
	memmove(n, n + 1, (r->nnotes - i - 1) * sizeof *n);
	r->nnotes--;
}

static cJSON *
review_to_json(const struct review *r)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "format", REVIEW_FORMAT);
	cJSON_AddStringToObject(o, "reviewer", r->reviewer);
	cJSON *t = cJSON_AddObjectToObject(o, "transcript");
	cJSON_AddStringToObject(t, "file", r->transcript);
	cJSON_AddStringToObject(t, "sha256", r->transcript_sha256);
	cJSON *a = cJSON_AddArrayToObject(o, "annotations");
	for (size_t i = 0; i < r->nnotes; i++) {
		const struct review_note *n = &r->notes[i];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddNumberToObject(j, "turn", n->turn);
		if (n->comment)
			cJSON_AddStringToObject(j, "comment", n->comment);
		if (n->criterion >= 0) {
			cJSON_AddStringToObject(j, "criterion",
			    criterion_name((enum criterion)n->criterion));
			cJSON_AddBoolToObject(j, "detected", n->detected);
			if (n->reason)
				cJSON_AddStringToObject(j, "reason", n->reason);
		}
		cJSON_AddStringToObject(j, "time", n->time);
		cJSON_AddItemToArray(a, j);
	}
	return o;
}


int
review_save(const struct review *r, struct diags *d)
{
	cJSON *j = review_to_json(r);
	char *text = cJSON_Print(j);
	cJSON_Delete(j);
	if (text == NULL)
		abort(); /* cJSON fails only when out of memory */
	const char *what = "write";
	char *file = xasprintf("%s\n", text);
	int rc = atomic_write_file(r->path, file, strlen(file), &what);
	free(file);
	if (rc != 0)
		diags_add(d, DIAG_ERROR, r->path, 0, 0, NULL,
		    "cannot save the review (%s failed: %s)", what,
		    strerror(errno));
	cJSON_free(text);
	return rc;
}

static const char *const top_keys[] = {"format", "reviewer", "transcript",
    "annotations", NULL};
static const char *const tr_keys[] = {"file", "sha256", NULL};
static const char *const note_keys[] = {"turn", "comment", "criterion",
    "detected", "reason", "time", NULL};
static const char *const crit_names[] = {"calm", "restate", "empathy",
    "apology", "alternative", NULL};

/* Is s an ISO 8601 UTC time, YYYY-MM-DDTHH:MM:SSZ? */
static bool
iso_ok(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	if (strlen(s) != sizeof shape - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return false;
	return true;
}

static void
load_note(const struct jsondoc *doc, struct diags *d, const cJSON *j,
    const char *path, struct review_note *n)
{
	n->criterion = -1;
	if (!cJSON_IsObject(j)) {
		jd_error(doc, d, j, path, "an annotation must be an object");
		return;
	}
	jd_check_keys(doc, d, j, path, note_keys);
	long v;
	if (jd_int(doc, d, j, path, "turn", true, 1, MAX_TURN, &v))
		n->turn = (int)v;
	const char *s;
	if (jd_string(doc, d, j, path, "comment", false, &s))
		n->comment = xstrdup(s);
	if (jd_string(doc, d, j, path, "reason", false, &s))
		n->reason = xstrdup(s);
	char *tp = jd_path(path, "time"), *cp = jd_path(path, "criterion");
	if (jd_string(doc, d, j, path, "time", true, &s)) {
		if (!iso_ok(s))
			jd_error(doc, d, cJSON_GetObjectItem(j, "time"), tp,
			    "must be ISO 8601 UTC like 2026-11-23T10:15:00Z");
		n->time = xstrdup(s);
	}
	const cJSON *cj = cJSON_GetObjectItemCaseSensitive(j, "criterion");
	bool has_det = cJSON_GetObjectItemCaseSensitive(j, "detected") != NULL;
	if (jd_string(doc, d, j, path, "criterion", false, &s)) {
		int c = criterion_from_name(s);
		if (c < 0) {
			const char *near = jd_suggest(s, crit_names);
			jd_error(doc, d, cj, cp, "unknown criterion \"%s\"%s%s%s",
			    s, near ? " (did you mean \"" : "", near ? near : "",
			    near ? "\"?)" : "");
		} else if (jd_bool(doc, d, j, path, "detected", true, &n->detected)) {
			n->criterion = c;
		}
	} else if (has_det && cj == NULL) {
		jd_error(doc, d, cJSON_GetObjectItemCaseSensitive(j, "detected"),
		    path, "\"detected\" needs a \"criterion\"");
	}
	if (cj == NULL && !cJSON_GetObjectItemCaseSensitive(j, "comment"))
		jd_error(doc, d, j, path,
		    "an annotation needs a comment or a criterion override");
	free(tp);
	free(cp);
}

int
review_load(struct review *r, const char *path, struct diags *d)
{
	memset(r, 0, sizeof *r);
	struct jsondoc doc;
	struct diags mine = {0};
	r->path = xstrdup(path);
	if (jsondoc_load(&doc, path, &mine) != 0)
		goto done;
	const cJSON *o = doc.root;
	if (!cJSON_IsObject(o)) {
		jd_error(&doc, &mine, o, NULL, "a review must hold one JSON object");
		goto done;
	}
	long v;
	if (jd_int(&doc, &mine, o, "", "format", true, 1, 1000, &v)) {
		r->format = (int)v;
		if (v != REVIEW_FORMAT) {
			jd_error(&doc, &mine, cJSON_GetObjectItem(o, "format"),
			    "format", "review format %ld is not supported "
			    "(this irate reads %d)", v, REVIEW_FORMAT);
			goto done;
		}
	}
	jd_check_keys(&doc, &mine, o, "", top_keys);
	const char *s;
	if (jd_string(&doc, &mine, o, "", "reviewer", true, &s)) {
		const char *why;
		if (!trainee_valid(s, &why))
			jd_error(&doc, &mine, cJSON_GetObjectItem(o, "reviewer"),
			    "reviewer", "reviewer name refused: %s", why);
		r->reviewer = xstrdup(s);
	}
	const cJSON *t;
	if (jd_object(&doc, &mine, o, "", "transcript", true, &t)) {
		jd_check_keys(&doc, &mine, t, "transcript", tr_keys);
		if (jd_string(&doc, &mine, t, "transcript", "file", true, &s))
			r->transcript = xstrdup(s);
		if (jd_string(&doc, &mine, t, "transcript", "sha256", true, &s)) {
			if (strncmp(s, "sha256:", 7) != 0 || strlen(s) != 71)
				jd_error(&doc, &mine,
				    cJSON_GetObjectItem(t, "sha256"),
				    "transcript.sha256",
				    "must be \"sha256:\" and 64 hex digits");
			r->transcript_sha256 = xstrdup(s);
		}
	}
	const cJSON *a;
	if (jd_array(&doc, &mine, o, "", "annotations", true, &a)) {
		size_t n = (size_t)cJSON_GetArraySize(a), i = 0;
		r->cap = n ? n : 1;
		r->notes = xcalloc(r->cap, sizeof *r->notes);
		for (const cJSON *j = a->child; j; j = j->next, i++) {
			char *p = jd_path_index("annotations", i);
			load_note(&doc, &mine, j, p, &r->notes[i]);
			free(p);
		}
		r->nnotes = i;
	}
done:;
	int rc = mine.nerrors ? -1 : 0;
	diags_sort(&mine, 0);
	diags_move(d, &mine);
	jsondoc_free(&doc);
	return rc;
}

void
review_free(struct review *r)
{
	free(r->reviewer);
	free(r->transcript);
	free(r->transcript_sha256);
	for (size_t i = 0; i < r->nnotes; i++) {
		free(r->notes[i].comment);
		free(r->notes[i].reason);
		free(r->notes[i].time);
	}
	free(r->notes);
	free(r->path);
	memset(r, 0, sizeof *r);
}

static int
cmp_review(const void *a, const void *b)
{
	const struct review *x = a, *y = b;
	return strcmp(x->reviewer ? x->reviewer : "",
	    y->reviewer ? y->reviewer : "");
}

int
review_load_all(const char *transcript_path, struct review_set *out,
    struct diags *d)
{
	memset(out, 0, sizeof *out);
	char *stem = stem_of(transcript_path);
	const char *slash = strrchr(stem, '/');
	char *dir = slash ? xstrndup(stem, (size_t)(slash - stem)) : xstrdup(".");
	char *prefix = xasprintf("%s" SIDE_TAG, slash ? slash + 1 : stem);
	size_t plen = strlen(prefix);
	int problems = 0;
	DIR *dp = opendir(dir);
	size_t cap = 0;
	struct dirent *de;
	while (dp && (de = readdir(dp)) != NULL) {
		const char *name = de->d_name;
		if (strncmp(name, prefix, plen) != 0 || !review_is_sidecar(name))
			continue;
		/* The part between the tag and ".json" must be one reviewer. */
		if (strchr(name + plen, '.') != name + strlen(name) - 5)
			continue;
		char *path = xasprintf("%s/%s", dir, name);
		struct review r = {0};
		enum datadir_kind k = datadir_kind(path);
		if (k != DATADIR_FILE) {
			diags_add(d, DIAG_WARNING, path, 0, 0, NULL,
			    "review left out: it %s", datadir_refusal(k,
			    DATADIR_FILE));
			problems++;
		} else if (review_load(&r, path, d) != 0) {
			problems++;
			review_free(&r);
		} else {
			out->v = xgrow(out->v, &cap, out->n + 1, sizeof *out->v);
			out->v[out->n++] = r;
		}
		free(path);
	}
	if (dp)
		closedir(dp);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, cmp_review);
	free(prefix);
	free(dir);
	free(stem);
	return problems;
}

void
review_set_free(struct review_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		review_free(&s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

const struct review_note *
review_set_override(const struct review_set *s, int turn, enum criterion c,
    const struct review **by)
{
	const struct review_note *best = NULL;
	const struct review *who = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const struct review *r = &s->v[i];
		for (size_t k = 0; k < r->nnotes; k++) {
			const struct review_note *n = &r->notes[k];
			if (n->turn != turn || n->criterion != (int)c)
				continue;
			/* Reviews are sorted by reviewer, notes in file order,
			 * so >= keeps the later one on equal times. */
			if (best == NULL || strcmp(n->time, best->time) >= 0) {
				best = n;
				who = r;
			}
		}
	}
	if (by)
		*by = who;
	return best;
}
