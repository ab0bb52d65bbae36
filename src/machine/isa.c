/*
 * ISA strings in Spike's spelling: "rv64imac", "rv32imac_zicsr_zifencei",
 * "rv64gc" style base letters, then '_'-separated multi-letter extensions.
 * Unknown or unimplemented extensions are errors, never silently ignored.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "machine/machine.h"

#define EXT(c) (1ull << ((c) - 'a'))

static const struct {
    const char *name;
    uint32_t bit; /* ISA_Z_*, or 0 for extensions that are always on */
} known_multi[] = {
    {"zicsr", 0},           {"zifencei", 0},       {"zicntr", 0},
    {"zihpm", 0},           {"zihintpause", 0},    {"zicclsm", ISA_Z_ZICCLSM},
    {"zba", ISA_Z_ZBA},     {"zbb", ISA_Z_ZBB},    {"zbs", ISA_Z_ZBS},
    {"zbc", ISA_Z_ZBC},     {"zicond", ISA_Z_ZICOND}, {"sstc", ISA_Z_SSTC},
};

bool isa_parse(const char *s, emu_isa *isa, char *err, size_t errlen)
{
    char buf[256];
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof(buf)) {
        snprintf(err, errlen, "ISA string is empty or too long");
        return false;
    }
    for (size_t i = 0; i <= n; i++)
        buf[i] = (char)tolower((unsigned char)s[i]);

    memset(isa, 0, sizeof(*isa));
    if (strncmp(buf, "rv32", 4) == 0)
        isa->xlen = 32;
    else if (strncmp(buf, "rv64", 4) == 0)
        isa->xlen = 64;
    else {
        snprintf(err, errlen, "ISA string '%s' must start with rv32 or rv64", s);
        return false;
    }

    /* single-letter extensions up to the first '_' */
    const char *p = buf + 4;
    if (*p != 'i' && *p != 'g') {
        snprintf(err, errlen, "ISA string '%s': the base must be 'i' or 'g' "
                 "(rv32e/rv64e are not supported)", s);
        return false;
    }
    for (; *p && *p != '_'; p++) {
        switch (*p) {
        case 'g':
            isa->misa_ext |= EXT('i') | EXT('m') | EXT('a') | EXT('f') | EXT('d');
            break;
        case 'i': case 'm': case 'a': case 'f': case 'd': case 'c':
            isa->misa_ext |= EXT(*p);
            break;
        case 'b': /* B = Zba + Zbb + Zbs (B extension 1.0); misa.B below */
            isa->z |= ISA_Z_ZBA | ISA_Z_ZBB | ISA_Z_ZBS;
            break;
        case 'z': case 's': case 'x':
            snprintf(err, errlen, "ISA string '%s': multi-letter extensions "
                     "must follow an underscore", s);
            return false;
        default:
            snprintf(err, errlen, "ISA string '%s': unknown or unsupported "
                     "extension '%c'", s, *p);
            return false;
        }
    }
    if ((isa->misa_ext & EXT('d')) && !(isa->misa_ext & EXT('f'))) {
        snprintf(err, errlen, "ISA string '%s': D requires F", s);
        return false;
    }

    /* multi-letter extensions */
    while (*p == '_') {
        const char *start = ++p;
        while (*p && *p != '_')
            p++;
        size_t len = (size_t)(p - start);
        if (len == 0)
            continue;
        bool found = false;
        for (size_t i = 0; i < sizeof(known_multi) / sizeof(known_multi[0]); i++) {
            if (strlen(known_multi[i].name) == len &&
                memcmp(known_multi[i].name, start, len) == 0) {
                found = true;
                isa->z |= known_multi[i].bit;
            }
        }
        if (!found) {
            snprintf(err, errlen, "ISA string '%s': unknown or unsupported "
                     "extension '%.*s'", s, (int)len, start);
            return false;
        }
    }
    /* misa.B means all of Zba, Zbb and Zbs */
    const uint32_t b = ISA_Z_ZBA | ISA_Z_ZBB | ISA_Z_ZBS;
    if ((isa->z & b) == b)
        isa->misa_ext |= EXT('b');
    /* Zicsr, Zifencei, Zicntr, Zihpm and Zihintpause are always implemented;
     * naming them is accepted and changes nothing. */
    return true;
}
