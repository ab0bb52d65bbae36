/*
 * A64 disassembler, spelled as GNU objdump 2.40 spells A64 (so traces and
 * the debugger read like the tools people compare against): preferred
 * aliases (Arm ARM C6.2 "Alias conditions"), immediates in objdump's radix,
 * branch targets as absolute addresses. The decode follows the encoding
 * index of the Arm ARM (C4.1): this file takes integer data processing,
 * branches, system instructions and loads/stores; a64_disasm_fp.c takes
 * floating point and Advanced SIMD.
 */
#include "cpu/arm64/a64_disasm.h"

#include <inttypes.h>
#include <string.h>

#include "cpu/arm64/a64_disasm_int.h"
#include "cpu/arm64/a64_dp.h"

const char *const a64d_cond[16] = {
    "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
    "hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
};

static const char *const shift_name[4] = { "lsl", "lsr", "asr", "ror" };
static const char *const ext_name[8] = {
    "uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx",
};

static inline void d_target(a64d *d, int64_t off)
{
    d_op(d, "%" PRIx64, d->pc + (uint64_t)off);
}

/* ---- data processing, immediate (C4.1.86) ---- */

/* The value of a logical immediate (the executors' DecodeBitMasks), or
 * false when N:immr:imms is reserved. */
static bool decode_bitmask(unsigned n, unsigned imms, unsigned immr, bool sf,
                           uint64_t *out)
{
    uint64_t tmask;
    if (!sf && n)
        return false;
    return a64_decode_bit_masks(n, imms, immr, true, sf ? 64 : 32, out,
                                &tmask);
}

/* Whether MOVZ could load v: one non-zero halfword at most. */
static bool movz_loads(uint64_t v, bool sf)
{
    for (unsigned sh = 0; sh < (sf ? 64u : 32u); sh += 16)
        if ((v & ~(0xffffull << sh)) == 0)
            return true;
    return false;
}

/* MOV is the ORR (immediate) alias unless MOVZ or MOVN could load the value
 * (Arm ARM C6.2.191, MoveWidePreferred); objdump tests the value itself,
 * which this follows. */
static bool move_wide_preferred(uint64_t imm, bool sf)
{
    uint64_t mask = sf ? ~0ull : 0xffffffffull;
    return movz_loads(imm, sf) || movz_loads(~imm & mask, sf);
}

static bool dis_addsub_imm(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31, op = (insn >> 30) & 1, s = (insn >> 29) & 1;
    unsigned sh = (insn >> 22) & 1, imm = d_bits(insn, 21, 10);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (!op && !s && !sh && !imm && (rd == 31 || rn == 31)) {
        d_mn(d, "mov");
        d_op(d, "%s", d_gr(d, rd, sf, true));
        d_op(d, "%s", d_gr(d, rn, sf, true));
        return true;
    }
    if (s && rd == 31) {
        d_mn(d, op ? "cmp" : "cmn");
    } else {
        static const char *const mn[4] = { "add", "adds", "sub", "subs" };
        d_mn(d, mn[op * 2 + s]);
        d_op(d, "%s", d_gr(d, rd, sf, !s));
    }
    d_op(d, "%s", d_gr(d, rn, sf, true));
    d_op(d, "#0x%x", imm);
    if (sh)
        d_op(d, "lsl #12");
    return true;
}

static bool dis_logic_imm(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = d_bits(insn, 30, 29), n = (insn >> 22) & 1;
    unsigned immr = d_bits(insn, 21, 16), imms = d_bits(insn, 15, 10);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    uint64_t imm;
    if (!decode_bitmask(n, imms, immr, sf, &imm))
        return false;
    if (opc == 1 && rn == 31 && !move_wide_preferred(imm, sf)) {
        d_mn(d, "mov");
        d_op(d, "%s", d_gr(d, rd, sf, true));
    } else if (opc == 3 && rd == 31) {
        d_mn(d, "tst");
        d_op(d, "%s", d_gr(d, rn, sf, false));
    } else {
        static const char *const mn[4] = { "and", "orr", "eor", "ands" };
        d_mn(d, mn[opc]);
        d_op(d, "%s", d_gr(d, rd, sf, opc != 3));
        d_op(d, "%s", d_gr(d, rn, sf, false));
    }
    d_op(d, "#0x%" PRIx64, imm);
    return true;
}

static bool dis_movewide(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = d_bits(insn, 30, 29), hw = d_bits(insn, 22, 21);
    unsigned imm = d_bits(insn, 20, 5), rd = insn & 31;
    if (opc == 1 || (!sf && hw >= 2))
        return false;
    uint64_t val = (uint64_t)imm << (16 * hw);
    const char *r = d_gr(d, rd, sf, false);
    bool zero_shifted = imm == 0 && hw != 0;
    if (opc == 0 && !(!sf && imm == 0xffff) && !zero_shifted) {
        /* MOV (inverted wide immediate), C6.2.187 */
        d_mn(d, "mov");
        d_op(d, "%s", r);
        d_op(d, "#0x%" PRIx64, sf ? ~val : (~val & 0xffffffffu));
        return true;
    }
    if (opc == 2 && !zero_shifted) {
        d_mn(d, "mov");
        d_op(d, "%s", r);
        d_op(d, "#0x%" PRIx64, val);
        return true;
    }
    static const char *const mn[4] = { "movn", "", "movz", "movk" };
    d_mn(d, mn[opc]);
    d_op(d, "%s", r);
    d_op(d, "#0x%x", imm);
    if (hw)
        d_op(d, "lsl #%u", 16 * hw);
    return true;
}

/* BFXPreferred (Arm ARM C6.2.283 SBFM): whether SBFX/UBFX is the alias
 * rather than a sign/zero extension or a shift. */
static bool bfx_preferred(bool sf, bool uns, unsigned imms, unsigned immr)
{
    if (imms < immr)
        return false;
    if (imms == (sf ? 63u : 31u))
        return false;
    if (immr == 0) {
        if (!sf && (imms == 7 || imms == 15))
            return false;
        if (sf && !uns && (imms == 7 || imms == 15 || imms == 31))
            return false;
    }
    return true;
}

