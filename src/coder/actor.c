#include "actor.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/mem.h"

#define UNIT_MAX 8

typedef struct {
    uint32_t len;
    uint32_t ents[UNIT_MAX]; /* entry indices valid here */
    int n;
    int32_t alias_person;    /* >= 0: matched through an article alias */
    const char *alias_code;  /* matched an alias of an unknown person */
} unit_t;

static int is_proper_kind(int k)
{
    return k == ENT_COUNTRY || k == ENT_ADJ || k == ENT_CAPITAL || k == ENT_PERSON || k == ENT_ORG || k == ENT_PLACE;
}

static int valid_on(const entry_t *e, int32_t date)
{
    if (!date) return 1;
    return (!e->from || date >= e->from) && (!e->to || date <= e->to);
}

/* Walk the trie from node over tokens k.. and keep the longest match. */
static void walk(const dict_t *d, const tok_t *t, size_t i, size_t k, size_t n, uint32_t node, int32_t date, unit_t *u)
{
    for (; k < n; k++) {
        /* "US" in capitals is the country, not the pronoun */
        uint32_t w = t[k].id == d->w_us && (t[k].flags & TF_UPPER) ? d->w_usdots : t[k].id;
        if (!w || (node = phrase_step(&d->actors, node, w)) == UINT32_MAX) return;
        int cnt = 0;
        uint32_t tmp[UNIT_MAX];
        for (uint32_t l = phrase_vals(&d->actors, node); l && cnt < UNIT_MAX; l = phrase_next(&d->actors, l)) {
            uint32_t v = phrase_val(&d->actors, l);
            const entry_t *e = &d->ents[v];
            if (e->kind == ENT_DISCARD || !valid_on(e, date)) continue;
            /* a proper name is capitalised, after its article if it has one;
             * "al-Qaeda", "de Klerk": or in a later word of the name */
            const tok_t *head = (dict_wclass(d, t[i].id) & WC_DET) && i + 1 < n ? &t[i + 1] : &t[i];
            int capped = (head->flags & (TF_CAP | TF_NUM)) != 0;
            /* ... but "said Musa" is no "Said Musa": the small word must be no verb or function word */
            if (!capped && !dict_vforms(d, head->id) && !dict_wclass(d, head->id))
                for (size_t q = (size_t)(head - t) + 1; !capped && q <= k; q++) capped = (t[q].flags & TF_CAP) != 0;
            if (is_proper_kind(e->kind) && !capped) continue;
            tmp[cnt++] = v;
        }
        if (cnt) {
            u->len = (uint32_t)(k - i + 1);
            u->n = cnt;
            memcpy(u->ents, tmp, sizeof(uint32_t) * (size_t)cnt);
        }
    }
}

static void longest(const dict_t *d, const char *text, const tok_t *t, size_t i, size_t n, int32_t date,
                    const alias_t *alias, size_t nalias, unit_t *u)
{
    u->len = 0;
    u->n = 0;
    u->alias_person = -1;
    u->alias_code = NULL;
    walk(d, t, i, i, n, 0, date, u);
    if (!u->len && (t[i].flags & TF_CAP)) {
        for (size_t a = 0; a < nalias; a++)
            if (alias[a].len == t[i].len && !strncasecmp(alias[a].word, text + t[i].off, t[i].len)) {
                u->len = 1;
                u->alias_person = alias[a].person;
                if (alias[a].person < 0) u->alias_code = alias[a].code;
                return;
            }
    }
}

/* Dictionary lookups are asked for the same token several times while
 * phrases are composed; each is done once per sentence. */
typedef struct {
    const dict_t *d;
    const char *text;
    const tok_t *t;
    size_t n;
    int32_t date;
    alias_t **alias;
    size_t *nalias;
    unit_t *memo;
    uint8_t *have;
} scan_t;

static void unit_at(scan_t *sc, size_t i, unit_t *u)
{
    if (!sc->have[i]) {
        longest(sc->d, sc->text, sc->t, i, sc->n, sc->date, *sc->alias, *sc->nalias, &sc->memo[i]);
        sc->have[i] = 1;
    }
    *u = sc->memo[i];
}

/* Past modifiers ("senior", "foreign") that do not start a phrase of their
 * own ("foreign minister" does). */
