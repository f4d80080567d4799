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
int32_t series_next(int32_t start, series_by by);
void series_label(int32_t start, series_by by, char *out, size_t n);

/* The terminal chart: net cooperation per period as bars. */
void series_chart(FILE *out, const series_row_t *r, size_t n, series_by by);
/* An SVG chart with axes, labels, stacked quad-class bars and the Goldstein
 * mean; returns 0 or -1 (errno set) if the file cannot be written. */
int series_svg(const char *path, const char *title, const series_row_t *r, size_t n, series_by by);

#endif
