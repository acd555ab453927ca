/* ui_review_view.c: one transcript under review — the mood over the call,
 * what a re-grade with the current scorer finds now, and turn by turn the
 * customer's line, the reply with its evidence (ui_view.h), the criteria
 * and pitfalls, and every reviewer's notes.  c comments on the selected
 * turn, o overrides one of its criteria; each note is saved at once in
 * the reviewer's own sidecar (review.h), never in the transcript. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mood_chart.h"
#include "ui_draw.h"
#include "ui_review.h"
#include "ui_state.h"
#include "ui_view.h"
#include "xalloc.h"

static const char *
yes(bool b)
{
	return b ? "yes" : "no";
}

void
ui_review_close(struct ui *u)
{
	struct ui_review *rv = u->rv;
	if (rv == NULL || !rv->open)
		return;
	transcript_free(&rv->t);
	review_set_free(&rv->rs);
	regrade_free(&rv->rg);
	free(rv->path);
	rv->path = NULL;
	free(rv->withdraw_what);
	rv->withdraw_what = NULL;
	rv->open = false;
}

static void
reload_reviews(struct ui_review *rv)
{
	struct diags d = {0};
	review_set_free(&rv->rs);
	review_load_all(rv->path, &rv->rs, &d);
	diags_free(&d);
}

int
ui_review_open(struct ui *u, const char *path)
{
	struct ui_review *rv = u->rv;
	ui_review_close(u);
	struct diags d = {0};
	if (transcript_load(&rv->t, path, &d) != 0) {
		ui_message(u, true, "%s", d.n ? d.v[0].msg : "cannot read it");
		transcript_free(&rv->t);
		diags_free(&d);
		return -1;
	}
	diags_free(&d);
	rv->path = xstrdup(path);
	rv->open = true;
	reload_reviews(rv);
	regrade_transcript(&rv->rg, &rv->t, u->scorer);
	rv->turn = 0;
	rv->jump = false;
	return 0;
}

/* The notes every reviewer made on turn n. */
static void
add_notes(struct ui_doc *d, const struct review_set *rs, int n)
{
	for (size_t k = 0; k < rs->n; k++) {
		const struct review *r = &rs->v[k];
		for (size_t i = 0; i < r->nnotes; i++) {
			const struct review_note *no = &r->notes[i];
			if (no->turn != n)
				continue;
			struct ui_par *p = ui_doc_addf(d, 4, R_NORMAL, "%s, %s: ",
			    r->reviewer, no->time);
			ui_par_mark(p, 0, strlen(p->text), R_TITLE);
			ui_par_label(p, "#", R_TITLE);
			if (no->criterion >= 0) {
				const struct review_note *h = review_set_override(rs, n,
				    (enum criterion)no->criterion, NULL);
				char s[96];
				snprintf(s, sizeof s, "%s is %s", criterion_name(
				    (enum criterion)no->criterion), no->detected ?
				    "detected" : "not detected");
				ui_par_append(p, "override ", R_NORMAL);
				ui_par_append(p, s, no->detected ? R_GOOD : R_BAD);
				if (no->reason) {
					ui_par_append(p, " because ", R_NORMAL);
					ui_par_append(p, no->reason, R_NORMAL);
				}
				if (h != no)
					ui_par_append(p, " (a later note holds)", R_DIM);
				if (no->comment)
					ui_par_append(p, "; ", R_NORMAL);
			}
			if (no->comment)
				ui_par_append(p, no->comment, R_NORMAL);
		}
	}
}

