/*
 * Tests for the trace and commit-log formatting of the emu commands
 * (frontends/common/trace.c): every line is compared with the exact text
 * Spike's --log-commits prints for the same instruction, RV32 and RV64.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace.h"

static char buf[1024];

/* A record of one instruction with no effects; callers add them. */
static emu_commit rec(unsigned xlen, uint64_t pc, uint32_t insn)
{
    emu_commit c;
    memset(&c, 0, sizeof(c));
    c.priv = 3;
    c.xlen = xlen;
    c.pc = pc;
    c.insn = insn;
    c.len = (insn & 3) == 3 ? 4 : 2;
    return c;
}

static void add_reg(emu_commit *c, unsigned num, uint64_t v)
{
    c->regs[c->nregs].num = num;
    c->regs[c->nregs++].value = v;
}

static void add_store(emu_commit *c, uint64_t addr, unsigned size, uint64_t v)
{
    c->writes[c->nwrites].addr = addr;
    c->writes[c->nwrites].size = size;
    c->writes[c->nwrites++].value = v;
}

static const char *fmt(const emu_commit *c, unsigned flen)
{
    size_t n = fe_commit_format(c, flen, buf, sizeof(buf));
    ck_assert_uint_eq(n, strlen(buf));
    return buf;
}

START_TEST(test_commit_rv64_x_write)
{
    emu_commit c = rec(64, 0x80000000, 0x00000297); /* auipc t0,0x0 */
    add_reg(&c, EMU_REG_X0 + 5, 0x80000000);
    ck_assert_str_eq(fmt(&c, 64), "core   0: 3 0x0000000080000000 "
                                  "(0x00000297) x5  0x0000000080000000\n");
}
END_TEST

START_TEST(test_commit_rv32_x_write_is_32_bits_wide)
{
    emu_commit c = rec(32, 0x80000000, 0x00000297);
    /* a sign-extended value in the record prints as its low XLEN bits */
    add_reg(&c, EMU_REG_X0 + 5, 0xffffffff80000000ull);
    ck_assert_str_eq(fmt(&c, 64),
                     "core   0: 3 0x80000000 (0x00000297) x5  0x80000000\n");
}
END_TEST

START_TEST(test_commit_two_digit_register_and_hart_and_priv)
{
    emu_commit c = rec(64, 0x80000010, 0x00a00513); /* li a0,10 */
    c.hart = 12;
    c.priv = 1;
    add_reg(&c, EMU_REG_X0 + 10, 10);
    ck_assert_str_eq(fmt(&c, 64), "core  12: 1 0x0000000080000010 "
                                  "(0x00a00513) x10 0x000000000000000a\n");
    c.priv = 0;
    c.hart = 1234;
    ck_assert_str_eq(fmt(&c, 64), "core1234: 0 0x0000000080000010 "
                                  "(0x00a00513) x10 0x000000000000000a\n");
}
END_TEST

START_TEST(test_commit_no_effects_and_x0)
{
    /* fence, and a write to x0 that a record might carry: no register */
    emu_commit c = rec(64, 0x80000004, 0x0ff0000f);
    ck_assert_str_eq(fmt(&c, 64),
                     "core   0: 3 0x0000000080000004 (0x0ff0000f)\n");
    c = rec(32, 0x80000008, 0x00128013); /* addi zero,t0,1 */
    add_reg(&c, EMU_REG_X0, 7);
    ck_assert_str_eq(fmt(&c, 32), "core   0: 3 0x80000008 (0x00128013)\n");
}
END_TEST

START_TEST(test_commit_compressed_prints_four_digits)
{
    emu_commit c = rec(64, 0x80000040, 0x028d); /* c.addi t0,3 */
    add_reg(&c, EMU_REG_X0 + 5, 8);
    ck_assert_str_eq(fmt(&c, 64), "core   0: 3 0x0000000080000040 (0x028d) "
                                  "x5  0x0000000000000008\n");
    c = rec(32, 0x80000042, 0x8516); /* c.mv a0,t0 */
    add_reg(&c, EMU_REG_X0 + 10, 8);
    ck_assert_str_eq(fmt(&c, 32),
                     "core   0: 3 0x80000042 (0x8516) x10 0x00000008\n");
}
END_TEST

