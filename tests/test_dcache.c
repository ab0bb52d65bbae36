/*
 * The decoded-instruction cache (src/cpu/riscv/rv_dcache.c): code that was
 * run, and so decoded, must run as it is now after any write to it: guest
 * stores (with fence.i, and to the very page being executed), AMOs, host
 * writes through emu_mem_write(), a change of mapping (a new satp, a PTE
 * changed and fenced), the page-crossing case, and a cache that fills up.
 * Every test runs each site once before changing it, so that the old
 * version is in the cache.
 */
#include <stdio.h>

#include "cpu/riscv/rv_cpu.h"
#include "machine/machine.h"
#include "testutil.h"

#define CODE TU_RAM_BASE
#define SITE (TU_RAM_BASE + 0x2000) /* a page of its own */
#define C_ADDI_A0_1 0x0505u         /* c.addi a0, 1 */
#define C_RET 0x8082u               /* c.jr ra */
#define FENCE_I 0x0000100fu

static uint32_t ret(void) { return tu_jalr(ZERO, RA, 0); }
static uint32_t amoswap_w(unsigned rd, unsigned rs2, unsigned rs1)
{
    return tu_enc_r(0x2f, rd, 2, rs1, rs2, 0x01 << 2);
}

START_TEST(test_store_then_fence_i_runs_new_code)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = tu_machine(xlen);
        TU_CODE(m, SITE, tu_addi(A0, A0, 1), ret());
        /* twice: the second store finds the page in no store TLB either */
        TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_sw(T1, S0, 0), FENCE_I,
                tu_jalr(RA, S0, 0), tu_sw(T2, S0, 0), FENCE_I,
                tu_jalr(RA, S0, 0));
        tu_set_x(m, S0, SITE);
        tu_set_x(m, T1, tu_addi(A0, A0, 0x100));
        tu_set_x(m, T2, tu_addi(A0, A0, 0x200));
        tu_set(m, "pc", CODE);
        tu_step(m, 3 + 1 + 1 + 3);
        ck_assert_uint_eq(tu_x(m, A0), 0x101);
        tu_step(m, 1 + 1 + 3);
        ck_assert_uint_eq(tu_x(m, A0), 0x301);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_store_into_page_being_run)
{
    /* the store rewrites the instruction right after the fence.i, in the
     * page being executed, whose slots are already decoded (second round) */
    emu_machine *m = tu_machine(64);
    uint64_t site = CODE + 5 * 4;
    TU_CODE(m, CODE,
            tu_addi(S1, S1, -1),               /* 0: loop */
            tu_beq(S1, ZERO, 16),              /* 4: -> 20 on the 2nd round */
            tu_sw(T1, S0, 0),                  /* 8: rewrite 20 */
            FENCE_I,                           /* 12 */
            tu_jal(ZERO, -16),                 /* 16: -> 0 */
            tu_addi(A0, A0, 1));               /* 20: the site */
    tu_set_x(m, S0, site);
    tu_set_x(m, S1, 2);
    tu_set_x(m, T1, tu_addi(A0, A0, 0x100));
    tu_set(m, "pc", CODE + 20); /* decode the site first */
    tu_step(m, 1);
    ck_assert_uint_eq(tu_x(m, A0), 1);
    tu_set(m, "pc", CODE);
    tu_step(m, 5 + 3);
    ck_assert_uint_eq(tu_reg(m, "pc"), site + 4);
    ck_assert_uint_eq(tu_x(m, A0), 0x101);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_store_rewrites_itself_later_in_same_run)
{
    /* one store without a fence.i in between rewrites an instruction a few
     * slots further on: the cache is exact, so the new one runs */
    emu_machine *m = tu_machine(64);
    TU_CODE(m, CODE, tu_sw(T1, S0, 0), TU_NOP, tu_addi(A0, A0, 1));
    tu_set_x(m, S0, CODE + 8);
    tu_set_x(m, T1, tu_addi(A0, A0, 0x40));
    tu_set(m, "pc", CODE + 8);
    tu_step(m, 1);
    tu_set(m, "pc", CODE);
    tu_step(m, 3);
    ck_assert_uint_eq(tu_x(m, A0), 0x41);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_page_stored_to_before_it_ran_is_watched_after)
{
    /* the store TLB maps SITE for data before its code is decoded; once it
     * is code, a store through that entry would go unseen, so it must be
     * dropped */
    emu_machine *m = tu_machine(64);
    TU_CODE(m, SITE, tu_addi(A0, A0, 1), ret());
    TU_CODE(m, CODE, tu_sw(T2, S0, 0x100), tu_jalr(RA, S0, 0),
            tu_sw(T1, S0, 0), FENCE_I, tu_jalr(RA, S0, 0));
    tu_set_x(m, S0, SITE);
    tu_set_x(m, T1, tu_addi(A0, A0, 0x100));
    tu_set(m, "pc", CODE);
    tu_step(m, 1 + 3 + 1 + 1 + 3);
    ck_assert_uint_eq(tu_x(m, A0), 0x101);
    ck_assert_uint_eq(tu_read32(m, SITE), tu_addi(A0, A0, 0x100));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_byte_stores_and_amo_rewrite_code)
{
    emu_machine *m = tu_machine(64);
    uint32_t nw = tu_addi(A0, A0, 0x10);
    TU_CODE(m, SITE, tu_addi(A0, A0, 1), ret());
    /* rewrite with four sb, run, then swap the original back with an AMO */
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0),
            tu_store(0, T1, S0, 0), tu_srli(T1, T1, 8),
            tu_store(0, T1, S0, 1), tu_srli(T1, T1, 8),
            tu_store(0, T1, S0, 2), tu_srli(T1, T1, 8),
            tu_store(0, T1, S0, 3), FENCE_I, tu_jalr(RA, S0, 0),
            amoswap_w(T3, T2, S0), FENCE_I, tu_jalr(RA, S0, 0));
    tu_set_x(m, S0, SITE);
    tu_set_x(m, T1, nw);
    tu_set_x(m, T2, tu_addi(A0, A0, 1));
    tu_set(m, "pc", CODE);
    tu_step(m, 3 + 8 + 3);
    ck_assert_uint_eq(tu_x(m, A0), 0x11);
    tu_step(m, 2 + 3);
    ck_assert_uint_eq(tu_x(m, A0), 0x12);
    ck_assert_uint_eq(tu_x(m, T3), nw);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_store_to_upper_half_of_instruction)
{
    /* sh to the second half of a cached 32-bit instruction: the slot it
     * starts in overlaps the write */
    emu_machine *m = tu_machine(64);
    uint32_t nw = tu_addi(A0, A0, 0x300);
    TU_CODE(m, SITE, tu_addi(A0, A0, 1), ret());
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_store(1, T1, S0, 2), FENCE_I,
            tu_jalr(RA, S0, 0));
    tu_set_x(m, S0, SITE);
    tu_set_x(m, T1, nw >> 16);
    tu_set(m, "pc", CODE);
    tu_step(m, 3 + 2 + 3);
    ck_assert_uint_eq(tu_x(m, A0), 0x301);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_compressed_and_wide_forms_replace_each_other)
{
    emu_machine *m = tu_machine(64);
    /* two c.addi then c.ret; run; replace both c.addi with one 32-bit
     * addi that covers both slots */
    tu_write16(m, SITE, C_ADDI_A0_1);
    tu_write16(m, SITE + 2, C_ADDI_A0_1);
    tu_write16(m, SITE + 4, C_RET);
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_jalr(RA, S0, 0),
            tu_jalr(RA, S0, 0));
    tu_set_x(m, S0, SITE);
    tu_set(m, "pc", CODE);
    tu_step(m, 4);
    ck_assert_uint_eq(tu_x(m, A0), 2);
    tu_write32(m, SITE, tu_addi(A0, A0, 0x20));
    tu_step(m, 3);
    ck_assert_uint_eq(tu_x(m, A0), 0x22);
    /* and back: the slot in the middle of the 32-bit form was never
     * decoded, the first one must be */
    tu_write16(m, SITE, C_ADDI_A0_1);
    tu_write16(m, SITE + 2, C_ADDI_A0_1);
    tu_step(m, 4);
    ck_assert_uint_eq(tu_x(m, A0), 0x24);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_host_write_replaces_cached_code)
{
    emu_machine *m = tu_machine(64);
    TU_CODE(m, CODE, tu_addi(A0, A0, 1), TU_LOOP);
    tu_set(m, "pc", CODE);
    tu_step(m, 5);
    ck_assert_uint_eq(tu_x(m, A0), 1);
    tu_write32(m, CODE, tu_addi(A0, A0, 7));
    tu_set(m, "pc", CODE);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_x(m, A0), 8);
    emu_machine_free(m);
}
END_TEST

