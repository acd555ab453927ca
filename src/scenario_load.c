/* scenario_load.c: reading a scenario file into a struct scenario. */
#include "scenario.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsondoc.h"
#include "sha256.h"
#include "xalloc.h"

static const char *const top_keys[] = {"format", "id", "title", "summary",
    "industry", "tags", "difficulty", "language", "customer", "at_fault",
    "facts", "turn_limit", "mood_model", "start", "nodes", "note", NULL};
static const char *const customer_keys[] = {"name", "persona", "mood",
    "hang_up", "time_up", "note", NULL};
static const char *const fact_keys[] = {"id", "text", "paraphrases", "note",
    NULL};
static const char *const mood_keys[] = {"met", "missed", "pitfalls",
    "weights", "per_turn", "note", NULL};
static const char *const node_keys[] = {"say", "model_reply", "at_fault",
    "end", "next", "note", NULL};
static const char *const trans_keys[] = {"if", "goto", "note", NULL};
static const char *const cond_keys[] = {"met", "missed", "pitfalls",
    "no_pitfalls", "said", "not_said", "mood_below", "mood_at_least",
    "turn_at_least", "turn_below", "score_at_least", "score_below", NULL};
static const char *const crit_keys[] = {"calm", "restate", "empathy",
    "apology", "alternative", NULL};
static const char *const pit_keys[] = {"negative_language",
    "blames_customer", "blames_colleague", "template", "too_long", NULL};
static const char *const ending_keys[] = {"resolved", "escalated", "hung_up",
    "out_of_turns", NULL};

static const char *const ending_names[END_COUNT] = {"none", "resolved",
    "escalated", "hung_up", "out_of_turns"};

const char *
ending_name(enum ending e)
{
	return (unsigned)e < END_COUNT ? ending_names[e] : "?";
}

int
ending_from_name(const char *name)
{
	for (int i = 1; i < END_COUNT; i++)
		if (strcmp(name, ending_names[i]) == 0)
			return i;
	return -1;
}

void
mood_model_default(struct mood_model *m)
{
	static const int met[CRIT_COUNT] = {-4, -6, -8, -8, -12};
	static const int missed[CRIT_COUNT] = {15, 3, 5, 8, 6};
	static const int pit[PIT_COUNT] = {6, 15, 8, 10, 3};
	memset(m, 0, sizeof *m);
	for (int c = 0; c < CRIT_COUNT; c++) {
		m->met[c] = met[c];
		m->missed[c] = missed[c];
		m->weight[c] = 1.0;
	}
	for (int p = 0; p < PIT_COUNT; p++)
		m->pitfall[p] = pit[p];
}

/* Loader state: the document, the scenario being filled, the problems. */
struct loader {
	struct jsondoc doc;
	struct scenario *sc;
	struct diags *d;
};

/* Copy a list of strings; `v` is a string or a list of strings. */
static void
strlist_from(struct strlist *l, const cJSON *v)
{
	if (cJSON_IsString(v)) {
		l->v = xcalloc(1, sizeof *l->v);
		l->v[0] = xstrdup(v->valuestring);
		l->n = 1;
		return;
	}
	size_t n = (size_t)cJSON_GetArraySize(v);
	l->v = xcalloc(n ? n : 1, sizeof *l->v);
	l->n = 0;
	for (const cJSON *e = v->child; e; e = e->next)
		if (cJSON_IsString(e))
			l->v[l->n++] = xstrdup(e->valuestring);
}

