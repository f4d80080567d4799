#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

void diag_init(diag_t *d, int echo, int keep)
{
    memset(d, 0, sizeof *d);
    d->echo = echo;
    d->keep = keep;
}

void diag_free(diag_t *d)
{
    for (size_t i = 0; i < d->n; i++) free(d->msgs[i]);
    free(d->msgs);
    memset(d, 0, sizeof *d);
}

void diag_add(diag_t *d, diag_level lvl, const char *file, long line, const char *fmt, ...)
{
    if (!d) return;
    if (lvl == DIAG_ERROR) d->errors++;
    else d->warnings++;
    buf_t b = BUF_INIT;
    if (file && line > 0) buf_printf(&b, "%s:%ld: ", file, line);
    else if (file) buf_printf(&b, "%s: ", file);
    if (lvl == DIAG_WARN) buf_puts(&b, "warning: ");
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (d->echo == 2 || (d->echo == 1 && lvl == DIAG_ERROR)) fprintf(stderr, "dyad: %s\n", b.p);
    if (d->keep) {
        XGROW(d->msgs, d->cap, d->n + 1);
        d->msgs[d->n++] = buf_take(&b);
    } else {
        buf_free(&b);
    }
}
