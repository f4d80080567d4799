/* dyad export: stored events in the field's exchange formats. */
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/store.h"
#include "cli.h"
#include "../store/query.h"

static int export_usage(FILE *f)
{
    fputs("usage: dyad export --db FILE --format gdelt|icews|plover|csv [event filters as in dyad events]\n"
          "  gdelt   GDELT 1.0 event table: 57 tab-separated columns, fields dyad does not have left empty\n"
          "  icews   ICEWS coded-event TSV with its header\n"
          "  plover  one PLOVER JSON object per line (types through data/plover.txt)\n"
          "  csv     dyad's own columns, RFC 4180 quoting\n",
          f);
    return f == stdout ? 0 : 1;
}

/* An actor code split the way GDELT does: country, known group, up to three types. */
typedef struct {
    char country[4], group[4], type[3][4];
} parts_t;

static void split_actor(const dict_t *d, const char *code, parts_t *p)
{
    memset(p, 0, sizeof *p);
    size_t n = strlen(code);
    int nt = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        char part[4] = {code[i], code[i + 1], code[i + 2], 0};
        int is_role = intern_find(&d->rolecodes, part, 3) != 0, is_type = intern_find(&d->typecodes, part, 3) != 0;
        if (i == 0 && !is_role && !is_type && strcmp(part, "---")) memcpy(p->country, part, 4);
        else if (is_role || is_type) {
            if (nt < 3) memcpy(p->type[nt++], part, 4);
        } else if (strcmp(part, "---") && !p->group[0]) memcpy(p->group, part, 4);
    }
}

