/*
 * Decoding one instruction into its cached form (rv_dcache.h). Part of the
 * interpreter template (included from rv_exec_tmpl.h once per XLEN): what
 * is legal depends on XLEN and on the extensions the hart has, which do not
 * change while a machine exists, so the decision is made here once and the
 * interpreter only checks what can change (privilege, mstatus.FS, CSR
 * rules). The encodings are those of the unprivileged spec's opcode map
 * (chapter "RV32/64G Instruction Set Listings").
 */

/* Branch and jump targets within [0, 4 KiB) of the page are reached slot
 * to slot, by a distance in bytes of decoded slots (*dist: added to the
 * slot's address as it is, one add on a taken branch's path); off is the
 * instruction's page offset. Without C, a target that
 * is not 4-byte aligned must raise instruction-address-misaligned, which
 * the _FAR forms check. */
static inline bool FN(in_page)(const rv_cpu *cpu, bool intra, unsigned off,
                               int64_t imm, int32_t *dist)
{
    int64_t t = (int64_t)off + imm;
    if (!intra || t < 0 || t >= 0x1000 || ((t & 2) && !cpu->has_c))
        return false;
    *dist = (int32_t)((t - (int64_t)off) / 2 * (int64_t)sizeof(rv_dinsn));
    return true;
}

/*
 * Decode raw (a 32-bit instruction, or a 16-bit one in the low half when
 * its low bits are not 11) found at page offset off into *d. intra allows
 * the in-page forms of branches and jumps; it is false for the scratch
 * page, whose other slots do not hold the page's instructions.
 */
