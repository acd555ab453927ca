/* session.c: one training session — engine, scorer and transcript together. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

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
	s->facts = xcalloc(sc->nfacts ? sc->nfacts : 1, sizeof *s->facts);
	for (size_t i = 0; i < sc->nfacts; i++) {
		s->facts[i].text = sc->facts[i].text;
		s->facts[i].paraphrases = (const char *const *)sc->facts[i].paraphrases.v;
		s->facts[i].nparaphrases = sc->facts[i].paraphrases.n;
	}
	if (transcript_create(&s->tr, data_dir, trainee, sc,
		exam ? "exam" : "practice", seed, engine_line(s->engine), d) != 0) {
		s->saved_ok = false;
		return -1;
	}
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
