/* scenario_internal.h -- the scenario loader's internal entry points, shared by its files. */
#ifndef CPS_SCENARIO_INTERNAL_H
#define CPS_SCENARIO_INTERNAL_H

#include "scenario_read.h"

/* scenario_map.c: map the scenario table at 'top' onto r->sc and r->info. */
void cps_map_scenario(cps_reader *r, int top);
/* The index of nation 'iso' (refusing field 'key' of the table at 't' if unknown). */
int cps_map_nation(cps_reader *r, int t, const char *key, const char *iso);
/* A facility kind by name ("magnet" is accepted for "magnet_plant"). */
int cps_map_kind(cps_reader *r, int t, const char *key, const char *name);

/* scenario_orders.c: the policies and schedule fields of the table at 'top'. */
void cps_map_orders(cps_reader *r, int top);

/* scenario_load.c: the whole file at 'path', NUL-terminated, in '*len' bytes;
 * NULL when it cannot be read ('why' says why, or is empty when the file is
 * missing) or is larger than 'max_bytes' ('*too_big' set). */
char *cps_scenario_read_text(const char *path, size_t max_bytes, size_t *len, int *too_big,
                             char *why, size_t whylen);

/* scenario_include.c: give the scenario's sandbox the global include(NAME),
 * which keeps each lib's text in r->libs; free those texts. */
void cps_scenario_open_include(cps_reader *r);
void cps_scenario_libs_free(cps_reader *r);

#endif
