/* start.c -- the start screen: choose a scenario (its briefing beside it), who plays each nation
 * (a human, the scenario's agent, another agent from scripts/agents/, or nobody), the seed, the
 * length and how well the AI nations play (the difficulty); or continue the newest autosave, or
 * load a saved game. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "formw.h"
#include "labels.h"
#include "play_internal.h"
#include "script.h"
#include "theme.h"

/* The chosen scenario, loaded to show its nations and briefing. */
static cp_scenario *preview;
static cps_scenario_info preview_info;
static int have_preview;

static void load_preview(ui_app *a)
{
    start_state *s = &a->play->start;
    if (s->loaded == s->scenario && have_preview) return;
    if (have_preview) cps_scenario_info_free(&preview_info);
    have_preview = 0;
    if (!preview) preview = malloc(sizeof *preview);
    char err[1024];
    s->msg[0] = '\0';
    if (!preview || cps_scenario_load(s->scenarios[s->scenario], preview, &preview_info, err, sizeof err) != 0) {
        snprintf(s->msg, sizeof s->msg, "%s", preview ? err : "out of memory");
        s->loaded = s->scenario;
        return;
    }
    have_preview = 1;
    s->loaded = s->scenario;
    s->turns = preview->default_turns;
    for (int n = 0; n < CP_MAX_NATIONS; n++) s->choice[n] = 1; /* the scenario's agent */
}

/* Each scenario's title, read once: a person picks "Baseline 2025: the chokepoint as it
 * stands", not "baseline". A scenario that does not load is listed by its file name (choosing
 * it shows why it does not load). */
static void load_titles(start_state *s)
{
    cp_scenario *sc = malloc(sizeof *sc);
    for (int i = 0; i < s->scenario_count; i++) {
        cps_scenario_info info;
        char err[256];
        snprintf(s->titles[i], sizeof s->titles[i], "%s", s->scenarios[i]);
        if (sc && cps_scenario_load(s->scenarios[i], sc, &info, err, sizeof err) == 0) {
            if (sc->title[0]) snprintf(s->titles[i], sizeof s->titles[i], "%.127s", sc->title);
            cps_scenario_info_free(&info);
        }
    }
    free(sc);
}

void start_init(ui_app *a)
{
    start_state *s = &a->play->start;
    s->scenario_count = cps_list_scripts("scripts/scenarios", s->scenarios, START_MAX_FILES);
    load_titles(s);
    s->agent_count = cps_list_scripts("scripts/agents", s->agents, START_MAX_AGENTS);
    s->scenario = 0;
    for (int i = 0; i < s->scenario_count; i++)
        if (strcmp(s->scenarios[i], "baseline") == 0) s->scenario = i;
    s->loaded = -1;
    s->seed = cp_world_seed(a->world);
    s->difficulty = a->difficulty; /* play --difficulty, or the last game's level */
    a->show_briefing = 0;
    if (s->scenario_count) load_preview(a);
}

/* Scenario files wrap their briefing at about 70 columns: join those lines
 * into paragraphs so the text wraps to the column it is drawn in. */
static void reflow(const char *in, char *out, size_t len)
{
    size_t k = 0;
    for (const char *c = in; *c && k + 1 < len; c++) {
        if (*c == '\n' && c[1] != '\n' && (c == in || c[-1] != '\n')) out[k++] = ' ';
        else out[k++] = *c;
    }
    out[k] = '\0';
}

/* The label of choice 'c' for nation 'n': "Human", an agent by its display name, the
 * scenario's own agent marked with a star (the screen explains it), or "Nobody". */
static const char *choice_label(const ui_app *a, int n, int c, char *buf, size_t len)
{
    const start_state *s = &a->play->start;
    if (c == 0) return "Human";
    if (c == 1) {
        char name[64];
        snprintf(buf, len, "%s *", label_agent(preview_info.agent[n], name, sizeof name));
        return buf;
    }
    if (c - 2 < s->agent_count) return label_agent(s->agents[c - 2], buf, len);
    return "Nobody";
}

