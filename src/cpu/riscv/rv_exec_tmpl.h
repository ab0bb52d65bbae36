/*
 * The interpreter loop, written once and compiled for each XLEN by rv_exec.c
 * (which defines XLEN, ureg, sreg and FN before including this file).
 *
 * Shape: find the decoded form of the instruction at pc in the decoded-
 * instruction cache (rv_dcache.h; decoded on its first run), execute it in
 * one switch of short cases, count it against the step budget. Registers
 * are stored as uint64_t; on RV32 they hold the zero-extended 32-bit value.
 */

#define X(r) ((ureg)x[(r)])

/* Sign-extend a 32-bit result to XLEN (RV64 W-forms; identity on RV32). */
#define SEXT32(v) ((ureg)(sreg)(int32_t)(uint32_t)(v))

#include "cpu/riscv/rv_bitmanip_tmpl.h"

static inline bool FN(load)(rv_cpu *cpu, ureg va, unsigned size, uint64_t *v)
{
    const rv_tlb_entry *e =
        &cpu->dtlb->e[RV_ACC_LOAD][(va >> 12) & (RV_TLB_SIZE - 1)];
    if (likely(e->tag == rv_tlb_tag(va, size))) {
        RV_STAT(cpu->st.tlb_hits[RV_ACC_LOAD]++);
        *v = ld_le((const uint8_t *)(uintptr_t)(va + e->addend), size);
        return true;
    }
    RV_STAT(cpu->st.tlb_misses[RV_ACC_LOAD]++);
    return mmu_load(cpu, va, size, v);
}

static inline bool FN(store)(rv_cpu *cpu, ureg va, unsigned size, uint64_t v)
{
    const rv_tlb_entry *e =
        &cpu->dtlb->e[RV_ACC_STORE][(va >> 12) & (RV_TLB_SIZE - 1)];
    if (likely(e->tag == rv_tlb_tag(va, size))) {
        RV_STAT(cpu->st.tlb_hits[RV_ACC_STORE]++);
        st_le((uint8_t *)(uintptr_t)(va + e->addend), size, v);
        return true;
    }
    RV_STAT(cpu->st.tlb_misses[RV_ACC_STORE]++);
    return mmu_store(cpu, va, size, v);
}

static inline ureg FN(mulh)(ureg a, ureg b, unsigned kind)
{
#if XLEN == 64
    switch (kind) {
    case 1: return (ureg)(((__int128)(int64_t)a * (__int128)(int64_t)b) >> 64);
    case 2: return (ureg)(((__int128)(int64_t)a * (__int128)(uint64_t)b) >> 64);
    default:
        return (ureg)(((unsigned __int128)a * (unsigned __int128)b) >> 64);
    }
#else
    switch (kind) {
    case 1: return (ureg)(((int64_t)(int32_t)a * (int64_t)(int32_t)b) >> 32);
    case 2: return (ureg)(((int64_t)(int32_t)a * (int64_t)(uint64_t)b) >> 32);
    default: return (ureg)(((uint64_t)a * (uint64_t)b) >> 32);
    }
#endif
}

/* Division and remainder with the spec's results for x/0 and overflow
 * (unprivileged spec, M chapter, division table). */
static inline ureg FN(div)(ureg a, ureg b, unsigned f3)
{
    sreg sa = (sreg)a, sb = (sreg)b;
    switch (f3) {
    case 4: /* div */
        if (b == 0) return (ureg)-1;
        if (sb == -1 && a == ((ureg)1 << (XLEN - 1))) return a;
        return (ureg)(sa / sb);
    case 5: /* divu */
        return b == 0 ? (ureg)-1 : a / b;
    case 6: /* rem */
        if (b == 0) return a;
        if (sb == -1) return 0;
        return (ureg)(sa % sb);
    default: /* remu */
        return b == 0 ? a : a % b;
    }
}

#if XLEN == 64
static inline uint64_t FN(divw)(uint64_t a64, uint64_t b64, unsigned f3)
{
    int32_t a = (int32_t)a64, b = (int32_t)b64;
    uint32_t ua = (uint32_t)a64, ub = (uint32_t)b64;
    int32_t r;
    switch (f3) {
    case 4: r = b == 0 ? -1 : (a == INT32_MIN && b == -1) ? a : a / b; break;
    case 5: r = (int32_t)(ub == 0 ? UINT32_MAX : ua / ub); break;
    case 6: r = b == 0 ? a : b == -1 ? 0 : a % b; break;
    default: r = (int32_t)(ub == 0 ? ua : ua % ub); break;
    }
    return (uint64_t)(int64_t)r;
}
#endif

