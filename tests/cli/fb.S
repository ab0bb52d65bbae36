/*
 * Draws four coloured quadrants into the virt board's display and says
 * "fb ready" on the UART, then waits for a 'q' on the UART to power off
 * through the test finisher. For emu and emu-sdl's --screenshot tests:
 * run with -M virt -m 64M -bios none -kernel and a 1024x768 display,
 * whose framebuffer follows RAM (0x80000000 + 64 MiB; docs/virt.md).
 *   top left red, top right green, bottom left blue, bottom right white
 */
#define FB 0x84000000
#define WIDTH 1024
#define HEIGHT 768
#define UART 0x10000000
#define FINISHER 0x100000

    .section .text.init, "ax"
    .globl _start
_start:
    csrr t0, mhartid
    bnez t0, park
    li s0, FB
    li s2, WIDTH / 2
    li s3, HEIGHT / 2
    li s4, WIDTH
    li s5, HEIGHT
    li t1, 0                    /* y */
row:
    li t2, 0                    /* x */
col:
    /* colour index: (y >= H/2) * 2 + (x >= W/2) */
    sltu t3, t2, s2
    xori t3, t3, 1
    sltu t4, t1, s3
    xori t4, t4, 1
    slli t4, t4, 1
    or t3, t3, t4
    slli t3, t3, 2
    la t4, colours
    add t4, t4, t3
    lw t5, 0(t4)
    sw t5, 0(s0)
    addi s0, s0, 4
    addi t2, t2, 1
    blt t2, s4, col
    addi t1, t1, 1
    blt t1, s5, row

    li s1, UART
    la t0, ready
1:  lbu t1, 0(t0)
    beqz t1, wait
2:  lbu t2, 5(s1)               /* LSR: THR empty? */
    andi t2, t2, 0x20
    beqz t2, 2b
    sb t1, 0(s1)
    addi t0, t0, 1
    j 1b

wait:
    lbu t2, 5(s1)               /* LSR: data ready? */
    andi t2, t2, 1
    beqz t2, wait
    lbu t2, 0(s1)
    li t3, 'q'
    bne t2, t3, wait
    li t0, FINISHER
    li t1, 0x5555               /* power off, status 0 */
    sw t1, 0(t0)
park:
    wfi
    j park

    .section .data
    .balign 4
colours:
    .word 0x00ff0000, 0x0000ff00, 0x000000ff, 0x00ffffff
ready:
    .asciz "fb ready\n"
