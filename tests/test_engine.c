/* test_engine.c: the dialogue engine and the mood model, with hand-made
 * gradings (the scorer is tested on its own). */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "lib.h"
#include "mood.h"
#include "scenario.h"

#define LATE "scenarios/late-order.json"

static struct scenario sc;

static void
load(void)
{
	struct diags d = {0};
	ck_assert_int_eq(scenario_load(&sc, LATE, &d), 0);
	diags_free(&d);
}

static void
unload(void)
{
	scenario_free(&sc);
}

/* A grading meeting exactly the criteria in mask, with optional pitfall. */
static void
make_grading(struct grading *g, unsigned mask, int pitfall)
{
	grading_init(g);
	for (int c = 0; c < CRIT_COUNT; c++) {
		g->crit[c].detected = g->crit[c].met = (mask >> c) & 1u;
		g->crit[c].score = g->crit[c].met ? 80 : 0;
	}
	g->overall = 0;
	for (int c = 0; c < CRIT_COUNT; c++)
		g->overall += g->crit[c].score / CRIT_COUNT;
	if (pitfall >= 0)
		grading_add_pitfall(g, (enum pitfall)pitfall, "x", 0, 0, "test");
}

#define ALL ((1u << CRIT_COUNT) - 1)
#define BIT(c) (1u << (c))

static enum ending
play(uint64_t seed, const unsigned *masks, const int *pits, const char **replies,
    size_t n, int *turns)
{
	struct engine *e = engine_new(&sc, seed);
	ck_assert_ptr_nonnull(e);
	for (size_t i = 0; i < n && engine_ending(e) == END_NONE; i++) {
		struct grading g;
		make_grading(&g, masks[i], pits ? pits[i] : -1);
		struct turn_outcome o;
		ck_assert_int_eq(engine_reply(e, replies ? replies[i] : "ok", &g, &o), 0);
		ck_assert_int_eq(o.turn, (int)i + 1);
		ck_assert_int_eq(o.mood_after, engine_mood(e));
		grading_free(&g);
	}
	enum ending end = engine_ending(e);
	if (turns)
		*turns = engine_turn(e);
	engine_free(e);
	return end;
}

START_TEST(test_good_path_resolves)
{
	unsigned m[] = {ALL, ALL, ALL, ALL, ALL};
	int turns;
	ck_assert_int_eq(play(1, m, NULL, NULL, 5, &turns), END_RESOLVED);
	/* opening -> offer_considered -> fee_question -> last_worry -> resolved */
	ck_assert_int_eq(turns, 4);
}
END_TEST

START_TEST(test_rude_path_hangs_up)
{
	unsigned m[] = {0, 0, 0, 0, 0};
	int p[] = {PIT_BLAMES_CUSTOMER, PIT_BLAMES_CUSTOMER, PIT_NEGATIVE_LANGUAGE,
	    PIT_NEGATIVE_LANGUAGE, PIT_NEGATIVE_LANGUAGE};
	ck_assert_int_eq(play(1, m, p, NULL, 5, NULL), END_HUNG_UP);
}
END_TEST

START_TEST(test_escalation_word)
{
	unsigned m[] = {BIT(CRIT_CALM) | BIT(CRIT_ALTERNATIVE), BIT(CRIT_CALM) | BIT(CRIT_ALTERNATIVE)};
	const char *r[] = {"Would you like my supervisor?", "I'll put you through."};
	ck_assert_int_eq(play(1, m, NULL, r, 2, NULL), END_ESCALATED);
}
END_TEST

START_TEST(test_out_of_turns)
{
	/* Apology only, never an alternative, calm: the customer circles in
	 * stonewalled/wants_a_fix until the turn limit... or hangs up. */
	unsigned m[10];
	for (int i = 0; i < 10; i++)
		m[i] = BIT(CRIT_CALM) | BIT(CRIT_APOLOGY) | BIT(CRIT_EMPATHY) | BIT(CRIT_RESTATE);
	int turns;
	enum ending e = play(3, m, NULL, NULL, 10, &turns);
	ck_assert_msg(e == END_OUT_OF_TURNS || e == END_HUNG_UP, "ending %s", ending_name(e));
}
END_TEST

START_TEST(test_deterministic_lines)
{
	for (uint64_t seed = 0; seed < 20; seed++) {
		struct engine *a = engine_new(&sc, seed), *b = engine_new(&sc, seed);
		ck_assert_str_eq(engine_line(a), engine_line(b));
		struct grading g;
		make_grading(&g, BIT(CRIT_APOLOGY), -1);
		struct turn_outcome oa, ob;
		engine_reply(a, "x", &g, &oa);
		engine_reply(b, "x", &g, &ob);
		ck_assert_str_eq(oa.line, ob.line);
		ck_assert_int_eq(oa.mood_after, ob.mood_after);
		grading_free(&g);
		engine_free(a);
		engine_free(b);
	}
	/* Different seeds reach different variants. */
	bool differ = false;
	struct engine *first = engine_new(&sc, 0);
	for (uint64_t seed = 1; seed < 20 && !differ; seed++) {
		struct engine *e = engine_new(&sc, seed);
		differ = strcmp(engine_line(e), engine_line(first)) != 0;
		engine_free(e);
	}
	engine_free(first);
	ck_assert(differ);
}
END_TEST

