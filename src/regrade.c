/* regrade.c: re-grade a transcript and list the differences (regrade.h). */
#include "regrade.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "scenario.h"
#include "xalloc.h"

static struct regrade_diff *
add(struct regrade *r, int turn, enum regrade_kind kind)
{
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	struct regrade_diff *df = &r->v[r->n++];
	memset(df, 0, sizeof *df);
	df->turn = turn;
	df->kind = kind;
	df->criterion = df->pitfall = -1;
	return df;
}

static size_t
count_pitfall(const struct grading *g, enum pitfall p)
{
	size_t n = 0;
	for (size_t i = 0; i < g->npits; i++)
		n += g->pits[i].kind == p;
	return n;
}

static void
compare(struct regrade *r, int turn, const struct grading *was,
    const struct grading *now)
{
	for (int c = 0; c < CRIT_COUNT; c++) {
		const struct crit_result *a = &was->crit[c], *b = &now->crit[c];
		if (a->detected == b->detected && a->score == b->score)
			continue;
		struct regrade_diff *df = add(r, turn, RG_CRITERION);
		df->criterion = c;
		df->was_detected = a->detected;
		df->now_detected = b->detected;
		df->was = a->score;
		df->now = b->score;
	}
	for (int p = 0; p < PIT_COUNT; p++) {
		size_t a = count_pitfall(was, (enum pitfall)p);
		size_t b = count_pitfall(now, (enum pitfall)p);
		if ((a == 0) != (b == 0))
			add(r, turn, b ? RG_PITFALL_ADDED : RG_PITFALL_REMOVED)->pitfall = p;
	}
	if (was->overall != now->overall) {
		struct regrade_diff *df = add(r, turn, RG_OVERALL);
		df->was = was->overall;
		df->now = now->overall;
	}
}

void
regrade_transcript(struct regrade *out, const struct transcript *t,
    struct scorer *s)
{
	memset(out, 0, sizeof *out);
	struct scenario sc;
	bool have_sc = false;
	/* Only a regular file: a transcript edited to name a FIFO or a
	 * device must not make the review hang. */
	struct stat st;
	if (t->scenario_file && *t->scenario_file &&
	    stat(t->scenario_file, &st) == 0 && S_ISREG(st.st_mode)) {
		struct diags d = {0};
		have_sc = scenario_load(&sc, t->scenario_file, &d) == 0;
		diags_free(&d);
		if (!have_sc)
			scenario_free(&sc);
	}
	struct score_fact *facts = NULL;
	size_t nfacts = 0;
	if (have_sc) {
		out->scenario_loaded = true;
		out->scenario_changed = !t->scenario_hash || !sc.hash ||
		    strcmp(t->scenario_hash, sc.hash) != 0;
		nfacts = sc.nfacts;
		facts = xcalloc(nfacts ? nfacts : 1, sizeof *facts);
		for (size_t i = 0; i < nfacts; i++) {
			facts[i].text = sc.facts[i].text;
			facts[i].paraphrases =
			    (const char *const *)sc.facts[i].paraphrases.v;
			facts[i].nparaphrases = sc.facts[i].paraphrases.n;
		}
	}
	out->nturns = t->nturns;
	out->now = xcalloc(t->nturns ? t->nturns : 1, sizeof *out->now);
	const char **history = xcalloc(t->nturns ? t->nturns : 1,
	    sizeof *history);
	for (size_t i = 0; i < t->nturns; i++) {
		const struct transcript_turn *tu = &t->turns[i];
		struct score_ctx ctx = {
			.customer = tu->customer,
			.at_fault = tu->apology_owed,
			.facts = nfacts ? facts : NULL,
			.nfacts = nfacts,
			.history = history,
			.nhistory = i,
		};
		const char *reply = tu->reply ? tu->reply : "";
		grading_init(&out->now[i]);
		score_reply(s, &ctx, reply, strlen(reply), &out->now[i]);
		compare(out, tu->n, &tu->grading, &out->now[i]);
		history[i] = reply;
	}
	free(history);
	free(facts);
	if (have_sc)
		scenario_free(&sc);
}

void
regrade_free(struct regrade *r)
{
	for (size_t i = 0; i < r->nturns; i++)
		grading_free(&r->now[i]);
	free(r->now);
	free(r->v);
	memset(r, 0, sizeof *r);
}

size_t
regrade_turn(const struct regrade *r, int turn, size_t *first)
{
	size_t n = 0;
	*first = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].turn == turn) {
			if (n++ == 0)
				*first = i;
		}
	return n;
}

static const char *
yes(bool b)
{
	return b ? "yes" : "no";
}

char *
regrade_diff_text(const struct regrade_diff *df)
{
	switch (df->kind) {
	case RG_CRITERION:
		if (df->was_detected != df->now_detected)
			return xasprintf("%s: detected %s -> %s, score %d -> %d",
			    criterion_name((enum criterion)df->criterion),
			    yes(df->was_detected), yes(df->now_detected), df->was,
			    df->now);
		return xasprintf("%s: score %d -> %d",
		    criterion_name((enum criterion)df->criterion), df->was, df->now);
	case RG_PITFALL_ADDED:
		return xasprintf("pitfall %s: now flagged",
		    pitfall_name((enum pitfall)df->pitfall));
	case RG_PITFALL_REMOVED:
		return xasprintf("pitfall %s: no longer flagged",
		    pitfall_name((enum pitfall)df->pitfall));
	case RG_OVERALL:
		return xasprintf("overall %d -> %d", df->was, df->now);
	}
	return xstrdup("?");
}

char *
regrade_summary(const struct regrade *r)
{
	const char *sc = !r->scenario_loaded ?
	    " The scenario file cannot be read, so the customer's lines stood "
	    "in for its facts." : r->scenario_changed ?
	    " The scenario file has changed since the call (its sha256 differs "
	    "from the transcript's)." : "";
	size_t turns = 0;
	for (size_t i = 0; i < r->n; i++)
		if (i == 0 || r->v[i].turn != r->v[i - 1].turn)
			turns++;
	if (r->n == 0)
		return xasprintf("Re-graded with the current scorer: the same as "
		    "the stored grading.%s", sc);
	return xasprintf("Re-graded with the current scorer: %zu %s on %zu %s "
	    "differ%s from the stored grading (the scorer or its lexicon "
	    "changed, or the file was edited).%s", r->n,
	    r->n == 1 ? "label" : "labels", turns, turns == 1 ? "turn" : "turns",
	    r->n == 1 ? "s" : "", sc);
}
