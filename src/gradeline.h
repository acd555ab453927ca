/* gradeline.h: one input line of `irate grade`, parsed and checked.
 *
 * A line is a JSON object: {"id": "..." | n, "customer": "...",
 * "reply": "...", "at_fault": true|false, "facts": ["..."],
 * "history": ["..."]}.  Only "reply" is required; null counts as absent;
 * other keys are ignored.  See docs/grade-format.md.  No printing here: every
 * problem goes, located (file, line, column), into a struct diags. */
#ifndef IRATE_GRADELINE_H
#define IRATE_GRADELINE_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "jsondoc.h"
#include "score.h"

/* Longest line accepted, newline excluded. */
#define GRADELINE_MAX_BYTES (1024u * 1024u)

enum gradeline_status {
	GRADELINE_OK,    /* every field read */
	GRADELINE_BLANK, /* nothing but white space: skip it */
	GRADELINE_BAD    /* problems added to d; only line and id are set */
};

/* A gradeline owns its parsed document, its id and the facts and history
 * arrays; the strings they point to are borrowed from the document and live
 * until gradeline_free(). */
struct gradeline {
	long line;                /* 1-based line number in the input */
	bool id_is_string;        /* else a number (given, or the line number) */
	char *id;                 /* owned: the string, or the number as text */
	double id_number;         /* when !id_is_string */
	const char *customer;     /* NULL when absent */
	const char *reply;
	size_t reply_len;
	bool at_fault;            /* true when absent */
	struct score_fact *facts; /* owned array; texts borrowed */
	size_t nfacts;
	const char **history;     /* owned array; strings borrowed */
	size_t nhistory;
	struct jsondoc doc;       /* owned */
};

/* Parse text[0..len) (one line; a final "\n" or "\r\n" is dropped) as line
 * `line` of `file` (the name used in messages).  Fills *gl, which the caller
 * always releases with gradeline_free().  On GRADELINE_BAD every problem
 * found is added to d with file, this line and (where known) the column. */
enum gradeline_status gradeline_parse(struct gradeline *gl, const char *file,
    long line, const char *text, size_t len, struct diags *d);
void gradeline_free(struct gradeline *gl);

/* The scoring context of a parsed line; ctx borrows from gl. */
void gradeline_ctx(const struct gradeline *gl, struct score_ctx *ctx);
/* The id as a fresh cJSON string or number (caller owns it). */
cJSON *gradeline_id_json(const struct gradeline *gl);
/* The problems d->v[from..] as one message, "path: message" each, joined
 * by "; " (for the error result of a bad line).  Caller frees. */
char *gradeline_error_text(const struct diags *d, size_t from);

#endif
