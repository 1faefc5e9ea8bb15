/* test_render.c -- draws known game states into an offscreen surface and checks pixels.
 *
 * The window is drawn by the software renderer into a surface, as
 * `chokepoint play --screenshot` does, so no display is needed. Each test
 * computes what a pixel must be from the same figures a player reads
 * (the metric's value and colour scale, the price history) and compares
 * it with what was drawn: China's fill under two metrics, a country
 * outside the scenario, the legend's ramp, the price chart's world line.
 * Last, the AI seats play a turn and their log reaches the news feed, and
 * a click on the x of a nation's panel closes it (it crashed the window
 * once: the panel went on drawing the figures of nation -1). Playing a nation, the briefing
 * lists its goals in the core's words, and an end-of-turn report too long for its card scrolls
 * to its last line.
 */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "chart.h"
#include "check.h"
#include "cmap.h"
#include "map_project.h"
#include "play.h"
#include "script.h"
#include "shot.h"
#include "theme.h"
#include "views.h"

static ui_app app;
static unsigned char *px;
static int pw, ph;

/* Draw a frame with the mouse away from everything and read it back. */
static void render(void)
{
    char err[256];
    app.in.x = app.in.y = -10000;
    app.now_ms = SDL_GetTicks();
    app.toast[0] = '\0';
    frame_render(&app, 0);
    free(px);
    px = shot_read_rgba(app.renderer, &pw, &ph, err, sizeof err);
    if (!px) {
        fprintf(stderr, "%s\n", err);
        exit(1);
    }
}

static int near_colour(int x, int y, SDL_Color c, int tol)
{
    if (x < 0 || y < 0 || x >= pw || y >= ph) return 0;
    const unsigned char *p = px + ((size_t)y * pw + x) * 4;
    return abs(p[0] - c.r) <= tol && abs(p[1] - c.g) <= tol && abs(p[2] - c.b) <= tol;
}

static int country_at_px(int x, int y)
{
    map_vec2 p = map_view_unproject(&app.mview, (float)x, (float)y);
    return map_mesh_country_at(&app.mesh, p.x, p.y);
}

/* Of the pixels well inside map country 'c' (every neighbour 4 px away is
 * in it too), the share drawn in colour 'want'; '*n' gets how many were
 * looked at. Labels cover a few, which is why callers ask for a share. */
static double share_filled(int c, SDL_Color want, int *n)
{
    const map_box *b = &app.mesh.countries[c].box;
    float x0 = app.mview.offset_x_px + b->min_x * app.mview.scale_px_per_unit;
    float x1 = app.mview.offset_x_px + b->max_x * app.mview.scale_px_per_unit;
    float y0 = app.mview.offset_y_px - b->max_y * app.mview.scale_px_per_unit;
    float y1 = app.mview.offset_y_px - b->min_y * app.mview.scale_px_per_unit;
    int inside = 0, match = 0;
    for (int y = (int)y0; y <= (int)y1; y += 3)
        for (int x = (int)x0; x <= (int)x1; x += 3) {
            if (!SDL_PointInRect(&(SDL_Point){x, y}, &app.map_area)) continue;
            if (country_at_px(x, y) != c || country_at_px(x - 4, y) != c || country_at_px(x + 4, y) != c ||
                country_at_px(x, y - 4) != c || country_at_px(x, y + 4) != c)
                continue;
            inside++;
            match += near_colour(x, y, want, 2);
        }
    *n = inside;
    return inside ? (double)match / inside : 0;
}

static SDL_Color scale_colour(int nation)
{
    cmap_rgb k = cmap_viridis(scale_pos(&app.metric_scale, app.metric_vals[nation]));
    return (SDL_Color){k.r, k.g, k.b, 255};
}

/* China's fill is the colour scale's colour for China's value, under two
 * metrics that give it different colours. */
