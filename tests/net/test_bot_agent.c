/* test_bot_agent.c -- the bot's local agent runner (src/server/bot_agent.h) without a network:
 * fed the world's bytes at the start of each quarter, as the server sends them, an agent seated
 * in one nation makes the same orders as the same agent played in a session game (what sim
 * plays), quarter after quarter with its memory kept; the decisions it hands out (orders and
 * deal actions), applied to the snapshot as the server applies the bot's messages, give the
 * game's next hash; a broken agent, a missing nation and bad bytes are refused with a message.
 *
 * test_bot_agent [TEST] runs every test, or the one named. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bot_agent.h"
#include "bot_base64.h"
#include "check.h"
#include "log_capture.h"
#include "session.h"

static int same_order(const cp_order *a, const cp_order *b)
{
    return a->kind == b->kind && a->nation == b->nation && a->partner == b->partner &&
           a->good == b->good && a->facility == b->facility &&
           a->facility_kind == b->facility_kind && a->mode == b->mode && a->flag == b->flag &&
           a->turns == b->turns && a->amount == b->amount;
}

/* The bot's decisions applied to a copy of the snapshot as the server applies its messages:
 * each order submitted, each deal action taken, with the local deal ids of its own proposals
 * mapped to the ids the copy gives them. 0, or -1 when the copy refuses one. */
static int apply(cp_world *w, int nation, const bot_decisions *d)
{
    cp_error e;
    for (int k = 0; k < d->order_count; k++)
        if (cp_world_submit(w, &d->orders[k], &e) != CP_OK) {
            CHECK(0, "order %d refused: %s", k, e.message);
            return -1;
        }
    int local[BOT_MAX_DEAL_ACTIONS], remote[BOT_MAX_DEAL_ACTIONS], mapped = 0;
    for (int k = 0; k < d->action_count; k++) {
        const bot_deal_action *a = &d->actions[k];
        int id = a->deal_id;
        for (int m = 0; m < mapped; m++)
            if (local[m] == id)
                id = remote[m];
        cp_status st = CP_OK;
        switch (a->kind) {
        case BOT_DEAL_PROPOSE: {
            int got = cp_world_propose(w, &a->deal, &e);
            st = got < 0 ? CP_ERR_BAD_VALUE : CP_OK;
            local[mapped] = a->deal_id;
            remote[mapped++] = got;
            break;
        }
        case BOT_DEAL_ACCEPT:
            st = cp_world_answer(w, id, nation, CP_ANSWER_ACCEPT, &e);
            break;
        case BOT_DEAL_REJECT:
            st = cp_world_answer(w, id, nation, CP_ANSWER_REJECT, &e);
            break;
        case BOT_DEAL_COUNTER:
            st = cp_world_counter(w, id, nation, &a->deal, &e);
            break;
        case BOT_DEAL_WITHDRAW:
            st = cp_world_withdraw_deal(w, id, nation, &e);
            break;
        }
        if (st != CP_OK) {
            CHECK(0, "deal action %d (kind %d, deal %d) refused: %s", k, (int)a->kind, id,
                  e.message);
            return -1;
        }
    }
    return 0;
}

/* 'turns' quarters of 'scenario' with only 'iso' seated, by its scenario's agent (or 'agent'):
 * each quarter the bot runner gets the world's bytes and plays, then the game plays the same
 * quarter; their orders must match, and the bot's decisions applied to the snapshot must give
 * the game's hash after the quarter. Returns how many orders and deal actions the bot made. */
