/*
 * Loads of RV32I / RV64I: lb, lbu, lh, lhu, lw and on RV64 lwu, ld.
 * Every naturally aligned position of a 16-byte pattern, reached with
 * negative and positive offsets (including -2048 and +2047) from a base
 * register; sign vs zero extension; rd == base; x0 as destination.
 */
#include "unpriv.h"

    .option norvc
    TEST_BEGIN

    /* ---- lb ---- */
    TEST_LD(1, lb, 0x1, lmid, -8)
    TEST_LD(2, lb, -0x7e, lmid, -7)
    TEST_LD(3, lb, 0x73, lmid, -6)
    TEST_LD(4, lb, -0x1c, lmid, -5)
    TEST_LD(5, lb, 0x55, lmid, -4)
    TEST_LD(6, lb, -0x5a, lmid, -3)
    TEST_LD(7, lb, 0x17, lmid, -2)
    TEST_LD(8, lb, -0x8, lmid, -1)
    TEST_LD(9, lb, -0x77, lmid, 0)
    TEST_LD(10, lb, 0x1a, lmid, 1)
    TEST_LD(11, lb, -0x35, lmid, 2)
    TEST_LD(12, lb, 0x3c, lmid, 3)
    TEST_LD(13, lb, 0x4d, lmid, 4)
    TEST_LD(14, lb, -0x42, lmid, 5)
    TEST_LD(15, lb, 0x6f, lmid, 6)
    TEST_LD(16, lb, -0x70, lmid, 7)
    TEST_LD_SD(17, lb, -0x7e, lmid, -7)
    TEST_LD_ZD(18, lb, lmid, 0)
    TEST_LD(19, lb, -0x77, lmid + 0x800, -0x800)
    TEST_LD(20, lb, -0x8, lmid - 1 - 0x7ff, 0x7ff)

    /* ---- lbu ---- */
    TEST_LD(21, lbu, 0x1, lmid, -8)
    TEST_LD(22, lbu, 0x82, lmid, -7)
    TEST_LD(23, lbu, 0x73, lmid, -6)
    TEST_LD(24, lbu, 0xe4, lmid, -5)
    TEST_LD(25, lbu, 0x55, lmid, -4)
    TEST_LD(26, lbu, 0xa6, lmid, -3)
    TEST_LD(27, lbu, 0x17, lmid, -2)
    TEST_LD(28, lbu, 0xf8, lmid, -1)
    TEST_LD(29, lbu, 0x89, lmid, 0)
    TEST_LD(30, lbu, 0x1a, lmid, 1)
    TEST_LD(31, lbu, 0xcb, lmid, 2)
    TEST_LD(32, lbu, 0x3c, lmid, 3)
    TEST_LD(33, lbu, 0x4d, lmid, 4)
    TEST_LD(34, lbu, 0xbe, lmid, 5)
    TEST_LD(35, lbu, 0x6f, lmid, 6)
    TEST_LD(36, lbu, 0x90, lmid, 7)
    TEST_LD_SD(37, lbu, 0x82, lmid, -7)
    TEST_LD_ZD(38, lbu, lmid, 0)
    TEST_LD(39, lbu, 0x89, lmid + 0x800, -0x800)
    TEST_LD(40, lbu, 0xf8, lmid - 1 - 0x7ff, 0x7ff)

    /* ---- lh ---- */
    TEST_LD(41, lh, -0x7dff, lmid, -8)
    TEST_LD(42, lh, -0x1b8d, lmid, -6)
    TEST_LD(43, lh, -0x59ab, lmid, -4)
    TEST_LD(44, lh, -0x7e9, lmid, -2)
    TEST_LD(45, lh, 0x1a89, lmid, 0)
    TEST_LD(46, lh, 0x3ccb, lmid, 2)
    TEST_LD(47, lh, -0x41b3, lmid, 4)
    TEST_LD(48, lh, -0x6f91, lmid, 6)
    TEST_LD_SD(49, lh, -0x1b8d, lmid, -6)
    TEST_LD_ZD(50, lh, lmid, 0)
    TEST_LD(51, lh, 0x1a89, lmid + 0x800, -0x800)
    TEST_LD(52, lh, -0x7e9, lmid - 2 - 0x7ff, 0x7ff)

    /* ---- lhu ---- */
    TEST_LD(53, lhu, 0x8201, lmid, -8)
    TEST_LD(54, lhu, 0xe473, lmid, -6)
    TEST_LD(55, lhu, 0xa655, lmid, -4)
    TEST_LD(56, lhu, 0xf817, lmid, -2)
    TEST_LD(57, lhu, 0x1a89, lmid, 0)
    TEST_LD(58, lhu, 0x3ccb, lmid, 2)
    TEST_LD(59, lhu, 0xbe4d, lmid, 4)
    TEST_LD(60, lhu, 0x906f, lmid, 6)
    TEST_LD_SD(61, lhu, 0xe473, lmid, -6)
    TEST_LD_ZD(62, lhu, lmid, 0)
    TEST_LD(63, lhu, 0x1a89, lmid + 0x800, -0x800)
    TEST_LD(64, lhu, 0xf817, lmid - 2 - 0x7ff, 0x7ff)

    /* ---- lw ---- */
    TEST_LD(65, lw, -0x1b8c7dff, lmid, -8)
    TEST_LD(66, lw, -0x7e859ab, lmid, -4)
    TEST_LD(67, lw, 0x3ccb1a89, lmid, 0)
    TEST_LD(68, lw, -0x6f9041b3, lmid, 4)
    TEST_LD_SD(69, lw, -0x7e859ab, lmid, -4)
    TEST_LD_ZD(70, lw, lmid, 0)
    TEST_LD(71, lw, 0x3ccb1a89, lmid + 0x800, -0x800)
    TEST_LD(72, lw, -0x7e859ab, lmid - 4 - 0x7ff, 0x7ff)

    /* ---- lwu ---- */
#if XLEN == 64
    TEST_LD(73, lwu, 0xe4738201, lmid, -8)
    TEST_LD(74, lwu, 0xf817a655, lmid, -4)
    TEST_LD(75, lwu, 0x3ccb1a89, lmid, 0)
    TEST_LD(76, lwu, 0x906fbe4d, lmid, 4)
    TEST_LD_SD(77, lwu, 0xf817a655, lmid, -4)
    TEST_LD_ZD(78, lwu, lmid, 0)
    TEST_LD(79, lwu, 0x3ccb1a89, lmid + 0x800, -0x800)
    TEST_LD(80, lwu, 0xf817a655, lmid - 4 - 0x7ff, 0x7ff)
#endif

    /* ---- ld ---- */
#if XLEN == 64
    TEST_LD(81, ld, -0x7e859aa1b8c7dff, lmid, -8)
    TEST_LD(82, ld, -0x6f9041b2c334e577, lmid, 0)
    TEST_LD_SD(83, ld, -0x6f9041b2c334e577, lmid, 0)
    TEST_LD_ZD(84, ld, lmid, 0)
    TEST_LD(85, ld, -0x6f9041b2c334e577, lmid + 0x800, -0x800)
    TEST_LD(86, ld, -0x7e859aa1b8c7dff, lmid - 8 - 0x7ff, 0x7ff)
#endif

    TEST_END

    .data
    .align 4
lbuf:
    .byte 0x01, 0x82, 0x73, 0xe4, 0x55, 0xa6, 0x17, 0xf8
lmid:
    .byte 0x89, 0x1a, 0xcb, 0x3c, 0x4d, 0xbe, 0x6f, 0x90
