/* flows_model.c -- choosing the trade routes the map draws for a good. */
#include "flows.h"

#include <stdlib.h>

route_kind flows_route_kind(const cp_world *w, cp_good g, int from, int to, double *share,
                            int *suspended_turns)
{
    const cp_export_control *c = &cp_world_nation(w, from)->policy.control[g][to];
    cp_control_mode m = c->mode;
    double s = c->approval_share;
    if (c->suspended_turns > 0) {
        m = c->fallback_mode;
        s = c->fallback_share;
    }
    if (share) *share = m == CP_CONTROL_LICENSED ? s : m == CP_CONTROL_OPEN ? 1.0 : 0.0;
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

int flows_collect(const cp_world *w, cp_good g, route *out, double *max_t)
{
    const cp_market *m = cp_world_market(w, g);
    int n = cp_world_nation_count(w);
    double top = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (i != j && m->flow_t[i][j] > top) top = m->flow_t[i][j];
    static route all[CP_MAX_NATIONS * CP_MAX_NATIONS];
    int count = 0;
    for (int i = 0; i < n; i++) {
        const cp_nation *seller = cp_world_nation(w, i);
        for (int j = 0; j < n; j++) {
            if (i == j) continue;
            double t = m->flow_t[i][j];
            route r = {i, j, t, ROUTE_OPEN, 1.0, 0};
            r.kind = flows_route_kind(w, g, i, j, &r.approval_share, &r.suspended_turns);
            int big = top > 0 && t >= top * 0.005;
            /* a ban matters when the seller sells this good and the buyer uses it */
            int banned_matters = r.kind == ROUTE_BANNED && seller->exports_t[g] + t > 0 &&
                                 (cp_world_nation(w, j)->demand_t[g] > 0 ||
                                  cp_world_nation(w, j)->imports_t[g] > 0);
            if (big || banned_matters) all[count++] = r;
        }
    }
    qsort(all, (size_t)count, sizeof all[0], by_tonnes_desc);
    int kept = 0;
    for (int k = 0; k < count; k++) {
        if (kept < FLOWS_MAX - 8 || (all[k].kind == ROUTE_BANNED && kept < FLOWS_MAX))
            out[kept++] = all[k];
    }
    if (max_t) *max_t = top;
    return kept;
}