static bool dis_bitfield(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = d_bits(insn, 30, 29), n = (insn >> 22) & 1;
    unsigned immr = d_bits(insn, 21, 16), imms = d_bits(insn, 15, 10);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    unsigned size = sf ? 64 : 32;
    if (opc == 3 || n != (unsigned)sf || (!sf && ((immr | imms) & 0x20)))
        return false;
    const char *rD = d_gr(d, rd, sf, false), *rN = d_gr(d, rn, sf, false);
    if (opc == 1) {                                     /* BFM */
        if (imms < immr) {
            if (rn == 31) {
                d_mn(d, "bfc");
                d_op(d, "%s", rD);
            } else {
                d_mn(d, "bfi");
                d_op(d, "%s", rD);
                d_op(d, "%s", rN);
            }
            d_op(d, "#%u", size - immr);
            d_op(d, "#%u", imms + 1);
        } else {
            d_mn(d, "bfxil");
            d_op(d, "%s", rD);
            d_op(d, "%s", rN);
            d_op(d, "#%u", immr);
            d_op(d, "#%u", imms - immr + 1);
        }
        return true;
    }
    bool uns = opc == 2;
    if (imms == size - 1) {
        d_mn(d, uns ? "lsr" : "asr");
        d_op(d, "%s", rD);
        d_op(d, "%s", rN);
        d_op(d, "#%u", immr);
        return true;
    }
    if (uns && imms + 1 == immr) {
        d_mn(d, "lsl");
        d_op(d, "%s", rD);
        d_op(d, "%s", rN);
        d_op(d, "#%u", size - 1 - imms);
        return true;
    }
    if (imms < immr) {
        d_mn(d, uns ? "ubfiz" : "sbfiz");
        d_op(d, "%s", rD);
        d_op(d, "%s", rN);
        d_op(d, "#%u", size - immr);
        d_op(d, "#%u", imms + 1);
        return true;
    }
    if (bfx_preferred(sf, uns, imms, immr)) {
        d_mn(d, uns ? "ubfx" : "sbfx");
        d_op(d, "%s", rD);
        d_op(d, "%s", rN);
        d_op(d, "#%u", immr);
        d_op(d, "#%u", imms - immr + 1);
        return true;
    }
    /* immr == 0 and imms is 7, 15 or 31: an extension of a W register */
    static const char *const sx[3] = { "sxtb", "sxth", "sxtw" };
    static const char *const ux[3] = { "uxtb", "uxth", "uxtw" };
    unsigned k = imms == 7 ? 0 : imms == 15 ? 1 : 2;
    d_mn(d, uns ? ux[k] : sx[k]);
    d_op(d, "%s", rD);
    d_op(d, "%s", d_gr(d, rn, false, false));
    return true;
}

static bool dis_extract(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned op21 = d_bits(insn, 30, 29), n = (insn >> 22) & 1;
    unsigned o0 = (insn >> 21) & 1, rm = d_bits(insn, 20, 16);
    unsigned imms = d_bits(insn, 15, 10), rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (op21 || o0 || n != (unsigned)sf || (!sf && (imms & 0x20)))
        return false;
    d_mn(d, rn == rm ? "ror" : "extr");
    d_op(d, "%s", d_gr(d, rd, sf, false));
    d_op(d, "%s", d_gr(d, rn, sf, false));
    if (rn != rm)
        d_op(d, "%s", d_gr(d, rm, sf, false));
    d_op(d, "#%u", imms);
    return true;
}

static bool dis_dp_imm(a64d *d, uint32_t insn)
{
    switch (d_bits(insn, 25, 23)) {
    case 0: case 1: {                                   /* ADR, ADRP */
        uint64_t imm = ((uint64_t)d_bits(insn, 23, 5) << 2) | d_bits(insn, 30, 29);
        int64_t off = d_sext(imm, 21);
        if (insn >> 31) {
            d_mn(d, "adrp");
            d_op(d, "%s", d_x(d, insn & 31));
            d_op(d, "%" PRIx64, (d->pc & ~0xfffull) + ((uint64_t)off << 12));
        } else {
            d_mn(d, "adr");
            d_op(d, "%s", d_x(d, insn & 31));
            d_target(d, off);
        }
        return true;
    }
    case 2: return dis_addsub_imm(d, insn);
    case 4: return dis_logic_imm(d, insn);
    case 5: return dis_movewide(d, insn);
    case 6: return dis_bitfield(d, insn);
    case 7: return dis_extract(d, insn);
    default: return false;                              /* MTE ADDG/SUBG */
    }
}

/* ---- branches, exception generation and system (C4.1.87) ---- */

typedef struct {
    uint16_t key;       /* insn bits 20..5: o0:op1:CRn:CRm:op2 */
    const char *name;
} a64d_sysreg;

