/* The virt board's memory map and interrupt numbers (QEMU's riscv virt). */
#ifndef MACHINE_VIRT_H
#define MACHINE_VIRT_H

#include <stdint.h>

enum {
    VIRT_MROM,   /* reset vector and fw_dynamic_info */
    VIRT_TEST,   /* SiFive test finisher: power-off, reboot */
    VIRT_RTC,    /* goldfish RTC */
    VIRT_CLINT,
    VIRT_PLIC,
    VIRT_UART0,
    VIRT_VIRTIO, /* the first of VIRT_VIRTIO_SLOTS slots, size apart */
    VIRT_DRAM,
    VIRT_COUNT
};

typedef struct virt_region {
    uint64_t base, size;
} virt_region;

extern const virt_region virt_map[VIRT_COUNT];

#define VIRT_VIRTIO_SLOTS 8
#define VIRT_VIRTIO_IRQ 1 /* slot n raises PLIC source 1 + n */
#define VIRT_UART0_IRQ 10
#define VIRT_RTC_IRQ 11
#define VIRT_PLIC_SOURCES 96 /* sources 1..95, as QEMU's riscv,ndev */
#define VIRT_UART_CLOCK 3686400
#define VIRT_TEST_POWEROFF 0x5555
#define VIRT_TEST_RESET 0x7777

#endif
