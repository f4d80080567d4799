#include "tok.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../base/mem.h"

static int is_alnum_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static int is_alpha_ascii(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void tok_lower(buf_t *out, const char *s, size_t n)
{
    buf_reset(out);
    buf_reserve(out, n + 8);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out->p[out->len++] = (char)tolower(c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { /* cleaned text is valid UTF-8; be safe anyway */
            out->p[out->len++] = (char)c;
            i++;
            continue;
        }
        cp = utf8proc_tolower(cp);
        buf_reserve(out, 4);
        out->len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out->p + out->len);
        i += (size_t)k;
    }
    out->p[out->len] = 0;
}

static void push(toks_t *t, size_t off, size_t len, uint16_t flags, const char *text, const intern_t *words)
{
    XGROW(t->v, t->cap, t->n + 1);
    tok_t *k = &t->v[t->n++];
    k->off = (uint32_t)off;
    k->len = (uint32_t)len;
    k->flags = flags;
    k->id = 0;
    if (words) {
        tok_lower(&t->lower, text + off, len);
        k->id = intern_find(words, t->lower.p, t->lower.len);
    }
}

/* Length of a dotted acronym starting at s (letter '.' letter '.' ...), or 0. */
static size_t acronym_len(const char *s, size_t n)
{
    size_t i = 0, groups = 0;
    while (i + 1 < n && is_alpha_ascii((unsigned char)s[i]) && s[i + 1] == '.') {
        i += 2;
        groups++;
    }
    if (groups < 2) return 0;
    if (i < n && is_alnum_byte((unsigned char)s[i])) return 0;
    return i;
}

static const char *const clitics[] = {"'s", "'re", "'ll", "'ve", "'d", "'m", NULL};

void tok_text(toks_t *t, const char *text, size_t n, const intern_t *words)
{
    t->n = 0;
    uint16_t pending = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            pending |= (pending & TF_NL) ? TF_PARA : 0;
            pending |= TF_NL;
            i++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            i++;
            continue;
        }
        size_t start = i;
        if (is_alnum_byte(c)) {
            size_t al = acronym_len(text + i, n - i);
            if (al) {
                push(t, start, al, TF_WORD | TF_CAP | TF_UPPER | TF_ACRO | pending, text, words);
                pending = 0;
                i += al;
                continue;
            }
            int num = c >= '0' && c <= '9';
            while (i < n) {
                unsigned char d = (unsigned char)text[i];
                if (is_alnum_byte(d)) {
                    i++;
                } else if (num && (d == ',' || d == '.') && i + 1 < n && text[i + 1] >= '0' && text[i + 1] <= '9') {
                    i += 2;
                } else {
                    break;
                }
            }
            /* "don't": split "n't" off the word. */
            size_t end = i;
            int nt = 0;
            if (i + 1 < n && text[i] == '\'' && (text[i + 1] == 't' || text[i + 1] == 'T') && end - start >= 2 &&
                (text[end - 1] == 'n' || text[end - 1] == 'N') &&
                !(i + 2 < n && is_alnum_byte((unsigned char)text[i + 2]))) {
                end--;
                nt = 1;
            }
            uint16_t f = TF_WORD | pending;
            if (num) f |= TF_NUM;
            unsigned char f0 = (unsigned char)text[start];
            if (f0 >= 'A' && f0 <= 'Z') f |= TF_CAP;
            else if (f0 >= 0x80) {
                utf8proc_int32_t cp;
                if (utf8proc_iterate((const utf8proc_uint8_t *)text + start, (utf8proc_ssize_t)(end - start), &cp) > 0 &&
                    utf8proc_isupper(cp))
                    f |= TF_CAP;
            }
            if (f & TF_CAP) {
                int upper = 1, letters = 0;
                for (size_t j = start; j < end; j++) {
                    unsigned char d = (unsigned char)text[j];
                    if (d >= 'a' && d <= 'z') upper = 0;
                    if (is_alpha_ascii(d)) letters++;
                }
                if (upper && letters >= 2) f |= TF_UPPER;
            }
            push(t, start, end - start, f, text, words);
            pending = 0;
            if (nt) {
                push(t, end, 3, TF_WORD | TF_CLITIC, text, words);
                i = end + 3;
            }
            continue;
        }
        if (c == '\'' && i + 1 < n) {
            int matched = 0;
            for (int k = 0; clitics[k]; k++) {
                size_t cl = strlen(clitics[k]);
                if (i + cl <= n && strncasecmp(text + i, clitics[k], cl) == 0 &&
                    (i + cl == n || !is_alnum_byte((unsigned char)text[i + cl])) && t->n > 0 &&
                    t->v[t->n - 1].off + t->v[t->n - 1].len == i && (t->v[t->n - 1].flags & TF_WORD)) {
                    push(t, i, cl, TF_WORD | TF_CLITIC | pending, text, words);
                    pending = 0;
                    i += cl;
                    matched = 1;
                    break;
                }
            }
            if (matched) continue;
        }
        /* "..." stays one token so it is not read as three sentence ends. */
        size_t len = 1;
        if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.') len = 3;
        push(t, start, len, TF_PUNCT | pending, text, words);
        pending = 0;
        i += len;
    }
}

void toks_free(toks_t *t)
{
    free(t->v);
    buf_free(&t->lower);
    memset(t, 0, sizeof *t);
}
