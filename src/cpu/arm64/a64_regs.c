/*
 * The AArch64 hart's registers by number and name (the numbering of
 * libemu.h's EMU_REG_A64_*), for emu_reg_* and the GDB stub.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/arm64/a64_regs.h"
#include "libemu/libemu.h"

bool a64_reg_read(const a64_cpu *cpu, unsigned num, uint64_t *v)
{
    if (num <= 31)
        *v = cpu->x[num]; /* 31 is sp */
    else if (num == EMU_REG_PC)
        *v = cpu->pc;
    else if (num == EMU_REG_A64_NZCV)
        *v = cpu->nzcv;
    else if (num == EMU_REG_A64_FPSR)
        *v = cpu->fpsr;
    else if (num == EMU_REG_A64_FPCR)
        *v = cpu->fpcr;
    else if (num == EMU_REG_A64_TPIDR)
        *v = cpu->tpidr_el0;
    else if (num >= EMU_REG_A64_V0 && num < EMU_REG_A64_V0 + 64)
        *v = cpu->v[(num - EMU_REG_A64_V0) / 2].d[(num - EMU_REG_A64_V0) % 2];
    else
        return false;
    return true;
}

bool a64_reg_write(a64_cpu *cpu, unsigned num, uint64_t v)
{
    if (num <= 31)
        cpu->x[num] = v;
    else if (num == EMU_REG_PC)
        cpu->pc = v;
    else if (num == EMU_REG_A64_NZCV)
        cpu->nzcv = (uint32_t)v & 0xf0000000u;
    else if (num == EMU_REG_A64_FPSR)
        cpu->fpsr = (uint32_t)v & A64_FPSR_MASK;
    else if (num == EMU_REG_A64_FPCR)
        cpu->fpcr = (uint32_t)v & A64_FPCR_MASK;
    else if (num == EMU_REG_A64_TPIDR)
        cpu->tpidr_el0 = v;
    else if (num >= EMU_REG_A64_V0 && num < EMU_REG_A64_V0 + 64)
        cpu->v[(num - EMU_REG_A64_V0) / 2].d[(num - EMU_REG_A64_V0) % 2] = v;
    else
        return false;
    return true;
}

static const struct {
    const char *name;
    unsigned num;
} named[] = {
    {"sp", 31},
    {"pc", EMU_REG_PC},
    {"nzcv", EMU_REG_A64_NZCV},
    {"cpsr", EMU_REG_A64_NZCV}, /* GDB's name */
    {"fpsr", EMU_REG_A64_FPSR},
    {"fpcr", EMU_REG_A64_FPCR},
    {"tpidr_el0", EMU_REG_A64_TPIDR},
    {"fp", 29},
    {"lr", 30},
};

bool a64_reg_lookup(const char *name, unsigned *num)
{
    for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (strcmp(name, named[i].name) == 0) {
            *num = named[i].num;
            return true;
        }
    char kind = name[0];
    if (kind != 'x' && kind != 'v')
        return false;
    char *end;
    if (name[1] < '0' || name[1] > '9')
        return false;
    unsigned long n = strtoul(name + 1, &end, 10);
    if (kind == 'x' && !*end && n <= 30) {
        *num = (unsigned)n;
        return true;
    }
    if (kind == 'v' && n <= 31 && (!*end || !strcmp(end, ".hi"))) {
        *num = EMU_REG_A64_V0 + 2 * (unsigned)n + (*end ? 1 : 0);
        return true;
    }
    return false;
}

bool a64_reg_name(unsigned num, char *buf, size_t len)
{
    if (num <= 30) {
        snprintf(buf, len, "x%u", num);
        return true;
    }
    for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (named[i].num == num && strcmp(named[i].name, "cpsr") != 0 &&
            num != 29 && num != 30) {
            snprintf(buf, len, "%s", named[i].name);
            return true;
        }
    if (num >= EMU_REG_A64_V0 && num < EMU_REG_A64_V0 + 64) {
        snprintf(buf, len, "v%u%s", (num - EMU_REG_A64_V0) / 2,
                 (num - EMU_REG_A64_V0) % 2 ? ".hi" : "");
        return true;
    }
    return false;
}
