#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/intern.h"
#include "../base/mem.h"

struct store {
    sqlite3 *db;
    sqlite3_stmt *has, *find_article, *del_mentions, *ins_article, *upd_article, *ins_mention, *find_event,
        *ins_event, *recount, *drop_empty, *article_events, *ins_fts;
    char err[256];
};

static const char *const schema_v1 =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS articles("
    "  id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, source TEXT, url TEXT,"
    "  date INTEGER, title TEXT, dateline TEXT, text TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS events("
    "  id INTEGER PRIMARY KEY, date INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
    "  code TEXT NOT NULL, root INTEGER NOT NULL, quad INTEGER, goldstein REAL, loc TEXT NOT NULL DEFAULT '',"
    "  src_country TEXT NOT NULL, tgt_country TEXT NOT NULL,"
    "  mentions INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0, sources INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE(date, source, target, code, loc));"
    "CREATE TABLE IF NOT EXISTS mentions("
    "  id INTEGER PRIMARY KEY, article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  event INTEGER NOT NULL REFERENCES events(id), sentence INTEGER NOT NULL, date INTEGER NOT NULL,"
    "  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL, quad INTEGER, goldstein REAL,"
    "  source_text TEXT, target_text TEXT, verb_text TEXT, sb INTEGER, se INTEGER, tb INTEGER, te INTEGER,"
    "  vb INTEGER, ve INTEGER, location TEXT, loc TEXT NOT NULL DEFAULT '', pattern TEXT, quote INTEGER,"
    "  text TEXT NOT NULL);"
    /* a dyad's history: the series query reads only this index */
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(src_country, tgt_country, date, quad, goldstein, mentions);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code, date);"
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);"
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS mentions_fts USING fts5(text, content='mentions', content_rowid='id');"
    "CREATE TRIGGER IF NOT EXISTS mentions_fts_del AFTER DELETE ON mentions BEGIN"
    "  INSERT INTO mentions_fts(mentions_fts, rowid, text) VALUES('delete', old.id, old.text); END;";

static int exec(store_t *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(s->err, sizeof s->err, "%s", msg ? msg : "error");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int prep(store_t *s, sqlite3_stmt **st, const char *sql)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
        return -1;
    }
    return 0;
}

