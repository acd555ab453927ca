/* ui_help.c: the help screen, written from the key table (ui_keys.h). */
#include <string.h>

#include "ui_draw.h"
#include "ui_keys.h"
#include "ui_state.h"

static const struct {
	unsigned bit;
	const char *title;
} sections[] = {
	{SB_START, "Scenario library"},
	{SB_PLAY, "During the call (typing goes into your reply)"},
	{SB_FEEDBACK, "Feedback after a reply"},
	{SB_RESULT, "Result"},
	{SB_TRANSCRIPT, "Transcript"},
	{SB_COURSES, "Courses"},
	{SB_COURSE, "One course: its steps"},
	{SB_REVIEW, "Review: the transcript list (typing goes into the filter)"},
	{SB_REVIEW_VIEW, "Review: one transcript"},
	{SB_REVIEW_NOTE, "Review: writing a comment or an override"},
	{SB_HELP, "This help"},
};

/* One section: each action with its help line once, labels joined. */
static void
add_section(struct ui_doc *d, unsigned bit)
{
	size_t n;
	const struct ui_key_row *rows = ui_keys_table(&n);
	for (size_t i = 0; i < n; i++) {
		if (!(rows[i].screens & bit) || rows[i].help == NULL)
			continue;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = (rows[j].screens & bit) && rows[j].help &&
			    rows[j].act == rows[i].act &&
			    strcmp(rows[j].help, rows[i].help) == 0;
		if (seen)
			continue;
		char keys[64] = "";
		for (size_t j = i; j < n; j++) {
			if (!(rows[j].screens & bit) || rows[j].act != rows[i].act ||
			    (rows[j].help && strcmp(rows[j].help, rows[i].help) != 0))
				continue;
			if (strstr(keys, rows[j].label))
				continue;
			if (*keys)
				strncat(keys, ", ", sizeof keys - strlen(keys) - 1);
			strncat(keys, rows[j].label, sizeof keys - strlen(keys) - 1);
		}
		struct ui_par *p = ui_doc_add(d, 20, R_NORMAL, rows[i].help);
		ui_par_label(p, keys, R_TITLE);
	}
}

void
ui_help_draw(struct ui *u)
{
	ui_bar(0, "irate: keys", "Esc or q closes");
	struct ui_doc d = {0};
	ui_doc_add(&d, 0, R_DIM, "Reply to the angry customer as you would on "
	    "the phone. Each reply is graded on five criteria: calm, restating "
	    "the problem, empathy, apology (when one is owed) and a concrete "
	    "alternative. Every turn is saved as you go.");
	for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
		ui_doc_blank(&d);
		ui_doc_add(&d, 0, R_TITLE, sections[i].title);
		add_section(&d, sections[i].bit);
	}
	ui_doc_view(&d, 2, LINES - 3, &u->view_scroll);
	ui_doc_free(&d);
}

void
ui_help_key(struct ui *u, const struct ui_key *k)
{
	if (ui_view_scroll(u, k, LINES - 4))
		return;
	if (k->act == ACT_CLOSE) {
		enum ui_screen back = u->help_from;
		ui_go(u, back);
	}
}
