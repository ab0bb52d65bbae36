/*
 * virtio-blk (virtio 1.2 section 5.2) backed by a raw image file.
 *
 * One request queue. Requests are served synchronously when the driver
 * kicks the queue: reads and writes go straight between the image and
 * guest RAM with pread/pwrite, nothing is cached on our side, so whatever
 * the guest was told is written is in the host's page cache even if the
 * emulator stops at once (a guest power-off, Ctrl-A x). FLUSH makes it
 * durable with fdatasync. An advisory lock (flock: shared when read-only,
 * exclusive otherwise) keeps two emulators from writing one image.
 *
 * A request the driver gets wrong (short header, sectors past the end,
 * a write to a read-only disk) is answered with an error status, never
 * by breaking the device: the guest sees an I/O error.
 */
#define _GNU_SOURCE /* fallocate's FALLOC_FL_* */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devices/virtio_models.h"

/* feature bits (5.2.3) */
#define VIRTIO_BLK_F_SEG_MAX (1ull << 2)
#define VIRTIO_BLK_F_RO (1ull << 5)
#define VIRTIO_BLK_F_BLK_SIZE (1ull << 6)
#define VIRTIO_BLK_F_FLUSH (1ull << 9)
#define VIRTIO_BLK_F_DISCARD (1ull << 13)
#define VIRTIO_BLK_F_WRITE_ZEROES (1ull << 14)

/* request types and status values (5.2.6) */
enum {
    BLK_T_IN = 0,
    BLK_T_OUT = 1,
    BLK_T_FLUSH = 4,
    BLK_T_GET_ID = 8,
    BLK_T_DISCARD = 11,
    BLK_T_WRITE_ZEROES = 13,
};
enum { BLK_S_OK = 0, BLK_S_IOERR = 1, BLK_S_UNSUPP = 2 };

/* the discard / write-zeroes segment's flags (5.2.6) */
#define BLK_DWZ_UNMAP 1u

/* configuration space offsets (5.2.4, struct virtio_blk_config) */
enum {
    CFG_CAPACITY = 0,
    CFG_SEG_MAX = 12,
    CFG_BLK_SIZE = 20,
    CFG_MAX_DISCARD_SECTORS = 36,
    CFG_MAX_DISCARD_SEG = 40,
    CFG_DISCARD_ALIGNMENT = 44,
    CFG_MAX_WZ_SECTORS = 48,
    CFG_MAX_WZ_SEG = 52,
    CFG_WZ_MAY_UNMAP = 56,
    CFG_SIZE = 60, /* through write_zeroes_may_unmap and its padding */
};

#define SECTOR 512
#define BLK_QUEUE_SIZE 256
/* data segments per request: the header and the status byte take two
 * more descriptors, and a chain may be no longer than the queue (2.7.5.3.1) */
#define BLK_SEG_MAX (BLK_QUEUE_SIZE - 2)
/* discard / write zeroes: segments per request, sectors per segment
 * (bounded so that the pwrite-of-zeros fallback stays a bounded cost) */
#define BLK_DWZ_SEG_MAX 32
#define BLK_DWZ_SECTORS_MAX (1u << 22) /* 2 GiB */
#define BLK_ID_BYTES 20
#define BLK_HDR 16 /* struct virtio_blk_req up to data[] */

typedef struct blk {
    int fd;
    char *path;
    bool readonly;
    uint64_t capacity;  /* sectors */
    uint64_t odd_bytes; /* image bytes past the last whole sector */
    bool warned;
    char serial[BLK_ID_BYTES];
} blk;

/* ---- host I/O ---- */

static bool pread_full(int fd, uint8_t *p, uint64_t len, uint64_t off)
{
    while (len) {
        ssize_t n = pread(fd, p, len, (off_t)off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO; /* the image shrank under us */
            return false;
        }
        p += n, len -= (uint64_t)n, off += (uint64_t)n;
    }
    return true;
}

