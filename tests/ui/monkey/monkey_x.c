/* monkey_x.c -- the monkey test's X plumbing (monkey_x.h): the game's window, XTest input,
 * resizing, and the _NET_WM_PING readiness probe. */
#define _POSIX_C_SOURCE 200809L
#include "monkey_x.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>

struct mx_conn {
    Display *dpy;
    Window root, win;
    Atom wm_protocols, net_wm_ping, net_wm_pid;
    long ping_seq;
    KeyCode spare; /* a keycode with no keysym, lent to keysyms the map lacks (0: none found) */
};

/* A window that vanished under a request (the game died) is not the driver's error: the
 * death is seen, and reported, by the caller. */
static int ignore_errors(Display *d, XErrorEvent *e)
{
    (void)d;
    (void)e;
    return 0;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void nap_ms(int ms)
{
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

mx_conn *mx_open(void)
{
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "monkey: cannot open display '%s'\n", getenv("DISPLAY") ? getenv("DISPLAY") : "");
        return NULL;
    }
    int ev, er, maj, min;
    if (!XTestQueryExtension(d, &ev, &er, &maj, &min)) {
        fprintf(stderr, "monkey: the X server has no XTest extension\n");
        XCloseDisplay(d);
        return NULL;
    }
    mx_conn *c = calloc(1, sizeof *c);
    if (!c) {
        XCloseDisplay(d);
        return NULL;
    }
    XSetErrorHandler(ignore_errors);
    c->dpy = d;
    c->root = DefaultRootWindow(d);
    c->wm_protocols = XInternAtom(d, "WM_PROTOCOLS", False);
    c->net_wm_ping = XInternAtom(d, "_NET_WM_PING", False);
    c->net_wm_pid = XInternAtom(d, "_NET_WM_PID", False);
    /* the ping's answer is sent to the root window for the window manager */
    XSelectInput(d, c->root, SubstructureNotifyMask);
    return c;
}

void mx_close(mx_conn *c)
{
    if (!c) return;
    XCloseDisplay(c->dpy);
    free(c);
}

static long window_pid(mx_conn *c, Window w)
{
    Atom type;
    int format;
    unsigned long n, after;
    unsigned char *data = NULL;
    long pid = -1;
    if (XGetWindowProperty(c->dpy, w, c->net_wm_pid, 0, 1, False, XA_CARDINAL, &type, &format, &n, &after, &data) ==
            Success &&
        data && n == 1 && format == 32)
        pid = (long)*(unsigned long *)data;
    if (data) XFree(data);
    return pid;
}

/* Depth-first through the window tree for a viewable window of 'pid' titled Chokepoint. */
static Window search(mx_conn *c, Window w, pid_t pid)
{
    XWindowAttributes at;
    if (w != c->root && window_pid(c, w) == (long)pid && XGetWindowAttributes(c->dpy, w, &at) &&
        at.map_state == IsViewable) {
        char *name = NULL;
        /* the title the game sets once its renderer is made (SDL may replace its first window
         * while it makes it) */
        int ok = XFetchName(c->dpy, w, &name) && name && strncmp(name, "Chokepoint - ", 13) == 0;
        if (name) XFree(name);
        if (ok) return w;
    }
    Window r, parent, *kids = NULL;
    unsigned int n = 0;
    Window found = 0;
    if (XQueryTree(c->dpy, w, &r, &parent, &kids, &n))
        for (unsigned int i = 0; i < n && !found; i++) found = search(c, kids[i], pid);
    if (kids) XFree(kids);
    return found;
}

int mx_find_window(mx_conn *c, pid_t pid, double timeout_s, int (*alive)(void *), void *ud)
{
    double until = now_s() + timeout_s;
    c->win = 0;
    while (now_s() < until) {
        if (alive && !alive(ud)) return 0;
        Window w = search(c, c->root, pid);
        if (w) {
            c->win = w;
            XSetInputFocus(c->dpy, w, RevertToParent, CurrentTime);
            XSync(c->dpy, False);
            return 1;
        }
        nap_ms(100);
    }
    return 0;
}

void mx_use_window(mx_conn *c, unsigned long win)
{
    c->win = (Window)win;
}

/* The highest keycode the keyboard map leaves empty. */
static KeyCode find_spare(Display *d)
{
    int lo, hi, per;
    XDisplayKeycodes(d, &lo, &hi);
    KeySym *map = XGetKeyboardMapping(d, (KeyCode)lo, hi - lo + 1, &per);
    KeyCode spare = 0;
    for (int k = hi; map && k >= lo && !spare; k--) {
        int empty = 1;
        for (int j = 0; j < per; j++) empty &= map[(k - lo) * per + j] == NoSymbol;
        if (empty) spare = (KeyCode)k;
    }
    if (map) XFree(map);
    return spare;
}

void mx_window_size(mx_conn *c, int *w, int *h)
{
    XWindowAttributes at;
    *w = *h = 0;
    if (c->win && XGetWindowAttributes(c->dpy, c->win, &at)) {
        *w = at.width;
        *h = at.height;
    }
}

