/*
 * What the emu and emu-sdl commands share: the command line (machine,
 * images, devices, display), building and booting the machine from it,
 * the run loop that feeds the terminal's keys to the guest and serves the
 * Ctrl-A escapes, screenshots, and the exit status. A frontend with a
 * window (emu-sdl) plugs in through fe_frontend's hooks; everything else
 * is the same code for both.
 */
#ifndef FE_FRONTEND_H
#define FE_FRONTEND_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "libemu/libemu.h"
#include "trace.h"

#define FE_EXIT_USAGE 2
#define FE_EXIT_LOAD 1
#define FE_EXIT_BUDGET 124 /* like timeout(1) */
#define FE_EXIT_IDLE 125
#define FE_EXIT_SIGINT 130

#define FE_MAX_DEVICES 32

typedef enum fe_display {
    FE_DISPLAY_DEFAULT, /* sdl for emu-sdl, none for emu */
    FE_DISPLAY_NONE,
    FE_DISPLAY_SDL,
} fe_display;

typedef struct fe_device {
    const char *flag; /* the option as given, for messages: "--drive" */
    char kind[16];    /* emu_device_add()'s kind */
    const char *opts; /* its options (may be NULL) */
} fe_device;

typedef struct fe_options {
    const char *isa;
    const char *priv;
    uint64_t ram_base, ram_size;
    unsigned harts;
    uint64_t max_insns;
    const char *signature;
    unsigned sig_gran;
    bool stats;
    fe_trace_opts tracing;
    const char *program;
    /* virt board */
    emu_board board;
    const char *bios, *kernel, *initrd, *append, *dump_dtb;
    fe_device devices[FE_MAX_DEVICES];
    unsigned ndevices;
    fe_display display;
    const char *screenshot;
    int realtime; /* -1: the default (see fe_realtime) */
    const char *gdb; /* -gdb tcp::PORT (-s: tcp::1234) */
    bool gdb_wait;   /* -S */
    int record;      /* --record=on|off; -1: on with a debugger */
    bool no_default_input;
    /* snapshots: restore this file before running; save to that one at
     * exit and on Ctrl-A w */
    const char *load_snapshot, *save_snapshot;
} fe_options;

/* The window side of a frontend; every hook may be NULL. */
typedef struct fe_frontend {
    const char *prog; /* "emu", "emu-sdl" */
    bool has_window;  /* --display sdl is available and the default */
    /* Open the window for a machine with a display; false (after a
     * message) ends the program with status 1. */
    bool (*open)(emu_machine *m, const fe_options *o);
    /* Between runs: serve window events, redraw when due. May wait up to
     * timeout_ms for events. False when the user closed the window. */
    bool (*poll)(emu_machine *m, int timeout_ms);
    void (*close)(void);
} fe_frontend;

/* The whole program: parse argv, build and boot the machine, run it,
 * and return the exit status. */
int fe_main(const fe_frontend *fe, int argc, char **argv);

#endif
