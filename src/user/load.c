/*
 * Loading a riscv64 Linux executable: its PT_LOAD segments, its
 * interpreter (PT_INTERP, for dynamic programs), the signal-return
 * trampoline, and the initial stack the program's _start expects
 * (argc, argv, envp, the auxiliary vector), as Linux's ELF loader
 * builds them.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "user/user.h"

#ifndef EM_RISCV
#define EM_RISCV 243
#endif
#define MAX_PHDRS 128
/* the room argv and envp strings may take, like Linux's ARG_MAX */
#define MAX_ARG_BYTES (2u << 20)

static uint64_t page_down(uint64_t a) { return a & ~(USER_PAGE - 1); }
static uint64_t page_up(uint64_t a) { return (a + USER_PAGE - 1) & ~(USER_PAGE - 1); }

typedef struct elf_file {
    const char *what;
    char *img;
    size_t size;
    Elf64_Ehdr eh;
    Elf64_Phdr ph[MAX_PHDRS];
} elf_file;

/* Every check before anything is mapped: the file must be a riscv64
 * executable whose headers and segments lie inside it. */
static emu_status check_elf(user_proc *p, elf_file *f)
{
    emu_machine *m = p->m;
    if (f->size < sizeof(Elf64_Ehdr) ||
        memcmp(f->img, ELFMAG, SELFMAG) != 0)
        return machine_error(m, EMU_ERR_FORMAT,
                             "%s: not an ELF file (or truncated)", f->what);
    memcpy(&f->eh, f->img, sizeof(f->eh));
    const Elf64_Ehdr *eh = &f->eh;
    if (eh->e_ident[EI_CLASS] != ELFCLASS64 ||
        eh->e_ident[EI_DATA] != ELFDATA2LSB ||
        eh->e_machine != p->arch->e_machine)
        return machine_error(m, EMU_ERR_FORMAT,
                             "%s: not a%s %s program (ELF class %u, "
                             "machine %u; %s is class 2, machine %u)",
                             f->what, p->arch->name[0] == 'a' ? "n" : "",
                             p->arch->name, eh->e_ident[EI_CLASS],
                             eh->e_machine, p->arch->name,
                             p->arch->e_machine);
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
        return machine_error(m, EMU_ERR_FORMAT,
                             "%s: not an executable (ELF type %u)", f->what,
                             eh->e_type);
    if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 ||
        eh->e_phnum > MAX_PHDRS || eh->e_phoff > f->size ||
        (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr) > f->size - eh->e_phoff)
        return machine_error(m, EMU_ERR_FORMAT,
                             "%s: program headers missing or truncated",
                             f->what);
    memcpy(f->ph, f->img + eh->e_phoff, eh->e_phnum * sizeof(Elf64_Phdr));
    unsigned nload = 0;
    for (unsigned i = 0; i < eh->e_phnum; i++) {
        const Elf64_Phdr *ph = &f->ph[i];
        if (ph->p_type != PT_LOAD && ph->p_type != PT_INTERP)
            continue;
        if (ph->p_offset > f->size || ph->p_filesz > f->size - ph->p_offset)
            return machine_error(m, EMU_ERR_FORMAT,
                                 "%s: truncated: segment %u lies past the "
                                 "end of the file", f->what, i);
        if (ph->p_type == PT_INTERP)
            continue;
        nload++;
        if (ph->p_filesz > ph->p_memsz || ph->p_vaddr >= USER_TASK_SIZE ||
            ph->p_memsz > USER_TASK_SIZE - ph->p_vaddr)
            return machine_error(m, EMU_ERR_FORMAT,
                                 "%s: segment %u (0x%llx, 0x%llx bytes) does "
                                 "not fit the address space", f->what, i,
                                 (unsigned long long)ph->p_vaddr,
                                 (unsigned long long)ph->p_memsz);
    }
    if (!nload)
        return machine_error(m, EMU_ERR_FORMAT, "%s: nothing to load",
                             f->what);
    return EMU_OK;
}

static int seg_prot(uint32_t flags)
{
    return ((flags & PF_R) ? UP_READ : 0) | ((flags & PF_W) ? UP_WRITE : 0) |
           ((flags & PF_X) ? UP_EXEC : 0);
}

