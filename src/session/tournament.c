/* tournament.c -- the tournament engine (batch.h) behind `chokepoint
 * tournament`: load the scenario, find the seat, refuse an agent that does
 * not load in it before a game is played (exit 2), play the matches on the
 * worker pool (pool.c, tournament_match.c) and hand the results to the
 * report (tournament_report.c). Its messages name the command's flags, as
 * the command printed them before the engine moved here. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "file_io.h"
#include "script.h"
#include "session.h"

/* The pool's task: one match, its result stays in t->match. */
static int run_task(void *ud, int m, void **result, char *err, size_t errlen)
{
    (void)result;
    return tour_play_match(ud, m, err, errlen);
}

/* Each agent's file, its name in messages and its label in the table.
 * Returns 0, or -1 after saying why. */
static int name_agents(tournament *t)
{
    for (int k = 0; k < t->agent_count; k++) {
        tour_agent *ag = &t->agent[k];
        if (cps_resolve_script("scripts/agents", ag->file, ag->path, sizeof ag->path, ag->display,
                               sizeof ag->display) != 0) {
            fprintf(stderr, "chokepoint tournament: --agents %s: file name too long\n", ag->file);
            return -1;
        }
        snprintf(ag->given, sizeof ag->given, "%s=%.1000s", t->seat_iso3, ag->file);
        const char *slash = strrchr(ag->display, '/');
        const char *base = slash ? slash + 1 : ag->display;
        snprintf(ag->label, sizeof ag->label, "%.60s", base);
        for (int j = 0; j < k; j++)
            if (strcmp(t->agent[j].label, ag->label) == 0) /* same name, other folder */
                snprintf(ag->label, sizeof ag->label, "%.50s#%d", base, k + 1);
    }
    return 0;
}

/* Seat agent 'k' (its copy) beside the other seats' agents in a game of the first seed, to
 * refuse a file that does not load before a game is played. Returns 0, or -1 after saying why,
 * naming the file the modder gave. */
static int check_agent(const tournament *t, int k)
{
    const tour_agent *ag = &t->agent[k];
    const char *assign[TOUR_MAX_OTHERS + 1];
    for (int i = 0; i < t->other_count; i++)
        assign[i] = t->others_play[i];
    assign[t->other_count] = ag->assign;
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.seats.quiet = 1;
    o.seats.budget_instructions = t->budget;
    o.seats.mem_bytes = (size_t)t->mem_mib << 20;
    o.seats.wall_s = (double)t->wall_ms / 1000.0;
    o.made = CPG_MADE_NONE; /* no without-worlds: nothing here reads made */
    cpg_error e;
    char shown[1400];
    cpg_game *g = cpg_new_from(t->scen, &t->play_info, tour_game_seed(t->master, t->seeds[0]),
                               assign, t->other_count + 1, &o, &e);
    if (g) {
        cpg_close(g);
        return 0;
    }
    const char *err = e.message;
    /* the seats name the assignment ("--agent USA=...: "); the modder typed --agents */
    size_t pl = strlen("--agent ") + strlen(ag->assign) + 2;
    const char *why = strncmp(err, "--agent ", 8) == 0 &&
                              strncmp(err + 8, ag->assign, strlen(ag->assign)) == 0 &&
                              strlen(err) > pl ? err + pl : err;
    tour_unsnap(t, why, shown, sizeof shown);
    fprintf(stderr, "chokepoint tournament: --agents %s: %s\n", ag->file, shown);
    return -1;
}

/* Everything after the flags: load the scenario, find the seat, check that
 * every agent loads in it, play, report. Returns the exit status. */
