/* cmd_play_plain.c: playing a session as plain lines on stdin/stdout —
 * scriptable, screen-reader friendly, and what the end-to-end tests drive. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "engine.h"
#include "mood.h"
#include "play.h"
#include "scenario.h"
#include "session.h"
#include "termtext.h"

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a signal interrupts the read */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static double
now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
print_header(const struct scenario *sc, const struct session *s,
    const struct play_options *o)
{
	termtext_printf(stdout, "irate: %s (%s, difficulty %d of 5)\n", sc->title, sc->industry,
	    sc->difficulty);
	termtext_printf(stdout, "Briefing: %s\n", sc->summary);
	termtext_printf(stdout, "Customer: %s, %s. Mood %d of 100 (%s). Up to %d replies.\n",
	    sc->customer_name, sc->persona, sc->start_mood,
	    mood_word(sc->start_mood), sc->turn_limit);
	termtext_printf(stdout, "Trainee: %s. %s mode. Seed %llu.\n", o->trainee,
	    s->exam ? "Exam" : "Practice", (unsigned long long)s->tr.seed);
	termtext_printf(stdout, "Type each reply on one line; /help lists commands.\n");
}

/* A resumed call: what was said before it stopped. */
static void
print_so_far(const struct session *s)
{
	const struct transcript *t = &s->tr;
	termtext_printf(stdout, "\nTaking up the call of %s where it stopped, "
	    "after %zu %s (mood %d of 100).\n", t->started, t->nturns,
	    t->nturns == 1 ? "reply" : "replies", engine_mood(s->engine));
	for (size_t i = 0; i < t->nturns; i++)
		termtext_printf(stdout, "\n%s: %s\n> %s\n", s->sc->customer_name,
		    t->turns[i].customer ? t->turns[i].customer : "",
		    t->turns[i].reply);
}

static void
print_feedback(const struct session_turn *t)
{
	const struct grading *g = &t->grading;
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *r = &g->crit[c];
		termtext_printf(stdout, "  %s: %s, %d", criterion_name((enum criterion)c),
		    r->met ? "met" : "missed", r->score);
		if (c == CRIT_APOLOGY && r->met && !r->detected)
			termtext_printf(stdout, " (no apology owed here)");
		termtext_printf(stdout, "\n");
		for (size_t i = 0; i < r->nev; i++)
			termtext_printf(stdout, "    %s \"%s\": %s\n", r->ev[i].positive ? "+" : "-",
			    r->ev[i].text, r->ev[i].why);
		if (!r->met && r->tip)
			termtext_printf(stdout, "    tip: %s\n", r->tip);
	}
	if (g->npits == 0)
		termtext_printf(stdout, "  pitfalls: none\n");
	for (size_t i = 0; i < g->npits; i++) {
		const struct pitfall_hit *h = &g->pits[i];
		if (h->end > h->start)
			termtext_printf(stdout, "  pitfall %s: \"%s\": %s\n", pitfall_name(h->kind),
			    h->text, h->why);
		else
			termtext_printf(stdout, "  pitfall %s: %s\n", pitfall_name(h->kind), h->why);
	}
	const struct turn_outcome *oc = &t->outcome;
	int d = oc->mood_after - oc->mood_before;
	termtext_printf(stdout, "  score %d of 100; mood %d -> %d (%s%s)\n", g->overall,
	    oc->mood_before, oc->mood_after,
	    d < 0 ? "calmer, " : d > 0 ? "angrier, " : "", mood_word(oc->mood_after));
}

static void
print_summary(const struct session *s)
{
	const struct transcript *tr = &s->tr;
	const struct scenario *sc = s->sc;
	enum ending e = engine_ending(s->engine);
	if (e != END_NONE)
		termtext_printf(stdout, "\nEnding: %s after %zu %s.\n", ending_name(e), tr->nturns,
		    tr->nturns == 1 ? "reply" : "replies");
	else
		termtext_printf(stdout, "\nStopped before an ending, after %zu %s%s.\n", tr->nturns,
		    tr->nturns == 1 ? "reply" : "replies",
		    tr->nturns > 0 && tr->nturns < (size_t)tr->turn_limit ?
		    "; irate play --resume takes it up again" : "");
	if (tr->nturns == 0)
		return;
	termtext_printf(stdout, "Overall score: %d of 100.\n", transcript_overall(tr));
	for (int c = 0; c < CRIT_COUNT; c++) {
		size_t met = 0;
		long sum = 0;
		for (size_t i = 0; i < tr->nturns; i++) {
			met += tr->turns[i].grading.crit[c].met;
			sum += tr->turns[i].grading.crit[c].score;
		}
		termtext_printf(stdout, "  %s: met in %zu of %zu, average %ld\n",
		    criterion_name((enum criterion)c), met, tr->nturns,
		    sum / (long)tr->nturns);
	}
	for (size_t i = 0; i < tr->nturns; i++) {
		const struct transcript_turn *tu = &tr->turns[i];
		bool lost = false;
		for (int c = 0; c < CRIT_COUNT; c++)
			lost |= !tu->grading.crit[c].met;
		size_t ni = scenario_find_node(sc, tu->node ? tu->node : "");
		if (lost && ni != SIZE_MAX && sc->nodes[ni].model_reply)
			termtext_printf(stdout, "Turn %d, a model reply: %s\n", tu->n,
			    sc->nodes[ni].model_reply);
	}
}

