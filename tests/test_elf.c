/*
 * The ELF loader on valid and malformed images built in memory. Every
 * failure must return the documented status, leave a message, and leave
 * guest RAM, the pc and the symbol table as they were.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#define RAM_END (TU_RAM_BASE + TU_RAM_SIZE)
#define SENTINEL 0xa5
#define ENTRY (TU_RAM_BASE + 0x100)
#define TOHOST (TU_RAM_BASE + 0x1000)
#define FROMHOST (TU_RAM_BASE + 0x1040)

typedef struct seg_spec {
    uint32_t type;
    uint64_t paddr, filesz, memsz;
    bool set_offset; /* use `offset` instead of the real file offset */
    uint64_t offset;
} seg_spec;

typedef struct elf_spec {
    unsigned cls;     /* 32 or 64 */
    uint16_t machine; /* EM_RISCV unless set */
    uint16_t type;    /* ET_EXEC unless set */
    uint8_t data;     /* ELFDATA2LSB unless set */
    unsigned nseg;
    seg_spec seg[4];
    bool set_phnum;
    uint16_t phnum;
} elf_spec;

static const char strtab[] = "\0_start\0tohost\0fromhost\0";
static const char shstrtab[] = "\0.symtab\0.strtab\0.shstrtab\0";

/* Segment i's file bytes are i + 1, i + 2, ... so a test can check them. */
static uint8_t seg_byte(unsigned i, uint64_t k) { return (uint8_t)(i * 16 + 1 + k); }

#define ALIGN16(x) (((x) + 15) & ~(size_t)15)

