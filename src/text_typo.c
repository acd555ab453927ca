/* text_typo.c: one-edit typo correction of keywords by symmetric deletion. */
#include "text_typo.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define TYPO_MAX 32

void
text_typo_add(struct text_typo *ty, const char *word)
{
	size_t n = strlen(word);
	if (n < 4 || n > TYPO_MAX || text_map_get(&ty->exact, word, n) >= 0)
		return;
	int idx = (int)ty->n;
	ty->words = xgrow(ty->words, &ty->cap, ty->n + 1, sizeof *ty->words);
	ty->words[ty->n++] = xstrdup(word);
	text_map_set(&ty->exact, word, n, idx);
	char d[TYPO_MAX];
	for (size_t i = 0; i < n; i++) {
		memcpy(d, word, i);
		memcpy(d + i, word + i + 1, n - i - 1);
		int old = text_map_add(&ty->dels, d, n - 1, idx);
		if (old != idx && old != -2)
			text_map_set(&ty->dels, d, n - 1, -2);
	}
}

const char *
text_typo_fix(const struct text_typo *ty, const char *w, size_t n)
{
	if (ty->n == 0 || n < 4 || n > TYPO_MAX + 1)
		return NULL;
	if (text_map_get(&ty->exact, w, n) >= 0)
		return NULL;
	/* w lacks one letter of a keyword ("sory"). */
	int k = text_map_get(&ty->dels, w, n);
	if (k >= 0)
		return ty->words[k];
	char d[TYPO_MAX + 1];
	for (size_t i = 0; i < n; i++) {
		memcpy(d, w, i);
		memcpy(d + i, w + i + 1, n - i - 1);
		/* w has one letter too many ("sorrry"). */
		k = text_map_get(&ty->exact, d, n - 1);
		if (k >= 0)
			return ty->words[k];
		/* One letter changed or two swapped ("frustrsting"). */
		if (n >= 6) {
			k = text_map_get(&ty->dels, d, n - 1);
			if (k >= 0 && strlen(ty->words[k]) == n)
				return ty->words[k];
		}
	}
	return NULL;
}

void
text_typo_free(struct text_typo *ty)
{
	for (size_t i = 0; i < ty->n; i++)
		free(ty->words[i]);
	free(ty->words);
	text_map_free(&ty->exact);
	text_map_free(&ty->dels);
	memset(ty, 0, sizeof *ty);
}
