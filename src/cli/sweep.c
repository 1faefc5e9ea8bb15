/* sweep.c -- `chokepoint sweep`: play every combination of a scenario's
 * declared parameters over a range of seeds, headless on all cores, and
 * write one tidy CSV (one row per run, turn and nation).
 *
 * This file is the command: its flags, the checks of what was asked against
 * what the scenario declares, the file's header and the summary line. The
 * runs themselves are the session's sweep engine (batch.h, sweep_run.c),
 * which writes the rows in run order whatever --jobs says.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "script.h"

#ifndef CP_VERSION
#define CP_VERSION "dev"
#endif

enum {
    MAX_VARY = CPG_SWEEP_MAX_VARY,     /* parameters varied at once */
    MAX_VALUES = CPG_SWEEP_MAX_VALUES, /* values of one parameter */
    MAX_SEEDS = 100000,
    MAX_RUNS = 1000000,
    MAX_ASSIGN = CP_MAX_NATIONS
};

static void usage(FILE *f)
{
    fputs("usage: chokepoint sweep --scenario S [--vary NAME=V1,V2,...]... [--seeds 1-20]\n"
          "                        [--turns N] [--csv FILE] [--jobs N] [--agents]\n"
          "                        [--agent ISO3=FILE]... [--quiet]\n"
          "  --scenario  a scenario under scripts/scenarios/ or a .lua file (required)\n"
          "  --vary      a parameter the scenario declares and the values to try; repeat\n"
          "              the flag to vary several (every combination is played)\n"
          "  --seeds     A-B, a list A,B,C or one seed (default 1)\n"
          "  --turns     quarters to play (default: the scenario's length)\n"
          "  --csv       the file to write (default: standard output)\n"
          "  --jobs      worker threads (default: every core)\n"
          "  --agents    seat the scenario's default agents (default: none, the scenario's\n"
          "              own policies and schedule only, as `sim` plays it)\n"
          "  --agent     put another agent in a seat, ISO3=FILE or ISO3=none (implies --agents)\n"
          "  --quiet     no progress bar and no summary line\n"
          "A flag may be shortened to any prefix that names no other (--scen for --scenario),\n"
          "and flags and arguments may come in any order.\n",
          f);
}

/* ---- parsing ------------------------------------------------------------------ */

