/* Loops forever: for --max-insns and for wfi with nothing to wake it. */
    .section .text.init, "ax"
    .globl _start
_start:
    csrr t0, mhartid
    bnez t0, 2f
1:  j 1b
2:  wfi
    j 2b
    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
