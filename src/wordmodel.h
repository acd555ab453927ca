/* wordmodel.h: a learned model of a criterion from the words of a reply.
 *
 * Logistic regression over word features, one weight per feature and a
 * bias per criterion, read from assets/model/<lang>.json (written by
 * tools/train from labelled replies; docs/model-format.md):
 *   "w:WORD"    the word (as the tokenizer normalises it; numbers are "#")
 *   "b:W1 W2"   two words in a row in one sentence ("!" and "?" count as
 *               words here)
 *   "f:WORD"    the first word of a sentence
 *   "q", "x", "y"  the number of '?', of '!' and of you/your, capped and
 *               scaled to 0..1
 * Each feature counts once per reply.  wordmodel_prob() is the
 * probability that the behaviour is present.  A model is read-only once
 * loaded and indexed (threads may share it); a struct wordmodel_run is one
 * caller's scratch space.  Loading: wordmodel_load.c; applying:
 * wordmodel.c. */
#ifndef IRATE_WORDMODEL_H
#define IRATE_WORDMODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "grading.h"
#include "text.h"
#include "text_map.h"

#define WORDMODEL_FORMAT 1
#define WORDMODEL_KEY_MAX (2 * TEXT_MAX_NORM + 4)

/* What the model knows of one word (wordmodel_index()). */
struct wordmodel_word {
	int16_t w, f;       /* its w: and f: features' indexes, or -1 */
	uint16_t pid;       /* its number among the words of pairs, or 0 */
	uint8_t role;       /* in pairs: 1 first, 2 second; 4: "you"/"your";
	                     * 8: a plain word, never a cue alone */
};

#define WORDMODEL_MAX_FEATURES 32767
#define WORDMODEL_MAX_PAIR_WORDS 65535

struct wordmodel_crit {
	bool on;            /* the model has this criterion */
	double bias;
	double threshold;   /* below it, the behaviour is taken as absent */
	double cue;         /* ... when a cue of the worst sentence weighs
	                     * at least this much against it */
	char *why;          /* owned: the reason given when it is */
	double wq, wx, wy;  /* the weights of the counts */
	float *w;           /* owned: the word features' weights */
	size_t nw, cw;
	struct text_map wmap, fmap; /* word -> index of its w: / f: feature */
	struct text_map pmap;       /* word of a pair -> pid << 2 | role */
	uint32_t *pkey;     /* owned: open addressing, pmask + 1 slots, 0
	                     * empty: pid1 << 16 | pid2 of a b: feature */
	uint16_t *pix;      /* owned: per slot, its index into w */
	size_t pmask;
	struct wordmodel_word *byid; /* owned: per vocabulary id
	                             * (wordmodel_index()) */
	size_t nbyid;
	struct wordmodel_word num, bang, ask; /* numbers, '!', '?' */
};

struct wordmodel {
	char *file;         /* owned: the model file's path */
	struct wordmodel_crit crit[CRIT_COUNT];
	struct text_map words; /* every word its features name, and "you",
	                        * "your" (counted for "y") */
};

/* The slot of pair key k in tc's pair table (where it is or would go).
 * The slot comes from the high half of a 64-bit product, which every bit
 * of k reaches: the middle bits of a 32-bit product left the high bits of
 * the first word's pid out, so pairs of one second word crowded together
 * and a lookup that missed (most do) walked long runs of slots. */
static inline size_t
wordmodel_pair_slot(const struct wordmodel_crit *tc, uint32_t k)
{
	size_t i = (size_t)((uint64_t)k * 0x9E3779B97F4A7C15ull >> 32) &
	    tc->pmask;
	while (tc->pkey[i] != 0 && tc->pkey[i] != k)
		i = (i + 1) & tc->pmask;
	return i;
}

/* One feature occurrence: its name, value and the tokens [a, b) it covers
 * (a == b for the counts). */
typedef void (*wordmodel_feature_fn)(const char *key, size_t n, double value,
    size_t a, size_t b, void *arg);

/* Call fn for every feature occurrence of t, in text order; the counts
 * last.  The same feature may occur more than once. */
void wordmodel_features(const struct text_tokens *t, wordmodel_feature_fn fn,
    void *arg);

/* Load assets_dir/model/<lang>.json.  No such file: *out = NULL and 0 (the
 * scorer then uses its rules alone).  A bad file: -1 with every problem,
 * located, added to d. */
int wordmodel_load(const char *assets_dir, const char *lang,
    struct wordmodel **out, struct diags *d);
/* The same from a path, or from text[0..len) (name is used in messages). */
int wordmodel_load_file(const char *path, struct wordmodel **out,
    struct diags *d);
int wordmodel_parse(const char *name, const char *text, size_t len,
    struct wordmodel **out, struct diags *d);
void wordmodel_free(struct wordmodel *tm);
/* Add every word the model knows to nm's vocabulary (and re-index it).
 * wordmodel_prob() looks words up by vocabulary id and takes a word
 * without one for a word the model does not know: call this once on the
 * normalisation tables the texts are tokenized with. */
void wordmodel_add_words(struct wordmodel *tm, struct text_norm *nm,
    const struct text_map *plain);
/* Note what the model knows of each word of vocab (word -> id), for
 * wordmodel_prob(); a word without an id is taken as unknown to the
 * model, so every word of tm->words must be in vocab (lexicon_load_more()
 * or wordmodel_add_words(), which calls this).  Words of plain (may be
 * NULL) are never a cue alone (wordmodel_cues()). */
void wordmodel_index(struct wordmodel *tm, const struct text_map *vocab,
    const struct text_map *plain);

/* A cue: the tokens [a, b) of a feature and its weight. */
struct wordmodel_cue {
	size_t a, b;
	double w;
};

#define WORDMODEL_CUES 4

/* Scratch space for wordmodel_prob(); zero-initialise, and
 * wordmodel_run_free() after. */
struct wordmodel_run {
	uint16_t *seen;     /* per feature index: the generation last seen */
	size_t cseen;
	uint16_t gen;
	double *sent;       /* per sentence: the sum of its negative cues */
	size_t csent;
	uint32_t worst;     /* the sentence whose cues weigh most against */
	struct wordmodel_cue cue[WORDMODEL_CUES]; /* its most negative cues,
	                                           * worst first */
	size_t ncue;
};

void wordmodel_run_free(struct wordmodel_run *run);

/* The probability (0..1) that criterion c's behaviour is present in t.
 * c must be on. */
double wordmodel_prob(const struct wordmodel *tm, enum criterion c,
    const struct text_tokens *t, struct wordmodel_run *run);
/* Why it is low: sets run->worst to the sentence whose features lowered
 * it most and run->cue to that sentence's worst features. */
void wordmodel_cues(const struct wordmodel *tm, enum criterion c,
    const struct text_tokens *t, struct wordmodel_run *run);

#endif
