/*
 * ALU corner cases executed through the interpreter on RV32 and RV64
 * (unprivileged spec: RV32I/RV64I integer computational instructions and
 * the M extension, whose division table gives the x/0 and overflow results).
 */
#include <stdio.h>

#include "testutil.h"

typedef struct alu_case {
    unsigned op;
    uint64_t a, b, expect;
} alu_case;

static void run_cases(unsigned xlen, bool wform, const alu_case *c, size_t n)
{
    emu_machine *m = tu_machine(xlen);
    for (size_t i = 0; i < n; i++) {
        uint32_t insn = wform ? tu_opw(c[i].op, A0, A1, A2)
                              : tu_op(c[i].op, A0, A1, A2);
        uint64_t got = tu_exec_rr(m, insn, c[i].a, c[i].b);
        ck_assert_msg(got == c[i].expect,
                      "RV%u case %zu (insn 0x%08x): 0x%llx op 0x%llx = 0x%llx, "
                      "expected 0x%llx",
                      xlen, i, insn, (unsigned long long)c[i].a,
                      (unsigned long long)c[i].b, (unsigned long long)got,
                      (unsigned long long)c[i].expect);
    }
    emu_machine_free(m);
}
#define RUN(xlen, w, cases) run_cases((xlen), (w), (cases), sizeof(cases) / sizeof((cases)[0]))

/* Execute one instruction expected to raise an illegal-instruction trap. */
static void expect_illegal(emu_machine *m, uint32_t insn)
{
    tu_set_csr(m, CSR_MTVEC, TU_RAM_BASE + 0x100);
    tu_set_csr(m, CSR_MCAUSE, 0);
    tu_write32(m, TU_RAM_BASE, insn);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_step(m, 1);
    ck_assert_msg(tu_csr(m, CSR_MCAUSE) == 2, "0x%08x: mcause %llu", insn,
                  (unsigned long long)tu_csr(m, CSR_MCAUSE));
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), insn);
    ck_assert_uint_eq(tu_reg(m, "pc"), TU_RAM_BASE + 0x100);
}

#define MIN64 0x8000000000000000ull
#define M1_64 0xffffffffffffffffull
#define MIN32 0x80000000ull
#define M1_32 0xffffffffull

START_TEST(test_div_rem_by_zero_rv64)
{
    static const alu_case c[] = {
        {ALU_DIV, 7, 0, M1_64},
        {ALU_DIV, MIN64, 0, M1_64},
        {ALU_DIVU, 7, 0, M1_64},
        {ALU_DIVU, M1_64, 0, M1_64},
        {ALU_REM, 7, 0, 7},
        {ALU_REM, (uint64_t)-7, 0, (uint64_t)-7},
        {ALU_REMU, 0x123456789abcdefull, 0, 0x123456789abcdefull},
    };
    RUN(64, false, c);
}
END_TEST

START_TEST(test_div_rem_by_zero_rv32)
{
    static const alu_case c[] = {
        {ALU_DIV, 7, 0, M1_32},
        {ALU_DIVU, 7, 0, M1_32},
        {ALU_REM, 0xfffffff9ull, 0, 0xfffffff9ull},
        {ALU_REMU, 0x89abcdefull, 0, 0x89abcdefull},
    };
    RUN(32, false, c);
}
END_TEST

START_TEST(test_div_signed_overflow_rv64)
{
    static const alu_case c[] = {
        {ALU_DIV, MIN64, M1_64, MIN64},
        {ALU_REM, MIN64, M1_64, 0},
        {ALU_DIVU, MIN64, M1_64, 0},
        {ALU_REMU, MIN64, M1_64, MIN64},
        /* rounding toward zero, remainder takes the dividend's sign */
        {ALU_DIV, (uint64_t)-7, 2, (uint64_t)-3},
        {ALU_REM, (uint64_t)-7, 2, (uint64_t)-1},
        {ALU_DIV, 7, (uint64_t)-2, (uint64_t)-3},
        {ALU_REM, 7, (uint64_t)-2, 1},
        {ALU_REM, 5, M1_64, 0},
    };
    RUN(64, false, c);
}
END_TEST

START_TEST(test_div_signed_overflow_rv32)
{
    static const alu_case c[] = {
        {ALU_DIV, MIN32, M1_32, MIN32},
        {ALU_REM, MIN32, M1_32, 0},
        {ALU_DIVU, MIN32, M1_32, 0},
        {ALU_REMU, MIN32, M1_32, MIN32},
        {ALU_DIV, 0xfffffff9ull, 2, 0xfffffffdull},
        {ALU_REM, 0xfffffff9ull, 2, M1_32},
    };
    RUN(32, false, c);
}
END_TEST

