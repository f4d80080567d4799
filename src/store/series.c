#include "series.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/intern.h"
#include "query.h"

/* Days from 1970-01-01 for a civil date, and back (Howard Hinnant's algorithms). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int32_t civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

static long to_days(int32_t date) { return days_from_civil(date / 10000, date / 100 % 100, date % 100); }

long series_day_number(int32_t date) { return to_days(date); }
int32_t series_date_of(long day) { return civil_from_days(day); }

int32_t series_period(int32_t date, series_by by)
{
    int y = date / 10000, m = date / 100 % 100;
    switch (by) {
    case BY_DAY: return date;
    case BY_WEEK: {
        long z = to_days(date);
        long wd = ((z % 7) + 7 + 3) % 7; /* 0 = Monday; 1970-01-01 was a Thursday */
        return civil_from_days(z - wd);
    }
    case BY_MONTH: return y * 10000 + m * 100 + 1;
    case BY_QUARTER: return y * 10000 + ((m - 1) / 3 * 3 + 1) * 100 + 1;
    case BY_YEAR: return y * 10000 + 101;
    }
    return date;
}

int32_t series_next(int32_t start, series_by by)
{
    int y = start / 10000, m = start / 100 % 100;
    switch (by) {
    case BY_DAY: return civil_from_days(to_days(start) + 1);
    case BY_WEEK: return civil_from_days(to_days(start) + 7);
    case BY_MONTH: return m == 12 ? (y + 1) * 10000 + 101 : y * 10000 + (m + 1) * 100 + 1;
    case BY_QUARTER: return m >= 10 ? (y + 1) * 10000 + 101 : y * 10000 + (m + 3) * 100 + 1;
    case BY_YEAR: return (y + 1) * 10000 + 101;
    }
    return start;
}

void series_label(int32_t s, series_by by, char *out, size_t n)
{
    int y = s / 10000, m = s / 100 % 100, d = s % 100;
    switch (by) {
    case BY_DAY: snprintf(out, n, "%04d-%02d-%02d", y, m, d); break;
    case BY_WEEK: {
        /* ISO week number: the week's Thursday decides the year */
        long thu = to_days(s) + 3;
        int32_t td = civil_from_days(thu);
        int ty = td / 10000;
        long jan1 = days_from_civil(ty, 1, 1);
        snprintf(out, n, "%04d-W%02ld", ty, (thu - jan1) / 7 + 1);
        break;
    }
    case BY_MONTH: snprintf(out, n, "%04d-%02d", y, m); break;
    case BY_QUARTER: snprintf(out, n, "%04d-Q%d", y, (m - 1) / 3 + 1); break;
    case BY_YEAR: snprintf(out, n, "%04d", y); break;
    }
}



static series_row_t *row_for(series_t *r, int32_t start)
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
static int collect(sqlite3 *db, query_t *q, int swap, series_by by, int mentions, intern_t *seen, series_t *rows)
{
    buf_t sql = BUF_INIT;
    buf_puts(&sql, "SELECT e.date, e.quad, e.goldstein, e.mentions");
    if (q->one_a_day) buf_puts(&sql, ", e.source, e.target, e.code");
    buf_puts(&sql, " FROM events e WHERE 1");
    query_where(q, &sql, swap);
    buf_puts(&sql, " ORDER BY e.src_country, e.tgt_country, e.date");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql.p, -1, &st, NULL) != SQLITE_OK) {
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
    if (rc != SQLITE_DONE) return -1;
    return 0;
}

/* All stored events per period, for --normalize. */
static int totals(sqlite3 *db, series_by by, int mentions, int32_t from, int32_t to, series_t *rows)
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


const char *const series_by_names[] = {"day", "week", "month", "quarter", "year", NULL};

int series_parse_by(const char *s)
{
    for (int k = 0; series_by_names[k]; k++)
        if (!strcmp(s, series_by_names[k])) return k;
    return -1;
}

void series_free(series_t *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}

int series_compute(sqlite3 *db, query_t *q, series_by by, int mentions, int normalize, series_t *out, char *err,
                   size_t errlen)
{
    intern_t seen;
    intern_init(&seen);
    series_t rows = {NULL, 0, 0};
    memset(out, 0, sizeof *out);
    int status = 0;
    if (collect(db, q, 0, by, mentions, &seen, &rows) || (q->both && collect(db, q, 1, by, mentions, &seen, &rows))) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(db));
        status = -1;
    }
    /* every period in the range, empty ones too: a gap is a fact */
    if (!status && (rows.n || (q->from && q->to))) {
        int32_t a = q->from ? series_period(q->from, by) : rows.v[0].start;
        int32_t b = q->to ? series_period(q->to, by) : rows.v[rows.n - 1].start;
        size_t k = 0;
        for (int32_t p = a; p <= b; p = series_next(p, by)) {
            while (k < rows.n && rows.v[k].start < p) k++;
            series_row_t *r = row_for(out, p);
            if (k < rows.n && rows.v[k].start == p) *r = rows.v[k];
        }
        if (normalize && out->n &&
            totals(db, by, mentions, out->v[0].start, series_next(out->v[out->n - 1].start, by) - 1, out)) {
            snprintf(err, errlen, "%s", sqlite3_errmsg(db));
            status = -1;
        }
    }
    series_free(&rows);
    intern_free(&seen);
    return status;
}
