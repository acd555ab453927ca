/* cond.c: evaluating a transition's condition against a graded reply. */
#include "cond.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

/* Next normalised byte of s at *i: lowercase ASCII, apostrophes as '\'',
 * whitespace runs as one ' '.  Returns 0 at the end. */
static int
norm_next(const char *s, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];
	if (c == 0)
		return 0;
	if (c == 0xe2 && (unsigned char)s[*i + 1] == 0x80 &&
	    ((unsigned char)s[*i + 2] == 0x98 || (unsigned char)s[*i + 2] == 0x99)) {
		*i += 3;
		return '\'';
	}
	if (isspace(c)) {
		while (isspace((unsigned char)s[*i]))
			(*i)++;
		return ' ';
	}
	(*i)++;
	return tolower(c);
}

static bool
is_word_byte(int c)
{
	return isalnum(c) || c >= 0x80;
}

/* A normalised copy of s (see norm_next), without edge spaces. */
static char *
normalise(const char *s)
{
	char *out = xmalloc(strlen(s) + 1);
	size_t i = 0, o = 0;
	int c;
	while ((c = norm_next(s, &i)) != 0)
		if (!(c == ' ' && o == 0))
			out[o++] = (char)c;
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

bool
said_phrase(const char *reply, const char *w)
{
	char *r = normalise(reply), *p = normalise(w);
	size_t pl = strlen(p);
	bool found = false;
	for (const char *h = r; pl && (h = strstr(h, p)) != NULL; h++) {
		bool before = h == r || !is_word_byte((unsigned char)h[-1]);
		bool after = !is_word_byte((unsigned char)h[pl]);
		if (before && after) {
			found = true;
			break;
		}
	}
	free(r);
	free(p);
	return found;
}

static bool
any_said(const struct strlist *l, const char *reply)
{
	for (size_t i = 0; i < l->n; i++)
		if (said_phrase(reply, l->v[i]))
			return true;
	return false;
}

bool
cond_holds(const struct cond *c, const struct grading *g, const char *reply,
    int mood, int turn)
{
	for (int k = 0; k < CRIT_COUNT; k++) {
		unsigned bit = 1u << k;
		if ((c->met & bit) && !g->crit[k].met)
			return false;
		if ((c->missed & bit) && g->crit[k].met)
			return false;
	}
	if (c->pitfalls || c->no_pitfalls) {
		unsigned flagged = 0;
		for (size_t i = 0; i < g->npits; i++)
			if ((unsigned)g->pits[i].kind < PIT_COUNT)
				flagged |= 1u << g->pits[i].kind;
		if (c->pitfalls && !(flagged & c->pitfalls))
			return false;
		if (flagged & c->no_pitfalls)
			return false;
	}
	if (c->said.n && !any_said(&c->said, reply))
		return false;
	if (c->not_said.n && any_said(&c->not_said, reply))
		return false;
	if (c->mood_below >= 0 && !(mood < c->mood_below))
		return false;
	if (c->mood_at_least >= 0 && !(mood >= c->mood_at_least))
		return false;
	if (c->turn_at_least >= 0 && !(turn >= c->turn_at_least))
		return false;
	if (c->turn_below >= 0 && !(turn < c->turn_below))
		return false;
	if (c->score_at_least >= 0 && !(g->overall >= c->score_at_least))
		return false;
	if (c->score_below >= 0 && !(g->overall < c->score_below))
		return false;
	return true;
}

static void
describe_mask(struct buf *b, const char *label, unsigned mask, bool crit)
{
	if (!mask)
		return;
	if (b->len)
		buf_puts(b, "; ");
	buf_printf(b, "%s: ", label);
	bool first = true;
	for (int k = 0; k < (crit ? CRIT_COUNT : PIT_COUNT); k++) {
		if (!(mask & (1u << k)))
			continue;
		buf_printf(b, "%s%s", first ? "" : ", ",
		    crit ? criterion_name((enum criterion)k) : pitfall_name((enum pitfall)k));
		first = false;
	}
}

static void
describe_words(struct buf *b, const char *label, const struct strlist *l)
{
	if (!l->n)
		return;
	if (b->len)
		buf_puts(b, "; ");
	buf_printf(b, "%s: ", label);
	for (size_t i = 0; i < l->n; i++)
		buf_printf(b, "%s\"%s\"", i ? " or " : "", l->v[i]);
}

static void
describe_num(struct buf *b, const char *what, const char *op, int v)
{
	if (v < 0)
		return;
	if (b->len)
		buf_puts(b, "; ");
	buf_printf(b, "%s %s %d", what, op, v);
}

char *
cond_describe(const struct cond *c)
{
	struct buf b = {0};
	describe_mask(&b, "met", c->met, true);
	describe_mask(&b, "missed", c->missed, true);
	describe_mask(&b, "pitfall", c->pitfalls, false);
	describe_mask(&b, "no pitfall", c->no_pitfalls, false);
	describe_words(&b, "said", &c->said);
	describe_words(&b, "not said", &c->not_said);
	describe_num(&b, "mood", "<", c->mood_below);
	describe_num(&b, "mood", ">=", c->mood_at_least);
	describe_num(&b, "turn", ">=", c->turn_at_least);
	describe_num(&b, "turn", "<", c->turn_below);
	describe_num(&b, "score", ">=", c->score_at_least);
	describe_num(&b, "score", "<", c->score_below);
	return buf_take(&b);
}
