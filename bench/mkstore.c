/* Build a synthetic store of N events for the series benchmark.
 *
 * usage: mkstore FILE N
 * The events are spread over 1990-2025 among 150 countries and their
 * governments and militaries, with one dyad in twenty China <-> Japan so that
 * the benchmark's dyad has a realistic share (about 5%) of a large store.
 * Every event has one mention of one synthetic article, as ingest would
 * leave it. Deterministic (fixed seed), so runs are comparable.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/store.h"

static unsigned long long rng = 88172645463325252ULL;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mkstore FILE N\n");
        return 1;
    }
    long n = atol(argv[2]);
    char err[256];
    store_t *st = store_open(argv[1], 0, err, sizeof err);
    if (!st) {
        fprintf(stderr, "mkstore: %s\n", err);
        return 1;
    }
    sqlite3 *db = store_db(st);
    sqlite3_exec(db, "PRAGMA synchronous=OFF; BEGIN;"
                     "INSERT INTO articles(ext_id, hash, source, date, text) VALUES('bench', '0', 'bench', 20000101, 'bench');",
                     NULL, NULL, NULL);
    sqlite3_stmt *ev, *me;
    sqlite3_prepare_v2(db,
                       "INSERT OR IGNORE INTO events(date, source, target, code, root, quad, goldstein, loc, src_country,"
                       " tgt_country, mentions, articles, sources) VALUES(?1,?2,?3,?4,?5,?6,?7,'',?8,?9,1,1,1)",
                       -1, &ev, NULL);
    sqlite3_prepare_v2(db,
                       "INSERT INTO mentions(article, event, sentence, date, source, target, code, quad, goldstein, text)"
                       " VALUES(1, ?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, 'synthetic')",
                       -1, &me, NULL);
    static const char *const roles[] = {"", "GOV", "MIL"};
    static const struct {
        const char *code;
        int quad;
        double g;
    } codes[] = {{"010", 1, 0}, {"020", 1, 3}, {"030", 1, 4}, {"040", 1, 1}, {"042", 1, 1.9}, {"051", 1, 3.4},
                 {"057", 1, 8}, {"061", 2, 6.4}, {"070", 2, 7}, {"111", 3, -2}, {"112", 3, -2}, {"130", 3, -4.4},
                 {"163", 4, -8}, {"173", 4, -5}, {"190", 4, -10}};
    long done = 0;
    for (long i = 0; i < n; i++) {
        char a[8], b[8], src[16], tgt[16];
        if (next() % 20 == 0) {
            int dir = (int)(next() % 2);
            snprintf(a, sizeof a, "%s", dir ? "CHN" : "JPN");
            snprintf(b, sizeof b, "%s", dir ? "JPN" : "CHN");
        } else {
            snprintf(a, sizeof a, "C%02d", (int)(next() % 150));
            snprintf(b, sizeof b, "C%02d", (int)(next() % 150));
        }
        snprintf(src, sizeof src, "%s%s", a, roles[next() % 3]);
        snprintf(tgt, sizeof tgt, "%s%s", b, roles[next() % 3]);
        int y = 1990 + (int)(next() % 36), m = 1 + (int)(next() % 12), d = 1 + (int)(next() % 28);
        int c = (int)(next() % (sizeof codes / sizeof *codes));
        sqlite3_reset(ev);
        sqlite3_bind_int(ev, 1, y * 10000 + m * 100 + d);
        sqlite3_bind_text(ev, 2, src, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 3, tgt, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 4, codes[c].code, -1, SQLITE_STATIC);
        sqlite3_bind_int(ev, 5, atoi(codes[c].code) / 10);
        sqlite3_bind_int(ev, 6, codes[c].quad);
        sqlite3_bind_double(ev, 7, codes[c].g);
        sqlite3_bind_text(ev, 8, a, 3, SQLITE_STATIC);
        sqlite3_bind_text(ev, 9, b, 3, SQLITE_STATIC);
        if (sqlite3_step(ev) != SQLITE_DONE) {
            fprintf(stderr, "mkstore: %s\n", sqlite3_errmsg(db));
            return 1;
        }
        if (!sqlite3_changes(db)) continue;
        done++;
        sqlite3_reset(me);
        sqlite3_bind_int64(me, 1, sqlite3_last_insert_rowid(db));
        sqlite3_bind_int(me, 2, y * 10000 + m * 100 + d);
        sqlite3_bind_text(me, 3, src, -1, SQLITE_STATIC);
        sqlite3_bind_text(me, 4, tgt, -1, SQLITE_STATIC);
        sqlite3_bind_text(me, 5, codes[c].code, -1, SQLITE_STATIC);
        sqlite3_bind_int(me, 6, codes[c].quad);
        sqlite3_bind_double(me, 7, codes[c].g);
        sqlite3_step(me);
    }
    sqlite3_finalize(ev);
    sqlite3_finalize(me);
    sqlite3_exec(db, "COMMIT; ANALYZE;", NULL, NULL, NULL);
    store_close(st);
    printf("mkstore: %ld events in %s\n", done, argv[1]);
    return 0;
}
