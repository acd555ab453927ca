/* ui_play.c: the play screen — the conversation, the mood, the reply box;
 * and the session's start and end (session.h does the grading and saving). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "mood.h"
#include "ui_draw.h"
#include "ui_state.h"
#include "utf8.h"
#include "xalloc.h"

#define GUTTER 9 /* the speaker's name column */

static double
now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The customer's first name, for the gutter (caller frees). */
static char *
first_name(const struct scenario *sc)
{
	const char *n = sc->customer_name ? sc->customer_name : "Customer";
	size_t len = strcspn(n, " ");
	return xstrndup(n, len ? len : strlen(n));
}

static void play_enter(struct ui *u, const struct scenario *sc);

int
ui_play_begin(struct ui *u, const struct scenario *sc)
{
	ui_play_end(u, "unfinished");
	ui_play_free(u);
	struct diags d = {0};
	uint64_t seed = u->o->seed + (u->o->seed_given ? 0 : (uint64_t)u->nsessions);
	if (session_start(&u->s, sc, u->scorer, u->o->data_dir, u->trainee,
		u->exam, seed, &d) != 0) {
		char *why = d.n ? diag_format(&d.v[0]) : xstrdup("unknown problem");
		ui_message(u, true, "cannot start the session: %s", why);
		free(why);
		diags_free(&d);
		session_free(&u->s);
		return -1;
	}
	diags_free(&d);
	u->nsessions++;
	play_enter(u, sc);
	return 0;
}

int
ui_play_resume(struct ui *u, const struct scenario *sc, const char *path)
{
	ui_play_end(u, "unfinished");
	ui_play_free(u);
	struct diags d = {0};
	if (session_resume(&u->s, sc, u->scorer, path, u->trainee, &d) != 0) {
		char *why = d.n ? xstrdup(d.v[0].msg) : xstrdup("unknown problem");
		ui_message(u, true, "%s", why);
		free(why);
		diags_free(&d);
		session_free(&u->s);
		return -1;
	}
	diags_free(&d);
	u->exam = u->s.exam;
	play_enter(u, sc);
	ui_message(u, false, "the call goes on from reply %zu",
	    u->s.tr.nturns + 1);
	return 0;
}

/* The session in u->s has started: show the play screen. */
static void
play_enter(struct ui *u, const struct scenario *sc)
{
	u->sc = sc;
	u->in_session = true;
	u->ended = false;
	const struct history_entry *he = history_find(&u->hist, sc->id);
	u->best_before = he ? he->best : -1;
	u->sessions_before = he ? he->sessions : 0;
	lineedit_set(&u->input, "");
	u->conv_scroll = 0;
	u->show_model = false;
	u->asked = now_seconds();
	ui_go(u, UI_PLAY);
}

void
ui_play_end(struct ui *u, const char *status)
{
	if (!u->in_session || u->ended)
		return;
	struct diags d = {0};
	session_end(&u->s, status, &d);
	if (d.nerrors)
		ui_message(u, true, "the transcript could not be saved: %s",
		    d.v[0].msg);
	diags_free(&d);
	u->ended = true;
	u->rc = engine_ending(u->s.engine) != END_NONE ? EXIT_OK : EXIT_UNFINISHED;
	/* the history now holds this session too */
	history_free(&u->hist);
	history_scan(&u->hist, u->o->data_dir, u->trainee, NULL, &d);
	diags_free(&d);
}

void
ui_play_free(struct ui *u)
{
	if (u->have_last) {
		grading_free(&u->last.grading);
		u->have_last = false;
	}
	if (u->in_session) {
		session_free(&u->s);
		u->in_session = false;
	}
}

/* The conversation as a document: briefing, then every line said. */
static void
build_conversation(struct ui *u, struct ui_doc *d)
{
	const struct scenario *sc = u->sc;
	char *who = first_name(sc);
	ui_doc_addf(d, 0, R_DIM, "Briefing: %s", sc->summary ? sc->summary : "");
	ui_doc_addf(d, 0, R_DIM, "Customer: %s, %s. Up to %d replies. %s mode%s.",
	    sc->customer_name, sc->persona ? sc->persona : "", sc->turn_limit,
	    u->exam ? "Exam" : "Practice",
	    u->exam ? ": feedback at the end" : ": feedback after each reply");
	const struct transcript *tr = &u->s.tr;
	for (size_t i = 0; i < tr->nturns; i++) {
		ui_doc_blank(d);
		struct ui_par *p = ui_doc_add(d, GUTTER, R_CUSTOMER,
		    tr->turns[i].customer);
		ui_par_label(p, who, R_CUSTOMER);
		ui_doc_blank(d);
		p = ui_doc_add(d, GUTTER, R_TRAINEE, tr->turns[i].reply);
		ui_par_label(p, "You", R_TRAINEE);
		if (!u->exam)
			ui_doc_addf(d, GUTTER, R_DIM, "score %d, mood %d -> %d",
			    tr->turns[i].grading.overall, tr->turns[i].mood_before,
			    tr->turns[i].mood_after);
	}
	const char *line = engine_line(u->s.engine);
	if (line) {
		ui_doc_blank(d);
		struct ui_par *p = ui_doc_add(d, GUTTER, R_CUSTOMER, line);
		ui_par_label(p, who, R_CUSTOMER);
	}
	if (u->show_model && !u->exam) {
		const char *m = u->sc->nodes[engine_node(u->s.engine)].model_reply;
		ui_doc_blank(d);
		struct ui_par *p = ui_doc_add(d, GUTTER, R_DIM, m ? m :
		    "(the scenario gives no model reply here)");
		ui_par_label(p, "Model", R_DIM);
	}
	free(who);
}

