/* seats.c -- seating agents in a world's nations, running a turn, falling back after failures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "paths.h"
#include "seats.h"

struct cps_seats {
    cp_world *world;
    int count;
    cps_agent *agent[CP_MAX_NATIONS];
    char default_path[CP_MAX_NATIONS][1024]; /* the scenario's agent, "" = none */
    cps_seat_stats stats[CP_MAX_NATIONS];
    cps_agent_opts aopts;
};

static void log_line(const cps_seats *s, const char *line)
{
    if (s->aopts.log)
        s->aopts.log(s->aopts.log_ud, line);
    else
        fprintf(stderr, "%s\n", line);
}

static void display_of(const char *path, char *display, size_t len)
{
    char p[1024];
    if (cps_resolve_script("scripts/agents", path, p, sizeof p, display, len) != 0)
        snprintf(display, len, "%s", path);
}

/* Load the agent at 'path' into seat 'i' (replacing what was there) and run
 * its init. Returns 0, or -1 with a message. */
static int seat(cps_seats *s, int i, const char *path, char *err, size_t errlen)
{
    cps_agent_free(s->agent[i]);
    s->agent[i] = NULL;
    cps_seat_stats *st = &s->stats[i];
    st->has_agent = 0;
    st->agent[0] = '\0';
    st->failures_in_row = 0;
    if (!path[0])
        return 0;
    char display[256];
    display_of(path, display, sizeof display);
    cps_agent *a = cps_agent_load(path, display, s->world, i, &s->aopts, err, errlen);
    if (!a)
        return -1;
    if (cps_agent_init(a, err, errlen) != 0) {
        cps_agent_free(a);
        return -1;
    }
    s->agent[i] = a;
    st->has_agent = 1;
    snprintf(st->agent, sizeof st->agent, "%s", display);
    return 0;
}

cps_seats *cps_seats_create(cp_world *w, const cps_scenario_info *info, const char *const *assign,
                            int assign_count, const cps_seat_opts *opts, char *err, size_t errlen)
{
    cps_seats *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    s->world = w;
    s->count = cp_world_nation_count(w);
    s->aopts.budget_instructions = opts ? opts->budget_instructions : 0;
    s->aopts.mem_bytes = opts ? opts->mem_bytes : 0;
    s->aopts.wall_s = opts ? opts->wall_s : 0;
    s->aopts.log = opts ? opts->log : NULL;
    s->aopts.log_ud = opts ? opts->log_ud : NULL;
    s->aopts.quiet = opts ? opts->quiet : 0;
    char chosen[CP_MAX_NATIONS][1024];
    for (int i = 0; i < s->count; i++) {
        snprintf(s->default_path[i], sizeof s->default_path[i], "%s", info ? info->agent[i] : "");
        snprintf(chosen[i], sizeof chosen[i], "%s", s->default_path[i]);
    }
    for (int k = 0; k < assign_count; k++) {
        const char *eq = strchr(assign[k], '=');
        char iso[8];
        if (!eq || eq - assign[k] != 3 || !eq[1]) {
            snprintf(err, errlen, "--agent %s: expected ISO3=FILE (e.g. CHN=rhythm_card)", assign[k]);
            goto fail;
        }
        memcpy(iso, assign[k], 3);
        iso[3] = '\0';
        int n = cp_world_find_nation(w, iso);
        if (n < 0) {
            snprintf(err, errlen, "--agent %s: no nation %s in this scenario", assign[k], iso);
            goto fail;
        }
        if (strcmp(eq + 1, "none") == 0) {
            chosen[n][0] = '\0';
            continue;
        }
        char display[256];
        if (cps_resolve_script("scripts/agents", eq + 1, chosen[n], sizeof chosen[n], display,
                               sizeof display) != 0) {
            snprintf(err, errlen, "--agent %s: file name too long", assign[k]);
            goto fail;
        }
        FILE *f = fopen(chosen[n], "rb");
        if (!f) {
            snprintf(err, errlen, "--agent %s: cannot read %s", assign[k], chosen[n]);
            goto fail;
        }
        fclose(f);
    }
    for (int i = 0; i < s->count; i++)
        if (seat(s, i, chosen[i], err, errlen) != 0)
            goto fail;
    return s;
fail:
    cps_seats_destroy(s);
    return NULL;
}

void cps_seats_destroy(cps_seats *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->count; i++)
        cps_agent_free(s->agent[i]);
    free(s);
}

void cps_seats_set_world(cps_seats *s, cp_world *w)
{
    s->world = w;
    for (int i = 0; i < s->count; i++)
        if (s->agent[i])
            cps_agent_set_world(s->agent[i], w);
}

