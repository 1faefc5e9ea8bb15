/* tournament_report.c -- what a tournament tells its modder: a ranking
 * table (mean score with a 95% interval, wins seed by seed, failures,
 * instructions per turn) and a CSV with one row per match, each carrying
 * the command that plays it again alone. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "csv.h"

#ifndef CP_VERSION
#define CP_VERSION "dev"
#endif

typedef struct {
    int agent;
    int games;
    double mean, half;  /* 95% interval: mean +- half (half < 0: too few games) */
    int wins;
    int failures, fallbacks;
    double instructions_per_turn;
} standing;

/* Student's t for a two-sided 95% interval with 'df' degrees of freedom:
 * the table up to 30, then 1.96 + 2.4/df (within 0.003 of the exact value). */
static double t95(int df)
{
    static const double table[30] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                     2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                     2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                     2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    return df <= 30 ? table[df - 1] : 1.96 + 2.4 / df;
}

static int by_rank(const void *pa, const void *pb)
{
    const standing *a = pa, *b = pb;
    if (a->mean != b->mean)
        return a->mean > b->mean ? -1 : 1;
    if (a->wins != b->wins)
        return a->wins > b->wins ? -1 : 1;
    return a->agent - b->agent;
}

/* Each agent's figures over its matches, best first, into 'st'. */
static void standings(const tournament *t, standing *st)
{
    for (int a = 0; a < t->agent_count; a++) {
        standing *s = &st[a];
        memset(s, 0, sizeof *s);
        s->agent = a;
        double sum = 0, sq = 0, ins = 0;
        long turns = 0;
        for (int k = 0; k < t->seed_count; k++) {
            const tour_match *r = &t->match[k * t->agent_count + a];
            sum += r->score;
            s->failures += r->failures;
            s->fallbacks += r->fallbacks > 0;
            ins += r->instructions_per_turn * r->agent_turns;
            turns += r->agent_turns;
            /* a win: the best score of the agents on this seed (ties win for each) */
            double best = r->score;
            for (int b = 0; b < t->agent_count; b++)
                if (t->match[k * t->agent_count + b].score > best)
                    best = t->match[k * t->agent_count + b].score;
            s->wins += r->score == best;
        }
        s->games = t->seed_count;
        s->mean = s->games ? sum / s->games : 0;
        for (int k = 0; k < t->seed_count; k++) {
            double d = t->match[k * t->agent_count + a].score - s->mean;
            sq += d * d;
        }
        s->half = s->games > 1 ? t95(s->games - 1) * sqrt(sq / (s->games - 1)) / sqrt(s->games)
                               : -1;
        s->instructions_per_turn = turns ? ins / (double)turns : 0;
    }
    qsort(st, (size_t)t->agent_count, sizeof *st, by_rank);
}

void tour_print_table(const tournament *t, FILE *out)
{
    standing st[TOUR_MAX_AGENTS];
    standings(t, st);
    fprintf(out, "tournament: seat %s of %s, %d agent%s x %d seed%s (%s, master seed %llu), "
                 "%d turns\n",
            t->seat_iso3, t->scen->name, t->agent_count, t->agent_count == 1 ? "" : "s",
            t->seed_count, t->seed_count == 1 ? "" : "s", t->seeds_text, t->master, t->turns);
    fprintf(out, "%4s  %-26s %6s  %10s  %-14s %5s  %8s  %9s  %10s\n", "rank", "agent", "games",
            "mean score", "95% interval", "wins", "failures", "fallbacks", "instr/turn");
    for (int i = 0; i < t->agent_count; i++) {
        const standing *s = &st[i];
        char ci[40];
        if (s->half >= 0)
            snprintf(ci, sizeof ci, "%.2f..%.2f", s->mean - s->half, s->mean + s->half);
        else
            snprintf(ci, sizeof ci, "-");
        fprintf(out, "%4d  %-26s %6d  %10.2f  %-14s %5d  %8d  %9d  %10.0f\n", i + 1,
                t->agent[s->agent].label, s->games, s->mean, ci, s->wins, s->failures,
                s->fallbacks, s->instructions_per_turn);
    }
    int unrepeatable = 0;
    for (int m = 0; m < t->total; m++)
        unrepeatable += t->match[m].wall_stops > 0;
    if (unrepeatable)
        fprintf(out, "note: in %d game%s the wall clock stopped an agent; %s not play again the "
                     "same from %s seed (the CSV's reproducible column names them)\n",
                unrepeatable, unrepeatable == 1 ? "" : "s", unrepeatable == 1 ? "it may" : "they may",
                unrepeatable == 1 ? "its" : "their");
}

