/* lexicon.h: a language's phrases, word lists, weights and tips, compiled.
 *
 * lexicon_load() reads assets/lexicon/<lang>.json and assets/tips/<lang>.json
 * (format described in docs/lexicon-format.md), validates them (every
 * problem reported as file:line:col, unknown keys with a did-you-mean) and
 * compiles each phrase pattern into an indexed matcher.  A lexicon owns
 * everything in it and is read-only once loaded: lexicon_scan() may run on
 * one lexicon from several threads. */
#ifndef IRATE_LEXICON_H
#define IRATE_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "grading.h"
#include "text.h"
#include "text_map.h"

/* Phrase categories; names as in the lexicon file. */
enum lex_cat {
	LC_APOLOGY,          /* "apology" */
	LC_NON_APOLOGY,      /* "non_apology": sorry you feel that way */
	LC_EMPATHY,          /* "empathy": names a feeling or the cost */
	LC_EMPATHY_WEAK,     /* "empathy_weak": I understand how you feel */
	LC_ALTERNATIVE,      /* "alternative": a remedy or concrete next step */
	LC_CHOICE,           /* "choice": which would you prefer? */
	LC_VAGUE,            /* "vague": we'll do our best, let me see */
	LC_HOSTILE,          /* "hostile": insults, profanity, threats */
	LC_DISMISSIVE,       /* "dismissive": calm down, whatever */
	LC_BLAMES_CUSTOMER,  /* "blames_customer": you should have */
	LC_DOUBTS_CUSTOMER,  /* "doubts_customer": are you sure */
	LC_DEFENSIVE,        /* "defensive": not my department */
	LC_BLAMES_COLLEAGUE, /* "blames_colleague": the courier's fault */
	LC_SHRUG,            /* "shrug": nothing I can do */
	LC_COMMAND,          /* "command": bare orders at the customer */
	LC_SARCASM,          /* "sarcasm": oh great, happy now? */
	LC_REFUSAL,          /* "refusal": can't, not allowed, against policy */
	LC_NEGATES_BEFORE,   /* "negates_before": ... isn't possible */
	LC_NEG_EXCEPTION,    /* "negation_exception": no problem, no extra cost */
	LC_STOCK,            /* "stock": sorry for any inconvenience */
	LC_CHECK_BACK,       /* "check_back": just so I've got this right */
	LC_CUSTOMER_ACTION,  /* "customer_action": you need to, you can */
	LC_GENERIC,          /* "generic": some stains are hard to get out */
	LC_OWNS_FAULT,       /* "owns_fault": which is our mistake */
	LC_PROBLEM_STATE,    /* "problem_state": broken, never arrived */
	LC_COUNT
};

const char *lex_cat_name(enum lex_cat c);

/* Tip variants: why a criterion was missed.  Names as in the tips file. */
enum tip_kind {
	TIP_DEFAULT, TIP_SHOUTING, TIP_HOSTILE, TIP_DISMISSIVE, TIP_BLAME,
	TIP_DOUBT, TIP_DEFENSIVE, TIP_COMMAND, TIP_SARCASM, TIP_NON_APOLOGY,
	TIP_NEGATED, TIP_VAGUE, TIP_REFUSAL, TIP_WEAK, TIP_COUNT
};

const char *tip_kind_name(enum tip_kind k);

/* Word lists a vocabulary word is in (lexicon.wflags). */
enum lex_wflag {
	LW_NEGATOR = 1, LW_SUBJECT = 2, LW_BREAK = 4, LW_NEG_STOP = 8
};

enum lex_el_kind { LE_ALTS, LE_GAP, LE_NUM, LE_BOS, LE_EOS };

struct lex_alt {
	int32_t id;          /* vocabulary id of an exact word, or -1 */
	uint16_t plen;       /* prefix length when id < 0 */
	const char *prefix;  /* borrowed from the lexicon's string pool */
};

struct lex_el {
	uint8_t kind;        /* enum lex_el_kind */
	uint8_t optional;
	uint8_t gap;         /* LE_GAP: at most this many words */
	uint32_t alt, nalt;  /* LE_ALTS: lexicon.alts[alt .. alt+nalt) */
	uint32_t set;        /* LE_ALTS: lexicon.sets[set - 1] decides, or 0 */
};

/* A compiled element of many alternatives (lexicon_index()): which
 * vocabulary ids it matches, as bitsets, and its prefixes for words that
 * are not in the vocabulary. */
struct lex_set {
	uint64_t *ex;        /* bit id: the word with that id is an alternative */
	uint64_t *pre;       /* bit id: a prefix alternative matches the word */
	uint32_t nv;         /* vocabulary ids below nv are in the bitsets */
	uint32_t *pfx;       /* indexes into lexicon.alts of the prefixes */
	uint32_t npfx;
};

/* A pattern that may start at a token, with what a match needs beyond the
 * first element: tested for many patterns at once before any is tried. */
