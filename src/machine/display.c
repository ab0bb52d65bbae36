/*
 * The "display" device: a linear framebuffer that Linux drives with its
 * simplefb (or simpledrm) driver, described in the device tree as the
 * simple-framebuffer binding says (Documentation/devicetree/bindings/
 * display/simple-framebuffer.yaml): a /chosen/framebuffer@ADDR node with
 * reg, width, height, stride and format "x8r8g8b8".
 *
 * Where the pixels live. The framebuffer sits right after RAM, in the
 * same host block as RAM: the bus's RAM range is grown by the
 * framebuffer's size (rounded up to 2 MiB), so guest stores to it take
 * the same TLB fast path as RAM stores, and emu_display_get() simply
 * points into that block. Only the real RAM (emu_config.ram_size) is
 * described to the guest as memory; boot.c places the device tree and the
 * initrd within it. The bus is made in emu_machine_new(), before any
 * device can be added, so display_add() grows the RAM block in place
 * (realloc keeps RAM's contents) and, because TLB entries and the
 * decoded-instruction cache hold host pointers into RAM and a map sized
 * by it, drops and rebuilds them. That is only safe before the machine
 * has run and before emu_boot(), which display_add() checks. A separate
 * MMIO region would have been simpler to add but would send every pixel
 * store through the device slow path.
 *
 * Saving: PNG (RFC 2083 / ISO 15948: signature, IHDR, IDAT holding one
 * zlib stream of filter-type-0 scanlines, IEND; each chunk with its
 * CRC-32) or binary PPM (netpbm's P6).
 */
#include <errno.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "cpu/riscv/rv_cpu.h"
#include "cpu/riscv/rv_dcache.h"
#include "machine/machine.h"
#include "machine/opts.h"

#define MiB (1ull << 20)
#define DISPLAY_MIN_W 320
#define DISPLAY_MIN_H 200
#define DISPLAY_MAX 4096
#define DISPLAY_DEFAULT_W 1024
#define DISPLAY_DEFAULT_H 768

struct machine_display {
    uint64_t base; /* guest-physical address of pixel (0, 0) */
    uint64_t size; /* bytes reserved after RAM (stride * height, 2 MiB up) */
    uint32_t width, height, stride;
};

