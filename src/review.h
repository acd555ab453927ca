/* review.h: supervisors' annotations of a transcript, kept in sidecar files.
 *
 * A review never edits the transcript.  Each reviewer has one sidecar beside
 * it, <transcript without .json>.review.<reviewer-dir>.json (the reviewer's
 * name encoded as trainee_dirname() does), so several supervisors can review
 * one transcript without clashing (docs/review-format.md).  A sidecar holds
 * the transcript's sha256 at review time and a list of notes: per turn a
 * comment and/or an override of one criterion's `detected` label.
 * A struct review owns every string inside it; review_free() releases them.
 * No printing here: problems go to a struct diags. */
#ifndef IRATE_REVIEW_H
#define IRATE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "grading.h"

#define REVIEW_FORMAT 1

struct review_note {
	int turn;        /* 1-based turn of the transcript */
	char *comment;   /* may be NULL */
	int criterion;   /* enum criterion overridden, or -1 for none */
	bool detected;   /* the reviewer's label, when criterion >= 0 */
	char *reason;    /* why, may be NULL */
	char *time;      /* ISO 8601 UTC, when the note was made */
};

struct review {
	int format;
	char *reviewer;
	char *transcript;        /* the transcript's file name (no directory) */
	char *transcript_sha256; /* "sha256:<hex>" of its bytes at review time */
	struct review_note *notes;
	size_t nnotes, cap;
	char *path;              /* the sidecar file */
};

/* Every review of one transcript, one per reviewer, sorted by reviewer. */
struct review_set {
	struct review *v;
	size_t n;
};

/* The sidecar path of reviewer's review of transcript_path (caller frees). */
char *review_path(const char *transcript_path, const char *reviewer);
/* Is name (a file name without directory) a review sidecar's?  Listings of
 * transcripts use this to leave sidecars out. */
bool review_is_sidecar(const char *name);
/* "sha256:<hex>" of the file at path into out (72 bytes).  0, or -1 with
 * the problem in d. */
int review_file_hash(const char *path, char out[72], struct diags *d);

/* Start an empty review of transcript_path by reviewer (a valid trainee-
 * style name), hashing the transcript as it is now.  Returns 0, or -1 with
 * the problem in d (*r is then safe to free).  Nothing is written yet. */
int review_start(struct review *r, const char *transcript_path,
    const char *reviewer, struct diags *d);
/* Add a comment on turn (copied).  time may be NULL for now. */
void review_comment(struct review *r, int turn, const char *comment,
    const char *time);
/* Add an override of criterion c on turn: the reviewer's `detected` label
 * with a reason (copied; may be NULL).  time may be NULL for now. */
void review_override(struct review *r, int turn, enum criterion c,
    bool detected, const char *reason, const char *time);
/* The index of the newest note on turn, or -1 when r has none there. */
long review_last_note(const struct review *r, int turn);
/* Remove note i (its strings freed; later notes move up). */
void review_remove_note(struct review *r, size_t i);
/* Write r to r->path atomically (temporary file, fsync, rename).
 * Returns 0, or -1 with the problem in d. */
int review_save(const struct review *r, struct diags *d);
/* Read a sidecar.  Returns 0, or -1 with every problem found in d, each
 * located (file:line:col); *r is always safe to free afterwards. */
int review_load(struct review *r, const char *path, struct diags *d);
void review_free(struct review *r);

/* Load every sidecar of transcript_path into *out (which the caller frees
 * with review_set_free).  A sidecar that cannot be read is left out and its
 * problems added to d.  Returns the number of problems (0 when all read). */
int review_load_all(const char *transcript_path, struct review_set *out,
    struct diags *d);
void review_set_free(struct review_set *s);
/* The override that holds for turn and criterion c over every review in s:
 * the newest by time (ties: the later reviewer by name), within a review its
 * last note.  NULL when nobody overrode it.  Borrowed from s. */
const struct review_note *review_set_override(const struct review_set *s,
    int turn, enum criterion c, const struct review **by);

#endif
