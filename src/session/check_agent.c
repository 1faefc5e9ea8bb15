/* check_agent.c -- `chokepoint check-agent FILE`: play an agent in every seat of a scenario and say whether it is sound.
 *
 * For each nation of the scenario (baseline by default) a fresh world is
 * created with seed 1 and the agent alone in that seat; it plays a few
 * turns, and the same is done a second time. The report gives load errors
 * with their line, every failed turn with its line and reason, the
 * instructions and memory each turn took (maximum and mean), the orders the
 * core refused and why, whether the agent's memory can be saved, and
 * whether the two runs issued the same orders. An agent with an on_proposal
 * is offered two deals in every seat, before its second and third turns (a
 * tariff truce and an offtake of light oxide, from China, or from the
 * United States when it plays China), and the report counts its answers.
 * Sound means: it loads, no call fails, its memory is plain data and both
 * runs agree.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "api.h"
#include "bytes.h"
#include "file_read.h"
#include "script.h"

enum { MAX_DISTINCT = 24 };

/* Messages counted by text, to print each once with how often it came. A
 * failed call is counted by its message alone, whatever seat and turn it
 * came in: the same error in every seat is one line ("same error in 24
 * seats, 72 calls") that names where it came first, not 72 lines. */
typedef struct {
    char text[MAX_DISTINCT][520];
    char first[MAX_DISTINCT][64]; /* where it came first ("as AFG, turn 0: "), or "" */
    char last_seat[MAX_DISTINCT][8];
    int count[MAX_DISTINCT], seats[MAX_DISTINCT];
    int n, overflow;
} tally;

static void tally_add_at(tally *t, const char *seat, const char *where, const char *msg)
{
    char line[520];
    if (snprintf(line, sizeof line, "%s", msg) >= (int)sizeof line)
        memcpy(line + sizeof line - 4, "...", 4); /* a long message is cut, and says so */
    int i = 0;
    while (i < t->n && strcmp(t->text[i], line) != 0)
        i++;
    if (i == t->n) {
        if (t->n == MAX_DISTINCT) {
            t->overflow++;
            return;
        }
        memcpy(t->text[i], line, sizeof line);
        snprintf(t->first[i], sizeof t->first[i], "%s", where);
        t->last_seat[i][0] = '\0';
        t->count[i] = t->seats[i] = 0;
        t->n++;
    }
    t->count[i]++;
    if (seat && strcmp(t->last_seat[i], seat) != 0) { /* seats are played one after another */
        t->seats[i]++;
        snprintf(t->last_seat[i], sizeof t->last_seat[i], "%s", seat);
    }
}

static void tally_add(tally *t, const char *prefix, const char *msg)
{
    tally_add_at(t, NULL, prefix, msg);
}

static void tally_print(FILE *out, const tally *t)
{
    for (int i = 0; i < t->n; i++) {
        if (t->seats[i] > 1)
            fprintf(out, "    %s%s (same error in %d seats, %d calls)\n", t->first[i], t->text[i],
                    t->seats[i], t->count[i]);
        else if (t->count[i] > 1)
            fprintf(out, "    %s%s (%d times)\n", t->first[i], t->text[i], t->count[i]);
        else
            fprintf(out, "    %s%s\n", t->first[i], t->text[i]);
    }
    if (t->overflow)
        fprintf(out, "    ... and %d more\n", t->overflow);
}

typedef struct {
    long long ins_max, ins_sum;
    size_t mem_max, mem_sum;
    int turns, orders, refused, failures;
    int memory_bad;
    /* offers made to on_proposal, and what became of them */
    int answers; /* the agent has an on_proposal */
    int offers, accepted, rejected, countered, left_open, offer_failures;
    long long offer_ins_max;
    tally fails, refusals, memory, not_offered;
} stats;

/* Before the turn 'turn' (1 or 2) of the agent in seat 'nation', a partner
 * offers it a deal; its on_proposal answers. Returns a number for the
 * digest that says what it answered. */
