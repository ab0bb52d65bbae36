/* Read-only memory: a region whose contents the board fills in (the virt
 * board's reset vector and boot information). */
#ifndef DEVICES_ROM_H
#define DEVICES_ROM_H

#include <stddef.h>
#include <stdint.h>

#include "devices/device.h"

typedef struct dev_rom dev_rom;

extern const dev_ops dev_rom_ops;

dev_rom *dev_rom_new(size_t size);
void dev_rom_free(dev_rom *r);
/* The contents, for the board to write (size bytes, zeroed at creation). */
uint8_t *dev_rom_data(dev_rom *r);

#endif
