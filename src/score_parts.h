/* score_parts.h: the scorer's internals, shared by src/score_*.c only.
 *
 * struct scorer owns the lexicon, the stemmer and scratch buffers reused
 * from one reply to the next.  struct score_run is one call's state. */
#ifndef IRATE_SCORE_PARTS_H
#define IRATE_SCORE_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grading.h"
#include "lexicon.h"
#include "score.h"
#include "stem.h"
#include "text.h"
#include "text_overlap.h"
#include "wordmodel.h"

/* Token marks (struct token.mark). */
enum {
	MK_NEG = 1,      /* inside a negation's scope */
	MK_REFUSED = 2,  /* inside "I/we can't ..." (a refusal) */
	MK_NONEG = 4,    /* part of "no problem", "no extra cost": not a negator */
	MK_SCORN = 8,    /* in a sentence that dismisses, mocks or orders */
	MK_GENERIC = 16  /* in a clause that speaks in general ("some stains
	                  * are hard to get out"), not of this problem */
};

struct scorer {
	struct lexicon *lx;
	struct stemmer *st;
	struct wordmodel *wm;    /* the learned word model, or NULL (wordmodel.h) */
	bool no_model;            /* scorer_use_model(s, false) */
	struct wordmodel_run wmrun;
	struct text_tokens tok, tmp;
	struct text_memo memo;   /* typo look-ups, for lx->norm */
	struct text_tokens prev; /* the tokens of the reply graded before,
	                          * whose text is prev_text (marks aside,
	                          * what text_tokenize() made of it) */
	char *prev_text;
	size_t prev_len, cprev;
	bool have_prev;
	struct lex_matches m;
	uint8_t *dead;          /* per match: voided (why in score_run) */
	size_t cdead;
	int32_t *negby;         /* per token: the negator scoping it, or -1 */
	size_t cnegby;
	uint32_t *negs;         /* the tokens that are negators, in order
	                         * (score_mark()) */
	size_t cnegs;
	uint8_t *sarc;          /* per sentence: SF_* flags */
	size_t csarc;
	uint32_t *cover;        /* per token: bit c set if a live match of
	                         * category c covers it (score_cover()) */
	size_t ccover;
	bool cover_fresh;       /* cover is up to date: no match has died
	                         * since score_cover() */
	uint8_t *zone;          /* per token: ZN_* flags */
	size_t czone;
	uint64_t *h1, *h2;      /* word-pair hashes for near-duplicates */
	size_t ch1, ch2;
	uint64_t *hs1, *hs2;    /* the same as sets (score_pitfalls.c) */
	size_t chs1, chs2;
	uint64_t *whash;        /* per vocabulary id: its word's hash for
	                         * them (| 1), or 0 not computed yet */
	size_t cwhash;
	struct fact_cache *facts; /* prepared fact sets (score_restate.c) */
	int32_t is_ids[3];      /* the vocabulary ids of "is", "are" and
	                         * "means", or -1 (score_calm()'s tautology) */
	size_t is_ids_vocab;    /* the vocabulary's size when they were
	                         * looked up (0: not yet) */
};

/* Sentence flags (scorer.sarc). */
enum {
	SF_SARCASM = 1,  /* has a sarcasm marker */
	SF_SCORN = 2,    /* mocks, threatens or orders the customer */
	SF_NUMBER = 4,   /* has a number */
	SF_HOSTILE = 8   /* has a live hostile, dismissive or sarcastic match */
};

/* Token zones (scorer.zone). */
enum {
	ZN_VAGUE = 1,    /* within a vague promise or just after it */
	ZN_CUSTOMER = 2  /* just after "you need to", "you can" */
};

struct score_run {
	struct scorer *s;
	const struct lexicon *lx;
	const struct score_ctx *ctx;
	const char *reply;
	size_t len;
	struct grading *g;
	/* What score_mark() found in its one pass over the tokens, for the
	 * later steps: */
	size_t nwords;      /* words and numbers, as written (no TF_SUB) */
	size_t long_at;     /* the token of word lexicon.too_long_words (0
	                     * first), or the token count when fewer */
	bool has_num;       /* a TOK_NUM token */
	bool has_caps;      /* a written word in capitals (TF_CAPS) */
	bool has_bang;      /* a "!" */
};

/* Does the learned model (wordmodel.h) judge criterion c's behaviour absent
 * although the rules found it (probability under the threshold, and a
 * word of the worst sentence weighing at least "cue" against)?  Then it
 * cites that sentence, naming its heaviest words, with the model's reason
 * for c.  False when there is no model for c or it is switched off. */
bool score_model_vetoes(struct score_run *r, enum criterion c);

/* Each step fills part of r->g (score_mark.c, score_criteria.c, ...). */
void score_mark(struct score_run *r);
void score_calm(struct score_run *r);
void score_apology(struct score_run *r);
void score_empathy(struct score_run *r);
void score_alternative(struct score_run *r);
void score_restate(struct score_run *r);
/* Free what score_restate() keeps in s (its cache of fact sets). */
void score_restate_free(struct scorer *s);
void score_pitfalls(struct score_run *r);
void score_overall(struct score_run *r);

/* Helpers shared by the steps (score_mark.c). */
bool score_negated(const struct score_run *r, const struct lex_match *m);
bool score_sarcastic(const struct score_run *r, const struct lex_match *m);
bool score_overlaps(const struct lex_match *a, const struct lex_match *b);
/* Bring scorer.cover up to date with the matches still live (nothing to
 * do if none has died since the last call).  Linear. */
void score_cover(struct score_run *r);
/* Does any live match of category cat overlap m (as of score_cover())? */
bool score_overlaps_cat(const struct score_run *r, const struct lex_match *m,
    enum lex_cat cat);
/* Add evidence for criterion c spanning tokens [a, b). */
void score_evidence(struct score_run *r, enum criterion c, size_t a, size_t b,
    bool positive, const char *why);
void score_pitfall(struct score_run *r, enum pitfall p, size_t a, size_t b,
    const char *why);
/* The why of match m (its pattern's, else its category's). */
const char *score_why(const struct score_run *r, const struct lex_match *m);
void score_tip(struct score_run *r, enum criterion c, enum tip_kind k);

/* Is token i of t a word of set, whose words carry flag in lx->wflags?
 * (A vocabulary word: the lexicon knows the lists it is in; when all the
 * list's words are in the vocabulary, no other word is.) */
static inline __attribute__((always_inline)) bool
tok_is_f(const struct lexicon *lx, const struct text_tokens *t, size_t i,
    const struct text_map *set, uint8_t flag)
{
	const struct token *k = &t->v[i];
	/* Few branches: words, numbers and punctuation alternate. */
	if (lx->wflags == NULL) /* no index */
		return k->kind == TOK_WORD &&
		    text_map_get(set, t->buf + k->off, k->len) >= 0;
	uint32_t id = (uint32_t)k->id, nw = (uint32_t)lx->nwflags;
	bool known = id < nw;
	bool in = (k->kind == TOK_WORD) &
	    ((lx->wflags[known ? id : nw] & flag) != 0);
	if (known || (lx->wcomplete & flag))
		return in;
	return k->kind == TOK_WORD &&
	    text_map_get(set, t->buf + k->off, k->len) >= 0;
}


#endif
