/*
 * The interpreter loop, written once and compiled for each XLEN by rv_exec.c
 * (which defines XLEN, ureg, sreg and FN before including this file).
 *
 * Shape: fetch through the fetch TLB (a compare and an add for RAM), expand
 * compressed forms to their 32-bit equivalent, execute in one switch, then
 * retire at a single point and test one event word. Registers are stored as
 * uint64_t; on RV32 they hold the zero-extended 32-bit value.
 */

#define X(r) ((ureg)x[(r)])
/* Try the bit-manipulation and Zicond forms that share the OP, OP-IMM,
 * OP-32 and OP-IMM-32 opcodes; illegal if insn is none of them. */
#define ZB_OR_ILLEGAL()                                                        \
    do {                                                                       \
        ureg r_;                                                               \
        if (!FN(bitmanip)(cpu, insn, X(rs1), X(rs2), &r_))                     \
            goto illegal;                                                      \
        x[rd] = r_;                                                            \
    } while (0)

/* Sign-extend a 32-bit result to XLEN (RV64 W-forms; identity on RV32). */
#define SEXT32(v) ((ureg)(sreg)(int32_t)(uint32_t)(v))

#include "cpu/riscv/rv_bitmanip_tmpl.h"

static inline bool FN(load)(rv_cpu *cpu, ureg va, unsigned size, uint64_t *v)
{
    uint64_t vpn = (uint64_t)va >> 12;
    const rv_tlb_entry *e = &cpu->dtlb->e[RV_ACC_LOAD][vpn & (RV_TLB_SIZE - 1)];
    if (likely(e->vpn == vpn && !(va & (size - 1)))) {
        *v = ld_le((const uint8_t *)(uintptr_t)(va + e->addend), size);
        return true;
    }
    return mmu_load(cpu, va, size, v);
}

static inline bool FN(store)(rv_cpu *cpu, ureg va, unsigned size, uint64_t v)
{
    uint64_t vpn = (uint64_t)va >> 12;
    const rv_tlb_entry *e = &cpu->dtlb->e[RV_ACC_STORE][vpn & (RV_TLB_SIZE - 1)];
    if (likely(e->vpn == vpn && !(va & (size - 1)))) {
        st_le((uint8_t *)(uintptr_t)(va + e->addend), size, v);
        return true;
    }
    return mmu_store(cpu, va, size, v);
}

/* Fetch the instruction at pc; 16-bit forms come back in the low half. */
static inline bool FN(fetch)(rv_cpu *cpu, ureg pc, uint32_t *insn)
{
    uint64_t vpn = (uint64_t)pc >> 12;
    const rv_tlb_entry *e = &cpu->itlb->e[RV_ACC_FETCH][vpn & (RV_TLB_SIZE - 1)];
    if (likely(e->vpn == vpn && (pc & 0xfff) != 0xffe)) {
        *insn = (uint32_t)ld_le((const uint8_t *)(uintptr_t)(pc + e->addend), 4);
        return true;
    }
    uint32_t lo, hi;
    if (!mmu_fetch16(cpu, pc, &lo))
        return false;
    if ((lo & 3) != 3) {
        *insn = lo;
        return true;
    }
    /* a 32-bit instruction whose second half may lie on the next page */
    if (!mmu_fetch16(cpu, (ureg)(pc + 2), &hi))
        return false;
    *insn = lo | hi << 16;
    return true;
}

/* A jump or taken branch to a target that is not IALIGN-aligned raises
 * instruction-address-misaligned (only possible without C). */
