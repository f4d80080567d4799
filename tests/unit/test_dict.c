/* Unit tests of the dictionary layer: loading, errors with lines, inflection,
 * dated roles, lint. Sets are built from small texts, not the built-in data. */
#include <stdlib.h>

#include "dict/dict.h"
#include "dict/inflect.h"
#include "test.h"

static dict_t *load(const char *const *files, diag_t *dg)
{
    dict_t *d = dict_new();
    diag_init(dg, 0, 1);
    for (int i = 0; files[i]; i += 2) dict_load_text(d, files[i], files[i + 1], strlen(files[i + 1]), dg);
    dict_finish(d);
    return d;
}

static int has_msg(const diag_t *dg, const char *needle)
{
    for (size_t i = 0; i < dg->n; i++)
        if (strstr(dg->msgs[i], needle)) return 1;
    return 0;
}

TEST(inflection)
{
    char f[INF_N][INFLECT_MAX];
    inflect_regular("visit", f);
    CHECK_STR(f[INF_S], "visits");
    CHECK_STR(f[INF_PAST], "visited");
    CHECK_STR(f[INF_ING], "visiting");
    inflect_regular("stop", f);
    CHECK_STR(f[INF_PAST], "stopped");
    CHECK_STR(f[INF_ING], "stopping");
    inflect_regular("urge", f);
    CHECK_STR(f[INF_PAST], "urged");
    CHECK_STR(f[INF_ING], "urging");
    inflect_regular("rely", f);
    CHECK_STR(f[INF_S], "relies");
    CHECK_STR(f[INF_PAST], "relied");
    inflect_regular("reach", f);
    CHECK_STR(f[INF_S], "reaches");
    inflect_regular("see", f);
    CHECK_STR(f[INF_ING], "seeing");
    inflect_regular("die", f);
    CHECK_STR(f[INF_ING], "dying");
}

static const char *const SET[] = {
    "cameo.txt", "040 1.0 1 Consult\n042 1.9 1 Make a visit\n",
    "roles.txt", "== role\nGOV Government\nELI Elites\n",
    "grammar.txt", "== det\nthe\n",
    "irregular.txt", "meet met met\n",
    "countries.txt", "== JPN Japan\nname Japan\nadj Japanese\ncapital Tokyo\n== ZAR Zaire\nname Zaire [1971-10-27..1997-05-17]\n",
    "people.txt", "== Shinzo Abe\nname Shinzo Abe\nalias Abe\nrole JPNGOV 2006-09-26..2007-09-26 Prime Minister\n"
                  "role JPNGOV 2012-12-26..2020-09-16 Prime Minister\nother JPNELI\n",
    "agents.txt", "== GOV government\nminister; spokesman{spokesmen}; police{}\n",
    "verbs.txt", "== 040 Consult\nmeet +\nmeet with +\nmeet ~\n== 042 Visit\nvisit +\nvisit +\n",
    NULL,
};

static uint32_t wid(const dict_t *d, const char *w) { return intern_find(&d->words, w, strlen(w)); }

TEST(loads_and_inflects)
{
    diag_t dg;
    dict_t *d = load(SET, &dg);
    CHECK_INT(dg.errors, 0);
    CHECK_INT(d->ncameo, 2);
    CHECK_STR(dict_cameo(d, "042")->name, "Make a visit");
    /* irregular and regular forms map back to their lemma */
    uint32_t v = dict_vforms(d, wid(d, "met"));
    CHECK(v != 0);
    if (v) CHECK_STR(intern_str(&d->words, d->lemmas[d->vforms[v - 1].lemma].base), "meet");
    CHECK(dict_vforms(d, wid(d, "visited")) != 0);
    CHECK(dict_vforms(d, wid(d, "meeting")) != 0);
    /* plurals: by rule, given in braces, or none */
    CHECK(wid(d, "ministers") != 0);
    CHECK(wid(d, "spokesmen") != 0);
    CHECK(wid(d, "polices") == 0);
    dict_free(d);
    diag_free(&dg);
}

TEST(roles_follow_the_date)
{
    diag_t dg;
    dict_t *d = load(SET, &dg);
    CHECK_INT(d->npeople, 1);
    const person_t *p = &d->people[0];
    CHECK_STR(dict_person_code(d, p, 20180128, NULL), "JPNGOV");
    CHECK_STR(dict_person_code(d, p, 20210501, NULL), "JPNELI");
    CHECK_STR(dict_person_code(d, p, 20070101, NULL), "JPNGOV");
    CHECK_STR(dict_person_code(d, p, 20100101, NULL), "JPNELI");
    CHECK_STR(dict_person_code(d, p, 20200916, NULL), "JPNGOV"); /* both ends inclusive */
    CHECK_STR(dict_person_code(d, p, 20200917, NULL), "JPNELI");
    CHECK_STR(dict_person_code(d, p, 0, NULL), "JPNELI"); /* undated: no open-ended role */
    dict_free(d);
    diag_free(&dg);
}

