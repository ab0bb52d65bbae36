/*
 * Loading ELF executables (through libelf) and raw images.
 *
 * Every check happens before anything is copied into guest RAM, so a file
 * that fails to load leaves the machine as it was. Segments are placed at
 * their physical address (p_paddr), as Spike and QEMU do.
 */
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cpu/riscv/rv_cpu.h"
#include "devices/htif.h"
#include "machine/machine.h"

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

/* Files larger than this are refused before being read. */
#define MAX_IMAGE_BYTES (1ull << 32)
/* Symbols kept from one file (a guard against absurd symbol tables). */
#define MAX_SYMBOLS 1000000

typedef struct seg {
    uint64_t paddr, memsz, offset, filesz;
} seg;

static int cmp_sym(const void *a, const void *b)
{
    return strcmp(((const emu_symbol *)a)->name, ((const emu_symbol *)b)->name);
}

static void free_symbols(emu_symbol *syms, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(syms[i].name);
    free(syms);
}

/* Collect the named symbols of every symbol table. */
static emu_status read_symbols(emu_machine *m, Elf *e, const char *what,
                               emu_symbol **out, size_t *count)
{
    emu_symbol *syms = NULL;
    size_t n = 0, cap = 0;
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        if (!d || sh.sh_entsize == 0)
            continue;
        size_t nent = d->d_size / sh.sh_entsize;
        for (size_t i = 0; i < nent; i++) {
            GElf_Sym s;
            if (!gelf_getsym(d, (int)i, &s) || s.st_name == 0)
                continue;
            const char *name = elf_strptr(e, sh.sh_link, s.st_name);
            if (!name || !*name)
                continue;
            if (n == MAX_SYMBOLS) {
                free_symbols(syms, n);
                return machine_error(m, EMU_ERR_FORMAT,
                                     "%s: more than %d symbols", what,
                                     MAX_SYMBOLS);
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                emu_symbol *ns = realloc(syms, cap * sizeof(*ns));
                if (!ns) {
                    free_symbols(syms, n);
                    return machine_error(m, EMU_ERR_NOMEM, "out of memory");
                }
                syms = ns;
            }
            syms[n].name = strdup(name);
            if (!syms[n].name) {
                free_symbols(syms, n);
                return machine_error(m, EMU_ERR_NOMEM, "out of memory");
            }
            syms[n].value = s.st_value;
            n++;
        }
    }
    if (n)
        qsort(syms, n, sizeof(*syms), cmp_sym);
    *out = syms;
    *count = n;
    return EMU_OK;
}

