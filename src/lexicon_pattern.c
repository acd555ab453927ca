/* lexicon_pattern.c: compiling phrase patterns and matching them to tokens.
 *
 * A pattern is a space-separated list of elements (docs/lexicon-format.md):
 *   word          that word (normalised like the reply: "can't" = can not)
 *   pre*          any word starting with pre (3+ letters)
 *   a|b*|@cls     any of the alternatives; @cls is a class from "classes"
 *   [a|b]         optional
 *   *  *N         a gap of up to 3 (or N, 1-9) words within the sentence
 *   #num          a number        ^  start of a sentence    $  its end
 * Patterns are indexed by their first element (and, when the word after
 * it can only be one of a few, by their first two words), so a scan looks
 * at each token once; a branch-free pass over a token's candidates keeps
 * those whose needed words are in the text and whose next word fits, and
 * only they are tried. */
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

const char *
lexicon_keep(struct lexicon *lx, const char *s)
{
	lx->pool = xgrow(lx->pool, &lx->cpool, lx->npool + 1, sizeof *lx->pool);
	lx->pool[lx->npool] = xstrdup(s);
	return lx->pool[lx->npool++];
}

static int32_t
vocab_id(struct lexicon *lx, const char *w, size_t n)
{
	return text_map_add(&lx->norm.vocab, w, n, (int)lx->norm.vocab.n);
}

/* Normalise one word of a pattern the way reply words are normalised.
 * Returns the number of tokens (0 if none); t holds them. */
static size_t
norm_word(struct lexicon *lx, const char *w, struct text_tokens *t)
{
	struct text_norm view = lx->norm;
	memset(&view.vocab, 0, sizeof view.vocab);
	memset(&view.typo, 0, sizeof view.typo);
	text_tokenize(&view, w, strlen(w), t);
	return t->n;
}

static void
push_alt(struct lexicon *lx, int32_t id, const char *prefix)
{
	lx->alts = xgrow(lx->alts, &lx->calts, lx->nalts + 1, sizeof *lx->alts);
	struct lex_alt *a = &lx->alts[lx->nalts++];
	a->id = id;
	a->prefix = prefix;
	a->plen = (uint16_t)(prefix ? strlen(prefix) : 0);
}

static void
lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* Parse one alternative (word, pre*, @class) into lx->alts.  A word that
 * normalises to several tokens is refused here (only allowed alone). */
static int
parse_alt(struct lexicon *lx, char *a, struct text_tokens *t, char *err,
    size_t errcap)
{
	size_t n = strlen(a);
	if (n == 0) {
		snprintf(err, errcap, "empty alternative");
		return -1;
	}
	if (a[0] == '@') {
		int c = text_map_get(&lx->classes, a + 1, n - 1);
		if (c < 0) {
			snprintf(err, errcap, "unknown class \"%s\"", a);
			return -1;
		}
		const struct lex_el *ce = &lx->cls[c];
		for (uint32_t i = 0; i < ce->nalt; i++) {
			struct lex_alt x = lx->alts[ce->alt + i];
			push_alt(lx, x.id, x.prefix);
		}
		return 0;
	}
	lower(a);
	if (a[n - 1] == '*') {
		a[n - 1] = '\0';
		if (n - 1 < 3 || strchr(a, '*') || strchr(a, '\'')) {
			snprintf(err, errcap,
			    "prefix \"%s*\" needs at least 3 letters before '*'", a);
			return -1;
		}
		push_alt(lx, -1, lexicon_keep(lx, a));
		return 0;
	}
	if (a[0] == '\'') {
		push_alt(lx, vocab_id(lx, a, n), NULL);
		return 0;
	}
	if (norm_word(lx, a, t) != 1) {
		snprintf(err, errcap,
		    "\"%s\" is %zu words once normalised; alternatives must be one word",
		    a, t->n);
		return -1;
	}
	push_alt(lx, vocab_id(lx, text_tok(t, 0), t->v[0].len), NULL);
	return 0;
}

static void
push_el(struct lexicon *lx, uint8_t kind, uint8_t optional, uint8_t gap,
    uint32_t alt, uint32_t nalt)
{
	lx->els = xgrow(lx->els, &lx->cels, lx->nels + 1, sizeof *lx->els);
	struct lex_el *e = &lx->els[lx->nels++];
	e->kind = kind;
	e->optional = optional;
	e->gap = gap;
	e->alt = alt;
	e->nalt = nalt;
	e->set = 0;
}

static void
plist_add(struct lex_plist *l, uint32_t v)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = v;
}

static void
index_pattern(struct lexicon *lx, uint32_t pi)
{
	const struct lex_pattern *p = &lx->pats[pi];
	const struct lex_el *e = &lx->els[p->el];
	if (e->kind == LE_BOS)
		e++;
	if (e->kind == LE_NUM) {
		plist_add(&lx->by_num, pi);
		return;
	}
	for (uint32_t i = 0; i < e->nalt; i++) {
		const struct lex_alt *a = &lx->alts[e->alt + i];
		if (a->id >= 0) {
			size_t need = (size_t)a->id + 1;
			if (need > lx->nby_id) {
				size_t ncap = lx->nby_id;
				lx->by_id = xgrow(lx->by_id, &ncap, need, sizeof *lx->by_id);
				memset(lx->by_id + lx->nby_id, 0,
				    (ncap - lx->nby_id) * sizeof *lx->by_id);
				lx->nby_id = ncap;
			}
			struct lex_plist *l = &lx->by_id[a->id];
			if (l->n == 0 || l->v[l->n - 1] != pi)
				plist_add(l, pi);
		} else {
			int k = text_map_get(&lx->by_prefix, a->prefix, 3);
			if (k < 0) {
				k = (int)lx->npre;
				lx->pre_lists = xgrow(lx->pre_lists, &lx->cpre,
				    lx->npre + 1, sizeof *lx->pre_lists);
				memset(&lx->pre_lists[k], 0, sizeof *lx->pre_lists);
				lx->npre++;
				text_map_set(&lx->by_prefix, a->prefix, 3, k);
			}
			struct lex_plist *l = &lx->pre_lists[k];
			if (l->n == 0 || l->v[l->n - 1] != pi)
				plist_add(l, pi);
		}
	}
}

int
lexicon_add_class(struct lexicon *lx, const char *name,
    const char *const *alts, size_t n, char *err, size_t errcap)
{
	struct text_tokens t;
	text_tokens_init(&t);
	uint32_t first = (uint32_t)lx->nalts;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *a = xstrdup(alts[i]);
		if (a[0] == '@') {
			snprintf(err, errcap, "a class cannot refer to another class");
			rc = -1;
		} else {
			rc = parse_alt(lx, a, &t, err, errcap);
		}
		free(a);
	}
	text_tokens_free(&t);
	if (rc < 0) {
		lx->nalts = first;
		return -1;
	}
	lx->cls = xgrow(lx->cls, &lx->ccls, lx->ncls + 1, sizeof *lx->cls);
	lx->cls[lx->ncls] = (struct lex_el){LE_ALTS, 0, 0, first,
	    (uint32_t)lx->nalts - first, 0};
	text_map_set(&lx->classes, name, strlen(name), (int)lx->ncls);
	lx->ncls++;
	return 0;
}

