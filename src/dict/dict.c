#include "dict.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "../text/tok.h"
#include "inflect.h"

struct irregular {
    uint32_t base;                     /* word id */
    char forms[INF_N][INFLECT_MAX];
};

/* The files a set is made of, in load order. */
static const char *const dict_files[] = {
    "cameo.txt", "roles.txt", "grammar.txt", "irregular.txt", "countries.txt", "orgs.txt",
    "people.txt", "agents.txt", "verbs.txt", "boilerplate.txt", "plover.txt", "intent.txt", NULL,
};

dict_t *dict_new(void)
{
    dict_t *d = xcalloc(1, sizeof *d);
    intern_init(&d->words);
    intern_init(&d->codes);
    intern_init(&d->rolecodes);
    intern_init(&d->typecodes);
    intern_init(&d->labelkeys);
    phrase_init(&d->actors);
    arena_init(&d->arena, 256 * 1024);
    return d;
}

void dict_free(dict_t *d)
{
    if (!d) return;
    intern_free(&d->words);
    intern_free(&d->codes);
    intern_free(&d->rolecodes);
    intern_free(&d->typecodes);
    intern_free(&d->labelkeys);
    free(d->labels);
    phrase_free(&d->actors);
    free(d->ents);
    for (size_t i = 0; i < d->npeople; i++) free(d->people[i].roles);
    free(d->people);
    free(d->lemmas);
    for (size_t i = 0; i < d->npats; i++) {
        free(d->pats[i].el);
        free(d->pats[i].pre);
    }
    for (size_t i = 0; i < d->nsynsets; i++) {
        free(d->synsets[i].words);
        free(d->synsets[i].phrases);
    }
    free(d->synsets);
    free(d->extra_form);
    free(d->pats);
    free(d->vforms);
    free(d->vform_head);
    free(d->wclass);
    free(d->cameo);
    free(d->plover);
    free(d->intent);
    free(d->bp_line);
    free(d->bp_list);
    free(d->bp_tail);
    free(d->files);
    free(d->file_petr);
    free(d->irr);
    free(d->pend_word);
    free(d->pend_bits);
    arena_free(&d->arena);
    free(d);
}

/* Does a file name belong to a kind? "people.txt" and "people-europe.txt"
 * are both people: a large part may be split into several files. */
static int dict_file_kind(const char *base, const char *kindfile)
{
    size_t stem = strlen(kindfile) - 4; /* without ".txt" */
    if (!strcmp(base, kindfile)) return 1;
    size_t n = strlen(base);
    return n > stem + 5 && !strncmp(base, kindfile, stem) && base[stem] == '-' && !strcmp(base + n - 4, ".txt");
}

/* ---- small parsing helpers ------------------------------------------------ */

typedef struct {
    dict_t *d;
    diag_t *diag;
    const char *file;   /* display name */
    uint16_t fileno;
    long line;
    char section[64];   /* key of the current section, "" before the first */
    char sdesc[160];
    int section_line;
    int section_ok;     /* 0 when the header was bad: its lines are skipped */
    uint32_t person;    /* people.txt: current person index+1 */
} ctx_t;

static void vmsg(ctx_t *c, diag_level lvl, const char *fmt, va_list ap)
{
    buf_t b = BUF_INIT;
    buf_vprintf(&b, fmt, ap);
    diag_add(c->diag, lvl, c->file, c->line, "%s", b.p);
    buf_free(&b);
}

static void err(ctx_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void err(ctx_t *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(c, DIAG_ERROR, fmt, ap);
    va_end(ap);
}

static void warn(ctx_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(ctx_t *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(c, DIAG_WARN, fmt, ap);
    va_end(ap);
}

static const char *skip_ws(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    return s;
}

static const char *trim_end(const char *s, const char *e)
{
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    return e;
}

/* Split off the first whitespace-separated word of [*s, e). */
static int next_word(const char **s, const char *e, const char **w, size_t *wn)
{
    const char *p = skip_ws(*s, e);
    if (p >= e) return 0;
    const char *q = p;
    while (q < e && *q != ' ' && *q != '\t') q++;
    *w = p;
    *wn = (size_t)(q - p);
    *s = q;
    return 1;
}

int32_t dict_parse_date(const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-') return -1;
    int32_t v = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7) continue;
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    int y = v / 10000, m = (v / 100) % 100, day = v % 100;
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || day < 1 || day > mdays[m - 1]) return -1;
    if (m == 2 && day == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return -1;
    return v;
}

/* "FROM..TO" with either side open. Returns 0 on success. */
static int parse_period(const char *s, size_t n, int32_t *from, int32_t *to)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    if (!dots) return -1;
    size_t a = (size_t)(dots - s), b = n - a - 2;
    *from = a ? dict_parse_date(s, a) : 0;
    *to = b ? dict_parse_date(dots + 2, b) : 0;
    if (*from < 0 || *to < 0) return -1;
    if (*from && *to && *from > *to) return -1;
    return 0;
}

size_t dict_phrase_words(dict_t *d, const char *s, size_t n, uint32_t *out, size_t max)
{
    /* a clitic on its own ("'s", "n't") is one token, as it is after a word */
    if (n >= 2 && n <= 4 && max && (s[0] == '\'' || (n == 3 && !strncasecmp(s, "n't", 3))) && !memchr(s, ' ', n)) {
        char low1[8];
        for (size_t i = 0; i < n; i++) low1[i] = (char)tolower((unsigned char)s[i]);
        out[0] = intern_add(&d->words, low1, n);
        return 1;
    }
    toks_t t = {0};
    buf_t low = BUF_INIT;
    tok_text(&t, s, n, NULL);
    size_t k = 0;
    for (size_t i = 0; i < t.n && k < max; i++) {
        tok_lower(&low, s + t.v[i].off, t.v[i].len);
        out[k++] = intern_add(&d->words, low.p, low.len);
    }
    size_t total = t.n;
    toks_free(&t);
    buf_free(&low);
    return total > max ? 0 : k;
}