static uint64_t offer_deal(cp_world *w, cps_agent *a, int nation, int turn, const char *prefix,
                           stats *st)
{
    const cp_scenario *sc = cp_world_scenario(w);
    int partner = nation == 0 ? 1 : 0;
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.proposer = partner;
    d.party_count = 2;
    d.parties[0] = partner;
    d.parties[1] = nation;
    if (turn == 1) { /* a truce: both drop their tariffs on magnets from the other */
        d.clause_count = 2;
        d.clauses[0] = (cp_clause){.kind = CP_CLAUSE_TARIFF, .from = partner, .to = nation,
                                   .good = CP_MAGNET, .amount = 0, .facility = -1};
        d.clauses[1] = (cp_clause){.kind = CP_CLAUSE_TARIFF, .from = nation, .to = partner,
                                   .good = CP_MAGNET, .amount = 0, .facility = -1};
        d.term_turns = 8;
    } else { /* the partner sells light oxide a fifth above the reference price */
        d.clause_count = 1;
        d.clauses[0] = (cp_clause){
            .kind = CP_CLAUSE_OFFTAKE, .from = partner, .to = nation, .good = CP_LIGHT_OXIDE,
            .amount = 100,
            .price_usd_per_kg = 1.2 * sc->goods[CP_LIGHT_OXIDE].reference_price_usd_per_kg,
            .facility = -1};
        d.term_turns = 4;
    }
    cp_error e;
    int id = cp_world_propose(w, &d, &e);
    if (id < 0) { /* the core would not have it (a ban, say): not the agent's doing */
        tally_add(&st->not_offered, "", e.message);
        return 0;
    }
    st->offers++;
    cps_turn_report rep;
    int rc = cps_agent_proposal(a, id, &rep);
    if (rep.instructions > st->offer_ins_max)
        st->offer_ins_max = rep.instructions;
    st->refused += rep.refused;
    for (int k = 0; k < rep.refused && k < CPS_KEEP_REFUSALS; k++)
        tally_add(&st->refusals, "", rep.refusals[k]);
    if (rc != 0) {
        st->offer_failures++;
        tally_add_at(&st->fails, cp_world_nation(w, nation)->iso3, prefix, rep.message);
        if (rep.fail == CPS_FAIL_DATA) {
            st->memory_bad++;
            tally_add(&st->memory, "", rep.message);
        }
        return 5;
    }
    const cp_deal *now = cp_world_deal(w, id);
    if (now->status == CP_DEAL_REJECTED) {
        st->rejected++;
        return 1;
    }
    if (now->revision > 0) {
        st->countered++;
        return 2;
    }
    if (now->accepted[1]) {
        st->accepted++;
        return 3;
    }
    st->left_open++;
    return 4;
}

/* One run of the agent in a seat: its world, the agent, and the digest of
 * what it did (orders, answers, failures, memory and print output). */
typedef struct {
    cp_world *w;
    cps_agent *a;
    uint64_t digest;
    stats *st;
} run;

/* print() and log lines go into the run's digest: what an agent prints is
 * part of what must repeat. */
static void digest_line(void *ud, const char *line)
{
    run *r = ud;
    r->digest = bytes_fnv1a(r->digest, line, strlen(line) + 1);
}

/* Start a run in seat 'nation'; returns 0, or -1 with 'err' set when the
 * agent does not load. */
static int run_start(run *r, const cp_scenario *sc, const char *path, const char *display,
                     int nation, const cps_agent_opts *opts, stats *st, char *err, size_t errlen)
{
    cp_error e;
    memset(r, 0, sizeof *r);
    r->digest = BYTES_FNV_BASIS;
    r->st = st;
    r->w = cp_world_create(sc, 1, &e);
    if (!r->w) {
        snprintf(err, errlen, "scenario: %s", e.message);
        return -1;
    }
    cps_agent_opts o = *opts;
    o.log = digest_line;
    o.print = digest_line;
    o.log_ud = r;
    r->a = cps_agent_load(path, display, r->w, nation, &o, err, errlen);
    if (!r->a || cps_agent_init(r->a, err, errlen) != 0) {
        cps_agent_free(r->a);
        cp_world_destroy(r->w);
        r->a = NULL;
        r->w = NULL;
        return -1;
    }
    return 0;
}

/* Turn 't' of a run: the deal offered before it (turns 1 and 2), the turn,
 * and what both did, into the stats and the digest. */
