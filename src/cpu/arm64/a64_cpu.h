/*
 * AArch64 (A64) hart state and the interface between the interpreter's
 * parts. Internal header.
 *
 * The interpreter fetches one 32-bit instruction at a time, decodes it by
 * its top-level group (Arm ARM C4.1: op0 = bits 28:25) and hands it to the
 * group's executor:
 *
 *   a64_exec_dp_imm.c     data processing, immediate          (100x)
 *   a64_exec_branch.c     branches, exception generation,
 *                         system instructions                 (101x)
 *   a64_exec_ldst.c       loads and stores, except SIMD&FP
 *                         structure forms                     (x1x0)
 *   a64_exec_dp_reg.c     data processing, register           (x101)
 *   a64_exec_fp.c         floating point, scalar and Advanced
 *                         SIMD (over a64_fp.c)                 (x111, part)
 *   a64_exec_simd.c       Advanced SIMD integer (with
 *                         a64_exec_simd_wide.c), crypto        (x111, rest)
 *   a64_exec_simd_ldst.c  the SIMD structure loads/stores      (x1x0, part)
 *
 * An executor returns A64_OK after the instruction completed (cpu->pc has
 * already been advanced past it before the call; a branch overwrites it),
 * A64_UNDEF for an unallocated or unimplemented encoding, or A64_EXC after
 * recording an exception with a64_raise() (a memory access helper does
 * that for aborts). On anything but A64_OK the run loop puts pc back on
 * the instruction and ends the slice; in user mode the machine then
 * reports the exception to the caller (EMU_EXIT_SYSCALL / _EXCEPTION).
 *
 * Memory goes through a64_load()/a64_store(): a direct-mapped TLB of guest
 * pages to host pointers, filled by the translation callback the owner
 * installs (user mode: the process's mappings; later the stage-1 walker).
 * Guest memory is little-endian, as is every host we build for.
 */
#ifndef CPU_ARM64_A64_CPU_H
#define CPU_ARM64_A64_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifndef likely
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#endif

/* Executor results. */
enum { A64_OK = 0, A64_UNDEF = 1, A64_EXC = 2 };

/* Exception classes (ESR_ELx.EC, Arm ARM D17.2.37), the ones EL0 raises. */
enum {
    A64_EC_UNKNOWN = 0x00,    /* undefined instruction */
    A64_EC_SVC = 0x15,        /* SVC from AArch64 */
    A64_EC_SYS = 0x18,        /* trapped MSR/MRS/system instruction */
    A64_EC_IABORT = 0x20,     /* instruction abort from a lower EL */
    A64_EC_PC_ALIGN = 0x22,
    A64_EC_DABORT = 0x24,     /* data abort from a lower EL */
    A64_EC_SP_ALIGN = 0x26,
    A64_EC_FP = 0x2c,         /* trapped floating-point exception */
    A64_EC_BRK = 0x3c,
};
/* ESR ISS bits of an abort. */
#define A64_ISS_WNR (1u << 6) /* data abort: the access was a write */
/* Fault status codes (ISS DFSC/IFSC). */
enum {
    A64_FSC_TRANSLATION = 0x04, /* + level; we report level 3 */
    A64_FSC_PERMISSION = 0x0c,  /* + level */
    A64_FSC_ALIGNMENT = 0x21,
};

/* Memory access kinds for the translation callback. */
enum { A64_ACC_FETCH = 0, A64_ACC_READ = 1, A64_ACC_WRITE = 2 };

/*
 * Translate the page holding va for an access of kind acc: the host address
 * of va's page (page-aligned, 4 KiB good) when the access is allowed, NULL
 * when it faults. *fsc receives the fault status code then
 * (A64_FSC_TRANSLATION or A64_FSC_PERMISSION). *writable tells whether
 * writes to the page are allowed too (so the TLB entry serves them).
 */
typedef uint8_t *(*a64_xlate_fn)(void *ctx, uint64_t va, int acc,
                                 bool *writable, int *fsc);

#define A64_PAGE_BITS 12
#define A64_PAGE_SIZE (1ull << A64_PAGE_BITS)
#define A64_TLB_SIZE 256

typedef struct a64_tlb {
    uint64_t tag; /* va >> A64_PAGE_BITS, or ~0 for an empty entry */
    uintptr_t addend; /* host = va + addend */
} a64_tlb;

