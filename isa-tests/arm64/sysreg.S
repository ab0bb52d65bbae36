// System registers EL0 may use under Linux (Arm ARM D13/D17): TPIDR_EL0,
// FPCR/FPSR, CTR_EL0, DCZID_EL0 with DC ZVA, the generic timer's
// CNTVCT_EL0/CNTFRQ_EL0, and the ID registers (MIDR_EL1,
// ID_AA64ISAR0_EL1) that Linux's MRS emulation shows EL0 (its
// Documentation/arch/arm64/cpu-feature-registers.rst). Values that are
// implementation defined are checked only for what the architecture fixes.
        .include "harness.inc"
        TEST_BEGIN sysreg
        ldr     x0, =0x0123456789abcdef
        msr     tpidr_el0, x0
        mrs     x1, tpidr_el0
        check_x x1, 0x0123456789abcdef
        mrs     x1, tpidrro_el0         // Linux: 0 for a new process
        check_x x1, 0
        // FPCR: rounding mode (bits 23:22), FZ (24), DN (25) read back
        mov     x0, #(3 << 22) | (1 << 25)
        msr     fpcr, x0
        mrs     x1, fpcr
        check_x x1, (3 << 22) | (1 << 25)
        msr     fpcr, xzr
        mrs     x1, fpcr
        check_x x1, 0
        // FPSR: cumulative flags, set by an FP exception and by MSR
        msr     fpsr, xzr
        fmov    d0, #1.0
        movi    d1, #0
        fdiv    d2, d0, d1              // divide by zero: DZC (bit 1)
        mrs     x1, fpsr
        check_x x1, 0x2
        ldr     x0, =(1 << 27) | 1      // QC, IOC
        msr     fpsr, x0
        mrs     x1, fpsr
        check_x x1, (1 << 27) | 1
        msr     fpsr, xzr
        // CTR_EL0: bit 31 is RES1; DminLine (19:16) at least 16 bytes
        mrs     x1, ctr_el0
        lsr     x2, x1, #31
        and     x2, x2, #1
        check_x x2, 1
        ubfx    x2, x1, #16, #4
        cmp     x2, #2
        cset    x2, hs
        check_x x2, 1
        // DCZID_EL0: DZP (bit 4) clear, so DC ZVA zeroes 4 << BS bytes
        mrs     x1, dczid_el0
        ubfx    x2, x1, #4, #1
        check_x x2, 0
        and     x3, x1, #15
        mov     x4, #4
        lsl     x4, x4, x3              // block size in bytes
        adrp    x5, buf
        add     x5, x5, :lo12:buf
        mov     x6, #-1
        mov     x7, #0
9:      str     x6, [x5, x7]            // fill 2048 bytes with ones
        add     x7, x7, #8
        cmp     x7, #2048
        b.lo    9b
        add     x8, x5, #1024           // buf is 2048-aligned: aligned block
        add     x9, x8, #8              // DC ZVA rounds the address down
        dc      zva, x9
        ldr     x10, [x8]
        check_x x10, 0
        sub     x11, x4, #8
        ldr     x10, [x8, x11]          // the block's last word
        check_x x10, 0
        ldr     x10, [x8, x4]           // the word after: untouched
        check_x x10, -1
        ldur    x10, [x8, #-8]          // the word before: untouched
        check_x x10, -1
        // the timer counts up; its frequency is non-zero
        mrs     x1, cntvct_el0
        mov     x2, #1000
8:      subs    x2, x2, #1
        b.ne    8b
        isb
        mrs     x3, cntvct_el0
        cmp     x3, x1
        cset    x2, hs
        check_x x2, 1
        mrs     x1, cntfrq_el0
        cmp     x1, #0
        cset    x2, ne
        check_x x2, 1
        // ID registers through the kernel's emulation: MIDR's architecture
        // field (19:16) is 0xf; ID_AA64ISAR0's AES field (7:4) is non-zero
        // on a CPU with the crypto extension
        mrs     x1, midr_el1
        ubfx    x2, x1, #16, #4
        check_x x2, 0xf
        mrs     x1, id_aa64isar0_el1
        ubfx    x2, x1, #4, #4
        cmp     x2, #0
        cset    x2, ne
        check_x x2, 1
        ubfx    x2, x1, #16, #4         // CRC32
        check_x x2, 1
        TEST_END

        .bss
        .p2align 11
buf:    .skip   2048
