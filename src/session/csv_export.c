/* csv_export.c -- the game's history as CSV files, documented in docs/csv.md.
 * Every figure comes from the world's history, the one source that charts
 * and the debrief read too. Rows are made in a buffer with base's csv.h and
 * reach the file a block at a time. Beside them, datapackage.json describes
 * their columns and what made them (datapackage.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bytes.h"
#include "csv.h"
#include "batch.h"
#include "session.h"

/* One CSV file being written: its rows in 'buf' until they are written. */
typedef struct {
    FILE *f;
    bytes_buf buf;
    const char *dir, *name;
} csv_out;

enum { CSV_BLOCK_BYTES = 1 << 16 };

static int out_open(csv_out *o, const char *dir, const char *name, char *err, size_t errlen)
{
    char path[1024];
    memset(o, 0, sizeof *o);
    o->dir = dir;
    o->name = name;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    o->f = fopen(path, "w");
    if (!o->f)
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return o->f ? 0 : -1;
}

/* Write the rows made so far once they fill a block (at the end: 'all'). */
static void out_drain(csv_out *o, int all)
{
    if (o->buf.len == 0 || (!all && o->buf.len < CSV_BLOCK_BYTES))
        return;
    fwrite(o->buf.data, 1, o->buf.len, o->f);
    o->buf.len = 0;
}

static int out_close(csv_out *o, char *err, size_t errlen)
{
    int no_memory = o->buf.failed;
    if (!no_memory)
        out_drain(o, 1);
    free(o->buf.data);
    int bad = ferror(o->f);
    if (fclose(o->f) != 0 || bad || no_memory) {
        snprintf(err, errlen, "%s %s/%s", no_memory ? "out of memory writing" : "error writing",
                 o->dir, o->name);
        return -1;
    }
    return 0;
}

/* The made columns of nation 'n' at turn 't': the score without its decisions and the
 * difference they made, in total and by part (made.c); empty cells where the game keeps no
 * without-world for it, or before one began. */
static void made_cells(bytes_buf *b, const cpg_game *g, int n, int t)
{
    cpg_made m;
    if (!g || cpg_made_at(g, n, t, &m) != 0) {
        bytes_printf(b, ",,,,,,");
        return;
    }
    bytes_printf(b, ",%.3f,%.4f,%.4f,%.4f,%.4f,%.4f", m.without.total, m.total,
                 m.part[CP_PART_SECURITY], m.part[CP_PART_PROSPERITY], m.part[CP_PART_LEVERAGE],
                 m.part[CP_PART_STABILITY]);
}

