/* train.c: learn the word model (assets/model/<lang>.json).
 *
 * usage: train -c CRITERION [-c ...] -k CALIBRATION.jsonl [-k ...]
 *              [-s SCENARIO.json ...] [-a ASSETS] [-o OUT] TRAIN.jsonl...
 * For each CRITERION: reads labelled replies (the eval format: "reply" and
 * "labels"; lines without a label for it are skipped), turns each reply
 * into the features of wordmodel_features() (wordmodel.h), each counted once (for
 * calm, each model reply of a SCENARIO too, as calm), fits a
 * logistic regression by stochastic gradient descent: 30 passes, rate 0.2,
 * L2 0.001, a fixed shuffle, so the same input gives the same model.  Then
 * it grades each CALIBRATION file (up to 4) with the rules alone and picks
 * the threshold (0.05 ... 0.95) and the cue weight (0 ... 2; at least 1
 * for calm) at which "the rules find the behaviour, unless the model's
 * probability is under the threshold and a word weighs at least the cue
 * against it" agrees best with their labels (the mean of the files'
 * Cohen's kappas, averaged with the neighbouring thresholds' so that a
 * spike on a few replies does not decide), among those that call none of
 * the SCENARIOs' model replies un-calm.  With TRAIN_GRID set in the
 * environment it prints that table of kappas to stderr.  It learns only from replies in which the rules find
 * the behaviour: those are the ones it judges.  Writes the model of every
 * CRITERION, with weights under 0.2 in size dropped, as JSON to OUT
 * (stdout by default) and a summary to stderr.  The model in ASSETS is not
 * read. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "grading.h"
#include "labelled.h"
#include "lexicon.h"
#include "paths.h"
#include "scenario.h"
#include "score.h"
#include "stats.h"
#include "text.h"
#include "text_map.h"
#include "wordmodel.h"
#include "xalloc.h"

#define PASSES 30
#define RATE 0.2
#define L2 0.001
#define PRUNE 0.2

struct feat {
	uint32_t ix;
	double v;
};

struct example {
	struct feat *f;
	size_t n;
	int y;
};

struct trainset {
	struct text_map names;  /* feature name -> index */
	char **name;            /* index -> name (owned) */
	size_t nname, cname;
	struct example *ex;
	size_t nex, cex;
};

struct collect {
	struct trainset *ts;
	struct example *e;
	size_t cap;
	uint32_t *seen;         /* per index: the example + 1 last seen */
	size_t cseen;
	uint32_t stamp;
};

static void
collect_one(const char *key, size_t n, double v, size_t a, size_t b,
    void *arg)
{
	(void)a;
	(void)b;
	struct collect *c = arg;
	struct trainset *ts = c->ts;
	if (v == 0)
		return;
	int ix = text_map_get(&ts->names, key, n);
	if (ix < 0) {
		ix = (int)ts->nname;
		text_map_set(&ts->names, key, n, ix);
		ts->name = xgrow(ts->name, &ts->cname, ts->nname + 1,
		    sizeof *ts->name);
		ts->name[ts->nname++] = xstrdup(key);
	}
	if ((size_t)ix >= c->cseen)
		c->seen = xgrow_zero(c->seen, &c->cseen, (size_t)ix + 1,
		    sizeof *c->seen);
	if (c->seen[ix] == c->stamp)
		return;
	c->seen[ix] = c->stamp;
	c->e->f = xgrow(c->e->f, &c->cap, c->e->n + 1, sizeof *c->e->f);
	c->e->f[c->e->n++] = (struct feat){(uint32_t)ix, v};
}

typedef void (*line_fn)(const struct labelled *l, int y, void *arg);

static int
each_line(const char *path, enum criterion c, line_fn fn, void *arg)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		perror(path);
		return -1;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (strspn(line, " \t\r\n") == (size_t)n)
			continue;
		cJSON *o = cJSON_Parse(line);
		struct labelled l;
		if (labelled_read(&l, o) < 0) {
			fprintf(stderr, "%s:%zu: not a labelled reply\n", path,
			    lineno);
			labelled_free(&l);
			cJSON_Delete(o);
			free(line);
			fclose(f);
			return -1;
		}
		if (l.label[c] >= 0)
			fn(&l, l.label[c], arg);
		labelled_free(&l);
		cJSON_Delete(o);
	}
	free(line);
	fclose(f);
	return 0;
}

