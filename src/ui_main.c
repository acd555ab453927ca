/* ui_main.c: the terminal interface's entry point — set-up, the loop that
 * dispatches keys and drawing to the screens, resize, signals, teardown. */
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "trainee.h"
#include "ui_draw.h"
#include "ui_keys.h"
#include "ui_state.h"
#include "xalloc.h"

#define MIN_COLS 60
#define MIN_LINES 16

static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t curses_on;

struct screen {
	unsigned bit;   /* SB_* in the key table */
	bool typing;    /* printable keys are text here */
	void (*draw)(struct ui *);
	void (*key)(struct ui *, const struct ui_key *);
};

static const struct screen screens[UI_NSCREENS] = {
	[UI_START] = {SB_START, true, ui_start_draw, ui_start_key},
	[UI_PLAY] = {SB_PLAY, true, ui_play_draw, ui_play_key},
	[UI_FEEDBACK] = {SB_FEEDBACK, false, ui_feedback_draw, ui_feedback_key},
	[UI_RESULT] = {SB_RESULT, false, ui_result_draw, ui_result_key},
	[UI_TRANSCRIPT] = {SB_TRANSCRIPT, false, ui_transcript_draw, ui_transcript_key},
	[UI_HELP] = {SB_HELP, false, ui_help_draw, ui_help_key},
	[UI_REVIEW] = {SB_REVIEW, true, ui_review_draw, ui_review_key},
	[UI_REVIEW_VIEW] = {SB_REVIEW_VIEW, false, ui_review_view_draw, ui_review_view_key},
	[UI_REVIEW_NOTE] = {SB_REVIEW_NOTE, true, ui_review_view_draw, ui_review_note_key},
	[UI_COURSES] = {SB_COURSES, false, ui_courses_draw, ui_courses_key},
	[UI_COURSE] = {SB_COURSE, false, ui_course_draw, ui_course_key},
};

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* A crash: give the terminal back, then die of the same signal. */
static void
on_crash(int sig)
{
	if (curses_on)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
signals_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static void
signals_restore(void)
{
	int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGABRT, SIGBUS, SIGFPE};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		signal(sigs[i], SIG_DFL);
}

static void paste_mode(bool on);

static void
end_curses(void)
{
	if (curses_on) {
		curses_on = 0;
		paste_mode(false);
		endwin();
	}
}

