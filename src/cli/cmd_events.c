/* dyad events: query stored events and show the sentences behind them. */
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../store/store.h"
#include "cli.h"
#include "../store/query.h"

static int events_usage(FILE *f)
{
    fputs("usage: dyad events --db FILE [--source CODE] [--target CODE] [--both] [--actor CODE] [--code CODE]\n"
          "                   [--root N] [--quad N] [--from DATE] [--to DATE] [--search WORDS] [--limit N]\n"
          "                   [--mentions] [--format text|tsv|jsonl] [--count]\n"
          "  events, deduplicated (or every mention with --mentions), each with a sentence that reports it:\n"
          "  the source is marked [..], the verb *..* and the target {..}.\n",
          f);
    return f == stdout ? 0 : 1;
}

/* The sentence with source, verb and target marked. */
static void marked(FILE *out, const char *text, int spans[6], int color)
{
    const char *open[3] = {color ? "\033[1;34m" : "[", color ? "\033[1m" : "*", color ? "\033[1;31m" : "{"};
    const char *close[3] = {color ? "\033[0m" : "]", color ? "\033[0m" : "*", color ? "\033[0m" : "}"};
    int n = (int)strlen(text);
    for (int i = 0; i <= n; i++) {
        for (int k = 2; k >= 0; k--) /* nested marks close in reverse order */
            if (spans[2 * k + 1] > spans[2 * k] && spans[2 * k + 1] == i) fputs(close[k], out);
        for (int k = 0; k < 3; k++)
            if (spans[2 * k + 1] > spans[2 * k] && spans[2 * k] == i) fputs(open[k], out);
        if (i < n) fputc(text[i], out);
    }
}

static void fmt_date(char *out, int d) { snprintf(out, 11, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100); }

