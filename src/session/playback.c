/* playback.c -- a recording played again (session.h, cpg_playback_*): its start world and
 * its quarters one at a time, each checked against the recorded hash. With game.c, the only
 * place outside the core where the world advances. `chokepoint replay` plays on
 * cpg_playback; the window's replay viewer still calls the start and the step directly
 * (replay_apply.h) until it moves onto the session too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "replay_apply.h"
#include "replay_file.h"
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

/* ---- cpg_playback ------------------------------------------------------------------------ */

/* A refusal into 'err' (may be NULL). Kept apart from game.c's so that the replay fuzzer
 * builds playback.c without the rest of the session. */
static void fail(cpg_error *err, cpg_status code, const char *msg)
{
    if (err) {
        err->code = code;
        snprintf(err->message, sizeof err->message, "%s", msg);
    }
}

struct cpg_playback {
    replay rec;
    cp_world *world; /* the start, then after each quarter played */
    int played;      /* recorded quarters played */
};

cpg_playback *cpg_playback_open(const char *path, cpg_error *err)
{
    cpg_playback *p = calloc(1, sizeof *p);
    char msg[1200];
    if (!p) {
        fail(err, CPG_ERR_MEMORY, "out of memory");
        return NULL;
    }
    if (replay_read(path, &p->rec, msg, sizeof msg) != 0) {
        fail(err, CPG_ERR_RECORD, msg);
        free(p);
        return NULL;
    }
    p->world = replay_start_world(&p->rec, path, msg, sizeof msg);
    if (!p->world) {
        fail(err, CPG_ERR_RECORD, msg);
        cpg_playback_close(p);
        return NULL;
    }
    if (err) {
        err->code = CPG_OK;
        err->message[0] = '\0';
    }
    return p;
}

void cpg_playback_close(cpg_playback *p)
{
    if (!p)
        return;
    cp_world_destroy(p->world);
    replay_free(&p->rec);
    free(p);
}

const replay *cpg_playback_recording(const cpg_playback *p) { return &p->rec; }
int cpg_playback_played(const cpg_playback *p) { return p->played; }
const cp_world *cpg_playback_world(const cpg_playback *p) { return p->world; }

int cpg_playback_start_differs(const cpg_playback *p)
{
    return cp_world_hash(p->world) != p->rec.start_hash;
}

cpg_step cpg_playback_step(cpg_playback *p, char *why, size_t len)
{
    if (p->played >= p->rec.turn_count) {
        snprintf(why, len, "the recording has no quarter after turn %d",
                 p->rec.start_turn + p->rec.turn_count);
        return CPG_STEP_REFUSED;
    }
    replay_step_result r = replay_step(p->world, &p->rec.turns[p->played], why, len);
    if (r == REPLAY_STEP_REFUSED)
        return CPG_STEP_REFUSED;
    p->played++;
    return r == REPLAY_STEP_OK ? CPG_STEP_OK : CPG_STEP_DIFFERS;
}
