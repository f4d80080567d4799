#include "coder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/mem.h"
#include "../text/clean.h"
#include "../text/utf8.h"

#define SIDE_MAX 8

/* One side of an event: the codes of an actor phrase or a compound of them. */
typedef struct {
    int n;
    char code[SIDE_MAX][CODE_MAX];
    uint32_t b, e;        /* token span (sentence-relative) */
    int person;           /* a person index when the side is one named person, else -1 */
    int via;              /* 0 direct, 1 pronoun, 2 inherited */
} side_t;

/* A verb occurrence being coded. */
typedef struct {
    uint32_t k;           /* the verb token */
    uint32_t gs;          /* start of its verb group */
    uint32_t lemma;
    uint8_t forms;
    int neg, passive, infinitive, modal;
    int announced;        /* "will withdraw", "is ready to send": the act is yet to be done */
    int must;             /* "must withdraw": the act is required, not done */
    uint32_t frame;       /* "the US must be ready to mediate": where the intent frame starts, 0 if none */
    int neg_in_pattern;   /* the matched pattern's own words cover the verb group */
    uint32_t pe;          /* end of the pattern's words before the target */
} verb_t;

/* A reported clause: tokens [b, e) said by speaker to hearer. */
typedef struct {
    uint32_t b, e;
    side_t speaker, hearer;
    int active;
    int events;           /* events coded inside it */
    int pending;          /* the speech event to emit if it stays empty */
    event_t pending_ev;
} report_t;

typedef struct {
    coder_t *c;
    const dict_t *d;
    const tok_t *t;       /* tokens of the sentence */
    uint32_t n;
    uint32_t sidx;        /* sentence index */
    uint32_t base;        /* byte offset of the sentence in c->text */
    const char *text;     /* c->text.p */
    int32_t date;
    size_t ev0;           /* first event of this sentence */
    side_t speaker;       /* who speaks the quoted words of this sentence */
    int has_speaker;
    report_t rep;
} sctx_t;

coder_t *coder_new(const dict_t *d)
{
    coder_t *c = xcalloc(1, sizeof *c);
    c->d = d;
    return c;
}

void coder_free(coder_t *c)
{
    if (!c) return;
    buf_free(&c->text);
    buf_free(&c->dateline);
    buf_free(&c->raw);
    toks_free(&c->toks);
    sents_free(&c->sents);
    free(c->ev);
    free(c->ms.v);
    free(c->ms.memo);
    free(c->alias);
    free(c->at);
    free(c->inq);
    free(c->subj_of);
    free(c);
}

#define TRACE(s, ...) \
    do { \
        if ((s)->c->trace) buf_printf((s)->c->trace, __VA_ARGS__); \
    } while (0)

/* ---- small token tests ------------------------------------------------- */

static uint32_t wc(const sctx_t *s, uint32_t k) { return k < s->n ? dict_wclass(s->d, s->t[k].id) : 0; }

/* Token k+1 starts right where token k ends: "day-old" is three glued tokens. */
static int glued(const sctx_t *s, uint32_t k) { return k + 1 < s->n && s->t[k + 1].off == s->t[k].off + s->t[k].len; }

static int tok_is(const sctx_t *s, uint32_t k, char ch)
{
    return k < s->n && (s->t[k].flags & TF_PUNCT) && s->text[s->t[k].off] == ch;
}

static int is_adverb(const sctx_t *s, uint32_t k)
{
    if (k >= s->n) return 0;
    if (wc(s, k) & WC_ADV) return 1;
    const tok_t *t = &s->t[k];
    /* "-ly" words with no other role ("comply", a verb, is not one; a pattern
     * that names an adverb still matches it, see match_pattern) */
    return (t->flags & TF_WORD) && !(t->flags & TF_CAP) && t->len > 4 && !dict_vforms(s->d, t->id) &&
           !dict_wclass(s->d, t->id) && s->text[t->off + t->len - 2] == 'l' && s->text[t->off + t->len - 1] == 'y';
}

static const mention_t *mention_ending_at(const sctx_t *s, uint32_t k) /* mention whose last token is k */
{
    if (k >= s->n || s->c->at[k] < 0) return NULL;
    const mention_t *m = &s->c->ms.v[s->c->at[k]];
    return m->e == k + 1 ? m : NULL;
}

static const mention_t *mention_starting_at(const sctx_t *s, uint32_t k)
{
    if (k >= s->n || s->c->at[k] < 0) return NULL;
    const mention_t *m = &s->c->ms.v[s->c->at[k]];
    return m->b == k ? m : NULL;
}

/* ---- resolving mentions to codes ---------------------------------------- */

static void side_add(side_t *sd, const char *code)
{
    if (!code[0]) return;
    for (int i = 0; i < sd->n; i++)
        if (!strcmp(sd->code[i], code)) return;
    if (sd->n < SIDE_MAX) snprintf(sd->code[sd->n++], CODE_MAX, "%s", code);
}

static void side_clear(side_t *sd)
{
    sd->n = 0;
    sd->b = sd->e = 0;
    sd->person = -1;
    sd->via = 0;
}

/* The country of a place mention as a side: "killed in Iraq" acts as IRQ. */
static void side_of_place(side_t *sd, const mention_t *m)
{
    char c3[4];
    snprintf(c3, sizeof c3, "%.3s", m->code[0]);
    side_clear(sd);
    side_add(sd, c3);
    sd->b = m->b;
    sd->e = m->e;
}

static int in_report(const sctx_t *s, uint32_t k) { return s->rep.active && k >= s->rep.b && k < s->rep.e; }

/* The last person named before token k in this sentence. */
static int nearest_person(const sctx_t *s, uint32_t k, side_t *sd)
{
    for (size_t i = s->c->ms.n; i-- > 0;) {
        const mention_t *m = &s->c->ms.v[i];
        if (m->e > k || m->kind != MK_ACTOR || !m->has_person || !m->n) continue;
        side_add(sd, m->code[0]);
        return 1;
    }
    return 0;
}

/* Add the codes one mention stands for; pronouns and "the minister" are
 * resolved against the article's memory. */
static void resolve_mention(sctx_t *s, const mention_t *m, side_t *sd)
{
    coder_t *c = s->c;
    if (m->kind == MK_PLACE) return;
    if (m->kind == MK_PRON) {
        uint32_t w = m->pron;
        uint32_t cls = dict_wclass(s->d, w);
        int quoted = s->c->inq[m->b] & 1;
        if ((cls & WC_SPEAKERPRON) && (quoted || in_report(s, m->b))) {
            const side_t *sp = in_report(s, m->b) && !quoted ? &s->rep.speaker : &s->speaker;
            if ((quoted && s->has_speaker) || (!quoted && sp->n)) {
                for (int i = 0; i < sp->n; i++) side_add(sd, sp->code[i]);
                sd->via = 1;
                TRACE(s, "    pronoun \"%.*s\" -> the speaker %s\n", (int)s->t[m->b].len, s->text + s->t[m->b].off,
                      sp->n ? sp->code[0] : "?");
            }
            return;
        }
        if (cls & WC_PLURALPRON) {
            for (int i = 0; i < c->nlast_subj; i++) side_add(sd, c->last_subj[i]);
            sd->via = 1;
            return;
        }
        if (cls & WC_SPEAKERPRON) return;
        /* it: a speaker that is not a person ("Iraq said it would"), else the
         * hearer ("told Iraq that it must"); never a person */
        if (cls & WC_NEUTER) {
            const side_t *who = NULL;
            if (in_report(s, m->b) && s->rep.speaker.n && s->rep.speaker.person < 0) who = &s->rep.speaker;
            else if (in_report(s, m->b) && s->rep.hearer.n && s->rep.hearer.person < 0) who = &s->rep.hearer;
            if (who) for (int i = 0; i < who->n; i++) side_add(sd, who->code[i]);
            if (sd->n) {
                sd->via = 1;
                TRACE(s, "    pronoun \"%.*s\" -> %s\n", (int)s->t[m->b].len, s->text + s->t[m->b].off, sd->code[0]);
            }
            return;
        }
        /* he, she: the speaker inside a report, else the last person */
        if (in_report(s, m->b) && s->rep.speaker.n) {
            side_add(sd, s->rep.speaker.code[0]);
            sd->via = 1;
            TRACE(s, "    pronoun \"%.*s\" -> the reporting speaker %s\n", (int)s->t[m->b].len,
                  s->text + s->t[m->b].off, s->rep.speaker.code[0]);
        } else if (nearest_person(s, m->b, sd)) {
            sd->via = 1;
            TRACE(s, "    pronoun \"%.*s\" -> %s, named before it\n", (int)s->t[m->b].len, s->text + s->t[m->b].off, sd->code[0]);
        } else if (c->last_person[0] && s->t[m->b].len > 2) {
            side_add(sd, c->last_person);
            sd->via = 1;
            TRACE(s, "    pronoun \"%.*s\" -> last person %s\n", (int)s->t[m->b].len, s->text + s->t[m->b].off,
                  c->last_person);
        }
        return;
    }
    for (int i = 0; i < m->n; i++) {
        const char *code = m->code[i];
        /* "Bosnian Serbs said their forces had completed their withdrawal": a
         * role owned by a possessive pronoun belongs to the speaker, else to
         * the last subject; other definite roles to the last one named */
        char owned[CODE_MAX];
        uint32_t pk = (wc(s, m->b) & WC_POSS) ? m->b : m->b > 0 && (wc(s, m->b - 1) & WC_POSS) ? m->b - 1 : UINT32_MAX;
        const char *owner = NULL;
        if (pk != UINT32_MAX && !strncmp(code, "---", 3) && !m->has_person)
            owner = in_report(s, m->b) && s->rep.speaker.n ? s->rep.speaker.code[0] : c->nlast_subj ? c->last_subj[0] : NULL;
        if (owner && strncmp(owner, "---", 3) && strlen(owner) >= 3) {
            snprintf(owned, sizeof owned, "%.3s%s", owner, code + 3);
            TRACE(s, "    \"%.*s\" -> %s, the owner named before\n", (int)s->t[pk].len, s->text + s->t[pk].off, owned);
            code = owned;
        } else if (m->definite_role) {
            for (int r = c->nrecent - 1; r >= 0; r--)
                if (!strcmp(c->recent[r].role, m->role)) {
                    code = c->recent[r].code;
                    TRACE(s, "    \"the %s\" -> %s, named earlier\n", m->role, code);
                    break;
                }
        }
        side_add(sd, code);
    }
    if (m->has_person && m->n == 1) sd->person = (int)m->person;
}

