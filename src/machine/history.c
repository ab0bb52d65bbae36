/*
 * Reverse execution. Runs are deterministic and the scheduler resumes
 * exactly where any run stopped (run.c), so a point of the past is named
 * by the number of steps (m->sched.icount, and each hart's own icount)
 * that led to it, and is reached again by restoring an earlier snapshot
 * and running forward that many steps.
 *
 * While recording, emu_run() takes a snapshot every `interval` steps;
 * each shares the RAM pages it has in common with the one before. Going
 * back one step restores the newest snapshot from before that step and
 * re-executes up to it; going back to a breakpoint or watchpoint scans the
 * stretches between snapshots, newest first, re-executing each while
 * noting where a forward run would have stopped, and then re-executes up
 * to the latest such point. Re-execution runs no hooks and makes no
 * snapshots.
 */
#include <stdlib.h>

#include "cpu/riscv/rv_cpu.h"
#include "machine/debug.h"
#include "machine/history.h"
#include "machine/snapshot.h"

#define DEFAULT_INTERVAL 1000000u
#define DEFAULT_MAX_BYTES (1ull << 30)

typedef struct hist_point {
    uint64_t icount;     /* the machine's step count here */
    uint64_t *counts;    /* each hart's step count here */
    emu_snapshot *snap;
    uint64_t bytes;      /* its size when taken (pages shared with the
                            point before count a share) */
} hist_point;

struct machine_history {
    uint64_t interval, max_bytes;
    hist_point *pts; /* oldest first */
    size_t n, cap;
    uint64_t bytes;  /* the points' sizes, summed */
    bool busy;       /* restoring: not a change made by the caller */
};

static void point_free(struct machine_history *h, hist_point *p)
{
    h->bytes -= p->bytes < h->bytes ? p->bytes : h->bytes;
    emu_snapshot_free(p->snap);
    free(p->counts);
}

static void drop_all(struct machine_history *h)
{
    for (size_t i = 0; i < h->n; i++)
        point_free(h, &h->pts[i]);
    h->n = 0;
    h->bytes = 0;
}

/* Past max_bytes, drop every other point but the oldest and the newest;
 * with only those two left, the oldest goes (history's start moves). */
static void thin(struct machine_history *h)
{
    while (h->n > 1 && h->bytes > h->max_bytes) {
        if (h->n == 2) {
            point_free(h, &h->pts[0]);
            h->pts[0] = h->pts[1];
            h->n = 1;
            break;
        }
        size_t keep = 0;
        for (size_t i = 0; i < h->n; i++) {
            if (i % 2 == 1 && i != h->n - 1)
                point_free(h, &h->pts[i]);
            else
                h->pts[keep++] = h->pts[i];
        }
        h->n = keep;
    }
}

/* Snapshot the current state as the newest point. */
static emu_status take_point(emu_machine *m)
{
    struct machine_history *h = m->hist;
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 16;
        hist_point *p = realloc(h->pts, cap * sizeof(*p));
        if (!p)
            return EMU_ERR_NOMEM;
        h->pts = p;
        h->cap = cap;
    }
    hist_point pt = {.icount = m->sched.icount};
    pt.counts = malloc(m->nharts * sizeof(uint64_t));
    if (!pt.counts)
        return EMU_ERR_NOMEM;
    for (unsigned i = 0; i < m->nharts; i++)
        pt.counts[i] = m->harts[i]->icount;
    const emu_snapshot *prev = h->n ? h->pts[h->n - 1].snap : NULL;
    emu_status st = snapshot_take(m, prev, &pt.snap);
    if (st != EMU_OK) {
        free(pt.counts);
        return st;
    }
    pt.bytes = emu_snapshot_size(pt.snap);
    h->bytes += pt.bytes;
    h->pts[h->n++] = pt;
    thin(h);
    return EMU_OK;
}

emu_status emu_history_enable(emu_machine *m, const emu_history_config *cfg)
{
    if (!m)
        return EMU_ERR_INVALID;
    if (m->cfg.realtime)
        return machine_error(m, EMU_ERR_UNSUPPORTED, "a realtime machine cannot "
                             "record history: its runs do not repeat");
    if (m->a64)
        return machine_error(m, EMU_ERR_UNSUPPORTED, "AArch64 machines cannot "
                             "record history yet");
    emu_history_disable(m);
    struct machine_history *h = calloc(1, sizeof(*h));
    if (!h)
        return EMU_ERR_NOMEM;
    h->interval = cfg && cfg->interval ? cfg->interval : DEFAULT_INTERVAL;
    h->max_bytes = cfg && cfg->max_bytes ? cfg->max_bytes : DEFAULT_MAX_BYTES;
    m->hist = h;
    emu_status st = take_point(m);
    if (st != EMU_OK) {
        emu_history_disable(m);
        return machine_error(m, st, "cannot record history: %s",
                             emu_status_str(st));
    }
    return EMU_OK;
}

void emu_history_disable(emu_machine *m)
{
    if (!m || !m->hist)
        return;
    drop_all(m->hist);
    free(m->hist->pts);
    free(m->hist);
    m->hist = NULL;
}

void history_free(emu_machine *m)
{
    emu_history_disable(m);
}

bool emu_history_enabled(const emu_machine *m)
{
    return m && m->hist;
}

void history_state_changed(emu_machine *m)
{
    struct machine_history *h = m->hist;
    if (!h || h->busy)
        return;
    drop_all(h);
    if (take_point(m) != EMU_OK)
        emu_history_disable(m);
}