static int schema_version(store_t *s)
{
    sqlite3_stmt *st;
    int v = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key='schema'", -1, &st, NULL) != SQLITE_OK) return 0;
    if (sqlite3_step(st) == SQLITE_ROW) v = atoi((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

store_t *store_open(const char *path, int readonly, char *err, size_t errlen)
{
    store_t *s = xcalloc(1, sizeof *s);
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
        store_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 5000);
    int v = schema_version(s);
    if (v > STORE_SCHEMA) {
        snprintf(err, errlen, "%s: store schema version %d is newer than this dyad understands (%d); use a newer dyad",
                 path, v, STORE_SCHEMA);
        store_close(s);
        return NULL;
    }
    if (v == 0) {
        /* a new store is an empty file; a database with other tables is not ours */
        sqlite3_stmt *q;
        int foreign = 0;
        if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &q, NULL) == SQLITE_OK) {
            if (sqlite3_step(q) == SQLITE_ROW) foreign = sqlite3_column_int(q, 0) > 0;
            sqlite3_finalize(q);
        } else {
            foreign = 1; /* not even a database */
        }
        if (foreign) {
            snprintf(err, errlen, "%s: not a dyad store (it holds other data, or is no SQLite database)", path);
            store_close(s);
            return NULL;
        }
    }
    if (readonly) {
        if (v != STORE_SCHEMA) {
            snprintf(err, errlen, "%s: not a dyad store (or an older one: run dyad ingest on it to migrate)", path);
            store_close(s);
            return NULL;
        }
        return s;
    }
    /* WAL: readers (dyad serve) never block the writer; NORMAL sync is
     * crash-safe in WAL mode (a crash loses at most the open transaction). */
    if (exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;") ||
        exec(s, "BEGIN") || exec(s, schema_v1)) {
        snprintf(err, errlen, "%s: %s", path, s->err);
        store_close(s);
        return NULL;
    }
    /* there is one schema so far: version 0 is a new file */
    char sql[128];
    snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO meta VALUES('schema', '%d')", STORE_SCHEMA);
    if (exec(s, sql) || exec(s, "COMMIT")) {
        snprintf(err, errlen, "%s: %s", path, s->err);
        store_close(s);
        return NULL;
    }
    if (prep(s, &s->has, "SELECT 1 FROM articles WHERE ext_id=?1 AND hash=?2") ||
        prep(s, &s->find_article, "SELECT id FROM articles WHERE ext_id=?1") ||
        prep(s, &s->article_events, "SELECT DISTINCT event FROM mentions WHERE article=?1") ||
        prep(s, &s->del_mentions, "DELETE FROM mentions WHERE article=?1") ||
        prep(s, &s->ins_article,
             "INSERT INTO articles(ext_id, hash, source, url, date, title, dateline, text) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)") ||
        prep(s, &s->upd_article,
             "UPDATE articles SET hash=?2, source=?3, url=?4, date=?5, title=?6, dateline=?7, text=?8 WHERE id=?1") ||
        prep(s, &s->find_event, "SELECT id FROM events WHERE date=?1 AND source=?2 AND target=?3 AND code=?4 AND loc=?5") ||
        prep(s, &s->ins_event,
             "INSERT INTO events(date, source, target, code, root, quad, goldstein, loc, src_country, tgt_country)"
             " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)") ||
        prep(s, &s->ins_mention,
             "INSERT INTO mentions(article, event, sentence, date, source, target, code, quad, goldstein, source_text,"
             " target_text, verb_text, sb, se, tb, te, vb, ve, location, loc, pattern, quote, text)"
             " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23)") ||
        prep(s, &s->ins_fts, "INSERT INTO mentions_fts(rowid, text) VALUES(?1, ?2)") ||
        prep(s, &s->recount,
             "UPDATE events SET mentions=(SELECT count(*) FROM mentions WHERE event=?1),"
             " articles=(SELECT count(DISTINCT article) FROM mentions WHERE event=?1),"
             " sources=(SELECT count(DISTINCT coalesce(a.source, '')) FROM mentions m JOIN articles a ON a.id=m.article"
             " WHERE m.event=?1) WHERE id=?1") ||
        prep(s, &s->drop_empty, "DELETE FROM events WHERE id=?1 AND mentions=0")) {
        snprintf(err, errlen, "%s: %s", path, s->err);
        store_close(s);
        return NULL;
    }
    return s;
}

void store_close(store_t *s)
{
    if (!s) return;
    sqlite3_stmt *all[] = {s->has, s->find_article, s->del_mentions, s->ins_article, s->upd_article, s->ins_mention,
                           s->find_event, s->ins_event, s->recount, s->drop_empty, s->article_events, s->ins_fts};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sqlite3_finalize(all[i]);
    if (s->db) sqlite3_close(s->db);
    free(s);
}

int store_begin(store_t *s) { return exec(s, "BEGIN IMMEDIATE"); }
int store_commit(store_t *s) { return exec(s, "COMMIT"); }
sqlite3 *store_db(store_t *s) { return s->db; }
const char *store_error(store_t *s) { return s->err[0] ? s->err : sqlite3_errmsg(s->db); }

uint64_t store_hash(const article_t *a)
{
    /* the text and the metadata that change its coding */
    uint64_t h = hash_bytes(a->text, a->len);
    if (a->date) h ^= hash_bytes(a->date, strlen(a->date)) * 31;
    if (a->title) h ^= hash_bytes(a->title, strlen(a->title)) * 131;
    return h;
}

static void hex64(char out[17], uint64_t h) { snprintf(out, 17, "%016llx", (unsigned long long)h); }

int store_has(store_t *s, const char *id, uint64_t hash)
{
    char hx[17];
    hex64(hx, hash);
    sqlite3_reset(s->has);
    sqlite3_bind_text(s->has, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s->has, 2, hx, -1, SQLITE_STATIC);
    return sqlite3_step(s->has) == SQLITE_ROW;
}

