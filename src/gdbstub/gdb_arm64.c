/*
 * AArch64 for the GDB stub: GDB's register numbering and the target
 * description (gdb_arch.h).
 *
 * GDB numbers AArch64 registers x0..x30 = 0..30, sp = 31, pc = 32,
 * cpsr = 33 (32 bits), v0..v31 = 34..65 (128 bits each), fpsr = 66 and
 * fpcr = 67 (32 bits): the order of the features org.gnu.gdb.aarch64.core
 * and org.gnu.gdb.aarch64.fpu, which GDB's AArch64 support requires.
 */
#include <stdio.h>
#include <string.h>

#include "gdbstub/gdb_arch.h"

enum { G_SP = 31, G_PC = 32, G_CPSR = 33, G_V0 = 34, G_FPSR = 66,
       G_FPCR = 67 };

static bool a64_reg(emu_machine *m, unsigned regnum, gdb_reg *out)
{
    (void)m;
    out->nanbox = false;
    out->bytes = 8;
    out->num_hi = 0;
    if (regnum <= G_SP)
        out->num = EMU_REG_X0 + regnum;
    else if (regnum == G_PC)
        out->num = EMU_REG_PC;
    else if (regnum == G_CPSR)
        out->num = EMU_REG_A64_NZCV, out->bytes = 4;
    else if (regnum >= G_V0 && regnum < G_V0 + 32) {
        out->num = EMU_REG_A64_V0 + 2 * (regnum - G_V0);
        out->num_hi = out->num + 1;
        out->bytes = 16;
    } else if (regnum == G_FPSR)
        out->num = EMU_REG_A64_FPSR, out->bytes = 4;
    else if (regnum == G_FPCR)
        out->num = EMU_REG_A64_FPCR, out->bytes = 4;
    else
        return false;
    return true;
}

static void xml_target(emu_machine *m, xstr *s)
{
    (void)m;
    xs_head(s, "target");
    /* osabi none, as for RISC-V: GDB single-steps with the stub's step
     * rather than by planting breakpoints */
    xs_fmt(s, "<target version=\"1.0\">\n"
              "  <architecture>aarch64</architecture>\n"
              "  <osabi>none</osabi>\n"
              "  <xi:include href=\"aarch64-core.xml\"/>\n"
              "  <xi:include href=\"aarch64-fpu.xml\"/>\n"
              "</target>\n");
}

static void xml_core(emu_machine *m, xstr *s)
{
    (void)m;
    xs_head(s, "feature");
    xs_fmt(s, "<feature name=\"org.gnu.gdb.aarch64.core\">\n"
              "  <flags id=\"cpsr_flags\" size=\"4\">\n"
              "    <field name=\"V\" start=\"28\" end=\"28\"/>\n"
              "    <field name=\"C\" start=\"29\" end=\"29\"/>\n"
              "    <field name=\"Z\" start=\"30\" end=\"30\"/>\n"
              "    <field name=\"N\" start=\"31\" end=\"31\"/>\n"
              "  </flags>\n");
    for (unsigned i = 0; i <= 30; i++)
        xs_fmt(s, "  <reg name=\"x%u\" bitsize=\"64\" type=\"%s\" "
                  "regnum=\"%u\"/>\n", i, i == 29 ? "data_ptr" : "int", i);
    xs_fmt(s, "  <reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\" "
              "regnum=\"%u\"/>\n"
              "  <reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\" "
              "regnum=\"%u\"/>\n"
              "  <reg name=\"cpsr\" bitsize=\"32\" type=\"cpsr_flags\" "
              "regnum=\"%u\"/>\n</feature>\n", G_SP, G_PC, G_CPSR);
}

static void xml_fpu(emu_machine *m, xstr *s)
{
    (void)m;
    /* the views of a V register GDB offers: v0.d.f[1], v0.s.u[3], ... */
    static const struct {
        const char *id, *u, *s, *f;
        unsigned n;
    } views[] = {
        {"vnd", "uint64", "int64", "ieee_double", 2},
        {"vns", "uint32", "int32", "ieee_single", 4},
        {"vnh", "uint16", "int16", NULL, 8},
        {"vnb", "uint8", "int8", NULL, 16},
        {"vnq", "uint128", "int128", NULL, 1},
    };
    xs_head(s, "feature");
    xs_fmt(s, "<feature name=\"org.gnu.gdb.aarch64.fpu\">\n");
    for (size_t i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
        xs_fmt(s, "  <vector id=\"%s_u\" type=\"%s\" count=\"%u\"/>\n"
                  "  <vector id=\"%s_s\" type=\"%s\" count=\"%u\"/>\n",
               views[i].id, views[i].u, views[i].n, views[i].id, views[i].s,
               views[i].n);
        if (views[i].f)
            xs_fmt(s, "  <vector id=\"%s_f\" type=\"%s\" count=\"%u\"/>\n",
                   views[i].id, views[i].f, views[i].n);
        xs_fmt(s, "  <union id=\"%s\">\n", views[i].id);
        if (views[i].f)
            xs_fmt(s, "    <field name=\"f\" type=\"%s_f\"/>\n", views[i].id);
        xs_fmt(s, "    <field name=\"u\" type=\"%s_u\"/>\n"
                  "    <field name=\"s\" type=\"%s_s\"/>\n  </union>\n",
               views[i].id, views[i].id);
    }
    xs_fmt(s, "  <union id=\"aarch64v\">\n"
              "    <field name=\"d\" type=\"vnd\"/>\n"
              "    <field name=\"s\" type=\"vns\"/>\n"
              "    <field name=\"h\" type=\"vnh\"/>\n"
              "    <field name=\"b\" type=\"vnb\"/>\n"
              "    <field name=\"q\" type=\"vnq\"/>\n  </union>\n");
    for (unsigned i = 0; i < 32; i++)
        xs_fmt(s, "  <reg name=\"v%u\" bitsize=\"128\" type=\"aarch64v\" "
                  "regnum=\"%u\"/>\n", i, G_V0 + i);
    xs_fmt(s, "  <reg name=\"fpsr\" bitsize=\"32\" type=\"int\" "
              "regnum=\"%u\"/>\n"
              "  <reg name=\"fpcr\" bitsize=\"32\" type=\"int\" "
              "regnum=\"%u\"/>\n</feature>\n", G_FPSR, G_FPCR);
}

static char *a64_xml(emu_machine *m, const char *annex, size_t *len)
{
    static const gdb_xml_doc docs[] = {
        {"target.xml", xml_target},
        {"aarch64-core.xml", xml_core},
        {"aarch64-fpu.xml", xml_fpu},
    };
    return gdb_xml_build(m, annex, len, docs, sizeof(docs) / sizeof(docs[0]));
}

const gdb_arch gdb_arch_arm64 = {
    .g_count = 68, /* every register: the core, the V registers, fpsr, fpcr */
    .reg = a64_reg,
    .xml = a64_xml,
};
