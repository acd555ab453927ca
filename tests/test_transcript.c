/* test_transcript.c: creating, saving atomically and reloading transcripts;
 * trainee names as safe directory names. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib.h"
#include "scenario.h"
#include "trainee.h"
#include "transcript.h"

static struct scenario sc;
static char *dir;

static void
setup(void)
{
	struct diags d = {0};
	ck_assert_int_eq(scenario_load(&sc, "scenarios/late-order.json", &d), 0);
	diags_free(&d);
	dir = test_temp_dir();
}

static void
teardown(void)
{
	scenario_free(&sc);
	test_rmrf(dir);
	free(dir);
}

static void
fill_turn(struct transcript_turn *tu, const char *reply)
{
	memset(tu, 0, sizeof *tu);
	tu->node = (char *)"opening";
	tu->customer = (char *)"Where is my order?";
	tu->reply = (char *)reply;
	tu->seconds = 12.5;
	tu->at_fault = true;
	grading_init(&tu->grading);
	tu->grading.crit[CRIT_APOLOGY].detected = true;
	tu->grading.crit[CRIT_APOLOGY].met = true;
	tu->grading.crit[CRIT_APOLOGY].score = 90;
	grading_add_evidence(&tu->grading, CRIT_APOLOGY, reply, 0, 9, true,
	    "apologises");
	grading_add_pitfall(&tu->grading, PIT_TOO_LONG, reply, 0, 0, "long");
	tu->grading.overall = 44;
	tu->mood_before = 72;
	tu->mood_after = 60;
	tu->next_node = (char *)"wants_a_fix";
}

static size_t
count_files(const char *d, const char *suffix)
{
	DIR *dp = opendir(d);
	if (!dp)
		return 0;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name), sl = strlen(suffix);
		if (l > sl && strcmp(de->d_name + l - sl, suffix) == 0)
			n++;
	}
	closedir(dp);
	return n;
}

START_TEST(test_roundtrip)
{
	struct transcript t;
	struct diags d = {0};
	ck_assert_int_eq(transcript_create(&t, dir, "Anna Kalniņa", &sc,
	    "practice", 42, "Where is my order?", &d), 0);
	/* The file exists and is valid from the start. */
	struct transcript r;
	ck_assert_int_eq(transcript_load(&r, t.path, &d), 0);
	ck_assert_uint_eq(r.nturns, 0);
	ck_assert_str_eq(r.status, "in_progress");
	transcript_free(&r);

	struct transcript_turn tu;
	fill_turn(&tu, "I'm sorry, Dana. Your order is late.");
	ck_assert_int_eq(transcript_add_turn(&t, &tu, &d), 0);
	grading_free(&tu.grading);
	fill_turn(&tu, "Second reply with ünïcödé and \"quotes\".");
	ck_assert_int_eq(transcript_add_turn(&t, &tu, &d), 0);
	grading_free(&tu.grading);
	ck_assert_int_eq(transcript_finish(&t, "finished", END_RESOLVED,
	    "Thanks.", &d), 0);

	ck_assert_int_eq(transcript_load(&r, t.path, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(r.trainee, "Anna Kalniņa");
	ck_assert_str_eq(r.scenario_id, "late-order");
	ck_assert_str_eq(r.scenario_hash, sc.hash);
	ck_assert_msg(r.scenario_file[0] == '/', "scenario file %s is not absolute",
	    r.scenario_file);
	ck_assert_ptr_nonnull(strstr(r.scenario_file, "/scenarios/late-order.json"));
	ck_assert_str_eq(r.mode, "practice");
	ck_assert_uint_eq(r.seed, 42);
	ck_assert_str_eq(r.status, "finished");
	ck_assert_int_eq(r.ending, END_RESOLVED);
	ck_assert_str_eq(r.closing, "Thanks.");
	ck_assert_uint_eq(r.nturns, 2);
	ck_assert_int_eq(r.turns[0].n, 1);
	ck_assert_int_eq(r.turns[1].n, 2);
	ck_assert_str_eq(r.turns[1].reply, "Second reply with ünïcödé and \"quotes\".");
	ck_assert_int_eq(r.turns[0].mood_after, 60);
	ck_assert(r.turns[0].grading.crit[CRIT_APOLOGY].met);
	ck_assert_uint_eq(r.turns[0].grading.crit[CRIT_APOLOGY].nev, 1);
	ck_assert_str_eq(r.turns[0].grading.crit[CRIT_APOLOGY].ev[0].text, "I'm sorry");
	ck_assert_uint_eq(r.turns[0].grading.npits, 1);
	ck_assert_int_eq(transcript_overall(&r), 44);
	ck_assert_ptr_nonnull(r.ended);
	transcript_free(&r);

	/* Atomic writes leave no temporary files behind. */
	char *tdir = transcript_dir(dir, "Anna Kalniņa");
	ck_assert_uint_eq(count_files(tdir, ".json"), 1);
	ck_assert_uint_eq(count_files(tdir, ".tmp"), 0);
	ck_assert_ptr_nonnull(strstr(tdir, "/transcripts/Anna%20Kalni%C5%86a"));
	free(tdir);
	transcript_free(&t);
	diags_free(&d);
}
END_TEST

START_TEST(test_unique_names)
{
	struct diags d = {0};
	struct transcript t[5];
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(transcript_create(&t[i], dir, "same", &sc,
		    "exam", 1, "x", &d), 0);
	for (int i = 0; i < 5; i++)
		for (int j = 0; j < i; j++)
			ck_assert_str_ne(t[i].path, t[j].path);
	for (int i = 0; i < 5; i++)
		transcript_free(&t[i]);
	diags_free(&d);
}
END_TEST

START_TEST(test_refused_trainee)
{
	struct diags d = {0};
	struct transcript t;
	ck_assert_int_eq(transcript_create(&t, dir, "bad\x1b[31mname", &sc,
	    "exam", 1, "x", &d), -1);
	ck_assert_ptr_nonnull(strstr(d.v[0].msg, "control character"));
	transcript_free(&t);
	diags_free(&d);
}
END_TEST

struct name_case {
	const char *name;
	bool valid;
	const char *dirname;
};

static const struct name_case names[] = {
	{"ana", true, "ana"},
	{"../x", true, "%2E%2E%2Fx"},
	{"/", true, "%2F"},
	{".", true, "%2E"},
	{"a b", true, "a%20b"},
	{"Ana-Marie_2", true, "Ana-Marie_2"},
	{"ბოდიში", true, "%E1%83%91%E1%83%9D%E1%83%93%E1%83%98%E1%83%A8%E1%83%98"},
	{"%41", true, "%2541"},
	{"", false, NULL},
	{"   ", false, NULL},
	{"tab\there", false, NULL},
	{"nl\n", false, NULL},
	{"\xff\xfe", false, NULL},
	{"rtl\xe2\x80\xaeoverride", false, NULL},
	{"0123456789012345678901234567890123456789012345678901234567890123", true, NULL},
	{"01234567890123456789012345678901234567890123456789012345678901234", false, NULL},
};

START_TEST(test_names)
{
	const struct name_case *c = &names[_i];
	const char *why = NULL;
	ck_assert_msg(trainee_valid(c->name, &why) == c->valid, "%s", c->name);
	if (!c->valid) {
		ck_assert_ptr_nonnull(why);
		return;
	}
	char *enc = trainee_dirname(c->name);
	if (c->dirname)
		ck_assert_str_eq(enc, c->dirname);
	ck_assert_ptr_null(strchr(enc, '/'));
	ck_assert(enc[0] != '.');
	char *back = trainee_from_dirname(enc);
	ck_assert_ptr_nonnull(back);
	ck_assert_str_eq(back, c->name);
	free(back);
	free(enc);
}
END_TEST

START_TEST(test_from_dirname_rejects)
{
	ck_assert_ptr_null(trainee_from_dirname("a%2"));
	ck_assert_ptr_null(trainee_from_dirname("a%41")); /* 'A' is never encoded */
	ck_assert_ptr_null(trainee_from_dirname(".."));
	ck_assert_ptr_null(trainee_from_dirname("%0A"));
}
END_TEST

START_TEST(test_remember)
{
	ck_assert_ptr_null(trainee_remembered(dir));
	ck_assert_int_eq(trainee_remember(dir, "Ilze"), 0);
	char *r = trainee_remembered(dir);
	ck_assert_str_eq(r, "Ilze");
	free(r);
	char *c = trainee_choose(NULL, dir);
	ck_assert_str_eq(c, "Ilze");
	free(c);
	c = trainee_choose("Given", dir);
	ck_assert_str_eq(c, "Given");
	free(c);
}
END_TEST

struct bad_transcript {
	const char *text;
	const char *msg;
};

static const struct bad_transcript bad[] = {
	{"{\"format\": 2}", "transcript format 2 is not supported"},
	{"[]", "must hold one JSON object"},
	{"{\"format\": 1, \"trainee\": \"a\", \"scenario\": {\"id\": \"x\"}, \"mode\": \"practice\", \"seed\": 1, \"started\": \"t\", \"status\": \"weird\", \"start_mood\": 5, \"mood\": 5, \"turns\": []}", "unknown status \"weird\""},
	{"{\"format\": 1, \"trainee\": \"a\", \"scenario\": {\"id\": \"x\"}, \"mode\": \"practice\", \"seed\": -1, \"started\": \"t\", \"status\": \"finished\", \"start_mood\": 5, \"mood\": 5, \"turns\": [{\"n\": 1}]}", "seed: must be between"},
	{"{\"format\": 1", "not valid JSON"},
};

START_TEST(test_bad_files)
{
	char *p = test_write_temp("t.json", bad[_i].text, strlen(bad[_i].text));
	struct transcript t;
	struct diags d = {0};
	ck_assert_int_eq(transcript_load(&t, p, &d), -1);
	bool found = false;
	for (size_t i = 0; i < d.n; i++) {
		char *s = diag_format(&d.v[i]);
		found |= strstr(s, bad[_i].msg) != NULL;
		free(s);
	}
	ck_assert_msg(found, "no message with \"%s\"", bad[_i].msg);
	transcript_free(&t);
	diags_free(&d);
	remove(p);
	free(p);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("transcript");
	TCase *tc = tcase_create("files");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_unique_names);
	tcase_add_test(tc, test_refused_trainee);
	tcase_add_test(tc, test_remember);
	tcase_add_loop_test(tc, test_bad_files, 0, sizeof bad / sizeof *bad);
	suite_add_tcase(s, tc);
	TCase *tn = tcase_create("names");
	tcase_add_loop_test(tn, test_names, 0, sizeof names / sizeof *names);
	tcase_add_test(tn, test_from_dirname_rejects);
	suite_add_tcase(s, tn);
	return test_run_suite(s);
}
