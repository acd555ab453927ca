/* score_criteria.c: calm, apology, empathy and alternative from matches. */
#include <string.h>

#include "score_parts.h"

#define FOR_MATCHES(r, i, x) \
	for (size_t i = 0; i < (r)->s->m.n; i++) \
		for (const struct lex_match *x = &(r)->s->m.v[i]; x; x = NULL)

static void
kill(struct score_run *r, size_t i)
{
	r->s->dead[i] = 1;
	r->s->cover_fresh = false;
}

/* A word in capitals that is not a known acronym. */
static bool
shouted(const struct score_run *r, const struct token *k)
{
	char w[TEXT_MAX_NORM + 1];
	size_t n = 0;
	/* A word with a digit in it is a code (SPRING20, AB12CDE), not a
	 * shouted word. */
	for (size_t i = k->start; i < k->end; i++)
		if (r->reply[i] >= '0' && r->reply[i] <= '9')
			return false;
	/* ... and so is one joined to a number by a hyphen ("LAB-20931"). */
	if (k->end + 1 < r->len && r->reply[k->end] == '-' &&
	    r->reply[k->end + 1] >= '0' && r->reply[k->end + 1] <= '9')
		return false;
	for (size_t i = k->start; i < k->end && n < TEXT_MAX_NORM; i++) {
		char c = r->reply[i];
		if (c >= 'A' && c <= 'Z')
			w[n++] = (char)(c - 'A' + 'a');
		else if (c >= 'a' && c <= 'z')
			w[n++] = c;
		else if (c == '\'' || (unsigned char)c >= 0x80)
			break;
	}
	if (n < 2)
		return false;
	if (lexicon_in(&r->lx->acronyms, w, n))
		return false;
	/* Agent initials as a signature: "^JK", "-AB", "*KMG". */
	if (n <= 4 && k->start > 0 && strchr("^-~*/", r->reply[k->start - 1]))
		return false;
	/* A short word in capitals that is no word the lexicon knows is most
	 * likely an acronym or initials (PSN, HD); known words (NO, CAN) and
	 * long ones (REFUNDING) are shouted.  (Words the model added to the
	 * vocabulary are not the lexicon's.) */
	if (n >= 5)
		return true;
	int id = text_map_get(&r->lx->norm.vocab, w, n);
	return id >= 0 && (size_t)id < r->lx->nown;
}

/* Are tokens [a, a+n) and [b, b+n) the same words? */
static bool
same_words(const struct text_tokens *t, size_t a, size_t b, size_t n)
{
	for (size_t j = 0; j < n; j++) {
		const struct token *x = &t->v[a + j], *y = &t->v[b + j];
		/* words, or numbers ("2 hours means 2 hours") */
		if (x->kind != y->kind || (x->kind != TOK_WORD &&
		    x->kind != TOK_NUM) || x->len != y->len ||
		    memcmp(t->buf + x->off, t->buf + y->off, x->len) != 0)
			return false;
	}
	return true;
}

/* The vocabulary ids of "is", "are" and "means" (-1: not in it), looked
 * up again whenever the vocabulary has grown (lexicon_compile() may add
 * words after loading), so that a word's token always has its id here. */
static const int32_t *
is_ids(const struct score_run *r)
{
	static const char *const words[3] = {"is", "are", "means"};
	struct scorer *s = r->s;
	const struct text_map *vocab = &r->lx->norm.vocab;
	if (s->is_ids_vocab != vocab->n || vocab->n == 0) {
		for (size_t i = 0; i < 3; i++)
			s->is_ids[i] = text_map_get(vocab, words[i],
			    strlen(words[i]));
		s->is_ids_vocab = vocab->n;
	}
	return s->is_ids;
}

/* "Sold out is sold out.", "Non-refundable means non-refundable", "rules
 * are rules": one to three words, is / are / means, the same words again,
 * as a whole clause (from a sentence start, punctuation or a clause break
 * such as "but" to a sentence end or punctuation).  Sets [*a, *b). */
