/*
 * A reboot through the SiFive test finisher (0x7777 at 0x100000, the
 * "syscon-reboot" value of the board's device tree): the whole machine
 * resets and starts again from the reset vector, with the loaded image
 * restored, as QEMU does (its loader keeps the ELF's segments and copies
 * them back at every system reset).
 *
 * A RAM word outside the loaded image (0x80100000; RAM keeps its contents
 * across the reset) tells the runs apart: 0 on the first run, FIRST once
 * the first run is about to reset, SECOND once the second run started (a
 * third run fails with check 99).
 *   1-4    first run: the boot registers (a0 = hart id, a1 = the device
 *          tree, a2 = fw_dynamic_info), M mode with mstatus.MIE = MPRV = 0
 *          (privileged spec 3.4, "Reset"), mie = 0, and the .data word
 *          holds its initial value.
 *   5-6    the first run changes what the reset must undo: .data, a PLIC
 *          priority, the UART's scratch register, msip, mie, mstatus.
 *   7      the reset happens (the store to the finisher does not return).
 *   8-14   second run: the reset vector ran again (a0, a1, a2 as before)
 *          in M mode; privileged spec 3.4 ("Reset"): mstatus.MIE and MPRV
 *          are 0 again although the first run set them; mcause is 0 ("the
 *          value 0 should be returned on implementations that do not
 *          distinguish different reset conditions"); the A and L fields of
 *          the PMP entries are 0 again (the harness had set entry 0 to
 *          NAPOT); and mie is 0 again (the spec leaves it unspecified:
 *          our board clears it).
 *   15     the first run's change to its own .data is undone: the image
 *          was loaded again.
 *   16-18  the devices were reset: the PLIC priority, the UART scratch
 *          register and the CLINT's msip the first run set read 0 again.
 *
 * Differences from QEMU 7.2 (skipped under -DQEMU): QEMU keeps mie across
 * a reset (check 11; unspecified, so not a deviation), and it does not
 * clear the PMP entries' A and L fields (check 13), which the spec
 * requires "unless the platform mandates a different reset value". QEMU
 * does restore the loaded image (check 15 passes there).
 */
#include "virt.h"

#define MARKER 0x80100000
#define FIRST  0x46495253
#define SECOND 0x5345434f
#define DATA_INIT 0x600dda7a
/* the A and L fields of the PMP entries in pmpcfg0 */
#if XLEN == 64
#define PMP_AL_MASK 0x9898989898989898
#else
#define PMP_AL_MASK 0x98989898
#endif

    .section .text.init, "ax"
    .globl _start
_start:
    /* the state the reset left, before the harness changes it */
    mv s0, a0
    mv s1, a1
    mv s2, a2
    csrr s3, mstatus
    csrr s4, mie
    csrr s5, mcause
    csrr s7, pmpcfg0
    j harness_start

/* Check number n: the boot registers s0-s2 are what the reset vector
 * passes. Clobbers t0, t6. */
#define BOOT_REGS(n)                                                        \
    CHECK(n, s0, 0);                                                        \
    LWU t0, 0(s1);                                                          \
    CHECK(n, t0, 0xedfe0dd0);                                               \
    LREG t0, 0(s2);                                                         \
    CHECK(n, t0, 0x4942534f)

TEST_BEGIN_AT(harness_start)
    li s6, MARKER
    lw t0, 0(s6)
    li t1, FIRST
    beq t0, t1, second_run
    CHECK(99, t0, 0)            /* neither the first nor the second run */

    /* first run */
    BOOT_REGS(1)
    li t0, MSTATUS_MIE | MSTATUS_MPRV
    and t0, s3, t0
    CHECK(2, t0, 0)
    CHECK(3, s4, 0)
    la t0, data_word
    lw a0, 0(t0)
    CHECK(4, a0, DATA_INIT)

    /* change what a reset must undo */
    la t0, data_word
    li t1, 0xdeadbeef
    sw t1, 0(t0)
    MMIO_W32(PLIC_PRIORITY(UART_IRQ), 5)
    MMIO_R32(a0, PLIC_PRIORITY(UART_IRQ))
    CHECK(5, a0, 5)
    li t0, UART
    li t1, 0x5a
    sb t1, UART_SCR(t0)
    MSIP_SET                    /* mie.MSIE stays 0: not taken */
    csrr a0, mip
    andi a0, a0, MIP_MSIP
    CHECK(6, a0, MIP_MSIP)
    TIMER_OFF
    li t0, MIP_MTIP | MIP_MEIP
    csrw mie, t0
    li t0, MSTATUS_MPP          /* MPRV with MPP = M: no effect on us */
    csrs mstatus, t0
    li t0, MSTATUS_MPRV | MSTATUS_MIE
    csrs mstatus, t0
    li t0, FIRST
    sw t0, 0(s6)
    fence
    MMIO_W32(FINISHER, FINISHER_RESET)
    li t5, 10000000
1:  addi t5, t5, -1
    bnez t5, 1b
    csrci mstatus, MSTATUS_MIE
    li TESTNUM, 7               /* still here: no reset */
    TEST_FAIL

second_run:
    li t0, SECOND
    sw t0, 0(s6)
    BOOT_REGS(8)
    li t0, MSTATUS_MIE
    and t0, s3, t0
    CHECK(9, t0, 0)
    li t0, MSTATUS_MPRV
    and t0, s3, t0
    CHECK(10, t0, 0)
#ifndef QEMU
    CHECK(11, s4, 0)
#endif
    CHECK(12, s5, 0)
#ifndef QEMU
    li t0, PMP_AL_MASK
    and t0, s7, t0
    CHECK(13, t0, 0)
#endif
    csrr a0, mhartid            /* and in M mode (or this traps) */
    CHECK(14, a0, 0)
    la t0, data_word
    lw a0, 0(t0)
    CHECK(15, a0, DATA_INIT)
    MMIO_R32(a0, PLIC_PRIORITY(UART_IRQ))
    CHECK(16, a0, 0)
    li t0, UART
    lbu a0, UART_SCR(t0)
    CHECK(17, a0, 0)
    li t0, CLINT_MSIP
    lw a0, 0(t0)
    csrr a1, mip
    andi a1, a1, MIP_MSIP
    or a0, a0, a1
    CHECK(18, a0, 0)
    TEST_PASS

    .data
    .align 2
data_word: .word DATA_INIT
TEST_END
