/* dyad eval: score the coder against gold records (SPEC, "Gold records and scoring"). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

enum { LV_EXACT, LV_ROOT, LV_QUAD, LV_N };
static const char *const level_names[LV_N] = {"exact", "country-root", "quad"};

typedef struct {
    char key[LV_N][40];
} ekey_t;

/* Country codes of older gold files that are not CAMEO's own (the PLOVER
 * gold standard writes Japan as JAP, Italy as ITL, Vietnam as VTN). */
static const char *legacy_code(const char *c)
{
    /* older CAMEO codes in gold files, and ISO codes where CAMEO (and dyad) keep their own */
    static const char *const map[][2] = {{"JAP", "JPN"}, {"ITL", "ITA"}, {"VTN", "VNM"}, {"TLS", "TMP"},
                                         {"MNE", "MTN"}, {"ROU", "ROM"}, {"XKX", "KSV"}, {NULL, NULL}};
    for (int i = 0; map[i][0]; i++)
        if (!strcmp(c, map[i][0])) return map[i][1];
    return c;
}

static int quad_of(const dict_t *d, const char *code)
{
    const cameo_t *c = dict_cameo(d, code);
    if (c) return c->quad;
    char root[3] = {code[0], code[1], 0};
    c = dict_cameo(d, root);
    return c ? c->quad : 0;
}

static void make_key(const dict_t *d, const char *src, const char *tgt, const char *code, ekey_t *k)
{
    snprintf(k->key[LV_EXACT], 40, "%s|%s|%s", src, tgt, code);
    snprintf(k->key[LV_ROOT], 40, "%.3s|%.3s|%.2s", src, tgt, code);
    snprintf(k->key[LV_QUAD], 40, "%.3s|%.3s|%d", src, tgt, quad_of(d, code));
}

/* Matches between two multisets of keys at one level. */
static size_t matches(const ekey_t *a, size_t na, const ekey_t *b, size_t nb, int lv)
{
    char *used = calloc(nb ? nb : 1, 1);
    size_t m = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (!used[j] && !strcmp(a[i].key[lv], b[j].key[lv])) {
                used[j] = 1;
                m++;
                break;
            }
    free(used);
    return m;
}

