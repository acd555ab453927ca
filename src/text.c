/* text.c: tokenizing and normalising reply text (contractions, chat, typos). */
#include "text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

/* The zero-padded 8 bytes of w[0..n), n <= 8. */
static inline uint64_t
vfast_key(const char *w, size_t n)
{
	uint64_t k = 0;
	memcpy(&k, w, n);
	return k;
}

void
text_norm_add_rewrite(struct text_norm *nm, const char *word,
    const char *replacement)
{
	int idx = text_map_get(&nm->rewrite, word, strlen(word));
	if (idx >= 0) {
		free(nm->repl[idx]);
		nm->repl[idx] = xstrdup(replacement);
		return;
	}
	nm->repl = xgrow(nm->repl, &nm->crepl, nm->nrepl + 1, sizeof *nm->repl);
	nm->repl[nm->nrepl] = xstrdup(replacement);
	size_t n = strlen(word);
	text_map_set(&nm->rewrite, word, n, (int)nm->nrepl);
	uint32_t fb = (text_map_hash_fast(word, n) >> 18) & 16383;
	nm->rewrite_filter[fb >> 6] |= (uint64_t)1 << (fb & 63);
	if (n <= 8) {
		fb = text_vocab_hash(vfast_key(word, n)) >> 20;
		nm->rewrite_filter8[fb >> 6] |= (uint64_t)1 << (fb & 63);
	}
	nm->nrepl++;
}

void
text_norm_free(struct text_norm *nm)
{
	for (size_t i = 0; i < nm->nrepl; i++)
		free(nm->repl[i]);
	free(nm->repl);
	text_map_free(&nm->rewrite);
	text_map_free(&nm->vocab);
	text_typo_free(&nm->typo);
	free(nm->vfast);
	memset(nm, 0, sizeof *nm);
}

static inline __attribute__((always_inline)) int32_t
vocab_get(const struct text_norm *nm, const char *w, size_t n);

void
text_norm_index(struct text_norm *nm)
{
	free(nm->vfast);
	const struct text_map *vm = &nm->vocab;
	size_t nshort = 0, slots = 16;
	for (size_t i = 0; i < vm->cap; i++)
		nshort += vm->v[i].key != NULL && vm->v[i].klen <= 8;
	while (slots < nshort * 3)
		slots *= 2;
	nm->vfast = xmalloc(slots * sizeof *nm->vfast);
	for (size_t i = 0; i < slots; i++)
		nm->vfast[i].id = -1;
	nm->vfast_mask = (uint32_t)slots - 1;
	for (size_t i = 0; i < vm->cap; i++) {
		const struct text_map_ent *e = &vm->v[i];
		if (e->key == NULL || e->val < 0 || e->klen > 8 ||
		    memchr(e->key, '\0', e->klen))
			continue;
		uint64_t key = vfast_key(e->key, e->klen);
		uint32_t h = text_vocab_hash(key);
		uint32_t j = h & nm->vfast_mask;
		while (nm->vfast[j].id >= 0)
			j = (j + 1) & nm->vfast_mask;
		nm->vfast[j].hash = h;
		nm->vfast[j].id = e->val;
		nm->vfast[j].key = key;
	}
	nm->vfast_n = vm->n;
	nm->ascii_id[0] = -1;
	for (int c = 1; c < 128; c++) {
		char b[8] = {(char)c};
		nm->ascii_id[c] = vocab_get(nm, b, 1);
	}
}

/* The first n bytes of w[0..8) (in memory order), zero-padded to 8,
 * 1 <= n <= 8. */
static inline __attribute__((always_inline)) uint64_t
short_key(const char *w, size_t n)
{
	uint64_t key;
	memcpy(&key, w, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	key &= ~(uint64_t)0 << (8 * (8 - n));
#else
	key &= ~(uint64_t)0 >> (8 * (8 - n));
#endif
	return key;
}

static inline __attribute__((always_inline)) int32_t
vocab_get_short(const struct text_norm *nm, uint64_t key, uint32_t h);

/* The vocabulary id of w[0..n) (no NUL byte in it), or -1.  w[0..8) must
 * be readable whatever n (scan_word()'s buffer is). */
static inline __attribute__((always_inline)) int32_t
vocab_get(const struct text_norm *nm, const char *w, size_t n)
{
	if (n > 8 || nm->vfast == NULL || nm->vfast_n != nm->vocab.n)
		return text_map_get(&nm->vocab, w, n);
	uint64_t key = short_key(w, n);
	return vocab_get_short(nm, key, text_vocab_hash(key));
}

/* vocab_get() of a word of at most 8 bytes, its short_key() key and
 * text_vocab_hash() h, when nm->vfast is current. */
static inline __attribute__((always_inline)) int32_t
vocab_get_short(const struct text_norm *nm, uint64_t key, uint32_t h)
{
	for (uint32_t j = h & nm->vfast_mask;; j = (j + 1) & nm->vfast_mask) {
		const struct text_vocab_slot *sl = &nm->vfast[j];
		if (sl->id < 0)
			return -1;
		if (sl->hash == h && sl->key == key)
			return sl->id;
	}
}

void
text_tokens_init(struct text_tokens *t)
{
	memset(t, 0, sizeof *t);
}

void
text_tokens_free(struct text_tokens *t)
{
	free(t->v);
	free(t->buf);
	memset(t, 0, sizeof *t);
}

/* --- character classes ------------------------------------------------ */

static bool
cp_space(uint32_t c)
{
	return c <= 32 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xa0 ||
	    (c >= 0x2000 && c <= 0x200b) || c == 0x2028 || c == 0x2029 ||
	    c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff ||
	    c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069);
}

