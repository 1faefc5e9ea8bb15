/* save_seats.h -- the agents in a game's seats, kept in a save file.
 *
 * A save holds the world (the core's) and, beside it, who plays each
 * nation and what each agent remembers:
 *   - "seats": one line per nation, "ISO3<TAB>agent<TAB>scenario default
 *     agent<TAB>checksum<TAB>failures in a row" (empty fields for none); a
 *     file inside the data folder is named "@data/scripts/agents/x.lua", so
 *     that a moved or reinstalled folder keeps its saves; the checksum (16
 *     hex digits, FNV-1a) is of the agent's source; the failures in a row
 *     make the seat fall back at the same turn as the game never stopped;
 *   - "source.ISO3": the source the seated agent runs;
 *   - "memory.ISO3": its memory, in the binary form of memory_codec.h.
 * Restoring seats the agents from their files when they are there (a file
 * changed since the save plays as it is now, with a log line saying so),
 * and from the saved source when the file is gone; runs their init (one
 * that fails now is logged: the saved memory replaces what it makes); then
 * gives them back their memories. Version 1 saves (no sources, memory as Lua text, full
 * paths) load too: a path that is gone is looked up under this data
 * folder. What is not kept: an agent's Lua locals and upvalues
 * (docs/agents.md tells modders so).
 */
#ifndef CP_CLI_SAVE_SEATS_H
#define CP_CLI_SAVE_SEATS_H

#include "savefile.h"
#include "script.h"

/* Sections describing 'seats' of 'w' ('info': the scenario's defaults, may
 * be NULL). Returns 0 with a malloc'd array in *out (free with
 * save_seats_free), or -1 with a message (out of memory, a path with a tab
 * or a newline: an agent's memory is always plain data by then). */
int save_seats_sections(cps_seats *seats, const cp_world *w, const cps_scenario_info *info,
                        savefile_section **out, int *count, char *err, size_t errlen);
void save_seats_free(savefile_section *sections, int count);

/* Seat the saved agents in 'w' (the save's world) and restore their
 * memories; notes (a file changed or gone) go to opts->log. Returns NULL
 * with a message when the save has no seats section, names a nation the
 * world lacks, or an agent no longer loads. */
cps_seats *save_seats_restore(const savefile *sf, cp_world *w, const cps_seat_opts *opts,
                              char *err, size_t errlen);

#endif
