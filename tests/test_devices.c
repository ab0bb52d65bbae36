/*
 * The virt board's devices on their own: the NS16550A UART, the PLIC, the
 * SiFive test finisher (syscon) and the goldfish RTC. Each is driven only
 * through its ops table and public functions, with small fake callbacks
 * that record what the device tells the outside world.
 */
#include <stdlib.h>
#include <string.h>

#include "devices/goldfish_rtc.h"
#include "devices/plic.h"
#include "devices/syscon.h"
#include "devices/uart16550.h"
#include "testutil.h"

/* ---- fakes and access helpers ---- */

typedef struct irq_rec {
    bool level;
    unsigned calls, rises;
} irq_rec;

static void fake_irq_set(void *ctl, unsigned line, bool level)
{
    irq_rec *r = ctl;
    r->level = level;
    r->calls++;
    if (level) r->rises++;
}

static dev_irq fake_irq(irq_rec *r)
{
    memset(r, 0, sizeof(*r));
    return (dev_irq){fake_irq_set, r, 0};
}

static uint64_t rd(const dev_ops *ops, void *dev, uint64_t off, unsigned size)
{
    uint64_t v = 0xdeadbeefdeadbeefull;
    ck_assert_msg(ops->read(dev, off, size, &v), "%s read of %u at 0x%llx",
                  ops->name, size, (unsigned long long)off);
    return v;
}

static void wr(const dev_ops *ops, void *dev, uint64_t off, unsigned size,
               uint64_t v)
{
    ck_assert_msg(ops->write(dev, off, size, v), "%s write of %u at 0x%llx",
                  ops->name, size, (unsigned long long)off);
}

static bool rd_fails(const dev_ops *ops, void *dev, uint64_t off, unsigned size)
{
    uint64_t v = 0;
    return !ops->read(dev, off, size, &v);
}

static bool wr_fails(const dev_ops *ops, void *dev, uint64_t off, unsigned size)
{
    return !ops->write(dev, off, size, 0);
}

/* ---- UART ---- */

enum {
    RBR = 0,
    THR = 0,
    DLL = 0,
    IER = 1,
    DLM = 1,
    IIR = 2,
    FCR = 2,
    LCR = 3,
    MCR = 4,
    LSR = 5,
    MSR = 6,
    SCR = 7
};

typedef struct uart_fix {
    dev_uart *u;
    irq_rec irq;
    uint8_t out[64];
    unsigned nout;
} uart_fix;

static void fake_tx(void *ctx, uint8_t b)
{
    uart_fix *f = ctx;
    if (f->nout < sizeof(f->out)) f->out[f->nout] = b;
    f->nout++;
}

static void uart_setup(uart_fix *f)
{
    memset(f, 0, sizeof(*f));
    f->u = dev_uart_new(fake_irq(&f->irq), fake_tx, f);
    ck_assert_ptr_nonnull(f->u);
}

static uint8_t ur(uart_fix *f, unsigned reg)
{
    return (uint8_t)rd(&dev_uart_ops, f->u, reg, 1);
}

static void uw(uart_fix *f, unsigned reg, uint8_t v)
{
    wr(&dev_uart_ops, f->u, reg, 1, v);
}

static void uart_rx_bytes(uart_fix *f, const char *s, size_t expect)
{
    ck_assert_uint_eq(dev_uart_rx(f->u, (const uint8_t *)s, strlen(s)), expect);
}

START_TEST(test_uart_power_on_registers_match_datasheet)
{
    uart_fix f;
    uart_setup(&f);
    ck_assert_uint_eq(ur(&f, IER), 0);
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    ck_assert_uint_eq(ur(&f, LCR), 0);
    ck_assert_uint_eq(ur(&f, MCR), 0);
    ck_assert_uint_eq(ur(&f, LSR), 0x60);
    /* a connected terminal: CTS, DSR, DCD, no deltas */
    ck_assert_uint_eq(ur(&f, MSR), 0xb0);
    ck_assert_uint_eq(ur(&f, SCR), 0);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(f.irq.calls, 0);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_thr_write_transmits_byte_at_once)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, THR, 'h');
    uw(&f, THR, 'i');
    ck_assert_uint_eq(f.nout, 2);
    ck_assert_mem_eq(f.out, "hi", 2);
    /* the transmitter is empty again right away */
    ck_assert_uint_eq(ur(&f, LSR) & 0x60, 0x60);
    /* a NULL tx discards output without crashing */
    irq_rec irq;
    dev_uart *u = dev_uart_new(fake_irq(&irq), NULL, NULL);
    ck_assert_ptr_nonnull(u);
    wr(&dev_uart_ops, u, THR, 1, 'x');
    dev_uart_free(u);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_rx_fifo_fills_to_16_and_drains_in_order)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, FCR, 0x01);
    ck_assert(dev_uart_rx_ready(f.u));
    uart_rx_bytes(&f, "0123456789abcdefXYZ", 16);
    ck_assert(!dev_uart_rx_ready(f.u));
    uart_rx_bytes(&f, "XYZ", 0);
    /* held-back input never overruns */
    ck_assert_uint_eq(ur(&f, LSR), 0x61);
    for (unsigned i = 0; i < 16; i++) {
        ck_assert_uint_eq(ur(&f, LSR) & 0x01, 1);
        ck_assert_uint_eq(ur(&f, RBR), (uint8_t) "0123456789abcdef"[i]);
        ck_assert(dev_uart_rx_ready(f.u));
    }
    ck_assert_uint_eq(ur(&f, LSR), 0x60);
    /* room again: the caller's retry is accepted */
    uart_rx_bytes(&f, "XYZ", 3);
    ck_assert_uint_eq(ur(&f, RBR), 'X');
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_rx_without_fifo_holds_one_byte)
{
    uart_fix f;
    uart_setup(&f);
    uart_rx_bytes(&f, "abc", 1);
    ck_assert(!dev_uart_rx_ready(f.u));
    ck_assert_uint_eq(ur(&f, LSR), 0x61);
    ck_assert_uint_eq(ur(&f, RBR), 'a');
    ck_assert_uint_eq(ur(&f, LSR), 0x60);
    uart_rx_bytes(&f, "bc", 1);
    ck_assert_uint_eq(ur(&f, RBR), 'b');
    /* an empty receiver keeps showing the last byte in RBR */
    ck_assert_uint_eq(ur(&f, RBR), 'b');
    ck_assert_uint_eq(ur(&f, LSR) & 0x01, 0);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_iir_fifo_bits_follow_fcr_enable)
{
    uart_fix f;
    uart_setup(&f);
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    uw(&f, FCR, 0x01);
    ck_assert_uint_eq(ur(&f, IIR), 0xc1);
    uw(&f, FCR, 0x00);
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_iir_reports_sources_in_priority_order)
{
    uart_fix f;
    uart_setup(&f);
    /* Loopback without FIFO: two bytes overrun the holding register (line
     * status), the second byte waits in RBR (data), the transmitter is
     * empty (THRE) and entering loopback changed the modem inputs (modem
     * status): all four sources at once. */
    uw(&f, MCR, 0x10);
    uw(&f, THR, 'a');
    uw(&f, THR, 'b');
    uw(&f, IER, 0x0f);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(ur(&f, IIR), 0x06);
    ck_assert_uint_eq(ur(&f, IIR), 0x06); /* until LSR is read */
    ck_assert_uint_eq(ur(&f, LSR), 0x63); /* DR | OE | THRE | TEMT */
    ck_assert_uint_eq(ur(&f, IIR), 0x04);
    ck_assert_uint_eq(ur(&f, RBR), 'b'); /* the overrun replaced 'a' */
    ck_assert_uint_eq(ur(&f, IIR), 0x02);
    /* reading IIR with THRE shown cleared it */
    ck_assert_uint_eq(ur(&f, IIR), 0x00);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(ur(&f, MSR) & 0x0f, 0x0b); /* DCTS, DDSR, DDCD */
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    ck_assert(!f.irq.level);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_timeout_reported_while_fifo_below_trigger)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, FCR, 0x81); /* trigger level 8 */
    uw(&f, IER, 0x01);
    uart_rx_bytes(&f, "abc", 3);
    ck_assert_uint_eq(ur(&f, IIR), 0xcc);
    ck_assert(f.irq.level);
    uart_rx_bytes(&f, "defgh", 5);
    ck_assert_uint_eq(ur(&f, IIR), 0xc4);
    ur(&f, RBR);
    ck_assert_uint_eq(ur(&f, IIR), 0xcc);
    for (unsigned i = 0; i < 7; i++)
        ur(&f, RBR);
    ck_assert_uint_eq(ur(&f, IIR), 0xc1);
    ck_assert(!f.irq.level);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_trigger_levels_1_4_8_14)
{
    static const unsigned levels[4] = {1, 4, 8, 14};
    for (unsigned t = 0; t < 4; t++) {
        uart_fix f;
        uart_setup(&f);
        uw(&f, FCR, (uint8_t)(t << 6 | 0x01));
        uw(&f, IER, 0x01);
        for (unsigned n = 1; n < levels[t]; n++) {
            uart_rx_bytes(&f, "x", 1);
            ck_assert_uint_eq(ur(&f, IIR), 0xcc);
        }
        uart_rx_bytes(&f, "y", 1);
        ck_assert_uint_eq(ur(&f, IIR), 0xc4);
        /* clearing the receive FIFO removes the interrupt */
        uw(&f, FCR, (uint8_t)(t << 6 | 0x03));
        ck_assert_uint_eq(ur(&f, IIR), 0xc1);
        dev_uart_free(f.u);
    }
}
END_TEST

