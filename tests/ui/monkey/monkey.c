/* monkey.c -- the monkey test: thousands of random clicks, drags, wheel turns, keys and
 * resizes sent to the game's real window, until something breaks or the time is up.
 *
 *   monkey [--seed N] [--seconds S] [--actions N] [--hang S] [--log FILE] [--trace FILE]
 *          [--replay LOG] -- chokepoint play ARGS...
 *   monkey --close-window WINDOW_ID    (ask a window to close, as a window manager's x does)
 *   monkey --keys WINDOW_ID SPEC...    (type keys into a window, each answered by its ping; a
 *                                       keysym the keyboard lacks, "eacute", gets a spare key)
 *
 * It starts the command (the game, built with the sanitizers), finds its window and drives it
 * through XTest (monkey_x.h). The random choices are biased towards what a player reaches: most
 * clicks land inside a control that takes a click this frame (the "@click" lines of the widget
 * trace the window writes, src/ui/trace.h), and the keys are weighted towards those that open
 * screens (F2, F10, D, O, W, H, Ctrl+S, Ctrl+L, Tab...). After every action it pings the window
 * (_NET_WM_PING) and waits for the answer, so the game never falls behind and a hang shows as a
 * ping not answered within --hang seconds (generous: a slow, busy machine is not a hang).
 *
 * It fails (exit 1) on a crash (the game killed by a signal or exiting with an error status), a
 * sanitizer report or failed assertion in the game's stderr, or a hang; it prints the seed, the
 * failure, the last actions and the game's stderr. A clean quit (the menu's Quit, Ctrl+Q)
 * starts the game again. Every action and the X input it made is written to the log; the same
 * seed makes the same choices, and --replay LOG sends a log's input again, event for event.
 * Exit 0 passed, 1 failed, 2 bad usage, 77 no X display or no XTest (skipped).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "monkey_x.h"

enum { MAX_TARGETS = 1024, RING = 30, MAX_TOKENS = 64 };

typedef struct {
    int x, y, w, h;
} box;

typedef struct {
    char name[32];
    long actions; /* actions made while it showed */
} token;

static struct {
    uint64_t seed, rng;
    double seconds, hang_s, start_s;
    long max_actions;
    const char *log_path, *trace_path, *replay_path;
    char **cmd;
    mx_conn *x;
    pid_t pid;
    int exit_status, exited; /* of the game last started */
    FILE *log;
    char ring[RING][200];
    long ring_n;
    long err_seen; /* bytes of game.err already scanned */
    /* this frame's trace */
    box targets[MAX_TARGETS];
    int target_count;
    char named_id[MAX_TARGETS][48];
    box named[MAX_TARGETS];
    int named_count;
    char screen[160];
    /* the tallies */
    long actions, restarts, kinds[16];
    int max_turn; /* the furthest quarter a game reached ("Turn" in the trace) */
    token tokens[MAX_TOKENS];
    int token_count;
} M;

static const char *kind_names[] = {"click", "click-anywhere", "double-click", "other-button", "drag",
                                   "wheel", "hover", "key", "text", "resize", "close"};
