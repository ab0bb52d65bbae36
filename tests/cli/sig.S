/* A program with a riscv-arch-test style signature region: it stores known
 * words there and exits with status 0 through tohost. */
    .section .text.init, "ax"
    .globl _start
_start:
    la t0, begin_signature
    li t1, 0x01234567
    sw t1, 0(t0)
    li t1, 0x89abcdef
    sw t1, 4(t0)
    li t1, 0xdeadbeef
    sw t1, 8(t0)
    li t1, 1
    la t0, tohost
1:  sw t1, 0(t0)
    sw zero, 4(t0)
    j 1b

    .data
    .align 4
    .globl begin_signature
begin_signature:
    .word 0, 0, 0
    .globl end_signature
end_signature:

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .align 6
    .globl fromhost
fromhost: .dword 0
