/*
 * User-mode emulation: one Linux process on a machine (include/libemu/
 * user.h). Internal header shared by the files of src/user.
 *
 * Memory: the process's virtual memory is described by a sorted list of
 * areas (user_vma) with Linux protections; the Sv39 page tables in guest
 * RAM are filled from it on demand: a page gets its physical page and its
 * PTE the first time the program (or a system call) touches it. A PTE
 * that is not valid but still names a page keeps a PROT_NONE page's
 * contents (the hardware ignores every other bit of an invalid PTE).
 */
#ifndef USER_USER_H
#define USER_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libemu/user.h"
#include "machine/machine.h"

#define USER_PAGE 4096ull
/* Sv39 gives user space the low 256 GiB. */
#define USER_TASK_SIZE (1ull << 38)
#define USER_STACK_TOP (USER_TASK_SIZE - USER_PAGE)
#define USER_STACK_SIZE (8ull << 20)
/* mmap() without a hint searches down from here (below the stack and a
 * gap, as Linux's mmap_base) */
#define USER_MMAP_TOP (USER_STACK_TOP - USER_STACK_SIZE - (128ull << 20))
/* where a static-pie program goes: 2/3 of the address space, Linux's
 * ELF_ET_DYN_BASE */
#define USER_DYN_BASE 0x2aaaaaa000ull

/* Linux protections and mmap flags (the generic values riscv64 uses). */
enum { UP_READ = 1, UP_WRITE = 2, UP_EXEC = 4 };

typedef struct user_vma {
    uint64_t start, end; /* page-aligned, end exclusive */
    int prot;            /* UP_* */
} user_vma;

/* A guest signal action (the kernel's struct sigaction; sa_restorer only
 * where the ISA has it, see user_arch). */
typedef struct user_sigaction {
    uint64_t handler, flags, restorer, mask;
} user_sigaction;

#define USER_NSIG 64

/* Threads (thread.c): at most this many at once, each switched out after
 * this many steps when another can run. */
#define USER_MAX_THREADS 256
#define USER_THREAD_QUANTUM 100000
/* the largest register context an ISA saves (user_arch.save_ctx) */
#define USER_CTX_MAX 1024

typedef struct user_thread {
    bool alive;
    int tid;
    uint64_t blocked;   /* its signal mask, while it is not running */
    uint64_t clear_tid; /* CLONE_CHILD_CLEARTID / set_tid_address */
    /* a futex wait: on which word, for which bits, until when */
    bool waiting, timed, realtime;
    uint64_t futex;
    uint32_t bitset;
    uint64_t deadline_ns;
    /* the result of the system call it waits in, given when it runs */
    bool ret_pending;
    int64_t ret;
    /* its registers, while it is not running */
    uint8_t ctx[USER_CTX_MAX] __attribute__((aligned(16)));
} user_thread;

struct user_proc;
struct emu_exit;

/*
 * What user-mode emulation needs to know about the program's ISA: where
 * the system call and its arguments are, how a signal frame holds the
 * registers, how a fault becomes a signal. Everything else in src/user
 * is the same for every ISA that uses Linux's generic system-call table
 * (riscv64 and aarch64 both do). One table per ISA: arch_riscv.c,
 * arch_arm64.c.
 */
typedef struct user_arch {
    const char *name;   /* uname's machine and AT_PLATFORM: "riscv64" */
    unsigned e_machine; /* the ELF machine number of its programs */
    /* the kernel's struct sigaction has sa_restorer (SA_RESTORER) */
    bool sa_restorer;
    /* the rt_sigreturn trampoline the handler returns through when it
     * names no restorer (Linux keeps it in the vDSO) */
    const uint32_t *sigtramp;
    size_t sigtramp_words;
    /* the signal frame's size: siginfo (128 bytes), the ucontext, and
     * whatever the ISA adds; a multiple of 16 */
    size_t frame_size;
    /* AT_HWCAP (which 0) and AT_HWCAP2 (1) */
    uint64_t (*hwcap)(struct user_proc *p, int which);
    uint64_t (*pc)(struct user_proc *p);
    void (*set_pc)(struct user_proc *p, uint64_t pc);
    uint64_t (*sp)(struct user_proc *p);
    /* a new program: every register cleared, then pc and sp */
    void (*start)(struct user_proc *p, uint64_t pc, uint64_t sp);
    /* the system call the program makes: its number, arguments in a */
    uint64_t (*syscall_args)(struct user_proc *p, uint64_t a[6]);
    /* its result, in the first argument's register */
    void (*syscall_ret)(struct user_proc *p, uint64_t r);
    /* the instruction that makes a system call is this long */
    unsigned syscall_len;
    /* clone's child: its stack (0 keeps the parent's) and its TLS */
    void (*clone_child)(struct user_proc *p, uint64_t sp, bool set_tls,
                        uint64_t tls);
    /* put the hart in user mode over the process's memory */
    void (*activate)(struct user_proc *p);
    /* the process's mappings changed */
    void (*tlb_flush)(struct user_proc *p);
    /* the ISA's own system calls (numbers 244..259): true when nr is one,
     * with its result in *ret; NULL for none */
    bool (*syscall)(struct user_proc *p, uint64_t nr, const uint64_t a[6],
                    int64_t *ret);
    /* the signal an EMU_EXIT_EXCEPTION sends (si_code and si_addr), 0 for
     * none after resolving a fault on memory not yet touched */
    int (*exception_signal)(struct user_proc *p, const struct emu_exit *ex,
                            int *code, uint64_t *addr);
    /* save the registers into the frame f (frame_size bytes, going to
     * guest address sp; siginfo and the ucontext's flags, link, stack and
     * sigmask are filled); then enter the handler of a */
    void (*frame_save)(struct user_proc *p, uint8_t *f, uint64_t sp);
    void (*frame_enter)(struct user_proc *p, int sig,
                        const user_sigaction *a, uint64_t sp);
    /* rt_sigreturn: take the registers back from the frame */
    void (*frame_restore)(struct user_proc *p, const uint8_t *f);
    /* a thread's registers, parked while another runs (at most
     * USER_CTX_MAX bytes) */
    void (*save_ctx)(struct user_proc *p, uint8_t *ctx);
    void (*load_ctx)(struct user_proc *p, const uint8_t *ctx);
} user_arch;

