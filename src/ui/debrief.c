/* debrief.c -- write the debrief pack: each chart drawn headless and saved as PNG, the CSV
 * files, then summary.html (see debrief.h).
 *
 * Every chart gets its own surface, software renderer and text cache, and a bare ui_app
 * that carries only what the chart blocks read (renderer, text, scale, world): the game
 * window's own renderer, fonts and state are never touched, so the pack can be written
 * from the window mid-game as well as from `chokepoint sim`.
 */
#define _POSIX_C_SOURCE 200809L /* mkdir */
#include "debrief.h"
#include "file_io.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "debrief_internal.h"
#include "script.h"
#include "shot.h"

/* Sizes are output pixels; the charts are laid out at 1x and drawn at
 * SCALE, which keeps text large enough to read on paper and projectors. */
#define SCALE 1.25f
const dbc_chart dbc_charts[] = {
    {"prices.png", "Prices of the four goods, with the policy moves marked and listed", 1400, 1100},
    {"supply.png", "Who supplies each stage: shares of mining, separation and magnet making by nation", 1400, 760},
    {"shortages.png", "Shortages by sector, and who ran short", 1400, 760},
    {"pipeline.png", "The capacity pipeline: capacity outside China in each stage of its timeline", 1400, 760},
    {"tariffs.png", "Who paid each tariff: tariff collected route by route, and its incidence", 1400, 760},
};
const int dbc_chart_count = (int)(sizeof dbc_charts / sizeof dbc_charts[0]);

static ui_debrief_csv_fn csv_writer;

void ui_debrief_set_csv_writer(ui_debrief_csv_fn fn)
{
    csv_writer = fn;
}

void ui_debrief_default_dir(const cp_world *w, char *buf, size_t len)
{
    snprintf(buf, len, "%s/debrief-%s-seed%llu-t%d", cps_saves_dir(), cp_world_scenario(w)->name,
             (unsigned long long)cp_world_seed(w), cp_world_turn(w));
}

/* Draw chart 'k' into a fresh surface and save it as 'dir'/file. */
static int render_chart(int k, const cp_world *w, const tl_log *log, const char *dir, char *err, size_t errlen)
{
    const dbc_chart *c = &dbc_charts[k];
    ui_app *a = calloc(1, sizeof *a);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, c->width, c->height, 32, SDL_PIXELFORMAT_ARGB8888);
    int status = -1;
    if (!a || !surf) {
        snprintf(err, errlen, "debrief: %s: out of memory", c->file);
        goto done;
    }
    a->renderer = SDL_CreateSoftwareRenderer(surf);
    if (!a->renderer) {
        snprintf(err, errlen, "debrief: software renderer: %s", SDL_GetError());
        goto done;
    }
    SDL_SetRenderDrawBlendMode(a->renderer, SDL_BLENDMODE_BLEND);
    a->world = (cp_world *)w; /* read only: the charts draw from it */
    a->scale = SCALE;
    a->ink = &ui_ink_print; /* white paper, dark ink: the pack is printed */
    a->out_w = c->width;
    a->out_h = c->height;
    a->selected = a->hovered = a->hovered_country = -1;
    a->in.x = a->in.y = -10000;
    char msg[512];
    a->text = text_create(a->renderer, SCALE, msg, sizeof msg);
    if (!a->text) {
        snprintf(err, errlen, "debrief: %s", msg);
        goto done;
    }
    switch (k) {
    case 0: dbc_prices(a); break;
    case 1: dbc_supply(a); break;
    case 2: dbc_shortages(a); break;
    case 3: dbc_pipeline(a, log); break;
    default: dbc_tariffs(a); break;
    }
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, c->file);
    if (shot_save(a->renderer, path, msg, sizeof msg) != 0) {
        snprintf(err, errlen, "debrief: %s", msg);
        goto done;
    }
    status = 0;
done:
    if (a && a->text) text_destroy(a->text);
    if (a && a->renderer) SDL_DestroyRenderer(a->renderer);
    if (surf) SDL_FreeSurface(surf);
    free(a);
    return status;
}

static ui_debrief_made_fn made_fn;
static const void *made_ud;

void ui_debrief_set_made(ui_debrief_made_fn fn, const void *ud)
{
    made_fn = fn;
    made_ud = ud;
}

int ui_debrief_write(const cp_world *w, const cps_scenario_info *info, const tl_log *log, const int *human,
                     const char *dir, char *err, size_t errlen)
{
    char why[1200];
    if (file_mkdirs(dir, why, sizeof why) != 0) {
        snprintf(err, errlen, "debrief: %s", why);
        return -1;
    }
    /* without a record of stages, one taken now: earlier stages are reconstructed */
    tl_log own;
    tl_log_init(&own);
    if (!log) {
        tl_log_record(&own, w);
        log = &own;
    }
    int ttf_was_init = TTF_WasInit(); /* the window's fonts stay open */
    int status = 0;
    for (int k = 0; k < dbc_chart_count && status == 0; k++) status = render_chart(k, w, log, dir, err, errlen);
    tl_log_free(&own);
    if (!ttf_was_init && TTF_WasInit()) TTF_Quit();
    if (status != 0) return -1;
    static const char *const csv_files[] = {"nations.csv", "markets.csv", "facilities.csv", "news.csv", "deals.csv"};
    int csv_count = 0;
    if (csv_writer) {
        char msg[512];
        if (csv_writer(w, dir, msg, sizeof msg) != 0) {
            snprintf(err, errlen, "debrief: %s", msg);
            return -1;
        }
        csv_count = (int)(sizeof csv_files / sizeof csv_files[0]);
    }
    dbf_figures fig;
    dbf_compute(w, &fig);
    for (int i = 0; i < fig.actor_count; i++)
        fig.actor[i].has_made = made_fn && made_fn(made_ud, w, fig.actor[i].nation, &fig.actor[i].made) == 0;
    return dbh_write(w, info, &fig, human, dir, csv_files, csv_count, err, errlen);
}
