/* test_save.c -- saving and loading worlds: exact round trips, a loaded game
 * that continues exactly as the saved one would have (saved between turns
 * and in the middle of one, with random orders, deals and injected events),
 * and refusals with a message for every kind of damaged buffer. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "inputs.h"
#include "save_internal.h"

static inputs in;
static int agreed_deals;

static void random_inputs(cp_world *w) { inputs_turn(&in, w); }
static void reseed(int game, int turn) { inputs_seed(&in, game, turn); }
static unsigned long long next(void) { return (unsigned long long)inputs_pick(&in, 1 << 30); }

/* ---- helpers ---------------------------------------------------------------- */

static unsigned char *save(const cp_world *w, size_t *len)
{
    unsigned char *buf;
    cp_error err;
    cp_status st = cp_world_save(w, &buf, len, &err);
    CHECK(st == CP_OK, "save: %s", err.message);
    return st == CP_OK ? buf : NULL;
}

/* Save 'w', load the bytes back, check that saving the loaded world gives
 * the same bytes, destroy 'w' and return the loaded world. */
static cp_world *save_and_reload(cp_world *w)
{
    size_t len, len2;
    unsigned char *buf = save(w, &len);
    cp_error err;
    cp_world *back = cp_world_load(buf, len, &err);
    CHECK(back != NULL, "load: %s", back ? "" : err.message);
    if (!back)
        exit(1);
    CHECK(cp_world_hash(back) == cp_world_hash(w), "same hash after loading at turn %d",
          cp_world_turn(w));
    unsigned char *again = save(back, &len2);
    CHECK(len == len2 && memcmp(buf, again, len) == 0, "saving a loaded world gives the same bytes");
    free(buf);
    free(again);
    cp_world_destroy(w);
    return back;
}

static void fix_checksum(unsigned char *buf, size_t len)
{
    bytes_put_u64(buf + 24, save_checksum(buf, len));
}

/* ---- tests --------------------------------------------------------------- */

static cp_scenario sc;

static void test_round_trip(void)
{
    fixture_three(&sc, 1);
    cp_world *w = fixture_world(&sc, 7);
    w = save_and_reload(w); /* turn 0 */
    for (int t = 0; t < 12; t++) {
        reseed(1, t);
        random_inputs(w);
        cp_world_advance(w);
    }
    reseed(1, 99);
    random_inputs(w); /* pending orders, proposals and an event in the save */
    int news = cp_world_news_count(w), deals = cp_world_deal_count(w);
    int pending = cp_world_pending_count(w), facilities = cp_world_facility_count(w);
    cp_world *b = save_and_reload(cp_world_clone(w));
    CHECK(cp_world_news_count(b) == news && cp_world_deal_count(b) == deals &&
              cp_world_pending_count(b) == pending && cp_world_facility_count(b) == facilities,
          "counts survive: news %d deals %d pending %d facilities %d", news, deals, pending,
          facilities);
    for (int k = 0; k < news; k++)
        CHECK(strcmp(cp_world_news(w, k)->text, cp_world_news(b, k)->text) == 0, "news %d", k);
    for (int t = 0; t <= cp_world_turn(w); t++)
        for (int i = 0; i < cp_world_nation_count(w); i++)
            CHECK(memcmp(cp_world_nation_history(w, t, i), cp_world_nation_history(b, t, i),
                         sizeof(cp_nation_history)) == 0, "history turn %d nation %d", t, i);
    CHECK(strcmp(cp_world_scenario(b)->name, "three") == 0, "the scenario travels with the save");
    CHECK(cp_world_seed(b) == 7, "the seed travels with the save");
    cp_world_destroy(w); /* the loaded world owns its scenario */
    cp_world *c = cp_world_clone(b);
    cp_world_destroy(b);
    cp_world_advance(c);
    CHECK(cp_world_turn(c) == 13, "a clone of a loaded world plays on");
    cp_world_destroy(c);
}

/* Play 'turns' turns of game 'game', saving and loading at turn 'k' (or
 * never, k < 0), between turns or (mid = 1) after that turn's inputs. Fills
 * hash[t] after each turn; returns the final save. */
static unsigned char *play(int game, int turns, int k, int mid, uint64_t *hash, size_t *len)
{
    cp_world *w = fixture_world(&sc, (uint64_t)game * 31 + 5);
    for (int t = 0; t < turns; t++) {
        if (t == k && !mid)
            w = save_and_reload(w);
        reseed(game, t);
        random_inputs(w);
        if (t == k && mid)
            w = save_and_reload(w);
        cp_world_advance(w);
        hash[t] = cp_world_hash(w);
    }
    unsigned char *buf = save(w, len);
    for (int d = 0; k < 0 && d < cp_world_deal_count(w); d++)
        agreed_deals += cp_world_deal(w, d)->start_turn >= 0;
    cp_world_destroy(w);
    return buf;
}

