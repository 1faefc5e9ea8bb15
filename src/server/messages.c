/* messages.c -- what each client message does (docs/network.md): hello and its welcome, a seat's
 * orders, quotes, withdrawals, deals and readiness, ping. Every order and deal goes through the
 * core's one API and a refusal comes back with the core's message. Called with srv.mu held. */
#include <stdio.h>
#include <string.h>

#include "proto_json.h"
#include "server.h"

/* A reply object {"type":type,"req":req?}. */
static cJSON *reply(const char *type, int req)
{
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return NULL;
    cJSON_AddStringToObject(j, "type", type);
    if (req >= 0)
        cJSON_AddNumberToObject(j, "req", req);
    return j;
}

static void send_free(srv_conn *c, cJSON *j)
{
    if (j) {
        conn_send(c, j);
        cJSON_Delete(j);
    }
}

/* The name a student typed: control characters stripped, at most 40 characters (UTF-8 kept
 * whole), "" when nothing is left. */
static void clean_name(const char *in, char out[SRV_NAME_LEN])
{
    size_t o = 0;
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p && chars < 40;) {
        size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
        /* C0 and C1 controls, and the bidirectional overrides and isolates (U+202A..U+202E,
         * U+2066..U+2069) that would let a name turn the class table's text around */
        int bidi = n == 3 && p[0] == 0xE2 && p[1] && p[2] &&
                   ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
                    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9));
        if (*p < 0x20 || *p == 0x7F || bidi || (n == 2 && p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0)) {
            p += n;
            continue;
        }
        if (o + n >= SRV_NAME_LEN)
            break;
        for (size_t k = 0; k < n && p[k]; k++)
            out[o++] = (char)p[k];
        p += n;
        chars++;
    }
    out[o] = '\0';
}

/* hello: the code picks the role and seat; a second connection with a seat's code takes it
 * over (reconnection) and the older one is told `replaced` and closed. */
static int on_hello(srv *s, srv_conn *c, int req, const cJSON *m)
{
    char why[200];
    int v = 0;
    if (proto_get_int(m, "hello", "v", 0, 1 << 30, &v, why, sizeof why) <= 0) {
        conn_error(c, req, "bad_message", "hello.v: the protocol version (1) is needed", 0);
        return 0;
    }
    if (v != 1) {
        conn_error(c, req, "bad_version", "this server speaks protocol version 1", 1);
        return -1;
    }
    const char *code = NULL, *name = "", *client = "page";
    int rc = proto_get_string(m, "hello", "code", &code, why, sizeof why);
    if (rc == 0)
        snprintf(why, sizeof why, "hello.code: the join code is needed");
    if (rc <= 0 || proto_get_string(m, "hello", "name", &name, why, sizeof why) < 0 ||
        proto_get_string(m, "hello", "client", &client, why, sizeof why) < 0) {
        conn_error(c, req, "bad_message", why, 0);
        return 0;
    }
    if (strcmp(client, "page") != 0 && strcmp(client, "bot") != 0) {
        conn_error(c, req, "bad_message", "hello.client: \"page\" or \"bot\"", 0);
        return 0;
    }
    if (c->role != ROLE_NONE) {
        conn_error(c, req, "bad_message", "hello: this connection has already joined", 0);
        return 0;
    }
    const cp_world *w = cpg_world(s->g);
    int seat = -1, teacher = srv_code_equal(code, s->teacher_code);
    for (int n = 0; !teacher && n < cp_world_nation_count(w); n++)
        if (s->seat_code[n][0] && srv_code_equal(code, s->seat_code[n]))
            seat = n;
    if (!teacher && seat < 0) {
        c->bad_codes++;
        int close = c->bad_codes >= SRV_MAX_BAD_CODES;
        conn_error(c, req, "bad_code",
                   close ? "that code is not one of this game's, again: the connection is closed"
                         : "that code is not one of this game's (check it with your teacher)",
                   close);
        return close ? -1 : 0;
    }
    char clean[SRV_NAME_LEN];
    clean_name(name, clean);
    c->is_bot = strcmp(client, "bot") == 0;
    if (teacher) {
        c->role = ROLE_TEACHER;
        snprintf(c->name, sizeof c->name, "%s", clean[0] ? clean : "teacher");
    } else {
        c->role = ROLE_STUDENT;
        c->seat = seat;
        snprintf(c->name, sizeof c->name, "%.40s", clean[0] ? clean : cp_world_nation(w, seat)->name);
        srv_conn *old = s->seat_conn[seat];
        if (old && old != c) {
            old->detached = 1;
            old->role = ROLE_NONE;
            old->seat = -1;
            conn_error(old, -1, "replaced", "this seat was joined from another window", 1);
        }
        s->seat_conn[seat] = c;
        snprintf(s->seat_name[seat], sizeof s->seat_name[seat], "%s", c->name);
    }
    cJSON *wj = srv_welcome_json(s, c);
    if (wj && req >= 0)
        cJSON_AddNumberToObject(wj, "req", req);
    send_free(c, wj);
    if (c->is_bot)
        send_free(c, srv_world_json(s));
    srv_send_state(s, c);
    srv_broadcast_class(s);
    return 0;
}

