/*
 * Trap entry and return, delegation, interrupt priority and wfi (priv spec
 * 1.12: 3.1.6.1 xIE/xPIE/xPP, 3.1.7 xtvec, 3.1.8 delegation, 3.1.9
 * interrupt priority, 3.3.2 xRET, 3.3.3 WFI).
 */
#include <stdio.h>

#include "testutil.h"

#define CODE TU_RAM_BASE
#define MHANDLER (TU_RAM_BASE + 0x1000)
#define SHANDLER (TU_RAM_BASE + 0x2000)
#define SCRATCH (TU_RAM_BASE + 0x3000)

#define MSTATUS_SIE (1ull << 1)
#define MSTATUS_MIE (1ull << 3)
#define MSTATUS_SPIE (1ull << 5)
#define MSTATUS_MPIE (1ull << 7)
#define MSTATUS_SPP (1ull << 8)
#define MSTATUS_MPP_S (1ull << 11)
#define MSTATUS_MPP_M (3ull << 11)
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_TW (1ull << 21)

#define IRQ_BIT(xlen) (1ull << ((xlen) - 1))

static void fill_nops(emu_machine *m, uint64_t addr, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        tu_write32(m, addr + 4 * i, TU_NOP);
}

static emu_machine *trap_machine(unsigned xlen)
{
    emu_machine *m = tu_machine(xlen);
    tu_pmp_allow_all(m);
    tu_set_csr(m, CSR_MTVEC, MHANDLER);
    tu_set_csr(m, CSR_STVEC, SHANDLER);
    fill_nops(m, CODE, 64);
    fill_nops(m, MHANDLER, 64);
    fill_nops(m, SHANDLER, 64);
    tu_set(m, "pc", CODE);
    return m;
}

/* Store val (4 or 8 bytes) to a CLINT register with a guest store run in M
 * mode, then restore pc, priv, a0, a1. Callers keep interrupts from being
 * taken in M while doing this (MIE clear). */
static void clint_store(emu_machine *m, uint64_t addr, uint64_t val,
                        unsigned size)
{
    uint64_t pc = tu_reg(m, "pc"), priv = tu_reg(m, "priv");
    uint64_t a0 = tu_x(m, A0), a1 = tu_x(m, A1);
    tu_write32(m, SCRATCH, tu_store(size == 8 ? 3 : 2, A1, A0, 0));
    tu_set(m, "pc", SCRATCH);
    tu_set_priv(m, 3);
    tu_set_x(m, A0, addr);
    tu_set_x(m, A1, val);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "pc"), SCRATCH + 4);
    tu_set(m, "pc", pc);
    tu_set_priv(m, (unsigned)priv);
    tu_set_x(m, A0, a0);
    tu_set_x(m, A1, a1);
}

static void set_msip(emu_machine *m, bool on)
{
    clint_store(m, TU_CLINT_MSIP, on, 4);
}

static void set_mtimecmp(emu_machine *m, uint64_t v)
{
    if (emu_xlen(m) == 64) {
        clint_store(m, TU_CLINT_MTIMECMP, v, 8);
    } else {
        clint_store(m, TU_CLINT_MTIMECMP + 4, 0xffffffff, 4);
        clint_store(m, TU_CLINT_MTIMECMP, v & 0xffffffff, 4);
        clint_store(m, TU_CLINT_MTIMECMP + 4, v >> 32, 4);
    }
}

/* ---- exceptions ---- */