extern const user_arch user_arch_riscv64;
extern const user_arch user_arch_arm64;

/* Offsets in a signal frame common to both ISAs: siginfo, then the
 * ucontext with uc_flags, uc_link, uc_stack (24 bytes), uc_sigmask, and
 * the machine context 16-aligned at UC + 176. */
#define USER_FRAME_UC 128
#define USER_FRAME_UC_STACK (USER_FRAME_UC + 16)
#define USER_FRAME_UC_SIGMASK (USER_FRAME_UC + 40)
#define USER_FRAME_MCONTEXT (USER_FRAME_UC + 176)

typedef struct user_proc {
    emu_machine *m;
    const user_arch *arch;
    emu_user_config cfg;
    char *sysroot, *root; /* copies of cfg's strings, or NULL */
    char *cwd;            /* with root: the guest's working directory */
    char *exe;            /* the program's host path (/proc/self/exe) */

    /* physical pages: fresh ones from next_pa up, freed ones on a stack */
    uint64_t next_pa, end_pa;
    uint32_t *free_pages; /* page numbers relative to the RAM base */
    size_t nfree, free_cap;
    uint64_t root_pa; /* the Sv39 root page table */

    user_vma *vmas;
    size_t nvmas, vma_cap;
    uint64_t brk_start, brk;
    uint64_t sigtramp; /* the page holding the rt_sigreturn trampoline */

    /* signals */
    user_sigaction act[USER_NSIG + 1];
    uint64_t blocked, pending;
    uint64_t altstack_sp, altstack_size;
    int altstack_flags;
    uint64_t fault_addr[USER_NSIG + 1]; /* si_addr of a pending fault */
    int fault_code[USER_NSIG + 1];

    /* threads: NULL until the first clone(CLONE_THREAD); cur is the one
     * on the hart */
    user_thread *threads;
    unsigned nthreads, cur;
    int next_tid;
    uint64_t clear_tid;   /* set_tid_address before any thread */
    uint64_t slice_start; /* sched.icount when cur began to run */

    /* warned once for each unimplemented system call number */
    uint8_t warned[512];
    bool exited;
    int exit_status;
    int term_sig;  /* the signal that ended the program, 0 for exit() */
    bool no_return; /* the system call replaced the registers (execve) */
    /* the last system call failed with EINTR: where, with which a0, and
     * the step count then (emu_user_kill may restart it) */
    bool eintr;
    uint64_t eintr_pc, eintr_a0, eintr_icount;
} user_proc;

/* ---- mem.c ---- */
bool user_mem_init(user_proc *p);
void user_mem_free(user_proc *p);
/* Point the hart at the page tables and put it in U mode. */
void user_mem_activate(user_proc *p);
const user_vma *user_find_vma(const user_proc *p, uint64_t va);
/* Map [va, va+len) (page-aligned) with prot, replacing what was there. */
bool user_map_fixed(user_proc *p, uint64_t va, uint64_t len, int prot);
/* A free range of len bytes, at hint if that is free, else searched down
 * from USER_MMAP_TOP; 0 when there is none. */
uint64_t user_find_free(user_proc *p, uint64_t hint, uint64_t len);
void user_unmap(user_proc *p, uint64_t va, uint64_t len);
/* false when some page of the range is not mapped (ENOMEM) */
bool user_protect(user_proc *p, uint64_t va, uint64_t len, int prot);
/* The host address of the byte at va when the page is mapped with every
 * right in `need` (UP_*; 0 ignores the protection), making it present;
 * with `write`, the page's decoded instructions are dropped. NULL when the
 * page is not mapped, lacks a right, or no RAM is left. The pointer is
 * good up to the end of the page. */
