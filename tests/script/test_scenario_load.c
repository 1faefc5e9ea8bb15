/* test_scenario_load.c -- the scenario loader: good files map field by field, broken and hostile files are refused with a message naming file, line and field. */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "chokepoint.h"
#include "script.h"

#define FIXTURES CP_DATA_DIR "/tests/script/fixtures/scenarios/"

static cp_scenario sc; /* large: keep it off the stack */

static int nation_index(const char *iso)
{
    for (int i = 0; i < sc.nation_count; i++)
        if (strcmp(sc.nations[i].iso3, iso) == 0)
            return i;
    return -1;
}

static void test_baseline(void)
{
    cps_scenario_info info;
    char err[512];
    int rc = cps_scenario_load("baseline", &sc, &info, err, sizeof err);
    CHECK(rc == 0, "baseline refused: %s", err);
    if (rc != 0)
        return;
    CHECK(sc.nation_count >= 20, "baseline has %d nations", sc.nation_count);
    CHECK(strcmp(sc.name, "baseline") == 0, "name %s", sc.name);
    CHECK(info.briefing && strlen(info.briefing) > 0, "baseline has a briefing");
    int chn = nation_index("CHN");
    CHECK(chn >= 0, "CHN present");
    if (chn >= 0)
        CHECK(strstr(info.agent[chn], "scripts/agents/rhythm_card.lua") != NULL,
              "CHN's agent resolves to rhythm_card.lua, got %s", info.agent[chn]);
    CHECK(sc.facility_count > 10, "%d facilities", sc.facility_count);
    cp_error e;
    cp_world *w = cp_world_create(&sc, 1, &e);
    CHECK(w != NULL, "baseline world: %s", w ? "" : e.message);
    cp_world_destroy(w);
    cps_scenario_info_free(&info);
    cps_scenario_info_free(&info); /* twice is safe */
}

