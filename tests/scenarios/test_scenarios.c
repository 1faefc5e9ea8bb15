/* test_scenarios.c -- the classroom scenarios: each loads with its briefing,
 * lesson plans and parameters, plays 40 turns with its agents, and
 * reproduces the history it was written for.
 *
 * History checks run the core alone (the scenario's own policies and
 * schedule, as `chokepoint sim` plays it): the seated agents would move the
 * very policies the checks are about. Counterfactuals are the same scenario
 * with one parameter changed, or free-trade, at the same seed and turns.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "chokepoint.h"
#include "script.h"

static const char *const SCENARIOS[] = {
    "embargo-2010", "tech-ban-2023", "licensing-2025", "escalation-and-pause-2025", "alliance",
    "free-trade",
};
enum { SCENARIO_COUNT = sizeof SCENARIOS / sizeof SCENARIOS[0] };

/* ---- helpers ---------------------------------------------------------------------- */

/* A world of scenario 'name' with 'overrides' ("NAME=V,...", or NULL). */
static cp_world *world_of(const char *name, const char *overrides, uint64_t seed)
{
    cp_scenario *sc = malloc(sizeof *sc);
    char err[1024];
    if (!sc)
        return NULL;
    if (cps_scenario_load_with(name, overrides, sc, NULL, err, sizeof err) != 0) {
        CHECK(0, "%s (%s) loads: %s", name, overrides ? overrides : "defaults", err);
        free(sc);
        return NULL;
    }
    cp_error e;
    cp_world *w = cp_world_create(sc, seed, &e);
    CHECK(w != NULL, "%s (%s): %s", name, overrides ? overrides : "defaults", w ? "" : e.message);
    free(sc);
    return w;
}

static int nation(const cp_world *w, const char *iso3)
{
    int n = cp_world_find_nation(w, iso3);
    CHECK(n >= 0, "nation %s exists", iso3);
    return n < 0 ? 0 : n;
}

static double price_paid(const cp_world *w, int turn, const char *iso3, cp_good g)
{
    return cp_world_nation_history(w, turn, nation(w, iso3))->price_paid_usd_per_kg[g];
}

/* Is there a news item of 'nation' at 'turn' whose text contains 'what'? */
static int news_at(const cp_world *w, int turn, int who, const char *what)
{
    for (int k = 0; k < cp_world_news_count(w); k++) {
        const cp_news *n = cp_world_news(w, k);
        if (n->turn == turn && (who < 0 || n->nation == who) && strstr(n->text, what))
            return 1;
    }
    return 0;
}

/* The first news item containing 'what', or NULL. */
static const cp_news *first_news(const cp_world *w, int who, const char *what)
{
    for (int k = 0; k < cp_world_news_count(w); k++) {
        const cp_news *n = cp_world_news(w, k);
        if ((who < 0 || n->nation == who) && strstr(n->text, what))
            return n;
    }
    return NULL;
}

/* ---- every scenario ------------------------------------------------------------------ */

static void capture(void *ud, const char *line)
{
    (void)ud;
    (void)line; /* agents' print() and failures; failures are counted below */
}

/* Loads with its teaching material and parameters; plays 40 turns with the
 * scenario's default agents seated, twice with the same seed, to the same
 * hash; and its own schedule applies without a refused order. */
