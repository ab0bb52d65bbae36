/*
 * Zba, Zbb, Zbs, Zbc (RISC-V Bit-Manipulation ISA-extensions 1.0.0) and
 * Zicond (1.0) executed through the interpreter on RV32 and RV64: corner
 * cases per instruction, and the encodings that must trap as illegal
 * instruction (extension not in the ISA string, RV64-only forms on RV32,
 * shamt[5] on RV32, and the reserved neighbours of each encoding).
 *
 * The expected values were computed from the specs' pseudo-code (the bit
 * loops of clz, clmul, ...), not from the emulator.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

/* Encodings with rd = a0, rs1 = a1, rs2 = a2 (R-type), or rd = a0, rs1 = a1
 * and a 12-bit immediate (I-type; for the unary ops the immediate holds
 * funct7 and the rs2 field). */
#define R(op, f7, f3)                                                          \
    ((uint32_t)(f7) << 25 | A2 << 20 | A1 << 15 | (f3) << 12 | A0 << 7 | (op))
#define I(op, imm, f3)                                                         \
    ((uint32_t)(imm) << 20 | A1 << 15 | (f3) << 12 | A0 << 7 | (op))

/* Zba */
#define SH1ADD R(OPC_OP, 0x10, 2)
#define SH2ADD R(OPC_OP, 0x10, 4)
#define SH3ADD R(OPC_OP, 0x10, 6)
#define ADD_UW R(OPC_OP_32, 0x04, 0)
#define ZEXT_W I(OPC_OP_32, 0x080, 0) /* add.uw a0, a1, zero */
#define SH1ADD_UW R(OPC_OP_32, 0x10, 2)
#define SH2ADD_UW R(OPC_OP_32, 0x10, 4)
#define SH3ADD_UW R(OPC_OP_32, 0x10, 6)
#define SLLI_UW(sh) I(OPC_OP_IMM_32, 0x080 | (sh), 1)
/* Zbb */
#define ANDN R(OPC_OP, 0x20, 7)
#define ORN R(OPC_OP, 0x20, 6)
#define XNOR R(OPC_OP, 0x20, 4)
#define CLZ I(OPC_OP_IMM, 0x600, 1)
#define CTZ I(OPC_OP_IMM, 0x601, 1)
#define CPOP I(OPC_OP_IMM, 0x602, 1)
#define CLZW I(OPC_OP_IMM_32, 0x600, 1)
#define CTZW I(OPC_OP_IMM_32, 0x601, 1)
#define CPOPW I(OPC_OP_IMM_32, 0x602, 1)
#define MAX R(OPC_OP, 0x05, 6)
#define MAXU R(OPC_OP, 0x05, 7)
#define MIN R(OPC_OP, 0x05, 4)
#define MINU R(OPC_OP, 0x05, 5)
#define SEXT_B I(OPC_OP_IMM, 0x604, 1)
#define SEXT_H I(OPC_OP_IMM, 0x605, 1)
#define ZEXT_H_32 I(OPC_OP, 0x080, 4)    /* pack a0, a1, zero */
#define ZEXT_H_64 I(OPC_OP_32, 0x080, 4) /* packw a0, a1, zero */
#define ROL R(OPC_OP, 0x30, 1)
#define ROR R(OPC_OP, 0x30, 5)
#define RORI(sh) I(OPC_OP_IMM, 0x600 | (sh), 5)
#define ROLW R(OPC_OP_32, 0x30, 1)
#define RORW R(OPC_OP_32, 0x30, 5)
#define RORIW(sh) I(OPC_OP_IMM_32, 0x600 | (sh), 5)
#define ORC_B I(OPC_OP_IMM, 0x287, 5)
#define REV8_32 I(OPC_OP_IMM, 0x698, 5)
#define REV8_64 I(OPC_OP_IMM, 0x6b8, 5)
/* Zbs */
#define BSET R(OPC_OP, 0x14, 1)
#define BCLR R(OPC_OP, 0x24, 1)
#define BINV R(OPC_OP, 0x34, 1)
#define BEXT R(OPC_OP, 0x24, 5)
#define BSETI(sh) I(OPC_OP_IMM, 0x280 | (sh), 1)
#define BCLRI(sh) I(OPC_OP_IMM, 0x480 | (sh), 1)
#define BINVI(sh) I(OPC_OP_IMM, 0x680 | (sh), 1)
#define BEXTI(sh) I(OPC_OP_IMM, 0x480 | (sh), 5)
/* Zbc */
#define CLMUL R(OPC_OP, 0x05, 1)
#define CLMULR R(OPC_OP, 0x05, 2)
#define CLMULH R(OPC_OP, 0x05, 3)
/* Zicond */
#define CZERO_EQZ R(OPC_OP, 0x07, 5)
#define CZERO_NEZ R(OPC_OP, 0x07, 7)

#define MIN64 0x8000000000000000ull
#define M1_64 0xffffffffffffffffull
#define MIN32 0x80000000ull
#define M1_32 0xffffffffull

#define ALL_EXTS "_zba_zbb_zbs_zbc_zicond"

/* A machine of the given XLEN whose ISA is rv<xlen>imac followed by exts
 * ("_zba_zbb", "b", "" ...). */
