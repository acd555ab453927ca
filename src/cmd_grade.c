/* cmd_grade.c: `irate grade` — grade replies read as JSON Lines, in bulk. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "cmd.h"
#include "diag.h"
#include "gradeline.h"
#include "grading.h"
#include "grading_json.h"
#include "paths.h"
#include "score.h"

enum format { FMT_JSON, FMT_CSV };

void
cmd_grade_usage(FILE *f)
{
	fputs(
	    "usage: irate grade [--format json|csv] [FILE|-]\n"
	    "\n"
	    "Grade trainee replies in bulk.  Reads JSON Lines from FILE (standard\n"
	    "input when FILE is - or absent), one object a line:\n"
	    "  {\"id\": \"r1\", \"customer\": \"...\", \"reply\": \"...\", "
	    "\"at_fault\": true,\n"
	    "   \"facts\": [\"...\"], \"history\": [\"an earlier reply\"]}\n"
	    "Only \"reply\" is required; at_fault defaults to true and id to the\n"
	    "line number; other keys are ignored; blank lines are skipped.\n"
	    "\n"
	    "Writes one result a line, in input order: {\"id\": ..., \"overall\": "
	    "0-100,\n"
	    "\"criteria\": {...}, \"pitfalls\": [...]}.  A bad line gives\n"
	    "{\"id\": ..., \"line\": n, \"error\": \"...\"} and a FILE:LINE: message on\n"
	    "standard error, and grading goes on.\n"
	    "\n"
	    "Options:\n"
	    "  --format json|csv  output JSON Lines (default) or CSV with a header\n"
	    "  -h, --help         show this help\n"
	    "\n"
	    "Exit status: 0 every line graded; 1 a line was bad, or the input or\n"
	    "the lexicon could not be read; 2 bad command line.\n"
	    "The formats are described in docs/grade-format.md.\n",
	    f);
}

static int
parse_format(const char *s, enum format *fmt)
{
	if (strcmp(s, "json") == 0)
		*fmt = FMT_JSON;
	else if (strcmp(s, "csv") == 0)
		*fmt = FMT_CSV;
	else
		return -1;
	return 0;
}

/* One CSV field, quoted (RFC 4180) when it holds a comma, quote, CR or LF. */
static void
csv_field(FILE *out, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

static void
csv_header(FILE *out)
{
	fputs("id,overall", out);
	for (int c = 0; c < CRIT_COUNT; c++) {
		const char *n = criterion_name((enum criterion)c);
		fprintf(out, ",%s_detected,%s_met,%s_score", n, n, n);
	}
	fputs(",pitfalls,error\n", out);
}

static void
csv_grading(FILE *out, const struct gradeline *gl, const struct grading *g)
{
	csv_field(out, gl->id);
	fprintf(out, ",%d", g->overall);
	for (int c = 0; c < CRIT_COUNT; c++)
		fprintf(out, ",%d,%d,%d", g->crit[c].detected, g->crit[c].met,
		    g->crit[c].score);
	putc(',', out);
	for (size_t i = 0; i < g->npits; i++) {
		if (i)
			putc(';', out);
		fputs(pitfall_name(g->pits[i].kind), out);
	}
	fputs(",\n", out);
}

static void
csv_error(FILE *out, const struct gradeline *gl, const char *msg)
{
	csv_field(out, gl->id);
	/* overall, three columns a criterion, pitfalls: all empty. */
	for (int i = 0; i < 1 + 3 * CRIT_COUNT + 1; i++)
		putc(',', out);
	putc(',', out);
	csv_field(out, msg);
	putc('\n', out);
}

static void
json_print(FILE *out, cJSON *o)
{
	char *s = cJSON_PrintUnformatted(o);
	if (s == NULL)
		abort(); /* cJSON fails only when out of memory */
	fputs(s, out);
	putc('\n', out);
	cJSON_free(s);
	cJSON_Delete(o);
}

static void
json_grading(FILE *out, const struct gradeline *gl, const struct grading *g)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "id", gradeline_id_json(gl));
	grading_json_add(o, g);
	json_print(out, o);
}

static void
json_error(FILE *out, const struct gradeline *gl, const char *msg)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "id", gradeline_id_json(gl));
	cJSON_AddNumberToObject(o, "line", (double)gl->line);
	cJSON_AddStringToObject(o, "error", msg);
	json_print(out, o);
}

/* Grade (or report) one line into g, emptied first; returns false if it was
 * bad. */
