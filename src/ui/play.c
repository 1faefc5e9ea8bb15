/* play.c -- the play layer's life: seats and human players, the turn passing between them, the
 * hooks the window calls, events and saves. The screens themselves are in start.c, actions.c,
 * deal_dialog.c, hotseat.c and menu.c. */
#include "play_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formw.h"
#include "labels.h"
#include "replay_view.h"
#include "savefile.h"
#include "script.h"
#include "theme.h"

static struct play_state state;

struct play_state *play_of(const ui_app *a)
{
    return a->play;
}

int play_current_seat(const ui_app *a)
{
    const struct play_state *p = a->play;
    return p && p->phase == PH_GAME ? p->seat : -1;
}

int play_game_over(const ui_app *a)
{
    return end_game_over(a);
}

const int *play_humans(const ui_app *a)
{
    const struct play_state *p = a->play;
    if (!p) return NULL;
    for (int n = 0; n < CP_MAX_NATIONS; n++)
        if (p->human[n]) return p->human;
    return NULL;
}

int play_dock_open(const ui_app *a)
{
    return a->play && a->play->dock_open;
}

const char *play_screen(const ui_app *a)
{
    const struct play_state *p = a->play;
    if (!p) return NULL;
    static const char *dialogs[] = {NULL, "deal", "menu", "save", "load"};
    const char *d = p->dialog == DLG_LOAD && p->load_replays ? "replays" : dialogs[p->dialog];
    if (p->confirm != CONFIRM_NONE) return p->confirm == CONFIRM_QUIT ? "confirm-quit" : "confirm-end-turn";
    if (p->phase == PH_START) return d ? (p->load_replays ? "start replays" : "start load") : "start";
    if (p->phase == PH_HANDOVER) return "handover";
    if (p->phase == PH_END) return d ? (p->dialog == DLG_LOAD ? "end load" : "end") : "end";
    if (!d && report_pending(a)) return "report";
    return d;
}

const char *play_nation_name(const ui_app *a, int n)
{
    if (n == CP_ALL) return "everyone";
    return n >= 0 && n < cp_world_nation_count(a->world) ? cp_world_nation(a->world, n)->name : "?";
}

void play_set_msg(struct play_state *p, int bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
    p->msg_bad = bad;
}

int play_submit(ui_app *a, const cp_order *o)
{
    struct play_state *p = a->play;
    cp_error e;
    char what[200];
    oui_describe(a->world, o, what, sizeof what);
    if (cp_world_submit(a->world, o, &e) != CP_OK) {
        play_set_msg(p, 1, "%s", e.message);
        return -1;
    }
    play_set_msg(p, 0, "Queued: %s. It takes effect when the turn ends; undo it in the list below.", what);
    p->touched[p->tab] = 0; /* queued: no longer a draft */
    a->dirty = 1;
    return 0;
}

static int first_human(const struct play_state *p, int from, int count)
{
    for (int n = from; n < count; n++)
        if (p->human[n] && !p->ended[n]) return n;
    return -1;
}

static int human_count(const struct play_state *p)
{
    int c = 0;
    for (int n = 0; n < CP_MAX_NATIONS; n++) c += p->human[n] != 0;
    return c;
}

/* Give the window to human seat 'n': a hand-over screen first when several people share it. */
static void hand_to(ui_app *a, int n)
{
    struct play_state *p = a->play;
    p->seat = n;
    p->dialog = DLG_NONE;
    p->msg[0] = '\0';
    p->deal_msg[0] = '\0';
    p->list_scroll = 0;
    dock_reset_forms(a);
    if (n >= 0 && p->news[n][0]) { /* what became of this seat's deals last quarter */
        play_set_msg(p, 0, "%s", p->news[n]);
        p->news[n][0] = '\0';
    }
    if (n >= 0) {
        p->dock_open = 1;
        app_select(a, -1); /* nothing of the previous player's stays open */
    }
    p->phase = n >= 0 && human_count(p) > 1 ? PH_HANDOVER : PH_GAME;
    play_sync_blocking(a);
}

