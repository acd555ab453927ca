/* jsondoc.h: a JSON file loaded with limits, located errors and positions.
 *
 * jsondoc_load() reads a file, refuses what is too big, not UTF-8, nested
 * too deeply or not JSON (each with file:line:col), and records where every
 * value and key starts, so that later checks can say where a problem is.
 * The jd_* helpers read typed members and report what is wrong, located.
 * A jsondoc owns its text and cJSON tree; others borrow const cJSON *. */
#ifndef IRATE_JSONDOC_H
#define IRATE_JSONDOC_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define JSONDOC_MAX_BYTES (4u * 1024u * 1024u) /* 4 MiB */
#define JSONDOC_MAX_DEPTH 64

struct jsonloc;

struct jsondoc {
	char *file;          /* owned: the name used in messages */
	char *text;          /* owned, NUL-terminated */
	size_t len;
	cJSON *root;         /* owned */
	struct jsonloc *loc; /* owned */
	size_t *lines;       /* owned: byte offset of each line start */
	size_t nlines;
};

/* Read and parse path.  Returns 0 on success; -1 with errors added to d
 * (the document is then empty but safe to jsondoc_free). */
int jsondoc_load(struct jsondoc *doc, const char *path, struct diags *d);
/* The same from memory; name is used in messages.  text is copied. */
int jsondoc_parse(struct jsondoc *doc, const char *name, const char *text,
    size_t len, struct diags *d);
void jsondoc_free(struct jsondoc *doc);

/* Line and column (1-based, columns in characters) of a byte offset. */
void jsondoc_linecol(const struct jsondoc *doc, size_t off, int *line,
    int *col);
/* Where a value starts; for an object member, key=true gives its key. */
void jsondoc_pos(const struct jsondoc *doc, const cJSON *node, bool key,
    int *line, int *col);

/* Add a located problem at node (its key when it is a member with one). */
void jd_error(const struct jsondoc *doc, struct diags *d, const cJSON *node,
    const char *path, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void jd_warn(const struct jsondoc *doc, struct diags *d, const cJSON *node,
    const char *path, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* "a.b" + "c" -> "a.b.c"; "" + "c" -> "c".  Caller frees. */
char *jd_path(const char *parent, const char *key);
/* "a.b" + 2 -> "a.b[2]".  Caller frees. */
char *jd_path_index(const char *parent, size_t i);

/* Check an object's keys: each must be in the NULL-terminated `allowed`
 * list (unknown ones are errors with a did-you-mean suggestion) and appear
 * once (duplicates are errors).  Returns the number of problems. */
int jd_check_keys(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *const *allowed);

/* Typed member readers.  Each looks up key in obj; if it is absent and
 * required, reports "missing"; if present with the wrong type or out of
 * range, reports that.  Returns true only when *out was set. */
bool jd_string(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, const char **out);
bool jd_int(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, long min, long max,
    long *out);
bool jd_number(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, double min, double max,
    double *out);
bool jd_bool(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, bool *out);
/* An array member whose items are all non-empty strings; *out borrows it. */
bool jd_string_array(const struct jsondoc *doc, struct diags *d,
    const cJSON *obj, const char *path, const char *key, bool required,
    bool nonempty, const cJSON **out);
/* A member that must be an object (or array) if present. */
bool jd_object(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, const cJSON **out);
bool jd_array(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, const cJSON **out);

/* How a value's type is named in messages: "a string", "a number",
 * "true/false", "null", "a list", "an object". */
const char *jd_type_name(const cJSON *v);

/* The closest of the NULL-terminated candidates to word, or NULL if none is
 * close enough to suggest (edit distance at most a third of its length). */
const char *jd_suggest(const char *word, const char *const *candidates);
/* Levenshtein distance between a and b, capped at 255. */
int jd_distance(const char *a, const char *b);

#endif
