/*
 * The interpreter on random instruction streams. The input starts with a
 * header that picks the machine and the hart's state; the rest are the
 * instruction bytes, placed at the RAM base where the hart starts:
 *
 *   byte 0   bit 0: RV32 (else RV64)      bit 1: virt board (else test)
 *            bit 2: two harts             bit 3: satp on (Sv32 / Sv39..57)
 *            bit 4: no zicclsm (misaligned accesses trap)
 *            bits 5-6: privilege to start in (0 U, 1 S, 2 and 3 M)
 *   byte 1   satp mode for RV64 (0 Sv39, 1 Sv48, 2 Sv57), page-table root
 *            page in RAM from bits 2-7
 *   8 bytes  mstatus        4 bytes medeleg      2 bytes mideleg
 *   2 bytes  mie            4 bytes mtvec offset into RAM (low 2 bits: mode)
 *   1 byte   pmpcfg0 (entry 0; pmpaddr0 covers all memory when it is NAPOT)
 *   8 bytes  register seeds: x1..x31 start as pointers into RAM made from them
 *
 * Every run stops within RUN_BUDGET instructions (traps count), so an input
 * can neither crash nor hang the emulator without that being a bug.
 */
#include "fuzz.h"

#define RAM_SIZE (1ull << 20)
#define RUN_BUDGET 10000
#define CSR(n) (EMU_REG_CSR + (n))

enum {
    CSR_MSTATUS = 0x300, CSR_MEDELEG = 0x302, CSR_MIDELEG = 0x303,
    CSR_MIE = 0x304, CSR_MTVEC = 0x305, CSR_SATP = 0x180,
    CSR_PMPCFG0 = 0x3a0, CSR_PMPADDR0 = 0x3b0,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t flags = fz_u8(&in);
    uint8_t vm = fz_u8(&in);
    uint64_t mstatus = fz_u64(&in);
    uint32_t medeleg = fz_u32(&in);
    uint16_t mideleg = fz_u16(&in);
    uint16_t mie = fz_u16(&in);
    uint32_t mtvec = fz_u32(&in);
    uint8_t pmpcfg = fz_u8(&in);
    uint8_t seeds[8];
    for (unsigned i = 0; i < 8; i++)
        seeds[i] = fz_u8(&in);

    bool rv32 = flags & 1;
    emu_config cfg = emu_config_default(rv32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.board = flags & 2 ? EMU_BOARD_VIRT : EMU_BOARD_TEST;
    cfg.harts = flags & 4 ? 2 : 1;
    if (flags & 16)
        cfg.isa = rv32 ? "rv32imafdc_zba_zbb_zbs_zbc_zicond_sstc"
                       : "rv64imafdc_zba_zbb_zbs_zbc_zicond_sstc";
    cfg.ram_base = FZ_RAM_BASE;
    cfg.ram_size = RAM_SIZE;
    cfg.rtc_start_ns = 1; /* not the host's clock: runs stay repeatable */
    emu_machine *m = fz_machine(&cfg);

    const uint8_t *code;
    size_t n = fz_take(&in, RAM_SIZE, &code);
    if (n)
        emu_mem_write(m, FZ_RAM_BASE, code, n);

    uint64_t root = (FZ_RAM_BASE >> 12) + (vm >> 2);
    uint64_t satp = 0;
    if (flags & 8)
        satp = rv32 ? 1ull << 31 | root
                    : (uint64_t)(8 + (vm & 3) % 3) << 60 | root;
    unsigned priv = (flags >> 5) & 3;
    if (priv == 2)
        priv = 3;
    for (unsigned h = 0; h < cfg.harts; h++) {
        /* the CSRs' own write rules apply: an illegal value is refused or
         * legalized, as it would be for the guest */
        emu_reg_write_num(m, h, CSR(CSR_MSTATUS), mstatus);
        emu_reg_write_num(m, h, CSR(CSR_MEDELEG), medeleg);
        emu_reg_write_num(m, h, CSR(CSR_MIDELEG), mideleg);
        emu_reg_write_num(m, h, CSR(CSR_MIE), mie);
        emu_reg_write_num(m, h, CSR(CSR_MTVEC),
                          FZ_RAM_BASE + (mtvec & (RAM_SIZE - 1)));
        emu_reg_write_num(m, h, CSR(CSR_PMPADDR0), rv32 ? 0xffffffffu : ~0ull >> 10);
        emu_reg_write_num(m, h, CSR(CSR_PMPCFG0), pmpcfg);
        emu_reg_write_num(m, h, CSR(CSR_SATP), satp);
        for (unsigned r = 1; r < 32; r++)
            emu_reg_write_num(m, h, r,
                              FZ_RAM_BASE + (((uint64_t)seeds[r & 7] << 12) +
                                             r * 8) % RAM_SIZE);
        emu_reg_write_num(m, h, EMU_REG_PC, FZ_RAM_BASE);
        emu_reg_write_num(m, h, EMU_REG_PRIV, priv);
    }

    emu_exit e;
    emu_run(m, RUN_BUDGET, &e);
    emu_machine_free(m);
    return 0;
}
