/* dyad serve: the dashboard and JSON API. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../server/http.h"
#include "cli.h"

static volatile sig_atomic_t stop;
static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

int cmd_serve(int argc, char **argv)
{
    http_options_t o = {NULL, "127.0.0.1", 8080, 4, 5000};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--db") && i + 1 < argc) o.db = argv[++i];
        else if (!strcmp(argv[i], "--host") && i + 1 < argc) o.host = argv[++i];
        else if (!strcmp(argv[i], "--port") && i + 1 < argc) o.port = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc) o.threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--timeout-ms") && i + 1 < argc) o.timeout_ms = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: dyad serve --db FILE [--port N] [--host ADDR] [--threads N] [--timeout-ms N]\n");
            return strcmp(argv[i], "--help") ? 1 : 0;
        }
    }
    if (!o.db || o.port < 1 || o.port > 65535) {
        fprintf(stderr, "usage: dyad serve --db FILE [--port N] [--host ADDR] [--threads N] [--timeout-ms N]\n");
        return 1;
    }
    char err[512];
    http_server_t *s = http_start(&o, err, sizeof err);
    if (!s) {
        fprintf(stderr, "dyad: serve: %s\n", err);
        return 1;
    }
    fprintf(stderr, "dyad: serving %s on http://%s:%d/ (Ctrl-C stops)\n", o.db, o.host, o.port);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    while (!stop) pause();
    http_stop(s);
    fprintf(stderr, "dyad: serve stopped\n");
    return 0;
}
