/* score.h: the scorer — grades one trainee reply on the five criteria.
 *
 * A scorer holds a language's lexicon (phrases, patterns, weights, tips
 * loaded from assets/) and a stemmer.  It is not thread-safe: use one per
 * thread.  score_reply() fills a struct grading (grading.h) that the caller
 * owns and releases with grading_free(). */
#ifndef IRATE_SCORE_H
#define IRATE_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "grading.h"

struct scorer;

/* A key fact of the customer's problem, with other ways of saying it.
 * Borrowed: the scorer never frees or keeps these pointers. */
struct score_fact {
	const char *text;
	const char *const *paraphrases;
	size_t nparaphrases;
};

/* The context of a reply.  Everything is borrowed for the call only. */
struct score_ctx {
	const char *customer;           /* the customer's last message; may be NULL */
	bool at_fault;                  /* is the company at fault? */
	const struct score_fact *facts; /* may be NULL: facts then come from customer */
	size_t nfacts;
	const char *const *history;     /* the trainee's earlier replies, oldest first */
	size_t nhistory;
};

/* Load the lexicon for `lang` ("en") from assets_dir (the directory holding
 * lexicon/<lang>.json, the tips and, if present, the learned model
 * model/<lang>.json, wordmodel.h).  Returns 0 and sets *out on success;
 * on failure returns -1 and adds every problem found, located, to d. */
int scorer_load(const char *assets_dir, const char *lang, struct scorer **out,
    struct diags *d);
/* The same without the learned model, not even reading it (to train a new
 * one: tools/train). */
int scorer_load_rules(const char *assets_dir, const char *lang,
    struct scorer **out, struct diags *d);
void scorer_free(struct scorer *s);
/* Use the learned model (the default when one was loaded) or the rules
 * alone (to measure or retrain the model against them). */
void scorer_use_model(struct scorer *s, bool on);

/* Grade reply (len bytes, valid UTF-8, need not be NUL-terminated) in ctx.
 * out must be initialised with grading_init() (or emptied with
 * grading_reset(), to reuse its pool); the caller frees it.
 * Never fails: any text, however odd, gets a grading. */
void score_reply(struct scorer *s, const struct score_ctx *ctx,
    const char *reply, size_t len, struct grading *out);

#endif