/* One AMO on host memory p of size 4 or 8; returns the old value as XLEN. */
static inline ureg FN(amo)(uint8_t *p, unsigned size, unsigned f5, ureg src)
{
    if (size == 4) {
        int32_t old = (int32_t)ld_le(p, 4), s = (int32_t)src, r;
        switch (f5) {
        case 0x01: r = s; break;
        case 0x00: r = (int32_t)((uint32_t)old + (uint32_t)s); break;
        case 0x04: r = old ^ s; break;
        case 0x0c: r = old & s; break;
        case 0x08: r = old | s; break;
        case 0x10: r = old < s ? old : s; break;
        case 0x14: r = old > s ? old : s; break;
        case 0x18: r = (uint32_t)old < (uint32_t)s ? old : s; break;
        default: r = (uint32_t)old > (uint32_t)s ? old : s; break;
        }
        st_le(p, 4, (uint32_t)r);
        return (ureg)(sreg)old;
    }
    uint64_t old = ld_le(p, 8), s = src, r;
    switch (f5) {
    case 0x01: r = s; break;
    case 0x00: r = old + s; break;
    case 0x04: r = old ^ s; break;
    case 0x0c: r = old & s; break;
    case 0x08: r = old | s; break;
    case 0x10: r = (int64_t)old < (int64_t)s ? old : s; break;
    case 0x14: r = (int64_t)old > (int64_t)s ? old : s; break;
    case 0x18: r = old < s ? old : s; break;
    default: r = old > s ? old : s; break;
    }
    st_le(p, 8, r);
    return (ureg)old;
}

/* Is f5 one of the AMO operations of the A extension? */
static inline bool FN(amo_op_valid)(unsigned f5)
{
    switch (f5) {
    case 0x00: case 0x01: case 0x04: case 0x08: case 0x0c:
    case 0x10: case 0x14: case 0x18: case 0x1c:
        return true;
    default:
        return false;
    }
}

#include "cpu/riscv/rv_fp_tmpl.h"

#include "cpu/riscv/rv_predecode_tmpl.h"

/* An instruction that cannot be cached (rv_cpu.scratch): fetch it at pc,
 * raising any fault, and decode it into its scratch slot. */
static rv_dinsn *FN(fetch_uncached)(rv_cpu *cpu, ureg pc)
{
    uint32_t lo, hi;
    if (!mmu_fetch16(cpu, pc, &lo))
        return NULL;
    if ((lo & 3) == 3) {
        /* the second half may lie on the next page */
        if (!mmu_fetch16(cpu, (ureg)(pc + 2), &hi))
            return NULL;
        lo |= hi << 16;
    }
    rv_dpage *s = &cpu->scratch;
    s->insn[cpu->scratch_slot] = (rv_dinsn){.op = RV_OP_DECODE};
    unsigned k = (pc & 0xfff) >> 1;
    FN(predecode)(cpu, lo, pc & 0xfff, false, &s->insn[k]);
    RV_STAT(cpu->st.uncached++);
    cpu->scratch_slot = k;
    return &s->insn[k];
}

/*
 * Dispatch in the shape of Lua's lvm.c: the handlers are written once as
 * the cases of a switch; with GCC and Clang the same source compiles to
 * computed goto (each handler ends in its own indirect jump, whose target
 * the branch predictor learns per handler). RV_FORCE_SWITCH (meson
 * -Ddispatch=switch) keeps the switch.
 *
 * With computed goto, each handler has two copies, one for the 4-byte and one for the 2-byte
 * form of its instructions (the operation's RV_OP_C bit), and each copy
 * sets in, the slot that follows, by adding a constant (vmcase, defined
 * where rv_handlers_tmpl.h is included). The successor's address thus never
 * waits for a load from the slot (its length): that load-add chain, one
 * link per instruction, had bounded the interpreter at about its latency
 * per instruction. The indirect jump that picks the copy is predicted, so
 * the length reaches in through the predictor. DECODE, LOOKUP and ILLEGAL
 * have one entry (vmcase1): they set in themselves or do not use it.
 */
