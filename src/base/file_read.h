/* file_read.h -- the one way the program reads a whole file, or checks that
 * it could.
 *
 * Every file the program reads -- agents, scenarios and their libs, saves,
 * replays, the map asset, fonts, the API stubs -- goes through here, so that
 * one rule holds everywhere: only regular files are read. A FIFO, a device,
 * a socket or a directory named as a file (on the command line, inside a
 * save, inside a scenario) is refused at once with a message that says what
 * it is, instead of blocking for ever on open() or read(). The file is
 * opened with O_NONBLOCK (opening a FIFO with no writer then returns at
 * once), checked with fstat, and only then read, up to a size cap.
 *
 * This is the layer below everything that reads files (src/script, the
 * save code in src/cli, src/ui); the core reads no files at all.
 */
#ifndef CP_FILE_READ_H
#define CP_FILE_READ_H

#include <stddef.h>

enum {
    FILE_READ_OK = 0,
    FILE_READ_MISSING = -1, /* no such file (ENOENT, or a dangling link) */
    FILE_READ_FAILED = -2,  /* not a regular file, no permission, an I/O error... */
    FILE_READ_TOO_BIG = -3  /* larger than the cap */
};

/* Read the whole regular file 'path', at most 'max_bytes', into a malloc'd
 * buffer with a NUL byte after its '*len' bytes (so text can be used as a
 * string). Returns FILE_READ_OK, or one of the codes above with 'why' (a
 * message without the file's name, e.g. "it is a FIFO (named pipe), not a
 * regular file") for the caller to put after the name. */
int file_read(const char *path, size_t max_bytes, unsigned char **data, size_t *len, char *why,
              size_t whylen);

/* Whether 'path' is a regular file the program could read (opened and
 * closed again, without blocking). Returns FILE_READ_OK, FILE_READ_MISSING
 * or FILE_READ_FAILED, with 'why' as for file_read. */
int file_check_regular(const char *path, char *why, size_t whylen);

/* What a file of mode 'st_mode' is, for messages: "a directory", "a FIFO
 * (named pipe)", "a character device", ... ("a regular file" for one). */
const char *file_kind_text(unsigned st_mode);

#endif
