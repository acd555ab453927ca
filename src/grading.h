/* grading.h: the grade of one reply — five criteria with evidence, pitfalls.
 *
 * This is the interface between the scorer (score.h), which fills it, and
 * the dialogue engine, transcripts and reports, which read it.  A grading
 * owns every string and array inside it; grading_free() releases them. */
#ifndef IRATE_GRADING_H
#define IRATE_GRADING_H

#include <stdbool.h>
#include <stddef.h>

enum criterion {
	CRIT_CALM,
	CRIT_RESTATE,
	CRIT_EMPATHY,
	CRIT_APOLOGY,
	CRIT_ALTERNATIVE,
	CRIT_COUNT
};

enum pitfall {
	PIT_NEGATIVE_LANGUAGE,
	PIT_BLAMES_CUSTOMER,
	PIT_BLAMES_COLLEAGUE,
	PIT_TEMPLATE,
	PIT_TOO_LONG,
	PIT_COUNT
};

/* One span of the reply that earned (positive) or cost (!positive) a point.
 * start/end are byte offsets into the reply, end exclusive. */
struct evidence {
	size_t start, end;
	char *text;    /* owned copy of reply[start..end) */
	char *why;     /* owned, short reason: "names the customer's feeling" */
	bool positive;
};

struct crit_result {
	bool detected;  /* the behaviour is present in the reply */
	bool met;       /* satisfied in context (apology only owed when at fault) */
	int score;      /* 0..100, how strongly */
	struct evidence *ev;
	size_t nev, cap;
	char *tip;      /* owned; a coaching tip when !met, else NULL */
};

struct pitfall_hit {
	enum pitfall kind;
	size_t start, end;  /* byte span in the reply; 0,0 for the whole reply */
	char *text;         /* owned */
	char *why;          /* owned */
};

struct grading {
	struct crit_result crit[CRIT_COUNT];
	struct pitfall_hit *pits;
	size_t npits, pcap;
	int overall;        /* 0..100 */
};

/* Names as used in files: "calm", "restate", "empathy", "apology",
 * "alternative"; "negative_language", "blames_customer", "blames_colleague",
 * "template", "too_long".  The _from_name functions return -1 if unknown. */
const char *criterion_name(enum criterion c);
int criterion_from_name(const char *name);
const char *pitfall_name(enum pitfall p);
int pitfall_from_name(const char *name);

/* Zero a grading (no evidence, nothing detected, overall 0). */
void grading_init(struct grading *g);
/* Release everything a grading owns and zero it. */
void grading_free(struct grading *g);
/* Deep-copy src into dst (dst must not own anything). */
void grading_copy(struct grading *dst, const struct grading *src);

/* Append evidence for criterion c: copies reply[start..end) and why. */
void grading_add_evidence(struct grading *g, enum criterion c,
    const char *reply, size_t start, size_t end, bool positive,
    const char *why);
/* Append a pitfall hit: copies reply[start..end) and why. */
void grading_add_pitfall(struct grading *g, enum pitfall p, const char *reply,
    size_t start, size_t end, const char *why);
bool grading_has_pitfall(const struct grading *g, enum pitfall p);
/* Replace the tip for criterion c (copied; NULL clears it). */
void grading_set_tip(struct grading *g, enum criterion c, const char *tip);

#endif
