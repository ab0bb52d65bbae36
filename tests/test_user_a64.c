/*
 * User-mode emulation of aarch64 programs (src/user/arch_arm64.c and the
 * AArch64 machine): the exits SVC and faults give, the registers by name
 * and number, the GDB stub's AArch64 description and 128-bit V registers,
 * and what an AArch64 machine refuses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpu/arm64/a64_cpu.h"
#include "libemu/debug.h"
#include "libemu/gdbstub.h"
#include "testutil.h"
#include "user/user.h"

#define CODE_VA 0x10000ull
#define DATA_VA 0x20000ull

static emu_machine *a64_machine(void)
{
    emu_config cfg = emu_config_default(EMU_ARCH_ARM64);
    cfg.ram_size = 64ull << 20;
    emu_machine *m;
    char err[256];
    ck_assert_int_eq(emu_user_new(&cfg, NULL, &m, err, sizeof(err)), EMU_OK);
    ck_assert_int_eq(emu_machine_arch(m), EMU_ARCH_ARM64);
    return m;
}

/* getpid through SVC, then a load through x0, then a load from NULL. */
static emu_machine *tiny_program(void)
{
    emu_machine *m = a64_machine();
    user_proc *p = m->user;
    const uint32_t code[] = {
        0xd2801588, /* mov x8, #172 */
        0xd4000001, /* svc #0 */
        0xf9400001, /* ldr x1, [x0] */
        0xd2800003, /* mov x3, #0 */
        0xf9400062, /* ldr x2, [x3] */
        0x14000000, /* b . */
    };
    ck_assert(user_map_fixed(p, CODE_VA, USER_PAGE, UP_READ | UP_EXEC));
    ck_assert(user_copy_out(p, CODE_VA, code, sizeof(code), 0));
    ck_assert(user_map_fixed(p, DATA_VA, USER_PAGE, UP_READ | UP_WRITE));
    user_mem_activate(p);
    ck_assert_int_eq(emu_reg_write_num(m, 0, EMU_REG_PC, CODE_VA), EMU_OK);
    return m;
}

static uint64_t reg(emu_machine *m, const char *name)
{
    uint64_t v;
    ck_assert_int_eq(emu_reg_read(m, 0, name, &v), EMU_OK);
    return v;
}

