/* review_filter.h: the supervisor's review queue — one row per saved
 * session, the filter line a supervisor types, and the sort.
 *
 * A filter is words separated by spaces (docs/tui.md, "Review"):
 *   trainee:NAME  scenario:TEXT  ending:WORD  since:YYYY-MM-DD
 *   until:YYYY-MM-DD  CRITERION<N  overall<N  and bare words,
 * every one of which must hold.  Values may be double-quoted to hold
 * spaces (trainee:"Bo Li").  No curses, no printing: the parser returns its
 * complaint as a string.  Rows own their strings; review_rows_free()
 * releases them. */
#ifndef IRATE_REVIEW_FILTER_H
#define IRATE_REVIEW_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "grading.h"
#include "report.h"

/* "below N on criterion X"; criterion CRIT_COUNT stands for overall. */
struct review_below {
	int criterion;
	int below;          /* the share (or score) must be < below */
};

struct review_filter {
	char **trainee;     /* substrings (case-insensitive) of the trainee */
	size_t ntrainee;
	char **scenario;    /* substrings of the scenario id or title */
	size_t nscenario;
	char **words;       /* bare words: trainee, scenario id or title */
	size_t nwords;
	char *ending;       /* an ending or status word, or NULL */
	char since[11], until[11]; /* YYYY-MM-DD, or "" for no bound */
	struct review_below below[8];
	size_t nbelow;
};

/* Parse text into *f.  Returns 0, or -1 with *err set to a message the
 * caller frees (f is then empty).  f is always safe to free. */
int review_filter_parse(struct review_filter *f, const char *text,
    char **err);
void review_filter_free(struct review_filter *f);

/* One saved session as the queue shows it. */
struct review_row {
	char *trainee, *scenario_id, *scenario_title;
	char *started;      /* ISO 8601; the date is its first 10 bytes */
	char *mode;
	char *ending;       /* the ending's name when finished, else the status */
	int overall;
	int share[CRIT_COUNT]; /* percent of the turns met (overrides applied) */
	int turns, notes;   /* replies; supervisors' notes over all sidecars */
	char *path;         /* the transcript file */
	size_t session;     /* index into the report_data it came from */
};

/* The columns, in the order the sort key cycles through them. */
enum review_col {
	RC_TRAINEE, RC_SCENARIO, RC_DATE, RC_MODE, RC_ENDING, RC_OVERALL,
	RC_CALM, RC_RESTATE, RC_EMPATHY, RC_APOLOGY, RC_ALTERNATIVE,
	RC_COUNT
};
/* A column's name as --sort takes it ("trainee", "date", "empathy" …);
 * review_col_from_name returns -1 for an unknown one. */
const char *review_col_name(enum review_col c);
int review_col_from_name(const char *name);

/* A row for every session of rd (borrowed; the rows copy what they keep). */
struct review_row *review_rows_build(const struct report_data *rd,
    size_t *n);
void review_rows_free(struct review_row *v, size_t n);
bool review_filter_match(const struct review_filter *f,
    const struct review_row *r);
/* Sort v by column c (ties: date, then file), reversed when reverse. */
void review_rows_sort(struct review_row *v, size_t n, enum review_col c,
    bool reverse);

#endif