static uint16_t add_file(dict_t *d, const char *name);
uint16_t dict_add_file(dict_t *d, const char *name) { return add_file(d, name); }

void dict_mark_petrarch_file(dict_t *d, uint16_t file)
{
    d->file_petr = xrealloc(d->file_petr, d->nfiles);
    for (size_t i = 0; i < d->nfiles; i++)
        if (i == file) d->file_petr[i] = 1;
}

static uint16_t add_file(dict_t *d, const char *name)
{
    for (size_t i = 0; i < d->nfiles; i++)
        if (strcmp(d->files[i], name) == 0) return (uint16_t)i;
    d->files = xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
    d->files[d->nfiles] = arena_strndup(&d->arena, name, strlen(name));
    d->file_petr = xrealloc(d->file_petr, d->nfiles + 1);
    d->file_petr[d->nfiles] = 0;
    return (uint16_t)d->nfiles++;
}

static int valid_code_chars(const char *s, size_t n)
{
    if (n == 0 || n >= CODE_MAX) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-')) return 0;
    return 1;
}

/* ---- actor phrases ---------------------------------------------------------- */

uint32_t dict_add_entry(dict_t *d, const uint32_t *words, size_t n, const entry_t *e)
{
    XGROW(d->ents, d->capents, d->nents + 1);
    uint32_t idx = (uint32_t)d->nents++;
    d->ents[idx] = *e;
    d->ents[idx].nwords = (uint32_t)n;
    if (e->kind == ENT_DISCARD) d->ndiscards++;
    phrase_add(&d->actors, words, n, idx);
    return idx;
}

uint32_t dict_add_person(dict_t *d, const char *name, uint16_t file, uint32_t line)
{
    XGROW(d->people, d->cappeople, d->npeople + 1);
    person_t *p = &d->people[d->npeople];
    memset(p, 0, sizeof *p);
    p->name = arena_strndup(&d->arena, name, strlen(name));
    p->file = file;
    p->line = line;
    return (uint32_t)d->npeople++;
}

#define MAXW 64

static void add_actor_phrase(ctx_t *c, const char *s, size_t n, ent_kind kind, const char *code, uint32_t person,
                             int plural_ok)
{
    dict_t *d = c->d;
    const char *e = trim_end(s, s + n);
    s = skip_ws(s, e);
    if (s >= e) return;
    int32_t from = 0, to = 0;
    /* optional [period] at the end */
    if (e[-1] == ']') {
        const char *lb = e - 1;
        while (lb > s && *lb != '[') lb--;
        if (*lb != '[' || parse_period(lb + 1, (size_t)(e - 1 - lb - 1), &from, &to)) {
            err(c, "bad period in '%.*s' (want [YYYY-MM-DD..YYYY-MM-DD], either end open)", (int)(e - s), s);
            return;
        }
        e = trim_end(s, lb);
    }
    /* optional {plural} on the last word (agents only) */
    char plural[256] = "";
    int has_plural = 0;
    if (e > s && e[-1] == '}') {
        const char *lb = e - 1;
        while (lb > s && *lb != '{') lb--;
        if (*lb != '{' || !plural_ok) {
            err(c, "unexpected braces in '%.*s'", (int)(e - s), s);
            return;
        }
        snprintf(plural, sizeof plural, "%.*s", (int)(e - 1 - lb - 1), lb + 1);
        has_plural = 1;
        e = lb;
    }
    if (s >= e) {
        err(c, "empty phrase");
        return;
    }
    uint32_t w[MAXW];
    size_t nw = dict_phrase_words(d, s, (size_t)(e - s), w, MAXW);
    if (!nw) {
        err(c, "phrase '%.*s' is empty or longer than %d words", (int)(e - s), s, MAXW);
        return;
    }
    for (int form = 0; form < 2; form++) {
        if (form == 1) {
            if (!plural_ok) break;
            /* plural: replace the last word */
            char pl[256];
            if (has_plural) {
                if (!plural[0]) break;
                snprintf(pl, sizeof pl, "%s", plural);
            } else {
                const char *lw = intern_str(&d->words, w[nw - 1]);
                size_t ln = strlen(lw);
                char last = ln ? lw[ln - 1] : 0, prev = ln > 1 ? lw[ln - 2] : 0;
                if (ln < 2 || !isalpha((unsigned char)last)) break;
                if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
                    snprintf(pl, sizeof pl, "%ses", lw);
                else if (last == 'y' && !strchr("aeiou", prev))
                    snprintf(pl, sizeof pl, "%.*sies", (int)ln - 1, lw);
                else
                    snprintf(pl, sizeof pl, "%ss", lw);
            }
            uint32_t pw[MAXW];
            if (dict_phrase_words(d, pl, strlen(pl), pw, MAXW) != 1) {
                err(c, "plural '%s' must be one word", pl);
                break;
            }
            w[nw - 1] = pw[0];
        }
        XGROW(d->ents, d->capents, d->nents + 1);
        entry_t *en = &d->ents[d->nents];
        memset(en, 0, sizeof *en);
        en->kind = (uint8_t)kind;
        en->plural = (uint8_t)form;
        en->file = c->fileno;
        en->line = (uint32_t)c->line;
        snprintf(en->code, sizeof en->code, "%s", code);
        en->from = from;
        en->to = to;
        en->person = person;
        en->nwords = (uint32_t)nw;
        uint32_t idx = (uint32_t)d->nents++;
        uint32_t node = phrase_add(&d->actors, w, nw, idx);
        /* duplicate within the same kind? (only counted as lint) */
        for (uint32_t l = phrase_vals(&d->actors, node); l; l = phrase_next(&d->actors, l)) {
            const entry_t *o = &d->ents[phrase_val(&d->actors, l)];
            if (phrase_val(&d->actors, l) == idx) break;
            /* people may share a name ("Bush"): the article's date picks one */
            if (o->kind == kind && kind != ENT_PERSON && !o->from && !from)
                warn(c, "duplicate phrase '%.*s' (also %s:%u)", (int)(e - s), s, dict_file(d, o->file), o->line);
            else if (o->kind == kind && o->kind == ENT_PERSON && o->person == person && o->plural == form)
                warn(c, "phrase '%.*s' given twice for the same person", (int)(e - s), s);
        }
    }
}

