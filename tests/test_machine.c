/*
 * The public machine API: configuration checks, independent machines (in
 * one thread and in several), stop requests, the instruction budget,
 * register names, memory range checks and the HTIF interface of the test
 * board.
 */
#include <elf.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

/* ---- configuration ---- */

/* Expect emu_machine_new to fail with st and a message containing part. */
static void expect_config_error(const emu_config *cfg, emu_status st,
                                const char *part)
{
    emu_machine *m = (emu_machine *)0x1;
    char err[256] = "";
    ck_assert_int_eq(emu_machine_new(cfg, &m, err, sizeof(err)), st);
    ck_assert_ptr_null(m);
    ck_assert_msg(err[0] != '\0', "no message");
    ck_assert_msg(strstr(err, part) != NULL, "message '%s' lacks '%s'", err,
                  part);
    /* without a message buffer it still fails cleanly */
    m = (emu_machine *)0x1;
    ck_assert_int_eq(emu_machine_new(cfg, &m, NULL, 0), st);
    ck_assert_ptr_null(m);
}

START_TEST(test_config_zero_harts_rejected)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.harts = 0;
    expect_config_error(&cfg, EMU_ERR_INVALID, "hart");
}
END_TEST

START_TEST(test_config_bad_ram_rejected)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_size = 0;
    expect_config_error(&cfg, EMU_ERR_INVALID, "RAM");
    cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_size = (1u << 20) + 1;
    expect_config_error(&cfg, EMU_ERR_INVALID, "RAM");
    cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_base = 0x80000800;
    expect_config_error(&cfg, EMU_ERR_INVALID, "RAM");
    cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_base = 0xfffffffffff00000ull; /* wraps */
    cfg.ram_size = 2u << 20;
    expect_config_error(&cfg, EMU_ERR_INVALID, "RAM");
    cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_base = 0x02000000; /* on top of the CLINT */
    expect_config_error(&cfg, EMU_ERR_INVALID, "CLINT");
}
END_TEST

START_TEST(test_config_bad_isa_strings_rejected)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.isa = "rv64imafdq";
    expect_config_error(&cfg, EMU_ERR_INVALID, "rv64imafdq");
    cfg.isa = "rv64i_zfoo";
    expect_config_error(&cfg, EMU_ERR_INVALID, "zfoo");
    cfg.isa = "rv32imac";
    expect_config_error(&cfg, EMU_ERR_INVALID, "RV32");
    cfg.isa = "rv64e";
    expect_config_error(&cfg, EMU_ERR_INVALID, "rv64e");
    cfg.isa = "";
    expect_config_error(&cfg, EMU_ERR_INVALID, "ISA");
    cfg.isa = "x86_64";
    expect_config_error(&cfg, EMU_ERR_INVALID, "x86_64");
    cfg = emu_config_default(EMU_ARCH_RISCV32);
    cfg.isa = "rv64imac";
    expect_config_error(&cfg, EMU_ERR_INVALID, "RV64");
}
END_TEST

START_TEST(test_config_bad_priv_string_rejected)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.priv = "su";
    expect_config_error(&cfg, EMU_ERR_INVALID, "su");
    cfg.priv = "msux";
    expect_config_error(&cfg, EMU_ERR_INVALID, "msux");
}
END_TEST

START_TEST(test_config_valid_variants_accepted)
{
    static const char *const isas[] = {
        "rv64imac_zicsr_zifencei", "RV64IMAC", "rv64i",
    };
    for (unsigned i = 0; i < 3; i++) {
        emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
        cfg.isa = isas[i];
        emu_machine *m = tu_machine_cfg(&cfg);
        ck_assert_uint_eq(emu_xlen(m), 64);
        emu_machine_free(m);
    }
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV32);
    cfg.priv = "mu";
    cfg.harts = 4;
    emu_machine *m = tu_machine_cfg(&cfg);
    ck_assert_uint_eq(emu_hart_count(m), 4);
    ck_assert_uint_eq(emu_xlen(m), 32);
    /* no S mode: satp does not exist, priv 1 cannot be set */
    uint64_t v;
    ck_assert_int_eq(emu_reg_read(m, 0, "satp", &v), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_reg_write_num(m, 0, EMU_REG_PRIV, 1), EMU_ERR_INVALID);
    ck_assert_int_eq(emu_reg_write_num(m, 0, EMU_REG_PRIV, 0), EMU_OK);
    emu_machine_free(m);
}
END_TEST

