/*
 * Decoder helpers: instruction fields, immediates, and the expansion of
 * compressed instructions (unprivileged spec, RVC chapter). The expected
 * 32-bit words were assembled with riscv64-unknown-elf-as 2.40 and read
 * back with objdump: each compressed form and its 32-bit equivalent.
 */
#include <stdio.h>

#include "cpu/riscv/rv_decode.h"
#include "testutil.h"

typedef struct cpair {
    uint16_t c;
    uint32_t expect;
} cpair;

/* Forms that expand identically on RV32 and RV64 (checked with both
 * -march=rv32gc and -march=rv64gc). */
static const cpair common_forms[] = {
    {0x1fe8, 0x3fc10513u}, /* c.addi4spn a0, sp, 1020  -> addi a0, sp, 1020 */
    {0x0044, 0x00410493u}, /* c.addi4spn s1, sp, 4     -> addi s1, sp, 4 */
    {0x5f7c, 0x07c72783u}, /* c.lw a5, 124(a4)         -> lw a5, 124(a4) */
    {0x4080, 0x0004a403u}, /* c.lw s0, 0(s1)           -> lw s0, 0(s1) */
    {0xdf7c, 0x06f72e23u}, /* c.sw a5, 124(a4)         -> sw a5, 124(a4) */
    {0xc0c0, 0x0084a223u}, /* c.sw s0, 4(s1)           -> sw s0, 4(s1) */
    {0x0001, 0x00000013u}, /* c.nop                    -> addi x0, x0, 0 */
    {0x1501, 0xfe050513u}, /* c.addi a0, -32           -> addi a0, a0, -32 */
    {0x057d, 0x01f50513u}, /* c.addi a0, 31            -> addi a0, a0, 31 */
    {0x55fd, 0xfff00593u}, /* c.li a1, -1              -> addi a1, x0, -1 */
    {0x4ffd, 0x01f00f93u}, /* c.li t6, 31              -> addi t6, x0, 31 */
    {0x7101, 0xe0010113u}, /* c.addi16sp sp, -512      -> addi sp, sp, -512 */
    {0x617d, 0x1f010113u}, /* c.addi16sp sp, 496       -> addi sp, sp, 496 */
    {0x6141, 0x01010113u}, /* c.addi16sp sp, 16        -> addi sp, sp, 16 */
    {0x7601, 0xfffe0637u}, /* c.lui a2, 0xfffe0        -> lui a2, 0xfffe0 */
    {0x6605, 0x00001637u}, /* c.lui a2, 1              -> lui a2, 1 */
    {0x6ffd, 0x0001ffb7u}, /* c.lui t6, 31             -> lui t6, 31 */
    {0x82fd, 0x01f6d693u}, /* c.srli a3, 31            -> srli a3, a3, 31 */
    {0x8685, 0x4016d693u}, /* c.srai a3, 1             -> srai a3, a3, 1 */
    {0x9b7d, 0xfff77713u}, /* c.andi a4, -1            -> andi a4, a4, -1 */
    {0x8855, 0x01547413u}, /* c.andi s0, 21            -> andi s0, s0, 21 */
    {0x8c1d, 0x40f40433u}, /* c.sub s0, a5             -> sub s0, s0, a5 */
    {0x8d2d, 0x00b54533u}, /* c.xor a0, a1             -> xor a0, a0, a1 */
    {0x8e55, 0x00d66633u}, /* c.or a2, a3              -> or a2, a2, a3 */
    {0x8f7d, 0x00f77733u}, /* c.and a4, a5             -> and a4, a4, a5 */
    {0xaffd, 0x7fe0006fu}, /* c.j .+2046               -> jal x0, .+2046 */
    {0xb001, 0x801ff06fu}, /* c.j .-2048               -> jal x0, .-2048 */
    {0xa009, 0x0020006fu}, /* c.j .+2                  -> jal x0, .+2 */
    {0xd101, 0xf00500e3u}, /* c.beqz a0, .-256         -> beq a0, x0, .-256 */
    {0xecfd, 0x0e049f63u}, /* c.bnez s1, .+254         -> bne s1, x0, .+254 */
    {0xe089, 0x00049163u}, /* c.bnez s1, .+2           -> bne s1, x0, .+2 */
    {0x07fe, 0x01f79793u}, /* c.slli a5, 31            -> slli a5, a5, 31 */
    {0x0f86, 0x001f9f93u}, /* c.slli t6, 1             -> slli t6, t6, 1 */
    {0x50fe, 0x0fc12083u}, /* c.lwsp ra, 252(sp)       -> lw ra, 252(sp) */
    {0x4f82, 0x00012f83u}, /* c.lwsp t6, 0(sp)         -> lw t6, 0(sp) */
    {0xdf86, 0x0e112e23u}, /* c.swsp ra, 252(sp)       -> sw ra, 252(sp) */
    {0xc27e, 0x01f12223u}, /* c.swsp t6, 4(sp)         -> sw t6, 4(sp) */
    {0x8082, 0x00008067u}, /* c.jr ra                  -> jalr x0, 0(ra) */
    {0x8f82, 0x000f8067u}, /* c.jr t6                  -> jalr x0, 0(t6) */
    {0x852e, 0x00b00533u}, /* c.mv a0, a1              -> add a0, x0, a1 */
    {0x9002, 0x00100073u}, /* c.ebreak                 -> ebreak */
    {0x9782, 0x000780e7u}, /* c.jalr a5                -> jalr ra, 0(a5) */
    {0x952e, 0x00b50533u}, /* c.add a0, a1             -> add a0, a0, a1 */
};
static const cpair rv32_forms[] = {
    {0x2ffd, 0x7fe000efu}, /* c.jal .+2046             -> jal ra, .+2046 */
    {0x3001, 0x801ff0efu}, /* c.jal .-2048             -> jal ra, .-2048 */
};
static const cpair rv32_fp_forms[] = {
    {0x7f68, 0x07c72507u}, /* c.flw fa0, 124(a4)       -> flw fa0, 124(a4) */
    {0xff68, 0x06a72e27u}, /* c.fsw fa0, 124(a4)       -> fsw fa0, 124(a4) */
    {0x707e, 0x0fc12007u}, /* c.flwsp ft0, 252(sp)     -> flw ft0, 252(sp) */
    {0xff82, 0x0e012e27u}, /* c.fswsp ft0, 252(sp)     -> fsw ft0, 252(sp) */
};
static const cpair rv64_forms[] = {
    {0x7f7c, 0x0f873783u}, /* c.ld a5, 248(a4)         -> ld a5, 248(a4) */
    {0xff7c, 0x0ef73c23u}, /* c.sd a5, 248(a4)         -> sd a5, 248(a4) */
    {0x70fe, 0x1f813083u}, /* c.ldsp ra, 504(sp)       -> ld ra, 504(sp) */
    {0xff86, 0x1e113c23u}, /* c.sdsp ra, 504(sp)       -> sd ra, 504(sp) */
    {0x357d, 0xfff5051bu}, /* c.addiw a0, -1           -> addiw a0, a0, -1 */
    {0x2ffd, 0x01ff8f9bu}, /* c.addiw t6, 31           -> addiw t6, t6, 31 */
    {0x9c1d, 0x40f4043bu}, /* c.subw s0, a5            -> subw s0, s0, a5 */
    {0x9d2d, 0x00b5053bu}, /* c.addw a0, a1            -> addw a0, a0, a1 */
    {0x17fe, 0x03f79793u}, /* c.slli a5, 63            -> slli a5, a5, 63 */
    {0x1082, 0x02009093u}, /* c.slli ra, 32            -> slli ra, ra, 32 */
    {0x92fd, 0x03f6d693u}, /* c.srli a3, 63            -> srli a3, a3, 63 */
    {0x9681, 0x4206d693u}, /* c.srai a3, 32            -> srai a3, a3, 32 */
};
static const cpair fd_forms[] = {
    {0x3f68, 0x0f873507u}, /* c.fld fa0, 248(a4)       -> fld fa0, 248(a4) */
    {0xbf68, 0x0ea73c27u}, /* c.fsd fa0, 248(a4)       -> fsd fa0, 248(a4) */
    {0x307e, 0x1f813007u}, /* c.fldsp ft0, 504(sp)     -> fld ft0, 504(sp) */
    {0xbf82, 0x1e013c27u}, /* c.fsdsp ft0, 504(sp)     -> fsd ft0, 504(sp) */
};