static size_t skip_mods(scan_t *sc, size_t k, int *former, int names)
{
    unit_t u;
    size_t plain = 0;
    while (k < sc->n) {
        unit_at(sc, k, &u);
        if (u.len) break;
        const tok_t *t = &sc->t[k];
        uint32_t c = dict_wclass(sc->d, t->id);
        if (c & (WC_MOD | WC_FORMER)) {
            if ((c & WC_FORMER) && former) *former = 1;
            k++;
            continue;
        }
        /* describing words no dictionary knows, and "and" between them:
         * "Ithilen's awful and evil minister" */
        /* after a possessor, one capitalised name of a faction too: "Nicaragua's
         * Sandinista government" */
        int describing = (t->flags & TF_WORD) && !(t->flags & (TF_NUM | TF_CLITIC)) &&
                         (!(t->flags & TF_CAP) || (names && !plain)) && !(c & ~WC_THING) && !dict_vforms(sc->d, t->id);
        if ((describing || (t->id == sc->d->w_and && plain)) && plain < 4) {
            plain++;
            k++;
            continue;
        }
        break;
    }
    return k;
}

static int unit_pick(const dict_t *d, const unit_t *u, int kind)
{
    for (int k = 0; k < u->n; k++)
        if (d->ents[u->ents[k]].kind == kind) return (int)u->ents[k];
    return -1;
}

/* "Bush", "Clinton": a name several people answer to is the one in office on
 * the article's date, else the one whose office ended last before it. */
static int person_pick(const scan_t *sc, const unit_t *u)
{
    const dict_t *d = sc->d;
    int first = -1, last = -1;
    int32_t last_end = -1;
    for (int k = 0; k < u->n; k++) {
        const entry_t *e = &d->ents[u->ents[k]];
        if (e->kind != ENT_PERSON) continue;
        if (first < 0) first = (int)u->ents[k];
        const person_t *p = &d->people[e->person];
        for (uint32_t r = 0; r < p->nroles && sc->date; r++) {
            const role_t *ro = &p->roles[r];
            if ((!ro->from || ro->from <= sc->date) && (!ro->to || sc->date <= ro->to)) return (int)u->ents[k];
            if (ro->to && ro->to < sc->date && ro->to > last_end) {
                last_end = ro->to;
                last = (int)u->ents[k];
            }
        }
    }
    return last >= 0 ? last : first;
}

static void add_alias(const char *w, size_t wn, int32_t person, const char *code, alias_t **alias, size_t *nalias,
                      size_t *cap)
{
    if (!wn || wn >= sizeof((*alias)->word)) return;
    size_t a = 0;
    while (a < *nalias && !((*alias)[a].len == wn && !strncasecmp((*alias)[a].word, w, wn))) a++;
    if (a == *nalias) { /* else the latest full mention wins */
        XGROW(*alias, *cap, *nalias + 1);
        (*nalias)++;
    }
    memcpy((*alias)[a].word, w, wn);
    (*alias)[a].len = (uint8_t)wn;
    (*alias)[a].person = person;
    snprintf((*alias)[a].code, CODE_MAX, "%s", code ? code : "");
}

/* A capitalised word no dictionary knows as anything: part of a name. */
static int unknown_name_word(const dict_t *d, const tok_t *t)
{
    if (!(t->flags & TF_CAP) || (t->flags & (TF_NUM | TF_UPPER))) return 0;
    if (!(t->flags & TF_WORD) || (t->flags & TF_CLITIC)) return 0;
    return !dict_wclass(d, t->id) && !dict_vforms(d, t->id);
}

/* "Turkish Kurd refugees", "Bosnian Serb forces": a name word between a
 * nationality and its role, on the same line. */
static int faction_word(const dict_t *d, const tok_t *t) { return unknown_name_word(d, t) && !(t->flags & TF_NL); }

/* A PETRARCH entry may stand for several actors ("THE_SHIRE [FRO/BIL/SAM]"):
 * the mention gets each code, as a compound would. */
static void split_codes(mention_t *m, const char *codes, uint32_t ent)
{
    m->n = 0;
    for (const char *p = codes; *p && m->n < MENTION_CODES;) {
        size_t k = strcspn(p, "/");
        snprintf(m->code[m->n], CODE_MAX, "%.*s", (int)k, p);
        m->ent[m->n++][0] = ent;
        p += k + (p[k] == '/');
    }
    if (!m->n) m->n = 1;
}

