/* dyad dict check / dyad dict stats. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || (strcmp(argv[1], "check") && strcmp(argv[1], "stats"))) {
        fputs("usage: dyad dict check [DIR] | dyad dict stats [DIR]\n", stderr);
        return 1;
    }
    int check = !strcmp(argv[1], "check");
    const char *dir = argc > 2 ? argv[2] : NULL;
    diag_t diag;
    diag_init(&diag, 2, 0);
    dict_t *d = dict_new();
    if (dir) dict_load_dir(d, dir, &diag);
    else dict_load_builtin(d, &diag);
    dict_finish(d);
    int rc = 0;
    if (check) {
        dict_check(d, &diag);
        size_t n = diag.errors + diag.warnings;
        if (n) fprintf(stderr, "dyad: dict check: %zu error(s), %zu warning(s)\n", diag.errors, diag.warnings);
        else printf("dyad: dict check: %s is clean (%zu entries, %zu people, %zu patterns)\n", dir ? dir : "built-in set",
                    d->nents, d->npeople, d->npats);
        rc = n ? 1 : 0;
    } else {
        dict_stats(d, stdout);
    }
    dict_free(d);
    diag_free(&diag);
    return rc;
}
