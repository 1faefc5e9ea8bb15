/* debrief_html.c -- the debrief pack's summary.html: one printable page with the scenario's
 * objectives, the start of its briefing, the key figures of this game, the debrief questions
 * and the charts (linked to their PNG files), for a teacher to print or show after a game.
 * Plain HTML and CSS, no script, no network: it opens from the folder on any machine. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "debrief_internal.h"
#include "fmt.h"
#include "labels.h"

/* Text with &, <, > and quotes escaped. */
static void esc(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* A briefing heading: a line of capitals, digits, spaces and a few marks. */
static int is_heading(const char *line, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)line[i];
        if (islower(c) && !(c == 'x' && i > 0 && line[i - 1] == ' ')) return 0; /* "2 x 45 MINUTES" */
        if (c == '.' || c == '(' || c == ')' || c == '-' || c == ';') return 0;
        if (isupper(c)) letters++;
    }
    return letters >= 6;
}

/* The briefing's "WHAT IT IS" section (or its first paragraph) as one
 * paragraph, cut at a sentence end near 'max' characters. */
static void briefing_excerpt(const char *brief, char *out, size_t max)
{
    out[0] = '\0';
    if (!brief) return;
    const char *p = strstr(brief, "WHAT IT IS");
    p = p ? strchr(p, '\n') : brief;
    if (!p) return;
    size_t n = 0;
    while (*p && n + 2 < max) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        while (len > 0 && isspace((unsigned char)*p)) p++, len--;
        if (len == 0) {
            if (n > 0) break; /* the paragraph ends */
        } else {
            if (is_heading(p, len) && n > 0) break;
            if (!is_heading(p, len)) {
                if (n > 0) out[n++] = ' ';
                size_t take = len < max - n - 1 ? len : max - n - 1;
                memcpy(out + n, p, take);
                n += take;
                out[n] = '\0';
            }
        }
        if (!eol) break;
        p = eol + 1;
    }
    if (n + 2 >= max) { /* cut at the last sentence that fits */
        char *stop = strrchr(out, '.');
        if (stop && stop > out + max / 2) stop[1] = '\0';
        else snprintf(out + (n > 4 ? n - 4 : 0), 5, "...");
    }
}

static void figure_row(FILE *f, const char *what, const char *value)
{
    fputs("<tr><th>", f);
    esc(f, what);
    fputs("</th><td>", f);
    esc(f, value);
    fputs("</td></tr>\n", f);
}