static void test_continues_identically(void)
{
    fixture_three(&sc, 1);
    enum { TURNS = 30, GAMES = 6 };
    int compared = 0;
    for (int game = 0; game < GAMES; game++) {
        uint64_t straight[TURNS], resumed[TURNS];
        size_t len0, len1;
        unsigned char *end0 = play(game, TURNS, -1, 0, straight, &len0);
        for (int k = 0; k < TURNS; k += 1 + game % 3) {
            for (int mid = 0; mid < 2; mid++) {
                unsigned char *end1 = play(game, TURNS, k, mid, resumed, &len1);
                int first = -1;
                for (int t = 0; t < TURNS && first < 0; t++)
                    if (straight[t] != resumed[t])
                        first = t + 1;
                CHECK(first < 0, "game %d, loaded at turn %d%s: hash differs from turn %d", game, k,
                      mid ? " mid-turn" : "", first);
                CHECK(len0 == len1 && memcmp(end0, end1, len0) == 0,
                      "game %d, loaded at turn %d%s: the final world is byte for byte the same",
                      game, k, mid ? " mid-turn" : "");
                free(end1);
                compared++;
            }
        }
        free(end0);
    }
    printf("    %d games resumed from a save, compared turn by turn (inputs: %d orders, %d deals "
           "proposed, %d started, %d events injected)\n", compared, in.orders, in.deals,
           agreed_deals, in.events);
    CHECK(in.orders > 1000 && in.deals > 100 && agreed_deals > 10 && in.events > 100,
          "the games had orders, deals and events");
}

/* The deal table grows as the rules grow it, so the limit on deals bites at
 * the same proposal in a loaded world. */
static void test_deal_limit_survives(void)
{
    fixture_three(&sc, 0);
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.proposer = 0;
    d.party_count = 2;
    d.parties[0] = 0;
    d.parties[1] = 2;
    d.clause_count = 1;
    d.term_turns = 4;
    d.clauses[0] = (cp_clause){.kind = CP_CLAUSE_TARIFF, .from = 0, .to = 2, .good = CP_MAGNET,
                               .amount = 0.1};
    int made[2];
    for (int loaded = 0; loaded < 2; loaded++) {
        cp_world *w = fixture_world(&sc, 1);
        cp_error err;
        for (int k = 0; k < 37; k++)
            cp_world_propose(w, &d, &err);
        if (loaded)
            w = save_and_reload(w);
        made[loaded] = 37;
        while (cp_world_propose(w, &d, &err) >= 0 && made[loaded] < 2 * CP_MAX_DEALS)
            made[loaded]++;
        cp_world_destroy(w);
    }
    CHECK(made[0] == CP_MAX_DEALS && made[1] == made[0], "deals before the limit: %d and %d",
          made[0], made[1]);
}

static void expect_refused(const unsigned char *buf, size_t len, const char *fragment,
                           const char *what)
{
    cp_error err = {CP_OK, ""};
    cp_world *w = cp_world_load(buf, len, &err);
    CHECK(w == NULL, "%s: refused", what);
    CHECK(strstr(err.message, fragment) != NULL, "%s: message '%s' mentions '%s'", what,
          err.message, fragment);
    cp_world_destroy(w);
}

