/* seats.c -- seating agents in a world's nations, asking them about deals, running a turn, falling back after failures. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "file_read.h"
#include "sanitize.h"
#include "script.h"

struct cps_seats {
    cp_world *world;
    int count;
    cps_agent *agent[CP_MAX_NATIONS];
    char default_path[CP_MAX_NATIONS][1024]; /* the scenario's agent, "" = none */
    cps_seat_stats stats[CP_MAX_NATIONS];
    cps_seat_report *report; /* [count]: each seat's last turn (cps_seats_report) */
    int fallback_after;      /* failures in a row before a seat falls back, 0 never */
    cps_agent_opts aopts;
    struct cps_watch *watch; /* hot reload: the files as last seen (end of file) */
};

static void log_line(const cps_seats *s, const char *raw)
{
    char line[1400]; /* what an agent wrote into it stays on one printable line */
    cps_sanitize(raw, strlen(raw), line, sizeof line);
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
    st->answers = 0;
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
    st->answers = cps_agent_answers(a);
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
    s->report = calloc((size_t)s->count + 1, sizeof *s->report);
    if (!s->report) {
        free(s);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    int after = opts ? opts->fallback_after : 0;
    s->fallback_after = after == 0 ? CPS_FALLBACK_AFTER : after < 0 ? 0 : after;
    s->aopts.budget_instructions = opts ? opts->budget_instructions : 0;
    s->aopts.mem_bytes = opts ? opts->mem_bytes : 0;
    s->aopts.wall_s = opts ? opts->wall_s : 0;
    s->aopts.log = opts ? opts->log : NULL;
    s->aopts.log_ud = opts ? opts->log_ud : NULL;
    s->aopts.quiet = opts ? opts->quiet : 0;
    s->aopts.print = opts ? opts->print : NULL;
    s->aopts.last_turn = opts ? opts->last_turn : 0;
    s->aopts.difficulty = opts ? (int)opts->difficulty : CPS_DIFFICULTY_NORMAL;
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
        char why[256];
        if (file_check_regular(chosen[n], why, sizeof why) != FILE_READ_OK) {
            snprintf(err, errlen, "--agent %s: cannot read %s: %s", assign[k], chosen[n], why);
            goto fail;
        }
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
    free(s->watch);
    free(s->report);
    free(s);
}

void cps_seats_set_last_turn(cps_seats *s, int last_turn)
{
    s->aopts.last_turn = last_turn > 0 ? last_turn : 0;
    for (int i = 0; i < s->count; i++)
        if (s->agent[i])
            s->agent[i]->opts.last_turn = s->aopts.last_turn;
}

void cps_seats_set_difficulty(cps_seats *s, cps_difficulty d)
{
    s->aopts.difficulty = (int)d;
    for (int i = 0; i < s->count; i++)
        if (s->agent[i])
            s->agent[i]->opts.difficulty = (int)d;
}

cps_difficulty cps_seats_difficulty(const cps_seats *s)
{
    return (cps_difficulty)s->aopts.difficulty;
}

void cps_seats_set_world(cps_seats *s, cp_world *w)
{
    s->world = w;
    for (int i = 0; i < s->count; i++)
        if (s->agent[i])
            cps_agent_set_world(s->agent[i], w);
}

/* Put 'a' (loaded beside the seat) into seat 'nation' once its init ran;
 * on failure 'a' is freed and the seat stays as it was. */
static int take_seat(cps_seats *s, int nation, cps_agent *a, char *err, size_t errlen)
{
    if (cps_agent_init(a, err, errlen) != 0) {
        cps_agent_free(a);
        return -1;
    }
    cps_agent_free(s->agent[nation]);
    s->agent[nation] = a;
    cps_seat_stats *st = &s->stats[nation];
    st->has_agent = 1;
    st->answers = cps_agent_answers(a);
    st->failures_in_row = 0;
    snprintf(st->agent, sizeof st->agent, "%s", a->display);
    return 0;
}

int cps_seats_assign_source(cps_seats *s, int nation, const char *path, const char *source,
                            size_t len, char *err, size_t errlen)
{
    if (nation < 0 || nation >= s->count) {
        snprintf(err, errlen, "no seat %d", nation);
        return -1;
    }
    char d[256];
    display_of(path, d, sizeof d);
    cps_agent *a = cps_agent_load_source(path, d, source, len, s->world, nation, &s->aopts, err,
                                         errlen);
    return a ? take_seat(s, nation, a, err, errlen) : -1;
}

int cps_seats_restore(cps_seats *s, int nation, const char *path, const char *source, size_t len,
                      int failures_in_row, char *err, size_t errlen)
{
    if (nation < 0 || nation >= s->count) {
        snprintf(err, errlen, "no seat %d", nation);
        return -1;
    }
    char d[256];
    display_of(path, d, sizeof d);
    char *read = NULL;
    if (!source) {
        size_t cap = s->aopts.mem_bytes ? s->aopts.mem_bytes : (size_t)32 << 20;
        if (cps_sandbox_read_file(path, d, cap, &read, &len, err, errlen) != 0)
            return -1;
        source = read;
    }
    cps_agent *a = cps_agent_load_source(path, d, source, len, s->world, nation,
                                         &s->aopts, err, errlen);
    free(read);
    if (!a)
        return -1;
    /* init runs as when the agent took its seat; the saved memory replaces
     * what it makes, so one that fails now (it may expect turn 0) is noted,
     * not fatal: the game was accepted as it was */
    char why[700];
    if (cps_agent_init(a, why, sizeof why) != 0) {
        char line[1000];
        snprintf(line, sizeof line, "turn %d %s: init failed when the game was loaded (%s); the "
                 "saved memory is used", cp_world_turn(s->world), cp_world_nation(s->world, nation)->iso3,
                 why);
        log_line(s, line);
    }
    cps_agent_free(s->agent[nation]);
    s->agent[nation] = a;
    cps_seat_stats *st = &s->stats[nation];
    st->has_agent = 1;
    st->answers = cps_agent_answers(a);
    st->failures_in_row = failures_in_row > 0 ? failures_in_row : 0;
    snprintf(st->agent, sizeof st->agent, "%s", a->display);
    return 0;
}

int cps_seats_failures_in_row(const cps_seats *s, int nation)
{
    return nation >= 0 && nation < s->count ? s->stats[nation].failures_in_row : 0;
}

const char *cps_seats_agent_source(const cps_seats *s, int nation, size_t *len)
{
    if (nation < 0 || nation >= s->count || !s->agent[nation]) {
        *len = 0;
        return NULL;
    }
    *len = s->agent[nation]->source_len;
    return s->agent[nation]->source;
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
    return a ? take_seat(s, nation, a, err, errlen) : -1;
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
                 cp_world_turn(s->world), iso, s->fallback_after, st->agent);
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
             s->fallback_after);
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
    case CPS_FAIL_DATA: return "memory not plain data";
    default: return "ok";
    }
}