static bool
cp_emoji(uint32_t c)
{
	return (c >= 0x1f000 && c <= 0x1faff) || (c >= 0x2600 && c <= 0x27bf) ||
	    (c >= 0x2b00 && c <= 0x2bff) || (c >= 0x2190 && c <= 0x21ff) ||
	    (c >= 0x2300 && c <= 0x23ff) || (c >= 0x25a0 && c <= 0x25ff) ||
	    c == 0x3030 || c == 0x303d || c == 0x00a9 || c == 0x00ae ||
	    c == 0x2122 || (c >= 0xe0020 && c <= 0xe007f);
}

/* Joiners and modifiers that continue an emoji sequence. */
static bool
cp_emoji_cont(uint32_t c)
{
	return c == 0x200d || c == 0xfe0f || c == 0xfe0e || c == 0x20e3 ||
	    (c >= 0x1f3fb && c <= 0x1f3ff) || (c >= 0xe0020 && c <= 0xe007f);
}

static bool
cp_apostrophe(uint32_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02bc ||
	    c == 0x2032 || c == '`' || c == 0xb4;
}

static bool
cp_combining(uint32_t c)
{
	return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) ||
	    (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) ||
	    (c >= 0xfe20 && c <= 0xfe2f);
}

/* Non-ASCII punctuation and symbols (not letters). */
static bool
cp_punct_other(uint32_t c)
{
	return (c >= 0xa1 && c <= 0xbf) || c == 0xd7 || c == 0xf7 ||
	    (c >= 0x2010 && c <= 0x205e) || (c >= 0x20a0 && c <= 0x20cf) ||
	    (c >= 0x3001 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) ||
	    (c >= 0x2e00 && c <= 0x2e7f) || c == 0x2212;
}

static bool
cp_letter(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	return !cp_space(c) && !cp_emoji(c) && !cp_punct_other(c) &&
	    !cp_apostrophe(c) && !cp_emoji_cont(c);
}

static bool
cp_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* Decode at s[i]; invalid bytes decode as U+FFFD of length 1. */
static size_t
dec(const char *s, size_t len, size_t i, uint32_t *c)
{
	if (i >= len) {
		*c = 0;
		return 0;
	}
	unsigned char b = (unsigned char)s[i];
	if (b < 0x80) {
		*c = b;
		return 1;
	}
	size_t n = utf8_decode(s + i, len - i, c);
	if (n == 0) {
		*c = 0xfffd;
		return 1;
	}
	return n;
}

/* --- output ------------------------------------------------------------ */

struct tk {
	const struct text_norm *nm;
	struct text_memo *memo;
	struct text_tokens *t;
	uint32_t sent;
	bool sent_open;     /* a token has been emitted in this sentence */
	bool vfast;         /* nm has words, and its table of short ones is
	                     * current: emit_word_fast() looks words up there
	                     * without testing it for each */
};

/* id: the vocabulary id of norm[0..n) when known, else ID_UNKNOWN. */
#define ID_UNKNOWN INT32_MIN

/* The fields every emitted token sets the same way: kind, flags (the
 * first token of a sentence marked), sentence, mark and id. */
static inline __attribute__((always_inline)) void
tok_finish(struct tk *k, struct token *tok, enum tok_kind kind,
    uint8_t flags, int32_t id)
{
	tok->kind = (uint8_t)kind;
	tok->flags = flags;
	if (!k->sent_open) {
		tok->flags |= TF_SENT_START;
		k->sent_open = true;
	}
	tok->sent = k->sent;
	tok->mark = 0;
	tok->id = id;
}

static inline __attribute__((always_inline)) void
emit_id(struct tk *k, const char *norm, size_t n, size_t start, size_t end,
    enum tok_kind kind, uint8_t flags, int32_t id)
{
	struct text_tokens *t = k->t;
	if (n > TEXT_MAX_NORM)
		n = TEXT_MAX_NORM;
	/* (Without an array or a buffer, its capacity is 0.) */
	if (t->n >= t->cap)
		t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	if (t->blen + n + 1 > t->bcap)
		t->buf = xgrow(t->buf, &t->bcap, t->blen + n + 1, 1);
	struct token *tok = &t->v[t->n++];
	tok->start = start;
	tok->end = end;
	tok->off = (uint32_t)t->blen;
	tok->len = (uint16_t)n;
	if (norm != t->buf + t->blen) /* scan_word writes words in place */
		memcpy(t->buf + t->blen, norm, n);
	t->buf[t->blen + n] = '\0';
	t->blen += n + 1;
	if (id == ID_UNKNOWN)
		id = k->nm ? text_map_get(&k->nm->vocab, norm, n) : -1;
	tok_finish(k, tok, kind, flags, id);
}

/* emit_id() of a word scan_word() wrote in place, at w = t->buf + off,
 * off = t->blen, for which it made room (n <= TEXT_MAX_NORM), with its id
 * known: the word's bytes stay where they are and the buffer needs no
 * check.  (The caller has w and off at hand: a byte stored into the
 * buffer since they were read would have t->buf and t->blen read again.) */
static inline __attribute__((always_inline)) void
emit_in_place(struct tk *k, char *w, size_t off, size_t n, size_t start,
    size_t end, enum tok_kind kind, uint8_t flags, int32_t id)
{
	struct text_tokens *t = k->t;
	if (t->n >= t->cap) /* (without an array, cap is 0) */
		t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	struct token *tok = &t->v[t->n++];
	tok->start = start;
	tok->end = end;
	tok->off = (uint32_t)off;
	tok->len = (uint16_t)n;
	w[n] = '\0';
	t->blen = off + n + 1;
	tok_finish(k, tok, kind, flags, id);
}

static void
emit(struct tk *k, const char *norm, size_t n, size_t start, size_t end,
    enum tok_kind kind, uint8_t flags)
{
	emit_id(k, norm, n, start, end, kind, flags, ID_UNKNOWN);
}