static inline bool FN(target_ok)(rv_cpu *cpu, ureg t)
{
    if (likely(!(t & 2) || cpu->has_c))
        return true;
    rv_raise(cpu, RV_EXC_INSN_MISALIGNED, t);
    return false;
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

uint64_t FN(run)(rv_cpu *cpu, uint64_t n)
{
    uint64_t *x = cpu->x;
    emu_machine *m = cpu->m;
    uint64_t done = 0;

    while (done < n) {
        if (unlikely(cpu->events)) {
            if (cpu->events & RV_EV_EXIT) {
                cpu->events &= ~(uint32_t)RV_EV_EXIT;
                break;
            }
            rv_take_interrupt(cpu);
        }
        ureg pc = (ureg)cpu->pc;
        ureg npc;
        uint32_t insn, raw;
        done++;
        cpu->steps++;
        if (unlikely(!FN(fetch)(cpu, pc, &raw)))
            continue;
        insn = raw;
        if ((raw & 3) != 3) {
            raw &= 0xffff; /* the fast fetch read the next parcel too */
            insn = cpu->has_c ? rv_expand_compressed((uint16_t)raw, XLEN, cpu->c_fp) : 0;
            npc = pc + 2;
            if (unlikely(!insn))
                goto illegal;
        } else {
            npc = pc + 4;
        }

        unsigned rd = rv_rd(insn), rs1 = rv_rs1(insn), rs2 = rv_rs2(insn);
        unsigned f3 = rv_funct3(insn), f7 = rv_funct7(insn);
        uint64_t v;

        switch (insn & 0x7f) {
        case 0x37: /* LUI */
            x[rd] = (ureg)rv_imm_u(insn);
            break;
        case 0x17: /* AUIPC */
            x[rd] = (ureg)(pc + (ureg)rv_imm_u(insn));
            break;
        case 0x6f: { /* JAL */
            ureg t = (ureg)(pc + (ureg)rv_imm_j(insn));
            if (unlikely(!FN(target_ok)(cpu, t)))
                goto trapped;
            x[rd] = npc;
            npc = t;
            break;
        }
        case 0x67: { /* JALR */
            if (f3 != 0)
                goto illegal;
            ureg t = (ureg)(X(rs1) + (ureg)rv_imm_i(insn)) & ~(ureg)1;
            if (unlikely(!FN(target_ok)(cpu, t)))
                goto trapped;
            x[rd] = npc;
            npc = t;
            break;
        }
        case 0x63: { /* BRANCH */
            ureg a = X(rs1), b = X(rs2);
            bool take;
            switch (f3) {
            case 0: take = a == b; break;
            case 1: take = a != b; break;
            case 4: take = (sreg)a < (sreg)b; break;
            case 5: take = (sreg)a >= (sreg)b; break;
            case 6: take = a < b; break;
            case 7: take = a >= b; break;
            default: goto illegal;
            }
            if (take) {
                ureg t = (ureg)(pc + (ureg)rv_imm_b(insn));
                if (unlikely(!FN(target_ok)(cpu, t)))
                    goto trapped;
                npc = t;
            }
            break;
        }
        case 0x03: { /* LOAD */
            ureg va = (ureg)(X(rs1) + (ureg)rv_imm_i(insn));
            switch (f3) {
            case 0: if (!FN(load)(cpu, va, 1, &v)) goto trapped;
                    x[rd] = (ureg)(sreg)(int8_t)v; break;
            case 1: if (!FN(load)(cpu, va, 2, &v)) goto trapped;
                    x[rd] = (ureg)(sreg)(int16_t)v; break;
            case 2: if (!FN(load)(cpu, va, 4, &v)) goto trapped;
                    x[rd] = (ureg)(sreg)(int32_t)v; break;
            case 4: if (!FN(load)(cpu, va, 1, &v)) goto trapped;
                    x[rd] = (uint8_t)v; break;
            case 5: if (!FN(load)(cpu, va, 2, &v)) goto trapped;
                    x[rd] = (uint16_t)v; break;
#if XLEN == 64
            case 3: if (!FN(load)(cpu, va, 8, &v)) goto trapped;
                    x[rd] = v; break;
            case 6: if (!FN(load)(cpu, va, 4, &v)) goto trapped;
                    x[rd] = (uint32_t)v; break;
#endif
            default: goto illegal;
            }
            break;
        }
        case 0x23: { /* STORE */
            ureg va = (ureg)(X(rs1) + (ureg)rv_imm_s(insn));
            if (f3 > (XLEN == 64 ? 3u : 2u))
                goto illegal;
            if (!FN(store)(cpu, va, 1u << f3, X(rs2)))
                goto trapped;
            break;
        }
        case 0x13: { /* OP-IMM */
            ureg a = X(rs1), imm = (ureg)rv_imm_i(insn);
            unsigned sh = (insn >> 20) & (XLEN - 1);
            unsigned hi = insn >> (XLEN == 64 ? 26 : 25);
            switch (f3) {
            case 0: x[rd] = (ureg)(a + imm); break;
            case 2: x[rd] = (sreg)a < (sreg)imm; break;
            case 3: x[rd] = a < imm; break;
            case 4: x[rd] = a ^ imm; break;
            case 6: x[rd] = a | imm; break;
            case 7: x[rd] = a & imm; break;
            case 1:
                if (hi != 0)
                    ZB_OR_ILLEGAL();
                else
                    x[rd] = (ureg)(a << sh);
                break;
            default: /* 5 */
                if (hi == 0)
                    x[rd] = a >> sh;
                else if (hi == (XLEN == 64 ? 0x10u : 0x20u))
                    x[rd] = (ureg)((sreg)a >> sh);
                else
                    ZB_OR_ILLEGAL();
                break;
            }
            break;
        }
        case 0x33: { /* OP */
            ureg a = X(rs1), b = X(rs2);
            unsigned sh = b & (XLEN - 1);
            if (f7 == 0x01) {
                if (!cpu->has_m)
                    goto illegal;
                if (f3 == 0)
                    x[rd] = (ureg)(a * b);
                else if (f3 < 4)
                    x[rd] = FN(mulh)(a, b, f3);
                else
                    x[rd] = FN(div)(a, b, f3);
                break;
            }
            switch (f3 | f7 << 3) {
            case 0: x[rd] = (ureg)(a + b); break;
            case 0x20 << 3: x[rd] = (ureg)(a - b); break;
            case 1: x[rd] = (ureg)(a << sh); break;
            case 2: x[rd] = (sreg)a < (sreg)b; break;
            case 3: x[rd] = a < b; break;
            case 4: x[rd] = a ^ b; break;
            case 5: x[rd] = a >> sh; break;
            case 5 | 0x20 << 3: x[rd] = (ureg)((sreg)a >> sh); break;
            case 6: x[rd] = a | b; break;
            case 7: x[rd] = a & b; break;
            default: ZB_OR_ILLEGAL(); break;
            }
            break;
        }
#if XLEN == 64
        case 0x1b: { /* OP-IMM-32 */
            uint32_t a = (uint32_t)x[rs1];
            unsigned sh = rs2;
            switch (f3) {
            case 0: x[rd] = SEXT32(a + (uint32_t)rv_imm_i(insn)); break;
            case 1:
                if (f7 != 0) ZB_OR_ILLEGAL();
                else x[rd] = SEXT32(a << sh);
                break;
            case 5:
                if (f7 == 0) x[rd] = SEXT32(a >> sh);
                else if (f7 == 0x20) x[rd] = SEXT32((int32_t)a >> sh);
                else ZB_OR_ILLEGAL();
                break;
            default: ZB_OR_ILLEGAL(); break;
            }
            break;
        }
        case 0x3b: { /* OP-32 */
            uint32_t a = (uint32_t)x[rs1], b = (uint32_t)x[rs2];
            unsigned sh = b & 31;
            if (f7 == 0x01) {
                if (!cpu->has_m)
                    goto illegal;
                if (f3 == 0)
                    x[rd] = SEXT32(a * b);
                else if (f3 >= 4)
                    x[rd] = FN(divw)(a, b, f3);
                else
                    goto illegal;
                break;
            }
            switch (f3 | f7 << 3) {
            case 0: x[rd] = SEXT32(a + b); break;
            case 0x20 << 3: x[rd] = SEXT32(a - b); break;
            case 1: x[rd] = SEXT32(a << sh); break;
            case 5: x[rd] = SEXT32(a >> sh); break;
            case 5 | 0x20 << 3: x[rd] = SEXT32((int32_t)a >> sh); break;
            default: ZB_OR_ILLEGAL(); break;
            }
            break;
        }
#endif
        case 0x07: case 0x27: /* LOAD-FP, STORE-FP */
        case 0x43: case 0x47: case 0x4b: case 0x4f: /* fused multiply-add */
        case 0x53: /* OP-FP */
            switch (FN(fp)(cpu, insn)) {
            case RV_FP_OK: break;
            case RV_FP_TRAPPED: goto trapped;
            default: goto illegal;
            }
            break;
        case 0x0f: /* MISC-MEM */
            if (f3 == 0)
                break; /* fence: one hart at a time sees all memory in order */
            if (f3 == 1)
                break; /* fence.i: fetches always read memory as it is now */
            goto illegal;
        case 0x2f: { /* AMO */
            unsigned f5 = insn >> 27;
            unsigned size = f3 == 2 ? 4 : 8;
            if (!cpu->has_a || (f3 != 2 && (XLEN == 32 || f3 != 3)))
                goto illegal;
            ureg va = X(rs1);
            uint8_t *p;
            if (f5 == 0x02) { /* LR */
                if (rs2 != 0)
                    goto illegal;
                p = mmu_atomic_ptr(cpu, va, size, RV_ACC_LOAD);
                if (!p)
                    goto trapped;
                x[rd] = size == 4 ? (ureg)(sreg)(int32_t)ld_le(p, 4)
                                  : (ureg)ld_le(p, 8);
                cpu->res_ptr = p;
                cpu->res_valid = true;
            } else if (f5 == 0x03) { /* SC */
                p = mmu_atomic_ptr(cpu, va, size, RV_ACC_STORE);
                if (!p)
                    goto trapped;
                bool ok = cpu->res_valid && cpu->res_ptr == p;
                if (ok)
                    st_le(p, size, X(rs2));
                cpu->res_valid = false;
                x[rd] = !ok;
            } else {
                if (!FN(amo_op_valid)(f5))
                    goto illegal;
                p = mmu_atomic_ptr(cpu, va, size, RV_ACC_STORE);
                if (!p)
                    goto trapped;
                x[rd] = FN(amo)(p, size, f5, X(rs2));
            }
            break;
        }
        case 0x73: { /* SYSTEM */
            if (f3 == 0) {
                cpu->pc = pc;
                if (insn == 0x00000073) { /* ecall */
                    rv_raise(cpu, RV_EXC_ECALL_U + cpu->priv, 0);
                    goto trapped;
                }
                if (insn == 0x00100073) { /* ebreak: tval is the pc */
                    rv_raise(cpu, RV_EXC_BREAKPOINT, pc);
                    goto trapped;
                }
                if (insn == 0x30200073) { /* mret */
                    if (cpu->priv < RV_PRIV_M)
                        goto illegal;
                    rv_mret(cpu);
                    npc = (ureg)cpu->pc;
                    break;
                }
                if (insn == 0x10200073) { /* sret */
                    if (!cpu->has_s || cpu->priv < RV_PRIV_S ||
                        (cpu->priv == RV_PRIV_S &&
                         (cpu->mstatus & MSTATUS_TSR)))
                        goto illegal;
                    rv_sret(cpu);
                    npc = (ureg)cpu->pc;
                    break;
                }
                if (insn == 0x10500073) { /* wfi */
                    /* priv 3.1.6.5: TW traps wfi below M; with S-mode
                     * present, wfi in U mode is illegal */
                    if (cpu->priv == RV_PRIV_U ||
                        (cpu->priv == RV_PRIV_S &&
                         (cpu->mstatus & MSTATUS_TW)))
                        goto illegal;
                    if (!(cpu->mip & cpu->mie)) {
                        cpu->wfi = true;
                        cpu->events |= RV_EV_EXIT;
                    }
                    break;
                }
                if (f7 == 0x09 && rd == 0) { /* sfence.vma */
                    if (!cpu->has_s || cpu->priv == RV_PRIV_U ||
                        (cpu->priv == RV_PRIV_S &&
                         (cpu->mstatus & MSTATUS_TVM)))
                        goto illegal;
                    /* rs1 names one page; the ASID in rs2 does not narrow
                     * it further (entries are not tagged by ASID) */
                    if (rs1 != 0)
                        rv_tlb_flush_page(cpu, X(rs1));
                    else
                        rv_tlb_flush(cpu);
                    break;
                }
                goto illegal;
            }
            if (f3 == 4)
                goto illegal;
            {
                unsigned csr = insn >> 20;
                uint64_t src = (f3 & 4) ? rs1 : X(rs1);
                bool write = (f3 & 3) == 1 || rs1 != 0;
                uint64_t old;
                cpu->pc = pc;
                if (!rv_csr_insn(cpu, csr, f3 & 3, src, write, &old))
                    goto illegal;
                x[rd] = (ureg)old;
            }
            break;
        }
        default:
            goto illegal;
        }

        /* the single retire point */
        x[0] = 0;
        cpu->pc = npc;
        cpu->instret++;
        if (unlikely(m->retire != NULL))
            m->retire(m->retire_ctx, cpu->hartid, pc, raw,
                      (raw & 3) == 3 ? 4 : 2);
        continue;

    illegal:
        cpu->pc = pc;
        rv_raise(cpu, RV_EXC_ILLEGAL, raw);
    trapped:
        x[0] = 0;
    }
    return done;
}

#undef X
#undef ZB_OR_ILLEGAL
#undef SEXT32