static void test_minimal(void)
{
    cps_scenario_info info;
    char err[512];
    int rc = cps_scenario_load(FIXTURES "minimal.lua", &sc, &info, err, sizeof err);
    CHECK(rc == 0, "minimal refused: %s", err);
    if (rc != 0)
        return;
    CHECK(strcmp(sc.name, "minimal") == 0, "name");
    CHECK(strcmp(sc.title, "Two producers and a buyer") == 0, "title");
    CHECK(sc.start_year == 2026 && sc.start_quarter == 3, "start %dQ%d", sc.start_year,
          sc.start_quarter);
    CHECK(sc.default_turns == 12, "turns");
    CHECK(info.briefing && strcmp(info.briefing, "A test world.\nSecond line.") == 0, "briefing");
    CHECK(info.objective_count == 2 && strcmp(info.objectives[1], "Read a chart") == 0,
          "objectives");
    CHECK(info.debrief_count == 1, "debrief");
    CHECK(sc.goods[CP_MAGNET].reference_price_usd_per_kg == 50, "magnet price override");
    CHECK(sc.goods[CP_MAGNET].substitution == 5, "substitution override");
    CHECK(sc.goods[CP_MAGNET].growth_per_yr[CP_SECTOR_EV] == 0.2, "growth override");
    cp_scenario d;
    cp_scenario_defaults(&d);
    CHECK(sc.goods[CP_MAGNET].demand_elasticity == d.goods[CP_MAGNET].demand_elasticity,
          "unstated fields keep their defaults");
    CHECK(sc.goods[CP_MAGNET].growth_per_yr[CP_SECTOR_DEFENSE] ==
              d.goods[CP_MAGNET].growth_per_yr[CP_SECTOR_DEFENSE], "growth default kept");
    CHECK(sc.goods[CP_ORE].reference_price_usd_per_kg == d.goods[CP_ORE].reference_price_usd_per_kg,
          "ore default kept");
    CHECK(sc.magnet_light_t_per_t == 0.25 && sc.magnet_heavy_t_per_t == 0.01, "recipe");
    CHECK(sc.leakage_share == 0.2 && sc.leakage_share_tracked == d.leakage_share_tracked, "leakage");
    CHECK(sc.random_events == 0 && sc.stock_target_quarters == 1, "events, stock target");

    CHECK(sc.nation_count == 3, "3 nations");
    const cp_nation *a = &sc.nations[0];
    CHECK(strcmp(a->iso3, "AAA") == 0 && strcmp(a->name, "Alpha") == 0, "AAA");
    CHECK(a->lat_deg == 10 && a->lon_deg == 20, "lat lon");
    CHECK(a->reserves_t == 1e6 && a->treasury_musd == 500 && a->budget_musd_per_yr == 100 &&
              a->gdp_busd_per_yr == 1000 && a->permitting_factor == 0.5, "money and reserves");
    CHECK(a->ore_light_share == 0.2 && a->ore_heavy_share == 0.01, "ore");
    CHECK(a->tech[CP_FAC_MINE] == 0.8 && a->tech[CP_FAC_MAGNET] == 0.6, "tech, magnet alias");
    CHECK(a->stock_t[CP_ORE] == 100 && a->stockpile_t[CP_HEAVY_OXIDE] == 5, "stocks");
    CHECK(a->demand_t_per_yr[CP_SECTOR_EV][CP_MAGNET] == 1000 &&
              a->demand_t_per_yr[CP_SECTOR_INDUSTRIAL][CP_LIGHT_OXIDE] == 50, "demand");
    CHECK(a->sector_gdp_busd[CP_SECTOR_EV] == 30 && a->sector_gdp_busd[CP_SECTOR_DEFENSE] == 5,
          "sector gdp");
    CHECK(a->weights.security == 0.4 && a->weights.stability == 0.1, "weights");
    CHECK(strcmp(sc.nations[2].name, "CCC") == 0, "name defaults to iso3");
    CHECK(sc.nations[1].conflict_risk_per_yr == 0.1, "conflict risk");
    CHECK(sc.nations[1].permitting_factor == d.nations[1].permitting_factor, "default permitting");
    CHECK(strstr(info.agent[0], "/scripts/agents/do_nothing.lua") != NULL, "agent name resolved: %s",
          info.agent[0]);
    CHECK(info.agent[1][0] == '\0', "no agent given");
    CHECK(strcmp(info.agent[2], "tests/script/fixtures/agents/x.lua") == 0, "agent path as is");

    CHECK(sc.facility_count == 3, "3 facilities");
    const cp_facility_spec *f = &sc.facilities[1];
    CHECK(f->kind == CP_FAC_SEPARATION && f->host == 0 && f->funder == 0, "sep plant");
    CHECK(f->stage == CP_STAGE_CONSTRUCTION && f->turns_in_stage == 2 &&
              f->stage_turns[CP_STAGE_CONSTRUCTION] == 6, "stage");
    CHECK(sc.facilities[0].stage == CP_STAGE_OPERATING, "default stage operating");
    CHECK(sc.facilities[2].host == 1 && sc.facilities[2].funder == 2, "funder");
    CHECK(sc.facilities[2].name[0] != '\0', "a default name");

    CHECK(sc.scheduled_count == 6, "3 policies + 3 scheduled, got %d", sc.scheduled_count);
    const cp_scheduled *p = &sc.scheduled[0];
    CHECK(p->turn == 0 && !p->is_event && p->order.kind == CP_ORDER_SET_EXPORT_CONTROL &&
              p->order.nation == 0 && p->order.partner == CP_ALL && p->order.good == CP_HEAVY_OXIDE &&
              p->order.mode == CP_CONTROL_LICENSED && p->order.amount == 0.5 &&
              strcmp(p->note, "licences") == 0, "policy 1");
    p = &sc.scheduled[1];
    CHECK(p->order.kind == CP_ORDER_SET_TARIFF && p->order.partner == 0 && p->order.amount == 0.25,
          "policy 2 by parameter names");
    CHECK(sc.scheduled[2].order.flag == 1, "flag");
    p = &sc.scheduled[3];
    CHECK(p->turn == 4 && p->order.kind == CP_ORDER_SUSPEND_EXPORT_CONTROL && p->order.turns == 4 &&
              p->order.partner == 2 && strcmp(p->note, "summit") == 0, "scheduled order");
    p = &sc.scheduled[4];
    CHECK(p->turn == 6 && p->is_event && p->event.kind == CP_EVENT_CONFLICT && p->event.nation == 1 &&
              p->event.magnitude == 0.5 && p->event.turns == 4 && p->event.facility == -1,
          "scheduled event");
    CHECK(sc.scheduled[5].order.facility == 1, "facility by name");
    cp_error e;
    cp_world *w = cp_world_create(&sc, 7, &e);
    CHECK(w != NULL, "minimal world: %s", w ? "" : e.message);
    cp_world_destroy(w);
    cps_scenario_info_free(&info);
}