/*
 * Map f's segments; ET_DYN files are moved by a bias: the main program to
 * USER_DYN_BASE, an interpreter wherever mmap would put it. Segments
 * sharing a page give it both protections.
 */
static emu_status map_elf(user_proc *p, elf_file *f, bool interp,
                          user_auxv *a, uint64_t *end)
{
    uint64_t lo = UINT64_MAX, hi = 0;
    for (unsigned i = 0; i < f->eh.e_phnum; i++) {
        const Elf64_Phdr *ph = &f->ph[i];
        if (ph->p_type != PT_LOAD)
            continue;
        if (page_down(ph->p_vaddr) < lo)
            lo = page_down(ph->p_vaddr);
        if (page_up(ph->p_vaddr + ph->p_memsz) > hi)
            hi = page_up(ph->p_vaddr + ph->p_memsz);
    }
    uint64_t bias = 0;
    if (f->eh.e_type == ET_DYN) {
        uint64_t at = interp ? user_find_free(p, 0, hi - lo)
                             : (lo ? 0 : USER_DYN_BASE);
        if (!interp && lo)
            at = lo; /* prelinked: keep its addresses */
        if (!at || hi - lo > USER_TASK_SIZE - at)
            return machine_error(p->m, EMU_ERR_NOMEM,
                                 "%s: no room for 0x%llx bytes", f->what,
                                 (unsigned long long)(hi - lo));
        bias = at - lo;
    }
    uint64_t prev_end = 0;
    int prev_prot = 0;
    for (unsigned i = 0; i < f->eh.e_phnum; i++) {
        const Elf64_Phdr *ph = &f->ph[i];
        if (ph->p_type != PT_LOAD)
            continue;
        uint64_t s = page_down(ph->p_vaddr + bias);
        uint64_t e = page_up(ph->p_vaddr + bias + ph->p_memsz);
        int prot = seg_prot(ph->p_flags);
        if (s < prev_end) { /* the page the previous segment ends in */
            if (!user_protect(p, s, USER_PAGE, prot | prev_prot))
                return machine_error(p->m, EMU_ERR_FORMAT,
                                     "%s: overlapping segments", f->what);
            s += USER_PAGE;
        }
        if (s < e && !user_map_fixed(p, s, e - s, prot))
            return machine_error(p->m, EMU_ERR_NOMEM, "out of memory");
        if (e > prev_end)
            prev_end = e, prev_prot = prot;
        if (ph->p_filesz &&
            !user_copy_out(p, ph->p_vaddr + bias, f->img + ph->p_offset,
                           ph->p_filesz, 0))
            return machine_error(p->m, EMU_ERR_NOMEM,
                                 "%s: out of guest memory", f->what);
    }
    a->entry = f->eh.e_entry + bias;
    a->base = bias;
    a->phent = sizeof(Elf64_Phdr);
    a->phnum = f->eh.e_phnum;
    a->phdr = 0;
    for (unsigned i = 0; i < f->eh.e_phnum; i++) {
        const Elf64_Phdr *ph = &f->ph[i];
        if (ph->p_type == PT_PHDR) {
            a->phdr = ph->p_vaddr + bias;
            break;
        }
        if (ph->p_type == PT_LOAD && f->eh.e_phoff >= ph->p_offset &&
            f->eh.e_phoff - ph->p_offset < ph->p_filesz)
            a->phdr = ph->p_vaddr + (f->eh.e_phoff - ph->p_offset) + bias;
    }
    *end = hi + bias;
    return EMU_OK;
}

static emu_status read_elf(user_proc *p, elf_file *f, const char *path)
{
    f->what = path;
    emu_status st = machine_read_file(p->m, path, &f->img, &f->size);
    if (st != EMU_OK)
        return st;
    st = check_elf(p, f);
    if (st != EMU_OK) {
        free(f->img);
        f->img = NULL;
    }
    return st;
}

