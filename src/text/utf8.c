#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int ascii_clean(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return 0;
    }
    return 1;
}

/* The replacement for one code point, or -1 to drop it, or cp itself. */
static utf8proc_int32_t map_cp(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x0060: case 0x00B4:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        return '"';
    case 0x2026:
        return -2; /* ellipsis: expanded by the caller */
    case '\t': case '\n':
        return cp;
    case '\r':
        return -1;
    default:
        break;
    }
    if (cp < 0x20 || cp == 0x7f) return ' ';
    if (cp < 0x80) return cp;
    utf8proc_category_t cat = utf8proc_category(cp);
    switch (cat) {
    case UTF8PROC_CATEGORY_ZS:
        return ' ';
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return '\n';
    case UTF8PROC_CATEGORY_PD:
        return '-';
    case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CS:
        return -1;
    default:
        break;
    }
    if (cp == 0x2212) return '-'; /* minus sign */
    return cp;
}

size_t utf8_clean(buf_t *out, const char *in, size_t n)
{
    if (ascii_clean(in, n)) {
        /* Still fold CR: a CR LF file must tokenise like an LF one. */
        if (!memchr(in, '\r', n)) {
            buf_put(out, in, n);
            return 0;
        }
    }
    size_t repairs = 0;
    buf_t tmp = BUF_INIT;
    buf_reserve(&tmp, n + 16);
    int need_nfc = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)in[i];
        utf8proc_int32_t cp;
        utf8proc_ssize_t k;
        if (c < 0x80) {
            cp = c;
            k = 1;
            if (c == 0) {
                repairs++;
                i++;
                continue;
            }
        } else {
            k = utf8proc_iterate((const utf8proc_uint8_t *)in + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k <= 0) {
                cp = 0xFFFD;
                k = 1;
                repairs++;
            }
        }
        i += (size_t)k;
        utf8proc_int32_t m = map_cp(cp);
        if (m == -1) continue;
        if (m == -2) {
            buf_put(&tmp, "...", 3);
            continue;
        }
        if (m >= 0x300) {
            utf8proc_category_t cat = utf8proc_category(m);
            if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC) need_nfc = 1;
        }
        buf_reserve(&tmp, 4);
        tmp.len += (size_t)utf8proc_encode_char(m, (utf8proc_uint8_t *)tmp.p + tmp.len);
        tmp.p[tmp.len] = 0;
    }
    if (need_nfc) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)tmp.p, (utf8proc_ssize_t)tmp.len, &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (r >= 0) {
            buf_put(out, nfc, (size_t)r);
            free(nfc);
            buf_free(&tmp);
            return repairs;
        }
        free(nfc);
    }
    buf_put(out, tmp.p, tmp.len);
    buf_free(&tmp);
    return repairs;
}
