/* scratch.h: a scratch file for fuzz targets whose readers take a path. */
#ifndef IRATE_FUZZ_SCRATCH_H
#define IRATE_FUZZ_SCRATCH_H

#include <stddef.h>
#include <stdint.h>

/* Write data[0..n) to this process's scratch file (made on first use,
 * removed at exit) and return its path; aborts if it cannot. */
const char *fuzz_scratch(const char *suffix, const uint8_t *data, size_t n);

#endif
