/*
 * Snapshots, internal side: the byte serializer devices use to save and
 * load their state, and the functions the machine's history (reverse
 * execution) builds on. The public API is include/libemu/snapshot.h;
 * docs/snapshots.md describes the format.
 *
 * Writing appends little-endian values to a growing buffer; an allocation
 * failure is remembered and reported once at the end. Reading never goes
 * past the end of its bytes: a read that would returns zeros and marks
 * the reader bad, so a device's load function reads everything it needs,
 * checks its values, and then looks at snap_ok() once. A damaged or
 * hostile snapshot therefore gives an error, never an over-read.
 */
#ifndef MACHINE_SNAPSHOT_H
#define MACHINE_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libemu/snapshot.h"

typedef struct snap_w {
    uint8_t *p;
    size_t len, cap;
    bool nomem;
} snap_w;

typedef struct snap_r {
    const uint8_t *p;
    size_t len, off;
    bool bad;
    /* set with the message when the snapshot is well formed but was made
     * on a machine built differently (EMU_ERR_INVALID, not FORMAT) */
    bool mismatch;
    char why[160];
} snap_r;

void snap_put_bytes(snap_w *w, const void *src, size_t n);
void snap_put_u8(snap_w *w, uint8_t v);
void snap_put_u16(snap_w *w, uint16_t v);
void snap_put_u32(snap_w *w, uint32_t v);
void snap_put_u64(snap_w *w, uint64_t v);
static inline void snap_put_bool(snap_w *w, bool v) { snap_put_u8(w, v); }

/* A reader over [p, p + len). */
snap_r snap_reader(const void *p, size_t len);
/* False (zeros copied) when fewer than n bytes remain. */
bool snap_get_bytes(snap_r *r, void *dst, size_t n);
uint8_t snap_get_u8(snap_r *r);
uint16_t snap_get_u16(snap_r *r);
uint32_t snap_get_u32(snap_r *r);
uint64_t snap_get_u64(snap_r *r);
/* A byte that must be 0 or 1. */
bool snap_get_bool(snap_r *r);
/* Mark the reader bad with a reason (printf-style); returns false. */
bool snap_fail(snap_r *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same for a configuration mismatch. */
bool snap_mismatch(snap_r *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Every read so far was in bounds and valid. */
static inline bool snap_ok(const snap_r *r) { return !r->bad; }

/*
 * A device's state as one length-prefixed record, so that a load that
 * reads less or more than was saved is caught (snapshot.c frames every
 * device's record this way). Between snap_begin() and snap_end() the
 * device writes its fields.
 */
size_t snap_begin(snap_w *w);
void snap_end(snap_w *w, size_t mark);

/*
 * Save the machine's state (between runs) into a new snapshot. RAM is held
 * as 4 KiB pages: a page whose bytes equal prev's page at the same index
 * is shared with prev (reference-counted, never copied), and an all-zero
 * page is stored as nothing. prev may be NULL, or any snapshot of a
 * machine with the same RAM size (of this machine, typically the
 * previous one taken); snapshots sharing pages may be freed in any
 * order. emu_snapshot_save(m, out) is snapshot_take(m, NULL, out).
 */
emu_status snapshot_take(emu_machine *m, const emu_snapshot *prev,
                         emu_snapshot **out);

/* Parse a snapshot file's bytes (what emu_snapshot_read() reads), for the
 * fuzz target and for readers holding the file in memory. */
emu_status snapshot_decode(const uint8_t *buf, size_t len, emu_snapshot **out,
                           char *err, size_t errlen);

/* For tests: the RAM page count, page i's bytes (NULL: all zero), whether
 * a and b share page i's storage, and the state's bytes. */
uint64_t snapshot_pages(const emu_snapshot *s);
const uint8_t *snapshot_page(const emu_snapshot *s, uint64_t i);
bool snapshot_page_shared(const emu_snapshot *a, const emu_snapshot *b,
                          uint64_t i);
const uint8_t *snapshot_state(const emu_snapshot *s, size_t *len);

#endif
