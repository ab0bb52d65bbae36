/*
 * The interpreter's handlers, one per operation, as the body of the
 * dispatch in rv_exec_tmpl.h (which includes this file inside FN(run): no
 * include guard). With computed goto it is included twice, so that each
 * handler has a copy for its 4-byte and one for its 2-byte instructions
 * (vmcase sets in, the slot that follows, by the length); with the plain
 * switch, once.
 */
    vmcase(RV_OP_LUI) RD = IMM; vmbreak;
    vmcase(RV_OP_AUIPC) RD = (ureg)(PC_OF(i) + IMM); vmbreak;
    vmcase(RV_OP_JAL)
        RD = LINK;
        in = RV_DSLOT_AT(i, i->imm);
        RELOAD(in);
        vmbreak;
    vmcase(RV_OP_J)
        in = RV_DSLOT_AT(i, i->imm);
        RELOAD(in);
        vmbreak;
    vmcase(RV_OP_JR) JALR_TO(RS1, false);
    vmcase(RV_OP_JAL_FAR) {
        ureg t = (ureg)(PC_OF(i) + IMM);
        TARGET_CHECK(t);
        RD = LINK;
        JUMP(t);
    }
    vmcase(RV_OP_JALR) JALR_TO(RS1, true);
    vmcase(RV_OP_BEQ) BRANCH(RS1 == RS2);
    vmcase(RV_OP_BEQZ) BRANCH(RS1 == 0);
    vmcase(RV_OP_BNEZ) BRANCH(RS1 != 0);
    vmcase(RV_OP_MV) RD = RS1; vmbreak;
    vmcase(RV_OP_BNE) BRANCH(RS1 != RS2);
    vmcase(RV_OP_BLT) BRANCH((sreg)RS1 < (sreg)RS2);
    vmcase(RV_OP_BGE) BRANCH((sreg)RS1 >= (sreg)RS2);
    vmcase(RV_OP_BLTU) BRANCH(RS1 < RS2);
    vmcase(RV_OP_BGEU) BRANCH(RS1 >= RS2);
    vmcase(RV_OP_BRANCH_FAR) { /* funct3 in aux */
        ureg a = RS1, b = RS2;
        bool t;
        switch (i->aux) {
        case 0: t = a == b; break;
        case 1: t = a != b; break;
        case 4: t = (sreg)a < (sreg)b; break;
        case 5: t = (sreg)a >= (sreg)b; break;
        case 6: t = a < b; break;
        default: t = a >= b; break;
        }
        BRANCH_FAR(t);
    }

    /* Consumers (rv_dcache.h): the operand named by rs1 is the result of
     * the instruction before, read from acc */
    vmcase(RV_OP_ADD_A) RD = (ureg)(ACC + RS2); vmbreak;
    vmcase(RV_OP_ADDI_A) RD = (ureg)(ACC + IMM); vmbreak;
    vmcase(RV_OP_MV_A) RD = ACC; vmbreak;
    vmcase(RV_OP_SLLI_A) RD = (ureg)(ACC << i->imm); vmbreak;
    vmcase(RV_OP_SRLI_A) RD = ACC >> i->imm; vmbreak;
    vmcase(RV_OP_ANDI_A) RD = ACC & IMM; vmbreak;
    vmcase(RV_OP_XORI_A) RD = ACC ^ IMM; vmbreak;
    vmcase(RV_OP_XOR_A) RD = ACC ^ RS2; vmbreak;
    vmcase(RV_OP_OR_A) RD = ACC | RS2; vmbreak;
    vmcase(RV_OP_AND_A) RD = ACC & RS2; vmbreak;
    vmcase(RV_OP_SUB_A) RD = (ureg)(ACC - RS2); vmbreak;
    vmcase(RV_OP_MUL_A) RD = (ureg)(ACC * RS2); vmbreak;
    vmcase(RV_OP_BEQ_A) BRANCH(ACC == RS2);
    vmcase(RV_OP_BNE_A) BRANCH(ACC != RS2);
    vmcase(RV_OP_BLTU_A) BRANCH(ACC < RS2);
    vmcase(RV_OP_BGEU_A) BRANCH(ACC >= RS2);
    /* the forwarded operand on the right: rs2 names the left one */
    vmcase(RV_OP_BLTU_AR) BRANCH(RS2 < ACC);
    vmcase(RV_OP_BGEU_AR) BRANCH(RS2 >= ACC);
    vmcase(RV_OP_BEQZ_A) BRANCH(ACC == 0);
    vmcase(RV_OP_BNEZ_A) BRANCH(ACC != 0);
    vmcase(RV_OP_JALR_A) JALR_TO(ACC, true);
    vmcase(RV_OP_JR_A) JALR_TO(ACC, false);
    vmcase(RV_OP_SLTIU_A) RD = ACC < IMM; vmbreak;

    /* Fused pairs (rv_dcache.h): this slot's instruction, then the one
     * that follows, a consumer of its result, without a dispatch between */
    vmcase(RV_OP_SLLI_ADD) RD = (ureg)(RS1 << i->imm); FUSED; RD = (ureg)(ACC + RS2); vmbreak;
    vmcase(RV_OP_SLLI_A_ADD) RD = (ureg)(ACC << i->imm); FUSED; RD = (ureg)(ACC + RS2); vmbreak;
    vmcase(RV_OP_ADD_A_LW) RD = (ureg)(ACC + RS2); FUSED; LOADB(4, int32_t, ACC);
    vmcase(RV_OP_ADD_A_LBU) RD = (ureg)(ACC + RS2); FUSED; LOADB(1, uint8_t, ACC);
    /* triples: slli; add; lw, and lw; add; jr (a switch's table jump) */
    vmcase(RV_OP_SLLI_ADD_LW)
        RD = (ureg)(RS1 << i->imm); FUSED;
        RD = (ureg)(ACC + RS2); FUSED;
        LOADB(4, int32_t, ACC);
    vmcase(RV_OP_SLLI_A_ADD_LW)
        RD = (ureg)(ACC << i->imm); FUSED;
        RD = (ureg)(ACC + RS2); FUSED;
        LOADB(4, int32_t, ACC);
    vmcase(RV_OP_LW_A_ADD_JR)
        LOADB_THEN(4, int32_t, ACC, {
            FUSED;
            RD = (ureg)(ACC + RS2); FUSED;
            JALR_TO(ACC, false);
        });
    vmcase(RV_OP_LW_A) LOADB(4, int32_t, ACC);
    vmcase(RV_OP_LBU_A) LOADB(1, uint8_t, ACC);
    /* stores forward the value: rs1 names it, rs2 the base */
    vmcase(RV_OP_SW_A) STOREV(4, RS2, ACC);
    vmcase(RV_OP_SB_A) STOREV(1, RS2, ACC);
    /* _B: the base forwarded (rs1 as decoded) */
    vmcase(RV_OP_SW_B) STOREV(4, ACC, RS2);
    vmcase(RV_OP_SB_B) STOREV(1, ACC, RS2);
