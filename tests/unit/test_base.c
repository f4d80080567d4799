/* Unit tests of the base layer: buf, intern, arena, phrase trie, diag. */
#include <stdlib.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/intern.h"
#include "base/mem.h"
#include "dict/phrase.h"
#include "test.h"

TEST(buf_grows_and_formats)
{
    buf_t b = BUF_INIT;
    for (int i = 0; i < 1000; i++) buf_printf(&b, "%d,", i);
    CHECK(b.len > 3000);
    CHECK(b.p[b.len] == 0);
    CHECK(!strncmp(b.p, "0,1,2,", 6));
    buf_reset(&b);
    buf_put(&b, "a\0b", 3);
    CHECK_INT(b.len, 3);
    char *t = buf_take(&b);
    CHECK(t[2] == 'b');
    CHECK(b.p == NULL && b.len == 0);
    free(t);
}

TEST(intern_ids_are_dense_and_stable)
{
    intern_t t;
    intern_init(&t);
    uint32_t a = intern_add(&t, "china", 5), b = intern_add(&t, "japan", 5);
    CHECK_INT(a, 1);
    CHECK_INT(b, 2);
    CHECK_INT(intern_add(&t, "china", 5), a);
    CHECK_INT(intern_find(&t, "japan", 5), b);
    CHECK_INT(intern_find(&t, "korea", 5), 0);
    char w[16];
    for (int i = 0; i < 5000; i++) {
        snprintf(w, sizeof w, "w%d", i);
        intern_add(&t, w, strlen(w));
    }
    CHECK_STR(intern_str(&t, a), "china");
    CHECK_INT(intern_find(&t, "w4999", 5), 5002);
    intern_free(&t);
}

TEST(arena_aligns_and_resets)
{
    arena_t a;
    arena_init(&a, 64);
    char *p = arena_alloc(&a, 3), *q = arena_alloc(&a, 100);
    CHECK(((uintptr_t)p & 15) == 0);
    CHECK(((uintptr_t)q & 15) == 0);
    CHECK(q[99] == 0);
    CHECK_STR(arena_strndup(&a, "hello!", 5), "hello");
    arena_reset(&a);
    arena_free(&a);
}

TEST(phrase_trie_longest_paths)
{
    phrase_t t;
    phrase_init(&t);
    uint32_t china[] = {7}, east_china_sea[] = {3, 7, 9};
    phrase_add(&t, china, 1, 100);
    phrase_add(&t, east_china_sea, 3, 200);
    phrase_add(&t, china, 1, 101);
    uint32_t n = phrase_step(&t, 0, 7);
    CHECK(n != UINT32_MAX);
    uint32_t l = phrase_vals(&t, n);
    CHECK_INT(phrase_val(&t, l), 100);
    l = phrase_next(&t, l);
    CHECK_INT(phrase_val(&t, l), 101);
    CHECK_INT(phrase_next(&t, l), 0);
    n = phrase_step(&t, phrase_step(&t, phrase_step(&t, 0, 3), 7), 9);
    CHECK_INT(phrase_val(&t, phrase_vals(&t, n)), 200);
    CHECK_INT(phrase_vals(&t, phrase_step(&t, 0, 3)), 0); /* "east" alone is no phrase */
    CHECK(phrase_step(&t, 0, 8) == UINT32_MAX);
    for (uint32_t i = 0; i < 20000; i++) {
        uint32_t w[2] = {i, i + 1};
        phrase_add(&t, w, 2, i);
    }
    CHECK_INT(phrase_val(&t, phrase_vals(&t, phrase_step(&t, phrase_step(&t, 0, 12345), 12346))), 12345);
    phrase_free(&t);
}

TEST(diag_counts_and_formats)
{
    diag_t d;
    diag_init(&d, 0, 1);
    diag_add(&d, DIAG_ERROR, "data/x.txt", 12, "bad %s", "thing");
    diag_add(&d, DIAG_WARN, "data/x.txt", 0, "odd");
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.warnings, 1);
    CHECK_STR(d.msgs[0], "data/x.txt:12: bad thing");
    CHECK_STR(d.msgs[1], "data/x.txt: warning: odd");
    diag_free(&d);
}

int main(void)
{
    RUN(buf_grows_and_formats);
    RUN(intern_ids_are_dense_and_stable);
    RUN(arena_aligns_and_resets);
    RUN(phrase_trie_longest_paths);
    RUN(diag_counts_and_formats);
    TEST_END();
}
