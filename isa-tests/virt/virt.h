/*
 * The devices of the virt board as a bare-metal kernel finds them (QEMU's
 * riscv `virt` memory map, the shared REFERENCE.md), on top of the
 * privileged-test helpers (../priv/priv.h: recording trap handlers, CLINT
 * addresses, interrupt numbers).
 *
 * Tests that include this header are built with -DVIRT_BOARD: the harness
 * ends through the SiFive test finisher instead of HTIF.
 */
#ifndef ISA_TESTS_VIRT_H
#define ISA_TESTS_VIRT_H

#include "../priv/priv.h"

#if XLEN == 64
#define LWU lwu
#else
#define LWU lw
#endif

/* SiFive test finisher */
#define FINISHER       0x00100000
#define FINISHER_PASS  0x5555
#define FINISHER_FAIL  0x3333
#define FINISHER_RESET 0x7777

/* NS16550A UART, register shift 0, byte registers (PC16550D datasheet) */
#define UART      0x10000000
#define UART_RBR  0 /* read, DLAB = 0 */
#define UART_THR  0 /* write, DLAB = 0 */
#define UART_DLL  0 /* DLAB = 1 */
#define UART_IER  1 /* DLAB = 0 */
#define UART_DLM  1 /* DLAB = 1 */
#define UART_IIR  2 /* read */
#define UART_FCR  2 /* write */
#define UART_LCR  3
#define UART_MCR  4
#define UART_LSR  5
#define UART_MSR  6
#define UART_SCR  7
#define UART_IRQ  10

/* goldfish RTC */
#define RTC                 0x00101000
#define RTC_TIME_LOW        0x00
#define RTC_TIME_HIGH       0x04
#define RTC_ALARM_LOW       0x08
#define RTC_ALARM_HIGH      0x0c
#define RTC_IRQ_ENABLED     0x10
#define RTC_CLEAR_ALARM     0x14
#define RTC_ALARM_STATUS    0x18
#define RTC_CLEAR_INTERRUPT 0x1c
#define RTC_IRQ             11

/* PLIC (riscv-plic-spec 1.0.0); hart h has context 2h (M) and 2h + 1 (S) */
#define PLIC              0x0c000000
#define PLIC_PRIORITY(s)  (PLIC + 4 * (s))
#define PLIC_PENDING      (PLIC + 0x1000)
#define PLIC_ENABLE(c)    (PLIC + 0x2000 + 0x80 * (c))
#define PLIC_THRESHOLD(c) (PLIC + 0x200000 + 0x1000 * (c))
#define PLIC_CLAIM(c)     (PLIC + 0x200004 + 0x1000 * (c))

/* virtio-mmio slots (virtio 1.2, 4.2.2) */
#define VIRTIO0            0x10001000
#define VIRTIO_STRIDE      0x1000
#define VIRTIO_SLOTS       8
#define VIRTIO_MAGIC       0x000
#define VIRTIO_VERSION     0x004
#define VIRTIO_DEVICE_ID   0x008

/* Store the 32-bit constant value at address addr. Clobbers t0, t1. */
#define MMIO_W32(addr, value) li t0, addr; li t1, value; sw t1, 0(t0)
/* Load the 32-bit word at addr into reg, zero-extended. Clobbers t0. */
#define MMIO_R32(reg, addr) li t0, addr; LWU reg, 0(t0)

#endif
