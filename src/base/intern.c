#include "intern.h"

#include <stdlib.h>
#include <string.h>

uint64_t hash_bytes(const void *p, size_t n)
{
    /* FNV-1a, then a final mix so low bits are usable for power-of-two tables. */
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

void intern_init(intern_t *t)
{
    memset(t, 0, sizeof *t);
    t->nslots = 1024;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    t->cap = 512;
    t->hashes = xmalloc(t->cap * sizeof *t->hashes);
    t->strs = xmalloc(t->cap * sizeof *t->strs);
    t->lens = xmalloc(t->cap * sizeof *t->lens);
    t->strs[0] = "";
    t->lens[0] = 0;
    t->hashes[0] = 0;
    t->count = 1;
    arena_init(&t->arena, 64 * 1024);
}

void intern_free(intern_t *t)
{
    free(t->slots);
    free(t->hashes);
    free(t->strs);
    free(t->lens);
    arena_free(&t->arena);
    memset(t, 0, sizeof *t);
}

static uint32_t find_slot(const intern_t *t, const char *s, size_t n, uint64_t h, size_t *slot)
{
    size_t mask = t->nslots - 1;
    size_t i = (size_t)h & mask;
    for (;;) {
        uint32_t id = t->slots[i];
        if (!id) {
            *slot = i;
            return 0;
        }
        if (t->hashes[id] == (uint32_t)h && t->lens[id] == n && memcmp(t->strs[id], s, n) == 0) {
            *slot = i;
            return id;
        }
        i = (i + 1) & mask;
    }
}

uint32_t intern_find(const intern_t *t, const char *s, size_t n)
{
    size_t slot;
    return find_slot(t, s, n, hash_bytes(s, n), &slot);
}

static void rehash(intern_t *t)
{
    size_t ns = t->nslots * 2;
    uint32_t *slots = xcalloc(ns, sizeof *slots);
    for (uint32_t id = 1; id < t->count; id++) {
        size_t i = hash_bytes(t->strs[id], t->lens[id]) & (ns - 1);
        while (slots[i]) i = (i + 1) & (ns - 1);
        slots[i] = id;
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = ns;
}

uint32_t intern_add(intern_t *t, const char *s, size_t n)
{
    uint64_t h = hash_bytes(s, n);
    size_t slot;
    uint32_t id = find_slot(t, s, n, h, &slot);
    if (id) return id;
    if (t->count == t->cap) {
        t->cap *= 2;
        t->hashes = xrealloc(t->hashes, t->cap * sizeof *t->hashes);
        t->strs = xrealloc(t->strs, t->cap * sizeof *t->strs);
        t->lens = xrealloc(t->lens, t->cap * sizeof *t->lens);
    }
    id = (uint32_t)t->count++;
    t->strs[id] = arena_strndup(&t->arena, s, n);
    t->lens[id] = (uint32_t)n;
    t->hashes[id] = (uint32_t)h;
    t->slots[slot] = id;
    if (t->count * 2 > t->nslots) rehash(t);
    return id;
}

const char *intern_str(const intern_t *t, uint32_t id)
{
    return id < t->count ? t->strs[id] : "";
}

size_t intern_len(const intern_t *t, uint32_t id)
{
    return id < t->count ? t->lens[id] : 0;
}
