/*
 * virtio-blk (src/devices/virtio_blk.c) over a temporary raw image, and
 * virtio-console (src/devices/virtio_console.c), driven through a virt
 * machine's virtio-mmio slot by the test driver (virtio_driver.h).
 */
#define _GNU_SOURCE /* asprintf */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "machine/machine.h"
#include "testutil.h"
#include "virtio_driver.h"

/* virtio-blk feature bits, request types and status (5.2) */
#define BLK_F_SEG_MAX (1ull << 2)
#define BLK_F_RO (1ull << 5)
#define BLK_F_BLK_SIZE (1ull << 6)
#define BLK_F_FLUSH (1ull << 9)
#define BLK_F_DISCARD (1ull << 13)
#define BLK_F_WRITE_ZEROES (1ull << 14)
enum {
    T_IN = 0,
    T_OUT = 1,
    T_FLUSH = 4,
    T_GET_ID = 8,
    T_DISCARD = 11,
    T_WRITE_ZEROES = 13
};
enum { S_OK = 0, S_IOERR = 1, S_UNSUPP = 2 };

#define IMG_SECTORS 64
#define QN 16

typedef struct fix {
    emu_machine *m;
    vd d;
    char *path;
    uint64_t mark; /* the driver's heap after setup: requests reuse RAM */
    char log[8192];
    char out[8192];
    size_t outlen;
} fix;

static fix F;

static void log_cb(void *ctx, emu_log_level level, const char *msg)
{
    (void)level;
    fix *f = ctx;
    size_t n = strlen(f->log);
    snprintf(f->log + n, sizeof(f->log) - n, "%s\n", msg);
}

static void console_cb(void *ctx, const char *buf, size_t len)
{
    fix *f = ctx;
    ck_assert_uint_le(f->outlen + len, sizeof(f->out));
    memcpy(f->out + f->outlen, buf, len);
    f->outlen += len;
}

static emu_machine *new_machine(fix *f)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    cfg.ram_size = TU_RAM_SIZE;
    cfg.log = log_cb;
    cfg.log_ctx = f;
    cfg.log_level = EMU_LOG_DEBUG;
    cfg.console = console_cb;
    cfg.console_ctx = f;
    return tu_machine_cfg(&cfg);
}

static uint8_t pattern(uint64_t i)
{
    return (uint8_t)(i * 7 + i / 512 + 1);
}

/* A temporary image of `size` bytes filled with pattern(); returns its path. */
static char *tmp_image(uint64_t size)
{
    const char *dir = getenv("TMPDIR");
    char *path;
    ck_assert_int_ge(
        asprintf(&path, "%s/libemu-blk-XXXXXX", dir && *dir ? dir : "/tmp"), 0);
    int fd = mkstemp(path);
    ck_assert_msg(fd >= 0, "mkstemp %s", path);
    uint8_t *buf = malloc(size ? size : 1);
    for (uint64_t i = 0; i < size; i++)
        buf[i] = pattern(i);
    ck_assert_int_eq(write(fd, buf, size), (ssize_t)size);
    free(buf);
    close(fd);
    return path;
}

static void file_read(const char *path, uint64_t off, void *buf, size_t len)
{
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pread(fd, buf, len, (off_t)off), (ssize_t)len);
    close(fd);
}

static void setup(void)
{
    memset(&F, 0, sizeof(F));
    F.path = tmp_image(IMG_SECTORS * 512);
}

static void teardown(void)
{
    if (F.m) emu_machine_free(F.m);
    if (F.path) {
        unlink(F.path);
        free(F.path);
    }
    memset(&F, 0, sizeof(F));
}

/* A machine with the image as a drive (extra options appended) in slot 0,
 * the driver brought up with features. */
static void blk_up(const char *extra, uint64_t features)
{
    F.m = new_machine(&F);
    char opts[512];
    snprintf(opts, sizeof(opts), "file=%s%s%s", F.path, extra ? "," : "",
             extra ? extra : "");
    emu_status st = emu_device_add(F.m, "drive", opts);
    ck_assert_msg(st == EMU_OK, "%s", emu_last_error(F.m));
    vd_attach(&F.d, F.m, 0);
    vd_init(&F.d, VD_F_VERSION_1 | features, 1, QN);
    F.mark = F.d.heap;
}

/*
 * One request: header (type, sector), then readable data, then writable
 * data, then the status byte, each its own descriptor. Returns the status;
 * *used gets the used length, in[] what the device wrote.
 */
