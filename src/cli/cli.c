#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

long cli_peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

int32_t cli_date(const char *s)
{
    if (!s || strlen(s) < 10) return 0;
    int32_t v = dict_parse_date(s, 10);
    return v > 0 ? v : 0;
}

dict_t *cli_load_dict(const char *dir, double *ms) { return cli_load_dicts(dir, NULL, ms); }

dict_t *cli_load_dicts(const char *dir, const char *petr, double *ms)
{
    double t0 = cli_now();
    diag_t diag;
    diag_init(&diag, 1, 0);
    dict_t *d = dict_new();
    size_t errs;
    if (dir) errs = dict_load_dir(d, dir, &diag);
    else errs = dict_load_builtin_parts(d, &diag, petr != NULL);
    size_t perrs = 0;
    if (petr) {
        /* the field's files have known defects: count them here, list them with dict check */
        diag_t pd;
        diag_init(&pd, 0, 0);
        dict_load_petrarch(d, petr, &pd);
        perrs = pd.errors;
        diag_free(&pd);
    }
    dict_finish(d);
    if (ms) *ms = (cli_now() - t0) * 1000.0;
    if (errs) fprintf(stderr, "dyad: %zu dictionary error(s); the entries above were skipped\n", errs);
    if (perrs)
        fprintf(stderr, "dyad: %s: %zu malformed entries skipped (dyad dict check --petrarch %s lists them)\n", petr, perrs,
                petr);
    if (!d->ncameo) {
        fprintf(stderr, "dyad: no CAMEO codebook loaded%s%s\n", dir ? " from " : "", dir ? dir : "");
        dict_free(d);
        d = NULL;
    }
    diag_free(&diag);
    return d;
}

static void fmt_date(char *out, size_t n, int32_t d)
{
    if (d > 0) snprintf(out, n, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
    else snprintf(out, n, "%s", "");
}

static json_t *span(uint32_t b, uint32_t e) { return json_pack("[ii]", (json_int_t)b, (json_int_t)e); }

void cli_event_jsonl(FILE *out, const coder_t *c, const event_t *e, const char *article)
{
    uint32_t sb, se;
    coder_sentence_span(c, e->sentence, &sb, &se);
    const char *s = c->text.p + sb;
    char date[16], root[3] = {e->code[0], e->code[1], 0}, pattern[512];
    fmt_date(date, sizeof date, e->date);
    snprintf(pattern, sizeof pattern, "%s:%u", dict_file(c->d, e->pfile), e->pline);
    json_t *o = json_object();
    json_object_set_new(o, "article", json_string(article));
    json_object_set_new(o, "sentence", json_integer(e->sentence));
    json_object_set_new(o, "date", json_string(date));
    json_object_set_new(o, "source", json_string(e->source));
    json_object_set_new(o, "target", json_string(e->target));
    json_object_set_new(o, "code", json_string(e->code));
    json_object_set_new(o, "root", json_string(root));
    json_object_set_new(o, "quad", e->cameo ? json_integer(e->cameo->quad) : json_null());
    json_object_set_new(o, "goldstein", e->cameo ? json_real(e->cameo->goldstein) : json_null());
    json_object_set_new(o, "source_text", json_stringn(s + e->sb, e->se - e->sb));
    json_object_set_new(o, "target_text", json_stringn(s + e->tb, e->te - e->tb));
    json_object_set_new(o, "verb_text", json_stringn(s + e->vb, e->ve - e->vb));
    json_t *sp = json_object();
    json_object_set_new(sp, "source", span(e->sb, e->se));
    json_object_set_new(sp, "target", span(e->tb, e->te));
    json_object_set_new(sp, "verb", span(e->vb, e->ve));
    json_object_set_new(o, "spans", sp);
    json_object_set_new(o, "text", json_stringn(s, se - sb));
    json_object_set_new(o, "pattern", json_string(pattern));
    if (e->loc[0]) {
        json_t *loc = json_object();
        json_object_set_new(loc, "name", json_stringn(s + e->lb, e->le - e->lb));
        json_object_set_new(loc, "country", json_string(e->loc));
        json_object_set_new(o, "location", loc);
    }
    json_object_set_new(o, "quote", json_boolean(e->quote));
    const plover_t *pl = dict_plover(c->d, e->code);
    if (pl) {
        json_t *po = json_object();
        json_object_set_new(po, "event", json_string(pl->type));
        if (pl->mode[0]) json_object_set_new(po, "mode", json_string(pl->mode));
        json_object_set_new(o, "plover", po);
    }
    char *line = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(3));
    fputs(line, out);
    fputc('\n', out);
    free(line);
    json_decref(o);
}

static void tsv_field(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        fputc(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch, out);
    }
}

void cli_event_tsv(FILE *out, const coder_t *c, const event_t *e, const char *article)
{
    uint32_t sb, se;
    coder_sentence_span(c, e->sentence, &sb, &se);
    char date[16];
    fmt_date(date, sizeof date, e->date);
    fprintf(out, "%s\t%u\t%s\t%s\t%s\t%s\t%.2s\t", article, e->sentence, date, e->source, e->target, e->code, e->code);
    if (e->cameo) fprintf(out, "%d\t%.1f\t", e->cameo->quad, e->cameo->goldstein);
    else fputs("\t\t", out);
    fprintf(out, "%s:%u\t", dict_file(c->d, e->pfile), e->pline);
    tsv_field(out, c->text.p + sb, se - sb);
    fputc('\n', out);
}