START_TEST(test_uart_thre_interrupt_raised_when_etbei_enabled)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, IER, 0x02);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(ur(&f, IIR), 0x02);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    /* rewriting IER with ETBEI still set is not a new event */
    uw(&f, IER, 0x02);
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    /* 0 -> 1 again raises it again (Linux's UART_BUG_THRE probe) */
    uw(&f, IER, 0x00);
    uw(&f, IER, 0x02);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(ur(&f, IIR), 0x02);
    /* disabling ETBEI drops a pending THRE interrupt */
    uw(&f, IER, 0x00);
    uw(&f, IER, 0x02);
    uw(&f, IER, 0x00);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_thr_write_rearms_thre_interrupt)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, IER, 0x02);
    ck_assert_uint_eq(ur(&f, IIR), 0x02);
    ck_assert(!f.irq.level);
    /* the write clears the THRE interrupt, the byte leaves at once and the
     * empty THR raises it again: a driver's next interrupt asks for more */
    unsigned rises = f.irq.rises;
    uw(&f, THR, 'z');
    ck_assert(f.irq.level);
    ck_assert_uint_eq(f.irq.rises, rises + 1);
    ck_assert_uint_eq(ur(&f, IIR), 0x02);
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    /* without ETBEI nothing is reported */
    uw(&f, IER, 0x00);
    uw(&f, THR, 'z');
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_fcr_clears_and_mode_change_empty_rx_fifo)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, FCR, 0x01);
    uart_rx_bytes(&f, "hello", 5);
    uw(&f, FCR, 0x03);
    ck_assert_uint_eq(ur(&f, LSR) & 0x01, 0);
    uart_rx_bytes(&f, "0123456789abcdefg", 16);
    /* clearing the TX FIFO leaves the receiver alone */
    uw(&f, FCR, 0x05);
    ck_assert_uint_eq(ur(&f, LSR) & 0x01, 1);
    /* leaving FIFO mode clears both FIFOs; the holding register takes one */
    uw(&f, FCR, 0x00);
    ck_assert_uint_eq(ur(&f, LSR) & 0x01, 0);
    uart_rx_bytes(&f, "ab", 1);
    /* entering FIFO mode clears too */
    uw(&f, FCR, 0x01);
    ck_assert_uint_eq(ur(&f, LSR) & 0x01, 0);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_dlab_divisor_latch_round_trip_keeps_thr_and_ier)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, IER, 0x05);
    uart_rx_bytes(&f, "q", 1);
    uw(&f, LCR, 0x83);
    uw(&f, DLL, 0x0c);
    uw(&f, DLM, 0x01);
    ck_assert_uint_eq(ur(&f, DLL), 0x0c);
    ck_assert_uint_eq(ur(&f, DLM), 0x01);
    ck_assert_uint_eq(f.nout, 0);             /* DLL writes do not transmit */
    ck_assert_uint_eq(ur(&f, LSR) & 0x01, 1); /* DLL reads do not consume */
    uw(&f, LCR, 0x03);
    ck_assert_uint_eq(ur(&f, LCR), 0x03);
    ck_assert_uint_eq(ur(&f, IER), 0x05);
    ck_assert_uint_eq(ur(&f, RBR), 'q');
    uw(&f, THR, '!');
    ck_assert_uint_eq(f.nout, 1);
    uw(&f, LCR, 0x80);
    ck_assert_uint_eq(ur(&f, DLL), 0x0c);
    ck_assert_uint_eq(ur(&f, DLM), 0x01);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_loopback_routes_tx_to_rx_and_mirrors_modem_lines)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, FCR, 0x01);
    uw(&f, MCR, 0x10);
    uw(&f, THR, 'L');
    ck_assert_uint_eq(f.nout, 0);
    ck_assert_uint_eq(ur(&f, LSR) & 0x01, 1);
    ck_assert_uint_eq(ur(&f, RBR), 'L');
    /* the serial input is disconnected in loopback */
    ck_assert(!dev_uart_rx_ready(f.u));
    uart_rx_bytes(&f, "x", 0);
    /* Linux's autoconfig: LOOP | OUT2 | RTS reads back DCD | CTS */
    uw(&f, MCR, 0x1a);
    ck_assert_uint_eq(ur(&f, MSR) & 0xf0, 0x90);
    /* LOOP | OUT1 | DTR reads back RI | DSR */
    uw(&f, MCR, 0x15);
    ck_assert_uint_eq(ur(&f, MSR) & 0xf0, 0x60);
    /* leaving loopback: the line is back, output goes out again */
    uw(&f, MCR, 0x00);
    ck_assert_uint_eq(ur(&f, MSR) & 0xf0, 0xb0);
    uw(&f, THR, 'o');
    ck_assert_uint_eq(f.nout, 1);
    ck_assert_uint_eq(f.out[0], 'o');
    ck_assert(dev_uart_rx_ready(f.u));
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_msr_deltas_raise_modem_status_interrupt)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, IER, 0x08);
    ck_assert(!f.irq.level);
    /* entering loopback with MCR 0 drops CTS, DSR and DCD */
    uw(&f, MCR, 0x10);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(ur(&f, IIR), 0x00);
    ck_assert_uint_eq(ur(&f, MSR), 0x0b);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(ur(&f, MSR), 0x00);
    /* RI rising is not a trailing edge; RI falling is (TERI) */
    uw(&f, MCR, 0x14);
    ck_assert_uint_eq(ur(&f, MSR), 0x40);
    ck_assert(!f.irq.level);
    uw(&f, MCR, 0x10);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(ur(&f, MSR), 0x04);
    /* RTS -> CTS change sets DCTS */
    uw(&f, MCR, 0x12);
    ck_assert_uint_eq(ur(&f, MSR), 0x11);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_loopback_overrun_sets_oe_and_keeps_fifo)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, FCR, 0x01);
    uw(&f, MCR, 0x10);
    for (unsigned i = 0; i < 17; i++)
        uw(&f, THR, (uint8_t)('A' + i));
    uw(&f, IER, 0x04);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(ur(&f, IIR), 0xc6);
    ck_assert_uint_eq(ur(&f, LSR), 0x63);
    /* reading LSR cleared OE and the line status interrupt */
    ck_assert_uint_eq(ur(&f, LSR), 0x61);
    ck_assert(!f.irq.level);
    for (unsigned i = 0; i < 16; i++)
        ck_assert_uint_eq(ur(&f, RBR), 'A' + i);
    ck_assert_uint_eq(ur(&f, LSR), 0x60);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_irq_line_changes_only_on_transitions)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, FCR, 0x01);
    uw(&f, IER, 0x01);
    ck_assert_uint_eq(f.irq.calls, 0);
    uart_rx_bytes(&f, "a", 1);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(f.irq.calls, 1);
    uart_rx_bytes(&f, "bc", 2);
    ur(&f, LSR);
    ur(&f, RBR);
    ur(&f, RBR);
    ck_assert_uint_eq(f.irq.calls, 1);
    ur(&f, RBR);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(f.irq.calls, 2);
    /* an empty dev_uart_rx changes nothing */
    ck_assert_uint_eq(dev_uart_rx(f.u, (const uint8_t *)"", 0), 0);
    ck_assert_uint_eq(f.irq.calls, 2);
    /* masking the source drops the line, unmasking raises it */
    uart_rx_bytes(&f, "d", 1);
    uw(&f, IER, 0x00);
    ck_assert(!f.irq.level);
    uw(&f, IER, 0x01);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(f.irq.calls, 5);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_reset_restores_power_on_state)
{
    uart_fix f;
    uart_setup(&f);
    uw(&f, FCR, 0xc1);
    uw(&f, LCR, 0x80);
    uw(&f, DLL, 0x55);
    uw(&f, LCR, 0x1b);
    uw(&f, SCR, 0x5a);
    uw(&f, IER, 0x0f);
    uart_rx_bytes(&f, "abc", 3);
    uw(&f, MCR, 0x1f);
    ck_assert(f.irq.level);
    dev_uart_ops.reset(f.u);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(ur(&f, IER), 0);
    ck_assert_uint_eq(ur(&f, IIR), 0x01);
    ck_assert_uint_eq(ur(&f, LCR), 0);
    ck_assert_uint_eq(ur(&f, MCR), 0);
    ck_assert_uint_eq(ur(&f, LSR), 0x60);
    ck_assert_uint_eq(ur(&f, MSR), 0xb0);
    ck_assert_uint_eq(ur(&f, SCR), 0);
    uw(&f, LCR, 0x80);
    ck_assert_uint_eq(ur(&f, DLL), 0);
    uw(&f, LCR, 0x00);
    /* one-byte holding register again, and output reaches tx */
    uart_rx_bytes(&f, "xy", 1);
    uw(&f, THR, 'r');
    ck_assert_uint_eq(f.nout, 1);
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_scratch_register_holds_any_byte)
{
    uart_fix f;
    uart_setup(&f);
    for (unsigned v = 0; v < 256; v++) {
        uw(&f, SCR, (uint8_t)v);
        ck_assert_uint_eq(ur(&f, SCR), v);
    }
    dev_uart_free(f.u);
}
END_TEST

