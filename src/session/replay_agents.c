/* replay_agents.c -- recording the seated agents' turn into a replay (replay_agents.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "replay_agents.h"

enum { DEFAULT_BUDGET = 2000000 }; /* script.h: budget_instructions 0 */

/* The seated nation a log line names: its ISO3 code as a word among the
 * line's first words ("USA decoupler: ...", "turn 3 USA ..."), else -1. */
static int nation_of(const replay_tap *t, const char *line)
{
    size_t head = strnlen(line, 48);
    for (int n = 0; t->world && n < cp_world_nation_count(t->world); n++) {
        if (t->seats && !cps_seats_agent_path(t->seats, n)[0])
            continue;
        const char *iso = cp_world_nation(t->world, n)->iso3;
        size_t l = strlen(iso);
        for (size_t i = 0; l && i + l <= head; i++)
            if (memcmp(line + i, iso, l) == 0 && (i == 0 || line[i - 1] == ' ') &&
                (line[i + l] == ' ' || line[i + l] == ':'))
                return n;
    }
    return -1;
}

static void tap(replay_tap *t, const char *line, int to_stderr)
{
    if (to_stderr)
        fprintf(stderr, "%s\n", line);
    if (!t->rec)
        return;
    char shown[1024];
    if (t->rewrite)
        t->rewrite(t->rewrite_ctx, line, shown, sizeof shown);
    replay_rec_log(t->rec, nation_of(t, line), t->rewrite ? shown : line);
}

void replay_tap_log(void *ud, const char *line)
{
    replay_tap *t = ud;
    tap(t, line, !t->quiet_stderr);
}

void replay_tap_record(void *ud, const char *line)
{
    tap(ud, line, 0);
}

void replay_tap_turn(replay_tap *t)
{
    if (!t->rec || !t->seats)
        return;
    for (int n = 0; n < cp_world_nation_count(t->world); n++) {
        const cps_seat_stats *st = cps_seats_stats(t->seats, n);
        if (!st || !st->has_agent)
            continue;
        replay_seat_turn s;
        memset(&s, 0, sizeof s);
        s.nation = n;
        if (t->rewrite)
            t->rewrite(t->rewrite_ctx, st->agent, s.agent, sizeof s.agent);
        else
            snprintf(s.agent, sizeof s.agent, "%s", st->agent);
        s.instructions = st->last_instructions;
        s.budget = t->budget > 0 ? t->budget : DEFAULT_BUDGET;
        s.mem_bytes = st->last_mem_bytes;
        s.orders = st->last_orders;
        s.refused = st->last_refused;
        s.failed = st->last_failed;
        s.wall = st->last_wall;
        if (st->last_failed && t->rewrite)
            t->rewrite(t->rewrite_ctx, st->last_message, s.message, sizeof s.message);
        else if (st->last_failed)
            snprintf(s.message, sizeof s.message, "%s", st->last_message);
        replay_rec_seat(t->rec, &s);
    }
}
