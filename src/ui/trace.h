/* trace.h -- the widget trace: where each control of the window is, for tests that drive it.
 *
 * With $CHOKEPOINT_UI_TRACE set to a file, every frame writes there what it drew that a test
 * needs to find, one line each: "id<TAB>value<TAB>x y w h" in output pixels. The play layer's
 * controls carry ids ("Tab/Tariffs", "Queue"; formw.h), every region that takes a click this
 * frame is an "@click" line (app_click; the monkey test clicks them), and "Screen" names what
 * covers the window (the start screen, a dialog, the map...). The file is rewritten whole, and
 * only when a frame's trace differs from the last one written.
 */
#ifndef UI_TRACE_H
#define UI_TRACE_H

#include <SDL.h>

/* Is the trace on ($CHOKEPOINT_UI_TRACE set)? */
int trace_on(void);
/* Start and finish a frame's trace (frame_draw). */
void trace_begin(void);
void trace_end(void);
/* Record a control; 'value' may be NULL (its line breaks and tabs are written as spaces). No-op
 * when the trace is off. */
void trace_add(const char *id, const char *value, SDL_Rect rc);

#endif
