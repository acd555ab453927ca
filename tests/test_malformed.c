/* test_malformed.c: every reader of user data over JSONTestSuite and over
 * format-specific malformed files (tests/data/malformed/cases.txt). */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "course.h"
#include "gradeline.h"
#include "jsondoc.h"
#include "lib.h"
#include "review.h"
#include "scenario.h"
#include "score.h"
#include "transcript.h"
#include "utf8.h"

#define SUITE_DIR "../shared/external/JSONTestSuite/test_parsing"
#define CASES_FILE "tests/data/malformed/cases.txt"

enum reader {
	R_SCENARIO, R_COURSE, R_TRANSCRIPT, R_REVIEW, R_LEXICON, R_GRADELINE,
	R_COUNT
};

static const char *const reader_names[R_COUNT] = {
	"scenario", "course", "transcript", "review", "lexicon", "gradeline",
};

static char **suite_files; /* sorted names in SUITE_DIR */
static size_t nsuite_files;

/* Messages about a whole file, reported without a line and column. */
static const char *const whole_file_msgs[] = {
	"cannot open", "is a directory", "read error", "file is too large",
	"line is too long", NULL,
};

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot write %s", path);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* Run reader r over data[0..len).  Returns 0 when accepted, -1 when
 * refused; every problem goes into d. */
static int
run_reader(enum reader r, const char *data, size_t len, struct diags *d)
{
	if (r == R_GRADELINE) {
		struct gradeline gl;
		enum gradeline_status st = gradeline_parse(&gl, "in.jsonl", 3,
		    data, len, d);
		gradeline_free(&gl);
		return st == GRADELINE_BAD ? -1 : 0;
	}
	char *dir = test_temp_dir();
	char *path = NULL;
	int rc = -1;
	switch (r) {
	case R_SCENARIO: {
		path = test_join(dir, "sc.json");
		write_file(path, data, len);
		struct scenario sc;
		rc = scenario_load(&sc, path, d);
		scenario_free(&sc);
		break;
	}
	case R_COURSE: {
		path = test_join(dir, "course.json");
		write_file(path, data, len);
		struct course c;
		rc = course_load(&c, path, "scenarios", d);
		course_free(&c);
		break;
	}
	case R_TRANSCRIPT: {
		path = test_join(dir, "t.json");
		write_file(path, data, len);
		struct transcript t;
		rc = transcript_load(&t, path, d);
		transcript_free(&t);
		break;
	}
	case R_REVIEW: {
		path = test_join(dir, "t.review.sup.json");
		write_file(path, data, len);
		struct review rv;
		rc = review_load(&rv, path, d);
		review_free(&rv);
		break;
	}
	case R_LEXICON: {
		char *lexdir = test_join(dir, "lexicon"), *tipdir = test_join(dir, "tips");
		ck_assert_int_eq(mkdir(lexdir, 0700), 0);
		ck_assert_int_eq(mkdir(tipdir, 0700), 0);
		path = test_join(lexdir, "en.json");
		write_file(path, data, len);
		size_t tlen;
		char *tips = test_read_file("assets/tips/en.json", &tlen);
		ck_assert_ptr_nonnull(tips);
		char *tpath = test_join(tipdir, "en.json");
		write_file(tpath, tips, tlen);
		free(tips);
		free(tpath);
		struct scorer *s = NULL;
		rc = scorer_load(dir, "en", &s, d);
		if (rc == 0)
			scorer_free(s);
		free(lexdir);
		free(tipdir);
		break;
	}
	default:
		ck_abort_msg("unknown reader %d", r);
	}
	free(path);
	test_rmrf(dir);
	free(dir);
	return rc;
}

static bool
is_whole_file_msg(const char *msg)
{
	for (size_t i = 0; whole_file_msgs[i]; i++)
		if (strncmp(msg, whole_file_msgs[i], strlen(whole_file_msgs[i])) == 0)
			return true;
	return false;
}

/* A refusal must hold at least one error, and every error a file name and
 * a place (or be one of the whole-file messages). */
