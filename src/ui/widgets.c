/* widgets.c -- buttons, tabs and choice rows drawn and hit-tested in the same pass. */
#include "widgets.h"

#include "draw.h"
#include "theme.h"

int wdg_button(ui_app *a, SDL_Rect rc, const char *label, btn_style style, const char *tip)
{
    int hover = app_hover(a, rc);
    int pressed = hover && a->in.down;
    SDL_Color fill, fg;
    switch (style) {
    case BTN_PRIMARY:
        fill = hover ? COL_ACCENT_HOVER : COL_ACCENT;
        if (pressed) fill = RGBA(70, 150, 200, 255);
        fg = COL_TEXT_ON_ACCENT;
        break;
    case BTN_SECONDARY:
        fill = hover ? COL_PANEL_HOVER : COL_PANEL_RAISED;
        fg = COL_TEXT;
        break;
    default:
        fill = hover ? COL_PANEL_HOVER : RGBA(0, 0, 0, 0);
        fg = hover ? COL_TEXT : COL_TEXT_DIM;
        break;
    }
    if (fill.a) draw_round(a->renderer, rc, app_px(a, 6), fill);
    if (style == BTN_SECONDARY) {
        /* a hairline border keeps a secondary button visible on panels */
        SDL_Color b = COL_BORDER;
        draw_hline(a->renderer, rc.x + app_px(a, 4), rc.x + rc.w - app_px(a, 4), rc.y + rc.h - 1, b);
    }
    font_id f = style == BTN_PRIMARY ? FONT_HEAD : FONT_BODY;
    int lh = text_line_h(a->text, f);
    text_draw(a->text, f, fg, label, rc.x + rc.w / 2, rc.y + (rc.h - lh) / 2, ALIGN_CENTER);
    if (hover && tip) app_tip_set(a, rc, NULL, tip);
    return app_click(a, rc);
}

int wdg_tab(ui_app *a, SDL_Rect rc, const char *label, int active, const char *tip)
{
    int hover = app_hover(a, rc);
    SDL_Color fg = active ? COL_TEXT : hover ? COL_TEXT : COL_TEXT_DIM;
    int lh = text_line_h(a->text, FONT_BODY_BOLD);
    text_draw(a->text, active ? FONT_BODY_BOLD : FONT_BODY, fg, label, rc.x + rc.w / 2,
              rc.y + (rc.h - lh) / 2, ALIGN_CENTER);
    if (active) {
        SDL_Rect u = {rc.x + app_px(a, 8), rc.y + rc.h - app_px(a, 3), rc.w - app_px(a, 16), app_px(a, 3)};
        draw_round(a->renderer, u, app_px(a, 1), COL_ACCENT);
    } else if (hover) {
        SDL_Rect u = {rc.x + app_px(a, 8), rc.y + rc.h - app_px(a, 2), rc.w - app_px(a, 16), app_px(a, 2)};
        draw_fill(a->renderer, u, COL_BORDER);
    }
    if (hover && tip) app_tip_set(a, rc, NULL, tip);
    return app_click(a, rc);
}

int wdg_segments_width(ui_app *a, const char *const *labels, int n)
{
    int w = 0;
    for (int i = 0; i < n; i++) w += text_width(a->text, FONT_BODY, labels[i]) + app_px(a, 24);
    return w;
}

/* The segments share the width in proportion to their labels' widths. */
int wdg_segments(ui_app *a, SDL_Rect rc, const char *const *labels, int n, int active,
                 const char *const *tips)
{
    int hit = -1;
    draw_round(a->renderer, rc, app_px(a, 7), COL_PANEL_RAISED);
    int total = wdg_segments_width(a, labels, n);
    int x = rc.x;
    int lh = text_line_h(a->text, FONT_BODY);
    for (int i = 0; i < n; i++) {
        int w = i == n - 1 ? rc.x + rc.w - x
                           : (int)((long)rc.w * (text_width(a->text, FONT_BODY, labels[i]) + app_px(a, 24)) / total);
        SDL_Rect s = {x, rc.y, w, rc.h};
        SDL_Rect in = {s.x + app_px(a, 2), s.y + app_px(a, 2), s.w - app_px(a, 4), s.h - app_px(a, 4)};
        int hover = app_hover(a, s);
        if (i == active) draw_round(a->renderer, in, app_px(a, 6), COL_ACCENT);
        else if (hover) draw_round(a->renderer, in, app_px(a, 6), COL_PANEL_HOVER);
        text_draw(a->text, i == active ? FONT_BODY_BOLD : FONT_BODY,
                  i == active ? COL_TEXT_ON_ACCENT : hover ? COL_TEXT : COL_TEXT_DIM, labels[i],
                  s.x + s.w / 2, s.y + (s.h - lh) / 2, ALIGN_CENTER);
        if (hover && tips && tips[i]) app_tip_set(a, s, NULL, tips[i]);
        if (app_click(a, s)) hit = i;
        x += w;
    }
    return hit;
}

int wdg_row(ui_app *a, SDL_Rect rc, const char *label, int active, const char *tip)
{
    int hover = app_hover(a, rc);
    if (active) draw_round(a->renderer, rc, app_px(a, 5), COL_PANEL_HOVER);
    else if (hover) draw_round(a->renderer, rc, app_px(a, 5), COL_PANEL_RAISED);
    if (active) {
        SDL_Rect bar = {rc.x, rc.y + app_px(a, 4), app_px(a, 3), rc.h - app_px(a, 8)};
        draw_fill(a->renderer, bar, COL_ACCENT);
    }
    int lh = text_line_h(a->text, FONT_BODY);
    text_draw(a->text, active ? FONT_BODY_BOLD : FONT_BODY, active || hover ? COL_TEXT : COL_TEXT_DIM,
              label, rc.x + app_px(a, 12), rc.y + (rc.h - lh) / 2, ALIGN_LEFT);
    if (hover && tip) app_tip_set(a, rc, NULL, tip);
    return app_click(a, rc);
}

int wdg_keycap(ui_app *a, int x, int y, const char *key)
{
    int w = text_width(a->text, FONT_SMALL, key) + app_px(a, 12);
    int h = text_line_h(a->text, FONT_SMALL) + app_px(a, 4);
    SDL_Rect rc = {x, y, w, h};
    draw_round(a->renderer, rc, app_px(a, 4), COL_BORDER);
    SDL_Rect in = {x + 1, y + 1, w - 2, h - 3};
    draw_round(a->renderer, in, app_px(a, 4), COL_PANEL_RAISED);
    text_draw(a->text, FONT_SMALL, COL_TEXT, key, x + w / 2, y + app_px(a, 1), ALIGN_CENTER);
    return w;
}