static bool
tautology(const struct score_run *r, size_t *a, size_t *b)
{
	const struct text_tokens *t = &r->s->tok;
	const struct token *v = t->v;
	const char *buf = t->buf;
	const int32_t *ids = is_ids(r);
	for (size_t i = 1; i + 1 < t->n; i++) {
		const struct token *k = &v[i];
		/* is, are, means: first the vocabulary id (a word's token has
		 * its word's, and one without is -1, as is a missing word's
		 * here, so the bytes below still decide), then the lengths and
		 * the bytes */
		if (k->id != ids[0] && k->id != ids[1] && k->id != ids[2])
			continue;
		size_t len = k->len;
		if ((len != 2 && len != 3 && len != 5) || k->kind != TOK_WORD)
			continue;
		const char *w = buf + k->off;
		if (!(len == 2 ? w[0] == 'i' && w[1] == 's' : len == 3 ?
		    memcmp(w, "are", 3) == 0 : memcmp(w, "means", 5) == 0))
			continue;
		for (size_t n = 1; n <= 3 && n <= i && i + n < t->n; n++) {
			size_t s0 = i - n, e = i + 1 + n;
			/* ... or after a clause break: "but the slot is
			 * the slot" */
			bool open = s0 == 0 || t->v[s0 - 1].sent != k->sent ||
			    t->v[s0 - 1].kind == TOK_PUNCT ||
			    tok_is_f(r->lx, t, s0 - 1, &r->lx->breaks, LW_BREAK);
			bool shut = e == t->n || t->v[e].sent != k->sent ||
			    t->v[e].kind == TOK_PUNCT;
			if (open && shut && same_words(t, s0, i + 1, n)) {
				*a = s0;
				*b = e;
				return true;
			}
		}
	}
	return false;
}

void
score_calm(struct score_run *r)
{
	const struct text_tokens *t = &r->s->tok;
	int nviol = 0;
	enum tip_kind tk = TIP_DEFAULT;
	score_cover(r);
	for (size_t i = 0; r->has_caps && i < t->n; i++) {
		const struct token *k = &t->v[i];
		if (((k->kind == TOK_WORD) &
		    ((k->flags & (TF_CAPS | TF_SUB)) == TF_CAPS)) && shouted(r, k)) {
			score_evidence(r, CRIT_CALM, i, i + 1, false,
			    "shouting: a whole word in capitals");
			if (nviol++ == 0)
				tk = TIP_SHOUTING;
		}
	}
	size_t nbang = 0, run_at = SIZE_MAX;
	for (size_t i = 0; r->has_bang && i < t->n; i++) {
		const struct token *k = &t->v[i];
		if (!((k->kind == TOK_PUNCT) & (t->buf[k->off] == '!')))
			continue;
		nbang++;
		if (run_at == SIZE_MAX && i + 1 < t->n &&
		    t->v[i + 1].kind == TOK_PUNCT && t->buf[t->v[i + 1].off] == '!' &&
		    t->v[i + 1].start == k->end)
			run_at = i;
	}
	if (run_at != SIZE_MAX || nbang >= 3) {
		size_t a = run_at;
		if (a == SIZE_MAX)
			for (a = 0; t->buf[t->v[a].off] != '!' ||
			    t->v[a].kind != TOK_PUNCT; a++)
				;
		score_evidence(r, CRIT_CALM, a, a + (run_at != SIZE_MAX ? 2 : 1),
		    false, run_at != SIZE_MAX ? "shouting: \"!!\"" :
		    "shouting: three or more \"!\"");
		if (nviol++ == 0)
			tk = TIP_SHOUTING;
	}
	size_t ta, tb;
	if (tautology(r, &ta, &tb)) {
		score_evidence(r, CRIT_CALM, ta, tb, false,
		    "a rule given as its own reason: explain it, or offer what you can");
		if (nviol++ == 0)
			tk = TIP_DISMISSIVE;
	}
	bool shrug = false, soft_blame = false;
	FOR_MATCHES(r, i, x) {
		if (x->cat == LC_SHRUG && !score_negated(r, x))
			shrug = true;
		if (x->cat == LC_BLAMES_COLLEAGUE && !score_negated(r, x))
			soft_blame = true;
	}
	FOR_MATCHES(r, i, x) {
		enum tip_kind k;
		switch (x->cat) {
		case LC_HOSTILE: k = TIP_HOSTILE; break;
		case LC_DISMISSIVE: k = TIP_DISMISSIVE; break;
		case LC_BLAMES_CUSTOMER: k = TIP_BLAME; break;
		case LC_DOUBTS_CUSTOMER: k = TIP_DOUBT; break;
		case LC_DEFENSIVE: k = TIP_DEFENSIVE; break;
		case LC_COMMAND: k = TIP_COMMAND; break;
		case LC_SARCASM: k = TIP_SARCASM; break;
		case LC_BLAMES_COLLEAGUE:
		case LC_SHRUG:
			if (!(shrug && soft_blame) &&
			    !(x->cat == LC_BLAMES_COLLEAGUE &&
			    r->lx->pats[x->pat].weight >= 70))
				continue;
			k = TIP_DEFENSIVE;
			break;
		default:
			continue;
		}
		if (x->cat != LC_SARCASM && score_negated(r, x)) {
			kill(r, i);
			continue;
		}
		if ((x->cat == LC_BLAMES_CUSTOMER || x->cat == LC_COMMAND) &&
		    (score_overlaps_cat(r, x, LC_EMPATHY) ||
		    score_overlaps_cat(r, x, LC_EMPATHY_WEAK))) {
			kill(r, i);
			continue;
		}
		score_evidence(r, CRIT_CALM, x->start, x->end, false, score_why(r, x));
		if (nviol++ == 0)
			tk = k;
	}
	/* Rules found nothing: the learned model may still hear a curt,
	 * blaming or dismissive tone. */
	if (nviol == 0 && score_model_vetoes(r, CRIT_CALM)) {
		nviol++;
		tk = TIP_DEFAULT;
	}
	struct crit_result *c = &r->g->crit[CRIT_CALM];
	c->detected = nviol == 0;
	c->met = c->detected;
	c->score = nviol == 0 ? 100 : (nviol == 1 ? 35 : nviol == 2 ? 20 : 0);
	if (!c->met)
		score_tip(r, CRIT_CALM, tk);
}

