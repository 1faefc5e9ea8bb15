/* play.c -- `chokepoint play`: the game window when it is built, otherwise
 * (a build without SDL2) a headless default game, so that play.sh always
 * shows something; and `sim --debrief`, whose charts the window's code draws
 * until the pack moves to an SDL-free report layer (issue 17): the one file of
 * the command line that reaches into the window. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

#ifdef CP_HAVE_UI
#include "debrief.h"
#include "ui.h"
#endif

int cmd_play(int argc, char **argv)
{
#ifdef CP_HAVE_UI
    ui_debrief_set_csv_writer(sim_csv_writer); /* the window's debrief pack carries the CSV files */
    return ui_main(argc, argv);
#else
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--screenshot") == 0) {
            fprintf(stderr, "chokepoint play: --screenshot needs the game window, which this "
                            "build does not have\n");
            return 2;
        }
    fprintf(stderr, "chokepoint: this build has no game window; playing a headless game\n");
    return cmd_sim(argc, argv);
#endif
}

#ifdef CP_HAVE_UI
/* The game whose pack is being written: its CSV files carry made, and so does the pack's
 * table by nation (the session's figures). */
static const cpg_game *pack_game;

static int pack_csv(const cp_world *w, const char *dir, char *err, size_t errlen)
{
    cpg_error e;
    if (cpg_write_game_csv(pack_game, dir, &e) != 0) {
        snprintf(err, errlen, "%s", e.message);
        return -1;
    }
    (void)w;
    return 0;
}

static int pack_made(const void *ud, const cp_world *w, int nation, double *made)
{
    cpg_made m;
    if (cpg_made_at(ud, nation, cp_world_turn(w), &m) != 0)
        return -1;
    *made = m.total;
    return 0;
}
#endif

/* --debrief DIR: the pack (debrief.h) of the game 'g', or a clear refusal in a build
 * without the game window, whose code draws the charts. */
int cli_write_debrief(const cpg_game *g, const cps_scenario_info *info, const char *dir, int quiet)
{
#ifdef CP_HAVE_UI
    char err[1400];
    pack_game = g;
    ui_debrief_set_csv_writer(pack_csv);
    ui_debrief_set_made(pack_made, g);
    int r = ui_debrief_write(cpg_world(g), info, NULL, NULL, dir, err, sizeof err);
    ui_debrief_set_made(NULL, NULL);
    ui_debrief_set_csv_writer(sim_csv_writer);
    pack_game = NULL;
    if (r != 0) {
        fprintf(stderr, "chokepoint sim: --debrief %s: %s\n", dir, err);
        return -1;
    }
    if (!quiet)
        printf("debrief: %s/summary.html\n", dir);
    return 0;
#else
    (void)g, (void)info, (void)quiet;
    fprintf(stderr, "chokepoint sim: --debrief %s: this build has no game window (SDL2, "
                    "SDL2_ttf), which draws the charts; rebuild with them, or use --csv\n", dir);
    return -1;
#endif
}