void play_sync_blocking(ui_app *a)
{
    const struct play_state *p = a->play;
    a->blocking = p->dialog != DLG_NONE || p->phase != PH_GAME || p->confirm != CONFIRM_NONE || report_pending(a);
}

int play_begin(ui_app *a, cp_world *w, cps_scenario_info *info, cps_seats *seats, const char *const *assign,
               int count, const int *human, int length, char *err, size_t errlen)
{
    struct play_state *p = a->play;
    replay_view_close(a); /* a game (new or loaded) ends the replay being watched */
    end_reset(a);         /* and the end screen's free-trade twin of the last one */
    /* seats this layer made go; seats the window made (ui_main.c) stay its own */
    if (p->own_seats) cps_seats_destroy(p->own_seats);
    p->own_seats = NULL;
    a->seats = NULL;
    if (app_replace_world(a, w, info, err, errlen) != 0) {
        if (seats) cps_seats_destroy(seats);
        return -1;
    }
    if (seats) cps_seats_set_world(seats, a->world);
    else if (!(seats = app_seats_create(a, assign, count, err, errlen))) return -1;
    a->seats = p->own_seats = seats;
    memset(p->human, 0, sizeof p->human);
    memset(p->ended, 0, sizeof p->ended);
    memset(p->report_for, 0, sizeof p->report_for);
    for (int n = 0; n < cp_world_nation_count(a->world); n++) p->human[n] = human[n];
    p->length = length > 0 ? length : a->scenario->default_turns;
    a->scenario->default_turns = p->length; /* the window's copy: the top bar shows the game's length */
    p->dialog = DLG_NONE;
    p->confirm = CONFIRM_NONE;
    p->saved_turn = cp_world_turn(a->world); /* nothing played yet that a save would keep */
    p->autosave[0] = '\0';
    hand_to(a, first_human(p, 0, cp_world_nation_count(a->world)));
    app_update_title(a);
    return 0;
}

static cps_seat_opts seat_opts(ui_app *a)
{
    cps_seat_opts o;
    memset(&o, 0, sizeof o);
    o.log = app_log; /* agents' failures go to the window's log, as app_seats_create's do */
    o.log_ud = a;
    o.difficulty = a->difficulty;
    return o;
}

int play_save_to(ui_app *a, const char *path, char *err, size_t errlen)
{
    int r = saveload_write(path, a->world, a->seats, a->have_info ? &a->info : NULL, a->play->human, a->play->length,
                           a->difficulty, err, errlen);
    if (r == 0) a->play->saved_turn = cp_world_turn(a->world);
    return r;
}

int play_load_from(ui_app *a, const char *path, char *err, size_t errlen)
{
    cp_world *w;
    cps_seats *seats;
    int human[CP_MAX_NATIONS], length;
    cps_difficulty level;
    cps_seat_opts o = seat_opts(a);
    if (saveload_read(path, &o, &w, &seats, human, &length, &level, err, errlen) != 0) return -1;
    cps_difficulty before = a->difficulty;
    a->difficulty = level; /* the save's: the game plays on as it was played */
    int r = play_begin(a, w, NULL, seats, NULL, 0, human, length, err, errlen);
    if (r != 0) a->difficulty = before;
    return r;
}

void play_seats_changed(ui_app *a)
{
    struct play_state *p = a->play;
    memset(p->ended, 0, sizeof p->ended);
    hand_to(a, first_human(p, 0, cp_world_nation_count(a->world)));
}

