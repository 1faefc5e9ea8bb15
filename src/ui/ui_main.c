/* ui_main.c -- `chokepoint play`: flags, the window's event loop, and the --screenshot mode. */
#include "ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "play.h"
#include "replay_view.h"
#include "script.h"
#include "shot.h"
#include "teacher.h"
#include "views.h"

static void usage(FILE *f)
{
    fputs("usage: chokepoint play [--scenario NAME|FILE] [--seed K] [--screenshot FILE] [--no-briefing]\n"
          "  --scenario    a scenario under scripts/scenarios/ or a .lua file (default baseline)\n"
          "  --seed        seed of every random draw (default 1)\n"
          "  --screenshot  render the opening view at 1280x720 into FILE (PNG) and exit\n"
          "  --no-briefing start on the map without showing the scenario's briefing\n"
          "  --replay FILE watch a replay recorded with `chokepoint sim --record FILE`: Left and\n"
          "                Right step through it, Home and End jump (nothing is played)\n"
          "  --replay-turn N  open the replay at turn N (with --screenshot: what it shows)\n"
          "what to show first (and in a --screenshot):\n"
          "  --view map|charts|timeline    --select ISO3    --good ore|light_oxide|heavy_oxide|magnet\n"
          "  --metric mine|separation|demand-met|stocks|shortage|price\n"
          "  --advance N   play N quarters (AI seats through their agents) before the first frame\n"
          "  --show help|briefing   --mouse X,Y (where the pointer is, for tooltips)   --size WxH\n"
          "environment: CHOKEPOINT_DATA (assets and scripts), CHOKEPOINT_FONT_DIR (DejaVu fonts),\n"
          "             CHOKEPOINT_UI_SCALE (e.g. 1.5 for a projector)\n",
          f);
}

typedef struct {
    app_options app;
    int no_briefing;
    /* the opening view */
    int view, metric, good; /* -1: the default */
    const char *select;     /* ISO3 or NULL */
    int advance;            /* quarters to play first */
    const char *show;       /* "help", "briefing" or NULL */
    int mouse_x, mouse_y, has_mouse;
    play_options play; /* play layer (play.c): --human, --load, --turns, --start, --open */
    const char *replay; /* --replay FILE: the replay viewer (replay_view.h) */
    int replay_turn;    /* --replay-turn N, -1: the start */
} play_flags;

/* "--flag VALUE" or "--flag=VALUE"; returns 1 matched, 0 not, -1 missing value. */
static int flag_value(int argc, char **argv, int *i, const char *flag, const char **out)
{
    size_t n = strlen(flag);
    if (strncmp(argv[*i], flag, n) != 0) return 0;
    if (argv[*i][n] == '=') {
        *out = argv[*i] + n + 1;
        return 1;
    }
    if (argv[*i][n] != '\0') return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "chokepoint play: %s needs a value\n", flag);
        return -1;
    }
    *out = argv[++*i];
    return 1;
}

static int name_index(const char *v, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v, names[i]) == 0) return i;
    return -1;
}

