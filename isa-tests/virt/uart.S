/*
 * The virt board's NS16550A UART at 0x10000000 (register shift 0), as the
 * TI/National PC16550D datasheet describes it ("the datasheet"):
 *   1-8    the reset state: LSR = THRE | TEMT (0x60), IIR = no interrupt
 *          (0x01), IER = LCR = MCR = 0 (table "UART Reset Configuration");
 *          MSR shows the virtual line's modem inputs (CTS, DSR, DCD set,
 *          no deltas); the scratch register keeps what is written (SCR).
 *   9-13   the divisor latch (LCR bit 7, DLAB): DLL and DLM keep their
 *          values and share addresses with RBR/THR and IER without
 *          disturbing them.
 *   14-15  FCR bit 0 enables the FIFOs, shown by IIR bits 6-7.
 *   16-27  loopback (MCR bit 4): a byte written to THR is received, LSR.DR
 *          is set until it is read from RBR; without FIFO a second byte
 *          overruns (LSR bit 1, cleared by reading LSR) and replaces the
 *          first; with FIFO the bytes come out in order.
 *   28-36  loopback wires MCR's DTR, RTS, OUT1, OUT2 to MSR's DSR, CTS,
 *          RI, DCD; the MSR delta bits follow those changes (TERI only on
 *          RI's trailing edge) and are cleared by reading MSR.
 *   37-48  IIR (table "Interrupt Control Functions"): enabling ETBEI with
 *          THR empty raises the THRE interrupt, reading IIR while it shows
 *          THRE clears it; priorities: receiver line status (0x06) over
 *          received data (0x04) over THRE (0x02) over modem status (0x00).
 *
 * QEMU deviations (skipped under -DQEMU): QEMU 7.2 resets MCR to OUT2
 * (0x08) where the datasheet resets it to 0 (check 5); in loopback its MSR
 * shows the lines but never the delta bits, so no modem status interrupt
 * either (checks 33-36, 47, 48).
 */
#include "virt.h"

/* Check number n: UART register off reads value. Clobbers a0, t6. */
#define UREAD(n, off, value)                                                \
    lbu a0, off(s0);                                                        \
    CHECK(n, a0, value)
/* Write value to UART register off. Clobbers t0. */
#define UWRITE(off, value) li t0, value; sb t0, off(s0)

TEST_BEGIN
    li s0, UART

    /* reset state */
    UREAD(1, UART_LSR, 0x60)
    UREAD(2, UART_IIR, 0x01)
    UREAD(3, UART_IER, 0x00)
    UREAD(4, UART_LCR, 0x00)
#ifndef QEMU
    UREAD(5, UART_MCR, 0x00)
