/* buf.h: a growable byte buffer for building strings. */
#ifndef IRATE_BUF_H
#define IRATE_BUF_H

#include <stddef.h>

/* Zero-initialise (struct buf b = {0}); b.s is always NUL-terminated once
 * anything was added.  The buffer owns b.s; buf_take hands it over. */
struct buf {
	char *s;
	size_t len, cap;
};

void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Return the string (never NULL; "" for an empty buffer) and reset b. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

#endif
