/* score_restate.c: does the reply name the customer's specific problem? */
#include <stdlib.h>
#include <string.h>

#include "score_parts.h"
#include "xalloc.h"

/* Prepared fact sets, so that a situation seen before (a scenario's facts
 * every turn, a helpdesk export's customer message on many replies) is not
 * tokenized and stemmed again.  Keyed by the fact texts and paraphrases (or,
 * without facts, the customer's message), compared in full on a hit.  A
 * set-associative table: FC_SETS rows of FC_WAYS entries, the least
 * recently used of a row replaced.  A key longer than FC_MAX_KEY bytes is
 * not cached; only the last such set is kept.  Memory is bounded by
 * FC_SETS * FC_WAYS * (FC_MAX_KEY + a set of at most that many words) plus
 * the one long set.  A set found before is most often found again through
 * the address of the context's facts (fact_hint()), its key compared with
 * the texts in place, without building and hashing it. */
#define FC_SETS 64
#define FC_WAYS 4
#define FC_MAX_KEY 4096
/* Hints: where the facts at an address were found last (fact_hint()):
 * enough that a few hundred situations seldom share a slot. */
#define FC_HINTS 1024

/* How many tokens from a fact word a word of its state may stand: "the
 * mirror you sent was *broken*". */
#define STATE_REACH 5

struct fc_ent {
	bool valid;
	uint32_t hash;
	uint64_t used;
	char *key;
	size_t klen, kcap;
	struct overlap_set set;
	uint64_t wish;          /* bit f: fact f is a wish (fact_is_wish()) */
};

struct fact_cache {
	struct fc_ent ent[FC_SETS * FC_WAYS];
	struct fc_ent big;      /* the last set with a key over FC_MAX_KEY */
	char *kb;               /* the key looked up */
	size_t kn, kcap;
	uint64_t clock;
	/* Per address of a context's facts (or customer message): the entry
	 * they were found in last.  Only a hint, to spare building and
	 * hashing the key: a caller may reuse the memory for other texts,
	 * so the entry's key is compared with the texts before use. */
	struct fc_hint {
		const void *at;
		struct fc_ent *e;
	} hint[FC_HINTS];
};

/* Append a tagged string to the key: tag, then the text and its NUL, or
 * the tag in lower case alone for NULL.  Texts hold no NUL, so keys of
 * different fact lists differ. */
static inline __attribute__((always_inline)) void
key_add(struct fact_cache *c, char tag, const char *text)
{
	size_t n = text ? strlen(text) + 1 : 0;
	if (c->kb == NULL || c->kn + n + 1 > c->kcap)
		c->kb = xgrow(c->kb, &c->kcap, c->kn + n + 1, 1);
	c->kb[c->kn++] = text ? tag : (char)(tag | 0x20);
	if (n)
		memcpy(c->kb + c->kn, text, n);
	c->kn += n;
}

static void
make_key(struct fact_cache *c, const struct score_ctx *ctx)
{
	c->kn = 0;
	for (size_t i = 0; i < ctx->nfacts; i++) {
		key_add(c, 'F', ctx->facts[i].text);
		for (size_t j = 0; j < ctx->facts[i].nparaphrases; j++)
			key_add(c, 'P', ctx->facts[i].paraphrases[j]);
	}
	if (ctx->nfacts == 0)
		key_add(c, 'C', ctx->customer);
}

static void
add_text(struct scorer *s, struct overlap_set *os, const char *text,
    size_t fact)
{
	if (text == NULL)
		return;
	text_tokenize_memo(&s->lx->norm, text, strlen(text), &s->tmp, &s->memo);
	overlap_set_add(os, &s->tmp, 0, s->tmp.n, fact, &s->lx->stopwords,
	    s->st);
}

/* Does the fact say what the customer wants rather than what went wrong
 * ("customer wants a refund", "policy: ...")?  One of its first three
 * words is a wish word (tokens of s->tmp, as add_text() left them). */
static bool
fact_is_wish(const struct scorer *s)
{
	const struct text_tokens *t = &s->tmp;
	for (size_t i = 0, w = 0; i < t->n && w < 3; i++) {
		const struct token *k = &t->v[i];
		if (!text_is_word(k))
			continue;
		if (lexicon_in(&s->lx->wish_words, t->buf + k->off, k->len))
			return true;
		w++;
	}
	return false;
}

