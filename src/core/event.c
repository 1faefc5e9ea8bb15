/* event.c -- events: scheduled by the scenario, injected by a teacher, or
 * drawn from the world's seeded stream; and the effects that outlast them.
 *
 * Random draws happen in a fixed order every turn (nations, then
 * facilities), one draw per candidate whether or not it fires, so that two
 * games with the same seed and orders see the same events. Rates per
 * quarter at random_events = 1 [E]: a mine flood or accident 1% per mining
 * nation; a lawsuit 2% per project in permitting, scaled by the host's
 * permitting regime; conflict at the nation's stated yearly risk; slower
 * licence approvals 3% per nation running a licensing regime. A price floor
 * is never drawn: a scenario schedules it or a teacher injects it.
 */
#include <stdio.h>
#include <string.h>

#include "world_internal.h"

cp_status evt_check(const cp_world *w, const cp_event *e, cp_error *err)
{
    if (e->kind < 0 || e->kind >= CP_EVENT_KIND_COUNT)
        return cp_fail(err, CP_ERR_BAD_VALUE, "unknown event kind %d", e->kind);
    if (e->nation < 0 || e->nation >= w->nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_NATION, "%s: unknown nation %d",
                       cp_event_kind_name(e->kind), e->nation);
    if (e->kind == CP_EVENT_SUMMIT && (e->partner < 0 || e->partner >= w->nation_count ||
                                       e->partner == e->nation))
        return cp_fail(err, CP_ERR_UNKNOWN_PARTNER, "summit: needs a partner nation");
    if (e->kind == CP_EVENT_DEMAND_SHOCK && (e->good < 0 || e->good >= CP_GOOD_COUNT))
        return cp_fail(err, CP_ERR_UNKNOWN_GOOD, "demand_shock: needs a good");
    if (e->kind == CP_EVENT_PRICE_FLOOR && (e->good < -1 || e->good >= CP_GOOD_COUNT))
        return cp_fail(err, CP_ERR_UNKNOWN_GOOD, "price_floor: unknown good %d", e->good);
    if (e->kind == CP_EVENT_LAWSUIT && e->facility >= w->facility_count)
        return cp_fail(err, CP_ERR_UNKNOWN_FACILITY, "lawsuit: unknown facility %d", e->facility);
    if (e->kind != CP_EVENT_DEMAND_SHOCK && (e->magnitude < 0 || e->magnitude > 1))
        return cp_fail(err, CP_ERR_BAD_VALUE, "%s: magnitude must be 0..1",
                       cp_event_kind_name(e->kind));
    if (e->magnitude < -1 || e->magnitude > 10)
        return cp_fail(err, CP_ERR_BAD_VALUE, "%s: magnitude out of range",
                       cp_event_kind_name(e->kind));
    if (e->turns < 0 || e->turns > 400)
        return cp_fail(err, CP_ERR_BAD_VALUE, "%s: turns must be 0..400",
                       cp_event_kind_name(e->kind));
    return CP_OK;
}

cp_status cp_world_inject_event(cp_world *w, const cp_event *e, cp_error *err)
{
    cp_status st = evt_check(w, e, err);
    if (st != CP_OK)
        return st;
    if (w->injected_count >= CP_MAX_ACTIVE_EFFECTS)
        return cp_fail(err, CP_ERR_FULL, "too many injected events this turn");
    w->injected[w->injected_count++] = *e;
    return CP_OK;
}

/* A project under development in nation 'n', picked by the stream, or -1. */
static int pick_project(cp_world *w, int n)
{
    int count = 0;
    for (int k = 0; k < w->facility_count; k++)
        if (w->facilities[k].host == n && w->facilities[k].stage <= CP_STAGE_CONSTRUCTION)
            count++;
    if (count == 0)
        return -1;
    int pick = rng_below(&w->rng, count);
    for (int k = 0; k < w->facility_count; k++)
        if (w->facilities[k].host == n && w->facilities[k].stage <= CP_STAGE_CONSTRUCTION &&
            pick-- == 0)
            return k;
    return -1;
}

