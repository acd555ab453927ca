/* cmd_util.c: small helpers the commands share. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

int
cmd_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "irate %s: ", cmd);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry 'irate %s --help'.\n", cmd);
	va_end(ap);
	return EXIT_USAGE;
}

/* Parse a --seed value; false if it is not a number in 0..CMD_SEED_MAX. */
static bool
cmd_parse_seed(const char *s, uint64_t *out)
{
	if (*s == '\0')
		return false;
	uint64_t v = 0;
	for (const char *q = s; *q; q++) {
		if (*q < '0' || *q > '9')
			return false;
		v = v * 10 + (uint64_t)(*q - '0');
		if (v > CMD_SEED_MAX)
			return false;
	}
	*out = v;
	return true;
}

uint64_t
cmd_random_seed(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
	    ((uint64_t)getpid() << 40);
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return x & CMD_SEED_MAX;
}

int
cmd_seed_option(const char *cmd, int argc, char **argv, int *i, uint64_t *seed)
{
	const char *a = argv[*i];
	if (strncmp(a, "--seed", 6) != 0 || (a[6] != '\0' && a[6] != '='))
		return 0;
	const char *v = a[6] == '=' ? a + 7 : (*i + 1 < argc ? argv[++*i] : NULL);
	if (v == NULL || !cmd_parse_seed(v, seed)) {
		fprintf(stderr, "irate %s: --seed needs a whole number from 0 to "
		    "%llu\n", cmd, (unsigned long long)CMD_SEED_MAX);
		return -1;
	}
	return 1;
}