void play_open_dialog(ui_app *a, play_dialog d)
{
    struct play_state *p = a->play;
    p->dialog = d;
    p->menu_msg[0] = '\0';
    p->quit_after_save = 0; /* set again by "Save and quit" after opening the save dialog */
    play_sync_blocking(a);
    if (d == DLG_SAVE) {
        char date[8];
        int t = cp_world_turn(a->world);
        snprintf(p->save_name, sizeof p->save_name, "%s-%s", a->scenario->name,
                 cp_world_date_text(a->world, t, date, sizeof date));
        SDL_StartTextInput();
    } else {
        SDL_StopTextInput();
    }
    if (d != DLG_LOAD) p->load_replays = 0;
    if (d == DLG_LOAD) {
        p->file_count = p->load_replays ? saveload_list_replays(SAVEFILE_DIR, p->files, SAVE_LIST_MAX)
                                        : saveload_list(SAVEFILE_DIR, p->files, SAVE_LIST_MAX);
        p->file_sel = 0;
    }
    a->dirty = 1;
}

const char play_usage[] =
    "playing nations:\n"
    "  --human ISO3  a human plays this nation (repeat for hotseat); agents play the others\n"
    "  --load FILE   continue a saved game (a name under saves/ or a path)\n"
    "  --turns N     the game's length in quarters (default: the scenario's)\n"
    "  --difficulty LEVEL  how well the AI nations play: easy, normal or hard (default normal;\n"
    "                the start screen's first choice; a loaded game keeps its own)\n"
    "  --start       show the start screen (the default without --scenario, --load or --human)\n"
    "  --open WHAT   open an orders tab (Build, Plants, Tariffs, Exports, Stockpile, Support,\n"
    "                Security, Deals) or deal, menu, save, load, replays, handover\n"
    "environment: CHOKEPOINT_UI_TRACE=FILE writes where each play control is, for tests\n";

static int value_of(int argc, char **argv, int *i, const char *flag, const char **out)
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
        return 2;
    }
    *out = argv[++*i];
    return 1;
}

int play_parse_flag(int argc, char **argv, int *i, play_options *o)
{
    const char *v;
    int r;
    if ((r = value_of(argc, argv, i, "--human", &v)) != 0) {
        if (r == 2) return 2;
        if (strlen(v) != 3 || o->human_count >= CP_MAX_NATIONS) {
            fprintf(stderr, "chokepoint play: --human wants a nation's ISO3 code, not '%s'\n", v);
            return 2;
        }
        o->humans[o->human_count++] = v;
    } else if ((r = value_of(argc, argv, i, "--load", &v)) != 0) {
        if (r == 2) return 2;
        o->load = v;
    } else if ((r = value_of(argc, argv, i, "--turns", &v)) != 0) {
        if (r == 2) return 2;
        char *end;
        long n = strtol(v, &end, 10);
        if (!*v || *end || n < 1 || n > 400) {
            fprintf(stderr, "chokepoint play: --turns wants 1 to 400, not '%s'\n", v);
            return 2;
        }
        o->turns = (int)n;
    } else if ((r = value_of(argc, argv, i, "--difficulty", &v)) != 0) {
        if (r == 2) return 2;
        cps_difficulty d;
        if (cps_difficulty_parse(v, &d) != 0) {
            fprintf(stderr, "chokepoint play: --difficulty: '%s' is not a difficulty: %s\n", v,
                    CPS_DIFFICULTY_CHOICES);
            return 2;
        }
        o->difficulty = d;
    } else if ((r = value_of(argc, argv, i, "--open", &v)) != 0) {
        if (r == 2) return 2;
        o->open = v;
    } else if (strcmp(argv[*i], "--start") == 0) {
        o->want_start = 1;
    } else {
        return 0;
    }
    return 1;
}

void play_options_finish(play_options *o, int argc, char **argv, int screenshot)
{
    int scenario = 0;
    for (int i = 0; i < argc; i++)
        if (strncmp(argv[i], "--scenario", 10) == 0) scenario = 1;
    o->start_screen = o->want_start || (!scenario && !o->load && !o->human_count && !screenshot);
}

