/* replay_view.h -- the replay viewer: a recorded game (`sim --record`) shown
 * in the game window, stepped forward and back turn by turn.
 *
 * The viewer plays the recording with the same per-turn step as `chokepoint
 * replay` (src/cli/replay_apply.h), keeps a clone of the world of every
 * quarter it has reached (so going back is instant), checks each quarter's
 * hash against the recording, and shows the world of the chosen quarter in
 * the ordinary views. A panel at the left lists what each seated agent did
 * in the turn that led to it: its budget use, memory, orders, failures and
 * log lines. While a replay is shown nothing can be played: End turn and
 * the order dock are off. */
#ifndef UI_REPLAY_VIEW_H
#define UI_REPLAY_VIEW_H

#include <SDL.h>
#include <stdint.h>

#include "app.h"

/* Open the replay at 'path' in 'a' (a->replay is set; the world shown is
 * its start). Returns 0, or -1 with a message naming the file. */
int replay_view_open(ui_app *a, const char *path, char *err, size_t errlen);
void replay_view_close(ui_app *a);

/* Show quarter 'turn' of the recording (clamped to what can be shown); asked
 * for while a frame is drawn, once the frame is done (app_defer). */
void replay_view_goto(ui_app *a, int turn);

/* Hooks: a key (1 when used), the panel's room at the left of the main
 * area (frame_layout), and the panel itself (frame_draw). */
int replay_view_key(ui_app *a, SDL_Keycode key);
void replay_view_layout(ui_app *a);
void replay_view_draw(ui_app *a);

/* The quarter shown and whether its hash matches the recording (1), for
 * the exit line and tests; the recorded hash in '*recorded'. */
int replay_view_matches(const ui_app *a, uint64_t *recorded);

#endif
