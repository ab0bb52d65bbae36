/* The A64 disassembler: fixed words per instruction class and the exact
 * text GNU objdump 2.40 prints for them (aarch64-linux-gnu-objdump -d). */
#include <check.h>
#include <string.h>

#include "cpu/arm64/a64_disasm.h"
#include "testutil.h"

typedef struct {
    uint32_t insn;
    uint64_t pc;
    const char *text;
} case_t;

static void check_cases(const case_t *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char buf[128];
        a64_disasm(c[i].insn, c[i].pc, buf, sizeof(buf));
        ck_assert_msg(strcmp(buf, c[i].text) == 0, "%08x: got \"%s\", want \"%s\"",
                      c[i].insn, buf, c[i].text);
    }
}

#define CHECK(arr) check_cases(arr, sizeof(arr) / sizeof(arr[0]))

START_TEST(test_integer_immediates_and_aliases_read_as_objdump)
{
    static const case_t c[] = {
        { 0x91004020, 0, "add\tx0, x1, #0x10" },
        { 0x91400420, 0, "add\tx0, x1, #0x1, lsl #12" },
        { 0x9100003f, 0, "mov\tsp, x1" },
        { 0xf100401f, 0, "cmp\tx0, #0x10" },
        { 0x92800000, 0, "mov\tx0, #0xffffffffffffffff" },
        { 0x128000a0, 0, "mov\tw0, #0xfffffffa" },
        { 0x129fffe0, 0, "movn\tw0, #0xffff" },
        { 0xd2a00000, 0, "movz\tx0, #0x0, lsl #16" },
        { 0xf2a24680, 0, "movk\tx0, #0x1234, lsl #16" },
        { 0xb200f3e0, 0, "mov\tx0, #0x5555555555555555" },
        { 0xb2401fe0, 0, "orr\tx0, xzr, #0xff" },          /* MOVZ can load it */
        { 0x321f7bee, 0, "orr\tw14, wzr, #0xfffffffe" },    /* MOVN can load it */
        { 0x7200001f, 0, "tst\tw0, #0x1" },
        { 0xd3431820, 0, "ubfx\tx0, x1, #3, #4" },
        { 0xd37df020, 0, "lsl\tx0, x1, #3" },
        { 0x93401c20, 0, "sxtb\tx0, w1" },
        { 0xd3401c20, 0, "ubfx\tx0, x1, #0, #8" },          /* no UXTB for X */
        { 0xb37d0fe0, 0, "bfc\tx0, #3, #4" },
        { 0x10000000, 0x6c, "adr\tx0, 6c" },
    };
    CHECK(c);
}
END_TEST

START_TEST(test_register_data_processing_reads_as_objdump)
{
    static const case_t c[] = {
        { 0x8b020c20, 0, "add\tx0, x1, x2, lsl #3" },
        { 0x8b2263e0, 0, "add\tx0, sp, x2" },               /* LSL #0 for SP omitted */
        { 0x0b224be0, 0, "add\tw0, wsp, w2, lsl #2" },
        { 0x0b224020, 0, "add\tw0, w1, w2, uxtw" },
        { 0x8b224820, 0, "add\tx0, x1, w2, uxtw #2" },
        { 0xcb0103e0, 0, "neg\tx0, x1" },
        { 0x6b0103ff, 0, "cmp\twzr, w1" },                  /* CMP wins over NEGS */
        { 0xaa2103e0, 0, "mvn\tx0, x1" },
        { 0x8a420020, 0, "and\tx0, x1, x2, lsr #0" },
        { 0x9b027c20, 0, "mul\tx0, x1, x2" },
        { 0x1a9f17e0, 0, "cset\tw0, eq" },
        { 0xda9f93e0, 0, "csetm\tx0, hi" },
        { 0xda9f07e0, 0, "cneg\tx0, xzr, ne" },
        { 0xfa431800, 0, "ccmp\tx0, #0x3, #0x0, ne" },
        { 0xfa41000f, 0, "ccmp\tx0, x1, #0xf, eq" },
        { 0xdac00c20, 0, "rev\tx0, x1" },
    };
    CHECK(c);
}
END_TEST

START_TEST(test_branches_and_system_read_as_objdump)
{
    static const case_t c[] = {
        { 0x14000002, 0x74, "b\t7c" },
        { 0x97fffffe, 0x78, "bl\t70" },
        { 0xb7fffe05, 0x408, "tbnz\tx5, #63, 3c8" },
        { 0x54000080, 0x410, "b.eq\t420" },
        { 0xd65f03c0, 0, "ret" },
        { 0xd65f0020, 0, "ret\tx1" },
        { 0xd4024681, 0, "svc\t#0x1234" },
        { 0xd503201f, 0, "nop" },
        { 0xd503245f, 0, "bti\tc" },
        { 0xd5033bbf, 0, "dmb\tish" },
        { 0xd50334bf, 0, "dmb\t#0x04" },
        { 0xd503309f, 0, "ssbb" },
        { 0xd5033fdf, 0, "isb" },
        { 0xd53bd040, 0, "mrs\tx0, tpidr_el0" },
        { 0xd51b4400, 0, "msr\tfpcr, x0" },
        { 0xd538f200, 0, "mrs\tx0, s3_0_c15_c2_0" },
        { 0xd50343df, 0, "msr\tdaifset, #0x3" },
        { 0xd50b7420, 0, "dc\tzva, x0" },
    };
    CHECK(c);
}
END_TEST

