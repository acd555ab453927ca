/* atomic.c: replacing a file's contents atomically and durably. */
#include "atomic.h"

#include <errno.h>
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

int
atomic_write_file(const char *path, const char *data, size_t len,
    const char **what)
{
	char *tmp = xasprintf("%s.tmp", path);
	const char *step = "create";
	int rc = -1;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd >= 0) {
		step = "write";
		if (write_all(fd, data, len) == 0) {
			step = "sync";
			if (fsync(fd) == 0)
				rc = 0;
		}
		int err = errno;
		close(fd);
		errno = err;
	}
	if (rc == 0) {
		step = "rename";
		if (rename(tmp, path) != 0)
			rc = -1;
	}
	if (rc != 0) {
		int err = errno;
		unlink(tmp);
		errno = err;
		if (what)
			*what = step;
	} else {
		sync_dir(path);
	}
	free(tmp);
	return rc;
}

int
atomic_create_file(const char *path, const char *data, size_t len,
    const char **what)
{
	char *tmp = xasprintf("%s.tmp", path);
	const char *step = "create";
	int rc = -1;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd >= 0) {
		step = "write";
		if (write_all(fd, data, len) == 0) {
			step = "sync";
			if (fsync(fd) == 0)
				rc = 0;
		}
		int err = errno;
		close(fd);
		errno = err;
		if (rc == 0) {
			step = "link";
			rc = link(tmp, path); /* fails with EEXIST: exclusive */
		}
		err = errno;
		unlink(tmp);
		errno = err;
	}
	if (rc != 0) {
		if (what)
			*what = step;
	} else {
		sync_dir(path);
	}
	free(tmp);
	return rc;
}