/* ---- running ---- */

/* a0 = 0; loop: a0 += step; j loop */
static void load_counter(emu_machine *m, int32_t step)
{
    TU_CODE(m, TU_RAM_BASE, tu_addi(A0, A0, step), tu_jal(ZERO, -4));
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_x(m, A0, 0);
}

START_TEST(test_budget_exit_counts_exact_instructions)
{
    for (unsigned xlen = 32; xlen <= 64; xlen += 32) {
        emu_machine *m = tu_machine(xlen);
        load_counter(m, 1);
        emu_exit ex = tu_run(m, 12345);
        ck_assert_int_eq(ex.reason, EMU_EXIT_BUDGET);
        ck_assert_uint_eq(tu_x(m, A0), 6173); /* (12345 + 1) / 2 adds */
        ck_assert_uint_eq(ex.pc, TU_RAM_BASE + 4);
        ck_assert_uint_eq(ex.hart, 0);
        emu_stats st;
        emu_get_stats(m, &st);
        ck_assert_uint_eq(st.instret, 12345);
        ck_assert_uint_eq(st.traps, 0);
        ck_assert_uint_eq(tu_csr(m, CSR_MINSTRET), 12345);
        /* a second run continues where the first stopped */
        ex = tu_run(m, 1);
        ck_assert_int_eq(ex.reason, EMU_EXIT_BUDGET);
        ck_assert_uint_eq(tu_reg(m, "pc"), TU_RAM_BASE);
        emu_get_stats(m, &st);
        ck_assert_uint_eq(st.instret, 12346);
        emu_machine_free(m);
    }
}
END_TEST

