/* dyad code and dyad explain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/reader.h"
#include "cli.h"

static int code_usage(FILE *f)
{
    fputs("usage: dyad code [--format jsonl|tsv] [--date YYYY-MM-DD] [--dict DIR] [--strict] [--stats] [INPUT...]\n"
          "  INPUT: .txt (one article), .jsonl (one per line), .gz/.zst of those, folders, '-' for stdin\n"
          "  --date      date for input that has none (roles of people depend on it)\n"
          "  --stats     print articles, sentences, speed and peak memory to stderr\n"
          "  --monadic   also code events whose target is not named (target \"---\")\n"
          "  --petrarch DIR  code with a PETRARCH-2 dictionary folder (with --dict: merged)\n",
          f);
    return f == stdout ? 0 : 1;
}

int cmd_code(int argc, char **argv)
{
    const char *format = "jsonl", *dir = NULL, *date_s = NULL, *petr = NULL;
    int strict = 0, stats = 0, monadic = 0;
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    int ninputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            free(inputs);
            return code_usage(stdout);
        } else if (!strcmp(a, "--format") && i + 1 < argc) format = argv[++i];
        else if (!strcmp(a, "--date") && i + 1 < argc) date_s = argv[++i];
        else if (!strcmp(a, "--dict") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(a, "--petrarch") && i + 1 < argc) petr = argv[++i];
        else if (!strcmp(a, "--strict")) strict = 1;
        else if (!strcmp(a, "--stats")) stats = 1;
        else if (!strcmp(a, "--monadic")) monadic = 1;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: code: unknown option '%s'\n", a);
            free(inputs);
            return code_usage(stderr);
        } else inputs[ninputs++] = a;
    }
    int tsv = !strcmp(format, "tsv");
    if (!tsv && strcmp(format, "jsonl")) {
        fprintf(stderr, "dyad: code: format '%s' is not supported yet (jsonl, tsv)\n", format);
        free(inputs);
        return 1;
    }
    int32_t date = 0;
    if (date_s && (strlen(date_s) != 10 || !(date = cli_date(date_s)))) {
        fprintf(stderr, "dyad: code: bad --date '%s' (want YYYY-MM-DD)\n", date_s);
        free(inputs);
        return 1;
    }
    double t0 = cli_now(), load_ms;
    dict_t *d = cli_load_dicts(dir, petr, &load_ms);
    if (!d) {
        free(inputs);
        return 1;
    }
    diag_t diag;
    diag_init(&diag, 1, 0);
    reader_t *r = reader_new(&diag, strict);
    if (!ninputs) reader_add(r, "-");
    for (int i = 0; i < ninputs; i++) reader_add(r, inputs[i]);
    coder_t *c = coder_new(d);
    c->monadic = monadic;
    article_t a;
    int rc;
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    if (tsv) fputs("article\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tpattern\ttext\n", stdout);
    while ((rc = reader_next(r, &a)) == 1) {
        int32_t ad = cli_date(a.date);
        coder_article(c, a.text, a.len, ad ? ad : date);
        for (size_t i = 0; i < c->nev; i++) {
            if (tsv) cli_event_tsv(stdout, c, &c->ev[i], a.id);
            else cli_event_jsonl(stdout, c, &c->ev[i], a.id);
        }
    }
    fflush(stdout);
    double secs = cli_now() - t0;
    if (stats) {
        const coder_stats_t *s = &c->stats;
        double code_secs = secs - load_ms / 1000.0;
        fprintf(stderr,
                "dyad: %zu articles, %zu sentences, %zu events, %.1f MB in %.3f s (dictionaries %.1f ms): "
                "%.0f sentences/s, %.2f MB/s, peak memory %.1f MB, %zu bad input lines, %zu repaired bytes, "
                "%zu over-long sentences cut, %zu articles cut at 8 MiB\n",
                s->articles, s->sentences, s->events, (double)s->bytes / 1e6, secs, load_ms,
                code_secs > 0 ? (double)s->sentences / code_secs : 0.0,
                code_secs > 0 ? (double)s->bytes / 1e6 / code_secs : 0.0, (double)cli_peak_rss_kb() / 1024.0,
                reader_bad_lines(r), s->repairs, s->long_sentences, s->cut_articles);
    } else {
        if (reader_bad_lines(r)) fprintf(stderr, "dyad: %zu bad input line(s) skipped\n", reader_bad_lines(r));
        if (c->stats.cut_articles)
            fprintf(stderr, "dyad: %zu article(s) longer than 8 MiB were coded up to that length\n", c->stats.cut_articles);
        if (c->stats.long_sentences)
            fprintf(stderr, "dyad: %zu run-on sentence(s) were cut every %d tokens\n", c->stats.long_sentences, SENT_MAX_TOKENS);
        if (c->stats.repairs) fprintf(stderr, "dyad: %zu invalid UTF-8 sequence(s) or NUL byte(s) repaired\n", c->stats.repairs);
    }
    /* an input that could not be read at all is a failure, even if others were */
    int status = rc < 0 || diag.errors > reader_bad_lines(r) ? 1 : 0;
    coder_free(c);
    reader_free(r);
    dict_free(d);
    diag_free(&diag);
    free(inputs);
    return status;
}

int cmd_explain(int argc, char **argv)
{
    const char *text = NULL, *dir = NULL, *date_s = NULL, *petr = NULL;
    int monadic = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--date") && i + 1 < argc) date_s = argv[++i];
        else if (!strcmp(argv[i], "--monadic")) monadic = 1;
        else if (!strcmp(argv[i], "--dict") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(argv[i], "--petrarch") && i + 1 < argc) petr = argv[++i];
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            puts("usage: dyad explain \"SENTENCE OR TEXT\" [--date YYYY-MM-DD] [--dict DIR] [--petrarch DIR] [--monadic]");
            return 0;
        } else if (!text) text = argv[i];
        else {
            fprintf(stderr, "dyad: explain: give the text as one argument (quote it)\n");
            return 1;
        }
    }
    if (!text) {
        fprintf(stderr, "usage: dyad explain \"SENTENCE\" [--date YYYY-MM-DD] [--dict DIR] [--petrarch DIR] [--monadic]\n");
        return 1;
    }
    int32_t date = 0;
    if (date_s && (strlen(date_s) != 10 || !(date = cli_date(date_s)))) {
        fprintf(stderr, "dyad: explain: bad --date '%s' (want YYYY-MM-DD)\n", date_s);
        return 1;
    }
    dict_t *d = cli_load_dicts(dir, petr, NULL);
    if (!d) return 1;
    coder_t *c = coder_new(d);
    c->monadic = monadic;
    buf_t trace = BUF_INIT;
    c->trace = &trace;
    coder_article(c, text, strlen(text), date);
    if (c->dateline.len) printf("dateline: %s (kept as metadata)\n", c->dateline.p);
    fputs(trace.p ? trace.p : "", stdout);
    printf("%zu event(s)\n", c->nev);
    for (size_t i = 0; i < c->nev; i++) cli_event_tsv(stdout, c, &c->ev[i], "explain");
    buf_free(&trace);
    coder_free(c);
    dict_free(d);
    return 0;
}