static emu_machine *zb_machine(unsigned xlen, const char *exts)
{
    char isa[96];
    snprintf(isa, sizeof isa, "rv%uimac%s", xlen, exts);
    emu_config cfg =
        emu_config_default(xlen == 32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.isa = isa;
    cfg.ram_size = TU_RAM_SIZE;
    return tu_machine_cfg(&cfg);
}

typedef struct zb_case {
    uint32_t insn;
    uint64_t a, b, expect; /* rs1, rs2 (unused by I-type), rd */
} zb_case;

static bool is_imm_form(uint32_t insn)
{
    return (insn & 0x7f) == OPC_OP_IMM || (insn & 0x7f) == OPC_OP_IMM_32;
}

static void run_cases(unsigned xlen, const zb_case *c, size_t n)
{
    emu_machine *m = zb_machine(xlen, ALL_EXTS);
    for (size_t i = 0; i < n; i++) {
        /* tu_exec_rr writes b to the register named by the rs2 field, which
         * in an I-type word is part of the immediate: give it a's value in
         * case that field names rs1. */
        uint64_t b = is_imm_form(c[i].insn) ? c[i].a : c[i].b;
        uint64_t got = tu_exec_rr(m, c[i].insn, c[i].a, b);
        char text[64];
        emu_disasm(m, TU_RAM_BASE, c[i].insn, text, sizeof text);
        ck_assert_msg(got == c[i].expect,
                      "RV%u case %zu (%s): a 0x%llx b 0x%llx -> 0x%llx, "
                      "expected 0x%llx",
                      xlen, i, text, (unsigned long long)c[i].a,
                      (unsigned long long)c[i].b, (unsigned long long)got,
                      (unsigned long long)c[i].expect);
    }
    emu_machine_free(m);
}
#define RUN(xlen, cases)                                                       \
    run_cases((xlen), (cases), sizeof(cases) / sizeof((cases)[0]))

/* Execute one instruction expected to raise an illegal-instruction trap
 * (mcause 2, mtval = the instruction, pc at mtvec, a0 unchanged). */
static void expect_illegal(emu_machine *m, uint32_t insn)
{
    tu_set_csr(m, CSR_MTVEC, TU_RAM_BASE + 0x100);
    tu_set_csr(m, CSR_MCAUSE, 0);
    tu_set_csr(m, CSR_MTVAL, 0);
    tu_set_x(m, A0, 0x5a5a);
    tu_set_x(m, A1, 3);
    tu_set_x(m, A2, 1);
    tu_write32(m, TU_RAM_BASE, insn);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_step(m, 1);
    ck_assert_msg(tu_csr(m, CSR_MCAUSE) == 2, "0x%08x: mcause %llu", insn,
                  (unsigned long long)tu_csr(m, CSR_MCAUSE));
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), insn);
    ck_assert_uint_eq(tu_reg(m, "pc"), TU_RAM_BASE + 0x100);
    ck_assert_uint_eq(tu_x(m, A0), 0x5a5a);
}

/* Execute one instruction expected to complete (pc advances by 4). */
static void expect_legal(emu_machine *m, uint32_t insn)
{
    tu_set_csr(m, CSR_MTVEC, TU_RAM_BASE + 0x100);
    tu_write32(m, TU_RAM_BASE, insn);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_step(m, 1);
    ck_assert_msg(tu_reg(m, "pc") == TU_RAM_BASE + 4,
                  "0x%08x trapped (mcause %llu)", insn,
                  (unsigned long long)tu_csr(m, CSR_MCAUSE));
}

/* sh1add/sh2add/sh3add (and on RV64 the .uw forms and slli.uw, which
 * take rs1's low word unsigned): carries out of XLEN are lost. */
START_TEST(test_zba_shift_add_corner_cases_rv64)
{
    static const zb_case c[] = {
        {SH1ADD, 1, 2, 4},
        {SH1ADD, M1_64, 0, 0xfffffffffffffffeull},
        {SH1ADD, MIN64, 1, 1},
        {SH1ADD, 0x4000000000000000ull, 0, MIN64},
        {SH1ADD, M1_64, M1_64, 0xfffffffffffffffdull},
        {SH1ADD, 0, 85, 85},
        {SH2ADD, 1, 2, 6},
        {SH2ADD, M1_64, 0, 0xfffffffffffffffcull},
        {SH2ADD, 0x2000000000000001ull, 3, 0x8000000000000007ull},
        {SH2ADD, 0x4000000000000000ull, 7, 7},
        {SH2ADD, M1_64, 4, 0},
        {SH3ADD, 1, 2, 10},
        {SH3ADD, M1_64, 0, 0xfffffffffffffff8ull},
        {SH3ADD, 0x1000000000000000ull, 0, MIN64},
        {SH3ADD, 0x3000000000000000ull, 1, 0x8000000000000001ull},
        {SH3ADD, M1_64, 8, 0},
        {ADD_UW, 0xffffffff80000000ull, 1, 0x80000001ull},
        {ADD_UW, M1_64, M1_64, 0xfffffffeull},
        {ADD_UW, M1_64, 1, 0x100000000ull},
        {ADD_UW, 0x123456789ull, 0, 0x23456789},
        {ADD_UW, 0, M1_64, M1_64},
        {ADD_UW, 0x7fffffff, 0x7fffffff, 0xfffffffeull},
        {ZEXT_W, 0xffffffff80000000ull, 0, 0x80000000ull},
        {SH1ADD_UW, M1_64, 0, 0x1fffffffeull},
        {SH1ADD_UW, 0xffffffff80000000ull, 1, 0x100000001ull},
        {SH1ADD_UW, 0x100000001ull, M1_64, 1},
        {SH2ADD_UW, M1_64, 0, 0x3fffffffcull},
        {SH2ADD_UW, 0xffffffff80000000ull, 1, 0x200000001ull},
        {SH2ADD_UW, 0x100000001ull, M1_64, 3},
        {SH3ADD_UW, M1_64, 0, 0x7fffffff8ull},
        {SH3ADD_UW, 0x180000000ull, 1, 0x400000001ull},
        {SH3ADD_UW, 0x100000001ull, M1_64, 7},
        {SLLI_UW(0), 0xffffffff12345678ull, 0, 0x12345678},
        {SLLI_UW(1), 0xffffffff12345678ull, 0, 0x2468acf0},
        {SLLI_UW(31), M1_64, 0, 0x7fffffff80000000ull},
        {SLLI_UW(32), M1_64, 0, 0xffffffff00000000ull},
        {SLLI_UW(63), 1, 0, MIN64},
        {SLLI_UW(63), 0x80000001ull, 0, MIN64},
        {SLLI_UW(63), 2, 0, 0},
        {SLLI_UW(32), 0x80000000ull, 0, MIN64},
    };
    RUN(64, c);
}
END_TEST

START_TEST(test_zba_shift_add_corner_cases_rv32)
{
    static const zb_case c[] = {
        {SH1ADD, 1, 2, 4},
        {SH1ADD, M1_32, 0, 0xfffffffeull},
        {SH1ADD, MIN32, 1, 1},
        {SH1ADD, 0x40000000, 0, MIN32},
        {SH1ADD, M1_32, M1_32, 0xfffffffdull},
        {SH2ADD, 1, 2, 6},
        {SH2ADD, M1_32, 0, 0xfffffffcull},
        {SH2ADD, 0x20000001, 3, 0x80000007ull},
        {SH2ADD, 0x40000000, 7, 7},
        {SH3ADD, 1, 2, 10},
        {SH3ADD, M1_32, 0, 0xfffffff8ull},
        {SH3ADD, 0x10000000, 0, MIN32},
        {SH3ADD, 0x30000000, 1, 0x80000001ull},
        {SH3ADD, M1_32, 8, 0},
    };
    RUN(32, c);
}
END_TEST

