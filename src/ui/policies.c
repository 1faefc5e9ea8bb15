/* policies.c -- describing policies in words for the nation panel. */
#include "policies.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "labels.h"
#include "sbuf.h"

const cp_news *policy_last_news(const cp_world *w, int nation, int good)
{
    for (int i = cp_world_news_count(w) - 1; i >= 0; i--) {
        const cp_news *n = cp_world_news(w, i);
        if (n->kind == CP_NEWS_POLICY && n->nation == nation && (good < 0 || n->good == good || n->good < 0))
            return n;
    }
    return NULL;
}

static void add_since(sbuf *b, const cp_world *w, int nation, int good)
{
    const cp_news *n = policy_last_news(w, nation, good);
    if (!n) {
        sb_printf(b, "\nIn force since the scenario began.");
        return;
    }
    char date[8];
    sb_printf(b, "\nLast change %s: %s", cp_world_date_text(w, n->turn, date, sizeof date), n->text);
}

typedef struct {
    cp_control_mode mode;
    double share;
    int suspended;
    cp_control_mode fb_mode;
    double fb_share;
} control_key;

static control_key key_of(const cp_export_control *c)
{
    control_key k = {c->mode, c->mode == CP_CONTROL_LICENSED ? c->approval_share : 0,
                     c->suspended_turns, c->suspended_turns > 0 ? c->fallback_mode : CP_CONTROL_OPEN,
                     c->suspended_turns > 0 && c->fallback_mode == CP_CONTROL_LICENSED ? c->fallback_share : 0};
    return k;
}

static int same_key(control_key a, control_key b)
{
    return a.mode == b.mode && fabs(a.share - b.share) < 1e-9 && a.suspended == b.suspended &&
           a.fb_mode == b.fb_mode && fabs(a.fb_share - b.fb_share) < 1e-9;
}

static void describe_key(sbuf *b, control_key k)
{
    if (k.mode == CP_CONTROL_LICENSED) sb_printf(b, "licensed (%.0f%% approved)", k.share * 100);
    else sb_printf(b, "%s", k.mode == CP_CONTROL_BANNED ? "banned" : "open");
    if (k.suspended > 0) {
        sb_printf(b, ", suspended %d more quarter%s", k.suspended, k.suspended == 1 ? "" : "s");
        if (k.fb_mode == CP_CONTROL_LICENSED) sb_printf(b, " (meanwhile licensed, %.0f%%)", k.fb_share * 100);
        else if (k.fb_mode == CP_CONTROL_BANNED) sb_printf(b, " (meanwhile banned)");
    }
}

static const char *control_tip(control_key k)
{
    if (k.suspended > 0)
        return "A suspended control returns by itself when the suspension runs out; meanwhile the "
               "regime in brackets applies.";
    if (k.mode == CP_CONTROL_BANNED)
        return "A ban closes the route: only a small share leaks through third countries "
               "(less when the exporter runs a tracking system).";
    return "A licence regime passes only the approved share of export requests, after a delay, "
           "and never for defense end use.";
}

/* One line per good with export controls: the destinations grouped by
 * regime ("licensed to all", "banned to United States; licensed to 22 others"). */
