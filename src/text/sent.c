#include "sent.h"

#include <stdlib.h>
#include <string.h>

#include "../base/mem.h"
#include "../dict/dict.h"

static int is_closer(const char *text, const tok_t *k)
{
    if (!(k->flags & TF_PUNCT) || k->len != 1) return 0;
    char c = text[k->off];
    return c == '"' || c == '\'' || c == ')' || c == ']';
}

static int is_end_mark(const char *text, const tok_t *k)
{
    if (!(k->flags & TF_PUNCT)) return 0;
    char c = text[k->off];
    return (c == '.' && k->len == 1) || c == '!' || c == '?';
}

static int starts_sentence(const char *text, const tok_t *k)
{
    if (k->flags & (TF_CAP | TF_NUM)) return 1;
    if (k->flags & TF_PUNCT) {
        char c = text[k->off];
        return c == '"' || c == '\'' || c == '(' || c == '-';
    }
    return 0;
}

static void push(sents_t *s, uint32_t b, uint32_t e)
{
    if (e <= b) return;
    XGROW(s->v, s->cap, s->n + 1);
    s->v[s->n].b = b;
    s->v[s->n].e = e;
    s->n++;
}

void sent_split(sents_t *out, const char *text, const tok_t *t, size_t n, const dict_t *d)
{
    out->n = 0;
    out->cut = 0;
    uint32_t b = 0;
    for (size_t i = 0; i < n; i++) {
        /* line breaks */
        if (i > b && (t[i].flags & TF_NL)) {
            const tok_t *p = &t[i - 1];
            int brk = (t[i].flags & TF_PARA) != 0;
            if (!brk && (p->flags & TF_PUNCT)) {
                char c = text[p->off];
                brk = c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\'' || c == ')';
            }
            if (!brk && t[i].flags & TF_PUNCT && (text[t[i].off] == '-' || text[t[i].off] == '*')) brk = 1;
            /* a short line with no end mark (a heading, a caption) stands alone */
            if (!brk && t[i - 1].off + t[i - 1].len - t[b].off < 60 && (t[i].flags & TF_CAP)) brk = 1;
            if (brk) {
                push(out, b, (uint32_t)i);
                b = (uint32_t)i;
            }
        }
        /* a run-on "sentence" (a table, a 50 MB line) is cut into bounded pieces:
         * the coder's work per sentence grows faster than linearly */
        if (i - b >= SENT_MAX_TOKENS) {
            push(out, b, (uint32_t)i);
            out->cut++;
            b = (uint32_t)i;
        }
        int end = 0;
        size_t last = i;
        if (is_end_mark(text, &t[i])) {
            end = 1;
            if (text[t[i].off] == '.' && i > b) {
                const tok_t *p = &t[i - 1];
                if (p->off + p->len == t[i].off) {
                    /* abbreviation or initial right before the dot */
                    if (d && (dict_wclass(d, p->id) & WC_ABBREV)) end = 0;
                    if (p->len == 1 && (p->flags & TF_CAP)) end = 0;
                }
            }
        } else if ((t[i].flags & TF_ACRO) && i + 1 < n && d) {
            /* "U.S. The" : the acronym's own dot ends the sentence */
            const tok_t *nx = &t[i + 1];
            end = (nx->flags & TF_CAP) && (dict_wclass(d, nx->id) & WC_STARTER) && !(nx->flags & TF_NL);
        }
        if (!end) continue;
        while (last + 1 < n && is_closer(text, &t[last + 1]) && t[last + 1].off == t[last].off + t[last].len) last++;
        if (last + 1 < n && !starts_sentence(text, &t[last + 1]) && !(t[last + 1].flags & TF_NL)) continue;
        push(out, b, (uint32_t)last + 1);
        b = (uint32_t)last + 1;
        i = last;
    }
    push(out, b, (uint32_t)n);
}

void sents_free(sents_t *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}