START_TEST(test_trapping_instructions_count_against_budget)
{
    emu_machine *m = tu_machine(64);
    /* mtvec points at the faulting instruction itself: every step traps */
    tu_write32(m, TU_RAM_BASE, 0x0000000bu);
    tu_set_csr(m, CSR_MTVEC, TU_RAM_BASE);
    tu_set(m, "pc", TU_RAM_BASE);
    emu_exit ex = tu_run(m, 1000);
    ck_assert_int_eq(ex.reason, EMU_EXIT_BUDGET);
    emu_stats st;
    emu_get_stats(m, &st);
    ck_assert_uint_eq(st.traps, 1000);
    ck_assert_uint_eq(st.instret, 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_two_machines_do_not_interfere)
{
    emu_machine *a = tu_machine(64), *b = tu_machine(32);
    load_counter(a, 3);
    load_counter(b, -1);
    tu_write64(a, TU_RAM_BASE + 0x800, 0x1111);
    tu_write64(b, TU_RAM_BASE + 0x800, 0x2222);
    for (int i = 0; i < 10; i++) {
        tu_step(a, 1000);
        tu_step(b, 3000);
    }
    ck_assert_uint_eq(tu_x(a, A0), 3 * 5000);
    ck_assert_uint_eq(tu_x(b, A0), (uint64_t)(uint32_t)-15000);
    ck_assert_uint_eq(tu_read64(a, TU_RAM_BASE + 0x800), 0x1111);
    ck_assert_uint_eq(tu_read64(b, TU_RAM_BASE + 0x800), 0x2222);
    emu_machine_free(a);
    ck_assert_uint_eq(tu_read64(b, TU_RAM_BASE + 0x800), 0x2222);
    emu_machine_free(b);
}
END_TEST

typedef struct thread_job {
    unsigned xlen;
    int32_t step;
    uint64_t budget;
    /* results, checked by the main thread */
    bool ok;
    emu_exit_reason reason;
    uint64_t a0, instret;
} thread_job;

static void *run_job(void *p)
{
    thread_job *j = p;
    emu_config cfg =
        emu_config_default(j->xlen == 32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    emu_machine *m = NULL;
    if (emu_machine_new(&cfg, &m, NULL, 0) != EMU_OK)
        return NULL;
    uint32_t code[2] = {tu_addi(A0, A0, j->step), tu_jal(ZERO, -4)};
    emu_exit ex;
    emu_stats st;
    j->ok = emu_mem_write(m, TU_RAM_BASE, code, sizeof(code)) == EMU_OK &&
            emu_reg_write_num(m, 0, EMU_REG_PC, TU_RAM_BASE) == EMU_OK &&
            emu_run(m, j->budget, &ex) == EMU_OK &&
            emu_reg_read_num(m, 0, A0, &j->a0) == EMU_OK;
    j->reason = ex.reason;
    emu_get_stats(m, &st);
    j->instret = st.instret;
    emu_machine_free(m);
    return NULL;
}

START_TEST(test_machines_in_two_threads_run_independently)
{
    thread_job jobs[2] = {
        {64, 7, 2000000, false, 0, 0, 0},
        {32, -3, 3000000, false, 0, 0, 0},
    };
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, run_job, &jobs[i]), 0);
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    ck_assert(jobs[0].ok && jobs[1].ok);
    ck_assert_int_eq(jobs[0].reason, EMU_EXIT_BUDGET);
    ck_assert_int_eq(jobs[1].reason, EMU_EXIT_BUDGET);
    ck_assert_uint_eq(jobs[0].a0, 7ull * 1000000);
    ck_assert_uint_eq(jobs[1].a0, (uint64_t)(uint32_t)(-3 * 1500000));
    ck_assert_uint_eq(jobs[0].instret, 2000000);
    ck_assert_uint_eq(jobs[1].instret, 3000000);
}
END_TEST

static void *stop_later(void *p)
{
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
    emu_request_stop(p);
    return NULL;
}

START_TEST(test_request_stop_from_another_thread_stops_infinite_loop)
{
    emu_machine *m = tu_machine(64);
    tu_write32(m, TU_RAM_BASE, TU_LOOP);
    tu_set(m, "pc", TU_RAM_BASE);
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, stop_later, m), 0);
    emu_exit ex = tu_run(m, 0); /* no budget: only the stop ends it */
    ck_assert_int_eq(pthread_join(t, NULL), 0);
    ck_assert_int_eq(ex.reason, EMU_EXIT_STOPPED);
    ck_assert_uint_eq(ex.pc, TU_RAM_BASE);
    emu_stats st;
    emu_get_stats(m, &st);
    ck_assert_uint_gt(st.instret, 0);
    /* the request was consumed: the next run goes on */
    ck_assert_int_eq(tu_run(m, 100).reason, EMU_EXIT_BUDGET);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_request_stop_before_run_takes_effect_at_next_run)
{
    emu_machine *m = tu_machine(64);
    load_counter(m, 1);
    emu_request_stop(m);
    emu_exit ex = tu_run(m, 100);
    ck_assert_int_eq(ex.reason, EMU_EXIT_STOPPED);
    ck_assert_uint_eq(tu_x(m, A0), 0);
    ck_assert_int_eq(tu_run(m, 100).reason, EMU_EXIT_BUDGET);
    ck_assert_uint_eq(tu_x(m, A0), 50);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_run_rejects_null_arguments)
{
    emu_machine *m = tu_machine(64);
    ck_assert_int_eq(emu_run(m, 1, NULL), EMU_ERR_INVALID);
    emu_exit ex;
    ck_assert_int_eq(emu_run(NULL, 1, &ex), EMU_ERR_INVALID);
    emu_machine_free(m);
}
END_TEST

