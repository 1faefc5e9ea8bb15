/* game.c -- a game as the program plays it (session.h): opening one, its seats and human
 * players, and cpg_play_turn, the one place outside the core where the world advances.
 *
 * Every program that plays -- sim, sweep, tournament, check-agent, the window, a server -- does
 * the same thing each quarter: let the agents decide, write down what was decided, resolve the
 * quarter, save. Written once here, each of them keeps only what is its own: sim its lines,
 * a tournament its ranking, the window its screens.
 *
 * The agents' lines (failures, fallbacks, print()) pass through the game on their way to
 * where the caller wants them (stderr, the window's news, nowhere), so that a recording takes
 * every one of them down whoever plays. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game_internal.h"
#include "save_seats.h"
#include "savefile.h"

int game_fail(cpg_error *err, cpg_status code, const char *fmt, ...)
{
    if (!err)
        return -1;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

static void ok(cpg_error *err)
{
    if (err) {
        err->code = CPG_OK;
        err->message[0] = '\0';
    }
}

/* ---- the agents' lines ------------------------------------------------------------------ */

/* cps_seat_opts.log of the game's seats: into the recording, then to the caller's log (stderr
 * when it has none). */
static void game_log(void *ud, const char *line)
{
    cpg_game *g = ud;
    replay_tap_record(&g->tap, line);
    if (g->opts.seats.log)
        g->opts.seats.log(g->opts.seats.log_ud, line);
    else
        fprintf(stderr, "%s\n", line);
}

/* cps_seat_opts.print: an agent's print() line into the recording, then to the caller's print
 * (none with prints_to_record: the recording only). */
static void game_print(void *ud, const char *line)
{
    cpg_game *g = ud;
    replay_tap_record(&g->tap, line);
    if (g->opts.seats.print)
        g->opts.seats.print(g->opts.seats.log_ud, line);
}

cps_seat_opts game_seat_opts(cpg_game *g)
{
    cps_seat_opts s = g->opts.seats;
    s.log = game_log;
    s.log_ud = g;
    s.print = g->opts.seats.print || g->opts.prints_to_record ? game_print : NULL;
    /* view.turns: the run's own end (sim --turns N) when the caller gives one, else the game's */
    s.last_turn = g->opts.seats.last_turn > 0 ? g->opts.seats.last_turn : g->length;
    return s;
}

/* ---- opening and closing ---------------------------------------------------------------- */

cpg_game *game_wrap(cp_world *w, const cpg_opts *o, cpg_error *err)
{
    cpg_game *g = calloc(1, sizeof *g);
    if (!g) {
        cp_world_destroy(w);
        game_fail(err, CPG_ERR_MEMORY, "out of memory");
        return NULL;
    }
    if (o)
        g->opts = *o;
    g->world = w;
    if (g->opts.autosave_dir)
        snprintf(g->autosave_dir, sizeof g->autosave_dir, "%s", g->opts.autosave_dir);
    g->opts.autosave_dir = NULL; /* the copy is used */
    if (g->opts.autosave_keep <= 0)
        g->opts.autosave_keep = SAVEFILE_KEEP_AUTOSAVES;
    g->length = g->opts.length > 0 ? g->opts.length : cp_world_scenario(w)->default_turns;
    g->deal_events_at_open = cp_world_deal_event_count(w);
    g->tap = (replay_tap){NULL, w, NULL, g->opts.seats.budget_instructions, 1, g->opts.rewrite,
                          g->opts.rewrite_ctx};
    return g;
}

/* Seat the agents of a new game: the scenario's defaults, then 'assign'. */
static int seat_new(cpg_game *g, const char *const *assign, int assign_count, cpg_error *err)
{
    if (g->opts.no_agents)
        return 0;
    cps_seat_opts so = game_seat_opts(g);
    char msg[1400];
    g->seats = cps_seats_create(g->world, g->info_ref, assign, assign_count, &so, msg, sizeof msg);
    if (!g->seats)
        return game_fail(err, CPG_ERR_SEATS, "%s", msg);
    g->tap.seats = g->seats;
    if (g->opts.watch)
        cps_seats_reload_changed(g->seats, NULL); /* note how the agent files look now */
    return 0;
}