/* Start the game chosen: an app_action, as it replaces the world (app_defer). */
static void begin(ui_app *a, int x, int y)
{
    (void)x;
    (void)y;
    struct play_state *p = a->play;
    start_state *s = &p->start;
    if (!have_preview) return;
    char err[1400];
    cp_scenario *sc = malloc(sizeof *sc);
    cps_scenario_info info;
    if (!sc || cps_scenario_load(s->scenarios[s->scenario], sc, &info, err, sizeof err) != 0) {
        snprintf(s->msg, sizeof s->msg, "%s", sc ? err : "out of memory");
        free(sc);
        return;
    }
    cp_error e;
    cp_world *w = cp_world_create(sc, (uint64_t)s->seed, &e);
    free(sc);
    if (!w) {
        snprintf(s->msg, sizeof s->msg, "%s", e.message);
        cps_scenario_info_free(&info);
        return;
    }
    static char text[CP_MAX_NATIONS][128];
    const char *assign[CP_MAX_NATIONS];
    int count = 0, human[CP_MAX_NATIONS] = {0};
    for (int n = 0; n < cp_world_nation_count(w); n++) {
        int c = s->choice[n];
        const char *iso = cp_world_nation(w, n)->iso3;
        if (c == 1) continue;
        if (c == 0) human[n] = 1;
        snprintf(text[count], sizeof text[count], "%s=%s", iso, c == 0 || c - 2 >= s->agent_count ? "none" : s->agents[c - 2]);
        assign[count] = text[count];
        count++;
    }
    a->difficulty = s->difficulty; /* the seats play_begin makes play at it */
    if (play_begin(a, w, &info, NULL, assign, count, human, s->turns, err, sizeof err) != 0) {
        snprintf(s->msg, sizeof s->msg, "%s", err);
        return;
    }
    /* in hotseat too: the briefing shows over the hand-over screen, for everyone at the table */
    a->show_briefing = a->info.briefing != NULL;
}

/* The newest autosave: an app_action, as it replaces the world (app_defer). */
static void continue_newest(ui_app *a, int x, int y)
{
    (void)x;
    (void)y;
    start_state *s = &a->play->start;
    char path[600], err[1200];
    if (saveload_newest_autosave(cps_saves_dir(), path, sizeof path) != 0) {
        snprintf(s->msg, sizeof s->msg, "No autosave in saves/ yet");
        return;
    }
    if (play_load_from(a, path, err, sizeof err) != 0) snprintf(s->msg, sizeof s->msg, "%s", err);
}

/* The load dialog, listing the replays in saves/ to watch. */
static void open_replays(ui_app *a)
{
    a->play->load_replays = 1;
    play_open_dialog(a, DLG_LOAD);
}

/* Stop typing the seed: keep what was typed (1 when nothing, or 0, was). */
static void seed_commit(start_state *s)
{
    if (!s->seed_typing) return;
    s->seed_typing = 0;
    SDL_StopTextInput();
    unsigned long long v = 0;
    for (const char *c = s->seed_text; *c; c++) v = v * 10 + (unsigned long long)(*c - '0');
    s->seed = v ? v : 1;
}

static void seed_begin(start_state *s)
{
    s->seed_typing = 1;
    snprintf(s->seed_text, sizeof s->seed_text, "%llu", s->seed);
    SDL_StartTextInput();
}

/* Digits typed into the seed field (a seed fits 19 digits); anything else is ignored. */
int start_text(ui_app *a, const char *text)
{
    start_state *s = &a->play->start;
    if (!s->seed_typing) return 1;
    size_t n = strlen(s->seed_text);
    for (const char *c = text; *c; c++)
        if (*c >= '0' && *c <= '9' && n < 19) {
            if (n == 1 && s->seed_text[0] == '0') n = 0; /* no leading zero */
            s->seed_text[n++] = *c;
            s->seed_text[n] = '\0';
        }
    return 1;
}

/* The levels in the order the start screen steps through them (Easy, Normal, Hard), and the
 * level 'step' places after 'd', wrapping round. */
static const cps_difficulty level_order[CPS_DIFFICULTY_COUNT] = {
    CPS_DIFFICULTY_EASY, CPS_DIFFICULTY_NORMAL, CPS_DIFFICULTY_HARD};

static cps_difficulty difficulty_step(cps_difficulty d, int step)
{
    int k = 0;
    while (k < CPS_DIFFICULTY_COUNT && level_order[k] != d) k++;
    k = ((k % CPS_DIFFICULTY_COUNT) + step % CPS_DIFFICULTY_COUNT + CPS_DIFFICULTY_COUNT) % CPS_DIFFICULTY_COUNT;
    return level_order[k];
}

