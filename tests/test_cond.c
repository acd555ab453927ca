/* test_cond.c: transition conditions and whole-word phrase matching. */
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "lib.h"

struct said_case {
	const char *reply, *phrase;
	bool want;
};

static const struct said_case said[] = {
	{"Can I speak to your MANAGER?", "manager", true},
	{"I want the manager's number", "manager", true},
	{"management is useless", "manager", false},
	{"a supervisor please", "supervisor", true},
	{"supervisors everywhere", "supervisor", false},
	{"Let me speak to someone   in charge", "someone in charge", true},
	{"I don\xe2\x80\x99t know", "don't know", true},
	{"I don't know", "don\xe2\x80\x99t know", true},
	{"", "manager", false},
	{"manager", "", false},
	{"ok, manager.", "manager", true},
	{"xmanager", "manager", false},
	{"Kalni\xc5\x86\x61 here", "kalni\xc5\x86\x61", true},
};

START_TEST(test_said)
{
	const struct said_case *c = &said[_i];
	ck_assert_msg(said_phrase(c->reply, c->phrase) == c->want,
	    "said_phrase(\"%s\", \"%s\") should be %d", c->reply, c->phrase,
	    c->want);
}
END_TEST

static struct cond
empty_cond(void)
{
	struct cond c;
	memset(&c, 0, sizeof c);
	c.mood_below = c.mood_at_least = c.turn_at_least = c.turn_below = -1;
	c.score_at_least = c.score_below = -1;
	return c;
}

START_TEST(test_holds)
{
	struct grading g;
	grading_init(&g);
	g.crit[CRIT_APOLOGY].met = true;
	g.crit[CRIT_CALM].met = true;
	g.overall = 60;
	grading_add_pitfall(&g, PIT_TEMPLATE, "x", 0, 0, "again");

	struct cond c = empty_cond();
	ck_assert(cond_holds(&c, &g, "hello", 50, 1));
	c.met = 1u << CRIT_APOLOGY | 1u << CRIT_CALM;
	ck_assert(cond_holds(&c, &g, "hello", 50, 1));
	c.met |= 1u << CRIT_EMPATHY;
	ck_assert(!cond_holds(&c, &g, "hello", 50, 1));

	c = empty_cond();
	c.missed = 1u << CRIT_EMPATHY;
	ck_assert(cond_holds(&c, &g, "", 50, 1));
	c.missed |= 1u << CRIT_CALM;
	ck_assert(!cond_holds(&c, &g, "", 50, 1));

	c = empty_cond();
	c.pitfalls = 1u << PIT_TOO_LONG | 1u << PIT_TEMPLATE;
	ck_assert(cond_holds(&c, &g, "", 50, 1));
	c.pitfalls = 1u << PIT_TOO_LONG;
	ck_assert(!cond_holds(&c, &g, "", 50, 1));
	c = empty_cond();
	c.no_pitfalls = 1u << PIT_TEMPLATE;
	ck_assert(!cond_holds(&c, &g, "", 50, 1));

	c = empty_cond();
	c.mood_below = 50;
	ck_assert(!cond_holds(&c, &g, "", 50, 1));
	ck_assert(cond_holds(&c, &g, "", 49, 1));
	c = empty_cond();
	c.mood_at_least = 50;
	ck_assert(cond_holds(&c, &g, "", 50, 1));
	ck_assert(!cond_holds(&c, &g, "", 49, 1));
	c = empty_cond();
	c.turn_at_least = 3;
	c.turn_below = 5;
	ck_assert(!cond_holds(&c, &g, "", 0, 2));
	ck_assert(cond_holds(&c, &g, "", 0, 3));
	ck_assert(cond_holds(&c, &g, "", 0, 4));
	ck_assert(!cond_holds(&c, &g, "", 0, 5));
	c = empty_cond();
	c.score_at_least = 60;
	ck_assert(cond_holds(&c, &g, "", 0, 1));
	c.score_below = 60;
	ck_assert(!cond_holds(&c, &g, "", 0, 1));
	grading_free(&g);
}
END_TEST

START_TEST(test_said_lists)
{
	struct grading g;
	grading_init(&g);
	char *words[] = {(char *)"manager", (char *)"supervisor"};
	char *no[] = {(char *)"please"};
	struct cond c = empty_cond();
	c.said.v = words;
	c.said.n = 2;
	ck_assert(cond_holds(&c, &g, "get me a supervisor", 0, 1));
	ck_assert(!cond_holds(&c, &g, "get me a refund", 0, 1));
	c.not_said.v = no;
	c.not_said.n = 1;
	ck_assert(!cond_holds(&c, &g, "a supervisor please", 0, 1));
	char *desc = cond_describe(&c);
	ck_assert_str_eq(desc, "said: \"manager\" or \"supervisor\"; not said: \"please\"");
	free(desc);
	grading_free(&g);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("cond");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_said, 0, sizeof said / sizeof *said);
	tcase_add_test(tc, test_holds);
	tcase_add_test(tc, test_said_lists);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