enum { K_CLICK, K_CLICK_ANY, K_DOUBLE, K_OTHER, K_DRAG, K_WHEEL, K_HOVER, K_KEY, K_TEXT, K_RESIZE, K_CLOSE, K_COUNT };

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* splitmix64: the same seed, the same choices, on every machine */
static uint64_t next_u64(void)
{
    uint64_t z = (M.rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int rnd(int n)
{
    return n <= 1 ? 0 : (int)(next_u64() % (uint64_t)n);
}

/* ---- the log ------------------------------------------------------------------------------ */

/* A line of the log: primitives as they are ("move 10 20"), actions as comments. */
static void logf_line(int comment, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void logf_line(int comment, const char *fmt, ...)
{
    char line[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (M.log) fprintf(M.log, "%s%s\n", comment ? "# " : "", line);
    if (comment) snprintf(M.ring[M.ring_n++ % RING], sizeof M.ring[0], "%s", line);
}

/* ---- the game's process ------------------------------------------------------------------- */

static int game_alive(void *ud)
{
    (void)ud;
    if (M.exited || M.pid <= 0) return 0;
    int st;
    pid_t r = waitpid(M.pid, &st, WNOHANG);
    if (r == M.pid) {
        M.exited = 1;
        M.exit_status = st;
        return 0;
    }
    return 1;
}

static int start_game(void)
{
    fflush(NULL);
    M.exited = 0;
    unlink(M.trace_path); /* the new game's first frame writes it afresh */
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        setenv("CHOKEPOINT_UI_TRACE", M.trace_path, 1);
        FILE *o = freopen("game.out", "a", stdout);
        FILE *e = freopen("game.err", "a", stderr);
        (void)o;
        (void)e;
        execvp(M.cmd[0], M.cmd);
        fprintf(stderr, "monkey: cannot run %s: %s\n", M.cmd[0], strerror(errno));
        _exit(127);
    }
    M.pid = pid;
    if (!mx_find_window(M.x, pid, 180, game_alive, NULL)) return -1;
    /* the first frame is drawn (its trace written) before the first action, so that the first
     * choice already sees the screen */
    struct stat st;
    for (int i = 0; i < 1200 && stat(M.trace_path, &st) != 0; i++) {
        if (!game_alive(NULL)) return -1;
        if (mx_ping(M.x, 1, game_alive, NULL) < 0) mx_find_window(M.x, pid, 10, game_alive, NULL);
        nanosleep(&(struct timespec){0, 100000000L}, NULL);
    }
    logf_line(1, "the game's window is up (pid %ld)", (long)pid);
    return 0;
}

static void stop_game(void)
{
    if (M.pid > 0 && !M.exited) {
        kill(M.pid, SIGKILL);
        waitpid(M.pid, NULL, 0);
    }
    M.exited = 1;
}

/* The game's stderr since the last look: a sanitizer report or a failed assertion is a
 * failure even when the process has not died of it (yet). Returns 1 when one is there. */
static int stderr_reports(void)
{
    FILE *f = fopen("game.err", "r");
    if (!f) return 0;
    long from = M.err_seen > 200 ? M.err_seen - 200 : 0; /* a marker cut by the last look */
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    int found = 0;
    if (size > M.err_seen) {
        fseek(f, from, SEEK_SET);
        char *buf = malloc((size_t)(size - from) + 1);
        if (buf) {
            size_t n = fread(buf, 1, (size_t)(size - from), f);
            buf[n] = '\0';
            static const char *markers[] = {"ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer",
                                            "Assertion `", "AddressSanitizer:DEADLYSIGNAL"};
            for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
                if (strstr(buf, markers[i])) found = 1;
            free(buf);
        }
        M.err_seen = size;
    }
    fclose(f);
    return found;
}

/* ---- failure report ----------------------------------------------------------------------- */

static void print_tail(const char *path, int lines)
{
    FILE *f = fopen(path, "r");
    if (!f) return;
    static char buf[1 << 16];
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, size > (long)sizeof buf - 1 ? size - (long)sizeof buf + 1 : 0, SEEK_SET);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    char *p = buf + n;
    int seen = 0;
    while (p > buf && seen <= lines)
        if (*--p == '\n') seen++;
    if (seen > lines) p++;
    for (char *line = strtok(p, "\n"); line; line = strtok(NULL, "\n")) fprintf(stderr, "  game stderr: %s\n", line);
}

static int fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static int fail(const char *fmt, ...)
{
    char why[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    logf_line(1, "FAIL: %s", why);
    if (M.log) fflush(M.log);
    fprintf(stderr, "monkey: FAIL after %ld actions (%.0f s): %s\n", M.actions, now_s() - M.start_s, why);
    fprintf(stderr, "monkey: seed %llu; command:", (unsigned long long)M.seed);
    for (char **c = M.cmd; *c; c++) fprintf(stderr, " %s", *c);
    fprintf(stderr, "\nmonkey: the last actions (the whole log, with the X input of each: %s):\n",
            M.log_path ? M.log_path : "none");
    long first = M.ring_n > RING ? M.ring_n - RING : 0;
    for (long i = first; i < M.ring_n; i++) fprintf(stderr, "  %s\n", M.ring[i % RING]);
    print_tail("game.err", 40);
    if (M.replay_path) fprintf(stderr, "monkey: (this was a replay of %s)\n", M.replay_path);
    else fprintf(stderr, "monkey: replay: the same --seed %llu (same choices), or --replay %s (same input)\n",
                 (unsigned long long)M.seed, M.log_path ? M.log_path : "LOG");
    stop_game();
    return 1;
}

/* After each action: did the game die, report an error, or stop answering? Returns 0 all well,
 * 1 a failure (reported), 2 the game quit cleanly (the caller starts it again). */
static int check_game(void)
{
    int r = M.exited ? -1 : mx_ping(M.x, M.hang_s, game_alive, NULL);
    /* SDL may put a new window in place of its first (creating an OpenGL renderer does): a
     * window gone while the game lives is looked for again before anything is concluded */
    if (r < 0 && game_alive(NULL) && mx_find_window(M.x, M.pid, 10, game_alive, NULL))
        r = mx_ping(M.x, M.hang_s, game_alive, NULL);
    if (r == 1) return stderr_reports() ? fail("a sanitizer report or failed assertion in the game's stderr") : 0;
    if (r == 0 && game_alive(NULL)) {
        logf_line(1, "no answer to the ping in %.0f s", M.hang_s);
        return fail("the window stopped answering: no answer to _NET_WM_PING in %.0f s (a hang)", M.hang_s);
    }
    /* the window is gone: wait for the process to end */
    for (int i = 0; i < 100 && game_alive(NULL); i++) nanosleep(&(struct timespec){0, 100000000L}, NULL);
    if (!M.exited) return fail("the window went away but the game did not exit within 10 s");
    if (WIFSIGNALED(M.exit_status))
        return fail("the game was killed by signal %d (%s)", WTERMSIG(M.exit_status), strsignal(WTERMSIG(M.exit_status)));
    if (WEXITSTATUS(M.exit_status) != 0) return fail("the game exited with status %d", WEXITSTATUS(M.exit_status));
    if (stderr_reports()) return fail("a sanitizer report or failed assertion in the game's stderr");
    return 2;
}

/* ---- what is on the screen ---------------------------------------------------------------- */

/* Read the trace the last frame wrote: the regions that take a click, the named controls, and
 * the screen. */
static void read_trace(void)
{
    M.target_count = M.named_count = 0;
    M.screen[0] = '\0';
    FILE *f = fopen(M.trace_path, "r");
    if (!f) return;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2) continue;
        *t1 = *t2 = '\0';
        box b;
        if (sscanf(t2 + 1, "%d %d %d %d", &b.x, &b.y, &b.w, &b.h) != 4) continue;
        if (strcmp(line, "Screen") == 0) {
            snprintf(M.screen, sizeof M.screen, "%.159s", t1 + 1);
        } else if (strcmp(line, "Turn") == 0) {
            if (atoi(t1 + 1) > M.max_turn) M.max_turn = atoi(t1 + 1);
        } else if (strcmp(line, "@click") == 0) {
            if (b.w > 0 && b.h > 0 && M.target_count < MAX_TARGETS) M.targets[M.target_count++] = b;
        } else if (b.w > 0 && b.h > 0 && M.named_count < MAX_TARGETS) {
            snprintf(M.named_id[M.named_count], sizeof M.named_id[0], "%.47s", line);
            M.named[M.named_count++] = b;
        }
    }
    fclose(f);
}

/* The smallest named control under a point, for the log ("" when none). */
static const char *name_at(int x, int y)
{
    int best = -1;
    for (int i = 0; i < M.named_count; i++) {
        box b = M.named[i];
        if (x >= b.x && y >= b.y && x < b.x + b.w && y < b.y + b.h &&
            (best < 0 || (long)b.w * b.h < (long)M.named[best].w * M.named[best].h))
            best = i;
    }
    return best >= 0 ? M.named_id[best] : "";
}

static void tally_screen(void)
{
    char s[160];
    snprintf(s, sizeof s, "%s", M.screen[0] ? M.screen : "?");
    for (char *t = strtok(s, " "); t; t = strtok(NULL, " ")) {
        int i = 0;
        while (i < M.token_count && strcmp(M.tokens[i].name, t) != 0) i++;
        if (i == M.token_count) {
            if (M.token_count == MAX_TOKENS) continue;
            snprintf(M.tokens[M.token_count++].name, sizeof M.tokens[0].name, "%s", t);
        }
        M.tokens[i].actions++;
    }
}

/* ---- primitives: each is logged, so that --replay sends the same input ---------------------- */

static int win_w, win_h;

static void p_move(int x, int y)
{
    logf_line(0, "move %d %d", x, y);
    mx_move(M.x, x, y);
}

static void p_button(int b, int down)
{
    logf_line(0, "%s %d", down ? "down" : "up", b);
    mx_button(M.x, b, down);
}

static void p_key(const char *spec)
{
    logf_line(0, "key %s", spec);
    mx_key(M.x, spec);
}

static void p_resize(int w, int h)
{
    logf_line(0, "resize %d %d", w, h);
    mx_resize(M.x, w, h);
}

static void p_close(void)
{
    logf_line(0, "close");
    mx_close_window(M.x, 0);
}

/* Wait for the game to come back to its loop; 0 when it did. */
static int p_sync(void)
{
    logf_line(0, "sync");
    return check_game();
}

/* ---- the actions ------------------------------------------------------------------------ */

static void random_point(int *x, int *y)
{
    *x = rnd(win_w > 0 ? win_w : 1280);
    *y = rnd(win_h > 0 ? win_h : 720);
}

/* A point inside a control that takes a click, or anywhere when none does. */
static void target_point(int *x, int *y)
{
    if (M.target_count == 0) {
        random_point(x, y);
        return;
    }
    box b = M.targets[rnd(M.target_count)];
    *x = b.x + rnd(b.w);
    *y = b.y + rnd(b.h);
}

/* Keys, weighted (tenths): those that open screens weigh more. */
static const struct {
    const char *spec;
    int weight;
} keys[] = {
    {"Return", 60}, {"space", 40}, {"Escape", 60}, {"Tab", 20}, {"shift+Tab", 10}, {"BackSpace", 10},
    {"Left", 30}, {"Right", 30}, {"Up", 20}, {"Down", 20}, {"Prior", 10}, {"Next", 10}, {"Home", 10},
    {"End", 10}, {"F1", 15}, {"h", 10}, {"b", 20}, {"F2", 30}, {"ctrl+t", 10}, {"F10", 30}, {"d", 30},
    {"o", 20}, {"c", 20}, {"m", 20}, {"t", 20}, {"n", 10}, {"f", 10}, {"p", 15}, {"r", 10}, {"l", 10},
    {"1", 10}, {"2", 10}, {"3", 10}, {"4", 10}, {"bracketleft", 10}, {"bracketright", 10}, {"KP_Add", 10},
    {"minus", 10}, {"equal", 10}, {"0", 10}, {"ctrl+s", 20}, {"ctrl+l", 20}, {"ctrl+z", 20}, {"ctrl+d", 3},
    {"F12", 3}, {"ctrl+q", 5}, {"a", 10}, {"j", 10}, {"u", 5}, {"y", 10}, {"KP_Enter", 10}, {"q", 5},
    {"s", 5}, {"Delete", 5}, {"w", 15},
};

static const char *random_key(void)
{
    int total = 0, n = (int)(sizeof keys / sizeof keys[0]);
    for (int i = 0; i < n; i++) total += keys[i].weight;
    int r = rnd(total);
    for (int i = 0; i < n; i++) {
        if (r < keys[i].weight) return keys[i].spec;
        r -= keys[i].weight;
    }
    return "Return";
}

/* Choose an action by weight; text is likely where a name is typed. */
static int choose_kind(void)
{
    int typing = strstr(M.screen, "save") != NULL;
    int w[K_COUNT] = {76, 12, 8, 6, 16, 14, 12, 52, typing ? 60 : 2, 2, 1};
    int total = 0;
    for (int i = 0; i < K_COUNT; i++) total += w[i];
    int r = rnd(total);
    for (int i = 0; i < K_COUNT; i++) {
        if (r < w[i]) return i;
        r -= w[i];
    }
    return K_CLICK;
}

/* Make one random action; returns check_game's verdict of the last sync. */
static int act(void)
{
    read_trace();
    mx_window_size(M.x, &win_w, &win_h);
    tally_screen();
    int kind = choose_kind();
    M.kinds[kind]++;
    M.actions++;
    int x, y, x2, y2, r = 0;
    switch (kind) {
    case K_CLICK:
    case K_CLICK_ANY:
    case K_DOUBLE: {
        if (kind == K_CLICK_ANY) random_point(&x, &y);
        else target_point(&x, &y);
        int slow = rnd(2); /* press and release in two frames, or both in one */
        logf_line(1, "%ld [%s] %s at %d %d %s%s", M.actions, M.screen, kind_names[kind], x, y, name_at(x, y),
                  slow ? " (slow)" : "");
        p_move(x, y);
        for (int k = 0; k < (kind == K_DOUBLE ? 2 : 1) && r == 0; k++) {
            p_button(1, 1);
            if (slow) r = p_sync();
            if (r) break;
            p_button(1, 0);
        }
        if (!r) r = p_sync();
        break;
    }
    case K_OTHER:
        target_point(&x, &y);
        {
            int b = rnd(2) ? 3 : 2;
            logf_line(1, "%ld [%s] button %d at %d %d %s", M.actions, M.screen, b, x, y, name_at(x, y));
            p_move(x, y);
            p_button(b, 1);
            p_button(b, 0);
        }
        r = p_sync();
        break;
    case K_DRAG: {
        if (rnd(2)) target_point(&x, &y);
        else random_point(&x, &y);
        random_point(&x2, &y2);
        int steps = 2 + rnd(5);
        logf_line(1, "%ld [%s] drag from %d %d %s to %d %d in %d steps", M.actions, M.screen, x, y, name_at(x, y),
                  x2, y2, steps);
        p_move(x, y);
        p_button(1, 1);
        r = p_sync();
        for (int s = 1; s <= steps && !r; s++) {
            p_move(x + (x2 - x) * s / steps, y + (y2 - y) * s / steps);
            r = p_sync();
        }
        if (!r) {
            p_button(1, 0);
            r = p_sync();
        }
        break;
    }
    case K_WHEEL: {
        if (rnd(3)) target_point(&x, &y);
        else random_point(&x, &y);
        int b = rnd(2) ? 4 : 5, n = 1 + rnd(6);
        logf_line(1, "%ld [%s] wheel %s x%d at %d %d %s", M.actions, M.screen, b == 4 ? "up" : "down", n, x, y,
                  name_at(x, y));
        p_move(x, y);
        for (int k = 0; k < n; k++) {
            p_button(b, 1);
            p_button(b, 0);
        }
        r = p_sync();
        break;
    }
    case K_HOVER:
        target_point(&x, &y);
        logf_line(1, "%ld [%s] hover at %d %d %s", M.actions, M.screen, x, y, name_at(x, y));
        p_move(x, y);
        r = p_sync();
        break;
    case K_KEY: {
        const char *k = random_key();
        logf_line(1, "%ld [%s] key %s", M.actions, M.screen, k);
        p_key(k);
        r = p_sync();
        break;
    }
    case K_TEXT: {
        /* with letters of two, three and four UTF-8 bytes, which no key of the US map makes */
        static const char *chars[] = {"a", "b", "e", "k", "q", "z", "0", "7", "minus", "period", "slash",
                                      "shift+minus", "space", "BackSpace", "shift+a", "comma", "eacute",
                                      "EuroSign", "Cyrillic_zhe", "U1F600", "BackSpace"};
        int n = 1 + rnd(12);
        logf_line(1, "%ld [%s] type %d keys", M.actions, M.screen, n);
        for (int k = 0; k < n; k++) p_key(chars[rnd((int)(sizeof chars / sizeof chars[0]))]);
        r = p_sync();
        break;
    }
    case K_CLOSE: /* the window manager's close button */
        logf_line(1, "%ld [%s] close the window", M.actions, M.screen);
        p_close();
        r = p_sync();
        break;
    default: { /* resize: the sizes players have, and a few a window manager should refuse */
        static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {960, 600}, {1024, 768}, {1440, 900},
                                       {1280, 800}, {800, 500}, {1600, 900}, {640, 400}, {480, 320}};
        int i = rnd((int)(sizeof sizes / sizeof sizes[0]));
        logf_line(1, "%ld [%s] resize to %dx%d", M.actions, M.screen, sizes[i][0], sizes[i][1]);
        p_resize(sizes[i][0], sizes[i][1]);
        r = p_sync();
        break;
    }
    }
    return r;
}