emu_status machine_load_elf(emu_machine *m, const char *what, char *img,
                            size_t size, bool program, uint64_t *entry,
                            uint64_t span[2])
{
    if (elf_version(EV_CURRENT) == EV_NONE)
        return machine_error(m, EMU_ERR_UNSUPPORTED, "libelf is too old");
    if (size < EI_NIDENT || memcmp(img, ELFMAG, SELFMAG) != 0)
        return machine_error(m, EMU_ERR_FORMAT, "%s: not an ELF file", what);

    Elf *e = elf_memory(img, size);
    if (!e || elf_kind(e) != ELF_K_ELF) {
        if (e)
            elf_end(e);
        return machine_error(m, EMU_ERR_FORMAT, "%s: not an ELF file", what);
    }
    emu_status st = EMU_OK;
    seg *segs = NULL;
    emu_symbol *syms = NULL;
    size_t nsyms = 0;
    GElf_Ehdr eh;
    int cls = gelf_getclass(e);
    unsigned xlen = m->isa.xlen;

    if (!gelf_getehdr(e, &eh)) {
        st = machine_error(m, EMU_ERR_FORMAT, "%s: truncated or corrupt ELF "
                           "header", what);
        goto out;
    }
    if ((cls == ELFCLASS32 ? 32u : cls == ELFCLASS64 ? 64u : 0u) != xlen) {
        st = machine_error(m, EMU_ERR_FORMAT, "%s: %s file, but the machine "
                           "is RV%u", what,
                           cls == ELFCLASS32 ? "a 32-bit (ELFCLASS32)"
                           : cls == ELFCLASS64 ? "a 64-bit (ELFCLASS64)"
                                               : "an unknown-class",
                           xlen);
        goto out;
    }
    if (eh.e_ident[EI_DATA] != ELFDATA2LSB) {
        st = machine_error(m, EMU_ERR_FORMAT, "%s: not a little-endian ELF "
                           "file", what);
        goto out;
    }
    if (eh.e_machine != EM_RISCV) {
        st = machine_error(m, EMU_ERR_FORMAT, "%s: ELF file for machine %u, "
                           "not RISC-V (%u)", what, eh.e_machine, EM_RISCV);
        goto out;
    }
    if (eh.e_type != ET_EXEC) {
        st = machine_error(m, EMU_ERR_FORMAT, "%s: not an executable (ELF type "
                           "%u; relocatable and shared objects cannot be "
                           "loaded)", what, eh.e_type);
        goto out;
    }

    size_t nph;
    if (elf_getphdrnum(e, &nph) != 0) {
        st = machine_error(m, EMU_ERR_FORMAT, "%s: corrupt program header "
                           "table", what);
        goto out;
    }
    segs = calloc(nph ? nph : 1, sizeof(*segs));
    if (!segs) {
        st = machine_error(m, EMU_ERR_NOMEM, "out of memory");
        goto out;
    }
    size_t nseg = 0;
    for (size_t i = 0; i < nph; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) {
            st = machine_error(m, EMU_ERR_FORMAT, "%s: program header %zu is "
                               "truncated", what, i);
            goto out;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (ph.p_filesz > ph.p_memsz) {
            st = machine_error(m, EMU_ERR_FORMAT, "%s: segment %zu has more "
                               "file bytes (0x%llx) than memory bytes (0x%llx)",
                               what, i, (unsigned long long)ph.p_filesz,
                               (unsigned long long)ph.p_memsz);
            goto out;
        }
        if (ph.p_offset > size || ph.p_filesz > size - ph.p_offset) {
            st = machine_error(m, EMU_ERR_FORMAT, "%s: truncated: segment %zu "
                               "needs file bytes 0x%llx-0x%llx but the file has "
                               "0x%zx", what, i,
                               (unsigned long long)ph.p_offset,
                               (unsigned long long)(ph.p_offset + ph.p_filesz),
                               size);
            goto out;
        }
        if (!bus_in_ram(&m->bus, ph.p_paddr, ph.p_memsz)) {
            st = machine_error(m, EMU_ERR_RANGE, "%s: segment %zu at 0x%llx "
                               "(0x%llx bytes) lies outside RAM 0x%llx-0x%llx",
                               what, i, (unsigned long long)ph.p_paddr,
                               (unsigned long long)ph.p_memsz,
                               (unsigned long long)m->bus.ram_base,
                               (unsigned long long)(m->bus.ram_base +
                                                    m->bus.ram_size));
            goto out;
        }
        for (size_t j = 0; j < nseg; j++) {
            if (ph.p_paddr < segs[j].paddr + segs[j].memsz &&
                segs[j].paddr < ph.p_paddr + ph.p_memsz) {
                st = machine_error(m, EMU_ERR_FORMAT, "%s: segment %zu at "
                                   "0x%llx overlaps an earlier segment at "
                                   "0x%llx", what, i,
                                   (unsigned long long)ph.p_paddr,
                                   (unsigned long long)segs[j].paddr);
                goto out;
            }
        }
        segs[nseg++] = (seg){ph.p_paddr, ph.p_memsz, ph.p_offset, ph.p_filesz};
    }
    if (nseg == 0) {
        st = machine_error(m, EMU_ERR_FORMAT, "%s: no loadable segment", what);
        goto out;
    }
    st = read_symbols(m, e, what, &syms, &nsyms);
    if (st != EMU_OK)
        goto out;

    /* everything checked: copy the segments and take the symbols */
    uint64_t top = 0, bottom = UINT64_MAX;
    for (size_t i = 0; i < nseg; i++) {
        uint8_t *dst = m->bus.ram + (segs[i].paddr - m->bus.ram_base);
        memcpy(dst, img + segs[i].offset, segs[i].filesz);
        memset(dst + segs[i].filesz, 0, segs[i].memsz - segs[i].filesz);
        bus_ram_written(&m->bus, segs[i].paddr, segs[i].memsz);
        if (segs[i].paddr + segs[i].memsz > top)
            top = segs[i].paddr + segs[i].memsz;
        if (segs[i].paddr < bottom)
            bottom = segs[i].paddr;
    }
    if (span) {
        span[0] = bottom;
        span[1] = top;
    }
    if (entry)
        *entry = eh.e_entry;
    if (!program)
        goto out;
    for (size_t i = 0; i < m->nsyms; i++)
        free(m->syms[i].name);
    free(m->syms);
    m->syms = syms;
    m->nsyms = nsyms;
    syms = NULL;

    m->entry = eh.e_entry;
    for (unsigned h = 0; h < m->nharts; h++)
        m->harts[h]->pc = eh.e_entry;

    bus_clear_watches(&m->bus);
    uint64_t tohost, fromhost = 0;
    if (emu_symbol_lookup(m, "tohost", &tohost) == EMU_OK) {
        emu_symbol_lookup(m, "fromhost", &fromhost);
        if (!dev_htif_attach(m->htif, tohost, fromhost))
            machine_log(m, EMU_LOG_WARN, "%s: tohost at 0x%llx is outside "
                        "RAM; HTIF is off", what, (unsigned long long)tohost);
    }
out:
    free(segs);
    if (syms)
        free_symbols(syms, nsyms);
    elf_end(e);
    return st;
}

