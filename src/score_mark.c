/* score_mark.c: negation scope, sarcastic sentences and shared helpers. */
#include <stdlib.h>
#include <string.h>

#include "score_parts.h"
#include "xalloc.h"

#define tok_is(t, i, set, flag) tok_is_f(r->lx, t, i, set, flag)

/* Does token i end a clause (stop a negation's scope)?  Inline: the
 * negation scopes ask it of nearly every token they cover. */
static inline __attribute__((always_inline)) bool
clause_break(const struct score_run *r, const struct text_tokens *t, size_t i)
{
	const struct token *k = &t->v[i];
	if (k->kind == TOK_PUNCT) {
		char c = t->buf[k->off];
		return c != '\'' && c != '/';
	}
	return k->kind == TOK_WORD && tok_is(t, i, &r->lx->breaks, LW_BREAK);
}

/* What score_mark()'s pass over the tokens notes of a token, by its kind
 * and whether it is in capitals (TF_CAPS) or made from the word before
 * (TF_SUB): MC_WORD (equal to LW_NEGATOR: a word may be a negator, by
 * its lexicon.wflags), a word or number counted (MC_COUNTED: not TF_SUB),
 * a number, a word in capitals (not TF_SUB), punctuation. */
enum { MC_WORD = LW_NEGATOR, MC_COUNTED = 2, MC_NUM = 4, MC_CAPS = 8,
	MC_PUNCT = 16 };
_Static_assert(LW_NEGATOR == 1, "MC_WORD is LW_NEGATOR, apart from the rest");

/* The index of token k into mark_class: its kind, TF_SUB and TF_CAPS. */
static inline __attribute__((always_inline)) unsigned
mark_class_of(const struct token *k)
{
	_Static_assert((TF_CAPS | TF_SUB) < 16, "mark_class_of's bits");
	return (unsigned)(k->kind & 7) << 4 | (k->flags & (TF_CAPS | TF_SUB));
}

#define MC_KIND(kind, caps, sub, c) \
	[(kind) << 4 | ((caps) ? TF_CAPS : 0) | ((sub) ? TF_SUB : 0)] = (c)
static const uint8_t mark_class[128] = {
	MC_KIND(TOK_WORD, 0, 0, MC_WORD | MC_COUNTED),
	MC_KIND(TOK_WORD, 1, 0, MC_WORD | MC_COUNTED | MC_CAPS),
	MC_KIND(TOK_WORD, 0, 1, MC_WORD),
	MC_KIND(TOK_WORD, 1, 1, MC_WORD),
	MC_KIND(TOK_NUM, 0, 0, MC_NUM | MC_COUNTED),
	MC_KIND(TOK_NUM, 1, 0, MC_NUM | MC_COUNTED),
	MC_KIND(TOK_NUM, 0, 1, MC_NUM),
	MC_KIND(TOK_NUM, 1, 1, MC_NUM),
	MC_KIND(TOK_PUNCT, 0, 0, MC_PUNCT),
	MC_KIND(TOK_PUNCT, 1, 0, MC_PUNCT),
	MC_KIND(TOK_PUNCT, 0, 1, MC_PUNCT),
	MC_KIND(TOK_PUNCT, 1, 1, MC_PUNCT),
};
#undef MC_KIND

