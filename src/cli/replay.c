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
#include "replay_file.h"
#include "scenario_load.h"

static void usage(FILE *f)
{
    fputs("usage: chokepoint replay FILE [--quiet]\n"
          "  FILE     a replay recorded with `chokepoint sim ... --record FILE`\n"
          "  --quiet  print nothing when the replay matches\n"
          "Plays the game again and checks the state hash after every turn.\n"
          "Exit status: 0 identical, 1 differs (the first differing turn is named),\n"
          "2 a bad or incomplete file.\n",
          f);
}

static const char *iso(const cp_world *w, int n)
{
    const cp_nation *x = cp_world_nation(w, n);
    return x ? x->iso3 : "?";
}

/* Make the decisions recorded for turn 't'. Returns 0, or -1 with 'why':
 * the world refused one, so the game has already gone another way. */
static int make_decisions(cp_world *w, const replay_turn *t, char *why, size_t len)
{
    cp_error e;
    for (int k = 0; k < t->order_count; k++) {
        const cp_order *o = &t->orders[k];
        if (cp_world_submit(w, o, &e) != CP_OK) {
            snprintf(why, len, "its order %d (%s by %s) is refused: %s", k + 1,
                     cp_order_kind_name(o->kind), iso(w, o->nation), e.message);
            return -1;
        }
    }
    for (int k = 0; k < t->event_count; k++)
        if (cp_world_inject_event(w, &t->events[k], &e) != CP_OK) {
            snprintf(why, len, "its injected event %d is refused: %s", k + 1, e.message);
            return -1;
        }
    for (int k = 0; k < t->action_count; k++) {
        const replay_action *a = &t->actions[k];
        cp_status st = CP_OK;
        const char *what = "proposal";
        switch (a->kind) {
        case REPLAY_PROPOSE: {
            int id = cp_world_propose(w, &a->deal, &e);
            if (id != a->deal_id) {
                if (id >= 0)
                    snprintf(e.message, sizeof e.message, "it became deal %d, not %d", id,
                             a->deal_id);
                st = CP_ERR_BAD_STATE;
            }
            break;
        }
        case REPLAY_ACCEPT:
        case REPLAY_REJECT:
            what = a->kind == REPLAY_ACCEPT ? "acceptance" : "rejection";
            st = cp_world_answer(w, a->deal_id, a->nation,
                                 a->kind == REPLAY_ACCEPT ? CP_ANSWER_ACCEPT : CP_ANSWER_REJECT, &e);
            break;
        case REPLAY_COUNTER:
            what = "counter";
            st = cp_world_counter(w, a->deal_id, a->nation, &a->deal, &e);
            break;
        case REPLAY_WITHDRAW:
            what = "withdrawal";
            st = cp_world_withdraw_deal(w, a->deal_id, a->nation, &e);
            break;
        case REPLAY_ACTION_COUNT:
            break;
        }
        if (st != CP_OK) {
            snprintf(why, len, "the %s of deal %d by %s is refused: %s", what, a->deal_id,
                     iso(w, a->nation), e.message);
            return -1;
        }
    }
    return 0;
}

/* The world the recording starts from: the saved one it carries, or a new
 * world of its scenario and seed. NULL with a message when neither works. */
static cp_world *start_world(const replay *r, const char *name, char *err, size_t errlen)
{
    cp_error e;
    if (r->world) {
        cp_world *w = cp_world_load(r->world, r->world_len, &e);
        if (!w)
            snprintf(err, errlen, "%s: its starting world does not load: %s", name, e.message);
        /* the recording holds every order of its first turn, those the
         * saved world had queued too */
        while (w && cp_world_pending_count(w) > 0)
            cp_world_withdraw(w, 0, &e);
        return w;
    }
    static cp_scenario sc;
    char why[700];
    if (cps_scenario_load(r->scenario, &sc, NULL, why, sizeof why) != 0) {
        snprintf(err, errlen, "%.300s: cannot load its scenario: %s", name, why);
        return NULL;
    }
    cp_world *w = cp_world_create(&sc, r->seed, &e);
    if (!w)
        snprintf(err, errlen, "%.300s: its scenario %.100s does not start: %s", name,
                 r->scenario_name, e.message);
    return w;
}

int cmd_replay(int argc, char **argv)
{
    const char *file = NULL;
    int quiet = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = 1;
        } else if (argv[i][0] == '-' || file) {
            fprintf(stderr, "chokepoint replay: unexpected argument '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        } else {
            file = argv[i];
        }
    }
    if (!file) {
        fprintf(stderr, "chokepoint replay: which replay file?\n");
        usage(stderr);
        return 2;
    }
    replay r;
    char err[1200];
    if (replay_read(file, &r, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint replay: %s\n", err);
        return 2;
    }
    cp_world *w = start_world(&r, file, err, sizeof err);
    if (!w) {
        fprintf(stderr, "chokepoint replay: %s\n", err);
        replay_free(&r);
        return 2;
    }
    int status = 0;
    if (cp_world_hash(w) != r.start_hash) {
        printf("%s: differs at turn %d, the start: hash %016llx, recorded %016llx (has the "
               "scenario '%s' changed?)\n", file, r.start_turn,
               (unsigned long long)cp_world_hash(w), (unsigned long long)r.start_hash,
               r.scenario);
        status = 1;
    }
    for (int k = 0; k < r.turn_count && status == 0; k++) {
        const replay_turn *t = &r.turns[k];
        char why[600];
        if (make_decisions(w, t, why, sizeof why) != 0) {
            printf("%s: differs at turn %d: %s\n", file, t->turn, why);
            status = 1;
            break;
        }
        cp_world_advance(w);
        if (cp_world_hash(w) != t->hash) {
            printf("%s: differs at turn %d: hash %016llx, recorded %016llx\n", file, t->turn,
                   (unsigned long long)cp_world_hash(w), (unsigned long long)t->hash);
            status = 1;
        }
    }
    if (status == 0 && !r.complete) {
        fprintf(stderr, "chokepoint replay: %s: incomplete: the recording stops after turn %d "
                "(the game was interrupted); the %d turns recorded match\n",
                file, r.start_turn + r.turn_count, r.turn_count);
        status = 2;
    } else if (status == 0 && !quiet) {
        printf("%s: %s, seed %llu, turns %d to %d: identical (hash %016llx)\n", file,
               r.scenario_name, (unsigned long long)r.seed, r.start_turn + 1,
               r.start_turn + r.turn_count, (unsigned long long)cp_world_hash(w));
    }
    cp_world_destroy(w);
    replay_free(&r);
    return status;
}