static void
check_refusal(const char *what, enum reader r, const struct diags *d)
{
	ck_assert_msg(d->nerrors >= 1, "%s: %s refused it with no error", what,
	    reader_names[r]);
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *dg = &d->v[i];
		ck_assert_msg(dg->msg && *dg->msg, "%s: %s: empty message", what,
		    reader_names[r]);
		ck_assert_msg(dg->file && *dg->file, "%s: %s: no file name in '%s'",
		    what, reader_names[r], dg->msg);
		ck_assert_msg(strlen(dg->msg) <= DIAG_MAX_TEXT &&
		    (dg->path == NULL || strlen(dg->path) <= DIAG_MAX_TEXT),
		    "%s: %s: message or path over %d bytes", what,
		    reader_names[r], DIAG_MAX_TEXT);
		ck_assert_msg((dg->line >= 1 && dg->col >= 1) ||
		    is_whole_file_msg(dg->msg),
		    "%s: %s: unlocated message %d:%d '%s'", what, reader_names[r],
		    dg->line, dg->col, dg->msg);
	}
}

static bool
is_syntax_msg(const char *msg)
{
	return strncmp(msg, "not valid JSON", 14) == 0 ||
	    strncmp(msg, "not JSON", 8) == 0 || strstr(msg, "UTF-8") ||
	    strstr(msg, "NUL byte") || strstr(msg, "nested too deeply");
}

static char *
suite_read(size_t i, size_t *len)
{
	char *path = test_join(SUITE_DIR, suite_files[i]);
	char *data = test_read_file(path, len);
	ck_assert_msg(data != NULL, "cannot read %s", path);
	free(path);
	return data;
}

/* One JSONTestSuite file through one reader. */
static void
suite_case(enum reader r, size_t i)
{
	const char *name = suite_files[i];
	size_t len;
	char *data = suite_read(i, &len);
	struct diags d = {0};
	int rc = run_reader(r, data, len, &d);
	if (name[0] == 'n') {
		bool blank = r == R_GRADELINE && rc == 0 &&
		    strspn(data, " \t\r\n") == len;
		ck_assert_msg(rc != 0 || blank, "%s: %s accepted an n_ file", name,
		    reader_names[r]);
	}
	if (name[0] == 'y' && (r == R_SCENARIO || r == R_COURSE ||
	    r == R_TRANSCRIPT)) {
		ck_assert_msg(rc != 0, "%s: %s accepted it", name, reader_names[r]);
		for (size_t k = 0; k < d.n; k++)
			ck_assert_msg(!is_syntax_msg(d.v[k].msg),
			    "%s: %s: valid JSON refused as '%s'", name,
			    reader_names[r], d.v[k].msg);
	}
	if (rc != 0)
		check_refusal(name, r, &d);
	diags_free(&d);
	free(data);
}

START_TEST(test_suite_scenario) { suite_case(R_SCENARIO, (size_t)_i); }
END_TEST
START_TEST(test_suite_course) { suite_case(R_COURSE, (size_t)_i); }
END_TEST
START_TEST(test_suite_transcript) { suite_case(R_TRANSCRIPT, (size_t)_i); }
END_TEST
START_TEST(test_suite_review) { suite_case(R_REVIEW, (size_t)_i); }
END_TEST
START_TEST(test_suite_lexicon) { suite_case(R_LEXICON, (size_t)_i); }
END_TEST
START_TEST(test_suite_gradeline) { suite_case(R_GRADELINE, (size_t)_i); }
END_TEST

/* The file as the value of "reply" in a grade line, when it is JSON:
 * a non-empty string is graded, anything else refused at "reply". */
START_TEST(test_suite_gradeline_reply)
{
	const char *name = suite_files[_i];
	size_t len;
	char *data = suite_read((size_t)_i, &len);
	struct diags d = {0};
	struct jsondoc doc;
	if (jsondoc_parse(&doc, name, data, len, &d) == 0) {
		bool is_string = cJSON_IsString(doc.root) &&
		    doc.root->valuestring[0] != '\0';
		const char *json = data;
		if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
			json += 3; /* a byte-order mark starts a file, not a value */
			len -= 3;
		}
		static const char pre[] = "{\"reply\": ", post[] = "}";
		size_t n = sizeof pre - 1 + len + sizeof post - 1;
		char *line = malloc(n + 1);
		ck_assert_ptr_nonnull(line);
		memcpy(line, pre, sizeof pre - 1);
		memcpy(line + sizeof pre - 1, json, len);
		memcpy(line + sizeof pre - 1 + len, post, sizeof post);
		struct diags d2 = {0};
		struct gradeline gl;
		enum gradeline_status st = gradeline_parse(&gl, "in.jsonl", 9, line,
		    n, &d2);
		if (is_string) {
			ck_assert_msg(st == GRADELINE_OK, "%s: a string reply refused: %s",
			    name, d2.n ? d2.v[0].msg : "");
			ck_assert_ptr_nonnull(gl.reply);
		} else {
			ck_assert_msg(st == GRADELINE_BAD, "%s: %s reply accepted",
			    name, jd_type_name(doc.root));
			check_refusal(name, R_GRADELINE, &d2);
			bool at_reply = false;
			for (size_t k = 0; k < d2.n; k++)
				if ((d2.v[k].path && strcmp(d2.v[k].path, "reply") == 0) ||
				    strstr(d2.v[k].msg, "\"reply\""))
					at_reply = true;
			ck_assert_msg(at_reply, "%s: no problem reported at reply", name);
		}
		gradeline_free(&gl);
		diags_free(&d2);
		free(line);
	}
	jsondoc_free(&doc);
	diags_free(&d);
	free(data);
}
END_TEST

