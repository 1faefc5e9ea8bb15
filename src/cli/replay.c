/* replay.c -- `chokepoint replay FILE`: play a recorded game again from its
 * start, making the recorded decisions turn by turn, and check the state
 * hash after every turn against the recording. Exit status: 0 when every
 * turn comes out the same, 1 at the first turn that differs (named), 2 when
 * the file cannot be read, is damaged or incomplete, or its scenario
 * cannot be loaded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "replay_log.h"
#include "session.h"

static void usage(FILE *f)
{
    fputs("usage: chokepoint replay FILE [--quiet] [--orders] [--log] [--seat ISO3] [--turns A-B] [--json]\n"
          "  FILE      a replay recorded with `chokepoint sim ... --record FILE`\n"
          "  --quiet   print nothing when the replay matches\n"
          "  --orders  print each turn's orders (done, partly done or refused, what they spent)\n"
          "            and deal actions (proposals with their terms, answers, counters)\n"
          "  --log     print each turn's agents' budget use, failures and print() lines\n"
          "  --seat    only what one nation did (an ISO3 code)\n"
          "  --turns   only turns A to B (as played: 0 is the first), or one turn A\n"
          "  --json    one JSON object a line instead of text\n"
          "Plays the game again and checks the state hash after every turn.\n"
          "Exit status: 0 identical, 1 differs (the first differing turn is named),\n"
          "2 a bad or incomplete file.\n",
          f);
}

/* The agents' records (formats 2 and 3), summed up: they do not decide the game,
 * so the check above needs none of them; the window shows them turn by
 * turn. Nothing when the recording has none. */
static void print_agents(const replay *r, const char *file)
{
    int turns = 0, failures = 0, lines = 0, wall = 0, first_wall = -1;
    for (int k = 0; k < r->turn_count; k++) {
        const replay_turn *t = &r->turns[k];
        turns += t->seat_count > 0 || t->line_count > 0;
        for (int i = 0; i < t->seat_count; i++) {
            failures += t->seats[i].failed;
            wall += t->seats[i].wall;
            if (t->seats[i].wall && first_wall < 0)
                first_wall = t->turn - 1;
        }
        lines += t->line_count;
    }
    if (turns > 0)
        printf("  agents: %d turns recorded, %d failed agent turns, %d log lines; watch them with "
               "`chokepoint play --replay %s`\n", turns, failures, lines, file);
    /* the recorded decisions make the game: this file replays it exactly, but
     * a call the wall clock stopped ended at a moment of that run's own */
    if (wall > 0)
        printf("  not reproducible from its seed: the wall clock stopped %d agent call%s (first "
               "in turn %d); this replay reproduces the game, playing it again from its seed "
               "may not\n", wall, wall == 1 ? "" : "s", first_wall);
}