/* ---- mapping changes ---- */

#define PTE_V 0x01u
#define PTE_RWX 0x0eu
#define PTE_AD 0xc0u
#define VSITE 0x10000ull
#define PT1 (TU_RAM_BASE + 0x100000)
#define PT2 (TU_RAM_BASE + 0x110000)

/* An Sv39 table at root: RAM identity-mapped by a 1 GiB page, VSITE by a
 * 4 KiB page to pa; returns the address of VSITE's leaf PTE. */
static uint64_t sv39_table(emu_machine *m, uint64_t root, uint64_t pa)
{
    uint64_t l1 = root + 0x1000, l0 = root + 0x2000;
    tu_write64(m, root + 8 * (TU_RAM_BASE >> 30),
               (TU_RAM_BASE >> 12) << 10 | PTE_RWX | PTE_AD | PTE_V);
    tu_write64(m, root, (l1 >> 12) << 10 | PTE_V);
    tu_write64(m, l1, (l0 >> 12) << 10 | PTE_V);
    uint64_t leaf = l0 + 8 * (VSITE >> 12);
    tu_write64(m, leaf, (pa >> 12) << 10 | PTE_RWX | PTE_AD | PTE_V);
    return leaf;
}

static uint64_t satp(uint64_t root) { return 8ull << 60 | root >> 12; }

