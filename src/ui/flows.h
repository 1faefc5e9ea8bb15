/* flows.h -- which trade routes of a good to draw and how (no SDL): tonnes, and whether a control restricts them. */
#ifndef UI_FLOWS_H
#define UI_FLOWS_H

#include "chokepoint.h"

typedef enum {
    ROUTE_OPEN = 0,
    ROUTE_LICENSED, /* an export licence passes only part of the requests */
    ROUTE_BANNED    /* only transshipment leakage gets through */
} route_kind;

typedef struct {
    int from, to;
    double tonnes;  /* this quarter */
    route_kind kind;
    double approval_share; /* for licensed routes */
    int suspended_turns;   /* > 0: a control suspended, 'kind' is what applies meanwhile */
} route;

enum { FLOWS_MAX = 96 };

/* The regime that applies today on exporter 'from''s route to 'to' for
 * good 'g', with its approval share. */
route_kind flows_route_kind(const cp_world *w, cp_good g, int from, int to, double *share,
                            int *suspended_turns);

/* The routes worth drawing for good 'g', largest first: every flow above
 * half a percent of the largest (at most FLOWS_MAX), plus banned routes from
 * a seller to a buyer even when almost nothing leaks through. Returns the
 * count; '*max_t' gets the largest flow. */
int flows_collect(const cp_world *w, cp_good g, route *out, double *max_t);

#endif
