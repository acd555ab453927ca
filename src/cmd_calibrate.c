/* cmd_calibrate.c: `irate calibrate` — the scorer against supervisors. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calibrate.h"
#include "cmd.h"
#include "paths.h"
#include "termtext.h"

void
cmd_calibrate_usage(FILE *f)
{
	fputs(
	    "usage: irate calibrate [--export] [-o FILE]\n"
	    "\n"
	    "Compare the scorer with every supervisor override saved in review\n"
	    "sidecars in the data directory: per criterion the number of\n"
	    "overrides, how many agreed with the scorer, and Cohen's kappa; then\n"
	    "the replies where they disagree, most disagreements first.\n"
	    "\n"
	    "Options:\n"
	    "  --export     write the disagreeing replies as JSON Lines in the\n"
	    "               irate grade input format, with \"labels\" from the\n"
	    "               supervisors, to become test cases\n"
	    "  -o FILE      write to FILE instead of standard output\n"
	    "  -h, --help   show this help\n"
	    "\n"
	    "Exit status: 0 written; 1 the data directory could not be read or\n"
	    "the output not written; 2 bad command line.  See docs/reports.md.\n",
	    f);
}

int
cmd_calibrate(int argc, char **argv, const struct globals *g)
{
	bool export = false;
	const char *out = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cmd_calibrate_usage(stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--export") == 0) {
			export = true;
		} else if (strcmp(a, "-o") == 0) {
			if (i + 1 >= argc)
				return cmd_usage_error("calibrate", "-o needs a value");
			out = argv[++i];
		} else {
			return cmd_usage_error("calibrate", "unexpected argument \"%s\"", a);
		}
	}
	char *data = paths_data_dir(g->data_dir);
	struct diags d = {0};
	struct report_data rd;
	int rc = EXIT_OK;
	if (report_data_load(&rd, data, NULL, 0, &d) != 0)
		rc = EXIT_PROBLEMS;
	diags_print(&d, stderr);
	if (rc == EXIT_OK) {
		struct calibration c;
		calibrate_build(&c, &rd);
		char *text = export ? calibrate_export(&c) : calibrate_text(&c);
		if (!export) { /* names and replies from files, made inert */
			char *raw = text;
			text = termtext_dup(raw, strlen(raw));
			free(raw);
		}
		FILE *f = out ? fopen(out, "w") : stdout;
		if (f == NULL) {
			fprintf(stderr, "irate calibrate: %s: cannot create: %s\n",
			    out, strerror(errno));
			rc = EXIT_PROBLEMS;
		} else {
			fputs(text, f);
			bool bad = fflush(f) != 0 || ferror(f);
			if (out && fclose(f) != 0)
				bad = true;
			if (bad) {
				fprintf(stderr, "irate calibrate: cannot write %s\n",
				    out ? out : "standard output");
				rc = EXIT_PROBLEMS;
			}
		}
		free(text);
		calibration_free(&c);
	}
	report_data_free(&rd);
	diags_free(&d);
	free(data);
	return rc;
}
