/*
 * User-mode emulation (src/user): the initial stack's layout, system call
 * argument checks against wild pointers, and the exits U-mode traps give.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpu/riscv/rv_cpu.h"
#include "libemu/snapshot.h"
#include "testutil.h"
#include "user/user.h"

#define CODE_VA 0x10000ull
#define DATA_VA 0x20000ull

static emu_machine *user_machine(void)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_size = 64ull << 20;
    emu_machine *m;
    char err[256];
    ck_assert_int_eq(emu_user_new(&cfg, NULL, &m, err, sizeof(err)), EMU_OK);
    return m;
}

static uint64_t rd64(user_proc *p, uint64_t va)
{
    uint64_t v;
    ck_assert(user_copy_in(p, &v, va, 8));
    return v;
}

static void rdstr(user_proc *p, uint64_t va, char *buf, size_t len)
{
    ck_assert_int_ge(user_str_in(p, buf, va, len), 0);
}

START_TEST(test_initial_stack_matches_linux_layout)
{
    emu_machine *m = user_machine();
    user_proc *p = m->user;
    ck_assert(user_map_fixed(p, USER_STACK_TOP - USER_STACK_SIZE,
                             USER_STACK_SIZE, UP_READ | UP_WRITE));
    char *argv[] = {"prog", "an argument", NULL};
    char *envp[] = {"A=1", "LONGER=two words", NULL};
    user_auxv a = {.phdr = 0x10040, .phent = 56, .phnum = 7,
                   .entry = 0x10100, .base = 0x4000000000ull - 0x100000};
    uint64_t sp = user_build_stack(p, 2, argv, envp, "/bin/prog", &a);
    ck_assert_uint_ne(sp, 0);
    ck_assert_uint_eq(sp & 15, 0);
    char s[64];
    ck_assert_uint_eq(rd64(p, sp), 2);
    rdstr(p, rd64(p, sp + 8), s, sizeof(s));
    ck_assert_str_eq(s, "prog");
    rdstr(p, rd64(p, sp + 16), s, sizeof(s));
    ck_assert_str_eq(s, "an argument");
    ck_assert_uint_eq(rd64(p, sp + 24), 0);
    rdstr(p, rd64(p, sp + 32), s, sizeof(s));
    ck_assert_str_eq(s, "A=1");
    rdstr(p, rd64(p, sp + 40), s, sizeof(s));
    ck_assert_str_eq(s, "LONGER=two words");
    ck_assert_uint_eq(rd64(p, sp + 48), 0);
    /* the auxiliary vector, up to AT_NULL */
    uint64_t seen = 0, at = sp + 56;
    for (int n = 0; n < 64; n++, at += 16) {
        uint64_t key = rd64(p, at), val = rd64(p, at + 8);
        if (key == 0)
            break;
        ck_assert_uint_lt(key, 64);
        seen |= 1ull << key;
        switch (key) {
        case 3: ck_assert_uint_eq(val, a.phdr); break;
        case 4: ck_assert_uint_eq(val, 56); break;
        case 5: ck_assert_uint_eq(val, 7); break;
        case 6: ck_assert_uint_eq(val, 4096); break;
        case 7: ck_assert_uint_eq(val, a.base); break;
        case 9: ck_assert_uint_eq(val, a.entry); break;
        case 11: ck_assert_uint_eq(val, getuid()); break;
        case 16: ck_assert_uint_ne(val & (1u << ('I' - 'A')), 0); break;
        case 17: ck_assert_uint_eq(val, 100); break;
        case 23: ck_assert_uint_eq(val, 0); break;
        case 25: /* AT_RANDOM: 16 bytes on the stack, above the vector */
            ck_assert_uint_gt(val, at);
            ck_assert_uint_le(val + 16, USER_STACK_TOP);
            break;
        case 15:
            rdstr(p, val, s, sizeof(s));
            ck_assert_str_eq(s, "riscv64");
            break;
        case 31:
            rdstr(p, val, s, sizeof(s));
            ck_assert_str_eq(s, "/bin/prog");
            break;
        }
    }
    ck_assert_uint_eq(rd64(p, at), 0);
    const int want[] = {3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 23,
                        25, 31};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        ck_assert_msg(seen & (1ull << want[i]), "AT_%d missing", want[i]);
    /* the strings lie above the vectors, inside the stack */
    ck_assert_uint_gt(rd64(p, sp + 8), at);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_stack_refuses_oversized_arguments)
{
    emu_machine *m = user_machine();
    user_proc *p = m->user;
    ck_assert(user_map_fixed(p, USER_STACK_TOP - USER_STACK_SIZE,
                             USER_STACK_SIZE, UP_READ | UP_WRITE));
    static char big[3u << 20];
    memset(big, 'x', sizeof(big) - 1);
    char *argv[] = {big, NULL};
    user_auxv a = {0};
    ck_assert_uint_eq(user_build_stack(p, 1, argv, NULL, "p", &a), 0);
    emu_machine_free(m);
}
END_TEST

