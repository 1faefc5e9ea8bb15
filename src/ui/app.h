/* app.h -- the game window's state, shared by the files that draw and drive it.
 *
 * One ui_app holds the world being played, the prepared map, the renderer
 * and text cache, and what the player is looking at. Drawing is immediate
 * mode: every frame each view draws itself from the world and reads the
 * mouse from 'in', so there is no widget tree to keep in sync with the
 * game. Sizes are in output pixels; app_px() turns a size designed at 1x
 * into pixels on a HiDPI screen.
 */
#ifndef UI_APP_H
#define UI_APP_H

#include <SDL.h>
#include <stdint.h>

#include "chokepoint.h"
#include "map_draw.h"
#include "script.h"
#include "map_mesh.h"
#include "figures.h"
#include "metric.h"
#include "script.h"
#include "text.h"
#include "theme.h"
#include "tl_model.h"

typedef enum { VIEW_MAP = 0, VIEW_CHARTS, VIEW_TIMELINE, VIEW_COUNT } app_view;

/* The mouse as this frame sees it. 'clicked' is a press and release
 * without a drag in between; widgets that use a click or the wheel set the
 * matching *_used flag so that nothing underneath reacts too. */
typedef struct {
    int x, y;
    int down, pressed, clicked, click_used;
    int press_x, press_y, dragging;
    int drag_map; /* the press started on the map: a drag pans it */
    float wheel;
    int wheel_used;
} app_input;

/* A tooltip requested this frame, drawn last, above everything. */
typedef struct {
    int active;
    SDL_Rect anchor; /* what the mouse is over */
    char title[160];
    char body[2048];
} app_tip;

/* The map camera: the projected point at the centre of the map area and a
 * zoom factor over "the whole world fits". Pan and zoom ease towards the
 * target values. */
typedef struct {
    double cx, cy, zoom;
    double to_cx, to_cy, to_zoom;
} app_camera;

/* A line the AI seats logged (an agent failed, fell back, or printed),
 * shown in the news feed beside the core's news. */
enum { APP_LOG_MAX = 64 };
typedef struct {
    int turn; /* the quarter the agents were deciding */
    char text[CP_TEXT_LEN];
} app_log_line;

typedef struct {
    SDL_Rect win, top, tabs, content, main, panel;
    SDL_Rect card, news; /* floating over the map: metric chooser + legend, news feed */
    SDL_Rect tabs_free;  /* the tab bar between the view tabs and the good buttons (set by
                            tabs_draw each frame): room for other controls, text fitted to it */
    SDL_Rect dock;       /* the play layer's orders dock at the left (w 0: none) */
    int dock_folded;     /* the dock is a strip: the window has no room for it beside the panel */
    int compact_tabs;    /* the tab bar has no room for full labels: short ones */
    int card_pill;       /* the map card is drawn folded this frame */
} app_layout;

/* An action a widget asks for while a frame is drawn, run once the frame is
 * done (app_defer): 'fn(a, x, y)'. */
struct ui_app;
typedef void (*app_action_fn)(struct ui_app *a, int x, int y);
typedef struct {
    app_action_fn fn;
    int x, y;
} app_action;
enum { APP_DEFER_MAX = 8 };

