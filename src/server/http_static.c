/* http_static.c -- the student's page over plain HTTP: exactly four files, by fixed names, from
 * the web folder and the map asset. Nothing else on the disk is reachable (no directory listing,
 * no paths from the request), so a request cannot wander out of the folder. */
#include <stdio.h>
#include <string.h>

#include <civetweb.h>

#include "server.h"

#ifndef CP_DATA_DIR
#define CP_DATA_DIR "."
#endif

/* The files served: the request path, the file under the web folder (or the data folder for
 * the map), its type. */
static const struct {
    const char *uri, *file, *type;
    int in_assets; /* 1: under assets/ rather than the web folder */
} files[] = {
    {"/", "index.html", "text/html; charset=utf-8", 0},
    {"/index.html", "index.html", "text/html; charset=utf-8", 0},
    {"/app.js", "app.js", "text/javascript; charset=utf-8", 0},
    {"/style.css", "style.css", "text/css; charset=utf-8", 0},
    {"/map.cpmap", "world-110m.cpmap", "application/octet-stream", 1},
};

static int on_get(struct mg_connection *mc, void *cbdata)
{
    srv *s = cbdata;
    const struct mg_request_info *ri = mg_get_request_info(mc);
    if (strcmp(ri->request_method, "GET") != 0 && strcmp(ri->request_method, "HEAD") != 0) {
        mg_send_http_error(mc, 405, "%s", "Only GET here.");
        return 405;
    }
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        if (strcmp(ri->local_uri, files[k].uri) != 0)
            continue;
        char path[1200];
        if (files[k].in_assets)
            snprintf(path, sizeof path, "%s/assets/%s", CP_DATA_DIR, files[k].file);
        else
            snprintf(path, sizeof path, "%s/%s", s->opt.web, files[k].file);
        FILE *f = fopen(path, "rb");
        if (!f) {
            mg_send_http_error(mc, 404, "%s", "Not here (the page's files are missing).");
            return 404;
        }
        fclose(f);
        mg_send_mime_file(mc, path, files[k].type);
        return 200;
    }
    mg_send_http_error(mc, 404, "%s", "Not found.");
    return 404;
}

void srv_static_install(srv *s)
{
    mg_set_request_handler(s->ctx, "/", on_get, s);
}
