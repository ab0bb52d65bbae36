/*
 * Snapshots: a machine restored from a snapshot, in the same machine or a
 * new one built alike, in memory or through a file, continues exactly as
 * the original; a different machine is refused and left alone; damaged
 * files are refused; snapshots taken one after another share RAM pages.
 * "Exactly" is checked on everything a snapshot holds: a snapshot of the
 * continued original and one of the continued copy must be equal byte for
 * byte, state and RAM.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cpu/riscv/rv_cpu.h"
#include "libemu/snapshot.h"
#include "machine/machine.h"
#include "machine/snapshot.h"
#include "testutil.h"
#include "virtio_driver.h"

#define UART 0x10000000ull
#define RTC 0x00101000ull
#define PLIC 0x0c000000ull
#define DATA_PAGES 256
enum { S2 = 18, S3 = 19 };

static uint32_t amo(unsigned f5, unsigned w, unsigned rd, unsigned rs1,
                    unsigned rs2)
{
    return f5 << 27 | rs2 << 20 | rs1 << 15 | w << 12 | rd << 7 | 0x2f;
}

/*
 * An isa-test-like workload at the RAM base, for every hart: integer and
 * multiply instructions, stores spread over 256 pages (1 MiB per hart),
 * LR/SC, cycle-counter reads, and a machine timer interrupt every few
 * dozen ticks whose handler counts it and moves mtimecmp on. Time,
 * interrupts, counters, reservations and RAM all matter to how it goes.
 */
static void workload(emu_machine *m)
{
    unsigned w = emu_xlen(m) == 64 ? 3 : 2; /* ld/sd or lw/sw, .d or .w */
    uint32_t p[64];
    size_t n = 0;
#define E(x) (p[n++] = (x))
    E(tu_addi(S0, ZERO, 1));
    E(tu_slli(S0, S0, 31)); /* s0 = 0x80000000 */
    E(tu_addi(T0, S0, 0x400));
    E(tu_csrw(0x305, T0)); /* mtvec = the handler */
    E(tu_csrr(T1, CSR_MHARTID));
    E(tu_slli(T2, T1, 3));
    E(tu_lui(S1, 0x2004));
    E(tu_op(ALU_ADD, S1, S1, T2)); /* s1 = this hart's mtimecmp */
    E(tu_lui(S2, 0x200c));
    E(tu_addi(S2, S2, -8)); /* s2 = mtime */
    E(tu_slli(T2, T1, 20));
    E(tu_lui(S3, 0x10));
    E(tu_op(ALU_ADD, S3, S3, S0));
    E(tu_op(ALU_ADD, S3, S3, T2)); /* s3 = this hart's data */
    if (w == 2)
        E(tu_sw(ZERO, S1, 4)); /* mtimecmp's high word */
    E(tu_load(w, T0, S2, 0));
    E(tu_addi(T0, T0, 50));
    E(tu_store(w, T0, S1, 0));
    E(tu_addi(T0, ZERO, 0x80));
    E(tu_csrw(CSR_MIE, T0)); /* MTIE */
    E(tu_addi(T0, ZERO, 8));
    E(tu_csrrs(ZERO, CSR_MSTATUS, T0)); /* MIE */
    E(tu_addi(T0, ZERO, 0));
    size_t loop = n;
    E(tu_addi(T0, T0, 1));
    E(tu_op(ALU_MUL, T1, T0, T0));
    E(tu_enc_i(OPC_OP_IMM, T2, 7, T0, DATA_PAGES - 1));
    E(tu_slli(T2, T2, 12));
    E(tu_op(ALU_ADD, T2, T2, S3));
    E(tu_store(w, T1, T2, 16));
    E(amo(2, w, T3, S3, 0)); /* lr */
    E(tu_op(ALU_ADD, T3, T3, T0));
    E(amo(3, w, T4, S3, T3)); /* sc */
    E(tu_csrr(T5, CSR_MCYCLE));
    E(tu_op(ALU_XOR, A0, A0, T5));
    int32_t back = (int32_t)(loop - n) * 4;
    E(tu_jal(ZERO, back));
    tu_code(m, TU_RAM_BASE, p, n);
    n = 0;
    E(tu_csrr(T6, CSR_MCAUSE));
    E(tu_load(w, A1, S3, 8));
    E(tu_addi(A1, A1, 1));
    E(tu_store(w, A1, S3, 8));
    E(tu_load(w, A2, S1, 0));
    E(tu_addi(A2, A2, 37));
    E(tu_store(w, A2, S1, 0));
    E(TU_MRET);
#undef E
    tu_code(m, TU_RAM_BASE + 0x400, p, n);
    for (unsigned h = 0; h < emu_hart_count(m); h++)
        ck_assert_int_eq(emu_reg_write_num(m, h, EMU_REG_PC, TU_RAM_BASE),
                         EMU_OK);
}

