/* test_text.c: tokenizing and normalising (contractions, chat, typos). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lib.h"
#include "text.h"

struct tok_case {
	const char *in;
	const char *norm;   /* normalised tokens joined by spaces */
};

static const struct tok_case tok_cases[] = {
	{"I'm sorry", "i am sorry"},
	{"I\xe2\x80\x99m sorry", "i am sorry"},
	{"can't won't don't", "can not will not do not"},
	{"ain't shan't Don't", "is not shall not do not"},
	{"cannot", "can not"},
	{"it's the customer's card", "it is the customer 's card"},
	{"you'd I'll we've they're", "you would i will we have they are"},
	{"let's go", "let us go"},
	{"u r sry abt it lmk", "you are sorry about it let me know"},
	{"I apologise", "i apologize"},
	{"sory, frustating", "sorry , frustrating"},
	{"see https://a.b/c?d and www.x.com, @help #fail", "see <url> and <url> , <handle> <tag>"},
	{"mid-cycle", "mid cycle"},
	{"\xe2\x82\xac" "7.95 at 7:40, 1,000", "\xe2\x82\xac 7.95 at 7:40 , 1000"},
	{"ten minutes", "10 minutes"},
	{"ok :( /s", "okay :( /s"},
	{"o'clock", "o'clock"},
};

static struct text_norm norm;

static void
setup(void)
{
	memset(&norm, 0, sizeof norm);
	text_norm_add_rewrite(&norm, "u", "you");
	text_norm_add_rewrite(&norm, "r", "are");
	text_norm_add_rewrite(&norm, "sry", "sorry");
	text_norm_add_rewrite(&norm, "abt", "about");
	text_norm_add_rewrite(&norm, "lmk", "let me know");
	text_norm_add_rewrite(&norm, "cannot", "can not");
	text_norm_add_rewrite(&norm, "apologise", "apologize");
	text_norm_add_rewrite(&norm, "ten", "10");
	text_norm_add_rewrite(&norm, "ok", "okay");
	text_map_set(&norm.vocab, "sorry", 5, 0);
	text_typo_add(&norm.typo, "sorry");
	text_typo_add(&norm.typo, "frustrating");
}

static void
teardown(void)
{
	text_norm_free(&norm);
}

/* The first n tokens of a and b are the same in every field. */
static void
assert_same_tokens(const struct text_tokens *a, const struct text_tokens *b,
    size_t n)
{
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(text_tok(a, i), text_tok(b, i));
		ck_assert_int_eq(a->v[i].id, b->v[i].id);
		ck_assert_uint_eq(a->v[i].flags, b->v[i].flags);
		ck_assert_uint_eq(a->v[i].kind, b->v[i].kind);
		ck_assert_uint_eq(a->v[i].start, b->v[i].start);
		ck_assert_uint_eq(a->v[i].end, b->v[i].end);
	}
}

START_TEST(test_tokenize)
{
	const struct tok_case *tc = &tok_cases[_i];
	struct text_tokens t;
	text_tokens_init(&t);
	text_tokenize(&norm, tc->in, strlen(tc->in), &t);
	char out[512] = "";
	for (size_t i = 0; i < t.n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, text_tok(&t, i));
		ck_assert_uint_le(t.v[i].end, strlen(tc->in));
		ck_assert_uint_le(t.v[i].start, t.v[i].end);
	}
	ck_assert_str_eq(out, tc->norm);
	text_tokens_free(&t);
}
END_TEST

/* A memo changes nothing: every case twice through one memo (the second
 * time from it), token by token as without. */
START_TEST(test_memo)
{
	struct text_memo memo = {0};
	struct text_tokens a, b;
	text_tokens_init(&a);
	text_tokens_init(&b);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t c = 0; c < sizeof tok_cases / sizeof *tok_cases; c++) {
			const char *in = tok_cases[c].in;
			text_tokenize(&norm, in, strlen(in), &a);
			text_tokenize_memo(&norm, in, strlen(in), &b, &memo);
			ck_assert_uint_eq(a.n, b.n);
			ck_assert_uint_eq(a.nsent, b.nsent);
			assert_same_tokens(&a, &b, a.n);
		}
	}
	text_tokens_free(&a);
	text_tokens_free(&b);
	text_memo_free(&memo);
}
END_TEST

