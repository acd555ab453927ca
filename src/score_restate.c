/* score_restate.c: does the reply name the customer's specific problem? */
#include <stdlib.h>
#include <string.h>

#include "score_parts.h"
#include "xalloc.h"

static uint32_t
mix(uint32_t h, const char *s)
{
	if (s == NULL)
		return h * 31u + 7u;
	return (h ^ text_map_hash(s, strlen(s))) * 16777619u + 1u;
}

static uint32_t
facts_key(const struct score_ctx *ctx)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < ctx->nfacts; i++) {
		h = mix(h, ctx->facts[i].text);
		for (size_t j = 0; j < ctx->facts[i].nparaphrases; j++)
			h = mix(h, ctx->facts[i].paraphrases[j]);
		h = mix(h, "\x01");
	}
	if (ctx->nfacts == 0)
		h = mix(h, ctx->customer);
	return h ^ (uint32_t)ctx->nfacts;
}

static void
add_text(struct scorer *s, const char *text, size_t fact)
{
	if (text == NULL)
		return;
	text_tokenize(&s->lx->norm, text, strlen(text), &s->tmp);
	overlap_set_add(&s->facts, &s->tmp, 0, s->tmp.n, fact, &s->lx->stopwords,
	    s->st);
}

static void
build_facts(struct scorer *s, const struct score_ctx *ctx)
{
	uint32_t key = facts_key(ctx);
	if (s->facts_valid && s->facts.key == key)
		return;
	overlap_set_clear(&s->facts);
	s->facts.key = key;
	s->facts_valid = true;
	if (ctx->nfacts > 0) {
		for (size_t i = 0; i < ctx->nfacts; i++) {
			add_text(s, ctx->facts[i].text, i);
			for (size_t j = 0; j < ctx->facts[i].nparaphrases; j++)
				add_text(s, ctx->facts[i].paraphrases[j], i);
		}
		return;
	}
	if (ctx->customer == NULL)
		return;
	/* No facts: each sentence of the customer's message is one. */
	text_tokenize(&s->lx->norm, ctx->customer, strlen(ctx->customer), &s->tmp);
	size_t from = 0;
	for (size_t i = 0; i <= s->tmp.n; i++) {
		if (i == s->tmp.n || s->tmp.v[i].sent != s->tmp.v[from].sent) {
			if (i > from)
				overlap_set_add(&s->facts, &s->tmp, from, i,
				    s->tmp.v[from].sent, &s->lx->stopwords, s->st);
			from = i;
		}
	}
}

/* Details used to mock, threaten or order the customer ("You need to use
 * the forgot-password link") do not restate the problem. */
static void
mark_scorn(struct score_run *r)
{
	struct scorer *s = r->s;
	struct text_tokens *t = &s->tok;
	bool any = false;
	for (size_t i = 0; i < s->m.n; i++) {
		const struct lex_match *x = &s->m.v[i];
		if (s->dead[i] || (x->cat != LC_HOSTILE &&
		    x->cat != LC_SARCASM && x->cat != LC_COMMAND))
			continue;
		s->sarc[t->v[x->start].sent] |= SF_SCORN;
		any = true;
	}
	if (!any)
		return;
	for (size_t i = 0; i < t->n; i++)
		if (s->sarc[t->v[i].sent] & SF_SCORN)
			t->v[i].mark |= MK_SCORN;
}

/* The fact an entry of the set belongs to: the best-matched unit's if
 * the entry is in it, else that of its unit with most words named. */
static size_t
hit_fact(const struct scorer *s, const struct overlap_result *res, uint32_t e)
{
	uint64_t units = s->facts.ent[e].units;
	size_t best = res->best_unit;
	if (!(units & ((uint64_t)1 << best))) {
		bool any = false;
		for (size_t u = 0; u < s->facts.nunits; u++)
			if ((units & ((uint64_t)1 << u)) &&
			    (!any || res->unit_hits[u] > res->unit_hits[best])) {
				best = u;
				any = true;
			}
	}
	return s->facts.unit_fact[best];
}

void
score_restate(struct score_run *r)
{
	mark_scorn(r);
	struct scorer *s = r->s;
	const struct score_ctx *ctx = r->ctx;
	struct crit_result *c = &r->g->crit[CRIT_RESTATE];
	build_facts(s, ctx);
	uint32_t hits[32], ent[32];
	struct overlap_result res;
	size_t nh = overlap_match(&s->facts, &s->tok, &s->lx->stopwords, s->st,
	    MK_REFUSED | MK_SCORN | MK_GENERIC, hits, ent, 32, &res);
	size_t best = res.unit_hits[res.best_unit];
	bool found = best >= 2 || (res.distinct >= 2 && res.specific >= 1);
	bool check_back = false;
	for (size_t i = 0; i < s->m.n; i++)
		if (s->m.v[i].cat == LC_CHECK_BACK)
			check_back = true;
	c->detected = found;
	c->met = found;
	if (found) {
		int sc = res.distinct >= 4 ? 90 : res.distinct == 3 ? 80 : 65;
		if (check_back)
			sc += 10;
		c->score = sc > 100 ? 100 : sc;
		/* Each word cites the fact it named: "birthday" the birthday
		 * fact, not the best-matched one. */
		for (size_t i = 0; i < nh; i++) {
			size_t a = hits[i], b = a + 1;
			size_t fact = hit_fact(s, &res, ent[i]);
			while (i + 1 < nh && hits[i + 1] == b &&
			    hit_fact(s, &res, ent[i + 1]) == fact) {
				b++;
				i++;
			}
			char *why;
			if (ctx->nfacts > 0 && fact < ctx->nfacts &&
			    ctx->facts[fact].text)
				why = xasprintf("names the problem: %s",
				    ctx->facts[fact].text);
			else
				why = xstrdup("names a detail the customer gave");
			score_evidence(r, CRIT_RESTATE, a, b, true, why);
			free(why);
		}
		for (size_t i = 0; i < s->m.n; i++)
			if (s->m.v[i].cat == LC_CHECK_BACK)
				score_evidence(r, CRIT_RESTATE, s->m.v[i].start,
				    s->m.v[i].end, true, score_why(r, &s->m.v[i]));
	} else {
		c->score = res.distinct == 1 ? 20 : 0;
		if (nh > 0)
			score_evidence(r, CRIT_RESTATE, hits[0], hits[0] + 1, false,
			    "only one detail of the problem: name what went wrong");
		score_tip(r, CRIT_RESTATE, TIP_DEFAULT);
	}
}
