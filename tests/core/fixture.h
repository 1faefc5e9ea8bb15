/* fixture.h -- small hand-built worlds for the core's unit tests. */
#ifndef CP_FIXTURE_H
#define CP_FIXTURE_H

#include "chokepoint.h"

/* Three nations: BIG (index 0) mines, separates and makes magnets at scale
 * and uses most of them; SML (1) mines and separates a little; USR (2) only
 * consumes. Random events are off unless 'events' is set. */
void fixture_three(cp_scenario *sc, int events);

/* Two nations for incidence tests: EXP (0) makes magnets (from no inputs)
 * and does not use them, IMP (1) only uses them. Nothing else happens. */
void fixture_two(cp_scenario *sc);

cp_world *fixture_world(const cp_scenario *sc, uint64_t seed);

cp_order fixture_order(cp_order_kind kind, int nation);

#endif
