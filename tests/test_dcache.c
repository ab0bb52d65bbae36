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
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(dcache_suite()); }