START_TEST(test_uart_wide_access_uses_low_byte_and_holes_fail)
{
    uart_fix f;
    uart_setup(&f);
    wr(&dev_uart_ops, f.u, SCR, 4, 0x12345678);
    ck_assert_uint_eq(rd(&dev_uart_ops, f.u, SCR, 8), 0x78);
    ck_assert_uint_eq(rd(&dev_uart_ops, f.u, LSR, 2), 0x60);
    wr(&dev_uart_ops, f.u, THR, 8, 0xffffffffffffff41ull);
    ck_assert_uint_eq(f.nout, 1);
    ck_assert_uint_eq(f.out[0], 0x41);
    ck_assert(rd_fails(&dev_uart_ops, f.u, 8, 1));
    ck_assert(wr_fails(&dev_uart_ops, f.u, 8, 1));
    ck_assert(rd_fails(&dev_uart_ops, f.u, 0xff, 1));
    ck_assert(rd_fails(&dev_uart_ops, f.u, UINT64_MAX, 8));
    ck_assert(wr_fails(&dev_uart_ops, f.u, UINT64_MAX - 3, 4));
    dev_uart_free(f.u);
}
END_TEST

/* ---- PLIC ---- */

#define P_PRIO(s) (4ull * (s))
#define P_PENDING(w) (0x1000ull + 4 * (w))
#define P_ENABLE(c, w) (0x2000ull + 0x80 * (c) + 4 * (w))
#define P_THRESH(c) (0x200000ull + 0x1000 * (c))
#define P_CLAIM(c) (0x200004ull + 0x1000 * (c))

#define NCTX 4

typedef struct plic_fix {
    dev_plic *p;
    bool level[NCTX];
    unsigned calls, ctx_calls[NCTX];
} plic_fix;

static void fake_notify(void *ctx, unsigned context, bool level)
{
    plic_fix *f = ctx;
    ck_assert_uint_lt(context, NCTX);
    f->level[context] = level;
    f->calls++;
    f->ctx_calls[context]++;
}

static void plic_setup_n(plic_fix *f, unsigned nsources)
{
    memset(f, 0, sizeof(*f));
    f->p = dev_plic_new(nsources, NCTX, fake_notify, f);
    ck_assert_ptr_nonnull(f->p);
    ck_assert_uint_eq(f->calls, 0); /* creation notifies nobody */
}

static void plic_setup(plic_fix *f)
{
    plic_setup_n(f, 96);
}

static uint32_t pr(plic_fix *f, uint64_t off)
{
    return (uint32_t)rd(&dev_plic_ops, f->p, off, 4);
}

static void pw(plic_fix *f, uint64_t off, uint32_t v)
{
    wr(&dev_plic_ops, f->p, off, 4, v);
}

/* Give source s priority prio and enable it for context c. */
static void plic_enable(plic_fix *f, unsigned c, unsigned s, unsigned prio)
{
    pw(f, P_PRIO(s), prio);
    pw(f, P_ENABLE(c, s / 32), pr(f, P_ENABLE(c, s / 32)) | 1u << (s % 32));
}

START_TEST(test_plic_new_rejects_impossible_sizes)
{
    ck_assert_ptr_null(dev_plic_new(0, 2, NULL, NULL));
    ck_assert_ptr_null(dev_plic_new(1025, 2, NULL, NULL));
    ck_assert_ptr_null(dev_plic_new(96, 0, NULL, NULL));
    ck_assert_ptr_null(dev_plic_new(96, 15873, NULL, NULL));
    dev_plic *p = dev_plic_new(1024, 1, NULL, NULL); /* NULL notify is ok */
    ck_assert_ptr_nonnull(p);
    dev_plic_set_irq(p, 1023, true);
    dev_plic_ops.reset(p);
    dev_plic_free(p);
    dev_plic_free(NULL);
}
END_TEST

