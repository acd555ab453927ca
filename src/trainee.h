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

/* The trainee name remembered in data_dir (the last one used), or NULL.
 * Caller frees. */
char *trainee_remembered(const char *data_dir);
/* Remember name in data_dir for next time.  0, or -1 if it cannot be
 * written (not fatal for the caller). */
int trainee_remember(const char *data_dir, const char *name);
/* The trainee to use: given (if non-NULL), else the remembered one, else
 * $USER, else "trainee".  Caller frees. */
char *trainee_choose(const char *given, const char *data_dir);

#endif
