/* fuzz_make_seeds.c -- seed inputs for fuzz_save and fuzz_replay that reach what
 * games on the command line rarely hold: deals and their clauses, lasting
 * and injected events, and orders still pending, from the core tests'
 * three-nation world played with tests/core/inputs.c's random decisions.
 * Writes into DIR: game-tN.cpworld (a world alone), game-tN.cpsave (a save
 * file), midturn.cpworld (saved with decisions queued) and game.cprep (a
 * replay of the game, deal actions included).
 * Usage: fuzz_make_seeds DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "inputs.h"
#include "replay_file.h"
#include "savefile.h"

static int spit(const char *dir, const char *name, const unsigned char *buf, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "fuzz_make_seeds: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

static int save_world(const char *dir, const char *name, const cp_world *w)
{
    unsigned char *buf;
    size_t len;
    cp_error e;
    if (cp_world_save(w, &buf, &len, &e) != CP_OK) {
        fprintf(stderr, "fuzz_make_seeds: %s\n", e.message);
        return -1;
    }
    int r = spit(dir, name, buf, len);
    free(buf);
    return r;
}

static int save_file(const char *dir, const char *name, const cp_world *w)
{
    unsigned char *buf;
    size_t len;
    char err[512];
    savefile_section extra[2] = {{"seats", (unsigned char *)"BIG\t\t\nSML\t\t\nUSR\t\t\n", 15},
                                 {"memory.BIG", (unsigned char *)"{n=1}", 5}};
    if (savefile_encode(w, extra, 2, &buf, &len, err, sizeof err) != 0) {
        fprintf(stderr, "fuzz_make_seeds: %s\n", err);
        return -1;
    }
    int r = spit(dir, name, buf, len);
    free(buf);
    return r;
}

static void note_event(void *ud, const cp_event *e) { replay_rec_inject(ud, e); }

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: fuzz_make_seeds DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    static cp_scenario sc;
    fixture_three(&sc, 1);
    cp_world *w = fixture_world(&sc, 11);
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/game.cprep", dir);
    const char *seats[] = {"BIG=example", "SML=none"};
    replay_rec *rec = replay_rec_open(path, "three", w, 1, seats, 2, CPS_DIFFICULTY_NORMAL, err,
                                      sizeof err);
    if (!rec) {
        fprintf(stderr, "fuzz_make_seeds: %s\n", err);
        return 1;
    }
    inputs in = {0};
    in.on_event = note_event;
    in.ud = rec;
    int fails = 0;
    for (int t = 0; t < 10; t++) {
        inputs_seed(&in, 5, cp_world_turn(w));
        inputs_turn(&in, w);
        if (t == 6)
            fails += save_world(dir, "midturn.cpworld", w) != 0;
        fails += replay_rec_before(rec, w, err, sizeof err) != 0;
        /* the agents' record (AGNT) of a turn: one seat, a failure every third turn, a line */
        replay_seat_turn seat = {.nation = 0, .instructions = 1000 * t, .budget = 2000000,
                                 .mem_bytes = 40960, .orders = t % 3, .refused = t % 2,
                                 .failed = t % 3 == 2};
        snprintf(seat.agent, sizeof seat.agent, "example.lua");
        if (seat.failed)
            snprintf(seat.message, sizeof seat.message, "example.lua:%d: failed on purpose", t);
        replay_rec_seat(rec, &seat);
        replay_rec_log(rec, t % 2 ? 0 : -1, "BIG example.lua: a printed line");
        cp_world_advance(w);
        fails += replay_rec_after(rec, w, err, sizeof err) != 0;
        if (t == 3 || t == 9) {
            char name[64];
            snprintf(name, sizeof name, "game-t%d.cpworld", cp_world_turn(w));
            fails += save_world(dir, name, w) != 0;
            snprintf(name, sizeof name, "game-t%d.cpsave", cp_world_turn(w));
            fails += save_file(dir, name, w) != 0;
        }
    }
    fails += replay_rec_close(rec, err, sizeof err) != 0;
    printf("fuzz_make_seeds: %d deals, %d events, %d orders in %s\n", cp_world_deal_count(w),
           in.events, in.orders, dir);
    cp_world_destroy(w);
    return fails ? 1 : 0;
}
