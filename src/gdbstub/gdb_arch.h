/*
 * What the GDB stub needs to know about a guest architecture: how GDB
 * numbers its registers (the numbers of the `p`/`P` packets and of the
 * target description's regnum attributes), which libemu registers they
 * are, and the target description itself. Everything ISA-specific lives
 * behind this table, so the session serves any architecture libemu has.
 */
#ifndef GDBSTUB_GDB_ARCH_H
#define GDBSTUB_GDB_ARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "libemu/libemu.h"

typedef struct gdb_reg {
    unsigned num;   /* libemu's register number (emu_reg_read_num()) */
    unsigned bytes; /* its size in the protocol, little-endian (<= 16) */
    /* with bytes > 8: libemu's number for the bits above the low 64 */
    unsigned num_hi;
    /* a narrower floating-point value libemu keeps NaN-boxed in 64 bits:
     * written back with the upper bits set */
    bool nanbox;
} gdb_reg;

typedef struct gdb_arch {
    /* GDB register numbers 0 .. g_count - 1 make up the `g` packet */
    unsigned g_count;
    /* GDB's register `regnum` on machine m; false when m has none */
    bool (*reg)(emu_machine *m, unsigned regnum, gdb_reg *out);
    /*
     * The target description document `annex` ("target.xml" or a file it
     * includes) as a new malloc()ed string with its length; NULL when there
     * is no such document (or no memory).
     */
    char *(*xml)(emu_machine *m, const char *annex, size_t *len);
} gdb_arch;

/* The description of m's architecture. */
const gdb_arch *gdb_arch_of(emu_machine *m);

extern const gdb_arch gdb_arch_riscv;
extern const gdb_arch gdb_arch_arm64;

/* ---- gdb_xml.c: building the documents ---- */

/* A growing string; a failed allocation poisons it (text NULL). */
typedef struct xstr {
    char *text;
    size_t len, cap;
    bool failed;
} xstr;

void xs_fmt(xstr *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The XML declaration and the DOCTYPE of a target description document. */
void xs_head(xstr *s, const char *doctype);

/* A document of an architecture's description, built on demand. */
typedef struct gdb_xml_doc {
    const char *name; /* the annex GDB asks for: "target.xml", ... */
    void (*build)(emu_machine *m, xstr *s);
} gdb_xml_doc;
/* The document named annex among docs, as gdb_arch.xml returns it. */
char *gdb_xml_build(emu_machine *m, const char *annex, size_t *len,
                    const gdb_xml_doc *docs, size_t ndocs);

#endif