#define SR(op0, op1, crn, crm, op2) \
    (uint16_t)(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

/* The system registers objdump names that user-mode code and libraries
 * read (Arm ARM D17). Others outside the IMPLEMENTATION DEFINED space are
 * left undecoded rather than risk a name objdump would not print. */
static const a64d_sysreg sysregs[] = {
    { SR(3, 0, 0, 0, 0), "midr_el1" },      { SR(3, 0, 0, 0, 5), "mpidr_el1" },
    { SR(3, 0, 0, 0, 6), "revidr_el1" },    { SR(3, 0, 0, 1, 0), "id_pfr0_el1" },
    { SR(3, 0, 0, 1, 1), "id_pfr1_el1" },   { SR(3, 0, 0, 1, 2), "id_dfr0_el1" },
    { SR(3, 0, 0, 1, 3), "id_afr0_el1" },   { SR(3, 0, 0, 1, 4), "id_mmfr0_el1" },
    { SR(3, 0, 0, 1, 5), "id_mmfr1_el1" },  { SR(3, 0, 0, 1, 6), "id_mmfr2_el1" },
    { SR(3, 0, 0, 1, 7), "id_mmfr3_el1" },  { SR(3, 0, 0, 2, 0), "id_isar0_el1" },
    { SR(3, 0, 0, 2, 1), "id_isar1_el1" },  { SR(3, 0, 0, 2, 2), "id_isar2_el1" },
    { SR(3, 0, 0, 2, 3), "id_isar3_el1" },  { SR(3, 0, 0, 2, 4), "id_isar4_el1" },
    { SR(3, 0, 0, 2, 5), "id_isar5_el1" },  { SR(3, 0, 0, 2, 6), "id_mmfr4_el1" },
    { SR(3, 0, 0, 3, 0), "mvfr0_el1" },     { SR(3, 0, 0, 3, 1), "mvfr1_el1" },
    { SR(3, 0, 0, 3, 2), "mvfr2_el1" },     { SR(3, 0, 0, 4, 0), "id_aa64pfr0_el1" },
    { SR(3, 0, 0, 4, 1), "id_aa64pfr1_el1" }, { SR(3, 0, 0, 4, 4), "id_aa64zfr0_el1" },
    { SR(3, 0, 0, 5, 0), "id_aa64dfr0_el1" }, { SR(3, 0, 0, 5, 1), "id_aa64dfr1_el1" },
    { SR(3, 0, 0, 5, 4), "id_aa64afr0_el1" }, { SR(3, 0, 0, 5, 5), "id_aa64afr1_el1" },
    { SR(3, 0, 0, 6, 0), "id_aa64isar0_el1" }, { SR(3, 0, 0, 6, 1), "id_aa64isar1_el1" },
    { SR(3, 0, 0, 7, 0), "id_aa64mmfr0_el1" }, { SR(3, 0, 0, 7, 1), "id_aa64mmfr1_el1" },
    { SR(3, 0, 0, 7, 2), "id_aa64mmfr2_el1" }, { SR(3, 1, 0, 0, 0), "ccsidr_el1" },
    { SR(3, 1, 0, 0, 1), "clidr_el1" },     { SR(3, 1, 0, 0, 7), "aidr_el1" },
    { SR(3, 2, 0, 0, 0), "csselr_el1" },    { SR(3, 3, 0, 0, 1), "ctr_el0" },
    { SR(3, 3, 0, 0, 7), "dczid_el0" },     { SR(3, 0, 1, 0, 0), "sctlr_el1" },
    { SR(3, 0, 1, 0, 1), "actlr_el1" },     { SR(3, 0, 1, 0, 2), "cpacr_el1" },
    { SR(3, 0, 2, 0, 0), "ttbr0_el1" },     { SR(3, 0, 2, 0, 1), "ttbr1_el1" },
    { SR(3, 0, 2, 0, 2), "tcr_el1" },       { SR(3, 0, 4, 0, 0), "spsr_el1" },
    { SR(3, 0, 4, 0, 1), "elr_el1" },       { SR(3, 0, 4, 1, 0), "sp_el0" },
    { SR(3, 0, 4, 2, 0), "spsel" },         { SR(3, 0, 4, 2, 2), "currentel" },
    { SR(3, 0, 4, 2, 3), "pan" },           { SR(3, 0, 4, 2, 4), "uao" },
    { SR(3, 3, 4, 2, 0), "nzcv" },          { SR(3, 3, 4, 2, 1), "daif" },
    { SR(3, 3, 4, 2, 5), "dit" },           { SR(3, 3, 4, 2, 6), "ssbs" },
    { SR(3, 3, 4, 2, 7), "tco" },           { SR(3, 3, 4, 4, 0), "fpcr" },
    { SR(3, 3, 4, 4, 1), "fpsr" },          { SR(3, 3, 4, 5, 0), "dspsr_el0" },
    { SR(3, 3, 4, 5, 1), "dlr_el0" },       { SR(3, 0, 5, 1, 0), "afsr0_el1" },
    { SR(3, 0, 5, 1, 1), "afsr1_el1" },     { SR(3, 0, 5, 2, 0), "esr_el1" },
    { SR(3, 0, 6, 0, 0), "far_el1" },       { SR(3, 0, 7, 4, 0), "par_el1" },
    { SR(3, 0, 10, 2, 0), "mair_el1" },     { SR(3, 0, 10, 3, 0), "amair_el1" },
    { SR(3, 0, 12, 0, 0), "vbar_el1" },     { SR(3, 0, 13, 0, 1), "contextidr_el1" },
    { SR(3, 0, 13, 0, 4), "tpidr_el1" },    { SR(3, 3, 13, 0, 2), "tpidr_el0" },
    { SR(3, 3, 13, 0, 3), "tpidrro_el0" },  { SR(3, 3, 2, 4, 0), "rndr" },
    { SR(3, 3, 2, 4, 1), "rndrrs" },        { SR(3, 3, 9, 12, 0), "pmcr_el0" },
    { SR(3, 3, 9, 13, 0), "pmccntr_el0" },  { SR(3, 3, 14, 0, 0), "cntfrq_el0" },
    { SR(3, 3, 14, 0, 1), "cntpct_el0" },   { SR(3, 3, 14, 0, 2), "cntvct_el0" },
    { SR(3, 3, 14, 2, 0), "cntp_tval_el0" }, { SR(3, 3, 14, 2, 1), "cntp_ctl_el0" },
    { SR(3, 3, 14, 2, 2), "cntp_cval_el0" }, { SR(3, 3, 14, 3, 0), "cntv_tval_el0" },
    { SR(3, 3, 14, 3, 1), "cntv_ctl_el0" }, { SR(3, 3, 14, 3, 2), "cntv_cval_el0" },
    { SR(3, 0, 14, 1, 0), "cntkctl_el1" },  { SR(2, 0, 0, 2, 2), "mdscr_el1" },
};

/* The name of the register MRS/MSR address; NULL when not decoded. */
static const char *sysreg_name(a64d *d, uint32_t insn)
{
    uint16_t key = (uint16_t)d_bits(insn, 20, 5);
    for (size_t i = 0; i < sizeof(sysregs) / sizeof(sysregs[0]); i++)
        if (sysregs[i].key == key)
            return sysregs[i].name;
    unsigned op0 = 2 + ((insn >> 19) & 1), op1 = d_bits(insn, 18, 16);
    unsigned crn = d_bits(insn, 15, 12), crm = d_bits(insn, 11, 8), op2 = d_bits(insn, 7, 5);
    /* IMPLEMENTATION DEFINED space (D17.2): objdump prints the generic form */
    if (op0 == 3 && (crn == 11 || crn == 15)) {
        char *t = d_tmp(d);
        snprintf(t, 24, "s%u_%u_c%u_c%u_%u", op0, op1, crn, crm, op2);
        return t;
    }
    return NULL;
}

static bool dis_hint(a64d *d, unsigned imm)
{
    static const char *const names[40] = {
        [0] = "nop", [1] = "yield", [2] = "wfe", [3] = "wfi", [4] = "sev",
        [5] = "sevl", [6] = "dgh", [7] = "xpaclri", [8] = "pacia1716",
        [10] = "pacib1716", [12] = "autia1716", [14] = "autib1716",
        [16] = "esb", [17] = "psb\tcsync", [18] = "tsb\tcsync", [20] = "csdb",
        [24] = "paciaz", [25] = "paciasp", [26] = "pacibz", [27] = "pacibsp",
        [28] = "autiaz", [29] = "autiasp", [30] = "autibz", [31] = "autibsp",
        [32] = "bti", [34] = "bti\tc", [36] = "bti\tj", [38] = "bti\tjc",
    };
    if (imm < 40 && names[imm]) {
        d_mn(d, names[imm]);
        return true;
    }
    d_mn(d, "hint");
    d_op(d, "#0x%x", imm);
    return true;
}

static void barrier_option(a64d *d, unsigned crm)
{
    static const char *const opt[16] = {
        [1] = "oshld", [2] = "oshst", [3] = "osh", [5] = "nshld", [6] = "nshst",
        [7] = "nsh", [9] = "ishld", [10] = "ishst", [11] = "ish", [13] = "ld",
        [14] = "st", [15] = "sy",
    };
    if (opt[crm])
        d_op(d, "%s", opt[crm]);
    else
        d_op(d, "#0x%02x", crm);
}

static bool dis_barrier(a64d *d, uint32_t insn)
{
    unsigned crm = d_bits(insn, 11, 8), op2 = d_bits(insn, 7, 5);
    if ((insn & 31) != 31)
        return false;
    switch (op2) {
    case 2:
        d_mn(d, "clrex");
        if (crm != 15)
            d_op(d, "#0x%x", crm);
        return true;
    case 4:
        if (crm == 0 || crm == 4) {
            d_mn(d, crm ? "pssbb" : "ssbb");
            return true;
        }
        d_mn(d, "dsb");
        barrier_option(d, crm);
        return true;
    case 5:
        d_mn(d, "dmb");
        barrier_option(d, crm);
        return true;
    case 6:
        d_mn(d, "isb");
        if (crm != 15)
            d_op(d, "#0x%x", crm);
        return true;
    case 7:
        if (crm)
            return false;
        d_mn(d, "sb");
        return true;
    default:
        return false;
    }
}

static bool dis_pstate(a64d *d, uint32_t insn)
{
    unsigned op1 = d_bits(insn, 18, 16), op2 = d_bits(insn, 7, 5);
    unsigned crm = d_bits(insn, 11, 8);
    const char *f = NULL;
    switch (op1 << 3 | op2) {
    case 0x03: f = "uao"; break;
    case 0x04: f = "pan"; break;
    case 0x05: f = "spsel"; break;
    case 0x19: f = "ssbs"; break;
    case 0x1a: f = "dit"; break;
    case 0x1c: f = "tco"; break;
    case 0x1e: f = "daifset"; break;
    case 0x1f: f = "daifclr"; break;
    default: return false;
    }
    if ((insn & 31) != 31)
        return false;
    d_mn(d, "msr");
    d_op(d, "%s", f);
    d_op(d, "#0x%x", crm);
    return true;
}

/* SYS aliases (Arm ARM C5.3): the cache maintenance ones user code uses.
 * Key: op1:CRm:op2 with CRn == 7. */
static bool dis_sys(a64d *d, uint32_t insn)
{
    unsigned op1 = d_bits(insn, 18, 16), crn = d_bits(insn, 15, 12);
    unsigned crm = d_bits(insn, 11, 8), op2 = d_bits(insn, 7, 5), rt = insn & 31;
    bool l = (insn >> 21) & 1;
    if (l)
        return false;                                   /* SYSL: rare */
    if (crn == 7) {
        static const struct { uint8_t op1, crm, op2; const char *mn, *op; } ops[] = {
            { 0, 6, 1, "dc", "ivac" },   { 0, 6, 2, "dc", "isw" },
            { 0, 10, 2, "dc", "csw" },   { 0, 14, 2, "dc", "cisw" },
            { 3, 4, 1, "dc", "zva" },    { 3, 10, 1, "dc", "cvac" },
            { 3, 11, 1, "dc", "cvau" },  { 3, 14, 1, "dc", "civac" },
            { 3, 12, 1, "dc", "cvap" },  { 3, 13, 1, "dc", "cvadp" },
            { 0, 1, 0, "ic", "ialluis" }, { 0, 5, 0, "ic", "iallu" },
            { 3, 5, 1, "ic", "ivau" },
        };
        for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
            if (ops[i].op1 != op1 || ops[i].crm != crm || ops[i].op2 != op2)
                continue;
            bool noreg = ops[i].crm != 5 && ops[i].crm != 1 ? false : op2 == 0;
            if (noreg != (rt == 31))
                return false;
            d_mn(d, ops[i].mn);
            d_op(d, "%s", ops[i].op);
            if (!noreg)
                d_op(d, "%s", d_x(d, rt));
            return true;
        }
        return false;
    }
    if (crn == 8 || crn == 9)
        return false;                                   /* TLBI, ... */
    d_mn(d, "sys");
    d_op(d, "#%u", op1);
    d_op(d, "C%u", crn);
    d_op(d, "C%u", crm);
    d_op(d, "#%u", op2);
    if (rt != 31)
        d_op(d, "%s", d_x(d, rt));
    return true;
}