/* Start an event: immediate effects now, lasting ones into the list. */
void evt_start(cp_world *w, const cp_event *e, const char *note)
{
    const char *who = w->nations[e->nation].name;
    switch (e->kind) {
    case CP_EVENT_LAWSUIT: {
        int f = e->facility >= 0 ? e->facility : pick_project(w, e->nation);
        if (f >= 0)
            fac_delay(w, f, e->turns > 0 ? e->turns : 4, note && *note ? note : "a lawsuit");
        return;
    }
    case CP_EVENT_SUMMIT: {
        cp_nation *n = &w->nations[e->nation];
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            cp_export_control *c = &n->policy.control[g][e->partner];
            if (c->mode != CP_CONTROL_OPEN) {
                c->suspended_turns = e->turns > 0 ? e->turns : 4;
                w->no_suspensions = 0;
                c->fallback_mode = CP_CONTROL_OPEN;
                c->fallback_share = 1.0;
            }
        }
        news_add(w, CP_NEWS_EVENT, e->nation, -1,
                 "Summit: %s suspends its export controls on %s for %d quarters%s%s", who,
                 w->nations[e->partner].name, e->turns > 0 ? e->turns : 4, note && *note ? ": " : "",
                 note ? note : "");
        return;
    }
    case CP_EVENT_PRICE_FLOOR: {
        /* an announcement, not a lasting effect: the floor is policy from now on */
        cp_good g = e->good >= 0 ? (cp_good)e->good : CP_LIGHT_OXIDE;
        double p = w->market[g].world_price_usd_per_kg;
        if (!(p > 0))
            p = w->sc->goods[g].reference_price_usd_per_kg;
        double floor = p * (1.0 + e->magnitude);
        w->nations[e->nation].policy.price_floor_usd_per_kg[g] = floor;
        uint64_t bits;
        memcpy(&bits, &floor, sizeof bits);
        w->policy_hash = rng_mix(w->policy_hash ^ bits ^ (uint64_t)e->nation << 56);
        news_add(w, CP_NEWS_EVENT, e->nation, g,
                 "%s announces a price floor of $%.0f/kg for its %s producers%s%s", who, floor,
                 cp_good_label(g), note && *note ? ": " : "", note ? note : "");
        return;
    }
    default:
        break;
    }
    if (w->effect_count < CP_MAX_ACTIVE_EFFECTS) {
        cp_effect *ef = &w->effects[w->effect_count++];
        ef->event = *e;
        ef->turns_left = e->turns > 0 ? e->turns : 1;
    }
    static const char *const what[CP_EVENT_KIND_COUNT] = {
        [CP_EVENT_MINE_FLOOD] = "a mine flood cuts %s's mining by %.0f%% for %d quarters",
        [CP_EVENT_CONFLICT] = "armed conflict cuts %s's mining by %.0f%% for %d quarters",
        [CP_EVENT_APPROVALS_SLOW] = "%s slows its licence approvals by %.0f%% for %d quarters",
        [CP_EVENT_DEMAND_SHOCK] = "%s's demand shifts by %.0f%% for %d quarters",
    };
    char text[CP_TEXT_LEN];
    snprintf(text, sizeof text, what[e->kind] ? what[e->kind] : "%s: event (%.0f%%, %d)", who,
             e->magnitude * 100, e->turns > 0 ? e->turns : 1);
    news_add(w, CP_NEWS_EVENT, e->nation, e->good, "%s%s%s", text, note && *note ? ": " : "",
             note ? note : "");
}

/* Items the scenario schedules for the quarter being resolved. */
void evt_scheduled(cp_world *w)
{
    int turn = w->turn + 1;
    for (int k = 0; k < w->sc->scheduled_count; k++) {
        const cp_scheduled *s = &w->sc->scheduled[k];
        if (s->turn != turn)
            continue;
        if (s->is_event) {
            evt_start(w, &s->event, s->note);
            continue;
        }
        cp_error e;
        cp_status st = lock_refuses(w, &s->order, &e);
        if (st == CP_OK)
            st = order_check(w, &s->order, &e);
        if (st != CP_OK) {
            news_add(w, CP_NEWS_POLICY, s->order.nation, -1, "scheduled %s not possible: %s",
                     cp_order_kind_label(s->order.kind), e.message);
            report_order(w, &s->order, 1, st, e.message, 0, w->news_count);
            continue;
        }
        double before = w->nations[s->order.nation].treasury_musd;
        int news_before = w->news_count;
        order_apply(w, &s->order);
        report_order(w, &s->order, 1, CP_OK, NULL,
                     before - w->nations[s->order.nation].treasury_musd, news_before);
        if (s->note[0])
            news_add(w, CP_NEWS_POLICY, s->order.nation, s->order.good, "%s", s->note);
    }
    for (int k = 0; k < w->injected_count; k++)
        evt_start(w, &w->injected[k], "injected by the teacher");
    w->injected_count = 0;
}

