/*
 * The eight virtio-mmio slots of the virt board (0x10001000 + 0x1000 n,
 * n = 0..7) with no device behind them, as a bare-metal kernel probes
 * them (virtio 1.2, 4.2.2 "MMIO Device Register Layout" and 4.2.3.1.1
 * "Driver Requirements: Device Initialization"): MagicValue (0x000) reads
 * 0x74726976 ("virt"), Version (0x004) reads 2 (the non-legacy interface,
 * what xv6-style kernels insist on), DeviceID (0x008) reads 0, which
 * means "no device": the driver "MUST ... abort initialization" there
 * without touching anything else.
 *   n + 1   slot n (checks 1-8) reads all three as required.
 * QEMU's empty slots read the same when its virtio-mmio transport runs
 * in non-legacy mode (-global virtio-mmio.force-legacy=false, as run-qemu
 * and xv6's Makefile give it; QEMU 7.2's default is the legacy Version 1).
 */
#include "virt.h"

TEST_BEGIN
    li s0, VIRTIO0
    li s1, 0                    /* slot */
1:  addi TESTNUM, s1, 1
    lw a0, VIRTIO_MAGIC(s0)
    li t0, 0x74726976
    bne a0, t0, 2f
    lw a0, VIRTIO_VERSION(s0)
    li t0, 2
    bne a0, t0, 2f
    lw a0, VIRTIO_DEVICE_ID(s0)
    bnez a0, 2f
    li t0, VIRTIO_STRIDE
    add s0, s0, t0
    addi s1, s1, 1
    li t0, VIRTIO_SLOTS
    bne s1, t0, 1b
    TEST_PASS
2:  TEST_FAIL
TEST_END
