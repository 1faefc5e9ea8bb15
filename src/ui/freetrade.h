/* freetrade.h -- the game's counterfactual: the same scenario and seed with every trade barrier
 * taken away, played quarter by quarter beside the end screen without blocking the window. */
#ifndef UI_FREETRADE_H
#define UI_FREETRADE_H

#include "chokepoint.h"

/* The free-trade twin of a game, being worked out. */
typedef struct {
    cp_world *world;  /* NULL before ft_start or after a failure */
    int target;       /* quarters to play: the game's */
    int failed;
    char err[CP_TEXT_LEN];
} ft_run;

/* 'in' with every trade barrier gone ('out' may be 'in'): no tariffs, every export open,
 * no export quota or tax, no technology ban and no extraterritorial rule, and the
 * scheduled orders that would bring any of these back dropped. What stays: the world
 * (mines, plants, stocks, demand, money), each nation's domestic policy (subsidies, price
 * floors, tracking, stockpiles) and the scheduled events. The scenario free-trade.lua is
 * this of baseline.lua. */
void ft_scenario(const cp_scenario *in, cp_scenario *out);

/* Begin the twin of 'game' (its scenario, from turn 0, its seed, no agents), to be played
 * to turn 'turns'. Returns 0, or -1 with r->err. */
int ft_start(ft_run *r, const cp_world *game, int turns);
/* Play up to 'quarters' more quarters; returns 1 once it has reached its target. */
int ft_step(ft_run *r, int quarters);
/* Quarters played so far. */
int ft_turn(const ft_run *r);
void ft_free(ft_run *r);

#endif
