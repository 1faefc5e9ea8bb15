/* play.c -- `chokepoint play`: the game window when it is built, otherwise
 * (a build without SDL2) a headless default game, so that play.sh always
 * shows something. */
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