static void test_each_loads_and_plays(void)
{
    static const char *const sections[] = {
        "WHAT IT IS", "HOW IT WORKS", "HOW TO USE IT", "THINGS TO NOTICE", "THINGS TO TRY",
        "LESSON PLAN, 45 MINUTES", "LESSON PLAN, 2 x 45 MINUTES", "SOURCES",
    };
    for (int i = 0; i < SCENARIO_COUNT; i++) {
        const char *name = SCENARIOS[i];
        cp_scenario *sc = malloc(sizeof *sc);
        cps_scenario_info info;
        char err[1024];
        if (!sc)
            return;
        if (cps_scenario_load(name, sc, &info, err, sizeof err) != 0) {
            CHECK(0, "%s loads: %s", name, err);
            free(sc);
            continue;
        }
        CHECK(strcmp(sc->name, name) == 0, "%s: name is '%s'", name, sc->name);
        CHECK(sc->default_turns == 40, "%s: 40 turns by default (%d)", name, sc->default_turns);
        CHECK(info.briefing != NULL, "%s: has a briefing", name);
        for (size_t s = 0; info.briefing && s < sizeof sections / sizeof sections[0]; s++)
            CHECK(strstr(info.briefing, sections[s]) != NULL, "%s: briefing has '%s'", name,
                  sections[s]);
        CHECK(info.objective_count >= 2, "%s: learning objectives (%d)", name, info.objective_count);
        CHECK(info.debrief_count >= 3, "%s: debrief questions (%d)", name, info.debrief_count);
        CHECK(info.parameter_count >= 1, "%s: declares sweep parameters (%d)", name,
              info.parameter_count);
        for (int n = 0; n < sc->nation_count; n++)
            CHECK(info.agent[n][0] != '\0', "%s: %s has a default agent", name,
                  sc->nations[n].iso3);

        /* every parameter at its bounds still loads and runs */
        for (int p = 0; p < info.parameter_count; p++) {
            const cps_parameter *par = &info.parameters[p];
            CHECK(par->description && *par->description, "%s: %s is described", name, par->name);
            double ends[2] = {par->min, par->max};
            for (int k = 0; k < 2; k++) {
                char o[128];
                snprintf(o, sizeof o, "%s=%.17g", par->name, ends[k]);
                cp_world *w = world_of(name, o, 1);
                if (!w)
                    continue;
                for (int t = 0; t < 6; t++)
                    cp_world_advance(w);
                cp_world_destroy(w);
            }
        }

        /* the scripted run: 40 turns, no scheduled order refused */
        cp_error e;
        cp_world *w = cp_world_create(sc, 1, &e);
        CHECK(w != NULL, "%s: world: %s", name, w ? "" : e.message);
        if (w) {
            for (int t = 0; t < 40; t++)
                cp_world_advance(w);
            CHECK(cp_world_turn(w) == 40, "%s: played 40 turns", name);
            const cp_news *bad = first_news(w, -1, "not possible");
            CHECK(!bad, "%s: every scheduled order applies (%s)", name, bad ? bad->text : "");
            bad = first_news(w, -1, "refused");
            CHECK(!bad, "%s: no order refused (%s)", name, bad ? bad->text : "");
            cp_world_destroy(w);
        }

        /* with agents: twice, same seed, same hash */
        uint64_t hash[2] = {0, 0};
        int failures = 0, orders = 0;
        for (int run = 0; run < 2; run++) {
            w = cp_world_create(sc, 7, &e);
            if (!w)
                break;
            cps_seat_opts opts = {0};
            opts.log = capture;
            opts.quiet = 1;
            cps_seats *seats = cps_seats_create(w, &info, NULL, 0, &opts, err, sizeof err);
            CHECK(seats != NULL, "%s: agents load: %s", name, seats ? "" : err);
            for (int t = 0; t < 40; t++) {
                if (seats) {
                    int f = cps_seats_run_turn(seats);
                    if (run == 0) {
                        failures += f;
                        for (int n = 0; n < cp_world_nation_count(w); n++)
                            orders += cps_seats_stats(seats, n)->last_orders;
                    }
                }
                cp_world_advance(w);
            }
            CHECK(cp_world_turn(w) == 40, "%s: played 40 turns with agents", name);
            hash[run] = cp_world_hash(w);
            cps_seats_destroy(seats);
            cp_world_destroy(w);
        }
        printf("    %-26s 40 turns with agents: %d orders, %d failed agent turns, hash %016llx\n",
               name, orders, failures, (unsigned long long)hash[0]);
        CHECK(failures == 0, "%s: no agent fails (%d failures)", name, failures);
        CHECK(hash[0] == hash[1], "%s: the same seed gives the same game with agents", name);
        cps_scenario_info_free(&info);
        free(sc);
    }
}