#if RV_DISPATCH_GOTO
#define vmdispatch(o) goto *disptab[o];
#define vmcase1(l) L_##l: L_C_##l:
#define vmjump goto *disptab[i->op]
/* Run the decoded instruction after i: i is the one executing, in the one
 * that follows unless a branch changes it. */
#define vmnext                                                                 \
    do {                                                                       \
        i = in;                                                                \
        vmjump;                                                                \
    } while (0)
#else
#define vmdispatch(o) switch (o)
#define vmcase(l) case l: case l | RV_OP_C:
#define vmcase1(l) case l:
#define vmjump goto dispatch
#define vmnext                                                                 \
    do {                                                                       \
        i = in;                                                                \
        in = RV_DNEXT(i);                                                      \
        vmjump;                                                                \
    } while (0)
#endif
/* i retired: count it against the budget (the one test each instruction
 * pays: events can only appear in the slow paths, which check them) */
#define vmbreak                                                                \
    do {                                                                       \
        if (unlikely(--left == 0))                                             \
            goto out;                                                          \
        vmnext;                                                                \
    } while (0)

/* A fused pair's first instruction retired: the second, in, runs next in
 * the same handler (rv_dcache.h) */
#define FUSED                                                                  \
    do {                                                                       \
        if (unlikely(--left == 0))                                             \
            goto out;                                                          \
        i = in;                                                                \
        in = RV_DNEXT(i);                                                      \
    } while (0)
/* The pc of a slot of the current page. */
#define PC_OF(p)                                                               \
    ((ureg)(page_va + (ureg)(((uintptr_t)(p) - (uintptr_t)dp->insn) >> 3)))
/* Every integer result goes to acc as well (rv_dcache.h, the forwarded
 * operand): a consumer that follows reads it from there. */
#define RD x[i->rd] = acc
#define ACC ((ureg)acc)
#define RS1 X(i->rs1)
#define RS2 X(i->rs2)
#define IMM ((ureg)(sreg)i->imm)
#define LINK ((ureg)(PC_OF(i) + rv_dinsn_len(i)))

/* Store the state the locals hold before anything that can read it or
 * raise: during instruction i, steps counts it and instret does not. */
#define SYNC_COUNTERS()                                                        \
    (cpu->steps = steps_end + 1 - left, cpu->instret = iret_end - left)
#define SYNC() (cpu->pc = PC_OF(i), SYNC_COUNTERS())

/* Without C, a jump target that is not 4-byte aligned raises
 * instruction-address-misaligned, before the jump writes rd. */
#define TARGET_CHECK(t)                                                        \
    do {                                                                       \
        if (unlikely(((t) & 2) && !cpu->has_c)) {                              \
            pc = (t);                                                          \
            goto misaligned_target;                                            \
        }                                                                      \
    } while (0)
/* Entering slot s other than from the instruction before it: acc must hold
 * the register a consumer there forwards, which its rs1 field names. */
#define RELOAD(s) (acc = x[(s)->rs1])
/* Continue at t: a compare for targets in this page, else the fetch TLB. */
#define JUMP(t)                                                                \
    do {                                                                       \
        pc = (t);                                                              \
        if (unlikely(--left == 0))                                             \
            goto out_at_pc;                                                    \
        if (likely((pc & ~(ureg)0xfff) == page_va)) {                          \
            in = &dp->insn[(pc & 0xfff) >> 1];                                 \
            RELOAD(in);                                                        \
            vmnext;                                                            \
        }                                                                      \
        goto lookup;                                                           \
    } while (0)
/* jalr: to base + imm with bit 0 cleared, writing the link when link */
#define JALR_TO(base, link)                                                    \
    do {                                                                       \
        ureg t_ = (ureg)((base) + IMM) & ~(ureg)1;                             \
        TARGET_CHECK(t_);                                                      \
        if (link)                                                              \
            RD = LINK;                                                         \
        JUMP(t_);                                                              \
    } while (0)
#define BRANCH(cond)                                                           \
    do {                                                                       \
        if (cond) {                                                            \
            in = RV_DSLOT_AT(i, i->imm);                                       \
            RELOAD(in);                                                        \
        }                                                                      \
        vmbreak;                                                               \
    } while (0)
#define BRANCH_FAR(cond)                                                       \
    do {                                                                       \
        if (cond) {                                                            \
            ureg t_ = (ureg)(PC_OF(i) + IMM);                                  \
            TARGET_CHECK(t_);                                                  \
            JUMP(t_);                                                          \
        }                                                                      \
        vmbreak;                                                               \
    } while (0)