static int export_controls(const cp_world *w, int n, policy_line *out, int max)
{
    int count = 0, nn = cp_world_nation_count(w);
    const cp_policy *p = &cp_world_nation(w, n)->policy;
    for (int g = 0; g < CP_GOOD_COUNT && count < max; g++) {
        control_key keys[CP_MAX_NATIONS];
        int groups = 0, members[CP_MAX_NATIONS], first[CP_MAX_NATIONS];
        int restricted = 0;
        for (int j = 0; j < nn; j++) {
            if (j == n) continue;
            control_key k = key_of(&p->control[g][j]);
            if (k.mode != CP_CONTROL_OPEN || k.suspended > 0) restricted = 1;
            int found = -1;
            for (int q = 0; q < groups; q++)
                if (same_key(keys[q], k)) found = q;
            if (found < 0) {
                keys[groups] = k;
                members[groups] = 0;
                first[groups] = j;
                found = groups++;
            }
            members[found]++;
        }
        if (!restricted) continue;
        policy_line *l = &out[count++];
        sbuf b;
        sb_init(&b, l->text, sizeof l->text);
        sb_printf(&b, "%s exports: ", label_good((cp_good)g));
        l->tone = TONE_WARN;
        int written = 0;
        for (int q = 0; q < groups; q++) {
            if (keys[q].mode == CP_CONTROL_OPEN && keys[q].suspended == 0 && groups > 1) continue;
            if (keys[q].mode == CP_CONTROL_BANNED) l->tone = TONE_BAD;
            if (written++) sb_printf(&b, "; ");
            describe_key(&b, keys[q]);
            if (members[q] == nn - 1) sb_printf(&b, " to all");
            else if (members[q] == 1) sb_printf(&b, " to %s", cp_world_nation(w, first[q])->name);
            else sb_printf(&b, " to %d nations", members[q]);
        }
        sbuf t;
        sb_init(&t, l->tip, sizeof l->tip);
        sb_printf(&t, "Export controls on %s, by destination:\n", label_good((cp_good)g));
        int listed = 0;
        for (int q = 0; q < groups && listed < 12; q++) {
            sb_printf(&t, "\xE2\x80\xA2 ");
            describe_key(&t, keys[q]);
            sb_printf(&t, ": ");
            int shown = 0;
            for (int j = 0; j < nn; j++) {
                if (j == n || !same_key(key_of(&p->control[g][j]), keys[q])) continue;
                if (shown < 6) sb_printf(&t, "%s%s", shown ? ", " : "", cp_world_nation(w, j)->name);
                shown++;
            }
            if (shown > 6) sb_printf(&t, " and %d more", shown - 6);
            sb_printf(&t, "\n");
            listed++;
        }
        sb_printf(&t, "%s", control_tip(keys[0].mode == CP_CONTROL_OPEN && groups > 1 ? keys[1] : keys[0]));
        add_since(&t, w, n, g);
    }
    return count;
}

/* Tariffs per good, grouped by rate. */
static int tariffs(const cp_world *w, int n, policy_line *out, int max)
{
    int count = 0, nn = cp_world_nation_count(w);
    const cp_policy *p = &cp_world_nation(w, n)->policy;
    for (int g = 0; g < CP_GOOD_COUNT && count < max; g++) {
        double rates[CP_MAX_NATIONS];
        int nr = 0, any = 0;
        for (int j = 0; j < nn; j++) {
            if (j == n || p->tariff[g][j] <= 0) continue;
            any = 1;
            int seen = 0;
            for (int q = 0; q < nr; q++) seen |= fabs(rates[q] - p->tariff[g][j]) < 1e-9;
            if (!seen) rates[nr++] = p->tariff[g][j];
        }
        if (!any) continue;
        policy_line *l = &out[count++];
        l->tone = TONE_PLAIN;
        sbuf b;
        sb_init(&b, l->text, sizeof l->text);
        sb_printf(&b, "Tariff on %s: ", label_good((cp_good)g));
        for (int q = 0; q < nr; q++) {
            int members = 0, first = -1;
            for (int j = 0; j < nn; j++)
                if (j != n && fabs(p->tariff[g][j] - rates[q]) < 1e-9) {
                    if (first < 0) first = j;
                    members++;
                }
            sb_printf(&b, "%s%.0f%% ", q ? "; " : "", rates[q] * 100);
            if (members == nn - 1) sb_printf(&b, "on all");
            else if (members == 1) sb_printf(&b, "from %s", cp_world_nation(w, first)->name);
            else sb_printf(&b, "from %d nations", members);
        }
        sbuf t;
        sb_init(&t, l->tip, sizeof l->tip);
        sb_printf(&t, "An import tariff raises the landed price of %s from those origins by the rate; "
                  "buyers shift to other origins, and the tariff revenue goes to the treasury. "
                  "How much of the wedge buyers pay depends on supply and demand elasticities.",
                  label_good((cp_good)g));
        add_since(&t, w, n, g);
    }
    return count;
}

