/* news.c -- the news feed docked under the map: events and policy moves, newest first, as a row of
 * cards, filtered by kind (policies, plants, events, market, one nation) with this quarter's count
 * of each, and a nation's plant stage changes of one quarter folded into one card. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "formw.h"
#include "play.h"
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
    case CP_NEWS_DEAL: return COL_SELECT;
    default: return COL_ACCENT;
    }
}

static const char *kind_name(cp_news_kind k)
{
    switch (k) {
    case CP_NEWS_POLICY: return "POLICY";
    case CP_NEWS_EVENT: return "EVENT";
    case CP_NEWS_FACILITY: return "PLANT";
    case CP_NEWS_DEAL: return "DEAL";
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

/* The filters (views.h), in the order of their chips. */
static const char *const filter_names[NF_COUNT] = {"All", "Policies", "Deals", "Plants", "Events", "Market", "Mine"};
static const char *const filter_ids[NF_COUNT] = {"all", "policies", "deals", "plants", "events", "market", "mine"};

/* The nation "Mine" means: the human seat playing, else the nation selected, else none. */
static int mine_of(const ui_app *a)
{
    int seat = play_current_seat(a);
    return seat >= 0 ? seat : a->selected;
}

/* Item 'it' of the feed (a news index, or -1 - k for the k-th newest log line) as a news card. */
static const cp_news *item_news(const ui_app *a, int it, cp_news *scratch)
{
    if (it >= 0) return cp_world_news(a->world, it);
    const app_log_line *l = app_log_recent(a, -1 - it);
    memset(scratch, 0, sizeof *scratch);
    scratch->turn = l ? l->turn : 0;
    scratch->kind = CP_NEWS_EVENT;
    scratch->nation = scratch->good = -1;
    snprintf(scratch->text, sizeof scratch->text, "%s", l ? l->text : "");
    return scratch;
}

static int matches(int filter, const cp_news *n, int is_log, int mine)
{
    switch (filter) {
    case NF_POLICY: return !is_log && n->kind == CP_NEWS_POLICY;
    case NF_DEALS: return !is_log && n->kind == CP_NEWS_DEAL;
    case NF_PLANTS: return !is_log && n->kind == CP_NEWS_FACILITY;
    case NF_EVENTS: return is_log || n->kind == CP_NEWS_EVENT;
    case NF_MARKET: return !is_log && n->kind == CP_NEWS_MARKET;
    case NF_MINE: return mine >= 0 && (n->nation == mine || (!is_log && n->partner == mine));
    default: return 1;
    }
}

/* The cards the filter shows, newest first, and this quarter's count of each filter. Rebuilt
 * only when the feed, the filter or the nation "Mine" means changes. */
const news_card *news_cards(const ui_app *a, int *count, int quarter_counts[NF_COUNT])
{
    static news_card *cards;
    static int cap, n_cards, for_count = -1, for_filter = -1, for_mine = -2, for_log = -1, counts[NF_COUNT];
    static const cp_world *for_world;
    int items;
    const int *order = feed_order(a, &items);
    int mine = mine_of(a);
    if (for_world != a->world || for_count != items || for_filter != a->news_filter || for_mine != mine ||
        for_log != a->log_count) {
        if (items > cap) {
            int c = items * 2 + 64;
            news_card *g = realloc(cards, (size_t)c * sizeof *g);
            if (!g) {
                *count = 0;
                memset(quarter_counts, 0, sizeof(int) * NF_COUNT);
                return NULL;
            }
            cards = g;
            cap = c;
        }
        int T = cp_world_turn(a->world);
        memset(counts, 0, sizeof counts);
        n_cards = 0;
        int turn_first = 0; /* the first card of the quarter being filled */
        for (int k = 0; k < items && order; k++) {
            cp_news scratch;
            const cp_news *n = item_news(a, order[k], &scratch);
            int is_log = order[k] < 0;
            if (n->turn == T)
                for (int f = 0; f < NF_COUNT; f++) counts[f] += matches(f, n, is_log, mine);
            if (!matches(a->news_filter, n, is_log, mine)) continue;
            if (n_cards > 0 && item_news(a, cards[turn_first].item, &scratch)->turn != n->turn) turn_first = n_cards;
            int folded = 0;
            if (!is_log && n->routine && n->nation >= 0) /* plants moving on schedule (the core's flag) */
                for (int c = turn_first; c < n_cards && !folded; c++) {
                    const cp_news *o = cards[c].item >= 0 ? cp_world_news(a->world, cards[c].item) : NULL;
                    if (o && o->routine && o->kind == n->kind && o->nation == n->nation) {
                        cards[c].count++;
                        folded = 1;
                    }
                }
            if (!folded) cards[n_cards++] = (news_card){order[k], 1};
        }
        for_world = a->world;
        for_count = items;
        for_filter = a->news_filter;
        for_mine = mine;
        for_log = a->log_count;
    }
    memcpy(quarter_counts, counts, sizeof counts);
    *count = n_cards;
    return cards;
}

