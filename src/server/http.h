/* http — dyad serve: the dashboard and its JSON API over HTTP.
 *
 * libmicrohttpd runs the sockets and a small pool of worker threads; this
 * module routes GET requests to the API (api.h) or to the dashboard's files,
 * which are embedded in the binary at build time (nothing is read from disk,
 * so no path can reach outside them: "/../../etc/passwd" is just an unknown
 * name, 404).
 *
 * Each worker borrows a read-only store connection from a fixed pool, so
 * queries run in parallel and never block an ingest writing the same file
 * (WAL). Every query runs under a deadline (SQLite's progress handler) and
 * every result under a size cap; past either the client gets a clear error.
 *
 * Binds 127.0.0.1 unless told otherwise: the store is not meant for the
 * open internet without a proxy in front.
 */
#ifndef DYAD_HTTP_H
#define DYAD_HTTP_H

#include <stddef.h>

typedef struct http_server http_server_t;

typedef struct {
    const char *db;       /* store path */
    const char *host;     /* address to bind, "127.0.0.1" by default */
    int port;
    int threads;          /* worker threads = store connections */
    int timeout_ms;       /* per query */
} http_options_t;

http_server_t *http_start(const http_options_t *o, char *err, size_t errlen);
void http_stop(http_server_t *s);

#endif