static void check_table(const cpair *t, size_t n, unsigned xlen, unsigned fp)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t got = rv_expand_compressed(t[i].c, xlen, fp);
        ck_assert_msg(got == t[i].expect,
                      "RV%u fp=%u: 0x%04x expands to 0x%08x, expected "
                      "0x%08x",
                      xlen, fp, t[i].c, got, t[i].expect);
    }
}
#define CHECK_TABLE(t, xlen, fd) check_table((t), sizeof(t) / sizeof((t)[0]), (xlen), (fd))

/* ---- encoders the other tests rely on ---- */

START_TEST(test_encoder_helpers_match_assembler)
{
    ck_assert_uint_eq(tu_addi(A0, A1, -2048), 0x80058513u);
    ck_assert_uint_eq(tu_op(ALU_ADD, T6, S0, A7), 0x01140fb3u);
    ck_assert_uint_eq(tu_op(ALU_SUB, A0, A1, A2), 0x40c58533u);
    ck_assert_uint_eq(tu_op(ALU_DIVU, A0, A1, A2), 0x02c5d533u);
    ck_assert_uint_eq(tu_op(ALU_MULHSU, T0, T1, T2), 0x027322b3u);
    ck_assert_uint_eq(tu_opw(ALU_REM, A0, A1, A2), 0x02c5e53bu);
    ck_assert_uint_eq(tu_sw(T6, SP, -4), 0xfff12e23u);
    ck_assert_uint_eq(tu_sd(A0, A1, 2040), 0x7ea5bc23u);
    ck_assert_uint_eq(tu_ld(A0, S1, -8), 0xff84b503u);
    ck_assert_uint_eq(tu_lui(A0, 0xfffff), 0xfffff537u);
    ck_assert_uint_eq(tu_auipc(T0, 0x80000), 0x80000297u);
    ck_assert_uint_eq(tu_beq(A0, A1, -4096), 0x80b50063u);
    ck_assert_uint_eq(tu_bne(T0, ZERO, 4094), 0x7e029fe3u);
    ck_assert_uint_eq(tu_jal(RA, 1048574), 0x7ffff0efu);
    ck_assert_uint_eq(tu_jal(ZERO, -1048576), 0x8000006fu);
    ck_assert_uint_eq(tu_jalr(RA, T0, -1), 0xfff280e7u);
    ck_assert_uint_eq(tu_srai(A0, A1, 63), 0x43f5d513u);
    ck_assert_uint_eq(tu_csrrw(A0, CSR_MSCRATCH, A1), 0x34059573u);
    ck_assert_uint_eq(tu_csrrc(T0, 0x7c0, T1), 0x7c0332f3u);
}
END_TEST

