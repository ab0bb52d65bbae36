/* HTIF: the tohost/fromhost host interface of Spike and riscv-tests. */
#ifndef DEVICES_HTIF_H
#define DEVICES_HTIF_H

#include <stdbool.h>
#include <stdint.h>

struct emu_machine;
struct snap_w;
struct snap_r;
typedef struct dev_htif dev_htif;

dev_htif *dev_htif_new(struct emu_machine *m);
void dev_htif_free(dev_htif *h);
/* Watch tohost at this guest physical address; fromhost may be 0 (absent). */
bool dev_htif_attach(dev_htif *h, uint64_t tohost, uint64_t fromhost);
/* Handle a request left in tohost (called between scheduling quanta, for
 * programs that write only part of the 64-bit word). */
void dev_htif_poll(dev_htif *h);
/* Snapshots (as dev_ops.save/load): where tohost and fromhost are, so a
 * machine restored without loading the ELF still talks HTIF. */
void dev_htif_save(dev_htif *h, struct snap_w *w);
bool dev_htif_load(dev_htif *h, struct snap_r *r, bool commit);

#endif