emu_status display_add(emu_machine *m, struct dev_opts *o, char *err,
                       size_t errlen)
{
    uint64_t w = DISPLAY_DEFAULT_W, h = DISPLAY_DEFAULT_H;
    if (!opts_uint(o, "width", DISPLAY_MIN_W, DISPLAY_MAX, &w, err, errlen) ||
        !opts_uint(o, "height", DISPLAY_MIN_H, DISPLAY_MAX, &h, err, errlen))
        return EMU_ERR_INVALID;
    if (!opts_all_used(o, err, errlen)) return EMU_ERR_INVALID;
    if (m->display) {
        snprintf(err, errlen, "display: the machine has one already");
        return EMU_ERR_INVALID;
    }
    bool ran = m->boot != NULL;
    for (unsigned i = 0; i < m->nharts; i++)
        ran |= m->harts[i]->steps != 0;
    if (ran) {
        snprintf(err, errlen,
                 "display: add it before emu_boot() and before "
                 "the machine runs");
        return EMU_ERR_INVALID;
    }

    bus *b = &m->bus;
    uint32_t stride = (uint32_t)w * 4;
    uint64_t fb = (uint64_t)stride * h;
    uint64_t extra = (fb + 2 * MiB - 1) & ~(2 * MiB - 1);
    uint64_t base = b->ram_base + b->ram_size;
    /* RV32 (Sv32) reaches 34 bits of physical address */
    uint64_t limit = m->isa.xlen == 32 ? 1ull << 34 : 1ull << 56;
    if (base + extra > limit || base + extra < base) {
        snprintf(err, errlen,
                 "display: no room for the framebuffer after RAM "
                 "(0x%llx)",
                 (unsigned long long)base);
        return EMU_ERR_RANGE;
    }
    for (unsigned i = 0; i < b->nregions; i++)
        if (b->regions[i].base < base + extra &&
            base < b->regions[i].base + b->regions[i].size) {
            snprintf(err, errlen,
                     "display: the framebuffer at 0x%llx would "
                     "overlap %s",
                     (unsigned long long)base, b->regions[i].ops->name);
            return EMU_ERR_RANGE;
        }

    struct machine_display *d = calloc(1, sizeof(*d));
    uint8_t *ram = d ? realloc(b->ram, b->ram_size + extra) : NULL;
    if (!ram) {
        free(d);
        snprintf(err, errlen,
                 "display: cannot allocate %llu MiB for the "
                 "framebuffer",
                 (unsigned long long)(extra >> 20));
        return EMU_ERR_NOMEM;
    }
    /* the block may have moved: b->ram must follow even if we fail below */
    b->ram = ram;
    /* TLB entries hold host pointers into the old block (none should
     * exist before the first run; flush anyway, before any failure) */
    for (unsigned i = 0; i < m->nharts; i++)
        rv_tlb_flush(m->harts[i]);
    memset(ram + b->ram_size, 0, extra);
    /* a decoded-instruction cache whose page map covers the larger range;
     * made before the old one goes so that a failure changes nothing */
    b->ram_size += extra;
    rv_dcache *dc = rv_dcache_new(m);
    if (!dc) {
        b->ram_size -= extra;
        free(d);
        snprintf(err, errlen, "out of memory");
        return EMU_ERR_NOMEM;
    }
    rv_dcache_free(m->dcache); /* unhooks itself from the bus ... */
    m->dcache = dc;
    b->code_written = rv_dcache_written; /* ... so hook the new one again */
    b->code_ctx = dc;

    *d =
        (struct machine_display){base, extra, (uint32_t)w, (uint32_t)h, stride};
    m->display = d;
    /* emu_get_dtb() shows the machine as it is now (emu_boot() builds it
     * again with /chosen's boot arguments) */
    emu_status st = virt_build_fdt(m, NULL, 0, 0);
    if (st != EMU_OK) {
        snprintf(err, errlen, "%s", m->last_error);
        return st;
    }
    machine_log(m, EMU_LOG_INFO, "display %llux%llu at 0x%llx",
                (unsigned long long)w, (unsigned long long)h,
                (unsigned long long)base);
    return EMU_OK;
}

void display_free(emu_machine *m)
{
    free(m->display);
    m->display = NULL;
}

int display_fdt(emu_machine *m, void *fdt)
{
    const struct machine_display *d = m->display;
    if (!d) return 0;
    char name[64];
    snprintf(name, sizeof(name), "framebuffer@%llx",
             (unsigned long long)d->base);
    uint64_t len = (uint64_t)d->stride * d->height;
    fdt32_t reg[4] = {cpu_to_fdt32((uint32_t)(d->base >> 32)),
                      cpu_to_fdt32((uint32_t)d->base),
                      cpu_to_fdt32((uint32_t)(len >> 32)),
                      cpu_to_fdt32((uint32_t)len)};
    int err = 0;
    err |= fdt_begin_node(fdt, name);
    err |= fdt_property_string(fdt, "compatible", "simple-framebuffer");
    err |= fdt_property(fdt, "reg", reg, sizeof(reg));
    err |= fdt_property_u32(fdt, "width", d->width);
    err |= fdt_property_u32(fdt, "height", d->height);
    err |= fdt_property_u32(fdt, "stride", d->stride);
    /* bytes B, G, R, unused in memory: d[23:16] = r in a 32-bit word */
    err |= fdt_property_string(fdt, "format", "x8r8g8b8");
    err |= fdt_end_node(fdt);
    return err;
}

emu_status emu_display_get(emu_machine *m, emu_display *out)
{
    if (!m || !out) return EMU_ERR_INVALID;
    const struct machine_display *d = m->display;
    if (!d)
        return machine_error(m, EMU_ERR_NOT_FOUND,
                             "the machine has no display");
    out->width = d->width;
    out->height = d->height;
    out->stride = d->stride;
    out->pixels = m->bus.ram + (d->base - m->bus.ram_base);
    return EMU_OK;
}

/* ---- saving ---- */

/* One row as RGB bytes (the framebuffer's pixels are B, G, R, X). */
static void row_rgb(const uint8_t *src, uint32_t width, uint8_t *dst)
{
    for (uint32_t x = 0; x < width; x++) {
        dst[3 * x] = src[4 * x + 2];
        dst[3 * x + 1] = src[4 * x + 1];
        dst[3 * x + 2] = src[4 * x];
    }
}

