// Branches (Arm ARM C6.2: B, BL, BR, BLR, RET, CBZ, CBNZ, TBZ, TBNZ,
// B.cond for every condition): x30 gets the return address, taken and
// not-taken paths of each conditional form.
        .include "harness.inc"

        // cond taken with flags set by "cmp a, b": the branch must go
        .macro taken a, b, cond
        mov     x9, #\a
        cmp     x9, #\b
        b.\cond 1f
        check_fail
1:
        .endm
        .macro not_taken a, b, cond
        mov     x9, #\a
        cmp     x9, #\b
        b.\cond 2f
        b       3f
2:      check_fail
3:
        .endm

        TEST_BEGIN branch
        b       1f
        check_fail
1:      bl      sub_ret7
ret_here:
        check_x x0, 7
        adr     x1, ret_here
        sub     x1, x30, x1
        check_x x1, 0
        adr     x2, sub_ret7
        blr     x2
        check_x x0, 7
        adr     x2, 4f
        br      x2
        check_fail
4:      adr     x30, 5f
        ret
        check_fail
5:      mov     x3, #0
        cbz     x3, 6f
        check_fail
6:      cbnz    x3, 7f
        mov     x3, #0x100000000
        cbz     w3, 8f                  // w3 is zero
        check_fail
7:      check_fail
8:      cbnz    x3, 9f
        check_fail
9:      tbnz    x3, #32, 10f
        check_fail
10:     tbz     x3, #31, 11f
        check_fail
11:     tbz     x3, #32, 12f
        tbnz    w3, #0, 12f
        b       13f
12:     check_fail
13:     taken   1, 1, eq
        not_taken 1, 2, eq
        taken   1, 2, ne
        taken   2, 1, hs
        not_taken 1, 2, hs
        taken   1, 2, lo
        taken   1, 2, mi
        taken   2, 1, pl
        taken   2, 1, hi
        not_taken 1, 1, hi
        taken   1, 1, ls
        taken   1, 1, ge
        taken   0, 1, lt
        not_taken 1, 1, lt
        taken   2, 1, gt
        not_taken 1, 1, gt
        taken   1, 1, le
        taken   1, 1, al
        // V: 0x8000000000000000 - 1 overflows
        mov     x9, #0x8000000000000000
        cmp     x9, #1
        b.vs    14f
        check_fail
14:     b.ge    15f                     // N != V: ge not taken
        b.lt    16f
15:     check_fail
16:     mov     x9, #1
        cmp     x9, #1
        b.vc    17f
        check_fail
17:     TEST_END

sub_ret7:
        mov     x0, #7
        ret
