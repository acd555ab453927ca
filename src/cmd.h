/* cmd.h: the subcommands of irate and the global options they share.
 *
 * main.c parses the global options wherever they stand on the command line
 * and dispatches to one cmd_* function with the remaining arguments
 * (argv[0] is the command name).  Each returns the process exit status. */
#ifndef IRATE_CMD_H
#define IRATE_CMD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Exit statuses, documented in irate(1). */
enum {
	EXIT_OK = 0,        /* success; a session reached an ending */
	EXIT_PROBLEMS = 1,  /* lint found problems; a file could not be loaded;
	                       grade met a bad line */
	EXIT_USAGE = 2,     /* bad command line */
	EXIT_UNFINISHED = 3 /* input ended (or the trainee quit) before an
	                       ending; what was played is saved */
};

struct globals {
	const char *trainee;    /* --trainee NAME, or NULL */
	const char *data_dir;   /* --data-dir DIR, or NULL ($IRATE_DATA_DIR …) */
	const char *assets_dir; /* --assets DIR, or NULL (see paths.h) */
	bool plain;             /* --plain: line mode even on a terminal */
	bool no_color;          /* --no-color, or NO_COLOR set */
	const char *argv0;
};

int cmd_play(int argc, char **argv, const struct globals *g);
void cmd_play_usage(FILE *f);
int cmd_list(int argc, char **argv, const struct globals *g);
void cmd_list_usage(FILE *f);
int cmd_lint(int argc, char **argv, const struct globals *g);
void cmd_lint_usage(FILE *f);
int cmd_grade(int argc, char **argv, const struct globals *g);
void cmd_grade_usage(FILE *f); /* grade's --help text, for cmd_help_topic */
int cmd_report(int argc, char **argv, const struct globals *g);
void cmd_report_usage(FILE *f);
int cmd_calibrate(int argc, char **argv, const struct globals *g);
void cmd_calibrate_usage(FILE *f);
int cmd_review(int argc, char **argv, const struct globals *g);
void cmd_review_usage(FILE *f);
int cmd_course(int argc, char **argv, const struct globals *g);
void cmd_course_usage(FILE *f);
/* Load and lint a course file (for irate lint), printing its problems;
 * EXIT_OK when clean, else EXIT_PROBLEMS.  quiet: no "ok" line. */
int cmd_course_lint_file(const char *path, bool quiet);

/* Seeds are whole numbers up to 2^53 - 1, exact in a JSON number. */
#define CMD_SEED_MAX ((1ull << 53) - 1)
/* A seed from the clock and the process id, in 0..CMD_SEED_MAX. */
uint64_t cmd_random_seed(void);
/* If argv[*i] is "--seed N" or "--seed=N", read N into *seed (advancing *i
 * past a separate value) and return 1; if its value is missing or bad,
 * print "irate CMD: ..." and return -1; for any other argument return 0. */
int cmd_seed_option(const char *cmd, int argc, char **argv, int *i,
    uint64_t *seed);

/* Print "irate CMD: message" and a pointer to CMD's --help on stderr;
 * returns EXIT_USAGE. */
int cmd_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Print the help of one command (name) to stdout; 0, or -1 if unknown. */
int cmd_help_topic(const char *name);

#endif
