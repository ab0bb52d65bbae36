/*
 * CSR access rules (privileged spec 1.12, section 2.1 and 2.3): CSR number
 * bits [9:8] give the lowest privilege that may access it, bits [11:10] == 3
 * mark it read-only. Reading a CSR the current mode may not access, writing
 * a read-only CSR (csrrw/csrrwi always write; csrrs/csrrc write unless rs1 is
 * x0, csrrsi/csrrci unless uimm is 0, even when the register holds zero),
 * or naming a CSR that does not exist raises illegal instruction with mtval
 * = the instruction bits.
 *
 * QEMU deviation (built with -DQEMU to skip): QEMU's `spike` board has no
 * `time` CSR (rdtime raises illegal instruction), although Zicntr defines
 * it as a read-only shadow of the platform timer (Spike provides it).
 * Checks 19 are skipped under -DQEMU.
 * QEMU deviation: QEMU 7.2 treats csrrs/csrrc with rs1 != x0 holding zero
 * as a read, but the spec (Zicsr: "the instruction will still attempt to
 * write the unmodified value back") makes it a write, so it is illegal on a
 * read-only CSR. Checks 3 and 4 are skipped under -DQEMU.
 */
#include "priv.h"

TEST_BEGIN
    PRIV_SETUP
    li t0, 7
    csrw mcounteren, t0
    csrw scounteren, t0

    /* Reads (and non-writing set/clear forms) of read-only CSRs in M. */
    li a1, 0
    EXPECT_OK(1, PRV_M, csrr a0, mhartid; csrrs a0, mhartid, x0;
              csrrc a0, mhartid, x0; csrrsi a0, mhartid, 0;
              csrrci a0, mhartid, 0; csrr a0, mvendorid; csrr a0, marchid;
              csrr a0, mimpid; csrr a0, cycle; csrr a0, instret;
              csrrs x0, cycle, x0)
#ifndef QEMU
    EXPECT_OK(19, PRV_M, csrr a0, time)
#endif

    /* Writes to read-only CSRs are illegal, in M mode too. */
    EXPECT_ILLEGAL(2, PRV_M, csrw mhartid, zero)
#ifndef QEMU
    EXPECT_ILLEGAL(3, PRV_M, csrrs a0, mhartid, a1)   /* a1 == 0 */
    EXPECT_ILLEGAL(4, PRV_M, csrrc a0, mhartid, a1)
#endif
    EXPECT_ILLEGAL(5, PRV_M, csrrsi a0, mhartid, 1)
    EXPECT_ILLEGAL(6, PRV_M, csrw cycle, zero)
    EXPECT_ILLEGAL(7, PRV_M, csrrwi x0, instret, 0)
    EXPECT_ILLEGAL(8, PRV_M, csrrci a0, time, 1)
    EXPECT_ILLEGAL(9, PRV_M, csrw mvendorid, a1)
    EXPECT_ILLEGAL(10, PRV_M, csrrw x0, mimpid, zero)
#if XLEN == 32
    EXPECT_ILLEGAL(11, PRV_M, csrw cycleh, zero)
    EXPECT_OK(12, PRV_M, csrr a0, cycleh; csrr a0, instreth)
#ifndef QEMU
    EXPECT_OK(19, PRV_M, csrr a0, timeh)
#endif
#endif

    /* CSR numbers that do not exist. */
    EXPECT_ILLEGAL(13, PRV_M, csrr a0, 0x108)
    EXPECT_ILLEGAL(14, PRV_M, csrw 0x108, a1)
    EXPECT_ILLEGAL(15, PRV_M, csrr a0, 0x7ff)
    EXPECT_ILLEGAL(16, PRV_M, csrr a0, 0x3ff)
    EXPECT_ILLEGAL(17, PRV_M, csrr a0, 0xfff)
    EXPECT_ILLEGAL(18, PRV_M, csrr a0, 0x5ff)

    /* S mode: its own CSRs are fine, M-level ones are not. */
    EXPECT_OK(20, PRV_S, csrr a0, sscratch; csrw sscratch, a0;
              csrr a0, sstatus; csrr a0, sepc; csrr a0, stvec;
              csrr a0, scause; csrr a0, stval; csrr a0, sie; csrr a0, sip;
              csrr a0, satp; csrr a0, scounteren; csrr a0, cycle)
    EXPECT_ILLEGAL(21, PRV_S, csrr a0, mscratch)
    EXPECT_ILLEGAL(22, PRV_S, csrw mstatus, zero)
    EXPECT_ILLEGAL(23, PRV_S, csrr a0, mhartid)
    EXPECT_ILLEGAL(24, PRV_S, csrr a0, mepc)
    EXPECT_ILLEGAL(25, PRV_S, csrrs a0, medeleg, x0)
    EXPECT_ILLEGAL(26, PRV_S, csrr a0, mtvec)
    EXPECT_ILLEGAL(27, PRV_S, csrr a0, pmpcfg0)
    EXPECT_ILLEGAL(28, PRV_S, csrw cycle, a1)
    EXPECT_ILLEGAL(29, PRV_S, csrr a0, mcycle)

    /* U mode: only the unprivileged counters (enabled above). */
    EXPECT_OK(30, PRV_U, csrr a0, cycle; csrr a0, instret)
#ifndef QEMU
    EXPECT_OK(19, PRV_U, csrr a0, time)
#endif
    EXPECT_ILLEGAL(31, PRV_U, csrr a0, sscratch)
    EXPECT_ILLEGAL(32, PRV_U, csrr a0, sstatus)
    EXPECT_ILLEGAL(33, PRV_U, csrw stvec, zero)
    EXPECT_ILLEGAL(34, PRV_U, csrr a0, satp)
    EXPECT_ILLEGAL(35, PRV_U, csrr a0, mscratch)
    EXPECT_ILLEGAL(36, PRV_U, csrr a0, mstatus)
    EXPECT_ILLEGAL(37, PRV_U, csrr a0, mhartid)
    EXPECT_ILLEGAL(38, PRV_U, csrrw a0, cycle, a1)
    EXPECT_ILLEGAL(39, PRV_U, csrr a0, 0x108)

    /* A CSR written in M keeps its value across the failed lower-mode
     * attempts. */
    EXPECT_ILLEGAL(40, PRV_S, csrw mcounteren, zero)
    csrr a0, mcounteren
    CHECK(41, a0, 7)
    li a0, 0x1234
    csrw sscratch, a0
    EXPECT_ILLEGAL(42, PRV_U, csrw sscratch, zero)
    csrr a0, sscratch
    CHECK(43, a0, 0x1234)

    TEST_PASS

    PRIV_HANDLERS
TEST_END