void mx_move(mx_conn *c, int x, int y)
{
    int rx = x, ry = y;
    Window child;
    if (c->win) XTranslateCoordinates(c->dpy, c->win, c->root, x, y, &rx, &ry, &child);
    XTestFakeMotionEvent(c->dpy, -1, rx, ry, CurrentTime);
    XFlush(c->dpy);
}

void mx_button(mx_conn *c, int button, int down)
{
    XTestFakeButtonEvent(c->dpy, (unsigned)button, down ? True : False, CurrentTime);
    XFlush(c->dpy);
}

int mx_key(mx_conn *c, const char *spec)
{
    int ctrl = 0, shift = 0;
    for (;;) {
        if (strncmp(spec, "ctrl+", 5) == 0) {
            ctrl = 1;
            spec += 5;
        } else if (strncmp(spec, "shift+", 6) == 0) {
            shift = 1;
            spec += 6;
        } else {
            break;
        }
    }
    KeySym ks = XStringToKeysym(spec);
    if (ks == NoSymbol) return -1;
    KeyCode kc = XKeysymToKeycode(c->dpy, ks);
    if (!kc) { /* not on this keyboard: lend it the spare key (clients hear MappingNotify first) */
        if (!c->spare) c->spare = find_spare(c->dpy);
        if (!c->spare) return -1;
        KeySym both[2] = {ks, ks};
        XChangeKeyboardMapping(c->dpy, c->spare, 2, both, 1);
        XSync(c->dpy, False);
        kc = c->spare;
    }
    KeyCode kctrl = XKeysymToKeycode(c->dpy, XK_Control_L), kshift = XKeysymToKeycode(c->dpy, XK_Shift_L);
    /* the game may have let the focus go (a restart): give it back first */
    if (c->win) XSetInputFocus(c->dpy, c->win, RevertToParent, CurrentTime);
    if (ctrl) XTestFakeKeyEvent(c->dpy, kctrl, True, CurrentTime);
    if (shift) XTestFakeKeyEvent(c->dpy, kshift, True, CurrentTime);
    XTestFakeKeyEvent(c->dpy, kc, True, CurrentTime);
    XTestFakeKeyEvent(c->dpy, kc, False, CurrentTime);
    if (shift) XTestFakeKeyEvent(c->dpy, kshift, False, CurrentTime);
    if (ctrl) XTestFakeKeyEvent(c->dpy, kctrl, False, CurrentTime);
    XFlush(c->dpy);
    return 0;
}

void mx_resize(mx_conn *c, int w, int h)
{
    if (!c->win) return;
    XMoveResizeWindow(c->dpy, c->win, 0, 0, (unsigned)w, (unsigned)h);
    XFlush(c->dpy);
}

void mx_close_window(mx_conn *c, unsigned long win)
{
    Window w = win ? (Window)win : c->win;
    if (!w) return;
    XEvent e;
    memset(&e, 0, sizeof e);
    e.xclient.type = ClientMessage;
    e.xclient.window = w;
    e.xclient.message_type = c->wm_protocols;
    e.xclient.format = 32;
    e.xclient.data.l[0] = (long)XInternAtom(c->dpy, "WM_DELETE_WINDOW", False);
    e.xclient.data.l[1] = CurrentTime;
    XSendEvent(c->dpy, w, False, NoEventMask, &e);
    XFlush(c->dpy);
}

int mx_ping(mx_conn *c, double timeout_s, int (*alive)(void *), void *ud)
{
    XWindowAttributes at;
    if (!c->win || !XGetWindowAttributes(c->dpy, c->win, &at)) return -1;
    long seq = ++c->ping_seq;
    XEvent e;
    memset(&e, 0, sizeof e);
    e.xclient.type = ClientMessage;
    e.xclient.window = c->win;
    e.xclient.message_type = c->wm_protocols;
    e.xclient.format = 32;
    e.xclient.data.l[0] = (long)c->net_wm_ping;
    e.xclient.data.l[1] = seq; /* the "timestamp" the answer carries back */
    e.xclient.data.l[2] = (long)c->win;
    XSendEvent(c->dpy, c->win, False, NoEventMask, &e);
    XFlush(c->dpy);
    double until = now_s() + timeout_s;
    int fd = ConnectionNumber(c->dpy);
    while (now_s() < until) {
        while (XPending(c->dpy)) {
            XEvent r;
            XNextEvent(c->dpy, &r);
            if (r.type == ClientMessage && r.xclient.message_type == c->wm_protocols &&
                (Atom)r.xclient.data.l[0] == c->net_wm_ping && r.xclient.data.l[1] == seq)
                return 1;
            if (r.type == DestroyNotify && r.xdestroywindow.window == c->win) return -1;
        }
        if (alive && !alive(ud)) return -1;
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        struct timeval tv = {0, 100000};
        select(fd + 1, &fds, NULL, NULL, &tv);
    }
    return 0;
}