static emu_snapshot *take(emu_machine *m)
{
    emu_snapshot *s = NULL;
    ck_assert_int_eq(emu_snapshot_save(m, &s), EMU_OK);
    ck_assert_ptr_nonnull(s);
    return s;
}

static void restore(emu_machine *m, const emu_snapshot *s)
{
    emu_status st = emu_snapshot_restore(m, s);
    ck_assert_msg(st == EMU_OK, "restore: %s", emu_last_error(m));
}

/* Two snapshots hold the same state and the same RAM. */
static void assert_same(const emu_snapshot *a, const emu_snapshot *b)
{
    size_t la, lb;
    const uint8_t *sa = snapshot_state(a, &la), *sb = snapshot_state(b, &lb);
    ck_assert_uint_eq(la, lb);
    for (size_t i = 0; i < la; i++)
        ck_assert_msg(sa[i] == sb[i], "state differs at byte %zu of %zu", i,
                      la);
    ck_assert_uint_eq(snapshot_pages(a), snapshot_pages(b));
    for (uint64_t i = 0; i < snapshot_pages(a); i++) {
        const uint8_t *pa = snapshot_page(a, i), *pb = snapshot_page(b, i);
        ck_assert_msg((pa == NULL) == (pb == NULL) &&
                          (!pa || memcmp(pa, pb, 4096) == 0),
                      "RAM page %llu differs", (unsigned long long)i);
    }
}

/* The machine's state now equals what s holds. */
static void assert_machine_is(emu_machine *m, const emu_snapshot *s)
{
    emu_snapshot *now = take(m);
    assert_same(now, s);
    emu_snapshot_free(now);
}

