/* test_scenario_lint.c: golden tests for scenario loading and lint — each
 * tests/data/lint/NAME.json is loaded and linted, and every message must
 * equal tests/data/lint/NAME.expected (IRATE_UPDATE_GOLDEN=1 rewrites them). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "scenario_lint.h"
#include "scenario.h"
#include "lib.h"

#define DIR_LINT "tests/data/lint"

static char **cases;
static size_t ncases;

static void
find_cases(void)
{
	cases = test_list_names(DIR_LINT, ".json", &ncases);
}

START_TEST(test_golden)
{
	char path[512], expath[512];
	snprintf(path, sizeof path, DIR_LINT "/%s.json", cases[_i]);
	snprintf(expath, sizeof expath, DIR_LINT "/%s.expected", cases[_i]);
	struct scenario sc;
	struct diags d = {0};
	scenario_load(&sc, path, &d);
	scenario_lint(&sc, &d);
	char *out = test_diags_text(&d);
	test_assert_golden(expath, out);
	free(out);
	diags_free(&d);
	scenario_free(&sc);
}
END_TEST

/* Every shipped scenario must load and lint clean. */
START_TEST(test_shipped_clean)
{
	DIR *dp = opendir("scenarios");
	ck_assert_ptr_nonnull(dp);
	struct dirent *de;
	size_t n = 0;
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l <= 5 || strcmp(de->d_name + l - 5, ".json") != 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "scenarios/%s", de->d_name);
		struct scenario sc;
		struct diags d = {0};
		if (scenario_load(&sc, path, &d) == 0)
			scenario_lint(&sc, &d);
		if (d.n) {
			char *s = diag_format(&d.v[0]);
			ck_abort_msg("%s: %zu problems, first: %s", path, d.n, s);
		}
		char want[512];
		snprintf(want, sizeof want, "%s.json", sc.id);
		ck_assert_msg(strcmp(want, de->d_name) == 0,
		    "%s: the id should match the file name", path);
		diags_free(&d);
		scenario_free(&sc);
		n++;
	}
	closedir(dp);
	ck_assert_uint_ge(n, 3);
}
END_TEST

START_TEST(test_dot)
{
	struct scenario sc;
	struct diags d = {0};
	ck_assert_int_eq(scenario_load(&sc, DIR_LINT "/clean.json", &d), 0);
	char *dot = scenario_dot(&sc);
	ck_assert_ptr_nonnull(strstr(dot, "digraph \"clean\""));
	ck_assert_ptr_nonnull(strstr(dot, "\"a\" -> \"ok\" [label=\"1: met: apology\"]"));
	ck_assert_ptr_nonnull(strstr(dot, "\"a\" -> \"bad\" [label=\"2: otherwise\", style=dashed]"));
	ck_assert_ptr_nonnull(strstr(dot, "fillcolor=palegreen"));
	free(dot);
	diags_free(&d);
	scenario_free(&sc);
}
END_TEST

int
main(void)
{
	find_cases();
	Suite *s = suite_create("lint");
	TCase *tc = tcase_create("golden");
	tcase_add_loop_test(tc, test_golden, 0, (int)ncases);
	tcase_add_test(tc, test_shipped_clean);
	tcase_add_test(tc, test_dot);
	suite_add_tcase(s, tc);
	int rc = test_run_suite(s);
	test_free_names(cases, ncases);
	return ncases >= 5 ? rc : 1;
}