static void test_refusals(void)
{
    fixture_three(&sc, 1);
    cp_world *w = fixture_world(&sc, 3);
    for (int t = 0; t < 6; t++) {
        reseed(3, t);
        random_inputs(w);
        cp_world_advance(w);
    }
    size_t len;
    unsigned char *buf = save(w, &len);
    unsigned char *bad = malloc(len + 16);

    for (size_t cut = 0; cut < len; cut += (cut < 64 ? 1 : 97))
        expect_refused(buf, cut, "truncated", "a truncated save");
    memcpy(bad, buf, len);
    bad[len] = 0;
    expect_refused(bad, len + 1, "unexpected bytes", "a save with trailing bytes");
    expect_refused((const unsigned char *)"hello, world: not a save at all, just some text....",
                   50, "not a Chokepoint world save", "a foreign file");
    expect_refused(NULL, 0, "truncated", "no buffer");

    /* damage anywhere in the payload: the checksum notices */
    for (int k = 0; k < 200; k++) {
        memcpy(bad, buf, len);
        size_t at = SAVE_HEADER_BYTES + (size_t)(next() % (len - SAVE_HEADER_BYTES));
        bad[at] ^= (unsigned char)(1u << (next() % 8));
        expect_refused(bad, len, "checksum", "a flipped bit");
    }

    memcpy(bad, buf, len);
    bytes_put_u32(bad + 8, SAVE_VERSION + 1);
    fix_checksum(bad, len);
    expect_refused(bad, len, "newer than this build reads", "a future version");
    bytes_put_u32(bad + 8, 0);
    fix_checksum(bad, len);
    expect_refused(bad, len, "older than this build reads", "version 0");
    bytes_put_u32(bad + 8, 0xffffffffu);
    expect_refused(bad, len, "newer", "version 2^32-1");

    /* damage the checksum would not catch (a buffer made by hand): the
     * field checks name the section, the item and the field */
    memcpy(bad, buf, len);
    memcpy(bad + SAVE_HEADER_BYTES, "XXXX", 4);
    fix_checksum(bad, len);
    expect_refused(bad, len, "expected section 'SCEN'", "a wrong section tag");
    free(buf);
    free(bad);
    cp_world_destroy(w);
}

/* Find 'needle' in 'buf' (exactly once) and return its offset, or -1. */
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

/* Plant recognisable values in a world, save it, then damage those very
 * fields in the bytes (fixing the checksum up): each is refused by name. */
static void test_field_checks(void)
{
    static cp_scenario s2;
    fixture_three(&s2, 0);
    snprintf(s2.facilities[3].name, sizeof s2.facilities[3].name, "QQQ-marker-plant");
    s2.nations[1].budget_musd_per_yr = 1234.5678;
    cp_world *w = fixture_world(&s2, 1);
    size_t len;
    unsigned char *buf = save(w, &len);
    unsigned char *bad = malloc(len);
    const double marker = 1234.5678;

    /* the scenario's nation 1 and the world's nation 1 both hold the marker:
     * search after the scenario section */
    size_t scen_end = SAVE_HEADER_BYTES + 8 + bytes_get_u32(buf + SAVE_HEADER_BYTES + 4);
    long at = find_once(buf + scen_end, len - scen_end, &marker, sizeof marker);
    CHECK(at >= 0, "found the budget marker in the nations section");
    if (at >= 0) {
        memcpy(bad, buf, len);
        double nan = NAN;
        memcpy(bad + scen_end + (size_t)at, &nan, sizeof nan);
        fix_checksum(bad, len);
        expect_refused(bad, len, "nations: nation 1: budget_musd_per_yr is not a finite number",
                       "NaN in a nation");
    }
    /* facility 3 in the world: name, then kind and host */
    long name_at = find_once(buf + scen_end, len - scen_end, "QQQ-marker-plant", 16);
    CHECK(name_at >= 0, "found the facility marker");
    if (name_at >= 0) {
        size_t kind_at = scen_end + (size_t)name_at + 16;
        memcpy(bad, buf, len);
        bytes_put_u32(bad + kind_at, CP_FAC_KIND_COUNT);
        fix_checksum(bad, len);
        expect_refused(bad, len, "facilities: facility 3: kind is 4, not 0..3", "a bad kind");
        memcpy(bad, buf, len);
        bytes_put_u32(bad + kind_at + 4, 3);
        fix_checksum(bad, len);
        expect_refused(bad, len, "facility 3: host is 3, not 0..2", "a host out of range");
        memcpy(bad, buf, len);
        bytes_put_u32(bad + kind_at + 4, 0xffffffffu);
        fix_checksum(bad, len);
        expect_refused(bad, len, "host is -1", "a negative host");
        /* the name's length: longer than the field holds */
        memcpy(bad, buf, len);
        bytes_put_u32(bad + scen_end + (size_t)name_at - 4, CP_NAME_LEN);
        fix_checksum(bad, len);
        expect_refused(bad, len, "name is 48 bytes long, at most 47 fit", "an overlong name");
        memcpy(bad, buf, len);
        bad[scen_end + (size_t)name_at + 3] = 0;
        fix_checksum(bad, len);
        expect_refused(bad, len, "holds a NUL byte", "a NUL inside a name");
    }
    /* the nation count in the scenario section: tag, length, two strings,
     * three ints, then the count */
    size_t p = SAVE_HEADER_BYTES + 8;
    p += 4 + bytes_get_u32(buf + p);
    p += 4 + bytes_get_u32(buf + p);
    p += 12;
    CHECK(bytes_get_u32(buf + p) == 3, "found the nation count");
    memcpy(bad, buf, len);
    bytes_put_u32(bad + p, 33);
    fix_checksum(bad, len);
    expect_refused(bad, len, "scenario: nation_count is 33, not 0..32", "too many nations");
    free(bad);
    free(buf);

    /* the writer refuses what the loader would refuse, naming the field */
    cp_world *x = cp_world_clone(w);
    x->nations[2].stock_t[CP_MAGNET] = INFINITY;
    unsigned char *out = NULL;
    size_t n = 0;
    cp_error err = {CP_OK, ""};
    CHECK(cp_world_save(x, &out, &n, &err) != CP_OK && out == NULL, "an infinite stock is not saved");
    CHECK(strstr(err.message, "cannot save the world: nations: nation 2: stock_t is not a finite") != NULL,
          "the refusal names the field: %s", err.message);
    x->nations[2].stock_t[CP_MAGNET] = 0;
    x->facilities[1].stage = (cp_stage)9;
    CHECK(cp_world_save(x, &out, &n, &err) != CP_OK && strstr(err.message, "facility 1: stage is 9"),
          "a bad stage is not saved: %s", err.message);
    cp_world_destroy(x);
    cp_world_destroy(w);
}