/* Zbb: logic with negation, counts of 0 and all-ones, signed and unsigned
 * min/max, sign/zero extension, rotations by 0, XLEN-1 and amounts >= XLEN,
 * orc.b, rev8; on RV64 the W forms ignore the upper word and sign-extend. */
START_TEST(test_zbb_corner_cases_rv64)
{
    static const zb_case c[] = {
        {ANDN, M1_64, 0, M1_64},
        {ANDN, M1_64, M1_64, 0},
        {ANDN, 0x123456789abcdefull, 0xff00ff00ff00ff00ull,
         0x23006700ab00efull},
        {ANDN, 0, M1_64, 0},
        {ORN, 0, 0, M1_64},
        {ORN, 0, M1_64, 0},
        {ORN, 0x123456789abcdefull, 0xff00ff00ff00ff00ull,
         0x1ff45ff89ffcdffull},
        {ORN, MIN64, M1_64, MIN64},
        {XNOR, 0, 0, M1_64},
        {XNOR, M1_64, M1_64, M1_64},
        {XNOR, 0x123456789abcdefull, 0xff00ff00ff00ff00ull,
         0x1dc45988954cd10ull},
        {XNOR, M1_64, 0, 0},
        {CLZ, 0, 0, 64},
        {CLZ, 1, 0, 63},
        {CLZ, MIN64, 0, 0},
        {CLZ, M1_64, 0, 0},
        {CLZ, 0xffffffffull, 0, 32},
        {CLZ, 0x100000000ull, 0, 31},
        {CLZ, 0x1000000000000ull, 0, 15},
        {CTZ, 0, 0, 64},
        {CTZ, 1, 0, 0},
        {CTZ, MIN64, 0, 63},
        {CTZ, M1_64, 0, 0},
        {CTZ, 0xffffffff00000000ull, 0, 32},
        {CTZ, 0x100000000ull, 0, 32},
        {CTZ, 0x8000, 0, 15},
        {CPOP, 0, 0, 0},
        {CPOP, 1, 0, 1},
        {CPOP, MIN64, 0, 1},
        {CPOP, M1_64, 0, 64},
        {CPOP, 0x5555555555555555ull, 0, 32},
        {CPOP, 0xffffffff00000000ull, 0, 32},
        {CPOP, 0x123456789abcdefull, 0, 32},
        {CLZW, 0, 0, 32},
        {CLZW, 1, 0, 31},
        {CLZW, 0x80000000ull, 0, 0},
        {CLZW, 0xffffffff00000000ull, 0, 32},
        {CLZW, 0xffffffff80000000ull, 0, 0},
        {CLZW, 0x100000001ull, 0, 31},
        {CLZW, 0x8000, 0, 16},
        {CTZW, 0, 0, 32},
        {CTZW, 1, 0, 0},
        {CTZW, 0x80000000ull, 0, 31},
        {CTZW, 0xffffffff00000000ull, 0, 32},
        {CTZW, 0x100000000ull, 0, 32},
        {CTZW, 0xfffffffe80000000ull, 0, 31},
        {CTZW, M1_64, 0, 0},
        {CPOPW, 0, 0, 0},
        {CPOPW, 0xffffffffull, 0, 32},
        {CPOPW, 0xffffffff00000000ull, 0, 0},
        {CPOPW, M1_64, 0, 32},
        {CPOPW, 0xaaaaaaaa55555555ull, 0, 16},
        {CPOPW, 0x180000001ull, 0, 2},
        {MAX, M1_64, 1, 1},
        {MAX, 1, M1_64, 1},
        {MAX, MIN64, 0x7fffffffffffffffull, 0x7fffffffffffffffull},
        {MAX, MIN64, M1_64, M1_64},
        {MAX, 5, 5, 5},
        {MAX, 0, MIN64, 0},
        {MAXU, M1_64, 1, M1_64},
        {MAXU, 1, M1_64, M1_64},
        {MAXU, MIN64, 0x7fffffffffffffffull, MIN64},
        {MAXU, 5, 5, 5},
        {MAXU, 0, MIN64, MIN64},
        {MIN, M1_64, 1, M1_64},
        {MIN, 1, M1_64, M1_64},
        {MIN, MIN64, 0x7fffffffffffffffull, MIN64},
        {MIN, MIN64, M1_64, MIN64},
        {MIN, 5, 5, 5},
        {MIN, 0, MIN64, MIN64},
        {MINU, M1_64, 1, 1},
        {MINU, 1, M1_64, 1},
        {MINU, MIN64, 0x7fffffffffffffffull, 0x7fffffffffffffffull},
        {MINU, 5, 5, 5},
        {MINU, 0, MIN64, 0},
        {SEXT_B, 0, 0, 0},
        {SEXT_B, 127, 0, 127},
        {SEXT_B, 128, 0, 0xffffffffffffff80ull},
        {SEXT_B, 255, 0, M1_64},
        {SEXT_B, 0xffffffffffffff00ull, 0, 0},
        {SEXT_B, 0x123456789abcde7full, 0, 127},
        {SEXT_H, 0, 0, 0},
        {SEXT_H, 0x7fff, 0, 0x7fff},
        {SEXT_H, 0x8000, 0, 0xffffffffffff8000ull},
        {SEXT_H, 0xffff, 0, M1_64},
        {SEXT_H, 0xffffffffffff0000ull, 0, 0},
        {SEXT_H, 0x123456789abc7fffull, 0, 0x7fff},
        {ZEXT_H_64, 0, 0, 0},
        {ZEXT_H_64, 0xffff, 0, 0xffff},
        {ZEXT_H_64, M1_64, 0, 0xffff},
        {ZEXT_H_64, 0xffffffffffff8000ull, 0, 0x8000},
        {ZEXT_H_64, 0x123456789abcdefull, 0, 0xcdef},
        {ROL, 0x123456789abcdefull, 0, 0x123456789abcdefull},
        {ROL, 0x123456789abcdefull, 4, 0x123456789abcdef0ull},
        {ROL, MIN64, 1, 1},
        {ROL, 1, 63, MIN64},
        {ROL, 0x123456789abcdefull, 64, 0x123456789abcdefull},
        {ROL, 0x123456789abcdefull, 68, 0x123456789abcdef0ull},
        {ROL, M1_64, 13, M1_64},
        {ROL, 1, M1_64, MIN64},
        {ROR, 0x123456789abcdefull, 0, 0x123456789abcdefull},
        {ROR, 0x123456789abcdefull, 4, 0xf0123456789abcdeull},
        {ROR, 1, 1, MIN64},
        {ROR, MIN64, 63, 1},
        {ROR, 0x123456789abcdefull, 64, 0x123456789abcdefull},
        {ROR, 0x123456789abcdefull, 68, 0xf0123456789abcdeull},
        {ROR, M1_64, 13, M1_64},
        {ROR, 2, M1_64, 4},
        {RORI(0), 0x123456789abcdefull, 0, 0x123456789abcdefull},
        {RORI(4), 0x123456789abcdefull, 0, 0xf0123456789abcdeull},
        {RORI(1), 1, 0, MIN64},
        {RORI(31), 1, 0, 0x200000000ull},
        {RORI(32), 1, 0, 0x100000000ull},
        {RORI(63), MIN64, 0, 1},
        {RORI(13), M1_64, 0, M1_64},
        {ROLW, 0x12345678, 0, 0x12345678},
        {ROLW, 0x12345678, 4, 0x23456781},
        {ROLW, 0x40000000, 1, 0xffffffff80000000ull},
        {ROLW, 1, 31, 0xffffffff80000000ull},
        {ROLW, 0xffffffff00000001ull, 32, 1},
        {ROLW, 0x12345678, 36, 0x23456781},
        {ROLW, 0xffffffff00000000ull, 5, 0},
        {ROLW, 0x80000000ull, 1, 1},
        {RORW, 0x12345678, 0, 0x12345678},
        {RORW, 0x12345678, 4, 0xffffffff81234567ull},
        {RORW, 1, 1, 0xffffffff80000000ull},
        {RORW, 2, 1, 1},
        {RORW, 0xffffffff00000001ull, 32, 1},
        {RORW, 0x12345678, 36, 0xffffffff81234567ull},
        {RORW, 0xffffffff00000000ull, 5, 0},
        {RORW, 0xffffffff80000000ull, 31, 1},
        {RORIW(0), 0x12345678, 0, 0x12345678},
        {RORIW(4), 0x12345678, 0, 0xffffffff81234567ull},
        {RORIW(1), 1, 0, 0xffffffff80000000ull},
        {RORIW(1), 2, 0, 1},
        {RORIW(31), 0xffffffff00000001ull, 0, 2},
        {RORIW(5), 0xffffffff00000000ull, 0, 0},
        {RORIW(0), 0x80000000ull, 0, 0xffffffff80000000ull},
        {ORC_B, 0, 0, 0},
        {ORC_B, M1_64, 0, M1_64},
        {ORC_B, 0x100000000800001ull, 0, 0xff00000000ff00ffull},
        {ORC_B, 0x8000000000000080ull, 0, 0xff000000000000ffull},
        {ORC_B, 0x123456789abcdefull, 0, M1_64},
        {ORC_B, 0xff00ff00000010ull, 0, 0xff00ff000000ffull},
        {REV8_64, 0, 0, 0},
        {REV8_64, M1_64, 0, M1_64},
        {REV8_64, 0x102030405060708ull, 0, 0x807060504030201ull},
        {REV8_64, MIN64, 0, 128},
        {REV8_64, 255, 0, 0xff00000000000000ull},
        {REV8_64, 0x123456789abcdefull, 0, 0xefcdab8967452301ull},
    };
    RUN(64, c);
}
END_TEST

