/* bot_agent.c -- the bot's local agent runner (bot_agent.h): the server sends the world's bytes
 * each quarter; the agent plays its own seat on a local copy, and the decisions it made are
 * read back from that copy the way the recorder reads a turn (src/session/replay_file.c,
 * replay_rec_before): the orders queued, then the deal log's entries made by the seat.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bot_agent.h"
#include "script.h"

struct bot_agent {
    cp_world *world; /* the local copy the agent plays on (the last snapshot) */
    cps_seats *seats;
    int nation;
    char iso[4];
    char scenario[CP_NAME_LEN];
};

/* A world from the server's bytes, with the scenario checked against the first one. */
static cp_world *load_world(const unsigned char *save, size_t len, const char *scenario,
                            char *err, size_t errlen)
{
    cp_error e;
    cp_world *w = cp_world_load(save, len, &e);
    if (!w) {
        snprintf(err, errlen, "the server's world does not load: %s", e.message);
        return NULL;
    }
    if (scenario && strcmp(cp_world_scenario(w)->name, scenario) != 0) {
        snprintf(err, errlen, "the server's world is of scenario '%s', not '%s'",
                 cp_world_scenario(w)->name, scenario);
        cp_world_destroy(w);
        return NULL;
    }
    return w;
}

bot_agent *bot_agent_open(const unsigned char *save, size_t len, const char *iso,
                          const char *agent_file, void (*log)(void *ud, const char *line),
                          void *log_ud, char *err, size_t errlen)
{
    bot_agent *b = calloc(1, sizeof *b);
    if (!b) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    b->world = load_world(save, len, NULL, err, errlen);
    if (!b->world) {
        free(b);
        return NULL;
    }
    snprintf(b->scenario, sizeof b->scenario, "%s", cp_world_scenario(b->world)->name);
    b->nation = cp_world_find_nation(b->world, iso);
    if (b->nation < 0) {
        snprintf(err, errlen, "the server's world has no nation '%s'", iso);
        bot_agent_close(b);
        return NULL;
    }
    snprintf(b->iso, sizeof b->iso, "%s", iso);
    char assign[1100];
    snprintf(assign, sizeof assign, "%s=%s", iso, agent_file);
    const char *a[1] = {assign};
    cps_seat_opts opts = {0};
    opts.log = log;
    opts.log_ud = log_ud;
    /* no scenario defaults: the other nations are played elsewhere (on the server) */
    b->seats = cps_seats_create(b->world, NULL, a, 1, &opts, err, errlen);
    if (!b->seats) {
        bot_agent_close(b);
        return NULL;
    }
    return b;
}

void bot_agent_close(bot_agent *b)
{
    if (!b)
        return;
    cps_seats_destroy(b->seats);
    cp_world_destroy(b->world);
    free(b);
}

/* The deal log's word for an action a nation takes, or -1 for what the core did itself. */
static int action_of(const cp_deal_event *e)
{
    static const char *const what[] = {[BOT_DEAL_PROPOSE] = "proposed",
                                       [BOT_DEAL_ACCEPT] = "accepted",
                                       [BOT_DEAL_REJECT] = "rejected",
                                       [BOT_DEAL_COUNTER] = "countered",
                                       [BOT_DEAL_WITHDRAW] = "withdrawn"};
    if (e->nation < 0)
        return -1;
    for (int k = 0; k < (int)(sizeof what / sizeof what[0]); k++)
        if (strcmp(e->what, what[k]) == 0)
            return k;
    return -1;
}

/* Withdraw the seat's own orders queued in the snapshot (sent before a reconnection), so
 * that the agent sees the quarter as it first did; returns how many. */
static int withdraw_own(cp_world *w, int nation)
{
    int n = 0;
    cp_error e;
    for (int k = cp_world_pending_count(w) - 1; k >= 0; k--)
        if (cp_world_pending(w, k)->nation == nation && cp_world_withdraw(w, k, &e) == CP_OK)
            n++;
    return n;
}

int bot_agent_turn(bot_agent *b, const unsigned char *save, size_t len, bot_decisions *out,
                   int *already, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    cp_world *w = load_world(save, len, b->scenario, err, errlen);
    if (!w)
        return -1;
    int own = withdraw_own(w, b->nation);
    if (already)
        *already = own;
    cps_seats_set_world(b->seats, w);
    cp_world_destroy(b->world);
    b->world = w;

    int order_mark = cp_world_pending_count(w);
    int deal_mark = cp_world_deal_event_count(w);
    out->turn = cp_world_turn(w);
    cps_seats_run_turn(b->seats);

    const cps_seat_report *r = cps_seats_report(b->seats, b->nation);
    if (r && r->played) {
        out->failed = r->failed;
        snprintf(out->message, sizeof out->message, "%s", r->message);
        out->refused = r->refused + r->proposal_refused;
        if (!r->failed && r->proposal_failures > 0)
            snprintf(out->message, sizeof out->message, "%s", r->proposal_message);
    }
    for (int k = order_mark; k < cp_world_pending_count(w); k++) {
        const cp_order *o = cp_world_pending(w, k);
        if (o->nation == b->nation && out->order_count < BOT_MAX_ORDERS)
            out->orders[out->order_count++] = *o;
    }
    for (int k = deal_mark; k < cp_world_deal_event_count(w); k++) {
        const cp_deal_event *e = cp_world_deal_event(w, k);
        int a = action_of(e);
        if (a < 0 || e->nation != b->nation || out->action_count >= BOT_MAX_DEAL_ACTIONS)
            continue;
        bot_deal_action *act = &out->actions[out->action_count++];
        act->kind = (bot_deal_kind)a;
        act->deal_id = e->deal_id;
        if (a == BOT_DEAL_PROPOSE || a == BOT_DEAL_COUNTER) {
            /* the terms as proposed or countered then (a later counter replaces them) */
            const cp_deal *then = cp_world_deal_as_logged(w, k);
            const cp_deal *d = then ? then : cp_world_deal(w, e->deal_id);
            if (d)
                act->deal = *d;
        }
    }
    return 0;
}

const cp_world *bot_agent_world(const bot_agent *b)
{
    return b->world;
}

int bot_agent_nation(const bot_agent *b)
{
    return b->nation;
}
