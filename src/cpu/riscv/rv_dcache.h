/*
 * The decoded-instruction cache: every instruction is decoded once (the
 * compressed forms expanded, register numbers and immediates extracted, an
 * operation picked) and executed from then on from its decoded form.
 *
 * Decoded forms are kept per guest physical page of RAM, one slot per
 * 2-byte parcel, so that a jump to any instruction boundary finds its slot
 * by index. A page's slots start undecoded (RV_OP_DECODE) and are decoded
 * the first time they run. Because the cache is physical, the same code
 * mapped at several virtual addresses is decoded once, and changes of
 * translation (satp, sfence.vma, privilege, PMP) only drop fetch TLB
 * entries, never decoded code.
 *
 * Invalidation is by write, and precise: every write path into RAM (stores
 * that miss the store TLB, AMOs, misaligned stores, DMA and host writes
 * through emu_mem_write() and the loaders) calls rv_dcache_written() for
 * pages that hold decoded code, which returns the overwritten slots to
 * RV_OP_DECODE. The store TLB never maps such a page, so no store can reach
 * it unseen. fence.i therefore has nothing left to do: instruction fetch
 * always sees the latest stores (a stronger ordering than Zifencei needs).
 *
 * The forwarded operand. Every handler that writes an integer register
 * also leaves the value in acc, a local of the interpreter the compiler
 * keeps in a host register. An instruction that reads the register the
 * instruction before it in sequence wrote (about half of all instructions
 * in compiled code) is decoded as a consumer, an _A operation, which reads
 * that operand from acc: the chain from one instruction's result to the
 * next one's operand then no longer goes through a store to the register
 * file and a load back. A consumer is right only when entered straight
 * from that instruction, so
 *  - every other way into a slot (a taken branch or jump, the fetch TLB,
 *    a first decode) reloads acc from the register the slot's rs1 names,
 *    and consumers name the forwarded register in rs1 (the operands of
 *    commutative operations and of stores are swapped to make it so; the
 *    _AR branches compare the other way round);
 *  - a slot becomes a consumer only when every decoded slot that ends
 *    where it starts (a 2-byte instruction in the slot before, a 4-byte one
 *    two slots before: the same bytes can decode either way) leaves that
 *    register in acc; decoding a slot demotes the consumer after it if
 *    that slot does not. A rewritten predecessor is therefore harmless:
 *    it runs only after being decoded again.
 *
 * Fused pairs and triples. Every instruction costs one dispatch (an
 * indirect jump), which is most of a simple instruction's time. The pairs
 * compiled code is made of most, slli; add (a scaled index added to a
 * base) and add; lw/ld/lbu (an address computed and loaded from), and the
 * triples slli; add; lw and lw; add; jr (the end of a switch's table jump)
 * are one operation once each instruction is a consumer of the one before:
 * the first slot's handler runs its own instruction, counts it, and runs
 * the next from the next slot's fields, so a jump to the second or third
 * still finds it on its own. The fused operation stands only while the
 * slots after the first are unchanged: a write over one, or its demotion,
 * first makes the first slot a single instruction again
 * (rv_dpage_unfuse_into()).
 */
#ifndef RV_DCACHE_H
#define RV_DCACHE_H

#include <stdbool.h>
#include <stdint.h>

struct rv_cpu;
struct emu_machine;

/*
 * The operations the interpreter dispatches on, as one list so that the
 * enum and the computed-goto table are made from the same source. DECODE,
 * LOOKUP and ILLEGAL are not instructions: DECODE decodes its slot and runs
 * it; LOOKUP (the slots past a page's end, and the unused slots of the
 * scratch page) finds the instruction at the pc again through the fetch
 * TLB. Branches and jumps whose target lies in the same page jump from slot
 * to slot; the _FAR forms compute the target address. MV, BEQZ and BNEZ
 * are ADD/ADDI and BEQ/BNE with an x0 operand (the idioms mv, beqz, bnez),
 * with one register read less; J and JR are JAL and JALR with x0, which
 * link nothing. MULH, DIV and DIVW stand for their funct3 variants (aux),
 * BRANCH_FAR for all six branches out of the page. SYSTEM is ecall,
 * ebreak, mret, sret, wfi and sfence.vma, which aux tells apart (RV_SYS_*).
 * SLLI_ADD and the last seven are fused pairs and triples (above).
 * The _A and _B operations, last, are the consumers of the forwarded
 * operand (above). The FP loads and
 * stores and the common double-precision operations have their own
 * operations; the rest of F and D goes through FP, which decodes them
 * again each time (rv_fp_tmpl.h).
 */