/* ---- licensing-2025 ------------------------------------------------------------------- */

/* The heavy-oxide price paid outside China at least doubles within two
 * quarters of the licensing (turn 1, 2025Q2) compared with free-trade at
 * the same turns, while China's own price holds within 20%. */
static void test_licensing_doubles_abroad(void)
{
    static const char *const abroad[] = {"JPN", "DEU", "USA", "KOR"};
    for (uint64_t seed = 1; seed <= 3; seed++) {
        cp_world *lic = world_of("licensing-2025", NULL, seed);
        cp_world *free_ = world_of("free-trade", NULL, seed);
        if (!lic || !free_)
            return;
        for (int t = 0; t < 2; t++) {
            cp_world_advance(lic);
            cp_world_advance(free_);
        }
        int chn = nation(lic, "CHN");
        CHECK(cp_world_nation(lic, chn)->policy.control[CP_HEAVY_OXIDE][nation(lic, "JPN")].mode ==
                  CP_CONTROL_LICENSED, "heavy oxide licensed by turn 2");
        for (size_t k = 0; k < sizeof abroad / sizeof abroad[0]; k++) {
            double best = 0;
            int at = 0;
            for (int t = 1; t <= 2; t++) {
                double r = price_paid(lic, t, abroad[k], CP_HEAVY_OXIDE) /
                           price_paid(free_, t, abroad[k], CP_HEAVY_OXIDE);
                if (r > best) {
                    best = r;
                    at = t;
                }
            }
            if (seed == 1)
                printf("    seed %llu %s heavy oxide: $%.0f/kg at turn 0; $%.0f and $%.0f at turns "
                       "1-2 against $%.0f and $%.0f in free-trade: x%.2f at best (turn %d)\n",
                       (unsigned long long)seed, abroad[k],
                       price_paid(lic, 0, abroad[k], CP_HEAVY_OXIDE),
                       price_paid(lic, 1, abroad[k], CP_HEAVY_OXIDE),
                       price_paid(lic, 2, abroad[k], CP_HEAVY_OXIDE),
                       price_paid(free_, 1, abroad[k], CP_HEAVY_OXIDE),
                       price_paid(free_, 2, abroad[k], CP_HEAVY_OXIDE), best, at);
            CHECK(best >= 2.0, "seed %llu: %s pays at least twice free-trade's price within two "
                  "quarters (x%.2f)", (unsigned long long)seed, abroad[k], best);
        }
        for (int t = 1; t <= 2; t++) {
            double r = price_paid(lic, t, "CHN", CP_HEAVY_OXIDE) /
                       price_paid(free_, t, "CHN", CP_HEAVY_OXIDE);
            if (seed == 1)
                printf("    seed 1 CHN heavy oxide at turn %d: $%.0f against $%.0f in free-trade "
                       "(x%.2f)\n", t, price_paid(lic, t, "CHN", CP_HEAVY_OXIDE),
                       price_paid(free_, t, "CHN", CP_HEAVY_OXIDE), r);
            CHECK(r >= 0.8 && r <= 1.2, "seed %llu: China's home price holds at turn %d (x%.2f)",
                  (unsigned long long)seed, t, r);
        }
        cp_world_destroy(lic);
        cp_world_destroy(free_);
    }
}

/* ---- escalation-and-pause-2025 ------------------------------------------------------ */

/* Play 'pause' quarters of suspension and check, turn by turn, China's
 * control record and the news: the October regime is set and suspended in
 * 2025Q4 with the April licences meanwhile, and governs the market again
 * from the quarter 'expect_date'. */
