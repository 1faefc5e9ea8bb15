/* teacher_panel.c -- drawing the teacher's controls: the Teacher button and the "Paused"
 * badge in the top bar, and the panel itself (seed, pause, debrief pack, seat, policy lock,
 * event injection). Every button calls an action of teacher.c; nothing here decides a rule. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "formw.h"
#include "labels.h"
#include "teacher.h"
#include "theme.h"
#include "widgets.h"

/* ◀ label ▶ over 'rc': steps '*value' through 0..n-1; returns 1 when it moved. */
static int cycler(ui_app *a, SDL_Rect rc, const char *label, int *value, int n, const char *tip)
{
    int bw = rc.h;
    SDL_Rect l = {rc.x, rc.y, bw, rc.h}, r = {rc.x + rc.w - bw, rc.y, bw, rc.h};
    SDL_Rect mid = {rc.x + bw + app_px(a, 4), rc.y, rc.w - 2 * bw - app_px(a, 8), rc.h};
    draw_round(a->renderer, mid, app_px(a, 6), COL_PANEL_RAISED);
    char fit[160];
    text_fit(a->text, FONT_BODY_BOLD, label, mid.w - app_px(a, 12), fit, sizeof fit);
    text_draw(a->text, FONT_BODY_BOLD, COL_TEXT, fit, mid.x + mid.w / 2, mid.y + (mid.h - text_line_h(a->text, FONT_BODY_BOLD)) / 2,
              ALIGN_CENTER);
    int moved = 0;
    if (wdg_button(a, l, "\xE2\x97\x80", BTN_SECONDARY, tip)) *value = (*value + n - 1) % n, moved = 1;
    if (wdg_button(a, r, "\xE2\x96\xB6", BTN_SECONDARY, tip)) *value = (*value + 1) % n, moved = 1;
    return moved;
}

static int section(ui_app *a, int x, int y, int w, const char *title)
{
    text_draw(a->text, FONT_HEAD, COL_TEXT, title, x, y, ALIGN_LEFT);
    y += text_line_h(a->text, FONT_HEAD) + app_px(a, 2);
    draw_hline(a->renderer, x, x + w, y, COL_BORDER);
    return y + app_px(a, 8);
}

/* Where the Teacher button sits: left of the top bar's Briefing button
 * (topbar.c: End turn 132, help 34, Briefing 92, gaps of 8, at 1x). */
static SDL_Rect bar_button(const ui_app *a)
{
    SDL_Rect top = a->lay.top;
    int bh = app_px(a, 34), by = top.y + (top.h - bh) / 2;
    int right = top.x + top.w - app_px(a, 16) - app_px(a, 132) - app_px(a, 8) - bh - app_px(a, 8) - app_px(a, 92) -
                app_px(a, 8);
    int w = app_px(a, 88);
    return (SDL_Rect){right - w, by, w, bh};
}

void teacher_draw_bar(ui_app *a)
{
    if (a->replay) return; /* a replay cannot be changed: no teacher controls */
    SDL_Rect b = bar_button(a);
    if (b.x >= 0 && /* the top bar keeps its room (topbar.c) */
        fw_button(a, b, "Teacher", a->teacher_open ? BTN_PRIMARY : BTN_SECONDARY,
                  "Teacher controls: pause, inject an event, reassign a seat, lock a policy, the seed, the "
                  "debrief pack (F2 or Ctrl+T)", "Teacher"))
        a->teacher_open = !a->teacher_open;
    if (!a->teacher || !a->teacher->paused) return;
    /* "Paused" over the End turn button, which refuses while it shows */
    SDL_Rect top = a->lay.top;
    int bh = app_px(a, 34);
    SDL_Rect end = {top.x + top.w - app_px(a, 16) - app_px(a, 132), top.y + (top.h - bh) / 2, app_px(a, 132), bh};
    draw_round(a->renderer, end, app_px(a, 6), COL_WARN);
    int lh = text_line_h(a->text, FONT_HEAD);
    text_draw(a->text, FONT_HEAD, COL_TEXT_ON_ACCENT, "Paused", end.x + end.w / 2, end.y + (bh - lh) / 2,
              ALIGN_CENTER);
    if (app_hover(a, end))
        app_tip_set(a, end, "Paused by the teacher",
                    "End turn is blocked until the teacher resumes the game: P, or Resume in the teacher "
                    "controls (F2).");
}