static void key_figures(FILE *f, const cp_world *w, const dbf_figures *x)
{
    char v[300], a[48], b[48], c[48], d[8];
    fputs("<table class=\"fig\">\n", f);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        char what[96];
        snprintf(what, sizeof what, "World price of %s", label_good((cp_good)g));
        snprintf(v, sizeof v, "%s \xE2\x86\x92 %s; peak %s in %s", fmt_usd_per_kg(a, sizeof a, x->price_start[g]),
                 fmt_usd_per_kg(b, sizeof b, x->price_end[g]), fmt_usd_per_kg(c, sizeof c, x->price_peak[g]),
                 cp_world_date_text(w, x->price_peak_turn[g], d, sizeof d));
        figure_row(f, what, v);
        if (g == CP_ORE) continue; /* ore is bought by separators, not the lesson's buyers */
        if (x->china >= 0) {
            snprintf(what, sizeof what, "Paid for %s in China", label_good((cp_good)g));
            snprintf(v, sizeof v, "%s \xE2\x86\x92 %s", fmt_usd_per_kg(a, sizeof a, x->paid_china_start[g]),
                     fmt_usd_per_kg(b, sizeof b, x->paid_china_end[g]));
            figure_row(f, what, v);
        }
        snprintf(what, sizeof what, "Paid for %s %s", label_good((cp_good)g),
                 x->china >= 0 ? "outside China" : "by all buyers");
        double p0 = x->paid_abroad_start[g];
        snprintf(v, sizeof v, "%s \xE2\x86\x92 %s (%+.0f%%); peak %s in %s (%.1f\xC3\x97 the start)",
                 fmt_usd_per_kg(a, sizeof a, p0), fmt_usd_per_kg(b, sizeof b, x->paid_abroad_end[g]),
                 p0 > 0 ? 100.0 * (x->paid_abroad_end[g] / p0 - 1) : 0.0,
                 fmt_usd_per_kg(c, sizeof c, x->paid_abroad_peak[g]),
                 cp_world_date_text(w, x->paid_abroad_peak_turn[g], d, sizeof d),
                 p0 > 0 ? x->paid_abroad_peak[g] / p0 : 0.0);
        figure_row(f, what, v);
    }
    if (x->shortage_peak_turn >= 0)
        snprintf(v, sizeof v, "%s in %s (%s of magnet demand)", fmt_tonnes(a, sizeof a, x->shortage_peak_t, "t"),
                 cp_world_date_text(w, x->shortage_peak_turn, d, sizeof d),
                 fmt_share(b, sizeof b, x->shortage_peak_share));
    else
        snprintf(v, sizeof v, "none");
    figure_row(f, "Worst world magnet shortage", v);
    if (x->china >= 0) {
        static const char *stage[CP_FAC_KIND_COUNT] = {"mining", "separation", "magnets", "heavy separation"};
        char s0[16], s1[16];
        size_t n = 0;
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
            n += (size_t)snprintf(v + n, sizeof v - n, "%s%s %s \xE2\x86\x92 %s", k ? "; " : "", stage[k],
                                  fmt_share(s0, sizeof s0, x->china_share_start[k]),
                                  fmt_share(s1, sizeof s1, x->china_share_end[k]));
        figure_row(f, "China's share of world output", v);
    }
    static const char *kind[CP_FAC_KIND_COUNT] = {"mines", "separation plants", "magnet plants", "heavy lines"};
    size_t n = 0;
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
        n += (size_t)snprintf(v + n, sizeof v - n, "%s%d %s (%s t/yr)", k ? "; " : "", x->decided_count[k], kind[k],
                              fmt_compact(a, sizeof a, x->decided_t_per_yr[k]));
    figure_row(f, x->china >= 0 ? "New capacity decided outside China" : "New capacity decided", v);
    n = 0;
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
        n += (size_t)snprintf(v + n, sizeof v - n, "%s%d %s (%s t/yr)", k ? "; " : "", x->online_count[k], kind[k],
                              fmt_compact(a, sizeof a, x->online_t_per_yr[k]));
    figure_row(f, x->china >= 0 ? "New capacity producing outside China" : "New capacity producing", v);
    snprintf(v, sizeof v, "%d signed (came into force) of %d proposed", x->deals_signed, x->deals_proposed);
    figure_row(f, "Deals", v);
    snprintf(v, sizeof v, "%d policy move%s, %d event%s (floods, conflict, lawsuits, ...)", x->policy_moves,
             x->policy_moves == 1 ? "" : "s", x->events, x->events == 1 ? "" : "s");
    figure_row(f, "News", v);
    figure_row(f, "Tariffs collected", fmt_musd(v, sizeof v, x->tariffs_musd));
    fputs("</table>\n", f);
}

/* The table by nation: each main actor's prices paid at the start and the
 * end, its magnet shortage over the game and its score, so that no reader
 * takes a world average for what every nation lived through. */