/* One 128-bit SIMD&FP register, seen at every lane width. */
typedef union a64_vreg {
    uint8_t b[16];
    uint16_t h[8];
    uint32_t s[4];
    uint64_t d[2];
    int8_t sb[16];
    int16_t sh[8];
    int32_t ss[4];
    int64_t sd[2];
} a64_vreg;

/* PSTATE.NZCV as the flags word keeps them (the NZCV register's layout). */
#define A64_N (1u << 31)
#define A64_Z (1u << 30)
#define A64_C (1u << 29)
#define A64_V (1u << 28)

/* FPCR fields (Arm ARM D17.2.51) and FPSR cumulative flags (D17.2.53). */
#define A64_FPCR_AHP (1u << 26)
#define A64_FPCR_DN (1u << 25)
#define A64_FPCR_FZ (1u << 24)
#define A64_FPCR_RMODE_SHIFT 22 /* 0 RN, 1 RP, 2 RM, 3 RZ */
#define A64_FPCR_FZ16 (1u << 19)
/* the FPCR bits an Armv8.0 core without trapping keeps */
#define A64_FPCR_MASK 0x07c80000u
enum {
    A64_FPSR_IOC = 1u << 0,
    A64_FPSR_DZC = 1u << 1,
    A64_FPSR_OFC = 1u << 2,
    A64_FPSR_UFC = 1u << 3,
    A64_FPSR_IXC = 1u << 4,
    A64_FPSR_IDC = 1u << 7,
    A64_FPSR_QC = 1u << 27,
};
#define A64_FPSR_MASK 0xf800009fu

/*
 * The CPU model: an Armv8.0-A core with FP, Advanced SIMD, the crypto
 * extension (AES, PMULL, SHA1, SHA256), CRC32 and the Armv8.1 LSE atomics.
 * AT_HWCAP bits (Linux's arch/arm64 uapi hwcap.h) and the ID register
 * values Linux shows EL0 (its MRS emulation) say the same thing.
 */
#define A64_HWCAP_FP (1ull << 0)
#define A64_HWCAP_ASIMD (1ull << 1)
#define A64_HWCAP_AES (1ull << 3)
#define A64_HWCAP_PMULL (1ull << 4)
#define A64_HWCAP_SHA1 (1ull << 5)
#define A64_HWCAP_SHA2 (1ull << 6)
#define A64_HWCAP_CRC32 (1ull << 7)
#define A64_HWCAP_ATOMICS (1ull << 8)
#define A64_HWCAP_CPUID (1ull << 11)
#define A64_MODEL_HWCAP                                                    \
    (A64_HWCAP_FP | A64_HWCAP_ASIMD | A64_HWCAP_AES | A64_HWCAP_PMULL |    \
     A64_HWCAP_SHA1 | A64_HWCAP_SHA2 | A64_HWCAP_CRC32 | A64_HWCAP_ATOMICS | \
     A64_HWCAP_CPUID)
#define A64_MODEL_HWCAP2 0ull
/* MIDR_EL1: implementer 0 ("reserved for software use"), architecture
 * 0xf (features given by the ID registers), part 0x001, r0p0 */
#define A64_MODEL_MIDR 0x000f0010ull
/* ID_AA64ISAR0_EL1: AES 2 (with PMULL), SHA1 1, SHA2 1, CRC32 1, Atomic 2 */
#define A64_MODEL_ID_AA64ISAR0 0x0000000000211120ull
/* ID_AA64PFR0_EL1: EL0 and EL1 AArch64 only (1), FP 0, AdvSIMD 0 */
#define A64_MODEL_ID_AA64PFR0 0x0000000000000011ull
/* CTR_EL0: 64-byte cache lines (IminLine 4, DminLine 4), ERG and CWG 4,
 * L1Ip PIPT (3) */
#define A64_MODEL_CTR 0x000000008444c004ull
/* DCZID_EL0: DC ZVA allowed, blocks of 2^4 words (64 bytes) */
#define A64_MODEL_DCZID 0x4ull
#define A64_DCZVA_BYTES 64
/* CNTFRQ_EL0: 62.5 MHz, as QEMU's virt board has */
#define A64_MODEL_CNTFRQ 62500000ull

#define A64_XZR 32
#define A64_XSINK 33

