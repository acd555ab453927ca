/* main.c: irate's entry point — global options and command dispatch. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "xalloc.h"

struct command {
	const char *name;
	int (*run)(int, char **, const struct globals *);
	const char *summary;
};

static const struct command commands[] = {
	{"play", cmd_play, "play a scenario (the terminal interface, or plain lines)"},
	{"list", cmd_list, "list the scenarios in the library"},
	{"lint", cmd_lint, "check scenario files; --graph writes Graphviz dot"},
	{"grade", cmd_grade, "grade replies given as JSON Lines"},
	{"report", cmd_report, "progress reports: text, CSV, JSON or HTML"},
	{"calibrate", cmd_calibrate, "how far the scorer agrees with supervisors"},
	{"review", cmd_review, "browse transcripts, re-grade them, add comments and overrides"},
	{"course", cmd_course, "a course of scenarios: progress, --next plays on"},
	{"help", NULL, "show help for a command"},
};

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: irate [GLOBAL OPTIONS] [COMMAND] [ARGS]\n"
	    "\n"
	    "Practise calming angry customers: pick a scenario, reply to the\n"
	    "customer, and see each reply graded on calm, restate, empathy,\n"
	    "apology and alternative.  With no command, irate opens the\n"
	    "scenario library on a terminal.\n"
	    "\n"
	    "Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(f,
	    "\n"
	    "Global options (before or after the command):\n"
	    "  --trainee NAME   who is training (default: the last name used,\n"
	    "                   else $USER)\n"
	    "  --data-dir DIR   where transcripts are kept (default:\n"
	    "                   $IRATE_DATA_DIR, $XDG_DATA_HOME/irate or\n"
	    "                   ~/.local/share/irate)\n"
	    "  --assets DIR     lexicons and tips (default: the shipped ones)\n"
	    "  --plain          plain lines on stdin/stdout even on a terminal\n"
	    "  --no-color       no colours (also when NO_COLOR is set)\n"
	    "  -h, --help       this help; irate help COMMAND for a command's\n"
	    "  -V, --version    print the version\n"
	    "\n"
	    "Exit status: 0 success or a session that reached an ending; 1 problems\n"
	    "found or a file that cannot be used; 2 usage; 3 input ended before an\n"
	    "ending (what was played is saved).  See irate(1).\n");
}

/* Take the value of a global option that needs one: "--opt VALUE" or
 * "--opt=VALUE".  Returns the value or NULL (and *bad set) if missing. */
static const char *
option_value(int argc, char **argv, int *i, const char *name, bool *bad)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (a[n] == '=')
		return a + n + 1;
	if (*i + 1 >= argc) {
		fprintf(stderr, "irate: %s needs a value\n", name);
		*bad = true;
		return NULL;
	}
	return argv[++*i];
}

static bool
is_option(const char *a, const char *name)
{
	size_t n = strlen(name);
	return strncmp(a, name, n) == 0 && (a[n] == '\0' || a[n] == '=');
}

int
cmd_help_topic(const char *name)
{
	if (strcmp(name, "grade") == 0) {
		cmd_grade_usage(stdout);
		return 0;
	}
	if (strcmp(name, "play") == 0) {
		cmd_play_usage(stdout);
		return 0;
	}
	if (strcmp(name, "lint") == 0) {
		cmd_lint_usage(stdout);
		return 0;
	}
	if (strcmp(name, "list") == 0) {
		cmd_list_usage(stdout);
		return 0;
	}
	if (strcmp(name, "report") == 0) {
		cmd_report_usage(stdout);
		return 0;
	}
	if (strcmp(name, "calibrate") == 0) {
		cmd_calibrate_usage(stdout);
		return 0;
	}
	if (strcmp(name, "course") == 0) {
		cmd_course_usage(stdout);
		return 0;
	}
	if (strcmp(name, "review") == 0) {
		cmd_review_usage(stdout);
		return 0;
	}
	if (strcmp(name, "help") == 0) {
		printf("usage: irate help [COMMAND]\n");
		return 0;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "");
	struct globals g = {.argv0 = argv[0]};
	const char *nc = getenv("NO_COLOR");
	g.no_color = nc && *nc;
	bool bad = false, help = false, version = false;

	/* Pull the global options out wherever they stand; keep the rest. */
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	int nrest = 0;
	bool dashdash = false;
	for (int i = 1; i < argc && !bad; i++) {
		const char *a = argv[i];
		if (dashdash || a[0] != '-') {
			rest[nrest++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			dashdash = true;
			rest[nrest++] = argv[i];
		} else if (is_option(a, "--trainee") && nrest > 0 &&
		    strcmp(rest[0], "report") == 0) {
			/* report takes --trainee NAME many times: its own. */
			rest[nrest++] = argv[i];
			if (a[9] != '=' && i + 1 < argc)
				rest[nrest++] = argv[++i];
		} else if (is_option(a, "--trainee")) {
			g.trainee = option_value(argc, argv, &i, "--trainee", &bad);
		} else if (is_option(a, "--data-dir")) {
			g.data_dir = option_value(argc, argv, &i, "--data-dir", &bad);
		} else if (is_option(a, "--assets")) {
			g.assets_dir = option_value(argc, argv, &i, "--assets", &bad);
		} else if (strcmp(a, "--plain") == 0) {
			g.plain = true;
		} else if (strcmp(a, "--no-color") == 0 || strcmp(a, "--no-colour") == 0) {
			g.no_color = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			help = true;
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			version = true;
		} else {
			rest[nrest++] = argv[i]; /* the command's own option */
		}
	}
	int rc;
	if (bad) {
		rc = EXIT_USAGE;
	} else if (version) {
		printf("irate %s\n", IRATE_VERSION);
		rc = EXIT_OK;
	} else if (help && nrest > 0 && cmd_help_topic(rest[0]) == 0) {
		rc = EXIT_OK;
	} else if (help) {
		usage(stdout);
		rc = EXIT_OK;
	} else if (nrest == 0) {
		/* No command: the library on a terminal, else explain. */
		if (!g.plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			char *pa[] = {(char *)"play", NULL};
			rc = cmd_play(1, pa, &g);
		} else {
			usage(stderr);
			rc = EXIT_USAGE;
		}
	} else if (strcmp(rest[0], "help") == 0) {
		if (nrest < 2) {
			usage(stdout);
			rc = EXIT_OK;
		} else if (cmd_help_topic(rest[1]) == 0) {
			rc = EXIT_OK;
		} else {
			fprintf(stderr, "irate: no help for unknown command \"%s\"\n",
			    rest[1]);
			rc = EXIT_USAGE;
		}
	} else {
		rc = -1;
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
			if (commands[i].run && strcmp(rest[0], commands[i].name) == 0) {
				rc = commands[i].run(nrest, rest, &g);
				break;
			}
		}
		if (rc == -1) {
			fprintf(stderr, "irate: unknown command \"%s\" (try irate --help)\n",
			    rest[0]);
			rc = EXIT_USAGE;
		}
	}
	free(rest);
	return rc;
}