static void
strlist_free(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Read a member that may be one string or a list of strings. */
static bool
load_lines(struct loader *L, const cJSON *obj, const char *path,
    const char *key, bool required, struct strlist *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (v == NULL && !required)
		return false;
	if (v && cJSON_IsString(v)) {
		const char *s;
		if (!jd_string(&L->doc, L->d, obj, path, key, true, &s))
			return false;
		strlist_from(out, v);
		return true;
	}
	const cJSON *arr;
	if (!jd_string_array(&L->doc, L->d, obj, path, key, required, true, &arr))
		return false;
	strlist_from(out, arr);
	return true;
}

/* A list of names from `names` (NULL-terminated) as a bitmask. */
static bool
load_mask(struct loader *L, const cJSON *obj, const char *path,
    const char *key, const char *const *names, unsigned *mask)
{
	const cJSON *arr;
	if (!jd_string_array(&L->doc, L->d, obj, path, key, false, true, &arr))
		return false;
	char *p = jd_path(path, key);
	size_t i = 0;
	bool ok = true;
	*mask = 0;
	for (const cJSON *e = arr->child; e; e = e->next, i++) {
		int found = -1;
		for (int k = 0; names[k]; k++)
			if (strcmp(names[k], e->valuestring) == 0)
				found = k;
		char *pi = jd_path_index(p, i);
		if (found < 0) {
			const char *s = jd_suggest(e->valuestring, names);
			if (s)
				jd_error(&L->doc, L->d, e, pi,
				    "unknown name \"%s\"; did you mean \"%s\"?",
				    e->valuestring, s);
			else
				jd_error(&L->doc, L->d, e, pi, "unknown name \"%s\"",
				    e->valuestring);
			ok = false;
		} else if (*mask & (1u << found)) {
			jd_warn(&L->doc, L->d, e, pi, "\"%s\" is listed twice",
			    e->valuestring);
		} else {
			*mask |= 1u << found;
		}
		free(pi);
	}
	free(p);
	return ok;
}

static void
load_cond(struct loader *L, const cJSON *c, const char *path, struct cond *out)
{
	memset(out, 0, sizeof *out);
	out->mood_below = out->mood_at_least = -1;
	out->turn_at_least = out->turn_below = -1;
	out->score_at_least = out->score_below = -1;
	jd_check_keys(&L->doc, L->d, c, path, cond_keys);
	if (c->child == NULL)
		jd_error(&L->doc, L->d, c, path,
		    "empty condition; leave out \"if\" for the fallback");
	load_mask(L, c, path, "met", crit_keys, &out->met);
	load_mask(L, c, path, "missed", crit_keys, &out->missed);
	load_mask(L, c, path, "pitfalls", pit_keys, &out->pitfalls);
	load_mask(L, c, path, "no_pitfalls", pit_keys, &out->no_pitfalls);
	load_lines(L, c, path, "said", false, &out->said);
	load_lines(L, c, path, "not_said", false, &out->not_said);
	struct {
		const char *key;
		int *dst;
		long lo, hi;
	} nums[] = {
		{"mood_below", &out->mood_below, 0, MOOD_MAX + 1},
		{"mood_at_least", &out->mood_at_least, 0, MOOD_MAX},
		{"turn_at_least", &out->turn_at_least, 1, SCENARIO_MAX_TURNS},
		{"turn_below", &out->turn_below, 1, SCENARIO_MAX_TURNS + 1},
		{"score_at_least", &out->score_at_least, 0, 100},
		{"score_below", &out->score_below, 0, 101},
	};
	for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
		long v;
		if (jd_int(&L->doc, L->d, c, path, nums[i].key, false, nums[i].lo,
			nums[i].hi, &v))
			*nums[i].dst = (int)v;
	}
}

static void
load_transition(struct loader *L, const cJSON *t, const char *path,
    struct transition *tr)
{
	memset(tr, 0, sizeof *tr);
	tr->target = SIZE_MAX;
	tr->path = xstrdup(path);
	jsondoc_pos(&L->doc, t, false, &tr->line, &tr->col);
	if (!cJSON_IsObject(t)) {
		jd_error(&L->doc, L->d, t, path,
		    "a transition must be an object like {\"if\": {…}, \"goto\": \"node\"}");
		return;
	}
	jd_check_keys(&L->doc, L->d, t, path, trans_keys);
	const char *go;
	if (jd_string(&L->doc, L->d, t, path, "goto", true, &go))
		tr->go = xstrdup(go);
	const cJSON *c;
	if (jd_object(&L->doc, L->d, t, path, "if", false, &c)) {
		char *p = jd_path(path, "if");
		tr->has_cond = true;
		load_cond(L, c, p, &tr->cond);
		free(p);
	}
}

