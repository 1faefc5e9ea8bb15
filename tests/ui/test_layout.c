/* test_layout.c -- a layout that holds: the game window drawn offscreen at every size from
 * 1280x720 to 2560x1440 and UI scales 1, 1.5 and 2, with the orders dock and a nation's
 * panel both open (the tightest case), on the map, the charts and the timeline. At each: the
 * map keeps at least half the window's width and half the content's height; every control that
 * takes a click lies inside the window and no two of them overlap (one inside another, a button
 * on a card, is allowed); no control is lost (End turn, Teacher, Briefing, help, Menu, Orders,
 * the three views, the goods, the panel's close); a PNG of each under the build folder.
 * Then the start screen at the sizes and scales a classroom projector uses (1280x720 and
 * 1920x1080 at 1 and 1.5): no control outside or overlapping another, the seed, length,
 * difficulty and Start among them (at 1280x720 and 1.5 its buttons once covered the length). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "check.h"
#include "play.h"
#include "shot.h"
#include "stb_image_write.h"
#include "views.h"

static ui_app app;
static char trace_path[] = "/tmp/cp-layout-trace-XXXXXX";

typedef struct {
    char id[96];
    SDL_Rect rc;
} ctl;

/* The controls of the last frame: ids with their rects, and every "@click" region. */
static int read_trace(ctl *c, int max, SDL_Rect *clicks, int *nclicks, int maxclicks)
{
    FILE *f = fopen(trace_path, "r");
    int n = 0;
    *nclicks = 0;
    char line[1200];
    while (f && fgets(line, sizeof line, f)) {
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2) continue;
        *t1 = '\0';
        SDL_Rect rc;
        if (sscanf(t2 + 1, "%d %d %d %d", &rc.x, &rc.y, &rc.w, &rc.h) != 4) continue;
        if (strcmp(line, "@click") == 0) {
            if (*nclicks < maxclicks) clicks[(*nclicks)++] = rc;
        } else if (n < max) {
            snprintf(c[n].id, sizeof c[n].id, "%.95s", line);
            c[n].rc = rc;
            n++;
        }
    }
    if (f) fclose(f);
    return n;
}

static int has(const ctl *c, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(c[i].id, id) == 0 && c[i].rc.w > 0 && c[i].rc.h > 0) return 1;
    return 0;
}

static int contains(SDL_Rect o, SDL_Rect i)
{
    return i.x >= o.x && i.y >= o.y && i.x + i.w <= o.x + o.w && i.y + i.h <= o.y + o.h;
}

static void save_png(const char *name, int w, int h)
{
    char err[256], path[400];
    int fw, fh;
    unsigned char *px = shot_read_rgba(app.renderer, &fw, &fh, err, sizeof err);
    if (!px) return;
    snprintf(path, sizeof path, "%s/%s.png", CP_SHOT_DIR, name);
    CHECK(stbi_write_png(path, w, h, 4, px, fw * 4) != 0, "cannot write %s", path);
    free(px);
}

static void check_at(int W, int H, float ui_scale, app_view view)
{
    static const char *const views[VIEW_COUNT] = {"map", "charts", "timeline"};
    app.out_w = W;
    app.out_h = H;
    app.scale = ui_scale;
    text_set_scale(app.text, ui_scale);
    app.view = view;
    app.in.x = app.in.y = -10000;
    frame_render(&app, 0);
    char where[96];
    snprintf(where, sizeof where, "%dx%d at %.2g, %s", W, H, ui_scale, views[view]);
    /* the map keeps half the window's width and half the height below the bars */
    if (view == VIEW_MAP) {
        CHECK(app.map_area.w >= W / 2 - 1, "%s: the map is %d px wide", where, app.map_area.w);
        CHECK(app.map_area.h >= app.lay.content.h / 2, "%s: the map is %d px high of %d", where, app.map_area.h,
              app.lay.content.h);
    }
    static ctl c[2048];
    static SDL_Rect clicks[2048];
    int nc, n = read_trace(c, 2048, clicks, &nc, 2048);
    int outside = 0, overlaps = 0;
    for (int i = 0; i < nc; i++) {
        SDL_Rect r = clicks[i];
        if (r.w <= 0 || r.h <= 0) continue;
        if (r.x < 0 || r.y < 0 || r.x + r.w > W || r.y + r.h > H) {
            if (outside++ < 3) fprintf(stderr, "%s: a control at %d %d %d %d lies outside\n", where, r.x, r.y, r.w, r.h);
        }
        for (int j = i + 1; j < nc; j++) {
            SDL_Rect s = clicks[j];
            if (s.w <= 0 || s.h <= 0 || !SDL_HasIntersection(&r, &s) || contains(r, s) || contains(s, r)) continue;
            if (overlaps++ < 3)
                fprintf(stderr, "%s: controls overlap: %d %d %d %d and %d %d %d %d\n", where, r.x, r.y, r.w, r.h, s.x,
                        s.y, s.w, s.h);
        }
    }
    CHECK(outside == 0, "%s: %d controls outside the window", where, outside);
    CHECK(overlaps == 0, "%s: %d pairs of controls overlap", where, overlaps);
    static const char *const must[] = {"EndTurn", "Teacher", "Briefing", "Help", "Menu", "Orders", "View/map",
                                       "View/charts", "View/timeline", "Goods", "Panel/Close"};
    for (size_t k = 0; k < sizeof must / sizeof must[0]; k++) CHECK(has(c, n, must[k]), "%s: %s is lost", where, must[k]);
    CHECK(has(c, n, "Tab/Build") || has(c, n, "Dock/Unfold"), "%s: the dock is lost", where);
    char name[96];
    snprintf(name, sizeof name, "layout-%dx%d-%.2g-%s", W, H, ui_scale, views[view]);
    save_png(name, W, H);
}