/* Remember actors for later pronouns and definite roles. */
static void remember(sctx_t *s, const mention_t *m, const side_t *sd)
{
    coder_t *c = s->c;
    if (m->kind != MK_ACTOR || !sd->n) return;
    if (m->has_person) snprintf(c->last_person, CODE_MAX, "%s", sd->code[0]);
    /* "the minister" later means a person named with a role, not a capital */
    if (!m->has_person && !m->role[0]) return;
    const char *code = sd->code[0];
    size_t len = strlen(code);
    if (len >= 6 && code[0] != '-') {
        if (c->nrecent == 16) {
            memmove(c->recent, c->recent + 1, 15 * sizeof c->recent[0]);
            c->nrecent--;
        }
        const char *role = m->role[0] ? m->role : code + 3;
        snprintf(c->recent[c->nrecent].role, 4, "%.3s", role);
        snprintf(c->recent[c->nrecent].code, CODE_MAX, "%s", code);
        c->nrecent++;
    }
}

static int plain_noun(const sctx_t *s, uint32_t k);

/* Past a determiner and describing words before an actor ("the evil awful"). */
static uint32_t skip_np_words(const sctx_t *s, uint32_t k)
{
    uint32_t q = k;
    while (q < s->n && q < k + 4 && !mention_starting_at(s, q) && (plain_noun(s, q) || (wc(s, q) & WC_DET))) q++;
    return mention_starting_at(s, q) ? q : k;
}

/* A mention and the ones joined to it by "and" (leftwards or rightwards). */
static void side_group(sctx_t *s, const mention_t *m, int rightwards, side_t *sd)
{
    side_clear(sd);
    sd->b = m->b;
    sd->e = m->e;
    resolve_mention(s, m, sd);
    int members = 1;
    if (rightwards) {
        const mention_t *cur = m;
        for (;;) {
            uint32_t k = cur->e;
            if (k + 1 >= s->n) break;
            int joined = s->t[k].id == s->d->w_and;
            if (!joined && tok_is(s, k, ',')) {
                const mention_t *nx = mention_starting_at(s, k + 1);
                joined = nx && nx->e < s->n && (s->t[nx->e].id == s->d->w_and || tok_is(s, nx->e, ','));
            }
            if (!joined) break;
            const mention_t *nx = mention_starting_at(s, skip_np_words(s, k + 1));
            if (!nx || nx->kind != MK_ACTOR) break;
            resolve_mention(s, nx, sd);
            sd->e = nx->e;
            cur = nx;
            members++;
        }
    } else {
        /* members are found right to left and coded in text order, so that
         * "The United States and Jordan agreed" puts the United States first */
        const mention_t *chain[SIDE_MAX];
        int nchain = 0;
        const mention_t *cur = m;
        for (;;) {
            if (cur->b < 2 || nchain + 1 >= SIDE_MAX) break;
            uint32_t k = cur->b - 1;
            /* "Fornost and the evil awful Gondor": past words that only describe */
            for (int w = 0; w < 4 && k > 1 && (plain_noun(s, k) || (wc(s, k) & WC_DET)); w++) k--;
            /* "Neither Galadriel nor Gollum"; "Mordor, the awful Fornost, and Gondor" */
            int conj = s->t[k].id == s->d->w_and || s->t[k].id == s->d->w_nor;
            if (!conj && !(tok_is(s, k, ',') && members > 1)) break;
            if (conj && k > 2 && tok_is(s, k - 1, ',')) k--;
            const mention_t *pv = mention_ending_at(s, k - 1);
            if (!pv || pv->kind != MK_ACTOR) break;
            /* "In Paris, Britain and Japan agreed": a place phrase, not a member */
            if (conj == 0 && pv->b > 0 && (wc(s, pv->b - 1) & WC_PREP)) break;
            chain[nchain++] = pv;
            sd->b = pv->b;
            cur = pv;
            members++;
        }
        if (nchain) {
            side_t first;
            side_clear(&first);
            for (int i = nchain; i-- > 0;) resolve_mention(s, chain[i], &first);
            for (int i = 0; i < sd->n; i++) side_add(&first, sd->code[i]);
            first.b = sd->b;
            first.e = sd->e;
            first.person = sd->person;
            first.via = sd->via;
            *sd = first;
        }
    }
    if (members > 1) {
        sd->person = -1;
        /* "Chinese Premier Li and State Councilor Yang": a member with no
         * country shares the nationality of the member before it */
        int with = -1;
        for (int i = 0; i < sd->n && with < 0; i++)
            if (strncmp(sd->code[i], "---", 3)) with = i;
        for (int i = 0; i < sd->n && with >= 0; i++)
            if (!strncmp(sd->code[i], "---", 3) && strlen(sd->code[i]) > 3) {
                char tmp[CODE_MAX];
                snprintf(tmp, sizeof tmp, "%.3s%s", sd->code[with], sd->code[i] + 3);
                memcpy(sd->code[i], tmp, CODE_MAX);
            }
    }
}

/* ---- verbs ---------------------------------------------------------------- */

static int plain_noun(const sctx_t *s, uint32_t k);

/* An actor phrase ends right before k, perhaps followed by a head noun no
 * dictionary knows ("Caras Galadhon's new mayor | left"). */
static int actor_np_before(const sctx_t *s, uint32_t k)
{
    if (!k) return 0;
    uint32_t q = k - 1, words = 0;
    while (q > 0 && words < 3 && plain_noun(s, q)) {
        q--;
        words++;
    }
    if (!words) return 0;
    if (s->t[q].id == s->d->w_s && q > 0) q--;
    return mention_ending_at(s, q) != NULL;
}

/* Is the token at k used as a verb here? "the visit", "his trip", "Japan's
 * purchase", "talks between" are nouns. */
static int verb_use(sctx_t *s, uint32_t k, uint8_t forms, const char **why)
{
    /* "should have acted": a modal before a verb is that verb's auxiliary,
     * even where a dictionary lists it as a verb of its own */
    if (wc(s, k) & WC_MODAL) {
        uint32_t q = k + 1;
        while (q < s->n && q < k + 4 && (is_adverb(s, q) || (wc(s, q) & WC_NEG))) q++;
        if (q < s->n && s->c->at[q] < 0 && (dict_vforms(s->d, s->t[q].id) || (wc(s, q) & (WC_BE | WC_HAVE | WC_DO))))
            return *why = "a modal before its verb", 0;
    }
    /* "Abe (left) shakes hands": look past a bracketed aside */
    if (k >= 3 && tok_is(s, k - 1, ')')) {
        uint32_t o = k - 1;
        while (o > 0 && o + 8 > k && !tok_is(s, o, '(')) o--;
        if (tok_is(s, o, '(')) k = o;
    }
    uint32_t p = k ? k - 1 : UINT32_MAX;
    /* "government-run", "Syrian-backed", "peace-keeping": half of a compound adjective */
    if (k >= 2 && tok_is(s, p, '-') && (forms & (VF_PP | VF_ING)) && glued(s, p - 1))
        return *why = "part of a hyphenated compound", 0;
    /* the last word of an actor phrase is the phrase ("Moon Jae-in met"), whatever its class */
    uint32_t pc = k && s->c->at[p] < 0 ? wc(s, p) : 0;
    if (k && (pc & (WC_DET | WC_POSS))) return *why = "after a determiner", 0;
    if (k && s->t[p].id == s->d->w_s) return *why = "after a possessive", 0;
    if (k && s->c->at[p] >= 0 && s->c->ms.v[s->c->at[p]].kind == MK_PLACE) {
        /* "police in Jericho confiscated": a past tense after a place phrase */
        const mention_t *pl = &s->c->ms.v[s->c->at[p]];
        uint32_t q = pl->b;
        while (q > 0 && (wc(s, q - 1) & WC_DET)) q--;
        if (!((forms & VF_PAST) && q > 0 && (wc(s, q - 1) & WC_PREP))) return *why = "after a place name", 0;
    }
    const mention_t *before = k ? mention_ending_at(s, p) : NULL;
    int adv = k && (is_adverb(s, p) || (pc & (WC_NEG | WC_BE | WC_HAVE | WC_DO | WC_MODAL)));
    if (forms & (VF_PAST | VF_PP)) {
        if (k && (pc & WC_PREP) && !(pc & WC_SUBORD)) return *why = "after a preposition", 0;
        return 1;
    }
    if (forms & VF_ING) {
        if (!k) return *why = "sentence-initial -ing form", 0;
        if (pc & (WC_BE | WC_SUBORD | WC_PREP | WC_REL)) return 1;
        if (tok_is(s, p, ',') || adv || before) return 1;
        return *why = "an -ing form not in a verb position", 0;
    }
    if (forms & VF_S) {
        if (before || adv || (pc & (WC_REL | WC_PRON)) || actor_np_before(s, k)) return 1;
        return *why = "no subject right before it", 0;
    }
    if (forms & VF_BASE) {
        if (k && (s->t[p].id == s->d->w_to || (pc & (WC_MODAL | WC_DO | WC_NEG | WC_PRON | WC_REL)))) return 1;
        if (before || adv || actor_np_before(s, k)) return 1;
        return *why = "a base form with no subject, modal or 'to' before it", 0;
    }
    return *why = "not a verb form", 0;
}