/* --open: what to show first (screenshots of each screen, tests). */
static void open_first(ui_app *a, const char *what)
{
    struct play_state *p = a->play;
    static const char *tabs[TAB_COUNT] = {"Build", "Plants", "Tariffs", "Exports", "Stockpile", "Support", "Security", "Deals"};
    for (int t = 0; t < TAB_COUNT; t++)
        if (strcmp(what, tabs[t]) == 0) {
            p->tab = (dock_tab)t;
            p->dock_open = 1;
        }
    if (p->phase == PH_HANDOVER && strcmp(what, "handover") != 0) {
        p->phase = PH_GAME;
        a->blocking = 0;
    }
    if (strcmp(what, "deal") == 0) deal_open(a, a->selected != p->seat ? a->selected : -1, -1);
    if (strcmp(what, "menu") == 0) play_open_dialog(a, DLG_MENU);
    if (strcmp(what, "save") == 0) play_open_dialog(a, DLG_SAVE);
    if (strcmp(what, "load") == 0) play_open_dialog(a, DLG_LOAD);
    if (strcmp(what, "replays") == 0) { /* the start screen's "Watch replay..." list */
        p->load_replays = 1;
        play_open_dialog(a, DLG_LOAD);
    }
}

static int play_start_game(ui_app *a, const play_options *opt, char *err, size_t errlen);

int play_init(ui_app *a, const play_options *opt, char *err, size_t errlen)
{
    int r = play_start_game(a, opt, err, errlen);
    if (r == 0 && opt->open) open_first(a, opt->open);
    return r;
}

static int play_start_game(ui_app *a, const play_options *opt, char *err, size_t errlen)
{
    memset(&state, 0, sizeof state);
    struct play_state *p = &state;
    a->play = p;
    p->seat = -1;
    p->counter_of = -1;
    p->last_proposed = -1;
    if (opt->start_screen) {
        p->phase = PH_START;
        a->blocking = 1;
        start_init(a);
        return 0;
    }
    if (opt->load) {
        char path[1100];
        savefile_resolve(opt->load, path, sizeof path); /* a bare name is looked for in saves/ too */
        if (play_load_from(a, path, err, errlen) != 0) return 2;
        if (opt->turns > 0) a->play->length = a->scenario->default_turns = opt->turns; /* --turns overrides the save's */
        return 0;
    }
    /* the game of the world app_create built: --human seats, the scenario's agents elsewhere */
    int human[CP_MAX_NATIONS] = {0};
    const char *assign[CP_MAX_NATIONS];
    char text[CP_MAX_NATIONS][16];
    for (int i = 0; i < opt->human_count; i++) {
        int n = cp_world_find_nation(a->world, opt->humans[i]);
        if (n < 0) {
            snprintf(err, errlen, "--human %s: the scenario has no such nation", opt->humans[i]);
            return 2;
        }
        human[n] = 1;
        snprintf(text[i], sizeof text[i], "%s=none", cp_world_nation(a->world, n)->iso3);
        assign[i] = text[i];
    }
    /* play_begin takes the world over: the window lets go of it first */
    cp_world *w = a->world;
    a->world = NULL;
    cps_scenario_info info = a->info;
    a->have_info = 0;
    memset(&a->info, 0, sizeof a->info);
    return play_begin(a, w, &info, NULL, assign, opt->human_count, human, opt->turns, err, errlen) == 0 ? 0 : 2;
}

void play_watch_replay(ui_app *a)
{
    struct play_state *p = a->play;
    if (!p) return;
    if (p->own_seats) {
        if (a->seats == p->own_seats) a->seats = NULL;
        cps_seats_destroy(p->own_seats);
        p->own_seats = NULL;
    }
    a->seats = NULL; /* seats the window made (ui_main.c) stay its own, unused */
    memset(p->human, 0, sizeof p->human);
    memset(p->ended, 0, sizeof p->ended);
    p->seat = -1;
    p->dock_open = 0;
    p->dialog = DLG_NONE;
    p->load_replays = 0;
    p->phase = PH_GAME;
    a->blocking = 0;
}

void play_free(ui_app *a)
{
    struct play_state *p = a->play;
    if (!p) return;
    if (p->own_seats) {
        if (a->seats == p->own_seats) a->seats = NULL;
        cps_seats_destroy(p->own_seats);
        p->own_seats = NULL;
    }
    end_reset(a);
    a->play = NULL;
}

