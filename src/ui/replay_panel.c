/* replay_panel.c -- the replay viewer's panel at the left of the main area:
 * the turn shown, the stepping controls and slider, whether the quarter
 * matches the recording, and what each agent did in the turn that led to it. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "formw.h"
#include "replay_view_internal.h"
#include "theme.h"

static int panel_width(const ui_app *a)
{
    int d = app_px(a, REPLAY_PANEL_W);
    return d > a->lay.main.w / 2 ? a->lay.main.w / 2 : d;
}

void replay_view_layout(ui_app *a)
{
    if (!a->replay) return;
    int d = a->replay->panel_w = panel_width(a);
    app_layout *l = &a->lay;
    l->main.x += d;
    l->main.w -= d;
    a->map_area.x += d;
    a->map_area.w -= d;
    if (l->news.w) {
        l->news.x += d;
        l->news.w -= d;
    }
    if (l->card.w) l->card.x += d;
}


static const char *iso(const ui_app *a, int n)
{
    const cp_nation *x = cp_world_nation(a->world, n);
    return x ? x->iso3 : "?";
}

/* "1,234,567" */
static void thousands(long long v, char *out, size_t len)
{
    char raw[32];
    snprintf(raw, sizeof raw, "%lld", v < 0 ? -v : v);
    size_t n = strlen(raw), o = 0;
    if (v < 0 && o + 1 < len) out[o++] = '-';
    for (size_t i = 0; i < n && o + 2 < len; i++) {
        if (i > 0 && (n - i) % 3 == 0) out[o++] = ',';
        out[o++] = raw[i];
    }
    out[o] = '\0';
}

/* A wrapped line of text at 'y' (when inside the clip); returns its height. */
static int para(ui_app *a, font_id f, SDL_Color c, const char *s, int x, int y, int w)
{
    return text_draw_wrapped(a->text, f, c, s, x, y, w);
}

/* The turn-stepping controls and the slider; returns the height used. */
static int controls(ui_app *a, struct replay_view *v, SDL_Rect rc)
{
    int pad = app_px(a, 14), y = rc.y;
    int bh = app_px(a, 30), gap = app_px(a, 6);
    int w = rc.w - 2 * pad;
    int bw = (w - 3 * gap) / 4;
    const char *labels[4] = {"\xC2\xAB Start", "\xE2\x80\xB9 Back", "Next \xE2\x80\xBA", "End \xC2\xBB"};
    const char *tips[4] = {"The start of the recording (Home)", "The quarter before (Left arrow)",
                           "The next quarter (Right arrow)", "The last quarter recorded (End)"};
    const char *ids[4] = {"ReplayStart", "ReplayBack", "ReplayNext", "ReplayEnd"};
    int t = replay_view_start_turn(v) + v->shown, last = replay_view_start_turn(v) + v->rec.turn_count;
    int to[4] = {replay_view_start_turn(v), t - 1, t + 1, last};
    for (int i = 0; i < 4; i++) {
        SDL_Rect b = {rc.x + pad + i * (bw + gap), y, bw, bh};
        if (fw_button(a, b, labels[i], i == 2 ? BTN_PRIMARY : BTN_SECONDARY, tips[i],
                      ids[i]))
            replay_view_goto(a, to[i]);
    }
    y += bh + app_px(a, 12);
    /* the slider: the whole recording; a click or a drag jumps */
    SDL_Rect track = {rc.x + pad, y, w, app_px(a, 16)};
    SDL_Rect bar = {track.x, track.y + track.h / 2 - app_px(a, 2), track.w, app_px(a, 4)};
    draw_round(a->renderer, bar, app_px(a, 2), COL_PANEL_RAISED);
    int span = v->rec.turn_count > 0 ? v->rec.turn_count : 1;
    SDL_Rect done = bar;
    done.w = (int)((long long)bar.w * v->reached / span);
    draw_round(a->renderer, done, app_px(a, 2), COL_BORDER);
    for (int i = 0; i <= v->rec.turn_count; i++)
        if (v->differs[i]) {
            int x = bar.x + (int)((long long)bar.w * i / span);
            draw_fill(a->renderer, (SDL_Rect){x - app_px(a, 1), track.y, app_px(a, 3), track.h}, COL_BAD);
        }
    int kx = bar.x + (int)((long long)bar.w * v->shown / span);
    draw_disc(a->renderer, (float)kx, (float)(track.y + track.h / 2), (float)app_px(a, 7), COL_ACCENT);
    char val[32];
    snprintf(val, sizeof val, "%d", t);
    fw_trace(a, "ReplaySlider", val, track);
    /* a drag that began on the track, or a click on it (press and release can
     * both arrive between two frames) */
    int drag = a->in.down && rect_has(track, a->in.press_x, a->in.press_y);
    int click = a->in.clicked && !a->in.click_used && rect_has(track, a->in.x, a->in.y);
    if (!a->modal && !a->blocking && (drag || click)) {
        int k = (int)((double)(a->in.x - bar.x) / (bar.w > 0 ? bar.w : 1) * span + 0.5);
        replay_view_goto(a, replay_view_start_turn(v) + k);
        a->in.click_used = 1;
    }
    if (app_hover(a, track))
        app_tip_set(a, track, "Jump to a quarter",
                    "Click or drag along the recording. Red marks a quarter whose hash differs from the recording.");
    y += track.h + app_px(a, 4);
    char ends[64];
    snprintf(ends, sizeof ends, "turn %d", replay_view_start_turn(v));
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, ends, track.x, y, ALIGN_LEFT);
    snprintf(ends, sizeof ends, "turn %d", last);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, ends, track.x + track.w, y, ALIGN_RIGHT);
    y += text_line_h(a->text, FONT_SMALL) + app_px(a, 6);
    return y - rc.y;
}