emu_status user_load_elf(user_proc *p, const char *path, int argc,
                         char *const argv[], char *const envp[])
{
    elf_file *f = calloc(2, sizeof(*f));
    if (!f)
        return machine_error(p->m, EMU_ERR_NOMEM, "out of memory");
    elf_file *in = &f[1];
    char interp[4096];
    user_auxv a, ia;
    uint64_t end, iend;
    emu_status st = read_elf(p, f, path);
    if (st != EMU_OK)
        goto out;
    interp[0] = 0;
    for (unsigned i = 0; i < f->eh.e_phnum; i++) {
        const Elf64_Phdr *ph = &f->ph[i];
        if (ph->p_type != PT_INTERP)
            continue;
        if (ph->p_filesz == 0 || ph->p_filesz >= sizeof(interp) ||
            f->img[ph->p_offset + ph->p_filesz - 1] != 0) {
            st = machine_error(p->m, EMU_ERR_FORMAT,
                               "%s: malformed PT_INTERP", path);
            goto out;
        }
        char host[4096];
        int err = user_path_str(p, f->img + ph->p_offset, host, sizeof(host));
        if (err) {
            st = machine_error(p->m, EMU_ERR_IO,
                               "%s: interpreter path %s is too long", path,
                               f->img + ph->p_offset);
            goto out;
        }
        snprintf(interp, sizeof(interp), "%s", host);
    }
    st = map_elf(p, f, false, &a, &end);
    if (st != EMU_OK)
        goto out;
    p->brk_start = p->brk = page_up(end);
    a.base = 0;
    if (interp[0]) {
        st = read_elf(p, in, interp);
        if (st != EMU_OK) {
            char why[400]; /* last_error cannot format into itself */
            snprintf(why, sizeof(why), "%s", emu_last_error(p->m));
            machine_error(p->m, st, "%s: its interpreter: %s (give the "
                          "sysroot holding it with -L)", path, why);
            goto out;
        }
        st = map_elf(p, in, true, &ia, &iend);
        if (st != EMU_OK)
            goto out;
        a.base = ia.base;
    }

    /* the rt_sigreturn trampoline (Linux puts it in the vDSO; a signal
     * handler returns to it) */
    p->sigtramp = user_find_free(p, 0, USER_PAGE);
    if (!p->sigtramp || !user_map_fixed(p, p->sigtramp, USER_PAGE, UP_READ | UP_EXEC) ||
        !user_copy_out(p, p->sigtramp, p->arch->sigtramp,
                       p->arch->sigtramp_words * 4, 0) ||
        !user_map_fixed(p, USER_STACK_TOP - USER_STACK_SIZE, USER_STACK_SIZE,
                        UP_READ | UP_WRITE)) {
        st = machine_error(p->m, EMU_ERR_NOMEM, "out of guest memory");
        goto out;
    }
    uint64_t sp = user_build_stack(p, argc, argv, envp, path, &a);
    if (!sp) {
        st = machine_error(p->m, EMU_ERR_INVALID,
                           "%s: the arguments and environment do not fit "
                           "on the stack", path);
        goto out;
    }
    free(p->exe);
    p->exe = realpath(path, NULL);
    p->arch->start(p, interp[0] ? ia.entry : a.entry, sp);
    user_mem_activate(p);
out:
    free(f[0].img);
    free(f[1].img);
    free(f);
    return st;
}

/* Auxiliary vector keys (linux/auxvec.h). */
enum {
    AT_NULL_ = 0, AT_PHDR_ = 3, AT_PHENT_ = 4, AT_PHNUM_ = 5, AT_PAGESZ_ = 6,
    AT_BASE_ = 7, AT_FLAGS_ = 8, AT_ENTRY_ = 9, AT_UID_ = 11, AT_EUID_ = 12,
    AT_GID_ = 13, AT_EGID_ = 14, AT_PLATFORM_ = 15, AT_HWCAP_ = 16, AT_HWCAP2_ = 26,
    AT_CLKTCK_ = 17, AT_SECURE_ = 23, AT_RANDOM_ = 25, AT_EXECFN_ = 31,
};

/* Push len bytes below *sp; false when the stack is full. */
static bool push(user_proc *p, uint64_t *sp, const void *src, size_t len)
{
    if (*sp - (USER_STACK_TOP - USER_STACK_SIZE) < len + 4096)
        return false;
    *sp -= len;
    return user_copy_out(p, *sp, src, len, 0);
}

