/* The article readers: the first byte picks the format, the rest is the file. */
#include <stdlib.h>

#include "../../src/text/reader.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) { (void)argc; (void)argv; return 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"a.txt", "a.jsonl", "a.html", "a.jsonl.gz", "a.txt.zst", "a.htm", "-x.json"};
    if (!size) return 0;
    diag_t d;
    diag_init(&d, 0, 0);
    reader_t *r = reader_new(&d, data[0] & 0x80);
    reader_add_buffer(r, names[data[0] % 7], (const char *)data + 1, size - 1);
    article_t a;
    while (reader_next(r, &a) == 1)
        if (a.len && !a.text) abort();
    reader_free(r);
    diag_free(&d);
    return 0;
}