/* ---- the turn ------------------------------------------------------------ */

int play_before_advance(ui_app *a)
{
    struct play_state *p = a->play;
    if (!p) return 0;
    if (p->phase != PH_GAME || p->dialog != DLG_NONE) return 1; /* no turn ends from a dialog */
    if (end_game_over(a)) { /* the last quarter is played: End turn shows the end screen again */
        end_open(a);
        return 1;
    }
    if (p->seat >= 0) {
        p->ended[p->seat] = 1;
        int next = first_human(p, p->seat + 1, cp_world_nation_count(a->world));
        if (next >= 0) {
            hand_to(a, next);
            return 1;
        }
    }
    /* the deals as they stand, to tell each human seat afterwards what became of its own */
    p->deals_before = cp_world_deal_count(a->world);
    for (int i = 0; i < p->deals_before && i < CP_MAX_DEALS; i++)
        p->deal_before[i] = (unsigned char)cp_world_deal(a->world, i)->status;
    return 0;
}

/* "Deal with Australia (offtake of 2,000 t ...): rejected" for each deal of a human seat whose
 * status changed: a deal is named by its partner and terms, never by its number. */
static void deal_news(ui_app *a)
{
    struct play_state *p = a->play;
    for (int i = 0; i < cp_world_deal_count(a->world) && i < CP_MAX_DEALS; i++) {
        const cp_deal *d = cp_world_deal(a->world, i);
        if (i < p->deals_before && p->deal_before[i] == (unsigned char)d->status) continue;
        for (int k = 0; k < d->party_count; k++) {
            int n = d->parties[k];
            if (!p->human[n]) continue;
            int other = d->parties[k == 0 ? 1 : 0];
            size_t used = strlen(p->news[n]);
            char terms[160];
            label_deal_terms(a->world, d, terms, sizeof terms);
            snprintf(p->news[n] + used, sizeof p->news[n] - used, "%sDeal with %s (%s): %s", used ? "; " : "",
                     play_nation_name(a, other), terms, label_deal_status(d->status));
        }
    }
}

void play_after_advance(ui_app *a)
{
    struct play_state *p = a->play;
    if (!p) return;
    memset(p->ended, 0, sizeof p->ended);
    deal_news(a);
    report_after_advance(a); /* each human seat reads what its orders did when its turn begins */
    char path[1024], err[600];
    /* autosave every quarter played in the window (not in --screenshot runs) */
    if (a->window && saveload_autosave(SAVEFILE_DIR, a->world, a->seats, a->have_info ? &a->info : NULL, p->human, p->length,
                          a->difficulty, path, sizeof path, err, sizeof err) != 0) {
        char msg[700];
        snprintf(msg, sizeof msg, "Autosave failed: %s", err);
        app_toast(a, msg);
    } else if (a->window) { /* the quit question says where it is */
        snprintf(p->autosave, sizeof p->autosave, "%s", path);
        p->autosave_turn = cp_world_turn(a->world);
    }
    hand_to(a, first_human(p, 0, cp_world_nation_count(a->world)));
    if (end_game_over(a)) end_open(a); /* the last quarter: the end screen, for everyone at once */
}

/* ---- hooks ---------------------------------------------------------------- */

/* The tab bar's room for this layer's buttons: Orders (with a human seat) and Menu. */
int play_tabs_px(const ui_app *a)
{
    const struct play_state *p = a->play;
    if (!p || p->phase == PH_START) return 0;
    int w = app_px(a, 78);
    if (p->seat >= 0) w += app_px(a, 8) + text_width(a->text, FONT_BODY, "Hide orders") + app_px(a, 20); /* its longest label */
    return w;
}

int play_dock_natural_px(const ui_app *a)
{
    const struct play_state *p = a->play;
    if (!p || p->phase == PH_START || p->seat < 0 || !p->dock_open) return 0;
    return dock_width(a);
}

