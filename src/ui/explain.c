/* explain.c -- the words behind every figure's tooltip. */
#include "explain.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "labels.h"
#include "policies.h"
#include "sbuf.h"
#include "tl_model.h"

typedef struct {
    const char *what, *unit, *source;
} fig_text;

/* What each figure is, its unit and where the core gets it. */
static fig_text text_of(fig_id f)
{
    switch (f) {
    case FIG_MINED:
        return (fig_text){"Ore dug by the nation's mines this quarter.", "tonnes of rare-earth oxide (t REO) per quarter",
                          "sum of its operating and ramping-up mines (see Facilities); mines cut output when ore "
                          "sells below their costs or an event strikes"};
    case FIG_SEPARATED:
        return (fig_text){"Ore fed into the nation's separation plants this quarter. Roughly a fifth comes out as "
                          "NdPr oxide, up to 6% as Dy/Tb oxide (ionic clays), the rest is by-product.",
                          "t REO per quarter", "separation plants' output, limited by the ore on hand (mined or imported)"};
    case FIG_MAGNETS_MADE:
        return (fig_text){"NdFeB magnets made by the nation's magnet plants this quarter.", "tonnes per quarter",
                          "magnet plants' output, limited by NdPr and Dy/Tb oxide on hand"};
    case FIG_DEMAND:
        return (fig_text){"Final demand for the good from the nation's industries: electric vehicles, wind, "
                          "electronics, defense and industrial motors.",
                          "tonnes per quarter", "the scenario's demand by sector, grown each year at its sector's "
                          "rate, and lowered when the price paid rises (price elasticity)"};
    case FIG_SHORTAGE:
        return (fig_text){"Final demand for the good that users could not meet this quarter.", "tonnes per quarter",
                          "demand minus what users took from their stock; licensed imports cannot serve defense"};
    case FIG_DEMAND_MET:
        return (fig_text){"Share of the nation's magnet demand met this quarter.", "percent",
                          "1 - magnet shortage / magnet demand"};
    case FIG_PRICE_PAID:
        return (fig_text){"The composite price the nation's buyers paid for the good: every origin's landed price "
                          "(producer price, export tax, transport, tariff), weighted by what they bought.",
                          "US dollars per kilogram", "the market's spatial price equilibrium (docs/model.md)"};
    case FIG_PRODUCER_PRICE:
        return (fig_text){"The price the nation's own producers of the good receive.", "US dollars per kilogram",
                          "the market clearing price at home, raised by a price floor if one is in force"};
    case FIG_IMPORTS:
        return (fig_text){"Tonnes of the good bought from other nations this quarter.", "tonnes per quarter",
                          "the market's flows into this nation"};
    case FIG_EXPORTS:
        return (fig_text){"Tonnes of the good sold to other nations this quarter.", "tonnes per quarter",
                          "the market's flows out of this nation"};
    case FIG_STOCK:
        return (fig_text){"Users' inventory of the good: what plants and industry hold to work from.", "tonnes",
                          "last quarter's stock plus purchases and output, minus use; buyers aim to hold a few "
                          "quarters of use"};
    case FIG_STOCKPILE:
        return (fig_text){"The state's strategic stockpile of the good, bought and released by orders.", "tonnes",
                          "stockpile purchase and release orders, and stockpile-sharing deals"};
    case FIG_RESERVES:
        return (fig_text){"Rare-earth oxide still in the ground in known deposits.", "tonnes REO",
                          "the scenario's starting reserves (baseline: USGS Mineral Commodity Summaries 2025) minus everything mined since"};
    case FIG_TREASURY:
        return (fig_text){"Money the state has for rare-earth policy.", "US dollars, millions",
                          "each quarter's budget plus tariff and export-tax revenue, minus subsidies, price-floor "
                          "payments, stockpile purchases and construction it funds"};
    case FIG_GDP:
        return (fig_text){"The nation's gross domestic product, before shortage losses.", "US dollars, billions per year",
                          "the scenario's GDP (baseline: IMF World Economic Outlook 2024), fixed through the game"};
    case FIG_GDP_LOSS:
        return (fig_text){"Output of magnet-using sectors lost this quarter because materials ran short.",
                          "US dollars, billions this quarter",
                          "each sector's output times its share of demand unmet (magnet shortages count fully, "
                          "oxide shortages 30%)"};
    case FIG_SCORE:
        return (fig_text){"How well the nation meets its objectives, averaged over the turns played.", "points, 0 to 100",
                          "each turn: supply security, prosperity, leverage and stability weighted by the "
                          "scenario's objectives for this nation"};
    case FIG_PRESSURE:
        return (fig_text){"Political pressure on the government.", "0 to 100%",
                          "rises with shortages (above all for defense) and lost output, eases when supply is met"};
    case FIG_TRUST:
        return (fig_text){"How far other nations trust this one's word, seen by every agent.", "0 to 100%",
                          "falls when the nation breaks a deal, recovers slowly"};
    default:
        return (fig_text){"", "", ""};
    }
}

