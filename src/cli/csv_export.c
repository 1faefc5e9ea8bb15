/* csv_export.c -- the game's history as CSV files, documented in docs/csv.md.
 * Every figure comes from the world's history, the one source that charts
 * and the debrief read too. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static FILE *open_in(const char *dir, const char *name, char *err, size_t errlen)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return f;
}

static int close_checked(FILE *f, const char *dir, const char *name, char *err, size_t errlen)
{
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        snprintf(err, errlen, "error writing %s/%s", dir, name);
        return -1;
    }
    return 0;
}

/* Text for a CSV cell: quoted, with quotes doubled. */
static void cell(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static int write_nations(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    FILE *f = open_in(dir, "nations.csv", err, errlen);
    if (!f)
        return -1;
    fputs("turn,date,nation,mined_t,separated_t,magnets_t,demand_t,shortage_t,stockpile_t,"
          "treasury_musd,score,price_ore_usd_per_kg,price_light_oxide_usd_per_kg,"
          "price_heavy_oxide_usd_per_kg,price_magnet_usd_per_kg,demand_magnet_t,"
          "shortage_magnet_t,shortage_light_oxide_t,shortage_heavy_oxide_t,"
          "shortage_defense_t,imports_magnet_t,exports_magnet_t,gdp_loss_busd,pressure,"
          "tariff_revenue_musd\n",
          f);
    char date[8];
    for (int t = 0; t <= cp_world_turn(w); t++) {
        cp_world_date_text(w, t, date, sizeof date);
        for (int n = 0; n < cp_world_nation_count(w); n++) {
            const cp_nation_history *h = cp_world_nation_history(w, t, n);
            fprintf(f, "%d,%s,%s,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,"
                       "%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.6f,%.4f,%.4f\n",
                    t, date, cp_world_nation(w, n)->iso3, h->mined_t, h->separated_t,
                    h->magnets_t, h->demand_t, h->shortage_t, h->stockpile_t, h->treasury_musd,
                    h->score, h->price_paid_usd_per_kg[CP_ORE],
                    h->price_paid_usd_per_kg[CP_LIGHT_OXIDE],
                    h->price_paid_usd_per_kg[CP_HEAVY_OXIDE], h->price_paid_usd_per_kg[CP_MAGNET],
                    h->demand_good_t[CP_MAGNET], h->shortage_good_t[CP_MAGNET],
                    h->shortage_good_t[CP_LIGHT_OXIDE], h->shortage_good_t[CP_HEAVY_OXIDE],
                    h->sector_shortage_t[CP_SECTOR_DEFENSE], h->imports_t[CP_MAGNET],
                    h->exports_t[CP_MAGNET], h->gdp_loss_busd, h->pressure,
                    h->tariff_revenue_musd);
        }
    }
    return close_checked(f, dir, "nations.csv", err, errlen);
}

static int write_markets(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    FILE *f = open_in(dir, "markets.csv", err, errlen);
    if (!f)
        return -1;
    fputs("turn,date,good,world_price_usd_per_kg,production_t,traded_t,shortage_t\n", f);
    char date[8];
    for (int t = 0; t <= cp_world_turn(w); t++) {
        cp_world_date_text(w, t, date, sizeof date);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            const cp_market_history *h = cp_world_market_history(w, t, (cp_good)g);
            fprintf(f, "%d,%s,%s,%.4f,%.3f,%.3f,%.3f\n", t, date, cp_good_name((cp_good)g),
                    h->world_price_usd_per_kg, h->production_t, h->traded_t, h->shortage_t);
        }
    }
    return close_checked(f, dir, "markets.csv", err, errlen);
}

static int write_facilities(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    FILE *f = open_in(dir, "facilities.csv", err, errlen);
    if (!f)
        return -1;
    fputs("id,name,kind,host,funder,capacity_t_per_yr,stage,start_turn,operating_turn,"
          "delay_turns,capex_musd,capex_paid_musd,output_t\n",
          f);
    for (int k = 0; k < cp_world_facility_count(w); k++) {
        const cp_facility *x = cp_world_facility(w, k);
        fprintf(f, "%d,", x->id);
        cell(f, x->name);
        fprintf(f, ",%s,%s,%s,%.1f,%s,%d,%d,%d,%.2f,%.2f,%.3f\n", cp_facility_kind_name(x->kind),
                cp_world_nation(w, x->host)->iso3, cp_world_nation(w, x->funder)->iso3,
                x->capacity_t_per_yr, cp_stage_name(x->stage), x->start_turn, x->operating_turn,
                x->delay_turns, x->capex_musd, x->capex_paid_musd, x->output_t);
    }
    return close_checked(f, dir, "facilities.csv", err, errlen);
}

static int write_news(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    FILE *f = open_in(dir, "news.csv", err, errlen);
    if (!f)
        return -1;
    fputs("turn,date,kind,nation,text,partner,facility,routine\n", f);
    char date[8];
    for (int k = 0; k < cp_world_news_count(w); k++) {
        const cp_news *n = cp_world_news(w, k);
        cp_world_date_text(w, n->turn, date, sizeof date);
        fprintf(f, "%d,%s,%s,%s,", n->turn, date, cp_news_kind_name(n->kind),
                n->nation >= 0 ? cp_world_nation(w, n->nation)->iso3 : "");
        cell(f, n->text);
        fprintf(f, ",%s,", n->partner >= 0 ? cp_world_nation(w, n->partner)->iso3 : "");
        if (n->facility >= 0)
            fprintf(f, "%d", n->facility);
        fprintf(f, ",%d\n", n->routine);
    }
    return close_checked(f, dir, "news.csv", err, errlen);
}

/* One row per step of every deal: proposal, answers, start, end, breach. */
static int write_deals(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    FILE *f = open_in(dir, "deals.csv", err, errlen);
    if (!f)
        return -1;
    fputs("turn,date,deal_id,proposer,parties,clauses,status,event,by\n", f);
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
        fprintf(f, "%d,%s,%d,%s,%s,", e->turn, date, d->id, cp_world_nation(w, d->proposer)->iso3,
                parties);
        cell(f, cp_deal_describe(w, d, text, sizeof text));
        fprintf(f, ",%s,%s,%s\n", cp_deal_status_name(e->status), e->what,
                e->nation >= 0 ? cp_world_nation(w, e->nation)->iso3 : "");
    }
    return close_checked(f, dir, "deals.csv", err, errlen);
}

int csv_export(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create directory %s: %s", dir, strerror(errno));
        return -1;
    }
    if (write_nations(w, dir, err, errlen) || write_markets(w, dir, err, errlen) ||
        write_facilities(w, dir, err, errlen) || write_news(w, dir, err, errlen) ||
        write_deals(w, dir, err, errlen))
        return -1;
    return 0;
}
