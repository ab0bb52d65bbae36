/*
 * The FP control state and its gatekeeping:
 *   - misa has F (bit 5) and D (bit 3);
 *   - fcsr holds frm (bits 7:5) and fflags (bits 4:0); bits 31:8 read
 *     zero and ignore writes; fflags and frm are views of fcsr, and writes
 *     through any of the three show in the others (unprivileged spec, F
 *     chapter, "Floating-Point Control and Status Register");
 *   - rounding modes 5 and 6 in an instruction's rm field are reserved, and
 *     rm = 7 (dynamic) with frm = 5, 6 or 7 is illegal; that holds for the
 *     instructions that never round too (fcvt.d.s, fcvt.d.w), while
 *     instructions without an rm field (fsgnj, fmin, feq, fmv) do not care
 *     about frm;
 *   - mstatus.FS (privileged spec 1.12, 3.1.6.6): with FS = Off every FP
 *     instruction, FP loads and stores, compressed ones and accesses to
 *     fflags, frm and fcsr raise illegal instruction; with FS = Initial or
 *     Clean, writing an f register or fcsr, or raising a flag, makes FS
 *     Dirty; mstatus.SD (the top bit, bit 31 or 63) reads 1 exactly when
 *     FS (or XS/VS, which are 0 here) is Dirty, and cannot be written;
 *     sstatus shows the same FS and SD.
 *
 * QEMU deviation (skipped under -DQEMU): QEMU 7.2 accrues the NV flag that
 * feq.s raises for a signalling NaN (an instruction that writes an x
 * register) without marking FS Dirty; fflags is FP state, and the spec
 * sets FS to Dirty when any FP state is modified (check 93).
 */
#include "fp.h"