static bool dis_system(a64d *d, uint32_t insn)
{
    unsigned l = (insn >> 21) & 1, op0 = d_bits(insn, 20, 19);
    unsigned op1 = d_bits(insn, 18, 16), crn = d_bits(insn, 15, 12);
    unsigned rt = insn & 31;
    if (op0 == 0 && !l && crn == 2 && op1 == 3 && rt == 31)
        return dis_hint(d, d_bits(insn, 11, 5));
    if (op0 == 0 && !l && crn == 3 && op1 == 3)
        return dis_barrier(d, insn);
    if (op0 == 0 && !l && crn == 4)
        return dis_pstate(d, insn);
    if (op0 == 1)
        return dis_sys(d, insn);
    if (op0 >= 2) {
        const char *name = sysreg_name(d, insn);
        if (!name)
            return false;
        d_mn(d, l ? "mrs" : "msr");
        if (l) {
            d_op(d, "%s", d_x(d, rt));
            d_op(d, "%s", name);
        } else {
            d_op(d, "%s", name);
            d_op(d, "%s", d_x(d, rt));
        }
        return true;
    }
    return false;
}

static bool dis_exception(a64d *d, uint32_t insn)
{
    unsigned opc = d_bits(insn, 23, 21), imm = d_bits(insn, 20, 5);
    unsigned op2 = d_bits(insn, 4, 2), ll = insn & 3;
    if (op2)
        return false;
    const char *mn = NULL;
    switch (opc << 2 | ll) {
    case 0x01: mn = "svc"; break;
    case 0x02: mn = "hvc"; break;
    case 0x03: mn = "smc"; break;
    case 0x04: mn = "brk"; break;
    case 0x08: mn = "hlt"; break;
    case 0x15: mn = "dcps1"; break;
    case 0x16: mn = "dcps2"; break;
    case 0x17: mn = "dcps3"; break;
    default: return false;
    }
    d_mn(d, mn);
    if (opc != 5 || imm)
        d_op(d, "#0x%x", imm);
    return true;
}

static bool dis_branch_reg(a64d *d, uint32_t insn)
{
    unsigned opc = d_bits(insn, 24, 21), op2 = d_bits(insn, 20, 16);
    unsigned op3 = d_bits(insn, 15, 10), rn = d_bits(insn, 9, 5), op4 = insn & 31;
    if (op2 != 31)
        return false;
    if (op3 == 0 && op4 == 0) {
        switch (opc) {
        case 0: d_mn(d, "br"); d_op(d, "%s", d_x(d, rn)); return true;
        case 1: d_mn(d, "blr"); d_op(d, "%s", d_x(d, rn)); return true;
        case 2:
            d_mn(d, "ret");
            if (rn != 30)
                d_op(d, "%s", d_x(d, rn));
            return true;
        case 4: if (rn == 31) { d_mn(d, "eret"); return true; } return false;
        case 5: if (rn == 31) { d_mn(d, "drps"); return true; } return false;
        default: return false;
        }
    }
    /* Pointer authentication branches (FEAT_PAuth, C6.2.35 ...) */
    if (op3 == 2 || op3 == 3) {
        bool b = op3 == 3;
        if (op4 == 31 && (opc == 0 || opc == 1)) {
            d_mn(d, opc ? (b ? "blrabz" : "blraaz") : (b ? "brabz" : "braaz"));
            d_op(d, "%s", d_x(d, rn));
            return true;
        }
        if (op4 == 31 && rn == 31 && (opc == 2 || opc == 4)) {
            d_mn(d, opc == 2 ? (b ? "retab" : "retaa") : (b ? "eretab" : "eretaa"));
            return true;
        }
        if (opc == 8 || opc == 9) {
            d_mn(d, opc == 9 ? (b ? "blrab" : "blraa") : (b ? "brab" : "braa"));
            d_op(d, "%s", d_x(d, rn));
            d_op(d, "%s", d_xsp(d, op4));
            return true;
        }
    }
    return false;
}

static bool dis_branch_sys(a64d *d, uint32_t insn)
{
    unsigned op0 = d_bits(insn, 31, 29);
    if ((op0 & 3) == 0) {                               /* B, BL */
        d_mn(d, op0 & 4 ? "bl" : "b");
        d_target(d, d_sext(d_bits(insn, 25, 0), 26) * 4);
        return true;
    }
    if ((op0 & 3) == 1) {
        bool sf = insn >> 31;
        if (!((insn >> 25) & 1)) {                      /* CBZ, CBNZ */
            d_mn(d, (insn >> 24) & 1 ? "cbnz" : "cbz");
            d_op(d, "%s", d_gr(d, insn & 31, sf, false));
            d_target(d, d_sext(d_bits(insn, 23, 5), 19) * 4);
        } else {                                        /* TBZ, TBNZ */
            unsigned bit = (sf ? 32 : 0) | d_bits(insn, 23, 19);
            d_mn(d, (insn >> 24) & 1 ? "tbnz" : "tbz");
            d_op(d, "%s", d_gr(d, insn & 31, sf, false));
            d_op(d, "#%u", bit);
            d_target(d, d_sext(d_bits(insn, 18, 5), 14) * 4);
        }
        return true;
    }
    if (op0 == 2) {                                     /* B.cond */
        if (((insn >> 24) & 3) || ((insn >> 4) & 1))
            return false;
        char mn[8];
        snprintf(mn, sizeof(mn), "b.%s", a64d_cond[insn & 15]);
        d_mn(d, mn);
        d_target(d, d_sext(d_bits(insn, 23, 5), 19) * 4);
        return true;
    }
    if (op0 == 6) {
        switch (d_bits(insn, 25, 22)) {
        case 0: case 1: case 2: case 3: return dis_exception(d, insn);
        case 4: return dis_system(d, insn);
        default:
            if ((insn >> 25) & 1)
                return dis_branch_reg(d, insn);
            return false;
        }
    }
    return false;
}

