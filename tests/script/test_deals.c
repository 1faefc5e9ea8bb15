/* test_deals.c -- deals in the agent API: act.propose and its refusals, on_proposal accepting, rejecting, countering and failing.
 *
 * The United States plays tests/script/deals/proposer.lua, which checks
 * the action functions from inside Lua and proposes an alliance to Japan;
 * Japan plays one of the answering agents beside it. Every other seat is
 * empty, so the deal ids and the log belong to these two agents alone.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "log_capture.h"
#include "chokepoint.h"
#include "script.h"

#define DEALS CP_DATA_DIR "/tests/script/deals/"

static cp_scenario sc;
static cps_scenario_info info;

typedef struct {
    cp_world *w;
    cps_seats *s;
    int failures;
} game;

/* Baseline with only the United States and Japan seated ('usa' and 'jpn':
 * files under tests/script/deals/ or agent names). */
static game start(const char *usa, const char *jpn)
{
    game g = {0};
    log_clear();
    cp_error e;
    g.w = cp_world_create(&sc, 3, &e);
    static cps_scenario_info empty;
    empty = info;
    for (int i = 0; i < CP_MAX_NATIONS; i++)
        empty.agent[i][0] = '\0';
    char a1[400], a2[400];
    snprintf(a1, sizeof a1, "USA=%s%s", strchr(usa, '.') ? DEALS : "", usa);
    snprintf(a2, sizeof a2, "JPN=%s%s", strchr(jpn, '.') ? DEALS : "", jpn);
    const char *assign[] = {a1, a2};
    cps_seat_opts opts = {0};
    opts.log = log_capture;
    char err[700];
    g.s = cps_seats_create(g.w, &empty, assign, 2, &opts, err, sizeof err);
    CHECK(g.s != NULL, "seats: %s", err);
    return g;
}

/* Play the agents' part of a turn, then resolve it. */
static void play(game *g, int turns)
{
    for (int t = 0; t < turns && g->s; t++) {
        g->failures += cps_seats_run_turn(g->s);
        cp_world_advance(g->w);
    }
}

static void finish(game *g)
{
    cps_seats_destroy(g->s);
    cp_world_destroy(g->w);
}

static void test_accept(void)
{
    game g = start("proposer.lua", "accept.lua");
    if (!g.s)
        return;
    cps_seats_run_turn(g.s);
    CHECK(strstr(log_text, "DEALS OK turn 0"), "the proposer's checks:\n%s", log_text);
    CHECK(cp_world_deal_count(g.w) == 1, "one deal proposed: %d", cp_world_deal_count(g.w));
    const cp_deal *d = cp_world_deal(g.w, 0);
    CHECK(d && d->status == CP_DEAL_AGREED, "accepted in the same turn: %s",
          d ? cp_deal_status_name(d->status) : "none");
    CHECK(strstr(log_text, "JPN tests/script/deals/accept.lua: offered USA and JPN share stockpiles"),
          "on_proposal saw the deal:\n%s", log_text);
    cp_world_advance(g.w);
    CHECK(d && d->status == CP_DEAL_ACTIVE && d->start_turn == 1, "in force from the next turn");
    play(&g, 1);
    CHECK(strstr(log_text, "DEAL active revision 0 term 4 listed 1"), "the view lists it:\n%s",
          log_text);
    CHECK(g.failures == 0, "no failures:\n%s", log_text);
    finish(&g);
}

static void test_reject(void)
{
    game g = start("proposer.lua", "reject.lua");
    if (!g.s)
        return;
    play(&g, 2);
    const cp_deal *d = cp_world_deal(g.w, 0);
    CHECK(d && d->status == CP_DEAL_REJECTED, "rejected: %s", d ? cp_deal_status_name(d->status) : "none");
    CHECK(strstr(log_text, "DEAL rejected revision 0 term 4 listed 0"), "not listed any more:\n%s",
          log_text);
    CHECK(g.failures == 0, "no failures:\n%s", log_text);
    finish(&g);
}

static void test_counter(void)
{
    game g = start("proposer.lua", "counter.lua");
    if (!g.s)
        return;
    cps_seats_run_turn(g.s);
    const cp_deal *d = cp_world_deal(g.w, 0);
    CHECK(d && d->status == CP_DEAL_PROPOSED && d->revision == 1 && d->term_turns == 2,
          "countered with half the term");
    CHECK(d && d->accepted[0] == 0 && d->accepted[1] == 1, "the counter reset the proposer's acceptance");
    cp_world_advance(g.w);
    /* turn 1: Japan is not asked about its own counter; the proposer accepts it in its turn */
    play(&g, 1);
    CHECK(strstr(log_text, "DEAL proposed revision 1 term 2 listed 1") &&
              strstr(log_text, "DEALS OK turn 1"), "the proposer saw the counter:\n%s", log_text);
    CHECK(d && d->status == CP_DEAL_ACTIVE && d->end_turn == d->start_turn + 1,
          "the counter is in force for 2 quarters: %s", d ? cp_deal_status_name(d->status) : "none");
    CHECK(g.failures == 0, "no failures:\n%s", log_text);
    finish(&g);
}