/* The order in 'm' read for c's seat; 0 and 'o' filled, or -1 after an error reply. */
static int read_order(srv *s, srv_conn *c, int req, const cJSON *m, cp_order *o)
{
    char why[300];
    const cJSON *oj = cJSON_GetObjectItemCaseSensitive(m, "order");
    if (!oj) {
        conn_error(c, req, "bad_message", "order: missing (an object with a kind)", 0);
        return -1;
    }
    int rc = proto_order_from_json(oj, cpg_world(s->g), c->seat, o, why, sizeof why);
    if (rc == PROTO_NOT_YOURS) {
        conn_error(c, req, "not_your_seat", why, 0);
        return -1;
    }
    if (rc != PROTO_OK) {
        conn_error(c, req, "bad_message", why, 0);
        return -1;
    }
    return 0;
}

/* A message naming a nation ("nation":"CHN") other than the seat: not_your_seat. */
static int names_other_seat(srv *s, srv_conn *c, int req, const cJSON *m)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(m, "nation");
    if (!n)
        return 0;
    const cp_world *w = cpg_world(s->g);
    if (cJSON_IsString(n) && cp_world_find_nation(w, n->valuestring) == c->seat)
        return 0;
    conn_error(c, req, "not_your_seat", "nation: you act only for your own seat", 0);
    return 1;
}

static void on_quote(srv *s, srv_conn *c, int req, const cJSON *m)
{
    cp_order o;
    if (read_order(s, c, req, m, &o) != 0)
        return;
    cp_error err;
    cJSON *r = reply("quote", req);
    if (!r)
        return;
    if (cp_world_check(cpg_world(s->g), &o, &err) != CP_OK) {
        cJSON_AddBoolToObject(r, "ok", 0);
        cJSON_AddStringToObject(r, "message", err.message);
    } else {
        double now = 0, total = 0;
        cp_order_cost_musd(cpg_world(s->g), &o, &now, &total);
        cJSON_AddBoolToObject(r, "ok", 1);
        cJSON_AddNumberToObject(r, "cost_now_musd", now);
        cJSON_AddNumberToObject(r, "cost_total_musd", total);
    }
    send_free(c, r);
}

static void on_order(srv *s, srv_conn *c, int req, const cJSON *m)
{
    cp_order o;
    if (read_order(s, c, req, m, &o) != 0)
        return;
    cp_error err;
    cJSON *r = reply("order_result", req);
    if (!r)
        return;
    cp_world *w = cpg_world(s->g);
    if (cp_world_submit(w, &o, &err) != CP_OK) {
        cJSON_AddBoolToObject(r, "ok", 0);
        cJSON_AddStringToObject(r, "message", err.message);
        send_free(c, r);
        return;
    }
    cJSON_AddBoolToObject(r, "ok", 1);
    cJSON_AddNumberToObject(r, "index", cp_world_pending_count(w) - 1);
    send_free(c, r);
    srv_send_state(s, c);
}