static void test_china_fill(void)
{
    int chn = cp_world_find_nation(app.world, "CHN");
    CHECK(chn >= 0, "baseline has China");
    int c = app.nation_country[chn];
    CHECK(c >= 0, "China is on the map");
    if (chn < 0 || c < 0) return;
    app.view = VIEW_MAP;
    app.show_flows = 0;

    app.metric = METRIC_MINE_OUTPUT;
    render();
    SDL_Color mine = scale_colour(chn);
    CHECK(!isnan(app.metric_vals[chn]) && app.metric_vals[chn] > 0, "China mines ore");
    int n;
    double share = share_filled(c, mine, &n);
    CHECK(n >= 200, "%d pixels inside China", n);
    CHECK(share >= 0.9, "%.0f%% of China's pixels are (%d,%d,%d), its mine output's colour", share * 100,
          mine.r, mine.g, mine.b);
    /* China mines the most: the top of the ramp */
    CHECK(scale_pos(&app.metric_scale, app.metric_vals[chn]) > 0.9, "China near the top of the scale");

    app.metric = METRIC_PRICE_PAID;
    app.good = CP_HEAVY_OXIDE;
    render();
    SDL_Color price = scale_colour(chn);
    CHECK(abs(price.r - mine.r) + abs(price.g - mine.g) + abs(price.b - mine.b) > 30,
          "the two metrics colour China differently");
    share = share_filled(c, price, &n);
    CHECK(share >= 0.9, "%.0f%% of China's pixels are its Dy/Tb price's colour", share * 100);
    app.good = CP_MAGNET;
    app.metric = METRIC_MINE_OUTPUT;
}

/* A country outside the scenario is drawn neutral. */
static void test_neutral_country(void)
{
    int c = map_asset_find(&app.asset, "NER");
    CHECK(c >= 0, "Niger is on the map");
    if (c < 0) return;
    CHECK(app.country_nation[c] < 0, "Niger is not in the baseline");
    app.view = VIEW_MAP;
    app.show_flows = 0;
    render();
    int n;
    double share = share_filled(c, COL_LAND_NEUTRAL, &n);
    CHECK(n >= 50 && share >= 0.9, "%.0f%% of %d Niger pixels neutral", share * 100, n);
}

/* The legend's ramp runs through the colour scale from left to right. */
static void test_legend(void)
{
    app.view = VIEW_MAP;
    render();
    SDL_Rect ramp = mapcard_ramp_rect(&app);
    CHECK(ramp.w > 100 && ramp.h > 4, "a ramp %dx%d", ramp.w, ramp.h);
    int y = ramp.y + ramp.h / 2, bad = 0;
    for (int i = 1; i < 20; i++) {
        double f = i / 20.0;
        int x = ramp.x + (int)lround(f * (ramp.w - 1));
        cmap_rgb k = cmap_viridis(f);
        if (!near_colour(x, y, (SDL_Color){k.r, k.g, k.b, 255}, 6)) {
            const unsigned char *p = px + ((size_t)y * pw + x) * 4;
            fprintf(stderr, "legend at %.2f: (%d,%d,%d), want (%d,%d,%d)\n", f, p[0], p[1], p[2], k.r, k.g, k.b);
            bad++;
        }
    }
    CHECK(bad == 0, "%d legend samples off the colour scale", bad);
    /* and the card itself is not the colour scale */
    CHECK(!near_colour(ramp.x + ramp.w / 2, ramp.y - 30, (SDL_Color){33, 145, 140, 255}, 6), "card above ramp");
}

/* The price chart's world line passes through each quarter's world price. */
static void test_price_line(void)
{
    for (int k = 0; k < 6; k++) ui_end_turn(&app); /* no seats: the core alone */
    app.view = VIEW_CHARTS;
    app.good = CP_MAGNET;
    render();
    SDL_Rect plot;
    chart_axes ax;
    charts_price_plot(&app, &plot, &ax.x0, &ax.x1, &ax.y0, &ax.y1);
    ax.plot = plot;
    CHECK(plot.w > 100 && plot.h > 80, "a price plot %dx%d", plot.w, plot.h);
    int T = cp_world_turn(app.world), hits = 0, tries = 0;
    CHECK(T == 6, "six turns played, at %d", T);
    /* halfway between two quarters' points, away from the markers drawn
     * on each quarter's centre line */
    for (int t = 0; t < T; t++) {
        double p0 = cp_world_market_history(app.world, t, CP_MAGNET)->world_price_usd_per_kg;
        double p1 = cp_world_market_history(app.world, t + 1, CP_MAGNET)->world_price_usd_per_kg;
        int x = (int)lroundf((chart_x(&ax, t + 0.5) + chart_x(&ax, t + 1.5)) / 2);
        int y = (int)lroundf(chart_y(&ax, (p0 + p1) / 2));
        int found = 0;
        for (int dy = -2; dy <= 2 && !found; dy++) found = near_colour(x, y + dy, COL_TEXT, 12);
        tries++;
        hits += found;
        if (!found) fprintf(stderr, "no world-price pixel near (%d,%d) between turns %d and %d\n", x, y, t, t + 1);
    }
    CHECK(tries == T && hits == tries, "world price line found at %d of %d places", hits, tries);
    /* and not where there is no data: the future part of the plot is empty */
    int fx = (int)lroundf(chart_x(&ax, T + 4.0));
    int any = 0;
    for (int y = plot.y + 2; y < plot.y + plot.h - 2; y++) any |= near_colour(fx, y, COL_TEXT, 12);
    CHECK(!any, "no world-price pixel in the future");
}

