/*
 * The GDB stub (src/gdbstub, libemu/gdbstub.h): packet framing (checksums,
 * acks, escapes, run-length encoding, limits, garbage), every command's
 * reply on a small test-board machine, stop replies, threads for harts,
 * and the target description.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdbstub/gdb_packet.h"
#include "libemu/gdbstub.h"
#include "testutil.h"

#define B TU_RAM_BASE
#define DATA TU_CL_DATA
#define LOOP TU_CL_LOOP
#define STORE TU_CL_STORE
#define LOAD TU_CL_LOAD
#define ECALL TU_CL_ECALL
#define HANDLER TU_CL_HANDLER

/* ---- a debugger on the other end of the wire ---- */

typedef struct wire {
    char out[1 << 18]; /* what the stub sent, not yet read */
    size_t len, pos;
    char payload[1 << 17];
} wire;

typedef struct rig {
    emu_machine *m;
    emu_gdb *g;
    wire *w;
} rig;

static void on_send(void *ctx, const void *buf, size_t len)
{
    wire *w = ctx;
    ck_assert_uint_le(w->len + len, sizeof(w->out));
    memcpy(w->out + w->len, buf, len);
    w->len += len;
}


static rig rig_cfg(emu_config *cfg)
{
    rig r;
    cfg->ram_size = TU_RAM_SIZE;
    r.m = tu_machine_cfg(cfg);
    tu_load_counting_loop(r.m);
    r.w = calloc(1, sizeof(*r.w));
    ck_assert_ptr_nonnull(r.w);
    ck_assert_int_eq(emu_gdb_new(r.m, on_send, r.w, &r.g), EMU_OK);
    return r;
}

static rig rig_new(unsigned xlen, unsigned harts)
{
    emu_config cfg =
        emu_config_default(xlen == 32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.harts = harts;
    return rig_cfg(&cfg);
}

static void rig_free(rig *r)
{
    emu_gdb_free(r->g);
    emu_machine_free(r->m);
    free(r->w);
}

static void feed(rig *r, const void *p, size_t n) { emu_gdb_input(r->g, p, n); }
static void feeds(rig *r, const char *s) { feed(r, s, strlen(s)); }

/* Send payload as a packet, framed here independently of the stub. */
static void put(rig *r, const char *payload, size_t n)
{
    char *f = malloc(n + 5);
    ck_assert_ptr_nonnull(f);
    unsigned sum = 0;
    f[0] = '$';
    for (size_t i = 0; i < n; i++) {
        f[1 + i] = payload[i];
        sum += (unsigned char)payload[i];
    }
    snprintf(f + 1 + n, 4, "#%02x", sum & 0xff);
    feed(r, f, n + 4);
    free(f);
}

static void puts_(rig *r, const char *s) { put(r, s, strlen(s)); }

/* The next byte the stub sent, or -1. */
static int next_byte(rig *r)
{
    wire *w = r->w;
    return w->pos < w->len ? (unsigned char)w->out[w->pos++] : -1;
}

static bool pending(rig *r) { return r->w->pos < r->w->len; }

/* The next packet the stub sent, acks before it skipped, checksum checked,
 * escapes undone. */
static const char *reply(rig *r)
{
    int c;
    while ((c = next_byte(r)) == '+')
        ;
    ck_assert_msg(c == '$', "expected a packet, got %d", c);
    wire *w = r->w;
    size_t n = 0;
    unsigned sum = 0;
    while ((c = next_byte(r)) != '#') {
        ck_assert_int_ge(c, 0);
        sum += (unsigned)c;
        if (c == '}') {
            c = next_byte(r);
            sum += (unsigned)c;
            c ^= 0x20;
        }
        ck_assert_uint_lt(n, sizeof(w->payload) - 1);
        w->payload[n++] = (char)c;
    }
    w->payload[n] = 0;
    char cs[3] = {(char)next_byte(r), (char)next_byte(r), 0};
    ck_assert_uint_eq(strtoul(cs, NULL, 16), sum & 0xff);
    return w->payload;
}

static const char *ask(rig *r, const char *payload)
{
    puts_(r, payload);
    return reply(r);
}

static void ask_eq(rig *r, const char *payload, const char *want)
{
    const char *got = ask(r, payload);
    ck_assert_msg(!strcmp(got, want), "%s: got '%s', want '%s'", payload, got,
                  want);
}

/* Run until the stub reports a stop; returns the stop reply. */
static const char *run_to_stop(rig *r)
{
    for (int i = 0; i < 1000 && emu_gdb_get_state(r->g) == EMU_GDB_RUNNING;
         i++) {
        emu_exit e;
        ck_assert_int_eq(emu_gdb_run(r->g, 1000, &e), EMU_OK);
    }
    ck_assert_int_ne(emu_gdb_get_state(r->g), EMU_GDB_RUNNING);
    return reply(r);
}

static uint64_t reg(rig *r, unsigned hart, unsigned num)
{
    uint64_t v;
    ck_assert_int_eq(emu_reg_read_num(r->m, hart, num, &v), EMU_OK);
    return v;
}

/* A register value in GDB's little-endian hex. */
static uint64_t le_hex(const char *s, unsigned bytes)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; i++) {
        char b[3] = {s[2 * i], s[2 * i + 1], 0};
        v |= (uint64_t)strtoul(b, NULL, 16) << (8 * i);
    }
    return v;
}

/* ---- framing ---- */

START_TEST(test_good_packet_is_acked_and_answered)
{
    rig r = rig_new(64, 1);
    puts_(&r, "?");
    ck_assert_int_eq(next_byte(&r), '+');
    ck_assert_str_eq(reply(&r), "T05thread:1;");
    ck_assert(!pending(&r));
    rig_free(&r);
}
END_TEST

