/* play.h: the two front ends that play a session — plain lines and the
 * terminal interface — and the options they share. */
#ifndef IRATE_PLAY_H
#define IRATE_PLAY_H

#include <stdbool.h>
#include <stdint.h>

#include "score.h"

struct play_options {
	bool exam;               /* no feedback until the end */
	bool seed_given;
	uint64_t seed;
	const char *trainee;     /* valid (trainee_valid) */
	const char *data_dir;
	const char *scenarios_dir;
	bool no_color;
	bool review;             /* the terminal interface opens the review
	                            browser (irate review) */
	const char *reviewer;    /* who reviews; NULL: the trainee */
	const char *review_filter; /* the browser's first filter, or NULL */
	const char *resume;      /* a transcript to take up again (its mode and
	                            seed are used), or NULL for a new call */
};

/* Play the scenario file at path as plain lines on stdin/stdout
 * (cmd_play_plain.c).  Returns the exit status documented in irate(1). */
int play_plain(const char *path, struct scorer *scorer,
    const struct play_options *o);

/* The terminal interface (ui_*.c): the scenario library, or straight into
 * the scenario at path when it is non-NULL.  Returns the exit status. */
int ui_run(const char *path, struct scorer *scorer,
    const struct play_options *o);

#endif