typedef struct ui_app {
    /* the game */
    cp_scenario *scenario; /* heap: the struct is large */
    cps_scenario_info info;
    int have_info;
    cp_world *world;
    /* made, the difference each seat's decisions made (docs/score.md): the session's
     * without-worlds, fed around each advance of 'world' (ui_end_turn); begun when the world
     * is (a loaded game's at the load) */
    struct cpg_made_tracker *made;
    tl_log stages;
    fig_snapshot *prev; /* last quarter's nations, for "why it changed" */

    /* the map, prepared once */
    map_asset asset;
    map_mesh mesh;
    map_drawer drawer;
    int *country_nation;                  /* per map country: nation index or -1 */
    int nation_country[CP_MAX_NATIONS];   /* per nation: map country or -1 */
    map_vec2 nation_at[CP_MAX_NATIONS];   /* projected anchor of each nation */
    map_box world_box;                    /* land without Antarctica */

    /* output */
    SDL_Window *window; /* NULL when drawing into a surface (screenshots, tests) */
    SDL_Renderer *renderer;
    SDL_Surface *target; /* the surface of a windowless renderer */
    text_cache *text;
    int out_w, out_h; /* output pixels */
    float scale;      /* output pixels per window coordinate (2 on HiDPI) */
    const ui_ink *ink; /* the charts' neutral inks; NULL: the window's (app_ink) */

    /* what the player looks at */
    app_view view;
    metric_id metric;
    cp_good good;
    int selected;     /* nation index or -1 */
    int hovered;      /* nation under the mouse on the map, or -1 */
    int hovered_country; /* map country under the mouse, or -1 */
    int show_flows, show_news, show_help, show_briefing;
    int card_folded;  /* the map card (colouring and legend) folded into a pill: 1 by the player,
                         and it folds by itself on a map too small for it (frame.c) */
    int metric_menu;  /* the "colour by" list is open */
    float panel_open; /* 0..1, animates the nation panel */
    int panel_scroll, news_scroll, timeline_scroll;
    int news_filter; /* news.c: which cards the feed shows (all, policies, plants, events, market, one nation) */
    int panel_content_h, news_content_h, timeline_content_h; /* last frame's, to bound scrolling */
    int briefing_scroll, briefing_content_h; /* the briefing card's body (overlay.c), pixels */
    int timeline_world; /* 1: every facility; 0: the selected nation's */
    int timeline_kind;  /* -1 all, or a cp_facility_kind */
    app_camera cam;
    map_view mview;   /* this frame's transform, from cam and the map area */
    SDL_Rect map_area;
    SDL_Rect map_fit; /* where the whole world fits at zoom 1: the map area, or its part
                         above the map card when the map is narrow (frame.c) */

    /* metric values, recomputed when the turn, metric or good changes */
    double metric_vals[CP_MAX_NATIONS];
    scale metric_scale;
    int metric_turn, metric_cached, metric_good;

    /* frame state */
    app_layout lay;
    app_input in;
    app_tip tip;
    char toast[256];
    uint32_t toast_until_ms;
    uint32_t now_ms;
    int keys_pan_x, keys_pan_y, keys_zoom; /* held keys: -1, 0, 1 */
    int modal;  /* 1 while a modal overlay draws its own widgets */
    /* a card the play layer draws over the views (the dock's What if?, whatif.c): where it was
     * last frame, which widgets drawn before it leave alone (app_hover, app_click), and where it
     * is this frame (set while drawing it); 'on_card' is 1 while it draws its own widgets */
    SDL_Rect card_over, card_over_next;
    int on_card;
    int blocking; /* a dialog of the play layer is open (play.h): only widgets
                     drawn while 'modal' is set respond to the mouse */

    /* playing nations (play.h): human seats, hotseat, orders, deals, saves.
     * 'seats' holds the agents of the AI nations (NULL: none), created by
     * play.c and run in ui_end_turn before the quarter is resolved. */
    struct play_state *play;
    struct cps_seats *seats;
    /* how well the agents of the AI nations play (view.difficulty): the start screen's choice,
     * play --difficulty, or a loaded save's; every seat app_seats_create makes plays it */
    cps_difficulty difficulty;
    /* teacher controls (teacher.h): their state, and 1 while their panel is open */
    struct teacher_state *teacher;
    int teacher_open;
    /* the replay viewer (replay_view.h): a recording shown turn by turn, NULL
     * in a game. While it is set nothing is played: End turn does nothing. */
    struct replay_view *replay;
    /* the AI seats' log, a ring of the last APP_LOG_MAX lines */
    app_log_line log[APP_LOG_MAX];
    int log_count; /* lines ever logged */
    /* Drawing is immediate mode, so a widget acts in the middle of a frame
     * that goes on drawing after it. What every view reads (the world, the
     * selection, the turn, who plays) changes only between frames: while
     * 'drawing' is set, app_select, ui_end_turn and the actions that replace
     * the world wait in 'deferred' until frame_draw has finished. */
    int drawing;
    app_action deferred[APP_DEFER_MAX];
    int deferred_count;
    int dirty; /* something changed: draw another frame */
    int quit;
    unsigned frames;
} ui_app;

