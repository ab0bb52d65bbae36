/*
 * With Zba, Zbb, Zbs, Zbc and Zicond all named, the encodings next to
 * theirs stay illegal (cause 2, mtval = the bits, rd unchanged): the unary
 * Zbb ops are told apart by the whole immediate; pack and packw belong to
 * Zbkb (only their rs2 = x0 forms are zext.h); on RV32 an immediate with
 * shamt[5] set is reserved and the RV64-only forms (OP-32, OP-IMM-32) do
 * not exist; rev8 and zext.h have one encoding per XLEN, the other one
 * being reserved.
 *
 * The words are written as two halfwords, so the assembler accepts them
 * whatever -march says; rd = a0, rs1 = a1, rs2 = a2 throughout.
 */
#include "../priv/priv.h"

#define OPC_OP_IMM    0x13
#define OPC_OP_IMM_32 0x1b
#define OPC_OP        0x33
#define OPC_OP_32     0x3b
#define ENC_R(op, f7, f3)                                                   \
    (((f7) << 25) | (12 << 20) | (11 << 15) | ((f3) << 12) | (10 << 7) | (op))
#define ENC_I(op, imm, f3)                                                  \
    (((imm) << 20) | (11 << 15) | ((f3) << 12) | (10 << 7) | (op))

/* Check number n: the 32-bit word `bits` traps as illegal in M mode with
 * mtval = bits, a0 keeps its value, and execution resumes after it. */
#define ILLEGAL32(n, bits)                                                  \
    TRAP_CLEAR;                                                             \
    li a0, 0x5a5;                                                           \
90: .2byte ((bits) & 0xffff);                                               \
    .2byte (((bits) >> 16) & 0xffff);                                       \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK_TRAP_AT(n, CAUSE_ILLEGAL, 90b);                                   \
    CHECK(n, T_TVAL, bits);                                                 \
    CHECK(n, a0, 0x5a5)

TEST_BEGIN
    PRIV_SETUP
    li a1, 3
    li a2, 1

    ILLEGAL32(1, ENC_I(OPC_OP_IMM, 0x603, 1))   /* between cpop and sext.b */
    ILLEGAL32(2, ENC_I(OPC_OP_IMM, 0x606, 1))   /* after sext.h */
    ILLEGAL32(3, ENC_I(OPC_OP_IMM, 0x286, 5))   /* orc.b is 0x287 only */
    ILLEGAL32(4, ENC_I(OPC_OP_IMM, 0x680, 5))   /* rev8's funct, shamt 0 */
    ILLEGAL32(5, ENC_I(OPC_OP_IMM, 0x400, 1))   /* funct7 0x20: no slai */
    ILLEGAL32(6, ENC_R(OPC_OP, 0x04, 4))        /* pack a0, a1, a2: Zbkb */
    ILLEGAL32(7, ENC_R(OPC_OP, 0x04, 0))        /* add.uw's funct7 in OP */
    ILLEGAL32(8, ENC_R(OPC_OP, 0x10, 1))        /* shNadd funct7, funct3 odd */
    ILLEGAL32(9, ENC_R(OPC_OP, 0x10, 3))
    ILLEGAL32(10, ENC_R(OPC_OP, 0x10, 5))
    ILLEGAL32(11, ENC_R(OPC_OP, 0x10, 7))
    ILLEGAL32(12, ENC_R(OPC_OP, 0x05, 0))       /* below clmul */
    ILLEGAL32(13, ENC_R(OPC_OP, 0x30, 0))       /* rotate funct7, funct3 0 */
    ILLEGAL32(14, ENC_R(OPC_OP, 0x14, 5))       /* bset's funct7, funct3 5 */
    ILLEGAL32(15, ENC_R(OPC_OP, 0x34, 5))       /* binv's funct7, funct3 5 */
    ILLEGAL32(16, ENC_R(OPC_OP, 0x07, 6))       /* between czero.eqz/nez */
    ILLEGAL32(17, ENC_R(OPC_OP, 0x07, 4))
#if XLEN == 64
    ILLEGAL32(20, ENC_I(OPC_OP_IMM, 0x698, 5))  /* RV32's rev8 */
    ILLEGAL32(21, ENC_I(OPC_OP, 0x080, 4))      /* RV32's zext.h (pack x0) */
    ILLEGAL32(22, ENC_R(OPC_OP_32, 0x04, 4))    /* packw a0, a1, a2: Zbkb */
    ILLEGAL32(23, ENC_I(OPC_OP_IMM, 0x620, 1))  /* clz's funct6, shamt 32 */
    ILLEGAL32(24, ENC_I(OPC_OP_IMM_32, 0x620, 1)) /* clzw with imm[5] */
    ILLEGAL32(25, ENC_I(OPC_OP_IMM_32, 0x603, 1))
    ILLEGAL32(26, ENC_I(OPC_OP_IMM_32, 0x604, 1)) /* no sext.b in OP-IMM-32 */
    ILLEGAL32(27, ENC_I(OPC_OP_IMM_32, 0x620, 5)) /* roriw with shamt[5] */
    ILLEGAL32(28, ENC_I(OPC_OP_IMM_32, 0x0c0, 1)) /* funct6 0x03: not slli.uw */
    ILLEGAL32(29, ENC_I(OPC_OP_IMM_32, 0x280, 1)) /* no W forms of Zbs */
    ILLEGAL32(30, ENC_R(OPC_OP_32, 0x05, 1))    /* no clmulw */
    ILLEGAL32(31, ENC_R(OPC_OP_32, 0x20, 7))    /* no andnw */
    ILLEGAL32(32, ENC_R(OPC_OP_32, 0x10, 1))
    ILLEGAL32(33, ENC_R(OPC_OP_32, 0x07, 5))    /* no czero in OP-32 */
#else
    ILLEGAL32(20, ENC_I(OPC_OP_IMM, 0x6b8, 5))  /* RV64's rev8 */
    ILLEGAL32(21, ENC_I(OPC_OP_32, 0x080, 4))   /* RV64's zext.h */
    ILLEGAL32(22, ENC_I(OPC_OP_IMM, 0x620, 1))  /* clz with imm[5] */
    ILLEGAL32(23, ENC_I(OPC_OP_IMM, 0x2a0, 1))  /* bseti a0, a1, 32 */
    ILLEGAL32(24, ENC_I(OPC_OP_IMM, 0x4a1, 1))  /* bclri a0, a1, 33 */
    ILLEGAL32(25, ENC_I(OPC_OP_IMM, 0x6a8, 1))  /* binvi a0, a1, 40 */
    ILLEGAL32(26, ENC_I(OPC_OP_IMM, 0x4bf, 5))  /* bexti a0, a1, 63 */
    ILLEGAL32(27, ENC_I(OPC_OP_IMM, 0x620, 5))  /* rori a0, a1, 32 */
    ILLEGAL32(28, ENC_R(OPC_OP_32, 0x04, 0))    /* add.uw: RV64 only */
    ILLEGAL32(29, ENC_R(OPC_OP_32, 0x10, 2))    /* sh1add.uw */
    ILLEGAL32(30, ENC_I(OPC_OP_IMM_32, 0x081, 1)) /* slli.uw a0, a1, 1 */
    ILLEGAL32(31, ENC_I(OPC_OP_IMM_32, 0x600, 1)) /* clzw */
    ILLEGAL32(32, ENC_R(OPC_OP_32, 0x30, 1))    /* rolw */
    ILLEGAL32(33, ENC_I(OPC_OP_IMM_32, 0x601, 5)) /* roriw a0, a1, 1 */
#endif

    TEST_PASS

    PRIV_HANDLERS
TEST_END
