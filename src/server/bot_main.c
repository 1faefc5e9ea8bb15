/* bot_main.c -- `chokepoint bot --join URL --code CODE --agent FILE [--name NAME]`: joins a
 * class game as a seat's player ("client":"bot"), and each quarter runs its Lua agent on the
 * world the server sends (bot_agent.c), sends the orders and deal actions it made as `order`
 * and `deal` messages (written by the server's own codec, proto_json.c), says on stderr what
 * the server refused, and marks the seat ready. A dropped connection is retried with a growing
 * pause, a bounded number of times, and the seat rejoined with its code; what the server
 * already holds of the quarter (its snapshot shows the seat's queued orders and deal actions)
 * is not sent twice. At `over` it prints the game's `hash:` and exits 0.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "bot_base64.h"
#include "bot.h"
#include "bot_agent.h"
#include "bot_net.h"
#include "proto_json.h"

enum {
    RETRIES = 40,           /* reconnection attempts after a drop, before giving up */
    FIRST_TRIES = 3,        /* attempts at the first connection (a server just starting) */
    PAUSE_FIRST_MS = 100,   /* the first pause between attempts; doubled each time */
    PAUSE_MAX_MS = 3000,
    REPLY_WAIT_MS = 30000,  /* a reply to an order or deal not come by then: the link is dead */
    FLOOD_RETRIES = 3,      /* a message the server dropped as a flood is sent again, 1 s later */
    IDLE_WAIT_MS = 600000   /* nothing from the server for this long: reconnect */
};

/* What the bot knows, kept across connections. */
typedef struct {
    const char *url, *code, *agent, *name;
    char host[256], path[256];
    int port;
    FILE *rtt;               /* --rtt FILE: each order's round trip in microseconds */
    bot_conn *c;
    int req;                 /* the last request number used */
    char iso[4];             /* the seat, from `welcome` */
    bot_agent *a;
    int played_turn;         /* the quarter the agent last played, -1 before */
    bot_decisions d;         /* its decisions then */
    int orders_sent, orders_refused;   /* of d's orders, sent to the server, and refused */
    int actions_sent, actions_refused; /* the same of its deal actions */
    int ids_local[BOT_MAX_DEAL_ACTIONS], ids_server[BOT_MAX_DEAL_ACTIONS], ids;
    cJSON *world_waiting;    /* a `world` that came while a reply was awaited */
    int over;                /* 1: `over` came; 'hash' holds its hash */
    char hash[40];
    int fatal;               /* exit status to leave with (a refused code...), 0 none */
    int joined_now;          /* 1: the last session got as far as `welcome` */
    double tokens, tokens_at_us; /* the bot's own token bucket, below the server's flood limit */
    double sent_at_us;       /* when the last message left (after any wait for a token) */
} bot;

/* The server drops a client's messages beyond a bucket of 40 refilled at 20 a second
 * (docs/network.md, `flood`); the bot keeps to a smaller one, so that an agent with many orders
 * is paced rather than cut off. */
#define BOT_BUCKET 30.0
#define BOT_REFILL_PER_S 15.0