START_TEST(test_suite_present)
{
	ck_assert_msg(nsuite_files == 318,
	    "JSONTestSuite: expected 318 files in %s, found %zu (is "
	    "../shared/external/JSONTestSuite checked out?)", SUITE_DIR,
	    nsuite_files);
}
END_TEST

/* ---- format-specific cases: tests/data/malformed/cases.txt ---- */

struct mcase {
	enum reader r;
	char *file;      /* under tests/data/malformed/, or "@generator" */
	bool accept;     /* expected to be accepted ("-" as the message) */
	char *expect;    /* substring of one error message */
};

static struct mcase *mcases;
static size_t nmcases;

static int
reader_from_name(const char *s)
{
	for (int r = 0; r < R_COUNT; r++)
		if (strcmp(s, reader_names[r]) == 0)
			return r;
	return -1;
}

/* Lines: reader <TAB> file <TAB> expected message substring, or "-" when
 * the file must be accepted.  '#' starts a comment line. */
static void
mcases_read(void)
{
	FILE *f = fopen(CASES_FILE, "r");
	if (f == NULL)
		return;
	char buf[1024];
	size_t cap = 0;
	while (fgets(buf, sizeof buf, f)) {
		buf[strcspn(buf, "\r\n")] = '\0';
		if (buf[0] == '#' || buf[0] == '\0')
			continue;
		char *t1 = strchr(buf, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (t2 == NULL)
			continue;
		*t1 = *t2 = '\0';
		if (nmcases == cap) {
			cap = cap ? 2 * cap : 32;
			mcases = realloc(mcases, cap * sizeof *mcases);
		}
		struct mcase *mc = &mcases[nmcases++];
		mc->r = (enum reader)reader_from_name(buf);
		mc->file = strdup(t1 + 1);
		mc->accept = strcmp(t2 + 1, "-") == 0;
		mc->expect = strdup(t2 + 1);
		if ((int)mc->r < 0)
			mc->r = R_COUNT; /* reported by the test */
	}
	fclose(f);
}

static void
mcases_free(void)
{
	for (size_t i = 0; i < nmcases; i++) {
		free(mcases[i].file);
		free(mcases[i].expect);
	}
	free(mcases);
}

struct gen {
	char *p;
	size_t n, cap;
};

static void
gen_put(struct gen *g, const char *s, size_t n)
{
	if (g->n + n + 1 > g->cap) {
		while (g->n + n + 1 > g->cap)
			g->cap = g->cap ? 2 * g->cap : 4096;
		g->p = realloc(g->p, g->cap);
		ck_assert_ptr_nonnull(g->p);
	}
	memcpy(g->p + g->n, s, n);
	g->n += n;
	g->p[g->n] = '\0';
}

static void
gen_puts(struct gen *g, const char *s)
{
	gen_put(g, s, strlen(s));
}

static void
gen_repeat(struct gen *g, const char *s, size_t times)
{
	for (size_t i = 0; i < times; i++)
		gen_puts(g, s);
}

/* The shipped late-order scenario with its title replaced by s. */
static void
gen_scenario_with(struct gen *g, const char *key, const char *value_json)
{
	size_t len;
	char *sc = test_read_file("scenarios/late-order.json", &len);
	ck_assert_ptr_nonnull(sc);
	char *brace = strchr(sc, '{');
	ck_assert_ptr_nonnull(brace);
	gen_put(g, sc, (size_t)(brace - sc) + 1);
	gen_puts(g, "\"");
	gen_puts(g, key);
	gen_puts(g, "\": ");
	gen_puts(g, value_json);
	gen_puts(g, ",");
	gen_puts(g, brace + 1);
	free(sc);
}

/* Generated inputs, too big to keep in the repository. */
static void
generate(const char *name, struct gen *g)
{
	if (strcmp(name, "@5mib") == 0) {
		gen_puts(g, "[");
		gen_repeat(g, "\"abcdefghijklmnopqrstuvwxyz0123456789\",", 5 * 1024 * 1024 / 39 + 1);
		gen_puts(g, "0]");
	} else if (strcmp(name, "@deep65") == 0) {
		gen_repeat(g, "[", 65);
		gen_repeat(g, "]", 65);
	} else if (strcmp(name, "@deep100000") == 0) {
		gen_repeat(g, "{\"a\":[", 50000);
	} else if (strcmp(name, "@nodes10000") == 0) {
		gen_puts(g, "{\"format\": 1, \"id\": \"big\", \"title\": \"Big\", "
		    "\"summary\": \"s\", \"industry\": \"retail\", \"language\": \"en\", "
		    "\"difficulty\": 1, \"customer\": {\"name\": \"Dana\", "
		    "\"persona\": \"p\", \"mood\": 50}, \"at_fault\": true, "
		    "\"facts\": [{\"id\": \"f\", \"text\": \"the order is late\"}], "
		    "\"turn_limit\": 10, \"start\": \"n0\", \"nodes\": {");
		char buf[160];
		for (int i = 0; i < 10000; i++) {
			snprintf(buf, sizeof buf, "%s\"n%d\": {\"say\": \"Line %d\", "
			    "\"next\": [{\"goto\": \"n%d\"}]}", i ? ", " : "", i, i,
			    (i + 1) % 10000);
			gen_puts(g, buf);
		}
		gen_puts(g, "}}");
	} else if (strcmp(name, "@items10000") == 0) {
		gen_puts(g, "{\"reply\": \"x\", \"facts\": [");
		gen_repeat(g, "\"fact\",", 9999);
		gen_puts(g, "\"fact\"], \"history\": [");
		gen_repeat(g, "[],", 9999);
		gen_puts(g, "[]]}");
	} else if (strcmp(name, "@title100000") == 0) {
		struct gen s = {0};
		gen_puts(&s, "\"");
		gen_repeat(&s, "0123456789", 10000);
		gen_puts(&s, "\"");
		gen_scenario_with(g, "note", s.p);
		free(s.p);
	} else if (strcmp(name, "@reply100000") == 0) {
		gen_puts(g, "{\"reply\": \"");
		gen_repeat(g, "I am sorry. ", 100000 / 12);
		gen_puts(g, "\", \"customer\": \"");
		gen_repeat(g, "\\u00e9", 100000);
		gen_puts(g, "\"}");
	} else if (strcmp(name, "@line2mib") == 0) {
		gen_puts(g, "{\"reply\": \"");
		gen_repeat(g, "x", 2 * 1024 * 1024);
		gen_puts(g, "\"}");
	} else if (strcmp(name, "@key100000") == 0) {
		gen_puts(g, "{\"");
		gen_repeat(g, "k", 100000);
		gen_puts(g, "\": 1}");
	} else {
		ck_abort_msg("unknown generator %s", name);
	}
}

START_TEST(test_case)
{
	const struct mcase *mc = &mcases[_i];
	ck_assert_msg(mc->r < R_COUNT, "%s: unknown reader", mc->file);
	char *data;
	size_t len;
	if (mc->file[0] == '@') {
		struct gen g = {0};
		generate(mc->file, &g);
		data = g.p;
		len = g.n;
	} else {
		char *path = test_join("tests/data/malformed", mc->file);
		data = test_read_file(path, &len);
		ck_assert_msg(data != NULL, "cannot read %s", path);
		free(path);
	}
	struct diags d = {0};
	int rc = run_reader(mc->r, data, len, &d);
	if (mc->accept) {
		ck_assert_msg(rc == 0 && d.nerrors == 0, "%s: %s refused it: %s",
		    mc->file, reader_names[mc->r], d.n ? d.v[0].msg : "");
	} else {
		ck_assert_msg(rc != 0, "%s: %s accepted it", mc->file,
		    reader_names[mc->r]);
		check_refusal(mc->file, mc->r, &d);
		bool found = false;
		for (size_t k = 0; k < d.n && !found; k++) {
			char *s = diag_format(&d.v[k]);
			found = strstr(s, mc->expect) != NULL;
			free(s);
		}
		if (!found) {
			char *first = d.n ? diag_format(&d.v[0]) : NULL;
			ck_abort_msg("%s: %s: no message with '%s' (first: %s)",
			    mc->file, reader_names[mc->r], mc->expect,
			    first ? first : "none");
		}
	}
	diags_free(&d);
	free(data);
}
END_TEST

START_TEST(test_cases_present)
{
	ck_assert_msg(nmcases >= 20, "%s: %zu cases", CASES_FILE, nmcases);
}
END_TEST

/* Inputs on which a fuzz target found a problem (fuzz/), scored the way
 * fuzz_score does: first line the customer, the rest the reply, the
 * customer's line as an earlier reply when its length is a multiple of 3,
 * at fault when the input's length is even.  (clang's UBSan flags
 * NULL + 0, gcc's does not: test_xalloc holds the failing-then-fixed check.) */
static const char *const score_regressions[] = {
	/* an empty reply after an empty earlier one: xgrow(NULL, 0) returned
	 * NULL and score_pitfalls computed NULL + 0 */
	"fuzz-score-empty.txt",
};

START_TEST(test_score_regression)
{
	char *path = test_join("tests/data/malformed", score_regressions[_i]);
	size_t len;
	char *data = test_read_file(path, &len);
	ck_assert_msg(data != NULL, "cannot read %s", path);
	ck_assert(utf8_valid(data, len, &(size_t){0}));
	struct scorer *s = NULL;
	struct diags d = {0};
	ck_assert_int_eq(scorer_load("assets", "en", &s, &d), 0);
	char *nl = memchr(data, '\n', len);
	if (nl)
		*nl = '\0';
	const char *reply = nl ? nl + 1 : data;
	size_t clen = nl ? (size_t)(nl - data) : 0;
	const char *customer = nl ? data : "";
	const char *history[1] = {customer};
	struct score_ctx ctx = {.customer = clen ? customer : NULL,
	    .at_fault = len % 2 == 0, .history = history,
	    .nhistory = clen % 3 == 0 ? 1 : 0};
	struct grading g;
	grading_init(&g);
	score_reply(s, &ctx, reply, len - (size_t)(reply - data), &g);
	grading_free(&g);
	scorer_free(s);
	diags_free(&d);
	free(data);
	free(path);
}
END_TEST

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
suite_list(void)
{
	DIR *dir = opendir(SUITE_DIR);
	if (dir == NULL)
		return;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] != 'y' && e->d_name[0] != 'n' && e->d_name[0] != 'i')
			continue;
		if (nsuite_files == cap) {
			cap = cap ? 2 * cap : 512;
			suite_files = realloc(suite_files, cap * sizeof *suite_files);
		}
		suite_files[nsuite_files++] = strdup(e->d_name);
	}
	closedir(dir);
	if (nsuite_files)
		qsort(suite_files, nsuite_files, sizeof *suite_files, name_cmp);
}

