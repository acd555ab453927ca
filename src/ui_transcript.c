/* ui_transcript.c: the transcript screen — every turn of the call just
 * played with its grading, scrollable. */
#include <stdio.h>
#include <stdlib.h>

#include "ui_draw.h"
#include "ui_state.h"
#include "ui_view.h"
#include "xalloc.h"

void
ui_transcript_draw(struct ui *u)
{
	const struct transcript *tr = &u->s.tr;
	char *left = xasprintf("Transcript: %s", u->sc->title);
	char right[48];
	snprintf(right, sizeof right, "%zu %s, %s", tr->nturns,
	    tr->nturns == 1 ? "reply" : "replies", tr->mode);
	ui_bar(0, left, right);
	free(left);
	struct ui_doc d = {0};
	char *resumed = transcript_resumed_note(tr);
	ui_doc_addf(&d, 0, R_DIM, "%s, started %s, seed %llu, status %s%s%s",
	    tr->trainee, tr->started, (unsigned long long)tr->seed, tr->status,
	    *resumed ? "; " : "", resumed);
	free(resumed);
	for (size_t i = 0; i < tr->nturns; i++) {
		const struct transcript_turn *tu = &tr->turns[i];
		ui_doc_blank(&d);
		ui_doc_addf(&d, 0, R_TITLE, "Turn %d - score %d of 100", tu->n,
		    tu->grading.overall);
		struct ui_par *p = ui_doc_add(&d, 2, R_CUSTOMER, tu->customer);
		ui_par_label(p, "<", R_CUSTOMER);
		ui_view_turn(&d, tu->reply, &tu->grading, tu->mood_before,
		    tu->mood_after, false);
	}
	if (tr->closing) {
		ui_doc_blank(&d);
		struct ui_par *p = ui_doc_add(&d, 2, R_CUSTOMER, tr->closing);
		ui_par_label(p, "<", R_CUSTOMER);
	}
	if (tr->nturns == 0)
		ui_doc_add(&d, 0, R_NORMAL, "No replies were given.");
	ui_doc_view(&d, 2, LINES - 3, &u->view_scroll);
	ui_doc_free(&d);
}

void
ui_transcript_key(struct ui *u, const struct ui_key *k)
{
	if (ui_view_scroll(u, k, LINES - 4))
		return;
	switch (k->act) {
	case ACT_BACK: ui_go(u, UI_RESULT); break;
	case ACT_RETRY: ui_play_begin(u, u->sc); break;
	case ACT_LIBRARY:
		ui_start_enter(u);
		ui_go(u, UI_START);
		break;
	default: break;
	}
}
