/* confirm.c -- the questions the window asks before what cannot be taken back: ending the turn
 * with Space (a key pressed by accident as easily as on purpose) or with an order composed in the
 * dock and never queued, and quitting with quarters played since the game was last saved. The
 * question is a card in the window's own style over everything else; Enter says yes, Esc no. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "formw.h"
#include "play_internal.h"
#include "teacher.h"
#include "theme.h"

/* Show the question 'kind' with 'text'; whatever else covered the window (help, briefing, the
 * teacher's panel) closes, and nothing under the card answers the mouse. */
static void ask(ui_app *a, confirm_kind kind, const char *text)
{
    struct play_state *p = a->play;
    p->confirm = kind;
    snprintf(p->confirm_text, sizeof p->confirm_text, "%s", text);
    a->show_help = a->show_briefing = 0;
    a->teacher_open = 0;
    play_sync_blocking(a);
    a->dirty = 1;
}

static void close_question(ui_app *a)
{
    a->play->confirm = CONFIRM_NONE;
    play_sync_blocking(a);
    a->dirty = 1;
}

/* The forms of the seat that were changed and not queued, in words; returns how many. */
static int drafts(const ui_app *a, char *out, size_t len)
{
    const struct play_state *p = a->play;
    static const char *tabs[TAB_COUNT] = {"Build", "Plants", "Tariffs", "Exports", "Stockpile", "Support", "Security", "Deals"};
    int n = 0;
    size_t used = 0;
    out[0] = '\0';
    for (int t = 0; t < TAB_COUNT && p->seat >= 0; t++) {
        if (!p->touched[t]) continue;
        char what[200];
        oui_describe(a->world, &p->form_draft[t], what, sizeof what);
        int k = snprintf(out + used, len - used, "%s\xE2\x80\xA2 %s: %s", n ? "\n" : "", tabs[t], what);
        if (k > 0 && used + (size_t)k < len) used += (size_t)k;
        n++;
    }
    return n;
}

int play_ask_end_turn(ui_app *a, int by_space)
{
    struct play_state *p = a->play;
    if (!p || a->replay || p->phase != PH_GAME || p->dialog != DLG_NONE || p->confirm != CONFIRM_NONE) return 0;
    if (a->teacher && a->teacher->paused) return 0; /* ui_end_turn says why it does not */
    if (end_game_over(a)) return 0; /* no turn to end: End turn shows the results */
    char list[900], text[1400];
    int n = drafts(a, list, sizeof list);
    if (n > 0) {
        snprintf(text, sizeof text,
                 "%s in the dock but never queued; ending the turn now loses %s:\n\n%s\n\nGo back and press Queue "
                 "order to keep %s.",
                 n == 1 ? "You composed an order" : "You composed orders", n == 1 ? "it" : "them", list,
                 n == 1 ? "it" : "them");
        ask(a, CONFIRM_END_TURN, text);
        return 1;
    }
    if (!by_space) return 0;
    int queued = 0;
    for (int i = 0; i < cp_world_pending_count(a->world); i++) queued += p->seat < 0 || cp_world_pending(a->world, i)->nation == p->seat;
    char date[8];
    if (p->seat >= 0)
        snprintf(text, sizeof text, "%s ends its turn for %s with %d order%s queued.", play_nation_name(a, p->seat),
                 cp_world_date_text(a->world, cp_world_turn(a->world), date, sizeof date), queued, queued == 1 ? "" : "s");
    else
        snprintf(text, sizeof text, "The quarter %s resolves: the agents play their seats.",
                 cp_world_date_text(a->world, cp_world_turn(a->world), date, sizeof date));
    size_t used = strlen(text);
    snprintf(text + used, sizeof text - used, "\n\nSpace asks first; Enter and the End turn button end the turn at once.");
    ask(a, CONFIRM_END_TURN, text);
    return 1;
}

int play_ask_quit(ui_app *a)
{
    struct play_state *p = a->play;
    if (!p || a->replay || p->phase == PH_START || !a->world) return 0;
    int unsaved = cp_world_turn(a->world) - p->saved_turn;
    if (unsaved == 0) return 0;
    if (p->confirm == CONFIRM_QUIT) return 0; /* asked already: Ctrl+Q again, or the window's close, quits */
    char text[1600];
    int n = unsaved < 0 ? -unsaved : unsaved;
    snprintf(text, sizeof text, "%d quarter%s played since this game was last saved, started or loaded.", n,
             n == 1 ? " was" : "s were");
    if (p->autosave[0]) {
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used,
                 " The newest autosave keeps turn %d (%s): Continue on the start screen opens it.", p->autosave_turn,
                 p->autosave);
    }
    ask(a, CONFIRM_QUIT, text);
    return 1;
}

