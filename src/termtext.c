/* termtext.c: text from files made inert before it reaches a terminal. */
#include "termtext.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "wrap.h"
#include "xalloc.h"

char *
termtext_dup(const char *s, size_t n)
{
	struct buf b = {0};
	size_t i = 0, plain = 0; /* s[plain..i) is copied as it is */
	while (i < n) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		bool keep = l > 0 && (cp == '\n' || cp == '\t' ||
		    wrap_glyph(cp) == cp);
		if (keep) {
			i += l;
			continue;
		}
		buf_add(&b, s + plain, i - plain);
		buf_add(&b, "\xef\xbf\xbd", 3);
		i += l > 0 ? l : 1;
		plain = i;
	}
	buf_add(&b, s + plain, n - plain);
	return buf_take(&b);
}

void
termtext_puts(const char *s, FILE *f)
{
	char *t = termtext_dup(s, strlen(s));
	fputs(t, f);
	free(t);
}

void
termtext_printf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	termtext_puts(s, f);
	free(s);
}
