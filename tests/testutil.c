/* Helpers shared by the unit tests (see testutil.h). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "machine/machine.h"

emu_machine *tu_machine_cfg(const emu_config *cfg)
{
    emu_machine *m = NULL;
    char err[256] = "";
    emu_status st = emu_machine_new(cfg, &m, err, sizeof(err));
    ck_assert_msg(st == EMU_OK, "emu_machine_new: %s (%s)", emu_status_str(st),
                  err);
    ck_assert_ptr_nonnull(m);
    return m;
}

emu_machine *tu_machine(unsigned xlen)
{
    emu_config cfg =
        emu_config_default(xlen == 32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.ram_size = TU_RAM_SIZE;
    return tu_machine_cfg(&cfg);
}

void *tu_cpu(emu_machine *m) { return ((struct emu_machine *)m)->harts[0]; }

/* ---- memory ---- */

static void write_bytes(emu_machine *m, uint64_t addr, const void *p,
                        size_t n)
{
    emu_status st = emu_mem_write(m, addr, p, n);
    ck_assert_msg(st == EMU_OK, "emu_mem_write 0x%llx: %s",
                  (unsigned long long)addr, emu_last_error(m));
}

void tu_write16(emu_machine *m, uint64_t addr, uint16_t v)
{
    write_bytes(m, addr, &v, 2);
}
void tu_write32(emu_machine *m, uint64_t addr, uint32_t v)
{
    write_bytes(m, addr, &v, 4);
}
void tu_write64(emu_machine *m, uint64_t addr, uint64_t v)
{
    write_bytes(m, addr, &v, 8);
}

uint32_t tu_read32(emu_machine *m, uint64_t addr)
{
    uint32_t v = 0;
    ck_assert_int_eq(emu_mem_read(m, addr, &v, 4), EMU_OK);
    return v;
}

uint64_t tu_read64(emu_machine *m, uint64_t addr)
{
    uint64_t v = 0;
    ck_assert_int_eq(emu_mem_read(m, addr, &v, 8), EMU_OK);
    return v;
}

uint64_t tu_code(emu_machine *m, uint64_t addr, const uint32_t *insns,
                 size_t n)
{
    write_bytes(m, addr, insns, n * 4);
    return addr + n * 4;
}

/* ---- registers ---- */

uint64_t tu_reg(emu_machine *m, const char *name)
{
    uint64_t v = 0;
    emu_status st = emu_reg_read(m, 0, name, &v);
    ck_assert_msg(st == EMU_OK, "emu_reg_read %s: %s", name, emu_last_error(m));
    return v;
}

void tu_set(emu_machine *m, const char *name, uint64_t v)
{
    emu_status st = emu_reg_write(m, 0, name, v);
    ck_assert_msg(st == EMU_OK, "emu_reg_write %s: %s", name,
                  emu_last_error(m));
}

uint64_t tu_x(emu_machine *m, unsigned n)
{
    uint64_t v = 0;
    ck_assert_int_eq(emu_reg_read_num(m, 0, n, &v), EMU_OK);
    return v;
}

void tu_set_x(emu_machine *m, unsigned n, uint64_t v)
{
    ck_assert_int_eq(emu_reg_write_num(m, 0, n, v), EMU_OK);
}

uint64_t tu_csr(emu_machine *m, unsigned csr)
{
    uint64_t v = 0;
    emu_status st = emu_reg_read_num(m, 0, EMU_REG_CSR + csr, &v);
    ck_assert_msg(st == EMU_OK, "read CSR 0x%x: %s", csr, emu_last_error(m));
    return v;
}

void tu_set_csr(emu_machine *m, unsigned csr, uint64_t v)
{
    emu_status st = emu_reg_write_num(m, 0, EMU_REG_CSR + csr, v);
    ck_assert_msg(st == EMU_OK, "write CSR 0x%x: %s", csr, emu_last_error(m));
}

void tu_set_priv(emu_machine *m, unsigned p)
{
    ck_assert_int_eq(emu_reg_write_num(m, 0, EMU_REG_PRIV, p), EMU_OK);
}

