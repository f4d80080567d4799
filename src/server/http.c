#include "http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/mem.h"
#include "../dict/dict.h"
#include "../store/store.h"
#include "api.h"

/* The dashboard's files, embedded at build time (see Makefile). */
typedef struct {
    const char *name, *data, *end;
} builtin_file_t;
extern const builtin_file_t dyad_web_files[];

#define POOL_MAX 32

struct http_server {
    struct MHD_Daemon *daemon;
    dict_t *dict;                 /* code names and labels, read-only */
    store_t *pool[POOL_MAX];
    int busy[POOL_MAX];
    int npool;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int timeout_ms;
};

static store_t *borrow(http_server_t *s, int *slot)
{
    pthread_mutex_lock(&s->mu);
    for (;;) {
        for (int i = 0; i < s->npool; i++)
            if (!s->busy[i]) {
                s->busy[i] = 1;
                *slot = i;
                pthread_mutex_unlock(&s->mu);
                return s->pool[i];
            }
        pthread_cond_wait(&s->cv, &s->mu);
    }
}

static void give_back(http_server_t *s, int slot)
{
    pthread_mutex_lock(&s->mu);
    s->busy[slot] = 0;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int past_deadline(void *deadline) { return now_ms() > *(double *)deadline; }

static enum MHD_Result respond(struct MHD_Connection *c, unsigned code, const char *type, const char *body, size_t n,
                            enum MHD_ResponseMemoryMode mode)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(n, (void *)body, mode);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    enum MHD_Result ret = MHD_queue_response(c, code, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_json(struct MHD_Connection *c, unsigned code, json_t *o)
{
    char *s = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6));
    json_decref(o);
    if (!s) return respond(c, 500, "application/json", "{\"error\":\"internal\"}", 20, MHD_RESPMEM_PERSISTENT);
    return respond(c, code, "application/json; charset=utf-8", s, strlen(s), MHD_RESPMEM_MUST_FREE);
}

static const char *content_type(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot) return "application/octet-stream";
    if (!strcmp(dot, ".html")) return "text/html; charset=utf-8";
    if (!strcmp(dot, ".js")) return "text/javascript; charset=utf-8";
    if (!strcmp(dot, ".css")) return "text/css; charset=utf-8";
    if (!strcmp(dot, ".svg")) return "image/svg+xml";
    if (!strcmp(dot, ".png")) return "image/png";
    return "application/octet-stream";
}

static enum MHD_Result serve_file(struct MHD_Connection *c, const char *url)
{
    const char *want = !strcmp(url, "/") ? "index.html" : !strncmp(url, "/static/", 8) ? url + 8 : NULL;
    if (want && !strchr(want, '/'))
        for (int i = 0; dyad_web_files[i].name; i++) {
            const char *n = dyad_web_files[i].name, *b = strrchr(n, '/');
            if (strcmp(b ? b + 1 : n, want)) continue;
            return respond(c, 200, content_type(want), dyad_web_files[i].data,
                        (size_t)(dyad_web_files[i].end - dyad_web_files[i].data), MHD_RESPMEM_PERSISTENT);
        }
    return send_json(c, 404, json_pack("{s:s}", "error", "not found"));
}

typedef struct {
    api_param_t p[API_MAX_PARAMS];
    int n, overflow;
} params_t;

static enum MHD_Result collect_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    params_t *ps = cls;
    if (ps->n == API_MAX_PARAMS) {
        ps->overflow = 1;
        return MHD_NO;
    }
    ps->p[ps->n].name = key;
    ps->p[ps->n].value = value ? value : "";
    ps->n++;
    return MHD_YES;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    (void)upload;
    http_server_t *s = cls;
    if (!*con_cls) { /* first call for this request: headers only */
        *con_cls = (void *)1;
        return MHD_YES;
    }
    if (*upload_size) { /* a body is not expected; drop it */
        *upload_size = 0;
        return MHD_YES;
    }
    if (strcmp(method, "GET") && strcmp(method, "HEAD"))
        return send_json(c, 405, json_pack("{s:s}", "error", "only GET is supported"));
    if (strncmp(url, "/api/", 5)) return serve_file(c, url);
    params_t ps;
    memset(&ps, 0, sizeof ps);
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_param, &ps);
    if (ps.overflow) return send_json(c, 400, json_pack("{s:s}", "error", "too many parameters"));
    for (int i = 0; i < ps.n; i++)
        for (int j = i + 1; j < ps.n; j++)
            if (!strcmp(ps.p[i].name, ps.p[j].name))
                return send_json(c, 400, json_pack("{s:s,s:s}", "error", "parameter given twice", "parameter", ps.p[i].name));
    int slot;
    store_t *st = borrow(s, &slot);
    sqlite3 *db = store_db(st);
    double deadline = now_ms() + s->timeout_ms;
    sqlite3_progress_handler(db, 2000, past_deadline, &deadline);
    int status;
    json_t *o = api_handle(url + 5, ps.p, ps.n, db, s->dict, &status);
    sqlite3_progress_handler(db, 0, NULL, NULL);
    give_back(s, slot);
    return send_json(c, (unsigned)status, o);
}

http_server_t *http_start(const http_options_t *o, char *err, size_t errlen)
{
    http_server_t *s = xcalloc(1, sizeof *s);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    s->timeout_ms = o->timeout_ms > 0 ? o->timeout_ms : 5000;
    s->npool = o->threads < 1 ? 1 : o->threads > POOL_MAX ? POOL_MAX : o->threads;
    for (int i = 0; i < s->npool; i++) {
        s->pool[i] = store_open(o->db, 1, err, errlen);
        if (!s->pool[i]) {
            http_stop(s);
            return NULL;
        }
    }
    diag_t dg;
    diag_init(&dg, 1, 0);
    s->dict = dict_new();
    dict_load_builtin(s->dict, &dg);
    dict_finish(s->dict);
    diag_free(&dg);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)o->port);
    if (inet_pton(AF_INET, o->host ? o->host : "127.0.0.1", &addr.sin_addr) != 1) {
        snprintf(err, errlen, "bad --host '%s' (want an IPv4 address such as 127.0.0.1)", o->host);
        http_stop(s);
        return NULL;
    }
    s->daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, (uint16_t)o->port, NULL, NULL, handle,
                                 s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE,
                                 (unsigned)s->npool, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
                                 MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                                 (size_t)64 * 1024, MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(err, errlen, "cannot listen on %s:%d (in use, or not allowed)", o->host ? o->host : "127.0.0.1", o->port);
        http_stop(s);
        return NULL;
    }
    return s;
}

void http_stop(http_server_t *s)
{
    if (!s) return;
    if (s->daemon) MHD_stop_daemon(s->daemon);
    for (int i = 0; i < s->npool; i++) store_close(s->pool[i]);
    dict_free(s->dict);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    free(s);
}