static void
fill_facts(struct scorer *s, struct fc_ent *e, const struct score_ctx *ctx)
{
	struct overlap_set *os = &e->set;
	overlap_set_clear(os);
	e->wish = 0;
	if (ctx->nfacts > 0) {
		for (size_t i = 0; i < ctx->nfacts; i++) {
			add_text(s, os, ctx->facts[i].text, i);
			if (i < 64 && ctx->facts[i].text && fact_is_wish(s))
				e->wish |= (uint64_t)1 << i;
			for (size_t j = 0; j < ctx->facts[i].nparaphrases; j++)
				add_text(s, os, ctx->facts[i].paraphrases[j], i);
		}
		return;
	}
	if (ctx->customer == NULL)
		return;
	/* No facts: each sentence of the customer's message is one. */
	text_tokenize_memo(&s->lx->norm, ctx->customer, strlen(ctx->customer),
	    &s->tmp, &s->memo);
	size_t from = 0;
	for (size_t i = 0; i <= s->tmp.n; i++) {
		if (i == s->tmp.n || s->tmp.v[i].sent != s->tmp.v[from].sent) {
			if (i > from)
				overlap_set_add(os, &s->tmp, from, i,
				    s->tmp.v[from].sent, &s->lx->stopwords, s->st);
			from = i;
		}
	}
}

/* Does e->key from *at hold what key_add() adds for tag and text?  Moves
 * *at past it. */
static inline __attribute__((always_inline)) bool
key_holds(const struct fc_ent *e, size_t *at, char tag, const char *text)
{
	size_t i = *at;
	if (i >= e->klen)
		return false;
	if (text == NULL) {
		*at = i + 1;
		return e->key[i] == (char)(tag | 0x20);
	}
	size_t n = strlen(text) + 1;
	if (e->key[i] != tag || e->klen - i - 1 < n ||
	    memcmp(e->key + i + 1, text, n) != 0)
		return false;
	*at = i + 1 + n;
	return true;
}

/* Is e's key the one make_key() builds for ctx?  Compared in place. */
static bool
key_is(const struct fc_ent *e, const struct score_ctx *ctx)
{
	size_t at = 0;
	if (!e->valid)
		return false;
	for (size_t i = 0; i < ctx->nfacts; i++) {
		if (!key_holds(e, &at, 'F', ctx->facts[i].text))
			return false;
		for (size_t j = 0; j < ctx->facts[i].nparaphrases; j++)
			if (!key_holds(e, &at, 'P', ctx->facts[i].paraphrases[j]))
				return false;
	}
	if (ctx->nfacts == 0 && !key_holds(e, &at, 'C', ctx->customer))
		return false;
	return at == e->klen;
}

/* The hint slot of ctx's facts: by the address of its facts, or of its
 * customer message when it has none. */
static struct fc_hint *
fact_hint(struct fact_cache *c, const struct score_ctx *ctx)
{
	const void *at = ctx->nfacts ? (const void *)ctx->facts :
	    (const void *)ctx->customer;
	uint64_t x = (uint64_t)(uintptr_t)at * 0x9E3779B97F4A7C15ull;
	struct fc_hint *hn = &c->hint[x >> 54];
	_Static_assert(FC_HINTS == 1024, "fact_hint() takes 10 bits");
	if (hn->at != at) {
		hn->at = at;
		hn->e = NULL;
	}
	return hn;
}

static bool
ent_has(const struct fc_ent *e, uint32_t h, const struct fact_cache *c)
{
	return e->valid && e->hash == h && e->klen == c->kn &&
	    memcmp(e->key, c->kb, c->kn) == 0;
}

/* The fact set of ctx, from the cache or prepared now. */
static struct fc_ent *
build_facts(struct scorer *s, const struct score_ctx *ctx)
{
	if (s->facts == NULL)
		s->facts = xcalloc(1, sizeof *s->facts);
	struct fact_cache *c = s->facts;
	/* The entry the look-up below would find (no two hold one key),
	 * marked used as it would be. */
	struct fc_hint *hn = fact_hint(c, ctx);
	struct fc_ent *e = hn->e;
	if (e != NULL && key_is(e, ctx)) {
		if (e != &c->big)
			e->used = ++c->clock;
		return e;
	}
	make_key(c, ctx);
	uint32_t h = text_map_hash_fast(c->kb, c->kn);
	if (c->kn > FC_MAX_KEY) {
		e = &c->big;
		if (ent_has(e, h, c))
			return hn->e = e;
	} else {
		struct fc_ent *row = &c->ent[(h ^ (h >> 16)) % FC_SETS * FC_WAYS];
		e = &row[0];
		for (size_t w = 0; w < FC_WAYS; w++) {
			if (ent_has(&row[w], h, c)) {
				row[w].used = ++c->clock;
				return hn->e = &row[w];
			}
			if (!row[w].valid ? e->valid : (e->valid &&
			    row[w].used < e->used))
				e = &row[w];
		}
	}
	e->valid = false;
	fill_facts(s, e, ctx);
	e->key = xgrow(e->key, &e->kcap, c->kn, 1);
	memcpy(e->key, c->kb, c->kn);
	e->klen = c->kn;
	e->hash = h;
	e->used = ++c->clock;
	e->valid = true;
	return hn->e = e;
}