emu_status history_run(emu_machine *m, uint64_t max_insns, emu_exit *ex)
{
    struct machine_history *h = m->hist;
    uint64_t left = max_insns ? max_insns : UINT64_MAX;
    for (;;) {
        uint64_t next = h->pts[h->n - 1].icount + h->interval;
        uint64_t pos = m->sched.icount;
        uint64_t chunk = next > pos ? next - pos : 0;
        if (chunk == 0 || chunk > left)
            chunk = left;
        emu_status st = run_machine(m, chunk, ex);
        if (st != EMU_OK || ex->reason != EMU_EXIT_BUDGET)
            return st;
        uint64_t used = m->sched.icount - pos;
        if (left != UINT64_MAX)
            left -= used < left ? used : left;
        if (m->sched.icount >= next && take_point(m) != EMU_OK) {
            /* out of memory: keep running, without history */
            machine_log(m, EMU_LOG_WARN, "history recording stopped: out of memory");
            emu_history_disable(m);
            return left ? run_machine(m, left == UINT64_MAX ? 0 : left, ex) : EMU_OK;
        }
        if (left == 0)
            return EMU_OK;
    }
}

/* Put the machine back at point p (not a change the caller made). */
static emu_status restore(emu_machine *m, const hist_point *p)
{
    m->hist->busy = true;
    emu_status st = emu_snapshot_restore(m, p->snap);
    m->hist->busy = false;
    return st;
}

/* Re-execute from the current state until `hart` is about to run its step
 * number `count`. */
static emu_status replay_to(emu_machine *m, unsigned hart, uint64_t count,
                            emu_exit *ex)
{
    struct machine_debug *d = debug_get(m);
    if (!d)
        return EMU_ERR_NOMEM;
    d->replay = true;
    d->before_armed = true;
    d->before_hart = hart;
    d->before_count = count;
    debug_update(m);
    emu_status st = run_machine(m, 0, ex);
    d->replay = false;
    d->before_armed = false;
    debug_update(m);
    return st;
}

static void history_start_exit(emu_machine *m, unsigned hart, emu_exit *ex)
{
    *ex = (emu_exit){.reason = EMU_EXIT_DEBUG,
                     .debug = EMU_DEBUG_HISTORY_START,
                     .hart = hart,
                     .pc = m->harts[hart]->pc};
}

static emu_status check(emu_machine *m, unsigned hart, emu_exit *ex)
{
    if (!m || !ex)
        return EMU_ERR_INVALID;
    if (hart >= m->nharts)
        return machine_error(m, EMU_ERR_INVALID, "no hart %u", hart);
    if (!m->hist)
        return machine_error(m, EMU_ERR_UNSUPPORTED,
                             "history is not being recorded");
    return EMU_OK;
}

emu_status emu_reverse_step(emu_machine *m, unsigned hart, emu_exit *ex)
{
    emu_status st = check(m, hart, ex);
    if (st != EMU_OK)
        return st;
    struct machine_history *h = m->hist;
    uint64_t k = m->harts[hart]->icount;
    /* the newest point from before the hart's latest step */
    size_t j = h->n;
    while (k > 0 && j > 0 &&
           !(h->pts[j - 1].counts[hart] <= k - 1 &&
             h->pts[j - 1].icount <= m->sched.icount))
        j--;
    if (k == 0 || j == 0) {
        history_start_exit(m, hart, ex);
        return EMU_OK;
    }
    st = restore(m, &h->pts[j - 1]);
    if (st != EMU_OK)
        return st;
    st = replay_to(m, hart, k - 1, ex);
    if (st == EMU_OK && ex->reason == EMU_EXIT_DEBUG)
        ex->debug = EMU_DEBUG_STEP;
    return st;
}

emu_status emu_reverse_continue(emu_machine *m, emu_exit *ex)
{
    emu_status st = check(m, m ? (m->cur ? m->cur->hartid : 0) : 0, ex);
    if (st != EMU_OK)
        return st;
    struct machine_history *h = m->hist;
    struct machine_debug *d = debug_get(m);
    if (!d)
        return EMU_ERR_NOMEM;
    uint64_t now = m->sched.icount;
    for (size_t j = h->n; j-- > 0;) {
        const hist_point *p = &h->pts[j];
        if (p->icount >= now)
            continue;
        uint64_t end = now;
        if (j + 1 < h->n && h->pts[j + 1].icount < now)
            end = h->pts[j + 1].icount;
        st = restore(m, p);
        if (st != EMU_OK)
            return st;
        /* re-execute [p, end), noting where a forward run would stop */
        d->replay = d->scan = true;
        d->have_hit = false;
        debug_update(m);
        emu_exit tmp;
        st = run_machine(m, end - p->icount, &tmp);
        d->replay = d->scan = false;
        debug_update(m);
        if (st != EMU_OK)
            return st;
        if (!d->have_hit)
            continue;
        debug_hit hit = d->hit;
        st = restore(m, p);
        if (st == EMU_OK)
            st = replay_to(m, hit.hart, hit.count, ex);
        if (st == EMU_OK && ex->reason == EMU_EXIT_DEBUG) {
            ex->debug = hit.ev;
            ex->addr = hit.addr;
            ex->watch = hit.watch;
        }
        return st;
    }
    /* nothing on the way: stop at the oldest point */
    st = restore(m, &h->pts[0]);
    if (st == EMU_OK)
        history_start_exit(m, m->cur ? m->cur->hartid : 0, ex);
    return st;
}