/* Tokenize text with a vocabulary of words[0..n) (id = index) into a
 * before text_norm_index() and into b after it; the two must agree token
 * for token.  The caller frees nm, a and b. */
static void
tokenize_both_ways(struct text_norm *nm, const char *const *words, size_t n,
    const char *text, struct text_tokens *a, struct text_tokens *b)
{
	for (size_t i = 0; i < n; i++)
		text_map_add(&nm->vocab, words[i], strlen(words[i]), (int)i);
	text_tokens_init(a);
	text_tokens_init(b);
	text_tokenize(nm, text, strlen(text), a);
	text_norm_index(nm);
	text_tokenize(nm, text, strlen(text), b);
	ck_assert_uint_eq(a->n, b->n);
	assert_same_tokens(a, b, a->n);
}

/* The compact copy of the vocabulary's short words finds the same ids as
 * the vocabulary, and is ignored once a word is added after it. */
START_TEST(test_vocab_index)
{
	static const char *const words[] = {"a", "is", "the", "word", "eight888",
	    "ninenine9", "sorry", "refunded", "twelve-chars", "z"};
	const char *text = "A word, the WORD is eight888 ninenine9 refunded; "
	    "sorry not in it zz z";
	struct text_norm nm = {0};
	struct text_tokens a, b;
	tokenize_both_ways(&nm, words, sizeof words / sizeof *words, text, &a,
	    &b);
	size_t known = 0;
	for (size_t i = 0; i < a.n; i++)
		known += a.v[i].id >= 0;
	ck_assert_uint_eq(known, 10);
	/* "zz" is added after the index: found all the same. */
	text_map_add(&nm.vocab, "zz", 2, 10);
	text_tokenize(&nm, text, strlen(text), &b);
	bool found = false;
	for (size_t i = 0; i < b.n; i++)
		found |= strcmp(text_tok(&b, i), "zz") == 0 && b.v[i].id == 10;
	ck_assert(found);
	text_tokens_free(&a);
	text_tokens_free(&b);
	text_norm_free(&nm);
}
END_TEST

/* A contraction's two words get their vocabulary ids, with the short
 * words' table (text_norm_index()) and without; "ain't" is "is not", not
 * the "ai" it is written with. */
START_TEST(test_contraction_ids)
{
	static const char *const words[] = {"do", "not", "it", "is", "ai",
	    "let", "us", "would", "you"};
	static const char *const want[] = {"do", "not", "it", "is", "is", "not",
	    "let", "us", "you", "would", "ai"};
	const char *text = "Don't it's ain't let's you'd ai";
	struct text_norm nm = {0};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		text_map_add(&nm.vocab, words[i], strlen(words[i]), (int)i);
	struct text_tokens t;
	text_tokens_init(&t);
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			text_norm_index(&nm);
		text_tokenize(&nm, text, strlen(text), &t);
		ck_assert_uint_eq(t.n, sizeof want / sizeof *want);
		for (size_t i = 0; i < t.n; i++) {
			ck_assert_str_eq(text_tok(&t, i), want[i]);
			int id = text_map_get(&nm.vocab, want[i], strlen(want[i]));
			ck_assert_int_eq(t.v[i].id, id);
		}
	}
	text_tokens_free(&t);
	text_norm_free(&nm);
}
END_TEST

/* ASCII punctuation gets its id from the vocabulary, the same through
 * text_norm_index()'s table (text_norm.ascii_id) as without it. */
START_TEST(test_punct_ids)
{
	static const char *const words[] = {",", ".", "!", "a", "?"};
	const char *text = "a, b. c!? d; e... (f) \"g\" $5";
	struct text_norm nm = {0};
	struct text_tokens a, b;
	tokenize_both_ways(&nm, words, sizeof words / sizeof *words, text, &a,
	    &b);
	size_t known = 0;
	for (size_t i = 0; i < a.n; i++) {
		int id = text_map_get(&nm.vocab, text_tok(&b, i),
		    strlen(text_tok(&b, i)));
		ck_assert_int_eq(b.v[i].id, id);
		known += b.v[i].id >= 0;
	}
	ck_assert_uint_eq(known, 8); /* a , . ! ? and the three dots */
	text_tokens_free(&a);
	text_tokens_free(&b);
	text_norm_free(&nm);
}
END_TEST