/* Count a failed call of seat 'i' ('what': "agent" for turn, "on_proposal"
 * for an answer), log it, and fall back after too many in a row. */
static void record_failure(cps_seats *s, int i, const cps_turn_report *rep, const char *what)
{
    cps_seat_stats *st = &s->stats[i];
    st->failures_in_row++;
    st->failures_total++;
    if (rep->fail == CPS_FAIL_WALL) {
        st->last_wall++;
        st->wall_total++;
    }
    char line[1400];
    if (strcmp(what, "agent") == 0)
        snprintf(line, sizeof line, "turn %d %s: agent failed (%s): %s; its orders this turn are "
                 "discarded", cp_world_turn(s->world), cp_world_nation(s->world, i)->iso3,
                 fail_word(rep->fail), rep->message);
    else
        snprintf(line, sizeof line, "turn %d %s: on_proposal failed (%s): %s; no answer is given",
                 cp_world_turn(s->world), cp_world_nation(s->world, i)->iso3, fail_word(rep->fail),
                 rep->message);
    log_line(s, line);
    if (s->fallback_after > 0 && st->failures_in_row >= s->fallback_after)
        fall_back(s, i);
}

/* The first refusal messages of 'rep' appended to a report's list of 'have' (at most
 * CPS_REPORT_REFUSALS kept). */
static void keep_refusals(char (*list)[CP_TEXT_LEN], int have, const cps_turn_report *rep)
{
    for (int k = 0; k < rep->refused && k < CPS_KEEP_REFUSALS && have + k < CPS_REPORT_REFUSALS; k++)
        memcpy(list[have + k], rep->refusals[k], CP_TEXT_LEN);
}

/* What seat 'i' answered to deal 'id', whose revision was 'revision' before it was asked. */
static cps_answer answer_of(const cp_world *w, int i, int id, int revision)
{
    const cp_deal *d = cp_world_deal(w, id);
    if (d->status == CP_DEAL_REJECTED)
        return CPS_ANSWER_REJECTED;
    if (d->revision != revision)
        return CPS_ANSWER_COUNTERED;
    for (int p = 0; p < d->party_count; p++)
        if (d->parties[p] == i && d->accepted[p])
            return CPS_ANSWER_ACCEPTED;
    return CPS_ANSWER_OPEN;
}

