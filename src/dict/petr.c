#include "petr.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/buf.h"
#include "../base/mem.h"

petr_kind petr_file_kind(const char *base)
{
    char low[512];
    size_t n = strlen(base);
    if (n >= sizeof low) n = sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)base[i]);
    low[n] = 0;
    if (n < 4 || strcmp(low + n - 4, ".txt")) return PETR_NONE;
    if (strstr(low, "verbs") || !strncmp(low, "cameo", 5)) return PETR_VERBS;
    if (strstr(low, "actors")) return PETR_ACTORS;
    if (strstr(low, "agents")) return PETR_AGENTS;
    if (strstr(low, "discards")) return PETR_DISCARDS;
    if (strstr(low, "issue")) return PETR_ISSUES;
    return PETR_NONE;
}


void petr_report(diag_t *diag, const char *file, long line, diag_level lvl, const char *fmt, ...)
{
    va_list ap;
    buf_t b = BUF_INIT;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    diag_add(diag, lvl, file, line, "%s", b.p);
    buf_free(&b);
}

#define perr(c, lvl, ...) petr_report((c)->diag, (c)->file, (c)->line, (lvl), __VA_ARGS__)

int petr_line(const char **p, const char *end, const char **s, const char **e, int *had_comment)
{
    if (*p >= end) return 0;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    const char *le = nl ? nl : end;
    const char *hash = memchr(*p, '#', (size_t)(le - *p));
    *s = *p;
    *e = hash ? hash : le;
    while (*s < *e && (**s == ' ' || **s == '\t')) (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r')) (*e)--;
    if (had_comment) *had_comment = hash != NULL;
    *p = nl ? nl + 1 : end;
    return 1;
}

/* A PETRARCH phrase ("PRESIDENT_GEORGE_W._BUSH", "HAMAS WING") as word ids.
 * Words match whole, as in PETRARCH-2: a trailing '_' (TABARI's "not a
 * stem") changes nothing. Returns the number of ids, -1 if empty. */
static int phrase_words(dict_t *d, const char *s, size_t n, uint32_t *ids, size_t max)
{
    char tmp[1024];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof tmp; i++) tmp[k++] = s[i] == '_' ? ' ' : s[i];
    while (k && (tmp[k - 1] == ' ' || tmp[k - 1] == '\t')) k--;
    tmp[k] = 0;
    if (!k) return -1;
    size_t nw = dict_phrase_words(d, tmp, k, ids, max);
    return nw ? (int)nw : -1;
}

/* "YYMMDD" or "YYYYMMDD" to YYYYMMDD; two-digit years below 30 are 20xx. */
static int32_t petr_date(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return -1;
    long v = strtol(s, NULL, 10);
    if (n == 6) v += (v / 10000 < 30 ? 20000000 : 19000000);
    else if (n != 8) return -1;
    int m = (int)(v / 100 % 100), day = (int)(v % 100);
    if (m < 1 || m > 12 || day < 1 || day > 31) return -1;
    return (int32_t)v;
}

static int valid_code(const char *s, size_t n)
{
    if (n < 3 || n >= CODE_MAX) return 0;
    for (size_t i = 0; i < n; i++)
        if (!(isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '-')) return 0;
    return 1;
}

/* "[FRO/BIL/SAM]": one name that stands for several actors at once (the
 * coder codes an event for each). At most four, as a mention holds four. */
static int valid_code_list(const char *s, size_t n)
{
    int parts = 0;
    for (size_t b = 0; b <= n; parts++) {
        size_t e = b;
        while (e < n && s[e] != '/') e++;
        if (!valid_code(s + b, e - b)) return 0;
        b = e + 1;
    }
    return parts >= 2 && parts <= 4;
}

/* One "[CODE]" or "[CODE dates]" bracket. Returns 1 and fills the code and
 * period, 0 if malformed (reported). */
