.arch armv8.2-a+lse+crc+crypto+fp16+rcpc
.text
add x0, x1, #16
add x0, x1, #1, lsl #12
add sp, x1, #0
mov x0, sp
adds w3, w4, #4095
cmp x0, #16
cmn w0, #3
ccmp x0, #3, #0, ne
ccmp x0, x1, #15, eq
movz x0, #0x1234, lsl #16
mov x0, #-1
movn w0, #5
movk x0, #0x1234, lsl #16
mov x0, #0xff
and x0, x1, #0xff
orr x0, xzr, #0x5555555555555555
tst w0, #1
ldr x0, [x1, #8]
ldr x0, [x1, #-8]
ldp x29, x30, [sp, #-16]!
ldp x29, x30, [sp], #16
ldr w0, [x1, x2, lsl #2]
ldr x0, [x1, w2, sxtw]
ldrb w0, [x1, x2]
ldrb w0, [x1, x2, lsl #0]
ubfx x0, x1, #3, #4
lsl x0, x1, #3
adr x0, .
adrp x0, .
b .+8
bl .-8
cbz x0, .
tbz w0, #3, .
b.ne .
csel x0, x1, x2, lt
cset w0, eq
mrs x0, tpidr_el0
msr fpcr, x0
mrs x0, s3_0_c15_c2_0
msr daifset, #3
fmov d0, #1.0
fmov s0, #-2.5
fadd d0, d1, d2
fcvtzs w0, d1
ldr q0, [x0, #16]
add v0.4s, v1.4s, v2.4s
mov v1.s[2], w0
ld4 {v0.16b-v3.16b}, [x0]
ld1 {v0.16b}, [x0], #16
dup v0.4s, w1
movi v0.4s, #0x10, lsl #8
ldaxr x0, [x1]
stlxr w2, x0, [x1]
ldadd x0, x1, [x2]
casal x0, x1, [x2]
svc #0
brk #0x3e8
hint #0x22
isb
dmb ish
dsb sy
add x0, x1, x2, lsl #3
add x0, sp, x2
add x0, x1, w2, uxtw #2
sub sp, sp, x2
neg x0, x1
mvn x0, x1
mul x0, x1, x2
sdiv x0, x1, x2
rev x0, x1
clz w0, w1
ret
ret x1
.inst 0x00000000
prfm pldl1keep, [x0]
ldur x0, [x0, #-3]
ldr x0, .
scvtf d0, x1
fcmp d0, #0.0
fccmp d0, d1, #4, ne
orr x0, xzr, #0xff
orr w0, wzr, #0xffff0000
b.cs .
b.cc .
cmp wzr, w1
subs wzr, wzr, w1
prfm #0x18, [x0]
dc zva, x0
ic ivau, x1
sys #0, c7, c5, #7
sys #3, c7, c5, #7, x3
clrex
clrex #3
isb #3
dsb #0
dmb #4
ssbb
and x0, x1, x2, lsr #0
ubfm x0, x1, #0, #7
bfc x0, #3, #4
ldxr x0, [sp]
stlxp w0, x1, x2, [x3]
ldar x1, [x0]
stadd x0, [x2]
staddl x0, [x2]
swpal w0, w1, [x2]
ldapr x0, [x1]
casp x0, x1, x2, x3, [x4]
mov x0, #0x1234
movz x0, #0, lsl #16
movn w0, #0xffff
movn x0, #0xffff, lsl #16
sbfx x0, x1, #0, #8
add w0, wsp, w2, uxtw #2
add w0, w1, w2, uxtw
mrs x0, nzcv
mrs x0, fpsr
mrs x0, midr_el1
mrs x0, cntvct_el0
mrs x0, dczid_el0
mrs x0, ctr_el0
ldtrsb w0, [x1, #3]
ldr q0, [x1, x2, lsl #4]
ldr b0, [x1, x2, lsl #0]
ldr b0, [x1, x2]
str h0, [x1, w2, uxtw #1]
msr spsel, #1
msr pan, #1
fmov x0, v0.d[1]
fmov v0.d[1], x0
scvtf d0, x1, #3
fmov h0, w1
fcvt h0, d1
fcsel d0, d1, d2, ge
fmadd s0, s1, s2, s3
ldr x0, [x1, #0]
ldp w0, w1, [x1]
