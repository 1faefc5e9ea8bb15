/* flows_model.c -- choosing the trade routes the map draws for a good. */
#include "flows.h"

#include <stdlib.h>

route_kind flows_route_kind(const cp_world *w, cp_good g, int from, int to, double *share,
                            int *suspended_turns)
{
    const cp_export_control *c = &cp_world_nation(w, from)->policy.control[g][to];
    cp_control_mode m = cp_export_control_now(c, share);
    if (suspended_turns) *suspended_turns = c->suspended_turns;
    if (m == CP_CONTROL_BANNED) return ROUTE_BANNED;
    if (m == CP_CONTROL_LICENSED) return ROUTE_LICENSED;
    return ROUTE_OPEN;
}

static int by_tonnes_desc(const void *x, const void *y)
{
    const route *a = x, *b = y;
    if (a->tonnes != b->tonnes) return a->tonnes < b->tonnes ? 1 : -1;
    if (a->from != b->from) return a->from - b->from;
    return a->to - b->to;
}

typedef struct {
    route r;
    double stake; /* seller's exports x buyer's demand: what a ban keeps apart */
} banned_route;

static int by_stake_desc(const void *x, const void *y)
{
    const banned_route *a = x, *b = y;
    if (a->stake != b->stake) return a->stake < b->stake ? 1 : -1;
    if (a->r.from != b->r.from) return a->r.from - b->r.from;
    return a->r.to - b->r.to;
}

static int has_route(const flows_set *s, int from, int to)
{
    for (int k = 0; k < s->count; k++)
        if (s->r[k].from == from && s->r[k].to == to) return 1;
    return 0;
}

void flows_collect(const cp_world *w, cp_good g, int focus, flows_set *out)
{
    const cp_market *m = cp_world_market(w, g);
    int n = cp_world_nation_count(w);
    static route all[CP_MAX_NATIONS * CP_MAX_NATIONS];
    static banned_route banned[CP_MAX_NATIONS * CP_MAX_NATIONS];
    int count = 0, nb = 0;
    out->count = out->routes = out->hidden = 0;
    out->max_t = out->total_t = out->shown_t = 0;
    for (int i = 0; i < n; i++) {
        const cp_nation *seller = cp_world_nation(w, i);
        for (int j = 0; j < n; j++) {
            if (i == j) continue;
            double t = m->flow_t[i][j];
            route r = {i, j, t, ROUTE_OPEN, 1.0, 0};
            r.kind = flows_route_kind(w, g, i, j, &r.approval_share, &r.suspended_turns);
            if (t > 0) {
                out->total_t += t;
                out->routes++;
            }
            if (r.kind == ROUTE_BANNED) {
                const cp_nation *buyer = cp_world_nation(w, j);
                double stake = (seller->exports_t[g] + t) * (buyer->demand_t[g] + buyer->imports_t[g]);
                if (stake > 0) banned[nb++] = (banned_route){r, stake};
            } else if (t > 0) {
                all[count++] = r;
            }
        }
    }
    qsort(all, (size_t)count, sizeof all[0], by_tonnes_desc);
    qsort(banned, (size_t)nb, sizeof banned[0], by_stake_desc);
    /* the largest routes; a route under 1% of the good's trade is noise on a world map */
    double floor_t = out->total_t * 0.01;
    for (int k = 0; k < count && out->count < FLOWS_TOP; k++)
        if (all[k].tonnes >= floor_t) out->r[out->count++] = all[k];
    /* the selected nation's own, however small */
    if (focus >= 0) {
        int own = 0;
        for (int k = 0; k < count && own < FLOWS_FOCUS_TOP; k++) {
            if (all[k].from != focus && all[k].to != focus) continue;
            own++;
            if (!has_route(out, all[k].from, all[k].to)) out->r[out->count++] = all[k];
        }
    }
    /* keep "largest first" for drawing order */
    qsort(out->r, (size_t)out->count, sizeof out->r[0], by_tonnes_desc);
    for (int k = 0; k < out->count; k++) out->shown_t += out->r[k].tonnes;
    /* banned routes: what the ban keeps apart (with the focus's first) */
    int nbk = 0;
    for (int pass = focus >= 0 ? 0 : 1; pass < 2; pass++)
        for (int k = 0; k < nb && nbk < FLOWS_BANNED_MAX; k++) {
            const route *r = &banned[k].r;
            int touches = r->from == focus || r->to == focus;
            if ((pass == 0) != touches || has_route(out, r->from, r->to)) continue;
            out->r[out->count++] = *r;
            out->shown_t += r->tonnes;
            nbk++;
        }
    for (int k = 0; k < out->count; k++)
        if (out->r[k].tonnes > out->max_t) out->max_t = out->r[k].tonnes;
    int shown_with_trade = 0;
    for (int k = 0; k < out->count; k++) shown_with_trade += out->r[k].tonnes > 0;
    out->hidden = out->routes - shown_with_trade;
}
