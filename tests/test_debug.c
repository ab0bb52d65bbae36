/*
 * The debugger core (libemu/debug.h): runs that resume exactly, breakpoints,
 * single steps, watchpoints, hooks, commit records, memory by virtual
 * address, and reverse execution.
 */
#include <stdlib.h>
#include <string.h>

#include "libemu/debug.h"
#include "libemu/snapshot.h"
#include "testutil.h"

#define B TU_RAM_BASE
#define DATA TU_CL_DATA
#define LOOP TU_CL_LOOP
#define STORE TU_CL_STORE
#define LOAD TU_CL_LOAD
#define ECALL TU_CL_ECALL
#define HANDLER TU_CL_HANDLER


static emu_machine *program_machine(unsigned harts)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_size = TU_RAM_SIZE;
    cfg.harts = harts;
    emu_machine *m = tu_machine_cfg(&cfg);
    tu_load_counting_loop(m);
    return m;
}

static uint64_t reg(emu_machine *m, unsigned hart, unsigned num)
{
    uint64_t v;
    ck_assert_int_eq(emu_reg_read_num(m, hart, num, &v), EMU_OK);
    return v;
}

static emu_exit run(emu_machine *m, uint64_t n)
{
    emu_exit e;
    ck_assert_int_eq(emu_run(m, n, &e), EMU_OK);
    return e;
}

/* Everything a run leaves behind that these tests compare. */
typedef struct state {
    uint64_t x[2][32], pc[2], instret[2], data;
} state;

static void capture(emu_machine *m, state *s)
{
    memset(s, 0, sizeof(*s));
    for (unsigned h = 0; h < emu_hart_count(m); h++) {
        for (unsigned r = 0; r < 32; r++)
            s->x[h][r] = reg(m, h, r);
        s->pc[h] = reg(m, h, EMU_REG_PC);
        s->instret[h] = reg(m, h, EMU_REG_CSR + CSR_MINSTRET);
    }
    s->data = tu_read32(m, DATA);
}

START_TEST(test_split_run_equals_whole_run)
{
    /* two harts share DATA: how their turns interleave shows in it */
    emu_machine *a = program_machine(2), *b = program_machine(2);
    uint64_t total = 123457;
    ck_assert_int_eq(run(a, total).reason, EMU_EXIT_BUDGET);
    uint64_t seed = 99, done = 0;
    while (done < total) {
        uint64_t n = 1 + tu_rand(&seed) % 5000;
        if (n > total - done)
            n = total - done;
        ck_assert_int_eq(run(b, n).reason, EMU_EXIT_BUDGET);
        done += n;
    }
    state sa, sb;
    capture(a, &sa);
    capture(b, &sb);
    ck_assert_mem_eq(&sa, &sb, sizeof(sa));
    emu_machine_free(a);
    emu_machine_free(b);
}
END_TEST