/* The whole document; first[i] gets the paragraph where turn i starts. */
static void
build(struct ui *u, struct ui_doc *d, size_t *first)
{
	struct ui_review *rv = u->rv;
	const struct transcript *t = &rv->t;
	const char *status = t->status ? t->status : "";
	char *resumed = transcript_resumed_note(t);
	ui_doc_addf(d, 0, R_DIM, "%s, %s, %s; %s; overall %d of 100%s%s; %s",
	    t->trainee, t->started, t->mode, strcmp(status, "finished") == 0 ?
	    ending_name(t->ending) : status, transcript_overall(t),
	    *resumed ? "; " : "", resumed, t->path);
	free(resumed);
	char *sum = regrade_summary(&rv->rg);
	ui_doc_add(d, 0, rv->rg.n || rv->rg.scenario_changed ? R_BAD : R_GOOD,
	    sum);
	free(sum);
	struct ui_par *p = ui_doc_add(d, 0, R_NORMAL, rv->rs.n ? "Notes by " :
	    "No notes yet: c comments on the selected turn, o overrides one of "
	    "its criteria.");
	for (size_t i = 0; i < rv->rs.n; i++) {
		char s[160];
		snprintf(s, sizeof s, "%s%s (%zu)", i ? ", " : "",
		    rv->rs.v[i].reviewer, rv->rs.v[i].nnotes);
		ui_par_append(p, s, R_TITLE);
	}
	size_t nl;
	char **chart = mood_chart(t, 4, &nl);
	for (size_t i = 0; i < nl; i++) {
		ui_doc_add(d, 2, R_DIM, chart[i]);
		free(chart[i]);
	}
	free(chart);
	if (t->nturns == 0) { /* else turn 1 shows the opening line */
		ui_doc_blank(d);
		p = ui_doc_add(d, 2, R_CUSTOMER, t->opening);
		ui_par_label(p, "<", R_CUSTOMER);
	}
	for (size_t i = 0; i < t->nturns; i++) {
		const struct transcript_turn *tu = &t->turns[i];
		bool sel = i == rv->turn;
		ui_doc_blank(d);
		first[i] = d->n;
		p = ui_doc_addf(d, 0, sel ? R_SELECT : R_TITLE, "%sTurn %d of %zu "
		    "- score %d of 100", sel ? "=> " : "", tu->n, t->nturns,
		    tu->grading.overall);
		p = ui_doc_add(d, 2, R_CUSTOMER, tu->customer);
		ui_par_label(p, "<", R_CUSTOMER);
		ui_view_turn(d, tu->reply, &tu->grading, tu->mood_before,
		    tu->mood_after, false);
		size_t f0, nd = regrade_turn(&rv->rg, tu->n, &f0);
		if (nd)
			ui_doc_add(d, 0, R_BAD, "Re-graded now, this turn differs:");
		for (size_t k = 0; k < nd; k++) {
			char *s = regrade_diff_text(&rv->rg.v[f0 + k]);
			ui_doc_add(d, 4, R_BAD, s);
			free(s);
		}
		add_notes(d, &rv->rs, tu->n);
	}
	if (t->closing) {
		ui_doc_blank(d);
		p = ui_doc_add(d, 2, R_CUSTOMER, t->closing);
		ui_par_label(p, "<", R_CUSTOMER);
	}
	if (t->nturns == 0)
		ui_doc_add(d, 0, R_NORMAL, "No replies were given.");
}

static const char *const crit_keys =
    "1 calm  2 restate  3 empathy  4 apology  5 alternative";

static void
draw_note(struct ui *u, int y)
{
	struct ui_review *rv = u->rv;
	const struct transcript_turn *tu = &rv->t.turns[rv->turn];
	ui_fill(y, 0, COLS, R_BAR);
	switch (rv->step) {
	case NOTE_COMMENT:
		ui_printf(y, 1, COLS - 2, R_BAR, "Comment on turn %d as %s:",
		    tu->n, rv->reviewer);
		break;
	case NOTE_CRITERION:
		ui_printf(y, 1, COLS - 2, R_BAR, "Override on turn %d: which "
		    "criterion? %s", tu->n, crit_keys);
		return;
	case NOTE_LABEL:
		ui_printf(y, 1, COLS - 2, R_BAR, "Is %s in the reply? y: detected, "
		    "n: not detected (the scorer said %s)", criterion_name(
		    (enum criterion)rv->crit), yes(tu->grading.crit[rv->crit].detected));
		return;
	case NOTE_WITHDRAW:
		ui_printf(y, 1, COLS - 2, R_BAR, "Withdraw your %s on turn %d? "
		    "y: withdraw it, n or Esc: keep it", rv->withdraw_what, tu->n);
		return;
	case NOTE_REASON:
		ui_printf(y, 1, COLS - 2, R_BAR, "Why is %s %s on turn %d? "
		    "(a reason is required)", criterion_name((enum criterion)rv->crit),
		    rv->detected ? "detected" : "not detected", tu->n);
		break;
	}
	int x = 1, w = COLS - 2;
	ui_fill(y + 1, x, w, R_FIELD);
	size_t start, n, col;
	lineedit_view(&rv->note, (size_t)w, &start, &n, &col);
	ui_put(y + 1, x, w, rv->note.s + start, n, R_FIELD);
	u->cur_y = y + 1;
	u->cur_x = x + (int)col;
}