/* A tripwire for whoever changes the core's records: every field of these
 * structs is listed in src/core/save.c. When a size below changes, add the
 * new field there (the recipe at the top of save.c: a version bump and a
 * default for older saves), then update the size here. Sizes are those of
 * LP64 machines (x86-64, arm64). */
static void test_layout_unchanged(void)
{
#if defined(__LP64__)
    static const struct {
        const char *name;
        size_t size, expected;
    } layout[] = {
        /* v2: tariffs by route, policy locks; then two caches the market and
         * the countdown derive, unsaved on purpose (route_k, no_suspensions);
         * then the state hash's running parts and the turn's deal versions,
         * derived from saved fields or not state at all (world_internal.h).
         * v3: heavy lines (a fourth kind), the long run, recycling, the
         * investment signals, normal use, the quarter's plans (plan_t: read
         * between turns by cp_world_deal_value_musd, so saved), the
         * extraterritorial rule, the solver's report, expansion caps; the
         * quarter's scratch (final_need_t, heavy_capable_now,
         * tech_banned_now), rebuilt before it is read, unsaved on purpose.
         * v4: the scenario's goals, consent to foreign investment (in the
         * policy's padding), news partners, facilities and routine flags;
         * the score parts' running sums (derived from the history) and the
         * turn report (not state), unsaved on purpose; the market solver's
         * working arrays (mkt_scratch, a pointer: not state) */
        {"struct cp_world", sizeof(struct cp_world), 516952},
        {"cp_scenario", sizeof(cp_scenario), 340368},
        {"cp_nation", sizeof(cp_nation), 6296},
        {"cp_policy", sizeof(cp_policy), 5264},
        {"cp_export_control", sizeof(cp_export_control), 32},
        {"cp_facility", sizeof(cp_facility), 192},
        {"cp_facility_spec", sizeof(cp_facility_spec), 112},
        {"cp_scheduled", sizeof(cp_scheduled), 296},
        {"cp_order", sizeof(cp_order), 48},
        {"cp_event", sizeof(cp_event), 40},
        {"cp_good_params", sizeof(cp_good_params), 80},
        {"cp_market", sizeof(cp_market), 8256},
        {"cp_market_state", sizeof(cp_market_state), 8704},
        {"cp_effect", sizeof(cp_effect), 48},
        {"cp_ledger", sizeof(cp_ledger), 88},
        {"cp_nation_history", sizeof(cp_nation_history), 312},
        {"cp_market_history", sizeof(cp_market_history), 40},
        {"cp_news", sizeof(cp_news), 228},
        {"cp_deal", sizeof(cp_deal), 688},
        {"cp_clause", sizeof(cp_clause), 72},
        {"cp_deal_event", sizeof(cp_deal_event), 40},
    };
    for (size_t i = 0; i < sizeof layout / sizeof layout[0]; i++)
        CHECK(layout[i].size == layout[i].expected,
              "%s is now %zu bytes, was %zu: save its new fields in src/core/save.c (see the "
              "recipe there), then update this size", layout[i].name, layout[i].size,
              layout[i].expected);
#endif
}

int main(void)
{
    RUN(test_layout_unchanged);
    RUN(test_round_trip);
    RUN(test_continues_identically);
    RUN(test_deal_limit_survives);
    RUN(test_refusals);
    RUN(test_field_checks);
    return DONE();
}