void
score_mark(struct score_run *r)
{
	struct scorer *s = r->s;
	struct text_tokens *t = &s->tok;
	const struct lex_matches *m = &s->m;
	/* Grown only when too small (no call in the common case). */
	if (s->cnegby < t->n + 1)
		s->negby = xgrow(s->negby, &s->cnegby, t->n + 1, sizeof *s->negby);
	if (s->cdead < m->n + 1)
		s->dead = xgrow(s->dead, &s->cdead, m->n + 1, 1);
	if (s->csarc < t->nsent + 1)
		s->sarc = xgrow(s->sarc, &s->csarc, t->nsent + 1, 1);
	if (s->ccover < t->n + 1)
		s->cover = xgrow(s->cover, &s->ccover, t->n + 1, sizeof *s->cover);
	if (s->czone < t->n + 1)
		s->zone = xgrow(s->zone, &s->czone, t->n + 1, 1);
	if (s->cnegs < t->n + 1)
		s->negs = xgrow(s->negs, &s->cnegs, t->n + 1, sizeof *s->negs);
	memset(s->dead, 0, m->n);
	s->cover_fresh = false;
	memset(s->sarc, 0, t->nsent + 1);
	memset(s->zone, 0, t->n + 1);
	/* One pass for what the steps ask of every token: numbers mark
	 * their sentence; the negators, for the scopes below; the word
	 * count and where it passes the limit (score_pitfalls()); capitals
	 * and "!" (score_calm()). */
	size_t limit = (size_t)r->lx->too_long_words, nw = 0, at = t->n;
	size_t nneg = 0;
	bool num_any = false, caps = false, bang = false;
	/* In locals: the byte stores to sarc may alias anything, and would
	 * have every field reloaded for each token. */
	const struct token *v = t->v;
	const char *buf = t->buf;
	size_t n = t->n;
	int32_t *negby = s->negby;
	uint32_t *negs = s->negs;
	uint8_t *sarc = s->sarc;
	memset(negby, 0xff, n * sizeof *negby); /* every one -1 */
	/* tok_is(t, i, &lx->negators, LW_NEGATOR) below, by id alone when
	 * the index knows every negator (the common case). */
	const struct lexicon *lx = r->lx;
	const uint8_t *wflags = lx->wflags;
	uint32_t nwf = (uint32_t)lx->nwflags;
	bool by_id = wflags != NULL && (lx->wcomplete & LW_NEGATOR);
	/* Otherwise this finds none (a table of one 0 for every id), and a
	 * pass of its own after the loop finds them: no test in the loop. */
	static const uint8_t no_flags[1];
	if (!by_id) {
		wflags = no_flags;
		nwf = 0;
	}
	unsigned any = 0; /* the MC_* bits of every token */
	for (size_t i = 0; i < n; i++) {
		const struct token *k = &v[i];
		/* Without branches (but for numbers and punctuation, rare):
		 * words and numbers alternate with punctuation
		 * unpredictably. */
		unsigned c = mark_class[mark_class_of(k)];
		if (c & MC_NUM)
			sarc[k->sent] |= SF_NUMBER;
		any |= c;
		nw += (c & MC_COUNTED) != 0;
		if ((c & MC_PUNCT) && buf[k->off] == '!')
			bang = true;
		negs[nneg] = (uint32_t)i;
		uint32_t id = (uint32_t)k->id;
		nneg += c & wflags[id < nwf ? id : nwf] & LW_NEGATOR;
	}
	num_any = (any & MC_NUM) != 0;
	caps = (any & MC_CAPS) != 0;
	if (!by_id) {
		for (size_t i = 0; i < n; i++) {
			negs[nneg] = (uint32_t)i;
			nneg += tok_is(t, i, &lx->negators, LW_NEGATOR);
		}
	}
	/* Where the count passed the limit: looked for again only in the
	 * rare reply that is that long. */
	if (nw > limit) {
		size_t c = 0;
		for (size_t i = 0; i < n; i++) {
			const struct token *k = &v[i];
			bool counted = (k->kind == TOK_WORD || k->kind == TOK_NUM) &&
			    !(k->flags & TF_SUB);
			if (counted && c++ == limit) {
				at = i;
				break;
			}
		}
	}
	r->nwords = nw;
	r->long_at = at;
	r->has_num = num_any;
	r->has_caps = caps;
	r->has_bang = bang;
	for (size_t i = 0; i < m->n; i++) {
		const struct lex_match *x = &m->v[i];
		if (x->cat == LC_NEG_EXCEPTION)
			for (uint32_t j = x->start; j < x->end; j++)
				t->v[j].mark |= MK_NONEG;
		if (x->cat == LC_SARCASM)
			s->sarc[t->v[x->start].sent] |= SF_SARCASM;
		/* Zones after vague promises and customer actions. */
		if (x->cat == LC_VAGUE || x->cat == LC_CUSTOMER_ACTION) {
			uint8_t z = x->cat == LC_VAGUE ? ZN_VAGUE : ZN_CUSTOMER;
			size_t from = x->cat == LC_VAGUE ? x->start : x->end;
			/* A customer action reaches the rest of its clause
			 * ("you should plan to catch an earlier train"), up to
			 * where the agent speaks again ("... and I'll ..."). */
			size_t to = x->end + (x->cat == LC_VAGUE ? 7 : 8);
			for (size_t j = from; j < to && j < t->n; j++) {
				if (t->v[j].sent != t->v[x->start].sent)
					break;
				if (z == ZN_CUSTOMER && j - from >= 3 &&
				    (clause_break(r, t, j) ||
				    tok_is(t, j, &r->lx->subjects, LW_SUBJECT)))
					break;
				s->zone[j] |= z;
			}
		}
	}
	int win = r->lx->neg_window;
	for (size_t ni = 0; ni < nneg; ni++) {
		size_t i = s->negs[ni];
		if (t->v[i].mark & MK_NONEG)
			continue;
		/* A refusal: I / we (+ a word or two) before the negator. */
		bool refusal = false;
		for (size_t b = i; b > 0 && i - b < 3; b--) {
			if (t->v[b - 1].sent != t->v[i].sent || clause_break(r, t, b - 1))
				break;
			if (tok_is(t, b - 1, &r->lx->subjects, LW_SUBJECT))
				refusal = true;
		}
		for (size_t j = i + 1; j < t->n && (int)(j - i) <= win; j++) {
			if (t->v[j].sent != t->v[i].sent || clause_break(r, t, j))
				break;
			if (j - i >= 3 && tok_is(t, j, &r->lx->subjects, LW_SUBJECT))
				break;
			/* "a bill you can't pay must be stressful": a new verb
			 * phrase starts; the negation does not reach it. */
			if (tok_is(t, j, &r->lx->neg_stops, LW_NEG_STOP))
				break;
			if (s->negby[j] < 0)
				s->negby[j] = (int32_t)i;
			t->v[j].mark |= MK_NEG | (refusal ? MK_REFUSED : 0);
		}
	}
	/* "Some stains are hard to get out", "trains get cancelled from time
	 * to time": the whole clause speaks in general, so its words do not
	 * restate this customer's problem. */
	for (size_t i = 0; i < m->n; i++) {
		const struct lex_match *x = &m->v[i];
		if (x->cat != LC_GENERIC)
			continue;
		size_t a = x->start, b = x->end;
		if (clause_break(r, t, a))
			a++;  /* ", some ...": the clause starts after the comma */
		else while (a > 0 && t->v[a - 1].sent == t->v[x->start].sent &&
		    !clause_break(r, t, a - 1))
			a--;
		while (b < t->n && t->v[b].sent == t->v[x->start].sent &&
		    !clause_break(r, t, b))
			b++;
		for (size_t j = a; j < b; j++)
			t->v[j].mark |= MK_GENERIC;
	}
	/* "... isn't possible": the clause before it is negated. */
	for (size_t i = 0; i < m->n; i++) {
		const struct lex_match *x = &m->v[i];
		if (x->cat != LC_NEGATES_BEFORE)
			continue;
		for (size_t j = x->start; j > 0 && x->start - j < (size_t)win * 2;
		    j--) {
			if (t->v[j - 1].sent != t->v[x->start].sent ||
			    clause_break(r, t, j - 1))
				break;
			if (s->negby[j - 1] < 0)
				s->negby[j - 1] = (int32_t)x->start;
			t->v[j - 1].mark |= MK_NEG | MK_REFUSED;
		}
	}
}