START_TEST(test_code_page_remapped_by_new_satp)
{
    emu_machine *m = tu_machine(64);
    tu_pmp_allow_all(m);
    TU_CODE(m, SITE, tu_addi(A0, A0, 1), ret());
    TU_CODE(m, SITE + 0x1000, tu_addi(A0, A0, 0x100), ret());
    sv39_table(m, PT1, SITE);
    sv39_table(m, PT2, SITE + 0x1000);
    /* S mode calls VSITE, switches satp, calls VSITE again */
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_csrw(CSR_SATP, T1),
            TU_SFENCE_VMA, tu_jalr(RA, S0, 0));
    tu_set_x(m, S0, VSITE);
    tu_set_x(m, T1, satp(PT2));
    tu_set_csr(m, CSR_SATP, satp(PT1));
    tu_set(m, "pc", CODE);
    tu_set_priv(m, 1);
    tu_step(m, 3 + 2 + 3);
    ck_assert_uint_eq(tu_reg(m, "priv"), 1);
    ck_assert_uint_eq(tu_x(m, A0), 0x101);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_code_page_remapped_by_pte_and_sfence)
{
    emu_machine *m = tu_machine(64);
    tu_pmp_allow_all(m);
    TU_CODE(m, SITE, tu_addi(A0, A0, 1), ret());
    TU_CODE(m, SITE + 0x1000, tu_addi(A0, A0, 0x100), ret());
    uint64_t leaf = sv39_table(m, PT1, SITE);
    /* the guest rewrites the leaf PTE with sd, then sfence.vma */
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_sd(T1, T2, 0), TU_SFENCE_VMA,
            tu_jalr(RA, S0, 0));
    tu_set_x(m, S0, VSITE);
    tu_set_x(m, T1, ((SITE + 0x1000) >> 12) << 10 | PTE_RWX | PTE_AD | PTE_V);
    tu_set_x(m, T2, leaf);
    tu_set_csr(m, CSR_SATP, satp(PT1));
    tu_set(m, "pc", CODE);
    tu_set_priv(m, 1);
    tu_step(m, 3 + 2 + 3);
    ck_assert_uint_eq(tu_x(m, A0), 0x101);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_same_code_at_two_virtual_addresses)
{
    /* one physical page seen at VSITE and at its RAM address: a store
     * through one mapping changes what runs through the other */
    emu_machine *m = tu_machine(64);
    tu_pmp_allow_all(m);
    TU_CODE(m, SITE, tu_addi(A0, A0, 1), ret());
    sv39_table(m, PT1, SITE);
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_sw(T1, S1, 0), FENCE_I,
            tu_jalr(RA, S0, 0));
    tu_set_x(m, S0, VSITE);
    tu_set_x(m, S1, SITE);
    tu_set_x(m, T1, tu_addi(A0, A0, 0x100));
    tu_set_csr(m, CSR_SATP, satp(PT1));
    tu_set(m, "pc", CODE);
    tu_set_priv(m, 1);
    tu_step(m, 3 + 2 + 3);
    ck_assert_uint_eq(tu_x(m, A0), 0x101);
    emu_machine_free(m);
}
END_TEST

/* ---- page ends ---- */

START_TEST(test_instruction_crossing_pages_sees_both_pages_change)
{
    /* a 32-bit instruction at offset 0xffe is never cached: rewriting
     * either half shows */
    emu_machine *m = tu_machine(64);
    uint64_t at = SITE + 0xffe;
    uint32_t a = tu_addi(A0, A0, 1), b = tu_addi(A0, A0, 0x7f0);
    tu_write16(m, at, (uint16_t)a);
    tu_write16(m, at + 2, (uint16_t)(a >> 16));
    tu_write32(m, at + 4, TU_LOOP);
    tu_set(m, "pc", at);
    tu_step(m, 2);
    ck_assert_uint_eq(tu_x(m, A0), 1);
    tu_write16(m, at + 2, (uint16_t)(b >> 16)); /* low halves are equal */
    tu_set(m, "pc", at);
    tu_step(m, 2);
    ck_assert_uint_eq(tu_x(m, A0), 0x7f1);
    ck_assert_uint_eq(tu_reg(m, "pc"), at + 4);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_straight_line_code_runs_across_page_end)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = tu_machine(xlen);
        /* off the end after a 4-byte instruction in the last word */
        TU_CODE(m, SITE + 0xff8, tu_addi(A0, A0, 1), tu_addi(A0, A0, 2),
                tu_addi(A0, A0, 4), TU_LOOP);
        tu_set(m, "pc", SITE + 0xff8);
        tu_step(m, 4);
        ck_assert_uint_eq(tu_x(m, A0), 7);
        ck_assert_uint_eq(tu_reg(m, "pc"), SITE + 0x1004);
        /* after a 2-byte one, then a 4-byte one that crosses the end */
        tu_write16(m, SITE + 0xffc, C_ADDI_A0_1);
        tu_write32(m, SITE + 0xffe, tu_addi(A0, A0, 8));
        tu_write32(m, SITE + 0x1002, TU_LOOP);
        tu_set(m, "pc", SITE + 0xff8);
        tu_step(m, 5);
        ck_assert_uint_eq(tu_x(m, A0), 7 + 1 + 1 + 8);
        ck_assert_uint_eq(tu_reg(m, "pc"), SITE + 0x1002);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_cache_full_flushes_and_keeps_running)
{
    /* a chain of jumps through 3000 pages (more than the cache holds):
     * the cache is dropped while running and everything still works */
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_size = 16ull << 20;
    emu_machine *m = tu_machine_cfg(&cfg);
    const unsigned pages = 3000;
    for (unsigned p = 0; p < pages; p++)
        TU_CODE(m, CODE + 0x1000ull * p, tu_addi(A0, A0, 1),
                tu_jal(ZERO, 0x1000 - 4));
    TU_CODE(m, CODE + 0x1000ull * pages, TU_LOOP);
    for (unsigned round = 0; round < 2; round++) {
        tu_set(m, "pc", CODE);
        tu_set_x(m, A0, 0);
        tu_step(m, 2 * pages + 1);
        ck_assert_uint_eq(tu_x(m, A0), pages);
        ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 0x1000ull * pages);
    }
    emu_machine_free(m);
}
END_TEST

