/* test_agents.c -- the agent host end to end: hostile agents change nothing, personalities play clean, runs repeat, memory survives, seats fall back. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, clock_gettime */

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "log_capture.h"
#include "chokepoint.h"
#include "script.h"

#define HOSTILE CP_DATA_DIR "/tests/script/hostile/"
#define AGENTS CP_DATA_DIR "/tests/script/agents/"
#define LUA_TESTS CP_DATA_DIR "/tests/script/lua/"

static cp_scenario sc;
static cps_scenario_info info;

/* ---- a game with a captured log ------------------------------------------------ */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct {
    uint64_t hash;
    int failures, refused, orders;
    double seconds;
    int ok; /* the game ran */
} game;

/* Play 'turns' turns of baseline with seed 'seed' and the given seat
 * assignments; 'seats_out' (if not NULL) receives the seats, still alive. */
static game play(const char *const *assign, int n, int turns, uint64_t seed, int quiet,
                 cps_seats **seats_out, cp_world **world_out)
{
    game g = {0};
    log_clear();
    cp_error e;
    cp_world *w = cp_world_create(&sc, seed, &e);
    if (!w) {
        CHECK(0, "world: %s", e.message);
        return g;
    }
    cps_seat_opts opts = {0};
    opts.log = log_capture;
    opts.quiet = quiet;
    char err[700];
    double t0 = now_s();
    cps_seats *s = cps_seats_create(w, &info, assign, n, &opts, err, sizeof err);
    if (!s) {
        CHECK(0, "seats: %s", err);
        cp_world_destroy(w);
        return g;
    }
    for (int t = 0; t < turns; t++) {
        g.failures += cps_seats_run_turn(s);
        for (int i = 0; i < cp_world_nation_count(w); i++) {
            g.refused += cps_seats_stats(s, i)->last_refused;
            g.orders += cps_seats_stats(s, i)->last_orders;
        }
        cp_world_advance(w);
    }
    g.seconds = now_s() - t0;
    g.hash = cp_world_hash(w);
    g.ok = 1;
    if (seats_out) {
        *seats_out = s;
        *world_out = w;
    } else {
        cps_seats_destroy(s);
        cp_world_destroy(w);
    }
    return g;
}

/* ---- hostile agents ------------------------------------------------------------ */

typedef struct {
    const char *file;
    const char *fragment; /* in the log line */
    int line;             /* the line the log names, 0 = any */
} hostile;

static const hostile hostiles[] = {
    {"infinite_loop.lua", "instruction budget exceeded", 4},
    {"pcall_loop.lua", "instruction budget exceeded", 0},
    {"xpcall_handler.lua", "instruction budget exceeded", 0},
    {"gc_loop.lua", "__gc is not allowed", 5},
    {"pattern.lua", "instruction budget exceeded", 5},
    {"memory_bomb.lua", "memory cap exceeded", 5},
    {"os_execute.lua", "global 'os'", 4},
    {"io_open.lua", "global 'io'", 4},
    {"require.lua", "global 'require'", 4},
    {"string_dump.lua", "field 'dump'", 4},
    {"binary_load.lua", "attempt to load a binary chunk", 5},
    {"debug_access.lua", "global 'debug'", 4},
    {"write_view.lua", "the view is read-only", 6},
    {"error_after_orders.lua", "boom after two orders", 5},
    {"coroutine_early.lua", "instruction budget exceeded", 0},
    {"sort_loop.lua", "instruction budget exceeded", 0},
    {"close_loop.lua", "instruction budget exceeded", 0},
    {"garbage_return.lua", "turn returned a table", 0},
    {"yield_top.lua", "yielded outside a coroutine", 0},
    {"rep_empty.lua", "instruction budget exceeded", 0},
    {"move_huge.lua", "instruction budget exceeded", 4},
    {"memory_keep.lua", "and then an error", 5},
    {"weak_after.lua", "__mode on a metatable is not allowed", 7},
    {"news_flood.lua", "agent failed (budget)", 6},
    {"concat_flood.lua", "agent failed (budget)", 7},
    {"select_flood.lua", "agent failed (budget)", 0},
    {"memory_function.lua", "agent failed (memory not plain data): tests/script/hostile/memory_function.lua: memory.f: a function cannot be kept", 0},
    {"memory_cycle.lua", "memory.loop.again: the same table appears twice", 0},
    {"memory_metatable.lua", "memory.obj: a table with a metatable cannot be kept", 0},
    {"memory_deep.lua", "nested too deep (more than 64 tables)", 0},
    {"forecast_loop.lua", "agent failed (budget)", 7},
    {"forecast_args.lua", "every bad forecast refused", 31},
};

