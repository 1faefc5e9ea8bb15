/* file_stamp.c -- a file's size, modification time and inode (script.h). */
#define _POSIX_C_SOURCE 200809L
#include <string.h>
#include <sys/stat.h>

#include "script.h"

void cps_file_stamp_of(const char *path, cps_file_stamp *out)
{
    struct stat sb;
    memset(out, 0, sizeof *out);
    if (stat(path, &sb) != 0)
        return;
    out->exists = 1;
    out->size = (long long)sb.st_size;
    out->mtime_ns = (long long)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
    out->inode = (unsigned long long)sb.st_ino;
}

int cps_file_stamp_changed(const cps_file_stamp *a, const cps_file_stamp *b)
{
    return a->exists != b->exists || a->size != b->size || a->mtime_ns != b->mtime_ns ||
           a->inode != b->inode;
}