#endif
    UREAD(6, UART_MSR, 0xb0)
    UWRITE(UART_SCR, 0x5a)
    UREAD(7, UART_SCR, 0x5a)
    UWRITE(UART_SCR, 0xa5)
    UREAD(8, UART_SCR, 0xa5)

    /* divisor latch */
    UWRITE(UART_IER, 0x05)
    UWRITE(UART_LCR, 0x83)        /* DLAB, 8 data bits */
    UREAD(9, UART_LCR, 0x83)
    UWRITE(UART_DLL, 0x12)
    UWRITE(UART_DLM, 0x34)
    UREAD(10, UART_DLL, 0x12)
    UREAD(11, UART_DLM, 0x34)
    UWRITE(UART_LCR, 0x03)
    UREAD(12, UART_IER, 0x05)     /* DLM shares IER's address */
    UWRITE(UART_IER, 0x00)
    UWRITE(UART_LCR, 0x83)
    UREAD(13, UART_DLM, 0x34)     /* and IER does not touch DLM */
    UWRITE(UART_LCR, 0x03)

    /* FIFO enable */
    UWRITE(UART_FCR, 0x07)        /* enable, clear both, trigger 1 */
    UREAD(14, UART_IIR, 0xc1)
    UWRITE(UART_FCR, 0x00)
    UREAD(15, UART_IIR, 0x01)

    /* loopback without FIFO */
    UWRITE(UART_MCR, 0x10)
    UREAD(16, UART_MCR, 0x10)
    UWRITE(UART_THR, 0x41)
    UREAD(17, UART_LSR, 0x61)     /* DR */
    UREAD(18, UART_RBR, 0x41)
    UREAD(19, UART_LSR, 0x60)
    UWRITE(UART_THR, 0x01)
    UWRITE(UART_THR, 0x02)
    UREAD(20, UART_LSR, 0x63)     /* DR, OE */
    UREAD(21, UART_LSR, 0x61)     /* reading LSR cleared OE */
    UREAD(22, UART_RBR, 0x02)
    /* loopback with FIFO */
    UWRITE(UART_FCR, 0x07)
    UWRITE(UART_THR, 'a')
    UWRITE(UART_THR, 'b')
    UWRITE(UART_THR, 'c')
    UREAD(23, UART_LSR, 0x61)
    UREAD(24, UART_RBR, 'a')
    UREAD(25, UART_RBR, 'b')
    UREAD(26, UART_RBR, 'c')
    UREAD(27, UART_LSR, 0x60)
    UWRITE(UART_FCR, 0x00)

    /* modem lines in loopback: MCR bits 0-3 drive MSR bits 5, 4, 6, 7 */
    UWRITE(UART_MCR, 0x1f)
    lbu a0, UART_MSR(s0)
    andi a0, a0, 0xf0
    CHECK(28, a0, 0xf0)
    UWRITE(UART_MCR, 0x11)        /* DTR -> DSR */
    lbu a0, UART_MSR(s0)
    andi a0, a0, 0xf0
    CHECK(29, a0, 0x20)
    UWRITE(UART_MCR, 0x12)        /* RTS -> CTS */
    lbu a0, UART_MSR(s0)
    andi a0, a0, 0xf0
    CHECK(30, a0, 0x10)
    UWRITE(UART_MCR, 0x14)        /* OUT1 -> RI */
    lbu a0, UART_MSR(s0)
    andi a0, a0, 0xf0
    CHECK(31, a0, 0x40)
    UWRITE(UART_MCR, 0x18)        /* OUT2 -> DCD */
    lbu a0, UART_MSR(s0)
    andi a0, a0, 0xf0
    CHECK(32, a0, 0x80)
    UWRITE(UART_MCR, 0x10)
    lbu a0, UART_MSR(s0)          /* clear the deltas */
#ifndef QEMU
    UWRITE(UART_MCR, 0x11)        /* DSR rises: DDSR */
    UREAD(33, UART_MSR, 0x22)
    UREAD(34, UART_MSR, 0x20)     /* the read cleared DDSR */
    UWRITE(UART_MCR, 0x14)        /* DSR falls, RI rises: DDSR only */
    UREAD(35, UART_MSR, 0x42)
    UWRITE(UART_MCR, 0x10)        /* RI falls: TERI */
    UREAD(36, UART_MSR, 0x04)
#endif

    /* interrupt identification (loopback, no FIFO) */
    UWRITE(UART_IER, 0x02)        /* ETBEI with THR empty */
    UREAD(37, UART_IIR, 0x02)
    UREAD(38, UART_IIR, 0x01)     /* reading IIR cleared it */
    UWRITE(UART_IER, 0x03)        /* ERBFI too */
    UWRITE(UART_THR, 0x77)
    UREAD(39, UART_IIR, 0x04)     /* received data before THRE */
    lbu a0, UART_RBR(s0)
    UREAD(40, UART_IIR, 0x02)     /* then THRE (the byte left THR) */
    UREAD(41, UART_IIR, 0x01)
    UWRITE(UART_IER, 0x07)        /* ELSI too */
    UWRITE(UART_THR, 0x01)
    UWRITE(UART_THR, 0x02)
    UREAD(42, UART_IIR, 0x06)     /* overrun first */
    UREAD(43, UART_LSR, 0x63)
    UREAD(44, UART_IIR, 0x04)
    lbu a0, UART_RBR(s0)
    UREAD(45, UART_IIR, 0x02)
    UREAD(46, UART_IIR, 0x01)
#ifndef QEMU
    UWRITE(UART_IER, 0x08)        /* EDSSI */
    UWRITE(UART_MCR, 0x11)
    UREAD(47, UART_IIR, 0x00)     /* modem status */
    lbu a0, UART_MSR(s0)
    UREAD(48, UART_IIR, 0x01)
#endif

    /* leave the UART as reset left it */
    UWRITE(UART_IER, 0x00)
    UWRITE(UART_MCR, 0x00)
    UWRITE(UART_LCR, 0x00)
TEST_END
