/*
 * Stores of RV32I / RV64I: sb, sh, sw and on RV64 sd.
 * Each store goes to its own 16-byte slot of known bytes at a negative or
 * positive offset; the value is read back and every word of the slot is
 * compared, so neighbouring bytes must be untouched. Only the low bytes of
 * a wider register are stored; x0 stores zero; base register as the data;
 * the largest offsets -2048 / +2047.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN
    TEST_ST(1, sb, lb, -0x11, 0xef, sbuf + 0, 0, -0x3c3d3e40, -0x38393a3c, -0x34353611, -0x30313234)
    TEST_ST(2, sb, lb, 0x78, 0x12345678, sbuf + 16, -8, -0x3c3d3e88, -0x38393a3c, -0x34353638, -0x30313234)
    TEST_ST(3, sb, lb, -0x1, -0x1, sbuf + 32, 7, -0x3c3d3e40, -0x38393a3c, -0x34353638, -0x313234)
    TEST_ST(4, sb, lb, 0x5a, 0x5a, sbuf + 48, -1, -0x3c3d3e40, 0x5ac6c5c4, -0x34353638, -0x30313234)
    TEST_ST(5, sb, lb, -0x80, 0x80, sbuf + 64, 3, -0x3c3d3e40, -0x38393a3c, -0x7f353638, -0x30313234)
    TEST_ST(6, sb, lb, 0x0, 0x0, sbuf + 80, 1, -0x3c3d3e40, -0x38393a3c, -0x3435ff38, -0x30313234)
    TEST_ST(7, sh, lh, -0x4111, 0xbeef, sbuf + 96, 0, -0x3c3d3e40, -0x38393a3c, -0x34354111, -0x30313234)
    TEST_ST(8, sh, lh, 0x5678, 0x12345678, sbuf + 112, -8, -0x3c3da988, -0x38393a3c, -0x34353638, -0x30313234)
    TEST_ST(9, sh, lh, -0x2, -0x2, sbuf + 128, 6, -0x3c3d3e40, -0x38393a3c, -0x34353638, -0x13234)
    TEST_ST(10, sh, lh, 0x7f01, 0x7f01, sbuf + 144, -2, -0x3c3d3e40, 0x7f01c5c4, -0x34353638, -0x30313234)
    TEST_ST(11, sh, lh, -0x8000, 0x8000, sbuf + 160, 2, -0x3c3d3e40, -0x38393a3c, -0x7fff3638, -0x30313234)
    TEST_ST(12, sw, lw, -0x21524111, -0x21524111, sbuf + 176, 0, -0x3c3d3e40, -0x38393a3c, -0x21524111, -0x30313234)
    TEST_ST(13, sw, lw, 0x12345678, 0x12345678, sbuf + 192, -8, 0x12345678, -0x38393a3c, -0x34353638, -0x30313234)
    TEST_ST(14, sw, lw, -0x1, -0x1, sbuf + 208, 4, -0x3c3d3e40, -0x38393a3c, -0x34353638, -0x1)
    TEST_ST(15, sw, lw, 0x7ffffffe, 0x7ffffffe, sbuf + 224, -4, -0x3c3d3e40, 0x7ffffffe, -0x34353638, -0x30313234)
    TEST_ST_Z(16, sb, lb, sbuf + 240, 2, -0x3c3d3e40, -0x38393a3c, -0x34ff3638, -0x30313234)
    TEST_ST_Z(17, sh, lh, sbuf + 256, -6, 0xc1c0, -0x38393a3c, -0x34353638, -0x30313234)
    TEST_ST_Z(18, sw, lw, sbuf + 272, 4, -0x3c3d3e40, -0x38393a3c, -0x34353638, 0x0)
#if XLEN == 64
    TEST_ST(19, sw, lw, 0x55667788, 0x1122334455667788, sbuf + 288, 0, -0x3c3d3e40, -0x38393a3c, 0x55667788, -0x30313234)
#endif
#if XLEN == 64
    TEST_ST(20, sh, lh, -0x8000, -0x7fffffffffff8000, sbuf + 304, 2, -0x3c3d3e40, -0x38393a3c, -0x7fff3638, -0x30313234)
#endif
#if XLEN == 64
    TEST_ST(21, sb, lb, -0x80, 0x7fffffffffffff80, sbuf + 320, -3, -0x3c3d3e40, -0x38397f3c, -0x34353638, -0x30313234)
#endif
#if XLEN == 64
    TEST_ST(22, sd, ld, 0x1122334455667788, 0x1122334455667788, sbuf + 336, 0, -0x3c3d3e40, -0x38393a3c, 0x55667788, 0x11223344)
#endif
#if XLEN == 64
    TEST_ST(23, sd, ld, -0x123456789abcdf0, -0x123456789abcdf0, sbuf + 352, -8, 0x76543210, -0x1234568, -0x34353638, -0x30313234)
#endif
#if XLEN == 64
    TEST_ST(24, sd, ld, -0x1, -0x1, sbuf + 368, 0, -0x3c3d3e40, -0x38393a3c, -0x1, -0x1)
#endif
#if XLEN == 64
    TEST_ST_Z(25, sd, ld, sbuf + 384, -8, 0x0, 0x0, -0x34353638, -0x30313234)
#endif

    /* the base register is also the data register */
    TEST_CASE(26, a0, 0, la a1, sbuf2; SREG a1, 0(a1); LREG a2, 0(a1); sub a0, a2, a1)
    /* largest negative and positive offsets */
    TEST_CASE(27, a0, 0x4321, la a1, sbuf2 + 0x800 + 8; li a2, 0x4321;
              sh a2, -0x800(a1); la a3, sbuf2 + 8; lhu a0, 0(a3))
    TEST_CASE(28, a0, 0x7d, la a1, sbuf2 + 16 - 0x7ff; li a2, 0x7d;
              sb a2, 0x7ff(a1); la a3, sbuf2 + 16; lbu a0, 0(a3))
    /* a later store overwrites part of an earlier one */
    TEST_CASE(29, a0, -0x21524111, la a1, sbuf2 + 24; li a2, 0x11223344; sw a2, 0(a1);
              li a2, 0xbeef; sh a2, 0(a1); li a2, 0xad; sb a2, 2(a1);
              li a2, 0xde; sb a2, 3(a1); lw a0, 0(a1))

    TEST_END

    .data
    .align 4
sbuf:
    .rept 25
    .byte 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7
    .byte 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf
    .endr
sbuf2:
    .fill 32, 1, 0