START_TEST(test_flags)
{
	struct text_tokens t;
	text_tokens_init(&t);
	const char *s = "NO way. Call UPS! Done";
	text_tokenize(&norm, s, strlen(s), &t);
	ck_assert_uint_eq(t.nsent, 3);
	ck_assert(t.v[0].flags & TF_CAPS);
	ck_assert(t.v[0].flags & TF_SENT_START);
	ck_assert(!(t.v[1].flags & TF_CAPS));
	ck_assert(t.v[2].flags & TF_SENT_END);
	ck_assert(t.v[3].flags & TF_SENT_START);
	ck_assert(t.v[4].flags & TF_CAPS); /* UPS: the scorer knows acronyms */
	ck_assert_uint_eq(t.v[4].start, 13);
	ck_assert_uint_eq(t.v[4].end, 16);
	text_tokens_free(&t);
}
END_TEST

/* A word with 8 bytes after it to read (scan_word_fast()) and the same
 * word at the end of a text (scan_word()) make the same first token. */
static const char *const fast_words[] = {"sorry", "SORRY", "Sorry",
    "sORRY", "S", "I", "A1", "ABC1", "UPS", "u", "sory", "Don't", "x9",
    "ok", "abcdefg", "ABCDEFG", "abcdefgh", "don't", "DON'T", "Don't",
    "it's", "I'M", "o'clock", "l'8", "ai'n't", "you'll", "x'Y", "X'Y"};

START_TEST(test_fast_word)
{
	const char *wd = fast_words[_i];
	char padded[64];
	snprintf(padded, sizeof padded, "%s and more words", wd);
	struct text_tokens a, b;
	text_tokens_init(&a);
	text_tokens_init(&b);
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			text_norm_index(&norm);
		text_tokenize(&norm, padded, strlen(padded), &a);
		text_tokenize(&norm, wd, strlen(wd), &b);
		ck_assert_uint_ge(a.n, b.n);
		assert_same_tokens(&a, &b, b.n);
	}
	text_tokens_free(&a);
	text_tokens_free(&b);
}
END_TEST

START_TEST(test_typo)
{
	struct text_typo ty = {0};
	text_typo_add(&ty, "sorry");
	text_typo_add(&ty, "frustrating");
	ck_assert_str_eq(text_typo_fix(&ty, "sory", 4), "sorry");
	ck_assert_str_eq(text_typo_fix(&ty, "sorrry", 6), "sorry");
	ck_assert_str_eq(text_typo_fix(&ty, "frustrsting", 11), "frustrating");
	ck_assert_ptr_null(text_typo_fix(&ty, "sorry", 5));
	ck_assert_ptr_null(text_typo_fix(&ty, "worry", 5)); /* short: no swaps */
	ck_assert_ptr_null(text_typo_fix(&ty, "sort", 4));
	text_typo_free(&ty);
}
END_TEST

START_TEST(test_map)
{
	struct text_map m = {0};
	char key[16];
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(key, sizeof key, "k%d", i);
		ck_assert_int_eq(text_map_add(&m, key, (size_t)n, i), i);
	}
	ck_assert_int_eq(text_map_get(&m, "k500", 4), 500);
	ck_assert_int_eq(text_map_add(&m, "k500", 4, 7), 500);
	text_map_set(&m, "k500", 4, 7);
	ck_assert_int_eq(text_map_get(&m, "k500", 4), 7);
	ck_assert_int_eq(text_map_get(&m, "nope", 4), -1);
	text_map_free(&m);
}
END_TEST

static Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_tokenize, 0, sizeof tok_cases / sizeof *tok_cases);
	tcase_add_test(tc, test_memo);
	tcase_add_test(tc, test_vocab_index);
	tcase_add_test(tc, test_contraction_ids);
	tcase_add_test(tc, test_punct_ids);
	tcase_add_test(tc, test_flags);
	tcase_add_loop_test(tc, test_fast_word, 0,
	    sizeof fast_words / sizeof *fast_words);
	tcase_add_test(tc, test_typo);
	tcase_add_test(tc, test_map);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(text_suite());
}
