/* formw.c -- form controls for the play layer's dock and dialogs, each traced for tests. */
#include "formw.h"

#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "theme.h"
#include "trace.h"

void fw_trace(ui_app *a, const char *id, const char *value, SDL_Rect rc)
{
    (void)a;
    trace_add(id, value, rc);
}

int fw_button(ui_app *a, SDL_Rect rc, const char *label, btn_style style, const char *tip, const char *id)
{
    fw_trace(a, id, label, rc);
    return wdg_button(a, rc, label, style, tip);
}

int fw_choice(ui_app *a, SDL_Rect rc, const char *label, const char *value, const char *tip, const char *id)
{
    int lw = label && label[0] ? app_px(a, 92) : 0;
    int bw = rc.h;
    if (lw) {
        int ly = rc.y + (rc.h - text_line_h(a->text, FONT_SMALL)) / 2;
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, label, rc.x, ly, ALIGN_LEFT);
    }
    SDL_Rect box = {rc.x + lw, rc.y, rc.w - lw, rc.h};
    draw_round(a->renderer, box, app_px(a, 6), COL_PANEL_RAISED);
    SDL_Rect prev = {box.x, box.y, bw, box.h}, next = {box.x + box.w - bw, box.y, bw, box.h};
    SDL_Rect mid = {prev.x + bw, box.y, box.w - 2 * bw, box.h};
    char shown[160];
    text_fit(a->text, FONT_BODY_BOLD, value, mid.w - app_px(a, 6), shown, sizeof shown);
    text_draw(a->text, FONT_BODY_BOLD, COL_TEXT, shown, mid.x + mid.w / 2,
              mid.y + (mid.h - text_line_h(a->text, FONT_BODY)) / 2, ALIGN_CENTER);
    if (tip && app_hover(a, mid)) app_tip_set(a, mid, label, tip);
    char pid[96], nid[96];
    snprintf(pid, sizeof pid, "%s/<", id ? id : "?");
    snprintf(nid, sizeof nid, "%s/>", id ? id : "?");
    fw_trace(a, id, value, mid);
    int r = 0;
    if (fw_button(a, prev, "\xE2\x80\xB9", BTN_GHOST, NULL, pid)) r = -1;
    if (fw_button(a, next, "\xE2\x80\xBA", BTN_GHOST, NULL, nid)) r = 1;
    return r;
}

int fw_section(ui_app *a, int x, int y, int w, const char *title)
{
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, title, x, y, ALIGN_LEFT);
    int tw = text_width(a->text, FONT_SMALL, title);
    draw_hline(a->renderer, x + tw + app_px(a, 8), x + w, y + text_line_h(a->text, FONT_SMALL) / 2, COL_BORDER);
    return app_px(a, 22);
}

SDL_Rect fw_modal_card(ui_app *a, int w_1x, int h_1x)
{
    draw_fill(a->renderer, (SDL_Rect){0, 0, a->out_w, a->out_h}, RGBA(0, 0, 0, 160));
    int w = app_px(a, w_1x), h = app_px(a, h_1x);
    if (w > a->out_w - app_px(a, 24)) w = a->out_w - app_px(a, 24);
    if (h > a->out_h - app_px(a, 24)) h = a->out_h - app_px(a, 24);
    SDL_Rect rc = {(a->out_w - w) / 2, (a->out_h - h) / 2, w, h};
    draw_panel(a->renderer, rc, app_px(a, 12), COL_PANEL_SOLID, COL_BORDER);
    return rc;
}
