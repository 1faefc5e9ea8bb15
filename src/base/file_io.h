/* file_io.h -- files the game must never half-write: atomic replacement,
 * whole-file reads, and making directories. Messages name the file. */
#ifndef CP_BASE_FILE_IO_H
#define CP_BASE_FILE_IO_H

#include <stddef.h>

#include "file_read.h"

/* Write 'data' to 'path' so that, whatever happens (a crash, a full disk,
 * the power going off), 'path' holds either its old contents or all of the
 * new ones: the bytes go to a temporary file in the same directory, which
 * is flushed to the disk (fsync) and renamed over 'path'; then the
 * directory itself is synced so that the rename lasts. Returns 0, or -1
 * with a message; on failure the temporary file is removed and 'path' is
 * untouched.
 *
 * What 'path' may be (docs/saves.md):
 *   - missing: a new file, with the permissions new files get (0666 less
 *     the umask);
 *   - a regular file: replaced, keeping its permission bits (a 0600 save
 *     stays 0600);
 *   - a symbolic link to a regular file: written through, that is, the
 *     file it points to is replaced as above and the link stays a link;
 *   - anything else (a directory, a FIFO, a device, a socket, a link to
 *     one of those or to nothing): refused, and nothing is written. */
int file_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen);

/* Whether file_write_atomic would write to 'path' (the cases above),
 * without writing anything: 0, or -1 with the message it would give. */
int file_check_writable(const char *path, char *err, size_t errlen);

/* file_write_atomic in two steps, for callers that must do something
 * between "the new file is safely on the disk" and "it replaces the old
 * one" (the autosave rotation, savefile.c): file_write_begin writes and
 * flushes the temporary file, file_write_commit renames it over the target
 * and syncs the folder, file_write_abort removes it. */
typedef struct {
    char name[1200];   /* 'path' as given, for messages */
    char target[1200]; /* the file to replace: 'path', or what its link points to */
    char dir[1200];    /* target's folder */
    char temp[1300];   /* the temporary file beside it */
} file_pending;

int file_write_begin(const char *path, const void *data, size_t len, file_pending *p, char *err,
                     size_t errlen);
int file_write_commit(file_pending *p, char *err, size_t errlen);
void file_write_abort(file_pending *p);

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
