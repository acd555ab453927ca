/* test_calibrate.c: supervisors' overrides against the scorer on the
 * report fixtures — counts, agreement, kappa, disagreements in order, and
 * the export in `irate grade` input format. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "calibrate.h"
#include "lib.h"

#define DATA "tests/data/report/data"

static struct report_data rd;
static struct calibration cal;

static void
setup(void)
{
	struct diags d = {0};
	ck_assert_int_eq(report_data_load(&rd, DATA, NULL, 0, &d), 0);
	diags_free(&d);
	calibrate_build(&cal, &rd);
}

static void
teardown(void)
{
	calibration_free(&cal);
	report_data_free(&rd);
}

/* Expected per criterion: overrides, agreeing, kappa. */
static const struct {
	enum criterion c;
	size_t n, agree;
	double kappa;
} want[] = {
	{CRIT_CALM, 0, 0, 0.0},
	/* Sam says no where the scorer said yes; Rita yes where it said no. */
	{CRIT_RESTATE, 2, 0, -1.0},
	/* Sam agrees once; Sam and Rita both disagree on one turn: po = 1/3,
	 * the supervisors always say yes so pe = 1/3 too. */
	{CRIT_EMPATHY, 3, 1, 0.0},
	{CRIT_APOLOGY, 0, 0, 0.0},
	/* One agreeing no, one disagreeing yes: po = 1/2 = pe. */
	{CRIT_ALTERNATIVE, 2, 1, 0.0},
};

START_TEST(test_per_criterion)
{
	const struct calib_crit *cc = &cal.crit[want[_i].c];
	ck_assert_uint_eq(cc->n, want[_i].n);
	ck_assert_uint_eq(cc->agree, want[_i].agree);
	ck_assert_msg(fabs(cc->kappa - want[_i].kappa) < 1e-9, "kappa %g",
	    cc->kappa);
	if (cc->n)
		ck_assert_msg(fabs(cc->agreement - (double)cc->agree / (double)cc->n)
		    < 1e-12, "agreement");
}
END_TEST

START_TEST(test_totals_and_order)
{
	ck_assert_uint_eq(cal.noverrides, 7);
	ck_assert_uint_eq(cal.nreviews, 5);
	ck_assert_uint_eq(cal.nitems, 3);
	/* Cy's reply disagrees on two criteria: first. */
	ck_assert_str_eq(cal.items[0].trainee, "Cy");
	ck_assert_int_eq(cal.items[0].ndisagree, 2);
	ck_assert_int_eq(cal.items[0].label[CRIT_RESTATE], 1);
	ck_assert_int_eq(cal.items[0].scorer[CRIT_RESTATE], 0);
	ck_assert_int_eq(cal.items[0].label[CRIT_CALM], -1);
	ck_assert_str_eq(cal.items[1].trainee, "Bo Li");
	ck_assert_int_eq(cal.items[1].turn, 1);
	ck_assert_int_eq(cal.items[2].turn, 2);
	ck_assert_int_eq(cal.items[2].label[CRIT_EMPATHY], 1);
}
END_TEST

START_TEST(test_text)
{
	char *s = calibrate_text(&cal);
	ck_assert_ptr_nonnull(strstr(s, "7 supervisor overrides in 5 reviews"));
	ck_assert_ptr_nonnull(strstr(s,
	    "restate              2      0         0%  -1.00\n"));
	ck_assert_ptr_nonnull(strstr(s, "calm                 0      0          -      -\n"));
	ck_assert_ptr_nonnull(strstr(s, "Cy, late-order, 2026-11-06, turn 1: "
	    "restate (scorer 0, supervisor 1), alternative (scorer 0, supervisor 1)\n"));
	char *cy = strstr(s, "Cy, late-order"), *bo = strstr(s, "Bo Li, red-dress");
	ck_assert(cy && bo && cy < bo);
	free(s);
}
END_TEST

START_TEST(test_export)
{
	char *s = calibrate_export(&cal);
	/* Three lines, each an `irate grade` input object with labels. */
	size_t lines = 0;
	for (char *p = s; *p; p++)
		lines += *p == '\n';
	ck_assert_uint_eq(lines, 3);
	char *nl = strchr(s, '\n');
	*nl = '\0';
	cJSON *o = cJSON_Parse(s);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(cJSON_GetObjectItem(o, "id")->valuestring,
	    "Cy/20261106T100000Z-late-order-4242-0c0001#1");
	ck_assert_str_eq(cJSON_GetObjectItem(o, "reply")->valuestring,
	    "I'm sorry. Your parcel due Friday is late. I'll refund the "
	    "shipping and send it express.");
	ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(o, "at_fault")));
	ck_assert_ptr_nonnull(cJSON_GetObjectItem(o, "customer"));
	const cJSON *l = cJSON_GetObjectItem(o, "labels");
	ck_assert_int_eq(cJSON_GetArraySize(l), 2);
	ck_assert_int_eq(cJSON_GetObjectItem(l, "restate")->valueint, 1);
	ck_assert_int_eq(cJSON_GetObjectItem(l, "alternative")->valueint, 1);
	cJSON_Delete(o);
	free(s);
}
END_TEST

START_TEST(test_no_reviews)
{
	char *dir = test_temp_dir();
	struct report_data d2;
	struct diags d = {0};
	report_data_load(&d2, dir, NULL, 0, &d);
	struct calibration c2;
	calibrate_build(&c2, &d2);
	ck_assert_uint_eq(c2.noverrides, 0);
	char *s = calibrate_text(&c2);
	ck_assert_ptr_nonnull(strstr(s, "no disagreements"));
	free(s);
	s = calibrate_export(&c2);
	ck_assert_str_eq(s, "");
	free(s);
	calibration_free(&c2);
	report_data_free(&d2);
	diags_free(&d);
	test_rmrf(dir);
	free(dir);
}
END_TEST

static Suite *
calibrate_suite(void)
{
	Suite *s = suite_create("calibrate");
	TCase *tc = tcase_create("fixtures");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_per_criterion, 0, sizeof want / sizeof *want);
	tcase_add_test(tc, test_totals_and_order);
	tcase_add_test(tc, test_text);
	tcase_add_test(tc, test_export);
	suite_add_tcase(s, tc);
	TCase *t2 = tcase_create("empty");
	tcase_add_test(t2, test_no_reviews);
	suite_add_tcase(s, t2);
	return s;
}

int
main(void)
{
	return test_run_suite(calibrate_suite());
}
