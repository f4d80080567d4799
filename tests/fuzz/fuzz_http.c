/* The API's parameter handling: "endpoint?name=value&..." against a small store. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/server/api.h"
#include "../../src/store/store.h"
#include "fuzz.h"

static dict_t *D;
static store_t *S;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    D = fuzz_builtin_dict();
    char path[64], err[256];
    snprintf(path, sizeof path, "/tmp/dyad-fuzz-http-%d.db", (int)getpid());
    unlink(path);
    store_t *w = store_open(path, 0, err, sizeof err);
    coder_t *c = coder_new(D);
    const char *text = "Taro Kono visited China. Japan and South Korea condemned North Korea.";
    article_t a = {"a1", "2018-01-28", "t", NULL, "src", NULL, text, strlen(text), "mem", 0};
    coder_article(c, text, strlen(text), 20180128);
    store_begin(w);
    store_put(w, &a, store_hash(&a), 20180128, c);
    store_commit(w);
    store_close(w);
    coder_free(c);
    S = store_open(path, 1, err, sizeof err);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const eps[] = {"series", "events", "dyads", "actors", "article", "nope"};
    if (!size || !S) return 0;
    char *q = malloc(size);
    memcpy(q, data + 1, size - 1);
    q[size - 1] = 0;
    api_param_t p[API_MAX_PARAMS];
    int np = 0;
    for (char *tok = strtok(q, "&"); tok && np < API_MAX_PARAMS; tok = strtok(NULL, "&")) {
        char *eq = strchr(tok, '=');
        if (eq) *eq = 0;
        p[np].name = tok;
        p[np].value = eq ? eq + 1 : "";
        np++;
    }
    int status;
    json_t *o = api_handle(eps[data[0] % 6], p, np, store_db(S), D, &status);
    if (!o || status < 200 || status > 599) abort();
    json_decref(o);
    free(q);
    return 0;
}
