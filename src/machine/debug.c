/* Placeholder until the debugger core lands: every call is unsupported. */
#include "libemu/debug.h"
#include "machine/machine.h"

emu_status emu_breakpoint_add(emu_machine *m, uint64_t a) { (void)m; (void)a; return EMU_ERR_UNSUPPORTED; }
emu_status emu_breakpoint_remove(emu_machine *m, uint64_t a) { (void)m; (void)a; return EMU_ERR_UNSUPPORTED; }
emu_status emu_watchpoint_add(emu_machine *m, uint64_t a, uint64_t l, emu_watch_kind k) { (void)m; (void)a; (void)l; (void)k; return EMU_ERR_UNSUPPORTED; }
emu_status emu_watchpoint_remove(emu_machine *m, uint64_t a, uint64_t l, emu_watch_kind k) { (void)m; (void)a; (void)l; (void)k; return EMU_ERR_UNSUPPORTED; }
void emu_debug_clear(emu_machine *m) { (void)m; }
emu_status emu_step(emu_machine *m, unsigned h, emu_exit *e) { (void)m; (void)h; (void)e; return EMU_ERR_UNSUPPORTED; }
emu_status emu_run_from_breakpoint(emu_machine *m, unsigned h, uint64_t n, emu_exit *e) { (void)h; return emu_run(m, n, e); }
emu_status emu_mem_read_virt(emu_machine *m, unsigned h, uint64_t va, void *b, size_t l, size_t *d) { (void)m; (void)h; (void)va; (void)b; (void)l; (void)d; return EMU_ERR_UNSUPPORTED; }
emu_status emu_mem_write_virt(emu_machine *m, unsigned h, uint64_t va, const void *b, size_t l, size_t *d) { (void)m; (void)h; (void)va; (void)b; (void)l; (void)d; return EMU_ERR_UNSUPPORTED; }
emu_status emu_translate(emu_machine *m, unsigned h, uint64_t va, uint64_t *pa) { (void)m; (void)h; (void)va; (void)pa; return EMU_ERR_UNSUPPORTED; }
emu_status emu_hook_code(emu_machine *m, uint64_t lo, uint64_t hi, emu_code_hook_fn f, void *c, int *id) { (void)m; (void)lo; (void)hi; (void)f; (void)c; (void)id; return EMU_ERR_UNSUPPORTED; }
emu_status emu_hook_mem(emu_machine *m, uint64_t lo, uint64_t hi, emu_mem_hook_fn f, void *c, int *id) { (void)m; (void)lo; (void)hi; (void)f; (void)c; (void)id; return EMU_ERR_UNSUPPORTED; }
emu_status emu_hook_trap(emu_machine *m, emu_trap_hook_fn f, void *c, int *id) { (void)m; (void)f; (void)c; (void)id; return EMU_ERR_UNSUPPORTED; }
emu_status emu_hook_csr(emu_machine *m, emu_csr_hook_fn f, void *c, int *id) { (void)m; (void)f; (void)c; (void)id; return EMU_ERR_UNSUPPORTED; }
emu_status emu_hook_remove(emu_machine *m, int id) { (void)m; (void)id; return EMU_ERR_UNSUPPORTED; }
void emu_set_commit_hook(emu_machine *m, emu_commit_fn f, void *c) { (void)m; (void)f; (void)c; }
emu_status emu_history_enable(emu_machine *m, const emu_history_config *c) { (void)m; (void)c; return EMU_ERR_UNSUPPORTED; }
void emu_history_disable(emu_machine *m) { (void)m; }
bool emu_history_enabled(const emu_machine *m) { (void)m; return false; }
emu_status emu_reverse_step(emu_machine *m, unsigned h, emu_exit *e) { (void)m; (void)h; (void)e; return EMU_ERR_UNSUPPORTED; }
emu_status emu_reverse_continue(emu_machine *m, emu_exit *e) { (void)m; (void)e; return EMU_ERR_UNSUPPORTED; }