int
main(void)
{
	suite_list();
	mcases_read();
	Suite *s = suite_create("malformed");
	TCase *tc = tcase_create("jsontestsuite");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_suite_present);
	int n = (int)nsuite_files;
	tcase_add_loop_test(tc, test_suite_scenario, 0, n);
	tcase_add_loop_test(tc, test_suite_course, 0, n);
	tcase_add_loop_test(tc, test_suite_transcript, 0, n);
	tcase_add_loop_test(tc, test_suite_review, 0, n);
	tcase_add_loop_test(tc, test_suite_lexicon, 0, n);
	tcase_add_loop_test(tc, test_suite_gradeline, 0, n);
	tcase_add_loop_test(tc, test_suite_gradeline_reply, 0, n);
	suite_add_tcase(s, tc);
	TCase *tc2 = tcase_create("formats");
	tcase_set_timeout(tc2, 60);
	tcase_add_test(tc2, test_cases_present);
	tcase_add_loop_test(tc2, test_case, 0, (int)nmcases);
	suite_add_tcase(s, tc2);
	TCase *tc3 = tcase_create("fuzz_regressions");
	tcase_add_loop_test(tc3, test_score_regression, 0,
	    (int)(sizeof score_regressions / sizeof *score_regressions));
	suite_add_tcase(s, tc3);
	int rc = test_run_suite(s);
	for (size_t i = 0; i < nsuite_files; i++)
		free(suite_files[i]);
	free(suite_files);
	mcases_free();
	return rc;
}