uint8_t *user_page_ptr(user_proc *p, uint64_t va, int need, bool write);
/* Copies that check the program's mappings and rights (need: UP_READ for
 * copy_in, UP_WRITE for copy_out; 0 ignores protections, for the loader).
 * false on any page that fails: the syscall's EFAULT. */
bool user_copy_in(user_proc *p, void *dst, uint64_t va, size_t len);
bool user_copy_out(user_proc *p, uint64_t va, const void *src, size_t len,
                   int need);
/* A NUL-terminated string of at most max bytes (NUL included): its
 * length, -1 for EFAULT, -2 when it is too long. */
long user_str_in(user_proc *p, char *dst, uint64_t va, size_t max);
/* MADV_DONTNEED: the pages of the range read as zeros again. */
void user_discard(user_proc *p, uint64_t va, uint64_t len);
/* Move the pages of [from, from+len) to [to, to+len) (mremap); both
 * ranges are mapped. */
bool user_move(user_proc *p, uint64_t from, uint64_t to, uint64_t len);
/* A page fault at va: make the page present if the access is allowed.
 * acc: 0 fetch, 1 load, 2 store. */
bool user_fault_in(user_proc *p, uint64_t va, int acc);

/* ---- load.c ---- */
typedef struct user_auxv {
    uint64_t phdr, phent, phnum, entry, base;
} user_auxv;
emu_status user_load_elf(user_proc *p, const char *path, int argc,
                         char *const argv[], char *const envp[]);
/* The file at path is a riscv64 executable libemu can load. */
bool user_exec_ok(user_proc *p, const char *path);
/* Build the initial stack below USER_STACK_TOP; returns sp, 0 on EFAULT. */
uint64_t user_build_stack(user_proc *p, int argc, char *const argv[],
                          char *const envp[], const char *execfn,
                          const user_auxv *a);

/* ---- syscall.c ---- */
/* Perform the system call in a7 with a0..a5; the result goes to a0 unless
 * the call does not return (exit, rt_sigreturn). */
void user_syscall(user_proc *p);
int64_t user_syscall_do(user_proc *p, uint64_t nr, const uint64_t a[6]);
/* The process ended with this wait status-like exit code. */
void user_exit(user_proc *p, int status);

/* Write a host struct rusage in the riscv64 layout; 0 or -EFAULT. */
struct rusage;
int64_t user_put_rusage(user_proc *p, uint64_t va, const struct rusage *ru);

/* ---- exec.c ---- */
int64_t user_clone(user_proc *p, const uint64_t a[6]);
int64_t user_execve(user_proc *p, const char *host, uint64_t argv_va,
                    uint64_t envp_va);
int64_t user_wait4(user_proc *p, int64_t pid, uint64_t status_va, int options,
                   uint64_t rusage_va);

/* ---- thread.c ---- */
int64_t user_thread_clone(user_proc *p, const uint64_t a[6]);
/* exit() of one thread: false when it is the last one (the process then
 * ends) */
bool user_thread_exit(user_proc *p, int status);
int64_t user_futex(user_proc *p, const uint64_t a[6]);
int64_t user_sched_yield(user_proc *p);
int user_gettid(user_proc *p);
/* tid names one of the process's threads */
bool user_is_tid(const user_proc *p, int64_t tid);
void user_set_clear_tid(user_proc *p, uint64_t va);
/* after fork() and execve(): only the calling thread goes on */
void user_threads_only_current(user_proc *p);

/* ---- path.c ---- */
/* Read the path at va and turn it into a host path for use with dirfd
 * (which may be replaced, e.g. by AT_FDCWD for a chroot's absolute
 * paths). follow: resolve a final symbolic link (chroot only). Returns 0
 * or a negative errno. */
int user_path(user_proc *p, int *dirfd, uint64_t va, char *out, size_t outlen,
              bool follow);
/* Is host (from user_path()) the chroot directory itself? Calls that would
 * remove, rename or replace it get Linux's answer for "/" instead: the
 * program cannot take away its own root. */
bool user_path_is_root(const user_proc *p, const char *host);
/* Host path for a guest absolute path string (the interpreter). */
int user_path_str(user_proc *p, const char *guest, char *out, size_t outlen);
/* The guest's view of a host path (getcwd under a chroot). */
int user_getcwd(user_proc *p, char *out, size_t outlen);
int user_chdir(user_proc *p, const char *host, const char *guest);

/* ---- signal.c ---- */
/* Deliver the deliverable pending signals (after a syscall or fault). */
void user_signal_deliver(user_proc *p);
/* Raise sig with a fault address (si_code given) or as a kill (code 0). */
void user_signal_raise(user_proc *p, int sig, int code, uint64_t addr);
int64_t user_rt_sigaction(user_proc *p, int sig, uint64_t act, uint64_t old,
                          uint64_t size);
int64_t user_rt_sigprocmask(user_proc *p, int how, uint64_t set, uint64_t old,
                            uint64_t size);
int64_t user_sigaltstack(user_proc *p, uint64_t ss, uint64_t old);
void user_rt_sigreturn(user_proc *p);
const char *user_signame(int sig);

/* ---- user.c ---- */
void user_warn(user_proc *p, emu_log_level lvl, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