static int step_done(store_t *s, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        snprintf(s->err, sizeof s->err, "%s", sqlite3_errmsg(s->db));
        return -1;
    }
    return 0;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}

/* Recount (and drop if empty) every event in ids. */
static int recount(store_t *s, const int64_t *ids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_reset(s->recount);
        sqlite3_bind_int64(s->recount, 1, ids[i]);
        if (step_done(s, s->recount)) return -1;
        sqlite3_reset(s->drop_empty);
        sqlite3_bind_int64(s->drop_empty, 1, ids[i]);
        if (step_done(s, s->drop_empty)) return -1;
    }
    return 0;
}

int store_put(store_t *s, const article_t *a, uint64_t hash, int32_t date, const coder_t *c)
{
    char hx[17];
    hex64(hx, hash);
    if (store_has(s, a->id, hash)) return STORE_UNCHANGED;
    int64_t *touched = NULL;
    size_t ntouched = 0, cap = 0;
    int result = STORE_ADDED;
    int64_t art = 0;
    sqlite3_reset(s->find_article);
    sqlite3_bind_text(s->find_article, 1, a->id, -1, SQLITE_STATIC);
    if (sqlite3_step(s->find_article) == SQLITE_ROW) {
        /* a changed article: its old mentions go, their events are recounted */
        art = sqlite3_column_int64(s->find_article, 0);
        result = STORE_REPLACED;
        sqlite3_reset(s->article_events);
        sqlite3_bind_int64(s->article_events, 1, art);
        while (sqlite3_step(s->article_events) == SQLITE_ROW) {
            XGROW(touched, cap, ntouched + 1);
            touched[ntouched++] = sqlite3_column_int64(s->article_events, 0);
        }
        sqlite3_reset(s->del_mentions);
        sqlite3_bind_int64(s->del_mentions, 1, art);
        if (step_done(s, s->del_mentions)) goto fail;
    }
    char dstr[16] = "";
    sqlite3_stmt *st = art ? s->upd_article : s->ins_article;
    sqlite3_reset(st);
    if (art) sqlite3_bind_int64(st, 1, art);
    else sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hx, -1, SQLITE_STATIC);
    bind_opt(st, 3, a->source);
    bind_opt(st, 4, a->url);
    if (date) sqlite3_bind_int(st, 5, date);
    else sqlite3_bind_null(st, 5);
    bind_opt(st, 6, a->title);
    bind_opt(st, 7, c->dateline.len ? c->dateline.p : a->dateline);
    sqlite3_bind_text(st, 8, c->text.p ? c->text.p : "", (int)c->text.len, SQLITE_STATIC);
    if (step_done(s, st)) goto fail;
    if (!art) art = sqlite3_last_insert_rowid(s->db);
    (void)dstr;
    for (size_t i = 0; i < c->nev; i++) {
        const event_t *e = &c->ev[i];
        /* the event this mention reports */
        sqlite3_reset(s->find_event);
        sqlite3_bind_int(s->find_event, 1, e->date);
        sqlite3_bind_text(s->find_event, 2, e->source, -1, SQLITE_STATIC);
        sqlite3_bind_text(s->find_event, 3, e->target, -1, SQLITE_STATIC);
        sqlite3_bind_text(s->find_event, 4, e->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s->find_event, 5, e->loc, -1, SQLITE_STATIC);
        int64_t ev;
        if (sqlite3_step(s->find_event) == SQLITE_ROW) {
            ev = sqlite3_column_int64(s->find_event, 0);
        } else {
            sqlite3_reset(s->ins_event);
            sqlite3_bind_int(s->ins_event, 1, e->date);
            sqlite3_bind_text(s->ins_event, 2, e->source, -1, SQLITE_STATIC);
            sqlite3_bind_text(s->ins_event, 3, e->target, -1, SQLITE_STATIC);
            sqlite3_bind_text(s->ins_event, 4, e->code, -1, SQLITE_STATIC);
            sqlite3_bind_int(s->ins_event, 5, (e->code[0] - '0') * 10 + (e->code[1] - '0'));
            if (e->cameo) {
                sqlite3_bind_int(s->ins_event, 6, e->cameo->quad);
                sqlite3_bind_double(s->ins_event, 7, e->cameo->goldstein);
            } else {
                sqlite3_bind_null(s->ins_event, 6);
                sqlite3_bind_null(s->ins_event, 7);
            }
            sqlite3_bind_text(s->ins_event, 8, e->loc, -1, SQLITE_STATIC);
            sqlite3_bind_text(s->ins_event, 9, e->source, 3, SQLITE_STATIC);
            sqlite3_bind_text(s->ins_event, 10, e->target, 3, SQLITE_STATIC);
            if (step_done(s, s->ins_event)) goto fail;
            ev = sqlite3_last_insert_rowid(s->db);
        }
        int seen = 0;
        for (size_t k = 0; k < ntouched && !seen; k++) seen = touched[k] == ev;
        if (!seen) {
            XGROW(touched, cap, ntouched + 1);
            touched[ntouched++] = ev;
        }
        uint32_t sb, se;
        coder_sentence_span(c, e->sentence, &sb, &se);
        const char *sent = c->text.p + sb;
        char pattern[512];
        snprintf(pattern, sizeof pattern, "%s:%u", dict_file(c->d, e->pfile), e->pline);
        sqlite3_stmt *m = s->ins_mention;
        sqlite3_reset(m);
        sqlite3_bind_int64(m, 1, art);
        sqlite3_bind_int64(m, 2, ev);
        sqlite3_bind_int(m, 3, (int)e->sentence);
        sqlite3_bind_int(m, 4, e->date);
        sqlite3_bind_text(m, 5, e->source, -1, SQLITE_STATIC);
        sqlite3_bind_text(m, 6, e->target, -1, SQLITE_STATIC);
        sqlite3_bind_text(m, 7, e->code, -1, SQLITE_STATIC);
        if (e->cameo) {
            sqlite3_bind_int(m, 8, e->cameo->quad);
            sqlite3_bind_double(m, 9, e->cameo->goldstein);
        } else {
            sqlite3_bind_null(m, 8);
            sqlite3_bind_null(m, 9);
        }
        sqlite3_bind_text(m, 10, sent + e->sb, (int)(e->se - e->sb), SQLITE_STATIC);
        sqlite3_bind_text(m, 11, sent + e->tb, (int)(e->te - e->tb), SQLITE_STATIC);
        sqlite3_bind_text(m, 12, sent + e->vb, (int)(e->ve - e->vb), SQLITE_STATIC);
        sqlite3_bind_int(m, 13, (int)e->sb);
        sqlite3_bind_int(m, 14, (int)e->se);
        sqlite3_bind_int(m, 15, (int)e->tb);
        sqlite3_bind_int(m, 16, (int)e->te);
        sqlite3_bind_int(m, 17, (int)e->vb);
        sqlite3_bind_int(m, 18, (int)e->ve);
        if (e->le > e->lb) sqlite3_bind_text(m, 19, sent + e->lb, (int)(e->le - e->lb), SQLITE_STATIC);
        else sqlite3_bind_null(m, 19);
        sqlite3_bind_text(m, 20, e->loc, -1, SQLITE_STATIC);
        sqlite3_bind_text(m, 21, pattern, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(m, 22, e->quote);
        sqlite3_bind_text(m, 23, sent, (int)(se - sb), SQLITE_STATIC);
        if (step_done(s, m)) goto fail;
        sqlite3_reset(s->ins_fts);
        sqlite3_bind_int64(s->ins_fts, 1, sqlite3_last_insert_rowid(s->db));
        sqlite3_bind_text(s->ins_fts, 2, sent, (int)(se - sb), SQLITE_STATIC);
        if (step_done(s, s->ins_fts)) goto fail;
    }
    if (recount(s, touched, ntouched)) goto fail;
    free(touched);
    return result;
fail:
    free(touched);
    return -1;
}