START_TEST(test_cache_flush_drops_fetch_translations)
{
    /* P0 (fetch TLB index 0) runs, then a chain of more pages than the
     * cache holds, none of them at TLB index 0, then P0 rewrites its own
     * first instruction and runs it. Were P0's old TLB entry kept, it
     * would lead to P0's old decoded page, which the cache no longer
     * knows of and so no longer invalidates. */
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_size = 16ull << 20;
    emu_machine *m = tu_machine_cfg(&cfg);
    unsigned chain[2200], n = 0;
    for (unsigned j = 1; n < 2200; j++)
        if (j % RV_TLB_SIZE != 0)
            chain[n++] = j;
    TU_CODE(m, CODE, tu_addi(A1, A1, 1),                           /* +0 */
            tu_jal(ZERO, (int32_t)(0x1000 * chain[0] - 4)),       /* +4 */
            tu_sw(T1, S0, 0), FENCE_I, tu_jal(ZERO, -16));        /* +8 */
    for (unsigned k = 0; k < n; k++) {
        uint64_t at = CODE + 0x1000ull * chain[k];
        uint32_t next = k + 1 < n
                            ? tu_jal(ZERO, (int32_t)(0x1000 * (chain[k + 1] -
                                                               chain[k]) - 4))
                            : tu_jalr(ZERO, S0, 8);
        TU_CODE(m, at, tu_addi(A0, A0, 1), next);
    }
    tu_set_x(m, S0, CODE);
    tu_set_x(m, T1, tu_addi(A1, A1, 0x100));
    tu_set(m, "pc", CODE);
    tu_step(m, 2 + 2 * n + 3 + 1);
    ck_assert_uint_eq(tu_x(m, A0), n);
    ck_assert_uint_eq(tu_x(m, A1), 0x101);
    emu_machine_free(m);
}
END_TEST

/* ---- the retire hook and counters ---- */

typedef struct trace {
    unsigned n;
    uint64_t pc[8];
    uint32_t insn[8];
    unsigned len[8];
} trace;

static void on_retire(void *ctx, unsigned hart, uint64_t pc, uint32_t insn,
                      unsigned len)
{
    trace *t = ctx;
    if (t->n < 8) {
        t->pc[t->n] = pc;
        t->insn[t->n] = insn;
        t->len[t->n] = len;
    }
    t->n++;
}

START_TEST(test_retire_hook_sees_original_encodings_of_cached_code)
{
    emu_machine *m = tu_machine(64);
    tu_write16(m, CODE, C_ADDI_A0_1);
    tu_write32(m, CODE + 2, tu_jal(ZERO, -2));
    tu_set(m, "pc", CODE);
    tu_step(m, 4); /* decoded and cached */
    trace t = {0};
    emu_set_retire_hook(m, on_retire, &t);
    tu_step(m, 4);
    emu_set_retire_hook(m, NULL, NULL);
    ck_assert_uint_eq(t.n, 4);
    for (unsigned k = 0; k < 4; k += 2) {
        ck_assert_uint_eq(t.pc[k], CODE);
        ck_assert_uint_eq(t.insn[k], C_ADDI_A0_1);
        ck_assert_uint_eq(t.len[k], 2);
        ck_assert_uint_eq(t.pc[k + 1], CODE + 2);
        ck_assert_uint_eq(t.insn[k + 1], tu_jal(ZERO, -2));
        ck_assert_uint_eq(t.len[k + 1], 4);
    }
    ck_assert_uint_eq(tu_x(m, A0), 4);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_retire_hook_skips_trapping_instruction)
{
    emu_machine *m = tu_machine(64);
    tu_set_csr(m, CSR_MTVEC, CODE + 0x100);
    TU_CODE(m, CODE, TU_NOP, 0xffffffffu);
    TU_CODE(m, CODE + 0x100, TU_NOP);
    trace t = {0};
    emu_set_retire_hook(m, on_retire, &t);
    tu_set(m, "pc", CODE);
    tu_step(m, 3);
    ck_assert_uint_eq(t.n, 2);
    ck_assert_uint_eq(t.pc[0], CODE);
    ck_assert_uint_eq(t.pc[1], CODE + 0x100);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_counters_exact_at_every_read)
{
    /* instret and cycle read inside a run, after loads, branches and a
     * trap, count exactly what ran before them */
    emu_machine *m = tu_machine(64);
    tu_set_csr(m, CSR_MTVEC, CODE + 0x200);
    TU_CODE(m, CODE, tu_csrr(A1, CSR_INSTRET),           /* 0 */
            tu_addi(T0, ZERO, 3),                          /* 1 */
            tu_addi(T0, T0, -1), tu_bne(T0, ZERO, -4),     /* 2-7 */
            tu_ld(T1, SP, 0),                              /* 8 */
            TU_ECALL);                                     /* 9: traps */
    TU_CODE(m, CODE + 0x200, tu_csrr(A2, CSR_INSTRET),   /* 10 */
            tu_csrr(A3, CSR_CYCLE), TU_LOOP);              /* 11 */
    tu_set_x(m, SP, TU_RAM_BASE + 0x1000);
    tu_set(m, "pc", CODE);
    uint64_t i0 = tu_csr(m, CSR_MINSTRET), c0 = tu_csr(m, CSR_MCYCLE);
    tu_step(m, 12);
    ck_assert_uint_eq(tu_x(m, A1) - i0, 0);
    ck_assert_uint_eq(tu_x(m, A2) - i0, 9);  /* the ecall did not retire */
    ck_assert_uint_eq(tu_x(m, A3) - c0, 12); /* cycle counts it, and itself */
    emu_stats st;
    emu_get_stats(m, &st);
    ck_assert_uint_eq(st.instret, 11);
    ck_assert_uint_eq(st.traps, 1);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_stats_count_exits_pages_and_invalidations)
{
    emu_machine *m = tu_machine(64);
    TU_CODE(m, SITE, tu_addi(A0, A0, 1), ret());
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_sw(T1, S0, 0), FENCE_I,
            tu_jalr(RA, S0, 0), TU_WFI);
    tu_set_x(m, S0, SITE);
    tu_set_x(m, T1, tu_addi(A0, A0, 0x100));
    tu_set(m, "pc", CODE);
    tu_step(m, 3); /* one emu_run() ended by its budget */
    emu_exit e = tu_run(m, 0); /* then wfi with nothing to wake it */
    ck_assert_int_eq(e.reason, EMU_EXIT_IDLE);
    emu_stats st;
    emu_get_stats(m, &st);
    ck_assert_uint_eq(st.exits[EMU_EXIT_BUDGET], 1);
    ck_assert_uint_eq(st.exits[EMU_EXIT_IDLE], 1);
    ck_assert_uint_eq(st.exits[EMU_EXIT_HALT], 0);
    ck_assert_uint_eq(st.slices, 2);
    ck_assert_uint_eq(st.slice_budget, 1);
    ck_assert_uint_eq(st.slice_wfi, 1);
    ck_assert_uint_eq(st.decoded_pages, 2);
    ck_assert_uint_eq(st.decoded_invalidated, 1); /* the addi the sw hit */
    ck_assert_uint_eq(st.decoded_flushes, 0);
    ck_assert_uint_eq(st.instret, 3 + 1 + 1 + 3 + 1);