START_TEST(test_bad_checksum_is_nakked_and_ignored)
{
    rig r = rig_new(64, 1);
    feeds(&r, "$?#00");
    ck_assert_int_eq(next_byte(&r), '-');
    ck_assert(!pending(&r));
    feeds(&r, "$?#zz"); /* not hex at all */
    ck_assert_int_eq(next_byte(&r), '-');
    ck_assert(!pending(&r));
    ask_eq(&r, "?", "T05thread:1;");
    rig_free(&r);
}
END_TEST

START_TEST(test_garbage_between_packets_is_ignored)
{
    rig r = rig_new(64, 1);
    feeds(&r, "hello\r\n#12\x7f");
    ck_assert(!pending(&r));
    ask_eq(&r, "qC", "QC1");
    rig_free(&r);
}
END_TEST

START_TEST(test_packet_split_byte_by_byte)
{
    rig r = rig_new(64, 1);
    const char *pkt = "$qC#b4";
    for (const char *p = pkt; *p; p++)
        feed(&r, p, 1);
    ck_assert_str_eq(reply(&r), "QC1");
    rig_free(&r);
}
END_TEST

START_TEST(test_new_packet_start_restarts_a_cut_packet)
{
    rig r = rig_new(64, 1);
    feeds(&r, "$m8000");
    puts_(&r, "qC");
    ck_assert_str_eq(reply(&r), "QC1");
    rig_free(&r);
}
END_TEST

START_TEST(test_oversized_packet_gets_an_error)
{
    rig r = rig_new(64, 1);
    size_t n = GDB_PACKET_MAX + 100;
    char *big = malloc(n);
    memset(big, 'M', n);
    put(&r, big, n);
    free(big);
    ck_assert_str_eq(reply(&r), "E01");
    ask_eq(&r, "qC", "QC1"); /* and the stub goes on */
    rig_free(&r);
}
END_TEST

START_TEST(test_run_length_encoding_is_decoded)
{
    rig r = rig_new(64, 1);
    tu_write32(r.m, B + 0x40, 0x11223344);
    /* "m80000040,4": '0' and '*' '!' (4 more) is five zeros */
    ask_eq(&r, "m80*!40,4", "44332211");
    rig_free(&r);
}
END_TEST

START_TEST(test_run_length_past_the_limit_gets_an_error)
{
    rig r = rig_new(64, 1);
    size_t n = 0;
    char *p = malloc(GDB_PACKET_MAX);
    while (n + 3 < GDB_PACKET_MAX / 8) {
        p[n++] = 'a';
        p[n++] = '*';
        p[n++] = '~'; /* 97 more each */
    }
    put(&r, p, n);
    free(p);
    ck_assert_str_eq(reply(&r), "E01");
    rig_free(&r);
}
END_TEST

START_TEST(test_malformed_escape_and_repeat_get_errors)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "X80000000,1:}", "E01"); /* escape at the end */
    ask_eq(&r, "*!", "E01");            /* repeat with nothing before */
    ask_eq(&r, "a*\x01", "E01");        /* unprintable count */
    rig_free(&r);
}
END_TEST

START_TEST(test_binary_write_with_escapes)
{
    rig r = rig_new(64, 1);
    /* bytes # $ } * and 0x00 travel escaped (} then xor 0x20) */
    static const char pkt[] = "X80000040,5:}\x03}\x04}]}\x0a\x00";
    put(&r, pkt, sizeof(pkt) - 1);
    ck_assert_str_eq(reply(&r), "OK");
    uint8_t b[5];
    ck_assert_int_eq(emu_mem_read(r.m, B + 0x40, b, 5), EMU_OK);
    ck_assert_mem_eq(b, "#$}*\0", 5);
    ask_eq(&r, "X80000040,0:", "OK");   /* GDB's probe */
    ask_eq(&r, "X80000040,3:ab", "E01"); /* length mismatch */
    rig_free(&r);
}
END_TEST

START_TEST(test_nak_resends_the_last_packet)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "qC", "QC1");
    feeds(&r, "-");
    ck_assert_str_eq(reply(&r), "QC1");
    feeds(&r, "+"); /* an ack needs nothing */
    ck_assert(!pending(&r));
    rig_free(&r);
}
END_TEST

START_TEST(test_no_ack_mode_stops_acks)
{
    rig r = rig_new(64, 1);
    puts_(&r, "QStartNoAckMode");
    ck_assert_int_eq(next_byte(&r), '+'); /* this one is still acked */
    ck_assert_str_eq(reply(&r), "OK");
    puts_(&r, "qC");
    ck_assert_int_eq(next_byte(&r), '$');
    r.w->pos--;
    ck_assert_str_eq(reply(&r), "QC1");
    feeds(&r, "-"); /* no resends either */
    ck_assert(!pending(&r));
    rig_free(&r);
}
END_TEST

START_TEST(test_framer_survives_random_bytes)
{
    gdb_framer *f = malloc(sizeof(*f));
    gdb_framer_init(f);
    uint64_t seed = 42;
    unsigned packets = 0;
    for (int i = 0; i < 2000000; i++) {
        uint8_t b = (uint8_t)tu_rand(&seed);
        if ((b & 0xf0) == 0x10)
            b = "$#}*+-\x03"[b % 7];
        gdb_event ev = gdb_framer_byte(f, b);
        if (ev == GDB_EV_PACKET) {
            packets++;
            ck_assert_uint_le(f->len, GDB_PACKET_MAX);
            ck_assert_int_eq(f->data[f->len], 0);
        }
    }
    free(f);
    (void)packets;
}
END_TEST

