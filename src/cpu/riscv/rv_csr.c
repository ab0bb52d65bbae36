/*
 * The CSR file (priv spec 1.12 chapter 2 and 3, Zicntr). One table indexed
 * by CSR number holds each CSR's name, an existence/access predicate, and
 * read and write functions; the CSR instructions' privilege and read-only
 * rules are applied once, in rv_csr_insn().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/rv_cpu.h"
#include "machine/debug.h"
#include "devices/clint.h"
#include "mmu/mmu.h"

typedef struct rv_csr_def {
    const char *name; /* NULL: a numbered range, named by range_name() */
    bool (*pred)(const rv_cpu *cpu, unsigned csr);
    uint64_t (*read)(rv_cpu *cpu, unsigned csr);
    void (*write)(rv_cpu *cpu, unsigned csr, uint64_t val); /* NULL: WARL 0 */
} rv_csr_def;

static uint64_t xmask(const rv_cpu *cpu)
{
    return cpu->xlen == 32 ? 0xffffffffull : UINT64_MAX;
}

/* ---- predicates ---- */

static bool pred_any(const rv_cpu *cpu, unsigned csr) { return true; }
static bool pred_s(const rv_cpu *cpu, unsigned csr) { return cpu->has_s; }
static bool pred_u(const rv_cpu *cpu, unsigned csr) { return cpu->has_u; }
static bool pred_rv32(const rv_cpu *cpu, unsigned csr) { return cpu->xlen == 32; }

/* priv 3.1.11: mcounteren/scounteren gate lower modes' counter reads */
static bool counter_enabled(const rv_cpu *cpu, unsigned csr)
{
    unsigned bit = csr & 31;
    if (cpu->priv < RV_PRIV_M && !((cpu->mcounteren >> bit) & 1))
        return false;
    if (cpu->priv == RV_PRIV_U && cpu->has_s && !((cpu->scounteren >> bit) & 1))
        return false;
    return true;
}
static bool pred_counter(const rv_cpu *cpu, unsigned csr)
{
    return counter_enabled(cpu, csr);
}
static bool pred_counter_h(const rv_cpu *cpu, unsigned csr)
{
    return cpu->xlen == 32 && counter_enabled(cpu, csr);
}
/* priv 3.1.6.5: TVM makes satp inaccessible from S mode */
static bool pred_satp(const rv_cpu *cpu, unsigned csr)
{
    return cpu->has_s &&
           !(cpu->priv == RV_PRIV_S && (cpu->mstatus & MSTATUS_TVM));
}
/* F: fflags, frm and fcsr exist with F and are illegal while FS is Off */
static bool pred_fp(const rv_cpu *cpu, unsigned csr)
{
    return cpu->has_f && (cpu->mstatus & MSTATUS_FS);
}
/* RV64 has only the even pmpcfg registers */
static bool pred_pmpcfg(const rv_cpu *cpu, unsigned csr)
{
    return cpu->xlen == 32 || (csr & 1) == 0;
}

/* ---- mstatus and its views ---- */

static uint64_t mstatus_value(const rv_cpu *cpu)
{
    uint64_t s = cpu->mstatus;
    bool dirty = (s & MSTATUS_FS) == MSTATUS_FS ||
                 (s & MSTATUS_XS) == MSTATUS_XS ||
                 (s & MSTATUS_VS) == MSTATUS_VS;
    if (cpu->xlen == 32)
        return (s & 0x7fffffffull) | (dirty ? MSTATUS_SD32 : 0);
    return s | (dirty ? MSTATUS_SD64 : 0);
}

static uint64_t rd_mstatus(rv_cpu *cpu, unsigned csr) { return mstatus_value(cpu); }

/* Apply a new mstatus, with the side effects of a change of translation
 * context and of interrupt enables. */
static void set_mstatus(rv_cpu *cpu, uint64_t s)
{
    uint64_t old = cpu->mstatus;
    cpu->mstatus = s;
    if ((old ^ s) & (MSTATUS_SUM | MSTATUS_MXR))
        rv_tlb_flush(cpu);
    if ((old ^ s) & (MSTATUS_MPRV | MSTATUS_MPP))
        rv_update_tlb_ptrs(cpu);
    rv_update_irq(cpu);
}

