/* datadir.h: what irate trusts inside its data directory — real files and
 * real directories only.  A symbolic link, a FIFO or a device placed there
 * (by another account on a shared training server, say) is never followed
 * for reading or writing: readers leave it out with a warning, writers
 * refuse.  The data directory itself may be a link (the user chose it). */
#ifndef IRATE_DATADIR_H
#define IRATE_DATADIR_H

enum datadir_kind {
	DATADIR_MISSING, /* nothing there (or it cannot be examined) */
	DATADIR_FILE,    /* a regular file */
	DATADIR_DIR,     /* a directory */
	DATADIR_LINK,    /* a symbolic link, wherever it points */
	DATADIR_OTHER    /* a FIFO, socket or device */
};

/* What is at path itself, without following a final symbolic link. */
enum datadir_kind datadir_kind(const char *path);
/* Why an entry of kind k is left out or refused where a want (a file or a
 * directory) is expected — "is a symbolic link; irate does not follow links
 * inside its data directory", "is a directory, not a file", ... — or NULL
 * when k is want.  A static string. */
const char *datadir_refusal(enum datadir_kind k, enum datadir_kind want);

#endif
