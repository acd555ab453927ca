/* lib.c: shared fixtures for the Check suites. */
#define _XOPEN_SOURCE 700
#include "lib.h"

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"

int
test_run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

char *
test_write_temp(const char *name_hint, const char *data, size_t len)
{
	char *dir = test_temp_dir();
	size_t n = strlen(dir) + strlen(name_hint) + 2;
	char *path = malloc(n);
	ck_assert_ptr_nonnull(path);
	snprintf(path, n, "%s/%s", dir, name_hint);
	free(dir);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

char *
test_temp_dir(void)
{
	const char *base = getenv("TMPDIR");
	char tmpl[4096];
	snprintf(tmpl, sizeof tmpl, "%s/irate-test-XXXXXX", base && *base ? base : "/tmp");
	char *d = mkdtemp(tmpl);
	ck_assert_ptr_nonnull(d);
	return strdup(d);
}

char *
test_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	ck_assert_ptr_nonnull(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static int
rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

void
test_rmrf(const char *path)
{
	nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *
test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n < 2) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
test_list_names(const char *dir, const char *suffix, size_t *n)
{
	*n = 0;
	DIR *dp = opendir(dir);
	if (dp == NULL)
		return NULL;
	char **names = NULL;
	size_t sl = strlen(suffix);
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l > sl && strcmp(de->d_name + l - sl, suffix) == 0) {
			names = realloc(names, (*n + 1) * sizeof *names);
			names[(*n)++] = strndup(de->d_name, l - sl);
		}
	}
	closedir(dp);
	if (*n)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

void
test_free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

void
test_assert_golden(const char *path, const char *got)
{
	const char *up = getenv("IRATE_UPDATE_GOLDEN");
	if (up && strcmp(up, "1") == 0) {
		FILE *f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		fputs(got, f);
		fclose(f);
	}
	char *want = test_read_file(path, NULL);
	ck_assert_msg(want != NULL, "cannot read %s", path);
	ck_assert_msg(strcmp(want, got) == 0, "%s differs:\n--- want\n%s--- got\n%s",
	    path, want, got);
	free(want);
}

char *
test_diags_text(const struct diags *d)
{
	struct buf b = {0};
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		buf_printf(&b, "%s\n", s);
		free(s);
	}
	return buf_take(&b);
}