/* ---- registers ---- */

START_TEST(test_g_packet_has_x_registers_and_pc)
{
    unsigned xlen = (unsigned)_i ? 32 : 64, bytes = xlen / 8;
    rig r = rig_new(xlen, 1);
    emu_reg_write_num(r.m, 0, 5, 0x12345678);
    const char *g = ask(&r, "g");
    ck_assert_uint_eq(strlen(g), 33 * 2 * bytes);
    ck_assert_uint_eq(le_hex(g + 5 * 2 * bytes, bytes), 0x12345678);
    ck_assert_uint_eq(le_hex(g + 32 * 2 * bytes, bytes), B);
    rig_free(&r);
}
END_TEST

START_TEST(test_G_packet_writes_registers)
{
    rig r = rig_new(64, 1);
    char g[33 * 16 + 1];
    snprintf(g, sizeof(g), "%s", ask(&r, "g"));
    memcpy(g + 6 * 16, "efbeadde00000000", 16); /* x6 */
    memcpy(g + 32 * 16, "0801008000000000", 16); /* pc */
    char pkt[sizeof(g) + 1];
    snprintf(pkt, sizeof(pkt), "G%s", g);
    ask_eq(&r, pkt, "OK");
    ck_assert_uint_eq(reg(&r, 0, 6), 0xdeadbeef);
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), B + 0x108);
    ask_eq(&r, "G123", "E01"); /* not whole registers */
    ask_eq(&r, "Gzz", "E01");
    rig_free(&r);
}
END_TEST

START_TEST(test_p_and_P_reach_every_register_kind)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "p20", "0000008000000000");          /* pc */
    ask_eq(&r, "P5=0800000000000000", "OK");         /* x5 */
    ck_assert_uint_eq(reg(&r, 0, 5), 8);
    ask_eq(&r, "P0=0100000000000000", "OK");         /* x0 stays 0 */
    ask_eq(&r, "p0", "0000000000000000");
    ask_eq(&r, "P21=000000000000f03f", "OK");        /* f0 = 1.0 */
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_F0), 0x3ff0000000000000ull);
    ask_eq(&r, "p21", "000000000000f03f");
    ask_eq(&r, "p42", "xxxxxxxx"); /* fflags: 32 bits, none while FS=Off */
    ask_eq(&r, "P341=0020000000000000", "OK");       /* mstatus.FS = 1 */
    ask_eq(&r, "p42", "00000000");
    /* mstatus at 65 + 0x300 */
    ask_eq(&r, "P341=0820000000000000", "OK");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_CSR + 0x300) & 8, 8);
    ask_eq(&r, "p1041", "0300000000000000");         /* priv: M */
    ask_eq(&r, "p805", "xxxxxxxxxxxxxxxx");           /* CSR 0x7c4: none */
    ask_eq(&r, "P805=0000000000000000", "E01");
    ask_eq(&r, "p2000", "E01");
    ask_eq(&r, "p", "E01");
    ask_eq(&r, "P5=01", "E01");                       /* too short */
    ask_eq(&r, "P5", "E01");
    rig_free(&r);
}
END_TEST

START_TEST(test_single_precision_fpu_registers_are_nan_boxed)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.isa = "rv64imafc";
    rig r = rig_cfg(&cfg);
    ask_eq(&r, "P21=0000803f", "OK"); /* 1.0f */
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_F0), 0xffffffff3f800000ull);
    ask_eq(&r, "p21", "0000803f");
    rig_free(&r);
}
END_TEST

/* ---- memory ---- */

START_TEST(test_memory_read_and_write)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "M80000040,4:01020304", "OK");
    ck_assert_uint_eq(tu_read32(r.m, B + 0x40), 0x04030201);
    ask_eq(&r, "m80000040,4", "01020304");
    ask_eq(&r, "m80000040,0", "");
    ask_eq(&r, "m10,4", "E14");                 /* nothing there */
    ask_eq(&r, "M10,1:00", "E14");
    ask_eq(&r, "M80000040,2:0102zz", "E01");    /* bad length */
    ask_eq(&r, "M80000040,1:zz", "E01");        /* bad hex */
    ask_eq(&r, "m80000040", "E01");
    ask_eq(&r, "m,4", "E01");
    ask_eq(&r, "m11111111111111111111,4", "E01"); /* overflows 64 bits */
    /* a read running off the end of RAM gives what there is */
    const char *got = ask(&r, "m80fffffe,8");
    ck_assert_uint_eq(strlen(got), 4);
    /* a huge length is cut to what one reply holds */
    got = ask(&r, "m80000000,100000");
    ck_assert_uint_le(strlen(got), GDB_PACKET_MAX);
    ck_assert_uint_gt(strlen(got), 1000);
    rig_free(&r);
}
END_TEST

/* ---- running ---- */

/* Signals for user-mode emulation: a reported one stops the session with
 * GDB's number for it (SIGBUS, SIGUSR1 differ from Linux's), and the
 * signal a resume names comes back in Linux's numbering. */
