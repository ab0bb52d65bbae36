/*
 * A GDB remote protocol session (libemu/gdbstub.h): packets in, replies
 * out through a callback, the guest run in budgets by emu_gdb_run(). Only
 * the public API is used, and architecture specifics come from gdb_arch.h.
 *
 * Harts are GDB threads, thread id = hart + 1 (GDB reserves 0 for "any"
 * and -1 for "all"). The session is all-stop: every hart runs or waits
 * together, as emu_run() runs them.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdbstub/gdb_arch.h"
#include "gdbstub/gdb_packet.h"
#include "libemu/gdbstub.h"
#include "libemu/user.h"

/* SIGTRAP, SIGINT, SIGABRT as GDB numbers them */
#define SIG_TRAP 5
#define SIG_INT 2
#define SIG_ABRT 6

/* memory moves per `m` packet: its hex reply must fit in a packet */
#define MEM_CHUNK (GDB_PACKET_MAX / 2 - 8)

typedef enum resume_kind {
    RESUME_CONT,
    RESUME_STEP,
    RESUME_RCONT,
    RESUME_RSTEP,
} resume_kind;

/* Z0 and Z1 both become libemu breakpoints; which ones GDB asked for
 * decides the stop reason reported (swbreak or hwbreak). */
#define BP_SW 1
#define BP_HW 2

struct emu_gdb {
    emu_machine *m;
    const gdb_arch *arch;
    emu_gdb_send_fn send;
    void *ctx;
    emu_gdb_state state;
    bool noack;
    /* what GDB said it understands in qSupported */
    bool gdb_swbreak, gdb_hwbreak;

    unsigned ghart; /* Hg: registers and memory */
    unsigned chart; /* Hc: what c and s resume */
    resume_kind resume;
    unsigned resume_hart;
    bool first_chunk; /* the next chunk passes a breakpoint at the pc */
    int resume_sig;   /* the signal the last resume delivers (Linux) */
    bool interrupt;   /* 0x03 arrived while running */
    bool touched;     /* breakpoints or watchpoints were set */
    int exit_code;    /* the guest's status once EMU_GDB_EXITED */
    /*
     * GDB treats RISC-V watchpoints as firing before the access: after a
     * watchpoint stop it removes its watchpoints, single-steps the thread
     * over the access and looks at the value. libemu stops after the
     * access, so that step has happened already: it is answered without
     * running. watch_step: a watchpoint stopped watch_hart and nothing
     * since changed the machine; watch_removed: GDB then removed a
     * watchpoint, as it does before that step. Going backwards the same
     * holds the other way round: libemu stops before the access, where
     * GDB's reverse step over it would end.
     */
    bool watch_step, watch_removed, watch_reverse;
    unsigned watch_hart;

    unsigned nbps;
    struct {
        uint64_t addr;
        unsigned kinds;
    } bps[EMU_MAX_BREAKPOINTS];
    unsigned nwps;
    struct {
        uint64_t addr, len;
        emu_watch_kind kind;
    } wps[EMU_MAX_WATCHPOINTS];

    /* the target description document being read, kept between chunks */
    char xml_annex[32];
    char *xml;
    size_t xml_len;

    gdb_framer in;
    gdb_buf reply;
    uint8_t mem[MEM_CHUNK];
    size_t framelen; /* the last packet sent, for a NAK */
    char frame[2 * GDB_REPLY_MAX + 4];
};

/* ---- output ------------------------------------------------------------- */

static void send_raw(emu_gdb *g, const char *s, size_t n)
{
    if (g->send)
        g->send(g->ctx, s, n);
}

static void send_packet(emu_gdb *g, const char *data, size_t len)
{
    g->framelen = gdb_frame(data, len, g->frame, sizeof(g->frame));
    send_raw(g, g->frame, g->framelen);
}

/* Send the reply built in g->reply; one that overflowed is an error. */
static void send_reply(emu_gdb *g)
{
    if (g->reply.full) {
        gdb_buf_reset(&g->reply);
        gdb_buf_str(&g->reply, "E01");
    }
    send_packet(g, g->reply.data, g->reply.len);
}

static void reply_str(emu_gdb *g, const char *s)
{
    gdb_buf_reset(&g->reply);
    gdb_buf_str(&g->reply, s);
    send_reply(g);
}

/* Console output for the user: an `O` packet, allowed while the guest
 * runs and before the final reply of qRcmd. */
static void send_console(emu_gdb *g, const char *text)
{
    gdb_buf_reset(&g->reply);
    gdb_buf_str(&g->reply, "O");
    gdb_buf_hex(&g->reply, text, strlen(text));
    send_reply(g);
}

/* ---- breakpoint and watchpoint bookkeeping ---------------------------------- */