static emu_machine *test_machine(unsigned xlen, unsigned harts)
{
    emu_config cfg =
        emu_config_default(xlen == 32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.ram_size = TU_RAM_SIZE;
    cfg.harts = harts;
    return tu_machine_cfg(&cfg);
}

/* Run n, snapshot, run more: returns the snapshot and leaves in *after
 * a snapshot of the state after the further run. */
static emu_snapshot *run_and_take(emu_machine *m, uint64_t n, uint64_t more,
                                  emu_snapshot **after)
{
    tu_step(m, n);
    emu_snapshot *s = take(m);
    tu_step(m, more);
    *after = take(m);
    return s;
}

START_TEST(test_snapshot_restored_machine_continues_identically)
{
    unsigned xlen = _i ? 32 : 64;
    emu_machine *m = test_machine(xlen, 1);
    workload(m);
    emu_snapshot *after;
    emu_snapshot *s = run_and_take(m, 5003, 40000, &after);
    /* the workload did take timer interrupts and write its pages */
    ck_assert_uint_gt(m->harts[0]->interrupts, 10);
    uint64_t x5 = tu_x(m, T0), a0 = tu_x(m, A0);

    restore(m, s);
    assert_machine_is(m, s);
    tu_step(m, 40000);
    ck_assert_uint_eq(tu_x(m, T0), x5);
    ck_assert_uint_eq(tu_x(m, A0), a0);
    assert_machine_is(m, after);

    /* a new machine built alike takes the snapshot just as well */
    emu_machine *m2 = test_machine(xlen, 1);
    restore(m2, s);
    tu_step(m2, 40000);
    assert_machine_is(m2, after);
    ck_assert_uint_eq(tu_csr(m2, CSR_MSCRATCH), tu_csr(m, CSR_MSCRATCH));

    emu_snapshot_free(s);
    emu_snapshot_free(after);
    emu_machine_free(m2);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_snapshot_mid_round_multi_hart_continues_identically)
{
    emu_machine *m = test_machine(64, 3);
    workload(m);
    /* budgets that end inside a hart's turn of a scheduling round */
    emu_snapshot *after;
    emu_snapshot *s = run_and_take(m, 12347, 31001, &after);
    emu_machine *m2 = test_machine(64, 3);
    restore(m2, s);
    tu_step(m2, 31001);
    assert_machine_is(m2, after);
    for (unsigned h = 0; h < 3; h++)
        ck_assert_uint_gt(m2->harts[h]->interrupts, 0);
    emu_snapshot_free(s);
    emu_snapshot_free(after);
    emu_machine_free(m2);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_snapshot_keeps_lr_reservation_and_wfi)
{
    emu_machine *m = test_machine(64, 1);
    rv_cpu *c = m->harts[0];
    /* lr.d, then a snapshot before the sc.d: the sc must still succeed */
    TU_CODE(m, TU_RAM_BASE, tu_addi(S0, ZERO, 1), tu_slli(S0, S0, 31),
            tu_addi(S0, S0, 0x100), amo(2, 3, T0, S0, 0),
            amo(3, 3, T1, S0, T0), TU_WFI, TU_LOOP);
    tu_step(m, 4);
    ck_assert(c->res_valid);
    emu_snapshot *s = take(m);
    emu_machine *m2 = test_machine(64, 1);
    tu_set_x(m2, T1, 99);
    restore(m2, s);
    rv_cpu *c2 = m2->harts[0];
    ck_assert(c2->res_valid);
    ck_assert_ptr_eq(c2->res_ptr, m2->bus.ram + 0x100);
    emu_exit e = tu_run(m2, 10);
    ck_assert_uint_eq(tu_x(m2, T1), 0); /* sc.d succeeded */
    ck_assert_int_eq(e.reason, EMU_EXIT_IDLE);
    ck_assert(c2->wfi);
    emu_snapshot *w = take(m2);
    restore(m, w);
    ck_assert(c->wfi);
    ck_assert_int_eq(tu_run(m, 10).reason, EMU_EXIT_IDLE);
    emu_snapshot_free(w);
    emu_snapshot_free(s);
    emu_machine_free(m2);
    emu_machine_free(m);
}
END_TEST

/* The step clock never wraps around: a sleeping hart whose next timer
 * event lies beyond MACHINE_STEPS_MAX ends the run idle instead of jumping
 * there, and a snapshot whose clock is past it is refused (a fuzzed one
 * near 2^64 had made the scheduler's round end wrap, and emu_run() spin). */
START_TEST(test_step_clock_stays_in_range)
{
    emu_machine *m = test_machine(64, 1);
    rv_cpu *c = m->harts[0];
    /* mtimecmp = 2^57 ticks: 2^57 * 100 steps away, more than 2^62 */
    TU_CODE(m, TU_RAM_BASE, tu_lui(T0, TU_CLINT_MTIMECMP >> 12),
            tu_addi(T1, ZERO, 1), tu_slli(T1, T1, 57), tu_sd(T1, T0, 0),
            TU_WFI, TU_LOOP);
    ck_assert_int_eq(tu_run(m, 100).reason, EMU_EXIT_IDLE);
    ck_assert(c->wfi);
    ck_assert_uint_lt(c->steps, 100000); /* one round of sleep */

    c->steps = MACHINE_STEPS_MAX + 1;
    emu_snapshot *s = take(m);
    emu_machine *m2 = test_machine(64, 1);
    ck_assert_int_ne(emu_snapshot_restore(m2, s), EMU_OK);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m2), "step clock"));
    ck_assert_uint_eq(m2->harts[0]->steps, 0);
    emu_snapshot_free(s);
    emu_machine_free(m2);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_snapshot_other_machine_is_refused_and_left_alone)
{
    emu_machine *m = test_machine(64, 1);
    workload(m);
    tu_step(m, 1000);
    emu_snapshot *s = take(m);
    static const struct {
        unsigned xlen, harts;
        uint64_t ram;
        const char *isa, *priv, *says;
    } other[] = {
        {64, 2, TU_RAM_SIZE, NULL, NULL, "harts"},
        {64, 1, TU_RAM_SIZE * 2, NULL, NULL, "ram"},
        {32, 1, TU_RAM_SIZE, NULL, NULL, "arch"},
        {64, 1, TU_RAM_SIZE, "rv64gc", NULL, "isa"},
        {64, 1, TU_RAM_SIZE, NULL, "mu", "priv"},
    };
    for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
        emu_config cfg = emu_config_default(other[i].xlen == 32
                                                ? EMU_ARCH_RISCV32
                                                : EMU_ARCH_RISCV64);
        cfg.harts = other[i].harts;
        cfg.ram_size = other[i].ram;
        cfg.isa = other[i].isa;
        if (other[i].priv)
            cfg.priv = other[i].priv;
        emu_machine *o = tu_machine_cfg(&cfg);
        tu_step(o, 100);
        emu_snapshot *before = take(o);
        ck_assert_int_eq(emu_snapshot_restore(o, s), EMU_ERR_INVALID);
        ck_assert_msg(strstr(emu_last_error(o), other[i].says) != NULL,
                      "'%s' does not name %s", emu_last_error(o),
                      other[i].says);
        assert_machine_is(o, before);
        emu_snapshot_free(before);
        emu_machine_free(o);
    }
    /* a virt machine, and one whose virtio slots hold other devices */
    emu_machine *v = vd_machine();
    ck_assert_int_eq(emu_snapshot_restore(v, s), EMU_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(emu_last_error(v), "board"));
    ck_assert_int_eq(emu_device_add(v, "rng", NULL), EMU_OK);
    emu_snapshot *vs = take(v);
    emu_machine *v2 = vd_machine();
    ck_assert_int_eq(emu_device_add(v2, "console", NULL), EMU_OK);
    ck_assert_int_eq(emu_snapshot_restore(v2, vs), EMU_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(emu_last_error(v2), "virtio slot 0"));
    emu_machine *v3 = vd_machine();
    ck_assert_int_eq(emu_device_add(v3, "keyboard", NULL), EMU_OK);
    emu_snapshot *ks = take(v3);
    emu_machine *v4 = vd_machine();
    ck_assert_int_eq(emu_device_add(v4, "tablet", NULL), EMU_OK);
    emu_snapshot *before = take(v4);
    ck_assert_int_eq(emu_snapshot_restore(v4, ks), EMU_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(emu_last_error(v4), "keyboard"));
    assert_machine_is(v4, before);
    emu_snapshot_free(before);
    emu_snapshot_free(ks);
    emu_snapshot_free(vs);
    emu_machine_free(v4);
    emu_machine_free(v3);
    emu_machine_free(v2);
    emu_machine_free(v);
    emu_snapshot_free(s);
    emu_machine_free(m);
}
END_TEST

