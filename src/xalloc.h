/* xalloc.h: allocation wrappers that never return NULL (abort on OOM). */
#ifndef IRATE_XALLOC_H
#define IRATE_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Each returns memory the caller owns and frees with free(). On allocation
 * failure they print a message and abort: there is nothing sane to do. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of `size`-byte items to hold at least `need`; updates *cap.
 * Never returns NULL, even when need is 0 and p is NULL. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
/* The same, and the items added (from the old *cap to the new) are zero. */
void *xgrow_zero(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same with a va_list (ap is used once, as by vprintf). */
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

#endif
