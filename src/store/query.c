#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../dict/dict.h"

static int32_t parse_date(const char *s) { return strlen(s) == 10 && dict_parse_date(s, 10) > 0 ? dict_parse_date(s, 10) : 0; }

static int valid_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 3 || n > 15) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-')) return 0;
    return 1;
}

static int flag_value(const char *v)
{
    return !strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "yes") ? 1 : !strcmp(v, "0") || !strcmp(v, "false") || !strcmp(v, "no") ? 0 : -1;
}

int query_set(query_t *q, const char *name, const char *v, char *err, size_t errlen)
{
#define BAD(want) return snprintf(err, errlen, "bad %s '%.60s' (want %s)", name, v, want), -1
    if (!strcmp(name, "source") || !strcmp(name, "target") || !strcmp(name, "actor")) {
        if (!valid_code(v)) BAD("an actor code such as CHN or CHNGOV");
        if (name[0] == 's') q->source = v;
        else if (name[0] == 't') q->target = v;
        else q->actor = v;
    } else if (!strcmp(name, "code")) {
        if (strlen(v) < 2 || strlen(v) > 4 || strspn(v, "0123456789") != strlen(v)) BAD("a CAMEO code such as 042");
        q->code = v;
    } else if (!strcmp(name, "root")) {
        q->root = atoi(v);
        if (q->root < 1 || q->root > 20 || strspn(v, "0123456789") != strlen(v)) BAD("1 to 20");
    } else if (!strcmp(name, "quad")) {
        q->quad = atoi(v);
        if (q->quad < 1 || q->quad > 4 || strlen(v) != 1) BAD("1 to 4");
    } else if (!strcmp(name, "from") || !strcmp(name, "to")) {
        int32_t d = parse_date(v);
        if (!d) BAD("YYYY-MM-DD");
        if (name[0] == 'f') q->from = d;
        else q->to = d;
    } else if (!strcmp(name, "search") || !strcmp(name, "q")) {
        if (!*v || strlen(v) > 200) BAD("1 to 200 characters");
        q->search = v;
    } else if (!strcmp(name, "limit")) {
        q->limit = atol(v);
        if (q->limit < 1 || strspn(v, "0123456789") != strlen(v)) BAD("a positive number");
    } else if (!strcmp(name, "both")) {
        if ((q->both = flag_value(v)) < 0) BAD("1 or 0");
    } else if (!strcmp(name, "db")) {
        q->db = v;
    } else {
        return 0;
    }
    return 1;
#undef BAD
}

int query_option(query_t *q, int argc, char **argv, int *i, const char *cmd)
{
    const char *o = argv[*i];
    if (!strcmp(o, "--both")) return q->both = 1;
    if (!strcmp(o, "--one-a-day")) return q->one_a_day = 1;
    static const char *const with_value[] = {"--db", "--source", "--target", "--actor", "--code", "--root", "--quad",
                                             "--from", "--to", "--search", "--limit", NULL};
    int k = -1;
    for (int j = 0; with_value[j]; j++)
        if (!strcmp(o, with_value[j])) k = j;
    if (k < 0) return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "dyad: %s: %s needs a value\n", cmd, o);
        return -1;
    }
    char err[160];
    if (query_set(q, o + 2, argv[++*i], err, sizeof err) < 0) {
        fprintf(stderr, "dyad: %s: %s\n", cmd, err);
        return -1;
    }
    return 1;
}

static void actor_cond(query_t *q, buf_t *sql, const char *col_country, const char *col_code, const char *code)
{
    if (strlen(code) == 3) {
        buf_printf(sql, " AND e.%s = ?", col_country);
    } else {
        /* prefix match on the full code; the country column keeps the index usable */
        buf_printf(sql, " AND e.%s = substr(?, 1, 3) AND e.%s GLOB ? || '*'", col_country, col_code);
        q->bind[q->nbind++] = code;
    }
    q->bind[q->nbind++] = code;
}

void query_where(query_t *q, buf_t *sql, int swap)
{
    q->nbind = 0;
    const char *src = swap ? q->target : q->source, *tgt = swap ? q->source : q->target;
    if (src) actor_cond(q, sql, "src_country", "source", src);
    if (tgt) actor_cond(q, sql, "tgt_country", "target", tgt);
    if (q->actor) {
        buf_puts(sql, " AND (e.source GLOB ? || '*' OR e.target GLOB ? || '*')");
        q->bind[q->nbind++] = q->actor;
        q->bind[q->nbind++] = q->actor;
    }
    if (q->code) {
        buf_puts(sql, " AND e.code GLOB ? || '*'");
        q->bind[q->nbind++] = q->code;
    }
    if (q->root) buf_printf(sql, " AND e.root = %d", q->root);
    if (q->quad) buf_printf(sql, " AND e.quad = %d", q->quad);
    if (q->from) buf_printf(sql, " AND e.date >= %d", (int)q->from);
    if (q->to) buf_printf(sql, " AND e.date <= %d", (int)q->to);
    if (q->search) {
        buf_puts(sql, " AND e.id IN (SELECT m.event FROM mentions m JOIN mentions_fts f ON f.rowid = m.id"
                      " WHERE mentions_fts MATCH ?)");
        q->bind[q->nbind++] = q->search;
    }
}

void query_bind(const query_t *q, sqlite3_stmt *st)
{
    for (int i = 0; i < q->nbind; i++) sqlite3_bind_text(st, i + 1, q->bind[i], -1, SQLITE_STATIC);
}
