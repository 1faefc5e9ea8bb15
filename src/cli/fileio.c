/* fileio.c -- atomic file replacement, whole-file reads, mkdir -p.
 *
 * Why so careful: a class loses its game if a laptop sleeps or dies while
 * the game saves. rename() replaces a file atomically, but only the bytes
 * that reached the disk survive a crash, so the new file is fsync'ed
 * before the rename and its directory after it (POSIX leaves the order of
 * metadata writes open; ext4 and others document this sequence).
 *
 * Reading goes through file_read (src/base), which refuses anything but a
 * regular file without blocking. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

static const char TEMP_MARK[] = ".tmp-";

/* Split 'path' into its directory ("." when none) and base name. */
static void split(const char *path, char *dir, size_t dirlen, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(dir, dirlen, ".");
        *base = path;
    } else if (slash == path) {
        snprintf(dir, dirlen, "/");
        *base = slash + 1;
    } else {
        snprintf(dir, dirlen, "%.*s", (int)(slash - path), path);
        *base = slash + 1;
    }
}

static int write_fully(int fd, const unsigned char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            errno = EIO;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int file_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    char dir[1024], temp[1200];
    const char *base;
    split(path, dir, sizeof dir, &base);
    if (!base[0]) {
        snprintf(err, errlen, "cannot write %s: not a file name", path);
        return -1;
    }
    snprintf(temp, sizeof temp, "%s/.%s%sXXXXXX", dir, base, TEMP_MARK);
    int fd = mkstemp(temp);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    const char *step = NULL;
    if (write_fully(fd, data, len) != 0)
        step = "writing";
    else if (fchmod(fd, 0644) != 0)
        step = "setting permissions on";
    else if (fsync(fd) != 0)
        step = "flushing";
    int saved = errno;
    if (close(fd) != 0 && !step) {
        step = "closing";
        saved = errno;
    }
    if (!step && rename(temp, path) != 0) {
        step = "renaming the new file over";
        saved = errno;
    }
    if (step) {
        unlink(temp);
        snprintf(err, errlen, "cannot write %s: %s it failed: %s (the old file, if any, is unchanged)",
                 path, step, strerror(saved));
        return -1;
    }
    /* make the rename itself durable */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        if (fsync(dfd) != 0 && errno != EINVAL && errno != EROFS) {
            saved = errno;
            close(dfd);
            snprintf(err, errlen, "wrote %s, but syncing its directory failed: %s", path,
                     strerror(saved));
            return -1;
        }
        close(dfd);
    }
    return 0;
}

int file_read_all(const char *path, size_t max, unsigned char **data, size_t *len, char *err,
                  size_t errlen)
{
    char why[512];
    int r = file_read(path, max, data, len, why, sizeof why);
    if (r == FILE_READ_TOO_BIG)
        snprintf(err, errlen, "%s: %s", path, why);
    else if (r != FILE_READ_OK)
        snprintf(err, errlen, "cannot read %s: %s", path, why);
    return r == FILE_READ_OK ? 0 : -1;
}

int file_mkdirs(const char *dir, char *err, size_t errlen)
{
    char p[1024];
    if (snprintf(p, sizeof p, "%s", dir) >= (int)sizeof p) {
        snprintf(err, errlen, "cannot create %s: path too long", dir);
        return -1;
    }
    for (char *s = p + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                snprintf(err, errlen, "cannot create directory %s: %s", p, strerror(errno));
                return -1;
            }
            *s = c;
            if (!c)
                break;
        }
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "cannot use %s as a directory", dir);
        return -1;
    }
    return 0;
}

int file_is_temp(const char *name)
{
    return name[0] == '.' && strstr(name, TEMP_MARK) != NULL;
}