/* Is token k written into pattern p (not just skipped over by a gap)? */
static bool
pattern_names(const struct lexicon *lx, const struct lex_pattern *p,
    const struct token *k)
{
	for (uint32_t e = 0; e < p->nel; e++) {
		const struct lex_el *el = &lx->els[p->el + e];
		if (el->kind != LE_ALTS)
			continue;
		for (uint32_t a = 0; a < el->nalt; a++)
			if (lx->alts[el->alt + a].id >= 0 &&
			    lx->alts[el->alt + a].id == k->id)
				return true;
	}
	return false;
}

bool
score_negated(const struct score_run *r, const struct lex_match *m)
{
	const struct text_tokens *t = &r->s->tok;
	for (uint32_t j = m->start; j < m->end; j++) {
		int32_t n = r->s->negby[j];
		if (n < 0)
			continue;
		if ((uint32_t)n < m->start || (uint32_t)n >= m->end)
			return true;
		/* A negator inside the match that the pattern does not spell
		 * out was skipped by a gap: "we can not (really) refund". */
		if (!pattern_names(r->lx, &r->lx->pats[m->pat], &t->v[n]))
			return true;
	}
	return false;
}

bool
score_sarcastic(const struct score_run *r, const struct lex_match *m)
{
	return (r->s->sarc[r->s->tok.v[m->start].sent] & SF_SARCASM) != 0;
}