int cmd_eval(int argc, char **argv)
{
    const char *gold = NULL, *dir = NULL, *petr = NULL;
    int by_record = 0, monadic = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--gold") && i + 1 < argc) gold = argv[++i];
        else if (!strcmp(argv[i], "--dict") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(argv[i], "--petrarch") && i + 1 < argc) petr = argv[++i];
        else if (!strcmp(argv[i], "--by-record")) by_record = 1;
        else if (!strcmp(argv[i], "--monadic")) monadic = 1;
        else {
            fprintf(stderr, "usage: dyad eval --gold FILE.jsonl [--dict DIR] [--petrarch DIR] [--monadic] [--by-record]\n");
            return 1;
        }
    }
    if (!gold) {
        fprintf(stderr, "usage: dyad eval --gold FILE.jsonl [--dict DIR] [--petrarch DIR] [--monadic] [--by-record]\n");
        return 1;
    }
    FILE *f = fopen(gold, "r");
    if (!f) {
        fprintf(stderr, "dyad: %s: cannot open\n", gold);
        return 1;
    }
    dict_t *d = cli_load_dicts(dir, petr, NULL);
    if (!d) {
        fclose(f);
        return 1;
    }
    coder_t *c = coder_new(d);
    size_t plover_records = 0, plover_type = 0, plover_any = 0, plover_src = 0, plover_src_records = 0;
    size_t tp[LV_N] = {0}, npred = 0, ngold = 0, records = 0, exact_records = 0, empty_ok = 0, bad = 0;
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        lineno++;
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)len, 0, &err);
        json_t *text = o ? json_object_get(o, "text") : NULL;
        json_t *evs = o ? json_object_get(o, "events") : NULL;
        if (!json_is_string(text) || !json_is_array(evs)) {
            fprintf(stderr, "dyad: %s:%ld: %s; record skipped\n", gold, lineno, o ? "no text or events" : err.text);
            bad++;
            json_decref(o);
            continue;
        }
        records++;
        const char *date = json_string_value(json_object_get(o, "date"));
        /* PETRARCH unit-test records say whether events must be dyads; a PLOVER
         * event needs no target, so PLOVER-labelled records are coded so */
        json_t *lab = json_object_get(o, "labels");
        const char *rd = json_string_value(json_object_get(json_object_get(lab, "petr_config"), "require_dyad"));
        int plover_rec = json_is_string(json_object_get(lab, "plover_2021")) || json_is_string(json_object_get(lab, "plover"));
        c->monadic = monadic || plover_rec || (rd && !strcasecmp(rd, "false"));
        coder_article(c, json_string_value(text), json_string_length(text), cli_date(date));
        size_t ng = json_array_size(evs), np = c->nev;
        ekey_t *gk = calloc(ng ? ng : 1, sizeof *gk), *pk = calloc(np ? np : 1, sizeof *pk);
        for (size_t i = 0; i < ng; i++) {
            json_t *e = json_array_get(evs, i);
            const char *s = json_string_value(json_object_get(e, "source"));
            const char *t = json_string_value(json_object_get(e, "target"));
            const char *k = json_string_value(json_object_get(e, "code"));
            make_key(d, s ? s : "", t ? t : "", k ? k : "", &gk[i]);
        }
        for (size_t i = 0; i < np; i++) make_key(d, c->ev[i].source, c->ev[i].target, c->ev[i].code, &pk[i]);
        /* PLOVER-labelled gold: the first event's type and source country */
        json_t *labels = json_object_get(o, "labels");
        const char *gtype = json_string_value(json_object_get(labels, "plover_2021"));
        if (!gtype) gtype = json_string_value(json_object_get(labels, "plover"));
        if (gtype) {
            plover_records++;
            const char *gsrc = json_string_value(json_object_get(labels, "plover_source"));
            const plover_t *pt = np ? dict_plover(d, c->ev[0].code) : NULL;
            int type_ok = pt && !strcmp(pt->type, gtype), any_ok = 0;
            for (size_t i = 0; i < np && !any_ok; i++) {
                const plover_t *q = dict_plover(d, c->ev[i].code);
                any_ok = q && !strcmp(q->type, gtype);
            }
            plover_type += type_ok;
            plover_any += any_ok;
            int src_ok = 1;
            if (gsrc && gsrc[0]) {
                plover_src_records++;
                src_ok = np && !strncmp(c->ev[0].source, legacy_code(gsrc), 3);
                plover_src += src_ok;
            }
            if (by_record && (!type_ok || !src_ok)) {
                const char *id = json_string_value(json_object_get(o, "id"));
                printf("PLOVER %s: gold %s %s, dyad %s %s (%s)\n  %s\n", id ? id : "?", gtype, gsrc ? gsrc : "",
                       pt ? pt->type : "-", np ? c->ev[0].source : "-",
                       !type_ok && !src_ok ? "type and source wrong" : !type_ok ? "type wrong" : "source wrong",
                       json_string_value(text));
            }
        }
        size_t m[LV_N];
        for (int lv = 0; lv < LV_N; lv++) {
            m[lv] = matches(pk, np, gk, ng, lv);
            tp[lv] += m[lv];
        }
        npred += np;
        ngold += ng;
        int exact = m[LV_EXACT] == ng && m[LV_EXACT] == np;
        exact_records += exact;
        if (!ng && !np) empty_ok++;
        if (by_record && !exact) {
            const char *id = json_string_value(json_object_get(o, "id"));
            printf("MISS %s\n  text: %s\n  gold:", id ? id : "?", json_string_value(text));
            for (size_t i = 0; i < ng; i++) printf(" %s", gk[i].key[LV_EXACT]);
            printf("\n  dyad:");
            for (size_t i = 0; i < np; i++) printf(" %s", pk[i].key[LV_EXACT]);
            printf("\n");
        }
        free(gk);
        free(pk);
        json_decref(o);
    }
    free(line);
    fclose(f);
    printf("records\t%zu\nexact records\t%zu (%.1f%%)\ncorrect no-event records\t%zu\ngold events\t%zu\npredicted events\t%zu\n",
           records, exact_records, records ? 100.0 * (double)exact_records / (double)records : 0.0, empty_ok, ngold, npred);
    printf("level\tprecision\trecall\tF1\n");
    for (int lv = 0; lv < LV_N; lv++) {
        double p = npred ? (double)tp[lv] / (double)npred : 0, r = ngold ? (double)tp[lv] / (double)ngold : 0;
        double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        printf("%s\t%.3f\t%.3f\t%.3f\n", level_names[lv], p, r, f1);
    }
    if (plover_records) {
        printf("PLOVER-labelled records\t%zu\n", plover_records);
        printf("PLOVER type of the first event right\t%zu (%.1f%%)\n", plover_type,
               100.0 * (double)plover_type / (double)plover_records);
        printf("PLOVER type of any event right\t%zu (%.1f%%)\n", plover_any, 100.0 * (double)plover_any / (double)plover_records);
        if (plover_src_records)
            printf("source country of the first event right\t%zu of %zu (%.1f%%)\n", plover_src, plover_src_records,
                   100.0 * (double)plover_src / (double)plover_src_records);
    }
    coder_free(c);
    dict_free(d);
    return bad && !records ? 1 : 0;
}
