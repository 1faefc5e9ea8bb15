/* test_migrate.c -- saves from older format versions: the format still
 * migrates, and the game is refused for its older model version.
 *
 * tests/fixtures/saves/ holds files written by older builds (see the
 * README there; they are never regenerated). The format 3 one is of this
 * model and loads (test_v3); the others were made under model version 1
 * of the rules, so `cp_world_load` refuses it with a message that
 * says so; through the format migration (save_load with any model) each
 * must load, hold the figures the old build printed for it, save again in
 * the current format (and load back to the same hash), and play on exactly
 * as that re-saved game does: migrating a world and saving it loses
 * nothing.
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
static const char *const V2 = CP_SOURCE_DIR "/tests/fixtures/saves/v2-minimal-t4.cpsave";
static const char *const V3 = CP_SOURCE_DIR "/tests/fixtures/saves/v3-minimal-t4.cpsave";
/* a game with agents (their seats and memories beside the world) */
static const char *const V1_AGENTS = CP_SOURCE_DIR "/tests/fixtures/saves/v1-agents-t4.cpsave";

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

/* A save of format 1 or 2 was made under model version 1 of the rules:
 * the public loader refuses it, saying so. The format migration still
 * reads it (save_load with any model, which the public API never uses):
 * it holds the figures the old build printed, saves again in the current
 * format and loads back to the same world, and plays on exactly as that
 * re-saved game does. */
static void test_old_format(const char *path, unsigned format, int minimal)
{
    size_t len = 0;
    unsigned char *raw = slurp(path, &len);
    CHECK(raw && len > 1000, "read %s", path);
    if (!raw)
        return;
    CHECK(raw[8] == 1 && world_version(raw, len) == format,
          "the fixture is a save file 1 with world version %u (%u, %u)", format, raw[8],
          world_version(raw, len));

    savefile sf;
    char err[1024];
    int st = savefile_decode(raw, len, path, "minimal", &sf, err, sizeof err);
    CHECK(st != 0 && strstr(err, "model version 1") && strstr(err, "start a new game"),
          "refused as a game of model version 1: %s", st ? err : "(loaded)");
    if (st == 0)
        savefile_free(&sf);

    /* the world inside, through the format migration */
    size_t at = 0;
    for (size_t i = 32; i + 32 <= len && !at; i++)
        if (memcmp(raw + i, "CPWORLD\x1a", 8) == 0)
            at = i;
    CHECK(at > 0, "found the world in the file");
    if (!at) {
        free(raw);
        return;
    }
    size_t wlen = 32 + (size_t)bytes_get_u64(raw + at + 16);
    CHECK(at + wlen <= len, "the world fits in the file");
    cp_error e;
    cp_world *w = at + wlen <= len ? save_load(raw + at, wlen, 1, &e) : NULL;
    free(raw);
    CHECK(w != NULL, "the format %u world migrates: %s", format, w ? "" : e.message);
    if (!w)
        return;
    CHECK(cp_world_turn(w) == 4 && cp_world_nation_count(w) == 3, "turn 4, three nations");
    CHECK(strcmp(cp_world_nation(w, 0)->iso3, "AAA") == 0 &&
          strcmp(cp_world_nation(w, 2)->iso3, "CCC") == 0, "the nations in order");
    /* the figures the old build wrote to its CSV files for turn 4 (the
     * minimal scenario's game without agents) */
    if (minimal) {
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
    }

    /* saved again, it is a current-format world that loads to the same state */
    unsigned char *buf = NULL;
    size_t blen = 0;
    CHECK(cp_world_save(w, &buf, &blen, &e) == CP_OK, "the migrated world saves: %s", e.message);
    cp_world *again = buf ? save_load(buf, blen, 1, &e) : NULL;
    CHECK(buf && bytes_get_u32(buf + 8) == SAVE_VERSION, "in the current format");
    free(buf);
    CHECK(again != NULL, "the re-saved world loads: %s", again ? "" : e.message);
    if (again) {
        CHECK(cp_world_hash(again) == cp_world_hash(w), "the same world after re-saving");
        cp_world *a = cp_world_clone(w), *b = cp_world_clone(again);
        for (int t = 0; t < 6; t++) {
            cp_world_advance(a);
            cp_world_advance(b);
        }
        CHECK(cp_world_turn(a) == 10, "played on to turn 10");
        CHECK(cp_world_hash(a) == cp_world_hash(b), "the migrated and the re-saved game agree");
        cp_world_destroy(a);
        cp_world_destroy(b);
        cp_world_destroy(again);
    }
    cp_world_destroy(w);
}

