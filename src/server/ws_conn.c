/* ws_conn.c -- the WebSocket side of `serve`: a connection's life (accepted while there is room,
 * closed when done), its limits (frame size, the flood bucket, strikes for broken frames) and its
 * outbox, written by a sender thread of its own so that a slow or stalled client never holds up
 * the game or the others. What a well-formed message means is messages.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <civetweb.h>

#include "server.h"

/* ---- the outbox ------------------------------------------------------------------------- */

/* Queue 'len' bytes of text (close_after: a close frame follows). Past SRV_OUTBOX_MAX_BYTES the
 * client is too slow to keep: it is dropped (dead), and its outbox emptied. */
static void outbox_push(srv_conn *c, const char *text, size_t len, int close_after)
{
    srv_msg *m = malloc(sizeof *m + len + 1);
    if (!m)
        return;
    m->next = NULL;
    m->len = len;
    m->close_after = close_after;
    if (len)
        memcpy(m->text, text, len);
    m->text[len] = '\0';
    pthread_mutex_lock(&c->omu);
    if (c->dead || c->stop || c->queued_bytes + len > SRV_OUTBOX_MAX_BYTES) {
        if (!c->dead && !c->stop) {
            c->dead = 1; /* too far behind: dropped */
            fprintf(stderr, "serve: a client fell %zu bytes behind and is dropped\n",
                    c->queued_bytes);
        }
        pthread_mutex_unlock(&c->omu);
        free(m);
        return;
    }
    if (c->tail)
        c->tail->next = m;
    else
        c->head = m;
    c->tail = m;
    c->queued_bytes += len;
    pthread_cond_broadcast(&c->ocv);
    pthread_mutex_unlock(&c->omu);
}

/* The sender thread: writes the outbox in order; a failed write (the client gone, or stalled
 * past CivetWeb's request_timeout_ms) marks the connection dead, and nothing more is sent. */
static void *sender_main(void *arg)
{
    srv_conn *c = arg;
    pthread_mutex_lock(&c->omu);
    for (;;) {
        while (!c->head && !c->stop)
            pthread_cond_wait(&c->ocv, &c->omu);
        if (!c->head && c->stop)
            break;
        srv_msg *m = c->head;
        c->head = m->next;
        if (!c->head)
            c->tail = NULL;
        c->queued_bytes -= m->len;
        int dead = c->dead;
        pthread_mutex_unlock(&c->omu);
        int ok = 1;
        if (!dead && m->len)
            ok = mg_websocket_write(c->mc, MG_WEBSOCKET_OPCODE_TEXT, m->text, m->len) > 0;
        if (!dead && ok && m->close_after) {
            mg_websocket_write(c->mc, MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE, "\x03\xe8", 2);
            ok = 0; /* nothing after a close frame */
        }
        free(m);
        pthread_mutex_lock(&c->omu);
        if (!ok)
            c->dead = 1;
        pthread_cond_broadcast(&c->ocv); /* conn_drain may be waiting */
    }
    pthread_mutex_unlock(&c->omu);
    return NULL;
}

void conn_outbox_stop(srv_conn *c)
{
    pthread_mutex_lock(&c->omu);
    c->stop = 1;
    c->dead = 1;
    pthread_cond_broadcast(&c->ocv);
    pthread_mutex_unlock(&c->omu);
    if (c->sender_started)
        pthread_join(c->sender, NULL);
    c->sender_started = 0;
    while (c->head) {
        srv_msg *m = c->head;
        c->head = m->next;
        free(m);
    }
    c->tail = NULL;
}

/* Wait (at most 'seconds') until the outbox has been written or the connection is dead: what
 * was queued before a close (the error saying why) reaches the client first. */
static void conn_drain(srv_conn *c, double seconds)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += (time_t)seconds;
    pthread_mutex_lock(&c->omu);
    while (c->head && !c->dead && c->sender_started)
        if (pthread_cond_timedwait(&c->ocv, &c->omu, &until) != 0)
            break;
    pthread_mutex_unlock(&c->omu);
}

/* This connection ends now: it ignores everything further, its last messages are written, and
 * CivetWeb closes it (the data handler's 0). */
