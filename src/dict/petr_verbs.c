/* The PETRARCH-2 verb dictionary (CAMEO.2.0.txt and friends) into dyad patterns.
 *
 * Synsets (&NAME with +members) become word sets; a verb block
 * (--- NAME [CODE] ---) lists verbs, with irregular forms in braces, and
 * patterns "- WORDS * WORDS [CODE]". Each pattern is added for every verb of
 * its block: words before '*' must precede the verb, words after follow it;
 * '+' is the target, '$' the source, '^' any words; with no '+' the target is
 * the next actor after what matched (PETRARCH takes the verb's object from
 * its parse). [---] matches and codes nothing; [a:b] codes a, and b for the
 * reverse direction. Parentheses and braces group words in PETRARCH's parse;
 * here they are read as the plain sequence of their words.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/mem.h"
#include "petr.h"


#define verr(c, lvl, ...) petr_report((c)->diag, (c)->file, (c)->line, (lvl), __VA_ARGS__)

static uint32_t word_id(dict_t *d, const char *w, size_t n)
{
    char low[256];
    if (n >= sizeof low) n = sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w[i]);
    return intern_add(&d->words, low, n);
}

/* A synset's name, "&NAME" or "&NAME_" (the '_' is not part of it). */
static uint32_t set_id(dict_t *d, const char *w, size_t n)
{
    while (n > 1 && w[n - 1] == '_') n--;
    return word_id(d, w, n);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static uint32_t synset_index(const dict_t *d, uint32_t name)
{
    for (size_t i = 0; i < d->nsynsets; i++)
        if (d->synsets[i].name == name) return (uint32_t)i + 1;
    return 0;
}

/* Pass 1: synsets, their members and nested sets (resolved after). */
typedef struct {
    uint32_t set, nested;
} nest_t;

static void read_synsets(petr_ctx *c, const char *text, size_t len)
{
    dict_t *d = c->d;
    nest_t *nest = NULL;
    size_t nnest = 0, capnest = 0;
    uint32_t cur = 0;
    const char *p = text, *end = text + len, *s, *e;
    int hash;
    c->line = 0;
    while (petr_line(&p, end, &s, &e, &hash)) {
        c->line++;
        if (s >= e) {
            if (!hash) cur = 0;
            continue;
        }
        if (*s == '&') {
            size_t n = 0;
            while (s + n < e && s[n] != ' ') n++;
            uint32_t name = set_id(d, s, n);
            if (synset_index(d, name)) {
                verr(c, DIAG_WARN, "synset %.*s defined twice", (int)n, s);
                cur = synset_index(d, name);
                continue;
            }
            d->synsets = xrealloc(d->synsets, (d->nsynsets + 1) * sizeof *d->synsets);
            memset(&d->synsets[d->nsynsets], 0, sizeof *d->synsets);
            d->synsets[d->nsynsets].name = name;
            cur = (uint32_t)++d->nsynsets;
            continue;
        }
        if (*s == '-' && s + 2 < e && s[1] == '-' && s[2] == '-') {
            cur = 0;
            continue;
        }
        if (!cur || *s != '+') continue;
        if (++s >= e) continue; /* a bare '+' */
        synset_t *set = &d->synsets[cur - 1];
        if (*s == '&') {
            XGROW(nest, capnest, nnest + 1);
            size_t n = 0;
            while (s + n < e && s[n] != ' ') n++;
            nest[nnest].set = cur;
            nest[nnest++].nested = set_id(d, s, n);
            continue;
        }
        /* a member: one word, or words joined by '_' or spaces */
        uint32_t ids[16];
        size_t nw = 0;
        for (const char *w = s; w < e && nw < 16;) {
            while (w < e && (*w == '_' || *w == ' ')) w++;
            const char *we = w;
            while (we < e && *we != '_' && *we != ' ') we++;
            if (we > w) ids[nw++] = word_id(d, w, (size_t)(we - w));
            w = we;
        }
        if (!nw) continue;
        XGROW(set->words, set->cap, set->n + 1);
        set->words[set->n++] = ids[0];
        XGROW(set->phrases, set->capphr, set->nphr + nw + 1);
        set->phrases[set->nphr++] = (uint32_t)nw;
        memcpy(set->phrases + set->nphr, ids, nw * sizeof *ids);
        set->nphr += nw;
    }
    /* nested sets: copy members in, a few rounds for nesting of nesting */
    for (int round = 0; round < 4; round++)
        for (size_t i = 0; i < nnest; i++) {
            uint32_t from = synset_index(d, nest[i].nested);
            if (!from || from == nest[i].set) continue;
            synset_t *to = &d->synsets[nest[i].set - 1], *src = &d->synsets[from - 1];
            XGROW(to->words, to->cap, to->n + src->n);
            memcpy(to->words + to->n, src->words, src->n * sizeof *src->words);
            to->n += src->n;
            XGROW(to->phrases, to->capphr, to->nphr + src->nphr);
            memcpy(to->phrases + to->nphr, src->phrases, src->nphr * sizeof *src->phrases);
            to->nphr += src->nphr;
        }
    for (size_t i = 0; i < d->nsynsets; i++) {
        synset_t *set = &d->synsets[i];
        if (set->n) qsort(set->words, set->n, sizeof *set->words, cmp_u32);
        size_t k = 0;
        for (size_t j = 0; j < set->n; j++)
            if (!k || set->words[k - 1] != set->words[j]) set->words[k++] = set->words[j];
        set->n = k;
    }
    free(nest);
}

/* One pattern token into elements. Returns the number added (0..n). */
static int token_elems(petr_ctx *c, const char *t, size_t n, pelem_t *out, int max, int *verb_at, int pos)
{
    int k = 0;
    size_t i = 0;
    while (i < n && k < max) {
        while (i < n && (t[i] == '_' || t[i] == '(' || t[i] == ')' || t[i] == '{' || t[i] == '}')) i++;
        if (i >= n) break;
        size_t b = i;
        while (i < n && t[i] != '_' && t[i] != '(' && t[i] != ')' && t[i] != '{' && t[i] != '}') i++;
        size_t wn = i - b;
        const char *w = t + b;
        pelem_t *e = &out[k];
        memset(e, 0, sizeof *e);
        e->adjacent = k > 0; /* joined to the element before it by '_' */
        if (wn == 1 && *w == '*') {
            *verb_at = pos + k;
            e->nalt = 255; /* marker, removed by the caller */
        } else if (wn == 1 && *w == '+') {
            e->target = 1;
        } else if (wn == 1 && *w == '$') {
            e->source = 1;
        } else if (wn == 1 && *w == '^') {
            e->skip = 1;
        } else if (wn == 1 && *w == '%') {
            e->compound = 1;
        } else if (*w == '&') {
            e->set = synset_index(c->d, set_id(c->d, w, wn));
            if (!e->set) {
                verr(c, DIAG_ERROR, "unknown synset %.*s", (int)wn, w);
                return -1;
            }
        } else {
            e->alt[0] = word_id(c->d, w, wn);
            e->nalt = 1;
        }
        k++;
    }
    return k;
}

typedef struct {
    uint32_t lemma[128];
    int n;
    char code[8], code2[8];
} block_t;

static void add_pattern(petr_ctx *c, const block_t *b, const pelem_t *el, int nel, int verb_at, const char *code,
                        const char *code2, int nocode, int verb_adj)
{
    dict_t *d = c->d;
    int has_target = 0, has_source = 0;
    for (int i = verb_at + 1; i < nel; i++) {
        has_target |= el[i].target;
        has_source |= el[i].source;
    }
    for (int v = 0; v < b->n; v++) {
        XGROW(d->pats, d->cappats, d->npats + 1);
        pattern_t *pt = &d->pats[d->npats++];
        memset(pt, 0, sizeof *pt);
        pt->lemma = b->lemma[v];
        snprintf(pt->code, sizeof pt->code, "%s", code);
        snprintf(pt->code2, sizeof pt->code2, "%s", code2);
        pt->nocode = (uint8_t)nocode;
        pt->gaps = 1;
        pt->verb_adj = (uint8_t)verb_adj;
        pt->npre = (uint16_t)verb_at;
        pt->pre = xmalloc((size_t)(verb_at ? verb_at : 1) * sizeof *pt->pre);
        memcpy(pt->pre, el, (size_t)verb_at * sizeof *el);
        int post = nel - verb_at - 1;
        pt->el = xmalloc((size_t)(post + 1) * sizeof *pt->el);
        memcpy(pt->el, el + verb_at + 1, (size_t)post * sizeof *el);
        pt->nel = (uint16_t)post;
        if (!has_target) {
            /* PETRARCH's object: the next actor after what matched */
            memset(&pt->el[pt->nel], 0, sizeof *pt->el);
            pt->el[pt->nel].search = 1;
            pt->nel++;
        }
        pt->has_target = 1;
        (void)has_source;
        pt->file = c->fileno;
        pt->line = (uint32_t)c->line;
    }
}

static int parse_code_field(petr_ctx *c, const char *s, size_t n, char *code, char *code2, int *nocode)
{
    code[0] = code2[0] = 0;
    *nocode = 0;
    if (n == 3 && !memcmp(s, "---", 3)) {
        *nocode = 1;
        return 1;
    }
    const char *colon = memchr(s, ':', n);
    size_t an = colon ? (size_t)(colon - s) : n;
    if (colon && an == 0) {
        /* [:b]: only the reverse event */
        size_t bn = n - 1;
        if (bn < 2 || bn > 5) goto bad;
        snprintf(code2, 8, "%.*s", (int)bn, colon + 1);
        return 1;
    }
    if (an < 2 || an > 5) goto bad;
    for (size_t i = 0; i < an; i++)
        if (!isalnum((unsigned char)s[i])) goto bad;
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1])) goto bad;
    snprintf(code, 8, "%.*s", (int)an, s);
    if (colon) {
        size_t bn = n - an - 1;
        if (bn == 3 && !memcmp(colon + 1, "---", 3)) return 1;
        if (bn < 2 || bn > 5) goto bad;
        snprintf(code2, 8, "%.*s", (int)bn, colon + 1);
    }
    return 1;