int cmd_events(int argc, char **argv)
{
    query_t q;
    memset(&q, 0, sizeof q);
    q.limit = 100;
    int raw = 0, count = 0;
    const char *format = "text";
    for (int i = 1; i < argc; i++) {
        int r = query_option(&q, argc, argv, &i, "events");
        if (r < 0) return 1;
        if (r) continue;
        if (!strcmp(argv[i], "--mentions")) raw = 1;
        else if (!strcmp(argv[i], "--count")) count = 1;
        else if (!strcmp(argv[i], "--format") && i + 1 < argc) format = argv[++i];
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return events_usage(stdout);
        else {
            fprintf(stderr, "dyad: events: unknown option '%s'\n", argv[i]);
            return events_usage(stderr);
        }
    }
    int tsv = !strcmp(format, "tsv"), jsonl = !strcmp(format, "jsonl");
    if (!q.db || (!tsv && !jsonl && strcmp(format, "text"))) return events_usage(stderr);
    char err[512];
    store_t *st = store_open(q.db, 1, err, sizeof err);
    if (!st) {
        fprintf(stderr, "dyad: %s\n", err);
        return 1;
    }
    dict_t *d = cli_load_dict(NULL, NULL);
    buf_t sql = BUF_INIT;
    if (count) {
        buf_puts(&sql, "SELECT count(*), coalesce(sum(e.mentions), 0) FROM events e WHERE 1");
    } else if (raw) {
        buf_puts(&sql, "SELECT e.id, m.date, m.source, m.target, m.code, m.quad, m.goldstein, 1, 1, 1, m.loc, m.text,"
                       " m.sb, m.se, m.vb, m.ve, m.tb, m.te, a.ext_id, m.sentence, m.pattern"
                       " FROM mentions m JOIN events e ON e.id = m.event JOIN articles a ON a.id = m.article WHERE 1");
    } else {
        buf_puts(&sql, "SELECT e.id, e.date, e.source, e.target, e.code, e.quad, e.goldstein, e.mentions, e.articles,"
                       " e.sources, e.loc, m.text, m.sb, m.se, m.vb, m.ve, m.tb, m.te, a.ext_id, m.sentence, m.pattern"
                       " FROM events e JOIN mentions m ON m.id = (SELECT min(id) FROM mentions WHERE event = e.id)"
                       " JOIN articles a ON a.id = m.article WHERE 1");
    }
    query_where(&q, &sql, 0);
    if (!count) buf_printf(&sql, " ORDER BY e.date, e.id%s LIMIT %ld", raw ? ", m.id" : "", q.limit);
    sqlite3_stmt *s;
    int status = 0;
    if (sqlite3_prepare_v2(store_db(st), sql.p, -1, &s, NULL) != SQLITE_OK) {
        fprintf(stderr, "dyad: events: %s\n", sqlite3_errmsg(store_db(st)));
        status = 2;
        goto out;
    }
    query_bind(&q, s);
    int color = isatty(1) && !tsv && !jsonl;
    if (tsv && !count)
        puts("date\tsource\ttarget\tcode\tquad\tgoldstein\tmentions\tarticles\tsources\tlocation\tarticle\tsentence\tpattern\ttext");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (count) {
            printf("%lld events, %lld mentions\n", sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1));
            continue;
        }
        char date[16];
        fmt_date(date, sqlite3_column_int(s, 1));
        const char *src = (const char *)sqlite3_column_text(s, 2), *tgt = (const char *)sqlite3_column_text(s, 3);
        const char *code = (const char *)sqlite3_column_text(s, 4), *loc = (const char *)sqlite3_column_text(s, 10);
        const char *text = (const char *)sqlite3_column_text(s, 11), *art = (const char *)sqlite3_column_text(s, 18);
        const char *pat = (const char *)sqlite3_column_text(s, 20);
        int spans[6];
        for (int k = 0; k < 6; k++) spans[k] = sqlite3_column_int(s, 12 + k);
        /* column order is source, verb, target */
        const cameo_t *cm = d ? dict_cameo(d, code) : NULL;
        if (tsv) {
            printf("%s\t%s\t%s\t%s\t%d\t%.1f\t%d\t%d\t%d\t%s\t%s\t%d\t%s\t", date, src, tgt, code, sqlite3_column_int(s, 5),
                   sqlite3_column_double(s, 6), sqlite3_column_int(s, 7), sqlite3_column_int(s, 8), sqlite3_column_int(s, 9),
                   loc, art, sqlite3_column_int(s, 19), pat);
            for (const char *p = text; *p; p++) putchar(*p == '\t' || *p == '\n' ? ' ' : *p);
            putchar('\n');
        } else if (jsonl) {
            json_t *o = json_pack("{s:s,s:s,s:s,s:s,s:i,s:f,s:i,s:i,s:i,s:s,s:s,s:i,s:s,s:s}", "date", date, "source", src,
                                  "target", tgt, "code", code, "quad", sqlite3_column_int(s, 5), "goldstein",
                                  sqlite3_column_double(s, 6), "mentions", sqlite3_column_int(s, 7), "articles",
                                  sqlite3_column_int(s, 8), "sources", sqlite3_column_int(s, 9), "location", loc, "article",
                                  art, "sentence", sqlite3_column_int(s, 19), "pattern", pat, "text", text);
            char *line = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
            puts(line);
            free(line);
            json_decref(o);
        } else {
            printf("%s  %s -> %s  %s %s  (%d mention%s, %d article%s)%s%s  %s:%d\n    ", date, src, tgt, code,
                   cm ? cm->name : "", sqlite3_column_int(s, 7), sqlite3_column_int(s, 7) == 1 ? "" : "s",
                   sqlite3_column_int(s, 8), sqlite3_column_int(s, 8) == 1 ? "" : "s", loc[0] ? "  in " : "", loc, art,
                   sqlite3_column_int(s, 19));
            marked(stdout, text, spans, color);
            putchar('\n');
        }
    }
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "dyad: events: %s\n", sqlite3_errmsg(store_db(st)));
        status = 2;
    }
    sqlite3_finalize(s);
out:
    buf_free(&sql);
    dict_free(d);
    store_close(st);
    return status;
}