START_TEST(test_zbb_corner_cases_rv32)
{
    static const zb_case c[] = {
        {ANDN, M1_32, 0, M1_32},
        {ANDN, M1_32, M1_32, 0},
        {ANDN, 0x89abcdefull, 0xff00ff00ull, 0xab00ef},
        {ANDN, 0, M1_32, 0},
        {ORN, 0, 0, M1_32},
        {ORN, 0, M1_32, 0},
        {ORN, 0x89abcdefull, 0xff00ff00ull, 0x89ffcdffull},
        {ORN, MIN32, M1_32, MIN32},
        {XNOR, 0, 0, M1_32},
        {XNOR, M1_32, M1_32, M1_32},
        {XNOR, 0x89abcdefull, 0xff00ff00ull, 0x8954cd10ull},
        {XNOR, M1_32, 0, 0},
        {CLZ, 0, 0, 32},
        {CLZ, 1, 0, 31},
        {CLZ, MIN32, 0, 0},
        {CLZ, M1_32, 0, 0},
        {CLZ, 0xffff, 0, 16},
        {CLZ, 0x10000, 0, 15},
        {CTZ, 0, 0, 32},
        {CTZ, 1, 0, 0},
        {CTZ, MIN32, 0, 31},
        {CTZ, M1_32, 0, 0},
        {CTZ, 0xffff0000ull, 0, 16},
        {CTZ, 0x8000, 0, 15},
        {CPOP, 0, 0, 0},
        {CPOP, 1, 0, 1},
        {CPOP, MIN32, 0, 1},
        {CPOP, M1_32, 0, 32},
        {CPOP, 0x55555555, 0, 16},
        {CPOP, 0x89abcdefull, 0, 20},
        {MAX, M1_32, 1, 1},
        {MAX, 1, M1_32, 1},
        {MAX, MIN32, 0x7fffffff, 0x7fffffff},
        {MAX, MIN32, M1_32, M1_32},
        {MAX, 5, 5, 5},
        {MAXU, M1_32, 1, M1_32},
        {MAXU, 1, M1_32, M1_32},
        {MAXU, MIN32, 0x7fffffff, MIN32},
        {MAXU, 5, 5, 5},
        {MIN, M1_32, 1, M1_32},
        {MIN, 1, M1_32, M1_32},
        {MIN, MIN32, 0x7fffffff, MIN32},
        {MIN, MIN32, M1_32, MIN32},
        {MIN, 5, 5, 5},
        {MINU, M1_32, 1, 1},
        {MINU, 1, M1_32, 1},
        {MINU, MIN32, 0x7fffffff, 0x7fffffff},
        {MINU, 5, 5, 5},
        {SEXT_B, 0, 0, 0},
        {SEXT_B, 127, 0, 127},
        {SEXT_B, 128, 0, 0xffffff80ull},
        {SEXT_B, 255, 0, M1_32},
        {SEXT_B, 0xffffff00ull, 0, 0},
        {SEXT_B, 0x1234567f, 0, 127},
        {SEXT_H, 0, 0, 0},
        {SEXT_H, 0x7fff, 0, 0x7fff},
        {SEXT_H, 0x8000, 0, 0xffff8000ull},
        {SEXT_H, 0xffff, 0, M1_32},
        {SEXT_H, 0xffff0000ull, 0, 0},
        {SEXT_H, 0x12347fff, 0, 0x7fff},
        {ZEXT_H_32, 0, 0, 0},
        {ZEXT_H_32, 0xffff, 0, 0xffff},
        {ZEXT_H_32, M1_32, 0, 0xffff},
        {ZEXT_H_32, 0xffff8000ull, 0, 0x8000},
        {ZEXT_H_32, 0x89abcdefull, 0, 0xcdef},
        {ROL, 0x89abcdefull, 0, 0x89abcdefull},
        {ROL, 0x89abcdefull, 4, 0x9abcdef8ull},
        {ROL, MIN32, 1, 1},
        {ROL, 1, 31, MIN32},
        {ROL, 0x89abcdefull, 32, 0x89abcdefull},
        {ROL, 0x89abcdefull, 36, 0x9abcdef8ull},
        {ROL, M1_32, 13, M1_32},
        {ROL, 1, M1_32, MIN32},
        {ROR, 0x89abcdefull, 0, 0x89abcdefull},
        {ROR, 0x89abcdefull, 4, 0xf89abcdeull},
        {ROR, 1, 1, MIN32},
        {ROR, MIN32, 31, 1},
        {ROR, 0x89abcdefull, 32, 0x89abcdefull},
        {ROR, 0x89abcdefull, 36, 0xf89abcdeull},
        {ROR, M1_32, 13, M1_32},
        {ROR, 2, M1_32, 4},
        {RORI(0), 0x89abcdefull, 0, 0x89abcdefull},
        {RORI(4), 0x89abcdefull, 0, 0xf89abcdeull},
        {RORI(1), 1, 0, MIN32},
        {RORI(31), 1, 0, 2},
        {RORI(31), MIN32, 0, 1},
        {RORI(13), M1_32, 0, M1_32},
        {ORC_B, 0, 0, 0},
        {ORC_B, M1_32, 0, M1_32},
        {ORC_B, 0x1008001, 0, 0xff00ffffull},
        {ORC_B, 0x80000080ull, 0, 0xff0000ffull},
        {ORC_B, 0xff0010, 0, 0xff00ff},
        {REV8_32, 0, 0, 0},
        {REV8_32, M1_32, 0, M1_32},
        {REV8_32, 0x1020304, 0, 0x4030201},
        {REV8_32, MIN32, 0, 128},
        {REV8_32, 255, 0, 0xff000000ull},
        {REV8_32, 0x89abcdefull, 0, 0xefcdab89ull},
    };
    RUN(32, c);
}
END_TEST

