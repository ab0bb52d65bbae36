/*
 * The process's memory: physical pages out of the machine's RAM, Sv39 page
 * tables built in that RAM, and the list of mapped areas the page tables
 * are filled from on demand (user.h).
 */
#include <stdlib.h>
#include <string.h>

#include "mmu/mmu.h"
#include "user/user.h"

/* Sv39 PTE bits (priv spec 4.3.1) */
#define PTE_V 1ull
#define PTE_R 2ull
#define PTE_W 4ull
#define PTE_X 8ull
#define PTE_U 16ull
#define PTE_A 64ull
#define PTE_D 128ull
#define PTE_PPN(e) (((e) >> 10) & ((1ull << 44) - 1))

static uint8_t *ram(user_proc *p, uint64_t pa)
{
    return p->m->bus.ram + (pa - p->m->bus.ram_base);
}

/*
 * A zeroed physical page, 0 when RAM is used up. Fresh pages come zeroed
 * from the lazily allocated RAM and cost nothing until touched; a reused
 * page is cleared, and its decoded instructions dropped.
 */
static uint64_t page_alloc(user_proc *p)
{
    if (p->nfree) {
        uint64_t pa = p->m->bus.ram_base +
                      ((uint64_t)p->free_pages[--p->nfree] << 12);
        memset(ram(p, pa), 0, USER_PAGE);
        bus_ram_written(&p->m->bus, pa, USER_PAGE);
        return pa;
    }
    if (p->next_pa >= p->end_pa)
        return 0;
    uint64_t pa = p->next_pa;
    p->next_pa += USER_PAGE;
    return pa;
}

static void page_free(user_proc *p, uint64_t pa)
{
    if (p->nfree == p->free_cap) {
        size_t cap = p->free_cap ? p->free_cap * 2 : 1024;
        uint32_t *n = realloc(p->free_pages, cap * sizeof(*n));
        if (!n)
            return; /* the page is lost, nothing worse */
        p->free_pages = n;
        p->free_cap = cap;
    }
    p->free_pages[p->nfree++] = (uint32_t)((pa - p->m->bus.ram_base) >> 12);
}

/* The leaf PTE for va; with create, the tables on the way are made. */
static uint64_t *pte_ptr(user_proc *p, uint64_t va, bool create)
{
    uint64_t pt = p->root_pa;
    for (int level = 2; level > 0; level--) {
        uint64_t *e = (uint64_t *)ram(p, pt) + ((va >> (12 + 9 * level)) & 511);
        if (!(*e & PTE_V)) {
            if (!create)
                return NULL;
            uint64_t n = page_alloc(p);
            if (!n)
                return NULL;
            *e = (n >> 12) << 10 | PTE_V;
        }
        pt = PTE_PPN(*e) << 12;
    }
    return (uint64_t *)ram(p, pt) + ((va >> 12) & 511);
}

/* The leaf bits for a protection. Linux on RISC-V gives PROT_WRITE read
 * access too (W without R is reserved, priv 4.3.1); PROT_NONE is an
 * invalid PTE that still names its page. A and D are set up front:
 * libemu's walker faults on them rather than setting them. */
static uint64_t pte_bits(int prot)
{
    if (!prot)
        return 0;
    uint64_t b = PTE_V | PTE_U | PTE_A | PTE_D;
    if (prot & (UP_READ | UP_WRITE))
        b |= PTE_R;
    if (prot & UP_WRITE)
        b |= PTE_W;
    if (prot & UP_EXEC)
        b |= PTE_X;
    return b;
}

/* The rights an area gives: PROT_WRITE reads too (pte_bits). */
static int vma_rights(const user_vma *v)
{
    return v->prot | ((v->prot & UP_WRITE) ? UP_READ : 0);
}

static void tlb_flush_all(user_proc *p) { p->arch->tlb_flush(p); }

