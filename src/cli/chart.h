/* chart — a dyad's series drawn for people: a bar chart of net cooperation
 * in the terminal, and an SVG file with axes, stacked quad-class bars and the
 * Goldstein mean. Both only read the rows they are given. */
#ifndef DYAD_CHART_H
#define DYAD_CHART_H

#include <stdio.h>

#include "../store/series.h"

void chart_terminal(FILE *out, const series_row_t *r, size_t n, series_by by);
/* Returns 0, or -1 (errno set) if the file cannot be written. */
int chart_svg(const char *path, const char *title, const series_row_t *r, size_t n, series_by by);

#endif