static void test_hostile(void)
{
    const char *quiet[] = {"USA=do_nothing"};
    game base = play(quiet, 1, 3, 11, 1, NULL, NULL);
    CHECK(base.ok && base.failures == 0, "the do-nothing game runs clean");
    for (size_t i = 0; i < sizeof hostiles / sizeof hostiles[0]; i++) {
        const hostile *h = &hostiles[i];
        char assign[512];
        snprintf(assign, sizeof assign, "USA=%s%s", HOSTILE, h->file);
        const char *a[] = {assign};
        game g = play(a, 1, 3, 11, 1, NULL, NULL);
        CHECK(g.ok, "%s: the game did not run", h->file);
        CHECK(g.failures == 3, "%s: %d failed turns, expected 3", h->file, g.failures);
        CHECK(g.hash == base.hash, "%s: hash %016llx differs from the do-nothing game's %016llx",
              h->file, (unsigned long long)g.hash, (unsigned long long)base.hash);
        CHECK(strstr(log_text, h->fragment) != NULL, "%s: log lacks \"%s\":\n%s", h->file,
              h->fragment, log_text);
        char where[300];
        if (h->line)
            snprintf(where, sizeof where, "hostile/%s:%d:", h->file, h->line);
        else
            snprintf(where, sizeof where, "hostile/%s:", h->file);
        CHECK(strstr(log_text, where) != NULL, "%s: log does not name %s:\n%s", h->file, where,
              log_text);
        CHECK(strstr(log_text, "turn 0 USA: agent failed") != NULL, "%s: log names turn and seat",
              h->file);
        CHECK(strstr(log_text, "falls back to scripts/agents/decoupler.lua") != NULL,
              "%s: falls back after 3 failures:\n%s", h->file, log_text);
        CHECK(g.seconds < 10, "%s: the 3-turn game took %.1f s", h->file, g.seconds);
    }
}

