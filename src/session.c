/* session.c: one training session — engine, scorer and transcript together. */
#include "session.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "utf8.h"
#include "xalloc.h"

/* The scorer's view of the scenario's facts (borrowed strings). */
static void
set_facts(struct session *s)
{
	const struct scenario *sc = s->sc;
	s->facts = xcalloc(sc->nfacts ? sc->nfacts : 1, sizeof *s->facts);
	for (size_t i = 0; i < sc->nfacts; i++) {
		s->facts[i].text = sc->facts[i].text;
		s->facts[i].paraphrases = (const char *const *)sc->facts[i].paraphrases.v;
		s->facts[i].nparaphrases = sc->facts[i].paraphrases.n;
	}
}

int
session_start(struct session *s, const struct scenario *sc,
    struct scorer *scorer, const char *data_dir, const char *trainee,
    bool exam, uint64_t seed, struct diags *d)
{
	memset(s, 0, sizeof *s);
	s->sc = sc;
	s->scorer = scorer;
	s->exam = exam;
	s->saved_ok = true;
	s->engine = engine_new(sc, seed);
	if (s->engine == NULL) {
		diags_add(d, DIAG_ERROR, sc->file, 0, 0, NULL,
		    "the scenario has no start node");
		return -1;
	}
	set_facts(s);
	if (transcript_create(&s->tr, data_dir, trainee, sc,
		exam ? "exam" : "practice", seed, engine_line(s->engine), d) != 0) {
		s->saved_ok = false;
		return -1;
	}
	return 0;
}

/* Why the transcript t (of file path) cannot be taken up again with sc by
 * trainee, or NULL. */
static char *
resume_refusal(const struct transcript *t, const char *path,
    const struct scenario *sc, const char *trainee)
{
	if (t->status && strcmp(t->status, "finished") == 0)
		return xstrdup("the call is finished; start a new one");
	if (!t->trainee || strcmp(t->trainee, trainee) != 0)
		return xasprintf("the call is %s's, not %s's",
		    t->trainee ? t->trainee : "someone else", trainee);
	if (!t->scenario_id || !sc->id || strcmp(t->scenario_id, sc->id) != 0)
		return xasprintf("the call is of scenario \"%s\", not \"%s\"",
		    t->scenario_id ? t->scenario_id : "", sc->id ? sc->id : "");
	if (!t->scenario_hash || !sc->hash || strcmp(t->scenario_hash, sc->hash) != 0)
		return xstrdup("the scenario file has changed since the call "
		    "began (its sha256 differs), so the dialogue cannot go on "
		    "from where it was; start a new call");
	if (t->nturns >= (size_t)sc->turn_limit)
		return xstrdup("every reply of the call was used");
	long pid = transcript_pid(path);
	if (t->status && strcmp(t->status, "in_progress") == 0 && pid > 0 &&
	    pid != (long)getpid() && (kill((pid_t)pid, 0) == 0 || errno == EPERM))
		return xasprintf("the call may still be going on: the irate that "
		    "began it (process %ld) is running", pid);
	return NULL;
}

/* Play the saved turns into s->engine with their saved gradings; each must
 * start from the node and lead to the node and mood the transcript says.
 * Returns NULL, or why not. */
static char *
replay(struct session *s)
{
	const struct scenario *sc = s->sc;
	for (size_t i = 0; i < s->tr.nturns; i++) {
		const struct transcript_turn *tu = &s->tr.turns[i];
		struct turn_outcome out;
		size_t from = engine_node(s->engine);
		if (engine_ending(s->engine) != END_NONE)
			return xasprintf("the call ended before turn %d", tu->n);
		if (!tu->node || strcmp(tu->node, sc->nodes[from].id) != 0 ||
		    !tu->reply)
			return xasprintf("turn %d does not start where the "
			    "scenario says", tu->n);
		engine_reply(s->engine, tu->reply, &tu->grading, &out);
		if (out.mood_after != tu->mood_after || !tu->next_node ||
		    strcmp(tu->next_node, sc->nodes[out.to].id) != 0)
			return xasprintf("turn %d does not replay the same way "
			    "(the transcript was edited?)", tu->n);
	}
	if (engine_ending(s->engine) != END_NONE)
		return xstrdup("the call had already reached its ending");
	return NULL;
}

