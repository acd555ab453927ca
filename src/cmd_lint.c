/* cmd_lint.c: `irate lint [--graph] FILE…` — check scenario and course files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "course.h"
#include "diag.h"
#include "scenario_lint.h"
#include "scenario.h"
#include "termtext.h"

void
cmd_lint_usage(FILE *f)
{
	fprintf(f,
	    "usage: irate lint [-q] FILE...\n"
	    "       irate lint --graph FILE\n"
	    "\n"
	    "Check scenario files (and course files: those with \"kind\":\n"
	    "\"course\", see docs/course-format.md): every problem is printed as\n"
	    "FILE:LINE:COL: error|warning: JSON.PATH: message.  Besides the format\n"
	    "(docs/scenario-format.md), lint finds transitions to missing nodes,\n"
	    "unreachable nodes, nodes with no way out, no ending reachable from\n"
	    "the start, missing fallbacks, duplicate ids, facts without\n"
	    "paraphrases and conditions that can never hold.  Course files\n"
	    "(\"kind\": \"course\", docs/course-format.md) are checked too.\n"
	    "\n"
	    "  --graph   write the scenario tree as Graphviz dot to stdout\n"
	    "            (e.g. irate lint --graph f.json | dot -Tsvg > f.svg)\n"
	    "  -q        print nothing for clean files\n"
	    "\n"
	    "Exit status: 0 every file clean, 1 problems found, 2 usage.\n");
}

int
cmd_lint(int argc, char **argv, const struct globals *g)
{
	(void)g;
	bool graph = false, quiet = false;
	int nfiles = 0;
	char **files = argv + 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--graph") == 0) {
			graph = true;
		} else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
			quiet = true;
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			cmd_lint_usage(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--") == 0) {
			for (i++; i < argc; i++)
				files[nfiles++] = argv[i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "irate lint: unknown option %s\n", argv[i]);
			return EXIT_USAGE;
		} else {
			files[nfiles++] = argv[i];
		}
	}
	if (nfiles == 0) {
		fprintf(stderr, "irate lint: name at least one scenario file\n");
		cmd_lint_usage(stderr);
		return EXIT_USAGE;
	}
	if (graph && nfiles != 1) {
		fprintf(stderr, "irate lint: --graph takes exactly one file\n");
		return EXIT_USAGE;
	}
	int rc = EXIT_OK;
	for (int i = 0; i < nfiles; i++) {
		if (!graph && course_file_is_course(files[i])) {
			if (cmd_course_lint_file(files[i], quiet) != EXIT_OK)
				rc = EXIT_PROBLEMS;
			continue;
		}
		struct scenario sc;
		struct diags d = {0};
		scenario_load(&sc, files[i], &d);
		scenario_lint(&sc, &d);
		if (graph && d.nerrors == 0) {
			char *dot = scenario_dot(&sc);
			fputs(dot, stdout);
			free(dot);
		}
		diags_print(&d, stderr);
		if (d.n > 0)
			rc = EXIT_PROBLEMS;
		else if (!quiet && !graph)
			termtext_printf(stdout, "%s: ok (%zu nodes, %zu facts)\n", files[i], sc.nnodes,
			    sc.nfacts);
		diags_free(&d);
		scenario_free(&sc);
	}
	return rc;
}