/* ---- data processing, register (C4.1.88) ---- */

static void shift_suffix(a64d *d, unsigned type, unsigned amount)
{
    if (type || amount)
        d_op(d, "%s #%u", shift_name[type], amount);
}

static bool dis_logic_reg(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = d_bits(insn, 30, 29), shift = d_bits(insn, 23, 22);
    unsigned n = (insn >> 21) & 1, rm = d_bits(insn, 20, 16), imm = d_bits(insn, 15, 10);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (!sf && (imm & 0x20))
        return false;
    const char *rD = d_gr(d, rd, sf, false), *rN = d_gr(d, rn, sf, false);
    const char *rM = d_gr(d, rm, sf, false);
    if (opc == 1 && !n && rn == 31 && !shift && !imm) {
        d_mn(d, "mov");
        d_op(d, "%s", rD);
        d_op(d, "%s", rM);
        return true;
    }
    if (opc == 1 && n && rn == 31) {
        d_mn(d, "mvn");
        d_op(d, "%s", rD);
    } else if (opc == 3 && !n && rd == 31) {
        d_mn(d, "tst");
        d_op(d, "%s", rN);
    } else {
        static const char *const mn[8] = { "and", "bic", "orr", "orn",
                                          "eor", "eon", "ands", "bics" };
        d_mn(d, mn[opc * 2 + n]);
        d_op(d, "%s", rD);
        d_op(d, "%s", rN);
    }
    d_op(d, "%s", rM);
    shift_suffix(d, shift, imm);
    return true;
}

static bool dis_addsub_shift(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31, op = (insn >> 30) & 1, s = (insn >> 29) & 1;
    unsigned shift = d_bits(insn, 23, 22), rm = d_bits(insn, 20, 16);
    unsigned imm = d_bits(insn, 15, 10), rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (shift == 3 || (!sf && (imm & 0x20)))
        return false;
    if (s && rd == 31) {
        d_mn(d, op ? "cmp" : "cmn");
        d_op(d, "%s", d_gr(d, rn, sf, false));
    } else if (op && rn == 31) {
        d_mn(d, s ? "negs" : "neg");
        d_op(d, "%s", d_gr(d, rd, sf, false));
    } else {
        static const char *const mn[4] = { "add", "adds", "sub", "subs" };
        d_mn(d, mn[op * 2 + s]);
        d_op(d, "%s", d_gr(d, rd, sf, false));
        d_op(d, "%s", d_gr(d, rn, sf, false));
    }
    d_op(d, "%s", d_gr(d, rm, sf, false));
    shift_suffix(d, shift, imm);
    return true;
}

static bool dis_addsub_ext(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31, op = (insn >> 30) & 1, s = (insn >> 29) & 1;
    unsigned opt = d_bits(insn, 23, 22), rm = d_bits(insn, 20, 16);
    unsigned option = d_bits(insn, 15, 13), imm3 = d_bits(insn, 12, 10);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (opt || imm3 > 4)
        return false;
    if (s && rd == 31) {
        d_mn(d, op ? "cmp" : "cmn");
    } else {
        static const char *const mn[4] = { "add", "adds", "sub", "subs" };
        d_mn(d, mn[op * 2 + s]);
        d_op(d, "%s", d_gr(d, rd, sf, !s));
    }
    d_op(d, "%s", d_gr(d, rn, sf, true));
    d_op(d, "%s", d_gr(d, rm, sf && (option & 3) == 3, false));
    /* C6.2.4: LSL is preferred to UXTW/UXTX when Rd or Rn is SP */
    bool lsl = option == (sf ? 3u : 2u) && (rn == 31 || (!s && rd == 31));
    if (lsl) {
        if (imm3)
            d_op(d, "lsl #%u", imm3);
    } else if (imm3) {
        d_op(d, "%s #%u", ext_name[option], imm3);
    } else {
        d_op(d, "%s", ext_name[option]);
    }
    return true;
}

static bool dis_adc(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31, op = (insn >> 30) & 1, s = (insn >> 29) & 1;
    unsigned rm = d_bits(insn, 20, 16), rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (d_bits(insn, 15, 10))
        return false;                                   /* RMIF, SETF: v8.4 */
    if (op && rn == 31) {
        d_mn(d, s ? "ngcs" : "ngc");
        d_op(d, "%s", d_gr(d, rd, sf, false));
    } else {
        static const char *const mn[4] = { "adc", "adcs", "sbc", "sbcs" };
        d_mn(d, mn[op * 2 + s]);
        d_op(d, "%s", d_gr(d, rd, sf, false));
        d_op(d, "%s", d_gr(d, rn, sf, false));
    }
    d_op(d, "%s", d_gr(d, rm, sf, false));
    return true;
}

static bool dis_ccmp(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31, op = (insn >> 30) & 1, s = (insn >> 29) & 1;
    unsigned rm = d_bits(insn, 20, 16), cond = d_bits(insn, 15, 12);
    unsigned rn = d_bits(insn, 9, 5), nzcv = insn & 15;
    if (!s || ((insn >> 10) & 1) || ((insn >> 4) & 1))
        return false;
    d_mn(d, op ? "ccmp" : "ccmn");
    d_op(d, "%s", d_gr(d, rn, sf, false));
    if ((insn >> 11) & 1)
        d_op(d, "#0x%x", rm);
    else
        d_op(d, "%s", d_gr(d, rm, sf, false));
    d_op(d, "#0x%x", nzcv);
    d_op(d, "%s", a64d_cond[cond]);
    return true;
}

static bool dis_csel(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31, op = (insn >> 30) & 1, s = (insn >> 29) & 1;
    unsigned rm = d_bits(insn, 20, 16), cond = d_bits(insn, 15, 12);
    unsigned op2 = d_bits(insn, 11, 10), rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (s || op2 > 1)
        return false;
    const char *rD = d_gr(d, rd, sf, false);
    /* C6.2.69 CINC, C6.2.75 CSET and friends: the inverted condition */
    if ((op || op2) && cond < 14 && rn == rm) {
        const char *inv = a64d_cond[cond ^ 1];
        if (rn == 31 && op2 != op) {                    /* CSINC, CSINV only */
            d_mn(d, op ? "csetm" : "cset");
            d_op(d, "%s", rD);
            d_op(d, "%s", inv);
            return true;
        }
        if (rn != 31 || (op && op2)) {                  /* CNEG takes ZR too */
            d_mn(d, !op ? "cinc" : op2 ? "cneg" : "cinv");
            d_op(d, "%s", rD);
            d_op(d, "%s", d_gr(d, rn, sf, false));
            d_op(d, "%s", inv);
            return true;
        }
    }
    static const char *const mn[4] = { "csel", "csinc", "csinv", "csneg" };
    d_mn(d, mn[op * 2 + op2]);
    d_op(d, "%s", rD);
    d_op(d, "%s", d_gr(d, rn, sf, false));
    d_op(d, "%s", d_gr(d, rm, sf, false));
    d_op(d, "%s", a64d_cond[cond]);
    return true;
}

