/* cmd_util.c: small helpers the commands share. */
#include <stdarg.h>
#include <stdio.h>

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
