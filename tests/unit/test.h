/* test.h — the smallest test harness that does the job.
 *
 * A test file defines functions with TEST(name) { ... } and lists them in
 * main with RUN(name). CHECK records a failure with file:line and goes on, so
 * one run shows every broken expectation. SKIP(why) marks a test skipped
 * with its reason. The last line is "RESULT passed failed skipped", which
 * tests/run.sh adds up into the suite's closing line.
 */
#ifndef DYAD_TEST_H
#define DYAD_TEST_H

#include <stdio.h>
#include <string.h>

static int t_failed_here, t_skipped_here, t_pass, t_fail, t_skip;
static const char *t_name;

#define TEST(name) static void name(void)
#define CHECK(cond) \
    do { \
        if (!(cond)) { \
            printf("  FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            t_failed_here = 1; \
        } \
    } while (0)
#define CHECK_STR(a, b) \
    do { \
        const char *a_ = (a), *b_ = (b); \
        if (!a_ || !b_ || strcmp(a_, b_)) { \
            printf("  FAIL %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, a_ ? a_ : "(null)", \
                   b_ ? b_ : "(null)"); \
            t_failed_here = 1; \
        } \
    } while (0)
#define CHECK_INT(a, b) \
    do { \
        long long a_ = (long long)(a), b_ = (long long)(b); \
        if (a_ != b_) { \
            printf("  FAIL %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, a_, b_); \
            t_failed_here = 1; \
        } \
    } while (0)
#define SKIP(why) \
    do { \
        printf("  skip %s: %s\n", t_name, why); \
        t_skipped_here = 1; \
        return; \
    } while (0)
#define RUN(name) \
    do { \
        t_name = #name; \
        t_failed_here = t_skipped_here = 0; \
        name(); \
        if (t_skipped_here) t_skip++; \
        else if (t_failed_here) { \
            t_fail++; \
            printf("FAIL %s\n", #name); \
        } else { \
            t_pass++; \
            printf("ok   %s\n", #name); \
        } \
    } while (0)
#define TEST_END() \
    do { \
        printf("RESULT %d %d %d\n", t_pass, t_fail, t_skip); \
        return t_fail ? 1 : 0; \
    } while (0)

/* Helpers shared by the test files that need them. */
#ifdef TEST_WITH_DICT
#include <stdlib.h>

#include "dict/dict.h"

/* The built-in dictionary set, loaded and finished; errors go to stderr. */
static __attribute__((unused)) dict_t *test_builtin_dict(void)
{
    dict_t *d = dict_new();
    diag_t dg;
    diag_init(&dg, 1, 0);
    dict_load_builtin(d, &dg);
    dict_finish(d);
    diag_free(&dg);
    return d;
}

/* A whole file, NUL-terminated (caller frees); NULL if unreadable. */
static __attribute__((unused)) char *test_slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc(len > 0 ? (size_t)len + 1 : 1);
    *n = len > 0 ? fread(p, 1, (size_t)len, f) : 0;
    p[*n] = 0;
    fclose(f);
    return p;
}
#endif

#endif