void play_draw(ui_app *a)
{
    struct play_state *p = a->play;
    if (!p) return;
    /* Under a question only its card answers the mouse: the dialogs and the hand-over screen
     * below draw as usual (dimmed by it) but see no pointer, no click and no wheel. */
    app_input mouse = a->in;
    if (p->confirm != CONFIRM_NONE) {
        a->in.x = a->in.y = a->in.press_x = a->in.press_y = -10000;
        a->in.clicked = a->in.down = 0;
        a->in.wheel = 0;
    }
    if (p->phase == PH_START) {
        start_draw(a);
    } else if (p->phase == PH_HANDOVER) {
        hotseat_draw(a); /* the previous player's dock and dialogs are not drawn at all */
    } else if (p->phase == PH_END) {
        end_draw(a);
    } else {
        replay_view_draw(a); /* the replay viewer's panel, when a replay is shown */
        if (p->seat >= 0 && p->dock_open && a->lay.dock.w > 0) {
            if (a->lay.dock_folded) dock_strip(a, a->lay.dock);
            else dock_draw(a, a->lay.dock);
        }
        /* the seat and the menu, in the tab bar's free middle (tabs_draw leaves it room):
         * centred in the bar where that stays inside it, else at its left */
        SDL_Rect bar = a->lay.tabs, fr = a->lay.tabs_free;
        int bw = app_px(a, 78), bh = bar.h - app_px(a, 10), ow = play_tabs_px(a) - bw - app_px(a, 8);
        int gx = bar.x + bar.w / 2 - app_px(a, 40) - (p->seat >= 0 ? ow + app_px(a, 8) : 0);
        if (gx < fr.x) gx = fr.x;
        SDL_Rect ord = {gx, bar.y + app_px(a, 5), ow, bh};
        SDL_Rect menu = {p->seat >= 0 ? ord.x + ow + app_px(a, 8) : gx, ord.y, bw, bh};
        if (fw_button(a, menu, "Menu", BTN_SECONDARY, "Save, load, help, quit (F10)", "Menu"))
            play_open_dialog(a, DLG_MENU);
        if (p->seat >= 0 &&
            fw_button(a, ord, p->dock_open && !a->lay.compact_tabs ? "Hide orders" : "Orders", BTN_SECONDARY,
                      "Show or hide your orders: build, trade, exports, stockpile, support, security, deals (O)",
                      "Orders"))
            p->dock_open = !p->dock_open;
        char who[120];
        if (p->seat >= 0) snprintf(who, sizeof who, "You play %s", play_nation_name(a, p->seat));
        else if (a->replay) snprintf(who, sizeof who, "Watching a replay: Left and Right step");
        else snprintf(who, sizeof who, "Watching: pick a nation, then Menu");
        /* only in the free part of the tab bar, shortened when the window is narrow */
        int who_x = menu.x + bw + app_px(a, 12);
        int who_w = a->lay.tabs_free.x + a->lay.tabs_free.w - who_x;
        char fitted[120];
        if (who_w > app_px(a, 40))
            text_draw(a->text, FONT_SMALL, p->seat >= 0 ? COL_ACCENT : COL_TEXT_MUTED,
                      text_fit(a->text, FONT_SMALL, who, who_w, fitted, sizeof fitted), who_x,
                      bar.y + (bar.h - text_line_h(a->text, FONT_SMALL)) / 2, ALIGN_LEFT);
        fw_trace(a, "Seat", p->seat >= 0 ? cp_world_nation(a->world, p->seat)->iso3 : "", menu);
        if (p->dialog == DLG_DEAL) deal_draw(a);
        else if (p->dialog != DLG_NONE) menu_draw(a);
        else if (report_pending(a)) report_draw(a);
    }
    if (p->confirm != CONFIRM_NONE) {
        a->in = mouse;
        confirm_draw(a);
    }
    char turn[16];
    snprintf(turn, sizeof turn, "%d", a->world ? cp_world_turn(a->world) : 0);
    fw_trace(a, "Turn", turn, (SDL_Rect){0, 0, 0, 0});
    if (p->dialog != DLG_NONE || p->phase != PH_GAME || p->confirm != CONFIRM_NONE)
        a->in.wheel_used = 1; /* no zoom under a dialog */
}

