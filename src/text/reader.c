#include "reader.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include "../base/mem.h"
#include "html.h"

struct reader {
    diag_t *diag;
    int strict;
    char **paths;         /* queue of files still to open */
    size_t npaths, cappaths, next;
    char **mem;           /* per queued path: its bytes when given in memory, else NULL */
    size_t *memlen, capmem;
    /* the open file */
    buf_t data;
    const char *name;
    int jsonl, html;
    size_t pos;
    long line;
    int have_file;
    /* the current article */
    json_t *json;
    char *id_buf;
    size_t bad;
    /* progress: sizes on disk */
    double total, finished, cur_size;
};

reader_t *reader_new(diag_t *diag, int strict)
{
    reader_t *r = xcalloc(1, sizeof *r);
    r->diag = diag;
    r->strict = strict;
    return r;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static int wanted(const char *name)
{
    static const char *const ext[] = {".txt", ".jsonl", ".json", ".htm", ".html", NULL};
    char base[4096];
    snprintf(base, sizeof base, "%s", name);
    if (ends_with(base, ".gz")) base[strlen(base) - 3] = 0;
    else if (ends_with(base, ".zst")) base[strlen(base) - 4] = 0;
    for (int i = 0; ext[i]; i++)
        if (ends_with(base, ext[i])) return 1;
    return 0;
}

static void queue(reader_t *r, const char *path)
{
    size_t cap = r->capmem;
    XGROW(r->mem, r->capmem, r->npaths + 1);
    XGROW(r->memlen, cap, r->npaths + 1);
    r->mem[r->npaths] = NULL;
    r->memlen[r->npaths] = 0;
    struct stat st;
    if (strcmp(path, "-") && stat(path, &st) == 0) r->total += (double)st.st_size;
    XGROW(r->paths, r->cappaths, r->npaths + 1);
    r->paths[r->npaths++] = xstrdup(path);
}

void reader_add_buffer(reader_t *r, const char *name, const char *data, size_t len)
{
    queue(r, name);
    r->mem[r->npaths - 1] = xmalloc(len ? len : 1);
    memcpy(r->mem[r->npaths - 1], data, len);
    r->memlen[r->npaths - 1] = len;
}

void reader_add(reader_t *r, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        if (!dir) {
            diag_add(r->diag, DIAG_ERROR, path, 0, "cannot open folder: %s", strerror(errno));
            return;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *de;
        while ((de = readdir(dir))) {
            if (de->d_name[0] == '.') continue;
            XGROW(names, cap, n + 1);
            size_t len = strlen(path) + strlen(de->d_name) + 2;
            names[n] = xmalloc(len);
            snprintf(names[n], len, "%s/%s", path, de->d_name);
            n++;
        }
        closedir(dir);
        qsort(names, n, sizeof *names, cmp_str);
        for (size_t i = 0; i < n; i++) {
            struct stat s2;
            if (stat(names[i], &s2) == 0 && (S_ISDIR(s2.st_mode) || wanted(names[i]))) reader_add(r, names[i]);
            free(names[i]);
        }
        free(names);
        return;
    }
    queue(r, path);
}

static int read_all(FILE *f, buf_t *out)
{
    char tmp[1 << 16];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) buf_put(out, tmp, n);
    return ferror(f) ? -1 : 0;
}

static int gunzip(reader_t *r, const char *name, buf_t *in, buf_t *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) return -1;
    z.next_in = (Bytef *)in->p;
    z.avail_in = (uInt)in->len;
    int rc;
    do {
        buf_reserve(out, 1 << 16);
        z.next_out = (Bytef *)out->p + out->len;
        z.avail_out = 1 << 16;
        rc = inflate(&z, Z_NO_FLUSH);
        out->len = (size_t)((char *)z.next_out - out->p);
        if (rc == Z_STREAM_END && z.avail_in > 0) rc = inflateReset(&z); /* concatenated members */
    } while (rc == Z_OK);
    inflateEnd(&z);
    if (rc != Z_STREAM_END) {
        diag_add(r->diag, DIAG_ERROR, name, 0, "corrupt gzip data (%s)", z.msg ? z.msg : "truncated");
        return -1;
    }
    buf_reserve(out, 0);
    out->p[out->len] = 0;
    return 0;
}

static int unzstd(reader_t *r, const char *name, buf_t *in, buf_t *out)
{
    ZSTD_DStream *z = ZSTD_createDStream();
    ZSTD_inBuffer ib = {in->p, in->len, 0};
    size_t rc = 1;
    while (ib.pos < ib.size) {
        buf_reserve(out, 1 << 16);
        ZSTD_outBuffer ob = {out->p + out->len, 1 << 16, 0};
        rc = ZSTD_decompressStream(z, &ob, &ib);
        out->len += ob.pos;
        if (ZSTD_isError(rc)) break;
    }
    ZSTD_freeDStream(z);
    if (ZSTD_isError(rc) || rc != 0) {
        diag_add(r->diag, DIAG_ERROR, name, 0, "corrupt zstd data (%s)",
                 ZSTD_isError(rc) ? ZSTD_getErrorName(rc) : "truncated");
        return -1;
    }
    buf_reserve(out, 0);
    out->p[out->len] = 0;
    return 0;
}