START_TEST(test_commit_f_write_is_flen_wide)
{
    /* fmv.w.x fa0,t0: NaN-boxed in a 64-bit register file */
    emu_commit c = rec(64, 0x80000050, 0xf0028553);
    add_reg(&c, EMU_REG_F0 + 10, 0xffffffff3f800000ull);
    ck_assert_str_eq(fmt(&c, 64), "core   0: 3 0x0000000080000050 "
                                  "(0xf0028553) f10 0xffffffff3f800000\n");
    /* F without D: FLEN is 32 */
    c = rec(32, 0x80000050, 0xf0028553);
    add_reg(&c, EMU_REG_F0 + 1, 0xffffffff3f800000ull);
    ck_assert_str_eq(fmt(&c, 32),
                     "core   0: 3 0x80000050 (0xf0028553) f1  0x3f800000\n");
    /* RV32 with D: f registers stay 64 bits wide */
    ck_assert_str_eq(
        fmt(&c, 64),
        "core   0: 3 0x80000050 (0xf0028553) f1  0xffffffff3f800000\n");
}
END_TEST

START_TEST(test_commit_csr_writes_use_number_and_name)
{
    emu_commit c = rec(64, 0x80000020, 0x34029073); /* csrw mscratch,t0 */
    add_reg(&c, EMU_REG_CSR + 0x340, 5);
    ck_assert_str_eq(fmt(&c, 64), "core   0: 3 0x0000000080000020 "
                                  "(0x34029073) c832_mscratch "
                                  "0x0000000000000005\n");
    c = rec(32, 0x80000020, 0x30029073); /* csrw mstatus,t0 */
    add_reg(&c, EMU_REG_CSR + 0x300, 0x80006000);
    ck_assert_str_eq(fmt(&c, 32), "core   0: 3 0x80000020 (0x30029073) "
                                  "c768_mstatus 0x80006000\n");
    /* csrrw a0,0x7c0,t0: a CSR without a name, as Spike spells it */
    c = rec(64, 0x80000024, 0x7c029573);
    add_reg(&c, EMU_REG_X0 + 10, 0);
    add_reg(&c, EMU_REG_CSR + 0x7c0, 1);
    ck_assert_str_eq(fmt(&c, 64), "core   0: 3 0x0000000080000024 "
                                  "(0x7c029573) x10 0x0000000000000000 "
                                  "c1984_unknown-csr 0x0000000000000001\n");
}
END_TEST

START_TEST(test_commit_multiple_writes_keep_record_order)
{
    /* fadd.s fa0,fa1,fa2 raising NX, first FP write (FS becomes dirty) */
    emu_commit c = rec(64, 0x80000060, 0x00c58553);
    add_reg(&c, EMU_REG_F0 + 10, 0xffffffff40400000ull);
    add_reg(&c, EMU_REG_CSR + 0x001, 1);
    add_reg(&c, EMU_REG_CSR + 0x300, 0x8000000a00006000ull);
    ck_assert_str_eq(fmt(&c, 64),
                     "core   0: 3 0x0000000080000060 (0x00c58553) "
                     "f10 0xffffffff40400000 c1_fflags 0x0000000000000001 "
                     "c768_mstatus 0x8000000a00006000\n");
}
END_TEST

START_TEST(test_commit_load_prints_address)
{
    emu_commit c = rec(64, 0x80000014, 0x00432383); /* lw t2,4(t1) */
    add_reg(&c, EMU_REG_X0 + 7, 5);
    c.reads[c.nreads++] = 0x80002004;
    ck_assert_str_eq(fmt(&c, 64), "core   0: 3 0x0000000080000014 "
                                  "(0x00432383) x7  0x0000000000000005 "
                                  "mem 0x0000000080002004\n");
    c.xlen = 32;
    ck_assert_str_eq(fmt(&c, 64), "core   0: 3 0x80000014 (0x00432383) "
                                  "x7  0x00000005 mem 0x80002004\n");
}
END_TEST