static void usage(FILE *f)
{
    fputs("usage: chokepoint bot --join URL --code CODE --agent FILE [--name NAME]\n"
          "  Play one seat of a class game (`chokepoint serve`) with a Lua agent.\n"
          "  --join URL    the server's address as `serve` prints it (http://HOST:PORT/)\n"
          "  --code CODE   the seat's join code (`serve` prints one per seat)\n"
          "  --agent FILE  the agent: a name under scripts/agents/ or a path\n"
          "  --name NAME   the name shown in the teacher's class table (default: the agent's)\n"
          "  --rtt FILE    append each order's round trip (microseconds) to FILE (benchmarks)\n"
          "  Prints the game's `hash:` when it ends; exit 0 then, 1 when the server cannot be\n"
          "  reached again, 2 for a bad flag, a refused code or an agent that does not load.\n",
          f);
}

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static void sleep_ms(int ms)
{
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* Wait, if need be, until the bot's bucket holds a token, and take it. */
static void take_token(bot *b)
{
    double now = now_us();
    if (b->tokens_at_us == 0)
        b->tokens = BOT_BUCKET;
    else
        b->tokens += (now - b->tokens_at_us) / 1e6 * BOT_REFILL_PER_S;
    if (b->tokens > BOT_BUCKET)
        b->tokens = BOT_BUCKET;
    b->tokens_at_us = now;
    if (b->tokens < 1.0) {
        int wait_ms = (int)((1.0 - b->tokens) / BOT_REFILL_PER_S * 1000.0) + 1;
        sleep_ms(wait_ms);
        b->tokens = 1.0;
        b->tokens_at_us = now_us();
    }
    b->tokens -= 1.0;
}

/* Send 'j' (kept by the caller), within the bot's bucket. 0, or -1 when the connection is
 * gone. */
static int send_json(bot *b, const cJSON *j)
{
    take_token(b);
    char *text = cJSON_PrintUnformatted(j);
    if (!text)
        return -1;
    b->sent_at_us = now_us();
    int st = bot_conn_send(b->c, text, strlen(text));
    cJSON_free(text);
    return st;
}

static const char *str_of(const cJSON *j, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int int_of(const cJSON *j, const char *name, int dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, name);
    return cJSON_IsNumber(v) ? v->valueint : dflt;
}

/* A message that is not the reply being waited for: `over` ends the game, a `world` is kept
 * for the loop (a newer quarter began), an error is said; the rest (state, quarter, class,
 * pong) the agent does not need. Returns -1 when the bot must stop (b->fatal or b->over). */
static int note(bot *b, cJSON *m)
{
    const char *type = str_of(m, "type");
    if (!type)
        return 0;
    if (strcmp(type, "over") == 0) {
        const char *h = str_of(m, "hash");
        snprintf(b->hash, sizeof b->hash, "%s", h ? h : "?");
        b->over = 1;
        return -1;
    }
    if (strcmp(type, "world") == 0) {
        cJSON_Delete(b->world_waiting);
        b->world_waiting = cJSON_Duplicate(m, 1);
        return 0;
    }
    if (strcmp(type, "error") == 0) {
        const char *code = str_of(m, "code"), *msg = str_of(m, "message");
        fprintf(stderr, "chokepoint bot: %s: the server says %s: %s\n", b->iso[0] ? b->iso : "-",
                code ? code : "error", msg ? msg : "");
        if (code && (strcmp(code, "bad_code") == 0 || strcmp(code, "bad_version") == 0)) {
            fprintf(stderr, "chokepoint bot: the server at %s refused the code %s\n", b->url,
                    b->code);
            b->fatal = 2;
            return -1;
        }
        if (code && strcmp(code, "replaced") == 0) {
            fprintf(stderr, "chokepoint bot: another connection took the seat %s over\n",
                    b->iso);
            b->fatal = 1;
            return -1;
        }
        if (code && strcmp(code, "game_over") == 0) {
            b->fatal = 1;
            return -1;
        }
    }
    return 0;
}

/* Wait for the reply carrying 'req' (a new `welcome` when req is 0), handling what comes
 * before it. The reply (the caller frees), or NULL: the connection dropped (or a `world` for
 * a newer quarter arrived when 'stop_on_world'), or the bot must stop. */
static cJSON *await(bot *b, int req, const char *want_type)
{
    double until = now_us() + (double)REPLY_WAIT_MS * 1000.0;
    for (;;) {
        int closed = 0;
        int left_ms = (int)((until - now_us()) / 1000.0);
        if (left_ms <= 0)
            return NULL;
        char *text = bot_conn_next(b->c, left_ms, &closed);
        if (!text) {
            if (closed)
                return NULL;
            continue;
        }
        cJSON *m = cJSON_Parse(text);
        free(text);
        if (!m)
            continue;
        const char *type = str_of(m, "type");
        int r = int_of(m, "req", -1);
        int mine = type && ((req > 0 && r == req) || (req == 0 && strcmp(type, want_type) == 0));
        if (mine && strcmp(type, "error") != 0)
            return m;
        if (mine) { /* an error answering the request itself */
            const char *code = str_of(m, "code");
            if (code && strcmp(code, "bad_code") != 0 && strcmp(code, "replaced") != 0 &&
                strcmp(code, "bad_version") != 0)
                return m;
        }
        int st = note(b, m);
        cJSON_Delete(m);
        if (st != 0)
            return NULL;
    }
}

/* Connect and join the seat: hello, then `welcome`. 0; -1 when the link failed (retry);
 * -2 when the bot must stop (refused code, not a student's seat). */
static int join(bot *b, char *err, size_t errlen)
{
    b->c = bot_conn_open(b->host, b->port, b->path, err, errlen);
    if (!b->c)
        return -1;
    cJSON *hello = cJSON_CreateObject();
    cJSON_AddStringToObject(hello, "type", "hello");
    cJSON_AddNumberToObject(hello, "v", 1);
    cJSON_AddStringToObject(hello, "code", b->code);
    cJSON_AddStringToObject(hello, "name", b->name);
    cJSON_AddStringToObject(hello, "client", "bot");
    int st = send_json(b, hello);
    cJSON_Delete(hello);
    cJSON *w = st == 0 ? await(b, 0, "welcome") : NULL;
    if (!w) {
        /* a refused code has been said already */
        snprintf(err, errlen, "%s", b->fatal || b->over ? "" : "no welcome from the server");
        return b->fatal || b->over ? -2 : -1;
    }
    const char *role = str_of(w, "role"), *seat = str_of(w, "seat");
    if (!role || strcmp(role, "student") != 0 || !seat) {
        snprintf(err, errlen, "the code %s is not a seat's (role %s): a bot plays a seat",
                 b->code, role ? role : "none");
        cJSON_Delete(w);
        b->fatal = 2;
        return -2;
    }
    if (b->iso[0] && strcmp(b->iso, seat) != 0) {
        snprintf(err, errlen, "the code now plays %s, not %s", seat, b->iso);
        cJSON_Delete(w);
        b->fatal = 2;
        return -2;
    }
    snprintf(b->iso, sizeof b->iso, "%s", seat);
    b->joined_now = 1;
    cJSON_Delete(w);
    return 0;
}

/* The id the server knows a deal by: its own for the deals this bot proposed this quarter,
 * the local one (the same, from the server's snapshot) for every other. */
static int server_id(const bot *b, int local)
{
    for (int k = 0; k < b->ids; k++)
        if (b->ids_local[k] == local)
            return b->ids_server[k];
    return local;
}

/* A deal's terms as the `deal` message carries them: "to" (the first other party), every
 * party, the term and the clauses, in the codec's words. */
static cJSON *terms_json(const bot *b, const cp_deal *d)
{
    const cp_world *w = bot_agent_world(b->a);
    cJSON *full = proto_deal_to_json(w, d);
    cJSON *t = cJSON_CreateObject();
    int me = bot_agent_nation(b->a);
    for (int p = 0; p < d->party_count; p++)
        if (d->parties[p] != me) {
            cJSON_AddStringToObject(t, "to", cp_world_nation(w, d->parties[p])->iso3);
            break;
        }
    cJSON *parties = cJSON_CreateArray();
    for (int p = 0; p < d->party_count; p++)
        cJSON_AddItemToArray(parties,
                             cJSON_CreateString(cp_world_nation(w, d->parties[p])->iso3));
    cJSON_AddItemToObject(t, "parties", parties);
    cJSON_AddNumberToObject(t, "term_turns", d->term_turns);
    cJSON *clauses = full ? cJSON_DetachItemFromObjectCaseSensitive(full, "clauses") : NULL;
    cJSON_AddItemToObject(t, "clauses", clauses ? clauses : cJSON_CreateArray());
    cJSON_Delete(full);
    return t;
}

/* Send the request 'm' (its "req" is set here) and wait for its reply, sending it again, a
 * second later, when the server dropped it as a flood. The reply (the caller frees), its round
 * trip in *rtt_us; NULL when the link dropped or the bot must stop. */
static cJSON *request(bot *b, cJSON *m, double *rtt_us)
{
    for (int attempt = 0;; attempt++) {
        cJSON_DeleteItemFromObjectCaseSensitive(m, "req");
        cJSON_AddNumberToObject(m, "req", ++b->req);
        if (send_json(b, m) != 0)
            return NULL;
        cJSON *r = await(b, b->req, NULL);
        if (!r)
            return NULL;
        *rtt_us = now_us() - b->sent_at_us;
        const char *code = str_of(r, "code");
        if (!code || strcmp(code, "flood") != 0 || attempt >= FLOOD_RETRIES)
            return r;
        cJSON_Delete(r);
        sleep_ms(1000);
    }
}

/* Send order k of the quarter's decisions and wait for its result. 0 sent (accepted or
 * refused, said), -1 the link dropped. */
static int send_order(bot *b, int k)
{
    const cp_order *o = &b->d.orders[k];
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "order");
    cJSON_AddItemToObject(m, "order", proto_order_to_json(bot_agent_world(b->a), o));
    double rtt_us = 0;
    cJSON *r = request(b, m, &rtt_us);
    cJSON_Delete(m);
    if (!r)
        return -1;
    if (b->rtt)
        fprintf(b->rtt, "%.0f\n", rtt_us);
    b->orders_sent = k + 1;
    if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "ok"))) {
        b->orders_refused++;
        const char *why = str_of(r, "message");
        fprintf(stderr, "chokepoint bot: %s: turn %d: order %d (%s) refused: %s\n", b->iso,
                b->d.turn, k + 1, cp_order_kind_name(o->kind), why ? why : "no reason given");
    }
    cJSON_Delete(r);
    return 0;
}

