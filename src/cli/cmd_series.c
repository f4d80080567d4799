/* dyad series: a dyad's relations period by period. */
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/intern.h"
#include "../store/store.h"
#include "cli.h"
#include "query.h"
#include "series.h"

static int series_usage(FILE *f)
{
    fputs("usage: dyad series --db FILE --source CODE --target CODE [--both] --by day|week|month|quarter|year\n"
          "                   [--from DATE] [--to DATE] [--count events|mentions] [--one-a-day] [--normalize]\n"
          "                   [--format csv|tsv|json] [--plot FILE.svg] [--no-chart] [other event filters]\n"
          "  a three-letter code matches every actor of that country (CHN: CHNGOV, CHNMIL ...);\n"
          "  --both adds the reverse direction; --normalize adds each period's share per 1,000 of all stored events.\n",
          f);
    return f == stdout ? 0 : 1;
}

typedef struct {
    series_row_t *v;
    size_t n, cap;
} rows_t;

static series_row_t *row_for(rows_t *r, int32_t start)
{
    /* rows arrive mostly in date order: look from the end */
    size_t i = r->n;
    while (i > 0 && r->v[i - 1].start > start) i--;
    if (i > 0 && r->v[i - 1].start == start) return &r->v[i - 1];
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->v = realloc(r->v, r->cap * sizeof *r->v);
    }
    memmove(r->v + i + 1, r->v + i, (r->n - i) * sizeof *r->v);
    memset(&r->v[i], 0, sizeof *r->v);
    r->v[i].start = start;
    r->n++;
    return &r->v[i];
}

/* Read one direction of the dyad into rows. */
static int collect(sqlite3 *db, query_t *q, int swap, series_by by, int mentions, intern_t *seen, rows_t *rows)
{
    buf_t sql = BUF_INIT;
    buf_puts(&sql, "SELECT e.date, e.quad, e.goldstein, e.mentions");
    if (q->one_a_day) buf_puts(&sql, ", e.source, e.target, e.code");
    buf_puts(&sql, " FROM events e WHERE 1");
    query_where(q, &sql, swap);
    buf_puts(&sql, " ORDER BY e.src_country, e.tgt_country, e.date");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql.p, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "dyad: series: %s\n", sqlite3_errmsg(db));
        buf_free(&sql);
        return -1;
    }
    query_bind(q, st);
    int rc;
    char key[64];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int32_t date = sqlite3_column_int(st, 0);
        if (q->one_a_day) {
            /* the field's one-a-day filter: one event per day, dyad and code */
            int kn = snprintf(key, sizeof key, "%d|%s|%s|%s", date, sqlite3_column_text(st, 4), sqlite3_column_text(st, 5),
                              sqlite3_column_text(st, 6));
            size_t before = seen->count;
            intern_add(seen, key, (size_t)kn);
            if (seen->count == before) continue;
        }
        series_row_t *r = row_for(rows, series_period(date, by));
        double w = mentions && !q->one_a_day ? sqlite3_column_int(st, 3) : 1;
        int quad = sqlite3_column_int(st, 1);
        r->n += w;
        if (quad >= 1 && quad <= 4) r->quad[quad] += w;
        r->gsum += w * sqlite3_column_double(st, 2);
    }
    sqlite3_finalize(st);
    buf_free(&sql);
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "dyad: series: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    return 0;
}

/* All stored events per period, for --normalize. */
static int totals(sqlite3 *db, series_by by, int mentions, int32_t from, int32_t to, rows_t *rows)
{
    sqlite3_stmt *st;
    const char *sql = mentions ? "SELECT date, sum(mentions) FROM events WHERE date BETWEEN ?1 AND ?2 GROUP BY date"
                               : "SELECT date, count(*) FROM events WHERE date BETWEEN ?1 AND ?2 GROUP BY date";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_int(st, 1, from);
    sqlite3_bind_int(st, 2, to);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int32_t p = series_period(sqlite3_column_int(st, 0), by);
        for (size_t i = 0; i < rows->n; i++)
            if (rows->v[i].start == p) rows->v[i].total += sqlite3_column_double(st, 1);
    }
    sqlite3_finalize(st);
    return 0;
}