static bool
grade_line(struct scorer *sc, struct grading *g, enum format fmt,
    const char *name, long lineno, const char *text, size_t len)
{
	struct gradeline gl;
	struct diags d = {0};
	enum gradeline_status st = gradeline_parse(&gl, name, lineno, text, len,
	    &d);
	if (st == GRADELINE_OK) {
		struct score_ctx ctx;
		gradeline_ctx(&gl, &ctx);
		grading_reset(g);
		score_reply(sc, &ctx, gl.reply, gl.reply_len, g);
		if (fmt == FMT_CSV)
			csv_grading(stdout, &gl, g);
		else
			json_grading(stdout, &gl, g);
	} else if (st == GRADELINE_BAD) {
		char *msg = gradeline_error_text(&d, 0);
		diags_print(&d, stderr);
		if (fmt == FMT_CSV)
			csv_error(stdout, &gl, msg);
		else
			json_error(stdout, &gl, msg);
		free(msg);
	}
	gradeline_free(&gl);
	diags_free(&d);
	return st != GRADELINE_BAD;
}

/* Grade every line of in; returns the exit status. */
static int
grade_stream(struct scorer *sc, enum format fmt, FILE *in, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int status = EXIT_OK;
	struct grading g;  /* one for every line, its pool reused */
	grading_init(&g);
	if (fmt == FMT_CSV)
		csv_header(stdout);
	errno = 0;
	while ((n = getline(&line, &cap, in)) != -1) {
		lineno++;
		if (!grade_line(sc, &g, fmt, name, lineno, line, (size_t)n))
			status = EXIT_PROBLEMS;
		errno = 0;
	}
	if (ferror(in) || errno == ENOMEM) {
		fprintf(stderr, "%s:%ld: error: cannot read: %s\n", name,
		    lineno + 1, strerror(errno ? errno : EIO));
		status = EXIT_PROBLEMS;
	}
	grading_free(&g);
	free(line);
	return status;
}

int
cmd_grade(int argc, char **argv, const struct globals *g)
{
	enum format fmt = FMT_JSON;
	const char *file = NULL;
	bool opts = true;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (opts && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
			cmd_grade_usage(stdout);
			return EXIT_OK;
		} else if (opts && strcmp(a, "--") == 0) {
			opts = false;
		} else if (opts && strcmp(a, "--format") == 0) {
			if (i + 1 >= argc)
				return cmd_usage_error("grade", "--format needs json or csv");
			if (parse_format(argv[++i], &fmt) != 0)
				return cmd_usage_error("grade", "unknown format '%s' (json or csv)",
				    argv[i]);
		} else if (opts && strncmp(a, "--format=", 9) == 0) {
			if (parse_format(a + 9, &fmt) != 0)
				return cmd_usage_error("grade", "unknown format '%s' (json or csv)",
				    a + 9);
		} else if (opts && a[0] == '-' && a[1] != '\0') {
			return cmd_usage_error("grade", "unknown option '%s'", a);
		} else if (file == NULL) {
			file = a;
		} else {
			return cmd_usage_error("grade", "one input file only ('%s' is one more)", a);
		}
	}

	bool use_stdin = file == NULL || strcmp(file, "-") == 0;
	const char *name = use_stdin ? "<stdin>" : file;
	FILE *in = use_stdin ? stdin : fopen(file, "r");
	if (in == NULL) {
		fprintf(stderr, "irate grade: cannot open %s: %s\n", file,
		    strerror(errno));
		return EXIT_PROBLEMS;
	}
	struct stat st;
	if (!use_stdin && fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "irate grade: cannot open %s: %s\n", file,
		    strerror(EISDIR));
		fclose(in);
		return EXIT_PROBLEMS;
	}

	char *assets = paths_assets_dir(g ? g->assets_dir : NULL);
	struct scorer *sc = NULL;
	struct diags d = {0};
	int rc = scorer_load(assets, "en", &sc, &d);
	diags_print(&d, stderr); /* warnings too */
	diags_free(&d);
	free(assets);
	if (rc != 0) {
		if (!use_stdin)
			fclose(in);
		return EXIT_PROBLEMS;
	}

	int status = grade_stream(sc, fmt, in, name);
	scorer_free(sc);
	if (!use_stdin)
		fclose(in);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "irate grade: cannot write the results: %s\n",
		    strerror(errno));
		status = EXIT_PROBLEMS;
	}
	return status;
}