static void wr_mstatus(rv_cpu *cpu, unsigned csr, uint64_t val)
{
    uint64_t mask = MSTATUS_MIE | MSTATUS_MPIE;
    if (cpu->has_s)
        mask |= MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM |
                MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TSR;
    if (cpu->has_u)
        mask |= MSTATUS_MPRV | MSTATUS_TW;
    if (cpu->misa & (1u << ('F' - 'A')))
        mask |= MSTATUS_FS;
    uint64_t s = (cpu->mstatus & ~mask) | (val & mask);
    /* MPP is WARL: only modes the hart has are kept */
    unsigned mpp = (unsigned)((val & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    bool legal = mpp == RV_PRIV_M || (mpp == RV_PRIV_S && cpu->has_s) ||
                 (mpp == RV_PRIV_U && cpu->has_u);
    if (legal)
        s = (s & ~MSTATUS_MPP) | ((uint64_t)mpp << MSTATUS_MPP_SHIFT);
    set_mstatus(cpu, s);
}

#define SSTATUS_READ (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_UBE | MSTATUS_SPP | \
                      MSTATUS_VS | MSTATUS_FS | MSTATUS_XS | MSTATUS_SUM |   \
                      MSTATUS_MXR | MSTATUS_UXL)
#define SSTATUS_WRITE (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | \
                       MSTATUS_SUM | MSTATUS_MXR)

static uint64_t rd_sstatus(rv_cpu *cpu, unsigned csr)
{
    uint64_t sd = cpu->xlen == 32 ? MSTATUS_SD32 : MSTATUS_SD64;
    return mstatus_value(cpu) & (SSTATUS_READ | sd);
}

static void wr_sstatus(rv_cpu *cpu, unsigned csr, uint64_t val)
{
    uint64_t mask = SSTATUS_WRITE;
    if (!(cpu->misa & (1u << ('F' - 'A'))))
        mask &= ~MSTATUS_FS;
    set_mstatus(cpu, (cpu->mstatus & ~mask) | (val & mask));
}

/* RV32 mstatush: SBE and MBE, both read-only zero here (little-endian). */
static uint64_t rd_zero(rv_cpu *cpu, unsigned csr) { return 0; }

/* ---- identification ---- */

static uint64_t rd_misa(rv_cpu *cpu, unsigned csr) { return cpu->misa; }
static uint64_t rd_mhartid(rv_cpu *cpu, unsigned csr) { return cpu->hartid; }

/* ---- traps and interrupts ---- */

#define MEDELEG_MASK 0xb3ffull /* causes 0-9, 12, 13, 15 (not 11) */

static uint64_t rd_medeleg(rv_cpu *cpu, unsigned csr) { return cpu->medeleg; }
static void wr_medeleg(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    cpu->medeleg = v & MEDELEG_MASK;
}
static uint64_t rd_mideleg(rv_cpu *cpu, unsigned csr) { return cpu->mideleg; }
static void wr_mideleg(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    cpu->mideleg = v & RV_S_INTS;
    rv_update_irq(cpu);
}

