/*
 * NS16550A UART (the "ns16550a" of QEMU's virt board), register shift 0:
 * eight 1-byte registers at offsets 0..7.
 *
 * Accesses: any size (1, 2, 4 or 8) at offsets 0..7 reaches the one
 * register at that offset; a read returns it zero-extended and a write uses
 * the low byte of the value. Offsets 8 and above hold no register and fail
 * (the ops return false, so the guest sees an access fault).
 *
 * Transmission is instantaneous: a byte written to THR goes to the tx
 * callback at once (or to the receiver in loopback mode), so LSR.THRE and
 * LSR.TEMT always read 1.
 *
 * Reception: the host pushes bytes with dev_uart_rx(), which accepts only
 * what fits (16 bytes with FIFOs enabled, 1 byte otherwise) and returns the
 * count; the caller keeps the rest and retries. Host input is therefore
 * never dropped and never sets LSR.OE. Only loopback, where the guest is the
 * sender and cannot be held back, can overrun the receiver (PC16550D
 * datasheet, LSR bit 1).
 */
#ifndef DEVICES_UART16550_H
#define DEVICES_UART16550_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "devices/device.h"

typedef struct dev_uart dev_uart;

/* Number of registers (the region the board maps may be larger). */
#define DEV_UART_NREGS 8
/* Receive FIFO depth when FCR bit 0 enables the FIFOs. */
#define DEV_UART_FIFO_SIZE 16

extern const dev_ops dev_uart_ops;

/* A UART in its power-on state driving irq; every transmitted byte goes to
 * tx(tx_ctx, byte) (tx may be NULL to discard output). NULL when out of
 * memory. */
dev_uart *dev_uart_new(dev_irq irq, void (*tx)(void *ctx, uint8_t byte),
                       void *tx_ctx);
void dev_uart_free(dev_uart *u);

/* Push host input into the receiver; returns how many bytes of buf were
 * accepted (possibly 0: FIFO full, or loopback mode, where the datasheet
 * disconnects the serial input). */
size_t dev_uart_rx(dev_uart *u, const uint8_t *buf, size_t len);
/* Whether dev_uart_rx() would accept at least one byte now. */
bool dev_uart_rx_ready(const dev_uart *u);

#endif