START_TEST(test_breakpoint_stops_before_the_instruction)
{
    emu_machine *m = program_machine(1);
    ck_assert_int_eq(emu_breakpoint_add(m, STORE), EMU_OK);
    ck_assert_int_eq(emu_breakpoint_add(m, STORE), EMU_OK); /* twice is fine */
    emu_exit e = run(m, 1000);
    ck_assert_int_eq(e.reason, EMU_EXIT_DEBUG);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_BREAKPOINT);
    ck_assert_uint_eq(e.pc, STORE);
    ck_assert_uint_eq(reg(m, 0, A0), 1);
    ck_assert_uint_eq(tu_read32(m, DATA), 0); /* the store has not run */
    /* running again stops at once: the hart stands on the breakpoint */
    e = run(m, 1000);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_BREAKPOINT);
    ck_assert_uint_eq(reg(m, 0, A0), 1);
    /* passing it once reaches it again on the next iteration */
    ck_assert_int_eq(emu_run_from_breakpoint(m, 0, 1000, &e), EMU_OK);
    ck_assert_int_eq(e.reason, EMU_EXIT_DEBUG);
    ck_assert_uint_eq(e.pc, STORE);
    ck_assert_uint_eq(reg(m, 0, A0), 2);
    ck_assert_uint_eq(tu_read32(m, DATA), 1);
    ck_assert_int_eq(emu_breakpoint_remove(m, STORE), EMU_OK);
    ck_assert_int_eq(emu_breakpoint_remove(m, STORE), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(run(m, 1000).reason, EMU_EXIT_BUDGET);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_step_enters_the_trap_handler)
{
    emu_machine *m = program_machine(1);
    ck_assert_int_eq(emu_breakpoint_add(m, ECALL), EMU_OK);
    ck_assert_uint_eq(run(m, 1000).pc, ECALL);
    emu_exit e;
    /* the step passes the breakpoint the hart stands on */
    ck_assert_int_eq(emu_step(m, 0, &e), EMU_OK);
    ck_assert_int_eq(e.reason, EMU_EXIT_DEBUG);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_STEP);
    ck_assert_uint_eq(e.pc, HANDLER);
    ck_assert_uint_eq(reg(m, 0, EMU_REG_CSR + CSR_MCAUSE), 11);
    ck_assert_int_eq(emu_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(e.pc, HANDLER + 4);
    ck_assert_uint_eq(reg(m, 0, T3), ECALL);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(emu_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(e.pc, ECALL + 4); /* after mret */
    ck_assert_int_eq(emu_step(m, 9, &e), EMU_ERR_INVALID);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_step_of_one_hart_lets_the_others_run)
{
    emu_machine *m = program_machine(2);
    emu_exit e;
    /* a step of hart 1 completes however the turns fall */
    for (int i = 0; i < 50; i++) {
        uint64_t before = reg(m, 1, EMU_REG_CSR + CSR_MINSTRET) +
                          reg(m, 1, EMU_REG_PC);
        ck_assert_int_eq(emu_step(m, 1, &e), EMU_OK);
        ck_assert_int_eq(e.reason, EMU_EXIT_DEBUG);
        ck_assert_uint_eq(e.hart, 1);
        ck_assert_uint_ne(before, reg(m, 1, EMU_REG_CSR + CSR_MINSTRET) +
                                      reg(m, 1, EMU_REG_PC));
    }
    emu_machine_free(m);
}
END_TEST

START_TEST(test_write_watchpoint_stops_after_the_store)
{
    emu_machine *m = program_machine(1);
    ck_assert_int_eq(emu_watchpoint_add(m, DATA, 4, EMU_WATCH_WRITE), EMU_OK);
    emu_exit e = run(m, 1000);
    ck_assert_int_eq(e.reason, EMU_EXIT_DEBUG);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_WATCHPOINT);
    ck_assert_uint_eq(e.addr, DATA);
    ck_assert_uint_eq(e.watch, EMU_WATCH_WRITE);
    ck_assert_uint_eq(e.pc, LOAD);
    ck_assert_uint_eq(tu_read32(m, DATA), 1);
    /* the load of the same word does not stop a write watchpoint */
    e = run(m, 1000);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_WATCHPOINT);
    ck_assert_uint_eq(e.pc, LOAD);
    ck_assert_uint_eq(tu_read32(m, DATA), 2);
    ck_assert_int_eq(emu_watchpoint_remove(m, DATA, 4, EMU_WATCH_WRITE), EMU_OK);
    ck_assert_int_eq(emu_watchpoint_remove(m, DATA, 4, EMU_WATCH_WRITE),
                     EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(run(m, 1000).reason, EMU_EXIT_BUDGET);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_read_and_access_watchpoints)
{
    emu_machine *m = program_machine(1);
    /* a one-byte watch inside the word the load reads */
    ck_assert_int_eq(emu_watchpoint_add(m, DATA + 2, 1, EMU_WATCH_READ), EMU_OK);
    emu_exit e = run(m, 1000);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_WATCHPOINT);
    ck_assert_uint_eq(e.watch, EMU_WATCH_READ);
    ck_assert_uint_eq(e.addr, DATA + 2);
    ck_assert_uint_eq(e.pc, ECALL);
    ck_assert_uint_eq(reg(m, 0, A1), 1);
    emu_debug_clear(m);
    ck_assert_int_eq(emu_watchpoint_add(m, DATA, 8, EMU_WATCH_ACCESS), EMU_OK);
    e = run(m, 1000);
    ck_assert_uint_eq(e.watch, EMU_WATCH_ACCESS);
    ck_assert_uint_eq(e.pc, LOAD); /* the store */
    e = run(m, 1000);
    ck_assert_uint_eq(e.pc, ECALL); /* the load */
    /* next to the word, nothing stops */
    emu_debug_clear(m);
    ck_assert_int_eq(emu_watchpoint_add(m, DATA + 4, 4, EMU_WATCH_ACCESS), EMU_OK);
    ck_assert_int_eq(run(m, 1000).reason, EMU_EXIT_BUDGET);
    ck_assert_int_eq(emu_watchpoint_add(m, DATA, 0, EMU_WATCH_WRITE),
                     EMU_ERR_INVALID);
    emu_machine_free(m);
}
END_TEST

