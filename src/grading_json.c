/* grading_json.c: converting gradings to JSON and reading them back, checked. */
#include "grading_json.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const crit_keys[] = {
	"detected", "met", "score", "evidence", "tip", NULL,
};
static const char *const ev_keys[] = {
	"start", "end", "text", "why", "positive", NULL,
};
static const char *const pit_keys[] = {
	"name", "start", "end", "text", "why", NULL,
};

static cJSON *
evidence_to_json(const struct evidence *e)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "start", (double)e->start);
	cJSON_AddNumberToObject(o, "end", (double)e->end);
	cJSON_AddStringToObject(o, "text", e->text ? e->text : "");
	cJSON_AddStringToObject(o, "why", e->why ? e->why : "");
	cJSON_AddBoolToObject(o, "positive", e->positive);
	return o;
}

static cJSON *
crit_to_json(const struct crit_result *r)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddBoolToObject(o, "detected", r->detected);
	cJSON_AddBoolToObject(o, "met", r->met);
	cJSON_AddNumberToObject(o, "score", r->score);
	cJSON *ev = cJSON_AddArrayToObject(o, "evidence");
	for (size_t i = 0; i < r->nev; i++)
		cJSON_AddItemToArray(ev, evidence_to_json(&r->ev[i]));
	if (r->tip)
		cJSON_AddStringToObject(o, "tip", r->tip);
	return o;
}

static cJSON *
pitfall_to_json(const struct pitfall_hit *h)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "name", pitfall_name(h->kind));
	cJSON_AddNumberToObject(o, "start", (double)h->start);
	cJSON_AddNumberToObject(o, "end", (double)h->end);
	cJSON_AddStringToObject(o, "text", h->text ? h->text : "");
	cJSON_AddStringToObject(o, "why", h->why ? h->why : "");
	return o;
}

void
grading_json_add(cJSON *obj, const struct grading *g)
{
	cJSON_AddNumberToObject(obj, "overall", g->overall);
	cJSON *crit = cJSON_AddObjectToObject(obj, "criteria");
	for (int c = 0; c < CRIT_COUNT; c++)
		cJSON_AddItemToObject(crit, criterion_name((enum criterion)c),
		    crit_to_json(&g->crit[c]));
	cJSON *pits = cJSON_AddArrayToObject(obj, "pitfalls");
	for (size_t i = 0; i < g->npits; i++)
		cJSON_AddItemToArray(pits, pitfall_to_json(&g->pits[i]));
}

cJSON *
grading_to_json(const struct grading *g)
{
	cJSON *o = cJSON_CreateObject();
	if (o == NULL)
		abort(); /* cJSON returns NULL only when out of memory */
	grading_json_add(o, g);
	return o;
}

/* A required string member that may be empty ("" is a valid span text). */
static bool
get_text(const struct jsondoc *doc, struct diags *d, const cJSON *o,
    const char *path, const char *key, const char **out)
{
	bool present = cJSON_GetObjectItemCaseSensitive(o, key) != NULL;
	return jd_string(doc, d, o, path, key, !present, out);
}

/* A span's start and end, checked (start <= end); problems go to d. */
static void
get_span(const struct jsondoc *doc, struct diags *d, const cJSON *o,
    const char *path, size_t *start, size_t *end)
{
	long s = 0, e = 0;
	bool hs = jd_int(doc, d, o, path, "start", true, 0, INT_MAX, &s);
	bool he = jd_int(doc, d, o, path, "end", true, 0, INT_MAX, &e);
	if (hs && he && e < s) {
		char *p = jd_path(path, "end");
		jd_error(doc, d, cJSON_GetObjectItemCaseSensitive(o, "end"), p,
		    "must not be before start (%ld), not %ld", s, e);
		free(p);
	}
	*start = (size_t)s;
	*end = (size_t)(e < s ? s : e);
}

/* Is v an object?  Reports it at path if not. */
static bool
need_object(const struct jsondoc *doc, struct diags *d, const cJSON *v,
    const char *path)
{
	if (cJSON_IsObject(v))
		return true;
	jd_error(doc, d, v, path, "must be an object, not %s", jd_type_name(v));
	return false;
}

static void
read_evidence(const struct jsondoc *doc, struct diags *d, const cJSON *o,
    const char *path, struct grading *g, enum criterion c)
{
	if (!need_object(doc, d, o, path))
		return;
	jd_check_keys(doc, d, o, path, ev_keys);
	struct evidence e = {0};
	const char *text = "", *why = "";
	get_span(doc, d, o, path, &e.start, &e.end);
	get_text(doc, d, o, path, "text", &text);
	get_text(doc, d, o, path, "why", &why);
	jd_bool(doc, d, o, path, "positive", true, &e.positive);
	e.text = grading_strndup(g, text, strlen(text));
	e.why = grading_strndup(g, why, strlen(why));
	*grading_new_evidence(g, c) = e;
}

