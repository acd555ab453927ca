/* test_labelled.c: reading a labelled reply of the eval/training sets. */
#include <cjson/cJSON.h>
#include <string.h>

#include "labelled.h"
#include "lib.h"

START_TEST(test_full_line)
{
	cJSON *o = cJSON_Parse("{\"id\": \"x-1\", \"customer\": \"Late!\", "
	    "\"at_fault\": false, \"facts\": [\"parcel late\", {\"text\": "
	    "\"no call\", \"paraphrases\": [\"nobody rang\", 3, \"no ring\"]}, "
	    "7], \"history\": [\"Hi.\", null], \"reply\": \"Sorry.\", "
	    "\"labels\": {\"calm\": 1, \"apology\": true, \"empathy\": 0}}");
	struct labelled l;
	ck_assert_int_eq(labelled_read(&l, o), 0);
	ck_assert_str_eq(l.id, "x-1");
	ck_assert_str_eq(l.reply, "Sorry.");
	ck_assert_str_eq(l.ctx.customer, "Late!");
	ck_assert(!l.ctx.at_fault);
	/* a fact that is neither a string nor an object with text is left out */
	ck_assert_uint_eq(l.ctx.nfacts, 2);
	ck_assert_str_eq(l.ctx.facts[0].text, "parcel late");
	ck_assert_uint_eq(l.ctx.facts[0].nparaphrases, 0);
	ck_assert_str_eq(l.ctx.facts[1].text, "no call");
	ck_assert_uint_eq(l.ctx.facts[1].nparaphrases, 2);
	ck_assert_str_eq(l.ctx.facts[1].paraphrases[1], "no ring");
	ck_assert_uint_eq(l.ctx.nhistory, 1);
	ck_assert_str_eq(l.ctx.history[0], "Hi.");
	ck_assert_int_eq(l.label[CRIT_CALM], 1);
	ck_assert_int_eq(l.label[CRIT_APOLOGY], 1);
	ck_assert_int_eq(l.label[CRIT_EMPATHY], 0);
	ck_assert_int_eq(l.label[CRIT_RESTATE], -1);
	labelled_free(&l);
	cJSON_Delete(o);
}
END_TEST

START_TEST(test_defaults_and_refusals)
{
	cJSON *o = cJSON_Parse("{\"reply\": \"Fine.\"}");
	struct labelled l;
	ck_assert_int_eq(labelled_read(&l, o), 0);
	ck_assert(l.ctx.at_fault); /* as in irate grade */
	ck_assert_ptr_null(l.id);
	ck_assert_uint_eq(l.ctx.nfacts, 0);
	for (int c = 0; c < CRIT_COUNT; c++)
		ck_assert_int_eq(l.label[c], -1);
	labelled_free(&l);
	cJSON_Delete(o);
	const char *bad[] = {"{\"reply\": 3}", "[\"reply\"]", "{}"};
	for (size_t i = 0; i < 3; i++) {
		o = cJSON_Parse(bad[i]);
		ck_assert_int_eq(labelled_read(&l, o), -1);
		labelled_free(&l);
		cJSON_Delete(o);
	}
	ck_assert_int_eq(labelled_read(&l, NULL), -1);
	labelled_free(&l);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("labelled");
	TCase *tc = tcase_create("read");
	tcase_add_test(tc, test_full_line);
	tcase_add_test(tc, test_defaults_and_refusals);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
