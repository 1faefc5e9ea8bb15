/* test_scenario_include.c -- include(NAME) in scenario files: libs run and return fresh tables, errors name the right file and line, bad names, missing libs, cycles and deep nesting are refused, agents have no include. */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "chokepoint.h"
#include "script.h"

/* The fixtures' data directory: its scripts/scenarios/lib holds the test libs. */
#define DATA CP_DATA_DIR "/tests/script/fixtures/include"
#define FIX DATA "/"

static cp_scenario sc, other; /* large: keep them off the stack */

static int load(const char *file, char *err, size_t len)
{
    cps_scenario_info info;
    int rc = cps_scenario_load(file, &sc, &info, err, len);
    cps_scenario_info_free(&info);
    return rc;
}

static void test_include_works(void)
{
    char err[600];
    setenv("CHOKEPOINT_DATA", DATA, 1);
    int rc = load(FIX "ok.lua", err, sizeof err);
    CHECK(rc == 0, "ok.lua refused: %s", err);
    if (rc == 0) {
        CHECK(sc.nation_count == 4, "%d nations", sc.nation_count);
        CHECK(strcmp(sc.nations[0].iso3, "AAA") == 0 && sc.nations[0].reserves_t == 5,
              "the first include, changed: %s %g", sc.nations[0].iso3, sc.nations[0].reserves_t);
        CHECK(strcmp(sc.nations[1].iso3, "BBB") == 0 && sc.nations[1].reserves_t == 100,
              "the second include got a fresh table: %s %g", sc.nations[1].iso3,
              sc.nations[1].reserves_t);
        CHECK(strcmp(sc.nations[2].iso3, "CCC") == 0, "a lib includes a lib: %s",
              sc.nations[2].iso3);
        CHECK(strcmp(sc.nations[3].iso3, "EEE") == 0 && sc.nations[3].reserves_t == 100,
              "include works after a caught refusal: %s", sc.nations[3].iso3);
    }
    rc = load(FIX "deep_ok.lua", err, sizeof err);
    CHECK(rc == 0 && sc.nation_count == 1 && strcmp(sc.nations[0].iso3, "DDD") == 0,
          "four libs deep is allowed: %s", err);
    unsetenv("CHOKEPOINT_DATA");
}

/* The 2025 scenarios share baseline's world through lib/world-2025.lua. */
static void test_shared_world(void)
{
    char err[600];
    int rc = cps_scenario_load("baseline", &other, NULL, err, sizeof err);
    CHECK(rc == 0, "baseline: %s", err);
    static const char *const users[] = {"licensing-2025", "free-trade"};
    for (size_t i = 0; rc == 0 && i < sizeof users / sizeof users[0]; i++) {
        int r2 = cps_scenario_load(users[i], &sc, NULL, err, sizeof err);
        CHECK(r2 == 0, "%s: %s", users[i], err);
        if (r2 != 0)
            continue;
        CHECK(sc.nation_count == other.nation_count && sc.facility_count == other.facility_count,
              "%s: %d nations, %d facilities", users[i], sc.nation_count, sc.facility_count);
        for (int n = 0; n < sc.nation_count && n < other.nation_count; n++)
            CHECK(strcmp(sc.nations[n].iso3, other.nations[n].iso3) == 0 &&
                      sc.nations[n].reserves_t == other.nations[n].reserves_t &&
                      sc.nations[n].gdp_busd_per_yr == other.nations[n].gdp_busd_per_yr,
                  "%s: nation %d as in baseline", users[i], n);
        for (int f = 0; f < sc.facility_count && f < other.facility_count; f++)
            CHECK(sc.facilities[f].capacity_t_per_yr == other.facilities[f].capacity_t_per_yr,
                  "%s: facility %d as in baseline", users[i], f);
    }
}

typedef struct {
    const char *file;
    const char *fragments[3]; /* each must appear in the message */
} refusal;

