/* cond.h: evaluating a transition's condition against a graded reply. */
#ifndef IRATE_COND_H
#define IRATE_COND_H

#include <stdbool.h>

#include "grading.h"
#include "scenario.h"

/* Does condition c hold for this reply?  mood is the mood after the reply,
 * turn the reply's number (1-based). */
bool cond_holds(const struct cond *c, const struct grading *g,
    const char *reply, int mood, int turn);
/* Does reply use word or phrase w?  Case-insensitive (ASCII), whole words,
 * curly and straight apostrophes alike, runs of spaces as one. */
bool said_phrase(const char *reply, const char *w);

/* A short human description of c, e.g. "met: apology, alternative; mood
 * < 50" (caller frees). */
char *cond_describe(const struct cond *c);

#endif