static bool dis_dp2(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opcode = d_bits(insn, 15, 10), rm = d_bits(insn, 20, 16);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    if ((insn >> 29) & 1)
        return false;
    const char *mn = NULL;
    switch (opcode) {
    case 2: mn = "udiv"; break;
    case 3: mn = "sdiv"; break;
    case 8: mn = "lsl"; break;
    case 9: mn = "lsr"; break;
    case 10: mn = "asr"; break;
    case 11: mn = "ror"; break;
    case 12:
        if (!sf)
            return false;
        d_mn(d, "pacga");
        d_op(d, "%s", d_x(d, rd));
        d_op(d, "%s", d_x(d, rn));
        d_op(d, "%s", d_xsp(d, rm));
        return true;
    }
    if (mn) {
        d_mn(d, mn);
        d_op(d, "%s", d_gr(d, rd, sf, false));
        d_op(d, "%s", d_gr(d, rn, sf, false));
        d_op(d, "%s", d_gr(d, rm, sf, false));
        return true;
    }
    if (opcode >= 16 && opcode <= 23) {                 /* CRC32 (FEAT_CRC32) */
        static const char *const crc[8] = { "crc32b", "crc32h", "crc32w", "crc32x",
                                            "crc32cb", "crc32ch", "crc32cw", "crc32cx" };
        unsigned sz = opcode & 3;
        if ((sz == 3) != sf)
            return false;
        d_mn(d, crc[opcode - 16]);
        d_op(d, "%s", d_gr(d, rd, false, false));
        d_op(d, "%s", d_gr(d, rn, false, false));
        d_op(d, "%s", d_gr(d, rm, sz == 3, false));
        return true;
    }
    return false;
}

static bool dis_dp1(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opcode2 = d_bits(insn, 20, 16), opcode = d_bits(insn, 15, 10);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    if ((insn >> 29) & 1)
        return false;
    if (opcode2 == 0) {
        const char *mn = NULL;
        switch (opcode) {
        case 0: mn = "rbit"; break;
        case 1: mn = "rev16"; break;
        case 2: mn = sf ? "rev32" : "rev"; break;
        case 3: mn = sf ? "rev" : NULL; break;
        case 4: mn = "clz"; break;
        case 5: mn = "cls"; break;
        }
        if (!mn)
            return false;
        d_mn(d, mn);
        d_op(d, "%s", d_gr(d, rd, sf, false));
        d_op(d, "%s", d_gr(d, rn, sf, false));
        return true;
    }
    if (opcode2 == 1 && sf) {                           /* FEAT_PAuth */
        static const char *const pac[16] = {
            "pacia", "pacib", "pacda", "pacdb", "autia", "autib", "autda", "autdb",
            "paciza", "pacizb", "pacdza", "pacdzb", "autiza", "autizb", "autdza", "autdzb",
        };
        if (opcode < 16) {
            if (opcode >= 8 && rn != 31)
                return false;
            d_mn(d, pac[opcode]);
            d_op(d, "%s", d_x(d, rd));
            if (opcode < 8)
                d_op(d, "%s", d_xsp(d, rn));
            return true;
        }
        if ((opcode == 16 || opcode == 17) && rn == 31) {
            d_mn(d, opcode == 16 ? "xpaci" : "xpacd");
            d_op(d, "%s", d_x(d, rd));
            return true;
        }
    }
    return false;
}

static bool dis_dp3(a64d *d, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned op54 = d_bits(insn, 30, 29), op31 = d_bits(insn, 23, 21);
    unsigned o0 = (insn >> 15) & 1, rm = d_bits(insn, 20, 16), ra = d_bits(insn, 14, 10);
    unsigned rn = d_bits(insn, 9, 5), rd = insn & 31;
    if (op54)
        return false;
    if (op31 == 0) {
        d_mn(d, ra == 31 ? (o0 ? "mneg" : "mul") : (o0 ? "msub" : "madd"));
        d_op(d, "%s", d_gr(d, rd, sf, false));
        d_op(d, "%s", d_gr(d, rn, sf, false));
        d_op(d, "%s", d_gr(d, rm, sf, false));
        if (ra != 31)
            d_op(d, "%s", d_gr(d, ra, sf, false));
        return true;
    }
    if (!sf)
        return false;
    if ((op31 == 2 || op31 == 6) && !o0) {
        d_mn(d, op31 == 2 ? "smulh" : "umulh");
        d_op(d, "%s", d_x(d, rd));
        d_op(d, "%s", d_x(d, rn));
        d_op(d, "%s", d_x(d, rm));
        return true;
    }
    if (op31 != 1 && op31 != 5)
        return false;
    bool u = op31 == 5;
    static const char *const mn[2][2][2] = {
        { { "smaddl", "smsubl" }, { "smull", "smnegl" } },
        { { "umaddl", "umsubl" }, { "umull", "umnegl" } },
    };
    d_mn(d, mn[u][ra == 31][o0]);
    d_op(d, "%s", d_x(d, rd));
    d_op(d, "%s", d_gr(d, rn, false, false));
    d_op(d, "%s", d_gr(d, rm, false, false));
    if (ra != 31)
        d_op(d, "%s", d_x(d, ra));
    return true;
}

static bool dis_dp_reg(a64d *d, uint32_t insn)
{
    unsigned op0 = (insn >> 30) & 1, op1 = (insn >> 28) & 1, op2 = d_bits(insn, 24, 21);
    if (!op1) {
        if (!(op2 & 8))
            return dis_logic_reg(d, insn);
        return op2 & 1 ? dis_addsub_ext(d, insn) : dis_addsub_shift(d, insn);
    }
    if (op2 & 8)
        return dis_dp3(d, insn);
    switch (op2) {
    case 0: return dis_adc(d, insn);
    case 2: return dis_ccmp(d, insn);
    case 4: return dis_csel(d, insn);
    case 6: return op0 ? dis_dp1(d, insn) : dis_dp2(d, insn);
    default: return false;
    }
}

/* ---- loads and stores (C4.1.89) ---- */

/* The register a load/store transfers: general (size picks w/x) or SIMD&FP
 * (b/h/s/d/q). */
static const char *ls_reg(a64d *d, unsigned n, bool v, unsigned log2size)
{
    if (!v)
        return d_gr(d, n, log2size == 3, false);
    char *t = d_tmp(d);
    snprintf(t, 24, "%c%u", "bhsdq"[log2size], n);
    return t;
}

static void prfop(a64d *d, unsigned rt)
{
    static const char *const type[3] = { "pld", "pli", "pst" };
    unsigned ty = rt >> 3, target = (rt >> 1) & 3;
    if (ty == 3 || target == 3)
        d_op(d, "#0x%02x", rt);
    else
        d_op(d, "%sl%u%s", type[ty], target + 1, rt & 1 ? "strm" : "keep");
}