static void add_phrase_list(ctx_t *c, const char *s, const char *e, ent_kind kind, const char *code,
                            uint32_t person, int plural_ok)
{
    while (s < e) {
        const char *semi = memchr(s, ';', (size_t)(e - s));
        const char *end = semi ? semi : e;
        if (skip_ws(s, end) < trim_end(s, end))
            add_actor_phrase(c, s, (size_t)(end - s), kind, code, person, plural_ok);
        else if (semi)
            err(c, "empty item in list");
        s = semi ? semi + 1 : e;
    }
}

/* A CAMEO event code as written in the files: two to four digits. */
static int event_code_ok(const char *s, size_t n)
{
    if (n < 2 || n > 4) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* ---- per-file line handlers ---------------------------------------------- */

static void line_cameo(ctx_t *c, const char *s, const char *e)
{
    const char *code, *gold, *quad;
    size_t cn, gn, qn;
    if (!next_word(&s, e, &code, &cn) || !next_word(&s, e, &gold, &gn) || !next_word(&s, e, &quad, &qn)) {
        err(c, "expected: CODE GOLDSTEIN QUAD NAME");
        return;
    }
    if (!event_code_ok(code, cn)) {
        err(c, "bad event code '%.*s'", (int)cn, code);
        return;
    }
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%.*s", (int)(gn < 31 ? gn : 31), gold);
    char *endp;
    double g = strtod(tmp, &endp);
    if (*endp || g < -10 || g > 10) {
        err(c, "bad Goldstein value '%.*s' (want -10..10)", (int)gn, gold);
        return;
    }
    if (qn != 1 || quad[0] < '1' || quad[0] > '4') {
        err(c, "bad quad class '%.*s' (want 1..4)", (int)qn, quad);
        return;
    }
    dict_t *d = c->d;
    for (size_t i = 0; i < d->ncameo; i++)
        if (strlen(d->cameo[i].code) == cn && memcmp(d->cameo[i].code, code, cn) == 0) {
            err(c, "event code %.*s given twice (also line %u)", (int)cn, code, d->cameo[i].line);
            return;
        }
    XGROW(d->cameo, d->capcameo, d->ncameo + 1);
    cameo_t *k = &d->cameo[d->ncameo++];
    snprintf(k->code, sizeof k->code, "%.*s", (int)cn, code);
    k->goldstein = (float)g;
    k->quad = (uint8_t)(quad[0] - '0');
    s = skip_ws(s, e);
    k->name = arena_strndup(&d->arena, s, (size_t)(e - s));
    k->line = (uint32_t)c->line;
}

static void line_plover(ctx_t *c, const char *s, const char *e)
{
    const char *code, *type, *mode = NULL;
    size_t cn, tn, mn = 0;
    if (!next_word(&s, e, &code, &cn) || !next_word(&s, e, &type, &tn)) {
        err(c, "expected: CODE TYPE [MODE]");
        return;
    }
    next_word(&s, e, &mode, &mn);
    if (!event_code_ok(code, cn)) {
        err(c, "bad event code '%.*s'", (int)cn, code);
        return;
    }
    if (tn >= 16 || mn >= 20) {
        err(c, "type or mode too long");
        return;
    }
    dict_t *d = c->d;
    for (size_t i = 0; i < d->nplover; i++)
        if (strlen(d->plover[i].code) == cn && !memcmp(d->plover[i].code, code, cn)) {
            err(c, "code %.*s given twice (also line %u)", (int)cn, code, d->plover[i].line);
            return;
        }
    XGROW(d->plover, d->capplover, d->nplover + 1);
    plover_t *p = &d->plover[d->nplover++];
    snprintf(p->code, sizeof p->code, "%.*s", (int)cn, code);
    snprintf(p->type, sizeof p->type, "%.*s", (int)tn, type);
    snprintf(p->mode, sizeof p->mode, "%.*s", (int)mn, mode ? mode : "");
    p->line = (uint32_t)c->line;
}

/* intent.txt's sections: 'w' will, 'm' must, 'n' not; 0 for any other name. */
static char intent_kind(const char *section)
{
    return !strcmp(section, "will") ? 'w' : !strcmp(section, "must") ? 'm' : !strcmp(section, "not") ? 'n' : 0;
}

static void line_intent(ctx_t *c, const char *s, const char *e)
{
    const char *act, *to;
    size_t an, tn;
    if (!next_word(&s, e, &act, &an) || !next_word(&s, e, &to, &tn) || s < e) {
        err(c, "expected: ACT-CODE ANNOUNCED-CODE");
        return;
    }
    if (!event_code_ok(act, an) || !event_code_ok(to, tn)) {
        err(c, "bad event code (want 2 to 4 digits)");
        return;
    }
    char kind = intent_kind(c->section); /* the header was checked */
    dict_t *d = c->d;
    for (size_t i = 0; i < d->nintent; i++)
        if (d->intent[i].kind == kind && strlen(d->intent[i].act) == an && !memcmp(d->intent[i].act, act, an)) {
            err(c, "code %.*s given twice (also line %u)", (int)an, act, d->intent[i].line);
            return;
        }
    XGROW(d->intent, d->capintent, d->nintent + 1);
    intent_t *t = &d->intent[d->nintent++];
    snprintf(t->act, sizeof t->act, "%.*s", (int)an, act);
    snprintf(t->to, sizeof t->to, "%.*s", (int)tn, to);
    t->kind = kind;
    t->line = (uint32_t)c->line;
}

static void set_label(dict_t *d, const char *code, size_t cn, const char *label, size_t ln)
{
    if (!ln) return;
    uint32_t id = intern_add(&d->labelkeys, code, cn);
    if (id >= d->caplabels) {
        size_t old = d->caplabels;
        d->caplabels = (id + 1) * 2;
        d->labels = xrealloc(d->labels, d->caplabels * sizeof *d->labels);
        memset(d->labels + old, 0, (d->caplabels - old) * sizeof *d->labels);
    }
    if (!d->labels[id]) d->labels[id] = arena_strndup(&d->arena, label, ln);
}

const char *dict_label(const dict_t *d, const char *code)
{
    uint32_t id = intern_find(&d->labelkeys, code, strlen(code));
    return id && id < d->caplabels ? d->labels[id] : NULL;
}

static void line_roles(ctx_t *c, const char *s, const char *e)
{
    const char *code;
    size_t cn;
    if (!next_word(&s, e, &code, &cn)) return;
    if (!valid_code_chars(code, cn) || cn != 3) {
        err(c, "bad code '%.*s' (want three capital letters)", (int)cn, code);
        return;
    }
    if (strcmp(c->section, "role") && strcmp(c->section, "type") && strcmp(c->section, "group")) {
        err(c, "code outside a role, type or group section");
        return;
    }
    intern_add(&c->d->codes, code, cn);
    if (!strcmp(c->section, "role")) intern_add(&c->d->rolecodes, code, cn);
    if (!strcmp(c->section, "type")) intern_add(&c->d->typecodes, code, cn);
    const char *l = skip_ws(s, e);
    set_label(c->d, code, cn, l, (size_t)(e - l));
}

static const struct {
    const char *name;
    uint32_t bit;
} wclasses[] = {
    {"det", WC_DET},       {"poss", WC_POSS},         {"pron", WC_PRON},     {"be", WC_BE},
    {"have", WC_HAVE},     {"do", WC_DO},             {"modal", WC_MODAL},   {"neg", WC_NEG},
    {"prep", WC_PREP},     {"conj", WC_CONJ},         {"rel", WC_REL},       {"subord", WC_SUBORD},
    {"abbrev", WC_ABBREV}, {"mod", WC_MOD},           {"time", WC_TIME},     {"adv", WC_ADV},
    {"month", WC_MONTH},   {"pluralpron", WC_PLURALPRON}, {"speakerpron", WC_SPEAKERPRON},
    {"starter", WC_STARTER}, {"numword", WC_NUMWORD}, {"former", WC_FORMER}, {"comp", WC_COMP},
    {"future", WC_FUTURE}, {"intent", WC_INTENT}, {"must", WC_MUST}, {"neuterpron", WC_NEUTER},
    {"ledby", WC_LEDBY},   {"refuse", WC_REFUSE},     {"fail", WC_FAIL},
    {"stance", WC_STANCE}, {"thing", WC_THING},
    {NULL, 0},
};


static uint32_t add_lemma(dict_t *d, uint32_t base);
uint32_t dict_add_lemma(dict_t *d, uint32_t base) { return add_lemma(d, base); }

int dict_in_synset(const dict_t *d, uint32_t set, uint32_t word)
{
    if (!set || set > d->nsynsets) return 0;
    const synset_t *s = &d->synsets[set - 1];
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->words[mid] == word) return 1;
        if (s->words[mid] < word) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

size_t dict_synset_match(const dict_t *d, uint32_t set, const uint32_t *w, size_t n)
{
    if (!set || set > d->nsynsets || !n || !dict_in_synset(d, set, w[0])) return 0;
    const synset_t *s = &d->synsets[set - 1];
    size_t best = 0;
    for (size_t i = 0; i < s->nphr; i += 1 + s->phrases[i]) {
        size_t len = s->phrases[i];
        if (len <= n && len > best && !memcmp(s->phrases + i + 1, w, len * sizeof *w)) best = len;
    }
    return best;
}

static uint32_t add_lemma(dict_t *d, uint32_t base)
{
    for (size_t i = 0; i < d->nlemmas; i++)
        if (d->lemmas[i].base == base) return (uint32_t)i;
    XGROW(d->lemmas, d->caplemmas, d->nlemmas + 1);
    lemma_t *l = &d->lemmas[d->nlemmas];
    memset(l, 0, sizeof *l);
    l->base = base;
    return (uint32_t)d->nlemmas++;
}

static void line_grammar(ctx_t *c, const char *s, const char *e)
{
    dict_t *d = c->d;
    int verb = !strcmp(c->section, "verb"), speech = !strcmp(c->section, "speech");
    uint32_t bit = 0;
    for (int i = 0; wclasses[i].name; i++)
        if (!strcmp(c->section, wclasses[i].name)) bit = wclasses[i].bit;
    if (!bit && !verb && !speech) {
        err(c, "unknown word class '%s'", c->section);
        return;
    }
    while (s < e) {
        const char *semi = memchr(s, ';', (size_t)(e - s));
        const char *end = semi ? semi : e;
        const char *a = skip_ws(s, end), *b = trim_end(a, end);
        if (a < b) {
            uint32_t w[4];
            size_t nw = dict_phrase_words(d, a, (size_t)(b - a), w, 4);
            if (nw != 1) {
                err(c, "'%.*s' must be a single word", (int)(b - a), a);
            } else if (verb || speech) {
                uint32_t l = add_lemma(d, w[0]);
                if (speech) d->lemmas[l].speech = 1;
            } else {
                /* kept aside until dict_finish sizes the per-word table */
                size_t cap = d->cappend;
                XGROW(d->pend_word, cap, d->npend + 1);
                XGROW(d->pend_bits, d->cappend, d->npend + 1);
                d->pend_word[d->npend] = w[0];
                d->pend_bits[d->npend++] = bit;
            }
        }
        s = semi ? semi + 1 : e;
    }
}

static void line_irregular(ctx_t *c, const char *s, const char *e)
{
    dict_t *d = c->d;
    const char *w[INF_N];
    size_t wn[INF_N];
    int k = 0;
    while (k < INF_N && next_word(&s, e, &w[k], &wn[k])) k++;
    if (next_word(&s, e, &w[0], &wn[0]) || (k != 3 && k != 5)) {
        err(c, "expected: BASE PAST PARTICIPLE [THIRD-PERSON ING]");
        return;
    }
    struct irregular ir;
    /* file order is base past pp 3sg ing; INF_ order is base s past pp ing */
    int map[INF_N] = {INF_BASE, INF_PAST, INF_PP, INF_S, INF_ING};
    char reg[INF_N][INFLECT_MAX];
    char base[INFLECT_MAX];
    snprintf(base, sizeof base, "%.*s", (int)wn[0], w[0]);
    inflect_regular(base, reg);
    memcpy(ir.forms, reg, sizeof reg);
    for (int i = 0; i < k; i++) {
        if (wn[i] >= INFLECT_MAX) {
            err(c, "word too long");
            return;
        }
        snprintf(ir.forms[map[i]], INFLECT_MAX, "%.*s", (int)wn[i], w[i]);
    }
    uint32_t id[1];
    if (dict_phrase_words(d, base, strlen(base), id, 1) != 1) {
        err(c, "'%s' is not a single word", base);
        return;
    }
    ir.base = id[0];
    for (size_t i = 0; i < d->nirr; i++)
        if (d->irr[i].base == ir.base) {
            err(c, "verb '%s' given twice", base);
            return;
        }
    XGROW(d->irr, d->capirr, d->nirr + 1);
    d->irr[d->nirr++] = ir;
}

static void line_countries(ctx_t *c, const char *s, const char *e)
{
    const char *key;
    size_t kn;
    if (!next_word(&s, e, &key, &kn)) return;
    ent_kind kind;
    char code[CODE_MAX];
    snprintf(code, sizeof code, "%s", c->section);
    if (kn == 4 && !memcmp(key, "name", 4)) kind = ENT_COUNTRY;
    else if (kn == 3 && !memcmp(key, "adj", 3)) kind = ENT_ADJ;
    else if (kn == 7 && !memcmp(key, "capital", 7)) kind = ENT_CAPITAL;
    else if (kn == 5 && !memcmp(key, "place", 5)) kind = ENT_PLACE;
    else {
        err(c, "unknown key '%.*s' (want name, adj, capital or place)", (int)kn, key);
        return;
    }
    add_phrase_list(c, s, e, kind, code, 0, 0);
}

static void line_orgs(ctx_t *c, const char *s, const char *e)
{
    const char *key;
    size_t kn;
    if (!next_word(&s, e, &key, &kn)) return;
    if (!(kn == 4 && !memcmp(key, "name", 4))) {
        err(c, "unknown key '%.*s' (want name)", (int)kn, key);
        return;
    }
    add_phrase_list(c, s, e, ENT_ORG, c->section, 0, 0);
}

static void line_agents(ctx_t *c, const char *s, const char *e)
{
    if (!strcmp(c->section, "="))
        add_phrase_list(c, s, e, ENT_COUNTERPART, "", 0, 1);
    else
        add_phrase_list(c, s, e, ENT_AGENT, c->section, 0, 1);
}

static void line_people(ctx_t *c, const char *s, const char *e)
{
    dict_t *d = c->d;
    if (!c->person) {
        err(c, "line outside a person's section");
        return;
    }
    uint32_t pi = c->person - 1;
    person_t *p = &d->people[pi];
    const char *key;
    size_t kn;
    if (!next_word(&s, e, &key, &kn)) return;
    if ((kn == 4 && !memcmp(key, "name", 4)) || (kn == 5 && !memcmp(key, "alias", 5))) {
        add_phrase_list(c, s, e, ENT_PERSON, kn == 5 ? "alias" : "name", pi, 0);
    } else if (kn == 7 && !memcmp(key, "surname", 7)) {
        const char *a = skip_ws(s, e), *b = trim_end(a, e);
        uint32_t w[2];
        if (dict_phrase_words(d, a, (size_t)(b - a), w, 2) != 1) {
            err(c, "surname must be one word");
            return;
        }
        p->surname = w[0];
    } else if (kn == 4 && !memcmp(key, "role", 4)) {
        const char *code, *per;
        size_t cn, pn;
        if (!next_word(&s, e, &code, &cn) || !next_word(&s, e, &per, &pn)) {
            err(c, "expected: role CODE FROM..TO [title]");
            return;
        }
        if (!valid_code_chars(code, cn) || cn < 3) {
            err(c, "bad actor code '%.*s'", (int)cn, code);
            return;
        }
        role_t r;
        memset(&r, 0, sizeof r);
        if (parse_period(per, pn, &r.from, &r.to)) {
            err(c, "bad period '%.*s' (want YYYY-MM-DD..YYYY-MM-DD, either end open)", (int)pn, per);
            return;
        }
        snprintf(r.code, sizeof r.code, "%.*s", (int)cn, code);
        const char *t = skip_ws(s, e);
        r.title = arena_strndup(&d->arena, t, (size_t)(trim_end(t, e) - t));
        r.line = (uint32_t)c->line;
        p->roles = xrealloc(p->roles, (p->nroles + 1) * sizeof *p->roles);
        p->roles[p->nroles++] = r;
    } else if (kn == 5 && !memcmp(key, "other", 5)) {
        const char *code;
        size_t cn;
        if (!next_word(&s, e, &code, &cn) || !valid_code_chars(code, cn) || cn < 3) {
            err(c, "expected: other CODE");
            return;
        }
        snprintf(p->other, sizeof p->other, "%.*s", (int)cn, code);
    } else {
        err(c, "unknown key '%.*s' (want name, alias, surname, role or other)", (int)kn, key);
    }
}

static void line_verbs(ctx_t *c, const char *s, const char *e)
{
    dict_t *d = c->d;
    const char *w;
    size_t wn;
    pelem_t el[32];
    size_t nel = 0;
    if (!next_word(&s, e, &w, &wn)) return;
    uint32_t vb[2];
    if (dict_phrase_words(d, w, wn, vb, 2) != 1) {
        err(c, "the verb '%.*s' must be one word", (int)wn, w);
        return;
    }
    int recip = 0, target = 0;
    while (next_word(&s, e, &w, &wn)) {
        if (recip) {
            err(c, "'~' must end the pattern");
            return;
        }
        if (nel == 32) {
            err(c, "pattern too long");
            return;
        }
        pelem_t *p = &el[nel];
        memset(p, 0, sizeof *p);
        if (wn == 1 && *w == '~') {
            recip = 1;
            continue;
        }
        if (wn == 1 && *w == '+') {
            if (target) {
                err(c, "a pattern has one target '+'");
                return;
            }
            p->target = 1;
            target = 1;
            nel++;
            continue;
        }
        if (wn > 1 && w[wn - 1] == '?') {
            p->opt = 1;
            wn--;
        }
        const char *a = w, *we = w + wn;
        while (a < we) {
            const char *bar = memchr(a, '|', (size_t)(we - a));
            const char *ae = bar ? bar : we;
            uint32_t id[2];
            if (p->nalt == 8 || dict_phrase_words(d, a, (size_t)(ae - a), id, 2) != 1) {
                err(c, "bad pattern word '%.*s'", (int)wn, w);
                return;
            }
            p->alt[p->nalt++] = id[0];
            a = bar ? bar + 1 : we;
        }
        nel++;
    }
    if (recip && target) {
        err(c, "a pattern is either reciprocal '~' or has a target '+'");
        return;
    }
    XGROW(d->pats, d->cappats, d->npats + 1);
    pattern_t *pt = &d->pats[d->npats++];
    memset(pt, 0, sizeof *pt);
    pt->lemma = add_lemma(d, vb[0]);
    snprintf(pt->code, sizeof pt->code, "%s", c->section);
    pt->el = xmalloc((nel ? nel : 1) * sizeof *pt->el);
    memcpy(pt->el, el, nel * sizeof *el);
    pt->nel = (uint16_t)nel;
    pt->reciprocal = (uint8_t)recip;
    pt->has_target = (uint8_t)target;
    pt->file = c->fileno;
    pt->line = (uint32_t)c->line;
}

static void line_boilerplate(ctx_t *c, const char *s, const char *e)
{
    dict_t *d = c->d;
    char ***arr;
    size_t *n;
    if (!strcmp(c->section, "line")) arr = &d->bp_line, n = &d->nbp_line;
    else if (!strcmp(c->section, "list")) arr = &d->bp_list, n = &d->nbp_list;
    else if (!strcmp(c->section, "tail")) arr = &d->bp_tail, n = &d->nbp_tail;
    else {
        err(c, "phrase outside a line, list or tail section");
        return;
    }
    while (s < e) {
        const char *semi = memchr(s, ';', (size_t)(e - s));
        const char *end = semi ? semi : e;
        const char *a = skip_ws(s, end), *b = trim_end(a, end);
        if (a < b) {
            *arr = xrealloc(*arr, (*n + 1) * sizeof **arr);
            char *p = arena_strndup(&d->arena, a, (size_t)(b - a));
            for (char *q = p; *q; q++) *q = (char)tolower((unsigned char)*q);
            (*arr)[(*n)++] = p;
        }
        s = semi ? semi + 1 : e;
    }
}

typedef void (*line_fn)(ctx_t *, const char *, const char *);

static int header_ok(ctx_t *c, const char *kind)
{
    const char *k = c->section;
    size_t n = strlen(k);
    if (!strcmp(kind, "countries")) {
        if (!valid_code_chars(k, n) || n != 3) return err(c, "country code '%s' must be three capital letters", k), 0;
        intern_add(&c->d->codes, k, n);
        set_label(c->d, k, n, c->sdesc, strlen(c->sdesc));
    } else if (!strcmp(kind, "orgs")) {
        if (!valid_code_chars(k, n) || n < 3 || n % 3) return err(c, "bad actor code '%s'", k), 0;
        c->d->norgs++;
    } else if (!strcmp(kind, "agents")) {
        if (strcmp(k, "=") && (!valid_code_chars(k, n) || n != 3))
            return err(c, "agent role '%s' must be three capital letters (or '=')", k), 0;
    } else if (!strcmp(kind, "grammar")) {
        int known = !strcmp(k, "verb") || !strcmp(k, "speech");
        for (int i = 0; wclasses[i].name && !known; i++) known = !strcmp(k, wclasses[i].name);
        if (!known) return err(c, "unknown word class '%s'", k), 0;
    } else if (!strcmp(kind, "verbs")) {
        if (!event_code_ok(k, n)) return err(c, "event code '%s' must be 2 to 4 digits", k), 0;
    } else if (!strcmp(kind, "intent")) {
        if (!intent_kind(k)) return err(c, "unknown section '%s' (want will, must or not)", k), 0;
    }
    return 1;
}

size_t dict_load_text(dict_t *d, const char *name, const char *text, size_t len, diag_t *diag)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    static const struct {
        const char *file, *kind;
        line_fn fn;
        int sections;   /* 1: lines need a section */
    } kinds[] = {
        {"cameo.txt", "cameo", line_cameo, 0},          {"roles.txt", "roles", line_roles, 1},
        {"grammar.txt", "grammar", line_grammar, 1},    {"irregular.txt", "irregular", line_irregular, 0},
        {"countries.txt", "countries", line_countries, 1}, {"orgs.txt", "orgs", line_orgs, 1},
        {"people.txt", "people", line_people, 1},       {"agents.txt", "agents", line_agents, 1},
        {"verbs.txt", "verbs", line_verbs, 1},          {"boilerplate.txt", "boilerplate", line_boilerplate, 1},
        {"plover.txt", "plover", line_plover, 0},       {"intent.txt", "intent", line_intent, 1},
    };
    int k = -1;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (dict_file_kind(base, kinds[i].file)) k = (int)i;
    size_t errs0 = diag ? diag->errors : 0;
    ctx_t c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.diag = diag;
    c.file = name;
    c.fileno = add_file(d, name);
    if (k < 0) {
        diag_add(diag, DIAG_ERROR, name, 0, "not a dyad dictionary file name");
        return 1;
    }
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        c.line++;
        const char *hash = memchr(p, '#', (size_t)(le - p));
        const char *s = skip_ws(p, hash ? hash : le), *e = trim_end(s, hash ? hash : le);
        if (s < e) {
            if (memchr(s, 0, (size_t)(e - s))) {
                err(&c, "NUL byte in line");
            } else if (e - s >= 3 && s[0] == '=' && s[1] == '=' && s[2] == ' ') {
                const char *q = s + 3, *kw;
                size_t kn;
                if (!strcmp(kinds[k].kind, "people")) {
                    /* the whole header is the person's id */
                    q = skip_ws(q, e);
                    snprintf(c.section, sizeof c.section, "%.*s", (int)(e - q), q);
                    XGROW(d->people, d->cappeople, d->npeople + 1);
                    person_t *pp = &d->people[d->npeople];
                    memset(pp, 0, sizeof *pp);
                    pp->name = arena_strndup(&d->arena, q, (size_t)(e - q));
                    pp->file = c.fileno;
                    pp->line = (uint32_t)c.line;
                    c.person = (uint32_t)++d->npeople;
                    c.section_ok = 1;
                } else if (next_word(&q, e, &kw, &kn) && kn < sizeof c.section) {
                    snprintf(c.section, sizeof c.section, "%.*s", (int)kn, kw);
                    q = skip_ws(q, e);
                    snprintf(c.sdesc, sizeof c.sdesc, "%.*s", (int)(e - q), q);
                    c.section_line = (int)c.line;
                    c.section_ok = header_ok(&c, kinds[k].kind);
                } else {
                    err(&c, "bad section header");
                    c.section_ok = 0;
                }
            } else if (kinds[k].sections && !c.section[0]) {
                err(&c, "entry before the first '== ' section header");
            } else if (!kinds[k].sections || c.section_ok) {
                kinds[k].fn(&c, s, e);
            }
        }
        p = nl ? nl + 1 : end;
    }
    return diag ? diag->errors - errs0 : 0;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    buf_t b = BUF_INIT;
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) buf_put(&b, tmp, n);
    fclose(f);
    buf_reserve(&b, 0);
    *len = b.len;
    return buf_take(&b);
}