/* News of this turn about 'nation' whose kind is 'kind' (or any when < 0)
 * and whose text contains 'needle' (or any when NULL). */
static int news_lines(sbuf *b, const cp_world *w, int nation, int kind, const char *needle, int max)
{
    int t = cp_world_turn(w), shown = 0;
    for (int i = cp_world_news_count(w) - 1; i >= 0 && shown < max; i--) {
        const cp_news *n = cp_world_news(w, i);
        if (n->turn < t) break;
        if (n->nation != nation || (kind >= 0 && (int)n->kind != kind)) continue;
        if (needle && !strstr(n->text, needle)) continue;
        sb_printf(b, "\n\xE2\x80\xA2 %s", n->text);
        shown++;
    }
    return shown;
}

/* "Mines ran at 87% of capacity (3 operating, 1 ramping up)." */
static void utilisation(sbuf *b, const cp_world *w, int nation, cp_facility_kind k)
{
    double out = 0, cap = 0;
    int op = 0, ramp = 0;
    for (int i = 0; i < cp_world_facility_count(w); i++) {
        const cp_facility *f = cp_world_facility(w, i);
        if (f->host != nation || f->kind != k) continue;
        if (f->stage == CP_STAGE_OPERATING) op++;
        else if (f->stage == CP_STAGE_RAMP_UP) ramp++;
        else continue;
        out += f->output_t;
        cap += f->capacity_t_per_yr / 4.0;
    }
    if (op + ramp == 0) {
        char kind[48];
        snprintf(kind, sizeof kind, "%s", label_kind(k));
        kind[0] = (char)tolower((unsigned char)kind[0]); /* "No mine is ..." */
        sb_printf(b, "\n\xE2\x80\xA2 No %s is operating in this nation.", kind);
        return;
    }
    sb_printf(b, "\n\xE2\x80\xA2 Its %ss ran at %.0f%% of nameplate capacity (%d operating, %d ramping up).",
              k == CP_FAC_MINE ? "mine" : k == CP_FAC_SEPARATION ? "separation plant"
              : k == CP_FAC_HEAVY_SEPARATION ? "heavy separation line" : "magnet plant",
              cap > 0 ? 100 * out / cap : 0.0, op, ramp);
}

static void controls_on(sbuf *b, const cp_world *w, int nation, cp_good g)
{
    int nn = cp_world_nation_count(w);
    for (int i = 0; i < nn; i++) {
        if (i == nation) continue;
        const cp_export_control *c = &cp_world_nation(w, i)->policy.control[g][nation];
        double s;
        cp_control_mode m = cp_export_control_now(c, &s);
        if (m == CP_CONTROL_OPEN) continue;
        double flow = cp_world_market(w, g)->flow_t[i][nation];
        char t[64];
        if (m == CP_CONTROL_BANNED)
            sb_printf(b, "\n\xE2\x80\xA2 %s bans exports of %s to it (%s got through).", cp_world_nation(w, i)->name,
                      label_good(g), fmt_tonnes(t, sizeof t, flow, label_good_unit(g)));
        else
            sb_printf(b, "\n\xE2\x80\xA2 %s licenses its exports of %s: %.0f%% approved (%s came).",
                      cp_world_nation(w, i)->name, label_good(g), s * 100,
                      fmt_tonnes(t, sizeof t, flow, label_good_unit(g)));
    }
}

