/* paths.c -- resolving scenario and agent names against the data directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"

#ifndef CP_DATA_DIR
#define CP_DATA_DIR "."
#endif

const char *cps_data_dir(void)
{
    const char *d = getenv("CHOKEPOINT_DATA");
    return (d && *d) ? d : CP_DATA_DIR;
}

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