#if XLEN == 64
    vmcase(RV_OP_LD_A) LOADB(8, uint64_t, ACC);
    vmcase(RV_OP_ADD_A_LD) RD = (ureg)(ACC + RS2); FUSED; LOADB(8, uint64_t, ACC);
    vmcase(RV_OP_LWU_A) LOADB(4, uint32_t, ACC);
    vmcase(RV_OP_SD_A) STOREV(8, RS2, ACC);
    vmcase(RV_OP_SD_B) STOREV(8, ACC, RS2);
    vmcase(RV_OP_ADDW_A) RD = SEXT32((uint32_t)ACC + (uint32_t)RS2); vmbreak;
    vmcase(RV_OP_ADDIW_A) RD = SEXT32((uint32_t)ACC + (uint32_t)i->imm); vmbreak;
#else
    vmcase(RV_OP_LD_A) vmcase(RV_OP_LWU_A) vmcase(RV_OP_SD_A) vmcase(RV_OP_SD_B)
    vmcase(RV_OP_ADD_A_LD)
    vmcase(RV_OP_ADDW_A) vmcase(RV_OP_ADDIW_A)
        goto illegal;
#endif

    vmcase(RV_OP_LB) LOAD(1, int8_t);
    vmcase(RV_OP_LH) LOAD(2, int16_t);
    vmcase(RV_OP_LW) LOAD(4, int32_t);
    vmcase(RV_OP_LBU) LOAD(1, uint8_t);
    vmcase(RV_OP_LHU) LOAD(2, uint16_t);
    vmcase(RV_OP_SB) STORE(1);
    vmcase(RV_OP_SH) STORE(2);
    vmcase(RV_OP_SW) STORE(4);

    vmcase(RV_OP_ADDI) RD = (ureg)(RS1 + IMM); vmbreak;
    vmcase(RV_OP_SLTI) RD = (sreg)RS1 < (sreg)IMM; vmbreak;
    vmcase(RV_OP_SLTIU) RD = RS1 < IMM; vmbreak;
    vmcase(RV_OP_XORI) RD = RS1 ^ IMM; vmbreak;
    vmcase(RV_OP_ORI) RD = RS1 | IMM; vmbreak;
    vmcase(RV_OP_ANDI) RD = RS1 & IMM; vmbreak;
    vmcase(RV_OP_SLLI) RD = (ureg)(RS1 << i->imm); vmbreak;
    vmcase(RV_OP_SRLI) RD = RS1 >> i->imm; vmbreak;
    vmcase(RV_OP_SRAI) RD = (ureg)((sreg)RS1 >> i->imm); vmbreak;

    vmcase(RV_OP_ADD) RD = (ureg)(RS1 + RS2); vmbreak;
    vmcase(RV_OP_SUB) RD = (ureg)(RS1 - RS2); vmbreak;
    vmcase(RV_OP_SLL) RD = (ureg)(RS1 << (RS2 & (XLEN - 1))); vmbreak;
    vmcase(RV_OP_SLT) RD = (sreg)RS1 < (sreg)RS2; vmbreak;
    vmcase(RV_OP_SLTU) RD = RS1 < RS2; vmbreak;
    vmcase(RV_OP_XOR) RD = RS1 ^ RS2; vmbreak;
    vmcase(RV_OP_SRL) RD = RS1 >> (RS2 & (XLEN - 1)); vmbreak;
    vmcase(RV_OP_SRA) RD = (ureg)((sreg)RS1 >> (RS2 & (XLEN - 1))); vmbreak;
    vmcase(RV_OP_OR) RD = RS1 | RS2; vmbreak;
    vmcase(RV_OP_AND) RD = RS1 & RS2; vmbreak;

    vmcase(RV_OP_MUL) RD = (ureg)(RS1 * RS2); vmbreak;
    vmcase(RV_OP_MULH) RD = FN(mulh)(RS1, RS2, i->aux); vmbreak;
    vmcase(RV_OP_DIV) RD = FN(div)(RS1, RS2, i->aux); vmbreak;