START_TEST(test_commit_store_value_is_access_wide)
{
    static const struct {
        unsigned size;
        uint32_t insn;
        const char *value;
    } st[] = {{1, 0x00530023, "0x05"},
              {2, 0x00531123, "0x1305"},
              {4, 0x00532223, "0x00001305"},
              {8, 0x00533423, "0xffffffff00001305"}};
    for (unsigned k = 0; k < 4; k++) {
        emu_commit c = rec(64, 0x80000010, st[k].insn);
        /* bytes beyond the access size in the record are not printed */
        add_store(&c, 0x80002000, st[k].size, 0xffffffff00001305ull);
        char want[160];
        snprintf(want, sizeof(want),
                 "core   0: 3 0x0000000080000010 (0x%08x) mem "
                 "0x0000000080002000 %s\n",
                 st[k].insn, st[k].value);
        ck_assert_str_eq(fmt(&c, 64), want);
    }
    emu_commit c = rec(32, 0x80000010, 0x00532223); /* sw t0,4(t1) */
    add_store(&c, 0x80002004, 4, 5);
    ck_assert_str_eq(fmt(&c, 32), "core   0: 3 0x80000010 (0x00532223) "
                                  "mem 0x80002004 0x00000005\n");
}
END_TEST

START_TEST(test_commit_amo_lists_register_read_then_write)
{
    emu_commit c = rec(64, 0x80000030, 0x0062b52f); /* amoadd.d a0,t1,(t0) */
    add_reg(&c, EMU_REG_X0 + 10, 7);
    c.reads[c.nreads++] = 0x80002008;
    add_store(&c, 0x80002008, 8, 9);
    ck_assert_str_eq(fmt(&c, 64), "core   0: 3 0x0000000080000030 "
                                  "(0x0062b52f) x10 0x0000000000000007 "
                                  "mem 0x0000000080002008 mem "
                                  "0x0000000080002008 0x0000000000000009\n");
}
END_TEST

START_TEST(test_commit_full_record_fits_and_small_buffers_truncate)
{
    emu_commit c = rec(64, 0x80000000, 0x00000297);
    for (unsigned k = 0; k < EMU_COMMIT_MAX_REGS; k++)
        add_reg(&c, EMU_REG_CSR + 0xb03 + k, ~0ull); /* mhpmcounterN */
    for (unsigned k = 0; k < EMU_COMMIT_MAX_MEM; k++) {
        c.reads[c.nreads++] = ~0ull;
        add_store(&c, ~0ull, 8, ~0ull);
    }
    size_t n = fe_commit_format(&c, 64, buf, sizeof(buf));
    ck_assert_uint_eq(n, strlen(buf));
    ck_assert(n < sizeof(buf) - 1);
    ck_assert_int_eq(buf[n - 1], '\n');
    ck_assert_ptr_nonnull(strstr(buf, " c2826_mhpmcounter10 0xffff"));

    char small[24];
    memset(small, 'x', sizeof(small));
    n = fe_commit_format(&c, 64, small, 20);
    ck_assert_uint_eq(n, 19);
    ck_assert_str_eq(small, "core   0: 3 0x00000");
    ck_assert_int_eq(small[20], 'x');
}
END_TEST

START_TEST(test_trace_line_format)
{
    fe_trace_format(NULL, 64, 0, 0x80000000, 0x00000297, 4, buf, sizeof(buf));
    ck_assert_str_eq(
        buf, "core   0: 0x0000000080000000 (0x00000297) auipc\tt0,0x0\n");
    fe_trace_format(NULL, 32, 3, 0x80000040, 0x028d, 2, buf, sizeof(buf));
    ck_assert_str_eq(buf, "core   3: 0x80000040 (0x028d) add\tt0,t0,3\n");
}
END_TEST

/* fe_trace_option() on one argument vector; returns its result. */
static int opt(fe_trace_opts *t, int argc, char **argv, int *i)
{
    char err[256];
    *i = 0;
    return fe_trace_option(t, argc, argv, i, err, sizeof(err));
}