static uint8_t blk_do(uint32_t type, uint64_t sector, const void *out,
                      uint32_t out_len, void *in, uint32_t in_len,
                      uint32_t *used)
{
    vd *d = &F.d;
    d->heap = F.mark;
    uint8_t h[16] = {0};
    memcpy(h, &type, 4);
    memcpy(h + 8, &sector, 8);
    uint64_t hdr = vd_alloc(d, 16, 8);
    vd_write(d, hdr, h, 16);
    vd_buf bufs[4];
    unsigned n = 0;
    bufs[n++] = (vd_buf){hdr, 16, false};
    if (out_len) {
        uint64_t a = vd_alloc(d, out_len, 8);
        vd_write(d, a, out, out_len);
        bufs[n++] = (vd_buf){a, out_len, false};
    }
    uint64_t in_addr = 0;
    if (in_len) {
        in_addr = vd_alloc(d, in_len, 8);
        bufs[n++] = (vd_buf){in_addr, in_len, true};
    }
    uint64_t st = vd_alloc(d, 1, 1);
    uint8_t ff = 0xff;
    vd_write(d, st, &ff, 1);
    bufs[n++] = (vd_buf){st, 1, true};
    uint16_t head = vd_submit(d, 0, bufs, n);
    uint32_t id, len;
    ck_assert(vd_get_used(d, 0, &id, &len));
    ck_assert_uint_eq(id, head);
    ck_assert(!vd_needs_reset(d));
    if (in_len) vd_read(d, in_addr, in, in_len);
    if (used) *used = len;
    uint8_t s;
    vd_read(d, st, &s, 1);
    return s;
}

/* One discard / write-zeroes segment (5.2.6). */
static void dwz_seg(uint8_t seg[16], uint64_t sector, uint32_t n,
                    uint32_t flags)
{
    memcpy(seg, &sector, 8);
    memcpy(seg + 8, &n, 4);
    memcpy(seg + 12, &flags, 4);
}

/* ---- virtio-blk ---- */

START_TEST(test_blk_identity_features_and_config)
{
    blk_up(NULL, 0);
    ck_assert_uint_eq(vd_reg(&F.d, VD_DEVICE_ID), 2);
    uint64_t f = vd_device_features(&F.d);
    ck_assert(f & BLK_F_SEG_MAX);
    ck_assert(f & BLK_F_BLK_SIZE);
    ck_assert(f & BLK_F_FLUSH);
    ck_assert(f & BLK_F_DISCARD);
    ck_assert(f & BLK_F_WRITE_ZEROES);
    ck_assert(!(f & BLK_F_RO));
    ck_assert_uint_eq(vd_config(&F.d, 0, 8), IMG_SECTORS); /* capacity */
    ck_assert_uint_eq(vd_config(&F.d, 0, 4), IMG_SECTORS);
    ck_assert_uint_eq(vd_config(&F.d, 12, 4), 254); /* seg_max */
    ck_assert_uint_eq(vd_config(&F.d, 20, 4), 512); /* blk_size */
    ck_assert_uint_gt(vd_config(&F.d, 40, 4), 0);   /* max_discard_seg */
    ck_assert_uint_gt(vd_config(&F.d, 52, 4), 0);   /* max_write_zeroes_seg */
    vd_wreg(&F.d, VD_QUEUE_SEL, 0);
    ck_assert_uint_eq(vd_reg(&F.d, VD_QUEUE_NUM_MAX), 256);
    /* the configuration space is read-only: a write changes nothing */
    ck_assert(bus_write(&F.m->bus, F.d.base + VD_CONFIG, 4, 5));
    ck_assert_uint_eq(vd_config(&F.d, 0, 8), IMG_SECTORS);
}
END_TEST

