#include "api.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "../base/buf.h"
#include "../store/query.h"
#include "../store/series.h"

/* Request text echoed in a message may be any bytes: JSON needs UTF-8. */
static void make_utf8(char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            s[i++] = '?';
            continue;
        }
        i += (size_t)k;
    }
}

static json_t *fail(int *status, int code, const char *param, const char *fmt, ...)
{
    char msg[256], par[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    make_utf8(msg);
    *status = code;
    json_t *o = json_pack("{s:s}", "error", msg);
    if (param) {
        snprintf(par, sizeof par, "%s", param);
        make_utf8(par);
        json_object_set_new(o, "parameter", json_string(par));
    }
    return o;
}

static json_t *db_fail(int *status, sqlite3 *db)
{
    if (sqlite3_errcode(db) == SQLITE_INTERRUPT) return fail(status, 503, NULL, "the query took too long; narrow it");
    return fail(status, 500, NULL, "store error: %s", sqlite3_errmsg(db));
}

/* Take the filter parameters into q and the others into the named slots;
 * anything else is a 400 naming it. */
typedef struct {
    const char *name;
    const char **value;
} extra_t;

static json_t *parse(const api_param_t *p, int np, query_t *q, const extra_t *extra, int *status)
{
    char err[200];
    for (int i = 0; i < np; i++) {
        int done = 0;
        for (const extra_t *e = extra; e && e->name && !done; e++)
            if (!strcmp(p[i].name, e->name)) {
                *e->value = p[i].value;
                done = 1;
            }
        if (done) continue;
        int r = q ? query_set(q, p[i].name, p[i].value, err, sizeof err) : 0;
        if (r < 0) return fail(status, 400, p[i].name, "%s", err);
        if (r == 0 || !strcmp(p[i].name, "db")) return fail(status, 400, p[i].name, "unknown parameter '%.40s'", p[i].name);
    }
    return NULL;
}

static int parse_int(const char *v, long lo, long hi, long *out)
{
    if (!v) return 0;
    char *end;
    long x = strtol(v, &end, 10);
    if (!*v || *end || x < lo || x > hi) return -1;
    *out = x;
    return 1;
}

static int parse_flag(const char *v)
{
    if (!v) return 0;
    return !strcmp(v, "1") || !strcmp(v, "true") ? 1 : !strcmp(v, "0") || !strcmp(v, "false") ? 0 : -1;
}

static json_t *date_json(int32_t d)
{
    char s[16];
    if (d <= 0) return json_null();
    snprintf(s, sizeof s, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
    return json_string(s);
}

static json_t *span(sqlite3_stmt *st, int col) { return json_pack("[ii]", sqlite3_column_int(st, col), sqlite3_column_int(st, col + 1)); }

static json_t *col_text(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? json_string((const char *)t) : json_null();
}

/* ---- /api/series ------------------------------------------------------ */

static json_t *series(const api_param_t *p, int np, sqlite3 *db, int *status)
{
    query_t q;
    memset(&q, 0, sizeof q);
    const char *by_s = NULL, *count = NULL, *norm = NULL;
    extra_t extra[] = {{"by", &by_s}, {"count", &count}, {"normalize", &norm}, {NULL, NULL}};
    json_t *e = parse(p, np, &q, extra, status);
    if (e) return e;
    int by = series_parse_by(by_s ? by_s : "month");
    if (by < 0) return fail(status, 400, "by", "bad by '%.20s' (want day, week, month, quarter or year)", by_s);
    if (count && strcmp(count, "events") && strcmp(count, "mentions"))
        return fail(status, 400, "count", "bad count (want events or mentions)");
    int normalize = parse_flag(norm);
    if (normalize < 0) return fail(status, 400, "normalize", "bad normalize (want 1 or 0)");
    if (!q.source && !q.target) return fail(status, 400, "source", "give source and/or target");
    if (q.from && q.to && q.from > q.to) return fail(status, 400, "from", "from is after to");
    series_t s;
    char err[256];
    if (series_compute(db, &q, (series_by)by, count && !strcmp(count, "mentions"), normalize, &s, err, sizeof err)) return db_fail(status, db);
    if (s.n > API_MAX_PERIODS) {
        series_free(&s);
        return fail(status, 400, "by", "more than %d periods: choose a longer period or a shorter range", API_MAX_PERIODS);
    }
    json_t *arr = json_array();
    for (size_t i = 0; i < s.n; i++) {
        const series_row_t *r = &s.v[i];
        char lab[16];
        series_label(r->start, (series_by)by, lab, sizeof lab);
        int32_t next = series_next(r->start, (series_by)by);
        /* the last day of the period */
        int32_t end = r->start;
        for (int32_t dd = r->start; dd < next; dd = series_next(dd, BY_DAY)) end = dd;
        json_t *o = json_pack("{s:s,s:o,s:o,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f}", "period", lab, "start", date_json(r->start),
                              "end", date_json(end), "events", r->n, "verbal_coop", r->quad[1], "material_coop", r->quad[2],
                              "verbal_conflict", r->quad[3], "material_conflict", r->quad[4], "goldstein_sum", r->gsum,
                              "goldstein_mean", r->n ? r->gsum / r->n : 0.0, "net_coop",
                              r->quad[1] + r->quad[2] - r->quad[3] - r->quad[4]);
        if (normalize) {
            json_object_set_new(o, "total", json_real(r->total));
            json_object_set_new(o, "per_1000", json_real(r->total ? r->n / r->total * 1000 : 0));
        }
        json_array_append_new(arr, o);
    }
    series_free(&s);
    return json_pack("{s:s?,s:s?,s:b,s:s,s:s,s:o}", "source", q.source, "target", q.target, "both", q.both, "by",
                     series_by_names[by], "count", count ? count : "events", "series", arr);
}

/* ---- /api/events ------------------------------------------------------- */

static json_t *events(const api_param_t *p, int np, sqlite3 *db, const dict_t *d, int *status)
{
    query_t q;
    memset(&q, 0, sizeof q);
    const char *off_s = NULL;
    extra_t extra[] = {{"offset", &off_s}, {NULL, NULL}};
    json_t *e = parse(p, np, &q, extra, status);
    if (e) return e;
    long limit = q.limit ? q.limit : 50, offset = 0;
    if (limit > API_MAX_EVENTS) return fail(status, 400, "limit", "limit is at most %d", API_MAX_EVENTS);
    if (parse_int(off_s, 0, 100000000, &offset) < 0) return fail(status, 400, "offset", "bad offset (want 0 or more)");
    json_t *list = json_array();
    long long total = 0;
    for (int dir = 0; dir <= q.both; dir++) {
        buf_t sql = BUF_INIT;
        buf_puts(&sql, "SELECT count(*) FROM events e WHERE 1");
        query_where(&q, &sql, dir);
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql.p, -1, &st, NULL) != SQLITE_OK) {
            buf_free(&sql);
            json_decref(list);
            return db_fail(status, db);
        }
        query_bind(&q, st);
        if (sqlite3_step(st) != SQLITE_ROW) {
            sqlite3_finalize(st);
            buf_free(&sql);
            json_decref(list);
            return db_fail(status, db);
        }
        total += sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        buf_free(&sql);
    }
    /* both directions: one query over the union, paged */
    buf_t sql = BUF_INIT;
    buf_puts(&sql, "SELECT * FROM (");
    int nb[2] = {0, 0};
    const char *binds[2][16];
    for (int dir = 0; dir <= q.both; dir++) {
        if (dir) buf_puts(&sql, " UNION ALL ");
        buf_puts(&sql, "SELECT e.id, e.date, e.source, e.target, e.code, e.quad, e.goldstein, e.mentions, e.articles,"
                       " e.sources, e.loc, a.ext_id, m.sentence, m.text, m.sb, m.se, m.vb, m.ve, m.tb, m.te, m.pattern"
                       " FROM events e JOIN mentions m ON m.id = (SELECT min(id) FROM mentions WHERE event = e.id)"
                       " JOIN articles a ON a.id = m.article WHERE 1");
        query_where(&q, &sql, dir);
        nb[dir] = q.nbind;
        memcpy(binds[dir], q.bind, sizeof q.bind);
    }
    buf_printf(&sql, ") ORDER BY 2, 1 LIMIT %ld OFFSET %ld", limit, offset);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql.p, -1, &st, NULL) != SQLITE_OK) {
        buf_free(&sql);
        json_decref(list);
        return db_fail(status, db);
    }
    int k = 1;
    for (int dir = 0; dir <= q.both; dir++)
        for (int i = 0; i < nb[dir]; i++) sqlite3_bind_text(st, k++, binds[dir][i], -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 4);
        const cameo_t *cm = dict_cameo(d, code);
        json_t *o = json_pack("{s:I,s:o,s:o,s:o,s:s,s:s?,s:i,s:f,s:i,s:i,s:i,s:o,s:o,s:i,s:o,s:{s:o,s:o,s:o},s:o}", "id",
                              (json_int_t)sqlite3_column_int64(st, 0), "date", date_json(sqlite3_column_int(st, 1)),
                              "source", col_text(st, 2), "target", col_text(st, 3), "code", code, "name",
                              cm ? cm->name : NULL, "quad", sqlite3_column_int(st, 5), "goldstein",
                              sqlite3_column_double(st, 6), "mentions", sqlite3_column_int(st, 7), "articles",
                              sqlite3_column_int(st, 8), "sources", sqlite3_column_int(st, 9), "location",
                              col_text(st, 10), "article", col_text(st, 11), "sentence", sqlite3_column_int(st, 12),
                              "text", col_text(st, 13), "spans", "source", span(st, 14), "verb", span(st, 16), "target",
                              span(st, 18), "pattern", col_text(st, 20));
        json_array_append_new(list, o);
    }
    sqlite3_finalize(st);
    buf_free(&sql);
    if (rc != SQLITE_DONE) {
        json_decref(list);
        return db_fail(status, db);
    }
    return json_pack("{s:I,s:i,s:i,s:o}", "total", (json_int_t)total, "limit", (int)limit, "offset", (int)offset, "events",
                     list);
}

