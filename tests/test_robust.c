/*
 * Robustness: random instruction streams and random CSR state, executed in
 * M, S and U mode on RV32 and RV64. Whatever the guest does, emu_run()
 * must return EMU_OK with a valid exit reason and the architectural state
 * must stay well-formed (x0 = 0, values fit XLEN, priv is U/S/M). Meant to
 * run under ASan/UBSan too. Seeds are fixed; a failure prints its seed.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#define RAM_SIZE (1ull << 20)
#define CODE_BYTES 0x2000    /* random instructions */
#define DATA_BYTES 0x10000   /* random data and page-table-like words */
#define RUNS_PER_XLEN 100
#define BUDGET_PER_RUN 10000 /* 2 x 100 x 10000 = 2 million steps */

static const unsigned opcodes[] = {
    0x03, 0x0f, 0x13, 0x17, 0x1b, 0x23, 0x2f, 0x33, 0x37,
    0x3b, 0x63, 0x67, 0x6f, 0x73, 0x73, 0x73,
};

static const unsigned csrs[] = {
    0x100, 0x104, 0x105, 0x106, 0x140, 0x141, 0x142, 0x143, 0x144, 0x180,
    0x300, 0x301, 0x302, 0x303, 0x304, 0x305, 0x306, 0x310, 0x340, 0x341,
    0x342, 0x343, 0x344, 0x3a0, 0x3a1, 0x3b0, 0x3b1, 0xb00, 0xb02, 0xb80,
    0xb82, 0xc00, 0xc01, 0xc02, 0xc80, 0xf14, 0x7a0, 0x7c0, 0x30a,
};

static const uint32_t system_insns[] = {
    TU_ECALL, TU_EBREAK, TU_MRET, TU_SRET, TU_WFI, TU_SFENCE_VMA, TU_FENCE,
    0x0000100fu, /* fence.i */
};

static uint32_t rand_insn(uint64_t *s)
{
    uint64_t r = tu_rand(s);
    uint32_t hi = (uint32_t)(r >> 32);
    switch (r & 15) {
    case 0: case 1: case 2:
        return hi; /* anything */
    case 3: case 4: /* two compressed halves */
        return (hi & 0xfffcfffcu) | (uint32_t)((r >> 4) % 3) |
               (uint32_t)((r >> 6) % 3) << 16;
    case 5: { /* a CSR instruction on an interesting CSR */
        unsigned f3 = 1 + (unsigned)((r >> 4) % 7);
        if (f3 == 4)
            f3 = 1;
        unsigned csr = csrs[(r >> 8) % (sizeof(csrs) / sizeof(csrs[0]))];
        return tu_csr_insn(f3, (hi >> 7) & 31, csr, (hi >> 15) & 31);
    }
    case 6:
        return system_insns[(r >> 4) % (sizeof(system_insns) / sizeof(system_insns[0]))];
    default: /* a plausible opcode with random fields */
        return (hi & ~0x7fu) |
               opcodes[(r >> 4) % (sizeof(opcodes) / sizeof(opcodes[0]))];
    }
}

/* Something a page-table walk might like: a PTE near RAM, or junk. */
static uint64_t rand_pte(uint64_t *s, unsigned xlen)
{
    uint64_t r = tu_rand(s);
    if (r & 1)
        return r;
    uint64_t ppn = (TU_RAM_BASE >> 12) + ((r >> 8) % (RAM_SIZE >> 12));
    uint64_t pte = ppn << 10 | ((r >> 1) & 0xff) | 1;
    return xlen == 32 ? (pte & 0xffffffffull) : pte;
}

static uint64_t rand_addr(uint64_t *s)
{
    uint64_t r = tu_rand(s);
    switch (r & 7) {
    case 0: return r;                                      /* anywhere */
    case 1: return 0x02000000ull + ((r >> 8) & 0xfff8);    /* the CLINT */
    case 2: return TU_RAM_BASE + RAM_SIZE - ((r >> 8) & 0xff); /* RAM end */
    default: return TU_RAM_BASE + ((r >> 8) % (CODE_BYTES + DATA_BYTES));
    }
}

