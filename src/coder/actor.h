/* actor — find the actors of a sentence, as spans with CAMEO codes.
 *
 * An actor mention is a token span and the code(s) it stands for:
 *   "Japan"                                  -> JPN
 *   "Beijing" (a capital, as metonym)        -> CHNGOV
 *   "Chinese Foreign Minister Wang Yi"       -> CHNGOV
 *   "China's foreign minister"               -> CHNGOV
 *   "Senior Japanese and Chinese diplomats"  -> JPNGOV, CHNGOV (one code each)
 *   "his Japanese counterpart"               -> JPN + the role of the other side
 *   "Prime Minister Shinzo Abe"              -> JPNGOV on 2018-01-28, JPNELI on 2021-01-01
 * Places ("Shanghai", "East China Sea") are found too, as mentions of kind
 * MK_PLACE, so that they are never read as actors; longest match lets "East
 * China Sea" win over "China".
 *
 * The matcher walks the dictionary's phrase trie from each token (longest
 * match, proper names only when capitalised) and composes the units it finds
 * with a small grammar: [det|poss] mod* (NAT (and NAT)* | COUNTRY 's) mod*
 * AGENT* [PERSON] [of COUNTRY]. Mentions never overlap and come in text order.
 *
 * The article-level memory (which surnames were introduced, who spoke last)
 * lives in doc_t, owned by the coder; this module only reads and extends its
 * alias list.
 */
#ifndef DYAD_ACTOR_H
#define DYAD_ACTOR_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../dict/dict.h"
#include "../text/tok.h"

#define MENTION_CODES 4

typedef enum {
    MK_ACTOR = 1,
    MK_PLACE,
    MK_PRON,    /* he, she, they, we, I: resolved by the coder */
} mention_kind;

typedef struct {
    uint32_t b, e;                         /* token span */
    uint8_t kind;
    uint8_t n;                             /* number of codes */
    uint8_t counterpart;                   /* role to copy from the other party */
    uint8_t has_person;
    uint8_t definite_role;                 /* "the minister": no country given */
    char code[MENTION_CODES][CODE_MAX];
    uint32_t ent[MENTION_CODES][3];        /* entries (index+1) behind each code, for explain */
    uint32_t person;                       /* person index when has_person */
    char role[4];                          /* agent role, "" if none */
    uint32_t pron;                         /* pronoun word id for MK_PRON */
} mention_t;

/* A surname introduced by a full mention earlier in the article: either a
 * dictionary person, or a name the dictionaries do not know ("Japanese Vice
 * Foreign Minister Chikao Kawai") with the code its phrase had. */
typedef struct {
    char word[24];           /* the surname as written; compared ignoring case */
    uint8_t len;
    int32_t person;          /* -1: unknown person, use code */
    char code[CODE_MAX];
} alias_t;

typedef struct {
    mention_t *v;
    size_t n, cap;
    void *memo;              /* scratch: dictionary lookups per token */
    size_t memocap;
} mentions_t;

/* Find mentions in toks[0..n) of a sentence. Aliases (surnames introduced
 * earlier in the article) are read from and appended to *alias. */
void actor_find(const dict_t *d, const char *text, const tok_t *toks, size_t n, int32_t date, alias_t **alias,
                size_t *nalias, size_t *capalias, mentions_t *out);

/* Write "CODE (file:line kind phrase; ...)" for explain. */
void actor_describe(const dict_t *d, const mention_t *m, const char *text, const tok_t *toks, buf_t *out);

#endif