/* The start screen at W x H and 'ui_scale' (play_init with the start screen shown). */
static void check_start_at(int W, int H, float ui_scale)
{
    app.out_w = W;
    app.out_h = H;
    app.scale = ui_scale;
    text_set_scale(app.text, ui_scale);
    app.in.x = app.in.y = -10000;
    frame_render(&app, 0);
    char where[96];
    snprintf(where, sizeof where, "start screen %dx%d at %.2g", W, H, ui_scale);
    static ctl c[2048];
    static SDL_Rect clicks[2048];
    int nc, n = read_trace(c, 2048, clicks, &nc, 2048);
    int outside = 0, overlaps = 0;
    for (int i = 0; i < nc; i++) {
        SDL_Rect r = clicks[i];
        if (r.w <= 0 || r.h <= 0) continue;
        if (r.x < 0 || r.y < 0 || r.x + r.w > W || r.y + r.h > H) {
            if (outside++ < 3) fprintf(stderr, "%s: a control at %d %d %d %d lies outside\n", where, r.x, r.y, r.w, r.h);
        }
        for (int j = i + 1; j < nc; j++) {
            SDL_Rect q = clicks[j];
            if (q.w <= 0 || q.h <= 0 || !SDL_HasIntersection(&r, &q)) continue; /* no card here holds a button */
            if (overlaps++ < 3)
                fprintf(stderr, "%s: controls overlap: %d %d %d %d and %d %d %d %d\n", where, r.x, r.y, r.w, r.h, q.x,
                        q.y, q.w, q.h);
        }
    }
    CHECK(outside == 0, "%s: %d controls outside the window", where, outside);
    CHECK(overlaps == 0, "%s: %d pairs of controls overlap", where, overlaps);
    static const char *const must[] = {"Start/Seed", "Start/Length", "Start/Difficulty", "Start/Go",
                                       "Start/Load", "Start/Continue", "Start/Replay"};
    for (size_t k = 0; k < sizeof must / sizeof must[0]; k++) CHECK(has(c, n, must[k]), "%s: %s is lost", where, must[k]);
    char name[96];
    snprintf(name, sizeof name, "layout-start-%dx%d-%.2g", W, H, ui_scale);
    save_png(name, W, H);
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    int fd = mkstemp(trace_path);
    if (fd < 0) return 1;
    close(fd);
    setenv("CHOKEPOINT_UI_TRACE", trace_path, 1);
    char err[1024];
    app_options opt = {.scenario = "baseline", .seed = 1, .width = 2560, .height = 1440};
    if (app_create(&app, &opt, err, sizeof err) != 0 || app_open_surface(&app, 2560, 1440, err, sizeof err) != 0) {
        fprintf(stderr, "test_layout: %s\n", err);
        return 1;
    }
    play_options po;
    memset(&po, 0, sizeof po);
    po.humans[0] = "USA";
    po.human_count = 1;
    if (play_init(&app, &po, err, sizeof err) != 0) {
        fprintf(stderr, "test_layout: %s\n", err);
        return 1;
    }
    ui_end_turn(&app); /* a quarter of news */
    app.show_news = 1;
    app_select(&app, cp_world_find_nation(app.world, "CHN"));
    app.panel_open = 1;
    /* every view in the two tightest windows, the map (the view that must keep its room) in the
     * larger ones: the software renderer under the sanitizers is slow at 2560x1440 */
    static const int sizes[][2] = {{1280, 720}, {1280, 800}, {1920, 1080}, {2560, 1440}};
    static const float scales[] = {1.0f, 1.5f, 2.0f};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++)
            for (int v = 0; v < (sizes[i][0] <= 1280 ? VIEW_COUNT : 1); v++)
                check_at(sizes[i][0], sizes[i][1], scales[k], (app_view)v);
    play_free(&app);
    po.human_count = 0;
    po.start_screen = 1;
    if (play_init(&app, &po, err, sizeof err) != 0) {
        fprintf(stderr, "test_layout: the start screen: %s\n", err);
        return 1;
    }
    static const int start_sizes[][2] = {{1280, 720}, {1920, 1080}};
    static const float start_scales[] = {1.0f, 1.5f};
    for (size_t i = 0; i < 2; i++)
        for (size_t k = 0; k < 2; k++) check_start_at(start_sizes[i][0], start_sizes[i][1], start_scales[k]);
    printf("PNGs: %s/layout-*.png\n", CP_SHOT_DIR);
    play_free(&app);
    unlink(trace_path);
    app_destroy(&app);
    SDL_Quit();
    return DONE();
}
