/* script.h -- what the rest of the program uses from the Lua host (src/script).
 *
 * The command line (src/main.c), the UI and the benchmarks include this
 * header only; it never includes lua.h. It offers:
 *   - scenarios: load a scenario file into a cp_scenario (scenario_load.h);
 *   - seats: the agents that play the nations of a world, run once a turn;
 *   - check-agent and the generated API documentation.
 */
#ifndef CPS_SCRIPT_H
#define CPS_SCRIPT_H

#include "scenario_load.h"

#endif