/* Seed, pause and the debrief pack. */
static int game_section(ui_app *a, teacher_state *t, int x, int y, int w)
{
    y = section(a, x, y, w, "The game");
    char seed[64], line[300], date[8];
    snprintf(seed, sizeof seed, "Seed %llu", (unsigned long long)cp_world_seed(a->world));
    int sw = text_draw(a->text, FONT_TITLE, COL_ACCENT, seed, x, y, ALIGN_LEFT);
    int t0 = cp_world_turn(a->world);
    snprintf(line, sizeof line, "%s \xC2\xB7 %s, turn %d of %d. Write the seed on the board: the same scenario, seed "
                                "and decisions replay the same game.",
             cp_world_scenario(a->world)->name, cp_world_date_text(a->world, t0, date, sizeof date), t0,
             a->scenario->default_turns);
    text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT_DIM, line, x + sw + app_px(a, 16), y, w - sw - app_px(a, 16));
    y += text_line_h(a->text, FONT_TITLE) + app_px(a, 12);
    int bh = app_px(a, 34);
    SDL_Rect pause = {x, y, app_px(a, 150), bh};
    if (wdg_button(a, pause, t->paused ? "Resume (P)" : "Pause (P)", t->paused ? BTN_PRIMARY : BTN_SECONDARY,
                   "While paused, End turn is refused: the class can look, talk and decide without the game "
                   "moving on."))
        teacher_set_paused(a, !t->paused);
    SDL_Rect pack = {pause.x + pause.w + app_px(a, 10), y, app_px(a, 230), bh};
    if (wdg_button(a, pack, "Write debrief pack (Ctrl+D)", BTN_SECONDARY,
                   "Charts (PNG), the CSV files and a one-page summary.html with the debrief questions, into "
                   "saves/debrief-<scenario>-seed<k>-t<turn>/. Written by itself at the scenario's last quarter too."))
        teacher_debrief(a);
    const char *state = t->paused ? "Paused: End turn is blocked." : "Playing.";
    text_draw(a->text, FONT_BODY, t->paused ? COL_WARN : COL_TEXT_DIM, state, pack.x + pack.w + app_px(a, 14),
              y + (bh - text_line_h(a->text, FONT_BODY)) / 2, ALIGN_LEFT);
    return y + bh + app_px(a, 14);
}

