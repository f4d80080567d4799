/* Golden tests: tests/golden/NAME.test files, in the spirit of jq's tests.
 *
 * A file is a list of cases separated by blank lines. A case is one or more
 * lines of text (an article: lines are joined with newlines) followed by
 * lines "=> SOURCE TARGET CODE", one per expected event, or "=> none".
 * "@date YYYY-MM-DD" sets the article date for the cases after it, and
 * "@monadic on|off" whether events need a target (off at the start of each
 * file); '#' starts a comment line. The coded events must equal the expected ones as a
 * multiset (order does not matter).
 */
#include <stdlib.h>

#include "base/buf.h"
#include "coder/coder.h"
#define TEST_WITH_DICT
#include "test.h"

#ifndef GOLDEN_DIR
#define GOLDEN_DIR "tests/golden"
#endif

static dict_t *D;
static coder_t *C;
static int cases, failed;

static int32_t parse_date(const char *s) { return dict_parse_date(s, strlen(s)); }

static void run_case(const char *file, int line, const char *text, char expect[][48], int nexp, int32_t date)
{
    cases++;
    coder_article(C, text, strlen(text), date);
    char got[64][48];
    int ngot = 0;
    for (size_t i = 0; i < C->nev && ngot < 64; i++)
        snprintf(got[ngot++], 48, "%s %s %s", C->ev[i].source, C->ev[i].target, C->ev[i].code);
    int used[64] = {0}, ok = ngot == nexp;
    for (int i = 0; i < nexp && ok; i++) {
        int found = 0;
        for (int j = 0; j < ngot && !found; j++)
            if (!used[j] && !strcmp(expect[i], got[j])) used[j] = found = 1;
        ok = found;
    }
    if (ok) return;
    failed++;
    t_failed_here = 1;
    printf("  FAIL %s:%d: %s\n    want:", file, line, text);
    for (int i = 0; i < nexp; i++) printf(" [%s]", expect[i]);
    if (!nexp) printf(" none");
    printf("\n    got: ");
    for (int i = 0; i < ngot; i++) printf(" [%s]", got[i]);
    if (!ngot) printf(" none");
    printf("\n");
}

static void run_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("  FAIL cannot open %s\n", path);
        t_failed_here = 1;
        return;
    }
    char line[4096];
    buf_t text = BUF_INIT;
    C->monadic = 0;
    char expect[64][48];
    int nexp = 0, in_expect = 0, lineno = 0, case_line = 0;
    int32_t date = 0;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        if (got) {
            lineno++;
            line[strcspn(line, "\n")] = 0;
        }
        int blank = !got || !line[0];
        if (got && line[0] == '#') continue;
        if (got && !strncmp(line, "@date ", 6)) {
            date = parse_date(line + 6);
            continue;
        }
        if (got && !strncmp(line, "@monadic ", 9)) {
            C->monadic = !strcmp(line + 9, "on");
            continue;
        }
        if (blank) {
            if (text.len && in_expect) run_case(path, case_line, text.p, expect, nexp, date);
            else if (text.len) {
                printf("  FAIL %s:%d: case has no '=>' line\n", path, case_line);
                t_failed_here = 1;
            }
            buf_reset(&text);
            nexp = in_expect = 0;
            if (!got) break;
            continue;
        }
        if (!strncmp(line, "=>", 2)) {
            in_expect = 1;
            const char *e = line + 2;
            while (*e == ' ') e++;
            if (strcmp(e, "none") && nexp < 64) {
                char a[CODE_MAX], b[CODE_MAX], c[8];
                if (sscanf(e, "%15s %15s %7s", a, b, c) != 3) {
                    printf("  FAIL %s:%d: bad expectation '%s'\n", path, lineno, e);
                    t_failed_here = 1;
                } else {
                    snprintf(expect[nexp++], 48, "%s %s %s", a, b, c);
                }
            }
            continue;
        }
        if (!text.len) case_line = lineno;
        else buf_putc(&text, '\n');
        buf_puts(&text, line);
    }
    buf_free(&text);
    fclose(f);
}

#define FILE_TEST(name) \
    TEST(name) { run_file(GOLDEN_DIR "/" #name ".test"); }

FILE_TEST(actors)
FILE_TEST(verbs)
FILE_TEST(clauses)
FILE_TEST(speech)
FILE_TEST(noevent)
FILE_TEST(roles)
FILE_TEST(modality)
FILE_TEST(monadic)

int main(void)
{
    D = test_builtin_dict();
    C = coder_new(D);
    RUN(actors);
    RUN(verbs);
    RUN(clauses);
    RUN(speech);
    RUN(noevent);
    RUN(roles);
    RUN(modality);
    RUN(monadic);
    printf("golden cases: %d, failed: %d\n", cases, failed);
    coder_free(C);
    dict_free(D);
    TEST_END();
}