typedef struct a64_cpu {
    /* x[0..30]; x[31] is SP (SP_EL0): the zero register is not stored,
     * see a64_x()/a64_set_x(). x[A64_XZR] and x[A64_XSINK] serve the fast
     * loop (a64_fast.c) as XZR for reads (always 0) and for writes. */
    uint64_t x[34];
    uint64_t pc;
    uint32_t nzcv; /* A64_N | A64_Z | A64_C | A64_V */
    uint32_t fpcr, fpsr;
    a64_vreg v[32] __attribute__((aligned(16)));
    uint64_t tpidr_el0, tpidrro_el0;

    /* the exclusive monitor (LDXR/STXR): one tagged address range */
    bool excl_valid;
    uint64_t excl_addr;
    unsigned excl_size;   /* bytes covered (1..16) */

    /* the last exception (valid after A64_EXC): ESR and FAR as EL1 would
     * receive them */
    uint32_t esr;
    uint64_t far;

    /* steps: instructions retired or trapped since reset; traps: those
     * that trapped */
    uint64_t steps, traps;
    unsigned hartid;

    /* what the CPU model advertises (AT_HWCAP/AT_HWCAP2 bits, Linux's
     * arm64 numbering) and implements: executors reject instructions of
     * features not advertised */
    uint64_t hwcap, hwcap2;
    uint64_t midr;

    /* memory */
    a64_tlb tlb_r[A64_TLB_SIZE]; /* loads */
    a64_tlb tlb_w[A64_TLB_SIZE]; /* stores */
    a64_tlb tlb_x[A64_TLB_SIZE]; /* instruction fetches */
    a64_xlate_fn xlate;
    void *xlate_ctx;
    /* the decoded-instruction cache (a64_dcache.h), set by an owner whose
     * memory is a bus's RAM; NULL: every instruction is fetched and
     * decoded each time it runs */
    struct a64_dcache *dcache;

    /* the counter-timer: CNTVCT_EL0 as the owner derives it (user mode:
     * from the host's monotonic clock at cntfrq Hz); NULL reads steps */
    uint64_t (*cntvct)(void *ctx);
    void *cntvct_ctx;
    uint64_t cntfrq;

    /* the debugger: a step hook checked before each instruction while set */
    bool (*before_insn)(void *ctx, struct a64_cpu *cpu);
    void *before_ctx;
} a64_cpu;

/* ---- a64_cpu.c ---- */
a64_cpu *a64_cpu_new(unsigned hartid);
void a64_cpu_free(a64_cpu *cpu);
/* Reset to the architectural state at EL0 entry (registers zero, FPCR 0). */
void a64_cpu_reset(a64_cpu *cpu);
void a64_tlb_flush(a64_cpu *cpu);
/*
 * Run at most n instructions. Returns how many steps were taken (a trapped
 * instruction counts as one); stops early after an exception (cpu->esr,
 * cpu->far set, *trapped true) or when before_insn() asks to stop (before
 * that instruction; *trapped false). One call runs at most 2^40 steps.
 */
uint64_t a64_run(a64_cpu *cpu, uint64_t n, bool *trapped);

/* The instruction word at pc, if it can be fetched, without side effects
 * (no exception is recorded): for traces and hooks. */
bool a64_peek_insn(a64_cpu *cpu, uint64_t pc, uint32_t *insn);

/* The parts of the run loop the decoded-instruction fast path
 * (a64_fast.c) shares: the top-level decode and execute of one instruction
 * (cpu->pc already advanced past it), one whole step of the plain loop
 * (true when it trapped), the TLB fill, and the fast loop itself. */
int a64_execute(a64_cpu *cpu, uint32_t insn);
bool a64_step(a64_cpu *cpu);
uint8_t *a64_tlb_fill(a64_cpu *cpu, uint64_t va, int acc);
uint64_t a64_run_fast(a64_cpu *cpu, uint64_t n, bool *trapped);

/* Record an exception for the run loop: returns A64_EXC. */
int a64_raise(a64_cpu *cpu, unsigned ec, uint32_t iss, uint64_t far);

/* Memory: the slow paths behind the inline helpers below. */
bool a64_load_slow(a64_cpu *cpu, uint64_t va, unsigned size, void *out);
bool a64_store_slow(a64_cpu *cpu, uint64_t va, unsigned size,
                    const void *in);
/*
 * A host pointer for an access of size bytes at va that stays within one
 * page, for atomics and exclusives: NULL after raising the abort. write:
 * the page must be writable (a read-modify-write checks write rights, as
 * the architecture reports a faulting atomic as a write).
 */
uint8_t *a64_host_ptr(a64_cpu *cpu, uint64_t va, unsigned size, bool write);