size_t dict_load_dir(dict_t *d, const char *dir, diag_t *diag)
{
    size_t errs = 0;
    struct stat st;
    if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
        diag_add(diag, DIAG_ERROR, dir, 0, "not a directory");
        return 1;
    }
    struct dirent **names;
    int nn = scandir(dir, &names, NULL, alphasort);
    if (nn < 0) {
        diag_add(diag, DIAG_ERROR, dir, 0, "cannot list: %s", strerror(errno));
        return 1;
    }
    for (int i = 0; dict_files[i]; i++) {
        int found = 0;
        for (int j = 0; j < nn; j++) {
            if (!dict_file_kind(names[j]->d_name, dict_files[i])) continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, names[j]->d_name);
            size_t len;
            char *text = read_file(path, &len);
            if (!text) {
                diag_add(diag, DIAG_ERROR, path, 0, "cannot read: %s", strerror(errno));
                errs++;
                continue;
            }
            found = 1;
            errs += dict_load_text(d, path, text, len, diag);
            free(text);
        }
        if (!found && (!strcmp(dict_files[i], "cameo.txt") || !strcmp(dict_files[i], "grammar.txt"))) {
            diag_add(diag, DIAG_ERROR, dir, 0, "no %s in this dictionary folder", dict_files[i]);
            errs++;
        }
    }
    for (int j = 0; j < nn; j++) free(names[j]);
    free(names);
    return errs;
}