static void
load_node(struct loader *L, const cJSON *n, const char *path, struct node *nd)
{
	memset(nd, 0, sizeof *nd);
	nd->id = xstrdup(n->string ? n->string : "");
	nd->at_fault = -1;
	jsondoc_pos(&L->doc, n, true, &nd->line, &nd->col);
	if (!cJSON_IsObject(n)) {
		jd_error(&L->doc, L->d, n, path, "a node must be an object");
		return;
	}
	jd_check_keys(&L->doc, L->d, n, path, node_keys);
	if (nd->id[0] == '\0')
		jd_error(&L->doc, L->d, n, path, "a node id must not be empty");
	load_lines(L, n, path, "say", true, &nd->say);
	const char *s;
	if (jd_string(&L->doc, L->d, n, path, "model_reply", false, &s))
		nd->model_reply = xstrdup(s);
	bool b;
	if (jd_bool(&L->doc, L->d, n, path, "at_fault", false, &b))
		nd->at_fault = b;
	if (jd_string(&L->doc, L->d, n, path, "end", false, &s)) {
		int e = ending_from_name(s);
		if (e < 0) {
			char *p = jd_path(path, "end");
			const char *sug = jd_suggest(s, ending_keys);
			jd_error(&L->doc, L->d, cJSON_GetObjectItem(n, "end"), p,
			    "unknown ending \"%s\"%s%s%s (one of resolved, "
			    "escalated, hung_up, out_of_turns)", s,
			    sug ? "; did you mean \"" : "", sug ? sug : "",
			    sug ? "\"?" : "");
			free(p);
		} else {
			nd->end = (enum ending)e;
		}
	}
	const cJSON *next = NULL;
	bool has_next = jd_array(&L->doc, L->d, n, path, "next", false, &next);
	const cJSON *endv = cJSON_GetObjectItemCaseSensitive(n, "end");
	if (endv && has_next && cJSON_GetArraySize(next) > 0) {
		char *p = jd_path(path, "next");
		jd_error(&L->doc, L->d, next, p,
		    "an ending node (\"end\") cannot have transitions");
		free(p);
	}
	if (!endv && !has_next && !cJSON_GetObjectItemCaseSensitive(n, "next")) {
		jd_error(&L->doc, L->d, n, path,
		    "node has neither \"next\" transitions nor an \"end\"");
	}
	if (!has_next)
		return;
	char *np = jd_path(path, "next");
	size_t cnt = (size_t)cJSON_GetArraySize(next);
	nd->next = xcalloc(cnt ? cnt : 1, sizeof *nd->next);
	size_t i = 0;
	for (const cJSON *t = next->child; t; t = t->next, i++) {
		char *tp = jd_path_index(np, i);
		load_transition(L, t, tp, &nd->next[i]);
		free(tp);
	}
	nd->nnext = i;
	if (!endv && cnt == 0)
		jd_error(&L->doc, L->d, next, np,
		    "no transitions: add at least a fallback {\"goto\": \"…\"}");
	else if (cnt > 0 && nd->next[cnt - 1].has_cond)
		jd_error(&L->doc, L->d, cJSON_GetArrayItem(next, (int)cnt - 1), np,
		    "the last transition must be a fallback without \"if\"");
	free(np);
}

static void
load_weights(struct loader *L, const cJSON *obj, const char *path,
    const char *key, const char *const *names, int *ints, double *dbls,
    double lo, double hi)
{
	const cJSON *o;
	if (!jd_object(&L->doc, L->d, obj, path, key, false, &o))
		return;
	char *p = jd_path(path, key);
	jd_check_keys(&L->doc, L->d, o, p, names);
	for (int i = 0; names[i]; i++) {
		double v;
		if (!jd_number(&L->doc, L->d, o, p, names[i], false, lo, hi, &v))
			continue;
		if (ints)
			ints[i] = (int)lround(v);
		else
			dbls[i] = v;
	}
	free(p);
}

