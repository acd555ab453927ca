/* utf8.h: UTF-8 validation, decoding and display width (no curses). */
#ifndef IRATE_UTF8_H
#define IRATE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s (n bytes available).  Returns its length in
 * bytes (1..4) and sets *cp, or 0 if the bytes there are not valid UTF-8
 * (overlong, surrogate, beyond U+10FFFF, truncated). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Is s[0..n) valid UTF-8?  If not and bad is non-NULL, *bad = offset of the
 * first invalid byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);
/* Encode cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Number of code points in s[0..n) (invalid bytes count as one each). */
size_t utf8_count(const char *s, size_t n);
/* Terminal columns taken by cp: 0 for combining marks and controls, 2 for
 * East Asian wide/fullwidth and most emoji, else 1. */
int utf8_cp_width(uint32_t cp);
/* Columns taken by s[0..n). */
size_t utf8_width(const char *s, size_t n);
/* Length in bytes of the longest prefix of s[0..n) that fits in `cols`
 * columns without splitting a character; *used gets the columns taken. */
size_t utf8_fit(const char *s, size_t n, size_t cols, size_t *used);

#endif