static bool put_be32(FILE *f, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8),
                    (uint8_t)v};
    return fwrite(b, 1, 4, f) == 4;
}

/* PNG 5.3: length, type, data, CRC-32 of type and data. */
static bool png_chunk(FILE *f, const char type[4], const uint8_t *data,
                      uint32_t len)
{
    uLong crc = crc32(0, (const Bytef *)type, 4);
    if (len) crc = crc32(crc, data, len);
    return put_be32(f, len) && fwrite(type, 1, 4, f) == 4 &&
           (len == 0 || fwrite(data, 1, len, f) == len) &&
           put_be32(f, (uint32_t)crc);
}

static emu_status save_png(emu_machine *m, const emu_display *d, FILE *f,
                           const char *path)
{
    /* PNG 7.2: every scanline starts with its filter type (0, none) */
    size_t rowlen = 1 + (size_t)d->width * 3;
    size_t rawlen = rowlen * d->height;
    uint8_t *raw = malloc(rawlen);
    uLongf zlen = compressBound((uLong)rawlen);
    uint8_t *z = malloc(zlen);
    if (!raw || !z) {
        free(raw);
        free(z);
        return machine_error(m, EMU_ERR_NOMEM, "%s: out of memory", path);
    }
    for (uint32_t y = 0; y < d->height; y++) {
        raw[y * rowlen] = 0;
        row_rgb(d->pixels + (size_t)y * d->stride, d->width,
                raw + y * rowlen + 1);
    }
    int zst = compress2(z, &zlen, raw, (uLong)rawlen, 6);
    free(raw);
    if (zst != Z_OK) {
        free(z);
        return machine_error(m, EMU_ERR_NOMEM, "%s: compression failed", path);
    }
    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /* IHDR (PNG 11.2.2): width, height, bit depth 8, colour type 2
     * (truecolour), compression 0, filter 0, interlace 0 */
    uint8_t ihdr[13] = {0};
    for (int i = 0; i < 4; i++) {
        ihdr[i] = (uint8_t)(d->width >> (24 - 8 * i));
        ihdr[4 + i] = (uint8_t)(d->height >> (24 - 8 * i));
    }
    ihdr[8] = 8;
    ihdr[9] = 2;
    bool ok = fwrite(sig, 1, 8, f) == 8 && png_chunk(f, "IHDR", ihdr, 13) &&
              png_chunk(f, "IDAT", z, (uint32_t)zlen) &&
              png_chunk(f, "IEND", NULL, 0);
    free(z);
    return ok ? EMU_OK
              : machine_error(m, EMU_ERR_IO, "%s: %s", path, strerror(errno));
}

static emu_status save_ppm(emu_machine *m, const emu_display *d, FILE *f,
                           const char *path)
{
    uint8_t *row = malloc((size_t)d->width * 3);
    if (!row) return machine_error(m, EMU_ERR_NOMEM, "%s: out of memory", path);
    bool ok = fprintf(f, "P6\n%u %u\n255\n", d->width, d->height) > 0;
    for (uint32_t y = 0; ok && y < d->height; y++) {
        row_rgb(d->pixels + (size_t)y * d->stride, d->width, row);
        ok = fwrite(row, 3, d->width, f) == d->width;
    }
    free(row);
    return ok ? EMU_OK
              : machine_error(m, EMU_ERR_IO, "%s: %s", path, strerror(errno));
}

emu_status emu_display_save(emu_machine *m, const char *path)
{
    if (!m || !path) return EMU_ERR_INVALID;
    emu_display d;
    emu_status st = emu_display_get(m, &d);
    if (st != EMU_OK) return st;
    FILE *f = fopen(path, "wb");
    if (!f)
        return machine_error(m, EMU_ERR_IO, "%s: %s", path, strerror(errno));
    size_t n = strlen(path);
    bool png = n >= 4 && !strcasecmp(path + n - 4, ".png");
    st = png ? save_png(m, &d, f, path) : save_ppm(m, &d, f, path);
    if (fclose(f) != 0 && st == EMU_OK)
        st = machine_error(m, EMU_ERR_IO, "%s: %s", path, strerror(errno));
    return st;
}