void
ui_review_view_draw(struct ui *u)
{
	struct ui_review *rv = u->rv;
	const struct transcript *t = &rv->t;
	char *left = xasprintf("Review: %s", t->scenario_title ?
	    t->scenario_title : "");
	char right[128];
	snprintf(right, sizeof right, "%s; turn %zu of %zu; reviewer %s",
	    t->trainee, t->nturns ? rv->turn + 1 : 0, t->nturns, rv->reviewer);
	ui_bar(0, left, right);
	free(left);
	struct ui_doc d = {0};
	size_t *first = xcalloc(t->nturns ? t->nturns : 1, sizeof *first);
	build(u, &d, first);
	bool noting = u->screen == UI_REVIEW_NOTE;
	int h = LINES - 3 - (noting ? 2 : 0);
	if (rv->jump && t->nturns) {
		struct ui_doc part = d;
		part.n = first[rv->turn];
		u->view_scroll = ui_doc_lines(&part, COLS - 2);
		rv->jump = false;
	}
	ui_doc_view(&d, 2, h, &u->view_scroll);
	ui_doc_free(&d);
	free(first);
	if (noting)
		draw_note(u, LINES - 3);
}

static void
start_note(struct ui *u, enum note_step step)
{
	struct ui_review *rv = u->rv;
	if (rv->t.nturns == 0) {
		ui_message(u, true, "there is no turn to annotate");
		return;
	}
	rv->step = step;
	rv->crit = -1;
	lineedit_set(&rv->note, "");
	rv->jump = true;
	u->screen = UI_REVIEW_NOTE; /* keep the scroll: the viewer stays */
}

/* The reviewer's own sidecar of the open transcript into *r; 0, or -1 when
 * there is none or it cannot be read (message set). */
static int
load_own(struct ui *u, struct review *r)
{
	struct ui_review *rv = u->rv;
	struct diags d = {0};
	char *sp = review_path(rv->path, rv->reviewer);
	int rc = -1;
	memset(r, 0, sizeof *r);
	if (access(sp, F_OK) != 0)
		ui_message(u, true, "%s has no notes on this transcript (only "
		    "your own notes can be withdrawn)", rv->reviewer);
	else if ((rc = review_load(r, sp, &d)) != 0)
		ui_message(u, true, "your review cannot be read: %s",
		    d.n ? d.v[0].msg : "unknown problem");
	free(sp);
	diags_free(&d);
	return rc;
}

/* x: ask before withdrawing the reviewer's newest note on the turn. */
static void
ask_withdraw(struct ui *u)
{
	struct ui_review *rv = u->rv;
	if (rv->t.nturns == 0)
		return;
	int turn = rv->t.turns[rv->turn].n;
	struct review r;
	if (load_own(u, &r) != 0) {
		review_free(&r);
		return;
	}
	long i = review_last_note(&r, turn);
	if (i < 0) {
		ui_message(u, true, "you have no note on turn %d (only your own "
		    "notes can be withdrawn)", turn);
	} else {
		const struct review_note *n = &r.notes[i];
		free(rv->withdraw_what);
		rv->withdraw_what = n->criterion >= 0 ?
		    xasprintf("override of %s (%s)", criterion_name(
		    (enum criterion)n->criterion), n->reason ? n->reason : "") :
		    xasprintf("comment \"%s\"", n->comment ? n->comment : "");
		rv->step = NOTE_WITHDRAW;
		rv->jump = true;
		u->screen = UI_REVIEW_NOTE;
	}
	review_free(&r);
}

/* y on the question: remove that note from the reviewer's sidecar. */
static void
withdraw_note(struct ui *u)
{
	struct ui_review *rv = u->rv;
	int turn = rv->t.turns[rv->turn].n;
	struct review r;
	struct diags d = {0};
	if (load_own(u, &r) == 0) {
		long i = review_last_note(&r, turn);
		if (i >= 0) {
			review_remove_note(&r, (size_t)i);
			if (review_save(&r, &d) == 0)
				ui_message(u, false, "your note on turn %d is "
				    "withdrawn", turn);
			else
				ui_message(u, true, "the note is not withdrawn: %s",
				    d.n ? d.v[0].msg : "cannot write the review");
		}
	}
	review_free(&r);
	diags_free(&d);
	reload_reviews(rv);
}