static void nation_table(FILE *f, const cp_world *w, const dbf_figures *x)
{
    static const cp_good goods[] = {CP_LIGHT_OXIDE, CP_HEAVY_OXIDE, CP_MAGNET};
    char a[48], b[48], c[48], d[8];
    fputs("<table class=\"nat\">\n<thead><tr><th>Nation</th>", f);
    for (size_t k = 0; k < sizeof goods / sizeof goods[0]; k++) {
        fputs("<th>Paid for ", f);
        esc(f, label_good(goods[k]));
        fputs("</th>", f);
    }
    fputs("<th>Magnet shortage, all quarters</th><th>Score</th><th>Made by its decisions</th></tr></thead>\n<tbody>\n", f);
    for (int i = 0; i < x->actor_count; i++) {
        const dbf_actor *n = &x->actor[i];
        const cp_nation *nat = cp_world_nation(w, n->nation);
        fprintf(f, "<tr data-iso3=\"%s\"><td>", nat->iso3);
        esc(f, nat->name);
        fputs("</td>", f);
        for (size_t k = 0; k < sizeof goods / sizeof goods[0]; k++) {
            cp_good g = goods[k];
            fprintf(f, "<td>%s \xE2\x86\x92 %s", fmt_usd_per_kg(a, sizeof a, n->paid_start[g]),
                    fmt_usd_per_kg(b, sizeof b, n->paid_end[g]));
            if (n->paid_peak[g] > 1.05 * (n->paid_start[g] > n->paid_end[g] ? n->paid_start[g] : n->paid_end[g]))
                fprintf(f, "<br><span class=\"peak\">peak %s in %s</span>", fmt_usd_per_kg(c, sizeof c, n->paid_peak[g]),
                        cp_world_date_text(w, n->paid_peak_turn[g], d, sizeof d));
            fputs("</td>", f);
        }
        fprintf(f, "<td>%s (%s of demand)</td><td>%.0f \xE2\x86\x92 %.0f</td>",
                fmt_tonnes(a, sizeof a, n->magnet_shortage_t, "t"),
                fmt_share(b, sizeof b, n->magnet_demand_t > 0 ? n->magnet_shortage_t / n->magnet_demand_t : 0),
                n->score_start, n->score_end);
        if (n->has_made)
            fprintf(f, "<td>%+.1f points</td></tr>\n", n->made);
        else
            fputs("<td>not measured</td></tr>\n", f);
    }
    fputs("</tbody>\n</table>\n<p class=\"small\">Prices paid are what each nation's buyers paid per kg, "
          "imports and home supply together, at the first and the last quarter (nations.csv has every "
          "quarter; a peak is shown where it stood more than 5% above both). The score is the nation's running mean of its quarterly scores, 0 to 100. "
          "Made by its decisions is its score less the score it would have had in the same game without "
          "its own decisions (every other nation's and the teacher's as they happened), in score points.</p>\n", f);
}

/* What each kind of move in the list means, for the kinds this game holds
 * (the words are dbf_move_kind's). */
static void kinds_glossary(FILE *f, const cp_world *w)
{
    static const struct {
        const char *kind, *means;
    } gloss[] = {
        {"export licences", "an exporter lets a good go to a buyer only under licence, approving a share of the "
                            "orders (and maybe none for defence use)"},
        {"technology ban", "a nation bans the export of its processing technology: its firms may not build "
                           "separation or magnet plants abroad, and nations behind it build theirs slower and dearer"},
        {"suspends controls", "an exporter suspends its export controls for a time (often a deal's clause)"},
        {"controls return", "suspended export controls come back into force"},
        {"export ban", "a nation stops all exports of a good (often raw ore, to process it at home)"},
        {"opens exports", "a nation lifts its export controls on a good"},
        {"tariffs", "an importer taxes a good from one origin; the importer's buyers and the exporter share it"},
        {"export quota", "an exporter caps the tonnes of a good it lets out each quarter"},
        {"export tax", "an exporter taxes what leaves: buyers abroad pay more than buyers at home"},
        {"stockpile", "a state buys a good into (or releases it from) a strategic stockpile"},
        {"subsidy", "a state pays a share of its plants' operating costs"},
        {"price floor", "a state guarantees its producers a minimum price, paying the difference"},
        {"tracking", "an exporter runs a tracking system: less material leaks round its bans through third "
                     "countries or into defence use"},
        {"teacher's lock", "the teacher locked (or unlocked) a nation's policy"},
        {"deals", "a deal proposed, agreed, started or ended between nations (deals.csv has each one)"},
        {"other", "a note of the scenario's own, from its history"},
    };
    int shown = 0;
    for (size_t k = 0; k < sizeof gloss / sizeof gloss[0]; k++) {
        int found = 0;
        for (int i = 0; i < cp_world_news_count(w) && !found; i++) {
            const cp_news *x = cp_world_news(w, i);
            found = x->kind == CP_NEWS_POLICY && dbf_is_move(x) && strcmp(dbf_move_kind(x->text), gloss[k].kind) == 0;
        }
        if (!found) continue;
        fputs(shown++ ? "" : "<p><b>The kinds of move</b> in the list (\xC3\x97N: N moves of that kind):</p>\n"
                             "<dl class=\"kinds\">\n", f);
        fprintf(f, "<dt>%s</dt><dd>", gloss[k].kind);
        esc(f, gloss[k].means);
        fputs("</dd>\n", f);
    }
    if (shown) fputs("</dl>\n", f);
}

