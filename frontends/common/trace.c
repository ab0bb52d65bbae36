/*
 * --trace and --log-commits (trace.h, docs/tracing.md).
 *
 * The commit log reproduces Spike's --log-commits lines exactly, so that a
 * run on emu can be compared with `diff` against the same run on Spike:
 *
 *   core   0: 3 0x0000000080000000 (0x00000297) x5  0x0000000080000000
 *
 * "core", the hart id right-aligned in 4 columns, ":", the privilege level
 * the instruction ran at, its pc at XLEN width, its encoding (4 hex digits
 * for a compressed one), then each register written (x and f numbers
 * left-aligned in 2 columns, CSRs as c<number>_<name>) with its new value
 * (XLEN wide, FLEN wide for f registers), each address read (" mem ADDR"),
 * and each store (" mem ADDR VALUE", VALUE as wide as the access).
 */
#include "trace.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Longest commit line: the prefix, 8 registers with long CSR names and
 * 16 memory accesses stay well below this. */
#define LINE_MAX_LEN 1024

/* One output (--trace or --log-commits) with its own count of retired
 * instructions for the window: both hooks see every retired instruction,
 * so the two counts agree. */
typedef struct sink {
    FILE *f;
    uint64_t seen;
} sink;

struct fe_tracer {
    emu_machine *m;
    fe_trace_opts o;
    unsigned xlen;
    FILE *err; /* stderr, buffered */
    sink trace, commits;
};

/* ---- options ------------------------------------------------------------ */

static bool parse_num(const char *s, const char *end, uint64_t *out)
{
    char buf[32];
    size_t n = (size_t)(end - s);
    if (n == 0 || n >= sizeof(buf) || *s == '-' || *s == '+') return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *e;
    errno = 0;
    unsigned long long v = strtoull(buf, &e, 0);
    if (errno || *e) return false;
    *out = v;
    return true;
}

