/* test_course.c: course files (golden messages for tests/data/course/NAME.json
 * in NAME.expected; IRATE_UPDATE_GOLDEN=1 rewrites them) and progress
 * through a course computed from fixture transcripts. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "course.h"
#include "course_progress.h"
#include "diag.h"
#include "lib.h"
#include "transcript.h"

#define DIR_COURSE "tests/data/course"
#define SCENARIOS "scenarios"

static char **cases;
static size_t ncases;

static void
find_cases(void)
{
	cases = test_list_names(DIR_COURSE, ".json", &ncases);
}

START_TEST(test_golden)
{
	char path[512], expath[512];
	snprintf(path, sizeof path, DIR_COURSE "/%s.json", cases[_i]);
	snprintf(expath, sizeof expath, DIR_COURSE "/%s.expected", cases[_i]);
	struct course c;
	struct diags d = {0};
	course_load(&c, path, SCENARIOS, &d);
	course_lint(&c, &d);
	char *out = test_diags_text(&d);
	test_assert_golden(expath, out);
	free(out);
	diags_free(&d);
	course_free(&c);
}
END_TEST

/* What the loader makes of a good file. */
START_TEST(test_good_fields)
{
	struct course c;
	struct diags d = {0};
	ck_assert_int_eq(course_load(&c, DIR_COURSE "/good.json", SCENARIOS, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(c.id, "test-course");
	ck_assert_uint_eq(c.nsteps, 4);
	ck_assert_str_eq(c.steps[0].file, SCENARIOS "/dry-cleaning-stain.json");
	ck_assert(!c.steps[0].after_previous);
	ck_assert(c.steps[1].after_previous);
	ck_assert_int_eq(c.steps[1].crit_pass[CRIT_EMPATHY], 50);
	ck_assert_int_eq(c.steps[1].crit_pass[CRIT_CALM], -1);
	ck_assert(c.steps[2].exam);
	ck_assert(c.steps[2].after_previous); /* the default */
	ck_assert_str_eq(c.steps[2].note, "No feedback.");
	ck_assert_str_eq(c.steps[3].file, DIR_COURSE "/scenarios/clean.json");
	ck_assert_str_eq(c.steps[3].scenario_id, "clean");
	course_free(&c);
}
END_TEST

START_TEST(test_shipped_clean)
{
	DIR *dp = opendir("courses");
	ck_assert_ptr_nonnull(dp);
	struct dirent *de;
	size_t n = 0;
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l <= 5 || strcmp(de->d_name + l - 5, ".json") != 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "courses/%s", de->d_name);
		ck_assert(course_file_is_course(path));
		struct course c;
		struct diags d = {0};
		if (course_load(&c, path, SCENARIOS, &d) == 0)
			course_lint(&c, &d);
		if (d.n) {
			char *s = diag_format(&d.v[0]);
			ck_abort_msg("%s: %zu problems, first: %s", path, d.n, s);
		}
		char want[512];
		snprintf(want, sizeof want, "%s.json", c.id);
		ck_assert_msg(strcmp(want, de->d_name) == 0,
		    "%s: the id should match the file name", path);
		diags_free(&d);
		course_free(&c);
		n++;
	}
	closedir(dp);
	ck_assert_uint_ge(n, 1);
}
END_TEST

START_TEST(test_is_course)
{
	ck_assert(course_file_is_course(DIR_COURSE "/good.json"));
	ck_assert(!course_file_is_course(SCENARIOS "/late-order.json"));
	ck_assert(!course_file_is_course(DIR_COURSE "/wrong-kind.json"));
	ck_assert(!course_file_is_course(DIR_COURSE "/not-an-object.json"));
	ck_assert(!course_file_is_course(DIR_COURSE "/no-such-file.json"));
}
END_TEST

/* One fixture session: scenario, mode, status, overall and empathy mean. */
struct session_fix {
	const char *id, *mode, *status;
	int overall, empathy;
};

