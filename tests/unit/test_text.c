/* Unit tests of the text layer: utf8, tok, sent, clean. */
#include <stdlib.h>

#include "base/buf.h"
#include "dict/dict.h"
#define TEST_WITH_DICT
#include "test.h"
#include "text/clean.h"
#include "text/sent.h"
#include "text/tok.h"
#include "text/utf8.h"

static dict_t *D;

static void tok_str(const char *text, const tok_t *t, char *out, size_t n)
{
    snprintf(out, n, "%.*s", (int)t->len, text + t->off);
}

TEST(utf8_repairs_and_normalises)
{
    buf_t b = BUF_INIT;
    const char in[] = "China\xe2\x80\x99s \xe2\x80\x9cties\xe2\x80\x9d \xe2\x80\x94 bad\xff byte\xc2\xa0here";
    size_t r = utf8_clean(&b, in, sizeof in - 1);
    CHECK_INT(r, 1);
    CHECK_STR(b.p, "China's \"ties\" - bad\xef\xbf\xbd byte here");
    buf_reset(&b);
    /* NUL bytes are dropped and counted; CR LF folds to LF */
    const char in2[] = "a\0b\r\nc";
    r = utf8_clean(&b, in2, sizeof in2 - 1);
    CHECK_INT(r, 1);
    CHECK_STR(b.p, "ab\nc");
    buf_reset(&b);
    /* decomposed accents are composed (NFC) */
    utf8_clean(&b, "Erdog\xcc\x86" "an", 9);
    CHECK_STR(b.p, "Erdo\xc4\x9f" "an");
    buf_free(&b);
}

TEST(tokens_are_offsets)
{
    const char *s = "Japan's U.S. envoy didn't pay 1,000.5 yen in Sino-Japanese talks.";
    toks_t t = {0};
    tok_text(&t, s, strlen(s), NULL);
    const char *want[] = {"Japan", "'s", "U.S.", "envoy", "did", "n't", "pay", "1,000.5", "yen", "in",
                          "Sino", "-", "Japanese", "talks", "."};
    CHECK_INT(t.n, sizeof want / sizeof *want);
    for (size_t i = 0; i < t.n && i < sizeof want / sizeof *want; i++) {
        char buf[64];
        tok_str(s, &t.v[i], buf, sizeof buf);
        CHECK_STR(buf, want[i]);
    }
    CHECK(t.v[0].flags & TF_CAP);
    CHECK(t.v[2].flags & TF_ACRO);
    CHECK(t.v[7].flags & TF_NUM);
    toks_free(&t);
}

static size_t split(const char *s, sents_t *out, toks_t *t)
{
    tok_text(t, s, strlen(s), &D->words);
    sent_split(out, s, t->v, t->n, D);
    return out->n;
}

static void sentence_text(const char *s, const toks_t *t, const sent_t *st, char *out, size_t n)
{
    uint32_t b = t->v[st->b].off, e = t->v[st->e - 1].off + t->v[st->e - 1].len;
    snprintf(out, n, "%.*s", (int)(e - b), s + b);
}

TEST(sentences_survive_abbreviations)
{
    toks_t t = {0};
    sents_t ss = {0};
    const char *s = "Mr. Kono met Gov. J. Smith in the U.S. on Jan. 5. Prices rose 3.5 percent. "
                    "\"We hope so.\" Wang said. Talks in the U.S. The next day, they met.";
    split(s, &ss, &t);
    const char *want[] = {"Mr. Kono met Gov. J. Smith in the U.S. on Jan. 5.", "Prices rose 3.5 percent.",
                          "\"We hope so.\"", "Wang said.", "Talks in the U.S.", "The next day, they met."};
    CHECK_INT(ss.n, 6);
    for (size_t i = 0; i < ss.n && i < 6; i++) {
        char buf[256];
        sentence_text(s, &t, &ss.v[i], buf, sizeof buf);
        CHECK_STR(buf, want[i]);
    }
    toks_free(&t);
    sents_free(&ss);
}

TEST(sentences_break_at_paragraphs_and_lists)
{
    toks_t t = {0};
    sents_t ss = {0};
    const char *s = "First line without a stop\n\nSecond paragraph here.\nThird line follows:\n- item one\n- item two";
    split(s, &ss, &t);
    CHECK_INT(ss.n, 5);
    toks_free(&t);
    sents_free(&ss);
}

TEST(run_on_sentences_are_cut)
{
    buf_t b = BUF_INIT;
    for (int i = 0; i < 1000; i++) buf_puts(&b, "word ");
    toks_t t = {0};
    sents_t ss = {0};
    split(b.p, &ss, &t);
    CHECK_INT(ss.n, 3);
    CHECK_INT(ss.cut, 2);
    CHECK_INT(ss.v[0].e - ss.v[0].b, SENT_MAX_TOKENS);
    toks_free(&t);
    sents_free(&ss);
    buf_free(&b);
}

TEST(clean_drops_furniture_and_keeps_dateline)
{
    buf_t out = BUF_INIT, dl = BUF_INIT;
    const char *s = "TOKYO - Japan and China met.\nA caption line. Photo: Some Agency\n"
                    "More world stories from Example News:\n- Headline one\n- Headline two\n";
    clean_stats_t st = {0, 0};
    clean_text(D, s, strlen(s), &out, &dl, &st);
    CHECK_STR(dl.p, "TOKYO");
    CHECK_STR(out.p, "Japan and China met.\nA caption line.\n\n\n\n");
    CHECK_INT(st.dropped_lines, 3);
    CHECK_INT(st.cut_tails, 1);
    clean_text(D, "BEIJING (Reuters) - Text.", 25, &out, &dl, &st);
    CHECK_STR(dl.p, "BEIJING (Reuters)");
    CHECK_STR(out.p, "Text.");
    clean_text(D, "Sino-Japanese ties - a story.", 29, &out, &dl, &st);
    CHECK_STR(dl.p ? dl.p : "", "");
    buf_free(&out);
    buf_free(&dl);
}

int main(void)
{
    D = test_builtin_dict();
    RUN(utf8_repairs_and_normalises);
    RUN(tokens_are_offsets);
    RUN(sentences_survive_abbreviations);
    RUN(sentences_break_at_paragraphs_and_lists);
    RUN(run_on_sentences_are_cut);
    RUN(clean_drops_furniture_and_keeps_dateline);
    dict_free(D);
    TEST_END();
}