int
lexicon_compile(struct lexicon *lx, const char *src, enum lex_cat cat,
    int weight, const char *why, char *err, size_t errcap)
{
	size_t el0 = lx->nels, alt0 = lx->nalts;
	char *copy = xstrdup(src);
	struct text_tokens t;
	text_tokens_init(&t);
	int rc = 0;
	size_t nconcrete = 0;
	bool first = true;
	char *save = NULL;
	for (char *w = strtok_r(copy, " \t", &save); w && rc == 0;
	    w = strtok_r(NULL, " \t", &save), first = false) {
		size_t n = strlen(w);
		if (strcmp(w, "^") == 0) {
			if (!first) {
				snprintf(err, errcap, "'^' may only start a pattern");
				rc = -1;
			}
			push_el(lx, LE_BOS, 0, 0, 0, 0);
			continue;
		}
		if (strcmp(w, "$") == 0) {
			push_el(lx, LE_EOS, 0, 0, 0, 0);
			continue;
		}
		if (w[0] == '*') {
			int gap = 3;
			if (n == 2 && w[1] >= '1' && w[1] <= '9') {
				gap = w[1] - '0';
			} else if (n != 1) {
				snprintf(err, errcap, "bad gap \"%s\" (use * or *1 .. *9)", w);
				rc = -1;
				break;
			}
			if (nconcrete == 0) {
				snprintf(err, errcap, "a pattern cannot start with a gap");
				rc = -1;
				break;
			}
			push_el(lx, LE_GAP, 0, (uint8_t)gap, 0, 0);
			continue;
		}
		if (strcmp(w, "#num") == 0) {
			push_el(lx, LE_NUM, 0, 0, 0, 0);
			nconcrete++;
			continue;
		}
		bool opt = false;
		if (w[0] == '[') {
			if (w[n - 1] != ']' || n < 3) {
				snprintf(err, errcap, "unclosed '[' in \"%s\"", w);
				rc = -1;
				break;
			}
			if (nconcrete == 0) {
				snprintf(err, errcap,
				    "a pattern cannot start with an optional element");
				rc = -1;
				break;
			}
			w[n - 1] = '\0';
			w++;
			opt = true;
		} else if (strchr(w, '[') || strchr(w, ']')) {
			snprintf(err, errcap, "misplaced bracket in \"%s\"", w);
			rc = -1;
			break;
		}
		bool has_bar = strchr(w, '|') != NULL;
		if (!opt && !has_bar && w[0] != '@' && w[0] != '\'' &&
		    w[strlen(w) - 1] != '*') {
			/* A plain word: it may normalise to several ("i'm"). */
			lower(w);
			if (norm_word(lx, w, &t) == 0) {
				snprintf(err, errcap, "\"%s\" has no word in it", w);
				rc = -1;
				break;
			}
			for (size_t i = 0; i < t.n; i++) {
				uint32_t a = (uint32_t)lx->nalts;
				push_alt(lx, vocab_id(lx, text_tok(&t, i), t.v[i].len),
				    NULL);
				push_el(lx, LE_ALTS, 0, 0, a, 1);
			}
			nconcrete++;
			continue;
		}
		uint32_t a = (uint32_t)lx->nalts;
		char *save2 = NULL;
		if (w[0] == '|' || w[strlen(w) - 1] == '|' || strstr(w, "||")) {
			snprintf(err, errcap, "empty alternative in \"%s\"", w);
			rc = -1;
			break;
		}
		for (char *x = strtok_r(w, "|", &save2); x && rc == 0;
		    x = strtok_r(NULL, "|", &save2))
			rc = parse_alt(lx, x, &t, err, errcap);
		if (rc == 0) {
			push_el(lx, LE_ALTS, opt, 0, a, (uint32_t)lx->nalts - a);
			if (!opt)
				nconcrete++;
		}
	}
	if (rc == 0 && nconcrete == 0) {
		snprintf(err, errcap, "a pattern needs at least one word");
		rc = -1;
	}
	if (rc == 0 && lx->nels - el0 > 32) {
		snprintf(err, errcap, "pattern too long (at most 32 elements)");
		rc = -1;
	}
	text_tokens_free(&t);
	free(copy);
	if (rc < 0) {
		lx->nels = el0;
		lx->nalts = alt0;
		return -1;
	}
	lx->pats = xgrow(lx->pats, &lx->cpats, lx->npats + 1, sizeof *lx->pats);
	struct lex_pattern *p = &lx->pats[lx->npats];
	p->el = (uint32_t)el0;
	p->nel = (uint32_t)(lx->nels - el0);
	p->cat = (uint16_t)cat;
	p->weight = (int16_t)weight;
	p->why = why;
	p->src = lexicon_keep(lx, src);
	index_pattern(lx, (uint32_t)lx->npats);
	lx->npats++;
	if (lx->indexed)
		lexicon_index(lx);
	return 0;
}

/* --- the match index ---------------------------------------------------- */

/* lexicon_scan() notes the vocabulary ids of the text in a bitset of
 * PRESENT_WORDS words; lexicon.req_any is at most its last bit. */
#define PRESENT_WORDS 128

/* Elements with at least this many alternatives get a lex_set. */
#define SET_MIN_ALTS 3

void
lexicon_index_free(struct lexicon *lx)
{
	for (size_t i = 0; i < lx->nsets; i++) {
		free(lx->sets[i].ex);
		free(lx->sets[i].pfx);
	}
	free(lx->sets);
	lx->sets = NULL;
	lx->nsets = 0;
	free(lx->disp);
	lx->disp = NULL;
	lx->ndisp = 0;
	free(lx->idle);
	lx->idle = NULL;
	free(lx->nexts);
	lx->nexts = NULL;
	lx->nnexts = lx->next_words = 0;
	free(lx->req);
	lx->req = NULL;
	lx->nreq = 0;
	free(lx->cands);
	lx->cands = NULL;
	free(lx->cand_pre);
	lx->cand_pre = NULL;
	lx->ncands = lx->cand_num = 0;
	free(lx->pcands);
	lx->pcands = NULL;
	lx->npcands = 0;
	free(lx->pairs);
	lx->pairs = NULL;
	lx->pair_mask = 0;
	free(lx->wflags);
	lx->wflags = NULL;
	lx->nwflags = 0;
	lx->wcomplete = 0;
	free(lx->rsets);
	lx->rsets = NULL;
	lx->nrsets = 0;
	free(lx->rwords);
	lx->rwords = NULL;
	lx->nrwords = 0;
	for (size_t i = 0; i < lx->npats; i++)
		lx->pats[i].req = lx->pats[i].nreq = lx->pats[i].rset =
		    lx->pats[i].nrset = 0;
	for (size_t i = 0; i < lx->nels; i++)
		lx->els[i].set = 0;
	lx->indexed = false;
}