START_TEST(test_plic_priority_is_3_bit_warl)
{
    plic_fix f;
    plic_setup(&f);
    pw(&f, P_PRIO(1), 0xffffffff);
    ck_assert_uint_eq(pr(&f, P_PRIO(1)), 7);
    pw(&f, P_PRIO(95), 0x0a);
    ck_assert_uint_eq(pr(&f, P_PRIO(95)), 2);
    /* absent sources read 0 and ignore writes */
    pw(&f, P_PRIO(96), 5);
    ck_assert_uint_eq(pr(&f, P_PRIO(96)), 0);
    pw(&f, P_PRIO(1023), 5);
    ck_assert_uint_eq(pr(&f, P_PRIO(1023)), 0);
    /* thresholds are 3 bits too */
    pw(&f, P_THRESH(1), 0xff);
    ck_assert_uint_eq(pr(&f, P_THRESH(1)), 7);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_source0_and_absent_sources_hardwired_zero)
{
    plic_fix f;
    plic_setup_n(&f, 70);
    pw(&f, P_PRIO(0), 7);
    ck_assert_uint_eq(pr(&f, P_PRIO(0)), 0);
    pw(&f, P_ENABLE(0, 0), 0xffffffff);
    ck_assert_uint_eq(pr(&f, P_ENABLE(0, 0)), 0xfffffffe);
    pw(&f, P_ENABLE(0, 1), 0xffffffff);
    ck_assert_uint_eq(pr(&f, P_ENABLE(0, 1)), 0xffffffff);
    pw(&f, P_ENABLE(0, 2), 0xffffffff); /* sources 64..69 exist */
    ck_assert_uint_eq(pr(&f, P_ENABLE(0, 2)), 0x3f);
    pw(&f, P_ENABLE(0, 31), 0xffffffff);
    ck_assert_uint_eq(pr(&f, P_ENABLE(0, 31)), 0);
    /* an input on source 0 or beyond the last source goes nowhere */
    dev_plic_set_irq(f.p, 0, true);
    dev_plic_set_irq(f.p, 70, true);
    dev_plic_set_irq(f.p, 5000, true);
    for (unsigned w = 0; w < 32; w++)
        ck_assert_uint_eq(pr(&f, P_PENDING(w)), 0);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 0);
    ck_assert_uint_eq(f.calls, 0);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_pending_bits_latch_requests_and_ignore_writes)
{
    plic_fix f;
    plic_setup(&f);
    dev_plic_set_irq(f.p, 5, true);
    dev_plic_set_irq(f.p, 40, true);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 1u << 5);
    ck_assert_uint_eq(pr(&f, P_PENDING(1)), 1u << 8);
    pw(&f, P_PENDING(0), 0);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 1u << 5);
    /* spec "Interrupt Gateways": a forwarded request is never retracted;
     * the pending bit stays until a claim */
    dev_plic_set_irq(f.p, 5, false);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 1u << 5);
    /* nothing enabled or prioritised: no output */
    ck_assert_uint_eq(f.calls, 0);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_claim_picks_highest_priority_then_lowest_id)
{
    plic_fix f;
    plic_setup(&f);
    plic_enable(&f, 0, 3, 2);
    plic_enable(&f, 0, 9, 5);
    plic_enable(&f, 0, 7, 5);
    plic_enable(&f, 0, 70, 6);
    dev_plic_set_irq(f.p, 3, true);
    dev_plic_set_irq(f.p, 9, true);
    dev_plic_set_irq(f.p, 7, true);
    dev_plic_set_irq(f.p, 70, true);
    ck_assert(f.level[0]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 70);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 7);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 9);
    ck_assert(f.level[0]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 3);
    ck_assert(!f.level[0]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 0);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_claim_with_nothing_pending_returns_0)
{
    plic_fix f;
    plic_setup(&f);
    for (unsigned c = 0; c < NCTX; c++)
        ck_assert_uint_eq(pr(&f, P_CLAIM(c)), 0);
    plic_enable(&f, 0, 4, 1);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 0);
    ck_assert_uint_eq(f.calls, 0);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_threshold_masks_priorities_at_or_below_it)
{
    plic_fix f;
    plic_setup(&f);
    plic_enable(&f, 0, 12, 3);
    pw(&f, P_THRESH(0), 3);
    dev_plic_set_irq(f.p, 12, true);
    ck_assert(!f.level[0]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 0);
    /* the source stayed pending: lowering the threshold lets it through */
    pw(&f, P_THRESH(0), 2);
    ck_assert(f.level[0]);
    pw(&f, P_THRESH(0), 7);
    ck_assert(!f.level[0]);
    pw(&f, P_THRESH(0), 0);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 12);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_priority_zero_never_interrupts)
{
    plic_fix f;
    plic_setup(&f);
    plic_enable(&f, 0, 20, 0);
    dev_plic_set_irq(f.p, 20, true);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 1u << 20);
    ck_assert(!f.level[0]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 0);
    pw(&f, P_PRIO(20), 1);
    ck_assert(f.level[0]);
    pw(&f, P_PRIO(20), 0);
    ck_assert(!f.level[0]);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_enables_are_per_context)
{
    plic_fix f;
    plic_setup(&f);
    plic_enable(&f, 1, 10, 1);
    plic_enable(&f, 3, 11, 1);
    dev_plic_set_irq(f.p, 10, true);
    ck_assert(!f.level[0]);
    ck_assert(f.level[1]);
    ck_assert(!f.level[2]);
    ck_assert(!f.level[3]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 0);
    ck_assert_uint_eq(pr(&f, P_CLAIM(3)), 0);
    dev_plic_set_irq(f.p, 11, true);
    ck_assert(f.level[3]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(1)), 10);
    ck_assert_uint_eq(pr(&f, P_CLAIM(3)), 11);
    /* the same source enabled in two contexts is claimed once */
    plic_enable(&f, 2, 30, 1);
    plic_enable(&f, 3, 30, 1);
    dev_plic_set_irq(f.p, 30, true);
    ck_assert(f.level[2] && f.level[3]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(2)), 30);
    ck_assert(!f.level[2] && !f.level[3]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(3)), 0);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_complete_repends_still_high_source)
{
    plic_fix f;
    plic_setup(&f);
    plic_enable(&f, 0, 10, 4);
    dev_plic_set_irq(f.p, 10, true);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 10);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 0);
    ck_assert(!f.level[0]);
    /* in flight: the level toggling does not make it pending */
    dev_plic_set_irq(f.p, 10, false);
    dev_plic_set_irq(f.p, 10, true);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 0);
    ck_assert(!f.level[0]);
    pw(&f, P_CLAIM(0), 10);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 1u << 10);
    ck_assert(f.level[0]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 10);
    /* level dropped before completion: nothing pending afterwards */
    dev_plic_set_irq(f.p, 10, false);
    pw(&f, P_CLAIM(0), 10);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 0);
    ck_assert(!f.level[0]);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_complete_of_id_not_enabled_for_context_ignored)
{
    plic_fix f;
    plic_setup(&f);
    plic_enable(&f, 1, 10, 4);
    dev_plic_set_irq(f.p, 10, true);
    ck_assert_uint_eq(pr(&f, P_CLAIM(1)), 10);
    pw(&f, P_CLAIM(0), 10); /* context 0 has 10 disabled */
    pw(&f, P_CLAIM(1), 0);
    pw(&f, P_CLAIM(1), 96);
    pw(&f, P_CLAIM(1), 0xffffffff);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 0);
    ck_assert(!f.level[1]);
    /* disabling before completing also makes the completion ignored */
    pw(&f, P_ENABLE(1, 0), 0);
    pw(&f, P_CLAIM(1), 10);
    pw(&f, P_ENABLE(1, 0), 1u << 10);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 0);
    pw(&f, P_CLAIM(1), 10);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 1u << 10);
    ck_assert(f.level[1]);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_notify_only_on_changes)
{
    plic_fix f;
    plic_setup(&f);
    plic_enable(&f, 0, 5, 1);
    plic_enable(&f, 0, 6, 1);
    ck_assert_uint_eq(f.calls, 0);
    dev_plic_set_irq(f.p, 5, true);
    ck_assert_uint_eq(f.calls, 1);
    ck_assert(f.level[0]);
    dev_plic_set_irq(f.p, 5, true);
    dev_plic_set_irq(f.p, 6, true);
    pr(&f, P_PENDING(0));
    pr(&f, P_PRIO(5));
    pw(&f, P_PRIO(5), 2);
    ck_assert_uint_eq(f.calls, 1);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 5);
    ck_assert_uint_eq(f.calls, 1); /* 6 still pending */
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 6);
    ck_assert_uint_eq(f.calls, 2);
    ck_assert(!f.level[0]);
    pw(&f, P_CLAIM(0), 5);
    ck_assert_uint_eq(f.calls, 3);
    ck_assert(f.level[0]);
    ck_assert_uint_eq(f.ctx_calls[0], 3);
    ck_assert_uint_eq(f.ctx_calls[1] + f.ctx_calls[2] + f.ctx_calls[3], 0);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_reset_clears_state_and_notifies_every_context_low)
{
    plic_fix f;
    plic_setup(&f);
    plic_enable(&f, 2, 8, 3);
    pw(&f, P_THRESH(2), 1);
    dev_plic_set_irq(f.p, 8, true);
    dev_plic_set_irq(f.p, 9, true);
    ck_assert(f.level[2]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(2)), 8);
    f.calls = 0;
    memset(f.ctx_calls, 0, sizeof(f.ctx_calls));
    f.level[0] = f.level[1] = f.level[3] = true;
    dev_plic_ops.reset(f.p);
    ck_assert_uint_eq(f.calls, NCTX);
    for (unsigned c = 0; c < NCTX; c++) {
        ck_assert_uint_eq(f.ctx_calls[c], 1);
        ck_assert(!f.level[c]);
        ck_assert_uint_eq(pr(&f, P_THRESH(c)), 0);
        ck_assert_uint_eq(pr(&f, P_ENABLE(c, 0)), 0);
    }
    ck_assert_uint_eq(pr(&f, P_PRIO(8)), 0);
    /* the input wires keep their levels; 8 is no longer in flight */
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 1u << 8 | 1u << 9);
    plic_enable(&f, 0, 8, 1);
    ck_assert(f.level[0]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 8);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_8byte_access_is_two_words_low_first)
{
    plic_fix f;
    plic_setup(&f);
    wr(&dev_plic_ops, f.p, P_PRIO(2), 8, 0x0000000600000003ull);
    ck_assert_uint_eq(pr(&f, P_PRIO(2)), 3);
    ck_assert_uint_eq(pr(&f, P_PRIO(3)), 6);
    ck_assert_uint_eq(rd(&dev_plic_ops, f.p, P_PRIO(2), 8),
                      0x0000000600000003ull);
    /* threshold and claim together: read the threshold, then claim */
    plic_enable(&f, 1, 3, 6);
    dev_plic_set_irq(f.p, 3, true);
    ck_assert_uint_eq(rd(&dev_plic_ops, f.p, P_THRESH(1), 8), 3ull << 32);
    ck_assert(!f.level[1]);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_bad_offsets_and_sizes_fail_without_effect)
{
    plic_fix f;
    plic_setup(&f);
    plic_enable(&f, 0, 1, 1);
    dev_plic_set_irq(f.p, 1, true);
    static const uint64_t bad[] = {
        1,
        2,
        3,
        P_PENDING(32),
        0x1ffc,
        P_ENABLE(NCTX, 0),
        P_ENABLE(0, 0) + 2,
        0x1f2000,
        0x1ffffc,
        P_THRESH(0) + 8,
        P_THRESH(0) + 0xffc,
        P_THRESH(NCTX),
        P_CLAIM(NCTX),
        P_CLAIM(15871),
        0x3fffffc,
        0x4000000,
        0x5ffffc,
        UINT64_MAX - 3,
        UINT64_MAX,
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_msg(rd_fails(&dev_plic_ops, f.p, bad[i], 4), "0x%llx",
                      (unsigned long long)bad[i]);
        ck_assert(wr_fails(&dev_plic_ops, f.p, bad[i], 4));
    }
    /* wrong sizes on real registers */
    static const unsigned sizes[] = {1, 2, 3, 5, 16, 0};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        ck_assert(rd_fails(&dev_plic_ops, f.p, P_CLAIM(0), sizes[i]));
        ck_assert(wr_fails(&dev_plic_ops, f.p, P_PRIO(1), sizes[i]));
    }
    ck_assert(rd_fails(&dev_plic_ops, f.p, P_CLAIM(0), 8)); /* misaligned */
    ck_assert(rd_fails(&dev_plic_ops, f.p, P_THRESH(0) + 8, 8)); /* gap */
    /* none of it claimed or changed anything */
    ck_assert(f.level[0]);
    ck_assert_uint_eq(pr(&f, P_PRIO(1)), 1);
    ck_assert_uint_eq(pr(&f, P_CLAIM(0)), 1);
    dev_plic_free(f.p);
}
END_TEST