/* Walk left from the verb over its auxiliaries and adverbs. */
static void verb_group(sctx_t *s, verb_t *v)
{
    uint32_t g = v->k;
    int be = 0, perfect = 0;
    while (g > 0) {
        uint32_t p = g - 1;
        uint32_t c = wc(s, p);
        if (s->c->at[p] >= 0) break; /* "Theresa May met": a name, not an auxiliary */
        if (c & WC_NEG) v->neg = 1;
        else if (c & WC_BE) be = 1;
        else if (c & WC_MODAL) {
            v->modal = 1;
            if (c & WC_FUTURE) v->announced = 1;
            if ((c & WC_MUST) && !perfect) v->must = 1; /* "should have condemned" is a reproach, kept as the act */
        } else if (c & (WC_HAVE | WC_DO)) {
            if (c & WC_HAVE) perfect = 1;
        } else if (is_adverb(s, p)) {
        } else if (tok_is(s, p, ')') && p > 1) {
            uint32_t o = p;
            while (o > 0 && o + 8 > p && !tok_is(s, o, '(')) o--;
            if (!tok_is(s, o, '(')) break;
            p = o;
        } else break;
        g = p;
    }
    if (g > 0 && s->t[g - 1].id == s->d->w_to) {
        v->infinitive = 1;
        g--;
        /* "is ready to send", "plans to impose" */
        uint32_t q = g;
        while (q > 0 && (is_adverb(s, q - 1) || ((wc(s, q - 1) & WC_TIME) && s->c->at[q - 1] < 0))) q--;
        uint32_t ic = q > 0 ? wc(s, q - 1) : 0;
        if (ic & (WC_INTENT | WC_REFUSE)) {
            v->announced = 1;
            /* "refused to allow": announced and negated at once */
            if (ic & WC_REFUSE) v->neg = 1;
            /* "had no plans to bow", "is not ready to send", "must be ready to
             * mediate", "will be willing to": the words before the intent word */
            uint32_t r = q - 1;
            while (r > 0 && (r + 4 > q) && (wc(s, r - 1) & (WC_BE | WC_NEG | WC_MODAL | WC_DO | WC_HAVE) || is_adverb(s, r - 1))) {
                uint32_t c = wc(s, r - 1);
                if (c & WC_NEG) v->neg = 1;
                if (c & WC_MUST) v->must = 1;
                r--;
            }
            v->frame = r;
        } else if (ic & WC_FAIL) {
            v->neg = 1; /* "failed to reach agreement": nothing was done */
        }
    }
    v->gs = g;
    v->passive = be && (v->forms & VF_PP) && !(v->forms & VF_ING) && !(v->forms & VF_BASE);
    /* "has been put under investigation", "was cut": a participle that is also
     * a base form, right after a form of "be" */
    if (be && !v->passive && (v->forms & VF_PP) && !(v->forms & VF_ING)) {
        uint32_t q = v->k;
        while (q > v->gs && is_adverb(s, q - 1)) q--;
        if (q > v->gs && (wc(s, q - 1) & WC_BE)) v->passive = 1;
    }
    /* "Israel is opposed to", "Serb forces were engaged in": the subject's stance */
    if (v->passive && (wc(s, v->k) & WC_STANCE) && !(v->k + 1 < s->n && s->t[v->k + 1].id == s->d->w_by)) v->passive = 0;
}

/* A lower-case word that can only be part of a noun phrase here. */
static int plain_noun(const sctx_t *s, uint32_t k)
{
    const tok_t *t = &s->t[k];
    if (!(t->flags & TF_WORD) || (t->flags & (TF_NUM | TF_CLITIC))) return 0;
    if (s->c->at[k] >= 0 || dict_vforms(s->d, t->id)) return 0;
    return !(wc(s, k) & ~(WC_MOD | WC_FORMER | WC_THING));
}

static int subject_of_previous_verb(sctx_t *s, uint32_t before, side_t *sd)
{
    for (uint32_t k = before; k-- > 0;)
        if (s->c->subj_of[k] >= 0) {
            side_group(s, &s->c->ms.v[s->c->subj_of[k]], 0, sd);
            sd->via = 2;
            return 1;
        }
    /* the main verb may be one the dictionaries do not know ("Wang spoke to
     * reporters before meeting Kono"): an actor opening the sentence is its subject */
    if (s->c->ms.n && s->c->ms.v[0].b == 0 && s->c->ms.v[0].kind == MK_ACTOR && s->c->ms.v[0].e < before) {
        const mention_t *m = &s->c->ms.v[0];
        while (m + 1 < s->c->ms.v + s->c->ms.n && m[1].b == m->e + 1 && s->t[m->e].id == s->d->w_and) m++;
        side_group(s, m, 0, sd);
        sd->via = 2;
        return 1;
    }
    return 0;
}

/* Every verb form the word at k can be, over all verbs it belongs to. */
static uint8_t verb_forms(const sctx_t *s, uint32_t k)
{
    uint8_t f = 0;
    for (uint32_t vf = dict_vforms(s->d, s->t[k].id); vf; vf = s->d->vforms[vf - 1].next) f |= s->d->vforms[vf - 1].forms;
    return f;
}

/* Does a verb end a clause here, walking left? A past tense does; a
 * participle that modifies the noun before it ("a newspaper based in",
 * "hackers angered by") and forms that are mostly nouns ("rebels", "bombing")
 * do not. */
static int clause_verb(const sctx_t *s, uint32_t k)
{
    if (s->t[k].id == s->d->w_s) return 0; /* "Iraq's": a possessive, not "is" */
    if (wc(s, k) & (WC_BE | WC_HAVE | WC_MODAL | WC_DO)) return 1;
    uint8_t f = verb_forms(s, k);
    if (!(f & VF_PAST) || (s->t[k].flags & TF_CAP)) return 0;
    return !(k + 1 < s->n && (f & VF_PP) && (wc(s, k + 1) & WC_PREP));
}

static uint32_t skip_quantity(const sctx_t *s, uint32_t k);

/* "Rebels in the Ivory Coast blocked", "Thousands of Nigerians from across
 * the country converged", "Washington along with its allies demanded",
 * "Russian aircraft including helicopter gunships killed": when no actor ends
 * right before the verb, the subject is the first noun phrase of the clause,
 * whatever follows it. A role with no country takes the country of a place or
 * actor in its own phrase ("rebels in the Ivory Coast": CIVREB). */
static const mention_t *clause_subject(sctx_t *s, uint32_t j, side_t *sd)
{
    uint32_t cs = j + 1;
    while (cs > 0 && j + 1 - cs < 24) {
        uint32_t p = cs - 1;
        /* "before", "by" are prepositions here, "because", "while" open clauses */
        uint32_t pc = wc(s, p);
        if (s->c->at[p] < 0 && (tok_is(s, p, ',') || tok_is(s, p, ';') || tok_is(s, p, ':') || tok_is(s, p, '"') ||
                                (pc & (WC_COMP | WC_REL | WC_PRON)) || ((pc & WC_SUBORD) && !(pc & WC_PREP)) ||
                                clause_verb(s, p)))
            break;
        cs--;
    }
    if (j + 1 - cs >= 24) return NULL;
    /* after a verb or a pronoun the phrase is an object, not a subject */
    if (cs > 0 && s->c->at[cs - 1] < 0 && ((wc(s, cs - 1) & (WC_PRON | WC_REL)) || clause_verb(s, cs - 1))) return NULL;
    /* the words leading to the phrase: "About 200 supporters of", "A group of the" */
    uint32_t k = skip_quantity(s, cs);
    if (k > j) k = cs;
    while (k <= j && !mention_starting_at(s, k)) {
        const tok_t *t = &s->t[k];
        int lead = (t->flags & TF_NUM) || s->t[k].id == s->d->w_of || tok_is(s, k, '-') || s->t[k].id == s->d->w_s ||
                   (wc(s, k) & (WC_DET | WC_NUMWORD | WC_MOD)) || plain_noun(s, k) ||
                   (k == cs && (wc(s, k) & WC_STARTER) && !(wc(s, k) & WC_PREP));
        if (!lead) return NULL;
        k++;
    }
    const mention_t *m = k <= j ? mention_starting_at(s, k) : NULL;
    if (!m || m->e > j + 1) return NULL;
    /* "Anglo American Gold Investment Co chairman": a name dyad does not know */
    if (m->e <= j && m->e == m->b + 1 && (s->t[m->e].flags & TF_CAP) && s->c->at[m->e] < 0) return NULL;
    /* a place acts only through the phrase it is in: "inhabitants of the Golan Heights" */
    if (m->kind == MK_PLACE && (k == cs || s->t[k - 1].id != s->d->w_of)) return NULL;
    if (m->kind != MK_ACTOR && m->kind != MK_PLACE) return NULL;
    if (m->kind == MK_PLACE) side_of_place(sd, m);
    else side_group(s, m, 1, sd);
    /* "rebels in the Ivory Coast", "police in Jericho": the country of the phrase */
    uint32_t q = sd->e;
    if (q < j && (s->t[q].id == s->d->w_in || s->t[q].id == s->d->w_from || s->t[q].id == s->d->w_of)) {
        q++;
        while (q < j && !mention_starting_at(s, q) &&
               ((wc(s, q) & (WC_DET | WC_NUMWORD)) || (s->t[q].flags & TF_NUM)))
            q++;
        const mention_t *w = mention_starting_at(s, q);
        if (w && strncmp(w->code[0], "---", 3))
            for (int i = 0; i < sd->n; i++)
                if (!strncmp(sd->code[i], "---", 3)) memcpy(sd->code[i], w->code[0], 3);
    }
    return m;
}

static int first_np_subject(sctx_t *s, const verb_t *v, uint32_t j, side_t *sd)
{
    /* a capitalised "verb" inside a sentence is most likely part of a name */
    if (v->k > 0 && (s->t[v->k].flags & TF_CAP)) return -1;
    const mention_t *m = clause_subject(s, j, sd);
    if (!m) return -1;
    TRACE(s, "    subject: the first noun phrase of the clause\n");
    return (int)(m - s->c->ms.v);
}

/* Find the subject of the verb group starting at gs. Returns the mention
 * index (or -1) and fills sd. */
