/* file_read.c -- reading whole files without ever blocking on one that is
 * not a file (file_read.h says why). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_read.h"

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#ifndef O_NOCTTY
#define O_NOCTTY 0
#endif

const char *file_kind_text(unsigned st_mode)
{
    mode_t m = (mode_t)st_mode;
    if (S_ISREG(m))
        return "a regular file";
    if (S_ISDIR(m))
        return "a directory";
    if (S_ISFIFO(m))
        return "a FIFO (named pipe)";
    if (S_ISCHR(m))
        return "a character device";
    if (S_ISBLK(m))
        return "a block device";
    if (S_ISSOCK(m))
        return "a socket";
    return "not a file";
}

/* Open 'path' for reading without blocking and make sure it is a regular
 * file. Returns the descriptor (its size in '*size'), or -1 with 'why' and
 * '*code' set. O_NONBLOCK makes open() return at once on a FIFO that has no
 * writer (it would otherwise wait for one for ever) and on devices that
 * wait for a carrier; for a regular file it changes nothing. */
static int open_regular(const char *path, long long *size, int *code, char *why, size_t whylen)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *code = errno == ENOENT ? FILE_READ_MISSING : FILE_READ_FAILED;
        snprintf(why, whylen, "%s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *code = FILE_READ_FAILED;
        snprintf(why, whylen, "%s", strerror(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        *code = FILE_READ_FAILED;
        if (S_ISDIR(st.st_mode))
            snprintf(why, whylen, "it is a directory");
        else
            snprintf(why, whylen, "it is %s, not a regular file", file_kind_text(st.st_mode));
        close(fd);
        return -1;
    }
    *size = (long long)st.st_size;
    return fd;
}

int file_check_regular(const char *path, char *why, size_t whylen)
{
    long long size;
    int code = FILE_READ_OK;
    int fd = open_regular(path, &size, &code, why, whylen);
    if (fd < 0)
        return code;
    close(fd);
    return FILE_READ_OK;
}

int file_read(const char *path, size_t max_bytes, unsigned char **data, size_t *len, char *why,
              size_t whylen)
{
    *data = NULL;
    *len = 0;
    long long size;
    int code = FILE_READ_OK;
    int fd = open_regular(path, &size, &code, why, whylen);
    if (fd < 0)
        return code;
    if (size < 0 || (unsigned long long)size > max_bytes) {
        snprintf(why, whylen, "%lld bytes, more than the %zu a file of this kind may have", size,
                 max_bytes);
        close(fd);
        return FILE_READ_TOO_BIG;
    }
    /* one byte more than the size, to see a file that grows while it is read */
    size_t cap = (size_t)size + 1, n = 0;
    unsigned char *buf = malloc(cap + 1);
    if (!buf) {
        snprintf(why, whylen, "out of memory");
        close(fd);
        return FILE_READ_FAILED;
    }
    for (;;) {
        if (n == cap) {
            snprintf(why, whylen, "it changed while being read");
            free(buf);
            close(fd);
            return FILE_READ_FAILED;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            snprintf(why, whylen, "%s", strerror(errno));
            free(buf);
            close(fd);
            return FILE_READ_FAILED;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return FILE_READ_OK;
}
