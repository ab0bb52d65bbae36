/*
 * NS16550A UART, after the TI/National PC16550D datasheet ("the datasheet"
 * below), with the choices QEMU's serial model makes where software can
 * tell the difference.
 *
 * The line is virtual: there is no baud rate, no parity, framing or break
 * condition, and a transmitted byte leaves at once. What remains observable
 * is the register file, the receive FIFO, the interrupt identification
 * logic and loopback, which is what firmware and the Linux 8250 driver
 * exercise.
 */
#include <stdlib.h>
#include <string.h>

#include "devices/uart16550.h"
#include "machine/snapshot.h"

enum {
    REG_RBR_THR_DLL = 0,
    REG_IER_DLM = 1,
    REG_IIR_FCR = 2,
    REG_LCR = 3,
    REG_MCR = 4,
    REG_LSR = 5,
    REG_MSR = 6,
    REG_SCR = 7,
};

#define IER_ERBFI 0x01 /* received data available */
#define IER_ETBEI 0x02 /* transmitter holding register empty */
#define IER_ELSI 0x04  /* receiver line status */
#define IER_EDSSI 0x08 /* modem status */
#define IER_MASK 0x0f

/* IIR bits 3..0 (datasheet table "Interrupt Control Functions") */
#define IIR_NONE 0x01
#define IIR_RLS 0x06 /* receiver line status: highest priority */
#define IIR_RDA 0x04 /* received data available (at trigger level) */
#define IIR_CTI 0x0c /* character timeout (FIFO mode only) */
#define IIR_THRI 0x02
#define IIR_MSI 0x00
#define IIR_FIFO 0xc0 /* bits 7..6 set while FCR bit 0 is set */

#define FCR_FIFO_EN 0x01
#define FCR_CLEAR_RX 0x02
#define FCR_CLEAR_TX 0x04

#define LCR_DLAB 0x80

#define MCR_DTR 0x01
#define MCR_RTS 0x02
#define MCR_OUT1 0x04
#define MCR_OUT2 0x08
#define MCR_LOOP 0x10
#define MCR_MASK 0x1f /* bits 7..5 are 0 on the 16550A */

#define LSR_DR 0x01
#define LSR_OE 0x02
#define LSR_THRE 0x20
#define LSR_TEMT 0x40

#define MSR_DCTS 0x01
#define MSR_DDSR 0x02
#define MSR_TERI 0x04
#define MSR_DDCD 0x08
#define MSR_CTS 0x10
#define MSR_DSR 0x20
#define MSR_RI 0x40
#define MSR_DCD 0x80

struct dev_uart {
    dev_irq irq;
    void (*tx)(void *ctx, uint8_t byte);
    void *tx_ctx;

    uint8_t rx[DEV_UART_FIFO_SIZE]; /* ring; only rx[rx_head] without FIFO */
    unsigned rx_head, rx_count;
    uint8_t rbr; /* last byte read, what RBR shows once the FIFO is empty */

    uint8_t ier, lcr, mcr, scr, dll, dlm;
    bool fifo_en;
    uint8_t trigger; /* receive FIFO trigger level in bytes: 1, 4, 8, 14 */
    bool overrun;    /* LSR.OE, cleared by reading LSR */
    bool thre_pending;
    uint8_t msr_lines; /* MSR bits 7..4: the modem inputs as last sampled */
    uint8_t msr_delta; /* MSR bits 3..0, cleared by reading MSR */
    bool irq_level;
};

/*
 * The modem inputs. Outside loopback the virtual line behaves like a
 * connected terminal (CTS, DSR, DCD asserted, no ring), as QEMU's does. In
 * loopback the datasheet (MCR bit 4) wires RTS->CTS, DTR->DSR, OUT1->RI and
 * OUT2->DCD; Linux's autoconfig checks exactly this.
 */