static void set_code(char *dst, const char *country, const char *role)
{
    snprintf(dst, CODE_MAX, "%s%s", country, role);
}

/* Past describing words from k, a role word ("officials", not a name an
 * earlier sentence introduced): the token where it starts, or 0. A name
 * before it ("U.S.", "Darfur") gives the role its country. */
static size_t role_after(scan_t *sc, size_t k, int *former)
{
    k = skip_mods(sc, k, former, 0);
    if (k >= sc->n) return 0;
    unit_t nx;
    unit_at(sc, k, &nx);
    return nx.len && nx.alias_person < 0 && unit_pick(sc->d, &nx, ENT_AGENT) >= 0 && unit_pick(sc->d, &nx, ENT_PERSON) < 0
               ? k
               : 0;
}

/* A lower-case word no dictionary gives a role to ("paper" in "paper workers"). */
static int plain_lower(const dict_t *d, const tok_t *t)
{
    return (t->flags & TF_WORD) && !(t->flags & (TF_CAP | TF_NUM)) && !(dict_wclass(d, t->id) & ~WC_THING) &&
           !dict_vforms(d, t->id);
}

void actor_find(const dict_t *d, const char *text, const tok_t *t, size_t n, int32_t date, alias_t **alias,
                size_t *nalias, size_t *capalias, mentions_t *out)
{
    out->n = 0;
    size_t need = n * (sizeof(unit_t) + 1) + 16;
    if (out->memocap < need) {
        free(out->memo);
        out->memo = xmalloc(need);
        out->memocap = need;
    }
    scan_t sc = {d, text, t, n, date, alias, nalias, out->memo, (uint8_t *)out->memo + n * sizeof(unit_t)};
    memset(sc.have, 0, n);
    size_t i = 0;
    while (i < n) {
        uint32_t wc = dict_wclass(d, t[i].id);
        size_t j = i;
        int former = 0, det_the = 0, poss = 0;
        unit_t u;
        if (wc & (WC_DET | WC_POSS)) {
            det_the = t[i].id == d->w_the;
            poss = (wc & WC_POSS) != 0;
            /* a phrase may start with its article ("THE_HERMIT_KINGDOM") */
            unit_at(&sc, i, &u);
            if (!u.len) j++;
        }
        /* modifiers: only when they are not the start of a phrase themselves */
        for (;;) {
            if (j >= n) break;
            unit_at(&sc, j, &u);
            if (u.len) break;
            uint32_t c = dict_wclass(d, t[j].id);
            if (c & WC_FORMER) former = 1;
            else if (!(c & WC_MOD)) break;
            j++;
        }
        /* the units of the phrase */
        char nat[MENTION_CODES][CODE_MAX];
        uint32_t nat_ent[MENTION_CODES];
        int nnat = 0;
        int agent_ent = -1, person = -1, person_ent = -1, counterpart = -1, whole = -1, place = -1;
        char possessor[CODE_MAX] = "";
        const char *alias_code = NULL;
        const tok_t *unknown_surname = NULL, *unknown_given = NULL;
        int possessor_ent = -1;
        size_t start_units = j;
        while (j < n) {
            unit_at(&sc, j, &u);
            if (!u.len) {
                uint32_t c = dict_wclass(d, t[j].id);
                if ((nnat || possessor[0]) && agent_ent < 0 && (c & (WC_MOD | WC_FORMER))) {
                    if (c & WC_FORMER) former = 1;
                    j++;
                    continue;
                }
                /* "French paper workers", "Turkish Kurd refugees": a word or two
                 * between a nationality and its role, a capitalised one naming a
                 * people or a faction (not at the start of a new line) */
                if (nnat && agent_ent < 0 && (plain_lower(d, &t[j]) || faction_word(d, &t[j]))) {
                    size_t k = j + 1, found = 0;
                    for (; k < n && k < j + 3 && !found; k++) {
                        unit_t nx;
                        unit_at(&sc, k, &nx);
                        if (nx.len && unit_pick(d, &nx, ENT_AGENT) >= 0 && unit_pick(d, &nx, ENT_PERSON) < 0) found = k;
                        else if (nx.len || !(plain_lower(d, &t[k]) || faction_word(d, &t[k]))) break;
                    }
                    if (found) {
                        j = found;
                        continue;
                    }
                }
                /* "Vietnamese-led forces", "Syrian-backed militia" */
                if (nnat && agent_ent < 0 && j + 2 < n && t[j].id == d->w_hyphen && (dict_wclass(d, t[j + 1].id) & WC_LEDBY)) {
                    j += 2;
                    continue;
                }
                /* "Japanese and Chinese", "Sino-Japanese": more nationalities */
                if (nnat && agent_ent < 0 && j + 1 < n &&
                    (t[j].id == d->w_and || t[j].id == d->w_hyphen || t[j].id == d->w_comma)) {
                    unit_t nx;
                    unit_at(&sc, j + 1, &nx);
                    if (nx.len && unit_pick(d, &nx, ENT_ADJ) >= 0) {
                        j++;
                        continue;
                    }
                }
                break;
            }
            if (u.alias_person >= 0 || u.alias_code) {
                if (person >= 0 || alias_code) break;
                if (u.alias_code) alias_code = u.alias_code;
                else person = u.alias_person;
                j += u.len;
                break;
            }
            int e;
            /* "pro-Iranian", "anti-American": a stance, not a nationality */
            if (j >= 2 && t[j - 1].id == d->w_hyphen && (t[j - 2].id == d->w_pro || t[j - 2].id == d->w_anti) &&
                unit_pick(d, &u, ENT_ADJ) >= 0 && unit_pick(d, &u, ENT_PERSON) < 0) {
                j += u.len;
                break;
            }
            if (agent_ent < 0 && person < 0 && (e = unit_pick(d, &u, ENT_ADJ)) >= 0 && unit_pick(d, &u, ENT_PERSON) < 0) {
                if (nnat < MENTION_CODES) {
                    /* "ethnic Albanians in Macedonia": a people, not the state named after it */
                    int ethnic = j > 0 && t[j - 1].id == d->w_ethnic && strlen(d->ents[e].code) == 3;
                    snprintf(nat[nnat], CODE_MAX, "%s", ethnic ? "---" : d->ents[e].code);
                    nat_ent[nnat++] = (uint32_t)e;
                }
                j += u.len;
                continue;
            }
            if (person < 0 && (e = unit_pick(d, &u, ENT_AGENT)) >= 0 && unit_pick(d, &u, ENT_PERSON) < 0) {
                if (agent_ent < 0) agent_ent = e;
                j += u.len;
                continue;
            }
            if (person < 0 && (e = unit_pick(d, &u, ENT_COUNTERPART)) >= 0) {
                counterpart = e;
                j += u.len;
                break;
            }
            if ((e = person_pick(&sc, &u)) >= 0) {
                person = (int)d->ents[e].person;
                person_ent = e;
                if (!strcmp(d->ents[e].code, "name") && u.len > 1) {
                    uint32_t sn = d->people[person].surname;
                    const tok_t *lt = &t[j + u.len - 1];
                    memset(sc.have, 0, n);
                    if (sn) add_alias(intern_str(&d->words, sn), intern_len(&d->words, sn), person, NULL, alias, nalias, capalias);
                    else add_alias(text + lt->off, lt->len, person, NULL, alias, nalias, capalias);
                }
                j += u.len;
                break;
            }
            int ce = unit_pick(d, &u, ENT_ORG);
            if (ce < 0) ce = unit_pick(d, &u, ENT_COUNTRY);
            if (ce < 0) ce = unit_pick(d, &u, ENT_CAPITAL);
            if (ce >= 0) {
                /* "MSF Arnor": a role word before a country name */
                if (agent_ent >= 0 && !nnat && !possessor[0] && d->ents[ce].kind == ENT_COUNTRY) {
                    snprintf(nat[nnat], CODE_MAX, "%s", d->ents[ce].code);
                    nat_ent[nnat++] = (uint32_t)ce;
                    j += u.len;
                    continue;
                }
                /* "Ithilen's minister Calimehtar": a name after a role that
                 * already has its country is in apposition */
                if (agent_ent >= 0 && (nnat || possessor[0]) && d->ents[ce].kind == ENT_COUNTRY && u.len == 1 &&
                    (t[j].flags & TF_CAP)) {
                    j += u.len;
                    break;
                }
                if (nnat || agent_ent >= 0 || possessor[0]) break;
                /* "China's foreign minister": a possessor country */
                if (j + u.len + 1 < n && t[j + u.len].id == d->w_s) {
                    size_t k = skip_mods(&sc, j + u.len + 1, &former, 1);
                    unit_t nx;
                    if (k < n) {
                        unit_at(&sc, k, &nx);
                        if (nx.len && (unit_pick(d, &nx, ENT_AGENT) >= 0 || unit_pick(d, &nx, ENT_COUNTERPART) >= 0)) {
                            snprintf(possessor, sizeof possessor, "%s", d->ents[ce].code);
                            possessor_ent = ce;
                            j = k;
                            continue;
                        }
                    }
                }
                /* "U.S. officials", "China trade officials": a name used as a nationality */
                size_t k;
                if ((d->ents[ce].kind == ENT_COUNTRY || d->ents[ce].kind == ENT_ORG) && person < 0 &&
                    (k = role_after(&sc, j + u.len, &former))) {
                    snprintf(nat[nnat], CODE_MAX, "%s", d->ents[ce].code);
                    nat_ent[nnat++] = (uint32_t)ce;
                    j = k;
                    continue;
                }
                whole = ce;
                j += u.len;
                break;
            }
            if ((e = unit_pick(d, &u, ENT_PLACE)) >= 0) {
                /* "Darfur rebels", "Gaza militants": a place before a role gives
                 * the role the place's country */
                size_t k;
                if (!nnat && agent_ent < 0 && !possessor[0] && person < 0 && d->ents[e].code[0] &&
                    (k = role_after(&sc, j + u.len, &former))) {
                    snprintf(nat[nnat], CODE_MAX, "%s", d->ents[e].code);
                    nat_ent[nnat++] = (uint32_t)e;
                    j = k;
                    continue;
                }
                if (j == start_units && !nnat) {
                    place = e;
                    j += u.len;
                }
                break;
            }
            break;
        }
        /* "Japanese Vice Foreign Minister Chikao Kawai": a name no dictionary
         * knows, after a role word, belongs to the phrase */
        if (agent_ent >= 0 && person < 0 && !alias_code && counterpart < 0) {
            size_t k = j;
            unit_t nx;
            /* "human rights watchdog Amnesty International": an organisation's
             * name of two words or more is an actor of its own */
            while (k < n && k < j + 3 && (unit_at(&sc, k, &nx), !(nx.len > 1 && unit_pick(d, &nx, ENT_ORG) >= 0)) &&
                   (unknown_name_word(d, &t[k]) ||
                    /* "Vice Premier Liu He": a capitalised pronoun inside a name */
                    (k > j && (t[k].flags & TF_CAP) && (dict_wclass(d, t[k].id) & WC_PRON) && !(t[k].flags & TF_NL))))
                k++;
            if (k > j) {
                unknown_surname = &t[k - 1];
                if (k - j > 1) unknown_given = &t[j]; /* "Kim Jong Un": the family name may come first */
                j = k;
            }
        }
        /* "the foreign minister of Japan", "soldiers from Gondor", "activists in Arnor" */
        char of_country[CODE_MAX] = "";
        int of_ent = -1;
        if (agent_ent >= 0 && person < 0 && !nnat && !possessor[0] && j + 1 < n &&
            (t[j].id == d->w_of || t[j].id == d->w_from || t[j].id == d->w_in)) {
            unit_t nx;
            unit_at(&sc, j + 1, &nx);
            int ce = nx.len ? unit_pick(d, &nx, ENT_COUNTRY) : -1;
            if (ce < 0 && nx.len) ce = unit_pick(d, &nx, ENT_ORG);
            if (ce >= 0) {
                /* "the ambassadors of Arnor, Osgiliath and Gondor": one actor each */
                snprintf(of_country, sizeof of_country, "%s", d->ents[ce].code);
                of_ent = ce;
                snprintf(nat[nnat], CODE_MAX, "%s", d->ents[ce].code);
                nat_ent[nnat++] = (uint32_t)ce;
                j += 1 + nx.len;
                while (j + 1 < n && nnat < MENTION_CODES && (t[j].id == d->w_and || t[j].id == d->w_comma)) {
                    size_t q = j + 1;
                    if (t[j].id == d->w_comma && t[q].id == d->w_and && q + 1 < n) q++;
                    unit_at(&sc, q, &nx);
                    int c2 = nx.len ? unit_pick(d, &nx, ENT_COUNTRY) : -1;
                    if (c2 < 0) break;
                    snprintf(nat[nnat], CODE_MAX, "%s", d->ents[c2].code);
                    nat_ent[nnat++] = (uint32_t)c2;
                    j = q + nx.len;
                }
            }
        }

        mention_t m;
        memset(&m, 0, sizeof m);
        m.b = (uint32_t)i;
        m.e = (uint32_t)j;
        const char *role = agent_ent >= 0 ? d->ents[agent_ent].code : "";
        if (former && role[0]) role = "ELI";
        if (role[0]) snprintf(m.role, sizeof m.role, "%s", role);
        if (person >= 0) {
            const char *pc = dict_person_code(d, &d->people[person], date, NULL);
            m.kind = MK_ACTOR;
            m.has_person = 1;
            m.person = (uint32_t)person;
            m.n = 1;
            /* "Palestinian Prime Minister Ismail Haniyeh": a nationality and a
             * title in the sentence outweigh a dated role of another country */
            if (pc && nnat == 1 && role[0] && strlen(nat[0]) == 3 && strncmp(pc, nat[0], 3))
                set_code(m.code[0], nat[0], role);
            else if (pc) snprintf(m.code[0], CODE_MAX, "%s", pc);
            else if (nnat) set_code(m.code[0], nat[0], role[0] ? role : "");
            else set_code(m.code[0], "---", role);
            m.ent[0][0] = person_ent >= 0 ? (uint32_t)person_ent + 1 : 0;
            m.ent[0][1] = agent_ent >= 0 ? (uint32_t)agent_ent + 1 : 0;
            m.ent[0][2] = nnat ? nat_ent[0] + 1 : 0;
        } else if (alias_code) {
            m.kind = MK_ACTOR;
            m.n = 1;
            snprintf(m.code[0], CODE_MAX, "%s", alias_code);
        } else if (counterpart >= 0) {
            m.kind = MK_ACTOR;
            m.counterpart = 1;
            m.n = 1;
            if (nnat) set_code(m.code[0], nat[0], "");
            else if (possessor[0]) set_code(m.code[0], possessor, "");
            else set_code(m.code[0], "---", "");
            m.ent[0][0] = (uint32_t)counterpart + 1;
            m.ent[0][1] = nnat ? nat_ent[0] + 1 : 0;
        } else if (agent_ent >= 0) {
            m.kind = MK_ACTOR;
            if (nnat) {
                m.n = (uint8_t)nnat;
                for (int k = 0; k < nnat; k++) {
                    /* an organisation keeps its own code: "State Department spokesman" */
                    if (strlen(nat[k]) > 3) snprintf(m.code[k], CODE_MAX, "%s", nat[k]);
                    else if (d->ents[agent_ent].prefix) set_code(m.code[k], role, nat[k]);
                    else set_code(m.code[k], nat[k], role);
                    m.ent[k][0] = nat_ent[k] + 1;
                    m.ent[k][1] = (uint32_t)agent_ent + 1;
                }
            } else {
                m.n = 1;
                const char *ctry = possessor[0] ? possessor : of_country[0] ? of_country : "---";
                /* an organisation keeps its own code: "UN officials" are the UN */
                if (strlen(ctry) > 3) snprintf(m.code[0], CODE_MAX, "%s", ctry);
                else set_code(m.code[0], ctry, role);
                m.ent[0][0] = (uint32_t)agent_ent + 1;
                m.ent[0][1] = possessor_ent >= 0 ? (uint32_t)possessor_ent + 1 : of_ent >= 0 ? (uint32_t)of_ent + 1 : 0;
                /* "the minister", "his spokesman": one known person, named earlier */
                m.definite_role = !possessor[0] && !of_country[0] && (det_the || poss) && !d->ents[agent_ent].plural;
            }
        } else if (whole >= 0) {
            const entry_t *e = &d->ents[whole];
            m.kind = MK_ACTOR;
            m.n = 1;
            if (e->kind == ENT_CAPITAL) set_code(m.code[0], e->code, "GOV");
            else split_codes(&m, e->code, (uint32_t)whole + 1);
            m.ent[0][0] = (uint32_t)whole + 1;
            /* "the Paris pact", "the Washington talks": a capital naming a
             * thing locates it; it does not act */
            unit_t nx;
            if (e->kind == ENT_CAPITAL && (dict_wclass(d, t[i].id) & WC_DET) && j < n && plain_lower(d, &t[j]) &&
                (unit_at(&sc, j, &nx), !nx.len)) {
                m.kind = MK_PLACE;
                snprintf(m.code[0], CODE_MAX, "%s", e->code);
            }
        } else if (place >= 0) {
            m.kind = MK_PLACE;
            m.n = 1;
            snprintf(m.code[0], CODE_MAX, "%s", d->ents[place].code);
            m.ent[0][0] = (uint32_t)place + 1;
        } else if (nnat && !possessor[0] && j > i && !(j < n && (dict_wclass(d, t[j].id) & WC_THING)) &&
                   ((j < n && (t[j].flags & TF_WORD) && !(t[j].flags & TF_NUM) && !(dict_wclass(d, t[j].id) & ~WC_THING)) ||
                    text[t[j - 1].off + t[j - 1].len - 1] == 's')) {
            /* "an Indian proposal", "Iraqi Kurds": a nationality before a noun
             * no dictionary knows names the country, as in PETRARCH; so does a
             * people named alone ("arrested 100 Palestinians") */
            m.kind = MK_ACTOR;
            m.n = (uint8_t)nnat;
            for (int k = 0; k < nnat; k++) {
                snprintf(m.code[k], CODE_MAX, "%s", nat[k]);
                m.ent[k][0] = nat_ent[k] + 1;
            }
        } else if (dict_wclass(d, t[i].id) & WC_PRON) {
            m.kind = MK_PRON;
            m.e = (uint32_t)i + 1;
            m.pron = t[i].id;
        } else {
            i++;
            continue;
        }
        if (unknown_surname && m.n == 1 && strncmp(m.code[0], "---", 3))
        {
            memset(sc.have, 0, n);
            add_alias(text + unknown_surname->off, unknown_surname->len, -1, m.code[0], alias, nalias, capalias);
            if (unknown_given) add_alias(text + unknown_given->off, unknown_given->len, -1, m.code[0], alias, nalias, capalias);
        }
        XGROW(out->v, out->cap, out->n + 1);
        out->v[out->n++] = m;
        i = m.e > i ? m.e : i + 1;
    }
}