static void FN(predecode)(const rv_cpu *cpu, uint32_t raw, unsigned off,
                          bool intra, rv_dinsn *d)
{
    uint32_t insn = raw;
    memset(d, 0, sizeof(*d));
    d->step = 2 * sizeof(rv_dinsn);
    if ((raw & 3) != 3) {
        d->step = sizeof(rv_dinsn);
        d->c16 = (uint16_t)raw;
        insn = cpu->has_c ? rv_expand_compressed((uint16_t)raw, XLEN, cpu->c_fp)
                          : 0;
        if (!insn) {
            d->op = RV_OP_ILLEGAL;
            d->insn = raw & 0xffff;
            return;
        }
    }
    d->insn = insn;
    unsigned rd = rv_rd(insn), rs1 = rv_rs1(insn), rs2 = rv_rs2(insn);
    unsigned f3 = rv_funct3(insn), f7 = rv_funct7(insn);
    d->rd = rd ? (uint8_t)rd : RV_XSINK;
    d->rs1 = (uint8_t)rs1;
    d->rs2 = (uint8_t)rs2;
    unsigned op = RV_OP_ILLEGAL;
    int64_t imm = 0;
    ureg dummy;

    switch (insn & 0x7f) {
    case 0x37: op = RV_OP_LUI; imm = rv_imm_u(insn); break;
    case 0x17: op = RV_OP_AUIPC; imm = rv_imm_u(insn); break;
    case 0x6f: {
        int32_t dist;
        imm = rv_imm_j(insn);
        if (FN(in_page)(cpu, intra, off, imm, &dist)) {
            op = RV_OP_JAL;
            imm = dist;
        } else {
            op = RV_OP_JAL_FAR;
        }
        break;
    }
    case 0x67:
        if (f3 == 0) {
            op = RV_OP_JALR;
            imm = rv_imm_i(insn);
        }
        break;
    case 0x63: {
        static const uint8_t near[8] = {RV_OP_BEQ, RV_OP_BNE, 0, 0, RV_OP_BLT,
                                        RV_OP_BGE, RV_OP_BLTU, RV_OP_BGEU};
        int32_t dist;
        if (f3 == 2 || f3 == 3)
            break;
        imm = rv_imm_b(insn);
        if (FN(in_page)(cpu, intra, off, imm, &dist)) {
            op = near[f3];
            imm = dist;
        } else {
            op = RV_OP_BRANCH_FAR;
            d->aux = (uint8_t)f3;
        }
        break;
    }
    case 0x03: {
        static const uint8_t loads[8] = {
            RV_OP_LB, RV_OP_LH, RV_OP_LW, XLEN == 64 ? RV_OP_LD : RV_OP_ILLEGAL,
            RV_OP_LBU, RV_OP_LHU, XLEN == 64 ? RV_OP_LWU : RV_OP_ILLEGAL,
            RV_OP_ILLEGAL};
        op = loads[f3];
        imm = rv_imm_i(insn);
        break;
    }
    case 0x23: {
        static const uint8_t stores[4] = {RV_OP_SB, RV_OP_SH, RV_OP_SW, RV_OP_SD};
        if (f3 <= (XLEN == 64 ? 3u : 2u))
            op = stores[f3];
        imm = rv_imm_s(insn);
        break;
    }
    case 0x13: { /* OP-IMM; on RV64 the shift amount has 6 bits */
        unsigned hi = insn >> (XLEN == 64 ? 26 : 25);
        imm = rv_imm_i(insn);
        switch (f3) {
        case 0: op = RV_OP_ADDI; break;
        case 2: op = RV_OP_SLTI; break;
        case 3: op = RV_OP_SLTIU; break;
        case 4: op = RV_OP_XORI; break;
        case 6: op = RV_OP_ORI; break;
        case 7: op = RV_OP_ANDI; break;
        case 1:
            if (hi == 0) {
                op = RV_OP_SLLI;
                imm = (insn >> 20) & (XLEN - 1);
            } else if (FN(bitmanip)(cpu, insn, 0, 0, &dummy)) {
                op = RV_OP_BITMANIP;
            }
            break;
        default: /* 5 */
            if (hi == 0 || hi == (XLEN == 64 ? 0x10u : 0x20u)) {
                op = hi ? RV_OP_SRAI : RV_OP_SRLI;
                imm = (insn >> 20) & (XLEN - 1);
            } else if (FN(bitmanip)(cpu, insn, 0, 0, &dummy)) {
                op = RV_OP_BITMANIP;
            }
            break;
        }
        break;
    }
    case 0x33: /* OP */
        if (f7 == 0x01) {
            if (cpu->has_m) {
                op = f3 == 0 ? RV_OP_MUL : f3 < 4 ? RV_OP_MULH : RV_OP_DIV;
                d->aux = (uint8_t)f3;
            }
            break;
        }
        switch (f3 | f7 << 3) {
        case 0: op = RV_OP_ADD; break;
        case 0x20 << 3: op = RV_OP_SUB; break;
        case 1: op = RV_OP_SLL; break;
        case 2: op = RV_OP_SLT; break;
        case 3: op = RV_OP_SLTU; break;
        case 4: op = RV_OP_XOR; break;
        case 5: op = RV_OP_SRL; break;
        case 5 | 0x20 << 3: op = RV_OP_SRA; break;
        case 6: op = RV_OP_OR; break;
        case 7: op = RV_OP_AND; break;
        default:
            if (FN(bitmanip)(cpu, insn, 0, 0, &dummy))
                op = RV_OP_BITMANIP;
            break;
        }
        break;
#if XLEN == 64
    case 0x1b: /* OP-IMM-32 */
        if (f3 == 0) {
            op = RV_OP_ADDIW;
            imm = rv_imm_i(insn);
        } else if (f3 == 1 && f7 == 0) {
            op = RV_OP_SLLIW;
            imm = rs2;
        } else if (f3 == 5 && (f7 == 0 || f7 == 0x20)) {
            op = f7 ? RV_OP_SRAIW : RV_OP_SRLIW;
            imm = rs2;
        } else if (FN(bitmanip)(cpu, insn, 0, 0, &dummy)) {
            op = RV_OP_BITMANIP;
        }
        break;
    case 0x3b: /* OP-32 */
        if (f7 == 0x01) {
            if (cpu->has_m && (f3 == 0 || f3 >= 4)) {
                op = f3 == 0 ? RV_OP_MULW : RV_OP_DIVW;
                d->aux = (uint8_t)f3;
            }
            break;
        }
        switch (f3 | f7 << 3) {
        case 0: op = RV_OP_ADDW; break;
        case 0x20 << 3: op = RV_OP_SUBW; break;
        case 1: op = RV_OP_SLLW; break;
        case 5: op = RV_OP_SRLW; break;
        case 5 | 0x20 << 3: op = RV_OP_SRAW; break;
        default:
            if (FN(bitmanip)(cpu, insn, 0, 0, &dummy))
                op = RV_OP_BITMANIP;
            break;
        }
        break;
#endif
    /* F and D: mstatus.FS, and frm where the rounding mode is dynamic, are
     * checked when the instruction runs; f destinations keep rd as is */
    case 0x07: /* LOAD-FP */
        op = RV_OP_FP;
        if (f3 == 2 || (f3 == 3 && cpu->has_d)) {
            op = f3 == 2 ? RV_OP_FLW : RV_OP_FLD;
            d->rd = (uint8_t)rd;
            imm = rv_imm_i(insn);
        }
        break;
    case 0x27: /* STORE-FP */
        op = RV_OP_FP;
        if (f3 == 2 || (f3 == 3 && cpu->has_d)) {
            op = f3 == 2 ? RV_OP_FSW : RV_OP_FSD;
            imm = rv_imm_s(insn);
        }
        break;
    case 0x53: { /* OP-FP: the common double-precision forms */
        unsigned f5 = insn >> 27;
        op = RV_OP_FP;
        d->aux = (uint8_t)f3;
        if (((insn >> 25) & 3) != 1 || !cpu->has_d)
            break;
        if (f5 <= 3 && (f3 <= FP_RMM || f3 == 7)) {
            static const uint8_t arith[4] = {RV_OP_FADD_D, RV_OP_FSUB_D,
                                             RV_OP_FMUL_D, RV_OP_FDIV_D};
            op = arith[f5];
            d->rd = (uint8_t)rd;
        } else if (f5 == 0x04 && f3 <= 2) {
            op = RV_OP_FSGNJ_D;
            d->rd = (uint8_t)rd;
        } else if (f5 == 0x14 && f3 <= 2) {
            op = RV_OP_FCMP_D; /* an x destination */
        }
        break;
    }
    case 0x43: case 0x47: case 0x4b: case 0x4f: /* fused multiply-add */
        op = RV_OP_FP;
        break;
    case 0x0f: /* MISC-MEM: fence, and fence.i (rv_dcache.h: nothing to do) */
        if (f3 == 0 || f3 == 1)
            op = RV_OP_FENCE;
        break;
    case 0x2f: { /* AMO */
        unsigned f5 = insn >> 27;
        if (!cpu->has_a || (f3 != 2 && (XLEN == 32 || f3 != 3)))
            break;
        d->aux = f3 == 2 ? 4 : 8;
        if (f5 == 0x02)
            op = rs2 == 0 ? RV_OP_LR : RV_OP_ILLEGAL;
        else if (f5 == 0x03)
            op = RV_OP_SC;
        else if (FN(amo_op_valid)(f5))
            op = RV_OP_AMO;
        break;
    }
    case 0x73: /* SYSTEM */
        if (f3 == 0) { /* one operation, which aux says (RV_SYS_*) */
            op = RV_OP_SYSTEM;
            if (insn == 0x00000073)
                d->aux = RV_SYS_ECALL;
            else if (insn == 0x00100073)
                d->aux = RV_SYS_EBREAK;
            else if (insn == 0x30200073)
                d->aux = RV_SYS_MRET;
            else if (insn == 0x10200073)
                d->aux = RV_SYS_SRET;
            else if (insn == 0x10500073)
                d->aux = RV_SYS_WFI;
            else if (f7 == 0x09 && rd == 0)
                d->aux = RV_SYS_SFENCE_VMA;
            else
                op = RV_OP_ILLEGAL;
        } else if (f3 != 4) {
            op = RV_OP_CSR;
        }
        break;
    default:
        break;
    }
    /* Common idioms run through shorter handlers: a register move (add
     * with x0, addi with 0: mv and c.mv), a constant (addi from x0: li and
     * c.li, run by LUI as rd = imm), and branches on zero (beqz, bnez). */
    switch (op) {
    case RV_OP_ADD:
        if (rs1 == 0 || rs2 == 0) {
            op = RV_OP_MV;
            d->rs1 = (uint8_t)(rs1 | rs2);
        }
        break;
    case RV_OP_ADDI:
        if (rs1 == 0)
            op = RV_OP_LUI;
        else if (imm == 0)
            op = RV_OP_MV;
        break;
    case RV_OP_JAL:
        if (rd == 0)
            op = RV_OP_J;
        break;
    case RV_OP_JALR:
        if (rd == 0)
            op = RV_OP_JR;
        break;
    case RV_OP_BEQ:
    case RV_OP_BNE:
        if (rs1 == 0 || rs2 == 0) {
            op = op == RV_OP_BEQ ? RV_OP_BEQZ : RV_OP_BNEZ;
            d->rs1 = (uint8_t)(rs1 | rs2);
        }
        break;
    default:
        break;
    }
    if (op == RV_OP_ILLEGAL)
        d->insn = raw; /* the original bits, for mtval */
    if (d->step == sizeof(rv_dinsn))
        op |= RV_OP_C;
    d->op = (uint8_t)op;
    d->imm = (int32_t)imm;
}

