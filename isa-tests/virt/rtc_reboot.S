/*
 * The goldfish RTC keeps counting through a reboot (test finisher 0x7777):
 * it is the board's wall clock, nanoseconds since 1970 (Linux's
 * drivers/rtc/rtc-goldfish.c reads it as such), and a machine reset does
 * not reset the time; QEMU's model keeps its offset from the host's clock
 * across a reset, and so does ours by design (src/devices/goldfish_rtc.c:
 * "a real RTC keeps counting through a machine reset").
 *
 * The first run spins a while, reads the RTC, keeps the time in a RAM
 * word outside the loaded image (0x80100000, which the reset leaves
 * alone) and reboots; the second run reads the RTC again.
 *   1      the reset happens (the store to the finisher does not return).
 *   2      the time after the reboot is not before the time read just
 *          before it.
 * A third run fails with check 99.
 */
#include "virt.h"

#define MARKER 0x80100000
#define FIRST  0x46495253
#define SECOND 0x5345434f

TEST_BEGIN
    li s6, MARKER
    li s0, RTC
    lw t0, 0(s6)
    li t1, FIRST
    beq t0, t1, second_run
    CHECK(99, t0, 0)            /* neither the first nor the second run */

    /* first run: let time pass, then keep the time and reboot */
    li t0, 500000
1:  addi t0, t0, -1
    bnez t0, 1b
    LWU a0, RTC_TIME_LOW(s0)
    LWU a1, RTC_TIME_HIGH(s0)
    sw a0, 8(s6)
    sw a1, 12(s6)
    li t0, FIRST
    sw t0, 0(s6)
    fence
    MMIO_W32(FINISHER, FINISHER_RESET)
    li t5, 10000000
1:  addi t5, t5, -1
    bnez t5, 1b
    li TESTNUM, 1
    TEST_FAIL

second_run:
    li t0, SECOND
    sw t0, 0(s6)
    LWU a0, RTC_TIME_LOW(s0)
    LWU a1, RTC_TIME_HIGH(s0)
    LWU a2, 8(s6)               /* before the reboot */
    LWU a3, 12(s6)
    li t0, 1
    bne a1, a3, 2f
    sltu t0, a0, a2             /* same high half: low >= low before? */
    xori t0, t0, 1
    j 3f
2:  sltu t0, a3, a1             /* high half grew */
3:  CHECK(2, t0, 1)
TEST_END
