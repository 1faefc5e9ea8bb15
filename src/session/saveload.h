/* saveload.h -- the window's saved games: the world, the seats' agents and memories
 * (save_seats.h), and which seats humans play, in one save file (savefile.h). No SDL.
 *
 * The save is the command line's format, so `chokepoint sim --load FILE` continues a game saved
 * in the window; the window adds one section, "ui.humans" (one ISO3 a line), which the command
 * line ignores (it plays those seats with nobody).
 */
#ifndef UI_SAVELOAD_H
#define UI_SAVELOAD_H

#include <stddef.h>

#include "chokepoint.h"
#include "script.h"
#include "session.h"

enum { SAVE_LIST_MAX = 48 };

typedef cpg_file save_entry;

/* The .cpsave files in 'dir', newest first. Returns how many (0 when the folder is missing). */
int saveload_list(const char *dir, save_entry *out, int max);
/* The same for the replays in 'dir' (.cprep from `sim --record`, .replay from `tournament --replays`). */
int saveload_list_replays(const char *dir, save_entry *out, int max);
/* The newest autosave in 'dir' into 'path'; returns 0, or -1 when there is none. */
int saveload_newest_autosave(const char *dir, char *path, size_t len);

/* Save 'w' to 'path' ('seats' and 'info' may be NULL; 'human' per nation; 'length' the game's
 * length in quarters; 'difficulty' the agents' level). Returns 0 or -1. */
int saveload_write(const char *path, const cp_world *w, cps_seats *seats, const cps_scenario_info *info,
                   const int *human, int length, cps_difficulty difficulty, char *err, size_t errlen);
/* Autosave into 'dir', keeping the newest SAVEFILE_KEEP_AUTOSAVES; the new file into 'path'. */
int saveload_autosave(const char *dir, const cp_world *w, cps_seats *seats, const cps_scenario_info *info,
                      const int *human, int length, cps_difficulty difficulty, char *path,
                      size_t pathlen, char *err, size_t errlen);
/* Read a save: the world, its seats (NULL when the save has none; its agents at the save's
 * level, not opts->difficulty), the human seats, the game's length (0 when the save does not
 * say: the scenario's) and its difficulty (may be NULL; "normal" when the save does not say).
 * A game section that does not read is refused ("PATH: damaged: ..."). */
int saveload_read(const char *path, const cps_seat_opts *opts, cp_world **w, cps_seats **seats,
                  int *human, int *length, cps_difficulty *difficulty, char *err, size_t errlen);

/* A name typed by the player as a path under saves/ ("my game" -> "saves/my game.cpsave"). */
int saveload_path_for(const char *name, char *out, size_t outlen, char *err, size_t errlen);

#endif