START_TEST(test_plic_takes_uart_line_through_dev_irq)
{
    plic_fix f;
    plic_setup(&f);
    uart_fix uf;
    memset(&uf, 0, sizeof(uf));
    uf.u = dev_uart_new((dev_irq){dev_plic_set_irq, f.p, 10}, fake_tx, &uf);
    ck_assert_ptr_nonnull(uf.u);
    plic_enable(&f, 1, 10, 1);
    uw(&uf, IER, 0x01);
    uart_rx_bytes(&uf, "k", 1);
    ck_assert(f.level[1]);
    ck_assert_uint_eq(pr(&f, P_CLAIM(1)), 10);
    ck_assert_uint_eq(ur(&uf, RBR), 'k');
    pw(&f, P_CLAIM(1), 10);
    ck_assert(!f.level[1]);
    ck_assert_uint_eq(pr(&f, P_PENDING(0)), 0);
    dev_uart_free(uf.u);
    dev_plic_free(f.p);
}
END_TEST

/* ---- syscon ---- */

typedef struct syscon_rec {
    unsigned calls;
    dev_syscon_action what;
    unsigned code;
} syscon_rec;

static void fake_action(void *ctx, dev_syscon_action what, unsigned code)
{
    syscon_rec *r = ctx;
    r->calls++;
    r->what = what;
    r->code = code;
}

static dev_syscon *syscon_setup(syscon_rec *r)
{
    memset(r, 0, sizeof(*r));
    dev_syscon *s = dev_syscon_new(fake_action, r);
    ck_assert_ptr_nonnull(s);
    return s;
}