static void on_withdraw(srv *s, srv_conn *c, int req, const cJSON *m)
{
    char why[200];
    int index = -1;
    int rc = proto_get_int(m, "withdraw", "index", 0, 1 << 30, &index, why, sizeof why);
    if (rc <= 0) {
        conn_error(c, req, "bad_message", rc ? why : "withdraw.index: missing (as in state.pending)", 0);
        return;
    }
    cp_world *w = cpg_world(s->g);
    cJSON *r = reply("order_result", req);
    if (!r)
        return;
    const cp_order *o = index < cp_world_pending_count(w) ? cp_world_pending(w, index) : NULL;
    cp_error err;
    if (o && o->nation != c->seat) {
        cJSON_Delete(r);
        conn_error(c, req, "not_your_seat", "withdraw.index: that order is another seat's", 0);
        return;
    }
    if (!o) {
        cJSON_AddBoolToObject(r, "ok", 0);
        cJSON_AddStringToObject(r, "message", "withdraw.index: no pending order has that index");
    } else if (cp_world_withdraw(w, index, &err) != CP_OK) {
        cJSON_AddBoolToObject(r, "ok", 0);
        cJSON_AddStringToObject(r, "message", err.message);
    } else {
        cJSON_AddBoolToObject(r, "ok", 1);
        cJSON_AddNumberToObject(r, "index", index);
    }
    send_free(c, r);
    srv_send_state(s, c);
}

static void on_deal(srv *s, srv_conn *c, int req, const cJSON *m)
{
    char why[300];
    const char *action = NULL;
    int got = proto_get_string(m, "deal", "action", &action, why, sizeof why);
    if (got <= 0) {
        conn_error(c, req, "bad_message", got ? why : "deal.action: missing "
                   "(propose, accept, reject, counter or withdraw)", 0);
        return;
    }
    int propose = strcmp(action, "propose") == 0, accept = strcmp(action, "accept") == 0,
        reject = strcmp(action, "reject") == 0, counter = strcmp(action, "counter") == 0,
        withdraw = strcmp(action, "withdraw") == 0;
    if (!(propose || accept || reject || counter || withdraw)) {
        conn_error(c, req, "bad_message",
                   "deal.action: propose, accept, reject, counter or withdraw", 0);
        return;
    }
    cp_world *w = cpg_world(s->g);
    int id = -1;
    if (!propose) {
        int rc = proto_get_int(m, "deal", "deal_id", 0, 1 << 30, &id, why, sizeof why);
        if (rc <= 0) {
            conn_error(c, req, "bad_message", rc ? why : "deal.deal_id: missing", 0);
            return;
        }
    }
    cp_deal d;
    if (propose || counter) {
        if (proto_deal_from_json(cJSON_GetObjectItemCaseSensitive(m, "deal"), w, c->seat, &d, why,
                                 sizeof why) != PROTO_OK) {
            conn_error(c, req, "bad_message", why, 0);
            return;
        }
    }
    const char *reason = NULL;
    if (reject && proto_get_string(m, "deal", "reason", &reason, why, sizeof why) < 0) {
        conn_error(c, req, "bad_message", why, 0);
        return;
    }
    cp_error err = {CP_OK, ""};
    cp_status st;
    if (propose) {
        id = cp_world_propose(w, &d, &err);
        st = id >= 0 ? CP_OK : err.code ? err.code : CP_ERR_BAD_VALUE;
    } else if (accept || reject) {
        st = cp_world_answer_why(w, id, c->seat, accept ? CP_ANSWER_ACCEPT : CP_ANSWER_REJECT,
                                 reason, &err);
    } else if (counter) {
        st = cp_world_counter(w, id, c->seat, &d, &err);
    } else {
        st = cp_world_withdraw_deal(w, id, c->seat, &err);
    }
    cJSON *r = reply("deal_result", req);
    if (!r)
        return;
    cJSON_AddBoolToObject(r, "ok", st == CP_OK);
    if (id >= 0)
        cJSON_AddNumberToObject(r, "deal_id", id);
    else
        cJSON_AddNullToObject(r, "deal_id");
    cJSON_AddStringToObject(r, "message", st == CP_OK ? "" : err.message);
    send_free(c, r);
    if (st == CP_OK)
        srv_broadcast_state(s); /* the other parties see it at once */
}