int
session_resume(struct session *s, const struct scenario *sc,
    struct scorer *scorer, const char *path, const char *trainee,
    struct diags *d)
{
	memset(s, 0, sizeof *s);
	s->sc = sc;
	s->scorer = scorer;
	s->saved_ok = false;
	enum datadir_kind k = datadir_kind(path);
	if (k != DATADIR_FILE) {
		diags_add(d, DIAG_ERROR, path, 0, 0, NULL,
		    "cannot resume the call: the transcript %s",
		    datadir_refusal(k, DATADIR_FILE));
		return -1;
	}
	if (transcript_load(&s->tr, path, d) != 0)
		return -1;
	char *why = resume_refusal(&s->tr, path, sc, trainee);
	if (why == NULL) {
		s->engine = engine_new(sc, s->tr.seed);
		why = s->engine ? replay(s) : xstrdup("the scenario has no start node");
	}
	if (why) {
		diags_add(d, DIAG_ERROR, path, 0, 0, NULL,
		    "cannot resume the call: %s", why);
		free(why);
		return -1;
	}
	s->exam = s->tr.mode && strcmp(s->tr.mode, "exam") == 0;
	set_facts(s);
	if (transcript_reopen(&s->tr, d) != 0)
		return -1;
	s->saved_ok = true;
	return 0;
}

const char *
session_check_reply(const char *reply)
{
	size_t len = strlen(reply);
	if (len > REPLY_MAX_BYTES)
		return "the reply is too long (at most 4000 bytes)";
	if (!utf8_valid(reply, len, NULL))
		return "the reply is not valid UTF-8";
	bool visible = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)reply[i];
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return "the reply contains a control character";
		if (c != ' ' && c != '\t')
			visible = true;
	}
	if (!visible)
		return "the reply is empty";
	return NULL;
}

void
session_grade(struct session *s, const char *reply, struct grading *out)
{
	size_t n = s->tr.nturns;
	s->history = xrealloc(s->history, (n ? n : 1) * sizeof *s->history);
	for (size_t i = 0; i < n; i++)
		s->history[i] = s->tr.turns[i].reply;
	struct score_ctx ctx = {
		.customer = engine_line(s->engine),
		.at_fault = engine_apology_owed(s->engine),
		.facts = s->facts,
		.nfacts = s->sc->nfacts,
		.history = s->history,
		.nhistory = n,
	};
	grading_init(out);
	score_reply(s->scorer, &ctx, reply, strlen(reply), out);
}

int
session_reply(struct session *s, const char *reply, double seconds,
    struct session_turn *out, struct diags *d)
{
	memset(out, 0, sizeof *out);
	grading_init(&out->grading);
	if (engine_ending(s->engine) != END_NONE || session_check_reply(reply))
		return -1;
	const struct scenario *sc = s->sc;
	size_t from = engine_node(s->engine);
	bool at_fault = engine_at_fault(s->engine);
	bool owed = engine_apology_owed(s->engine);
	out->customer_before = engine_line(s->engine);
	session_grade(s, reply, &out->grading);
	engine_reply(s->engine, reply, &out->grading, &out->outcome);

	struct transcript_turn tu = {
		.node = sc->nodes[from].id,
		.customer = (char *)out->customer_before,
		.reply = (char *)reply,
		.seconds = seconds,
		.at_fault = at_fault,
		.apology_owed = owed,
		.grading = out->grading,
		.mood_before = out->outcome.mood_before,
		.mood_after = out->outcome.mood_after,
		.next_node = sc->nodes[out->outcome.to].id,
	};
	struct diags mine = {0};
	if (transcript_add_turn(&s->tr, &tu, &mine) != 0) {
		s->saved_ok = false;
		for (size_t i = 0; i < mine.n; i++)
			mine.v[i].sev = DIAG_WARNING;
		mine.nerrors = 0;
	}
	diags_move(d, &mine);
	return 0;
}

int
session_end(struct session *s, const char *status, struct diags *d)
{
	if (s->tr.path == NULL)
		return -1;
	enum ending e = engine_ending(s->engine);
	if (e != END_NONE)
		return transcript_finish(&s->tr, "finished", e,
		    engine_line(s->engine), d);
	return transcript_finish(&s->tr, status, END_NONE, NULL, d);
}

void
session_free(struct session *s)
{
	engine_free(s->engine);
	transcript_free(&s->tr);
	free(s->facts);
	free(s->history);
	memset(s, 0, sizeof *s);
}
