/* clean — from article text to the text that is coded.
 *
 * News pages carry furniture that is not news: a dateline ("TOKYO -"), photo
 * credits ("... Photo: Yomiuri Shimbun"), lists of other headlines ("More
 * world stories from ..."), share and subscribe prompts. Coded as sentences,
 * these produce false events (a headline list about Syria in an article about
 * Japan). clean_text removes them, keeping the dateline as metadata.
 *
 * The rules themselves are data (boilerplate.txt in the dictionary set), so
 * this module only knows their shapes: a line to drop, a line that opens a
 * list to drop, a tail to cut from a line.
 *
 * Output is a new string (out is reset first); the line structure of what is
 * kept is preserved, since the sentence splitter uses line breaks.
 */
#ifndef DYAD_CLEAN_H
#define DYAD_CLEAN_H

#include <stddef.h>

#include "../base/buf.h"

struct dict;

typedef struct {
    size_t dropped_lines;
    size_t cut_tails;
} clean_stats_t;

/* Clean text[0..n) into out. If the text opens with a dateline it is copied
 * (without the dash) into dateline (reset first) and left out of out. */
void clean_text(const struct dict *d, const char *text, size_t n, buf_t *out, buf_t *dateline, clean_stats_t *st);

#endif
