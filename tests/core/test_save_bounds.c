/* test_save_bounds.c -- a damaged save cannot hand the rules a number they
 * overflow on. Found by sweeping every offset of a save with extreme values
 * under UBSan (tests/fuzz/, docs/saves.md): turn numbers and durations that
 * the loader took whole made the rules compute "now - proposed_turn",
 * "turn + stage lengths" and "turn + 1" past INT_MAX. Each field below is
 * planted with a marker in a world, saved, found in the bytes and replaced
 * with an extreme value (the checksum fixed up): the load is refused by
 * name; with the marker itself (in range) the world loads and plays on. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "inputs.h"
#include "save_internal.h"

static cp_scenario sc;

static long find_once(const unsigned char *buf, size_t len, const void *needle, size_t n)
{
    long at = -1;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(buf + i, needle, n) == 0) {
            if (at >= 0)
                return -1;
            at = (long)i;
        }
    return at;
}

/* A game of the three-nation fixture with random decisions (deals among
 * them) for 'turns' turns. */
static cp_world *game(int turns)
{
    fixture_three(&sc, 1);
    cp_world *w = fixture_world(&sc, 3);
    inputs in = {0};
    for (int t = 0; t < turns; t++) {
        inputs_seed(&in, 3, t);
        inputs_turn(&in, w);
        cp_world_advance(w);
    }
    return w;
}

/* Save 'w' (holding the 4-byte or 8-byte 'marker' once), check that it loads
 * and plays a turn, then put 'bad' where the marker is and expect a refusal
 * mentioning 'fragment'. */
static void expect_bounded(const cp_world *w, const void *marker, const void *bad, size_t n,
                           const char *fragment, const char *what)
{
    unsigned char *buf = NULL;
    size_t len = 0;
    cp_error err = {CP_OK, ""};
    CHECK(cp_world_save(w, &buf, &len, &err) == CP_OK, "%s: the marked world saves: %s", what,
          err.message);
    if (!buf)
        return;
    cp_world *ok = cp_world_load(buf, len, &err);
    CHECK(ok != NULL, "%s: the marked world loads: %s", what, ok ? "" : err.message);
    if (ok) {
        cp_world_advance(ok);
        cp_world_destroy(ok);
    }
    long at = find_once(buf, len, marker, n);
    CHECK(at >= 0, "%s: the marker is in the save once", what);
    if (at >= 0) {
        memcpy(buf + at, bad, n);
        bytes_put_u64(buf + 24, save_checksum(buf, len));
        cp_world *x = cp_world_load(buf, len, &err);
        CHECK(x == NULL && strstr(err.message, fragment), "%s: refused (%s)", what,
              x ? "it loaded" : err.message);
        cp_world_destroy(x);
    }
    free(buf);
}

static void put32(unsigned char *p, int v) { bytes_put_u32(p, (uint32_t)v); }

static void test_turns_are_bounded(void)
{
    cp_world *w = game(8);
    CHECK(w->deal_count > 0, "the game has deals (%d)", w->deal_count);
    unsigned char m[4], bad[4];

    /* a proposal's turn: deal_phase computes now - proposed_turn */
    cp_world *x = cp_world_clone(w);
    x->deals[0].status = CP_DEAL_PROPOSED;
    x->deals[0].proposed_turn = 777777;
    put32(m, 777777);
    put32(bad, INT_MIN);
    expect_bounded(x, m, bad, 4, "deal 0: proposed_turn is -2147483648, not -1000000..1000000",
                   "proposed_turn INT_MIN");
    cp_world_destroy(x);

    /* a deal's term: its end is start + term - 1 */
    x = cp_world_clone(w);
    x->deals[0].term_turns = 555555;
    put32(m, 555555);
    put32(bad, INT_MAX);
    expect_bounded(x, m, bad, 4, "deal 0: term_turns is 2147483647, not 1..1000000",
                   "term_turns INT_MAX");
    cp_world_destroy(x);

    /* a stage's length: a facility still being built projects its opening
     * turn by adding them up (facility 1, put back under construction) */
    const int dev = 1;
    char want[128];
    x = cp_world_clone(w);
    x->facilities[dev].stage = CP_STAGE_CONSTRUCTION;
    x->facilities[dev].stage_turns[CP_STAGE_RAMP_UP] = 654321;
    put32(m, 654321);
    put32(bad, INT_MAX);
    snprintf(want, sizeof want, "facility %d: stage_turns[s] is 2147483647, not 0..1000000", dev);
    expect_bounded(x, m, bad, 4, want, "stage_turns INT_MAX");
    cp_world_destroy(x);

    /* a facility's delay and its opening turn */
    x = cp_world_clone(w);
    x->facilities[2].delay_turns = 432123;
    put32(m, 432123);
    put32(bad, INT_MAX);
    expect_bounded(x, m, bad, 4, "facility 2: delay_turns is 2147483647", "delay_turns INT_MAX");
    cp_world_destroy(x);
    x = cp_world_clone(w);
    x->facilities[2].operating_turn = -876543;
    put32(m, -876543);
    put32(bad, INT_MIN);
    expect_bounded(x, m, bad, 4, "facility 2: operating_turn is -2147483648",
                   "operating_turn INT_MIN");
    cp_world_destroy(x);

    /* progress through a stage is a share: a huge one made the projected
     * opening turn overflow an int */
    x = cp_world_clone(w);
    x->facilities[dev].stage = CP_STAGE_CONSTRUCTION;
    x->facilities[dev].progress = 0.123456789;
    double pm = 0.123456789, pb = -1e300;
    /* (refused as beyond any state's magnitude, before the share check) */
    snprintf(want, sizeof want, "facility %d: progress is -1e+300, beyond", dev);
    expect_bounded(x, &pm, &pb, 8, want, "progress -1e300");
    pb = 1.5;
    snprintf(want, sizeof want, "facility %d: progress is 1.5, not 0..1", dev);
    expect_bounded(x, &pm, &pb, 8, want, "progress 1.5");
    cp_world_destroy(x);

    /* the scenario's start year: dates are start_year + turn / 4 */
    x = cp_world_clone(w);
    x->shared->sc.start_year = 2345;
    put32(m, 2345);
    put32(bad, INT_MAX);
    expect_bounded(x, m, bad, 4, "start_year is 2147483647", "start_year INT_MAX");
    cp_world_destroy(x);

    /* the turn itself (the clock section: seed, four words of random
     * stream, then the turn): the history section reads turn + 1 rows */
    unsigned char *buf = NULL;
    size_t len = 0;
    cp_error err;
    CHECK(cp_world_save(w, &buf, &len, &err) == CP_OK, "the game saves");
    long at = buf ? find_once(buf, len, "CLCK", 4) : -1;
    CHECK(at >= 0 && bytes_get_u32(buf + at + 8 + 40) == (uint32_t)cp_world_turn(w),
          "found the turn");
    if (at >= 0) {
        put32(buf + at + 8 + 40, INT_MAX);
        bytes_put_u64(buf + 24, save_checksum(buf, len));
        cp_world *t = cp_world_load(buf, len, &err);
        CHECK(t == NULL && strstr(err.message, "clock: turn is 2147483647, not 0..1000000"),
              "turn INT_MAX: refused (%s)", t ? "it loaded" : err.message);
        cp_world_destroy(t);
    }
    free(buf);
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_turns_are_bounded);
    return DONE();
}
