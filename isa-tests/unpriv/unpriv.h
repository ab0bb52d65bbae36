/*
 * Helpers shared by the unprivileged ISA tests in this folder, built on
 * common/harness.h. Each macro is one numbered check (see TEST_CASE).
 *
 * Register use: a0 is the usual destination, a1 / a2 the sources; t6 is
 * clobbered by every check (harness), so the tests never keep values in it.
 *
 * Expected values written as negative numbers (e.g. -0x80000000) mean the
 * same thing on RV32 and RV64: the bit pattern sign-extended to XLEN.
 */
#ifndef ISA_TESTS_UNPRIV_H
#define ISA_TESTS_UNPRIV_H

#include "harness.h"

/* ---- register-register operations: inst rd, rs1, rs2 ---- */

/* a0 = a1 op a2 */
#define TEST_RR(n, inst, res, v1, v2)                                       \
    TEST_CASE(n, a0, res, li a1, v1; li a2, v2; inst a0, a1, a2)
/* destination is also the first source */
#define TEST_RR_S1D(n, inst, res, v1, v2)                                   \
    TEST_CASE(n, a1, res, li a1, v1; li a2, v2; inst a1, a1, a2)
/* destination is also the second source */
#define TEST_RR_S2D(n, inst, res, v1, v2)                                   \
    TEST_CASE(n, a2, res, li a1, v1; li a2, v2; inst a2, a1, a2)
/* both sources and the destination are the same register */
#define TEST_RR_SSD(n, inst, res, v1)                                       \
    TEST_CASE(n, a1, res, li a1, v1; inst a1, a1, a1)
/* x0 as the first source */
#define TEST_RR_Z1(n, inst, res, v2)                                        \
    TEST_CASE(n, a0, res, li a0, 0x5a5; li a2, v2; inst a0, x0, a2)
/* x0 as the second source */
#define TEST_RR_Z2(n, inst, res, v1)                                        \
    TEST_CASE(n, a0, res, li a0, 0x5a5; li a1, v1; inst a0, a1, x0)
/* x0 as both sources */
#define TEST_RR_ZZ(n, inst, res)                                            \
    TEST_CASE(n, a0, res, li a0, 0x5a5; inst a0, x0, x0)
/* x0 as the destination: the result is discarded, x0 stays zero */
#define TEST_RR_ZD(n, inst, v1, v2)                                         \
    TEST_CASE(n, x0, 0, li a1, v1; li a2, v2; inst x0, a1, a2)

/* ---- register-immediate operations: inst rd, rs1, imm ---- */

#define TEST_RI(n, inst, res, v1, imm)                                      \
    TEST_CASE(n, a0, res, li a1, v1; inst a0, a1, imm)
/* destination is also the source */
#define TEST_RI_SD(n, inst, res, v1, imm)                                   \
    TEST_CASE(n, a1, res, li a1, v1; inst a1, a1, imm)
/* x0 as the source */
#define TEST_RI_Z(n, inst, res, imm)                                        \
    TEST_CASE(n, a0, res, li a0, 0x5a5; inst a0, x0, imm)
/* x0 as the destination */
#define TEST_RI_ZD(n, inst, v1, imm)                                        \
    TEST_CASE(n, x0, 0, li a1, v1; inst x0, a1, imm)

/* ---- conditional branches ----
 * The branch is run twice, once forward and once backward; a0 counts what
 * ran: 6 when both were taken, 4 when neither was (taken must be 0 or 1). */
#define BR_BODY(inst, r1, r2)                                               \
    li a0, 0;                                                               \
    inst r1, r2, 1f;                                                        \
    addi a0, a0, 1;                                                         \
1:  addi a0, a0, 2;                                                         \
    j 2f;                                                                   \
3:  addi a0, a0, 4;                                                         \
    j 4f;                                                                   \
2:  inst r1, r2, 3b;                                                        \
    addi a0, a0, 1;                                                         \
4:
#define TEST_BR(n, inst, taken, v1, v2)                                     \
    TEST_CASE(n, a0, 4 + 2 * (taken), li a1, v1; li a2, v2; BR_BODY(inst, a1, a2))
/* x0 as the first / second / both operands */
#define TEST_BR_Z1(n, inst, taken, v2)                                      \
    TEST_CASE(n, a0, 4 + 2 * (taken), li a2, v2; BR_BODY(inst, x0, a2))
#define TEST_BR_Z2(n, inst, taken, v1)                                      \
    TEST_CASE(n, a0, 4 + 2 * (taken), li a1, v1; BR_BODY(inst, a1, x0))
#define TEST_BR_ZZ(n, inst, taken)                                          \
    TEST_CASE(n, a0, 4 + 2 * (taken), BR_BODY(inst, x0, x0))
/* both operands are the same register */
#define TEST_BR_SAME(n, inst, taken, v1)                                    \
    TEST_CASE(n, a0, 4 + 2 * (taken), li a1, v1; BR_BODY(inst, a1, a1))