bad:
    verr(c, DIAG_ERROR, "bad event code [%.*s]", (int)n, s);
    return 0;
}

void petr_load_verbs(dict_t *d, uint16_t fileno, const char *name, const char *text, size_t len, diag_t *diag)
{
    petr_ctx c = {d, diag, name, fileno, 0};
    read_synsets(&c, text, len);
    block_t b;
    memset(&b, 0, sizeof b);
    int in_block = 0, in_synset = 0;
    const char *p = text, *end = text + len, *s, *e;
    int hash;
    c.line = 0;
    while (petr_line(&p, end, &s, &e, &hash)) {
        c.line++;
        if (s >= e) {
            if (!hash) in_synset = 0; /* a blank line ends a synset; a comment line does not */
            continue;
        }
        if (*s == '&') {
            in_synset = 1;
            continue;
        }
        if (in_synset && *s == '+') continue;
        if (e - s >= 3 && s[0] == '-' && s[1] == '-' && s[2] == '-') {
            /* --- NAME [CODE] --- */
            memset(&b, 0, sizeof b);
            in_block = 1;
            const char *lb = memchr(s, '[', (size_t)(e - s)), *rb = lb ? memchr(lb, ']', (size_t)(e - lb)) : NULL;
            if (!lb || !rb) {
                verr(&c, DIAG_ERROR, "verb block header without [CODE]");
                in_block = 0;
                continue;
            }
            int nocode;
            if (!parse_code_field(&c, lb + 1, (size_t)(rb - lb - 1), b.code, b.code2, &nocode)) in_block = 0;
            if (nocode) b.code[0] = b.code2[0] = 0;
            continue;
        }
        if (!in_block) {
            verr(&c, DIAG_WARN, "line outside a verb block ignored");
            continue;
        }
        if (*s == '-') {
            /* a pattern: "- WORDS * WORDS [CODE]" */
            const char *lb = NULL;
            for (const char *q = e; q > s; q--)
                if (q[-1] == '[') {
                    lb = q - 1;
                    break;
                }
            const char *rb = lb ? memchr(lb, ']', (size_t)(e - lb)) : NULL;
            if (!lb || !rb) {
                verr(&c, DIAG_ERROR, "pattern without [CODE]");
                continue;
            }
            char code[8], code2[8];
            int nocode;
            if (!parse_code_field(&c, lb + 1, (size_t)(rb - lb - 1), code, code2, &nocode)) continue;
            pelem_t el[48];
            int nel = 0, verb_at = -1, bad = 0;
            const char *q = s + 1;
            while (q < lb && !bad) {
                while (q < lb && *q == ' ') q++;
                const char *te = q;
                while (te < lb && *te != ' ') te++;
                if (te > q) {
                    int k = token_elems(&c, q, (size_t)(te - q), el + nel, 48 - nel, &verb_at, nel);
                    if (k < 0) bad = 1;
                    else nel += k;
                }
                q = te;
            }
            if (bad) continue;
            if (verb_at < 0) {
                verr(&c, DIAG_ERROR, "pattern without the verb '*'");
                continue;
            }
            int verb_adj = el[verb_at].adjacent;
            memmove(el + verb_at, el + verb_at + 1, (size_t)(nel - verb_at - 1) * sizeof *el);
            nel--;
            /* verb_at now counts the elements before the verb */
            pelem_t all[48];
            memcpy(all, el, (size_t)verb_at * sizeof *el);
            memset(&all[verb_at], 0, sizeof *all);
            memcpy(all + verb_at + 1, el + verb_at, (size_t)(nel - verb_at) * sizeof *el);
            add_pattern(&c, &b, all, nel + 1, verb_at, code, code2, nocode, verb_adj);
            continue;
        }
        /* a verb of the block: "WORD {FORMS}", "+WORD", "KLM_NOP_+RST [002]" */
        const char *w = s;
        if (*w == '+') w++;
        const char *we = w;
        while (we < e && *we != ' ' && *we != '{' && *we != '[') we++;
        /* in a multi-word verb the verb is the word marked '+', else the first */
        const char *plus = memchr(w, '+', (size_t)(we - w));
        const char *vb = plus ? plus + 1 : w, *ve = vb;
        while (ve < we && *ve != '_') ve++;
        if (ve == vb) {
            verr(&c, DIAG_ERROR, "empty verb");
            continue;
        }
        uint32_t lemma = dict_add_lemma(d, word_id(d, vb, (size_t)(ve - vb)));
        if (b.n < 128) b.lemma[b.n++] = lemma;
        const char *br = memchr(we, '{', (size_t)(e - we));
        if (br) {
            const char *bre = memchr(br, '}', (size_t)(e - br));
            if (!bre) {
                verr(&c, DIAG_ERROR, "unclosed '{'");
                continue;
            }
            for (const char *f = br + 1; f < bre;) {
                while (f < bre && *f == ' ') f++;
                const char *fe = f;
                while (fe < bre && *fe != ' ') fe++;
                if (fe > f) {
                    /* pairs: form, lemma */
                    XGROW(d->extra_form, d->capextra, 2 * d->nextra + 2);
                    d->extra_form[2 * d->nextra] = word_id(d, f, (size_t)(fe - f));
                    d->extra_form[2 * d->nextra + 1] = lemma;
                    d->nextra++;
                }
                f = fe;
            }
        }
        /* the block's default code for this verb alone */
        if (b.code[0] || b.code2[0]) {
            block_t one = b;
            one.lemma[0] = lemma;
            one.n = 1;
            pelem_t none[1];
            memset(none, 0, sizeof none);
            add_pattern(&c, &one, none, 1, 0, b.code, b.code2, 0, 0);
        }
    }
}