/* ---- registers and memory ---- */

START_TEST(test_register_names_read_and_write)
{
    emu_machine *m = tu_machine(64);
    tu_set(m, "a0", 0x1234);
    ck_assert_uint_eq(tu_reg(m, "x10"), 0x1234);
    ck_assert_uint_eq(tu_x(m, 10), 0x1234);
    tu_set(m, "fp", 0xabcdef);
    ck_assert_uint_eq(tu_reg(m, "s0"), 0xabcdef);
    ck_assert_uint_eq(tu_reg(m, "x8"), 0xabcdef);
    tu_set(m, "t6", 1);
    ck_assert_uint_eq(tu_reg(m, "x31"), 1);
    tu_set(m, "zero", 5);
    ck_assert_uint_eq(tu_reg(m, "x0"), 0);
    tu_set(m, "pc", 0x80000123);
    ck_assert_uint_eq(tu_reg(m, "pc"), 0x80000122); /* bit 0 cleared */
    ck_assert_uint_eq(tu_reg(m, "priv"), 3);
    tu_set(m, "priv", 1);
    ck_assert_uint_eq(tu_reg(m, "priv"), 1);
    ck_assert_int_eq(emu_reg_write(m, 0, "priv", 2), EMU_ERR_INVALID);
    tu_set(m, "mstatus", 1u << 3);
    ck_assert_uint_eq(tu_reg(m, "mstatus") & 0xff, 1u << 3);
    unsigned num;
    ck_assert_int_eq(emu_reg_lookup(m, "pc", &num), EMU_OK);
    ck_assert_uint_eq(num, EMU_REG_PC);
    ck_assert_int_eq(emu_reg_lookup(m, "ra", &num), EMU_OK);
    ck_assert_uint_eq(num, 1);
    uint64_t v;
    ck_assert_int_eq(emu_reg_read(m, 0, "x32", &v), EMU_ERR_NOT_FOUND);
    ck_assert_ptr_nonnull(strstr(emu_last_error(m), "x32"));
    ck_assert_int_eq(emu_reg_read(m, 0, "a8", &v), EMU_ERR_NOT_FOUND);
    ck_assert_int_eq(emu_reg_read(m, 1, "a0", &v), EMU_ERR_INVALID); /* hart 1 */
    ck_assert_int_eq(emu_reg_read_num(m, 0, 40, &v), EMU_ERR_NOT_FOUND);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_reset_state_a0_is_hartid_pc_is_ram_base)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.harts = 3;
    emu_machine *m = tu_machine_cfg(&cfg);
    for (unsigned h = 0; h < 3; h++) {
        uint64_t v;
        ck_assert_int_eq(emu_reg_read(m, h, "a0", &v), EMU_OK);
        ck_assert_uint_eq(v, h);
        ck_assert_int_eq(emu_reg_read(m, h, "mhartid", &v), EMU_OK);
        ck_assert_uint_eq(v, h);
        ck_assert_int_eq(emu_reg_read(m, h, "pc", &v), EMU_OK);
        ck_assert_uint_eq(v, TU_RAM_BASE);
    }
    emu_machine_free(m);
}
END_TEST

