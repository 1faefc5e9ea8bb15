/* save_seats.h -- the agents in a game's seats, kept in a save file.
 *
 * A save holds the world (the core's) and, beside it, who plays each
 * nation and what each agent remembers: a "seats" section with one line
 * per nation, "ISO3<TAB>agent path<TAB>scenario default agent" (empty for
 * none), and a "memory.ISO3" section per seated agent with its memory as
 * text (memory.c). Restoring seats the same agents in a loaded world and
 * gives them back their memories. What is not kept: an agent's Lua locals
 * and upvalues (docs/agents.md tells modders so), and a seat's count of
 * failures in a row (cps_seats has no way to set it).
 */
#ifndef CP_CLI_SAVE_SEATS_H
#define CP_CLI_SAVE_SEATS_H

#include "savefile.h"
#include "seats.h"

/* Sections describing 'seats' of 'w' ('info': the scenario's defaults, may
 * be NULL). Returns 0 with a malloc'd array in *out (free with
 * save_seats_free), or -1 with a message (an agent whose memory is not
 * plain data). */
int save_seats_sections(cps_seats *seats, const cp_world *w, const cps_scenario_info *info,
                        savefile_section **out, int *count, char *err, size_t errlen);
void save_seats_free(savefile_section *sections, int count);

/* Seat the saved agents in 'w' (the save's world) and restore their
 * memories. Returns NULL with a message when the save has no seats
 * section, names a nation the world lacks, or an agent no longer loads. */
cps_seats *save_seats_restore(const savefile *sf, cp_world *w, const cps_seat_opts *opts,
                              char *err, size_t errlen);

#endif