/* Recompute this quarter's cuts from the effects in force, then age them. */
void evt_apply_effects(cp_world *w)
{
    for (int n = 0; n < w->nation_count; n++) {
        w->mine_cut[n] = 0;
        w->approvals_cut[n] = 0;
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            w->demand_scale[g][n] = 1.0;
    }
    int keep = 0;
    for (int k = 0; k < w->effect_count; k++) {
        cp_effect *ef = &w->effects[k];
        const cp_event *e = &ef->event;
        switch (e->kind) {
        case CP_EVENT_MINE_FLOOD:
        case CP_EVENT_CONFLICT:
            w->mine_cut[e->nation] = 1.0 - (1.0 - w->mine_cut[e->nation]) * (1.0 - e->magnitude);
            break;
        case CP_EVENT_APPROVALS_SLOW:
            w->approvals_cut[e->nation] =
                1.0 - (1.0 - w->approvals_cut[e->nation]) * (1.0 - e->magnitude);
            break;
        case CP_EVENT_DEMAND_SHOCK:
            w->demand_scale[e->good][e->nation] *= 1.0 + e->magnitude;
            break;
        default:
            break;
        }
        if (--ef->turns_left > 0)
            w->effects[keep++] = *ef;
    }
    w->effect_count = keep;
}

/* Is an effect of 'kind' already at work in nation 'n'? */
static int effect_active(const cp_world *w, int n, cp_event_kind kind)
{
    for (int k = 0; k < w->effect_count; k++)
        if (w->effects[k].event.nation == n && w->effects[k].event.kind == kind &&
            w->effects[k].turns_left > 0)
            return 1;
    return 0;
}

/* Draw this quarter's random events. */
void evt_draw(cp_world *w)
{
    double rate = w->sc->random_events;
    if (rate <= 0)
        return;
    for (int n = 0; n < w->nation_count; n++) {
        cp_nation *nat = &w->nations[n];
        double u_flood = rng_unit(&w->rng), u_conflict = rng_unit(&w->rng),
               u_slow = rng_unit(&w->rng), u_size = rng_unit(&w->rng);
        if (nat->mined_t > 0 && u_flood < 0.01 * rate) {
            cp_event e = {CP_EVENT_MINE_FLOOD, n, -1, -1, -1, 0.2 + 0.3 * u_size, 1 + (u_size > 0.5)};
            evt_start(w, &e, "");
        }
        /* a conflict already being fought is not drawn again on top of
         * itself (the draws are still made: the stream stays the same) */
        if (nat->mined_t > 0 && u_conflict < nat->conflict_risk_per_yr / 4.0 * rate &&
            !effect_active(w, n, CP_EVENT_CONFLICT)) {
            cp_event e = {CP_EVENT_CONFLICT, n, -1, -1, -1, 0.3 + 0.5 * u_size, 2 + (int)(u_size * 4)};
            evt_start(w, &e, "");
        }
        int licensing = 0;
        if (u_slow < 0.03 * rate) /* look only when the draw would fire */
            for (int g = 0; g < CP_GOOD_COUNT && !licensing; g++)
                for (int d = 0; d < w->nation_count; d++)
                    if (nat->policy.control[g][d].mode == CP_CONTROL_LICENSED) {
                        licensing = 1;
                        break;
                    }
        if (licensing) {
            cp_event e = {CP_EVENT_APPROVALS_SLOW, n, -1, -1, -1, 0.2 + 0.4 * u_size, 1 + (int)(u_size * 3)};
            evt_start(w, &e, "");
        }
    }
    for (int k = 0; k < w->facility_count; k++) {
        cp_facility *f = &w->facilities[k];
        double u = rng_unit(&w->rng);
        if (f->stage != CP_STAGE_PERMITTING)
            continue;
        double p = 0.02 * rate * w->nations[f->host].permitting_factor;
        if (u < p) {
            int turns = 2 + (int)(u / p * 5);
            fac_delay(w, k, turns, "a lawsuit challenges its permits");
        }
    }
}
