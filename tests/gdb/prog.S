/*
 * The program tests/system/test_gdb.py debugs with gdb-multiarch, for RV32
 * and RV64 alike: hart 0 counts to 5 in `counter`, making an ecall each
 * round that the M-mode handler `trap_handler` steps over, then passes
 * through HTIF; other harts count in `other_counter` forever.
 */
    .section .text.init, "ax"
    .globl _start
_start:
    la t0, trap_handler
    csrw mtvec, t0
    csrr a0, mhartid
    bnez a0, other_hart
    li s0, 0
    .globl loop
loop:
    addi s0, s0, 1
    la t1, counter
    .globl store
store:
    sw s0, 0(t1)
    .globl call_trap
call_trap:
    ecall
    li t2, 5
    blt s0, t2, loop
    .globl done
done:
    la t1, tohost
    li t2, 1
    sw t2, 0(t1)
    sw zero, 4(t1)
1:  j 1b

    .globl other_hart
other_hart:
    la t1, other_counter
2:  lw t2, 0(t1)
    addi t2, t2, 1
    sw t2, 0(t1)
    j 2b

    .align 2
    .globl trap_handler
trap_handler:
    csrr t3, mepc
    addi t3, t3, 4
    csrw mepc, t3
    mret

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .align 6
    .globl fromhost
fromhost: .dword 0

    .data
    .globl counter
counter: .word 0
    .globl other_counter
other_counter: .word 0