/* Read one line into *line (without the newline).  Returns 1 for a line,
 * 0 at end of input, -1 when interrupted by a signal. */
static int
read_reply(char **line, size_t *cap)
{
	for (;;) {
		errno = 0;
		ssize_t n = getline(line, cap, stdin);
		if (n >= 0) {
			while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
				(*line)[--n] = '\0';
			if (memchr(*line, '\0', (size_t)n) != NULL)
				(*line)[0] = '\x01'; /* a NUL byte: refused below */
			return 1;
		}
		if (got_signal)
			return -1;
		if (errno == EINTR) {
			clearerr(stdin);
			continue;
		}
		return 0;
	}
}

static void
print_help(void)
{
	termtext_printf(stdout, "  Type your reply to the customer and press Enter.\n"
	       "  /model  show a model reply for this point (practice mode)\n"
	       "  /quit   stop here (the turns so far are saved)\n"
	       "  /help   this list\n");
}

/* Handle a /command; returns 1 to go on, 0 to stop. */
static int
plain_command(const struct session *s, const char *line)
{
	if (strcmp(line, "/quit") == 0 || strcmp(line, "/q") == 0)
		return 0;
	if (strcmp(line, "/model") == 0) {
		const struct node *n = &s->sc->nodes[engine_node(s->engine)];
		if (s->exam)
			termtext_printf(stdout, "  (no model replies in exam mode)\n");
		else if (n->model_reply)
			termtext_printf(stdout, "  model reply: %s\n", n->model_reply);
		else
			termtext_printf(stdout, "  (this scenario gives no model reply here)\n");
		return 1;
	}
	if (strcmp(line, "/help") != 0)
		termtext_printf(stdout, "  unknown command %s\n", line);
	print_help();
	return 1;
}

int
play_plain(const char *path, struct scorer *scorer, const struct play_options *o)
{
	struct scenario sc;
	struct diags d = {0};
	if (scenario_load(&sc, path, &d) != 0) {
		diags_print(&d, stderr);
		diags_free(&d);
		scenario_free(&sc);
		return EXIT_PROBLEMS;
	}
	diags_free(&d);
	struct session s;
	int bad = o->resume ?
	    session_resume(&s, &sc, scorer, o->resume, o->trainee, &d) :
	    session_start(&s, &sc, scorer, o->data_dir, o->trainee, o->exam,
		o->seed, &d);
	if (bad) {
		diags_print(&d, stderr);
		diags_free(&d);
		session_free(&s);
		scenario_free(&sc);
		return EXIT_PROBLEMS;
	}
	install_signals();
	setvbuf(stdout, NULL, _IOLBF, 0);
	print_header(&sc, &s, o);
	if (o->resume)
		print_so_far(&s);
	char *line = NULL;
	size_t cap = 0;
	const char *status = "unfinished";
	bool echo_off = isatty(STDIN_FILENO); /* a terminal echoes by itself */
	while (engine_ending(s.engine) == END_NONE) {
		termtext_printf(stdout, "\n%s: %s\n", sc.customer_name, engine_line(s.engine));
		double asked = now_seconds();
		int got;
		for (;;) {
			termtext_printf(stdout, "> ");
			fflush(stdout);
			got = read_reply(&line, &cap);
			if (got <= 0)
				break;
			if (!echo_off)
				termtext_printf(stdout, "%s\n", line); /* piped input: keep the log readable */
			if (line[0] == '/') {
				if (plain_command(&s, line) == 0) {
					got = 0;
					break;
				}
				continue;
			}
			const char *why = session_check_reply(line);
			if (why == NULL)
				break;
			if (strcmp(why, "the reply is empty") != 0)
				termtext_printf(stdout, "  (%s; not sent, try again)\n", why);
		}
		if (got < 0)
			status = "interrupted";
		if (got <= 0)
			break;
		struct session_turn t;
		session_reply(&s, line, now_seconds() - asked, &t, &d);
		diags_print(&d, stderr);
		diags_free(&d);
		if (!s.exam)
			print_feedback(&t);
		grading_free(&t.grading);
	}
	enum ending e = engine_ending(s.engine);
	if (e != END_NONE) {
		const char *last = engine_line(s.engine);
		if (last)
			termtext_printf(stdout, "\n%s: %s\n", sc.customer_name, last);
	}
	session_end(&s, status, &d);
	diags_print(&d, stderr);
	diags_free(&d);
	print_summary(&s);
	if (s.tr.path)
		termtext_printf(stdout, "Transcript: %s\n", s.tr.path);
	int rc = e != END_NONE ? EXIT_OK :
	    got_signal ? 128 + got_signal : EXIT_UNFINISHED;
	free(line);
	session_free(&s);
	scenario_free(&sc);
	return rc;
}