typedef struct counts {
    unsigned code, code_in_range, stores, loads, traps, csrs;
    uint64_t last_store, trap_cause, trap_epc, csr_num, csr_new;
} counts;

static void on_code(void *ctx, unsigned hart, uint64_t pc, uint32_t insn,
                    unsigned len)
{
    counts *c = ctx;
    (void)hart;
    c->code++;
    if (pc == STORE)
        ck_assert_uint_eq(insn, tu_sw(A0, T2, 0));
    ck_assert_uint_eq(len, 4);
}

static void on_code_range(void *ctx, unsigned hart, uint64_t pc, uint32_t insn,
                          unsigned len)
{
    (void)hart, (void)insn, (void)len;
    ck_assert(pc >= HANDLER && pc <= HANDLER + 12);
    ((counts *)ctx)->code_in_range++;
}

static void on_mem(void *ctx, unsigned hart, uint64_t va, uint64_t pa,
                   unsigned size, uint64_t value, bool write)
{
    counts *c = ctx;
    (void)hart;
    ck_assert_uint_eq(va, DATA);
    ck_assert_uint_eq(pa, DATA);
    ck_assert_uint_eq(size, 4);
    if (write) {
        c->stores++;
        c->last_store = value;
    } else {
        c->loads++;
        ck_assert_uint_eq(value, c->last_store);
    }
}

static void on_trap(void *ctx, unsigned hart, uint64_t cause, bool irq,
                    uint64_t tval, uint64_t epc, unsigned to)
{
    counts *c = ctx;
    (void)hart, (void)tval;
    ck_assert(!irq);
    ck_assert_uint_eq(to, 3);
    c->traps++;
    c->trap_cause = cause;
    c->trap_epc = epc;
}

static void on_csr(void *ctx, unsigned hart, unsigned csr, uint64_t old_value,
                   uint64_t new_value, bool write)
{
    counts *c = ctx;
    (void)hart, (void)old_value;
    if (write) {
        c->csrs++;
        c->csr_num = csr;
        c->csr_new = new_value;
    }
}

