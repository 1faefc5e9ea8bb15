/* news.c -- the news feed docked under the map: events and policy moves, newest first, as a row of cards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "theme.h"
#include "views.h"
#include "widgets.h"

enum { CARD_W = 290 };

static SDL_Color kind_colour(cp_news_kind k)
{
    switch (k) {
    case CP_NEWS_POLICY: return COL_WARN;
    case CP_NEWS_EVENT: return COL_BAD;
    case CP_NEWS_FACILITY: return COL_GOOD;
    default: return COL_ACCENT;
    }
}

static const char *kind_name(cp_news_kind k)
{
    switch (k) {
    case CP_NEWS_POLICY: return "POLICY";
    case CP_NEWS_EVENT: return "EVENT";
    case CP_NEWS_FACILITY: return "FACILITY";
    default: return "MARKET";
    }
}

/* The feed's items newest first: the core's news (index >= 0) and the AI
 * seats' log lines (-1 - k for the k-th most recent), a log line placed
 * after the news of its quarter. Rebuilt only when either list grows. */
static const int *feed_order(const ui_app *a, int *count)
{
    static int *order, cap, for_news = -1, for_log = -1;
    static const ui_app *for_app;
    static const cp_world *for_world;
    int nn = cp_world_news_count(a->world);
    int nl = a->log_count < APP_LOG_MAX ? a->log_count : APP_LOG_MAX;
    if (for_app != a || for_world != a->world || nn != for_news || a->log_count != for_log) {
        if (nn + nl > cap) {
            int c = (nn + nl) * 2 + 64;
            int *o = realloc(order, (size_t)c * sizeof *o);
            if (!o) {
                *count = 0;
                return NULL;
            }
            order = o;
            cap = c;
        }
        int i = nn - 1, k = 0, m = 0;
        while (i >= 0 || k < nl) {
            const app_log_line *l = k < nl ? app_log_recent(a, k) : NULL;
            if (l && (i < 0 || l->turn >= cp_world_news(a->world, i)->turn)) order[m++] = -1 - k++;
            else order[m++] = i--;
        }
        for_app = a;
        for_world = a->world;
        for_news = nn;
        for_log = a->log_count;
    }
    *count = nn + nl;
    return order;
}

/* Cards run from the newest at the left; the wheel scrolls back in time.
 * Only the cards in view are drawn, so a long game's feed costs no more per
 * frame than a short one's. A card about a nation opens its panel on click;
 * the latest quarter's cards are marked with a bar. */
