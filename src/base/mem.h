/* mem — allocation that never returns NULL, and a bump arena.
 *
 * dyad treats running out of memory as fatal: every caller would otherwise
 * need an error path that cannot be tested, and a half-coded article is worse
 * than a clear stop. xmalloc and friends print "dyad: out of memory" and exit
 * with status 2.
 *
 * The arena serves the many small, same-lifetime allocations of loading a
 * dictionary or coding one article (strings, token arrays, entries). Memory
 * is released all at once with arena_reset or arena_free; pointers into an
 * arena are valid until then. An arena is not thread-safe; each coder owns its
 * own.
 */
#ifndef DYAD_MEM_H
#define DYAD_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grow *p (an array of *cap elements of size elt) to hold at least need. */
void xgrow(void **p, size_t *cap, size_t need, size_t elt);
#define XGROW(arr, cap, need) xgrow((void **)&(arr), &(cap), (need), sizeof *(arr))

typedef struct arena_block arena_block;
typedef struct {
    arena_block *head;
    size_t block_size;
} arena_t;

void arena_init(arena_t *a, size_t block_size);
void *arena_alloc(arena_t *a, size_t n);          /* 16-byte aligned, zeroed */
char *arena_strndup(arena_t *a, const char *s, size_t n);
void arena_reset(arena_t *a);                     /* keeps the first block */
void arena_free(arena_t *a);

#endif