void
score_restate_free(struct scorer *s)
{
	struct fact_cache *c = s->facts;
	if (c == NULL)
		return;
	for (size_t i = 0; i <= FC_SETS * FC_WAYS; i++) {
		struct fc_ent *e = i < FC_SETS * FC_WAYS ? &c->ent[i] : &c->big;
		overlap_set_free(&e->set);
		free(e->key);
	}
	free(c->kb);
	free(c);
	s->facts = NULL;
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
hit_fact(const struct overlap_set *os, const struct overlap_result *res,
    uint32_t e)
{
	uint64_t units = os->ent[e].units;
	size_t best = res->best_unit;
	if (!(units & ((uint64_t)1 << best))) {
		bool any = false;
		for (size_t u = 0; u < os->nunits; u++)
			if ((units & ((uint64_t)1 << u)) &&
			    (!any || res->unit_hits[u] > res->unit_hits[best])) {
				best = u;
				any = true;
			}
	}
	return os->unit_fact[best];
}

/* Is word token tk part of an offer ("a free label", "the centre
 * manager will call")?  Such words name the remedy, not the problem. */
static bool
in_offer(const struct scorer *s, size_t tk)
{
	for (size_t j = 0; j < s->m.n; j++) {
		const struct lex_match *x = &s->m.v[j];
		if ((x->cat == LC_ALTERNATIVE || x->cat == LC_CHOICE ||
		    x->cat == LC_VAGUE) && tk >= x->start && tk < x->end)
			return true;
	}
	return false;
}

/* Does hit i name a fact of what went wrong (not a wish), inside an offer
 * or not ("I'll replace the *missing cardigans*")? */
static bool
names_fact(const struct fc_ent *fe, const uint32_t *ent, size_t i)
{
	const struct overlap_set *os = &fe->set;
	uint64_t units = os->ent[ent[i]].units;
	for (size_t u = 0; u < os->nunits; u++) {
		size_t f = os->unit_fact[u];
		if ((units & ((uint64_t)1 << u)) &&
		    (f >= 64 || !(fe->wish & ((uint64_t)1 << f))))
			return true;
	}
	return false;
}

/* Does hit i name a fact of what went wrong (not a wish), outside an
 * offer? */
static bool
names_problem(const struct scorer *s, const struct fc_ent *fe,
    const uint32_t *hits, const uint32_t *ent, size_t i)
{
	return !in_offer(s, hits[i]) && names_fact(fe, ent, i);
}

/* Distinct stems named (names_problem()): two of them restate the
 * problem even from two facts ("waiting in all day for an engineer"). */
static size_t
problem_words(const struct scorer *s, const struct fc_ent *fe,
    const uint32_t *hits, const uint32_t *ent, size_t nh)
{
	uint32_t seen[2];
	size_t n = 0;
	for (size_t i = 0; i < nh && n < 2; i++) {
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			dup |= seen[k] == ent[i];
		if (!dup && names_problem(s, fe, hits, ent, i))
			seen[n++] = ent[i];
	}
	return n;
}

/* Is a word that names the problem (names_problem()) in the sentence of a
 * genuine apology ("Sorry about the ban", "I'm sorry the clean didn't
 * happen")?  One such word restates the problem. */
static bool
apology_word(const struct scorer *s, const struct fc_ent *fe,
    const uint32_t *hits, const uint32_t *ent, size_t nh)
{
	for (size_t i = 0; i < nh; i++) {
		if (!names_problem(s, fe, hits, ent, i))
			continue;
		uint32_t sent = s->tok.v[hits[i]].sent;
		for (size_t j = 0; j < s->m.n; j++) {
			const struct lex_match *x = &s->m.v[j];
			if (x->cat == LC_APOLOGY && !s->dead[j] &&
			    s->tok.v[x->start].sent == sent)
				return true;
		}
	}
	return false;
}

/* Is a word of the facts qualified by a word of what went wrong (a
 * `problem_state` match: "the *broken* mirror", "the *missed* bins", "the
 * parcel *never arrived*") close by in its sentence?  One detail and its
 * state name the problem, in the reply's own words. */
static bool
state_word(struct score_run *r, const struct fc_ent *fe,
    const uint32_t *hits, const uint32_t *ent, size_t nh)
{
	struct scorer *s = r->s;
	const struct text_tokens *t = &s->tok;
	for (size_t j = 0; j < s->m.n; j++) {
		const struct lex_match *x = &s->m.v[j];
		if (x->cat != LC_PROBLEM_STATE || s->dead[j] ||
		    (t->v[x->start].mark & (MK_REFUSED | MK_SCORN | MK_GENERIC)) ||
		    score_negated(r, x))
			continue;
		for (size_t i = 0; i < nh; i++) {
			size_t h = hits[i];
			if (h >= x->start && h < x->end)
				continue;
			if (t->v[h].sent != t->v[x->start].sent)
				continue;
			size_t gap = h < x->start ? x->start - h : h - x->end + 1;
			if (gap <= STATE_REACH && names_fact(fe, ent, i))
				return true;
		}
	}
	return false;
}

/* Is a word that names the problem (names_problem()) in a sentence that
 * checks back ("So the N29 went past without stopping?", "the cold room
 * failed again, is that right?")?  A check-back with one detail restates
 * the problem. */
static bool
check_word(const struct scorer *s, const struct fc_ent *fe,
    const uint32_t *hits, const uint32_t *ent, size_t nh)
{
	for (size_t j = 0; j < s->m.n; j++) {
		const struct lex_match *x = &s->m.v[j];
		if (x->cat != LC_CHECK_BACK || s->dead[j])
			continue;
		uint32_t sent = s->tok.v[x->start].sent;
		for (size_t i = 0; i < nh; i++)
			if (s->tok.v[hits[i]].sent == sent &&
			    (hits[i] < x->start || hits[i] >= x->end) &&
			    names_problem(s, fe, hits, ent, i))
				return true;
	}
	return false;
}

void
score_restate(struct score_run *r)
{
	mark_scorn(r);
	struct scorer *s = r->s;
	const struct score_ctx *ctx = r->ctx;
	struct crit_result *c = &r->g->crit[CRIT_RESTATE];
	struct fc_ent *fe = build_facts(s, ctx);
	struct overlap_set *os = &fe->set;
	uint32_t hits[32], ent[32];
	struct overlap_result res;
	size_t nh = overlap_match(os, &s->tok, &s->lx->stopwords, s->st,
	    MK_REFUSED | MK_SCORN | MK_GENERIC, hits, ent, 32, &res);
	size_t best = res.unit_hits[res.best_unit];
	bool found = best >= 2 || (res.distinct >= 2 && res.specific >= 1) ||
	    (ctx->nfacts > 0 && res.distinct >= 2 &&
	    problem_words(s, fe, hits, ent, nh) >= 2) ||
	    (ctx->nfacts > 0 && apology_word(s, fe, hits, ent, nh)) ||
	    state_word(r, fe, hits, ent, nh) ||
	    check_word(s, fe, hits, ent, nh);
	bool check_back = false;
	for (size_t i = 0; i < s->m.n; i++)
		if (s->m.v[i].cat == LC_CHECK_BACK)
			check_back = true;
	/* The words name the problem, but the learned model may read the
	 * reply as something else: a denial, a lecture, a stock line.  Only
	 * with given facts: it learnt from replies that had them. */
	bool vetoed = found && ctx->nfacts > 0 &&
	    score_model_vetoes(r, CRIT_RESTATE);
	if (vetoed)
		found = false;
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
			size_t fact = hit_fact(os, &res, ent[i]);
			while (i + 1 < nh && hits[i + 1] == b &&
			    hit_fact(os, &res, ent[i + 1]) == fact) {
				b++;
				i++;
			}
			/* "names the problem: <fact>", built in place unless
			 * the fact is long. */
			static const char lead[] = "names the problem: ";
			char buf[256];
			char *why = NULL;
			const char *w = "names a detail the customer gave";
			if (ctx->nfacts > 0 && fact < ctx->nfacts &&
			    ctx->facts[fact].text) {
				const char *ft = ctx->facts[fact].text;
				size_t fl = strlen(ft);
				if (fl < sizeof buf - sizeof lead) {
					memcpy(buf, lead, sizeof lead - 1);
					memcpy(buf + sizeof lead - 1, ft, fl + 1);
					w = buf;
				} else {
					w = why = xasprintf("%s%s", lead, ft);
				}
			}
			score_evidence(r, CRIT_RESTATE, a, b, true, w);
			free(why);
		}
		for (size_t i = 0; i < s->m.n; i++)
			if (s->m.v[i].cat == LC_CHECK_BACK)
				score_evidence(r, CRIT_RESTATE, s->m.v[i].start,
				    s->m.v[i].end, true, score_why(r, &s->m.v[i]));
	} else {
		c->score = vetoed ? 20 : res.distinct == 1 ? 20 : 0;
		if (nh > 0 && !vetoed)
			score_evidence(r, CRIT_RESTATE, hits[0], hits[0] + 1, false,
			    "only one detail of the problem: name what went wrong");
		score_tip(r, CRIT_RESTATE, TIP_DEFAULT);
	}
}