START_TEST(test_hooks_see_code_memory_traps_and_csrs)
{
    emu_machine *m = program_machine(1);
    counts c = {0};
    int ids[5];
    ck_assert_int_eq(emu_hook_code(m, 0, UINT64_MAX, on_code, &c, &ids[0]), EMU_OK);
    ck_assert_int_eq(emu_hook_code(m, HANDLER, HANDLER + 12, on_code_range, &c,
                                   &ids[1]), EMU_OK);
    ck_assert_int_eq(emu_hook_mem(m, DATA, DATA, on_mem, &c, &ids[2]), EMU_OK);
    ck_assert_int_eq(emu_hook_trap(m, on_trap, &c, &ids[3]), EMU_OK);
    ck_assert_int_eq(emu_hook_csr(m, on_csr, &c, &ids[4]), EMU_OK);
    /* 5 set-up instructions, then 9 per iteration (5 in the loop, the
     * ecall that traps, 4 in the handler) */
    ck_assert_int_eq(run(m, 5 + 9 * 10).reason, EMU_EXIT_BUDGET);
    ck_assert_uint_eq(c.code, 5 + 9 * 10);
    ck_assert_uint_eq(c.code_in_range, 4 * 10);
    ck_assert_uint_eq(c.stores, 10);
    ck_assert_uint_eq(c.loads, 10);
    ck_assert_uint_eq(c.last_store, 10);
    ck_assert_uint_eq(c.traps, 10);
    ck_assert_uint_eq(c.trap_cause, 11);
    ck_assert_uint_eq(c.trap_epc, ECALL);
    ck_assert_uint_eq(c.csrs, 1 + 10); /* mtvec, then mepc each time */
    ck_assert_uint_eq(c.csr_num, CSR_MEPC);
    ck_assert_uint_eq(c.csr_new, ECALL + 4);
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(emu_hook_remove(m, ids[i]), EMU_OK);
    ck_assert_int_eq(emu_hook_remove(m, ids[0]), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(run(m, 100).reason, EMU_EXIT_BUDGET);
    ck_assert_uint_eq(c.code, 5 + 9 * 10);
    emu_machine_free(m);
}
END_TEST

static emu_commit commits[64];
static unsigned ncommits;

static void on_commit(void *ctx, const emu_commit *c)
{
    (void)ctx;
    if (ncommits < 64)
        commits[ncommits++] = *c;
}

START_TEST(test_commit_records_list_what_changed)
{
    emu_machine *m = program_machine(1);
    ncommits = 0;
    emu_set_commit_hook(m, on_commit, NULL);
    ck_assert_int_eq(run(m, 14).reason, EMU_EXIT_BUDGET);
    /* the ecall traps: 13 records for 14 steps */
    ck_assert_uint_eq(ncommits, 13);
    const emu_commit *c = &commits[0]; /* auipc t0 */
    ck_assert_uint_eq(c->pc, B);
    ck_assert_uint_eq(c->priv, 3);
    ck_assert_uint_eq(c->xlen, 64);
    ck_assert_uint_eq(c->len, 4);
    ck_assert_uint_eq(c->nregs, 1);
    ck_assert_uint_eq(c->regs[0].num, T0);
    ck_assert_uint_eq(c->regs[0].value, B);
    c = &commits[2]; /* csrw mtvec, t1: the CSR, not x0 */
    ck_assert_uint_eq(c->nregs, 1);
    ck_assert_uint_eq(c->regs[0].num, EMU_REG_CSR + CSR_MTVEC);
    ck_assert_uint_eq(c->regs[0].value, HANDLER);
    c = &commits[6]; /* sw a0, 0(t2) */
    ck_assert_uint_eq(c->pc, STORE);
    ck_assert_uint_eq(c->nregs, 0);
    ck_assert_uint_eq(c->nwrites, 1);
    ck_assert_uint_eq(c->writes[0].addr, DATA);
    ck_assert_uint_eq(c->writes[0].size, 4);
    ck_assert_uint_eq(c->writes[0].value, 1);
    c = &commits[7]; /* lw a1, 0(t2) */
    ck_assert_uint_eq(c->nreads, 1);
    ck_assert_uint_eq(c->reads[0], DATA);
    ck_assert_uint_eq(c->regs[0].num, A1);
    ck_assert_uint_eq(c->regs[0].value, 1);
    c = &commits[8]; /* the handler's csrr t3, mepc: after the ecall */
    ck_assert_uint_eq(c->pc, HANDLER);
    ck_assert_uint_eq(c->regs[0].value, ECALL);
    c = &commits[11]; /* mret changes mstatus */
    ck_assert_uint_eq(c->pc, HANDLER + 12);
    ck_assert_uint_eq(c->nregs, 1);
    ck_assert_uint_eq(c->regs[0].num, EMU_REG_CSR + CSR_MSTATUS);
    emu_set_commit_hook(m, NULL, NULL);
    ck_assert_int_eq(run(m, 10).reason, EMU_EXIT_BUDGET);
    ck_assert_uint_eq(ncommits, 13);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_memory_by_virtual_address)
{
    emu_machine *m = program_machine(1);
    uint32_t w;
    size_t done = 99;
    ck_assert_int_eq(emu_mem_read_virt(m, 0, B, &w, 4, &done), EMU_OK);
    ck_assert_uint_eq(done, 4);
    ck_assert_uint_eq(w, tu_auipc(T0, 0));
    w = 0x12345678;
    ck_assert_int_eq(emu_mem_write_virt(m, 0, DATA, &w, 4, NULL), EMU_OK);
    ck_assert_uint_eq(tu_read32(m, DATA), 0x12345678);
    /* a range running off RAM copies what it can */
    uint8_t buf[8];
    uint64_t end = B + TU_RAM_SIZE;
    ck_assert_int_eq(emu_mem_read_virt(m, 0, end - 2, buf, 8, &done),
                     EMU_ERR_RANGE);
    ck_assert_uint_eq(done, 2);
    ck_assert_int_eq(emu_mem_read_virt(m, 0, 0x1000, buf, 1, &done),
                     EMU_ERR_RANGE);
    ck_assert_uint_eq(done, 0);
    /* a write into code is seen by the next fetch */
    ck_assert_int_eq(run(m, 20).reason, EMU_EXIT_BUDGET);
    uint32_t add2 = tu_addi(A0, A0, 2);
    ck_assert_int_eq(emu_mem_write_virt(m, 0, LOOP, &add2, 4, NULL), EMU_OK);
    ck_assert_int_eq(emu_breakpoint_add(m, STORE), EMU_OK);
    uint64_t a0 = reg(m, 0, A0);
    ck_assert_uint_eq(run(m, 100).pc, STORE);
    ck_assert_uint_eq(reg(m, 0, A0), a0 + 2);
    emu_machine_free(m);
}
END_TEST

/* Sv39 in S mode: virtual page 0x1000 maps to B + 0x3000, U-only. */
START_TEST(test_virtual_reads_translate_and_ignore_permissions)
{
    emu_machine *m = tu_machine(64);
    uint64_t root = B + 0x10000, l1 = B + 0x11000, l0 = B + 0x12000;
    tu_write64(m, root, ((l1 >> 12) << 10) | 1);
    tu_write64(m, l1, ((l0 >> 12) << 10) | 1);
    /* V R W U A D, no X */
    tu_write64(m, l0 + 8, (((B + 0x3000) >> 12) << 10) | 0xd7);
    tu_write64(m, B + 0x3008, 0x1122334455667788ull);
    tu_pmp_allow_all(m);
    tu_set_csr(m, CSR_SATP, (8ull << 60) | (root >> 12));
    tu_set_priv(m, 1); /* S mode, SUM clear: the page is not its to read */
    uint64_t pa, v;
    ck_assert_int_eq(emu_translate(m, 0, 0x1008, &pa), EMU_OK);
    ck_assert_uint_eq(pa, B + 0x3008);
    ck_assert_int_eq(emu_mem_read_virt(m, 0, 0x1008, &v, 8, NULL), EMU_OK);
    ck_assert_uint_eq(v, 0x1122334455667788ull);
    ck_assert_int_eq(emu_translate(m, 0, 0x2000, &pa), EMU_ERR_RANGE);
    /* M mode sees physical addresses */
    tu_set_priv(m, 3);
    ck_assert_int_eq(emu_translate(m, 0, 0x1008, &pa), EMU_OK);
    ck_assert_uint_eq(pa, 0x1008);
    emu_machine_free(m);
}
END_TEST

/* ---- reverse execution ---- */

static void record(emu_machine *m, uint64_t interval)
{
    emu_history_config hc = {.interval = interval};
    ck_assert_int_eq(emu_history_enable(m, &hc), EMU_OK);
    ck_assert(emu_history_enabled(m));
}

START_TEST(test_reverse_step_undoes_a_store)
{
    emu_machine *m = program_machine(1);
    record(m, 50);
    ck_assert_int_eq(emu_watchpoint_add(m, DATA, 4, EMU_WATCH_WRITE), EMU_OK);
    emu_exit e;
    for (int i = 0; i < 20; i++)
        e = run(m, 1000);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_WATCHPOINT);
    ck_assert_uint_eq(tu_read32(m, DATA), 20);
    emu_debug_clear(m);
    /* back over the store: the old value is in memory again */
    ck_assert_int_eq(emu_reverse_step(m, 0, &e), EMU_OK);
    ck_assert_int_eq(e.reason, EMU_EXIT_DEBUG);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_STEP);
    ck_assert_uint_eq(e.pc, STORE);
    ck_assert_uint_eq(reg(m, 0, EMU_REG_PC), STORE);
    ck_assert_uint_eq(tu_read32(m, DATA), 19);
    ck_assert_uint_eq(reg(m, 0, A0), 20);
    /* and over the increment before it */
    ck_assert_int_eq(emu_reverse_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(e.pc, LOOP);
    ck_assert_uint_eq(reg(m, 0, A0), 19);
    /* forward again: the same store happens */
    ck_assert_int_eq(emu_step(m, 0, &e), EMU_OK);
    ck_assert_int_eq(emu_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(tu_read32(m, DATA), 20);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_reverse_step_over_a_trap)
{
    emu_machine *m = program_machine(1);
    record(m, 7);
    ck_assert_int_eq(emu_breakpoint_add(m, HANDLER), EMU_OK);
    emu_exit e = run(m, 1000);
    ck_assert_uint_eq(e.pc, HANDLER);
    /* the step before the handler is the ecall that trapped */
    ck_assert_int_eq(emu_reverse_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_STEP);
    ck_assert_uint_eq(e.pc, ECALL);
    ck_assert_uint_eq(reg(m, 0, EMU_REG_PRIV), 3);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_reverse_continue_to_breakpoints_and_watchpoints)
{
    emu_machine *m = program_machine(1);
    record(m, 64);
    ck_assert_int_eq(emu_breakpoint_add(m, ECALL), EMU_OK);
    emu_exit e = run(m, 1000);
    for (int i = 1; i < 30; i++)
        ck_assert_int_eq(emu_run_from_breakpoint(m, 0, 1000, &e), EMU_OK);
    ck_assert_uint_eq(e.pc, ECALL);
    ck_assert_uint_eq(reg(m, 0, A0), 30);
    ck_assert_int_eq(emu_reverse_continue(m, &e), EMU_OK);
    ck_assert_int_eq(e.reason, EMU_EXIT_DEBUG);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_BREAKPOINT);
    ck_assert_uint_eq(e.pc, ECALL);
    ck_assert_uint_eq(reg(m, 0, A0), 29);
    ck_assert_int_eq(emu_reverse_continue(m, &e), EMU_OK);
    ck_assert_uint_eq(reg(m, 0, A0), 28);
    /* a watchpoint: reported before the store that hit it */
    ck_assert_int_eq(emu_breakpoint_remove(m, ECALL), EMU_OK);
    ck_assert_int_eq(emu_watchpoint_add(m, DATA, 4, EMU_WATCH_WRITE), EMU_OK);
    ck_assert_int_eq(emu_reverse_continue(m, &e), EMU_OK);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_WATCHPOINT);
    ck_assert_uint_eq(e.addr, DATA);
    ck_assert_uint_eq(e.pc, STORE);
    ck_assert_uint_eq(reg(m, 0, A0), 28);
    ck_assert_uint_eq(tu_read32(m, DATA), 27);
    /* with nothing to stop at, back to where recording began */
    emu_debug_clear(m);
    ck_assert_int_eq(emu_reverse_continue(m, &e), EMU_OK);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_HISTORY_START);
    ck_assert_uint_eq(e.pc, B);
    ck_assert_int_eq(emu_reverse_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_HISTORY_START);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_reverse_then_forward_repeats_the_run)
{
    emu_machine *a = program_machine(2), *b = program_machine(2);
    record(a, 100);
    /* turns are 10 000 steps: hart 0 runs steps 0-9999 of the machine,
     * hart 1 10 000-19 999, hart 0 again from 20 000 */
    ck_assert_int_eq(run(a, 25000).reason, EMU_EXIT_BUDGET);
    emu_exit e;
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(emu_reverse_step(a, 0, &e), EMU_OK);
        ck_assert_uint_eq(e.debug, EMU_DEBUG_STEP);
    }
    /* hart 1's last step was the machine's step 19 999: going back before
     * it undoes hart 0's later steps too */
    ck_assert_int_eq(emu_reverse_step(a, 1, &e), EMU_OK);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_STEP);
    ck_assert_uint_eq(e.hart, 1);
    /* b runs straight to the same point; both run on alike */
    ck_assert_int_eq(run(b, 19999).reason, EMU_EXIT_BUDGET);
    state sa, sb;
    capture(a, &sa);
    capture(b, &sb);
    ck_assert_mem_eq(&sa, &sb, sizeof(sa));
    ck_assert_int_eq(run(a, 3001).reason, EMU_EXIT_BUDGET);
    ck_assert_int_eq(run(b, 3001).reason, EMU_EXIT_BUDGET);
    capture(a, &sa);
    capture(b, &sb);
    ck_assert_mem_eq(&sa, &sb, sizeof(sa));
    emu_machine_free(a);
    emu_machine_free(b);
}
END_TEST

