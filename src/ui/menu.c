/* menu.c -- the game menu (save, load, help, quit) and its save and load dialogs. Saves go into
 * saves/ in the command line's format (saveload.h). */
#define _POSIX_C_SOURCE 200809L /* localtime_r */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "formw.h"
#include "play_internal.h"
#include "replay_view.h"
#include "theme.h"

static void do_save(ui_app *a)
{
    struct play_state *p = a->play;
    char path[1024], err[600];
    if (saveload_path_for(p->save_name, path, sizeof path, err, sizeof err) != 0 ||
        play_save_to(a, path, err, sizeof err) != 0) {
        snprintf(p->menu_msg, sizeof p->menu_msg, "%s", err);
        return;
    }
    char msg[1100];
    snprintf(msg, sizeof msg, "Saved: %s", path);
    int quit = p->quit_after_save; /* "Save and quit" in the quit question */
    play_open_dialog(a, DLG_NONE);
    app_toast(a, msg);
    printf("chokepoint: saved %s\n", path);
    fflush(stdout);
    if (quit) a->quit = 1;
}

/* Load save (or watch replay) 'i' of the list: an app_action, as it replaces
 * the world (app_defer). */
static void do_load(ui_app *a, int i, int unused)
{
    (void)unused;
    struct play_state *p = a->play;
    if (i < 0 || i >= p->file_count) return;
    char err[1200], path[900];
    snprintf(path, sizeof path, "%s", p->files[i].path);
    if (p->load_replays) { /* watch it: the replay viewer takes the window */
        if (replay_view_open(a, path, err, sizeof err) != 0) {
            snprintf(p->menu_msg, sizeof p->menu_msg, "%s", err);
            return;
        }
        printf("chokepoint: watching %s\n", path);
        fflush(stdout);
        return;
    }
    if (play_load_from(a, path, err, sizeof err) != 0) {
        snprintf(p->menu_msg, sizeof p->menu_msg, "%s", err);
        return;
    }
    char msg[700];
    snprintf(msg, sizeof msg, "Loaded %s", p->files[i].name);
    app_toast(a, msg);
    printf("chokepoint: loaded %s\n", path);
    fflush(stdout);
}

/* Remove the last character of 'name', all of its UTF-8 bytes: a byte at a time would leave a
 * broken character in the file's name ("keepm\xC3.cpsave" after typing 'é' and Backspace). */
static void backspace_utf8(char *name)
{
    size_t n = strlen(name);
    while (n > 0 && ((unsigned char)name[n - 1] & 0xC0) == 0x80) n--; /* continuation bytes */
    if (n > 0) n--;                                                     /* the lead byte */
    name[n] = '\0';
}

int menu_key(ui_app *a, const SDL_Event *e)
{
    struct play_state *p = a->play;
    if (e->type == SDL_TEXTINPUT) {
        size_t len = strlen(p->save_name), add = strlen(e->text.text);
        if (len + add < sizeof p->save_name) memcpy(p->save_name + len, e->text.text, add + 1);
        return 1;
    }
    SDL_Keycode key = e->key.keysym.sym;
    if (key == SDLK_ESCAPE) {
        play_open_dialog(a, DLG_NONE);
        return 1;
    }
    switch (p->dialog) {
    case DLG_SAVE:
        if (key == SDLK_BACKSPACE) backspace_utf8(p->save_name);
        if (key == SDLK_RETURN || key == SDLK_KP_ENTER) do_save(a);
        return 1;
    case DLG_LOAD:
        if (key == SDLK_DOWN && p->file_sel + 1 < p->file_count) p->file_sel++;
        if (key == SDLK_UP && p->file_sel > 0) p->file_sel--;
        if (key == SDLK_RETURN || key == SDLK_KP_ENTER) app_defer(a, do_load, p->file_sel, 0);
        return 1;
    case DLG_MENU:
        if (key == SDLK_s) play_open_dialog(a, DLG_SAVE);
        if (key == SDLK_l) {
            p->load_replays = 0;
            play_open_dialog(a, DLG_LOAD);
        }
        if (key == SDLK_q) {
            play_open_dialog(a, DLG_NONE);
            if (!play_ask_quit(a)) a->quit = 1;
        }
        return 1;
    default: return 1;
    }
}

/* Take the selected nation's seat from its agent, or give the current seat back to the
 * scenario's agent: a player joins or leaves mid-game (cps_seats_assign). An app_action: the
 * seat playing changes, and with it the dock the rest of the frame would draw. */
static void swap_seat(ui_app *a, int n, int to_human)
{
    struct play_state *p = a->play;
    char err[600];
    const char *agent = to_human || !a->have_info ? "" : a->info.agent[n];
    if (!a->seats || cps_seats_assign(a->seats, n, agent, err, sizeof err) != 0) {
        snprintf(p->menu_msg, sizeof p->menu_msg, "%s", a->seats ? err : "no seats in this game");
        return;
    }
    p->human[n] = to_human;
    play_open_dialog(a, DLG_NONE);
    play_seats_changed(a);
}