START_TEST(test_ecall_cause_depends_on_privilege)
{
    static const struct { unsigned priv; uint64_t cause; } c[] = {
        {3, 11}, {1, 9}, {0, 8},
    };
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        for (unsigned i = 0; i < 3; i++) {
            emu_machine *m = trap_machine(xlen);
            tu_write32(m, CODE + 8, TU_ECALL);
            tu_set(m, "pc", CODE + 8);
            tu_set_priv(m, c[i].priv);
            tu_set_csr(m, CSR_MTVAL, 0x55);
            tu_step(m, 1);
            ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), c[i].cause);
            ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE + 8);
            ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), 0);
            ck_assert_uint_eq(tu_reg(m, "pc"), MHANDLER);
            ck_assert_uint_eq(tu_reg(m, "priv"), 3);
            ck_assert_uint_eq((tu_csr(m, CSR_MSTATUS) >> 11) & 3, c[i].priv);
            emu_machine_free(m);
        }
    }
}
END_TEST

START_TEST(test_trap_saves_mie_into_mpie_and_clears_mie)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_MIE);
    tu_write32(m, CODE, TU_ECALL);
    tu_step(m, 1);
    uint64_t s = tu_csr(m, CSR_MSTATUS);
    ck_assert_uint_eq(s & (MSTATUS_MIE | MSTATUS_MPIE), MSTATUS_MPIE);
    /* and the other way round */
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_MPIE);
    tu_set(m, "pc", CODE);
    tu_step(m, 1);
    s = tu_csr(m, CSR_MSTATUS);
    ck_assert_uint_eq(s & (MSTATUS_MIE | MSTATUS_MPIE), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_medeleg_sends_u_ecall_to_s)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = trap_machine(xlen);
        tu_set_csr(m, CSR_MEDELEG, 1u << 8);
        tu_set_csr(m, CSR_MSTATUS, MSTATUS_SIE | MSTATUS_SPP);
        tu_write32(m, CODE + 4, TU_ECALL);
        tu_set(m, "pc", CODE + 4);
        tu_set_priv(m, 0);
        tu_step(m, 1);
        ck_assert_uint_eq(tu_reg(m, "priv"), 1);
        ck_assert_uint_eq(tu_reg(m, "pc"), SHANDLER);
        ck_assert_uint_eq(tu_csr(m, CSR_SCAUSE), 8);
        ck_assert_uint_eq(tu_csr(m, CSR_SEPC), CODE + 4);
        ck_assert_uint_eq(tu_csr(m, CSR_STVAL), 0);
        ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 0); /* M not involved */
        uint64_t s = tu_csr(m, CSR_MSTATUS);
        ck_assert_uint_eq(s & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP),
                          MSTATUS_SPIE); /* SPP = U, SPIE = old SIE */
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_medeleg_sends_s_ecall_to_s_with_spp_s)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_MEDELEG, 1u << 9);
    tu_write32(m, CODE, TU_ECALL);
    tu_set_priv(m, 1);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "priv"), 1);
    ck_assert_uint_eq(tu_csr(m, CSR_SCAUSE), 9);
    ck_assert_uint_eq(tu_csr(m, CSR_MSTATUS) & (MSTATUS_SPP | MSTATUS_SPIE),
                      MSTATUS_SPP);
    /* a U ecall is not delegated by bit 9 */
    tu_set(m, "pc", CODE);
    tu_set_priv(m, 0);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "priv"), 3);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 8);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_traps_from_m_are_never_delegated)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_MEDELEG, UINT64_MAX);
    ck_assert_uint_eq(tu_csr(m, CSR_MEDELEG), 0xb3ff); /* bit 11 not settable */
    tu_write32(m, CODE, TU_ECALL);
    tu_write32(m, CODE + 4, 0x0000000bu); /* custom-0: illegal */
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "priv"), 3);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 11);
    ck_assert_uint_eq(tu_csr(m, CSR_SCAUSE), 0);
    /* an illegal instruction in M with medeleg bit 2 set stays in M */
    tu_set(m, "pc", CODE + 4);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "priv"), 3);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 2);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE + 4);
    ck_assert_uint_eq(tu_csr(m, CSR_SCAUSE), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_mret_restores_priv_and_mie_sets_mpp_u)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = trap_machine(xlen);
        tu_write32(m, CODE, TU_MRET);
        tu_set_csr(m, CSR_MEPC, CODE + 0x40);
        tu_set_csr(m, CSR_MSTATUS, MSTATUS_MPIE | MSTATUS_MPP_S | MSTATUS_MPRV);
        tu_step(m, 1);
        ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 0x40);
        ck_assert_uint_eq(tu_reg(m, "priv"), 1);
        uint64_t s = tu_csr(m, CSR_MSTATUS);
        ck_assert_uint_eq(s & MSTATUS_MIE, MSTATUS_MIE);
        ck_assert_uint_eq(s & MSTATUS_MPIE, MSTATUS_MPIE);
        ck_assert_uint_eq((s >> 11) & 3, 0);      /* MPP = U */
        ck_assert_uint_eq(s & MSTATUS_MPRV, 0);   /* returned below M */
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_mret_to_m_keeps_mprv)
{
    emu_machine *m = trap_machine(64);
    tu_write32(m, CODE, TU_MRET);
    tu_set_csr(m, CSR_MEPC, CODE + 0x40);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_MPP_M | MSTATUS_MPRV);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "priv"), 3);
    uint64_t s = tu_csr(m, CSR_MSTATUS);
    ck_assert_uint_eq(s & MSTATUS_MPRV, MSTATUS_MPRV);
    ck_assert_uint_eq(s & MSTATUS_MIE, 0); /* from MPIE = 0 */
    ck_assert_uint_eq((s >> 11) & 3, 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sret_restores_priv_and_sie_sets_spp_u)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = trap_machine(xlen);
        tu_write32(m, CODE, TU_SRET);
        tu_write32(m, CODE + 0x40, TU_SRET);
        /* S -> S with SPIE set */
        tu_set_csr(m, CSR_SEPC, CODE + 0x40);
        tu_set_csr(m, CSR_MSTATUS, MSTATUS_SPIE | MSTATUS_SPP);
        tu_set_priv(m, 1);
        tu_step(m, 1);
        ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 0x40);
        ck_assert_uint_eq(tu_reg(m, "priv"), 1);
        uint64_t s = tu_csr(m, CSR_MSTATUS);
        ck_assert_uint_eq(s & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP),
                          MSTATUS_SIE | MSTATUS_SPIE);
        /* S -> U (SPP now U), SPIE stays 1 */
        tu_set_csr(m, CSR_SEPC, CODE + 0x80);
        tu_step(m, 1);
        ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 0x80);
        ck_assert_uint_eq(tu_reg(m, "priv"), 0);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_sret_from_m_clears_mprv)
{
    emu_machine *m = trap_machine(64);
    tu_write32(m, CODE, TU_SRET);
    tu_set_csr(m, CSR_SEPC, CODE + 0x40);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_MPRV | MSTATUS_MPP_S);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "priv"), 0);
    ck_assert_uint_eq(tu_csr(m, CSR_MSTATUS) & MSTATUS_MPRV, 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_illegal_instruction_tval_32bit_form)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = trap_machine(xlen);
        const uint32_t bad[] = {
            0x0000000bu,                          /* custom-0 */
            tu_op(ROP(7, 0x7f), A0, A1, A2),      /* OP with funct7 0x7f */
            tu_csrw(0x7c0, ZERO),                 /* no such CSR */
            0x00004073u,                          /* SYSTEM funct3 4 */
        };
        for (unsigned i = 0; i < 4; i++) {
            tu_write32(m, CODE, bad[i]);
            tu_set(m, "pc", CODE);
            tu_step(m, 1);
            ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 2);
            ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), bad[i]);
            ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE);
        }
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_illegal_instruction_tval_compressed_form)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = trap_machine(xlen);
        /* reserved 16-bit forms followed by a non-zero parcel that must not
         * leak into mtval */
        static const uint16_t bad[] = {0x8000, 0x0000, 0x2000, 0x8002, 0x6101};
        for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
            tu_write16(m, CODE + 2, bad[i]);
            tu_write16(m, CODE + 4, 0xffff);
            tu_set(m, "pc", CODE + 2);
            tu_set_csr(m, CSR_MTVAL, 0x1234);
            tu_step(m, 1);
            ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 2);
            ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), bad[i]);
            ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE + 2);
        }
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_compressed_illegal_without_c_extension)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.isa = "rv64ima";
    emu_machine *m = tu_machine_cfg(&cfg);
    tu_set_csr(m, CSR_MTVEC, MHANDLER);
    tu_write32(m, CODE, 0x00010001u); /* c.nop c.nop */
    tu_set(m, "pc", CODE);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 2);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), 0x0001);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_ebreak_cause_3_tval_pc)
{
    emu_machine *m = trap_machine(64);
    tu_write32(m, CODE + 12, TU_EBREAK);
    tu_set(m, "pc", CODE + 12);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 3);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE + 12);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), CODE + 12);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_misaligned_load_store_trap_without_zicclsm)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.isa = "rv64imac";
    emu_machine *m = tu_machine_cfg(&cfg);
    tu_set_csr(m, CSR_MTVEC, MHANDLER);
    TU_CODE(m, CODE, tu_lw(A0, A1, 0), tu_sd(A0, A1, 0));
    tu_set_x(m, A1, TU_RAM_BASE + 0x801);
    tu_set(m, "pc", CODE);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 4);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), TU_RAM_BASE + 0x801);
    tu_set(m, "pc", CODE + 4);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 6);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), TU_RAM_BASE + 0x801);
    emu_machine_free(m);

    /* the default ISA names zicclsm: the same load completes */
    m = trap_machine(64);
    tu_write64(m, TU_RAM_BASE + 0x800, 0x8877665544332211ull);
    TU_CODE(m, CODE, tu_lw(A0, A1, 0));
    tu_set_x(m, A1, TU_RAM_BASE + 0x801);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_x(m, A0), 0x55443322ull);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_misaligned_jump_target_without_c_traps_at_the_jump)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.isa = "rv64ima";
    emu_machine *m = tu_machine_cfg(&cfg);
    tu_set_csr(m, CSR_MTVEC, MHANDLER);
    /* IALIGN = 32: mepc keeps bit 1 clear too */
    tu_set_csr(m, CSR_MEPC, CODE + 6);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE + 4);
    TU_CODE(m, CODE, TU_NOP, tu_jal(RA, 6), tu_jalr(ZERO, A1, 2));
    tu_set(m, "pc", CODE);
    tu_step(m, 2);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 0);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE + 4);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), CODE + 10);
    ck_assert_uint_eq(tu_x(m, RA), 0); /* the jump did not retire */
    tu_set_x(m, A1, CODE + 0x100);
    tu_set(m, "pc", CODE + 8);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 0);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE + 8);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), CODE + 0x102);
    emu_machine_free(m);
}
END_TEST