/* Is op one that reads its forwarded operand from acc? (They come last.) */
static inline bool FN(consumes)(unsigned op)
{
    return (op & ~RV_OP_C) >= RV_OP_ADD_A && (op & ~RV_OP_C) < RV_OP_COUNT;
}

/* The operation a slot runs as a single instruction (without RV_OP_C):
 * a fused operation's first. */
static unsigned FN(single_op)(unsigned op)
{
    unsigned u = rv_op_unfused(op);
    return (u ? u : op) & ~RV_OP_C;
}

/* Does the handler of op leave the integer result it writes to d->rd in acc
 * on every path that continues with the next instruction? (Branches, stores
 * and f destinations write none; FP writes x[rd] itself. A fused operation
 * is seen from its second instruction: as its first.) */
static bool FN(leaves_acc)(unsigned op)
{
    switch (FN(single_op)(op)) {
    case RV_OP_LUI: case RV_OP_AUIPC:
    case RV_OP_LB: case RV_OP_LH: case RV_OP_LW: case RV_OP_LD:
    case RV_OP_LBU: case RV_OP_LHU: case RV_OP_LWU:
    case RV_OP_ADDI: case RV_OP_SLTI: case RV_OP_SLTIU: case RV_OP_XORI:
    case RV_OP_ORI: case RV_OP_ANDI: case RV_OP_SLLI: case RV_OP_SRLI:
    case RV_OP_SRAI:
    case RV_OP_ADD: case RV_OP_SUB: case RV_OP_SLL: case RV_OP_SLT:
    case RV_OP_SLTU: case RV_OP_XOR: case RV_OP_SRL: case RV_OP_SRA:
    case RV_OP_OR: case RV_OP_AND:
    case RV_OP_MUL: case RV_OP_MULH: case RV_OP_DIV:
    case RV_OP_ADDIW: case RV_OP_SLLIW: case RV_OP_SRLIW: case RV_OP_SRAIW:
    case RV_OP_ADDW: case RV_OP_SUBW: case RV_OP_SLLW: case RV_OP_SRLW:
    case RV_OP_SRAW: case RV_OP_MULW: case RV_OP_DIVW:
    case RV_OP_MV: case RV_OP_BITMANIP: case RV_OP_FCMP_D:
    case RV_OP_ADD_A: case RV_OP_ADDI_A: case RV_OP_MV_A: case RV_OP_SLLI_A:
    case RV_OP_SRLI_A: case RV_OP_ANDI_A: case RV_OP_XORI_A: case RV_OP_XOR_A:
    case RV_OP_OR_A: case RV_OP_AND_A: case RV_OP_SUB_A: case RV_OP_MUL_A:
    case RV_OP_LW_A: case RV_OP_LBU_A: case RV_OP_LD_A: case RV_OP_LWU_A:
    case RV_OP_ADDW_A: case RV_OP_ADDIW_A: case RV_OP_SLTIU_A:
        return true;
    default:
        return false;
    }
}

