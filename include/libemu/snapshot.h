/*
 * libemu snapshots: the whole state of a machine (every hart, RAM, the
 * devices, virtual time and the scheduler's position), saved to host memory
 * or a file, and restored into the same machine or into another one built
 * with the same configuration and devices. A restored machine continues
 * exactly as the original would have from that point. Since 0.3.
 *
 * What a snapshot does not hold: the contents of disk images (a virtio-blk
 * disk is a host file, written through; restoring does not undo writes),
 * the state of user-mode networking's host side (open TCP connections are
 * lost), and anything already sent to the host (console output).
 */
#ifndef LIBEMU_SNAPSHOT_H
#define LIBEMU_SNAPSHOT_H

#include "libemu/libemu.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct emu_snapshot emu_snapshot;

/*
 * Save the machine's state into a new snapshot, between runs (not from a
 * hook). EMU_ERR_NOMEM when host memory runs out; EMU_ERR_UNSUPPORTED for
 * a user-mode machine (libemu/user.h), whose process state lies outside it.
 */
emu_status emu_snapshot_save(emu_machine *m, emu_snapshot **out);
/*
 * Put the machine back in the state s holds. The machine must have been
 * built with the same configuration (architecture, ISA, privilege modes,
 * RAM, harts, board, devices in the same slots); otherwise EMU_ERR_INVALID
 * with the difference in emu_last_error(), and the machine is unchanged.
 */
emu_status emu_snapshot_restore(emu_machine *m, const emu_snapshot *s);
void emu_snapshot_free(emu_snapshot *s);
/* Host memory the snapshot holds, in bytes. */
size_t emu_snapshot_size(const emu_snapshot *s);

/*
 * Write a snapshot to a file, and read one back (to restore into a machine
 * built like the one it was saved from). The file format is versioned;
 * files of another version, truncated or damaged files give
 * EMU_ERR_FORMAT. On failure, when err/errlen are given, a description is
 * written there.
 */
emu_status emu_snapshot_write(const emu_snapshot *s, const char *path,
                              char *err, size_t errlen);
emu_status emu_snapshot_read(const char *path, emu_snapshot **out, char *err,
                             size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