/* Ask seat 'i' about every deal waiting for its answer, oldest first (the
 * deals proposed earlier in this turn by seats before it included), into its
 * report. Returns the calls that failed; the refusals of the calls that
 * succeeded are added to 'refused' (the report counts those of every call). */
static int ask_about_deals(cps_seats *s, int i, cps_turn_report *rep, cps_seat_report *r,
                           int *refused)
{
    int failed = 0;
    for (int id = 0; id < cp_world_deal_count(s->world); id++) {
        cps_agent *a = s->agent[i];
        if (!a || !cps_agent_answers(a))
            break;
        const cp_deal *d = cp_world_deal(s->world, id);
        if (d->status != CP_DEAL_PROPOSED)
            continue;
        int waiting = 0;
        for (int p = 0; p < d->party_count; p++)
            waiting |= d->parties[p] == i && !d->accepted[p];
        if (!waiting)
            continue;
        int revision = d->revision;
        int rc = cps_agent_proposal(a, id, rep);
        r->proposal_calls++;
        if (rep->instructions > r->proposal_instructions_max)
            r->proposal_instructions_max = rep->instructions;
        keep_refusals(r->proposal_refusals, r->proposal_refused, rep);
        r->proposal_refused += rep->refused;
        cps_answer answer = rc == 0 ? answer_of(s->world, i, id, revision) : CPS_ANSWER_FAILED;
        if (r->answer_count < CPS_REPORT_ANSWERS) {
            r->answers[r->answer_count].deal_id = id;
            r->answers[r->answer_count].answer = answer;
        }
        r->answer_count++;
        if (rc == 0) {
            *refused += rep->refused;
            continue;
        }
        failed++;
        r->proposal_failures++;
        r->proposal_memory_bad += rep->fail == CPS_FAIL_DATA;
        snprintf(r->proposal_message, sizeof r->proposal_message, "%s", rep->message);
        record_failure(s, i, rep, "on_proposal");
    }
    return failed;
}

int cps_seats_run_turn(cps_seats *s)
{
    int failed = 0;
    cps_turn_report rep; /* ~7 KB; kept off static storage so games can run in threads */
    for (int i = 0; i < s->count; i++) {
        cps_seat_report *r = &s->report[i];
        r->played = 0;
        if (!s->agent[i])
            continue;
        memset(r, 0, offsetof(cps_seat_report, orders));
        r->refused = r->proposal_refused = r->proposal_calls = r->proposal_failures = 0;
        r->proposal_memory_bad = r->answer_count = 0;
        r->proposal_instructions_max = 0;
        r->proposal_message[0] = '\0';
        cps_seat_stats *st = &s->stats[i];
        int refused = 0;
        st->last_wall = 0;
        failed += ask_about_deals(s, i, &rep, r, &refused);
        cps_agent *a = s->agent[i];
        if (!a)
            continue;
        int rc = cps_agent_turn(a, &rep);
        st->last_failed = rc != 0;
        st->last_instructions = rep.instructions;
        st->last_mem_bytes = rep.mem_bytes;
        st->last_orders = rep.orders;
        st->last_refused = rep.refused + refused;
        snprintf(st->last_message, sizeof st->last_message, "%s", rep.message);
        r->played = 1;
        r->instructions = rep.instructions;
        r->mem_bytes = rep.mem_bytes;
        r->failed = rc != 0;
        r->memory_bad = rc != 0 && rep.fail == CPS_FAIL_DATA;
        snprintf(r->message, sizeof r->message, "%s", rc != 0 ? rep.message : "");
        r->order_count = rep.orders < CPS_REPORT_ORDERS ? rep.orders : CPS_REPORT_ORDERS;
        memcpy(r->orders, rep.order_list, sizeof r->orders[0] * (size_t)r->order_count);
        r->refused = rep.refused;
        keep_refusals(r->refusals, 0, &rep);
        if (rc == 0) {
            st->failures_in_row = 0;
            continue;
        }
        failed++;
        record_failure(s, i, &rep, "agent");
    }
    return failed;
}

const cps_seat_report *cps_seats_report(const cps_seats *s, int nation)
{
    return (nation >= 0 && nation < s->count) ? &s->report[nation] : NULL;
}