/* Does seat 's' have lines of its own in turn 't'? */
static int has_lines(const replay_turn *t, const replay_seat_turn *s)
{
    for (int i = 0; i < t->line_count; i++)
        if (t->lines[i].nation == s->nation) return 1;
    return 0;
}

/* The order the seats are listed in: failures first, then agents that
 * logged something or were refused, then the rest, each in nation order. */
static int rank(const replay_turn *t, const replay_seat_turn *s)
{
    return s->failed ? 0 : (has_lines(t, s) || s->refused) ? 1 : 2;
}

/* One agent's turn: its row, its budget bar, its failure and log lines. */
static int agent_entry(ui_app *a, const replay_turn *t, const replay_seat_turn *s, int x, int y, int w)
{
    int y0 = y;
    char head[320], val[700];
    const char *slash = strrchr(s->agent, '/');
    snprintf(head, sizeof head, "%s  %s", iso(a, s->nation), slash ? slash + 1 : s->agent);
    char fitted[320];
    text_draw(a->text, FONT_BODY_BOLD, s->failed ? COL_BAD : COL_TEXT,
              text_fit(a->text, FONT_BODY_BOLD, head, w - app_px(a, 90), fitted, sizeof fitted), x, y, ALIGN_LEFT);
    char orders[64];
    snprintf(orders, sizeof orders, s->failed ? "failed" : "%d order%s%s", s->orders, s->orders == 1 ? "" : "s",
             s->refused ? ", refused" : "");
    if (!s->failed && s->refused) snprintf(orders, sizeof orders, "%d kept, %d refused", s->orders, s->refused);
    text_draw(a->text, FONT_SMALL, s->failed ? COL_BAD : COL_TEXT_DIM, orders, x + w, y + app_px(a, 2), ALIGN_RIGHT);
    y += text_line_h(a->text, FONT_BODY_BOLD) + app_px(a, 3);
    /* the budget bar: instructions used against the budget */
    SDL_Rect bar = {x, y, w, app_px(a, 6)};
    draw_round(a->renderer, bar, app_px(a, 3), COL_PANEL_RAISED);
    double share = s->budget > 0 ? (double)s->instructions / (double)s->budget : 0;
    if (share > 1) share = 1;
    SDL_Rect used = bar;
    used.w = (int)(bar.w * share);
    if (s->instructions > 0 && used.w < app_px(a, 2)) used.w = app_px(a, 2);
    draw_round(a->renderer, used, app_px(a, 3), share > 0.9 ? COL_BAD : share > 0.5 ? COL_WARN : COL_GOOD);
    y += bar.h + app_px(a, 3);
    char ins[32], bud[32];
    if (s->instructions > 0)
        thousands(s->instructions, ins, sizeof ins);
    else /* the sandbox counts in steps of 100: a short call reads 0 */
        snprintf(ins, sizeof ins, "under 100");
    thousands(s->budget, bud, sizeof bud);
    if (s->mem_bytes >= 100 * 1024)
        snprintf(val, sizeof val, "%s of %s instructions \xC2\xB7 %.1f MiB", ins, bud, (double)s->mem_bytes / (1 << 20));
    else
        snprintf(val, sizeof val, "%s of %s instructions \xC2\xB7 %.0f KiB", ins, bud, (double)s->mem_bytes / 1024);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, val, x, y, ALIGN_LEFT);
    char id[32];
    snprintf(id, sizeof id, "ReplayAgent/%s", iso(a, s->nation));
    snprintf(val, sizeof val, "%lld/%lld %s %s", s->instructions, s->budget, s->failed ? "failed:" : "ok",
             s->failed ? s->message : "");
    fw_trace(a, id, val, (SDL_Rect){x, y0, w, y - y0});
    y += text_line_h(a->text, FONT_SMALL) + app_px(a, 2);
    if (s->failed && s->message[0]) y += para(a, FONT_SMALL, COL_BAD, s->message, x, y, w) + app_px(a, 2);
    for (int i = 0; i < t->line_count; i++) {
        if (t->lines[i].nation != s->nation) continue;
        /* a failure line repeats the message shown above */
        if (s->failed && strstr(t->lines[i].text, s->message)) continue;
        snprintf(id, sizeof id, "ReplayLine/%s", iso(a, s->nation));
        fw_trace(a, id, t->lines[i].text, (SDL_Rect){x, y, w, 0});
        y += para(a, FONT_SMALL, COL_TEXT_DIM, t->lines[i].text, x + app_px(a, 8), y, w - app_px(a, 8)) + app_px(a, 2);
    }
    return y - y0 + app_px(a, 10);
}