static int64_t sys(user_proc *p, uint64_t nr, uint64_t a0, uint64_t a1,
                   uint64_t a2, uint64_t a3)
{
    const uint64_t a[6] = {a0, a1, a2, a3, 0, 0};
    return user_syscall_do(p, nr, a);
}

START_TEST(test_syscalls_reject_wild_pointers)
{
    emu_machine *m = user_machine();
    user_proc *p = m->user;
    ck_assert(user_map_fixed(p, DATA_VA, 2 * USER_PAGE, UP_READ | UP_WRITE));
    ck_assert(user_map_fixed(p, DATA_VA + 2 * USER_PAGE, USER_PAGE, UP_READ));
    const uint64_t wild = 0x123456789000ull;
    ck_assert_int_eq(sys(p, 64, 1, wild, 10, 0), -EFAULT);         /* write */
    ck_assert_int_eq(sys(p, 64, 1, UINT64_MAX - 4, 10, 0), -EFAULT);
    ck_assert_int_eq(sys(p, 63, 0, wild, 10, 0), -EFAULT);         /* read */
    /* a buffer running into a read-only page, and one beyond the map */
    ck_assert_int_eq(sys(p, 63, 0, DATA_VA + USER_PAGE, USER_PAGE + 1, 0),
                     -EFAULT);
    ck_assert_int_eq(sys(p, 63, 0, DATA_VA + 2 * USER_PAGE, 1, 0), -EFAULT);
    ck_assert_int_eq(sys(p, 56, (uint64_t)-100, wild, 0, 0), -EFAULT);
    ck_assert_int_eq(sys(p, 113, 1, wild, 0, 0), -EFAULT);  /* clock_gettime */
    ck_assert_int_eq(sys(p, 113, 1, DATA_VA + 2 * USER_PAGE, 0, 0), -EFAULT);
    ck_assert_int_eq(sys(p, 113, 1, DATA_VA + 8, 0, 0), 0);
    ck_assert_int_eq(sys(p, 160, wild, 0, 0, 0), -EFAULT);  /* uname */
    ck_assert_int_eq(sys(p, 134, 10, wild, 0, 8), -EFAULT);  /* rt_sigaction */
    ck_assert_int_eq(sys(p, 134, 10, 0, 0, 4), -EINVAL);     /* bad size */
    ck_assert_int_eq(sys(p, 134, 9, DATA_VA, 0, 8), -EINVAL); /* SIGKILL */
    ck_assert_int_eq(sys(p, 222, 0, 0, 3, 0x22), -EINVAL);   /* mmap len 0 */
    ck_assert_int_eq(sys(p, 215, DATA_VA + 1, 4096, 0, 0), -EINVAL);
    ck_assert_int_eq(sys(p, 226, 0x40000000, 4096, 1, 0), -ENOMEM);
    ck_assert_int_eq(sys(p, 129, 1, 10, 0, 0), -EPERM); /* kill init */
    ck_assert_int_eq(sys(p, 999, 0, 0, 0, 0), -ENOSYS);
    emu_machine_free(m);
}
END_TEST

