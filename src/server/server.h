/* server.h -- what the files of `chokepoint serve` share: the server (one game, its seats, its
 * connections, its clock) and a connection (role, seat, flood bucket, strikes, outbox).
 *
 * Threads: CivetWeb calls the WebSocket handlers on its worker threads, one a connection; the
 * main thread plays the quarters (turn_clock.c). Everything in srv below 'mu' (the game, the
 * seats, the list of connections, the clock) is touched only with srv.mu held. What is sent to
 * a client goes into its outbox (bounded) and its own sender thread writes it, so a slow or
 * stalled client never holds the game's lock or anyone else's messages.
 */
#ifndef CP_SERVER_H
#define CP_SERVER_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "session.h"

struct mg_context;
struct mg_connection;

enum {
    SRV_MAX_CONNS = 256,             /* WebSocket connections at once; more are refused */
    SRV_MAX_FRAME_BYTES = 16384,     /* a client's text frame; larger: too_large and closed */
    SRV_BUCKET_TOKENS = 40,          /* flood: burst allowed */
    SRV_BUCKET_REFILL_PER_S = 20,    /* flood: messages a second sustained */
    SRV_FLOOD_WINDOW_S = 10,         /* a second overflow within this: closed */
    SRV_MAX_BAD_FRAMES = 5,          /* invalid UTF-8/JSON tolerated; the next closes */
    SRV_MAX_BAD_CODES = 5,           /* wrong codes; the fifth closes */
    SRV_OUTBOX_MAX_BYTES = 16 << 20, /* queued for one client; beyond: the client is dropped */
    SRV_CODE_LEN = 24,               /* "K7QM-2XPA-9FRT-W3C8" and its NUL, with room */
    SRV_NAME_LEN = 41                /* a student's name: 40 characters and NUL */
};

typedef enum { ROLE_NONE = 0, ROLE_STUDENT, ROLE_TEACHER } srv_role;

typedef struct srv_msg {
    struct srv_msg *next;
    size_t len;
    int close_after; /* 1: a close frame follows this message (or is this message when len 0) */
    char text[];
} srv_msg;

typedef struct srv srv;

typedef struct srv_conn {
    srv *s;
    struct mg_connection *mc;
    /* with s->mu */
    srv_role role;
    int seat;    /* nation index for a student, else -1 */
    int is_bot;  /* hello.client == "bot": also gets `world` */
    char name[SRV_NAME_LEN];
    int detached; /* replaced, flooded or failed: ignores everything, closes on its next frame */
    /* the reader thread's own (only the connection's worker thread touches them) */
    double tokens, refill_at_s, flood_at_s;
    int flooded, bad_frames, bad_codes;
    /* the outbox, with omu */
    pthread_mutex_t omu;
    pthread_cond_t ocv;
    srv_msg *head, *tail;
    size_t queued_bytes;
    int stop, dead;
    pthread_t sender;
    int sender_started;
} srv_conn;

typedef struct {
    char scenario[1024];    /* as given (--scenario), or the save's */
    uint64_t seed;
    int turns;              /* --turns (0: the scenario's or the save's length) */
    int turn_seconds;       /* --turn-seconds (0: no timer) */
    char bind[128];
    int port;
    char seats[CP_MAX_NATIONS][4];
    int seat_count;
    char load[1024];        /* --load FILE, or "" */
    char dir[800];          /* --dir, or saves/serve-<scenario>-<seed>/ */
    char web[1024];         /* --web DIR (default: the data folder's assets/web) */
    int qr;                 /* --qr / --no-qr / -1 when stdout is a terminal */
    cps_difficulty difficulty; /* --difficulty: how well the AI seats play */
    int difficulty_given;   /* 1: --difficulty was given (a loaded game keeps its own else) */
} srv_opts;