int cps_seats_assign(cps_seats *s, int nation, const char *agent, char *err, size_t errlen)
{
    if (nation < 0 || nation >= s->count) {
        snprintf(err, errlen, "no seat %d", nation);
        return -1;
    }
    char path[1024] = "", display[256];
    if (agent && agent[0] && strcmp(agent, "none") != 0 &&
        cps_resolve_script("scripts/agents", agent, path, sizeof path, display,
                           sizeof display) != 0) {
        snprintf(err, errlen, "%s: file name too long", agent);
        return -1;
    }
    if (!path[0]) {
        seat(s, nation, "", err, errlen);
        return 0;
    }
    /* load beside the seat first, so that a file that does not load leaves
     * the seat as it was */
    char d[256];
    display_of(path, d, sizeof d);
    cps_agent *a = cps_agent_load(path, d, s->world, nation, &s->aopts, err, errlen);
    if (!a)
        return -1;
    if (cps_agent_init(a, err, errlen) != 0) {
        cps_agent_free(a);
        return -1;
    }
    cps_agent_free(s->agent[nation]);
    s->agent[nation] = a;
    cps_seat_stats *st = &s->stats[nation];
    st->has_agent = 1;
    st->failures_in_row = 0;
    snprintf(st->agent, sizeof st->agent, "%s", d);
    return 0;
}

/* After too many failures in a row: the scenario's default agent, or none
 * when the default is the agent that keeps failing (or does not load). */
static void fall_back(cps_seats *s, int i)
{
    const char *iso = cp_world_nation(s->world, i)->iso3;
    cps_seat_stats *st = &s->stats[i];
    char line[1400], err[600];
    const char *current = s->agent[i] ? s->agent[i]->path : "";
    const char *next = strcmp(current, s->default_path[i]) == 0 ? "" : s->default_path[i];
    st->fallbacks++;
    if (next[0] && seat(s, i, next, err, sizeof err) == 0) {
        snprintf(line, sizeof line, "turn %d %s: %d failures in a row; the seat falls back to %s",
                 cp_world_turn(s->world), iso, CPS_FALLBACK_AFTER, st->agent);
        log_line(s, line);
        return;
    }
    if (next[0]) {
        snprintf(line, sizeof line, "turn %d %s: fallback agent refused: %s",
                 cp_world_turn(s->world), iso, err);
        log_line(s, line);
    }
    seat(s, i, "", err, sizeof err);
    snprintf(line, sizeof line, "turn %d %s: %d failures in a row; the seat is left without an "
             "agent and the nation holds its policies", cp_world_turn(s->world), iso,
             CPS_FALLBACK_AFTER);
    log_line(s, line);
}

static const char *fail_word(cps_fail_kind k)
{
    switch (k) {
    case CPS_FAIL_ERROR: return "error";
    case CPS_FAIL_BUDGET: return "budget";
    case CPS_FAIL_MEMORY: return "memory";
    case CPS_FAIL_WALL: return "wall clock";
    case CPS_FAIL_GARBAGE: return "garbage";
    default: return "ok";
    }
}

int cps_seats_run_turn(cps_seats *s)
{
    int failed = 0;
    cps_turn_report rep; /* ~7 KB; kept off static storage so games can run in threads */
    for (int i = 0; i < s->count; i++) {
        cps_agent *a = s->agent[i];
        if (!a)
            continue;
        cps_seat_stats *st = &s->stats[i];
        int rc = cps_agent_turn(a, &rep);
        st->last_failed = rc != 0;
        st->last_instructions = rep.instructions;
        st->last_mem_bytes = rep.mem_bytes;
        st->last_orders = rep.orders;
        st->last_refused = rep.refused;
        snprintf(st->last_message, sizeof st->last_message, "%s", rep.message);
        if (rc == 0) {
            st->failures_in_row = 0;
            continue;
        }
        failed++;
        st->failures_in_row++;
        st->failures_total++;
        char line[1400];
        snprintf(line, sizeof line, "turn %d %s: agent failed (%s): %s; its orders this turn are "
                 "discarded", cp_world_turn(s->world), cp_world_nation(s->world, i)->iso3,
                 fail_word(rep.fail), rep.message);
        log_line(s, line);
        if (st->failures_in_row >= CPS_FALLBACK_AFTER)
            fall_back(s, i);
    }
    return failed;
}

const cps_seat_stats *cps_seats_stats(const cps_seats *s, int nation)
{
    return (nation >= 0 && nation < s->count) ? &s->stats[nation] : NULL;
}

const char *cps_seats_agent_path(const cps_seats *s, int nation)
{
    return (nation >= 0 && nation < s->count && s->agent[nation]) ? s->agent[nation]->path : "";
}

int cps_seats_memory_save(cps_seats *s, int nation, char **text, size_t *len, char *err,
                          size_t errlen)
{
    if (nation < 0 || nation >= s->count || !s->agent[nation]) {
        snprintf(err, errlen, "no agent in seat %d", nation);
        return -1;
    }
    return cps_agent_memory_save(s->agent[nation], text, len, err, errlen);
}

int cps_seats_memory_load(cps_seats *s, int nation, const char *text, size_t len, char *err,
                          size_t errlen)
{
    if (nation < 0 || nation >= s->count || !s->agent[nation]) {
        snprintf(err, errlen, "no agent in seat %d", nation);
        return -1;
    }
    return cps_agent_memory_load(s->agent[nation], text, len, err, errlen);
}