/* Send deal action k and wait for its result; a proposal's new id is noted. */
static int send_deal(bot *b, int k)
{
    static const char *const action[] = {[BOT_DEAL_PROPOSE] = "propose",
                                         [BOT_DEAL_ACCEPT] = "accept",
                                         [BOT_DEAL_REJECT] = "reject",
                                         [BOT_DEAL_COUNTER] = "counter",
                                         [BOT_DEAL_WITHDRAW] = "withdraw"};
    const bot_deal_action *a = &b->d.actions[k];
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "type", "deal");
    cJSON_AddStringToObject(m, "action", action[a->kind]);
    if (a->kind != BOT_DEAL_PROPOSE)
        cJSON_AddNumberToObject(m, "deal_id", server_id(b, a->deal_id));
    if (a->kind == BOT_DEAL_PROPOSE || a->kind == BOT_DEAL_COUNTER)
        cJSON_AddItemToObject(m, "deal", terms_json(b, &a->deal));
    double rtt_us = 0;
    cJSON *r = request(b, m, &rtt_us);
    cJSON_Delete(m);
    if (!r)
        return -1;
    int ok = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "ok"));
    b->actions_sent = k + 1;
    b->actions_refused += !ok;
    if (ok && a->kind == BOT_DEAL_PROPOSE && b->ids < BOT_MAX_DEAL_ACTIONS) {
        b->ids_local[b->ids] = a->deal_id;
        b->ids_server[b->ids++] = int_of(r, "deal_id", a->deal_id);
    }
    if (!ok) {
        const char *why = str_of(r, "message");
        fprintf(stderr, "chokepoint bot: %s: turn %d: the %s of deal %d refused: %s\n", b->iso,
                b->d.turn, action[a->kind], a->deal_id, why ? why : "no reason given");
    }
    cJSON_Delete(r);
    return 0;
}

