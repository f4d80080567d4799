/* dict — one compiled dictionary set.
 *
 * A dict_t is everything the coder knows: the word table, the actor phrase
 * trie, people with dated roles, verb patterns by lemma, word classes, the
 * CAMEO codebook and the page-boilerplate rules. It is built once from text
 * files (data/README.md documents them) and is read-only afterwards, so any
 * number of coders, in any number of threads, may share one; and two sets (a
 * built-in one and a user's) can live side by side in one process, since no
 * state is global.
 *
 * Ownership: dict_free releases everything the set allocated. Pointers into
 * a dict (names, codes, patterns) live as long as the dict.
 *
 * Loading never stops at a bad entry: each problem goes to the diag_t as
 * "file:line: message" and the entry is skipped. dict_check adds lint that is
 * too slow or too strict for every start-up (duplicates, overlapping roles,
 * unknown codes).
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../base/diag.h"
#include "../base/intern.h"
#include "phrase.h"

#define CODE_MAX 16

typedef enum {
    ENT_COUNTRY = 1, /* name of a state: CHN */
    ENT_ADJ,         /* nationality adjective: Chinese */
    ENT_CAPITAL,     /* seat of government as metonym: Beijing -> CHNGOV */
    ENT_PLACE,       /* location only, never an actor */
    ENT_PERSON,
    ENT_ORG,         /* full actor code: IGOUNO */
    ENT_AGENT,       /* role word: minister -> GOV */
    ENT_COUNTERPART, /* "counterpart": role of the other party */
    ENT_DISCARD,     /* a phrase that marks a sentence (or, plural=1, a story) as not codable */
} ent_kind;

typedef struct {
    uint8_t kind;
    uint8_t plural;          /* agent phrase in its plural form; discard: story level */
    uint8_t prefix;          /* agent role goes before the actor's code ([GOV~]) */
    uint16_t file;           /* index into dict_t.files */
    uint32_t line;
    char code[CODE_MAX];     /* country, org code, or agent role */
    int32_t from, to;        /* YYYYMMDD validity of the phrase; 0 = open */
    uint32_t person;         /* ENT_PERSON: index into people */
    uint32_t nwords;         /* length of the phrase in tokens */
} entry_t;

typedef struct {
    char code[CODE_MAX];
    int32_t from, to;        /* YYYYMMDD, 0 = open */
    const char *title;
    uint32_t line;
} role_t;

typedef struct {
    const char *name;
    role_t *roles;
    uint32_t nroles;
    char other[CODE_MAX];
    uint32_t surname;        /* word id enabled after a full mention; 0 = last word */
    uint16_t file;
    uint32_t line;
} person_t;

/* Verb forms, a bit set: a word can be both past tense and participle. */
enum { VF_BASE = 1, VF_S = 2, VF_PAST = 4, VF_PP = 8, VF_ING = 16 };

typedef struct {
    uint8_t target;          /* 1: this element is the target slot */
    uint8_t opt;             /* may be absent */
    uint8_t nalt;
    uint8_t search;          /* the target is the next actor within a few words (PETRARCH's implicit object) */
    uint8_t skip;            /* any words may stand here (PETRARCH's ^) */
    uint8_t source;          /* the actor here is the source (PETRARCH's $) */
    uint8_t adjacent;        /* PETRARCH '_': must follow the previous element directly */
    uint8_t compound;        /* PETRARCH '%': a compound actor stands here */
    uint32_t set;            /* a synset (index+1) of acceptable words, 0 = none */
    uint32_t alt[8];         /* acceptable word ids */
} pelem_t;

typedef struct {
    uint32_t name;           /* word id of "&name" */
    uint32_t *words;         /* sorted word ids: one-word members, and the first words of longer ones */
    size_t n, cap;
    uint32_t *phrases;       /* longer members: a length, then that many word ids, ... */
    size_t nphr, capphr;
} synset_t;

typedef struct {
    uint32_t lemma;          /* index into lemmas */
    char code[8];
    pelem_t *el;             /* elements after the verb */
    uint16_t nel;
    pelem_t *pre;            /* words that must stand before the verb, nearest last */
    uint16_t npre;
    char code2[8];           /* PETRARCH [a:b]: the reverse event's code, "" if none */
    uint8_t nocode;          /* PETRARCH [---]: matches, codes nothing */
    uint8_t gaps;            /* PETRARCH: other words may stand between elements not joined by '_' */
    uint8_t verb_adj;        /* PETRARCH "X_*": the last word before the verb is glued to it */
    uint8_t reciprocal;
    uint8_t has_target;
    uint16_t file;
    uint32_t line;
} pattern_t;