/* The chosen nation: who plays it, and its policy lock. */
static int nation_section(ui_app *a, teacher_state *t, int x, int y, int w)
{
    int nn = cp_world_nation_count(a->world);
    y = section(a, x, y, w, "A nation");
    int bh = app_px(a, 32);
    if (t->nation >= nn) t->nation = 0;
    cycler(a, (SDL_Rect){x, y, app_px(a, 280), bh}, cp_world_nation(a->world, t->nation)->name, &t->nation, nn,
           "The nation the seat, lock and event controls act on");
    char who[300], line[400];
    teacher_seat_text(a, t->nation, who, sizeof who);
    snprintf(line, sizeof line, "Played by %s. Policy %s.", who,
             cp_world_policy_locked(a->world, t->nation) ? "locked" : "free");
    text_draw(a->text, FONT_BODY, COL_TEXT_DIM, line, x + app_px(a, 296), y + (bh - text_line_h(a->text, FONT_BODY)) / 2,
              ALIGN_LEFT);
    y += bh + app_px(a, 10);
    /* the seat */
    int bx = x;
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "Seat", bx, y + (bh - text_line_h(a->text, FONT_SMALL)) / 2, ALIGN_LEFT);
    bx += app_px(a, 60);
    SDL_Rect person = {bx, y, app_px(a, 110), bh};
    if (wdg_button(a, person, "A person", BTN_SECONDARY, "A student plays this nation from the window (a human seat)"))
        teacher_seat(a, t->nation, NULL);
    SDL_Rect dflt = {person.x + person.w + app_px(a, 8), y, app_px(a, 150), bh};
    const char *scen_agent = a->have_info ? a->info.agent[t->nation] : "";
    if (wdg_button(a, dflt, "Scenario's agent", BTN_SECONDARY, "The AI agent the scenario names for this nation")) {
        if (scen_agent[0]) teacher_seat(a, t->nation, scen_agent);
        else teacher_seat(a, t->nation, "");
    }
    SDL_Rect pick = {dflt.x + dflt.w + app_px(a, 8), y, app_px(a, 220), bh};
    if (t->agent_count > 0) {
        if (t->agent >= t->agent_count) t->agent = 0;
        char shown[64];
        cycler(a, pick, label_agent(t->agents[t->agent], shown, sizeof shown), &t->agent, t->agent_count,
               "Another agent from scripts/agents/");
        SDL_Rect go = {pick.x + pick.w + app_px(a, 6), y, app_px(a, 60), bh};
        if (wdg_button(a, go, "Seat", BTN_SECONDARY, "Seat this agent in the nation now (its init runs at once)"))
            teacher_seat(a, t->nation, t->agents[t->agent]);
        pick.w += go.w + app_px(a, 6);
    }
    SDL_Rect none = {pick.x + pick.w + app_px(a, 8), y, app_px(a, 90), bh};
    if (none.x + none.w <= x + w &&
        wdg_button(a, none, "Nobody", BTN_GHOST, "No agent and no player: the nation keeps its policies"))
        teacher_seat(a, t->nation, "");
    y += bh + app_px(a, 8);
    /* the lock */
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "Policy", x, y + (bh - text_line_h(a->text, FONT_SMALL)) / 2, ALIGN_LEFT);
    int locked = cp_world_policy_locked(a->world, t->nation);
    SDL_Rect lock = {x + app_px(a, 60), y, app_px(a, 150), bh};
    if (wdg_button(a, lock, locked ? "Unlock policy" : "Lock policy", locked ? BTN_PRIMARY : BTN_SECONDARY,
                   "A locked nation cannot change its tariffs, export controls, quotas, taxes, subsidies, price "
                   "floors, tracking or technology ban: every such order is refused with a message."))
        teacher_lock(a, t->nation, !locked);
    char list[300] = "Locked now: ";
    size_t n = strlen(list);
    int any = 0;
    for (int i = 0; i < nn && n < sizeof list - 8; i++)
        if (cp_world_policy_locked(a->world, i)) n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", any++ ? ", " : "", cp_world_nation(a->world, i)->name);
    if (!any) snprintf(list + n, sizeof list - n, "none");
    text_draw(a->text, FONT_SMALL, COL_TEXT_DIM, list, lock.x + lock.w + app_px(a, 14),
              y + (bh - text_line_h(a->text, FONT_SMALL)) / 2, ALIGN_LEFT);
    return y + bh + app_px(a, 14);
}

