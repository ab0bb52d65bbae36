/*
 * RISC-V for the GDB stub: GDB's register numbering and the target
 * description (gdb_arch.h).
 *
 * GDB numbers RISC-V registers x0..x31 = 0..31, pc = 32, f0..f31 = 33..64,
 * CSR n = 65 + n (so fflags, frm and fcsr are 66, 67 and 68) and the
 * virtual register priv = 65 + 4096. The description gives every register
 * that number in a regnum attribute, so `p`/`P` packets carry them and
 * `p $mstatus` or `info all-registers` reach the CSRs. The features are
 * the ones GDB's RISC-V support looks for: org.gnu.gdb.riscv.cpu (required),
 * .fpu (with F; 64-bit registers with D), .csr and .virtual.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdbstub/gdb_arch.h"

#define RV_GDB_PC 32
#define RV_GDB_F0 33
#define RV_GDB_CSR0 65
#define RV_GDB_PRIV (RV_GDB_CSR0 + 4096)

#define CSR_FFLAGS 0x001
#define CSR_FCSR 0x003
#define CSR_MISA 0x301

/* The ABI names GDB prefers, which its own descriptions use. */
static const char *const xnames[32] = {
    "zero", "ra", "sp",  "gp",  "tp", "t0", "t1", "t2", "fp", "s1", "a0",
    "a1",   "a2", "a3",  "a4",  "a5", "a6", "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8",  "s9",  "s10", "s11", "t3", "t4", "t5", "t6"};
