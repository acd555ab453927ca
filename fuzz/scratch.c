/* scratch.c: scratch files for the fuzz targets. */
#include "scratch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NSCRATCH 4

static char paths[NSCRATCH][128];
static char suffixes[NSCRATCH][32];

static void
cleanup(void)
{
	for (int i = 0; i < NSCRATCH; i++)
		if (paths[i][0])
			unlink(paths[i]);
}

const char *
fuzz_scratch(const char *suffix, const uint8_t *data, size_t n)
{
	int i;
	for (i = 0; i < NSCRATCH && paths[i][0]; i++)
		if (strcmp(suffixes[i], suffix) == 0)
			break;
	if (i == NSCRATCH)
		abort();
	if (!paths[i][0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(paths[i], sizeof paths[i], "%s/irate-fuzz-%ld-%d%s",
		    tmp && *tmp ? tmp : "/tmp", (long)getpid(), i, suffix);
		snprintf(suffixes[i], sizeof suffixes[i], "%s", suffix);
		if (i == 0)
			atexit(cleanup);
	}
	FILE *f = fopen(paths[i], "wb");
	if (f == NULL || fwrite(data, 1, n, f) != n || fclose(f) != 0)
		abort();
	return paths[i];
}