int start_key(ui_app *a, SDL_Keycode key)
{
    struct play_state *p = a->play;
    start_state *st = &p->start;
    if (st->seed_typing && p->dialog != DLG_LOAD) {
        size_t n = strlen(st->seed_text);
        if (key == SDLK_BACKSPACE && n > 0) st->seed_text[n - 1] = '\0';
        else if (key == SDLK_ESCAPE) {
            st->seed_typing = 0; /* Esc: the seed as it was */
            SDL_StopTextInput();
        } else if (key == SDLK_RETURN || key == SDLK_KP_ENTER || key == SDLK_TAB)
            seed_commit(st);
        return 1;
    }
    if (p->dialog == DLG_LOAD) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = key;
        return menu_key(a, &e);
    }
    start_state *s = &p->start;
    if (key == SDLK_RETURN || key == SDLK_KP_ENTER) app_defer(a, begin, 0, 0);
    else if (key == SDLK_UP && s->scenario > 0) s->scenario--;
    else if (key == SDLK_DOWN && s->scenario + 1 < s->scenario_count) s->scenario++;
    else if (key == SDLK_c) app_defer(a, continue_newest, 0, 0);
    else if (key == SDLK_d) s->difficulty = difficulty_step(s->difficulty, 1);
    else if (key == SDLK_l) {
        p->load_replays = 0;
        play_open_dialog(a, DLG_LOAD);
    } else if (key == SDLK_r) open_replays(a);
    else if (key == SDLK_ESCAPE) a->quit = 1;
    if (s->loaded != s->scenario) load_preview(a);
    return 1;
}

/* 1 when the bottom's choices (seed, length, difficulty) and its four buttons do not fit one
 * row of a window 'W' pixels wide: the choices then go on a row of their own above the buttons. */
static int bottom_two_rows(ui_app *a, int W, int pad)
{
    int choices_w = app_px(a, 300) + 2 * app_px(a, 280) + 2 * app_px(a, 20);
    int buttons_w = 4 * app_px(a, 130) + 3 * app_px(a, 10);
    return pad + choices_w + app_px(a, 20) + buttons_w > W - pad;
}