static void
load_mood(struct loader *L, const cJSON *root)
{
	mood_model_default(&L->sc->mood);
	const cJSON *m;
	if (!jd_object(&L->doc, L->d, root, "", "mood_model", false, &m))
		return;
	jd_check_keys(&L->doc, L->d, m, "mood_model", mood_keys);
	struct mood_model *mm = &L->sc->mood;
	load_weights(L, m, "mood_model", "met", crit_keys, mm->met, NULL, -100, 100);
	load_weights(L, m, "mood_model", "missed", crit_keys, mm->missed, NULL, -100, 100);
	load_weights(L, m, "mood_model", "pitfalls", pit_keys, mm->pitfall, NULL, -100, 100);
	load_weights(L, m, "mood_model", "weights", crit_keys, NULL, mm->weight, 0, 10);
	long v;
	if (jd_int(&L->doc, L->d, m, "mood_model", "per_turn", false, -50, 50, &v))
		mm->per_turn = (int)v;
}

static void
load_customer(struct loader *L, const cJSON *root)
{
	const cJSON *c;
	struct scenario *sc = L->sc;
	sc->start_mood = 50;
	if (!jd_object(&L->doc, L->d, root, "", "customer", true, &c))
		return;
	jd_check_keys(&L->doc, L->d, c, "customer", customer_keys);
	const char *s;
	if (jd_string(&L->doc, L->d, c, "customer", "name", true, &s))
		sc->customer_name = xstrdup(s);
	if (jd_string(&L->doc, L->d, c, "customer", "persona", true, &s))
		sc->persona = xstrdup(s);
	long v;
	if (jd_int(&L->doc, L->d, c, "customer", "mood", true, 0, MOOD_MAX - 1, &v))
		sc->start_mood = (int)v;
	load_lines(L, c, "customer", "hang_up", false, &sc->hang_up);
	load_lines(L, c, "customer", "time_up", false, &sc->time_up);
}

static void
load_facts(struct loader *L, const cJSON *root)
{
	const cJSON *arr;
	if (!jd_array(&L->doc, L->d, root, "", "facts", true, &arr))
		return;
	size_t n = (size_t)cJSON_GetArraySize(arr);
	if (n == 0)
		jd_error(&L->doc, L->d, arr, "facts",
		    "list at least one key fact of the problem");
	L->sc->facts = xcalloc(n ? n : 1, sizeof *L->sc->facts);
	size_t i = 0;
	for (const cJSON *f = arr->child; f; f = f->next, i++) {
		struct fact *ft = &L->sc->facts[i];
		char *p = jd_path_index("facts", i);
		jsondoc_pos(&L->doc, f, false, &ft->line, &ft->col);
		if (!cJSON_IsObject(f)) {
			jd_error(&L->doc, L->d, f, p,
			    "a fact must be an object like {\"id\": …, \"text\": …, \"paraphrases\": […]}");
			free(p);
			continue;
		}
		jd_check_keys(&L->doc, L->d, f, p, fact_keys);
		const char *s;
		if (jd_string(&L->doc, L->d, f, p, "id", true, &s))
			ft->id = xstrdup(s);
		if (jd_string(&L->doc, L->d, f, p, "text", true, &s))
			ft->text = xstrdup(s);
		/* Paraphrases are checked by lint (a fact without any cannot
		 * be matched flexibly), so an empty list loads. */
		const cJSON *pa;
		if (jd_string_array(&L->doc, L->d, f, p, "paraphrases", false,
			false, &pa))
			strlist_from(&ft->paraphrases, pa);
		free(p);
	}
	L->sc->nfacts = i;
}

