/* sim_results.c -- the table `chokepoint sim` prints when a game ends: each
 * nation ranked by its score, the score's four parts, how many of its goals
 * it met and the difference its own decisions made (the session's
 * cpg_made_at, docs/score.md). Every figure is the core's or the session's
 * (cp_world_score_parts, cp_world_goal); this file only lays them out. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

/* Nations by score, highest first; ties keep scenario order. */
static void rank(const cp_world *w, int order[CP_MAX_NATIONS])
{
    int n = cp_world_nation_count(w);
    for (int i = 0; i < n; i++)
        order[i] = i;
    for (int i = 1; i < n; i++) { /* insertion sort: stable, at most 32 */
        int x = order[i], j = i - 1;
        double s = cp_world_nation(w, x)->score;
        while (j >= 0 && cp_world_nation(w, order[j])->score < s) {
            order[j + 1] = order[j];
            j--;
        }
        order[j + 1] = x;
    }
}

void sim_print_results(FILE *out, const cpg_game *game)
{
    const cp_world *w = cpg_world(game);
    int order[CP_MAX_NATIONS];
    rank(w, order);
    int t = cp_world_turn(w);
    fprintf(out, "\nresults after %d quarter%s (score = the parts weighted by each nation's "
                 "objectives; goals judged at turn %d)\n", t, t == 1 ? "" : "s", t);
    fprintf(out, "rank  nation                     score  security  prosperity  leverage  "
                 "stability  goals met  made\n");
    for (int r = 0; r < cp_world_nation_count(w); r++) {
        int n = order[r];
        cp_score_parts p;
        if (cp_world_score_parts(w, n, t, &p) != CP_OK)
            continue;
        int goals = cp_world_goal_count(w, n), met = 0;
        for (int k = 0; k < goals; k++) {
            cp_goal_progress g;
            if (cp_world_goal(w, n, k, t, &g) == CP_OK && g.status == CP_GOAL_MET)
                met++;
        }
        char made[16] = "-"; /* not measured */
        cpg_made m;
        if (cpg_made_at(game, n, t, &m) == 0)
            snprintf(made, sizeof made, "%+.2f", m.total);
        fprintf(out, "%4d  %-25.25s  %5.1f  %8.1f  %10.1f  %8.1f  %9.1f  %d of %d  %s\n", r + 1,
                cp_world_nation(w, n)->name, p.total, p.part[CP_PART_SECURITY],
                p.part[CP_PART_PROSPERITY], p.part[CP_PART_LEVERAGE], p.part[CP_PART_STABILITY],
                met, goals, made);
    }
}