static void
draw_header(struct ui *u)
{
	char right[64];
	int turn = engine_turn(u->s.engine);
	if (engine_ending(u->s.engine) == END_NONE)
		snprintf(right, sizeof right, "turn %d of %d", turn + 1,
		    u->sc->turn_limit);
	else
		snprintf(right, sizeof right, "call ended: %s",
		    ending_name(engine_ending(u->s.engine)));
	char *left = xasprintf("irate: %s", u->sc->title);
	ui_bar(0, left, right);
	free(left);
	int x = ui_puts(1, 1, COLS / 2, u->sc->customer_name, R_CUSTOMER);
	x += ui_puts(1, 1 + x, 8, "  mood ", R_NORMAL);
	ui_mood_meter(1, 1 + x, COLS - 2 - x - 24, engine_mood(u->s.engine));
	char who[80];
	snprintf(who, sizeof who, "%s, %s", u->trainee,
	    u->exam ? "exam" : "practice");
	int ww = (int)utf8_width(who, strlen(who));
	if (ww > 22)
		ww = 22;
	ui_puts(1, COLS - 1 - ww, ww, who, R_DIM);
}

static void
draw_input(struct ui *u, int y)
{
	attrset(ui_attr(R_DIM));
	mvhline(y, 0, ACS_HLINE, COLS);
	attrset(A_NORMAL);
	ui_puts(y, 2, COLS - 4, " Your reply ", R_TITLE);
	char count[32];
	snprintf(count, sizeof count, " %zu/%d ", u->input.len, REPLY_MAX_BYTES);
	if (u->input.len > REPLY_MAX_BYTES * 3 / 4)
		ui_puts(y, COLS - 2 - (int)strlen(count), (int)strlen(count), count,
		    R_DIM);
	size_t start, n, col;
	int w = COLS - 3;
	bool left = lineedit_view(&u->input, (size_t)w, &start, &n, &col);
	ui_puts(y + 1, 0, 2, left ? "< " : "> ", R_TRAINEE);
	ui_put(y + 1, 2, w, u->input.s + start, n, R_NORMAL);
	if (start + n < u->input.len)
		ui_puts(y + 1, COLS - 1, 1, ">", R_DIM);
	u->cur_y = y + 1;
	u->cur_x = 2 + (int)col;
}

void
ui_play_draw(struct ui *u)
{
	draw_header(u);
	int top = 3, input_y = LINES - 3;
	int h = input_y - top - 1;
	struct ui_doc d = {0};
	build_conversation(u, &d);
	int w = COLS - 2;
	int total = ui_doc_lines(&d, w);
	int max = total > h ? total - h : 0;
	if (u->conv_scroll > max)
		u->conv_scroll = max;
	int first = max - u->conv_scroll;
	ui_doc_draw(&d, top, 1, h, w, first);
	if (first > 0)
		ui_puts(top, COLS - 1, 1, "^", R_DIM);
	if (u->conv_scroll > 0)
		ui_puts(top + h - 1, COLS - 1, 1, "v", R_DIM);
	ui_doc_free(&d);
	if (engine_ending(u->s.engine) == END_NONE)
		draw_input(u, input_y);
}

/* Send the typed reply: grade, move on, save, then feedback or result. */
static void
send_reply(struct ui *u)
{
	const char *text = lineedit_text(&u->input);
	const char *why = session_check_reply(text);
	if (why) {
		if (strcmp(why, "the reply is empty") != 0)
			ui_message(u, true, "not sent: %s", why);
		return;
	}
	if (u->have_last) {
		grading_free(&u->last.grading);
		u->have_last = false;
	}
	struct diags d = {0};
	if (session_reply(&u->s, text, now_seconds() - u->asked, &u->last, &d) != 0) {
		grading_free(&u->last.grading);
		diags_free(&d);
		return;
	}
	u->have_last = true;
	if (d.n)
		ui_message(u, true, "%s", d.v[0].msg);
	diags_free(&d);
	lineedit_history_add(&u->input, text);
	u->conv_scroll = 0;
	u->show_model = false;
	u->asked = now_seconds();
	bool over = engine_ending(u->s.engine) != END_NONE;
	if (over)
		ui_play_end(u, "finished");
	if (!u->exam)
		ui_go(u, UI_FEEDBACK);
	else if (over)
		ui_go(u, UI_RESULT);
}

void
ui_play_key(struct ui *u, const struct ui_key *k)
{
	struct lineedit *e = &u->input;
	int page = LINES - 8;
	if (engine_ending(u->s.engine) != END_NONE) {
		ui_go(u, UI_RESULT);
		return;
	}
	if (k->text) {
		if (!lineedit_insert_cp(e, k->ch) && e->len + 4 > REPLY_MAX_BYTES)
			ui_message(u, true, "the reply is at its limit of %d bytes",
			    REPLY_MAX_BYTES);
		return;
	}
	if (ui_edit_key(e, k))
		return;
	switch (k->act) {
	case ACT_ENTER: send_reply(u); break;
	case ACT_UP: lineedit_history_prev(e); break;
	case ACT_DOWN: lineedit_history_next(e); break;
	case ACT_PGUP: u->conv_scroll += page > 1 ? page : 1; break;
	case ACT_PGDN:
		u->conv_scroll -= page > 1 ? page : 1;
		if (u->conv_scroll < 0)
			u->conv_scroll = 0;
		break;
	case ACT_MODEL:
		if (u->exam)
			ui_message(u, false, "no model replies in exam mode");
		else
			u->show_model = !u->show_model;
		break;
	case ACT_CANCEL:
		ui_play_end(u, "unfinished");
		ui_go(u, UI_RESULT);
		break;
	default: break;
	}
}