/* What of this quarter's decisions the server already holds, by its snapshot: the seat's
 * queued orders and the deal actions it logged this quarter. */
static void already_sent(const bot *b, const unsigned char *save, size_t len, int *orders,
                         int *actions)
{
    cp_error e;
    *orders = *actions = 0;
    cp_world *w = cp_world_load(save, len, &e);
    if (!w)
        return;
    int me = bot_agent_nation(b->a);
    for (int k = 0; k < cp_world_pending_count(w); k++)
        *orders += cp_world_pending(w, k)->nation == me;
    static const char *const acts[] = {"proposed", "accepted", "rejected", "countered",
                                       "withdrawn"};
    for (int k = 0; k < cp_world_deal_event_count(w); k++) {
        const cp_deal_event *ev = cp_world_deal_event(w, k);
        if (ev->nation != me || ev->turn != cp_world_turn(w))
            continue;
        for (size_t a = 0; a < sizeof acts / sizeof acts[0]; a++)
            *actions += strcmp(ev->what, acts[a]) == 0;
    }
    cp_world_destroy(w);
}

/* A `world` message: the agent plays the quarter (unless it already did, then what the
 * server lacks of it is sent again), its decisions go out, and the seat is marked ready.
 * 0; -1 the link dropped; -2 the bot must stop. */