/* Save a session as a real transcript (one turn), as test_history does. */
static void
save_session(const char *dir, const struct session_fix *f)
{
	struct scenario sc;
	memset(&sc, 0, sizeof sc);
	sc.id = (char *)f->id;
	sc.title = (char *)"A title";
	sc.file = (char *)"x.json";
	sc.hash = (char *)"sha256:00";
	sc.start_mood = 70;
	sc.turn_limit = 8;
	struct transcript t;
	struct diags d = {0};
	ck_assert_int_eq(transcript_create(&t, dir, "ana", &sc, f->mode, 1,
	    "Hello?", &d), 0);
	struct transcript_turn tu;
	memset(&tu, 0, sizeof tu);
	tu.n = 1;
	tu.node = (char *)"opening";
	tu.customer = (char *)"Where is it?";
	tu.reply = (char *)"Sorry.";
	tu.next_node = (char *)"end";
	grading_init(&tu.grading);
	tu.grading.overall = f->overall;
	tu.grading.crit[CRIT_EMPATHY].score = f->empathy;
	ck_assert_int_eq(transcript_add_turn(&t, &tu, &d), 0);
	bool fin = strcmp(f->status, "finished") == 0;
	ck_assert_int_eq(transcript_finish(&t, f->status,
	    fin ? END_RESOLVED : END_NONE, NULL, &d), 0);
	/* The fixture must read back as any transcript does. */
	struct transcript back;
	ck_assert_int_eq(transcript_load(&back, t.path, &d), 0);
	transcript_free(&back);
	transcript_free(&t);
	ck_assert_uint_eq(d.n, 0);
	diags_free(&d);
}

#define L STEP_LOCKED
#define O STEP_OPEN
#define F STEP_FAILED
#define P STEP_PASSED
#define NONE SIZE_MAX

/* Steps of good.json: 1 dry-cleaning-stain practice 60 (always);
 * 2 late-order practice 65 + empathy 50; 3 late-order exam 70;
 * 4 clean practice 50 (always). */
static const struct {
	const char *what;
	struct session_fix s[4];
	enum step_state want[4];
	int attempts[4], best[4];
	size_t passed, next;
} progress_cases[] = {
	{"nothing played", {{0}}, {O, L, L, O}, {0, 0, 0, 0}, {-1, -1, -1, -1},
	    0, 0},
	{"first passed unlocks the second",
	    {{"dry-cleaning-stain", "practice", "finished", 65, 0}},
	    {P, O, L, O}, {1, 0, 0, 0}, {65, -1, -1, -1}, 1, 1},
	{"a failing attempt stays failed; other modes and unfinished don't count",
	    {{"dry-cleaning-stain", "practice", "finished", 55, 0},
	     {"dry-cleaning-stain", "exam", "finished", 90, 0},
	     {"dry-cleaning-stain", "practice", "unfinished", 95, 0}},
	    {F, L, L, O}, {1, 0, 0, 0}, {55, -1, -1, -1}, 0, 0},
	{"the best attempt counts",
	    {{"dry-cleaning-stain", "practice", "finished", 40, 0},
	     {"dry-cleaning-stain", "practice", "finished", 60, 0},
	     {"dry-cleaning-stain", "practice", "finished", 50, 0}},
	    {P, O, L, O}, {3, 0, 0, 0}, {60, -1, -1, -1}, 1, 1},
	{"overall met but a criterion missed",
	    {{"dry-cleaning-stain", "practice", "finished", 70, 0},
	     {"late-order", "practice", "finished", 90, 40}},
	    {P, F, L, O}, {1, 1, 0, 0}, {70, 90, -1, -1}, 1, 1},
	{"criterion and overall must hold in one session",
	    {{"dry-cleaning-stain", "practice", "finished", 70, 0},
	     {"late-order", "practice", "finished", 90, 40},
	     {"late-order", "practice", "finished", 50, 80}},
	    {P, F, L, O}, {1, 2, 0, 0}, {70, 90, -1, -1}, 1, 1},
	{"practice then exam",
	    {{"dry-cleaning-stain", "practice", "finished", 70, 0},
	     {"late-order", "practice", "finished", 70, 50},
	     {"late-order", "exam", "finished", 69, 0}},
	    {P, P, F, O}, {1, 1, 1, 0}, {70, 70, 69, -1}, 2, 2},
	{"a later step passed out of order; the first stays next",
	    {{"late-order", "practice", "finished", 80, 80},
	     {"clean", "practice", "finished", 50, 0}},
	    {O, P, O, P}, {0, 1, 0, 1}, {-1, 80, -1, 50}, 2, 0},
	{"complete",
	    {{"dry-cleaning-stain", "practice", "finished", 60, 0},
	     {"late-order", "practice", "finished", 65, 50},
	     {"late-order", "exam", "finished", 70, 0},
	     {"clean", "practice", "finished", 100, 0}},
	    {P, P, P, P}, {1, 1, 1, 1}, {60, 65, 70, 100}, 4, NONE},
};

