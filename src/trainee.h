/* trainee.h: trainee names — checking them and turning them into safe
 * directory names. */
#ifndef IRATE_TRAINEE_H
#define IRATE_TRAINEE_H

#include <stdbool.h>

#define TRAINEE_MAX_CHARS 64

/* Is name acceptable: valid UTF-8, 1..TRAINEE_MAX_CHARS characters, no
 * control or bidirectional-override characters, not only spaces?  If not
 * and why is non-NULL, *why is set to a static reason. */
bool trainee_valid(const char *name, const char **why);
/* The directory name for a valid trainee name: ASCII letters, digits, '-'
 * and '_' kept, every other byte as %XX (so "../x" -> "%2E%2E%2Fx").
 * The mapping is one-to-one.  Caller frees. */
char *trainee_dirname(const char *name);
/* The inverse of trainee_dirname, or NULL if s is not such a name. */
char *trainee_from_dirname(const char *s);

#endif