START_TEST(test_signals_are_translated_both_ways)
{
    rig r = rig_new(64, 1);
    ck_assert_int_eq(emu_gdb_report_signal(r.g, 0, 11), EMU_ERR_INVALID);
    puts_(&r, "c"); /* not stopped by us: reporting needs a running session */
    ck_assert_int_eq(next_byte(&r), '+');
    ck_assert_int_eq(emu_gdb_resume_signal(r.g), 0);
    ck_assert_int_eq(emu_gdb_report_signal(r.g, 0, 7), EMU_OK); /* SIGBUS */
    ck_assert_int_eq(emu_gdb_get_state(r.g), EMU_GDB_STOPPED);
    ck_assert_str_eq(reply(&r), "T0athread:1;");
    puts_(&r, "C1e"); /* GDB_SIGNAL_USR1 */
    ck_assert_int_eq(next_byte(&r), '+');
    ck_assert_int_eq(emu_gdb_get_state(r.g), EMU_GDB_RUNNING);
    ck_assert_int_eq(emu_gdb_resume_signal(r.g), 10);
    ck_assert_int_eq(emu_gdb_report_signal(r.g, 0, 10), EMU_OK);
    ck_assert_str_eq(reply(&r), "T1ethread:1;");
    puts_(&r, "vCont;C0b:1"); /* SIGSEGV, the same in both */
    ck_assert_int_eq(next_byte(&r), '+');
    ck_assert_int_eq(emu_gdb_resume_signal(r.g), 11);
    ck_assert_int_eq(emu_gdb_report_signal(r.g, 0, 31), EMU_OK); /* SIGSYS */
    ck_assert_str_eq(reply(&r), "T0cthread:1;");
    puts_(&r, "s"); /* a plain step drops the signal */
    ck_assert_int_eq(next_byte(&r), '+');
    ck_assert_int_eq(emu_gdb_resume_signal(r.g), 0);
    ck_assert_int_eq(emu_gdb_report_signal(r.g, 5, 11), EMU_ERR_INVALID);
    rig_free(&r);
}
END_TEST

START_TEST(test_breakpoint_stops_with_swbreak)
{
    rig r = rig_new(64, 1);
    ask(&r, "qSupported:multiprocess+;swbreak+;hwbreak+");
    ask_eq(&r, "Z0,80000018,4", "OK");
    puts_(&r, "vCont;c");
    ck_assert_int_eq(next_byte(&r), '+');
    ck_assert(!pending(&r)); /* no reply until it stops */
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;swbreak:;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), STORE);
    ck_assert_uint_eq(reg(&r, 0, A0), 1);
    /* continuing from the breakpoint passes it once */
    puts_(&r, "c");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;swbreak:;");
    ck_assert_uint_eq(reg(&r, 0, A0), 2);
    ask_eq(&r, "z0,80000018,4", "OK");
    ask_eq(&r, "z0,80000018,4", "E01"); /* gone */
    rig_free(&r);
}
END_TEST

START_TEST(test_hardware_breakpoint_stops_with_hwbreak)
{
    rig r = rig_new(64, 1);
    ask(&r, "qSupported:swbreak+;hwbreak+");
    ask_eq(&r, "Z1,80000020,4", "OK");
    puts_(&r, "c");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;hwbreak:;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), ECALL);
    /* one address for both kinds: removing one keeps the other */
    ask_eq(&r, "Z0,80000020,4", "OK");
    ask_eq(&r, "z1,80000020,4", "OK");
    puts_(&r, "c");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;swbreak:;");
    rig_free(&r);
}
END_TEST

START_TEST(test_stop_reasons_only_when_gdb_knows_them)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "Z0,80000014,4", "OK");
    puts_(&r, "c");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;");
    rig_free(&r);
}
END_TEST

START_TEST(test_step_and_step_through_a_trap)
{
    rig r = rig_new(64, 1);
    puts_(&r, "s");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), B + 4);
    puts_(&r, "vCont;s:1;c");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), B + 8);
    /* step to the ecall, then into its handler */
    ask_eq(&r, "Z0,80000020,4", "OK");
    puts_(&r, "c");
    run_to_stop(&r);
    ask_eq(&r, "z0,80000020,4", "OK");
    puts_(&r, "vCont;s:1");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), HANDLER);
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_CSR + 0x342), 11); /* mcause */
    /* s with an address resumes there */
    puts_(&r, "s80000000");
    run_to_stop(&r);
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), B + 4);
    rig_free(&r);
}
END_TEST

START_TEST(test_watchpoints_report_kind_and_address)
{
    static const struct {
        const char *z;
        const char *stop;
        uint64_t pc; /* after the access */
    } cases[] = {
        {"2", "T05thread:1;watch:80000400;", LOAD},
        {"3", "T05thread:1;rwatch:80000400;", ECALL},
        {"4", "T05thread:1;awatch:80000400;", LOAD},
    };
    for (size_t i = 0; i < 3; i++) {
        rig r = rig_new(64, 1);
        char pkt[64];
        snprintf(pkt, sizeof(pkt), "Z%s,80000400,4", cases[i].z);
        ask_eq(&r, pkt, "OK");
        puts_(&r, "c");
        ck_assert_str_eq(run_to_stop(&r), cases[i].stop);
        ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), cases[i].pc);
        pkt[0] = 'z';
        ask_eq(&r, pkt, "OK");
        ask_eq(&r, pkt, "E01");
        rig_free(&r);
    }
}
END_TEST

START_TEST(test_gdbs_step_after_a_watchpoint_is_the_access_itself)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "Z2,80000400,4", "OK");
    puts_(&r, "vCont;c");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;watch:80000400;");
    /* GDB: remove, step over the access, put back; the step is answered
     * at once, the store having completed */
    ask_eq(&r, "z2,80000400,4", "OK");
    ask_eq(&r, "vCont;s:1", "T05thread:1;");
    ck_assert_int_eq(emu_gdb_get_state(r.g), EMU_GDB_STOPPED);
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), LOAD);
    ask_eq(&r, "Z2,80000400,4", "OK");
    /* the next step is a real one */
    puts_(&r, "vCont;s:1");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), ECALL);
    /* without the removal a step is real too */
    puts_(&r, "c");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;watch:80000400;");
    puts_(&r, "s");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), ECALL);
    rig_free(&r);
}
END_TEST

