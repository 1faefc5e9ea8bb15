/* replay_view_internal.h -- the replay viewer's state, shared by its two files:
 * replay_view.c (the recording and the worlds of its quarters) and replay_panel.c
 * (the panel that shows and steps them), and by nobody else. */
#ifndef UI_REPLAY_VIEW_INTERNAL_H
#define UI_REPLAY_VIEW_INTERNAL_H

#include "replay_file.h"
#include "replay_view.h"

enum { REPLAY_PANEL_W = 360 }; /* at 1x */

struct replay_view {
    replay rec;
    char name[256];       /* the file's name, for the panel */
    cp_world **world;     /* per quarter index 0..turn_count: a clone, or NULL not reached */
    unsigned char *differs; /* per index: 1 the hash differs from the recording */
    int reached;          /* highest index built */
    int stop;             /* first index that cannot be built (a refused decision) */
    int shown;            /* index shown */
    char warn[1200];      /* the first difference, "" none */
    int panel_w;          /* this frame's panel width (replay_view_layout) */
    int scroll;           /* the agents' list, pixels */
    int content_h;
};

static inline int replay_view_start_turn(const struct replay_view *v) { return v->rec.start_turn; }

#endif