typedef struct {
    uint32_t base;           /* word id of the base form */
    uint32_t first, count;   /* its patterns: pats[first .. first+count) */
    uint8_t speech;          /* reporting verb: takes a reported clause */
} lemma_t;

typedef struct {
    uint32_t lemma;
    uint8_t forms;
    uint32_t next;           /* index+1 of the next vform of this word, 0 = end */
} vform_t;

/* Word classes from grammar.txt; a word may be in several. */
enum {
    WC_DET = 1u << 0, WC_POSS = 1u << 1, WC_PRON = 1u << 2, WC_BE = 1u << 3, WC_HAVE = 1u << 4,
    WC_DO = 1u << 5, WC_MODAL = 1u << 6, WC_NEG = 1u << 7, WC_PREP = 1u << 8, WC_CONJ = 1u << 9,
    WC_REL = 1u << 10, WC_SUBORD = 1u << 11, WC_ABBREV = 1u << 12, WC_MOD = 1u << 13, WC_TIME = 1u << 14,
    WC_ADV = 1u << 15, WC_MONTH = 1u << 16, WC_PLURALPRON = 1u << 17, WC_SPEAKERPRON = 1u << 18,
    WC_STARTER = 1u << 19, WC_NUMWORD = 1u << 20, WC_FORMER = 1u << 21, WC_COMP = 1u << 22,
    WC_FUTURE = 1u << 23, WC_INTENT = 1u << 24, WC_MUST = 1u << 25, WC_NEUTER = 1u << 26, WC_LEDBY = 1u << 27, WC_REFUSE = 1u << 28, WC_FAIL = 1u << 29, WC_STANCE = 1u << 30,
};

/* the last class bit, kept out of the enum: an enum constant must fit an int */
#define WC_THING (1u << 31)

typedef struct {
    char code[6];
    float goldstein;
    uint8_t quad;
    const char *name;
    uint32_t line;
} cameo_t;

typedef struct {
    char code[6];            /* a CAMEO code or prefix */
    char type[16];           /* PLOVER event type */
    char mode[20];           /* PLOVER mode, "" if none */
    uint32_t line;
} plover_t;

/* intent.txt: what an act becomes when it is only announced ("will
 * withdraw": section `will`) or required of someone ("must withdraw": `must`) */
typedef struct {
    char act[6];             /* a CAMEO code or prefix of the act */
    char to[6];              /* the intent or threat (will), the demand (must) */
    char kind;               /* 'w' will, 'm' must, 'n' will not */
    uint32_t line;
} intent_t;

typedef struct dict {
    intern_t words;          /* lower-cased words */
    phrase_t actors;         /* actor phrases -> entries */
    entry_t *ents;
    size_t nents, capents;
    person_t *people;
    size_t npeople, cappeople;
    lemma_t *lemmas;
    size_t nlemmas, caplemmas;
    pattern_t *pats;
    size_t npats, cappats;
    vform_t *vforms;
    size_t nvforms, capvforms;
    uint32_t *vform_head;    /* per word id: index+1 into vforms, 0 = not a verb form */
    uint32_t *wclass;        /* per word id: WC_ bits */
    size_t nwordinfo;        /* size of the two arrays above */
    cameo_t *cameo;
    size_t ncameo, capcameo;
    size_t norgs;            /* organisation sections (one per organisation) */
    size_t ndiscards;        /* discard phrases loaded */
    synset_t *synsets;
    size_t nsynsets;
    uint32_t *extra_form;    /* verb forms given outright (PETRARCH braces): pairs of form, lemma */
    size_t nextra, capextra;
    plover_t *plover;
    size_t nplover, capplover;
    intent_t *intent;
    size_t nintent, capintent;
    intern_t codes;          /* known actor code parts: roles, types, groups, countries */
    intern_t rolecodes;      /* role codes only (GOV, MIL ...) */
    intern_t typecodes;      /* type codes that begin an actor code (IGO, NGO ...) */
    intern_t labelkeys;      /* code -> readable label, for exports */
    const char **labels;
    size_t caplabels;
    char **bp_line, **bp_list, **bp_tail;
    size_t nbp_line, nbp_list, nbp_tail;
    const char **files;      /* file names for file:line */
    size_t nfiles;
    uint8_t *file_petr;      /* per file: 1 if it is a PETRARCH file (codes are its own) */
    /* irregular verbs: base word id -> forms, used while inflecting */
    struct irregular *irr;
    size_t nirr, capirr;
    uint32_t *pend_word, *pend_bits;   /* grammar classes, until dict_finish */
    size_t npend, cappend;
    arena_t arena;
    uint32_t w_s;            /* id of "'s" */
    uint32_t w_us, w_usdots, w_of, w_from, w_and, w_nor, w_hyphen, w_comma, w_by, w_that, w_to, w_with, w_quote, w_the, w_in, w_at, w_on, w_ethnic, w_pro, w_anti;
} dict_t;