/* The flags that choose the opening view; returns 1 matched, 0 not, 2 bad. */
static int parse_view_flag(int argc, char **argv, int *i, play_flags *f)
{
    static const char *const views[] = {"map", "charts", "timeline"};
    static const char *const metrics[] = {"mine", "separation", "demand-met", "stocks", "shortage", "price"};
    const char *v;
    int r;
    if ((r = flag_value(argc, argv, i, "--view", &v)) != 0) {
        if (r < 0 || (f->view = name_index(v, views, VIEW_COUNT)) < 0) goto bad;
    } else if ((r = flag_value(argc, argv, i, "--metric", &v)) != 0) {
        if (r < 0 || (f->metric = name_index(v, metrics, METRIC_COUNT)) < 0) goto bad;
    } else if ((r = flag_value(argc, argv, i, "--good", &v)) != 0) {
        if (r < 0 || (f->good = cp_good_from_name(v)) < 0) goto bad;
    } else if ((r = flag_value(argc, argv, i, "--select", &v)) != 0) {
        if (r < 0) goto bad;
        f->select = v;
    } else if ((r = flag_value(argc, argv, i, "--show", &v)) != 0) {
        if (r < 0 || (strcmp(v, "help") != 0 && strcmp(v, "briefing") != 0)) goto bad;
        f->show = v;
    } else if ((r = flag_value(argc, argv, i, "--advance", &v)) != 0) {
        char *end;
        long n = r < 0 ? -1 : strtol(v, &end, 10);
        if (r < 0 || !*v || *end || n < 0 || n > 400) goto bad;
        f->advance = (int)n;
    } else if ((r = flag_value(argc, argv, i, "--mouse", &v)) != 0) {
        if (r < 0 || sscanf(v, "%d,%d", &f->mouse_x, &f->mouse_y) != 2) goto bad;
        f->has_mouse = 1;
    } else if ((r = flag_value(argc, argv, i, "--size", &v)) != 0) {
        if (r < 0 || sscanf(v, "%dx%d", &f->app.width, &f->app.height) != 2 || f->app.width < 320 ||
            f->app.height < 240 || f->app.width > 8192 || f->app.height > 8192)
            goto bad;
    } else {
        return 0;
    }
    return 1;
bad:
    fprintf(stderr, "chokepoint play: bad value '%s'\n", argv[*i]);
    return 2;
}

static int parse(int argc, char **argv, play_flags *f)
{
    memset(f, 0, sizeof *f);
    f->app.scenario = "baseline";
    f->app.seed = 1;
    f->app.width = 1280;
    f->app.height = 720;
    f->view = f->metric = f->good = -1;
    f->replay_turn = -1;
    for (int i = 0; i < argc; i++) {
        const char *v;
        int r;
        if ((r = parse_view_flag(argc, argv, &i, f)) != 0) {
            if (r == 2) return 2;
        } else if ((r = play_parse_flag(argc, argv, &i, &f->play)) != 0) { /* play layer */
            if (r == 2) return 2;
        } else if ((r = flag_value(argc, argv, &i, "--scenario", &v)) != 0) {
            if (r < 0) return 2;
            f->app.scenario = v;
        } else if ((r = flag_value(argc, argv, &i, "--seed", &v)) != 0) {
            if (r < 0) return 2;
            char *end;
            unsigned long long s = strtoull(v, &end, 10);
            if (!*v || *end || v[0] == '-') {
                fprintf(stderr, "chokepoint play: --seed wants a whole number, not '%s'\n", v);
                return 2;
            }
            f->app.seed = s;
        } else if ((r = flag_value(argc, argv, &i, "--replay-turn", &v)) != 0) {
            char *end;
            long n = r < 0 ? -1 : strtol(v, &end, 10);
            if (r < 0 || !*v || *end || n < 0 || n > 1000000) {
                fprintf(stderr, "chokepoint play: --replay-turn wants a turn number\n");
                return 2;
            }
            f->replay_turn = (int)n;
        } else if ((r = flag_value(argc, argv, &i, "--replay", &v)) != 0) {
            if (r < 0) return 2;
            f->replay = v;
        } else if ((r = flag_value(argc, argv, &i, "--screenshot", &v)) != 0) {
            if (r < 0) return 2;
            f->app.screenshot = v;
        } else if (strcmp(argv[i], "--no-briefing") == 0) {
            f->no_briefing = 1;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            fputs(play_usage, stdout);
            return 1;
        } else {
            fprintf(stderr, "chokepoint play: unknown flag '%s'\n", argv[i]);
            return 2;
        }
    }
    return 0;
}

static void save_screenshot(ui_app *a)
{
    char stem[64], date[8], path[512], err[256];
    int t = cp_world_turn(a->world);
    snprintf(stem, sizeof stem, "chokepoint-%s-turn%d", cp_world_date_text(a->world, t, date, sizeof date), t);
    if (shot_next_path(cps_saves_dir(), stem, path, sizeof path, err, sizeof err) != 0 ||
        shot_save(a->renderer, path, err, sizeof err) != 0) {
        app_toast(a, err);
        fprintf(stderr, "chokepoint: %s\n", err);
        return;
    }
    char msg[600];
    snprintf(msg, sizeof msg, "Screenshot saved: %s", path);
    app_toast(a, msg);
    printf("chokepoint: screenshot %s\n", path);
    fflush(stdout);
}

