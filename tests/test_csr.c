/*
 * CSR access and WARL rules (priv spec 1.12 chapters 2-3, Zicntr), through
 * executed CSR instructions and through the register API.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#define HANDLER (TU_RAM_BASE + 0x400)

/* Machine with a trap handler address, PMP open to S and U. */
static emu_machine *csr_machine(unsigned xlen)
{
    emu_machine *m = tu_machine(xlen);
    tu_set_csr(m, CSR_MTVEC, HANDLER);
    tu_pmp_allow_all(m);
    return m;
}

/* Execute insn at RAM_BASE at privilege priv; return true when it retired
 * (pc moved on), false when it trapped (pc at the handler). */
static bool exec_at(emu_machine *m, unsigned priv, uint32_t insn)
{
    tu_write32(m, TU_RAM_BASE, insn);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_priv(m, priv);
    tu_set_csr(m, CSR_MCAUSE, 0);
    tu_step(m, 1);
    uint64_t pc = tu_reg(m, "pc");
    if (pc == TU_RAM_BASE + 4)
        return true;
    ck_assert_msg(pc == HANDLER, "pc 0x%llx after 0x%08x",
                  (unsigned long long)pc, insn);
    return false;
}

/* The instruction must raise an illegal-instruction exception into M with
 * mtval = its bits and mepc = its address. */
static void expect_illegal_at(emu_machine *m, unsigned priv, uint32_t insn)
{
    ck_assert_msg(!exec_at(m, priv, insn), "0x%08x in priv %u did not trap",
                  insn, priv);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 2);
    ck_assert_uint_eq(tu_csr(m, CSR_MTVAL), insn);
    ck_assert_uint_eq(tu_csr(m, CSR_MEPC), TU_RAM_BASE);
    ck_assert_uint_eq(tu_reg(m, "priv"), 3);
}

static void expect_ok_at(emu_machine *m, unsigned priv, uint32_t insn)
{
    ck_assert_msg(exec_at(m, priv, insn),
                  "0x%08x in priv %u trapped with mcause %llu", insn, priv,
                  (unsigned long long)tu_csr(m, CSR_MCAUSE));
}

START_TEST(test_misa_value_rv64_default)
{
    emu_machine *m = csr_machine(64);
    ck_assert_uint_eq(tu_reg(m, "misa"), 0x800000000014112full);
    expect_ok_at(m, 3, tu_csrr(A0, CSR_MISA));
    ck_assert_uint_eq(tu_x(m, A0), 0x800000000014112full);
    /* misa is WARL and read-only here: a write does not trap or change it */
    tu_set_x(m, A1, 0);
    expect_ok_at(m, 3, tu_csrw(CSR_MISA, A1));
    ck_assert_uint_eq(tu_csr(m, CSR_MISA), 0x800000000014112full);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_misa_value_rv32_default)
{
    emu_machine *m = csr_machine(32);
    ck_assert_uint_eq(tu_reg(m, "misa"), 0x4014112full);
    expect_ok_at(m, 3, tu_csrr(A0, CSR_MISA));
    ck_assert_uint_eq(tu_x(m, A0), 0x4014112full);
    emu_machine_free(m);
}
END_TEST

static unsigned mpp(emu_machine *m)
{
    return (unsigned)(tu_csr(m, CSR_MSTATUS) >> 11) & 3;
}

