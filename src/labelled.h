/* labelled.h: one labelled reply, as the scorer's evaluation, training and
 * test sets hold them (one JSON object a line: "reply", "customer",
 * "at_fault", "facts" as strings or {"text", "paraphrases"}, "history",
 * "labels" {"calm": 0|1, ...}; see tests/data/eval/README.md).
 * A struct labelled borrows every string from the cJSON object it was read
 * from, which must outlive it; it owns only its arrays. */
#ifndef IRATE_LABELLED_H
#define IRATE_LABELLED_H

#include <cjson/cJSON.h>

#include "grading.h"
#include "score.h"

struct labelled {
	const char *id;       /* NULL when absent or not a string */
	const char *reply;
	struct score_ctx ctx; /* at_fault true when absent */
	int label[CRIT_COUNT]; /* 0, 1, or -1 when not labelled */
	struct score_fact *facts;      /* owned, ctx.facts */
	const char ***paraphrases;     /* owned, one array per fact */
	const char **history;          /* owned, ctx.history */
};

/* Read o.  Returns 0, or -1 when o is no object with a string "reply" (l is
 * then empty but safe to free).  Malformed optional members are skipped. */
int labelled_read(struct labelled *l, const cJSON *o);
void labelled_free(struct labelled *l);

#endif
