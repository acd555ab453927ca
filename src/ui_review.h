/* ui_review.h: the state the two review screens share — the browser
 * (ui_review.c) and the viewer (ui_review_view.c).  Owned by struct ui
 * (u->rv) for as long as irate runs, so the filter, sort and selection
 * survive opening a transcript and coming back. */
#ifndef IRATE_UI_REVIEW_H
#define IRATE_UI_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "lineedit.h"
#include "regrade.h"
#include "report.h"
#include "review.h"
#include "review_filter.h"
#include "ui_keys.h"

struct ui;

enum note_step {
	NOTE_COMMENT,   /* typing a comment */
	NOTE_CRITERION, /* choosing the criterion to override (1-5) */
	NOTE_LABEL,     /* y: detected, n: not */
	NOTE_REASON,    /* typing the reason (required) */
	NOTE_WITHDRAW,  /* y: withdraw the reviewer's newest note on the turn */
};

struct ui_review {
	char *reviewer;
	/* the browser */
	struct lineedit filter;
	char *filter_err;          /* why the typed filter is refused, or NULL */
	struct review_filter f;    /* the last filter that parsed */
	enum review_col sort;
	bool reverse;
	struct report_data rd;
	size_t problems;           /* files left out */
	struct review_row *rows;
	size_t nrows;
	size_t *shown;             /* indexes into rows, filtered and sorted */
	size_t nshown, sel, top;
	/* the viewer */
	char *path;                /* the open transcript */
	struct transcript t;
	bool open;
	struct review_set rs;
	struct regrade rg;
	size_t turn;               /* the selected turn (index) */
	bool jump;                 /* scroll to it on the next draw */
	/* the note being written */
	enum note_step step;
	int crit;
	bool detected;
	struct lineedit note;
	char *withdraw_what;       /* the note NOTE_WITHDRAW asks about */
};

/* Open the transcript at path in the viewer: load it, its reviews, and
 * re-grade it.  Returns 0, or -1 with a message set. */
int ui_review_open(struct ui *u, const char *path);
void ui_review_close(struct ui *u);

#endif