static void check_pause(int pause, const char *expect_date)
{
    char o[64];
    snprintf(o, sizeof o, "pause_quarters=%d", pause);
    cp_world *w = world_of("escalation-and-pause-2025", o, 1);
    if (!w)
        return;
    int chn = nation(w, "CHN"), jpn = nation(w, "JPN");
    const cp_export_control *heavy = &cp_world_nation(w, chn)->policy.control[CP_HEAVY_OXIDE][jpn];
    const cp_export_control *magnet = &cp_world_nation(w, chn)->policy.control[CP_MAGNET][jpn];
    CHECK(heavy->mode == CP_CONTROL_LICENSED && fabs(heavy->approval_share - 0.5) < 1e-9 &&
              heavy->suspended_turns == 0, "2025Q3: the April licences (50%% of heavy oxide)");

    enum { TURNS = 16 };
    int suspended[TURNS + 1], first_back = -1;
    double flow[TURNS + 1];
    suspended[0] = 0;
    flow[0] = cp_world_market(w, CP_HEAVY_OXIDE)->flow_t[chn][jpn];
    for (int t = 1; t <= TURNS; t++) {
        cp_world_advance(w);
        suspended[t] = heavy->suspended_turns;
        flow[t] = cp_world_market(w, CP_HEAVY_OXIDE)->flow_t[chn][jpn];
        if (t == 1) {
            CHECK(heavy->mode == CP_CONTROL_LICENSED && fabs(heavy->approval_share - 0.2) < 1e-9,
                  "2025Q4: the October regime is set (20%% of heavy oxide), got %s %.2f",
                  cp_control_mode_name(heavy->mode), heavy->approval_share);
            CHECK(heavy->suspended_turns == pause - 1 && heavy->fallback_mode == CP_CONTROL_LICENSED &&
                      fabs(heavy->fallback_share - 0.5) < 1e-9,
                  "2025Q4: suspended with the April licences meanwhile (%d turns left, fallback %s %.2f)",
                  heavy->suspended_turns, cp_control_mode_name(heavy->fallback_mode),
                  heavy->fallback_share);
            CHECK(magnet->suspended_turns == pause - 1 && fabs(magnet->fallback_share - 0.85) < 1e-9,
                  "2025Q4: magnets suspended with 85%% approved meanwhile");
        }
        /* the market of turn t runs under the state left by turn t-1 (no
         * order touches these controls after turn 1) */
        if (t >= 2 && first_back < 0 && suspended[t - 1] == 0)
            first_back = t;
    }
    char date[8] = "?";
    if (first_back >= 0)
        cp_world_date_text(w, first_back, date, sizeof date);
    printf("    pause of %d quarters: suspended turns left after each turn:", pause);
    for (int t = 1; t <= pause + 1 && t <= TURNS; t++)
        printf(" %d", suspended[t]);
    printf("; the October regime governs the market from turn %d (%s); JPN's heavy oxide from "
           "China %.0f t in the last suspended quarter, %.0f t in the first controlled one\n",
           first_back, date, first_back > 0 ? flow[first_back - 1] : 0,
           first_back > 0 ? flow[first_back] : 0);
    CHECK(strcmp(date, expect_date) == 0, "the October regime returns in %s (got %s)",
          expect_date, date);
    CHECK(first_back > 0 && flow[first_back] < flow[first_back - 1],
          "Japan gets less heavy oxide from China once the October regime is back");
    CHECK(heavy->mode == CP_CONTROL_LICENSED && fabs(heavy->approval_share - 0.2) < 1e-9 &&
              heavy->suspended_turns == 0, "afterwards the October regime stays");

    const cp_news *back = first_news(w, chn, "back in force");
    char news_date[8] = "none";
    if (back)
        cp_world_date_text(w, back->turn, news_date, sizeof news_date);
    printf("    the news says \"%s\" at turn %d (%s)\n", back ? back->text : "(nothing)",
           back ? back->turn : -1, news_date);
    /* the news comes with the last suspended quarter and names the first
     * controlled one */
    CHECK(back && strstr(back->text, expect_date) && back->turn == first_back - 1,
          "the news feed announces the return in %s in the quarter before (got \"%s\" in %s)",
          expect_date, back ? back->text : "nothing", news_date);
    CHECK(news_at(w, 1, chn, "suspends its export controls on Dy/Tb oxide"),
          "the news feed reports the suspension in 2025Q4");
    cp_world_destroy(w);
}

