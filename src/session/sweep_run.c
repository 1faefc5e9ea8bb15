/* sweep_run.c -- the sweep engine (batch.h): every combination of a scenario's
 * declared parameters over a range of seeds, one game each on the session, on
 * worker threads, and one tidy CSV (one row per run, turn and nation).
 *
 * Each run is independent: its own game (world and, with agents, seats), so
 * worker threads (pool.c) share nothing but a counter of the next run to play
 * and the queue of finished runs waiting to be written. Rows are written in
 * run order whatever order the threads finish in, so the same command always
 * writes the same file, whatever the number of threads.
 *
 * The scenario is loaded once per combination of parameter values, in the
 * calling thread, before any worker starts: a bad value is refused before a
 * single turn is played. `chokepoint sweep` (src/cli/sweep.c) keeps its flags,
 * messages and the file's header.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "bytes.h"
#include "session.h"

/* The indices of combination 'combo' into each varied parameter's values (the last parameter
 * varies fastest). */
static void combo_indices(const cpg_sweep *s, int combo, int idx[CPG_SWEEP_MAX_VARY])
{
    for (int v = s->vary_count - 1; v >= 0; v--) {
        idx[v] = combo % s->vary[v].count;
        combo /= s->vary[v].count;
    }
}

/* ---- one run --------------------------------------------------------------------- */

/* Play run 'r' and return its rows (heap text), or NULL with a message. */
static char *play_run(const cpg_sweep *s, int r, size_t *len, char *err, size_t errlen)
{
    int combo = r / s->seed_count;
    unsigned long long seed = s->seeds[r % s->seed_count];
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.no_agents = !s->agents;
    o.seats.quiet = 1;
    o.start = s->start[combo];
    o.made = CPG_MADE_NONE; /* no without-worlds: nothing here reads made */
    cpg_error e;
    cpg_game *g = cpg_new_from(&s->scen[combo], &s->info[combo], seed, s->assign,
                               s->assign_count, &o, &e);
    if (!g) {
        if (e.code == CPG_ERR_WORLD)
            snprintf(err, errlen, "run %d: %s", r + 1, e.message);
        else
            snprintf(err, errlen, "%s", e.message);
        return NULL;
    }
    for (int t = 0; t < s->turns; t++)
        cpg_play_turn(g, NULL); /* no recording, no autosave: nothing to fail */
    const cp_world *w = cpg_world(g);

    /* rows through bytes_printf, whose numbers are printf's text at a
     * fraction of its cost (src/base/numtext.h) */
    bytes_buf out = {0};
    /* the run's parameter values, as one prefix for every row */
    char prefix[1024];
    int pl = snprintf(prefix, sizeof prefix, "%d,", r + 1);
    int idx[CPG_SWEEP_MAX_VARY];
    combo_indices(s, combo, idx);
    for (int v = 0; v < s->vary_count && pl < (int)sizeof prefix; v++)
        pl += snprintf(prefix + pl, sizeof prefix - (size_t)pl, "%.10g,",
                       s->vary[v].value[idx[v]]);
    char date[8];
    for (int t = 0; t <= cp_world_turn(w); t++) {
        cp_world_date_text(w, t, date, sizeof date);
        for (int n = 0; n < cp_world_nation_count(w); n++) {
            const cp_nation_history *h = cp_world_nation_history(w, t, n);
            bytes_printf(&out, "%s%llu,%d,%s,%s,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,%.3f,"
                               "%.3f,%.6f,%.3f,%.4f\n",
                         prefix, seed, t, date, cp_world_nation(w, n)->iso3, h->mined_t,
                         h->separated_t, h->magnets_t, h->demand_t, h->shortage_t,
                         h->price_paid_usd_per_kg[CP_ORE],
                         h->price_paid_usd_per_kg[CP_LIGHT_OXIDE],
                         h->price_paid_usd_per_kg[CP_HEAVY_OXIDE],
                         h->price_paid_usd_per_kg[CP_MAGNET], h->treasury_musd, h->score,
                         h->gdp_loss_busd, h->stockpile_t, h->pressure);
        }
    }
    cpg_close(g);
    if (!out.data)
        bytes_reserve(&out, 1); /* rows are never NULL: NULL means failure */
    if (out.failed) {
        free(out.data);
        snprintf(err, errlen, "run %d: out of memory", r + 1);
        return NULL;
    }
    *len = out.len;
    return (char *)out.data;
}

/* ---- workers ------------------------------------------------------------------------ */