/*
 * The entry of tlb (tlb_r or tlb_w) that maps all of [va, va + size), or
 * NULL. One comparison answers both questions, "is va's page mapped" and
 * "does the access stay in it": the entry is picked by va's page P and its
 * tag compared with the page of the access's last byte. That is P exactly
 * when the access stays in P, and otherwise P + 1 (modulo 2^52), which no
 * tag in P's entry can be: a tag there is congruent to P modulo
 * A64_TLB_SIZE, or ~0 (empty), which no page number equals.
 */
static inline const a64_tlb *a64_tlb_find(const a64_tlb *tlb, uint64_t va,
                                          unsigned size)
{
    const a64_tlb *t = &tlb[(va >> A64_PAGE_BITS) & (A64_TLB_SIZE - 1)];
    return likely(t->tag == (va + size - 1) >> A64_PAGE_BITS) ? t : NULL;
}

/* Loads and stores of 1, 2, 4, 8 or 16 bytes, any alignment (SCTLR_EL1.A
 * is 0 under Linux). false: the abort has been raised (return A64_EXC). */
static inline bool a64_load(a64_cpu *cpu, uint64_t va, unsigned size,
                            void *out)
{
    const a64_tlb *t = a64_tlb_find(cpu->tlb_r, va, size);
    if (likely(t)) {
        memcpy(out, (const void *)(uintptr_t)(va + t->addend), size);
        return true;
    }
    return a64_load_slow(cpu, va, size, out);
}

static inline bool a64_store(a64_cpu *cpu, uint64_t va, unsigned size,
                             const void *in)
{
    const a64_tlb *t = a64_tlb_find(cpu->tlb_w, va, size);
    if (likely(t)) {
        memcpy((void *)(uintptr_t)(va + t->addend), in, size);
        return true;
    }
    return a64_store_slow(cpu, va, size, in);
}

/* A store by this hart clears its exclusive monitor when it touches the
 * tagged range (Arm ARM B2.9.5 lets any store do so; we clear on overlap). */
static inline void a64_excl_store(a64_cpu *cpu, uint64_t va, unsigned size)
{
    if (cpu->excl_valid && va < cpu->excl_addr + cpu->excl_size &&
        cpu->excl_addr < va + size)
        cpu->excl_valid = false;
}

/* ---- register access (register 31 is XZR or SP by instruction) ---- */
static inline uint64_t a64_x(const a64_cpu *cpu, unsigned r)
{
    return r == 31 ? 0 : cpu->x[r];
}
static inline uint32_t a64_w(const a64_cpu *cpu, unsigned r)
{
    return (uint32_t)a64_x(cpu, r);
}
static inline void a64_set_x(a64_cpu *cpu, unsigned r, uint64_t v)
{
    if (r != 31)
        cpu->x[r] = v;
}
/* writes of a W register zero the upper half */
static inline void a64_set_w(a64_cpu *cpu, unsigned r, uint32_t v)
{
    if (r != 31)
        cpu->x[r] = v;
}
static inline uint64_t a64_xsp(const a64_cpu *cpu, unsigned r)
{
    return cpu->x[r];
}
static inline void a64_set_xsp(a64_cpu *cpu, unsigned r, uint64_t v)
{
    cpu->x[r] = v;
}

/*
 * The base address of a load or store: X[n], or SP when n is 31, which
 * must then be 16-byte aligned (CheckSPAlignment(), Arm ARM D1 "SP
 * alignment checking": Linux sets SCTLR_EL1.SA0, so EL0 gets SIGBUS).
 * false after raising the SP alignment fault.
 */
static inline bool a64_base(a64_cpu *cpu, unsigned n, uint64_t *addr)
{
    *addr = cpu->x[n];
    if (n == 31 && (*addr & 15)) {
        cpu->esr = (uint32_t)A64_EC_SP_ALIGN << 26 | 1u << 25;
        cpu->far = *addr;
        return false;
    }
    return true;
}

/* ConditionHolds(cond) (Arm ARM J1, shared/functions/system), as a table:
 * bit NZCV (the flags as a 4-bit number) of holds[cond] says whether cond
 * holds for them. EQ/NE test Z, CS/CC C, MI/PL N, VS/VC V, HI is C and not
 * Z, GE is N == V, GT is GE and not Z, AL and NV always hold; an odd cond
 * but NV is the even one's negation. A lookup instead of a switch: the
 * interpreter's conditional branches stay free of an indirect jump. */