/* Keys act at once on press (no auto-repeat for turns); arrow keys are
 * read as held state each frame for smooth panning. */
static void on_key(ui_app *a, const SDL_KeyboardEvent *k, int *want_shot)
{
    SDL_Keycode key = k->keysym.sym;
    Uint16 mod = k->keysym.mod;
    if ((mod & KMOD_CTRL) && key == SDLK_q) {
        if (!play_ask_quit(a)) a->quit = 1; /* play layer: quarters not saved, it asks first */
        return;
    }
    /* teacher controls: F2/Ctrl+T, P, Ctrl+D; their open panel takes every key */
    if (teacher_key(a, key, mod, k->repeat) || a->teacher_open) {
        if (key == SDLK_F12) *want_shot = 1;
        return;
    }
    if (!a->show_help && !a->show_briefing && a->replay && replay_view_key(a, key)) { /* replay viewer */
        a->dirty = 1;
        return;
    }
    if (a->show_help || a->show_briefing) {
        if (key == SDLK_ESCAPE || key == SDLK_RETURN || key == SDLK_SPACE || key == SDLK_KP_ENTER ||
            key == SDLK_h || key == SDLK_F1 || key == SDLK_b)
            a->show_help = a->show_briefing = 0;
        if (a->show_briefing && (key == SDLK_PAGEDOWN || key == SDLK_PAGEUP)) /* overlay_briefing bounds it */
            a->briefing_scroll += (key == SDLK_PAGEDOWN ? 1 : -1) * app_px(a, 240);
        if (key == SDLK_F12) *want_shot = 1;
        return;
    }
    switch (key) {
    case SDLK_SPACE: case SDLK_RETURN: case SDLK_KP_ENTER:
        /* play layer: Space asks first, and so does any key with an order composed and not queued */
        if (!k->repeat && !play_ask_end_turn(a, key == SDLK_SPACE)) ui_end_turn(a);
        break;
    case SDLK_ESCAPE: app_select(a, -1); break;
    case SDLK_m: a->view = VIEW_MAP; break;
    case SDLK_c: a->view = VIEW_CHARTS; break;
    case SDLK_t: a->view = VIEW_TIMELINE; break;
    case SDLK_TAB:
        a->view = (app_view)(((int)a->view + ((mod & KMOD_SHIFT) ? VIEW_COUNT - 1 : 1)) % VIEW_COUNT);
        break;
    case SDLK_1: case SDLK_2: case SDLK_3: case SDLK_4: a->good = (cp_good)(key - SDLK_1); break;
    case SDLK_LEFTBRACKET: a->metric = (metric_id)((a->metric + METRIC_COUNT - 1) % METRIC_COUNT); break;
    case SDLK_RIGHTBRACKET: a->metric = (metric_id)((a->metric + 1) % METRIC_COUNT); break;
    case SDLK_f: a->show_flows = !a->show_flows; break;
    case SDLK_n: a->show_news = !a->show_news; break;
    case SDLK_h: case SDLK_F1: a->show_help = 1; break;
    case SDLK_b: a->show_briefing = 1; break;
    case SDLK_F12: *want_shot = 1; break;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS:
        mapview_zoom_at(a, 1.5, a->map_area.x + a->map_area.w / 2, a->map_area.y + a->map_area.h / 2);
        break;
    case SDLK_MINUS: case SDLK_KP_MINUS:
        mapview_zoom_at(a, 1 / 1.5, a->map_area.x + a->map_area.w / 2, a->map_area.y + a->map_area.h / 2);
        break;
    case SDLK_0: case SDLK_HOME: mapview_reset(a); break;
    default: break;
    }
    a->dirty = 1;
}

/* Window coordinates to output pixels (they differ on HiDPI screens). */
static float density(const ui_app *a)
{
    int ww, wh;
    SDL_GetWindowSize(a->window, &ww, &wh);
    return ww > 0 ? (float)a->out_w / ww : 1.0f;
}