static int play_quarter(bot *b, const cJSON *m)
{
    const char *b64 = str_of(m, "save");
    int turn = int_of(m, "turn", -1);
    size_t len = 0;
    unsigned char *save = b64 ? bot_base64_decode(b64, strlen(b64), &len) : NULL;
    if (!save) {
        fprintf(stderr, "chokepoint bot: %s: the server's world message has no readable save\n",
                b->iso);
        return 0;
    }
    char err[1400];
    if (!b->a) {
        b->a = bot_agent_open(save, len, b->iso, b->agent, NULL, NULL, err, sizeof err);
        if (!b->a) {
            fprintf(stderr, "chokepoint bot: %s\n", err);
            free(save);
            b->fatal = 2;
            return -2;
        }
    }
    int skip_orders = 0, skip_actions = 0;
    if (turn == b->played_turn) {
        /* a rejoin within the quarter: the server kept what it accepted (a reconnection) or
         * lost all of it (a server restarted from the quarter's start); the refused are not
         * sent again either way */
        int queued = 0, logged = 0;
        already_sent(b, save, len, &queued, &logged);
        skip_orders = queued == b->orders_sent - b->orders_refused ? b->orders_sent : queued;
        skip_actions = logged == b->actions_sent - b->actions_refused ? b->actions_sent : logged;
    } else {
        int already = 0;
        if (bot_agent_turn(b->a, save, len, &b->d, &already, err, sizeof err) != 0) {
            fprintf(stderr, "chokepoint bot: %s: %s\n", b->iso, err);
            free(save);
            return 0;
        }
        b->played_turn = turn;
        b->ids = 0;
        /* a bot started again mid-quarter: what its earlier self sent is in the snapshot */
        int orders = 0;
        already_sent(b, save, len, &orders, &skip_actions);
        skip_orders = already;
        b->orders_sent = skip_orders;
        b->actions_sent = skip_actions;
        b->orders_refused = b->actions_refused = 0;
        if (b->d.failed)
            fprintf(stderr, "chokepoint bot: %s: turn %d: the agent failed, no orders: %s\n",
                    b->iso, turn, b->d.message);
        if (b->d.refused > 0)
            fprintf(stderr, "chokepoint bot: %s: turn %d: the core refused %d of the agent's "
                    "calls on the local world\n", b->iso, turn, b->d.refused);
    }
    free(save);
    for (int k = skip_orders; k < b->d.order_count; k++) {
        if (send_order(b, k) != 0)
            return b->fatal || b->over ? -2 : -1;
        if (b->world_waiting)
            return 0; /* the quarter ended meanwhile (the teacher): play the new one */
    }
    for (int k = skip_actions; k < b->d.action_count; k++) {
        if (send_deal(b, k) != 0)
            return b->fatal || b->over ? -2 : -1;
        if (b->world_waiting)
            return 0;
    }
    cJSON *ready = cJSON_CreateObject();
    cJSON_AddStringToObject(ready, "type", "ready");
    cJSON_AddBoolToObject(ready, "ready", 1);
    int st = send_json(b, ready);
    cJSON_Delete(ready);
    return st == 0 ? 0 : -1;
}

/* One connection's life: join, then play each `world` until the game is over or the link
 * drops. 0 over; -1 dropped (retry); -2 stop with b->fatal. */
static int session(bot *b, char *err, size_t errlen)
{
    int st = join(b, err, errlen);
    if (st != 0)
        return st;
    for (;;) {
        cJSON *m = b->world_waiting;
        b->world_waiting = NULL;
        if (!m) {
            int closed = 0;
            char *text = bot_conn_next(b->c, IDLE_WAIT_MS, &closed);
            if (!text) {
                snprintf(err, errlen, closed ? "the server closed the connection"
                                             : "nothing from the server for %d s",
                         IDLE_WAIT_MS / 1000);
                return -1;
            }
            m = cJSON_Parse(text);
            free(text);
            if (!m)
                continue;
        }
        const char *type = str_of(m, "type");
        if (type && strcmp(type, "world") == 0) {
            st = play_quarter(b, m);
            cJSON_Delete(m);
        } else {
            st = note(b, m) == 0 ? 0 : -2;
            cJSON_Delete(m);
        }
        if (st == -1) {
            /* the server may have said `over` and closed before the bot's last words went */
            int closed = 0;
            char *text;
            while (!b->over && (text = bot_conn_next(b->c, 0, &closed)) != NULL) {
                cJSON *rest = cJSON_Parse(text);
                free(text);
                if (rest)
                    note(b, rest);
                cJSON_Delete(rest);
            }
        }
        if (b->over)
            return 0;
        if (st == -1) {
            snprintf(err, errlen, "the connection dropped");
            return -1;
        }
        if (st != 0)
            return -2;
    }
}