static const cpg_field MATCH_FIELDS[] = {
    {"match", "integer", NULL, "1, 2, ...: seeds in order, each agent in turn"},
    {"agent", "string", NULL, "the agent's label"},
    {"file", "string", NULL, "the agent's file, as given"},
    {"seed", "integer", NULL, "the seed number (from --seeds)"},
    {"game_seed", "integer", NULL, "the game's seed, derived from the master seed and the seed number"},
    {"score", "number", "0-100", "the seat's final score"},
    {"hash", "string", NULL, "the game's final hash, 16 hex digits"},
    {"failures", "integer", NULL, "turns the agent failed (error, budget or wall clock)"},
    {"fallbacks", "integer", NULL, "turns played by the fallback instead"},
    {"refused", "integer", NULL, "orders the rules refused"},
    {"instructions_per_turn", "number", "Lua instructions", "the agent's mean instructions a turn"},
    {"max_instructions", "integer", "Lua instructions", "the agent's most instructions in one turn"},
    {"first_failure", "string", NULL, "the first failure's message; empty if none"},
    {"reproducible", "string", NULL, "yes, or why the match may not play again the same (the wall clock stopped an agent)"},
    {"command", "string", NULL, "the command that plays this match again alone and ends with its hash"},
};

int tour_write_package(const tournament *t, const char *csv_path, const char *command, char *err,
                       size_t errlen)
{
    char path[1200], agents[4096] = "[", master[32], turns[16], seeds[512], title[300];
    if (cpg_datapackage_beside(csv_path, path, sizeof path) != 0) {
        snprintf(err, errlen, "%s: path too long", csv_path);
        return -1;
    }
    /* the agents' files as a JSON array of strings */
    size_t n = 1;
    for (int a = 0; a < t->agent_count && n + 8 < sizeof agents; a++) {
        if (a) {
            agents[n++] = ',';
            agents[n++] = ' ';
        }
        agents[n++] = '"';
        for (const char *c = t->agent[a].file; *c && n + 8 < sizeof agents; c++) {
            if (*c == '"' || *c == '\\')
                agents[n++] = '\\';
            agents[n++] = (unsigned char)*c < 0x20 ? '?' : *c;
        }
        agents[n++] = '"';
    }
    agents[n++] = ']';
    agents[n] = '\0';
    snprintf(master, sizeof master, "%llu", t->master);
    snprintf(turns, sizeof turns, "%d", t->turns);
    snprintf(seeds, sizeof seeds, "%s", t->seeds_text);
    snprintf(title, sizeof title, "Chokepoint tournament: seat %s of %s", t->seat_iso3, t->scen->name);
    const char *name = strrchr(csv_path, '/');
    name = name ? name + 1 : csv_path;
    const cpg_meta meta[] = {{"scenario", t->scen->name, 0}, {"scenario_file", t->info->path, 0},
                             {"seat", t->seat_iso3, 0},    {"agents", agents, 1},
                             {"seeds", seeds, 0},          {"seed", master, 1},
                             {"turns", turns, 1},
                             {"difficulty", cps_difficulty_name(t->difficulty), 0}};
    const cpg_resource res = {"tournament", name,
                              "one row per match; each row's command plays that match again alone "
                              "and ends with its hash, unless its reproducible column says the wall "
                              "clock stopped an agent in that game",
                              MATCH_FIELDS, (int)(sizeof MATCH_FIELDS / sizeof MATCH_FIELDS[0])};
    const cpg_package p = {"chokepoint-tournament", title, command, meta,
                           (int)(sizeof meta / sizeof meta[0]), &res, 1};
    return cpg_write_datapackage(path, &p, err, errlen);
}

int tour_write_csv(const tournament *t, FILE *f)
{
    fputs("match,agent,file,seed,game_seed,score,hash,failures,fallbacks,refused,"
          "instructions_per_turn,max_instructions,first_failure,reproducible,command\n", f);
    /* each row made in a buffer (fields quoted when needed, base's csv.h),
     * then written */
    char cmd[4096];
    bytes_buf row = {0};
    for (int m = 0; m < t->total; m++) {
        const tour_match *r = &t->match[m];
        const tour_agent *a = &t->agent[m % t->agent_count];
        row.len = 0;
        bytes_printf(&row, "%d,", m + 1);
        csv_cell(&row, a->label, CSV_QUOTE_NEEDED);
        bytes_append(&row, ",", 1);
        csv_cell(&row, a->file, CSV_QUOTE_NEEDED);
        bytes_printf(&row, ",%llu,%llu,%.4f,%016llx,%d,%d,%d,%.0f,%lld,",
                     t->seeds[m / t->agent_count], r->game_seed, r->score,
                     (unsigned long long)r->hash, r->failures, r->fallbacks, r->refused,
                     r->instructions_per_turn, r->max_instructions);
        csv_cell(&row, r->first_failure, CSV_QUOTE_NEEDED);
        bytes_append(&row, ",", 1);
        if (r->wall_stops)
            bytes_printf(&row, "no: the wall clock stopped an agent in turn %d,", r->wall_turn);
        else
            bytes_append(&row, "yes,", 4);
        tour_match_command(t, m, cmd, sizeof cmd);
        csv_cell(&row, cmd, CSV_QUOTE_NEEDED);
        bytes_append(&row, "\n", 1);
        if (row.failed)
            break;
        fwrite(row.data, 1, row.len, f);
    }
    int no_memory = row.failed;
    free(row.data);
    if (no_memory)
        return -1;
    return ferror(f) ? -1 : 0;
}