/* Ending a turn lets the AI seats play: the scenario's agents queue
 * orders that the core turns into policy news; their log lines are kept
 * for the news feed, newest first, in a ring. */
static void test_ai_seats(void)
{
    char err[512];
    struct cps_seats *seats = app_seats_create(&app, NULL, 0, err, sizeof err);
    CHECK(seats != NULL, "seats: %s", err);
    if (!seats) return;
    app.seats = seats;
    int chn = cp_world_find_nation(app.world, "CHN");
    CHECK(cps_seats_stats(seats, chn)->has_agent, "China has its scenario's agent");
    int t0 = cp_world_turn(app.world), orders = 0;
    ui_end_turn(&app);
    CHECK(cp_world_turn(app.world) == t0 + 1, "the turn advanced");
    for (int n = 0; n < cp_world_nation_count(app.world); n++) orders += cps_seats_stats(seats, n)->last_orders;
    CHECK(orders > 0, "the agents queued %d orders", orders);
    int policy = 0;
    for (int i = 0; i < cp_world_news_count(app.world); i++) {
        const cp_news *n = cp_world_news(app.world, i);
        policy += n->turn == t0 + 1 && n->kind == CP_NEWS_POLICY;
    }
    CHECK(policy > 0, "their orders made %d policy news items", policy);
    app.seats = NULL;
    cps_seats_destroy(seats);

    int before = app.log_count;
    app_log(&app, "scripts/agents/x.lua:3: boom");
    const app_log_line *l = app_log_recent(&app, 0);
    CHECK(l && strcmp(l->text, "scripts/agents/x.lua:3: boom") == 0, "the newest log line is kept");
    CHECK(l && l->turn == cp_world_turn(app.world), "with its quarter");
    for (int k = 0; k < APP_LOG_MAX + 5; k++) app_log(&app, "line");
    CHECK(app.log_count == before + APP_LOG_MAX + 6, "every line counted");
    CHECK(app_log_recent(&app, APP_LOG_MAX - 1) != NULL && app_log_recent(&app, APP_LOG_MAX) == NULL,
          "the ring keeps the last %d", APP_LOG_MAX);
    /* the feed draws them without trouble */
    app.view = VIEW_MAP;
    app.show_news = 1;
    render();
    /* the newest card, left in the strip: its face at its bottom right, the bar's colour past it */
    SDL_Rect nr = app.lay.news;
    int card_right = nr.x + 12 + 290, card_bottom = nr.y + nr.h - 8;
    SDL_Color face = {30, 42, 58, 255}, bar = {9, 14, 21, 255};
    CHECK(near_colour(card_right - 6, card_bottom - 4, face, 2), "the feed draws its newest card");
    CHECK(near_colour(card_right + 4, card_bottom - 4, bar, 2), "and the gap after it");
}

