/* library.c: scanning a directory of scenario files. */
#include "library.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

static int
by_difficulty(const void *a, const void *b)
{
	const struct scenario *x = a, *y = b;
	if (x->difficulty != y->difficulty)
		return x->difficulty - y->difficulty;
	return strcmp(x->title ? x->title : "", y->title ? y->title : "");
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.json file names in dir, sorted; *n gets the count. */
static char **
list_json(const char *dir, size_t *n)
{
	*n = 0;
	DIR *dp = opendir(dir);
	if (dp == NULL)
		return NULL;
	size_t cap = 0;
	char **names = NULL;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l < 6 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + l - 5, ".json") != 0)
			continue;
		names = xgrow(names, &cap, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (*n)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

size_t
library_scan(struct library *lib, const char *dir, struct diags *d)
{
	memset(lib, 0, sizeof *lib);
	size_t n;
	char **names = list_json(dir, &n);
	if (names == NULL && n == 0) {
		struct stat st;
		if (stat(dir, &st) != 0)
			diags_add(d, DIAG_ERROR, dir, 0, 0, NULL,
			    "no scenario directory here");
	}
	lib->v = xcalloc(n ? n : 1, sizeof *lib->v);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct scenario sc;
		if (scenario_load(&sc, path, d) == 0 && sc.start_idx < sc.nnodes)
			lib->v[lib->n++] = sc;
		else
			scenario_free(&sc);
		free(path);
		free(names[i]);
	}
	free(names);
	if (lib->n)
		qsort(lib->v, lib->n, sizeof *lib->v, by_difficulty);
	return lib->n;
}

const struct scenario *
library_find(const struct library *lib, const char *id)
{
	for (size_t i = 0; i < lib->n; i++)
		if (lib->v[i].id && strcmp(lib->v[i].id, id) == 0)
			return &lib->v[i];
	return NULL;
}

void
library_free(struct library *lib)
{
	for (size_t i = 0; i < lib->n; i++)
		scenario_free(&lib->v[i]);
	free(lib->v);
	memset(lib, 0, sizeof *lib);
}

static int
is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

char *
library_resolve(const char *dir, const char *what)
{
	if (is_file(what))
		return xstrdup(what);
	if (strchr(what, '/') || strlen(what) > 200)
		return NULL;
	char *p = xasprintf("%s/%s.json", dir, what);
	if (is_file(p))
		return p;
	free(p);
	/* Fall back to matching the id inside each file. */
	struct library lib;
	struct diags ignore = {0};
	library_scan(&lib, dir, &ignore);
	diags_free(&ignore);
	const struct scenario *sc = library_find(&lib, what);
	char *found = sc ? xstrdup(sc->file) : NULL;
	library_free(&lib);
	return found;
}
