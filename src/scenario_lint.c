/* scenario_lint.c: finding what parses in a scenario but cannot work; dot export. */
#include "scenario_lint.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cond.h"
#include "xalloc.h"

static void node_problem(struct diags *d, const struct scenario *sc,
    const struct node *n, enum diag_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
node_problem(struct diags *d, const struct scenario *sc, const struct node *n,
    enum diag_severity sev, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *p = xasprintf("nodes.%s", n->id);
	diags_add(d, sev, sc->file, n->line, n->col, p, "%s", msg);
	free(p);
}

static void
trans_problem(struct diags *d, const struct scenario *sc,
    const struct transition *t, const char *msg)
{
	diags_add(d, DIAG_WARNING, sc->file, t->line, t->col, t->path, "%s", msg);
}

/* Mark every node reachable from `from` in seen[]. */
static void
mark_reachable(const struct scenario *sc, size_t from, bool *seen)
{
	size_t *stack = xcalloc(sc->nnodes + 1, sizeof *stack);
	size_t top = 0;
	stack[top++] = from;
	seen[from] = true;
	while (top) {
		const struct node *n = &sc->nodes[stack[--top]];
		for (size_t t = 0; t < n->nnext; t++) {
			size_t to = n->next[t].target;
			if (to < sc->nnodes && !seen[to]) {
				seen[to] = true;
				stack[top++] = to;
			}
		}
	}
	free(stack);
}

/* can_end[i]: an ending node is reachable from node i (fixed point). */
static void
mark_can_end(const struct scenario *sc, bool *can_end)
{
	for (size_t i = 0; i < sc->nnodes; i++)
		can_end[i] = sc->nodes[i].end != END_NONE;
	bool changed = true;
	while (changed) {
		changed = false;
		for (size_t i = 0; i < sc->nnodes; i++) {
			if (can_end[i])
				continue;
			const struct node *n = &sc->nodes[i];
			for (size_t t = 0; t < n->nnext; t++) {
				size_t to = n->next[t].target;
				if (to < sc->nnodes && can_end[to]) {
					can_end[i] = changed = true;
					break;
				}
			}
		}
	}
}

/* Why condition c can never hold at node n, or NULL. */
static const char *
cond_impossible(const struct scenario *sc, size_t node, const struct cond *c)
{
	if (c->met & c->missed)
		return "never holds: a criterion cannot be both met and missed";
	if (c->pitfalls && (c->pitfalls & ~c->no_pitfalls) == 0)
		return "never holds: every pitfall it needs is also excluded";
	if (c->mood_below >= 0 && c->mood_at_least >= 0 &&
	    c->mood_below <= c->mood_at_least)
		return "never holds: mood_below is not above mood_at_least";
	if (c->mood_below == 0)
		return "never holds: the mood is never below 0";
	if (c->mood_at_least >= MOOD_MAX)
		return "never holds: at mood 100 the customer has already hung up";
	if (c->turn_below >= 0 && c->turn_at_least >= 0 &&
	    c->turn_below <= c->turn_at_least)
		return "never holds: turn_below is not above turn_at_least";
	if (c->turn_below == 1)
		return "never holds: the first reply is turn 1";
	if (c->turn_at_least > sc->turn_limit)
		return "never holds: turn_at_least is beyond the turn limit";
	if (c->score_below >= 0 && c->score_at_least >= 0 &&
	    c->score_below <= c->score_at_least)
		return "never holds: score_below is not above score_at_least";
	if (c->score_below == 0)
		return "never holds: the score is never below 0";
	if ((c->missed & (1u << CRIT_APOLOGY)) &&
	    !scenario_node_at_fault(sc, node))
		return "never holds: the company is not at fault here, so the "
		       "apology criterion is always met (no apology is owed)";
	for (size_t i = 0; i < c->said.n; i++)
		for (size_t j = 0; j < c->not_said.n; j++)
			if (strcmp(c->said.v[i], c->not_said.v[j]) == 0 &&
			    c->said.n == 1)
				return "never holds: the same word is both required "
				       "and forbidden";
	return NULL;
}

static void
lint_facts(const struct scenario *sc, struct diags *d)
{
	for (size_t i = 0; i < sc->nfacts; i++) {
		const struct fact *f = &sc->facts[i];
		char *p = xasprintf("facts[%zu]", i);
		if (f->paraphrases.n == 0)
			diags_add(d, DIAG_WARNING, sc->file, f->line, f->col, p,
			    "fact \"%s\" has no paraphrases: a restatement in "
			    "other words will not be recognised",
			    f->id ? f->id : "?");
		for (size_t j = 0; j < i; j++) {
			if (f->id && sc->facts[j].id &&
			    strcmp(f->id, sc->facts[j].id) == 0) {
				diags_add(d, DIAG_ERROR, sc->file, f->line, f->col, p,
				    "duplicate fact id \"%s\" (first at line %d)",
				    f->id, sc->facts[j].line);
				break;
			}
		}
		free(p);
	}
}

static void
lint_transitions(const struct scenario *sc, struct diags *d)
{
	for (size_t i = 0; i < sc->nnodes; i++) {
		const struct node *n = &sc->nodes[i];
		bool fallback_seen = false;
		for (size_t t = 0; t < n->nnext; t++) {
			const struct transition *tr = &n->next[t];
			if (fallback_seen) {
				trans_problem(d, sc, tr,
				    "never taken: an earlier transition without "
				    "\"if\" always matches first");
				continue;
			}
			if (!tr->has_cond) {
				fallback_seen = true;
				continue;
			}
			const char *why = cond_impossible(sc, i, &tr->cond);
			if (why)
				trans_problem(d, sc, tr, why);
		}
		bool self_only = n->nnext > 0;
		for (size_t t = 0; t < n->nnext; t++)
			if (n->next[t].target != i)
				self_only = false;
		if (self_only)
			node_problem(d, sc, n, DIAG_ERROR,
			    "no way out: every transition of \"%s\" leads back "
			    "to itself", n->id);
	}
}

int
scenario_lint(const struct scenario *sc, struct diags *d)
{
	size_t before = d->n;
	if (sc->start_idx >= sc->nnodes || sc->nnodes == 0)
		return (int)(d->n - before);
	bool *seen = xcalloc(sc->nnodes, sizeof *seen);
	bool *can_end = xcalloc(sc->nnodes, sizeof *can_end);
	mark_reachable(sc, sc->start_idx, seen);
	mark_can_end(sc, can_end);

	const struct node *start = &sc->nodes[sc->start_idx];
	if (start->end != END_NONE)
		node_problem(d, sc, start, DIAG_ERROR,
		    "the start node \"%s\" is an ending: the trainee never "
		    "gets to reply", start->id);
	if (!can_end[sc->start_idx])
		node_problem(d, sc, start, DIAG_ERROR,
		    "no ending is reachable from the start node \"%s\"",
		    start->id);
	bool resolved = false;
	for (size_t i = 0; i < sc->nnodes; i++)
		if (seen[i] && sc->nodes[i].end == END_RESOLVED)
			resolved = true;
	if (!resolved)
		node_problem(d, sc, start, DIAG_WARNING,
		    "no \"resolved\" ending is reachable from \"%s\": the "
		    "trainee can never calm this customer", start->id);
	for (size_t i = 0; i < sc->nnodes; i++) {
		const struct node *n = &sc->nodes[i];
		if (scenario_find_node(sc, n->id) != i)
			continue; /* a duplicate id, reported when loading */
		if (!seen[i])
			node_problem(d, sc, n, DIAG_WARNING,
			    "node \"%s\" is unreachable from the start", n->id);
		else if (!can_end[i] && can_end[sc->start_idx])
			node_problem(d, sc, n, DIAG_ERROR,
			    "no way out: no ending can be reached from \"%s\"",
			    n->id);
	}
	lint_facts(sc, d);
	lint_transitions(sc, d);
	free(seen);
	free(can_end);
	diags_sort(d, before);
	return (int)(d->n - before);
}

/* Append s as a dot string body (quotes, backslashes and newlines escaped),
 * cut to about max bytes at a character boundary. */
static void
dot_escape(struct buf *b, const char *s, size_t max)
{
	size_t i = 0;
	for (; s[i] && i < max; i++) {
		char c = s[i];
		if (c == '"' || c == '\\')
			buf_putc(b, '\\');
		if (c == '\n') {
			buf_puts(b, "\\n");
			continue;
		}
		buf_putc(b, c);
	}
	if (s[i]) {
		while (((unsigned char)s[i] & 0xc0) == 0x80) /* finish the char */
			buf_putc(b, s[i++]);
		buf_puts(b, "…");
	}
}

char *
scenario_dot(const struct scenario *sc)
{
	static const char *const colour[END_COUNT] = {"", "palegreen",
	    "lightgoldenrod", "lightcoral", "lightgrey"};
	struct buf b = {0};
	buf_puts(&b, "digraph \"");
	dot_escape(&b, sc->id ? sc->id : "scenario", 200);
	buf_puts(&b, "\" {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"sans\"];\n");
	for (size_t i = 0; i < sc->nnodes; i++) {
		const struct node *n = &sc->nodes[i];
		buf_puts(&b, "  \"");
		dot_escape(&b, n->id, 200);
		buf_puts(&b, "\" [label=\"");
		dot_escape(&b, n->id, 200);
		if (n->end != END_NONE)
			buf_printf(&b, "\\n[%s]", ending_name(n->end));
		if (n->say.n) {
			buf_puts(&b, "\\n");
			dot_escape(&b, n->say.v[0], 60);
		}
		buf_puts(&b, "\"");
		if (n->end != END_NONE)
			buf_printf(&b, ", shape=doubleoctagon, style=filled, fillcolor=%s",
			    colour[n->end]);
		if (i == sc->start_idx)
			buf_puts(&b, ", penwidth=2");
		buf_puts(&b, "];\n");
	}
	for (size_t i = 0; i < sc->nnodes; i++) {
		const struct node *n = &sc->nodes[i];
		for (size_t t = 0; t < n->nnext; t++) {
			const struct transition *tr = &n->next[t];
			if (tr->go == NULL)
				continue;
			buf_puts(&b, "  \"");
			dot_escape(&b, n->id, 200);
			buf_puts(&b, "\" -> \"");
			dot_escape(&b, tr->go, 200);
			buf_printf(&b, "\" [label=\"%zu: ", t + 1);
			if (tr->has_cond) {
				char *desc = cond_describe(&tr->cond);
				dot_escape(&b, desc, 200);
				free(desc);
			} else {
				buf_puts(&b, "otherwise");
			}
			buf_puts(&b, tr->has_cond ? "\"];\n" : "\", style=dashed];\n");
		}
	}
	buf_puts(&b, "}\n");
	return buf_take(&b);
}