START_TEST(test_reverse_step_continue_and_watch)
{
    rig r = rig_new(64, 1);
    ck_assert_int_eq(emu_history_enable(r.m, NULL), EMU_OK);
    ck_assert_ptr_nonnull(strstr(ask(&r, "qSupported:swbreak+"),
                                 "ReverseStep+;ReverseContinue+"));
    ask_eq(&r, "Z0,80000018,4", "OK");
    for (int i = 0; i < 3; i++) {
        puts_(&r, "c");
        ck_assert_str_eq(run_to_stop(&r), "T05thread:1;swbreak:;");
    }
    ck_assert_uint_eq(reg(&r, 0, A0), 3);
    puts_(&r, "bs"); /* back over the jump... */
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), LOOP);
    puts_(&r, "bc"); /* ...and back to the previous round's store */
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;swbreak:;");
    ck_assert_uint_eq(reg(&r, 0, A0), 2);
    ask_eq(&r, "z0,80000018,4", "OK");
    /* a watchpoint going backwards stops before the access; GDB's reverse
     * step over it is answered without moving */
    ask_eq(&r, "Z2,80000400,4", "OK");
    puts_(&r, "bc");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;watch:80000400;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), STORE);
    ck_assert_uint_eq(reg(&r, 0, A0), 1);
    ask_eq(&r, "z2,80000400,4", "OK");
    ask_eq(&r, "bs", "T05thread:1;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), STORE);
    /* and on to where history starts */
    puts_(&r, "bc");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;replaylog:begin;");
    ck_assert_uint_eq(reg(&r, 0, EMU_REG_PC), B);
    rig_free(&r);
}
END_TEST

START_TEST(test_watch_hit_from_below_reports_the_watched_address)
{
    rig r = rig_new(64, 1);
    /* the program stores a word at DATA; watch its upper half */
    ask_eq(&r, "Z2,80000402,2", "OK");
    puts_(&r, "c");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:1;watch:80000402;");
    ask_eq(&r, "Z2,80000400,0", "E01"); /* empty range */
    ask_eq(&r, "Z9,80000400,4", "");     /* no such kind */
    ask_eq(&r, "Z2,80000400", "E01");
    rig_free(&r);
}
END_TEST

START_TEST(test_interrupt_stops_a_running_guest)
{
    rig r = rig_new(64, 1);
    feeds(&r, "\x03"); /* while stopped: nothing to interrupt */
    ck_assert(!pending(&r));
    puts_(&r, "c");
    emu_exit e;
    ck_assert_int_eq(emu_gdb_run(r.g, 1000, &e), EMU_OK);
    ck_assert_int_eq(emu_gdb_get_state(r.g), EMU_GDB_RUNNING);
    ask_eq(&r, "g", "E01"); /* no commands while running */
    feeds(&r, "\x03");
    ck_assert_int_eq(emu_gdb_run(r.g, 1000, &e), EMU_OK);
    ck_assert_int_eq(emu_gdb_get_state(r.g), EMU_GDB_STOPPED);
    ck_assert_str_eq(reply(&r), "T02thread:1;");
    ck_assert_int_eq(emu_gdb_run(r.g, 1000, &e), EMU_ERR_INVALID);
    rig_free(&r);
}
END_TEST

START_TEST(test_outside_stop_request_is_left_to_the_caller)
{
    rig r = rig_new(64, 1);
    puts_(&r, "c");
    ck_assert_int_eq(next_byte(&r), '+');
    emu_request_stop(r.m); /* a signal handler's, say */
    emu_exit e;
    ck_assert_int_eq(emu_gdb_run(r.g, 1000, &e), EMU_OK);
    ck_assert_int_eq(e.reason, EMU_EXIT_STOPPED);
    ck_assert_int_eq(emu_gdb_get_state(r.g), EMU_GDB_RUNNING);
    ck_assert(!pending(&r));
    rig_free(&r);
}
END_TEST

START_TEST(test_guest_halt_reports_exit_status)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    rig r = rig_cfg(&cfg);
    /* the virt board's test finisher: (3 << 16) | 0x3333 fails with 3 */
    TU_CODE(r.m, B, tu_lui(T0, 0x100), tu_lui(T1, 0x33), tu_addi(T1, T1, 0x333),
            tu_sw(T1, T0, 0), TU_LOOP);
    puts_(&r, "c");
    ck_assert_int_eq(next_byte(&r), '+');
    emu_exit e;
    ck_assert_int_eq(emu_gdb_run(r.g, 1000, &e), EMU_OK);
    ck_assert_int_eq(e.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(emu_gdb_get_state(r.g), EMU_GDB_EXITED);
    ck_assert_str_eq(reply(&r), "W03");
    ask_eq(&r, "?", "W03");
    ask_eq(&r, "g", "E01");
    rig_free(&r);
}
END_TEST

/* ---- threads ---- */

