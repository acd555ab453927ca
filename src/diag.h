/* diag.h: a list of located problems (file:line:col: severity: message). */
#ifndef IRATE_DIAG_H
#define IRATE_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_severity sev;
	char *file;  /* owned; may be NULL */
	int line;    /* 1-based; 0 when unknown */
	int col;     /* 1-based, in characters; 0 when unknown */
	char *path;  /* owned JSON path like nodes.refund.next[2].goto; may be NULL */
	char *msg;   /* owned */
};

/* A growable list; zero-initialise (struct diags d = {0}) before use. */
struct diags {
	struct diag *v;
	size_t n, cap;
	size_t nerrors;
};

/* Longest message or path kept, in bytes: longer ones (quoting a huge key
 * or value from a file) are cut at a character boundary and end in "...". */
#define DIAG_MAX_TEXT 400

/* Append a problem. file and path are copied; either may be NULL; message
 * and path are cut to DIAG_MAX_TEXT bytes. */
void diags_add(struct diags *d, enum diag_severity sev, const char *file,
    int line, int col, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* Move every entry of src to the end of dst; src is left empty. */
void diags_move(struct diags *dst, struct diags *src);
/* Sort entries from index `from` on by file, line and column, keeping the
 * order of entries at the same place. */
void diags_sort(struct diags *d, size_t from);
/* Write "file:line:col: error: message (at path)" lines to f. */
void diags_print(const struct diags *d, FILE *f);
/* Format one entry into a fresh string (caller frees). */
char *diag_format(const struct diag *dg);
void diags_free(struct diags *d);

#endif