START_TEST(test_blk_write_then_read_round_trip)
{
    blk_up(NULL, BLK_F_FLUSH);
    uint8_t data[1024], back[1024 + 1];
    for (unsigned i = 0; i < sizeof(data); i++)
        data[i] = (uint8_t)(i ^ 0x5a);
    ck_assert_uint_eq(blk_do(T_OUT, 3, data, sizeof(data), NULL, 0, NULL),
                      S_OK);
    /* written through: the file has it before any flush */
    uint8_t file[1024];
    file_read(F.path, 3 * 512, file, sizeof(file));
    ck_assert_mem_eq(file, data, sizeof(data));
    uint32_t used;
    ck_assert_uint_eq(blk_do(T_IN, 3, NULL, 0, back, sizeof(data), &used),
                      S_OK);
    ck_assert_mem_eq(back, data, sizeof(data));
    ck_assert_uint_eq(used, sizeof(data) + 1);
    /* the neighbours are untouched */
    ck_assert_uint_eq(blk_do(T_IN, 2, NULL, 0, back, 512, NULL), S_OK);
    for (unsigned i = 0; i < 512; i++)
        ck_assert_uint_eq(back[i], pattern(2 * 512 + i));
    ck_assert_uint_eq(blk_do(T_IN, 5, NULL, 0, back, 512, NULL), S_OK);
    ck_assert_uint_eq(back[0], pattern(5 * 512));
    ck_assert(vd_isr(&F.d) & 1);
}
END_TEST

START_TEST(test_blk_read_scattered_over_segments)
{
    /* data in three segments, the last one also holding the status byte,
     * and the header split in two: offsets must carry across segments */
    blk_up(NULL, 0);
    vd *d = &F.d;
    uint8_t h[16] = {0};
    uint64_t sector = 7;
    memcpy(h + 8, &sector, 8); /* type 0: IN */
    uint64_t hdr = vd_alloc(d, 16, 8);
    vd_write(d, hdr, h, 16);
    uint64_t a = vd_alloc(d, 100, 1), b = vd_alloc(d, 412, 1),
             c = vd_alloc(d, 513, 1);
    vd_buf bufs[] = {{hdr, 5, false},
                     {hdr + 5, 11, false},
                     {a, 100, true},
                     {b, 412, true},
                     {c, 513, true}};
    vd_submit(d, 0, bufs, 5);
    uint32_t len;
    ck_assert(vd_get_used(d, 0, NULL, &len));
    ck_assert_uint_eq(len, 1025);
    uint8_t got[1025];
    vd_read(d, a, got, 100);
    vd_read(d, b, got + 100, 412);
    vd_read(d, c, got + 512, 513);
    for (unsigned i = 0; i < 1024; i++)
        ck_assert_uint_eq(got[i], pattern(7 * 512 + i));
    ck_assert_uint_eq(got[1024], S_OK);
}
END_TEST

START_TEST(test_blk_flush)
{
    blk_up(NULL, BLK_F_FLUSH);
    uint32_t used;
    ck_assert_uint_eq(blk_do(T_FLUSH, 0, NULL, 0, NULL, 0, &used), S_OK);
    ck_assert_uint_eq(used, 1);
}
END_TEST

START_TEST(test_blk_get_id_default_is_file_name)
{
    blk_up(NULL, 0);
    char id[20];
    ck_assert_uint_eq(blk_do(T_GET_ID, 0, NULL, 0, id, sizeof(id), NULL), S_OK);
    const char *base = strrchr(F.path, '/') + 1;
    char want[20] = {0};
    strncpy(want, base, sizeof(want));
    ck_assert_mem_eq(id, want, sizeof(want));
}
END_TEST

START_TEST(test_blk_get_id_serial_option)
{
    blk_up("serial=disk-0001", 0);
    char id[20];
    ck_assert_uint_eq(blk_do(T_GET_ID, 0, NULL, 0, id, sizeof(id), NULL), S_OK);
    char want[20] = "disk-0001"; /* NUL-padded */
    ck_assert_mem_eq(id, want, sizeof(want));
}
END_TEST

