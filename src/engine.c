/* engine.c: the dialogue engine — moves through a scenario reply by reply. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "mood.h"
#include "xalloc.h"

struct engine {
	const struct scenario *sc;
	uint64_t seed;
	size_t node;
	int mood;
	int turn;
	enum ending ending;
	bool apologised; /* an apology was given earlier in the call */
	const char *line;
	unsigned *visits; /* per node: how often the customer has spoken there */
};

/* splitmix64: a small, well-mixed hash for reproducible choices. */
static uint64_t
mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

/* Pick a variant of lines for the k-th visit to the place named by salt. */
static const char *
pick_line(const struct engine *e, const struct strlist *l, uint64_t salt,
    unsigned visit)
{
	if (l->n == 0)
		return NULL;
	uint64_t h = mix64(e->seed ^ mix64(salt) ^ mix64((uint64_t)visit << 32));
	return l->v[h % l->n];
}

static void
engine_enter(struct engine *e, size_t node)
{
	e->node = node;
	const struct node *nd = &e->sc->nodes[node];
	e->line = pick_line(e, &nd->say, node + 1, e->visits[node]++);
	if (nd->end != END_NONE)
		e->ending = nd->end;
}

struct engine *
engine_new(const struct scenario *sc, uint64_t seed)
{
	if (sc->start_idx >= sc->nnodes)
		return NULL;
	struct engine *e = xcalloc(1, sizeof *e);
	e->sc = sc;
	e->seed = seed;
	e->mood = sc->start_mood;
	e->visits = xcalloc(sc->nnodes, sizeof *e->visits);
	engine_enter(e, sc->start_idx);
	return e;
}

void
engine_free(struct engine *e)
{
	if (e == NULL)
		return;
	free(e->visits);
	free(e);
}

int
engine_reply(struct engine *e, const char *reply, const struct grading *g,
    struct turn_outcome *out)
{
	memset(out, 0, sizeof *out);
	if (e->ending != END_NONE)
		return -1;
	const struct scenario *sc = e->sc;
	e->turn++;
	out->turn = e->turn;
	out->from = out->to = e->node;
	out->transition = SIZE_MAX;
	out->mood_before = e->mood;
	out->delta = mood_delta(&sc->mood, g, engine_apology_owed(e));
	if (g->crit[CRIT_APOLOGY].detected)
		e->apologised = true;
	e->mood = mood_clamp(e->mood + out->delta);
	out->mood_after = e->mood;

	if (e->mood >= MOOD_MAX) {
		e->ending = END_HUNG_UP;
		e->line = pick_line(e, &sc->hang_up, 0x68616e67ull, 0);
	} else {
		const struct node *nd = &sc->nodes[e->node];
		for (size_t t = 0; t < nd->nnext; t++) {
			const struct transition *tr = &nd->next[t];
			if (tr->has_cond &&
			    !cond_holds(&tr->cond, g, reply, e->mood, e->turn))
				continue;
			if (tr->target >= sc->nnodes)
				continue; /* lint reports it; stay put */
			out->transition = t;
			engine_enter(e, tr->target);
			break;
		}
		if (e->ending == END_NONE && e->turn >= sc->turn_limit) {
			e->ending = END_OUT_OF_TURNS;
			e->line = pick_line(e, &sc->time_up, 0x74696d65ull, 0);
		}
	}
	out->to = e->node;
	out->ending = e->ending;
	out->line = e->line;
	return 0;
}

const struct scenario *
engine_scenario(const struct engine *e)
{
	return e->sc;
}

const char *
engine_line(const struct engine *e)
{
	return e->line;
}

size_t
engine_node(const struct engine *e)
{
	return e->node;
}

int
engine_mood(const struct engine *e)
{
	return e->mood;
}

int
engine_turn(const struct engine *e)
{
	return e->turn;
}

enum ending
engine_ending(const struct engine *e)
{
	return e->ending;
}

bool
engine_at_fault(const struct engine *e)
{
	return scenario_node_at_fault(e->sc, e->node);
}

bool
engine_apology_owed(const struct engine *e)
{
	return engine_at_fault(e) && !e->apologised;
}