static int close_now(srv *s, srv_conn *c)
{
    pthread_mutex_lock(&s->mu);
    c->detached = 1;
    pthread_mutex_unlock(&s->mu);
    conn_drain(c, 2);
    return 0;
}

void conn_send(srv_conn *c, const cJSON *j)
{
    char *text = cJSON_PrintUnformatted(j);
    if (!text)
        return;
    outbox_push(c, text, strlen(text), 0);
    cJSON_free(text);
}

void conn_error(srv_conn *c, int req, const char *code, const char *message, int close_after)
{
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return;
    cJSON_AddStringToObject(j, "type", "error");
    if (req >= 0)
        cJSON_AddNumberToObject(j, "req", req);
    cJSON_AddStringToObject(j, "code", code);
    cJSON_AddStringToObject(j, "message", message);
    char *text = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    if (!text)
        return;
    outbox_push(c, text, strlen(text), close_after);
    cJSON_free(text);
}

/* ---- the frame's checks ----------------------------------------------------------------- */

/* Well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF). */
static int utf8_ok(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char b = p[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        int more;
        unsigned cp;
        if (b >= 0xC2 && b <= 0xDF) { more = 1; cp = b & 0x1F; }
        else if (b >= 0xE0 && b <= 0xEF) { more = 2; cp = b & 0x0F; }
        else if (b >= 0xF0 && b <= 0xF4) { more = 3; cp = b & 0x07; }
        else return 0;
        if (i + (size_t)more >= n)
            return 0;
        for (int k = 1; k <= more; k++) {
            if ((p[i + (size_t)k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i + (size_t)k] & 0x3F);
        }
        if ((more == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (more == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += (size_t)more + 1;
    }
    return 1;
}

/* The flood bucket: 1 when the message may be handled. The first overflow gets `flood` and the
 * message is dropped; a second within SRV_FLOOD_WINDOW_S closes the connection (-1). */
static int bucket_take(srv_conn *c)
{
    double now = srv_now_s();
    c->tokens += (now - c->refill_at_s) * SRV_BUCKET_REFILL_PER_S;
    if (c->tokens > SRV_BUCKET_TOKENS)
        c->tokens = SRV_BUCKET_TOKENS;
    c->refill_at_s = now;
    if (c->tokens >= 1) {
        c->tokens -= 1;
        return 1;
    }
    if (c->flooded && now - c->flood_at_s < SRV_FLOOD_WINDOW_S) {
        conn_error(c, -1, "flood", "too many messages again: the connection is closed", 1);
        return -1;
    }
    if (!c->flooded || now - c->flood_at_s >= SRV_FLOOD_WINDOW_S) {
        c->flooded = 1;
        c->flood_at_s = now;
        conn_error(c, -1, "flood",
                   "too many messages (more than 20 a second): this one is dropped; "
                   "again within 10 seconds closes the connection", 0);
    }
    return 0;
}

/* ---- CivetWeb's handlers ----------------------------------------------------------------- */

static int on_connect(const struct mg_connection *mc, void *cbdata)
{
    srv *s = cbdata;
    srv_conn *c = calloc(1, sizeof *c);
    if (!c)
        return 1;
    pthread_mutex_lock(&s->mu);
    if (s->conn_count >= SRV_MAX_CONNS || s->over) {
        pthread_mutex_unlock(&s->mu);
        free(c);
        return 1; /* refused: full */
    }
    c->s = s;
    c->seat = -1;
    c->tokens = SRV_BUCKET_TOKENS;
    c->refill_at_s = srv_now_s();
    pthread_mutex_init(&c->omu, NULL);
    pthread_cond_init(&c->ocv, NULL);
    s->conns[s->conn_count++] = c;
    pthread_mutex_unlock(&s->mu);
    mg_set_user_connection_data(mc, c);
    return 0;
}

static void on_ready(struct mg_connection *mc, void *cbdata)
{
    (void)cbdata;
    srv_conn *c = mg_get_user_connection_data(mc);
    if (!c)
        return;
    c->mc = mc;
    if (pthread_create(&c->sender, NULL, sender_main, c) == 0)
        c->sender_started = 1;
    else {
        pthread_mutex_lock(&c->omu);
        c->dead = 1;
        pthread_mutex_unlock(&c->omu);
    }
}

/* One frame from the client: 1 keeps the connection, 0 closes it. */
static int on_data(struct mg_connection *mc, int bits, char *data, size_t len, void *cbdata)
{
    srv *s = cbdata;
    srv_conn *c = mg_get_user_connection_data(mc);
    if (!c)
        return 0;
    int opcode = bits & 0x0F, fin = (bits & 0x80) != 0;
    if (opcode == MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE)
        return 0;
    pthread_mutex_lock(&c->omu);
    int dead = c->dead;
    pthread_mutex_unlock(&c->omu);
    pthread_mutex_lock(&s->mu);
    int detached = c->detached;
    pthread_mutex_unlock(&s->mu);
    if (dead || detached)
        return close_now(s, c);
    if (len > SRV_MAX_FRAME_BYTES) {
        char msg[120];
        snprintf(msg, sizeof msg, "a message of %zu bytes; at most %d: the connection is closed",
                 len, SRV_MAX_FRAME_BYTES);
        conn_error(c, -1, "too_large", msg, 1);
        return close_now(s, c);
    }
    int b = bucket_take(c); /* every frame counts, pings too */
    if (b < 0)
        return close_now(s, c);
    if (b == 0)
        return 1;
    if (opcode == MG_WEBSOCKET_OPCODE_PING || opcode == MG_WEBSOCKET_OPCODE_PONG)
        return 1; /* CivetWeb answers pings itself */
    if (opcode != MG_WEBSOCKET_OPCODE_TEXT || !fin) {
        conn_error(c, -1, "bad_message",
                   opcode == MG_WEBSOCKET_OPCODE_BINARY ? "binary frames are not read: send JSON text"
                                                        : "fragmented frames are not read: send "
                                                          "each message in one frame",
                   0);
        return 1;
    }
    cJSON *j = NULL;
    if (utf8_ok((const unsigned char *)data, len)) {
        const char *end = NULL;
        j = cJSON_ParseWithLengthOpts(data, len, &end, 0);
        /* nothing but white space after the object ('{"type":"ping"} and then some' is not a
         * message) */
        while (j && end && end < data + len && (*end == ' ' || *end == '\t' || *end == '\n' ||
                                                 *end == '\r'))
            end++;
        if (j && end != data + len) {
            cJSON_Delete(j);
            j = NULL;
        }
    }
    if (!j || !cJSON_IsObject(j)) {
        cJSON_Delete(j);
        c->bad_frames++;
        int close = c->bad_frames > SRV_MAX_BAD_FRAMES;
        conn_error(c, -1, "bad_message",
                   close ? "too many messages that are not JSON objects: the connection is closed"
                         : "not a JSON object in UTF-8 text",
                   close);
        return close ? close_now(s, c) : 1;
    }
    pthread_mutex_lock(&s->mu);
    int rc = c->detached ? -1 : srv_handle(s, c, j);
    pthread_mutex_unlock(&s->mu);
    cJSON_Delete(j);
    return rc < 0 ? close_now(s, c) : 1;
}

static void on_close(const struct mg_connection *mc, void *cbdata)
{
    srv *s = cbdata;
    srv_conn *c = mg_get_user_connection_data(mc);
    if (!c)
        return;
    pthread_mutex_lock(&s->mu);
    for (int k = 0; k < s->conn_count; k++)
        if (s->conns[k] == c) {
            s->conns[k] = s->conns[--s->conn_count];
            break;
        }
    int was_seat = c->role == ROLE_STUDENT && c->seat >= 0 && s->seat_conn[c->seat] == c;
    if (was_seat)
        s->seat_conn[c->seat] = NULL;
    if (was_seat)
        srv_broadcast_class(s);
    pthread_mutex_unlock(&s->mu);
    conn_outbox_stop(c);
    pthread_cond_destroy(&c->ocv);
    pthread_mutex_destroy(&c->omu);
    free(c);
}

void srv_ws_install(srv *s)
{
    mg_set_websocket_handler(s->ctx, "/ws", on_connect, on_ready, on_data, on_close, s);
}
