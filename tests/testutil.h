/*
 * Helpers shared by the Check unit tests: machines, tiny hand-assembled
 * programs, running and register access. Every helper fails the current
 * test (ck_assert) instead of returning an error.
 */
#ifndef TESTS_TESTUTIL_H
#define TESTS_TESTUTIL_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libemu/libemu.h"

#define TU_RAM_BASE 0x80000000ull
/* RAM of the machines tu_machine() makes (smaller than the 128 MiB default
 * so that creating many machines stays cheap under MALLOC_PERTURB_). */
#define TU_RAM_SIZE (16ull << 20)

/* CLINT registers of the test board (hart 0). */
#define TU_CLINT_MSIP 0x02000000ull
#define TU_CLINT_MTIMECMP 0x02004000ull
#define TU_CLINT_MTIME 0x0200bff8ull

/* A default machine of the given XLEN (32 or 64) with TU_RAM_SIZE of RAM. */
emu_machine *tu_machine(unsigned xlen);
/* A machine from a configuration; the test fails if it cannot be made. */
emu_machine *tu_machine_cfg(const emu_config *cfg);
/* The internal hart structure (struct rv_cpu *) of hart 0. */
void *tu_cpu(emu_machine *m);

/* ---- memory ---- */
void tu_write32(emu_machine *m, uint64_t addr, uint32_t v);
void tu_write64(emu_machine *m, uint64_t addr, uint64_t v);
void tu_write16(emu_machine *m, uint64_t addr, uint16_t v);
uint32_t tu_read32(emu_machine *m, uint64_t addr);
uint64_t tu_read64(emu_machine *m, uint64_t addr);
/* Write n instruction words at addr; returns the address after them. */
uint64_t tu_code(emu_machine *m, uint64_t addr, const uint32_t *insns,
                 size_t n);
