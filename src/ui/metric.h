/* metric.h -- the figures the map can colour nations by, their units and scales (no SDL). */
#ifndef UI_METRIC_H
#define UI_METRIC_H

#include <stddef.h>

#include "chokepoint.h"
#include "cmap.h"

typedef enum {
    METRIC_MINE_OUTPUT = 0,  /* ore mined this quarter, t REO */
    METRIC_SEPARATION_SHARE, /* share of the world's separation this quarter */
    METRIC_DEMAND_MET,       /* share of magnet demand met this quarter */
    METRIC_STOCKS,           /* inventory + strategic stockpile of the selected good */
    METRIC_SHORTAGE,         /* share of the selected good's demand unmet */
    METRIC_PRICE_PAID,       /* composite price paid for the selected good */
    METRIC_COUNT
} metric_id;

typedef struct {
    const char *name;      /* menu entry, "Mine output" */
    int uses_good;         /* 1: depends on the selected good */
    scale_kind scale;
    int is_share;          /* values are shares 0..1, shown as % */
    const char *what;      /* one sentence for the legend's tooltip */
} metric_info;

const metric_info *metric_get(metric_id m);

/* The value of metric 'm' for 'nation' at the world's current turn; NaN
 * when it does not apply (a share of zero demand). 'good' is used by the
 * metrics that depend on it. */
double metric_value(const cp_world *w, metric_id m, int nation, cp_good good);

/* The same from the history row of 'turn' (NaN when the row lacks the
 * figure or the turn is not kept). Used for "why it changed". */
double metric_value_at(const cp_world *w, metric_id m, int nation, cp_good good, int turn);

/* Legend title with its unit, e.g. "Price paid for Dy/Tb oxide (USD/kg)". */
char *metric_title(metric_id m, cp_good good, char *buf, size_t len);

/* One value as text with its unit: "67,804 t REO", "91%", "$63.30/kg". */
char *metric_format(metric_id m, cp_good good, double v, char *buf, size_t len);

/* Values for every nation into 'out' (CP_MAX_NATIONS), and a scale fitted to them. */
void metric_all(const cp_world *w, metric_id m, cp_good good, double *out, scale *s);

#endif