/* Loads and stores: a compare and an add through the data TLB; a miss,
 * a misaligned address or a device goes through the MMU's slow path,
 * which may raise, reach a device (events) or write decoded code. */
#define LOAD(size, type) LOADB(size, type, RS1)
#define LOADB(size, type, base) LOADB_THEN(size, type, base, vmbreak)
/* the same, going on with then (a fused operation's next instruction) */
#define LOADB_THEN(size, type, base, then)                                     \
    do {                                                                       \
        ureg va_ = (ureg)((base) + IMM);                                          \
        const rv_tlb_entry *e_ =                                               \
            &dtlb->e[RV_ACC_LOAD][(va_ >> 12) & (RV_TLB_SIZE - 1)];            \
        uint64_t v_;                                                           \
        if (likely(e_->tag == rv_tlb_tag(va_, size))) {                        \
            RV_STAT(cpu->st.tlb_hits[RV_ACC_LOAD]++);                          \
            RD = (ureg)(type)ld_le((const uint8_t *)(e_->addend + va_), size); \
            then;                                                              \
        }                                                                      \
        RV_STAT(cpu->st.tlb_misses[RV_ACC_LOAD]++);                            \
        SYNC();                                                                \
        if (!mmu_load(cpu, va_, size, &v_))                                    \
            goto trapped;                                                      \
        RD = (ureg)(type)v_;                                                   \
        if (unlikely(cpu->events))                                             \
            goto retired_slow;                                                 \
        then;                                                                  \
    } while (0)
#define STORE(size) STOREV(size, RS1, RS2)
#define STOREV(size, base, val)                                                \
    do {                                                                       \
        ureg va_ = (ureg)((base) + IMM);                                          \
        const rv_tlb_entry *e_ =                                               \
            &dtlb->e[RV_ACC_STORE][(va_ >> 12) & (RV_TLB_SIZE - 1)];           \
        if (likely(e_->tag == rv_tlb_tag(va_, size))) {                        \
            RV_STAT(cpu->st.tlb_hits[RV_ACC_STORE]++);                         \
            st_le((uint8_t *)(e_->addend + va_), size, (val));                 \
            vmbreak;                                                           \
        }                                                                      \
        RV_STAT(cpu->st.tlb_misses[RV_ACC_STORE]++);                           \
        SYNC();                                                                \
        if (!mmu_store(cpu, va_, size, (val)))                                 \
            goto trapped;                                                      \
        if (unlikely(cpu->events))                                             \
            goto retired_slow;                                                 \
        vmbreak;                                                               \
    } while (0)

/* F and D: mstatus.FS Off makes them illegal (priv 3.1.6.6; FS is always
 * Off without F); their results set FS to Dirty. */
#define FP_ON()                                                                \
    do {                                                                       \
        if (unlikely(!(cpu->mstatus & MSTATUS_FS)))                            \
            goto illegal;                                                      \
    } while (0)
#define FLOAD(size)                                                            \
    do {                                                                       \
        FP_ON();                                                               \
        ureg va_ = (ureg)(RS1 + IMM);                                          \
        const rv_tlb_entry *e_ =                                               \
            &dtlb->e[RV_ACC_LOAD][(va_ >> 12) & (RV_TLB_SIZE - 1)];            \
        uint64_t v_;                                                           \
        bool slow_ = false;                                                    \
        if (likely(e_->tag == rv_tlb_tag(va_, size))) {                        \
            RV_STAT(cpu->st.tlb_hits[RV_ACC_LOAD]++);                          \
            v_ = ld_le((const uint8_t *)(e_->addend + va_), size);             \
        } else {                                                               \
            RV_STAT(cpu->st.tlb_misses[RV_ACC_LOAD]++);                        \
            SYNC();                                                            \
            if (!mmu_load(cpu, va_, size, &v_))                                \
                goto trapped;                                                  \
            slow_ = true;                                                      \
        }                                                                      \
        cpu->f[i->rd] = (size) == 4 ? rv_box((uint32_t)v_) : v_;              \
        cpu->mstatus |= MSTATUS_FS;                                            \
        if (unlikely(slow_ && cpu->events))                                    \
            goto retired_slow;                                                 \
        vmbreak;                                                               \
    } while (0)
