/*
 * RISC-V disassembler for `emu --trace`, spelling instructions the way GNU
 * objdump -d (binutils 2.40, the toolchain we test against) prints them by
 * default, so a trace can be read side by side with an objdump listing.
 *
 * Output format: objdump's instruction column only, i.e. the mnemonic, then
 * one TAB, then the operands separated by "," with no spaces
 * ("lw\ta0,8(sp)"). Instructions without operands have no TAB ("ret").
 * Registers use ABI names (s0, not fp); I/S/B/J immediates and CSR immediates
 * are decimal; U-immediates and shift amounts are hex with 0x, as objdump
 * prints them; branch and jump targets are absolute addresses in hex without
 * 0x, truncated to XLEN. objdump's "# comment" and "<symbol>" decorations are
 * not produced. Compressed instructions are expanded with
 * rv_expand_compressed() and printed as objdump prints them: the base or
 * alias form ("c.addi a0,1" -> "add\ta0,a0,1", "c.jr ra" -> "ret"); only
 * HINTs keep a c. mnemonic, see below.
 *
 * Covered: RV32I/RV64I, M, A, F, D, Zicsr, Zifencei, Zihintpause (pause),
 * Zba, Zbb, Zbs, Zbc, Zicond, C, and the privileged ecall/ebreak/sret/mret/
 * wfi/sfence.vma. binutils 2.40 predates Zicond; czero.eqz/czero.nez use the
 * spec's spelling. Anything else (reserved or unsupported encodings) prints
 * as objdump prints what it cannot decode: ".4byte\t0x..." (".2byte" for
 * a 16-bit encoding). 48-bit and longer forms print as "unknown", since
 * only their first 32 bits are given (objdump lists all their bytes).
 *
 * Known binutils 2.40 quirks we copy on purpose: the register-immediate ALU
 * ops print under their register-register name (addi -> "add", slli ->
 * "sll", bseti -> "bset", csrrwi -> "csrrw", ...; later binutils print
 * "addi"), both the all-zero halfword and csrrw zero,cycle,zero print as
 * "unimp", RVC HINTs keep their c. spelling ("c.li zero,1"), a reserved
 * rounding mode prints as ",unknown", an empty fence set as "unknown", and
 * fcvt.d.s/fcvt.d.w/fcvt.d.wu decode only with rm = 0.
 *
 * Where objdump 2.40 decodes an encoding the spec reserves, we print it as
 * undecodable (".4byte"/".2byte") instead, because the emulator traps on it:
 * RV32 shifts (32-bit and compressed) with shamt[5] set, and C.ADDI16SP
 * with a zero immediate.
 */
#include "cpu/riscv/rv_disasm.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/rv_decode.h"

/* Longest text is well under this; keeps formatting independent of buflen. */
#define RV_DISASM_TEXT_MAX 96

typedef struct {
    char text[RV_DISASM_TEXT_MAX];
    size_t len;
    uint64_t pc;
    unsigned xlen;
    uint32_t insn; /* the whole encoding, for unknown() */
} rv_dis;

static const char *const xreg[32] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