/* Zbs: the register forms use rs2 mod XLEN as the bit index. */
START_TEST(test_zbs_bit_index_modulo_xlen_rv64)
{
    static const zb_case c[] = {
        {BSET, 0, 0, 1},
        {BSET, 0, 63, MIN64},
        {BSET, 0, 64, 1},
        {BSET, 0, 69, 32},
        {BSET, M1_64, 7, M1_64},
        {BSET, 0x123456789abcdefull, 4, 0x123456789abcdffull},
        {BSET, 0, M1_64, MIN64},
        {BCLR, M1_64, 0, 0xfffffffffffffffeull},
        {BCLR, M1_64, 63, 0x7fffffffffffffffull},
        {BCLR, M1_64, 64, 0xfffffffffffffffeull},
        {BCLR, M1_64, 69, 0xffffffffffffffdfull},
        {BCLR, 0, 7, 0},
        {BCLR, 0x123456789abcdefull, 0, 0x123456789abcdeeull},
        {BINV, 0, 0, 1},
        {BINV, 0, 63, MIN64},
        {BINV, M1_64, 63, 0x7fffffffffffffffull},
        {BINV, M1_64, 64, 0xfffffffffffffffeull},
        {BINV, 0x123456789abcdefull, 69, 0x123456789abcdcfull},
        {BINV, 0x123456789abcdefull, 0, 0x123456789abcdeeull},
        {BEXT, 1, 0, 1},
        {BEXT, MIN64, 63, 1},
        {BEXT, 0x7fffffffffffffffull, 63, 0},
        {BEXT, MIN64, 127, 1},
        {BEXT, 0x123456789abcdefull, 64, 1},
        {BEXT, 0x123456789abcdefull, 69, 1},
        {BEXT, 0x123456789abcdefull, 1, 1},
        {BSETI(0), 0, 0, 1},
        {BSETI(31), 0, 0, 0x80000000ull},
        {BSETI(32), 0, 0, 0x100000000ull},
        {BSETI(63), 0, 0, MIN64},
        {BSETI(7), M1_64, 0, M1_64},
        {BCLRI(0), M1_64, 0, 0xfffffffffffffffeull},
        {BCLRI(31), M1_64, 0, 0xffffffff7fffffffull},
        {BCLRI(32), M1_64, 0, 0xfffffffeffffffffull},
        {BCLRI(63), M1_64, 0, 0x7fffffffffffffffull},
        {BCLRI(7), 0, 0, 0},
        {BINVI(0), 0, 0, 1},
        {BINVI(31), M1_64, 0, 0xffffffff7fffffffull},
        {BINVI(32), 0, 0, 0x100000000ull},
        {BINVI(63), M1_64, 0, 0x7fffffffffffffffull},
        {BINVI(5), 0x123456789abcdefull, 0, 0x123456789abcdcfull},
        {BEXTI(0), 1, 0, 1},
        {BEXTI(31), 0x80000000ull, 0, 1},
        {BEXTI(32), 0xfffffffeffffffffull, 0, 0},
        {BEXTI(63), MIN64, 0, 1},
        {BEXTI(5), 0x123456789abcdefull, 0, 1},
    };
    RUN(64, c);
}
END_TEST

START_TEST(test_zbs_bit_index_modulo_xlen_rv32)
{
    static const zb_case c[] = {
        {BSET, 0, 0, 1},
        {BSET, 0, 31, MIN32},
        {BSET, 0, 32, 1},
        {BSET, 0, 37, 32},
        {BSET, M1_32, 7, M1_32},
        {BSET, 0, M1_32, MIN32},
        {BCLR, M1_32, 0, 0xfffffffeull},
        {BCLR, M1_32, 31, 0x7fffffff},
        {BCLR, M1_32, 32, 0xfffffffeull},
        {BCLR, M1_32, 37, 0xffffffdfull},
        {BCLR, 0, 7, 0},
        {BINV, 0, 0, 1},
        {BINV, 0, 31, MIN32},
        {BINV, M1_32, 31, 0x7fffffff},
        {BINV, M1_32, 32, 0xfffffffeull},
        {BINV, 0x89abcdefull, 37, 0x89abcdcfull},
        {BEXT, 1, 0, 1},
        {BEXT, MIN32, 31, 1},
        {BEXT, 0x7fffffff, 31, 0},
        {BEXT, MIN32, 63, 1},
        {BEXT, 0x89abcdefull, 32, 1},
        {BEXT, 0x89abcdefull, 37, 1},
        {BSETI(0), 0, 0, 1},
        {BSETI(31), 0, 0, MIN32},
        {BSETI(7), M1_32, 0, M1_32},
        {BCLRI(0), M1_32, 0, 0xfffffffeull},
        {BCLRI(31), M1_32, 0, 0x7fffffff},
        {BCLRI(7), 0, 0, 0},
        {BINVI(0), 0, 0, 1},
        {BINVI(31), M1_32, 0, 0x7fffffff},
        {BINVI(5), 0x89abcdefull, 0, 0x89abcdcfull},
        {BEXTI(0), 1, 0, 1},
        {BEXTI(31), MIN32, 0, 1},
        {BEXTI(31), 0x7fffffff, 0, 0},
        {BEXTI(5), 0x89abcdefull, 0, 1},
    };
    RUN(32, c);
}
END_TEST

