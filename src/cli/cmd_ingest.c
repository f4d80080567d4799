/* dyad ingest: code articles and keep them in the store. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../store/store.h"
#include "../text/reader.h"
#include "cli.h"

static int ingest_usage(FILE *f)
{
    fputs("usage: dyad ingest --db FILE [--date YYYY-MM-DD] [--dict DIR] [--batch N] [--strict] [INPUT...]\n"
          "  codes the inputs and stores articles, mentions and deduplicated events; idempotent:\n"
          "  an article already stored with the same content is skipped, a changed one replaced.\n",
          f);
    return f == stdout ? 0 : 1;
}

static void progress(const reader_t *r, size_t articles, double t0, int final)
{
    double done, total;
    reader_progress(r, &done, &total);
    double secs = cli_now() - t0, rate = secs > 0 ? done / secs : 0;
    double frac = total > 0 ? done / total : 0;
    if (frac > 1) frac = 1;
    char bar[31];
    int fill = (int)(frac * 30);
    for (int i = 0; i < 30; i++) bar[i] = i < fill ? '#' : '.';
    bar[30] = 0;
    double left = rate > 0 && total > done ? (total - done) / rate : 0;
    fprintf(stderr, "\r[%s] %3.0f%%  %zu articles  %.1f/%.1f MB  %.1f MB/s  left %d:%02d ", bar, frac * 100, articles,
            done / 1e6, total / 1e6, rate / 1e6, (int)left / 60, (int)left % 60);
    if (final) fputc('\n', stderr);
    fflush(stderr);
}

int cmd_ingest(int argc, char **argv)
{
    const char *db = NULL, *dir = NULL, *date_s = NULL, *petr = NULL;
    int strict = 0;
    long batch = 500;
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    int ninputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            free(inputs);
            return ingest_usage(stdout);
        } else if (!strcmp(a, "--db") && i + 1 < argc) db = argv[++i];
        else if (!strcmp(a, "--date") && i + 1 < argc) date_s = argv[++i];
        else if (!strcmp(a, "--dict") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(a, "--petrarch") && i + 1 < argc) petr = argv[++i];
        else if (!strcmp(a, "--batch") && i + 1 < argc) batch = atol(argv[++i]);
        else if (!strcmp(a, "--strict")) strict = 1;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: ingest: unknown option '%s'\n", a);
            free(inputs);
            return ingest_usage(stderr);
        } else inputs[ninputs++] = a;
    }
    int32_t date = 0;
    if (!db || batch < 1 || (date_s && (strlen(date_s) != 10 || !(date = cli_date(date_s))))) {
        if (date_s && !date) fprintf(stderr, "dyad: ingest: bad --date '%s' (want YYYY-MM-DD)\n", date_s);
        free(inputs);
        return ingest_usage(stderr);
    }
    dict_t *d = cli_load_dicts(dir, petr, NULL);
    if (!d) {
        free(inputs);
        return 1;
    }
    char err[512];
    store_t *st = store_open(db, 0, err, sizeof err);
    if (!st) {
        fprintf(stderr, "dyad: %s\n", err);
        dict_free(d);
        free(inputs);
        return 1;
    }
    diag_t diag;
    diag_init(&diag, 1, 0);
    reader_t *r = reader_new(&diag, strict);
    if (!ninputs) reader_add(r, "-");
    for (int i = 0; i < ninputs; i++) reader_add(r, inputs[i]);
    coder_t *c = coder_new(d);
    int tty = isatty(2);
    double t0 = cli_now(), last = 0;
    size_t n = 0, added = 0, replaced = 0, unchanged = 0, mentions = 0, in_batch = 0;
    int rc = 0, status = 0;
    article_t a;
    if (store_begin(st)) status = 2;
    while (!status && (rc = reader_next(r, &a)) == 1) {
        n++;
        int32_t ad = cli_date(a.date);
        uint64_t h = store_hash(&a);
        int res;
        if (store_has(st, a.id, h)) {
            res = STORE_UNCHANGED; /* no need to code it again */
        } else {
            coder_article(c, a.text, a.len, ad ? ad : date);
            res = store_put(st, &a, h, ad ? ad : date, c);
            if (res > 0) mentions += c->nev;
        }
        if (res < 0) {
            fprintf(stderr, "\ndyad: %s: article %s: %s\n", db, a.id, store_error(st));
            status = 2;
            break;
        }
        added += res == STORE_ADDED;
        replaced += res == STORE_REPLACED;
        unchanged += res == STORE_UNCHANGED;
        if (++in_batch >= (size_t)batch) {
            if (store_commit(st) || store_begin(st)) {
                fprintf(stderr, "\ndyad: %s: %s\n", db, store_error(st));
                status = 2;
                break;
            }
            in_batch = 0;
        }
        if (tty && cli_now() - last > 0.2) {
            progress(r, n, t0, 0);
            last = cli_now();
        }
    }
    if (status != 2 && store_commit(st)) {
        fprintf(stderr, "dyad: %s: %s\n", db, store_error(st));
        status = 2;
    }
    if (tty) progress(r, n, t0, 1);
    if (!status && (rc < 0 || diag.errors > reader_bad_lines(r))) status = 1;
    fprintf(stderr, "dyad: %zu articles (%zu added, %zu replaced, %zu unchanged), %zu event mentions stored in %.1f s\n", n,
            added, replaced, unchanged, mentions, cli_now() - t0);
    coder_free(c);
    reader_free(r);
    store_close(st);
    dict_free(d);
    diag_free(&diag);
    free(inputs);
    return status;
}