static const refusal refusals[] = {
    /* errors in what a lib built name the lib, its line and field, and the includer */
    {"bad_lib_field.lua",
     {"scripts/scenarios/lib/badlib.lua:4: nations[1] (AAA).resrves_t: unknown field (did you "
      "mean 'reserves_t'?) (included by bad_lib_field.lua)"}},
    {"bad_lib_value.lua",
     {"scripts/scenarios/lib/pair.lua:2: nations[1] (AAA).reserves_t: must not be negative "
      "(got -1) (included by bad_lib_value.lua)"}},
    {"bad_lib_runtime.lua",
     {"scripts/scenarios/lib/liberr.lua:2: boom in the lib (included by bad_lib_runtime.lua)"}},
    {"bad_lib_syntax.lua",
     {"bad_lib_syntax.lua:2: include(\"libsyntax\"): scripts/scenarios/lib/libsyntax.lua:3:",
      "'}' expected"}},
    {"bad_lib_loop.lua",
     {"scripts/scenarios/lib/libloop.lua:2: instruction budget exceeded",
      "(included by bad_lib_loop.lua)"}},
    /* a table the file builds after an include is the file's, as before */
    {"bad_after.lua", {"bad_after.lua:4: nations[2] (BBB).resrves_t: unknown field"}},
    /* refusals name the including file and line */
    {"bad_missing.lua",
     {"bad_missing.lua:3: include(\"no_such_lib\"): no such lib (looked for ",
      "/tests/script/fixtures/include/scripts/scenarios/lib/no_such_lib.lua)"}},
    {"bad_name_dots.lua",
     {"bad_name_dots.lua:2: include(\"../baseline\"): a lib is named by letters, digits"}},
    {"bad_name_slash.lua", {"bad_name_slash.lua:2: include(\"a/b\"): a lib is named by"}},
    {"bad_name_suffix.lua", {"bad_name_suffix.lua:2: include(\"pair.lua\"): a lib is named by"}},
    {"bad_cycle.lua",
     {"scripts/scenarios/lib/cycle_b.lua:2: include(\"cycle_a\"): include cycle: "
      "scripts/scenarios/lib/cycle_a.lua is already being included (included by bad_cycle.lua)"}},
    {"bad_self.lua",
     {"scripts/scenarios/lib/self.lua:2: include(\"self\"): include cycle"}},
    {"bad_depth.lua",
     {"scripts/scenarios/lib/deep4.lua:2: include(\"deep5\"): includes nested more than 4 deep",
      "(included by bad_depth.lua)"}},
};

static void test_refusals(void)
{
    setenv("CHOKEPOINT_DATA", DATA, 1);
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const refusal *r = &refusals[i];
        char path[512], err[800];
        snprintf(path, sizeof path, FIX "%s", r->file);
        int rc = load(path, err, sizeof err);
        CHECK(rc != 0, "%s was accepted", r->file);
        for (int k = 0; k < 3 && r->fragments[k]; k++)
            CHECK(strstr(err, r->fragments[k]) != NULL, "%s: expected \"%s\" in \"%s\"", r->file,
                  r->fragments[k], err);
    }
    unsetenv("CHOKEPOINT_DATA");
}

/* Agents run in their own sandbox, which has no include(). */
static void test_agents_have_none(void)
{
    static char out[1 << 15];
    FILE *f = tmpfile();
    CHECK(f != NULL, "tmpfile");
    if (!f)
        return;
    int rc = cps_check_agent(FIX "agent_include.lua", f);
    rewind(f);
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    fclose(f);
    CHECK(rc == 1 && strstr(out, "agent_include.lua:2:") && strstr(out, "global 'include'"),
          "an agent calling include() fails to load: %d\n%s", rc, out);
}

int main(void)
{
    RUN(test_include_works);
    RUN(test_shared_world);
    RUN(test_refusals);
    RUN(test_agents_have_none);
    return DONE();
}
