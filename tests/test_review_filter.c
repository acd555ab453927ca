/* test_review_filter.c: the review queue's filter line (table-driven),
 * rows built from the report fixtures, and the sort. */
#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "review_filter.h"

/* The row every filter case is matched against. */
static struct review_row row(void)
{
	struct review_row r;
	memset(&r, 0, sizeof r);
	r.trainee = (char *)"Bo Li";
	r.scenario_id = (char *)"late-order";
	r.scenario_title = (char *)"The birthday present that did not arrive";
	r.started = (char *)"2026-11-04T10:00:00Z";
	r.mode = (char *)"practice";
	r.ending = (char *)"hung_up";
	r.overall = 55;
	int share[CRIT_COUNT] = {100, 50, 40, 100, 0};
	memcpy(r.share, share, sizeof share);
	r.path = (char *)"x.json";
	return r;
}

static const struct {
	const char *text;
	int match;          /* 1 matches, 0 does not, -1 a parse error */
	const char *err;    /* a part of the message, for errors */
} cases[] = {
	{"", 1, NULL},
	{"   ", 1, NULL},
	{"trainee:bo", 1, NULL},
	{"trainee:\"Bo Li\"", 1, NULL},
	{"trainee:ana", 0, NULL},
	{"scenario:late", 1, NULL},
	{"scenario:BIRTHDAY", 1, NULL},
	{"scenario:refund", 0, NULL},
	{"ending:hung_up", 1, NULL},
	{"ending:resolved", 0, NULL},
	{"ending:unfinished", 0, NULL},
	{"since:2026-11-01 until:2026-11-30", 1, NULL},
	{"since:2026-11-04 until:2026-11-04", 1, NULL},
	{"since:2026-11-05", 0, NULL},
	{"until:2026-11-03", 0, NULL},
	{"empathy<50", 1, NULL},
	{"empathy<40", 0, NULL},
	{"empathy<=40", 1, NULL},
	{"calm<100", 0, NULL},
	{"overall<60", 1, NULL},
	{"overall<55", 0, NULL},
	{"late bo", 1, NULL},
	{"late ana", 0, NULL},
	{"trainee:bo scenario:late ending:hung_up since:2026-11-01 "
	    "until:2026-11-30 empathy<50", 1, NULL},
	{"trainee:", -1, "a value is missing"},
	{"colour:red", -1, "\"colour:\" is not a filter"},
	{"ending:hangup", -1, "no ending \"hangup\""},
	{"since:2026-13-01", -1, "YYYY-MM-DD"},
	{"until:yesterday", -1, "YYYY-MM-DD"},
	{"empaty<50", -1, "no criterion \"empaty\""},
	{"empathy<lots", -1, "from 0 to 100"},
	{"empathy<", -1, "from 0 to 100"},
	{"empathy<101", -1, "from 0 to 100"},
	{"trainee:\"Bo Li", -1, "double quote"},
};

START_TEST(test_filter_case)
{
	struct review_filter f;
	char *err = NULL;
	struct review_row r = row();
	int rc = review_filter_parse(&f, cases[_i].text, &err);
	if (cases[_i].match < 0) {
		ck_assert_msg(rc == -1, "\"%s\" should be refused", cases[_i].text);
		ck_assert_ptr_nonnull(err);
		ck_assert_msg(strstr(err, cases[_i].err) != NULL,
		    "\"%s\": message \"%s\" lacks \"%s\"", cases[_i].text, err,
		    cases[_i].err);
	} else {
		ck_assert_msg(rc == 0, "\"%s\" refused: %s", cases[_i].text,
		    err ? err : "");
		ck_assert_msg(review_filter_match(&f, &r) == (cases[_i].match == 1),
		    "\"%s\" should %smatch", cases[_i].text,
		    cases[_i].match ? "" : "not ");
	}
	free(err);
	review_filter_free(&f);
}
END_TEST

START_TEST(test_columns)
{
	for (int c = 0; c < RC_COUNT; c++)
		ck_assert_int_eq(review_col_from_name(review_col_name(
		    (enum review_col)c)), c);
	ck_assert_int_eq(review_col_from_name("nope"), -1);
}
END_TEST

/* Rows of the report fixtures, filtered and sorted. */
START_TEST(test_rows)
{
	struct report_data rd;
	struct diags d = {0};
	ck_assert_int_eq(report_data_load(&rd, "tests/data/report/data", NULL, 0,
	    &d), 0);
	size_t n;
	struct review_row *v = review_rows_build(&rd, &n);
	ck_assert_uint_eq(n, rd.n);
	ck_assert_uint_ge(n, 4);
	int notes = 0;
	for (size_t i = 0; i < n; i++) {
		ck_assert_ptr_nonnull(strstr(v[i].path, ".json"));
		ck_assert_ptr_null(strstr(v[i].path, ".review."));
		notes += v[i].notes;
		for (int c = 0; c < CRIT_COUNT; c++)
			ck_assert(v[i].share[c] >= 0 && v[i].share[c] <= 100);
	}
	ck_assert_int_gt(notes, 0);

	review_rows_sort(v, n, RC_OVERALL, false);
	for (size_t i = 1; i < n; i++)
		ck_assert_int_le(v[i - 1].overall, v[i].overall);
	review_rows_sort(v, n, RC_DATE, true);
	for (size_t i = 1; i < n; i++)
		ck_assert_int_ge(strcmp(v[i - 1].started, v[i].started), 0);
	review_rows_sort(v, n, RC_TRAINEE, false);
	ck_assert_str_eq(v[0].trainee, "Ana");

	struct review_filter f;
	char *err;
	ck_assert_int_eq(review_filter_parse(&f, "trainee:cy", &err), 0);
	size_t hits = 0, cy = 0;
	for (size_t i = 0; i < n; i++) {
		cy += strcmp(v[i].trainee, "Cy") == 0;
		if (review_filter_match(&f, &v[i])) {
			ck_assert_str_eq(v[i].trainee, "Cy");
			hits++;
		}
	}
	ck_assert_uint_gt(hits, 0);
	ck_assert_uint_eq(hits, cy);
	review_filter_free(&f);
	review_rows_free(v, n);
	report_data_free(&rd);
	diags_free(&d);
}
END_TEST

static Suite *
review_filter_suite(void)
{
	Suite *s = suite_create("review_filter");
	TCase *tc = tcase_create("filter");
	tcase_add_loop_test(tc, test_filter_case, 0,
	    (int)(sizeof cases / sizeof *cases));
	tcase_add_test(tc, test_columns);
	tcase_add_test(tc, test_rows);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(review_filter_suite());
}