/* The embedded copy of data/, generated at build time (see Makefile). */
typedef struct {
    const char *name;
    const char *data;
    const char *end;
} builtin_file_t;
extern const builtin_file_t dyad_builtin_files[];

size_t dict_load_builtin(dict_t *d, diag_t *diag) { return dict_load_builtin_parts(d, diag, 0); }

size_t dict_load_builtin_parts(dict_t *d, diag_t *diag, int core_only)
{
    /* the core: the codebook and the language, not knowledge of the world */
    static const char *const core[] = {"cameo.txt", "roles.txt", "grammar.txt", "irregular.txt", "boilerplate.txt",
                                       "plover.txt", "intent.txt", NULL};
    size_t errs = 0;
    for (int i = 0; dict_files[i]; i++) {
        int is_core = 0;
        for (int k = 0; core[k]; k++) is_core |= !strcmp(core[k], dict_files[i]);
        if (core_only && !is_core) continue;
        for (int j = 0; dyad_builtin_files[j].name; j++) {
            const char *n = dyad_builtin_files[j].name, *b = strrchr(n, '/');
            if (!dict_file_kind(b ? b + 1 : n, dict_files[i])) continue;
            errs += dict_load_text(d, n, dyad_builtin_files[j].data,
                                   (size_t)(dyad_builtin_files[j].end - dyad_builtin_files[j].data), diag);
        }
    }
    return errs;
}

