/*
 * Reverse execution (libemu/debug.h): snapshots along the timeline, and
 * going back by restoring one and running forward again. Internal header.
 */
#ifndef MACHINE_HISTORY_H
#define MACHINE_HISTORY_H

#include "machine/machine.h"

/* emu_run() while history is recorded: runs in pieces that end where a
 * snapshot is due, and takes it. */
emu_status history_run(emu_machine *m, uint64_t max_insns, emu_exit *ex);
/* The caller changed the machine's state (registers, memory, a reset or a
 * restore): the recorded past no longer leads here, so history starts
 * again from the current state. */
void history_state_changed(emu_machine *m);
void history_free(emu_machine *m);

#endif
