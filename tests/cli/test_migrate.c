/* test_migrate.c -- saves from older format versions still load.
 *
 * tests/fixtures/saves/ holds files written by older builds (see the
 * README there; they are never regenerated). Each must load, hold the
 * figures the old build printed for it, save again in the current format
 * (and load back to the same hash), and play on exactly as that re-saved
 * game does: migrating a game and saving it loses nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "save_internal.h" /* SAVE_VERSION: the version this build writes */
#include "savefile.h"

#ifndef CP_SOURCE_DIR
#define CP_SOURCE_DIR "."
#endif

static const char *const V1 = CP_SOURCE_DIR "/tests/fixtures/saves/v1-minimal-t4.cpsave";

/* The world version a save file's world section holds (the CPWORLD header
 * right after the "world" section's name and length). */
static unsigned world_version(const unsigned char *buf, size_t len)
{
    for (size_t i = 32; i + 12 <= len; i++)
        if (memcmp(buf + i, "CPWORLD\x1a", 8) == 0)
            return (unsigned)buf[i + 8] | (unsigned)buf[i + 9] << 8;
    return 0;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, 1 << 20, f) : 0;
    fclose(f);
    return buf;
}

static void test_v1_loads(void)
{
    size_t len = 0;
    unsigned char *raw = slurp(V1, &len);
    CHECK(raw && len > 1000, "read %s", V1);
    if (!raw)
        return;
    CHECK(raw[8] == 1 && world_version(raw, len) == 1, "the fixture is a version 1 file (%u, %u)",
          raw[8], world_version(raw, len));

    savefile sf;
    char err[1024];
    int st = savefile_decode(raw, len, V1, "minimal", &sf, err, sizeof err);
    free(raw);
    CHECK(st == 0, "the version 1 save loads: %s", st ? err : "");
    if (st)
        return;
    const cp_world *w = sf.world;
    CHECK(strcmp(sf.scenario, "minimal") == 0 && sf.turn == 4 && sf.seed == 5,
          "scenario, turn, seed: %s %d %llu", sf.scenario, sf.turn, (unsigned long long)sf.seed);
    CHECK(cp_world_turn(w) == 4 && cp_world_nation_count(w) == 3, "turn 4, three nations");
    CHECK(strcmp(cp_world_nation(w, 0)->iso3, "AAA") == 0 &&
          strcmp(cp_world_nation(w, 2)->iso3, "CCC") == 0, "the nations in order");
    /* the figures the version 1 build wrote to its CSV files for turn 4 */
    const cp_nation_history *aaa = cp_world_nation_history(w, 4, 0);
    const cp_nation_history *bbb = cp_world_nation_history(w, 4, 1);
    CHECK(aaa && bbb, "five turns of history");
    if (aaa && bbb) {
        CHECK_NEAR(aaa->mined_t, 512.014, 1e-5, "AAA mined %.3f t", aaa->mined_t);
        CHECK_NEAR(bbb->magnets_t, 471.729, 1e-5, "BBB made %.3f t of magnets", bbb->magnets_t);
    }
    const cp_market_history *mag = cp_world_market_history(w, 4, CP_MAGNET);
    const cp_market_history *lox = cp_world_market_history(w, 4, CP_LIGHT_OXIDE);
    CHECK(mag && lox, "market history");
    if (mag && lox) {
        CHECK_NEAR(mag->world_price_usd_per_kg, 327.68, 1e-6, "magnet $%.4f",
                   mag->world_price_usd_per_kg);
        CHECK_NEAR(lox->world_price_usd_per_kg, 360.448, 1e-6, "light oxide $%.4f",
                   lox->world_price_usd_per_kg);
    }
    const cp_market_history *early = cp_world_market_history(w, 0, CP_MAGNET);
    CHECK(early && early->world_price_usd_per_kg == 50.0, "turn 0's magnet price survives");

    /* saved again, it is a current-version file that loads to the same world */
    unsigned char *buf = NULL;
    st = savefile_encode(w, sf.extra, sf.extra_count, &buf, &len, err, sizeof err);
    CHECK(st == 0, "the migrated game saves: %s", st ? err : "");
    if (st) {
        savefile_free(&sf);
        return;
    }
    CHECK(world_version(buf, len) == SAVE_VERSION, "it is saved in the current version (%u)",
          world_version(buf, len));
    savefile again;
    st = savefile_decode(buf, len, "resaved", "minimal", &again, err, sizeof err);
    free(buf);
    CHECK(st == 0, "the re-saved game loads: %s", st ? err : "");
    if (st) {
        savefile_free(&sf);
        return;
    }
    CHECK(cp_world_hash(again.world) == cp_world_hash(w), "the same world after re-saving");

    /* and both play on identically */
    cp_world *a = cp_world_clone(w), *b = cp_world_clone(again.world);
    for (int t = 0; t < 6; t++) {
        cp_world_advance(a);
        cp_world_advance(b);
    }
    CHECK(cp_world_turn(a) == 10, "played on to turn 10");
    CHECK(cp_world_hash(a) == cp_world_hash(b), "the migrated and the re-saved game agree");
    cp_world_destroy(a);
    cp_world_destroy(b);
    savefile_free(&again);
    savefile_free(&sf);
}

int main(void)
{
    RUN(test_v1_loads);
    return DONE();
}
