/* app.c -- the game window's state: building the world and the map, opening the output, ending turns. */
#include "app.h"

#include <SDL_ttf.h>
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "session.h"
#include "map_project.h"
#include "views.h"
#include "play.h"
#include "replay_view.h"
#include "script.h"
#include "teacher.h"
#include "trace.h"

/* A file in the data folder (script.h's cps_data_dir: the one lookup). */
static void data_path(char *buf, size_t len, const char *rel)
{
    snprintf(buf, len, "%s/%s", cps_data_dir(), rel);
}

/* Match each nation to its country on the map by ISO code, and place its
 * anchor (where flows start and labels sit) at the scenario's
 * representative point. */
static int link_nations(ui_app *a, char *err, size_t errlen)
{
    a->country_nation = malloc((a->asset.country_count ? a->asset.country_count : 1) * sizeof(int));
    if (!a->country_nation) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (size_t c = 0; c < a->asset.country_count; c++) a->country_nation[c] = -1;
    int n = cp_world_nation_count(a->world);
    for (int i = 0; i < n; i++) {
        const cp_nation *nat = cp_world_nation(a->world, i);
        int c = map_asset_find(&a->asset, nat->iso3);
        a->nation_country[i] = c;
        if (c >= 0) a->country_nation[c] = i;
        double x, y;
        map_project_forward(nat->lon_deg, nat->lat_deg, &x, &y);
        a->nation_at[i].x = (float)x;
        a->nation_at[i].y = (float)y;
    }
    /* the map's extent without Antarctica, which is hidden */
    map_box b = {1e9f, 1e9f, -1e9f, -1e9f};
    for (size_t c = 0; c < a->mesh.country_count; c++) {
        if (a->asset.countries[c].flags & MAP_FLAG_ANTARCTIC) continue;
        const map_box *k = &a->mesh.countries[c].box;
        if (k->min_x < b.min_x) b.min_x = k->min_x;
        if (k->min_y < b.min_y) b.min_y = k->min_y;
        if (k->max_x > b.max_x) b.max_x = k->max_x;
        if (k->max_y > b.max_y) b.max_y = k->max_y;
    }
    a->world_box = b;
    return 0;
}

int app_create(ui_app *a, const app_options *opt, char *err, size_t errlen)
{
    memset(a, 0, sizeof *a);
    a->selected = a->hovered = a->hovered_country = -1;
    a->metric = METRIC_MINE_OUTPUT;
    a->good = CP_MAGNET;
    a->show_flows = a->show_news = 1;
    a->timeline_world = 1;
    a->timeline_kind = -1;
    a->metric_turn = -1;
    a->scale = 1;
    a->dirty = 1;
    tl_log_init(&a->stages);

    a->scenario = malloc(sizeof *a->scenario);
    if (!a->scenario) {
        snprintf(err, errlen, "out of memory");
        return 1;
    }
    char msg[1024];
    if (cps_scenario_load(opt->scenario, a->scenario, &a->info, msg, sizeof msg) != 0) {
        snprintf(err, errlen, "%s", msg);
        return 2;
    }
    a->have_info = 1;
    cp_error e;
    a->world = cp_world_create(a->scenario, opt->seed, &e);
    if (!a->world) {
        snprintf(err, errlen, "scenario %s: %s", opt->scenario, e.message);
        return 2;
    }
    tl_log_record(&a->stages, a->world);
    a->made = cpg_made_track(a->world); /* NULL when out of memory: made is not shown */
    a->prev = calloc(1, sizeof *a->prev);
    if (!a->prev) {
        snprintf(err, errlen, "out of memory");
        return 1;
    }

    char path[1200];
    data_path(path, sizeof path, "assets/world-110m.cpmap");
    if (map_asset_load(path, &a->asset, msg, sizeof msg) != 0) {
        snprintf(err, errlen, "%s", msg);
        return 1;
    }
    if (map_mesh_build(&a->asset, &a->mesh, msg, sizeof msg) != 0) {
        snprintf(err, errlen, "%s", msg);
        return 1;
    }
    if (map_drawer_init(&a->drawer, &a->mesh) != 0) {
        snprintf(err, errlen, "map: out of memory");
        return 1;
    }
    if (link_nations(a, err, errlen) != 0) return 1;
    a->cam.cx = a->cam.to_cx = (a->world_box.min_x + a->world_box.max_x) / 2;
    a->cam.cy = a->cam.to_cy = (a->world_box.min_y + a->world_box.max_y) / 2;
    a->cam.zoom = a->cam.to_zoom = 1;
    return 0;
}