static int bp_find(const emu_gdb *g, uint64_t addr)
{
    for (unsigned i = 0; i < g->nbps; i++)
        if (g->bps[i].addr == addr)
            return (int)i;
    return -1;
}

static bool bp_insert(emu_gdb *g, uint64_t addr, unsigned kind)
{
    int i = bp_find(g, addr);
    if (i >= 0) {
        g->bps[i].kinds |= kind;
        return true;
    }
    if (g->nbps == EMU_MAX_BREAKPOINTS ||
        emu_breakpoint_add(g->m, addr) != EMU_OK)
        return false;
    g->touched = true;
    g->bps[g->nbps].addr = addr;
    g->bps[g->nbps++].kinds = kind;
    return true;
}

static bool bp_remove(emu_gdb *g, uint64_t addr, unsigned kind)
{
    int i = bp_find(g, addr);
    if (i < 0 || !(g->bps[i].kinds & kind))
        return false;
    g->bps[i].kinds &= ~kind;
    if (g->bps[i].kinds)
        return true;
    g->bps[i] = g->bps[--g->nbps];
    return emu_breakpoint_remove(g->m, addr) == EMU_OK;
}

static bool wp_insert(emu_gdb *g, uint64_t addr, uint64_t len,
                      emu_watch_kind kind)
{
    if (g->nwps == EMU_MAX_WATCHPOINTS ||
        emu_watchpoint_add(g->m, addr, len, kind) != EMU_OK)
        return false;
    g->touched = true;
    g->wps[g->nwps].addr = addr;
    g->wps[g->nwps].len = len;
    g->wps[g->nwps++].kind = kind;
    return true;
}

static bool wp_remove(emu_gdb *g, uint64_t addr, uint64_t len,
                      emu_watch_kind kind)
{
    for (unsigned i = 0; i < g->nwps; i++)
        if (g->wps[i].addr == addr && g->wps[i].len == len &&
            g->wps[i].kind == kind) {
            g->wps[i] = g->wps[--g->nwps];
            return emu_watchpoint_remove(g->m, addr, len, kind) == EMU_OK;
        }
    return false;
}

static void debug_clear(emu_gdb *g)
{
    if (g->touched)
        emu_debug_clear(g->m);
    g->touched = false;
    g->nbps = g->nwps = 0;
}

/*
 * The address to report for a watchpoint hit at addr. GDB matches it
 * against [start, start + len) of its watchpoints; an access that overlaps
 * a watched range from below starts outside it, so report the range's
 * start then.
 */
static uint64_t watch_report_addr(const emu_gdb *g, uint64_t addr)
{
    for (unsigned i = 0; i < g->nwps; i++)
        if (addr - g->wps[i].addr < g->wps[i].len)
            return addr;
    for (unsigned i = 0; i < g->nwps; i++)
        if (g->wps[i].addr > addr && g->wps[i].addr - addr < 16)
            return g->wps[i].addr;
    return addr;
}

/* ---- signals ------------------------------------------------------------ */

/*
 * Linux's signal numbers (riscv64, as asm-generic) and GDB's (the remote
 * protocol's, from GDB's include/gdb/signals.def) for signals 1 to 31;
 * they agree on only some of them.
 */
static const unsigned char linux_to_gdb[32] = {
    [1] = 1,   [2] = 2,   [3] = 3,   [4] = 4,   [5] = 5,   [6] = 6,
    [7] = 10,  /* SIGBUS */           [8] = 8,   [9] = 9,
    [10] = 30, /* SIGUSR1 */          [11] = 11,
    [12] = 31, /* SIGUSR2 */          [13] = 13, [14] = 14, [15] = 15,
    [17] = 20, /* SIGCHLD */          [18] = 19, /* SIGCONT */
    [19] = 17, /* SIGSTOP */          [20] = 18, /* SIGTSTP */
    [21] = 21, [22] = 22, [23] = 16, /* SIGURG */
    [24] = 24, [25] = 25, [26] = 26, [27] = 27, [28] = 28,
    [29] = 23, /* SIGIO */            [30] = 32, /* SIGPWR */
    [31] = 12, /* SIGSYS */
};

static int gdb_sig_of(int linux_sig)
{
    if (linux_sig > 0 && linux_sig < 32 && linux_to_gdb[linux_sig])
        return linux_to_gdb[linux_sig];
    return 143; /* GDB_SIGNAL_UNKNOWN */
}

static int linux_sig_of(uint64_t gdb_sig)
{
    for (int s = 1; s < 32; s++)
        if (linux_to_gdb[s] == gdb_sig)
            return s;
    return 0;
}

/* ---- stop replies ------------------------------------------------------- */