/* Zbc: low, high and reversed halves of the carry-less product. */
START_TEST(test_zbc_carryless_products_rv64)
{
    static const zb_case c[] = {
        {CLMUL, 0, M1_64, 0},
        {CLMUL, M1_64, 0, 0},
        {CLMUL, 1, 0x123456789abcdefull, 0x123456789abcdefull},
        {CLMUL, 0x123456789abcdefull, 1, 0x123456789abcdefull},
        {CLMUL, M1_64, M1_64, 0x5555555555555555ull},
        {CLMUL, MIN64, MIN64, 0},
        {CLMUL, 3, 3, 5},
        {CLMUL, 0x8000000000000001ull, 3, 0x8000000000000003ull},
        {CLMUL, 0x123456789abcdefull, 0xfedcba9876543210ull,
         0x40a0789828c810f0ull},
        {CLMUL, 1, MIN64, MIN64},
        {CLMULH, 0, M1_64, 0},
        {CLMULH, M1_64, 0, 0},
        {CLMULH, 1, 0x123456789abcdefull, 0},
        {CLMULH, 0x123456789abcdefull, 1, 0},
        {CLMULH, M1_64, M1_64, 0x5555555555555555ull},
        {CLMULH, MIN64, MIN64, 0x4000000000000000ull},
        {CLMULH, 3, 3, 0},
        {CLMULH, 0x8000000000000001ull, 3, 1},
        {CLMULH, 0x123456789abcdefull, 0xfedcba9876543210ull,
         0xe038d8688850b0ull},
        {CLMULH, 1, MIN64, 0},
        {CLMULR, 0, M1_64, 0},
        {CLMULR, M1_64, 0, 0},
        {CLMULR, 1, 0x123456789abcdefull, 0},
        {CLMULR, 0x123456789abcdefull, 1, 0},
        {CLMULR, M1_64, M1_64, 0xaaaaaaaaaaaaaaaaull},
        {CLMULR, MIN64, MIN64, MIN64},
        {CLMULR, 3, 3, 0},
        {CLMULR, 0x8000000000000001ull, 3, 3},
        {CLMULR, 0x123456789abcdefull, 0xfedcba9876543210ull,
         0x1c071b0d110a160ull},
        {CLMULR, 1, MIN64, 1},
    };
    RUN(64, c);
}
END_TEST

START_TEST(test_zbc_carryless_products_rv32)
{
    static const zb_case c[] = {
        {CLMUL, 0, M1_32, 0},
        {CLMUL, M1_32, 0, 0},
        {CLMUL, 1, 0x89abcdefull, 0x89abcdefull},
        {CLMUL, 0x89abcdefull, 1, 0x89abcdefull},
        {CLMUL, M1_32, M1_32, 0x55555555},
        {CLMUL, MIN32, MIN32, 0},
        {CLMUL, 3, 3, 5},
        {CLMUL, 0x80000001ull, 3, 0x80000003ull},
        {CLMUL, 0x89abcdefull, 0x76543210, 0x28c810f0},
        {CLMUL, 1, MIN32, MIN32},
        {CLMULH, 0, M1_32, 0},
        {CLMULH, M1_32, 0, 0},
        {CLMULH, 1, 0x89abcdefull, 0},
        {CLMULH, 0x89abcdefull, 1, 0},
        {CLMULH, M1_32, M1_32, 0x55555555},
        {CLMULH, MIN32, MIN32, 0x40000000},
        {CLMULH, 3, 3, 0},
        {CLMULH, 0x80000001ull, 3, 1},
        {CLMULH, 0x89abcdefull, 0x76543210, 0x38d800e0},
        {CLMULH, 1, MIN32, 0},
        {CLMULR, 0, M1_32, 0},
        {CLMULR, M1_32, 0, 0},
        {CLMULR, 1, 0x89abcdefull, 1},
        {CLMULR, 0x89abcdefull, 1, 1},
        {CLMULR, M1_32, M1_32, 0xaaaaaaaaull},
        {CLMULR, MIN32, MIN32, MIN32},
        {CLMULR, 3, 3, 0},
        {CLMULR, 0x80000001ull, 3, 3},
        {CLMULR, 0x89abcdefull, 0x76543210, 0x71b001c0},
        {CLMULR, 1, MIN32, 1},
    };
    RUN(32, c);
}
END_TEST

/* Zicond: rs2 is tested as a whole register (on RV64 a value with only
 * the upper word set is non-zero). */
START_TEST(test_zicond_tests_the_whole_register_rv64)
{
    static const zb_case c[] = {
        {CZERO_EQZ, 5, 0, 0},
        {CZERO_EQZ, 5, 1, 5},
        {CZERO_EQZ, 5, MIN64, 5},
        {CZERO_EQZ, 5, 0x100000000ull, 5},
        {CZERO_EQZ, M1_64, M1_64, M1_64},
        {CZERO_EQZ, 0, 7, 0},
        {CZERO_NEZ, 5, 0, 5},
        {CZERO_NEZ, 5, 1, 0},
        {CZERO_NEZ, 5, MIN64, 0},
        {CZERO_NEZ, 5, 0x100000000ull, 0},
        {CZERO_NEZ, M1_64, M1_64, 0},
        {CZERO_NEZ, 0, 7, 0},
    };
    RUN(64, c);
}
END_TEST