static const char *const fnames[32] = {
    "ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",
    "fs0", "fs1", "fa0",  "fa1",  "fa2", "fa3", "fa4",  "fa5",
    "fa6", "fa7", "fs2",  "fs3",  "fs4", "fs5", "fs6",  "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};

static unsigned xlen_bytes(emu_machine *m) { return emu_xlen(m) / 8; }

/* FLEN in bytes from misa: 8 with D, 4 with F only, 0 without F. */
static unsigned flen_bytes(emu_machine *m)
{
    uint64_t misa = 0;
    if (emu_reg_read_num(m, 0, EMU_REG_CSR + CSR_MISA, &misa) != EMU_OK)
        return 0;
    if (misa & (1u << ('D' - 'A')))
        return 8;
    return misa & (1u << ('F' - 'A')) ? 4 : 0;
}

static bool csr_exists(emu_machine *m, unsigned csr)
{
    uint64_t v;
    return emu_reg_read_num(m, 0, EMU_REG_CSR + csr, &v) == EMU_OK;
}

static bool rv_reg(emu_machine *m, unsigned regnum, gdb_reg *out)
{
    out->nanbox = false;
    out->bytes = xlen_bytes(m);
    if (regnum < 32) {
        out->num = EMU_REG_X0 + regnum;
        return true;
    }
    if (regnum == RV_GDB_PC) {
        out->num = EMU_REG_PC;
        return true;
    }
    if (regnum < RV_GDB_CSR0) {
        unsigned flen = flen_bytes(m);
        if (!flen)
            return false;
        out->num = EMU_REG_F0 + (regnum - RV_GDB_F0);
        out->bytes = flen;
        out->nanbox = flen < 8;
        return true;
    }
    if (regnum < RV_GDB_PRIV) {
        /* Every CSR number maps; one the hart cannot read now (the FP CSRs
         * while mstatus.FS is Off) reads as unavailable rather than an
         * error, which would stop GDB's `info all-registers`. */
        unsigned csr = regnum - RV_GDB_CSR0;
        out->num = EMU_REG_CSR + csr;
        if (csr >= CSR_FFLAGS && csr <= CSR_FCSR)
            out->bytes = 4; /* as the fpu feature describes them */
        return true;
    }
    if (regnum == RV_GDB_PRIV) {
        out->num = EMU_REG_PRIV;
        return true;
    }
    return false;
}

/* ---- target description -------------------------------------------------- */

static void xml_target(emu_machine *m, xstr *s)
{
    xs_head(s, "target");
    /* osabi none: GDB debugs the machine, not an OS process; without it
     * GDB picks its configured default (GNU/Linux on Debian) for a bare
     * ELF and single-steps by planting breakpoints, which steps over a
     * trap instead of into its handler */
    xs_fmt(s, "<target version=\"1.0\">\n"
              "  <architecture>riscv:rv%u</architecture>\n"
              "  <osabi>none</osabi>\n"
              "  <xi:include href=\"riscv-cpu.xml\"/>\n", emu_xlen(m));
    if (flen_bytes(m))
        xs_fmt(s, "  <xi:include href=\"riscv-fpu.xml\"/>\n");
    xs_fmt(s, "  <xi:include href=\"riscv-csr.xml\"/>\n"
              "  <xi:include href=\"riscv-virtual.xml\"/>\n"
              "</target>\n");
}

static void xml_cpu(emu_machine *m, xstr *s)
{
    unsigned bits = emu_xlen(m);
    xs_head(s, "feature");
    xs_fmt(s, "<feature name=\"org.gnu.gdb.riscv.cpu\">\n");
    for (unsigned i = 0; i < 32; i++) {
        /* GDB's own descriptions type these as pointers */
        const char *type = i == 1 ? "code_ptr"
                           : i == 2 || i == 3 || i == 4 || i == 8 ? "data_ptr"
                                                                  : "int";
        xs_fmt(s, "  <reg name=\"%s\" bitsize=\"%u\" type=\"%s\" "
                  "regnum=\"%u\"/>\n", xnames[i], bits, type, i);
    }
    xs_fmt(s, "  <reg name=\"pc\" bitsize=\"%u\" type=\"code_ptr\" "
              "regnum=\"%u\"/>\n</feature>\n", bits, RV_GDB_PC);
}

static void xml_fpu(emu_machine *m, xstr *s)
{
    unsigned flen = flen_bytes(m);
    xs_head(s, "feature");
    xs_fmt(s, "<feature name=\"org.gnu.gdb.riscv.fpu\">\n");
    const char *type = "ieee_single";
    if (flen == 8) {
        /* a D register holds a double or a NaN-boxed single */
        xs_fmt(s, "  <union id=\"riscv_double\">\n"
                  "    <field name=\"float\" type=\"ieee_single\"/>\n"
                  "    <field name=\"double\" type=\"ieee_double\"/>\n"
                  "  </union>\n");
        type = "riscv_double";
    }
    for (unsigned i = 0; i < 32; i++)
        xs_fmt(s, "  <reg name=\"%s\" bitsize=\"%u\" type=\"%s\" "
                  "regnum=\"%u\"/>\n", fnames[i], flen * 8, type,
               RV_GDB_F0 + i);
    static const char *const fcsrs[] = {"fflags", "frm", "fcsr"};
    for (unsigned i = 0; i < 3; i++)
        xs_fmt(s, "  <reg name=\"%s\" bitsize=\"32\" type=\"int\" "
                  "regnum=\"%u\"/>\n", fcsrs[i],
               RV_GDB_CSR0 + CSR_FFLAGS + i);
    xs_fmt(s, "</feature>\n");
}

/* Every CSR the machine implements, by the name libemu gives it (the FP
 * CSRs belong to the fpu feature). */
static void xml_csr(emu_machine *m, xstr *s)
{
    xs_head(s, "feature");
    xs_fmt(s, "<feature name=\"org.gnu.gdb.riscv.csr\">\n");
    for (unsigned csr = CSR_FCSR + 1; csr < 4096; csr++) {
        char name[32];
        if (emu_reg_name(m, EMU_REG_CSR + csr, name, sizeof(name)) != EMU_OK ||
            !csr_exists(m, csr))
            continue;
        xs_fmt(s, "  <reg name=\"%s\" bitsize=\"%u\" type=\"int\" "
                  "regnum=\"%u\" group=\"csr\"/>\n",
               name, emu_xlen(m), RV_GDB_CSR0 + csr);
    }
    xs_fmt(s, "</feature>\n");
}

static void xml_virtual(emu_machine *m, xstr *s)
{
    xs_head(s, "feature");
    xs_fmt(s, "<feature name=\"org.gnu.gdb.riscv.virtual\">\n"
              "  <reg name=\"priv\" bitsize=\"%u\" type=\"int\" "
              "regnum=\"%u\"/>\n</feature>\n", emu_xlen(m), RV_GDB_PRIV);
}

static char *rv_xml(emu_machine *m, const char *annex, size_t *len)
{
    static const gdb_xml_doc docs[] = {
        {"target.xml", xml_target},   {"riscv-cpu.xml", xml_cpu},
        {"riscv-fpu.xml", xml_fpu},   {"riscv-csr.xml", xml_csr},
        {"riscv-virtual.xml", xml_virtual},
    };
    if (!strcmp(annex, "riscv-fpu.xml") && !flen_bytes(m))
        return NULL;
    return gdb_xml_build(m, annex, len, docs, sizeof(docs) / sizeof(docs[0]));
}

const gdb_arch gdb_arch_riscv = {
    .g_count = 33, /* x0..x31 and pc; the rest go by `p` */
    .reg = rv_reg,
    .xml = rv_xml,
};

const gdb_arch *gdb_arch_of(emu_machine *m)
{
    return emu_machine_arch(m) == EMU_ARCH_ARM64 ? &gdb_arch_arm64
                                                 : &gdb_arch_riscv;
}
