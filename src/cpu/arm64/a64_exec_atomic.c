/*
 * The A64 loads and stores that need single-copy atomicity and natural
 * alignment: load/store exclusive (LDXR, STXR and their pair, acquire and
 * release forms), load-acquire/store-release (LDAR, STLR) and the Armv8.1
 * LSE atomics (CAS, CASP, LD<op>, SWP). a64_exec_ldst() hands them over.
 *
 * A hart runs on one host thread and nothing else touches its memory while
 * it executes an instruction, so a read-modify-write through the host
 * pointer is atomic, and acquire/release ordering needs no host barrier.
 * Every access here must be naturally aligned, whatever SCTLR_EL1.A says
 * (Arm ARM B2.5.2, "Alignment of data accesses"): otherwise an alignment
 * fault, which Linux delivers as SIGBUS. A faulting atomic read-modify-
 * write (CAS, LD<op>, SWP) reports as a write (Arm ARM D8, "ISS encoding
 * for a Data Abort": WnR for atomic instructions).
 *
 * The exclusive monitor (Arm ARM B2.9) tags one virtual address range: a
 * load-exclusive sets it, a store-exclusive succeeds only when the tag
 * matches its address and size, and always clears it; any ordinary store
 * by this hart that overlaps the range clears it too (a64_excl_store()).
 *
 * CONSTRAINED UNPREDICTABLE choices: a store-exclusive whose status
 * register is also its data or base register reads its operands before
 * writing the status (the data stored and the address are the register's
 * old value, an allowed Constraint_UNKNOWN / Constraint_NONE outcome); a
 * load pair with Rt == Rt2 leaves the second value in the register.
 */
#include "cpu/arm64/a64_cpu.h"

static inline uint64_t size_mask(unsigned bytes)
{
    return bytes >= 8 ? ~0ull : (1ull << (8 * bytes)) - 1;
}

static inline uint64_t rd_le(const uint8_t *p, unsigned bytes)
{
    uint64_t v = 0;
    memcpy(&v, p, bytes);
    return v;
}

static inline void wr_le(uint8_t *p, unsigned bytes, uint64_t v)
{
    memcpy(p, &v, bytes);
}

/* The host address of an aligned access of bytes at va, or NULL after the
 * alignment fault or abort has been raised. */
static uint8_t *aligned_ptr(a64_cpu *cpu, uint64_t va, unsigned bytes,
                            bool write)
{
    if (va & (bytes - 1)) {
        a64_raise(cpu, A64_EC_DABORT,
                  A64_FSC_ALIGNMENT | (write ? A64_ISS_WNR : 0), va);
        return NULL;
    }
    return a64_host_ptr(cpu, va, bytes, write);
}

/* LDXR/LDAXR/STXR/STLXR (B/H/W/X) and the pairs LDXP/LDAXP/STXP/STLXP
 * (two W or two X registers, one access of the pair's total size whose
 * alignment is that total, Arm ARM C6.2 "LDXP"). The acquire/release bits
 * (L, o0) change only ordering. */
static int exec_exclusive(a64_cpu *cpu, uint32_t insn, bool pair)
{
    unsigned size = a64_bits(insn, 31, 30), s = a64_bits(insn, 20, 16),
             t2 = a64_bits(insn, 14, 10), n = a64_bits(insn, 9, 5),
             t = a64_bits(insn, 4, 0);
    bool load = insn & (1u << 22);
    unsigned elem = 1u << size, bytes = pair ? 2 * elem : elem;
    uint64_t va;
    if (!a64_base(cpu, n, &va))
        return A64_EXC;
    bool tagged = cpu->excl_valid && cpu->excl_addr == va &&
                  cpu->excl_size == bytes;
    if (!load)
        cpu->excl_valid = false; /* even when the store faults */
    uint8_t *p = aligned_ptr(cpu, va, bytes, !load);
    if (!p)
        return A64_EXC;
    if (load) {
        uint64_t a = rd_le(p, elem), b = pair ? rd_le(p + elem, elem) : 0;
        cpu->excl_valid = true;
        cpu->excl_addr = va;
        cpu->excl_size = bytes;
        a64_set_x(cpu, t, a);
        if (pair)
            a64_set_x(cpu, t2, b);
        return A64_OK;
    }
    uint64_t a = a64_x(cpu, t), b = a64_x(cpu, t2);
    bool ok = tagged;
    if (ok) {
        wr_le(p, elem, a);
        if (pair)
            wr_le(p + elem, elem, b);
    }
    a64_set_w(cpu, s, ok ? 0 : 1);
    return A64_OK;
}

/* LDAR/STLR (B/H/W/X). */
static int exec_ordered(a64_cpu *cpu, uint32_t insn)
{
    unsigned bytes = 1u << a64_bits(insn, 31, 30), n = a64_bits(insn, 9, 5),
             t = a64_bits(insn, 4, 0);
    bool load = insn & (1u << 22);
    uint64_t va;
    if (!a64_base(cpu, n, &va))
        return A64_EXC;
    uint8_t *p = aligned_ptr(cpu, va, bytes, !load);
    if (!p)
        return A64_EXC;
    if (load) {
        a64_set_x(cpu, t, rd_le(p, bytes));
    } else {
        wr_le(p, bytes, a64_x(cpu, t));
        a64_excl_store(cpu, va, bytes);
    }
    return A64_OK;
}

/* CAS/CASA/CASL/CASAL (B/H/W/X): Rs is compared with memory and receives
 * the old value; Rt is written when they match (Arm ARM C6.2 "CAS"). */