TEST(errors_name_file_and_line)
{
    static const char *const BAD[] = {
        "cameo.txt", "040 1.0 1 Consult\n04x 1 1 Bad\n041 12 1 Too big\n042 1.9 7 Bad quad\n",
        "grammar.txt", "== det\nthe\n== nonsense\nfoo\n",
        "countries.txt", "name Japan\n== JPN Japan\nname Japan\ncolour red\nname Zaire [1971-13-01..]\n== Japan\n",
        "people.txt", "name Nobody\n== Some One\nname Some One\nrole JPNGOV 2012-12-26..2010-01-01\nrole JPNGOV 2001-01-01..2002-01-01\n"
                      "role JPNGOV 2001-06-01..2003-01-01\n",
        "verbs.txt", "== 040 Consult\nmeet + +\nmeet ~ +\n== 999 Nope\nmeet with +\n",
        "intent.txt", "== will acts\n04 036\n04x 036\n04 037\n== maybe\n05 032\n",
        NULL,
    };
    diag_t dg;
    dict_t *d = load(BAD, &dg);
    dict_check(d, &dg);
    CHECK(has_msg(&dg, "cameo.txt:2: bad event code"));
    CHECK(has_msg(&dg, "cameo.txt:3: bad Goldstein value"));
    CHECK(has_msg(&dg, "cameo.txt:4: bad quad class"));
    CHECK(has_msg(&dg, "grammar.txt:3: unknown word class"));
    CHECK(has_msg(&dg, "countries.txt:1: entry before the first"));
    CHECK(has_msg(&dg, "countries.txt:4: unknown key 'colour'"));
    CHECK(has_msg(&dg, "countries.txt:5: bad period"));
    CHECK(has_msg(&dg, "countries.txt:6: country code 'Japan'"));
    CHECK(has_msg(&dg, "people.txt:1: entry before the first"));
    CHECK(has_msg(&dg, "people.txt:4: bad period"));
    CHECK(has_msg(&dg, "people.txt:6: role overlaps"));
    CHECK(has_msg(&dg, "verbs.txt:2: a pattern has one target"));
    CHECK(has_msg(&dg, "verbs.txt:3: '~' must end the pattern"));
    CHECK(has_msg(&dg, "verbs.txt:5: event code 999 is not in cameo.txt"));
    CHECK(has_msg(&dg, "intent.txt:3: bad event code"));
    CHECK(has_msg(&dg, "intent.txt:4: code 04 given twice"));
    CHECK(has_msg(&dg, "intent.txt:5: unknown section 'maybe'"));
    CHECK(!has_msg(&dg, "intent.txt:6:")); /* a bad section is named once, at its header */
    CHECK_INT(d->nintent, 1);
    /* the good lines still loaded */
    CHECK_INT(d->ncameo, 1);
    CHECK(wid(d, "japan") != 0);
    dict_free(d);
    diag_free(&dg);
}

TEST(lint_finds_duplicates_and_unreachable_patterns)
{
    static const char *const DUP[] = {
        "cameo.txt", "042 1.9 1 Make a visit\n",
        "countries.txt", "== JPN Japan\nname Japan\n== JPX Other\nname Japan\n",
        "verbs.txt", "== 042 Visit\nvisit +\nvisit +\n",
        NULL,
    };
    diag_t dg;
    dict_t *d = load(DUP, &dg);
    dict_check(d, &dg);
    CHECK(has_msg(&dg, "countries.txt:4: warning: duplicate phrase 'Japan' (also countries.txt:2)"));
    CHECK(has_msg(&dg, "verbs.txt:3: warning: pattern is unreachable: the same pattern is at verbs.txt:2"));
    dict_free(d);
    diag_free(&dg);
}

TEST(dates)
{
    CHECK_INT(dict_parse_date("2018-01-28", 10), 20180128);
    CHECK_INT(dict_parse_date("2018-13-28", 10), -1);
    CHECK_INT(dict_parse_date("2018-1-28", 9), -1);
    CHECK_INT(dict_parse_date("20a8-01-28", 10), -1);
    CHECK_INT(dict_parse_date("2018-02-30", 10), -1);
    CHECK_INT(dict_parse_date("2019-02-29", 10), -1);
    CHECK_INT(dict_parse_date("2020-02-29", 10), 20200229);
}

int main(void)
{
    RUN(inflection);
    RUN(loads_and_inflects);
    RUN(roles_follow_the_date);
    RUN(errors_name_file_and_line);
    RUN(lint_finds_duplicates_and_unreachable_patterns);
    RUN(dates);
    TEST_END();
}