/* A key naming an element's alternatives by content: for each, 'i' and
 * the id's 4 bytes, or '*', the prefix and a NUL (no printf: there are
 * thousands of them at load). */
static char *
set_key(const struct lexicon *lx, const struct lex_el *e, size_t *n)
{
	size_t cap = 16, len = 0;
	for (uint32_t i = 0; i < e->nalt; i++) {
		const struct lex_alt *a = &lx->alts[e->alt + i];
		cap += a->id >= 0 ? 1 + sizeof a->id : (size_t)a->plen + 2;
	}
	char *k = xmalloc(cap);
	for (uint32_t i = 0; i < e->nalt; i++) {
		const struct lex_alt *a = &lx->alts[e->alt + i];
		if (a->id >= 0) {
			k[len++] = 'i';
			memcpy(k + len, &a->id, sizeof a->id);
			len += sizeof a->id;
		} else {
			k[len++] = '*';
			memcpy(k + len, a->prefix, a->plen);
			len += a->plen;
			k[len++] = '\0';
		}
	}
	*n = len;
	return k;
}

/* Patterns whose next-word set has at most this many words (and no word
 * outside the vocabulary) are found through lexicon.pairs; those whose
 * word after that is one of so few too, and that have at most TRIPLE_MAX
 * such pairs of words, under their next two words. */
#define PAIR_MAX_NEXT 64
#define TRIPLE_MAX 64

static void
bit_set(uint64_t *b, uint32_t i)
{
	b[i >> 6] |= (uint64_t)1 << (i & 63);
}

/* The vocabulary words each prefix alternative starts, as bitsets of w
 * words (as the next-word sets), found in one walk over the vocabulary. */
struct prefix_bits {
	struct text_map map;  /* prefix -> its bitset's number */
	uint64_t *v;
	size_t w;
};

static void
prefix_bits_make(const struct lexicon *lx, size_t w, struct prefix_bits *pb)
{
	uint32_t nv = (uint32_t)lx->norm.vocab.n;
	const struct text_map *vm = &lx->norm.vocab;
	size_t n = 0;
	memset(pb, 0, sizeof *pb);
	pb->w = w;
	for (size_t i = 0; i < lx->nalts; i++) {
		const struct lex_alt *a = &lx->alts[i];
		if (a->id < 0 && text_map_get(&pb->map, a->prefix, a->plen) < 0)
			text_map_set(&pb->map, a->prefix, a->plen, (int)n++);
	}
	pb->v = xcalloc(n * w + 1, sizeof *pb->v);
	for (size_t j = 0; j < vm->cap && n; j++) {
		const struct text_map_ent *v = &vm->v[j];
		if (v->key == NULL || v->val < 0 || (uint32_t)v->val >= nv)
			continue;
		/* Prefixes have 3 letters or more. */
		for (uint32_t l = 3; l <= v->klen; l++) {
			int k = text_map_get(&pb->map, v->key, l);
			if (k >= 0)
				bit_set(pb->v + (size_t)k * w, (uint32_t)v->val);
		}
	}
}

static void
prefix_bits_free(struct prefix_bits *pb)
{
	text_map_free(&pb->map);
	free(pb->v);
}

/* Into b (lexicon.next_words words, cleared): the vocabulary ids the
 * token after p's first may have if p is to match there, and bit nv if it
 * may be a word not in the vocabulary.  False when the token is free
 * (a gap, a number, the end, or none at all may follow).  With second,
 * the same of the token after that, when the word after the first is
 * one element that must match (else it is free too).  pb: the words of
 * each prefix (prefix_bits()). */
static bool
next_set(const struct lexicon *lx, const struct lex_pattern *p, uint64_t *b,
    bool second, const struct prefix_bits *pb)
{
	uint32_t nv = (uint32_t)lx->norm.vocab.n;
	uint32_t ei = 1;
	if (p->nel > 0 && lx->els[p->el].kind == LE_BOS)
		ei++;
	if (second) {
		/* That element takes exactly the token after the first. */
		if (ei >= p->nel || lx->els[p->el + ei].kind != LE_ALTS ||
		    lx->els[p->el + ei].optional)
			return false;
		ei++;
	}
	for (; ei < p->nel; ei++) {
		const struct lex_el *e = &lx->els[p->el + ei];
		if (e->kind != LE_ALTS)
			return false;
		for (uint32_t i = 0; i < e->nalt; i++) {
			const struct lex_alt *a = &lx->alts[e->alt + i];
			if (a->id >= 0) {
				if ((uint32_t)a->id >= nv)
					return false;
				bit_set(b, (uint32_t)a->id);
				continue;
			}
			/* A prefix: the vocabulary words it starts, and any
			 * other word. */
			bit_set(b, nv);
			const uint64_t *pw = pb->v + (size_t)text_map_get(&pb->map,
			    a->prefix, a->plen) * pb->w;
			for (size_t j = 0; j < pb->w; j++)
				b[j] |= pw[j];
		}
		if (!e->optional)
			return true;
	}
	return false;
}

/* The bit of lex_cand.next_bloom for bit b of a next-word set. */
static inline uint32_t
bloom_bit(uint32_t b)
{
	return (b * 0x9E3779B1u) >> 26;
}

/* What index_cands() knows of a pattern's next word. */
struct pnext {
	uint32_t at;         /* lex_cand.nexts */
	uint32_t at2;        /* lex_cand.nexts2 */
	uint64_t bloom;      /* lex_cand.next_bloom */
	bool pair;           /* found through lexicon.pairs (by_id) */
	bool triple;         /* ... under its next two words (a pair) */
};

/* The index into lx->nexts of the next-word set b (w words), added
 * unless an equal one is there (seen: the sets by content). */
static uint32_t
nexts_add(struct lexicon *lx, struct text_map *seen, const uint64_t *b,
    size_t w, size_t *cap)
{
	int k = text_map_get(seen, (const char *)b, w * sizeof *b);
	if (k < 0) {
		k = (int)lx->nnexts++;
		lx->nexts = xgrow(lx->nexts, cap, lx->nnexts * w,
		    sizeof *lx->nexts);
		memcpy(lx->nexts + (size_t)k * w, b, w * sizeof *b);
		text_map_set(seen, (const char *)b, w * sizeof *b, k);
	}
	return (uint32_t)((size_t)k * w);
}

/* The next-word set of every pattern, equal ones kept once in
 * lexicon.nexts (the first of which has every bit set). */
