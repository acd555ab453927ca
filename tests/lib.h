/* lib.h: shared fixtures for the Check suites (tests/lib.c). */
#ifndef IRATE_TESTS_LIB_H
#define IRATE_TESTS_LIB_H

#include <check.h>
#include <stddef.h>

#include "diag.h"

/* Run one suite with the usual runner; returns the process exit status. */
int test_run_suite(Suite *s);
/* Write data to a fresh temporary file; returns its path (caller frees and
 * unlinks).  name_hint becomes part of the file name (e.g. "x.json"). */
char *test_write_temp(const char *name_hint, const char *data, size_t len);
/* A fresh empty temporary directory (caller removes it with test_rmrf). */
char *test_temp_dir(void);
/* "dir/name" in a fresh string (the test frees it). */
char *test_join(const char *dir, const char *name);
/* Remove a directory tree. */
void test_rmrf(const char *path);
/* Read a whole file; NULL if it cannot be read.  Caller frees. */
char *test_read_file(const char *path, size_t *len);

/* Assert that the file at path holds exactly got (a golden file); with
 * IRATE_UPDATE_GOLDEN=1 in the environment, first rewrite it with got. */
void test_assert_golden(const char *path, const char *got);
/* Every entry of d formatted as "file:line:col: ...\n" (caller frees). */
char *test_diags_text(const struct diags *d);

/* The names in dir ending in suffix, without it, sorted; *n gets the count.
 * Free with test_free_names.  NULL (and *n = 0) if dir cannot be read. */
char **test_list_names(const char *dir, const char *suffix, size_t *n);
void test_free_names(char **names, size_t n);

#endif
