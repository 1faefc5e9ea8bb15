/* fuzz_save.c -- libFuzzer harness for the save loader: savefile_decode
 * (the container: header, sections, meta) and cp_world_load (the world,
 * field by field), on an input as it is and again with its checksums made
 * to match (fuzz_fix.h). A save that loads must also save again, load
 * again to the same hash, and play a turn; its seats section and agents'
 * memories are read back as `sim --load` reads them (save_seats.c).
 * tests/fuzz/fuzz_main.c runs the same function over the regression inputs
 * in an ordinary build. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_fix.h"
#include "save_seats.h"
#include "savefile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MUST(cond)                                                                             \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "fuzz_save: %s:%d: %s\n", __FILE__, __LINE__, #cond);              \
            abort();                                                                           \
        }                                                                                      \
    } while (0)

/* What must hold of any world that loads. */
static void exercise_world(const cp_world *w)
{
    uint64_t hash = cp_world_hash(w);
    unsigned char *buf = NULL;
    size_t len = 0;
    cp_error e;
    /* the writer checks what the loader checks: a world that loads saves */
    MUST(cp_world_save(w, &buf, &len, &e) == CP_OK);
    cp_world *again = cp_world_load(buf, len, &e);
    MUST(again != NULL);
    MUST(cp_world_hash(again) == hash);
    free(buf);
    /* and the rules can play it */
    cp_world_advance(again);
    (void)cp_world_hash(again);
    cp_world_destroy(again);
}

static void quiet_log(void *ud, const char *line)
{
    (void)ud;
    (void)line;
}

/* Seat the save's agents and give them back their memories, with small
 * limits: a damaged seats or memory section is refused, never a crash. */
static void restore_seats(const savefile *sf)
{
    cp_world *w = cp_world_clone(sf->world);
    cps_seat_opts opts = {0};
    opts.budget_instructions = 200000;
    opts.mem_bytes = (size_t)8 << 20;
    opts.wall_s = 1.0;
    opts.log = quiet_log;
    opts.quiet = 1;
    char err[1024];
    cps_seats *seats = save_seats_restore(sf, w, &opts, err, sizeof err);
    cps_seats_destroy(seats);
    cp_world_destroy(w);
}

static void try_savefile(const unsigned char *buf, size_t len)
{
    savefile sf;
    char err[1024];
    if (savefile_decode(buf, len, "fuzz.cpsave", NULL, &sf, err, sizeof err) != 0) {
        MUST(strncmp(err, "fuzz.cpsave: ", 13) == 0); /* every refusal names the file */
        return;
    }
    exercise_world(sf.world);
    restore_seats(&sf);
    unsigned char *out = NULL;
    size_t out_len = 0;
    MUST(savefile_encode(sf.world, sf.extra, sf.extra_count, &out, &out_len, err, sizeof err) == 0);
    savefile back;
    MUST(savefile_decode(out, out_len, "again", sf.scenario, &back, err, sizeof err) == 0);
    MUST(cp_world_hash(back.world) == cp_world_hash(sf.world));
    MUST(back.extra_count == sf.extra_count);
    savefile_free(&back);
    free(out);
    savefile_free(&sf);
}

static void try_world(const unsigned char *buf, size_t len)
{
    cp_error e;
    cp_world *w = cp_world_load(buf, len, &e);
    if (!w)
        return;
    exercise_world(w);
    cp_world_destroy(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int world = size >= SAVE_MAGIC_BYTES && memcmp(data, SAVE_MAGIC, SAVE_MAGIC_BYTES) == 0;
    if (world)
        try_world(data, size);
    else
        try_savefile(data, size);
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    if (world) {
        fuzz_fix_world(copy, size);
        try_world(copy, size);
    } else {
        fuzz_fix_savefile(copy, size);
        try_savefile(copy, size);
    }
    free(copy);
    return 0;
}