/* ---- interrupts ---- */

START_TEST(test_vectored_mtvec_interrupts_to_base_plus_4_cause)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = trap_machine(xlen);
        tu_set_csr(m, CSR_MTVEC, MHANDLER | 1);
        tu_set_csr(m, CSR_MIE, 1u << 3);
        set_msip(m, true);
        tu_set_csr(m, CSR_MSTATUS, MSTATUS_MIE);
        tu_set(m, "pc", CODE);
        tu_step(m, 1); /* interrupt, then the handler's first nop */
        ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), IRQ_BIT(xlen) | 3);
        ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE);
        ck_assert_uint_eq(tu_reg(m, "pc"), MHANDLER + 4 * 3 + 4);
        /* an exception goes to the base */
        set_msip(m, false);
        tu_write32(m, CODE + 0x20, TU_ECALL);
        tu_set(m, "pc", CODE + 0x20);
        tu_step(m, 1);
        ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 11);
        ck_assert_uint_eq(tu_reg(m, "pc"), MHANDLER);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_vectored_stvec_for_delegated_interrupt)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_STVEC, SHANDLER | 1);
    tu_set_csr(m, CSR_MIDELEG, 0x222);
    tu_set_csr(m, CSR_MIE, 1u << 5);
    tu_set_csr(m, CSR_MIP, 1u << 5); /* STIP */
    tu_set_priv(m, 0);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "priv"), 1);
    ck_assert_uint_eq(tu_csr(m, CSR_SCAUSE), IRQ_BIT(64) | 5);
    ck_assert_uint_eq(tu_csr(m, CSR_SEPC), CODE);
    ck_assert_uint_eq(tu_reg(m, "pc"), SHANDLER + 4 * 5 + 4);
    emu_machine_free(m);
}
END_TEST