#define RV_OPS(X)                                                              \
    X(DECODE) X(LOOKUP) X(ILLEGAL)                                             \
    X(LUI) X(AUIPC) X(JAL) X(JAL_FAR) X(JALR)                                  \
    X(BEQ) X(BNE) X(BLT) X(BGE) X(BLTU) X(BGEU)                                \
    X(BRANCH_FAR) X(SLLI_ADD)                                                  \
    X(LB) X(LH) X(LW) X(LD) X(LBU) X(LHU) X(LWU)                               \
    X(SB) X(SH) X(SW) X(SD)                                                    \
    X(ADDI) X(SLTI) X(SLTIU) X(XORI) X(ORI) X(ANDI) X(SLLI) X(SRLI) X(SRAI)    \
    X(ADD) X(SUB) X(SLL) X(SLT) X(SLTU) X(XOR) X(SRL) X(SRA) X(OR) X(AND)      \
    X(MUL) X(MULH) X(DIV)                                                      \
    X(ADDIW) X(SLLIW) X(SRLIW) X(SRAIW)                                        \
    X(ADDW) X(SUBW) X(SLLW) X(SRLW) X(SRAW)                                    \
    X(MULW) X(DIVW) X(J) X(JR)                                                 \
    X(FLW) X(FLD) X(FSW) X(FSD)                                                \
    X(FADD_D) X(FSUB_D) X(FMUL_D) X(FDIV_D) X(FSGNJ_D) X(FCMP_D)               \
    X(MV) X(BEQZ) X(BNEZ)                                                      \
    X(BITMANIP) X(FP) X(FENCE) X(LR) X(SC) X(AMO)                              \
    X(SYSTEM) X(CSR)                                                           \
    X(ADD_A) X(ADDI_A) X(MV_A) X(SLLI_A) X(SRLI_A) X(ANDI_A) X(XORI_A)        \
    X(XOR_A) X(OR_A) X(AND_A) X(SUB_A) X(MUL_A)                                \
    X(BEQ_A) X(BNE_A) X(BLTU_A) X(BGEU_A) X(BEQZ_A) X(BNEZ_A) X(JALR_A)        \
    X(BLTU_AR) X(BGEU_AR)                                                      \
    X(LW_A) X(LBU_A) X(SW_A) X(SB_A) X(LD_A) X(LWU_A) X(SD_A)                 \
    X(ADDW_A) X(ADDIW_A) X(JR_A) X(SLTIU_A) X(SW_B) X(SB_B) X(SD_B)           \
    X(SLLI_A_ADD) X(ADD_A_LW) X(ADD_A_LD) X(ADD_A_LBU)                         \
    X(SLLI_ADD_LW) X(SLLI_A_ADD_LW) X(LW_A_ADD_JR)

enum {
#define RV_OP_ENUM(name) RV_OP_##name,
    RV_OPS(RV_OP_ENUM)
#undef RV_OP_ENUM
    RV_OP_COUNT
};

/* Which instruction RV_OP_SYSTEM is, in aux. */
enum {
    RV_SYS_ECALL,
    RV_SYS_EBREAK,
    RV_SYS_MRET,
    RV_SYS_SRET,
    RV_SYS_WFI,
    RV_SYS_SFENCE_VMA,
};

/* Set in the op of a 2-byte (compressed) instruction: the interpreter
 * enters the handler through its 2-byte entry (rv_exec_tmpl.h). */
#define RV_OP_C 0x80
_Static_assert(RV_OP_COUNT <= RV_OP_C, "operations must fit below RV_OP_C");

/* Integer writes to x0 are decoded to this register slot, which nothing
 * reads, so that no instruction has to test for rd = 0. */
#define RV_XSINK 32

/* One decoded instruction (16 bytes). */
typedef struct rv_dinsn {
    uint8_t op;      /* RV_OP_*, with RV_OP_C for a 2-byte instruction */
    uint8_t rd;      /* integer destinations: x0 is RV_XSINK (f registers
                        are as encoded) */
    uint8_t rs1, rs2;
    uint8_t step;    /* bytes from this slot to the next instruction's: the
                        length in 2-byte slots times 16 (0: not decoded) */
    uint8_t aux;     /* LR/SC/AMO: access size; FP: funct3 (the rounding
                        mode, 7 for frm, or which sign injection or
                        comparison); MULH, DIV, DIVW: funct3 (which one) */
    uint16_t c16;    /* the compressed encoding, of a 2-byte instruction */
    int32_t imm;     /* immediate; for in-page branches and jumps the
                        distance to the target's slot in bytes */
    uint32_t insn;   /* the 32-bit instruction (compressed forms expanded;
                        the raw bits for ILLEGAL) */
} rv_dinsn;

/* The original encoding, for mtval and the retire hook. */
static inline uint32_t rv_dinsn_raw(const rv_dinsn *d)
{
    return d->step == sizeof(rv_dinsn) ? d->c16 : d->insn;
}

/* The instruction's length in bytes, and the slot of the next one. */
static inline unsigned rv_dinsn_len(const rv_dinsn *d)
{
    return d->step / (sizeof(rv_dinsn) / 2);
}
#define RV_DNEXT(d) ((rv_dinsn *)((char *)(d) + (d)->step))
/* The slot bytes away from d. */
#define RV_DSLOT_AT(d, bytes) ((rv_dinsn *)((char *)(d) + (bytes)))

#define RV_DPAGE_SLOTS 2048  /* 4 KiB in 2-byte parcels */

