/* jsondoc.c: loading JSON files with limits, located errors and positions. */
#include "jsondoc.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "utf8.h"
#include "xalloc.h"

struct locent {
	const cJSON *node;
	size_t off;    /* where the value starts */
	size_t keyoff; /* where its key starts, or SIZE_MAX */
};

struct jsonloc {
	struct locent *v;
	size_t n, cap;
};

static void
doc_index_lines(struct jsondoc *doc)
{
	size_t cap = 0;
	doc->lines = xgrow(NULL, &cap, 1, sizeof *doc->lines);
	doc->lines[0] = 0;
	doc->nlines = 1;
	for (size_t i = 0; i < doc->len; i++) {
		if (doc->text[i] == '\n') {
			doc->lines = xgrow(doc->lines, &cap, doc->nlines + 1,
			    sizeof *doc->lines);
			doc->lines[doc->nlines++] = i + 1;
		}
	}
}

void
jsondoc_linecol(const struct jsondoc *doc, size_t off, int *line, int *col)
{
	if (doc->nlines == 0) {
		*line = 1;
		*col = (int)off + 1;
		return;
	}
	if (off > doc->len)
		off = doc->len;
	size_t lo = 0, hi = doc->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (doc->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	size_t chars = utf8_count(doc->text + doc->lines[lo], off - doc->lines[lo]);
	*line = lo + 1 > INT_MAX ? INT_MAX : (int)(lo + 1);
	*col = chars + 1 > INT_MAX ? INT_MAX : (int)(chars + 1);
}

/* cJSON treats every byte <= 32 as whitespace; so must we to stay aligned. */
static size_t
skip_ws(const char *t, size_t i, size_t n)
{
	while (i < n && (unsigned char)t[i] <= 32 && t[i] != '\0')
		i++;
	return i;
}

static size_t
skip_string(const char *t, size_t i, size_t n)
{
	i++; /* opening quote */
	while (i < n && t[i] != '"') {
		if (t[i] == '\\' && i + 1 < n)
			i++;
		i++;
	}
	return i < n ? i + 1 : n;
}

static void
loc_add(struct jsonloc *loc, const cJSON *node, size_t off, size_t keyoff)
{
	loc->v = xgrow(loc->v, &loc->cap, loc->n + 1, sizeof *loc->v);
	loc->v[loc->n].node = node;
	loc->v[loc->n].off = off;
	loc->v[loc->n].keyoff = keyoff;
	loc->n++;
}

/* Walk the text alongside the tree cJSON built from it (same order). */
static size_t
scan_value(struct jsonloc *loc, const char *t, size_t i, size_t n,
    const cJSON *node, size_t keyoff)
{
	i = skip_ws(t, i, n);
	if (node == NULL || i >= n)
		return i;
	loc_add(loc, node, i, keyoff);
	if (t[i] == '{' || t[i] == '[') {
		bool obj = t[i] == '{';
		char close = obj ? '}' : ']';
		i++;
		const cJSON *child = node->child;
		for (;;) {
			i = skip_ws(t, i, n);
			if (i >= n || t[i] == close || child == NULL)
				break;
			size_t kp = SIZE_MAX;
			if (obj) {
				kp = i;
				i = skip_string(t, i, n);
				i = skip_ws(t, i, n);
				if (i < n && t[i] == ':')
					i++;
			}
			i = scan_value(loc, t, i, n, child, kp);
			child = child->next;
			i = skip_ws(t, i, n);
			if (i < n && t[i] == ',')
				i++;
		}
		i = skip_ws(t, i, n);
		return i < n ? i + 1 : n;
	}
	if (t[i] == '"')
		return skip_string(t, i, n);
	while (i < n && t[i] != ',' && t[i] != ']' && t[i] != '}' &&
	    (unsigned char)t[i] > 32)
		i++;
	return i;
}

static int
locent_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct locent *)a)->node;
	uintptr_t y = (uintptr_t)((const struct locent *)b)->node;
	return x < y ? -1 : x > y;
}

static const struct locent *
loc_find(const struct jsonloc *loc, const cJSON *node)
{
	if (loc == NULL || node == NULL)
		return NULL;
	struct locent key = {.node = node};
	return bsearch(&key, loc->v, loc->n, sizeof *loc->v, locent_cmp);
}

void
jsondoc_pos(const struct jsondoc *doc, const cJSON *node, bool key, int *line,
    int *col)
{
	const struct locent *e = loc_find(doc->loc, node);
	if (e == NULL) {
		*line = 0;
		*col = 0;
		return;
	}
	size_t off = key && e->keyoff != SIZE_MAX ? e->keyoff : e->off;
	jsondoc_linecol(doc, off, line, col);
}