/* ---- fields and immediates ---- */

START_TEST(test_register_fields_extract_rd_rs1_rs2)
{
    uint32_t i = 0x01140fb3u; /* add t6, s0, a7 */
    ck_assert_uint_eq(rv_rd(i), 31);
    ck_assert_uint_eq(rv_rs1(i), 8);
    ck_assert_uint_eq(rv_rs2(i), 17);
    ck_assert_uint_eq(rv_funct3(i), 0);
    ck_assert_uint_eq(rv_funct7(i), 0);
    i = 0x40c58533u; /* sub a0, a1, a2 */
    ck_assert_uint_eq(rv_rd(i), 10);
    ck_assert_uint_eq(rv_rs1(i), 11);
    ck_assert_uint_eq(rv_rs2(i), 12);
    ck_assert_uint_eq(rv_funct7(i), 0x20);
    i = 0x02c5e53bu; /* remw a0, a1, a2 */
    ck_assert_uint_eq(rv_funct3(i), 6);
    ck_assert_uint_eq(rv_funct7(i), 1);
    /* all-ones fields */
    ck_assert_uint_eq(rv_rd(0xffffffffu), 31);
    ck_assert_uint_eq(rv_rs1(0xffffffffu), 31);
    ck_assert_uint_eq(rv_rs2(0xffffffffu), 31);
    ck_assert_uint_eq(rv_funct3(0xffffffffu), 7);
    ck_assert_uint_eq(rv_funct7(0xffffffffu), 0x7f);
}
END_TEST

