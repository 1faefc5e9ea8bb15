/* saves_list.c -- the saves and replays in a folder, newest first (session.h), for the window's
 * load dialog, its Continue button and a server that resumes from its newest autosave.
 * (Until the window plays on the session, its own save code, saveload.h, is here too.) */
#define _POSIX_C_SOURCE 200809L
#include "saveload.h"
#include "session.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "game_section.h"
#include "save_seats.h"
#include "savefile.h"

static int newest_first(const void *x, const void *y)
{
    const cpg_file *a = x, *b = y;
    if (a->mtime != b->mtime) return a->mtime < b->mtime ? 1 : -1;
    return strcmp(b->name, a->name); /* the same second: the higher autosave sequence first */
}

/* Does 'name' end in one of 'exts' (NULL-terminated)? */
static int has_ext(const char *name, const char *const *exts)
{
    size_t len = strlen(name);
    for (int i = 0; exts[i]; i++) {
        size_t el = strlen(exts[i]);
        if (len > el && strcmp(name + len - el, exts[i]) == 0) return 1;
    }
    return 0;
}

static int list_files(const char *dir, const char *const *exts, cpg_file *out, int max);

int cpg_list_saves(const char *dir, cpg_file *out, int max)
{
    static const char *const exts[] = {".cpsave", NULL};
    return list_files(dir, exts, out, max);
}

int cpg_list_replays(const char *dir, cpg_file *out, int max)
{
    static const char *const exts[] = {".cprep", ".replay", NULL};
    return list_files(dir, exts, out, max);
}

/* The files of 'dir' whose names end in one of 'exts', newest first (hidden files and what
 * cannot be stat'ed left out). */
static int list_files(const char *dir, const char *const *exts, cpg_file *out, int max)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        if (e->d_name[0] == '.' || !has_ext(e->d_name, exts)) continue;
        cpg_file *s = &out[n];
        snprintf(s->path, sizeof s->path, "%s/%s", dir, e->d_name);
        snprintf(s->name, sizeof s->name, "%s", e->d_name);
        struct stat st;
        if (stat(s->path, &st) != 0) continue;
        s->mtime = (long long)st.st_mtime;
        s->autosave = strncmp(e->d_name, "autosave-", 9) == 0;
        n++;
    }
    closedir(d);
    qsort(out, (size_t)n, sizeof *out, newest_first);
    return n;
}