static void
read_crit(const struct jsondoc *doc, struct diags *d, const cJSON *o,
    const char *path, struct grading *g, enum criterion c)
{
	struct crit_result *r = &g->crit[c];
	jd_check_keys(doc, d, o, path, crit_keys);
	long score = 0;
	jd_bool(doc, d, o, path, "detected", true, &r->detected);
	jd_bool(doc, d, o, path, "met", true, &r->met);
	if (jd_int(doc, d, o, path, "score", true, 0, 100, &score))
		r->score = (int)score;
	const cJSON *ev;
	if (jd_array(doc, d, o, path, "evidence", false, &ev)) {
		char *p = jd_path(path, "evidence");
		size_t i = 0;
		for (const cJSON *e = ev->child; e; e = e->next, i++) {
			char *pi = jd_path_index(p, i);
			read_evidence(doc, d, e, pi, g, c);
			free(pi);
		}
		free(p);
	}
	const cJSON *tip = cJSON_GetObjectItemCaseSensitive(o, "tip");
	const char *t;
	if (tip && !cJSON_IsNull(tip) &&
	    jd_string(doc, d, o, path, "tip", false, &t))
		grading_set_tip(g, c, t);
}

static void
read_criteria(const struct jsondoc *doc, struct diags *d, const cJSON *obj,
    const char *path, struct grading *g)
{
	const cJSON *crit;
	if (!jd_object(doc, d, obj, path, "criteria", true, &crit))
		return;
	char *p = jd_path(path, "criteria");
	const char *names[CRIT_COUNT + 1];
	for (int c = 0; c < CRIT_COUNT; c++)
		names[c] = criterion_name((enum criterion)c);
	names[CRIT_COUNT] = NULL;
	jd_check_keys(doc, d, crit, p, names);
	for (int c = 0; c < CRIT_COUNT; c++) {
		const cJSON *o;
		if (!jd_object(doc, d, crit, p, names[c], true, &o))
			continue;
		char *pc = jd_path(p, names[c]);
		read_crit(doc, d, o, pc, g, (enum criterion)c);
		free(pc);
	}
	free(p);
}

static void
read_pitfall(const struct jsondoc *doc, struct diags *d, const cJSON *o,
    const char *path, struct grading *g)
{
	const char *names[PIT_COUNT + 1];
	for (int k = 0; k < PIT_COUNT; k++)
		names[k] = pitfall_name((enum pitfall)k);
	names[PIT_COUNT] = NULL;
	if (!need_object(doc, d, o, path))
		return;
	jd_check_keys(doc, d, o, path, pit_keys);
	struct pitfall_hit h = {0};
	const char *name = NULL, *text = "", *why = "";
	if (jd_string(doc, d, o, path, "name", true, &name)) {
		int k = pitfall_from_name(name);
		if (k < 0) {
			char *p = jd_path(path, "name");
			const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "name");
			const char *s = jd_suggest(name, names);
			if (s)
				jd_error(doc, d, v, p,
				    "unknown pitfall \"%s\"; did you mean \"%s\"?",
				    name, s);
			else
				jd_error(doc, d, v, p, "unknown pitfall \"%s\"",
				    name);
			free(p);
		} else {
			h.kind = (enum pitfall)k;
		}
	}
	get_span(doc, d, o, path, &h.start, &h.end);
	get_text(doc, d, o, path, "text", &text);
	get_text(doc, d, o, path, "why", &why);
	h.text = grading_strndup(g, text, strlen(text));
	h.why = grading_strndup(g, why, strlen(why));
	*grading_new_pitfall(g) = h;
}

int
grading_from_json(const struct jsondoc *doc, const cJSON *obj,
    const char *path, struct grading *out, struct diags *d)
{
	grading_init(out);
	size_t before = d->nerrors;
	if (!need_object(doc, d, obj, path))
		return -1;
	long overall = 0;
	if (jd_int(doc, d, obj, path, "overall", true, 0, 100, &overall))
		out->overall = (int)overall;
	read_criteria(doc, d, obj, path, out);
	const cJSON *pits;
	if (jd_array(doc, d, obj, path, "pitfalls", true, &pits)) {
		char *p = jd_path(path, "pitfalls");
		size_t i = 0;
		for (const cJSON *e = pits->child; e; e = e->next, i++) {
			char *pi = jd_path_index(p, i);
			read_pitfall(doc, d, e, pi, out);
			free(pi);
		}
		free(p);
	}
	if (d->nerrors > before) {
		grading_free(out);
		return -1;
	}
	return 0;
}