/* Do the rules alone (sc) find criterion c in l's reply, in its context? */
static bool
rules_find(struct scorer *sc, const struct labelled *l, enum criterion c)
{
	struct grading g;
	grading_init(&g);
	score_reply(sc, &l->ctx, l->reply, strlen(l->reply), &g);
	bool found = g.crit[c].detected;
	grading_free(&g);
	return found;
}

struct add_ctx {
	struct trainset *ts;
	const struct lexicon *lx;
	struct scorer *sc;      /* the rules alone */
	enum criterion c;
	struct text_tokens tok;
	struct collect col;
};

static void
add_example(const struct labelled *l, int y, void *arg)
{
	struct add_ctx *ac = arg;
	struct trainset *ts = ac->ts;
	/* The model only ever judges replies in which the rules found the
	 * behaviour (it vetoes): it learns from those alone, so that what it
	 * takes as usual is what the rules let through. */
	if (!rules_find(ac->sc, l, ac->c))
		return;
	const char *reply = l->reply;
	text_tokenize(&ac->lx->norm, reply, strlen(reply), &ac->tok);
	ts->ex = xgrow(ts->ex, &ts->cex, ts->nex + 1, sizeof *ts->ex);
	struct example *e = &ts->ex[ts->nex++];
	memset(e, 0, sizeof *e);
	e->y = y;
	ac->col.e = e;
	ac->col.cap = 0;
	ac->col.stamp++;
	wordmodel_features(&ac->tok, collect_one, &ac->col);
}

static uint64_t rng = 88172645463325252ull;

static uint64_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double
dot(const double *w, const struct example *e)
{
	double z = w[0];
	for (size_t i = 0; i < e->n; i++)
		z += w[e->f[i].ix + 1] * e->f[i].v;
	return z;
}

static double
sigmoid(double z)
{
	if (z > 30)
		z = 30;
	if (z < -30)
		z = -30;
	return 1.0 / (1.0 + exp(-z));
}

