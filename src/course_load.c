/* course_load.c: reading a course file into a struct course. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "course.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jsondoc.h"
#include "library.h"
#include "scenario.h"
#include "xalloc.h"

static const char *const top_keys[] = {"format", "kind", "id", "title",
    "summary", "steps", "note", NULL};
static const char *const step_keys[] = {"scenario", "mode", "pass",
    "criteria", "unlock", "note", NULL};
static const char *const crit_keys[] = {"calm", "restate", "empathy",
    "apology", "alternative", NULL};
static const char *const mode_names[] = {"practice", "exam", NULL};
static const char *const unlock_names[] = {"always", "after_previous", NULL};

/* Loader state: the document, the course being filled, the problems, and
 * the scenario library, scanned only when an id is not a file name. */
struct loader {
	struct jsondoc doc;
	struct course *c;
	struct diags *d;
	const char *scenarios_dir;
	struct library lib;
	bool lib_scanned;
};

const char *
course_mode_name(bool exam)
{
	return exam ? "exam" : "practice";
}

static bool
is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

bool
course_file_is_course(const char *path)
{
	struct jsondoc doc;
	struct diags ignore = {0};
	bool yes = false;
	if (jsondoc_load(&doc, path, &ignore) == 0 && cJSON_IsObject(doc.root)) {
		const cJSON *k = cJSON_GetObjectItemCaseSensitive(doc.root, "kind");
		yes = cJSON_IsString(k) && strcmp(k->valuestring, "course") == 0;
	}
	diags_free(&ignore);
	jsondoc_free(&doc);
	return yes;
}

/* Why a step's path may not be used, or NULL: a course from a colleague
 * names files relative to itself and may not reach outside its directory
 * (no absolute path, no "..", no control characters). */