void
score_apology(struct score_run *r)
{
	int live = 0, best = 0;
	enum tip_kind tk = TIP_DEFAULT;
	uint32_t last_end = 0;
	score_cover(r);
	FOR_MATCHES(r, i, x) {
		if (x->cat == LC_NON_APOLOGY && !score_negated(r, x)) {
			score_evidence(r, CRIT_APOLOGY, x->start, x->end, false,
			    score_why(r, x));
			tk = TIP_NON_APOLOGY;
		}
	}
	FOR_MATCHES(r, i, x) {
		if (x->cat != LC_APOLOGY)
			continue;
		const char *why = NULL;
		if (score_negated(r, x)) {
			why = "negated: this says the opposite of sorry";
			tk = TIP_NEGATED;
		} else if (score_sarcastic(r, x)) {
			why = "sarcastic: an apology said with sarcasm is not one";
			tk = TIP_SARCASM;
		} else if (score_overlaps_cat(r, x, LC_NON_APOLOGY)) {
			why = NULL;
			kill(r, i);
			continue;
		}
		if (why) {
			kill(r, i);
			score_evidence(r, CRIT_APOLOGY, x->start, x->end, false, why);
			continue;
		}
		int w = r->lx->pats[x->pat].weight;
		if (w > best)
			best = w;
		if (live == 0 || x->start >= last_end)
			live++;
		last_end = x->end;
		score_evidence(r, CRIT_APOLOGY, x->start, x->end, true,
		    score_why(r, x));
	}
	struct crit_result *c = &r->g->crit[CRIT_APOLOGY];
	c->detected = live > 0;
	c->met = c->detected || !r->ctx->at_fault;
	c->score = live == 0 ? 0 : (live >= 3 && best > 60 ? 60 : best);
	if (!c->met)
		score_tip(r, CRIT_APOLOGY, tk);
}