START_TEST(test_imm_i_sign_extends_bit_31)
{
    ck_assert_int_eq(rv_imm_i(0x80058513u), -2048);
    ck_assert_int_eq(rv_imm_i(0x7ff00013u), 2047);
    ck_assert_int_eq(rv_imm_i(0xfff280e7u), -1);
    ck_assert_int_eq(rv_imm_i(0x00000013u), 0);
    ck_assert_int_eq(rv_imm_i(0xffffffffu), -1);
}
END_TEST

START_TEST(test_imm_s_sign_extends_and_joins_fields)
{
    ck_assert_int_eq(rv_imm_s(0xfff12e23u), -4);   /* sw t6, -4(sp) */
    ck_assert_int_eq(rv_imm_s(0x7ea5bc23u), 2040); /* sd a0, 2040(a1) */
    ck_assert_int_eq(rv_imm_s(0x80000023u), -2048);
    ck_assert_int_eq(rv_imm_s(0x00000fa3u), 31); /* only the low field */
}
END_TEST

START_TEST(test_imm_b_sign_extends_and_scrambles)
{
    ck_assert_int_eq(rv_imm_b(0x80b50063u), -4096); /* beq a0, a1, .-4096 */
    ck_assert_int_eq(rv_imm_b(0x7e029fe3u), 4094);  /* bne t0, x0, .+4094 */
    ck_assert_int_eq(rv_imm_b(0xf00500e3u), -256);
    ck_assert_int_eq(rv_imm_b(0x00049163u), 2);
    ck_assert_int_eq(rv_imm_b(0x000000e3u), 2048); /* bit 7 is imm[11] */
}
END_TEST

START_TEST(test_imm_u_sign_extends_to_64_bits)
{
    ck_assert_uint_eq((uint64_t)rv_imm_u(0xfffff537u), 0xfffffffffffff000ull);
    ck_assert_uint_eq((uint64_t)rv_imm_u(0x80000297u), 0xffffffff80000000ull);
    ck_assert_uint_eq((uint64_t)rv_imm_u(0x7ffff537u), 0x7ffff000ull);
    ck_assert_uint_eq((uint64_t)rv_imm_u(0x00001637u), 0x1000ull);
}
END_TEST

START_TEST(test_imm_j_sign_extends_and_scrambles)
{
    ck_assert_int_eq(rv_imm_j(0x7ffff0efu), 1048574);
    ck_assert_int_eq(rv_imm_j(0x8000006fu), -1048576);
    ck_assert_int_eq(rv_imm_j(0x7fe0006fu), 2046);
    ck_assert_int_eq(rv_imm_j(0x801ff06fu), -2048);
    ck_assert_int_eq(rv_imm_j(0x0010006fu), 2048); /* bit 20 is imm[11] */
    ck_assert_int_eq(rv_imm_j(0x0000106fu), 4096); /* bit 12 is imm[12] */
}
END_TEST

/* ---- compressed expansion ---- */

START_TEST(test_expand_common_forms_rv32)
{
    CHECK_TABLE(common_forms, 32, 0);
    CHECK_TABLE(common_forms, 32, 1);
}
END_TEST

START_TEST(test_expand_common_forms_rv64)
{
    CHECK_TABLE(common_forms, 64, 0);
    CHECK_TABLE(common_forms, 64, 1);
}
END_TEST

START_TEST(test_expand_c_jal_on_rv32)
{
    CHECK_TABLE(rv32_forms, 32, 0);
}
END_TEST

