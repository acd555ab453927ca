/* mood.c: how a graded reply moves the customer's mood. */
#include "mood.h"

#include <math.h>

int
mood_delta(const struct mood_model *m, const struct grading *g,
    bool apology_owed)
{
	double sum = 0;
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *r = &g->crit[c];
		int v;
		if (c == CRIT_APOLOGY && !apology_owed)
			v = r->detected ? m->met[c] : 0;
		else
			v = r->met ? m->met[c] : m->missed[c];
		sum += m->weight[c] * v;
	}
	bool seen[PIT_COUNT] = {false};
	for (size_t i = 0; i < g->npits; i++) {
		enum pitfall p = g->pits[i].kind;
		if ((unsigned)p < PIT_COUNT && !seen[p]) {
			seen[p] = true;
			sum += m->pitfall[p];
		}
	}
	sum += m->per_turn;
	return (int)lround(sum);
}

int
mood_clamp(int mood)
{
	return mood < 0 ? 0 : mood > MOOD_MAX ? MOOD_MAX : mood;
}

const char *
mood_word(int mood)
{
	if (mood < 20)
		return "calm";
	if (mood < 40)
		return "wary";
	if (mood < 60)
		return "annoyed";
	if (mood < 80)
		return "angry";
	return "furious";
}
