/* play.h -- playing nations from the window: the start screen, human seats and hotseat, the
 * orders dock, the deal dialog, the game menu and save/load.
 *
 * The play layer sits on top of the views the other files draw. It keeps its own state (a
 * play_state, reached through ui_app.play) and talks to the rest of the window only through a
 * few hooks: ui_main.c passes it the flags and the events, frame.c its layout and drawing,
 * ui_end_turn asks it before and after each quarter. It holds no rule of the game: every action
 * becomes a cp_order or a cp_deal (orders_ui.h), the core checks it, and the core's message is
 * what the player reads.
 */
#ifndef UI_PLAY_H
#define UI_PLAY_H

#include <SDL.h>

#include "app.h"
#include "chokepoint.h"

struct play_state;

/* How the game begins, from the command line. */
typedef struct {
    int start_screen;          /* 1: show the start screen (no --scenario, --load or --human) */
    const char *humans[CP_MAX_NATIONS]; /* --human ISO3, repeatable */
    int human_count;
    const char *load;          /* --load FILE */
    int turns;                 /* --turns N, 0 = the scenario's length */
    int want_start;            /* --start: the start screen even with other flags */
    const char *open;          /* --open: a dock tab ("Tariffs"), "deal", "menu", "save" or "load" */
    cps_difficulty difficulty; /* --difficulty LEVEL (default normal) */
} play_options;

/* Parse one of the play layer's flags at argv[*i] (--human ISO3, --load FILE, --turns N, --start,
 * --open WHAT, --difficulty LEVEL); returns 1 matched, 0 not, 2 bad (with a message on stderr). */
int play_parse_flag(int argc, char **argv, int *i, play_options *o);
/* After parsing: the start screen shows when nothing else says what to play (no --scenario,
 * --load, --human or --screenshot), or with --start. */
void play_options_finish(play_options *o, int argc, char **argv, int screenshot);
extern const char play_usage[];

/* Set up the play layer once the window is open: the start screen, or the game of 'a''s world
 * with the seats 'opt' names (a human per --human, the scenario's agents elsewhere), or a save.
 * Returns 0, or 2 with a message (a bad --human or save), 1 for anything else. */
int play_init(ui_app *a, const play_options *opt, char *err, size_t errlen);
void play_free(ui_app *a);
/* Before a replay is shown (replay_view.h): no seats, no agents, no dock, no dialog. */
void play_watch_replay(ui_app *a);

/* Hooks. play_event: an SDL event first goes here; returns 1 when the play layer used it. */
int play_event(ui_app *a, const SDL_Event *e);
/* frame_layout: the width the orders dock wants at the left of the window (0: no dock). */
int play_dock_natural_px(const ui_app *a);
/* tabs_draw: the width this layer's buttons need in the tab bar (0: none). */
int play_tabs_px(const ui_app *a);
/* frame_draw, above the views and below tooltips: the dock, dialogs, hand-over, start screen. */
void play_draw(ui_app *a);
/* Before ending the turn from a key or a button (confirm.c): 1 when the window asks first
 * instead (the turn ends if the player says yes): always for Space ('by_space'), and whenever
 * an order composed in the dock was never queued. 0: end it now. */
int play_ask_end_turn(ui_app *a, int by_space);
/* Before quitting (Ctrl+Q, the window's close, the menu): 1 when the window asks first, as
 * quarters were played since the game was last saved; 0 (nothing unsaved, or asked already):
 * quit now. */
int play_ask_quit(ui_app *a);
/* ui_end_turn: returns 1 when the turn passes to another human seat instead of resolving. */
int play_before_advance(ui_app *a);
/* ui_end_turn, after the quarter: autosave, hand-over to the first human seat. */
void play_after_advance(ui_app *a);

/* The human seat whose panels are showing, or -1 (only AI seats, or between players). */
int play_current_seat(const ui_app *a);
/* Which nations humans play: flags by nation index, or NULL when none do. */
const int *play_humans(const ui_app *a);
/* Is the current seat's orders dock open? */
int play_dock_open(const ui_app *a);
/* The game has played its last quarter: End turn shows the end screen (endscreen.c). */
int play_game_over(const ui_app *a);
/* What of the play layer covers the window, in a word, for the widget trace: "start",
 * "handover", "deal", "menu", "save", "load", "replays" (the start screen adds its dialog:
 * "start load"), or NULL for nothing. */
const char *play_screen(const ui_app *a);

#endif