static void tmp_path(char *buf, size_t len, const char *name)
{
    const char *dir = getenv("TMPDIR");
    snprintf(buf, len, "%s/libemu-snap-%ld-%s", dir && *dir ? dir : "/tmp",
             (long)getpid(), name);
}

START_TEST(test_snapshot_file_round_trip)
{
    emu_machine *m = test_machine(64, 2);
    workload(m);
    emu_snapshot *after;
    emu_snapshot *s = run_and_take(m, 7777, 20000, &after);
    char path[256], err[256] = "";
    tmp_path(path, sizeof(path), "round.snap");
    ck_assert_int_eq(emu_snapshot_write(s, path, err, sizeof(err)), EMU_OK);
    emu_snapshot *r = NULL;
    ck_assert_msg(emu_snapshot_read(path, &r, err, sizeof(err)) == EMU_OK,
                  "%s", err);
    assert_same(r, s);
    emu_machine *m2 = test_machine(64, 2);
    restore(m2, r);
    tu_step(m2, 20000);
    assert_machine_is(m2, after);
    emu_snapshot_free(r);
    unlink(path);
    ck_assert_int_eq(emu_snapshot_read(path, &r, err, sizeof(err)),
                     EMU_ERR_IO);
    ck_assert_ptr_null(r);
    emu_snapshot_free(s);
    emu_snapshot_free(after);
    emu_machine_free(m2);
    emu_machine_free(m);
}
END_TEST

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(*len);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(fread(b, 1, *len, f), *len);
    fclose(f);
    return b;
}

static void spill(const char *path, const uint8_t *b, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(b, 1, len, f), len);
    fclose(f);
}

static emu_status read_back(const char *path)
{
    emu_snapshot *r = NULL;
    char err[256] = "";
    emu_status st = emu_snapshot_read(path, &r, err, sizeof(err));
    if (st == EMU_OK)
        emu_snapshot_free(r);
    else
        ck_assert_ptr_null(r);
    ck_assert(st == EMU_OK || err[0]);
    return st;
}

