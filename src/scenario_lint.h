/* scenario_lint.h: checks that find what parses in a scenario but cannot work. */
#ifndef IRATE_SCENARIO_LINT_H
#define IRATE_SCENARIO_LINT_H

#include "diag.h"
#include "scenario.h"

/* Check a scenario (one that loaded, or one whose loading found errors
 * but produced a tree — the checks skip what is missing): unreachable nodes, nodes
 * with no way out, no ending reachable from the start, no "resolved"
 * ending, duplicate fact ids, facts without paraphrases, transitions that
 * can never be taken.  Adds each problem, located, to d; returns how many. */
int scenario_lint(const struct scenario *sc, struct diags *d);

/* The scenario tree as a Graphviz dot graph (caller frees). */
char *scenario_dot(const struct scenario *sc);

#endif