START_TEST(test_mstatus_mpp_keeps_old_value_on_reserved_mode)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = csr_machine(xlen);
        ck_assert_uint_eq(mpp(m), 3); /* reset: M */
        tu_set_x(m, A1, 1ull << 11);
        expect_ok_at(m, 3, tu_csrw(CSR_MSTATUS, A1));
        ck_assert_uint_eq(mpp(m), 1);
        tu_set_x(m, A1, 2ull << 11);
        expect_ok_at(m, 3, tu_csrw(CSR_MSTATUS, A1));
        ck_assert_uint_eq(mpp(m), 1); /* 2 is reserved: unchanged */
        tu_set_csr(m, CSR_MSTATUS, 0);
        ck_assert_uint_eq(mpp(m), 0);
        tu_set_csr(m, CSR_MSTATUS, 2ull << 11);
        ck_assert_uint_eq(mpp(m), 0);
        tu_set_csr(m, CSR_MSTATUS, 3ull << 11);
        ck_assert_uint_eq(mpp(m), 3);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_mstatus_mpp_only_m_without_s_and_u)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.priv = "m";
    emu_machine *m = tu_machine_cfg(&cfg);
    tu_set_csr(m, CSR_MSTATUS, 0); /* MPP = U does not exist */
    ck_assert_uint_eq(mpp(m), 3);
    tu_set_csr(m, CSR_MSTATUS, 1ull << 11);
    ck_assert_uint_eq(mpp(m), 3);
    /* misa has neither S nor U */
    ck_assert_uint_eq(tu_csr(m, CSR_MISA), 0x800000000000112full);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_mstatus_uxl_sxl_read_2_on_rv64)
{
    emu_machine *m = csr_machine(64);
    uint64_t s = tu_csr(m, CSR_MSTATUS);
    ck_assert_uint_eq((s >> 32) & 3, 2);
    ck_assert_uint_eq((s >> 34) & 3, 2);
    /* read-only: writing zeros there keeps 2 */
    tu_set_x(m, A1, 0);
    expect_ok_at(m, 3, tu_csrw(CSR_MSTATUS, A1));
    s = tu_csr(m, CSR_MSTATUS);
    ck_assert_uint_eq((s >> 32) & 0xf, 0xa);
    /* sstatus shows UXL only */
    ck_assert_uint_eq(tu_csr(m, CSR_SSTATUS) >> 32, 2);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_rv32_mstatush_reads_zero_and_mstatus_has_no_xl)
{
    emu_machine *m = csr_machine(32);
    ck_assert_uint_eq(tu_csr(m, CSR_MSTATUSH), 0);
    ck_assert_uint_eq(tu_csr(m, CSR_MSTATUS) >> 32, 0);
    expect_ok_at(m, 3, tu_csrr(A0, CSR_MSTATUSH));
    ck_assert_uint_eq(tu_x(m, A0), 0);
    emu_machine_free(m);
    /* mstatush does not exist on RV64 */
    m = csr_machine(64);
    expect_illegal_at(m, 3, tu_csrr(A0, CSR_MSTATUSH));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sstatus_is_a_masked_view_of_mstatus)
{
    emu_machine *m = csr_machine(64);
    /* MIE, MPIE, MPP=S, SIE, SPIE, SPP, SUM, MXR, TVM, TW, TSR, MPRV */
    uint64_t all = (1u << 3) | (1u << 7) | (1u << 11) | (1u << 1) | (1u << 5) |
                   (1u << 8) | (1u << 18) | (1u << 19) | (1u << 20) |
                   (1u << 21) | (1u << 22) | (1u << 17);
    tu_set_csr(m, CSR_MSTATUS, all);
    ck_assert_uint_eq(tu_csr(m, CSR_MSTATUS), all | (0xaull << 32));
    expect_ok_at(m, 1, tu_csrr(A0, CSR_SSTATUS));
    ck_assert_uint_eq(tu_x(m, A0), (1u << 1) | (1u << 5) | (1u << 8) |
                                       (1u << 18) | (1u << 19) | (2ull << 32));

    /* writing sstatus changes only the S fields */
    tu_set_csr(m, CSR_MSTATUS, 0);
    tu_set_x(m, A1, UINT64_MAX);
    expect_ok_at(m, 1, tu_csrw(CSR_SSTATUS, A1));
    /* only the S-writable bits changed (MPP stayed U, MIE/TVM/... clear);
     * FS = Dirty makes SD read 1 */
    ck_assert_uint_eq(tu_csr(m, CSR_MSTATUS),
                      (1u << 1) | (1u << 5) | (1u << 8) | (3u << 13) |
                          (1u << 18) | (1u << 19) | (0xaull << 32) |
                          (1ull << 63));
    emu_machine_free(m);

    m = csr_machine(32);
    tu_set_csr(m, CSR_MSTATUS, all);
    ck_assert_uint_eq(tu_csr(m, CSR_SSTATUS),
                      (1u << 1) | (1u << 5) | (1u << 8) | (1u << 18) | (1u << 19));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_delegation_and_enable_masks)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = csr_machine(xlen);
        tu_set_x(m, A1, UINT64_MAX);
        expect_ok_at(m, 3, tu_csrw(CSR_MEDELEG, A1));
        ck_assert_uint_eq(tu_csr(m, CSR_MEDELEG), 0xb3ff);
        expect_ok_at(m, 3, tu_csrw(CSR_MIDELEG, A1));
        ck_assert_uint_eq(tu_csr(m, CSR_MIDELEG), 0x222);
        expect_ok_at(m, 3, tu_csrw(CSR_MIE, A1));
        ck_assert_uint_eq(tu_csr(m, CSR_MIE), 0xaaa);
        /* sie shows the delegated bits only */
        ck_assert_uint_eq(tu_csr(m, CSR_SIE), 0x222);
        tu_set_csr(m, CSR_MIDELEG, 0x20);
        ck_assert_uint_eq(tu_csr(m, CSR_SIE), 0x20);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_mip_software_writes_only_s_bits)
{
    emu_machine *m = csr_machine(64);
    tu_set_x(m, A1, UINT64_MAX);
    expect_ok_at(m, 3, tu_csrw(CSR_MIP, A1));
    ck_assert_uint_eq(tu_csr(m, CSR_MIP), 0x222);
    tu_set_x(m, A1, 0);
    expect_ok_at(m, 3, tu_csrw(CSR_MIP, A1));
    ck_assert_uint_eq(tu_csr(m, CSR_MIP), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_sip_writes_only_delegated_ssip)
{
    emu_machine *m = csr_machine(64);
    tu_set_x(m, A1, UINT64_MAX);
    expect_ok_at(m, 1, tu_csrw(CSR_SIP, A1)); /* nothing delegated */
    ck_assert_uint_eq(tu_csr(m, CSR_MIP), 0);
    tu_set_csr(m, CSR_MIDELEG, 0x222);
    expect_ok_at(m, 1, tu_csrw(CSR_SIP, A1));
    ck_assert_uint_eq(tu_csr(m, CSR_MIP), 0x2); /* STIP, SEIP not via sip */
    tu_set_csr(m, CSR_MIP, 0x222);
    tu_set_csr(m, CSR_MIDELEG, 0x020);
    ck_assert_uint_eq(tu_csr(m, CSR_SIP), 0x020); /* only delegated bits */
    emu_machine_free(m);
}
END_TEST

START_TEST(test_mtvec_mode_bit1_cleared)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = csr_machine(xlen);
        tu_set_x(m, A1, 0x80001003ull);
        expect_ok_at(m, 3, tu_csrrw(A0, CSR_MTVEC, A1));
        ck_assert_uint_eq(tu_x(m, A0), HANDLER); /* old value */
        ck_assert_uint_eq(tu_csr(m, CSR_MTVEC), 0x80001001ull);
        tu_set_csr(m, CSR_MTVEC, 0x80001002ull);
        ck_assert_uint_eq(tu_csr(m, CSR_MTVEC), 0x80001000ull);
        tu_set_csr(m, CSR_STVEC, 0x80002007ull);
        ck_assert_uint_eq(tu_csr(m, CSR_STVEC), 0x80002005ull);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_mepc_sepc_bit0_cleared)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = csr_machine(xlen);
        tu_set_x(m, A1, 0x80000003ull);
        expect_ok_at(m, 3, tu_csrw(CSR_MEPC, A1));
        ck_assert_uint_eq(tu_csr(m, CSR_MEPC), 0x80000002ull);
        expect_ok_at(m, 3, tu_csrw(CSR_SEPC, A1));
        ck_assert_uint_eq(tu_csr(m, CSR_SEPC), 0x80000002ull);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_satp_unsupported_mode_write_ignored_rv64)
{
    emu_machine *m = csr_machine(64);
    uint64_t sv39 = (8ull << 60) | (5ull << 44) | 0x80123ull;
    tu_set_x(m, A1, sv39);
    expect_ok_at(m, 3, tu_csrw(CSR_SATP, A1));
    ck_assert_uint_eq(tu_csr(m, CSR_SATP), sv39);
    for (uint64_t mode = 1; mode <= 7; mode++) {
        tu_set_x(m, A1, (mode << 60) | 0x80777ull);
        expect_ok_at(m, 3, tu_csrw(CSR_SATP, A1));
        ck_assert_msg(tu_csr(m, CSR_SATP) == sv39, "mode %llu changed satp",
                      (unsigned long long)mode);
    }
    for (uint64_t mode = 11; mode <= 15; mode++) {
        tu_set_csr(m, CSR_SATP, (mode << 60) | 0x80777ull);
        ck_assert_uint_eq(tu_csr(m, CSR_SATP), sv39);
    }
    tu_set_csr(m, CSR_SATP, (9ull << 60) | 1);
    ck_assert_uint_eq(tu_csr(m, CSR_SATP), (9ull << 60) | 1);
    tu_set_csr(m, CSR_SATP, (10ull << 60) | 2);
    ck_assert_uint_eq(tu_csr(m, CSR_SATP), (10ull << 60) | 2);
    tu_set_csr(m, CSR_SATP, 0);
    ck_assert_uint_eq(tu_csr(m, CSR_SATP), 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_unknown_csr_is_illegal_with_tval)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = csr_machine(xlen);
        expect_illegal_at(m, 3, tu_csrr(A0, 0x7c0));
        expect_illegal_at(m, 3, tu_csrrw(A0, 0x7c0, A1));
        expect_illegal_at(m, 3, tu_csr_insn(6, A0, 0x5c0, 3)); /* csrrsi */
        /* and the register API reports it as not found */
        uint64_t v;
        ck_assert_int_eq(emu_reg_read_num(m, 0, EMU_REG_CSR + 0x7c0, &v),
                         EMU_ERR_NOT_FOUND);
        ck_assert_str_ne(emu_last_error(m), "");
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_write_to_read_only_csr_is_illegal_read_is_fine)
{
    emu_machine *m = csr_machine(64);
    tu_set_x(m, A1, 5);
    expect_illegal_at(m, 3, tu_csrw(CSR_MHARTID, A1));
    expect_illegal_at(m, 3, tu_csr_insn(5, 0, CSR_MHARTID, 0)); /* csrrwi x0, 0 */
    expect_illegal_at(m, 3, tu_csrrs(A0, CSR_MHARTID, A1));
    tu_set_x(m, A0, 99);
    expect_ok_at(m, 3, tu_csrr(A0, CSR_MHARTID));
    ck_assert_uint_eq(tu_x(m, A0), 0);
    /* csrrs/csrrc with rs1 = x0 and csrrsi with uimm 0 do not write */
    expect_ok_at(m, 3, tu_csrrc(A0, CSR_MHARTID, ZERO));
    expect_ok_at(m, 3, tu_csr_insn(6, A0, CSR_MHARTID, 0));
    expect_ok_at(m, 3, tu_csr_insn(7, A0, 0xf11, 0)); /* mvendorid */
    /* cycle is read-only too */
    expect_illegal_at(m, 3, tu_csrw(CSR_CYCLE, A1));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_s_mode_access_to_m_csr_is_illegal)
{
    emu_machine *m = csr_machine(64);
    expect_illegal_at(m, 1, tu_csrr(A0, CSR_MSTATUS));
    expect_illegal_at(m, 1, tu_csrr(A0, CSR_MSCRATCH));
    expect_illegal_at(m, 1, tu_csrr(A0, CSR_MHARTID));
    expect_illegal_at(m, 1, TU_MRET);
    tu_set_csr(m, CSR_SSCRATCH, 0x1234);
    expect_ok_at(m, 1, tu_csrr(A0, CSR_SSCRATCH));
    ck_assert_uint_eq(tu_x(m, A0), 0x1234);
    /* U mode cannot reach S CSRs */
    expect_illegal_at(m, 0, tu_csrr(A0, CSR_SSTATUS));
    expect_illegal_at(m, 0, tu_csrr(A0, CSR_SATP));
    expect_illegal_at(m, 0, TU_SRET);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_satp_access_from_s_trapped_by_tvm)
{
    emu_machine *m = csr_machine(64);
    expect_ok_at(m, 1, tu_csrr(A0, CSR_SATP));
    tu_set_csr(m, CSR_MSTATUS, 1u << 20); /* TVM */
    expect_illegal_at(m, 1, tu_csrr(A0, CSR_SATP));
    expect_illegal_at(m, 1, TU_SFENCE_VMA);
    expect_ok_at(m, 3, tu_csrr(A0, CSR_SATP));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_counters_gated_by_mcounteren_and_scounteren)
{
    static const unsigned ctr[] = {CSR_CYCLE, CSR_TIME, CSR_INSTRET};
    for (unsigned i = 0; i < 3; i++) {
        emu_machine *m = csr_machine(64);
        uint32_t insn = tu_csrr(A0, ctr[i]);
        expect_ok_at(m, 3, insn);
        expect_illegal_at(m, 1, insn);
        expect_illegal_at(m, 0, insn);
        tu_set_csr(m, CSR_MCOUNTEREN, 1u << i);
        expect_ok_at(m, 1, insn);
        expect_illegal_at(m, 0, insn); /* scounteren still clear */
        tu_set_csr(m, CSR_SCOUNTEREN, 1u << i);
        expect_ok_at(m, 0, insn);
        /* the other counters stay closed */
        expect_illegal_at(m, 0, tu_csrr(A0, ctr[(i + 1) % 3]));
        /* scounteren alone does not open U mode */
        tu_set_csr(m, CSR_MCOUNTEREN, 0);
        expect_illegal_at(m, 0, insn);
        expect_illegal_at(m, 1, insn);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_minstret_written_value_read_by_next_instruction)
{
    emu_machine *m = csr_machine(64);
    tu_set_x(m, A1, 1000);
    TU_CODE(m, TU_RAM_BASE, TU_NOP, tu_csrw(CSR_MINSTRET, A1),
            tu_csrr(A2, CSR_MINSTRET), tu_csrr(A3, CSR_INSTRET),
            tu_csrr(A4, CSR_MINSTRET));
    tu_set(m, "pc", TU_RAM_BASE);
    tu_step(m, 5);
    ck_assert_uint_eq(tu_x(m, A2), 1000);
    ck_assert_uint_eq(tu_x(m, A3), 1001);
    ck_assert_uint_eq(tu_x(m, A4), 1002);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_minstreth_write_on_rv32)
{
    emu_machine *m = csr_machine(32);
    tu_set_x(m, A1, 5);
    tu_set_x(m, A5, 7);
    TU_CODE(m, TU_RAM_BASE, tu_csrw(CSR_MINSTRETH, A5),
            tu_csrw(CSR_MINSTRET, A1), tu_csrr(A2, CSR_MINSTRET),
            tu_csrr(A3, CSR_MINSTRETH), tu_csrr(A4, CSR_MINSTRET));
    tu_set(m, "pc", TU_RAM_BASE);
    tu_step(m, 5);
    /* each write sets its half of the value the next instruction reads */
    ck_assert_uint_eq(tu_x(m, A2), 5);
    ck_assert_uint_eq(tu_x(m, A3), 7);
    ck_assert_uint_eq(tu_x(m, A4), 7);
    ck_assert_uint_eq(tu_csr(m, CSR_MINSTRETH), 7);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_pmp_cfg_lock_ignores_later_writes)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = tu_machine(xlen);
        tu_set_csr(m, CSR_PMPADDR0, 0x20000000ull);
        tu_set_x(m, A1, 0x0b89); /* entry0 L|TOR|R, entry1 TOR|R|W */
        tu_set_csr(m, CSR_MTVEC, HANDLER);
        /* the register API and csrw follow the same rule */
        ck_assert(exec_at(m, 3, tu_csrw(CSR_PMPCFG0, A1)));
        ck_assert_uint_eq(tu_csr(m, CSR_PMPCFG0), 0x0b89);
        tu_set_x(m, A1, 0x0f1f);
        ck_assert(exec_at(m, 3, tu_csrw(CSR_PMPCFG0, A1)));
        ck_assert_uint_eq(tu_csr(m, CSR_PMPCFG0), 0x0f89); /* byte 0 locked */
        tu_set_csr(m, CSR_PMPCFG0, 0);
        ck_assert_uint_eq(tu_csr(m, CSR_PMPCFG0), 0x0089);
        /* the locked entry's address is locked too */
        tu_set_csr(m, CSR_PMPADDR0, 0x1234);
        ck_assert_uint_eq(tu_csr(m, CSR_PMPADDR0), 0x20000000ull);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_pmp_locked_tor_locks_address_below)
{
    emu_machine *m = tu_machine(64);
    tu_set_csr(m, CSR_PMPADDR0, 0x100);
    tu_set_csr(m, CSR_PMPADDR0 + 1, 0x200);
    tu_set_csr(m, CSR_PMPCFG0, 0x8900ull); /* entry 1: L | TOR | R */
    tu_set_csr(m, CSR_PMPADDR0, 0x999);
    ck_assert_uint_eq(tu_csr(m, CSR_PMPADDR0), 0x100);
    tu_set_csr(m, CSR_PMPADDR0 + 2, 0x999); /* not affected */
    ck_assert_uint_eq(tu_csr(m, CSR_PMPADDR0 + 2), 0x999);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_pmp_cfg_w_without_r_keeps_old_value)
{
    emu_machine *m = tu_machine(64);
    tu_set_csr(m, CSR_PMPCFG0, 0x19); /* NAPOT R */
    tu_set_csr(m, CSR_PMPCFG0, 0x1a); /* NAPOT W: reserved */
    ck_assert_uint_eq(tu_csr(m, CSR_PMPCFG0) & 0xff, 0x19);
    /* bits 5 and 6 are reserved zeros */
    tu_set_csr(m, CSR_PMPCFG0, 0x79);
    ck_assert_uint_eq(tu_csr(m, CSR_PMPCFG0) & 0xff, 0x19);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_pmpaddr_reads_back)
{
    emu_machine *m = csr_machine(64);
    tu_set_x(m, A1, 0x123456789ull);
    expect_ok_at(m, 3, tu_csrw(CSR_PMPADDR0 + 15, A1));
    expect_ok_at(m, 3, tu_csrr(A0, CSR_PMPADDR0 + 15));
    ck_assert_uint_eq(tu_x(m, A0), 0x123456789ull);
    /* RV64 pmpaddr holds bits 55:2 of the address: 54 bits */
    tu_set_csr(m, CSR_PMPADDR0 + 3, UINT64_MAX);
    ck_assert_uint_eq(tu_csr(m, CSR_PMPADDR0 + 3), (1ull << 54) - 1);
    /* RV64 has only the even pmpcfg registers */
    expect_illegal_at(m, 3, tu_csrr(A0, CSR_PMPCFG0 + 1));
    emu_machine_free(m);

    m = csr_machine(32);
    tu_set_csr(m, CSR_PMPADDR0 + 7, 0xfedcba98ull);
    ck_assert_uint_eq(tu_csr(m, CSR_PMPADDR0 + 7), 0xfedcba98ull);
    tu_set_csr(m, CSR_PMPCFG0 + 1, 0x19191919ull);
    ck_assert_uint_eq(tu_csr(m, CSR_PMPCFG0 + 1), 0x19191919ull);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_csr_names_through_register_api)
{
    emu_machine *m = tu_machine(64);
    tu_set(m, "mscratch", 0xdeadbeefcafef00dull);
    ck_assert_uint_eq(tu_csr(m, CSR_MSCRATCH), 0xdeadbeefcafef00dull);
    ck_assert_uint_eq(tu_reg(m, "mscratch"), 0xdeadbeefcafef00dull);
    tu_set(m, "pmpaddr5", 0x42);
    ck_assert_uint_eq(tu_csr(m, CSR_PMPADDR0 + 5), 0x42);
    unsigned num;
    ck_assert_int_eq(emu_reg_lookup(m, "mepc", &num), EMU_OK);
    ck_assert_uint_eq(num, EMU_REG_CSR + CSR_MEPC);
    ck_assert_int_eq(emu_reg_lookup(m, "mhpmcounter3", &num), EMU_OK);
    ck_assert_uint_eq(num, EMU_REG_CSR + 0xb03);
    ck_assert_int_eq(emu_reg_lookup(m, "nosuchcsr", &num), EMU_ERR_NOT_FOUND);
    uint64_t v;
    ck_assert_int_eq(emu_reg_read(m, 0, "nosuchcsr", &v), EMU_ERR_NOT_FOUND);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), "nosuchcsr"));
    emu_machine_free(m);
}
END_TEST

