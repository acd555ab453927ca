/* test_datadir.c: what counts as a real file or directory in the data
 * directory, and why anything else is refused. */
#define _XOPEN_SOURCE 700 /* symlink */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datadir.h"
#include "lib.h"

START_TEST(test_kinds)
{
	char *dir = test_temp_dir();
	char *file = test_join(dir, "file.json"), *sub = test_join(dir, "sub"),
	     *flink = test_join(dir, "flink.json"), *dlink = test_join(dir, "dlink"),
	     *dangling = test_join(dir, "dangling"), *fifo = test_join(dir, "fifo.json"),
	     *none = test_join(dir, "none");
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fputs("{}\n", f);
	fclose(f);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	ck_assert_int_eq(symlink(file, flink), 0);
	ck_assert_int_eq(symlink(sub, dlink), 0);
	ck_assert_int_eq(symlink("/nowhere/at/all", dangling), 0);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);

	ck_assert_int_eq(datadir_kind(file), DATADIR_FILE);
	ck_assert_int_eq(datadir_kind(sub), DATADIR_DIR);
	/* a link is a link, whether it points to a file, a directory or
	 * nothing: never followed */
	ck_assert_int_eq(datadir_kind(flink), DATADIR_LINK);
	ck_assert_int_eq(datadir_kind(dlink), DATADIR_LINK);
	ck_assert_int_eq(datadir_kind(dangling), DATADIR_LINK);
	ck_assert_int_eq(datadir_kind(fifo), DATADIR_OTHER);
	ck_assert_int_eq(datadir_kind(none), DATADIR_MISSING);

	ck_assert_ptr_null(datadir_refusal(DATADIR_FILE, DATADIR_FILE));
	ck_assert_ptr_null(datadir_refusal(DATADIR_DIR, DATADIR_DIR));
	ck_assert_ptr_nonnull(strstr(datadir_refusal(DATADIR_LINK, DATADIR_FILE),
	    "symbolic link"));
	ck_assert_ptr_nonnull(strstr(datadir_refusal(DATADIR_OTHER, DATADIR_FILE),
	    "FIFO"));
	ck_assert_str_eq(datadir_refusal(DATADIR_FILE, DATADIR_DIR),
	    "is a file, not a directory");
	ck_assert_str_eq(datadir_refusal(DATADIR_DIR, DATADIR_FILE),
	    "is a directory, not a file");

	test_rmrf(dir);
	free(file), free(sub), free(flink), free(dlink), free(dangling);
	free(fifo), free(none), free(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("datadir");
	TCase *tc = tcase_create("kinds");
	tcase_add_test(tc, test_kinds);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