static const char *kind_name(int k)
{
    switch (k) {
    case ENT_COUNTRY: return "country";
    case ENT_ADJ: return "adjective";
    case ENT_CAPITAL: return "capital";
    case ENT_PLACE: return "place";
    case ENT_PERSON: return "person";
    case ENT_ORG: return "organisation";
    case ENT_AGENT: return "agent";
    case ENT_COUNTERPART: return "counterpart";
    }
    return "?";
}

void actor_describe(const dict_t *d, const mention_t *m, const char *text, const tok_t *t, buf_t *out)
{
    uint32_t bo = t[m->b].off, eo = t[m->e - 1].off + t[m->e - 1].len;
    buf_printf(out, "\"%.*s\"", (int)(eo - bo), text + bo);
    if (m->kind == MK_PRON) {
        buf_puts(out, " pronoun");
        return;
    }
    buf_puts(out, m->kind == MK_PLACE ? " place" : " ->");
    for (int k = 0; k < m->n; k++) buf_printf(out, " %s", m->code[k][0] ? m->code[k] : "(none)");
    if (m->counterpart) buf_puts(out, " + role of the other party (counterpart)");
    if (m->definite_role) buf_puts(out, " (no country given: resolved from earlier mentions)");
    buf_puts(out, "  from");
    for (int k = 0; k < (m->n ? m->n : 1); k++)
        for (int j = 0; j < 3; j++) {
            uint32_t en = m->ent[k][j];
            if (!en) continue;
            const entry_t *e = &d->ents[en - 1];
            buf_printf(out, " %s:%u %s", dict_file(d, e->file), e->line, kind_name(e->kind));
            if (e->kind == ENT_PERSON) {
                const role_t *r;
                const char *c = dict_person_code(d, &d->people[e->person], 0, NULL);
                (void)c;
                buf_printf(out, " '%s'", d->people[e->person].name);
                (void)r;
            } else if (e->code[0]) {
                buf_printf(out, " %s", e->code);
            }
        }
    if (m->has_person && !m->ent[0][0]) buf_printf(out, " person '%s' (surname introduced earlier)", d->people[m->person].name);
}
