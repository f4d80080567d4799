/* phrase — a trie of word-id sequences, for longest-match lookup.
 *
 * Every actor phrase of a dictionary set ("People's Republic of China",
 * "foreign minister", "Shinzo Abe") is a path of interned word ids from the
 * root. Edges live in one open-addressing hash keyed by (node, word), so a
 * lookup step is one probe and the trie costs a few words per edge whatever
 * the fan-out (the libpostal / double-array idea, simplified). A node may
 * carry several values (a phrase can be both a country name and a person's
 * alias); values are indices into the owner's entry table.
 *
 * The trie owns its arrays. Node 0 is the root.
 */
#ifndef DYAD_PHRASE_H
#define DYAD_PHRASE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t *keys;      /* (node+1) << 32 | word, 0 = empty slot */
    uint32_t *child;
    size_t nslots, nedges;
    uint32_t nnodes;
    uint32_t *first;     /* per node: index+1 of first value link, 0 = none */
    size_t capnodes;
    uint32_t *vnext, *vval;
    size_t nvals, capvals;
} phrase_t;

void phrase_init(phrase_t *t);
void phrase_free(phrase_t *t);
/* Add a path; returns the node it ends at. */
uint32_t phrase_add(phrase_t *t, const uint32_t *words, size_t n, uint32_t value);
/* Child of node by word, or UINT32_MAX. */
uint32_t phrase_step(const phrase_t *t, uint32_t node, uint32_t word);
/* Iterate values of a node: for (v = phrase_vals(t,node); v; v = phrase_next(t,v)) phrase_val(t,v) */
static inline uint32_t phrase_vals(const phrase_t *t, uint32_t node) { return t->first[node]; }
static inline uint32_t phrase_next(const phrase_t *t, uint32_t link) { return t->vnext[link - 1]; }
static inline uint32_t phrase_val(const phrase_t *t, uint32_t link) { return t->vval[link - 1]; }

#endif
