/* made.h -- the without-worlds behind "made", the difference a seat's decisions made
 * (docs/score.md): for each seat measured, a copy of the game's world that gets every decision
 * of the game except that seat's, quarter by quarter. Internal to src/session: game.c feeds
 * them, game_save.c keeps them in saves, session.h's cpg_made reads them. */
#ifndef CPG_MADE_H
#define CPG_MADE_H

#include <stdint.h>

#include "chokepoint.h"
#include "savefile.h"

/* session.h calls it cpg_made_tracker where a program follows its own world */
typedef struct cpg_made_tracker made_set;

/* Without-worlds for the nations in 'mask' (bit n: nation n), each a copy of 'real' as it
 * stands (its queued orders withdrawn: the first quarter's decisions bring them again).
 * NULL when out of memory or 'mask' names no nation of 'real'. */
made_set *made_open(const cp_world *real, uint32_t mask);
void made_close(made_set *m); /* NULL is fine */

/* An event the core accepted for the real world's next advance: into every without-world
 * (its facility mapped; one a without-world refuses is dropped and counted). */
void made_inject(made_set *m, const cp_event *e);
/* Just before the real world advances: the quarter's decisions of every other seat (its
 * queued orders, its deal actions since the last advance) into each without-world, and the
 * teacher's policy locks as the real world has them. */
void made_before(made_set *m, const cp_world *real);
/* Just after: each without-world advances, and the plants the quarter opened in both are
 * paired, so that later orders about them find theirs. */
void made_after(made_set *m, const cp_world *real);

/* The without-world of 'nation' (NULL: none kept), the turn it began at (a game loaded from
 * a save without them begins them at the load) and the decisions it dropped so far. */
const cp_world *made_world(const made_set *m, int nation);
int made_since(const made_set *m, int nation);
int made_dropped(const made_set *m, int nation);

/* The without-worlds as save sections ("made" and "made.ISO3", docs/saves.md), appended to
 * '*list' (savefile_section array, malloc'd data): 0, or -1 with a message. */
int made_sections(const made_set *m, const cp_world *real, savefile_section **list, int *count,
                  char *msg, size_t len);
/* The without-worlds a save holds for the nations in 'mask'; a nation whose section is missing
 * (a save from before made, or one that kept none for it) begins now as made_open's. NULL with
 * a message when a section is damaged or memory runs out. */
made_set *made_restore(const savefile *sf, const cp_world *real, uint32_t mask, char *msg,
                       size_t len);

#endif