bool user_mem_init(user_proc *p)
{
    p->next_pa = p->m->bus.ram_base;
    p->end_pa = p->m->bus.ram_base + p->m->cfg.ram_size;
    p->root_pa = page_alloc(p);
    return p->root_pa != 0;
}

void user_mem_free(user_proc *p)
{
    free(p->free_pages);
    free(p->vmas);
}

void user_mem_activate(user_proc *p) { p->arch->activate(p); }

const user_vma *user_find_vma(const user_proc *p, uint64_t va)
{
    size_t lo = 0, hi = p->nvmas;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const user_vma *v = &p->vmas[mid];
        if (va < v->start)
            hi = mid;
        else if (va >= v->end)
            lo = mid + 1;
        else
            return v;
    }
    return NULL;
}

static bool vma_reserve(user_proc *p, size_t extra)
{
    if (p->nvmas + extra <= p->vma_cap)
        return true;
    size_t cap = (p->vma_cap ? p->vma_cap * 2 : 32) + extra;
    user_vma *n = realloc(p->vmas, cap * sizeof(*n));
    if (!n)
        return false;
    p->vmas = n;
    p->vma_cap = cap;
    return true;
}

/* Cut [s, e) out of the area list (the pages are dealt with apart). */
static bool vma_cut(user_proc *p, uint64_t s, uint64_t e)
{
    if (!vma_reserve(p, 1))
        return false;
    for (size_t i = 0; i < p->nvmas; i++) {
        user_vma *v = &p->vmas[i];
        if (v->end <= s || v->start >= e)
            continue;
        if (v->start < s && v->end > e) { /* split in two */
            memmove(v + 2, v + 1, (p->nvmas - i - 1) * sizeof(*v));
            v[1] = (user_vma){e, v->end, v->prot};
            v->end = s;
            p->nvmas++;
            return true;
        }
        if (v->start < s) {
            v->end = s;
        } else if (v->end > e) {
            v->start = e;
        } else { /* inside: remove */
            memmove(v, v + 1, (p->nvmas - i - 1) * sizeof(*v));
            p->nvmas--;
            i--;
        }
    }
    return true;
}

/* Add [s, e) with prot where nothing is mapped, merging with neighbours. */
static bool vma_add(user_proc *p, uint64_t s, uint64_t e, int prot)
{
    if (!vma_reserve(p, 1))
        return false;
    size_t i = 0;
    while (i < p->nvmas && p->vmas[i].start < s)
        i++;
    memmove(&p->vmas[i + 1], &p->vmas[i], (p->nvmas - i) * sizeof(user_vma));
    p->vmas[i] = (user_vma){s, e, prot};
    p->nvmas++;
    /* merge with the next, then the previous */
    if (i + 1 < p->nvmas && p->vmas[i + 1].start == e &&
        p->vmas[i + 1].prot == prot) {
        p->vmas[i].end = p->vmas[i + 1].end;
        memmove(&p->vmas[i + 1], &p->vmas[i + 2],
                (p->nvmas - i - 2) * sizeof(user_vma));
        p->nvmas--;
    }
    if (i > 0 && p->vmas[i - 1].end == s && p->vmas[i - 1].prot == prot) {
        p->vmas[i - 1].end = p->vmas[i].end;
        memmove(&p->vmas[i], &p->vmas[i + 1],
                (p->nvmas - i - 1) * sizeof(user_vma));
        p->nvmas--;
    }
    return true;
}

/* Drop the pages of [s, e): free them and clear their PTEs. */
static void drop_pages(user_proc *p, uint64_t s, uint64_t e)
{
    for (uint64_t va = s; va < e;) {
        uint64_t *pte = pte_ptr(p, va, false);
        if (!pte) { /* no table: skip to the next 2 MiB */
            va = (va | ((1ull << 21) - 1)) + 1;
            continue;
        }
        if (PTE_PPN(*pte))
            page_free(p, PTE_PPN(*pte) << 12);
        *pte = 0;
        va += USER_PAGE;
    }
}