static void test_escalation_returns_on_date(void)
{
    check_pause(4, "2026Q4"); /* 7 Nov 2025 to 10 Nov 2026 (MOFCOM No. 70) */
    check_pause(8, "2027Q4");
}

/* ---- embargo-2010 ---------------------------------------------------------------- */

/* In 2010Q4 Japan's imports of oxide from China collapse and the price it
 * pays spikes, against the same world without the embargo; China's own
 * price does not rise; shipments resume when the embargo ends. */
static void test_embargo_hits_japan(void)
{
    cp_world *emb = world_of("embargo-2010", NULL, 1);
    cp_world *none = world_of("embargo-2010", "embargo_quarters=0", 1);
    if (!emb || !none)
        return;
    int chn = nation(emb, "CHN"), jpn = nation(emb, "JPN");
    double flow[2][4][2]; /* [run][turn][light, heavy] */
    for (int t = 0; t < 4; t++) {
        if (t) {
            cp_world_advance(emb);
            cp_world_advance(none);
        }
        for (int g = 0; g < 2; g++) {
            flow[0][t][g] = cp_world_market(emb, (cp_good)(CP_LIGHT_OXIDE + g))->flow_t[chn][jpn];
            flow[1][t][g] = cp_world_market(none, (cp_good)(CP_LIGHT_OXIDE + g))->flow_t[chn][jpn];
        }
    }
    static const char *const names[2] = {"NdPr oxide", "Dy/Tb oxide"};
    for (int g = 0; g < 2; g++) {
        cp_good good = (cp_good)(CP_LIGHT_OXIDE + g);
        double p_emb = price_paid(emb, 1, "JPN", good), p_none = price_paid(none, 1, "JPN", good);
        double c_emb = price_paid(emb, 1, "CHN", good), c_none = price_paid(none, 1, "CHN", good);
        printf("    2010Q4 %s: Japan imports %.0f t from China (%.0f t without the embargo, %.0f t "
               "in 2010Q3), pays $%.0f/kg ($%.0f without); China pays $%.0f ($%.0f); 2011Q1 "
               "imports %.0f t\n", names[g], flow[0][1][g], flow[1][1][g], flow[0][0][g], p_emb,
               p_none, c_emb, c_none, flow[0][2][g]);
        /* against the quarter before: the embargo leaves leakage (15% of
         * what Japan asks); against the same quarter without it, a little
         * more, since the quota China no longer fills for Japan goes to others */
        CHECK(flow[0][1][g] < 0.25 * flow[0][0][g] && flow[0][1][g] < 0.3 * flow[1][1][g],
              "%s: Japan's imports from China collapse (%.0f t against %.0f before, %.0f without)",
              names[g], flow[0][1][g], flow[0][0][g], flow[1][1][g]);
        /* Japan's users' stocks (a quarter's use of Dy/Tb, market.c) soften
         * a one-quarter embargo: the price rises, it does not explode */
        CHECK(p_emb >= 1.1 * p_none, "%s: Japan's price rises (x%.2f)", names[g], p_emb / p_none);
        CHECK(c_emb <= c_none * 1.02, "%s: China's price does not rise with Japan's (x%.2f)",
              names[g], c_emb / c_none);
        CHECK(flow[0][2][g] > 2 * flow[0][1][g], "%s: shipments resume after the embargo", names[g]);
    }
    /* the quotas keep Japan's heavy-oxide price up after the embargo (Dy
     * reached $2,377/kg in Aug 2011, 2011Q3 = turn 4) */
    double peak = 0;
    int peak_turn = 0;
    for (int t = 4; t <= 8; t++)
        cp_world_advance(emb);
    for (int t = 0; t <= 8; t++)
        if (price_paid(emb, t, "JPN", CP_HEAVY_OXIDE) > peak) {
            peak = price_paid(emb, t, "JPN", CP_HEAVY_OXIDE);
            peak_turn = t;
        }
    printf("    Japan's Dy/Tb price peaks at $%.0f/kg at turn %d (x%.1f of 2010Q3)\n", peak,
           peak_turn, peak / price_paid(emb, 0, "JPN", CP_HEAVY_OXIDE));
    CHECK(peak > 1.5 * price_paid(emb, 0, "JPN", CP_HEAVY_OXIDE),
          "Japan's heavy-oxide price stays high under the quotas");
    cp_world_destroy(emb);
    cp_world_destroy(none);
}

