/*
 * Start-up and trap entry for benchmark guests, RV32 and RV64. Hart 0 runs
 * bench_setup() in M mode, which prepares the mode the workload runs in
 * (PMP, delegation, page tables) and returns it; main() then runs in that
 * mode, and its return value becomes the HTIF exit status.
 */
#if __riscv_xlen == 64
#define REG_S sd
#define REG_L ld
#define REGBYTES 8
#else
#define REG_S sw
#define REG_L lw
#define REGBYTES 4
#endif

    .section .text.init, "ax"
    .globl _start
_start:
    csrr t0, mhartid
1:  bnez t0, 1b
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    la t0, mtrap_entry
    csrw mtvec, t0
    /* mstatus.FS = Initial, so the FP workload may use F/D (WARL: ignored
     * without them) */
    li t0, 0x2000
    csrs mstatus, t0
    la t0, __bss_start
    la t1, __bss_end
2:  bgeu t0, t1, 3f
    REG_S zero, 0(t0)
    addi t0, t0, REGBYTES
    j 2b
3:  call bench_setup
    li t0, 3
    beq a0, t0, run_main
    /* priv spec 3.3.2: mret enters the mode in mstatus.MPP at mepc */
    li t0, 0x1800
    csrc mstatus, t0
    slli a0, a0, 11
    csrs mstatus, a0
    la t0, run_main
    csrw mepc, t0
    mret
run_main:
    call main
    call bench_exit

/*
 * Trap entry: save the registers a C call may clobber in a frame indexed by
 * register number, call handler(cause, epc, tval, frame), resume at the pc
 * it returns. The frame goes on the interrupted code's stack, which the
 * identity mapping (or bare addressing) makes valid in the handler's mode.
 */
.macro TRAP_ENTRY name, handler, cause, epc, tval, ret
    .align 2
    .globl \name
\name:
    addi sp, sp, -32 * REGBYTES
    REG_S x1, 1 * REGBYTES(sp)
    REG_S x5, 5 * REGBYTES(sp)
    REG_S x6, 6 * REGBYTES(sp)
    REG_S x7, 7 * REGBYTES(sp)
    REG_S x10, 10 * REGBYTES(sp)
    REG_S x11, 11 * REGBYTES(sp)
    REG_S x12, 12 * REGBYTES(sp)
    REG_S x13, 13 * REGBYTES(sp)
    REG_S x14, 14 * REGBYTES(sp)
    REG_S x15, 15 * REGBYTES(sp)
    REG_S x16, 16 * REGBYTES(sp)
    REG_S x17, 17 * REGBYTES(sp)
    REG_S x28, 28 * REGBYTES(sp)
    REG_S x29, 29 * REGBYTES(sp)
    REG_S x30, 30 * REGBYTES(sp)
    REG_S x31, 31 * REGBYTES(sp)
    csrr a0, \cause
    csrr a1, \epc
    csrr a2, \tval
    mv a3, sp
    call \handler
    csrw \epc, a0
    REG_L x1, 1 * REGBYTES(sp)
    REG_L x5, 5 * REGBYTES(sp)
    REG_L x6, 6 * REGBYTES(sp)
    REG_L x7, 7 * REGBYTES(sp)
    REG_L x10, 10 * REGBYTES(sp)
    REG_L x11, 11 * REGBYTES(sp)
    REG_L x12, 12 * REGBYTES(sp)
    REG_L x13, 13 * REGBYTES(sp)
    REG_L x14, 14 * REGBYTES(sp)
    REG_L x15, 15 * REGBYTES(sp)
    REG_L x16, 16 * REGBYTES(sp)
    REG_L x17, 17 * REGBYTES(sp)
    REG_L x28, 28 * REGBYTES(sp)
    REG_L x29, 29 * REGBYTES(sp)
    REG_L x30, 30 * REGBYTES(sp)
    REG_L x31, 31 * REGBYTES(sp)
    addi sp, sp, 32 * REGBYTES
    \ret
.endm

    .text
    TRAP_ENTRY mtrap_entry, bench_mtrap, mcause, mepc, mtval, mret
    TRAP_ENTRY strap_entry, bench_strap, scause, sepc, stval, sret
