/*
 * The virt board's boot protocol, as QEMU's reset vector sets it up: every
 * hart enters the kernel in M mode with a0 = its hart id, a1 = the address
 * of the flattened device tree (header magic 0xd00dfeed, big-endian) and
 * a2 = the address of OpenSBI's fw_dynamic_info (magic "OSBI" 0x4942534f,
 * version 2, then next address, next mode, options and boot hart, each
 * XLEN bits wide).
 */
#include "harness.h"

#if XLEN == 64
#define LWU lwu
#else
#define LWU lw
#endif

    .section .text.init, "ax"
    .globl _start
_start:
    /* keep the boot registers before the harness uses any */
    mv s0, a0
    mv s1, a1
    mv s2, a2
    csrr s3, mhartid
    j harness_start

TEST_BEGIN_AT(harness_start)
    CHECK_REGS(1, s0, s3)
    /* the device tree's first word, 0xd00dfeed stored big-endian */
    LWU t0, 0(s1)
    CHECK(2, t0, 0xedfe0dd0)
    /* fw_dynamic_info: magic and version */
    LREG t0, 0(s2)
    CHECK(3, t0, 0x4942534f)
    LREG t0, REGBYTES(s2)
    CHECK(4, t0, 2)
    /* next mode = S (1), boot hart 0 */
    LREG t0, 3*REGBYTES(s2)
    CHECK(5, t0, 1)
    LREG t0, 5*REGBYTES(s2)
    CHECK(6, t0, 0)
    /* the device tree lies in RAM, 8-byte aligned */
    li t0, 0x80000000
    sltu t1, s1, t0
    CHECK(7, t1, 0)
    andi t1, s1, 7
    CHECK(8, t1, 0)
TEST_END