/* The full legend of prices.png: what each line and mark means, then every
 * numbered policy move with its date and what it was, and every event (the
 * dots on the baseline). The chart has room for only some of the list; this
 * page has all of it. */
static void moves_legend(FILE *f, const cp_world *w)
{
    fputs("<h2 class=\"newpage\">Policy moves and events: the legend of prices.png</h2>\n<ul class=\"legend\">\n"
          "<li><b>Thin black line</b>: the world price, producers' prices weighted by output.</li>\n"
          "<li><b>Thick line with squares</b> (vermillion): the price paid in China.</li>\n"
          "<li><b>Thick line with rings</b> (sky blue): the price paid elsewhere, each nation's price paid "
          "weighted by what it bought.</li>\n"
          "<li><b>Numbered box</b> above a panel, with a faint vertical line: a quarter with a policy move on that "
          "good; the number is the quarter's place in the list below.</li>\n"
          "<li><b>Dot</b> on a panel's baseline: an event (a flood, a conflict, a lawsuit, one the teacher "
          "injected), listed under the moves.</li>\n</ul>\n",
          f);
    dbf_marks m;
    dbf_find_marks(w, &m);
    if (m.n == 0) {
        fputs("<p>No policy moves during the game.</p>\n", f);
    } else {
        fputs("<ol class=\"moves\">\n", f);
        for (int k = 0; k < m.n; k++) {
            char date[8], line[2000];
            dbf_quarter_line(w, m.turn[k], line, sizeof line);
            fprintf(f, "<li><b>%s</b> ", cp_world_date_text(w, m.turn[k], date, sizeof date));
            esc(f, line);
            fputs("</li>\n", f);
        }
        fputs("</ol>\n", f);
        if (m.more)
            fprintf(f, "<p>The game is longer than the chart can number: %d more quarters with policy moves are "
                       "in news.csv.</p>\n", m.more);
    }
    kinds_glossary(f, w);
    int events = 0;
    for (int i = 0; i < cp_world_news_count(w); i++) {
        const cp_news *x = cp_world_news(w, i);
        if (x->kind != CP_NEWS_EVENT || x->turn < 1) continue;
        char date[8];
        fputs(events++ ? "" : "<p><b>Events</b> (the dots):</p>\n<ul class=\"events\">\n", f);
        fprintf(f, "<li><b>%s</b> ", cp_world_date_text(w, x->turn, date, sizeof date));
        esc(f, x->text);
        fputs("</li>\n", f);
    }
    fputs(events ? "</ul>\n" : "<p>No events during the game.</p>\n", f);
}

static const char *STYLE =
    "<style>\n"
    "body{font-family:'DejaVu Sans',Verdana,sans-serif;font-size:10pt;color:#111;margin:1.2em auto;max-width:64em;"
    "line-height:1.35}\n"
    "h3{font-size:10pt;margin:.6em 0 .2em}h1{font-size:16pt;margin:0 0 .1em}h2{font-size:11pt;margin:.8em 0 .3em;border-bottom:1px solid #999}\n"
    ".meta{color:#444;margin:0 0 .4em}.cols{display:flex;gap:1.5em}.cols>div{flex:1}\n"
    "table.fig{border-collapse:collapse;width:100%}table.fig th{text-align:left;font-weight:normal;color:#333;"
    "padding:.15em .6em .15em 0;vertical-align:top;width:38%}table.fig td{padding:.15em 0}\n"
    "table.fig tr{border-bottom:1px solid #ddd}ol,ul{margin:.2em 0;padding-left:1.4em}li{margin:.15em 0}\n"
    ".charts{display:grid;grid-template-columns:repeat(3,1fr);gap:.6em}.charts figure{margin:0}"
    ".charts img{width:100%;border:1px solid #999}.charts figcaption{font-size:8pt;color:#333}\n"
    "table.nat{border-collapse:collapse;width:100%}table.nat th,table.nat td{border-bottom:1px solid #ccc;"
    "padding:.15em .5em .15em 0;text-align:left;vertical-align:top}table.nat thead th{border-bottom:1.5px solid #111}\n"
    "dl.kinds{display:grid;grid-template-columns:max-content 1fr;gap:.1em .8em;margin:.2em 0}dl.kinds dt{font-weight:bold}"
    "dl.kinds dd{margin:0}\n"
    ".peak{font-size:85%;color:#333}code{font-size:9pt}.small{font-size:8.5pt;color:#444}\n"
    "html{background:#fff}\n"
    /* on A4: the figures and questions first, the legend of moves on its own page, then
     * the charts large enough to read on paper, two to a page (prices, the tallest, alone) */
    "@media print{@page{size:A4 portrait;margin:12mm 11mm}body{font-size:9pt;margin:0;max-width:none}"
    "h1{font-size:14pt}h2{font-size:10.5pt;margin:.6em 0 .25em;break-after:avoid}"
    "tr,li,dt,dd{break-inside:avoid}.cols{display:block}"
    ".newpage{break-before:page}.charts{display:block}"
    ".charts figure{break-inside:avoid;margin:0 0 5mm}.charts img{width:100%;max-height:120mm;object-fit:contain}"
    ".charts figure.tall img{max-height:215mm}.charts figcaption{font-size:8pt}"
    "a{color:#111;text-decoration:none}}\n"
    "</style>\n";