cpg_game *cpg_new_from(const cp_scenario *sc, const cps_scenario_info *info, uint64_t seed,
                       const char *const *assign, int assign_count, const cpg_opts *o,
                       cpg_error *err)
{
    cp_error e;
    cp_world *w = o && o->start ? cp_world_create_like(o->start, sc, seed, &e)
                                : cp_world_create(sc, seed, &e);
    if (!w) {
        game_fail(err, CPG_ERR_WORLD, "%s", e.message);
        return NULL;
    }
    cpg_game *g = game_wrap(w, o, err);
    if (!g)
        return NULL;
    g->info_ref = info;
    if (seat_new(g, assign, assign_count, err) != 0) {
        cpg_close(g);
        return NULL;
    }
    ok(err);
    return g;
}

cpg_game *cpg_new(const char *scenario, uint64_t seed, const char *const *assign, int assign_count,
                  const cpg_opts *o, cpg_error *err)
{
    cp_scenario *sc = malloc(sizeof *sc); /* large: kept off the stack */
    cps_scenario_info info;
    char msg[1400];
    if (!sc) {
        game_fail(err, CPG_ERR_MEMORY, "out of memory");
        return NULL;
    }
    if (cps_scenario_load(scenario, sc, &info, msg, sizeof msg) != 0) {
        game_fail(err, CPG_ERR_SCENARIO, "%s", msg);
        free(sc);
        return NULL;
    }
    cp_error e;
    cp_world *w = cp_world_create(sc, seed, &e);
    free(sc);
    if (!w) {
        game_fail(err, CPG_ERR_WORLD, "%s", e.message);
        cps_scenario_info_free(&info);
        return NULL;
    }
    cpg_game *g = game_wrap(w, o, err);
    if (!g) {
        cps_scenario_info_free(&info);
        return NULL;
    }
    g->info = info;
    g->have_info = 1;
    g->info_ref = &g->info;
    if (seat_new(g, assign, assign_count, err) != 0) {
        cpg_close(g);
        return NULL;
    }
    ok(err);
    return g;
}

void cpg_close(cpg_game *g)
{
    if (!g)
        return;
    replay_rec_abandon(g->rec); /* a recording not finished stays marked incomplete */
    cps_seats_destroy(g->seats);
    cp_world_destroy(g->world);
    if (g->have_info)
        cps_scenario_info_free(&g->info);
    free(g);
}

/* ---- reading ------------------------------------------------------------------------------ */

cp_world *cpg_world(const cpg_game *g) { return g->world; }
cps_seats *cpg_seats(const cpg_game *g) { return g->seats; }
const cps_scenario_info *cpg_info(const cpg_game *g) { return g->info_ref; }
int cpg_is_loaded(const cpg_game *g) { return g->loaded; }
int cpg_length(const cpg_game *g) { return g->length; }
int cpg_is_over(const cpg_game *g) { return cp_world_turn(g->world) >= g->length; }

void cpg_set_length(cpg_game *g, int last_turn)
{
    g->length = last_turn > 0 ? last_turn : 0;
    if (g->seats)
        cps_seats_set_last_turn(g->seats, g->length);
}

cps_difficulty cpg_difficulty(const cpg_game *g) { return g->opts.seats.difficulty; }

void cpg_set_difficulty(cpg_game *g, cps_difficulty d)
{
    g->opts.seats.difficulty = d; /* for agents seated later too (game_seat_opts) */
    if (g->seats)
        cps_seats_set_difficulty(g->seats, d);
}

/* ---- seats and human players ------------------------------------------------------------- */

static int nation_ok(const cpg_game *g, int n)
{
    return n >= 0 && n < cp_world_nation_count(g->world);
}