struct srv {
    pthread_mutex_t mu;
    pthread_cond_t wake; /* the main loop: a seat ready, the teacher, a pause, the end */
    srv_opts opt;
    struct mg_context *ctx;
    cpg_game *g;
    char scenario_name[CP_NAME_LEN];
    char teacher_code[SRV_CODE_LEN];
    char seat_code[CP_MAX_NATIONS][SRV_CODE_LEN]; /* "" for a nation nobody plays in person */
    char seat_name[CP_MAX_NATIONS][SRV_NAME_LEN]; /* the student's name, "" before one joins */
    srv_conn *seat_conn[CP_MAX_NATIONS];           /* the seat's current connection, or NULL */
    srv_conn *conns[SRV_MAX_CONNS];
    int conn_count;
    /* the clock (turn_clock.c) */
    int paused;
    int end_now;          /* the teacher's end_quarter */
    int turn_seconds;     /* the timer now (the teacher may change it) */
    double deadline_s;    /* monotonic seconds the quarter ends at, 0: no timer */
    double paused_left_s; /* what was left when paused */
    int over;
    uint64_t final_hash;
};

/* ---- codes.c ---- */
/* A fresh code: 80 bits from getrandom() as four-letter base32 groups "K7QM-2XPA-9FRT-W3C8". */
int srv_code_new(char out[SRV_CODE_LEN]);
/* Whether 'typed' is 'code', ignoring case and dashes, in time independent of where they
 * differ. */
int srv_code_equal(const char *typed, const char *code);
/* codes.txt in 'dir' (mode 0600): "teacher CODE" and "ISO3 CODE" lines. 0 or -1 with 'err'. */
int srv_codes_write(const srv *s, const char *dir, char *err, size_t len);
/* Read them back into s (a restart): 0, or -1 with 'err' (missing, unreadable, damaged). */
int srv_codes_read(srv *s, const char *dir, char *err, size_t len);

/* ---- ws_conn.c: connections, outboxes, sending ---- */
void srv_ws_install(srv *s);
/* Queue 'j' for 'c' (the JSON is printed now; 'j' stays the caller's). */
void conn_send(srv_conn *c, const cJSON *j);
/* Queue an error {"type":"error","req"?,"code","message"}; close_after 1 closes afterwards. */
void conn_error(srv_conn *c, int req, const char *code, const char *message, int close_after);
/* Ask the sender thread to stop and wait for it (the close handler). */
void conn_outbox_stop(srv_conn *c);

/* ---- messages.c: what a client's message does (with s->mu held) ---- */
/* Handle one parsed message from 'c'; returns 0 to keep the connection, -1 to close it. */
int srv_handle(srv *s, srv_conn *c, const cJSON *msg);

/* ---- teacher.c ---- */
void srv_teacher(srv *s, srv_conn *c, int req, const cJSON *msg);

/* ---- state_json.c (with s->mu held) ---- */
cJSON *srv_welcome_json(const srv *s, const srv_conn *c);
cJSON *srv_state_json(const srv *s, int seat, int teacher);
cJSON *srv_world_json(const srv *s);
cJSON *srv_class_json(const srv *s);
/* The state to everyone (and world to bots, class to teachers): a new quarter, a pause. */
void srv_broadcast_state(srv *s);
void srv_send_state(srv *s, srv_conn *c);
void srv_broadcast_class(srv *s);

/* ---- turn_clock.c ---- */
double srv_now_s(void);
double srv_seconds_left(const srv *s); /* -1: no timer */
void srv_clock_start_quarter(srv *s);
void srv_clock_pause(srv *s, int paused);
void srv_clock_set_timer(srv *s, int seconds);
/* Play quarters until the game is over; returns the process's exit status. */
int srv_run(srv *s);

/* ---- http_static.c ---- */
void srv_static_install(srv *s);

/* ---- qr_print.c ---- */
void srv_print_qr(const char *text);

/* ---- thread_stack.c ---- */
/* Look up the C library's pthread_attr_setstacksize before CivetWeb's threads start (the program's
 * own raises CivetWeb's 100 KiB stacks to room for the handlers' work: state, orders, an agent's
 * init). */
void srv_thread_stack_init(void);

/* ---- serve_main.c ---- */
int cmd_serve(int argc, char **argv);

#endif