static bool dis_ld_literal(a64d *d, uint32_t insn)
{
    unsigned opc = d_bits(insn, 31, 30), rt = insn & 31;
    bool v = (insn >> 26) & 1;
    int64_t off = d_sext(d_bits(insn, 23, 5), 19) * 4;
    if (v) {
        if (opc == 3)
            return false;
        d_mn(d, "ldr");
        d_op(d, "%s", ls_reg(d, rt, true, opc + 2));
    } else if (opc == 3) {
        d_mn(d, "prfm");
        prfop(d, rt);
    } else {
        d_mn(d, opc == 2 ? "ldrsw" : "ldr");
        d_op(d, "%s", d_gr(d, rt, opc != 0, false));
    }
    d_target(d, off);
    return true;
}

static bool dis_ldst_pair(a64d *d, uint32_t insn)
{
    unsigned opc = d_bits(insn, 31, 30), mode = d_bits(insn, 24, 23);
    bool v = (insn >> 26) & 1, l = (insn >> 22) & 1;
    unsigned rt2 = d_bits(insn, 14, 10), rn = d_bits(insn, 9, 5), rt = insn & 31;
    int64_t imm7 = d_sext(d_bits(insn, 21, 15), 7);
    unsigned scale;
    const char *mn;
    if (opc == 3)
        return false;
    if (v) {
        scale = 2 + opc;
        mn = mode == 0 ? (l ? "ldnp" : "stnp") : (l ? "ldp" : "stp");
    } else if (opc == 1) {
        if (!l || mode == 0)
            return false;                               /* STGP: MTE */
        scale = 2;
        mn = "ldpsw";
    } else {
        scale = opc ? 3 : 2;
        mn = mode == 0 ? (l ? "ldnp" : "stnp") : (l ? "ldp" : "stp");
    }
    int64_t off = imm7 * (1 << scale);
    unsigned rsz = opc == 1 && !v ? 3 : scale;
    d_mn(d, mn);
    d_op(d, "%s", ls_reg(d, rt, v, rsz));
    d_op(d, "%s", ls_reg(d, rt2, v, rsz));
    const char *base = d_xsp(d, rn);
    if (mode == 1)
        d_op(d, "[%s], #%" PRId64, base, off);
    else if (mode == 3)
        d_op(d, "[%s, #%" PRId64 "]!", base, off);
    else if (off)
        d_op(d, "[%s, #%" PRId64 "]", base, off);
    else
        d_op(d, "[%s]", base);
    return true;
}

/* The mnemonic and transfer size of a single-register load/store; the
 * prefix/suffix pieces differ by addressing form (ldr/ldur/ldtr). Returns
 * false for unallocated size:opc combinations. */
static bool ls_kind(uint32_t insn, const char *stem, char *mn, size_t mnlen,
                    unsigned *log2size, bool *is_prfm)
{
    unsigned size = d_bits(insn, 31, 30), opc = d_bits(insn, 23, 22);
    bool v = (insn >> 26) & 1;
    *is_prfm = false;
    if (v) {
        if (opc >= 2 && size)
            return false;
        *log2size = opc >= 2 ? 4 : size;
        snprintf(mn, mnlen, "%s%s", opc & 1 ? "ld" : "st", stem);
        return true;
    }
    *log2size = size;
    static const char *const sfx[4] = { "b", "h", "", "" };
    if (opc < 2) {
        snprintf(mn, mnlen, "%s%s%s", opc ? "ld" : "st", stem, sfx[size]);
        *log2size = size;
        return true;
    }
    if (size == 3) {
        if (opc == 3)
            return false;
        *is_prfm = true;
        return true;
    }
    if (size == 2 && opc == 3)
        return false;
    snprintf(mn, mnlen, "ld%ss%s", stem, size == 2 ? "w" : sfx[size]);
    *log2size = opc == 2 ? 3 : 2;                       /* sign-extend to X or W */
    return true;
}

static bool dis_ldst_imm(a64d *d, uint32_t insn, unsigned form)
{
    /* form: 0 unscaled, 1 post-index, 2 unprivileged, 3 pre-index, 4 unsigned */
    static const char *const stem[5] = { "ur", "r", "tr", "r", "r" };
    char mn[16];
    unsigned log2size;
    bool prfm;
    bool v = (insn >> 26) & 1;
    unsigned rn = d_bits(insn, 9, 5), rt = insn & 31;
    if (!ls_kind(insn, stem[form], mn, sizeof(mn), &log2size, &prfm))
        return false;
    if (v && form == 2)
        return false;
    if (prfm) {
        if (form == 1 || form == 3 || form == 2)
            return false;
        d_mn(d, form == 0 ? "prfum" : "prfm");
        prfop(d, rt);
    } else {
        d_mn(d, mn);
        d_op(d, "%s", ls_reg(d, rt, v, log2size));
    }
    const char *base = d_xsp(d, rn);
    if (form == 4) {
        unsigned scale = v ? log2size : d_bits(insn, 31, 30);
        uint64_t off = (uint64_t)d_bits(insn, 21, 10) << scale;
        if (off)
            d_op(d, "[%s, #%" PRIu64 "]", base, off);
        else
            d_op(d, "[%s]", base);
        return true;
    }
    int64_t imm = d_sext(d_bits(insn, 20, 12), 9);
    if (form == 1)
        d_op(d, "[%s], #%" PRId64, base, imm);
    else if (form == 3)
        d_op(d, "[%s, #%" PRId64 "]!", base, imm);
    else if (imm)
        d_op(d, "[%s, #%" PRId64 "]", base, imm);
    else
        d_op(d, "[%s]", base);
    return true;
}

static bool dis_ldst_regoff(a64d *d, uint32_t insn)
{
    char mn[16];
    unsigned log2size;
    bool prfm;
    bool v = (insn >> 26) & 1, s = (insn >> 12) & 1;
    unsigned option = d_bits(insn, 15, 13), rm = d_bits(insn, 20, 16);
    unsigned rn = d_bits(insn, 9, 5), rt = insn & 31;
    if (!(option & 2))
        return false;
    if (!ls_kind(insn, "r", mn, sizeof(mn), &log2size, &prfm))
        return false;
    if (prfm) {
        d_mn(d, "prfm");
        prfop(d, rt);
    } else {
        d_mn(d, mn);
        d_op(d, "%s", ls_reg(d, rt, v, log2size));
    }
    unsigned scale = v ? log2size : d_bits(insn, 31, 30);
    const char *base = d_xsp(d, rn), *idx = d_gr(d, rm, option & 1, false);
    const char *ext = option == 3 ? "lsl" : ext_name[option];
    if (s)
        d_op(d, "[%s, %s, %s #%u]", base, idx, ext, scale);
    else if (option == 3)
        d_op(d, "[%s, %s]", base, idx);
    else
        d_op(d, "[%s, %s, %s]", base, idx, ext);
    return true;
}