bool
score_overlaps(const struct lex_match *a, const struct lex_match *b)
{
	return a->start < b->end && b->start < a->end;
}

void
score_cover(struct score_run *r)
{
	struct scorer *s = r->s;
	const struct text_tokens *t = &s->tok;
	if (s->cover_fresh)
		return;
	s->cover_fresh = true;
	memset(s->cover, 0, t->n * sizeof *s->cover);
	for (size_t i = 0; i < s->m.n; i++) {
		const struct lex_match *x = &s->m.v[i];
		if (s->dead[i])
			continue;
		for (uint32_t j = x->start; j < x->end && j < t->n; j++)
			s->cover[j] |= (uint32_t)1 << x->cat;
	}
}

bool
score_overlaps_cat(const struct score_run *r, const struct lex_match *m,
    enum lex_cat cat)
{
	for (uint32_t j = m->start; j < m->end && j < r->s->tok.n; j++)
		if (r->s->cover[j] & ((uint32_t)1 << cat))
			return true;
	return false;
}

void
score_evidence(struct score_run *r, enum criterion c, size_t a, size_t b,
    bool positive, const char *why)
{
	const struct text_tokens *t = &r->s->tok;
	if (a >= t->n || b <= a)
		return;
	if (b > t->n)
		b = t->n;
	struct crit_result *cr = &r->g->crit[c];
	size_t st = t->v[a].start, en = t->v[b - 1].end;
	/* Overlapping spans of one kind ("so sorry" and "sorry", "free of
	 * charge" and "free of") are one piece of evidence: keep the
	 * longest, with its reason. */
	for (size_t i = 0; i < cr->nev; i++) {
		struct evidence *e = &cr->ev[i];
		if (e->positive != positive || e->start >= en || st >= e->end)
			continue;
		if (en - st <= e->end - e->start)
			return;
		/* The old strings stay in the grading's pool. */
		e->start = st;
		e->end = en;
		e->text = grading_strndup(r->g, r->reply + st, en - st);
		if (why == NULL)
			why = "";
		e->why = grading_strndup(r->g, why, strlen(why));
		/* It may now cover later ones too. */
		for (size_t j = cr->nev; j-- > i + 1;) {
			struct evidence *o = &cr->ev[j];
			if (o->positive != positive || o->start >= en ||
			    st >= o->end || o->end - o->start > en - st)
				continue;
			memmove(o, o + 1, (cr->nev - j - 1) * sizeof *o);
			cr->nev--;
		}
		return;
	}
	if (cr->nev >= 12)
		return;
	grading_add_evidence(r->g, c, r->reply, st, en, positive, why);
}

