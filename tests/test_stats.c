/* test_stats.c: confusion counts, F1 and Cohen's kappa. */
#include <math.h>

#include "lib.h"
#include "stats.h"

static struct stats_confusion
make(size_t tp, size_t fp, size_t fn, size_t tn)
{
	struct stats_confusion c = {tp, fp, fn, tn};
	return c;
}

START_TEST(test_kappa_known)
{
	/* Worked example: 20 yes/yes, 5 no/yes, 10 yes/no, 15 no/no. */
	struct stats_confusion c = make(20, 5, 10, 15);
	ck_assert_double_eq_tol(stats_accuracy(&c), 0.7, 1e-9);
	ck_assert_double_eq_tol(stats_kappa(&c), 0.4, 1e-9);
	ck_assert_double_eq_tol(stats_precision(&c), 0.8, 1e-9);
	ck_assert_double_eq_tol(stats_recall(&c), 20.0 / 30.0, 1e-9);
	ck_assert_double_eq_tol(stats_f1(&c), 2 * 0.8 * (2.0 / 3) / (0.8 + 2.0 / 3), 1e-9);
}
END_TEST

START_TEST(test_kappa_edges)
{
	struct stats_confusion c = make(0, 0, 0, 0);
	ck_assert_double_eq(stats_kappa(&c), 0.0);
	ck_assert_double_eq(stats_f1(&c), 0.0);
	c = make(10, 0, 0, 0); /* all yes, both agree: pe = 1 */
	ck_assert_double_eq(stats_kappa(&c), 1.0);
	c = make(5, 0, 0, 5);
	ck_assert_double_eq_tol(stats_kappa(&c), 1.0, 1e-9);
	c = make(0, 5, 5, 0); /* total disagreement */
	ck_assert_double_eq_tol(stats_kappa(&c), -1.0, 1e-9);
}
END_TEST

START_TEST(test_add)
{
	struct stats_confusion c = {0};
	stats_add(&c, true, true);
	stats_add(&c, false, true);
	stats_add(&c, true, false);
	stats_add(&c, false, false);
	stats_add(&c, false, false);
	ck_assert_uint_eq(c.tp, 1);
	ck_assert_uint_eq(c.fp, 1);
	ck_assert_uint_eq(c.fn, 1);
	ck_assert_uint_eq(c.tn, 2);
	ck_assert_uint_eq(stats_total(&c), 5);
}
END_TEST

static Suite *
stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_kappa_known);
	tcase_add_test(tc, test_kappa_edges);
	tcase_add_test(tc, test_add);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(stats_suite());
}
