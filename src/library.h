/* library.h: the scenarios available — a directory of scenario files. */
#ifndef IRATE_LIBRARY_H
#define IRATE_LIBRARY_H

#include <stddef.h>

#include "diag.h"
#include "scenario.h"

/* A library owns its scenarios (each fully loaded), sorted by difficulty,
 * then title. */
struct library {
	struct scenario *v;
	size_t n;
};

/* Load every *.json file in dir.  Files that fail to load are left out and
 * their problems added to d.  Returns the number loaded. */
size_t library_scan(struct library *lib, const char *dir, struct diags *d);
/* The scenario whose id is id, or NULL. */
const struct scenario *library_find(const struct library *lib, const char *id);
void library_free(struct library *lib);

/* Resolve what a user typed for a scenario: an existing file path, or an id
 * looked up as <dir>/<id>.json, then among the files of dir.  Returns a
 * fresh path (caller frees) or NULL if nothing matches. */
char *library_resolve(const char *dir, const char *what);

#endif