static struct pnext *
index_nexts(struct lexicon *lx)
{
	uint32_t nv = (uint32_t)lx->norm.vocab.n;
	size_t w = (size_t)nv / 64 + 1, cap = 0;
	struct text_map seen = {0};
	uint64_t *b = xmalloc(w * sizeof *b);
	struct pnext *pn = xcalloc(lx->npats + 1, sizeof *pn);
	lx->next_words = w;
	lx->nexts = xgrow(lx->nexts, &cap, w, sizeof *lx->nexts);
	memset(lx->nexts, 0xff, w * sizeof *lx->nexts);
	lx->nnexts = 1;
	struct prefix_bits pb;
	prefix_bits_make(lx, w, &pb);
	for (size_t pi = 0; pi < lx->npats; pi++) {
		memset(b, 0, w * sizeof *b);
		uint32_t count2 = UINT32_MAX;
		if (next_set(lx, &lx->pats[pi], b, true, &pb)) {
			pn[pi].at2 = nexts_add(lx, &seen, b, w, &cap);
			if (!((b[nv >> 6] >> (nv & 63)) & 1)) {
				count2 = 0;
				for (size_t x = 0; x < w; x++)
					count2 += (uint32_t)__builtin_popcountll(b[x]);
			}
		}
		memset(b, 0, w * sizeof *b);
		pn[pi].bloom = UINT64_MAX;
		if (!next_set(lx, &lx->pats[pi], b, false, &pb))
			continue;
		pn[pi].at = nexts_add(lx, &seen, b, w, &cap);
		pn[pi].bloom = 0;
		uint32_t count = 0;
		for (size_t x = 0; x < w; x++)
			for (uint64_t v = b[x]; v; v &= v - 1) {
				uint32_t id = (uint32_t)(x * 64) +
				    (uint32_t)__builtin_ctzll(v);
				pn[pi].bloom |= (uint64_t)1 << bloom_bit(id);
				count++;
			}
		pn[pi].pair = !((b[nv >> 6] >> (nv & 63)) & 1) &&
		    count <= PAIR_MAX_NEXT;
		pn[pi].triple = pn[pi].pair && count2 <= PAIR_MAX_NEXT &&
		    count * count2 <= TRIPLE_MAX;
	}
	free(b);
	text_map_free(&seen);
	prefix_bits_free(&pb);
	return pn;
}

static struct lex_cand
cand_of(const struct lexicon *lx, const struct pnext *pn, uint32_t pi)
{
	const struct lex_pattern *p = &lx->pats[pi];
	struct lex_cand c = {pi, pn[pi].at, pn[pi].at2, {0, 0}, pn[pi].bloom};
	for (uint32_t j = 0; j < 2; j++) {
		uint32_t id = j < p->nreq ? lx->req[p->req + j] : UINT32_MAX;
		c.req[j] = id < lx->req_any ? id : lx->req_any;
	}
	return c;
}

/* Append the candidates of list l to lx->cands (only those not found
 * through the pairs when pairs is true); returns where they start. */
static uint32_t
cands_add(struct lexicon *lx, const struct pnext *pn,
    const struct lex_plist *l, bool pairs, size_t *cap)
{
	uint32_t from = lx->ncands;
	lx->cands = xgrow(lx->cands, cap, (size_t)lx->ncands + l->n + 1,
	    sizeof *lx->cands);
	for (size_t i = 0; i < l->n; i++)
		if (!pairs || !pn[l->v[i]].pair)
			lx->cands[lx->ncands++] = cand_of(lx, pn, l->v[i]);
	return from;
}

/* The bit of lex_disp.pairs for next word next. */
static inline uint32_t
pair_bit(uint32_t next)
{
	return (next * 0x9E3779B1u) >> 27;
}

/* The bit of lex_disp.triples for next words next, next2. */
static inline uint32_t
triple_bit(uint32_t next, uint32_t next2)
{
	return ((next ^ (next2 * 0x85EBCA77u)) * 0x9E3779B1u) >> 27;
}

static inline uint32_t
pair_hash(uint32_t id, uint32_t next, uint32_t next2)
{
	return (id * 0x9E3779B1u) ^ (next * 0x85EBCA77u) ^
	    ((id ^ next) >> 7) ^ (next2 * 0xC2B2AE3Du);
}

/* The slot of (id, next, next2) in lx->pairs: its entry or an empty
 * one.  next2 is PAIR_ANY for a pair's group. */
static inline __attribute__((always_inline)) uint32_t
pair_slot(const struct lexicon *lx, uint32_t id, uint32_t next,
    uint32_t next2)
{
	uint32_t i = pair_hash(id, next, next2) & lx->pair_mask;
	while (lx->pairs[i].from != lx->pairs[i].to &&
	    (lx->pairs[i].id != id || lx->pairs[i].next != next ||
	    lx->pairs[i].next2 != next2))
		i = (i + 1) & lx->pair_mask;
	return i;
}

/* A (next word, the one after or PAIR_ANY, place in its list) of a
 * pattern of one first word. */
struct pair_ent {
	uint32_t next, next2, pos;
};