int cmd_series(int argc, char **argv)
{
    query_t q;
    memset(&q, 0, sizeof q);
    const char *by_s = "month", *format = "csv", *plot = NULL, *count = "events";
    int normalize = 0, chart = 1;
    for (int i = 1; i < argc; i++) {
        int r = query_option(&q, argc, argv, &i, "series");
        if (r < 0) return 1;
        if (r) continue;
        if (!strcmp(argv[i], "--by") && i + 1 < argc) by_s = argv[++i];
        else if (!strcmp(argv[i], "--format") && i + 1 < argc) format = argv[++i];
        else if (!strcmp(argv[i], "--plot") && i + 1 < argc) plot = argv[++i];
        else if (!strcmp(argv[i], "--count") && i + 1 < argc) count = argv[++i];
        else if (!strcmp(argv[i], "--normalize") || !strcmp(argv[i], "--normalise")) normalize = 1;
        else if (!strcmp(argv[i], "--no-chart")) chart = 0;
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return series_usage(stdout);
        else {
            fprintf(stderr, "dyad: series: unknown option '%s'\n", argv[i]);
            return series_usage(stderr);
        }
    }
    static const char *const bys[] = {"day", "week", "month", "quarter", "year", NULL};
    int by = -1;
    for (int k = 0; bys[k]; k++)
        if (!strcmp(by_s, bys[k])) by = k;
    int csv = !strcmp(format, "csv"), tsv = !strcmp(format, "tsv"), json = !strcmp(format, "json");
    int mentions = !strcmp(count, "mentions");
    if (!q.db || by < 0 || !(csv || tsv || json) || (!mentions && strcmp(count, "events"))) return series_usage(stderr);
    if (!q.source && !q.target) {
        fprintf(stderr, "dyad: series: give --source and/or --target\n");
        return 1;
    }
    char err[512];
    store_t *st = store_open(q.db, 1, err, sizeof err);
    if (!st) {
        fprintf(stderr, "dyad: %s\n", err);
        return 1;
    }
    intern_t seen;
    intern_init(&seen);
    rows_t rows = {NULL, 0, 0};
    int status = 0;
    if (collect(store_db(st), &q, 0, by, mentions, &seen, &rows) ||
        (q.both && collect(store_db(st), &q, 1, by, mentions, &seen, &rows)))
        status = 2;
    /* every period in the range, empty ones too: a gap is a fact */
    rows_t full = {NULL, 0, 0};
    if (!status && (rows.n || (q.from && q.to))) {
        int32_t a = q.from ? series_period(q.from, by) : rows.v[0].start;
        int32_t b = q.to ? series_period(q.to, by) : rows.v[rows.n - 1].start;
        size_t k = 0;
        for (int32_t p = a; p <= b; p = series_next(p, by)) {
            while (k < rows.n && rows.v[k].start < p) k++;
            series_row_t *r = row_for(&full, p);
            if (k < rows.n && rows.v[k].start == p) *r = rows.v[k];
        }
        if (normalize && full.n) totals(store_db(st), by, mentions, full.v[0].start, series_next(full.v[full.n - 1].start, by) - 1, &full);
    }
    const char *sep = tsv ? "\t" : ",";
    char src[64], tgt[64];
    snprintf(src, sizeof src, "%s", q.source ? q.source : "*");
    snprintf(tgt, sizeof tgt, "%s", q.target ? q.target : "*");
    if (!status && json) {
        json_t *arr = json_array();
        for (size_t i = 0; i < full.n; i++) {
            const series_row_t *r = &full.v[i];
            char lab[16];
            series_label(r->start, by, lab, sizeof lab);
            json_t *o = json_pack("{s:s,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f}", "period", lab, "events", r->n, "verbal_coop",
                                  r->quad[1], "material_coop", r->quad[2], "verbal_conflict", r->quad[3], "material_conflict",
                                  r->quad[4], "goldstein_sum", r->gsum, "goldstein_mean", r->n ? r->gsum / r->n : 0.0,
                                  "net_coop", r->quad[1] + r->quad[2] - r->quad[3] - r->quad[4]);
            if (normalize) {
                json_object_set_new(o, "total", json_real(r->total));
                json_object_set_new(o, "per_1000", json_real(r->total ? r->n / r->total * 1000 : 0));
            }
            json_array_append_new(arr, o);
        }
        json_t *doc = json_pack("{s:s,s:s,s:b,s:s,s:s,s:o}", "source", src, "target", tgt, "both", q.both, "by", bys[by],
                                "count", count, "series", arr);
        char *s = json_dumps(doc, JSON_INDENT(1) | JSON_REAL_PRECISION(6));
        puts(s);
        free(s);
        json_decref(doc);
    } else if (!status) {
        printf("period%sevents%sverbal_coop%smaterial_coop%sverbal_conflict%smaterial_conflict%sgoldstein_sum%s"
               "goldstein_mean%snet_coop%s\n", sep, sep, sep, sep, sep, sep, sep, sep, normalize ? (tsv ? "\ttotal\tper_1000" : ",total,per_1000") : "");
        for (size_t i = 0; i < full.n; i++) {
            const series_row_t *r = &full.v[i];
            char lab[16];
            series_label(r->start, by, lab, sizeof lab);
            printf("%s%s%g%s%g%s%g%s%g%s%g%s%.1f%s%.2f%s%g", lab, sep, r->n, sep, r->quad[1], sep, r->quad[2], sep,
                   r->quad[3], sep, r->quad[4], sep, r->gsum, sep, r->n ? r->gsum / r->n : 0.0, sep,
                   r->quad[1] + r->quad[2] - r->quad[3] - r->quad[4]);
            if (normalize) printf("%s%g%s%.3f", sep, r->total, sep, r->total ? r->n / r->total * 1000 : 0.0);
            putchar('\n');
        }
        if (chart && isatty(1) && full.n) series_chart(stdout, full.v, full.n, (series_by)by);
    }
    if (!status && plot) {
        char title[256];
        snprintf(title, sizeof title, "%s %s %s: %s by %s", src, q.both ? "<->" : "->", tgt, count, bys[by]);
        if (series_svg(plot, title, full.v, full.n, (series_by)by)) {
            fprintf(stderr, "dyad: %s: cannot write the plot\n", plot);
            status = 1;
        }
    }
    free(rows.v);
    free(full.v);
    intern_free(&seen);
    store_close(st);
    return status;
}
