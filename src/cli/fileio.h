/* fileio.h -- files the game must never half-write: atomic replacement,
 * whole-file reads, and making directories. Messages name the file. */
#ifndef CP_CLI_FILEIO_H
#define CP_CLI_FILEIO_H

#include <stddef.h>

#include "file_read.h"

/* Write 'data' to 'path' so that, whatever happens (a crash, a full disk,
 * the power going off), 'path' holds either its old contents or all of the
 * new ones: the bytes go to a temporary file in the same directory, which
 * is flushed to the disk (fsync) and renamed over 'path'; then the
 * directory itself is synced so that the rename lasts. Returns 0, or -1
 * with a message; on failure the temporary file is removed and 'path' is
 * untouched. */
int file_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen);

/* Read the whole of 'path' (at most 'max' bytes) into a malloc'd buffer
 * (file_read, which refuses anything but a regular file without blocking).
 * Returns 0, or -1 with a message naming the file. Opens read-only. */
int file_read_all(const char *path, size_t max, unsigned char **data, size_t *len, char *err,
                  size_t errlen);

/* Create 'dir' and any missing parents (mkdir -p). Returns 0 or -1. */
int file_mkdirs(const char *dir, char *err, size_t errlen);

/* The temporary files file_write_atomic makes for 'path' are named
 * "<dir>/.<base>.tmp-XXXXXX": this says whether 'name' (a file name in a
 * directory) is one of them, left behind by a process that was killed. */
int file_is_temp(const char *name);

#endif