/*
 * The forwarded operand (rv_dcache.h). Slot k of page dp, just decoded,
 * becomes a consumer when the instruction that runs before it in sequence
 * leaves one of its source registers in acc. That is an instruction ending
 * where slot k starts: a 2-byte one in slot k - 1 or a 4-byte one in slot
 * k - 2 (the same bytes may decode either way). Only decoded slots count,
 * and all of them must agree: one not decoded yet must be decoded before it
 * runs, and FN(unforward) then demotes k if it disagrees. A consumer names
 * the forwarded register in rs1, which is what entering it other than in
 * sequence reloads acc from.
 */
static void FN(forward)(rv_dpage *dp, unsigned k)
{
    rv_dinsn *d = &dp->insn[k];
    unsigned fwd = 0;
    for (unsigned len = 1; len <= 2 && len <= k; len++) {
        const rv_dinsn *p = &dp->insn[k - len];
        if ((p->op & ~RV_OP_C) == RV_OP_DECODE ||
            p->step != len * sizeof(rv_dinsn))
            continue; /* nothing decoded there ends at k */
        if (!FN(leaves_acc)(p->op) || p->rd == RV_XSINK || (fwd && p->rd != fwd))
            return;
        fwd = p->rd;
    }
    if (!fwd)
        return;
    unsigned c = d->op & RV_OP_C, op = d->op & ~RV_OP_C, a = RV_OP_ILLEGAL;
    unsigned ar = RV_OP_ILLEGAL; /* the form with the operands swapped, or
                                  * a store's _B form */
    bool comm = false, store = false;
    switch (op) {
    case RV_OP_ADD: a = RV_OP_ADD_A; comm = true; break;
    case RV_OP_XOR: a = RV_OP_XOR_A; comm = true; break;
    case RV_OP_OR: a = RV_OP_OR_A; comm = true; break;
    case RV_OP_AND: a = RV_OP_AND_A; comm = true; break;
    case RV_OP_MUL: a = RV_OP_MUL_A; comm = true; break;
    case RV_OP_BEQ: a = RV_OP_BEQ_A; comm = true; break;
    case RV_OP_BNE: a = RV_OP_BNE_A; comm = true; break;
    case RV_OP_ADDI: a = RV_OP_ADDI_A; break;
    case RV_OP_MV: a = RV_OP_MV_A; break;
    case RV_OP_SLLI: a = RV_OP_SLLI_A; break;
    case RV_OP_SRLI: a = RV_OP_SRLI_A; break;
    case RV_OP_ANDI: a = RV_OP_ANDI_A; break;
    case RV_OP_XORI: a = RV_OP_XORI_A; break;
    case RV_OP_SUB: a = RV_OP_SUB_A; break;
    case RV_OP_BLTU: a = RV_OP_BLTU_A; ar = RV_OP_BLTU_AR; break;
    case RV_OP_BGEU: a = RV_OP_BGEU_A; ar = RV_OP_BGEU_AR; break;
    case RV_OP_BEQZ: a = RV_OP_BEQZ_A; break;
    case RV_OP_BNEZ: a = RV_OP_BNEZ_A; break;
    case RV_OP_JALR: a = RV_OP_JALR_A; break;
    case RV_OP_JR: a = RV_OP_JR_A; break;
    case RV_OP_SLTIU: a = RV_OP_SLTIU_A; break;
    case RV_OP_LW: a = RV_OP_LW_A; break;
    case RV_OP_LBU: a = RV_OP_LBU_A; break;
    case RV_OP_SW: a = RV_OP_SW_A; ar = RV_OP_SW_B; store = true; break;
    case RV_OP_SB: a = RV_OP_SB_A; ar = RV_OP_SB_B; store = true; break;
#if XLEN == 64
    case RV_OP_LD: a = RV_OP_LD_A; break;
    case RV_OP_LWU: a = RV_OP_LWU_A; break;
    case RV_OP_SD: a = RV_OP_SD_A; ar = RV_OP_SD_B; store = true; break;
    case RV_OP_ADDW: a = RV_OP_ADDW_A; comm = true; break;
    case RV_OP_ADDIW: a = RV_OP_ADDIW_A; break;
#endif
    default: return;
    }
    uint8_t r1 = d->rs1, r2 = d->rs2;
    if (store) { /* _A: the value (rs1 names it, rs2 the base); _B: the
                  * base (as decoded) */
        if (r1 == fwd) {
            a = ar;
        } else if (r2 == fwd) {
            d->rs1 = r2;
            d->rs2 = r1;
        } else {
            return;
        }
    } else if (r1 != fwd) {
        if (r2 != fwd || (!comm && ar == RV_OP_ILLEGAL))
            return;
        d->rs1 = r2;
        d->rs2 = r1;
        if (!comm)
            a = ar;
    }
    d->op = (uint8_t)(a | c);
}

