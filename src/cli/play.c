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

/* --debrief DIR: the pack (debrief.h), or a clear refusal in a build
 * without the game window, whose code draws the charts. */
int cli_write_debrief(const cp_world *w, const cps_scenario_info *info, const char *dir, int quiet)
{
#ifdef CP_HAVE_UI
    char err[1400];
    ui_debrief_set_csv_writer(sim_csv_writer);
    if (ui_debrief_write(w, info, NULL, NULL, dir, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint sim: --debrief %s: %s\n", dir, err);
        return -1;
    }
    if (!quiet)
        printf("debrief: %s/summary.html\n", dir);
    return 0;
#else
    (void)w, (void)info, (void)quiet;
    fprintf(stderr, "chokepoint sim: --debrief %s: this build has no game window (SDL2, "
                    "SDL2_ttf), which draws the charts; rebuild with them, or use --csv\n", dir);
    return -1;
#endif
}