#define TU_CODE(m, addr, ...)                                                 \
    tu_code((m), (addr), (const uint32_t[]){__VA_ARGS__},                     \
            sizeof((const uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t))

/* ---- registers ---- */
uint64_t tu_reg(emu_machine *m, const char *name);
void tu_set(emu_machine *m, const char *name, uint64_t v);
uint64_t tu_x(emu_machine *m, unsigned n);
void tu_set_x(emu_machine *m, unsigned n, uint64_t v);
uint64_t tu_csr(emu_machine *m, unsigned csr);
void tu_set_csr(emu_machine *m, unsigned csr, uint64_t v);

/* ---- running ---- */
/* emu_run() for at most n instructions; returns the exit. */
emu_exit tu_run(emu_machine *m, uint64_t n);
/* Run exactly n instructions and check the run ended on the budget. */
void tu_step(emu_machine *m, uint64_t n);
/*
 * Write insn at RAM_BASE, set pc there, run that one instruction and
 * return rd (x[rd]). Sources are set first: x[rs1] = a, x[rs2] = b.
 */
uint64_t tu_exec_rr(emu_machine *m, uint32_t insn, uint64_t a, uint64_t b);
/* Let S and U mode access all of physical memory (PMP entry 0 NAPOT RWX).
 * Without any PMP entry, S/U accesses fail (priv spec 3.7.1). */
void tu_pmp_allow_all(emu_machine *m);
/* Switch to privilege p (0 U, 1 S, 3 M) through the register API. */
void tu_set_priv(emu_machine *m, unsigned p);

/* Deterministic xorshift64 random numbers. */
uint64_t tu_rand(uint64_t *state);

/* ---- instruction encoders (unprivileged spec, chapter "RV32I") ---- */
uint32_t tu_enc_r(unsigned op, unsigned rd, unsigned f3, unsigned rs1,
                  unsigned rs2, unsigned f7);
uint32_t tu_enc_i(unsigned op, unsigned rd, unsigned f3, unsigned rs1,
                  int32_t imm);
uint32_t tu_enc_s(unsigned op, unsigned f3, unsigned rs1, unsigned rs2,
                  int32_t imm);
uint32_t tu_enc_b(unsigned f3, unsigned rs1, unsigned rs2, int32_t imm);
uint32_t tu_enc_u(unsigned op, unsigned rd, uint32_t imm20);
uint32_t tu_enc_j(unsigned rd, int32_t imm);

/* Register numbers by ABI name. */
enum {
    ZERO = 0, RA = 1, SP = 2, GP = 3, TP = 4, T0 = 5, T1 = 6, T2 = 7,
    S0 = 8, S1 = 9, A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15,
    A6 = 16, A7 = 17, T3 = 28, T4 = 29, T5 = 30, T6 = 31,
};

#define OPC_LOAD 0x03
#define OPC_MISC_MEM 0x0f
#define OPC_OP_IMM 0x13
#define OPC_AUIPC 0x17
#define OPC_OP_IMM_32 0x1b
#define OPC_STORE 0x23
#define OPC_OP 0x33
#define OPC_LUI 0x37
#define OPC_OP_32 0x3b
#define OPC_BRANCH 0x63
#define OPC_JALR 0x67
#define OPC_JAL 0x6f
#define OPC_SYSTEM 0x73

/* R-type ALU operations: funct3 | funct7 << 3. */
#define ROP(f3, f7) ((f3) | (f7) << 3)
enum {
    ALU_ADD = ROP(0, 0), ALU_SUB = ROP(0, 0x20), ALU_SLL = ROP(1, 0),
    ALU_SLT = ROP(2, 0), ALU_SLTU = ROP(3, 0), ALU_XOR = ROP(4, 0),
    ALU_SRL = ROP(5, 0), ALU_SRA = ROP(5, 0x20), ALU_OR = ROP(6, 0),
    ALU_AND = ROP(7, 0), ALU_MUL = ROP(0, 1), ALU_MULH = ROP(1, 1),
    ALU_MULHSU = ROP(2, 1), ALU_MULHU = ROP(3, 1), ALU_DIV = ROP(4, 1),
    ALU_DIVU = ROP(5, 1), ALU_REM = ROP(6, 1), ALU_REMU = ROP(7, 1),
};

static inline uint32_t tu_op(unsigned alu, unsigned rd, unsigned rs1,
                             unsigned rs2)
{
    return tu_enc_r(OPC_OP, rd, alu & 7, rs1, rs2, alu >> 3);
}
/* The RV64 W-forms (addw, subw, sllw, srlw, sraw, mulw, divw, ...). */
static inline uint32_t tu_opw(unsigned alu, unsigned rd, unsigned rs1,
                              unsigned rs2)
{
    return tu_enc_r(OPC_OP_32, rd, alu & 7, rs1, rs2, alu >> 3);
}
static inline uint32_t tu_addi(unsigned rd, unsigned rs1, int32_t imm)
{
    return tu_enc_i(OPC_OP_IMM, rd, 0, rs1, imm);
}
static inline uint32_t tu_slli(unsigned rd, unsigned rs1, unsigned sh)
{
    return tu_enc_i(OPC_OP_IMM, rd, 1, rs1, (int32_t)sh);
}
static inline uint32_t tu_srli(unsigned rd, unsigned rs1, unsigned sh)
{
    return tu_enc_i(OPC_OP_IMM, rd, 5, rs1, (int32_t)sh);
}
static inline uint32_t tu_srai(unsigned rd, unsigned rs1, unsigned sh)
{
    return tu_enc_i(OPC_OP_IMM, rd, 5, rs1, (int32_t)(sh | 0x400));
}
static inline uint32_t tu_lui(unsigned rd, uint32_t imm20)
{
    return tu_enc_u(OPC_LUI, rd, imm20);
}
static inline uint32_t tu_auipc(unsigned rd, uint32_t imm20)
{
    return tu_enc_u(OPC_AUIPC, rd, imm20);
}
static inline uint32_t tu_jal(unsigned rd, int32_t off) { return tu_enc_j(rd, off); }
static inline uint32_t tu_jalr(unsigned rd, unsigned rs1, int32_t off)
{
    return tu_enc_i(OPC_JALR, rd, 0, rs1, off);
}
static inline uint32_t tu_beq(unsigned rs1, unsigned rs2, int32_t off)
{
    return tu_enc_b(0, rs1, rs2, off);
}
static inline uint32_t tu_bne(unsigned rs1, unsigned rs2, int32_t off)
{
    return tu_enc_b(1, rs1, rs2, off);
}
/* Loads: f3 0 lb, 1 lh, 2 lw, 3 ld, 4 lbu, 5 lhu, 6 lwu. */
static inline uint32_t tu_load(unsigned f3, unsigned rd, unsigned rs1,
                               int32_t off)
{
    return tu_enc_i(OPC_LOAD, rd, f3, rs1, off);
}
static inline uint32_t tu_lw(unsigned rd, unsigned rs1, int32_t off)
{
    return tu_load(2, rd, rs1, off);
}
static inline uint32_t tu_ld(unsigned rd, unsigned rs1, int32_t off)
{
    return tu_load(3, rd, rs1, off);
}
/* Stores: f3 0 sb, 1 sh, 2 sw, 3 sd. */
static inline uint32_t tu_store(unsigned f3, unsigned rs2, unsigned rs1,
                                int32_t off)
{
    return tu_enc_s(OPC_STORE, f3, rs1, rs2, off);
}
static inline uint32_t tu_sw(unsigned rs2, unsigned rs1, int32_t off)
{
    return tu_store(2, rs2, rs1, off);
}
static inline uint32_t tu_sd(unsigned rs2, unsigned rs1, int32_t off)
{
    return tu_store(3, rs2, rs1, off);
}
/* CSR instructions: f3 1 csrrw, 2 csrrs, 3 csrrc, 5/6/7 immediate forms. */
static inline uint32_t tu_csr_insn(unsigned f3, unsigned rd, unsigned csr,
                                   unsigned rs1)
{
    return csr << 20 | rs1 << 15 | f3 << 12 | rd << 7 | OPC_SYSTEM;
}
static inline uint32_t tu_csrr(unsigned rd, unsigned csr)
{
    return tu_csr_insn(2, rd, csr, 0);
}
static inline uint32_t tu_csrw(unsigned csr, unsigned rs1)
{
    return tu_csr_insn(1, 0, csr, rs1);
}
static inline uint32_t tu_csrrw(unsigned rd, unsigned csr, unsigned rs1)
{
    return tu_csr_insn(1, rd, csr, rs1);
}
static inline uint32_t tu_csrrs(unsigned rd, unsigned csr, unsigned rs1)
{
    return tu_csr_insn(2, rd, csr, rs1);
}
static inline uint32_t tu_csrrc(unsigned rd, unsigned csr, unsigned rs1)
{
    return tu_csr_insn(3, rd, csr, rs1);
}

/* CSR numbers (priv spec 1.12 tables 2.2-2.5). */
enum {
    CSR_SSTATUS = 0x100, CSR_SIE = 0x104, CSR_STVEC = 0x105,
    CSR_SCOUNTEREN = 0x106, CSR_SSCRATCH = 0x140, CSR_SEPC = 0x141,
    CSR_SCAUSE = 0x142, CSR_STVAL = 0x143, CSR_SIP = 0x144, CSR_SATP = 0x180,
    CSR_MSTATUS = 0x300, CSR_MISA = 0x301, CSR_MEDELEG = 0x302,
    CSR_MIDELEG = 0x303, CSR_MIE = 0x304, CSR_MTVEC = 0x305,
    CSR_MCOUNTEREN = 0x306, CSR_MSTATUSH = 0x310, CSR_MSCRATCH = 0x340,
    CSR_MEPC = 0x341, CSR_MCAUSE = 0x342, CSR_MTVAL = 0x343, CSR_MIP = 0x344,
    CSR_PMPCFG0 = 0x3a0, CSR_PMPADDR0 = 0x3b0, CSR_MCYCLE = 0xb00,
    CSR_MINSTRET = 0xb02, CSR_MINSTRETH = 0xb82, CSR_CYCLE = 0xc00,
    CSR_TIME = 0xc01, CSR_INSTRET = 0xc02, CSR_MHARTID = 0xf14,
};

#define TU_ECALL 0x00000073u
#define TU_EBREAK 0x00100073u
#define TU_MRET 0x30200073u
#define TU_SRET 0x10200073u
#define TU_WFI 0x10500073u
#define TU_SFENCE_VMA 0x12000073u
#define TU_NOP 0x00000013u
#define TU_FENCE 0x0ff0000fu
/* A jump to itself (j .). */
#define TU_LOOP 0x0000006fu

/*
 * The counting loop the debugger tests run: it counts in a0, stores the
 * count at TU_CL_DATA, loads it back into a1 and makes an ecall, whose
 * handler (M mode, at TU_CL_HANDLER) steps mepc over it. Every hart's pc is
 * set to its start.
 */
#define TU_CL_DATA (TU_RAM_BASE + 0x400)
#define TU_CL_LOOP (TU_RAM_BASE + 0x14)    /* addi a0, a0, 1 */
#define TU_CL_STORE (TU_RAM_BASE + 0x18)   /* sw a0, 0(t2) */
#define TU_CL_LOAD (TU_RAM_BASE + 0x1c)    /* lw a1, 0(t2) */
#define TU_CL_ECALL (TU_RAM_BASE + 0x20)
#define TU_CL_HANDLER (TU_RAM_BASE + 0x100)
void tu_load_counting_loop(emu_machine *m);

/* ---- Check suite plumbing ---- */
/* Run a suite built by make_suite and return the process exit status. */
int tu_run_suite(Suite *s);

#endif