static void stop_reply(emu_gdb *g, int sig, unsigned hart, const char *extra)
{
    g->ghart = hart; /* GDB makes the stopped thread its current one */
    g->state = EMU_GDB_STOPPED;
    g->interrupt = false;
    gdb_buf_reset(&g->reply);
    gdb_buf_fmt(&g->reply, "T%02xthread:%x;%s", sig, hart + 1,
                extra ? extra : "");
    send_reply(g);
}

static void report_exit(emu_gdb *g, const emu_exit *e)
{
    char extra[64] = "";
    switch (e->reason) {
    case EMU_EXIT_HALT: {
        /* a user-mode program a signal ended: "terminated with signal" */
        int sig = emu_user_exit_signal(g->m);
        g->state = EMU_GDB_EXITED;
        g->exit_code = e->code;
        gdb_buf_reset(&g->reply);
        if (sig)
            gdb_buf_fmt(&g->reply, "X%02x", gdb_sig_of(sig));
        else
            gdb_buf_fmt(&g->reply, "W%02x", (unsigned)e->code & 0xff);
        send_reply(g);
        return;
    }
    case EMU_EXIT_IDLE:
        send_console(g, "libemu: every hart waits in wfi and no interrupt "
                        "can arrive\n");
        stop_reply(g, SIG_TRAP, e->hart, NULL);
        return;
    case EMU_EXIT_HOST_ERROR: {
        char msg[512];
        snprintf(msg, sizeof(msg), "libemu: %s\n", emu_last_error(g->m));
        send_console(g, msg);
        stop_reply(g, SIG_ABRT, e->hart, NULL);
        return;
    }
    case EMU_EXIT_DEBUG:
        break;
    default:
        stop_reply(g, SIG_TRAP, e->hart, NULL);
        return;
    }
    switch (e->debug) {
    case EMU_DEBUG_BREAKPOINT: {
        int i = bp_find(g, e->pc);
        bool hw = i >= 0 && g->bps[i].kinds == BP_HW;
        if (hw && g->gdb_hwbreak)
            snprintf(extra, sizeof(extra), "hwbreak:;");
        else if (!hw && g->gdb_swbreak)
            snprintf(extra, sizeof(extra), "swbreak:;");
        break;
    }
    case EMU_DEBUG_WATCHPOINT: {
        g->watch_step = true;
        g->watch_removed = false;
        g->watch_hart = e->hart;
        g->watch_reverse = g->resume == RESUME_RCONT;
        const char *kind = e->watch == EMU_WATCH_READ     ? "rwatch"
                           : e->watch == EMU_WATCH_ACCESS ? "awatch"
                                                          : "watch";
        snprintf(extra, sizeof(extra), "%s:%" PRIx64 ";", kind,
                 watch_report_addr(g, e->addr));
        break;
    }
    case EMU_DEBUG_HISTORY_START:
        snprintf(extra, sizeof(extra), "replaylog:begin;");
        break;
    default:
        break;
    }
    stop_reply(g, SIG_TRAP, e->hart, extra);
}

/* ---- thread ids ---------------------------------------------------------- */

enum { TID_ERR = -3, TID_ALL = -2, TID_ANY = -1 };

/* A thread id at *p: a hart, TID_ALL (-1), TID_ANY (0) or TID_ERR. */
static int parse_tid(emu_gdb *g, const char **p)
{
    if ((*p)[0] == '-' && (*p)[1] == '1') {
        *p += 2;
        return TID_ALL;
    }
    uint64_t t;
    if (!gdb_parse_hex(p, &t))
        return TID_ERR;
    if (t == 0)
        return TID_ANY;
    if (t > emu_hart_count(g->m))
        return TID_ERR;
    return (int)(t - 1);
}

/* ---- registers ----------------------------------------------------------- */

static bool read_reg(emu_gdb *g, unsigned regnum)
{
    gdb_reg r;
    uint64_t v, hi = 0;
    if (!g->arch->reg(g->m, regnum, &r))
        return false;
    if (emu_reg_read_num(g->m, g->ghart, r.num, &v) != EMU_OK ||
        (r.bytes > 8 &&
         emu_reg_read_num(g->m, g->ghart, r.num_hi, &hi) != EMU_OK)) {
        for (unsigned i = 0; i < r.bytes; i++)
            gdb_buf_str(&g->reply, "xx"); /* unavailable */
        return true;
    }
    gdb_buf_le(&g->reply, v, r.bytes > 8 ? 8 : r.bytes);
    if (r.bytes > 8)
        gdb_buf_le(&g->reply, hi, r.bytes - 8);
    return true;
}