typedef struct rv_dpage {
    uint64_t pa;               /* guest physical address of the page */
    const uint8_t *host;       /* its bytes in RAM; NULL for the scratch page,
                                  whose undecoded slots mean RV_OP_LOOKUP */
    struct rv_dpage *next;     /* all pages of the cache, for flushes */
    uint64_t pad;
    /* Two slots past the end hold RV_OP_LOOKUP: execution that runs off the
     * page (after a 2- or a 4-byte instruction in the last slot) continues
     * through the fetch TLB. */
    rv_dinsn insn[RV_DPAGE_SLOTS + 2];
} rv_dpage;

/* The fused pairs: {first, second, the pair} (without RV_OP_C) */
static const uint8_t rv_fused_pairs[][3] = {
    {RV_OP_SLLI, RV_OP_ADD_A, RV_OP_SLLI_ADD},
    {RV_OP_SLLI_A, RV_OP_ADD_A, RV_OP_SLLI_A_ADD},
    {RV_OP_ADD_A, RV_OP_LW_A, RV_OP_ADD_A_LW},
    {RV_OP_ADD_A, RV_OP_LD_A, RV_OP_ADD_A_LD}, /* RV64 only */
    {RV_OP_ADD_A, RV_OP_LBU_A, RV_OP_ADD_A_LBU},
};

/* The fused triples: {first, second, third, the triple}, each a consumer
 * of the one before: a scaled index added to a base and loaded from, and
 * the end of a switch's table jump (an offset loaded, the table's base
 * added, and a jump there). */
static const uint8_t rv_fused_triples[][4] = {
    {RV_OP_SLLI, RV_OP_ADD_A, RV_OP_LW_A, RV_OP_SLLI_ADD_LW},
    {RV_OP_SLLI_A, RV_OP_ADD_A, RV_OP_LW_A, RV_OP_SLLI_A_ADD_LW},
    {RV_OP_LW_A, RV_OP_ADD_A, RV_OP_JR_A, RV_OP_LW_A_ADD_JR},
};

/* A fused operation's first operation on its own (its first slot is then
 * an ordinary instruction again), or 0 for an operation that is not fused;
 * *n is how many instructions the fused one runs. */
static inline unsigned rv_op_unfused_n(unsigned op, unsigned *n)
{
    for (unsigned k = 0; k < sizeof(rv_fused_pairs) / 3; k++)
        if ((op & ~RV_OP_C) == rv_fused_pairs[k][2]) {
            *n = 2;
            return rv_fused_pairs[k][0] | (op & RV_OP_C);
        }
    for (unsigned k = 0; k < sizeof(rv_fused_triples) / 4; k++)
        if ((op & ~RV_OP_C) == rv_fused_triples[k][3]) {
            *n = 3;
            return rv_fused_triples[k][0] | (op & RV_OP_C);
        }
    *n = 1;
    return 0;
}

/* The same, without the count. */
static inline unsigned rv_op_unfused(unsigned op)
{
    unsigned n;
    return rv_op_unfused_n(op, &n);
}

/* Slots from s on are about to change (written, or a consumer demoted):
 * the fused operations in the slots before s that run an instruction at s
 * or later (at most two more instructions of up to two slots each) run as
 * single instructions again. */
static inline void rv_dpage_unfuse_into(rv_dpage *dp, unsigned s)
{
    for (unsigned back = 1; back <= 5 && back <= s; back++) {
        rv_dinsn *p = &dp->insn[s - back];
        unsigned n, u = rv_op_unfused_n(p->op, &n);
        if (!u)
            continue;
        unsigned end = s - back; /* past the fused instructions */
        for (unsigned k = 0; k < n && end < RV_DPAGE_SLOTS + 2; k++) {
            const rv_dinsn *q = &dp->insn[end];
            /* a slot not decoded (again) yet: the longest */
            end += q->op == RV_OP_DECODE ? 2 : q->step / sizeof(rv_dinsn);
        }
        if (end > s)
            p->op = (uint8_t)u;
    }
}

/* Slots become undecoded when the page is written; a 32-bit instruction
 * starting in the last slot is never cached (its second half lies in
 * another page, whose mapping can change on its own). */

typedef struct rv_dcache rv_dcache;

rv_dcache *rv_dcache_new(struct emu_machine *m);
void rv_dcache_free(rv_dcache *dc);
/* Drop every decoded page (machine reset; the cache full). Only safe
 * between instructions, where no interpreter holds a slot pointer. */
void rv_dcache_flush(rv_dcache *dc);

/*
 * The decoded page for the instruction fetch at va by cpu (at its current
 * privilege), translated and entered into the fetch TLB. Returns NULL when
 * the fetch faulted (the exception is raised, *raised is true) or when the
 * page cannot be cached (not all RAM, or PMP covers part of it): then the
 * instruction must be fetched and decoded each time it runs.
 */
rv_dpage *rv_dcache_fetch_page(struct rv_cpu *cpu, uint64_t va, bool *raised);

/* The bus's hook: [pa, pa + len) of RAM was written; drop the decoded
 * instructions that overlap it. */
void rv_dcache_written(void *dc, uint64_t pa, uint64_t len);

/* Counters for emu_get_stats(). */
void rv_dcache_counts(const rv_dcache *dc, uint64_t *pages,
                      uint64_t *invalidated, uint64_t *flushes);

#endif