/* Choose an event and inject it for the chosen nation. */
static int event_section(ui_app *a, teacher_state *t, int x, int y, int w)
{
    int nn = cp_world_nation_count(a->world);
    y = section(a, x, y, w, "Inject an event (it happens when this turn ends)");
    const char *labels[TE_COUNT];
    for (int e = 0; e < TE_COUNT; e++) labels[e] = teacher_event_label((teacher_event)e);
    int bh = app_px(a, 32);
    int sw = wdg_segments_width(a, labels, TE_COUNT);
    int hit = wdg_segments(a, (SDL_Rect){x, y, sw, bh}, labels, TE_COUNT, t->event, NULL);
    if (hit >= 0) t->event = hit;
    y += bh + app_px(a, 8);
    char what[400];
    snprintf(what, sizeof what, "%s: %s", cp_world_nation(a->world, t->nation)->name,
             teacher_event_description((teacher_event)t->event));
    y += text_draw_wrapped(a->text, FONT_SMALL, COL_TEXT_DIM, what, x, y, w) + app_px(a, 8);
    int bx = x;
    if (t->event == TE_SUMMIT) {
        if (t->partner >= nn) t->partner = 0;
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "Partner", bx, y + (bh - text_line_h(a->text, FONT_SMALL)) / 2,
                  ALIGN_LEFT);
        cycler(a, (SDL_Rect){bx + app_px(a, 60), y, app_px(a, 260), bh}, cp_world_nation(a->world, t->partner)->name,
               &t->partner, nn, "The nation whose imports the controls are suspended for");
        bx += app_px(a, 340);
    } else if (t->event == TE_PRICE_FLOOR) {
        const char *goods[CP_GOOD_COUNT];
        for (int g = 0; g < CP_GOOD_COUNT; g++) goods[g] = label_good_short((cp_good)g);
        text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, "Good", bx, y + (bh - text_line_h(a->text, FONT_SMALL)) / 2,
                  ALIGN_LEFT);
        int gw = wdg_segments_width(a, goods, CP_GOOD_COUNT);
        int g = wdg_segments(a, (SDL_Rect){bx + app_px(a, 60), y, gw, bh}, goods, CP_GOOD_COUNT, t->good, NULL);
        if (g >= 0) t->good = g;
        bx += app_px(a, 60) + gw + app_px(a, 20);
    }
    SDL_Rect go = {bx, y, app_px(a, 120), bh};
    if (wdg_button(a, go, "Inject", BTN_PRIMARY, "Queue the event for the coming turn end"))
        teacher_inject(a, (teacher_event)t->event, t->nation, t->partner, t->good);
    return y + bh + app_px(a, 14);
}

void teacher_draw_panel(ui_app *a)
{
    if (!a->teacher_open) return;
    teacher_state *t = teacher_of(a);
    if (!t) return;
    a->modal = 1;
    draw_fill(a->renderer, a->lay.win, RGBA(0, 0, 0, 150));
    int w = app_px(a, 900), h = app_px(a, 540);
    if (w > a->out_w - app_px(a, 24)) w = a->out_w - app_px(a, 24);
    if (h > a->out_h - app_px(a, 24)) h = a->out_h - app_px(a, 24);
    SDL_Rect rc = {(a->out_w - w) / 2, (a->out_h - h) / 2, w, h};
    draw_panel(a->renderer, rc, app_px(a, 12), COL_PANEL_SOLID, COL_BORDER);
    int pad = app_px(a, 24), x = rc.x + pad, cw = rc.w - 2 * pad;
    int y = rc.y + app_px(a, 18);
    text_draw(a->text, FONT_TITLE, COL_TEXT, "Teacher controls", x, y, ALIGN_LEFT);
    SDL_Rect close = {rc.x + rc.w - pad - app_px(a, 100), y - app_px(a, 4), app_px(a, 100), app_px(a, 32)};
    int closing = wdg_button(a, close, "Close", BTN_SECONDARY, "Back to the game (F2, Esc)");
    y += text_line_h(a->text, FONT_TITLE) + app_px(a, 12);
    y = game_section(a, t, x, y, cw);
    y = nation_section(a, t, x, y, cw);
    y = event_section(a, t, x, y, cw);
    if (t->msg[0]) {
        char fit[400];
        text_fit(a->text, FONT_BODY, t->msg, cw, fit, sizeof fit);
        text_draw(a->text, FONT_BODY, t->msg_bad ? COL_BAD : COL_GOOD, fit, x, y, ALIGN_LEFT);
    }
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED,
              "F2 or Ctrl+T: this panel \xC2\xB7 P: pause \xC2\xB7 Ctrl+D: debrief pack \xC2\xB7 Esc: close",
              x, rc.y + rc.h - app_px(a, 30), ALIGN_LEFT);
    /* a click outside the card closes it, as the help card does */
    if (closing || (a->in.clicked && !a->in.click_used && !rect_has(rc, a->in.x, a->in.y))) {
        a->teacher_open = 0;
        a->in.click_used = 1;
    }
    a->modal = 0;
}