/* The world's land, projected: its box on screen this frame. */
static SDL_Rect land_on_screen(void)
{
    const map_box *b = &app.world_box;
    float s = app.mview.scale_px_per_unit;
    int x0 = (int)(app.mview.offset_x_px + b->min_x * s), x1 = (int)(app.mview.offset_x_px + b->max_x * s);
    int y0 = (int)(app.mview.offset_y_px - b->max_y * s), y1 = (int)(app.mview.offset_y_px - b->min_y * s);
    return (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
}

/* A narrow map (a nation's panel open in a narrow window) fits the world
 * above the map card, so the card covers no land; a wide one keeps the
 * world as large as the area allows, the card over the ocean's corner. */
static void test_narrow_map_clears_the_card(void)
{
    app.view = VIEW_MAP;
    app.show_news = 1;
    int wide_w = app.out_w;
    render();
    SDL_Rect wide = land_on_screen();
    CHECK(app.map_fit.w == 0, "a wide map fits the world to the whole area");
    CHECK(wide.w >= app.map_area.w * 9 / 10 || wide.h >= app.map_area.h * 9 / 10,
          "the world spans the area: %dx%d in %dx%d px", wide.w, wide.h, app.map_area.w, app.map_area.h);

    app.out_w = 900; /* the layout of a narrower window, drawn into the same surface */
    app.panel_open = 1;
    app.selected = cp_world_find_nation(app.world, "CHN");
    render();
    SDL_Rect land = land_on_screen(), card = app.lay.card;
    CHECK(app.map_area.w < 600, "the map is narrow: %d px", app.map_area.w);
    CHECK(land.y + land.h <= card.y, "the land (to y %d) ends above the card (from y %d)", land.y + land.h, card.y);
    CHECK(land.x >= app.map_area.x && land.x + land.w <= app.map_area.x + app.map_area.w,
          "and stays within the map's width");
    app.out_w = wide_w;
    app.panel_open = 0;
    app.selected = -1;
    render();
}

/* The rectangle of control 'id' in the widget trace the last frame wrote
 * (src/ui/trace.h); 0 when it is not there. */
static int traced(const char *id, SDL_Rect *rc)
{
    FILE *f = fopen(getenv("CHOKEPOINT_UI_TRACE"), "r");
    char line[512];
    int found = 0;
    size_t n = strlen(id);
    while (f && !found && fgets(line, sizeof line, f)) {
        const char *tab = strchr(line, '\t');
        const char *rect = tab ? strchr(tab + 1, '\t') : NULL;
        if (tab && rect && (size_t)(tab - line) == n && strncmp(line, id, n) == 0)
            found = sscanf(rect + 1, "%d %d %d %d", &rc->x, &rc->y, &rc->w, &rc->h) == 4;
    }
    if (f) fclose(f);
    return found;
}

/* As traced(), also copying the control's value into 'val' ('len' bytes). */
static int traced_value(const char *id, char *val, size_t len)
{
    FILE *f = fopen(getenv("CHOKEPOINT_UI_TRACE"), "r");
    char line[1024];
    int found = 0;
    size_t n = strlen(id);
    while (f && !found && fgets(line, sizeof line, f)) {
        const char *tab = strchr(line, '\t');
        const char *rect = tab ? strchr(tab + 1, '\t') : NULL;
        if (tab && rect && (size_t)(tab - line) == n && strncmp(line, id, n) == 0) {
            snprintf(val, len, "%.*s", (int)(rect - tab - 1), tab + 1);
            found = 1;
        }
    }
    if (f) fclose(f);
    return found;
}

/* A click as the event loop leaves it for a frame: pressed and released at
 * the centre of 'rc'. */
static void click_frame(SDL_Rect rc)
{
    app.in.x = app.in.press_x = rc.x + rc.w / 2;
    app.in.y = app.in.press_y = rc.y + rc.h / 2;
    app.in.clicked = 1;
    app.in.click_used = app.in.down = app.in.dragging = 0;
    app.now_ms = SDL_GetTicks();
    frame_render(&app, 0);
    app.in.clicked = app.in.click_used = 0;
}

/* The x of a nation's panel closes it. The click is seen half-way through
 * the frame (the panel's header), and the selection it clears must not
 * reach the figures drawn under the header in the same frame: the
 * selection changes once the frame is done (app_select while drawing). */
static void test_panel_close_button(void)
{
    app.view = VIEW_MAP;
    app_select(&app, cp_world_find_nation(app.world, "CHN"));
    app.panel_open = 1;
    render();
    SDL_Rect x_btn;
    CHECK(traced("Panel/Close", &x_btn), "the panel's x is in the trace");
    if (!x_btn.w) return;
    CHECK(x_btn.x > app.lay.panel.x && x_btn.y < app.lay.panel.y + 60, "in the panel's top right corner");
    click_frame(x_btn);
    CHECK(app.selected == -1, "the x closed the panel (selected %d)", app.selected);
    CHECK(app.deferred_count == 0 && !app.drawing, "nothing is left waiting after the frame");
    app.panel_open = 0;
    render();
    CHECK(!traced("Panel/Close", &x_btn), "no panel, no x");
    /* asked between frames, a selection happens at once */
    app_select(&app, 0);
    CHECK(app.selected == 0, "app_select outside a frame selects at once");
    app_select(&app, -1);
}

/* Every view, with a nation's panel open, at window sizes down to a
 * quarter of the usual and UI scales up to 2, draws without an error: the
 * monkey test found the charts' year labels stepping on for ever (a signed
 * overflow) when a small window left their plot no width (monkey seed 100,
 * a resize to 800x500 with the orders dock and a panel open). The layout is
 * drawn into a corner of the same surface. */
static void test_small_windows(void)
{
    static const int sizes[][2] = {{800, 500}, {640, 400}, {480, 300}, {320, 240}};
    static const float scales[] = {1.0f, 1.5f, 2.0f};
    int w0 = app.out_w, h0 = app.out_h;
    float s0 = app.scale;
    app_select(&app, cp_world_find_nation(app.world, "CHN"));
    app.panel_open = 1;
    int drawn = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++)
            for (int v = 0; v < VIEW_COUNT; v++) {
                app.out_w = sizes[i][0];
                app.out_h = sizes[i][1];
                app.scale = scales[k];
                text_set_scale(app.text, scales[k]);
                app.view = (app_view)v;
                render();
                drawn++;
            }
    CHECK(drawn == 4 * 3 * VIEW_COUNT, "drew %d frames", drawn);
    app.out_w = w0;
    app.out_h = h0;
    app.scale = s0;
    text_set_scale(app.text, s0);
    app.view = VIEW_MAP;
    app_select(&app, -1);
    app.panel_open = 0;
    render();
}