static uint64_t mie_mask(const rv_cpu *cpu)
{
    return RV_M_INTS | (cpu->has_s ? RV_S_INTS : 0);
}
static uint64_t rd_mie(rv_cpu *cpu, unsigned csr) { return cpu->mie; }
static void wr_mie(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    cpu->mie = v & mie_mask(cpu);
    rv_set_mip(cpu, 0, false);
}
static uint64_t rd_mip(rv_cpu *cpu, unsigned csr) { return cpu->mip; }
static void wr_mip(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    /* software may write the S-level bits; M-level bits come from devices,
     * and so does STIP while Sstc's stimecmp drives it (Sstc 1.0) */
    uint64_t mask = cpu->has_s ? RV_S_INTS : 0;
    if (rv_sstc_on(cpu))
        mask &= ~(uint64_t)RV_MIP_STIP;
    cpu->mip = (cpu->mip & ~mask) | (v & mask);
    rv_set_mip(cpu, 0, false);
}
static uint64_t rd_sie(rv_cpu *cpu, unsigned csr) { return cpu->mie & cpu->mideleg; }
static void wr_sie(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    uint64_t mask = cpu->mideleg;
    cpu->mie = (cpu->mie & ~mask) | (v & mask);
    rv_set_mip(cpu, 0, false);
}
static uint64_t rd_sip(rv_cpu *cpu, unsigned csr) { return cpu->mip & cpu->mideleg; }
static void wr_sip(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    /* only SSIP is writable through sip */
    uint64_t mask = cpu->mideleg & RV_MIP_SSIP;
    cpu->mip = (cpu->mip & ~mask) | (v & mask);
    rv_set_mip(cpu, 0, false);
}

/* xtvec: MODE 2 and 3 are reserved; bit 1 is kept clear */
static uint64_t rd_mtvec(rv_cpu *cpu, unsigned csr) { return cpu->mtvec; }
static void wr_mtvec(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    cpu->mtvec = v & ~2ull & xmask(cpu);
}
static uint64_t rd_stvec(rv_cpu *cpu, unsigned csr) { return cpu->stvec; }
static void wr_stvec(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    cpu->stvec = v & ~2ull & xmask(cpu);
}

/* xepc: bit 0 is always zero, bit 1 too without C (IALIGN = 32) */
static uint64_t epc_mask(const rv_cpu *cpu)
{
    return xmask(cpu) & (cpu->has_c ? ~1ull : ~3ull);
}

/* Plain read/write registers, located by CSR number. */
static uint64_t *plain_reg(rv_cpu *cpu, unsigned csr)
{
    switch (csr) {
    case 0x340: return &cpu->mscratch;
    case 0x341: return &cpu->mepc;
    case 0x342: return &cpu->mcause;
    case 0x343: return &cpu->mtval;
    case 0x140: return &cpu->sscratch;
    case 0x141: return &cpu->sepc;
    case 0x142: return &cpu->scause;
    case 0x143: return &cpu->stval;
    case 0x7a2: return &cpu->tdata2;
    default: return NULL;
    }
}
static uint64_t rd_plain(rv_cpu *cpu, unsigned csr) { return *plain_reg(cpu, csr); }
static void wr_plain(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    if (csr == 0x341 || csr == 0x141)
        v &= epc_mask(cpu);
    *plain_reg(cpu, csr) = v & xmask(cpu);
}
/* Without triggers, tdata2 reads back zero like the rest (Sdtrig). */
static uint64_t rd_tdata(rv_cpu *cpu, unsigned csr) { return 0; }

/* ---- counters ---- */

static uint64_t rd_mcounteren(rv_cpu *cpu, unsigned csr) { return cpu->mcounteren; }
static void wr_mcounteren(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    cpu->mcounteren = (uint32_t)v;
}
static uint64_t rd_scounteren(rv_cpu *cpu, unsigned csr) { return cpu->scounteren; }
static void wr_scounteren(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    cpu->scounteren = (uint32_t)v;
}

uint64_t rv_mtime(const rv_cpu *cpu)
{
    return dev_clint_read_mtime(cpu->m->clint, cpu->steps);
}

/* The full 64-bit value of counter csr & 0x7f (0 cycle, 1 time, 2 instret);
 * while inhibited, a counter's offset holds its value. */
static uint64_t counter64(rv_cpu *cpu, unsigned which)
{
    switch (which) {
    case 0:
        return (cpu->mcountinhibit & 1) ? cpu->mcycle_off
                                        : cpu->steps + cpu->mcycle_off;
    case 1: return rv_mtime(cpu);
    case 2:
        return (cpu->mcountinhibit & 4) ? cpu->minstret_off
                                        : cpu->instret + cpu->minstret_off;
    default: return 0; /* hpmcounter3..31 count nothing */
    }
}

