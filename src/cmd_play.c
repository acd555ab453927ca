/* cmd_play.c: `irate play` — options, then the terminal UI or plain lines. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "library.h"
#include "mood.h"
#include "paths.h"
#include "play.h"
#include "scenario.h"
#include "score.h"
#include "trainee.h"
#include "transcript.h"
#include "xalloc.h"

void
cmd_play_usage(FILE *f)
{
	fprintf(f,
	    "usage: irate play [--exam] [--seed N] [--plain] [SCENARIO]\n"
	    "\n"
	    "Play a scenario: SCENARIO is a file or the id of a shipped scenario\n"
	    "(irate list shows them).  On a terminal irate opens its interface;\n"
	    "with --plain, or when standard input is not a terminal, the dialogue\n"
	    "runs as plain lines: the customer's lines and feedback on stdout,\n"
	    "one reply per line on stdin.  In plain mode a line starting with /\n"
	    "is a command: /model shows a model reply (practice only), /quit\n"
	    "stops, /help lists them.\n"
	    "\n"
	    "  --exam     no feedback until the end\n"
	    "  --seed N   choose the customer's line variants reproducibly\n"
	    "             (0 to 9007199254740991; default: random, printed)\n"
	    "  --plain    plain lines even on a terminal\n"
	    "\n"
	    "Every turn is saved as it happens under the data directory\n"
	    "(transcripts/TRAINEE/).  Exit status: 0 the session reached an ending;\n"
	    "1 the scenario or the lexicon cannot be used; 2 usage; 3 input ended\n"
	    "or the trainee quit before an ending (the turns played are saved);\n"
	    "128+N killed by signal N (the transcript is saved as interrupted).\n");
}

int
cmd_play(int argc, char **argv, const struct globals *g)
{
	struct play_options o = {.seed = 0};
	const char *what = NULL;
	int seed;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--exam") == 0) {
			o.exam = true;
		} else if ((seed = cmd_seed_option("play", argc, argv, &i, &o.seed)) != 0) {
			if (seed < 0)
				return EXIT_USAGE;
			o.seed_given = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cmd_play_usage(stdout);
			return EXIT_OK;
		} else if (a[0] == '-' && a[1] != '\0' && strcmp(a, "--") != 0) {
			fprintf(stderr, "irate play: unknown option %s\n", a);
			return EXIT_USAGE;
		} else if (strcmp(a, "--") == 0) {
			continue;
		} else if (what == NULL) {
			what = a;
		} else {
			fprintf(stderr, "irate play: one scenario at a time\n");
			return EXIT_USAGE;
		}
	}
	if (!o.seed_given)
		o.seed = cmd_random_seed();

	int rc = EXIT_PROBLEMS;
	char *data_dir = paths_data_dir(g->data_dir);
	char *assets = paths_assets_dir(g->assets_dir);
	char *scen_dir = paths_scenarios_dir(NULL);
	char *trainee = trainee_choose(g->trainee, data_dir);
	char *path = NULL;
	struct scorer *scorer = NULL;
	struct diags d = {0};
	const char *why;
	bool plain = g->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO);

	if (!trainee_valid(trainee, &why)) {
		fprintf(stderr, "irate: trainee name refused: %s\n", why);
		rc = EXIT_USAGE;
		goto out;
	}
	if (what) {
		path = library_resolve(scen_dir, what);
		if (path == NULL) {
			fprintf(stderr, "irate play: no scenario file or id \"%s\" "
			    "(irate list shows the shipped ones)\n", what);
			goto out;
		}
	} else if (plain) {
		fprintf(stderr, "irate play: name a scenario (a file or an id); "
		    "irate list shows the shipped ones\n");
		rc = EXIT_USAGE;
		goto out;
	}
	if (path) {
		/* The scenario's own problems first: they are the author's. */
		struct scenario sc;
		int bad = scenario_load(&sc, path, &d);
		scenario_free(&sc);
		if (bad) {
			diags_print(&d, stderr);
			goto out;
		}
		diags_free(&d);
	}
	if (scorer_load(assets, "en", &scorer, &d) != 0) {
		diags_print(&d, stderr);
		fprintf(stderr, "irate: cannot load the lexicon from %s\n", assets);
		goto out;
	}
	if (mkdir_p(data_dir) == 0)
		trainee_remember(data_dir, trainee);
	o.trainee = trainee;
	o.data_dir = data_dir;
	o.scenarios_dir = scen_dir;
	o.no_color = g->no_color;
	if (plain)
		rc = play_plain(path, scorer, &o);
	else
		rc = ui_run(path, scorer, &o);
out:
	diags_free(&d);
	scorer_free(scorer);
	free(path);
	free(trainee);
	free(scen_dir);
	free(assets);
	free(data_dir);
	return rc;
}