static void menu_main(ui_app *a)
{
    struct play_state *p = a->play;
    int sel = a->selected;
    int take = sel >= 0 && !p->human[sel], give = p->seat >= 0;
    SDL_Rect card = fw_modal_card(a, 380, 354 + (take ? 48 : 0) + (give ? 48 : 0) + (p->menu_msg[0] ? 40 : 0));
    int pad = app_px(a, 24), bh = app_px(a, 38), gap = app_px(a, 10);
    int x = card.x + pad, y = card.y + app_px(a, 20), w = card.w - 2 * pad;
    text_draw(a->text, FONT_TITLE, COL_TEXT, "Menu", x, y, ALIGN_LEFT);
    y += app_px(a, 40);
    /* the game's difficulty: chosen on the start screen, kept by its saves */
    static const char *const level_text[CPS_DIFFICULTY_COUNT] = {
        [CPS_DIFFICULTY_EASY] = "AI nations: easy", [CPS_DIFFICULTY_NORMAL] = "AI nations: normal",
        [CPS_DIFFICULTY_HARD] = "AI nations: hard"};
    SDL_Rect level_rc = {x, y, w, text_line_h(a->text, FONT_SMALL)};
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, level_text[a->difficulty], x, y, ALIGN_LEFT);
    fw_trace(a, "Menu/Difficulty", cps_difficulty_name(a->difficulty), level_rc);
    if (app_hover(a, level_rc))
        app_tip_set(a, level_rc, "Difficulty",
                    "How well the nations agents play, chosen on the start screen (play --difficulty); "
                    "a saved game keeps it. The rules are the same at every level.");
    y += app_px(a, 24);
    if (fw_button(a, (SDL_Rect){x, y, w, bh}, "Save game\xE2\x80\xA6   Ctrl+S", BTN_SECONDARY, NULL, "Menu/Save")) {
        play_open_dialog(a, DLG_SAVE);
        return;
    }
    y += bh + gap;
    if (fw_button(a, (SDL_Rect){x, y, w, bh}, "Load game\xE2\x80\xA6   Ctrl+L", BTN_SECONDARY, NULL, "Menu/Load")) {
        p->load_replays = 0;
        play_open_dialog(a, DLG_LOAD);
        return;
    }
    y += bh + gap;
    if (fw_button(a, (SDL_Rect){x, y, w, bh}, "Keys and help   H", BTN_SECONDARY, NULL, "Menu/Help")) {
        play_open_dialog(a, DLG_NONE);
        a->show_help = 1;
        return;
    }
    y += bh + gap;
    char label[160];
    if (take) {
        snprintf(label, sizeof label, "Play %s yourself", play_nation_name(a, sel));
        if (fw_button(a, (SDL_Rect){x, y, w, bh}, label, BTN_SECONDARY,
                      "Take this seat from its agent (select a nation on the map first)", "Menu/Take")) {
            app_defer(a, swap_seat, sel, 1);
            return;
        }
        y += bh + gap;
    }
    if (give) {
        snprintf(label, sizeof label, "Hand %s to its agent", play_nation_name(a, p->seat));
        if (fw_button(a, (SDL_Rect){x, y, w, bh}, label, BTN_SECONDARY,
                      "The scenario's agent plays this nation from now on", "Menu/Give")) {
            app_defer(a, swap_seat, p->seat, 0);
            return;
        }
        y += bh + gap;
    }
    if (fw_button(a, (SDL_Rect){x, y, w, bh}, "Quit   Ctrl+Q", BTN_SECONDARY,
                  "Asks first when quarters were played since the game was last saved", "Menu/Quit")) {
        play_open_dialog(a, DLG_NONE); /* the question, if any, over the game rather than the menu */
        if (!play_ask_quit(a)) a->quit = 1;
        return;
    }
    y += bh + gap;
    if (fw_button(a, (SDL_Rect){x, y, w, bh}, "Back to the game   Esc", BTN_PRIMARY, NULL, "Menu/Back"))
        play_open_dialog(a, DLG_NONE);
    y += bh + gap;
    if (p->menu_msg[0]) text_draw_wrapped(a->text, FONT_SMALL, COL_BAD, p->menu_msg, x, y, w);
}

