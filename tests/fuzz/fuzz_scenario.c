/* fuzz_scenario.c -- libFuzzer harness for the scenario loader: the input
 * is written to a temporary .lua file and loaded with cps_scenario_load
 * (the loader reads files only). A scenario that loads must start a world
 * and play a turn of it. tests/fuzz/fuzz_main.c runs the same function over
 * the regression inputs in an ordinary build. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chokepoint.h"
#include "script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], path[96];

static void remove_temp(void)
{
    if (path[0])
        unlink(path);
    if (dir[0])
        rmdir(dir);
}

/* One temporary file per process, rewritten for every input. */
static int temp_file(void)
{
    if (path[0])
        return 0;
    snprintf(dir, sizeof dir, "/tmp/fuzz-scenario-XXXXXX");
    if (!mkdtemp(dir)) {
        dir[0] = '\0';
        return -1;
    }
    snprintf(path, sizeof path, "%s/fuzz-scenario.lua", dir);
    atexit(remove_temp);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cp_scenario sc;
    if (temp_file() != 0)
        abort();
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    cps_scenario_info info;
    char err[1024];
    if (cps_scenario_load(path, &sc, &info, err, sizeof err) != 0) {
        if (strstr(err, "fuzz-scenario") == NULL) { /* every refusal names the file */
            fprintf(stderr, "fuzz_scenario: the refusal does not name the file: %s\n", err);
            abort();
        }
        cps_scenario_info_free(&info);
        return 0;
    }
    cp_error e;
    cp_world *w = cp_world_create(&sc, 1, &e);
    if (!w) {
        fprintf(stderr, "fuzz_scenario: a scenario that loads does not start: %s\n", e.message);
        abort();
    }
    cp_world_advance(w);
    cp_world_destroy(w);
    cps_scenario_info_free(&info);
    return 0;
}