int cpg_is_human(const cpg_game *g, int nation)
{
    return nation_ok(g, nation) && g->human[nation];
}

int cpg_seat(cpg_game *g, int nation, const char *agent, cpg_error *err)
{
    if (!nation_ok(g, nation))
        return game_fail(err, CPG_ERR_SEATS, "no nation %d in this game", nation);
    const char *who = agent ? agent : "";
    char msg[1400];
    if (!g->seats && who[0]) {
        /* a game without agents gets seats, all empty, for its first one */
        cps_seat_opts so = game_seat_opts(g);
        const char *none[CP_MAX_NATIONS];
        char text[CP_MAX_NATIONS][16];
        int count = cp_world_nation_count(g->world);
        for (int i = 0; i < count; i++) {
            snprintf(text[i], sizeof text[i], "%s=none", cp_world_nation(g->world, i)->iso3);
            none[i] = text[i];
        }
        g->seats = cps_seats_create(g->world, g->info_ref, none, count, &so, msg, sizeof msg);
        if (!g->seats)
            return game_fail(err, CPG_ERR_SEATS, "%s", msg);
        g->tap.seats = g->seats;
    }
    if (g->seats && cps_seats_assign(g->seats, nation, who, msg, sizeof msg) != 0)
        return game_fail(err, CPG_ERR_SEATS, "%s", msg);
    g->human[nation] = agent == NULL;
    if (agent)
        g->ready[nation] = 0;
    ok(err);
    return 0;
}

void cpg_set_ready(cpg_game *g, int nation, int ready)
{
    if (nation_ok(g, nation))
        g->ready[nation] = ready != 0;
}

int cpg_is_ready(const cpg_game *g, int nation)
{
    return nation_ok(g, nation) && g->ready[nation];
}

int cpg_next_unready(const cpg_game *g, int from)
{
    for (int n = from < 0 ? 0 : from; n < cp_world_nation_count(g->world); n++)
        if (g->human[n] && !g->ready[n])
            return n;
    return -1;
}

int cpg_seat_names(const cpg_game *g, char names[][300], int max)
{
    int count = 0;
    for (int n = 0; g->seats && n < cp_world_nation_count(g->world) && count < max; n++) {
        const char *agent = cps_seats_agent_path(g->seats, n);
        if (!agent[0])
            continue;
        snprintf(names[count], 300, "%s=%.290s", cp_world_nation(g->world, n)->iso3, agent);
        count++;
    }
    return count;
}

/* ---- playing ------------------------------------------------------------------------------- */

cp_status cpg_inject(cpg_game *g, const cp_event *e, cp_error *err)
{
    cp_status st = cp_world_inject_event(g->world, e, err);
    if (st == CP_OK) {
        replay_rec_inject(g->rec, e);
        g->injected++;
    }
    return st;
}

/* The recording failed mid-game: it stops (left incomplete), the game goes on. */
static int record_failed(cpg_game *g, const char *msg, cpg_error *err)
{
    replay_rec_abandon(g->rec);
    g->rec = NULL;
    g->tap.rec = NULL;
    return game_fail(err, CPG_ERR_RECORD, "%s", msg);
}