START_TEST(test_snapshot_damaged_files_are_refused)
{
    emu_machine *m = test_machine(64, 1);
    workload(m);
    tu_step(m, 3000);
    emu_snapshot *s = take(m);
    char path[256], bad[256];
    tmp_path(path, sizeof(path), "good.snap");
    tmp_path(bad, sizeof(bad), "bad.snap");
    ck_assert_int_eq(emu_snapshot_write(s, path, NULL, 0), EMU_OK);
    size_t len;
    uint8_t *b = slurp(path, &len);
    ck_assert_int_eq(read_back(path), EMU_OK);
    /* truncated anywhere */
    const size_t cuts[] = {0, 1, 8, 20, 43, 44, 100, len / 2, len - 5,
                           len - 4, len - 1};
    for (size_t i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
        spill(bad, b, cuts[i]);
        ck_assert_msg(read_back(bad) == EMU_ERR_FORMAT, "cut at %zu",
                      cuts[i]);
    }
    /* a bit flipped anywhere: header, state, page index, page, checksum */
    uint64_t seed = 42;
    for (unsigned k = 0; k < 64; k++) {
        size_t at = k < 48 ? k : (size_t)(tu_rand(&seed) % len);
        b[at] ^= (uint8_t)(1u << (k % 8));
        spill(bad, b, len);
        ck_assert_msg(read_back(bad) == EMU_ERR_FORMAT, "bit at %zu", at);
        b[at] ^= (uint8_t)(1u << (k % 8));
    }
    /* a byte too many */
    uint8_t *longer = malloc(len + 1);
    memcpy(longer, b, len);
    longer[len] = 0;
    spill(bad, longer, len + 1);
    ck_assert_int_eq(read_back(bad), EMU_ERR_FORMAT);
    free(longer);
    /* another version, even with a right checksum, is refused by name */
    b[8] = 2;
    spill(bad, b, len);
    char err[256] = "";
    emu_snapshot *r = NULL;
    ck_assert_int_eq(emu_snapshot_read(bad, &r, err, sizeof(err)),
                     EMU_ERR_FORMAT);
    ck_assert_ptr_nonnull(strstr(err, "version"));
    unlink(bad);
    unlink(path);
    free(b);
    emu_snapshot_free(s);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_snapshot_pages_are_shared_and_zero_pages_free)
{
    emu_machine *m = test_machine(64, 1);
    workload(m);
    tu_step(m, 20000); /* writes DATA_PAGES pages */
    emu_snapshot *a = NULL, *b = NULL, *c = NULL;
    ck_assert_int_eq(snapshot_take(m, NULL, &a), EMU_OK);
    /* 16 MiB of RAM, of which 257 pages are not zero */
    size_t one = emu_snapshot_size(a);
    ck_assert_uint_gt(one, 257 * 4096);
    ck_assert_uint_lt(one, 300 * 4096);
    uint8_t byte = 0x5a;
    ck_assert_int_eq(emu_mem_write(m, TU_RAM_BASE + 0x10000 + 5 * 4096 + 7,
                                   &byte, 1),
                     EMU_OK);
    ck_assert_int_eq(snapshot_take(m, a, &b), EMU_OK);
    uint64_t shared = 0;
    for (uint64_t i = 0; i < snapshot_pages(a); i++)
        shared += snapshot_page_shared(a, b, i);
    ck_assert_uint_eq(shared, 257 - 1);
    ck_assert(!snapshot_page_shared(a, b, 0x15));
    /* the two hold little more than one */
    size_t two = emu_snapshot_size(a) + emu_snapshot_size(b);
    ck_assert_uint_lt(two, one + 2 * 4096 + 2 * (one - 257 * 4096));
    ck_assert_uint_lt(emu_snapshot_size(a), one);
    /* freeing the first keeps the pages the second shares */
    emu_snapshot_free(a);
    ck_assert_int_eq(snapshot_take(m, b, &c), EMU_OK);
    tu_step(m, 1000);
    restore(m, b);
    assert_machine_is(m, c);
    emu_snapshot_free(b);
    restore(m, c);
    assert_machine_is(m, c);
    emu_snapshot_free(c);
    emu_machine_free(m);
}
END_TEST

/* ---- the virt board, devices mid-operation ---- */

static void w32(emu_machine *m, uint64_t pa, uint32_t v)
{
    ck_assert(bus_write(&m->bus, pa, 4, v));
}

static uint64_t rd(emu_machine *m, uint64_t pa, unsigned size)
{
    uint64_t v = 0;
    ck_assert(bus_read(&m->bus, pa, size, &v));
    return v;
}