int tour_run(tournament *t, const char *scenario, const char *seat, long turns, int jobs,
             const char *csv_path, int quiet, int argc, char **argv)
{
    static cp_scenario sc;
    static cps_scenario_info info;
    char err[1400] = "";
    int status = 2;
    FILE *csv = NULL;
    memset(&info, 0, sizeof info);
    if (cps_scenario_load(scenario, &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint tournament: --scenario: %s\n", err);
        goto done;
    }
    t->scenario_arg = scenario;
    t->scen = &sc;
    t->info = &info;
    t->turns = turns < 0 ? sc.default_turns : (int)turns;
    t->total = t->agent_count * t->seed_count;

    /* the seat, and every agent loading in it (a world of the first seed) */
    {
        cp_error e;
        cp_world *w = cp_world_create(&sc, tour_game_seed(t->master, t->seeds[0]), &e);
        if (!w) {
            fprintf(stderr, "chokepoint tournament: %s\n", e.message);
            goto done;
        }
        t->seat = strlen(seat) == 3 ? cp_world_find_nation(w, seat) : -1;
        if (t->seat < 0) {
            fprintf(stderr, "chokepoint tournament: --seat %s: no nation %s in %s\n", seat, seat,
                    sc.name);
            cp_world_destroy(w);
            goto done;
        }
        snprintf(t->seat_iso3, sizeof t->seat_iso3, "%s", cp_world_nation(w, t->seat)->iso3);
        for (int i = 0; i < t->other_count; i++)
            if (strncmp(t->others[i], t->seat_iso3, 3) == 0 && t->others[i][3] == '=') {
                fprintf(stderr, "chokepoint tournament: --agent %s: %s is the seat the agents "
                                "play\n", t->others[i], t->seat_iso3);
                cp_world_destroy(w);
                goto done;
            }
        int bad = name_agents(t) != 0 ||
                  tour_snapshot_take(t, cp_world_nation_count(w), err, sizeof err) != 0;
        if (bad && err[0])
            fprintf(stderr, "chokepoint tournament: %s\n", err);
        for (int k = 0; k < t->agent_count && !bad; k++)
            bad = check_agent(t, k) != 0;
        if (bad) {
            cp_world_destroy(w);
            goto done;
        }
        cp_world_destroy(w);
    }
    if (t->replays && file_mkdirs(t->replays, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint tournament: --replays %s: %s\n", t->replays, err);
        goto done;
    }
    if (csv_path) {
        csv = strcmp(csv_path, "-") == 0 ? stdout : fopen(csv_path, "w");
        if (!csv) {
            fprintf(stderr, "chokepoint tournament: --csv %s: cannot write: %s\n", csv_path,
                    strerror(errno));
            goto done;
        }
    }
    t->match = calloc((size_t)t->total, sizeof *t->match);
    if (!t->match) {
        fprintf(stderr, "chokepoint tournament: out of memory\n");
        goto done;
    }

    /* play */
    pool_job job = {"tournament", "games", t->total, jobs, !quiet && isatty(STDERR_FILENO),
                    run_task, NULL, t};
    pool_result res;
    if (pool_run(&job, &res) != 0) {
        fprintf(stderr, "chokepoint tournament: %s\n", res.message);
        status = 1;
        goto done;
    }
    tour_snapshot_note_changes(t, stderr);

    /* report: the table on stdout (after the CSV when that goes there too) */
    status = 0;
    if (csv) {
        char cmd[4096];
        cpg_program_call(cmd, sizeof cmd, "tournament");
        for (int i = 0; i < argc; i++)
            cpg_shell_append(cmd, sizeof cmd, argv[i]);
        int bad = tour_write_csv(t, csv) != 0;
        char perr[1400];
        if (csv != stdout && tour_write_package(t, csv_path, cmd, perr, sizeof perr) != 0) {
            fprintf(stderr, "chokepoint tournament: --csv %s: %s\n", csv_path, perr);
            bad = 1;
        }
        if (csv != stdout)
            bad |= fclose(csv) != 0;
        else
            bad |= fflush(stdout) != 0;
        csv = NULL;
        if (bad) {
            fprintf(stderr, "chokepoint tournament: --csv %s: error writing\n", csv_path);
            status = 2;
        }
    }
    tour_print_table(t, csv_path && strcmp(csv_path, "-") == 0 ? stderr : stdout);
    if (!quiet)
        fprintf(stderr, "tournament: %d games x %d turns in %.2f s on %d thread%s%s%s\n",
                t->total, t->turns, res.elapsed_s, res.threads, res.threads == 1 ? "" : "s",
                csv_path ? " -> " : "", csv_path ? csv_path : "");

done:
    tour_snapshot_drop(t);
    if (csv && csv != stdout)
        fclose(csv);
    free(t->match);
    free(t->seeds);
    cps_scenario_info_free(&info);
    return status;
}

