/* html — the article text inside a news web page.
 *
 * A saved news page is mostly not the article: navigation, scripts, share
 * buttons, related-story lists, comment threads. html_extract parses the page
 * with libxml2's forgiving HTML parser (broken markup is normal on the web)
 * and keeps the text of paragraphs, headings and block quotes inside the
 * <article> element if there is one, else inside <body>, skipping subtrees
 * that are page furniture by element (nav, aside, footer, script, figure …)
 * or by a class or id that says so ("related", "share", "newsletter" …).
 * Paragraphs are separated by blank lines, as the sentence splitter expects.
 *
 * Output goes to out (reset first); the page title, if any, to title.
 * Returns 0, or -1 when the bytes are not parseable as HTML at all.
 */
#ifndef DYAD_HTML_H
#define DYAD_HTML_H

#include <stddef.h>

#include "../base/buf.h"

int html_extract(const char *html, size_t n, buf_t *out, buf_t *title);

#endif