/* The news feed's filters and folding: every item on exactly one card, a nation's routine plant
 * news of one quarter (plants moving on schedule) on one card, each filter's count of this quarter the number of such
 * items, and a filter shows only its kind. */
static void test_news_filters(void)
{
    while (cp_world_turn(app.world) < 6) ui_end_turn(&app);
    app.show_news = 1;
    app.view = VIEW_MAP;
    int T = cp_world_turn(app.world), want[NF_COUNT] = {0}, facility_items = 0;
    for (int i = 0; i < cp_world_news_count(app.world); i++) {
        const cp_news *n = cp_world_news(app.world, i);
        facility_items += n->kind == CP_NEWS_FACILITY;
        if (n->turn != T) continue;
        want[NF_ALL]++;
        want[NF_POLICY] += n->kind == CP_NEWS_POLICY;
        want[NF_DEALS] += n->kind == CP_NEWS_DEAL;
        want[NF_PLANTS] += n->kind == CP_NEWS_FACILITY;
        want[NF_EVENTS] += n->kind == CP_NEWS_EVENT;
        want[NF_MARKET] += n->kind == CP_NEWS_MARKET;
    }
    app.news_filter = NF_ALL;
    render();
    int count, counts[NF_COUNT];
    const news_card *cards = news_cards(&app, &count, counts);
    int logs = app.log_count < APP_LOG_MAX ? app.log_count : APP_LOG_MAX, logs_now = 0;
    for (int k = 0; k < logs; k++) logs_now += app_log_recent(&app, k)->turn == T;
    CHECK(counts[NF_ALL] == want[NF_ALL] + logs_now, "all: %d, want %d", counts[NF_ALL], want[NF_ALL] + logs_now);
    CHECK(counts[NF_POLICY] == want[NF_POLICY] && counts[NF_PLANTS] == want[NF_PLANTS] && counts[NF_DEALS] == want[NF_DEALS] &&
              counts[NF_MARKET] == want[NF_MARKET] && counts[NF_EVENTS] == want[NF_EVENTS] + logs_now,
          "policies %d/%d plants %d/%d market %d/%d events %d/%d", counts[NF_POLICY], want[NF_POLICY],
          counts[NF_PLANTS], want[NF_PLANTS], counts[NF_MARKET], want[NF_MARKET], counts[NF_EVENTS], want[NF_EVENTS]);
    int on_cards = 0, folded = 0, twice = 0;
    for (int k = 0; k < count; k++) {
        on_cards += cards[k].count;
        folded += cards[k].count > 1;
        const cp_news *a = cards[k].item >= 0 ? cp_world_news(app.world, cards[k].item) : NULL;
        for (int m = k + 1; a && a->routine && m < count; m++) {
            const cp_news *b = cards[m].item >= 0 ? cp_world_news(app.world, cards[m].item) : NULL;
            twice += b && b->routine && b->kind == a->kind && b->turn == a->turn && b->nation == a->nation && a->nation >= 0;
        }
    }
    CHECK(on_cards == cp_world_news_count(app.world) + logs, "%d items on cards, %d in the feed", on_cards,
          cp_world_news_count(app.world) + logs);
    CHECK(folded > 0 && twice == 0, "%d folded cards, %d nation-quarters on two cards", folded, twice);
    CHECK(count < on_cards, "%d cards for %d items", count, on_cards);
    app.news_filter = NF_PLANTS;
    render();
    cards = news_cards(&app, &count, counts);
    int plants = 0, other = 0;
    for (int k = 0; k < count; k++) {
        const cp_news *n = cards[k].item >= 0 ? cp_world_news(app.world, cards[k].item) : NULL;
        if (n && n->kind == CP_NEWS_FACILITY) plants += cards[k].count;
        else other++;
    }
    CHECK(other == 0 && plants == facility_items, "plants filter: %d other cards, %d of %d plant items", other, plants,
          facility_items);
    /* "Mine" without a nation to mean falls back to all */
    app_select(&app, -1);
    app.news_filter = NF_MINE;
    render();
    CHECK(app.news_filter == NF_ALL, "Mine with no nation: filter %d", app.news_filter);
    app.news_filter = NF_ALL;
}

