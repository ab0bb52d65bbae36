/*
 * Physical memory protection (privileged spec 1.12, 3.7): 16 entries
 * (pmpaddr0-15, pmpcfg0-3 on RV32, pmpcfg0 and pmpcfg2 on RV64, where the
 * odd ones do not exist), 4-byte granularity (our emulator's G = 0: every
 * pmpaddr bit is kept). The lowest-numbered matching entry decides; NAPOT,
 * NA4 and TOR regions restrict S and U loads, stores and fetches (access
 * faults 5, 7, 1 with mtval = the address); M mode is only bound by locked
 * entries (or through MPRV); in S and U mode an access that matches no
 * entry fails once any entry is set; locked entries ignore writes, and a
 * locked TOR entry also locks the pmpaddr below it. R = 0 with W = 1 is
 * reserved and never read back.
 *
 * QEMU deviations (skipped under -DQEMU): QEMU 7.2 keeps pmpaddr bits
 * 63:54 on RV64 (the spec's register holds address bits 55:2 only; check
 * 3), keeps the reserved R = 0, W = 1 combination (check 6) and the
 * cfg bits 6:5, which the spec shows as "0 (WARL)" (check 7).
 */
#include "priv.h"

#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_TOR 0x08
#define PMP_NA4 0x10
#define PMP_NAPOT 0x18
#define PMP_L 0x80

#if XLEN == 64
#define CFG_CSR(e) (0x3a0 + ((e) / 8) * 2)
#define CFG_SHIFT(e) (((e) % 8) * 8)
#else
#define CFG_CSR(e) (0x3a0 + (e) / 4)
#define CFG_SHIFT(e) (((e) % 4) * 8)
#endif

/* Entry e: pmpaddr = reg, cfg byte = cfg. Clobbers t0. */
#define PMP_SET(e, reg, cfg)                                                \
    csrw 0x3b0 + (e), reg;                                                  \
    li t0, 0xff << CFG_SHIFT(e);                                            \
    csrc CFG_CSR(e), t0;                                                    \
    li t0, (cfg) << CFG_SHIFT(e);                                           \
    csrs CFG_CSR(e), t0;                                                    \
    sfence.vma

/* reg = cfg byte of entry e. */
#define PMP_GET_CFG(reg, e)                                                 \
    csrr reg, CFG_CSR(e);                                                   \
    srli reg, reg, CFG_SHIFT(e);                                            \
    andi reg, reg, 0xff

/* reg = NAPOT pmpaddr for the 4 KiB page at label. */
#define NAPOT_4K(reg, label)                                                \
    la reg, label;                                                          \
    srli reg, reg, 2;                                                       \
    ori reg, reg, (4096 / 8 - 1)

TEST_BEGIN
    PRIV_SETUP

    /* All 16 pmpaddr registers exist and keep every bit they have. */
    EXPECT_OK(1, PRV_M, csrr a0, pmpaddr15; csrr a0, pmpaddr8;
              csrr a0, pmpcfg2)
    li a0, 0x12345
    csrw pmpaddr15, a0
    csrr a1, pmpaddr15
    CHECK(2, a1, 0x12345)
    li a0, -1
    csrw pmpaddr14, a0
    csrr a1, pmpaddr14
#if XLEN == 64
#ifndef QEMU
    CHECK(3, a1, 0x003fffffffffffff)   /* bits 53:0 = address bits 55:2 */
#endif
    EXPECT_ILLEGAL(4, PRV_M, csrr a0, pmpcfg1)
    EXPECT_ILLEGAL(5, PRV_M, csrr a0, pmpcfg3)
#else
    CHECK(3, a1, 0xffffffff)
    EXPECT_OK(4, PRV_M, csrr a0, pmpcfg1; csrr a0, pmpcfg3)
#endif
    csrw pmpaddr14, zero
    csrw pmpaddr15, zero

    /* cfg: W without R is not kept; bits 6:5 read zero. */
#ifndef QEMU
    PMP_SET(13, zero, PMP_W)
    PMP_GET_CFG(a0, 13)
    andi a0, a0, PMP_R | PMP_W
    li TESTNUM, 6
    li t1, PMP_W
    beq a0, t1, fail
#endif
#ifndef QEMU
    PMP_SET(13, zero, 0x60 | PMP_R)
    PMP_GET_CFG(a0, 13)
    CHECK(7, a0, PMP_R)