static void
end_sentence(struct tk *k)
{
	if (k->sent_open) {
		k->sent++;
		k->sent_open = false;
	}
}

static bool
all_digits(const char *w, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!cp_digit((unsigned char)w[i]) && w[i] != '.' && w[i] != ':')
			return false;
	return cp_digit((unsigned char)w[0]);
}

/* The memo: direct-mapped by the word's hash (text_map_hash_fast). */
#define TEXT_MEMO_SLOTS 1024
#define TEXT_MEMO_WORD 22

struct text_memo_slot {
	uint32_t hash;
	uint8_t len;                 /* 0: empty */
	char w[TEXT_MEMO_WORD];
	const char *fix;             /* borrowed from the text_norm's typo */
};

void
text_memo_free(struct text_memo *memo)
{
	free(memo->v);
	memo->v = NULL;
}

/* text_typo_fix() of w[0..n) (hash h), through k's memo if any. */
static const char *
typo_fix(struct tk *k, const char *w, size_t n, uint32_t h)
{
	if (k->memo == NULL || n >= TEXT_MEMO_WORD)
		return text_typo_fix(&k->nm->typo, w, n);
	if (k->memo->v == NULL)
		k->memo->v = xcalloc(TEXT_MEMO_SLOTS, sizeof *k->memo->v);
	struct text_memo_slot *sl = &k->memo->v[h & (TEXT_MEMO_SLOTS - 1)];
	if (sl->len == n && sl->hash == h && text_map_key_eq(sl->w, w, n))
		return sl->fix;
	sl->fix = text_typo_fix(&k->nm->typo, w, n);
	sl->hash = h;
	sl->len = (uint8_t)n;
	memcpy(sl->w, w, n);
	return sl->fix;
}

/* Emit w[0..n) (hash h), a word not in the vocabulary (nor rewritten):
 * the keyword it is a typo of, or itself. */
static void
emit_unknown(struct tk *k, const char *w, size_t n, size_t start, size_t end,
    uint8_t flags, uint32_t h)
{
	const char *fix = typo_fix(k, w, n, h);
	if (fix) {
		emit(k, fix, strlen(fix), start, end, TOK_WORD, flags | TF_TYPO);
		return;
	}
	emit_id(k, w, n, start, end, all_digits(w, n) ? TOK_NUM : TOK_WORD, flags,
	    n <= TEXT_MAX_NORM ? -1 : ID_UNKNOWN);
}

/* Emit one normalised word, applying rewrites and typo correction. */
static void
emit_word(struct tk *k, const char *w, size_t n, size_t start, size_t end,
    uint8_t flags, bool rewrite)
{
	const struct text_norm *nm = k->nm;
	int32_t id = ID_UNKNOWN;
	if (n == 0)
		return;
	if (nm && rewrite) {
		/* One hash for both maps. */
		uint32_t h = text_map_hash_fast(w, n);
		uint32_t fb = (h >> 18) & 16383;
		int r = (nm->rewrite_filter[fb >> 6] >> (fb & 63)) & 1 ?
		    text_map_get_h(&nm->rewrite, w, n, h) : -1;
		if (r >= 0) {
			const char *p = nm->repl[r];
			while (*p) {
				while (*p == ' ')
					p++;
				const char *q = p;
				while (*q && *q != ' ')
					q++;
				if (q > p) {
					emit_word(k, p, (size_t)(q - p), start, end,
					    flags, false);
					flags = (uint8_t)((flags & ~(TF_CAPS | TF_CAP1)) | TF_SUB);
				}
				p = q;
			}
			return;
		}
		if (nm->vocab.n) {
			int32_t vid = text_map_get_h(&nm->vocab, w, n, h);
			if (vid < 0) {
				emit_unknown(k, w, n, start, end, flags, h);
				return;
			}
			if (n <= TEXT_MAX_NORM)
				id = vid;
		}
	}
	emit_id(k, w, n, start, end, all_digits(w, n) ? TOK_NUM : TOK_WORD, flags,
	    id);
}

/* emit_word(..., true) for the common case, inline: a word that is not
 * rewritten; anything else goes to emit_word().  w is where scan_word()
 * wrote it, in place, at offset off (see emit_in_place()); key is its
 * short_key() when n <= 8 (short_word() has it at hand). */
static inline __attribute__((always_inline)) void
emit_word_key(struct tk *k, char *w, size_t off, size_t n, uint64_t key,
    size_t start, size_t end, uint8_t flags)
{
	const struct text_norm *nm = k->nm;
	if (n == 0)
		return;
	/* Without the table (or words), emit_word() does all below. */
	if (!k->vfast) {
		emit_word(k, w, n, start, end, flags, true);
		return;
	}
	int32_t vid;
	if (n <= 8) {
		/* A short word by its 8 bytes: one multiplication hashes
		 * it for both the rewrites' filter and the table. */
		uint32_t h = text_vocab_hash(key), fb = h >> 20;
		if ((nm->rewrite_filter8[fb >> 6] >> (fb & 63)) & 1) {
			emit_word(k, w, n, start, end, flags, true);
			return;
		}
		vid = vocab_get_short(nm, key, h);
	} else {
		uint32_t h = text_map_hash_fast(w, n);
		uint32_t fb = (h >> 18) & 16383;
		if ((nm->rewrite_filter[fb >> 6] >> (fb & 63)) & 1) {
			emit_word(k, w, n, start, end, flags, true);
			return;
		}
		vid = text_map_get_h(&nm->vocab, w, n, h);
	}
	if (vid < 0) {
		emit_unknown(k, w, n, start, end, flags, text_map_hash_fast(w, n));
		return;
	}
	/* Not all_digits(): scan_word() starts a word at a letter. */
	if (n > TEXT_MAX_NORM) {
		emit_id(k, w, n, start, end, TOK_WORD, flags, ID_UNKNOWN);
		return;
	}
	emit_in_place(k, w, off, n, start, end, TOK_WORD, flags, vid);
}

