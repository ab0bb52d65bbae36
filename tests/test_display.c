/*
 * The display device (src/machine/display.c): its simple-framebuffer node
 * in the device tree, guest stores reaching the pixels, what boot places
 * stays in the guest's RAM, and screenshots in PPM and PNG, parsed back
 * here (the PNG's chunks, CRCs and zlib stream checked with zlib).
 */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "testutil.h"

#define RAM (32ull << 20)
#define FB (TU_RAM_BASE + RAM)

static emu_machine *virt(void)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    cfg.ram_size = RAM;
    return tu_machine_cfg(&cfg);
}

static emu_machine *virt_display(const char *opts)
{
    emu_machine *m = virt();
    emu_status st = emu_device_add(m, "display", opts);
    ck_assert_msg(st == EMU_OK, "display %s: %s", opts, emu_last_error(m));
    return m;
}

static const void *dtb(emu_machine *m)
{
    const void *fdt;
    size_t size;
    ck_assert_int_eq(emu_get_dtb(m, &fdt, &size), EMU_OK);
    ck_assert_int_eq(fdt_check_header(fdt), 0);
    return fdt;
}

static uint32_t prop_u32(const void *fdt, int node, const char *name)
{
    int len;
    const fdt32_t *v = fdt_getprop(fdt, node, name, &len);
    ck_assert_msg(v && len == 4, "property %s", name);
    return fdt32_to_cpu(*v);
}

/* A host file name for output; free it and unlink the file. */
static char *temp_name(const char *suffix)
{
    char *path = malloc(64);
    snprintf(path, 64, "/tmp/libemu-display-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    ck_assert_int_ge(fd, 0);
    close(fd);
    return path;
}

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc((size_t)n + 1);
    ck_assert_int_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Pixel (x, y) as 0xRRGGBB, written to guest memory as the guest would. */
static void put_pixel(emu_machine *m, uint32_t stride, uint32_t x, uint32_t y,
                      uint32_t rgb)
{
    tu_write32(m, FB + (uint64_t)y * stride + 4ull * x, rgb);
}

/* ---- the device tree ---- */

START_TEST(test_display_dt_node_is_a_simple_framebuffer_after_ram)
{
    emu_machine *m = virt_display("width=640,height=480");
    const void *fdt = dtb(m);
    char path[64];
    snprintf(path, sizeof(path), "/chosen/framebuffer@%llx",
             (unsigned long long)FB);
    int node = fdt_path_offset(fdt, path);
    ck_assert_msg(node >= 0, "%s missing", path);
    ck_assert_str_eq(fdt_getprop(fdt, node, "compatible", NULL),
                     "simple-framebuffer");
    ck_assert_str_eq(fdt_getprop(fdt, node, "format", NULL), "x8r8g8b8");
    ck_assert_uint_eq(prop_u32(fdt, node, "width"), 640);
    ck_assert_uint_eq(prop_u32(fdt, node, "height"), 480);
    ck_assert_uint_eq(prop_u32(fdt, node, "stride"), 640 * 4);
    int len;
    const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
    ck_assert_int_eq(len, 16);
    ck_assert_uint_eq(
        (uint64_t)fdt32_to_cpu(reg[0]) << 32 | fdt32_to_cpu(reg[1]), FB);
    ck_assert_uint_eq(fdt32_to_cpu(reg[3]), 640 * 4 * 480);
    /* /chosen gives the node's reg two address and two size cells */
    int chosen = fdt_path_offset(fdt, "/chosen");
    ck_assert_uint_eq(prop_u32(fdt, chosen, "#address-cells"), 2);
    ck_assert_uint_eq(prop_u32(fdt, chosen, "#size-cells"), 2);
    /* the guest is told about the configured RAM only */
    int mem = fdt_path_offset(fdt, "/memory@80000000");
    const fdt32_t *mreg = fdt_getprop(fdt, mem, "reg", &len);
    ck_assert_int_eq(len, 16);
    ck_assert_uint_eq(
        (uint64_t)fdt32_to_cpu(mreg[2]) << 32 | fdt32_to_cpu(mreg[3]), RAM);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_display_defaults_to_1024x768)
{
    emu_machine *m = virt_display(NULL);
    emu_display d;
    ck_assert_int_eq(emu_display_get(m, &d), EMU_OK);
    ck_assert_uint_eq(d.width, 1024);
    ck_assert_uint_eq(d.height, 768);
    ck_assert_uint_eq(d.stride, 4096);
    ck_assert_ptr_nonnull(d.pixels);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_display_without_one_has_no_node_and_get_fails)
{
    emu_machine *m = virt();
    const void *fdt = dtb(m);
    ck_assert_int_lt(
        fdt_subnode_offset(fdt, fdt_path_offset(fdt, "/chosen"), "framebuffer"),
        0);
    emu_display d;
    ck_assert_int_eq(emu_display_get(m, &d), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_display_save(m, "/nonexistent/x.png"),
                     EMU_ERR_NOT_FOUND);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_display_bad_options_are_refused)
{
    emu_machine *m = virt();
    ck_assert_int_eq(emu_device_add(m, "display", "width=100"),
                     EMU_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), "width=100"));
    ck_assert_int_eq(emu_device_add(m, "display", "height=5000"),
                     EMU_ERR_INVALID);
    ck_assert_int_eq(emu_device_add(m, "display", "width=abc"),
                     EMU_ERR_INVALID);
    ck_assert_int_eq(emu_device_add(m, "display", "depth=24"), EMU_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), "depth"));
    /* none of these added anything */
    emu_display d;
    ck_assert_int_eq(emu_display_get(m, &d), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_device_add(m, "display", "width=320,height=200"),
                     EMU_OK);
    ck_assert_int_eq(emu_device_add(m, "display", NULL), EMU_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), "one already"));
    emu_machine_free(m);

    m = tu_machine(64); /* the test board has no device tree */
    ck_assert_int_eq(emu_device_add(m, "display", NULL), EMU_ERR_UNSUPPORTED);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_display_after_boot_is_refused)
{
    emu_machine *m = virt();
    char *kernel = temp_name(".bin");
    FILE *f = fopen(kernel, "wb");
    uint32_t loop = TU_LOOP;
    fwrite(&loop, 4, 1, f);
    fclose(f);
    emu_boot_config b = {NULL, kernel, NULL, NULL};
    ck_assert_int_eq(emu_boot(m, &b), EMU_OK);
    ck_assert_int_eq(emu_device_add(m, "display", NULL), EMU_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), "before emu_boot"));
    unlink(kernel);
    free(kernel);
    emu_machine_free(m);
}
END_TEST