/* Deepest nesting of [ and { outside strings; stops counting past limit. */
static size_t
nesting_depth(const char *t, size_t n, size_t limit, size_t *where)
{
	size_t depth = 0, max = 0;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if (c == '"') {
			i = skip_string(t, i, n) - 1;
		} else if (c == '[' || c == '{') {
			if (++depth > max) {
				max = depth;
				if (max > limit) {
					*where = i;
					return max;
				}
			}
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		}
	}
	return max;
}

static const char *
describe_at(const char *t, size_t off, size_t n, char *buf, size_t bufsz)
{
	if (off >= n)
		return "unexpected end of file";
	unsigned char c = (unsigned char)t[off];
	if (c >= 0x20 && c < 0x7f)
		snprintf(buf, bufsz, "unexpected character '%c'", c);
	else
		snprintf(buf, bufsz, "unexpected byte 0x%02x", c);
	return buf;
}

int
jsondoc_parse(struct jsondoc *doc, const char *name, const char *text,
    size_t len, struct diags *d)
{
	memset(doc, 0, sizeof *doc);
	doc->file = xstrdup(name);
	doc->text = xstrndup(text, len);
	doc->len = len;
	doc_index_lines(doc);

	int line, col;
	if (len > JSONDOC_MAX_BYTES) {
		diags_add(d, DIAG_ERROR, name, 0, 0, NULL,
		    "file is too large (%zu bytes; the limit is %u)", len,
		    JSONDOC_MAX_BYTES);
		return -1;
	}
	size_t nul = strnlen(doc->text, len);
	if (nul < len) {
		jsondoc_linecol(doc, nul, &line, &col);
		diags_add(d, DIAG_ERROR, name, line, col, NULL,
		    "NUL byte in file (not a JSON text file)");
		return -1;
	}
	size_t bad;
	if (!utf8_valid(text, len, &bad)) {
		jsondoc_linecol(doc, bad, &line, &col);
		diags_add(d, DIAG_ERROR, name, line, col, NULL,
		    "invalid UTF-8 (byte 0x%02x); save the file as UTF-8",
		    (unsigned char)text[bad]);
		return -1;
	}
	size_t where = 0;
	if (nesting_depth(text, len, JSONDOC_MAX_DEPTH, &where) > JSONDOC_MAX_DEPTH) {
		jsondoc_linecol(doc, where, &line, &col);
		diags_add(d, DIAG_ERROR, name, line, col, NULL,
		    "nested too deeply (more than %d levels)", JSONDOC_MAX_DEPTH);
		return -1;
	}
	size_t start = 0;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		start = 3; /* cJSON skips a byte-order mark; so do we */
	const char *end = NULL;
	doc->root = cJSON_ParseWithLengthOpts(doc->text, len + 1, &end, 1);
	if (doc->root == NULL) {
		size_t off = end && end >= doc->text ? (size_t)(end - doc->text) : 0;
		if (off > len)
			off = len;
		/* cJSON points at or just after the offending byte: back up
		 * over nothing, but skip leading whitespace for a clearer spot. */
		size_t ws = skip_ws(doc->text, start, len);
		if (ws >= len) {
			diags_add(d, DIAG_ERROR, name, 1, 1, NULL,
			    "not JSON: the file is empty");
			return -1;
		}
		/* cJSON sometimes points just past the offending token: look
		 * back over whitespace at the last thing actually written. */
		size_t last = off;
		while (last > start && (last >= len ||
		    (unsigned char)doc->text[last] <= 32))
			last--;
		char c = doc->text[last];
		size_t prev = last;
		while (prev > start && (unsigned char)doc->text[prev - 1] <= 32)
			prev--;
		char buf[64];
		if ((c == '}' || c == ']') && prev > start &&
		    doc->text[prev - 1] == ',') {
			jsondoc_linecol(doc, last, &line, &col);
			int cl, cc;
			jsondoc_linecol(doc, prev - 1, &cl, &cc);
			diags_add(d, DIAG_ERROR, name, line, col, NULL,
			    "not valid JSON: a comma before '%c' (remove the "
			    "comma at line %d, column %d)", c, cl, cc);
			return -1;
		}
		if (skip_ws(doc->text, off, len) >= len) {
			jsondoc_linecol(doc, off, &line, &col);
			diags_add(d, DIAG_ERROR, name, line, col, NULL,
			    "not valid JSON: unexpected end of file");
			return -1;
		}
		if (off < len && (unsigned char)doc->text[off] <= 32)
			off = last;
		jsondoc_linecol(doc, off, &line, &col);
		diags_add(d, DIAG_ERROR, name, line, col, NULL, "not valid JSON: %s",
		    describe_at(doc->text, off, len, buf, sizeof buf));
		return -1;
	}
	doc->loc = xcalloc(1, sizeof *doc->loc);
	scan_value(doc->loc, doc->text, start, len, doc->root, SIZE_MAX);
	qsort(doc->loc->v, doc->loc->n, sizeof *doc->loc->v, locent_cmp);
	return 0;
}