#if EMU_STATS
    ck_assert(st.detailed);
    ck_assert_uint_eq(st.decodes, 5 + 2 + 1); /* the addi twice */
    ck_assert_uint_eq(st.tlb_misses[RV_ACC_STORE], 1);
#else
    ck_assert(!st.detailed);
    ck_assert_uint_eq(st.decodes, 0);
#endif
    emu_machine_free(m);
}
END_TEST

/*
 * The forwarded operand (rv_dcache.h): an instruction that reads the
 * result of the one before it takes it from a host register instead of the
 * register file, which is right only when it runs straight after that
 * instruction. These tests attack the cases where it does not.
 */

/* Rewriting the producer (here with another destination) must drop the
 * consumer's claim on it: the add must read a5, not the new addi's result. */
START_TEST(test_rewritten_producer_is_no_longer_forwarded)
{
    emu_machine *m = tu_machine(64);
    TU_CODE(m, SITE, tu_addi(A5, A0, 1), tu_op(ALU_ADD, A1, A5, A2), ret());
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_jalr(RA, S0, 0),
            tu_sw(T1, S0, 0), FENCE_I, tu_jalr(RA, S0, 0));
    tu_set_x(m, S0, SITE);
    tu_set_x(m, A0, 100);
    tu_set_x(m, A2, 5);
    tu_set_x(m, T1, tu_addi(A6, A0, 7));
    tu_set(m, "pc", CODE);
    tu_step(m, 1 + 3 + 1 + 3); /* twice: the second run is from the cache */
    ck_assert_uint_eq(tu_x(m, A1), 106);
    tu_set_x(m, A5, 1000);
    tu_step(m, 1 + 1 + 1 + 3);
    ck_assert_uint_eq(tu_x(m, A6), 107);
    ck_assert_uint_eq(tu_x(m, A1), 1005);
    emu_machine_free(m);
}
END_TEST

/* slli; add is one fused operation once decoded, run from the slli's
 * slot with the add's fields: rewriting only the add must undo that. */
START_TEST(test_rewritten_second_of_fused_pair_runs_new_code)
{
    emu_machine *m = tu_machine(64);
    TU_CODE(m, SITE, tu_slli(A5, A0, 2), tu_op(ALU_ADD, A1, A5, A2),
            tu_load(2, A3, A1, 0), ret());
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_jalr(RA, S0, 0),
            tu_sw(T1, S0, 4), FENCE_I, tu_jalr(RA, S0, 0));
    tu_set_x(m, S0, SITE);
    tu_set_x(m, A0, 0x8040 / 4);
    tu_set_x(m, A2, TU_RAM_BASE);
    tu_set_x(m, A6, TU_RAM_BASE + 0x100);
    tu_set_x(m, T1, tu_op(ALU_ADD, A1, A5, A6)); /* another second operand */
    tu_write64(m, TU_RAM_BASE + 0x8040, 0x1111);
    tu_write64(m, TU_RAM_BASE + 0x8140, 0x2222);
    tu_set(m, "pc", CODE);
    tu_step(m, 1 + 4 + 1 + 4); /* twice: the second run is fused */
    ck_assert_uint_eq(tu_x(m, A1), TU_RAM_BASE + 0x8040);
    ck_assert_uint_eq(tu_x(m, A3), 0x1111);
    tu_set_x(m, A3, 0);
    tu_step(m, 1 + 1 + 1 + 4);
    ck_assert_uint_eq(tu_x(m, A1), TU_RAM_BASE + 0x8140);
    ck_assert_uint_eq(tu_x(m, A3), 0x2222);
    emu_machine_free(m);
}
END_TEST

/* A switch's table jump, slli; add; lw; add; jr, runs as two fused
 * operations, slli; add and lw; add; jr (rv_dcache.h). Each of its
 * instructions run alone (a budget of one step), and a rewrite of the jr,
 * the third of a triple, must behave as the instructions do. */