struct lex_cand {
	uint32_t pat;        /* index into lexicon.pats */
	uint32_t nexts;      /* lexicon.nexts + nexts: the ids the token
	                      * after the first may have */
	uint32_t nexts2;     /* the same for the token after that one */
	uint32_t req[2];     /* two vocabulary ids the text must hold (of
	                      * lex_pattern.req), or lexicon.req_any */
	uint64_t next_bloom; /* the same as a Bloom word (a bit per id, all
	                      * set when it may be anything) */
};

/* A candidate found through a word pair: its next word is known. */
struct lex_pcand {
	uint32_t pat;
	uint32_t req[2];     /* as lex_cand.req */
	uint32_t nexts2;     /* as lex_cand.nexts2 */
};

/* What lexicon_scan() looks up for a token of one vocabulary id. */
struct lex_disp {
	uint32_t from, n;    /* its patterns: lexicon.cands[from .. from+n) */
	int32_t pre;         /* index into pre_lists of its first 3 bytes,
	                      * or -1 */
	uint32_t triples;    /* a bit (lexicon_pattern.c: triple_bit()) set
	                      * for each pair of next words it has a
	                      * lex_pair with */
	uint32_t pairs;      /* bit (next * 0x9E3779B1) >> 27 set for each
	                      * next word it has a lex_pair with */
};

/* Patterns whose first two words may be id, then next (next one of the
 * few words their second position allows): lexicon.pcands[from .. to),
 * in pattern order.  With next2 other than PAIR_ANY, those whose third
 * word may be next2 (one of the few words allowed there).  Empty slots
 * have from == to. */
struct lex_pair {
	uint32_t id, next, next2;
	uint32_t from, to;
};

#define PAIR_ANY UINT32_MAX

/* A set of words a match needs one of: the words of its vocabulary
 * bitset that are not empty, lexicon.rwords[from .. from+n). */
struct lex_rword {
	uint32_t w;          /* word index: ids w*64 .. w*64+63 */
	uint64_t bits;
};

struct lex_rset {
	uint32_t from, n;
};

struct lex_pattern {
	uint32_t el, nel;    /* lexicon.els[el .. el+nel) */
	uint16_t cat;        /* enum lex_cat */
	int16_t weight;      /* 0..100 */
	const char *why;     /* borrowed: the reason shown as evidence */
	const char *src;     /* borrowed: the pattern as written */
	uint32_t req, nreq;  /* lexicon.req[req .. req+nreq): vocabulary ids
	                      * a match needs (lexicon_index()) */
	uint32_t rset, nrset; /* lexicon.rsets[rset .. rset+nrset): sets of
	                      * words a match needs one of (lexicon_index()) */
};

struct lex_plist {
	uint32_t *v;
	size_t n, cap;
};

struct lexicon {
	char *file;              /* owned: the lexicon file's path */
	char *language;          /* owned */
	char *stemmer;           /* owned: Snowball language name */
	struct text_norm norm;   /* rewrites, typo keywords, vocabulary */
	size_t nown;             /* vocabulary ids below this are the lexicon's
	                          * own words (lexicon_load_more() adds others) */
	struct text_map acronyms, negators, breaks, stopwords, subjects;
	struct text_map neg_stops; /* words that end a negation's scope */
	struct text_map wish_words; /* a fact starting with one is a wish */
	struct text_map plain_words; /* too common to be the word model's
	                              * cue ("you", "would", "to") */
	struct text_map commit_aux, commit_skip, commit_not; /* "we'll reprint" */
	struct text_map commit_before_not; /* "so we can ...": no commitment */
	int commit_weight;          /* limits.commitment_weight */

	struct lex_pattern *pats;
	size_t npats, cpats;
	struct lex_el *els;
	size_t nels, cels;
	struct lex_alt *alts;
	size_t nalts, calts;
	char **pool;             /* owned strings the patterns borrow */
	size_t npool, cpool;

