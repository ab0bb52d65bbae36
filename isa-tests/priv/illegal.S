/*
 * Illegal and reserved encodings raise illegal instruction (cause 2) with
 * mepc = the instruction and mtval = its bits: the 16-bit value for a
 * compressed encoding, the 32-bit value otherwise (privileged spec 1.12,
 * 3.1.16: the shortest of the faulting instruction and ILEN bits).
 */
#include "priv.h"

/* The two halfwords of the tests below are put in with .2byte, so the
 * assembler never sees them as instructions. */

/* Check number n: the 16-bit encoding `bits` traps as illegal in M mode,
 * mtval = bits, and execution resumes right after it. */
#define ILLEGAL16(n, bits)                                                  \
    TRAP_CLEAR;                                                             \
90: .2byte bits;                                                            \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK_TRAP_AT(n, CAUSE_ILLEGAL, 90b);                                   \
    CHECK(n, T_TVAL, bits)

/* The same for a 32-bit encoding (written as two halfwords, so that it
 * needs no 4-byte alignment). */
#define ILLEGAL32(n, bits)                                                  \
    TRAP_CLEAR;                                                             \
90: .2byte ((bits) & 0xffff);                                               \
    .2byte (((bits) >> 16) & 0xffff);                                       \
    CHECK(n, T_COUNT, 1);                                                   \
    CHECK_TRAP_AT(n, CAUSE_ILLEGAL, 90b);                                   \
    CHECK(n, T_TVAL, bits)

TEST_BEGIN
    PRIV_SETUP

    /* The all-zero halfword (defined illegal), and all ones. */
    ILLEGAL16(1, 0x0000)
    ILLEGAL32(2, 0xffffffff)

    /* Reserved compressed forms. */
    ILLEGAL16(3, 0x0004)    /* c.addi4spn a1, sp, 0: nzuimm == 0 */
    ILLEGAL16(4, 0x6081)    /* c.lui ra, 0: nzimm == 0 */
    ILLEGAL16(5, 0x6101)    /* c.addi16sp sp, 0: nzimm == 0 */
    ILLEGAL16(6, 0x4002)    /* c.lwsp x0: rd == 0 */
    ILLEGAL16(7, 0x8002)    /* c.jr x0: rs1 == 0 */
#if XLEN == 64
    ILLEGAL16(8, 0x6002)    /* c.ldsp x0: rd == 0 */
#endif

    /* 32-bit encodings that are not instructions of RV32IMAC/RV64IMAC. */
    ILLEGAL32(10, 0x0000007f)   /* length prefix of an 80-bit or longer form */
    ILLEGAL32(11, 0x00000077)   /* major opcode 0x77: reserved */
    ILLEGAL32(12, 0x04000033)   /* OP with funct7 0x02: unassigned */
    ILLEGAL32(13, 0x40001033)   /* OP with funct7 0x20, funct3 1 */
    ILLEGAL32(14, 0x0000500f)   /* MISC-MEM funct3 5: reserved */
    ILLEGAL32(15, 0x10300073)   /* SYSTEM funct3 0, funct12 0x103 */
    ILLEGAL32(16, 0x00004073)   /* SYSTEM funct3 4: reserved */
    ILLEGAL32(17, 0x2800202f)   /* AMO funct5 0x05: unassigned */
    ILLEGAL32(18, 0x00200073)   /* uret: the N extension is gone */
#if XLEN == 32
    ILLEGAL32(20, 0x02051513)   /* slli a0, a0, 32: shamt[5] set on RV32 */
    ILLEGAL32(21, 0x00053503)   /* ld a0, 0(a0): RV64 only */
    ILLEGAL32(22, 0x0015051b)   /* addiw a0, a0, 1: RV64 only */
    ILLEGAL32(23, 0x00a5053b)   /* addw a0, a0, a0: RV64 only */
#else
    ILLEGAL32(20, 0x0205151b)   /* slliw a0, a0, 32: shamt[5] set */
    ILLEGAL32(21, 0x0000251b)   /* OP-IMM-32 funct3 2: reserved */
    ILLEGAL32(22, 0x00057503)   /* LOAD funct3 7: reserved */
    ILLEGAL32(23, 0x0000253b)   /* OP-32 funct3 2, funct7 0: unassigned */
#endif

    /* The same rule below M: an illegal word in S and in U mode. */
    EXPECT_TRAP(30, PRV_S, CAUSE_ILLEGAL, .2byte 0)
    CHECK(31, T_TVAL, 0)
    EXPECT_TRAP(32, PRV_U, CAUSE_ILLEGAL, .2byte 0xffff; .2byte 0xffff)
    CHECK(33, T_TVAL, 0xffffffff)
    EXPECT_TRAP(34, PRV_U, CAUSE_ILLEGAL, .2byte 0x0004)
    CHECK(35, T_TVAL, 0x0004)

    TEST_PASS

    PRIV_HANDLERS
TEST_END
