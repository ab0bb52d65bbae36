/*
 * misa and the machine identification CSRs (privileged spec 1.12, 3.1.1 to
 * 3.1.5): misa.MXL = 1 on RV32 and 2 on RV64, with I, M, A, C, S and U set
 * (other extensions are allowed, e.g. F and D on other implementations);
 * mvendorid, marchid, mimpid and mhartid read without trapping, mhartid
 * is 0 on our single-hart board; all are read-only.
 * misa is WARL; our emulator makes it read-only, so writing it (even 0)
 * changes nothing and does not trap (the spec allows either).
 */
#include "priv.h"

#define EXT(c) (1 << ((c) - 'A'))
#define REQUIRED (EXT('I') | EXT('M') | EXT('A') | EXT('C') | EXT('S') | EXT('U'))

TEST_BEGIN
    PRIV_SETUP

    csrr a0, misa
    srli a1, a0, XLEN - 2
    CHECK(1, a1, XLEN / 32)
    li t0, REQUIRED
    and a1, a0, t0
    CHECK_REGS(2, a1, t0)
    li t0, EXT('E')            /* I and E never both */
    and a1, a0, t0
    CHECK(3, a1, 0)
    li t0, 0x3ffffff           /* bits 25:0 are the only extension bits */
    srli a1, a0, 26
    slli a1, a1, 26
    srli a2, a1, XLEN - 2
    slli a2, a2, XLEN - 2
    CHECK_REGS(4, a1, a2)      /* nothing between bit 26 and MXL */

    /* Writing misa: no trap, and MXL, I, M, A, C, S, U stay. */
    mv s0, a0
    TRAP_CLEAR
    csrw misa, zero
    CHECK(5, T_COUNT, 0)
    csrr a1, misa
    srli a2, a1, XLEN - 2
    CHECK(6, a2, XLEN / 32)
    li t0, REQUIRED
    and a2, a1, t0
    CHECK_REGS(7, a2, t0)
    csrw misa, s0

    csrr a0, mhartid
    CHECK(10, a0, 0)
    EXPECT_OK(11, PRV_M, csrr a0, mvendorid; csrr a0, marchid;
              csrr a0, mimpid; csrr a0, mhartid)
    EXPECT_ILLEGAL(12, PRV_M, csrw marchid, zero)
    EXPECT_ILLEGAL(13, PRV_M, csrsi mhartid, 1)
    EXPECT_ILLEGAL(14, PRV_S, csrr a0, misa)
    EXPECT_ILLEGAL(15, PRV_S, csrr a0, mvendorid)
    EXPECT_ILLEGAL(16, PRV_U, csrr a0, marchid)

    /* mvendorid: bank (bits 31:7) and offset (6:0) in the low 32 bits. */
#if XLEN == 64
    csrr a0, mvendorid
    srli a0, a0, 32
    CHECK(17, a0, 0)
#endif

    TEST_PASS

    PRIV_HANDLERS
TEST_END
