/* datadir.c: telling real files and directories from links and devices. */
#include "datadir.h"

#include <stddef.h>
#include <sys/stat.h>

enum datadir_kind
datadir_kind(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return DATADIR_MISSING;
	if (S_ISLNK(st.st_mode))
		return DATADIR_LINK;
	if (S_ISREG(st.st_mode))
		return DATADIR_FILE;
	if (S_ISDIR(st.st_mode))
		return DATADIR_DIR;
	return DATADIR_OTHER;
}

const char *
datadir_refusal(enum datadir_kind k, enum datadir_kind want)
{
	if (k == want)
		return NULL;
	switch (k) {
	case DATADIR_LINK:
		return "is a symbolic link; irate does not follow links inside "
		    "its data directory";
	case DATADIR_OTHER:
		return "is not a regular file or directory (a FIFO, socket or "
		    "device); irate reads only regular files";
	case DATADIR_MISSING:
		return "does not exist";
	case DATADIR_FILE:
		return "is a file, not a directory";
	case DATADIR_DIR:
		return "is a directory, not a file";
	}
	return "cannot be used";
}