/* Run one step from U mode at CODE and return the cause taken (M level). */
static uint64_t take_one(emu_machine *m)
{
    tu_set(m, "pc", CODE);
    tu_set_priv(m, 0);
    tu_set_csr(m, CSR_MCAUSE, 0);
    tu_set_csr(m, CSR_SCAUSE, 0);
    tu_step(m, 1);
    uint64_t irq = IRQ_BIT(emu_xlen(m));
    if (tu_reg(m, "priv") == 3) {
        ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE);
        return tu_csr(m, CSR_MCAUSE) & ~irq;
    }
    ck_assert_uint_eq(tu_reg(m, "priv"), 1);
    ck_assert_uint_eq(tu_csr(m, CSR_SEPC), CODE);
    return 0x100 | (tu_csr(m, CSR_SCAUSE) & ~irq); /* 0x100: taken in S */
}

START_TEST(test_interrupt_priority_order_all_to_m)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = trap_machine(xlen);
        tu_set_csr(m, CSR_MIE, 0xaaa);
        tu_set_csr(m, CSR_MIP, 0x222); /* SSIP STIP SEIP */
        set_msip(m, true);
        set_mtimecmp(m, 0); /* MTIP */
        ck_assert_uint_eq(tu_csr(m, CSR_MIP), 0x2aa);
        ck_assert_uint_eq(take_one(m), 3); /* MSI */
        set_msip(m, false);
        ck_assert_uint_eq(take_one(m), 7); /* MTI */
        set_mtimecmp(m, UINT64_MAX);
        ck_assert_uint_eq(tu_csr(m, CSR_MIP), 0x222);
        ck_assert_uint_eq(take_one(m), 9); /* SEI */
        tu_set_csr(m, CSR_MIP, 0x022);
        ck_assert_uint_eq(take_one(m), 1); /* SSI */
        tu_set_csr(m, CSR_MIP, 0x020);
        ck_assert_uint_eq(take_one(m), 5); /* STI */
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_m_level_interrupt_before_delegated_s_level)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_MIDELEG, 0x222);
    tu_set_csr(m, CSR_MIE, 0xaaa);
    tu_set_csr(m, CSR_MIP, 0x202); /* SEIP SSIP: delegated */
    set_mtimecmp(m, 0);             /* MTIP: M level, lower number order */
    ck_assert_uint_eq(take_one(m), 7);
    set_mtimecmp(m, UINT64_MAX);
    ck_assert_uint_eq(take_one(m), 0x100 | 9); /* SEI before SSI, in S */
    tu_set_csr(m, CSR_MIP, 0x022);
    ck_assert_uint_eq(take_one(m), 0x100 | 1); /* SSI before STI */
    tu_set_csr(m, CSR_MIP, 0x020);
    ck_assert_uint_eq(take_one(m), 0x100 | 5);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_interrupt_not_taken_in_m_with_mie_clear)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_MIE, 1u << 3);
    set_msip(m, true);
    tu_set(m, "pc", CODE);
    tu_step(m, 3);
    ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 12);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 0);
    /* MIE = 1: taken */
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_MIE);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), IRQ_BIT(64) | 3);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE + 12);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_interrupt_taken_from_u_regardless_of_mie)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = trap_machine(xlen);
        tu_set_csr(m, CSR_MIE, 1u << 3);
        set_msip(m, true);
        tu_set_csr(m, CSR_MSTATUS, 0);
        ck_assert_uint_eq(take_one(m), 3);
        ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), IRQ_BIT(xlen) | 3);
        /* and from S too */
        tu_set(m, "pc", CODE);
        tu_set_priv(m, 1);
        tu_set_csr(m, CSR_MCAUSE, 0);
        tu_step(m, 1);
        ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), IRQ_BIT(xlen) | 3);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_delegated_interrupt_never_taken_in_m_and_needs_sie_in_s)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_MIDELEG, 0x222);
    tu_set_csr(m, CSR_MIE, 0x2);
    tu_set_csr(m, CSR_MIP, 0x2);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_MIE | MSTATUS_SIE);
    tu_set(m, "pc", CODE);
    tu_step(m, 2); /* in M: not taken */
    ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 8);
    ck_assert_uint_eq(tu_csr(m, CSR_SCAUSE), 0);
    tu_set_csr(m, CSR_MSTATUS, 0);
    tu_set_priv(m, 1);
    tu_step(m, 2); /* in S with SIE = 0: not taken */
    ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 16);
    ck_assert_uint_eq(tu_csr(m, CSR_SCAUSE), 0);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_SIE);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_SCAUSE), IRQ_BIT(64) | 1);
    ck_assert_uint_eq(tu_csr(m, CSR_SEPC), CODE + 16);
    ck_assert_uint_eq(tu_csr(m, CSR_MSTATUS) & (MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE),
                      MSTATUS_SPP | MSTATUS_SPIE);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_interrupt_taken_right_after_csr_sets_mie)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_MIE, 1u << 3);
    set_msip(m, true);
    TU_CODE(m, CODE, tu_csr_insn(6, 0, CSR_MSTATUS, 8), TU_NOP); /* csrsi */
    tu_set(m, "pc", CODE);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 4);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), IRQ_BIT(64) | 3);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), CODE + 4);
    ck_assert_uint_eq(tu_reg(m, "pc"), MHANDLER + 4);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_wfi_with_enabled_pending_interrupt_does_not_stop)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_MIE, 1u << 3);
    set_msip(m, true);
    tu_write32(m, CODE, TU_WFI);
    tu_set(m, "pc", CODE);
    emu_exit ex = tu_run(m, 3);
    ck_assert_int_eq(ex.reason, EMU_EXIT_BUDGET);
    ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 12);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 0); /* MIE = 0: not taken */
    emu_machine_free(m);
}
END_TEST