static int
pair_ent_cmp(const void *a, const void *b)
{
	const struct pair_ent *x = a, *y = b;
	if (x->next != y->next)
		return x->next < y->next ? -1 : 1;
	if (x->next2 != y->next2)
		return x->next2 < y->next2 ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The words of next-word set b (next_words words) into *v (n of them). */
static size_t
set_words(const struct lexicon *lx, const uint64_t *b, uint32_t **v,
    size_t *cap)
{
	size_t n = 0;
	for (size_t k = 0; k < lx->next_words; k++)
		n += (size_t)__builtin_popcountll(b[k]);
	*v = xgrow(*v, cap, n + 1, sizeof **v);
	n = 0;
	for (size_t k = 0; k < lx->next_words; k++)
		for (uint64_t x = b[k]; x; x &= x - 1)
			(*v)[n++] = (uint32_t)(k * 64) + (uint32_t)__builtin_ctzll(x);
	return n;
}

/* by_id's candidates whose next-word set is small: one copy per word of
 * the set, grouped by (first, next) word pair in lx->pcands and found
 * through the hash table lx->pairs; those whose word after that is one of
 * a few too, one copy per (next, next after) pair of words instead,
 * grouped under (first, next, next after) in the same table.  Each group
 * keeps the list's (pattern) order. */
static void
index_pairs(struct lexicon *lx, const struct pnext *pn)
{
	size_t cap = 0, pcap = 0, wcap = 0, w2cap = 0;
	struct pair_ent *ents = NULL;
	uint32_t *nw = NULL, *nw2 = NULL;
	struct lex_pair *groups = NULL;
	size_t ngroups = 0, gcap = 0;
	/* The groups first, then a table of twice as many slots. */
	for (size_t i = 0; i < lx->nby_id; i++) {
		const struct lex_plist *l = &lx->by_id[i];
		size_t ne = 0;
		for (size_t j = 0; j < l->n; j++) {
			const struct pnext *x = &pn[l->v[j]];
			if (!x->pair)
				continue;
			size_t n = set_words(lx, lx->nexts + x->at, &nw, &wcap);
			size_t n2 = x->triple ?
			    set_words(lx, lx->nexts + x->at2, &nw2, &w2cap) : 0;
			for (size_t a = 0; a < n; a++) {
				if (!x->triple) {
					ents = xgrow(ents, &cap, ne + 1, sizeof *ents);
					ents[ne++] = (struct pair_ent){nw[a], PAIR_ANY,
					    (uint32_t)j};
				}
				for (size_t b = 0; b < n2; b++) {
					ents = xgrow(ents, &cap, ne + 1, sizeof *ents);
					ents[ne++] = (struct pair_ent){nw[a], nw2[b],
					    (uint32_t)j};
				}
			}
		}
		if (ne > 1)
			qsort(ents, ne, sizeof *ents, pair_ent_cmp);
		lx->pcands = xgrow(lx->pcands, &pcap, lx->npcands + ne + 1,
		    sizeof *lx->pcands);
		for (size_t j = 0; j < ne;) {
			uint32_t next = ents[j].next, next2 = ents[j].next2;
			groups = xgrow(groups, &gcap, ngroups + 1, sizeof *groups);
			struct lex_pair *pr = &groups[ngroups++];
			pr->id = (uint32_t)i;
			pr->next = next;
			pr->next2 = next2;
			pr->from = lx->npcands;
			for (; j < ne && ents[j].next == next &&
			    ents[j].next2 == next2; j++) {
				struct lex_cand c = cand_of(lx, pn, l->v[ents[j].pos]);
				lx->pcands[lx->npcands++] = (struct lex_pcand){c.pat,
				    {c.req[0], c.req[1]}, c.nexts2};
			}
			pr->to = lx->npcands;
			if (i >= lx->ndisp)
				continue;
			if (next2 == PAIR_ANY)
				lx->disp[i].pairs |= (uint32_t)1 << pair_bit(next);
			else
				lx->disp[i].triples |= (uint32_t)1 <<
				    triple_bit(next, next2);
		}
	}
	size_t slots = 16;
	while (slots < ngroups * 2)
		slots *= 2;
	lx->pairs = xcalloc(slots, sizeof *lx->pairs);
	lx->pair_mask = (uint32_t)slots - 1;
	for (size_t g = 0; g < ngroups; g++)
		lx->pairs[pair_slot(lx, groups[g].id, groups[g].next,
		    groups[g].next2)] = groups[g];
	free(groups);
	free(ents);
	free(nw);
	free(nw2);
}

/* The bit of lexicon.pre_filter for a word's first 3 bytes p[0..3). */
static inline uint32_t
pre_bit(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return ((uint32_t)u[0] * 961u + (uint32_t)u[1] * 31u + u[2]) & 1023;
}

/* lexicon.idle and lexicon.pre_filter, once disp is complete. */
static void
index_skips(struct lexicon *lx)
{
	lx->idle = xcalloc(lx->ndisp / 64 + 1, sizeof *lx->idle);
	for (size_t i = 0; i <= lx->ndisp; i++) {
		const struct lex_disp *d = &lx->disp[i];
		if (d->n == 0 && d->pairs == 0 && d->triples == 0 && d->pre < 0)
			lx->idle[i >> 6] |= (uint64_t)1 << (i & 63);
	}
	memset(lx->pre_filter, 0, sizeof lx->pre_filter);
	const struct text_map *bp = &lx->by_prefix;
	for (size_t i = 0; i < bp->cap; i++)
		if (bp->v[i].key && bp->v[i].klen == 3) {
			uint32_t b = pre_bit(bp->v[i].key);
			lx->pre_filter[b >> 6] |= (uint64_t)1 << (b & 63);
		}
}

/* The candidate tables: by_id (without the pairs), pre_lists and by_num
 * as one array, and the pairs. */
static void
index_cands(struct lexicon *lx)
{
	size_t nv = lx->norm.vocab.n, cap = 0;
	lx->req_any = nv < PRESENT_WORDS * 64 - 1 ? (uint32_t)nv :
	    PRESENT_WORDS * 64 - 1;
	struct pnext *pn = index_nexts(lx);
	for (size_t i = 0; i < lx->ndisp && i < lx->nby_id; i++) {
		lx->disp[i].from = cands_add(lx, pn, &lx->by_id[i], true, &cap);
		lx->disp[i].n = lx->ncands - lx->disp[i].from;
	}
	lx->cand_pre = xmalloc((lx->npre + 1) * sizeof *lx->cand_pre);
	for (size_t i = 0; i < lx->npre; i++)
		lx->cand_pre[i] = cands_add(lx, pn, &lx->pre_lists[i], false, &cap);
	lx->cand_pre[lx->npre] = lx->ncands;
	lx->cand_num = cands_add(lx, pn, &lx->by_num, false, &cap);
	index_pairs(lx, pn);
	free(pn);
	index_skips(lx);
}

/* Is element ei of p, which must match and has exact words only, one of
 * the two after the first word?  Its words are then tested where they
 * must be (lex_cand.nexts and nexts2, next_set()) before any candidate
 * is tried: no need to look for one of them anywhere in the text too. */
static bool
next_tested(const struct lexicon *lx, const struct lex_pattern *p,
    uint32_t ei)
{
	uint32_t first = p->nel && lx->els[p->el].kind == LE_BOS ? 1 : 0;
	const struct lex_el *e1 = &lx->els[p->el + first + 1];
	return ei == first + 1 || (ei == first + 2 && e1->kind == LE_ALTS &&
	    !e1->optional);
}

/* The elements of many words every match of a pattern needs one of,
 * when they are sets of exact words (lexicon.rsets). */
static void
index_rsets(struct lexicon *lx)
{
	uint32_t nv = (uint32_t)lx->norm.vocab.n;
	size_t cap = 0, wcap = 0;
	for (size_t pi = 0; pi < lx->npats; pi++) {
		struct lex_pattern *p = &lx->pats[pi];
		p->rset = (uint32_t)lx->nrsets;
		uint32_t ei = p->nel && lx->els[p->el].kind == LE_BOS ? 2 : 1;
		for (; ei < p->nel; ei++) {
			const struct lex_el *e = &lx->els[p->el + ei];
			if (e->kind != LE_ALTS || e->optional || e->nalt < 2 ||
			    e->set == 0 || lx->sets[e->set - 1].npfx ||
			    next_tested(lx, p, ei))
				continue;
			bool exact = true;
			for (uint32_t i = 0; i < e->nalt; i++)
				if (lx->alts[e->alt + i].id < 0 ||
				    (uint32_t)lx->alts[e->alt + i].id >= nv)
					exact = false;
			if (!exact)
				continue;
			/* The set's words of the vocabulary bitset that are not
			 * empty, as (word, bits) pairs. */
			const uint64_t *ex = lx->sets[e->set - 1].ex;
			struct lex_rset r = {(uint32_t)lx->nrwords, 0};
			for (size_t w = 0; w < ((size_t)nv + 63) / 64; w++) {
				if (ex[w] == 0)
					continue;
				lx->rwords = xgrow(lx->rwords, &wcap, lx->nrwords + 1,
				    sizeof *lx->rwords);
				lx->rwords[lx->nrwords++] =
				    (struct lex_rword){(uint32_t)w, ex[w]};
				r.n++;
			}
			lx->rsets = xgrow(lx->rsets, &cap, lx->nrsets + 1,
			    sizeof *lx->rsets);
			lx->rsets[lx->nrsets++] = r;
		}
		p->nrset = (uint32_t)lx->nrsets - p->rset;
	}
}

void
lexicon_index(struct lexicon *lx)
{
	lexicon_index_free(lx);
	lx->indexed = true;
	text_norm_index(&lx->norm);
	uint32_t nv = (uint32_t)lx->norm.vocab.n;
	size_t words = ((size_t)nv + 63) / 64;
	struct text_map keys = {0};
	/* prefix -> index into plists: the sets holding that prefix. */
	struct text_map prefixes = {0};
	struct lex_plist *plists = NULL;
	size_t nplists = 0, cplists = 0;
	size_t csets = 0;
	for (size_t ei = 0; ei < lx->nels; ei++) {
		struct lex_el *e = &lx->els[ei];
		if (e->kind != LE_ALTS || e->nalt < SET_MIN_ALTS)
			continue;
		size_t kn;
		char *key = set_key(lx, e, &kn);
		int si = text_map_get(&keys, key, kn);
		if (si >= 0) {
			e->set = (uint32_t)si + 1;
			free(key);
			continue;
		}
		si = (int)lx->nsets;
		text_map_set(&keys, key, kn, si);
		free(key);
		lx->sets = xgrow(lx->sets, &csets, lx->nsets + 1, sizeof *lx->sets);
		struct lex_set *s = &lx->sets[lx->nsets++];
		memset(s, 0, sizeof *s);
		s->nv = nv;
		s->ex = xcalloc(words * 2 + 1, sizeof *s->ex);
		s->pre = s->ex + words;
		for (uint32_t i = 0; i < e->nalt; i++) {
			const struct lex_alt *a = &lx->alts[e->alt + i];
			if (a->id >= 0) {
				if ((uint32_t)a->id < nv)
					s->ex[a->id >> 6] |= (uint64_t)1 << (a->id & 63);
				continue;
			}
			s->pfx = xrealloc(s->pfx, (s->npfx + 1) * sizeof *s->pfx);
			s->pfx[s->npfx++] = e->alt + i;
			int pl = text_map_get(&prefixes, a->prefix, a->plen);
			if (pl < 0) {
				pl = (int)nplists;
				plists = xgrow(plists, &cplists, nplists + 1,
				    sizeof *plists);
				memset(&plists[nplists++], 0, sizeof *plists);
				text_map_set(&prefixes, a->prefix, a->plen, pl);
			}
			struct lex_plist *l = &plists[pl];
			if (l->n == 0 || l->v[l->n - 1] != (uint32_t)si)
				plist_add(l, (uint32_t)si);
		}
		e->set = (uint32_t)si + 1;
	}
	/* Every vocabulary word: the sets whose prefixes it starts with, and
	 * the list of patterns its first 3 bytes index. */
	lx->disp = xcalloc((size_t)nv + 1, sizeof *lx->disp);
	lx->ndisp = nv;
	for (uint32_t i = 0; i <= nv; i++) /* disp[nv]: an idle sentinel */
		lx->disp[i].pre = -1;
	const struct text_map *vm = &lx->norm.vocab;
	for (size_t i = 0; i < vm->cap; i++) {
		const struct text_map_ent *v = &vm->v[i];
		if (v->key == NULL || v->val < 0 || (uint32_t)v->val >= nv)
			continue;
		uint32_t id = (uint32_t)v->val;
		if (v->klen >= 3)
			lx->disp[id].pre = text_map_get(&lx->by_prefix, v->key, 3);
		for (uint32_t l = 3; l <= v->klen && nplists; l++) {
			int pl = text_map_get(&prefixes, v->key, l);
			if (pl < 0)
				continue;
			for (size_t j = 0; j < plists[pl].n; j++) {
				struct lex_set *s = &lx->sets[plists[pl].v[j]];
				s->pre[id >> 6] |= (uint64_t)1 << (id & 63);
			}
		}
	}
	/* The words every match of a pattern needs: its required elements of
	 * one exact word (after the first, which indexes the pattern). */
	size_t creq = 0;
	for (size_t pi = 0; pi < lx->npats; pi++) {
		struct lex_pattern *p = &lx->pats[pi];
		p->req = (uint32_t)lx->nreq;
		for (uint32_t ei = 1; ei < p->nel; ei++) {
			const struct lex_el *e = &lx->els[p->el + ei];
			if (e->kind != LE_ALTS || e->optional || e->nalt != 1 ||
			    lx->alts[e->alt].id < 0 ||
			    (uint32_t)lx->alts[e->alt].id >= nv)
				continue;
			lx->req = xgrow(lx->req, &creq, lx->nreq + 1, sizeof *lx->req);
			lx->req[lx->nreq++] = (uint32_t)lx->alts[e->alt].id;
		}
		p->nreq = (uint32_t)lx->nreq - p->req;
	}
	index_rsets(lx);
	/* The word lists each vocabulary word is in. */
	lx->wflags = xcalloc((size_t)nv + 1, 1);
	lx->nwflags = nv;
	const struct text_map *wl[] = {&lx->negators, &lx->subjects,
	    &lx->breaks, &lx->neg_stops};
	const uint8_t wf[] = {LW_NEGATOR, LW_SUBJECT, LW_BREAK, LW_NEG_STOP};
	lx->wcomplete = 0;
	for (size_t j = 0; j < sizeof wl / sizeof *wl; j++) {
		bool all = true;
		for (size_t i = 0; i < wl[j]->cap; i++) {
			const struct text_map_ent *v = &wl[j]->v[i];
			if (v->key == NULL)
				continue;
			int id = text_map_get(vm, v->key, v->klen);
			all = all && id >= 0 && (uint32_t)id < nv;
			if (id >= 0 && (uint32_t)id < nv)
				lx->wflags[id] |= wf[j];
		}
		if (all)
			lx->wcomplete |= wf[j];
	}
	index_cands(lx);
	for (size_t i = 0; i < nplists; i++)
		free(plists[i].v);
	free(plists);
	text_map_free(&prefixes);
	text_map_free(&keys);
}

/* --- matching ----------------------------------------------------------- */

static inline __attribute__((always_inline)) bool
alt_match(const struct lexicon *lx, const struct lex_el *e,
    const struct text_tokens *t, size_t ti)
{
	const struct token *k = &t->v[ti];
	if (e->set) {
		const struct lex_set *s = &lx->sets[e->set - 1];
		if (k->id >= 0 && (uint32_t)k->id < s->nv) {
			uint32_t id = (uint32_t)k->id;
			uint64_t b = (uint64_t)1 << (id & 63);
			if (s->ex[id >> 6] & b)
				return true;
			return k->kind == TOK_WORD && (s->pre[id >> 6] & b);
		}
		if (k->id < 0) {
			if (k->kind != TOK_WORD)
				return false;
			for (uint32_t i = 0; i < s->npfx; i++) {
				const struct lex_alt *a = &lx->alts[s->pfx[i]];
				if (k->len >= a->plen &&
				    text_map_key_eq(t->buf + k->off, a->prefix, a->plen))
					return true;
			}
			return false;
		}
	}
	for (uint32_t i = 0; i < e->nalt; i++) {
		const struct lex_alt *a = &lx->alts[e->alt + i];
		if (a->id >= 0) {
			if (k->id == a->id)
				return true;
		} else if (k->kind == TOK_WORD && k->len >= a->plen &&
		    text_map_key_eq(t->buf + k->off, a->prefix, a->plen)) {
			return true;
		}
	}
	return false;
}

/* Match elements [ei, end) of p at token ti; the end token or -1.
 * An element that must match is followed by a loop, not a call: only gaps
 * and optional elements, which may have to try again, recurse. */
static long
match_at(const struct lexicon *lx, const struct lex_pattern *p, uint32_t ei,
    const struct text_tokens *t, size_t ti)
{
	for (;;) {
		if (ei == p->nel)
			return (long)ti;
		const struct lex_el *e = &lx->els[p->el + ei];
		switch (e->kind) {
		case LE_BOS:
			if (ti < t->n && (t->v[ti].flags & TF_SENT_START)) {
				ei++;
				continue;
			}
			return -1;
		case LE_EOS:
			if (ti >= t->n || (t->v[ti].flags & TF_SENT_END) ||
			    (ti > 0 && t->v[ti].sent != t->v[ti - 1].sent)) {
				ei++;
				continue;
			}
			return -1;
		case LE_GAP: {
			/* When the element after the gap must match, a token
			 * it does not match is passed over here, without the
			 * call that would find that first. */
			const struct lex_el *nx = ei + 1 < p->nel ?
			    &lx->els[p->el + ei + 1] : NULL;
			bool must = nx && nx->kind == LE_ALTS && !nx->optional;
			for (size_t g = 0; g <= e->gap; g++) {
				if (g > 0) {
					size_t s = ti + g - 1;
					if (s >= t->n || !text_is_word(&t->v[s]) ||
					    t->v[s].sent !=
					    t->v[ti > 0 ? ti - 1 : 0].sent)
						break;
				}
				if (must && (ti + g >= t->n ||
				    !alt_match(lx, nx, t, ti + g)))
					continue;
				long r = match_at(lx, p, ei + 1, t, ti + g);
				if (r >= 0)
					return r;
			}
			return -1;
		}
		case LE_NUM:
			if (ti < t->n && t->v[ti].kind == TOK_NUM) {
				ei++;
				ti++;
				continue;
			}
			return -1;
		default: {
			bool ok = ti < t->n && alt_match(lx, e, t, ti) &&
			    (ei == 0 || ti == 0 ||
			    t->v[ti].sent == t->v[ti - 1].sent ||
			    lx->els[p->el + ei - 1].kind == LE_BOS);
			if (!e->optional) {
				if (!ok)
					return -1;
				ei++;
				ti++;
				continue;
			}
			if (ok) {
				long r = match_at(lx, p, ei + 1, t, ti + 1);
				if (r >= 0)
					return r;
			}
			ei++;
			continue;
		}
		}
	}
}

/* Does the text hold every word p needs beyond its first two? */
static inline __attribute__((always_inline)) bool
has_required(const struct lexicon *lx, const struct lex_pattern *p,
    const uint64_t *present)
{
	for (uint32_t i = 2; i < p->nreq; i++) {
		uint32_t id = lx->req[p->req + i];
		if (id < lx->req_any && !((present[id >> 6] >> (id & 63)) & 1))
			return false;
	}
	return true;
}

/* Does the text hold a word of each set p needs (lexicon.rsets)? */
static inline __attribute__((always_inline)) bool
has_sets(const struct lexicon *lx, const struct lex_pattern *p,
    const uint64_t *present)
{
	for (uint32_t i = 0; i < p->nrset; i++) {
		const struct lex_rset *r = &lx->rsets[p->rset + i];
		const struct lex_rword *w = lx->rwords + r->from;
		uint64_t any = 0;
		for (uint32_t j = 0; j < r->n; j++)
			any |= present[w[j].w] & w[j].bits;
		if (!any)
			return false;
	}
	return true;
}

static void
add_match(struct lex_matches *m, uint32_t pat, size_t ti, long end,
    uint16_t cat)
{
	if (m->n + 1 > m->cap)
		m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof *m->v);
	struct lex_match *x = &m->v[m->n++];
	x->pat = pat;
	x->start = (uint32_t)ti;
	x->end = (uint32_t)(end > (long)ti ? end : (long)ti + 1);
	x->cat = cat;
}

