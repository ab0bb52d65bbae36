/* Placeholder until the snapshot code lands: every call is unsupported. */
#include "machine/snapshot.h"

emu_status snapshot_take(emu_machine *m, const emu_snapshot *prev, emu_snapshot **out) { (void)m; (void)prev; *out = NULL; return EMU_ERR_UNSUPPORTED; }
emu_status emu_snapshot_save(emu_machine *m, emu_snapshot **out) { return snapshot_take(m, NULL, out); }
emu_status emu_snapshot_restore(emu_machine *m, const emu_snapshot *s) { (void)m; (void)s; return EMU_ERR_UNSUPPORTED; }
void emu_snapshot_free(emu_snapshot *s) { (void)s; }
size_t emu_snapshot_size(const emu_snapshot *s) { (void)s; return 0; }
emu_status emu_snapshot_write(const emu_snapshot *s, const char *p, char *e, size_t l) { (void)s; (void)p; (void)e; (void)l; return EMU_ERR_UNSUPPORTED; }
emu_status emu_snapshot_read(const char *p, emu_snapshot **o, char *e, size_t l) { (void)p; (void)o; (void)e; (void)l; return EMU_ERR_UNSUPPORTED; }