/* Slot k of page dp was just decoded: the slot after it, a consumer made
 * when k was not decoded (or held something else), is decoded again unless
 * k leaves in acc what it consumes. */
static void FN(unforward)(rv_dpage *dp, unsigned k)
{
    unsigned n = k + dp->insn[k].step / sizeof(rv_dinsn);
    if (n >= RV_DPAGE_SLOTS || !FN(consumes)(dp->insn[n].op))
        return;
    const rv_dinsn *p = &dp->insn[k];
    if (!FN(leaves_acc)(p->op) || p->rd != dp->insn[n].rs1) {
        rv_dpage_unfuse_into(dp, n);
        dp->insn[n].op = RV_OP_DECODE;
    }
}

/* The decoded slot after slot k, if it consumes k's result: else NULL. */
static rv_dinsn *FN(consumer_after)(rv_dpage *dp, unsigned k, unsigned *n)
{
    const rv_dinsn *p = &dp->insn[k];
    *n = k + p->step / sizeof(rv_dinsn);
    if (p->step == 0 || *n >= RV_DPAGE_SLOTS || p->rd == RV_XSINK)
        return NULL;
    rv_dinsn *q = &dp->insn[*n];
    return FN(consumes)(q->op) && q->rs1 == p->rd ? q : NULL;
}

