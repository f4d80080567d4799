/* dict check and dict stats: lint over a loaded set (see dict.h). */
#include <stdio.h>
#include <string.h>

#include "dict.h"

static int known_part(const dict_t *d, const char *s, size_t n)
{
    return n == 3 && (intern_find(&d->codes, s, 3) || !strncmp(s, "---", 3));
}

/* An actor code is valid when it is a sequence of known 3-letter parts. */
static int valid_actor(const dict_t *d, const char *code)
{
    size_t n = strlen(code);
    if (n < 3 || n % 3) return 0;
    for (size_t i = 0; i < n; i += 3)
        if (!known_part(d, code + i, 3)) return 0;
    return 1;
}

size_t dict_check(const dict_t *d, diag_t *diag)
{
    size_t before = diag->errors + diag->warnings;
    if (!d->ncameo) diag_add(diag, DIAG_ERROR, "cameo.txt", 0, "no event codes loaded");
    int have_roles = d->codes.count > 1;
    for (size_t i = 0; i < d->nents; i++) {
        const entry_t *e = &d->ents[i];
        const char *f = dict_file(d, e->file);
        /* a PETRARCH set's codes are its own: their syntax was checked on reading */
        if (e->plural || d->file_petr[e->file]) continue;
        if (e->kind == ENT_AGENT && have_roles && !intern_find(&d->rolecodes, e->code, strlen(e->code)))
            diag_add(diag, DIAG_ERROR, f, e->line, "unknown role code '%s' (not in roles.txt)", e->code);
        if (e->kind == ENT_ORG && have_roles && !valid_actor(d, e->code))
            diag_add(diag, DIAG_ERROR, f, e->line, "actor code '%s' has a part unknown to roles.txt/countries.txt", e->code);
    }
    for (size_t i = 0; i < d->npeople; i++) {
        const person_t *p = &d->people[i];
        const char *f = dict_file(d, p->file);
        int own = !d->file_petr[p->file];
        int has_name = 0;
        for (size_t k = 0; k < d->nents; k++)
            if (d->ents[k].kind == ENT_PERSON && d->ents[k].person == i) has_name = 1;
        if (!has_name) diag_add(diag, DIAG_ERROR, f, p->line, "person '%s' has no name", p->name);
        if (!p->nroles && !p->other[0]) diag_add(diag, DIAG_ERROR, f, p->line, "person '%s' has no role and no other code", p->name);
        for (uint32_t r = 0; r < p->nroles; r++) {
            const role_t *a = &p->roles[r];
            if (own && have_roles && !valid_actor(d, a->code))
                diag_add(diag, DIAG_ERROR, f, a->line, "actor code '%s' has a part unknown to roles.txt/countries.txt", a->code);
            for (uint32_t s = r + 1; s < p->nroles; s++) {
                const role_t *b = &p->roles[s];
                int32_t af = a->from ? a->from : 0, at = a->to ? a->to : 99999999;
                int32_t bf = b->from ? b->from : 0, bt = b->to ? b->to : 99999999;
                if (af < bt && bf < at)
                    diag_add(diag, DIAG_ERROR, f, b->line, "role overlaps the role at line %u of '%s'", a->line, p->name);
            }
        }
        if (own && p->other[0] && have_roles && !valid_actor(d, p->other))
            diag_add(diag, DIAG_ERROR, f, p->line, "other code '%s' has a part unknown to roles.txt/countries.txt", p->other);
    }
    for (size_t i = 0; i < d->nintent; i++)
        for (int w = 0; w < 2; w++) {
            const char *code = w ? d->intent[i].to : d->intent[i].act;
            if (!dict_cameo(d, code))
                diag_add(diag, DIAG_ERROR, "intent.txt", d->intent[i].line, "code %s is not in cameo.txt", code);
        }
    for (size_t i = 0; i < d->nplover; i++)
        if (!dict_cameo(d, d->plover[i].code))
            diag_add(diag, DIAG_ERROR, "plover.txt", d->plover[i].line, "code %s is not in cameo.txt", d->plover[i].code);
    for (size_t i = 0; i < d->npats; i++) {
        const pattern_t *p = &d->pats[i];
        const char *f = dict_file(d, p->file);
        if (p->code[0] && !dict_cameo(d, p->code)) diag_add(diag, DIAG_ERROR, f, p->line, "event code %s is not in cameo.txt", p->code);
        if (p->code2[0] && !dict_cameo(d, p->code2)) diag_add(diag, DIAG_ERROR, f, p->line, "event code %s is not in cameo.txt", p->code2);
        /* an identical earlier pattern makes this one unreachable */
        for (size_t j = i + 1; j < d->npats && d->pats[j].lemma == p->lemma; j++) {
            const pattern_t *q = &d->pats[j];
            if (q->nel != p->nel || q->npre != p->npre || q->reciprocal != p->reciprocal) continue;
            int same = 1;
            for (uint16_t k = 0; k < p->nel && same; k++) same = !memcmp(&p->el[k], &q->el[k], sizeof p->el[k]);
            for (uint16_t k = 0; k < p->npre && same; k++) same = !memcmp(&p->pre[k], &q->pre[k], sizeof p->pre[k]);
            if (same)
                diag_add(diag, DIAG_WARN, dict_file(d, q->file), q->line,
                         "pattern is unreachable: the same pattern is at %s:%u (%s)", f, p->line, p->code);
        }
    }
    return diag->errors + diag->warnings - before;
}