static int write_nations(const cp_world *w, const cpg_game *g, const char *dir, char *err,
                         size_t errlen)
{
    csv_out o;
    if (out_open(&o, dir, "nations.csv", err, errlen))
        return -1;
    bytes_printf(&o.buf, "turn,date,nation,mined_t,separated_t,magnets_t,demand_t,shortage_t,"
                         "stockpile_t,treasury_musd,score,price_ore_usd_per_kg,"
                         "price_light_oxide_usd_per_kg,price_heavy_oxide_usd_per_kg,"
                         "price_magnet_usd_per_kg,demand_magnet_t,shortage_magnet_t,"
                         "shortage_light_oxide_t,shortage_heavy_oxide_t,shortage_defense_t,"
                         "imports_magnet_t,exports_magnet_t,gdp_loss_busd,pressure,"
                         "tariff_revenue_musd,score_security,score_prosperity,score_leverage,"
                         "score_stability,score_without,made,made_security,made_prosperity,"
                         "made_leverage,made_stability\n");
    char date[8];
    for (int t = 0; t <= cp_world_turn(w); t++) {
        cp_world_date_text(w, t, date, sizeof date);
        for (int n = 0; n < cp_world_nation_count(w); n++) {
            const cp_nation_history *h = cp_world_nation_history(w, t, n);
            bytes_printf(&o.buf,
                         "%d,%s,%s,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,"
                         "%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.6f,%.4f,%.4f,",
                         t, date, cp_world_nation(w, n)->iso3, h->mined_t, h->separated_t,
                         h->magnets_t, h->demand_t, h->shortage_t, h->stockpile_t,
                         h->treasury_musd, h->score, h->price_paid_usd_per_kg[CP_ORE],
                         h->price_paid_usd_per_kg[CP_LIGHT_OXIDE],
                         h->price_paid_usd_per_kg[CP_HEAVY_OXIDE],
                         h->price_paid_usd_per_kg[CP_MAGNET], h->demand_good_t[CP_MAGNET],
                         h->shortage_good_t[CP_MAGNET], h->shortage_good_t[CP_LIGHT_OXIDE],
                         h->shortage_good_t[CP_HEAVY_OXIDE],
                         h->sector_shortage_t[CP_SECTOR_DEFENSE], h->imports_t[CP_MAGNET],
                         h->exports_t[CP_MAGNET], h->gdp_loss_busd, h->pressure,
                         h->tariff_revenue_musd);
            /* the score's parts (the core's, from the same history) */
            cp_score_parts p;
            if (cp_world_score_parts(w, n, t, &p) != CP_OK)
                memset(&p, 0, sizeof p);
            bytes_printf(&o.buf, "%.3f,%.3f,%.3f,%.3f", p.part[CP_PART_SECURITY],
                         p.part[CP_PART_PROSPERITY], p.part[CP_PART_LEVERAGE],
                         p.part[CP_PART_STABILITY]);
            made_cells(&o.buf, g, n, t);
            bytes_printf(&o.buf, "\n");
            out_drain(&o, 0);
        }
    }
    return out_close(&o, err, errlen);
}

static int write_markets(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    csv_out o;
    if (out_open(&o, dir, "markets.csv", err, errlen))
        return -1;
    bytes_printf(&o.buf, "turn,date,good,world_price_usd_per_kg,production_t,traded_t,shortage_t\n");
    char date[8];
    for (int t = 0; t <= cp_world_turn(w); t++) {
        cp_world_date_text(w, t, date, sizeof date);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            const cp_market_history *h = cp_world_market_history(w, t, (cp_good)g);
            bytes_printf(&o.buf, "%d,%s,%s,%.4f,%.3f,%.3f,%.3f\n", t, date,
                         cp_good_name((cp_good)g), h->world_price_usd_per_kg, h->production_t,
                         h->traded_t, h->shortage_t);
            out_drain(&o, 0);
        }
    }
    return out_close(&o, err, errlen);
}

static int write_facilities(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    csv_out o;
    if (out_open(&o, dir, "facilities.csv", err, errlen))
        return -1;
    bytes_printf(&o.buf, "id,name,kind,host,funder,capacity_t_per_yr,stage,start_turn,operating_turn,"
                         "delay_turns,capex_musd,capex_paid_musd,output_t\n");
    for (int k = 0; k < cp_world_facility_count(w); k++) {
        const cp_facility *x = cp_world_facility(w, k);
        bytes_printf(&o.buf, "%d,", x->id);
        csv_cell(&o.buf, x->name, CSV_QUOTE_ALWAYS);
        bytes_printf(&o.buf, ",%s,%s,%s,%.1f,%s,%d,%d,%d,%.2f,%.2f,%.3f\n",
                     cp_facility_kind_name(x->kind), cp_world_nation(w, x->host)->iso3,
                     cp_world_nation(w, x->funder)->iso3, x->capacity_t_per_yr,
                     cp_stage_name(x->stage), x->start_turn, x->operating_turn, x->delay_turns,
                     x->capex_musd, x->capex_paid_musd, x->output_t);
        out_drain(&o, 0);
    }
    return out_close(&o, err, errlen);
}