static void world_price_move(sbuf *b, const cp_world *w, cp_good g)
{
    int t = cp_world_turn(w);
    const cp_market_history *now = cp_world_market_history(w, t, g);
    const cp_market_history *before = t > 0 ? cp_world_market_history(w, t - 1, g) : NULL;
    if (!now || !before) return;
    char a[32], c[32], ch[32];
    sb_printf(b, "\n\xE2\x80\xA2 World price of %s: %s, was %s (%s).", label_good(g),
              fmt_usd_per_kg(a, sizeof a, now->world_price_usd_per_kg),
              fmt_usd_per_kg(c, sizeof c, before->world_price_usd_per_kg),
              fmt_change(ch, sizeof ch, before->world_price_usd_per_kg, now->world_price_usd_per_kg));
}

static void own_tariffs(sbuf *b, const cp_world *w, int nation, cp_good g)
{
    const cp_policy *p = &cp_world_nation(w, nation)->policy;
    double top = 0;
    int from = -1;
    for (int j = 0; j < cp_world_nation_count(w); j++)
        if (j != nation && p->tariff[g][j] > top) top = p->tariff[g][j], from = j;
    if (from >= 0)
        sb_printf(b, "\n\xE2\x80\xA2 Its own tariffs on %s reach %.0f%% (on %s).", label_good(g), top * 100,
                  cp_world_nation(w, from)->name);
}

static void treasury_parts(sbuf *b, const cp_nation *n)
{
    char x[32];
    sb_printf(b, "\n\xE2\x80\xA2 Budget: %s a quarter.", fmt_musd(x, sizeof x, n->budget_musd_per_yr / 4));
    if (n->tariff_revenue_musd > 0) sb_printf(b, "\n\xE2\x80\xA2 Tariff revenue: +%s.", fmt_musd(x, sizeof x, n->tariff_revenue_musd));
    if (n->export_tax_revenue_musd > 0) sb_printf(b, "\n\xE2\x80\xA2 Export taxes: +%s.", fmt_musd(x, sizeof x, n->export_tax_revenue_musd));
    if (n->subsidy_paid_musd > 0) sb_printf(b, "\n\xE2\x80\xA2 Subsidies paid: -%s.", fmt_musd(x, sizeof x, n->subsidy_paid_musd));
    if (n->floor_paid_musd > 0) sb_printf(b, "\n\xE2\x80\xA2 Price floor paid: -%s.", fmt_musd(x, sizeof x, n->floor_paid_musd));
    if (n->capex_paid_musd > 0) sb_printf(b, "\n\xE2\x80\xA2 Construction paid: -%s.", fmt_musd(x, sizeof x, n->capex_paid_musd));
}

static void sector_losses(sbuf *b, const cp_nation *n)
{
    for (int s = 0; s < CP_SECTOR_COUNT; s++) {
        if (n->sector_shortage_t[s] <= 0.5) continue;
        char t[48];
        sb_printf(b, "\n\xE2\x80\xA2 %s short of %s of oxides and magnets.", label_sector((cp_sector)s),
                  fmt_tonnes(t, sizeof t, n->sector_shortage_t[s], "t"));
    }
}