static void run_turn(run *r, int nation, int t)
{
    stats *st = r->st;
    cps_agent *a = r->a;
    const char *iso = cp_world_nation(r->w, nation)->iso3;
    cps_turn_report rep;
    char prefix[48];
    snprintf(prefix, sizeof prefix, "as %s, turn %d: ", iso, t);
    st->answers = cps_agent_answers(a);
    if ((t == 1 || t == 2) && st->answers) {
        char oprefix[64];
        snprintf(oprefix, sizeof oprefix, "as %s, offer before turn %d: ", iso, t);
        uint64_t answer = offer_deal(r->w, a, nation, t, oprefix, st);
        r->digest = bytes_fnv1a(r->digest, &answer, sizeof answer);
    }
    int rc = cps_agent_turn(a, &rep);
    st->turns++;
    st->ins_sum += rep.instructions;
    if (rep.instructions > st->ins_max)
        st->ins_max = rep.instructions;
    st->mem_sum += rep.mem_bytes;
    if (rep.mem_bytes > st->mem_max)
        st->mem_max = rep.mem_bytes;
    st->orders += rep.orders;
    st->refused += rep.refused;
    for (int k = 0; k < rep.refused && k < CPS_KEEP_REFUSALS; k++)
        tally_add(&st->refusals, "", rep.refusals[k]);
    if (rc != 0) {
        st->failures++;
        tally_add_at(&st->fails, iso, prefix, rep.message);
    }
    if (rc != 0 && rep.fail == CPS_FAIL_DATA) {
        st->memory_bad++;
        tally_add(&st->memory, "", rep.message);
    }
    r->digest = bytes_fnv1a(r->digest, &rc, sizeof rc);
    for (int k = 0; k < rep.orders; k++)
        r->digest = bytes_fnv1a(r->digest, &rep.order_list[k], sizeof rep.order_list[k]);
    /* the memory as a save would keep it (a failed call left it as before) */
    r->digest = bytes_fnv1a(r->digest, a->memory_bytes, a->memory_len);
    cp_world_advance(r->w);
}

static void run_end(run *r)
{
    cps_agent_free(r->a);
    cp_world_destroy(r->w);
}

/* Play the agent in seat 'nation' twice, 'turns' turns each, the two runs
 * side by side: both Lua states are alive at once, so they have different
 * string-hash seeds (Lua draws one per state from its address and the
 * time), and what depends on the seed -- the length of a table with holes
 * -- shows as a difference. Returns 1 when both agree, 0 when they differ,
 * -1 with 'err' set when the agent does not load. */
static int play_seat(const cp_scenario *sc, const char *path, const char *display, int nation,
                     int turns, const cps_agent_opts *opts, stats *st, stats *again, char *err,
                     size_t errlen)
{
    run r1, r2;
    if (run_start(&r1, sc, path, display, nation, opts, st, err, errlen) != 0)
        return -1;
    if (run_start(&r2, sc, path, display, nation, opts, again, err, errlen) != 0) {
        run_end(&r1);
        return -1;
    }
    for (int t = 0; t < turns; t++) {
        run_turn(&r1, nation, t);
        run_turn(&r2, nation, t);
    }
    int same = r1.digest == r2.digest;
    run_end(&r1);
    run_end(&r2);
    return same;
}

/* A count of instructions as the report writes it: the sandbox counts in
 * steps of 100, so a short call reads 0, which would look like nothing ran. */
static const char *ins_text(long long n, char *buf, size_t len)
{
    if (n > 0)
        snprintf(buf, len, "%lld", n);
    else
        snprintf(buf, len, "under 100");
    return buf;
}

