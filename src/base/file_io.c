/* file_io.c -- atomic file replacement, whole-file reads, mkdir -p.
 *
 * Why so careful: a class loses its game if a laptop sleeps or dies while
 * the game saves. rename() replaces a file atomically, but only the bytes
 * that reached the disk survive a crash, so the new file is fsync'ed
 * before the rename and its directory after it (POSIX leaves the order of
 * metadata writes open; ext4 and others document this sequence).
 *
 * A save onto a file keeps that file's permissions, and a save onto a
 * symbolic link writes through it rather than replacing the link with a
 * file; a FIFO, device or directory is refused before anything is written
 * (file_io.h). Reading goes through file_read (file_read.c), which refuses
 * anything but a regular file without blocking. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_io.h"

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

/* Work out which file a write to 'path' replaces (file_io.h lists the
 * cases): 'p->target', and '*mode' its permission bits (-1 for a new
 * file). Returns 0, or -1 with a message when 'path' may not be written. */
static int resolve_target(const char *path, file_pending *p, int *mode, char *err, size_t errlen)
{
    struct stat st;
    *mode = -1;
    snprintf(p->target, sizeof p->target, "%s", path);
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return 0; /* a new file */
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISLNK(st.st_mode)) {
        char *real = realpath(path, NULL);
        if (!real) {
            snprintf(err, errlen,
                     "cannot write %s: it is a symbolic link to %s (%s); nothing was written",
                     path, errno == ENOENT ? "a missing file" : "nowhere usable",
                     strerror(errno));
            return -1;
        }
        int fits = snprintf(p->target, sizeof p->target, "%s", real) < (int)sizeof p->target;
        free(real);
        if (!fits || stat(p->target, &st) != 0) {
            snprintf(err, errlen, "cannot write %s: cannot follow its symbolic link", path);
            return -1;
        }
        if (!S_ISREG(st.st_mode)) {
            snprintf(err, errlen,
                     "cannot write %s: it is a symbolic link to %s, not to a regular file; "
                     "nothing was written", path, file_kind_text(st.st_mode));
            return -1;
        }
    } else if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen,
                 "cannot write %s: it is %s, not a regular file; nothing was written", path,
                 file_kind_text(st.st_mode));
        return -1;
    }
    *mode = (int)(st.st_mode & 0777);
    return 0;
}

int file_check_writable(const char *path, char *err, size_t errlen)
{
    file_pending p;
    int mode;
    return resolve_target(path, &p, &mode, err, errlen);
}

/* Create a new temporary file "<dir>/.<base>.tmp-XXXXXX" for 'p', opened
 * for writing; a new target's gets 0666 less the umask (the kernel applies
 * it), one that replaces a file starts private and gets that file's bits
 * once written. Returns the descriptor or -1 (errno set). */
static int make_temp(file_pending *p, const char *base, int mode)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static _Atomic unsigned long counter;
    for (int attempt = 0; attempt < 100; attempt++) {
        /* the process and a count make the name: no two live processes share a pid, and a
         * name left by a dead one is skipped by O_EXCL and the next count (base reads no clock) */
        unsigned long long x = (unsigned long long)getpid() << 20 ^
                               (unsigned long long)atomic_fetch_add(&counter, 1) * 0x9e3779b97f4a7c15ULL;
        char suffix[7];
        for (int i = 0; i < 6; i++) {
            suffix[i] = digits[x % 62];
            x /= 62;
        }
        suffix[6] = '\0';
        if (snprintf(p->temp, sizeof p->temp, "%s/.%s%s%s", p->dir, base, TEMP_MARK, suffix) >=
            (int)sizeof p->temp) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(p->temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                      mode < 0 ? 0666 : 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

int file_write_begin(const char *path, const void *data, size_t len, file_pending *p, char *err,
                     size_t errlen)
{
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "%s", path);
    const char *base;
    split(path, p->dir, sizeof p->dir, &base);
    if (!base[0]) {
        snprintf(err, errlen, "cannot write %s: not a file name", path);
        return -1;
    }
    int mode;
    if (resolve_target(path, p, &mode, err, errlen) != 0)
        return -1;
    split(p->target, p->dir, sizeof p->dir, &base);
    int fd = make_temp(p, base, mode);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        p->temp[0] = '\0';
        return -1;
    }
    const char *step = NULL;
    if (write_fully(fd, data, len) != 0)
        step = "writing";
    else if (mode >= 0 && fchmod(fd, (mode_t)mode) != 0)
        step = "setting permissions on";
    else if (fsync(fd) != 0)
        step = "flushing";
    int saved = errno;
    if (close(fd) != 0 && !step) {
        step = "closing";
        saved = errno;
    }
    if (step) {
        file_write_abort(p);
        snprintf(err, errlen, "cannot write %s: %s it failed: %s (the old file, if any, is unchanged)",
                 path, step, strerror(saved));
        return -1;
    }
    return 0;
}

void file_write_abort(file_pending *p)
{
    if (p->temp[0])
        unlink(p->temp);
    p->temp[0] = '\0';
}

int file_write_commit(file_pending *p, char *err, size_t errlen)
{
    if (rename(p->temp, p->target) != 0) {
        int saved = errno;
        file_write_abort(p);
        snprintf(err, errlen, "cannot write %s: renaming the new file over it failed: %s (the old "
                 "file, if any, is unchanged)", p->name, strerror(saved));
        return -1;
    }
    p->temp[0] = '\0';
    /* make the rename itself durable */
    int dfd = open(p->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        if (fsync(dfd) != 0 && errno != EINVAL && errno != EROFS) {
            int saved = errno;
            close(dfd);
            snprintf(err, errlen, "wrote %s, but syncing its directory failed: %s", p->name,
                     strerror(saved));
            return -1;
        }
        close(dfd);
    }
    return 0;
}

int file_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    file_pending p;
    if (file_write_begin(path, data, len, &p, err, errlen) != 0)
        return -1;
    return file_write_commit(&p, err, errlen);
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