/* Write register regnum from 2 * bytes hex digits at s. */
static bool write_reg(emu_gdb *g, unsigned regnum, const char *s, size_t n)
{
    gdb_reg r;
    uint8_t b[16];
    if (!g->arch->reg(g->m, regnum, &r) || r.bytes > 16 ||
        n != 2 * r.bytes || !gdb_unhex(s, r.bytes, b))
        return false;
    uint64_t v = 0, hi = 0;
    for (unsigned i = 0; i < r.bytes; i++) {
        if (i < 8)
            v |= (uint64_t)b[i] << (8 * i);
        else
            hi |= (uint64_t)b[i] << (8 * (i - 8));
    }
    if (r.nanbox)
        v |= ~0ull << (8 * r.bytes);
    /* x0 and read-only registers ignore writes; only a register that
     * does not exist fails */
    return emu_reg_write_num(g->m, g->ghart, r.num, v) == EMU_OK &&
           (r.bytes <= 8 ||
            emu_reg_write_num(g->m, g->ghart, r.num_hi, hi) == EMU_OK);
}

static void cmd_read_regs(emu_gdb *g)
{
    gdb_buf_reset(&g->reply);
    for (unsigned i = 0; i < g->arch->g_count; i++)
        read_reg(g, i);
    send_reply(g);
}

static void cmd_write_regs(emu_gdb *g, const char *s, size_t n)
{
    for (unsigned i = 0; i < g->arch->g_count && n; i++) {
        gdb_reg r;
        if (!g->arch->reg(g->m, i, &r) || n < 2 * r.bytes ||
            !write_reg(g, i, s, 2 * r.bytes)) {
            reply_str(g, "E01");
            return;
        }
        s += 2 * r.bytes;
        n -= 2 * r.bytes;
    }
    reply_str(g, n ? "E01" : "OK");
}

static void cmd_read_reg(emu_gdb *g, const char *p)
{
    uint64_t n;
    gdb_buf_reset(&g->reply);
    if (!gdb_parse_hex(&p, &n) || *p || n > UINT32_MAX ||
        !read_reg(g, (unsigned)n)) {
        reply_str(g, "E01");
        return;
    }
    send_reply(g);
}

static void cmd_write_reg(emu_gdb *g, const char *p, size_t len)
{
    const char *end = p + len;
    uint64_t n;
    if (!gdb_parse_hex(&p, &n) || *p != '=' || n > UINT32_MAX) {
        reply_str(g, "E01");
        return;
    }
    p++;
    reply_str(g, write_reg(g, (unsigned)n, p, (size_t)(end - p)) ? "OK"
                                                                 : "E01");
}

/* ---- memory -------------------------------------------------------------- */

/* "ADDR,LEN" followed by `stop` (or the end when stop is 0). */
static bool parse_addr_len(const char **p, char stop, uint64_t *addr,
                           uint64_t *len)
{
    if (!gdb_parse_hex(p, addr) || **p != ',')
        return false;
    (*p)++;
    if (!gdb_parse_hex(p, len) || **p != stop)
        return false;
    if (stop)
        (*p)++;
    return true;
}

static void cmd_read_mem(emu_gdb *g, const char *p)
{
    uint64_t addr, len;
    if (!parse_addr_len(&p, 0, &addr, &len)) {
        reply_str(g, "E01");
        return;
    }
    if (len > MEM_CHUNK)
        len = MEM_CHUNK; /* GDB asks again for the rest */
    size_t done = 0;
    emu_mem_read_virt(g->m, g->ghart, addr, g->mem, (size_t)len, &done);
    if (done == 0 && len) {
        reply_str(g, "E14"); /* EFAULT */
        return;
    }
    gdb_buf_reset(&g->reply);
    gdb_buf_hex(&g->reply, g->mem, done);
    send_reply(g);
}

/* M (hex data) and X (binary data) */
static void cmd_write_mem(emu_gdb *g, const char *p, size_t n, bool binary)
{
    const char *end = p + n;
    uint64_t addr, len;
    if (!parse_addr_len(&p, ':', &addr, &len) || len > MEM_CHUNK) {
        reply_str(g, "E01");
        return;
    }
    size_t avail = (size_t)(end - p);
    if (binary) {
        if (avail != len) {
            reply_str(g, "E01");
            return;
        }
        memcpy(g->mem, p, avail);
    } else if (avail != 2 * len || !gdb_unhex(p, (size_t)len, g->mem)) {
        reply_str(g, "E01");
        return;
    }
    if (len && emu_mem_write_virt(g->m, g->ghart, addr, g->mem, (size_t)len,
                                  NULL) != EMU_OK) {
        reply_str(g, "E14");
        return;
    }
    reply_str(g, "OK");
}

/* ---- breakpoints and watchpoints ----------------------------------------- */

