/* stem.h: word stemming (a thin wrapper around Snowball's libstemmer).
 *
 * A stemmer is not thread-safe; use one per thread.  The caller owns it
 * and releases it with stem_free(). */
#ifndef IRATE_STEM_H
#define IRATE_STEM_H

#include <stddef.h>

struct stemmer;

/* A stemmer for a Snowball language name ("english"); NULL if unknown. */
struct stemmer *stem_new(const char *language);
void stem_free(struct stemmer *st);
/* Stem w[0..n) (lower case UTF-8) into out (cap bytes, NUL-terminated,
 * truncated if needed).  Returns the stem's length.  Words the stemmer
 * cannot handle are copied unchanged. */
size_t stem_word(struct stemmer *st, const char *w, size_t n, char *out,
    size_t cap);

#endif
