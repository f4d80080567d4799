#include "inflect.h"

#include <stdio.h>
#include <string.h>

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* One-syllable consonant-vowel-consonant words double their last letter
 * ("stop" -> "stopped"); w, x and y never double. */
static int doubles(const char *w, size_t n)
{
    if (n < 3) return 0;
    char c = w[n - 1], v = w[n - 2], p = w[n - 3];
    if (is_vowel(c) || c == 'w' || c == 'x' || c == 'y') return 0;
    if (!is_vowel(v) || is_vowel(p)) return 0;
    int groups = 0;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1]))) groups++;
    return groups == 1;
}

static void cat2(char *out, const char *a, size_t alen, const char *b)
{
    snprintf(out, INFLECT_MAX, "%.*s%s", (int)alen, a, b);
}

void inflect_regular(const char *base, char out[INF_N][INFLECT_MAX])
{
    size_t n = strlen(base);
    for (int k = 0; k < INF_N; k++) snprintf(out[k], INFLECT_MAX, "%s", base);
    if (n == 0 || n > INFLECT_MAX - 4) return;
    char last = base[n - 1], prev = n > 1 ? base[n - 2] : 0;

    /* third person */
    if (last == 's' || last == 'x' || last == 'z' || last == 'o' || (last == 'h' && (prev == 'c' || prev == 's')))
        cat2(out[INF_S], base, n, "es");
    else if (last == 'y' && !is_vowel(prev))
        cat2(out[INF_S], base, n - 1, "ies");
    else
        cat2(out[INF_S], base, n, "s");

    /* past and participle */
    if (last == 'e')
        cat2(out[INF_PAST], base, n, "d");
    else if (last == 'y' && !is_vowel(prev))
        cat2(out[INF_PAST], base, n - 1, "ied");
    else if (doubles(base, n)) {
        char tmp[INFLECT_MAX];
        snprintf(tmp, sizeof tmp, "%s%c", base, last);
        cat2(out[INF_PAST], tmp, n + 1, "ed");
    } else
        cat2(out[INF_PAST], base, n, "ed");
    memcpy(out[INF_PP], out[INF_PAST], INFLECT_MAX);

    /* -ing */
    if (n > 2 && last == 'e' && prev == 'i')
        cat2(out[INF_ING], base, n - 2, "ying");
    else if (last == 'e' && n > 2 && prev != 'e' && prev != 'y' && prev != 'o')
        cat2(out[INF_ING], base, n - 1, "ing");
    else if (doubles(base, n)) {
        char tmp[INFLECT_MAX];
        snprintf(tmp, sizeof tmp, "%s%c", base, last);
        cat2(out[INF_ING], tmp, n + 1, "ing");
    } else
        cat2(out[INF_ING], base, n, "ing");
}

int inflect_british(const char *base, char *past, char *ing)
{
    size_t n = strlen(base);
    if (n < 4 || n > INFLECT_MAX - 5 || base[n - 1] != 'l' || !is_vowel(base[n - 2]) || is_vowel(base[n - 3])) return 0;
    if (doubles(base, n)) return 0; /* one syllable: the regular rule doubles already */
    snprintf(past, INFLECT_MAX, "%sled", base);
    snprintf(ing, INFLECT_MAX, "%sling", base);
    return 1;
}