START_TEST(test_table_jump_steps_and_rewrite_of_its_jump)
{
    const uint64_t table = TU_RAM_BASE + 0x8000;
    emu_machine *m = tu_machine(64);
    TU_CODE(m, SITE, tu_slli(A5, A0, 2), tu_op(ALU_ADD, A5, A5, A2),
            tu_load(2, A5, A5, 0), tu_op(ALU_ADD, A5, A5, A3),
            tu_jalr(ZERO, A5, 0), /* 0x10 */
            tu_addi(A1, A1, 1), ret(), /* 0x14: case 0 */
            tu_addi(A1, A1, 2), ret()); /* 0x1c: case 1 */
    TU_CODE(m, CODE, tu_jalr(RA, S0, 0), tu_jalr(RA, S0, 0),
            tu_sw(T1, S0, 0x10), FENCE_I, tu_jalr(RA, S0, 0),
            tu_jalr(RA, S0, 0));
    tu_write64(m, table, 0x1c00000014ull); /* the offsets of both cases */
    tu_set_x(m, S0, SITE);
    tu_set_x(m, A0, 1);
    tu_set_x(m, A2, table);
    tu_set_x(m, A3, SITE);
    tu_set_x(m, T1, tu_addi(A1, A1, 100)); /* over the jr */
    tu_set(m, "pc", CODE);
    tu_step(m, 2 * 8); /* twice: the second run is fused */
    ck_assert_uint_eq(tu_x(m, A1), 4);

    /* one step at a time, from the decoded (fused) slots */
    const uint64_t a5[] = {4, table + 4, 0x1c, SITE + 0x1c};
    tu_set(m, "pc", SITE);
    for (unsigned k = 0; k < 4; k++) {
        tu_step(m, 1);
        ck_assert_uint_eq(tu_reg(m, "pc"), SITE + 4 * (k + 1));
        ck_assert_uint_eq(tu_x(m, A5), a5[k]);
    }
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "pc"), SITE + 0x1c);

    /* the jr rewritten: on in sequence into case 0 */
    tu_set(m, "pc", CODE + 8);
    tu_set_x(m, A1, 0);
    tu_step(m, 2 + 2 * 8);
    ck_assert_uint_eq(tu_x(m, A1), 2 * 101);
    ck_assert_uint_eq(tu_x(m, A5), SITE + 0x1c);
    emu_machine_free(m);
}
END_TEST

/* The same bytes hold two instruction streams: addi a5, gp, 0x470 at CODE,
 * whose upper half is c.li a4, 0 at CODE + 2. Both end where the add
 * starts, so the add may consume neither: a4 is not its operand. */
START_TEST(test_consumer_with_two_possible_predecessors)
{
    for (unsigned order = 0; order < 2; order++) {
    emu_machine *m = tu_machine(64);
    const uint32_t addi_a5_gp = 0x47018793u; /* c.li a4, 0 is 0x4701 */
    TU_CODE(m, CODE, addi_a5_gp, tu_op(ALU_ADD, A1, A5, A2), TU_WFI);
    tu_set_x(m, A2, 5);
    for (unsigned round = 0; round < 4; round++) {
        /* each stream twice: cold, then cached */
        bool wide = (round < 2) == (order == 0);
        tu_set_x(m, GP, 0x10);
        tu_set_x(m, A5, 1000);
        tu_set_x(m, A4, 77);
        tu_set(m, "pc", wide ? CODE : CODE + 2);
        tu_step(m, 2);
        ck_assert_uint_eq(tu_x(m, A1), wide ? 0x480 + 5 : 1005);
        ck_assert_uint_eq(tu_x(m, A4), wide ? 77 : 0);
    }
    emu_machine_free(m);
    }
}
END_TEST

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

#define FWD_DATA (TU_RAM_BASE + 0x8000)
#define FWD_REGS 6 /* a0..a5: few, so that most instructions depend */

/* Point the branch, jal, or auipc and jalr at halfword at to halfword t. */
static void fwd_resolve(uint16_t *h, unsigned at, unsigned t)
{
    int32_t off = (int32_t)(t - at) * 2;
    uint32_t w = (uint32_t)h[at] | (uint32_t)h[at + 1] << 16;
    if ((w & 0x7f) == OPC_BRANCH) {
        w |= tu_beq(0, 0, off) & 0xfe000f80u;
    } else if ((w & 0x7f) == OPC_JAL) {
        w |= tu_jal(0, off) & 0xfffff000u;
    } else { /* the jalr after the auipc */
        at += 2;
        w = ((uint32_t)h[at] | (uint32_t)h[at + 1] << 16) | (uint32_t)off << 20;
    }
    h[at] = (uint16_t)w;
    h[at + 1] = (uint16_t)(w >> 16);
}

/*
 * A random program of 2- and 4-byte instructions over a0..a5 (ALU, loads
 * and stores through s0, addresses computed into a register, forward
 * branches and jumps), ending in a jump to itself; returns its length in halfwords.
 */