static void menu_save(ui_app *a)
{
    struct play_state *p = a->play;
    SDL_Rect card = fw_modal_card(a, 520, 250);
    int pad = app_px(a, 24), x = card.x + pad, y = card.y + app_px(a, 20), w = card.w - 2 * pad;
    text_draw(a->text, FONT_TITLE, COL_TEXT, "Save the game", x, y, ALIGN_LEFT);
    y += app_px(a, 40);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "Name (type it; saved into saves/ as NAME.cpsave)", x, y, ALIGN_LEFT);
    y += app_px(a, 20);
    SDL_Rect field = {x, y, w, app_px(a, 34)};
    draw_round(a->renderer, field, app_px(a, 6), COL_PANEL_RAISED);
    char shown[80];
    snprintf(shown, sizeof shown, "%s%s", p->save_name, (a->now_ms / 500) % 2 ? "|" : " ");
    text_draw(a->text, FONT_BODY, COL_TEXT, shown, field.x + app_px(a, 10), field.y + app_px(a, 8), ALIGN_LEFT);
    fw_trace(a, "Save/Name", p->save_name, field);
    a->dirty = 1; /* the caret blinks */
    y += field.h + app_px(a, 10);
    if (p->menu_msg[0]) text_draw_wrapped(a->text, FONT_SMALL, COL_BAD, p->menu_msg, x, y, w);
    int bw = app_px(a, 120), bh = app_px(a, 36);
    SDL_Rect go = {card.x + card.w - pad - bw, card.y + card.h - pad - bh, bw, bh};
    if (fw_button(a, go, "Save", BTN_PRIMARY, "Enter", "Save/Go")) do_save(a);
    if (fw_button(a, (SDL_Rect){go.x - bw - app_px(a, 10), go.y, bw, bh}, "Cancel", BTN_SECONDARY, "Esc", "Save/Cancel"))
        play_open_dialog(a, DLG_NONE);
}

static void menu_load(ui_app *a)
{
    struct play_state *p = a->play;
    SDL_Rect card = fw_modal_card(a, 620, 520);
    int pad = app_px(a, 24), x = card.x + pad, y = card.y + app_px(a, 20), w = card.w - 2 * pad;
    text_draw(a->text, FONT_TITLE, COL_TEXT, p->load_replays ? "Watch a replay" : "Load a game", x, y, ALIGN_LEFT);
    y += app_px(a, 40);
    if (p->file_count == 0)
        text_draw_wrapped(a->text, FONT_BODY, COL_TEXT_DIM,
                          p->load_replays ? "No replays in saves/ yet. Record one with: chokepoint sim --record "
                                            "saves/NAME.cprep (or tournament --replays saves)"
                                          : "No saved games in saves/ yet.",
                          x, y, w);
    int rh = app_px(a, 30), bottom = card.y + card.h - pad - app_px(a, 50);
    for (int i = 0; i < p->file_count && y + rh <= bottom; i++) {
        char label[400], when[40];
        time_t t = (time_t)p->files[i].mtime;
        struct tm tmv;
        localtime_r(&t, &tmv);
        strftime(when, sizeof when, "%d %b %H:%M", &tmv);
        snprintf(label, sizeof label, "%s   \xC2\xB7 %s", p->files[i].name, when);
        char id[32];
        snprintf(id, sizeof id, "Load/%d", i);
        fw_trace(a, id, p->files[i].name, (SDL_Rect){x, y, w, rh - 2});
        if (wdg_row(a, (SDL_Rect){x, y, w, rh - 2}, label, i == p->file_sel, NULL)) {
            /* a second click on the same row within 400 ms loads it */
            static Uint32 last_ms;
            static int last_row = -1;
            if (last_row == i && a->now_ms - last_ms < 400) {
                last_row = -1;
                app_defer(a, do_load, i, 0);
                return;
            }
            last_row = i;
            last_ms = a->now_ms;
            p->file_sel = i;
        }
        y += rh;
    }
    if (p->menu_msg[0]) text_draw_wrapped(a->text, FONT_SMALL, COL_BAD, p->menu_msg, x, bottom + app_px(a, 4), w - app_px(a, 280));
    int bw = app_px(a, 120), bh = app_px(a, 36);
    SDL_Rect go = {card.x + card.w - pad - bw, card.y + card.h - pad - bh, bw, bh};
    if (fw_button(a, go, p->load_replays ? "Watch" : "Load", p->file_count ? BTN_PRIMARY : BTN_SECONDARY,
                  "Enter, or double-click a row", "Load/Go"))
        app_defer(a, do_load, p->file_sel, 0);
    if (fw_button(a, (SDL_Rect){go.x - bw - app_px(a, 10), go.y, bw, bh}, "Cancel", BTN_SECONDARY, "Esc", "Load/Cancel"))
        play_open_dialog(a, DLG_NONE);
}

void menu_draw(ui_app *a)
{
    struct play_state *p = a->play;
    a->modal = 1;
    switch (p->dialog) {
    case DLG_MENU: menu_main(a); break;
    case DLG_SAVE: menu_save(a); break;
    case DLG_LOAD: menu_load(a); break;
    default: break;
    }
    a->modal = 0;
}
