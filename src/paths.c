/* paths.c: locating assets, scenarios and the data directory. */
#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

#ifndef IRATE_DATADIR
#define IRATE_DATADIR "/usr/local/share/irate"
#endif

static int
is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory holding the running binary, or NULL. */
static char *
exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

static char *
find_shipped(const char *override, const char *env, const char *name)
{
	if (override && *override)
		return xstrdup(override);
	const char *e = getenv(env);
	if (e && *e)
		return xstrdup(e);
	char *dir = exe_dir();
	if (dir) {
		/* The binary sits at the top of a checkout, in build-asan/, or
		 * installed as PREFIX/bin/irate beside PREFIX/share/irate. */
		const char *const rel[] = {"", "/..", "/../share/irate"};
		for (size_t i = 0; i < 3; i++) {
			char *p = xasprintf("%s%s/%s", dir, rel[i], name);
			if (is_dir(p)) {
				free(dir);
				return p;
			}
			free(p);
		}
		free(dir);
	}
	return xasprintf("%s/%s", IRATE_DATADIR, name);
}

char *
paths_assets_dir(const char *override)
{
	return find_shipped(override, "IRATE_ASSETS", "assets");
}

char *
paths_assets_dir_here(const char *override)
{
	char *dir = paths_assets_dir(override);
	struct stat st;
	if (!(override && *override) && !(stat(dir, &st) == 0 &&
	    S_ISDIR(st.st_mode)) && stat("assets", &st) == 0 &&
	    S_ISDIR(st.st_mode)) {
		free(dir);
		dir = xstrdup("assets");
	}
	return dir;
}

char *
paths_scenarios_dir(const char *override)
{
	return find_shipped(override, "IRATE_SCENARIOS", "scenarios");
}

char *
paths_courses_dir(const char *override)
{
	return find_shipped(override, "IRATE_COURSES", "courses");
}

char *
paths_data_dir(const char *override)
{
	if (override && *override)
		return xstrdup(override);
	const char *e = getenv("IRATE_DATA_DIR");
	if (e && *e)
		return xstrdup(e);
	e = getenv("XDG_DATA_HOME");
	if (e && *e == '/')
		return xasprintf("%s/irate", e);
	e = getenv("HOME");
	return xasprintf("%s/.local/share/irate", e && *e ? e : ".");
}
