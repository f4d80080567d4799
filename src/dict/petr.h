/* petr — reading the field's PETRARCH-2 / Phoenix dictionaries.
 *
 * Event-data users own large dictionaries in PETRARCH-2's text formats.
 * dyad loads them as they are and translates every entry into its own
 * compiled tables (dict.h), so one engine codes with either kind of set, or
 * with both merged. Nothing here codes text.
 *
 * A folder's files are recognised by name, as PETRARCH's configuration names
 * them: "*verbs*" or "CAMEO*" verbs, "*actors*", "*agents*", "*discards*",
 * "*Issue*" issues. Conventions the translation keeps:
 *   - words are joined by '_' or spaces and match whole, as in PETRARCH-2
 *     ("ARGENTIN" is only "Argentin"; TABARI's stems are not used);
 *   - an actor's dated codes ([USAGOV 010120-090120], [X >YYMMDD],
 *     [X <YYMMDD], two- or four-digit years) become a person's dated roles;
 *   - an agent's [~ROLE] follows the actor's code, [ROLE~] precedes it;
 *     !MACRO! substitutions are expanded; {PLURALS} replace the rule.
 * Every malformed entry is reported as file:line and skipped.
 */
#ifndef DYAD_PETR_H
#define DYAD_PETR_H

#include <stddef.h>

#include "../base/diag.h"
#include "dict.h"

typedef enum { PETR_NONE, PETR_VERBS, PETR_ACTORS, PETR_AGENTS, PETR_DISCARDS, PETR_ISSUES } petr_kind;

/* The kind of a PETRARCH file from its base name. */
petr_kind petr_file_kind(const char *base);
/* One line of a PETRARCH file: [*s, *e) without leading and trailing blanks
 * and without a comment from '#' on; *had_comment tells a comment line from
 * a blank one. Advances *p; returns 0 at the end of the text. */
int petr_line(const char **p, const char *end, const char **s, const char **e, int *had_comment);
/* Where a reader is: the dictionary it fills, where it reports, and the
 * file and line it has reached. Both readers (petr.c, petr_verbs.c) use it. */
typedef struct {
    dict_t *d;
    diag_t *diag;
    const char *file;
    uint16_t fileno;
    long line;
} petr_ctx;

/* A message at file:line. */
void petr_report(diag_t *diag, const char *file, long line, diag_level lvl, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* The verb file (petr_verbs.c). */
void petr_load_verbs(dict_t *d, uint16_t fileno, const char *name, const char *text, size_t len, diag_t *diag);
/* Load one file's text of the given kind; returns the number of errors. */
size_t petr_load_text(dict_t *d, petr_kind kind, const char *name, const char *text, size_t len, diag_t *diag);

#endif
