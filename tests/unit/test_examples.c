/* The demo corpus (examples/) against its hand-coded events
 * (examples/expected.tsv): recall and precision at the country-root level,
 * with floors that a change must not fall below. The articles were written
 * by the team; the expected events were coded by hand before the coder ran. */
#include <stdlib.h>

#include "coder/coder.h"
#define TEST_WITH_DICT
#include "test.h"

#define RECALL_FLOOR 0.90
#define PRECISION_FLOOR 0.90

TEST(examples)
{
    dict_t *d = test_builtin_dict();
    coder_t *c = coder_new(d);
    FILE *dates = fopen("examples/dates.tsv", "r");
    CHECK(dates != NULL);
    if (!dates) return;
    char line[1024];
    size_t expected = 0, found = 0, exact = 0, produced = 0, correct = 0;
    while (fgets(line, sizeof line, dates)) {
        char file[256], date[16];
        if (sscanf(line, "%255s %15s", file, date) != 2) continue;
        char path[512];
        snprintf(path, sizeof path, "examples/%s", file);
        size_t n;
        char *text = test_slurp(path, &n);
        CHECK(text != NULL);
        if (!text) continue;
        coder_article(c, text, n, dict_parse_date(date, 10));
        free(text);
        char *used = calloc(c->nev + 1, 1);
        FILE *ex = fopen("examples/expected.tsv", "r");
        char el[1024];
        while (ex && fgets(el, sizeof el, ex)) {
            char ef[256], src[CODE_MAX], tgt[CODE_MAX], code[8];
            int sent;
            if (sscanf(el, "%255s %d %15s %15s %7s", ef, &sent, src, tgt, code) != 5 || strcmp(ef, file)) continue;
            expected++;
            int hit = 0;
            for (size_t i = 0; i < c->nev && !hit; i++) {
                const event_t *e = &c->ev[i];
                if (used[i] || strncmp(e->source, src, 3) || strncmp(e->target, tgt, 3) || strncmp(e->code, code, 2)) continue;
                used[i] = 1;
                hit = 1;
                exact += !strcmp(e->source, src) && !strcmp(e->target, tgt) && !strcmp(e->code, code);
            }
            found += hit;
            if (!hit) printf("  missed %s sentence %d: %s -> %s %s\n", file, sent, src, tgt, code);
        }
        if (ex) fclose(ex);
        for (size_t i = 0; i < c->nev; i++) {
            produced++;
            correct += used[i];
            if (!used[i])
                printf("  extra  %s sentence %u: %s -> %s %s\n", file, c->ev[i].sentence, c->ev[i].source, c->ev[i].target,
                       c->ev[i].code);
        }
        free(used);
    }
    fclose(dates);
    double recall = expected ? (double)found / (double)expected : 0, precision = produced ? (double)correct / (double)produced : 0;
    printf("  examples: %zu expected, %zu found (%zu exact), %zu produced: recall %.2f, precision %.2f (country-root)\n",
           expected, found, exact, produced, recall, precision);
    CHECK(expected > 0);
    CHECK(recall >= RECALL_FLOOR);
    CHECK(precision >= PRECISION_FLOOR);
    coder_free(c);
    dict_free(d);
}

int main(void)
{
    RUN(examples);
    TEST_END();
}