void
score_pitfall(struct score_run *r, enum pitfall p, size_t a, size_t b,
    const char *why)
{
	const struct text_tokens *t = &r->s->tok;
	size_t st = 0, en = 0;
	if (a < t->n && b > a) {
		if (b > t->n)
			b = t->n;
		st = t->v[a].start;
		en = t->v[b - 1].end;
	}
	for (size_t i = 0; i < r->g->npits; i++)
		if (r->g->pits[i].kind == p && r->g->pits[i].start == st &&
		    r->g->pits[i].end == en)
			return;
	if (r->g->npits >= 24)
		return;
	grading_add_pitfall(r->g, p, r->reply, st, en, why);
}

const char *
score_why(const struct score_run *r, const struct lex_match *m)
{
	const char *w = r->lx->pats[m->pat].why;
	if (w == NULL)
		w = r->lx->cat_why[m->cat];
	return w ? w : lex_cat_name((enum lex_cat)m->cat);
}

void
score_tip(struct score_run *r, enum criterion c, enum tip_kind k)
{
	if (r->lx->tips[c][k] == NULL)
		k = TIP_DEFAULT;
	const char *tip = r->lx->tips[c][k];
	if (tip == NULL)
		grading_set_tip(r->g, c, NULL);
	else
		grading_set_tipn(r->g, c, tip, r->lx->tip_len[c][k]);
}

bool
score_model_vetoes(struct score_run *r, enum criterion c)
{
	struct scorer *s = r->s;
	const struct text_tokens *t = &s->tok;
	if (s->wm == NULL || s->no_model || !s->wm->crit[c].on ||
	    wordmodel_prob(s->wm, c, t, &s->wmrun) >= s->wm->crit[c].threshold)
		return false;
	wordmodel_cues(s->wm, c, t, &s->wmrun);
	const struct wordmodel_run *run = &s->wmrun;
	/* A low probability alone is no reason: a word must weigh against
	 * it clearly (the model's "cue"), and that word is what we cite. */
	if (run->ncue == 0 || run->cue[0].w > -s->wm->crit[c].cue)
		return false;
	size_t a = 0, b;
	while (a < t->n && t->v[a].sent != run->worst)
		a++;
	for (b = a; b < t->n && t->v[b].sent == run->worst; b++)
		;
	/* "<why> (learned from labelled replies: "w1", "w2")" */
	const char *why = s->wm->crit[c].why;
	char buf[320];
	size_t n = strlen(why);
	if (n > 160)
		n = 160;
	memcpy(buf, why, n);
	static const char lead[] = " (learned from labelled replies";
	memcpy(buf + n, lead, sizeof lead - 1);
	n += sizeof lead - 1;
	size_t quoted = 0, qa[2], qb[2];
	for (size_t i = 0; i < run->ncue && quoted < 2; i++) {
		size_t from = t->v[run->cue[i].a].start;
		size_t to = t->v[run->cue[i].b - 1].end;
		bool overlaps = false; /* "wasn't" and "It wasn't": say it once */
		for (size_t j = 0; j < quoted; j++)
			overlaps |= from < qb[j] && qa[j] < to;
		if (overlaps)
			continue;
		if (to <= from || to > r->len || n + (to - from) + 8 >= sizeof buf)
			break;
		qa[quoted] = from;
		qb[quoted] = to;
		memcpy(buf + n, quoted++ ? ", \"" : ": \"", 3);
		n += 3;
		memcpy(buf + n, r->reply + from, to - from);
		n += to - from;
		buf[n++] = '"';
	}
	buf[n++] = ')';
	buf[n] = '\0';
	if (a < b)
		score_evidence(r, c, a, b, false, buf);
	return true;
}