static int parse_code(petr_ctx *c, const char *s, size_t n, char *code, int32_t *from, int32_t *to)
{
    *from = *to = 0;
    size_t i = 0;
    while (i < n && s[i] == ' ') i++;
    size_t cb = i;
    while (i < n && s[i] != ' ') i++;
    size_t cn = i - cb;
    char tmp[CODE_MAX];
    if (cn == 0 || cn >= CODE_MAX) {
        perr(c, DIAG_ERROR, "bad actor code '%.*s'", (int)n, s);
        return 0;
    }
    for (size_t k = 0; k < cn; k++) tmp[k] = s[cb + k];
    tmp[cn] = 0;
    if (!valid_code(tmp, cn) && !valid_code_list(tmp, cn)) {
        int lower = 1;
        for (size_t k = 0; k < cn; k++) lower &= isalpha((unsigned char)tmp[k]) != 0;
        if (!lower) {
            perr(c, DIAG_ERROR, "bad actor code '%s'", tmp);
            return 0;
        }
        /* "[pse]": a lower-case code; read it as upper case, but say so */
        perr(c, DIAG_WARN, "actor code '%s' in lower case", tmp);
        for (size_t k = 0; k < cn; k++) tmp[k] = (char)toupper((unsigned char)tmp[k]);
    }
    memcpy(code, tmp, cn + 1);
    while (i < n && s[i] == ' ') i++;
    if (i == n) return 1;
    /* the dates, without the spaces some entries put around '-', '<' and '>' */
    char dbuf[64];
    size_t dn = 0;
    for (size_t k = i; k < n && dn + 1 < sizeof dbuf; k++)
        if (s[k] != ' ' && s[k] != '\t') dbuf[dn++] = s[k];
    dbuf[dn] = 0;
    const char *ds = dbuf;
    const char *dash = memchr(ds, '-', dn);
    if (ds[0] == '>' || ds[0] == '<') {
        int32_t v = petr_date(ds + 1, dn - 1);
        if (v < 0) goto bad;
        if (ds[0] == '>') *from = v;
        else *to = v;
    } else if (dash) {
        int32_t a = petr_date(ds, (size_t)(dash - ds)), b = petr_date(dash + 1, dn - (size_t)(dash - ds) - 1);
        if (a < 0 || b < 0) goto bad;
        if (a > b) {
            perr(c, DIAG_ERROR, "date range '%.*s' ends before it starts", (int)dn, ds);
            return 0;
        }
        *from = a;
        *to = b;
    } else {
        goto bad;
    }
    return 1;
bad:
    perr(c, DIAG_ERROR, "bad date restriction '%.*s' (want YYMMDD-YYMMDD, >YYMMDD or <YYMMDD)", (int)dn, ds);
    return 0;
}

/* ---- actors ------------------------------------------------------------- */

typedef struct {
    char code[CODE_MAX];
    int32_t from, to;
} pcode_t;

typedef struct {
    char *phrase[256];
    long line[256];
    int nphrase;
    pcode_t codes[64];
    int ncodes;
    long first_line;
} actor_t;

static void actor_flush(petr_ctx *c, actor_t *a)
{
    dict_t *d = c->d;
    if (!a->nphrase) return;
    int dated = 0, plain = -1;
    for (int i = 0; i < a->ncodes; i++) {
        if (a->codes[i].from || a->codes[i].to) dated = 1;
        else if (plain < 0) plain = i;
    }
    long saved = c->line;
    if (!a->ncodes) {
        c->line = a->first_line;
        perr(c, DIAG_ERROR, "actor '%s' has no code", a->phrase[0]);
    } else {
        uint32_t person = 0;
        entry_t e;
        memset(&e, 0, sizeof e);
        e.file = c->fileno;
        if (dated || a->ncodes > 1) {
            person = dict_add_person(d, a->phrase[0], c->fileno, (uint32_t)a->first_line);
            person_t *p = &d->people[person];
            for (int i = 0; i < a->ncodes; i++) {
                if (!a->codes[i].from && !a->codes[i].to) {
                    if (!p->other[0]) snprintf(p->other, CODE_MAX, "%s", a->codes[i].code);
                    continue;
                }
                p->roles = xrealloc(p->roles, (p->nroles + 1) * sizeof *p->roles);
                role_t *r = &p->roles[p->nroles++];
                memset(r, 0, sizeof *r);
                snprintf(r->code, CODE_MAX, "%s", a->codes[i].code);
                r->from = a->codes[i].from;
                r->to = a->codes[i].to;
                r->title = "";
                r->line = (uint32_t)a->first_line;
            }
            e.kind = ENT_PERSON;
            e.person = person;
            snprintf(e.code, CODE_MAX, "alias");
        } else {
            const char *code = a->codes[plain >= 0 ? plain : 0].code;
            e.kind = strlen(code) == 3 ? ENT_COUNTRY : ENT_ORG;
            snprintf(e.code, CODE_MAX, "%s", code);
        }
        for (int i = 0; i < a->nphrase; i++) {
            uint32_t ids[64];
            int nw = phrase_words(d, a->phrase[i], strlen(a->phrase[i]), ids, 64);
            c->line = a->line[i];
            if (nw < 0) {
                perr(c, DIAG_ERROR, "empty actor phrase");
                continue;
            }
            e.line = (uint32_t)a->line[i];
            dict_add_entry(d, ids, (size_t)nw, &e);
        }
    }
    c->line = saved;
    for (int i = 0; i < a->nphrase; i++) free(a->phrase[i]);
    memset(a, 0, sizeof *a);
}