static uint64_t rd_counter(rv_cpu *cpu, unsigned csr)
{
    uint64_t v = counter64(cpu, csr & 31);
    if (csr & 0x80) /* the RV32 high halves */
        return v >> 32;
    return v & xmask(cpu);
}

/*
 * A write to mcycle/minstret (or their RV32 halves) sets the value the next
 * instruction reads: the writing instruction's own increment is absorbed
 * (what riscv-tests' instret_overflow expects).
 */
static void wr_counter(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    unsigned which = csr & 31;
    if (which != 0 && which != 2)
        return; /* mhpmcounters are read-only zero */
    uint64_t cur = counter64(cpu, which), val;
    if (csr & 0x80)
        val = (v << 32) | (cur & 0xffffffffull);
    else if (cpu->xlen == 32)
        val = (cur & ~0xffffffffull) | (v & 0xffffffffull);
    else
        val = v;
    /* a stopped counter's offset is its value */
    if (!(cpu->mcountinhibit & (1u << which)))
        val -= which == 0 ? cpu->steps + 1 : cpu->instret + 1;
    if (which == 0)
        cpu->mcycle_off = val;
    else
        cpu->minstret_off = val;
}

/*
 * mcountinhibit: CY and IR stop mcycle and minstret (TM does not exist;
 * the hpm counters count nothing, so their bits read zero). A stopped
 * counter keeps its value in the offset; counting resumes with the next
 * instruction.
 */
static uint64_t rd_mcountinhibit(rv_cpu *cpu, unsigned csr)
{
    return cpu->mcountinhibit;
}
static void wr_mcountinhibit(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    uint64_t cycle = counter64(cpu, 0), instret = counter64(cpu, 2);
    cpu->mcountinhibit = (uint32_t)v & 5;
    if (cpu->mcountinhibit & 1)
        cpu->mcycle_off = cycle;
    else
        cpu->mcycle_off = cycle - cpu->steps;
    if (cpu->mcountinhibit & 4)
        cpu->minstret_off = instret;
    else
        cpu->minstret_off = instret - (cpu->instret + 1);
}

/* ---- floating-point CSRs ---- */

static uint64_t rd_fcsr(rv_cpu *cpu, unsigned csr)
{
    switch (csr) {
    case 0x001: return cpu->fflags;
    case 0x002: return cpu->frm;
    default: return (uint64_t)cpu->frm << 5 | cpu->fflags;
    }
}
static void wr_fcsr(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    switch (csr) {
    case 0x001: cpu->fflags = v & 0x1f; break;
    case 0x002: cpu->frm = v & 7; break;
    default:
        cpu->fflags = v & 0x1f;
        cpu->frm = (v >> 5) & 7;
        break;
    }
    cpu->mstatus |= MSTATUS_FS; /* Dirty */
}

/* ---- envcfg, satp ---- */

/* menvcfg: FIOM, and STCE with Sstc (RV32 keeps STCE in menvcfgh) */
static uint64_t rd_menvcfg(rv_cpu *cpu, unsigned csr)
{
    return csr == 0x31a ? cpu->menvcfg >> 32 : cpu->menvcfg & xmask(cpu);
}
static void wr_menvcfg(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    uint64_t mask = 1 | (cpu->has_sstc ? MENVCFG_STCE : 0);
    if (csr == 0x31a)
        v = (v << 32) | (cpu->menvcfg & 0xffffffffull);
    else if (cpu->xlen == 32)
        v = (cpu->menvcfg & ~0xffffffffull) | v;
    cpu->menvcfg = v & mask;
    rv_timer_update(cpu); /* STIP follows stimecmp, or keeps its value */
}

/*
 * Sstc 1.0: stimecmp exists with S mode; below M it needs menvcfg.STCE and
 * mcounteren.TM, otherwise it is illegal. STIP is (time >= stimecmp) while
 * STCE is set. A write moves the hart's next timer event, so the scheduler
 * must recompute its round.
 */