static uint8_t modem_inputs(const dev_uart *u)
{
    if (!(u->mcr & MCR_LOOP)) return MSR_CTS | MSR_DSR | MSR_DCD;
    return (u->mcr & MCR_RTS ? MSR_CTS : 0) | (u->mcr & MCR_DTR ? MSR_DSR : 0) |
           (u->mcr & MCR_OUT1 ? MSR_RI : 0) | (u->mcr & MCR_OUT2 ? MSR_DCD : 0);
}

/* Sample the modem inputs and record their changes in the MSR deltas. */
static void sample_modem_inputs(dev_uart *u)
{
    uint8_t now = modem_inputs(u);
    uint8_t changed = now ^ u->msr_lines;
    if (changed & MSR_CTS) u->msr_delta |= MSR_DCTS;
    if (changed & MSR_DSR) u->msr_delta |= MSR_DDSR;
    /* datasheet MSR bit 2: TERI flags only the end of a ring (RI 1 -> 0) */
    if ((changed & MSR_RI) && !(now & MSR_RI)) u->msr_delta |= MSR_TERI;
    if (changed & MSR_DCD) u->msr_delta |= MSR_DDCD;
    u->msr_lines = now;
}

static unsigned rx_capacity(const dev_uart *u)
{
    return u->fifo_en ? DEV_UART_FIFO_SIZE : 1;
}

static void rx_clear(dev_uart *u)
{
    u->rx_head = 0;
    u->rx_count = 0;
}

static void rx_push(dev_uart *u, uint8_t b)
{
    u->rx[(u->rx_head + u->rx_count) % DEV_UART_FIFO_SIZE] = b;
    u->rx_count++;
}

/*
 * The interrupt the IIR reports, in the datasheet's priority order. The
 * character timeout normally needs four character times without FIFO
 * activity; with no real time on a virtual line we report it whenever the
 * FIFO holds data below the trigger level, so a driver always drains the
 * FIFO completely instead of waiting for a timeout that never comes.
 */
static uint8_t iir_id(const dev_uart *u)
{
    if ((u->ier & IER_ELSI) && u->overrun) return IIR_RLS;
    if ((u->ier & IER_ERBFI) && u->rx_count) {
        if (!u->fifo_en || u->rx_count >= u->trigger) return IIR_RDA;
        return IIR_CTI;
    }
    if ((u->ier & IER_ETBEI) && u->thre_pending) return IIR_THRI;
    if ((u->ier & IER_EDSSI) && u->msr_delta) return IIR_MSI;
    return IIR_NONE;
}

/*
 * The line is high while the IIR reports an interrupt. A PC routes INTR
 * through MCR.OUT2, but QEMU's ns16550a on virt does not gate it (a guest
 * there gets interrupts with OUT2 clear), so neither do we.
 */
static void update_irq(dev_uart *u)
{
    bool level = iir_id(u) != IIR_NONE;
    if (level != u->irq_level) {
        u->irq_level = level;
        dev_irq_set(&u->irq, level);
    }
}

/*
 * A byte leaving the transmitter. In loopback it reaches our own receiver;
 * the guest cannot be held back there, so a full receiver overruns as the
 * datasheet describes (LSR bit 1): without FIFO the new byte replaces the
 * one in RBR; with FIFO it is lost and the FIFO is untouched.
 */
static void transmit(dev_uart *u, uint8_t b)
{
    if (u->mcr & MCR_LOOP) {
        if (u->rx_count < rx_capacity(u)) {
            rx_push(u, b);
        } else {
            u->overrun = true;
            if (!u->fifo_en) u->rx[u->rx_head] = b;
        }
    } else if (u->tx) {
        u->tx(u->tx_ctx, b);
    }
    /* the byte left at once: THR is empty again, a new THRE event */
    u->thre_pending = true;
}

