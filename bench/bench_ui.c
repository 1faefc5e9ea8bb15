/* bench_ui.c -- the game window's frame time at 1280x720 with SDL's software renderer.
 *
 * The window must hold 60 frames per second while a teacher pans the map in
 * front of a class; the software renderer is the slowest path it can take
 * (no GPU, as on a school laptop or a virtual machine), so its median frame
 * time is the figure to watch: the target is 8 ms or less. The benchmark
 * plays eight quarters with the scenario's agents, then draws frames of each
 * view, with the mouse over China and, on the map, the camera panning and
 * zooming every frame so that nothing can be served from a cache of the
 * last frame. Prints each view's median and the overall median, in wall
 * time and in the CPU time of the drawing thread: on a machine shared with
 * other jobs (a CI runner, a build) the wall clock also counts the time
 * spent waiting for a core, and the CPU time is the frame's own cost.
 *
 *   bench_ui [FRAMES_PER_VIEW] [--check]   (--check: exit 1 above 8 ms)
 */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "script.h"
#include "views.h"

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef struct {
    const char *name;
    app_view view;
    int select; /* open China's panel */
    int move;   /* pan and zoom every frame */
} bench_case;

int main(int argc, char **argv)
{
    int frames = argc > 1 && argv[1][0] != '-' ? atoi(argv[1]) : 240;
    int check = argc > 1 && strcmp(argv[argc - 1], "--check") == 0;
    if (frames < 10) frames = 10;
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    static ui_app app;
    app_options opt = {.scenario = "baseline", .seed = 1, .width = 1280, .height = 720};
    char err[1024];
    if (app_create(&app, &opt, err, sizeof err) != 0 || app_open_surface(&app, 1280, 720, err, sizeof err) != 0) {
        fprintf(stderr, "bench_ui: %s\n", err);
        return 1;
    }
    SDL_RendererInfo info;
    SDL_GetRendererInfo(app.renderer, &info);
    struct cps_seats *seats = app_seats_create(&app, NULL, 0, err, sizeof err);
    if (!seats) {
        fprintf(stderr, "bench_ui: %s\n", err);
        return 1;
    }
    app.seats = seats;
    for (int t = 0; t < 8; t++) ui_end_turn(&app);
    int chn = cp_world_find_nation(app.world, "CHN");

    static const bench_case cases[] = {
        {"map, still", VIEW_MAP, 0, 0},
        {"map, panning and zooming", VIEW_MAP, 0, 1},
        {"map with China's panel, panning", VIEW_MAP, 1, 1},
        {"charts with China", VIEW_CHARTS, 1, 0},
        {"capacity timeline", VIEW_TIMELINE, 0, 0},
    };
    enum { NCASES = sizeof cases / sizeof cases[0] };
    double *all = malloc(sizeof(double) * frames * NCASES);
    double *one = malloc(sizeof(double) * frames);
    double *cpu_all = malloc(sizeof(double) * frames * NCASES);
    double *cpu_one = malloc(sizeof(double) * frames);
    if (!all || !one || !cpu_all || !cpu_one) return 1;
    int nall = 0;
    Uint64 freq = SDL_GetPerformanceFrequency();
    printf("bench_ui: 1280x720, renderer %s, %d frames per view, turn %d\n", info.name, frames,
           cp_world_turn(app.world));
    double map_median = 0;
    for (int c = 0; c < NCASES; c++) {
        const bench_case *bc = &cases[c];
        app.view = bc->view;
        app_select(&app, bc->select ? chn : -1);
        app.panel_open = bc->select ? 1.0f : 0.0f;
        mapview_reset(&app);
        app.toast[0] = '\0';
        /* warm the text cache and the layout as a player's first frame does */
        frame_render(&app, 0);
        for (int f = 0; f < frames; f++) {
            SDL_FPoint p = mapview_nation_px(&app, chn);
            app.in.x = (int)p.x + 7;
            app.in.y = (int)p.y + 9;
            app.now_ms = SDL_GetTicks();
            if (bc->move) {
                double ang = f * 0.05;
                mapview_pan_px(&app, 6 * cos(ang), 4 * sin(ang));
                mapview_zoom_at(&app, f % 40 < 20 ? 1.02 : 1 / 1.02, app.out_w / 2, app.out_h / 2);
            }
            double c0 = cpu_ms();
            Uint64 t0 = SDL_GetPerformanceCounter();
            frame_render(&app, 1.0 / 60);
            SDL_RenderPresent(app.renderer); /* flushes the batched drawing */
            Uint64 t1 = SDL_GetPerformanceCounter();
            cpu_one[f] = cpu_all[nall] = cpu_ms() - c0;
            one[f] = all[nall++] = (double)(t1 - t0) * 1000.0 / freq;
        }
        double med = median(one, frames), cmed = median(cpu_one, frames);
        if (c == 1) map_median = cmed;
        printf("  %-34s median %6.2f ms wall, %6.2f ms CPU   p90 %6.2f ms CPU\n", bc->name, med, cmed,
               cpu_one[frames * 9 / 10]);
    }
    double med = median(all, nall), cmed = median(cpu_all, nall);
    printf("median frame: %.2f ms CPU, %.2f ms wall, over %d frames (target 8 ms: %s)\n", cmed, med, nall,
           cmed <= 8 ? "met" : "missed");
    printf("map while panning: %.2f ms CPU\n", map_median);
    free(all);
    free(one);
    free(cpu_all);
    free(cpu_one);
    app.seats = NULL;
    cps_seats_destroy(seats);
    app_destroy(&app);
    SDL_Quit();
    return check && cmed > 8 ? 1 : 0;
}