START_TEST(test_syscon_0x5555_powers_off_with_status_0)
{
    syscon_rec r;
    dev_syscon *s = syscon_setup(&r);
    wr(&dev_syscon_ops, s, 0, 4, 0x5555);
    ck_assert_uint_eq(r.calls, 1);
    ck_assert_int_eq(r.what, DEV_SYSCON_POWEROFF);
    ck_assert_uint_eq(r.code, 0);
    /* the upper half is not a code for a pass */
    wr(&dev_syscon_ops, s, 0, 4, 0x00075555);
    ck_assert_uint_eq(r.calls, 2);
    ck_assert_int_eq(r.what, DEV_SYSCON_POWEROFF);
    ck_assert_uint_eq(r.code, 0);
    dev_syscon_free(s);
}
END_TEST

START_TEST(test_syscon_0x3333_fails_with_code_from_upper_half)
{
    syscon_rec r;
    dev_syscon *s = syscon_setup(&r);
    wr(&dev_syscon_ops, s, 0, 4, 0x00423333);
    ck_assert_uint_eq(r.calls, 1);
    ck_assert_int_eq(r.what, DEV_SYSCON_FAIL);
    ck_assert_uint_eq(r.code, 0x42);
    wr(&dev_syscon_ops, s, 0, 4, 0xffff3333);
    ck_assert_uint_eq(r.code, 0xffff);
    dev_syscon_free(s);
}
END_TEST

START_TEST(test_syscon_0x7777_resets)
{
    syscon_rec r;
    dev_syscon *s = syscon_setup(&r);
    wr(&dev_syscon_ops, s, 0, 4, 0x7777);
    ck_assert_uint_eq(r.calls, 1);
    ck_assert_int_eq(r.what, DEV_SYSCON_RESET);
    dev_syscon_free(s);
}
END_TEST

START_TEST(test_syscon_other_values_ignored_and_reads_zero)
{
    syscon_rec r;
    dev_syscon *s = syscon_setup(&r);
    static const uint32_t vals[] = {0,      1,      0x5554,     0x5556,
                                    0x3334, 0x7770, 0x55550000, 0xffffffff};
    for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
        wr(&dev_syscon_ops, s, 0, 4, vals[i]);
    ck_assert_uint_eq(r.calls, 0);
    ck_assert_uint_eq(rd(&dev_syscon_ops, s, 0, 4), 0);
    ck_assert_uint_eq(rd(&dev_syscon_ops, s, 0, 8), 0);
    dev_syscon_ops.reset(s);
    /* a finisher without a callback accepts commands silently */
    dev_syscon *quiet = dev_syscon_new(NULL, NULL);
    ck_assert_ptr_nonnull(quiet);
    wr(&dev_syscon_ops, quiet, 0, 4, 0x5555);
    dev_syscon_free(quiet);
    dev_syscon_free(s);
}
END_TEST

START_TEST(test_syscon_8byte_write_uses_low_word_and_bad_accesses_fail)
{
    syscon_rec r;
    dev_syscon *s = syscon_setup(&r);
    wr(&dev_syscon_ops, s, 0, 8, 0x1234567800093333ull);
    ck_assert_uint_eq(r.calls, 1);
    ck_assert_int_eq(r.what, DEV_SYSCON_FAIL);
    ck_assert_uint_eq(r.code, 9);
    ck_assert(wr_fails(&dev_syscon_ops, s, 0, 1));
    /* OpenSBI powers off with a 16-bit store of the command alone */
    r.calls = 0;
    wr(&dev_syscon_ops, s, 0, 2, 0x5555);
    ck_assert_uint_eq(r.calls, 1);
    ck_assert_int_eq(r.what, DEV_SYSCON_POWEROFF);
    ck_assert(!dev_syscon_ops.write(s, 4, 4, 0x5555));
    ck_assert(!dev_syscon_ops.write(s, 0xffc, 4, 0x5555));
    ck_assert(rd_fails(&dev_syscon_ops, s, 8, 4));
    ck_assert_uint_eq(r.calls, 1);
    dev_syscon_free(s);
}
END_TEST

/* ---- goldfish RTC ---- */

enum {
    TIME_LOW = 0x00,
    TIME_HIGH = 0x04,
    ALARM_LOW = 0x08,
    ALARM_HIGH = 0x0c,
    IRQ_ENABLED = 0x10,
    CLEAR_ALARM = 0x14,
    ALARM_STATUS = 0x18,
    CLEAR_INTERRUPT = 0x1c
};

typedef struct rtc_fix {
    dev_rtc *r;
    irq_rec irq;
    uint64_t clock;
} rtc_fix;

static uint64_t fake_clock(void *ctx)
{
    return ((rtc_fix *)ctx)->clock;
}

static void rtc_setup(rtc_fix *f, uint64_t clock)
{
    memset(f, 0, sizeof(*f));
    f->clock = clock;
    f->r = dev_rtc_new(fake_irq(&f->irq), fake_clock, f);
    ck_assert_ptr_nonnull(f->r);
}

static uint32_t rr(rtc_fix *f, uint64_t off)
{
    return (uint32_t)rd(&dev_rtc_ops, f->r, off, 4);
}

static void rw(rtc_fix *f, uint64_t off, uint32_t v)
{
    wr(&dev_rtc_ops, f->r, off, 4, v);
}

static uint64_t rtc_time(rtc_fix *f)
{
    uint64_t lo = rr(f, TIME_LOW);
    return (uint64_t)rr(f, TIME_HIGH) << 32 | lo;
}

/* Arm the alarm the way Linux's rtc-goldfish does: high, then low. */
static void rtc_arm(rtc_fix *f, uint64_t when)
{
    rw(f, ALARM_HIGH, (uint32_t)(when >> 32));
    rw(f, ALARM_LOW, (uint32_t)when);
}

START_TEST(test_rtc_new_requires_a_clock)
{
    irq_rec irq;
    ck_assert_ptr_null(dev_rtc_new(fake_irq(&irq), NULL, NULL));
    dev_rtc_free(NULL);
}
END_TEST

