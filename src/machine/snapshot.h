/* Snapshots: internal interface (placeholder until the snapshot code lands). */
#ifndef MACHINE_SNAPSHOT_H
#define MACHINE_SNAPSHOT_H

#include "libemu/snapshot.h"
#include "machine/machine.h"

/* Save the machine's state, sharing the RAM pages that equal prev's. */
emu_status snapshot_take(emu_machine *m, const emu_snapshot *prev,
                         emu_snapshot **out);

#endif
