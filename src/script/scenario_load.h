/* scenario_load.h -- read a scenario file (Lua, data only) into a cp_scenario.
 *
 * The file runs in a data-only sandbox (no io/os/require, no math.random, an
 * instruction budget and a memory cap) and returns a table; every field is
 * checked and mapped onto a cp_scenario, and anything the core does not need
 * (briefing text, default agents, sweep parameters) goes into a
 * cps_scenario_info. docs/scenarios.md documents the format.
 */
#ifndef CPS_SCENARIO_LOAD_H
#define CPS_SCENARIO_LOAD_H

#include <stddef.h>

#include "../core/chokepoint.h"

/* A sweep parameter a scenario declares. */
typedef struct {
    char name[CP_NAME_LEN];
    double value;   /* the value used for this load */
    double dflt, min, max;
    char *description; /* heap, may be NULL */
} cps_parameter;

/* What a scenario says that the core does not need. */
typedef struct {
    char path[1024];    /* the file that was read */
    char display[256];  /* its name in messages */
    /* default agent per nation index: a resolved file path, "" when none */
    char agent[CP_MAX_NATIONS][1024];
    char *briefing;     /* heap, NULL when none */
    int objective_count;
    char **objectives;  /* heap strings */
    int debrief_count;
    char **debrief;     /* heap strings: debrief questions */
    int parameter_count;
    cps_parameter *parameters;
} cps_scenario_info;

/* Load 'name_or_path' (a name resolves to <datadir>/scripts/scenarios/NAME.lua)
 * into 'out' (and 'info' if not NULL). Returns 0; or -1 with a message in
 * 'err' naming the file, line and field, and nothing usable in 'out'. */
int cps_scenario_load(const char *name_or_path, cp_scenario *out, cps_scenario_info *info,
                      char *err, size_t errlen);

/* The same with sweep parameters overridden: 'overrides' is NULL or
 * "NAME=VALUE,NAME=VALUE"; each NAME must be declared by the scenario and
 * each VALUE lie in its min..max. */
int cps_scenario_load_with(const char *name_or_path, const char *overrides, cp_scenario *out,
                           cps_scenario_info *info, char *err, size_t errlen);

/* Free the heap strings in 'info' (safe on a zeroed or already-freed info). */
void cps_scenario_info_free(cps_scenario_info *info);

#endif