START_TEST(test_rtc_time_high_is_latched_by_time_low_read)
{
    rtc_fix f;
    rtc_setup(&f, 0x00000005fffffff0ull);
    ck_assert_uint_eq(rr(&f, TIME_LOW), 0xfffffff0u);
    f.clock += 0x20; /* the high half moves on to 6 */
    ck_assert_uint_eq(rr(&f, TIME_HIGH), 5);
    ck_assert_uint_eq(rr(&f, TIME_HIGH), 5);
    ck_assert_uint_eq(rr(&f, TIME_LOW), 0x10);
    ck_assert_uint_eq(rr(&f, TIME_HIGH), 6);
    /* one 8-byte read gives the whole, untorn value */
    ck_assert_uint_eq(rd(&dev_rtc_ops, f.r, TIME_LOW, 8),
                      0x0000000600000010ull);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_time_write_sets_offset_against_clock)
{
    rtc_fix f;
    rtc_setup(&f, 1000);
    rw(&f, TIME_HIGH, 0x17);
    rw(&f, TIME_LOW, 0x89abcdef);
    ck_assert_uint_eq(rtc_time(&f), 0x0000001789abcdefull);
    f.clock += 500;
    ck_assert_uint_eq(rtc_time(&f), 0x0000001789abcdefull + 500);
    /* one half alone replaces just that half */
    rw(&f, TIME_LOW, 0);
    ck_assert_uint_eq(rtc_time(&f), 0x0000001700000000ull);
    /* an 8-byte write sets the whole time; setting it back works too */
    wr(&dev_rtc_ops, f.r, TIME_LOW, 8, 42);
    ck_assert_uint_eq(rtc_time(&f), 42);
    f.clock += 8;
    ck_assert_uint_eq(rtc_time(&f), 50);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_alarm_fires_when_due_and_raises_irq)
{
    rtc_fix f;
    rtc_setup(&f, 0x1234500000000ull);
    rw(&f, IRQ_ENABLED, 1);
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), UINT64_MAX);
    rtc_arm(&f, f.clock + 1000);
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 1);
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), 1000);
    f.clock += 999;
    dev_rtc_poll(f.r);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), 1);
    f.clock += 1;
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), 0);
    dev_rtc_poll(f.r);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(f.irq.calls, 1);
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 0);
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), UINT64_MAX);
    /* polling again changes nothing; CLEAR_INTERRUPT lowers the line */
    dev_rtc_poll(f.r);
    ck_assert_uint_eq(f.irq.calls, 1);
    rw(&f, CLEAR_INTERRUPT, 1);
    ck_assert(!f.irq.level);
    f.clock += 1000000;
    dev_rtc_poll(f.r);
    ck_assert(!f.irq.level);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_alarm_registers_read_back_and_status)
{
    rtc_fix f;
    rtc_setup(&f, 100);
    rw(&f, ALARM_HIGH, 0x11);
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 0); /* the high half alone */
    rw(&f, ALARM_LOW, 0x22);
    ck_assert_uint_eq(rr(&f, ALARM_HIGH), 0x11);
    ck_assert_uint_eq(rr(&f, ALARM_LOW), 0x22);
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 1);
    rw(&f, ALARM_STATUS, 0); /* read-only */
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 1);
    ck_assert_uint_eq(rr(&f, IRQ_ENABLED), 0);
    rw(&f, IRQ_ENABLED, 0xffffffff);
    ck_assert_uint_eq(rr(&f, IRQ_ENABLED), 1);
    ck_assert_uint_eq(rr(&f, CLEAR_ALARM), 0);
    ck_assert_uint_eq(rr(&f, CLEAR_INTERRUPT), 0);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_alarm_in_the_past_fires_on_arming)
{
    rtc_fix f;
    rtc_setup(&f, 5000);
    rw(&f, IRQ_ENABLED, 1);
    rtc_arm(&f, 4000);
    ck_assert(f.irq.level);
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 0);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_alarm_latched_while_irq_disabled)
{
    rtc_fix f;
    rtc_setup(&f, 0);
    /* Linux's set_alarm order: alarm first, then IRQ_ENABLED */
    rtc_arm(&f, 10);
    f.clock = 20;
    dev_rtc_poll(f.r);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 0);
    rw(&f, IRQ_ENABLED, 1);
    ck_assert(f.irq.level);
    rw(&f, IRQ_ENABLED, 0);
    ck_assert(!f.irq.level);
    rw(&f, CLEAR_INTERRUPT, 1);
    rw(&f, IRQ_ENABLED, 1);
    ck_assert(!f.irq.level);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_clear_alarm_disarms)
{
    rtc_fix f;
    rtc_setup(&f, 0);
    rw(&f, IRQ_ENABLED, 1);
    rtc_arm(&f, 100);
    rw(&f, CLEAR_ALARM, 1);
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 0);
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), UINT64_MAX);
    f.clock = 200;
    dev_rtc_poll(f.r);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(f.irq.calls, 0);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_alarm_follows_guest_time_changes)
{
    rtc_fix f;
    rtc_setup(&f, 1000);
    rw(&f, IRQ_ENABLED, 1);
    rtc_arm(&f, 1000000);
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), 999000);
    /* moving guest time closer shortens the wait on the board's clock */
    wr(&dev_rtc_ops, f.r, TIME_LOW, 8, 999900);
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), 100);
    ck_assert(!f.irq.level);
    /* moving it past the alarm fires it at once */
    wr(&dev_rtc_ops, f.r, TIME_LOW, 8, 2000000);
    ck_assert(f.irq.level);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_8byte_alarm_write_arms_whole_value)
{
    rtc_fix f;
    rtc_setup(&f, 0x0000000500000000ull);
    rw(&f, IRQ_ENABLED, 1);
    /* ALARM_HIGH was 0: arming with the stale high half would fire now */
    wr(&dev_rtc_ops, f.r, ALARM_LOW, 8, 0x0000000600000000ull);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(rd(&dev_rtc_ops, f.r, ALARM_LOW, 8),
                      0x0000000600000000ull);
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), 0x100000000ull);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_bad_accesses_fail)
{
    rtc_fix f;
    rtc_setup(&f, 0);
    static const unsigned sizes[] = {1, 2, 3, 16};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        ck_assert(rd_fails(&dev_rtc_ops, f.r, TIME_LOW, sizes[i]));
        ck_assert(wr_fails(&dev_rtc_ops, f.r, ALARM_LOW, sizes[i]));
    }
    ck_assert(rd_fails(&dev_rtc_ops, f.r, 2, 4));
    ck_assert(rd_fails(&dev_rtc_ops, f.r, TIME_HIGH, 8));
    ck_assert(rd_fails(&dev_rtc_ops, f.r, 0x20, 4));
    ck_assert(wr_fails(&dev_rtc_ops, f.r, 0xffc, 4));
    ck_assert(rd_fails(&dev_rtc_ops, f.r, UINT64_MAX - 7, 8));
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 0);
    dev_rtc_free(f.r);
}
END_TEST

START_TEST(test_rtc_reset_disarms_and_keeps_time)
{
    rtc_fix f;
    rtc_setup(&f, 0);
    wr(&dev_rtc_ops, f.r, TIME_LOW, 8, 1000000);
    rw(&f, IRQ_ENABLED, 1);
    rtc_arm(&f, 500); /* fires at once */
    ck_assert(f.irq.level);
    rtc_arm(&f, 5000000);
    dev_rtc_ops.reset(f.r);
    ck_assert(!f.irq.level);
    ck_assert_uint_eq(rr(&f, IRQ_ENABLED), 0);
    ck_assert_uint_eq(rr(&f, ALARM_STATUS), 0);
    ck_assert_uint_eq(rd(&dev_rtc_ops, f.r, ALARM_LOW, 8), 0);
    ck_assert_uint_eq(dev_rtc_ns_to_alarm(f.r), UINT64_MAX);
    ck_assert_uint_eq(rtc_time(&f), 1000000);
    dev_rtc_free(f.r);
}
END_TEST

/* ---- every offset and size, for every device ---- */

typedef struct sweep_ctx {
    uart_fix uart;
    plic_fix plic;
    syscon_rec sys;
    rtc_fix rtc;
} sweep_ctx;

/* Read and write every offset of a region at every size (and a few sizes
 * and offsets no bus would pass), with random data. Only the sanitizers
 * and the absence of a crash are checked here. */
