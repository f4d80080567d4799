/* tok — tokens as offsets into the text.
 *
 * A token never copies text: it is a byte range [off, off+len) of the
 * (cleaned, normalised) article plus the interned id of its lower-cased form.
 * The id comes from the dictionary's word table and is 0 for words no
 * dictionary mentions; the coder compares ids, not strings. Because dictionary
 * phrases are tokenised by this same function, "People's Republic of China" in
 * a dictionary and in a sentence always split the same way.
 *
 * Rules, chosen for English news:
 *   - words are runs of letters and digits (any byte >= 0x80 counts as a
 *     letter, so accented names stay whole);
 *   - clitics split off: "Japan's" -> Japan 's, "don't" -> do n't;
 *   - acronyms keep their dots: "U.S.", "U.N." are one token;
 *   - numbers keep inner separators: "1,000", "3.5";
 *   - every other punctuation byte, hyphens included, is its own token,
 *     so "Sino-Japanese" is Sino - Japanese.
 * Flags record capitalisation and the line breaks before a token, which the
 * sentence splitter and the boilerplate cleaner use.
 */
#ifndef DYAD_TOK_H
#define DYAD_TOK_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/intern.h"

enum {
    TF_WORD = 1 << 0,    /* letters or digits */
    TF_CAP = 1 << 1,     /* first letter upper case */
    TF_UPPER = 1 << 2,   /* every letter upper case, at least two letters */
    TF_NUM = 1 << 3,     /* starts with a digit */
    TF_PUNCT = 1 << 4,
    TF_NL = 1 << 5,      /* a line break comes before this token */
    TF_PARA = 1 << 6,    /* a blank line comes before this token */
    TF_ACRO = 1 << 7,    /* dotted acronym, "U.S." */
    TF_CLITIC = 1 << 8,  /* 's n't 're ... */
};

typedef struct {
    uint32_t off, len;
    uint32_t id;      /* interned lower-case form, 0 if unknown */
    uint16_t flags;
} tok_t;

typedef struct {
    tok_t *v;
    size_t n, cap;
    buf_t lower;      /* scratch for lower-casing */
} toks_t;

/* Tokenise text[0..n) appending to out (which is reset first). Ids are looked
 * up in words (read-only) when words is non-NULL. */
void tok_text(toks_t *out, const char *text, size_t n, const intern_t *words);
void toks_free(toks_t *t);

/* Lower-case s[0..n) into out (reset first); handles UTF-8. */
void tok_lower(buf_t *out, const char *s, size_t n);

#endif