#endif
    PMP_SET(13, zero, 0)

    /* The regions. Entry 15 gives S and U everything else. */
    li a0, -1
    PMP_SET(15, a0, PMP_NAPOT | PMP_R | PMP_W | PMP_X)
    NAPOT_4K(a0, page_a)                       /* 0: page_a read-only */
    PMP_SET(0, a0, PMP_NAPOT | PMP_R)
    la a0, page_b + 8                          /* 1: one word, nothing */
    srli a0, a0, 2
    PMP_SET(1, a0, PMP_NA4)
    la a0, page_c                              /* 2-3: TOR [c, c+256) */
    srli a0, a0, 2
    PMP_SET(2, a0, 0)
    la a0, page_c + 256
    srli a0, a0, 2
    PMP_SET(3, a0, PMP_TOR)
    NAPOT_4K(a0, nox_page)                     /* 4: code, no X */
    PMP_SET(4, a0, PMP_NAPOT | PMP_R)
    NAPOT_4K(a0, page_d)                       /* 5: page_d, RWX */
    PMP_SET(5, a0, PMP_NAPOT | PMP_R | PMP_W | PMP_X)
    PMP_GET_CFG(a0, 0)
    CHECK(8, a0, PMP_NAPOT | PMP_R)
    PMP_GET_CFG(a0, 3)
    CHECK(9, a0, PMP_TOR)

    la a1, page_a
    la a2, page_b
    la a3, page_c
    la a4, page_d
    addi a6, a1, 2047
    addi a6, a6, 1             /* a6 = page_a + 2048 */

    /* NAPOT read-only page. */
    EXPECT_OK(10, PRV_U, lw a0, 0(a1); lw a0, 2044(a6); lw a0, 0(a4);
              sw a0, 0(a4))
    EXPECT_TRAP(11, PRV_U, CAUSE_STORE_ACCESS, sw a0, 16(a1))
    addi t5, a1, 16
    CHECK_REGS(12, T_TVAL, t5)
    EXPECT_TRAP(13, PRV_S, CAUSE_STORE_ACCESS, sb a0, 2047(a6))
    addi t5, a6, 2047
    CHECK_REGS(14, T_TVAL, t5)
    EXPECT_TRAP(15, PRV_U, CAUSE_STORE_ACCESS, amoadd.w a0, a0, (a1))
    EXPECT_OK(16, PRV_M, sw a0, 16(a1))   /* M is not bound */

    /* NA4: only that word. */
    EXPECT_TRAP(20, PRV_U, CAUSE_LOAD_ACCESS, lw a0, 8(a2))
    addi t5, a2, 8
    CHECK_REGS(21, T_TVAL, t5)
    EXPECT_TRAP(22, PRV_S, CAUSE_LOAD_ACCESS, lbu a0, 11(a2))
    EXPECT_OK(23, PRV_U, lw a0, 4(a2); lw a0, 12(a2); sw a0, 12(a2))

    /* TOR: [page_c, page_c + 256). */
    EXPECT_TRAP(30, PRV_U, CAUSE_LOAD_ACCESS, lw a0, 0(a3))
    EXPECT_TRAP(31, PRV_U, CAUSE_STORE_ACCESS, sw a0, 252(a3))
    addi t5, a3, 252
    CHECK_REGS(32, T_TVAL, t5)
    EXPECT_OK(33, PRV_U, lw a0, 256(a3); sw a0, 256(a3); lw a0, -4(a3))

    /* Fetch from a page without X: fault in U and S, fine in M. */
    la a5, nox_func
    TRAP_CLEAR
    la T_FRESUME, 1f
    la T_ERESUME, 2f
    GOTO_MODE(PRV_U, 3f)
3:  jalr a5
1:  ecall
2:  CHECK(40, T_CAUSE, CAUSE_FETCH_ACCESS)
    CHECK_REGS(41, T_EPC, a5)
    CHECK_REGS(42, T_TVAL, a5)
    CHECK(43, T_ECAUSE, CAUSE_ECALL_U)
    TRAP_CLEAR
    la T_FRESUME, 1f
    la T_ERESUME, 2f
    GOTO_MODE(PRV_S, 3f)
3:  jalr a5
1:  ecall
2:  CHECK(44, T_CAUSE, CAUSE_FETCH_ACCESS)
    CHECK(45, T_ECAUSE, CAUSE_ECALL_S)
    TRAP_CLEAR
    jalr a5                    /* M: runs and returns */
    CHECK(46, T_COUNT, 0)
    CHECK(47, a0, 0x77)
    EXPECT_OK(48, PRV_U, lw a0, 0(a5))   /* still readable */

    /* MPRV: M-mode loads and stores with U's permissions. */
    TRAP_CLEAR
    li t0, MSTATUS_MPP
    csrc mstatus, t0           /* MPP = U */
    li t0, MSTATUS_MPRV
    csrs mstatus, t0