static int play_along(const char *scenario, const char *iso, const char *agent, int turns)
{
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.no_agents = 1;
    o.seats.log = log_capture;
    o.seats.quiet = 1;
    cpg_error ge;
    cpg_game *g = cpg_new(scenario, 7, NULL, 0, &o, &ge);
    CHECK(g, "%s: %s", scenario, ge.message);
    if (!g)
        return 0;
    int n = cp_world_find_nation(cpg_world(g), iso);
    const char *file = agent ? agent : cpg_info(g)->agent[n];
    CHECK(n >= 0 && file[0], "%s: %s has no agent", scenario, iso);
    if (n < 0 || !file[0]) {
        cpg_close(g);
        return 0;
    }
    CHECK(cpg_seat(g, n, file, &ge) == 0, "%s: %s", file, ge.message);
    bot_agent *b = NULL;
    int made = 0;
    char err[1400];
    for (int t = 0; t < turns; t++) {
        unsigned char *bytes = NULL;
        size_t len = 0;
        cp_error e;
        CHECK(cp_world_save(cpg_world(g), &bytes, &len, &e) == CP_OK, "save: %s", e.message);
        if (!b) {
            b = bot_agent_open(bytes, len, iso, file, log_capture, NULL, err, sizeof err);
            CHECK(b, "bot_agent_open: %s", err);
            if (!b) {
                free(bytes);
                break;
            }
        }
        static bot_decisions d;
        int already = -1;
        CHECK(bot_agent_turn(b, bytes, len, &d, &already, err, sizeof err) == 0, "turn %d: %s",
              t, err);
        CHECK(already == 0, "turn %d: %d orders already queued", t, already);
        CHECK(!d.failed, "turn %d: the agent failed: %s", t, d.message);
        cp_world *copy = cp_world_load(bytes, len, &e);
        free(bytes);
        CHECK(cpg_play_turn(g, &ge) == 0, "play: %s", ge.message);
        const cps_seat_report *r = cps_seats_report(cpg_seats(g), n);
        CHECK(r && r->played, "turn %d: the game's agent did not play", t);
        CHECK(r->order_count == d.order_count || (r->order_count == CPS_REPORT_ORDERS &&
                                                  d.order_count >= CPS_REPORT_ORDERS),
              "turn %d: the game's agent made %d orders, the bot's %d", t, r->order_count,
              d.order_count);
        for (int k = 0; k < r->order_count && k < d.order_count; k++)
            CHECK(same_order(&r->orders[k], &d.orders[k]), "turn %d: order %d differs (%s, %s)",
                  t, k, cp_order_kind_name(r->orders[k].kind),
                  cp_order_kind_name(d.orders[k].kind));
        made += d.order_count + d.action_count;
        if (copy && apply(copy, n, &d) == 0) {
            cp_world_advance(copy);
            CHECK(cp_world_hash(copy) == cp_world_hash(cpg_world(g)),
                  "turn %d: the bot's decisions give hash %016llx, the game %016llx", t,
                  (unsigned long long)cp_world_hash(copy),
                  (unsigned long long)cp_world_hash(cpg_world(g)));
        }
        cp_world_destroy(copy);
    }
    bot_agent_close(b);
    cpg_close(g);
    return made;
}

/* The scenario's own agents in seats that make orders and deals: the runner plays each as the
 * game does, and the agents do act (a test of nothing would pass too). */
static void test_same_orders_as_the_game(void)
{
    int orders = play_along("licensing-2025", "CHN", NULL, 8);
    CHECK(orders > 0, "China's agent made no decision in 8 quarters");
    int deals = play_along("licensing-2025", "KAZ", "partner_seeker", 8);
    CHECK(deals > 0, "Kazakhstan's partner seeker made no decision in 8 quarters");
    play_along("licensing-2025", "USA", "random_baseline", 6);
    play_along("licensing-2025", "JPN", "stability_buyer", 6);
}

/* A reconnecting bot gets a snapshot that holds the orders it already sent: they are
 * withdrawn locally and counted, and the agent's orders are the same as the first time. */
static void test_already_sent_orders_are_counted(void)
{
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.no_agents = 1;
    cpg_error ge;
    cpg_game *g = cpg_new("licensing-2025", 3, NULL, 0, &o, &ge);
    CHECK(g, "%s", ge.message);
    if (!g)
        return;
    unsigned char *bytes = NULL;
    size_t len = 0;
    cp_error e;
    char err[1400];
    cp_world_save(cpg_world(g), &bytes, &len, &e);
    bot_agent *b = bot_agent_open(bytes, len, "USA", "random_baseline", log_capture, NULL, err,
                                  sizeof err);
    CHECK(b, "%s", err);
    static bot_decisions first, again;
    int already = -1;
    bot_agent *b2 = bot_agent_open(bytes, len, "USA", "random_baseline", log_capture, NULL, err,
                                   sizeof err);
    /* the first quarter in which the random baseline (whose draws depend only on the seed,
     * the nation and the turn) orders something */
    for (int t = 0; b && b2 && t < 12; t++) {
        free(bytes);
        cp_world_save(cpg_world(g), &bytes, &len, &e);
        bot_agent_turn(b, bytes, len, &first, &already, err, sizeof err);
        if (first.order_count > 0)
            break;
        cpg_play_turn(g, &ge);
    }
    if (b && b2) {
        CHECK(first.order_count > 0, "the random baseline made no order in 12 quarters");
        for (int k = 0; k < first.order_count; k++)
            CHECK(cp_world_submit(cpg_world(g), &first.orders[k], &e) == CP_OK, "%s", e.message);
        unsigned char *sent = NULL;
        size_t sent_len = 0;
        cp_world_save(cpg_world(g), &sent, &sent_len, &e);
        CHECK(bot_agent_turn(b2, sent, sent_len, &again, &already, err, sizeof err) == 0, "%s",
              err);
        CHECK(already == first.order_count, "%d already queued, %d sent", already,
              first.order_count);
        CHECK(again.order_count == first.order_count, "%d orders again, %d first",
              again.order_count, first.order_count);
        free(sent);
    }
    bot_agent_close(b);
    bot_agent_close(b2);
    free(bytes);
    cpg_close(g);
}

