/*
 * GDB remote serial protocol framing: `$data#cs` packets with a modulo-256
 * checksum in two hex digits, `+`/`-` acknowledgements, the interrupt byte
 * 0x03 outside packets, `}` escapes (the next byte xor 0x20) and run-length
 * encoding (`c*n`: n - 29 more copies of c). Nothing here knows a command;
 * the framer turns bytes into events and the builder makes replies.
 */
#ifndef GDBSTUB_GDB_PACKET_H
#define GDBSTUB_GDB_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libemu/gdbstub.h"

#define GDB_PACKET_MAX EMU_GDB_PACKET_MAX

typedef enum gdb_event {
    GDB_EV_NONE,      /* nothing complete yet */
    GDB_EV_PACKET,    /* a good packet: data/len hold it, decoded */
    GDB_EV_BAD_SUM,   /* a packet whose checksum does not match: NAK it */
    GDB_EV_TOO_LONG,  /* a good checksum, but longer than GDB_PACKET_MAX */
    GDB_EV_MALFORMED, /* a good checksum, but a broken escape or repeat */
    GDB_EV_INTERRUPT, /* 0x03 outside a packet */
    GDB_EV_ACK,       /* '+' */
    GDB_EV_NAK,       /* '-': send the last packet again */
} gdb_event;

typedef struct gdb_framer {
    int state;
    bool overflow;   /* more than GDB_PACKET_MAX raw bytes were seen */
    uint8_t sum;     /* running checksum of the raw bytes */
    uint8_t hi;      /* first checksum digit */
    size_t rawlen;
    uint8_t raw[GDB_PACKET_MAX];
    /* the decoded packet, NUL-terminated (it may hold NULs itself) */
    size_t len;
    char data[GDB_PACKET_MAX + 1];
} gdb_framer;

void gdb_framer_init(gdb_framer *f);
/* One received byte; a completed packet is in f->data until the next call. */
gdb_event gdb_framer_byte(gdb_framer *f, uint8_t b);

/* ---- building replies --------------------------------------------------- */

/*
 * A reply under construction, bounded: appends past the capacity are
 * dropped and remembered (full), so a command cannot overflow it; commands
 * size what they produce to GDB_PACKET_MAX and check full to be sure.
 */
#define GDB_REPLY_MAX (GDB_PACKET_MAX + 64)
typedef struct gdb_buf {
    size_t len;
    bool full;
    char data[GDB_REPLY_MAX];
} gdb_buf;

void gdb_buf_reset(gdb_buf *b);
void gdb_buf_put(gdb_buf *b, const void *p, size_t n);
void gdb_buf_str(gdb_buf *b, const char *s);
__attribute__((format(printf, 2, 3))) void gdb_buf_fmt(gdb_buf *b,
                                                       const char *fmt, ...);
/* Bytes as two lowercase hex digits each. */
void gdb_buf_hex(gdb_buf *b, const void *p, size_t n);
/* A value as n bytes, little-endian, in hex (registers). */
void gdb_buf_le(gdb_buf *b, uint64_t v, unsigned n);

/*
 * Frame payload as `$...#cs` into out (capacity outcap, which must be at
 * least 2 * len + 4), escaping the bytes the framing reserves ($ # } *).
 * Returns the framed length.
 */
size_t gdb_frame(const void *payload, size_t len, char *out, size_t outcap);

/* ---- parsing helpers ---------------------------------------------------- */

/* Value of a hex digit, or -1. */
int gdb_hexval(int c);
/*
 * A hex number at *p (at least one digit, at most 16), advancing *p past
 * it; false when there is none or it overflows 64 bits.
 */
bool gdb_parse_hex(const char **p, uint64_t *v);
/* Decode 2*n hex digits at s into out; false on a non-hex digit. */
bool gdb_unhex(const char *s, size_t n, uint8_t *out);

#endif