/* The display scale: output pixels per window coordinate, times an
 * optional $CHOKEPOINT_UI_SCALE for projectors and large rooms. */
static float ui_scale_env(void)
{
    const char *s = getenv("CHOKEPOINT_UI_SCALE");
    double v = s ? atof(s) : 1.0;
    return v >= 0.5 && v <= 4 ? (float)v : 1.0f;
}

static int finish_output(ui_app *a, char *err, size_t errlen)
{
    SDL_SetRenderDrawBlendMode(a->renderer, SDL_BLENDMODE_BLEND);
    a->text = text_create(a->renderer, a->scale, err, errlen);
    return a->text ? 0 : 1;
}

int app_open_window(ui_app *a, int width, int height, char *err, size_t errlen)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
        return 1;
    }
    a->window = SDL_CreateWindow("Chokepoint", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                 width, height, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!a->window) {
        snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
        return 1;
    }
    SDL_SetWindowMinimumSize(a->window, 960, 600);
    a->renderer = SDL_CreateRenderer(a->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!a->renderer) a->renderer = SDL_CreateRenderer(a->window, -1, SDL_RENDERER_SOFTWARE);
    if (!a->renderer) {
        snprintf(err, errlen, "no renderer: %s", SDL_GetError());
        return 1;
    }
    int ww, wh;
    SDL_GetWindowSize(a->window, &ww, &wh);
    SDL_GetRendererOutputSize(a->renderer, &a->out_w, &a->out_h);
    a->scale = (ww > 0 ? (float)a->out_w / ww : 1.0f) * ui_scale_env();
    app_update_title(a);
    return finish_output(a, err, errlen);
}

int app_open_surface(ui_app *a, int width, int height, char *err, size_t errlen)
{
    a->target = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!a->target) {
        snprintf(err, errlen, "surface: %s", SDL_GetError());
        return 1;
    }
    a->renderer = SDL_CreateSoftwareRenderer(a->target);
    if (!a->renderer) {
        snprintf(err, errlen, "software renderer: %s", SDL_GetError());
        return 1;
    }
    a->out_w = width;
    a->out_h = height;
    a->scale = ui_scale_env();
    return finish_output(a, err, errlen);
}

void app_destroy(ui_app *a)
{
    replay_view_close(a); /* the replay viewer's worlds */
    play_free(a); /* the play layer's seats */
    teacher_free(a); /* teacher controls */
    text_destroy(a->text);
    if (a->renderer) {
        mapview_release(a->renderer); /* the map's cached layer */
        SDL_DestroyRenderer(a->renderer);
    }
    if (a->target) SDL_FreeSurface(a->target);
    if (a->window) SDL_DestroyWindow(a->window);
    if (TTF_WasInit()) TTF_Quit();
    map_drawer_free(&a->drawer);
    map_mesh_free(&a->mesh);
    map_asset_free(&a->asset);
    free(a->country_nation);
    tl_log_free(&a->stages);
    free(a->prev);
    cpg_made_track_free(a->made);
    if (a->world) cp_world_destroy(a->world);
    if (a->have_info) cps_scenario_info_free(&a->info);
    free(a->scenario);
    memset(a, 0, sizeof *a);
}

static void end_turn_action(ui_app *a, int x, int y)
{
    (void)x;
    (void)y;
    ui_end_turn(a);
}