#if XLEN == 64
    vmcase(RV_OP_LD) LOAD(8, uint64_t);
    vmcase(RV_OP_LWU) LOAD(4, uint32_t);
    vmcase(RV_OP_SD) STORE(8);
    vmcase(RV_OP_ADDIW) RD = SEXT32((uint32_t)RS1 + (uint32_t)i->imm); vmbreak;
    vmcase(RV_OP_SLLIW) RD = SEXT32((uint32_t)RS1 << i->imm); vmbreak;
    vmcase(RV_OP_SRLIW) RD = SEXT32((uint32_t)RS1 >> i->imm); vmbreak;
    vmcase(RV_OP_SRAIW) RD = SEXT32((int32_t)(uint32_t)RS1 >> i->imm); vmbreak;
    vmcase(RV_OP_ADDW) RD = SEXT32((uint32_t)RS1 + (uint32_t)RS2); vmbreak;
    vmcase(RV_OP_SUBW) RD = SEXT32((uint32_t)RS1 - (uint32_t)RS2); vmbreak;
    vmcase(RV_OP_SLLW) RD = SEXT32((uint32_t)RS1 << (RS2 & 31)); vmbreak;
    vmcase(RV_OP_SRLW) RD = SEXT32((uint32_t)RS1 >> (RS2 & 31)); vmbreak;
    vmcase(RV_OP_SRAW) RD = SEXT32((int32_t)(uint32_t)RS1 >> (RS2 & 31)); vmbreak;
    vmcase(RV_OP_MULW) RD = SEXT32((uint32_t)RS1 * (uint32_t)RS2); vmbreak;
    vmcase(RV_OP_DIVW) RD = FN(divw)(RS1, RS2, i->aux); vmbreak;