START_TEST(test_zicond_tests_the_whole_register_rv32)
{
    static const zb_case c[] = {
        {CZERO_EQZ, 5, 0, 0},         {CZERO_EQZ, 5, 1, 5},
        {CZERO_EQZ, 5, MIN32, 5},     {CZERO_EQZ, M1_32, M1_32, M1_32},
        {CZERO_EQZ, 0, 7, 0},         {CZERO_NEZ, 5, 0, 5},
        {CZERO_NEZ, 5, 1, 0},         {CZERO_NEZ, 5, MIN32, 0},
        {CZERO_NEZ, M1_32, M1_32, 0}, {CZERO_NEZ, 0, 7, 0},
    };
    RUN(32, c);
}
END_TEST

/* Every instruction of each extension, for the tests of the ISA string;
 * xlen 0 means both, 32 or 64 only that one. */
static const struct ext_insn {
    const char *ext;
    unsigned xlen;
    uint32_t insn;
} ext_insns[] = {
    {"zba", 0, SH1ADD},       {"zba", 0, SH2ADD},       {"zba", 0, SH3ADD},
    {"zba", 64, ADD_UW},      {"zba", 64, ZEXT_W},      {"zba", 64, SH1ADD_UW},
    {"zba", 64, SH2ADD_UW},   {"zba", 64, SH3ADD_UW},   {"zba", 64, SLLI_UW(0)},
    {"zba", 64, SLLI_UW(63)}, {"zbb", 0, ANDN},         {"zbb", 0, ORN},
    {"zbb", 0, XNOR},         {"zbb", 0, CLZ},          {"zbb", 0, CTZ},
    {"zbb", 0, CPOP},         {"zbb", 0, MAX},          {"zbb", 0, MAXU},
    {"zbb", 0, MIN},          {"zbb", 0, MINU},         {"zbb", 0, SEXT_B},
    {"zbb", 0, SEXT_H},       {"zbb", 0, ROL},          {"zbb", 0, ROR},
    {"zbb", 0, RORI(0)},      {"zbb", 0, RORI(31)},     {"zbb", 0, ORC_B},
    {"zbb", 32, ZEXT_H_32},   {"zbb", 32, REV8_32},     {"zbb", 64, ZEXT_H_64},
    {"zbb", 64, REV8_64},     {"zbb", 64, RORI(63)},    {"zbb", 64, CLZW},
    {"zbb", 64, CTZW},        {"zbb", 64, CPOPW},       {"zbb", 64, ROLW},
    {"zbb", 64, RORW},        {"zbb", 64, RORIW(31)},   {"zbs", 0, BSET},
    {"zbs", 0, BCLR},         {"zbs", 0, BINV},         {"zbs", 0, BEXT},
    {"zbs", 0, BSETI(0)},     {"zbs", 0, BCLRI(31)},    {"zbs", 0, BINVI(5)},
    {"zbs", 0, BEXTI(31)},    {"zbs", 64, BSETI(63)},   {"zbs", 64, BEXTI(32)},
    {"zbc", 0, CLMUL},        {"zbc", 0, CLMULH},       {"zbc", 0, CLMULR},
    {"zicond", 0, CZERO_EQZ}, {"zicond", 0, CZERO_NEZ},
};
static const char *const ext_names[] = {"zba", "zbb", "zbs", "zbc", "zicond"};
#define N_INSNS (sizeof ext_insns / sizeof ext_insns[0])
#define N_EXTS (sizeof ext_names / sizeof ext_names[0])

static bool on_xlen(const struct ext_insn *e, unsigned xlen)
{
    return e->xlen == 0 || e->xlen == xlen;
}

/* With every extension but one in the ISA string, that extension's
 * instructions raise illegal instruction and the others' execute. */
START_TEST(test_each_extension_illegal_unless_named)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        for (size_t off = 0; off < N_EXTS; off++) {
            char exts[64] = "";
            for (size_t k = 0; k < N_EXTS; k++) {
                if (k != off) {
                    strcat(exts, "_");
                    strcat(exts, ext_names[k]);
                }
            }
            emu_machine *m = zb_machine(xlen, exts);
            for (size_t i = 0; i < N_INSNS; i++) {
                const struct ext_insn *e = &ext_insns[i];
                if (!on_xlen(e, xlen)) continue;
                if (strcmp(e->ext, ext_names[off]) == 0)
                    expect_illegal(m, e->insn);
                else
                    expect_legal(m, e->insn);
            }
            emu_machine_free(m);
        }
    }
}
END_TEST

/* rv<xlen>imac names none of them; "b" is Zba + Zbb + Zbs. */
START_TEST(test_imac_has_none_and_b_means_zba_zbb_zbs)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *none = zb_machine(xlen, "");
        emu_machine *b = zb_machine(xlen, "b");
        for (size_t i = 0; i < N_INSNS; i++) {
            const struct ext_insn *e = &ext_insns[i];
            if (!on_xlen(e, xlen)) continue;
            expect_illegal(none, e->insn);
            if (strcmp(e->ext, "zbc") == 0 || strcmp(e->ext, "zicond") == 0)
                expect_illegal(b, e->insn);
            else
                expect_legal(b, e->insn);
        }
        emu_machine_free(none);
        emu_machine_free(b);
    }
}
END_TEST

/* RV64-only forms and RV32 immediates with shamt[5] set (reserved), and
 * the RV64 encodings of rev8 and zext.h, with every extension named. */
START_TEST(test_rv32_rejects_rv64_forms_and_shamt5)
{
    emu_machine *m = zb_machine(32, ALL_EXTS);
    for (size_t i = 0; i < N_INSNS; i++)
        if (ext_insns[i].xlen == 64) expect_illegal(m, ext_insns[i].insn);
    expect_illegal(m, BSETI(32));
    expect_illegal(m, BCLRI(33));
    expect_illegal(m, BINVI(40));
    expect_illegal(m, BEXTI(63));
    expect_illegal(m, RORI(32));
    expect_illegal(m, RORI(63));
    emu_machine_free(m);
}
END_TEST

/* Encodings next to the defined ones stay illegal with every extension
 * named: the unary ops are keyed by the whole immediate, pack/packw (Zbkb)
 * are only zext.h with rs2 = x0, and nothing else of these funct7 values
 * is assigned. */