static void randomize(emu_machine *m, unsigned xlen, uint64_t *s)
{
    static uint32_t code[CODE_BYTES / 4];
    for (unsigned i = 0; i < CODE_BYTES / 4; i++)
        code[i] = rand_insn(s);
    ck_assert_int_eq(emu_mem_write(m, TU_RAM_BASE, code, sizeof(code)), EMU_OK);
    static uint64_t data[DATA_BYTES / 8];
    for (unsigned i = 0; i < DATA_BYTES / 8; i++)
        data[i] = rand_pte(s, xlen);
    ck_assert_int_eq(emu_mem_write(m, TU_RAM_BASE + CODE_BYTES, data,
                                   sizeof(data)), EMU_OK);

    for (unsigned r = 1; r < 32; r++)
        ck_assert_int_eq(emu_reg_write_num(m, 0, r, rand_addr(s)), EMU_OK);
    uint64_t r = tu_rand(s);
    tu_set(m, "pc", TU_RAM_BASE + ((r >> 8) % CODE_BYTES & ~1ull));
    /* trap vectors inside the random code, direct or vectored */
    tu_set(m, "mtvec", TU_RAM_BASE + (tu_rand(s) % CODE_BYTES & ~2ull));
    tu_set(m, "stvec", TU_RAM_BASE + (tu_rand(s) % CODE_BYTES & ~2ull));
    tu_set(m, "mstatus", tu_rand(s));
    tu_set(m, "medeleg", tu_rand(s));
    tu_set(m, "mideleg", tu_rand(s));
    tu_set(m, "mie", tu_rand(s));
    tu_set(m, "mip", tu_rand(s));
    tu_set(m, "mcounteren", tu_rand(s));
    tu_set(m, "scounteren", tu_rand(s));
    tu_set(m, "mepc", rand_addr(s));
    tu_set(m, "sepc", rand_addr(s));
    /* satp: a random mode with the root inside the random data */
    r = tu_rand(s);
    uint64_t root = (TU_RAM_BASE + CODE_BYTES) / 4096 + ((r >> 8) % (DATA_BYTES / 4096));
    if (xlen == 32) {
        tu_set(m, "satp", (r & 1) << 31 | ((r >> 20) & 0x1ff) << 22 | root);
    } else {
        static const uint64_t modes[] = {0, 8, 9, 10, 1, 15};
        tu_set(m, "satp", modes[(r >> 1) % 6] << 60 | root);
    }
    /* PMP: usually open, sometimes random */
    r = tu_rand(s);
    if (r & 3) {
        tu_pmp_allow_all(m);
    } else {
        tu_set(m, "pmpaddr0", tu_rand(s));
        tu_set(m, "pmpaddr1", rand_addr(s) >> 2);
        tu_set(m, "pmpcfg0", tu_rand(s) & 0x7f7f7f7full); /* no lock bits */
    }
    static const unsigned privs[] = {0, 1, 3};
    tu_set(m, "priv", privs[(tu_rand(s) >> 5) % 3]);
}

static void check_state(emu_machine *m, unsigned xlen, uint64_t seed)
{
    uint64_t limit = xlen == 32 ? 0xffffffffull : UINT64_MAX;
    uint64_t v;
    ck_assert_int_eq(emu_reg_read_num(m, 0, 0, &v), EMU_OK);
    ck_assert_msg(v == 0, "seed 0x%llx: x0 = 0x%llx", (unsigned long long)seed,
                  (unsigned long long)v);
    for (unsigned r = 1; r <= EMU_REG_PC; r++) {
        ck_assert_int_eq(emu_reg_read_num(m, 0, r, &v), EMU_OK);
        ck_assert_msg(v <= limit, "seed 0x%llx RV%u: register %u = 0x%llx",
                      (unsigned long long)seed, xlen, r, (unsigned long long)v);
    }
    ck_assert_int_eq(emu_reg_read_num(m, 0, EMU_REG_PRIV, &v), EMU_OK);
    ck_assert_msg(v == 0 || v == 1 || v == 3, "seed 0x%llx: priv %llu",
                  (unsigned long long)seed, (unsigned long long)v);
    /* every CSR that exists reads back within XLEN */
    for (unsigned c = 0; c < 4096; c++) {
        if (emu_reg_read_num(m, 0, EMU_REG_CSR + c, &v) == EMU_OK)
            ck_assert_msg(v <= limit, "seed 0x%llx RV%u: CSR 0x%x = 0x%llx",
                          (unsigned long long)seed, xlen, c,
                          (unsigned long long)v);
    }
}

