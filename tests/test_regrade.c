/* test_regrade.c: re-grading a transcript finds nothing when nothing
 * changed, and finds every edit of its stored grading. */
#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "regrade.h"
#include "session.h"

#define SCEN "scenarios/late-order.json"

static const char *const replies[] = {
	"Let me have a look at that order for you.",
	"CALM DOWN. It's not my problem, you should have ordered earlier!!!",
	"I'm sorry, I can send a replacement by courier today.",
};

/* Play the replies (while the call goes on) into a transcript under dir;
 * returns its path. */
static char *
play(const char *dir, struct scorer *s)
{
	struct scenario sc;
	struct diags d = {0};
	ck_assert_int_eq(scenario_load(&sc, SCEN, &d), 0);
	struct session ss;
	ck_assert_int_eq(session_start(&ss, &sc, s, dir, "ana", false, 1, &d), 0);
	for (size_t i = 0; i < sizeof replies / sizeof *replies; i++) {
		struct session_turn out;
		if (session_reply(&ss, replies[i], 3.0, &out, &d) != 0) {
			grading_free(&out.grading);
			break;
		}
		grading_free(&out.grading);
	}
	session_end(&ss, "unfinished", &d);
	ck_assert_uint_eq(d.nerrors, 0);
	char *path = strdup(ss.tr.path);
	session_free(&ss);
	scenario_free(&sc);
	diags_free(&d);
	return path;
}

static void
drop_pitfalls(struct grading *g)
{
	/* Their strings stay in the grading's pool until it is freed. */
	g->npits = 0;
}

/* Is there a difference of kind on turn (criterion or pitfall c)? */
static bool
has(const struct regrade *r, int turn, enum regrade_kind kind, int c)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct regrade_diff *df = &r->v[i];
		if (df->turn == turn && df->kind == kind &&
		    (kind == RG_OVERALL || (kind == RG_CRITERION ? df->criterion :
		    df->pitfall) == c))
			return true;
	}
	return false;
}

START_TEST(test_regrade)
{
	struct scorer *s;
	struct diags d = {0};
	ck_assert_int_eq(scorer_load("assets", "en", &s, &d), 0);
	char *dir = test_temp_dir();
	char *path = play(dir, s);

	struct transcript t;
	ck_assert_int_eq(transcript_load(&t, path, &d), 0);
	ck_assert_uint_ge(t.nturns, 2);
	struct regrade r;
	regrade_transcript(&r, &t, s);
	ck_assert(r.scenario_loaded);
	ck_assert(!r.scenario_changed);
	ck_assert_uint_eq(r.nturns, t.nturns);
	ck_assert_uint_eq(r.n, 0);
	char *sum = regrade_summary(&r);
	ck_assert_ptr_nonnull(strstr(sum, "the same as the stored grading"));
	free(sum);
	regrade_free(&r);

	/* The turn with the rude reply is flagged; it must be, to remove it. */
	struct transcript_turn *t1 = &t.turns[0], *t2 = &t.turns[1];
	ck_assert_uint_gt(t2->grading.npits, 0);
	enum pitfall gone = t2->grading.pits[0].kind;

	/* Edit the stored grading, save and read the file again. */
	struct crit_result *emp = &t1->grading.crit[CRIT_EMPATHY];
	bool was_emp = emp->detected;
	emp->detected = !emp->detected;
	t2->grading.crit[CRIT_CALM].score += 7;
	drop_pitfalls(&t2->grading);
	grading_add_pitfall(&t1->grading, PIT_TOO_LONG, t1->reply, 0, 0,
	    "added by the test");
	t1->grading.overall += 1;
	free(t.scenario_hash);
	t.scenario_hash = strdup("sha256:"
	    "0000000000000000000000000000000000000000000000000000000000000000");
	ck_assert_int_eq(transcript_save(&t, &d), 0);
	transcript_free(&t);
	ck_assert_int_eq(transcript_load(&t, path, &d), 0);

	regrade_transcript(&r, &t, s);
	ck_assert(r.scenario_loaded);
	ck_assert(r.scenario_changed);
	ck_assert(has(&r, 1, RG_CRITERION, CRIT_EMPATHY));
	ck_assert(has(&r, 1, RG_PITFALL_REMOVED, PIT_TOO_LONG));
	ck_assert(has(&r, 1, RG_OVERALL, 0));
	ck_assert(has(&r, 2, RG_CRITERION, CRIT_CALM));
	ck_assert(has(&r, 2, RG_PITFALL_ADDED, (int)gone));
	ck_assert(!has(&r, 2, RG_CRITERION, CRIT_EMPATHY));
	ck_assert_uint_eq(r.n, 5);

	size_t first, n = regrade_turn(&r, 1, &first);
	ck_assert_uint_eq(n, 3);
	char *line = regrade_diff_text(&r.v[first]);
	char want[80];
	snprintf(want, sizeof want, "empathy: detected %s -> %s",
	    was_emp ? "no" : "yes", was_emp ? "yes" : "no");
	ck_assert_msg(strncmp(line, want, strlen(want)) == 0, "%s", line);
	free(line);
	ck_assert_uint_eq(regrade_turn(&r, 99, &first), 0);
	sum = regrade_summary(&r);
	ck_assert_ptr_nonnull(strstr(sum, "5 labels on 2 turns differ"));
	ck_assert_ptr_nonnull(strstr(sum, "the scorer or its lexicon changed"));
	ck_assert_ptr_nonnull(strstr(sum, "sha256 differs"));
	free(sum);
	regrade_free(&r);

	/* Without the scenario file the customer's lines stand in. */
	free(t.scenario_file);
	t.scenario_file = strdup("/nonexistent/late-order.json");
	regrade_transcript(&r, &t, s);
	ck_assert(!r.scenario_loaded);
	ck_assert(!r.scenario_changed);
	sum = regrade_summary(&r);
	ck_assert_ptr_nonnull(strstr(sum, "cannot be read"));
	free(sum);
	regrade_free(&r);

	transcript_free(&t);
	scorer_free(s);
	diags_free(&d);
	free(path);
	test_rmrf(dir);
	free(dir);
}
END_TEST

static Suite *
regrade_suite(void)
{
	Suite *s = suite_create("regrade");
	TCase *tc = tcase_create("regrade");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_regrade);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(regrade_suite());
}