static int exec_cas(a64_cpu *cpu, uint32_t insn)
{
    unsigned bytes = 1u << a64_bits(insn, 31, 30), s = a64_bits(insn, 20, 16),
             n = a64_bits(insn, 9, 5), t = a64_bits(insn, 4, 0);
    uint64_t mask = size_mask(bytes);
    uint64_t va;
    if (!a64_base(cpu, n, &va))
        return A64_EXC;
    uint64_t expect = a64_x(cpu, s) & mask, repl = a64_x(cpu, t);
    uint8_t *p = aligned_ptr(cpu, va, bytes, true);
    if (!p)
        return A64_EXC;
    uint64_t old = rd_le(p, bytes);
    if (old == expect) {
        wr_le(p, bytes, repl);
        a64_excl_store(cpu, va, bytes);
    }
    a64_set_x(cpu, s, old);
    return A64_OK;
}

/* CASP/CASPA/CASPL/CASPAL: a pair of W (sz 0) or X (sz 1) registers, Rs
 * and Rt even (odd numbers are UNDEFINED, Arm ARM C6.2 "CASP"); the first
 * register of a pair goes with the lower address. */
static int exec_casp(a64_cpu *cpu, uint32_t insn)
{
    unsigned elem = insn & (1u << 30) ? 8 : 4, s = a64_bits(insn, 20, 16),
             n = a64_bits(insn, 9, 5), t = a64_bits(insn, 4, 0);
    if ((s & 1) || (t & 1))
        return A64_UNDEF;
    uint64_t mask = size_mask(elem);
    uint64_t va;
    if (!a64_base(cpu, n, &va))
        return A64_EXC;
    uint64_t e0 = a64_x(cpu, s) & mask, e1 = a64_x(cpu, s + 1) & mask;
    uint64_t r0 = a64_x(cpu, t), r1 = a64_x(cpu, t + 1);
    uint8_t *p = aligned_ptr(cpu, va, 2 * elem, true);
    if (!p)
        return A64_EXC;
    uint64_t o0 = rd_le(p, elem), o1 = rd_le(p + elem, elem);
    if (o0 == e0 && o1 == e1) {
        wr_le(p, elem, r0);
        wr_le(p + elem, elem, r1);
        a64_excl_store(cpu, va, 2 * elem);
    }
    a64_set_x(cpu, s, o0);
    a64_set_x(cpu, s + 1, o1);
    return A64_OK;
}

int a64_exec_excl(a64_cpu *cpu, uint32_t insn)
{
    bool o2 = insn & (1u << 23), o1 = insn & (1u << 21),
         o0 = insn & (1u << 15);
    unsigned size = a64_bits(insn, 31, 30), t2 = a64_bits(insn, 14, 10);
    bool lse = cpu->hwcap & A64_HWCAP_ATOMICS;
    if (!o2 && !o1)
        return exec_exclusive(cpu, insn, false);
    if (!o2) {
        if (size >= 2)
            return exec_exclusive(cpu, insn, true);
        /* CASP: size 0x, Rt2 11111 */
        return lse && t2 == 31 ? exec_casp(cpu, insn) : A64_UNDEF;
    }
    if (!o1) {
        /* o0 clear: LDLAR/STLLR (v8.1 LORegions, not in the model) */
        return o0 ? exec_ordered(cpu, insn) : A64_UNDEF;
    }
    return lse && t2 == 31 ? exec_cas(cpu, insn) : A64_UNDEF;
}

/* LD<op>/ST<op> and SWP, all sizes, any A/R bits (Arm ARM C4.1.88 "Atomic
 * memory operations"): Rt receives the old value (zero-extended), memory
 * receives old <op> Rs. */
int a64_exec_lse(a64_cpu *cpu, uint32_t insn)
{
    unsigned bytes = 1u << a64_bits(insn, 31, 30), s = a64_bits(insn, 20, 16),
             opc = a64_bits(insn, 14, 12), n = a64_bits(insn, 9, 5),
             t = a64_bits(insn, 4, 0);
    bool o3 = insn & (1u << 15);
    if (!(cpu->hwcap & A64_HWCAP_ATOMICS))
        return A64_UNDEF;
    /* o3 with another opc: LDAPR (v8.3), v8.5+ and LSE128 forms */
    if (o3 && opc != 0)
        return A64_UNDEF;
    unsigned bits = 8 * bytes;
    uint64_t mask = size_mask(bytes);
    uint64_t va;
    if (!a64_base(cpu, n, &va))
        return A64_EXC;
    uint64_t arg = a64_x(cpu, s) & mask;
    uint8_t *p = aligned_ptr(cpu, va, bytes, true);
    if (!p)
        return A64_EXC;
    uint64_t old = rd_le(p, bytes), val;
    int64_t sold = a64_sext(old, bits), sarg = a64_sext(arg, bits);
    if (o3) {
        val = arg; /* SWP */
    } else {
        switch (opc) {
        case 0: val = old + arg; break;                  /* LDADD */
        case 1: val = old & ~arg; break;                 /* LDCLR */
        case 2: val = old ^ arg; break;                  /* LDEOR */
        case 3: val = old | arg; break;                  /* LDSET */
        case 4: val = sold > sarg ? old : arg; break;    /* LDSMAX */
        case 5: val = sold < sarg ? old : arg; break;    /* LDSMIN */
        case 6: val = old > arg ? old : arg; break;      /* LDUMAX */
        default: val = old < arg ? old : arg; break;     /* LDUMIN */
        }
    }
    wr_le(p, bytes, val & mask);
    a64_excl_store(cpu, va, bytes);
    a64_set_x(cpu, t, old);
    return A64_OK;
}
