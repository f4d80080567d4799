/* store — the embedded event store (SQLite).
 *
 * One file holds everything an analyst needs after coding: the articles (id,
 * content hash, source, url, date, title, text), every event mention with its
 * full provenance (article, sentence, spans, the dictionary line that coded
 * it), and the deduplicated events those mentions report.
 *
 * Identity rule. One real-world happening is one row of `events`, keyed by
 * (date, source, target, code, location country). Every mention with that key
 * counts towards it: `mentions` (rows of `mentions`), `articles` (distinct
 * articles) and `sources` (distinct article sources), as GDELT's NumMentions,
 * NumArticles, NumSources. Raw mentions stay queryable.
 *
 * What must always hold:
 *   - an article id is stored once; storing it again with the same content
 *     hash changes nothing, with another hash replaces its mentions;
 *   - events' counts equal what their mentions say (they are recomputed for
 *     every event an article touches, inside the same transaction);
 *   - a crash or SIGKILL loses at most the open transaction: store_put is
 *     idempotent, so running the same ingest again completes the store
 *     exactly as an uninterrupted run would.
 *
 * The schema is versioned (table meta, key 'schema'); a store of an older
 * version is migrated on open, one of a newer version is refused.
 *
 * Ownership: a store_t owns its SQLite connection and statements; it borrows
 * nothing. One store_t per thread.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "../coder/coder.h"
#include "../text/reader.h"

#define STORE_SCHEMA 1

typedef struct store store_t;

typedef enum { STORE_UNCHANGED = 0, STORE_ADDED = 1, STORE_REPLACED = 2 } store_put_result;

/* Open (creating or migrating) a store. readonly: open for queries only.
 * Returns NULL and writes a message to err on failure. */
store_t *store_open(const char *path, int readonly, char *err, size_t errlen);
void store_close(store_t *s);

int store_begin(store_t *s);
int store_commit(store_t *s);

/* Has this article id with this content hash been stored already? */
int store_has(store_t *s, const char *id, uint64_t hash);

/* Store one coded article and its events (c holds the coder's output for
 * it). Returns a store_put_result, or -1 on a database error. */
int store_put(store_t *s, const article_t *a, uint64_t hash, int32_t date, const coder_t *c);

/* The content hash dyad uses for an article. */
uint64_t store_hash(const article_t *a);

/* The underlying connection, for the query commands. */
struct sqlite3 *store_db(store_t *s);
const char *store_error(store_t *s);

#endif