#define FSTORE(size)                                                           \
    do {                                                                       \
        FP_ON();                                                               \
        ureg va_ = (ureg)(RS1 + IMM);                                          \
        const rv_tlb_entry *e_ =                                               \
            &dtlb->e[RV_ACC_STORE][(va_ >> 12) & (RV_TLB_SIZE - 1)];           \
        if (likely(e_->tag == rv_tlb_tag(va_, size))) {                        \
            RV_STAT(cpu->st.tlb_hits[RV_ACC_STORE]++);                         \
            st_le((uint8_t *)(e_->addend + va_), size, cpu->f[i->rs2]);        \
            vmbreak;                                                           \
        }                                                                      \
        RV_STAT(cpu->st.tlb_misses[RV_ACC_STORE]++);                           \
        SYNC();                                                                \
        if (!mmu_store(cpu, va_, size, cpu->f[i->rs2]))                        \
            goto trapped;                                                      \
        if (unlikely(cpu->events))                                             \
            goto retired_slow;                                                 \
        vmbreak;                                                               \
    } while (0)
/* The rounding mode: funct3, or frm when it is 7; 5 and 6 are reserved, so
 * is a dynamic mode that frm does not hold (unprivileged spec, "F", 11.2). */
#define FP_RM(rm)                                                              \
    do {                                                                       \
        rm = i->aux == 7 ? cpu->frm : i->aux;                                  \
        if (unlikely(rm > FP_RMM))                                             \
            goto illegal;                                                      \
    } while (0)
#define FARITH_D(name)                                                         \
    do {                                                                       \
        int rm_;                                                               \
        unsigned fl_ = 0;                                                      \
        FP_ON();                                                               \
        FP_RM(rm_);                                                            \
        cpu->f[i->rd] =                                                        \
            f64_##name(cpu->f[i->rs1], cpu->f[i->rs2], rm_, &fl_);             \
        cpu->mstatus |= MSTATUS_FS;                                            \
        cpu->fflags |= (uint8_t)fl_;                                           \
        vmbreak;                                                               \
    } while (0)

/*
 * Run up to n steps. Hot state lives in locals: the decoded instruction i
 * and its successor in, the decoded page dp of the pc and that page's
 * virtual address page_va (the pc itself is computed from them only where
 * an instruction needs it), the data TLB, the step budget left, and acc,
 * the last integer result (the forwarded operand, rv_dcache.h). The
 * step and retired-instruction counts are kept as left and stored by
 * SYNC_COUNTERS() when something outside may look at them.
 */