START_TEST(test_expand_rv64_only_forms)
{
    CHECK_TABLE(rv64_forms, 64, 0);
}
END_TEST

START_TEST(test_expand_fp_loads_stores_with_fd)
{
    CHECK_TABLE(fd_forms, 64, RV_C_F | RV_C_D);
    CHECK_TABLE(fd_forms, 32, RV_C_F | RV_C_D);
    CHECK_TABLE(rv32_fp_forms, 32, RV_C_F);
}
END_TEST

START_TEST(test_expand_fp_forms_without_fd_are_illegal)
{
    for (size_t i = 0; i < sizeof(fd_forms) / sizeof(fd_forms[0]); i++) {
        ck_assert_uint_eq(rv_expand_compressed(fd_forms[i].c, 64, 0), 0);
        ck_assert_uint_eq(rv_expand_compressed(fd_forms[i].c, 32, 0), 0);
    }
    for (size_t i = 0; i < sizeof(rv32_fp_forms) / sizeof(rv32_fp_forms[0]); i++)
        ck_assert_uint_eq(rv_expand_compressed(rv32_fp_forms[i].c, 32, 0), 0);
    /* the double forms need D, the single forms F */
    for (size_t i = 0; i < sizeof(fd_forms) / sizeof(fd_forms[0]); i++)
        ck_assert_uint_eq(rv_expand_compressed(fd_forms[i].c, 64, RV_C_F), 0);
    for (size_t i = 0; i < sizeof(rv32_fp_forms) / sizeof(rv32_fp_forms[0]); i++)
        ck_assert_uint_ne(rv_expand_compressed(rv32_fp_forms[i].c, 32, RV_C_F), 0);
}
END_TEST

/* The same bits are C.LD/C.SD/C.LDSP/C.SDSP on RV64 and the single-precision
 * FP forms on RV32. */
START_TEST(test_expand_rv32_fp_slots_are_integer_on_rv64)
{
    ck_assert_uint_eq(rv_expand_compressed(0x7f68, 64, 0), 0x0f873503u); /* ld a0, 248(a4) */
    ck_assert_uint_eq(rv_expand_compressed(0xff82, 64, 0), 0x1e013c23u); /* sd x0, 504(sp) */
    ck_assert_uint_eq(rv_expand_compressed(0x7f68, 32, 0), 0);
    ck_assert_uint_eq(rv_expand_compressed(0xff82, 32, 0), 0);
}
END_TEST

START_TEST(test_expand_reserved_encodings_return_zero)
{
    static const struct {
        uint16_t c;
        unsigned xlen;
        const char *what;
    } r[] = {
        {0x0000, 32, "all-zero (c.addi4spn imm 0)"},
        {0x0000, 64, "all-zero (c.addi4spn imm 0)"},
        {0x0004, 32, "c.addi4spn rd'=1, imm 0"},
        {0x001c, 64, "c.addi4spn rd'=7, imm 0"},
        {0x6281, 32, "c.lui t0, 0"},
        {0x6281, 64, "c.lui t0, 0"},
        {0x6101, 32, "c.addi16sp 0"},
        {0x6101, 64, "c.addi16sp 0"},
        {0x4002, 32, "c.lwsp rd 0"},
        {0x4002, 64, "c.lwsp rd 0"},
        {0x50fe & ~0x0f80, 64, "c.lwsp x0, 252(sp)"},
        {0x6002, 64, "c.ldsp rd 0"},
        {0x70fe & ~0x0f80, 64, "c.ldsp x0, 504(sp)"},
        {0x8002, 32, "c.jr x0"},
        {0x8002, 64, "c.jr x0"},
        {0x1082, 32, "c.slli ra, 32 on RV32 (shamt[5])"},
        {0x9001, 32, "c.srli s0, 32 on RV32 (shamt[5])"},
        {0x9401, 32, "c.srai s0, 32 on RV32 (shamt[5])"},
        {0x2001, 64, "c.addiw x0, 0"},
        {0x307d, 64, "c.addiw x0, -1"},
        {0x8000, 32, "quadrant 0 funct3 4"},
        {0x8000, 64, "quadrant 0 funct3 4"},
        {0x9ffc, 64, "quadrant 0 funct3 4, other bits set"},
        {0x9c1d, 32, "c.subw on RV32"},
        {0x9d2d, 32, "c.addw on RV32"},
        {0x9c41, 64, "quadrant 1 funct6 100111 funct2 10"},
        {0x9c61, 64, "quadrant 1 funct6 100111 funct2 11"},
        {0x9c41, 32, "quadrant 1 funct6 100111 funct2 10"},
        {0x0003, 64, "quadrant 3 is not compressed"},
        {0xffff, 32, "quadrant 3 is not compressed"},
    };
    for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
        uint16_t c = r[i].c;
        uint32_t got = rv_expand_compressed(c, r[i].xlen, 1);
        ck_assert_msg(got == 0, "RV%u 0x%04x (%s) expands to 0x%08x, expected 0",
                      r[i].xlen, c, r[i].what, got);
    }
}
END_TEST

