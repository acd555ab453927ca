/* scenario.h: a scenario tree — customer, facts, nodes, transitions, mood.
 *
 * scenario_load() reads a JSON scenario file (docs/scenario-format.md),
 * checks its structure and reports every problem located; scenario_lint()
 * (scenario_lint.h) then finds what parses but cannot work.  A struct scenario owns
 * every string and array inside it; scenario_free() releases them. */
#ifndef IRATE_SCENARIO_H
#define IRATE_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "grading.h"

#define SCENARIO_FORMAT 1     /* the format major version this reader knows */
#define SCENARIO_MAX_TURNS 50 /* upper bound on turn_limit */
#define MOOD_MAX 100          /* the customer hangs up at this mood */

enum ending {
	END_NONE,
	END_RESOLVED,
	END_ESCALATED,
	END_HUNG_UP,
	END_OUT_OF_TURNS,
	END_COUNT
};

/* "resolved", "escalated", "hung_up", "out_of_turns" ("none" for END_NONE);
 * ending_from_name returns -1 for an unknown name. */
const char *ending_name(enum ending e);
int ending_from_name(const char *name);

struct strlist {
	char **v; /* owned strings */
	size_t n;
};

struct fact {
	char *id;
	char *text;
	struct strlist paraphrases;
	int line, col; /* where it stands in the file */
};

/* A condition on a reply: every key that is set must hold (logical AND).
 * Bitmasks use 1u << enum criterion / enum pitfall; -1 means "not set". */
struct cond {
	unsigned met;          /* all of these criteria met */
	unsigned missed;       /* all of these criteria missed */
	unsigned pitfalls;     /* at least one of these pitfalls flagged */
	unsigned no_pitfalls;  /* none of these pitfalls flagged */
	struct strlist said;   /* the reply uses at least one of these words/phrases */
	struct strlist not_said; /* the reply uses none of these */
	int mood_below;        /* mood after the reply < n */
	int mood_at_least;     /* mood after the reply >= n */
	int turn_at_least;     /* this is reply number >= n (1-based) */
	int turn_below;        /* this is reply number < n */
	int score_at_least;    /* overall score >= n */
	int score_below;       /* overall score < n */
};

struct transition {
	bool has_cond;         /* false: the fallback, taken unconditionally */
	struct cond cond;
	char *go;              /* target node id */
	size_t target;         /* index into scenario.nodes, or SIZE_MAX if unknown */
	char *path;            /* JSON path, e.g. nodes.refund.next[2] */
	int line, col;
};

struct node {
	char *id;
	struct strlist say;    /* the customer's line, in variants */
	char *model_reply;     /* a model answer for coaching, or NULL */
	int at_fault;          /* -1: as the scenario; 0 or 1: overridden here */
	enum ending end;       /* END_NONE unless this node ends the dialogue */
	struct transition *next;
	size_t nnext;
	int line, col;
};

struct mood_model {
	int met[CRIT_COUNT];      /* mood change when a criterion is met */
	int missed[CRIT_COUNT];   /* mood change when it is missed */
	int pitfall[PIT_COUNT];   /* mood change per pitfall flagged */
	double weight[CRIT_COUNT]; /* persona multipliers on met/missed */
	int per_turn;             /* drift every reply (impatience), may be 0 */
};

struct scenario {
	char *file;         /* path it was loaded from */
	char *hash;         /* "sha256:<hex>" of the file's bytes */
	int format;
	char *id, *title, *summary, *industry, *language;
	struct strlist tags;
	int difficulty;     /* 1..5 */
	char *customer_name, *persona;
	int start_mood;     /* 0 calm .. 100 furious */
	struct strlist hang_up; /* what the customer says hanging up (may be empty) */
	struct strlist time_up; /* what they say when the turns run out (may be empty) */
	bool at_fault;
	struct fact *facts;
	size_t nfacts;
	int turn_limit;
	struct mood_model mood;
	char *start;        /* id of the first node */
	size_t start_idx;   /* its index, or SIZE_MAX */
	struct node *nodes;
	size_t nnodes;
};

/* Load and check a scenario file.  Returns 0 and fills *sc when the file
 * is usable (warnings may still be added to d); -1 when it is not, with
 * every problem found added to d as file:line:col with its JSON path.
 * *sc is always safe to pass to scenario_free() afterwards. */
int scenario_load(struct scenario *sc, const char *path, struct diags *d);
void scenario_free(struct scenario *sc);

/* Index of node id, or SIZE_MAX. */
size_t scenario_find_node(const struct scenario *sc, const char *id);
/* Is the company at fault at node i (the node's override, else the
 * scenario's)? */
bool scenario_node_at_fault(const struct scenario *sc, size_t i);
/* The default mood model (documented in docs/scenario-format.md). */
void mood_model_default(struct mood_model *m);

#endif