START_TEST(test_wfi_with_no_possible_interrupt_exits_idle)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = trap_machine(xlen);
        tu_write32(m, CODE, TU_WFI);
        tu_set(m, "pc", CODE);
        emu_exit ex = tu_run(m, 1000);
        ck_assert_int_eq(ex.reason, EMU_EXIT_IDLE);
        ck_assert_uint_eq(ex.hart, 0);
        /* an interrupt enabled in mie but pending nowhere: still idle */
        tu_set_csr(m, CSR_MIE, 1u << 3);
        ex = tu_run(m, 1000);
        ck_assert_int_eq(ex.reason, EMU_EXIT_IDLE);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_wfi_skips_time_to_the_timer_interrupt)
{
    emu_machine *m = trap_machine(64);
    tu_set_csr(m, CSR_MIE, 1u << 7);
    set_mtimecmp(m, 5000); /* far in the future: 500000 steps at 100/tick */
    TU_CODE(m, CODE, TU_WFI, tu_csrr(A0, CSR_TIME));
    tu_set(m, "pc", CODE);
    emu_exit ex = tu_run(m, 2);
    ck_assert_int_eq(ex.reason, EMU_EXIT_BUDGET);
    ck_assert_uint_eq(tu_reg(m, "pc"), CODE + 8);
    ck_assert_uint_ge(tu_x(m, A0), 5000);
    ck_assert_uint_lt(tu_x(m, A0), 5010);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 0);
    ck_assert_uint_eq(tu_csr(m, CSR_MIP) & (1u << 7), 1u << 7);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_wfi_illegal_in_u_and_with_tw_in_s)
{
    emu_machine *m = trap_machine(64);
    tu_write32(m, CODE, TU_WFI);
    tu_set_priv(m, 0);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 2);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), TU_WFI);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_TW);
    tu_set(m, "pc", CODE);
    tu_set_priv(m, 1);
    tu_set_csr(m, CSR_MCAUSE, 0);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 2);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_interrupt_stats_count_traps_and_interrupts)
{
    emu_machine *m = trap_machine(64);
    tu_write32(m, CODE, TU_ECALL);
    tu_step(m, 1);
    tu_set_csr(m, CSR_MIE, 1u << 1);
    tu_set_csr(m, CSR_MIP, 1u << 1);
    tu_set_csr(m, CSR_MSTATUS, MSTATUS_MIE);
    tu_step(m, 1);
    emu_stats st;
    emu_get_stats(m, &st);
    ck_assert_uint_eq(st.traps, 2);
    ck_assert_uint_eq(st.interrupts, 1);
    emu_machine_free(m);
}
END_TEST

