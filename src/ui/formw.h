/* formw.h -- the play layer's form controls (a value with < > steppers, a labelled button), each
 * recorded in the widget trace (trace.h) under an id, so that a test driving the real window
 * with xdotool can click "Queue" wherever the layout put it.
 */
#ifndef UI_FORMW_H
#define UI_FORMW_H

#include <SDL.h>

#include "app.h"
#include "widgets.h"

/* A button that is also traced as 'id'. */
int fw_button(ui_app *a, SDL_Rect rc, const char *label, btn_style style, const char *tip, const char *id);
/* "label   < value >" across 'rc'; returns -1 or +1 when an arrow is clicked, else 0. The value
 * is traced as 'id', its arrows as 'id/<' and 'id/>'. */
int fw_choice(ui_app *a, SDL_Rect rc, const char *label, const char *value, const char *tip, const char *id);
/* A caption in small muted capitals with a rule, as the nation panel's sections. */
int fw_section(ui_app *a, int x, int y, int w, const char *title);
/* A card for a dialog, centred, over a dimmed window. */
SDL_Rect fw_modal_card(ui_app *a, int w_1x, int h_1x);

/* Record a control for the trace (trace.h; no-op without $CHOKEPOINT_UI_TRACE). */
void fw_trace(ui_app *a, const char *id, const char *value, SDL_Rect rc);

#endif