START_TEST(test_mem_access_outside_ram_fails_with_range)
{
    emu_machine *m = tu_machine(64);
    uint64_t end = TU_RAM_BASE + TU_RAM_SIZE;
    uint8_t buf[16];
    memset(buf, 0x5a, sizeof(buf));
    ck_assert_int_eq(emu_mem_write(m, end - 16, buf, 16), EMU_OK);
    memset(buf, 0xee, sizeof(buf));
    /* straddling the end: nothing is copied */
    ck_assert_int_eq(emu_mem_write(m, end - 8, buf, 16), EMU_ERR_RANGE);
    ck_assert_str_ne(emu_last_error(m), "");
    ck_assert_uint_eq(tu_read64(m, end - 8), 0x5a5a5a5a5a5a5a5aull);
    ck_assert_int_eq(emu_mem_read(m, end - 8, buf, 16), EMU_ERR_RANGE);
    ck_assert_int_eq(emu_mem_read(m, end, buf, 1), EMU_ERR_RANGE);
    ck_assert_int_eq(emu_mem_read(m, TU_RAM_BASE - 1, buf, 2), EMU_ERR_RANGE);
    ck_assert_int_eq(emu_mem_read(m, 0, buf, 4), EMU_ERR_RANGE);
    ck_assert_int_eq(emu_mem_write(m, TU_CLINT_MSIP, buf, 4), EMU_ERR_RANGE);
    ck_assert_int_eq(emu_mem_read(m, UINT64_MAX - 1, buf, 4), EMU_ERR_RANGE);
    ck_assert_int_eq(emu_mem_read(m, TU_RAM_BASE, buf, SIZE_MAX), EMU_ERR_RANGE);
    ck_assert_int_eq(emu_mem_read(m, TU_RAM_BASE, NULL, 4), EMU_ERR_INVALID);
    ck_assert_int_eq(emu_mem_read(m, TU_RAM_BASE, buf, 0), EMU_OK);
    emu_machine_free(m);
}
END_TEST

/* ---- HTIF ---- */

#define TOHOST (TU_RAM_BASE + 0x1000)
#define FROMHOST (TU_RAM_BASE + 0x1040)
#define SYSBLOCK (TU_RAM_BASE + 0x2000)
#define SYSBUF (TU_RAM_BASE + 0x2100)

/* A minimal ELF64 (or ELF32) whose one segment holds the code at RAM_BASE
 * and whose symbol table names tohost and fromhost. */
