/* stem.c: Snowball stemming through libstemmer. */
#include "stem.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct stemmer {
	struct sb_stemmer *sb;
};

struct stemmer *
stem_new(const char *language)
{
	struct sb_stemmer *sb = sb_stemmer_new(language, NULL);
	if (sb == NULL)
		return NULL;
	struct stemmer *st = xcalloc(1, sizeof *st);
	st->sb = sb;
	return st;
}

void
stem_free(struct stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	free(st);
}

size_t
stem_word(struct stemmer *st, const char *w, size_t n, char *out, size_t cap)
{
	if (cap == 0)
		return 0;
	const sb_symbol *r = NULL;
	int rn = 0;
	if (st && n > 0 && n < 64) {
		r = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)n);
		rn = r ? sb_stemmer_length(st->sb) : 0;
	}
	if (r == NULL) {
		r = (const sb_symbol *)w;
		rn = (int)n;
	}
	size_t m = (size_t)rn < cap - 1 ? (size_t)rn : cap - 1;
	memcpy(out, r, m);
	out[m] = '\0';
	return m;
}
