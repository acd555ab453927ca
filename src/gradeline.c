/* gradeline.c: parsing and checking one JSON Lines input of `irate grade`. */
#include "gradeline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

static bool
is_blank(const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n\f\v", t[i]) || t[i] == '\0')
			return false;
	return true;
}

static void
set_line_id(struct gradeline *gl)
{
	free(gl->id);
	gl->id_is_string = false;
	gl->id_number = (double)gl->line;
	gl->id = xasprintf("%ld", gl->line);
}

/* A member that is absent or null is absent. */
static const cJSON *
member(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsNull(v) ? NULL : v;
}

/* A number as short as it can be written and still read back the same. */
static char *
number_text(double x)
{
	if (x == floor(x) && fabs(x) < 1e15)
		return xasprintf("%.0f", x);
	char *t = xasprintf("%.15g", x);
	if (strtod(t, NULL) == x)
		return t;
	free(t);
	return xasprintf("%.17g", x);
}

static void
read_id(struct gradeline *gl, struct diags *d)
{
	const cJSON *v = member(gl->doc.root, "id");
	if (v == NULL)
		return;
	if (cJSON_IsString(v) && v->valuestring) {
		free(gl->id);
		gl->id_is_string = true;
		gl->id = xstrdup(v->valuestring);
	} else if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
		free(gl->id);
		gl->id_number = v->valuedouble;
		gl->id = number_text(v->valuedouble);
	} else if (cJSON_IsNumber(v)) {
		jd_error(&gl->doc, d, v, "id", "number is out of range");
	} else {
		jd_error(&gl->doc, d, v, "id", "must be a string or a number, not %s",
		    jd_type_name(v));
	}
}

static void
read_reply(struct gradeline *gl, struct diags *d)
{
	const cJSON *root = gl->doc.root;
	if (member(root, "reply") == NULL) {
		jd_error(&gl->doc, d, root, NULL,
		    "missing required key \"reply\" (the text to grade)");
		return;
	}
	const char *r;
	if (!jd_string(&gl->doc, d, root, "", "reply", true, &r))
		return;
	size_t n = strlen(r), bad;
	if (!utf8_valid(r, n, &bad)) {
		jd_error(&gl->doc, d, member(root, "reply"), "reply",
		    "invalid UTF-8 at byte %zu", bad);
		return;
	}
	gl->reply = r;
	gl->reply_len = n;
}

/* An optional list of strings; *out gets a fresh array of borrowed items. */
static void
read_strings(struct gradeline *gl, struct diags *d, const char *key,
    const char ***out, size_t *n)
{
	const cJSON *arr;
	if (member(gl->doc.root, key) == NULL ||
	    !jd_string_array(&gl->doc, d, gl->doc.root, "", key, false, false,
	    &arr))
		return;
	size_t count = (size_t)cJSON_GetArraySize(arr);
	if (count == 0)
		return;
	*out = xcalloc(count, sizeof **out);
	for (const cJSON *e = arr->child; e; e = e->next)
		(*out)[(*n)++] = e->valuestring;
}

static void
read_fields(struct gradeline *gl, struct diags *d)
{
	const cJSON *root = gl->doc.root;
	read_id(gl, d);
	if (member(root, "customer"))
		jd_string(&gl->doc, d, root, "", "customer", false, &gl->customer);
	read_reply(gl, d);
	if (member(root, "at_fault"))
		jd_bool(&gl->doc, d, root, "", "at_fault", false, &gl->at_fault);
	const char **facts = NULL;
	size_t nfacts = 0;
	read_strings(gl, d, "facts", &facts, &nfacts);
	if (nfacts) {
		gl->facts = xcalloc(nfacts, sizeof *gl->facts);
		for (size_t i = 0; i < nfacts; i++)
			gl->facts[i].text = facts[i];
		gl->nfacts = nfacts;
	}
	free(facts);
	read_strings(gl, d, "history", &gl->history, &gl->nhistory);
}