START_TEST(test_loads_stores_and_atomics_read_as_objdump)
{
    static const case_t c[] = {
        { 0xf9400420, 0, "ldr\tx0, [x1, #8]" },
        { 0xf9400020, 0, "ldr\tx0, [x1]" },
        { 0xf85f8020, 0, "ldur\tx0, [x1, #-8]" },
        { 0xa9ff7bfd, 0, "ldp\tx29, x30, [sp, #-16]!" },
        { 0xa8c17bfd, 0, "ldp\tx29, x30, [sp], #16" },
        { 0x38627820, 0, "ldrb\tw0, [x1, x2, lsl #0]" },
        { 0xb866c8a0, 0, "ldr\tw0, [x5, w6, sxtw]" },
        { 0x3ce27820, 0, "ldr\tq0, [x1, x2, lsl #4]" },
        { 0x58000000, 0x130, "ldr\tx0, 130" },
        { 0xf9800000, 0, "prfm\tpldl1keep, [x0]" },
        { 0xc85ffc20, 0, "ldaxr\tx0, [x1]" },
        { 0xc802fc20, 0, "stlxr\tw2, x0, [x1]" },
        { 0xc8208861, 0, "stlxp\tw0, x1, x2, [x3]" },
        { 0xc8e0fc41, 0, "casal\tx0, x1, [x2]" },
        { 0x0860fc82, 0, "caspal\tw0, w1, w2, w3, [x4]" },
        { 0xf8200041, 0, "ldadd\tx0, x1, [x2]" },
        { 0xb820005f, 0, "stadd\tw0, [x2]" },
        { 0xb8e08041, 0, "swpal\tw0, w1, [x2]" },
        { 0xb8bfc020, 0, "ldapr\tw0, [x1]" },
    };
    CHECK(c);
}
END_TEST

START_TEST(test_scalar_fp_reads_as_objdump)
{
    static const case_t c[] = {
        { 0x1e6e1000, 0, "fmov\td0, #1.000000000000000000e+00" },
        { 0x1e67f001, 0, "fmov\td1, #3.100000000000000000e+01" },
        { 0x1e622820, 0, "fadd\td0, d1, d2" },
        { 0x1e780020, 0, "fcvtzs\tw0, d1" },
        { 0x1e5880c5, 0, "fcvtzs\tw5, d6, #32" },
        { 0x1e602008, 0, "fcmp\td0, #0.0" },
        { 0x1e611404, 0, "fccmp\td0, d1, #0x4, ne" },
        { 0x9eaf0000, 0, "fmov\tv0.d[1], x0" },
        { 0x1e63c020, 0, "fcvt\th0, d1" },
        { 0x1f020c20, 0, "fmadd\ts0, s1, s2, s3" },
    };
    CHECK(c);
}
END_TEST

START_TEST(test_advanced_simd_reads_as_objdump)
{
    static const case_t c[] = {
        { 0x4ea28420, 0, "add\tv0.4s, v1.4s, v2.4s" },
        { 0x4ea01c01, 0, "mov\tv1.16b, v0.16b" },
        { 0x4e141c01, 0, "mov\tv1.s[2], w0" },
        { 0x4e083c43, 0, "mov\tx3, v2.d[0]" },
        { 0x0e073c20, 0, "umov\tw0, v1.b[3]" },
        { 0x4e1e0420, 0, "dup\tv0.8h, v1.h[7]" },
        { 0x4f002600, 0, "movi\tv0.4s, #0x10, lsl #8" },
        { 0x2f05e540, 0, "movi\td0, #0xff00ff00ff00ff00" },
        { 0x0f0d8420, 0, "shrn\tv0.8b, v1.8h, #3" },
        { 0x4c400000, 0, "ld4\t{v0.16b-v3.16b}, [x0]" },
        { 0x4cdf7000, 0, "ld1\t{v0.16b}, [x0], #16" },
        { 0x4e067383, 0, "tbx\tv3.16b, {v28.16b-v31.16b}, v6.16b" },
    };
    CHECK(c);
}
END_TEST

START_TEST(test_undefined_and_uncovered_print_as_inst)
{
    static const case_t c[] = {
        { 0x00000000, 0, "udf\t#0" },
        { 0x0000ffff, 0, "udf\t#65535" },
        { 0xffffffff, 0, ".inst\t0xffffffff ; undefined" },
        { 0x12c00000, 0, ".inst\t0x12c00000 ; undefined" },  /* MOVN W, hw 2 */
    };
    CHECK(c);
}
END_TEST

START_TEST(test_output_is_truncated_and_terminated)
{
    char buf[6];
    memset(buf, 'z', sizeof(buf));
    const char *r = a64_disasm(0xf9400420, 0, buf, sizeof(buf));
    ck_assert_ptr_eq(r, buf);
    ck_assert_str_eq(buf, "ldr\tx");
    char one[1] = { 'z' };
    a64_disasm(0xd503201f, 0, one, 1);
    ck_assert_int_eq(one[0], 0);
}
END_TEST

static Suite *a64_disasm_suite(void)
{
    Suite *s = suite_create("a64_disasm");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_integer_immediates_and_aliases_read_as_objdump);
    tcase_add_test(tc, test_register_data_processing_reads_as_objdump);
    tcase_add_test(tc, test_branches_and_system_read_as_objdump);
    tcase_add_test(tc, test_loads_stores_and_atomics_read_as_objdump);
    tcase_add_test(tc, test_scalar_fp_reads_as_objdump);
    tcase_add_test(tc, test_advanced_simd_reads_as_objdump);
    tcase_add_test(tc, test_undefined_and_uncovered_print_as_inst);
    tcase_add_test(tc, test_output_is_truncated_and_terminated);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(a64_disasm_suite()); }