/* On RV64 funct3 001 of quadrant 1 is C.ADDIW, on RV32 it is C.JAL: the
 * same bits with rd = 0 are reserved only on RV64. */
START_TEST(test_expand_addiw_rd0_is_c_jal_on_rv32)
{
    ck_assert_uint_eq(rv_expand_compressed(0x2001, 64, 0), 0);
    ck_assert_uint_ne(rv_expand_compressed(0x2001, 32, 0), 0);
    ck_assert_uint_eq(rv_expand_compressed(0x2001, 32, 0) & 0xfff, 0x0ef); /* jal ra */
}
END_TEST

/* Every 16-bit pattern: an expansion is a 32-bit instruction (low bits 11),
 * never a compressed-looking word the interpreter would re-expand. */
START_TEST(test_expand_every_pattern_gives_32bit_or_zero)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        for (int fd = 0; fd <= 1; fd++) {
            unsigned nonzero = 0;
            for (uint32_t c = 0; c < 0x10000; c++) {
                uint32_t e = rv_expand_compressed((uint16_t)c, xlen, fd);
                if ((c & 3) == 3)
                    ck_assert_uint_eq(e, 0);
                if (e) {
                    nonzero++;
                    ck_assert_msg((e & 3) == 3, "0x%04x -> 0x%08x", c, e);
                }
            }
            /* most of the 3 * 2^14 patterns are instructions even on RV32
             * without FD, where 4 of the 24 funct3 slots are FP */
            ck_assert_uint_gt(nonzero, 28000);
        }
    }
}
END_TEST

static Suite *decode_suite(void)
{
    Suite *s = suite_create("decode");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_encoder_helpers_match_assembler);
    tcase_add_test(tc, test_register_fields_extract_rd_rs1_rs2);
    tcase_add_test(tc, test_imm_i_sign_extends_bit_31);
    tcase_add_test(tc, test_imm_s_sign_extends_and_joins_fields);
    tcase_add_test(tc, test_imm_b_sign_extends_and_scrambles);
    tcase_add_test(tc, test_imm_u_sign_extends_to_64_bits);
    tcase_add_test(tc, test_imm_j_sign_extends_and_scrambles);
    tcase_add_test(tc, test_expand_common_forms_rv32);
    tcase_add_test(tc, test_expand_common_forms_rv64);
    tcase_add_test(tc, test_expand_c_jal_on_rv32);
    tcase_add_test(tc, test_expand_rv64_only_forms);
    tcase_add_test(tc, test_expand_fp_loads_stores_with_fd);
    tcase_add_test(tc, test_expand_fp_forms_without_fd_are_illegal);
    tcase_add_test(tc, test_expand_rv32_fp_slots_are_integer_on_rv64);
    tcase_add_test(tc, test_expand_reserved_encodings_return_zero);
    tcase_add_test(tc, test_expand_addiw_rd0_is_c_jal_on_rv32);
    tcase_add_test(tc, test_expand_every_pattern_gives_32bit_or_zero);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(decode_suite()); }