/* Checks on the raw bytes, worded for a line rather than a file. */
static bool
check_bytes(const char *file, long line, const char *t, size_t n,
    struct diags *d)
{
	if (n > GRADELINE_MAX_BYTES) {
		diags_add(d, DIAG_ERROR, file, (int)line, 0, NULL,
		    "line is too long (%zu bytes; the limit is %u)", n,
		    GRADELINE_MAX_BYTES);
		return false;
	}
	const char *nul = memchr(t, '\0', n);
	if (nul) {
		diags_add(d, DIAG_ERROR, file, (int)line,
		    (int)utf8_count(t, (size_t)(nul - t)) + 1, NULL,
		    "NUL byte in the line");
		return false;
	}
	size_t bad;
	if (!utf8_valid(t, n, &bad)) {
		diags_add(d, DIAG_ERROR, file, (int)line,
		    (int)utf8_count(t, bad) + 1, NULL,
		    "invalid UTF-8 (byte 0x%02x); the input must be UTF-8",
		    (unsigned char)t[bad]);
		return false;
	}
	return true;
}

/* "... at line 1, column 14)" -> "... at column 14)", in place. */
static void
drop_line_one(char *msg)
{
	static const char needle[] = "line 1, column ";
	char *p = strstr(msg, needle);
	if (p)
		memmove(p, p + 8, strlen(p + 8) + 1);
}

enum gradeline_status
gradeline_parse(struct gradeline *gl, const char *file, long line,
    const char *text, size_t len, struct diags *d)
{
	memset(gl, 0, sizeof *gl);
	gl->line = line;
	gl->at_fault = true;
	set_line_id(gl);
	if (len > 0 && text[len - 1] == '\n')
		len--;
	if (len > 0 && text[len - 1] == '\r')
		len--;
	if (is_blank(text, len))
		return GRADELINE_BLANK;
	size_t before = d->n;
	if (!check_bytes(file, line, text, len, d))
		return GRADELINE_BAD;
	if (jsondoc_parse(&gl->doc, file, text, len, d) == 0) {
		if (cJSON_IsObject(gl->doc.root))
			read_fields(gl, d);
		else
			jd_error(&gl->doc, d, gl->doc.root, NULL,
			    "not an object: a line must be a JSON object such as "
			    "{\"reply\": \"...\"}");
	}
	/* The document is this one line: put the real line number in, and
	 * drop "line 1" from messages that point elsewhere in it. */
	int l = line > 0 && line < (long)(~0u >> 1) ? (int)line : 0;
	for (size_t i = before; i < d->n; i++) {
		d->v[i].line = l;
		drop_line_one(d->v[i].msg);
	}
	if (d->n > before) {
		gl->customer = gl->reply = NULL;
		gl->reply_len = 0;
		return GRADELINE_BAD;
	}
	return GRADELINE_OK;
}

void
gradeline_free(struct gradeline *gl)
{
	free(gl->id);
	free(gl->facts);
	free(gl->history);
	jsondoc_free(&gl->doc);
	memset(gl, 0, sizeof *gl);
}

void
gradeline_ctx(const struct gradeline *gl, struct score_ctx *ctx)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->customer = gl->customer;
	ctx->at_fault = gl->at_fault;
	ctx->facts = gl->facts;
	ctx->nfacts = gl->nfacts;
	ctx->history = gl->history;
	ctx->nhistory = gl->nhistory;
}

cJSON *
gradeline_id_json(const struct gradeline *gl)
{
	cJSON *v = gl->id_is_string ? cJSON_CreateString(gl->id)
	    : cJSON_CreateNumber(gl->id_number);
	if (v == NULL)
		abort(); /* cJSON returns NULL only when out of memory */
	return v;
}

char *
gradeline_error_text(const struct diags *d, size_t from)
{
	char *out = xstrdup("");
	for (size_t i = from; i < d->n; i++) {
		const struct diag *dg = &d->v[i];
		char *next = xasprintf("%s%s%s%s%s", out, *out ? "; " : "",
		    dg->path ? dg->path : "", dg->path ? ": " : "", dg->msg);
		free(out);
		out = next;
	}
	return out;
}