static Suite *trap_suite(void)
{
    Suite *s = suite_create("trap");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_ecall_cause_depends_on_privilege);
    tcase_add_test(tc, test_trap_saves_mie_into_mpie_and_clears_mie);
    tcase_add_test(tc, test_medeleg_sends_u_ecall_to_s);
    tcase_add_test(tc, test_medeleg_sends_s_ecall_to_s_with_spp_s);
    tcase_add_test(tc, test_traps_from_m_are_never_delegated);
    tcase_add_test(tc, test_mret_restores_priv_and_mie_sets_mpp_u);
    tcase_add_test(tc, test_mret_to_m_keeps_mprv);
    tcase_add_test(tc, test_sret_restores_priv_and_sie_sets_spp_u);
    tcase_add_test(tc, test_sret_from_m_clears_mprv);
    tcase_add_test(tc, test_illegal_instruction_tval_32bit_form);
    tcase_add_test(tc, test_illegal_instruction_tval_compressed_form);
    tcase_add_test(tc, test_compressed_illegal_without_c_extension);
    tcase_add_test(tc, test_ebreak_cause_3_tval_pc);
    tcase_add_test(tc, test_misaligned_load_store_trap_without_zicclsm);
    tcase_add_test(tc, test_misaligned_jump_target_without_c_traps_at_the_jump);
    tcase_add_test(tc, test_vectored_mtvec_interrupts_to_base_plus_4_cause);
    tcase_add_test(tc, test_vectored_stvec_for_delegated_interrupt);
    tcase_add_test(tc, test_interrupt_priority_order_all_to_m);
    tcase_add_test(tc, test_m_level_interrupt_before_delegated_s_level);
    tcase_add_test(tc, test_interrupt_not_taken_in_m_with_mie_clear);
    tcase_add_test(tc, test_interrupt_taken_from_u_regardless_of_mie);
    tcase_add_test(tc, test_delegated_interrupt_never_taken_in_m_and_needs_sie_in_s);
    tcase_add_test(tc, test_interrupt_taken_right_after_csr_sets_mie);
    tcase_add_test(tc, test_wfi_with_enabled_pending_interrupt_does_not_stop);
    tcase_add_test(tc, test_wfi_with_no_possible_interrupt_exits_idle);
    tcase_add_test(tc, test_wfi_skips_time_to_the_timer_interrupt);
    tcase_add_test(tc, test_wfi_illegal_in_u_and_with_tw_in_s);
    tcase_add_test(tc, test_interrupt_stats_count_traps_and_interrupts);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(trap_suite()); }