#define DEFINE_BUILDER(B)                                                      \
static uint8_t *build_elf##B(const elf_spec *sp, size_t *size)                 \
{                                                                              \
    size_t phoff = sizeof(Elf##B##_Ehdr);                                      \
    size_t off = ALIGN16(phoff + sp->nseg * sizeof(Elf##B##_Phdr));            \
    size_t data_off[4];                                                        \
    for (unsigned i = 0; i < sp->nseg; i++) {                                  \
        data_off[i] = off;                                                     \
        if (!sp->seg[i].set_offset)                                            \
            off = ALIGN16(off + sp->seg[i].filesz);                            \
    }                                                                          \
    size_t sym_off = off;                                                      \
    off += 4 * sizeof(Elf##B##_Sym);                                           \
    size_t str_off = off;                                                      \
    off += sizeof(strtab);                                                     \
    size_t shstr_off = off;                                                    \
    off = ALIGN16(off + sizeof(shstrtab));                                     \
    size_t sh_off = off;                                                       \
    off += 4 * sizeof(Elf##B##_Shdr);                                          \
    uint8_t *img = calloc(1, off);                                             \
    ck_assert_ptr_nonnull(img);                                                \
                                                                               \
    Elf##B##_Ehdr *eh = (Elf##B##_Ehdr *)img;                                  \
    memcpy(eh->e_ident, ELFMAG, SELFMAG);                                      \
    eh->e_ident[EI_CLASS] = B == 32 ? ELFCLASS32 : ELFCLASS64;                 \
    eh->e_ident[EI_DATA] = sp->data ? sp->data : ELFDATA2LSB;                  \
    eh->e_ident[EI_VERSION] = EV_CURRENT;                                      \
    eh->e_type = sp->type ? sp->type : ET_EXEC;                                \
    eh->e_machine = sp->machine ? sp->machine : EM_RISCV;                      \
    eh->e_version = EV_CURRENT;                                                \
    eh->e_entry = ENTRY;                                                       \
    eh->e_phoff = phoff;                                                       \
    eh->e_shoff = sh_off;                                                      \
    eh->e_ehsize = sizeof(Elf##B##_Ehdr);                                      \
    eh->e_phentsize = sizeof(Elf##B##_Phdr);                                   \
    eh->e_phnum = sp->set_phnum ? sp->phnum : (uint16_t)sp->nseg;              \
    eh->e_shentsize = sizeof(Elf##B##_Shdr);                                   \
    eh->e_shnum = 4;                                                           \
    eh->e_shstrndx = 3;                                                        \
                                                                               \
    Elf##B##_Phdr *ph = (Elf##B##_Phdr *)(img + phoff);                        \
    for (unsigned i = 0; i < sp->nseg; i++) {                                  \
        const seg_spec *s = &sp->seg[i];                                       \
        ph[i].p_type = s->type ? s->type : PT_LOAD;                            \
        ph[i].p_flags = PF_R | PF_W | PF_X;                                    \
        ph[i].p_offset = s->set_offset ? s->offset : data_off[i];              \
        ph[i].p_vaddr = s->paddr;                                              \
        ph[i].p_paddr = s->paddr;                                              \
        ph[i].p_filesz = s->filesz;                                            \
        ph[i].p_memsz = s->memsz;                                              \
        ph[i].p_align = 16;                                                    \
        if (!s->set_offset)                                                    \
            for (uint64_t k = 0; k < s->filesz; k++)                           \
                img[data_off[i] + k] = seg_byte(i, k);                         \
    }                                                                          \
                                                                               \
    Elf##B##_Sym *sym = (Elf##B##_Sym *)(img + sym_off);                       \
    static const uint64_t vals[4] = {0, ENTRY, TOHOST, FROMHOST};              \
    static const uint32_t names[4] = {0, 1, 8, 15};                            \
    for (unsigned i = 1; i < 4; i++) {                                         \
        sym[i].st_name = names[i];                                             \
        sym[i].st_value = vals[i];                                             \
        sym[i].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE);                \
        sym[i].st_shndx = SHN_ABS;                                             \
    }                                                                          \
    memcpy(img + str_off, strtab, sizeof(strtab));                             \
    memcpy(img + shstr_off, shstrtab, sizeof(shstrtab));                       \
                                                                               \
    Elf##B##_Shdr *sh = (Elf##B##_Shdr *)(img + sh_off);                       \
    sh[1].sh_name = 1;                                                         \
    sh[1].sh_type = SHT_SYMTAB;                                                \
    sh[1].sh_offset = sym_off;                                                 \
    sh[1].sh_size = 4 * sizeof(Elf##B##_Sym);                                  \
    sh[1].sh_link = 2;                                                         \
    sh[1].sh_info = 1;                                                         \
    sh[1].sh_entsize = sizeof(Elf##B##_Sym);                                   \
    sh[1].sh_addralign = 8;                                                    \
    sh[2].sh_name = 9;                                                         \
    sh[2].sh_type = SHT_STRTAB;                                                \
    sh[2].sh_offset = str_off;                                                 \
    sh[2].sh_size = sizeof(strtab);                                            \
    sh[2].sh_addralign = 1;                                                    \
    sh[3].sh_name = 17;                                                        \
    sh[3].sh_type = SHT_STRTAB;                                                \
    sh[3].sh_offset = shstr_off;                                               \
    sh[3].sh_size = sizeof(shstrtab);                                          \
    sh[3].sh_addralign = 1;                                                    \
    *size = off;                                                               \
    return img;                                                                \
}

DEFINE_BUILDER(32)
DEFINE_BUILDER(64)

static uint8_t *build_elf(const elf_spec *sp, size_t *size)
{
    return sp->cls == 32 ? build_elf32(sp, size) : build_elf64(sp, size);
}

/* One loadable segment: 64 file bytes at RAM + 0x100, 256 bytes in memory. */
static elf_spec simple(unsigned cls)
{
    elf_spec sp;
    memset(&sp, 0, sizeof(sp));
    sp.cls = cls;
    sp.nseg = 1;
    sp.seg[0] = (seg_spec){PT_LOAD, TU_RAM_BASE + 0x100, 64, 256, false, 0};
    return sp;
}

/* Fill the first 64 KiB of RAM with the sentinel byte. */
static void fill_ram(emu_machine *m)
{
    static uint8_t buf[0x10000];
    memset(buf, SENTINEL, sizeof(buf));
    ck_assert_int_eq(emu_mem_write(m, TU_RAM_BASE, buf, sizeof(buf)), EMU_OK);
}

static void check_ram_untouched(emu_machine *m)
{
    static uint8_t buf[0x10000];
    ck_assert_int_eq(emu_mem_read(m, TU_RAM_BASE, buf, sizeof(buf)), EMU_OK);
    size_t i = 0;
    while (i < sizeof(buf) && buf[i] == SENTINEL)
        i++;
    ck_assert_msg(i == sizeof(buf), "RAM byte 0x%zx changed to 0x%02x", i,
                  i < sizeof(buf) ? buf[i] : 0);
}

/* Load img into a fresh machine (of the image's class unless xlen is
 * given) and expect status st; on failure everything must be unchanged. */
static void expect_load(unsigned xlen, const void *img, size_t size,
                        emu_status st, const char *msg_part)
{
    emu_machine *m = tu_machine(xlen);
    fill_ram(m);
    uint64_t entry = 0x1234;
    emu_status got = emu_load_elf_mem(m, img, size, &entry);
    ck_assert_msg(got == st, "status %d (%s), expected %d; message '%s'", got,
                  emu_status_str(got), st, emu_last_error(m));
    if (st != EMU_OK) {
        const char *msg = emu_last_error(m);
        ck_assert_msg(msg[0] != '\0', "no error message");
        if (msg_part)
            ck_assert_msg(strstr(msg, msg_part) != NULL,
                          "message '%s' lacks '%s'", msg, msg_part);
        check_ram_untouched(m);
        ck_assert_uint_eq(tu_reg(m, "pc"), TU_RAM_BASE);
        ck_assert_int_eq(emu_symbol_lookup(m, "tohost", NULL), EMU_ERR_NOT_FOUND);
        ck_assert_uint_eq(entry, 0x1234);
    }
    emu_machine_free(m);
}

static void expect_spec(const elf_spec *sp, unsigned xlen, emu_status st,
                        const char *msg_part)
{
    size_t size;
    uint8_t *img = build_elf(sp, &size);
    expect_load(xlen ? xlen : sp->cls, img, size, st, msg_part);
    free(img);
}

/* ---- valid files ---- */

static void check_valid_load(unsigned cls)
{
    elf_spec sp = simple(cls);
    size_t size;
    uint8_t *img = build_elf(&sp, &size);
    emu_machine *m = tu_machine(cls);
    fill_ram(m);
    uint64_t entry = 0;
    ck_assert_int_eq(emu_load_elf_mem(m, img, size, &entry), EMU_OK);
    ck_assert_uint_eq(entry, ENTRY);
    ck_assert_uint_eq(tu_reg(m, "pc"), ENTRY);
    uint8_t buf[0x200];
    ck_assert_int_eq(emu_mem_read(m, TU_RAM_BASE, buf, sizeof(buf)), EMU_OK);
    for (unsigned k = 0; k < 0x100; k++)
        ck_assert_uint_eq(buf[k], SENTINEL); /* below the segment */
    for (unsigned k = 0; k < 64; k++)
        ck_assert_uint_eq(buf[0x100 + k], seg_byte(0, k));
    for (unsigned k = 64; k < 256; k++)
        ck_assert_msg(buf[0x100 + k] == 0, "bss byte %u is 0x%02x", k,
                      buf[0x100 + k]);
    /* the byte after p_memsz is not touched */
    uint8_t after;
    ck_assert_int_eq(emu_mem_read(m, TU_RAM_BASE + 0x200, &after, 1), EMU_OK);
    ck_assert_uint_eq(after, SENTINEL);
    uint64_t a = 0;
    ck_assert_int_eq(emu_symbol_lookup(m, "tohost", &a), EMU_OK);
    ck_assert_uint_eq(a, TOHOST);
    ck_assert_int_eq(emu_symbol_lookup(m, "fromhost", &a), EMU_OK);
    ck_assert_uint_eq(a, FROMHOST);
    ck_assert_int_eq(emu_symbol_lookup(m, "_start", &a), EMU_OK);
    ck_assert_uint_eq(a, ENTRY);
    ck_assert_int_eq(emu_symbol_lookup(m, "nosuch", &a), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_symbol_lookup(m, "", &a), EMU_ERR_NOT_FOUND);
    emu_machine_free(m);
    free(img);
}

START_TEST(test_valid_elf64_loads_segments_and_zero_fills_bss)
{
    check_valid_load(64);
}
END_TEST

START_TEST(test_valid_elf32_loads_segments_and_zero_fills_bss)
{
    check_valid_load(32);
}
END_TEST

START_TEST(test_two_segments_and_ignored_non_load_headers)
{
    elf_spec sp = simple(64);
    sp.nseg = 3;
    sp.seg[1] = (seg_spec){PT_NOTE, TU_RAM_BASE + 0x100, 8, 8, false, 0};
    sp.seg[2] = (seg_spec){PT_LOAD, RAM_END - 32, 16, 32, false, 0};
    size_t size;
    uint8_t *img = build_elf(&sp, &size);
    emu_machine *m = tu_machine(64);
    ck_assert_int_eq(emu_load_elf_mem(m, img, size, NULL), EMU_OK);
    uint8_t b[32];
    ck_assert_int_eq(emu_mem_read(m, RAM_END - 32, b, 32), EMU_OK);
    ck_assert_uint_eq(b[0], seg_byte(2, 0));
    ck_assert_uint_eq(b[15], seg_byte(2, 15));
    ck_assert_uint_eq(b[31], 0);
    ck_assert_uint_eq(tu_read32(m, TU_RAM_BASE + 0x100) & 0xff, seg_byte(0, 0));
    emu_machine_free(m);
    free(img);
}
END_TEST

/* ---- malformed input ---- */

START_TEST(test_not_elf_bytes_rejected)
{
    static const char junk[] = "#!/bin/sh\necho this is not an ELF file at all\n";
    expect_load(64, junk, sizeof(junk), EMU_ERR_FORMAT, "not an ELF");
    static const uint8_t almost[64] = {0x7f, 'E', 'L', 'G'};
    expect_load(64, almost, sizeof(almost), EMU_ERR_FORMAT, "not an ELF");
}
END_TEST

START_TEST(test_empty_input_rejected)
{
    static const uint8_t nothing[1] = {0};
    expect_load(64, nothing, 0, EMU_ERR_FORMAT, NULL);
    /* regression: a NULL, empty image once reached memcpy(copy, NULL, 0),
     * which UBSan reports as undefined */
    expect_load(64, NULL, 0, EMU_ERR_FORMAT, NULL);
}
END_TEST

START_TEST(test_truncated_header_rejected)
{
    elf_spec sp = simple(64);
    size_t size;
    uint8_t *img = build_elf(&sp, &size);
    expect_load(64, img, 4, EMU_ERR_FORMAT, NULL);   /* magic only */
    expect_load(64, img, 20, EMU_ERR_FORMAT, NULL);  /* inside e_ident+ */
    expect_load(64, img, 63, EMU_ERR_FORMAT, NULL);  /* one byte short */
    /* header complete, program headers cut off */
    expect_load(64, img, sizeof(Elf64_Ehdr) + 10, EMU_ERR_FORMAT, NULL);
    free(img);
}
END_TEST

START_TEST(test_wrong_class_for_machine_rejected)
{
    elf_spec sp = simple(32);
    expect_spec(&sp, 64, EMU_ERR_FORMAT, "RV64");
    sp = simple(64);
    expect_spec(&sp, 32, EMU_ERR_FORMAT, "RV32");
}
END_TEST

START_TEST(test_wrong_machine_rejected)
{
    elf_spec sp = simple(64);
    sp.machine = EM_X86_64;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, "62");
    sp = simple(32);
    sp.machine = EM_386;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
}
END_TEST

START_TEST(test_big_endian_rejected)
{
    elf_spec sp = simple(64);
    sp.data = ELFDATA2MSB;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
    sp = simple(32);
    sp.data = ELFDATA2MSB;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
}
END_TEST

START_TEST(test_dyn_and_rel_types_rejected)
{
    elf_spec sp = simple(64);
    sp.type = ET_DYN;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, "executable");
    sp.type = ET_REL;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, "executable");
    sp.type = ET_CORE;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
}
END_TEST

START_TEST(test_segment_outside_ram_rejected)
{
    elf_spec sp = simple(64);
    sp.seg[0].paddr = 0x1000; /* below RAM */
    expect_spec(&sp, 0, EMU_ERR_RANGE, "outside RAM");
    sp.seg[0].paddr = RAM_END - 128; /* 256 bytes: runs off the end */
    expect_spec(&sp, 0, EMU_ERR_RANGE, "outside RAM");
    sp.seg[0].paddr = RAM_END;
    expect_spec(&sp, 0, EMU_ERR_RANGE, NULL);
    sp = simple(32);
    sp.seg[0].paddr = 0x10000000;
    expect_spec(&sp, 0, EMU_ERR_RANGE, NULL);
}
END_TEST

START_TEST(test_segment_wrapping_around_address_space_rejected)
{
    elf_spec sp = simple(64);
    sp.seg[0].paddr = 0xfffffffffffffff0ull;
    sp.seg[0].memsz = 0x20;
    sp.seg[0].filesz = 0x10;
    expect_spec(&sp, 0, EMU_ERR_RANGE, NULL);
    /* starts in RAM, p_memsz large enough that the end wraps into RAM */
    sp = simple(64);
    sp.seg[0].memsz = 0ull - 0x100;
    expect_spec(&sp, 0, EMU_ERR_RANGE, NULL);
    sp = simple(32);
    sp.seg[0].paddr = 0xfffffff0u;
    sp.seg[0].memsz = 0x80000020u;
    sp.seg[0].filesz = 0x10;
    expect_spec(&sp, 0, EMU_ERR_RANGE, NULL);
}
END_TEST

START_TEST(test_filesz_larger_than_memsz_rejected)
{
    elf_spec sp = simple(64);
    sp.seg[0].filesz = 64;
    sp.seg[0].memsz = 32;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
}
END_TEST

START_TEST(test_segment_offset_beyond_file_rejected)
{
    elf_spec sp = simple(64);
    sp.seg[0].set_offset = true;
    sp.seg[0].offset = 0x100000;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, "truncated");
    /* offset + filesz overflows */
    sp.seg[0].offset = UINT64_MAX - 8;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
    /* offset inside, but file bytes run past the end */
    sp.seg[0].offset = 0x40;
    sp.seg[0].filesz = 0x10000;
    sp.seg[0].memsz = 0x10000;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
}
END_TEST

START_TEST(test_overlapping_segments_rejected)
{
    elf_spec sp = simple(64);
    sp.nseg = 2;
    sp.seg[1] = (seg_spec){PT_LOAD, TU_RAM_BASE + 0x1f0, 16, 16, false, 0};
    expect_spec(&sp, 0, EMU_ERR_FORMAT, "overlaps");
    /* the second contains the first */
    sp.seg[1] = (seg_spec){PT_LOAD, TU_RAM_BASE, 16, 0x1000, false, 0};
    expect_spec(&sp, 0, EMU_ERR_FORMAT, "overlaps");
    /* adjacent is fine */
    sp.seg[1] = (seg_spec){PT_LOAD, TU_RAM_BASE + 0x200, 16, 16, false, 0};
    expect_spec(&sp, 0, EMU_OK, NULL);
}
END_TEST

START_TEST(test_no_loadable_segment_rejected)
{
    elf_spec sp = simple(64);
    sp.seg[0].type = PT_NOTE;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, "no loadable");
    sp = simple(64);
    sp.seg[0].filesz = 0;
    sp.seg[0].memsz = 0; /* an empty PT_LOAD loads nothing */
    expect_spec(&sp, 0, EMU_ERR_FORMAT, "no loadable");
    sp = simple(64);
    sp.nseg = 0;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
}
END_TEST

START_TEST(test_absurd_phnum_rejected)
{
    /* e_phnum claims 60000 headers in a file of a few hundred bytes: the
     * program header table is truncated */
    elf_spec sp = simple(64);
    sp.set_phnum = true;
    sp.phnum = 60000;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
    sp.phnum = 0xffff; /* PN_XNUM: the count would be in section 0 */
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
    sp = simple(32);
    sp.set_phnum = true;
    sp.phnum = 5000;
    expect_spec(&sp, 0, EMU_ERR_FORMAT, NULL);
}
END_TEST

START_TEST(test_failed_load_keeps_previous_image_symbols)
{
    elf_spec sp = simple(64);
    size_t size;
    uint8_t *img = build_elf(&sp, &size);
    emu_machine *m = tu_machine(64);
    ck_assert_int_eq(emu_load_elf_mem(m, img, size, NULL), EMU_OK);
    sp.machine = EM_X86_64;
    free(img);
    img = build_elf(&sp, &size);
    ck_assert_int_eq(emu_load_elf_mem(m, img, size, NULL), EMU_ERR_FORMAT);
    uint64_t a;
    ck_assert_int_eq(emu_symbol_lookup(m, "tohost", &a), EMU_OK);
    ck_assert_uint_eq(a, TOHOST);
    emu_machine_free(m);
    free(img);
}
END_TEST

START_TEST(test_load_elf_from_file_missing_and_directory)
{
    emu_machine *m = tu_machine(64);
    const char *missing = "/nonexistent/dir/prog.elf";
    ck_assert_int_eq(emu_load_elf(m, missing, NULL), EMU_ERR_IO);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), missing));
    ck_assert_int_eq(emu_load_elf(m, "/tmp", NULL), EMU_ERR_IO);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), "/tmp"));
    ck_assert_int_eq(emu_load_elf(m, NULL, NULL), EMU_ERR_INVALID);

    /* and a real file works */
    elf_spec sp = simple(64);
    size_t size;
    uint8_t *img = build_elf(&sp, &size);
    char path[] = "/tmp/test_elf_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, img, size), (ssize_t)size);
    close(fd);
    uint64_t entry = 0;
    emu_status st = emu_load_elf(m, path, &entry);
    unlink(path);
    ck_assert_int_eq(st, EMU_OK);
    ck_assert_uint_eq(entry, ENTRY);
    emu_machine_free(m);
    free(img);
}
END_TEST

