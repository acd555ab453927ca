/* ui_feedback.c: the feedback screen after each reply in practice mode —
 * the five criteria with their evidence highlighted in the reply, the
 * pitfalls, a tip for each missed criterion and the mood change. */
#include <stdio.h>
#include <string.h>

#include "mood.h"
#include "ui_draw.h"
#include "ui_state.h"
#include "ui_view.h"

void
ui_feedback_draw(struct ui *u)
{
	const struct session_turn *t = &u->last;
	char right[48];
	snprintf(right, sizeof right, "score %d of 100", t->grading.overall);
	char left[96];
	snprintf(left, sizeof left, "Feedback on reply %d of %d%s",
	    t->outcome.turn, u->sc->turn_limit,
	    t->outcome.ending != END_NONE ? ": the call has ended" : "");
	ui_bar(0, left, right);
	struct ui_doc d = {0};
	ui_view_turn(&d, u->s.tr.nturns ?
	    u->s.tr.turns[u->s.tr.nturns - 1].reply : "", &t->grading,
	    t->outcome.mood_before, t->outcome.mood_after, true);
	ui_doc_blank(&d);
	if (t->outcome.ending != END_NONE)
		ui_doc_addf(&d, 0, R_TITLE, "The call has ended (%s). Enter shows "
		    "the result.", ending_name(t->outcome.ending));
	else
		ui_doc_add(&d, 0, R_DIM, "Enter goes back to the call.");
	ui_doc_view(&d, 2, LINES - 3, &u->view_scroll);
	ui_doc_free(&d);
}

void
ui_feedback_key(struct ui *u, const struct ui_key *k)
{
	if (ui_view_scroll(u, k, LINES - 4))
		return;
	if (k->act == ACT_ENTER)
		ui_go(u, engine_ending(u->s.engine) != END_NONE ? UI_RESULT : UI_PLAY);
}