static bool pred_stimecmp(const rv_cpu *cpu, unsigned csr)
{
    if (!cpu->has_sstc || (csr == 0x15d && cpu->xlen != 32))
        return false;
    return cpu->priv == RV_PRIV_M ||
           (rv_sstc_on(cpu) && (cpu->mcounteren & 2));
}
static uint64_t rd_stimecmp(rv_cpu *cpu, unsigned csr)
{
    return csr == 0x15d ? cpu->stimecmp >> 32 : cpu->stimecmp & xmask(cpu);
}
static void wr_stimecmp(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    if (csr == 0x15d)
        cpu->stimecmp = (v << 32) | (cpu->stimecmp & 0xffffffffull);
    else if (cpu->xlen == 32)
        cpu->stimecmp = (cpu->stimecmp & ~0xffffffffull) | v;
    else
        cpu->stimecmp = v;
    rv_timer_update(cpu);
    dev_clint_event_moved(cpu->m->clint, cpu);
}
static uint64_t rd_senvcfg(rv_cpu *cpu, unsigned csr) { return cpu->senvcfg; }
static void wr_senvcfg(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    cpu->senvcfg = v & 1;
}

static uint64_t rd_satp(rv_cpu *cpu, unsigned csr) { return cpu->satp; }
static void wr_satp(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    if (cpu->xlen == 32) {
        v &= 0xffffffffull; /* MODE[31], ASID[30:22] (9 bits), PPN[21:0] */
    } else {
        unsigned mode = (unsigned)(v >> 60);
        /* priv 4.1.11: a write of an unsupported mode changes nothing */
        if (mode != SATP_BARE && mode != SATP_SV39 && mode != SATP_SV48 &&
            mode != SATP_SV57)
            return;
    }
    cpu->satp = v;
    rv_tlb_flush(cpu);
}

/* ---- PMP ---- */

static uint64_t rd_pmpcfg(rv_cpu *cpu, unsigned csr)
{
    unsigned first = (csr - 0x3a0) * 4, n = cpu->xlen / 8;
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        if (first + i < RV_PMP_COUNT)
            v |= (uint64_t)cpu->pmpcfg[first + i] << (8 * i);
    return v;
}

static void pmp_changed(rv_cpu *cpu)
{
    pmp_update(cpu);
    rv_tlb_flush(cpu);
}

static void wr_pmpcfg(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    unsigned first = (csr - 0x3a0) * 4, n = cpu->xlen / 8;
    for (unsigned i = 0; i < n && first + i < RV_PMP_COUNT; i++) {
        uint8_t *cfg = &cpu->pmpcfg[first + i];
        uint8_t nv = (uint8_t)(v >> (8 * i)) & 0x9f; /* bits 5-6 reserved */
        if (*cfg & 0x80)
            continue; /* locked until reset */
        if ((nv & 3) == 2)
            continue; /* R=0 W=1 is reserved: keep the old value (WARL) */
        *cfg = nv;
    }
    pmp_changed(cpu);
}

static uint64_t rd_pmpaddr(rv_cpu *cpu, unsigned csr)
{
    unsigned i = csr - 0x3b0;
    return i < RV_PMP_COUNT ? cpu->pmpaddr[i] : 0;
}

static void wr_pmpaddr(rv_cpu *cpu, unsigned csr, uint64_t v)
{
    unsigned i = csr - 0x3b0;
    if (i >= RV_PMP_COUNT || (cpu->pmpcfg[i] & 0x80))
        return;
    /* a locked TOR entry also locks the address below it */
    if (i + 1 < RV_PMP_COUNT && (cpu->pmpcfg[i + 1] & 0x80) &&
        ((cpu->pmpcfg[i + 1] >> 3) & 3) == 1)
        return;
    cpu->pmpaddr[i] = cpu->xlen == 32 ? (v & 0xffffffffull)
                                      : (v & ((1ull << 54) - 1));
    pmp_changed(cpu);
}

/* ---- the table ---- */

#define RW(n, p, r, w) {n, p, r, w}
#define RO(n, p, r) {n, p, r, NULL}