/* Refusals name the thing: an agent that does not load (its file and line), a nation the world
 * lacks, bytes that are not a world, a world of another scenario. */
static void test_refusals(void)
{
    char dir[] = "/tmp/cp_bot_agent_XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    char path[300];
    snprintf(path, sizeof path, "%s/broken.lua", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("-- broken.lua\nlocal M = {}\n\nfunction M.turn(view, act\n  return\nend\nreturn M\n",
              f);
        fclose(f);
    }
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.no_agents = 1;
    cpg_error ge;
    cpg_game *g = cpg_new("licensing-2025", 1, NULL, 0, &o, &ge);
    cpg_game *other = cpg_new("embargo-2010", 1, NULL, 0, &o, &ge);
    CHECK(g && other, "%s", ge.message);
    if (!g || !other) {
        cpg_close(g);
        cpg_close(other);
        return;
    }
    unsigned char *bytes = NULL, *obytes = NULL;
    size_t len = 0, olen = 0;
    cp_error e;
    cp_world_save(cpg_world(g), &bytes, &len, &e);
    cp_world_save(cpg_world(other), &obytes, &olen, &e);
    char err[1400] = "";
    bot_agent *b = bot_agent_open(bytes, len, "USA", path, log_capture, NULL, err, sizeof err);
    CHECK(!b, "a broken agent was seated");
    CHECK(strstr(err, "broken.lua:4") || strstr(err, "broken.lua:5"),
          "the message does not name broken.lua's line: %s", err);
    b = bot_agent_open(bytes, len, "XYZ", "random_baseline", log_capture, NULL, err, sizeof err);
    CHECK(!b && strstr(err, "XYZ"), "a nation the world lacks: %s", err);
    b = bot_agent_open(bytes, len / 2, "USA", "random_baseline", log_capture, NULL, err,
                       sizeof err);
    CHECK(!b && strstr(err, "does not load"), "half a world: %s", err);
    b = bot_agent_open(bytes, len, "USA", "random_baseline", log_capture, NULL, err, sizeof err);
    CHECK(b, "%s", err);
    static bot_decisions d;
    if (b) {
        CHECK(bot_agent_turn(b, obytes, olen, &d, NULL, err, sizeof err) != 0,
              "a world of another scenario was played");
        CHECK(strstr(err, "scenario"), "the message does not say why: %s", err);
        CHECK(bot_agent_turn(b, bytes, 10, &d, NULL, err, sizeof err) != 0,
              "ten bytes were played");
        CHECK(bot_agent_turn(b, bytes, len, &d, NULL, err, sizeof err) == 0,
              "after refusals the right world does not play: %s", err);
    }
    bot_agent_close(b);
    free(bytes);
    free(obytes);
    cpg_close(g);
    cpg_close(other);
    unlink(path);
    rmdir(dir);
}

/* The world's base64 read back: the RFC 4648 vectors, and text that is not base64 refused. */
static void test_base64(void)
{
    static const char *const plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
    static const char *const coded[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=",
                                        "Zm9vYmFy"};
    for (int k = 0; k < 7; k++) {
        size_t n = 99;
        unsigned char *b = bot_base64_decode(coded[k], strlen(coded[k]), &n);
        CHECK(b && n == strlen(plain[k]) && memcmp(b, plain[k], n) == 0, "'%s'", coded[k]);
        free(b);
    }
    static const char *const bad[] = {"Zg=", "Zg==Zg==", "Z===", "Zm9v!A==", "Zm=v", "=AAA"};
    for (int k = 0; k < 6; k++) {
        size_t n = 0;
        unsigned char *b = bot_base64_decode(bad[k], strlen(bad[k]), &n);
        CHECK(!b, "'%s' was read", bad[k]);
        free(b);
    }
}

int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : NULL;
#define MAYBE(fn)                                                                              \
    do {                                                                                       \
        if (!only || strcmp(only, #fn) == 0)                                                   \
            RUN(fn);                                                                           \
    } while (0)
    MAYBE(test_same_orders_as_the_game);
    MAYBE(test_already_sent_orders_are_counted);
    MAYBE(test_refusals);
    MAYBE(test_base64);
    return DONE();
}
