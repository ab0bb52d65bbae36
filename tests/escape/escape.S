/*
 * A guest that tries to reach memory outside what the machine owns (issue
 * 11's guest-escape test). It runs in M mode on the virt board with 64 MiB
 * of RAM and a virtio-blk disk in slot 0, and tries, one probe at a time:
 * loads, stores, atomics and fetches past RAM, below it, at the top of the
 * address space and wrapping around it; a page table that maps a virtual
 * page onto physical addresses past RAM; and virtio-blk requests whose
 * buffers lie past RAM, wrap, are huge, or whose descriptors loop or whose
 * rings lie outside RAM. Each must end in the architectural fault or the
 * device error it calls for. The finisher reports 0 when every probe
 * behaved, else the number of the first probe that did not.
 *
 * QEMU's virt board (run the same ELF with -bios none) agrees on probes
 * 1-17 but for two choices it makes differently: an AMO that faults raises
 * a load access fault there (probe 12; the spec says store/AMO), and its
 * devices accept AMOs (probe 13; ours do not, which the PMA rules allow).
 * Its virtio-blk does not flag the hostile requests with NEEDS_RESET.
 */
    .option norvc

#define RAM_END     0x84000000      /* 0x80000000 + 64 MiB */
#define FINISHER    0x00100000
#define VIRTIO      0x10001000
#define SCRATCH     0x80100000      /* the page table */
#define QBASE       0x80101000      /* the virtqueue and request */

#define V_STATUS    0x070
#define V_DRV_FSEL  0x024
#define V_DRV_FEAT  0x020
#define V_QSEL      0x030
#define V_QNUM      0x038
#define V_QREADY    0x044
#define V_NOTIFY    0x050
#define V_DESC_LO   0x080
#define V_DESC_HI   0x084
#define V_AVAIL_LO  0x090
#define V_AVAIL_HI  0x094
#define V_USED_LO   0x0a0
#define V_USED_HI   0x0a4
#define NEEDS_RESET 0x40

/*
 * s0: probe number; s2: the mcause of the last trap (-1: none);
 * s3: where the trap handler resumes (0: the next instruction);
 * s4: VIRTIO base; s5: SCRATCH; s6: QBASE.
 */

/* Start probe n: no trap seen yet. */
.macro PROBE n
    li s0, \n
    li s2, -1
.endm
/* The probe must have trapped with cause c. */
.macro EXPECT c
    li t6, \c
    bne s2, t6, fail
.endm

    .section .text.init
    .globl _start
_start:
    la t0, trap
    csrw mtvec, t0
    li s3, 0
    li s4, VIRTIO
    li s5, SCRATCH
    li s6, QBASE

    /* ---- loads and stores that no memory answers ---- */
    li a0, RAM_END
    PROBE 1
    ld t0, 0(a0)
    EXPECT 5
    PROBE 2
    sd t0, 0(a0)
    EXPECT 7
    PROBE 3
    lw t0, -2(a0)           /* misaligned across RAM's end */
    EXPECT 5
    PROBE 4
    sd t0, -4(a0)
    EXPECT 7
    li a0, 0x0fff0000       /* a hole in the map (QEMU has PCIe below RAM) */
    PROBE 5
    ld t0, 0(a0)
    EXPECT 5
    li a0, -8               /* the top of the address space */
    PROBE 6
    ld t0, 0(a0)
    EXPECT 5
    PROBE 7
    ld t0, 4(a0)            /* misaligned, wrapping to address 0 */
    EXPECT 5
    PROBE 8
    sd t0, 4(a0)
    EXPECT 7
    li a0, 1
    slli a0, a0, 63
    PROBE 9
    ld t0, 0(a0)
    EXPECT 5
    PROBE 10
    sd t0, 0(a0)
    EXPECT 7

    /* ---- atomics ---- */
    li a0, RAM_END
    PROBE 11
    lr.d t0, (a0)
    EXPECT 5
    PROBE 12
    amoadd.d t0, t1, (a0)
    EXPECT 7
    li a0, 0x10000000       /* the UART: devices take no atomics */
    PROBE 13
    amoswap.w t0, t1, (a0)
    EXPECT 7

    /* ---- fetches ---- */
    PROBE 14
    la s3, 1f
    li a0, RAM_END
    jr a0
