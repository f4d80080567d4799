/* query — the filters shared by dyad series, events and export.
 *
 * Options are parsed once into a query_t and turned into a WHERE clause with
 * bound parameters (never string-pasted values), over the `events` table
 * aliased e. Actor codes match by prefix: "CHN" is every Chinese actor,
 * "CHNGOV" the government and what is under it.
 */
#ifndef DYAD_QUERY_H
#define DYAD_QUERY_H

#include <sqlite3.h>
#include <stdint.h>

#include "../base/buf.h"

typedef struct query {
    const char *source, *target, *actor, *code, *search, *db;
    int root, quad, both, one_a_day;
    int32_t from, to;
    long limit;
    const char *bind[16];     /* text parameters, in order */
    int nbind;
} query_t;

/* Set one filter from a name ("source", "from", "q" ...) and a text value.
 * Returns 1 if set, 0 if the name is not a filter, -1 with a message naming
 * the parameter in err if the value is bad. */
int query_set(query_t *q, const char *name, const char *value, char *err, size_t errlen);

/* Consume the option at argv[*i] if it is a filter; returns 1 if consumed,
 * 0 if not a filter option, -1 on a bad value (message printed). */
int query_option(query_t *q, int argc, char **argv, int *i, const char *cmd);

/* Append " AND ..." conditions for q to sql, collecting parameters. When
 * swap is set the source and target filters are exchanged (the reverse
 * direction of a dyad). */
void query_where(query_t *q, buf_t *sql, int swap);
/* Bind the collected parameters to st, starting at index 1. */
void query_bind(const query_t *q, sqlite3_stmt *st);

#endif