/* World format 3, the last before goals, consent and news partners, made
 * by the model version 2 build before them (commit ed0e803): the game loads
 * (same model), the news gets no partners, the policy is open, the goals are
 * derived, and it plays on to the very figures that build printed for turns
 * 5 to 8 (tests/fixtures/saves/README.md). */
static void test_v3(void)
{
    size_t len = 0;
    unsigned char *raw = slurp(V3, &len);
    CHECK(raw && raw[8] == 2 && world_version(raw, len) == 3, "a save file 2 of world format 3");
    if (!raw)
        return;
    savefile sf;
    char err[1024];
    int st = savefile_decode(raw, len, V3, "minimal", &sf, err, sizeof err);
    free(raw);
    CHECK(st == 0, "a game of this model loads: %s", st ? err : "");
    if (st != 0)
        return;
    cp_world *w = sf.world;
    CHECK(cp_world_turn(w) == 4 && cp_world_nation_count(w) == 3, "turn 4, three nations");
    int partners = 0;
    for (int k = 0; k < cp_world_news_count(w); k++)
        partners += cp_world_news(w, k)->partner != -1 || cp_world_news(w, k)->facility != -1 ||
                    cp_world_news(w, k)->routine != 0;
    CHECK(cp_world_news_count(w) > 0 && partners == 0, "old news: no partner, plant, routine");
    for (int n = 0; n < 3; n++) {
        CHECK(cp_world_nation(w, n)->policy.investment_closed == 0, "open to investment");
        CHECK(cp_world_goal_count(w, n) >= 2, "derived goals");
    }
    CHECK(cp_world_scenario(w)->goal_count == 0, "the scenario states none");
    for (int t = 0; t < 4; t++)
        cp_world_advance(w);
    const cp_nation_history *aaa = cp_world_nation_history(w, 8, 0);
    const cp_nation_history *bbb = cp_world_nation_history(w, 8, 1);
    CHECK_NEAR(aaa->mined_t, 923.250, 1e-6, "AAA mined %.3f t", aaa->mined_t);
    CHECK_NEAR(aaa->separated_t, 1499.730, 1e-6, "AAA separated %.3f t", aaa->separated_t);
    CHECK_NEAR(bbb->magnets_t, 504.0095, 1e-6, "BBB made %.3f t of magnets", bbb->magnets_t);
    CHECK_NEAR(cp_world_market_history(w, 8, CP_LIGHT_OXIDE)->world_price_usd_per_kg, 382.6063,
               1e-6, "NdPr oxide $%.4f",
               cp_world_market_history(w, 8, CP_LIGHT_OXIDE)->world_price_usd_per_kg);
    CHECK_NEAR(cp_world_market_history(w, 8, CP_MAGNET)->world_price_usd_per_kg, 134.6507, 1e-6,
               "magnet $%.4f", cp_world_market_history(w, 8, CP_MAGNET)->world_price_usd_per_kg);
    savefile_free(&sf);
}

static void test_v1(void) { test_old_format(V1, 1, 1); }
static void test_v2(void) { test_old_format(V2, 2, 1); }
static void test_v1_agents(void) { test_old_format(V1_AGENTS, 2, 0); }

int main(void)
{
    RUN(test_v1);
    RUN(test_v2);
    RUN(test_v1_agents);
    RUN(test_v3);
    return DONE();
}
