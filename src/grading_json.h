/* grading_json.h: a grading (grading.h) to and from its JSON form.
 *
 * The shape, shared by `irate grade` output and transcripts:
 *   {"overall": n,
 *    "criteria": {"calm": {"detected": b, "met": b, "score": n,
 *                          "evidence": [{"start": n, "end": n, "text": s,
 *                                        "why": s, "positive": b}, ...],
 *                          "tip": s            (only when there is one)},
 *                 "restate": {...}, "empathy": {...}, "apology": {...},
 *                 "alternative": {...}},
 *    "pitfalls": [{"name": s, "start": n, "end": n, "text": s, "why": s}]}
 * No printing here; the caller prints the cJSON or the diags. */
#ifndef IRATE_GRADING_JSON_H
#define IRATE_GRADING_JSON_H

#include <cjson/cJSON.h>

#include "diag.h"
#include "grading.h"
#include "jsondoc.h"

/* A fresh JSON object for g, in the shape above.  The caller owns it and
 * releases it with cJSON_Delete(); g is only read. */
cJSON *grading_to_json(const struct grading *g);
/* Add g's "overall", "criteria" and "pitfalls" members to obj, after any
 * it already has (so a caller can put its own "id" first). */
void grading_json_add(cJSON *obj, const struct grading *g);

/* Read a grading from obj (a value inside doc; path is its JSON path, for
 * messages, "" at the root).  Checks every type, range and name and adds
 * each problem, located in doc, to d.  Members of obj other than overall,
 * criteria and pitfalls are ignored (so a grading can sit inside a larger
 * object); inside those three, unknown keys are errors.
 * Returns 0 with *out filled (the caller owns it: grading_free), or -1 with
 * *out left empty (grading_init'ed).  obj is only borrowed. */
int grading_from_json(const struct jsondoc *doc, const cJSON *obj,
    const char *path, struct grading *out, struct diags *d);

#endif
