/* sha256.h: SHA-256 of a byte buffer (FIPS 180-4), for file fingerprints. */
#ifndef IRATE_SHA256_H
#define IRATE_SHA256_H

#include <stddef.h>

/* Write the lowercase hex digest of data[0..len) into hex (65 bytes). */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