/* w[0] is the bias, w[1 + ix] feature ix's weight. */
static double *
fit(const struct trainset *ts)
{
	double *w = xcalloc(ts->nname + 1, sizeof *w);
	size_t *order = xcalloc(ts->nex, sizeof *order);
	for (size_t i = 0; i < ts->nex; i++)
		order[i] = i;
	for (int pass = 0; pass < PASSES; pass++) {
		for (size_t i = ts->nex; i > 1; i--) {
			size_t j = (size_t)(next_rand() % i);
			size_t t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		for (size_t k = 0; k < ts->nex; k++) {
			const struct example *e = &ts->ex[order[k]];
			double g = sigmoid(dot(w, e)) - e->y;
			w[0] -= RATE * g;
			for (size_t i = 0; i < e->n; i++) {
				double *wi = &w[e->f[i].ix + 1];
				*wi -= RATE * (g * e->f[i].v + L2 * *wi);
			}
		}
	}
	free(order);
	return w;
}

/* Write s as a JSON string. */
static void
put_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		if ((unsigned char)*s < 0x20)
			fprintf(out, "\\u%04x", (unsigned char)*s);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

static const struct trainset *sort_ts;

static int
by_name(const void *a, const void *b)
{
	return strcmp(sort_ts->name[*(const size_t *)a],
	    sort_ts->name[*(const size_t *)b]);
}

/* The reason a vetoed criterion's evidence gives (model file "why"). */
static const char *const crit_why[CRIT_COUNT] = {
	[CRIT_CALM] = "sounds curt, blaming or dismissive",
	[CRIT_RESTATE] = "reads as a denial, a lecture or a stock line, not "
	    "the customer's problem in other words",
	[CRIT_EMPATHY] = "does not read as empathy",
	[CRIT_APOLOGY] = "does not read as an apology",
	[CRIT_ALTERNATIVE] = "does not read as an offer",
};

/* A model's criterion section: "name": {...}.  Sets *nkept. */
static void
put_section(FILE *out, const struct trainset *ts, const double *w,
    enum criterion c, double th, double cue, size_t *nkept)
{
	size_t *ord = xcalloc(ts->nname + 1, sizeof *ord);
	size_t no = 0;
	for (size_t i = 0; i < ts->nname; i++)
		if (fabs(w[i + 1]) >= PRUNE)
			ord[no++] = i;
	sort_ts = ts;
	qsort(ord, no, sizeof *ord, by_name);
	put_string(out, criterion_name(c));
	fprintf(out, ": {\n   \"threshold\": %.2f,\n   \"cue\": %.1f,\n"
	    "   \"bias\": %.4f,\n   \"why\": ", th, cue, w[0]);
	put_string(out, crit_why[c]);
	fputs(",\n   \"weights\": {", out);
	for (size_t i = 0; i < no; i++) {
		fputs(i ? ",\n    " : "\n    ", out);
		put_string(out, ts->name[ord[i]]);
		fprintf(out, ": %.4f", w[ord[i] + 1]);
	}
	fputs("\n   }\n  }", out);
	free(ord);
	*nkept = no;
}

static FILE *
open_text(char **buf, size_t *len)
{
	FILE *out = open_memstream(buf, len);
	if (out == NULL) {
		perror("open_memstream");
		exit(2);
	}
	return out;
}

static void
put_head(FILE *out, size_t nreplies)
{
	fprintf(out, "{\n \"format\": %d,\n \"about\": \"Written by tools/train "
	    "(make model) from %zu labelled replies; do not edit by hand: "
	    "see docs/model-format.md.\",\n \"criteria\": {\n  ", WORDMODEL_FORMAT,
	    nreplies);
}

static void
close_text(FILE *out)
{
	fputs("\n }\n}\n", out);
	if (fclose(out) != 0) {
		perror("open_memstream");
		exit(2);
	}
}

/* The cue weights tried: how much a word of the worst sentence must weigh
 * against the behaviour for a veto.  For calm never less than 1: calling a
 * reply un-calm must rest on a word that clearly counts, which the grading
 * then cites (with any word at all, "She" or "Our" were cited for polite
 * replies). */
#define NCUE 5
static const double cue_grid[NCUE] = {0, 0.5, 1.0, 1.5, 2.0};

static double
min_cue(enum criterion c)
{
	return c == CRIT_CALM ? 1.0 : 0;
}

struct calib {
	struct scorer *sc;
	const struct wordmodel *tm;
	const struct lexicon *lx;
	enum criterion crit;
	struct text_tokens tok;
	struct wordmodel_run run;
	struct stats_confusion conf[4][19][NCUE], rules[4];
	int file;
	size_t vetoed[19][NCUE]; /* model replies the model would veto */
	double p, worst;         /* of the reply model_judge() saw last */
};

/* The model's probability for reply and its worst cue's weight (0: none). */
static void
model_judge(struct calib *cb, const char *reply)
{
	text_tokenize(&cb->lx->norm, reply, strlen(reply), &cb->tok);
	cb->p = wordmodel_prob(cb->tm, cb->crit, &cb->tok, &cb->run);
	wordmodel_cues(cb->tm, cb->crit, &cb->tok, &cb->run);
	cb->worst = cb->run.ncue ? cb->run.cue[0].w : 0;
}

/* Would threshold 0.05 * (t + 1) and cue cue_grid[u] veto that reply?
 * (As score_model_vetoes() decides, which needs a cue.) */
static bool
vetoes_at(const struct calib *cb, int t, int u)
{
	return cb->p < 0.05 * (t + 1) && cb->run.ncue &&
	    cb->worst <= -cue_grid[u];
}

static void
calib_one(const struct labelled *l, int y, void *arg)
{
	struct calib *cb = arg;
	bool rule = rules_find(cb->sc, l, cb->crit);
	model_judge(cb, l->reply);
	stats_add(&cb->rules[cb->file], y, rule);
	for (int t = 0; t < 19; t++)
		for (int u = 0; u < NCUE; u++)
			stats_add(&cb->conf[cb->file][t][u], y,
			    rule && !vetoes_at(cb, t, u));
}

/* Count, per threshold and cue, the model replies (calm by construction)
 * the model would call un-calm. */
static void
count_vetoes(const struct labelled *l, int y, void *arg)
{
	(void)y;
	struct calib *cb = arg;
	model_judge(cb, l->reply);
	for (int t = 0; t < 19; t++)
		for (int u = 0; u < NCUE; u++)
			cb->vetoed[t][u] += vetoes_at(cb, t, u);
}

/* Call fn for each model reply of scenario path, as a labelled reply of
 * calm = 1 (no facts, company at fault). */
static int
each_model_reply(const char *path, line_fn fn, void *arg, struct diags *d)
{
	struct scenario sc;
	if (scenario_load(&sc, path, d) < 0) {
		scenario_free(&sc);
		return -1;
	}
	for (size_t i = 0; i < sc.nnodes; i++) {
		if (sc.nodes[i].model_reply == NULL)
			continue;
		struct labelled l = {.reply = sc.nodes[i].model_reply,
		    .ctx = {.at_fault = true}};
		fn(&l, 1, arg);
	}
	scenario_free(&sc);
	return 0;
}

struct trained {
	enum criterion c;
	struct trainset ts;
	double *w;
	double th, cue;
};

static void
trainset_free(struct trainset *ts)
{
	for (size_t i = 0; i < ts->nex; i++)
		free(ts->ex[i].f);
	free(ts->ex);
	for (size_t i = 0; i < ts->nname; i++)
		free(ts->name[i]);
	free(ts->name);
	text_map_free(&ts->names);
}

/* Fit criterion tr->c on the files (and, for calm, the model replies of
 * the scenarios), then set its threshold on the calibration files.
 * Returns -1 on a bad file. */
static int
train_one(struct trained *tr, struct lexicon *lx, struct scorer *sc,
    char **files, int nfiles, const char *const *scen, int nscen,
    const char *const *calfile, int ncal, struct diags *d)
{
	const char *name = criterion_name(tr->c);
	struct add_ctx ac = {.ts = &tr->ts, .lx = lx, .sc = sc, .c = tr->c};
	text_tokens_init(&ac.tok);
	ac.col.ts = &tr->ts;
	for (int i = 0; i < nfiles; i++)
		if (each_line(files[i], tr->c, add_example, &ac) < 0)
			return -1;
	for (int i = 0; tr->c == CRIT_CALM && i < nscen; i++)
		if (each_model_reply(scen[i], add_example, &ac, d) < 0)
			return -1;
	free(ac.col.seen);
	text_tokens_free(&ac.tok);
	tr->w = fit(&tr->ts);

	/* The model as wordmodel.c reads it back, to calibrate with. */
	char *text = NULL;
	size_t len, no;
	FILE *out = open_text(&text, &len);
	put_head(out, tr->ts.nex);
	put_section(out, &tr->ts, tr->w, tr->c, 0.5, 0, &no);
	close_text(out);
	struct wordmodel *tm;
	if (wordmodel_parse("(trained model)", text, len, &tm, d) < 0)
		return -1;
	free(text);
	wordmodel_add_words(tm, &lx->norm, &lx->plain_words);
	struct calib cb = {.sc = sc, .tm = tm, .lx = lx, .crit = tr->c};
	text_tokens_init(&cb.tok);
	for (cb.file = 0; cb.file < ncal; cb.file++)
		if (each_line(calfile[cb.file], tr->c, calib_one, &cb) < 0)
			return -1;
	for (int i = 0; tr->c == CRIT_CALM && i < nscen; i++)
		if (each_model_reply(scen[i], count_vetoes, &cb, d) < 0)
			return -1;
	/* The mean kappa over the calibration files, per threshold and cue;
	 * each setting is judged with its neighbouring thresholds too (their
	 * mean), so that a lucky spike on a few replies does not pick it. */
	double mk[19][NCUE];
	for (int t = 0; t < 19; t++)
		for (int u = 0; u < NCUE; u++) {
			mk[t][u] = 0;
			for (int k = 0; k < ncal; k++)
				mk[t][u] += stats_kappa(&cb.conf[k][t][u]) / ncal;
		}
	if (getenv("TRAIN_GRID"))
		for (int t = 0; t < 19; t++) {
			fprintf(stderr, "grid %s %.2f:", name, 0.05 * (t + 1));
			for (int u = 0; u < NCUE; u++)
				fprintf(stderr, " %.3f%s", mk[t][u],
				    cb.vetoed[t][u] ? "*" : "");
			fprintf(stderr, "\n");
		}
	double bestm = -2;
	int best = 0, bestu = 0;
	for (int t = 0; t < 19; t++) {
		for (int u = 0; u < NCUE; u++) {
			int lo = t > 0 ? t - 1 : t, hi = t < 18 ? t + 1 : t;
			double m = 0;
			for (int v = lo; v <= hi; v++)
				m += mk[v][u] / (hi - lo + 1);
			/* never one that calls a model reply un-calm; ties:
			 * the lower threshold, then the higher cue */
			if (cb.vetoed[t][u] > 0 || cue_grid[u] < min_cue(tr->c))
				continue;
			if (m > bestm + 1e-9 || (m > bestm - 1e-9 &&
			    t == best && u > bestu)) {
				bestm = m;
				best = t;
				bestu = u;
			}
		}
	}
	tr->th = 0.05 * (best + 1);
	tr->cue = cue_grid[bestu];
	fprintf(stderr, "train: %s: %zu replies, %zu features (%zu kept); "
	    "threshold %.2f, cue %.1f\n", name, tr->ts.nex, tr->ts.nname, no,
	    tr->th, tr->cue);
	for (int k = 0; k < ncal; k++)
		fprintf(stderr, "train: %s: calibration %s: kappa %.3f with the "
		    "rules alone, %.3f with the model\n", name, calfile[k],
		    stats_kappa(&cb.rules[k]),
		    stats_kappa(&cb.conf[k][best][bestu]));
	text_tokens_free(&cb.tok);
	wordmodel_run_free(&cb.run);
	wordmodel_free(tm);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *assets = NULL, *calfile[4], *outpath = NULL;
	const char **scen = xcalloc((size_t)argc + 1, sizeof *scen);
	struct trained tr[CRIT_COUNT];
	int opt, ncal = 0, ncrit = 0, nscen = 0;
	memset(tr, 0, sizeof tr);
	while ((opt = getopt(argc, argv, "a:c:k:o:s:")) != -1) {
		switch (opt) {
		case 'a': assets = optarg; break;
		case 's': scen[nscen++] = optarg; break;
		case 'c': {
			int crit = -1;
			for (int c = 0; c < CRIT_COUNT; c++)
				if (strcmp(criterion_name((enum criterion)c),
				    optarg) == 0)
					crit = c;
			if (crit < 0) {
				fprintf(stderr, "train: no criterion \"%s\"\n",
				    optarg);
				return 2;
			}
			for (int i = 0; i < ncrit; i++)
				if ((int)tr[i].c == crit)
					goto usage;
			tr[ncrit++].c = (enum criterion)crit;
			break;
		}
		case 'k':
			if (ncal == 4)
				goto usage;
			calfile[ncal++] = optarg;
			break;
		case 'o': outpath = optarg; break;
		default: goto usage;
		}
	}
	if (ncrit == 0 || ncal == 0 || optind >= argc)
		goto usage;
	char *dir = paths_assets_dir_here(assets);
	struct diags d = {0};
	struct lexicon *lx;
	struct scorer *sc;
	if (lexicon_load(dir, "en", &lx, &d) < 0 ||
	    scorer_load_rules(dir, "en", &sc, &d) < 0) {
		diags_print(&d, stderr);
		return 2;
	}
	free(dir);
	size_t nreplies = 0;
	for (int i = 0; i < ncrit; i++) {
		if (train_one(&tr[i], lx, sc, argv + optind, argc - optind,
		    scen, nscen, calfile, ncal, &d) < 0) {
			diags_print(&d, stderr);
			return 2;
		}
		if (tr[i].ts.nex > nreplies)
			nreplies = tr[i].ts.nex;
	}

	char *text = NULL;
	size_t len, no;
	FILE *mem = open_text(&text, &len);
	put_head(mem, nreplies);
	for (int i = 0; i < ncrit; i++) {
		if (i)
			fputs(",\n  ", mem);
		put_section(mem, &tr[i].ts, tr[i].w, tr[i].c, tr[i].th, tr[i].cue,
		    &no);
	}
	close_text(mem);
	FILE *out = stdout;
	if (outpath && (out = fopen(outpath, "w")) == NULL) {
		perror(outpath);
		return 2;
	}
	if (fwrite(text, 1, len, out) != len || (out != stdout && fclose(out))) {
		perror(outpath ? outpath : "stdout");
		return 2;
	}
	free(text);
	for (int i = 0; i < ncrit; i++) {
		free(tr[i].w);
		trainset_free(&tr[i].ts);
	}
	free(scen);
	scorer_free(sc);
	lexicon_free(lx);
	diags_free(&d);
	return 0;
usage:
	fprintf(stderr, "usage: train -c CRITERION [-c ...] -k CALIBRATION.jsonl "
	    "[-k ...] [-s SCENARIO.json ...] [-a ASSETS] [-o OUT] "
	    "TRAIN.jsonl...\n");
	return 2;
}
