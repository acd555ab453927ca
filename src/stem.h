/* stem.h: word stemming (a thin wrapper around Snowball's libstemmer).
 *
 * A stemmer is not thread-safe; use one per thread.  The caller owns it
 * and releases it with stem_free(). */
#ifndef IRATE_STEM_H
#define IRATE_STEM_H

#include <stddef.h>
#include <stdint.h>

struct stemmer;

/* A stemmer for a Snowball language name ("english"); NULL if unknown. */
struct stemmer *stem_new(const char *language);
void stem_free(struct stemmer *st);
/* Stem w[0..n) (lower case UTF-8) into out (cap bytes, NUL-terminated,
 * truncated if needed).  Returns the stem's length.  Words the stemmer
 * cannot handle are copied unchanged. */
size_t stem_word(struct stemmer *st, const char *w, size_t n, char *out,
    size_t cap);

/* A memo of one result per word id (a vocabulary id), kept by the
 * stemmer and freed with it; ids of STEM_MEMO_IDS and above are not kept.
 * The caller decides what a result means and must give an id the same
 * result every time (one meaning per stemmer).  stem_memo_get() returns
 * the stored length (out, STEM_MEMO_LEN bytes, holds the result,
 * NUL-terminated) or -1 when nothing is stored; results longer than
 * STEM_MEMO_LEN - 1 bytes are not stored. */
#define STEM_MEMO_IDS 16384
#define STEM_MEMO_LEN 24
int stem_memo_get(struct stemmer *st, uint32_t id, char *out);
void stem_memo_put(struct stemmer *st, uint32_t id, const char *s, size_t n);
/* The same for words without an id, by their text w[0..n) (h: any hash
 * of it the caller always computes the same way): a direct-mapped memo
 * of STEM_WORD_MEMO words shorter than STEM_MEMO_LEN bytes; a newer
 * word may take an older one's place. */
#define STEM_WORD_MEMO 1024
int stem_memo_get_word(struct stemmer *st, const char *w, size_t n,
    uint32_t h, char *out);
void stem_memo_put_word(struct stemmer *st, const char *w, size_t n,
    uint32_t h, const char *s, size_t sn);

#endif