void dict_stats(const dict_t *d, FILE *out)
{
    size_t countries = 0, names = 0, adj = 0, capitals = 0, places = 0, orgs = 0, agents = 0, person_names = 0;
    for (size_t i = 0; i < d->nents; i++) {
        const entry_t *e = &d->ents[i];
        if (e->plural) continue;
        switch (e->kind) {
        case ENT_COUNTRY: names++; break;
        case ENT_ADJ: adj++; break;
        case ENT_CAPITAL: capitals++; break;
        case ENT_PLACE: places++; break;
        case ENT_ORG: orgs++; break;
        case ENT_AGENT: case ENT_COUNTERPART: agents++; break;
        case ENT_PERSON: person_names++; break;
        }
    }
    /* countries: distinct country codes that have a name */
    char seen[4096][4];
    size_t nseen = 0;
    size_t orgcodes = 0;
    char oseen[2048][CODE_MAX];
    for (size_t i = 0; i < d->nents; i++) {
        const entry_t *e = &d->ents[i];
        if (e->kind == ENT_COUNTRY) {
            int dup = 0;
            for (size_t k = 0; k < nseen && !dup; k++) dup = !memcmp(seen[k], e->code, 3);
            if (!dup && nseen < 4096) memcpy(seen[nseen++], e->code, 4);
        } else if (e->kind == ENT_ORG) {
            int dup = 0;
            for (size_t k = 0; k < orgcodes && !dup; k++) dup = !strcmp(oseen[k], e->code);
            if (!dup && orgcodes < 2048) snprintf(oseen[orgcodes++], CODE_MAX, "%s", e->code);
        }
    }
    countries = nseen;
    size_t dated = 0;
    for (size_t i = 0; i < d->npeople; i++) dated += d->people[i].nroles > 0;
    /* distinct event codes with patterns, and 3-digit codes among them */
    size_t codes = 0, three = 0;
    char cseen[512][8];
    for (size_t i = 0; i < d->npats; i++) {
        int dup = 0;
        for (size_t k = 0; k < codes && !dup; k++) dup = !strcmp(cseen[k], d->pats[i].code);
        if (!dup && codes < 512) {
            snprintf(cseen[codes++], 8, "%s", d->pats[i].code);
            if (strlen(d->pats[i].code) == 3) three++;
        }
    }
    size_t three_total = 0;
    for (size_t i = 0; i < d->ncameo; i++) three_total += strlen(d->cameo[i].code) == 3;
    fprintf(out, "part\tcount\n");
    fprintf(out, "countries and territories\t%zu\n", countries);
    fprintf(out, "country names\t%zu\n", names);
    fprintf(out, "nationality adjectives\t%zu\n", adj);
    fprintf(out, "capitals\t%zu\n", capitals);
    fprintf(out, "places\t%zu\n", places);
    fprintf(out, "people\t%zu\n", d->npeople);
    fprintf(out, "people with dated roles\t%zu\n", dated);
    fprintf(out, "person names and aliases\t%zu\n", person_names);
    fprintf(out, "organisations and groups\t%zu\n", d->norgs);
    fprintf(out, "organisation codes (distinct)\t%zu\n", orgcodes);
    fprintf(out, "organisation names\t%zu\n", orgs);
    fprintf(out, "agent phrases\t%zu\n", agents);
    fprintf(out, "verb lemmas\t%zu\n", d->nlemmas);
    fprintf(out, "verb patterns\t%zu\n", d->npats);
    fprintf(out, "event codes with patterns\t%zu\n", codes);
    fprintf(out, "three-digit codes with patterns\t%zu of %zu\n", three, three_total);
    fprintf(out, "cameo codes\t%zu\n", d->ncameo);
    fprintf(out, "words\t%zu\n", d->words.count - 1);
}