/* A counter the core refuses is a refusal, not a failure: the deal stays open. */
static void test_bad_counter(void)
{
    game g = start("proposer.lua", "bad_counter.lua");
    if (!g.s)
        return;
    cps_seats_run_turn(g.s);
    const cp_deal *d = cp_world_deal(g.w, 0);
    CHECK(d && d->status == CP_DEAL_PROPOSED && d->revision == 0, "the deal is unchanged");
    CHECK(strstr(log_text, "turn 0 JPN: tests/script/deals/bad_counter.lua: its counter to deal 0 "
                           "is refused: deal: term must be 1 to 80 quarters, got -1"),
          "the core's message is logged:\n%s", log_text);
    CHECK(cps_seats_stats(g.s, cp_world_find_nation(g.w, "JPN"))->last_refused == 1, "counted as refused");
    CHECK(g.failures == 0, "not a failure");
    finish(&g);
}

/* A counter of 1000 clauses (a deal holds 8), from on_proposal and from
 * act.counter, is refused by its count before a clause is copied: it once
 * overran the deal's clause array (issue 14). */
static void test_huge_counter(void)
{
    game g = start("proposer.lua", "../hostile/huge_counter.lua");
    if (!g.s)
        return;
    play(&g, 2);
    const cp_deal *d = cp_world_deal(g.w, 0);
    CHECK(d && d->revision == 0 && d->clause_count == 1, "the deal is unchanged");
    CHECK(strstr(log_text, "its counter to deal 0 is refused: deal: needs 1 to 8 clauses, has 1000"),
          "on_proposal's counter is refused by its count:\n%s", log_text);
    CHECK(strstr(log_text, "can_counter\tfalse\tcounter: deal: needs 1 to 8 clauses, has 1000") &&
              strstr(log_text, "counter\tfalse\tcounter: deal: needs 1 to 8 clauses, has 1000"),
          "act.counter's are refused too:\n%s", log_text);
    CHECK(g.failures == 0, "refusals, not failures:\n%s", log_text);
    finish(&g);
}

/* A failing on_proposal gives no answer, and is logged and counted like a failed turn. */
static void test_failing(void)
{
    static const struct {
        const char *file, *fragment;
    } cases[] = {
        {"fails.lua", "on_proposal failed (error): tests/script/deals/fails.lua:7: no answer today"},
        {"loops.lua", "on_proposal failed (budget): tests/script/deals/loops.lua:6: instruction budget exceeded"},
        {"garbage.lua", "on_proposal failed (garbage): tests/script/deals/garbage.lua: on_proposal returned a number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        game g = start("proposer.lua", cases[i].file);
        if (!g.s)
            return;
        play(&g, 2);
        const cp_deal *d = cp_world_deal(g.w, 0);
        CHECK(d && d->status == CP_DEAL_PROPOSED && d->accepted[1] == 0, "%s: no answer given",
              cases[i].file);
        CHECK(strstr(log_text, cases[i].fragment), "%s: log lacks \"%s\":\n%s", cases[i].file,
              cases[i].fragment, log_text);
        CHECK(strstr(log_text, "turn 1 JPN: on_proposal failed"), "%s: asked again next turn",
              cases[i].file);
        CHECK(g.failures == 2, "%s: %d failures", cases[i].file, g.failures);
        const cps_seat_stats *st = cps_seats_stats(g.s, cp_world_find_nation(g.w, "JPN"));
        CHECK(st->failures_total == 2 && st->failures_in_row == 0,
              "%s: counted, and a good turn ends the run (%d, %d)", cases[i].file,
              st->failures_total, st->failures_in_row);
        finish(&g);
    }
}

/* A turn that fails after proposing leaves no deal, as if it had done nothing. */
static void test_failed_turn_drops_proposals(void)
{
    game g = start("propose_fail.lua", "accept.lua");
    game n = start("do_nothing", "accept.lua");
    if (!g.s || !n.s)
        return;
    play(&g, 2);
    play(&n, 2);
    CHECK(cp_world_deal_count(g.w) == 0, "no deal: %d", cp_world_deal_count(g.w));
    CHECK(g.failures == 2, "both turns failed: %d", g.failures);
    CHECK(cp_world_hash(g.w) == cp_world_hash(n.w), "the same world as with a do-nothing agent");
    finish(&g);
    finish(&n);
}

/* Issue 19's deal tools: deal_value for each party, the breach warning of a can_* twin,
 * the quotes, act.withdraw (tests/script/deals/kit_truce.lua checks them from inside). */
static void test_kit(void)
{
    game g = start("kit_truce.lua", "accept.lua");
    if (!g.s)
        return;
    play(&g, 3);
    CHECK(strstr(log_text, "KIT OK turn 0") && strstr(log_text, "KIT OK turn 1") &&
              strstr(log_text, "KIT OK turn 2"), "the agent's checks:\n%s", log_text);
    const cp_deal *d = cp_world_deal(g.w, 1);
    CHECK(d && d->status == CP_DEAL_WITHDRAWN, "deal 1 withdrawn: %s", d ? cp_deal_status_name(d->status) : "none");
    CHECK(g.failures == 0, "no failures:\n%s", log_text);
    finish(&g);
}

int main(void)
{
    char err[600];
    if (cps_scenario_load("baseline", &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "baseline: %s\n", err);
        return 1;
    }
    RUN(test_accept);
    RUN(test_reject);
    RUN(test_counter);
    RUN(test_bad_counter);
    RUN(test_huge_counter);
    RUN(test_failing);
    RUN(test_failed_turn_drops_proposals);
    RUN(test_kit);
    cps_scenario_info_free(&info);
    return DONE();
}