START_TEST(test_divw_remw_by_zero_and_overflow_rv64)
{
    static const alu_case c[] = {
        {ALU_DIV, 7, 0, M1_64},
        {ALU_DIVU, 7, 0, M1_64}, /* 0xffffffff sign-extended */
        {ALU_REM, 0x1234567880000001ull, 0, 0xffffffff80000001ull},
        {ALU_REMU, 0x0000000080000001ull, 0, 0xffffffff80000001ull},
        {ALU_DIV, 0xffffffff80000000ull, M1_64, 0xffffffff80000000ull},
        {ALU_REM, 0xffffffff80000000ull, M1_64, 0},
        /* only the low 32 bits of the operands count */
        {ALU_DIV, 0x100000006ull, 0xffffffff00000003ull, 2},
        {ALU_DIVU, 0x00000000fffffffeull, 1, 0xfffffffffffffffeull},
        {ALU_REMU, 0xabcd000000000005ull, 0x1234000000000003ull, 2},
        {ALU_MUL, 0x7fffffff, 2, 0xfffffffffffffffeull},
        {ALU_MUL, 0xffffffff00010000ull, 0x10000, 0},
    };
    RUN(64, true, c);
}
END_TEST

START_TEST(test_mulh_variants_with_negative_operands_rv64)
{
    static const alu_case c[] = {
        {ALU_MULH, M1_64, M1_64, 0},
        {ALU_MULH, MIN64, MIN64, 0x4000000000000000ull},
        {ALU_MULH, (uint64_t)-2, 3, M1_64},
        {ALU_MULH, MIN64, 1, M1_64},
        {ALU_MULHSU, M1_64, M1_64, M1_64}, /* -1 * (2^64 - 1) */
        {ALU_MULHSU, (uint64_t)-2, 3, M1_64},
        {ALU_MULHSU, 2, M1_64, 1},
        {ALU_MULHSU, MIN64, M1_64, 0x8000000000000000ull},
        {ALU_MULHU, M1_64, M1_64, 0xfffffffffffffffeull},
        {ALU_MULHU, (uint64_t)-2, 3, 2},
        {ALU_MUL, M1_64, M1_64, 1},
        {ALU_MUL, MIN64, M1_64, MIN64},
    };
    RUN(64, false, c);
}
END_TEST

START_TEST(test_mulh_variants_with_negative_operands_rv32)
{
    static const alu_case c[] = {
        {ALU_MULH, M1_32, M1_32, 0},
        {ALU_MULH, MIN32, MIN32, 0x40000000ull},
        {ALU_MULH, 0xfffffffeull, 3, M1_32},
        {ALU_MULHSU, M1_32, M1_32, M1_32},
        {ALU_MULHSU, 0xfffffffeull, 3, M1_32},
        {ALU_MULHSU, 2, M1_32, 1},
        {ALU_MULHU, M1_32, M1_32, 0xfffffffeull},
        {ALU_MULHU, 0xfffffffeull, 3, 2},
        {ALU_MUL, M1_32, M1_32, 1},
        {ALU_MUL, 0x10000, 0x10000, 0},
    };
    RUN(32, false, c);
}
END_TEST

START_TEST(test_register_shifts_mask_the_amount_rv64)
{
    static const alu_case c[] = {
        {ALU_SLL, 0x123, 0, 0x123},
        {ALU_SLL, 1, 31, 0x80000000ull},
        {ALU_SLL, 1, 63, MIN64},
        {ALU_SLL, 1, 64 + 3, 8},
        {ALU_SLL, 1, 0xffffffffffffffc1ull, 2}, /* only rs2[5:0] */
        {ALU_SRL, MIN64, 63, 1},
        {ALU_SRL, MIN64, 0, MIN64},
        {ALU_SRL, MIN64, 128 + 60, 8},
        {ALU_SRA, MIN64, 63, M1_64},
        {ALU_SRA, MIN64, 31, 0xffffffff00000000ull},
        {ALU_SRA, 0x4000000000000000ull, 62, 1},
        {ALU_SRA, MIN64, 64, MIN64},
    };
    RUN(64, false, c);
}
END_TEST

