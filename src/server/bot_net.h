/* bot_net.h -- the bot's side of a WebSocket: one connection to the server's /ws with
 * CivetWeb's client, and the text messages it receives queued for the bot's one thread (CivetWeb
 * reads on a thread of its own). No JSON here: bot_main.c speaks the protocol.
 */
#ifndef CP_BOT_NET_H
#define CP_BOT_NET_H

#include <stddef.h>

typedef struct bot_conn bot_conn;

/* Split a --join URL ("http://HOST:PORT/", "ws://HOST:PORT/ws", "HOST:PORT") into its host,
 * port and the WebSocket path (always "/ws" for http:// and a bare address). 0, or -1 with a
 * message naming the URL's fault. */
int bot_url_parse(const char *url, char *host, size_t hlen, int *port, char *path, size_t plen,
                  char *err, size_t errlen);

/* Connect to ws://host:port/path. NULL with CivetWeb's reason in 'err'. */
bot_conn *bot_conn_open(const char *host, int port, const char *path, char *err, size_t errlen);
/* Send one text frame. 0, or -1 when the connection is gone. */
int bot_conn_send(bot_conn *c, const char *text, size_t len);
/* The next message received (malloc'd, NUL-terminated, the caller frees), waiting up to
 * 'timeout_ms'; NULL on a timeout or when the connection is closed and nothing is left
 * (*closed is then 1). */
char *bot_conn_next(bot_conn *c, int timeout_ms, int *closed);
/* Close (if still open) and free. NULL is fine. */
void bot_conn_close(bot_conn *c);

#endif