static void on_resize(ui_app *a)
{
    int ww, wh;
    SDL_GetWindowSize(a->window, &ww, &wh);
    SDL_GetRendererOutputSize(a->renderer, &a->out_w, &a->out_h);
    const char *env = getenv("CHOKEPOINT_UI_SCALE");
    double user = env ? atof(env) : 1.0;
    if (!(user >= 0.5 && user <= 4)) user = 1.0;
    float s = (ww > 0 ? (float)a->out_w / ww : 1.0f) * (float)user;
    if (fabsf(s - a->scale) > 0.01f) {
        a->scale = s;
        text_set_scale(a->text, s);
    }
    a->dirty = 1;
}

static void on_event(ui_app *a, const SDL_Event *e, int *want_shot)
{
    a->dirty = 1;
    if (play_event(a, e)) return; /* play layer: its dialogs, text entry and keys */
    app_input *in = &a->in;
    float d = a->window ? density(a) : 1.0f;
    switch (e->type) {
    case SDL_QUIT: /* the window's close button; asked a second time, it closes */
        if (!play_ask_quit(a)) a->quit = 1;
        break;
    case SDL_KEYDOWN: on_key(a, &e->key, want_shot); break;
    case SDL_MOUSEMOTION: {
        int x = (int)(e->motion.x * d), y = (int)(e->motion.y * d);
        if (in->down && in->drag_map) {
            if (!in->dragging && (abs(x - in->press_x) > 4 || abs(y - in->press_y) > 4)) in->dragging = 1;
            if (in->dragging) mapview_pan_px(a, x - in->x, y - in->y);
        }
        in->x = x;
        in->y = y;
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button != SDL_BUTTON_LEFT) break;
        in->x = (int)(e->button.x * d);
        in->y = (int)(e->button.y * d);
        in->down = in->pressed = 1;
        in->press_x = in->x;
        in->press_y = in->y;
        in->dragging = 0;
        in->drag_map = a->view == VIEW_MAP && !a->show_help && !a->show_briefing &&
                       SDL_PointInRect(&(SDL_Point){in->x, in->y}, &a->map_area) &&
                       !SDL_PointInRect(&(SDL_Point){in->x, in->y}, &a->lay.card) &&
                       !(a->show_news && SDL_PointInRect(&(SDL_Point){in->x, in->y}, &a->lay.news));
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.button != SDL_BUTTON_LEFT) break;
        in->x = (int)(e->button.x * d);
        in->y = (int)(e->button.y * d);
        if (in->down && !in->dragging) in->clicked = 1;
        in->down = 0;
        in->dragging = 0;
        in->drag_map = 0;
        break;
    case SDL_MOUSEWHEEL:
        in->wheel += e->wheel.preciseY;
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        mapview_invalidate(); /* the map's cached layer is gone */
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e->window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED)
            on_resize(a);
        if (e->window.event == SDL_WINDOWEVENT_LEAVE) in->x = in->y = -10000;
        break;
    default: break;
    }
}

/* Held arrow keys pan at a speed that does not depend on the frame rate. */
static int held_pan(ui_app *a, double dt)
{
    if (a->show_help || a->show_briefing || a->view != VIEW_MAP) return 0;
    const Uint8 *k = SDL_GetKeyboardState(NULL);
    int dx = a->replay ? 0 : k[SDL_SCANCODE_RIGHT] - k[SDL_SCANCODE_LEFT]; /* a replay steps with them */
    int dy = k[SDL_SCANCODE_DOWN] - k[SDL_SCANCODE_UP];
    if (!dx && !dy) return 0;
    double speed = 700.0 * a->scale * dt;
    mapview_pan_px(a, -dx * speed, -dy * speed);
    return 1;
}

/* The loop draws only when something changed (input, an animation, a
 * toast); otherwise it sleeps in SDL_WaitEventTimeout. */