void
ui_message(struct ui *u, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	free(u->msg);
	u->msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	u->msg[0] = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(u->msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

void
ui_go(struct ui *u, enum ui_screen s)
{
	u->screen = s;
	u->view_scroll = 0;
}

bool
ui_view_scroll(struct ui *u, const struct ui_key *k, int page)
{
	if (page < 1)
		page = 1;
	switch (k->act) {
	case ACT_UP: u->view_scroll--; break;
	case ACT_DOWN: u->view_scroll++; break;
	case ACT_PGUP: u->view_scroll -= page; break;
	case ACT_PGDN: u->view_scroll += page; break;
	case ACT_TOP: u->view_scroll = 0; break;
	case ACT_BOTTOM: u->view_scroll = 1 << 28; break; /* clamped on draw */
	default: return false;
	}
	if (u->view_scroll < 0)
		u->view_scroll = 0;
	return true;
}

static void
draw_too_small(void)
{
	erase();
	const char *a = "The terminal is too small for irate.";
	char b[80];
	snprintf(b, sizeof b, "It is %dx%d; it needs %dx%d.", COLS, LINES,
	    MIN_COLS, MIN_LINES);
	ui_puts(LINES / 2 - 1, 0, COLS, a, R_TITLE);
	ui_puts(LINES / 2, 0, COLS, b, R_NORMAL);
	ui_puts(LINES / 2 + 1, 0, COLS, "F10 quits.", R_DIM);
}

static void
draw(struct ui *u)
{
	u->cur_y = u->cur_x = -1;
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		draw_too_small();
	} else {
		erase();
		screens[u->screen].draw(u);
		ui_footer(screens[u->screen].bit, u->msg, u->msg_error);
	}
	if (u->cur_y >= 0) {
		curs_set(1);
		move(u->cur_y, u->cur_x);
	} else {
		curs_set(0);
	}
	refresh();
}

static void
quit(struct ui *u, const char *status)
{
	ui_play_end(u, status);
	u->quit = true;
}

static void
handle_key(struct ui *u, int r, wint_t ch)
{
	const struct screen *sc = &screens[u->screen];
	struct ui_key k = ui_keys_find(sc->bit, r == KEY_CODE_YES, ch, sc->typing);
	free(u->msg);
	u->msg = NULL;
	if (k.act == ACT_QUIT) {
		quit(u, ch == CTRL('C') ? "interrupted" : "unfinished");
		return;
	}
	if (COLS < MIN_COLS || LINES < MIN_LINES)
		return;
	if (k.act == ACT_HELP) {
		if (u->screen != UI_HELP)
			u->help_from = u->screen;
		ui_go(u, UI_HELP);
		return;
	}
	sc->key(u, &k);
}

/* After an Esc: if more bytes follow at once, this is an escape sequence
 * curses did not know (or Alt and a key); read it all and say so, so that
 * it is ignored rather than taken for Esc. */
static bool
swallow_sequence(void)
{
	wint_t ch;
	timeout(0);
	int r = get_wch(&ch);
	if (r == ERR) {
		timeout(250);
		return false;
	}
	if (r == OK && (ch == '[' || ch == 'O')) {
		/* CSI or SS3: parameters, then a final byte 0x40..0x7e */
		for (int i = 0; i < 32; i++) {
			r = get_wch(&ch);
			if (r == ERR || (r == OK && ch >= 0x40 && ch <= 0x7e))
				break;
		}
	}
	timeout(250);
	return true;
}

/* Bracketed paste: terminals that support it wrap pasted text in these
 * markers, so a newline inside a paste does not send the reply. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

static void
paste_mode(bool on)
{
	/* Only where the terminal says it is xterm-like; others ignore it. */
	const char *term = getenv("TERM");
	if (term == NULL || strncmp(term, "vt", 2) == 0 ||
	    strcmp(term, "linux") == 0 || strcmp(term, "dumb") == 0)
		return;
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

/* Home and End as terminals send them, whatever the terminfo says. */
static void
define_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
		{"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME}, {"\033[H", KEY_HOME},
		{"\033OH", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[8~", KEY_END},
		{"\033[F", KEY_END}, {"\033OF", KEY_END}, {"\033[3~", KEY_DC},
		{"\033[200~", KEY_PASTE_BEGIN}, {"\033[201~", KEY_PASTE_END},
	};
	for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

static bool
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static void
ui_free(struct ui *u)
{
	ui_play_end(u, "unfinished");
	ui_play_free(u);
	if (u->have_own_sc)
		scenario_free(&u->own_sc);
	if (u->lib_loaded)
		library_free(&u->lib);
	ui_review_free(u);
	ui_courses_free(u);
	history_free(&u->hist);
	lineedit_free(&u->name);
	lineedit_free(&u->filter);
	lineedit_free(&u->input);
	free(u->shown);
	free(u->trainee);
	free(u->msg);
}

int
ui_run(const char *path, struct scorer *scorer, const struct play_options *o)
{
	struct ui u;
	memset(&u, 0, sizeof u);
	u.o = o;
	u.scorer = scorer;
	u.trainee = xstrdup(o->trainee);
	u.best_before = -1;
	u.exam = o->exam;
	lineedit_init(&u.name, 4 * TRAINEE_MAX_CHARS);
	lineedit_init(&u.filter, 200);
	lineedit_init(&u.input, REPLY_MAX_BYTES);
	lineedit_set(&u.name, u.trainee);

	if (path) {
		struct diags d = {0};
		if (scenario_load(&u.own_sc, path, &d) != 0) {
			diags_print(&d, stderr);
			diags_free(&d);
			scenario_free(&u.own_sc);
			ui_free(&u);
			return EXIT_PROBLEMS;
		}
		diags_free(&d);
		u.have_own_sc = true;
	}

	signals_install();
	if (initscr() == NULL) {
		signals_restore();
		fprintf(stderr, "irate: cannot start the terminal interface "
		    "(TERM=%s); try --plain\n", getenv("TERM") ? getenv("TERM") : "");
		ui_free(&u);
		return EXIT_PROBLEMS;
	}
	curses_on = 1;
	atexit(end_curses);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	define_keys();
	paste_mode(true);
	timeout(250);
	ui_colors_init(o->no_color);
	ui_set_utf8(locale_is_utf8());

	if (path) {
		struct diags hd = {0};
		history_scan(&u.hist, o->data_dir, u.trainee, NULL, &hd);
		diags_free(&hd);
		int bad = o->resume ? ui_play_resume(&u, &u.own_sc, o->resume) :
		    ui_play_begin(&u, &u.own_sc);
		if (bad) {
			u.quit = true;
			u.rc = EXIT_PROBLEMS;
		}
	} else if (o->review) {
		ui_review_enter(&u, o->reviewer ? o->reviewer : u.trainee);
		ui_go(&u, UI_REVIEW);
	} else {
		ui_start_enter(&u);
		ui_go(&u, UI_START);
	}

	int fatal = 0;
	bool pasting = false;
	while (!u.quit) {
		if (got_signal) {
			int sig = got_signal;
			got_signal = 0;
			if (sig == SIGINT) {
				quit(&u, "interrupted");
				break;
			}
			ui_play_end(&u, "interrupted");
			fatal = sig;
			break;
		}
		draw(&u);
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		if (r == KEY_CODE_YES && (ch == KEY_PASTE_BEGIN || ch == KEY_PASTE_END)) {
			pasting = ch == KEY_PASTE_BEGIN;
			continue;
		}
		if (r == OK && ch == 27 && swallow_sequence())
			continue;
		if (pasting && r == OK && (ch == '\r' || ch == '\n' || ch == '\t'))
			ch = ' '; /* a pasted line break joins, it does not send */
		handle_key(&u, r, ch);
	}
	end_curses();
	signals_restore();
	if (u.msg && u.msg_error)
		fprintf(stderr, "irate: %s\n", u.msg);
	if (u.in_session && u.s.tr.path)
		printf("Transcript: %s\n", u.s.tr.path);
	int rc = fatal ? 128 + fatal : u.rc;
	ui_free(&u);
	return rc;
}