static void sweep(const dev_ops *ops, void *dev, uint64_t region,
                  uint64_t *seed)
{
    static const unsigned sizes[] = {1, 2, 4, 8, 0, 3, 16};
    for (uint64_t off = 0; off < region; off++) {
        for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
            uint64_t v;
            ops->read(dev, off, sizes[i], &v);
            ops->write(dev, off, sizes[i], tu_rand(seed));
        }
    }
    static const uint64_t far[] = {0x100000000ull, UINT64_MAX - 8,
                                   UINT64_MAX - 3, UINT64_MAX};
    for (size_t i = 0; i < sizeof(far) / sizeof(far[0]); i++) {
        uint64_t v;
        for (unsigned size = 1; size <= 8; size *= 2) {
            ops->read(dev, far[i], size, &v);
            ops->write(dev, far[i], size, tu_rand(seed));
        }
    }
    ops->reset(dev);
}

START_TEST(test_every_offset_and_size_is_safe_on_all_devices)
{
    static sweep_ctx s;
    memset(&s, 0, sizeof(s));
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    plic_setup(&s.plic);
    s.uart.u = dev_uart_new((dev_irq){dev_plic_set_irq, s.plic.p, 10}, fake_tx,
                            &s.uart);
    ck_assert_ptr_nonnull(s.uart.u);
    dev_syscon *sys = syscon_setup(&s.sys);
    s.rtc.clock = 1;
    s.rtc.r = dev_rtc_new((dev_irq){dev_plic_set_irq, s.plic.p, 11}, fake_clock,
                          &s.rtc);
    ck_assert_ptr_nonnull(s.rtc.r);
    for (unsigned round = 0; round < 4; round++) {
        uint8_t in[40];
        for (size_t i = 0; i < sizeof(in); i++)
            in[i] = (uint8_t)tu_rand(&seed);
        dev_uart_rx(s.uart.u, in, sizeof(in));
        sweep(&dev_uart_ops, s.uart.u, 0x100, &seed);
        s.rtc.clock += tu_rand(&seed);
        dev_rtc_poll(s.rtc.r);
        dev_rtc_ns_to_alarm(s.rtc.r);
        sweep(&dev_rtc_ops, s.rtc.r, 0x1000, &seed);
        sweep(&dev_syscon_ops, sys, 0x1000, &seed);
    }
    for (unsigned src = 0; src < 200; src++)
        dev_plic_set_irq(s.plic.p, src, tu_rand(&seed) & 1);
    sweep(&dev_plic_ops, s.plic.p, 0x600000, &seed);
    dev_uart_free(s.uart.u);
    dev_rtc_free(s.rtc.r);
    dev_syscon_free(sys);
    dev_plic_free(s.plic.p);
}
END_TEST

static Suite *devices_suite(void)
{
    Suite *s = suite_create("devices");

    TCase *tc = tcase_create("uart");
    tcase_add_test(tc, test_uart_power_on_registers_match_datasheet);
    tcase_add_test(tc, test_uart_thr_write_transmits_byte_at_once);
    tcase_add_test(tc, test_uart_rx_fifo_fills_to_16_and_drains_in_order);
    tcase_add_test(tc, test_uart_rx_without_fifo_holds_one_byte);
    tcase_add_test(tc, test_uart_iir_fifo_bits_follow_fcr_enable);
    tcase_add_test(tc, test_uart_iir_reports_sources_in_priority_order);
    tcase_add_test(tc, test_uart_timeout_reported_while_fifo_below_trigger);
    tcase_add_test(tc, test_uart_trigger_levels_1_4_8_14);
    tcase_add_test(tc, test_uart_thre_interrupt_raised_when_etbei_enabled);
    tcase_add_test(tc, test_uart_thr_write_rearms_thre_interrupt);
    tcase_add_test(tc, test_uart_fcr_clears_and_mode_change_empty_rx_fifo);
    tcase_add_test(tc,
                   test_uart_dlab_divisor_latch_round_trip_keeps_thr_and_ier);
    tcase_add_test(tc,
                   test_uart_loopback_routes_tx_to_rx_and_mirrors_modem_lines);
    tcase_add_test(tc, test_uart_msr_deltas_raise_modem_status_interrupt);
    tcase_add_test(tc, test_uart_loopback_overrun_sets_oe_and_keeps_fifo);
    tcase_add_test(tc, test_uart_irq_line_changes_only_on_transitions);
    tcase_add_test(tc, test_uart_reset_restores_power_on_state);
    tcase_add_test(tc, test_uart_scratch_register_holds_any_byte);
    tcase_add_test(tc, test_uart_wide_access_uses_low_byte_and_holes_fail);
    suite_add_tcase(s, tc);

    tc = tcase_create("plic");
    tcase_add_test(tc, test_plic_new_rejects_impossible_sizes);
    tcase_add_test(tc, test_plic_priority_is_3_bit_warl);
    tcase_add_test(tc, test_plic_source0_and_absent_sources_hardwired_zero);
    tcase_add_test(tc, test_plic_pending_bits_latch_requests_and_ignore_writes);
    tcase_add_test(tc, test_plic_claim_picks_highest_priority_then_lowest_id);
    tcase_add_test(tc, test_plic_claim_with_nothing_pending_returns_0);
    tcase_add_test(tc, test_plic_threshold_masks_priorities_at_or_below_it);
    tcase_add_test(tc, test_plic_priority_zero_never_interrupts);
    tcase_add_test(tc, test_plic_enables_are_per_context);
    tcase_add_test(tc, test_plic_complete_repends_still_high_source);
    tcase_add_test(tc,
                   test_plic_complete_of_id_not_enabled_for_context_ignored);
    tcase_add_test(tc, test_plic_notify_only_on_changes);
    tcase_add_test(tc,
                   test_plic_reset_clears_state_and_notifies_every_context_low);
    tcase_add_test(tc, test_plic_8byte_access_is_two_words_low_first);
    tcase_add_test(tc, test_plic_bad_offsets_and_sizes_fail_without_effect);
    tcase_add_test(tc, test_plic_takes_uart_line_through_dev_irq);
    suite_add_tcase(s, tc);

    tc = tcase_create("syscon");
    tcase_add_test(tc, test_syscon_0x5555_powers_off_with_status_0);
    tcase_add_test(tc, test_syscon_0x3333_fails_with_code_from_upper_half);
    tcase_add_test(tc, test_syscon_0x7777_resets);
    tcase_add_test(tc, test_syscon_other_values_ignored_and_reads_zero);
    tcase_add_test(tc,
                   test_syscon_8byte_write_uses_low_word_and_bad_accesses_fail);
    suite_add_tcase(s, tc);

    tc = tcase_create("rtc");
    tcase_add_test(tc, test_rtc_new_requires_a_clock);
    tcase_add_test(tc, test_rtc_time_high_is_latched_by_time_low_read);
    tcase_add_test(tc, test_rtc_time_write_sets_offset_against_clock);
    tcase_add_test(tc, test_rtc_alarm_fires_when_due_and_raises_irq);
    tcase_add_test(tc, test_rtc_alarm_registers_read_back_and_status);
    tcase_add_test(tc, test_rtc_alarm_in_the_past_fires_on_arming);
    tcase_add_test(tc, test_rtc_alarm_latched_while_irq_disabled);
    tcase_add_test(tc, test_rtc_clear_alarm_disarms);
    tcase_add_test(tc, test_rtc_alarm_follows_guest_time_changes);
    tcase_add_test(tc, test_rtc_8byte_alarm_write_arms_whole_value);
    tcase_add_test(tc, test_rtc_bad_accesses_fail);
    tcase_add_test(tc, test_rtc_reset_disarms_and_keeps_time);
    suite_add_tcase(s, tc);

    tc = tcase_create("robust");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_every_offset_and_size_is_safe_on_all_devices);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(devices_suite());
}