START_TEST(test_register_shifts_mask_the_amount_rv32)
{
    static const alu_case c[] = {
        {ALU_SLL, 0x123, 0, 0x123},
        {ALU_SLL, 1, 31, MIN32},
        {ALU_SLL, 1, 32 + 3, 8},
        {ALU_SLL, 3, 31, MIN32}, /* the bit shifted out is gone */
        {ALU_SRL, MIN32, 31, 1},
        {ALU_SRL, MIN32, 32, MIN32},
        {ALU_SRA, MIN32, 31, M1_32},
        {ALU_SRA, MIN32, 63, M1_32},
        {ALU_SRA, 0x40000000ull, 30, 1},
    };
    RUN(32, false, c);
}
END_TEST

START_TEST(test_immediate_shifts_by_0_31_63)
{
    emu_machine *m = tu_machine(64);
    ck_assert_uint_eq(tu_exec_rr(m, tu_slli(A0, A1, 0), 0x8000000000000001ull, 0),
                      0x8000000000000001ull);
    ck_assert_uint_eq(tu_exec_rr(m, tu_slli(A0, A1, 31), 3, 0), 0x180000000ull);
    ck_assert_uint_eq(tu_exec_rr(m, tu_slli(A0, A1, 63), 3, 0), MIN64);
    ck_assert_uint_eq(tu_exec_rr(m, tu_srli(A0, A1, 63), M1_64, 0), 1);
    ck_assert_uint_eq(tu_exec_rr(m, tu_srai(A0, A1, 63), MIN64, 0), M1_64);
    ck_assert_uint_eq(tu_exec_rr(m, tu_srai(A0, A1, 0), MIN64, 0), MIN64);
    ck_assert_uint_eq(tu_exec_rr(m, tu_srai(A0, A1, 31), MIN64, 0),
                      0xffffffff00000000ull);
    emu_machine_free(m);

    m = tu_machine(32);
    ck_assert_uint_eq(tu_exec_rr(m, tu_slli(A0, A1, 31), 3, 0), MIN32);
    ck_assert_uint_eq(tu_exec_rr(m, tu_srli(A0, A1, 31), M1_32, 0), 1);
    ck_assert_uint_eq(tu_exec_rr(m, tu_srai(A0, A1, 31), MIN32, 0), M1_32);
    ck_assert_uint_eq(tu_exec_rr(m, tu_srai(A0, A1, 0), MIN32, 0), MIN32);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_rv32_shift_immediate_with_shamt5_is_illegal)
{
    emu_machine *m = tu_machine(32);
    expect_illegal(m, tu_slli(A0, A1, 32));
    expect_illegal(m, tu_srli(A0, A1, 33));
    expect_illegal(m, tu_srai(A0, A1, 63));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_w_forms_sign_extend_32bit_results)
{
    static const alu_case c[] = {
        {ALU_ADD, 0x7fffffff, 1, 0xffffffff80000000ull},
        {ALU_ADD, 0xffffffff00000001ull, 0x00000000ffffffffull, 0},
        {ALU_SUB, 0, 1, M1_64},
        {ALU_SUB, 0x80000000ull, 1, 0x7fffffff},
        {ALU_SLL, 1, 31, 0xffffffff80000000ull},
        {ALU_SLL, 1, 33, 2}, /* 5-bit shift amount */
        {ALU_SRL, 0xffffffff80000000ull, 0, 0xffffffff80000000ull},
        {ALU_SRL, 0xffffffff80000000ull, 1, 0x40000000},
        {ALU_SRL, 0x1234567880000000ull, 32, 0xffffffff80000000ull},
        {ALU_SRA, 0x0000000080000000ull, 31, M1_64},
        {ALU_SRA, 0x0000000080000000ull, 4, 0xfffffffff8000000ull},
        {ALU_SRA, 0xffffffff7fffffffull, 30, 1},
    };
    RUN(64, true, c);

    emu_machine *m = tu_machine(64);
    /* addiw a0, a1, 0 (sext.w) and the immediate W shifts */
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM_32, A0, 0, A1, 0),
                                 0x1234567887654321ull, 0),
                      0xffffffff87654321ull);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM_32, A0, 0, A1, -1), 0, 0),
                      M1_64);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM_32, A0, 1, A1, 31), 1, 0),
                      0xffffffff80000000ull);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM_32, A0, 5, A1, 0),
                                 0x00000000ffffffffull, 0),
                      M1_64);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM_32, A0, 5, A1, 31),
                                 0x00000000ffffffffull, 0),
                      1);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM_32, A0, 5, A1, 0x400 | 31),
                                 0x0000000080000000ull, 0),
                      M1_64);
    /* slliw/srliw/sraiw with shamt[5] set are reserved */
    expect_illegal(m, tu_enc_i(OPC_OP_IMM_32, A0, 1, A1, 32));
    expect_illegal(m, tu_enc_i(OPC_OP_IMM_32, A0, 5, A1, 32));
    expect_illegal(m, tu_enc_i(OPC_OP_IMM_32, A0, 5, A1, 0x400 | 32));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_w_forms_are_illegal_on_rv32)
{
    emu_machine *m = tu_machine(32);
    expect_illegal(m, tu_opw(ALU_ADD, A0, A1, A2));
    expect_illegal(m, tu_opw(ALU_DIV, A0, A1, A2));
    expect_illegal(m, tu_enc_i(OPC_OP_IMM_32, A0, 0, A1, 1));
    expect_illegal(m, tu_ld(A0, A1, 0));
    expect_illegal(m, tu_sd(A0, A1, 0));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_slt_sltu_with_negative_numbers)
{
    static const alu_case c64[] = {
        {ALU_SLT, M1_64, 0, 1},
        {ALU_SLTU, M1_64, 0, 0},
        {ALU_SLT, 0, M1_64, 0},
        {ALU_SLTU, 0, M1_64, 1},
        {ALU_SLT, MIN64, 0x7fffffffffffffffull, 1},
        {ALU_SLTU, MIN64, 0x7fffffffffffffffull, 0},
        {ALU_SLT, 5, 5, 0},
        {ALU_SLTU, 0, 0, 0},
    };
    static const alu_case c32[] = {
        {ALU_SLT, M1_32, 0, 1},
        {ALU_SLTU, M1_32, 0, 0},
        {ALU_SLT, MIN32, 0x7fffffff, 1},
        {ALU_SLTU, MIN32, 0x7fffffff, 0},
    };
    RUN(64, false, c64);
    RUN(32, false, c32);

    /* slti/sltiu compare against the sign-extended immediate */
    emu_machine *m = tu_machine(64);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM, A0, 2, A1, -1), (uint64_t)-2, 0), 1);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM, A0, 2, A1, -1), 0, 0), 0);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM, A0, 3, A1, -1), 5, 0), 1);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM, A0, 3, A1, -1), M1_64, 0), 0);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM, A0, 3, A1, 1), 0, 0), 1);
    emu_machine_free(m);
    m = tu_machine(32);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM, A0, 3, A1, -1), 0xfffffffeull, 0), 1);
    ck_assert_uint_eq(tu_exec_rr(m, tu_enc_i(OPC_OP_IMM, A0, 2, A1, -2048), MIN32, 0), 1);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_lui_auipc_sign_extend_on_rv64)
{
    emu_machine *m = tu_machine(64);
    ck_assert_uint_eq(tu_exec_rr(m, tu_lui(A0, 0x80000), 0, 0), 0xffffffff80000000ull);
    ck_assert_uint_eq(tu_exec_rr(m, tu_lui(A0, 0x7ffff), 0, 0), 0x7ffff000ull);
    ck_assert_uint_eq(tu_exec_rr(m, tu_lui(A0, 0xfffff), 0, 0), 0xfffffffffffff000ull);
    /* at pc 0x80000000: + sext(0x80000000) wraps to 0 */
    ck_assert_uint_eq(tu_exec_rr(m, tu_auipc(A0, 0x80000), 0, 0), 0);
    ck_assert_uint_eq(tu_exec_rr(m, tu_auipc(A0, 0x7ffff), 0, 0), 0xfffff000ull);
    ck_assert_uint_eq(tu_exec_rr(m, tu_auipc(A0, 0xfffff), 0, 0), 0x7ffff000ull);
    ck_assert_uint_eq(tu_exec_rr(m, tu_auipc(A0, 0), 0, 0), TU_RAM_BASE);
    emu_machine_free(m);

    m = tu_machine(32);
    ck_assert_uint_eq(tu_exec_rr(m, tu_lui(A0, 0x80000), 0, 0), 0x80000000ull);
    ck_assert_uint_eq(tu_exec_rr(m, tu_auipc(A0, 0x80000), 0, 0), 0);
    ck_assert_uint_eq(tu_exec_rr(m, tu_auipc(A0, 0x7ffff), 0, 0), 0xfffff000ull);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_rv32_results_wrap_to_32_bits)
{
    static const alu_case c[] = {
        {ALU_ADD, M1_32, 1, 0},
        {ALU_SUB, 0, 1, M1_32},
        {ALU_ADD, MIN32, MIN32, 0},
        {ALU_XOR, M1_32, 0x0f0f0f0f, 0xf0f0f0f0ull},
    };
    RUN(32, false, c);
    emu_machine *m = tu_machine(32);
    ck_assert_uint_eq(tu_exec_rr(m, tu_addi(A0, A1, -1), 0, 0), M1_32);
    /* a register written through the API is truncated to XLEN too */
    tu_set_x(m, A3, 0x1234567887654321ull);
    ck_assert_uint_eq(tu_x(m, A3), 0x87654321ull);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_x0_is_never_written)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = tu_machine(xlen);
        uint64_t data = TU_RAM_BASE + 0x800;
        tu_write64(m, data, 0x1122334455667788ull);
        TU_CODE(m, TU_RAM_BASE,
                tu_op(ALU_ADD, ZERO, A1, A2),      /* add x0, a1, a2 */
                tu_addi(ZERO, A1, 5),              /* addi x0, a1, 5 */
                tu_lui(ZERO, 0x12345),             /* lui x0 */
                tu_auipc(ZERO, 1),                 /* auipc x0 */
                tu_lw(ZERO, A3, 0),                /* lw x0, 0(a3) */
                tu_csrr(ZERO, CSR_MISA),           /* csrr x0, misa */
                tu_jal(ZERO, 4),                   /* j .+4 */
                tu_op(ALU_DIV, ZERO, A1, ZERO),    /* div x0, a1, x0 */
                tu_op(ALU_ADD, A4, ZERO, ZERO));   /* a4 = x0 + x0 */
        tu_set_x(m, A1, 3);
        tu_set_x(m, A2, 4);
        tu_set_x(m, A3, data);
        tu_set_x(m, A4, 99);
        tu_set_x(m, ZERO, 77); /* the API ignores writes to x0 as well */
        for (int i = 0; i < 9; i++) {
            tu_step(m, 1);
            ck_assert_msg(tu_x(m, ZERO) == 0, "RV%u: x0 = 0x%llx after insn %d",
                          xlen, (unsigned long long)tu_x(m, ZERO), i);
        }
        ck_assert_uint_eq(tu_x(m, A4), 0);
        ck_assert_uint_eq(tu_reg(m, "pc"), TU_RAM_BASE + 36);
        ck_assert_uint_eq(tu_reg(m, "zero"), 0);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_m_instructions_illegal_without_m_extension)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.isa = "rv64iac";
    emu_machine *m = tu_machine_cfg(&cfg);
    expect_illegal(m, tu_op(ALU_MUL, A0, A1, A2));
    expect_illegal(m, tu_op(ALU_DIVU, A0, A1, A2));
    expect_illegal(m, tu_opw(ALU_MUL, A0, A1, A2));
    /* the base ISA still works */
    ck_assert_uint_eq(tu_exec_rr(m, tu_op(ALU_ADD, A0, A1, A2), 2, 3), 5);
    emu_machine_free(m);
}
END_TEST

