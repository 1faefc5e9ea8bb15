/* bot_net.c -- the bot's WebSocket connection (bot_net.h): CivetWeb's client reads frames on its
 * own thread and hands them to on_data, which puts each whole text message on a queue that the
 * bot's thread takes from, waiting on a condition variable. A fragmented message is put
 * together before it is queued.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <civetweb.h>

#include "bot_net.h"
#include "server.h"

typedef struct msg {
    struct msg *next;
    char *text;
} msg;

struct bot_conn {
    struct mg_connection *mc;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    msg *head, *tail; /* with mu */
    int closed;       /* with mu: the server closed it, or the socket failed */
    /* the message being put together (the reader thread's only) */
    char *part;
    size_t part_len;
    int part_text;
};

int bot_url_parse(const char *url, char *host, size_t hlen, int *port, char *path, size_t plen,
                  char *err, size_t errlen)
{
    const char *p = url;
    int ws = 0;
    if (strncmp(p, "http://", 7) == 0)
        p += 7;
    else if (strncmp(p, "ws://", 5) == 0) {
        p += 5;
        ws = 1;
    } else if (strstr(p, "://")) {
        snprintf(err, errlen, "--join %s: only http:// and ws:// addresses are served", url);
        return -1;
    }
    const char *colon = NULL, *end = p;
    if (*p == '[') { /* [::1]:8600 */
        const char *close = strchr(p, ']');
        if (!close) {
            snprintf(err, errlen, "--join %s: an IPv6 address needs its closing ']'", url);
            return -1;
        }
        end = close + 1;
        colon = *end == ':' ? end : NULL;
    } else {
        while (*end && *end != '/' && *end != ':')
            end++;
        colon = *end == ':' ? end : NULL;
    }
    const char *host_from = *p == '[' ? p + 1 : p;
    size_t host_len = (size_t)((*p == '[' ? end - 1 : end) - host_from);
    if (host_len == 0 || host_len >= hlen) {
        snprintf(err, errlen, "--join %s: no host name in the address", url);
        return -1;
    }
    memcpy(host, host_from, host_len);
    host[host_len] = '\0';
    long n = 8600;
    const char *rest = end;
    if (colon) {
        char *stop;
        errno = 0;
        n = strtol(colon + 1, &stop, 10);
        if (stop == colon + 1 || errno || n < 1 || n > 65535 || (*stop && *stop != '/')) {
            snprintf(err, errlen, "--join %s: the port must be a number from 1 to 65535", url);
            return -1;
        }
        rest = stop;
    }
    *port = (int)n;
    /* the page's address (http://HOST:PORT/) or a bare one: the socket is at /ws */
    const char *want = ws && *rest && strcmp(rest, "/") != 0 ? rest : "/ws";
    if (strlen(want) >= plen) {
        snprintf(err, errlen, "--join %s: the path is too long", url);
        return -1;
    }
    snprintf(path, plen, "%s", want);
    return 0;
}

static void push(bot_conn *c, char *text)
{
    msg *m = malloc(sizeof *m);
    if (!m) {
        free(text);
        return;
    }
    m->next = NULL;
    m->text = text;
    pthread_mutex_lock(&c->mu);
    if (c->tail)
        c->tail->next = m;
    else
        c->head = m;
    c->tail = m;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
}

static void mark_closed(bot_conn *c)
{
    pthread_mutex_lock(&c->mu);
    c->closed = 1;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
}

/* A frame from the server (CivetWeb's reader thread): text frames and their continuations are
 * put together; a close frame ends the connection. Returns 1 to keep reading. */
