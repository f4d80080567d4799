/* The PETRARCH-2 readers: the first byte picks the file kind. */
#include "../../src/dict/petr.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) { (void)argc; (void)argv; return 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const petr_kind kinds[] = {PETR_VERBS, PETR_ACTORS, PETR_AGENTS, PETR_DISCARDS, PETR_ISSUES};
    if (!size) return 0;
    dict_t *d = dict_new();
    diag_t dg;
    diag_init(&dg, 0, 1);
    petr_load_text(d, kinds[data[0] % 5], "fuzz.txt", (const char *)data + 1, size - 1, &dg);
    dict_finish(d);
    dict_check(d, &dg);
    dict_free(d);
    diag_free(&dg);
    return 0;
}