static inline bool a64_cond(uint32_t nzcv, unsigned cond)
{
    static const uint16_t holds[16] = {
        0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff, 0xaaaa, 0x5555,
        0x0c0c, 0xf3f3, 0xaa55, 0x55aa, 0x0a05, 0xf5fa, 0xffff, 0xffff,
    };
    return (holds[cond & 15] >> (nzcv >> 28)) & 1;
}

/*
 * AddWithCarry(x, y, carry_in) at 64 bits (sf) or 32 (Arm ARM J1,
 * shared/functions/integer): the sum, and its NZCV in *nzcv. A subtraction
 * is x + NOT(y) + 1. For 32 bits the result is zero-extended.
 */
static inline uint64_t a64_add_with_carry(uint64_t x, uint64_t y,
                                          unsigned carry, bool sf,
                                          uint32_t *nzcv)
{
    uint64_t r;
    uint32_t f;
    if (sf) {
        r = x + y + carry;
        bool c = carry ? r <= x : r < x;
        f = (uint32_t)(r >> 63) << 31 | (c ? A64_C : 0) |
            (uint32_t)(((x ^ r) & (y ^ r)) >> 63) << 28;
    } else {
        uint64_t u = (uint64_t)(uint32_t)x + (uint32_t)y + carry;
        r = (uint32_t)u;
        f = (uint32_t)(r >> 31) << 31 | (u >> 32 ? A64_C : 0) |
            (uint32_t)((((x ^ r) & (y ^ r)) >> 31) & 1) << 28;
    }
    *nzcv = f | (r == 0 ? A64_Z : 0);
    return r;
}

/* bits hi..lo of x */
static inline uint32_t a64_bits(uint32_t x, unsigned hi, unsigned lo)
{
    return (x >> lo) & ((2u << (hi - lo)) - 1);
}
static inline int64_t a64_sext(uint64_t x, unsigned bits)
{
    return (int64_t)(x << (64 - bits)) >> (64 - bits);
}

/* ---- the executors (one file each) ---- */
int a64_exec_dp_imm(a64_cpu *cpu, uint32_t insn);
int a64_exec_branch(a64_cpu *cpu, uint32_t insn);
int a64_exec_ldst(a64_cpu *cpu, uint32_t insn);
/* a64_exec_atomic.c, for a64_exec_ldst(): the exclusive, ordered and
 * compare-and-swap class (bits 29:24 = 001000) and the LSE atomic memory
 * operations (bits 29:24 = 111000, bit 21 set, bits 11:10 = 00) */
int a64_exec_excl(a64_cpu *cpu, uint32_t insn);
int a64_exec_lse(a64_cpu *cpu, uint32_t insn);
int a64_exec_dp_reg(a64_cpu *cpu, uint32_t insn);
/* The SIMD&FP group (op0 x111): every floating-point encoding (scalar and
 * vector) goes to a64_exec_fp(), which returns A64_UNDEF for what is not
 * its own, and then to a64_exec_simd(). */
int a64_exec_fp(a64_cpu *cpu, uint32_t insn);
int a64_exec_simd(a64_cpu *cpu, uint32_t insn);
/* The SIMD&FP loads and stores (op0 x1x0 with bit 26 set): the structure
 * forms (LD1-LD4, ST1-ST4, LDnR) belong to the SIMD executor, the single
 * register forms (LDR Qt, LDP St...) to a64_exec_ldst(). */
int a64_exec_simd_ldst(a64_cpu *cpu, uint32_t insn);
/* The cryptographic extension's encodings (AES, SHA1, SHA256: Arm ARM
 * C4.1.96 "Cryptographic AES", "three-register SHA", "two-register SHA"),
 * which a64_exec_simd() hands over; A64_UNDEF unless advertised. */
int a64_exec_crypto(a64_cpu *cpu, uint32_t insn);

/* ---- the EL0 system registers (a64_sysreg.c) ---- */
/* MRS/MSR of (op0, op1, CRn, CRm, op2) packed as Arm's 16-bit encoding
 * o0:op1:CRn:CRm:op2 (bits 19:5 of the instruction). false: UNDEFINED at
 * EL0. */
bool a64_sysreg_read(a64_cpu *cpu, uint32_t enc, uint64_t *v);
bool a64_sysreg_write(a64_cpu *cpu, uint32_t enc, uint64_t v);

#endif
