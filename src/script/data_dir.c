/* data_dir.c -- where the program finds its data (scenarios, agents, the map)
 * and where it keeps the player's files (saves, autosaves, screenshots,
 * debrief packs), whether it runs from its build folder or installed
 * (docs/install.md). The one place that answers both questions: every layer
 * above asks cps_data_dir() and cps_saves_dir().
 *
 * The data folder, first found wins:
 *   1. $CHOKEPOINT_DATA when it is set and not empty: an explicit override,
 *      as before installing existed (tests, modders and scripts/monkey.sh use it);
 *   2. the program's own location: <dir of the executable>/../share/chokepoint
 *      when it holds scripts/scenarios (an installed or staged copy, wherever
 *      it was moved), or the source tree when the executable lies inside the
 *      build folder it was built in;
 *   3. the install prefix compiled in (CP_INSTALL_DATADIR, /usr/share/chokepoint
 *      in the Debian package);
 *   4. the current folder.
 * The issue asked for own location, prefix, then the variable; the variable
 * comes first here because it only matters when someone sets it on purpose,
 * and the tests set it to point a build at fixture folders. */
#define _DEFAULT_SOURCE /* readlink, realpath */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "script.h"

#ifndef CP_SOURCE_DIR
#define CP_SOURCE_DIR ""
#endif
#ifndef CP_BINARY_DIR
#define CP_BINARY_DIR ""
#endif
#ifndef CP_INSTALL_DATADIR
#define CP_INSTALL_DATADIR ""
#endif

enum { DIR_CAP = 4096 };

/* What the executable's location says, worked out once per process. */
static struct {
    char exe[DIR_CAP];   /* the running program, resolved ("" if unknown) */
    char data[DIR_CAP];  /* the data folder found without the variable */
    char saves[DIR_CAP]; /* where the player's files go */
    int in_build_tree;   /* 1 when the executable lies in its build folder */
} where;
static pthread_once_t where_once = PTHREAD_ONCE_INIT;

/* 1 if 'dir' holds the scenarios, the mark of a data folder. */
static int is_data_dir(const char *dir)
{
    char p[DIR_CAP + 32];
    struct stat st;
    if (!dir[0] || snprintf(p, sizeof p, "%s/scripts/scenarios", dir) >= (int)sizeof p)
        return 0;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* 1 if 'path' lies inside folder 'dir' (both resolved). */
static int inside(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return n > 0 && strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* The player's folder of an installed program: $XDG_DATA_HOME/chokepoint,
 * or ~/.local/share/chokepoint (the XDG base directory default). A relative
 * XDG_DATA_HOME is ignored, as the specification says. */
static void user_dir(char *out, size_t len)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        snprintf(out, len, "%s/chokepoint", xdg);
    else if (home && home[0] == '/')
        snprintf(out, len, "%s/.local/share/chokepoint", home);
    else
        snprintf(out, len, "saves"); /* no home: beside the game, as from the tree */
}

static void find_where(void)
{
    char link[DIR_CAP], resolved[PATH_MAX], build[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", link, sizeof link - 1);
    if (n > 0) {
        link[n] = '\0';
        if (realpath(link, resolved))
            snprintf(where.exe, sizeof where.exe, "%s", resolved);
    }
    static const char binary_dir[] = CP_BINARY_DIR; /* "" in a build that names none */
    if (where.exe[0] && binary_dir[0] && realpath(binary_dir, build))
        where.in_build_tree = inside(where.exe, build);
    if (where.exe[0]) {
        char share[DIR_CAP + 32];
        snprintf(share, sizeof share, "%s", where.exe);
        char *slash = strrchr(share, '/');
        if (slash) {
            snprintf(slash, sizeof share - (size_t)(slash - share), "/../share/chokepoint");
            if (!where.in_build_tree && is_data_dir(share) && realpath(share, resolved))
                snprintf(where.data, sizeof where.data, "%s", resolved);
        }
    }
    if (!where.data[0] && where.in_build_tree && is_data_dir(CP_SOURCE_DIR))
        snprintf(where.data, sizeof where.data, "%s", CP_SOURCE_DIR);
    if (!where.data[0] && is_data_dir(CP_INSTALL_DATADIR))
        snprintf(where.data, sizeof where.data, "%s", CP_INSTALL_DATADIR);
    if (!where.data[0])
        snprintf(where.data, sizeof where.data, ".");
    /* the player's files: saves/ in the folder the game runs in when it runs
     * from its build folder (as always), the XDG folder once installed */
    if (where.in_build_tree || !where.exe[0])
        snprintf(where.saves, sizeof where.saves, "saves");
    else
        user_dir(where.saves, sizeof where.saves);
}

const char *cps_data_dir(void)
{
    const char *d = getenv("CHOKEPOINT_DATA");
    if (d && *d)
        return d;
    pthread_once(&where_once, find_where);
    return where.data;
}

const char *cps_saves_dir(void)
{
    pthread_once(&where_once, find_where);
    return where.saves;
}

/* Is the resolved program 'exe' the one `chokepoint` on $PATH runs? */
static int on_path(const char *exe)
{
    const char *path = getenv("PATH");
    char dir[DIR_CAP], cand[DIR_CAP + 16], resolved[PATH_MAX];
    while (path && *path) {
        size_t n = strcspn(path, ":");
        if (n > 0 && n < sizeof dir) {
            memcpy(dir, path, n);
            dir[n] = '\0';
            snprintf(cand, sizeof cand, "%s/chokepoint", dir);
            if (access(cand, X_OK) == 0)
                return realpath(cand, resolved) && strcmp(resolved, exe) == 0;
        }
        path += n + (path[n] == ':');
    }
    return 0;
}

static char program[DIR_CAP];
static pthread_once_t program_once = PTHREAD_ONCE_INIT;

static void find_program(void)
{
    pthread_once(&where_once, find_where);
    snprintf(program, sizeof program, "%s",
             (!where.exe[0] || on_path(where.exe)) ? "chokepoint" : where.exe);
}

const char *cps_program_command(void)
{
    pthread_once(&program_once, find_program);
    return program;
}
