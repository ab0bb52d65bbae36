/*
 * Prints the digits 0 to 9, one a line, with a pause between them, then
 * exits with status 0: for the snapshot tests, which stop it half way,
 * save, and resume from the file. Through HTIF on the test board, or with
 * -DVIRT through the virt board's UART and test finisher (-bios none).
 */
#define UART 0x10000000
#define FINISHER 0x100000

    .section .text.init, "ax"
    .globl _start
_start:
    csrr t0, mhartid
    bnez t0, park
    li s0, '0'
    li s1, '9' + 1
digit:
    mv a0, s0
    jal putc
    li a0, '\n'
    jal putc
    li t1, 20000
1:  addi t1, t1, -1
    bnez t1, 1b
    addi s0, s0, 1
    bne s0, s1, digit
#ifdef VIRT
    li t0, FINISHER
    li t1, 0x5555
    sw t1, 0(t0)
#else
    li t1, 1
    la t0, tohost
    sd t1, 0(t0)
#endif
park:
    wfi
    j park

/* a0: the byte to print */
putc:
#ifdef VIRT
    li t0, UART
    sb a0, 0(t0)
#else
    li t0, 0x0101               /* device 1 (console), command 1 (print) */
    slli t0, t0, 48
    or t0, t0, a0
    la t2, tohost
    sd t0, 0(t2)
#endif
    ret

#ifndef VIRT
    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .align 6
    .globl fromhost
fromhost: .dword 0
#endif