static void cmd_point(emu_gdb *g, const char *p, bool insert)
{
    uint64_t type, addr, kind;
    p++;
    if (!gdb_parse_hex(&p, &type) || *p != ',') {
        reply_str(g, "E01");
        return;
    }
    p++;
    /* conditions and commands after ';' are for targets that evaluate
     * them; GDB evaluates them itself when they are not advertised */
    if (!parse_addr_len(&p, *p && strchr(p, ';') ? ';' : 0, &addr, &kind)) {
        reply_str(g, "E01");
        return;
    }
    bool ok;
    switch (type) {
    case 0:
    case 1: {
        unsigned k = type == 0 ? BP_SW : BP_HW;
        ok = insert ? bp_insert(g, addr, k) : bp_remove(g, addr, k);
        break;
    }
    case 2:
    case 3:
    case 4: {
        emu_watch_kind wk = type == 2   ? EMU_WATCH_WRITE
                            : type == 3 ? EMU_WATCH_READ
                                        : EMU_WATCH_ACCESS;
        if (kind == 0 || kind > (1ull << 32)) {
            ok = false;
            break;
        }
        ok = insert ? wp_insert(g, addr, kind, wk)
                    : wp_remove(g, addr, kind, wk);
        if (ok && !insert)
            g->watch_removed = true;
        break;
    }
    default:
        reply_str(g, ""); /* not supported */
        return;
    }
    reply_str(g, ok ? "OK" : "E01");
}

/* ---- resuming ------------------------------------------------------------ */

static void resume(emu_gdb *g, resume_kind kind, unsigned hart)
{
    bool done = g->watch_step && g->watch_removed && hart == g->watch_hart &&
                kind == (g->watch_reverse ? RESUME_RSTEP : RESUME_STEP);
    g->watch_step = false;
    if (done) {
        /* the step over the access: it ran before the watchpoint stop */
        stop_reply(g, SIG_TRAP, hart, NULL);
        return;
    }
    g->resume = kind;
    g->resume_hart = hart;
    g->resume_sig = 0;
    g->first_chunk = true;
    g->interrupt = false;
    g->state = EMU_GDB_RUNNING;
}

/* c/s/C/S [sig;][addr]: resume the Hc thread, at addr when given. */
static void cmd_resume(emu_gdb *g, const char *p, resume_kind kind)
{
    char op = *p++;
    uint64_t v;
    int sig = 0;
    if (op == 'C' || op == 'S') {
        if (!gdb_parse_hex(&p, &v)) {
            reply_str(g, "E01");
            return;
        }
        sig = linux_sig_of(v);
        if (*p == ';')
            p++;
        else if (*p) {
            reply_str(g, "E01");
            return;
        }
    }
    if (*p) {
        if (!gdb_parse_hex(&p, &v) || *p) {
            reply_str(g, "E01");
            return;
        }
        emu_reg_write_num(g->m, g->chart, EMU_REG_PC, v);
    }
    resume(g, kind, g->chart);
    g->resume_sig = sig;
}

/* vCont;ACTION[:TID]...: the first step action decides what steps;
 * everything else continues (all-stop: every hart runs). */
static void cmd_vcont(emu_gdb *g, const char *p)
{
    int step = TID_ERR, deliver = 0;
    bool any = false;
    while (*p == ';') {
        p++;
        char a = *p++;
        uint64_t sig;
        if (a == 'C' || a == 'S') {
            if (!gdb_parse_hex(&p, &sig)) {
                reply_str(g, "E01");
                return;
            }
            if (!deliver) /* one program: the first signal given */
                deliver = linux_sig_of(sig);
        } else if (a != 'c' && a != 's') {
            reply_str(g, "E01");
            return;
        }
        int tid = TID_ALL;
        if (*p == ':') {
            p++;
            tid = parse_tid(g, &p);
            if (tid == TID_ERR) {
                reply_str(g, "E01");
                return;
            }
        }
        if ((a == 's' || a == 'S') && step == TID_ERR)
            step = tid < 0 ? (int)g->ghart : tid;
        any = true;
    }
    if (!any || *p) {
        reply_str(g, "E01");
        return;
    }
    if (step >= 0)
        resume(g, RESUME_STEP, (unsigned)step);
    else
        resume(g, RESUME_CONT, g->chart);
    g->resume_sig = deliver;
}

/* ---- queries ------------------------------------------------------------- */

static void cmd_supported(emu_gdb *g, const char *p)
{
    /* GDB lists its own features after the colon */
    const char *f = strchr(p, ':');
    while (f && *f) {
        f++;
        size_t n = strcspn(f, ";");
        if (n == 8 && !strncmp(f, "swbreak+", 8))
            g->gdb_swbreak = true;
        if (n == 8 && !strncmp(f, "hwbreak+", 8))
            g->gdb_hwbreak = true;
        f += n;
    }
    gdb_buf_reset(&g->reply);
    gdb_buf_fmt(&g->reply,
                "PacketSize=%x;qXfer:features:read+;swbreak+;hwbreak+;"
                "vContSupported+;QStartNoAckMode+",
                GDB_PACKET_MAX);
    if (emu_history_enabled(g->m))
        gdb_buf_str(&g->reply, ";ReverseStep+;ReverseContinue+");
    send_reply(g);
}