void replay_view_draw(ui_app *a)
{
    struct replay_view *v = a->replay;
    if (!v) return;
    int d = v->panel_w; /* as laid out: the main area is already narrower */
    SDL_Rect rc = {a->lay.main.x - d, a->lay.content.y, d, a->lay.content.h};
    draw_fill(a->renderer, rc, COL_PANEL_SOLID);
    draw_vline(a->renderer, rc.x + rc.w - 1, rc.y, rc.y + rc.h, COL_BORDER);
    int pad = app_px(a, 14), x = rc.x + pad, w = rc.w - 2 * pad, y = rc.y + app_px(a, 12);
    char line[800], fitted[300];
    int t = replay_view_start_turn(v) + v->shown;
    char date[8];
    snprintf(line, sizeof line, "Replay: turn %d of %d (%s)", t, replay_view_start_turn(v) + v->rec.turn_count,
             cp_world_date_text(a->world, t, date, sizeof date));
    text_draw(a->text, FONT_HEAD, COL_TEXT, line, x, y, ALIGN_LEFT);
    fw_trace(a, "ReplayTurn", line, (SDL_Rect){x, y, w, text_line_h(a->text, FONT_HEAD)});
    y += text_line_h(a->text, FONT_HEAD) + app_px(a, 2);
    snprintf(line, sizeof line, "%s \xC2\xB7 %s, seed %llu", v->name, v->rec.scenario_name,
             (unsigned long long)v->rec.seed);
    text_draw(a->text, FONT_SMALL, COL_TEXT_MUTED, text_fit(a->text, FONT_SMALL, line, w, fitted, sizeof fitted), x,
              y, ALIGN_LEFT);
    y += text_line_h(a->text, FONT_SMALL) + app_px(a, 10);
    y += controls(a, v, (SDL_Rect){rc.x, y, rc.w, 0});
    /* does the quarter shown match the recording? */
    uint64_t want = 0;
    int ok = replay_view_matches(a, &want);
    if (ok) snprintf(line, sizeof line, "\xE2\x9C\x93 Matches the recording (hash %016llx)", (unsigned long long)want);
    else
        snprintf(line, sizeof line, "\xE2\x9A\xA0 Differs from the recording: hash %016llx, recorded %016llx",
                 (unsigned long long)cp_world_hash(a->world), (unsigned long long)want);
    fw_trace(a, "ReplayHash", ok ? "match" : "differs", (SDL_Rect){x, y, w, 0});
    y += para(a, FONT_SMALL, ok ? COL_GOOD : COL_BAD, line, x, y, w) + app_px(a, 4);
    if (v->warn[0]) y += para(a, FONT_SMALL, COL_BAD, v->warn, x, y, w) + app_px(a, 4);
    if (!v->rec.complete && v->shown == v->rec.turn_count) {
        snprintf(line, sizeof line, "The recording stops here: the game was interrupted after turn %d.", t);
        y += para(a, FONT_SMALL, COL_WARN, line, x, y, w) + app_px(a, 4);
    }
    y += app_px(a, 6);
    y += fw_section(a, x, y, w, v->shown == 0 ? "Agents" : "Agents: the turn that led here");
    /* the agents' list scrolls under the mouse wheel */
    SDL_Rect list = {rc.x, y, rc.w - 1, rc.y + rc.h - y};
    if (app_hover(a, list) && a->in.wheel != 0) {
        v->scroll -= (int)(a->in.wheel * app_px(a, 40));
        a->in.wheel_used = 1;
    }
    int max_scroll = v->content_h - list.h;
    if (v->scroll > max_scroll) v->scroll = max_scroll;
    if (v->scroll < 0) v->scroll = 0;
    SDL_RenderSetClipRect(a->renderer, &list);
    int ly = y - v->scroll;
    if (v->shown == 0) {
        ly += para(a, FONT_SMALL, COL_TEXT_DIM,
                   "The start of the game. Step forward (Right arrow) to see what each agent did in a turn: its "
                   "budget use, orders, failures and printed lines.", x, ly, w);
    } else {
        const replay_turn *rt = &v->rec.turns[v->shown - 1];
        if (rt->seat_count == 0 && rt->line_count == 0)
            ly += para(a, FONT_SMALL, COL_TEXT_DIM,
                       "No agents' record for this turn: the game was played without agents, or recorded by an "
                       "older Chokepoint (replay format 1).", x, ly, w);
        int failed = 0, orders = 0, refused = 0;
        for (int i = 0; i < rt->seat_count; i++) {
            failed += rt->seats[i].failed;
            orders += rt->seats[i].orders;
            refused += rt->seats[i].refused;
        }
        if (rt->seat_count > 0) {
            snprintf(line, sizeof line, "%d agent%s \xC2\xB7 %d failed \xC2\xB7 %d order%s kept \xC2\xB7 %d refused",
                     rt->seat_count, rt->seat_count == 1 ? "" : "s", failed, orders, orders == 1 ? "" : "s", refused);
            ly += para(a, FONT_SMALL, failed ? COL_WARN : COL_TEXT_DIM, line, x, ly, w) + app_px(a, 8);
        }
        for (int r = 0; r < 3; r++)
            for (int i = 0; i < rt->seat_count; i++)
                if (rank(rt, &rt->seats[i]) == r) ly += agent_entry(a, rt, &rt->seats[i], x, ly, w);
        for (int i = 0; i < rt->line_count; i++)
            if (rt->lines[i].nation < 0)
                ly += para(a, FONT_SMALL, COL_TEXT_DIM, rt->lines[i].text, x, ly, w) + app_px(a, 2);
    }
    SDL_RenderSetClipRect(a->renderer, NULL);
    v->content_h = ly + v->scroll - y + app_px(a, 8);
}