/* Options from the command line. */
typedef struct {
    const char *scenario; /* name or path */
    uint64_t seed;
    const char *screenshot; /* NULL: interactive */
    int width, height;
} app_options;

/* Load the scenario, build the world and prepare the map. Output is set up
 * separately (app_open_window or app_open_surface). Returns 0, or 2 for a
 * bad scenario and 1 for anything else, with a message in 'err'. */
int app_create(ui_app *a, const app_options *opt, char *err, size_t errlen);
/* A resizable, HiDPI-aware window with a vsynced renderer. */
int app_open_window(ui_app *a, int width, int height, char *err, size_t errlen);
/* A software renderer drawing into a 'width' x 'height' surface: no
 * display needed (screenshots, render tests, the benchmark). */
int app_open_surface(ui_app *a, int width, int height, char *err, size_t errlen);
void app_destroy(ui_app *a);

/* End the turn: the one place where the game moves on. The AI nations'
 * agents queue their orders, then cp_world_advance resolves the quarter.
 * Asked for while a frame is drawn (the End turn button), it happens once
 * the frame is done. */
void ui_end_turn(ui_app *a);

/* Play 'w' (owned from now on) in place of the current world: its scenario,
 * the map's links to its nations and the view's caches are reset ('info'
 * is taken over too, or reloaded from the scenario's name when NULL). Used
 * by the start screen and by loading a save (play.c). Returns 0 or -1.
 * Never while a frame is drawn (asserted): the old world is freed, and the
 * rest of the frame would draw from it; widgets reach it through app_defer. */
int app_replace_world(ui_app *a, cp_world *w, cps_scenario_info *info, char *err, size_t errlen);

/* Seat the scenario's default agents (overridden by 'assign', "ISO3=FILE"
 * or "ISO3=none", as `sim --agent`) in 'a''s world, their log lines going
 * to app_log. Returns the seats, or NULL with a message. The caller stores
 * them in a->seats (ui_end_turn runs them) and destroys them. */
struct cps_seats *app_seats_create(ui_app *a, const char *const *assign, int assign_count, char *err,
                                   size_t errlen);
/* cps_seat_opts.log: keep 'line' (from the seats of the ui_app 'ud') for
 * the news feed instead of printing it on stderr. */
void app_log(void *ud, const char *line);
/* The k-th most recent log line (k = 0 the newest), or NULL. */
const app_log_line *app_log_recent(const ui_app *a, int k);

/* Select nation 'n' (or -1 to close the panel). Asked for while a frame is
 * drawn, it happens once the frame is done. */
void app_select(ui_app *a, int n);
/* Run 'fn(a, x, y)' now, or when a frame is being drawn, once it is done:
 * the way a widget changes the world, the selection or the game (see
 * 'drawing'). Actions run in the order asked; a full queue drops the action
 * (one click makes one action, so eight in a frame is already a bug). */
void app_defer(ui_app *a, app_action_fn fn, int x, int y);
/* Run the actions deferred while the frame was drawn (frame_draw does, at
 * its end). */
void app_run_deferred(ui_app *a);
/* Show a short message at the bottom of the window for a few seconds. */
void app_toast(ui_app *a, const char *msg);
/* Update the window title: scenario, date, turn and seed. */
void app_update_title(ui_app *a);
/* Refresh the cached metric values if the turn, metric or good changed. */
void app_refresh_metric(ui_app *a);

/* A 1x design size in output pixels. */
int app_px(const ui_app *a, int size_at_1x);
/* The inks the charts draw with: a->ink, or the window's dark scheme. */
const ui_ink *app_ink(const ui_app *a);
/* Ask for a tooltip over 'anchor' this frame; 'title' may be NULL. */
void app_tip_set(ui_app *a, SDL_Rect anchor, const char *title, const char *body);
/* Is the mouse over 'rc' and not over a modal overlay? */
int app_hover(const ui_app *a, SDL_Rect rc);
/* Was 'rc' clicked this frame? Consumes the click. */
int app_click(ui_app *a, SDL_Rect rc);

#endif