/* ---- loads: a1 = base address, inst a0, off(a1) ---- */
#define TEST_LD(n, inst, res, base, off)                                    \
    TEST_CASE(n, a0, res, la a1, base; inst a0, off(a1))
/* destination is also the base register */
#define TEST_LD_SD(n, inst, res, base, off)                                 \
    TEST_CASE(n, a1, res, la a1, base; inst a1, off(a1))
/* x0 as the destination: the loaded value is discarded */
#define TEST_LD_ZD(n, inst, base, off)                                      \
    TEST_CASE(n, x0, 0, la a1, base; inst x0, off(a1))

/* ---- stores: one check per store ----
 * a1 = slot + 8, where slot is a 16-byte area of known contents; store
 * val (or x0) at off(a1), load it back with linst (expect lres), then
 * compare all four words of the slot (w0..w3, as sign-extended lw values)
 * so that bytes next to the stored ones are seen to be unchanged. */
#define ST_VERIFY(linst, lres, off, w0, w1, w2, w3)                         \
    linst a0, off(a1); li t6, lres; bne a0, t6, 98f;                        \
    lw a0, -8(a1); li t6, w0; bne a0, t6, 98f;                              \
    lw a0, -4(a1); li t6, w1; bne a0, t6, 98f;                              \
    lw a0, 0(a1); li t6, w2; bne a0, t6, 98f;                               \
    lw a0, 4(a1); li t6, w3; bne a0, t6, 98f;                               \
    j 99f;                                                                  \
98: TEST_FAIL;                                                              \
99:
#define TEST_ST(n, sinst, linst, lres, val, slot, off, w0, w1, w2, w3)      \
    li TESTNUM, n; la a1, (slot) + 8; li a2, val; sinst a2, off(a1);        \
    ST_VERIFY(linst, lres, off, w0, w1, w2, w3)
/* x0 as the value stored */
#define TEST_ST_Z(n, sinst, linst, slot, off, w0, w1, w2, w3)               \
    li TESTNUM, n; la a1, (slot) + 8; sinst x0, off(a1);                    \
    ST_VERIFY(linst, 0, off, w0, w1, w2, w3)

/* ---- AMOs: one check per AMO ----
 * The test file defines amo_buf (8-byte aligned, with at least 8 bytes of
 * room on each side). The word or doubleword at amo_buf is set to init and
 * its neighbours to a sentinel; then inst a0, a2, (a1) runs with a2 =
 * operand; a0 must be old (the value before, sign-extended), memory must be
 * new, and the neighbours unchanged. */
#define AMO_SENTINEL 0x5a5a5a5a
#define TEST_AMO_W(n, inst, init, operand, old, new)                        \
    li TESTNUM, n; la a1, amo_buf; li a3, init; sw a3, 0(a1);               \
    li a3, AMO_SENTINEL; sw a3, -4(a1); sw a3, 4(a1);                       \
    li a2, operand; inst a0, a2, (a1);                                      \
    li t6, old; bne a0, t6, 98f;                                            \
    lw a3, 0(a1); li t6, new; bne a3, t6, 98f;                              \
    AMO_CHECK_NEIGHBOURS(4)
#define TEST_AMO_D(n, inst, init, operand, old, new)                        \
    li TESTNUM, n; la a1, amo_buf; li a3, init; sd a3, 0(a1);               \
    li a3, AMO_SENTINEL; sw a3, -4(a1); sw a3, 8(a1);                       \
    li a2, operand; inst a0, a2, (a1);                                      \
    li t6, old; bne a0, t6, 98f;                                            \
    ld a3, 0(a1); li t6, new; bne a3, t6, 98f;                              \
    AMO_CHECK_NEIGHBOURS(8)
#define AMO_CHECK_NEIGHBOURS(size)                                          \
    lw a3, -4(a1); li t6, AMO_SENTINEL; bne a3, t6, 98f;                    \
    lw a3, size(a1); bne a3, t6, 98f;                                       \
    j 99f;                                                                  \
98: TEST_FAIL;                                                              \
99:

/* Unary operations: inst rd, rs1. a0 = op(a1); rd = rs1; x0 as the
 * source; x0 as the destination. */
#define TEST_R1(n, inst, res, v1)                                           \
    TEST_CASE(n, a0, res, li a1, v1; inst a0, a1)
#define TEST_R1_SD(n, inst, res, v1)                                        \
    TEST_CASE(n, a1, res, li a1, v1; inst a1, a1)
#define TEST_R1_Z(n, inst, res)                                             \
    TEST_CASE(n, a0, res, li a0, 0x5a5; inst a0, x0)
#define TEST_R1_ZD(n, inst, v1)                                             \
    TEST_CASE(n, x0, 0, li a1, v1; inst x0, a1)

#endif
