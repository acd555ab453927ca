/* mood_chart.h: the customer's mood over a call as a small text chart —
 * one bar per point (the opening, then after each reply), for the review
 * screens and `irate review --show`.  No curses, no printing. */
#ifndef IRATE_MOOD_CHART_H
#define IRATE_MOOD_CHART_H

#include "transcript.h"

/* The chart of t in height rows of bars and two rows below them (turn
 * numbers, moods): height + 2 lines, each without a newline, in a fresh
 * array of fresh strings (caller frees each and the array; *n gets the
 * count).  ASCII only. */
char **mood_chart(const struct transcript *t, int height, size_t *n);

#endif
