/* The coder on arbitrary text with the built-in dictionaries. */
#include <stdlib.h>

#include "../../src/coder/coder.h"
#include "fuzz.h"

static dict_t *D;
static coder_t *C;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    D = fuzz_builtin_dict();
    C = coder_new(D);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    C->monadic = data[0] & 1;
    coder_article(C, (const char *)data + 1, size - 1, 20180128);
    for (size_t i = 0; i < C->nev; i++) {
        const event_t *e = &C->ev[i];
        uint32_t b, en;
        coder_sentence_span(C, e->sentence, &b, &en);
        /* spans stay inside their sentence */
        if (e->se > en - b || e->te > en - b || e->ve > en - b || e->sb > e->se) abort();
    }
    return 0;
}