int cps_agent_probe(const cp_scenario *sc, const char *file, const cps_seat_opts *opts, char *name,
                    size_t nlen, char *err, size_t errlen)
{
    char path[1024], display[256];
    if (cps_resolve_script("scripts/agents", file, path, sizeof path, display, sizeof display) != 0) {
        snprintf(err, errlen, "%s: name too long", file);
        return -1;
    }
    cp_error e;
    cp_world *w = cp_world_create(sc, 1, &e);
    if (!w) {
        snprintf(err, errlen, "scenario %s: %s", sc->name, e.message);
        return -1;
    }
    cps_agent_opts o = {0};
    if (opts) {
        o.budget_instructions = opts->budget_instructions;
        o.mem_bytes = opts->mem_bytes;
        o.wall_s = opts->wall_s;
    }
    o.quiet = 1;
    cps_agent *a = cps_agent_load(path, display, w, 0, &o, err, errlen);
    if (a)
        snprintf(name, nlen, "%s", a->name);
    cps_agent_free(a);
    cp_world_destroy(w);
    return a ? 0 : -1;
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

/* ---- hot reload ---------------------------------------------------------------------
 *
 * With --watch, an agent file edited during a game is loaded again at the
 * start of the next turn, its memory kept: the new version is loaded beside
 * the old, its init runs, then the old memory replaces the one init made --
 * exactly what a save and a load with the new file would give. A file that
 * no longer loads (or whose memory cannot be carried over) leaves the old
 * version playing, and the log names the file, the line and the reason;
 * each edit is tried once, so a broken file is not retried every turn. */
struct cps_watch {
    char path[CP_MAX_NATIONS][1024]; /* the file each stamp belongs to, "" = none */
    cps_file_stamp stamp[CP_MAX_NATIONS];
};

/* Load seat 'i's agent again from its file, keeping its memory. Returns 0,
 * or -1 with a message; on failure the old agent stays seated. */
static int reload_seat(cps_seats *s, int i, char *err, size_t errlen)
{
    cps_agent *old = s->agent[i];
    char *mem = NULL, why[600];
    size_t len = 0;
    if (cps_agent_memory_save(old, &mem, &len, why, sizeof why) != 0) {
        snprintf(err, errlen, "its memory cannot be carried over: %s", why);
        return -1;
    }
    cps_agent *a = cps_agent_load(old->path, old->display, s->world, i, &s->aopts, err, errlen);
    if (!a) {
        free(mem);
        return -1;
    }
    if (cps_agent_init(a, err, errlen) != 0 ||
        cps_agent_memory_load(a, mem, len, err, errlen) != 0) {
        cps_agent_free(a);
        free(mem);
        return -1;
    }
    free(mem);
    s->agent[i] = a;
    cps_agent_free(old);
    s->stats[i].failures_in_row = 0;
    return 0;
}

int cps_seats_reload_changed(cps_seats *s, int *rejected)
{
    int reloaded = 0, refused = 0;
    if (!s->watch && !(s->watch = calloc(1, sizeof *s->watch))) {
        if (rejected)
            *rejected = 0;
        return 0;
    }
    for (int i = 0; i < s->count; i++) {
        struct cps_watch *wt = s->watch;
        const char *path = s->agent[i] ? s->agent[i]->path : "";
        if (!path[0]) {
            wt->path[i][0] = '\0';
            continue;
        }
        cps_file_stamp now;
        cps_file_stamp_of(path, &now);
        if (strcmp(wt->path[i], path) != 0) { /* first look, or another agent seated */
            snprintf(wt->path[i], sizeof wt->path[i], "%s", path);
            wt->stamp[i] = now;
            continue;
        }
        if (!cps_file_stamp_changed(&wt->stamp[i], &now))
            continue;
        wt->stamp[i] = now;
        const char *iso = cp_world_nation(s->world, i)->iso3;
        char line[1400], err[1024];
        if (!now.exists) {
            snprintf(line, sizeof line, "turn %d %s: %s: cannot read the file; the loaded version "
                     "plays on", cp_world_turn(s->world), iso, s->agent[i]->display);
            refused++;
        } else if (reload_seat(s, i, err, sizeof err) != 0) {
            snprintf(line, sizeof line, "turn %d %s: reload refused: %s; the previous version "
                     "plays on", cp_world_turn(s->world), iso, err);
            refused++;
        } else {
            snprintf(line, sizeof line, "turn %d %s: reloaded %s (memory kept)",
                     cp_world_turn(s->world), iso, s->agent[i]->display);
            reloaded++;
        }
        log_line(s, line);
    }
    if (rejected)
        *rejected = refused;
    return reloaded;
}
