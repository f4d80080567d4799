/* buf — a growable byte string.
 *
 * The one string builder of dyad: output lines, cleaned article text, explain
 * traces. The bytes are always NUL-terminated (p[len] == 0) so a buf can be
 * handed to C string functions, but may also contain NULs inside. A buf owns
 * its memory; buf_free releases it and leaves an empty, reusable buf.
 */
#ifndef DYAD_BUF_H
#define DYAD_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *p;
    size_t len, cap;
} buf_t;

#define BUF_INIT {NULL, 0, 0}

void buf_reserve(buf_t *b, size_t extra);
void buf_put(buf_t *b, const void *s, size_t n);
void buf_puts(buf_t *b, const char *s);
void buf_putc(buf_t *b, char c);
void buf_printf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf_t *b, const char *fmt, va_list ap);
void buf_reset(buf_t *b);
void buf_free(buf_t *b);
/* Take ownership of the bytes (caller frees); b becomes empty. */
char *buf_take(buf_t *b);

#endif