1:  sw a0, 0(a1)
    li t0, MSTATUS_MPRV
    csrc mstatus, t0
    CHECK(50, T_COUNT, 1)
    CHECK_TRAP_AT(51, CAUSE_STORE_ACCESS, 1b)

    /* Only entries 0-5 left: S/U accesses matching none of them fail,
     * M accesses do not. */
    PMP_SET(15, zero, 0)
    li a0, -1
    PMP_SET(14, zero, 0)
    la a0, _end                /* [0x80000000, _end) via TOR, entry 14 */
    srli a0, a0, 2
    li t1, 0x80000000 >> 2
    csrw pmpaddr13, t1
    PMP_SET(14, a0, PMP_TOR | PMP_R | PMP_W | PMP_X)
    li a1, 0x80200000
    EXPECT_TRAP(60, PRV_U, CAUSE_LOAD_ACCESS, lw a0, 0(a1))
    CHECK_REGS(61, T_TVAL, a1)
    EXPECT_TRAP(62, PRV_S, CAUSE_STORE_ACCESS, sw a0, 0(a1))
    EXPECT_OK(63, PRV_M, lw a0, 0(a1); sw a0, 0(a1))
    li a1, CLINT_MTIME
    EXPECT_TRAP(64, PRV_S, CAUSE_LOAD_ACCESS, lw a0, 0(a1))
    EXPECT_OK(65, PRV_U, lw a0, 0(a4))   /* entry 5 */

    /* Locked entries bind M mode and ignore writes. Entry 6: page_e
     * read-only, locked. */
    NAPOT_4K(a0, page_e)
    PMP_SET(6, a0, PMP_NAPOT | PMP_R | PMP_L)
    la a1, page_e
    EXPECT_TRAP(70, PRV_M, CAUSE_STORE_ACCESS, sw a0, 8(a1))
    addi t5, a1, 8
    CHECK_REGS(71, T_TVAL, t5)
    EXPECT_OK(72, PRV_M, lw a0, 8(a1))
    csrr a2, pmpaddr6
    csrw pmpaddr6, zero
    csrr a3, pmpaddr6
    CHECK_REGS(73, a2, a3)
    PMP_SET(6, a0, PMP_NAPOT | PMP_R | PMP_W)
    PMP_GET_CFG(a0, 6)
    CHECK(74, a0, PMP_NAPOT | PMP_R | PMP_L)
    EXPECT_TRAP(75, PRV_M, CAUSE_STORE_ACCESS, sw a0, 8(a1))
    /* Writing the whole cfg register still updates the unlocked entries
     * in it. */
    csrr a2, CFG_CSR(6)
    li t0, PMP_W << CFG_SHIFT(0)
    csrs CFG_CSR(6), t0        /* entry 0 (RV64) or 4 (RV32) gains W */
    csrr a3, CFG_CSR(6)
    xor a3, a3, a2
    CHECK(76, a3, PMP_W << CFG_SHIFT(0))
    csrw CFG_CSR(6), a2

    /* A locked TOR entry locks the pmpaddr below it too: entry 8, TOR
     * over [page_f, page_f + 4096), no permissions, locked. */
    la a0, page_f
    srli a0, a0, 2
    PMP_SET(7, a0, 0)
    la a0, page_f + 4096
    srli a0, a0, 2
    PMP_SET(8, a0, PMP_TOR | PMP_L)
    csrr a2, pmpaddr7
    csrw pmpaddr7, zero
    csrr a3, pmpaddr7
    CHECK_REGS(80, a2, a3)
    la a1, page_f
    EXPECT_TRAP(81, PRV_M, CAUSE_LOAD_ACCESS, lw a0, 4(a1))
    addi a6, a1, 2047
    addi a6, a6, 1
    EXPECT_TRAP(82, PRV_M, CAUSE_STORE_ACCESS, sw a0, 2044(a6))

    TEST_PASS
fail:
    TEST_FAIL

    /* A page of code of its own. */
    .align 12
nox_page:
nox_func:
    li a0, 0x77
    ret
    .align 12

    PRIV_HANDLERS
TEST_END

    .data
    .align 12
page_a: .space 4096
page_b: .space 4096
page_c: .space 4096
page_d: .space 4096
page_e: .space 4096
page_f: .space 4096