int cpg_newest_autosave(const char *dir, char *path, size_t len)
{
    /* every file is looked at (a list of the first few could miss the newest) */
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    cpg_file best, f;
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        static const char *const exts[] = {".cpsave", NULL};
        if (e->d_name[0] == '.' || strncmp(e->d_name, "autosave-", 9) != 0 || !has_ext(e->d_name, exts))
            continue;
        snprintf(f.path, sizeof f.path, "%s/%s", dir, e->d_name);
        snprintf(f.name, sizeof f.name, "%s", e->d_name);
        struct stat st;
        if (stat(f.path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        f.mtime = (long long)st.st_mtime;
        f.autosave = 1;
        if (!found || newest_first(&f, &best) < 0)
            best = f;
        found = 1;
    }
    closedir(d);
    if (found)
        snprintf(path, len, "%s", best.path);
    return found ? 0 : -1;
}

int saveload_list(const char *dir, save_entry *out, int max) { return cpg_list_saves(dir, out, max); }
int saveload_list_replays(const char *dir, save_entry *out, int max) { return cpg_list_replays(dir, out, max); }
int saveload_newest_autosave(const char *dir, char *path, size_t len) { return cpg_newest_autosave(dir, path, len); }

/* The seats' sections plus "ui.humans" and "game" (the game's length and difficulty: the same
 * section session/game_save.c writes, game_section.h, so that a 12-quarter game saved here or by
 * `sim` loads as one, not as its scenario's 40, and at its level); *count sections in a malloc'd
 * array. */
static int sections_of(const cp_world *w, cps_seats *seats, const cps_scenario_info *info, const int *human,
                       int length, cps_difficulty difficulty, savefile_section **out, int *count,
                       char *err, size_t errlen)
{
    savefile_section *s = NULL;
    int n = 0;
    if (seats && save_seats_sections(seats, w, info, &s, &n, err, errlen) != 0) return -1;
    savefile_section *grown = realloc(s, sizeof *grown * (size_t)(n + 2));
    if (!grown) {
        save_seats_free(s, n);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    s = grown;
    savefile_section *h = &s[n];
    memset(h, 0, sizeof *h);
    snprintf(h->name, sizeof h->name, "ui.humans");
    h->data = malloc(CP_MAX_NATIONS * 4 + 1);
    if (!h->data) {
        save_seats_free(s, n);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (int i = 0; i < cp_world_nation_count(w); i++)
        if (human[i]) {
            memcpy(h->data + h->len, cp_world_nation(w, i)->iso3, 3);
            h->data[h->len + 3] = '\n';
            h->len += 4;
        }
    savefile_section *l = &s[n + 1];
    memset(l, 0, sizeof *l);
    snprintf(l->name, sizeof l->name, "game");
    l->data = malloc(96);
    game_section gs = {length, difficulty};
    int gl = l->data ? game_section_text(&gs, (char *)l->data, 96) : -1;
    if (gl < 0) {
        save_seats_free(s, n + 2);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    l->len = (size_t)gl;
    *out = s;
    *count = n + 2;
    return 0;
}

int saveload_write(const char *path, const cp_world *w, cps_seats *seats, const cps_scenario_info *info,
                   const int *human, int length, cps_difficulty difficulty, char *err, size_t errlen)
{
    savefile_section *s;
    int n;
    if (sections_of(w, seats, info, human, length, difficulty, &s, &n, err, errlen) != 0) return -1;
    int r = savefile_write(path, w, s, n, err, errlen);
    save_seats_free(s, n);
    return r;
}

int saveload_autosave(const char *dir, const cp_world *w, cps_seats *seats, const cps_scenario_info *info,
                      const int *human, int length, cps_difficulty difficulty, char *path, size_t pathlen,
                      char *err, size_t errlen)
{
    savefile_section *s;
    int n;
    if (sections_of(w, seats, info, human, length, difficulty, &s, &n, err, errlen) != 0) return -1;
    int r = savefile_autosave(dir, w, s, n, SAVEFILE_KEEP_AUTOSAVES, path, pathlen, err, errlen);
    save_seats_free(s, n);
    return r;
}

int saveload_read(const char *path, const cps_seat_opts *opts, cp_world **w, cps_seats **seats, int *human,
                  int *length, cps_difficulty *difficulty, char *err, size_t errlen)
{
    savefile sf;
    if (savefile_read(path, NULL, &sf, err, errlen) != 0) return -1;
    cp_world *world = sf.world;
    /* the game's length and level ("game" section): 0 (the scenario's) and normal when the
     * save has none; one that does not read is refused, as `sim --load` refuses it */
    game_section gs;
    char why[160];
    if (game_section_read(savefile_find(&sf, "game"), &gs, why, sizeof why) != 0) {
        snprintf(err, errlen, "%s: damaged: %s", path, why);
        savefile_free(&sf);
        return -1;
    }
    /* the agents play on at the save's level, whatever the window's choice was */
    cps_seat_opts at_level;
    memset(&at_level, 0, sizeof at_level);
    if (opts) at_level = *opts;
    at_level.difficulty = gs.difficulty;
    cps_seats *st = NULL;
    if (savefile_find(&sf, "seats") && !(st = save_seats_restore(&sf, world, &at_level, err, errlen))) {
        savefile_free(&sf);
        return -1;
    }
    memset(human, 0, sizeof(int) * CP_MAX_NATIONS);
    const savefile_section *h = savefile_find(&sf, "ui.humans");
    for (size_t k = 0; h && k + 3 <= h->len; k += 4) {
        char iso[4] = {(char)h->data[k], (char)h->data[k + 1], (char)h->data[k + 2], 0};
        int n = cp_world_find_nation(world, iso);
        if (n >= 0) human[n] = 1;
    }
    *length = gs.length;
    if (difficulty) *difficulty = gs.difficulty;
    sf.world = NULL;
    savefile_free(&sf);
    *w = world;
    *seats = st;
    return 0;
}

int saveload_path_for(const char *name, char *out, size_t outlen, char *err, size_t errlen)
{
    char file[300];
    size_t len = strlen(name);
    if (len == 0) {
        snprintf(err, errlen, "give the save a name");
        return -1;
    }
    if (strchr(name, '/')) {
        snprintf(err, errlen, "a save's name cannot hold '/': it goes into %s/", SAVEFILE_DIR);
        return -1;
    }
    snprintf(file, sizeof file, "%s%s", name, len > 7 && strcmp(name + len - 7, ".cpsave") == 0 ? "" : ".cpsave");
    return savefile_path(file, out, outlen, err, errlen);
}
