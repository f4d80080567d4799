/* reader — articles from files, folders, compressed files and stdin.
 *
 * One interface for every input the SPEC names: a .txt file is one article
 * (id = base name); a .jsonl file is one article per line ({"id", "date",
 * "title", "text", "url", "source"}, only "text" required); .gz and .zst are
 * decompressed first (zlib, libzstd); folders are walked in name order; "-"
 * is standard input (JSON lines if its first non-blank byte is '{').
 *
 * A bad JSON line is reported as "FILE:LINE: message" and skipped; with
 * strict set, reading stops there instead and reader_next returns -1.
 *
 * Ownership: the reader owns the article it returns; its strings are valid
 * until the next call to reader_next or reader_close.
 */
#ifndef DYAD_READER_H
#define DYAD_READER_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/diag.h"

typedef struct {
    const char *id, *date, *title, *url, *source, *dateline;
    const char *text;
    size_t len;
    const char *file;    /* where it came from */
    long line;           /* jsonl line, 0 for whole files */
} article_t;

typedef struct reader reader_t;

reader_t *reader_new(diag_t *diag, int strict);
/* Queue bytes held in memory as if they were a file of that name (its
 * extension decides the format); the reader keeps a copy. */
void reader_add_buffer(reader_t *r, const char *name, const char *data, size_t len);
/* Queue an input path (file, folder or "-"). */
void reader_add(reader_t *r, const char *path);
/* 1: an article; 0: no more input; -1: stopped by an error (strict). */
int reader_next(reader_t *r, article_t *a);
size_t reader_bad_lines(const reader_t *r);
/* Bytes of input read so far and in all (file sizes on disk; stdin counts
 * as 0), for progress bars. */
void reader_progress(const reader_t *r, double *done, double *total);
void reader_free(reader_t *r);

#endif
