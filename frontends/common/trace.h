/*
 * Instruction traces for the emu commands (docs/tracing.md): --trace (one
 * line per retired instruction with its disassembly) and --log-commits
 * (Spike's commit log, line for line), both limited by --trace-range and
 * --trace-window.
 */
#ifndef FE_TRACE_H
#define FE_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libemu/debug.h"
#include "libemu/libemu.h"

typedef struct fe_trace_opts {
    bool trace;               /* --trace: disassembly on stderr */
    bool commits;             /* --log-commits[=FILE] */
    const char *commits_file; /* NULL: stderr */
    bool range;               /* --trace-range=LO-HI: lo <= pc < hi */
    uint64_t lo, hi;
    bool window;           /* --trace-window=START:COUNT */
    uint64_t start, count; /* count 0: to the end of the run */
} fe_trace_opts;

/*
 * If argv[*i] is one of the options above, take it (and its value, which
 * may be the next argument for --trace-range and --trace-window) and
 * return 1; return 0 if it is not; return -1 with a message in err when
 * its value is bad.
 */
int fe_trace_option(fe_trace_opts *t, int argc, char **argv, int *i, char *err,
                    size_t errlen);

/* NULL, or why the options do not go together. */
const char *fe_trace_check(const fe_trace_opts *t);

/* Whether the options log the instruction at pc that is the n-th (from 0)
 * to retire in the run. */
bool fe_trace_selects(const fe_trace_opts *t, uint64_t n, uint64_t pc);

typedef struct fe_tracer fe_tracer;

/*
 * Install the hooks the options ask for on m. Returns NULL when nothing
 * is traced, or on failure with err set (the log file cannot be opened).
 */
fe_tracer *fe_trace_start(emu_machine *m, const fe_trace_opts *t, char *err,
                          size_t errlen);
/* Write out buffered lines (before other output that should follow). */
void fe_trace_flush(fe_tracer *tr);
/* Remove the hooks, flush and close the outputs. NULL is ignored. */
void fe_trace_end(fe_tracer *tr);

/*
 * One commit record as a line of Spike's commit log, '\n' included, into
 * buf (always NUL-terminated). flen is the FP register width Spike would
 * print (64 with D, 32 with F only). Returns the line's length.
 */
size_t fe_commit_format(const emu_commit *c, unsigned flen, char *buf,
                        size_t len);

/* One --trace line, '\n' included; xlen decides the pc's width. */
size_t fe_trace_format(const emu_machine *m, unsigned xlen, unsigned hart,
                       uint64_t pc, uint32_t insn, unsigned ilen, char *buf,
                       size_t len);

#endif