static void on_ready(srv *s, srv_conn *c, int req, const cJSON *m)
{
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(m, "ready");
    if (!cJSON_IsBool(r)) {
        conn_error(c, req, "bad_message", "ready.ready: true or false is needed", 0);
        return;
    }
    cpg_set_ready(s->g, c->seat, cJSON_IsTrue(r));
    srv_send_state(s, c);
    srv_broadcast_class(s);
    pthread_cond_broadcast(&s->wake);
}

int srv_handle(srv *s, srv_conn *c, const cJSON *m)
{
    char why[200];
    int req = -1;
    const char *type = NULL;
    if (proto_get_int(m, "", "req", 0, 2147483647, &req, why, sizeof why) < 0) {
        conn_error(c, -1, "bad_message", "req: a whole number from 0 to 2147483647", 0);
        return 0;
    }
    int rc = proto_get_string(m, "", "type", &type, why, sizeof why);
    if (rc <= 0) {
        conn_error(c, req, "bad_message", rc ? why : "type: missing", 0);
        return 0;
    }
    if (strcmp(type, "hello") == 0)
        return on_hello(s, c, req, m);
    if (strcmp(type, "ping") == 0) {
        send_free(c, reply("pong", req));
        return 0;
    }
    int known = strcmp(type, "quote") == 0 || strcmp(type, "order") == 0 ||
                strcmp(type, "withdraw") == 0 || strcmp(type, "deal") == 0 ||
                strcmp(type, "ready") == 0 || strcmp(type, "teacher") == 0;
    if (!known) {
        char msg[120];
        snprintf(msg, sizeof msg, "type: no message type '%.40s'", type);
        conn_error(c, req, "bad_message", msg, 0);
        return 0;
    }
    if (c->role == ROLE_NONE) {
        conn_error(c, req, "not_joined", "send hello with your code first", 0);
        return 0;
    }
    if (strcmp(type, "teacher") == 0) {
        if (c->role != ROLE_TEACHER) {
            conn_error(c, req, "not_teacher", "only the teacher's code may do that", 0);
            return 0;
        }
        srv_teacher(s, c, req, m);
        return 0;
    }
    if (c->role != ROLE_STUDENT) {
        conn_error(c, req, "not_your_seat", "the teacher plays no seat", 0);
        return 0;
    }
    if (s->over) {
        conn_error(c, req, "game_over", "the game is over", 0);
        return 0;
    }
    if (names_other_seat(s, c, req, m))
        return 0;
    if (!cpg_is_human(s->g, c->seat) && strcmp(type, "quote") != 0) {
        conn_error(c, req, "not_your_seat",
                   "the teacher has handed your seat to an agent for now", 0);
        return 0;
    }
    if (s->paused && strcmp(type, "quote") != 0) {
        conn_error(c, req, "paused", "the teacher has paused the game", 0);
        return 0;
    }
    if (strcmp(type, "quote") == 0)
        on_quote(s, c, req, m);
    else if (strcmp(type, "order") == 0)
        on_order(s, c, req, m);
    else if (strcmp(type, "withdraw") == 0)
        on_withdraw(s, c, req, m);
    else if (strcmp(type, "deal") == 0)
        on_deal(s, c, req, m);
    else
        on_ready(s, c, req, m);
    return 0;
}