static const rv_csr_def csr_table[4096] = {
    /* floating point */
    [0x001] = RW("fflags", pred_fp, rd_fcsr, wr_fcsr),
    [0x002] = RW("frm", pred_fp, rd_fcsr, wr_fcsr),
    [0x003] = RW("fcsr", pred_fp, rd_fcsr, wr_fcsr),

    /* unprivileged counters (Zicntr; hpmcounters read zero) */
    [0xc00] = RO("cycle", pred_counter, rd_counter),
    [0xc01] = RO("time", pred_counter, rd_counter),
    [0xc02] = RO("instret", pred_counter, rd_counter),
    [0xc03 ... 0xc1f] = RO(NULL, pred_counter, rd_counter),
    [0xc80] = RO("cycleh", pred_counter_h, rd_counter),
    [0xc81] = RO("timeh", pred_counter_h, rd_counter),
    [0xc82] = RO("instreth", pred_counter_h, rd_counter),
    [0xc83 ... 0xc9f] = RO(NULL, pred_counter_h, rd_counter),

    /* supervisor */
    [0x100] = RW("sstatus", pred_s, rd_sstatus, wr_sstatus),
    [0x104] = RW("sie", pred_s, rd_sie, wr_sie),
    [0x105] = RW("stvec", pred_s, rd_stvec, wr_stvec),
    [0x106] = RW("scounteren", pred_s, rd_scounteren, wr_scounteren),
    [0x10a] = RW("senvcfg", pred_s, rd_senvcfg, wr_senvcfg),
    [0x140] = RW("sscratch", pred_s, rd_plain, wr_plain),
    [0x141] = RW("sepc", pred_s, rd_plain, wr_plain),
    [0x142] = RW("scause", pred_s, rd_plain, wr_plain),
    [0x143] = RW("stval", pred_s, rd_plain, wr_plain),
    [0x144] = RW("sip", pred_s, rd_sip, wr_sip),
    [0x14d] = RW("stimecmp", pred_stimecmp, rd_stimecmp, wr_stimecmp),
    [0x15d] = RW("stimecmph", pred_stimecmp, rd_stimecmp, wr_stimecmp),
    [0x180] = RW("satp", pred_satp, rd_satp, wr_satp),

    /* machine information */
    [0xf11] = RO("mvendorid", pred_any, rd_zero),
    [0xf12] = RO("marchid", pred_any, rd_zero),
    [0xf13] = RO("mimpid", pred_any, rd_zero),
    [0xf14] = RO("mhartid", pred_any, rd_mhartid),
    [0xf15] = RO("mconfigptr", pred_any, rd_zero),

    /* machine trap setup and handling */
    [0x300] = RW("mstatus", pred_any, rd_mstatus, wr_mstatus),
    [0x301] = RO("misa", pred_any, rd_misa),
    [0x302] = RW("medeleg", pred_s, rd_medeleg, wr_medeleg),
    [0x303] = RW("mideleg", pred_s, rd_mideleg, wr_mideleg),
    [0x304] = RW("mie", pred_any, rd_mie, wr_mie),
    [0x305] = RW("mtvec", pred_any, rd_mtvec, wr_mtvec),
    [0x306] = RW("mcounteren", pred_u, rd_mcounteren, wr_mcounteren),
    [0x30a] = RW("menvcfg", pred_u, rd_menvcfg, wr_menvcfg),
    [0x310] = RO("mstatush", pred_rv32, rd_zero),
    [0x31a] = RW("menvcfgh", pred_rv32, rd_menvcfg, wr_menvcfg),
    [0x320] = RW("mcountinhibit", pred_any, rd_mcountinhibit, wr_mcountinhibit),
    [0x323 ... 0x33f] = RO(NULL, pred_any, rd_zero), /* mhpmevent3..31 */
    [0x340] = RW("mscratch", pred_any, rd_plain, wr_plain),
    [0x341] = RW("mepc", pred_any, rd_plain, wr_plain),
    [0x342] = RW("mcause", pred_any, rd_plain, wr_plain),
    [0x343] = RW("mtval", pred_any, rd_plain, wr_plain),
    [0x344] = RW("mip", pred_any, rd_mip, wr_mip),

    /* PMP: 16 entries implemented, the other 48 read as zero */
    [0x3a0 ... 0x3af] = RW(NULL, pred_pmpcfg, rd_pmpcfg, wr_pmpcfg),
    [0x3b0 ... 0x3ef] = RW(NULL, pred_any, rd_pmpaddr, wr_pmpaddr),

    /* machine counters */
    [0xb00] = RW("mcycle", pred_any, rd_counter, wr_counter),
    [0xb02] = RW("minstret", pred_any, rd_counter, wr_counter),
    [0xb03 ... 0xb1f] = RW(NULL, pred_any, rd_counter, wr_counter),
    [0xb80] = RW("mcycleh", pred_rv32, rd_counter, wr_counter),
    [0xb82] = RW("minstreth", pred_rv32, rd_counter, wr_counter),
    [0xb83 ... 0xb9f] = RW(NULL, pred_rv32, rd_counter, wr_counter),

    /* Sdtrig with no triggers: tselect, tdata1-3 exist and read zero */
    [0x7a0] = RW("tselect", pred_any, rd_tdata, NULL),
    [0x7a1] = RW("tdata1", pred_any, rd_tdata, NULL),
    [0x7a2] = RW("tdata2", pred_any, rd_tdata, NULL),
    [0x7a3] = RW("tdata3", pred_any, rd_tdata, NULL),
};