void ui_end_turn(ui_app *a)
{
    if (a->drawing) { /* the End turn button: the frame finishes with the quarter it began */
        app_defer(a, end_turn_action, 0, 0);
        return;
    }
    if (a->replay) { /* a recording plays itself: stepping is the viewer's */
        app_toast(a, "This is a replay: Right arrow shows the next quarter, Left the one before");
        return;
    }
    if (teacher_holds_turn(a)) return; /* teacher controls: the game is paused */
    /* play layer: with several human seats the turn passes to the next
     * player first (hotseat); the quarter resolves when the last one ends */
    if (play_before_advance(a)) return;
    /* AI seats: the agents queue their orders before the quarter is resolved */
    if (a->seats) cps_seats_run_turn(a->seats);
    fig_snapshot_take(a->prev, a->world);
    cpg_made_track_before(a->made, a->world); /* the quarter's decisions, for made */
    cp_world_advance(a->world);
    cpg_made_track_after(a->made, a->world);
    tl_log_record(&a->stages, a->world);
    play_after_advance(a); /* autosave, deal answers, hand-over to the first human seat */
    app_update_title(a);
    char date[8], msg[96];
    int t = cp_world_turn(a->world);
    cp_world_date_text(a->world, t, date, sizeof date);
    snprintf(msg, sizeof msg, "Turn %d: %s", t, date);
    app_toast(a, msg);
    teacher_after_turn(a); /* teacher controls: the debrief pack at the scenario's end */
    a->dirty = 1;
}

/* (play layer hook) A new world for the same window: the map stays, the
 * nations are linked afresh, everything cached about the old world goes. */
int app_replace_world(ui_app *a, cp_world *w, cps_scenario_info *info, char *err, size_t errlen)
{
    assert(!a->drawing && "the world is replaced between frames (app_defer)");
    char msg[1024];
    cps_scenario_info fresh;
    memset(&fresh, 0, sizeof fresh);
    if (!info) {
        /* the scenario's briefing and agents, by name; a save of a scenario
         * file that has since gone plays on without them */
        if (cps_scenario_load(cp_world_scenario(w)->name, a->scenario, &fresh, msg, sizeof msg) == 0) info = &fresh;
    }
    if (a->world) cp_world_destroy(a->world);
    a->world = w;
    /* made begins with the new world: a loaded game's from the load (docs/score.md) */
    cpg_made_track_free(a->made);
    a->made = cpg_made_track(w);
    *a->scenario = *cp_world_scenario(w);
    if (a->have_info) cps_scenario_info_free(&a->info);
    a->have_info = info != NULL;
    if (info) a->info = *info; /* takes over its heap strings */
    else memset(&a->info, 0, sizeof a->info);
    free(a->country_nation);
    a->country_nation = NULL;
    for (int i = 0; i < CP_MAX_NATIONS; i++) a->nation_country[i] = -1;
    if (link_nations(a, err, errlen) != 0) return -1;
    tl_log_free(&a->stages);
    tl_log_init(&a->stages);
    tl_log_record(&a->stages, a->world);
    fig_snapshot_take(a->prev, a->world);
    a->selected = a->hovered = a->hovered_country = -1;
    a->metric_turn = -1;
    a->panel_scroll = a->news_scroll = a->timeline_scroll = 0;
    a->log_count = 0; /* the agents' lines belonged to the game being replaced */
    app_update_title(a);
    a->dirty = 1;
    return 0;
}

struct cps_seats *app_seats_create(ui_app *a, const char *const *assign, int assign_count, char *err,
                                   size_t errlen)
{
    cps_seat_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.log = app_log;
    opts.log_ud = a;
    opts.difficulty = a->difficulty;
    return cps_seats_create(a->world, a->have_info ? &a->info : NULL, assign, assign_count, &opts, err,
                            errlen);
}

void app_log(void *ud, const char *line)
{
    ui_app *a = ud;
    app_log_line *l = &a->log[a->log_count % APP_LOG_MAX];
    l->turn = a->world ? cp_world_turn(a->world) : 0;
    snprintf(l->text, sizeof l->text, "%s", line);
    a->log_count++;
    a->dirty = 1;
}

const app_log_line *app_log_recent(const ui_app *a, int k)
{
    if (k < 0 || k >= a->log_count || k >= APP_LOG_MAX) return NULL;
    return &a->log[(a->log_count - 1 - k) % APP_LOG_MAX];
}

static void select_action(ui_app *a, int n, int unused)
{
    (void)unused;
    app_select(a, n);
}

void app_select(ui_app *a, int n)
{
    if (a->drawing) { /* the panel's x, a click on the map or a news card */
        app_defer(a, select_action, n, 0);
        return;
    }
    if (n < -1 || n >= cp_world_nation_count(a->world)) n = -1;
    if (n != a->selected) a->panel_scroll = 0;
    int changed = n != a->selected;
    a->selected = n;
    if (changed) app_update_title(a);
    a->dirty = 1;
}