/* ---- memory ---- */

START_TEST(test_display_guest_stores_reach_the_pixels)
{
    emu_machine *m = virt_display("width=320,height=200");
    emu_display d;
    ck_assert_int_eq(emu_display_get(m, &d), EMU_OK);
    /* t0 = FB (lui sign-extends: shift the upper half away), then a
     * store to pixel (7, 1) */
    uint64_t pixel = FB + 4ull * (1 * 320 + 7);
    TU_CODE(m, TU_RAM_BASE, tu_lui(T0, (uint32_t)(FB >> 12)),
            tu_slli(T0, T0, 32), tu_srli(T0, T0, 32), /* zero-extend */
            tu_lui(T1, 0x00aab),                      /* 0x00aab000 */
            tu_addi(T1, T1, 0x0cc),                   /* 0x00aab0cc */
            tu_sw(T1, T0, (int32_t)(pixel - FB)), TU_LOOP);
    tu_run(m, 7);
    uint32_t got;
    memcpy(&got, d.pixels + 1 * d.stride + 4 * 7, 4);
    ck_assert_uint_eq(got, 0x00aab0cc);
    ck_assert_uint_eq(tu_read32(m, pixel), 0x00aab0cc);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_display_boot_keeps_the_device_tree_in_ram)
{
    emu_machine *m = virt_display(NULL);
    char *kernel = temp_name(".bin");
    FILE *f = fopen(kernel, "wb");
    uint32_t loop = TU_LOOP;
    fwrite(&loop, 4, 1, f);
    fclose(f);
    emu_boot_config b = {NULL, kernel, NULL, "console=tty0"};
    ck_assert_int_eq(emu_boot(m, &b), EMU_OK);
    unlink(kernel);
    free(kernel);
    tu_run(m, 6); /* the reset vector: a1 = the device tree */
    uint64_t a1 = tu_x(m, A1);
    ck_assert_uint_ge(a1, TU_RAM_BASE);
    ck_assert_uint_lt(a1, FB);
    uint32_t magic = tu_read32(m, a1);
    ck_assert_uint_eq(fdt32_to_cpu(magic), FDT_MAGIC);
    emu_machine_free(m);
}
END_TEST

/* ---- screenshots ---- */

static void pattern(emu_machine *m, const emu_display *d)
{
    put_pixel(m, d->stride, 0, 0, 0xff0000);
    put_pixel(m, d->stride, 1, 0, 0x00ff00);
    put_pixel(m, d->stride, 2, 0, 0x0000ff);
    put_pixel(m, d->stride, d->width - 1, d->height - 1, 0x123456);
}

START_TEST(test_display_save_ppm_is_p6_rgb)
{
    emu_machine *m = virt_display("width=320,height=240");
    emu_display d;
    ck_assert_int_eq(emu_display_get(m, &d), EMU_OK);
    pattern(m, &d);
    char *path = temp_name(".ppm");
    ck_assert_int_eq(emu_display_save(m, path), EMU_OK);
    size_t len;
    uint8_t *buf = slurp(path, &len);
    const char *hdr = "P6\n320 240\n255\n";
    size_t h = strlen(hdr);
    ck_assert_uint_eq(len, h + 320 * 240 * 3);
    ck_assert_int_eq(memcmp(buf, hdr, h), 0);
    const uint8_t *px = buf + h;
    static const uint8_t first[9] = {0xff, 0, 0, 0, 0xff, 0, 0, 0, 0xff};
    ck_assert_int_eq(memcmp(px, first, 9), 0);
    const uint8_t *last = px + (320 * 240 - 1) * 3;
    ck_assert_uint_eq(last[0], 0x12);
    ck_assert_uint_eq(last[1], 0x34);
    ck_assert_uint_eq(last[2], 0x56);
    free(buf);
    unlink(path);
    free(path);
    emu_machine_free(m);
}
END_TEST

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           p[3];
}

