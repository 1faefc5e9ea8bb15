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

/* How many routes the map draws: a world of 24 nations trades a good on
 * a hundred routes or more, and a hundred curves hide the map. The largest
 * few carry most of the tonnes; the rest are counted in the map card. */
enum {
    FLOWS_TOP = 12,       /* the largest routes of the good */
    FLOWS_FOCUS_TOP = 10, /* and the selected nation's own largest, in and out */
    FLOWS_BANNED_MAX = 6, /* and the banned routes that would carry the most */
    FLOWS_MAX = FLOWS_TOP + FLOWS_FOCUS_TOP + FLOWS_BANNED_MAX
};

typedef struct flows_set {
    route r[FLOWS_MAX]; /* largest first, banned routes last */
    int count;
    double max_t;   /* the largest route shown */
    double total_t; /* all cross-border trade of the good this quarter */
    double shown_t; /* of which on the routes shown */
    int routes;     /* routes that carried anything */
    int hidden;     /* of which not shown */
} flows_set;

/* The regime that applies today on exporter 'from''s route to 'to' for
 * good 'g', with its approval share. */
route_kind flows_route_kind(const cp_world *w, cp_good g, int from, int to, double *share,
                            int *suspended_turns);

/* The routes worth drawing for good 'g': the FLOWS_TOP largest; when
 * 'focus' is a nation (not -1), its own FLOWS_FOCUS_TOP largest too, so a
 * selected nation always shows its trade; and up to FLOWS_BANNED_MAX banned
 * routes from a seller of the good to a buyer of it, those with the most
 * at stake (seller's exports times buyer's demand) first, even when almost
 * nothing leaks through. */
void flows_collect(const cp_world *w, cp_good g, int focus, flows_set *out);

#endif