/* ---- /api/dyads ------------------------------------------------------- */

static json_t *dyads(const api_param_t *p, int np, sqlite3 *db, int *status)
{
    query_t q;
    memset(&q, 0, sizeof q);
    const char *by = NULL;
    extra_t extra[] = {{"by", &by}, {NULL, NULL}};
    json_t *e = parse(p, np, &q, extra, status);
    if (e) return e;
    if (q.source || q.target || q.actor || q.code || q.root || q.quad || q.search || q.both)
        return fail(status, 400, NULL, "dyads takes only by, from, to and limit");
    int change = by && !strcmp(by, "change");
    if (by && !change && strcmp(by, "volume")) return fail(status, 400, "by", "bad by (want volume or change)");
    long limit = q.limit ? q.limit : 20;
    if (limit > 100) return fail(status, 400, "limit", "limit is at most 100");
    int32_t from = q.from, to = q.to;
    if (!from || !to) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, "SELECT min(date), max(date) FROM events", -1, &st, NULL) != SQLITE_OK) return db_fail(status, db);
        if (sqlite3_step(st) == SQLITE_ROW) {
            if (!from) from = sqlite3_column_int(st, 0);
            if (!to) to = sqlite3_column_int(st, 1);
        }
        sqlite3_finalize(st);
    }
    /* change: the second half of the range against the first */
    int32_t mid = series_date_of((series_day_number(from) + series_day_number(to)) / 2);
    const char *sql = change ? "SELECT src_country, tgt_country, count(*), sum(date > ?3) - sum(date <= ?3) AS ch FROM events"
                               " WHERE date BETWEEN ?1 AND ?2 AND src_country != '---' AND tgt_country != '---'"
                               " AND src_country != tgt_country GROUP BY 1, 2 ORDER BY abs(ch) DESC, 3 DESC LIMIT ?4"
                             : "SELECT src_country, tgt_country, count(*), sum(date > ?3) - sum(date <= ?3) FROM events"
                               " WHERE date BETWEEN ?1 AND ?2 AND src_country != '---' AND tgt_country != '---'"
                               " AND src_country != tgt_country GROUP BY 1, 2 ORDER BY 3 DESC LIMIT ?4";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return db_fail(status, db);
    sqlite3_bind_int(st, 1, from);
    sqlite3_bind_int(st, 2, to);
    sqlite3_bind_int(st, 3, mid);
    sqlite3_bind_int64(st, 4, limit);
    json_t *list = json_array();
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(list, json_pack("{s:o,s:o,s:I,s:I}", "source", col_text(st, 0), "target", col_text(st, 1),
                                              "events", (json_int_t)sqlite3_column_int64(st, 2), "change",
                                              (json_int_t)sqlite3_column_int64(st, 3)));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        json_decref(list);
        return db_fail(status, db);
    }
    return json_pack("{s:s,s:o,s:o,s:o}", "by", change ? "change" : "volume", "from", date_json(from), "to", date_json(to),
                     "dyads", list);
}