static int find_subject(sctx_t *s, const verb_t *v, side_t *sd)
{
    side_clear(sd);
    uint32_t g = v->gs;
    /* "the US must be ready to mediate": the actor before the intent frame */
    if (v->infinitive && v->frame > 0) {
        const mention_t *m = mention_ending_at(s, v->frame - 1);
        if (m && m->kind != MK_PLACE) {
            side_group(s, m, 0, sd);
            TRACE(s, "    subject: before the intent frame\n");
            return (int)(m - s->c->ms.v);
        }
        /* "Druze inhabitants of the Golan Heights threatened to strike" */
        if (clause_subject(s, v->frame - 1, sd)) {
            TRACE(s, "    subject: the first noun phrase before the intent frame\n");
            return -1;
        }
    }
    if (v->infinitive || ((v->forms & VF_ING) && g > 0 && (wc(s, g - 1) & (WC_SUBORD | WC_PREP)))) {
        if (subject_of_previous_verb(s, g, sd)) {
            TRACE(s, "    subject: borrowed from the clause it depends on\n");
            return -2;
        }
        return -1;
    }
    if (g == 0) return -1;
    uint32_t j = g - 1;
    /* "Pyongyang on Thursday fired": past a time phrase */
    if (wc(s, j) & WC_TIME) {
        uint32_t q = j;
        while (q > 0 && j - q < 4 && (wc(s, q) & (WC_TIME | WC_MONTH | WC_PREP | WC_DET))) q--;
        if (q < j && mention_ending_at(s, q)) j = q;
    }
    /* "praised Xi and said": a second verb shares the subject of the first */
    if (s->t[j].id == s->d->w_and || (wc(s, j) & WC_CONJ)) {
        if (subject_of_previous_verb(s, j, sd)) {
            TRACE(s, "    subject: shared with the verb before 'and'\n");
            return -2;
        }
        return -1;
    }
    /* "Kono, who was visiting Beijing": the relative pronoun's antecedent */
    if (wc(s, j) & WC_REL) {
        if (j == 0) return -1;
        uint32_t a = j - 1;
        if (tok_is(s, a, ',') && a > 0) a--;
        const mention_t *m = mention_ending_at(s, a);
        if (!m || m->kind == MK_PLACE) return -1;
        side_group(s, m, 0, sd);
        TRACE(s, "    subject: antecedent of the relative clause\n");
        return (int)(m - s->c->ms.v);
    }
    /* "China's foreign minister, in a notable signal, told": skip the aside */
    if (tok_is(s, j, ',')) {
        uint32_t lim = j > 30 ? j - 30 : 0;
        for (uint32_t p = j; p-- > lim;) {
            if (tok_is(s, p, '"') || s->t[p].id == s->d->w_that) break;
            if (tok_is(s, p, ',')) {
                const mention_t *m = p ? mention_ending_at(s, p - 1) : NULL;
                if (m && m->kind != MK_PLACE) {
                    side_group(s, m, 0, sd);
                    TRACE(s, "    subject: before the parenthetical\n");
                    return (int)(m - s->c->ms.v);
                }
                /* "The Nigerian Union of Teachers (NUT), the umbrella union ...,
                 * announced"; "Kenzo Oshima, the UN relief coordinator, demanded":
                 * the phrase before the aside, else an appositive naming the actor */
                if (p && clause_subject(s, p - 1, sd)) {
                    TRACE(s, "    subject: the noun phrase before the parenthetical\n");
                    return -1;
                }
                if (p + 1 < j && ((wc(s, p + 1) & (WC_DET | WC_POSS)) || mention_starting_at(s, p + 1)) &&
                    clause_subject(s, j - 1, sd)) {
                    TRACE(s, "    subject: the appositive\n");
                    return -1;
                }
                break;
            }
        }
        return -1;
    }
    const mention_t *m = mention_ending_at(s, j);
    if (!m) {
        /* "Caras Galadhon's new mayor left", "Israeli warplanes struck": a head
         * noun no dictionary knows takes the code of the actor that modifies it */
        uint32_t q = j, words = 0;
        while (q > 0 && words < 3 && plain_noun(s, q)) {
            q--;
            words++;
        }
        if (words && q < j) {
            if (s->t[q].id == s->d->w_s && q > 0) q--;
            m = mention_ending_at(s, q);
            if (m && m->kind == MK_ACTOR) {
                side_group(s, m, 0, sd);
                TRACE(s, "    subject: the actor modifying an unknown head noun\n");
                return (int)(m - s->c->ms.v);
            }
        }
        return first_np_subject(s, v, j, sd);
    }
    if (m->kind == MK_PLACE || (m->b > 0 && (wc(s, m->b - 1) & WC_PREP) && !(wc(s, m->b - 1) & WC_SUBORD)) ||
        (m->b > 0 && s->t[m->b - 1].id == s->d->w_s))
        return first_np_subject(s, v, j, sd);
    side_group(s, m, 0, sd);
    return (int)(m - s->c->ms.v);
}

/* ---- patterns ------------------------------------------------------------ */

static int word_in_d(const dict_t *d, const pelem_t *e, uint32_t id)
{
    for (int i = 0; i < e->nalt; i++)
        if (e->alt[i] == id) return 1;
    return e->set && dict_in_synset(d, e->set, id);
}
#define word_in(e, id) word_in_d(s->d, (e), (id))

/* Words of the longest member of a synset starting at token k. */
static size_t set_match(const sctx_t *s, uint32_t set, uint32_t k)
{
    uint32_t w[16];
    size_t n = 0;
    while (n < 16 && k + n < s->n) {
        w[n] = s->t[k + n].id;
        n++;
    }
    return dict_synset_match(s->d, set, w, n);
}

/* Tokens a word or synset element matches at k (0: none). */
static size_t elem_match(const sctx_t *s, const pelem_t *e, uint32_t k)
{
    if (e->set) return set_match(s, e->set, k);
    return word_in(e, s->t[k].id) ? 1 : 0;
}

/* A token that ends a clause for the purpose of finding an implicit object. */
static int clause_stop(const sctx_t *s, uint32_t k)
{
    return tok_is(s, k, ',') || tok_is(s, k, ';') || tok_is(s, k, '"') || tok_is(s, k, '.') ||
           s->t[k].id == s->d->w_that || (wc(s, k) & WC_REL);
}

/* PETRARCH reads a pattern over the whole verb phrase of its parse, and that
 * phrase holds a 'that' clause or a relative clause too ("allowed that Mordor
 * isn't a really pleasant place"): for its patterns only punctuation ends
 * the search. */
static int pattern_stop(const sctx_t *s, const pattern_t *p, uint32_t k)
{
    if (!p->gaps) return clause_stop(s, k);
    return tok_is(s, k, ',') || tok_is(s, k, ';') || tok_is(s, k, '"') || tok_is(s, k, '.');
}

/* The first actor of the verb phrase after the verb, as PETRARCH's parse
 * gives it: within twelve tokens, up to the punctuation that ends a pattern. */
static const mention_t *first_actor_after(const sctx_t *s, const pattern_t *p, const verb_t *v)
{
    for (uint32_t k = v->k + 1; k < s->n && k < v->k + 12 && !pattern_stop(s, p, k); k++) {
        const mention_t *m = mention_starting_at(s, k);
        if (m && m->kind == MK_ACTOR) return m;
    }
    return NULL;
}

/* PETRARCH's words before the verb: each must stand, in order, in the few
 * tokens before the verb group. */
static int match_pre(sctx_t *s, const pattern_t *p, verb_t *v)
{
    if (!p->npre) return 1;
    /* from the verb itself: auxiliaries may be pattern words ("WOULD *") */
    uint32_t k = v->k;
    for (int i = (int)p->npre - 1; i >= 0; i--) {
        const pelem_t *e = &p->pre[i];
        int found = 0;
        /* glued ('_') to what follows it: only the very next token back */
        int glued = i == (int)p->npre - 1 ? p->verb_adj : p->pre[i + 1].adjacent;
        uint32_t reach = glued ? 1 : 6;
        for (uint32_t back = 0; back < reach && k > 0 && !found; back++) {
            k--;
            if (e->compound) {
                /* "% *": the subject is a compound ("The Philippines and France agree") */
                const mention_t *m = mention_ending_at(s, k);
                side_t g;
                if (m && m->kind == MK_ACTOR) {
                    side_group(s, m, 0, &g);
                    found = g.n >= 2;
                }
                if (!found && k > 0 && k + 1 == v->gs) continue;
                break;
            } else if (e->target || e->source) {
                found = s->c->at[k] >= 0 && s->c->ms.v[s->c->at[k]].kind == MK_ACTOR;
            } else if (e->skip) {
                found = 1;
            } else {
                found = word_in(e, s->t[k].id);
            }
        }
        if (!found) return 0;
        /* "- &NEGATVAUXVRB * ..." : the pattern itself speaks of the negation */
        if ((k >= v->gs && k < v->k) || (k + 1 < s->n && (wc(s, k + 1) & WC_NEG))) v->neg_in_pattern = 1;
    }
    return 1;
}

/* Event roots whose target may be named as a possessor: all but intents,
 * meetings and fighting ("met Indonesia's share", "attacked Japan's fiscal
 * policy" name no target; "condemned Russia's invasion" does). */
static int possessor_target(const char *code)
{
    static const char *const roots[] = {"03", "04", "19", NULL};
    for (int i = 0; roots[i]; i++)
        if (!strncmp(code, roots[i], 2)) return 0;
    return 1;
}

/* A lower-case word with no grammatical role here: no verb form, not a
 * function word, not part of an actor. */
static int plain_word(const sctx_t *s, uint32_t k)
{
    const tok_t *t = &s->t[k];
    if (!(t->flags & TF_WORD) || (t->flags & (TF_CAP | TF_NUM | TF_CLITIC))) return 0;
    if (s->c->at[k] >= 0 || dict_vforms(s->d, t->id)) return 0;
    return !(dict_wclass(s->d, t->id) & ~(WC_MOD | WC_ADV | WC_TIME | WC_THING)); /* "rejected recent calls" */
}

/* Past a number before an actor: "arrested more than 100 Palestinians",
 * "kidnapped up to 16 Russian advisers", "deported dozens of Liberians".
 * Returns k itself when no actor follows the number. */
static uint32_t skip_quantity(const sctx_t *s, uint32_t k)
{
    static const char *const lead[] = {"more", "less", "fewer", "than", "up", "to", "at", "least", "most",
                                       "about", "some", "nearly", "almost", "around", "over", "roughly",
                                       "approximately", "an", "estimated", NULL};
    uint32_t q = k, nums = 0;
    while (q < s->n && q < k + 8) {
        const tok_t *t = &s->t[q];
        int lw = 0;
        for (int i = 0; lead[i] && !lw && !nums; i++)
            lw = t->len == strlen(lead[i]) && !strncasecmp(s->text + t->off, lead[i], t->len);
        if ((t->flags & TF_NUM) || (wc(s, q) & WC_NUMWORD)) nums++;
        else if (!(lw || (nums && (s->t[q].id == s->d->w_of || tok_is(s, q, ','))))) break;
        q++;
    }
    return nums && q < s->n ? q : k;
}

/* How many tokens at k read as one word describing a noun after them:
 * "repeated", "day-old", "24-hour", "25,000 tons of", "$5.1 million of", "four".
 * 0 when none. */
