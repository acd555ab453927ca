/* paths.h: where irate finds its assets and scenarios and keeps its data. */
#ifndef IRATE_PATHS_H
#define IRATE_PATHS_H

/* Each returns a fresh string the caller frees. */

/* The assets directory: override if non-NULL, else $IRATE_ASSETS, else
 * "assets" beside the running binary (a source checkout), else
 * ../share/irate/assets from the binary (an installed copy, wherever
 * PREFIX was), else the compiled-in IRATE_DATADIR/assets. */
char *paths_assets_dir(const char *override);
/* The same, or ./assets when that is not a directory and ./assets is (the
 * tools under build/ run from a checkout). */
char *paths_assets_dir_here(const char *override);
/* The shipped scenarios directory, found the same way ($IRATE_SCENARIOS,
 * beside the binary, IRATE_DATADIR/scenarios). */
char *paths_scenarios_dir(const char *override);
/* The shipped courses directory, found the same way ($IRATE_COURSES,
 * beside the binary, IRATE_DATADIR/courses). */
char *paths_courses_dir(const char *override);
/* The data directory: override, else $IRATE_DATA_DIR, else
 * $XDG_DATA_HOME/irate, else $HOME/.local/share/irate. */
char *paths_data_dir(const char *override);

#endif
