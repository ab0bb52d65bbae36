/*
 * Start-up code for bare-metal C programs on the HTIF test board: one hart
 * runs main() in M mode with a stack at the top of the image; the others
 * wait. main's return value becomes the exit status.
 */
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
    la t0, trap
    csrw mtvec, t0
    /* switch the FPU on (mstatus.FS = Initial); FS stays 0 without F */
    li t0, 1 << 13
    csrs mstatus, t0
    /* clear .bss */
    la t0, __bss_start
    la t1, __bss_end
2:  bgeu t0, t1, 3f
    sb zero, 0(t0)
    addi t0, t0, 1
    j 2b
3:  call main
    call exit

    /* any trap is a bug in the program: exit with status 255 */
    .align 2
trap:
    li a0, 255
    call exit