1:  EXPECT 1
    PROBE 15
    la s3, 1f
    li a0, -4
    jr a0
1:  EXPECT 1

    /* ---- a page table onto physical memory past RAM ---- */
    /* PMP: let S mode reach everything, so only the bus can refuse */
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f             /* NAPOT, RWX */
    csrw pmpcfg0, t0
    /* Sv39 root table at SCRATCH: entry 1 maps the gigapage at virtual
     * 0x40000000 onto physical 0x1_0000_0000 (nothing there), entry 2
     * maps 0x80000000 onto itself (this code) */
    li t0, (0x100000000 >> 12) << 10 | 0xcf     /* V R W X A D */
    sd t0, 8(s5)
    li t0, (0x80000000 >> 12) << 10 | 0xcf
    sd t0, 16(s5)
    srli t0, s5, 12
    li t1, 8
    slli t1, t1, 60
    or t0, t0, t1
    csrw satp, t0
    sfence.vma
    li t0, 1 << 11          /* MPP = S */
    csrs mstatus, t0
    la t0, in_s
    csrw mepc, t0
    mret
in_s:
    li a0, 0x40000000
    PROBE 16
    ld t0, 0(a0)
    EXPECT 5                /* an access fault, not a page fault */
    PROBE 17
    sd t0, 8(a0)
    EXPECT 7
    la s3, back_in_m
    ecall                   /* to M: the handler comes back below */
back_in_m:
    csrw satp, zero
    sfence.vma

    /* ---- virtio-blk DMA ---- */
    /* a request whose data buffer lies past RAM's end */
    PROBE 18
    call blk_setup
    li a1, RAM_END - 256
    li a2, 512
    call blk_request
    call blk_notify
    call blk_broken
    /* a buffer that wraps around the address space */
    PROBE 19
    call blk_setup
    li a1, -4096
    li a2, 8192
    call blk_request
    call blk_notify
    call blk_broken
    /* a huge buffer */
    PROBE 20
    call blk_setup
    li a1, 0x80000000
    li a2, 0xffffffff
    call blk_request
    call blk_notify
    call blk_broken
    /* a descriptor chain that loops */
    PROBE 21
    call blk_setup
    li a1, SCRATCH + 0x3000
    li a2, 512
    call blk_request
    li t0, 3                /* descriptor 2 (status) goes back to 1 */
    sh t0, 0x2c(s6)       /* flags: NEXT | WRITE */
    li t0, 1
    sh t0, 0x2e(s6)       /* next: 1, which leads to 2 again */
    call blk_notify
    call blk_broken
    /* rings placed past RAM: the queue does not become ready */
    PROBE 22
    call blk_setup_status
    li t0, RAM_END - 64
    sw t0, V_DESC_LO(s4)
    li t0, 1
    sw t0, V_QREADY(s4)
    lw t0, V_QREADY(s4)
    bnez t0, fail
    /* and the disk still works after all that */
    PROBE 23
    call blk_setup
    li a1, SCRATCH + 0x3000
    li a2, 512
    call blk_request
    call blk_notify
    lw t0, V_STATUS(s4)
    andi t0, t0, NEEDS_RESET
    bnez t0, fail
    lbu t0, 0x400(s6)       /* the request's status byte: OK */
    bnez t0, fail

    li t0, 0x5555
    li t1, FINISHER
    sw t0, 0(t1)
1:  j 1b

fail:
    csrw satp, zero         /* a probe in S mode: reach the finisher */
    sfence.vma
    slli t0, s0, 16
    li t1, 0x3333
    or t0, t0, t1
    li t1, FINISHER
    sw t0, 0(t1)