/* emit_word_key() of a word at the buffer's end (off = t->blen). */
static inline __attribute__((always_inline)) void
emit_word_fast(struct tk *k, char *w, size_t n, size_t start, size_t end,
    uint8_t flags)
{
	emit_word_key(k, w, k->t->blen, n, n && n <= 8 ? short_key(w, n) : 0,
	    start, end, flags);
}

static const char *const is_bases[] = {
	"it", "that", "there", "here", "what", "who", "where", "how", "he",
	"she", "this", "everything", "nothing", "something", "someone",
	"everyone", "which", "when", "why", "one", NULL,
};

static bool
in_list(const char *w, size_t n, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (list[i][0] == w[0] && strncmp(list[i], w, n) == 0 &&
		    list[i][n] == '\0')
			return true;
	return false;
}

/* The second words of contractions, each padded to 8 bytes so that
 * vocab_get() can read its 8 bytes (and no strlen() is needed). */
enum { SW_NOT, SW_US, SW_IS, SW_S, SW_AM, SW_ARE, SW_HAVE, SW_WILL,
	SW_WOULD, SW_NONE };
static const char second_words[SW_NONE][8] = {
	[SW_NOT] = "not", [SW_US] = "us", [SW_IS] = "is", [SW_S] = "'s",
	[SW_AM] = "am", [SW_ARE] = "are", [SW_HAVE] = "have",
	[SW_WILL] = "will", [SW_WOULD] = "would",
};
static const uint8_t second_len[SW_NONE] = {3, 2, 2, 2, 2, 3, 4, 4, 5};

/* A written word, lower-cased into w[0..n), apostrophe at ap (or n). */
static void
emit_written(struct tk *k, char *w, size_t n, size_t ap, size_t start,
    size_t end, uint8_t flags)
{
	if (ap >= n || ap == 0) {
		emit_word_fast(k, w, n, start, end, flags);
		return;
	}
	const char *cl = w + ap + 1;
	size_t cn = n - ap - 1;
	size_t bn = ap;
	int second = SW_NONE;
	bool same = true; /* base is w[0 .. bn); else it is in base */
	char base[TEXT_MAX_NORM + 8];
	if (bn > TEXT_MAX_NORM)
		bn = TEXT_MAX_NORM;
#define CL(s) (cn == sizeof(s) - 1 && memcmp(cl, s, sizeof(s) - 1) == 0)
	if (CL("t") && bn >= 2 && w[bn - 1] == 'n') {
		same = false;
		bn--;
		memcpy(base, w, bn);
		base[bn] = '\0';
		if (strcmp(base, "ca") == 0)
			strcpy(base, "can");
		else if (strcmp(base, "wo") == 0)
			strcpy(base, "will");
		else if (strcmp(base, "sha") == 0)
			strcpy(base, "shall");
		else if (strcmp(base, "ai") == 0)
			strcpy(base, "is");
		else
			same = true;
		bn = strlen(base);
		second = SW_NOT;
	} else if (CL("s")) {
		if (bn == 3 && memcmp(w, "let", 3) == 0)
			second = SW_US;
		else if (in_list(w, bn, is_bases))
			second = SW_IS;
		else
			second = SW_S;
	} else if (CL("m")) {
		second = SW_AM;
	} else if (CL("re")) {
		second = SW_ARE;
	} else if (CL("ve")) {
		second = SW_HAVE;
	} else if (CL("ll")) {
		second = SW_WILL;
	} else if (CL("d")) {
		second = SW_WOULD;
	}
#undef CL
	if (second == SW_NONE) {
		/* o'clock, O'Brien: one word without the apostrophe's split. */
		emit_word(k, w, n, start, end, flags, true);
		return;
	}
	/* The base as written ("don't", "it's") is still in place. */
	if (same)
		emit_word_fast(k, w, bn, start, end, flags);
	else
		emit_word(k, base, bn, start, end, flags, true);
	/* The second word's id through the short words' table. */
	const char *sw = second_words[second];
	size_t sn = second_len[second];
	emit_id(k, sw, sn, start, end, TOK_WORD,
	    (uint8_t)((flags & ~(TF_CAPS | TF_CAP1)) | TF_SUB),
	    k->nm ? vocab_get(k->nm, sw, sn) : -1);
}

static bool
starts_ci(const char *s, size_t len, size_t i, const char *pre)
{
	size_t n = strlen(pre);
	if (len - i < n)
		return false;
	for (size_t j = 0; j < n; j++) {
		char c = s[i + j];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != pre[j])
			return false;
	}
	return true;
}

/* Does a URL (http://, https://, www.) start at s[i]? */
static inline bool
url_at(const char *s, size_t len, size_t i)
{
	/* The second letter first: most words starting with h or w ("have",
	 * "we") are out at once. */
	if (len - i < 4)
		return false;
	char c = (char)(s[i] | 0x20), c1 = (char)(s[i + 1] | 0x20);
	if (c == 'h')
		return c1 == 't' && (starts_ci(s, len, i, "http://") ||
		    starts_ci(s, len, i, "https://"));
	return c == 'w' && c1 == 'w' && starts_ci(s, len, i, "www.");
}

/* Does an ASCII letter that starts no URL begin a word at s[i]? */
static inline bool
word_start(const char *s, size_t len, size_t i)
{
	unsigned char lb = (unsigned char)(s[i] | 0x20);
	return (unsigned char)(lb - 'a') < 26 && (unsigned char)s[i] < 0x80 &&
	    ((lb != 'h' && lb != 'w') || !url_at(s, len, i));
}