int
jsondoc_load(struct jsondoc *doc, const char *path, struct diags *d)
{
	memset(doc, 0, sizeof *doc);
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		diags_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot open: %s",
		    strerror(errno));
		doc->file = xstrdup(path);
		return -1;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		diags_add(d, DIAG_ERROR, path, 0, 0, NULL,
		    "is a directory, not a file");
		doc->file = xstrdup(path);
		return -1;
	}
	size_t cap = 0, len = 0;
	char *buf = NULL;
	for (;;) {
		buf = xgrow(buf, &cap, len + 65536, 1);
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (len > JSONDOC_MAX_BYTES)
			break;
		if (got == 0)
			break;
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		free(buf);
		diags_add(d, DIAG_ERROR, path, 0, 0, NULL, "read error");
		doc->file = xstrdup(path);
		return -1;
	}
	int rc = jsondoc_parse(doc, path, buf, len, d);
	free(buf);
	return rc;
}

void
jsondoc_free(struct jsondoc *doc)
{
	if (doc->root)
		cJSON_Delete(doc->root);
	if (doc->loc)
		free(doc->loc->v);
	free(doc->loc);
	free(doc->lines);
	free(doc->text);
	free(doc->file);
	memset(doc, 0, sizeof *doc);
}

static void jd_vreport(const struct jsondoc *doc, struct diags *d,
    enum diag_severity sev, const cJSON *node, const char *path,
    const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

static void
jd_vreport(const struct jsondoc *doc, struct diags *d, enum diag_severity sev,
    const cJSON *node, const char *path, const char *fmt, va_list ap)
{
	int line = 0, col = 0;
	if (node)
		jsondoc_pos(doc, node, true, &line, &col);
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	diags_add(d, sev, doc->file, line, col, path, "%s", msg);
}

void
jd_error(const struct jsondoc *doc, struct diags *d, const cJSON *node,
    const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	jd_vreport(doc, d, DIAG_ERROR, node, path, fmt, ap);
	va_end(ap);
}

void
jd_warn(const struct jsondoc *doc, struct diags *d, const cJSON *node,
    const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	jd_vreport(doc, d, DIAG_WARNING, node, path, fmt, ap);
	va_end(ap);
}

char *
jd_path(const char *parent, const char *key)
{
	if (parent == NULL || *parent == '\0')
		return xstrdup(key);
	return xasprintf("%s.%s", parent, key);
}

char *
jd_path_index(const char *parent, size_t i)
{
	return xasprintf("%s[%zu]", parent ? parent : "", i);
}

int
jd_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 255;
	unsigned row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned prev = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned cur = row[j];
			unsigned sub = prev + (a[i - 1] != b[j - 1]);
			unsigned del = row[j] + 1, ins = row[j - 1] + 1;
			row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
			prev = cur;
		}
	}
	return row[lb] > 255 ? 255 : (int)row[lb];
}

const char *
jd_suggest(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	int bestd = INT_MAX;
	for (size_t i = 0; candidates[i]; i++) {
		int dist = jd_distance(word, candidates[i]);
		if (dist < bestd) {
			bestd = dist;
			best = candidates[i];
		}
	}
	size_t len = strlen(word);
	int limit = len < 4 ? 1 : (int)(len / 3) + 1;
	return best && bestd <= limit ? best : NULL;
}

int
jd_check_keys(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *const *allowed)
{
	int problems = 0;
	if (!cJSON_IsObject(obj))
		return 0;
	for (const cJSON *m = obj->child; m; m = m->next) {
		const char *k = m->string ? m->string : "";
		bool ok = false;
		for (size_t i = 0; allowed[i]; i++)
			if (strcmp(k, allowed[i]) == 0)
				ok = true;
		char *p = jd_path(path, k);
		if (!ok) {
			const char *s = jd_suggest(k, allowed);
			if (s)
				jd_error(doc, d, m, p,
				    "unknown key \"%s\"; did you mean \"%s\"?", k, s);
			else
				jd_error(doc, d, m, p, "unknown key \"%s\"", k);
			problems++;
		}
		for (const cJSON *e = obj->child; e != m; e = e->next) {
			if (e->string && strcmp(e->string, k) == 0) {
				int l, c;
				jsondoc_pos(doc, e, true, &l, &c);
				jd_error(doc, d, m, p,
				    "duplicate key \"%s\" (first at line %d)", k, l);
				problems++;
				break;
			}
		}
		free(p);
	}
	return problems;
}