static void run(ui_app *a)
{
    Uint64 freq = SDL_GetPerformanceFrequency(), last = SDL_GetPerformanceCounter();
    SDL_RendererInfo info;
    SDL_GetRendererInfo(a->renderer, &info);
    int vsync = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
    while (!a->quit) {
        int want_shot = 0;
        SDL_Event e;
        int held = a->in.down || (a->view == VIEW_MAP && (SDL_GetKeyboardState(NULL)[SDL_SCANCODE_LEFT] ||
                                                          SDL_GetKeyboardState(NULL)[SDL_SCANCODE_RIGHT] ||
                                                          SDL_GetKeyboardState(NULL)[SDL_SCANCODE_UP] ||
                                                          SDL_GetKeyboardState(NULL)[SDL_SCANCODE_DOWN]));
        if (!a->dirty && !held) {
            if (SDL_WaitEventTimeout(&e, 500)) on_event(a, &e, &want_shot);
            last = SDL_GetPerformanceCounter(); /* no jump after sleeping */
        }
        while (SDL_PollEvent(&e)) on_event(a, &e, &want_shot);
        if (a->quit) break;
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = (double)(now - last) / freq;
        if (dt > 0.1) dt = 0.1;
        last = now;
        a->now_ms = SDL_GetTicks();
        a->dirty = 0;
        held_pan(a, dt);
        float target = a->selected >= 0 ? 1.0f : 0.0f;
        if (a->panel_open != target) {
            float step = (float)(dt * 6.0);
            a->panel_open = a->panel_open < target ? fminf(target, a->panel_open + step) : fmaxf(target, a->panel_open - step);
            a->dirty = 1;
        }
        frame_layout(a);
        mapview_update_camera(a, dt);
        frame_draw(a);
        if (want_shot) save_screenshot(a);
        /* the wheel zooms the map unless a panel scrolled with it */
        if (a->in.wheel != 0 && !a->in.wheel_used && a->view == VIEW_MAP && !a->show_help && !a->show_briefing &&
            SDL_PointInRect(&(SDL_Point){a->in.x, a->in.y}, &a->map_area) &&
            !SDL_PointInRect(&(SDL_Point){a->in.x, a->in.y}, &a->lay.card) &&
            !(a->show_news && SDL_PointInRect(&(SDL_Point){a->in.x, a->in.y}, &a->lay.news)))
            mapview_zoom_at(a, pow(1.25, a->in.wheel), a->in.x, a->in.y);
        SDL_RenderPresent(a->renderer);
        a->in.pressed = a->in.clicked = a->in.click_used = a->in.wheel_used = 0;
        a->in.wheel = 0;
        if (!vsync) {
            double spent = (double)(SDL_GetPerformanceCounter() - now) / freq;
            if (spent < 1.0 / 60) SDL_Delay((Uint32)((1.0 / 60 - spent) * 1000));
        }
    }
}

/* The opening view the flags ask for: quarters played first (by the AI
 * seats, which must be in place), a view, a good, a colouring, a nation.
 * Returns 0, or 2 with a message for an unknown nation. */
static int apply_opening(ui_app *a, const play_flags *f, char *err, size_t errlen)
{
    int n = -1;
    if (f->select && (n = cp_world_find_nation(a->world, f->select)) < 0) {
        snprintf(err, errlen, "--select: no nation '%s' in this scenario", f->select);
        return 2;
    }
    for (int k = 0; k < f->advance; k++) ui_end_turn(a);
    /* after the quarters: a human seat's turn closes the panel, which would
     * leave its slot empty in a screenshot (the panel eases shut per frame) */
    if (n >= 0) {
        app_select(a, n);
        a->panel_open = 1;
    }
    a->toast[0] = '\0';
    if (f->view >= 0) a->view = (app_view)f->view;
    if (f->good >= 0) a->good = (cp_good)f->good;
    if (f->metric >= 0) a->metric = (metric_id)f->metric;
    if (f->show) {
        a->show_help = strcmp(f->show, "help") == 0;
        a->show_briefing = !a->show_help && a->info.briefing != NULL;
    }
    return 0;
}

/* With a replay shown: the turn, its hash and the recorded one on stdout,
 * for the player and for tests. */
static void print_replay_state(const ui_app *a)
{
    uint64_t want = 0;
    if (!a->replay) return;
    int ok = replay_view_matches(a, &want);
    printf("chokepoint: replay at turn %d, hash %016llx, recorded %016llx: %s\n", cp_world_turn(a->world),
           (unsigned long long)cp_world_hash(a->world), (unsigned long long)want, ok ? "matches" : "DIFFERS");
    fflush(stdout);
}