START_TEST(test_reply_after_end_refused)
{
	unsigned m[] = {ALL, ALL, ALL, ALL};
	struct engine *e = engine_new(&sc, 1);
	struct grading g;
	struct turn_outcome o;
	for (int i = 0; i < 4; i++) {
		make_grading(&g, m[i], -1);
		engine_reply(e, "x", &g, &o);
		grading_free(&g);
	}
	ck_assert_int_eq(engine_ending(e), END_RESOLVED);
	make_grading(&g, ALL, -1);
	ck_assert_int_eq(engine_reply(e, "x", &g, &o), -1);
	ck_assert_int_eq(engine_turn(e), 4);
	grading_free(&g);
	engine_free(e);
}
END_TEST

START_TEST(test_mood_delta)
{
	struct mood_model m;
	mood_model_default(&m);
	struct grading g;
	make_grading(&g, ALL, -1);
	ck_assert_int_eq(mood_delta(&m, &g, true), -4 - 6 - 8 - 8 - 12);
	grading_free(&g);
	make_grading(&g, 0, PIT_BLAMES_CUSTOMER);
	grading_add_pitfall(&g, PIT_BLAMES_CUSTOMER, "x", 0, 0, "twice counts once");
	ck_assert_int_eq(mood_delta(&m, &g, true), 15 + 3 + 5 + 8 + 6 + 15);
	/* Not at fault: no apology owed, a missing one costs nothing. */
	ck_assert_int_eq(mood_delta(&m, &g, false), 15 + 3 + 5 + 6 + 15);
	grading_free(&g);
	m.weight[CRIT_APOLOGY] = 2.0;
	m.per_turn = 3;
	make_grading(&g, BIT(CRIT_APOLOGY), -1);
	ck_assert_int_eq(mood_delta(&m, &g, true), 15 + 3 + 5 - 16 + 6 + 3);
	grading_free(&g);
	ck_assert_int_eq(mood_clamp(-5), 0);
	ck_assert_int_eq(mood_clamp(130), 100);
	ck_assert_str_eq(mood_word(90), "furious");
	ck_assert_str_eq(mood_word(5), "calm");
}
END_TEST

START_TEST(test_hang_up_at_100)
{
	/* Scenario weights make a furious customer hang up on one bad reply. */
	struct engine *e = engine_new(&sc, 7);
	struct grading g;
	make_grading(&g, 0, PIT_BLAMES_CUSTOMER);
	struct turn_outcome o;
	engine_reply(e, "x", &g, &o);
	ck_assert_int_ge(o.delta, 100 - sc.start_mood);
	ck_assert_int_eq(o.mood_after, 100);
	ck_assert_int_eq(o.ending, END_HUNG_UP);
	ck_assert_ptr_nonnull(o.line); /* one of customer.hang_up */
	bool from_list = false;
	for (size_t i = 0; i < sc.hang_up.n; i++)
		from_list |= strcmp(o.line, sc.hang_up.v[i]) == 0;
	ck_assert(from_list);
	grading_free(&g);
	engine_free(e);
}
END_TEST

START_TEST(test_apology_owed_once)
{
	struct engine *e = engine_new(&sc, 1);
	ck_assert(engine_apology_owed(e));
	struct grading g;
	make_grading(&g, BIT(CRIT_APOLOGY) | BIT(CRIT_CALM), -1);
	struct turn_outcome o;
	engine_reply(e, "x", &g, &o);
	grading_free(&g);
	ck_assert_int_eq(engine_ending(e), END_NONE);
	ck_assert(engine_at_fault(e));
	ck_assert(!engine_apology_owed(e)); /* one sincere apology is enough */
	/* Now a reply without an apology costs nothing for it. */
	make_grading(&g, BIT(CRIT_CALM), -1);
	ck_assert_int_eq(mood_delta(&sc.mood, &g, engine_apology_owed(e)),
	    mood_delta(&sc.mood, &g, false));
	grading_free(&g);
	engine_free(e);
}
END_TEST

START_TEST(test_at_fault_override)
{
	ck_assert(sc.at_fault);
	size_t i = scenario_find_node(&sc, "refused_escalation");
	ck_assert_uint_ne(i, SIZE_MAX);
	ck_assert(scenario_node_at_fault(&sc, i));
	sc.nodes[i].at_fault = 0;
	ck_assert(!scenario_node_at_fault(&sc, i));
	sc.nodes[i].at_fault = -1;
	ck_assert(scenario_node_at_fault(&sc, i));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("late-order");
	tcase_add_checked_fixture(tc, load, unload);
	tcase_add_test(tc, test_good_path_resolves);
	tcase_add_test(tc, test_rude_path_hangs_up);
	tcase_add_test(tc, test_escalation_word);
	tcase_add_test(tc, test_out_of_turns);
	tcase_add_test(tc, test_deterministic_lines);
	tcase_add_test(tc, test_reply_after_end_refused);
	tcase_add_test(tc, test_mood_delta);
	tcase_add_test(tc, test_hang_up_at_100);
	tcase_add_test(tc, test_apology_owed_once);
	tcase_add_test(tc, test_at_fault_override);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
