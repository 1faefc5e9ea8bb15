/* widgets.h -- immediate-mode controls: buttons, tabs, segmented choices, list rows. */
#ifndef UI_WIDGETS_H
#define UI_WIDGETS_H

#include <SDL.h>

#include "app.h"

typedef enum { BTN_PRIMARY = 0, BTN_SECONDARY, BTN_GHOST } btn_style;

/* Draw a button with 'label' centred; returns 1 when clicked this frame.
 * 'tip' (may be NULL) is shown on hover. */
int wdg_button(ui_app *a, SDL_Rect rc, const char *label, btn_style style, const char *tip);
/* A tab of the view bar, underlined when 'active'. */
int wdg_tab(ui_app *a, SDL_Rect rc, const char *label, int active, const char *tip);
/* A row of 'n' joined choices filling 'rc'; returns the index clicked or -1. */
int wdg_segments(ui_app *a, SDL_Rect rc, const char *const *labels, int n, int active,
                 const char *const *tips);
/* Width a segmented control needs for 'labels'. */
int wdg_segments_width(ui_app *a, const char *const *labels, int n);
/* A selectable row in a list card (the metric chooser). */
int wdg_row(ui_app *a, SDL_Rect rc, const char *label, int active, const char *tip);
/* A small key cap, e.g. "Space", drawn at ('x', 'y'); returns its width. */
int wdg_keycap(ui_app *a, int x, int y, const char *key);

#endif