emu_status emu_load_elf_mem(emu_machine *m, const void *data, size_t size,
                            uint64_t *entry)
{
    if (!m || (!data && size))
        return EMU_ERR_INVALID;
    /* libelf may convert data in place: work on a private copy */
    char *copy = malloc(size ? size : 1);
    if (!copy)
        return machine_error(m, EMU_ERR_NOMEM, "out of memory");
    if (size)
        memcpy(copy, data, size);
    emu_status st = machine_load_elf(m, "image", copy, size, true, entry, NULL);
    free(copy);
    return st;
}

/* Read a whole regular file into memory. */
emu_status machine_read_file(emu_machine *m, const char *path, char **out,
                             size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return machine_error(m, EMU_ERR_IO, "%s: %s", path, strerror(errno));
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return machine_error(m, EMU_ERR_IO, "%s: not a regular file", path);
    }
    if ((uint64_t)sb.st_size > MAX_IMAGE_BYTES) {
        fclose(f);
        return machine_error(m, EMU_ERR_RANGE, "%s: file too large", path);
    }
    size_t n = (size_t)sb.st_size;
    char *buf = malloc(n ? n : 1);
    if (!buf) {
        fclose(f);
        return machine_error(m, EMU_ERR_NOMEM, "%s: out of memory", path);
    }
    if (n && fread(buf, 1, n, f) != n) {
        free(buf);
        fclose(f);
        return machine_error(m, EMU_ERR_IO, "%s: read error", path);
    }
    fclose(f);
    *out = buf;
    *size = n;
    return EMU_OK;
}

emu_status emu_load_elf(emu_machine *m, const char *path, uint64_t *entry)
{
    if (!m || !path)
        return EMU_ERR_INVALID;
    char *img;
    size_t size;
    emu_status st = machine_read_file(m, path, &img, &size);
    if (st != EMU_OK)
        return st;
    st = machine_load_elf(m, path, img, size, true, entry, NULL);
    free(img);
    return st;
}

emu_status emu_load_raw(emu_machine *m, const char *path, uint64_t addr)
{
    if (!m || !path)
        return EMU_ERR_INVALID;
    char *img;
    size_t size;
    emu_status st = machine_read_file(m, path, &img, &size);
    if (st != EMU_OK)
        return st;
    if (!bus_in_ram(&m->bus, addr, size)) {
        free(img);
        return machine_error(m, EMU_ERR_RANGE, "%s: %zu bytes at 0x%llx do "
                             "not fit in RAM", path, size,
                             (unsigned long long)addr);
    }
    memcpy(m->bus.ram + (addr - m->bus.ram_base), img, size);
    bus_ram_written(&m->bus, addr, size);
    free(img);
    return EMU_OK;
}

emu_status emu_symbol_lookup(const emu_machine *m, const char *name,
                             uint64_t *addr)
{
    if (!m || !name)
        return EMU_ERR_INVALID;
    emu_symbol key = {(char *)name, 0};
    const emu_symbol *s =
        m->nsyms ? bsearch(&key, m->syms, m->nsyms, sizeof(*m->syms), cmp_sym)
                 : NULL;
    if (!s)
        return EMU_ERR_NOT_FOUND;
    if (addr)
        *addr = s->value;
    return EMU_OK;
}