int cmd_replay(int argc, char **argv)
{
    static const struct option flags[] = {{"quiet", no_argument, NULL, 'q'},
                                           {"help", no_argument, NULL, 'h'},
                                           {"orders", no_argument, NULL, 'o'},
                                           {"log", no_argument, NULL, 'l'},
                                           {"json", no_argument, NULL, 'j'},
                                           {"seat", required_argument, NULL, 's'},
                                           {"turns", required_argument, NULL, 't'},
                                           {NULL, 0, NULL, 0}};
    replay_log_opts lo = {0, 0, 0, -1, 0, 1 << 30};
    const char *seat = NULL;
    cli_args a = {0};
    a.unexpected = 1; /* "unexpected argument '--bogus'" as before */
    const char *file = NULL, *v;
    int quiet = 0, c;
    if (cli_begin(&a, "replay", argc, argv) != 0)
        return 2;
    while ((c = cli_next(&a, flags, &v)) != 0) {
        if (c == 'h') {
            cli_end(&a);
            usage(stdout);
            return 0;
        }
        if (c == 'o' || c == 'l' || c == 'j') {
            *(c == 'o' ? &lo.orders : c == 'l' ? &lo.log : &lo.json) = 1;
            continue;
        }
        if (c == 's') {
            seat = v;
            continue;
        }
        if (c == 't') {
            int from, to, used = 0;
            if (sscanf(v, "%d-%d%n", &from, &to, &used) == 2 && v[used] == '\0' && from >= 0 &&
                to >= from) {
                lo.from_turn = from, lo.to_turn = to;
            } else if (sscanf(v, "%d%n", &from, &used) == 1 && v[used] == '\0' && from >= 0) {
                lo.from_turn = lo.to_turn = from;
            } else {
                fprintf(stderr, "chokepoint replay: --turns %s: A-B (0 <= A <= B) or one turn A\n", v);
                cli_end(&a);
                return 2;
            }
            continue;
        }
        if (c != 'q') { /* -1: cli_next said why */
            cli_end(&a);
            usage(stderr);
            return 2;
        }
        quiet = 1;
    }
    for (int i = a.index; i < a.argc; i++) {
        if (file) {
            fprintf(stderr, "chokepoint replay: unexpected argument '%s'\n", a.argv[i]);
            cli_end(&a);
            usage(stderr);
            return 2;
        }
        file = a.argv[i];
    }
    cli_end(&a);
    if (!file) {
        fprintf(stderr, "chokepoint replay: which replay file?\n");
        usage(stderr);
        return 2;
    }
    cpg_error e;
    cpg_playback *p = cpg_playback_open(file, &e);
    if (!p) {
        fprintf(stderr, "chokepoint replay: %s\n", e.message);
        return 2;
    }
    const replay *r = cpg_playback_recording(p);
    int status = 0;
    if (seat) {
        lo.seat = cp_world_find_nation(cpg_playback_world(p), seat);
        if (lo.seat < 0) {
            fprintf(stderr, "chokepoint replay: --seat %s: no nation %s in %s\n", seat, seat,
                    r->scenario_name);
            cpg_playback_close(p);
            return 2;
        }
    }
    if ((seat || lo.json || lo.from_turn > 0 || lo.to_turn < (1 << 30)) && !lo.orders && !lo.log)
        lo.orders = lo.log = 1; /* narrowing or --json alone: both */
    if (cpg_playback_start_differs(p)) {
        printf("%s: differs at turn %d, the start: hash %016llx, recorded %016llx (has the "
               "scenario '%s' changed?)\n", file, r->start_turn,
               (unsigned long long)cp_world_hash(cpg_playback_world(p)),
               (unsigned long long)r->start_hash, r->scenario);
        status = 1;
    }
    for (int k = 0; k < r->turn_count && status == 0; k++) {
        char why[600];
        if (cpg_playback_step(p, why, sizeof why) != CPG_STEP_OK) {
            printf("%s: differs at turn %d: %s\n", file, r->turns[k].turn, why);
            status = 1;
        } else if (lo.orders || lo.log) {
            replay_log_turn(stdout, cpg_playback_world(p), &r->turns[k], &lo);
        }
    }
    if (status == 0 && !r->complete) {
        fprintf(stderr, "chokepoint replay: %s: incomplete: the recording stops after turn %d "
                "(the game was interrupted); the %d turns recorded match\n",
                file, r->start_turn + r->turn_count, r->turn_count);
        status = 2;
    } else if (status == 0 && !quiet) {
        if (lo.json) { /* stdout holds only the JSON lines */
            fprintf(stderr, "%s: identical\n", file);
            cpg_playback_close(p);
            return 0;
        }
        /* the agents' level, when it is not the default (format 5 records it) */
        char level[32] = "";
        if (r->difficulty != CPS_DIFFICULTY_NORMAL)
            snprintf(level, sizeof level, ", difficulty %s", cps_difficulty_name(r->difficulty));
        printf("%s: %s, seed %llu%s, turns %d to %d: identical (hash %016llx)\n", file,
               r->scenario_name, (unsigned long long)r->seed, level, r->start_turn + 1,
               r->start_turn + r->turn_count,
               (unsigned long long)cp_world_hash(cpg_playback_world(p)));
        print_agents(r, file);
    }
    cpg_playback_close(p);
    return status;
}