static void test_hostile_at_load(void)
{
    static const struct {
        const char *file, *fragment;
    } cases[] = {
        {"loop.lua", "toplevel/loop.lua:3: instruction budget exceeded"},
        {"memory_bomb.lua", "toplevel/memory_bomb.lua:2: memory cap exceeded"},
        {"os_execute.lua", "toplevel/os_execute.lua:2:"},
        {"syntax.lua", "toplevel/syntax.lua:3:"},
        {"no_turn.lua", "needs turn = function(view, act, memory)"},
        {"wrong_version.lua", "written for API version 2; this host speaks version 1"},
        {"init_error.lua", "toplevel/init_error.lua:3: cannot start (in init)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char assign[512], err[700];
        snprintf(assign, sizeof assign, "USA=%stoplevel/%s", HOSTILE, cases[i].file);
        const char *a[] = {assign};
        cp_error e;
        cp_world *w = cp_world_create(&sc, 1, &e);
        double t0 = now_s();
        cps_seats *s = cps_seats_create(w, &info, a, 1, NULL, err, sizeof err);
        CHECK(s == NULL, "%s was seated", cases[i].file);
        CHECK(strstr(err, cases[i].fragment) != NULL, "%s: expected \"%s\" in \"%s\"", cases[i].file,
              cases[i].fragment, err);
        CHECK(now_s() - t0 < 10, "%s: refused in reasonable time", cases[i].file);
        cps_seats_destroy(s);
        cp_world_destroy(w);
    }
    /* malformed assignments */
    char err[700];
    cp_error e;
    cp_world *w = cp_world_create(&sc, 1, &e);
    const char *bad1[] = {"USAdecoupler"};
    CHECK(!cps_seats_create(w, &info, bad1, 1, NULL, err, sizeof err) &&
              strstr(err, "expected ISO3=FILE"), "malformed: %s", err);
    const char *bad2[] = {"XYZ=decoupler"};
    CHECK(!cps_seats_create(w, &info, bad2, 1, NULL, err, sizeof err) &&
              strstr(err, "no nation XYZ"), "unknown nation: %s", err);
    const char *bad3[] = {"USA=no_such_agent"};
    CHECK(!cps_seats_create(w, &info, bad3, 1, NULL, err, sizeof err) &&
              strstr(err, "cannot read") && strstr(err, "scripts/agents/no_such_agent.lua"),
          "missing file: %s", err);
    cp_world_destroy(w);
}

/* ---- personalities and determinism ---------------------------------------------- */

static void test_personalities(void)
{
    /* baseline seats five personalities by default; two more go in two seats */
    const char *extra[] = {"KOR=random_baseline", "GRL=do_nothing"};
    game g = play(extra, 2, 40, 1, 1, NULL, NULL);
    CHECK(g.ok && g.failures == 0, "no agent failed in 40 turns: %s", log_text);
    CHECK(g.refused == 0, "%d refused orders in 40 turns", g.refused);
    CHECK(g.orders > 100, "the personalities act (%d orders)", g.orders);
    /* every personality in every seat where it is not the default would be
     * too slow here; check-agent covers that (test_check_agent). */
    game again = play(extra, 2, 40, 1, 1, NULL, NULL);
    CHECK(again.hash == g.hash, "the same seed and agents give the same hash");
    game other = play(extra, 2, 40, 2, 1, NULL, NULL);
    CHECK(other.hash != g.hash, "another seed gives another game");
}

/* The memory of seat 'nation' as a save keeps it, shown as text
 * (cps_memory_text); 1 when it could be saved and read. */
static int saved_text(cps_seats *s, int nation, char **text, size_t *len)
{
    char *bytes = NULL, err[600];
    size_t n = 0;
    *text = NULL;
    if (cps_seats_memory_save(s, nation, &bytes, &n, err, sizeof err) != 0) {
        fprintf(stderr, "save: %s\n", err);
        return 0;
    }
    int ok = cps_memory_text(bytes, n, text, len) == 0;
    free(bytes);
    return ok;
}

static void test_determinism(void)
{
    char assign[300];
    snprintf(assign, sizeof assign, "JPN=%spairs_order.lua", AGENTS);
    const char *a[] = {assign, "KOR=random_baseline"};
    cps_seats *s1, *s2;
    cp_world *w1, *w2;
    game g1 = play(a, 2, 8, 5, 1, &s1, &w1);
    game g2 = play(a, 2, 8, 5, 1, &s2, &w2);
    CHECK(g1.ok && g2.ok && g1.failures == 0, "pairs_order runs: %s", log_text);
    CHECK(g1.hash == g2.hash, "same hash with an agent acting on pairs order");
    char *m1 = NULL, *m2 = NULL;
    size_t l1 = 0, l2 = 0;
    int jpn = cp_world_find_nation(w1, "JPN");
    CHECK(saved_text(s1, jpn, &m1, &l1), "save");
    CHECK(saved_text(s2, jpn, &m2, &l2), "save");
    CHECK(m1 && m2 && strcmp(m1, m2) == 0, "same memory in both runs:\n%s\n%s", m1, m2);
    CHECK(m1 && strstr(m1, "[\"seq\"]=\"1,2,3,4,5,6,7,8,9,10\""), "table keys in creation order: %s", m1);
    /* once more in another process: other addresses, another string-hash seed */
    int fd[2];
    if (m1 && pipe(fd) == 0) {
        pid_t pid = fork();
        if (pid == 0) {
            close(fd[0]);
            cps_seats *s3;
            cp_world *w3;
            game g3 = play(a, 2, 8, 5, 1, &s3, &w3);
            char *m3 = NULL;
            size_t l3 = 0;
            saved_text(s3, jpn, &m3, &l3);
            if (write(fd[1], &g3.hash, sizeof g3.hash) < 0 || (m3 && write(fd[1], m3, l3) < 0))
                _exit(1);
            _exit(0);
        }
        close(fd[1]);
        uint64_t h3 = 0;
        static char m3[1 << 14];
        ssize_t got = read(fd[0], &h3, sizeof h3), n = 0, k;
        while ((k = read(fd[0], m3 + n, sizeof m3 - 1 - (size_t)n)) > 0)
            n += k;
        m3[n > 0 ? n : 0] = '\0';
        close(fd[0]);
        waitpid(pid, NULL, 0);
        CHECK(got == sizeof h3 && h3 == g1.hash, "another process gives the same hash");
        CHECK(strcmp(m3, m1) == 0, "another process keeps the same memory:\n%s\n%s", m1, m3);
    }
    free(m1);
    free(m2);
    cps_seats_destroy(s1);
    cps_seats_destroy(s2);
    cp_world_destroy(w1);
    cp_world_destroy(w2);
}

/* ---- memory ----------------------------------------------------------------------- */

static void test_memory(void)
{
    char assign[300], err[700];
    snprintf(assign, sizeof assign, "CAN=%smemory_counter.lua", AGENTS);
    const char *a[] = {assign};
    /* uninterrupted: 6 turns */
    cps_seats *s1;
    cp_world *w1;
    game g1 = play(a, 1, 6, 3, 1, &s1, &w1);
    int can = cp_world_find_nation(w1, "CAN");
    /* interrupted: 3 turns, save the memory, new seats, load it, 3 more turns */
    cps_seats *s2;
    cp_world *w2;
    play(a, 1, 3, 3, 1, &s2, &w2);
    /* a save keeps every seat's memory, not only the one under test */
    static char *texts[CP_MAX_NATIONS];
    static size_t lens[CP_MAX_NATIONS];
    int count = cp_world_nation_count(w2);
    for (int i = 0; i < count; i++) {
        texts[i] = NULL;
        if (cps_seats_stats(s2, i)->has_agent)
            CHECK(cps_seats_memory_save(s2, i, &texts[i], &lens[i], err, sizeof err) == 0,
                  "save: %s", err);
    }
    char *text = texts[can];
    size_t len = lens[can];
    cps_seats_destroy(s2);
    cps_seat_opts opts = {0};
    opts.quiet = 1;
    cps_seats *s3 = cps_seats_create(w2, &info, a, 1, &opts, err, sizeof err);
    CHECK(s3 != NULL, "reseat: %s", err);
    if (!s3 || !text)
        return;
    for (int i = 0; i < count; i++)
        if (texts[i]) {
            CHECK(cps_seats_memory_load(s3, i, texts[i], lens[i], err, sizeof err) == 0, "load: %s",
                  err);
            if (i != can)
                free(texts[i]);
        }
    for (int t = 0; t < 3; t++) {
        cps_seats_run_turn(s3);
        cp_world_advance(w2);
    }
    CHECK(cp_world_hash(w2) == g1.hash, "memory carried across a reload gives the same game");
    char *t1 = NULL, *t3 = NULL, *b1 = NULL, *b3 = NULL;
    size_t n1, n3, bn1 = 0, bn3 = 0;
    CHECK(saved_text(s1, can, &t1, &n1) && saved_text(s3, can, &t3, &n3), "memory shows as text");
    CHECK(t1 && t3 && strcmp(t1, t3) == 0, "same memory text:\n%s\n%s", t1, t3);
    CHECK(t1 && strstr(t1, "[\"n\"]=6"), "counter: %s", t1);
    CHECK(t1 && strstr(t1, "\"quote\\\" and \\\\ and\\nnewline\\000zero\""), "string escapes: %s", t1);
    CHECK(t1 && strstr(t1, "-0.0,") && strstr(t1, "1.5,") && strstr(t1, "9007199254740992.0"),
          "floats stay floats: %s", t1);
    CHECK(t1 && strstr(t1, "[\"mini\"]=math.mininteger,") && strstr(t1, "[\"maxi\"]=9223372036854775807,"),
          "integers stay integers, the smallest one too: %s", t1);
    /* save, load, save again: the same bytes */
    cps_seats_memory_save(s1, can, &b1, &bn1, err, sizeof err);
    CHECK(b1 && cps_seats_memory_load(s3, can, b1, bn1, err, sizeof err) == 0, "reload: %s", err);
    cps_seats_memory_save(s3, can, &b3, &bn3, err, sizeof err);
    CHECK(b1 && b3 && bn1 == bn3 && memcmp(b1, b3, bn1) == 0, "round trip");
    /* a version 1 save's memory text still loads, as data only and metered */
    const char *old = "{[\"n\"]=4,[\"nested\"]={[1]=true,[2]=\"x\\000y\",},}";
    CHECK(cps_seats_memory_load(s3, can, old, strlen(old), err, sizeof err) == 0, "text: %s", err);
    free(t3);
    CHECK(saved_text(s3, can, &t3, &n3) && strstr(t3, "[\"n\"]=4,") &&
              strstr(t3, "[\"nested\"]={[1]=true,[2]=\"x\\000y\",},"), "text kept as bytes: %s", t3);
    const char *evil = "os.exit()";
    CHECK(cps_seats_memory_load(s3, can, evil, strlen(evil), err, sizeof err) != 0,
          "memory text is data only");
    const char *loop = "(function() while true do end end)()";
    CHECK(cps_seats_memory_load(s3, can, loop, strlen(loop), err, sizeof err) != 0, "memory text is metered");
    free(text);
    free(t1);
    free(t3);
    free(b1);
    free(b3);
    cps_seats_destroy(s1);
    cps_seats_destroy(s3);
    cp_world_destroy(w1);
    cp_world_destroy(w2);

    /* a turn that leaves memory that is not plain data fails, and its memory is as before */
    snprintf(assign, sizeof assign, "USA=%smemory_keep.lua", HOSTILE);
    const char *b[] = {assign};
    cps_seats *s4;
    cp_world *w4;
    play(b, 1, 1, 3, 1, &s4, &w4);
    CHECK(saved_text(s4, 1, &text, &len) && strcmp(text, "{}") == 0,
          "a failed turn leaves the memory as it was: %s", text);
    free(text);
    cps_seats_destroy(s4);
    cp_world_destroy(w4);
}

static void test_fallback(void)
{
    char assign[300];
    snprintf(assign, sizeof assign, "USA=%salways_fails.lua", AGENTS);
    const char *a[] = {assign};
    cps_seats *s;
    cp_world *w;
    game g = play(a, 1, 5, 1, 1, &s, &w);
    CHECK(g.failures == 3, "three failures, then the default agent plays: %d", g.failures);
    const cps_seat_stats *st = cps_seats_stats(s, 1);
    CHECK(st->fallbacks == 1 && st->failures_total == 3, "stats: %d fallbacks, %d failures",
          st->fallbacks, st->failures_total);
    CHECK(strcmp(st->agent, "scripts/agents/decoupler.lua") == 0, "seat now holds %s", st->agent);
    CHECK(strstr(log_text, "always_fails.lua:2: always fails"), "log: %s", log_text);
    CHECK(strstr(log_text, "turn 2 USA: 3 failures in a row; the seat falls back to "
                           "scripts/agents/decoupler.lua"), "fallback logged: %s", log_text);
    cps_seats_destroy(s);
    cp_world_destroy(w);
    /* a default agent that keeps failing leaves the seat empty */
    cps_scenario_info copy = info;
    snprintf(info.agent[1], sizeof info.agent[1], "%s", AGENTS "always_fails.lua");
    g = play(NULL, 0, 5, 1, 1, &s, &w);
    CHECK(g.failures == 3 && !cps_seats_stats(s, 1)->has_agent, "seat left empty");
    CHECK(strstr(log_text, "the seat is left without an agent"), "log: %s", log_text);
    cps_seats_destroy(s);
    cp_world_destroy(w);
    info = copy;
}

/* fallback_after: never (check-agent counts every failure of the agent it checks), or after
 * the first failure; the default (3) is test_fallback's. */
static void test_fallback_after(void)
{
    char assign[300];
    snprintf(assign, sizeof assign, "USA=%salways_fails.lua", AGENTS);
    const char *a[] = {assign};
    cp_error e;
    char err[700];
    for (int k = 0; k < 2; k++) {
        log_clear();
        cp_world *w = cp_world_create(&sc, 1, &e);
        cps_seat_opts opts = {0};
        opts.log = log_capture;
        opts.quiet = 1;
        opts.fallback_after = k == 0 ? -1 : 1;
        cps_seats *s = cps_seats_create(w, &info, a, 1, &opts, err, sizeof err);
        CHECK(s != NULL, "seats: %s", err);
        if (!s) {
            cp_world_destroy(w);
            return;
        }
        int failures = 0;
        for (int t = 0; t < 5; t++) {
            failures += cps_seats_run_turn(s);
            cp_world_advance(w);
        }
        const cps_seat_stats *st = cps_seats_stats(s, 1);
        if (k == 0) {
            CHECK(failures == 5 && st->failures_total == 5 && st->failures_in_row == 5,
                  "never falls back: %d failures, %d in a row", failures, st->failures_in_row);
            CHECK(st->fallbacks == 0 && strstr(st->agent, "always_fails.lua"), "still seated: %s",
                  st->agent);
            CHECK(!strstr(log_text, "falls back"), "no fallback logged:\n%s", log_text);
        } else {
            CHECK(failures == 1 && st->fallbacks == 1, "falls back after one: %d failures",
                  failures);
            CHECK(strcmp(st->agent, "scripts/agents/decoupler.lua") == 0, "seat now holds %s",
                  st->agent);
            CHECK(strstr(log_text, "turn 0 USA: 1 failures in a row; the seat falls back to"),
                  "fallback logged:\n%s", log_text);
        }
        cps_seats_destroy(s);
        cp_world_destroy(w);
    }
}

/* The seats' report of a seat's last turn: the orders kept, the refusals with the core's
 * messages, a failure's reason; nothing for a seat without an agent. */
static void test_report(void)
{
    char a1[300], a2[300];
    snprintf(a1, sizeof a1, "USA=%sorders_and_refusals.lua", AGENTS);
    snprintf(a2, sizeof a2, "JPN=%serror_after_orders.lua", HOSTILE);
    const char *a[] = {a1, a2, "CHN=none"};
    cps_seats *s;
    cp_world *w;
    game g = play(a, 3, 1, 1, 1, &s, &w);
    CHECK(g.ok && g.failures == 1, "one failure (Japan's): %d", g.failures);
    if (!g.ok)
        return;
    const cps_seat_report *r = cps_seats_report(s, cp_world_find_nation(w, "USA"));
    CHECK(r && r->played && !r->failed && r->order_count == 1, "USA kept one order: %d",
          r ? r->order_count : -1);
    CHECK(r && r->orders[0].kind == CP_ORDER_SET_TARIFF && r->orders[0].good == CP_MAGNET &&
              r->orders[0].partner == cp_world_find_nation(w, "CHN") && r->orders[0].amount == 0.25,
          "the order as queued");
    CHECK(r && r->refused == 1 && strstr(r->refusals[0], "tariff"), "the refusal: %d \"%s\"",
          r ? r->refused : -1, r ? r->refusals[0] : "");
    CHECK(r && r->instructions > 0 && r->mem_bytes > 0, "budget use: %lld instructions",
          r ? r->instructions : -1);
    r = cps_seats_report(s, cp_world_find_nation(w, "JPN"));
    CHECK(r && r->played && r->failed && !r->memory_bad && r->order_count == 0 &&
              strstr(r->message, "error_after_orders.lua:5: boom after two orders"),
          "Japan failed, its orders withdrawn: %s", r ? r->message : "");
    r = cps_seats_report(s, cp_world_find_nation(w, "CHN"));
    CHECK(r && !r->played && r->order_count == 0, "an empty seat played nothing");
    CHECK(cps_seats_report(s, -1) == NULL && cps_seats_report(s, 99) == NULL, "no such seat");
    cps_seats_destroy(s);
    cp_world_destroy(w);
}

/* A deal put to a seat's on_proposal: the report names what it answered. */
static void test_report_answers(void)
{
    static const struct {
        const char *file;
        cps_answer answer;
    } cases[] = {{"accept.lua", CPS_ANSWER_ACCEPTED}, {"reject.lua", CPS_ANSWER_REJECTED},
                 {"counter.lua", CPS_ANSWER_COUNTERED}, {"fails.lua", CPS_ANSWER_FAILED}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        log_clear();
        cp_error e;
        cp_world *w = cp_world_create(&sc, 3, &e);
        char assign[400];
        snprintf(assign, sizeof assign, "JPN=%s/tests/script/deals/%s", CP_DATA_DIR, cases[i].file);
        const char *a[] = {assign};
        cps_seat_opts opts = {0};
        opts.log = log_capture;
        char err[700];
        cps_seats *s = cps_seats_create(w, NULL, a, 1, &opts, err, sizeof err);
        CHECK(s != NULL, "%s: %s", cases[i].file, err);
        if (!s) {
            cp_world_destroy(w);
            continue;
        }
        int usa = cp_world_find_nation(w, "USA"), jpn = cp_world_find_nation(w, "JPN");
        cp_deal d;
        memset(&d, 0, sizeof d);
        d.proposer = usa;
        d.party_count = 2;
        d.parties[0] = usa;
        d.parties[1] = jpn;
        d.clause_count = 1;
        d.clauses[0] = (cp_clause){.kind = CP_CLAUSE_TARIFF, .from = usa, .to = jpn,
                                   .good = CP_MAGNET, .amount = 0, .facility = -1};
        d.term_turns = 8;
        int id = cp_world_propose(w, &d, &e);
        CHECK(id >= 0, "proposed: %s", e.message);
        CHECK(cps_seats_stats(s, jpn)->answers, "%s answers deals", cases[i].file);
        cps_seats_run_turn(s);
        const cps_seat_report *r = cps_seats_report(s, jpn);
        CHECK(r->proposal_calls == 1 && r->answer_count == 1 && r->answers[0].deal_id == id,
              "%s: asked once about deal %d", cases[i].file, id);
        CHECK(r->answers[0].answer == cases[i].answer, "%s: answered %d, expected %d",
              cases[i].file, (int)r->answers[0].answer, (int)cases[i].answer);
        int failed = cases[i].answer == CPS_ANSWER_FAILED;
        CHECK(r->proposal_failures == failed &&
                  (!failed || strstr(r->proposal_message, "fails.lua:7: no answer today")),
              "%s: failures %d \"%s\"", cases[i].file, r->proposal_failures, r->proposal_message);
        CHECK(r->played && !r->failed, "%s: its turn ran after", cases[i].file);
        cps_seats_destroy(s);
        cp_world_destroy(w);
    }
}

/* cps_agent_probe: an agent's name, or its load error with file and line, running nothing but
 * its top level. */
static void test_probe(void)
{
    char name[64], err[600];
    CHECK(cps_agent_probe(&sc, "decoupler", NULL, name, sizeof name, err, sizeof err) == 0 &&
              strcmp(name, "Decoupler") == 0, "decoupler: \"%s\" %s", name, err);
    CHECK(cps_agent_probe(&sc, AGENTS "orders_and_refusals.lua", NULL, name, sizeof name, err,
                          sizeof err) == 0 && strcmp(name, "Orders and refusals") == 0,
          "by path: \"%s\"", name);
    CHECK(cps_agent_probe(&sc, HOSTILE "toplevel/syntax.lua", NULL, name, sizeof name, err,
                          sizeof err) != 0 && strstr(err, "syntax.lua:"), "syntax error: %s", err);
    cps_seat_opts lim = {0};
    lim.budget_instructions = 10000;
    CHECK(cps_agent_probe(&sc, HOSTILE "toplevel/loop.lua", &lim, name, sizeof name, err,
                          sizeof err) != 0 && strstr(err, "budget"), "a top level that loops: %s", err);
    CHECK(cps_agent_probe(&sc, "no_such_agent_here", NULL, name, sizeof name, err, sizeof err) != 0,
          "a missing file: %s", err);
}

/* Integers beyond an int, from China's seat: 2^32 once closed facility 0
 * (China's mines). Every call is refused, and the mines stay open. */
static void test_big_ints(void)
{
    char assign[300];
    snprintf(assign, sizeof assign, "CHN=%sbig_ints.lua", HOSTILE);
    const char *a[] = {assign};
    cps_seats *s;
    cp_world *w;
    game g = play(a, 1, 1, 1, 0, &s, &w);
    CHECK(g.ok && g.failures == 0 && strstr(log_text, "BIG INTS OK"), "big ints:\n%s", log_text);
    const cp_facility *f = cp_world_facility(w, 0);
    CHECK(f && f->host == cp_world_find_nation(w, "CHN") && f->stage != CP_STAGE_CLOSED &&
              f->stage != CP_STAGE_IDLED, "China's facility 0 still runs");
    cps_seats_destroy(s);
    cp_world_destroy(w);
}

/* print and error text of an agent's making: one printable line each, no
 * forged host line, no escape sequence, no NUL cutting it short. */
static void test_print_lines(void)
{
    char assign[300];
    snprintf(assign, sizeof assign, "USA=%sprint_forge.lua", HOSTILE);
    const char *a[] = {assign};
    game g = play(a, 1, 1, 1, 0, NULL, NULL);
    CHECK(g.ok && g.failures == 1, "the turn fails by its error");
    int lines = 0;
    for (const char *p = log_text; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    CHECK(lines == 4, "three prints and a failure make four lines, got %d:\n%s", lines, log_text);
    CHECK(!strstr(log_text, "\nturn 0 CHN") && !strstr(log_text, "\nturn 0 JPN"),
          "no forged line:\n%s", log_text);
    CHECK(strstr(log_text, "print_forge.lua: first\\nturn 0 CHN: agent failed"),
          "the newline is shown as \\n:\n%s", log_text);
    CHECK(strstr(log_text, "\\x1b[2J\\x1b[31mred\\x1b[0m\\r\\x00zero\\xc2\\x9bcsi\ttab"),
          "escapes, NUL and C1 shown as \\xNN:\n%s", log_text);
    CHECK(strstr(log_text, "caf\xc3\xa9 \xe2\x82\xac") && strstr(log_text, "\xe2\x82\xac...\n"),
          "UTF-8 kept and cut between characters:\n%s", log_text);
    CHECK(strstr(log_text, "boom\\nturn 0 JPN: agent failed (error): forged too; its orders"),
          "the failure is one line:\n%s", log_text);
    for (const char *p = log_text; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') {
            CHECK(0, "control byte %d in the log", *p);
            break;
        }
}

/* ---- Lua-side tests ------------------------------------------------------------------- */

static void test_lua_side(void)
{
    static const char *const files[] = {"api_test.lua", "sandbox_test.lua"};
    for (size_t i = 0; i < 2; i++) {
        char assign[300];
        snprintf(assign, sizeof assign, "USA=%s%s", LUA_TESTS, files[i]);
        const char *a[] = {assign};
        game g = play(a, 1, 2, 1, 0, NULL, NULL);
        CHECK(g.ok && g.failures == 0, "%s failed:\n%s", files[i], log_text);
        CHECK(strstr(log_text, "ALL OK turn 0") && strstr(log_text, "ALL OK turn 1"),
              "%s did not finish:\n%s", files[i], log_text);
        printf("%s", log_text[0] && g.failures ? log_text : "");
    }
}

/* ---- check-agent ---------------------------------------------------------------------- */

static int check_agent_output(const char *file, char *out, size_t len)
{
    FILE *f = tmpfile();
    int rc = cps_check_agent(file, f);
    rewind(f);
    size_t n = fread(out, 1, len - 1, f);
    out[n] = '\0';
    fclose(f);
    return rc;
}

static void test_check_agent(void)
{
    static char out[1 << 15];
    static const char *const shipped[] = {"do_nothing", "rhythm_card", "decoupler", "green_bloc",
                                           "stability_buyer", "resource_seller", "random_baseline",
                                           "example_tariff", "example_planner"};
    for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
        int rc = check_agent_output(shipped[i], out, sizeof out);
        CHECK(rc == 0, "%s is not sound:\n%s", shipped[i], out);
        CHECK(strstr(out, "refused: 0\n"), "%s refuses orders in some seat:\n%s", shipped[i], out);
    }
    CHECK(strstr(out, "instructions per turn: max") && strstr(out, "memory per turn: max") &&
              strstr(out, "deterministic: yes") && strstr(out, "verdict: sound"),
          "report: %s", out);
    int rc = check_agent_output(HOSTILE "error_after_orders.lua", out, sizeof out);
    CHECK(rc == 1 && strstr(out, "error_after_orders.lua:5: boom after two orders") &&
              strstr(out, "verdict: not sound"), "failing agent: %d\n%s", rc, out);
    rc = check_agent_output(HOSTILE "toplevel/syntax.lua", out, sizeof out);
    CHECK(rc == 1 && strstr(out, "load: FAILED: tests/script/hostile/toplevel/syntax.lua:3:"),
          "load error: %d\n%s", rc, out);
    rc = check_agent_output(LUA_TESTS "api_test.lua", out, sizeof out);
    CHECK(rc == 1 && strstr(out, "refusals (the core's reasons):"), "refusals reported: %s", out);
    rc = check_agent_output("/nonexistent.lua", out, sizeof out);
    CHECK(rc == 2 && strstr(out, "cannot read"), "missing file: %d %s", rc, out);
    rc = check_agent_output(HOSTILE "memory_function.lua", out, sizeof out);
    CHECK(rc == 1 && strstr(out, "memory not plain data after 96 calls") &&
              strstr(out, "memory.f: a function cannot be kept"), "memory: %s", out);
    /* the length of a table with holes differs between Lua states (issue 14): the two runs
     * differ in what the agent prints, and the report says why */
    rc = check_agent_output(HOSTILE "holes_length.lua", out, sizeof out);
    CHECK(rc == 1 && strstr(out, "deterministic: NO: the two runs differed in 24 seats") &&
              strstr(out, "length (#) of a table with holes") && strstr(out, "verdict: not sound"),
          "nondeterministic agent: %d\n%s", rc, out);
    /* issue 19: an error two helpers below turn names each frame, and check-agent says the
     * same error once for every seat instead of 96 lines */
    rc = check_agent_output(HOSTILE "helper_error.lua", out, sizeof out);
    CHECK(rc == 1 &&
              strstr(out, "    as CHN, turn 0: tests/script/hostile/helper_error.lua:5: attempt to index "
                          "a nil value (local 'n') (traceback: tests/script/hostile/helper_error.lua:5 "
                          "in price_of < tests/script/hostile/helper_error.lua:9 in review < "
                          "tests/script/hostile/helper_error.lua:16) (same error in 24 seats, 96 calls)\n") &&
              !strstr(out, "as USA, turn"),
          "a helper's error, grouped: %d\n%s", rc, out);
    /* deals are offered to an agent that answers them, in every seat */
    rc = check_agent_output("decoupler", out, sizeof out);
    CHECK(rc == 0 && strstr(out, "on_proposal: 48 deals offered, "), "offers: %s", out);
    rc = check_agent_output("do_nothing", out, sizeof out);
    CHECK(rc == 0 && strstr(out, "on_proposal: none"), "no on_proposal: %s", out);
    rc = check_agent_output(HOSTILE "proposal_error.lua", out, sizeof out);
    CHECK(rc == 1 &&
              strstr(out, "as USA, offer before turn 1: tests/script/hostile/proposal_error.lua:4: "
                          "no deals with CHN (in on_proposal, deal ") &&
              strstr(out, "failed calls: 0 turns (their orders were discarded), 48 on_proposal") &&
              strstr(out, "verdict: not sound"),
          "failing on_proposal: %d\n%s", rc, out);
}

/* ---- the generated documentation matches the committed files ------------------------- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 18];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    char *s = malloc(n + 1);
    if (s)
        memcpy(s, buf, n + 1);
    return s;
}

static void test_docs(void)
{
    char dir[] = "/tmp/chokepoint-docs-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "temp dir");
    char path[512];
    CHECK(cps_api_write_docs(dir) == 0, "generate");
    snprintf(path, sizeof path, "%s/api/chokepoint.lua", dir);
    char *fresh = slurp(path), *kept = slurp(CP_DATA_DIR "/docs/api/chokepoint.lua");
    CHECK(fresh && kept && strcmp(fresh, kept) == 0,
          "docs/api/chokepoint.lua is stale: run `chokepoint gen-api-docs docs`");
    free(fresh);
    free(kept);
    snprintf(path, sizeof path, "%s/agents.md", dir);
    fresh = slurp(path);
    kept = slurp(CP_DATA_DIR "/docs/agents.md");
    const char *mark = "<!-- BEGIN API REFERENCE";
    const char *a = fresh ? strstr(fresh, mark) : NULL, *b = kept ? strstr(kept, mark) : NULL;
    CHECK(a && b && strcmp(a, b) == 0,
          "the reference in docs/agents.md is stale: run `chokepoint gen-api-docs docs`");
    free(fresh);
    free(kept);
    unlink(path);
    snprintf(path, sizeof path, "%s/api/chokepoint.lua", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/api", dir);
    rmdir(path);
    rmdir(dir);
}
/* view.forecast (issue 22): an agent that forecasts every turn (and in init and on_proposal)
 * plays the same game as one that gives the same orders without forecasting; its forecasts
 * repeat, in this process and in another (the figures it keeps in memory). */
static void test_forecast(void)
{
    char with[300], without[300];
    snprintf(with, sizeof with, "USA=%sforecast_then_tariff.lua", AGENTS);
    snprintf(without, sizeof without, "USA=%stariff_only.lua", AGENTS);
    const char *a[] = {with}, *b[] = {without};
    cps_seats *s1, *s2;
    cp_world *w1, *w2;
    game g1 = play(a, 1, 6, 3, 1, &s1, &w1);
    game g2 = play(a, 1, 6, 3, 1, &s2, &w2);
    game g0 = play(b, 1, 6, 3, 1, NULL, NULL);
    CHECK(g1.ok && g0.ok && g1.failures == 0 && g0.failures == 0, "both run clean: %s", log_text);
    CHECK(g1.hash == g0.hash, "forecasting changed the game: %016llx, without %016llx",
          (unsigned long long)g1.hash, (unsigned long long)g0.hash);
    CHECK(g1.hash == g2.hash, "the same game twice");
    int usa = cp_world_find_nation(w1, "USA");
    char *m1 = NULL, *m2 = NULL;
    size_t l1 = 0, l2 = 0;
    CHECK(saved_text(s1, usa, &m1, &l1) && saved_text(s2, usa, &m2, &l2), "save");
    CHECK(m1 && m2 && strcmp(m1, m2) == 0, "the forecasts differ between two runs:\n%s\n%s", m1, m2);
    CHECK(m1 && strstr(m1, " 9:"), "six turns of forecasts kept: %s", m1 ? m1 : "");
    int fd[2];
    if (m1 && pipe(fd) == 0) {
        pid_t pid = fork();
        if (pid == 0) {
            close(fd[0]);
            cps_seats *s3;
            cp_world *w3;
            play(a, 1, 6, 3, 1, &s3, &w3);
            char *m3 = NULL;
            size_t l3 = 0;
            saved_text(s3, usa, &m3, &l3);
            if (m3 && write(fd[1], m3, l3) < 0)
                _exit(1);
            _exit(0);
        }
        close(fd[1]);
        static char m3[1 << 16];
        ssize_t n = 0, k;
        while ((k = read(fd[0], m3 + n, sizeof m3 - 1 - (size_t)n)) > 0)
            n += k;
        m3[n > 0 ? n : 0] = '\0';
        close(fd[0]);
        waitpid(pid, NULL, 0);
        CHECK(strcmp(m3, m1) == 0, "another process forecasts otherwise:\n%s\n%s", m1, m3);
    }
    free(m1);
    free(m2);
    cps_seats_destroy(s1);
    cps_seats_destroy(s2);
    cp_world_destroy(w1);
    cp_world_destroy(w2);
}

/* test_script_agents [TEST]: every test, or only the one named. */
int main(int argc, char **argv)
{
    char err[600];
    if (cps_scenario_load("baseline", &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "baseline: %s\n", err);
        return 1;
    }
    const char *only = argc > 1 ? argv[1] : NULL;
#define T(fn) if (!only || strcmp(only, #fn) == 0) RUN(fn)
    T(test_hostile);
    T(test_hostile_at_load);
    T(test_personalities);
    T(test_determinism);
    T(test_forecast);
    T(test_memory);
    T(test_fallback);
    T(test_fallback_after);
    T(test_report);
    T(test_report_answers);
    T(test_probe);
    T(test_big_ints);
    T(test_print_lines);
    T(test_lua_side);
    T(test_check_agent);
    T(test_docs);
    cps_scenario_info_free(&info);
    return DONE();
}
