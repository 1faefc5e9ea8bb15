/* fuzz_replay.c -- libFuzzer harness for the replay loader: replay_decode on
 * an input as it is and again with its record checksums made to match
 * (fuzz_fix.h). A replay that reads has its first turns' decisions made on
 * its start world (the one it carries, else a small built-in one) as
 * `chokepoint replay` makes them: the world may refuse them, never crash.
 * tests/fuzz/fuzz_main.c runs the same function over the regression inputs
 * in an ordinary build. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "fuzz_fix.h"
#include "replay_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { TURNS_PLAYED = 2 };

/* A world for replays that carry none: the core tests' three nations
 * (tests/core/fixture.c), made once. */
static cp_world *small_world(void)
{
    static cp_world *w;
    static cp_scenario sc;
    if (!w) {
        fixture_three(&sc, 1);
        w = fixture_world(&sc, 1);
    }
    return w;
}

/* Make one recorded turn's decisions, as replay.c does, stopping at the
 * first the world refuses. Returns 0 when all were accepted. */
static int decide(cp_world *w, const replay_turn *t)
{
    cp_error e;
    for (int k = 0; k < t->order_count; k++)
        if (cp_world_submit(w, &t->orders[k], &e) != CP_OK)
            return -1;
    for (int k = 0; k < t->event_count; k++)
        if (cp_world_inject_event(w, &t->events[k], &e) != CP_OK)
            return -1;
    for (int k = 0; k < t->action_count; k++) {
        const replay_action *a = &t->actions[k];
        cp_status st = CP_OK;
        switch (a->kind) {
        case REPLAY_PROPOSE:
            st = cp_world_propose(w, &a->deal, &e) >= 0 ? CP_OK : CP_ERR_BAD_VALUE;
            break;
        case REPLAY_ACCEPT:
        case REPLAY_REJECT:
            st = cp_world_answer(w, a->deal_id, a->nation,
                                 a->kind == REPLAY_ACCEPT ? CP_ANSWER_ACCEPT : CP_ANSWER_REJECT, &e);
            break;
        case REPLAY_COUNTER:
            st = cp_world_counter(w, a->deal_id, a->nation, &a->deal, &e);
            break;
        case REPLAY_WITHDRAW:
            st = cp_world_withdraw_deal(w, a->deal_id, a->nation, &e);
            break;
        case REPLAY_ACTION_COUNT:
            break;
        }
        if (st != CP_OK)
            return -1;
    }
    return 0;
}

static void try_replay(const unsigned char *buf, size_t len)
{
    replay r;
    char err[1024];
    if (replay_decode(buf, len, "fuzz.cprep", &r, err, sizeof err) != 0) {
        if (strncmp(err, "fuzz.cprep: ", 12) != 0) { /* every refusal names the file */
            fprintf(stderr, "fuzz_replay: the refusal does not name the file: %s\n", err);
            abort();
        }
        return;
    }
    cp_error e;
    cp_world *w = r.world ? cp_world_load(r.world, r.world_len, &e)
                          : cp_world_clone(small_world());
    for (int k = 0; w && k < r.turn_count && k < TURNS_PLAYED; k++) {
        if (decide(w, &r.turns[k]) != 0)
            break;
        cp_world_advance(w);
    }
    cp_world_destroy(w);
    replay_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    try_replay(data, size);
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    fuzz_fix_replay(copy, size);
    try_replay(copy, size);
    free(copy);
    return 0;
}
