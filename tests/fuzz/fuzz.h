/* fuzz.h — shared by the libFuzzer harnesses in tests/fuzz/.
 *
 * Each harness defines LLVMFuzzerTestOneInput (and may define
 * LLVMFuzzerInitialize). Built with clang -fsanitize=fuzzer by `make fuzz`,
 * and with replay.c as main() by `make check`, which runs every file of the
 * committed corpora (tests/fuzz/corpus/NAME/) once: past crashes stay fixed.
 */
#ifndef DYAD_FUZZ_H
#define DYAD_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "../../src/dict/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The built-in dictionary set, loaded and compiled: harnesses that code text
 * keep one for the whole run. */
static inline dict_t *fuzz_builtin_dict(void)
{
    dict_t *d = dict_new();
    dict_load_builtin(d, NULL);
    dict_finish(d);
    return d;
}

#endif