/* ---- replaying a log ---------------------------------------------------------------------- */

static int replay_line(const char *line)
{
    int a, b;
    char spec[64];
    if (line[0] == '#' || line[0] == '\n') {
        if (strncmp(line, "# ", 2) == 0 && strstr(line, "FAIL:") == NULL) {
            char c[200];
            snprintf(c, sizeof c, "%.199s", line + 2);
            c[strcspn(c, "\n")] = '\0';
            logf_line(1, "%s", c);
        }
        return 0;
    }
    if (sscanf(line, "move %d %d", &a, &b) == 2) p_move(a, b);
    else if (sscanf(line, "down %d", &a) == 1) p_button(a, 1);
    else if (sscanf(line, "up %d", &a) == 1) p_button(a, 0);
    else if (sscanf(line, "key %63s", spec) == 1) p_key(spec);
    else if (sscanf(line, "resize %d %d", &a, &b) == 2) p_resize(a, b);
    else if (strncmp(line, "close", 5) == 0) p_close();
    else if (strncmp(line, "sync", 4) == 0) {
        M.actions++;
        return p_sync();
    }
    return 0;
}

/* ---- main --------------------------------------------------------------------------------- */

static int usage(void)
{
    fprintf(stderr, "usage: monkey [--seed N] [--seconds S] [--actions N] [--hang S] [--log FILE] [--trace FILE]\n"
                    "              [--replay LOG] -- COMMAND ARGS...\n"
                    "       monkey --close-window WINDOW_ID\n"
                    "       monkey --keys WINDOW_ID SPEC...\n");
    return 2;
}