START_TEST(test_trace_options_parse)
{
    fe_trace_opts t = {0};
    int i;
    char *a1[] = {"--trace-range=0x80000000-0x80000100"};
    ck_assert_int_eq(opt(&t, 1, a1, &i), 1);
    ck_assert(t.range);
    ck_assert_uint_eq(t.lo, 0x80000000);
    ck_assert_uint_eq(t.hi, 0x80000100);
    ck_assert_str_eq(fe_trace_check(&t),
                     "--trace-range and --trace-window need --trace or "
                     "--log-commits");
    char *a2[] = {"--trace-window", "100:5", "prog"};
    ck_assert_int_eq(opt(&t, 3, a2, &i), 1);
    ck_assert_int_eq(i, 1); /* the value was taken */
    ck_assert(t.window);
    ck_assert_uint_eq(t.start, 100);
    ck_assert_uint_eq(t.count, 5);
    char *a3[] = {"--trace-window=7:"};
    ck_assert_int_eq(opt(&t, 1, a3, &i), 1);
    ck_assert_uint_eq(t.start, 7);
    ck_assert_uint_eq(t.count, 0);
    char *a4[] = {"--log-commits=out.log"};
    ck_assert_int_eq(opt(&t, 1, a4, &i), 1);
    ck_assert(t.commits);
    ck_assert_str_eq(t.commits_file, "out.log");
    ck_assert_ptr_null(fe_trace_check(&t));
    char *a5[] = {"--log-commits"};
    ck_assert_int_eq(opt(&t, 1, a5, &i), 1);
    ck_assert_ptr_null(t.commits_file);
    char *a6[] = {"--trace"};
    ck_assert_int_eq(opt(&t, 1, a6, &i), 1);
    ck_assert(t.trace);
    char *a7[] = {"--tracer", "--stats", "--trace-rangefoo"};
    for (int k = 0; k < 3; k++) {
        char *one[] = {a7[k]};
        ck_assert_int_eq(opt(&t, 1, one, &i), 0);
    }
}
END_TEST

START_TEST(test_trace_options_reject_bad_values)
{
    static const char *const bad[] = {"--trace-range=0x100-0x100",
                                      "--trace-range=0x200-0x100",
                                      "--trace-range=0x100",
                                      "--trace-range=-0x100",
                                      "--trace-range=0x1-zz",
                                      "--trace-window=5",
                                      "--trace-window=5:0",
                                      "--trace-window=:5",
                                      "--trace-window=a:5",
                                      "--log-commits=",
                                      "--trace-range",
                                      "--trace-window"};
    for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
        fe_trace_opts t = {0};
        char *argv[] = {(char *)bad[k]};
        int i;
        ck_assert_msg(opt(&t, 1, argv, &i) == -1, "%s accepted", bad[k]);
    }
}
END_TEST

START_TEST(test_trace_window_and_range_select)
{
    fe_trace_opts t = {.trace = true};
    ck_assert(fe_trace_selects(&t, 0, 0));
    t.window = true;
    t.start = 10;
    t.count = 3;
    ck_assert(!fe_trace_selects(&t, 9, 0));
    ck_assert(fe_trace_selects(&t, 10, 0));
    ck_assert(fe_trace_selects(&t, 12, 0));
    ck_assert(!fe_trace_selects(&t, 13, 0));
    t.count = 0; /* START: runs to the end */
    ck_assert(fe_trace_selects(&t, UINT64_MAX, 0));
    t.range = true;
    t.lo = 0x80000004;
    t.hi = 0x8000000c;
    ck_assert(!fe_trace_selects(&t, 11, 0x80000000));
    ck_assert(fe_trace_selects(&t, 11, 0x80000004));
    ck_assert(fe_trace_selects(&t, 11, 0x8000000a));
    ck_assert(!fe_trace_selects(&t, 11, 0x8000000c));
    ck_assert(!fe_trace_selects(&t, 9, 0x80000004)); /* both must hold */
}
END_TEST

static Suite *trace_suite(void)
{
    Suite *s = suite_create("trace");
    TCase *tc = tcase_create("commit-log");
    tcase_add_test(tc, test_commit_rv64_x_write);
    tcase_add_test(tc, test_commit_rv32_x_write_is_32_bits_wide);
    tcase_add_test(tc, test_commit_two_digit_register_and_hart_and_priv);
    tcase_add_test(tc, test_commit_no_effects_and_x0);
    tcase_add_test(tc, test_commit_compressed_prints_four_digits);
    tcase_add_test(tc, test_commit_f_write_is_flen_wide);
    tcase_add_test(tc, test_commit_csr_writes_use_number_and_name);
    tcase_add_test(tc, test_commit_multiple_writes_keep_record_order);
    tcase_add_test(tc, test_commit_load_prints_address);
    tcase_add_test(tc, test_commit_store_value_is_access_wide);
    tcase_add_test(tc, test_commit_amo_lists_register_read_then_write);
    tcase_add_test(tc, test_commit_full_record_fits_and_small_buffers_truncate);
    suite_add_tcase(s, tc);
    tc = tcase_create("trace");
    tcase_add_test(tc, test_trace_line_format);
    tcase_add_test(tc, test_trace_options_parse);
    tcase_add_test(tc, test_trace_options_reject_bad_values);
    tcase_add_test(tc, test_trace_window_and_range_select);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(trace_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
