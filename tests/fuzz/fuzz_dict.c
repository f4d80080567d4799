/* dyad's dictionary loader: the first byte picks the file kind. */
#include "../../src/dict/dict.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) { (void)argc; (void)argv; return 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"cameo.txt", "roles.txt", "grammar.txt", "irregular.txt", "countries.txt",
                                        "orgs.txt", "people.txt", "agents.txt", "verbs.txt", "boilerplate.txt",
                                        "plover.txt", "people-x.txt"};
    if (!size) return 0;
    dict_t *d = dict_new();
    diag_t dg;
    diag_init(&dg, 0, 1);
    dict_load_text(d, names[data[0] % 12], (const char *)data + 1, size - 1, &dg);
    dict_finish(d);
    dict_check(d, &dg);
    dict_free(d);
    diag_free(&dg);
    return 0;
}
