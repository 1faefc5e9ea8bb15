/* script.h -- what the rest of the program uses from the Lua host (src/script).
 *
 * The command line (src/main.c), the UI and the benchmarks include this
 * header only; it never includes lua.h. It offers:
 *   - scenarios: load a scenario file into a cp_scenario (scenario_load.h);
 *   - seats: the agents that play a world's nations, run once a turn before
 *     cp_world_advance (seats.h);
 *   - check-agent, and the generator of the agent API documentation.
 */
#ifndef CPS_SCRIPT_H
#define CPS_SCRIPT_H

#include <stdio.h>

#include "scenario_load.h"
#include "seats.h"

/* `chokepoint check-agent FILE`: load the agent (a name under scripts/agents/
 * or a path), play it in every seat of the baseline scenario for a few
 * turns, twice, and report to 'out': load and run errors with their lines,
 * instructions and memory per turn (maximum and mean), how it answered two
 * deals offered to it (when it has an on_proposal), orders refused and why,
 * memory that cannot be saved, and whether the two runs issued the same
 * orders. Returns 0 when the agent is sound, 1 when it is not, 2 when FILE
 * cannot be read or the baseline scenario cannot be loaded. */
int cps_check_agent(const char *file, FILE *out);

/* The same with options: 'scenario' (NULL = "baseline"), 'turns' per seat
 * (0 = 4), and limits as in sim (NULL = defaults). */
int cps_check_agent_with(const char *file, const char *scenario, int turns,
                         const cps_seat_opts *limits, FILE *out);

/* `chokepoint gen-api-docs DIR`: write DIR/api/chokepoint.lua (editor stubs
 * for lua-language-server) and the API reference part of DIR/agents.md,
 * both from the table that registers the API. Returns 0, or -1 with a
 * message on stderr. */
int cps_api_write_docs(const char *dir);

#endif
