/* coder — raw article text in, CAMEO events out.
 *
 * The coder is dyad's answer to "who did what to whom" without a parser. It
 * works clause by clause on tokens: actors are found as spans (actor.h);
 * verbs are found by their inflected forms and read as verbs or nouns from
 * their neighbours ("the visit" is a noun, "Kono visited" a verb); each verb's
 * group gives tense, negation and passive voice; its subject is the actor
 * phrase before the group (skipping adverbs, parentheticals and relative
 * clauses), or the subject of the clause it depends on ("before meeting
 * Kono", "to have told"); its target comes from the longest dictionary
 * pattern that matches after it. Reported speech ("X told Y that Beijing
 * hopes to work with Tokyo") is coded as what was reported, with the
 * speaker's voice given to pronouns and to country names of the speaker's own
 * country; the statement itself is coded only when the report yields nothing.
 * Quotations without attribution take the last speaker of the article.
 *
 * What must hold: every event names the pattern (file:line) that produced it
 * and carries byte spans of its source, target and verb inside its sentence;
 * events of one sentence are unique; a negated verb yields no event.
 *
 * Ownership: a coder_t borrows its dict_t (which must outlive it) and owns
 * everything else. coder_article replaces the previous article's text,
 * tokens, sentences and events; pointers into them are valid until the next
 * call. One coder per thread.
 */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../dict/dict.h"
#include "../text/sent.h"
#include "../text/tok.h"
#include "actor.h"

typedef struct {
    uint32_t sentence;                   /* index into coder_t.sents */
    char source[CODE_MAX], target[CODE_MAX];
    char code[8];
    const cameo_t *cameo;                /* NULL if the code is not in the codebook */
    uint32_t sb, se, tb, te, vb, ve;     /* byte spans inside the sentence text */
    uint32_t lb, le;                     /* location phrase ("in Shanghai"), lb == le if none */
    char loc[4];                         /* the location's country code, "" if none */
    int32_t date;                        /* YYYYMMDD */
    uint16_t pfile;
    uint32_t pline;
    uint8_t quote;                       /* inside quoted speech */
} event_t;

/* Articles longer than this are coded up to here (at a space) and counted:
 * the whole web has pages that are megabytes of one table. */
#define CODER_MAX_ARTICLE (8u << 20)

typedef struct {
    size_t articles, sentences, bytes, events, repairs, dropped_lines, long_sentences, cut_articles;
} coder_stats_t;

typedef struct coder coder_t;

struct coder {
    const dict_t *d;
    /* the current article (read-only for callers) */
    buf_t text;                          /* cleaned text the offsets refer to */
    buf_t dateline;
    toks_t toks;
    sents_t sents;
    event_t *ev;
    size_t nev, capev;
    coder_stats_t stats;
    buf_t *trace;                        /* explain output, or NULL */
    int monadic;                         /* also code events with no target (target "---"),
                                            PETRARCH's require_dyad = false */
    /* private */
    buf_t raw;
    mentions_t ms;
    int32_t date;
    alias_t *alias;
    size_t nalias, capalias;
    char last_person[CODE_MAX];
    char last_speaker[CODE_MAX];
    uint32_t last_speaker_person;        /* person index + 1 */
    char last_subj[MENTION_CODES][CODE_MAX];
    int nlast_subj;
    struct {
        char role[4];
        char code[CODE_MAX];
    } recent[16];
    int nrecent;
    int discard_story;                   /* a story-level discard was found */
    int32_t *at;                         /* per token of the sentence: mention index or -1 */
    uint8_t *inq;                        /* per token: 1 inside quotation marks, 2 inside a matched pattern */
    int32_t *subj_of;                    /* per token: subject mention index of the verb there, -1 */
    size_t cap_scratch;
};

coder_t *coder_new(const dict_t *d);
void coder_free(coder_t *c);

/* Clean, tokenise, split and code one article. date is YYYYMMDD (0 when
 * unknown: roles are then taken as current). Returns the number of events,
 * found in c->ev. */
size_t coder_article(coder_t *c, const char *text, size_t n, int32_t date);

/* Byte range of sentence s inside c->text. */
static inline void coder_sentence_span(const coder_t *c, uint32_t s, uint32_t *b, uint32_t *e)
{
    const sent_t *st = &c->sents.v[s];
    *b = c->toks.v[st->b].off;
    *e = c->toks.v[st->e - 1].off + c->toks.v[st->e - 1].len;
}

#endif