void
score_empathy(struct score_run *r)
{
	int strong = 0, weak = 0, best = 0;
	enum tip_kind tk = TIP_DEFAULT;
	uint32_t last_end = 0;
	score_cover(r);
	FOR_MATCHES(r, i, x) {
		if (x->cat != LC_EMPATHY && x->cat != LC_EMPATHY_WEAK)
			continue;
		const char *why = NULL;
		if (score_negated(r, x)) {
			why = "negated";
		} else if (score_sarcastic(r, x)) {
			why = "sarcastic: mock sympathy is not empathy";
			tk = TIP_SARCASM;
		} else if (score_overlaps_cat(r, x, LC_DISMISSIVE) ||
		    score_overlaps_cat(r, x, LC_HOSTILE)) {
			why = "used to dismiss the customer's feeling";
			tk = TIP_DISMISSIVE;
		} else if (score_overlaps_cat(r, x, LC_NON_APOLOGY)) {
			why = "part of a non-apology: it puts the feeling on the "
			    "customer instead of acknowledging it";
		}
		if (why) {
			kill(r, i);
			score_evidence(r, CRIT_EMPATHY, x->start, x->end, false, why);
			continue;
		}
		int w = r->lx->pats[x->pat].weight;
		if (w > best)
			best = w;
		bool fresh = (strong + weak) == 0 || x->start >= last_end;
		if (x->end > last_end)
			last_end = x->end;
		if (fresh) {
			if (x->cat == LC_EMPATHY)
				strong++;
			else
				weak++;
		}
		score_evidence(r, CRIT_EMPATHY, x->start, x->end, true,
		    score_why(r, x));
	}
	struct crit_result *c = &r->g->crit[CRIT_EMPATHY];
	c->detected = strong + weak > 0;
	c->met = c->detected;
	int sc = best;
	if (strong >= 2 || (strong && weak))
		sc += 15;
	if (weak >= 3 && strong == 0)
		sc = sc > 40 ? 40 : sc;  /* "I understand" on repeat */
	c->score = c->detected ? (sc > 100 ? 100 : sc) : 0;
	if (!c->met)
		score_tip(r, CRIT_EMPATHY, tk);
}

/* Is the offer at x something the customer is told to do themselves? */
static bool
customer_does(const struct score_run *r, const struct lex_match *x)
{
	return (r->s->zone[x->start] & ZN_CUSTOMER) != 0;
}

/* A vague promise overlapping x or shortly before it ("I'll try to ..."). */
static bool
vague_before(const struct score_run *r, const struct lex_match *x)
{
	for (uint32_t j = x->start; j < x->end; j++)
		if (r->s->zone[j] & ZN_VAGUE)
			return true;
	return false;
}

/* Is x in a sentence that threatens, dismisses or mocks the customer?
 * An "offer" there is not one ("we'll pass it to debt collection"). */
static bool
hostile_sentence(const struct score_run *r, const struct lex_match *x)
{
	return (r->s->sarc[r->s->tok.v[x->start].sent] & SF_HOSTILE) != 0;
}

static bool
word_in(const struct text_tokens *t, size_t i, const struct text_map *set)
{
	const struct token *k = &t->v[i];
	return k->kind == TOK_WORD && lexicon_in(set, t->buf + k->off, k->len);
}

/* "I'll reprint them tonight", "we can rush a reprint": i or we, a word of
 * commit_aux (will, can ...), up to two of commit_skip (also, now ...),
 * then a word not in commit_not (look, check, try, see, not ...): the
 * agent commits to an action.  Not right after a word of commit_before_not
 * ("so we can assist", "all we can to help"), not negated, not after a
 * vague promise or "you can", not in a hostile sentence.  Sets *a, *b to
 * the span.  Tried only when no offer phrase matched, even one that was
 * voided. */