void user_unmap(user_proc *p, uint64_t va, uint64_t len)
{
    uint64_t e = va + len;
    for (size_t i = 0; i < p->nvmas; i++) {
        const user_vma *v = &p->vmas[i];
        uint64_t s1 = v->start > va ? v->start : va;
        uint64_t e1 = v->end < e ? v->end : e;
        if (s1 < e1)
            drop_pages(p, s1, e1);
    }
    vma_cut(p, va, e);
    tlb_flush_all(p);
}

bool user_map_fixed(user_proc *p, uint64_t va, uint64_t len, int prot)
{
    if (va >= USER_TASK_SIZE || len > USER_TASK_SIZE - va)
        return false;
    user_unmap(p, va, len);
    return vma_add(p, va, va + len, prot);
}

static bool range_free(const user_proc *p, uint64_t va, uint64_t len)
{
    for (size_t i = 0; i < p->nvmas; i++)
        if (p->vmas[i].start < va + len && p->vmas[i].end > va)
            return false;
    return true;
}

uint64_t user_find_free(user_proc *p, uint64_t hint, uint64_t len)
{
    if (hint && !(hint & (USER_PAGE - 1)) && hint < USER_TASK_SIZE &&
        len <= USER_TASK_SIZE - hint && range_free(p, hint, len))
        return hint;
    uint64_t end = USER_MMAP_TOP;
    for (size_t i = p->nvmas; i-- > 0;) {
        const user_vma *v = &p->vmas[i];
        if (v->start >= end)
            continue;
        if (v->end <= end && end - v->end >= len)
            return end - len;
        end = v->start;
    }
    /* keep the lowest 64 KiB unmapped: NULL pointers must fault */
    return end >= len + (1ull << 16) ? end - len : 0;
}

bool user_protect(user_proc *p, uint64_t va, uint64_t len, int prot)
{
    uint64_t e = va + len;
    for (uint64_t a = va; a < e;) { /* every page must be mapped */
        const user_vma *v = user_find_vma(p, a);
        if (!v)
            return false;
        a = v->end;
    }
    for (uint64_t a = va; a < e;) {
        uint64_t *pte = pte_ptr(p, a, false);
        if (!pte) {
            a = (a | ((1ull << 21) - 1)) + 1;
            continue;
        }
        if (PTE_PPN(*pte))
            *pte = PTE_PPN(*pte) << 10 | pte_bits(prot);
        a += USER_PAGE;
    }
    if (!vma_cut(p, va, e) || !vma_add(p, va, e, prot))
        return false;
    tlb_flush_all(p);
    return true;
}

uint8_t *user_page_ptr(user_proc *p, uint64_t va, int need, bool write)
{
    (void)write;
    const user_vma *v = user_find_vma(p, va);
    if (!v || (vma_rights(v) & need) != need)
        return NULL;
    uint64_t *pte = pte_ptr(p, va, true);
    if (!pte)
        return NULL;
    if (!PTE_PPN(*pte)) {
        uint64_t pa = page_alloc(p);
        if (!pa)
            return NULL;
        *pte = (pa >> 12) << 10 | pte_bits(v->prot);
    }
    return ram(p, (PTE_PPN(*pte) << 12) | (va & (USER_PAGE - 1)));
}

bool user_fault_in(user_proc *p, uint64_t va, int acc)
{
    static const int need[3] = {UP_EXEC, UP_READ, UP_WRITE};
    const user_vma *v = user_find_vma(p, va);
    if (!v || (vma_rights(v) & need[acc]) != need[acc])
        return false;
    /* a page already present faulted for a reason a new page cannot fix:
     * resolving it would run the instruction into the same fault forever */
    const uint64_t *pte = pte_ptr(p, va, false);
    if (pte && (*pte & PTE_V))
        return false;
    return user_page_ptr(p, va, 0, false) != NULL;
}

