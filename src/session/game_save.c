/* game_save.c -- a game in a save file and back (session.h): the world, the seats and their
 * agents' memories (save_seats.h), the human seats and the game's length, in the save format of
 * savefile.h (docs/saves.md).
 *
 * Beside the world and the seats' sections a game keeps two of its own:
 *   - "ui.humans": one ISO3 a line, the seats people play (the window wrote it first, hence
 *     the name; a save without it has none);
 *   - "game": "length N" (the turn the game ends at) and "difficulty LEVEL" (how well the
 *     agents are asked to play: easy, normal or hard), one "key value" a line; a save without
 *     the section, from before it existed, ends at its scenario's default_turns, one without
 *     the difficulty plays "normal", and keys this build does not know are skipped, so that a
 *     later build may add some.
 * Older builds skip sections they do not know, so neither needs a new container version. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game_internal.h"
#include "save_seats.h"
#include "savefile.h"

enum { MAX_LENGTH = 1000000 }; /* far beyond any game (REPLAY_MAX_TURN) */

/* A malloc'd section 'name' holding 'len' bytes of 'data'. */
static int add_section(savefile_section **list, int *count, const char *name, const void *data,
                       size_t len)
{
    savefile_section *grown = realloc(*list, sizeof *grown * (size_t)(*count + 1));
    if (!grown)
        return -1;
    *list = grown;
    savefile_section *s = &grown[*count];
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->data = malloc(len ? len : 1);
    if (!s->data)
        return -1;
    if (len)
        memcpy(s->data, data, len);
    s->len = len;
    (*count)++;
    return 0;
}

int game_sections(cpg_game *g, savefile_section **out, int *count, char *msg, size_t len)
{
    savefile_section *s = NULL;
    int n = 0;
    if (g->seats && save_seats_sections(g->seats, g->world, g->info_ref, &s, &n, msg, len) != 0)
        return -1;
    char humans[CP_MAX_NATIONS * 4 + 1];
    size_t hl = 0;
    for (int i = 0; i < cp_world_nation_count(g->world); i++)
        if (g->human[i]) {
            memcpy(humans + hl, cp_world_nation(g->world, i)->iso3, 3);
            humans[hl + 3] = '\n';
            hl += 4;
        }
    char game[96];
    int gl = snprintf(game, sizeof game, "length %d\ndifficulty %s\n", g->length,
                      cps_difficulty_name(g->opts.seats.difficulty));
    if ((hl && add_section(&s, &n, "ui.humans", humans, hl) != 0) ||
        add_section(&s, &n, "game", game, (size_t)gl) != 0) {
        save_seats_free(s, n);
        snprintf(msg, len, "out of memory");
        return -1;
    }
    *out = s;
    *count = n;
    return 0;
}

int cpg_save(cpg_game *g, const char *path, cpg_error *err)
{
    savefile_section *s = NULL;
    int n = 0;
    char msg[1400];
    if (game_sections(g, &s, &n, msg, sizeof msg) != 0)
        return game_fail(err, CPG_ERR_SAVE, "cannot save %s: %s", path, msg);
    int r = savefile_write(path, g->world, s, n, msg, sizeof msg);
    save_seats_free(s, n);
    if (r != 0)
        return game_fail(err, CPG_ERR_SAVE, "%s", msg);
    if (err) {
        err->code = CPG_OK;
        err->message[0] = '\0';
    }
    return 0;
}

/* The "game" section into 'g' ("key value" lines; unknown keys skipped). 0, or -1 with what
 * does not read in 'why'. */
static int read_game(cpg_game *g, const savefile_section *sec, char *why, size_t whylen)
{
    snprintf(why, whylen, "the game section does not read");
    size_t pos = 0;
    while (pos < sec->len) {
        const unsigned char *line = sec->data + pos;
        const unsigned char *nl = memchr(line, '\n', sec->len - pos);
        size_t n = nl ? (size_t)(nl - line) : sec->len - pos;
        pos += n + 1;
        char buf[128];
        if (n == 0)
            continue;
        if (n >= sizeof buf || memchr(line, '\0', n))
            return -1;
        memcpy(buf, line, n);
        buf[n] = '\0';
        if (strncmp(buf, "length ", 7) == 0) {
            char *end;
            errno = 0;
            long v = strtol(buf + 7, &end, 10);
            if (errno || end == buf + 7 || *end || v < 1 || v > MAX_LENGTH)
                return -1;
            g->length = (int)v;
        } else if (strncmp(buf, "difficulty ", 11) == 0) {
            if (cps_difficulty_parse(buf + 11, &g->opts.seats.difficulty) != 0) {
                snprintf(why, whylen, "the game section's difficulty '%.40s' is not %s", buf + 11,
                         CPS_DIFFICULTY_CHOICES);
                return -1;
            }
        }
    }
    return 0;
}