/* Open the next queued file; 0 when none is left. */
static int open_next(reader_t *r)
{
    r->finished += r->cur_size;
    r->cur_size = 0;
    while (r->next < r->npaths) {
        const char *path = r->paths[r->next++];
        struct stat st;
        if (strcmp(path, "-") && stat(path, &st) == 0) r->cur_size = (double)st.st_size;
        buf_reset(&r->data);
        r->name = path;
        r->pos = 0;
        r->line = 0;
        int is_stdin = !strcmp(path, "-"), rc = 0;
        if (r->mem[r->next - 1]) {
            buf_put(&r->data, r->mem[r->next - 1], r->memlen[r->next - 1]);
        } else {
            FILE *f = is_stdin ? stdin : fopen(path, "rb");
            if (!f) {
                diag_add(r->diag, DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
                continue;
            }
            rc = read_all(f, &r->data);
            if (!is_stdin) fclose(f);
        }
        if (rc) {
            diag_add(r->diag, DIAG_ERROR, path, 0, "read error");
            continue;
        }
        buf_reserve(&r->data, 0);
        char plain[4096];
        snprintf(plain, sizeof plain, "%s", path);
        if (ends_with(path, ".gz") || ends_with(path, ".zst")) {
            buf_t out = BUF_INIT;
            int bad = ends_with(path, ".gz") ? gunzip(r, path, &r->data, &out) : unzstd(r, path, &r->data, &out);
            buf_free(&r->data);
            r->data = out;
            if (bad) continue;
            plain[strlen(plain) - (ends_with(path, ".gz") ? 3 : 4)] = 0;
        }
        if (is_stdin) {
            size_t i = 0;
            while (i < r->data.len && strchr(" \t\r\n", r->data.p[i])) i++;
            r->jsonl = i < r->data.len && r->data.p[i] == '{';
        } else {
            r->jsonl = ends_with(plain, ".jsonl") || ends_with(plain, ".json");
        }
        r->html = ends_with(plain, ".html") || ends_with(plain, ".htm");
        if (r->html) {
            buf_t text = BUF_INIT;
            if (html_extract(r->data.p ? r->data.p : "", r->data.len, &text, NULL)) {
                diag_add(r->diag, DIAG_ERROR, path, 0, "not parseable as HTML");
                buf_free(&text);
                continue;
            }
            buf_free(&r->data);
            r->data = text;
            buf_reserve(&r->data, 0);
        }
        /* the id of a whole-file article: its base name without extensions */
        free(r->id_buf);
        const char *b = strrchr(plain, '/');
        r->id_buf = xstrdup(is_stdin ? "stdin" : b ? b + 1 : plain);
        char *dot = strchr(r->id_buf, '.');
        if (dot && dot != r->id_buf) *dot = 0;
        r->have_file = 1;
        return 1;
    }
    return 0;
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int reader_next(reader_t *r, article_t *a)
{
    memset(a, 0, sizeof *a);
    if (r->json) {
        json_decref(r->json);
        r->json = NULL;
    }
    for (;;) {
        if (!r->have_file && !open_next(r)) return 0;
        if (!r->jsonl) {
            r->have_file = 0;
            a->id = r->id_buf;
            a->text = r->data.p ? r->data.p : "";
            a->len = r->data.len;
            a->file = r->name;
            return 1;
        }
        while (r->pos < r->data.len) {
            const char *s = r->data.p + r->pos;
            const char *nl = memchr(s, '\n', r->data.len - r->pos);
            size_t len = nl ? (size_t)(nl - s) : r->data.len - r->pos;
            r->pos += len + (nl ? 1 : 0);
            r->line++;
            size_t k = 0;
            while (k < len && strchr(" \t\r", s[k])) k++;
            if (k == len) continue;
            json_error_t err;
            json_t *o = json_loadb(s, len, JSON_REJECT_DUPLICATES | JSON_DISABLE_EOF_CHECK, &err);
            const char *problem = NULL;
            char msg[256];
            if (!o) {
                snprintf(msg, sizeof msg, "bad JSON: %s (column %d)", err.text, err.column);
                problem = msg;
            } else if (!json_is_object(o)) {
                problem = "not a JSON object";
            } else if (!jstr(o, "text")) {
                problem = "no \"text\" string";
            }
            if (problem) {
                diag_add(r->diag, DIAG_ERROR, r->name, r->line, "%s; line skipped", problem);
                r->bad++;
                if (o) json_decref(o);
                if (r->strict) return -1;
                continue;
            }
            r->json = o;
            json_t *text = json_object_get(o, "text");
            a->text = json_string_value(text);
            a->len = json_string_length(text);
            a->id = jstr(o, "id");
            char idtmp[64];
            if (!a->id) {
                json_t *idv = json_object_get(o, "id");
                if (json_is_integer(idv)) {
                    snprintf(idtmp, sizeof idtmp, "%lld", (long long)json_integer_value(idv));
                    json_object_set_new(o, "id", json_string(idtmp));
                } else {
                    snprintf(idtmp, sizeof idtmp, "%s:%ld", r->id_buf, r->line);
                    json_object_set_new(o, "id", json_string(idtmp));
                }
                a->id = jstr(o, "id");
            }
            a->date = jstr(o, "date");
            a->title = jstr(o, "title");
            a->url = jstr(o, "url");
            a->source = jstr(o, "source");
            a->dateline = jstr(o, "dateline");
            a->file = r->name;
            a->line = r->line;
            return 1;
        }
        r->have_file = 0;
    }
}

size_t reader_bad_lines(const reader_t *r) { return r->bad; }

void reader_progress(const reader_t *r, double *done, double *total)
{
    double frac = r->have_file && r->jsonl && r->data.len ? (double)r->pos / (double)r->data.len : 0;
    *done = r->finished + frac * r->cur_size;
    *total = r->total;
}

void reader_free(reader_t *r)
{
    if (!r) return;
    if (r->json) json_decref(r->json);
    for (size_t i = 0; i < r->npaths; i++) {
        free(r->paths[i]);
        free(r->mem[i]);
    }
    free(r->paths);
    free(r->mem);
    free(r->memlen);
    free(r->id_buf);
    buf_free(&r->data);
    free(r);
}
