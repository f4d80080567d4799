/* intern — strings to dense integer ids.
 *
 * Every word dyad's dictionaries mention is interned once at load time; the
 * tokenizer then looks up each token's lower-cased form and carries the id.
 * From there on the coder compares integers, never strings. Ids are dense,
 * starting at 1; 0 means "not interned" (a word no dictionary mentions), which
 * lets the hot path do a lookup without inserting.
 *
 * The table owns copies of its strings. intern_str(id) is valid until the
 * table is freed. Open addressing with linear probing, power-of-two size, load
 * factor at most 1/2.
 */
#ifndef DYAD_INTERN_H
#define DYAD_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

typedef struct {
    uint32_t *slots;     /* id per slot, 0 = empty */
    uint32_t *hashes;    /* hash per id */
    const char **strs;   /* string per id (index 0 unused) */
    uint32_t *lens;
    size_t nslots, count, cap;
    arena_t arena;
} intern_t;

void intern_init(intern_t *t);
void intern_free(intern_t *t);
uint32_t intern_add(intern_t *t, const char *s, size_t n);
uint32_t intern_find(const intern_t *t, const char *s, size_t n);
const char *intern_str(const intern_t *t, uint32_t id);
size_t intern_len(const intern_t *t, uint32_t id);

uint64_t hash_bytes(const void *p, size_t n);

#endif