static unsigned fwd_program(uint64_t *s, unsigned xlen, uint16_t *h,
                            unsigned max)
{
    static const unsigned alu[] = {ALU_ADD, ALU_SUB, ALU_XOR, ALU_OR, ALU_AND,
                                   ALU_MUL, ALU_SLL, ALU_SLTU, ALU_MULH,
                                   ALU_MULHSU, ALU_MULHU, ALU_DIV, ALU_DIVU,
                                   ALU_REM, ALU_REMU};
    static const unsigned aluw[] = {ALU_ADD, ALU_MUL, ALU_DIV, ALU_DIVU,
                                    ALU_REM, ALU_REMU};
    unsigned n = 0, pend[8], npend = 0;
    while (n + 8 < max) {
#define R() (A0 + (unsigned)(xorshift(s) % FWD_REGS))
        unsigned k = (unsigned)(xorshift(s) % 12), rd = R(), r1 = R(), r2 = R();
        int32_t imm = (int32_t)(xorshift(s) % 64) - 32;
        uint32_t w[4] = {0};
        unsigned nw = 1;
        /* resolve the branches whose target is this instruction */
        for (unsigned b = 0; b < npend; b++) {
            if (xorshift(s) % 3 == 0 || n + 12 >= max) {
                fwd_resolve(h, pend[b], n);
                pend[b--] = pend[--npend];
            }
        }
        switch (k) {
        case 0: w[0] = tu_op(alu[xorshift(s) % 15], rd, r1, r2); break;
        case 1: /* addi, sltiu (seqz) */
            w[0] = xorshift(s) & 1 ? tu_addi(rd, r1, imm)
                                   : tu_enc_i(OPC_OP_IMM, rd, 3, r1, imm & 3);
            break;
        case 2: w[0] = xorshift(s) & 1 ? tu_slli(rd, r1, (unsigned)imm & 31)
                                       : tu_srli(rd, r1, (unsigned)imm & 31);
            break;
        case 3:
            w[0] = xlen == 64 ? (xorshift(s) & 1
                                     ? tu_opw(aluw[xorshift(s) % 6], rd, r1, r2)
                                     : tu_enc_i(OPC_OP_IMM_32, rd, 0, r1, imm))
                              : tu_enc_i(OPC_OP_IMM, rd, 4, r1, imm); /* xori */
            break;
        case 4: { /* a load: lb lh lw ld lbu lhu lwu */
            unsigned f3 = (unsigned)(xorshift(s) % 7);
            if (xlen == 32 && (f3 == 3 || f3 == 6))
                f3 = 2;
            w[0] = tu_load(f3, rd, S0, (int32_t)(xorshift(s) % 32) * 8);
            break;
        }
        case 5: /* a store: sb sh sw sd */
            w[0] = tu_store((unsigned)(xorshift(s) % (xlen == 64 ? 4 : 3)), r2,
                            S0, (int32_t)(xorshift(s) % 32) * 8);
            break;
        case 6: /* an address computed, then used; or an index scaled
                 * (slli; add; a load: lw, lbu, ld) */
            if (xorshift(s) & 1) {
                static const unsigned f3s[] = {2, 4, 3};
                w[0] = tu_enc_i(OPC_OP_IMM, rd, 7, r1, 0x1f); /* andi */
                w[1] = tu_slli(rd, rd, 3);
                w[2] = xorshift(s) & 1 ? tu_op(ALU_ADD, rd, rd, S0)
                                       : tu_op(ALU_ADD, rd, S0, rd);
                w[3] = tu_load(f3s[xorshift(s) % (xlen == 64 ? 3 : 2)], r2,
                               rd, 0);
                nw = 4;
                break;
            }
            w[0] = tu_enc_i(OPC_OP_IMM, rd, 7, r1, 0xf8); /* andi */
            w[1] = tu_op(ALU_ADD, rd, rd, S0);
            w[2] = xorshift(s) & 1
                       ? tu_load(xlen == 64 && xorshift(s) % 3 == 0 ? 3
                                 : xorshift(s) & 1 ? 2 : 4, r2, rd, 0)
                       : tu_store(xlen == 64 ? 3 : 2, r2, rd, 0);
            nw = 3;
            break;
        case 7: /* a forward branch, or auipc and jalr, resolved later */
            if (npend < 8 && xorshift(s) % 4) {
                static const unsigned f3s[] = {0, 1, 4, 5, 6, 7};
                pend[npend++] = n;
                w[0] = tu_enc_b(f3s[xorshift(s) % 6], r1, r2, 0);
            } else if (npend < 8 && xorshift(s) & 1) {
                /* a jump, which a branch (bltu: half the time) skips */
                pend[npend++] = n + 2;
                w[0] = tu_enc_b(6, r1, r2, 12);
                w[1] = tu_auipc(rd, 0);
                w[2] = tu_jalr(xorshift(s) & 1 ? ZERO : r1, rd, 0);
                nw = 3;
            } else if (npend < 8) {
                pend[npend++] = n + 2;
                w[0] = tu_enc_b(6, r1, r2, 8);
                w[1] = tu_jal(xorshift(s) & 1 ? ZERO : rd, 0);
                nw = 2;
            } else {
                w[0] = tu_addi(rd, rd, 1);
            }
            break;
        case 8: /* c.add, c.mv */
            h[n++] = (uint16_t)((xorshift(s) & 1 ? 0x9002u : 0x8002u) |
                                rd << 7 | r2 << 2);
            nw = 0;
            break;
        case 9: /* c.addi, c.slli */
            if (imm == 0)
                imm = 1;
            h[n++] = (uint16_t)((xorshift(s) & 1 ? 0x0001u : 0x0002u) |
                                ((unsigned)imm & 0x20) << 7 | rd << 7 |
                                ((unsigned)imm & 0x1f) << 2);
            if ((h[n - 1] & 3) == 2)
                h[n - 1] &= (uint16_t)~0x1000u; /* shift amounts below 32 */
            nw = 0;
            break;
        case 10: w[0] = tu_addi(rd, r1, 0); break; /* mv */
        default: w[0] = tu_op(ALU_ADD, rd, r1, rd); break; /* the 2nd operand */
        }
        for (unsigned j = 0; j < nw; j++) {
            h[n++] = (uint16_t)w[j];
            h[n++] = (uint16_t)(w[j] >> 16);
        }
#undef R
    }
    for (unsigned b = 0; b < npend; b++) /* to the end */
        fwd_resolve(h, pend[b], n);
    h[n++] = (uint16_t)TU_LOOP;
    h[n++] = (uint16_t)(TU_LOOP >> 16);
    return n;
}

static void fwd_start(emu_machine *m, uint64_t seed)
{
    uint64_t s = seed;
    for (unsigned r = 0; r < FWD_REGS; r++)
        tu_set_x(m, A0 + r, xorshift(&s));
    tu_set_x(m, S0, FWD_DATA);
    for (unsigned k = 0; k < 33; k++)
        tu_write64(m, FWD_DATA + 8 * k, xorshift(&s));
    tu_set(m, "pc", CODE);
}