static int undo_last(ui_app *a)
{
    struct play_state *p = a->play;
    for (int i = cp_world_pending_count(a->world) - 1; i >= 0; i--) {
        const cp_order *o = cp_world_pending(a->world, i);
        if (o->nation != p->seat) continue;
        char what[200];
        oui_describe(a->world, o, what, sizeof what);
        cp_error e;
        if (cp_world_withdraw(a->world, i, &e) == CP_OK) play_set_msg(p, 0, "Undone: %s", what);
        else play_set_msg(p, 1, "%s", e.message);
        return 1;
    }
    play_set_msg(p, 1, "Nothing to undo: you have queued no order this turn");
    return 1;
}

int play_event(ui_app *a, const SDL_Event *e)
{
    struct play_state *p = a->play;
    if (!p) return 0;
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode key = e->key.keysym.sym;
        Uint16 mod = e->key.keysym.mod;
        a->dirty = 1;
        if (p->confirm != CONFIRM_NONE) return confirm_key(a, key, mod); /* a question takes every key */
        if ((mod & KMOD_CTRL) && key == SDLK_q) return 0;
        if (p->phase == PH_START) return start_key(a, key);
        if (p->phase == PH_END) {
            if (a->show_help || a->show_briefing || key == SDLK_F12 || (mod & KMOD_CTRL)) return 0;
            return end_key(a, key);
        }
        if (p->phase == PH_HANDOVER) {
            if (a->show_briefing || a->show_help) return 0; /* the briefing over it closes first */
            if (key == SDLK_RETURN || key == SDLK_KP_ENTER || key == SDLK_SPACE) {
                p->phase = PH_GAME;
                play_sync_blocking(a);
            }
            return 1;
        }
        if (p->dialog == DLG_DEAL) return deal_key(a, key);
        if (p->dialog != DLG_NONE) return menu_key(a, e);
        if (a->show_help || a->show_briefing) return 0;
        if (report_pending(a)) { /* the report takes the keys: Enter, Space, Esc or R close it, PgUp/PgDn scroll it */
            if (key == SDLK_F12 || (mod & KMOD_CTRL)) return 0;
            if (report_scroll_key(a, key)) return 1;
            if (key == SDLK_RETURN || key == SDLK_KP_ENTER || key == SDLK_SPACE || key == SDLK_ESCAPE || key == SDLK_r)
                report_close(a);
            return 1;
        }
        if (mod & KMOD_CTRL) {
            if (key == SDLK_s) { play_open_dialog(a, DLG_SAVE); return 1; }
            if (key == SDLK_l) { play_open_dialog(a, DLG_LOAD); return 1; }
            if (key == SDLK_z && p->seat >= 0) return undo_last(a);
            return 0;
        }
        switch (key) {
        case SDLK_F10: play_open_dialog(a, DLG_MENU); return 1;
        case SDLK_r: return p->seat >= 0 && report_reopen(a);
        case SDLK_o:
            if (p->seat < 0) return 0;
            p->dock_open = !p->dock_open;
            return 1;
        case SDLK_w: /* What if? for the order in the open tab's form (whatif.c) */
            if (p->seat < 0 || !p->dock_open || p->tab == TAB_DEALS) return 0;
            p->whatif.request = 1;
            return 1;
        case SDLK_d:
            if (p->seat < 0) return 0;
            deal_open(a, a->selected >= 0 && a->selected != p->seat ? a->selected : -1, -1);
            return 1;
        default: return 0;
        }
    }
    if (e->type == SDL_TEXTINPUT && p->confirm != CONFIRM_NONE) return 1;
    if (e->type == SDL_TEXTINPUT && p->dialog == DLG_SAVE) return menu_key(a, e);
    if (e->type == SDL_TEXTINPUT && p->phase == PH_START && p->dialog == DLG_NONE) return start_text(a, e->text.text);
    return 0;
}