static void load_htif_elf(emu_machine *m, const uint32_t *code, size_t n)
{
    bool is32 = emu_xlen(m) == 32;
    static const char strtab[] = "\0tohost\0fromhost\0";
    static const char shstr[] = "\0.symtab\0.strtab\0.shstrtab\0";
    uint8_t img[4096];
    memset(img, 0, sizeof(img));
    size_t code_off = 0x100, sym_off = 0x400, str_off = 0x500,
           shstr_off = 0x540, sh_off = 0x600;
    memcpy(img + code_off, code, n * 4);
    memcpy(img + str_off, strtab, sizeof(strtab));
    memcpy(img + shstr_off, shstr, sizeof(shstr));
    const uint64_t vals[3] = {0, TOHOST, FROMHOST};
    const uint32_t names[3] = {0, 1, 8};
#define FILL(B)                                                                \
    do {                                                                       \
        Elf##B##_Ehdr *eh = (Elf##B##_Ehdr *)img;                              \
        memcpy(eh->e_ident, ELFMAG, SELFMAG);                                  \
        eh->e_ident[EI_CLASS] = ELFCLASS##B;                                   \
        eh->e_ident[EI_DATA] = ELFDATA2LSB;                                    \
        eh->e_ident[EI_VERSION] = EV_CURRENT;                                  \
        eh->e_type = ET_EXEC;                                                  \
        eh->e_machine = EM_RISCV;                                              \
        eh->e_version = EV_CURRENT;                                            \
        eh->e_entry = TU_RAM_BASE;                                             \
        eh->e_phoff = sizeof(*eh);                                             \
        eh->e_shoff = sh_off;                                                  \
        eh->e_ehsize = sizeof(*eh);                                            \
        eh->e_phentsize = sizeof(Elf##B##_Phdr);                               \
        eh->e_phnum = 1;                                                       \
        eh->e_shentsize = sizeof(Elf##B##_Shdr);                               \
        eh->e_shnum = 4;                                                       \
        eh->e_shstrndx = 3;                                                    \
        Elf##B##_Phdr *ph = (Elf##B##_Phdr *)(img + sizeof(*eh));              \
        ph->p_type = PT_LOAD;                                                  \
        ph->p_flags = PF_R | PF_X;                                             \
        ph->p_offset = code_off;                                               \
        ph->p_vaddr = ph->p_paddr = TU_RAM_BASE;                               \
        ph->p_filesz = n * 4;                                                  \
        ph->p_memsz = 0x1000;                                                  \
        Elf##B##_Sym *sym = (Elf##B##_Sym *)(img + sym_off);                   \
        for (int i = 1; i < 3; i++) {                                          \
            sym[i].st_name = names[i];                                         \
            sym[i].st_value = vals[i];                                         \
            sym[i].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);            \
            sym[i].st_shndx = SHN_ABS;                                         \
        }                                                                      \
        Elf##B##_Shdr *sh = (Elf##B##_Shdr *)(img + sh_off);                   \
        sh[1].sh_name = 1;                                                     \
        sh[1].sh_type = SHT_SYMTAB;                                            \
        sh[1].sh_offset = sym_off;                                             \
        sh[1].sh_size = 3 * sizeof(Elf##B##_Sym);                              \
        sh[1].sh_link = 2;                                                     \
        sh[1].sh_info = 1;                                                     \
        sh[1].sh_entsize = sizeof(Elf##B##_Sym);                               \
        sh[2].sh_name = 9;                                                     \
        sh[2].sh_type = SHT_STRTAB;                                            \
        sh[2].sh_offset = str_off;                                             \
        sh[2].sh_size = sizeof(strtab);                                        \
        sh[3].sh_name = 17;                                                    \
        sh[3].sh_type = SHT_STRTAB;                                            \
        sh[3].sh_offset = shstr_off;                                           \
        sh[3].sh_size = sizeof(shstr);                                         \
    } while (0)
    if (is32)
        FILL(32);
    else
        FILL(64);
#undef FILL
    uint64_t entry;
    ck_assert_int_eq(emu_load_elf_mem(m, img, sizeof(img), &entry), EMU_OK);
    ck_assert_uint_eq(entry, TU_RAM_BASE);
}

typedef struct console_buf {
    char text[256];
    size_t len;
    unsigned calls;
} console_buf;

static void console_cb(void *ctx, const char *buf, size_t len)
{
    console_buf *c = ctx;
    c->calls++;
    for (size_t i = 0; i < len && c->len + 1 < sizeof(c->text); i++)
        c->text[c->len++] = buf[i];
    c->text[c->len] = '\0';
}

static emu_machine *htif_machine(unsigned xlen, console_buf *con)
{
    emu_config cfg =
        emu_config_default(xlen == 32 ? EMU_ARCH_RISCV32 : EMU_ARCH_RISCV64);
    cfg.ram_size = TU_RAM_SIZE;
    cfg.console = console_cb;
    cfg.console_ctx = con;
    memset(con, 0, sizeof(*con));
    return tu_machine_cfg(&cfg);
}

START_TEST(test_htif_exit_code_from_tohost_store)
{
    console_buf con;
    emu_machine *m = htif_machine(64, &con);
    /* t0 = tohost (auipc t0, 1 at RAM_BASE); a0 = (7 << 1) | 1; sd; j . */
    const uint32_t code[] = {tu_auipc(T0, 1), tu_addi(A0, ZERO, 15),
                             tu_sd(A0, T0, 0), TU_LOOP};
    load_htif_elf(m, code, 4);
    emu_exit ex = tu_run(m, 1000000);
    ck_assert_int_eq(ex.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(ex.code, 7);
    ck_assert_uint_eq(tu_read64(m, TOHOST), 0); /* consumed */
    emu_stats st;
    emu_get_stats(m, &st);
    ck_assert_uint_le(st.instret, 4); /* stops right at the store */
    /* a halted machine stays halted until reset */
    ex = tu_run(m, 10);
    ck_assert_int_eq(ex.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(ex.code, 7);
    emu_machine_reset(m);
    ck_assert_uint_eq(tu_reg(m, "pc"), TU_RAM_BASE);
    tu_write64(m, TOHOST, 0);
    ck_assert_int_eq(tu_run(m, 2).reason, EMU_EXIT_BUDGET);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_htif_exit_rv32_low_word_store)
{
    console_buf con;
    emu_machine *m = htif_machine(32, &con);
    const uint32_t code[] = {tu_auipc(T0, 1), tu_addi(A0, ZERO, (42 << 1) | 1),
                             tu_sw(A0, T0, 0), TU_LOOP};
    load_htif_elf(m, code, 4);
    emu_exit ex = tu_run(m, 1000000);
    ck_assert_int_eq(ex.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(ex.code, 42);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_htif_putchar_reaches_console)
{
    console_buf con;
    emu_machine *m = htif_machine(64, &con);
    /* a1 = 1 << 56 | 1 << 48 (device 1, command 1); tohost = a1 | c */
    const uint32_t code[] = {
        tu_auipc(T0, 1),
        tu_addi(A1, ZERO, 0x101),
        tu_slli(A1, A1, 48),
        tu_addi(A0, A1, 'H'),
        tu_sd(A0, T0, 0),
        tu_addi(A0, A1, 'i'),
        tu_sd(A0, T0, 0),
        tu_addi(A0, ZERO, 1), /* exit 0 */
        tu_sd(A0, T0, 0),
        TU_LOOP,
    };
    load_htif_elf(m, code, sizeof(code) / 4);
    emu_exit ex = tu_run(m, 1000000);
    ck_assert_int_eq(ex.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(ex.code, 0);
    ck_assert_str_eq(con.text, "Hi");
    emu_machine_free(m);
}
END_TEST

START_TEST(test_htif_write_syscall_prints_and_answers_fromhost)
{
    console_buf con;
    emu_machine *m = htif_machine(64, &con);
    const uint32_t code[] = {
        tu_sd(A0, T0, 0),       /* tohost = &block */
        tu_ld(A2, T1, 0),       /* wait: ld a2, fromhost */
        tu_beq(A2, ZERO, -4),
        tu_addi(A3, ZERO, 1),   /* exit 0 */
        tu_sd(A3, T0, 0),
        TU_LOOP,
    };
    load_htif_elf(m, code, sizeof(code) / 4);
    static const char msg[] = "hello, htif\n";
    tu_write64(m, SYSBLOCK + 0, 64); /* SYS_write */
    tu_write64(m, SYSBLOCK + 8, 1);  /* fd 1 */
    tu_write64(m, SYSBLOCK + 16, SYSBUF);
    tu_write64(m, SYSBLOCK + 24, sizeof(msg) - 1);
    ck_assert_int_eq(emu_mem_write(m, SYSBUF, msg, sizeof(msg) - 1), EMU_OK);
    tu_set_x(m, A0, SYSBLOCK);
    tu_set_x(m, T0, TOHOST);
    tu_set_x(m, T1, FROMHOST);
    emu_exit ex = tu_run(m, 1000000);
    ck_assert_int_eq(ex.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(ex.code, 0);
    ck_assert_str_eq(con.text, msg);
    ck_assert_uint_eq(tu_read64(m, SYSBLOCK), sizeof(msg) - 1); /* result */
    ck_assert_uint_eq(tu_read64(m, FROMHOST), 1);
    ck_assert_uint_eq(tu_x(m, A2), 1); /* the guest saw the answer */
    emu_machine_free(m);
}
END_TEST

/* ---- retire hook ---- */

typedef struct retire_log {
    unsigned n;
    uint64_t pc[8];
    uint32_t insn[8];
    unsigned len[8];
} retire_log;

static void retire_cb(void *ctx, unsigned hart, uint64_t pc, uint32_t insn,
                      unsigned len)
{
    retire_log *l = ctx;
    if (l->n < 8) {
        l->pc[l->n] = pc;
        l->insn[l->n] = insn;
        l->len[l->n] = len;
    }
    l->n++;
}

START_TEST(test_retire_hook_reports_each_instruction_alone)
{
    emu_machine *m = tu_machine(64);
    /* c.addi a0, 1; c.addi a0, 1; addi a0, a0, 1; c.addi a0, 1 */
    tu_write16(m, TU_RAM_BASE + 0, 0x0505);
    tu_write16(m, TU_RAM_BASE + 2, 0x0505);
    tu_write32(m, TU_RAM_BASE + 4, tu_addi(A0, A0, 1));
    tu_write16(m, TU_RAM_BASE + 8, 0x0505);
    tu_write16(m, TU_RAM_BASE + 10, 0x0505);
    retire_log log;
    memset(&log, 0, sizeof(log));
    emu_set_retire_hook(m, retire_cb, &log);
    tu_set(m, "pc", TU_RAM_BASE);
    tu_set_x(m, A0, 0);
    tu_step(m, 4);
    ck_assert_uint_eq(tu_x(m, A0), 4);
    ck_assert_uint_eq(log.n, 4);
    static const uint64_t pcs[4] = {0, 2, 4, 8};
    for (unsigned i = 0; i < 4; i++) {
        ck_assert_uint_eq(log.pc[i], TU_RAM_BASE + pcs[i]);
        ck_assert_uint_eq(log.len[i], i == 2 ? 4 : 2);
        /* regression: the fetch-TLB fast path once reported a 16-bit
         * instruction with the next parcel in the upper half */
        ck_assert_msg(log.insn[i] == (i == 2 ? tu_addi(A0, A0, 1) : 0x0505u),
                      "retired insn %u reported as 0x%08x", i, log.insn[i]);
    }
    /* removing the hook stops the calls */
    emu_set_retire_hook(m, NULL, NULL);
    tu_step(m, 1);
    ck_assert_uint_eq(log.n, 4);
    emu_machine_free(m);
}
END_TEST

static Suite *machine_suite(void)
{
    Suite *s = suite_create("machine");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_config_zero_harts_rejected);
    tcase_add_test(tc, test_config_bad_ram_rejected);
    tcase_add_test(tc, test_config_bad_isa_strings_rejected);
    tcase_add_test(tc, test_config_bad_priv_string_rejected);
    tcase_add_test(tc, test_config_valid_variants_accepted);
    tcase_add_test(tc, test_budget_exit_counts_exact_instructions);
    tcase_add_test(tc, test_trapping_instructions_count_against_budget);
    tcase_add_test(tc, test_two_machines_do_not_interfere);
    tcase_add_test(tc, test_machines_in_two_threads_run_independently);
    tcase_add_test(tc, test_request_stop_from_another_thread_stops_infinite_loop);
    tcase_add_test(tc, test_request_stop_before_run_takes_effect_at_next_run);
    tcase_add_test(tc, test_run_rejects_null_arguments);
    tcase_add_test(tc, test_register_names_read_and_write);
    tcase_add_test(tc, test_reset_state_a0_is_hartid_pc_is_ram_base);
    tcase_add_test(tc, test_mem_access_outside_ram_fails_with_range);
    tcase_add_test(tc, test_htif_exit_code_from_tohost_store);
    tcase_add_test(tc, test_htif_exit_rv32_low_word_store);
    tcase_add_test(tc, test_htif_putchar_reaches_console);
    tcase_add_test(tc, test_htif_write_syscall_prints_and_answers_fromhost);
    tcase_add_test(tc, test_retire_hook_reports_each_instruction_alone);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(machine_suite()); }