/* Try pattern pi at token ti unless the text lacks a word or a set of
 * words it needs beyond its first two.  by_id: pi came from the token's
 * by_id list, so a first element of words matches the token (one of its
 * words is the token's) and matching starts after it. */
static inline __attribute__((always_inline)) void
try_pattern(const struct lexicon *lx, uint32_t pi, const struct text_tokens *t,
    size_t ti, const uint64_t *present, struct lex_matches *m, bool by_id)
{
	const struct lex_pattern *p = &lx->pats[pi];
	if (p->nreq > 2 && !has_required(lx, p, present))
		return;
	if (p->nrset && lx->req_any == lx->norm.vocab.n &&
	    !has_sets(lx, p, present))
		return;
	bool skip = by_id && lx->els[p->el].kind == LE_ALTS;
	long end = match_at(lx, p, skip, t, ti + skip);
	if (end >= 0)
		add_match(m, pi, ti, end, p->cat);
}

/* Try the candidates c[0 .. n) at token ti, whose next token is bit nb
 * of the next-word sets (see lexicon.nexts), and the one after it bit
 * nb2.  A first pass without branches keeps those whose needed words are
 * present and whose Bloom word lets the next token through; only they
 * are tried, in order, the next two tokens tested exactly first. */
static inline __attribute__((always_inline)) void
try_cands(const struct lexicon *lx, const struct lex_cand *c, uint32_t n,
    const struct text_tokens *t, size_t ti, uint32_t nb, uint32_t nb2,
    const uint64_t *present, struct lex_matches *m, bool by_id)
{
	uint32_t bb = bloom_bit(nb);
	const uint64_t *nw = lx->nexts + (nb >> 6);
	const uint64_t *nw2 = lx->nexts + (nb2 >> 6);
	uint32_t keep[64];
	for (uint32_t b = 0; b < n; b += 64) {
		uint32_t e = n - b > 64 ? b + 64 : n, nk = 0;
		for (uint32_t i = b; i < e; i++) {
			uint32_t r0 = c[i].req[0], r1 = c[i].req[1];
			uint64_t ok = (present[r0 >> 6] >> (r0 & 63)) &
			    (present[r1 >> 6] >> (r1 & 63)) & 1;
			ok &= c[i].next_bloom >> bb;
			keep[nk] = i;
			nk += (uint32_t)ok;
		}
		for (uint32_t j = 0; j < nk; j++) {
			const struct lex_cand *x = &c[keep[j]];
			if ((nw[x->nexts] >> (nb & 63)) &
			    (nw2[x->nexts2] >> (nb2 & 63)) & 1)
				try_pattern(lx, x->pat, t, ti, present, m, by_id);
		}
	}
}