START_TEST(test_harts_are_threads)
{
    rig r = rig_new(64, 2);
    ask_eq(&r, "qfThreadInfo", "m1,2");
    ask_eq(&r, "qsThreadInfo", "l");
    ask_eq(&r, "qC", "QC1");
    ask_eq(&r, "T1", "OK");
    ask_eq(&r, "T2", "OK");
    ask_eq(&r, "T3", "E01");
    ask_eq(&r, "T0", "E01");
    ask_eq(&r, "Hg3", "E01");
    ask_eq(&r, "Hx1", "E01");
    ask_eq(&r, "qThreadExtraInfo,2", "68617274203" "1"); /* "hart 1" */
    emu_reg_write_num(r.m, 1, 7, 0x77);
    ask_eq(&r, "Hg2", "OK");
    ask_eq(&r, "p7", "7700000000000000");
    ask_eq(&r, "qC", "QC2");
    ask_eq(&r, "Hg0", "OK"); /* any: keeps the current one */
    ask_eq(&r, "qC", "QC2");
    /* a step of thread 2 moves hart 1 */
    ask_eq(&r, "Hc-1", "OK");
    puts_(&r, "vCont;s:2;c");
    ck_assert_str_eq(run_to_stop(&r), "T05thread:2;");
    ck_assert_uint_eq(reg(&r, 1, EMU_REG_PC), B + 4);
    /* a breakpoint reports the hart that hit it */
    ask_eq(&r, "Hg1", "OK");
    ask_eq(&r, "Z0,80000014,4", "OK");
    puts_(&r, "vCont;c");
    const char *stop = run_to_stop(&r);
    ck_assert(!strcmp(stop, "T05thread:1;") || !strcmp(stop, "T05thread:2;"));
    rig_free(&r);
}
END_TEST

/* ---- queries and the rest ---- */

START_TEST(test_qsupported_lists_features)
{
    rig r = rig_new(64, 1);
    const char *s = ask(&r, "qSupported:swbreak+;hwbreak+");
    ck_assert_ptr_nonnull(strstr(s, "PacketSize=4000"));
    ck_assert_ptr_nonnull(strstr(s, "qXfer:features:read+"));
    ck_assert_ptr_nonnull(strstr(s, "swbreak+"));
    ck_assert_ptr_nonnull(strstr(s, "hwbreak+"));
    ck_assert_ptr_nonnull(strstr(s, "vContSupported+"));
    ck_assert_ptr_nonnull(strstr(s, "QStartNoAckMode+"));
    ck_assert_ptr_null(strstr(s, "Reverse"));
    ask_eq(&r, "bc", "E01"); /* no history: no reverse */
    ask_eq(&r, "bs", "E01");
    if (emu_history_enable(r.m, NULL) == EMU_OK) {
        s = ask(&r, "qSupported");
        ck_assert_ptr_nonnull(strstr(s, "ReverseStep+;ReverseContinue+"));
    }
    rig_free(&r);
}
END_TEST

START_TEST(test_simple_queries)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "qAttached", "1");
    ask_eq(&r, "qAttached:1", "1");
    ask_eq(&r, "vCont?", "vCont;c;C;s;S");
    ask_eq(&r, "vMustReplyEmpty", "");
    ask_eq(&r, "qTStatus", "");
    ask_eq(&r, "!", "");
    ask_eq(&r, "", "");
    ask_eq(&r, "vCont;r80000000,80000010", "E01"); /* range steps: no */
    ask_eq(&r, "vCont;", "E01");
    ask_eq(&r, "vCont;s:5", "E01");
    ask_eq(&r, "C", "E01");
    ask_eq(&r, "bx", "");
    rig_free(&r);
}
END_TEST

START_TEST(test_monitor_commands)
{
    rig r = rig_new(64, 1);
    puts_(&r, "qRcmd,68656c70"); /* help */
    const char *o = reply(&r);
    ck_assert_int_eq(o[0], 'O');
    ck_assert_str_eq(reply(&r), "OK");
    emu_reg_write_num(r.m, 0, EMU_REG_PC, B + 0x40);
    puts_(&r, "qRcmd,7265736574"); /* reset */
    ck_assert_int_eq(reply(&r)[0], 'O');
    ck_assert_str_eq(reply(&r), "OK");
    ck_assert_uint_ne(reg(&r, 0, EMU_REG_PC), B + 0x40);
    puts_(&r, "qRcmd,7265636f7264"); /* record */
    ck_assert_int_eq(reply(&r)[0], 'O');
    ck_assert_str_eq(reply(&r), "OK");
    puts_(&r, "qRcmd,78"); /* unknown */
    ck_assert_int_eq(reply(&r)[0], 'O');
    ck_assert_str_eq(reply(&r), "OK");
    ask_eq(&r, "qRcmd,7", "E01");
    ask_eq(&r, "qRcmd,zz", "E01");
    rig_free(&r);
}
END_TEST

START_TEST(test_kill_ends_the_session)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "Z0,80000014,4", "OK");
    puts_(&r, "k");
    ck_assert_int_eq(emu_gdb_get_state(r.g), EMU_GDB_KILLED);
    ck_assert_int_eq(emu_breakpoint_remove(r.m, LOOP), EMU_ERR_NOT_FOUND);
    size_t before = r.w->len;
    puts_(&r, "g"); /* nothing more is read */
    ck_assert_uint_eq(r.w->len, before);
    rig_free(&r);
}
END_TEST

START_TEST(test_detach_removes_breakpoints_and_watchpoints)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "Z0,80000014,4", "OK");
    ask_eq(&r, "Z2,80000400,4", "OK");
    ask_eq(&r, "D", "OK");
    ck_assert_int_eq(emu_gdb_get_state(r.g), EMU_GDB_DETACHED);
    ck_assert_int_eq(emu_breakpoint_remove(r.m, LOOP), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(
        emu_watchpoint_remove(r.m, DATA, 4, EMU_WATCH_WRITE),
        EMU_ERR_NOT_FOUND);
    emu_exit e = tu_run(r.m, 1000); /* the guest runs on, unhindered */
    ck_assert_int_eq(e.reason, EMU_EXIT_BUDGET);
    rig_free(&r);
}
END_TEST

