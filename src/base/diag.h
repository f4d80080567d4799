/* diag — collected diagnostics with a location.
 *
 * Loading a dictionary or reading a corpus must not stop at the first bad
 * line: the user wants every problem, each as "FILE:LINE: message", and the
 * good entries loaded. A diag_t collects messages (and counts them by
 * severity); the caller decides whether to print them as they come
 * (echo = 1) or to keep them for `dict check`.
 */
#ifndef DYAD_DIAG_H
#define DYAD_DIAG_H

#include <stddef.h>

typedef enum { DIAG_WARN, DIAG_ERROR } diag_level;

typedef struct {
    char **msgs;
    size_t n, cap;
    size_t errors, warnings;
    int echo;      /* print to stderr as added: 0 never, 1 errors, 2 all */
    int keep;      /* keep messages in msgs[] */
} diag_t;

void diag_init(diag_t *d, int echo, int keep);
void diag_free(diag_t *d);
void diag_add(diag_t *d, diag_level lvl, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