/* One human seat's decisions: for every quarter played, what the game
 * recorded of the nation in its news (its policy moves, orders refused,
 * plants announced, deals) and what followed by the end of that quarter:
 * the prices it paid, its magnet shortage and its score. */
static void seat_log(FILE *f, const cp_world *w, int nation)
{
    const cp_nation *nat = cp_world_nation(w, nation);
    char a[48], b[48], c[48], d[8], e[16];
    fputs("<h3>", f);
    esc(f, nat->name);
    fputs("</h3>\n<table class=\"nat seat\">\n<thead><tr><th>Quarter</th><th>What it decided (the news of the "
          "quarter)</th><th>What followed: price paid for Dy/Tb oxide, magnets; magnet shortage; score</th></tr>"
          "</thead>\n<tbody>\n",
          f);
    for (int t = 1; t <= cp_world_turn(w); t++) {
        fprintf(f, "<tr><td>%s</td><td>", cp_world_date_text(w, t, d, sizeof d));
        int items = 0;
        for (int i = 0; i < cp_world_news_count(w); i++) {
            const cp_news *x = cp_world_news(w, i);
            if (x->turn != t || x->nation != nation || x->kind == CP_NEWS_EVENT) continue;
            fputs(items++ ? "<br>" : "", f);
            esc(f, x->text);
        }
        if (!items) fputs("<span class=\"small\">nothing recorded</span>", f);
        const cp_nation_history *h = cp_world_nation_history(w, t, nation);
        double demand_t = h->demand_good_t[CP_MAGNET];
        fprintf(f, "</td><td>%s, %s; %s (%s); score %.0f</td></tr>\n",
                fmt_usd_per_kg(a, sizeof a, h->price_paid_usd_per_kg[CP_HEAVY_OXIDE]),
                fmt_usd_per_kg(b, sizeof b, h->price_paid_usd_per_kg[CP_MAGNET]),
                fmt_tonnes(c, sizeof c, h->shortage_good_t[CP_MAGNET], "t"),
                fmt_share(e, sizeof e, demand_t > 0 ? h->shortage_good_t[CP_MAGNET] / demand_t : 0), h->score);
    }
    fputs("</tbody>\n</table>\n", f);
}

