/* series — a dyad's history, period by period (dyad series, its chart and plot).
 *
 * A period is named by its first day (YYYYMMDD): a week starts on Monday
 * (ISO weeks), a quarter on the 1st of January, April, July or October.
 * Counts are of deduplicated events, or of their mentions with --count
 * mentions; net cooperation is (verbal + material cooperation) minus
 * (verbal + material conflict).
 */
#ifndef DYAD_SERIES_H
#define DYAD_SERIES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum { BY_DAY, BY_WEEK, BY_MONTH, BY_QUARTER, BY_YEAR } series_by;

typedef struct {
    int32_t start;          /* first day of the period */
    double n;               /* events (or mentions) */
    double quad[5];         /* by quad class 1..4 */
    double gsum;            /* Goldstein sum */
    double total;           /* all events in the period, for normalising; 0 if not asked */
} series_row_t;

int32_t series_period(int32_t date, series_by by);
/* Days since 1970-01-01 of a YYYYMMDD date, and back. */
long series_day_number(int32_t date);
int32_t series_date_of(long day);
int32_t series_next(int32_t start, series_by by);
void series_label(int32_t start, series_by by, char *out, size_t n);

typedef struct {
    series_row_t *v;
    size_t n, cap;
} series_t;

/* The series of the events q selects (with q->both, both directions), one
 * row per period from the first to the last (or q->from .. q->to), empty
 * periods included. mentions: weight events by their mentions. normalize:
 * fill each row's total with all stored events of its period. Returns 0, or
 * -1 with the SQLite message in err. */
struct sqlite3;
struct query;
int series_compute(struct sqlite3 *db, struct query *q, series_by by, int mentions, int normalize, series_t *out,
                   char *err, size_t errlen);
void series_free(series_t *s);

/* Parse "day" .. "year"; -1 if none. */
int series_parse_by(const char *s);
extern const char *const series_by_names[];

#endif