cpg_game *cpg_load(const char *path, const char *scenario, const cpg_opts *o, cpg_error *err)
{
    char msg[1400];
    cps_scenario_info info;
    memset(&info, 0, sizeof info);
    int have_info = 0;
    cp_scenario *sc = malloc(sizeof *sc); /* large: kept off the stack */
    if (!sc) {
        game_fail(err, CPG_ERR_MEMORY, "out of memory");
        return NULL;
    }
    if (scenario) {
        if (cps_scenario_load(scenario, sc, &info, msg, sizeof msg) != 0) {
            game_fail(err, CPG_ERR_SCENARIO, "%s", msg);
            free(sc);
            return NULL;
        }
        have_info = 1;
    }
    savefile sf;
    if (savefile_read(path, scenario ? sc->name : NULL, &sf, msg, sizeof msg) != 0) {
        game_fail(err, CPG_ERR_SAVE, "%s", msg);
        if (have_info)
            cps_scenario_info_free(&info);
        free(sc);
        return NULL;
    }
    cp_world *w = sf.world;
    sf.world = NULL;
    /* the scenario's briefing and default agents (for seats that fall back and the next
     * save), by the name the world carries; a scenario file gone since: none */
    if (!have_info && cps_scenario_load(cp_world_scenario(w)->name, sc, &info, msg, sizeof msg) == 0)
        have_info = 1;
    free(sc);
    cpg_game *g = game_wrap(w, o, err);
    if (!g) {
        savefile_free(&sf);
        if (have_info)
            cps_scenario_info_free(&info);
        return NULL;
    }
    g->loaded = 1;
    if (have_info) {
        g->info = info;
        g->have_info = 1;
        g->info_ref = &g->info;
    }
    /* the save's level, whatever the caller's options say: the game plays on as it was
     * played ("normal" for a save from before levels) */
    g->opts.seats.difficulty = CPS_DIFFICULTY_NORMAL;
    const savefile_section *game = savefile_find(&sf, "game");
    char why[160];
    if (game && read_game(g, game, why, sizeof why) != 0) {
        game_fail(err, CPG_ERR_SAVE, "%s: damaged: %s", path, why);
        goto fail;
    }
    if (o && o->length > 0)
        g->length = o->length;
    const savefile_section *h = savefile_find(&sf, "ui.humans");
    for (size_t k = 0; h && k + 3 <= h->len; k += 4) {
        char iso[4] = {(char)h->data[k], (char)h->data[k + 1], (char)h->data[k + 2], 0};
        int n = cp_world_find_nation(w, iso);
        if (n >= 0)
            g->human[n] = 1;
    }
    /* a save made without agents has no seats section and plays on without them */
    if (savefile_find(&sf, "seats")) {
        cps_seat_opts so = game_seat_opts(g);
        g->seats = save_seats_restore(&sf, w, &so, msg, sizeof msg);
        if (!g->seats) {
            game_fail(err, CPG_ERR_RESTORE, "%s", msg);
            goto fail;
        }
        g->tap.seats = g->seats;
        if (g->opts.watch)
            cps_seats_reload_changed(g->seats, NULL); /* note how the agent files look now */
    }
    savefile_free(&sf);
    if (err) {
        err->code = CPG_OK;
        err->message[0] = '\0';
    }
    return g;

fail:
    savefile_free(&sf);
    cpg_close(g);
    return NULL;
}

/* ---- where saves go ------------------------------------------------------------------------ */

void cpg_save_resolve(const char *name, char *out, size_t len)
{
    savefile_resolve(name, out, len);
}

int cpg_save_path(const char *name, char *out, size_t len, cpg_error *err)
{
    char msg[1400];
    if (savefile_path(name, out, len, msg, sizeof msg) != 0)
        return game_fail(err, CPG_ERR_SAVE, "%s", msg);
    return 0;
}

int cpg_save_check(const char *name, cpg_error *err)
{
    char msg[1400];
    if (savefile_check_target(name, msg, sizeof msg) != 0)
        return game_fail(err, CPG_ERR_SAVE, "%s", msg);
    return 0;
}

int cpg_save_path_typed(const char *name, char *out, size_t len, cpg_error *err)
{
    char file[300];
    size_t n = strlen(name);
    if (n == 0)
        return game_fail(err, CPG_ERR_SAVE, "give the save a name");
    if (strchr(name, '/'))
        return game_fail(err, CPG_ERR_SAVE, "a save's name cannot hold '/': it goes into %s/",
                         CPG_SAVE_DIR);
    snprintf(file, sizeof file, "%s%s", name,
             n > 7 && strcmp(name + n - 7, ".cpsave") == 0 ? "" : ".cpsave");
    return cpg_save_path(file, out, len, err);
}