uint64_t FN(run)(rv_cpu *cpu, uint64_t n)
{
#if RV_DISPATCH_GOTO
    static const void *const disptab[2 * RV_OP_C] = {
#define RV_OP_LABEL(name)                                                      \
    [RV_OP_##name] = &&L_RV_OP_##name,                                         \
    [RV_OP_##name | RV_OP_C] = &&L_C_RV_OP_##name,
        RV_OPS(RV_OP_LABEL)
#undef RV_OP_LABEL
    };
#endif
    uint64_t *const x = cpu->x;
    const rv_tlb_set *dtlb;
    rv_dpage *dp = NULL;
    rv_dinsn *i = NULL, *in = NULL;
    ureg page_va = 0, pc;
    uint64_t left = n;
    uint64_t acc = 0; /* the last integer result (rv_dcache.h) */
    /* the counts once all n steps are done: SYNC_COUNTERS() subtracts what
     * is left; a trap takes a step but retires nothing */
    uint64_t steps_end = cpu->steps + n, iret_end = cpu->instret + n;

    if (n == 0)
        return 0;

resync: /* continue at cpu->pc, taking events first */
    if (unlikely(cpu->events)) {
        if (cpu->events & RV_EV_EXIT) {
            cpu->events &= ~(uint32_t)RV_EV_EXIT;
            goto out_pc;
        }
        rv_take_interrupt(cpu);
    }
    dtlb = cpu->dtlb;
    pc = (ureg)cpu->pc;
lookup: { /* find the decoded instruction at pc */
        unsigned idx = (unsigned)(pc >> 12) & (RV_TLB_SIZE - 1);
        const rv_tlb_set *itlb = cpu->itlb;
        if (likely(itlb->e[RV_ACC_FETCH][idx].tag == (pc & ~(ureg)0xfff))) {
            RV_STAT(cpu->st.tlb_hits[RV_ACC_FETCH]++);
            dp = itlb->code[idx];
        } else {
            bool raised;
            RV_STAT(cpu->st.tlb_misses[RV_ACC_FETCH]++);
            cpu->pc = pc;
            SYNC_COUNTERS();
            dp = rv_dcache_fetch_page(cpu, pc, &raised);
            if (!dp) {
                if (raised)
                    goto trapped;
                goto uncached;
            }
        }
        page_va = pc & ~(ureg)0xfff;
        in = &dp->insn[(pc & 0xfff) >> 1];
        RELOAD(in);
        vmnext;
    }

uncached: /* cpu->pc is pc and the counters are stored */
    i = FN(fetch_uncached)(cpu, pc);
    if (!i)
        goto trapped;
    dp = &cpu->scratch;
    page_va = pc & ~(ureg)0xfff;
    in = RV_DNEXT(i);
    vmjump;

#if !RV_DISPATCH_GOTO
dispatch:
#endif
    vmdispatch(i->op) {
    vmcase1(RV_OP_DECODE) { /* first run of this slot since it was written */
        if (unlikely(!dp->host)) /* a slot of the scratch page */
            goto lookup_slot;
        unsigned off = (unsigned)(i - dp->insn) * 2;
        uint32_t raw = (uint32_t)ld_le(dp->host + off, 2);
        if ((raw & 3) == 3) {
            if (unlikely(off == 0xffe)) {
                pc = PC_OF(i);
                cpu->pc = pc;
                SYNC_COUNTERS();
                goto uncached;
            }
            raw = (uint32_t)ld_le(dp->host + off, 4);
        }
        FN(predecode)(cpu, raw, off, true, i);
        FN(forward)(dp, off >> 1);
        FN(unforward)(dp, off >> 1);
        FN(fuse)(dp, off >> 1);
        RV_STAT(cpu->st.decodes++);
        RELOAD(i);
        in = RV_DNEXT(i);
        vmjump;
    }
    vmcase1(RV_OP_LOOKUP)
    lookup_slot:
        pc = PC_OF(i);
        goto lookup;
    vmcase1(RV_OP_ILLEGAL)
        goto illegal;

#if RV_DISPATCH_GOTO
#define vmcase(l) L_##l: in = i + 2;
#include "cpu/riscv/rv_handlers_tmpl.h"
#undef vmcase
#define vmcase(l) L_C_##l: in = i + 1;
#include "cpu/riscv/rv_handlers_tmpl.h"
#else
#include "cpu/riscv/rv_handlers_tmpl.h"
#endif
    }

retired_slow: /* i retired through a path that may have raised events or
               * changed translation: continue through resync */
    cpu->pc = PC_OF(in);
retired_pc: /* the same, with cpu->pc set */
    if (unlikely(--left == 0))
        goto out_pc;
    goto resync;

misaligned_target: /* i jumps to pc, which is not IALIGN-aligned */
    SYNC();
    rv_raise(cpu, RV_EXC_INSN_MISALIGNED, pc);
    goto trapped;
illegal:
    SYNC();
    rv_raise(cpu, RV_EXC_ILLEGAL, rv_dinsn_raw(i));
trapped: /* a step that raised an exception: it took a step, retired nothing */
    iret_end--;
    x[0] = 0;
    if (unlikely(--left == 0))
        goto out_pc;
    goto resync;

out_at_pc:
    cpu->pc = pc;
    goto out_pc;
out:
    cpu->pc = PC_OF(in);
out_pc:
    cpu->steps = steps_end - left;
    cpu->instret = iret_end - left;
    return n - left;
}

#undef vmdispatch
#undef vmcase
#undef vmcase1
#undef vmjump
#undef vmnext
#undef vmbreak
#undef FUSED
#undef PC_OF
#undef RD
#undef RS1
#undef RS2
#undef IMM
#undef LINK
#undef SYNC_COUNTERS
#undef SYNC
#undef TARGET_CHECK
#undef JUMP
#undef BRANCH
#undef JALR_TO
#undef BRANCH_FAR
#undef LOAD
#undef ACC
#undef RELOAD
#undef STOREV
#undef LOADB
#undef LOADB_THEN
#undef STORE
#undef FP_ON
#undef FLOAD
#undef FSTORE
#undef FP_RM
#undef FARITH_D
#undef X
#undef SEXT32
