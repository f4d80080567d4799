/* api — the JSON API of dyad serve.
 *
 *   /api/series   a dyad's series (the options of dyad series)
 *   /api/events   events with filters and paging, each with its sentence and spans
 *   /api/dyads    the top dyads by volume or by change
 *   /api/actors   actor search by code or name
 *   /api/article  one article with its events marked
 *
 * A handler gets the request's parameters as (name, value) pairs and returns
 * a JSON document and an HTTP status: 200, 400 with {"error", "parameter"}
 * for a bad or unknown parameter, 404 for an unknown article or endpoint, 503
 * when the query ran past its deadline. Values reach SQL only as bound
 * parameters. The caller owns the returned json_t.
 */
#ifndef DYAD_API_H
#define DYAD_API_H

#include <jansson.h>

#include "../dict/dict.h"

struct sqlite3;

typedef struct {
    const char *name, *value;
} api_param_t;

#define API_MAX_PARAMS 24
#define API_MAX_EVENTS 1000     /* page size cap */
#define API_MAX_PERIODS 20000   /* series length cap (days over ~55 years) */

json_t *api_handle(const char *endpoint, const api_param_t *p, int np, struct sqlite3 *db, const dict_t *d, int *status);

#endif