START_TEST(test_csrrs_csrrc_set_and_clear_bits)
{
    emu_machine *m = csr_machine(64);
    tu_set_csr(m, CSR_MSCRATCH, 0xf0);
    tu_set_x(m, A1, 0x0f);
    expect_ok_at(m, 3, tu_csrrs(A0, CSR_MSCRATCH, A1));
    ck_assert_uint_eq(tu_x(m, A0), 0xf0);
    ck_assert_uint_eq(tu_csr(m, CSR_MSCRATCH), 0xff);
    tu_set_x(m, A1, 0x3c);
    expect_ok_at(m, 3, tu_csrrc(A0, CSR_MSCRATCH, A1));
    ck_assert_uint_eq(tu_x(m, A0), 0xff);
    ck_assert_uint_eq(tu_csr(m, CSR_MSCRATCH), 0xc3);
    expect_ok_at(m, 3, tu_csr_insn(5, A0, CSR_MSCRATCH, 31)); /* csrrwi */
    ck_assert_uint_eq(tu_x(m, A0), 0xc3);
    ck_assert_uint_eq(tu_csr(m, CSR_MSCRATCH), 31);
    expect_ok_at(m, 3, tu_csr_insn(7, A0, CSR_MSCRATCH, 1)); /* csrrci */
    ck_assert_uint_eq(tu_csr(m, CSR_MSCRATCH), 30);
    emu_machine_free(m);
}
END_TEST