static size_t
skip_nonspace(const char *s, size_t len, size_t i)
{
	uint32_t c;
	size_t n;
	while (i < len && (n = dec(s, len, i, &c)) && !cp_space(c))
		i += n;
	return i;
}

/* ASCII letters and digits: their class bits (AC_*), else 0. */
enum { AC_LOWER = 1, AC_UPPER = 2, AC_DIGIT = 4 };
static const uint8_t ascii_alnum[256] = {
	['0'] = 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	['A'] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2,
	['a'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1,
};

/* Bytes after a run of ASCII letters and digits that may continue the
 * word: UTF-8, an apostrophe, '@' (an e-mail address). */
static const uint8_t word_more[256] = {
	['\''] = 1, ['`'] = 1, ['@'] = 1,
	[0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* ASCII punctuation and symbols that are always one token of their own
 * (not '@', '#', '/', ':', ';', '=', '-', which may start or join
 * something longer): their kind, or PA_END for . ! ? (TOK_PUNCT). */
enum { PA_PUNCT = 1, PA_SYMBOL, PA_END };
static const uint8_t ascii_punct[128] = {
	['!'] = PA_END, ['.'] = PA_END, ['?'] = PA_END,
	['"'] = PA_PUNCT, ['\''] = PA_PUNCT, ['('] = PA_PUNCT, [')'] = PA_PUNCT,
	[','] = PA_PUNCT, ['['] = PA_PUNCT, [']'] = PA_PUNCT, ['`'] = PA_PUNCT,
	['{'] = PA_PUNCT, ['}'] = PA_PUNCT,
	['$'] = PA_SYMBOL, ['%'] = PA_SYMBOL, ['&'] = PA_SYMBOL,
	['+'] = PA_SYMBOL, ['*'] = PA_SYMBOL, ['<'] = PA_SYMBOL,
	['>'] = PA_SYMBOL, ['^'] = PA_SYMBOL, ['~'] = PA_SYMBOL,
	['|'] = PA_SYMBOL, ['\\'] = PA_SYMBOL, ['_'] = PA_SYMBOL,
};

/* The vocabulary id of the one-byte word c (through the compact table). */
static int32_t
char_id_slow(const struct tk *k, char c)
{
	const struct text_norm *nm = k->nm;
	if (nm == NULL)
		return -1;
	/* The table text_norm_index() built, while it is valid. */
	if (nm->vfast != NULL && nm->vfast_n == nm->vocab.n &&
	    (unsigned char)c < 128)
		return nm->ascii_id[(unsigned char)c];
	char b[8] = {c};
	return vocab_get(nm, b, 1);
}

/* char_id_slow() inline for the common case: k->vfast says the table is
 * valid (its ids are vocab_get()'s). */
static inline __attribute__((always_inline)) int32_t
char_id(const struct tk *k, char c)
{
	if (k->vfast && (unsigned char)c < 128)
		return k->nm->ascii_id[(unsigned char)c];
	return char_id_slow(k, c);
}

/* Emit the ASCII punctuation s[i] (kind pa, see ascii_punct) and, after
 * one that ends a sentence, the . ! ? that follow it; returns the end. */
static size_t
punct_ascii(struct tk *k, const char *s, size_t len, size_t i, uint8_t pa)
{
	bool ends = pa == PA_END;
	emit_id(k, s + i, 1, i, i + 1, pa == PA_SYMBOL ? TOK_SYMBOL : TOK_PUNCT,
	    ends ? TF_SENT_END : 0, char_id(k, s[i]));
	i++;
	if (ends) {
		/* "?!" and "..." end one sentence, not several. */
		while (i < len && (s[i] == '.' || s[i] == '!' || s[i] == '?')) {
			emit_id(k, s + i, 1, i, i + 1, TOK_PUNCT, TF_SENT_END,
			    char_id(k, s[i]));
			i++;
		}
		end_sentence(k);
	}
	return i;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* How many of the 8 bytes p[0..8) lead with ASCII letters and digits;
 * if fewer than 8, they are written lower-cased to w (8 bytes are),
 * *lo and *up their small and capital letters (bit 7 of each byte of
 * the lead: test them for any, or none) and *key the lead as
 * short_key() has it. */
static inline __attribute__((always_inline)) size_t
short_word(const char *p, char *w, uint64_t *lo, uint64_t *up,
    uint64_t *key)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
	uint64_t x;
	memcpy(&x, p, 8);
	/* Each byte below 0x80 stays within its byte in these sums: bit 7
	 * of (v + 0x80 - lo) & ~(v + 0x7f - hi) is set iff lo <= v <= hi. */
	uint64_t x7 = x & ~high, l = x7 | ones * 0x20;
	uint64_t alpha = (l + ones * (0x80 - 'a')) & ~(l + ones * (0x7f - 'z'));
	uint64_t digit = (x7 + ones * (0x80 - '0')) & ~(x7 + ones * (0x7f - '9'));
	uint64_t stop = ~((alpha | digit) & ~x) & high;
	if (stop == 0) {
		*lo = *up = 0;
		return 8;
	}
	size_t n = (size_t)__builtin_ctzll(stop) >> 3;
	uint64_t lowered = x | ones * 0x20;
	memcpy(w, &lowered, 8);
	/* The letters of the lead; bit 5 of each, moved to bit 7, is set
	 * for a small letter. */
	uint64_t lead = ((uint64_t)1 << (8 * n)) - 1;
	*key = lowered & lead;
	alpha &= high & lead;
	uint64_t small = x << 2;
	*lo = alpha & small;
	*up = alpha & ~small;
	return n;
}

/* short_word() of a longer word: p[0..8) are ASCII letters and digits
 * (short_word() found 8), avail >= 8 bytes readable at p.  Returns the
 * word's length when it ends within the next 8 bytes (9 to 15; the text's
 * end ends it too), with all of it lower-cased to w (16 bytes are written)
 * and *lo, *up as short_word() has them; else 0.  Words of 8 letters and
 * more ("apologise", "understand") are common enough not to go through
 * scan_word()'s byte loop. */
static inline __attribute__((always_inline)) size_t
long_word(const char *p, size_t avail, char *w, uint64_t *lo, uint64_t *up)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
	uint64_t x;
	memcpy(&x, p, 8);
	uint64_t lowered = x | ones * 0x20; /* digits have bit 5 set */
	memcpy(w, &lowered, 8);
	/* Bit 6 is set in a letter, not in a digit; bit 5 of a letter is
	 * set for a small one: both moved to bit 7. */
	uint64_t letter = (x << 1) & high, small = (x << 2) & high;
	char pad[8] = {0};
	const char *q = p + 8;
	if (avail < 16) {
		memcpy(pad, q, avail - 8);
		q = pad;
	}
	uint64_t lo2, up2, key2;
	size_t n = short_word(q, w + 8, &lo2, &up2, &key2);
	if (n == 8)
		return 0;
	*lo = (letter & small) | lo2;
	*up = (letter & ~small) | up2;
	return 8 + n;
}
#endif

/* Scan a word starting at i; emits it and returns the end. */
static size_t
scan_word(struct tk *k, const char *s, size_t len, size_t i)
{
	/* The word is lower-cased straight into the token buffer, where
	 * emit_id() finds it already in place (anything emitted first, a
	 * rewrite or a contraction, is copied from elsewhere over it). */
	struct text_tokens *t = k->t;
	if (t->buf == NULL || t->blen + TEXT_MAX_NORM + 8 > t->bcap)
		t->buf = xgrow(t->buf, &t->bcap, t->blen + TEXT_MAX_NORM + 8, 1);
	char *w = t->buf + t->blen;
	size_t wn = 0, ap = SIZE_MAX, start = i;
	int upper = 0, lower = 0;
	uint32_t c;
	size_t n;
	/* The run of ASCII letters and digits, lower-cased (| 0x20 leaves
	 * digits alone); what ends it is looked at below only when it may
	 * continue the word (UTF-8, an apostrophe, '@'). */
	unsigned seen = 0;
	size_t short_n = 8;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* Most words are shorter than 8 bytes: all of one in a single step,
	 * when 8 bytes are there to read. */
	if (len - i >= 8) {
		uint64_t lo, up;
		uint64_t key; /* unused: emit_written() finds the word there */
		short_n = short_word(s + i, w, &lo, &up, &key);
		seen = (lo ? AC_LOWER : 0) | (up ? AC_UPPER : 0);
	}
#endif
	if (short_n < 8) {
		wn = short_n;
		i += short_n;
	} else {
		size_t lim = len - i < TEXT_MAX_NORM ? len : i + TEXT_MAX_NORM;
		for (uint8_t cl; i < lim &&
		    (cl = ascii_alnum[(unsigned char)s[i]]); i++) {
			seen |= cl;
			w[wn++] = (char)(s[i] | 0x20);
		}
		while (i < len && ascii_alnum[(unsigned char)s[i]])
			seen |= ascii_alnum[(unsigned char)s[i++]];
	}
	/* Only "no lower case" and "2+ capitals" matter (TF_CAPS). */
	lower = (seen & AC_LOWER) != 0;
	if ((seen & (AC_LOWER | AC_UPPER)) == AC_UPPER)
		for (size_t j = start; j < i; j++)
			upper += ascii_alnum[(unsigned char)s[j]] == AC_UPPER;
	bool more = i < len && word_more[(unsigned char)s[i]];
	while (more && i < len) {
		/* ASCII letters and digits, without decoding. */
		unsigned char b = (unsigned char)s[i];
		if ((unsigned char)((b | 0x20) - 'a') < 26) {
			char ch = (char)b;
			if (b <= 'Z') {
				upper++;
				ch = (char)(b | 0x20);
			} else {
				lower++;
			}
			if (wn < TEXT_MAX_NORM)
				w[wn++] = ch;
			i++;
			continue;
		}
		if ((unsigned char)(b - '0') < 10) {
			if (wn < TEXT_MAX_NORM)
				w[wn++] = (char)b;
			i++;
			continue;
		}
		if ((n = dec(s, len, i, &c)) == 0)
			break;
		if (cp_letter(c) || cp_digit(c) || cp_combining(c)) {
			if (c < 0x80) {
				char ch = (char)c;
				if (ch >= 'A' && ch <= 'Z') {
					upper++;
					ch = (char)(ch - 'A' + 'a');
				} else if (ch >= 'a' && ch <= 'z') {
					lower++;
				}
				if (wn < TEXT_MAX_NORM)
					w[wn++] = ch;
			} else {
				if (c >= 0xc0 && c <= 0xde && c != 0xd7)
					upper++;
				else if (c >= 0xdf && c <= 0xff && c != 0xf7)
					lower++;
				if (wn + n <= TEXT_MAX_NORM) {
					memcpy(w + wn, s + i, n);
					wn += n;
				}
			}
			i += n;
			continue;
		}
		uint32_t c2;
		size_t n2 = dec(s, len, i + n, &c2);
		if (cp_apostrophe(c) && n2 && cp_letter(c2) && ap == SIZE_MAX) {
			ap = wn;
			if (wn < TEXT_MAX_NORM)
				w[wn++] = '\'';
			i += n;
			continue;
		}
		if (c == '@' && n2 && (cp_letter(c2) || cp_digit(c2))) {
			/* an e-mail address */
			size_t e = skip_nonspace(s, len, i);
			emit(k, "<email>", 7, start, e, TOK_URL, 0);
			return e;
		}
		break;
	}
	uint8_t flags = 0;
	if (upper >= 2 && lower == 0)
		flags |= TF_CAPS;
	uint32_t c0;
	dec(s, len, start, &c0);
	if ((c0 >= 'A' && c0 <= 'Z') || (c0 >= 0xc0 && c0 <= 0xde))
		flags |= TF_CAP1;
	emit_written(k, w, wn, ap, start, i, flags);
	return i;
}

/* scan_word() of an ASCII word, inline for the common cases: fewer than 16
 * letters and digits that nothing continues (no apostrophe, UTF-8 or '@'
 * after them), also at the end of the text, or two such runs joined by an
 * apostrophe (a contraction); anything else goes to scan_word(). */
static inline __attribute__((always_inline)) size_t
scan_word_fast(struct tk *k, const char *s, size_t len, size_t i)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	struct text_tokens *t = k->t;
	size_t off = t->blen;
	/* (Without a buffer, bcap is 0.) */
	if (off + TEXT_MAX_NORM + 8 > t->bcap)
		return scan_word(k, s, len, i);
	char *w = t->buf + off;
	uint64_t lo, up, key;
	size_t n;
	if (len - i >= 8) {
		n = short_word(s + i, w, &lo, &up, &key);
	} else {
		/* The text's last word: its bytes, padded with NULs, which
		 * end it as the text's end does. */
		char pad[8] = {0};
		memcpy(pad, s + i, len - i);
		n = short_word(pad, w, &lo, &up, &key);
	}
	if (n == 8) {
		/* (Found with len - i >= 8: a shorter rest is padded.) */
		n = long_word(s + i, len - i, w, &lo, &up);
		/* emit_word_key() looks a word of 8 bytes up by its key,
		 * and needs none for a longer one. */
		key = n == 8 ? short_key(w, 8) : 0;
	}
	size_t e = i + n, wn = n;
	if (n == 0)
		return scan_word(k, s, len, i);
	if (e < len && word_more[(unsigned char)s[e]]) {
		/* A contraction ("don't", "I'm"): an ASCII apostrophe, then
		 * fewer than 8 letters and digits, starting with a letter,
		 * that nothing continues. */
		if (s[e] != '\'' || len - e - 1 < 8 ||
		    (unsigned char)((s[e + 1] | 0x20) - 'a') >= 26)
			return scan_word(k, s, len, i);
		uint64_t lo2, up2, key2;
		size_t m = short_word(s + e + 1, w + n + 1, &lo2, &up2, &key2);
		if (m == 8 || word_more[(unsigned char)s[e + 1 + m]])
			return scan_word(k, s, len, i);
		w[n] = '\'';
		wn = n + 1 + m;
		e += 1 + m;
		lo |= lo2;
		up |= up2;
	}
	uint8_t flags = 0;
	if (!lo && up) { /* capitals, no small letter */
		int upper = 0;
		for (size_t j = i; j < e; j++)
			upper += ascii_alnum[(unsigned char)s[j]] == AC_UPPER;
		if (upper >= 2)
			flags |= TF_CAPS;
	}
	/* s[i] is a letter: a capital has bit 5 clear. */
	flags |= (uint8_t)(!(s[i] & 0x20) * TF_CAP1);
	if (wn > n)
		emit_written(k, w, wn, n, i, e, flags);
	else
		emit_word_key(k, w, off, n, key, i, e, flags);
	return e;
#else
	return scan_word(k, s, len, i);
#endif
}

static size_t
scan_number(struct tk *k, const char *s, size_t len, size_t i)
{
	char w[TEXT_MAX_NORM + 8];
	size_t wn = 0, start = i;
	while (i < len) {
		char c = s[i];
		if (cp_digit((unsigned char)c)) {
			if (wn < TEXT_MAX_NORM)
				w[wn++] = c;
			i++;
		} else if ((c == '.' || c == ':' || c == ',') && i + 1 < len &&
		    cp_digit((unsigned char)s[i + 1]) && wn > 0) {
			if (c != ',' && wn < TEXT_MAX_NORM)
				w[wn++] = c;
			i++;
		} else {
			break;
		}
	}
	/* Digits run straight into letters: "2day", "1st", "5mg". */
	size_t j = i;
	while (j < len && ((s[j] >= 'a' && s[j] <= 'z') ||
	    (s[j] >= 'A' && s[j] <= 'Z') || cp_digit((unsigned char)s[j])))
		j++;
	if (j > i && k->nm && j - start <= TEXT_MAX_NORM) {
		char whole[TEXT_MAX_NORM + 1];
		for (size_t x = start; x < j; x++) {
			char ch = s[x];
			whole[x - start] = (ch >= 'A' && ch <= 'Z') ?
			    (char)(ch - 'A' + 'a') : ch;
		}
		if (text_map_get(&k->nm->rewrite, whole, j - start) >= 0) {
			emit_word(k, whole, j - start, start, j, 0, true);
			return j;
		}
	}
	if (j - i == 2) {
		char a = (char)(s[i] | 0x20), b = (char)(s[i + 1] | 0x20);
		if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
		    (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
			i = j; /* ordinal: keep the digits */
	}
	emit(k, w, wn, start, i, TOK_NUM, 0);
	return i;
}

void
text_tokenize(const struct text_norm *nm, const char *s, size_t len,
    struct text_tokens *t)
{
	text_tokenize_memo(nm, s, len, t, NULL);
}

void
text_tokenize_memo(const struct text_norm *nm, const char *s, size_t len,
    struct text_tokens *t, struct text_memo *memo)
{
	struct tk k = {nm, memo, t, 0, false, nm && nm->vocab.n && nm->vfast &&
	    nm->vfast_n == nm->vocab.n};
	t->n = 0;
	t->blen = 0;
	size_t i = 0;
	if (s == NULL)
		len = 0;
	while (i < len) {
		/* ASCII fast paths: spaces, and letters that do not start a
		 * URL (everything below tests nothing else for them). */
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if (b == '\n') {
				end_sentence(&k);
				i++;
				continue;
			}
			if (b <= 32 || b == 0x7f) {
				i++;
				continue;
			}
			unsigned char lb = (unsigned char)(b | 0x20);
			if ((unsigned char)(lb - 'a') < 26 &&
			    ((lb != 'h' && lb != 'w') || !url_at(s, len, i))) {
				i = scan_word_fast(&k, s, len, i);
				/* Words one space apart, the common case, go
				 * from word to word here. */
				while (i + 1 < len && s[i] == ' ' &&
				    word_start(s, len, i + 1))
					i = scan_word_fast(&k, s, len, i + 1);
				continue;
			}
			if (ascii_punct[b]) {
				i = punct_ascii(&k, s, len, i, ascii_punct[b]);
				continue;
			}
		}
		uint32_t c;
		size_t n = dec(s, len, i, &c);
		if (c == '\n') {
			end_sentence(&k);
			i += n;
			continue;
		}
		if (cp_space(c)) {
			i += n;
			continue;
		}
		if (url_at(s, len, i)) {
			size_t e = skip_nonspace(s, len, i);
			/* Trailing sentence punctuation is not part of the URL. */
			while (e > i + 4 && strchr(".,!?;:)", s[e - 1]))
				e--;
			emit(&k, "<url>", 5, i, e, TOK_URL, 0);
			i = e;
			continue;
		}
		uint32_t c2 = 0;
		size_t n2 = dec(s, len, i + n, &c2);
		if ((c == '@' || c == '#') && n2 &&
		    (cp_letter(c2) || cp_digit(c2) || c2 == '_')) {
			size_t e = i + 1;
			while (e < len && (cp_letter((unsigned char)s[e]) ||
			    cp_digit((unsigned char)s[e]) || s[e] == '_'))
				e++;
			emit(&k, c == '@' ? "<handle>" : "<tag>", c == '@' ? 8 : 5,
			    i, e, TOK_HANDLE, 0);
			i = e;
			continue;
		}
		if (c == '/' && (c2 == 's' || c2 == 'S') &&
		    (i == 0 || cp_space((unsigned char)s[i - 1])) &&
		    (i + 2 >= len || !cp_letter((unsigned char)s[i + 2]))) {
			emit(&k, "/s", 2, i, i + 2, TOK_SYMBOL, 0);
			i += 2;
			continue;
		}
		if ((c == ':' || c == ';' || c == '=') && i + 1 < len) {
			size_t e = i + 1;
			if (s[e] == '-' || s[e] == '\'')
				e++;
			if (e < len && strchr("()DPp/\\|[]3Oo", s[e]) && s[e] &&
			    (e + 1 >= len || !(cp_letter((unsigned char)s[e + 1]) ||
			    cp_digit((unsigned char)s[e + 1])))) {
				e++;
				emit(&k, s + i, e - i, i, e, TOK_EMOJI, 0);
				i = e;
				continue;
			}
		}
		if (cp_digit(c)) {
			i = scan_number(&k, s, len, i);
			continue;
		}
		if (cp_letter(c)) {
			i = scan_word(&k, s, len, i);
			continue;
		}
		if (cp_emoji(c)) {
			size_t e = i + n;
			uint32_t d, prev = c;
			size_t dn;
			while ((dn = dec(s, len, e, &d)) &&
			    (cp_emoji_cont(d) || (d >= 0x1f1e6 && d <= 0x1f1ff) ||
			    (cp_emoji(d) && prev == 0x200d))) {
				e += dn;
				prev = d;
			}
			emit(&k, s + i, e - i, i, e, TOK_EMOJI, 0);
			i = e;
			continue;
		}
		if (cp_emoji_cont(c) || cp_combining(c)) {
			i += n;
			continue;
		}
		/* A hyphen inside a word ("mid-cycle") just separates words. */
		if (c == '-' && i > 0 && i + 1 < len &&
		    cp_letter((unsigned char)s[i - 1]) &&
		    cp_letter((unsigned char)s[i + 1])) {
			i++;
			continue;
		}
		/* Punctuation and symbols, one character each. */
		char p[8];
		size_t pn = 1;
		enum tok_kind kind = TOK_PUNCT;
		bool ends = false;
		if (c < 0x80) {
			p[0] = (char)c;
			ends = c == '.' || c == '!' || c == '?';
			if (c == '$' || c == '%' || c == '&' || c == '+' ||
			    c == '*' || c == '=' || c == '<' || c == '>' ||
			    c == '^' || c == '~' || c == '|' || c == '\\' ||
			    c == '_' || c == '#' || c == '@')
				kind = TOK_SYMBOL;
		} else if (cp_apostrophe(c)) {
			p[0] = '\'';
		} else if (c == 0x201c || c == 0x201d || c == 0x201e ||
		    c == 0xab || c == 0xbb) {
			p[0] = '"';
		} else if (c >= 0x2010 && c <= 0x2015) {
			p[0] = '-';
		} else if (c == 0x2026) {
			p[0] = '.';
			ends = true;
		} else {
			memcpy(p, s + i, n);
			pn = n;
			kind = TOK_SYMBOL;
		}
		emit(&k, p, pn, i, i + n, kind, ends ? TF_SENT_END : 0);
		i += n;
		if (ends) {
			/* "?!" and "..." end one sentence, not several. */
			while (i < len && (s[i] == '.' || s[i] == '!' || s[i] == '?')) {
				emit(&k, s + i, 1, i, i + 1, TOK_PUNCT, TF_SENT_END);
				i++;
			}
			end_sentence(&k);
		}
	}
	t->nsent = k.sent + (k.sent_open ? 1 : 0);
}