/* qXfer:features:read:ANNEX:OFFSET,LENGTH */
static void cmd_xfer_features(emu_gdb *g, const char *p)
{
    const char *colon = strchr(p, ':');
    uint64_t off, len;
    size_t alen = colon ? (size_t)(colon - p) : 0;
    if (!colon || alen == 0 || alen >= sizeof(g->xml_annex)) {
        reply_str(g, "E00");
        return;
    }
    const char *q = colon + 1;
    if (!parse_addr_len(&q, 0, &off, &len)) {
        reply_str(g, "E00");
        return;
    }
    if (!g->xml || strncmp(g->xml_annex, p, alen) || g->xml_annex[alen]) {
        free(g->xml);
        g->xml_annex[0] = 0;
        memcpy(g->xml_annex, p, alen);
        g->xml_annex[alen] = 0;
        g->xml = g->arch->xml(g->m, g->xml_annex, &g->xml_len);
        if (!g->xml) {
            reply_str(g, "E00");
            return;
        }
    }
    if (off >= g->xml_len) {
        reply_str(g, "l");
        return;
    }
    size_t n = g->xml_len - (size_t)off;
    if (len < n)
        n = (size_t)len;
    if (n > GDB_PACKET_MAX - 16)
        n = GDB_PACKET_MAX - 16;
    gdb_buf_reset(&g->reply);
    gdb_buf_str(&g->reply, off + n < g->xml_len ? "m" : "l");
    gdb_buf_put(&g->reply, g->xml + off, n);
    send_reply(g);
}

static void cmd_monitor(emu_gdb *g, const char *hex)
{
    size_t n = strlen(hex);
    char cmd[256];
    if (n % 2 || n / 2 >= sizeof(cmd) ||
        !gdb_unhex(hex, n / 2, (uint8_t *)cmd)) {
        reply_str(g, "E01");
        return;
    }
    cmd[n / 2] = 0;
    if (!strcmp(cmd, "help")) {
        send_console(g, "monitor commands:\n"
                        "  help          this list\n"
                        "  reset         reset the machine (every hart to its "
                        "reset state)\n"
                        "  record        say whether history is recorded\n"
                        "  record on     record history for reverse "
                        "execution\n"
                        "  record off    stop recording, drop the history\n");
    } else if (!strcmp(cmd, "reset")) {
        emu_machine_reset(g->m);
        send_console(g, "machine reset\n");
    } else if (!strcmp(cmd, "record on")) {
        emu_status st = emu_history_enable(g->m, NULL);
        if (st != EMU_OK) {
            char msg[512];
            snprintf(msg, sizeof(msg), "cannot record: %s\n",
                     emu_status_str(st));
            send_console(g, msg);
        } else {
            send_console(g, "recording history\n");
        }
    } else if (!strcmp(cmd, "record off")) {
        emu_history_disable(g->m);
        send_console(g, "history off\n");
    } else if (!strcmp(cmd, "record")) {
        send_console(g, emu_history_enabled(g->m) ? "recording history\n"
                                                  : "history off\n");
    } else {
        send_console(g, "unknown command; try 'monitor help'\n");
    }
    reply_str(g, "OK");
}

static void cmd_query(emu_gdb *g, const char *p)
{
    unsigned harts = emu_hart_count(g->m);
    if (!strncmp(p, "qSupported", 10)) {
        cmd_supported(g, p);
    } else if (!strncmp(p, "qXfer:features:read:", 20)) {
        cmd_xfer_features(g, p + 20);
    } else if (!strcmp(p, "qAttached") || !strncmp(p, "qAttached:", 10)) {
        reply_str(g, "1"); /* the guest was not started by GDB */
    } else if (!strcmp(p, "qC")) {
        gdb_buf_reset(&g->reply);
        gdb_buf_fmt(&g->reply, "QC%x", g->ghart + 1);
        send_reply(g);
    } else if (!strcmp(p, "qfThreadInfo")) {
        gdb_buf_reset(&g->reply);
        gdb_buf_str(&g->reply, "m");
        for (unsigned h = 0; h < harts; h++)
            gdb_buf_fmt(&g->reply, h ? ",%x" : "%x", h + 1);
        send_reply(g);
    } else if (!strcmp(p, "qsThreadInfo")) {
        reply_str(g, "l");
    } else if (!strncmp(p, "qThreadExtraInfo,", 17)) {
        const char *q = p + 17;
        int tid = parse_tid(g, &q);
        if (tid < 0 || *q) {
            reply_str(g, "E01");
            return;
        }
        char text[32];
        snprintf(text, sizeof(text), "hart %d", tid);
        gdb_buf_reset(&g->reply);
        gdb_buf_hex(&g->reply, text, strlen(text));
        send_reply(g);
    } else if (!strncmp(p, "qRcmd,", 6)) {
        cmd_monitor(g, p + 6);
    } else {
        reply_str(g, "");
    }
}