static void test_parameters(void)
{
    cps_scenario_info info;
    char err[512];
    int rc = cps_scenario_load(FIXTURES "sweep.lua", &sc, &info, err, sizeof err);
    CHECK(rc == 0, "sweep refused: %s", err);
    if (rc == 0) {
        CHECK(info.parameter_count == 2, "2 parameters");
        CHECK(strcmp(info.parameters[0].name, "approval") == 0, "sorted by name");
        CHECK(info.parameters[0].value == 0.5 && info.parameters[0].min == 0, "default used");
        CHECK(info.parameters[0].description &&
                  strcmp(info.parameters[0].description, "share of licences approved") == 0, "description");
        CHECK(sc.scheduled[0].order.amount == 0.5, "default reaches the scenario");
        CHECK(sc.nations[0].reserves_t == 1e6, "reserves default");
    }
    cps_scenario_info_free(&info);
    rc = cps_scenario_load_with(FIXTURES "sweep.lua", "approval=0.2, reserves_scale=2", &sc, &info,
                                err, sizeof err);
    CHECK(rc != 0 && strstr(err, "unknown parameter \" reserves_scale\"") != NULL,
          "space is not trimmed: %s", err);
    rc = cps_scenario_load_with(FIXTURES "sweep.lua", "approval=0.2,reserves_scale=2", &sc, &info,
                                err, sizeof err);
    CHECK(rc == 0, "override refused: %s", err);
    if (rc == 0) {
        CHECK(sc.scheduled[0].order.amount == 0.2, "override reaches the scenario");
        CHECK(sc.nations[0].reserves_t == 2e6, "second override");
        CHECK(info.parameters[0].value == 0.2 && info.parameters[0].dflt == 0.5, "value vs default");
    }
    cps_scenario_info_free(&info);
    rc = cps_scenario_load_with(FIXTURES "sweep.lua", "approval=2", &sc, &info, err, sizeof err);
    CHECK(rc != 0 && strstr(err, "approval = 2 is outside 0..1"), "range: %s", err);
    rc = cps_scenario_load_with(FIXTURES "sweep.lua", "aproval=0.1", &sc, &info, err, sizeof err);
    CHECK(rc != 0 && strstr(err, "unknown parameter \"aproval\" (this scenario has: approval, "
                                 "reserves_scale)"), "unknown: %s", err);
    rc = cps_scenario_load_with(FIXTURES "sweep.lua", "approval=x", &sc, &info, err, sizeof err);
    CHECK(rc != 0 && strstr(err, "is not a number"), "not a number: %s", err);
    rc = cps_scenario_load_with(FIXTURES "minimal.lua", "approval=0.1", &sc, &info, err, sizeof err);
    CHECK(rc != 0 && strstr(err, "can only be varied"), "static scenario: %s", err);
}

typedef struct {
    const char *file;
    const char *fragments[3]; /* each must appear in the message */
} refusal;

