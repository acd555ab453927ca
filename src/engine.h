/* engine.h: the dialogue engine — plays a scenario one graded reply at a time.
 *
 * Pure: no I/O, no clock, no curses.  Given the same scenario, seed and
 * sequence of (reply, grading) it produces the same lines, moods and ending.
 * The engine borrows the scenario (it must outlive the engine) and never
 * keeps the reply or grading passed to engine_reply(). */
#ifndef IRATE_ENGINE_H
#define IRATE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grading.h"
#include "scenario.h"

struct engine;

/* What one reply did. Strings are borrowed from the scenario. */
struct turn_outcome {
	int turn;            /* the reply's number, 1-based */
	int mood_before, mood_after;
	int delta;           /* mood_after - mood_before before clamping */
	size_t from, to;     /* node indexes (to == from when the call ended
	                        without a transition) */
	size_t transition;   /* index of the transition taken, or SIZE_MAX */
	enum ending ending;  /* END_NONE while the dialogue goes on */
	const char *line;    /* what the customer says now; may be NULL when
	                        the call ends and the scenario gives no line */
};

/* Start sc (which must have loaded without errors) with seed.  The
 * customer's opening line is engine_line(). Caller frees with engine_free. */
struct engine *engine_new(const struct scenario *sc, uint64_t seed);
void engine_free(struct engine *e);

/* Feed one reply and its grading (grading->crit[].met must have been
 * computed with engine_apology_owed() as the scorer's at_fault).  Fills *out.  Returns 0, or -1 (and
 * changes nothing) if the dialogue has already ended. */
int engine_reply(struct engine *e, const char *reply,
    const struct grading *g, struct turn_outcome *out);

const struct scenario *engine_scenario(const struct engine *e);
/* The customer's current line (borrowed; NULL only after a silent end). */
const char *engine_line(const struct engine *e);
size_t engine_node(const struct engine *e);
int engine_mood(const struct engine *e);
/* Replies given so far. */
int engine_turn(const struct engine *e);
enum ending engine_ending(const struct engine *e);
/* Is the company at fault at the current node? */
bool engine_at_fault(const struct engine *e);
/* Is an apology owed for the next reply: the company is at fault here and
 * the trainee has not apologised earlier in the call?  (One sincere apology
 * is enough; asking for "sorry" in every reply would reward stuffing.) */
bool engine_apology_owed(const struct engine *e);

#endif