START_TEST(test_blk_write_zeroes_and_discard)
{
    blk_up(NULL, BLK_F_DISCARD | BLK_F_WRITE_ZEROES);
    uint8_t seg[32], buf[3 * 512], zero[3 * 512] = {0};
    dwz_seg(seg, 1, 2, 0);
    ck_assert_uint_eq(blk_do(T_WRITE_ZEROES, 0, seg, 16, NULL, 0, NULL), S_OK);
    ck_assert_uint_eq(blk_do(T_IN, 1, NULL, 0, buf, 1024, NULL), S_OK);
    ck_assert_mem_eq(buf, zero, 1024);
    ck_assert_uint_eq(blk_do(T_IN, 3, NULL, 0, buf, 512, NULL), S_OK);
    ck_assert_uint_eq(buf[0], pattern(3 * 512)); /* only what was asked */
    /* with unmap, and two segments at once */
    dwz_seg(seg, 10, 1, 1);
    dwz_seg(seg + 16, 20, 3, 0);
    ck_assert_uint_eq(blk_do(T_WRITE_ZEROES, 0, seg, 32, NULL, 0, NULL), S_OK);
    ck_assert_uint_eq(blk_do(T_IN, 20, NULL, 0, buf, sizeof(buf), NULL), S_OK);
    ck_assert_mem_eq(buf, zero, sizeof(buf));
    ck_assert_uint_eq(blk_do(T_IN, 10, NULL, 0, buf, 512, NULL), S_OK);
    ck_assert_mem_eq(buf, zero, 512);
    uint8_t file[512];
    file_read(F.path, 20 * 512, file, sizeof(file));
    ck_assert_mem_eq(file, zero, sizeof(file));
    /* discard succeeds; the image keeps its size */
    dwz_seg(seg, 32, 8, 0);
    ck_assert_uint_eq(blk_do(T_DISCARD, 0, seg, 16, NULL, 0, NULL), S_OK);
    ck_assert_uint_eq(vd_config(&F.d, 0, 8), IMG_SECTORS);
    ck_assert_int_eq(access(F.path, R_OK), 0);
    /* 5.2.6.2: unmap on a discard, or an unknown flag, is unsupported */
    dwz_seg(seg, 32, 8, 1);
    ck_assert_uint_eq(blk_do(T_DISCARD, 0, seg, 16, NULL, 0, NULL), S_UNSUPP);
    dwz_seg(seg, 32, 8, 2);
    ck_assert_uint_eq(blk_do(T_WRITE_ZEROES, 0, seg, 16, NULL, 0, NULL),
                      S_UNSUPP);
    /* out of range, and a malformed segment list, are I/O errors */
    dwz_seg(seg, IMG_SECTORS - 1, 2, 0);
    ck_assert_uint_eq(blk_do(T_WRITE_ZEROES, 0, seg, 16, NULL, 0, NULL),
                      S_IOERR);
    dwz_seg(seg, 0xffffffffffffffffull, 2, 0);
    ck_assert_uint_eq(blk_do(T_DISCARD, 0, seg, 16, NULL, 0, NULL), S_IOERR);
    ck_assert_uint_eq(blk_do(T_DISCARD, 0, seg, 12, NULL, 0, NULL), S_IOERR);
    ck_assert_uint_eq(blk_do(T_DISCARD, 0, NULL, 0, NULL, 0, NULL), S_IOERR);
    /* nothing outside the ranges changed */
    ck_assert_uint_eq(blk_do(T_IN, 63, NULL, 0, buf, 512, NULL), S_OK);
    ck_assert_uint_eq(buf[5], pattern(63 * 512 + 5));
}
END_TEST

START_TEST(test_blk_discard_unsupported_unless_negotiated)
{
    blk_up(NULL, 0);
    uint8_t seg[16];
    dwz_seg(seg, 1, 1, 0);
    ck_assert_uint_eq(blk_do(T_DISCARD, 0, seg, 16, NULL, 0, NULL), S_UNSUPP);
    ck_assert_uint_eq(blk_do(T_WRITE_ZEROES, 0, seg, 16, NULL, 0, NULL),
                      S_UNSUPP);
}
END_TEST

START_TEST(test_blk_readonly_rejects_writes)
{
    blk_up("readonly=on", BLK_F_RO);
    uint64_t f = vd_device_features(&F.d);
    ck_assert(f & BLK_F_RO);
    ck_assert(!(f & BLK_F_DISCARD));
    ck_assert(!(f & BLK_F_WRITE_ZEROES));
    uint8_t data[512] = {1, 2, 3}, buf[512];
    ck_assert_uint_eq(blk_do(T_OUT, 0, data, sizeof(data), NULL, 0, NULL),
                      S_IOERR);
    uint8_t seg[16];
    dwz_seg(seg, 0, 1, 0);
    ck_assert_uint_eq(blk_do(T_WRITE_ZEROES, 0, seg, 16, NULL, 0, NULL),
                      S_IOERR);
    ck_assert_uint_eq(blk_do(T_DISCARD, 0, seg, 16, NULL, 0, NULL), S_IOERR);
    /* nothing was written; reads and flushes still work */
    ck_assert_uint_eq(blk_do(T_IN, 0, NULL, 0, buf, sizeof(buf), NULL), S_OK);
    for (unsigned i = 0; i < 512; i++)
        ck_assert_uint_eq(buf[i], pattern(i));
    file_read(F.path, 0, buf, sizeof(buf));
    ck_assert_uint_eq(buf[0], pattern(0));
    ck_assert_uint_eq(blk_do(T_FLUSH, 0, NULL, 0, NULL, 0, NULL), S_OK);
}
END_TEST