uint64_t user_build_stack(user_proc *p, int argc, char *const argv[],
                          char *const envp[], const char *execfn,
                          const user_auxv *a)
{
    uint64_t sp = USER_STACK_TOP;
    size_t envc = 0, bytes = 0;
    while (envp && envp[envc])
        bytes += strlen(envp[envc++]) + 1;
    for (int i = 0; i < argc; i++)
        bytes += strlen(argv[i]) + 1;
    if (bytes > MAX_ARG_BYTES || argc < 0)
        return 0;

    /* from the top down, as Linux: a NULL word, the file name, the
     * argument and environment strings, the platform name, AT_RANDOM */
    static const uint64_t zero = 0;
    if (!push(p, &sp, &zero, 8) ||
        !push(p, &sp, execfn, strlen(execfn) + 1))
        return 0;
    uint64_t execfn_va = sp;
    uint64_t *argv_va = calloc((size_t)argc + envc + 1, sizeof(uint64_t));
    if (!argv_va)
        return 0;
    uint64_t *envp_va = argv_va + argc;
    bool ok = true;
    for (size_t i = envc; ok && i-- > 0;) {
        ok = push(p, &sp, envp[i], strlen(envp[i]) + 1);
        envp_va[i] = sp;
    }
    for (int i = argc; ok && i-- > 0;) {
        ok = push(p, &sp, argv[i], strlen(argv[i]) + 1);
        argv_va[i] = sp;
    }
    ok = ok && push(p, &sp, p->arch->name, strlen(p->arch->name) + 1);
    uint64_t platform_va = sp;
    uint8_t rnd[16];
    if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
        memset(rnd, 0x5a, sizeof(rnd));
    ok = ok && push(p, &sp, rnd, sizeof(rnd));
    uint64_t random_va = sp;

    uint64_t hwcap = p->arch->hwcap(p, 0), hwcap2 = p->arch->hwcap(p, 1);
    uint64_t aux[][2] = {
        {AT_PHDR_, a->phdr},     {AT_PHENT_, a->phent},
        {AT_PHNUM_, a->phnum},   {AT_PAGESZ_, USER_PAGE},
        {AT_BASE_, a->base},     {AT_FLAGS_, 0},
        {AT_ENTRY_, a->entry},   {AT_UID_, getuid()},
        {AT_EUID_, geteuid()},   {AT_GID_, getgid()},
        {AT_EGID_, getegid()},   {AT_SECURE_, 0},
        {AT_RANDOM_, random_va}, {AT_HWCAP_, hwcap},
        {AT_CLKTCK_, 100},       {AT_EXECFN_, execfn_va},
        {AT_PLATFORM_, platform_va}, {AT_HWCAP2_, hwcap2},
        {AT_NULL_, 0},
    };
    size_t naux = sizeof(aux) / sizeof(aux[0]);
    if (!hwcap2) { /* ISAs without AT_HWCAP2 (riscv64) do not list it */
        aux[naux - 2][0] = AT_NULL_;
        naux--;
    }
    size_t words = 1 + (size_t)argc + 1 + envc + 1 + 2 * naux;
    /* the ABI wants sp 16-byte aligned at argc */
    sp = (sp - words * 8) & ~15ull;
    uint64_t *v = calloc(words, 8);
    if (!v || !ok || sp < USER_STACK_TOP - USER_STACK_SIZE + 4096) {
        free(v);
        free(argv_va);
        return 0;
    }
    size_t k = 0;
    v[k++] = (uint64_t)argc;
    for (int i = 0; i < argc; i++)
        v[k++] = argv_va[i];
    v[k++] = 0;
    for (size_t i = 0; i < envc; i++)
        v[k++] = envp_va[i];
    v[k++] = 0;
    for (size_t i = 0; i < naux; i++) {
        v[k++] = aux[i][0];
        v[k++] = aux[i][1];
    }
    ok = user_copy_out(p, sp, v, words * 8, 0);
    free(v);
    free(argv_va);
    return ok ? sp : 0;
}

bool user_exec_ok(user_proc *p, const char *path)
{
    elf_file *f = calloc(1, sizeof(*f));
    if (!f)
        return false;
    bool ok = read_elf(p, f, path) == EMU_OK;
    free(f->img);
    free(f);
    return ok;
}
