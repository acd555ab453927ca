/* mood_chart.c: the mood of a call as a small text chart (mood_chart.h). */
#include "mood_chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define CELL 4 /* columns per point */

char **
mood_chart(const struct transcript *t, int height, size_t *n)
{
	if (height < 1)
		height = 1;
	size_t np = t->nturns + 1;
	int *v = xcalloc(np, sizeof *v);
	v[0] = t->nturns ? t->turns[0].mood_before : t->start_mood;
	for (size_t i = 0; i < t->nturns; i++)
		v[i + 1] = t->turns[i].mood_after;
	*n = (size_t)height + 2;
	char **out = xcalloc(*n, sizeof *out);
	size_t w = 10 + np * CELL + 1;
	for (int row = 0; row < height; row++) {
		/* the row stands for moods from its level up */
		int level = 100 * (height - row) / height;
		int half = 50 / height;
		char *s = xcalloc(w, 1);
		int k = snprintf(s, w, "%-4s %3d |", row == 0 ? "mood" : "", level);
		for (size_t i = 0; i < np; i++)
			k += snprintf(s + k, w - (size_t)k, "%*s",
			    CELL, v[i] >= level - half ? "## " : "   ");
		while (k > 0 && s[k - 1] == ' ')
			s[--k] = '\0';
		out[row] = s;
	}
	char *turns = xcalloc(w, 1), *moods = xcalloc(w, 1);
	int a = snprintf(turns, w, "%-9s ", "turn");
	int b = snprintf(moods, w, "%-9s ", "mood");
	for (size_t i = 0; i < np; i++) {
		a += snprintf(turns + a, w - (size_t)a, "%*zu ", CELL - 1, i);
		b += snprintf(moods + b, w - (size_t)b, "%*d ", CELL - 1, v[i]);
	}
	out[height] = turns;
	out[height + 1] = moods;
	free(v);
	return out;
}
