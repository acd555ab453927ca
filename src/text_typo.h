/* text_typo.h: correcting one-edit typos of a fixed set of keywords.
 *
 * A small symmetric-deletion index: each keyword and each of its one-byte
 * deletions is stored, so a lookup costs a few hash probes rather than a
 * scan of the keywords.  Owns copies of its keywords. */
#ifndef IRATE_TEXT_TYPO_H
#define IRATE_TEXT_TYPO_H

#include <stddef.h>
#include <stdint.h>

#include "text_map.h"

struct text_typo {
	struct text_map exact;  /* keyword -> index */
	struct text_map dels;   /* one-deletion form -> index, or -2 if shared */
	char **words;           /* owned keywords */
	size_t n, cap;
	uint64_t *filter;       /* bit set for the hash of every key of exact
	                         * and dels: a clear bit spares two lookups */
};

/* Add a keyword (lower-case ASCII, 4 to 32 letters). */
void text_typo_add(struct text_typo *ty, const char *word);
/* The keyword w[0..n) is a typo of (one insertion, deletion, substitution
 * or adjacent swap; substitutions and swaps only for words of 6+ letters),
 * or NULL.  Returns NULL for w itself being a keyword. */
const char *text_typo_fix(const struct text_typo *ty, const char *w, size_t n);
void text_typo_free(struct text_typo *ty);

#endif