START_TEST(test_progress)
{
	const char *what = progress_cases[_i].what;
	struct course c;
	struct diags d = {0};
	ck_assert_int_eq(course_load(&c, DIR_COURSE "/good.json", SCENARIOS, &d), 0);
	char *dir = test_temp_dir();
	for (size_t k = 0; k < 4 && progress_cases[_i].s[k].id; k++)
		save_session(dir, &progress_cases[_i].s[k]);
	struct course_progress p;
	course_progress_scan(&p, &c, dir, "ana", &d);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(p.n, 4);
	for (size_t k = 0; k < 4; k++) {
		ck_assert_msg(p.v[k].state == progress_cases[_i].want[k],
		    "%s: step %zu is %s, want %s", what, k + 1,
		    step_state_name(p.v[k].state),
		    step_state_name(progress_cases[_i].want[k]));
		ck_assert_msg(p.v[k].attempts == progress_cases[_i].attempts[k],
		    "%s: step %zu attempts %d", what, k + 1, p.v[k].attempts);
		ck_assert_msg(p.v[k].best == progress_cases[_i].best[k],
		    "%s: step %zu best %d", what, k + 1, p.v[k].best);
	}
	ck_assert_msg(p.passed == progress_cases[_i].passed, "%s: passed %zu",
	    what, p.passed);
	ck_assert_msg(p.next == progress_cases[_i].next, "%s: next %zu", what,
	    p.next);
	ck_assert(p.complete == (progress_cases[_i].passed == 4));
	course_progress_free(&p);
	course_free(&c);
	diags_free(&d);
	test_rmrf(dir);
	free(dir);
}
END_TEST

/* A transcript that cannot be read is a warning, not a failure. */
START_TEST(test_progress_bad_file)
{
	struct course c;
	struct diags d = {0};
	ck_assert_int_eq(course_load(&c, DIR_COURSE "/good.json", SCENARIOS, &d), 0);
	char *dir = test_temp_dir();
	struct session_fix f = {"dry-cleaning-stain", "practice", "finished", 80, 0};
	save_session(dir, &f);
	char *tdir = transcript_dir(dir, "ana");
	char *bad = malloc(strlen(tdir) + 16);
	sprintf(bad, "%s/broken.json", tdir);
	FILE *fp = fopen(bad, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("{\"format\": 1,", fp);
	fclose(fp);
	struct course_progress p;
	ck_assert_int_eq(course_progress_scan(&p, &c, dir, "ana", &d), 1);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.v[0].sev, DIAG_WARNING);
	ck_assert_int_eq(p.v[0].state, STEP_PASSED);
	course_progress_free(&p);
	diags_free(&d);
	course_free(&c);
	free(bad);
	free(tdir);
	test_rmrf(dir);
	free(dir);
}
END_TEST