static void tsv_text(FILE *out, const char *s)
{
    for (; s && *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static void csv_text(FILE *out, const char *s)
{
    fputc('"', out);
    for (; s && *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void gdelt_actor(FILE *out, const dict_t *d, const char *code, const char *name)
{
    parts_t p;
    split_actor(d, code, &p);
    fprintf(out, "%s\t", code);
    tsv_text(out, name);
    /* CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1-3 */
    fprintf(out, "\t%s\t%s\t\t\t\t%s\t%s\t%s\t", p.country, p.group, p.type[0], p.type[1], p.type[2]);
}

int cmd_export(int argc, char **argv)
{
    query_t q;
    memset(&q, 0, sizeof q);
    q.limit = -1;
    const char *format = NULL;
    for (int i = 1; i < argc; i++) {
        int r = query_option(&q, argc, argv, &i, "export");
        if (r < 0) return 1;
        if (r) continue;
        if (!strcmp(argv[i], "--format") && i + 1 < argc) format = argv[++i];
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return export_usage(stdout);
        else {
            fprintf(stderr, "dyad: export: unknown option '%s'\n", argv[i]);
            return export_usage(stderr);
        }
    }
    if (!q.db || !format) return export_usage(stderr);
    int gdelt = !strcmp(format, "gdelt"), icews = !strcmp(format, "icews"), plover = !strcmp(format, "plover"),
        csv = !strcmp(format, "csv");
    if (!gdelt && !icews && !plover && !csv) {
        fprintf(stderr, "dyad: export: unknown format '%s'\n", format);
        return export_usage(stderr);
    }
    char err[512];
    store_t *st = store_open(q.db, 1, err, sizeof err);
    if (!st) {
        fprintf(stderr, "dyad: %s\n", err);
        return 1;
    }
    dict_t *d = cli_load_dict(NULL, NULL);
    if (!d) {
        store_close(st);
        return 2;
    }
    buf_t sql = BUF_INIT;
    buf_puts(&sql, "SELECT e.id, e.date, e.source, e.target, e.code, e.quad, e.goldstein, e.mentions, e.articles,"
                   " e.sources, e.loc, m.source_text, m.target_text, m.location, m.sentence, a.ext_id, a.source, m.text"
                   " FROM events e JOIN mentions m ON m.id = (SELECT min(id) FROM mentions WHERE event = e.id)"
                   " JOIN articles a ON a.id = m.article WHERE 1");
    query_where(&q, &sql, 0);
    buf_puts(&sql, " ORDER BY e.date, e.id");
    if (q.limit > 0) buf_printf(&sql, " LIMIT %ld", q.limit);
    sqlite3_stmt *s;
    int status = 0;
    if (sqlite3_prepare_v2(store_db(st), sql.p, -1, &s, NULL) != SQLITE_OK) {
        fprintf(stderr, "dyad: export: %s\n", sqlite3_errmsg(store_db(st)));
        status = 2;
        goto out;
    }
    query_bind(&q, s);
    if (icews)
        puts("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
             "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
             "Province\tCountry\tLatitude\tLongitude");
    if (csv) puts("id,date,source,target,code,root,quad,goldstein,mentions,articles,sources,location,plover,article,sentence,text");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(s, 0);
        int date = sqlite3_column_int(s, 1), y = date / 10000, mo = date / 100 % 100, dd = date % 100;
        const char *src = (const char *)sqlite3_column_text(s, 2), *tgt = (const char *)sqlite3_column_text(s, 3);
        const char *code = (const char *)sqlite3_column_text(s, 4), *loc = (const char *)sqlite3_column_text(s, 10);
        const char *sname = (const char *)sqlite3_column_text(s, 11), *tname = (const char *)sqlite3_column_text(s, 12);
        const char *locname = (const char *)sqlite3_column_text(s, 13), *art = (const char *)sqlite3_column_text(s, 15);
        const char *publisher = (const char *)sqlite3_column_text(s, 16), *text = (const char *)sqlite3_column_text(s, 17);
        int quad = sqlite3_column_int(s, 5), sentence = sqlite3_column_int(s, 14);
        double gold = sqlite3_column_double(s, 6);
        int nm = sqlite3_column_int(s, 7), na = sqlite3_column_int(s, 8), ns = sqlite3_column_int(s, 9);
        const cameo_t *cm = dict_cameo(d, code);
        const plover_t *pl = dict_plover(d, code);
        if (gdelt) {
            fprintf(stdout, "%lld\t%d\t%04d%02d\t%d\t%.4f\t", id, date, y, mo, y, y + ((mo - 1) * 30.42 + dd - 1) / 365.0);
            gdelt_actor(stdout, d, src, sname);
            gdelt_actor(stdout, d, tgt, tname);
            /* IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass, Goldstein, NumMentions, NumSources,
             * NumArticles, AvgTone */
            fprintf(stdout, "%d\t%s\t%.3s\t%.2s\t%d\t%.1f\t%d\t%d\t%d\t\t", sentence == 0, code, code, code, quad, gold, nm,
                    ns, na);
            fputs("\t\t\t\t\t\t\t\t\t\t\t\t\t\t", stdout); /* Actor1Geo_* and Actor2Geo_*: 7 + 7 fields */
            /* ActionGeo_Type, FullName, CountryCode, ADM1Code, Lat, Long, FeatureID */
            fprintf(stdout, "%s\t", loc[0] ? "1" : "");
            tsv_text(stdout, locname);
            fprintf(stdout, "\t%s\t\t\t\t\t%d\n", loc, date); /* DATEADDED: dyad gives the event date */
        } else if (icews) {
            parts_t ps, pt;
            split_actor(d, src, &ps);
            split_actor(d, tgt, &pt);
            const char *sc = ps.country[0] ? dict_label(d, ps.country) : NULL, *tc = pt.country[0] ? dict_label(d, pt.country) : NULL;
            const char *ssec = ps.type[0][0] ? dict_label(d, ps.type[0]) : NULL, *tsec = pt.type[0][0] ? dict_label(d, pt.type[0]) : NULL;
            const char *lc = loc[0] ? dict_label(d, loc) : NULL;
            fprintf(stdout, "%lld\t%04d-%02d-%02d\t", id, y, mo, dd);
            tsv_text(stdout, sname);
            fprintf(stdout, "\t%s\t%s\t%s\t%s\t%.1f\t", ssec ? ssec : "", sc ? sc : "", cm ? cm->name : "", code, gold);
            tsv_text(stdout, tname);
            fprintf(stdout, "\t%s\t%s\t%s\t%d\t", tsec ? tsec : "", tc ? tc : "", art, sentence);
            tsv_text(stdout, publisher);
            fputc('\t', stdout);
            tsv_text(stdout, locname);
            fprintf(stdout, "\t\t\t%s\t\t\n", lc ? lc : "");
        } else if (plover) {
            char ds[16];
            snprintf(ds, sizeof ds, "%04d-%02d-%02d", y, mo, dd);
            json_t *o = json_pack("{s:I,s:s,s:s?,s:s?,s:{s:s,s:s?},s:{s:s,s:s?},s:s,s:f,s:i,s:i,s:i,s:s,s:i,s:s}", "id",
                                  (json_int_t)id, "date", ds, "event", pl ? pl->type : NULL,
                                  "mode", pl && pl->mode[0] ? pl->mode : NULL, "actor1", "code", src, "name", sname,
                                  "actor2", "code", tgt, "name", tname, "cameo", code, "goldstein", gold, "mentions", nm,
                                  "articles", na, "sources", ns, "article", art, "sentence", sentence, "text", text);
            if (loc[0]) json_object_set_new(o, "location", json_pack("{s:s?,s:s}", "name", locname, "country", loc));
            char *line = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
            puts(line);
            free(line);
            json_decref(o);
        } else {
            fprintf(stdout, "%lld,%04d-%02d-%02d,%s,%s,%s,%.2s,%d,%.1f,%d,%d,%d,%s,%s,", id, y, mo, dd, src, tgt, code, code,
                    quad, gold, nm, na, ns, loc, pl ? pl->type : "");
            csv_text(stdout, art);
            fprintf(stdout, ",%d,", sentence);
            csv_text(stdout, text);
            fputc('\n', stdout);
        }
    }
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "dyad: export: %s\n", sqlite3_errmsg(store_db(st)));
        status = 2;
    }
    sqlite3_finalize(s);
out:
    buf_free(&sql);
    dict_free(d);
    store_close(st);
    return status;
}