static void uart_init(dev_uart *u)
{
    /* datasheet table "UART Reset Configuration"; the divisor latch is
     * undefined there, we choose 0 */
    rx_clear(u);
    memset(u->rx, 0, sizeof(u->rx));
    u->rbr = 0;
    u->ier = u->lcr = u->mcr = u->scr = u->dll = u->dlm = 0;
    u->fifo_en = false;
    u->trigger = 1;
    u->overrun = false;
    u->thre_pending = false;
    u->msr_lines = modem_inputs(u);
    u->msr_delta = 0;
    u->irq_level = false;
}

dev_uart *dev_uart_new(dev_irq irq, void (*tx)(void *ctx, uint8_t byte),
                       void *tx_ctx)
{
    dev_uart *u = calloc(1, sizeof(*u));
    if (!u) return NULL;
    u->irq = irq;
    u->tx = tx;
    u->tx_ctx = tx_ctx;
    uart_init(u);
    return u;
}

void dev_uart_free(dev_uart *u)
{
    free(u);
}

bool dev_uart_rx_ready(const dev_uart *u)
{
    /* datasheet MCR bit 4: in loopback the serial input is disconnected */
    return !(u->mcr & MCR_LOOP) && u->rx_count < rx_capacity(u);
}

size_t dev_uart_rx(dev_uart *u, const uint8_t *buf, size_t len)
{
    size_t n = 0;
    while (n < len && dev_uart_rx_ready(u))
        rx_push(u, buf[n++]);
    if (n) update_irq(u);
    return n;
}

static uint8_t read_reg(dev_uart *u, unsigned reg)
{
    bool dlab = u->lcr & LCR_DLAB;
    switch (reg) {
    case REG_RBR_THR_DLL:
        if (dlab) return u->dll;
        if (u->rx_count) {
            u->rbr = u->rx[u->rx_head];
            u->rx_head = (u->rx_head + 1) % DEV_UART_FIFO_SIZE;
            u->rx_count--;
        }
        return u->rbr;
    case REG_IER_DLM: return dlab ? u->dlm : u->ier;
    case REG_IIR_FCR: {
        uint8_t id = iir_id(u);
        /* datasheet: reading IIR clears THRE when it is the source shown */
        if (id == IIR_THRI) u->thre_pending = false;
        return id | (u->fifo_en ? IIR_FIFO : 0);
    }
    case REG_LCR: return u->lcr;
    case REG_MCR: return u->mcr;
    case REG_LSR: {
        /* parity, framing and break (bits 2..4, 7) cannot happen on a
         * virtual line; the transmitter is always empty */
        uint8_t v = LSR_THRE | LSR_TEMT;
        if (u->rx_count) v |= LSR_DR;
        if (u->overrun) v |= LSR_OE;
        u->overrun = false;
        return v;
    }
    case REG_MSR: {
        uint8_t v = u->msr_lines | u->msr_delta;
        u->msr_delta = 0;
        return v;
    }
    default: return u->scr;
    }
}

static void write_fcr(dev_uart *u, uint8_t v)
{
    static const uint8_t levels[4] = {1, 4, 8, 14};
    bool en = v & FCR_FIFO_EN;
    /* datasheet FCR bit 0: changing the FIFO mode clears both FIFOs */
    if (en != u->fifo_en) rx_clear(u);
    u->fifo_en = en;
    /* ... and the other bits are only programmed together with bit 0 */
    if (!en) return;
    if (v & FCR_CLEAR_RX) rx_clear(u);
    /* FCR_CLEAR_TX: the transmit FIFO is always empty already */
    u->trigger = levels[v >> 6];
}