START_TEST(test_display_save_png_decodes_with_valid_crcs)
{
    emu_machine *m = virt_display("width=320,height=200");
    emu_display d;
    ck_assert_int_eq(emu_display_get(m, &d), EMU_OK);
    pattern(m, &d);
    char *path = temp_name(".png");
    ck_assert_int_eq(emu_display_save(m, path), EMU_OK);
    size_t len;
    uint8_t *buf = slurp(path, &len);
    static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    ck_assert_int_eq(memcmp(buf, sig, 8), 0);

    /* walk the chunks: every CRC must match, IHDR first, IEND last */
    size_t off = 8, idat_len = 0;
    uint8_t *idat = malloc(len);
    int nchunks = 0;
    bool iend = false;
    uint32_t w = 0, h = 0;
    while (off + 12 <= len && !iend) {
        uint32_t clen = be32(buf + off);
        ck_assert_uint_le(off + 12 + clen, len);
        const uint8_t *type = buf + off + 4, *data = buf + off + 8;
        uint32_t crc = (uint32_t)crc32(crc32(0, type, 4), data, clen);
        ck_assert_uint_eq(crc, be32(data + clen));
        if (nchunks == 0) {
            ck_assert_int_eq(memcmp(type, "IHDR", 4), 0);
            ck_assert_uint_eq(clen, 13);
            w = be32(data);
            h = be32(data + 4);
            ck_assert_uint_eq(data[8], 8);  /* bit depth */
            ck_assert_uint_eq(data[9], 2);  /* truecolour */
            ck_assert_uint_eq(data[12], 0); /* not interlaced */
        } else if (!memcmp(type, "IDAT", 4)) {
            memcpy(idat + idat_len, data, clen);
            idat_len += clen;
        } else if (!memcmp(type, "IEND", 4)) {
            iend = true;
        }
        off += 12 + clen;
        nchunks++;
    }
    ck_assert(iend);
    ck_assert_uint_eq(off, len);
    ck_assert_uint_eq(w, 320);
    ck_assert_uint_eq(h, 200);

    uLongf rawlen = (uLongf)(1 + w * 3) * h;
    uint8_t *raw = malloc(rawlen);
    uLongf got = rawlen;
    ck_assert_int_eq(uncompress(raw, &got, idat, (uLong)idat_len), Z_OK);
    ck_assert_uint_eq(got, rawlen);
    for (uint32_t y = 0; y < h; y++)
        ck_assert_uint_eq(raw[y * (1 + w * 3)], 0); /* filter: none */
    static const uint8_t first[9] = {0xff, 0, 0, 0, 0xff, 0, 0, 0, 0xff};
    ck_assert_int_eq(memcmp(raw + 1, first, 9), 0);
    const uint8_t *last = raw + (h - 1) * (1 + w * 3) + 1 + (w - 1) * 3;
    ck_assert_uint_eq(last[0], 0x12);
    ck_assert_uint_eq(last[1], 0x34);
    ck_assert_uint_eq(last[2], 0x56);
    free(raw);
    free(idat);
    free(buf);
    unlink(path);
    free(path);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_display_save_to_unwritable_path_fails_with_io)
{
    emu_machine *m = virt_display(NULL);
    ck_assert_int_eq(emu_display_save(m, "/nonexistent-dir/shot.png"),
                     EMU_ERR_IO);
    ck_assert_ptr_nonnull(
        strstr(emu_last_error(m), "/nonexistent-dir/shot.png"));
    emu_machine_free(m);
}
END_TEST

static Suite *display_suite(void)
{
    Suite *s = suite_create("display");
    TCase *tc = tcase_create("display");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_display_dt_node_is_a_simple_framebuffer_after_ram);
    tcase_add_test(tc, test_display_defaults_to_1024x768);
    tcase_add_test(tc, test_display_without_one_has_no_node_and_get_fails);
    tcase_add_test(tc, test_display_bad_options_are_refused);
    tcase_add_test(tc, test_display_after_boot_is_refused);
    tcase_add_test(tc, test_display_guest_stores_reach_the_pixels);
    tcase_add_test(tc, test_display_boot_keeps_the_device_tree_in_ram);
    tcase_add_test(tc, test_display_save_ppm_is_p6_rgb);
    tcase_add_test(tc, test_display_save_png_decodes_with_valid_crcs);
    tcase_add_test(tc, test_display_save_to_unwritable_path_fails_with_io);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(display_suite());
}
