/* figures.h -- the numbers the nation panel lists: label, value, unit, last quarter's value (no SDL). */
#ifndef UI_FIGURES_H
#define UI_FIGURES_H

#include <stddef.h>

#include "chokepoint.h"

typedef enum {
    FIG_MINED = 0,
    FIG_SEPARATED,
    FIG_MAGNETS_MADE,
    FIG_DEMAND,       /* of the selected good */
    FIG_SHORTAGE,     /* of the selected good */
    FIG_DEMAND_MET,   /* magnets */
    FIG_PRICE_PAID,   /* selected good */
    FIG_PRODUCER_PRICE,
    FIG_IMPORTS,
    FIG_EXPORTS,
    FIG_STOCK,        /* users' inventory of the selected good */
    FIG_STOCKPILE,    /* strategic stockpile of the selected good */
    FIG_RESERVES,
    FIG_TREASURY,
    FIG_GDP,
    FIG_GDP_LOSS,
    FIG_SCORE,
    FIG_PRESSURE,
    FIG_TRUST,
    FIG_COUNT
} fig_id;

/* Last quarter's figures, kept by the window when it ends a turn, for
 * the figures the history rows do not carry (stocks, reserves...). */
typedef struct {
    int valid;
    int turn;
    cp_nation nations[CP_MAX_NATIONS];
} fig_snapshot;

void fig_snapshot_take(fig_snapshot *s, const cp_world *w);

/* "Price paid for NdPr oxide". */
char *fig_label(fig_id f, cp_good good, char *buf, size_t len);
/* The value now. */
double fig_value(const cp_world *w, int nation, fig_id f, cp_good good);
/* Last quarter's value: from the history row of the previous turn when it
 * has the figure, else from the snapshot; NaN when neither has it. */
double fig_prev(const cp_world *w, const fig_snapshot *s, int nation, fig_id f, cp_good good);
/* The value as text with its unit. */
char *fig_format(fig_id f, cp_good good, double v, char *buf, size_t len);
/* 1 when a rise is good news for the nation, -1 when bad, 0 neutral: the
 * colour of the change arrow. */
int fig_polarity(fig_id f);

#endif