static Suite *alu_suite(void)
{
    Suite *s = suite_create("alu");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_div_rem_by_zero_rv64);
    tcase_add_test(tc, test_div_rem_by_zero_rv32);
    tcase_add_test(tc, test_div_signed_overflow_rv64);
    tcase_add_test(tc, test_div_signed_overflow_rv32);
    tcase_add_test(tc, test_divw_remw_by_zero_and_overflow_rv64);
    tcase_add_test(tc, test_mulh_variants_with_negative_operands_rv64);
    tcase_add_test(tc, test_mulh_variants_with_negative_operands_rv32);
    tcase_add_test(tc, test_register_shifts_mask_the_amount_rv64);
    tcase_add_test(tc, test_register_shifts_mask_the_amount_rv32);
    tcase_add_test(tc, test_immediate_shifts_by_0_31_63);
    tcase_add_test(tc, test_rv32_shift_immediate_with_shamt5_is_illegal);
    tcase_add_test(tc, test_w_forms_sign_extend_32bit_results);
    tcase_add_test(tc, test_w_forms_are_illegal_on_rv32);
    tcase_add_test(tc, test_slt_sltu_with_negative_numbers);
    tcase_add_test(tc, test_lui_auipc_sign_extend_on_rv64);
    tcase_add_test(tc, test_rv32_results_wrap_to_32_bits);
    tcase_add_test(tc, test_x0_is_never_written);
    tcase_add_test(tc, test_m_instructions_illegal_without_m_extension);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(alu_suite()); }