static void cmd_set_thread(emu_gdb *g, const char *p)
{
    char op = p[1];
    p += 2;
    int tid = parse_tid(g, &p);
    if ((op != 'g' && op != 'c') || tid == TID_ERR || *p) {
        reply_str(g, "E01");
        return;
    }
    /* "any" and "all" keep the thread GDB last saw stop */
    unsigned h = tid >= 0 ? (unsigned)tid : g->ghart;
    if (op == 'g')
        g->ghart = h;
    else
        g->chart = h;
    reply_str(g, "OK");
}

/* ---- dispatch ------------------------------------------------------------- */

static void handle_packet(emu_gdb *g, const char *p, size_t n)
{
    if (g->state == EMU_GDB_RUNNING) {
        /* all-stop: GDB sends nothing but 0x03 while the guest runs; a
         * stray packet is answered without disturbing the run */
        reply_str(g, "E01");
        return;
    }
    if (g->state == EMU_GDB_EXITED && p[0] != '?' && p[0] != 'q' &&
        p[0] != 'k' && p[0] != 'v' && p[0] != 'D') {
        reply_str(g, "E01");
        return;
    }
    if (strchr("GPMX", p[0]))
        g->watch_step = false; /* the machine changed: steps are real */
    switch (p[0]) {
    case '?':
        if (g->state == EMU_GDB_EXITED) {
            gdb_buf_reset(&g->reply);
            gdb_buf_fmt(&g->reply, "W%02x", (unsigned)g->exit_code & 0xff);
            send_reply(g);
            return;
        }
        stop_reply(g, SIG_TRAP, g->ghart, NULL);
        return;
    case 'g': cmd_read_regs(g); return;
    case 'G': cmd_write_regs(g, p + 1, n - 1); return;
    case 'p': cmd_read_reg(g, p + 1); return;
    case 'P': cmd_write_reg(g, p + 1, n - 1); return;
    case 'm': cmd_read_mem(g, p + 1); return;
    case 'M': cmd_write_mem(g, p + 1, n - 1, false); return;
    case 'X': cmd_write_mem(g, p + 1, n - 1, true); return;
    case 'c':
    case 'C': cmd_resume(g, p, RESUME_CONT); return;
    case 's':
    case 'S': cmd_resume(g, p, RESUME_STEP); return;
    case 'Z': cmd_point(g, p, true); return;
    case 'z': cmd_point(g, p, false); return;
    case 'H': cmd_set_thread(g, p); return;
    case 'T': {
        const char *q = p + 1;
        int tid = parse_tid(g, &q);
        reply_str(g, tid >= 0 && !*q ? "OK" : "E01");
        return;
    }
    case 'k':
        debug_clear(g);
        g->state = EMU_GDB_KILLED; /* GDB expects no reply */
        return;
    case 'D':
        debug_clear(g);
        reply_str(g, "OK");
        g->state = EMU_GDB_DETACHED;
        return;
    case 'b':
        if ((p[1] != 'c' && p[1] != 's') || p[2]) {
            reply_str(g, "");
            return;
        }
        if (!emu_history_enabled(g->m)) {
            reply_str(g, "E01");
            return;
        }
        resume(g, p[1] == 'c' ? RESUME_RCONT : RESUME_RSTEP, g->chart);
        return;
    case 'q': cmd_query(g, p); return;
    case 'Q':
        if (!strcmp(p, "QStartNoAckMode")) {
            reply_str(g, "OK"); /* still acknowledged, as the protocol says */
            g->noack = true;
            return;
        }
        reply_str(g, "");
        return;
    case 'v':
        if (!strcmp(p, "vCont?")) {
            reply_str(g, "vCont;c;C;s;S");
        } else if (!strncmp(p, "vCont;", 6)) {
            cmd_vcont(g, p + 5);
        } else if (!strncmp(p, "vKill", 5)) {
            debug_clear(g);
            reply_str(g, "OK");
            g->state = EMU_GDB_KILLED;
        } else {
            reply_str(g, "");
        }
        return;
    default:
        reply_str(g, "");
        return;
    }
}