typedef struct virt_rig {
    emu_machine *m;
    vd con, kbd;
} virt_rig;

static emu_machine *virt_machine(void)
{
    emu_machine *m = vd_machine();
    ck_assert_int_eq(emu_device_add(m, "console", NULL), EMU_OK);
    ck_assert_int_eq(emu_device_add(m, "keyboard", NULL), EMU_OK);
    ck_assert_int_eq(emu_device_add(m, "rng", NULL), EMU_OK);
    return m;
}

/* Devices in the middle of things: UART bytes waiting with its interrupt
 * pending at the PLIC, an RTC alarm armed, console input half delivered,
 * keyboard events queued, timer interrupts in flight. */
static void virt_setup(virt_rig *r)
{
    emu_machine *m = r->m = virt_machine();
    workload(m);
    tu_step(m, 2000);
    ck_assert(bus_write(&m->bus, UART + 1, 1, 1)); /* IER: rx data */
    ck_assert(bus_write(&m->bus, UART + 2, 1, 0xc1)); /* FIFO, trigger 14 */
    /* UART (10) and RTC (11) to hart 0's S context: pending, not taken */
    w32(m, PLIC + 4 * 10, 3);
    w32(m, PLIC + 4 * 11, 2);
    w32(m, PLIC + 0x2000 + 0x80 * 1, 3u << 10);
    uint64_t now = rd(m, RTC, 4) | rd(m, RTC + 4, 4) << 32;
    w32(m, RTC + 0x0c, (uint32_t)((now + 20000) >> 32));
    w32(m, RTC + 0x08, (uint32_t)(now + 20000)); /* 20 us from now */
    w32(m, RTC + 0x10, 1);
    /* rings and buffers apart from each other and the workload's data */
    vd_attach(&r->con, m, 0);
    r->con.heap = TU_RAM_BASE + (4 << 20);
    vd_init(&r->con, VD_F_VERSION_1 | VD_F_EVENT_IDX, 2, 16);
    vd_attach(&r->kbd, m, 1);
    r->kbd.heap = TU_RAM_BASE + (6 << 20);
    vd_init(&r->kbd, VD_F_VERSION_1, 2, 16);
    uint64_t buf = vd_alloc(&r->con, 4, 4);
    vd_submit(&r->con, 0, &(vd_buf){buf, 4, true}, 1);
    ck_assert_uint_eq(emu_console_input(m, "hello, world", 12), 12);
    ck_assert_int_eq(emu_input_event(m, 1, 30, 1), EMU_OK);
    ck_assert_int_eq(emu_input_event(m, 0, 0, 0), EMU_OK);
    ck_assert(m->harts[0]->mip & RV_MIP_SEIP);
    tu_step(m, 3001);
}

/* What the guest sees next, as text; the machine is then run on. */
static void virt_more(virt_rig *r, char *log, size_t len)
{
    emu_machine *m = r->m;
    size_t n = 0;
    n += (size_t)snprintf(log + n, len - n, "seip %d;",
                          !!(m->harts[0]->mip & RV_MIP_SEIP));
    n += (size_t)snprintf(log + n, len - n, "claim %u;",
                          (unsigned)rd(m, PLIC + 0x201004, 4));
    for (int i = 0; i < 3; i++)
        n += (size_t)snprintf(log + n, len - n, "rbr %c;",
                              (char)rd(m, UART, 1));
    n += (size_t)snprintf(log + n, len - n, "lsr %x;",
                          (unsigned)rd(m, UART + 5, 1));
    uint32_t id, l;
    ck_assert(vd_get_used(&r->con, 0, &id, &l));
    uint64_t buf = vd_alloc(&r->con, 16, 4);
    vd_submit(&r->con, 0, &(vd_buf){buf, 16, true}, 1);
    ck_assert(vd_get_used(&r->con, 0, &id, &l));
    char text[17] = "";
    vd_read(&r->con, buf, text, l < 16 ? l : 16);
    n += (size_t)snprintf(log + n, len - n, "console %u '%s';", l, text);
    uint64_t ev = vd_alloc(&r->kbd, 8, 8);
    vd_submit(&r->kbd, 0, &(vd_buf){ev, 8, true}, 1);
    uint8_t e[8] = {0};
    ck_assert(vd_get_used(&r->kbd, 0, &id, &l));
    vd_read(&r->kbd, ev, e, 8);
    n += (size_t)snprintf(log + n, len - n, "key %u %u;", e[0], e[2]);
    tu_step(m, 30000); /* the RTC alarm fires in here */
    n += (size_t)snprintf(log + n, len - n, "rtc %llx alarm %u;",
                          (unsigned long long)(rd(m, RTC, 4) |
                                               rd(m, RTC + 4, 4) << 32),
                          (unsigned)rd(m, RTC + 0x18, 4));
    n += (size_t)snprintf(log + n, len - n, "claim %u;",
                          (unsigned)rd(m, PLIC + 0x201004, 4));
    snprintf(log + n, len - n, "irqs %llu",
             (unsigned long long)m->harts[0]->interrupts);
}