/*
 * Fused pairs and triples (rv_dcache.h): slot k, decoded, and the one or
 * two consumers that follow it, each of the result before, become one
 * operation in slot k, for what compiled code is made of most: a scaled
 * index added to a base (slli; add), an address computed and loaded from
 * (add; lw/ld/lbu), both (slli; add; lw), and the end of a switch's table
 * jump (lw; add; jr). The fused handler runs the later instructions from
 * their own slots, so those must not change while the fusion stands:
 * whatever resets or demotes one first makes slot k single again
 * (rv_dpage_unfuse_into()). A triple is preferred to a pair, except where
 * its third instruction begins another triple (slli; add, then lw; add;
 * jr: two dispatches, not three). Decoding a slot fuses again the slots
 * before it, the nearest first, so that such a triple is seen.
 */
static void FN(fuse_at)(rv_dpage *dp, unsigned k)
{
    rv_dinsn *p = &dp->insn[k];
    unsigned n, n2;
    const rv_dinsn *q = FN(consumer_after)(dp, k, &n);
    if (!q)
        return;
    unsigned a = FN(single_op)(p->op), b = FN(single_op)(q->op);
    const rv_dinsn *r = FN(consumer_after)(dp, n, &n2);
    unsigned c = r ? FN(single_op)(r->op) : RV_OP_DECODE;
    unsigned rn; /* a triple from the third on runs more at once: a pair */
    if (r && rv_op_unfused_n(r->op, &rn) && rn == 3)
        c = RV_OP_DECODE;
    for (unsigned f = 0; f < sizeof(rv_fused_triples) / 4; f++) {
        if (rv_fused_triples[f][0] == a && rv_fused_triples[f][1] == b &&
            rv_fused_triples[f][2] == c) {
            p->op = (uint8_t)(rv_fused_triples[f][3] | (p->op & RV_OP_C));
            return;
        }
    }
    for (unsigned f = 0; f < sizeof(rv_fused_pairs) / 3; f++) {
        if (rv_fused_pairs[f][0] == a && rv_fused_pairs[f][1] == b &&
            (XLEN == 64 || b != RV_OP_LD_A)) {
            p->op = (uint8_t)(rv_fused_pairs[f][2] | (p->op & RV_OP_C));
            return;
        }
    }
}

/* Slot k of dp was just decoded: fuse it with the slots after it, and the
 * slots before it (up to four instructions back) with it, the nearest
 * first. */
static void FN(fuse)(rv_dpage *dp, unsigned k)
{
    FN(fuse_at)(dp, k);
    for (unsigned back = 1; back <= 8 && back <= k; back++)
        FN(fuse_at)(dp, k - back);
}
