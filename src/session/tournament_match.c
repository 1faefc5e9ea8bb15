/* tournament_match.c -- one match of a tournament: an agent in the seat,
 * the scenario's agents everywhere else, played headless on a worker
 * thread (optionally recorded as a replay), and the figures the ranking
 * needs. Also the `chokepoint sim` command that plays the same match alone:
 * the same scenario, game seed, turns, seats and limits give the same hash. */
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "session.h"
#include "xoshiro.h"

unsigned long long tour_game_seed(unsigned long long master, unsigned long long seed)
{
    uint64_t z = xo_mix((uint64_t)master * XO_GOLDEN + (uint64_t)seed + 0x632BE59BD9B4E019ull);
    return (unsigned long long)(z & 0xFFFFFFFFFFFFull);
}

/* The seats' log: a tournament keeps only what the stats say (the seat's
 * first failure goes into its CSV row), so lines are dropped here rather
 * than thousands of them reaching the terminal. */
static void drop_line(void *ud, const char *line)
{
    (void)ud;
    (void)line;
}

/* cpg_opts.rewrite: the agents' own file names in replays, not the snapshots'. */
static void unsnap(const void *ctx, const char *in, char *out, size_t cap)
{
    tour_unsnap(ctx, in, out, cap);
}

static int agent_index(const tournament *t, int m) { return m % t->agent_count; }
static int seed_index(const tournament *t, int m) { return m / t->agent_count; }

/* The seats' assignments of match 'm': the other seats given with --agent,
 * then the agent under test in the seat, as matches seat it (its copy,
 * tournament_snapshot.c) or, for commands, as the modder gave it. */
static int assignments(const tournament *t, int m, int as_given, const char **assign)
{
    int n = 0;
    for (int i = 0; i < t->other_count; i++)
        assign[n++] = as_given ? t->others[i] : t->others_play[i];
    const tour_agent *a = &t->agent[agent_index(t, m)];
    assign[n++] = as_given ? a->given : a->assign;
    return n;
}

/* Where match 'm' is recorded: DIR/LABEL-seedN.replay. */
static void replay_path(const tournament *t, int m, char *path, size_t cap)
{
    const tour_agent *a = &t->agent[agent_index(t, m)];
    char base[64];
    snprintf(base, sizeof base, "%s", a->label);
    char *dot = strstr(base, ".lua"); /* "x.lua#2" -> "x#2" */
    if (dot)
        memmove(dot, dot + 4, strlen(dot + 4) + 1);
    for (char *p = base; *p; p++)
        if (*p == '/' || *p == ' ')
            *p = '_';
    snprintf(path, cap, "%s/%s-seed%llu.replay", t->replays, base,
             t->seeds[seed_index(t, m)]);
}