START_TEST(test_snapshot_virt_devices_mid_operation)
{
    virt_rig a;
    virt_setup(&a);
    emu_snapshot *s = take(a.m);
    virt_rig saved = a;
    char want[512], got[512];
    virt_more(&a, want, sizeof(want));
    emu_snapshot *after = take(a.m);
    ck_assert_msg(strstr(want, "console 8 'o, world'") &&
                      strstr(want, "rbr h;rbr e;rbr l;") &&
                      strstr(want, "claim 10;") && strstr(want, "key 1 30") &&
                      strstr(want, "claim 11;"),
                  "the rig does not exercise the devices: %s", want);

    /* the same machine, back in time */
    virt_rig b = saved;
    restore(b.m, s);
    virt_more(&b, got, sizeof(got));
    ck_assert_str_eq(got, want);
    assert_machine_is(b.m, after);

    /* a new machine with the same devices, started at another host time */
    virt_rig c = saved;
    c.m = virt_machine();
    c.con.m = c.kbd.m = c.m;
    restore(c.m, s);
    virt_more(&c, got, sizeof(got));
    ck_assert_str_eq(got, want);
    assert_machine_is(c.m, after);

    emu_machine_free(c.m);
    emu_snapshot_free(s);
    emu_snapshot_free(after);
    emu_machine_free(a.m);
}
END_TEST

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Not a limit, a figure: the time to save and restore 128 MiB of RAM that
 * is all in use, printed for docs/snapshots.md. */
START_TEST(test_snapshot_timing_of_128_mib)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    emu_machine *m = tu_machine_cfg(&cfg);
    uint64_t seed = 1;
    for (uint64_t off = 0; off < cfg.ram_size; off += 4096) {
        uint64_t v = tu_rand(&seed);
        ck_assert_int_eq(emu_mem_write(m, cfg.ram_base + off, &v, 8), EMU_OK);
    }
    /* the first allocation of a process may wait for the kernel to make
     * huge pages; later ones show the steady state */
    for (int round = 0; round < 3; round++) {
        double t0 = now_ms();
        emu_snapshot *a = take(m);
        double t1 = now_ms();
        emu_snapshot *b = NULL;
        ck_assert_int_eq(snapshot_take(m, a, &b), EMU_OK);
        double t2 = now_ms();
        restore(m, a);
        double t3 = now_ms();
        fprintf(stderr,
                "snapshot of 128 MiB in use: save %.1f ms, save sharing "
                "with the previous %.1f ms, restore %.1f ms; %zu + %zu "
                "bytes\n",
                t1 - t0, t2 - t1, t3 - t2, emu_snapshot_size(a),
                emu_snapshot_size(b));
        emu_snapshot_free(a);
        emu_snapshot_free(b);
    }
    emu_machine_free(m);
}
END_TEST

static Suite *snapshot_suite(void)
{
    Suite *s = suite_create("snapshot");
    TCase *tc = tcase_create("snapshot");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_snapshot_restored_machine_continues_identically,
                        0, 2);
    tcase_add_test(tc, test_snapshot_mid_round_multi_hart_continues_identically);
    tcase_add_test(tc, test_snapshot_keeps_lr_reservation_and_wfi);
    tcase_add_test(tc, test_step_clock_stays_in_range);
    tcase_add_test(tc, test_snapshot_other_machine_is_refused_and_left_alone);
    tcase_add_test(tc, test_snapshot_file_round_trip);
    tcase_add_test(tc, test_snapshot_damaged_files_are_refused);
    tcase_add_test(tc, test_snapshot_pages_are_shared_and_zero_pages_free);
    tcase_add_test(tc, test_snapshot_virt_devices_mid_operation);
    tcase_add_test(tc, test_snapshot_timing_of_128_mib);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(snapshot_suite()); }
