/* test_atomic.c: replacing and creating files atomically. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "lib.h"

static void
assert_content(const char *path, const char *want)
{
	size_t len;
	char *got = test_read_file(path, &len);
	ck_assert_ptr_nonnull(got);
	ck_assert_uint_eq(len, strlen(want));
	ck_assert_mem_eq(got, want, len);
	free(got);
}

START_TEST(test_create_is_exclusive)
{
	char *dir = test_temp_dir();
	char *p = test_join(dir, "t.json"), *tmp = test_join(dir, "t.json.tmp");
	const char *what = NULL;
	ck_assert_int_eq(atomic_create_file(p, "one\n", 4, &what), 0);
	assert_content(p, "one\n");
	ck_assert_int_ne(access(tmp, F_OK), 0); /* no temporary left */
	/* a second create of the same name fails and keeps the first */
	ck_assert_int_eq(atomic_create_file(p, "two\n", 4, &what), -1);
	ck_assert_int_eq(errno, EEXIST);
	ck_assert_str_eq(what, "link");
	assert_content(p, "one\n");
	ck_assert_int_ne(access(tmp, F_OK), 0);
	/* replacing is what atomic_write_file is for */
	ck_assert_int_eq(atomic_write_file(p, "three\n", 6, &what), 0);
	assert_content(p, "three\n");
	test_rmrf(dir);
	free(p), free(tmp), free(dir);
}
END_TEST

START_TEST(test_create_in_missing_dir_fails)
{
	const char *what = NULL;
	ck_assert_int_eq(atomic_create_file("/nonexistent-dir/x.json", "x", 1,
	    &what), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_str_eq(what, "create");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("atomic");
	TCase *tc = tcase_create("files");
	tcase_add_test(tc, test_create_is_exclusive);
	tcase_add_test(tc, test_create_in_missing_dir_fails);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