START_TEST(test_reserved_neighbours_are_illegal)
{
    static const uint32_t both[] = {
        I(OPC_OP_IMM, 0x603, 1), /* funct12 0x603: between cpop, sext.b */
        I(OPC_OP_IMM, 0x606, 1),
        I(OPC_OP_IMM, 0x61f, 1),
        I(OPC_OP_IMM, 0x286, 5), /* orc.b with another shamt */
        I(OPC_OP_IMM, 0x288, 5),
        I(OPC_OP_IMM, 0x280, 5), /* funct7 0x14 funct3 5 */
        I(OPC_OP_IMM, 0x680, 5), /* rev8's funct7 with shamt 0 */
        I(OPC_OP_IMM, 0x400, 1), /* funct7 0x20 funct3 1: no "slai" */
        R(OPC_OP, 0x04, 4),      /* pack: Zbkb */
        R(OPC_OP, 0x04, 0),      /* add.uw's funct7 in OP */
        R(OPC_OP, 0x10, 1),
        R(OPC_OP, 0x10, 3),
        R(OPC_OP, 0x10, 5),
        R(OPC_OP, 0x10, 7),
        R(OPC_OP, 0x05, 0),
        R(OPC_OP, 0x20, 1),
        R(OPC_OP, 0x30, 0),
        R(OPC_OP, 0x14, 5),
        R(OPC_OP, 0x34, 5),
        R(OPC_OP, 0x07, 0),
        R(OPC_OP, 0x07, 6),
        R(OPC_OP, 0x07, 4),
        R(OPC_OP, 0x06, 5),
        R(OPC_OP, 0x0f, 5),
    };
    static const uint32_t rv64[] = {
        I(OPC_OP_IMM, 0x698, 5),    /* RV32 rev8 encoding */
        ZEXT_H_32,                  /* pack a0, a1, zero: Zbkb on RV64 */
        R(OPC_OP_32, 0x04, 4),      /* packw: Zbkb */
        I(OPC_OP_IMM_32, 0x620, 1), /* clzw with imm[5] set */
        I(OPC_OP_IMM_32, 0x603, 1),
        I(OPC_OP_IMM_32, 0x604, 1), /* no sext.b in OP-IMM-32 */
        I(OPC_OP_IMM_32, 0x620, 5), /* roriw with shamt[5] set */
        I(OPC_OP_IMM_32, 0x0c0, 1), /* funct6 0x03: not slli.uw */
        I(OPC_OP_IMM_32, 0x280, 1), /* no W forms of Zbs */
        I(OPC_OP_IMM_32, 0x287, 5), /* nor of orc.b */
        R(OPC_OP_32, 0x04, 1),
        R(OPC_OP_32, 0x10, 1),
        R(OPC_OP_32, 0x10, 3),
        R(OPC_OP_32, 0x20, 7), /* no andnw */
        R(OPC_OP_32, 0x05, 1), /* no clmulw */
        R(OPC_OP_32, 0x14, 1), /* no bsetw */
        R(OPC_OP_32, 0x07, 5), /* no czero in OP-32 */
    };
    static const uint32_t rv32[] = {
        I(OPC_OP_IMM, 0x6b8, 5), /* RV64 rev8 encoding */
        I(OPC_OP_IMM, 0x620, 1), /* clz with imm[5] set */
    };
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = zb_machine(xlen, ALL_EXTS);
        for (size_t i = 0; i < sizeof both / sizeof both[0]; i++)
            expect_illegal(m, both[i]);
        const uint32_t *only = xlen == 64 ? rv64 : rv32;
        size_t n = xlen == 64 ? sizeof rv64 / sizeof rv64[0]
                              : sizeof rv32 / sizeof rv32[0];
        for (size_t i = 0; i < n; i++)
            expect_illegal(m, only[i]);
        emu_machine_free(m);
    }
}
END_TEST

/* rd = x0 discards the result, like every other instruction. */
START_TEST(test_x0_destination_discards_result)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = zb_machine(xlen, ALL_EXTS);
        const uint32_t rd_mask = ~(31u << 7); /* rd = x0 */
        ck_assert_uint_eq(tu_exec_rr(m, CLZ & rd_mask, 0, 0), 0);
        ck_assert_uint_eq(tu_exec_rr(m, ORN & rd_mask, 0, 0), 0);
        ck_assert_uint_eq(tu_exec_rr(m, BSETI(3) & rd_mask, 0, 0), 0);
        ck_assert_uint_eq(tu_exec_rr(m, CZERO_NEZ & rd_mask, 7, 0), 0);
        ck_assert_uint_eq(tu_exec_rr(m, CLMUL & rd_mask, 3, 3), 0);
        emu_machine_free(m);
    }
}
END_TEST

/* Source and destination registers may be the same one. */
START_TEST(test_rd_may_alias_the_sources)
{
    emu_machine *m = zb_machine(64, ALL_EXTS);
    /* sh3add a1, a1, a1 and clz a1, a1 */
    uint32_t sh3add_same = tu_enc_r(OPC_OP, A1, 6, A1, A1, 0x10);
    ck_assert_uint_eq(tu_exec_rr(m, sh3add_same, 5, 5), 45);
    ck_assert_uint_eq(
        tu_exec_rr(m, tu_enc_i(OPC_OP_IMM, A1, 1, A1, 0x600), 0x100, 0x100),
        55);
    /* czero.eqz a2, a1, a2 with a2 = 0 and != 0 */
    uint32_t cz = tu_enc_r(OPC_OP, A2, 5, A1, A2, 0x07);
    ck_assert_uint_eq(tu_exec_rr(m, cz, 9, 0), 0);
    ck_assert_uint_eq(tu_exec_rr(m, cz, 9, 4), 9);
    emu_machine_free(m);
}
END_TEST

static Suite *bitmanip_suite(void)
{
    Suite *s = suite_create("bitmanip");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_zba_shift_add_corner_cases_rv64);
    tcase_add_test(tc, test_zba_shift_add_corner_cases_rv32);
    tcase_add_test(tc, test_zbb_corner_cases_rv64);
    tcase_add_test(tc, test_zbb_corner_cases_rv32);
    tcase_add_test(tc, test_zbs_bit_index_modulo_xlen_rv64);
    tcase_add_test(tc, test_zbs_bit_index_modulo_xlen_rv32);
    tcase_add_test(tc, test_zbc_carryless_products_rv64);
    tcase_add_test(tc, test_zbc_carryless_products_rv32);
    tcase_add_test(tc, test_zicond_tests_the_whole_register_rv64);
    tcase_add_test(tc, test_zicond_tests_the_whole_register_rv32);
    tcase_add_test(tc, test_each_extension_illegal_unless_named);
    tcase_add_test(tc, test_imac_has_none_and_b_means_zba_zbb_zbs);
    tcase_add_test(tc, test_rv32_rejects_rv64_forms_and_shamt5);
    tcase_add_test(tc, test_reserved_neighbours_are_illegal);
    tcase_add_test(tc, test_x0_destination_discards_result);
    tcase_add_test(tc, test_rd_may_alias_the_sources);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(bitmanip_suite());
}