int cmd_bot(int argc, char **argv)
{
    static const struct option flags[] = {{"join", required_argument, NULL, 'j'},
                                          {"code", required_argument, NULL, 'c'},
                                          {"agent", required_argument, NULL, 'a'},
                                          {"name", required_argument, NULL, 'n'},
                                          {"rtt", required_argument, NULL, 'r'},
                                          {"help", no_argument, NULL, 'h'},
                                          {NULL, 0, NULL, 0}};
    static bot b;
    memset(&b, 0, sizeof b);
    b.played_turn = -1;
    const char *rtt = NULL;
    char **args = calloc((size_t)argc + 2, sizeof *args);
    if (!args)
        return 2;
    char prog[] = "chokepoint bot";
    args[0] = prog;
    for (int i = 0; i < argc; i++)
        args[i + 1] = argv[i];
    optind = 1;
    opterr = 0;
    int c, bad = 0;
    while ((c = getopt_long(argc + 1, args, ":h", flags, NULL)) != -1) {
        switch (c) {
        case 'j': b.url = optarg; break;
        case 'c': b.code = optarg; break;
        case 'a': b.agent = optarg; break;
        case 'n': b.name = optarg; break;
        case 'r': rtt = optarg; break;
        case 'h':
            free(args);
            usage(stdout);
            return 0;
        case ':':
            fprintf(stderr, "chokepoint bot: %s needs a value\n", args[optind - 1]);
            bad = 1;
            break;
        default:
            fprintf(stderr, "chokepoint bot: unknown flag '%s'\n", args[optind - 1]);
            bad = 1;
            break;
        }
    }
    if (!bad && optind < argc + 1) {
        fprintf(stderr, "chokepoint bot: unexpected argument '%s'\n", args[optind]);
        bad = 1;
    }
    free(args);
    const char *missing = !b.url ? "--join" : !b.code ? "--code" : !b.agent ? "--agent" : NULL;
    if (!bad && missing) {
        fprintf(stderr, "chokepoint bot: %s is needed\n", missing);
        bad = 1;
    }
    if (bad) {
        usage(stderr);
        return 2;
    }
    char err[1400];
    if (bot_url_parse(b.url, b.host, sizeof b.host, &b.port, b.path, sizeof b.path, err,
                      sizeof err) != 0) {
        fprintf(stderr, "chokepoint bot: %s\n", err);
        return 2;
    }
    char name[41];
    if (!b.name) {
        const char *base = strrchr(b.agent, '/');
        snprintf(name, sizeof name, "bot %s", base ? base + 1 : b.agent);
        b.name = name;
    }
    if (rtt && !(b.rtt = fopen(rtt, "a"))) {
        fprintf(stderr, "chokepoint bot: --rtt %s cannot be written\n", rtt);
        return 2;
    }
    /* the first connection gets a few quick tries; once joined, a drop gets RETRIES */
    int tries = 0, ever_joined = 0, pause_ms = PAUSE_FIRST_MS, status = 1;
    for (;;) {
        b.joined_now = 0;
        err[0] = '\0';
        int st = session(&b, err, sizeof err);
        if (b.joined_now) { /* a drop after a join starts the count of attempts afresh */
            ever_joined = 1;
            tries = 0;
            pause_ms = PAUSE_FIRST_MS;
        }
        bot_conn_close(b.c);
        b.c = NULL;
        if (st == 0 && b.over) {
            printf("hash: %s\n", b.hash);
            status = 0;
            break;
        }
        if (st == -2) {
            if (err[0] && b.fatal == 2)
                fprintf(stderr, "chokepoint bot: %s\n", err);
            status = b.fatal ? b.fatal : 1;
            break;
        }
        if (++tries > (ever_joined ? RETRIES : FIRST_TRIES)) {
            fprintf(stderr, "chokepoint bot: cannot reach %s (ws://%s:%d%s): %s; gave up after "
                    "%d attempts\n", b.url, b.host, b.port, b.path, err, tries);
            break;
        }
        if (ever_joined)
            fprintf(stderr, "chokepoint bot: %s: %s; rejoining in %d ms\n", b.iso, err,
                    pause_ms);
        sleep_ms(pause_ms);
        pause_ms = pause_ms * 2 > PAUSE_MAX_MS ? PAUSE_MAX_MS : pause_ms * 2;
    }
    cJSON_Delete(b.world_waiting);
    bot_agent_close(b.a);
    if (b.rtt)
        fclose(b.rtt);
    fflush(stdout);
    return status;
}