int tour_play_match(const tournament *t, int m, char *err, size_t errlen)
{
    tour_match *r = &t->match[m];
    memset(r, 0, sizeof *r);
    r->game_seed = tour_game_seed(t->master, t->seeds[seed_index(t, m)]);
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.seats.budget_instructions = t->budget;
    o.seats.wall_s = (double)t->wall_ms / 1000.0;
    o.seats.mem_bytes = (size_t)t->mem_mib << 20;
    o.seats.difficulty = t->difficulty; /* the agent under test and every other seat */
    /* agents read the turn the match ends at as view.turns, as `sim --turns N` (the row's
     * command) gives it them */
    o.seats.last_turn = t->turns;
    /* with --replays the agents' lines (prints too) go into each replay (AGNT records, for
     * the replay viewer), never to the terminal; without, they are dropped */
    o.seats.quiet = !t->replays;
    o.seats.log = drop_line;
    o.rewrite = unsnap;
    o.rewrite_ctx = t;
    /* made: the seat under test alone is measured, one more world a quarter */
    o.made = CPG_MADE_MASK;
    o.made_mask = 1u << t->seat;
    const char *assign[TOUR_MAX_OTHERS + 1];
    int n = assignments(t, m, 0, assign);
    char shown[1024];
    cpg_error e;
    cpg_game *g = cpg_new_from(t->scen, &t->play_info, r->game_seed, assign, n, &o, &e);
    if (!g) {
        tour_unsnap(t, e.message, shown, sizeof shown);
        snprintf(err, errlen, "match %d: %s", m + 1, shown);
        return -1;
    }
    const cp_world *w = cpg_world(g);
    cps_seats *seats = cpg_seats(g);
    if (t->replays) {
        /* the seats as the modder knows them: the agent under test as given, the others'
         * files rather than their copies */
        const char *names[CP_MAX_NATIONS];
        char text[CP_MAX_NATIONS][300];
        int count = 0;
        for (int i = 0; i < cp_world_nation_count(w); i++) {
            const char *path = cps_seats_agent_path(seats, i);
            if (!path[0])
                continue;
            tour_unsnap(t, i == t->seat ? t->agent[agent_index(t, m)].file : path, shown,
                        sizeof shown);
            snprintf(text[count], sizeof text[count], "%s=%.290s", cp_world_nation(w, i)->iso3,
                     shown);
            names[count] = text[count];
            count++;
        }
        char path[1200];
        replay_path(t, m, path, sizeof path);
        if (cpg_record_start(g, path, t->scenario_arg, names, count, &e) != 0)
            goto replay_failed;
    }

    /* the agent under test plays every turn until it falls back (its third
     * failure in a row): count its turns, failures and instructions */
    long long instructions = 0;
    int fell_back = 0, failures_before = 0;
    for (int turn = 0; turn < t->turns; turn++) {
        if (cpg_play_turn(g, &e) != 0)
            goto replay_failed; /* (only a recording can fail) */
        const cps_seat_stats *st = cps_seats_stats(seats, t->seat);
        if (!fell_back) {
            r->agent_turns++;
            instructions += st->last_instructions;
            if (st->last_instructions > r->max_instructions)
                r->max_instructions = st->last_instructions;
            r->failures += st->failures_total - failures_before;
            r->refused += st->last_refused;
            if (st->last_failed && !r->first_failure[0]) {
                tour_unsnap(t, st->last_message, shown, sizeof shown);
                snprintf(r->first_failure, sizeof r->first_failure, "turn %d: %.280s", turn,
                         shown);
            }
            fell_back = st->fallbacks > 0;
        }
        failures_before = st->failures_total;
        for (int i = 0; i < cp_world_nation_count(w); i++) {
            const cps_seat_stats *si = cps_seats_stats(seats, i);
            if (si->has_agent && si->last_wall) {
                if (!r->wall_stops)
                    r->wall_turn = turn;
                r->wall_stops += si->last_wall;
            }
        }
    }
    if (cpg_record_finish(g, &e) != 0)
        goto replay_failed;
    const cps_seat_stats *st = cps_seats_stats(seats, t->seat);
    r->fallbacks = st->fallbacks;
    r->instructions_per_turn = r->agent_turns ? (double)instructions / r->agent_turns : 0;
    r->score = cp_world_nation(w, t->seat)->score;
    cpg_made made;
    if (cpg_made_at(g, t->seat, cp_world_turn(w), &made) == 0) {
        r->made = made.total;
        for (int k = 0; k < CP_PART_COUNT; k++)
            r->made_part[k] = made.part[k];
    }
    r->hash = cp_world_hash(w);
    cpg_close(g);
    return 0;

replay_failed:
    snprintf(err, errlen, "--replays: %s", e.message);
    cpg_close(g); /* the recording is left marked incomplete */
    return -1;
}

void tour_match_command(const tournament *t, int m, char *cmd, size_t cap)
{
    char num[32];
    cpg_program_call(cmd, cap, "sim"); /* the full path unless `chokepoint` on $PATH is this program */
    cpg_shell_append(cmd, cap, "--scenario");
    cpg_shell_append(cmd, cap, t->scenario_arg);
    cpg_shell_append(cmd, cap, "--seed");
    snprintf(num, sizeof num, "%llu", tour_game_seed(t->master, t->seeds[seed_index(t, m)]));
    cpg_shell_append(cmd, cap, num);
    cpg_shell_append(cmd, cap, "--turns");
    snprintf(num, sizeof num, "%d", t->turns);
    cpg_shell_append(cmd, cap, num);
    const char *assign[TOUR_MAX_OTHERS + 1];
    int n = assignments(t, m, 1, assign);
    for (int i = 0; i < n; i++) {
        cpg_shell_append(cmd, cap, "--agent");
        cpg_shell_append(cmd, cap, assign[i]);
    }
    if (t->difficulty != CPS_DIFFICULTY_NORMAL) { /* sim plays normal unless told */
        cpg_shell_append(cmd, cap, "--difficulty");
        cpg_shell_append(cmd, cap, cps_difficulty_name(t->difficulty));
    }
    if (t->budget) {
        cpg_shell_append(cmd, cap, "--agent-budget");
        snprintf(num, sizeof num, "%ld", t->budget);
        cpg_shell_append(cmd, cap, num);
    }
    if (t->wall_ms) {
        cpg_shell_append(cmd, cap, "--agent-wall");
        snprintf(num, sizeof num, "%ld", t->wall_ms);
        cpg_shell_append(cmd, cap, num);
    }
    if (t->mem_mib) {
        cpg_shell_append(cmd, cap, "--agent-mem");
        snprintf(num, sizeof num, "%ld", t->mem_mib);
        cpg_shell_append(cmd, cap, num);
    }
}