	struct lex_plist *by_id; /* patterns by vocabulary id of 1st element */
	size_t nby_id;
	struct text_map by_prefix; /* first 3 bytes -> index into pre_lists */
	struct lex_plist *pre_lists;
	size_t npre, cpre;
	struct lex_plist by_num;
	struct lex_set *sets;    /* lexicon_index(): see lex_el.set */
	size_t nsets;
	uint32_t *req;           /* see lex_pattern.req */
	size_t nreq;
	struct lex_rset *rsets;  /* see lex_pattern.rset */
	size_t nrsets;
	struct lex_rword *rwords; /* what lex_rset points into */
	size_t nrwords;
	struct lex_cand *cands;  /* by_id (less what pairs holds), pre_lists
	                          * and by_num flattened with what each
	                          * pattern needs (lexicon_index()) */
	struct lex_disp *disp;   /* per vocabulary id (ndisp of them, and an
	                          * idle entry at ndisp for other tokens) */
	size_t ndisp;
	uint64_t *idle;          /* bit id: disp[id] has nothing to try
	                          * (ids 0 .. ndisp) */
	uint64_t pre_filter[16]; /* a bit per hash of each by_prefix key: a
	                          * word whose bit is clear has no list there */
	uint32_t *cand_pre;      /* per index i into pre_lists: its patterns
	                          * are cands[cand_pre[i] .. cand_pre[i + 1]) */
	uint32_t cand_num;       /* by_num: cands[cand_num .. ncands) */
	uint32_t ncands;
	struct lex_pair *pairs;  /* by_id's candidates whose next word is one
	                          * of a few vocabulary words, under each
	                          * (first, next) word pair they allow, or,
	                          * when the word after is one of a few too,
	                          * each (first, next, next after) triple:
	                          * an open-addressing table of pair_mask + 1 */
	uint32_t pair_mask;
	struct lex_pcand *pcands; /* what pairs point into */
	uint32_t npcands;
	uint64_t *nexts;         /* bitsets of next_words words: bit id, the
	                          * token after a pattern's first may have
	                          * that id; bit nv (the vocabulary's size),
	                          * it may be no vocabulary word or none.
	                          * The first bitset has every bit set. */
	size_t nnexts, next_words;
	uint32_t req_any;        /* the id lex_cand.req names when the pattern
	                          * needs no word: lexicon_scan() always has
	                          * it; also every id at or above it */
	uint8_t *wflags;         /* per vocabulary id: enum lex_wflag, the
	                          * word lists that hold the word */
	size_t nwflags;
	uint8_t wcomplete;       /* enum lex_wflag: the lists all of whose
	                          * words are in the vocabulary (no other
	                          * word can be in them) */
	bool indexed;            /* lexicon_index() has run */

	struct text_map classes; /* class name -> index into cls */
	struct lex_el *cls;      /* each class's alternatives */
	size_t ncls, ccls;
	const char *cat_why[LC_COUNT];
	int cat_weight[LC_COUNT];

	int crit_weight[CRIT_COUNT];   /* for overall */
	int pit_penalty[PIT_COUNT];    /* for overall */
	int too_long_words;
	int neg_window;
	double duplicate_similarity;

	char *tips[CRIT_COUNT][TIP_COUNT]; /* owned; NULL when absent */
	size_t tip_len[CRIT_COUNT][TIP_COUNT]; /* strlen of each, 0 if absent */
};

/* One pattern match: tokens [start, end) of the scanned text. */
struct lex_match {
	uint32_t pat;
	uint32_t start, end;
	uint16_t cat;
};

struct lex_matches {
	struct lex_match *v;
	size_t n, cap;
};

/* Load lexicon/<lang>.json and tips/<lang>.json under assets_dir.  Returns 0
 * and sets *out, or -1 with every problem found added to d. */
int lexicon_load(const char *assets_dir, const char *lang,
    struct lexicon **out, struct diags *d);
/* The same, with the words of more (its keys; may be NULL) in the
 * vocabulary too, so that they get ids (the learned model's words,
 * wordmodel.h).
 * They are added before the typo keywords: never "corrected". */
int lexicon_load_more(const char *assets_dir, const char *lang,
    const struct text_map *more, struct lexicon **out, struct diags *d);
/* The same from two explicit files (tips_path may be NULL: no tips). */
int lexicon_load_files(const char *lex_path, const char *tips_path,
    const struct text_map *more, struct lexicon **out, struct diags *d);
void lexicon_free(struct lexicon *lx);

/* Find every pattern match in t (appended to m, which is emptied first),
 * ordered by start token. */
void lexicon_scan(const struct lexicon *lx, const struct text_tokens *t,
    struct lex_matches *m);

/* Is the normalised word w[0..n) in one of the lexicon's word sets? */
static inline bool
lexicon_in(const struct text_map *set, const char *w, size_t n)
{
	return text_map_get(set, w, n) >= 0;
}

/* --- used by the loader (lexicon.c) and the compiler (lexicon_pattern.c) */

/* Compile pattern src into category cat.  On error returns -1 and writes a
 * message to err.  Class references are resolved in lx->classes. */
int lexicon_compile(struct lexicon *lx, const char *src, enum lex_cat cat,
    int weight, const char *why, char *err, size_t errcap);
/* Build the match index (lex_set bitsets, candidates) once every pattern
 * is compiled; lexicon_compile() rebuilds it if it has been built. */
void lexicon_index(struct lexicon *lx);
void lexicon_index_free(struct lexicon *lx);
/* Keep a string for the lexicon's lifetime; returns the kept copy. */
const char *lexicon_keep(struct lexicon *lx, const char *s);
/* Define a word class from its alternatives (words or prefix*). */
int lexicon_add_class(struct lexicon *lx, const char *name,
    const char *const *alts, size_t n, char *err, size_t errcap);

#endif
