/* atomic.c: replacing a file's contents atomically and durably. */
#include "atomic.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

/* Write all of buf to fd; 0 or -1 (errno set). */
static int
write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* fsync the directory holding path, so the rename itself is durable. */
static void
sync_dir(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		int dfd = open(*dir ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	free(dir);
}

/* Write data to a new file tmp (created with extra open flags, mode 0600,
 * never through a symbolic link) and fsync it.  0, or -1 with errno set,
 * *step naming what failed and tmp removed. */
static int
write_tmp(const char *tmp, int flags, const char *data, size_t len,
    const char **step)
{
	*step = "create";
	int fd = open(tmp, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | flags,
	    0600);
	if (fd < 0)
		return -1;
	int rc = -1;
	*step = "write";
	if (write_all(fd, data, len) == 0) {
		*step = "sync";
		if (fsync(fd) == 0)
			rc = 0;
	}
	int err = errno;
	close(fd);
	if (rc != 0)
		unlink(tmp);
	errno = err;
	return rc;
}

/* Put tmp (written, synced) in place at path: by rename (replace true) or
 * by a hard link that fails if path exists.  The temporary name is gone
 * afterwards either way; the directory is synced on success. */
static int
put_in_place(const char *tmp, const char *path, bool replace,
    const char **what)
{
	int rc = replace ? rename(tmp, path) : link(tmp, path);
	if (rc != 0 || !replace) {
		int err = errno;
		unlink(tmp);
		errno = err;
	}
	if (rc != 0) {
		if (what)
			*what = replace ? "rename" : "link";
	} else {
		sync_dir(path);
	}
	return rc;
}

/* atomic_write_file and atomic_create_file: write PATH.tmp, then put it
 * in place. */
static int
write_file(const char *path, const char *data, size_t len, bool replace,
    const char **what)
{
	char *tmp = xasprintf("%s.tmp", path);
	const char *step;
	int rc = write_tmp(tmp, replace ? O_TRUNC : O_EXCL, data, len, &step);
	if (rc != 0) {
		if (what)
			*what = step;
	} else {
		rc = put_in_place(tmp, path, replace, what);
	}
	free(tmp);
	return rc;
}

int
atomic_write_file(const char *path, const char *data, size_t len,
    const char **what)
{
	return write_file(path, data, len, true, what);
}

int
atomic_create_file(const char *path, const char *data, size_t len,
    const char **what)
{
	return write_file(path, data, len, false, what);
}