/* ---- tech-ban-2023 -------------------------------------------------------------- */

/* Share of the gap to the leader that nation 'n' closes in stage 'k' over
 * 'turns' turns; the leader is taken at the start. */
static double catch_up(cp_world *w, const char *iso3, cp_facility_kind k, int turns,
                       double *start, double *end)
{
    int n = nation(w, iso3);
    double lead = 0;
    for (int i = 0; i < cp_world_nation_count(w); i++)
        if (cp_world_nation(w, i)->tech[k] > lead)
            lead = cp_world_nation(w, i)->tech[k];
    *start = cp_world_nation(w, n)->tech[k];
    for (int t = 0; t < turns; t++)
        cp_world_advance(w);
    *end = cp_world_nation(w, n)->tech[k];
    return lead > *start ? (*end - *start) / (lead - *start) : 0;
}

static void test_tech_ban_slows_catch_up(void)
{
    static const char *const who[] = {"USA", "AUS", "FRA", "IND"};
    static const cp_facility_kind stages[] = {CP_FAC_MINE, CP_FAC_SEPARATION};
    for (size_t s = 0; s < 2; s++)
        for (size_t k = 0; k < sizeof who / sizeof who[0]; k++) {
            double a0, a1, b0, b1, c0, c1;
            cp_world *ban = world_of("tech-ban-2023", NULL, 1);
            cp_world *noban = world_of("tech-ban-2023", "tech_ban=0", 1);
            cp_world *free_ = world_of("free-trade", NULL, 1);
            if (!ban || !noban || !free_)
                return;
            double g_ban = catch_up(ban, who[k], stages[s], 40, &a0, &a1);
            double g_noban = catch_up(noban, who[k], stages[s], 40, &b0, &b1);
            double g_free = catch_up(free_, who[k], stages[s], 40, &c0, &c1);
            printf("    %s %-10s technology over 40 turns: %.3f -> %.3f under the ban (%.0f%% of "
                   "the gap), -> %.3f without it (%.0f%%), free-trade %.3f -> %.3f (%.0f%%)\n",
                   who[k], cp_facility_kind_name(stages[s]), a0, a1, 100 * g_ban, b1,
                   100 * g_noban, c0, c1, 100 * g_free);
            CHECK(g_ban < 0.6 * g_free, "%s %s: catches up more slowly than in free-trade "
                  "(%.0f%% against %.0f%% of the gap)", who[k], cp_facility_kind_name(stages[s]),
                  100 * g_ban, 100 * g_free);
            CHECK(g_ban < 0.6 * g_noban, "%s %s: the ban is what slows it (%.0f%% against %.0f%%)",
                  who[k], cp_facility_kind_name(stages[s]), 100 * g_ban, 100 * g_noban);
            cp_world_destroy(ban);
            cp_world_destroy(noban);
            cp_world_destroy(free_);
        }
    /* the ban applies in 2024Q1 and is in the news */
    cp_world *w = world_of("tech-ban-2023", NULL, 1);
    if (!w)
        return;
    cp_world_advance(w);
    CHECK(cp_world_nation(w, nation(w, "CHN"))->policy.tech_ban == 1, "China's ban in force in 2024Q1");
    CHECK(news_at(w, 1, nation(w, "CHN"), "21 Dec 2023"), "the ban is in the news");
    cp_world_destroy(w);
}

/* ---- alliance --------------------------------------------------------------------- */

