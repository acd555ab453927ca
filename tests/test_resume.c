/* test_resume.c: taking up an unfinished call where it stopped
 * (session_resume), the history's pointer to it, and transcript_pid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "history.h"
#include "lib.h"
#include "score.h"
#include "session.h"
#include "transcript.h"
#include "xalloc.h"

static const char *const replies[] = {
	"I'm so sorry, Dana. Your order was promised for Friday and hasn't "
	"arrived; that's stressful with the birthday tomorrow. I'll send a "
	"replacement by express courier today.",
	"I understand. I'll email you the tracking number within the hour.",
	"The courier is on us, and I'm refunding the delivery charge today.",
};

static struct scenario sc;
static struct scorer *scorer;
static char *data;

static void
setup(void)
{
	struct diags d = {0};
	ck_assert_int_eq(scenario_load(&sc, "scenarios/late-order.json", &d), 0);
	ck_assert_int_eq(scorer_load("assets", "en", &scorer, &d), 0);
	diags_free(&d);
	data = test_temp_dir();
}

static void
teardown(void)
{
	test_rmrf(data);
	free(data);
	scorer_free(scorer);
	scenario_free(&sc);
}

/* Play n replies as trainee, end with status (NULL: leave it in
 * progress, as a killed process would); returns the transcript's path. */
static char *
play(const char *trainee, size_t n, const char *status)
{
	struct session s;
	struct diags d = {0};
	ck_assert_int_eq(session_start(&s, &sc, scorer, data, trainee, false,
	    7, &d), 0);
	for (size_t i = 0; i < n; i++) {
		struct session_turn t;
		ck_assert_int_eq(session_reply(&s, replies[i], 1.0, &t, &d), 0);
		grading_free(&t.grading);
	}
	if (status)
		session_end(&s, status, &d);
	ck_assert_uint_eq(d.nerrors, 0);
	char *path = xstrdup(s.tr.path);
	session_free(&s);
	diags_free(&d);
	return path;
}