/* ---- /api/actors ------------------------------------------------------- */

static json_t *actors(const api_param_t *p, int np, sqlite3 *db, const dict_t *d, int *status)
{
    const char *qs = NULL, *lim = NULL;
    extra_t extra[] = {{"q", &qs}, {"limit", &lim}, {NULL, NULL}};
    json_t *e = parse(p, np, NULL, extra, status);
    if (e) return e;
    long limit = 20;
    if (parse_int(lim, 1, 100, &limit) < 0) return fail(status, 400, "limit", "bad limit (want 1 to 100)");
    if (!qs || !*qs || strlen(qs) > 40) return fail(status, 400, "q", "give q, 1 to 40 characters");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM events WHERE src_country = ?1)"
                               " + (SELECT count(*) FROM events WHERE tgt_country = ?1)", -1, &st, NULL) != SQLITE_OK)
        return db_fail(status, db);
    json_t *list = json_array();
    size_t qn = strlen(qs);
    /* candidates: known three-letter codes whose code starts with, or whose
     * name contains, what was typed */
    for (uint32_t id = 1; id < d->codes.count; id++) {
        const char *code = intern_str(&d->codes, id);
        if (intern_find(&d->rolecodes, code, 3) || intern_find(&d->typecodes, code, 3)) continue;
        const char *label = dict_label(d, code);
        int hit = !strncasecmp(code, qs, qn);
        if (!hit && label)
            for (const char *s = label; *s && !hit; s++) hit = !strncasecmp(s, qs, qn);
        if (!hit) continue;
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, code, 3, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW) {
            sqlite3_finalize(st);
            json_decref(list);
            return db_fail(status, db);
        }
        json_array_append_new(list, json_pack("{s:s,s:s?,s:I}", "code", code, "label", label, "events",
                                              (json_int_t)sqlite3_column_int64(st, 0)));
    }
    sqlite3_finalize(st);
    /* most events first, then by code; keep the first limit */
    size_t n = json_array_size(list);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0; j--) {
            json_t *a = json_array_get(list, j - 1), *b = json_array_get(list, j);
            json_int_t ea = json_integer_value(json_object_get(a, "events")), eb = json_integer_value(json_object_get(b, "events"));
            if (ea > eb || (ea == eb && strcmp(json_string_value(json_object_get(a, "code")), json_string_value(json_object_get(b, "code"))) <= 0)) break;
            json_incref(a);
            json_array_set(list, j - 1, b);
            json_array_set_new(list, j, a);
        }
    while (json_array_size(list) > (size_t)limit) json_array_remove(list, json_array_size(list) - 1);
    return json_pack("{s:o}", "actors", list);
}

