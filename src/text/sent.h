/* sent — sentence boundaries on a token stream.
 *
 * A sentence is a range of tokens [b, e). Splitting works on tokens, not
 * bytes, so "U.S." (one acronym token) and "3.5" (one number token) are never
 * boundaries to begin with. What remains is deciding whether a '.', '!' or
 * '?' ends a sentence:
 *   - not after an abbreviation (Mr., Gov., Jan., a class in grammar.txt) or
 *     a single capital initial ("J. Smith");
 *   - closing quotes and brackets after the mark belong to the sentence;
 *   - the next token must look like a sentence start (capital, digit, quote).
 * An acronym ends a sentence only before a word that usually starts one
 * ("in the U.S. The talks ..."). Paragraph breaks always end a sentence; a
 * single line break does when the line ended in punctuation or the next line
 * is a list item. A run of SENT_MAX_TOKENS tokens without an end is cut
 * there (and counted), so no sentence is unboundedly long.
 */
#ifndef DYAD_SENT_H
#define DYAD_SENT_H

#include <stddef.h>
#include <stdint.h>

#include "tok.h"

struct dict;

typedef struct {
    uint32_t b, e;   /* token range */
} sent_t;

/* Longer runs of tokens without a sentence end are cut at this length. */
#define SENT_MAX_TOKENS 400

typedef struct {
    sent_t *v;
    size_t n, cap;
    size_t cut;      /* sentences cut at SENT_MAX_TOKENS */
} sents_t;

void sent_split(sents_t *out, const char *text, const tok_t *t, size_t n, const struct dict *d);
void sents_free(sents_t *s);

#endif