START_TEST(test_resume_goes_on)
{
	char *path = play("ana", 2, "interrupted");
	/* the same dialogue played straight through, for comparison */
	struct session ref;
	struct diags d = {0};
	ck_assert_int_eq(session_start(&ref, &sc, scorer, data, "ref", false,
	    7, &d), 0);
	struct session_turn t;
	for (size_t i = 0; i < 2; i++) {
		session_reply(&ref, replies[i], 1.0, &t, &d);
		grading_free(&t.grading);
	}

	struct session s;
	ck_assert_int_eq(session_resume(&s, &sc, scorer, path, "ana", &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(engine_turn(s.engine), 2);
	ck_assert_uint_eq(engine_node(s.engine), engine_node(ref.engine));
	ck_assert_int_eq(engine_mood(s.engine), engine_mood(ref.engine));
	ck_assert_str_eq(engine_line(s.engine), engine_line(ref.engine));
	ck_assert_str_eq(s.tr.status, "in_progress");
	ck_assert_ptr_null(s.tr.ended);
	ck_assert_uint_eq(s.tr.resumed.n, 1);
	ck_assert(!s.exam);

	/* the third reply lands where the uninterrupted call's does, and in
	 * the same file */
	struct session_turn t2;
	ck_assert_int_eq(session_reply(&s, replies[2], 1.0, &t, &d), 0);
	ck_assert_int_eq(session_reply(&ref, replies[2], 1.0, &t2, &d), 0);
	ck_assert_int_eq(t.outcome.mood_after, t2.outcome.mood_after);
	ck_assert_uint_eq(t.outcome.to, t2.outcome.to);
	ck_assert_int_eq(t.grading.overall, t2.grading.overall);
	grading_free(&t.grading);
	grading_free(&t2.grading);
	session_end(&s, "unfinished", &d);
	session_free(&s);
	session_free(&ref);

	struct transcript tr;
	ck_assert_int_eq(transcript_load(&tr, path, &d), 0);
	ck_assert_uint_eq(tr.nturns, 3);
	ck_assert_str_eq(tr.turns[2].reply, replies[2]);
	ck_assert_str_eq(tr.status, "unfinished");
	ck_assert_uint_eq(tr.resumed.n, 1);
	transcript_free(&tr);
	diags_free(&d);
	free(path);
}
END_TEST

/* a refusal: session_resume fails and says so in one error */
static void
expect_refused(const char *path, const char *trainee, const char *why)
{
	struct session s;
	struct diags d = {0};
	ck_assert_int_eq(session_resume(&s, &sc, scorer, path, trainee, &d), -1);
	ck_assert_uint_ge(d.nerrors, 1);
	if (strstr(d.v[0].msg, why) == NULL)
		ck_abort_msg("\"%s\" does not say \"%s\"", d.v[0].msg, why);
	session_free(&s);
	diags_free(&d);
}

START_TEST(test_refusals)
{
	char *done = play("ana", 0, NULL);
	free(done);
	/* finished */
	struct session s;
	struct diags d = {0};
	ck_assert_int_eq(session_start(&s, &sc, scorer, data, "bo", false, 7,
	    &d), 0);
	char *fin = xstrdup(s.tr.path);
	transcript_finish(&s.tr, "finished", END_RESOLVED, "Bye.", &d);
	session_free(&s);
	expect_refused(fin, "bo", "the call is finished");
	free(fin);

	char *path = play("ana", 2, "unfinished");
	expect_refused(path, "bo", "the call is ana's, not bo's");
	/* the scenario changed since: its hash differs */
	char *hash = sc.hash;
	sc.hash = xstrdup("sha256:0000");
	expect_refused(path, "ana", "the scenario file has changed");
	free(sc.hash);
	sc.hash = hash;
	/* a transcript edited so that a turn no longer replays */
	struct transcript tr;
	ck_assert_int_eq(transcript_load(&tr, path, &d), 0);
	tr.turns[1].mood_after = tr.turns[1].mood_after == 50 ? 51 : 50;
	ck_assert_int_eq(transcript_save(&tr, &d), 0);
	transcript_free(&tr);
	expect_refused(path, "ana", "turn 2 does not replay the same way");
	expect_refused("/nonexistent/x.json", "ana", "does not exist");
	free(path);
	diags_free(&d);
}
END_TEST

/* a call left in progress by an irate that is still running */
START_TEST(test_refused_while_running)
{
	char *path = play("ana", 1, NULL);
	/* rename it as if our parent (alive: it runs this test) made it */
	char *dir = xstrndup(path, (size_t)(strrchr(path, '/') - path));
	char *live = xasprintf("%s/20260101T000000Z-late-order-%ld-abcdef.json",
	    dir, (long)getppid());
	ck_assert_int_eq(rename(path, live), 0);
	ck_assert_int_eq(transcript_pid(live), (long)getppid());
	expect_refused(live, "ana", "the call may still be going on");
	/* once that process is gone (here: a pid that is not running) */
	char *dead = xasprintf("%s/20260101T000000Z-late-order-%ld-abcdef.json",
	    dir, 999999999L);
	ck_assert_int_eq(rename(live, dead), 0);
	struct session s;
	struct diags d = {0};
	ck_assert_int_eq(session_resume(&s, &sc, scorer, dead, "ana", &d), 0);
	session_free(&s);
	diags_free(&d);
	free(dir), free(live), free(dead), free(path);
}
END_TEST

START_TEST(test_history_points_to_it)
{
	struct history h;
	struct diags d = {0};
	char *first = play("ana", 2, "interrupted");
	history_scan(&h, data, "ana", NULL, &d);
	const struct history_entry *e = history_find(&h, "late-order");
	ck_assert_ptr_nonnull(e);
	ck_assert_ptr_nonnull(e->resume_path);
	ck_assert_str_eq(e->resume_path, first);
	ck_assert_int_eq(e->resume_turns, 2);
	ck_assert_ptr_eq(history_newest_resumable(&h), e);
	history_free(&h);
	sleep(1); /* a newer start time */
	/* a newer call without a reply cannot be resumed, and hides the
	 * older one: only the last call is offered */
	char *second = play("ana", 0, "unfinished");
	history_scan(&h, data, "ana", NULL, &d);
	e = history_find(&h, "late-order");
	ck_assert_ptr_null(e->resume_path);
	ck_assert_ptr_null(history_newest_resumable(&h));
	history_free(&h);
	diags_free(&d);
	free(first), free(second);
}
END_TEST

START_TEST(test_pid_from_name)
{
	ck_assert_int_eq(transcript_pid("/d/20261123T145212Z-late-order-13526-496825.json"), 13526);
	ck_assert_int_eq(transcript_pid("20261123T145212Z-a-1-0.json"), 1);
	ck_assert_int_eq(transcript_pid("/d/no-pid-here.json"), 0);
	ck_assert_int_eq(transcript_pid("/d/x.json"), 0);
	ck_assert_int_eq(transcript_pid("/d/a-12-34.txt"), 0);
	ck_assert_int_eq(transcript_pid("/d/a-12345678901-3.json"), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("resume");
	TCase *tc = tcase_create("resume");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_resume_goes_on);
	tcase_add_test(tc, test_refusals);
	tcase_add_test(tc, test_refused_while_running);
	tcase_add_test(tc, test_history_points_to_it);
	tcase_add_test(tc, test_pid_from_name);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