/* Write every finished run that is next in order (caller holds the lock). */
static void flush_in_order(cpg_sweep *s)
{
    while (s->next_write < s->total && s->out[s->next_write]) {
        int r = s->next_write++;
        if (!s->write_failed && fwrite(s->out[r], 1, s->out_len[r], s->csv) != s->out_len[r])
            s->write_failed = 1;
        free(s->out[r]);
        s->out[r] = NULL;
    }
}

/* The pool's two halves (batch.h): play a run on a worker thread, then,
 * under the pool's lock, write every finished run that is next in order.
 * out_len[r] is written before the lock is taken and read only after the
 * run's rows are posted under it, so it needs no lock of its own. */
static int run_task(void *ud, int r, void **result, char *err, size_t errlen)
{
    const cpg_sweep *s = ud;
    char *rows = play_run(s, r, &s->out_len[r], err, errlen);
    *result = rows;
    return rows ? 0 : -1;
}

static void finish_task(void *ud, int r, void *result)
{
    cpg_sweep *s = ud;
    s->out[r] = result;
    flush_in_order(s);
}

/* ---- the engine --------------------------------------------------------------------- */

int cpg_sweep_prepare(cpg_sweep *s, const char *scenario, char *err, size_t errlen)
{
    s->combos = 1;
    for (int i = 0; i < s->vary_count; i++)
        s->combos *= s->vary[i].count;
    s->total = s->combos * s->seed_count;
    s->scen = malloc(sizeof *s->scen * (size_t)s->combos);
    s->info = calloc((size_t)s->combos, sizeof *s->info);
    s->out = calloc((size_t)s->total, sizeof *s->out);
    s->out_len = calloc((size_t)s->total, sizeof *s->out_len);
    s->start = calloc((size_t)s->combos, sizeof *s->start);
    if (!s->scen || !s->info || !s->out || !s->out_len || !s->start) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* one scenario per combination, loaded with its overrides */
    for (int c = 0; c < s->combos; c++) {
        char overrides[2048] = "";
        int idx[CPG_SWEEP_MAX_VARY];
        combo_indices(s, c, idx);
        for (int i = 0; i < s->vary_count; i++) {
            size_t ol = strlen(overrides);
            snprintf(overrides + ol, sizeof overrides - ol, "%s%.47s=%.17g", i ? "," : "",
                     s->vary[i].name, s->vary[i].value[idx[i]]);
        }
        char msg[1024];
        if (cps_scenario_load_with(scenario, s->vary_count ? overrides : NULL, &s->scen[c],
                                   &s->info[c], msg, sizeof msg) != 0) {
            snprintf(err, errlen, "%s: %s", overrides, msg);
            return -1;
        }
        /* the combination's opening world, warmed up once for all its seeds */
        cp_error we;
        s->start[c] = cp_world_create(&s->scen[c], s->seeds[0], &we);
        if (!s->start[c]) {
            /* the messages the runs themselves gave when they built their worlds */
            if (c == 0)
                snprintf(err, errlen, "%s", we.message);
            else
                snprintf(err, errlen, "run %d: %s", c * s->seed_count + 1, we.message);
            return -1;
        }
    }
    /* refuse what would fail in every run before starting: a world the core will not build,
     * an agent that does not load */
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.no_agents = !s->agents;
    o.seats.quiet = 1;
    o.start = s->start[0];
    o.made = CPG_MADE_NONE; /* no without-worlds: nothing here reads made */
    cpg_error e;
    cpg_game *g = cpg_new_from(&s->scen[0], &s->info[0], s->seeds[0], s->assign,
                               s->assign_count, &o, &e);
    if (!g) {
        snprintf(err, errlen, "%s", e.message);
        return -1;
    }
    cpg_close(g);
    return 0;
}

int cpg_sweep_run(cpg_sweep *s, int jobs, int progress, pool_result *res)
{
    s->next_write = 0;
    s->write_failed = 0;
    pool_job job = {"sweep", "runs", s->total, jobs, progress, run_task, finish_task, s};
    return pool_run(&job, res);
}

void cpg_sweep_free(cpg_sweep *s)
{
    if (s->out)
        for (int i = 0; i < s->total; i++)
            free(s->out[i]);
    free(s->out);
    free(s->out_len);
    if (s->start)
        for (int c = 0; c < s->combos; c++)
            if (s->start[c])
                cp_world_destroy(s->start[c]);
    free(s->start);
    if (s->info)
        for (int c = 0; c < s->combos; c++)
            cps_scenario_info_free(&s->info[c]);
    free(s->info);
    free(s->scen);
    s->out = NULL;
    s->out_len = NULL;
    s->start = NULL;
    s->info = NULL;
    s->scen = NULL;
}