/* try_cands() for a pair's candidates, whose next word is known to fit:
 * only the words they need and the token after the next (bit nb2) are
 * tested before trying them. */
static inline __attribute__((always_inline)) void
try_pcands(const struct lexicon *lx, const struct lex_pcand *c, uint32_t n,
    const struct text_tokens *t, size_t ti, uint32_t nb2,
    const uint64_t *present, struct lex_matches *m)
{
	const uint64_t *nw2 = lx->nexts + (nb2 >> 6);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t r0 = c[i].req[0], r1 = c[i].req[1];
		if ((present[r0 >> 6] >> (r0 & 63)) &
		    (present[r1 >> 6] >> (r1 & 63)) &
		    (nw2[c[i].nexts2] >> (nb2 & 63)) & 1)
			try_pattern(lx, c[i].pat, t, ti, present, m, true);
	}
}

/* The bit of the next-word sets for token j of v[0 .. n) (nv, the
 * vocabulary's size, for a word without an id or past the end). */
static inline __attribute__((always_inline)) uint32_t
next_bit(const struct token *v, size_t n, size_t j, uint32_t nv)
{
	uint32_t id = j < n ? (uint32_t)v[j].id : UINT32_MAX;
	return id < nv ? id : nv;
}

/* Matches m->v[from ..) in pattern order (they start at one token). */
static void
sort_matches(struct lex_matches *m, size_t from)
{
	for (size_t i = from + 1; i < m->n; i++) {
		struct lex_match x = m->v[i];
		size_t j = i;
		while (j > from && m->v[j - 1].pat > x.pat) {
			m->v[j] = m->v[j - 1];
			j--;
		}
		m->v[j] = x;
	}
}

