/* dyad dict check / dyad dict stats. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || (strcmp(argv[1], "check") && strcmp(argv[1], "stats"))) {
        fputs("usage: dyad dict check [DIR] [--petrarch DIR] | dyad dict stats [DIR] [--petrarch DIR]\n", stderr);
        return 1;
    }
    int check = !strcmp(argv[1], "check");
    const char *dir = NULL, *petr = NULL;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--petrarch") && i + 1 < argc) petr = argv[++i];
        else if (!dir) dir = argv[i];
    }
    diag_t diag;
    diag_init(&diag, 2, 0);
    dict_t *d = dict_new();
    if (dir) dict_load_dir(d, dir, &diag);
    else dict_load_builtin_parts(d, &diag, petr != NULL);
    if (petr) dict_load_petrarch(d, petr, &diag);
    dict_finish(d);
    int rc = 0;
    if (check) {
        dict_check(d, &diag);
        size_t n = diag.errors + diag.warnings;
        if (n) fprintf(stderr, "dyad: dict check: %zu error(s), %zu warning(s)\n", diag.errors, diag.warnings);
        else printf("dyad: dict check: %s is clean (%zu entries, %zu people, %zu patterns)\n", petr ? petr : dir ? dir : "built-in set",
                    d->nents, d->npeople, d->npats);
        rc = n ? 1 : 0;
    } else {
        dict_stats(d, stdout);
    }
    dict_free(d);
    diag_free(&diag);
    return rc;
}
