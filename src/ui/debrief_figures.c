/* debrief_figures.c -- the key figures of a finished game for the debrief summary: prices at
 * the start, end and peak, the worst shortage, China's shares, new capacity outside China
 * and deals signed. Read from the core's history, facilities, deals and news; no drawing. */
#include <stdio.h>
#include <string.h>

#include "debrief_internal.h"

double dbf_stage_output(const cp_nation_history *h, cp_facility_kind k)
{
    return k == CP_FAC_MINE ? h->mined_t : k == CP_FAC_SEPARATION ? h->separated_t
         : k == CP_FAC_HEAVY_SEPARATION ? h->heavy_separated_t : h->magnets_t;
}

double dbf_share(const cp_world *w, int turn, int nation, cp_facility_kind k)
{
    double all = 0, mine = 0;
    for (int i = 0; i < cp_world_nation_count(w); i++) {
        double v = dbf_stage_output(cp_world_nation_history(w, turn, i), k);
        all += v;
        if (i == nation) mine = v;
    }
    return all > 0 ? mine / all : 0;
}

const char *dbf_move_kind(const char *text)
{
    static const struct {
        const char *needle, *kind;
    } kinds[] = {
        {"order refused", NULL}, {"not possible", NULL}, {"could not be carried out", NULL},
        {"requires export licences", "export licences"}, {"processing technology", "technology ban"},
        {"suspended export controls are back", "controls return"}, {"suspends its export controls", "suspends controls"},
        {"bans exports", "export ban"}, {"opens exports", "opens exports"}, {"tariff", "tariffs"},
        {"caps exports", "export quota"}, {"export quota", "export quota"}, {"export tax", "export tax"},
        {"stockpile", "stockpile"}, {"subsidises", "subsidy"}, {"guarantees its", "price floor"},
        {"tracking system", "tracking"}, {"by the teacher", "teacher's lock"}, {"eal ", "deals"},
        {"proposes:", "deals"},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (strstr(text, kinds[k].needle)) return kinds[k].kind;
    return "other";
}

int dbf_is_move(const cp_news *x)
{
    if (x->turn < 1) return 0; /* the scenario's starting policies are not moves */
    if (x->kind == CP_NEWS_EVENT) return 1;
    return x->kind == CP_NEWS_POLICY && dbf_move_kind(x->text) != NULL;
}

/* ---- the policy moves marked on the price chart ---- */

void dbf_find_marks(const cp_world *w, dbf_marks *m)
{
    memset(m, 0, sizeof *m);
    for (int i = 0; i < cp_world_news_count(w); i++) {
        const cp_news *x = cp_world_news(w, i);
        if (x->kind != CP_NEWS_POLICY || !dbf_is_move(x)) continue;
        if (m->n > 0 && m->turn[m->n - 1] == x->turn) {
            m->count_news[m->n - 1]++;
            continue;
        }
        if (m->n == DBF_MAX_MARKS) { /* a game longer than the charts draw */
            m->more++;
            continue;
        }
        m->turn[m->n] = x->turn;
        m->first_news[m->n] = i;
        m->count_news[m->n] = 1;
        m->n++;
    }
}

/* Does quarter 't' hold a policy move about good 'g' (or about every good)? */
int dbf_marks_good(const cp_world *w, int t, cp_good g)
{
    for (int i = 0; i < cp_world_news_count(w); i++) {
        const cp_news *x = cp_world_news(w, i);
        if (x->turn == t && x->kind == CP_NEWS_POLICY && (x->good == (int)g || x->good < 0) && dbf_is_move(x))
            return 1;
    }
    return 0;
}

/* One line for quarter 't' of the list under the prices: the scenario's own
 * notes for that quarter first (its history), then the other moves counted
 * by nation and kind ("CHN export licences x12"), or the moves themselves
 * when there are only one or two. */
void dbf_quarter_line(const cp_world *w, int t, char *out, size_t len)
{
    const cp_scenario *sc = cp_world_scenario(w);
    size_t n = 0;
    out[0] = '\0';
    int notes = 0;
    for (int k = 0; k < sc->scheduled_count && n < len; k++)
        if (sc->scheduled[k].turn == t && sc->scheduled[k].note[0]) {
            n += (size_t)snprintf(out + n, len - n, "%s%s", notes ? "; " : "", sc->scheduled[k].note);
            notes++;
        }
    /* the other moves: by nation, then kind, in the order they first appear */
    enum { MAX_GROUPS = 24 };
    typedef struct {
        int nation;
        const char *kind;
        int count;
        int first; /* its first news item */
    } group;
    group grp[MAX_GROUPS];
    int ng = 0, moves = 0;
    for (int i = 0; i < cp_world_news_count(w); i++) {
        const cp_news *x = cp_world_news(w, i);
        if (x->turn != t || x->kind != CP_NEWS_POLICY || !dbf_is_move(x)) continue;
        int is_note = 0;
        for (int k = 0; k < sc->scheduled_count && !is_note; k++)
            is_note = sc->scheduled[k].turn == t && strcmp(sc->scheduled[k].note, x->text) == 0;
        if (is_note) continue;
        moves++;
        const char *kind = dbf_move_kind(x->text);
        int g = 0;
        while (g < ng && !(grp[g].nation == x->nation && strcmp(grp[g].kind, kind) == 0)) g++;
        if (g == ng && ng < MAX_GROUPS) grp[ng++] = (group){x->nation, kind, 0, i};
        if (g < ng) grp[g].count++;
    }
    if (moves == 0 || n >= len) return;
    if (moves <= 2 && !notes) {
        for (int g = 0; g < ng && n < len; g++)
            n += (size_t)snprintf(out + n, len - n, "%s%s", g ? "; " : "", cp_world_news(w, grp[g].first)->text);
        return;
    }
    n += (size_t)snprintf(out + n, len - n, "%s", notes ? "; also " : "");
    for (int g = 0; g < ng && n < len; g++) {
        const cp_nation *nat = grp[g].nation >= 0 ? cp_world_nation(w, grp[g].nation) : NULL;
        n += (size_t)snprintf(out + n, len - n, "%s%s %s", g ? " \xC2\xB7 " : "", nat ? nat->iso3 : "", grp[g].kind);
        if (grp[g].count > 1 && n < len) n += (size_t)snprintf(out + n, len - n, " \xC3\x97%d", grp[g].count);
    }
}

/* Did facility 'x' start producing during the game (after turn 0)? Its
 * ramp-up began 'stage_turns[ramp-up]' quarters before its operating turn. */
static int came_online(const cp_facility *x, int turn)
{
    if (x->stage < CP_STAGE_RAMP_UP || x->stage == CP_STAGE_CLOSED) return 0;
    int first_output = x->operating_turn - x->stage_turns[CP_STAGE_RAMP_UP];
    if (x->stage == CP_STAGE_RAMP_UP) first_output = turn - x->turns_in_stage;
    return first_output > 0;
}

/* The main actors of a game: China first, then the nations that bought the
 * most magnets at the start, up to DBF_MAX_ACTORS, each with its prices paid,
 * magnet shortage and score read from the history. */
static void find_actors(const cp_world *w, dbf_figures *f)
{
    int T = cp_world_turn(w), nn = cp_world_nation_count(w);
    int taken[CP_MAX_NATIONS] = {0};
    while (f->actor_count < DBF_MAX_ACTORS && f->actor_count < nn) {
        int best = -1;
        double best_t = -1;
        if (f->actor_count == 0 && f->china >= 0) best = f->china;
        for (int i = 0; i < nn && !(f->actor_count == 0 && f->china >= 0); i++) {
            double d = cp_world_nation_history(w, 0, i)->demand_good_t[CP_MAGNET];
            if (!taken[i] && d > best_t) {
                best = i;
                best_t = d;
            }
        }
        taken[best] = 1;
        dbf_actor *x = &f->actor[f->actor_count++];
        x->nation = best;
        const cp_nation_history *h0 = cp_world_nation_history(w, 0, best), *h1 = cp_world_nation_history(w, T, best);
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            x->paid_start[g] = h0->price_paid_usd_per_kg[g];
            x->paid_end[g] = h1->price_paid_usd_per_kg[g];
        }
        for (int t = 0; t <= T; t++) {
            const cp_nation_history *h = cp_world_nation_history(w, t, best);
            for (int g = 0; g < CP_GOOD_COUNT; g++)
                if (h->price_paid_usd_per_kg[g] > x->paid_peak[g]) {
                    x->paid_peak[g] = h->price_paid_usd_per_kg[g];
                    x->paid_peak_turn[g] = t;
                }
            x->magnet_shortage_t += h->shortage_good_t[CP_MAGNET];
            x->magnet_demand_t += h->demand_good_t[CP_MAGNET];
        }
        x->score_start = h0->score;
        x->score_end = h1->score;
    }
}

