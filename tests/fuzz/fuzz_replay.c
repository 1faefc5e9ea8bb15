/* fuzz_replay.c -- libFuzzer harness for the replay loader: replay_decode on
 * an input as it is and again with its record checksums made to match
 * (fuzz_fix.h). A replay that reads has its first turns' decisions made on
 * its start world (the one it carries, else a small built-in one) with
 * replay_step, as `chokepoint replay` and the window's replay viewer make
 * them: the world may refuse them, never crash; its agents' records are
 * read through.
 * tests/fuzz/fuzz_main.c runs the same function over the regression inputs
 * in an ordinary build. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "fuzz_fix.h"
#include "replay_apply.h"
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
    /* the agents' records read whole: their strings end inside their fields */
    size_t text = 0;
    for (int k = 0; k < r.turn_count; k++) {
        const replay_turn *t = &r.turns[k];
        for (int i = 0; i < t->seat_count; i++)
            text += strlen(t->seats[i].agent) + strlen(t->seats[i].message);
        for (int i = 0; i < t->line_count; i++)
            text += strlen(t->lines[i].text);
        if (t->seat_count < 0 || t->seat_count > REPLAY_MAX_SEATS || t->line_count < 0 ||
            t->line_count > REPLAY_MAX_LOG_LINES)
            abort();
    }
    (void)text;
    cp_error e;
    cp_world *w = r.world ? cp_world_load(r.world, r.world_len, &e)
                          : cp_world_clone(small_world());
    /* each turn played as `chokepoint replay` and the viewer play it (replay_apply.h) */
    char why[600];
    for (int k = 0; w && k < r.turn_count && k < TURNS_PLAYED; k++)
        if (replay_step(w, &r.turns[k], why, sizeof why) == REPLAY_STEP_REFUSED)
            break;
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