/* --screenshot: the opening view drawn into a surface, no display needed. */
static int screenshot_mode(ui_app *a, const play_flags *f)
{
    char err[512];
    if (app_open_surface(a, f->app.width, f->app.height, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint play: %s\n", err);
        return 1;
    }
    a->now_ms = SDL_GetTicks();
    a->in.x = a->in.y = -10000;
    if (f->has_mouse) {
        a->in.x = f->mouse_x;
        a->in.y = f->mouse_y;
    }
    /* two frames: the first settles what the mouse is over (a tooltip is
     * asked for while drawing and drawn the same frame) */
    for (int k = 0; k < 2; k++) frame_render(a, 0);
    if (shot_save(a->renderer, f->app.screenshot, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint play: %s\n", err);
        return 1;
    }
    return 0;
}

int ui_main(int argc, char **argv)
{
    play_flags f;
    int r = parse(argc, argv, &f);
    if (r == 1) return 0;
    if (r != 0) {
        usage(stderr);
        return 2;
    }
    static ui_app app;
    char err[1024];
    int status = app_create(&app, &f.app, err, sizeof err);
    if (status != 0) {
        fprintf(stderr, "chokepoint play: %s\n", err);
        app_destroy(&app);
        return status;
    }
    app.difficulty = f.play.difficulty; /* play --difficulty: the AI nations' level */
    /* play layer: the start screen, or the game with --human seats or from --load */
    play_options_finish(&f.play, argc, argv, f.app.screenshot != NULL || f.replay != NULL);
    if ((status = play_init(&app, &f.play, err, sizeof err)) != 0) {
        fprintf(stderr, "chokepoint play: %s\n", err);
        app_destroy(&app);
        return status;
    }
    /* --replay: the recording is shown instead of a game (no seats, no agents) */
    if (f.replay) {
        if (replay_view_open(&app, f.replay, err, sizeof err) != 0) {
            fprintf(stderr, "chokepoint play: --replay %s\n", err);
            app_destroy(&app);
            SDL_Quit();
            return 2;
        }
        if (f.replay_turn >= 0) replay_view_goto(&app, f.replay_turn);
    }
    /* AI seats: the scenario's agents play every nation (until a play
     * layer seats humans, it owns none of them) */
    struct cps_seats *seats = NULL;
    if (!app.seats && !app.replay) {
        seats = app_seats_create(&app, NULL, 0, err, sizeof err);
        if (!seats) {
            fprintf(stderr, "chokepoint play: %s\n", err);
            app_destroy(&app);
            return 2;
        }
        app.seats = seats;
    }
    if (f.app.screenshot) {
        status = apply_opening(&app, &f, err, sizeof err);
        if (status != 0) fprintf(stderr, "chokepoint play: %s\n", err);
        else status = screenshot_mode(&app, &f);
        print_replay_state(&app);
        if (seats) cps_seats_destroy(seats);
        app.seats = NULL;
        app_destroy(&app);
        SDL_Quit();
        return status;
    }
    if (app_open_window(&app, f.app.width, f.app.height, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint play: %s\n", err);
        app_destroy(&app);
        SDL_Quit();
        return 1;
    }
    app.in.x = app.in.y = -10000;
    app.show_briefing = !f.no_briefing && app.info.briefing != NULL;
    status = apply_opening(&app, &f, err, sizeof err);
    if (status != 0) {
        fprintf(stderr, "chokepoint play: %s\n", err);
        if (seats) cps_seats_destroy(seats);
        app.seats = NULL;
        app_destroy(&app);
        SDL_Quit();
        return status;
    }
    run(&app);
    print_replay_state(&app);
    char date[8];
    int t = cp_world_turn(app.world);
    printf("chokepoint: quit at %s, turn %d, seed %llu, hash %016llx\n",
           cp_world_date_text(app.world, t, date, sizeof date), t, (unsigned long long)cp_world_seed(app.world),
           (unsigned long long)cp_world_hash(app.world));
    if (seats) cps_seats_destroy(seats);
    app.seats = NULL;
    app_destroy(&app);
    SDL_Quit();
    return 0;
}
