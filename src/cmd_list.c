/* cmd_list.c: `irate list` — the scenarios in the library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "library.h"
#include "paths.h"
#include "termtext.h"

void
cmd_list_usage(FILE *f)
{
	fprintf(f,
	    "usage: irate list [DIR]\n"
	    "\n"
	    "List the scenarios in DIR (default: the shipped scenarios, or\n"
	    "$IRATE_SCENARIOS): id, difficulty, industry and title, easiest\n"
	    "first.  Files that fail to load are reported on stderr; run\n"
	    "irate lint on them for details.\n");
}

int
cmd_list(int argc, char **argv, const struct globals *g)
{
	(void)g;
	const char *dir_arg = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			cmd_list_usage(stdout);
			return EXIT_OK;
		}
		if (argv[i][0] == '-' || dir_arg) {
			cmd_list_usage(stderr);
			return EXIT_USAGE;
		}
		dir_arg = argv[i];
	}
	char *dir = paths_scenarios_dir(dir_arg);
	struct library lib;
	struct diags d = {0};
	library_scan(&lib, dir, &d);
	for (size_t i = 0; i < lib.n; i++) {
		const struct scenario *sc = &lib.v[i];
		termtext_printf(stdout, "%-28s %d  %-18s %s\n", sc->id, sc->difficulty, sc->industry,
		    sc->title);
	}
	int rc = EXIT_OK;
	if (d.nerrors) {
		termtext_printf(stderr, "irate list: some scenario files in %s cannot be "
		    "used:\n", dir);
		diags_print(&d, stderr);
		rc = EXIT_PROBLEMS;
	}
	diags_free(&d);
	library_free(&lib);
	free(dir);
	return rc;
}