/* The reasons the model offers for a change, figure by figure. */
static void reasons(sbuf *b, const cp_world *w, int nation, fig_id f, cp_good g)
{
    const cp_nation *n = cp_world_nation(w, nation);
    switch (f) {
    case FIG_MINED:
        utilisation(b, w, nation, CP_FAC_MINE);
        news_lines(b, w, nation, CP_NEWS_FACILITY, "(mine,", 3);
        news_lines(b, w, nation, CP_NEWS_EVENT, NULL, 2);
        break;
    case FIG_SEPARATED:
        utilisation(b, w, nation, CP_FAC_SEPARATION);
        news_lines(b, w, nation, CP_NEWS_FACILITY, "(separation,", 3);
        controls_on(b, w, nation, CP_ORE);
        break;
    case FIG_MAGNETS_MADE:
        utilisation(b, w, nation, CP_FAC_MAGNET);
        news_lines(b, w, nation, CP_NEWS_FACILITY, "(magnet_plant,", 3);
        controls_on(b, w, nation, CP_HEAVY_OXIDE);
        break;
    case FIG_DEMAND:
        world_price_move(b, w, g);
        news_lines(b, w, nation, CP_NEWS_EVENT, NULL, 2);
        break;
    case FIG_SHORTAGE: case FIG_DEMAND_MET: case FIG_IMPORTS:
        controls_on(b, w, nation, f == FIG_DEMAND_MET ? CP_MAGNET : g);
        own_tariffs(b, w, nation, f == FIG_DEMAND_MET ? CP_MAGNET : g);
        world_price_move(b, w, f == FIG_DEMAND_MET ? CP_MAGNET : g);
        break;
    case FIG_PRICE_PAID: case FIG_PRODUCER_PRICE:
        world_price_move(b, w, g);
        own_tariffs(b, w, nation, g);
        controls_on(b, w, nation, g);
        break;
    case FIG_EXPORTS:
        world_price_move(b, w, g);
        news_lines(b, w, nation, CP_NEWS_POLICY, NULL, 3);
        break;
    case FIG_TREASURY:
        treasury_parts(b, n);
        break;
    case FIG_GDP_LOSS: case FIG_PRESSURE: case FIG_SCORE:
        sector_losses(b, n);
        break;
    case FIG_STOCK: {
        /* what flowed in and out of users' stocks this quarter */
        char t1[48], t2[48], t3[48];
        const char *u = label_good_unit(g);
        sb_printf(b, "\n\xE2\x80\xA2 Imported %s, exported %s, used %s this quarter.",
                  fmt_tonnes(t1, sizeof t1, n->imports_t[g], u), fmt_tonnes(t2, sizeof t2, n->exports_t[g], u),
                  fmt_tonnes(t3, sizeof t3, n->consumed_t[g], u));
        controls_on(b, w, nation, g);
        break;
    }
    case FIG_STOCKPILE:
        news_lines(b, w, nation, CP_NEWS_POLICY, "stockpile", 3);
        break;
    case FIG_RESERVES: {
        char t1[48];
        sb_printf(b, "\n\xE2\x80\xA2 Mined this quarter: %s; reserves fall by what is mined.",
                  fmt_tonnes(t1, sizeof t1, n->mined_t, "t REO"));
        break;
    }
    case FIG_GDP:
        sb_printf(b, "\n\xE2\x80\xA2 Grows with the scenario's growth rate; shortages cost output "
                     "separately (Output lost to shortages).");
        break;
    case FIG_TRUST:
        if (news_lines(b, w, nation, CP_NEWS_POLICY, "Deal", 3) == 0)
            sb_printf(b, "\n\xE2\x80\xA2 No deal broken this quarter: trust moves only when a nation breaks a deal.");
        break;
    default:
        break;
    }
}