static uint32_t describing_words(const sctx_t *s, uint32_t k)
{
    if (k >= s->n) return 0;
    const tok_t *t = &s->t[k];
    if (k + 2 < s->n && tok_is(s, k + 1, '-') && glued(s, k) && glued(s, k + 1) &&
        (s->t[k].flags & (TF_WORD | TF_NUM)) && (s->t[k + 2].flags & TF_WORD) &&
        s->c->at[k] < 0 && s->c->at[k + 2] < 0)
        return 3;
    /* "part of a stronghold", "some of its troops", "half of the" */
    if (k + 1 < s->n && s->t[k + 1].id == s->d->w_of && s->c->at[k] < 0 &&
        (plain_word(s, k) || (wc(s, k) & (WC_DET | WC_NUMWORD))))
        return 2;
    if (plain_word(s, k)) return 1;
    /* "opened the Friendship Bridge", "a Karen guerrilla stronghold": a name
     * no dictionary knows, used as a modifier */
    if ((t->flags & TF_WORD) && (t->flags & TF_CAP) && !(t->flags & (TF_NUM | TF_CLITIC)) && s->c->at[k] < 0 &&
        !wc(s, k) && !dict_vforms(s->d, t->id))
        return 1;
    /* "defaced 3,000 Danish web sites", "a Karen guerrilla stronghold", "the
     * Europe Bridge": the last word of an actor phrase used as a modifier of a
     * noun after it */
    if (s->c->at[k] >= 0 && k + 1 < s->n && s->c->at[k + 1] < 0 && (s->t[k + 1].flags & TF_WORD)) {
        const mention_t *m = &s->c->ms.v[s->c->at[k]];
        if (m->e == k + 1 && (m->b == k || (m->b + 1 == k && (wc(s, m->b) & WC_DET)))) return 1;
    }
    /* "accept any more refugees": a determiner or describing word, even when
     * it opens an actor phrase */
    uint32_t kc = wc(s, k);
    if ((kc & (WC_DET | WC_MOD | WC_POSS)) &&
        !(kc & ~(WC_DET | WC_MOD | WC_POSS | WC_ADV | WC_TIME | WC_NUMWORD | WC_STARTER | WC_NEUTER)))
        return 1;
    /* "four shell bombs", "a mortar attack": a base form used as a noun */
    if ((t->flags & TF_WORD) && !(t->flags & (TF_CAP | TF_NUM | TF_CLITIC)) && s->c->at[k] < 0 && !wc(s, k)) {
        if (verb_forms(s, k) == VF_BASE) return 1;
    }
    uint32_t q = k;
    if (tok_is(s, q, '$')) q++;
    /* "up to 4,000", "more than 100", "dozens of" */
    uint32_t sq = skip_quantity(s, q);
    if (sq == q) return 0;
    q = sq;
    /* a unit and "of": "tons of", "million dollars of", "kg of" */
    uint32_t u = q;
    while (u < s->n && u < q + 2 && (plain_word(s, u) || (wc(s, u) & WC_NUMWORD))) u++;
    if (u > q && u < s->n && s->t[u].id == s->d->w_of) return u + 1 - k;
    return q - k;
}

/* Try one pattern after the verb. Returns the token after the match, or 0;
 * *tm gets the target mention (or NULL). In the passive the target slot is
 * the subject and is not looked for. */
static uint32_t match_pattern(sctx_t *s, const pattern_t *p, verb_t *v, const mention_t **tm, const mention_t **sm)
{
    uint32_t pos = v->k + 1, pe = 0;
    int skipped = 0;
    *tm = NULL;
    *sm = NULL;
    if (!match_pre(s, p, v)) return 0;
    for (uint16_t i = 0; i < p->nel; i++) {
        const pelem_t *e = &p->el[i];
        /* adverbs are skipped, unless the pattern asks for this one ("* NOW") */
        while (pos < s->n && is_adverb(s, pos) && !word_in(e, s->t[pos].id)) pos++;
        /* and so is a day ("demanded Friday that", "accused on Sunday Japan of") */
        if (!p->gaps && pos + 1 < s->n) {
            uint32_t q = pos;
            if (s->t[q].id == s->d->w_on && (wc(s, q + 1) & WC_TIME)) q++;
            if ((wc(s, q) & WC_TIME) && (s->t[q].flags & TF_CAP) && !word_in(e, s->t[q].id)) pos = q + 1;
        }
        if (e->search) {
            /* the next actor in the clause is the object */
            if (v->passive) continue;
            uint32_t k = pos;
            while (k < s->n && k < pos + 8 && !pattern_stop(s, p, k) && !mention_starting_at(s, k)) k++;
            const mention_t *m = k < s->n ? mention_starting_at(s, k) : NULL;
            if (!m || m->kind != MK_ACTOR) {
                /* no object: a compound subject may act on itself ("Gondor and
                 * Osgiliath renewed ties"), decided by the caller */
                pe = pe ? pe : pos;
                continue;
            }
            pe = pe ? pe : pos;
            *tm = m;
            side_t grp;
            side_group(s, m, 1, &grp);
            pos = grp.e > m->e ? grp.e : m->e;
            continue;
        }
        if (e->skip) {
            /* any words, up to where the next element matches */
            if (i + 1 < p->nel) {
                const pelem_t *nx = &p->el[i + 1];
                uint32_t k = pos;
                while (k < s->n && k < pos + 8 && !pattern_stop(s, p, k) &&
                       !((nx->target || nx->source || nx->search) ? mention_starting_at(s, k) != NULL : word_in(nx, s->t[k].id)))
                    k++;
                if (k >= s->n || pattern_stop(s, p, k)) return 0;
                pos = k;
            }
            continue;
        }
        if (e->source) {
            const mention_t *m = mention_starting_at(s, pos);
            if (!m || m->kind != MK_ACTOR) return 0;
            *sm = m;
            pos = m->e;
            continue;
        }
        if (e->target || e->compound) {
            if (v->passive) continue;
            pe = pos;
            const mention_t *m = mention_starting_at(s, pos);
            if (!m) m = mention_starting_at(s, skip_quantity(s, pos));
            if (!m || m->kind == MK_PLACE) return 0;
            /* "met Indonesia's share", "attacked Japan's fiscal policy": a possessor
             * is the target only of words about it ("condemned Russia's invasion") */
            if (m->e < s->n && s->t[m->e].id == s->d->w_s && !possessor_target(p->code) &&
                !(i + 1 < p->nel && word_in(&p->el[i + 1], s->d->w_s)))
                return 0;
            *tm = m;
            /* "urged China and the Philippines to comply": past the whole compound */
            side_t grp;
            side_group(s, m, 1, &grp);
            pos = grp.e > m->e ? grp.e : m->e;
            continue;
        }
        size_t len = pos < s->n ? elem_match(s, e, pos) : 0;
        if (len) {
            pos += (uint32_t)len;
            continue;
        }
        if (e->opt) continue;
        /* "allowed 13,000 refugees who have lived in Iraq to return", "pressured
         * workers of the bus company to cancel": after the target, a relative
         * clause or an "of" phrase may stand before the pattern's next word */
        if (!p->gaps && i > 0 && p->el[i - 1].target && *tm && pos + 1 < s->n && tok_is(s, pos, ',')) {
            /* "forced the UN refugee agency, UNHCR, out of the country": an appositive */
            const mention_t *ap = mention_starting_at(s, pos + 1);
            if (ap && ap->e < s->n && tok_is(s, ap->e, ',') && ap->e + 1 < s->n && (len = elem_match(s, e, ap->e + 1))) {
                pos = ap->e + 1 + (uint32_t)len;
                continue;
            }
        }
        if (!p->gaps && i > 0 && p->el[i - 1].target && *tm && pos < s->n &&
            ((wc(s, pos) & WC_REL) || s->t[pos].id == s->d->w_of)) {
            uint32_t k = pos + 1;
            while (k < s->n && k < pos + 15 && !tok_is(s, k, ';') && !tok_is(s, k, '"') && !elem_match(s, e, k)) k++;
            if (k < s->n && k < pos + 15 && (len = elem_match(s, e, k))) {
                pos = k + (uint32_t)len;
                continue;
            }
        }
        if (p->gaps && !e->adjacent) {
            /* PETRARCH: other words may stand before a word not glued by '_' */
            uint32_t k = pos;
            while (k < s->n && k < pos + 10 && !pattern_stop(s, p, k) && !elem_match(s, e, k)) k++;
            if (k < s->n && k < pos + 10 && (len = elem_match(s, e, k))) {
                pos = k + (uint32_t)len;
                continue;
            }
            return 0;
        }
        /* "held repeated talks with", "signed a joint declaration", "lifted a
         * day-old blockade", "provided 25,000 tons of emergency food aid": up to
         * three describing words or amounts may stand before a pattern word */
        /* ... but not before a function word: "take place in" is no "take in" */
        if (skipped < 3 && !e->adjacent && e->nalt && !dict_wclass(s->d, e->alt[0])) {
            uint32_t q = pos, dl;
            int n = 0;
            while (n < 3 - skipped && (dl = describing_words(s, q)) && q + dl < s->n) {
                if (!(dl == 1 && (wc(s, q) & WC_DET))) n++; /* "a", "the" are free */
                q += dl;
                if (word_in(e, s->t[q].id)) break;
            }
            if (q > pos && q < s->n && word_in(e, s->t[q].id)) {
                skipped += n;
                pos = q;
                i--; /* match the element here */
                continue;
            }
        }
        return 0;
    }
    v->pe = pe ? pe : pos;
    return pos;
}

/* ---- events --------------------------------------------------------------- */

static int same_country(const char *a, const char *b) { return strncmp(a, b, 3) == 0; }

static void byte_span(const sctx_t *s, uint32_t b, uint32_t e, uint32_t *ob, uint32_t *oe)
{
    if (e <= b || e > s->n) {
        *ob = *oe = 0;
        return;
    }
    *ob = s->t[b].off - s->base;
    *oe = s->t[e - 1].off + s->t[e - 1].len - s->base;
}

/* The role a counterpart takes: that of the other side. */
static void fill_counterpart(char *code, const char *other)
{
    if (strlen(code) == 3 && strlen(other) > 3) {
        char tmp[CODE_MAX];
        snprintf(tmp, sizeof tmp, "%.3s%s", code, other + 3);
        memcpy(code, tmp, CODE_MAX);
    }
}