static const char *
step_path_refusal(const char *rel)
{
	if (rel[0] == '/')
		return "is an absolute path; a course names its scenario files "
		    "relative to itself, in its directory or below";
	for (const char *p = rel; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "contains a control character";
	for (const char *p = rel; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return "goes up with \"..\"; a course may name only scenario "
			    "files in its directory or below (copy the scenario "
			    "there)";
		p += n;
		p += *p == '/';
	}
	return NULL;
}

/* The directory part of path ("." when it has none). */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Is the real path of file inside the real path of dir (after symbolic
 * links are followed)? */
static bool
is_inside(const char *file, const char *dir)
{
	char *rf = realpath(file, NULL), *rd = realpath(dir, NULL);
	size_t n = rd ? strlen(rd) : 0;
	bool in = rf && rd && strncmp(rf, rd, n) == 0 &&
	    (rf[n] == '/' || (n == 1 && rd[0] == '/'));
	free(rf);
	free(rd);
	return in;
}

/* The file a step's path names, relative to the course file's directory
 * and inside it; NULL (and a located error) when it is refused or
 * missing. */
static char *
step_file(struct loader *L, const cJSON *at, const char *path,
    const char *rel)
{
	const char *why = step_path_refusal(rel);
	if (why) {
		jd_error(&L->doc, L->d, at, path, "the path \"%s\" %s", rel, why);
		return NULL;
	}
	char *dir = dir_of(L->c->file);
	char *file = xasprintf("%s/%s", dir, rel);
	if (!is_file(file)) {
		jd_error(&L->doc, L->d, at, path, "no scenario file %s", file);
		free(file);
		file = NULL;
	} else if (!is_inside(file, dir)) {
		jd_error(&L->doc, L->d, at, path, "the path \"%s\" leads "
		    "outside the course's directory %s (through a symbolic "
		    "link); a course may name only scenario files in its "
		    "directory or below", rel, dir);
		free(file);
		file = NULL;
	}
	free(dir);
	return file;
}

/* Find the scenario file of an id: <dir>/<id>.json, else the file in dir
 * whose id it is.  Reports a miss with a did-you-mean. */
static char *
find_by_id(struct loader *L, const cJSON *at, const char *path, const char *id)
{
	char *p = xasprintf("%s/%s.json", L->scenarios_dir, id);
	if (is_file(p))
		return p;
	free(p);
	if (!L->lib_scanned) {
		struct diags ignore = {0};
		library_scan(&L->lib, L->scenarios_dir, &ignore);
		diags_free(&ignore);
		L->lib_scanned = true;
	}
	const struct scenario *sc = library_find(&L->lib, id);
	if (sc)
		return xstrdup(sc->file);
	const char **ids = xcalloc(L->lib.n + 1, sizeof *ids);
	for (size_t i = 0; i < L->lib.n; i++)
		ids[i] = L->lib.v[i].id;
	const char *s = jd_suggest(id, ids);
	jd_error(&L->doc, L->d, at, path,
	    "no scenario \"%s\" in %s%s%s%s (irate list shows them; a file "
	    "needs a path like \"./%s.json\")", id, L->scenarios_dir,
	    s ? "; did you mean \"" : "", s ? s : "", s ? "\"?" : "", id);
	free(ids);
	return NULL;
}

/* Resolve and load a step's scenario: its file, id and title. */
static void
load_step_scenario(struct loader *L, const cJSON *st, const char *path,
    struct course_step *s)
{
	const char *what;
	if (!jd_string(&L->doc, L->d, st, path, "scenario", true, &what))
		return;
	s->scenario = xstrdup(what);
	const cJSON *at = cJSON_GetObjectItemCaseSensitive(st, "scenario");
	char *p = jd_path(path, "scenario");
	size_t n = strlen(what);
	bool is_path = strchr(what, '/') || (n > 5 && strcmp(what + n - 5, ".json") == 0);
	if (is_path) {
		s->file = step_file(L, at, p, what);
	} else {
		s->file = find_by_id(L, at, p, what);
	}
	if (s->file) {
		struct scenario sc;
		struct diags ignore = {0};
		if (scenario_load(&sc, s->file, &ignore) == 0) {
			s->scenario_id = xstrdup(sc.id);
			s->scenario_title = xstrdup(sc.title);
		} else {
			jd_error(&L->doc, L->d, at, p,
			    "the scenario %s cannot be loaded (irate lint %s "
			    "shows why)", s->file, s->file);
		}
		diags_free(&ignore);
		scenario_free(&sc);
	}
	free(p);
}

/* A string member that must be one of names; *index gets its position. */
static void
load_choice(struct loader *L, const cJSON *st, const char *path,
    const char *key, bool required, const char *const *names, int *index)
{
	const char *v;
	if (!jd_string(&L->doc, L->d, st, path, key, required, &v))
		return;
	for (int i = 0; names[i]; i++) {
		if (strcmp(v, names[i]) == 0) {
			*index = i;
			return;
		}
	}
	char *p = jd_path(path, key);
	const char *s = jd_suggest(v, names);
	jd_error(&L->doc, L->d, cJSON_GetObjectItemCaseSensitive(st, key), p,
	    "unknown %s \"%s\"%s%s%s (one of %s, %s)", key, v,
	    s ? "; did you mean \"" : "", s ? s : "", s ? "\"?" : "",
	    names[0], names[1]);
	free(p);
}

static void
load_step(struct loader *L, const cJSON *st, const char *path,
    struct course_step *s)
{
	memset(s, 0, sizeof *s);
	s->path = xstrdup(path);
	s->after_previous = true;
	for (int c = 0; c < CRIT_COUNT; c++)
		s->crit_pass[c] = -1;
	jsondoc_pos(&L->doc, st, false, &s->line, &s->col);
	if (!cJSON_IsObject(st)) {
		jd_error(&L->doc, L->d, st, path, "a step must be an object like "
		    "{\"scenario\": …, \"mode\": …, \"pass\": …}");
		return;
	}
	jd_check_keys(&L->doc, L->d, st, path, step_keys);
	load_step_scenario(L, st, path, s);
	int mode = 0, unlock = 1;
	load_choice(L, st, path, "mode", true, mode_names, &mode);
	s->exam = mode == 1;
	load_choice(L, st, path, "unlock", false, unlock_names, &unlock);
	s->after_previous = unlock == 1;
	long v;
	if (jd_int(&L->doc, L->d, st, path, "pass", true, 0, 100, &v))
		s->pass = (int)v;
	const cJSON *cr;
	if (jd_object(&L->doc, L->d, st, path, "criteria", false, &cr)) {
		char *p = jd_path(path, "criteria");
		jd_check_keys(&L->doc, L->d, cr, p, crit_keys);
		for (int c = 0; c < CRIT_COUNT; c++)
			if (jd_int(&L->doc, L->d, cr, p, crit_keys[c], false, 0, 100, &v))
				s->crit_pass[c] = (int)v;
		free(p);
	}
	const char *note;
	if (jd_string(&L->doc, L->d, st, path, "note", false, &note))
		s->note = xstrdup(note);
}

static void
load_steps(struct loader *L, const cJSON *root)
{
	const cJSON *arr;
	if (!jd_array(&L->doc, L->d, root, "", "steps", true, &arr))
		return;
	size_t n = (size_t)cJSON_GetArraySize(arr);
	if (n == 0)
		jd_error(&L->doc, L->d, arr, "steps",
		    "list at least one step {\"scenario\": …, \"mode\": …, \"pass\": …}");
	L->c->steps = xcalloc(n ? n : 1, sizeof *L->c->steps);
	size_t i = 0;
	for (const cJSON *st = arr->child; st; st = st->next, i++) {
		char *p = jd_path_index("steps", i);
		load_step(L, st, p, &L->c->steps[i]);
		free(p);
	}
	L->c->nsteps = i;
}

static void
load_header(struct loader *L, const cJSON *root)
{
	struct course *c = L->c;
	const char *s;
	if (jd_string(&L->doc, L->d, root, "", "id", true, &s)) {
		c->id = xstrdup(s);
		for (const char *p = s; *p; p++) {
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
				*p == '-' || *p == '_')) {
				jd_error(&L->doc, L->d, cJSON_GetObjectItem(root, "id"),
				    "id", "an id may use only a-z, 0-9, '-' and '_'");
				break;
			}
		}
	}
	if (jd_string(&L->doc, L->d, root, "", "title", true, &s))
		c->title = xstrdup(s);
	if (jd_string(&L->doc, L->d, root, "", "summary", true, &s))
		c->summary = xstrdup(s);
}