void explain_figure(const cp_world *w, const fig_snapshot *snap, int nation, fig_id f, cp_good good,
                    char *title, size_t tlen, char *body, size_t blen)
{
    fig_label(f, good, title, tlen);
    fig_text tx = text_of(f);
    sbuf b;
    sb_init(&b, body, blen);
    sb_printf(&b, "%s\nUnit: %s.\nSource: %s.", tx.what, tx.unit, tx.source);
    double now = fig_value(w, nation, f, good), prev = fig_prev(w, snap, nation, f, good);
    char vn[64], vp[64], ch[32], date[8];
    fig_format(f, good, now, vn, sizeof vn);
    int t = cp_world_turn(w);
    if (t == 0) {
        sb_printf(&b, "\n\nNow: %s (the scenario's first quarter: nothing to compare yet).", vn);
    } else if (isnan(prev)) {
        sb_printf(&b, "\n\nNow: %s.", vn);
    } else {
        fig_format(f, good, prev, vp, sizeof vp);
        sb_printf(&b, "\n\nNow: %s; in %s: %s (%s).", vn, cp_world_date_text(w, t - 1, date, sizeof date), vp,
                  fmt_change(ch, sizeof ch, prev, now));
    }
    if (f == FIG_SCORE) {
        const cp_weights *k = &cp_world_nation(w, nation)->weights;
        sb_printf(&b, "\nWeights: security %.0f%%, prosperity %.0f%%, leverage %.0f%%, stability %.0f%%.",
                  k->security * 100, k->prosperity * 100, k->leverage * 100, k->stability * 100);
    }
    size_t before = b.len;
    sb_printf(&b, "\nWhy:");
    size_t mark = b.len;
    reasons(&b, w, nation, f, good);
    if (b.len == mark) {
        /* nothing specific: fall back on this quarter's news about the nation */
        if (news_lines(&b, w, nation, -1, NULL, 3) == 0) {
            b.len = before;
            b.buf[b.len] = '\0';
        }
    }
}

void explain_facility(const cp_world *w, int facility, int operating_turn, char *title, size_t tlen,
                      char *body, size_t blen)
{
    const cp_facility *f = cp_world_facility(w, facility);
    snprintf(title, tlen, "%s", f->name);
    sbuf b;
    sb_init(&b, body, blen);
    char cap[48], date[8], money[32];
    const char *unit = label_kind_unit(f->kind);
    sb_printf(&b, "%s in %s", label_kind(f->kind), cp_world_nation(w, f->host)->name);
    if (f->funder != f->host && f->funder >= 0) sb_printf(&b, ", funded by %s", cp_world_nation(w, f->funder)->name);
    if (f->private_capital) sb_printf(&b, " (private capital)");
    sb_printf(&b, ".\nCapacity: %s a year.", fmt_tonnes(cap, sizeof cap, f->capacity_t_per_yr, unit));
    sb_printf(&b, "\nStage: %s", label_stage(f->stage));
    if (f->stage <= CP_STAGE_RAMP_UP)
        sb_printf(&b, ", %.0f%% through (%d of a planned %d quarters)", f->progress * 100, f->turns_in_stage,
                  f->stage_turns[f->stage]);
    sb_printf(&b, ".");
    if (f->stage == CP_STAGE_OPERATING || f->stage == CP_STAGE_RAMP_UP)
        sb_printf(&b, "\nOutput this quarter: %s (%.0f%% of capacity).",
                  fmt_tonnes(cap, sizeof cap, f->output_t, unit), f->utilisation * 100);
    if (operating_turn != TL_OPEN_END && operating_turn > cp_world_turn(w))
        sb_printf(&b, "\nFull output projected from %s.", cp_world_date_text(w, operating_turn, date, sizeof date));
    else if (f->stage == CP_STAGE_OPERATING && operating_turn != TL_OPEN_END && operating_turn != TL_UNKNOWN_START)
        sb_printf(&b, "\nAt full output since %s.", cp_world_date_text(w, operating_turn, date, sizeof date));
    if (f->delay_turns > 0) sb_printf(&b, "\nDelayed %d quarters by events so far.", f->delay_turns);
    if (f->stage <= CP_STAGE_CONSTRUCTION)
        sb_printf(&b, "\nCost: %s, %s paid so far.", fmt_musd(money, sizeof money, f->capex_musd),
                  fmt_musd(cap, sizeof cap, f->capex_paid_musd));
    sb_printf(&b, "\nPlanned stage lengths (quarters): announced %d, permitting %d, construction %d, ramp-up %d.",
              f->stage_turns[CP_STAGE_ANNOUNCED], f->stage_turns[CP_STAGE_PERMITTING],
              f->stage_turns[CP_STAGE_CONSTRUCTION], f->stage_turns[CP_STAGE_RAMP_UP]);
}