/* Where it happened: the first "in/at PLACE" after the verb, in this clause. */
static const mention_t *find_location(const sctx_t *s, uint32_t from)
{
    for (uint32_t k = from; k + 1 < s->n; k++) {
        if (tok_is(s, k, ';') || s->t[k].id == s->d->w_that || (wc(s, k) & WC_REL)) break;
        if (s->t[k].id != s->d->w_in && s->t[k].id != s->d->w_at) continue;
        const mention_t *m = mention_starting_at(s, k + 1);
        if (!m || !m->n || !m->ent[0][0] || m->ent[0][1]) continue;
        int kind = s->d->ents[m->ent[0][0] - 1].kind;
        if (kind == ENT_PLACE || kind == ENT_COUNTRY || kind == ENT_CAPITAL) return m;
    }
    return NULL;
}

/* Where an event happened, for an event with no known actor: a place after
 * "in" or "at" after the verb, else the first place or capital named in the
 * sentence ("a roadside bombing near Samarra killed ..."). */
static const mention_t *event_place(const sctx_t *s, const verb_t *v)
{
    const mention_t *m = find_location(s, v->k + 1);
    if (m) return m;
    for (size_t i = 0; i < s->c->ms.n; i++) {
        const mention_t *q = &s->c->ms.v[i];
        if (!q->n || !q->ent[0][0] || q->ent[0][1]) continue;
        int kind = s->d->ents[q->ent[0][0] - 1].kind;
        if ((kind == ENT_PLACE || kind == ENT_CAPITAL) && strncmp(q->code[0], "---", 3)) return q;
    }
    return NULL;
}

static int emit(sctx_t *s, const char *src, const char *tgt, const pattern_t *p, const char *code, const verb_t *v,
                const side_t *ss, const side_t *ts, int quiet)
{
    if (!code[0]) return 0;
    coder_t *c = s->c;
    if (!src[0] || !tgt[0]) return 0;
    if (!strcmp(src, tgt)) {
        TRACE(s, "    rejected %s -> %s %s: source and target are the same actor\n", src, tgt, code);
        return 0;
    }
    /* "X told reporters", "X told Reuters": talking to the press is saying, not an
     * event between X and the press */
    size_t tl = strlen(tgt);
    if (!strncmp(code, "01", 2) && tl >= 6 && !strcmp(tgt + tl - 3, "MED")) {
        TRACE(s, "    rejected %s -> %s %s: a statement to the media is not an event with them\n", src, tgt, code);
        return 0;
    }
    if (!strncmp(src, "---", 3) && !strncmp(tgt, "---", 3) && !s->c->monadic) {
        TRACE(s, "    rejected %s -> %s %s: neither side has a country\n", src, tgt, code);
        return 0;
    }
    for (size_t i = s->ev0; i < c->nev; i++)
        if (!strcmp(c->ev[i].source, src) && !strcmp(c->ev[i].target, tgt) && !strcmp(c->ev[i].code, code)) {
            TRACE(s, "    (duplicate of an event already coded in this sentence)\n");
            return 1;
        }
    event_t ev;
    memset(&ev, 0, sizeof ev);
    ev.sentence = s->sidx;
    snprintf(ev.source, CODE_MAX, "%s", src);
    snprintf(ev.target, CODE_MAX, "%s", tgt);
    snprintf(ev.code, sizeof ev.code, "%s", code);
    ev.cameo = dict_cameo(s->d, code);
    byte_span(s, ss->b, ss->e, &ev.sb, &ev.se);
    byte_span(s, ts->b, ts->e, &ev.tb, &ev.te);
    byte_span(s, v->k, v->pe > v->k ? v->pe : v->k + 1, &ev.vb, &ev.ve);
    ev.date = s->date;
    ev.pfile = p->file;
    ev.pline = p->line;
    ev.quote = s->c->inq[v->k] & 1;
    /* "will withdraw", "is ready to send": an act yet to be done is an intent
     * or a threat (intent.txt); "should meet" is no meeting either. PETRARCH
     * patterns get PETRARCH's reading, which knows only the meeting case. */
    if ((v->announced && !p->gaps) || (v->modal && !strncmp(ev.code, "04", 2))) {
        const char *to = dict_announced(s->d, 'w', ev.code);
        const cameo_t *k = to ? dict_cameo(s->d, to) : NULL;
        if (k) {
            TRACE(s, "    the act is announced, not done: %s becomes %s\n", ev.code, to);
            snprintf(ev.code, sizeof ev.code, "%s", to);
            ev.cameo = k;
        }
    }
    const mention_t *loc = find_location(s, v->k + 1);
    if (loc) {
        byte_span(s, loc->b, loc->e, &ev.lb, &ev.le);
        snprintf(ev.loc, sizeof ev.loc, "%.3s", loc->code[0]);
        /* a meeting in a third country is CAMEO 044 */
        if (!strcmp(ev.code, "040") && strncmp(ev.loc, src, 3) && strncmp(ev.loc, tgt, 3) && strncmp(ev.loc, "---", 3) &&
            strncmp(src, "---", 3) && strncmp(tgt, "---", 3) &&
            dict_cameo(s->d, "044")) {
            snprintf(ev.code, sizeof ev.code, "044");
            ev.cameo = dict_cameo(s->d, "044");
            TRACE(s, "    the meeting is in %s, a third country: 044\n", ev.loc);
        }
    }
    if (quiet) {
        s->rep.pending_ev = ev;
        s->rep.pending = 1;
        TRACE(s, "    held back %s -> %s %s: a statement, coded only if what was reported yields nothing\n", src,
              tgt, code);
        return 1;
    }
    XGROW(c->ev, c->capev, c->nev + 1);
    c->ev[c->nev++] = ev;
    if (in_report(s, v->k)) s->rep.events++;
    TRACE(s, "    EVENT %s -> %s %s (%s) by %s:%u\n", src, tgt, ev.code, ev.cameo ? ev.cameo->name : "unknown code",
          dict_file(s->d, p->file), p->line);
    return 1;
}

/* Inside a report, a bare country of the speaker's (or hearer's) country is
 * the speaker (hearer) speaking for it: "Wang told Kono that Beijing hopes". */
static void voice(const sctx_t *s, char *code, const side_t *who)
{
    if (!s->rep.active || !who->n || (strlen(code) != 3 && strcmp(code + 3, "GOV"))) return;
    for (int i = 0; i < who->n; i++)
        if (same_country(code, who->code[i]) && !strncmp(who->code[i] + 3, "GOV", 3)) {
            snprintf(code, CODE_MAX, "%s", who->code[i]);
            return;
        }
}