void start_draw(ui_app *a)
{
    struct play_state *p = a->play;
    start_state *s = &p->start;
    SDL_Renderer *r = a->renderer;
    draw_fill(r, (SDL_Rect){0, 0, a->out_w, a->out_h}, COL_OCEAN);
    a->show_briefing = a->show_help = 0; /* the briefing shows beside the scenario here */
    a->modal = p->dialog == DLG_NONE;
    int pad = app_px(a, 28), W = a->out_w, H = a->out_h;
    int y = app_px(a, 20);
    text_draw(a->text, FONT_HEAD, COL_ACCENT, "CHOKEPOINT", pad, y, ALIGN_LEFT);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "rare earths, trade and leverage", pad + text_width(a->text, FONT_HEAD, "CHOKEPOINT") + app_px(a, 12),
              y + app_px(a, 3), ALIGN_LEFT);
    y += app_px(a, 30);
    text_draw(a->text, FONT_TITLE, COL_TEXT, "New game", pad, y, ALIGN_LEFT);
    y += app_px(a, 40);
    /* where the lists end: above the bottom row, or the two rows a narrow window needs (the
     * same sums as the bottom's below) */
    int bottom = H - app_px(a, 76);
    if (bottom_two_rows(a, W, pad)) bottom -= app_px(a, 36) + app_px(a, 12);

    /* left: scenarios and the briefing */
    int lw = app_px(a, 400);
    int ly = y + fw_section(a, pad, y, lw, "SCENARIO");
    for (int i = 0; i < s->scenario_count; i++) {
        char id[96];
        snprintf(id, sizeof id, "Start/Scenario/%s", s->scenarios[i]);
        SDL_Rect row = {pad, ly, lw, app_px(a, 28)};
        fw_trace(a, id, s->titles[i], row);
        char fit[128];
        text_fit(a->text, FONT_BODY, s->titles[i], row.w - app_px(a, 24), fit, sizeof fit);
        if (wdg_row(a, row, fit, i == s->scenario, strcmp(fit, s->titles[i]) ? s->titles[i] : NULL)) s->scenario = i;
        ly += app_px(a, 30);
    }
    if (s->loaded != s->scenario) load_preview(a);
    ly += app_px(a, 12);
    if (have_preview) {
        ly += text_draw_wrapped(a->text, FONT_BODY_BOLD, COL_TEXT, preview->title, pad, ly, lw) + app_px(a, 8);
        char from[160];
        snprintf(from, sizeof from, "scripts/scenarios/%s.lua", s->scenarios[s->scenario]);
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, from, pad, ly, ALIGN_LEFT);
        ly += text_line_h(a->text, FONT_SMALL) + app_px(a, 6);
        SDL_Rect clip = {pad, ly, lw, bottom - ly - app_px(a, 8)};
        SDL_RenderSetClipRect(r, &clip);
        static char flow[4096];
        reflow(preview_info.briefing ? preview_info.briefing : "This scenario has no briefing.", flow, sizeof flow);
        text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT_DIM, flow, pad, ly, lw);
        SDL_RenderSetClipRect(r, NULL);
    }

    /* right: who plays each nation */
    int rx = pad + lw + app_px(a, 32), rw = W - rx - pad;
    int ry = y + fw_section(a, rx, y, rw, "WHO PLAYS EACH NATION  (click the arrows; Human for a seat of your own)");
    if (have_preview) {
        int n = preview->nation_count, rows = (n + 1) / 2;
        int colw = (rw - app_px(a, 20)) / 2, rh = app_px(a, 30);
        if (rows * rh > bottom - ry) rh = (bottom - ry) / (rows ? rows : 1);
        int options = 2 + s->agent_count + 1;
        int namew = 0; /* the names' column: the longest name, up to half the column */
        for (int i = 0; i < n; i++) {
            int tw = text_width(a->text, FONT_SMALL, preview->nations[i].name);
            if (tw > namew) namew = tw;
        }
        namew += app_px(a, 10);
        if (namew > colw / 2) namew = colw / 2;
        for (int i = 0; i < n; i++) {
            int cx = rx + (i / rows) * (colw + app_px(a, 20)), cy = ry + (i % rows) * rh;
            char name[64], buf[96], id[64];
            text_fit(a->text, FONT_SMALL, preview->nations[i].name, namew - app_px(a, 6), name, sizeof name);
            SDL_Rect name_rc = {cx, cy, namew, rh - app_px(a, 4)};
            text_draw(a->text, FONT_SMALL, s->choice[i] == 0 ? COL_ACCENT : COL_TEXT, name, cx,
                      cy + (rh - app_px(a, 4) - text_line_h(a->text, FONT_SMALL)) / 2, ALIGN_LEFT);
            if (strcmp(name, preview->nations[i].name) != 0 && app_hover(a, name_rc))
                app_tip_set(a, name_rc, preview->nations[i].name, NULL);
            snprintf(id, sizeof id, "Start/Seat/%s", preview->nations[i].iso3);
            int d = fw_choice(a, (SDL_Rect){cx + namew, cy, colw - namew, rh - app_px(a, 4)}, NULL,
                              choice_label(a, i, s->choice[i], buf, sizeof buf), NULL, id);
            if (d) s->choice[i] = (s->choice[i] + d + options) % options;
        }
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "* the scenario's own agent for that nation", rx, ry + rows * rh + app_px(a, 4),
                  ALIGN_LEFT);
    } else if (s->msg[0]) {
        text_draw_wrapped(a->text, FONT_SMALL, COL_BAD, s->msg, rx, ry, rw);
    }

    /* bottom: seed, length, difficulty and the ways in; on a window too narrow for one row (a
     * projector's 1280x720 at scale 1.5) the choices sit on a row above the buttons */
    int bh = app_px(a, 36), gap = app_px(a, 20);
    int seed_w = app_px(a, 300), len_w = app_px(a, 280), diff_w = app_px(a, 280);
    int choices_w = seed_w + len_w + diff_w + 2 * gap;
    int two_rows = bottom_two_rows(a, W, pad);
    if (choices_w > W - 2 * pad) {
        /* narrower still: closer together, the seed (a short number) gives up its room first,
         * down to its label, arrows and 60 points, then the three shrink alike */
        gap = app_px(a, 8);
        int room = W - 2 * pad - 2 * gap;
        int seed_min = app_px(a, 92) + 2 * bh + app_px(a, 60);
        int over = seed_w + len_w + diff_w - room;
        int take = over < seed_w - seed_min ? over : seed_w - seed_min;
        if (take > 0) seed_w -= take;
        int sum = seed_w + len_w + diff_w;
        if (sum > room) {
            seed_w = seed_w * room / sum;
            len_w = len_w * room / sum;
            diff_w = diff_w * room / sum;
        }
        choices_w = seed_w + len_w + diff_w + 2 * gap;
    }
    int by = H - app_px(a, 58);                            /* the buttons' row */
    int cy = two_rows ? by - bh - app_px(a, 12) : by;      /* the choices' row */
    char v[64];
    if (s->seed_typing) snprintf(v, sizeof v, "%s|", s->seed_text);
    else snprintf(v, sizeof v, "%llu", s->seed);
    SDL_Rect seed_rc = {pad, cy, seed_w, bh};
    int d = fw_choice(a, seed_rc, "Seed", v,
                      "Fixes every random draw: the same seed and orders replay the same game. Click to type one.",
                      "Start/Seed");
    /* the value between the arrows takes a click: type a seed (Enter keeps it, Esc goes back) */
    SDL_Rect seed_box = {seed_rc.x + app_px(a, 92) + bh, cy, seed_rc.w - app_px(a, 92) - 2 * bh, bh};
    fw_trace(a, "Start/SeedField", s->seed_typing ? "typing" : "", seed_box);
    if (s->seed_typing) draw_frame(r, seed_box, COL_ACCENT);
    if (app_click(a, seed_box)) {
        if (s->seed_typing) seed_commit(s);
        else seed_begin(s);
    } else if (s->seed_typing && a->in.clicked) seed_commit(s); /* a click elsewhere keeps what was typed */
    if (d) {
        seed_commit(s);
        s->seed = d < 0 && s->seed <= 1 ? 1 : s->seed + (unsigned long long)(long long)d;
    }
    snprintf(v, sizeof v, "%d quarters", s->turns);
    d = fw_choice(a, (SDL_Rect){pad + seed_w + gap, cy, len_w, bh}, "Length", v, "Turns are quarters", "Start/Length");
    if (d) s->turns = s->turns + 4 * d < 4 ? 4 : s->turns + 4 * d > 200 ? 200 : s->turns + 4 * d;
    static const char *const level_label[CPS_DIFFICULTY_COUNT] = {
        [CPS_DIFFICULTY_EASY] = "Easy", [CPS_DIFFICULTY_NORMAL] = "Normal", [CPS_DIFFICULTY_HARD] = "Hard"};
    d = fw_choice(a, (SDL_Rect){pad + seed_w + len_w + 2 * gap, cy, diff_w, bh}, "Difficulty",
                  level_label[s->difficulty],
                  "How well the AI nations play (D). Easy: they decide less often and react late. "
                  "Hard: they look ahead before their big moves. The rules are the same at every level.",
                  "Start/Difficulty");
    if (d) s->difficulty = difficulty_step(s->difficulty, d);
    int msg_x = two_rows ? pad + choices_w + gap : pad + app_px(a, 620);
    if (s->msg[0] && have_preview)
        text_draw_wrapped(a->text, FONT_SMALL, COL_BAD, s->msg, msg_x, cy - app_px(a, 40),
                          W - pad - msg_x); /* above the buttons on its right */
    int bw = app_px(a, 130);
    SDL_Rect go = {W - pad - bw, by, bw, bh};
    if (fw_button(a, go, "Start", BTN_PRIMARY, "Begin the game (Enter)", "Start/Go")) app_defer(a, begin, 0, 0);
    SDL_Rect load = {go.x - app_px(a, 10) - bw, by, bw, bh};
    if (p->phase == PH_START && fw_button(a, load, "Load\xE2\x80\xA6", BTN_SECONDARY, "A saved game from saves/ (L)", "Start/Load")) {
        p->load_replays = 0;
        play_open_dialog(a, DLG_LOAD);
    }
    SDL_Rect cont = {load.x - app_px(a, 10) - bw, by, bw, bh};
    if (p->phase == PH_START && fw_button(a, cont, "Continue", BTN_SECONDARY, "The newest autosave (C)", "Start/Continue"))
        app_defer(a, continue_newest, 0, 0);
    SDL_Rect watch = {cont.x - app_px(a, 10) - bw, by, bw, bh};
    if (p->phase == PH_START &&
        fw_button(a, watch, "Watch replay\xE2\x80\xA6", BTN_SECONDARY,
                  "Step through a recorded game from saves/, with what each agent did every turn (R)", "Start/Replay"))
        open_replays(a);
    a->modal = 0;
    if (p->phase == PH_START && p->dialog == DLG_LOAD) menu_draw(a);
}
