/* debrief.h -- the debrief pack: charts as PNG, the CSV files and a one-page summary.html
 * of a game, written into one folder, with or without a display.
 *
 * Plain C at this boundary (no SDL types), so that `chokepoint sim --debrief DIR` and the
 * game window's Debrief button call the same function. The charts are drawn with SDL2's
 * software renderer into a surface and SDL2_ttf with DejaVu Sans (src/ui/text.c), and saved
 * with stb_image_write: no window or video driver is needed. docs/classroom.md lists the
 * files and what each shows.
 */
#ifndef UI_DEBRIEF_H
#define UI_DEBRIEF_H

#include <stddef.h>

#include "chokepoint.h"
#include "script.h"
#include "tl_model.h"

/* How the pack gets its CSV files: csv_export (src/cli/csv_export.c) lives in
 * the command line, which registers it here once; with none registered the
 * pack has no CSV files and summary.html says so. */
typedef int (*ui_debrief_csv_fn)(const cp_world *w, const char *dir, char *err, size_t errlen);
void ui_debrief_set_csv_writer(ui_debrief_csv_fn fn);

/* Where the pack's table by nation gets made, the difference each nation's decisions made
 * (docs/score.md): the caller's figures (the session's), which the pack only shows. 'fn' puts
 * nation's made at the world's last turn into '*made' and returns 0, or -1 when none is kept
 * for it; it applies to the ui_debrief_write calls that follow, until set again (NULL: none,
 * the column says "not measured"). */
typedef int (*ui_debrief_made_fn)(const void *ud, const cp_world *w, int nation, double *made);
void ui_debrief_set_made(ui_debrief_made_fn fn, const void *ud);

/* Write the pack of 'w' into 'dir' (created, with its parents, if missing):
 * prices.png, supply.png, shortages.png, pipeline.png, tariffs.png, the CSV
 * files and summary.html, with the scenario's objectives, briefing excerpt
 * and debrief questions from 'info' (may be NULL). 'log' (may be NULL) is the
 * window's record of facility stages; without it stages before the last turn
 * are reconstructed from planned lengths. 'human' (may be NULL) flags the
 * nations humans played, by index: summary.html logs each one's decisions
 * quarter by quarter with what followed. Returns 0, or -1 with a message
 * naming the file that could not be written. */
int ui_debrief_write(const cp_world *w, const cps_scenario_info *info, const tl_log *log, const int *human,
                     const char *dir, char *err, size_t errlen);

/* The pack's default folder for a game: saves/debrief-<scenario>-seed<k>-t<turn>. */
void ui_debrief_default_dir(const cp_world *w, char *buf, size_t len);

#endif
