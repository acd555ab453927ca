/* test_xalloc.c: the allocation wrappers. */
#include <stdint.h>
#include <stdlib.h>

#include "lib.h"
#include "xalloc.h"

/* fuzz_score found score_pitfalls doing (NULL + 0) on xgrow's result for
 * an empty reply: xgrow must not return NULL, even for nothing. */
START_TEST(test_xgrow_zero)
{
	size_t cap = 0;
	uint64_t *p = xgrow(NULL, &cap, 0, sizeof *p);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_ge(cap, 1);
	uint64_t *q = xgrow(p, &cap, 0, sizeof *p);
	ck_assert_ptr_eq(p, q);
	q = xgrow(p, &cap, 100, sizeof *p);
	ck_assert_ptr_nonnull(q);
	ck_assert_uint_ge(cap, 100);
	q[99] = 1;
	free(q);
}
END_TEST

/* xgrow_zero: what it adds is zero, what was there stays. */
START_TEST(test_xgrow_zero_fills)
{
	size_t cap = 0;
	uint64_t *p = xgrow_zero(NULL, &cap, 3, sizeof *p);
	for (size_t i = 0; i < cap; i++)
		ck_assert_uint_eq(p[i], 0);
	p[0] = 7;
	size_t old = cap;
	p = xgrow_zero(p, &cap, old + 100, sizeof *p);
	ck_assert_uint_ge(cap, old + 100);
	ck_assert_uint_eq(p[0], 7);
	for (size_t i = old; i < cap; i++)
		ck_assert_uint_eq(p[i], 0);
	free(p);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("xalloc");
	TCase *tc = tcase_create("xgrow");
	tcase_add_test(tc, test_xgrow_zero);
	tcase_add_test(tc, test_xgrow_zero_fills);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