static void summary(void)
{
    printf("monkey: seed %llu: %ld actions in %.0f s, %ld restarts after a clean quit, turn %d reached\n",
           (unsigned long long)M.seed, M.actions, now_s() - M.start_s, M.restarts, M.max_turn);
    printf("monkey: actions:");
    for (int i = 0; i < K_COUNT; i++) printf(" %s %ld%s", kind_names[i], M.kinds[i], i + 1 < K_COUNT ? "," : "\n");
    printf("monkey: screens (actions made while each showed):");
    for (int i = 0; i < M.token_count; i++)
        printf(" %s %ld%s", M.tokens[i].name, M.tokens[i].actions, i + 1 < M.token_count ? "," : "\n");
    if (!M.token_count) printf(" none\n");
}

int main(int argc, char **argv)
{
    M.seed = 1;
    M.seconds = 60;
    M.hang_s = 45;
    M.trace_path = "monkey-trace.txt";
    if (argc == 3 && strcmp(argv[1], "--close-window") == 0) {
        M.x = mx_open();
        if (!M.x) return 77;
        mx_close_window(M.x, strtoul(argv[2], NULL, 0));
        mx_close(M.x);
        return 0;
    }
    if (argc >= 4 && strcmp(argv[1], "--keys") == 0) { /* --keys WINDOW SPEC...: typed, each answered */
        M.x = mx_open();
        if (!M.x) return 77;
        mx_use_window(M.x, strtoul(argv[2], NULL, 0));
        int bad = 0;
        for (int k = 3; k < argc && !bad; k++) bad = mx_key(M.x, argv[k]) != 0 || mx_ping(M.x, 30, NULL, NULL) != 1;
        mx_close(M.x);
        return bad;
    }
    int i = 1;
    for (; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (!v) return usage();
        if (strcmp(argv[i], "--seed") == 0) M.seed = strtoull(v, NULL, 10);
        else if (strcmp(argv[i], "--seconds") == 0) M.seconds = atof(v);
        else if (strcmp(argv[i], "--actions") == 0) M.max_actions = atol(v);
        else if (strcmp(argv[i], "--hang") == 0) M.hang_s = atof(v);
        else if (strcmp(argv[i], "--log") == 0) M.log_path = v;
        else if (strcmp(argv[i], "--trace") == 0) M.trace_path = v;
        else if (strcmp(argv[i], "--replay") == 0) M.replay_path = v;
        else return usage();
        i++;
    }
    if (i >= argc) return usage();
    M.cmd = argv + i;
    M.rng = M.seed;
    M.x = mx_open();
    if (!M.x) return 77;
    if (M.log_path && !(M.log = fopen(M.log_path, "w"))) {
        fprintf(stderr, "monkey: cannot write %s\n", M.log_path);
        return 2;
    }
    M.start_s = now_s();
    logf_line(1, "monkey seed %llu, %.0f s", (unsigned long long)M.seed, M.seconds);
    if (start_game() != 0) {
        if (M.exited) return fail("the game exited before its window showed");
        return fail("no window of the game after 180 s");
    }
    FILE *replay = M.replay_path ? fopen(M.replay_path, "r") : NULL;
    if (M.replay_path && !replay) {
        fprintf(stderr, "monkey: cannot read %s\n", M.replay_path);
        stop_game();
        return 2;
    }
    char line[256];
    for (;;) {
        if (replay) {
            if (!fgets(line, sizeof line, replay)) break;
        } else if (now_s() - M.start_s >= M.seconds || (M.max_actions > 0 && M.actions >= M.max_actions)) {
            break;
        }
        int r = replay ? replay_line(line) : act();
        if (r == 1) {
            if (replay) fclose(replay);
            if (M.log) fclose(M.log);
            mx_close(M.x);
            return 1;
        }
        if (r == 2) { /* a clean quit: the game starts again */
            M.restarts++;
            logf_line(1, "the game quit cleanly: starting it again");
            if (start_game() != 0) {
                int st = M.exited ? 1 : 0;
                int res = st ? fail("the game exited before its window showed") : fail("no window after 180 s");
                mx_close(M.x);
                return res;
            }
        }
    }
    if (replay) fclose(replay);
    stop_game();
    int bad = stderr_reports();
    if (bad) {
        int res = fail("a sanitizer report in the game's stderr");
        mx_close(M.x);
        return res;
    }
    summary();
    if (M.log) fclose(M.log);
    mx_close(M.x);
    return 0;
}