void
ui_review_view_key(struct ui *u, const struct ui_key *k)
{
	struct ui_review *rv = u->rv;
	if (ui_view_scroll(u, k, LINES - 4))
		return;
	switch (k->act) {
	case ACT_NEXT:
		if (rv->turn + 1 < rv->t.nturns)
			rv->turn++;
		rv->jump = true;
		break;
	case ACT_PREV:
		if (rv->turn > 0)
			rv->turn--;
		rv->jump = true;
		break;
	case ACT_COMMENT: start_note(u, NOTE_COMMENT); break;
	case ACT_OVERRIDE: start_note(u, NOTE_CRITERION); break;
	case ACT_WITHDRAW: ask_withdraw(u); break;
	case ACT_BACK:
		ui_review_close(u);
		ui_review_enter(u, rv->reviewer);
		ui_go(u, UI_REVIEW);
		break;
	default: break;
	}
}

/* Save the note in the reviewer's sidecar: the existing one extended, or
 * a new one.  Returns 0, or -1 with a message set. */
static int
save_note(struct ui *u, const char *text)
{
	struct ui_review *rv = u->rv;
	int turn = rv->t.turns[rv->turn].n;
	struct review r;
	struct diags d = {0};
	char *sp = review_path(rv->path, rv->reviewer);
	int rc = access(sp, F_OK) == 0 ? review_load(&r, sp, &d) :
	    review_start(&r, rv->path, rv->reviewer, &d);
	free(sp);
	if (rc == 0) {
		if (rv->step == NOTE_COMMENT)
			review_comment(&r, turn, text, NULL);
		else
			review_override(&r, turn, (enum criterion)rv->crit,
			    rv->detected, text, NULL);
		rc = review_save(&r, &d);
	}
	if (rc != 0)
		ui_message(u, true, "the note is not saved: %s", d.n ? d.v[0].msg :
		    "cannot write the review");
	else
		ui_message(u, false, "%s on turn %d saved in %s",
		    rv->step == NOTE_COMMENT ? "comment" : "override", turn,
		    strrchr(r.path, '/') ? strrchr(r.path, '/') + 1 : r.path);
	review_free(&r);
	diags_free(&d);
	reload_reviews(rv);
	return rc;
}

void
ui_review_note_key(struct ui *u, const struct ui_key *k)
{
	struct ui_review *rv = u->rv;
	if (k->act == ACT_CANCEL) {
		u->screen = UI_REVIEW_VIEW;
		ui_message(u, false, rv->step == NOTE_WITHDRAW ?
		    "the note is kept" : "note dropped");
		return;
	}
	if (rv->step == NOTE_WITHDRAW) {
		if (k->text && (k->ch == 'y' || k->ch == 'Y')) {
			withdraw_note(u);
			u->screen = UI_REVIEW_VIEW;
		} else if (k->text && (k->ch == 'n' || k->ch == 'N')) {
			u->screen = UI_REVIEW_VIEW;
			ui_message(u, false, "the note is kept");
		}
		return;
	}
	if (rv->step == NOTE_CRITERION) {
		if (k->text && k->ch >= '1' && k->ch < '1' + CRIT_COUNT) {
			rv->crit = (int)(k->ch - '1');
			rv->step = NOTE_LABEL;
		}
		return;
	}
	if (rv->step == NOTE_LABEL) {
		if (k->text && (k->ch == 'y' || k->ch == 'n' || k->ch == 'Y' ||
		    k->ch == 'N')) {
			rv->detected = k->ch == 'y' || k->ch == 'Y';
			rv->step = NOTE_REASON;
		}
		return;
	}
	if (k->act != ACT_ENTER) {
		ui_edit_key(&rv->note, k);
		return;
	}
	const char *s = lineedit_text(&rv->note);
	while (*s == ' ')
		s++;
	if (*s == '\0') {
		ui_message(u, true, rv->step == NOTE_REASON ? "an override needs a "
		    "reason: type why (Esc drops it)" : "the comment is empty "
		    "(Esc drops it)");
		return;
	}
	if (save_note(u, s) == 0)
		u->screen = UI_REVIEW_VIEW;
}
