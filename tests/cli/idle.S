/* Waits in wfi with every interrupt disabled: nothing can wake it. */
    .section .text.init, "ax"
    .globl _start
_start:
    csrwi mie, 0
1:  wfi
    j 1b