void dbf_compute(const cp_world *w, dbf_figures *f)
{
    memset(f, 0, sizeof *f);
    int T = cp_world_turn(w), nn = cp_world_nation_count(w);
    f->turn = T;
    f->china = cp_world_find_nation(w, "CHN");
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        f->price_start[g] = cp_world_market_history(w, 0, (cp_good)g)->world_price_usd_per_kg;
        f->price_end[g] = cp_world_market_history(w, T, (cp_good)g)->world_price_usd_per_kg;
        f->paid_abroad_start[g] = cp_world_price_paid_usd_per_kg(w, 0, (cp_good)g, f->china);
        f->paid_abroad_end[g] = cp_world_price_paid_usd_per_kg(w, T, (cp_good)g, f->china);
        if (f->china >= 0) {
            f->paid_china_start[g] = cp_world_nation_history(w, 0, f->china)->price_paid_usd_per_kg[g];
            f->paid_china_end[g] = cp_world_nation_history(w, T, f->china)->price_paid_usd_per_kg[g];
        }
        for (int t = 0; t <= T; t++) {
            double paid = cp_world_price_paid_usd_per_kg(w, t, (cp_good)g, f->china);
            if (paid > f->paid_abroad_peak[g]) {
                f->paid_abroad_peak[g] = paid;
                f->paid_abroad_peak_turn[g] = t;
            }
        }
        for (int t = 0; t <= T; t++) {
            double p = cp_world_market_history(w, t, (cp_good)g)->world_price_usd_per_kg;
            if (p > f->price_peak[g]) {
                f->price_peak[g] = p;
                f->price_peak_turn[g] = t;
            }
        }
    }
    find_actors(w, f);
    f->shortage_peak_turn = -1;
    for (int t = 0; t <= T; t++) {
        double s = 0, d = 0;
        for (int i = 0; i < nn; i++) {
            const cp_nation_history *h = cp_world_nation_history(w, t, i);
            s += h->shortage_good_t[CP_MAGNET];
            d += h->demand_good_t[CP_MAGNET];
            for (int k = 0; k < CP_SECTOR_COUNT; k++) f->shortage_total_t[k] += h->sector_shortage_t[k];
        }
        if (s > 0.5 && s > f->shortage_peak_t) {
            f->shortage_peak_t = s;
            f->shortage_peak_share = d > 0 ? s / d : 0;
            f->shortage_peak_turn = t;
        }
    }
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
        f->china_share_start[k] = f->china >= 0 ? dbf_share(w, 0, f->china, (cp_facility_kind)k) : 0;
        f->china_share_end[k] = f->china >= 0 ? dbf_share(w, T, f->china, (cp_facility_kind)k) : 0;
    }
    /* facilities past the scenario's own list were decided in the game */
    int listed = cp_world_scenario(w)->facility_count;
    for (int id = 0; id < cp_world_facility_count(w); id++) {
        const cp_facility *x = cp_world_facility(w, id);
        if (x->host == f->china) continue;
        if (id >= listed) {
            f->decided_t_per_yr[x->kind] += x->capacity_t_per_yr;
            f->decided_count[x->kind]++;
        }
        if (came_online(x, T)) {
            f->online_t_per_yr[x->kind] += x->capacity_t_per_yr;
            f->online_count[x->kind]++;
        }
    }
    f->deals_proposed = cp_world_deal_count(w);
    for (int k = 0; k < cp_world_deal_event_count(w); k++)
        if (strcmp(cp_world_deal_event(w, k)->what, "started") == 0) f->deals_signed++;
    for (int k = 0; k < cp_world_news_count(w); k++) {
        const cp_news *n = cp_world_news(w, k);
        if (!dbf_is_move(n)) continue;
        if (n->kind == CP_NEWS_POLICY) f->policy_moves++;
        if (n->kind == CP_NEWS_EVENT) f->events++;
    }
    cp_ledger l;
    cp_world_ledger(w, &l);
    f->tariffs_musd = l.tariffs_musd;
}
