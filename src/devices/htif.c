/*
 * HTIF, as Spike's front-end server and riscv-tests use it. The guest writes
 * a request to the 64-bit word `tohost` (device << 56 | command << 48 |
 * payload); the host consumes it, clears tohost, and answers in `fromhost`
 * when the request expects an answer:
 *   device 0, payload bit 0 set:   exit with status payload >> 1
 *   device 0, payload bit 0 clear: payload is the address of a system-call
 *                                  block of 8 words: number, 3 arguments;
 *                                  the result goes to word 0, fromhost = 1
 *   device 1, command 1:           print the character in the low byte
 * Both words are plain RAM found by ELF symbol; a bus watch tells us when
 * the guest writes tohost.
 */
#include <stdlib.h>

#include "devices/htif.h"
#include "machine/machine.h"
#include "machine/snapshot.h"

#define SYS_write 64
#define SYS_exit 93
#define ENOSYS 38

struct dev_htif {
    emu_machine *m;
    uint64_t tohost, fromhost;
};

dev_htif *dev_htif_new(emu_machine *m)
{
    dev_htif *h = calloc(1, sizeof(*h));
    if (h)
        h->m = m;
    return h;
}

void dev_htif_free(dev_htif *h) { free(h); }

static bool rd64(bus *b, uint64_t pa, uint64_t *v)
{
    if (!bus_in_ram(b, pa, 8))
        return false;
    *v = ld_le(b->ram + (pa - b->ram_base), 8);
    return true;
}

static void wr64(bus *b, uint64_t pa, uint64_t v)
{
    if (bus_in_ram(b, pa, 8)) {
        st_le(b->ram + (pa - b->ram_base), 8, v);
        bus_ram_written(b, pa, 8);
    }
}

/* The proxied system calls printing programs use (write to fd 1/2, exit). */
static void syscall_block(dev_htif *h, uint64_t addr)
{
    emu_machine *m = h->m;
    bus *b = &m->bus;
    uint64_t w[4];
    for (unsigned i = 0; i < 4; i++) {
        if (!rd64(b, addr + 8 * i, &w[i])) {
            machine_log(m, EMU_LOG_WARN,
                        "htif: system-call block at 0x%llx is outside RAM",
                        (unsigned long long)addr);
            return;
        }
    }
    /* on RV32 the guest's pointers and sizes are 32-bit values */
    if (m->isa.xlen == 32)
        for (unsigned i = 1; i < 4; i++)
            w[i] &= 0xffffffffull;
    int64_t ret = -ENOSYS;
    if (w[0] == SYS_write && (w[1] == 1 || w[1] == 2)) {
        uint64_t buf = w[2], len = w[3];
        if (bus_in_ram(b, buf, len)) {
            machine_console(m, (const char *)b->ram + (buf - b->ram_base),
                            (size_t)len);
            ret = (int64_t)len;
        } else {
            ret = -14; /* EFAULT */
        }
    } else if (w[0] == SYS_exit) {
        machine_halt(m, (int)w[1]);
        return;
    } else {
        machine_log(m, EMU_LOG_WARN, "htif: unsupported system call %llu",
                    (unsigned long long)w[0]);
    }
    wr64(b, addr, (uint64_t)ret);
    if (h->fromhost)
        wr64(b, h->fromhost, 1);
}

void dev_htif_poll(dev_htif *h)
{
    if (!h || !h->tohost)
        return;
    bus *b = &h->m->bus;
    uint64_t v;
    if (!rd64(b, h->tohost, &v) || v == 0)
        return;
    wr64(b, h->tohost, 0);
    unsigned dev = (unsigned)(v >> 56), cmd = (unsigned)(v >> 48) & 0xff;
    uint64_t payload = v & ((1ull << 48) - 1);
    if (dev == 0 && cmd == 0) {
        if (payload & 1)
            machine_halt(h->m, (int)(payload >> 1));
        else
            syscall_block(h, payload);
    } else if (dev == 1 && cmd == 1) {
        char c = (char)(payload & 0xff);
        machine_console(h->m, &c, 1);
    } else {
        machine_log(h->m, EMU_LOG_WARN,
                    "htif: ignored request device %u command %u", dev, cmd);
    }
}

/* A store touched tohost. A write that reaches its high word completes the
 * request; a program that writes only the low word is served by the poll
 * between quanta. */
static void tohost_written(void *dev, uint64_t addr, unsigned size)
{
    dev_htif *h = dev;
    if (addr + size > h->tohost + 4)
        dev_htif_poll(h);
}

bool dev_htif_attach(dev_htif *h, uint64_t tohost, uint64_t fromhost)
{
    if (!bus_in_ram(&h->m->bus, tohost, 8))
        return false;
    h->tohost = tohost;
    h->fromhost = bus_in_ram(&h->m->bus, fromhost, 8) ? fromhost : 0;
    return bus_add_watch(&h->m->bus, tohost, 8, tohost_written, h);
}

void dev_htif_save(dev_htif *h, snap_w *w)
{
    snap_put_u64(w, h->tohost);
    snap_put_u64(w, h->fromhost);
}

bool dev_htif_load(dev_htif *h, snap_r *r, bool commit)
{
    bus *b = &h->m->bus;
    uint64_t to = snap_get_u64(r), from = snap_get_u64(r);
    if ((to && !bus_in_ram(b, to, 8)) || (from && !bus_in_ram(b, from, 8)) ||
        (from && !to))
        return snap_fail(r, "htif: tohost or fromhost lies outside RAM");
    if (!snap_ok(r) || !commit || (to == h->tohost && from == h->fromhost))
        return snap_ok(r);
    /* the only watch is tohost's (elf.c clears them the same way) */
    bus_clear_watches(b);
    h->tohost = h->fromhost = 0;
    if (to)
        dev_htif_attach(h, to, from);
    return true;
}