/* Playing the United States: the briefing shows its goals first, each line the core's own words
 * (cp_world_goal), and no more lines than it has goals (issue 15). The game goes on in
 * test_report_scrolls. */
static void test_briefing_goals(void)
{
    char err[1024], val[512], id[48];
    play_options po;
    memset(&po, 0, sizeof po);
    po.humans[0] = "USA";
    po.human_count = 1;
    po.turns = cp_world_turn(app.world) + 4; /* the earlier tests played some quarters */
    CHECK(play_init(&app, &po, err, sizeof err) == 0, "%s", err);
    int usa = cp_world_find_nation(app.world, "USA");
    int ng = cp_world_goal_count(app.world, usa);
    CHECK(ng > 0, "the United States has goals (%d)", ng);
    app.show_briefing = 1;
    render();
    for (int i = 0; i < ng; i++) {
        cp_goal_progress g;
        CHECK(cp_world_goal(app.world, usa, i, app.scenario->default_turns, &g) == CP_OK, "goal %d", i);
        snprintf(id, sizeof id, "Briefing/Goal/%d", i);
        int found = traced_value(id, val, sizeof val);
        CHECK(found && strstr(val, g.text) != NULL, "%s drawn with the core's text '%s' (got '%s')", id, g.text,
              found ? val : "nothing");
    }
    snprintf(id, sizeof id, "Briefing/Goal/%d", ng);
    CHECK(!traced_value(id, val, sizeof val), "no goal line beyond the %d the core has", ng);
    /* in a short window the goals push the objectives below the card; the wheel brings them up */
    int h0 = app.out_h;
    app.out_h = 360;
    render();
    SDL_Rect body, objs;
    CHECK(traced("Briefing/Body", &body) && traced("Briefing/Objectives", &objs), "the briefing's body and objectives");
    CHECK(objs.y + objs.h > body.y + body.h, "at first the objectives are below the body (%d > %d)", objs.y + objs.h,
          body.y + body.h);
    for (int k = 0; k < 30; k++) {
        app.in.x = app.out_w / 2;
        app.in.y = app.out_h / 2;
        app.in.wheel = -1;
        app.in.wheel_used = 0;
        app.now_ms = SDL_GetTicks();
        frame_render(&app, 0);
        app.in.wheel = 0;
    }
    render();
    CHECK(traced("Briefing/Body", &body) && traced("Briefing/Objectives", &objs) && objs.y >= body.y &&
              objs.y + objs.h <= body.y + body.h,
          "scrolled, the objectives show in the body (%d..%d in %d..%d)", objs.y, objs.y + objs.h, body.y, body.y + body.h);
    app.out_h = h0;
    app.briefing_scroll = 0;
    app.show_briefing = 0;
}

