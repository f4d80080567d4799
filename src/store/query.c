#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../dict/dict.h"

static int32_t parse_date(const char *s) { return strlen(s) == 10 && dict_parse_date(s, 10) > 0 ? dict_parse_date(s, 10) : 0; }

static int bad(const char *cmd, const char *opt, const char *val, const char *want)
{
    fprintf(stderr, "dyad: %s: bad %s '%s' (want %s)\n", cmd, opt, val, want);
    return -1;
}

static int valid_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 3 || n > 15) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-')) return 0;
    return 1;
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
    const char *v = argv[++*i];
    switch (k) {
    case 0: q->db = v; break;
    case 1: if (!valid_code(v)) return bad(cmd, o, v, "an actor code such as CHN or CHNGOV"); q->source = v; break;
    case 2: if (!valid_code(v)) return bad(cmd, o, v, "an actor code such as JPN or JPNGOV"); q->target = v; break;
    case 3: if (!valid_code(v)) return bad(cmd, o, v, "an actor code"); q->actor = v; break;
    case 4:
        if (strlen(v) < 2 || strlen(v) > 4 || strspn(v, "0123456789") != strlen(v)) return bad(cmd, o, v, "a CAMEO code such as 042");
        q->code = v;
        break;
    case 5: q->root = atoi(v); if (q->root < 1 || q->root > 20) return bad(cmd, o, v, "1 to 20"); break;
    case 6: q->quad = atoi(v); if (q->quad < 1 || q->quad > 4) return bad(cmd, o, v, "1 to 4"); break;
    case 7: if (!(q->from = parse_date(v))) return bad(cmd, o, v, "YYYY-MM-DD"); break;
    case 8: if (!(q->to = parse_date(v))) return bad(cmd, o, v, "YYYY-MM-DD"); break;
    case 9: q->search = v; break;
    case 10: q->limit = atol(v); if (q->limit < 1) return bad(cmd, o, v, "a positive number"); break;
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
