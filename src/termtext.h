/* termtext.h: writing text that came from files (scenarios, transcripts,
 * reviews, courses, file names) to a terminal so that it stays inert: an
 * escape sequence in a colleague's scenario or a tampered transcript is
 * shown, never obeyed.  No curses; used by the command-line printers. */
#ifndef IRATE_TERMTEXT_H
#define IRATE_TERMTEXT_H

#include <stddef.h>
#include <stdio.h>

/* A fresh copy of s[0..n) (caller frees) in which every control character
 * but line feed and tab (C0, DEL, C1), every bidirectional override or
 * isolate and every byte that is not valid UTF-8 is replaced by U+FFFD. */
char *termtext_dup(const char *s, size_t n);
/* Write s to f as termtext_dup would make it. */
void termtext_puts(const char *s, FILE *f);
/* printf to f, the formatted text made inert as above.  The format string
 * is the program's own; the arguments may come from any file. */
void termtext_printf(FILE *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
