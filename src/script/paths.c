/* paths.c -- resolving scenario and agent names against the data directory, and listing them. */
#define _POSIX_C_SOURCE 200809L /* access */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "script.h"

int cps_is_bare_name(const char *s)
{
    size_t n = strlen(s);
    if (strchr(s, '/'))
        return 0;
    if (n >= 4 && strcmp(s + n - 4, ".lua") == 0)
        return 0;
    return n > 0;
}

int cps_resolve_script(const char *subdir, const char *name_or_path, char *path, size_t plen,
                       char *display, size_t dlen)
{
    const char *dir = cps_data_dir();
    int n;
    if (cps_is_bare_name(name_or_path)) {
        n = snprintf(path, plen, "%s/%s/%s.lua", dir, subdir, name_or_path);
        if (n < 0 || (size_t)n >= plen)
            return -1;
        n = snprintf(display, dlen, "%s/%s.lua", subdir, name_or_path);
        return (n < 0 || (size_t)n >= dlen) ? -1 : 0;
    }
    n = snprintf(path, plen, "%s", name_or_path);
    if (n < 0 || (size_t)n >= plen)
        return -1;
    size_t dl = strlen(dir);
    const char *shown = name_or_path;
    if (dl > 0 && strncmp(name_or_path, dir, dl) == 0 && name_or_path[dl] == '/' &&
        strcmp(dir, ".") != 0)
        shown = name_or_path + dl + 1;
    n = snprintf(display, dlen, "%s", shown);
    return (n < 0 || (size_t)n >= dlen) ? -1 : 0;
}

/* ---- paths kept in saves ------------------------------------------------------------ */

static const char DATA_PREFIX[] = "@data/";

int cps_path_for_save(const char *path, char *out, size_t len)
{
    const char *dir = cps_data_dir();
    size_t dl = strlen(dir);
    int n;
    if (dl > 0 && strncmp(path, dir, dl) == 0 && path[dl] == '/')
        n = snprintf(out, len, "%s%s", DATA_PREFIX, path + dl + 1);
    else
        n = snprintf(out, len, "%s", path);
    return (n < 0 || (size_t)n >= len) ? -1 : 0;
}

/* Does a regular file (or anything fopen can read) exist at 'path'? */
static int readable(const char *path)
{
    return path[0] && access(path, R_OK) == 0;
}

int cps_path_from_save(const char *stored, char *out, size_t len)
{
    const char *dir = cps_data_dir();
    size_t pl = sizeof DATA_PREFIX - 1;
    int n;
    if (!stored[0]) { /* no file */
        if (len)
            out[0] = '\0';
        return len ? 0 : -1;
    }
    if (strncmp(stored, DATA_PREFIX, pl) == 0)
        n = snprintf(out, len, "%s/%s", dir, stored + pl);
    else
        n = snprintf(out, len, "%s", stored);
    if (n < 0 || (size_t)n >= len)
        return -1;
    if (readable(out) || strncmp(stored, DATA_PREFIX, pl) == 0)
        return 0;
    /* a path from an older save that is no longer there: the same file under
     * this data folder (scripts/agents/x.lua of a moved or reinstalled
     * folder, or a path that was relative to the folder the game ran in) */
    char alt[1024];
    const char *sub = strstr(stored, "/scripts/");
    if (sub)
        n = snprintf(alt, sizeof alt, "%s%s", dir, sub);
    else if (stored[0] != '/')
        n = snprintf(alt, sizeof alt, "%s/%s", dir, stored);
    else
        return 0;
    if (n > 0 && (size_t)n < sizeof alt && (size_t)n < len && readable(alt))
        snprintf(out, len, "%s", alt);
    return 0;
}

/* ---- listing ------------------------------------------------------------------------ */

static int by_name(const void *x, const void *y)
{
    return strcmp((const char *)x, (const char *)y);
}

int cps_list_scripts(const char *subdir, char names[][64], int max)
{
    char dir[1200];
    snprintf(dir, sizeof dir, "%s/%s", cps_data_dir(), subdir);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < max) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 || len - 4 >= 64 || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        snprintf(names[n], 64, "%.*s", (int)(len - 4), e->d_name);
        n++;
    }
    closedir(d);
    qsort(names, (size_t)n, 64, by_name);
    return n;
}