/* Names of the numbered ranges. */
static const struct {
    unsigned lo, hi;
    const char *prefix;
    unsigned first;
} csr_ranges[] = {
    {0xc03, 0xc1f, "hpmcounter", 3},   {0xc83, 0xc9f, "hpmcounter", 3},
    {0x323, 0x33f, "mhpmevent", 3},    {0x3a0, 0x3af, "pmpcfg", 0},
    {0x3b0, 0x3ef, "pmpaddr", 0},      {0xb03, 0xb1f, "mhpmcounter", 3},
    {0xb83, 0xb9f, "mhpmcounter", 3},
};

static bool csr_exists(const rv_cpu *cpu, unsigned csr)
{
    const rv_csr_def *d = &csr_table[csr & 0xfff];
    return d->read && d->pred(cpu, csr);
}

bool rv_csr_insn(rv_cpu *cpu, unsigned csr, unsigned kind, uint64_t src,
                 bool write, uint64_t *old)
{
    const rv_csr_def *d = &csr_table[csr];
    if (!d->read)
        return false;
    /* priv 2.1: bits [9:8] give the lowest privilege that may access it,
     * bits [11:10] == 3 mark it read-only */
    if (cpu->priv < ((csr >> 8) & 3))
        return false;
    if (write && (csr >> 10) == 3)
        return false;
    if (!d->pred(cpu, csr))
        return false;
    uint64_t v = d->read(cpu, csr);
    *old = v;
    if (write) {
        uint64_t nv = kind == 1 ? src : kind == 2 ? (v | src) : (v & ~src);
        if (d->write)
            d->write(cpu, csr, nv & xmask(cpu));
    }
    if (unlikely(cpu->m->dbg != NULL)) /* hooks see the value as it reads back */
        debug_csr(cpu->m, cpu->hartid, csr, v, write ? d->read(cpu, csr) : v,
                  write);
    return true;
}

bool rv_csr_read_raw(rv_cpu *cpu, unsigned csr, uint64_t *val)
{
    if (csr >= 4096 || !csr_table[csr].read)
        return false;
    unsigned saved = cpu->priv;
    cpu->priv = RV_PRIV_M; /* counters are gated only below M */
    bool ok = csr_exists(cpu, csr);
    cpu->priv = saved;
    if (ok)
        *val = csr_table[csr].read(cpu, csr);
    return ok;
}