bool user_copy_in(user_proc *p, void *dst, uint64_t va, size_t len)
{
    uint8_t *d = dst;
    while (len) {
        size_t n = USER_PAGE - (va & (USER_PAGE - 1));
        if (n > len)
            n = len;
        const uint8_t *s = user_page_ptr(p, va, UP_READ, false);
        if (!s)
            return false;
        memcpy(d, s, n);
        d += n, va += n, len -= n;
    }
    return true;
}

bool user_copy_out(user_proc *p, uint64_t va, const void *src, size_t len,
                   int need)
{
    const uint8_t *s = src;
    while (len) {
        size_t n = USER_PAGE - (va & (USER_PAGE - 1));
        if (n > len)
            n = len;
        uint8_t *d = user_page_ptr(p, va, need, true);
        if (!d)
            return false;
        memcpy(d, s, n);
        /* no decoded instruction may outlive the bytes it came from */
        bus_ram_written(&p->m->bus,
                        p->m->bus.ram_base + (uint64_t)(d - p->m->bus.ram), n);
        s += n, va += n, len -= n;
    }
    return true;
}

long user_str_in(user_proc *p, char *dst, uint64_t va, size_t max)
{
    size_t got = 0;
    while (got < max) {
        const uint8_t *s = user_page_ptr(p, va, UP_READ, false);
        if (!s)
            return -1;
        size_t n = USER_PAGE - (va & (USER_PAGE - 1));
        for (size_t k = 0; k < n && got < max; k++) {
            dst[got] = (char)s[k];
            if (!s[k])
                return (long)got;
            got++;
        }
        va += n;
    }
    return -2;
}

emu_status emu_user_read(emu_machine *m, uint64_t va, void *buf, size_t len)
{
    if (!m || !m->user)
        return EMU_ERR_INVALID;
    uint8_t *d = buf;
    while (len) {
        size_t n = USER_PAGE - (va & (USER_PAGE - 1));
        if (n > len)
            n = len;
        const uint8_t *s = user_page_ptr(m->user, va, 0, false);
        if (!s)
            return machine_error(m, EMU_ERR_RANGE, "0x%llx is not mapped",
                                 (unsigned long long)va);
        memcpy(d, s, n);
        d += n, va += n, len -= n;
    }
    return EMU_OK;
}

emu_status emu_user_write(emu_machine *m, uint64_t va, const void *buf,
                          size_t len)
{
    if (!m || !m->user)
        return EMU_ERR_INVALID;
    if (!user_copy_out(m->user, va, buf, len, 0))
        return machine_error(m, EMU_ERR_RANGE,
                             "some page of 0x%llx..+%zu is not mapped",
                             (unsigned long long)va, len);
    return EMU_OK;
}

void user_discard(user_proc *p, uint64_t va, uint64_t len)
{
    uint64_t e = va + len;
    for (size_t i = 0; i < p->nvmas; i++) {
        const user_vma *v = &p->vmas[i];
        uint64_t s1 = v->start > va ? v->start : va;
        uint64_t e1 = v->end < e ? v->end : e;
        if (s1 < e1)
            drop_pages(p, s1, e1);
    }
    tlb_flush_all(p);
}

bool user_move(user_proc *p, uint64_t from, uint64_t to, uint64_t len)
{
    for (uint64_t o = 0; o < len; o += USER_PAGE) {
        uint64_t *s = pte_ptr(p, from + o, false);
        if (!s || !PTE_PPN(*s))
            continue;
        uint64_t *d = pte_ptr(p, to + o, true);
        if (!d)
            return false;
        if (PTE_PPN(*d))
            page_free(p, PTE_PPN(*d) << 12);
        *d = *s;
        *s = 0;
    }
    tlb_flush_all(p);
    return true;
}

bool user_debug_touch(emu_machine *m, uint64_t va)
{
    return m->user && user_page_ptr(m->user, va, 0, false) != NULL;
}