START_TEST(test_freeing_a_session_removes_its_breakpoints)
{
    rig r = rig_new(64, 1);
    ask_eq(&r, "Z1,80000014,4", "OK");
    emu_gdb_free(r.g);
    r.g = NULL;
    ck_assert_int_eq(emu_breakpoint_remove(r.m, LOOP), EMU_ERR_NOT_FOUND);
    rig_free(&r);
}
END_TEST

/* ---- target description ---- */

/*
 * A small well-formedness check: declarations, comments, elements with
 * quoted attributes, matching end tags, one root, no stray '<' or '&'.
 */
static bool xml_well_formed(const char *s)
{
    const char *stack[32];
    size_t depth[32], sp = 0;
    bool root_seen = false;
    while (*s) {
        if (*s != '<') {
            if (*s == '&' || (!sp && !strchr(" \t\r\n", *s)))
                return false;
            s++;
            continue;
        }
        if (s[1] == '?' || s[1] == '!') {
            const char *e = strchr(s, '>');
            if (!e)
                return false;
            s = e + 1;
            continue;
        }
        bool end = s[1] == '/';
        const char *name = s + (end ? 2 : 1);
        size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz:-_.0123456789");
        if (!n)
            return false;
        const char *p = name + n;
        if (end) {
            if (!sp || depth[sp - 1] != n || strncmp(stack[sp - 1], name, n) ||
                *p != '>')
                return false;
            sp--;
            s = p + 1;
            continue;
        }
        for (;;) {
            p += strspn(p, " \t\r\n");
            if (*p == '>' || (p[0] == '/' && p[1] == '>'))
                break;
            size_t an = strspn(p, "abcdefghijklmnopqrstuvwxyz:-_");
            if (!an || p[an] != '=' || p[an + 1] != '"')
                return false;
            const char *q = strchr(p + an + 2, '"');
            if (!q || memchr(p + an + 2, '<', (size_t)(q - p - an - 2)))
                return false;
            p = q + 1;
        }
        if (!sp) {
            if (root_seen)
                return false;
            root_seen = true;
        }
        if (*p == '>') {
            if (sp == 32)
                return false;
            stack[sp] = name;
            depth[sp++] = n;
            s = p + 1;
        } else {
            s = p + 2;
        }
    }
    return sp == 0 && root_seen;
}

/* A whole document read in chunks of `chunk` bytes. */
static char *read_doc(rig *r, const char *annex, unsigned chunk)
{
    size_t cap = 1 << 16, len = 0;
    char *doc = malloc(cap);
    for (;;) {
        char q[128];
        snprintf(q, sizeof(q), "qXfer:features:read:%s:%zx,%x", annex, len,
                 chunk);
        const char *rep = ask(r, q);
        ck_assert_msg(rep[0] == 'm' || rep[0] == 'l', "%s: %s", annex, rep);
        size_t n = strlen(rep + 1);
        ck_assert_uint_le(n, chunk);
        ck_assert_uint_lt(len + n, cap);
        memcpy(doc + len, rep + 1, n);
        len += n;
        if (rep[0] == 'l')
            break;
    }
    doc[len] = 0;
    return doc;
}

START_TEST(test_target_description_is_well_formed)
{
    unsigned xlen = (unsigned)_i ? 32 : 64;
    rig r = rig_new(xlen, 1);
    char *target = read_doc(&r, "target.xml", 0x100);
    ck_assert(xml_well_formed(target));
    char arch[64];
    snprintf(arch, sizeof(arch), "<architecture>riscv:rv%u</architecture>",
             xlen);
    ck_assert_ptr_nonnull(strstr(target, arch));
    static const char *const files[] = {"riscv-cpu.xml", "riscv-fpu.xml",
                                        "riscv-csr.xml", "riscv-virtual.xml"};
    char *docs[4];
    for (int i = 0; i < 4; i++) {
        ck_assert_ptr_nonnull(strstr(target, files[i]));
        docs[i] = read_doc(&r, files[i], i == 2 ? 0x3ffb : 0x333);
        ck_assert_msg(xml_well_formed(docs[i]), "%s", files[i]);
    }
    char want[128];
    snprintf(want, sizeof(want), "name=\"pc\" bitsize=\"%u\"", xlen);
    ck_assert_ptr_nonnull(strstr(docs[0], want));
    ck_assert_ptr_nonnull(strstr(docs[0], "org.gnu.gdb.riscv.cpu"));
    ck_assert_ptr_nonnull(strstr(docs[0], "name=\"ra\""));
    ck_assert_ptr_nonnull(strstr(docs[0], "regnum=\"1\""));
    ck_assert_ptr_nonnull(strstr(docs[1], "org.gnu.gdb.riscv.fpu"));
    ck_assert_ptr_nonnull(
        strstr(docs[1], "name=\"ft0\" bitsize=\"64\" type=\"riscv_double\" "
                        "regnum=\"33\""));
    ck_assert_ptr_nonnull(strstr(docs[1], "name=\"fcsr\""));
    ck_assert_ptr_nonnull(strstr(docs[2], "org.gnu.gdb.riscv.csr"));
    snprintf(want, sizeof(want), "name=\"mstatus\" bitsize=\"%u\" type=\"int\" "
                                 "regnum=\"833\"", xlen);
    ck_assert_ptr_nonnull(strstr(docs[2], want));
    ck_assert_ptr_nonnull(strstr(docs[2], "name=\"satp\""));
    ck_assert_ptr_nonnull(strstr(docs[2], "name=\"pmpaddr15\""));
    ck_assert_ptr_null(strstr(docs[2], "name=\"fcsr\"")); /* in the fpu */
    /* cycleh and mstatush exist on RV32 only */
    ck_assert_int_eq(strstr(docs[2], "name=\"cycleh\"") != NULL, xlen == 32);
    ck_assert_ptr_nonnull(strstr(docs[3], "name=\"priv\""));
    ck_assert_ptr_nonnull(strstr(docs[3], "regnum=\"4161\""));
    for (int i = 0; i < 4; i++)
        free(docs[i]);
    free(target);
    /* past the end, and unknown documents */
    ask_eq(&r, "qXfer:features:read:target.xml:100000,10", "l");
    ask_eq(&r, "qXfer:features:read:nosuch.xml:0,10", "E00");
    ask_eq(&r, "qXfer:features:read:target.xml:0", "E00");
    ask_eq(&r, "qXfer:features:read:target.xml", "E00");
    rig_free(&r);
}
END_TEST