/* "NAME=V1,V2,..." into 'v'. Returns 0, or -1 after saying why. */
static int parse_vary(const char *text, cpg_vary *v)
{
    const char *eq = strchr(text, '=');
    if (!eq || eq == text || (size_t)(eq - text) >= sizeof v->name) {
        fprintf(stderr, "chokepoint sweep: --vary: '%s' is not NAME=V1,V2,...\n", text);
        return -1;
    }
    memcpy(v->name, text, (size_t)(eq - text));
    v->name[eq - text] = '\0';
    v->count = 0;
    const char *p = eq + 1;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char buf[64];
        if (len == 0 || len >= sizeof buf) {
            fprintf(stderr, "chokepoint sweep: --vary %s: empty or overlong value in '%s'\n",
                    v->name, eq + 1);
            return -1;
        }
        memcpy(buf, p, len);
        buf[len] = '\0';
        char *stop;
        errno = 0;
        double x = strtod(buf, &stop);
        if (errno || stop == buf || *stop != '\0' || !isfinite(x)) {
            fprintf(stderr, "chokepoint sweep: --vary %s: '%s' is not a number\n", v->name, buf);
            return -1;
        }
        if (v->count >= MAX_VALUES) {
            fprintf(stderr, "chokepoint sweep: --vary %s: more than %d values\n", v->name,
                    MAX_VALUES);
            return -1;
        }
        v->text[v->count] = p;
        v->value[v->count++] = x;
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

/* ---- the sidecar: what made the file (datapackage.json, docs/csv.md) ---------------- */

static const cpg_field SWEEP_ROW_FIELDS[] = {
    {"seed", "integer", NULL, "the run's seed"},
    {"turn", "integer", NULL, "turn number; 0 is the start"},
    {"date", "string", NULL, "the quarter, as 2025Q1"},
    {"nation", "string", NULL, "ISO 3166 alpha-3 code"},
    {"mined_t", "number", "t", "ore mined this quarter, tonnes of rare-earth oxide (REO)"},
    {"separated_t", "number", "t", "ore fed to separation plants this quarter, tonnes REO"},
    {"magnets_t", "number", "t", "NdFeB magnets made this quarter, tonnes"},
    {"demand_t", "number", "t", "final demand at reference prices, all goods, tonnes this quarter"},
    {"shortage_t", "number", "t", "final demand not met, all goods, tonnes this quarter"},
    {"price_ore_usd_per_kg", "number", "USD/kg", "price the nation pays for ore"},
    {"price_light_oxide_usd_per_kg", "number", "USD/kg", "price the nation pays for NdPr oxide"},
    {"price_heavy_oxide_usd_per_kg", "number", "USD/kg", "price the nation pays for Dy/Tb oxide"},
    {"price_magnet_usd_per_kg", "number", "USD/kg", "price the nation pays for NdFeB magnets"},
    {"treasury_musd", "number", "USD million", "state money for rare-earth policy"},
    {"score", "number", "0-100", "mean score over the turns played"},
    {"gdp_loss_busd", "number", "USD billion", "output lost to shortages this quarter"},
    {"stockpile_t", "number", "t", "strategic stockpile, all goods, tonnes"},
    {"pressure", "number", "0-1", "political pressure"},
};

/* 's' quoted as a JSON string into out[cap] (cut short if it does not fit). */
static size_t json_quote(char *out, size_t cap, const char *s)
{
    size_t n = 0;
    out[n++] = '"';
    for (; s && *s && n + 4 < cap; s++) {
        if (*s == '"' || *s == '\\')
            out[n++] = '\\';
        out[n++] = (unsigned char)*s < 0x20 ? ' ' : *s;
    }
    out[n++] = '"';
    out[n] = '\0';
    return n;
}

/* FILE.datapackage.json beside the sweep's CSV: its columns (one per --vary
 * name), the scenario, the parameters it declares, seeds, turns, agents and
 * the command. Returns 0, or -1 with a message in err. */
static int write_sweep_package(const char *csv_path, const cp_scenario *base,
                               const cps_scenario_info *info, const cpg_vary *vary, int vary_count,
                               const char *seeds_text, int turns, int runs, const char *agents,
                               char *err, size_t errlen)
{
    enum { MAX_FIELDS = 1 + MAX_VARY + (int)(sizeof SWEEP_ROW_FIELDS / sizeof SWEEP_ROW_FIELDS[0]) };
    cpg_field fields[MAX_FIELDS];
    char vary_text[MAX_VARY][600];
    int n = 0;
    fields[n++] = (cpg_field){"run", "integer", NULL,
                              "1, 2, ...: the combinations in the order of the --vary values (the "
                              "last --vary varies fastest), each with every seed"};
    for (int i = 0; i < vary_count; i++) {
        const cps_parameter *p = NULL;
        for (int k = 0; k < info->parameter_count; k++)
            if (strcmp(info->parameters[k].name, vary[i].name) == 0)
                p = &info->parameters[k];
        snprintf(vary_text[i], sizeof vary_text[i], "the value of scenario parameter %.64s this run used%s%.480s",
                 vary[i].name, p && p->description ? ": " : "", p && p->description ? p->description : "");
        fields[n++] = (cpg_field){vary[i].name, "number", NULL, vary_text[i]};
    }
    for (size_t k = 0; k < sizeof SWEEP_ROW_FIELDS / sizeof SWEEP_ROW_FIELDS[0]; k++)
        fields[n++] = SWEEP_ROW_FIELDS[k];
    /* the parameters the scenario declares, as a JSON array */
    char params[8192] = "[";
    size_t pl = 1;
    for (int k = 0; k < info->parameter_count && pl + 1200 < sizeof params; k++) {
        const cps_parameter *p = &info->parameters[k];
        char name[200], desc[800];
        json_quote(name, sizeof name, p->name);
        json_quote(desc, sizeof desc, p->description ? p->description : "");
        pl += (size_t)snprintf(params + pl, sizeof params - pl,
                               "%s{\"name\": %s, \"default\": %.10g, \"min\": %.10g, "
                               "\"max\": %.10g, \"description\": %s}",
                               k ? ", " : "", name, p->dflt, p->min, p->max, desc);
    }
    snprintf(params + pl, sizeof params - pl, "]");
    char path[1200], turns_text[16], runs_text[16], title[300];
    if (cpg_datapackage_beside(csv_path, path, sizeof path) != 0) {
        snprintf(err, errlen, "%s: path too long", csv_path);
        return -1;
    }
    snprintf(turns_text, sizeof turns_text, "%d", turns);
    snprintf(runs_text, sizeof runs_text, "%d", runs);
    snprintf(title, sizeof title, "Chokepoint sweep of %s", base->name);
    const char *name = strrchr(csv_path, '/');
    name = name ? name + 1 : csv_path;
    const cpg_meta meta[] = {{"scenario", base->name, 0}, {"scenario_file", info->path, 0},
                             {"seeds", seeds_text, 0},    {"turns", turns_text, 1},
                             {"runs", runs_text, 1},      {"agents", agents, 0},
                             {"parameters", params, 1}};
    const cpg_resource res = {"sweep", name,
                              "one row per run, turn and nation; the same command writes the same "
                              "file, whatever --jobs says",
                              fields, n};
    const cpg_package pkg = {"chokepoint-sweep", title, NULL, meta,
                             (int)(sizeof meta / sizeof meta[0]), &res, 1};
    return cpg_write_datapackage(path, &pkg, err, errlen);
}

/* ---- the command ------------------------------------------------------------------- */

static const cps_parameter *find_parameter(const cps_scenario_info *info, const char *name)
{
    for (int i = 0; i < info->parameter_count; i++)
        if (strcmp(info->parameters[i].name, name) == 0)
            return &info->parameters[i];
    return NULL;
}

enum {
    SW_SCENARIO = 256, SW_VARY, SW_SEEDS, SW_TURNS, SW_CSV, SW_JOBS, SW_AGENT, SW_AGENTS,
    SW_QUIET, SW_HELP
};

static const struct option sweep_flags[] = {
    {"scenario", required_argument, NULL, SW_SCENARIO},
    {"vary", required_argument, NULL, SW_VARY},
    {"seeds", required_argument, NULL, SW_SEEDS},
    {"turns", required_argument, NULL, SW_TURNS},
    {"csv", required_argument, NULL, SW_CSV},
    {"jobs", required_argument, NULL, SW_JOBS},
    {"agent", required_argument, NULL, SW_AGENT},
    {"agents", no_argument, NULL, SW_AGENTS},
    {"quiet", no_argument, NULL, SW_QUIET},
    {"help", no_argument, NULL, SW_HELP},
    {NULL, 0, NULL, 0}};

int cmd_sweep(int argc, char **argv)
{
    cli_args a = {0};
    const char *scenario = NULL, *csv_path = NULL, *seeds_text = "1", *v;
    static cpg_vary vary[MAX_VARY];
    const char *assign[MAX_ASSIGN];
    int vary_count = 0, assign_count = 0, agents = 0, quiet = 0, r;
    long turns = -1, jobs = pool_default_jobs();
    if (cli_begin(&a, "sweep", argc, argv) != 0)
        return 2;
    while ((r = cli_next(&a, sweep_flags, &v)) != 0) {
        switch (r) {
        case SW_SCENARIO:
            scenario = v;
            break;
        case SW_VARY:
            if (vary_count >= MAX_VARY) {
                fprintf(stderr, "chokepoint sweep: --vary: at most %d parameters at once\n",
                        MAX_VARY);
                goto bad;
            }
            if (parse_vary(v, &vary[vary_count]))
                goto bad;
            for (int i = 0; i < vary_count; i++)
                if (strcmp(vary[i].name, vary[vary_count].name) == 0) {
                    fprintf(stderr, "chokepoint sweep: --vary %s: given twice\n", vary[i].name);
                    goto bad;
                }
            vary_count++;
            break;
        case SW_SEEDS:
            seeds_text = v;
            break;
        case SW_TURNS:
            if (cli_int("sweep", "--turns", v, 0, 4000, &turns))
                goto bad;
            break;
        case SW_CSV:
            csv_path = v;
            break;
        case SW_JOBS:
            if (cli_int("sweep", "--jobs", v, 1, POOL_MAX_JOBS, &jobs))
                goto bad;
            break;
        case SW_AGENT:
            if (assign_count >= MAX_ASSIGN) {
                fprintf(stderr, "chokepoint sweep: --agent: at most %d\n", MAX_ASSIGN);
                goto bad;
            }
            assign[assign_count++] = v;
            agents = 1;
            break;
        case SW_AGENTS:
            agents = 1;
            break;
        case SW_QUIET:
            quiet = 1;
            break;
        case SW_HELP:
        case 'h':
            cli_end(&a);
            usage(stdout);
            return 0;
        default: /* -1: cli_next said why */
            goto bad;
        }
    }
    if (a.index < a.argc) { /* sweep takes no argument but its flags */
        fprintf(stderr, "chokepoint sweep: unknown flag '%s'\n", a.argv[a.index]);
        goto bad;
    }
    cli_end(&a);
    if (!scenario) {
        fprintf(stderr, "chokepoint sweep: --scenario is required\n");
        goto bad;
    }
    unsigned long long *seeds = NULL;
    int seed_count = cli_seed_list("sweep", "--seeds", seeds_text, MAX_SEEDS, &seeds);
    if (seed_count < 0)
        goto bad;

    /* the scenario with its defaults: what it declares, and a check that it loads */
    int status = 2;
    cpg_sweep s;
    memset(&s, 0, sizeof s);
    cps_scenario_info base_info;
    memset(&base_info, 0, sizeof base_info);
    cp_scenario *base = malloc(sizeof *base);
    char err[4096];
    if (!base) {
        fprintf(stderr, "chokepoint sweep: out of memory\n");
        free(seeds);
        return 2;
    }
    if (cps_scenario_load(scenario, base, &base_info, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sweep: %s\n", err);
        goto done;
    }
    for (int i = 0; i < vary_count; i++) {
        const cps_parameter *p = find_parameter(&base_info, vary[i].name);
        if (!p) {
            char known[512] = "";
            for (int k = 0; k < base_info.parameter_count; k++) {
                size_t kl = strlen(known);
                snprintf(known + kl, sizeof known - kl, "%s%s", k ? ", " : "",
                         base_info.parameters[k].name);
            }
            fprintf(stderr, "chokepoint sweep: --vary %s: %s declares no such parameter (%s%s)\n",
                    vary[i].name, base->name, base_info.parameter_count ? "it has: " : "it has none",
                    known);
            usage(stderr);
            goto done;
        }
        for (int k = 0; k < vary[i].count; k++)
            if (vary[i].value[k] < p->min || vary[i].value[k] > p->max) {
                fprintf(stderr, "chokepoint sweep: --vary %s: %.10g is outside %.10g..%.10g\n",
                        vary[i].name, vary[i].value[k], p->min, p->max);
                usage(stderr);
                goto done;
            }
    }
    long combos = 1;
    for (int i = 0; i < vary_count; i++)
        combos *= vary[i].count;
    if (combos * seed_count > MAX_RUNS) {
        fprintf(stderr, "chokepoint sweep: %ld runs is more than %d\n", combos * seed_count,
                MAX_RUNS);
        goto done;
    }

    /* one scenario per combination, loaded with its overrides, and what would fail in every
     * run refused before any is played */
    s.vary_count = vary_count;
    s.vary = vary;
    s.seed_count = seed_count;
    s.seeds = seeds;
    s.turns = turns < 0 ? base->default_turns : (int)turns;
    s.agents = agents;
    s.assign = assign;
    s.assign_count = assign_count;
    if (cpg_sweep_prepare(&s, scenario, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sweep: %s\n", err);
        goto done;
    }

    s.csv = csv_path && strcmp(csv_path, "-") != 0 ? fopen(csv_path, "w") : stdout;
    if (!s.csv) {
        fprintf(stderr, "chokepoint sweep: --csv %s: cannot write: %s\n", csv_path,
                strerror(errno));
        goto done;
    }

    /* the header row (how to make this file again is in its sidecar, written below) */
    {
        fputs("run,", s.csv);
        for (int i = 0; i < vary_count; i++)
            fprintf(s.csv, "%s,", vary[i].name);
        fputs("seed,turn,date,nation,mined_t,separated_t,magnets_t,demand_t,shortage_t,"
              "price_ore_usd_per_kg,price_light_oxide_usd_per_kg,price_heavy_oxide_usd_per_kg,"
              "price_magnet_usd_per_kg,treasury_musd,score,gdp_loss_busd,stockpile_t,pressure\n",
              s.csv);
    }

    /* play */
    pool_result res;
    cpg_sweep_run(&s, (int)jobs, !quiet && isatty(STDERR_FILENO), &res);
    double elapsed = res.elapsed_s;
    int started = res.threads;

    int bad_write = s.write_failed || ferror(s.csv);
    if (s.csv != stdout) {
        if (fclose(s.csv) != 0)
            bad_write = 1;
    } else if (fflush(stdout) != 0) {
        bad_write = 1;
    }
    s.csv = NULL;
    if (res.failed) {
        fprintf(stderr, "chokepoint sweep: %s\n", res.message);
        status = 1;
    } else if (bad_write) {
        fprintf(stderr, "chokepoint sweep: error writing %s\n", csv_path ? csv_path : "output");
        status = 2;
    } else {
        if (!quiet)
            fprintf(stderr, "sweep: %d runs x %d turns of %s in %.2f s on %d thread%s -> %s\n",
                    s.total, s.turns, base->name, elapsed, started ? started : 1,
                    started == 1 ? "" : "s", csv_path && strcmp(csv_path, "-") ? csv_path : "stdout");
        status = 0;
        if (csv_path && strcmp(csv_path, "-") != 0 &&
            write_sweep_package(csv_path, base, &base_info, vary, vary_count, seeds_text, s.turns,
                                s.total,
                                !agents ? "none" : assign_count ? "scenario defaults, reassigned"
                                                                : "scenario defaults",
                                err, sizeof err) != 0) {
            fprintf(stderr, "chokepoint sweep: --csv %s: %s\n", csv_path, err);
            status = 2;
        }
    }

done:
    if (s.csv && s.csv != stdout)
        fclose(s.csv);
    cpg_sweep_free(&s);
    cps_scenario_info_free(&base_info);
    free(base);
    free(seeds);
    return status;

bad:
    cli_end(&a);
    usage(stderr);
    return 2;
}