/* Brackets of a line: "[A] [B 010101-020202]". Returns the text before the first. */
static size_t line_codes(petr_ctx *c, const char *s, size_t n, actor_t *a)
{
    const char *lb = memchr(s, '[', n);
    size_t head = lb ? (size_t)(lb - s) : n;
    while (lb) {
        const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
        if (!rb) {
            perr(c, DIAG_ERROR, "unclosed '['");
            break;
        }
        pcode_t pc;
        if (a->ncodes < 64 && parse_code(c, lb + 1, (size_t)(rb - lb - 1), pc.code, &pc.from, &pc.to)) a->codes[a->ncodes++] = pc;
        size_t rest = n - (size_t)(rb + 1 - s);
        lb = memchr(rb + 1, '[', rest);
    }
    return head;
}

static void load_actors(petr_ctx *c, const char *text, size_t len)
{
    actor_t a;
    memset(&a, 0, sizeof a);
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        c->line++;
        const char *hash = memchr(p, '#', (size_t)(le - p));
        const char *s = p, *e = hash ? hash : le;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
        int indented = s < e && (*s == ' ' || *s == '\t');
        while (s < e && (*s == ' ' || *s == '\t')) s++;
        if (s < e && !(s[0] == '<' && s + 1 < e && s[1] == '!')) {
            size_t n = (size_t)(e - s);
            if (indented && *s == '[') {
                if (!a.nphrase) perr(c, DIAG_ERROR, "a dated code with no actor before it");
                else line_codes(c, s, n, &a);
            } else if (*s == '+') {
                if (!a.nphrase) {
                    perr(c, DIAG_ERROR, "a synonym with no actor before it");
                } else {
                    size_t head = line_codes(c, s + 1, n - 1, &a);
                    if (a.nphrase < 256) {
                        a.phrase[a.nphrase] = xstrndup(s + 1, head);
                        a.line[a.nphrase++] = c->line;
                    }
                }
            } else if (a.nphrase && !a.ncodes && !memchr(s, '[', n) && a.nphrase < 256) {
                /* "IVO_JOSIPOVIC_" then "JOSIPOVIC_" then the codes: names before
                 * the first code belong to the same actor */
                a.phrase[a.nphrase] = xstrndup(s, n);
                a.line[a.nphrase++] = c->line;
            } else {
                actor_flush(c, &a);
                a.first_line = c->line;
                size_t head = line_codes(c, s, n, &a);
                a.phrase[0] = xstrndup(s, head);
                a.line[0] = c->line;
                a.nphrase = 1;
            }
        }
        p = nl ? nl + 1 : end;
    }
    actor_flush(c, &a);
}

/* ---- agents -------------------------------------------------------------- */

typedef struct {
    char name[64];
    char *alts[32];
    int n;
} macro_t;

static void add_agent_phrase(petr_ctx *c, const char *phrase, const char *role, int prefix, int plural)
{
    uint32_t ids[64];
    int nw = phrase_words(c->d, phrase, strlen(phrase), ids, 64);
    if (nw < 0) {
        perr(c, DIAG_ERROR, "empty agent phrase");
        return;
    }
    entry_t e;
    memset(&e, 0, sizeof e);
    e.kind = ENT_AGENT;
    e.file = c->fileno;
    e.line = (uint32_t)c->line;
    e.plural = (uint8_t)plural;
    e.prefix = (uint8_t)prefix;
    snprintf(e.code, CODE_MAX, "%s", role);
    dict_add_entry(c->d, ids, (size_t)nw, &e);
}

/* Phrases one agent line may expand to. Real files stay far below; a line
 * whose substitutions multiply past it is reported, not loaded for minutes. */
#define PETR_MAX_EXPANSIONS 4096

/* Expand the first !MACRO! of s, recursively; *left counts down the phrases
 * this line may still add. */
