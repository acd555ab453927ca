/* text_overlap.h: stemmed content-word overlap between a text and facts.
 *
 * An overlap_set holds the content-word stems of a few "units" (a fact or
 * one of its paraphrases, or a sentence of the customer's message), each
 * tagged with the fact it belongs to.  overlap_match() finds the words of
 * a text whose stems occur in the set ("blocked" ~ "block", "unblocked" ~
 * "block", "tabletop" ~ "table") and counts, per unit and overall, how many
 * distinct stems were named.  The set owns its memory; reuse it. */
#ifndef IRATE_TEXT_OVERLAP_H
#define IRATE_TEXT_OVERLAP_H

#include <stddef.h>
#include <stdint.h>

#include "stem.h"
#include "text.h"
#include "text_map.h"

#define OVERLAP_MAX_UNITS 64
#define OVERLAP_STEM 24

struct overlap_ent {
	uint64_t units;     /* bit u: unit u has this stem */
	uint8_t specific;   /* a number or a name (capitalised mid-sentence) */
	uint8_t slen;       /* strlen(stem) */
	char stem[OVERLAP_STEM];
};

struct overlap_set {
	struct text_map stems;      /* stem -> index into ent */
	struct overlap_ent *ent;
	size_t n, cap;
	size_t nunits;
	size_t unit_fact[OVERLAP_MAX_UNITS];
	int16_t *seen_id;           /* per vocabulary id of a word token: 0 not
	                             * looked up yet, -1 names no entry, else
	                             * the entry + 1 (overlap_match() fills it;
	                             * changing the set empties it) */
	size_t nseen_id;
};

struct overlap_result {
	size_t unit_hits[OVERLAP_MAX_UNITS]; /* distinct stems named, per unit
	                                      * (those of the set's units, and
	                                      * [0] always; the rest unset) */
	size_t best_unit;                    /* the unit with most hits */
	size_t distinct;                     /* distinct stems named overall */
	size_t specific;                     /* of which numbers or names */
};

void overlap_set_clear(struct overlap_set *os);
void overlap_set_free(struct overlap_set *os);
/* Add a unit made of tokens [from, to) of t, belonging to fact number
 * fact.  Words in stop are not content.  Ignored beyond OVERLAP_MAX_UNITS
 * units. */
void overlap_set_add(struct overlap_set *os, const struct text_tokens *t,
    size_t from, size_t to, size_t fact, const struct text_map *stop,
    struct stemmer *st);
/* Match the words of t against os, skipping tokens whose mark has any bit
 * of skip_mark.  A word token's result is remembered in os by its
 * vocabulary id: stop and st must be the same on every call for one set.  Token indexes of matching words go to hits (at most cap;
 * the number found is returned), the entry each one named to hit_ent
 * (when not NULL; cap entries too) and the counts to *res. */
size_t overlap_match(struct overlap_set *os, const struct text_tokens *t,
    const struct text_map *stop, struct stemmer *st, uint32_t skip_mark,
    uint32_t *hits, uint32_t *hit_ent, size_t cap, struct overlap_result *res);

#endif
