/* game_section.h -- a save's "game" section, written and read in one place: "key value" lines,
 * "length N" (the turn the game ends at) and "difficulty LEVEL" (how well the agents are asked to
 * play), keys a later build may add skipped. The session's games (game_save.c) and the window's
 * saves (saveload.h) both keep it, so a game saved by one loads in the other as it was. */
#ifndef CPG_GAME_SECTION_H
#define CPG_GAME_SECTION_H

#include <stddef.h>

#include "savefile.h"
#include "script.h"

enum { GAME_SECTION_MAX_LENGTH = 1000000 }; /* far beyond any game (REPLAY_MAX_TURN) */

typedef struct {
    int length;                /* 0: the section does not say (the scenario's default_turns) */
    cps_difficulty difficulty; /* "normal" when the section does not say (a save from before) */
} game_section;

/* The section's text for 'g' into 'buf'; returns its length (< len), or -1 when it does not fit. */
int game_section_text(const game_section *g, char *buf, size_t len);

/* Read 'sec' (NULL: a save without the section) into 'out'. 0, or -1 with what does not read
 * in 'why' ("the game section's difficulty 'medium' is not easy, normal or hard"). */
int game_section_read(const savefile_section *sec, game_section *out, char *why, size_t whylen);

#endif