static bool
commitment(const struct score_run *r, uint32_t *a, uint32_t *b)
{
	const struct lexicon *lx = r->lx;
	const struct text_tokens *t = &r->s->tok;
	if (lx->commit_aux.n == 0)
		return false;
	for (size_t i = 0; i + 2 < t->n; i++) {
		if (!tok_is_f(lx, t, i, &lx->subjects, LW_SUBJECT) ||
		    !word_in(t, i + 1, &lx->commit_aux) ||
		    (i > 0 && t->v[i - 1].sent == t->v[i].sent &&
		    word_in(t, i - 1, &lx->commit_before_not)))
			continue;
		size_t v = i + 2;
		while (v < t->n && v < i + 4 && word_in(t, v, &lx->commit_skip))
			v++;
		const struct token *k = &t->v[v];
		if (v >= t->n || k->kind != TOK_WORD || k->sent != t->v[i].sent ||
		    word_in(t, v, &lx->commit_not) ||
		    word_in(t, v, &lx->commit_skip) ||
		    (k->mark & (MK_NEG | MK_REFUSED)) ||
		    (r->s->zone[v] & (ZN_VAGUE | ZN_CUSTOMER)) ||
		    (r->s->sarc[k->sent] & SF_HOSTILE))
			continue;
		*a = (uint32_t)i;
		*b = (uint32_t)v + 1;
		return true;
	}
	return false;
}

void
score_alternative(struct score_run *r)
{
	int live = 0, best = 0, offers = 0;
	bool choice = false, concrete = false;
	enum tip_kind tk = TIP_DEFAULT;
	uint32_t last_end = 0;
	const struct text_tokens *t = &r->s->tok;
	FOR_MATCHES(r, i, x) {
		if ((x->cat == LC_HOSTILE || x->cat == LC_DISMISSIVE ||
		    x->cat == LC_SARCASM) && !r->s->dead[i])
			r->s->sarc[t->v[x->start].sent] |= SF_HOSTILE;
		if (x->cat == LC_VAGUE && !score_negated(r, x)) {
			score_evidence(r, CRIT_ALTERNATIVE, x->start, x->end, false,
			    score_why(r, x));
			if (tk == TIP_DEFAULT)
				tk = TIP_VAGUE;
		}
	}
	FOR_MATCHES(r, i, x) {
		if (x->cat != LC_ALTERNATIVE && x->cat != LC_CHOICE)
			continue;
		offers++;
		const char *why = NULL;
		if (score_negated(r, x)) {
			why = "negated: this is a refusal, not an offer";
			tk = TIP_NEGATED;
		} else if (vague_before(r, x)) {
			why = "only a vague promise";
			tk = TIP_VAGUE;
		} else if (customer_does(r, x)) {
			why = "leaves the customer to do it";
		} else if (hostile_sentence(r, x)) {
			why = "said as a threat or a brush-off, not an offer";
		}
		if (why) {
			kill(r, i);
			score_evidence(r, CRIT_ALTERNATIVE, x->start, x->end, false,
			    why);
			continue;
		}
		int w = r->lx->pats[x->pat].weight;
		if (w > best)
			best = w;
		if (live == 0 || x->start >= last_end)
			live++;
		if (x->end > last_end)
			last_end = x->end;
		if (x->cat == LC_CHOICE)
			choice = true;
		if (r->s->sarc[t->v[x->start].sent] & SF_NUMBER)
			concrete = true;
		score_evidence(r, CRIT_ALTERNATIVE, x->start, x->end, true,
		    score_why(r, x));
	}
	uint32_t ca, cb;
	if (offers == 0 && commitment(r, &ca, &cb)) {
		live = 1;
		best = r->lx->commit_weight;
		score_evidence(r, CRIT_ALTERNATIVE, ca, cb, true,
		    "commits to an action");
	}
	struct crit_result *c = &r->g->crit[CRIT_ALTERNATIVE];
	c->detected = live > 0;
	c->met = c->detected;
	int sc = best + (choice ? 15 : 0) + (concrete ? 10 : 0) +
	    (live >= 2 ? 10 : 0);
	c->score = c->detected ? (sc > 100 ? 100 : sc) : 0;
	if (!c->met) {
		bool refused = false;
		FOR_MATCHES(r, i, x)
			if (x->cat == LC_REFUSAL)
				refused = true;
		score_tip(r, CRIT_ALTERNATIVE, refused && tk == TIP_DEFAULT ?
		    TIP_REFUSAL : tk);
	}
}
