/* hotseat.c -- the hand-over screen between human seats sharing one machine: it covers the whole
 * window, so the next player sees nothing of the previous player's orders and panels. */
#include <stdio.h>

#include "draw.h"
#include "formw.h"
#include "play_internal.h"
#include "theme.h"

void hotseat_draw(ui_app *a)
{
    struct play_state *p = a->play;
    draw_fill(a->renderer, (SDL_Rect){0, 0, a->out_w, a->out_h}, COL_OCEAN);
    a->modal = 1;
    char title[160], body[400], date[8];
    const char *name = play_nation_name(a, p->seat);
    snprintf(title, sizeof title, "Pass to %s", name);
    int t = cp_world_turn(a->world);
    int done = 0, total = 0;
    for (int n = 0; n < cp_world_nation_count(a->world); n++) {
        total += p->human[n] != 0;
        done += p->ended[n] != 0;
    }
    snprintf(body, sizeof body,
             "%s, %s. Player %d of %d this quarter.\n\nThe previous player's orders stay secret: they take effect "
             "together when the last player ends the turn.\n\nWhen %s is at the keyboard, press Enter or click Ready.",
             name, cp_world_date_text(a->world, t, date, sizeof date), done + 1, total, name);
    int w = app_px(a, 560), cx = a->out_w / 2;
    int y = a->out_h / 2 - app_px(a, 120);
    text_draw(a->text, FONT_SMALL, COL_ACCENT, "HOTSEAT", cx, y, ALIGN_CENTER);
    y += app_px(a, 24);
    text_draw(a->text, FONT_TITLE, COL_TEXT, title, cx, y, ALIGN_CENTER);
    y += app_px(a, 40);
    y += text_draw_wrapped(a->text, FONT_BODY, COL_TEXT_DIM, body, cx - w / 2, y, w) + app_px(a, 24);
    SDL_Rect ready = {cx - app_px(a, 80), y, app_px(a, 160), app_px(a, 40)};
    fw_trace(a, "Handover", cp_world_nation(a->world, p->seat)->iso3, ready);
    if (fw_button(a, ready, "Ready", BTN_PRIMARY, NULL, "Ready")) {
        p->phase = PH_GAME;
        play_sync_blocking(a);
    }
    a->modal = 0;
}
