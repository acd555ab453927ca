/* ui_view.c: one graded reply laid out as a document (see ui_view.h). */
#include "ui_view.h"

#include <stdio.h>
#include <string.h>

#include "mood.h"

static const char *const crit_titles[CRIT_COUNT] = {
	"calm", "restates the problem", "empathy", "apology", "alternative",
};

void
ui_view_turn(struct ui_doc *d, const char *reply, const struct grading *g,
    int mood_before, int mood_after, bool full)
{
	struct ui_par *p = ui_doc_add(d, 2, R_TRAINEE, reply);
	ui_par_label(p, ">", R_TRAINEE);
	for (int c = 0; c < CRIT_COUNT; c++)
		for (size_t i = 0; i < g->crit[c].nev; i++) {
			const struct evidence *e = &g->crit[c].ev[i];
			ui_par_mark(p, e->start, e->end, e->positive ? R_EV_GOOD : R_EV_BAD);
		}
	for (size_t i = 0; i < g->npits; i++)
		ui_par_mark(p, g->pits[i].start, g->pits[i].end, R_EV_BAD);
	if (full)
		ui_doc_add(d, 2, R_DIM, "(highlighted: what earned a point, and "
		    "what cost one)");
	ui_doc_blank(d);

	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *r = &g->crit[c];
		p = ui_doc_addf(d, 0, R_NORMAL, "%s ", r->met ? "  met " : "MISSED");
		ui_par_mark(p, 0, 6, r->met ? R_GOOD : R_BAD);
		char s[64];
		snprintf(s, sizeof s, "%-22s %3d", crit_titles[c], r->score);
		ui_par_append(p, s, R_TITLE);
		if (c == CRIT_APOLOGY && r->met && !r->detected)
			ui_par_append(p, "  (no apology owed here)", R_DIM);
		for (size_t i = 0; i < r->nev; i++) {
			const struct evidence *e = &r->ev[i];
			p = ui_doc_addf(d, 9, R_NORMAL, "%s\"%s\"",
			    e->positive ? "+ " : "- ", e->text ? e->text : "");
			ui_par_mark(p, 2, strlen(p->text),
			    e->positive ? R_EV_GOOD : R_EV_BAD);
			if (full && e->why && *e->why) {
				ui_par_append(p, " ", R_NORMAL);
				ui_par_append(p, e->why, R_DIM);
			}
		}
		if (!r->met && r->tip && *r->tip) {
			p = ui_doc_addf(d, 9, R_NORMAL, "tip: %s", r->tip);
			ui_par_mark(p, 0, 4, R_TITLE);
		}
	}
	ui_doc_blank(d);
	if (g->npits == 0) {
		p = ui_doc_add(d, 0, R_NORMAL, "Pitfalls: none");
		ui_par_mark(p, 10, 14, R_GOOD);
	}
	for (size_t i = 0; i < g->npits; i++) {
		const struct pitfall_hit *h = &g->pits[i];
		p = ui_doc_addf(d, 0, R_BAD, "Pitfall %s", pitfall_name(h->kind));
		if (h->end > h->start && h->text) {
			ui_par_append(p, ": \"", R_NORMAL);
			ui_par_append(p, h->text, R_EV_BAD);
			ui_par_append(p, "\"", R_NORMAL);
		}
		if (h->why && *h->why) {
			ui_par_append(p, " ", R_NORMAL);
			ui_par_append(p, h->why, R_DIM);
		}
	}
	int delta = mood_after - mood_before;
	p = ui_doc_addf(d, 0, R_NORMAL, "Mood %d -> %d ", mood_before, mood_after);
	char s[64];
	snprintf(s, sizeof s, "(%s%s)", delta < 0 ? "calmer, " : delta > 0 ?
	    "angrier, " : "no change, ", mood_word(mood_after));
	ui_par_append(p, s, ui_mood_role(mood_after));
}
