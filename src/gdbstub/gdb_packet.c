/* GDB remote protocol framing (gdb_packet.h). */
#include "gdbstub/gdb_packet.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum { ST_IDLE, ST_DATA, ST_SUM1, ST_SUM2 };

/* A repeat count travels as a printable byte n standing for n - 29 more
 * copies; the protocol keeps '#' and '$' out of it, so anything outside
 * the printable range or one of those two is malformed. */
#define RLE_BIAS 29
#define RLE_MIN ' '
#define RLE_MAX 126

void gdb_framer_init(gdb_framer *f)
{
    f->state = ST_IDLE;
    f->overflow = false;
    f->sum = 0;
    f->rawlen = 0;
    f->len = 0;
    f->data[0] = 0;
}

int gdb_hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Undo escapes and run-length encoding of the raw bytes into f->data. */
static gdb_event decode(gdb_framer *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->rawlen; i++) {
        uint8_t c = f->raw[i];
        if (c == '}') {
            if (++i == f->rawlen)
                return GDB_EV_MALFORMED;
            c = f->raw[i] ^ 0x20;
        } else if (c == '*') {
            if (n == 0 || ++i == f->rawlen)
                return GDB_EV_MALFORMED;
            uint8_t r = f->raw[i];
            if (r < RLE_MIN || r > RLE_MAX || r == '#' || r == '$')
                return GDB_EV_MALFORMED;
            size_t more = (size_t)(r - RLE_BIAS);
            if (n + more > GDB_PACKET_MAX)
                return GDB_EV_TOO_LONG;
            memset(f->data + n, f->data[n - 1], more);
            n += more;
            continue;
        }
        if (n == GDB_PACKET_MAX)
            return GDB_EV_TOO_LONG;
        f->data[n++] = (char)c;
    }
    f->data[n] = 0;
    f->len = n;
    return GDB_EV_PACKET;
}

gdb_event gdb_framer_byte(gdb_framer *f, uint8_t b)
{
    switch (f->state) {
    case ST_IDLE:
        if (b == '$') {
            f->state = ST_DATA;
            f->sum = 0;
            f->rawlen = 0;
            f->overflow = false;
            return GDB_EV_NONE;
        }
        if (b == 0x03)
            return GDB_EV_INTERRUPT;
        if (b == '+')
            return GDB_EV_ACK;
        if (b == '-')
            return GDB_EV_NAK;
        return GDB_EV_NONE; /* line noise between packets */
    case ST_DATA:
        if (b == '#') {
            f->state = ST_SUM1;
            return GDB_EV_NONE;
        }
        if (b == '$') {
            /* a packet start inside a packet: the previous one was cut
             * short (gdb resent after a timeout); follow the new one */
            f->sum = 0;
            f->rawlen = 0;
            f->overflow = false;
            return GDB_EV_NONE;
        }
        f->sum += b;
        if (f->rawlen < sizeof(f->raw))
            f->raw[f->rawlen++] = b;
        else
            f->overflow = true;
        return GDB_EV_NONE;
    case ST_SUM1:
        f->hi = b;
        f->state = ST_SUM2;
        return GDB_EV_NONE;
    default: {
        f->state = ST_IDLE;
        int h = gdb_hexval(f->hi), l = gdb_hexval(b);
        if (h < 0 || l < 0 || (uint8_t)(h << 4 | l) != f->sum)
            return GDB_EV_BAD_SUM;
        if (f->overflow)
            return GDB_EV_TOO_LONG;
        return decode(f);
    }
    }
}

/* ---- replies ------------------------------------------------------------ */

void gdb_buf_reset(gdb_buf *b)
{
    b->len = 0;
    b->full = false;
}

void gdb_buf_put(gdb_buf *b, const void *p, size_t n)
{
    if (b->full || n > sizeof(b->data) - b->len) {
        b->full = true;
        return;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

void gdb_buf_str(gdb_buf *b, const char *s) { gdb_buf_put(b, s, strlen(s)); }

void gdb_buf_fmt(gdb_buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(tmp))
        b->full = true;
    else
        gdb_buf_put(b, tmp, (size_t)n);
}

void gdb_buf_hex(gdb_buf *b, const void *p, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    const uint8_t *s = p;
    if (b->full || n > (sizeof(b->data) - b->len) / 2) {
        b->full = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        b->data[b->len++] = digits[s[i] >> 4];
        b->data[b->len++] = digits[s[i] & 15];
    }
}

void gdb_buf_le(gdb_buf *b, uint64_t v, unsigned n)
{
    uint8_t bytes[8];
    for (unsigned i = 0; i < n && i < 8; i++)
        bytes[i] = (uint8_t)(v >> (8 * i));
    gdb_buf_hex(b, bytes, n < 8 ? n : 8);
}

size_t gdb_frame(const void *payload, size_t len, char *out, size_t outcap)
{
    static const char digits[] = "0123456789abcdef";
    const uint8_t *p = payload;
    if (outcap < 2 * len + 4)
        return 0;
    size_t n = 0;
    uint8_t sum = 0;
    out[n++] = '$';
    for (size_t i = 0; i < len; i++) {
        uint8_t c = p[i];
        if (c == '$' || c == '#' || c == '}' || c == '*') {
            out[n++] = '}';
            sum += '}';
            c ^= 0x20;
        }
        out[n++] = (char)c;
        sum += c;
    }
    out[n++] = '#';
    out[n++] = digits[sum >> 4];
    out[n++] = digits[sum & 15];
    return n;
}

/* ---- parsing ------------------------------------------------------------ */

bool gdb_parse_hex(const char **p, uint64_t *v)
{
    const char *s = *p;
    uint64_t x = 0;
    int d;
    while ((d = gdb_hexval((unsigned char)*s)) >= 0) {
        if (x >> 60) /* leading zeros may run on; other digits may not */
            return false;
        x = x << 4 | (uint64_t)d;
        s++;
    }
    if (s == *p)
        return false;
    *p = s;
    *v = x;
    return true;
}

bool gdb_unhex(const char *s, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++) {
        int h = gdb_hexval((unsigned char)s[2 * i]);
        int l = h < 0 ? -1 : gdb_hexval((unsigned char)s[2 * i + 1]);
        if (l < 0)
            return false;
        out[i] = (uint8_t)(h << 4 | l);
    }
    return true;
}