static int write_news(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    csv_out o;
    if (out_open(&o, dir, "news.csv", err, errlen))
        return -1;
    bytes_printf(&o.buf, "turn,date,kind,nation,text,partner,facility,routine\n");
    char date[8];
    for (int k = 0; k < cp_world_news_count(w); k++) {
        const cp_news *n = cp_world_news(w, k);
        cp_world_date_text(w, n->turn, date, sizeof date);
        bytes_printf(&o.buf, "%d,%s,%s,%s,", n->turn, date, cp_news_kind_name(n->kind),
                     n->nation >= 0 ? cp_world_nation(w, n->nation)->iso3 : "");
        csv_cell(&o.buf, n->text, CSV_QUOTE_ALWAYS);
        bytes_printf(&o.buf, ",%s,", n->partner >= 0 ? cp_world_nation(w, n->partner)->iso3 : "");
        if (n->facility >= 0)
            bytes_printf(&o.buf, "%d", n->facility);
        bytes_printf(&o.buf, ",%d\n", n->routine);
        out_drain(&o, 0);
    }
    return out_close(&o, err, errlen);
}

/* One row per step of every deal: proposal, answers, start, end, breach. */
static int write_deals(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    csv_out o;
    if (out_open(&o, dir, "deals.csv", err, errlen))
        return -1;
    bytes_printf(&o.buf, "turn,date,deal_id,proposer,parties,clauses,status,event,by\n");
    char date[8], text[1024];
    for (int k = 0; k < cp_world_deal_event_count(w); k++) {
        const cp_deal_event *e = cp_world_deal_event(w, k);
        const cp_deal *d = cp_world_deal(w, e->deal_id);
        char parties[64] = "";
        for (int p = 0; p < d->party_count; p++) {
            strncat(parties, cp_world_nation(w, d->parties[p])->iso3, sizeof parties - strlen(parties) - 1);
            if (p + 1 < d->party_count)
                strncat(parties, " ", sizeof parties - strlen(parties) - 1);
        }
        cp_world_date_text(w, e->turn, date, sizeof date);
        bytes_printf(&o.buf, "%d,%s,%d,%s,%s,", e->turn, date, d->id,
                     cp_world_nation(w, d->proposer)->iso3, parties);
        csv_cell(&o.buf, cp_deal_describe(w, d, text, sizeof text), CSV_QUOTE_ALWAYS);
        bytes_printf(&o.buf, ",%s,%s,%s\n", cp_deal_status_name(e->status), e->what,
                     e->nation >= 0 ? cp_world_nation(w, e->nation)->iso3 : "");
        out_drain(&o, 0);
    }
    return out_close(&o, err, errlen);
}

/* ---- the columns, for datapackage.json (docs/csv.md says the same in prose) ---- */