/* A write to a pipe whose reading end is closed: the guest gets EPIPE, and
 * the host process (this test, with SIGPIPE at its default action, which
 * would end it) gets no SIGPIPE, now or pending. */
START_TEST(test_broken_pipe_does_not_signal_the_host)
{
    emu_machine *m = user_machine();
    user_proc *p = m->user;
    ck_assert(signal(SIGPIPE, SIG_DFL) != SIG_ERR);
    ck_assert(user_map_fixed(p, DATA_VA, USER_PAGE, UP_READ | UP_WRITE));
    ck_assert_int_eq(sys(p, 59, DATA_VA, 0, 0, 0), 0); /* pipe2 */
    int32_t fds[2];
    ck_assert(user_copy_in(p, fds, DATA_VA, sizeof(fds)));
    ck_assert_int_eq(sys(p, 57, (uint64_t)fds[0], 0, 0, 0), 0); /* close */
    ck_assert_int_eq(sys(p, 64, (uint64_t)fds[1], DATA_VA, 4, 0), -EPIPE);
    ck_assert(user_copy_out(p, DATA_VA + 64, (uint64_t[]){DATA_VA, 4}, 16, 0));
    ck_assert_int_eq(sys(p, 66, (uint64_t)fds[1], DATA_VA + 64, 1, 0),
                     -EPIPE); /* writev */
    sigset_t pending;
    ck_assert_int_eq(sigpending(&pending), 0);
    ck_assert_int_eq(sigismember(&pending, SIGPIPE), 0);
    ck_assert_int_eq(sys(p, 57, (uint64_t)fds[1], 0, 0, 0), 0);
    emu_machine_free(m);
}
END_TEST

/* Under --chroot, the program cannot remove, rename or replace its own root
 * directory, however it names it ("/", ".", "d/.."): Linux's errors for
 * "/". (fuzz_user's campaign had removed the harness's chroot this way.) */
START_TEST(test_chroot_root_cannot_be_taken_away)
{
    char root[] = "/tmp/libemu-test-root-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(root));
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.ram_size = 64ull << 20;
    emu_user_config ucfg = {.chroot = root};
    emu_machine *m;
    char err[256];
    ck_assert_int_eq(emu_user_new(&cfg, &ucfg, &m, err, sizeof(err)), EMU_OK);
    user_proc *p = m->user;
    ck_assert(user_map_fixed(p, DATA_VA, USER_PAGE, UP_READ | UP_WRITE));
    static const char names[] = "/\0.\0d/..\0x";
    ck_assert(user_copy_out(p, DATA_VA, names, sizeof(names), 0));
    const uint64_t slash = DATA_VA, dot = DATA_VA + 2, up = DATA_VA + 4,
                   x = DATA_VA + 9, cwd = (uint64_t)-100;
    ck_assert_int_eq(sys(p, 34, cwd, x, 0755, 0), 0); /* mkdir x */
    /* "d/.." needs d: make it, so that the path resolves to the root */
    ck_assert(user_copy_out(p, DATA_VA + 16, "d", 2, 0));
    ck_assert_int_eq(sys(p, 34, cwd, DATA_VA + 16, 0755, 0), 0);
    const uint64_t roots[] = {slash, dot, up};
    for (unsigned k = 0; k < 3; k++) {
        uint64_t r = roots[k];
        ck_assert_int_eq(sys(p, 35, cwd, r, 0x200, 0), -EBUSY); /* rmdir */
        ck_assert_int_eq(sys(p, 35, cwd, r, 0, 0), -EISDIR);    /* unlink */
        ck_assert_int_eq(sys(p, 34, cwd, r, 0755, 0), -EEXIST); /* mkdir */
        ck_assert_int_eq(sys(p, 36, x, cwd, r, 0), -EEXIST);    /* symlink */
        const uint64_t ra[6] = {cwd, r, cwd, x, 0, 0};
        ck_assert_int_eq(user_syscall_do(p, 276, ra), -EBUSY);  /* renameat2 */
        const uint64_t rb[6] = {cwd, x, cwd, r, 0, 0};
        ck_assert_int_eq(user_syscall_do(p, 276, rb), -EBUSY);
    }
    struct stat st;
    ck_assert_int_eq(stat(root, &st), 0);
    ck_assert(S_ISDIR(st.st_mode));
    emu_machine_free(m);
    char sub[64];
    snprintf(sub, sizeof(sub), "%s/x", root);
    ck_assert_int_eq(rmdir(sub), 0);
    snprintf(sub, sizeof(sub), "%s/d", root);
    ck_assert_int_eq(rmdir(sub), 0);
    ck_assert_int_eq(rmdir(root), 0);
}
END_TEST