/* ---- /api/article ------------------------------------------------------ */

static json_t *article(const api_param_t *p, int np, sqlite3 *db, const dict_t *d, int *status)
{
    const char *id = NULL;
    extra_t extra[] = {{"id", &id}, {NULL, NULL}};
    json_t *e = parse(p, np, NULL, extra, status);
    if (e) return e;
    if (!id || !*id || strlen(id) > 300) return fail(status, 400, "id", "give the article id");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT id, ext_id, date, title, source, url, text FROM articles WHERE ext_id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return db_fail(status, db);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return fail(status, 404, "id", "no article '%.80s'", id);
    }
    long long art = sqlite3_column_int64(st, 0);
    const char *text = (const char *)sqlite3_column_text(st, 6);
    json_t *o = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "id", col_text(st, 1), "date", date_json(sqlite3_column_int(st, 2)),
                          "title", col_text(st, 3), "source", col_text(st, 4), "url", col_text(st, 5), "text", col_text(st, 6));
    char *body = strdup(text ? text : "");
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "SELECT sentence, source, target, code, sb, se, vb, ve, tb, te, text FROM mentions"
                               " WHERE article = ?1 ORDER BY sentence, id", -1, &st, NULL) != SQLITE_OK) {
        free(body);
        json_decref(o);
        return db_fail(status, db);
    }
    sqlite3_bind_int64(st, 1, art);
    json_t *list = json_array();
    const char *from = body;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *sent = (const char *)sqlite3_column_text(st, 10), *code = (const char *)sqlite3_column_text(st, 3);
        /* where the sentence stands in the text: sentences come in order */
        const char *at = sent ? strstr(from, sent) : NULL;
        if (!at && sent) at = strstr(body, sent);
        long start = at ? at - body : -1;
        if (at) from = at;
        const cameo_t *cm = dict_cameo(d, code);
        json_array_append_new(list, json_pack("{s:i,s:I,s:I,s:o,s:o,s:s,s:s?,s:{s:o,s:o,s:o}}", "sentence",
                                              sqlite3_column_int(st, 0), "start", (json_int_t)start, "end",
                                              (json_int_t)(start < 0 ? -1 : start + (long)strlen(sent)), "source",
                                              col_text(st, 1), "target", col_text(st, 2), "code", code, "name",
                                              cm ? cm->name : NULL, "spans", "source", span(st, 4), "verb", span(st, 6),
                                              "target", span(st, 8)));
    }
    sqlite3_finalize(st);
    free(body);
    json_object_set_new(o, "events", list);
    return o;
}

json_t *api_handle(const char *endpoint, const api_param_t *p, int np, sqlite3 *db, const dict_t *d, int *status)
{
    *status = 200;
    if (!strcmp(endpoint, "series")) return series(p, np, db, status);
    if (!strcmp(endpoint, "events")) return events(p, np, db, d, status);
    if (!strcmp(endpoint, "dyads")) return dyads(p, np, db, status);
    if (!strcmp(endpoint, "actors")) return actors(p, np, db, d, status);
    if (!strcmp(endpoint, "article")) return article(p, np, db, d, status);
    return fail(status, 404, NULL, "not found");
}
