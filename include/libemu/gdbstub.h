/*
 * libemu GDB stub: the GDB remote serial protocol on top of the public API
 * (libemu.h, debug.h), so stock gdb-multiarch can debug a machine: target
 * description, registers, memory by virtual address, breakpoints,
 * watchpoints, steps, harts as threads, monitor commands and reverse
 * execution when history is recorded. Since 0.3.
 *
 * Two layers:
 *  - a session (emu_gdb) is fed the bytes the debugger sends and writes its
 *    answers through a callback; it opens no socket, so a program can carry
 *    the protocol over anything (tests and fuzzers feed it directly).
 *  - a server (emu_gdb_server) listens on a TCP port, accepts one debugger
 *    at a time and runs a session over the connection, without blocking
 *    unless asked to wait, so a frontend serves its console and window
 *    between calls.
 *
 * While the debugger has the guest stopped, the caller only feeds input.
 * When the debugger resumes it (continue, step, reverse), the session's
 * state becomes EMU_GDB_RUNNING and the caller calls emu_gdb_run() with an
 * instruction budget, feeding input between calls so that the debugger's
 * interrupt (Ctrl-C) gets through. Splitting a run into budgets does not
 * change it.
 *
 * Packets are at most EMU_GDB_PACKET_MAX bytes (advertised to the debugger
 * as PacketSize); longer or malformed ones get an error reply and change
 * nothing.
 */
#ifndef LIBEMU_GDBSTUB_H
#define LIBEMU_GDBSTUB_H

#include "libemu/debug.h"
#include "libemu/libemu.h"

#ifdef __cplusplus
extern "C" {
#endif

#define EMU_GDB_PACKET_MAX 16384

typedef struct emu_gdb emu_gdb;

/* Receives bytes for the debugger (whole packets or single acks). */
typedef void (*emu_gdb_send_fn)(void *ctx, const void *buf, size_t len);

typedef enum emu_gdb_state {
    EMU_GDB_STOPPED, /* the guest waits while the debugger gives commands */
    EMU_GDB_RUNNING, /* the debugger resumed the guest: call emu_gdb_run() */
    EMU_GDB_DETACHED, /* the debugger detached: its breakpoints and
                         watchpoints are gone, the guest may run on */
    EMU_GDB_KILLED,  /* the debugger killed the guest: end the program */
    EMU_GDB_EXITED,  /* the guest halted and the debugger was told */
} emu_gdb_state;

/*
 * A session on machine m. The guest counts as stopped: the debugger's first
 * question gets the harts' current state. The session never frees m.
 */
emu_status emu_gdb_new(emu_machine *m, emu_gdb_send_fn send, void *ctx,
                       emu_gdb **out);
/* End a session: breakpoints and watchpoints it set are removed. */
void emu_gdb_free(emu_gdb *g);

/* Bytes received from the debugger, any split. Replies go out through the
 * send callback before this returns. */
void emu_gdb_input(emu_gdb *g, const void *buf, size_t len);

emu_gdb_state emu_gdb_get_state(const emu_gdb *g);

/*
 * While EMU_GDB_RUNNING: run the guest as the debugger asked, for at most
 * max_insns instructions (0: until something stops it). When it stops for
 * the debugger (a breakpoint, a watchpoint, a step done, an interrupt, the
 * guest halting) the debugger is told and the state changes; otherwise it
 * stays EMU_GDB_RUNNING. *exit (may be NULL) gets emu_run()'s exit; an
 * EMU_EXIT_STOPPED the session did not ask for (emu_request_stop() from
 * elsewhere, e.g. a signal handler) is returned without telling the
 * debugger, so the caller decides; so are user-mode emulation's
 * EMU_EXIT_SYSCALL and EMU_EXIT_EXCEPTION (libemu/user.h), which the
 * caller handles before running on. EMU_EXIT_HALT: exit->code is the
 * guest's status.
 */
emu_status emu_gdb_run(emu_gdb *g, uint64_t max_insns, emu_exit *exit);

/*
 * Signals, for user-mode emulation (libemu/user.h), in Linux's numbering
 * (the session translates to and from GDB's own).
 *
 * emu_gdb_report_signal: while EMU_GDB_RUNNING, tell the debugger that the
 * program stopped on hart because it received signal sig (GDB prints
 * "Program received signal SIGSEGV"); the state becomes EMU_GDB_STOPPED.
 * Nothing is delivered: once the debugger resumes, the caller delivers
 * what emu_gdb_resume_signal() says, as a debugger on Linux decides
 * whether a stopped program gets its signal (continue passes it; "signal
 * 0" drops it, and a fault then happens again).
 *
 * emu_gdb_resume_signal: the signal the debugger's last resume asked to
 * deliver (c/s: 0; C/S/vCont;C/S: the one given, translated; 0 too for
 * a GDB signal with no Linux number).
 */
emu_status emu_gdb_report_signal(emu_gdb *g, unsigned hart, int sig);
int emu_gdb_resume_signal(const emu_gdb *g);

/* ---- TCP server ---------------------------------------------------------- */

typedef struct emu_gdb_server emu_gdb_server;

/*
 * Listen for a debugger on host:port (host NULL or "" is localhost; port 0
 * picks a free port, see emu_gdb_server_port()). On failure, when
 * err/errlen are given, a description is written there.
 */
emu_status emu_gdb_server_open(emu_machine *m, const char *host,
                               unsigned port, emu_gdb_server **out,
                               char *err, size_t errlen);
/* Close the connection (removing the debugger's breakpoints) and stop
 * listening. */
void emu_gdb_server_close(emu_gdb_server *s);
unsigned emu_gdb_server_port(const emu_gdb_server *s);

/*
 * Wait up to timeout_ms (0: do not wait, -1: forever) for a debugger to
 * connect or to send something, and serve it: accept a connection (a
 * second one while a debugger is attached is refused), feed received bytes
 * to the session. A session that ended (detach, or the debugger closed the
 * connection) is closed, and the server listens again. Returns EMU_OK, or
 * EMU_ERR_IO when the listening socket failed.
 */
emu_status emu_gdb_server_poll(emu_gdb_server *s, int timeout_ms);

/* The attached debugger's session, NULL when none is attached. */
emu_gdb *emu_gdb_server_session(emu_gdb_server *s);

#ifdef __cplusplus
}
#endif

#endif