1:  j 1b

/*
 * Reset the device and bring its queue 0 up with 8 entries: descriptors at
 * QBASE, the available ring at QBASE + 0x100, the used ring at + 0x200. blk_setup_status stops before the queue.
 */
blk_setup_status:
    sw zero, V_STATUS(s4)
    li t0, 3                /* ACKNOWLEDGE | DRIVER */
    sw t0, V_STATUS(s4)
    li t0, 1
    sw t0, V_DRV_FSEL(s4)
    sw t0, V_DRV_FEAT(s4)   /* VERSION_1 */
    sw zero, V_DRV_FSEL(s4)
    sw zero, V_DRV_FEAT(s4)
    li t0, 11               /* | FEATURES_OK */
    sw t0, V_STATUS(s4)
    sw zero, V_QSEL(s4)
    li t0, 8
    sw t0, V_QNUM(s4)
    ret
blk_setup:
    mv t5, ra
    call blk_setup_status
    li t0, QBASE
    sw t0, V_DESC_LO(s4)
    sw zero, V_DESC_HI(s4)
    li t0, QBASE + 0x100
    sw t0, V_AVAIL_LO(s4)
    sw zero, V_AVAIL_HI(s4)
    li t0, QBASE + 0x200
    sw t0, V_USED_LO(s4)
    sw zero, V_USED_HI(s4)
    /* empty rings */
    sd zero, 0x100(s6)
    sd zero, 0x200(s6)
    li t0, 1
    sw t0, V_QREADY(s4)
    li t0, 15               /* | DRIVER_OK */
    sw t0, V_STATUS(s4)
    mv ra, t5
    ret

/*
 * Post a read of sector 0 into [a1, a1 + a2): header at QBASE + 0x300,
 * status byte at QBASE + 0x400; blk_notify hands it to the device.
 * Descriptors 0 (header), 1 (data, device-writable), 2 (status,
 * device-writable).
 */
blk_request:
    mv t1, s6
    sd zero, 0x300(s6)      /* type IN, reserved */
    sd zero, 0x308(s6)      /* sector 0 */
    li t0, 0xff
    sb t0, 0x400(s6)
    li t0, QBASE + 0x300
    sd t0, 0(t1)
    li t0, 16
    sw t0, 8(t1)
    li t0, 1 | 1 << 16      /* flags NEXT, next 1 */
    sw t0, 12(t1)
    sd a1, 16(t1)
    sw a2, 24(t1)
    li t0, 3 | 2 << 16      /* flags NEXT | WRITE, next 2 */
    sw t0, 28(t1)
    li t0, QBASE + 0x400
    sd t0, 32(t1)
    li t0, 1
    sw t0, 40(t1)
    li t0, 2                /* flags WRITE */
    sw t0, 44(t1)
    /* available ring: flags 0, idx 1, ring[0] = 0 */
    li t0, 1 << 16
    sw t0, 0x100(s6)
    sh zero, 0x104(s6)
    ret
blk_notify:
    fence
    sw zero, V_NOTIFY(s4)
    ret

/* The device must have given up on the request: DEVICE_NEEDS_RESET. */
blk_broken:
    lw t0, V_STATUS(s4)
    andi t0, t0, NEEDS_RESET
    beqz t0, fail
    ret

/*
 * Trap handler: note the cause; resume at s3 when it is set (a fetch that
 * faulted, the ecall back from S mode, which also returns to M), else at
 * the next instruction.
 */
    .align 2
trap:
    csrr s2, mcause
    beqz s3, 1f
    csrw mepc, s3
    li s3, 0
    li t6, 9
    bne s2, t6, 2f
    li t6, 3 << 11          /* from S by ecall: go back to M */
    csrs mstatus, t6
2:  mret
1:  csrr t6, mepc
    addi t6, t6, 4
    csrw mepc, t6
    mret