#define T_PER_Q "t"
static const cpg_field NATION_FIELDS[] = {
    {"turn", "integer", NULL, "turn number; 0 is the starting state"},
    {"date", "string", NULL, "the quarter, as 2025Q1"},
    {"nation", "string", NULL, "ISO 3166 alpha-3 code"},
    {"mined_t", "number", T_PER_Q, "ore mined this quarter, tonnes of rare-earth oxide (REO)"},
    {"separated_t", "number", T_PER_Q, "ore fed to separation plants this quarter, tonnes REO"},
    {"magnets_t", "number", T_PER_Q, "NdFeB magnets made this quarter, tonnes"},
    {"demand_t", "number", T_PER_Q, "final demand at reference prices, all goods, tonnes this quarter"},
    {"shortage_t", "number", T_PER_Q, "final demand not met, all goods, tonnes this quarter"},
    {"stockpile_t", "number", "t", "strategic stockpile, all goods, tonnes"},
    {"treasury_musd", "number", "USD million", "state money for rare-earth policy"},
    {"score", "number", "0-100", "mean score over the turns played"},
    {"price_ore_usd_per_kg", "number", "USD/kg", "price this nation pays for ore (CES index over origins, tariffs and licence premiums included)"},
    {"price_light_oxide_usd_per_kg", "number", "USD/kg", "price this nation pays for NdPr oxide"},
    {"price_heavy_oxide_usd_per_kg", "number", "USD/kg", "price this nation pays for Dy/Tb oxide"},
    {"price_magnet_usd_per_kg", "number", "USD/kg", "price this nation pays for NdFeB magnets"},
    {"demand_magnet_t", "number", T_PER_Q, "final demand for magnets, tonnes this quarter"},
    {"shortage_magnet_t", "number", T_PER_Q, "magnet demand not met, tonnes this quarter"},
    {"shortage_light_oxide_t", "number", T_PER_Q, "NdPr oxide demand not met, tonnes this quarter"},
    {"shortage_heavy_oxide_t", "number", T_PER_Q, "Dy/Tb oxide demand not met, tonnes this quarter"},
    {"shortage_defense_t", "number", T_PER_Q, "defense sector's demand not met, all goods, tonnes this quarter"},
    {"imports_magnet_t", "number", T_PER_Q, "magnets imported this quarter, tonnes"},
    {"exports_magnet_t", "number", T_PER_Q, "magnets exported this quarter, tonnes"},
    {"gdp_loss_busd", "number", "USD billion", "output lost to shortages this quarter"},
    {"pressure", "number", "0-1", "political pressure"},
    {"tariff_revenue_musd", "number", "USD million", "tariffs collected this quarter"},
    {"score_security", "number", "0-100", "the score's security part, mean over the turns played"},
    {"score_prosperity", "number", "0-100", "the score's prosperity part, mean over the turns played"},
    {"score_leverage", "number", "0-100", "the score's leverage part, mean over the turns played"},
    {"score_stability", "number", "0-100", "the score's stability part, mean over the turns played"},
    {"score_without", "number", "0-100", "the score the nation would have had without its own decisions: every other seat's and the teacher's as they happened, none of its own (docs/score.md); empty when not measured"},
    {"made", "number", "score points", "score - score_without: the difference the nation's decisions made"},
    {"made_security", "number", "score points", "the security part's share of made: its weight x (part - part without)"},
    {"made_prosperity", "number", "score points", "the prosperity part's share of made"},
    {"made_leverage", "number", "score points", "the leverage part's share of made"},
    {"made_stability", "number", "score points", "the stability part's share of made"},
};

static const cpg_field MARKET_FIELDS[] = {
    {"turn", "integer", NULL, "turn number; 0 is the starting state"},
    {"date", "string", NULL, "the quarter, as 2025Q1"},
    {"good", "string", NULL, "ore, light_oxide (NdPr), heavy_oxide (Dy/Tb) or magnet"},
    {"world_price_usd_per_kg", "number", "USD/kg", "sales-weighted producer (FOB) price"},
    {"production_t", "number", T_PER_Q, "made this quarter, tonnes"},
    {"traded_t", "number", T_PER_Q, "crossed a border this quarter, tonnes"},
    {"shortage_t", "number", T_PER_Q, "final demand not met this quarter, tonnes"},
};

static const cpg_field FACILITY_FIELDS[] = {
    {"id", "integer", NULL, "the facility's id (news.csv's facility column)"},
    {"name", "string", NULL, "its name"},
    {"kind", "string", NULL, "mine, separation or magnet_plant"},
    {"host", "string", NULL, "ISO3 code of the nation it stands in"},
    {"funder", "string", NULL, "ISO3 code of the nation that pays for it"},
    {"capacity_t_per_yr", "number", "t/yr", "capacity, tonnes a year"},
    {"stage", "string", NULL, "announced, permitting, construction, ramp_up, operating, idled or closed"},
    {"start_turn", "integer", NULL, "turn it was started"},
    {"operating_turn", "integer", NULL, "turn it operates (reached or projected)"},
    {"delay_turns", "integer", "turns", "delay added by events"},
    {"capex_musd", "number", "USD million", "capital cost"},
    {"capex_paid_musd", "number", "USD million", "capital cost paid so far"},
    {"output_t", "number", T_PER_Q, "output in the last quarter, tonnes"},
};