START_TEST(test_blk_out_of_range_sectors)
{
    blk_up(NULL, 0);
    uint8_t buf[1024] = {0};
    ck_assert_uint_eq(blk_do(T_IN, IMG_SECTORS - 1, NULL, 0, buf, 512, NULL),
                      S_OK);
    ck_assert_uint_eq(blk_do(T_IN, IMG_SECTORS, NULL, 0, buf, 512, NULL),
                      S_IOERR);
    ck_assert_uint_eq(blk_do(T_IN, IMG_SECTORS - 1, NULL, 0, buf, 1024, NULL),
                      S_IOERR);
    ck_assert_uint_eq(blk_do(T_OUT, IMG_SECTORS, buf, 512, NULL, 0, NULL),
                      S_IOERR);
    ck_assert_uint_eq(
        blk_do(T_OUT, 0xffffffffffffffffull, buf, 512, NULL, 0, NULL), S_IOERR);
    /* sector * 512 would wrap to a small offset */
    ck_assert_uint_eq(blk_do(T_OUT, 1ull << 55, buf, 512, NULL, 0, NULL),
                      S_IOERR);
    file_read(F.path, 0, buf, 1);
    ck_assert_uint_eq(buf[0], pattern(0));
    /* data that is not whole sectors */
    ck_assert_uint_eq(blk_do(T_OUT, 0, buf, 100, NULL, 0, NULL), S_IOERR);
    ck_assert_uint_eq(blk_do(T_IN, 0, NULL, 0, buf, 511, NULL), S_IOERR);
}
END_TEST