static void write_reg(dev_uart *u, unsigned reg, uint8_t v)
{
    bool dlab = u->lcr & LCR_DLAB;
    switch (reg) {
    case REG_RBR_THR_DLL:
        if (dlab) {
            u->dll = v;
        } else {
            /* writing THR clears a THRE interrupt; transmit() raises it
             * again because the byte leaves at once */
            u->thre_pending = false;
            transmit(u, v);
        }
        break;
    case REG_IER_DLM:
        if (dlab) {
            u->dlm = v;
        } else {
            uint8_t rising = (v & ~u->ier) & IER_ETBEI;
            u->ier = v & IER_MASK;
            /* Enabling ETBEI while THR is empty (it always is here) raises
             * the THRE interrupt at once; Linux's 8250 driver tests this
             * (UART_BUG_THRE) and kicks transmission with it. */
            if (rising)
                u->thre_pending = true;
            else if (!(u->ier & IER_ETBEI))
                u->thre_pending = false;
        }
        break;
    case REG_IIR_FCR: write_fcr(u, v); break;
    case REG_LCR: u->lcr = v; break;
    case REG_MCR:
        u->mcr = v & MCR_MASK;
        sample_modem_inputs(u);
        break;
    case REG_SCR: u->scr = v; break;
    default: break; /* LSR and MSR are read-only (datasheet: factory test) */
    }
}

static bool uart_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    dev_uart *u = dev;
    if (off >= DEV_UART_NREGS) return false;
    *val = read_reg(u, (unsigned)off);
    update_irq(u);
    return true;
}

static bool uart_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    dev_uart *u = dev;
    if (off >= DEV_UART_NREGS) return false;
    write_reg(u, (unsigned)off, (uint8_t)val);
    update_irq(u);
    return true;
}

static void uart_reset(void *dev)
{
    dev_uart *u = dev;
    uart_init(u);
    /* drive the line even if we think it is low, so that the controller
     * agrees with us after a reset whatever order the board resets in */
    dev_irq_set(&u->irq, false);
}

static void uart_save(void *dev, snap_w *w)
{
    dev_uart *u = dev;
    snap_put_bytes(w, u->rx, sizeof(u->rx));
    snap_put_u8(w, (uint8_t)u->rx_head);
    snap_put_u8(w, (uint8_t)u->rx_count);
    const uint8_t regs[] = {u->rbr, u->ier, u->lcr, u->mcr, u->scr,
                            u->dll, u->dlm, u->trigger, u->msr_lines,
                            u->msr_delta};
    snap_put_bytes(w, regs, sizeof(regs));
    snap_put_bool(w, u->fifo_en);
    snap_put_bool(w, u->overrun);
    snap_put_bool(w, u->thre_pending);
}

static bool uart_load(void *dev, snap_r *r, bool commit)
{
    dev_uart *u = dev;
    dev_uart t = *u;
    snap_get_bytes(r, t.rx, sizeof(t.rx));
    t.rx_head = snap_get_u8(r);
    t.rx_count = snap_get_u8(r);
    uint8_t regs[10];
    snap_get_bytes(r, regs, sizeof(regs));
    t.rbr = regs[0], t.ier = regs[1], t.lcr = regs[2], t.mcr = regs[3];
    t.scr = regs[4], t.dll = regs[5], t.dlm = regs[6], t.trigger = regs[7];
    t.msr_lines = regs[8], t.msr_delta = regs[9];
    t.fifo_en = snap_get_bool(r);
    t.overrun = snap_get_bool(r);
    t.thre_pending = snap_get_bool(r);
    /* what the registers' write paths would never produce */
    if (t.rx_head >= DEV_UART_FIFO_SIZE || t.rx_count > rx_capacity(&t) ||
        (t.ier & ~IER_MASK) || (t.mcr & ~MCR_MASK) ||
        (t.trigger != 1 && t.trigger != 4 && t.trigger != 8 &&
         t.trigger != 14) ||
        (t.msr_lines & 0x0f) || (t.msr_delta & 0xf0))
        snap_fail(r, "uart16550: registers out of range");
    if (!snap_ok(r) || !commit)
        return snap_ok(r);
    /* drive the line from the loaded state, whatever it was before */
    t.irq_level = iir_id(&t) != IIR_NONE;
    *u = t;
    dev_irq_set(&u->irq, u->irq_level);
    return true;
}

const dev_ops dev_uart_ops = {
    .name = "uart16550",
    .read = uart_read,
    .write = uart_write,
    .reset = uart_reset,
    .save = uart_save,
    .load = uart_load,
};
