/* cmd_report.c: `irate report` — progress reports over the data directory. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "paths.h"
#include "report.h"
#include "termtext.h"
#include "xalloc.h"

void
cmd_report_usage(FILE *f)
{
	fputs(
	    "usage: irate report [--format text|csv|json|html] [--trainee NAME ...]\n"
	    "                    [--cohort FILE] [-o FILE]\n"
	    "\n"
	    "Summarise the saved sessions of every trainee in the data directory\n"
	    "(or of the trainees named): sessions, the share of turns meeting each\n"
	    "criterion and its mean score, the trend per session, the weakest\n"
	    "criterion with examples, the best score per scenario and the pitfalls\n"
	    "hit.  Supervisors' overrides (review sidecars) replace the scorer's\n"
	    "labels.\n"
	    "\n"
	    "Options:\n"
	    "  --format FMT     text (default), csv, json, or html (one\n"
	    "                   self-contained file with charts)\n"
	    "  --trainee NAME   only this trainee; may be repeated\n"
	    "  --cohort FILE    only the trainees named in FILE, one a line\n"
	    "  -o FILE          write to FILE instead of standard output\n"
	    "  -h, --help       show this help\n"
	    "\n"
	    "Transcripts that cannot be read are left out with a warning on\n"
	    "standard error.  Exit status: 0 report written; 1 the data directory\n"
	    "or an input file could not be read, or the output not written;\n"
	    "2 bad command line.  See docs/reports.md.\n",
	    f);
}

struct names {
	char **v;
	size_t n, cap;
};

static void
names_add(struct names *ns, const char *s, size_t len)
{
	ns->v = xgrow(ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
	ns->v[ns->n++] = xstrndup(s, len);
}

/* Read a cohort file: one name a line; blank lines and lines starting with
 * '#' skipped, surrounding spaces and a final CR dropped. */
static int
cohort_read(const char *path, struct names *ns)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		fprintf(stderr, "irate report: %s: cannot open: %s\n", path,
		    strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, f)) >= 0) {
		char *s = line, *e = line + len;
		while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' ||
		    e[-1] == '\t'))
			e--;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		if (s < e && *s != '#')
			names_add(ns, s, (size_t)(e - s));
	}
	free(line);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "irate report: %s: cannot read\n", path);
		return -1;
	}
	return 0;
}

static char *
render(const struct report *r, const char *format)
{
	if (strcmp(format, "csv") == 0)
		return report_csv(r);
	if (strcmp(format, "json") == 0) {
		char *j = report_json(r);
		char *s = xasprintf("%s\n", j);
		free(j);
		return s;
	}
	if (strcmp(format, "html") == 0)
		return report_html(r);
	char *raw = report_text(r);
	char *s = termtext_dup(raw, strlen(raw));
	free(raw);
	return s;
}

static int
write_out(const char *path, const char *text)
{
	FILE *f = path ? fopen(path, "w") : stdout;
	if (f == NULL) {
		fprintf(stderr, "irate report: %s: cannot create: %s\n", path,
		    strerror(errno));
		return -1;
	}
	fputs(text, f);
	int bad = fflush(f) != 0 || ferror(f);
	if (path && fclose(f) != 0)
		bad = 1;
	if (bad) {
		fprintf(stderr, "irate report: %s: cannot write\n",
		    path ? path : "standard output");
		return -1;
	}
	return 0;
}

int
cmd_report(int argc, char **argv, const struct globals *g)
{
	const char *format = "text", *out = NULL;
	struct names ns = {0};
	int rc = EXIT_OK;
	/* A --trainee before the command is a global option (g->trainee);
	 * main.c passes those after it here, where it may be repeated. */
	if (g->trainee)
		names_add(&ns, g->trainee, strlen(g->trainee));
	for (int i = 1; i < argc && rc == EXIT_OK; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		bool takes = strcmp(a, "--format") == 0 || strcmp(a, "--trainee") == 0 ||
		    strcmp(a, "--cohort") == 0 || strcmp(a, "-o") == 0;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cmd_report_usage(stdout);
			goto done;
		}
		if (strncmp(a, "--format=", 9) == 0) {
			val = a + 9;
			a = "--format";
		} else if (strncmp(a, "--trainee=", 10) == 0) {
			val = a + 10;
			a = "--trainee";
		} else if (strncmp(a, "--cohort=", 9) == 0) {
			val = a + 9;
			a = "--cohort";
		} else if (takes) {
			if (i + 1 >= argc) {
				rc = cmd_usage_error("report", "%s needs a value", a);
				break;
			}
			val = argv[++i];
		} else {
			rc = cmd_usage_error("report", "unexpected argument \"%s\"", a);
			break;
		}
		if (strcmp(a, "--format") == 0) {
			if (strcmp(val, "text") && strcmp(val, "csv") &&
			    strcmp(val, "json") && strcmp(val, "html"))
				rc = cmd_usage_error("report", "unknown format \"%s\" (text, csv, "
				    "json or html)", val);
			format = val;
		} else if (strcmp(a, "--trainee") == 0) {
			names_add(&ns, val, strlen(val));
		} else if (strcmp(a, "--cohort") == 0) {
			if (cohort_read(val, &ns) != 0)
				rc = EXIT_PROBLEMS;
		} else {
			out = val;
		}
	}
	if (rc != EXIT_OK)
		goto done;

	char *data = paths_data_dir(g->data_dir);
	struct diags d = {0};
	struct report_data rd;
	if (report_data_load(&rd, data, (const char *const *)ns.v, ns.n, &d) != 0)
		rc = EXIT_PROBLEMS;
	diags_print(&d, stderr);
	if (rc == EXIT_OK) {
		struct report r;
		report_build(&r, &rd);
		char *text = render(&r, format);
		if (write_out(out, text) != 0)
			rc = EXIT_PROBLEMS;
		free(text);
		report_free(&r);
	}
	report_data_free(&rd);
	diags_free(&d);
	free(data);
done:
	for (size_t i = 0; i < ns.n; i++)
		free(ns.v[i]);
	free(ns.v);
	return rc;
}