static void expand(petr_ctx *c, const char *s, const macro_t *m, int nm, const char *role, int prefix, int plural, int depth,
                   int *left)
{
    const char *a = strchr(s, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b || depth > 4) {
        if (*left == 0) perr(c, DIAG_ERROR, "substitutions expand to more than %d phrases; the rest are skipped", PETR_MAX_EXPANSIONS);
        if ((*left)-- > 0) add_agent_phrase(c, s, role, prefix, plural);
        return;
    }
    for (int i = 0; i < nm; i++) {
        if (strlen(m[i].name) != (size_t)(b - a + 1) || strncmp(m[i].name, a, (size_t)(b - a + 1))) continue;
        for (int k = 0; k < m[i].n; k++) {
            buf_t t = BUF_INIT;
            buf_put(&t, s, (size_t)(a - s));
            buf_puts(&t, m[i].alts[k]);
            buf_puts(&t, b + 1);
            expand(c, t.p, m, nm, role, prefix, plural, depth + 1, left);
            buf_free(&t);
        }
        return;
    }
    perr(c, DIAG_ERROR, "unknown substitution %.*s", (int)(b - a + 1), a);
}

static void load_agents(petr_ctx *c, const char *text, size_t len)
{
    macro_t m[32];
    int nm = 0;
    memset(m, 0, sizeof m);
    const char *p = text, *end = text + len, *s, *e;
    while (petr_line(&p, end, &s, &e, NULL)) {
        c->line++;
        if (s >= e || (s[0] == '<' && s + 1 < e && s[1] == '!')) continue;
        char line[2048];
        snprintf(line, sizeof line, "%.*s", (int)(e - s), s);
        char *eq = strchr(line, '=');
        if (line[0] == '!' && eq) { /* !NAME! = A, B, C */
            if (nm == 32) {
                perr(c, DIAG_ERROR, "too many substitutions");
                continue;
            }
            char *ne = eq;
            while (ne > line && ne[-1] == ' ') ne--;
            snprintf(m[nm].name, sizeof m[nm].name, "%.*s", (int)(ne - line), line);
            for (char *tok = strtok(eq + 1, ","); tok && m[nm].n < 32; tok = strtok(NULL, ",")) {
                while (*tok == ' ') tok++;
                char *te = tok + strlen(tok);
                while (te > tok && te[-1] == ' ') *--te = 0;
                if (*tok) m[nm].alts[m[nm].n++] = xstrdup(tok);
            }
            nm++;
            continue;
        }
        char *lb = strchr(line, '['), *rb = lb ? strchr(lb, ']') : NULL;
        if (!lb || !rb) {
            perr(c, DIAG_ERROR, "agent without [~ROLE]");
            continue;
        }
        *rb = 0;
        char *role = lb + 1;
        while (*role == ' ') role++; /* "[ ~COP]" */
        for (char *re = rb; re > role && re[-1] == ' ';) *--re = 0;
        int prefix = 0;
        if (role[0] == '~') role++;
        else if (rb > role && rb[-1] == '~') {
            rb[-1] = 0;
            prefix = 1;
        } else {
            perr(c, DIAG_ERROR, "agent role '%s' needs '~' before or after it", role);
            continue;
        }
        if (!valid_code(role, strlen(role))) {
            perr(c, DIAG_ERROR, "bad agent role '%s'", role);
            continue;
        }
        *lb = 0;
        char *plur = strchr(line, '{');
        char plurals[1024] = "";
        int has_plurals = 0;
        if (plur) {
            char *pe = strchr(plur, '}');
            if (!pe) {
                perr(c, DIAG_ERROR, "unclosed '{'");
                continue;
            }
            snprintf(plurals, sizeof plurals, "%.*s", (int)(pe - plur - 1), plur + 1);
            has_plurals = 1;
            *plur = 0;
        }
        char *ph = line;
        while (*ph == ' ') ph++;
        char *pe = ph + strlen(ph);
        while (pe > ph && pe[-1] == ' ') *--pe = 0;
        if (!*ph) {
            perr(c, DIAG_ERROR, "agent without a phrase");
            continue;
        }
        int left = PETR_MAX_EXPANSIONS;
        expand(c, ph, m, nm, role, prefix, 0, 0, &left);
        if (has_plurals) {
            for (char *tok = strtok(plurals, " "); tok; tok = strtok(NULL, " ")) expand(c, tok, m, nm, role, prefix, 1, 0, &left);
        } else {
            /* the regular plural of the last word */
            size_t n = strlen(ph);
            int exact = ph[n - 1] == '_';
            char base[1024];
            snprintf(base, sizeof base, "%.*s", (int)(n - exact), ph);
            size_t bn = strlen(base);
            char last = (char)toupper((unsigned char)(bn ? base[bn - 1] : 0));
            char pl[1100];
            if (last == 'S' || last == 'X' || last == 'Z' || last == 'H') snprintf(pl, sizeof pl, "%sES%s", base, exact ? "_" : "");
            else if (last == 'Y' && bn > 1 && !strchr("AEIOU", toupper((unsigned char)base[bn - 2])))
                snprintf(pl, sizeof pl, "%.*sIES%s", (int)bn - 1, base, exact ? "_" : "");
            else if (last != '!') snprintf(pl, sizeof pl, "%sS%s", base, exact ? "_" : "");
            else pl[0] = 0;
            if (pl[0]) expand(c, pl, m, nm, role, prefix, 1, 0, &left);
        }
    }
    for (int i = 0; i < nm; i++)
        for (int k = 0; k < m[i].n; k++) free(m[i].alts[k]);
}

