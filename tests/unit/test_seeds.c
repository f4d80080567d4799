/* The seed test: the two articles dyad started from (../shared/seeds).
 *
 * Scored as ../shared/seeds/gold.json says: at the country-root level (first
 * three letters of each actor, first two digits of the code). Every required
 * event must be found; no event may involve a forbidden actor or have a root
 * at or above the forbidden minimum; at most 4 events in all may match no
 * required or optional entry.
 */
#include <jansson.h>
#include <stdlib.h>

#include "coder/coder.h"
#define TEST_WITH_DICT
#include "test.h"

static dict_t *D;

static int match(const json_t *g, const event_t *e)
{
    const char *s = json_string_value(json_object_get(g, "source"));
    const char *t = json_string_value(json_object_get(g, "target"));
    const char *c = json_string_value(json_object_get(g, "code"));
    int either = json_is_true(json_object_get(g, "either_direction"));
    if (strncmp(c, e->code, 2)) return 0;
    if (!strncmp(s, e->source, 3) && !strncmp(t, e->target, 3)) return 1;
    return either && !strncmp(s, e->target, 3) && !strncmp(t, e->source, 3);
}

TEST(seeds)
{
    const char *shared = getenv("SHARED") ? getenv("SHARED") : "../shared";
    char path[4096];
    snprintf(path, sizeof path, "%s/seeds/gold.json", shared);
    json_error_t err;
    json_t *gold = json_load_file(path, 0, &err);
    if (!gold) SKIP("../shared/seeds/gold.json is absent (set SHARED=DIR to point at the shared data)");
    coder_t *c = coder_new(D);
    json_t *arts = json_object_get(gold, "articles");
    size_t ai;
    json_t *art;
    int extras_total = 0;
    json_array_foreach(arts, ai, art) {
        const char *file = json_string_value(json_object_get(art, "file"));
        snprintf(path, sizeof path, "%s/seeds/%s", shared, file);
        size_t n;
        char *text = test_slurp(path, &n);
        CHECK(text != NULL);
        if (!text) continue;
        coder_article(c, text, n, dict_parse_date(json_string_value(json_object_get(art, "date")), 10));
        json_t *req = json_object_get(art, "required"), *opt = json_object_get(art, "optional");
        json_t *forbid = json_object_get(art, "forbid");
        size_t gi;
        json_t *g;
        json_array_foreach(req, gi, g) {
            int found = 0;
            for (size_t i = 0; i < c->nev && !found; i++) found = match(g, &c->ev[i]);
            if (!found) {
                printf("  FAIL %s: required %s -> %s %s not found (%s)\n", file,
                       json_string_value(json_object_get(g, "source")), json_string_value(json_object_get(g, "target")),
                       json_string_value(json_object_get(g, "code")), json_string_value(json_object_get(g, "why")));
                t_failed_here = 1;
            }
        }
        const char *min_root = json_string_value(json_object_get(forbid, "min_root"));
        for (size_t i = 0; i < c->nev; i++) {
            const event_t *e = &c->ev[i];
            size_t fi;
            json_t *fa;
            json_array_foreach(json_object_get(forbid, "actors"), fi, fa) {
                const char *a = json_string_value(fa);
                if (!strncmp(a, e->source, 3) || !strncmp(a, e->target, 3)) {
                    printf("  FAIL %s: forbidden actor %s in %s -> %s %s\n", file, a, e->source, e->target, e->code);
                    t_failed_here = 1;
                }
            }
            if (min_root && strncmp(e->code, min_root, 2) >= 0) {
                printf("  FAIL %s: root %.2s is at or above the forbidden %s (%s -> %s)\n", file, e->code, min_root,
                       e->source, e->target);
                t_failed_here = 1;
            }
            int listed = 0;
            json_array_foreach(req, gi, g) listed |= match(g, e);
            json_array_foreach(opt, gi, g) listed |= match(g, e);
            if (!listed) {
                extras_total++;
                printf("  note %s: event outside the lists: %s -> %s %s in sentence %u\n", file, e->source, e->target,
                       e->code, e->sentence);
            }
        }
        printf("  %s: %zu events\n", file, c->nev);
        free(text);
    }
    printf("  events outside the required and optional lists: %d (at most 4 allowed)\n", extras_total);
    CHECK(extras_total <= 4);
    coder_free(c);
    json_decref(gold);
}

int main(void)
{
    D = test_builtin_dict();
    RUN(seeds);
    dict_free(D);
    TEST_END();
}
