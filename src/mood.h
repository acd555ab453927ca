/* mood.h: how a graded reply moves the customer's mood. */
#ifndef IRATE_MOOD_H
#define IRATE_MOOD_H

#include <stdbool.h>

#include "grading.h"
#include "scenario.h"

/* The mood change one grading causes under model m: the weighted met/missed
 * change of each criterion plus each flagged pitfall, plus the per-turn
 * drift; not clamped.  When no apology is owed (the company is not at fault,
 * or the trainee already apologised) the apology moves the mood only if one
 * was given. */
int mood_delta(const struct mood_model *m, const struct grading *g,
    bool apology_owed);
/* Clamp a mood to 0..MOOD_MAX. */
int mood_clamp(int mood);
/* A word for a mood: "calm", "wary", "annoyed", "angry", "furious". */
const char *mood_word(int mood);

#endif
