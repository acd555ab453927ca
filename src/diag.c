/* diag.c: collecting and printing located problems. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "termtext.h"
#include "xalloc.h"

/* Cut an owned string longer than DIAG_MAX_TEXT bytes at a character
 * boundary and mark the cut with "...": a message quoting a 100,000-byte
 * key stays readable. */
static char *
shorten(char *s)
{
	size_t n = strlen(s);
	if (n <= DIAG_MAX_TEXT)
		return s;
	n = DIAG_MAX_TEXT - 3;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(s + n, "...", 4);
	return s;
}

void
diags_add(struct diags *d, enum diag_severity sev, const char *file, int line,
    int col, const char *path, const char *fmt, ...)
{
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	struct diag *dg = &d->v[d->n++];
	dg->sev = sev;
	dg->file = file ? xstrdup(file) : NULL;
	dg->line = line;
	dg->col = col;
	dg->path = path && *path ? shorten(xstrdup(path)) : NULL;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	dg->msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	dg->msg[0] = '\0';
	if (n > 0) {
		va_start(ap, fmt);
		vsnprintf(dg->msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	shorten(dg->msg);
	if (sev == DIAG_ERROR)
		d->nerrors++;
}

void
diags_move(struct diags *dst, struct diags *src)
{
	for (size_t i = 0; i < src->n; i++) {
		dst->v = xgrow(dst->v, &dst->cap, dst->n + 1, sizeof *dst->v);
		dst->v[dst->n++] = src->v[i];
		if (src->v[i].sev == DIAG_ERROR)
			dst->nerrors++;
	}
	free(src->v);
	memset(src, 0, sizeof *src);
}

char *
diag_format(const struct diag *dg)
{
	const char *sev = dg->sev == DIAG_ERROR ? "error" : "warning";
	char loc[64] = "";
	if (dg->line > 0 && dg->col > 0)
		snprintf(loc, sizeof loc, ":%d:%d", dg->line, dg->col);
	else if (dg->line > 0)
		snprintf(loc, sizeof loc, ":%d", dg->line);
	if (dg->path)
		return xasprintf("%s%s: %s: %s: %s", dg->file ? dg->file : "-",
		    loc, sev, dg->path, dg->msg);
	return xasprintf("%s%s: %s: %s", dg->file ? dg->file : "-", loc, sev,
	    dg->msg);
}

void
diags_sort(struct diags *d, size_t from)
{
	/* Insertion sort: stable, and lists are short. */
	for (size_t i = from + 1; i < d->n; i++) {
		struct diag x = d->v[i];
		size_t j = i;
		while (j > from) {
			const struct diag *y = &d->v[j - 1];
			int fc = strcmp(y->file ? y->file : "", x.file ? x.file : "");
			if (fc < 0 || (fc == 0 && (y->line < x.line ||
			    (y->line == x.line && y->col <= x.col))))
				break;
			d->v[j] = d->v[j - 1];
			j--;
		}
		d->v[j] = x;
	}
}

void
diags_print(const struct diags *d, FILE *f)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		termtext_printf(f, "%s\n", s);
		free(s);
	}
}

void
diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].path);
		free(d->v[i].msg);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