static const refusal refusals[] = {
    {"bad_misspelt.lua",
     {"bad_misspelt.lua:6: nations[2] (AUS).resrves_t: unknown field (did you mean 'reserves_t'?)"}},
    {"bad_nation.lua", {"bad_nation.lua:6: facilities[2].host: unknown nation \"XYZ\""}},
    {"bad_negative.lua",
     {"bad_negative.lua:7: nations[3] (AUS).reserves_t: must not be negative (got -4e+06)"}},
    {"bad_share.lua", {"bad_share.lua:4: nations[1] (AAA).ore.light_share: is a share"}},
    {"bad_type.lua", {"bad_type.lua:3: turns: must be a number, got string"}},
    {"bad_syntax.lua", {"bad_syntax.lua:5:", "'}' expected"}},
    {"bad_runtime.lua", {"bad_runtime.lua:3:", "attempt to index a nil value"}},
    {"bad_toomany.lua", {"bad_toomany.lua:2: nations: too many entries (33, at most 32)"}},
    {"bad_loop.lua", {"bad_loop.lua:2: instruction budget exceeded"}},
    {"bad_pcall_loop.lua", {"bad_pcall_loop.lua:3: instruction budget exceeded"}},
    {"bad_xpcall_loop.lua", {"bad_xpcall_loop.lua:2: instruction budget exceeded"}},
    {"bad_membomb.lua", {"bad_membomb.lua:3: memory cap exceeded"}},
    {"bad_membomb_pcall.lua", {"bad_membomb_pcall.lua:", "memory cap exceeded"}},
    {"bad_pattern.lua", {"bad_pattern.lua:3:", "instruction budget exceeded"}},
    {"bad_rep.lua", {"bad_rep.lua:2:", "resulting string too large"}},
    {"bad_gc.lua", {"bad_gc.lua:2:", "__gc is not allowed"}},
    {"bad_os.lua", {"bad_os.lua:2:", "global 'os'"}},
    {"bad_io.lua", {"bad_io.lua:2:", "global 'io'"}},
    {"bad_require.lua", {"bad_require.lua:2:", "global 'require'"}},
    {"bad_dofile.lua", {"bad_dofile.lua:2:", "global 'dofile'"}},
    {"bad_random.lua", {"bad_random.lua:2:", "math.random (scenarios are data) is not available"}},
    {"bad_binary.lua", {"bad_binary.lua:2:", "binary chunks are not allowed"}},
    {"bad_order.lua",
     {"bad_order.lua:5: policies[1].order: unknown order \"set_tarif\" (did you mean \"set_tariff\"?)"}},
    {"bad_order_field.lua", {"bad_order_field.lua:6: policies[1].mode: unknown field"}},
    {"bad_return.lua", {"must return the scenario table, got number"}},
    {"bad_weights.lua", {"bad_weights.lua:3: nations[1] (AAA).weights: must sum to 1"}},
    {"bad_start.lua", {"bad_start.lua:2: start: must look like \"2025Q1\""}},
    {"bad_event.lua", {"bad_event.lua:4: schedule[1].event.kind: unknown event \"earthquake\""}},
    {"bad_goal_target.lua",
     {"bad_goal_target.lua:5: nations[1] (AAA).goals[1]: goal shortage_max: target must be "
      "between 0 and 1, got 1.5"}},
    {"bad_goal_kind.lua",
     {"bad_goal_kind.lua:5: nations[2] (BBB).goals[1].kind: unknown goal kind \"win\""}},
    {"bad_goal_field.lua",
     {"bad_goal_field.lua:5: nations[1] (AAA).goals[1].deadline: unknown field"}},
    {"bad_investment.lua",
     {"bad_investment.lua:4: nations[1] (AAA).foreign_investment: must be \"open\" or "
      "\"closed\", got \"sometimes\""}},
    /* numbers beyond their ranges (cp_scenario_range): each once ran and
     * made the world non-finite, so that no autosave could be written */
    {"bad_huge_price.lua",
     {"bad_huge_price.lua:5: goods.magnet.reference_price_usd_per_kg: must lie between 0.01 and "
      "1e+06 USD/kg (got 1e+308)"}},
    {"bad_huge_capacity.lua",
     {"bad_huge_capacity.lua:10: facilities[2].capacity_t_per_yr: must lie between 1 and "
      "1e+09 t a year (got 1e+308)"}},
    {"bad_huge_demand.lua",
     {"bad_huge_demand.lua:5: nations[1] (AAA).demand_t_per_yr.ev.magnet: must lie between 0 and "
      "1e+10 t a year (got 1e+308)"}},
    {"bad_huge_expansion.lua",
     {"bad_huge_expansion.lua:6: nations[1] (AAA).expansion_cap_per_yr: must lie between 0 and "
      "10 a year (got 1e+308)"}},
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void test_refusals(void)
{
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const refusal *r = &refusals[i];
        char path[512], err[600];
        snprintf(path, sizeof path, FIXTURES "%s", r->file);
        cps_scenario_info info;
        double t0 = now_s();
        int rc = cps_scenario_load(path, &sc, &info, err, sizeof err);
        double dt = now_s() - t0;
        CHECK(rc != 0, "%s was accepted", r->file);
        for (int k = 0; k < 3 && r->fragments[k]; k++)
            CHECK(strstr(err, r->fragments[k]) != NULL, "%s: expected \"%s\" in \"%s\"", r->file,
                  r->fragments[k], err);
        CHECK(strstr(err, "tests/script/fixtures/scenarios/") == err || rc == 0,
              "%s: the message starts with the file's name: %s", r->file, err);
        CHECK(dt < 6.0, "%s took %.2f s", r->file, dt);
        CHECK(info.briefing == NULL && info.parameter_count == 0, "nothing kept on refusal");
    }
}