#else
    /* RV64-only: never decoded on RV32 */
    vmcase(RV_OP_LD) vmcase(RV_OP_LWU) vmcase(RV_OP_SD)
    vmcase(RV_OP_ADDIW) vmcase(RV_OP_SLLIW) vmcase(RV_OP_SRLIW)
    vmcase(RV_OP_SRAIW) vmcase(RV_OP_ADDW) vmcase(RV_OP_SUBW)
    vmcase(RV_OP_SLLW) vmcase(RV_OP_SRLW) vmcase(RV_OP_SRAW)
    vmcase(RV_OP_MULW) vmcase(RV_OP_DIVW)
        goto illegal;
#endif

    vmcase(RV_OP_FLW) FLOAD(4);
    vmcase(RV_OP_FLD) FLOAD(8);
    vmcase(RV_OP_FSW) FSTORE(4);
    vmcase(RV_OP_FSD) FSTORE(8);
    vmcase(RV_OP_FADD_D) FARITH_D(add);
    vmcase(RV_OP_FSUB_D) FARITH_D(sub);
    vmcase(RV_OP_FMUL_D) FARITH_D(mul);
    vmcase(RV_OP_FDIV_D) FARITH_D(div);
    vmcase(RV_OP_FSGNJ_D) { /* fsgnj, fsgnjn, fsgnjx (fmv, fneg, fabs) */
        const uint64_t sign = 1ull << 63;
        uint64_t a = cpu->f[i->rs1], b = cpu->f[i->rs2];
        uint64_t s = i->aux == 0 ? b : i->aux == 1 ? ~b : a ^ b;
        FP_ON();
        cpu->f[i->rd] = (a & ~sign) | (s & sign);
        cpu->mstatus |= MSTATUS_FS;
        vmbreak;
    }
    vmcase(RV_OP_FCMP_D) { /* fle, flt, feq */
        uint64_t a = cpu->f[i->rs1], b = cpu->f[i->rs2];
        unsigned fl = 0;
        FP_ON();
        RD = i->aux == 0 ? f64_le(a, b, &fl)
             : i->aux == 1 ? f64_lt(a, b, &fl) : f64_eq(a, b, &fl);
        if (fl) {
            cpu->fflags |= (uint8_t)fl;
            cpu->mstatus |= MSTATUS_FS;
        }
        vmbreak;
    }

    vmcase(RV_OP_BITMANIP) {
        ureg r;
        if (unlikely(!FN(bitmanip)(cpu, i->insn, RS1, RS2, &r)))
            goto illegal;
        RD = r;
        vmbreak;
    }
    vmcase(RV_OP_FP)
        SYNC();
        switch (FN(fp)(cpu, i->insn)) {
        case RV_FP_OK: break;
        case RV_FP_TRAPPED: goto trapped;
        default: goto illegal;
        }
        x[0] = 0; /* FN(fp) writes x[rd] as encoded */
        if (unlikely(cpu->events))
            goto retired_slow;
        vmbreak;
    vmcase(RV_OP_FENCE) /* one hart at a time sees all memory in order */
        vmbreak;

    vmcase(RV_OP_LR) {
        unsigned size = i->aux;
        SYNC();
        uint8_t *p = mmu_atomic_ptr(cpu, RS1, size, RV_ACC_LOAD);
        if (!p)
            goto trapped;
        if (unlikely(cpu->m->debug_mem)) /* before RD: rd may be rs1 */
            rv_debug_atomic(cpu, RS1, p, size, false, ld_le(p, size));
        RD = size == 4 ? (ureg)(sreg)(int32_t)ld_le(p, 4) : (ureg)ld_le(p, 8);
        cpu->res_ptr = p;
        cpu->res_valid = true;
        vmbreak;
    }
    vmcase(RV_OP_SC) {
        unsigned size = i->aux;
        SYNC();
        uint8_t *p = mmu_atomic_ptr(cpu, RS1, size, RV_ACC_STORE);
        if (!p)
            goto trapped;
        bool ok = cpu->res_valid && cpu->res_ptr == p;
        if (ok)
            st_le(p, size, RS2);
        cpu->res_valid = false;
        if (unlikely(cpu->m->debug_mem) && ok)
            rv_debug_atomic(cpu, RS1, p, size, true, RS2);
        RD = !ok;
        vmbreak;
    }
    vmcase(RV_OP_AMO) {
        unsigned size = i->aux;
        SYNC();
        uint8_t *p = mmu_atomic_ptr(cpu, RS1, size, RV_ACC_STORE);
        if (!p)
            goto trapped;
        ureg old_ = FN(amo)(p, size, i->insn >> 27, RS2);
        if (unlikely(cpu->m->debug_mem)) {
            rv_debug_atomic(cpu, RS1, p, size, false, old_);
            rv_debug_atomic(cpu, RS1, p, size, true, ld_le(p, size));
        }
        RD = old_;
        vmbreak;
    }

    vmcase(RV_OP_SYSTEM) /* which one: aux (RV_SYS_*) */
        switch (i->aux) {
        case RV_SYS_ECALL:
            SYNC();
            rv_raise(cpu, RV_EXC_ECALL_U + cpu->priv, 0);
            goto trapped;
        case RV_SYS_EBREAK: /* tval is the pc */
            SYNC();
            rv_raise(cpu, RV_EXC_BREAKPOINT, PC_OF(i));
            goto trapped;
        case RV_SYS_MRET:
            if (cpu->priv < RV_PRIV_M)
                goto illegal;
            SYNC();
            rv_mret(cpu);
            goto retired_pc;
        case RV_SYS_SRET:
            if (!cpu->has_s || cpu->priv < RV_PRIV_S ||
                (cpu->priv == RV_PRIV_S && (cpu->mstatus & MSTATUS_TSR)))
                goto illegal;
            SYNC();
            rv_sret(cpu);
            goto retired_pc;
        case RV_SYS_WFI:
            /* priv 3.1.6.5: TW traps wfi below M; with S-mode present, wfi
             * in U mode is illegal */
            if (cpu->priv == RV_PRIV_U ||
                (cpu->priv == RV_PRIV_S && (cpu->mstatus & MSTATUS_TW)))
                goto illegal;
            if (!(cpu->mip & cpu->mie)) {
                cpu->wfi = true;
                cpu->events |= RV_EV_EXIT;
            }
            goto retired_slow;
        default: /* RV_SYS_SFENCE_VMA */
            if (!cpu->has_s || cpu->priv == RV_PRIV_U ||
                (cpu->priv == RV_PRIV_S && (cpu->mstatus & MSTATUS_TVM)))
                goto illegal;
            /* rs1 names one page; the ASID in rs2 does not narrow it
             * further (entries are not tagged by ASID) */
            if (i->rs1 != 0)
                rv_tlb_flush_page(cpu, RS1);
            else
                rv_tlb_flush(cpu);
            goto retired_slow;
        }
    vmcase(RV_OP_CSR) {
        unsigned f3 = rv_funct3(i->insn), rs1 = i->rs1;
        uint64_t src = (f3 & 4) ? rs1 : RS1;
        bool write = (f3 & 3) == 1 || rs1 != 0;
        uint64_t old;
        SYNC();
        if (!rv_csr_insn(cpu, i->insn >> 20, f3 & 3, src, write, &old))
            goto illegal;
        RD = (ureg)old;
        goto retired_slow; /* it may have changed translation or events */
    }