static Suite *csr_suite(void)
{
    Suite *s = suite_create("csr");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_misa_value_rv64_default);
    tcase_add_test(tc, test_misa_value_rv32_default);
    tcase_add_test(tc, test_mstatus_mpp_keeps_old_value_on_reserved_mode);
    tcase_add_test(tc, test_mstatus_mpp_only_m_without_s_and_u);
    tcase_add_test(tc, test_mstatus_uxl_sxl_read_2_on_rv64);
    tcase_add_test(tc, test_rv32_mstatush_reads_zero_and_mstatus_has_no_xl);
    tcase_add_test(tc, test_sstatus_is_a_masked_view_of_mstatus);
    tcase_add_test(tc, test_delegation_and_enable_masks);
    tcase_add_test(tc, test_mip_software_writes_only_s_bits);
    tcase_add_test(tc, test_sip_writes_only_delegated_ssip);
    tcase_add_test(tc, test_mtvec_mode_bit1_cleared);
    tcase_add_test(tc, test_mepc_sepc_bit0_cleared);
    tcase_add_test(tc, test_satp_unsupported_mode_write_ignored_rv64);
    tcase_add_test(tc, test_unknown_csr_is_illegal_with_tval);
    tcase_add_test(tc, test_write_to_read_only_csr_is_illegal_read_is_fine);
    tcase_add_test(tc, test_s_mode_access_to_m_csr_is_illegal);
    tcase_add_test(tc, test_satp_access_from_s_trapped_by_tvm);
    tcase_add_test(tc, test_counters_gated_by_mcounteren_and_scounteren);
    tcase_add_test(tc, test_minstret_written_value_read_by_next_instruction);
    tcase_add_test(tc, test_minstreth_write_on_rv32);
    tcase_add_test(tc, test_pmp_cfg_lock_ignores_later_writes);
    tcase_add_test(tc, test_pmp_locked_tor_locks_address_below);
    tcase_add_test(tc, test_pmp_cfg_w_without_r_keeps_old_value);
    tcase_add_test(tc, test_pmpaddr_reads_back);
    tcase_add_test(tc, test_csr_names_through_register_api);
    tcase_add_test(tc, test_csrrs_csrrc_set_and_clear_bits);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(csr_suite()); }