/* Goals and consent as a scenario file states them. */
static void test_goals(void)
{
    cps_scenario_info info;
    char err[600];
    int rc = cps_scenario_load(FIXTURES "goals.lua", &sc, &info, err, sizeof err);
    CHECK(rc == 0, "goals.lua loads: %s", rc ? err : "");
    if (rc != 0)
        return;
    CHECK(sc.goal_count == 4, "four goals: %d", sc.goal_count);
    const cp_goal *g = sc.goals;
    CHECK(g[0].nation == 0 && g[0].kind == CP_GOAL_SHORTAGE_MAX && g[0].good == CP_MAGNET &&
              g[0].target == 0.1 && g[0].measure == CP_MEASURE_AVERAGE && g[0].by_turn == 0,
          "the shortage goal");
    CHECK(g[1].kind == CP_GOAL_OUTPUT_MIN && g[1].facility_kind == CP_FAC_MAGNET &&
              g[1].target == 2000 && g[1].by_turn == 12 && g[1].measure == CP_MEASURE_END,
          "the output goal: measured at the end by default");
    CHECK(g[2].kind == CP_GOAL_SHARE_MIN && g[2].facility_kind == CP_FAC_SEPARATION, "share");
    CHECK(g[3].nation == 1 && g[3].kind == CP_GOAL_TREASURY_MIN && g[3].target == -50 &&
              g[3].measure == CP_MEASURE_ALWAYS, "BBB's treasury goal");
    CHECK(sc.nations[0].policy.investment_closed == 1 && sc.nations[1].policy.investment_closed == 0,
          "AAA closed, BBB open by default");
    cp_error e;
    CHECK(cp_scenario_validate(&sc, &e) == CP_OK, "the core accepts it: %s", e.message);
    cps_scenario_info_free(&info);
}

static void test_names(void)
{
    cps_scenario_info info;
    char err[512];
    int rc = cps_scenario_load("no_such_scenario", &sc, &info, err, sizeof err);
    CHECK(rc != 0 && strstr(err, "no_such_scenario: no such scenario"), "missing: %s", err);
    rc = cps_scenario_load("/nonexistent/dir/x.lua", &sc, &info, err, sizeof err);
    CHECK(rc != 0 && strstr(err, "/nonexistent/dir/x.lua: cannot read file"), "missing path: %s", err);
    /* CHOKEPOINT_DATA moves where names resolve */
    setenv("CHOKEPOINT_DATA", CP_DATA_DIR "/tests/script/fixtures", 1);
    rc = cps_scenario_load("baseline", &sc, &info, err, sizeof err);
    CHECK(rc != 0 && strstr(err, CP_DATA_DIR "/tests/script/fixtures/scripts/scenarios/baseline.lua"),
          "resolved under CHOKEPOINT_DATA: %s", err);
    unsetenv("CHOKEPOINT_DATA");
}

int main(void)
{
    RUN(test_baseline);
    RUN(test_minimal);
    RUN(test_parameters);
    RUN(test_refusals);
    RUN(test_goals);
    RUN(test_names);
    return DONE();
}
