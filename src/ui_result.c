/* ui_result.c: the result screen at the end of a call — the ending, the
 * scores per criterion, the trainee's best so far, and model replies for
 * the turns where points were lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_state.h"
#include "xalloc.h"

static const char *const crit_titles[CRIT_COUNT] = {
	"calm", "restates the problem", "empathy", "apology", "alternative",
};

static void
add_comparison(struct ui *u, struct ui_doc *d, int overall, bool finished)
{
	struct ui_par *p;
	if (!finished) {
		ui_doc_add(d, 0, R_DIM, "Only calls that reach an ending count "
		    "towards your best.");
		return;
	}
	if (u->best_before < 0) {
		ui_doc_addf(d, 0, R_NORMAL, "Your first finished call of this "
		    "scenario: %d is your best so far.", overall);
		return;
	}
	p = ui_doc_addf(d, 0, R_NORMAL, "Your best before: %d (%d %s before). ",
	    u->best_before, u->sessions_before,
	    u->sessions_before == 1 ? "session" : "sessions");
	if (overall > u->best_before)
		ui_par_append(p, "A new best!", R_GOOD);
	else if (overall == u->best_before)
		ui_par_append(p, "You equalled it.", R_NORMAL);
	else
		ui_par_append(p, "Not your best this time.", R_BAD);
}

static void
add_lost_points(struct ui *u, struct ui_doc *d)
{
	const struct transcript *tr = &u->s.tr;
	bool any = false;
	for (size_t i = 0; i < tr->nturns; i++) {
		const struct transcript_turn *tu = &tr->turns[i];
		char missed[128] = "";
		for (int c = 0; c < CRIT_COUNT; c++)
			if (!tu->grading.crit[c].met) {
				if (*missed)
					strcat(missed, ", ");
				strcat(missed, criterion_name((enum criterion)c));
			}
		if (!*missed && tu->grading.npits == 0)
			continue;
		if (!any) {
			ui_doc_blank(d);
			ui_doc_add(d, 0, R_TITLE, "Where points were lost");
			any = true;
		}
		ui_doc_blank(d);
		struct ui_par *p = ui_doc_addf(d, 0, R_NORMAL, "Reply %d (score %d): ",
		    tu->n, tu->grading.overall);
		if (*missed) {
			ui_par_append(p, "missed ", R_NORMAL);
			ui_par_append(p, missed, R_BAD);
		}
		if (tu->grading.npits) {
			ui_par_append(p, *missed ? "; pitfalls " : "pitfalls ", R_NORMAL);
			for (size_t k = 0; k < tu->grading.npits; k++) {
				if (k)
					ui_par_append(p, ", ", R_NORMAL);
				ui_par_append(p, pitfall_name(tu->grading.pits[k].kind), R_BAD);
			}
		}
		p = ui_doc_add(d, 9, R_TRAINEE, tu->reply);
		ui_par_label(p, "You", R_TRAINEE);
		size_t ni = scenario_find_node(u->sc, tu->node ? tu->node : "");
		if (ni != SIZE_MAX && u->sc->nodes[ni].model_reply) {
			p = ui_doc_add(d, 9, R_GOOD, u->sc->nodes[ni].model_reply);
			ui_par_label(p, "Model", R_GOOD);
		}
	}
	if (!any && tr->nturns) {
		ui_doc_blank(d);
		ui_doc_add(d, 0, R_GOOD, "No points lost: every criterion met on "
		    "every reply.");
	}
}

void
ui_result_draw(struct ui *u)
{
	const struct transcript *tr = &u->s.tr;
	enum ending e = engine_ending(u->s.engine);
	bool finished = e != END_NONE;
	int overall = transcript_overall(tr);
	char right[48];
	snprintf(right, sizeof right, "overall %d of 100", overall);
	char *left = xasprintf("Result: %s", u->sc->title);
	ui_bar(0, left, right);
	free(left);

	struct ui_doc d = {0};
	struct ui_par *p;
	if (finished) {
		p = ui_doc_add(&d, 0, R_TITLE, "The call ended: ");
		ui_par_append(p, ending_name(e), e == END_RESOLVED ? R_GOOD :
		    e == END_ESCALATED ? R_MOOD_WARY : R_BAD);
		ui_par_append(p, tr->nturns == 1 ? " after 1 reply." : "", R_TITLE);
		if (tr->nturns != 1) {
			char s[48];
			snprintf(s, sizeof s, " after %zu replies.", tr->nturns);
			ui_par_append(p, s, R_TITLE);
		}
		const char *last = engine_line(u->s.engine);
		if (last) {
			p = ui_doc_add(&d, 9, R_CUSTOMER, last);
			ui_par_label(p, "Customer", R_CUSTOMER);
		}
	} else {
		ui_doc_addf(&d, 0, R_TITLE, "You left the call before an ending, "
		    "after %zu %s (saved as %s).", tr->nturns,
		    tr->nturns == 1 ? "reply" : "replies", tr->status);
		if (tr->nturns > 0 && tr->nturns < (size_t)tr->turn_limit)
			ui_doc_add(&d, 0, R_DIM, "F5 on the library takes it up "
			    "again where it stopped.");
	}
	ui_doc_blank(&d);
	ui_doc_addf(&d, 0, R_TITLE, "Overall score: %d of 100", overall);
	add_comparison(u, &d, overall, finished);
	if (tr->nturns) {
		ui_doc_blank(&d);
		for (int c = 0; c < CRIT_COUNT; c++) {
			size_t met = 0;
			long sum = 0;
			for (size_t i = 0; i < tr->nturns; i++) {
				met += tr->turns[i].grading.crit[c].met;
				sum += tr->turns[i].grading.crit[c].score;
			}
			p = ui_doc_addf(&d, 2, R_NORMAL, "%-22s met in %zu of %zu, "
			    "average %ld", crit_titles[c], met, tr->nturns,
			    sum / (long)tr->nturns);
			ui_par_mark(p, 0, 22, met == tr->nturns ? R_GOOD :
			    met == 0 ? R_BAD : R_MOOD_WARY);
		}
	}
	add_lost_points(u, &d);
	if (tr->path) {
		ui_doc_blank(&d);
		ui_doc_addf(&d, 0, R_DIM, "Transcript: %s", tr->path);
	}
	ui_doc_view(&d, 2, LINES - 3, &u->view_scroll);
	ui_doc_free(&d);
}

void
ui_result_key(struct ui *u, const struct ui_key *k)
{
	if (ui_view_scroll(u, k, LINES - 4))
		return;
	switch (k->act) {
	case ACT_RETRY: ui_play_begin(u, u->sc); break;
	case ACT_TRANSCRIPT: ui_go(u, UI_TRANSCRIPT); break;
	case ACT_LIBRARY:
		ui_start_enter(u);
		ui_go(u, UI_START);
		break;
	case ACT_BACK:
		if (u->from_course) {
			ui_course_after_call(u);
		} else {
			ui_start_enter(u);
			ui_go(u, UI_START);
		}
		break;
	default: break;
	}
}
