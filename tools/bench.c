/* bench.c: how fast the scorer grades, on a generated corpus of replies.
 *
 * usage: bench [--assets DIR] [--scenarios DIR] [--count N] [--runs N]
 *              [--dump FILE] DEV_JSONL
 * Builds at least --count replies (default 100000) in memory by recombining
 * the sentences of the replies in DEV_JSONL and of the lines of the shipped
 * scenarios ("say" and "model_reply" strings), with a fixed-seed PRNG; grades
 * them all with score_reply() on one thread, --runs times (default 5); and
 * prints the median throughput, start-up times and peak memory.  --dump
 * writes the corpus as JSON Lines {"reply": ...} for other tools. */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "diag.h"
#include "grading.h"
#include "paths.h"
#include "score.h"
#include "utf8.h"
#include "xalloc.h"

/* One customer situation from DEV_JSONL, used as the context of replies. */
struct situation {
	char *customer;
	bool at_fault;
	struct score_fact *facts;
	size_t nfacts;
};

struct strs {
	char **v;
	size_t n, cap;
};

struct reply {
	size_t off, len; /* in corpus.text */
	size_t sit;      /* index into corpus.sits */
};

struct corpus {
	struct situation *sits;
	size_t nsits, scap;
	struct strs originals; /* replies as given */
	struct strs sentences;
	char *text;            /* every generated reply, back to back */
	size_t len, tcap;
	struct reply *replies;
	size_t nreplies, rcap;
	size_t nscenario_lines;
};

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

/* xorshift64*: small, fast, and the same everywhere. */
static uint64_t
rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Dull;
}

static size_t
rng_below(size_t n)
{
	return n ? (size_t)(rng_next() % n) : 0;
}

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
strs_add(struct strs *s, const char *p, size_t n)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = xstrndup(p, n);
}

