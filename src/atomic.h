/* atomic.h: replacing a file's contents atomically and durably. */
#ifndef IRATE_ATOMIC_H
#define IRATE_ATOMIC_H

#include <stddef.h>

/* Write data to PATH.tmp (mode 0600, never through a symlink), fsync it,
 * rename it over path and fsync the directory: a reader sees the old file
 * or the new one, never a mix, and a crash loses nothing already renamed.
 * Returns 0, or -1 with errno set and *what naming the step that failed
 * ("create", "write", "sync", "rename"); the temporary file is removed. */
int atomic_write_file(const char *path, const char *data, size_t len,
    const char **what);

/* Create path, which must not exist yet, holding data: written to PATH.tmp
 * (created exclusively), fsynced, then hard-linked to path, so path never
 * exists empty or half-written, even if the process is killed.  Returns 0,
 * or -1 with errno set (EEXIST when path or PATH.tmp exists) and *what
 * naming the step ("create", "write", "sync", "link"). */
int atomic_create_file(const char *path, const char *data, size_t len,
    const char **what);

#endif