int dbh_write(const cp_world *w, const cps_scenario_info *info, const dbf_figures *x, const int *human, const char *dir,
              const char *const *csv, int csv_count, char *err, size_t errlen)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/summary.html", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(err, errlen, "debrief: cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    const cp_scenario *sc = cp_world_scenario(w);
    char d0[8], d1[8];
    cp_world_date_text(w, 0, d0, sizeof d0);
    cp_world_date_text(w, x->turn, d1, sizeof d1);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Debrief: ", f);
    esc(f, sc->title);
    fputs("</title>\n", f);
    fputs(STYLE, f);
    fputs("</head>\n<body>\n<h1>Debrief: ", f);
    esc(f, sc->title);
    fputs("</h1>\n<p class=\"meta\">Scenario <b>", f);
    esc(f, sc->name);
    fprintf(f, "</b>, seed <b>%llu</b>, %s to %s (%d quarters played). State hash %016llx.</p>\n",
            (unsigned long long)cp_world_seed(w), d0, d1, x->turn, (unsigned long long)cp_world_hash(w));

    fputs("<div class=\"cols\">\n<div>\n<h2>Key figures of this game</h2>\n", f);
    key_figures(f, w, x);
    fputs("</div>\n<div>\n", f);
    char excerpt[900];
    briefing_excerpt(info ? info->briefing : NULL, excerpt, sizeof excerpt);
    if (excerpt[0]) {
        fputs("<h2>The scenario</h2>\n<p>", f);
        esc(f, excerpt);
        fputs("</p>\n", f);
    }
    if (info && info->objective_count > 0) {
        fputs("<h2>Learning objectives</h2>\n<ul>\n", f);
        for (int k = 0; k < info->objective_count; k++) {
            fputs("<li>", f);
            esc(f, info->objectives[k]);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
    }
    fputs("</div>\n</div>\n", f);

    fputs("<h2>Key figures by nation</h2>\n", f);
    nation_table(f, w, x);

    fputs("<h2>Debrief questions</h2>\n", f);
    if (info && info->debrief_count > 0) {
        fputs("<ol>\n", f);
        for (int k = 0; k < info->debrief_count; k++) {
            fputs("<li>", f);
            esc(f, info->debrief[k]);
            fputs("</li>\n", f);
        }
        fputs("</ol>\n", f);
    } else {
        fputs("<p>The scenario lists no debrief questions. Start from the charts: which prices moved and which "
              "held, who ran short and when, when new capacity arrived compared with when it was decided.</p>\n",
              f);
    }

    moves_legend(f, w);

    int seats = 0;
    for (int n = 0; human && n < cp_world_nation_count(w); n++) seats += human[n] != 0;
    if (seats) {
        fputs("<h2 class=\"newpage\">What the human players decided</h2>\n<p class=\"small\">Quarter by quarter, "
              "what the game's news recorded of each nation a human played when the pack was written (its policy "
              "moves, orders refused, plants announced, deals; the scenario's own scheduled moves for that nation "
              "show here too), and where the nation stood at the end of that quarter.</p>\n",
              f);
        for (int n = 0; n < cp_world_nation_count(w); n++)
            if (human[n]) seat_log(f, w, n);
    }

    fputs("<h2 class=\"newpage\">Charts</h2>\n<div class=\"charts\">\n", f);
    for (int k = 0; k < dbc_chart_count; k++) {
        const char *tall = dbc_charts[k].height > dbc_charts[k].width * 3 / 4 ? " class=\"tall\"" : "";
        fprintf(f, "<figure%s><a href=\"%s\"><img src=\"%s\" alt=\"", tall, dbc_charts[k].file, dbc_charts[k].file);
        esc(f, dbc_charts[k].caption);
        fputs("\"></a><figcaption>", f);
        esc(f, dbc_charts[k].caption);
        fprintf(f, " (<a href=\"%s\">%s</a>)</figcaption></figure>\n", dbc_charts[k].file, dbc_charts[k].file);
    }
    fputs("</div>\n", f);
    fputs("<p class=\"small\">", f);
    if (csv_count > 0) {
        fputs("Data, for a spreadsheet (columns in docs/csv.md): ", f);
        for (int k = 0; k < csv_count; k++)
            fprintf(f, "%s<a href=\"%s\">%s</a>", k ? ", " : "", csv[k], csv[k]);
        fputs(". ", f);
    } else {
        fputs("This pack has no CSV files; <code>chokepoint sim --csv DIR</code> writes them. ", f);
    }
    fputs("Run it again headless: <code>chokepoint sim --scenario ", f);
    esc(f, sc->name);
    fprintf(f, " --seed %llu --turns %d --debrief DIR</code> (the scenario with its AI agents; a game with human "
               "players differs by their decisions).</p>\n",
            (unsigned long long)cp_world_seed(w), x->turn);
    fputs("</body>\n</html>\n", f);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        snprintf(err, errlen, "debrief: error writing %s", path);
        return -1;
    }
    return 0;
}