static const char *const freg[32] = {
    "ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",
    "fs0", "fs1", "fa0",  "fa1",  "fa2", "fa3", "fa4",  "fa5",
    "fa6", "fa7", "fs2",  "fs3",  "fs4", "fs5", "fs6",  "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};

/* Rounding modes 5 and 6 are reserved (unpriv 13.2); objdump still decodes
 * the instruction and prints the mode as "unknown", and so do we. */
static const char *const rm_name[8] = {"rne", "rtz",     "rdn",     "rup",
                                       "rmm", "unknown", "unknown", "dyn"};

/* The CSRs objdump names (binutils 2.40 with its default, privileged spec
 * 1.12), by number; any other number prints in hex. Sorted for bsearch.
 * An ELF whose attributes say priv spec 1.11 (what gas 2.40 records unless
 * given -mpriv-spec=1.12) makes objdump use older names instead: ustatus at
 * 0x000, no menvcfg/mstatush/mconfigptr/pmpcfg4+. We follow 1.12, the spec
 * the emulator implements. */
typedef struct {
    uint16_t num;
    char name[15];
} rv_csr_name;

/* clang-format off */
static const rv_csr_name csr_names[] = {
    {0x001, "fflags"}, {0x002, "frm"}, {0x003, "fcsr"}, {0x008, "vstart"},
    {0x009, "vxsat"}, {0x00a, "vxrm"}, {0x00f, "vcsr"}, {0x015, "seed"},
    {0x100, "sstatus"}, {0x104, "sie"}, {0x105, "stvec"},
    {0x106, "scounteren"}, {0x10a, "senvcfg"}, {0x10c, "sstateen0"},
    {0x10d, "sstateen1"}, {0x10e, "sstateen2"}, {0x10f, "sstateen3"},
    {0x114, "sieh"}, {0x140, "sscratch"}, {0x141, "sepc"}, {0x142, "scause"},
    {0x143, "stval"}, {0x144, "sip"}, {0x14d, "stimecmp"}, {0x150, "siselect"},
    {0x151, "sireg"}, {0x154, "siph"}, {0x15c, "stopei"}, {0x15d, "stimecmph"},
    {0x180, "satp"}, {0x200, "vsstatus"}, {0x204, "vsie"}, {0x205, "vstvec"},
    {0x214, "vsieh"}, {0x240, "vsscratch"}, {0x241, "vsepc"},
    {0x242, "vscause"}, {0x243, "vstval"}, {0x244, "vsip"},
    {0x24d, "vstimecmp"}, {0x250, "vsiselect"}, {0x251, "vsireg"},
    {0x254, "vsiph"}, {0x25c, "vstopei"}, {0x25d, "vstimecmph"},
    {0x280, "vsatp"}, {0x300, "mstatus"}, {0x301, "misa"}, {0x302, "medeleg"},
    {0x303, "mideleg"}, {0x304, "mie"}, {0x305, "mtvec"},
    {0x306, "mcounteren"}, {0x308, "mvien"}, {0x309, "mvip"},
    {0x30a, "menvcfg"}, {0x30c, "mstateen0"}, {0x30d, "mstateen1"},
    {0x30e, "mstateen2"}, {0x30f, "mstateen3"}, {0x310, "mstatush"},
    {0x313, "midelegh"}, {0x314, "mieh"}, {0x318, "mvienh"}, {0x319, "mviph"},
    {0x31a, "menvcfgh"}, {0x31c, "mstateen0h"}, {0x31d, "mstateen1h"},
    {0x31e, "mstateen2h"}, {0x31f, "mstateen3h"}, {0x320, "mcountinhibit"},
    {0x323, "mhpmevent3"}, {0x324, "mhpmevent4"}, {0x325, "mhpmevent5"},
    {0x326, "mhpmevent6"}, {0x327, "mhpmevent7"}, {0x328, "mhpmevent8"},
    {0x329, "mhpmevent9"}, {0x32a, "mhpmevent10"}, {0x32b, "mhpmevent11"},
    {0x32c, "mhpmevent12"}, {0x32d, "mhpmevent13"}, {0x32e, "mhpmevent14"},
    {0x32f, "mhpmevent15"}, {0x330, "mhpmevent16"}, {0x331, "mhpmevent17"},
    {0x332, "mhpmevent18"}, {0x333, "mhpmevent19"}, {0x334, "mhpmevent20"},
    {0x335, "mhpmevent21"}, {0x336, "mhpmevent22"}, {0x337, "mhpmevent23"},
    {0x338, "mhpmevent24"}, {0x339, "mhpmevent25"}, {0x33a, "mhpmevent26"},
    {0x33b, "mhpmevent27"}, {0x33c, "mhpmevent28"}, {0x33d, "mhpmevent29"},
    {0x33e, "mhpmevent30"}, {0x33f, "mhpmevent31"}, {0x340, "mscratch"},
    {0x341, "mepc"}, {0x342, "mcause"}, {0x343, "mtval"}, {0x344, "mip"},
    {0x34a, "mtinst"}, {0x34b, "mtval2"}, {0x350, "miselect"},
    {0x351, "mireg"}, {0x354, "miph"}, {0x35c, "mtopei"}, {0x3a0, "pmpcfg0"},
    {0x3a1, "pmpcfg1"}, {0x3a2, "pmpcfg2"}, {0x3a3, "pmpcfg3"},
    {0x3a4, "pmpcfg4"}, {0x3a5, "pmpcfg5"}, {0x3a6, "pmpcfg6"},
    {0x3a7, "pmpcfg7"}, {0x3a8, "pmpcfg8"}, {0x3a9, "pmpcfg9"},
    {0x3aa, "pmpcfg10"}, {0x3ab, "pmpcfg11"}, {0x3ac, "pmpcfg12"},
    {0x3ad, "pmpcfg13"}, {0x3ae, "pmpcfg14"}, {0x3af, "pmpcfg15"},
    {0x3b0, "pmpaddr0"}, {0x3b1, "pmpaddr1"}, {0x3b2, "pmpaddr2"},
    {0x3b3, "pmpaddr3"}, {0x3b4, "pmpaddr4"}, {0x3b5, "pmpaddr5"},
    {0x3b6, "pmpaddr6"}, {0x3b7, "pmpaddr7"}, {0x3b8, "pmpaddr8"},
    {0x3b9, "pmpaddr9"}, {0x3ba, "pmpaddr10"}, {0x3bb, "pmpaddr11"},
    {0x3bc, "pmpaddr12"}, {0x3bd, "pmpaddr13"}, {0x3be, "pmpaddr14"},
    {0x3bf, "pmpaddr15"}, {0x3c0, "pmpaddr16"}, {0x3c1, "pmpaddr17"},
    {0x3c2, "pmpaddr18"}, {0x3c3, "pmpaddr19"}, {0x3c4, "pmpaddr20"},
    {0x3c5, "pmpaddr21"}, {0x3c6, "pmpaddr22"}, {0x3c7, "pmpaddr23"},
    {0x3c8, "pmpaddr24"}, {0x3c9, "pmpaddr25"}, {0x3ca, "pmpaddr26"},
    {0x3cb, "pmpaddr27"}, {0x3cc, "pmpaddr28"}, {0x3cd, "pmpaddr29"},
    {0x3ce, "pmpaddr30"}, {0x3cf, "pmpaddr31"}, {0x3d0, "pmpaddr32"},
    {0x3d1, "pmpaddr33"}, {0x3d2, "pmpaddr34"}, {0x3d3, "pmpaddr35"},
    {0x3d4, "pmpaddr36"}, {0x3d5, "pmpaddr37"}, {0x3d6, "pmpaddr38"},
    {0x3d7, "pmpaddr39"}, {0x3d8, "pmpaddr40"}, {0x3d9, "pmpaddr41"},
    {0x3da, "pmpaddr42"}, {0x3db, "pmpaddr43"}, {0x3dc, "pmpaddr44"},
    {0x3dd, "pmpaddr45"}, {0x3de, "pmpaddr46"}, {0x3df, "pmpaddr47"},
    {0x3e0, "pmpaddr48"}, {0x3e1, "pmpaddr49"}, {0x3e2, "pmpaddr50"},
    {0x3e3, "pmpaddr51"}, {0x3e4, "pmpaddr52"}, {0x3e5, "pmpaddr53"},
    {0x3e6, "pmpaddr54"}, {0x3e7, "pmpaddr55"}, {0x3e8, "pmpaddr56"},
    {0x3e9, "pmpaddr57"}, {0x3ea, "pmpaddr58"}, {0x3eb, "pmpaddr59"},
    {0x3ec, "pmpaddr60"}, {0x3ed, "pmpaddr61"}, {0x3ee, "pmpaddr62"},
    {0x3ef, "pmpaddr63"}, {0x5a8, "scontext"}, {0x600, "hstatus"},
    {0x602, "hedeleg"}, {0x603, "hideleg"}, {0x604, "hie"},
    {0x605, "htimedelta"}, {0x606, "hcounteren"}, {0x607, "hgeie"},
    {0x608, "hvien"}, {0x609, "hvictl"}, {0x60a, "henvcfg"},
    {0x60c, "hstateen0"}, {0x60d, "hstateen1"}, {0x60e, "hstateen2"},
    {0x60f, "hstateen3"}, {0x613, "hidelegh"}, {0x615, "htimedeltah"},
    {0x618, "hvienh"}, {0x61a, "henvcfgh"}, {0x61c, "hstateen0h"},
    {0x61d, "hstateen1h"}, {0x61e, "hstateen2h"}, {0x61f, "hstateen3h"},
    {0x643, "htval"}, {0x644, "hip"}, {0x645, "hvip"}, {0x646, "hviprio1"},
    {0x647, "hviprio2"}, {0x64a, "htinst"}, {0x655, "hviph"},
    {0x656, "hviprio1h"}, {0x657, "hviprio2h"}, {0x680, "hgatp"},
    {0x6a8, "hcontext"}, {0x723, "mhpmevent3h"}, {0x724, "mhpmevent4h"},
    {0x725, "mhpmevent5h"}, {0x726, "mhpmevent6h"}, {0x727, "mhpmevent7h"},
    {0x728, "mhpmevent8h"}, {0x729, "mhpmevent9h"}, {0x72a, "mhpmevent10h"},
    {0x72b, "mhpmevent11h"}, {0x72c, "mhpmevent12h"}, {0x72d, "mhpmevent13h"},
    {0x72e, "mhpmevent14h"}, {0x72f, "mhpmevent15h"}, {0x730, "mhpmevent16h"},
    {0x731, "mhpmevent17h"}, {0x732, "mhpmevent18h"}, {0x733, "mhpmevent19h"},
    {0x734, "mhpmevent20h"}, {0x735, "mhpmevent21h"}, {0x736, "mhpmevent22h"},
    {0x737, "mhpmevent23h"}, {0x738, "mhpmevent24h"}, {0x739, "mhpmevent25h"},
    {0x73a, "mhpmevent26h"}, {0x73b, "mhpmevent27h"}, {0x73c, "mhpmevent28h"},
    {0x73d, "mhpmevent29h"}, {0x73e, "mhpmevent30h"}, {0x73f, "mhpmevent31h"},
    {0x747, "mseccfg"}, {0x757, "mseccfgh"}, {0x7a0, "tselect"},
    {0x7a1, "tdata1"}, {0x7a2, "tdata2"}, {0x7a3, "tdata3"}, {0x7a4, "tinfo"},
    {0x7a5, "tcontrol"}, {0x7a8, "mcontext"}, {0x7aa, "mscontext"},
    {0x7b0, "dcsr"}, {0x7b1, "dpc"}, {0x7b2, "dscratch0"},
    {0x7b3, "dscratch1"}, {0xb00, "mcycle"}, {0xb02, "minstret"},
    {0xb03, "mhpmcounter3"}, {0xb04, "mhpmcounter4"}, {0xb05, "mhpmcounter5"},
    {0xb06, "mhpmcounter6"}, {0xb07, "mhpmcounter7"}, {0xb08, "mhpmcounter8"},
    {0xb09, "mhpmcounter9"}, {0xb0a, "mhpmcounter10"},
    {0xb0b, "mhpmcounter11"}, {0xb0c, "mhpmcounter12"},
    {0xb0d, "mhpmcounter13"}, {0xb0e, "mhpmcounter14"},
    {0xb0f, "mhpmcounter15"}, {0xb10, "mhpmcounter16"},
    {0xb11, "mhpmcounter17"}, {0xb12, "mhpmcounter18"},
    {0xb13, "mhpmcounter19"}, {0xb14, "mhpmcounter20"},
    {0xb15, "mhpmcounter21"}, {0xb16, "mhpmcounter22"},
    {0xb17, "mhpmcounter23"}, {0xb18, "mhpmcounter24"},
    {0xb19, "mhpmcounter25"}, {0xb1a, "mhpmcounter26"},
    {0xb1b, "mhpmcounter27"}, {0xb1c, "mhpmcounter28"},
    {0xb1d, "mhpmcounter29"}, {0xb1e, "mhpmcounter30"},
    {0xb1f, "mhpmcounter31"}, {0xb80, "mcycleh"}, {0xb82, "minstreth"},
    {0xb83, "mhpmcounter3h"}, {0xb84, "mhpmcounter4h"},
    {0xb85, "mhpmcounter5h"}, {0xb86, "mhpmcounter6h"},
    {0xb87, "mhpmcounter7h"}, {0xb88, "mhpmcounter8h"},
    {0xb89, "mhpmcounter9h"}, {0xb8a, "mhpmcounter10h"},
    {0xb8b, "mhpmcounter11h"}, {0xb8c, "mhpmcounter12h"},
    {0xb8d, "mhpmcounter13h"}, {0xb8e, "mhpmcounter14h"},
    {0xb8f, "mhpmcounter15h"}, {0xb90, "mhpmcounter16h"},
    {0xb91, "mhpmcounter17h"}, {0xb92, "mhpmcounter18h"},
    {0xb93, "mhpmcounter19h"}, {0xb94, "mhpmcounter20h"},
    {0xb95, "mhpmcounter21h"}, {0xb96, "mhpmcounter22h"},
    {0xb97, "mhpmcounter23h"}, {0xb98, "mhpmcounter24h"},
    {0xb99, "mhpmcounter25h"}, {0xb9a, "mhpmcounter26h"},
    {0xb9b, "mhpmcounter27h"}, {0xb9c, "mhpmcounter28h"},
    {0xb9d, "mhpmcounter29h"}, {0xb9e, "mhpmcounter30h"},
    {0xb9f, "mhpmcounter31h"}, {0xc00, "cycle"}, {0xc01, "time"},
    {0xc02, "instret"}, {0xc03, "hpmcounter3"}, {0xc04, "hpmcounter4"},
    {0xc05, "hpmcounter5"}, {0xc06, "hpmcounter6"}, {0xc07, "hpmcounter7"},
    {0xc08, "hpmcounter8"}, {0xc09, "hpmcounter9"}, {0xc0a, "hpmcounter10"},
    {0xc0b, "hpmcounter11"}, {0xc0c, "hpmcounter12"}, {0xc0d, "hpmcounter13"},
    {0xc0e, "hpmcounter14"}, {0xc0f, "hpmcounter15"}, {0xc10, "hpmcounter16"},
    {0xc11, "hpmcounter17"}, {0xc12, "hpmcounter18"}, {0xc13, "hpmcounter19"},
    {0xc14, "hpmcounter20"}, {0xc15, "hpmcounter21"}, {0xc16, "hpmcounter22"},
    {0xc17, "hpmcounter23"}, {0xc18, "hpmcounter24"}, {0xc19, "hpmcounter25"},
    {0xc1a, "hpmcounter26"}, {0xc1b, "hpmcounter27"}, {0xc1c, "hpmcounter28"},
    {0xc1d, "hpmcounter29"}, {0xc1e, "hpmcounter30"}, {0xc1f, "hpmcounter31"},
    {0xc20, "vl"}, {0xc21, "vtype"}, {0xc22, "vlenb"}, {0xc80, "cycleh"},
    {0xc81, "timeh"}, {0xc82, "instreth"}, {0xc83, "hpmcounter3h"},
    {0xc84, "hpmcounter4h"}, {0xc85, "hpmcounter5h"}, {0xc86, "hpmcounter6h"},
    {0xc87, "hpmcounter7h"}, {0xc88, "hpmcounter8h"}, {0xc89, "hpmcounter9h"},
    {0xc8a, "hpmcounter10h"}, {0xc8b, "hpmcounter11h"},
    {0xc8c, "hpmcounter12h"}, {0xc8d, "hpmcounter13h"},
    {0xc8e, "hpmcounter14h"}, {0xc8f, "hpmcounter15h"},
    {0xc90, "hpmcounter16h"}, {0xc91, "hpmcounter17h"},
    {0xc92, "hpmcounter18h"}, {0xc93, "hpmcounter19h"},
    {0xc94, "hpmcounter20h"}, {0xc95, "hpmcounter21h"},
    {0xc96, "hpmcounter22h"}, {0xc97, "hpmcounter23h"},
    {0xc98, "hpmcounter24h"}, {0xc99, "hpmcounter25h"},
    {0xc9a, "hpmcounter26h"}, {0xc9b, "hpmcounter27h"},
    {0xc9c, "hpmcounter28h"}, {0xc9d, "hpmcounter29h"},
    {0xc9e, "hpmcounter30h"}, {0xc9f, "hpmcounter31h"}, {0xda0, "scountovf"},
    {0xdb0, "stopi"}, {0xe12, "hgeip"}, {0xeb0, "vstopi"},
    {0xf11, "mvendorid"}, {0xf12, "marchid"}, {0xf13, "mimpid"},
    {0xf14, "mhartid"}, {0xf15, "mconfigptr"}, {0xfb0, "mtopi"},
};
/* clang-format on */

static int csr_cmp(const void *key, const void *elem)
{
    unsigned k = *(const unsigned *)key;
    unsigned n = ((const rv_csr_name *)elem)->num;
    return (k > n) - (k < n);
}

static const char *csr_lookup(unsigned csr)
{
    const rv_csr_name *e =
        bsearch(&csr, csr_names, sizeof csr_names / sizeof csr_names[0],
                sizeof csr_names[0], csr_cmp);
    return e ? e->name : NULL;
}

/* Immediates are extracted here rather than with rv_decode.h's helpers so
 * that fuzzing under -fsanitize=undefined sees no shifts of negative values. */
static int64_t sext(uint64_t v, unsigned bits)
{
    uint64_t m = UINT64_C(1) << (bits - 1);
    v &= (m << 1) - 1;
    return (int64_t)(v ^ m) - (int64_t)m;
}

static int64_t imm_i(uint32_t i)
{
    return sext(i >> 20, 12);
}
static int64_t imm_s(uint32_t i)
{
    return sext(((i >> 20) & ~31u) | ((i >> 7) & 31), 12);
}
static int64_t imm_b(uint32_t i)
{
    return sext(((i >> 19) & 0x1000) | ((i << 4) & 0x800) |
                    ((i >> 20) & 0x7e0) | ((i >> 7) & 0x1e),
                13);
}
static int64_t imm_j(uint32_t i)
{
    return sext(((i >> 11) & 0x100000) | (i & 0xff000) | ((i >> 9) & 0x800) |
                    ((i >> 20) & 0x7fe),
                21);
}

static void emit(rv_dis *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void emit(rv_dis *d, const char *fmt, ...)
{
    size_t room = sizeof d->text - d->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(d->text + d->len, room, fmt, ap);
    va_end(ap);
    if (n > 0) d->len += (size_t)n < room ? (size_t)n : room - 1;
}

/* objdump prints an encoding it cannot decode as the data directive that
 * would assemble it: ".4byte\t0x4205d553", ".2byte\t0x4002". */
static void unknown(rv_dis *d)
{
    d->len = 0;
    if ((d->insn & 3) != 3)
        emit(d, ".2byte\t0x%x", (unsigned)(d->insn & 0xffff));
    else
        emit(d, ".4byte\t0x%x", (unsigned)d->insn);
}

static uint64_t target(const rv_dis *d, int64_t off)
{
    uint64_t t = d->pc + (uint64_t)off;
    return d->xlen == 32 ? (uint32_t)t : t;
}

static void emit_target(rv_dis *d, int64_t off)
{
    emit(d, "%" PRIx64, target(d, off));
}

/* ---- integer base ------------------------------------------------------ */

static void dis_branch(rv_dis *d, uint32_t i)
{
    static const char *const mn[8] = {"beq", "bne", NULL,   NULL,
                                      "blt", "bge", "bltu", "bgeu"};
    unsigned f3 = rv_funct3(i), rs1 = rv_rs1(i), rs2 = rv_rs2(i);
    if (!mn[f3]) {
        unknown(d);
        return;
    }
    /* Zero-compare aliases from the unpriv spec's pseudo-instruction table. */
    if (rs2 == 0 && f3 <= 1)
        emit(d, "%sz\t%s,", mn[f3], xreg[rs1]);
    else if (rs1 == 0 && f3 == 5)
        emit(d, "blez\t%s,", xreg[rs2]);
    else if (rs2 == 0 && f3 == 5)
        emit(d, "bgez\t%s,", xreg[rs1]);
    else if (rs2 == 0 && f3 == 4)
        emit(d, "bltz\t%s,", xreg[rs1]);
    else if (rs1 == 0 && f3 == 4)
        emit(d, "bgtz\t%s,", xreg[rs2]);
    else
        emit(d, "%s\t%s,%s,", mn[f3], xreg[rs1], xreg[rs2]);
    emit_target(d, imm_b(i));
}

static void dis_jal(rv_dis *d, uint32_t i)
{
    unsigned rd = rv_rd(i);
    if (rd == 0)
        emit(d, "j\t");
    else if (rd == 1)
        emit(d, "jal\t");
    else
        emit(d, "jal\t%s,", xreg[rd]);
    emit_target(d, imm_j(i));
}

static void dis_jalr(rv_dis *d, uint32_t i)
{
    unsigned rd = rv_rd(i), rs1 = rv_rs1(i);
    int64_t imm = imm_i(i);
    if (rv_funct3(i) != 0) {
        unknown(d);
        return;
    }
    if (rd == 0 && rs1 == 1 && imm == 0)
        emit(d, "ret");
    else if (rd <= 1 && imm == 0)
        emit(d, "%s\t%s", rd ? "jalr" : "jr", xreg[rs1]);
    else if (rd <= 1)
        emit(d, "%s\t%" PRId64 "(%s)", rd ? "jalr" : "jr", imm, xreg[rs1]);
    else if (imm == 0)
        emit(d, "jalr\t%s,%s", xreg[rd], xreg[rs1]);
    else
        emit(d, "jalr\t%s,%" PRId64 "(%s)", xreg[rd], imm, xreg[rs1]);
}

static void dis_load(rv_dis *d, uint32_t i)
{
    static const char *const mn[8] = {"lb",  "lh",  "lw",  "ld",
                                      "lbu", "lhu", "lwu", NULL};
    unsigned f3 = rv_funct3(i);
    if (!mn[f3] || (d->xlen == 32 && (f3 == 3 || f3 == 6))) {
        unknown(d);
        return;
    }
    emit(d, "%s\t%s,%" PRId64 "(%s)", mn[f3], xreg[rv_rd(i)], imm_i(i),
         xreg[rv_rs1(i)]);
}

static void dis_store(rv_dis *d, uint32_t i)
{
    static const char *const mn[8] = {"sb", "sh", "sw", "sd"};
    unsigned f3 = rv_funct3(i);
    if (!mn[f3] || (d->xlen == 32 && f3 == 3)) {
        unknown(d);
        return;
    }
    emit(d, "%s\t%s,%" PRId64 "(%s)", mn[f3], xreg[rv_rs2(i)], imm_s(i),
         xreg[rv_rs1(i)]);
}

/* OP-IMM funct3 1 and 5: shifts plus the Zbb/Zbs immediate forms, which
 * share the encoding space above the shift amount. word is 1 for OP-IMM-32. */
static void dis_shift_imm(rv_dis *d, uint32_t i, int word)
{
    unsigned rd = rv_rd(i), rs1 = rv_rs1(i), f3 = rv_funct3(i);
    unsigned imm12 = i >> 20;
    unsigned shbits = word ? 5 : (d->xlen == 64 ? 6 : 5);
    unsigned sh = imm12 & ((1u << shbits) - 1);
    unsigned hi = imm12 >> shbits; /* the funct bits above shamt */
    const char *w = word ? "w" : "";
    const char *mn = NULL;

    /* Zbb unary ops live in rs2 of a funct7 0x30 shift-left encoding. */
    if (f3 == 1 && (imm12 >> 5) == 0x30) {
        static const char *const unary[8] = {"clz",    "ctz",    "cpop", NULL,
                                             "sext.b", "sext.h", NULL,   NULL};
        unsigned k = imm12 & 31;
        if (k < 8 && unary[k] && (!word || k < 3)) {
            emit(d, "%s%s\t%s,%s", unary[k], k < 3 ? w : "", xreg[rd],
                 xreg[rs1]);
            return;
        }
        {
            unknown(d);
            return;
        }
    }
    if (f3 == 5 && !word) {
        if (imm12 == 0x287) {
            emit(d, "orc.b\t%s,%s", xreg[rd], xreg[rs1]);
            return;
        }
        if (imm12 == (d->xlen == 64 ? 0x6b8u : 0x698u)) {
            emit(d, "rev8\t%s,%s", xreg[rd], xreg[rs1]);
            return;
        }
    }
    /* Zba slli.uw has a 6-bit shamt even though it is an OP-IMM-32 op. */
    if (word && f3 == 1 && (imm12 >> 6) == 0x02) {
        emit(d, "slli.uw\t%s,%s,0x%x", xreg[rd], xreg[rs1], imm12 & 63);
        return;
    }
    /* Compare the bits above shamt against funct7 (RV32, *W) or funct6. */
    unsigned f = shbits == 6 ? hi << 1 : hi;
    if (f3 == 1) {
        if (f == 0x00)
            mn = word ? "sllw" : "sll";
        else if (!word && f == 0x14)
            mn = "bset";
        else if (!word && f == 0x24)
            mn = "bclr";
        else if (!word && f == 0x34)
            mn = "binv";
    } else {
        if (f == 0x00)
            mn = word ? "srlw" : "srl";
        else if (f == 0x20)
            mn = word ? "sraw" : "sra";
        else if (f == 0x30)
            mn = word ? "rorw" : "ror";
        else if (!word && f == 0x24)
            mn = "bext";
    }
    if (!mn) {
        unknown(d);
        return;
    }
    emit(d, "%s\t%s,%s,0x%x", mn, xreg[rd], xreg[rs1], sh);
}

static void dis_op_imm(rv_dis *d, uint32_t i)
{
    /* binutils 2.40 prints these under the register-register names. */
    static const char *const mn[8] = {"add", NULL, "slti", "sltiu",
                                      "xor", NULL, "or",   "and"};
    unsigned rd = rv_rd(i), rs1 = rv_rs1(i), f3 = rv_funct3(i);
    int64_t imm = imm_i(i);
    if (f3 == 1 || f3 == 5) {
        dis_shift_imm(d, i, 0);
        return;
    }
    if (f3 == 0 && rd == 0 && rs1 == 0 && imm == 0)
        emit(d, "nop");
    else if (f3 == 0 && rs1 == 0)
        emit(d, "li\t%s,%" PRId64, xreg[rd], imm);
    else if (f3 == 0 && imm == 0)
        emit(d, "mv\t%s,%s", xreg[rd], xreg[rs1]);
    else if (f3 == 3 && imm == 1)
        emit(d, "seqz\t%s,%s", xreg[rd], xreg[rs1]);
    else if (f3 == 4 && imm == -1)
        emit(d, "not\t%s,%s", xreg[rd], xreg[rs1]);
    else if (f3 == 7 && imm == 255)
        emit(d, "zext.b\t%s,%s", xreg[rd], xreg[rs1]);
    else
        emit(d, "%s\t%s,%s,%" PRId64, mn[f3], xreg[rd], xreg[rs1], imm);
}

static void dis_op_imm32(rv_dis *d, uint32_t i)
{
    unsigned rd = rv_rd(i), rs1 = rv_rs1(i), f3 = rv_funct3(i);
    if (d->xlen == 32) {
        unknown(d);
        return;
    }
    if (f3 == 1 || f3 == 5) {
        dis_shift_imm(d, i, 1);
        return;
    }
    if (f3 != 0) {
        unknown(d);
        return;
    }
    if (imm_i(i) == 0)
        emit(d, "sext.w\t%s,%s", xreg[rd], xreg[rs1]);
    else
        emit(d, "addw\t%s,%s,%" PRId64, xreg[rd], xreg[rs1], imm_i(i));
}

/* OP and OP-32, keyed by funct7 and funct3. */
static const char *op_name(unsigned f7, unsigned f3, int word)
{
    static const char *const base[8] = {"add", "sll", "slt", "sltu",
                                        "xor", "srl", "or",  "and"};
    static const char *const mul[8] = {"mul", "mulh", "mulhsu", "mulhu",
                                       "div", "divu", "rem",    "remu"};
    static const char *const mulw[8] = {"mulw", NULL,    NULL,   NULL,
                                        "divw", "divuw", "remw", "remuw"};
    if (word) {
        switch (f7) {
        case 0x00:
            return f3 == 0   ? "addw"
                   : f3 == 1 ? "sllw"
                   : f3 == 5 ? "srlw"
                             : NULL;
        case 0x20: return f3 == 0 ? "subw" : f3 == 5 ? "sraw" : NULL;
        case 0x01: return mulw[f3];
        case 0x04: return f3 == 0 ? "add.uw" : NULL;
        case 0x10:
            return f3 == 2   ? "sh1add.uw"
                   : f3 == 4 ? "sh2add.uw"
                   : f3 == 6 ? "sh3add.uw"
                             : NULL;
        case 0x30: return f3 == 1 ? "rolw" : f3 == 5 ? "rorw" : NULL;
        default: return NULL;
        }
    }
    switch (f7) {
    case 0x00: return base[f3];
    case 0x01: return mul[f3];
    case 0x20:
        return f3 == 0   ? "sub"
               : f3 == 5 ? "sra"
               : f3 == 4 ? "xnor"
               : f3 == 6 ? "orn"
               : f3 == 7 ? "andn"
                         : NULL;
    case 0x05: { /* Zbc in funct3 1-3, Zbb min/max in 4-7 */
        static const char *const mn[8] = {NULL,  "clmul", "clmulr", "clmulh",
                                          "min", "minu",  "max",    "maxu"};
        return mn[f3];
    }
    case 0x10:
        return f3 == 2   ? "sh1add"
               : f3 == 4 ? "sh2add"
               : f3 == 6 ? "sh3add"
                         : NULL;
    case 0x30: return f3 == 1 ? "rol" : f3 == 5 ? "ror" : NULL;
    case 0x14: return f3 == 1 ? "bset" : NULL;
    case 0x24: return f3 == 1 ? "bclr" : f3 == 5 ? "bext" : NULL;
    case 0x34: return f3 == 1 ? "binv" : NULL;
    case 0x07: return f3 == 5 ? "czero.eqz" : f3 == 7 ? "czero.nez" : NULL;
    default: return NULL;
    }
}

static void dis_op(rv_dis *d, uint32_t i, int word)
{
    unsigned rd = rv_rd(i), rs1 = rv_rs1(i), rs2 = rv_rs2(i);
    unsigned f3 = rv_funct3(i), f7 = rv_funct7(i);
    if (word && d->xlen == 32) {
        unknown(d);
        return;
    }
    /* zext.h is pack (RV32) / packw (RV64) with rs2 = zero (Zbb). */
    if (f7 == 0x04 && f3 == 4 && rs2 == 0 && word == (d->xlen == 64)) {
        emit(d, "zext.h\t%s,%s", xreg[rd], xreg[rs1]);
        return;
    }
    const char *mn = op_name(f7, f3, word);
    if (!mn) {
        unknown(d);
        return;
    }
    if (f7 == 0x20 && f3 == 0 && rs1 == 0)
        emit(d, "neg%s\t%s,%s", word ? "w" : "", xreg[rd], xreg[rs2]);
    else if (!word && f7 == 0 && f3 == 3 && rs1 == 0)
        emit(d, "snez\t%s,%s", xreg[rd], xreg[rs2]);
    else if (!word && f7 == 0 && f3 == 2 && rs2 == 0)
        emit(d, "sltz\t%s,%s", xreg[rd], xreg[rs1]);
    else if (!word && f7 == 0 && f3 == 2 && rs1 == 0)
        emit(d, "sgtz\t%s,%s", xreg[rd], xreg[rs2]);
    else if (word && f7 == 0x04 && f3 == 0 && rs2 == 0)
        emit(d, "zext.w\t%s,%s", xreg[rd], xreg[rs1]);
    else
        emit(d, "%s\t%s,%s,%s", mn, xreg[rd], xreg[rs1], xreg[rs2]);
}

static void dis_fence_set(rv_dis *d, unsigned set)
{
    if (set == 0) { /* objdump's spelling of an empty set */
        emit(d, "unknown");
        return;
    }
    if (set & 8) emit(d, "i");
    if (set & 4) emit(d, "o");
    if (set & 2) emit(d, "r");
    if (set & 1) emit(d, "w");
}

static void dis_misc_mem(rv_dis *d, uint32_t i)
{
    unsigned f3 = rv_funct3(i);
    if (f3 == 1) {
        if (i != 0x0000100f) {
            unknown(d);
            return;
        }
        emit(d, "fence.i");
        return;
    }
    if (f3 != 0 || rv_rd(i) != 0 || rv_rs1(i) != 0) {
        unknown(d);
        return;
    }
    unsigned fm = i >> 28, pred = (i >> 24) & 15, succ = (i >> 20) & 15;
    if (i == 0x8330000f) {
        emit(d, "fence.tso");
        return;
    }
    if (fm != 0) {
        unknown(d);
        return;
    }
    if (i == 0x0100000f) { /* Zihintpause: fence w,0 */
        emit(d, "pause");
        return;
    }
    if (pred == 15 && succ == 15) {
        emit(d, "fence");
        return;
    }
    emit(d, "fence\t");
    dis_fence_set(d, pred);
    emit(d, ",");
    dis_fence_set(d, succ);
}

static void dis_amo(rv_dis *d, uint32_t i)
{
    static const char *const mn[32] = {
        [0x00] = "amoadd",  [0x01] = "amoswap", [0x02] = "lr",
        [0x03] = "sc",      [0x04] = "amoxor",  [0x08] = "amoor",
        [0x0c] = "amoand",  [0x10] = "amomin",  [0x14] = "amomax",
        [0x18] = "amominu", [0x1c] = "amomaxu"};
    static const char *const order[4] = {"", ".rl", ".aq", ".aqrl"};
    unsigned f3 = rv_funct3(i), f5 = i >> 27, rs2 = rv_rs2(i);
    if (!mn[f5] || (f3 != 2 && f3 != 3) || (f3 == 3 && d->xlen == 32)) {
        unknown(d);
        return;
    }
    if (f5 == 0x02 && rs2 != 0) {
        unknown(d);
        return;
    }
    emit(d, "%s.%c%s\t%s,", mn[f5], f3 == 2 ? 'w' : 'd', order[(i >> 25) & 3],
         xreg[rv_rd(i)]);
    if (f5 != 0x02) emit(d, "%s,", xreg[rs2]);
    emit(d, "(%s)", xreg[rv_rs1(i)]);
}

/* ---- Zicsr and privileged ---------------------------------------------- */

static void dis_csr(rv_dis *d, uint32_t i)
{
    unsigned f3 = rv_funct3(i), rd = rv_rd(i), rs1 = rv_rs1(i);
    unsigned csr = i >> 20;
    const char *name = csr_lookup(csr);
    char num[8];
    if (!name) {
        snprintf(num, sizeof num, "0x%x", csr);
        name = num;
    }
    /* binutils 2.40 drops the "i" of the immediate forms (csrrwi -> csrrw). */
    static const char *const mn[8] = {NULL, "csrrw", "csrrs", "csrrc",
                                      NULL, "csrrw", "csrrs", "csrrc"};
    int is_imm = f3 >= 5;
    const char *src = is_imm ? NULL : xreg[rs1];

    if (i == 0xc0001073) { /* csrrw zero,cycle,zero: the canonical unimp */
        emit(d, "unimp");
        return;
    }
    /* Pseudo-instructions from the Zicsr and F chapters. */
    if (f3 == 2 && rs1 == 0) {
        static const struct {
            uint16_t csr;
            const char *mn;
        } rd_alias[] = {
            {0x001, "frflags"},  {0x002, "frrm"},    {0x003, "frcsr"},
            {0xc00, "rdcycle"},  {0xc01, "rdtime"},  {0xc02, "rdinstret"},
            {0xc80, "rdcycleh"}, {0xc81, "rdtimeh"}, {0xc82, "rdinstreth"}};
        for (size_t k = 0; k < sizeof rd_alias / sizeof rd_alias[0]; k++) {
            if (rd_alias[k].csr == csr && (csr < 0xc80 || d->xlen == 32)) {
                emit(d, "%s\t%s", rd_alias[k].mn, xreg[rd]);
                return;
            }
        }
        emit(d, "csrr\t%s,%s", xreg[rd], name);
        return;
    }
    if ((f3 == 1 || f3 == 5) && csr >= 1 && csr <= 3 &&
        !(f3 == 5 && csr == 3)) {
        static const char *const fs[4] = {NULL, "fsflags", "fsrm", "fscsr"};
        emit(d, "%s%s\t", fs[csr], f3 == 5 ? "i" : "");
        /* objdump always shows rd for the immediate forms, even zero. */
        if (rd || is_imm) emit(d, "%s,", xreg[rd]);
        if (is_imm)
            emit(d, "%u", rs1);
        else
            emit(d, "%s", src);
        return;
    }
    if (!mn[f3]) {
        unknown(d);
        return;
    }
    if (rd == 0) {
        static const char *const short_mn[8] = {NULL, "csrw", "csrs", "csrc",
                                                NULL, "csrw", "csrs", "csrc"};
        if (is_imm)
            emit(d, "%s\t%s,%u", short_mn[f3], name, rs1);
        else
            emit(d, "%s\t%s,%s", short_mn[f3], name, src);
        return;
    }
    if (is_imm)
        emit(d, "%s\t%s,%s,%u", mn[f3], xreg[rd], name, rs1);
    else
        emit(d, "%s\t%s,%s,%s", mn[f3], xreg[rd], name, src);
}

static void dis_system(rv_dis *d, uint32_t i)
{
    if (rv_funct3(i) != 0) {
        dis_csr(d, i);
        return;
    }
    switch (i) {
    case 0x00000073: emit(d, "ecall"); return;
    case 0x00100073: emit(d, "ebreak"); return;
    case 0x10200073: emit(d, "sret"); return;
    case 0x30200073: emit(d, "mret"); return;
    case 0x10500073: emit(d, "wfi"); return;
    case 0x7b200073:
        emit(d, "dret");
        return; /* debug spec 4.8.1 */
    /* Removed from the privileged spec but still decoded by objdump. */
    case 0x00200073: emit(d, "uret"); return;
    case 0x20200073: emit(d, "hret"); return;
    default: break;
    }
    if ((i & 0xfff07fff) == 0x10400073) { /* priv 1.9 sfence.vm */
        emit(d, "sfence.vm");
        if (rv_rs1(i)) emit(d, "\t%s", xreg[rv_rs1(i)]);
        return;
    }
    if (rv_funct7(i) == 0x09 && rv_rd(i) == 0) {
        unsigned rs1 = rv_rs1(i), rs2 = rv_rs2(i);
        emit(d, "sfence.vma");
        if (rs2)
            emit(d, "\t%s,%s", xreg[rs1], xreg[rs2]);
        else if (rs1)
            emit(d, "\t%s", xreg[rs1]);
        return;
    }
    unknown(d);
}

/* ---- F and D ------------------------------------------------------------ */

/* Appends ",rm" unless the rounding mode is dynamic, as objdump does. */
static void emit_rm(rv_dis *d, uint32_t i)
{
    unsigned rm = rv_funct3(i);
    if (rm != 7) emit(d, ",%s", rm_name[rm]);
}

/* fcvt.d.s, fcvt.d.w and fcvt.d.wu are exact, so they have no rounding
 * operand; binutils 2.40 only decodes them with rm = 0 (rne). */
static int fcvt_is_exact(unsigned f7, unsigned rs2)
{
    return (f7 == 0x21 && rs2 == 0) || (f7 == 0x69 && rs2 <= 1);
}

static void dis_fp_load_store(rv_dis *d, uint32_t i, int store)
{
    unsigned f3 = rv_funct3(i);
    if (f3 != 2 && f3 != 3) {
        unknown(d);
        return;
    } /* other widths: V, Zfh */
    const char *mn =
        store ? (f3 == 2 ? "fsw" : "fsd") : (f3 == 2 ? "flw" : "fld");
    if (store)
        emit(d, "%s\t%s,%" PRId64 "(%s)", mn, freg[rv_rs2(i)], imm_s(i),
             xreg[rv_rs1(i)]);
    else
        emit(d, "%s\t%s,%" PRId64 "(%s)", mn, freg[rv_rd(i)], imm_i(i),
             xreg[rv_rs1(i)]);
}

static void dis_fma(rv_dis *d, uint32_t i)
{
    static const char *const mn[4] = {"fmadd", "fmsub", "fnmsub", "fnmadd"};
    unsigned fmt = (i >> 25) & 3;
    if (fmt > 1) {
        unknown(d);
        return;
    }
    emit(d, "%s.%c\t%s,%s,%s,%s", mn[(i >> 2) & 3], fmt ? 'd' : 's',
         freg[rv_rd(i)], freg[rv_rs1(i)], freg[rv_rs2(i)], freg[i >> 27]);
    emit_rm(d, i);
}

static void dis_op_fp(rv_dis *d, uint32_t i)
{
    unsigned f7 = rv_funct7(i), f3 = rv_funct3(i);
    unsigned rd = rv_rd(i), rs1 = rv_rs1(i), rs2 = rv_rs2(i);
    unsigned fmt = f7 & 3;
    char t = fmt ? 'd' : 's';
    int rv64 = d->xlen == 64;
    if (fmt > 1) {
        unknown(d);
        return;
    } /* Zfh / Q */

    switch (f7 >> 2) {
    case 0x00:
    case 0x01:
    case 0x02:
    case 0x03: {
        static const char *const mn[4] = {"fadd", "fsub", "fmul", "fdiv"};
        emit(d, "%s.%c\t%s,%s,%s", mn[f7 >> 2], t, freg[rd], freg[rs1],
             freg[rs2]);
        emit_rm(d, i);
        return;
    }
    case 0x0b:
        if (rs2 != 0) {
            unknown(d);
            return;
        }
        emit(d, "fsqrt.%c\t%s,%s", t, freg[rd], freg[rs1]);
        emit_rm(d, i);
        return;
    case 0x04: {
        static const char *const mn[3] = {"fsgnj", "fsgnjn", "fsgnjx"};
        static const char *const alias[3] = {"fmv", "fneg", "fabs"};
        if (f3 > 2) {
            unknown(d);
            return;
        }
        if (rs1 == rs2)
            emit(d, "%s.%c\t%s,%s", alias[f3], t, freg[rd], freg[rs1]);
        else
            emit(d, "%s.%c\t%s,%s,%s", mn[f3], t, freg[rd], freg[rs1],
                 freg[rs2]);
        return;
    }
    case 0x05:
        if (f3 > 1) {
            unknown(d);
            return;
        }
        emit(d, "%s.%c\t%s,%s,%s", f3 ? "fmax" : "fmin", t, freg[rd], freg[rs1],
             freg[rs2]);
        return;
    case 0x08: /* fcvt.s.d / fcvt.d.s */
        if (rs2 != (fmt ? 0u : 1u)) {
            unknown(d);
            return;
        }
        if (fcvt_is_exact(f7, rs2) && f3 != 0) {
            unknown(d);
            return;
        }
        emit(d, "fcvt.%c.%c\t%s,%s", t, fmt ? 's' : 'd', freg[rd], freg[rs1]);
        if (!fcvt_is_exact(f7, rs2)) emit_rm(d, i);
        return;
    case 0x14: {
        static const char *const mn[3] = {"fle", "flt", "feq"};
        if (f3 > 2) {
            unknown(d);
            return;
        }
        emit(d, "%s.%c\t%s,%s,%s", mn[f3], t, xreg[rd], freg[rs1], freg[rs2]);
        return;
    }
    case 0x18:
    case 0x1a: {
        static const char *const ity[4] = {"w", "wu", "l", "lu"};
        int to_int = (f7 >> 2) == 0x18;
        if (rs2 > 3 || (rs2 > 1 && !rv64)) {
            unknown(d);
            return;
        }
        if (fcvt_is_exact(f7, rs2) && f3 != 0) {
            unknown(d);
            return;
        }
        if (to_int)
            emit(d, "fcvt.%s.%c\t%s,%s", ity[rs2], t, xreg[rd], freg[rs1]);
        else
            emit(d, "fcvt.%c.%s\t%s,%s", t, ity[rs2], freg[rd], xreg[rs1]);
        if (!fcvt_is_exact(f7, rs2)) emit_rm(d, i);
        return;
    }
    case 0x1c:
        if (rs2 != 0) {
            unknown(d);
            return;
        }
        if (f3 == 1)
            emit(d, "fclass.%c\t%s,%s", t, xreg[rd], freg[rs1]);
        else if (f3 == 0 && (!fmt || rv64))
            emit(d, "fmv.x.%c\t%s,%s", fmt ? 'd' : 'w', xreg[rd], freg[rs1]);
        else
            unknown(d);
        return;
    case 0x1e:
        if (rs2 != 0 || f3 != 0 || (fmt && !rv64)) {
            unknown(d);
            return;
        }
        emit(d, "fmv.%c.x\t%s,%s", fmt ? 'd' : 'w', freg[rd], xreg[rs1]);
        return;
    default: unknown(d); return;
    }
}

/* ---- dispatch ----------------------------------------------------------- */

static void dis32(rv_dis *d, uint32_t i)
{
    switch (i & 0x7f) {
    case 0x37: emit(d, "lui\t%s,0x%x", xreg[rv_rd(i)], i >> 12); return;
    case 0x17: emit(d, "auipc\t%s,0x%x", xreg[rv_rd(i)], i >> 12); return;
    case 0x6f: dis_jal(d, i); return;
    case 0x67: dis_jalr(d, i); return;
    case 0x63: dis_branch(d, i); return;
    case 0x03: dis_load(d, i); return;
    case 0x23: dis_store(d, i); return;
    case 0x13: dis_op_imm(d, i); return;
    case 0x1b: dis_op_imm32(d, i); return;
    case 0x33: dis_op(d, i, 0); return;
    case 0x3b: dis_op(d, i, 1); return;
    case 0x0f: dis_misc_mem(d, i); return;
    case 0x2f: dis_amo(d, i); return;
    case 0x73: dis_system(d, i); return;
    case 0x07: dis_fp_load_store(d, i, 0); return;
    case 0x27: dis_fp_load_store(d, i, 1); return;
    case 0x43:
    case 0x47:
    case 0x4b:
    case 0x4f: dis_fma(d, i); return;
    case 0x53: dis_op_fp(d, i); return;
    default: unknown(d); return;
    }
}

/*
 * RVC HINTs (unpriv "RVC instruction set listings": rd = x0, or a zero
 * immediate/shift amount). objdump keeps their c. spelling rather than
 * expanding them, so they are recognised here before expansion. Returns 1
 * if c was a HINT and has been printed.
 */
static int dis16_hint(rv_dis *d, uint16_t c)
{
    unsigned q = c & 3, f3 = c >> 13, rd = (c >> 7) & 31, rs2 = (c >> 2) & 31;
    unsigned rdp = ((c >> 7) & 7) + 8;
    unsigned b12 = (c >> 12) & 1, sh = (b12 << 5) | rs2;
    int64_t imm6 = sext(sh, 6);

    if (q == 1 && f3 == 0 && rd == 0 && sh != 0)
        emit(d, "c.nop\t%" PRId64, imm6);
    else if (q == 1 && f3 == 0 && rd != 0 && sh == 0)
        emit(d, "add\t%s,%s,0", xreg[rd], xreg[rd]); /* c.addi rd,0 */
    else if (q == 1 && f3 == 2 && rd == 0)
        emit(d, "c.li\tzero,%" PRId64, imm6);
    else if (q == 1 && f3 == 3 && rd == 0 && sh != 0)
        emit(d, "c.lui\tzero,0x%x", (unsigned)((uint64_t)imm6 & 0xfffff));
    else if (q == 1 && f3 == 4 && ((c >> 10) & 3) < 2 && sh == 0)
        emit(d, "c.sr%ci64\t%s", (c >> 10) & 1 ? 'a' : 'l', xreg[rdp]);
    else if (q == 2 && f3 == 0 && sh == 0)
        emit(d, "c.slli64\t%s", xreg[rd]);
    else if (q == 2 && f3 == 0 && rd == 0 && !(d->xlen == 32 && b12))
        emit(d, "c.slli\tzero,0x%x", sh);
    else if (q == 2 && f3 == 4 && rd == 0 && rs2 != 0)
        emit(d, "c.%s\tzero,%s", b12 ? "add" : "mv", xreg[rs2]);
    else
        return 0;
    return 1;
}

/* objdump prints c.mv as "mv" although its expansion, add rd,zero,rs2, is
 * printed as "add" when it appears as a 32-bit instruction. */
static void dis16(rv_dis *d, uint16_t c)
{
    if (c == 0) {
        emit(d, "unimp");
        return;
    }
    if (dis16_hint(d, c)) return;
    uint32_t i = rv_expand_compressed(c, d->xlen, RV_C_F | RV_C_D);
    if (i == 0) {
        unknown(d);
        return;
    }
    if ((c & 0xf003) == 0x8002 && ((c >> 2) & 31) != 0) {
        emit(d, "mv\t%s,%s", xreg[rv_rd(i)], xreg[rv_rs2(i)]);
        return;
    }
    dis32(d, i);
}

unsigned rv_disasm(uint32_t insn, uint64_t pc, unsigned xlen, char *buf,
                   size_t buflen)
{
    rv_dis d = {.len = 0, .pc = pc, .xlen = xlen == 32 ? 32 : 64, .insn = insn};
    unsigned len = (insn & 3) == 3 ? 4 : 2;
    d.text[0] = '\0';
    if (len == 2)
        dis16(&d, (uint16_t)insn);
    else if ((insn & 0x1f) == 0x1f)
        emit(&d, "unknown"); /* 48-bit and longer: only 32 bits are here */
    else
        dis32(&d, insn);
    if (buflen > 0) {
        size_t n = d.len < buflen - 1 ? d.len : buflen - 1;
        memcpy(buf, d.text, n);
        buf[n] = '\0';
    }
    return len;
}