/* ---- running ---- */

emu_exit tu_run(emu_machine *m, uint64_t n)
{
    emu_exit ex;
    ck_assert_int_eq(emu_run(m, n, &ex), EMU_OK);
    return ex;
}

void tu_step(emu_machine *m, uint64_t n)
{
    emu_exit ex = tu_run(m, n);
    ck_assert_msg(ex.reason == EMU_EXIT_BUDGET,
                  "expected the budget exit, got reason %d at pc 0x%llx",
                  ex.reason, (unsigned long long)ex.pc);
}

uint64_t tu_exec_rr(emu_machine *m, uint32_t insn, uint64_t a, uint64_t b)
{
    unsigned rd = (insn >> 7) & 31, rs1 = (insn >> 15) & 31,
             rs2 = (insn >> 20) & 31;
    tu_write32(m, TU_RAM_BASE, insn);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_x(m, rs1, a);
    tu_set_x(m, rs2, b);
    tu_step(m, 1);
    ck_assert_uint_eq(tu_reg(m, "pc"), TU_RAM_BASE + 4);
    return tu_x(m, rd);
}

void tu_pmp_allow_all(emu_machine *m)
{
    tu_set_csr(m, CSR_PMPADDR0, UINT64_MAX);
    tu_set_csr(m, CSR_PMPCFG0, 0x1f); /* NAPOT, R W X */
}

uint64_t tu_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* ---- encoders ---- */

uint32_t tu_enc_r(unsigned op, unsigned rd, unsigned f3, unsigned rs1,
                  unsigned rs2, unsigned f7)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

uint32_t tu_enc_i(unsigned op, unsigned rd, unsigned f3, unsigned rs1,
                  int32_t imm)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

uint32_t tu_enc_s(unsigned op, unsigned f3, unsigned rs1, unsigned rs2,
                  int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
           (u & 0x1f) << 7 | op;
}

uint32_t tu_enc_b(unsigned f3, unsigned rs1, unsigned rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 12) & 1) << 31 | ((u >> 5) & 0x3f) << 25 | rs2 << 20 |
           rs1 << 15 | f3 << 12 | ((u >> 1) & 0xf) << 8 |
           ((u >> 11) & 1) << 7 | OPC_BRANCH;
}

uint32_t tu_enc_u(unsigned op, unsigned rd, uint32_t imm20)
{
    return (imm20 & 0xfffff) << 12 | rd << 7 | op;
}

uint32_t tu_enc_j(unsigned rd, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 20) & 1) << 31 | ((u >> 1) & 0x3ff) << 21 |
           ((u >> 11) & 1) << 20 | ((u >> 12) & 0xff) << 12 | rd << 7 |
           OPC_JAL;
}

int tu_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

void tu_load_counting_loop(emu_machine *m)
{
    TU_CODE(m, TU_RAM_BASE,
            tu_auipc(T0, 0),              /* 0x00 t0 = the RAM base */
            tu_addi(T1, T0, 0x100),       /* 0x04 */
            tu_csrw(CSR_MTVEC, T1),       /* 0x08 */
            tu_addi(A0, ZERO, 0),         /* 0x0c */
            tu_addi(T2, T0, 0x400),       /* 0x10 t2 = TU_CL_DATA */
            tu_addi(A0, A0, 1),           /* 0x14 TU_CL_LOOP */
            tu_sw(A0, T2, 0),             /* 0x18 TU_CL_STORE */
            tu_lw(A1, T2, 0),             /* 0x1c TU_CL_LOAD */
            TU_ECALL,                     /* 0x20 TU_CL_ECALL */
            tu_jal(ZERO, -0x10));         /* 0x24 */
    TU_CODE(m, TU_CL_HANDLER,
            tu_csrr(T3, CSR_MEPC),
            tu_addi(T3, T3, 4),
            tu_csrw(CSR_MEPC, T3),
            TU_MRET);
    for (unsigned h = 0; h < emu_hart_count(m); h++)
        ck_assert_int_eq(emu_reg_write_num(m, h, EMU_REG_PC, TU_RAM_BASE),
                         EMU_OK);
}