START_TEST(test_svc_and_faults_exit_to_the_caller)
{
    emu_machine *m = tiny_program();
    emu_exit ex;
    ck_assert_int_eq(emu_run(m, 100, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_SYSCALL);
    ck_assert_int_eq(ex.code, 172);
    ck_assert_uint_eq(ex.pc, CODE_VA + 4); /* on the svc */
    ck_assert_int_eq(emu_user_handle(m, &ex), EMU_OK);
    ck_assert_uint_eq(reg(m, "x0"), (uint64_t)getpid());
    ck_assert_uint_eq(reg(m, "pc"), CODE_VA + 8);
    /* the pid as an address: a data abort, reported with its syndrome */
    ck_assert_int_eq(emu_run(m, 100, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_EXCEPTION);
    ck_assert_uint_eq((uint32_t)ex.code >> 26, A64_EC_DABORT);
    ck_assert_uint_eq(ex.addr, (uint64_t)getpid());
    ck_assert_uint_eq(ex.pc, CODE_VA + 8);
    ck_assert_int_eq(emu_user_exception_signal(m, &ex), 11);
    /* a tool handles it its own way: x0 to mapped memory, and on */
    ck_assert_int_eq(emu_reg_write(m, 0, "x0", DATA_VA), EMU_OK);
    ck_assert_int_eq(emu_run(m, 100, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_EXCEPTION); /* NULL */
    ck_assert_uint_eq(ex.pc, CODE_VA + 16);
    ck_assert_uint_eq(ex.addr, 0);
    /* the built-in handling: SIGSEGV, no handler, killed */
    ck_assert_int_eq(emu_user_handle(m, &ex), EMU_OK);
    ck_assert_int_eq(emu_run(m, 100, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(ex.code, 128 + 11);
    ck_assert_int_eq(emu_user_exit_signal(m), 11);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_registers_by_name_and_number)
{
    emu_machine *m = tiny_program();
    unsigned n;
    ck_assert_int_eq(emu_reg_lookup(m, "x30", &n), EMU_OK);
    ck_assert_uint_eq(n, 30);
    ck_assert_int_eq(emu_reg_lookup(m, "lr", &n), EMU_OK);
    ck_assert_uint_eq(n, 30);
    ck_assert_int_eq(emu_reg_lookup(m, "sp", &n), EMU_OK);
    ck_assert_uint_eq(n, EMU_REG_A64_SP);
    ck_assert_int_eq(emu_reg_lookup(m, "v7.hi", &n), EMU_OK);
    ck_assert_uint_eq(n, EMU_REG_A64_V0 + 15);
    ck_assert_int_eq(emu_reg_lookup(m, "a0", &n), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_reg_lookup(m, "x31", &n), EMU_ERR_NOT_FOUND);
    char name[16];
    ck_assert_int_eq(emu_reg_name(m, EMU_REG_A64_V0 + 15, name, sizeof(name)),
                     EMU_OK);
    ck_assert_str_eq(name, "v7.hi");
    ck_assert_int_eq(emu_reg_name(m, 31, name, sizeof(name)), EMU_OK);
    ck_assert_str_eq(name, "sp");
    /* FPCR keeps only the bits an Armv8.0 core has; NZCV only its four */
    ck_assert_int_eq(emu_reg_write(m, 0, "fpcr", UINT64_MAX), EMU_OK);
    ck_assert_uint_eq(reg(m, "fpcr"), A64_FPCR_MASK);
    ck_assert_int_eq(emu_reg_write(m, 0, "cpsr", UINT64_MAX), EMU_OK);
    ck_assert_uint_eq(reg(m, "nzcv"), 0xf0000000u);
    ck_assert_uint_eq(emu_hart_count(m), 1);
    ck_assert_int_eq(emu_reg_read_num(m, 1, 0, &(uint64_t){0}),
                     EMU_ERR_INVALID);
    emu_machine_free(m);
}
END_TEST

/* What an AArch64 machine cannot do yet says so instead of misbehaving. */
START_TEST(test_unsupported_features_are_refused)
{
    emu_machine *m = tiny_program();
    ck_assert_int_eq(emu_watchpoint_add(m, DATA_VA, 8, EMU_WATCH_WRITE),
                     EMU_ERR_UNSUPPORTED);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), "AArch64"));
    ck_assert_int_eq(emu_history_enable(m, NULL), EMU_ERR_UNSUPPORTED);
    emu_config cfg = emu_config_default(EMU_ARCH_ARM64);
    emu_machine *sys;
    char err[256];
    ck_assert_int_eq(emu_machine_new(&cfg, &sys, err, sizeof(err)),
                     EMU_ERR_UNSUPPORTED);
    ck_assert_ptr_nonnull(strstr(err, "user-mode"));
    emu_machine_free(m);
}
END_TEST

/* ---- the GDB stub ---- */

typedef struct wire {
    char out[1 << 16];
    size_t len;
} wire;

static void on_send(void *ctx, const void *buf, size_t len)
{
    wire *w = ctx;
    ck_assert_uint_le(w->len + len, sizeof(w->out) - 1);
    memcpy(w->out + w->len, buf, len);
    w->len += len;
    w->out[w->len] = 0;
}

/* Send one packet and return the payload of the reply. */
static const char *ask(emu_gdb *g, wire *w, const char *payload)
{
    char f[600];
    unsigned sum = 0;
    for (const char *c = payload; *c; c++)
        sum += (unsigned char)*c;
    snprintf(f, sizeof(f), "$%s#%02x", payload, sum & 0xff);
    w->len = 0;
    emu_gdb_input(g, f, strlen(f));
    char *s = strchr(w->out, '$'), *e = s ? strrchr(s, '#') : NULL;
    ck_assert_ptr_nonnull(e);
    *e = 0;
    return s + 1;
}

START_TEST(test_gdb_describes_aarch64_and_its_v_registers)
{
    emu_machine *m = tiny_program();
    wire *w = calloc(1, sizeof(*w));
    emu_gdb *g;
    ck_assert_int_eq(emu_gdb_new(m, on_send, w, &g), EMU_OK);
    const char *t = ask(g, w, "qXfer:features:read:target.xml:0,1000");
    ck_assert_ptr_nonnull(strstr(t, "<architecture>aarch64</architecture>"));
    ck_assert_ptr_nonnull(strstr(t, "aarch64-fpu.xml"));
    t = ask(g, w, "qXfer:features:read:aarch64-core.xml:0,1000");
    ck_assert_ptr_nonnull(strstr(t, "org.gnu.gdb.aarch64.core"));
    ck_assert_ptr_nonnull(strstr(t, "name=\"cpsr\" bitsize=\"32\""));
    t = ask(g, w, "qXfer:features:read:aarch64-fpu.xml:0,4000");
    ck_assert_ptr_nonnull(strstr(t, "org.gnu.gdb.aarch64.fpu"));
    ck_assert_ptr_nonnull(strstr(t, "name=\"v31\" bitsize=\"128\""));
    /* g: x0..x30, sp, pc (8 bytes), cpsr (4), v0..v31 (16), fpsr, fpcr */
    const char *regs = ask(g, w, "g");
    ck_assert_uint_eq(strlen(regs), 2 * (33 * 8 + 4 + 32 * 16 + 4 + 4));
    /* pc is GDB's register 32, little-endian */
    ck_assert_str_eq(ask(g, w, "p20"), "0000010000000000");
    /* v1 (GDB 35) written whole: both halves land */
    ck_assert_str_eq(ask(g, w, "P23=00112233445566778899aabbccddeeff"), "OK");
    uint64_t lo, hi;
    ck_assert_int_eq(emu_reg_read(m, 0, "v1", &lo), EMU_OK);
    ck_assert_int_eq(emu_reg_read(m, 0, "v1.hi", &hi), EMU_OK);
    ck_assert_uint_eq(lo, 0x7766554433221100ull);
    ck_assert_uint_eq(hi, 0xffeeddccbbaa9988ull);
    ck_assert_str_eq(ask(g, w, "p23"), "00112233445566778899aabbccddeeff");
    /* a short value for a 128-bit register is refused */
    ck_assert_str_eq(ask(g, w, "P23=0011"), "E01");
    ck_assert_str_eq(ask(g, w, "p44"), "E01"); /* no register 68 */
    /* memory by virtual address, through the process's mappings */
    ck_assert_str_eq(ask(g, w, "m10000,4"), "881580d2");
    emu_gdb_free(g);
    free(w);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_program_arch_comes_from_the_elf_header)
{
    char path[] = "/tmp/emu-a64-archXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    unsigned char h[64] = {0x7f, 'E', 'L', 'F', 2, 1, 1};
    h[18] = 183; /* EM_AARCH64 */
    ck_assert_int_eq(write(fd, h, sizeof(h)), (int)sizeof(h));
    emu_arch a;
    ck_assert_int_eq(emu_user_program_arch(path, &a), EMU_OK);
    ck_assert_int_eq(a, EMU_ARCH_ARM64);
    h[18] = 243; /* EM_RISCV */
    ck_assert_int_eq(pwrite(fd, h, sizeof(h), 0), (int)sizeof(h));
    ck_assert_int_eq(emu_user_program_arch(path, &a), EMU_OK);
    ck_assert_int_eq(a, EMU_ARCH_RISCV64);
    h[18] = 62; /* EM_X86_64 */
    ck_assert_int_eq(pwrite(fd, h, sizeof(h), 0), (int)sizeof(h));
    ck_assert_int_eq(emu_user_program_arch(path, &a), EMU_ERR_FORMAT);
    h[4] = 1; /* 32-bit */
    h[18] = 183;
    ck_assert_int_eq(pwrite(fd, h, sizeof(h), 0), (int)sizeof(h));
    ck_assert_int_eq(emu_user_program_arch(path, &a), EMU_ERR_FORMAT);
    ck_assert_int_eq(ftruncate(fd, 10), 0);
    ck_assert_int_eq(emu_user_program_arch(path, &a), EMU_ERR_FORMAT);
    close(fd);
    unlink(path);
    ck_assert_int_eq(emu_user_program_arch(path, &a), EMU_ERR_IO);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("user_a64");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_svc_and_faults_exit_to_the_caller);
    tcase_add_test(tc, test_registers_by_name_and_number);
    tcase_add_test(tc, test_unsupported_features_are_refused);
    tcase_add_test(tc, test_gdb_describes_aarch64_and_its_v_registers);
    tcase_add_test(tc, test_program_arch_comes_from_the_elf_header);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(make_suite()); }
