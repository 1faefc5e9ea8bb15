/* replay_view.c -- the replay viewer (replay_view.h): reading a recording, the
 * world of each quarter reached (cached, so stepping back is instant), which
 * quarter is shown, and the keys. Its panel is replay_panel.c. */
#include "replay_view.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "play.h"
#include "replay_apply.h"
#include "replay_view_internal.h"

static struct replay_view state;


/* Build the worlds up to index 'k' (or until a turn cannot be played). */
static void build_to(struct replay_view *v, int k)
{
    while (v->reached < k && v->reached + 1 < v->stop) {
        int i = v->reached + 1;
        const replay_turn *t = &v->rec.turns[i - 1];
        cp_world *w = cp_world_clone(v->world[i - 1]);
        char why[600];
        replay_step_result r = w ? replay_step(w, t, why, sizeof why) : REPLAY_STEP_REFUSED;
        if (!w) snprintf(why, sizeof why, "out of memory");
        if (r == REPLAY_STEP_REFUSED) {
            if (w) cp_world_destroy(w);
            v->stop = i;
            if (!v->warn[0])
                snprintf(v->warn, sizeof v->warn, "Turn %d cannot be replayed: %s. The game has gone another way; "
                         "the replay stops at turn %d.", t->turn, why, t->turn - 1);
            return;
        }
        if (r == REPLAY_STEP_DIFFERS) {
            v->differs[i] = 1;
            if (!v->warn[0])
                snprintf(v->warn, sizeof v->warn, "Turn %d differs from the recording (%s): this build or the "
                         "scenario plays the game another way.", t->turn, why);
        }
        v->world[i] = w;
        v->reached = i;
    }
}

/* Show index 'k' (built): a clone of its world becomes the window's. */
static void show(ui_app *a, int k)
{
    assert(!a->drawing && "the world shown changes between frames (app_defer)");
    struct replay_view *v = a->replay;
    cp_world *w = cp_world_clone(v->world[k]);
    if (!w) {
        app_toast(a, "Out of memory: cannot show that quarter");
        return;
    }
    fig_snapshot_take(a->prev, v->world[k > 0 ? k - 1 : 0]); /* "why it changed": the quarter before */
    cp_world_destroy(a->world);
    a->world = w;
    tl_log_free(&a->stages);
    tl_log_init(&a->stages);
    for (int i = 0; i <= k; i++) tl_log_record(&a->stages, v->world[i]);
    a->metric_turn = -1;
    v->shown = k;
    v->scroll = 0;
    /* the news feed shows the agents' lines of the turn that led here, as in a game */
    a->log_count = 0;
    if (k > 0)
        for (int i = 0; i < v->rec.turns[k - 1].line_count; i++) app_log(a, v->rec.turns[k - 1].lines[i].text);
    app_update_title(a);
    a->dirty = 1;
}

int replay_view_open(ui_app *a, const char *path, char *err, size_t errlen)
{
    struct replay_view *v = &state;
    replay_view_close(a);
    memset(v, 0, sizeof *v);
    if (replay_read(path, &v->rec, err, errlen) != 0) return -1;
    const char *slash = strrchr(path, '/');
    snprintf(v->name, sizeof v->name, "%s", slash ? slash + 1 : path);
    cp_world *start = replay_start_world(&v->rec, path, err, errlen);
    if (!start) {
        if (v->rec.world == NULL)
            snprintf(err + strlen(err), errlen - strlen(err), " (the replay rebuilds its start from the scenario)");
        replay_free(&v->rec);
        return -1;
    }
    int n = v->rec.turn_count + 1;
    v->world = calloc((size_t)n, sizeof *v->world);
    v->differs = calloc((size_t)n, 1);
    cp_world *shown = cp_world_clone(start);
    if (!v->world || !v->differs || !shown) {
        snprintf(err, errlen, "%s: out of memory", path);
        free(v->world);
        free(v->differs);
        if (shown) cp_world_destroy(shown);
        cp_world_destroy(start);
        replay_free(&v->rec);
        return -1;
    }
    v->world[0] = start;
    v->stop = n;
    if (cp_world_hash(start) != v->rec.start_hash) {
        v->differs[0] = 1;
        snprintf(v->warn, sizeof v->warn, "The start differs from the recording (hash %016llx, recorded %016llx): "
                 "has the scenario '%.300s' changed?", (unsigned long long)cp_world_hash(start),
                 (unsigned long long)v->rec.start_hash, v->rec.scenario);
    }
    play_watch_replay(a); /* no seats, no dock, no dialog: nothing is played */
    if (app_replace_world(a, shown, NULL, err, errlen) != 0) {
        a->replay = v; /* so that close frees it */
        replay_view_close(a);
        return -1;
    }
    a->replay = v;
    show(a, 0);
    return 0;
}

void replay_view_close(ui_app *a)
{
    struct replay_view *v = a->replay;
    if (!v) return;
    for (int i = 0; i <= v->rec.turn_count; i++)
        if (v->world[i]) cp_world_destroy(v->world[i]);
    free(v->world);
    free(v->differs);
    replay_free(&v->rec);
    a->replay = NULL;
}

static void goto_action(ui_app *a, int turn, int unused)
{
    (void)unused;
    replay_view_goto(a, turn);
}

void replay_view_goto(ui_app *a, int turn)
{
    struct replay_view *v = a->replay;
    if (!v) return;
    if (a->drawing) { /* the panel's buttons and slider: the old world is freed when the new one shows */
        app_defer(a, goto_action, turn, 0);
        return;
    }
    int k = turn - replay_view_start_turn(v);
    if (k > v->rec.turn_count) k = v->rec.turn_count;
    if (k < 0) k = 0;
    build_to(v, k);
    if (k > v->reached) k = v->reached;
    if (k != v->shown || cp_world_turn(a->world) != replay_view_start_turn(v) + k) show(a, k);
}

int replay_view_key(ui_app *a, SDL_Keycode key)
{
    struct replay_view *v = a->replay;
    if (!v) return 0;
    int t = replay_view_start_turn(v) + v->shown;
    switch (key) {
    case SDLK_RIGHT: replay_view_goto(a, t + 1); return 1;
    case SDLK_LEFT: replay_view_goto(a, t - 1); return 1;
    case SDLK_PAGEUP: replay_view_goto(a, t - 4); return 1;
    case SDLK_PAGEDOWN: replay_view_goto(a, t + 4); return 1;
    case SDLK_HOME: replay_view_goto(a, replay_view_start_turn(v)); return 1;
    case SDLK_END: replay_view_goto(a, replay_view_start_turn(v) + v->rec.turn_count); return 1;
    default: return 0;
    }
}

int replay_view_matches(const ui_app *a, uint64_t *recorded)
{
    const struct replay_view *v = a->replay;
    if (!v) return 0;
    uint64_t want = v->shown == 0 ? v->rec.start_hash : v->rec.turns[v->shown - 1].hash;
    if (recorded) *recorded = want;
    return cp_world_hash(a->world) == want;
}

