/* Repair, cleaning, tokens and sentences on arbitrary bytes. */
#include <stdlib.h>

#include "../../src/dict/dict.h"
#include "../../src/text/clean.h"
#include "../../src/text/sent.h"
#include "../../src/text/tok.h"
#include "../../src/text/utf8.h"
#include "fuzz.h"

static dict_t *D;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    D = dict_new();
    dict_load_builtin_parts(D, NULL, 1);
    dict_finish(D);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    buf_t raw = BUF_INIT, text = BUF_INIT, dl = BUF_INIT;
    utf8_clean(&raw, (const char *)data, size);
    clean_text(D, raw.p ? raw.p : "", raw.len, &text, &dl, NULL);
    toks_t t = {0};
    sents_t s = {0};
    tok_text(&t, text.p ? text.p : "", text.len, &D->words);
    sent_split(&s, text.p ? text.p : "", t.v, t.n, D);
    /* every token lies inside the text, sentences cover tokens in order */
    for (size_t i = 0; i < t.n; i++)
        if (t.v[i].off + t.v[i].len > text.len) abort();
    for (size_t i = 0; i < s.n; i++)
        if (s.v[i].b >= s.v[i].e || s.v[i].e > t.n || (i && s.v[i].b != s.v[i - 1].e)) abort();
    toks_free(&t);
    sents_free(&s);
    buf_free(&raw);
    buf_free(&text);
    buf_free(&dl);
    return 0;
}