/* ---- discards -------------------------------------------------------------- */

static void load_discards(petr_ctx *c, const char *text, size_t len)
{
    const char *p = text, *end = text + len, *s, *e;
    while (petr_line(&p, end, &s, &e, NULL)) {
        c->line++;
        if (s >= e || (s[0] == '<' && s + 1 < e && s[1] == '!')) continue;
        int story = *s == '+';
        if (story) s++;
        uint32_t ids[64];
            int nw = phrase_words(c->d, s, (size_t)(e - s), ids, 64);
        if (nw <= 0) {
            perr(c, DIAG_ERROR, "empty discard phrase");
            continue;
        }
        entry_t en;
        memset(&en, 0, sizeof en);
        en.kind = ENT_DISCARD;
        en.plural = (uint8_t)story;
        en.file = c->fileno;
        en.line = (uint32_t)c->line;
        dict_add_entry(c->d, ids, (size_t)nw, &en);
    }
}

size_t petr_load_text(dict_t *d, petr_kind kind, const char *name, const char *text, size_t len, diag_t *diag)
{
    petr_ctx c = {d, diag, name, dict_add_file(d, name), 0};
    dict_mark_petrarch_file(d, c.fileno);
    size_t errs0 = diag ? diag->errors : 0;
    switch (kind) {
    case PETR_ACTORS: load_actors(&c, text, len); break;
    case PETR_AGENTS: load_agents(&c, text, len); break;
    case PETR_DISCARDS: load_discards(&c, text, len); break;
    case PETR_VERBS: petr_load_verbs(d, c.fileno, name, text, len, diag); break;
    case PETR_ISSUES: break; /* read by a later step */
    case PETR_NONE: break;
    }
    return diag ? diag->errors - errs0 : 0;
}

size_t dict_load_petrarch(dict_t *d, const char *dir, diag_t *diag)
{
    struct dirent **names;
    int nn = scandir(dir, &names, NULL, alphasort);
    if (nn < 0) {
        diag_add(diag, DIAG_ERROR, dir, 0, "cannot list: %s", strerror(errno));
        return 1;
    }
    size_t errs = 0;
    int found = 0;
    /* verbs first: their synsets and lemmas do not depend on the others */
    static const petr_kind order[] = {PETR_VERBS, PETR_ACTORS, PETR_AGENTS, PETR_DISCARDS, PETR_ISSUES};
    for (size_t o = 0; o < sizeof order / sizeof *order; o++)
        for (int j = 0; j < nn; j++) {
            if (petr_file_kind(names[j]->d_name) != order[o]) continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, names[j]->d_name);
            FILE *f = fopen(path, "rb");
            if (!f) {
                diag_add(diag, DIAG_ERROR, path, 0, "cannot read: %s", strerror(errno));
                errs++;
                continue;
            }
            buf_t b = BUF_INIT;
            char tmp[65536];
            size_t n;
            while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) buf_put(&b, tmp, n);
            fclose(f);
            found++;
            errs += petr_load_text(d, order[o], path, b.p ? b.p : "", b.len, diag);
            buf_free(&b);
        }
    for (int j = 0; j < nn; j++) free(names[j]);
    free(names);
    if (!found) {
        diag_add(diag, DIAG_ERROR, dir, 0, "no PETRARCH dictionary files (*verbs*, CAMEO*, *actors*, *agents*, *discards*) here");
        errs++;
    }
    return errs;
}