static void fwd_check(emu_machine *a, emu_machine *b, unsigned xlen,
                      unsigned prog)
{
    for (unsigned r = 1; r < 32; r++)
        if (tu_x(a, r) != tu_x(b, r))
            ck_abort_msg("rv%u program %u: x%u is %#llx, without the cache "
                         "%#llx",
                         xlen, prog, r, (unsigned long long)tu_x(a, r),
                         (unsigned long long)tu_x(b, r));
    for (unsigned k = 0; k < 33; k++)
        ck_assert_uint_eq(tu_read64(a, FWD_DATA + 8 * k),
                          tu_read64(b, FWD_DATA + 8 * k));
}

/* Random programs, run twice in one go each (the second time from decoded
 * slots that forward, with other data), must end as they do on a machine
 * without decoded cache. */
START_TEST(test_forwarded_operands_match_uncached_runs)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        uint64_t s = 0x9e3779b97f4a7c15ull;
        /* one pair of machines for all programs: each program's code,
         * written over the last one's, drops its decoded slots */
        emu_machine *a = tu_machine(xlen), *b = tu_machine(xlen);
        for (unsigned prog = 0; prog < 150; prog++) {
            uint16_t h[600];
            unsigned n = fwd_program(&s, xlen, h, 560);
            /* the first run decodes along one path, the second takes
             * another (other data): branches then reach slots decoded as
             * consumers from elsewhere */
            uint64_t warm = xorshift(&s), seed = xorshift(&s);
            for (unsigned k = 0; k < n; k++) {
                tu_write16(a, CODE + 2 * k, h[k]);
                tu_write16(b, CODE + 2 * k, h[k]);
            }
            uint64_t end = CODE + 2 * (n - 2), steps = 0;
            /* b without its decoded cache: every instruction is fetched
             * and decoded each time it runs, and none forwards */
            struct rv_dcache *dc = b->dcache;
            b->dcache = NULL;
            fwd_start(b, seed);
            while (tu_reg(b, "pc") != end) {
                tu_step(b, 1);
                steps++;
            }
            b->dcache = dc;
            fwd_start(a, warm);
            ck_assert_int_eq(tu_run(a, 100000).reason, EMU_EXIT_BUDGET);
            ck_assert_uint_eq(tu_reg(a, "pc"), end);
            fwd_start(a, seed);
            tu_step(a, steps);
            ck_assert_uint_eq(tu_reg(a, "pc"), end);
            fwd_check(a, b, xlen, prog);
            /* and one instruction per emu_run(): each enters its slot
             * through the fetch TLB */
            fwd_start(a, seed);
            for (uint64_t k = 0; k < steps; k++)
                tu_step(a, 1);
            fwd_check(a, b, xlen, prog);
            /* and a budget that ends at a random step, inside a fused
             * operation too: the same state as after that many single
             * steps */
            uint64_t mid = steps ? xorshift(&s) % steps : 0;
            b->dcache = NULL;
            fwd_start(b, seed);
            for (uint64_t k = 0; k < mid; k++)
                tu_step(b, 1);
            b->dcache = dc;
            fwd_start(a, seed);
            tu_step(a, mid);
            ck_assert_uint_eq(tu_reg(a, "pc"), tu_reg(b, "pc"));
            fwd_check(a, b, xlen, prog);
        }
        emu_machine_free(a);
        emu_machine_free(b);
    }
}
END_TEST

static Suite *dcache_suite(void)
{
    Suite *s = suite_create("dcache");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_store_then_fence_i_runs_new_code);
    tcase_add_test(tc, test_store_into_page_being_run);
    tcase_add_test(tc, test_store_rewrites_itself_later_in_same_run);
    tcase_add_test(tc, test_page_stored_to_before_it_ran_is_watched_after);
    tcase_add_test(tc, test_byte_stores_and_amo_rewrite_code);
    tcase_add_test(tc, test_store_to_upper_half_of_instruction);
    tcase_add_test(tc, test_compressed_and_wide_forms_replace_each_other);
    tcase_add_test(tc, test_host_write_replaces_cached_code);
    tcase_add_test(tc, test_code_page_remapped_by_new_satp);
    tcase_add_test(tc, test_code_page_remapped_by_pte_and_sfence);
    tcase_add_test(tc, test_same_code_at_two_virtual_addresses);
    tcase_add_test(tc, test_instruction_crossing_pages_sees_both_pages_change);
    tcase_add_test(tc, test_straight_line_code_runs_across_page_end);
    tcase_add_test(tc, test_cache_full_flushes_and_keeps_running);
    tcase_add_test(tc, test_cache_flush_drops_fetch_translations);
    tcase_add_test(tc, test_retire_hook_sees_original_encodings_of_cached_code);
    tcase_add_test(tc, test_retire_hook_skips_trapping_instruction);
    tcase_add_test(tc, test_counters_exact_at_every_read);
    tcase_add_test(tc, test_stats_count_exits_pages_and_invalidations);
    tcase_add_test(tc, test_rewritten_producer_is_no_longer_forwarded);
    tcase_add_test(tc, test_rewritten_second_of_fused_pair_runs_new_code);
    tcase_add_test(tc, test_table_jump_steps_and_rewrite_of_its_jump);
    tcase_add_test(tc, test_consumer_with_two_possible_predecessors);
    tcase_add_test(tc, test_forwarded_operands_match_uncached_runs);
    tcase_set_timeout(tc, 60); /* the random programs, under ASan */
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(dcache_suite()); }