START_TEST(test_blk_short_header_is_ioerr)
{
    blk_up(NULL, 0);
    vd *d = &F.d;
    uint64_t hdr = vd_alloc(d, 8, 8), st = vd_alloc(d, 1, 1);
    vd_buf bufs[] = {{hdr, 8, false}, {st, 1, true}};
    vd_submit(d, 0, bufs, 2);
    uint32_t len;
    ck_assert(vd_get_used(d, 0, NULL, &len));
    ck_assert_uint_eq(len, 1);
    uint8_t s;
    vd_read(d, st, &s, 1);
    ck_assert_uint_eq(s, S_IOERR);
    ck_assert(!vd_needs_reset(d));
    /* no status byte at all: returned with nothing written */
    vd_buf only[] = {{hdr, 8, false}};
    vd_submit(d, 0, only, 1);
    ck_assert(vd_get_used(d, 0, NULL, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert(!vd_needs_reset(d));
    /* and the device goes on working */
    uint8_t buf[512];
    F.mark = d->heap;
    ck_assert_uint_eq(blk_do(T_IN, 0, NULL, 0, buf, 512, NULL), S_OK);
}
END_TEST

START_TEST(test_blk_unknown_type_unsupported)
{
    blk_up(NULL, 0);
    uint8_t buf[512];
    ck_assert_uint_eq(blk_do(2, 0, NULL, 0, NULL, 0, NULL), S_UNSUPP);
    ck_assert_uint_eq(blk_do(10 /* GET_LIFETIME */, 0, NULL, 0, buf, 16, NULL),
                      S_UNSUPP);
    ck_assert_uint_eq(blk_do(14 /* SECURE_ERASE */, 0, NULL, 0, NULL, 0, NULL),
                      S_UNSUPP);
    ck_assert_uint_eq(blk_do(0xffffffffu, 0, NULL, 0, NULL, 0, NULL), S_UNSUPP);
}
END_TEST

START_TEST(test_blk_missing_file_is_io_error)
{
    F.m = new_machine(&F);
    char opts[600];
    snprintf(opts, sizeof(opts), "file=%s.missing", F.path);
    ck_assert_int_eq(emu_device_add(F.m, "drive", opts), EMU_ERR_IO);
    const char *e = emu_last_error(F.m);
    ck_assert_msg(strstr(e, F.path) && strstr(e, "No such file"), "%s", e);
    /* the slot stays free */
    vd_attach(&F.d, F.m, 0);
    ck_assert_uint_eq(vd_reg(&F.d, VD_DEVICE_ID), 0);
}
END_TEST

START_TEST(test_blk_bad_options_are_errors)
{
    F.m = new_machine(&F);
    static const struct {
        const char *opts; /* %s is the image */
        const char *msg;
    } bad[] = {
        {"readonly=on", "file=PATH is required"},
        {"file=", "file=PATH is required"},
        {"file=%s,format=qcow2", "only raw"},
        {"file=%s,readonly=maybe", "expected on or off"},
        {"file=%s,bogus=1", "unknown option 'bogus'"},
        {"file=%s,serial=123456789012345678901", "at most 20 bytes"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char opts[600];
        snprintf(opts, sizeof(opts), bad[i].opts, F.path);
        ck_assert_int_eq(emu_device_add(F.m, "drive", opts), EMU_ERR_INVALID);
        const char *e = emu_last_error(F.m);
        ck_assert_msg(strstr(e, bad[i].msg), "%s: %s", bad[i].opts, e);
    }
    /* a failed add kept no lock and no slot: a good one still works */
    char opts[600];
    snprintf(opts, sizeof(opts), "file=%s,format=raw,serial=x", F.path);
    ck_assert_int_eq(emu_device_add(F.m, "drive", opts), EMU_OK);
    vd_attach(&F.d, F.m, 0);
    ck_assert_uint_eq(vd_reg(&F.d, VD_DEVICE_ID), 2);
}
END_TEST

START_TEST(test_blk_lock_conflict)
{
    fix other = {0};
    F.m = new_machine(&F);
    emu_machine *m2 = new_machine(&other);
    char rw[600], ro[600];
    snprintf(rw, sizeof(rw), "file=%s", F.path);
    snprintf(ro, sizeof(ro), "file=%s,readonly=on", F.path);
    ck_assert_int_eq(emu_device_add(F.m, "drive", rw), EMU_OK);
    ck_assert_int_eq(emu_device_add(m2, "drive", rw), EMU_ERR_IO);
    ck_assert_msg(strstr(emu_last_error(m2), "in use"), "%s",
                  emu_last_error(m2));
    ck_assert_int_eq(emu_device_add(m2, "drive", ro), EMU_ERR_IO);
    /* freeing the first machine releases the image */
    emu_machine_free(F.m);
    F.m = new_machine(&F);
    ck_assert_int_eq(emu_device_add(m2, "drive", ro), EMU_OK);
    /* readers share; a writer is kept out while one reads */
    ck_assert_int_eq(emu_device_add(F.m, "drive", ro), EMU_OK);
    emu_machine *m3 = new_machine(&other);
    ck_assert_int_eq(emu_device_add(m3, "drive", rw), EMU_ERR_IO);
    emu_machine_free(m3);
    emu_machine_free(m2);
}
END_TEST

START_TEST(test_blk_odd_size_rounded_down_with_warning)
{
    unlink(F.path);
    free(F.path);
    F.path = tmp_image(3 * 512 + 100);
    blk_up(NULL, 0);
    ck_assert_uint_eq(vd_config(&F.d, 0, 8), 3);
    ck_assert_msg(strstr(F.log, "not a whole"), "log: %s", F.log);
    uint8_t buf[512];
    ck_assert_uint_eq(blk_do(T_IN, 2, NULL, 0, buf, 512, NULL), S_OK);
    ck_assert_uint_eq(blk_do(T_IN, 3, NULL, 0, buf, 512, NULL), S_IOERR);
}
END_TEST

START_TEST(test_blk_writes_survive_machine_free)
{
    blk_up(NULL, 0);
    uint8_t data[512];
    memset(data, 0xa5, sizeof(data));
    ck_assert_uint_eq(blk_do(T_OUT, 9, data, sizeof(data), NULL, 0, NULL),
                      S_OK);
    emu_machine_free(F.m);
    F.m = NULL;
    uint8_t file[512];
    file_read(F.path, 9 * 512, file, sizeof(file));
    ck_assert_mem_eq(file, data, sizeof(data));
}
END_TEST

START_TEST(test_blk_reset_and_reuse)
{
    blk_up(NULL, 0);
    uint8_t buf[512];
    ck_assert_uint_eq(blk_do(T_IN, 1, NULL, 0, buf, 512, NULL), S_OK);
    vd_init(&F.d, VD_F_VERSION_1, 1, QN);
    F.mark = F.d.heap;
    ck_assert_uint_eq(vd_config(&F.d, 0, 8), IMG_SECTORS);
    ck_assert_uint_eq(blk_do(T_IN, 1, NULL, 0, buf, 512, NULL), S_OK);
    ck_assert_uint_eq(buf[0], pattern(512));
}
END_TEST

/* ---- virtio-console ---- */

static void console_up(uint64_t features)
{
    F.m = new_machine(&F);
    ck_assert_int_eq(emu_device_add(F.m, "console", ""), EMU_OK);
    vd_attach(&F.d, F.m, 0);
    ck_assert_uint_eq(vd_reg(&F.d, VD_DEVICE_ID), 3);
    vd_init(&F.d, VD_F_VERSION_1 | features, 2, QN);
}

/* Post a receive buffer of len bytes on queue 0; returns its address. */
static uint64_t post_rx(uint32_t len, bool notify)
{
    uint64_t a = vd_alloc(&F.d, len, 1);
    vd_buf b = {a, len, true};
    vd_avail(&F.d, 0, vd_chain(&F.d, 0, &b, 1));
    if (notify) vd_notify(&F.d, 0);
    return a;
}

START_TEST(test_console_output_reaches_callback)
{
    console_up(0);
    uint64_t a = vd_alloc(&F.d, 16, 1), b = vd_alloc(&F.d, 16, 1);
    vd_write(&F.d, a, "hello, ", 7);
    vd_write(&F.d, b, "world\n", 6);
    vd_buf bufs[] = {{a, 7, false}, {b, 6, false}};
    uint16_t head = vd_submit(&F.d, 1, bufs, 2);
    uint32_t id, len;
    ck_assert(vd_get_used(&F.d, 1, &id, &len));
    ck_assert_uint_eq(id, head);
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(F.outlen, 13);
    ck_assert_mem_eq(F.out, "hello, world\n", 13);
    ck_assert(vd_isr(&F.d) & 1);
}
END_TEST

START_TEST(test_console_input_reaches_posted_buffers)
{
    console_up(0);
    uint64_t r1 = post_rx(4, true), r2 = post_rx(4, true);
    ck_assert_uint_eq(emu_console_input(F.m, "abcdefghij", 10), 10);
    uint32_t id, len;
    char got[8];
    ck_assert(vd_get_used(&F.d, 0, &id, &len));
    ck_assert_uint_eq(len, 4);
    vd_read(&F.d, r1, got, 4);
    ck_assert_mem_eq(got, "abcd", 4);
    ck_assert(vd_get_used(&F.d, 0, &id, &len));
    ck_assert_uint_eq(len, 4);
    vd_read(&F.d, r2, got, 4);
    ck_assert_mem_eq(got, "efgh", 4);
    ck_assert(!vd_get_used(&F.d, 0, NULL, NULL));
    ck_assert(vd_isr(&F.d) & 1);
    ck_assert(vd_irq_line(&F.d));
    vd_ack(&F.d, 1);
    /* the rest waits for the next buffer the driver posts */
    uint64_t r3 = post_rx(8, true);
    ck_assert(vd_get_used(&F.d, 0, &id, &len));
    ck_assert_uint_eq(len, 2);
    vd_read(&F.d, r3, got, 2);
    ck_assert_mem_eq(got, "ij", 2);
    ck_assert(vd_isr(&F.d) & 1);
}
END_TEST

START_TEST(test_console_input_delivered_at_poll)
{
    console_up(0);
    ck_assert_uint_eq(emu_console_input(F.m, "xyz", 3), 3);
    /* a buffer posted without a notify is found by the next poll */
    uint64_t r = post_rx(8, false);
    ck_assert(!vd_get_used(&F.d, 0, NULL, NULL));
    /* host input is polled every 8 scheduling rounds (virt_poll); a round
     * is at most 10 000 steps, and a shorter run leaves it to be finished
     * by the next */
    for (int i = 0; i < 8; i++)
        tu_run(F.m, 10000);
    uint32_t len;
    ck_assert(vd_get_used(&F.d, 0, NULL, &len));
    ck_assert_uint_eq(len, 3);
    char got[3];
    vd_read(&F.d, r, got, 3);
    ck_assert_mem_eq(got, "xyz", 3);
}
END_TEST

START_TEST(test_console_input_bounded_by_pending_buffer)
{
    console_up(0);
    static char big[10000];
    memset(big, 'q', sizeof(big));
    /* no receive buffer: 4 KiB wait, the rest is refused */
    ck_assert_uint_eq(emu_console_input(F.m, big, sizeof(big)), 4096);
    /* the UART's FIFO filled at the first call */
    ck_assert_uint_eq(emu_console_input(F.m, big, sizeof(big)), 0);
    /* posted buffers make room */
    for (int i = 0; i < 8; i++)
        post_rx(1024, false);
    vd_notify(&F.d, 0);
    for (int i = 0; i < 4; i++)
        ck_assert(vd_get_used(&F.d, 0, NULL, NULL));
    ck_assert(!vd_get_used(&F.d, 0, NULL, NULL));
    ck_assert_uint_eq(emu_console_input(F.m, big, 5000), 5000);
    for (int i = 0; i < 4; i++)
        ck_assert(vd_get_used(&F.d, 0, NULL, NULL));
}
END_TEST

START_TEST(test_console_input_ignored_until_driver_ready)
{
    F.m = new_machine(&F);
    ck_assert_int_eq(emu_device_add(F.m, "console", ""), EMU_OK);
    /* the UART alone takes bytes: as many as on a machine without one */
    char buf[64] = {0};
    fix other = {0};
    emu_machine *plain = new_machine(&other);
    size_t uart = emu_console_input(plain, buf, sizeof(buf));
    emu_machine_free(plain);
    ck_assert_uint_lt(uart, sizeof(buf));
    ck_assert_uint_eq(emu_console_input(F.m, buf, sizeof(buf)), uart);
    vd_attach(&F.d, F.m, 0);
    vd_init(&F.d, VD_F_VERSION_1, 2, QN);
    uint64_t r = post_rx(8, true);
    ck_assert(!vd_get_used(&F.d, 0, NULL, NULL));
    ck_assert_uint_eq(emu_console_input(F.m, "ok", 2), 2);
    ck_assert(vd_get_used(&F.d, 0, NULL, NULL));
    char got[2];
    vd_read(&F.d, r, got, 2);
    ck_assert_mem_eq(got, "ok", 2);
}
END_TEST

START_TEST(test_console_emergency_write)
{
    console_up(1ull << 2 /* VIRTIO_CONSOLE_F_EMERG_WRITE */);
    ck_assert(bus_write(&F.m->bus, F.d.base + VD_CONFIG + 8, 4, 'X'));
    ck_assert_uint_eq(F.outlen, 1);
    ck_assert_uint_eq(F.out[0], 'X');
    ck_assert_uint_eq(vd_config(&F.d, 8, 4), 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("virtio_blk");
    TCase *tc = tcase_create("blk");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_blk_identity_features_and_config);
    tcase_add_test(tc, test_blk_write_then_read_round_trip);
    tcase_add_test(tc, test_blk_read_scattered_over_segments);
    tcase_add_test(tc, test_blk_flush);
    tcase_add_test(tc, test_blk_get_id_default_is_file_name);
    tcase_add_test(tc, test_blk_get_id_serial_option);
    tcase_add_test(tc, test_blk_write_zeroes_and_discard);
    tcase_add_test(tc, test_blk_discard_unsupported_unless_negotiated);
    tcase_add_test(tc, test_blk_readonly_rejects_writes);
    tcase_add_test(tc, test_blk_out_of_range_sectors);
    tcase_add_test(tc, test_blk_short_header_is_ioerr);
    tcase_add_test(tc, test_blk_unknown_type_unsupported);
    tcase_add_test(tc, test_blk_missing_file_is_io_error);
    tcase_add_test(tc, test_blk_bad_options_are_errors);
    tcase_add_test(tc, test_blk_lock_conflict);
    tcase_add_test(tc, test_blk_odd_size_rounded_down_with_warning);
    tcase_add_test(tc, test_blk_writes_survive_machine_free);
    tcase_add_test(tc, test_blk_reset_and_reuse);
    suite_add_tcase(s, tc);

    tc = tcase_create("console");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_console_output_reaches_callback);
    tcase_add_test(tc, test_console_input_reaches_posted_buffers);
    tcase_add_test(tc, test_console_input_delivered_at_poll);
    tcase_add_test(tc, test_console_input_bounded_by_pending_buffer);
    tcase_add_test(tc, test_console_input_ignored_until_driver_ready);
    tcase_add_test(tc, test_console_emergency_write);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
