/*
 * The GDB stub's session (src/gdbstub) on arbitrary bytes from the
 * debugger's side of the wire. The input starts with one header byte:
 *
 *   byte 0   bit 0: RV32 (else RV64)    bit 1: two harts
 *            bit 2: no F/D (rv..imac)   bit 3: record history
 *
 * and the rest is fed to emu_gdb_input() in pieces of 1 to 64 bytes (the
 * next piece's length is the low 6 bits of the byte before it, plus one,
 * so packets arrive split every way). Whenever the session has the guest
 * running, it runs at most RUNS budgets of BUDGET instructions; a guest
 * still running then gets the debugger's interrupt ("#00" to close any
 * packet left open, then 0x03) and must stop.
 * The guest is a small loop that stores, loads and makes ecalls, so
 * breakpoints, watchpoints and steps hit.
 *
 * Checked besides "no crash": every byte the stub sends is an ack, a
 * NAK, or part of a well-framed packet with a correct checksum, no longer
 * than the protocol allows; an interrupted run stops.
 */
#include "fuzz.h"
#include "libemu/debug.h"
#include "libemu/gdbstub.h"

#define RAM_SIZE (1ull << 20)
#define BUDGET 2000
#define RUNS 3

/* The stub's output, checked as it comes. */
typedef struct wire {
    int state; /* 0 between packets, 1 in data, 2/3 checksum digits */
    unsigned sum, got;
    size_t len;
} wire;

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1; /* the stub sends lowercase */
}

static void fail(const char *why)
{
    fprintf(stderr, "fuzz_gdb: %s\n", why);
    abort();
}

static void on_send(void *ctx, const void *buf, size_t len)
{
    wire *w = ctx;
    const uint8_t *p = buf;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = p[i];
        switch (w->state) {
        case 0:
            if (c == '$') {
                w->state = 1;
                w->sum = 0;
                w->len = 0;
            } else if (c != '+' && c != '-') {
                fail("a byte outside a packet");
            }
            break;
        case 1:
            if (c == '#') {
                w->state = 2;
                break;
            }
            if (c == '$')
                fail("an unescaped '$' inside a packet");
            w->sum += c;
            /* escaped, a full packet may take twice its size */
            if (++w->len > 2 * EMU_GDB_PACKET_MAX + 128)
                fail("a packet longer than the protocol allows");
            break;
        case 2:
        case 3:
            if (hexval(c) < 0)
                fail("a bad checksum digit");
            w->got = w->got << 4 | (unsigned)hexval(c);
            if (w->state == 3 && (w->got & 0xff) != (w->sum & 0xff))
                fail("a wrong checksum");
            w->state = w->state == 2 ? 3 : 0;
            break;
        }
    }
}

static void load_program(emu_machine *m)
{
    /* t0 = base; mtvec = base + 0x40; loop: a0++, sw a0, lw a1, ecall, j
     * loop. Handler: mepc += 4; mret. */
    static const uint32_t code[] = {
        0x00000297, /* auipc t0, 0 */
        0x04028313, /* addi t1, t0, 0x40 */
        0x30531073, /* csrw mtvec, t1 */
        0x40028393, /* addi t2, t0, 0x400 */
        0x00150513, /* loop: addi a0, a0, 1 */
        0x00a3a023, /* sw a0, 0(t2) */
        0x0003a583, /* lw a1, 0(t2) */
        0x00000073, /* ecall */
        0xff1ff06f, /* j loop */
    };
    static const uint32_t handler[] = {
        0x34102e73, /* csrr t3, mepc */
        0x004e0e13, /* addi t3, t3, 4 */
        0x341e1073, /* csrw mepc, t3 */
        0x30200073, /* mret */
    };
    emu_mem_write(m, FZ_RAM_BASE, code, sizeof(code));
    emu_mem_write(m, FZ_RAM_BASE + 0x40, handler, sizeof(handler));
    for (unsigned h = 0; h < emu_hart_count(m); h++)
        emu_reg_write_num(m, h, EMU_REG_PC, FZ_RAM_BASE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t flags = fz_u8(&in);
    bool rv32 = flags & 1;
    emu_config cfg =
        emu_config_default(rv32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.ram_base = FZ_RAM_BASE;
    cfg.ram_size = RAM_SIZE;
    cfg.harts = flags & 2 ? 2 : 1;
    if (flags & 4)
        cfg.isa = rv32 ? "rv32imac" : "rv64imac";
    emu_machine *m = fz_machine(&cfg);
    load_program(m);
    if (flags & 8)
        emu_history_enable(m, NULL);

    wire w = {0};
    emu_gdb *g;
    if (emu_gdb_new(m, on_send, &w, &g) != EMU_OK)
        fail("cannot create a session");
    size_t piece = 1;
    while (in.n) {
        const uint8_t *p;
        size_t n = fz_take(&in, piece, &p);
        piece = (p[n - 1] & 63) + 1;
        emu_gdb_input(g, p, n);
        emu_gdb_state st = emu_gdb_get_state(g);
        if (st == EMU_GDB_KILLED || st == EMU_GDB_DETACHED)
            break;
        for (int r = 0; r < RUNS && st == EMU_GDB_RUNNING; r++) {
            emu_gdb_run(g, BUDGET, NULL);
            st = emu_gdb_get_state(g);
        }
        if (st == EMU_GDB_RUNNING) {
            /* "#00" ends a packet the input left open (0x03 inside one is
             * data), whatever state the framer is in */
            emu_gdb_input(g, "#00\x03", 4);
            emu_gdb_run(g, BUDGET, NULL);
            if (emu_gdb_get_state(g) == EMU_GDB_RUNNING)
                fail("the interrupt did not stop the run");
        }
    }
    emu_gdb_free(g);
    emu_machine_free(m);
    return 0;
}
