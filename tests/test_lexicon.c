/* test_lexicon.c: loading, validating and matching lexicon patterns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon.h"
#include "lib.h"

struct bad_lex {
	const char *json;
	int line, col;
	const char *msg;
};

static const struct bad_lex bad[] = {
	{"{\"format\": 2, \"language\": \"en\", \"categories\": {}}", 1, 2,
	    "unsupported format 2"},
	{"{\"format\": 1, \"language\": \"en\", \"categories\": {},\n \"acronym\": []}",
	    2, 2, "did you mean \"acronyms\""},
	{"{\"format\": 1, \"language\": \"en\", \"categories\": {\"apologies\": {}}}",
	    1, 48, "did you mean \"apology\""},
	{"{\"format\": 1, \"language\": \"en\", \"categories\": {\"apology\":\n"
	    " {\"why\": \"x\", \"patterns\": [\"sorry [so\"]}}}", 2, 28, "unclosed '['"},
	{"{\"format\": 1, \"language\": \"en\", \"categories\": {\"apology\":\n"
	    " {\"why\": \"x\", \"patterns\": [\"@nope sorry\"]}}}", 2, 28,
	    "unknown class \"@nope\""},
	{"{\"format\": 1, \"language\": \"en\", \"categories\": {\"apology\":\n"
	    " {\"why\": \"x\", \"patterns\": [\"* sorry\"]}}}", 2, 28,
	    "cannot start with a gap"},
	{"{\"format\": 1, \"language\": \"en\", \"categories\": {\"apology\":\n"
	    " {\"why\": \"x\", \"weight\": \"high\", \"patterns\": []}}}", 2, 15,
	    "must be a whole number"},
	{"{\"format\": 1, \"language\": \"en\", \"categories\": {\"apology\":\n"
	    " {\"why\": \"x\", \"patterns\": [\"ab* sorry\"]}}}", 2, 28,
	    "at least 3 letters"},
	{"{\"format\": 1, \"categories\": {}}", 1, 1, "missing"},
};

START_TEST(test_bad_lexicon)
{
	const struct bad_lex *b = &bad[_i];
	char *path = test_write_temp("lex.json", b->json, strlen(b->json));
	struct lexicon *lx = NULL;
	struct diags d = {0};
	ck_assert_int_eq(lexicon_load_files(path, NULL, NULL, &lx, &d), -1);
	ck_assert_ptr_null(lx);
	ck_assert_uint_ge(d.nerrors, 1);
	bool found = false;
	for (size_t i = 0; i < d.n; i++) {
		if (strstr(d.v[i].msg, b->msg)) {
			found = true;
			ck_assert_msg(d.v[i].line == b->line && d.v[i].col == b->col,
			    "%s at %d:%d, expected %d:%d", d.v[i].msg, d.v[i].line,
			    d.v[i].col, b->line, b->col);
		}
	}
	if (!found)
		ck_abort_msg("no \"%s\" in: %s", b->msg, d.n ? d.v[0].msg : "(none)");
	diags_free(&d);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(test_every_problem_reported)
{
	const char *j = "{\"format\": 1, \"language\": \"en\", \"categories\": {\"apology\":\n"
	    " {\"why\": \"x\", \"patterns\": [\"[a\", \"@x\", \"*\"]}, \"empathi\": {}}}";
	char *path = test_write_temp("lex.json", j, strlen(j));
	struct lexicon *lx;
	struct diags d = {0};
	ck_assert_int_eq(lexicon_load_files(path, NULL, NULL, &lx, &d), -1);
	ck_assert_uint_eq(d.nerrors, 4);
	diags_free(&d);
	unlink(path);
	free(path);
}
END_TEST

struct match_case {
	const char *pattern, *text;
	int start, end;  /* token span of the first match, or -1 */
};

static const struct match_case mcases[] = {
	{"sorry", "I'm so SORRY.", 3, 4},
	{"@i am [so|very] sorry", "I'm so sorry", 0, 4},
	{"@i am [so|very] sorry", "I'm sorry", 0, 3},
	{"frustrat*", "how frustrating", 1, 2},
	{"can not", "I can't", 1, 3},
	{"can not", "I cannot", 1, 3},
	{"sorry * feel", "sorry that you feel", 0, 4},
	{"sorry * feel", "sorry. you feel", -1, -1},
	{"sorry *1 feel", "sorry that you feel", -1, -1},
	{"^ relax", "Relax, it happens", 0, 1},
	{"^ relax", "please relax", -1, -1},
	{"whatever $", "fine, whatever. bye", 2, 3},
	{"#num % off", "I can take 50% off", 3, 6},
	{"let me know", "lmk", 0, 3},
};