dict_t *dict_new(void);
void dict_free(dict_t *d);

/* Load every dictionary file found in dir. Missing files are an error only
 * for cameo.txt and grammar.txt. Returns the number of errors. */
size_t dict_load_dir(dict_t *d, const char *dir, diag_t *diag);
/* Load a folder of PETRARCH-2 dictionary files (petr.c): each file's kind
 * comes from its name as PETRARCH's configuration names them. */
size_t dict_load_petrarch(dict_t *d, const char *dir, diag_t *diag);
/* Load the set embedded in the binary. */
size_t dict_load_builtin(dict_t *d, diag_t *diag);
/* core_only: just the codebook, roles, grammar, irregular verbs, boilerplate
 * and PLOVER table, the base a PETRARCH set is loaded on. */
size_t dict_load_builtin_parts(dict_t *d, diag_t *diag, int core_only);
/* Load one file's text given its name (the file kind comes from the name). */
size_t dict_load_text(dict_t *d, const char *name, const char *text, size_t len, diag_t *diag);
/* Build the per-word tables; must be called after the last load. */
void dict_finish(dict_t *d);

/* Lint everything loaded; returns the number of problems found. */
size_t dict_check(const dict_t *d, diag_t *diag);
/* Print counts by part. */
void dict_stats(const dict_t *d, FILE *out);

const cameo_t *dict_cameo(const dict_t *d, const char *code);
/* A readable label for a country, role or group code ("China",
 * "Government"), or NULL. */
const char *dict_label(const dict_t *d, const char *code);
/* The PLOVER type of a CAMEO code (longest listed prefix), or NULL. */
const plover_t *dict_plover(const dict_t *d, const char *code);
/* The code an act takes when it is announced, not done ("will withdraw",
 * "is ready to send": kind 'w'), demanded of its doer ("must withdraw":
 * kind 'm'), or refused ("will not allow": kind 'n'): longest prefix in
 * intent.txt, or NULL. */
const char *dict_announced(const dict_t *d, char kind, const char *code);
/* The code a person has on date (YYYYMMDD; 0 = unknown: the open-ended role
 * if there is one, else the other code); NULL if none applies. */
const char *dict_person_code(const dict_t *d, const person_t *p, int32_t date, const role_t **role);

static inline uint32_t dict_wclass(const dict_t *d, uint32_t id) { return id < d->nwordinfo ? d->wclass[id] : 0; }
static inline uint32_t dict_vforms(const dict_t *d, uint32_t id) { return id < d->nwordinfo ? d->vform_head[id] : 0; }
static inline const char *dict_file(const dict_t *d, uint16_t f) { return f < d->nfiles ? d->files[f] : "?"; }

/* Parse YYYY-MM-DD into YYYYMMDD; -1 if malformed. */
int32_t dict_parse_date(const char *s, size_t n);

/* Add one actor-phrase entry (used by the PETRARCH reader). Returns the entry index. */
uint32_t dict_add_entry(dict_t *d, const uint32_t *words, size_t n, const entry_t *e);
uint32_t dict_add_person(dict_t *d, const char *name, uint16_t file, uint32_t line);
uint16_t dict_add_file(dict_t *d, const char *name);
void dict_mark_petrarch_file(dict_t *d, uint16_t file);
uint32_t dict_add_lemma(dict_t *d, uint32_t base);
/* Is word in synset set (index+1)? */
int dict_in_synset(const dict_t *d, uint32_t set, uint32_t word);
/* The number of words of the longest member of synset set that the word ids
 * w[0..n) begin with, 0 if none. */
size_t dict_synset_match(const dict_t *d, uint32_t set, const uint32_t *w, size_t n);

/* Tokenise a phrase and intern its words; returns the count (<= max). */
size_t dict_phrase_words(dict_t *d, const char *s, size_t n, uint32_t *out, size_t max);

#endif