int
course_load(struct course *c, const char *path, const char *scenarios_dir,
    struct diags *d)
{
	memset(c, 0, sizeof *c);
	c->file = xstrdup(path);
	struct diags mine = {0};
	struct loader L = {.c = c, .d = &mine, .scenarios_dir = scenarios_dir};
	if (jsondoc_load(&L.doc, path, &mine) != 0)
		goto done;
	const cJSON *root = L.doc.root;
	if (!cJSON_IsObject(root)) {
		jd_error(&L.doc, &mine, root, NULL,
		    "a course file must hold one JSON object, not %s",
		    cJSON_IsArray(root) ? "a list" : "a single value");
		goto done;
	}
	long v;
	if (!jd_int(&L.doc, &mine, root, "", "format", true, 1, 1000, &v))
		goto done;
	c->format = (int)v;
	if (v != COURSE_FORMAT) {
		jd_error(&L.doc, &mine, cJSON_GetObjectItem(root, "format"),
		    "format", "format version %ld is not supported (this irate "
		    "reads version %d); upgrade irate", v, COURSE_FORMAT);
		goto done;
	}
	const char *kind;
	if (jd_string(&L.doc, &mine, root, "", "kind", true, &kind) &&
	    strcmp(kind, "course") != 0)
		jd_error(&L.doc, &mine, cJSON_GetObjectItem(root, "kind"), "kind",
		    "a course file has \"kind\": \"course\", not \"%s\"", kind);
	jd_check_keys(&L.doc, &mine, root, "", top_keys);
	load_header(&L, root);
	load_steps(&L, root);
done:;
	int rc = mine.nerrors ? -1 : 0;
	diags_sort(&mine, 0);
	diags_move(d, &mine);
	if (L.lib_scanned)
		library_free(&L.lib);
	jsondoc_free(&L.doc);
	return rc;
}

void
course_free(struct course *c)
{
	free(c->file);
	free(c->id);
	free(c->title);
	free(c->summary);
	for (size_t i = 0; i < c->nsteps; i++) {
		struct course_step *s = &c->steps[i];
		free(s->scenario);
		free(s->file);
		free(s->scenario_id);
		free(s->scenario_title);
		free(s->note);
		free(s->path);
	}
	free(c->steps);
	memset(c, 0, sizeof *c);
}
