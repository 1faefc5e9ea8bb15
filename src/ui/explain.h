/* explain.h -- tooltips that make every number explain itself: what it is, its unit, its source, why it moved (no SDL). */
#ifndef UI_EXPLAIN_H
#define UI_EXPLAIN_H

#include <stddef.h>

#include "chokepoint.h"
#include "figures.h"

/* Fill 'title' and 'body' for figure 'f' of 'nation' (good 'good' where
 * the figure depends on it): a sentence on what it is, the unit, where the
 * number comes from, this quarter against last quarter, and the reasons
 * the model gives for the change (stage changes, events, policies,
 * controls on its imports, price moves). */
void explain_figure(const cp_world *w, const fig_snapshot *snap, int nation, fig_id f, cp_good good,
                    char *title, size_t tlen, char *body, size_t blen);

/* A facility in words: kind, host, funder, capacity, stage, output, the
 * projected operating date and delays. */
void explain_facility(const cp_world *w, int facility, int operating_turn, char *title, size_t tlen,
                      char *body, size_t blen);

#endif