static bool dis_atomic(a64d *d, uint32_t insn)
{
    unsigned size = d_bits(insn, 31, 30), rs = d_bits(insn, 20, 16);
    bool a = (insn >> 23) & 1, r = (insn >> 22) & 1, o3 = (insn >> 15) & 1;
    unsigned opc = d_bits(insn, 14, 12), rn = d_bits(insn, 9, 5), rt = insn & 31;
    static const char *const sz[4] = { "b", "h", "", "" };
    static const char *const ops[8] = { "add", "clr", "eor", "set",
                                        "smax", "smin", "umax", "umin" };
    static const char *const ord[4] = { "", "l", "a", "al" };
    char mn[16];
    bool x = size == 3;
    if ((insn >> 26) & 1)
        return false;
    if (o3 && opc == 4) {                               /* LDAPR (FEAT_LRCPC) */
        if (!a || r || rs != 31)
            return false;
        snprintf(mn, sizeof(mn), "ldapr%s", sz[size]);
        d_mn(d, mn);
        d_op(d, "%s", d_gr(d, rt, x, false));
        d_op(d, "[%s]", d_xsp(d, rn));
        return true;
    }
    if (o3 && opc != 0)
        return false;
    if (!o3 && rt == 31 && !a) {                        /* ST<op> alias */
        snprintf(mn, sizeof(mn), "st%s%s%s", ops[opc], ord[r], sz[size]);
        d_mn(d, mn);
        d_op(d, "%s", d_gr(d, rs, x, false));
        d_op(d, "[%s]", d_xsp(d, rn));
        return true;
    }
    snprintf(mn, sizeof(mn), "%s%s%s%s", o3 ? "swp" : "ld", o3 ? "" : ops[opc],
             ord[a * 2 + r], sz[size]);
    d_mn(d, mn);
    d_op(d, "%s", d_gr(d, rs, x, false));
    d_op(d, "%s", d_gr(d, rt, x, false));
    d_op(d, "[%s]", d_xsp(d, rn));
    return true;
}

static bool dis_exclusive(a64d *d, uint32_t insn)
{
    unsigned size = d_bits(insn, 31, 30), rs = d_bits(insn, 20, 16);
    bool o2 = (insn >> 23) & 1, l = (insn >> 22) & 1, o1 = (insn >> 21) & 1;
    bool o0 = (insn >> 15) & 1;
    unsigned rt2 = d_bits(insn, 14, 10), rn = d_bits(insn, 9, 5), rt = insn & 31;
    static const char *const sz[4] = { "b", "h", "", "" };
    bool x = size == 3;
    char mn[16];
    const char *base = d_xsp(d, rn);
    if (o1 && !o2 && size < 2) {                        /* CASP (FEAT_LSE) */
        if (rt2 != 31 || (rs & 1) || (rt & 1))
            return false;
        snprintf(mn, sizeof(mn), "casp%s%s", l ? "a" : "", o0 ? "l" : "");
        d_mn(d, mn);
        bool px = size == 1;
        d_op(d, "%s", d_gr(d, rs, px, false));
        d_op(d, "%s", d_gr(d, rs + 1, px, false));
        d_op(d, "%s", d_gr(d, rt, px, false));
        d_op(d, "%s", d_gr(d, rt + 1, px, false));
        d_op(d, "[%s]", base);
        return true;
    }
    if (o1 && o2) {                                     /* CAS (FEAT_LSE) */
        if (rt2 != 31)
            return false;
        snprintf(mn, sizeof(mn), "cas%s%s%s", l ? "a" : "", o0 ? "l" : "", sz[size]);
        d_mn(d, mn);
        d_op(d, "%s", d_gr(d, rs, x, false));
        d_op(d, "%s", d_gr(d, rt, x, false));
        d_op(d, "[%s]", base);
        return true;
    }
    if (o2) {                                           /* LDAR, STLR, LDLAR, STLLR */
        snprintf(mn, sizeof(mn), "%s%s", l ? (o0 ? "ldar" : "ldlar") : (o0 ? "stlr" : "stllr"),
                 sz[size]);
        d_mn(d, mn);
        d_op(d, "%s", d_gr(d, rt, x, false));
        d_op(d, "[%s]", base);
        return true;
    }
    /* LDXR, STXR and the pair forms */
    bool pair = o1;
    if (pair && size < 2)
        return false;
    snprintf(mn, sizeof(mn), "%s%sx%s%s", l ? "ld" : "st", o0 ? (l ? "a" : "l") : "",
             pair ? "p" : "r", pair ? "" : sz[size]);
    d_mn(d, mn);
    if (!l)
        d_op(d, "%s", d_gr(d, rs, false, false));
    d_op(d, "%s", d_gr(d, rt, x, false));
    if (pair)
        d_op(d, "%s", d_gr(d, rt2, x, false));
    d_op(d, "[%s]", base);
    return true;
}

static bool dis_ldst(a64d *d, uint32_t insn)
{
    unsigned op0 = d_bits(insn, 31, 28), op2 = d_bits(insn, 24, 23);
    bool v = (insn >> 26) & 1;
    if ((op0 & 3) == 0) {
        if (!v && !((insn >> 24) & 1) && !((insn >> 29) & 1))
            return dis_exclusive(d, insn);
        if (v && (op0 & 0xb) == 0 && !((insn >> 24) & 1) && !((insn >> 29) & 1))
            return a64d_simd_ldst(d, insn);
        return false;
    }
    if ((op0 & 3) == 1)
        return op2 < 2 ? dis_ld_literal(d, insn) : false;
    if ((op0 & 3) == 2)
        return dis_ldst_pair(d, insn);
    if (op2 >= 2)
        return dis_ldst_imm(d, insn, 4);
    if (!((insn >> 21) & 1))
        return dis_ldst_imm(d, insn, d_bits(insn, 11, 10));
    switch (d_bits(insn, 11, 10)) {
    case 0: return dis_atomic(d, insn);
    case 2: return dis_ldst_regoff(d, insn);
    default: return false;                              /* LDRAA/LDRAB */
    }
}

const char *a64_disasm(uint32_t insn, uint64_t pc, char *buf, size_t len)
{
    a64d d;
    d.n = 0;
    d.nops = 0;
    d.tk = 0;
    d.pc = pc;
    d.s[0] = 0;
    bool ok;
    unsigned op0 = d_bits(insn, 28, 25);
    if ((insn >> 16) == 0) {                            /* UDF, C6.2.389 */
        d_mn(&d, "udf");
        d_op(&d, "#%u", insn & 0xffff);
        ok = true;
    } else if ((op0 & 0xe) == 8) {
        ok = dis_dp_imm(&d, insn);
    } else if ((op0 & 0xe) == 0xa) {
        ok = dis_branch_sys(&d, insn);
    } else if ((op0 & 5) == 4) {
        ok = dis_ldst(&d, insn);
    } else if ((op0 & 7) == 5) {
        ok = dis_dp_reg(&d, insn);
    } else if ((op0 & 7) == 7) {
        ok = a64d_fp(&d, insn);
        if (!ok) {
            d.n = 0;
            d.nops = 0;
            d.s[0] = 0;
            ok = a64d_simd(&d, insn);
        }
    } else {
        ok = false;
    }
    if (!ok) {
        d.n = 0;
        snprintf(d.s, sizeof(d.s), ".inst\t0x%08x ; undefined", insn);
    }
    if (len) {
        size_t k = strlen(d.s);
        if (k >= len)
            k = len - 1;
        memcpy(buf, d.s, k);
        buf[k] = 0;
    }
    return buf;
}
