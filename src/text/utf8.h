/* utf8 — make arbitrary bytes into clean, normalised UTF-8.
 *
 * Everything after this step may assume valid UTF-8 in NFC with plain ASCII
 * punctuation, so the tokenizer and dictionaries see one spelling of each
 * word: curly quotes become ' and ", dashes and minus signs become -, every
 * kind of space becomes ' ', zero-width and control characters vanish (tab
 * and newline stay; CR LF becomes LF). Invalid byte sequences become U+FFFD
 * and are counted: never fatal. NUL bytes are dropped and counted likewise.
 *
 * Pure-ASCII input (most newswire) takes a fast path that only scans for
 * control bytes; utf8proc does the rest.
 */
#ifndef DYAD_UTF8_H
#define DYAD_UTF8_H

#include <stddef.h>

#include "../base/buf.h"

/* Append the cleaned form of in[0..n) to out. Returns the number of repairs
 * (invalid sequences and NULs replaced or dropped). */
size_t utf8_clean(buf_t *out, const char *in, size_t n);

#endif