bool rv_csr_write_raw(rv_cpu *cpu, unsigned csr, uint64_t val)
{
    uint64_t dummy;
    if (!rv_csr_read_raw(cpu, csr, &dummy))
        return false;
    if (csr_table[csr].write)
        csr_table[csr].write(cpu, csr, val & xmask(cpu));
    return true;
}

bool rv_csr_name(unsigned csr, char *buf, size_t len)
{
    if (csr >= 4096 || !csr_table[csr].read)
        return false;
    if (csr_table[csr].name) {
        snprintf(buf, len, "%s", csr_table[csr].name);
        return true;
    }
    for (size_t i = 0; i < sizeof(csr_ranges) / sizeof(csr_ranges[0]); i++) {
        if (csr >= csr_ranges[i].lo && csr <= csr_ranges[i].hi) {
            snprintf(buf, len, "%s%u%s", csr_ranges[i].prefix,
                     csr - csr_ranges[i].lo + csr_ranges[i].first,
                     (csr & 0xf80) == 0xc80 || (csr & 0xf80) == 0xb80 ? "h"
                                                                      : "");
            return true;
        }
    }
    return false;
}

int rv_csr_lookup(const char *name)
{
    char buf[32];
    for (unsigned csr = 0; csr < 4096; csr++)
        if (rv_csr_name(csr, buf, sizeof(buf)) && strcmp(buf, name) == 0)
            return (int)csr;
    return -1;
}

/* ---- TLB maintenance ---- */

static rv_tlb_set *ready_set(rv_tlb_set *set)
{
    if (!set->ready) {
        for (unsigned a = 0; a < 3; a++)
            set->e[a][0].tag = RV_TLB_INVALID; /* the rest are 0: empty */
        set->ready = true;
    }
    return set;
}

void rv_update_tlb_ptrs(rv_cpu *cpu)
{
    cpu->itlb = ready_set(&cpu->tlb[cpu->priv]);
    cpu->dtlb = ready_set(&cpu->tlb[mmu_data_priv(cpu)]);
}

rv_tlb_entry *rv_tlb_claim(rv_cpu *cpu, rv_tlb_set *set, rv_access acc,
                           uint64_t va)
{
    unsigned idx = (unsigned)(va >> 12) & (RV_TLB_SIZE - 1);
    rv_tlb_entry *e = &set->e[acc][idx];
    if (e->tag == RV_TLB_INVALID || e->tag == 0) { /* empty (or page 0) */
        if (cpu->tlb_nlog < RV_TLB_LOG)
            cpu->tlb_log[cpu->tlb_nlog] =
                (uint32_t)(set - cpu->tlb) << 16 | (uint32_t)acc << 14 | idx;
        cpu->tlb_nlog++;
    }
    return e;
}

void rv_tlb_flush(rv_cpu *cpu)
{
    if (cpu->tlb_nlog > RV_TLB_LOG) {
        for (unsigned p = 0; p < 4; p++)
            for (unsigned a = 0; a < 3 && cpu->tlb[p].ready; a++)
                for (unsigned i = 0; i < RV_TLB_SIZE; i++)
                    rv_tlb_drop(&cpu->tlb[p].e[a][i], i);
    } else {
        for (unsigned k = 0; k < cpu->tlb_nlog; k++) {
            uint32_t l = cpu->tlb_log[k];
            cpu->tlb[l >> 16].e[(l >> 14) & 3][l & (RV_TLB_SIZE - 1)].tag =
                RV_TLB_INVALID;
        }
    }
    cpu->tlb_nlog = 0;
    cpu->tlb_super = false;
}

void rv_tlb_flush_page(rv_cpu *cpu, uint64_t va)
{
    if (cpu->tlb_super) {
        rv_tlb_flush(cpu);
        return;
    }
    uint64_t vpn = va >> 12;
    for (unsigned p = 0; p < 4; p++)
        for (unsigned a = 0; a < 3 && cpu->tlb[p].ready; a++) {
            rv_tlb_entry *e = &cpu->tlb[p].e[a][vpn & (RV_TLB_SIZE - 1)];
            if (e->tag == (va & ~0xfffull))
                e->tag = RV_TLB_INVALID;
        }
}
