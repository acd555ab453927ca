/* score.c: the scorer — grades one reply on the five criteria and pitfalls.
 *
 * The reply is tokenized once (text.c), every lexicon pattern that occurs
 * is found in one indexed pass (lexicon_pattern.c), negation scope and
 * sarcastic sentences are marked, and each criterion is decided from the
 * matches that survive (docs/lexicon-format.md explains the rules and how
 * the overall score is computed).  Restatement compares stemmed content
 * words with the facts (text_overlap.c). */
#include "score.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "score_parts.h"
#include "stem.h"
#include "text.h"
#include "text_overlap.h"
#include "xalloc.h"

static int
load(const char *assets_dir, const char *lang, bool model,
    struct scorer **out, struct diags *d)
{
	*out = NULL;
	/* The model first: its words go into the lexicon's vocabulary.
	 * Both are checked, so that every problem is reported at once. */
	struct wordmodel *tm = NULL;
	int trc = model ? wordmodel_load(assets_dir, lang, &tm, d) : 0;
	struct lexicon *lx;
	if (lexicon_load_more(assets_dir, lang, tm ? &tm->words : NULL, &lx,
	    d) < 0 || trc < 0) {
		if (trc == 0)
			wordmodel_free(tm);
		else
			lexicon_free(lx);
		return -1;
	}
	if (tm)
		wordmodel_index(tm, &lx->norm.vocab, &lx->plain_words);
	struct stemmer *st = stem_new(lx->stemmer);
	if (st == NULL) {
		diags_add(d, DIAG_ERROR, lx->file, 0, 0, "stemmer",
		    "no Snowball stemmer for \"%s\"", lx->stemmer);
		lexicon_free(lx);
		wordmodel_free(tm);
		return -1;
	}
	struct scorer *s = xcalloc(1, sizeof *s);
	s->lx = lx;
	s->st = st;
	s->wm = tm;
	text_tokens_init(&s->tok);
	text_tokens_init(&s->tmp);
	text_tokens_init(&s->prev);
	*out = s;
	return 0;
}

int
scorer_load(const char *assets_dir, const char *lang, struct scorer **out,
    struct diags *d)
{
	return load(assets_dir, lang, true, out, d);
}

int
scorer_load_rules(const char *assets_dir, const char *lang,
    struct scorer **out, struct diags *d)
{
	return load(assets_dir, lang, false, out, d);
}

void
scorer_free(struct scorer *s)
{
	if (s == NULL)
		return;
	lexicon_free(s->lx);
	stem_free(s->st);
	wordmodel_free(s->wm);
	wordmodel_run_free(&s->wmrun);
	text_tokens_free(&s->tok);
	text_tokens_free(&s->tmp);
	text_tokens_free(&s->prev);
	text_memo_free(&s->memo);
	free(s->prev_text);
	free(s->m.v);
	free(s->dead);
	free(s->negby);
	free(s->negs);
	free(s->sarc);
	free(s->cover);
	free(s->zone);
	free(s->h1);
	free(s->h2);
	free(s->hs1);
	free(s->hs2);
	free(s->whash);
	score_restate_free(s);
	free(s);
}

void
scorer_use_model(struct scorer *s, bool on)
{
	s->no_model = !on;
}

void
score_reply(struct scorer *s, const struct score_ctx *ctx, const char *reply,
    size_t len, struct grading *out)
{
	static const struct score_ctx empty_ctx;
	if (ctx == NULL)
		ctx = &empty_ctx;
	if (reply == NULL)
		len = 0;
	struct score_run r = {.s = s, .lx = s->lx, .ctx = ctx, .reply = reply,
	    .len = len, .g = out};
	/* The last reply's tokens stay in s->prev: the next reply's history
	 * usually starts with it (score_pitfalls.c). */
	struct text_tokens last = s->prev;
	s->prev = s->tok;
	s->tok = last;
	text_tokenize_memo(&s->lx->norm, reply, len, &s->tok, &s->memo);
	lexicon_scan(s->lx, &s->tok, &s->m);
	score_mark(&r);
	score_calm(&r);
	score_apology(&r);
	score_empathy(&r);
	score_alternative(&r);
	score_restate(&r);
	score_pitfalls(&r);
	score_overall(&r);
	s->prev_text = xgrow(s->prev_text, &s->cprev, len + 1, 1);
	if (len)
		memcpy(s->prev_text, reply, len);
	s->prev_len = len;
	s->have_prev = true;
}
