/* dyad series: a dyad's relations period by period. */
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../store/store.h"
#include "cli.h"
#include "../store/query.h"
#include "../store/series.h"
#include "chart.h"

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
    const char *const *bys = series_by_names;
    int by = series_parse_by(by_s);
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
    series_t full;
    int status = 0;
    if (series_compute(store_db(st), &q, (series_by)by, mentions, normalize, &full, err, sizeof err)) {
        fprintf(stderr, "dyad: series: %s\n", err);
        status = 2;
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
        if (chart && isatty(1) && full.n) chart_terminal(stdout, full.v, full.n, (series_by)by);
    }
    if (!status && plot) {
        char title[256];
        snprintf(title, sizeof title, "%s %s %s: %s by %s", src, q.both ? "<->" : "->", tgt, count, bys[by]);
        if (chart_svg(plot, title, full.v, full.n, (series_by)by)) {
            fprintf(stderr, "dyad: %s: cannot write the plot\n", plot);
            status = 1;
        }
    }
    series_free(&full);
    store_close(st);
    return status;
}