/* After a quarter, the end-of-turn report in a window too short for it: its last line is cut at
 * first, and the wheel, or PgDn, brings it into the card's body (issue 15: the report's lines were
 * lost below the card). */
static void test_report_scrolls(void)
{
    char val[512], id[48];
    ui_end_turn(&app);
    render();
    /* in a tall window the whole report shows: learn its first and last lines */
    CHECK(traced_value("Report/Ok", val, sizeof val), "the report is open after the quarter");
    char first[48] = "", last[48] = "";
    SDL_Rect rc;
    if (traced("Report/NoOrders", &rc)) snprintf(first, sizeof first, "Report/NoOrders");
    else snprintf(first, sizeof first, "Report/Order/0");
    if (traced("Report/NoMoves", &rc)) snprintf(last, sizeof last, "Report/NoMoves");
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "Report/Figure/%d", i);
        if (traced(id, &rc)) snprintf(last, sizeof last, "%s", id);
    }
    CHECK(last[0] && traced(first, &rc), "the report's first (%s) and last (%s) lines in a tall window", first, last);

    int h0 = app.out_h;
    app.out_h = 300;
    render();
    CHECK(!traced(last, &rc), "in a short window the last line (%s) is below the card at first", last);
    SDL_Rect ok;
    CHECK(traced("Report/Ok", &ok), "the report's button");
    /* the wheel over the card, a notch at a time, down to the end */
    for (int k = 0; k < 20; k++) {
        app.in.x = app.out_w / 2;
        app.in.y = app.out_h / 2;
        app.in.wheel = -1;
        app.in.wheel_used = 0;
        app.now_ms = SDL_GetTicks();
        frame_render(&app, 0);
        app.in.wheel = 0;
    }
    render();
    CHECK(traced(last, &rc) && rc.y + rc.h <= ok.y, "scrolled, the last line (%s) shows above the button", last);
    CHECK(!traced(first, &rc), "and the first (%s) has scrolled out of the card", first);
    /* Home, then PgDn: the keys reach the end too */
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_HOME;
    CHECK(play_event(&app, &e), "Home is the report's");
    render();
    CHECK(traced(first, &rc) && !traced(last, &rc), "Home: back to the first line");
    e.key.keysym.sym = SDLK_PAGEDOWN;
    for (int k = 0; k < 6; k++) {
        CHECK(play_event(&app, &e), "PgDn is the report's");
        render();
    }
    CHECK(traced(last, &rc) && rc.y + rc.h <= ok.y, "PgDn: the last line (%s) shows", last);
    app.out_h = h0;
    render();
    play_free(&app);
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    char trace_path[] = "/tmp/cp-render-trace-XXXXXX";
    int fd = mkstemp(trace_path);
    if (fd < 0) return 1;
    close(fd);
    setenv("CHOKEPOINT_UI_TRACE", trace_path, 1);
    app_options opt = {.scenario = "baseline", .seed = 1, .width = 1280, .height = 720};
    char err[1024];
    if (app_create(&app, &opt, err, sizeof err) != 0 || app_open_surface(&app, 1280, 720, err, sizeof err) != 0) {
        fprintf(stderr, "test_render: %s\n", err);
        return 1;
    }
    RUN(test_china_fill);
    RUN(test_neutral_country);
    RUN(test_legend);
    RUN(test_price_line);
    RUN(test_ai_seats);
    RUN(test_narrow_map_clears_the_card);
    RUN(test_panel_close_button);
    RUN(test_small_windows);
    RUN(test_news_filters);
    RUN(test_briefing_goals);
    RUN(test_report_scrolls);
    free(px);
    unlink(trace_path);
    app_destroy(&app);
    SDL_Quit();
    return DONE();
}