START_TEST(test_target_description_without_fpu)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.isa = "rv64imac";
    rig r = rig_cfg(&cfg);
    char *target = read_doc(&r, "target.xml", 0x1000);
    ck_assert_ptr_null(strstr(target, "fpu"));
    free(target);
    ask_eq(&r, "qXfer:features:read:riscv-fpu.xml:0,100", "E00");
    ask_eq(&r, "p21", "E01");
    rig_free(&r);
}
END_TEST

START_TEST(test_packet_helpers)
{
    const char *p = "0000000000000000000001x";
    uint64_t v;
    ck_assert(gdb_parse_hex(&p, &v));
    ck_assert_uint_eq(v, 1);
    ck_assert_int_eq(*p, 'x');
    p = "10000000000000000";
    ck_assert(!gdb_parse_hex(&p, &v));
    p = "ffffffffffffffff";
    ck_assert(gdb_parse_hex(&p, &v));
    ck_assert_uint_eq(v, UINT64_MAX);
    char out[16];
    ck_assert_uint_eq(gdb_frame("a#", 2, out, 5), 0); /* too small */
    size_t n = gdb_frame("a#", 2, out, sizeof(out));
    ck_assert_uint_eq(n, 7);
    ck_assert_mem_eq(out, "$a}\x03#", 5);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("gdbstub");
    TCase *t = tcase_create("framing");
    tcase_add_test(t, test_good_packet_is_acked_and_answered);
    tcase_add_test(t, test_bad_checksum_is_nakked_and_ignored);
    tcase_add_test(t, test_garbage_between_packets_is_ignored);
    tcase_add_test(t, test_packet_split_byte_by_byte);
    tcase_add_test(t, test_new_packet_start_restarts_a_cut_packet);
    tcase_add_test(t, test_oversized_packet_gets_an_error);
    tcase_add_test(t, test_run_length_encoding_is_decoded);
    tcase_add_test(t, test_run_length_past_the_limit_gets_an_error);
    tcase_add_test(t, test_malformed_escape_and_repeat_get_errors);
    tcase_add_test(t, test_binary_write_with_escapes);
    tcase_add_test(t, test_nak_resends_the_last_packet);
    tcase_add_test(t, test_no_ack_mode_stops_acks);
    tcase_add_test(t, test_framer_survives_random_bytes);
    tcase_add_test(t, test_packet_helpers);
    suite_add_tcase(s, t);
    t = tcase_create("commands");
    tcase_add_loop_test(t, test_g_packet_has_x_registers_and_pc, 0, 2);
    tcase_add_test(t, test_G_packet_writes_registers);
    tcase_add_test(t, test_p_and_P_reach_every_register_kind);
    tcase_add_test(t, test_single_precision_fpu_registers_are_nan_boxed);
    tcase_add_test(t, test_memory_read_and_write);
    tcase_add_test(t, test_breakpoint_stops_with_swbreak);
    tcase_add_test(t, test_hardware_breakpoint_stops_with_hwbreak);
    tcase_add_test(t, test_stop_reasons_only_when_gdb_knows_them);
    tcase_add_test(t, test_step_and_step_through_a_trap);
    tcase_add_test(t, test_watchpoints_report_kind_and_address);
    tcase_add_test(t, test_gdbs_step_after_a_watchpoint_is_the_access_itself);
    tcase_add_test(t, test_watch_hit_from_below_reports_the_watched_address);
    tcase_add_test(t, test_reverse_step_continue_and_watch);
    tcase_add_test(t, test_interrupt_stops_a_running_guest);
    tcase_add_test(t, test_outside_stop_request_is_left_to_the_caller);
    tcase_add_test(t, test_guest_halt_reports_exit_status);
    tcase_add_test(t, test_harts_are_threads);
    tcase_add_test(t, test_qsupported_lists_features);
    tcase_add_test(t, test_simple_queries);
    tcase_add_test(t, test_monitor_commands);
    tcase_add_test(t, test_kill_ends_the_session);
    tcase_add_test(t, test_signals_are_translated_both_ways);
    tcase_add_test(t, test_detach_removes_breakpoints_and_watchpoints);
    tcase_add_test(t, test_freeing_a_session_removes_its_breakpoints);
    tcase_add_loop_test(t, test_target_description_is_well_formed, 0, 2);
    tcase_add_test(t, test_target_description_without_fpu);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return tu_run_suite(make_suite()); }
