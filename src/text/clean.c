#include "clean.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "../dict/dict.h"

/* A dateline is a short upper-case place name, optionally a date or an agency
 * in parentheses, then a dash: "TOKYO -", "BEIJING (Reuters) -",
 * "SALVADOR, Feb 26 -". Returns the length to skip (0: none). */
static size_t dateline_len(const char *s, size_t n, size_t *name_len)
{
    size_t lim = n < 80 ? n : 80, i = 0, upper = 0;
    while (i < lim && isupper((unsigned char)s[i])) {
        i++;
        upper++;
    }
    if (upper < 2) return 0;
    /* the rest of the place/date part: letters, spaces, commas, dots, digits */
    while (i < lim && (isalnum((unsigned char)s[i]) || strchr(" ,.'/()", s[i]))) {
        if (s[i] == '(') {
            const char *cl = memchr(s + i, ')', lim - i);
            if (!cl) return 0;
            i = (size_t)(cl - s) + 1;
            continue;
        }
        i++;
    }
    size_t end = i;
    while (end > 0 && s[end - 1] == ' ') end--;
    if (i >= lim || s[i] != '-') return 0;
    if (i == 0 || s[i - 1] != ' ') return 0; /* "Sino-Japanese" is no dateline */
    while (i < n && s[i] == '-') i++;
    if (i < n && s[i] != ' ') return 0;
    while (i < n && s[i] == ' ') i++;
    /* at least one lower-case letter in the place part means prose, not a dateline,
     * unless it is a month abbreviation after a comma ("SALVADOR, Feb 26") */
    const char *comma = memchr(s, ',', end);
    size_t check = comma ? (size_t)(comma - s) : end;
    const char *paren = memchr(s, '(', check);
    if (paren) check = (size_t)(paren - s);
    for (size_t k = 0; k < check; k++)
        if (islower((unsigned char)s[k])) return 0;
    *name_len = end;
    return i;
}

static int starts_with_ci(const char *s, size_t n, const char *prefix)
{
    if (!n || tolower((unsigned char)s[0]) != prefix[0]) return 0;
    size_t pl = strlen(prefix);
    return n >= pl && strncasecmp(s, prefix, pl) == 0;
}

static int is_list_item(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    if (!n) return 0;
    if ((s[0] == '-' || s[0] == '*') && n > 1 && s[1] == ' ') return 1;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xA2) return 1;
    return 0;
}

void clean_text(const dict_t *d, const char *text, size_t n, buf_t *out, buf_t *dateline, clean_stats_t *st)
{
    buf_reset(out);
    if (dateline) buf_reset(dateline);
    size_t pos = 0;
    while (pos < n && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t')) pos++;
    size_t name_len = 0, dl = dateline_len(text + pos, n - pos, &name_len);
    if (dl) {
        if (dateline) buf_put(dateline, text + pos, name_len);
        pos += dl;
    }
    int in_list = 0;
    while (pos < n) {
        const char *nl = memchr(text + pos, '\n', n - pos);
        size_t le = nl ? (size_t)(nl - text) : n;
        const char *ln = text + pos;
        size_t len = le - pos;
        const char *t = ln;
        size_t tl = len;
        while (tl && (*t == ' ' || *t == '\t')) t++, tl--;
        int drop = 0;
        if (in_list) {
            if (tl == 0) in_list = 0;
            else if (is_list_item(t, tl)) drop = 1;
            else in_list = 0;
        }
        if (!drop && d) {
            for (size_t i = 0; i < d->nbp_line && !drop; i++)
                if (starts_with_ci(t, tl, d->bp_line[i])) drop = 1;
            for (size_t i = 0; i < d->nbp_list && !drop; i++)
                if (starts_with_ci(t, tl, d->bp_list[i])) drop = in_list = 1;
        }
        if (drop) {
            if (st) st->dropped_lines++;
        } else {
            size_t keep = len;
            /* a credit tail starts a word: test only word starts, and only
             * phrases with the same first letter */
            for (size_t k = 0; d && d->nbp_tail && k < keep; k++) {
                if (k && ln[k - 1] != ' ' && ln[k - 1] != '(') continue;
                char c0 = (char)tolower((unsigned char)ln[k]);
                for (size_t i = 0; i < d->nbp_tail; i++) {
                    size_t pl = strlen(d->bp_tail[i]);
                    if (d->bp_tail[i][0] == c0 && k + pl <= len && strncasecmp(ln + k, d->bp_tail[i], pl) == 0) {
                        keep = k;
                        if (st) st->cut_tails++;
                        break;
                    }
                }
            }
            while (keep && (ln[keep - 1] == ' ' || ln[keep - 1] == '(')) keep--;
            buf_put(out, ln, keep);
        }
        if (nl) buf_putc(out, '\n');
        pos = nl ? le + 1 : n;
    }
}