/* ---- finishing: inflection and per-word tables ----------------------------- */

static int cmp_pat(const void *a, const void *b)
{
    const pattern_t *x = a, *y = b;
    if (x->lemma != y->lemma) return x->lemma < y->lemma ? -1 : 1;
    /* longer patterns first (words before the verb count too): the coder
     * takes the first, longest match; ties go to the earlier line */
    int lx = x->nel + x->npre, ly = y->nel + y->npre;
    if (lx != ly) return lx > ly ? -1 : 1;
    if (x->file != y->file) return x->file < y->file ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_cameo(const void *a, const void *b)
{
    return strcmp(((const cameo_t *)a)->code, ((const cameo_t *)b)->code);
}

static void add_vform(dict_t *d, uint32_t word, uint32_t lemma, uint8_t form)
{
    /* merge with an existing (word, lemma) pair */
    for (uint32_t v = dict_vforms(d, word); v; v = d->vforms[v - 1].next)
        if (d->vforms[v - 1].lemma == lemma) {
            d->vforms[v - 1].forms |= form;
            return;
        }
    XGROW(d->vforms, d->capvforms, d->nvforms + 1);
    vform_t *vf = &d->vforms[d->nvforms++];
    vf->lemma = lemma;
    vf->forms = form;
    vf->next = d->vform_head[word];
    d->vform_head[word] = (uint32_t)d->nvforms;
}

void dict_finish(dict_t *d)
{
    /* Inflect every lemma first: it may intern new words. */
    uint32_t (*fid)[INF_N] = xcalloc(d->nlemmas ? d->nlemmas : 1, sizeof *fid);
    uint32_t (*gb)[2] = xcalloc(d->nlemmas ? d->nlemmas : 1, sizeof *gb); /* British past, -ing; 0 = none */
    for (size_t i = 0; i < d->nlemmas; i++) {
        const char *base = intern_str(&d->words, d->lemmas[i].base);
        char forms[INF_N][INFLECT_MAX], past[INFLECT_MAX], ing[INFLECT_MAX];
        inflect_regular(base, forms);
        int irregular = 0;
        for (size_t k = 0; k < d->nirr; k++)
            if (d->irr[k].base == d->lemmas[i].base) {
                memcpy(forms, d->irr[k].forms, sizeof forms);
                irregular = 1;
            }
        for (int f = 0; f < INF_N; f++) fid[i][f] = intern_add(&d->words, forms[f], strlen(forms[f]));
        if (!irregular && inflect_british(base, past, ing)) {
            gb[i][0] = intern_add(&d->words, past, strlen(past));
            gb[i][1] = intern_add(&d->words, ing, strlen(ing));
        }
    }
    d->nwordinfo = d->words.count;
    free(d->wclass);
    free(d->vform_head);
    d->wclass = xcalloc(d->nwordinfo, sizeof *d->wclass);
    d->vform_head = xcalloc(d->nwordinfo, sizeof *d->vform_head);
    d->nvforms = 0;
    static const uint8_t bit[INF_N] = {VF_BASE, VF_S, VF_PAST, VF_PP, VF_ING};
    for (size_t i = 0; i < d->nlemmas; i++)
        for (int f = 0; f < INF_N; f++) add_vform(d, fid[i][f], (uint32_t)i, bit[f]);
    for (size_t i = 0; i < d->nlemmas; i++)
        if (gb[i][0]) {
            add_vform(d, gb[i][0], (uint32_t)i, VF_PAST | VF_PP);
            add_vform(d, gb[i][1], (uint32_t)i, VF_ING);
        }
    free(gb);
    /* forms given outright: read as finite past forms, the common case in news */
    for (size_t i = 0; i < d->nextra; i++)
        if (d->extra_form[2 * i] < d->nwordinfo) add_vform(d, d->extra_form[2 * i], d->extra_form[2 * i + 1], VF_PAST | VF_PP);
    free(fid);
    for (size_t i = 0; i < d->npend; i++)
        if (d->pend_word[i] < d->nwordinfo) d->wclass[d->pend_word[i]] |= d->pend_bits[i];

    if (d->npats) qsort(d->pats, d->npats, sizeof *d->pats, cmp_pat);
    for (size_t i = 0; i < d->nlemmas; i++) d->lemmas[i].count = 0;
    for (size_t i = 0; i < d->npats; i++) {
        lemma_t *l = &d->lemmas[d->pats[i].lemma];
        if (!l->count) l->first = (uint32_t)i;
        l->count++;
    }
    if (d->ncameo) qsort(d->cameo, d->ncameo, sizeof *d->cameo, cmp_cameo);

    d->w_s = intern_add(&d->words, "'s", 2);
#define W(field, s) d->field = intern_find(&d->words, s, strlen(s))
    W(w_us, "us");
    W(w_usdots, "u.s.");
    W(w_of, "of");
    W(w_from, "from");
    W(w_and, "and");
    W(w_nor, "nor");
    W(w_hyphen, "-");
    W(w_comma, ",");
    W(w_by, "by");
    W(w_that, "that");
    W(w_to, "to");
    W(w_with, "with");
    W(w_quote, "\"");
    W(w_the, "the");
    W(w_in, "in");
    W(w_at, "at");
    W(w_on, "on");
    W(w_ethnic, "ethnic");
    W(w_pro, "pro");
    W(w_anti, "anti");
#undef W
    /* Words interned after nwordinfo was fixed (the ones just above) have no
     * class or verb form; that is fine, lookups bound-check. */
}

const cameo_t *dict_cameo(const dict_t *d, const char *code)
{
    size_t lo = 0, hi = d->ncameo;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(d->cameo[mid].code, code);
        if (!c) return &d->cameo[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* The length of pre when it is a prefix of code, else 0: tables keyed by code
 * prefixes take their longest match. */
static size_t code_prefix(const char *pre, const char *code)
{
    size_t l = strlen(pre);
    return l && !strncmp(pre, code, l) ? l : 0;
}

const plover_t *dict_plover(const dict_t *d, const char *code)
{
    const plover_t *best = NULL;
    size_t bl = 0;
    for (size_t i = 0; i < d->nplover; i++) {
        size_t l = code_prefix(d->plover[i].code, code);
        if (l > bl) {
            best = &d->plover[i];
            bl = l;
        }
    }
    return best;
}

const char *dict_announced(const dict_t *d, char kind, const char *code)
{
    const intent_t *best = NULL;
    size_t bl = 0;
    for (size_t i = 0; i < d->nintent; i++) {
        size_t l = d->intent[i].kind == kind ? code_prefix(d->intent[i].act, code) : 0;
        if (l > bl) {
            best = &d->intent[i];
            bl = l;
        }
    }
    return best ? best->to : NULL;
}

const char *dict_person_code(const dict_t *d, const person_t *p, int32_t date, const role_t **role)
{
    (void)d;
    if (role) *role = NULL;
    for (uint32_t i = 0; i < p->nroles; i++) {
        const role_t *r = &p->roles[i];
        /* no date: the role held now, if one is open-ended */
        if (!date ? !r->to : (!r->from || date >= r->from) && (!r->to || date <= r->to)) {
            if (role) *role = r;
            return r->code;
        }
    }
    return p->other[0] ? p->other : NULL;
}