void app_defer(ui_app *a, app_action_fn fn, int x, int y)
{
    if (!a->drawing) {
        fn(a, x, y);
        return;
    }
    assert(a->deferred_count < APP_DEFER_MAX && "more actions in one frame than clicks can make");
    if (a->deferred_count >= APP_DEFER_MAX) return;
    a->deferred[a->deferred_count++] = (app_action){fn, x, y};
    a->dirty = 1;
}

void app_run_deferred(ui_app *a)
{
    assert(!a->drawing);
    /* an action may ask for another (loading a save selects nothing, ending
     * a turn hands over): those run at once, as nothing is being drawn */
    for (int i = 0; i < a->deferred_count; i++) a->deferred[i].fn(a, a->deferred[i].x, a->deferred[i].y);
    a->deferred_count = 0;
}

void app_toast(ui_app *a, const char *msg)
{
    snprintf(a->toast, sizeof a->toast, "%s", msg);
    a->toast_until_ms = SDL_GetTicks() + 2500;
    a->dirty = 1;
}

void app_update_title(ui_app *a)
{
    if (!a->window) return;
    char date[8], title[400];
    int t = cp_world_turn(a->world);
    /* the nation looked at ends the title: a window switcher (and the
     * end-to-end test) can tell what the player is inspecting. ASCII only:
     * under a C locale SDL's X11 backend mangles other characters and
     * leaves _NET_WM_NAME at the first title. */
    char sel[CP_NAME_LEN + 8] = "";
    if (a->selected >= 0 && a->selected < cp_world_nation_count(a->world))
        snprintf(sel, sizeof sel, " - %s", cp_world_nation(a->world, a->selected)->name);
    snprintf(title, sizeof title, "Chokepoint - %s - %s, turn %d of %d, seed %llu%s",
             a->scenario->title, cp_world_date_text(a->world, t, date, sizeof date), t,
             a->scenario->default_turns, (unsigned long long)cp_world_seed(a->world), sel);
    SDL_SetWindowTitle(a->window, title);
}

void app_refresh_metric(ui_app *a)
{
    int t = cp_world_turn(a->world);
    if (a->metric_turn == t && a->metric_cached == (int)a->metric && a->metric_good == (int)a->good)
        return;
    metric_all(a->world, a->metric, a->good, a->metric_vals, &a->metric_scale);
    a->metric_turn = t;
    a->metric_cached = (int)a->metric;
    a->metric_good = (int)a->good;
}

int app_px(const ui_app *a, int size_at_1x)
{
    return (int)lroundf(size_at_1x * a->scale);
}

const ui_ink *app_ink(const ui_app *a)
{
    return a->ink ? a->ink : &ui_ink_window;
}

void app_tip_set(ui_app *a, SDL_Rect anchor, const char *title, const char *body)
{
    a->tip.active = 1;
    a->tip.anchor = anchor;
    snprintf(a->tip.title, sizeof a->tip.title, "%s", title ? title : "");
    snprintf(a->tip.body, sizeof a->tip.body, "%s", body ? body : "");
}

int app_hover(const ui_app *a, SDL_Rect rc)
{
    if ((a->show_help || a->show_briefing || a->blocking || a->teacher_open) && !a->modal) return 0;
    if (a->in.dragging) return 0;
    if (!a->on_card && rect_has(a->card_over, a->in.x, a->in.y)) return 0;
    return rect_has(rc, a->in.x, a->in.y);
}

int app_click(ui_app *a, SDL_Rect rc)
{
    if ((a->show_help || a->show_briefing || a->blocking || a->teacher_open) && !a->modal) return 0;
    trace_add("@click", NULL, rc); /* a region that takes a click now (the monkey test's targets) */
    if (!a->in.clicked || a->in.click_used) return 0;
    if (!a->on_card && rect_has(a->card_over, a->in.x, a->in.y)) return 0; /* under the card */
    if (!rect_has(rc, a->in.press_x, a->in.press_y) || !rect_has(rc, a->in.x, a->in.y))
        return 0;
    a->in.click_used = 1;
    a->dirty = 1;
    return 1;
}