int policy_lines(const cp_world *w, int nation, policy_line *out, int max)
{
    int count = export_controls(w, nation, out, max);
    count += tariffs(w, nation, out + count, max - count);
    const cp_policy *p = &cp_world_nation(w, nation)->policy;
    char num[64];
    for (int g = 0; g < CP_GOOD_COUNT && count < max; g++) {
        if (p->export_quota_t[g] >= 0) {
            policy_line *l = &out[count++];
            l->tone = TONE_WARN;
            snprintf(l->text, sizeof l->text, "Export quota on %s: %s per quarter", label_good((cp_good)g),
                     fmt_tonnes(num, sizeof num, p->export_quota_t[g], label_good_unit((cp_good)g)));
            sbuf t;
            sb_init(&t, l->tip, sizeof l->tip);
            sb_printf(&t, "Exports of %s stop at this tonnage each quarter, whatever the price abroad.",
                      label_good((cp_good)g));
            add_since(&t, w, nation, g);
        }
        if (p->export_tax[g] > 0 && count < max) {
            policy_line *l = &out[count++];
            l->tone = TONE_PLAIN;
            snprintf(l->text, sizeof l->text, "Export tax on %s: %.0f%%", label_good((cp_good)g),
                     p->export_tax[g] * 100);
            sbuf t;
            sb_init(&t, l->tip, sizeof l->tip);
            sb_printf(&t, "Foreign buyers pay the producer price plus this tax; the revenue goes to "
                      "the treasury.");
            add_since(&t, w, nation, g);
        }
        if (p->price_floor_usd_per_kg[g] > 0 && count < max) {
            policy_line *l = &out[count++];
            l->tone = TONE_GOOD;
            snprintf(l->text, sizeof l->text, "Price floor for %s: %s", label_good((cp_good)g),
                     fmt_usd_per_kg(num, sizeof num, p->price_floor_usd_per_kg[g]));
            sbuf t;
            sb_init(&t, l->tip, sizeof l->tip);
            sb_printf(&t, "The state pays home producers the difference when the market price falls "
                      "below the floor, so they keep producing.");
            add_since(&t, w, nation, g);
        }
    }
    for (int k = 0; k < CP_FAC_KIND_COUNT && count < max; k++) {
        if (p->subsidy[k] <= 0) continue;
        policy_line *l = &out[count++];
        l->tone = TONE_GOOD;
        snprintf(l->text, sizeof l->text, "Subsidy: %.0f%% of %s operating costs", p->subsidy[k] * 100,
                 label_kind((cp_facility_kind)k));
        snprintf(l->tip, sizeof l->tip, "The treasury pays this share of the operating cost of "
                 "home plants of this kind, which lets them run at lower prices.");
    }
    if (p->tracking && count < max) {
        policy_line *l = &out[count++];
        l->tone = TONE_PLAIN;
        snprintf(l->text, sizeof l->text, "Tracking system for oxides and magnets");
        snprintf(l->tip, sizeof l->tip, "Tracks who buys: leakage of banned exports through "
                 "third countries shrinks.");
    }
    if (p->tech_ban && count < max) {
        policy_line *l = &out[count++];
        l->tone = TONE_WARN;
        snprintf(l->text, sizeof l->text, "Ban on exporting processing technology");
        snprintf(l->tip, sizeof l->tip, "Other nations cannot learn separation and magnet "
                 "technology from this one: their plants ramp up slower, cost more and run dearer, "
                 "and their yields improve more slowly.");
    }
    if (p->extraterritorial && count < max) {
        policy_line *l = &out[count++];
        l->tone = TONE_WARN;
        snprintf(l->text, sizeof l->text, "Controls on magnets made abroad with its rare earths");
        snprintf(l->tip, sizeof l->tip, "The 0.1%% rule: magnets other nations make from this "
                 "one's oxide need its licence, in proportion to the oxide they took from it.");
    }
    return count;
}

int policy_controls_on(const cp_world *w, int nation, policy_line *out, int max)
{
    int count = 0, nn = cp_world_nation_count(w);
    for (int i = 0; i < nn && count < max; i++) {
        if (i == nation) continue;
        const cp_policy *p = &cp_world_nation(w, i)->policy;
        sbuf b, t;
        policy_line *l = &out[count];
        sb_init(&b, l->text, sizeof l->text);
        sb_init(&t, l->tip, sizeof l->tip);
        int any = 0;
        l->tone = TONE_WARN;
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            control_key k = key_of(&p->control[g][nation]);
            if (k.mode == CP_CONTROL_OPEN && k.suspended == 0) continue;
            if (k.mode == CP_CONTROL_BANNED) l->tone = TONE_BAD;
            if (!any) sb_printf(&b, "%s: ", cp_world_nation(w, i)->name);
            sb_printf(&b, "%s%s ", any ? "; " : "", label_good_short((cp_good)g));
            describe_key(&b, k);
            if (!any) sb_printf(&t, "%s\n", control_tip(k));
            any = 1;
        }
        if (!any) continue;
        add_since(&t, w, i, -1);
        count++;
    }
    return count;
}