static void code_verb(sctx_t *s, verb_t *v)
{
    const dict_t *d = s->d;
    coder_t *c = s->c;
    const lemma_t *lm = &d->lemmas[v->lemma];
    side_t subj;
    int si = find_subject(s, v, &subj);
    if (si >= 0) s->c->subj_of[v->k] = si;
    else if (si == -2) {
        /* keep inheritance going for chains like "is said to have told" */
        for (uint32_t k = v->gs; k-- > 0;)
            if (s->c->subj_of[k] >= 0) {
                s->c->subj_of[v->k] = s->c->subj_of[k];
                break;
            }
    }
    /* "..., said Wang": the subject after a speech verb */
    if (!subj.n && lm->speech && si == -1 && (v->gs == 0 || tok_is(s, v->gs - 1, ',') || tok_is(s, v->gs - 1, '"'))) {
        const mention_t *m = mention_starting_at(s, v->k + 1);
        if (m && m->kind == MK_ACTOR) side_group(s, m, 1, &subj);
    }
    if (subj.n) {
        TRACE(s, "    subject:");
        for (int i = 0; i < subj.n; i++) TRACE(s, " %s", subj.code[i]);
        TRACE(s, "\n");
        if (si >= 0) remember(s, &s->c->ms.v[si], &subj);
        if (!v->passive) {
            c->nlast_subj = 0;
            for (int i = 0; i < subj.n && i < MENTION_CODES; i++) snprintf(c->last_subj[c->nlast_subj++], CODE_MAX, "%s", subj.code[i]);
        }
    } else {
        TRACE(s, "    subject: none found\n");
    }
    if (in_report(s, v->k)) {
        for (int i = 0; i < subj.n; i++) voice(s, subj.code[i], &s->rep.speaker);
    }

    /* the longest matching pattern */
    const pattern_t *best = NULL;
    const mention_t *tm = NULL, *sm = NULL;
    uint32_t pe = 0;
    uint32_t end = 0;
    for (uint32_t i = 0; i < lm->count; i++) {
        const pattern_t *p = &d->pats[lm->first + i];
        const mention_t *m, *sx;
        v->neg_in_pattern = 0;
        uint32_t e = match_pattern(s, p, v, &m, &sx);
        if (!e) continue;
        if (p->reciprocal && (subj.n < 2 || v->passive)) continue;
        pe = v->pe;
        best = p;
        tm = m;
        sm = sx;
        end = e;
        break;
    }
    side_t tgt;
    side_clear(&tgt);
    v->pe = pe;
    /* a PETRARCH pattern with no '+' ("- * REALLY_PLEASANT"): its target is
     * the first actor of the verb phrase, as in PETRARCH */
    if (best && best->gaps && !tm && !sm && !v->passive) tm = first_actor_after(s, best, v);
    if (best) {
        TRACE(s, "    pattern %s \"%s ...\" at %s:%u matches\n", best->code, intern_str(&d->words, lm->base),
              dict_file(d, best->file), best->line);
        /* the pattern's own words ("agreed to visit") are not verbs of their own */
        for (uint32_t k = v->k + 1; k < pe && k < s->n; k++) s->c->inq[k] |= 2;
        /* "urged China to admit monitors": what is urged is the appeal's
         * content, not a second event by the one who urged */
        if (end > v->k + 1 && end < s->n && s->t[end - 1].id == d->w_to && dict_vforms(d, s->t[end].id) &&
            best->has_target)
            s->c->inq[end] |= 2;
        if (tm) {
            side_group(s, tm, 1, &tgt);
            remember(s, tm, &tgt);
            end = tgt.e > end ? tgt.e : end;
            if (in_report(s, v->k))
                for (int i = 0; i < tgt.n; i++) voice(s, tgt.code[i], &s->rep.hearer);
        }
    } else if (lm->count) {
        TRACE(s, "    no pattern of \"%s\" matches what follows\n", intern_str(&d->words, lm->base));
    }

    /* a reporting verb opens a reported clause after its hearer */
    if (lm->speech && !v->passive) {
        uint32_t p = best ? end : v->k + 1;
        /* "said on Tuesday it had halted aid": past a time phrase */
        while (p + 1 < s->n && ((wc(s, p) & WC_TIME) || (s->t[p].id == d->w_on && (wc(s, p + 1) & WC_TIME)))) p++;
        if (!best || !tm) {
            const mention_t *m = mention_starting_at(s, p);
            if (m && m->kind == MK_ACTOR && m->e < s->n && s->t[m->e].id == d->w_that) p = m->e;
        }
        /* "told Kono, who was visiting Beijing, that ...": past the relative clause */
        if (p + 1 < s->n && tok_is(s, p, ',') && (wc(s, p + 1) & WC_REL)) {
            uint32_t q = p + 2;
            while (q < s->n && q < p + 25 && !tok_is(s, q, ',')) q++;
            if (q < s->n && tok_is(s, q, ',')) p = q + 1;
        }
        /* "told reporters at a news conference in the Rose Garden that ..." */
        for (uint32_t q = p; q < s->n && q < p + 14; q++) {
            if (s->t[q].id == d->w_that) {
                p = q;
                break;
            }
            if (tok_is(s, q, ',') || tok_is(s, q, '"') || tok_is(s, q, ';') ||
                (s->c->at[q] < 0 && dict_vforms(d, s->t[q].id) && !(wc(s, q) & (WC_TIME | WC_PREP | WC_DET))))
                break;
        }
        if (p < s->n && (s->t[p].id == d->w_that || mention_starting_at(s, p))) {
            if (s->t[p].id == d->w_that) p++;
            if (!s->rep.active || v->k >= s->rep.e || v->k < s->rep.b) {
                memset(&s->rep, 0, sizeof s->rep);
                s->rep.active = 1;
                s->rep.b = p;
                s->rep.e = s->n;
                s->rep.speaker = subj;
                s->rep.hearer = tgt;
                TRACE(s, "    reported clause from token %u, speaker %s\n", p, subj.n ? subj.code[0] : "?");
            }
        }
    }

    if (!best) return;
    const char *code = best->code;
    if (v->neg && !v->neg_in_pattern) {
        /* "will not allow", "is not ready to accept": refusing a concession or
         * cooperation announced for the future is a rejection (intent.txt, not) */
        const char *no = v->announced && !best->gaps ? dict_announced(d, 'n', code) : NULL;
        if (!no || !dict_cameo(d, no)) {
            TRACE(s, "    rejected: the verb is negated\n");
            return;
        }
        TRACE(s, "    refused for the future: %s becomes %s\n", code, no);
        code = no;
        v->announced = 0;
    }
    if (best->nocode) {
        TRACE(s, "    the pattern codes nothing ([---])\n");
        return;
    }
    if (v->must && !best->gaps) {
        /* "Chirac told Iraq that it must cooperate": the speaker demands the
         * act of the subject (intent.txt, section must); with no speaker the
         * act is only required, and not coded */
        if (!in_report(s, v->k) || !s->rep.speaker.n || !subj.n || v->passive) {
            TRACE(s, "    rejected: the act is required ('must'), not done\n");
            return;
        }
        const char *dem = dict_announced(d, 'm', code);
        if (!dem || !dict_cameo(d, dem)) dem = "100";
        TRACE(s, "    the act is required of the subject: a demand by the speaker, %s\n", dem);
        for (int i = 0; i < s->rep.speaker.n; i++)
            for (int j = 0; j < subj.n; j++)
                emit(s, s->rep.speaker.code[i], subj.code[j], best, dem, v, &s->rep.speaker, &subj, 0);
        return;
    }
    side_t *src = &subj, *dst = &tgt;
    side_t slot;
    if (sm) {
        /* PETRARCH's $: the actor in the pattern is the source, the subject the target */
        side_group(s, sm, 1, &slot);
        src = &slot;
        if (!tm) dst = &subj;
    }
    side_t agent;
    if (v->passive) {
        /* "X was visited by Y": Y acts on X */
        side_clear(&agent);
        /* the 'by' phrase may come late: "was accused of misusing public
         * funds, much of it embezzled, by current Haitian officials" */
        uint32_t reach = best->gaps ? 8 : 30;
        for (uint32_t k = end ? end : v->k + 1; k < s->n && k < v->k + reach; k++) {
            if (tok_is(s, k, ';') || s->t[k].id == d->w_that) break;
            if (s->t[k].id == d->w_by) {
                const mention_t *m = mention_starting_at(s, best->gaps ? k + 1 : skip_np_words(s, k + 1));
                if (m) side_group(s, m, 1, &agent);
                break;
            }
        }
        if (!best->has_target) return;
        src = &agent;
        dst = &subj;
        /* "a missionary was arrested in Lebanon", "three soldiers were killed in
         * Iraq": with no agent named, an event that need not be a dyad is
         * credited to the country where it happened */
        const mention_t *where;
        if (!agent.n && c->monadic && !best->gaps && (where = event_place(s, v))) {
            side_of_place(&agent, where);
            TRACE(s, "    passive voice with no agent: the country where it happened, %s\n", agent.code[0]);
        }
        const mention_t *obj;
        if (!agent.n && best->gaps) {
            /* PETRARCH reads a passive with no 'by' as it reads the active:
             * "The Philippines was criticized over its dispute with Eriador"
             * gives PHL -> ERI. Its patterns get its reading. */
            if ((obj = first_actor_after(s, best, v))) {
                side_group(s, obj, 1, &agent);
                src = &subj;
                dst = &agent;
                TRACE(s, "    passive voice with no 'by': read as PETRARCH reads it, the subject acting\n");
            }
        } else {
            TRACE(s, "    passive voice: the 'by' phrase is the source\n");
        }
    }
    side_t placed;
    const mention_t *at;
    if (!src->n && c->monadic && !best->gaps && !v->passive && (at = event_place(s, v))) {
        /* "a roadside bombing near Samarra killed one soldier": no actor named,
         * the country where it happened */
        side_of_place(&placed, at);
        src = &placed;
        TRACE(s, "    no source named: the country where it happened, %s\n", placed.code[0]);
    }
    if (!src->n) {
        TRACE(s, "    rejected: no source\n");
        return;
    }
    /* "opposition leaders agreed to postpone the demonstration in Baku": an
     * event that need not be a dyad gives a source with no country the
     * country where it happened */
    side_t located;
    const mention_t *where = NULL;
    if (c->monadic && !best->gaps) {
        /* ... else the first country named in the sentence: "Islamic
         * fundamentalists demanded the resignation of Algerian President Ben
         * Bella" are Algerian fundamentalists */
        const char *why = "the country where it happened";
        where = find_location(s, v->k + 1);
        /* a state's official acting on a country named is seldom of that country:
         * "President Bush threatened Russia" */
        int state_role = src->n && (!strcmp(src->code[0] + 3, "GOV") || !strcmp(src->code[0] + 3, "MIL") ||
                                    !strcmp(src->code[0] + 3, "SPY"));
        for (size_t i = 0; !where && i < s->c->ms.n; i++) {
            const mention_t *q = &s->c->ms.v[i];
            if (state_role && tm && q == tm) continue;
            if (q->n && strncmp(q->code[0], "---", 3) && !intern_find(&d->typecodes, q->code[0], 3)) {
                where = q;
                why = "the country named in the sentence";
            }
        }
        located = *src;
        int filled = 0;
        for (int i = 0; where && i < located.n; i++)
            if (!strncmp(located.code[i], "---", 3) && strncmp(where->code[0], "---", 3)) {
                memcpy(located.code[i], where->code[0], 3);
                filled = 1;
            }
        if (filled) {
            TRACE(s, "    a source with no country: %s, %.3s\n", why, where->code[0]);
            src = &located;
        }
    }
    int quiet = lm->speech && s->rep.active && s->rep.b > v->k && !v->passive;
    if (best->reciprocal) {
        for (int i = 0; i < src->n; i++)
            for (int j = 0; j < src->n; j++)
                if (i != j && !same_country(src->code[i], src->code[j]))
                    emit(s, src->code[i], src->code[j], best, code, v, src, src, 0);
        return;
    }
    if (!dst->n && best->gaps && src->n >= 2) {
        /* a PETRARCH pattern with no object and a compound subject: the
         * members act on each other */
        for (int i = 0; i < src->n; i++)
            for (int j = 0; j < src->n; j++)
                if (i != j && !same_country(src->code[i], src->code[j]))
                    emit(s, src->code[i], src->code[j], best, code, v, src, src, 0);
        return;
    }
    side_t none;
    if (!dst->n && c->monadic && (!s->rep.active || !s->rep.hearer.n || !in_report(s, v->k))) {
        /* no target, and events need not be dyads: the target is unknown */
        side_clear(&none);
        side_add(&none, "---");
        dst = &none;
    }
    if (!dst->n) {
        if (!s->rep.active || !s->rep.hearer.n || !in_report(s, v->k)) {
            TRACE(s, "    rejected: no target\n");
            return;
        }
        /* the hearer of a report is the target of what was reported to them */
        dst = &s->rep.hearer;
    }
    for (int i = 0; i < src->n; i++)
        for (int j = 0; j < dst->n; j++) {
            char a[CODE_MAX], b[CODE_MAX];
            snprintf(a, sizeof a, "%s", src->code[i]);
            snprintf(b, sizeof b, "%s", dst->code[j]);
            /* counterparts take the other side's role */
            const mention_t *tmm = dst == &tgt ? tm : NULL;
            if (tmm && tmm->counterpart) fill_counterpart(b, a);
            emit(s, a, b, best, code, v, src, dst, quiet);
            /* PETRARCH [a:b]: the reverse event too ("X visited Y": Y hosted X) */
            if (best->code2[0]) emit(s, b, a, best, best->code2, v, dst, src, 0);
        }
}

/* ---- sentences -------------------------------------------------------------- */

