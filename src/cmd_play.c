/* cmd_play.c: `irate play` — options, then the terminal UI or plain lines. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "history.h"
#include "library.h"
#include "mood.h"
#include "paths.h"
#include "play.h"
#include "scenario.h"
#include "score.h"
#include "termtext.h"
#include "trainee.h"
#include "transcript.h"
#include "xalloc.h"

void
cmd_play_usage(FILE *f)
{
	fprintf(f,
	    "usage: irate play [--exam] [--seed N] [--plain] [SCENARIO]\n"
	    "       irate play --resume [--plain] [SCENARIO]\n"
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
	    "  --resume   take up the trainee's last call of SCENARIO (without\n"
	    "             SCENARIO: their most recent call) where it stopped, if\n"
	    "             it did not reach an ending; its mode and seed are kept\n"
	    "\n"
	    "Every turn is saved as it happens under the data directory\n"
	    "(transcripts/TRAINEE/).  Exit status: 0 the session reached an ending;\n"
	    "1 the scenario or the lexicon cannot be used; 2 usage; 3 input ended\n"
	    "or the trainee quit before an ending (the turns played are saved);\n"
	    "128+N killed by signal N (the transcript is saved as interrupted).\n");
}

/* --resume: the transcript to take up and its scenario file.  what is the
 * scenario asked for (a file or an id), or NULL for the trainee's most
 * recent call.  Returns 0, or -1 after saying why not. */
static int
find_resume(const char *data_dir, const char *scen_dir, const char *trainee,
    const char *what, char **scenario_path, char **transcript_path)
{
	struct history h;
	struct diags d = {0};
	history_scan(&h, data_dir, trainee, NULL, &d);
	diags_free(&d);
	const struct history_entry *e = NULL;
	char *path = NULL;
	if (what) {
		path = library_resolve(scen_dir, what);
		struct scenario sc;
		if (path && scenario_load(&sc, path, &d) == 0)
			e = history_find(&h, sc.id);
		scenario_free(&sc);
		diags_free(&d);
		if (path == NULL) {
			termtext_printf(stderr, "irate play: no scenario file or id "
			    "\"%s\" (irate list shows the shipped ones)\n", what);
			history_free(&h);
			return -1;
		}
	} else {
		e = history_newest_resumable(&h);
	}
	if (e == NULL || e->resume_path == NULL) {
		termtext_printf(stderr, "irate play: %s has no unfinished call%s%s "
		    "to take up (a call that reached an ending, or had no reply "
		    "yet, cannot be resumed)\n", trainee, what ? " of " : "",
		    what ? what : "");
		free(path);
		history_free(&h);
		return -1;
	}
	if (path == NULL) {
		/* the scenario file the call was played from, else the id */
		struct transcript t;
		struct stat st;
		if (transcript_load(&t, e->resume_path, &d) == 0 &&
		    t.scenario_file && stat(t.scenario_file, &st) == 0 &&
		    S_ISREG(st.st_mode))
			path = xstrdup(t.scenario_file);
		transcript_free(&t);
		diags_free(&d);
		if (path == NULL)
			path = library_resolve(scen_dir, e->scenario_id);
		if (path == NULL) {
			termtext_printf(stderr, "irate play: the scenario \"%s\" of "
			    "the unfinished call cannot be found; name its file\n",
			    e->scenario_id);
			history_free(&h);
			return -1;
		}
	}
	*scenario_path = path;
	*transcript_path = xstrdup(e->resume_path);
	history_free(&h);
	return 0;
}

int
cmd_play(int argc, char **argv, const struct globals *g)
{
	struct play_options o = {.seed = 0};
	const char *what = NULL;
	bool resume = false;
	int seed;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--exam") == 0) {
			o.exam = true;
		} else if (strcmp(a, "--resume") == 0) {
			resume = true;
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
	if (resume && (o.exam || o.seed_given)) {
		fprintf(stderr, "irate play: --resume goes on in the call's own "
		    "mode and seed; leave out --exam and --seed\n");
		return EXIT_USAGE;
	}
	if (!o.seed_given)
		o.seed = cmd_random_seed();

	int rc = EXIT_PROBLEMS;
	char *data_dir = paths_data_dir(g->data_dir);
	char *assets = paths_assets_dir(g->assets_dir);
	char *scen_dir = paths_scenarios_dir(NULL);
	char *trainee = trainee_choose(g->trainee, data_dir);
	char *path = NULL, *resume_path = NULL;
	struct scorer *scorer = NULL;
	struct diags d = {0};
	const char *why;
	bool plain = g->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO);

	if (!trainee_valid(trainee, &why)) {
		fprintf(stderr, "irate: trainee name refused: %s\n", why);
		rc = EXIT_USAGE;
		goto out;
	}
	if (resume) {
		if (find_resume(data_dir, scen_dir, trainee, what, &path,
		    &resume_path) != 0)
			goto out;
	} else if (what) {
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
	o.resume = resume_path;
	if (plain)
		rc = play_plain(path, scorer, &o);
	else
		rc = ui_run(path, scorer, &o);
out:
	diags_free(&d);
	scorer_free(scorer);
	free(path);
	free(resume_path);
	free(trainee);
	free(scen_dir);
	free(assets);
	free(data_dir);
	return rc;
}