START_TEST(test_history_stays_within_its_memory_bound)
{
    emu_machine *m = program_machine(1);
    emu_exit e;
    /* a snapshot (some 40 KB here) every 100 steps would hold 8 MB over
     * this run; thinned to 1 MiB, going back still works */
    emu_history_config hc = {.interval = 100, .max_bytes = 1 << 20};
    ck_assert_int_eq(emu_history_enable(m, &hc), EMU_OK);
    ck_assert_int_eq(run(m, 20000).reason, EMU_EXIT_BUDGET);
    ck_assert_int_eq(emu_reverse_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_STEP);
    ck_assert_int_eq(emu_reverse_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_STEP);
    /* a register write starts history again from here */
    tu_set_x(m, A0, 1000);
    ck_assert_int_eq(emu_reverse_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_HISTORY_START);
    ck_assert_uint_eq(reg(m, 0, A0), 1000);
    /* so does restoring a snapshot, though history reaches back past it */
    emu_snapshot *snap;
    ck_assert_int_eq(run(m, 500).reason, EMU_EXIT_BUDGET);
    ck_assert_int_eq(emu_snapshot_save(m, &snap), EMU_OK);
    ck_assert_int_eq(run(m, 500).reason, EMU_EXIT_BUDGET);
    ck_assert_int_eq(emu_snapshot_restore(m, snap), EMU_OK);
    emu_snapshot_free(snap);
    ck_assert_int_eq(emu_reverse_step(m, 0, &e), EMU_OK);
    ck_assert_uint_eq(e.debug, EMU_DEBUG_HISTORY_START);
    emu_history_disable(m);
    ck_assert(!emu_history_enabled(m));
    ck_assert_int_eq(emu_reverse_step(m, 0, &e), EMU_ERR_UNSUPPORTED);
    emu_machine_free(m);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("debug");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_split_run_equals_whole_run);
    tcase_add_test(tc, test_breakpoint_stops_before_the_instruction);
    tcase_add_test(tc, test_step_enters_the_trap_handler);
    tcase_add_test(tc, test_step_of_one_hart_lets_the_others_run);
    tcase_add_test(tc, test_write_watchpoint_stops_after_the_store);
    tcase_add_test(tc, test_read_and_access_watchpoints);
    tcase_add_test(tc, test_hooks_see_code_memory_traps_and_csrs);
    tcase_add_test(tc, test_commit_records_list_what_changed);
    tcase_add_test(tc, test_memory_by_virtual_address);
    tcase_add_test(tc, test_virtual_reads_translate_and_ignore_permissions);
    suite_add_tcase(s, tc);
    tc = tcase_create("reverse");
    tcase_add_test(tc, test_reverse_step_undoes_a_store);
    tcase_add_test(tc, test_reverse_step_over_a_trap);
    tcase_add_test(tc, test_reverse_continue_to_breakpoints_and_watchpoints);
    tcase_add_test(tc, test_reverse_then_forward_repeats_the_run);
    tcase_add_test(tc, test_history_stays_within_its_memory_bound);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
