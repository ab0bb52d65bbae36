/* Known instructions for the --log-commits and --trace tests
 * (test_cli.sh checks their lines): a register write, stores of each
 * size, a load, a CSR write, a write to x0, a fence and compressed
 * instructions, at fixed addresses from 0x80000000; data at 0x80002000.
 * Built for RV32 and RV64 (XLEN). Exits with status 0 through tohost. */
    .section .text.init, "ax"
    .globl _start
_start:
    .option push
    .option norvc
    li t0, 5                /* 0x80000000 */
    la t1, data             /* 0x80000004, 0x80000008 */
    sb t0, 0(t1)            /* 0x8000000c */
    sh t0, 2(t1)            /* 0x80000010 */
    sw t0, 4(t1)            /* 0x80000014 */
    lw t2, 4(t1)            /* 0x80000018 */
    csrw mscratch, t0       /* 0x8000001c */
    addi zero, t0, 1        /* 0x80000020 */
    fence                   /* 0x80000024 */
    .option pop
    c.addi t0, 3            /* 0x80000028 */
    c.mv a0, t0             /* 0x8000002a */
    .option push
    .option norvc
#if __riscv_xlen == 64
    sd t0, 8(t1)            /* 0x8000002c */
#else
    sw t0, 8(t1)
#endif
    li t1, 1
    la t0, tohost
1:  sw t1, 0(t0)
    sw zero, 4(t0)
    j 1b
    .option pop

    .data
    .align 4
data:
    .dword 0, 0

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .align 6
    .globl fromhost
fromhost: .dword 0