/* A program at CODE_VA: getpid through ecall, then a load from NULL. */
static emu_machine *tiny_program(void)
{
    emu_machine *m = user_machine();
    user_proc *p = m->user;
    const uint32_t code[] = {
        tu_addi(A7, ZERO, 172), TU_ECALL, tu_ld(A1, A0, 0),
        tu_ld(A2, ZERO, 0), TU_LOOP,
    };
    ck_assert(user_map_fixed(p, CODE_VA, USER_PAGE, UP_READ | UP_EXEC));
    ck_assert(user_copy_out(p, CODE_VA, code, sizeof(code), 0));
    ck_assert(user_map_fixed(p, DATA_VA, USER_PAGE, UP_READ | UP_WRITE));
    user_mem_activate(p);
    m->harts[0]->pc = CODE_VA;
    return m;
}

START_TEST(test_ecall_and_faults_exit_to_the_caller)
{
    emu_machine *m = tiny_program();
    emu_exit ex;
    ck_assert_int_eq(emu_run(m, 100, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_SYSCALL);
    ck_assert_int_eq(ex.code, 172);
    ck_assert_uint_eq(ex.pc, CODE_VA + 4);
    ck_assert_uint_eq(m->harts[0]->priv, RV_PRIV_U);
    ck_assert_int_eq(emu_user_handle(m, &ex), EMU_OK);
    ck_assert_uint_eq(m->harts[0]->x[10], (uint64_t)getpid());
    ck_assert_uint_eq(m->harts[0]->pc, CODE_VA + 8);
    /* a load from the pid as an address: nothing is mapped there */
    ck_assert_int_eq(emu_run(m, 100, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_EXCEPTION);
    ck_assert_int_eq(ex.code, RV_EXC_LOAD_PAGE);
    ck_assert_uint_eq(ex.addr, (uint64_t)getpid());
    ck_assert_uint_eq(ex.pc, CODE_VA + 8);
    /* a tool may handle it its own way: point a0 at mapped memory; its
     * first touch faults, and the built-in handling makes it present */
    m->harts[0]->x[10] = DATA_VA;
    ck_assert_int_eq(emu_run(m, 100, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_EXCEPTION);
    ck_assert_uint_eq(ex.addr, DATA_VA);
    ck_assert_int_eq(emu_user_handle(m, &ex), EMU_OK);
    ck_assert_uint_eq(m->harts[0]->pc, CODE_VA + 8);
    ck_assert_int_eq(emu_run(m, 100, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_EXCEPTION); /* NULL */
    ck_assert_uint_eq(ex.pc, CODE_VA + 12);
    ck_assert_uint_eq(ex.addr, 0);
    /* the signal it means, asked without sending it (a debugger's stop);
     * asking again gives the same, and the program still runs */
    ck_assert_int_eq(emu_user_exception_signal(m, &ex), 11);
    ck_assert_int_eq(emu_user_exception_signal(m, &ex), 11);
    ck_assert_int_eq(emu_user_exit_signal(m), 0);
    /* the built-in handling: SIGSEGV, no handler, killed */
    ck_assert_int_eq(emu_user_handle(m, &ex), EMU_OK);
    ck_assert_int_eq(emu_run(m, 100, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_HALT);
    ck_assert_int_eq(ex.code, 128 + 11);
    ck_assert_int_eq(emu_user_exit_signal(m), 11);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_touching_mapped_pages_is_transparent)
{
    emu_machine *m = tiny_program();
    m->harts[0]->pc = CODE_VA + 8; /* ld a1, 0(a0) */
    m->harts[0]->x[10] = DATA_VA + 16;
    emu_exit ex;
    /* two steps: the first touch faults and is resolved, the load runs */
    ck_assert_int_eq(emu_user_run(m, 2, &ex), EMU_OK);
    ck_assert_int_eq(ex.reason, EMU_EXIT_BUDGET);
    ck_assert_uint_eq(m->harts[0]->pc, CODE_VA + 12);
    ck_assert_uint_eq(m->harts[0]->x[11], 0);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_areas_split_and_merge_with_protections)
{
    emu_machine *m = user_machine();
    user_proc *p = m->user;
    const uint64_t b = 0x100000;
    ck_assert(user_map_fixed(p, b, 4 * USER_PAGE, UP_READ | UP_WRITE));
    ck_assert_uint_eq(p->nvmas, 1);
    /* a byte written before mprotect survives PROT_NONE and back */
    ck_assert(user_copy_out(p, b + USER_PAGE, "x", 1, UP_WRITE));
    ck_assert(user_protect(p, b + USER_PAGE, USER_PAGE, 0));
    ck_assert_uint_eq(p->nvmas, 3);
    ck_assert_ptr_null(user_page_ptr(p, b + USER_PAGE, UP_READ, false));
    ck_assert(!user_fault_in(p, b + USER_PAGE, 1));
    ck_assert(user_protect(p, b + USER_PAGE, USER_PAGE, UP_READ));
    char c = 0;
    ck_assert(user_copy_in(p, &c, b + USER_PAGE, 1));
    ck_assert_int_eq(c, 'x');
    ck_assert(!user_copy_out(p, b + USER_PAGE, "y", 1, UP_WRITE));
    ck_assert(user_protect(p, b + USER_PAGE, USER_PAGE, UP_READ | UP_WRITE));
    ck_assert_uint_eq(p->nvmas, 1);
    /* a hole in the middle, then protections over it fail */
    user_unmap(p, b + 2 * USER_PAGE, USER_PAGE);
    ck_assert_uint_eq(p->nvmas, 2);
    ck_assert(!user_protect(p, b, 4 * USER_PAGE, UP_READ));
    ck_assert_ptr_null(user_find_vma(p, b + 2 * USER_PAGE));
    /* the hole is found again, and a hint that is taken is not */
    ck_assert_uint_eq(user_find_free(p, b + 2 * USER_PAGE, USER_PAGE),
                      b + 2 * USER_PAGE);
    ck_assert_uint_ne(user_find_free(p, b, USER_PAGE), b);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_freed_pages_come_back_zeroed)
{
    emu_machine *m = user_machine();
    user_proc *p = m->user;
    const uint64_t b = 0x100000;
    ck_assert(user_map_fixed(p, b, USER_PAGE, UP_READ | UP_WRITE));
    uint8_t full[USER_PAGE];
    memset(full, 0xa5, sizeof(full));
    ck_assert(user_copy_out(p, b, full, sizeof(full), UP_WRITE));
    size_t before = p->nfree;
    user_unmap(p, b, USER_PAGE);
    ck_assert_uint_eq(p->nfree, before + 1);
    ck_assert(user_map_fixed(p, b + USER_PAGE, USER_PAGE, UP_READ));
    uint8_t got[USER_PAGE];
    ck_assert(user_copy_in(p, got, b + USER_PAGE, sizeof(got)));
    for (size_t i = 0; i < sizeof(got); i++)
        ck_assert_uint_eq(got[i], 0);
    ck_assert_uint_eq(p->nfree, before);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_mremap_moves_pages_and_brk_grows)
{
    emu_machine *m = user_machine();
    user_proc *p = m->user;
    const uint64_t b = 0x100000;
    ck_assert(user_map_fixed(p, b, USER_PAGE, UP_READ | UP_WRITE));
    ck_assert(user_map_fixed(p, b + USER_PAGE, USER_PAGE, UP_READ));
    ck_assert(user_copy_out(p, b + 100, "moved", 6, UP_WRITE));
    /* it cannot grow in place (the next page is taken): it moves */
    int64_t r = sys(p, 216, b, USER_PAGE, 3 * USER_PAGE, 1);
    ck_assert_int_gt(r, 0);
    ck_assert_uint_ne((uint64_t)r, b);
    char s[8];
    ck_assert(user_copy_in(p, s, (uint64_t)r + 100, 6));
    ck_assert_str_eq(s, "moved");
    ck_assert_ptr_null(user_find_vma(p, b));
    /* the read-only page grows in place into the room the move left */
    ck_assert_int_eq(sys(p, 216, b + USER_PAGE, USER_PAGE, 2 * USER_PAGE, 0),
                     (int64_t)(b + USER_PAGE));
    ck_assert(user_map_fixed(p, b + 3 * USER_PAGE, USER_PAGE, UP_READ));
    ck_assert_int_eq(sys(p, 216, b + USER_PAGE, 2 * USER_PAGE, 3 * USER_PAGE,
                         0),
                     -ENOMEM); /* no room, and no MREMAP_MAYMOVE */
    /* brk */
    p->brk_start = p->brk = 0x400000;
    ck_assert_int_eq(sys(p, 214, 0, 0, 0, 0), 0x400000);
    ck_assert_int_eq(sys(p, 214, 0x400000 + 10000, 0, 0, 0), 0x400000 + 10000);
    ck_assert(user_copy_out(p, 0x400000 + 9999, "z", 1, UP_WRITE));
    ck_assert_int_eq(sys(p, 214, 0x400000, 0, 0, 0), 0x400000);
    ck_assert_ptr_null(user_find_vma(p, 0x400000));
    ck_assert_int_eq(sys(p, 214, 0x1000, 0, 0, 0), 0x400000); /* below */
    emu_machine_free(m);
}
END_TEST

START_TEST(test_snapshots_refuse_user_mode_machines)
{
    emu_machine *m = tiny_program();
    emu_snapshot *snap = (emu_snapshot *)1;
    ck_assert_int_eq(emu_snapshot_save(m, &snap), EMU_ERR_UNSUPPORTED);
    ck_assert_ptr_null(snap);
    emu_machine_free(m);
}
END_TEST

START_TEST(test_machines_without_a_process_keep_trapping_normally)
{
    emu_machine *m = tu_machine(64);
    tu_pmp_allow_all(m);
    TU_CODE(m, TU_RAM_BASE, TU_ECALL);
    tu_set_csr(m, CSR_MTVEC, TU_RAM_BASE + 0x100);
    tu_set_priv(m, 0);
    tu_set(m, "pc", TU_RAM_BASE);
    emu_exit ex = tu_run(m, 1);
    ck_assert_int_eq(ex.reason, EMU_EXIT_BUDGET);
    ck_assert_uint_eq(tu_reg(m, "pc"), TU_RAM_BASE + 0x100);
    ck_assert_uint_eq(tu_csr(m, CSR_MCAUSE), 8);
    emu_machine_free(m);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("user");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_initial_stack_matches_linux_layout);
    tcase_add_test(tc, test_stack_refuses_oversized_arguments);
    tcase_add_test(tc, test_syscalls_reject_wild_pointers);
    tcase_add_test(tc, test_broken_pipe_does_not_signal_the_host);
    tcase_add_test(tc, test_chroot_root_cannot_be_taken_away);
    tcase_add_test(tc, test_ecall_and_faults_exit_to_the_caller);
    tcase_add_test(tc, test_touching_mapped_pages_is_transparent);
    tcase_add_test(tc, test_areas_split_and_merge_with_protections);
    tcase_add_test(tc, test_freed_pages_come_back_zeroed);
    tcase_add_test(tc, test_mremap_moves_pages_and_brk_grows);
    tcase_add_test(tc, test_snapshots_refuse_user_mode_machines);
    tcase_add_test(tc, test_machines_without_a_process_keep_trapping_normally);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(make_suite()); }
