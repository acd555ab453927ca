/* grading.h: the grade of one reply — five criteria with evidence, pitfalls.
 *
 * This is the interface between the scorer (score.h), which fills it, and
 * the dialogue engine, transcripts and reports, which read it.  A grading
 * owns every string and array inside it, all held in its pool (one block,
 * more only when a grading outgrows it): they are made by the grading_*
 * functions below and never free()d or reallocated one by one; a string
 * replaced or an entry dropped stays in the pool until grading_reset() or
 * grading_free() releases them all at once. */
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

struct grading_pool;  /* grading.c: the blocks holding a grading's strings */

struct grading {
	struct crit_result crit[CRIT_COUNT];
	struct pitfall_hit *pits;
	size_t npits, pcap;
	int overall;        /* 0..100 */
	struct grading_pool *pool;  /* owned: every string and array above */
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
/* Empty a grading as grading_init() does, but keep its pool's newest block
 * for the next reply (for a caller grading many in turn): every string and
 * array it held is gone.  grading_free() still releases it in the end. */
void grading_reset(struct grading *g);
/* Deep-copy src into dst (dst must not own anything). */
void grading_copy(struct grading *dst, const struct grading *src);

/* A copy of s[0..n), NUL-terminated, in g's pool: g owns it. */
char *grading_strndup(struct grading *g, const char *s, size_t n);
/* Append a zeroed evidence slot to criterion c (its text and why NULL) and
 * return it for the caller to fill, with strings from grading_strndup(). */
struct evidence *grading_new_evidence(struct grading *g, enum criterion c);
/* The same for a pitfall hit. */
struct pitfall_hit *grading_new_pitfall(struct grading *g);

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
/* The same with the tip's length known: a copy of tip[0..n). */
void grading_set_tipn(struct grading *g, enum criterion c, const char *tip,
    size_t n);

#endif