void emu_gdb_input(emu_gdb *g, const void *buf, size_t len)
{
    if (!g || !buf)
        return;
    const uint8_t *b = buf;
    for (size_t i = 0; i < len; i++) {
        if (g->state == EMU_GDB_KILLED || g->state == EMU_GDB_DETACHED)
            return; /* the session is over; nothing more is read */
        switch (gdb_framer_byte(&g->in, b[i])) {
        case GDB_EV_PACKET:
            if (!g->noack)
                send_raw(g, "+", 1);
            handle_packet(g, g->in.data, g->in.len);
            break;
        case GDB_EV_BAD_SUM:
            if (g->noack)
                reply_str(g, "E01");
            else
                send_raw(g, "-", 1);
            break;
        case GDB_EV_TOO_LONG:
        case GDB_EV_MALFORMED:
            if (!g->noack)
                send_raw(g, "+", 1);
            reply_str(g, "E01");
            break;
        case GDB_EV_INTERRUPT:
            if (g->state == EMU_GDB_RUNNING)
                g->interrupt = true;
            break;
        case GDB_EV_NAK:
            if (!g->noack && g->framelen)
                send_raw(g, g->frame, g->framelen);
            break;
        default:
            break;
        }
    }
}

/* ---- running --------------------------------------------------------------- */

emu_status emu_gdb_run(emu_gdb *g, uint64_t max_insns, emu_exit *exit)
{
    emu_exit e;
    memset(&e, 0, sizeof(e));
    if (!g || g->state != EMU_GDB_RUNNING)
        return EMU_ERR_INVALID;
    unsigned hart = g->resume_hart;
    if (g->interrupt) {
        e.reason = EMU_EXIT_STOPPED;
        e.hart = hart;
        emu_reg_read_num(g->m, hart, EMU_REG_PC, &e.pc);
        stop_reply(g, SIG_INT, hart, NULL);
        if (exit)
            *exit = e;
        return EMU_OK;
    }
    emu_status st;
    switch (g->resume) {
    case RESUME_STEP: st = emu_step_limit(g->m, hart, max_insns, &e); break;
    case RESUME_RSTEP: st = emu_reverse_step(g->m, hart, &e); break;
    case RESUME_RCONT: st = emu_reverse_continue(g->m, &e); break;
    default:
        st = g->first_chunk
                 ? emu_run_from_breakpoint(g->m, hart, max_insns, &e)
                 : emu_run(g->m, max_insns, &e);
        break;
    }
    g->first_chunk = false;
    if (exit)
        *exit = e;
    if (st != EMU_OK) {
        /* the debugger waits for a stop: tell it why nothing ran */
        char msg[512];
        snprintf(msg, sizeof(msg), "libemu: %s: %s\n", emu_status_str(st),
                 emu_last_error(g->m));
        send_console(g, msg);
        stop_reply(g, SIG_TRAP, hart, NULL);
        return EMU_OK;
    }
    switch (e.reason) {
    case EMU_EXIT_BUDGET:
    case EMU_EXIT_YIELD:
        return EMU_OK;
    case EMU_EXIT_STOPPED:
    case EMU_EXIT_SYSCALL:   /* user-mode emulation: the caller handles */
    case EMU_EXIT_EXCEPTION: /* the trap (libemu/user.h) and runs on */
        return EMU_OK; /* not ours: the caller decides */
    default:
        report_exit(g, &e);
        return EMU_OK;
    }
}

emu_status emu_gdb_report_signal(emu_gdb *g, unsigned hart, int sig)
{
    if (!g || g->state != EMU_GDB_RUNNING || sig < 1 || sig > 64 ||
        hart >= emu_hart_count(g->m))
        return EMU_ERR_INVALID;
    g->watch_step = false;
    stop_reply(g, gdb_sig_of(sig), hart, NULL);
    return EMU_OK;
}

int emu_gdb_resume_signal(const emu_gdb *g)
{
    return g ? g->resume_sig : 0;
}

/* ---- life cycle ------------------------------------------------------------ */

emu_status emu_gdb_new(emu_machine *m, emu_gdb_send_fn send, void *ctx,
                       emu_gdb **out)
{
    if (!out)
        return EMU_ERR_INVALID;
    *out = NULL;
    if (!m)
        return EMU_ERR_INVALID;
    emu_gdb *g = calloc(1, sizeof(*g));
    if (!g)
        return EMU_ERR_NOMEM;
    g->m = m;
    g->arch = gdb_arch_of(m);
    g->send = send;
    g->ctx = ctx;
    g->state = EMU_GDB_STOPPED;
    gdb_framer_init(&g->in);
    *out = g;
    return EMU_OK;
}

void emu_gdb_free(emu_gdb *g)
{
    if (!g)
        return;
    debug_clear(g);
    free(g->xml);
    free(g);
}

emu_gdb_state emu_gdb_get_state(const emu_gdb *g)
{
    return g ? g->state : EMU_GDB_DETACHED;
}