/* The stage changes a folded card stands for, one a line, for its tooltip. */
static void folded_list(const ui_app *a, const cp_news *first, char *out, size_t len)
{
    size_t used = 0;
    int shown = 0, more = 0;
    for (int i = cp_world_news_count(a->world) - 1; i >= 0; i--) {
        const cp_news *n = cp_world_news(a->world, i);
        if (n->turn < first->turn) break;
        if (n->turn != first->turn || !n->routine || n->kind != first->kind || n->nation != first->nation) continue;
        if (shown >= 12) {
            more++;
            continue;
        }
        int k = snprintf(out + used, len - used, "%s\xE2\x80\xA2 %s", shown ? "\n" : "", n->text);
        if (k < 0 || (size_t)k >= len - used) break;
        used += (size_t)k;
        shown++;
    }
    if (more && used + 32 < len) snprintf(out + used, len - used, "\nand %d more", more);
}

static void chip_label(const ui_app *a, int f, const int counts[NF_COUNT], char *label, size_t len)
{
    int mine = mine_of(a);
    if (f == NF_MINE && mine >= 0) snprintf(label, len, "%s %d", cp_world_nation(a->world, mine)->name, counts[f]);
    else snprintf(label, len, "%s %d", filter_names[f], counts[f]);
}

/* Where the chips do not all fit: one chip, the chosen filter, that steps to the next. */
static void filter_stepper(ui_app *a, int x, int right, int y, int h, const int counts[NF_COUNT])
{
    char label[120], fit[120], tip[400];
    chip_label(a, a->news_filter, counts, label, sizeof label);
    snprintf(label + strlen(label), sizeof label - strlen(label), " \xE2\x96\xB8");
    int w = text_width(a->text, FONT_BODY_BOLD, label) + app_px(a, 16); /* a button's font */
    if (w > right - x) w = right - x;
    if (w < app_px(a, 30)) return;
    text_fit(a->text, FONT_BODY_BOLD, label, w - app_px(a, 12), fit, sizeof fit);
    SDL_Rect chip = {x, y, w, h};
    size_t n = (size_t)snprintf(tip, sizeof tip, "This quarter:");
    for (int f = 0; f < NF_COUNT && n < sizeof tip; f++) {
        char one[96];
        chip_label(a, f, counts, one, sizeof one);
        n += (size_t)snprintf(tip + n, sizeof tip - n, "%s%s", f ? ", " : " ", one);
    }
    if (n < sizeof tip) snprintf(tip + n, sizeof tip - n, ".\nClick for the next kind of news.");
    if (fw_button(a, chip, fit, BTN_PRIMARY, tip, "News/Filter/next")) {
        int next = (a->news_filter + 1) % NF_COUNT;
        if (next == NF_MINE && mine_of(a) < 0) next = NF_ALL;
        a->news_filter = next;
        a->news_scroll = 0;
    }
}

/* The filter chips along the feed's header, from 'x' to 'right': each with this quarter's count.
 * When they do not all fit, one chip steps through them (filter_stepper): none is lost. */