/* The body of cps_check_agent_with, once the file and scenario are found. */
static int check(const char *path, const char *display, const char *scn, const cp_scenario *sc,
                 int turns, const cps_seat_opts *limits, FILE *out)
{
    char err[600];
    if (turns <= 0)
        turns = 4;
    cps_agent_opts opts = {0};
    if (limits) {
        opts.budget_instructions = limits->budget_instructions;
        opts.mem_bytes = limits->mem_bytes;
        opts.wall_s = limits->wall_s;
        opts.difficulty = (int)limits->difficulty; /* view.difficulty (--difficulty) */
    }
    opts.quiet = 1;
    long long budget = opts.budget_instructions > 0 ? opts.budget_instructions : 2000000;
    size_t cap = opts.mem_bytes ? opts.mem_bytes : (size_t)32 << 20;

    fprintf(out, "check-agent: %s\n", display);
    /* load once, on its own, to report a load error plainly */
    cp_error e;
    cp_world *w = cp_world_create(sc, 1, &e);
    if (!w) {
        fprintf(out, "check-agent: scenario %s: %s\n", scn, e.message);
        return 2;
    }
    cps_agent *a = cps_agent_load(path, display, w, 0, &opts, err, sizeof err);
    if (!a) {
        fprintf(out, "  load: FAILED: %s\nverdict: not sound\n", err);
        cp_world_destroy(w);
        return 1;
    }
    fprintf(out, "  load: ok (\"%s\", api_version %d)\n", a->name, CPS_API_VERSION);
    cps_agent_free(a);
    cp_world_destroy(w);

    stats *st = calloc(1, sizeof *st);
    if (!st) {
        fprintf(out, "check-agent: out of memory\n");
        return 2;
    }
    int differ = 0, load_failed = 0;
    for (int n = 0; n < sc->nation_count; n++) {
        stats again;
        memset(&again, 0, sizeof again);
        int same = play_seat(sc, path, display, n, turns, &opts, st, &again, err, sizeof err);
        if (same < 0) {
            fprintf(out, "  as %s: does not load or init: %s\n", sc->nations[n].iso3, err);
            load_failed++;
        } else if (!same) {
            differ++;
            fprintf(out, "  as %s: the second run issued different orders, answers or printed "
                    "output, or kept different memory\n", sc->nations[n].iso3);
        }
    }
    char level[32] = ""; /* named when not the default, so that normal runs read as before */
    if (opts.difficulty != CPS_DIFFICULTY_NORMAL)
        snprintf(level, sizeof level, ", difficulty %s",
                 cps_difficulty_name((cps_difficulty)opts.difficulty));
    fprintf(out, "  played %d turns in each of %d seats of %s (seed 1%s), twice\n", turns,
            sc->nation_count, scn, level);
    if (st->turns) {
        char mx[24], mean[24];
        fprintf(out, "  instructions per turn: max %s, mean %s (budget %lld)\n",
                ins_text(st->ins_max, mx, sizeof mx), ins_text(st->ins_sum / st->turns, mean, sizeof mean),
                budget);
        fprintf(out, "  memory per turn: max %zu KiB, mean %zu KiB (cap %zu KiB)\n",
                st->mem_max >> 10, (st->mem_sum / (size_t)st->turns) >> 10, cap >> 10);
    }
    int answers = st->answers;
    if (!answers)
        fprintf(out, "  on_proposal: none (deals offered to this agent lapse unanswered)\n");
    else
    {
        char mx[24];
        fprintf(out, "  on_proposal: %d deals offered, %d accepted, %d rejected, %d countered, %d "
                "left open; instructions: max %s\n",
                st->offers, st->accepted, st->rejected, st->countered, st->left_open,
                ins_text(st->offer_ins_max, mx, sizeof mx));
    }
    if (answers && st->not_offered.n) {
        fprintf(out, "  deals the core would not offer (not the agent's doing):\n");
        tally_print(out, &st->not_offered);
    }
    fprintf(out, "  orders issued: %d, refused: %d\n", st->orders, st->refused);
    if (st->refused) {
        fprintf(out, "  refusals (the core's reasons):\n");
        tally_print(out, &st->refusals);
    }
    if (st->failures || st->offer_failures) {
        fprintf(out, "  failed calls: %d turns (their orders were discarded), %d on_proposal "
                "(no answer given)\n", st->failures, st->offer_failures);
        tally_print(out, &st->fails);
    } else {
        fprintf(out, "  failed calls: none\n");
    }
    if (st->memory_bad) {
        fprintf(out, "  memory not plain data after %d calls (they failed; memory went back):\n",
                st->memory_bad);
        tally_print(out, &st->memory);
    } else {
        fprintf(out, "  memory: plain data, saves\n");
    }
    if (differ)
        fprintf(out, "  deterministic: NO: the two runs differed in %d seat%s; an agent that reads the "
                "length (#) of a table with holes gets answers that change from run to run (see "
                "docs/agents.md, \"Determinism\")\n", differ, differ == 1 ? "" : "s");
    else
        fprintf(out, "  deterministic: yes (both runs issued the same orders)\n");
    int sound = !load_failed && !st->failures && !st->offer_failures && !st->memory_bad && !differ;
    fprintf(out, "verdict: %s\n", sound ? "sound" : "not sound");
    free(st);
    return sound ? 0 : 1;
}

int cps_check_agent_with(const char *file, const char *scenario, int turns,
                         const cps_seat_opts *limits, FILE *out)
{
    char path[1024], display[256], err[600];
    if (cps_resolve_script("scripts/agents", file, path, sizeof path, display, sizeof display)) {
        fprintf(out, "check-agent: %s: name too long\n", file);
        return 2;
    }
    char why[256];
    if (file_check_regular(path, why, sizeof why) != FILE_READ_OK) {
        fprintf(out, "check-agent: cannot read %s: %s\n", path, why);
        return 2;
    }
    cp_scenario *scp = malloc(sizeof *scp);
    cps_scenario_info info;
    const char *scn = scenario ? scenario : "baseline";
    if (!scp || cps_scenario_load(scn, scp, &info, err, sizeof err) != 0) {
        fprintf(out, "check-agent: %s\n", scp ? err : "out of memory");
        free(scp);
        return 2;
    }
    cps_scenario_info_free(&info);
    int rc = check(path, display, scn, scp, turns, limits, out);
    free(scp);
    return rc;
}

int cps_check_agent(const char *file, FILE *out)
{
    return cps_check_agent_with(file, NULL, 0, NULL, out);
}