void news_draw(ui_app *a, SDL_Rect rc)
{
    if (rc.w <= 0 || rc.h <= 0) return;
    SDL_Renderer *r = a->renderer;
    draw_fill(r, rc, COL_BAR);
    draw_hline(r, rc.x, rc.x + rc.w, rc.y, COL_BORDER);
    const cp_world *w = a->world;
    int count, T = cp_world_turn(w);
    const int *order = feed_order(a, &count);
    int pad = app_px(a, 12);
    int fresh = 0;
    for (int i = cp_world_news_count(w) - 1; i >= 0 && cp_world_news(w, i)->turn == T; i--) fresh++;
    char head[96];
    if (T > 0) snprintf(head, sizeof head, "NEWS \xC2\xB7 %d this quarter \xC2\xB7 %d in all", fresh, count);
    else snprintf(head, sizeof head, "NEWS");
    int hy = rc.y + app_px(a, 7);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, head, rc.x + pad, hy, ALIGN_LEFT);
    SDL_Rect hide = {rc.x + rc.w - pad - app_px(a, 52), rc.y + app_px(a, 3), app_px(a, 52), app_px(a, 22)};
    if (wdg_button(a, hide, "Hide", BTN_GHOST, "Hide the news feed (N)")) a->show_news = 0;

    SDL_Rect strip = {rc.x, rc.y + app_px(a, 28), rc.w, rc.h - app_px(a, 28) - app_px(a, 8)};
    int cw = app_px(a, CARD_W), gap = app_px(a, 8);
    a->news_content_h = count * (cw + gap) + pad;
    if (a->in.wheel != 0 && !a->in.wheel_used && app_hover(a, rc)) {
        a->news_scroll -= (int)(a->in.wheel * (cw + gap) / 2);
        a->in.wheel_used = 1;
    }
    if (a->news_scroll > a->news_content_h - strip.w) a->news_scroll = a->news_content_h - strip.w;
    if (a->news_scroll < 0) a->news_scroll = 0;
    if (count == 0) {
        text_draw_wrapped(a->text, FONT_BODY, COL_TEXT_MUTED,
                          "Nothing yet. Policy moves, events and new plants appear here as the quarters pass.",
                          rc.x + pad, strip.y + app_px(a, 4), rc.w - 2 * pad);
        return;
    }
    SDL_RenderSetClipRect(r, &strip);
    int lh = text_line_h(a->text, FONT_SMALL);
    int first = a->news_scroll / (cw + gap);
    for (int k = first; k < count; k++) {
        int x = rc.x + pad + k * (cw + gap) - a->news_scroll;
        if (x > rc.x + rc.w) break;
        cp_news agent_line; /* a log line shown as a news card */
        const cp_news *n;
        int is_log = order[k] < 0;
        if (is_log) {
            const app_log_line *l = app_log_recent(a, -1 - order[k]);
            memset(&agent_line, 0, sizeof agent_line);
            agent_line.turn = l->turn;
            agent_line.kind = CP_NEWS_EVENT;
            agent_line.nation = agent_line.good = -1;
            snprintf(agent_line.text, sizeof agent_line.text, "%s", l->text);
            n = &agent_line;
        } else {
            n = cp_world_news(w, order[k]);
        }
        SDL_Rect card = {x, strip.y, cw, strip.h};
        int hover = app_hover(a, card) && rect_has(strip, a->in.x, a->in.y);
        draw_round(r, card, app_px(a, 6), hover ? COL_PANEL_HOVER : COL_PANEL_RAISED);
        if (n->turn == T && T > 0) draw_fill(r, (SDL_Rect){card.x, card.y + app_px(a, 6), app_px(a, 3), card.h - app_px(a, 12)}, COL_ACCENT);
        char date[8];
        cp_world_date_text(w, n->turn, date, sizeof date);
        int tx = card.x + app_px(a, 10);
        tx += text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, date, tx, card.y + app_px(a, 5), ALIGN_LEFT) + app_px(a, 8);
        text_draw(a->text, FONT_SMALL, is_log ? COL_TEXT_MUTED : kind_colour(n->kind), is_log ? "AI SEAT" : kind_name(n->kind),
                  tx, card.y + app_px(a, 5), ALIGN_LEFT);
        SDL_Rect body = {card.x, card.y, card.w, card.h - app_px(a, 4)};
        SDL_Rect clip;
        SDL_IntersectRect(&body, &strip, &clip);
        SDL_RenderSetClipRect(r, &clip);
        text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT, n->text, card.x + app_px(a, 10), card.y + lh + app_px(a, 8),
                          cw - app_px(a, 20));
        SDL_RenderSetClipRect(r, &strip);
        if (hover) {
            const char *who = n->nation >= 0 && n->nation < cp_world_nation_count(w) ? cp_world_nation(w, n->nation)->name : NULL;
            char tip[400];
            if (who) snprintf(tip, sizeof tip, "%s\n\nClick to open %s's panel.", n->text, who);
            else snprintf(tip, sizeof tip, "%s", n->text);
            app_tip_set(a, card, date, tip);
        }
        if (n->nation >= 0 && rect_has(strip, a->in.x, a->in.y) && app_click(a, card)) app_select(a, n->nation);
    }
    SDL_RenderSetClipRect(r, NULL);
}