/* mstatus.FS after `code`, which starts with FS = fs; then SD. */
#define FS_AFTER(n, fs, want, code...)                                      \
    li TESTNUM, n;                                                          \
    SET_FS(fs);                                                             \
    code;                                                                   \
    csrr a0, mstatus;                                                       \
    li t0, MSTATUS_FS;                                                      \
    and a0, a0, t0;                                                         \
    CHECK(n, a0, want);                                                     \
    csrr a0, mstatus;                                                       \
    srli a0, a0, XLEN - 1;                                                  \
    CHECK(n, a0, ((want) == FS_DIRTY) & 1) /* GAS: true is -1 */

    TEST_BEGIN
    PRIV_SETUP

    /* ---- misa ---- */
    csrr a0, misa
    andi a0, a0, MISA_F | MISA_D
    CHECK(1, a0, MISA_F | MISA_D)

    FP_ENABLE

    /* ---- fcsr, frm, fflags ---- */
    li a1, -1
    csrw fcsr, a1
    csrr a0, fcsr
    CHECK(2, a0, 0xff)
    csrr a0, frm
    CHECK(3, a0, 7)
    csrr a0, fflags
    CHECK(4, a0, 0x1f)
    csrw fflags, zero
    csrr a0, fcsr
    CHECK(5, a0, 0xe0)
    li a1, 2
    csrw frm, a1
    csrr a0, fcsr
    CHECK(6, a0, 0x40)
    csrr a0, frm
    CHECK(7, a0, 2)
    li a1, 0xff                 /* only bits 4:0 reach fflags */
    csrw fflags, a1
    csrr a0, fcsr
    CHECK(8, a0, 0x5f)
    csrr a0, frm
    CHECK(9, a0, 2)
    li a1, 0xfd                 /* only bits 2:0 reach frm */
    csrw frm, a1
    csrr a0, frm
    CHECK(10, a0, 5)
    csrr a0, fcsr
    CHECK(11, a0, 0xbf)
    csrrw a0, fcsr, zero
    CHECK(12, a0, 0xbf)
    csrr a0, fcsr
    CHECK(13, a0, 0)
    /* the set / clear / immediate forms */
    csrsi fflags, 0x05
    csrr a0, fflags
    CHECK(14, a0, 0x05)
    csrci fflags, 0x01
    csrr a0, fcsr
    CHECK(15, a0, 0x04)
    csrrsi a0, fflags, 0x10
    CHECK(16, a0, 0x04)
    csrr a0, fflags
    CHECK(17, a0, 0x14)
    csrrwi a0, frm, 3
    CHECK(18, a0, 0)
    csrr a0, fcsr
    CHECK(19, a0, 0x74)
    li a1, 0x40
    csrrc a0, fcsr, a1
    CHECK(20, a0, 0x74)
    csrr a0, frm
    CHECK(21, a0, 1)
    li a1, 0x700                /* reserved bits stay zero */
    csrs fcsr, a1
    csrr a0, fcsr
    CHECK(22, a0, 0x34)
    /* an instruction's flags accrue into fcsr next to frm */
    li a1, 0x20
    csrw fcsr, a1
    SET_S(fa1, 0x3f800000)
    SET_S(fa2, 0)
    fdiv.s fa0, fa1, fa2
    csrr a0, fcsr
    CHECK(23, a0, 0x28)
    csrw fcsr, zero

    /* ---- reserved static rounding modes 5 and 6 ---- */
    SET_S(fa1, 0x3f800000)
    SET_S(fa2, 0x40000000)
    SET_S(fa0, 0x12345678)
    csrwi fflags, 0
    EXPECT_ILL(30, .insn r OP_FP, 5, 0x00, fa0, fa1, fa2)      /* fadd.s */
    CHECK_S(31, fa0, 0x12345678)                                /* unchanged */
    EXPECT_ILL(32, .insn r OP_FP, 6, 0x01, fa0, fa1, fa2)      /* fadd.d */
    EXPECT_ILL(33, .insn r OP_FP, 5, 0x08, fa0, fa1, fa2)      /* fmul.s */
    EXPECT_ILL(34, .insn r OP_FP, 6, 0x0d, fa0, fa1, fa2)      /* fdiv.d */
    EXPECT_ILL(35, .insn r OP_FP, 5, 0x2c, fa0, fa1, f0)       /* fsqrt.s */
    EXPECT_ILL(36, .insn r4 MADD, 5, 0, fa0, fa1, fa2, fa3)    /* fmadd.s */
    EXPECT_ILL(37, .insn r4 NMADD, 6, 1, fa0, fa1, fa2, fa3)   /* fnmadd.d */
    EXPECT_ILL(38, .insn r OP_FP, 5, 0x60, a0, fa1, x0)        /* fcvt.w.s */
    EXPECT_ILL(39, .insn r OP_FP, 6, 0x68, fa0, a1, x1)        /* fcvt.s.wu */
    EXPECT_ILL(40, .insn r OP_FP, 5, 0x20, fa0, fa1, f1)       /* fcvt.s.d */
    EXPECT_ILL(41, .insn r OP_FP, 5, 0x21, fa0, fa1, f0)       /* fcvt.d.s */
    EXPECT_ILL(42, .insn r OP_FP, 6, 0x69, fa0, a1, x0)        /* fcvt.d.w */
#if XLEN == 64
    EXPECT_ILL(43, .insn r OP_FP, 5, 0x61, a0, fa1, x2)        /* fcvt.l.d */
