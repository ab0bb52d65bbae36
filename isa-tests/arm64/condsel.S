// Conditional select and conditional compare (Arm ARM C6.2: CSEL, CSINC,
// CSINV, CSNEG and aliases; CCMP, CCMN with register and immediate).
        .include "harness.inc"
        TEST_BEGIN condsel
        mov     x0, #1
        mov     x1, #2
        cmp     x0, x1
        csel    x2, x0, x1, lt
        check_x x2, 1
        cmp     x0, x1
        csel    x2, x0, x1, gt
        check_x x2, 2
        cmp     x0, x1
        csinc   x2, x0, x1, eq
        check_x x2, 3
        cmp     x0, x1
        csinv   x2, x0, x1, hs
        check_x x2, -3
        cmp     x0, x1
        csneg   x2, x0, x1, mi
        check_x x2, 1
        cmp     x0, x1
        csneg   w2, w0, w1, pl
        check_x x2, 0xfffffffe
        cmp     x0, x0
        cset    x2, eq
        check_x x2, 1
        cmp     x0, x0
        csetm   w2, ne
        check_x x2, 0
        cmp     x0, x0
        csetm   x2, ls
        check_x x2, -1
        cmp     x1, x0
        cinc    x2, x1, hi
        check_x x2, 3
        cmp     x1, x0
        cneg    x2, x1, ge
        check_x x2, -2
        // al / nv always choose the first operand
        csel    x2, x0, x1, al
        check_x x2, 1
        // CCMP: condition true compares, false sets the given flags
        cmp     x0, x0
        ccmp    x1, #2, #0, eq          // true: 2 - 2 -> Z C
        check_nzcv 0x60000000
        cmp     x0, x1
        ccmp    x1, #2, #0xf, eq        // false: NZCV = 1111
        check_nzcv 0xf0000000
        cmp     x0, x0
        ccmn    x1, x1, #0, eq          // 2 + 2
        check_nzcv 0x00000000
        mov     w3, #0x7fffffff
        cmp     x0, x0
        ccmn    w3, #1, #0, ne          // false
        check_nzcv 0x00000000
        cmp     x0, x0
        ccmn    w3, #1, #0, eq          // true: overflow
        check_nzcv 0x90000000
        cmp     x0, x0
        ccmp    x0, x1, #2, vc          // true: 1 - 2
        check_nzcv 0x80000000
        TEST_END