static void
strs_free(struct strs *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

/* Split text into sentences (ending in . ! ? or a newline) and keep them. */
static void
split_sentences(struct strs *out, const char *t)
{
	size_t i = 0, n = strlen(t);
	while (i < n) {
		while (i < n && isspace((unsigned char)t[i]))
			i++;
		size_t start = i;
		while (i < n && t[i] != '\n' &&
		    !(strchr(".!?", t[i]) && (i + 1 == n ||
		    isspace((unsigned char)t[i + 1]))))
			i++;
		if (i < n && t[i] != '\n')
			i++; /* keep the full stop */
		if (i > start)
			strs_add(out, t + start, i - start);
	}
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 0, n = 0;
	char *buf = NULL;
	for (;;) {
		buf = xgrow(buf, &cap, n + 65536, 1);
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void
add_situation(struct corpus *c, const cJSON *o)
{
	c->sits = xgrow(c->sits, &c->scap, c->nsits + 1, sizeof *c->sits);
	struct situation *s = &c->sits[c->nsits++];
	memset(s, 0, sizeof *s);
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "customer");
	s->customer = cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
	v = cJSON_GetObjectItemCaseSensitive(o, "at_fault");
	s->at_fault = !cJSON_IsFalse(v);
	v = cJSON_GetObjectItemCaseSensitive(o, "facts");
	int nf = cJSON_IsArray(v) ? cJSON_GetArraySize(v) : 0;
	if (nf > 0)
		s->facts = xcalloc((size_t)nf, sizeof *s->facts);
	for (const cJSON *e = nf > 0 ? v->child : NULL; e; e = e->next)
		if (cJSON_IsString(e))
			s->facts[s->nfacts++].text = xstrdup(e->valuestring);
}

/* Read DEV_JSONL: situations, original replies and their sentences. */
static int
load_dev(struct corpus *c, const char *path)
{
	size_t len;
	char *text = read_file(path, &len);
	if (text == NULL) {
		fprintf(stderr, "bench: cannot read %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line;
	    line = strtok_r(NULL, "\n", &save)) {
		cJSON *o = cJSON_Parse(line);
		const cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "reply");
		if (cJSON_IsString(r) && *r->valuestring &&
		    utf8_valid(r->valuestring, strlen(r->valuestring), NULL)) {
			add_situation(c, o);
			strs_add(&c->originals, r->valuestring,
			    strlen(r->valuestring));
			split_sentences(&c->sentences, r->valuestring);
		}
		cJSON_Delete(o);
	}
	free(text);
	if (c->originals.n == 0) {
		fprintf(stderr, "bench: no replies in %s\n", path);
		return -1;
	}
	return 0;
}

/* Every string under a "say" or "model_reply" key, at any depth. */
static void
collect_lines(struct corpus *c, const cJSON *node, bool wanted)
{
	for (const cJSON *e = node; e; e = e->next) {
		bool w = wanted || (e->string && (strcmp(e->string, "say") == 0 ||
		    strcmp(e->string, "model_reply") == 0));
		if (cJSON_IsString(e) && w && e->valuestring &&
		    utf8_valid(e->valuestring, strlen(e->valuestring), NULL)) {
			split_sentences(&c->sentences, e->valuestring);
			c->nscenario_lines++;
		}
		if (e->child)
			collect_lines(c, e->child, w && cJSON_IsArray(e));
	}
}

/* Load the scenarios' lines; returns the number of files read. */
static size_t
load_scenarios(struct corpus *c, const char *dir, char **first)
{
	char *pat = xasprintf("%s/*.json", dir);
	glob_t gl;
	size_t nfiles = 0;
	if (glob(pat, 0, NULL, &gl) == 0) {
		for (size_t i = 0; i < gl.gl_pathc; i++) {
			size_t len;
			char *text = read_file(gl.gl_pathv[i], &len);
			cJSON *root = text ? cJSON_ParseWithLength(text, len) : NULL;
			if (root) {
				collect_lines(c, root, false);
				if (*first == NULL)
					*first = xstrdup(gl.gl_pathv[i]);
				nfiles++;
			}
			cJSON_Delete(root);
			free(text);
		}
		globfree(&gl);
	}
	free(pat);
	return nfiles;
}

static void
corpus_add(struct corpus *c, const char *s, size_t n, size_t sit)
{
	c->text = xgrow(c->text, &c->tcap, c->len + n + 1, 1);
	memcpy(c->text + c->len, s, n);
	c->replies = xgrow(c->replies, &c->rcap, c->nreplies + 1,
	    sizeof *c->replies);
	c->replies[c->nreplies++] = (struct reply){c->len, n, sit};
	c->len += n;
	c->text[c->len++] = '\0'; /* so a reply can be used as a C string */
}

/* The originals first, then recombinations of 1 to 5 sentences; now and
 * then one sentence is shouted, to vary the tone. */
static void
generate(struct corpus *c, size_t count)
{
	for (size_t i = 0; i < c->originals.n && c->nreplies < count; i++)
		corpus_add(c, c->originals.v[i], strlen(c->originals.v[i]), i);
	char *buf = NULL;
	size_t bcap = 0;
	while (c->nreplies < count) {
		size_t k = 1 + rng_below(5), blen = 0;
		for (size_t j = 0; j < k; j++) {
			const char *s = c->sentences.v[rng_below(c->sentences.n)];
			size_t n = strlen(s);
			buf = xgrow(buf, &bcap, blen + n + 2, 1);
			if (blen)
				buf[blen++] = ' ';
			memcpy(buf + blen, s, n);
			if (rng_below(25) == 0)
				for (size_t x = 0; x < n; x++)
					buf[blen + x] = (char)toupper(
					    (unsigned char)buf[blen + x]);
			blen += n;
		}
		corpus_add(c, buf, blen, rng_below(c->nsits));
	}
	free(buf);
}

static int
dump(const struct corpus *c, const char *path)
{
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		fprintf(stderr, "bench: cannot write %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < c->nreplies; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "reply", c->text + c->replies[i].off);
		char *s = cJSON_PrintUnformatted(o);
		fprintf(f, "%s\n", s);
		cJSON_free(s);
		cJSON_Delete(o);
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "bench: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

/* Grade every reply once; returns a checksum of the overall scores. */
static long
grade_all(struct scorer *sc, const struct corpus *c)
{
	long sum = 0;
	struct grading g;
	grading_init(&g);
	for (size_t i = 0; i < c->nreplies; i++) {
		const struct reply *r = &c->replies[i];
		const struct situation *s = &c->sits[r->sit];
		const char *prev = i ? c->text + c->replies[i - 1].off : NULL;
		struct score_ctx ctx = {
			.customer = s->customer,
			.at_fault = s->at_fault,
			.facts = s->facts,
			.nfacts = s->nfacts,
			.history = &prev,
			.nhistory = i % 8 == 0 && prev ? 1 : 0,
		};
		/* As a caller grading many replies would: one grading, its
		 * pool kept from one reply to the next. */
		grading_reset(&g);
		score_reply(sc, &ctx, c->text + r->off, r->len, &g);
		sum += g.overall;
	}
	grading_free(&g);
	return sum;
}

static void
corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->nsits; i++) {
		free(c->sits[i].customer);
		for (size_t j = 0; j < c->sits[i].nfacts; j++)
			free((char *)c->sits[i].facts[j].text);
		free(c->sits[i].facts);
	}
	free(c->sits);
	strs_free(&c->originals);
	strs_free(&c->sentences);
	free(c->text);
	free(c->replies);
}

static int
usage(void)
{
	fputs("usage: bench [--assets DIR] [--scenarios DIR] [--count N] "
	    "[--runs N] [--dump FILE] DEV_JSONL\n", stderr);
	return 2;
}

/* Median time to load the scorer, in ms; -1 if it cannot be loaded. */
static double
time_scorer_load(const char *assets, int runs)
{
	double *t = xcalloc((size_t)runs, sizeof *t);
	for (int i = 0; i < runs; i++) {
		struct scorer *sc = NULL;
		struct diags d = {0};
		double t0 = now_ms();
		int rc = scorer_load(assets, "en", &sc, &d);
		t[i] = now_ms() - t0;
		if (rc != 0) {
			diags_print(&d, stderr);
			diags_free(&d);
			free(t);
			return -1;
		}
		scorer_free(sc);
		diags_free(&d);
	}
	double m = median(t, (size_t)runs);
	free(t);
	return m;
}

/* Median time to read and parse one scenario file with cJSON, in ms. */
static double
time_scenario_load(const char *path, int runs)
{
	double *t = xcalloc((size_t)runs, sizeof *t);
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		size_t len;
		char *text = read_file(path, &len);
		cJSON *root = text ? cJSON_ParseWithLength(text, len) : NULL;
		t[i] = now_ms() - t0;
		cJSON_Delete(root);
		free(text);
	}
	double m = median(t, (size_t)runs);
	free(t);
	return m;
}

int
main(int argc, char **argv)
{
	const char *assets_opt = NULL, *scen_opt = NULL, *dump_path = NULL;
	const char *dev = NULL;
	long count = 100000, runs = 5;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool more = i + 1 < argc;
		if (strcmp(a, "--assets") == 0 && more)
			assets_opt = argv[++i];
		else if (strcmp(a, "--scenarios") == 0 && more)
			scen_opt = argv[++i];
		else if (strcmp(a, "--dump") == 0 && more)
			dump_path = argv[++i];
		else if (strcmp(a, "--count") == 0 && more)
			count = strtol(argv[++i], NULL, 10);
		else if (strcmp(a, "--runs") == 0 && more)
			runs = strtol(argv[++i], NULL, 10);
		else if (a[0] == '-' || dev)
			return usage();
		else
			dev = a;
	}
	if (dev == NULL || count < 1 || runs < 1 || runs > 1000)
		return usage();

	struct corpus c = {0};
	if (load_dev(&c, dev) != 0)
		return 1;
	char *scen_dir = paths_scenarios_dir(scen_opt);
	char *first_scen = NULL;
	size_t nscen = load_scenarios(&c, scen_dir, &first_scen);
	generate(&c, (size_t)count);
	size_t bytes = 0;
	for (size_t i = 0; i < c.nreplies; i++)
		bytes += c.replies[i].len;
	printf("corpus: %zu replies, %.1f MB (%zu originals from %s, %zu "
	    "sentences; %zu scenario lines from %zu files in %s)\n",
	    c.nreplies, (double)bytes / 1e6, c.originals.n, dev,
	    c.sentences.n, c.nscenario_lines, nscen, scen_dir);
	if (dump_path) {
		if (dump(&c, dump_path) != 0)
			return 1;
		printf("corpus written to %s\n", dump_path);
	}

	char *assets = paths_assets_dir(assets_opt);
	double load_ms = time_scorer_load(assets, (int)runs);
	if (load_ms < 0) {
		fprintf(stderr, "bench: cannot load the scorer from %s\n", assets);
		return 1;
	}
	printf("startup: scorer_load %.2f ms", load_ms);
	if (first_scen)
		printf(", one scenario (%s) %.2f ms", first_scen,
		    time_scenario_load(first_scen, (int)runs));
	else
		printf(", no scenario file found");
	printf(" (median of %ld)\n", runs);

	struct scorer *sc = NULL;
	struct diags d = {0};
	scorer_load(assets, "en", &sc, &d);
	diags_free(&d);
	double *t = xcalloc((size_t)runs, sizeof *t);
	long sum = 0;
	for (long i = 0; i < runs; i++) {
		double t0 = now_ms();
		sum = grade_all(sc, &c);
		t[i] = now_ms() - t0;
	}
	double ms = median(t, (size_t)runs);
	double rps = (double)c.nreplies / (ms / 1e3);
	double mbps = (double)bytes / 1e6 / (ms / 1e3);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("grading: %zu replies in %.1f ms (median of %ld runs, one "
	    "thread): %.0f replies/s, %.2f MB/s; mean overall %.1f\n",
	    c.nreplies, ms, runs, rps, mbps, (double)sum / (double)c.nreplies);
	printf("peak memory: %.1f MB (ru_maxrss, corpus included)\n",
	    (double)ru.ru_maxrss / 1024.0);
	printf("result: replies_per_sec=%.0f mb_per_sec=%.3f total=%zu "
	    "load_ms=%.3f maxrss_kb=%ld\n", rps, mbps, c.nreplies, load_ms,
	    (long)ru.ru_maxrss);

	free(t);
	scorer_free(sc);
	free(assets);
	free(scen_dir);
	free(first_scen);
	corpus_free(&c);
	return 0;
}