static void fuzz(unsigned xlen, unsigned first_run, unsigned runs)
{
    for (unsigned i = first_run; i < first_run + runs; i++) {
        uint64_t seed = (i + 1) * 0x9e3779b97f4a7c15ull ^ xlen;
        uint64_t s = seed;
        emu_config cfg = emu_config_default(xlen == 32 ? EMU_ARCH_RISCV32
                                                       : EMU_ARCH_RISCV64);
        cfg.ram_size = RAM_SIZE;
        cfg.insns_per_tick = 7;
        emu_machine *m = tu_machine_cfg(&cfg);
        randomize(m, xlen, &s);
        emu_stats before, after;
        emu_get_stats(m, &before);
        emu_exit ex;
        emu_status st = emu_run(m, BUDGET_PER_RUN, &ex);
        ck_assert_msg(st == EMU_OK, "seed 0x%llx RV%u: emu_run status %d",
                      (unsigned long long)seed, xlen, st);
        /* nobody requests a stop, and a guest cannot cause a host error */
        ck_assert_msg(ex.reason == EMU_EXIT_BUDGET || ex.reason == EMU_EXIT_IDLE ||
                          ex.reason == EMU_EXIT_HALT,
                      "seed 0x%llx RV%u: exit reason %d (%s)",
                      (unsigned long long)seed, xlen, ex.reason,
                      emu_last_error(m));
        ck_assert_msg(ex.hart == 0, "seed 0x%llx: hart %u",
                      (unsigned long long)seed, ex.hart);
        /* the budget counts retired and trapping instructions exactly
         * (an interrupt shares its step with the handler's first insn) */
        emu_get_stats(m, &after);
        uint64_t used = (after.instret - before.instret) +
                        (after.traps - before.traps) -
                        (after.interrupts - before.interrupts);
        bool exact = ex.reason == EMU_EXIT_BUDGET;
        ck_assert_msg(exact ? used == BUDGET_PER_RUN : used <= BUDGET_PER_RUN,
                      "seed 0x%llx RV%u: %llu steps for a budget of %u (exit %d)",
                      (unsigned long long)seed, xlen, (unsigned long long)used,
                      BUDGET_PER_RUN, ex.reason);
        check_state(m, xlen, seed);
        emu_machine_free(m);
    }
}

START_TEST(test_random_instructions_rv64_keep_host_and_state_sane)
{
    fuzz(64, 0, RUNS_PER_XLEN);
}
END_TEST

START_TEST(test_random_instructions_rv32_keep_host_and_state_sane)
{
    fuzz(32, 0, RUNS_PER_XLEN);
}
END_TEST

/* The same seed twice gives the same final state: runs are deterministic. */
START_TEST(test_random_run_is_deterministic)
{
    uint64_t regs[2][34];
    for (int pass = 0; pass < 2; pass++) {
        uint64_t s = 0x1234567887654321ull;
        emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
        cfg.ram_size = RAM_SIZE;
        emu_machine *m = tu_machine_cfg(&cfg);
        randomize(m, 64, &s);
        emu_exit ex;
        ck_assert_int_eq(emu_run(m, 20000, &ex), EMU_OK);
        for (unsigned r = 0; r < 34; r++)
            ck_assert_int_eq(emu_reg_read_num(m, 0, r, &regs[pass][r]), EMU_OK);
        emu_machine_free(m);
    }
    for (unsigned r = 0; r < 34; r++)
        ck_assert_msg(regs[0][r] == regs[1][r], "register %u differs", r);
}
END_TEST

static Suite *robust_suite(void)
{
    Suite *s = suite_create("robust");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 110);
    tcase_add_test(tc, test_random_instructions_rv64_keep_host_and_state_sane);
    tcase_add_test(tc, test_random_instructions_rv32_keep_host_and_state_sane);
    tcase_add_test(tc, test_random_run_is_deterministic);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(robust_suite()); }