int cpg_play_turn(cpg_game *g, cpg_error *err)
{
    cp_world *w = g->world;
    char msg[1400];
    int status = 0;
    ok(err);
    /* the deals as they stand, to tell each seat afterwards what became of its own */
    g->deals_before = cp_world_deal_count(w);
    for (int i = 0; i < g->deals_before && i < CP_MAX_DEALS; i++)
        g->deal_before[i] = (unsigned char)cp_world_deal(w, i)->status;
    g->have_deals_before = 1;
    if (g->seats) {
        if (g->opts.watch)
            cps_seats_reload_changed(g->seats, NULL); /* edits since: logged, kept or refused */
        cps_seats_run_turn(g->seats); /* failures are logged; the game goes on */
    }
    replay_tap_turn(&g->tap);
    if (g->rec && replay_rec_before(g->rec, w, msg, sizeof msg) != 0)
        status = record_failed(g, msg, err);
    cp_world_advance(w);
    g->played++;
    if (g->rec && replay_rec_after(g->rec, w, msg, sizeof msg) != 0)
        status = record_failed(g, msg, err);
    memset(g->ready, 0, sizeof g->ready);
    if (g->autosave_dir[0]) {
        savefile_section *sections = NULL;
        int count = 0;
        char path[1024];
        if (game_sections(g, &sections, &count, msg, sizeof msg) != 0 ||
            savefile_autosave(g->autosave_dir, w, sections, count, g->opts.autosave_keep, path,
                              sizeof path, msg, sizeof msg) != 0) {
            if (status == 0)
                status = game_fail(err, CPG_ERR_AUTOSAVE, "%s", msg);
        } else {
            snprintf(g->last_autosave, sizeof g->last_autosave, "%s", path);
            g->last_autosave_turn = cp_world_turn(w);
        }
        save_seats_free(sections, count);
    }
    return status;
}

const char *cpg_deal_news(const cpg_game *g, int nation, char *buf, size_t len)
{
    const cp_world *w = g->world;
    size_t used = 0;
    if (len)
        buf[0] = '\0';
    for (int i = 0; g->have_deals_before && i < cp_world_deal_count(w) && i < CP_MAX_DEALS; i++) {
        const cp_deal *d = cp_world_deal(w, i);
        if (i < g->deals_before && g->deal_before[i] == (unsigned char)d->status)
            continue;
        for (int k = 0; k < d->party_count; k++) {
            if (d->parties[k] != nation)
                continue;
            int other = d->parties[k == 0 ? 1 : 0];
            const cp_nation *x = cp_world_nation(w, other);
            if (used < len)
                used += (size_t)snprintf(buf + used, len - used, "%sDeal #%d with %s: %s",
                                         used ? "; " : "", d->id, x ? x->name : "?",
                                         cp_deal_status_name(d->status));
        }
    }
    return buf;
}

const char *cpg_last_autosave(const cpg_game *g, int *turn)
{
    if (turn)
        *turn = g->last_autosave_turn;
    return g->last_autosave;
}

/* ---- recording ------------------------------------------------------------------------------ */

int cpg_record_start(cpg_game *g, const char *path, const char *scenario, const char *const *names,
                     int name_count, cpg_error *err)
{
    static const int max = CP_MAX_NATIONS;
    char (*text)[300] = NULL;
    const char *list[CP_MAX_NATIONS];
    if (!names) {
        text = malloc(sizeof *text * (size_t)max);
        if (!text)
            return game_fail(err, CPG_ERR_MEMORY, "out of memory");
        name_count = cpg_seat_names(g, text, max);
        for (int i = 0; i < name_count; i++)
            list[i] = text[i];
        names = list;
    }
    /* a game that cannot be rebuilt from its scenario and seed records its world as the start */
    int from_save = g->loaded || g->played > 0 || g->injected > 0 ||
                    cp_world_deal_event_count(g->world) != g->deal_events_at_open;
    char msg[1400];
    replay_rec_abandon(g->rec);
    g->rec = replay_rec_open(path, scenario, g->world, from_save, names, name_count,
                             g->opts.seats.difficulty, msg, sizeof msg);
    free(text);
    g->tap.rec = g->rec;
    if (!g->rec)
        return game_fail(err, CPG_ERR_RECORD, "%s", msg);
    ok(err);
    return 0;
}

int cpg_record_finish(cpg_game *g, cpg_error *err)
{
    char msg[1400];
    int r = replay_rec_close(g->rec, msg, sizeof msg);
    g->rec = NULL;
    g->tap.rec = NULL;
    if (r != 0)
        return game_fail(err, CPG_ERR_RECORD, "%s", msg);
    ok(err);
    return 0;
}