/* The value of --name=V or --name V; NULL if argv[*i] is not --name. */
static const char *value_of(int argc, char **argv, int *i, const char *name,
                            bool *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    *missing = false;
    if (strncmp(a, name, n) != 0) return NULL;
    if (a[n] == '=') return a + n + 1;
    if (a[n] != 0) return NULL;
    if (*i + 1 == argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

int fe_trace_option(fe_trace_opts *t, int argc, char **argv, int *i, char *err,
                    size_t errlen)
{
    const char *a = argv[*i], *v;
    bool missing;
    if (strcmp(a, "--trace") == 0) {
        t->trace = true;
        return 1;
    }
    if (strcmp(a, "--log-commits") == 0) {
        t->commits = true;
        t->commits_file = NULL;
        return 1;
    }
    if (strncmp(a, "--log-commits=", 14) == 0) {
        if (!a[14]) {
            snprintf(err, errlen, "option '--log-commits=' needs a file name");
            return -1;
        }
        t->commits = true;
        t->commits_file = a + 14;
        return 1;
    }
    if ((v = value_of(argc, argv, i, "--trace-range", &missing))) {
        const char *dash = strchr(v, '-');
        if (!dash || !parse_num(v, dash, &t->lo) ||
            !parse_num(dash + 1, dash + strlen(dash), &t->hi) ||
            t->hi <= t->lo) {
            snprintf(err, errlen,
                     "bad --trace-range '%s' (expected LO-HI, "
                     "LO < HI, e.g. 0x80000000-0x80001000)",
                     v);
            return -1;
        }
        t->range = true;
        return 1;
    }
    if (!missing && (v = value_of(argc, argv, i, "--trace-window", &missing))) {
        const char *colon = strchr(v, ':');
        t->count = 0;
        if (!colon || !parse_num(v, colon, &t->start) ||
            (colon[1] &&
             (!parse_num(colon + 1, colon + strlen(colon), &t->count) ||
              t->count == 0))) {
            snprintf(err, errlen,
                     "bad --trace-window '%s' (expected "
                     "START:COUNT or START:, e.g. 1000:50)",
                     v);
            return -1;
        }
        t->window = true;
        return 1;
    }
    if (missing) {
        snprintf(err, errlen, "option '%s' needs a value", a);
        return -1;
    }
    return 0;
}

const char *fe_trace_check(const fe_trace_opts *t)
{
    if ((t->range || t->window) && !t->trace && !t->commits)
        return "--trace-range and --trace-window need --trace or "
               "--log-commits";
    return NULL;
}

/* ---- formatting --------------------------------------------------------- */

typedef struct line {
    char *buf;
    size_t cap, len;
} line;

__attribute__((format(printf, 2, 3))) static void put(line *l, const char *fmt,
                                                      ...)
{
    if (l->len + 1 >= l->cap) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(l->buf + l->len, l->cap - l->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        l->len += (size_t)n < l->cap - l->len ? (size_t)n : l->cap - l->len - 1;
}

/* "0x" and the low `bits` bits of v, zero-padded to bits / 4 digits, the
 * way Spike prints every value of the commit log. */
static void put_hex(line *l, unsigned bits, uint64_t v)
{
    if (bits < 64) v &= (UINT64_C(1) << bits) - 1;
    put(l, "0x%0*" PRIx64, (int)(bits / 4), v);
}

/*
 * The CSR's name as Spike's commit log spells it. The disassembler holds
 * libemu's only number-to-name table (public names come from the same
 * privileged-spec list Spike uses), so ask it: `csrrc ra,CSR,ra` always
 * prints as "csrrc\tra,NAME,ra", with the number in hex for CSRs it does
 * not name. Spike says "unknown-csr" for those.
 */
static void csr_name(unsigned csr, char *buf, size_t len)
{
    char text[96];
    uint32_t insn = (uint32_t)csr << 20 | 1u << 15 | 3u << 12 | 1u << 7 | 0x73;
    emu_disasm(NULL, 0, insn, text, sizeof(text));
    const char *p = strchr(text, ',');
    const char *q = p ? strchr(p + 1, ',') : NULL;
    if (!q || p[1] == '0') {
        snprintf(buf, len, "unknown-csr");
        return;
    }
    snprintf(buf, len, "%.*s", (int)(q - p - 1), p + 1);
}

static void put_pc_insn(line *l, unsigned xlen, uint64_t pc, uint32_t insn,
                        unsigned ilen)
{
    put_hex(l, xlen, pc);
    put(l, " (");
    put_hex(l, ilen == 2 ? 16 : 32, insn);
    put(l, ")");
}

size_t fe_commit_format(const emu_commit *c, unsigned flen, char *buf,
                        size_t len)
{
    line l = {buf, len, 0};
    unsigned xlen = c->xlen == 32 ? 32 : 64;
    if (len) buf[0] = 0;
    put(&l, "core%4u: ", c->hart);
    put(&l, "%u ", c->priv);
    put_pc_insn(&l, xlen, c->pc, c->insn, c->len);
    for (unsigned k = 0; k < c->nregs && k < EMU_COMMIT_MAX_REGS; k++) {
        unsigned num = c->regs[k].num;
        uint64_t v = c->regs[k].value;
        if (num >= EMU_REG_CSR) {
            char name[32];
            csr_name(num - EMU_REG_CSR, name, sizeof(name));
            put(&l, " c%u_%s ", num - EMU_REG_CSR, name);
            put_hex(&l, xlen, v);
        } else if (num >= EMU_REG_F0 && num < EMU_REG_F0 + 32) {
            put(&l, " f%-2u ", num - EMU_REG_F0);
            put_hex(&l, flen == 32 ? 32 : 64, v);
        } else if (num > EMU_REG_X0 && num < EMU_REG_X0 + 32) {
            put(&l, " x%-2u ", num - EMU_REG_X0);
            put_hex(&l, xlen, v);
        }
        /* x0 is never listed (Spike skips it too); nothing else exists */
    }
    for (unsigned k = 0; k < c->nreads && k < EMU_COMMIT_MAX_MEM; k++) {
        put(&l, " mem ");
        put_hex(&l, xlen, c->reads[k]);
    }
    for (unsigned k = 0; k < c->nwrites && k < EMU_COMMIT_MAX_MEM; k++) {
        put(&l, " mem ");
        put_hex(&l, xlen, c->writes[k].addr);
        put(&l, " ");
        unsigned size = c->writes[k].size;
        put_hex(&l, size >= 1 && size <= 8 ? size * 8 : 64, c->writes[k].value);
    }
    put(&l, "\n");
    return l.len;
}

size_t fe_trace_format(const emu_machine *m, unsigned xlen, unsigned hart,
                       uint64_t pc, uint32_t insn, unsigned ilen, char *buf,
                       size_t len)
{
    line l = {buf, len, 0};
    char text[96];
    if (len) buf[0] = 0;
    xlen = xlen == 32 ? 32 : 64;
    emu_disasm(m, pc, insn, text, sizeof(text));
    put(&l, "core%4u: ", hart);
    put_pc_insn(&l, xlen, pc, insn, ilen);
    put(&l, " %s\n", text);
    return l.len;
}

/* ---- hooks -------------------------------------------------------------- */

bool fe_trace_selects(const fe_trace_opts *o, uint64_t n, uint64_t pc)
{
    if (o->window && (n < o->start || (o->count && n - o->start >= o->count)))
        return false;
    return !o->range || (pc >= o->lo && pc < o->hi);
}

static void on_retire(void *ctx, unsigned hart, uint64_t pc, uint32_t insn,
                      unsigned len)
{
    fe_tracer *tr = ctx;
    if (!fe_trace_selects(&tr->o, tr->trace.seen++, pc)) return;
    char buf[LINE_MAX_LEN];
    size_t n =
        fe_trace_format(tr->m, tr->xlen, hart, pc, insn, len, buf, sizeof(buf));
    fwrite(buf, 1, n, tr->trace.f);
}

static void on_commit(void *ctx, const emu_commit *c)
{
    fe_tracer *tr = ctx;
    if (!fe_trace_selects(&tr->o, tr->commits.seen++, c->pc)) return;
    char buf[LINE_MAX_LEN];
    size_t n = fe_commit_format(c, c->flen, buf, sizeof(buf));
    fwrite(buf, 1, n, tr->commits.f);
}

/* A fully buffered stream on stderr's file descriptor, since an unbuffered
 * stderr costs a write(2) per instruction; stderr itself if that fails. */
static FILE *buffered_stderr(void)
{
    int fd = dup(2);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        if (fd >= 0) close(fd);
        return stderr;
    }
    setvbuf(f, NULL, _IOFBF, 1 << 16);
    return f;
}

fe_tracer *fe_trace_start(emu_machine *m, const fe_trace_opts *t, char *err,
                          size_t errlen)
{
    if (errlen) err[0] = 0;
    if (!t->trace && !t->commits) return NULL;
    fe_tracer *tr = calloc(1, sizeof(*tr));
    if (!tr) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    tr->m = m;
    tr->o = *t;
    tr->xlen = emu_xlen(m) == 32 ? 32 : 64;
    if (t->commits && t->commits_file) {
        tr->commits.f = fopen(t->commits_file, "w");
        if (!tr->commits.f) {
            snprintf(err, errlen, "%s: %s", t->commits_file, strerror(errno));
            free(tr);
            return NULL;
        }
        setvbuf(tr->commits.f, NULL, _IOFBF, 1 << 16);
    }
    /* both outputs on stderr share one stream, which keeps their order */
    if (t->trace || !t->commits_file) tr->err = buffered_stderr();
    if (t->trace) tr->trace.f = tr->err;
    if (t->commits && !t->commits_file) tr->commits.f = tr->err;
    if (t->trace) emu_set_retire_hook(m, on_retire, tr);
    if (t->commits) emu_set_commit_hook(m, on_commit, tr);
    return tr;
}

void fe_trace_flush(fe_tracer *tr)
{
    if (!tr) return;
    if (tr->trace.f) fflush(tr->trace.f);
    if (tr->commits.f) fflush(tr->commits.f);
}

void fe_trace_end(fe_tracer *tr)
{
    if (!tr) return;
    if (tr->o.trace) emu_set_retire_hook(tr->m, NULL, NULL);
    if (tr->o.commits) emu_set_commit_hook(tr->m, NULL, NULL);
    if (tr->commits.f && tr->commits.f != tr->err) fclose(tr->commits.f);
    if (tr->err && tr->err != stderr) fclose(tr->err);
    free(tr);
}