static bool pwrite_full(int fd, const uint8_t *p, uint64_t len, uint64_t off)
{
    while (len) {
        ssize_t n = pwrite(fd, p, len, (off_t)off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        p += n, len -= (uint64_t)n, off += (uint64_t)n;
    }
    return true;
}

/*
 * Move len bytes between the image at file_off and the request's
 * writable (to_guest) or readable part starting part_off bytes in,
 * directly to or from the guest RAM the segments point at.
 */
static bool blk_transfer(blk *b, const virtio_req *r, bool to_guest,
                         uint64_t part_off, uint64_t len, uint64_t file_off)
{
    unsigned i = to_guest ? r->nout : 0;
    unsigned end = to_guest ? r->nout + r->nin : r->nout;
    for (; i < end && len; i++) {
        const virtio_seg *s = &r->seg[i];
        if (part_off >= s->len) {
            part_off -= s->len;
            continue;
        }
        uint64_t n = s->len - part_off < len ? s->len - part_off : len;
        bool ok = to_guest ? pread_full(b->fd, s->p + part_off, n, file_off)
                           : pwrite_full(b->fd, s->p + part_off, n, file_off);
        if (!ok) return false;
        file_off += n, len -= n, part_off = 0;
    }
    return len == 0;
}

/* Zero [off, off + len) of the image: deallocate it when unmap allows
 * (reads then give zeros, 5.2.6.2), or zero it in place; plain writes of
 * zeros where the file system can do neither. */
static bool blk_zero(blk *b, uint64_t off, uint64_t len, bool unmap)
{
    int mode = unmap ? FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE
                     : FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE;
    if (fallocate(b->fd, mode, (off_t)off, (off_t)len) == 0) return true;
    if (errno != EOPNOTSUPP && errno != ENOSYS && errno != EINVAL) return false;
    static const uint8_t zeros[65536];
    while (len) {
        uint64_t n = len < sizeof(zeros) ? len : sizeof(zeros);
        if (!pwrite_full(b->fd, zeros, n, off)) return false;
        off += n, len -= n;
    }
    return true;
}

/* True when [sector, sector + n) lies on the disk (without overflow). */
static bool in_range(const blk *b, uint64_t sector, uint64_t n)
{
    return sector <= b->capacity && n <= b->capacity - sector;
}

/* ---- requests (5.2.6) ---- */

static uint8_t blk_rw(blk *b, virtio_dev *v, const virtio_req *r, bool in,
                      uint64_t sector)
{
    /* IN: data is the writable part but its last byte (the status);
     * OUT: data is the readable part after the header */
    uint64_t len = in ? r->in_len - 1 : r->out_len - BLK_HDR;
    if (len % SECTOR || !in_range(b, sector, len / SECTOR)) return BLK_S_IOERR;
    if (!in && b->readonly) return BLK_S_IOERR; /* 5.2.6.2: and write nothing */
    if (!blk_transfer(b, r, in, in ? 0 : BLK_HDR, len, sector * SECTOR)) {
        virtio_log(v, 1, "virtio-blk: %s: %s at sector %llu: %s", b->path,
                   in ? "read" : "write", (unsigned long long)sector,
                   strerror(errno));
        return BLK_S_IOERR;
    }
    return BLK_S_OK;
}

static uint8_t blk_discard_zeroes(blk *b, virtio_dev *v, const virtio_req *r,
                                  bool discard)
{
    if (b->readonly) return BLK_S_IOERR;
    uint64_t bytes = r->out_len - BLK_HDR;
    uint64_t nseg = bytes / 16;
    if (bytes % 16 || nseg == 0 || nseg > BLK_DWZ_SEG_MAX) return BLK_S_IOERR;
    /* check every segment before changing anything */
    for (uint64_t i = 0; i < nseg; i++) {
        uint8_t seg[16];
        virtio_req_read(r, BLK_HDR + 16 * i, seg, sizeof(seg));
        uint64_t sector;
        uint32_t n, flags;
        memcpy(&sector, seg, 8);
        memcpy(&n, seg + 8, 4);
        memcpy(&flags, seg + 12, 4);
        /* 5.2.6.2: unknown flags, or unmap on a discard, are unsupported */
        if ((flags & ~BLK_DWZ_UNMAP) || (discard && (flags & BLK_DWZ_UNMAP)))
            return BLK_S_UNSUPP;
        if (n > BLK_DWZ_SECTORS_MAX || !in_range(b, sector, n))
            return BLK_S_IOERR;
    }
    for (uint64_t i = 0; i < nseg; i++) {
        uint8_t seg[16];
        virtio_req_read(r, BLK_HDR + 16 * i, seg, sizeof(seg));
        uint64_t sector;
        uint32_t n, flags;
        memcpy(&sector, seg, 8);
        memcpy(&n, seg + 8, 4);
        memcpy(&flags, seg + 12, 4);
        if (n && !blk_zero(b, sector * SECTOR, (uint64_t)n * SECTOR,
                           discard || (flags & BLK_DWZ_UNMAP))) {
            virtio_log(v, 1, "virtio-blk: %s: %s at sector %llu: %s", b->path,
                       discard ? "discard" : "write zeroes",
                       (unsigned long long)sector, strerror(errno));
            return BLK_S_IOERR;
        }
    }
    return BLK_S_OK;
}

static uint8_t blk_request(blk *b, virtio_dev *v, const virtio_req *r)
{
    uint8_t hdr[BLK_HDR];
    if (r->out_len < BLK_HDR) return BLK_S_IOERR;
    virtio_req_read(r, 0, hdr, sizeof(hdr));
    uint32_t type;
    uint64_t sector;
    memcpy(&type, hdr, 4);
    memcpy(&sector, hdr + 8, 8);
    switch (type) {
    case BLK_T_IN: return blk_rw(b, v, r, true, sector);
    case BLK_T_OUT: return blk_rw(b, v, r, false, sector);
    case BLK_T_FLUSH:
        if (b->readonly) return BLK_S_OK; /* nothing of ours to make durable */
        if (fdatasync(b->fd) != 0) {
            virtio_log(v, 1, "virtio-blk: %s: flush: %s", b->path,
                       strerror(errno));
            return BLK_S_IOERR;
        }
        return BLK_S_OK;
    case BLK_T_GET_ID: {
        /* 20 bytes, NUL-padded, in the writable part before the status */
        uint64_t room = r->in_len - 1;
        virtio_req_write(r, 0, b->serial,
                         room < BLK_ID_BYTES ? room : BLK_ID_BYTES);
        return BLK_S_OK;
    }
    case BLK_T_DISCARD:
    case BLK_T_WRITE_ZEROES:
        if (!(virtio_features(v) &
              (type == BLK_T_DISCARD ? VIRTIO_BLK_F_DISCARD
                                     : VIRTIO_BLK_F_WRITE_ZEROES)))
            return b->readonly ? BLK_S_IOERR : BLK_S_UNSUPP;
        return blk_discard_zeroes(b, v, r, type == BLK_T_DISCARD);
    default: return BLK_S_UNSUPP;
    }
}

static void blk_notify(void *model, virtio_dev *v, unsigned q)
{
    blk *b = model;
    virtio_req r;
    while (virtio_pop(v, q, &r)) {
        if (r.in_len == 0) {
            /* no byte for the status: nothing can tell the driver how it
             * went, so do nothing and give the buffers back */
            virtio_log(v, 1, "virtio-blk: a request without a status byte");
            virtio_push(v, q, &r, 0);
            continue;
        }
        uint8_t status = blk_request(b, v, &r);
        virtio_req_write(&r, r.in_len - 1, &status, 1);
        /* the status is the last writable byte; the used length covers
         * the whole writable part up to it (5.2.6) */
        virtio_push(v, q, &r,
                    (uint32_t)(r.in_len > UINT32_MAX ? UINT32_MAX : r.in_len));
    }
}

static void put32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

static void blk_reset(void *model, virtio_dev *v)
{
    blk *b = model;
    if (b->odd_bytes && !b->warned) {
        b->warned = true;
        virtio_log(v, 1,
                   "virtio-blk: %s: the last %llu bytes are not a whole "
                   "512-byte sector and are not part of the disk",
                   b->path, (unsigned long long)b->odd_bytes);
    }
    uint8_t *c = virtio_config(v);
    memset(c, 0, CFG_SIZE);
    memcpy(c + CFG_CAPACITY, &b->capacity, 8);
    put32(c + CFG_SEG_MAX, BLK_SEG_MAX);
    put32(c + CFG_BLK_SIZE, SECTOR);
    put32(c + CFG_MAX_DISCARD_SECTORS, BLK_DWZ_SECTORS_MAX);
    put32(c + CFG_MAX_DISCARD_SEG, BLK_DWZ_SEG_MAX);
    put32(c + CFG_DISCARD_ALIGNMENT, 8); /* 4 KiB: what hole punching frees */
    put32(c + CFG_MAX_WZ_SECTORS, BLK_DWZ_SECTORS_MAX);
    put32(c + CFG_MAX_WZ_SEG, BLK_DWZ_SEG_MAX);
    c[CFG_WZ_MAY_UNMAP] = 1;
}

static void blk_free(void *model)
{
    blk *b = model;
    if (!b) return;
    if (b->fd >= 0) {
        if (!b->readonly) fsync(b->fd);
        close(b->fd); /* drops the lock */
    }
    free(b->path);
    free(b);
}

static const virtio_ops blk_ops_rw = {
    .name = "virtio-blk",
    .device_id = VIRTIO_ID_BLOCK,
    .features = VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_BLK_SIZE |
                VIRTIO_BLK_F_FLUSH | VIRTIO_BLK_F_DISCARD |
                VIRTIO_BLK_F_WRITE_ZEROES,
    .nqueues = 1,
    .queue_max = BLK_QUEUE_SIZE,
    .config_size = CFG_SIZE,
    .notify = blk_notify,
    .reset = blk_reset,
    .free = blk_free,
};

static const virtio_ops blk_ops_ro = {
    .name = "virtio-blk",
    .device_id = VIRTIO_ID_BLOCK,
    .features = VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_BLK_SIZE |
                VIRTIO_BLK_F_FLUSH | VIRTIO_BLK_F_RO,
    .nqueues = 1,
    .queue_max = BLK_QUEUE_SIZE,
    .config_size = CFG_SIZE,
    .notify = blk_notify,
    .reset = blk_reset,
    .free = blk_free,
};

emu_status virtio_blk_create(dev_opts *o, const virtio_host *host,
                             const virtio_ops **ops, void **model, char *err,
                             size_t errlen)
{
    (void)host;
    const char *path = opts_get(o, "file");
    const char *format = opts_get(o, "format");
    const char *serial = opts_get(o, "serial");
    bool ro = false;
    if (!opts_bool(o, "readonly", &ro, err, errlen)) return EMU_ERR_INVALID;
    if (!path || !*path) {
        snprintf(err, errlen, "%s: file=PATH is required", o->kind);
        return EMU_ERR_INVALID;
    }
    if (format && strcmp(format, "raw")) {
        snprintf(err, errlen, "%s: format=%s: only raw images are supported",
                 o->kind, format);
        return EMU_ERR_INVALID;
    }
    if (serial && strlen(serial) > BLK_ID_BYTES) {
        snprintf(err, errlen, "%s: serial=%s: at most %d bytes", o->kind,
                 serial, BLK_ID_BYTES);
        return EMU_ERR_INVALID;
    }

    blk *b = calloc(1, sizeof(*b));
    if (!b || !(b->path = strdup(path))) {
        free(b);
        snprintf(err, errlen, "out of memory");
        return EMU_ERR_NOMEM;
    }
    b->readonly = ro;
    b->fd = open(path, (ro ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    emu_status st = EMU_ERR_IO;
    if (b->fd < 0) {
        snprintf(err, errlen, "%s: %s: %s", o->kind, path, strerror(errno));
        goto fail;
    }
    if (flock(b->fd, (ro ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            snprintf(err, errlen,
                     "%s: %s: the image is in use (locked by "
                     "another emulator)",
                     o->kind, path);
        else
            snprintf(err, errlen, "%s: %s: cannot lock: %s", o->kind, path,
                     strerror(errno));
        goto fail;
    }
    struct stat sb;
    if (fstat(b->fd, &sb) != 0) {
        snprintf(err, errlen, "%s: %s: %s", o->kind, path, strerror(errno));
        goto fail;
    }
    if (!S_ISREG(sb.st_mode) && !S_ISBLK(sb.st_mode)) {
        snprintf(err, errlen, "%s: %s: not a regular file or block device",
                 o->kind, path);
        goto fail;
    }
    off_t size = lseek(b->fd, 0, SEEK_END); /* also right for block devices */
    if (size < 0) {
        snprintf(err, errlen, "%s: %s: %s", o->kind, path, strerror(errno));
        goto fail;
    }
    b->capacity = (uint64_t)size / SECTOR;
    b->odd_bytes = (uint64_t)size % SECTOR;

    /* the default serial: the image's file name, cut to what fits */
    if (!serial) {
        const char *slash = strrchr(path, '/');
        serial = slash ? slash + 1 : path;
    }
    strncpy(b->serial, serial, BLK_ID_BYTES); /* NUL-padded, 5.2.6 */

    *ops = ro ? &blk_ops_ro : &blk_ops_rw;
    *model = b;
    return EMU_OK;
fail:
    blk_free(b);
    return st;
}
