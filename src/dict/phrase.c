#include "phrase.h"

#include <stdlib.h>
#include <string.h>

#include "../base/mem.h"

static void add_value(phrase_t *t, uint32_t node, uint32_t value);
static uint32_t new_node(phrase_t *t);

static inline size_t slot_of(uint64_t key, size_t mask)
{
    key ^= key >> 29;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 32;
    return (size_t)key & mask;
}

void phrase_init(phrase_t *t)
{
    memset(t, 0, sizeof *t);
    t->nslots = 4096;
    t->keys = xcalloc(t->nslots, sizeof *t->keys);
    t->child = xcalloc(t->nslots, sizeof *t->child);
    t->capnodes = 1024;
    t->first = xcalloc(t->capnodes, sizeof *t->first);
    t->nnodes = 1;
}

void phrase_free(phrase_t *t)
{
    free(t->keys);
    free(t->child);
    free(t->first);
    free(t->vnext);
    free(t->vval);
    memset(t, 0, sizeof *t);
}

uint32_t phrase_step(const phrase_t *t, uint32_t node, uint32_t word)
{
    uint64_t key = ((uint64_t)node + 1) << 32 | word;
    size_t mask = t->nslots - 1;
    for (size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
        if (t->keys[i] == key) return t->child[i];
        if (!t->keys[i]) return UINT32_MAX;
    }
}

static void grow_edges(phrase_t *t)
{
    size_t ns = t->nslots * 2, mask = ns - 1;
    uint64_t *keys = xcalloc(ns, sizeof *keys);
    uint32_t *child = xcalloc(ns, sizeof *child);
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->keys[i]) continue;
        size_t j = slot_of(t->keys[i], mask);
        while (keys[j]) j = (j + 1) & mask;
        keys[j] = t->keys[i];
        child[j] = t->child[i];
    }
    free(t->keys);
    free(t->child);
    t->keys = keys;
    t->child = child;
    t->nslots = ns;
}

uint32_t phrase_add(phrase_t *t, const uint32_t *words, size_t n, uint32_t value)
{
    uint32_t node = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t c = phrase_step(t, node, words[k]);
        if (c == UINT32_MAX) {
            if ((t->nedges + 1) * 2 > t->nslots) grow_edges(t);
            uint64_t key = ((uint64_t)node + 1) << 32 | words[k];
            size_t mask = t->nslots - 1, i = slot_of(key, mask);
            while (t->keys[i]) i = (i + 1) & mask;
            c = new_node(t);
            t->keys[i] = key;
            t->child[i] = c;
            t->nedges++;
        }
        node = c;
    }
    add_value(t, node, value);
    return node;
}

static uint32_t new_node(phrase_t *t)
{
    if (t->nnodes == t->capnodes) {
        size_t old = t->capnodes;
        t->capnodes *= 2;
        t->first = xrealloc(t->first, t->capnodes * sizeof *t->first);
        memset(t->first + old, 0, (t->capnodes - old) * sizeof *t->first);
    }
    return t->nnodes++;
}

static void add_value(phrase_t *t, uint32_t node, uint32_t value)
{
    if (value == UINT32_MAX) return; /* an inner node only */
    /* Append the value at the end of the node's list, keeping load order. */
    if (t->nvals == t->capvals) {
        t->capvals = t->capvals ? t->capvals * 2 : 1024;
        t->vnext = xrealloc(t->vnext, t->capvals * sizeof *t->vnext);
        t->vval = xrealloc(t->vval, t->capvals * sizeof *t->vval);
    }
    uint32_t link = (uint32_t)++t->nvals;
    t->vnext[link - 1] = 0;
    t->vval[link - 1] = value;
    if (!t->first[node]) {
        t->first[node] = link;
    } else {
        uint32_t l = t->first[node];
        while (t->vnext[l - 1]) l = t->vnext[l - 1];
        t->vnext[l - 1] = link;
    }
}
