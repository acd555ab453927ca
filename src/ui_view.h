/* ui_view.h: documents shared by the feedback, result and transcript
 * screens — one graded reply laid out with its evidence. */
#ifndef IRATE_UI_VIEW_H
#define IRATE_UI_VIEW_H

#include <stdbool.h>

#include "grading.h"
#include "ui_draw.h"

/* Append to d: the reply with its evidence and pitfall spans marked, the
 * five criteria (met or missed, score, evidence, a tip when missed), the
 * pitfalls and the mood change.  full: also the reasons of each piece of
 * evidence (the feedback screen); else a compact form (the transcript). */
void ui_view_turn(struct ui_doc *d, const char *reply, const struct grading *g,
    int mood_before, int mood_after, bool full);

#endif