static const cpg_field NEWS_FIELDS[] = {
    {"turn", "integer", NULL, "turn number"},
    {"date", "string", NULL, "the quarter, as 2025Q1"},
    {"kind", "string", NULL, "policy, event, facility, market or deal"},
    {"nation", "string", NULL, "ISO3 code of the nation concerned; empty if none"},
    {"text", "string", NULL, "the news in words"},
    {"partner", "string", NULL, "ISO3 code of the other nation involved; empty if none"},
    {"facility", "integer", NULL, "the facility's id; empty if none"},
    {"routine", "integer", NULL, "1 for a plant moving to its next stage on schedule, else 0"},
};

static const cpg_field DEAL_FIELDS[] = {
    {"turn", "integer", NULL, "turn number"},
    {"date", "string", NULL, "the quarter, as 2025Q1"},
    {"deal_id", "integer", NULL, "the deal's id"},
    {"proposer", "string", NULL, "ISO3 code of the nation that proposed it"},
    {"parties", "string", NULL, "ISO3 codes of its parties, separated by spaces"},
    {"clauses", "string", NULL, "its clauses in words, with the term (the deal's latest version)"},
    {"status", "string", NULL, "the deal's status after the step"},
    {"event", "string", NULL, "proposed, accepted, countered, rejected, agreed, started, expired, breached, withdrawn or lapsed"},
    {"by", "string", NULL, "ISO3 code of the nation that acted; empty for the rules"},
};

#define FIELDS(a) a, (int)(sizeof a / sizeof a[0])
static const cpg_resource RESOURCES[] = {
    {"nations", "nations.csv", "one row per nation per turn", FIELDS(NATION_FIELDS)},
    {"markets", "markets.csv", "one row per good per turn", FIELDS(MARKET_FIELDS)},
    {"facilities", "facilities.csv", "one row per facility, at the end of the run", FIELDS(FACILITY_FIELDS)},
    {"news", "news.csv", "the news feed", FIELDS(NEWS_FIELDS)},
    {"deals", "deals.csv", "every step of every deal", FIELDS(DEAL_FIELDS)},
};

/* DIR/datapackage.json: the five files' columns and what made them. */
static int write_package(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    char path[1100], seed[32], turns[16], title[256];
    snprintf(path, sizeof path, "%s/datapackage.json", dir);
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)cp_world_seed(w));
    snprintf(turns, sizeof turns, "%d", cp_world_turn(w));
    const char *scenario = cp_world_scenario(w)->name;
    snprintf(title, sizeof title, "Chokepoint: %s, seed %s, %s turns", scenario, seed, turns);
    const cpg_meta meta[] = {{"scenario", scenario, 0}, {"seed", seed, 1}, {"turns", turns, 1}};
    const cpg_package p = {"chokepoint-game", title, NULL, meta, 3,
                           RESOURCES, (int)(sizeof RESOURCES / sizeof RESOURCES[0])};
    return cpg_write_datapackage(path, &p, err, errlen);
}

/* Every file of cpg_write_csv, nations.csv's made columns from 'g' (NULL: empty). */
static int write_all(const cp_world *w, const cpg_game *g, const char *dir, cpg_error *err)
{
    char msg[1200];
    size_t errlen = sizeof msg;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        snprintf(msg, errlen, "cannot create directory %s: %s", dir, strerror(errno));
        goto fail;
    }
    if (write_nations(w, g, dir, msg, errlen) || write_markets(w, dir, msg, errlen) ||
        write_facilities(w, dir, msg, errlen) || write_news(w, dir, msg, errlen) ||
        write_deals(w, dir, msg, errlen) || write_package(w, dir, msg, errlen))
        goto fail;
    if (err) {
        err->code = CPG_OK;
        err->message[0] = '\0';
    }
    return 0;
fail:
    if (err) {
        err->code = CPG_ERR_CSV;
        snprintf(err->message, sizeof err->message, "%s", msg);
    }
    return -1;
}

int cpg_write_csv(const cp_world *w, const char *dir, cpg_error *err)
{
    return write_all(w, NULL, dir, err);
}

int cpg_write_game_csv(const cpg_game *g, const char *dir, cpg_error *err)
{
    return write_all(cpg_world(g), g, dir, err);
}
