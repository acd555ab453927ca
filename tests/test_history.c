/* test_history.c: a trainee's record per scenario from saved transcripts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "history.h"
#include "lib.h"
#include "review.h"
#include "transcript.h"

/* Save one session of scenario id with replies scoring scores[0..n),
 * ending with status (and ending when finished).  Returns its path. */
static char *
save_session(const char *dir, const char *trainee, const char *id,
    const int *scores, size_t n, const char *status, enum ending end)
{
	struct scenario sc;
	memset(&sc, 0, sizeof sc);
	sc.id = (char *)id;
	sc.title = (char *)"A title";
	sc.file = (char *)"x.json";
	sc.hash = (char *)"sha256:00";
	sc.start_mood = 70;
	sc.turn_limit = 8;
	struct transcript t;
	struct diags d = {0};
	ck_assert_int_eq(transcript_create(&t, dir, trainee, &sc, "practice", 1,
	    "Hello?", &d), 0);
	for (size_t i = 0; i < n; i++) {
		struct transcript_turn tu;
		memset(&tu, 0, sizeof tu);
		tu.n = (int)i + 1;
		tu.node = (char *)"opening";
		tu.customer = (char *)"Where is it?";
		tu.reply = (char *)"Sorry.";
		tu.next_node = (char *)"opening";
		grading_init(&tu.grading);
		tu.grading.overall = scores[i];
		ck_assert_int_eq(transcript_add_turn(&t, &tu, &d), 0);
	}
	ck_assert_int_eq(transcript_finish(&t, status, end, NULL, &d), 0);
	char *path = strdup(t.path);
	transcript_free(&t);
	diags_free(&d);
	return path;
}

START_TEST(test_empty)
{
	char *dir = test_temp_dir();
	struct history h;
	struct diags d = {0};
	ck_assert_int_eq(history_scan(&h, dir, "nobody", NULL, &d), 0);
	ck_assert_uint_eq(h.n, 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_ptr_null(history_find(&h, "late-order"));
	ck_assert_str_eq(history_last_word(NULL), "");
	history_free(&h);
	test_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(test_best_and_last)
{
	char *dir = test_temp_dir();
	int a[] = {60, 80}, b[] = {90}, c[] = {40};
	free(save_session(dir, "ana", "late-order", a, 2, "finished", END_RESOLVED));
	sleep(1); /* "started" has whole seconds: keep the order clear */
	free(save_session(dir, "ana", "late-order", b, 1, "unfinished", END_NONE));
	free(save_session(dir, "ana", "refund", c, 1, "finished", END_HUNG_UP));
	free(save_session(dir, "bob", "late-order", b, 1, "finished", END_RESOLVED));
	char *skip = save_session(dir, "ana", "refund", b, 1, "in_progress", END_NONE);

	struct history h;
	struct diags d = {0};
	ck_assert_int_eq(history_scan(&h, dir, "ana", skip, &d), 3);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(h.n, 2);
	const struct history_entry *e = history_find(&h, "late-order");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->sessions, 2);
	ck_assert_int_eq(e->finished, 1);
	ck_assert_int_eq(e->best, 70); /* the unfinished 90 does not count */
	ck_assert_int_eq(e->best_ending, END_RESOLVED);
	ck_assert_str_eq(history_last_word(e), "unfinished");
	ck_assert_int_eq(e->last_score, 90);
	e = history_find(&h, "refund");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->sessions, 1);
	ck_assert_int_eq(e->best, 40);
	ck_assert_str_eq(history_last_word(e), "hung_up");
	history_free(&h);

	/* without the skip, the in-progress session counts but has no best */
	ck_assert_int_eq(history_scan(&h, dir, "ana", NULL, &d), 4);
	ck_assert_int_eq(history_find(&h, "refund")->sessions, 2);
	ck_assert_int_eq(history_find(&h, "refund")->best, 40);
	history_free(&h);
	free(skip);
	test_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(test_bad_file)
{
	char *dir = test_temp_dir();
	int a[] = {55};
	char *p = save_session(dir, "ana", "late-order", a, 1, "finished",
	    END_ESCALATED);
	char *tdir = transcript_dir(dir, "ana");
	char *bad = malloc(strlen(tdir) + 32);
	sprintf(bad, "%s/broken.json", tdir);
	FILE *f = fopen(bad, "w");
	ck_assert_ptr_nonnull(f);
	fputs("{\"format\": 1, \"trainee\": ", f);
	fclose(f);
	struct history h;
	struct diags d = {0};
	ck_assert_int_eq(history_scan(&h, dir, "ana", NULL, &d), 1);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.v[0].sev, DIAG_WARNING);
	ck_assert_str_eq(d.v[0].file, bad);
	ck_assert_int_eq(history_find(&h, "late-order")->best, 55);
	ck_assert_str_eq(history_last_word(history_find(&h, "late-order")),
	    "escalated");
	history_free(&h);
	diags_free(&d);
	free(bad);
	free(tdir);
	free(p);
	test_rmrf(dir);
	free(dir);
}
END_TEST

/* A review sidecar beside a transcript is not a session of its own. */
START_TEST(test_sidecar_left_out)
{
	char *dir = test_temp_dir();
	int a[] = {55};
	char *p = save_session(dir, "ana", "late-order", a, 1, "finished",
	    END_RESOLVED);
	struct review r;
	struct diags d = {0};
	ck_assert_int_eq(review_start(&r, p, "Sam Supervisor", &d), 0);
	review_comment(&r, 1, "Good.", NULL);
	ck_assert_int_eq(review_save(&r, &d), 0);
	review_free(&r);
	struct history h;
	ck_assert_int_eq(history_scan(&h, dir, "ana", NULL, &d), 1);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(history_find(&h, "late-order")->sessions, 1);
	history_free(&h);
	diags_free(&d);
	free(p);
	test_rmrf(dir);
	free(dir);
}
END_TEST

static Suite *
history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("scan");
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_best_and_last);
	tcase_add_test(tc, test_bad_file);
	tcase_add_test(tc, test_sidecar_left_out);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(history_suite());
}