START_TEST(test_match)
{
	const struct match_case *mc = &mcases[_i];
	const char *head = "{\"format\": 1, \"language\": \"en\", \"rewrite\": "
	    "{\"lmk\": \"let me know\", \"cannot\": \"can not\"}, \"classes\": "
	    "{\"i\": [\"i\", \"we\"]}, \"categories\": {\"apology\": {\"why\": \"x\", "
	    "\"patterns\": [\"";
	const char *tail = "\"]}}}";
	char *json = malloc(strlen(head) + strlen(mc->pattern) + strlen(tail) + 1);
	strcpy(json, head);
	strcat(json, mc->pattern);
	strcat(json, tail);
	char *path = test_write_temp("lex.json", json, strlen(json));
	struct lexicon *lx;
	struct diags d = {0};
	ck_assert_msg(lexicon_load_files(path, NULL, NULL, &lx, &d) == 0, "%s",
	    d.n ? d.v[0].msg : "");
	struct text_tokens t;
	text_tokens_init(&t);
	text_tokenize(&lx->norm, mc->text, strlen(mc->text), &t);
	struct lex_matches m = {0};
	lexicon_scan(lx, &t, &m);
	if (mc->start < 0) {
		ck_assert_uint_eq(m.n, 0);
	} else {
		ck_assert_uint_ge(m.n, 1);
		ck_assert_int_eq((int)m.v[0].start, mc->start);
		ck_assert_int_eq((int)m.v[0].end, mc->end);
	}
	free(m.v);
	text_tokens_free(&t);
	lexicon_free(lx);
	diags_free(&d);
	unlink(path);
	free(path);
	free(json);
}
END_TEST

START_TEST(test_shipped_lexicon)
{
	struct lexicon *lx;
	struct diags d = {0};
	int rc = lexicon_load("assets", "en", &lx, &d);
	if (rc != 0)
		diags_print(&d, stderr);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_gt(lx->npats, 200);
	for (int c = 0; c < CRIT_COUNT; c++)
		ck_assert_ptr_nonnull(lx->tips[c][TIP_DEFAULT]);
	lexicon_free(lx);
	diags_free(&d);
}
END_TEST

/* The index (candidate filters, word pairs) finds what trying every
 * pattern of a token's lists finds, in the same order. */
static const char *const scan_texts[] = {
	"I'm so sorry, I completely understand how frustrating this is.",
	"We can't refund it, it's against policy, calm down!!",
	"I totally get your concern and I will send a replacement by Friday",
	"you must have done it wrong",
	"Sorry that you feel that way. Our courier lost it, not us.",
	"Let me check: I can offer 20% off or a refund of $15 today",
	"I'm sorry",
	"sorry",
	"apologies apologize apologising frustr frustrated i",
	"The the the i i i understand understand 1 2 3 refund refunds",
};

START_TEST(test_scan_index)
{
	struct lexicon *lx;
	struct diags d = {0};
	ck_assert_int_eq(lexicon_load("assets", "en", &lx, &d), 0);
	struct text_tokens t;
	text_tokens_init(&t);
	struct lex_matches a = {0}, b = {0};
	size_t total = 0;
	for (size_t i = 0; i < sizeof scan_texts / sizeof *scan_texts; i++) {
		const char *s = scan_texts[i];
		text_tokenize(&lx->norm, s, strlen(s), &t);
		lexicon_index(lx);
		lexicon_scan(lx, &t, &a);
		lexicon_index_free(lx);
		lexicon_scan(lx, &t, &b);
		ck_assert_uint_eq(a.n, b.n);
		for (size_t j = 0; j < a.n; j++) {
			ck_assert_uint_eq(a.v[j].pat, b.v[j].pat);
			ck_assert_uint_eq(a.v[j].start, b.v[j].start);
			ck_assert_uint_eq(a.v[j].end, b.v[j].end);
		}
		total += a.n;
	}
	ck_assert_uint_ge(total, 10);
	free(a.v);
	free(b.v);
	text_tokens_free(&t);
	lexicon_free(lx);
}
END_TEST

static Suite *
lexicon_suite(void)
{
	Suite *s = suite_create("lexicon");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_bad_lexicon, 0, sizeof bad / sizeof *bad);
	tcase_add_test(tc, test_every_problem_reported);
	tcase_add_loop_test(tc, test_match, 0, sizeof mcases / sizeof *mcases);
	tcase_add_test(tc, test_shipped_lexicon);
	tcase_add_test(tc, test_scan_index);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(lexicon_suite());
}