static int on_data(struct mg_connection *mc, int flags, char *data, size_t len, void *ud)
{
    (void)mc;
    bot_conn *c = ud;
    int op = flags & 0x0f, fin = (flags & 0x80) != 0;
    if (op == MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE) {
        mark_closed(c);
        return 0;
    }
    if (op == MG_WEBSOCKET_OPCODE_TEXT || op == MG_WEBSOCKET_OPCODE_BINARY) {
        free(c->part);
        c->part = NULL;
        c->part_len = 0;
        c->part_text = op == MG_WEBSOCKET_OPCODE_TEXT;
    } else if (op != MG_WEBSOCKET_OPCODE_CONTINUATION) {
        return 1; /* ping, pong: CivetWeb answers pings itself */
    }
    char *grown = realloc(c->part, c->part_len + len + 1);
    if (!grown) {
        mark_closed(c);
        return 0;
    }
    c->part = grown;
    memcpy(c->part + c->part_len, data, len);
    c->part_len += len;
    c->part[c->part_len] = '\0';
    if (fin) {
        if (c->part_text)
            push(c, c->part);
        else
            free(c->part);
        c->part = NULL;
        c->part_len = 0;
    }
    return 1;
}

static void on_close(const struct mg_connection *mc, void *ud)
{
    (void)mc;
    mark_closed(ud);
}

/* CivetWeb wants its library set up once before the first connection, and its reader thread
 * needs room for the program's thread-local storage (thread_stack.c). */
static void init_library(void)
{
    srv_thread_stack_init();
    mg_init_library(0);
}

/* Send the bot's small frames at once: CivetWeb's client writes a frame's header and its body in
 * two calls, and with Nagle's algorithm the body waits for the server's delayed ACK of the
 * header (40 ms on Linux), which doubled every order's round trip. CivetWeb offers no way to
 * set TCP_NODELAY on a client connection, so the socket is found by its peer's port (the
 * bot has no other connection to it). */
static void no_delay(int port)
{
    for (int fd = 3; fd < 1024; fd++) {
        struct sockaddr_storage ss;
        socklen_t n = sizeof ss;
        if (getpeername(fd, (struct sockaddr *)&ss, &n) != 0)
            continue;
        int peer = ss.ss_family == AF_INET    ? ntohs(((struct sockaddr_in *)&ss)->sin_port)
                   : ss.ss_family == AF_INET6 ? ntohs(((struct sockaddr_in6 *)&ss)->sin6_port)
                                              : -1;
        int one = 1;
        if (peer == port)
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
}

bot_conn *bot_conn_open(const char *host, int port, const char *path, char *err, size_t errlen)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_library);
    bot_conn *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->cv, NULL);
    char why[256] = "";
    c->mc = mg_connect_websocket_client(host, port, 0, why, sizeof why, path, NULL, on_data,
                                        on_close, c);
    if (!c->mc) {
        snprintf(err, errlen, "%s", why[0] ? why : "the connection failed");
        pthread_mutex_destroy(&c->mu);
        pthread_cond_destroy(&c->cv);
        free(c);
        return NULL;
    }
    no_delay(port);
    return c;
}

int bot_conn_send(bot_conn *c, const char *text, size_t len)
{
    pthread_mutex_lock(&c->mu);
    int closed = c->closed;
    pthread_mutex_unlock(&c->mu);
    if (closed)
        return -1;
    int n = mg_websocket_client_write(c->mc, MG_WEBSOCKET_OPCODE_TEXT, text, len);
    if (n <= 0) {
        mark_closed(c);
        return -1;
    }
    return 0;
}

char *bot_conn_next(bot_conn *c, int timeout_ms, int *closed)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&c->mu);
    while (!c->head && !c->closed)
        if (pthread_cond_timedwait(&c->cv, &c->mu, &until) == ETIMEDOUT)
            break;
    char *text = NULL;
    if (c->head) {
        msg *m = c->head;
        c->head = m->next;
        if (!c->head)
            c->tail = NULL;
        text = m->text;
        free(m);
    }
    *closed = !text && c->closed;
    pthread_mutex_unlock(&c->mu);
    return text;
}

void bot_conn_close(bot_conn *c)
{
    if (!c)
        return;
    /* joins CivetWeb's reader thread, which calls on_close first */
    mg_close_connection(c->mc);
    for (msg *m = c->head, *next; m; m = next) {
        next = m->next;
        free(m->text);
        free(m);
    }
    free(c->part);
    pthread_mutex_destroy(&c->mu);
    pthread_cond_destroy(&c->cv);
    free(c);
}