static void
load_nodes(struct loader *L, const cJSON *root)
{
	const cJSON *nodes;
	if (!jd_object(&L->doc, L->d, root, "", "nodes", true, &nodes))
		return;
	size_t n = (size_t)cJSON_GetArraySize(nodes);
	if (n == 0)
		jd_error(&L->doc, L->d, nodes, "nodes", "no nodes");
	L->sc->nodes = xcalloc(n ? n : 1, sizeof *L->sc->nodes);
	size_t i = 0;
	for (const cJSON *nd = nodes->child; nd; nd = nd->next, i++) {
		char *p = jd_path("nodes", nd->string ? nd->string : "");
		load_node(L, nd, p, &L->sc->nodes[i]);
		free(p);
	}
	L->sc->nnodes = i;
	/* Duplicate ids: the JSON object allows them, the tree does not. */
	for (const cJSON *a = nodes->child; a; a = a->next) {
		for (const cJSON *b = nodes->child; b != a; b = b->next) {
			if (a->string && b->string && strcmp(a->string, b->string) == 0) {
				int l, c;
				jsondoc_pos(&L->doc, b, true, &l, &c);
				char *p = jd_path("nodes", a->string);
				jd_error(&L->doc, L->d, a, p,
				    "duplicate node id \"%s\" (first at line %d)",
				    a->string, l);
				free(p);
				break;
			}
		}
	}
}

/* Resolve goto targets to node indexes (unknown ones are reported). */
static void
resolve_targets(struct loader *L)
{
	struct scenario *sc = L->sc;
	const char **ids = xcalloc(sc->nnodes + 1, sizeof *ids);
	for (size_t i = 0; i < sc->nnodes; i++)
		ids[i] = sc->nodes[i].id;
	for (size_t i = 0; i < sc->nnodes; i++) {
		struct node *nd = &sc->nodes[i];
		for (size_t t = 0; t < nd->nnext; t++) {
			struct transition *tr = &nd->next[t];
			if (tr->go == NULL)
				continue;
			tr->target = scenario_find_node(sc, tr->go);
			if (tr->target != SIZE_MAX)
				continue;
			char *p = jd_path(tr->path, "goto");
			const char *s = jd_suggest(tr->go, ids);
			int l = tr->line, c = tr->col;
			diags_add(L->d, DIAG_ERROR, sc->file, l, c, p,
			    "goes to node \"%s\", which does not exist%s%s%s", tr->go,
			    s ? "; did you mean \"" : "", s ? s : "", s ? "\"?" : "");
			free(p);
		}
	}
	if (sc->start) {
		sc->start_idx = scenario_find_node(sc, sc->start);
		if (sc->start_idx == SIZE_MAX) {
			const cJSON *st = cJSON_GetObjectItem(L->doc.root, "start");
			const char *s = jd_suggest(sc->start, ids);
			jd_error(&L->doc, L->d, st, "start",
			    "start node \"%s\" does not exist%s%s%s", sc->start,
			    s ? "; did you mean \"" : "", s ? s : "", s ? "\"?" : "");
		}
	}
	free(ids);
}

static void
load_header(struct loader *L, const cJSON *root)
{
	struct scenario *sc = L->sc;
	long v;
	const char *s;
	if (jd_string(&L->doc, L->d, root, "", "id", true, &s)) {
		sc->id = xstrdup(s);
		for (const char *p = s; *p; p++) {
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
				*p == '-' || *p == '_')) {
				jd_error(&L->doc, L->d, cJSON_GetObjectItem(root, "id"),
				    "id",
				    "an id may use only a-z, 0-9, '-' and '_' (it names files)");
				break;
			}
		}
		if (strlen(s) > 64)
			jd_error(&L->doc, L->d, cJSON_GetObjectItem(root, "id"), "id",
			    "an id may be at most 64 characters");
	}
	if (jd_string(&L->doc, L->d, root, "", "title", true, &s))
		sc->title = xstrdup(s);
	if (jd_string(&L->doc, L->d, root, "", "summary", true, &s))
		sc->summary = xstrdup(s);
	if (jd_string(&L->doc, L->d, root, "", "industry", true, &s))
		sc->industry = xstrdup(s);
	if (jd_string(&L->doc, L->d, root, "", "language", true, &s))
		sc->language = xstrdup(s);
	const cJSON *tags;
	if (jd_string_array(&L->doc, L->d, root, "", "tags", false, false, &tags))
		strlist_from(&sc->tags, tags);
	if (jd_int(&L->doc, L->d, root, "", "difficulty", true, 1, 5, &v))
		sc->difficulty = (int)v;
	sc->turn_limit = 10;
	if (jd_int(&L->doc, L->d, root, "", "turn_limit", true, 1,
		SCENARIO_MAX_TURNS, &v))
		sc->turn_limit = (int)v;
	bool b;
	if (jd_bool(&L->doc, L->d, root, "", "at_fault", true, &b))
		sc->at_fault = b;
	if (jd_string(&L->doc, L->d, root, "", "start", true, &s))
		sc->start = xstrdup(s);
}

