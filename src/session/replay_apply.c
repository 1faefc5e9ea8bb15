/* replay_apply.c -- the start world of a replay and one recorded turn played
 * on it (replay_apply.h), shared by `chokepoint replay` and the window's
 * replay viewer. */
#include <stdio.h>
#include <string.h>

#include "replay_apply.h"
#include "script.h"

static const char *iso(const cp_world *w, int n)
{
    const cp_nation *x = cp_world_nation(w, n);
    return x ? x->iso3 : "?";
}

/* Make the decisions recorded for turn 't'. Returns 0, or -1 with 'why':
 * the world refused one, so the game has already gone another way. */
static int make_decisions(cp_world *w, const replay_turn *t, char *why, size_t len)
{
    cp_error e;
    for (int k = 0; k < t->order_count; k++) {
        const cp_order *o = &t->orders[k];
        if (cp_world_submit(w, o, &e) != CP_OK) {
            snprintf(why, len, "its order %d (%s by %s) is refused: %s", k + 1,
                     cp_order_kind_name(o->kind), iso(w, o->nation), e.message);
            return -1;
        }
    }
    for (int k = 0; k < t->event_count; k++)
        if (cp_world_inject_event(w, &t->events[k], &e) != CP_OK) {
            snprintf(why, len, "its injected event %d is refused: %s", k + 1, e.message);
            return -1;
        }
    for (int k = 0; k < t->action_count; k++) {
        const replay_action *a = &t->actions[k];
        cp_status st = CP_OK;
        const char *what = "proposal";
        switch (a->kind) {
        case REPLAY_PROPOSE: {
            int id = cp_world_propose(w, &a->deal, &e);
            if (id != a->deal_id) {
                if (id >= 0)
                    snprintf(e.message, sizeof e.message, "it became deal %d, not %d", id,
                             a->deal_id);
                st = CP_ERR_BAD_STATE;
            }
            break;
        }
        case REPLAY_ACCEPT:
        case REPLAY_REJECT:
            what = a->kind == REPLAY_ACCEPT ? "acceptance" : "rejection";
            st = cp_world_answer(w, a->deal_id, a->nation,
                                 a->kind == REPLAY_ACCEPT ? CP_ANSWER_ACCEPT : CP_ANSWER_REJECT, &e);
            break;
        case REPLAY_COUNTER:
            what = "counter";
            st = cp_world_counter(w, a->deal_id, a->nation, &a->deal, &e);
            break;
        case REPLAY_WITHDRAW:
            what = "withdrawal";
            st = cp_world_withdraw_deal(w, a->deal_id, a->nation, &e);
            break;
        case REPLAY_ACTION_COUNT:
            break;
        }
        if (st != CP_OK) {
            snprintf(why, len, "the %s of deal %d by %s is refused: %s", what, a->deal_id,
                     iso(w, a->nation), e.message);
            return -1;
        }
    }
    return 0;
}

/* (replay_apply.h) The saved world, or the scenario's with the seed. */
cp_world *replay_start_world(const replay *r, const char *name, char *err, size_t errlen)
{
    cp_error e;
    if (r->world) {
        cp_world *w = cp_world_load(r->world, r->world_len, &e);
        if (!w)
            snprintf(err, errlen, "%s: its starting world does not load: %s", name, e.message);
        /* the recording holds every order of its first turn, those the
         * saved world had queued too */
        while (w && cp_world_pending_count(w) > 0)
            cp_world_withdraw(w, 0, &e);
        return w;
    }
    static cp_scenario sc;
    char why[700];
    if (cps_scenario_load(r->scenario, &sc, NULL, why, sizeof why) != 0) {
        snprintf(err, errlen, "%.300s: cannot load its scenario: %s", name, why);
        return NULL;
    }
    cp_world *w = cp_world_create(&sc, r->seed, &e);
    if (!w)
        snprintf(err, errlen, "%.300s: its scenario %.100s does not start: %s", name,
                 r->scenario_name, e.message);
    return w;
}

replay_step_result replay_step(cp_world *w, const replay_turn *t, char *why, size_t len)
{
    if (make_decisions(w, t, why, len) != 0)
        return REPLAY_STEP_REFUSED;
    cp_world_advance(w);
    if (cp_world_hash(w) != t->hash) {
        snprintf(why, len, "hash %016llx, recorded %016llx", (unsigned long long)cp_world_hash(w),
                 (unsigned long long)t->hash);
        return REPLAY_STEP_DIFFERS;
    }
    return REPLAY_STEP_OK;
}