const char *
jd_type_name(const cJSON *v)
{
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return "true/false";
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsArray(v))
		return "a list";
	if (cJSON_IsObject(v))
		return "an object";
	return "something else";
}

/* Look up key; report a missing required key.  Returns the member or NULL. */
static const cJSON *
jd_member(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required)
{
	const cJSON *v = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
	if (v == NULL && required) {
		char *p = jd_path(path, key);
		jd_error(doc, d, obj, p, "missing required key \"%s\"", key);
		free(p);
	}
	return v;
}

static void
jd_type_error(const struct jsondoc *doc, struct diags *d, const cJSON *v,
    const char *path, const char *key, const char *want)
{
	char *p = jd_path(path, key);
	jd_error(doc, d, v, p, "must be %s, not %s", want, jd_type_name(v));
	free(p);
}

bool
jd_string(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, const char **out)
{
	const cJSON *v = jd_member(doc, d, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!cJSON_IsString(v) || v->valuestring == NULL) {
		jd_type_error(doc, d, v, path, key, "a string");
		return false;
	}
	if (required && v->valuestring[0] == '\0') {
		char *p = jd_path(path, key);
		jd_error(doc, d, v, p, "must not be empty");
		free(p);
		return false;
	}
	*out = v->valuestring;
	return true;
}

bool
jd_number(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, double min, double max,
    double *out)
{
	const cJSON *v = jd_member(doc, d, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
		jd_type_error(doc, d, v, path, key, "a number");
		return false;
	}
	if (v->valuedouble < min || v->valuedouble > max) {
		char *p = jd_path(path, key);
		jd_error(doc, d, v, p, "must be between %g and %g, not %g", min,
		    max, v->valuedouble);
		free(p);
		return false;
	}
	*out = v->valuedouble;
	return true;
}

bool
jd_int(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, long min, long max,
    long *out)
{
	const cJSON *v = jd_member(doc, d, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
		jd_type_error(doc, d, v, path, key, "a whole number");
		return false;
	}
	if (v->valuedouble != floor(v->valuedouble)) {
		char *p = jd_path(path, key);
		jd_error(doc, d, v, p, "must be a whole number, not %g",
		    v->valuedouble);
		free(p);
		return false;
	}
	if (v->valuedouble < (double)min || v->valuedouble > (double)max) {
		char *p = jd_path(path, key);
		jd_error(doc, d, v, p, "must be between %ld and %ld, not %g", min,
		    max, v->valuedouble);
		free(p);
		return false;
	}
	*out = (long)v->valuedouble;
	return true;
}

bool
jd_bool(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, bool *out)
{
	const cJSON *v = jd_member(doc, d, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!cJSON_IsBool(v)) {
		jd_type_error(doc, d, v, path, key, "true or false");
		return false;
	}
	*out = cJSON_IsTrue(v);
	return true;
}

bool
jd_object(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, const cJSON **out)
{
	const cJSON *v = jd_member(doc, d, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!cJSON_IsObject(v)) {
		jd_type_error(doc, d, v, path, key, "an object");
		return false;
	}
	*out = v;
	return true;
}

bool
jd_array(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, const cJSON **out)
{
	const cJSON *v = jd_member(doc, d, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!cJSON_IsArray(v)) {
		jd_type_error(doc, d, v, path, key, "a list");
		return false;
	}
	*out = v;
	return true;
}

bool
jd_string_array(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, const char *key, bool required, bool nonempty,
    const cJSON **out)
{
	const cJSON *arr;
	if (!jd_array(doc, d, obj, path, key, required, &arr))
		return false;
	bool ok = true;
	char *p = jd_path(path, key);
	if (nonempty && cJSON_GetArraySize(arr) == 0) {
		jd_error(doc, d, arr, p, "must list at least one item");
		ok = false;
	}
	size_t i = 0;
	for (const cJSON *e = arr->child; e; e = e->next, i++) {
		char *pi = jd_path_index(p, i);
		if (!cJSON_IsString(e) || e->valuestring == NULL) {
			jd_error(doc, d, e, pi, "must be a string, not %s",
			    jd_type_name(e));
			ok = false;
		} else if (e->valuestring[0] == '\0') {
			jd_error(doc, d, e, pi, "must not be empty");
			ok = false;
		}
		free(pi);
	}
	free(p);
	if (ok)
		*out = arr;
	return ok;
}
