/* cli — the dyad command line: shared helpers for the commands.
 *
 * Each command lives in its own file (cmd_code.c, cmd_eval.c, cmd_dict.c)
 * and is a function int cmd_X(int argc, char **argv) returning the exit code
 * the SPEC fixes: 0 success, 1 bad usage or input, 2 internal error.
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdint.h>

#include "../coder/coder.h"
#include "../dict/dict.h"

/* Load the built-in set, or DIR when dir is non-NULL. NULL on failure
 * (errors already printed). *ms gets the load time in milliseconds. */
dict_t *cli_load_dict(const char *dir, double *ms);
/* With petr: a PETRARCH-2 folder, loaded on dir's set (merged) or, without
 * dir, on the built-in core (codebook, roles, grammar) alone. */
dict_t *cli_load_dicts(const char *dir, const char *petr, double *ms);

/* "YYYY-MM-DD" (longer strings: first 10 chars) to YYYYMMDD; 0 if absent/bad. */
int32_t cli_date(const char *s);
double cli_now(void);
long cli_peak_rss_kb(void);

/* Write one event as a JSON line / TSV line. */
void cli_event_jsonl(FILE *out, const coder_t *c, const event_t *e, const char *article);
void cli_event_tsv(FILE *out, const coder_t *c, const event_t *e, const char *article);

int cmd_code(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_series(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