#endif
    CHECK_FL(44, 0)
    /* the five valid static modes do not trap */
    EXPECT_NO_TRAP(45, .insn r OP_FP, 4, 0x00, fa0, fa1, fa2)
    CHECK_S(46, fa0, 0x40400000)

    /* ---- dynamic rounding with frm = 5, 6, 7 ---- */
    csrwi frm, 5
    EXPECT_ILL(50, fadd.s fa0, fa1, fa2)
    EXPECT_ILL(51, fmul.d fa0, fa1, fa2, dyn)
    EXPECT_ILL(52, fmadd.s fa0, fa1, fa2, fa3)
    EXPECT_ILL(53, .insn r OP_FP, 7, 0x21, fa0, fa1, f0)       /* fcvt.d.s, dyn */
    /* static modes, and instructions without an rm field, still work */
    EXPECT_NO_TRAP(54, fadd.s fa0, fa1, fa2, rne)
    EXPECT_NO_TRAP(55, fsgnj.s fa0, fa1, fa2; fmin.s fa0, fa1, fa2; fmax.d fa0, fa1, fa2)
    EXPECT_NO_TRAP(56, feq.s a0, fa1, fa2; fclass.s a0, fa1; fmv.x.w a0, fa1; fmv.w.x fa0, a0)
    csrwi frm, 6
    EXPECT_ILL(57, fsqrt.d fa0, fa1)
    EXPECT_ILL(58, fcvt.w.s a0, fa1)
    EXPECT_ILL(59, .insn r OP_FP, 7, 0x69, fa0, a1, x0)        /* fcvt.d.w, dyn */
    csrwi frm, 7
    EXPECT_ILL(60, fcvt.s.w fa0, a1)
    EXPECT_ILL(61, fnmsub.d fa0, fa1, fa2, fa3)
    EXPECT_ILL(62, fcvt.s.d fa0, fa1)
    EXPECT_NO_TRAP(63, fcvt.s.d fa0, fa1, rtz)
    csrr a0, frm                /* an illegal value is kept */
    CHECK(64, a0, 7)
    csrwi frm, 4
    EXPECT_NO_TRAP(65, fadd.s fa0, fa1, fa2)
    csrwi frm, 0

    /* ---- mstatus.FS: the four values are kept ---- */
    FS_AFTER(70, FS_OFF, FS_OFF, nop)
    FS_AFTER(71, FS_INITIAL, FS_INITIAL, nop)
    FS_AFTER(72, FS_CLEAN, FS_CLEAN, nop)
    FS_AFTER(73, FS_DIRTY, FS_DIRTY, nop)
    /* SD is read-only */
    FS_AFTER(74, FS_CLEAN, FS_CLEAN, li t0, MSTATUS_SD; csrs mstatus, t0)
    FS_AFTER(75, FS_DIRTY, FS_DIRTY, li t0, MSTATUS_SD; csrc mstatus, t0)

    /* ---- writes of FP state make FS Dirty ---- */
    FS_AFTER(80, FS_INITIAL, FS_DIRTY, fadd.s fa0, fa1, fa2)
    FS_AFTER(81, FS_CLEAN, FS_DIRTY, fmv.w.x fa0, zero)
    FS_AFTER(82, FS_CLEAN, FS_DIRTY, la a1, fp_buf; flw fa0, 0(a1))
    FS_AFTER(83, FS_CLEAN, FS_DIRTY, la a1, fp_buf; fld fa0, 0(a1))
    FS_AFTER(84, FS_CLEAN, FS_DIRTY, la a1, fp_buf; c.fld fa0, 0(a1))
    FS_AFTER(85, FS_INITIAL, FS_DIRTY, fmadd.d fa0, fa1, fa2, fa3)
    FS_AFTER(86, FS_CLEAN, FS_DIRTY, fcvt.s.w fa0, zero)
    FS_AFTER(87, FS_CLEAN, FS_DIRTY, fsgnj.d fa0, fa1, fa2)
    FS_AFTER(88, FS_CLEAN, FS_DIRTY, csrw fflags, zero)
    FS_AFTER(89, FS_CLEAN, FS_DIRTY, csrwi frm, 0)
    FS_AFTER(90, FS_INITIAL, FS_DIRTY, csrw fcsr, zero)
    FS_AFTER(91, FS_CLEAN, FS_DIRTY, csrsi fflags, 1)
    /* flags raised by an instruction that writes an x register */
    SET_S(fa1, 0x7f800001)
#ifndef QEMU
    csrwi fflags, 0
    FS_AFTER(93, FS_CLEAN, FS_DIRTY, feq.s a0, fa1, fa1)
#endif
    /* sstatus shows FS and SD */
    li TESTNUM, 95
    SET_FS(FS_CLEAN)
    fmv.w.x fa0, zero
    csrr a0, sstatus
    li t0, MSTATUS_FS
    and a1, a0, t0
    CHECK(95, a1, FS_DIRTY)
    srli a0, a0, XLEN - 1
    CHECK(96, a0, 1)

    /* ---- FS = Off: everything FP is illegal ---- */
    SET_FS(FS_OFF)
    la a1, fp_buf
    la a2, fp_buf
    mv sp, a1
    EXPECT_ALL_FP_ILLEGAL(100)
    EXPECT_XLEN_FP_ILLEGAL(100)
    /* the traps left FS Off */
    csrr a0, mstatus
    li t0, MSTATUS_FS
    and a0, a0, t0
    CHECK(150, a0, FS_OFF)
    /* and an FP store did not reach memory */
    la a1, fp_buf
    li a0, 0x5a5a5a5a
    sw a0, 0(a1)
    EXPECT_ILL(151, fsw fa0, 0(a1))
    lw a0, 0(a1)
    CHECK(152, a0, 0x5a5a5a5a)

    TEST_PASS

    PRIV_HANDLERS
    FP_DATA
    TEST_END