/* The player's answer: 1 yes, 2 save first (quitting), 0 no. */
static void answer(ui_app *a, int yes)
{
    struct play_state *p = a->play;
    confirm_kind kind = p->confirm;
    close_question(a);
    if (!yes) return;
    if (kind == CONFIRM_END_TURN) {
        ui_end_turn(a); /* from the card's button: once the frame is drawn */
    } else if (kind == CONFIRM_QUIT && yes == 2) {
        play_open_dialog(a, DLG_SAVE);
        p->quit_after_save = 1;
    } else if (kind == CONFIRM_QUIT) {
        a->quit = 1;
    }
}

int confirm_key(ui_app *a, SDL_Keycode key, Uint16 mod)
{
    struct play_state *p = a->play;
    int quit = p->confirm == CONFIRM_QUIT;
    if (key == SDLK_F12) return 0; /* a screenshot of the question is harmless */
    if (key == SDLK_ESCAPE || key == SDLK_n) answer(a, 0);
    else if (key == SDLK_RETURN || key == SDLK_KP_ENTER || key == SDLK_y) answer(a, 1);
    else if (!quit && key == SDLK_SPACE) answer(a, 1);          /* Space, Space ends the turn */
    else if (quit && key == SDLK_q && (mod & KMOD_CTRL)) answer(a, 1); /* Ctrl+Q twice quits */
    else if (quit && key == SDLK_s) answer(a, 2);
    return 1;
}

void confirm_draw(ui_app *a)
{
    struct play_state *p = a->play;
    if (p->confirm == CONFIRM_NONE) return;
    int quit = p->confirm == CONFIRM_QUIT;
    a->modal = 1;
    int pad = app_px(a, 24), w1 = 560;
    int cw = app_px(a, w1);
    if (cw > a->out_w - app_px(a, 24)) cw = a->out_w - app_px(a, 24); /* as fw_modal_card fits it */
    int wrap = cw - 2 * pad;
    int th = text_wrapped_height(a->text, FONT_BODY, p->confirm_text, wrap);
    int h = app_px(a, 20) + text_line_h(a->text, FONT_TITLE) + app_px(a, 14) + th + app_px(a, 24) + app_px(a, 36) + pad;
    SDL_Rect card = fw_modal_card(a, w1, (int)(h / a->scale + 0.5f)); /* its sizes are at 1x */
    int x = card.x + pad, y = card.y + app_px(a, 20);
    const char *title = quit ? "Quit without saving?" : "End the turn?";
    text_draw(a->text, FONT_TITLE, COL_TEXT, title, x, y, ALIGN_LEFT);
    fw_trace(a, "Confirm", quit ? "quit" : "end-turn", card);
    y += text_line_h(a->text, FONT_TITLE) + app_px(a, 14);
    SDL_Rect body = {x, y, wrap, card.y + card.h - pad - app_px(a, 36) - app_px(a, 12) - y};
    SDL_RenderSetClipRect(a->renderer, &body);
    text_draw_wrapped(a->text, FONT_BODY, COL_TEXT_DIM, p->confirm_text, x, y, wrap);
    SDL_RenderSetClipRect(a->renderer, NULL);
    fw_trace(a, "Confirm/Text", p->confirm_text, body);
    int bh = app_px(a, 36), gap = app_px(a, 10), by = card.y + card.h - pad - bh;
    int bw = app_px(a, quit ? 110 : 130);
    SDL_Rect yes = {card.x + card.w - pad - bw, by, bw, bh};
    int choice = -1;
    if (fw_button(a, yes, quit ? "Quit" : "End turn", BTN_PRIMARY, quit ? "Enter, or Ctrl+Q again" : "Enter or Space",
                  "Confirm/Yes"))
        choice = 1;
    SDL_Rect no = {yes.x - gap - app_px(a, 110), by, app_px(a, 110), bh};
    if (fw_button(a, no, quit ? "Cancel" : "Go back", BTN_SECONDARY, "Esc", "Confirm/No")) choice = 0;
    if (quit) {
        SDL_Rect save = {no.x - gap - app_px(a, 150), by, app_px(a, 150), bh};
        if (fw_button(a, save, "Save and quit\xE2\x80\xA6", BTN_SECONDARY, "Save under a name, then quit (S)",
                      "Confirm/Save"))
            choice = 2;
    }
    a->modal = 0;
    if (choice >= 0) answer(a, choice);
}