static const struct {
	struct step_progress sp;
	const char *want;
} state_texts[] = {
	{{STEP_LOCKED, 0, 0, -1}, "locked"},
	{{STEP_OPEN, 0, 0, -1}, "open"},
	{{STEP_FAILED, 1, 0, 22}, "failed (1 attempt)"},
	{{STEP_FAILED, 3, 0, 40}, "failed (3 attempts)"},
	{{STEP_PASSED, 2, 1, 70}, "passed"},
};

START_TEST(test_state_text)
{
	char *got = step_state_text(&state_texts[_i].sp);
	ck_assert_str_eq(got, state_texts[_i].want);
	free(got);
}
END_TEST

/* The shipped courses directory loads clean. */
START_TEST(test_dir_shipped)
{
	struct course *v;
	struct diags d = {0};
	size_t n = course_dir_load(&v, "courses", SCENARIOS, &d);
	ck_assert_uint_ge(n, 1);
	ck_assert_uint_eq(d.n, 0);
	bool found = false;
	for (size_t i = 0; i < n; i++)
		found |= strcmp(v[i].id, "new-hire-day-one") == 0;
	ck_assert(found);
	course_dir_free(v, n);
	diags_free(&d);
}
END_TEST

/* A directory of good and broken files: the broken ones are reported and
 * left out, the rest sorted by file name. */
START_TEST(test_dir_mixed)
{
	struct course *v;
	struct diags d = {0};
	size_t n = course_dir_load(&v, DIR_COURSE, SCENARIOS, &d);
	ck_assert_uint_ge(n, 1);
	ck_assert_uint_gt(d.nerrors, 0);
	for (size_t i = 0; i + 1 < n; i++)
		ck_assert_int_lt(strcmp(v[i].file, v[i + 1].file), 0);
	bool good = false;
	for (size_t i = 0; i < n; i++)
		good |= strstr(v[i].file, "/good.json") != NULL;
	ck_assert(good);
	for (size_t i = 0; i < n; i++)
		ck_assert_ptr_null(strstr(v[i].file, "bad-keys"));
	course_dir_free(v, n);
	diags_free(&d);
}
END_TEST

START_TEST(test_dir_missing)
{
	struct course *v;
	struct diags d = {0};
	ck_assert_uint_eq(course_dir_load(&v, DIR_COURSE "/no-such-dir",
	    SCENARIOS, &d), 0);
	ck_assert_uint_eq(d.nerrors, 1);
	course_dir_free(v, 0);
	diags_free(&d);
}
END_TEST

static Suite *
course_suite(void)
{
	Suite *s = suite_create("course");
	TCase *tc = tcase_create("load");
	tcase_set_timeout(tc, 20);
	find_cases();
	tcase_add_loop_test(tc, test_golden, 0, (int)ncases);
	tcase_add_test(tc, test_good_fields);
	tcase_add_test(tc, test_shipped_clean);
	tcase_add_test(tc, test_is_course);
	suite_add_tcase(s, tc);
	TCase *tp = tcase_create("progress");
	tcase_set_timeout(tp, 20);
	tcase_add_loop_test(tp, test_progress, 0,
	    (int)(sizeof progress_cases / sizeof *progress_cases));
	tcase_add_test(tp, test_progress_bad_file);
	tcase_add_loop_test(tp, test_state_text, 0,
	    (int)(sizeof state_texts / sizeof *state_texts));
	suite_add_tcase(s, tp);
	TCase *td = tcase_create("directory");
	tcase_set_timeout(td, 20);
	tcase_add_test(td, test_dir_shipped);
	tcase_add_test(td, test_dir_mixed);
	tcase_add_test(td, test_dir_missing);
	suite_add_tcase(s, td);
	return s;
}

int
main(void)
{
	return test_run_suite(course_suite());
}