/* Without the index (lexicon_index() not run): every pattern of a list. */
static void
try_list(const struct lexicon *lx, const struct lex_plist *l,
    const struct text_tokens *t, size_t ti, struct lex_matches *m)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct lex_pattern *p = &lx->pats[l->v[i]];
		long end = match_at(lx, p, 0, t, ti);
		if (end >= 0)
			add_match(m, l->v[i], ti, end, p->cat);
	}
}

static void
scan_plain(const struct lexicon *lx, const struct text_tokens *t,
    struct lex_matches *m)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct token *k = &t->v[i];
		if (k->id >= 0 && (size_t)k->id < lx->nby_id)
			try_list(lx, &lx->by_id[k->id], t, i, m);
		if (k->kind == TOK_WORD && k->len >= 3) {
			int pl = text_map_get(&lx->by_prefix, t->buf + k->off, 3);
			if (pl >= 0)
				try_list(lx, &lx->pre_lists[pl], t, i, m);
		}
		if (k->kind == TOK_NUM)
			try_list(lx, &lx->by_num, t, i, m);
	}
}

void
lexicon_scan(const struct lexicon *lx, const struct text_tokens *t,
    struct lex_matches *m)
{
	m->n = 0;
	if (!lx->indexed) {
		scan_plain(lx, t, m);
		return;
	}
	/* The vocabulary ids of the text (those below req_any), and
	 * req_any itself. */
	uint64_t present[PRESENT_WORDS];
	uint32_t any = lx->req_any;
	memset(present, 0, ((size_t)any / 64 + 1) * sizeof *present);
	present[any >> 6] |= (uint64_t)1 << (any & 63);
	for (size_t i = 0; i < t->n; i++) {
		uint32_t id = (uint32_t)t->v[i].id;
		id = id < any ? id : any; /* without a branch */
		present[id >> 6] |= (uint64_t)1 << (id & 63);
	}
	uint32_t nv = (uint32_t)lx->norm.vocab.n;
	/* In locals: the calls below would have them read again. */
	const struct token *v = t->v;
	size_t n = t->n;
	const uint64_t *idle = lx->idle;
	uint32_t nd = (uint32_t)lx->ndisp;
	for (size_t i = 0; i < n; i++) {
		const struct token *k = &v[i];
		/* The next token's id, and its bit of the next-word sets. */
		uint32_t nid, nb, nb2;
		int pl = -1;
		/* Few branches: known, unknown and idle words alternate.  An
		 * id outside the vocabulary reads disp's idle sentinel. */
		uint32_t id = (uint32_t)k->id;
		uint32_t cid = id < nd ? id : nd;
		if (!((idle[cid >> 6] >> (cid & 63)) & 1)) {
			nid = i + 1 < n ? (uint32_t)v[i + 1].id : UINT32_MAX;
			nb = nid < nv ? nid : nv;
			nb2 = next_bit(v, n, i + 2, nv);
			/* by_id's list, as the rest and the pair (id, nid). */
			const struct lex_disp *d = &lx->disp[k->id];
			size_t m0 = m->n;
			if (d->n)
				try_cands(lx, lx->cands + d->from, d->n, t, i, nb,
				    nb2, present, m, true);
			if (nid != UINT32_MAX && (d->pairs >> pair_bit(nid) & 1)) {
				const struct lex_pair *pr = &lx->pairs[pair_slot(lx,
				    (uint32_t)k->id, nid, PAIR_ANY)];
				if (pr->from != pr->to)
					try_pcands(lx, lx->pcands + pr->from,
					    pr->to - pr->from, t, i, nb2, present, m);
			}
			/* (nb2 is nv when that token has no id, or there is
			 * none.) */
			if (nb2 != nv && nid != UINT32_MAX &&
			    (d->triples >> triple_bit(nid, nb2) & 1)) {
				const struct lex_pair *pr = &lx->pairs[pair_slot(lx,
				    (uint32_t)k->id, nid, nb2)];
				if (pr->from != pr->to)
					try_pcands(lx, lx->pcands + pr->from,
					    pr->to - pr->from, t, i, nb2, present, m);
			}
			if (m->n - m0 > 1)
				sort_matches(m, m0);
			pl = d->pre;
		} else if ((id >= nd) & (k->kind == TOK_WORD) & (k->len >= 3) &&
		    ((lx->pre_filter[pre_bit(t->buf + k->off) >> 6] >>
		    (pre_bit(t->buf + k->off) & 63)) & 1)) {
			pl = text_map_get(&lx->by_prefix, t->buf + k->off, 3);
		}
		/* An idle token, most often: nothing to try, and no need of
		 * the next one. */
		if (pl < 0 && k->kind != TOK_NUM)
			continue;
		nb = next_bit(v, n, i + 1, nv);
		nb2 = next_bit(v, n, i + 2, nv);
		if (pl >= 0 && k->kind == TOK_WORD && k->len >= 3)
			try_cands(lx, lx->cands + lx->cand_pre[pl],
			    lx->cand_pre[pl + 1] - lx->cand_pre[pl], t, i, nb,
			    nb2, present, m, false);
		if (k->kind == TOK_NUM)
			try_cands(lx, lx->cands + lx->cand_num,
			    lx->ncands - lx->cand_num, t, i, nb, nb2, present, m,
			    false);
	}
}
