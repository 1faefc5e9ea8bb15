/* monkey_x.h -- the monkey test's hands on X: find the game's window, send it input through
 * the XTest extension (as a real mouse and keyboard would), resize it, and ask it whether it
 * still answers.
 *
 * The readiness probe is the window manager's ping (_NET_WM_PING, EWMH): the window's client
 * answers it from its event loop (SDL does, in SDL_PumpEvents), so an answer says that the
 * game has come back to its loop since every event sent before the ping; no answer within the
 * timeout means the loop is stuck. Coordinates are in the window's pixels.
 */
#ifndef MONKEY_X_H
#define MONKEY_X_H

#include <sys/types.h>

typedef struct mx_conn mx_conn;

/* Connect to $DISPLAY; NULL with a message on stderr when there is none or no XTest. */
mx_conn *mx_open(void);
void mx_close(mx_conn *c);

/* Wait up to 'timeout_s' for a viewable window of process 'pid' (its _NET_WM_PID) titled
 * "Chokepoint - ..."; give it the keyboard focus. Returns 1 found, 0 not (or the process died:
 * 'alive' is asked every 100 ms and stops the wait when it returns 0). */
int mx_find_window(mx_conn *c, pid_t pid, double timeout_s, int (*alive)(void *), void *ud);
/* Drive window 'win' (an X window id) instead of one found by mx_find_window. */
void mx_use_window(mx_conn *c, unsigned long win);
/* The window's size in pixels (0 0 when it is gone). */
void mx_window_size(mx_conn *c, int *w, int *h);

/* Input, sent at once (the X server queues it for the window). */
void mx_move(mx_conn *c, int x, int y);
void mx_button(mx_conn *c, int button, int down);
/* Press and release the key 'spec': an X keysym name ("Return", "a", "F2", "eacute", "U1F600")
 * with optional "ctrl+" and "shift+" before it. A keysym the keyboard map lacks is given a
 * spare keycode first (and keeps it), as a layout with that key would have it. Returns 0, or
 * -1 for a name X does not know. */
int mx_key(mx_conn *c, const char *spec);
void mx_resize(mx_conn *c, int w, int h);
/* Ask the window to close, as a window manager's close button does (WM_DELETE_WINDOW); with
 * 'win' 0, the game's window, else that one. */
void mx_close_window(mx_conn *c, unsigned long win);

/* The ping: 1 answered, 0 not within 'timeout_s' ('alive' is asked every 100 ms; 0 from it
 * ends the wait early), -1 the window is gone. */
int mx_ping(mx_conn *c, double timeout_s, int (*alive)(void *), void *ud);

#endif
