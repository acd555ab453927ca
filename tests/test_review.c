/* test_review.c: review sidecars — names, atomic save and reload, every
 * sidecar of a transcript, which override holds, located load errors. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib.h"
#include "review.h"

#define FIX "tests/data/report/data/transcripts/"
#define BO2 FIX "Bo%20Li/20261104T100000Z-red-dress-out-of-stock-4242-0b0002.json"

START_TEST(test_paths)
{
	char *p = review_path("/d/t/x-1.json", "Anna Kalniņa");
	ck_assert_str_eq(p, "/d/t/x-1.review.Anna%20Kalni%C5%86a.json");
	free(p);
	p = review_path("rel.json", "../x");
	ck_assert_str_eq(p, "rel.review.%2E%2E%2Fx.json");
	free(p);
	ck_assert(review_is_sidecar("a.review.Sam.json"));
	ck_assert(!review_is_sidecar("a.json"));
	ck_assert(!review_is_sidecar(".review.Sam.json"));
	ck_assert(!review_is_sidecar("a.review..json"));
	ck_assert(!review_is_sidecar("a.review.Sam.json.tmp"));
}
END_TEST

START_TEST(test_roundtrip)
{
	char *dir = test_temp_dir();
	char *tp = malloc(strlen(dir) + 16);
	strcpy(tp, dir);
	strcat(tp, "/t.json");
	FILE *f = fopen(tp, "w");
	fputs("{}\n", f);
	fclose(f);

	struct review r;
	struct diags d = {0};
	ck_assert_int_eq(review_start(&r, tp, "Sam Supervisor", &d), 0);
	ck_assert_str_eq(r.transcript, "t.json");
	/* sha256 of "{}\n" */
	ck_assert_str_eq(r.transcript_sha256, "sha256:"
	    "ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356");
	review_comment(&r, 1, "Good \"opening\", ünïcödé.", "2026-11-10T09:00:00Z");
	review_override(&r, 2, CRIT_EMPATHY, true, "names the feeling", NULL);
	ck_assert_int_eq(review_save(&r, &d), 0);
	ck_assert_uint_eq(d.n, 0);

	struct review back;
	ck_assert_int_eq(review_load(&back, r.path, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(back.reviewer, "Sam Supervisor");
	ck_assert_str_eq(back.transcript_sha256, r.transcript_sha256);
	ck_assert_uint_eq(back.nnotes, 2);
	ck_assert_int_eq(back.notes[0].turn, 1);
	ck_assert_int_eq(back.notes[0].criterion, -1);
	ck_assert_str_eq(back.notes[0].comment, "Good \"opening\", ünïcödé.");
	ck_assert_str_eq(back.notes[0].time, "2026-11-10T09:00:00Z");
	ck_assert_int_eq(back.notes[1].criterion, CRIT_EMPATHY);
	ck_assert(back.notes[1].detected);
	ck_assert_str_eq(back.notes[1].reason, "names the feeling");
	ck_assert_uint_eq(strlen(back.notes[1].time), 20);
	review_free(&back);

	/* A second reviewer does not clash; the transcript is untouched. */
	struct review r2;
	ck_assert_int_eq(review_start(&r2, tp, "Rita", &d), 0);
	review_override(&r2, 2, CRIT_EMPATHY, false, NULL, "2099-01-01T00:00:00Z");
	ck_assert_int_eq(review_save(&r2, &d), 0);
	size_t len;
	char *text = test_read_file(tp, &len);
	ck_assert_str_eq(text, "{}\n");
	free(text);
	char *tmp = malloc(strlen(r2.path) + 8);
	strcpy(tmp, r2.path);
	strcat(tmp, ".tmp");
	struct stat st;
	ck_assert_int_ne(stat(tmp, &st), 0);
	free(tmp);

	struct review_set set;
	ck_assert_int_eq(review_load_all(tp, &set, &d), 0);
	ck_assert_uint_eq(set.n, 2);
	ck_assert_str_eq(set.v[0].reviewer, "Rita");
	ck_assert_str_eq(set.v[1].reviewer, "Sam Supervisor");
	const struct review *by;
	const struct review_note *n = review_set_override(&set, 2, CRIT_EMPATHY, &by);
	ck_assert_ptr_nonnull(n);
	ck_assert(!n->detected); /* Rita's is newer */
	ck_assert_str_eq(by->reviewer, "Rita");
	ck_assert_ptr_null(review_set_override(&set, 1, CRIT_EMPATHY, NULL));
	review_set_free(&set);

	review_free(&r2);
	review_free(&r);
	diags_free(&d);
	test_rmrf(dir);
	free(dir);
	free(tp);
}
END_TEST

START_TEST(test_refuses_bad_reviewer)
{
	struct review r;
	struct diags d = {0};
	ck_assert_int_eq(review_start(&r, BO2, "", &d), -1);
	ck_assert_uint_eq(d.nerrors, 1);
	review_free(&r);
	ck_assert_int_eq(review_start(&r, "/nonexistent/x.json", "Sam", &d), -1);
	ck_assert_uint_eq(d.nerrors, 2);
	review_free(&r);
	diags_free(&d);
}
END_TEST

START_TEST(test_fixture_set)
{
	struct review_set set;
	struct diags d = {0};
	ck_assert_int_eq(review_load_all(BO2, &set, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(set.n, 2);
	const struct review *by;
	const struct review_note *n = review_set_override(&set, 1, CRIT_RESTATE, &by);
	ck_assert_ptr_nonnull(n);
	ck_assert(!n->detected);
	ck_assert_str_eq(by->reviewer, "Sam Supervisor");
	n = review_set_override(&set, 2, CRIT_EMPATHY, &by);
	ck_assert(n->detected);
	ck_assert_str_eq(by->reviewer, "Rita");
	/* The sidecars still match the transcript. */
	char hash[72];
	ck_assert_int_eq(review_file_hash(BO2, hash, &d), 0);
	ck_assert_str_eq(hash, set.v[0].transcript_sha256);
	review_set_free(&set);
	diags_free(&d);
}
END_TEST

/* Each bad sidecar and the messages its load must give (in order). */
static const struct {
	const char *file;
	const char *want[8];
} bad[] = {
	{"tests/data/review/bad-fields.json", {
	    "bad-fields.json:4:36: error: transcript.sha256: must be \"sha256:\" and 64 hex digits",
	    "bad-fields.json:6:6: error: annotations[0].turn: must be between 1 and",
	    "bad-fields.json:7:17: error: annotations[1].criterion: unknown criterion \"empathi\" (did you mean \"empathy\"?)",
	    "bad-fields.json:8:5: error: annotations[2].detected: missing",
	    "bad-fields.json:8:38: error: annotations[2].time: must be ISO 8601",
	    "bad-fields.json:9:5: error: annotations[3]: an annotation needs a comment",
	    NULL}},
	{"tests/data/review/future.json", {
	    "future.json:1:2: error: format: review format 2 is not supported (this irate reads 1)",
	    NULL}},
	{"tests/data/review/trailing-comma.json", {
	    "trailing-comma.json:3:1: error:", NULL}},
};

START_TEST(test_bad_files)
{
	struct review r;
	struct diags d = {0};
	ck_assert_int_eq(review_load(&r, bad[_i].file, &d), -1);
	size_t k = 0;
	for (size_t i = 0; i < d.n && bad[_i].want[k]; i++) {
		char *s = diag_format(&d.v[i]);
		if (strstr(s, bad[_i].want[k]))
			k++;
		free(s);
	}
	if (bad[_i].want[k]) {
		diags_print(&d, stderr);
		ck_abort_msg("%s: missing \"%s\"", bad[_i].file, bad[_i].want[k]);
	}
	review_free(&r);
	diags_free(&d);
}
END_TEST

/* Withdrawing a note: the newest on the turn goes, the others stay. */
START_TEST(test_withdraw)
{
	struct review r = {0};
	review_comment(&r, 1, "first", "2026-11-10T09:00:00Z");
	review_comment(&r, 2, "on two", "2026-11-10T09:01:00Z");
	review_override(&r, 1, CRIT_APOLOGY, false, "not sincere",
	    "2026-11-10T09:02:00Z");
	ck_assert_int_eq(review_last_note(&r, 1), 2);
	ck_assert_int_eq(review_last_note(&r, 2), 1);
	ck_assert_int_eq(review_last_note(&r, 3), -1);
	review_remove_note(&r, 2);
	ck_assert_uint_eq(r.nnotes, 2);
	ck_assert_int_eq(review_last_note(&r, 1), 0);
	review_remove_note(&r, 0);
	ck_assert_uint_eq(r.nnotes, 1);
	ck_assert_str_eq(r.notes[0].comment, "on two");
	ck_assert_int_eq(review_last_note(&r, 1), -1);
	review_remove_note(&r, 5); /* out of range: nothing */
	ck_assert_uint_eq(r.nnotes, 1);
	review_free(&r);
}
END_TEST

static Suite *
review_suite(void)
{
	Suite *s = suite_create("review");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_paths);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_refuses_bad_reviewer);
	tcase_add_test(tc, test_fixture_set);
	tcase_add_test(tc, test_withdraw);
	tcase_add_loop_test(tc, test_bad_files, 0, sizeof bad / sizeof *bad);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(review_suite());
}