static void test_alliance_release_lowers_shortages(void)
{
    static const char *const members[] = {"USA", "JPN", "KOR", "DEU", "FRA"};
    cp_world *rel = world_of("alliance", NULL, 1);
    cp_world *keep = world_of("alliance", "release_share=0", 1);
    if (!rel || !keep)
        return;
    for (int t = 0; t < 8; t++) {
        cp_world_advance(rel);
        cp_world_advance(keep);
    }
    double before_rel = 0, before_keep = 0, pile = 0;
    for (size_t m = 0; m < sizeof members / sizeof members[0]; m++) {
        before_rel += cp_world_nation_history(rel, 4, nation(rel, members[m]))->shortage_t;
        before_keep += cp_world_nation_history(keep, 4, nation(keep, members[m]))->shortage_t;
        pile += cp_world_nation_history(keep, 4, nation(keep, members[m]))->stockpile_t -
                cp_world_nation_history(keep, 0, nation(keep, members[m]))->stockpile_t;
    }
    CHECK(fabs(before_rel - before_keep) < 1e-6, "the two runs agree before the release");
    CHECK(pile > 0, "the members build stockpiles during the pause (+%.0f t)", pile);
    for (int t = 5; t <= 6; t++) {
        double s_rel = 0, s_keep = 0;
        for (size_t m = 0; m < sizeof members / sizeof members[0]; m++) {
            s_rel += cp_world_nation_history(rel, t, nation(rel, members[m]))->shortage_t;
            s_keep += cp_world_nation_history(keep, t, nation(keep, members[m]))->shortage_t;
        }
        char date[8];
        printf("    %s: members' shortages %.0f t with the releases, %.0f t without (stockpiles "
               "grew %.0f t during the pause)\n", cp_world_date_text(rel, t, date, sizeof date),
               s_rel, s_keep, pile);
        CHECK(s_rel < s_keep, "turn %d: releasing the stockpile lowers the members' shortages "
              "(%.0f t against %.0f t)", t, s_rel, s_keep);
    }
    CHECK(news_at(rel, 5, nation(rel, "JPN"), "releases"), "Japan releases in 2026Q4");
    /* plants funded abroad: host and funder differ */
    int abroad = 0;
    for (int k = cp_world_scenario(rel)->facility_count; k < cp_world_facility_count(rel); k++) {
        const cp_facility *f = cp_world_facility(rel, k);
        if (f->funder != f->host)
            abroad++;
    }
    CHECK(abroad >= 4, "members fund plants in each other's territory (%d)", abroad);
    cp_world_destroy(rel);
    cp_world_destroy(keep);
}

/* ---- free-trade --------------------------------------------------------------------- */

/* No control, tariff or technology ban at any turn, and one world price:
 * China and Japan pay the same for heavy oxide but for freight. */
static void test_free_trade_is_free(void)
{
    cp_world *w = world_of("free-trade", NULL, 1);
    if (!w)
        return;
    int restricted = 0;
    for (int t = 0; t <= 40; t++) {
        if (t)
            cp_world_advance(w);
        for (int n = 0; n < cp_world_nation_count(w); n++) {
            const cp_policy *p = &cp_world_nation(w, n)->policy;
            restricted += p->tech_ban;
            for (int g = 0; g < CP_GOOD_COUNT; g++)
                for (int d = 0; d < cp_world_nation_count(w); d++)
                    restricted += p->control[g][d].mode != CP_CONTROL_OPEN || p->tariff[g][d] > 0;
        }
    }
    CHECK(restricted == 0, "no restriction at any turn (%d found)", restricted);
    double c = price_paid(w, 1, "CHN", CP_HEAVY_OXIDE), j = price_paid(w, 1, "JPN", CP_HEAVY_OXIDE);
    printf("    free-trade 2025Q2 heavy oxide: China $%.1f/kg, Japan $%.1f/kg\n", c, j);
    CHECK(fabs(j / c - 1) < 0.05, "one world price: Japan pays China's price within 5%% (x%.3f)", j / c);
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_each_loads_and_plays);
    RUN(test_licensing_doubles_abroad);
    RUN(test_escalation_returns_on_date);
    RUN(test_embargo_hits_japan);
    RUN(test_tech_ban_slows_catch_up);
    RUN(test_alliance_release_lowers_shortages);
    RUN(test_free_trade_is_free);
    return DONE();
}