static int month_number(const sctx_t *s, uint32_t k)
{
    static const char *m[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (!(wc(s, k) & WC_MONTH) || !(s->t[k].flags & TF_CAP)) return 0;
    for (int i = 0; i < 12; i++)
        if (!strncasecmp(s->text + s->t[k].off, m[i], 3)) return i + 1;
    return 0;
}

static int num_at(const sctx_t *s, uint32_t k, int lo, int hi)
{
    if (k >= s->n || !(s->t[k].flags & TF_NUM) || s->t[k].len > 4) return -1;
    int v = 0;
    for (uint32_t i = 0; i < s->t[k].len; i++) {
        char ch = s->text[s->t[k].off + i];
        if (ch < '0' || ch > '9') return -1;
        v = v * 10 + ch - '0';
    }
    return v >= lo && v <= hi ? v : -1;
}

/* "on July 8, 2017" or "8 July 2017": the text dates the event. */
static int32_t sentence_date(const sctx_t *s)
{
    for (uint32_t k = 0; k + 2 < s->n; k++) {
        int m = month_number(s, k), day, year;
        if (m && (day = num_at(s, k + 1, 1, 31)) > 0) {
            uint32_t y = k + 2;
            if (tok_is(s, y, ',')) y++;
            if ((year = num_at(s, y, 1900, 2100)) > 0) return year * 10000 + m * 100 + day;
        }
        if ((day = num_at(s, k, 1, 31)) > 0 && (m = month_number(s, k + 1)) && (year = num_at(s, k + 2, 1900, 2100)) > 0)
            return year * 10000 + m * 100 + day;
    }
    return 0;
}

static void code_sentence(coder_t *c, uint32_t si)
{
    const dict_t *d = c->d;
    sctx_t s;
    memset(&s, 0, sizeof s);
    s.c = c;
    s.d = d;
    s.sidx = si;
    s.t = c->toks.v + c->sents.v[si].b;
    s.n = c->sents.v[si].e - c->sents.v[si].b;
    s.text = c->text.p;
    s.base = s.t[0].off;
    s.ev0 = c->nev;
    side_clear(&s.speaker);
    if (s.n > c->cap_scratch) {
        c->cap_scratch = s.n * 2;
        c->at = xrealloc(c->at, c->cap_scratch * sizeof *c->at);
        c->inq = xrealloc(c->inq, c->cap_scratch);
        c->subj_of = xrealloc(c->subj_of, c->cap_scratch * sizeof *c->subj_of);
    }
    /* a discard phrase (sports, weather ...) leaves the sentence, or with a
     * story-level one the whole article, uncoded */
    if (d->ndiscards && c->discard_story) return;
    if (d->ndiscards) {
        for (uint32_t k = 0; k < s.n; k++) {
            uint32_t node = 0;
            for (uint32_t j = k; j < s.n; j++) {
                node = s.t[j].id ? phrase_step(&d->actors, node, s.t[j].id) : UINT32_MAX;
                if (node == UINT32_MAX) break;
                for (uint32_t l = phrase_vals(&d->actors, node); l; l = phrase_next(&d->actors, l)) {
                    const entry_t *e = &d->ents[phrase_val(&d->actors, l)];
                    if (e->kind != ENT_DISCARD) continue;
                    TRACE(&s, "sentence %u: discarded by %s:%u (\"%.*s\")%s\n", si, dict_file(d, e->file), e->line,
                          (int)(s.t[j].off + s.t[j].len - s.t[k].off), s.text + s.t[k].off,
                          e->plural ? ": the whole story is not coded" : "");
                    if (e->plural) {
                        c->discard_story = 1;
                        c->nev = 0;
                    }
                    c->stats.sentences++;
                    return;
                }
            }
        }
    }
    int32_t sd = sentence_date(&s);
    s.date = sd ? sd : c->date;
    actor_find(d, s.text, s.t, s.n, s.date, &c->alias, &c->nalias, &c->capalias, &c->ms);
    for (uint32_t k = 0; k < s.n; k++) c->at[k] = -1, c->subj_of[k] = -1;
    for (size_t m = 0; m < c->ms.n; m++)
        for (uint32_t k = c->ms.v[m].b; k < c->ms.v[m].e; k++) c->at[k] = (int32_t)m;
    int q = 0, quotes = 0;
    for (uint32_t k = 0; k < s.n; k++) {
        if (tok_is(&s, k, '"')) {
            q = !q;
            quotes++;
            c->inq[k] = 1;
            continue;
        }
        c->inq[k] = (uint8_t)q;
    }
    if (c->trace) {
        buf_printf(c->trace, "sentence %u: %.*s\n", si, (int)(s.t[s.n - 1].off + s.t[s.n - 1].len - s.base),
                   s.text + s.base);
        if (sd) buf_printf(c->trace, "  the text dates it: %04d-%02d-%02d\n", sd / 10000, sd / 100 % 100, sd % 100);
        for (size_t m = 0; m < c->ms.n; m++) {
            buf_puts(c->trace, "  actor ");
            actor_describe(d, &c->ms.v[m], s.text, s.t, c->trace);
            buf_putc(c->trace, '\n');
        }
        if (!c->ms.n) buf_puts(c->trace, "  no actors found\n");
    }

    /* Who speaks the quoted words: an attribution in this sentence, or the
     * article's last speaker for a quotation standing alone. */
    int attributed = 0;
    for (uint32_t k = 0; k < s.n && quotes; k++) {
        if (c->inq[k] & 1) continue;
        for (uint32_t vf = dict_vforms(d, s.t[k].id); vf; vf = d->vforms[vf - 1].next)
            if (d->lemmas[d->vforms[vf - 1].lemma].speech) {
                verb_t v;
                memset(&v, 0, sizeof v);
                v.k = k;
                v.forms = d->vforms[vf - 1].forms;
                verb_group(&s, &v);
                side_t sp;
                find_subject(&s, &v, &sp);
                if (!sp.n && (v.gs == 0 || tok_is(&s, v.gs - 1, ',') || tok_is(&s, v.gs - 1, '"'))) {
                    const mention_t *m = mention_starting_at(&s, k + 1);
                    if (m && m->kind == MK_ACTOR) side_group(&s, m, 1, &sp);
                }
                if (sp.n) {
                    s.speaker = sp;
                    s.has_speaker = attributed = 1;
                }
                break;
            }
        if (attributed) break;
    }
    if (!attributed && quotes && c->last_speaker[0]) {
        side_add(&s.speaker, c->last_speaker);
        s.has_speaker = 1;
        TRACE(&s, "  quotation without attribution: the speaker is %s, who spoke last\n", c->last_speaker);
    }
    if (attributed) snprintf(c->last_speaker, CODE_MAX, "%s", s.speaker.code[0]);

    for (uint32_t k = 0; k < s.n; k++) {
        if (c->at[k] >= 0 && c->ms.v[c->at[k]].kind != MK_PRON) continue;
        if (c->inq[k] & 2) continue; /* inside a matched pattern */
        uint32_t vf = dict_vforms(d, s.t[k].id);
        if (!vf) continue;
        /* among the lemmas this word can be, prefer one with patterns */
        const vform_t *pick = NULL;
        for (; vf; vf = d->vforms[vf - 1].next) {
            const vform_t *x = &d->vforms[vf - 1];
            if (!pick || (d->lemmas[x->lemma].count && !d->lemmas[pick->lemma].count)) pick = x;
        }
        const char *why = "";
        if (!verb_use(&s, k, pick->forms, &why)) {
            if (d->lemmas[pick->lemma].count)
                TRACE(&s, "  \"%.*s\" read as a noun: %s\n", (int)s.t[k].len, s.text + s.t[k].off, why);
            continue;
        }
        verb_t v;
        memset(&v, 0, sizeof v);
        v.k = k;
        v.lemma = pick->lemma;
        v.forms = pick->forms;
        verb_group(&s, &v);
        TRACE(&s, "  verb \"%.*s\" (%s)%s%s%s\n", (int)s.t[k].len, s.text + s.t[k].off,
              intern_str(&d->words, d->lemmas[v.lemma].base), v.neg ? " negated" : "", v.passive ? " passive" : "",
              v.infinitive ? " infinitive" : "");
        code_verb(&s, &v);
    }
    for (size_t m = 0; m < c->ms.n; m++)
        if (c->ms.v[m].kind == MK_ACTOR && c->ms.v[m].has_person && c->ms.v[m].n) {
            snprintf(c->last_person, CODE_MAX, "%s", c->ms.v[m].code[0]);
            break;
        }
    if (s.rep.pending && !s.rep.events) {
        XGROW(c->ev, c->capev, c->nev + 1);
        c->ev[c->nev++] = s.rep.pending_ev;
        TRACE(&s, "    EVENT %s -> %s %s: the report yielded nothing, so the statement is coded\n",
              s.rep.pending_ev.source, s.rep.pending_ev.target, s.rep.pending_ev.code);
    }
    c->stats.sentences++;
}

size_t coder_article(coder_t *c, const char *text, size_t n, int32_t date)
{
    const dict_t *d = c->d;
    buf_reset(&c->raw);
    if (n > CODER_MAX_ARTICLE) {
        size_t cut = CODER_MAX_ARTICLE;
        while (cut > CODER_MAX_ARTICLE / 2 && text[cut] != ' ' && text[cut] != '\n') cut--;
        c->stats.bytes += n - cut;
        n = cut;
        c->stats.cut_articles++;
    }
    c->stats.repairs += utf8_clean(&c->raw, text, n);
    clean_stats_t cs = {0, 0};
    clean_text(d, c->raw.p ? c->raw.p : "", c->raw.len, &c->text, &c->dateline, &cs);
    c->stats.dropped_lines += cs.dropped_lines;
    if (!c->text.p) buf_reserve(&c->text, 0);
    tok_text(&c->toks, c->text.p, c->text.len, &d->words);
    sent_split(&c->sents, c->text.p, c->toks.v, c->toks.n, d);
    c->stats.long_sentences += c->sents.cut;
    c->nev = 0;
    c->date = date;
    c->nalias = 0;
    c->last_person[0] = c->last_speaker[0] = 0;
    c->nlast_subj = 0;
    c->nrecent = 0;
    c->discard_story = 0;
    for (uint32_t i = 0; i < c->sents.n; i++) code_sentence(c, i);
    c->stats.articles++;
    c->stats.bytes += n;
    c->stats.events += c->nev;
    return c->nev;
}
