/* test_grading.c: a grading's pool of strings and arrays, reset and copy. */
#include <stdio.h>
#include <string.h>

#include "grading.h"
#include "lib.h"

/* Many pieces of evidence and pitfalls, with strings short and long, take
 * the pool past its first block: every string made earlier stays intact. */
START_TEST(test_pool_grows)
{
	static char reply[6000];
	for (size_t i = 0; i < sizeof reply - 1; i++)
		reply[i] = (char)('a' + i % 26);
	struct grading g;
	grading_init(&g);
	for (int round = 0; round < 3; round++) {
		for (size_t i = 0; i < 40; i++) {
			enum criterion c = (enum criterion)(i % CRIT_COUNT);
			size_t len = i == 17 ? 5000 : i % 13;
			char why[32];
			snprintf(why, sizeof why, "why %zu", i);
			grading_add_evidence(&g, c, reply, i, i + len, i % 2,
			    why);
			grading_add_pitfall(&g, (enum pitfall)(i % PIT_COUNT),
			    reply, i, i + len, why);
			grading_set_tip(&g, c, why);
		}
		ck_assert_uint_eq(g.npits, 40);
		for (size_t i = 0; i < 40; i++) {
			const struct crit_result *r = &g.crit[i % CRIT_COUNT];
			const struct evidence *e = &r->ev[i / CRIT_COUNT];
			size_t len = i == 17 ? 5000 : i % 13;
			char why[32];
			snprintf(why, sizeof why, "why %zu", i);
			ck_assert_uint_eq(e->start, i);
			ck_assert_uint_eq(e->end, i + len);
			ck_assert_uint_eq(strlen(e->text), len);
			ck_assert(memcmp(e->text, reply + i, len) == 0);
			ck_assert_str_eq(e->why, why);
			ck_assert_int_eq(e->positive, (int)(i % 2));
			ck_assert_uint_eq(g.pits[i].kind, i % PIT_COUNT);
			ck_assert(memcmp(g.pits[i].text, reply + i, len) == 0);
			ck_assert_str_eq(g.pits[i].why, why);
		}
		ck_assert_str_eq(g.crit[CRIT_CALM].tip, "why 35");
		/* Empty, as after grading_init, keeping a block. */
		grading_reset(&g);
		ck_assert_ptr_nonnull(g.pool);
		ck_assert_ptr_null(g.pits);
		ck_assert_uint_eq(g.npits, 0);
		ck_assert_int_eq(g.overall, 0);
		for (int c = 0; c < CRIT_COUNT; c++) {
			ck_assert_ptr_null(g.crit[c].ev);
			ck_assert_uint_eq(g.crit[c].nev, 0);
			ck_assert_ptr_null(g.crit[c].tip);
			ck_assert(!g.crit[c].detected && !g.crit[c].met);
		}
	}
	grading_free(&g);
	ck_assert_ptr_null(g.pool);
	/* Free and reset of a grading that never allocated. */
	grading_reset(&g);
	ck_assert_ptr_null(g.pool);
	grading_free(&g);
}
END_TEST

START_TEST(test_strndup_and_slots)
{
	struct grading g;
	grading_init(&g);
	char *s = grading_strndup(&g, "sorry!", 5);
	ck_assert_str_eq(s, "sorry");
	char *z = grading_strndup(&g, NULL, 0);
	ck_assert_str_eq(z, "");
	struct evidence *e = grading_new_evidence(&g, CRIT_APOLOGY);
	ck_assert_ptr_null(e->text);
	ck_assert_ptr_null(e->why);
	ck_assert_uint_eq(e->start + e->end, 0);
	e->text = s;
	e->why = z;
	struct pitfall_hit *h = grading_new_pitfall(&g);
	ck_assert_ptr_null(h->text);
	ck_assert_uint_eq(g.npits, 1);
	ck_assert_uint_eq(g.crit[CRIT_APOLOGY].nev, 1);
	ck_assert_str_eq(g.crit[CRIT_APOLOGY].ev[0].text, "sorry");
	grading_set_tip(&g, CRIT_CALM, "Breathe.");
	grading_set_tip(&g, CRIT_CALM, NULL);
	ck_assert_ptr_null(g.crit[CRIT_CALM].tip);
	grading_set_tipn(&g, CRIT_EMPATHY, "Name it. Then act.", 8);
	ck_assert_str_eq(g.crit[CRIT_EMPATHY].tip, "Name it.");
	/* Evidence with a NULL reason and no reply: empty strings. */
	grading_add_evidence(&g, CRIT_CALM, NULL, 3, 1, false, NULL);
	ck_assert_str_eq(g.crit[CRIT_CALM].ev[0].text, "");
	ck_assert_str_eq(g.crit[CRIT_CALM].ev[0].why, "");
	ck_assert_uint_eq(g.crit[CRIT_CALM].ev[0].end, 3);
	grading_free(&g);
}
END_TEST

/* A copy has its own pool: it outlives the original unchanged. */
START_TEST(test_copy)
{
	const char *reply = "I'm so sorry about the late order.";
	struct grading g, c;
	grading_init(&g);
	grading_add_evidence(&g, CRIT_APOLOGY, reply, 4, 12, true, "apology");
	grading_add_evidence(&g, CRIT_RESTATE, reply, 23, 33, true, "problem");
	grading_add_pitfall(&g, PIT_TOO_LONG, reply, 0, 0, "long");
	grading_set_tip(&g, CRIT_EMPATHY, "Name the feeling.");
	g.crit[CRIT_APOLOGY].detected = g.crit[CRIT_APOLOGY].met = true;
	g.crit[CRIT_APOLOGY].score = 85;
	g.overall = 61;
	grading_copy(&c, &g);
	grading_free(&g);
	ck_assert_int_eq(c.overall, 61);
	ck_assert(c.crit[CRIT_APOLOGY].detected && c.crit[CRIT_APOLOGY].met);
	ck_assert_int_eq(c.crit[CRIT_APOLOGY].score, 85);
	ck_assert_uint_eq(c.crit[CRIT_APOLOGY].nev, 1);
	ck_assert_str_eq(c.crit[CRIT_APOLOGY].ev[0].text, "so sorry");
	ck_assert_str_eq(c.crit[CRIT_APOLOGY].ev[0].why, "apology");
	ck_assert_str_eq(c.crit[CRIT_RESTATE].ev[0].text, "late order");
	ck_assert_uint_eq(c.crit[CRIT_RESTATE].ev[0].start, 23);
	ck_assert_str_eq(c.crit[CRIT_EMPATHY].tip, "Name the feeling.");
	ck_assert_ptr_null(c.crit[CRIT_CALM].tip);
	ck_assert_uint_eq(c.npits, 1);
	ck_assert_str_eq(c.pits[0].text, "");
	ck_assert_str_eq(c.pits[0].why, "long");
	grading_free(&c);
	/* An empty grading copies to an empty one. */
	grading_init(&g);
	grading_copy(&c, &g);
	ck_assert_uint_eq(c.npits, 0);
	ck_assert_ptr_null(c.crit[CRIT_CALM].ev);
	grading_free(&c);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("grading");
	TCase *tc = tcase_create("pool");
	tcase_add_test(tc, test_pool_grows);
	tcase_add_test(tc, test_strndup_and_slots);
	tcase_add_test(tc, test_copy);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