int
scenario_load(struct scenario *sc, const char *path, struct diags *d)
{
	memset(sc, 0, sizeof *sc);
	sc->file = xstrdup(path);
	sc->start_idx = SIZE_MAX;
	struct loader L = {.sc = sc, .d = d};
	struct diags mine = {0};
	L.d = &mine;
	if (jsondoc_load(&L.doc, path, &mine) != 0)
		goto done;
	char hex[65];
	sha256_hex(L.doc.text, L.doc.len, hex);
	sc->hash = xasprintf("sha256:%s", hex);
	const cJSON *root = L.doc.root;
	if (!cJSON_IsObject(root)) {
		jd_error(&L.doc, &mine, root, NULL,
		    "a scenario file must hold one JSON object, not %s",
		    cJSON_IsArray(root) ? "a list" : "a single value");
		goto done;
	}
	long v;
	if (!jd_int(&L.doc, &mine, root, "", "format", true, 1, 1000, &v))
		goto done;
	sc->format = (int)v;
	if (v != SCENARIO_FORMAT) {
		jd_error(&L.doc, &mine, cJSON_GetObjectItem(root, "format"),
		    "format", "format version %ld is not supported (this irate "
		    "reads version %d); upgrade irate", v, SCENARIO_FORMAT);
		goto done;
	}
	jd_check_keys(&L.doc, &mine, root, "", top_keys);
	load_header(&L, root);
	load_customer(&L, root);
	load_facts(&L, root);
	load_mood(&L, root);
	load_nodes(&L, root);
	resolve_targets(&L);
done:;
	int rc = mine.nerrors ? -1 : 0;
	diags_sort(&mine, 0);
	diags_move(d, &mine);
	jsondoc_free(&L.doc);
	return rc;
}

size_t
scenario_find_node(const struct scenario *sc, const char *id)
{
	for (size_t i = 0; i < sc->nnodes; i++)
		if (sc->nodes[i].id && strcmp(sc->nodes[i].id, id) == 0)
			return i;
	return SIZE_MAX;
}

bool
scenario_node_at_fault(const struct scenario *sc, size_t i)
{
	if (i < sc->nnodes && sc->nodes[i].at_fault >= 0)
		return sc->nodes[i].at_fault == 1;
	return sc->at_fault;
}

static void
cond_free(struct cond *c)
{
	strlist_free(&c->said);
	strlist_free(&c->not_said);
}

void
scenario_free(struct scenario *sc)
{
	free(sc->file);
	free(sc->hash);
	free(sc->id);
	free(sc->title);
	free(sc->summary);
	free(sc->industry);
	free(sc->language);
	strlist_free(&sc->tags);
	free(sc->customer_name);
	free(sc->persona);
	strlist_free(&sc->hang_up);
	strlist_free(&sc->time_up);
	for (size_t i = 0; i < sc->nfacts; i++) {
		free(sc->facts[i].id);
		free(sc->facts[i].text);
		strlist_free(&sc->facts[i].paraphrases);
	}
	free(sc->facts);
	free(sc->start);
	for (size_t i = 0; i < sc->nnodes; i++) {
		struct node *n = &sc->nodes[i];
		free(n->id);
		strlist_free(&n->say);
		free(n->model_reply);
		for (size_t t = 0; t < n->nnext; t++) {
			free(n->next[t].go);
			free(n->next[t].path);
			cond_free(&n->next[t].cond);
		}
		free(n->next);
	}
	free(sc->nodes);
	memset(sc, 0, sizeof *sc);
	sc->start_idx = SIZE_MAX;
}
