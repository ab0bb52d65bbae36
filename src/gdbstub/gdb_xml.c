/*
 * Building target description documents for the GDB stub's architecture
 * tables (gdb_arch.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdbstub/gdb_arch.h"

void xs_fmt(xstr *s, const char *fmt, ...)
{
    if (s->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(s->text ? s->text + s->len : NULL,
                          s->text ? s->cap - s->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            s->failed = true;
            return;
        }
        if (s->text && (size_t)n < s->cap - s->len) {
            s->len += (size_t)n;
            return;
        }
        size_t cap = s->cap ? s->cap * 2 : 4096;
        while (cap < s->len + (size_t)n + 1)
            cap *= 2;
        char *p = realloc(s->text, cap);
        if (!p) {
            s->failed = true;
            return;
        }
        s->text = p;
        s->cap = cap;
    }
}

void xs_head(xstr *s, const char *doctype)
{
    xs_fmt(s, "<?xml version=\"1.0\"?>\n<!DOCTYPE %s SYSTEM "
              "\"gdb-target.dtd\">\n", doctype);
}


char *gdb_xml_build(emu_machine *m, const char *annex, size_t *len,
                    const gdb_xml_doc *docs, size_t ndocs)
{
    for (size_t i = 0; i < ndocs; i++) {
        if (strcmp(annex, docs[i].name) != 0)
            continue;
        xstr s = {0};
        docs[i].build(m, &s);
        if (s.failed) {
            free(s.text);
            return NULL;
        }
        *len = s.len;
        return s.text;
    }
    return NULL;
}