static Suite *elf_suite(void)
{
    Suite *s = suite_create("elf");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_valid_elf64_loads_segments_and_zero_fills_bss);
    tcase_add_test(tc, test_valid_elf32_loads_segments_and_zero_fills_bss);
    tcase_add_test(tc, test_two_segments_and_ignored_non_load_headers);
    tcase_add_test(tc, test_not_elf_bytes_rejected);
    tcase_add_test(tc, test_empty_input_rejected);
    tcase_add_test(tc, test_truncated_header_rejected);
    tcase_add_test(tc, test_wrong_class_for_machine_rejected);
    tcase_add_test(tc, test_wrong_machine_rejected);
    tcase_add_test(tc, test_big_endian_rejected);
    tcase_add_test(tc, test_dyn_and_rel_types_rejected);
    tcase_add_test(tc, test_segment_outside_ram_rejected);
    tcase_add_test(tc, test_segment_wrapping_around_address_space_rejected);
    tcase_add_test(tc, test_filesz_larger_than_memsz_rejected);
    tcase_add_test(tc, test_segment_offset_beyond_file_rejected);
    tcase_add_test(tc, test_overlapping_segments_rejected);
    tcase_add_test(tc, test_no_loadable_segment_rejected);
    tcase_add_test(tc, test_absurd_phnum_rejected);
    tcase_add_test(tc, test_failed_load_keeps_previous_image_symbols);
    tcase_add_test(tc, test_load_elf_from_file_missing_and_directory);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(elf_suite()); }
