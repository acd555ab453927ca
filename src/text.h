/* text.h: the tokenizer and normaliser for replies, facts and patterns.
 *
 * text_tokenize() splits UTF-8 text into words, numbers, punctuation, URLs,
 * @handles and emoji, each with its byte span in the original text and a
 * normalised form: lower case, curly apostrophes straightened, contractions
 * split ("can't" -> "can" "not", "I'm" -> "i" "am"), chat abbreviations and
 * spelling variants rewritten from a table ("u" -> "you", "lmk" -> "let me
 * know"), number words as digits, and typos of lexicon keywords corrected.
 * The tables live in struct text_norm, which the lexicon fills and owns;
 * the tokenizer only borrows it.  A text_tokens owns its arrays; reuse one
 * across calls to avoid allocation. */
#ifndef IRATE_TEXT_H
#define IRATE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "text_map.h"
#include "text_typo.h"

enum tok_kind {
	TOK_WORD,
	TOK_NUM,     /* digits, "7:40", "7.95"; number words become these too */
	TOK_PUNCT,   /* one punctuation character: . , ! ? ; : ' " - ( ) / ... */
	TOK_SYMBOL,  /* currency and other symbols, "/s" */
	TOK_URL,     /* http://..., www...., e-mail addresses */
	TOK_HANDLE,  /* @name, #tag */
	TOK_EMOJI    /* emoji and emoticons such as :( */
};

enum tok_flag {
	TF_CAPS = 1,        /* written in capitals: 2+ letters, none lower case */
	TF_CAP1 = 2,        /* written with a capital first letter */
	TF_SENT_START = 4,  /* the first token of a sentence */
	TF_SUB = 8,         /* a later token made from the same written word */
	TF_TYPO = 16,       /* corrected from a likely typo */
	TF_SENT_END = 32    /* punctuation that ends a sentence (. ! ? newline) */
};

struct token {
	size_t start, end;  /* bytes of the written word in the text */
	uint32_t off;       /* normalised form: text_tokens.buf + off */
	uint16_t len;       /* its length (at most TEXT_MAX_NORM) */
	uint8_t kind;       /* enum tok_kind */
	uint8_t flags;      /* enum tok_flag */
	uint32_t sent;      /* sentence number, from 0 */
	int32_t id;         /* id in text_norm.vocab, or -1 */
	uint32_t mark;      /* free for the caller (the scorer's annotations) */
};

#define TEXT_MAX_NORM 64

struct text_tokens {
	struct token *v;
	size_t n, cap;
	char *buf;          /* normalised forms, each NUL-terminated */
	size_t blen, bcap;
	uint32_t nsent;
};

/* Normalisation tables.  Zero-initialised tables are valid (no rewrites). */
struct text_norm {
	struct text_map rewrite;   /* word -> index into repl */
	uint64_t rewrite_filter[256]; /* bit (hash >> 18) % 16384 of each
	                              * rewritten word (text_map_hash_fast) */
	uint64_t rewrite_filter8[64]; /* bit text_vocab_hash() >> 20 of each
	                              * rewritten word of up to 8 bytes */
	char **repl;               /* owned replacement strings, words separated by spaces */
	size_t nrepl, crepl;
	struct text_map vocab;     /* every word the lexicon knows -> id */
	struct text_typo typo;     /* keywords whose typos are corrected */
	struct text_vocab_slot *vfast; /* owned: vocab's words of up to 8
	                            * bytes, compact (text_norm_index()) */
	uint32_t vfast_mask;
	size_t vfast_n;            /* vocab.n when built: used only while
	                            * they are equal */
	int32_t ascii_id[128];     /* the id of each ASCII character as a
	                            * word of its own, or -1, built with
	                            * vfast and used while it is */
};

/* A word of up to 8 bytes and its vocabulary id, in 16 bytes. */
struct text_vocab_slot {
	uint32_t hash;             /* text_vocab_hash() of key */
	int32_t id;                /* -1: empty */
	uint64_t key;              /* the bytes, zero-padded */
};

/* Add a rewrite: word (lower case) -> replacement (one or more words). */
void text_norm_add_rewrite(struct text_norm *nm, const char *word,
    const char *replacement);
void text_norm_free(struct text_norm *nm);
/* Build nm->vfast, a compact copy of the vocabulary's short words that
 * the tokenizer probes first; call again after adding words (until then
 * the tokenizer ignores it). */
void text_norm_index(struct text_norm *nm);

/* The hash of a word of up to 8 bytes (no NUL byte in it) from its bytes
 * zero-padded to 8 (in memory order): one multiplication, where
 * text_map_hash_fast() takes several steps.  For vfast and
 * rewrite_filter8. */
static inline uint32_t
text_vocab_hash(uint64_t key)
{
	return (uint32_t)((key * 0x9E3779B97F4A7C15ull) >> 32);
}

void text_tokens_init(struct text_tokens *t);
void text_tokens_free(struct text_tokens *t);
/* Tokenize s[0..len) into t (its old contents are dropped).  s need not be
 * NUL-terminated and may hold any bytes; invalid UTF-8 becomes symbols.
 * nm may be NULL for no normalisation.  Linear in len. */
void text_tokenize(const struct text_norm *nm, const char *s, size_t len,
    struct text_tokens *t);

/* A memo of the typo look-ups of words not in a text_norm's vocabulary
 * (the keyword each corrects to, or none), so that a word seen again costs
 * one probe.  Its owner zero-initialises it, uses it with one text_norm
 * only, which must not change meanwhile, and frees it with
 * text_memo_free(). */
struct text_memo_slot;
struct text_memo {
	struct text_memo_slot *v; /* TEXT_MEMO_SLOTS, allocated on first use */
};

void text_memo_free(struct text_memo *memo);
/* text_tokenize() with a memo (NULL: none). */
void text_tokenize_memo(const struct text_norm *nm, const char *s, size_t len,
    struct text_tokens *t, struct text_memo *memo);

/* The normalised text of token i. */
static inline const char *
text_tok(const struct text_tokens *t, size_t i)
{
	return t->buf + t->v[i].off;
}

/* Is the token a word or number (something a person would count)? */
static inline int
text_is_word(const struct token *k)
{
	return k->kind == TOK_WORD || k->kind == TOK_NUM;
}

#endif