static void filter_chips(ui_app *a, int x, int right, int y, int h, const int counts[NF_COUNT])
{
    int mine = mine_of(a), total = 0;
    for (int f = 0; f < NF_COUNT; f++) {
        char label[96];
        chip_label(a, f, counts, label, sizeof label);
        total += text_width(a->text, FONT_SMALL, label) + app_px(a, 18);
    }
    if (x + total > right) {
        filter_stepper(a, x, right, y, h, counts);
        return;
    }
    for (int f = 0; f < NF_COUNT; f++) {
        char label[96], id[40];
        chip_label(a, f, counts, label, sizeof label);
        int w = text_width(a->text, FONT_SMALL, label) + app_px(a, 14);
        SDL_Rect chip = {x, y, w, h};
        int on = a->news_filter == f, hover = app_hover(a, chip);
        draw_round(a->renderer, chip, app_px(a, 5), on ? COL_ACCENT : hover ? COL_PANEL_HOVER : COL_PANEL_RAISED);
        int usable = f != NF_MINE || mine >= 0;
        text_draw(a->text, FONT_SMALL, on ? COL_TEXT_ON_ACCENT : usable ? COL_TEXT : COL_TEXT_MUTED, label, x + w / 2,
                  y + (h - text_line_h(a->text, FONT_SMALL)) / 2, ALIGN_CENTER);
        snprintf(id, sizeof id, "News/Filter/%s", filter_ids[f]);
        char val[16];
        snprintf(val, sizeof val, "%d%s", counts[f], on ? " on" : "");
        fw_trace(a, id, val, chip);
        if (hover) {
            static const char *const tips[NF_COUNT] = {
                "Every card: policy moves, plants, events, market moves and the AI seats' lines",
                "Tariffs, export controls, bans, quotas and subsidies",
                "Deals proposed, answered (with the other side's reason), started, ended or broken",
                "Plants announced, permitted, built, started, idled or closed (a nation's plants moving on "
                "schedule in one quarter share one card)",
                "Floods, conflicts, summits, demand shocks, and what the AI seats logged",
                "Notable price moves and shortages",
                "Cards about your nation (or the one selected)"};
            char tip[300];
            snprintf(tip, sizeof tip, "%s.\n%d this quarter.%s", tips[f], counts[f],
                     usable ? "" : " Select a nation first.");
            app_tip_set(a, chip, filter_names[f], tip);
        }
        if (usable && app_click(a, chip)) {
            a->news_filter = f;
            a->news_scroll = 0;
        }
        x += w + app_px(a, 4);
    }
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
    int T = cp_world_turn(w);
    int counts[NF_COUNT], count;
    if (a->news_filter < 0 || a->news_filter >= NF_COUNT || (a->news_filter == NF_MINE && mine_of(a) < 0))
        a->news_filter = NF_ALL;
    const news_card *cards = news_cards(a, &count, counts);
    int pad = app_px(a, 12);
    int hy = rc.y + app_px(a, 7);
    const char *head = T > 0 && rc.w > app_px(a, 700) ? "NEWS THIS QUARTER" : "NEWS";
    int hw = text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, head, rc.x + pad, hy, ALIGN_LEFT);
    SDL_Rect hide = {rc.x + rc.w - pad - app_px(a, 52), rc.y + app_px(a, 3), app_px(a, 52), app_px(a, 22)};
    if (wdg_button(a, hide, "Hide", BTN_GHOST, "Hide the news feed (N)")) a->show_news = 0;
    filter_chips(a, rc.x + pad + hw + app_px(a, 10), hide.x - app_px(a, 8), rc.y + app_px(a, 4), app_px(a, 20), counts);

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
                          a->news_filter == NF_ALL
                              ? "Nothing yet. Policy moves, events and new plants appear here as the quarters pass."
                              : "Nothing of this kind yet: All shows every card.",
                          rc.x + pad, strip.y + app_px(a, 4), rc.w - 2 * pad);
        return;
    }
    SDL_RenderSetClipRect(r, &strip);
    int lh = text_line_h(a->text, FONT_SMALL);
    int first = a->news_scroll / (cw + gap);
    for (int k = first; k < count; k++) {
        int x = rc.x + pad + k * (cw + gap) - a->news_scroll;
        if (x > rc.x + rc.w) break;
        cp_news scratch;
        int is_log = cards[k].item < 0;
        const cp_news *n = item_news(a, cards[k].item, &scratch);
        int folded = cards[k].count > 1;
        SDL_Rect card = {x, strip.y, cw, strip.h};
        int hover = app_hover(a, card) && rect_has(strip, a->in.x, a->in.y);
        draw_round(r, card, app_px(a, 6), hover ? COL_PANEL_HOVER : COL_PANEL_RAISED);
        if (n->turn == T && T > 0) draw_fill(r, (SDL_Rect){card.x, card.y + app_px(a, 6), app_px(a, 3), card.h - app_px(a, 12)}, COL_ACCENT);
        char date[8];
        cp_world_date_text(w, n->turn, date, sizeof date);
        int tx = card.x + app_px(a, 10);
        tx += text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, date, tx, card.y + app_px(a, 5), ALIGN_LEFT) + app_px(a, 8);
        text_draw(a->text, FONT_SMALL, is_log ? COL_TEXT_MUTED : kind_colour(n->kind),
                  is_log ? "AI SEAT" : folded ? "PLANTS" : kind_name(n->kind), tx, card.y + app_px(a, 5), ALIGN_LEFT);
        const char *who = n->nation >= 0 && n->nation < cp_world_nation_count(w) ? cp_world_nation(w, n->nation)->name : NULL;
        char text[CP_TEXT_LEN + 96];
        if (folded)
            snprintf(text, sizeof text, "%s: %d plants moved on schedule. Latest: %s", who ? who : "?", cards[k].count, n->text);
        else
            snprintf(text, sizeof text, "%s", n->text);
        SDL_Rect body = {card.x, card.y, card.w, card.h - app_px(a, 4)};
        SDL_Rect clip;
        SDL_IntersectRect(&body, &strip, &clip);
        SDL_RenderSetClipRect(r, &clip);
        text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT, text, card.x + app_px(a, 10), card.y + lh + app_px(a, 8),
                          cw - app_px(a, 20));
        SDL_RenderSetClipRect(r, &strip);
        if (hover) {
            char tip[3200];
            if (folded) {
                char list[2800];
                folded_list(a, n, list, sizeof list);
                snprintf(tip, sizeof tip, "%s\n\nClick to open %s's panel.", list, who ? who : "the nation");
            } else if (who) snprintf(tip, sizeof tip, "%s\n\nClick to open %s's panel.", n->text, who);
            else snprintf(tip, sizeof tip, "%s", n->text);
            app_tip_set(a, card, date, tip);
        }
        if (n->nation >= 0 && rect_has(strip, a->in.x, a->in.y) && app_click(a, card)) app_select(a, n->nation);
    }
    SDL_RenderSetClipRect(r, NULL);
}
