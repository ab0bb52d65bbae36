#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora, fuzz/corpus/<target>/: small
valid inputs built here byte by byte (a tiny RISC-V ELF, instruction
streams, page tables, virtio requests, option strings, board configs), so
the fuzzers start from inputs that reach deep. The layouts follow the
comments at the top of each fuzz/fuzz_<target>.c. Run it again after
changing a layout; the output is deterministic."""
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAM = 0x80000000


def write(target, name, data):
    d = os.path.join(HERE, 'corpus', target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


# ---- RISC-V encodings (unprivileged spec, RV32I base formats) ----
def r(op, rd, f3, rs1, rs2, f7):
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op


def i(op, rd, f3, rs1, imm):
    return (imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op


def s(f3, rs1, rs2, imm):
    imm &= 0xfff
    return (imm >> 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (imm & 31) << 7 | 0x23


def lui(rd, imm20):
    return (imm20 & 0xfffff) << 12 | rd << 7 | 0x37


def addi(rd, rs1, imm):
    return i(0x13, rd, 0, rs1, imm)


def csrrw(rd, csr, rs1):
    return i(0x73, rd, 1, rs1, csr)


def csrrs(rd, csr, rs1):
    return i(0x73, rd, 2, rs1, csr)


def jal(rd, off):
    off &= 0x1fffff
    return ((off >> 20) << 31 | ((off >> 1) & 0x3ff) << 21 |
            ((off >> 11) & 1) << 20 | ((off >> 12) & 0xff) << 12 | rd << 7 | 0x6f)


ECALL, EBREAK, MRET, SRET, WFI = 0x73, 0x100073, 0x30200073, 0x10200073, 0x10500073
FENCE_I, SFENCE = 0x100f, 0x12000073


def words(*ws):
    return b''.join(struct.pack('<I', w & 0xffffffff) for w in ws)


# ---- elf: a minimal executable with a symbol table (tohost) ----
def elf(rv64, code, bss=0, with_syms=True):
    cls = 2 if rv64 else 1
    ehsize, phsize, shsize = (64, 56, 64) if rv64 else (52, 32, 40)
    text_off = 0x100
    tohost_va = RAM + 0x1000
    strtab = b'\0tohost\0fromhost\0_start\0'
    shstr = b'\0.text\0.symtab\0.strtab\0.shstrtab\0'

    def sym(name, value, shndx):
        if rv64:
            return struct.pack('<IBBHQQ', name, 0x10, 0, shndx, value, 8)
        return struct.pack('<IIIBBH', name, value, 8, 0x10, 0, shndx)
    symtab = (b'\0' * (24 if rv64 else 16) + sym(1, tohost_va, 1) +
              sym(8, tohost_va + 8, 1) + sym(17, RAM, 1))
    body = bytearray(code)
    off = text_off + len(body)
    sym_off = (off + 7) & ~7
    str_off = sym_off + len(symtab)
    shstr_off = str_off + len(strtab)
    sh_off = (shstr_off + len(shstr) + 7) & ~7
    nsh = 5 if with_syms else 0
    img = bytearray(sh_off + nsh * shsize if with_syms else off)
    ident = b'\x7fELF' + bytes([cls, 1, 1, 0]) + b'\0' * 8
    if rv64:
        hdr = struct.pack('<16sHHIQQQIHHHHHH', ident, 2, 243, 1, RAM, ehsize,
                          sh_off if with_syms else 0, 0, ehsize, phsize, 1,
                          shsize, nsh, 4 if with_syms else 0)
        ph = struct.pack('<IIQQQQQQ', 1, 7, text_off, RAM, RAM, len(body),
                         len(body) + bss, 4)
    else:
        hdr = struct.pack('<16sHHIIIIIHHHHHH', ident, 2, 243, 1, RAM, ehsize,
                          sh_off if with_syms else 0, 0, ehsize, phsize, 1,
                          shsize, nsh, 4 if with_syms else 0)
        ph = struct.pack('<IIIIIIII', 1, text_off, RAM, RAM, len(body),
                         len(body) + bss, 7, 4)
    img[0:len(hdr)] = hdr
    img[ehsize:ehsize + len(ph)] = ph
    img[text_off:off] = body
    if with_syms:
        img[sym_off:sym_off + len(symtab)] = symtab
        img[str_off:str_off + len(strtab)] = strtab
        img[shstr_off:shstr_off + len(shstr)] = shstr

        def sh(name, typ, flags, addr, o, size, link, info, align, ent):
            if rv64:
                return struct.pack('<IIQQQQIIQQ', name, typ, flags, addr, o,
                                   size, link, info, align, ent)
            return struct.pack('<IIIIIIIIII', name, typ, flags, addr, o, size,
                               link, info, align, ent)
        shs = (b'\0' * shsize +
               sh(1, 1, 6, RAM, text_off, len(body), 0, 0, 4, 0) +
               sh(7, 2, 0, 0, sym_off, len(symtab), 3, 1, 8,
                  24 if rv64 else 16) +
               sh(15, 3, 0, 0, str_off, len(strtab), 0, 0, 1, 0) +
               sh(23, 3, 0, 0, shstr_off, len(shstr), 0, 0, 1, 0))
        img[sh_off:sh_off + len(shs)] = shs
    return bytes(img)


def gen_elf():
    # a0 = 1; sw a0, tohost (HTIF exit with status 0); auipc, as lui
    # would sign-extend 0x80001000 on RV64
    prog = words(0x1000 | 5 << 7 | 0x17, addi(10, 0, 1),
                 s(2, 5, 10, 0), jal(0, 0))
    write('elf', 'rv64-htif', elf(True, prog))
    write('elf', 'rv32-htif', elf(False, prog))
    write('elf', 'rv64-bss', elf(True, prog, bss=0x2000))
    write('elf', 'rv64-nosyms', elf(True, prog, with_syms=False))
    write('elf', 'rv32-nosyms', elf(False, prog, with_syms=False))
    write('elf', 'truncated', elf(True, prog)[:80])
    write('elf', 'empty', b'')
    write('elf', 'magic-only', b'\x7fELF\x02\x01\x01')


# ---- interp: header (see fuzz_interp.c) + instruction words ----
def interp(flags, code, vm=0, mstatus=0, medeleg=0, mideleg=0, mie=0,
           mtvec=0x800, pmpcfg=0x1f, seeds=bytes(range(8))):
    return (struct.pack('<BBQIHHIB', flags, vm, mstatus, medeleg, mideleg,
                        mie, mtvec, pmpcfg) + seeds + code)


def gen_interp():
    alu = words(addi(5, 0, 7), addi(6, 5, -3), r(0x33, 7, 0, 5, 6, 0),
                r(0x33, 8, 4, 5, 6, 1), r(0x33, 9, 0, 5, 6, 1),
                i(0x13, 10, 1, 7, 3), r(0x33, 11, 0, 7, 6, 0x20), jal(0, -28))
    mem = words(i(0x03, 5, 3, 1, 0), s(3, 2, 5, 8), i(0x03, 6, 2, 2, 8),
                r(0x2f, 7, 2, 3, 5, 0), r(0x2f, 8, 3, 4, 6, 0x08),
                FENCE_I, jal(0, -24))
    trap = words(csrrs(5, 0x300, 0), csrrw(0, 0x340, 5), ECALL, EBREAK,
                 0, MRET, SRET, WFI)
    # to S mode through mret, then a page fault under satp
    to_s = words(lui(5, 0x1), addi(5, 5, -0x800), csrrs(0, 0x300, 5),
                 addi(6, 0, 0), csrrw(0, 0x341, 6), MRET)
    comp = struct.pack('<8H', 0x4505, 0x0585, 0x8d2e, 0x952e, 0xc188,
                       0x4188, 0x9002, 0xbfe5)
    fp = words(i(0x07, 1, 3, 1, 0), r(0x53, 2, 7, 1, 1, 0x01),
               r(0x53, 3, 7, 2, 1, 0x0d), i(0x73, 0, 2, 0, 0x003),
               jal(0, -16))
    write('interp', 'rv64-alu', interp(0x60, alu))
    write('interp', 'rv32-alu', interp(0x61, alu))
    write('interp', 'rv64-mem', interp(0x60, mem))
    write('interp', 'rv32-mem-virt', interp(0x63, mem))
    write('interp', 'rv64-trap', interp(0x60, trap, mtvec=0x10))
    write('interp', 'rv64-s-mode-satp', interp(0x68 | 0x20, to_s, vm=4,
                                               medeleg=0xffff, mideleg=0x222))
    write('interp', 'rv64-user', interp(0x00, mem, mstatus=1 << 18))
    write('interp', 'rv64-compressed', interp(0x64, comp))
    write('interp', 'rv32-fp-2harts', interp(0x65, fp, mstatus=0x6000))
    write('interp', 'rv64-nomisaligned', interp(0x70, mem))


# ---- mmu: header, operations, page-table bytes (see fuzz_mmu.c) ----
def mmu(flags, mpp, ppn, ops, table, pmpcfg=0x1f, pmpaddr=(~0 & (2**64 - 1),
                                                          0, 0, 0)):
    b = struct.pack('<BBQQ', flags, mpp, ppn, pmpcfg)
    b += b''.join(struct.pack('<Q', a) for a in pmpaddr)
    b += struct.pack('<B', len(ops))
    for kind, va, val in ops:
        b += struct.pack('<BQQ', kind, va, val)
    return b + table


def op(kind, size_log, priv, va, val=0):
    return (kind | size_log << 3 | priv << 5, va, val)


def gen_mmu():
    ops = [op(0, 3, 1, RAM + 0x100), op(1, 3, 1, RAM + 0x100),
           op(2, 2, 1, RAM + 0x208, 0x1234), op(3, 0, 1, RAM + 0x40),
           op(4, 3, 1, RAM + 0x300, 1), op(6, 0, 0, 0x10, 0),
           op(5, 0, 1, RAM + 0x100), op(1, 2, 0, RAM + 0x100),
           op(1, 3, 1, RAM + 0x103)]
    # Sv39: a 1 GiB leaf for 0x80000000 in the root (index 2), root at page 1
    sv39 = bytearray(4096)
    sv39[16:24] = struct.pack('<Q', (0x80000 << 10) | 0xcf)
    write('mmu', 'sv39-gigapage', mmu(0x00, 1, 1, ops, bytes(sv39)))
    write('mmu', 'sv48-gigapage', mmu(0x02, 1, 1, ops, bytes(sv39)))
    write('mmu', 'sv57-user-sum', mmu(0x24, 1, 1, ops, bytes(sv39)))
    # Sv39 through three levels: root -> page 2 -> page 3 -> 4 KiB leaf
    three = bytearray(3 * 4096)
    three[16:24] = struct.pack('<Q', (0x80002 << 10) | 0x01)
    three[4096:4104] = struct.pack('<Q', (0x80003 << 10) | 0x01)
    three[8192:8200] = struct.pack('<Q', (0x80000 << 10) | 0xdf)
    write('mmu', 'sv39-4k-mprv', mmu(0x40 | 0x80, 1, 1, ops, bytes(three)))
    # Sv32: a 4 MiB leaf for 0x80000000 (index 0x200), root at page 1
    sv32 = bytearray(4096)
    sv32[0x800:0x804] = struct.pack('<I', (0x80000 << 10) | 0xcf)
    write('mmu', 'sv32-megapage', mmu(0x01, 1, 1, ops, bytes(sv32),
                                      pmpaddr=(0xffffffff, 0, 0, 0)))
    write('mmu', 'sv32-mxr-tor-pmp', mmu(0x11, 1, 1, ops, bytes(sv32),
                                         pmpcfg=0x0b0d,
                                         pmpaddr=((RAM + 0x1000) >> 2,
                                                  (RAM + 0x100000) >> 2, 0, 0)))
    write('mmu', 'root-outside-ram', mmu(0x08, 1, 0x1234, ops, b''))


# ---- virtio: operations (see fuzz_virtio.c) ----
def bring_up(slot, num=8, mask=2**64 - 1):
    return struct.pack('<BBQB', 4, slot, mask, num - 1)


def desc(slot, q, idx, off, length, flags, nxt=0):
    return struct.pack('<BBBBIHBB', 5, slot, q, idx, off, length, flags, nxt)


def avail(slot, q, head):
    return struct.pack('<BBBB', 6, slot, q, head)


def ram(off, data):
    return struct.pack('<BIB', 2, off, len(data)) + data


def gen_virtio():
    write('virtio', 'rng', bring_up(0) + desc(0, 0, 0, 0x8000, 64, 2) +
          avail(0, 0, 0))
    # a read and a write of sector 1, then GET_ID
    blk = bring_up(2)
    blk += ram(0x8000, struct.pack('<IIQ', 0, 0, 1))
    blk += desc(2, 0, 0, 0x8000, 16, 1, 1) + desc(2, 0, 1, 0x9000, 512, 3, 2)
    blk += desc(2, 0, 2, 0x8010, 1, 2) + avail(2, 0, 0)
    blk += ram(0x8100, struct.pack('<IIQ', 1, 0, 1))
    blk += desc(2, 0, 3, 0x8100, 16, 1, 4) + desc(2, 0, 4, 0x9000, 512, 1, 5)
    blk += desc(2, 0, 5, 0x8110, 1, 2) + avail(2, 0, 3)
    blk += ram(0x8200, struct.pack('<IIQ', 8, 0, 0))
    blk += desc(2, 0, 6, 0x8200, 16, 1, 7) + desc(2, 0, 7, 0x9400, 20, 3, 8)
    blk += desc(2, 0, 8, 0x8210, 1, 2) + avail(2, 0, 6)
    write('virtio', 'blk-rw', blk)
    # indirect descriptors: a table of three in RAM
    ind = bring_up(2)
    ind += ram(0x8000, struct.pack('<IIQ', 0, 0, 0))
    table = (struct.pack('<QIHH', RAM + 0x8000, 16, 1, 1) +
             struct.pack('<QIHH', RAM + 0x9000, 512, 3, 2) +
             struct.pack('<QIHH', RAM + 0x8010, 1, 2, 0))
    ind += ram(0xa000, table) + desc(2, 0, 0, 0xa000, 48, 4) + avail(2, 0, 0)
    write('virtio', 'blk-indirect', ind)
    con = bring_up(1) + ram(0x8000, b'hello\n')
    con += desc(1, 1, 0, 0x8000, 6, 0) + avail(1, 1, 0)
    con += desc(1, 0, 0, 0x9000, 64, 2) + avail(1, 0, 0)
    con += struct.pack('<BBB', 7, 1, 3) + b'abc'
    write('virtio', 'console', con)
    inp = bring_up(3) + desc(3, 0, 0, 0x8000, 8, 2) + avail(3, 0, 0)
    inp += struct.pack('<BBBHI', 7, 0, 1, 30, 1)
    inp += struct.pack('<BBBHI', 7, 0, 0, 0, 0)
    inp += struct.pack('<BBHB', 1, 3, 0x100, 0)  # config read
    write('virtio', 'keyboard', inp)
    tab = bring_up(4) + struct.pack('<BBHIB', 0, 4, 0x100, 0x11, 0)
    tab += struct.pack('<BBHB', 1, 4, 0x108, 2)
    tab += desc(4, 0, 0, 0x8000, 8, 2) + avail(4, 0, 0)
    tab += struct.pack('<BBBHI', 7, 0, 3, 0, 1000)
    write('virtio', 'tablet-config', tab)
    # hostile: a loop, a buffer outside RAM, a bad index
    bad = bring_up(0) + desc(0, 0, 0, 0x8000, 16, 3, 1)
    bad += desc(0, 0, 1, 0x8000, 16, 3, 0) + avail(0, 0, 0)
    bad += desc(0, 0, 2, 0x1000, 16, 0x82) + avail(0, 0, 2) + avail(0, 0, 200)
    write('virtio', 'hostile', bad)


def gen_opts():
    # each item: kind byte (index into fuzz_opts.c's kinds), string, NUL
    def item(kind, text):
        return bytes([kind]) + text.encode() + b'\0'
    write('opts', 'rng', item(0, ''))
    write('opts', 'all-kinds', item(0, '') + item(1, '') + item(2, '') +
          item(3, '') + item(4, '') + item(5, 'width=640,height=480'))
    write('opts', 'drive', item(6, 'readonly=on,serial=disk0,format=raw'))
    write('opts', 'net', item(7, 'user,hostfwd=tcp::2222-:22,mac=52:54:00:12:34:56'))
    write('opts', 'escapes', item(5, 'width=0x280,,height=1') + item(6, 'serial=a,,b'))
    write('opts', 'malformed', item(0, '=') + item(1, ',,,') + item(2, 'a=b=c') +
          item(5, 'width=-1') + item(6, 'readonly=maybe') + item(255, ''))
    write('opts', 'slots-full', b''.join(item(0, '') for _ in range(12)))


def gen_fdt():
    def cfg(flags, harts, pages, start, end, isa, cmdline):
        return (struct.pack('<BBHQQB', flags, harts - 1, pages - 1, start, end,
                            len(isa)) + isa.encode() + cmdline.encode())
    write('fdt', 'default', cfg(0, 1, 256, 0, 0, '', 'console=ttyS0'))
    write('fdt', 'rv32-4harts', cfg(1, 4, 1024, 0, 0, 'rv32imac', 'root=/dev/vda'))
    write('fdt', 'initrd', cfg(8 | 0x40, 2, 4096, 0x10000, 0x8000,
                               'rv64gc_zba_zbb_zbs', 'console=hvc0'))
    write('fdt', 'display-64harts', cfg(0x20, 64, 2048, 0, 0, 'rv64imafdc', ''))
    write('fdt', 'no-cmdline-m', cfg(0x10 | 4, 1, 1, 0, 0, 'rv64i', ''))
    write('fdt', 'bad-isa', cfg(0, 1, 16, 0, 0, 'rv64gc_zbogus', ''))
    write('fdt', 'long-cmdline', cfg(0, 3, 512, RAM, RAM + 4096, '',
                                     'x' * 4000))


def gen_gdb():
    # header byte (fuzz_gdb.c), then the debugger's bytes: framed packets
    def pkt(body):
        b = body.encode('latin-1')
        return b'$' + b + b'#%02x' % (sum(b) & 0xff)

    def session(flags, *bodies):
        return bytes([flags]) + b''.join(pkt(x) for x in bodies)
    hello = ['qSupported:swbreak+;hwbreak+', 'vMustReplyEmpty',
             'QStartNoAckMode', 'Hg0', 'qXfer:features:read:target.xml:0,ffb',
             'qfThreadInfo', 'qsThreadInfo', 'qC', 'qAttached', '?', 'g']
    write('gdb', 'attach-rv64', session(0, *hello))
    write('gdb', 'attach-rv32-nofpu', session(1 | 4, *hello,
          'qXfer:features:read:riscv-csr.xml:0,3ffb'))
    write('gdb', 'break-continue', session(0, 'Z0,80000014,4', 'vCont;c',
                                           'p20', 'z0,80000014,4', 's', 'g'))
    write('gdb', 'watch-step', session(0, 'Z2,80000400,4', 'c',
                                       'z2,80000400,4', 'vCont;s:1',
                                       'Z3,80000400,4', 'Z4,80000400,8', 'c'))
    write('gdb', 'two-harts', session(2, 'Hg2', 'g', 'vCont;s:2;c', 'T2',
                                      'Hc1', 'c', 'qThreadExtraInfo,2'))
    write('gdb', 'memory', session(0, 'm80000000,40', 'M80000400,4:01020304',
                                   'X80000400,4:}\x03}\x04}]}\x0a',
                                   'm0,4', 'P5=0100000000000000', 'p5'))
    write('gdb', 'monitor-reverse', session(8, 'qRcmd,68656c70',
                                            'qRcmd,7265636f7264',
                                            'Z0,80000018,4', 'c', 'bs', 'bc',
                                            'qRcmd,7265736574', 'k'))
    write('gdb', 'framing', bytes([0]) + b'junk$?#00-+\x03$m80*!00,4#' +
          b'%02x' % (sum(b'm80*!00,4') & 0xff) + b'$' + b'A' * 17000 +
          b'#00' + pkt('D'))
    write('gdb', 'run-interrupt', session(0, 'vCont;c') + b'\x03' +
          pkt('?') + pkt('D'))


def gen_user():
    # fuzz_user.c: a byte picks a call from its table (read from the C
    # source, so the two cannot drift), then bytes per argument kind
    src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            'fuzz_user.c')).read()
    table = re.findall(r'\{(\d+), "([A-Z]*)"\},\s*/\* (\w+)', src)
    index = {name: i for i, (_, _, name) in enumerate(table)}

    def call(name, *args):
        return bytes([index[name]]) + b''.join(args)
    cwd = b'\x00'                      # D: AT_FDCWD

    def fd(k=0):                        # F: the program's k-th descriptor
        return bytes([k])

    def path(k):                        # L/P: inside[k], or looking[k & 7]
        return bytes([k])

    def buf(off):                       # B: the buffer at off
        return b'\x00' + struct.pack('<H', off)

    def size(n):                        # N
        return b'\x00' + struct.pack('<H', n)

    def u32(v):                         # I
        return struct.pack('<I', v)

    def u64(v):                         # X
        return struct.pack('<Q', v)
    o_creat_rdwr = 0o102
    write('user', 'file-round-trip',
          call('openat', cwd, path(0), u32(o_creat_rdwr), u32(0o644)) +
          call('write', fd(), buf(0), size(100)) +
          call('lseek', fd(), u64(0), u32(0)) +
          call('read', fd(), buf(0x200), size(100)) +
          call('fstat', fd(), buf(0x400)) +
          call('ftruncate', fd(), u64(10)) +
          call('getdents64', fd(), buf(0x800), size(1024)) +
          call('close', fd()))
    write('user', 'directories',
          call('mkdirat', cwd, path(2), u32(0o755)) +
          call('openat', cwd, path(3), u32(o_creat_rdwr), u32(0o600)) +
          call('openat', cwd, path(2), u32(0o200000), u32(0)) +
          call('getdents64', fd(1), buf(0), size(4096)) +
          call('renameat2', cwd, path(3), cwd, path(1), u32(0)) +
          call('symlinkat', path(4), cwd, path(0)) +
          call('readlinkat', cwd, path(0), buf(0x100), size(64)) +
          call('unlinkat', cwd, path(1), u32(0)) +
          call('getcwd', buf(0x300), size(256)))
    write('user', 'escapes',
          call('openat', cwd, path(0x80 | 3), u32(o_creat_rdwr), u32(0)) +
          call('newfstatat', cwd, path(0x80 | 2), buf(0), u32(0)) +
          call('readlinkat', cwd, path(0x80 | 4), buf(0x100), size(64)) +
          call('faccessat', cwd, path(0x80 | 7), u32(0)) +
          call('statx', cwd, path(0x80 | 1), u32(0), u32(0xfff), buf(0x200)))
    write('user', 'memory',
          call('brk', u64(0)) +
          call('mmap', u64(0), size(0x3000), u32(3), u32(0x22), fd(0xff),
               u64(0)) +
          call('mprotect', u64(0), size(0x1000), u32(1)) +
          call('mremap', u64(0), size(0x1000), size(0x4000), u32(1), u64(0)) +
          call('munmap', u64(0x1234000), size(0x1000)) +
          call('madvise', u64(0), size(0x1000), u32(4)))
    write('user', 'pipes-and-signals',
          call('pipe2', buf(0x10), u32(0)) +
          call('write', fd(1), buf(0), size(10)) +
          call('read', fd(0), buf(0x40), size(10)) +
          call('rt_sigaction', u32(10), buf(0x100), buf(0x200), size(8)) +
          call('rt_sigprocmask', u32(0), buf(0x300), buf(0x308), size(8)) +
          call('kill', b'\x00', u32(10)) +
          call('dup3', fd(0), b'\x05', u32(0)) +
          call('fcntl', fd(0), u32(0), u64(3)))
    # a write into a pipe whose reading end is closed: EPIPE, and no host
    # SIGPIPE (the first 30-minute campaign ended on exactly that)
    write('user', 'broken-pipe',
          call('pipe2', buf(0x10), u32(0)) +
          call('close', fd(0)) +
          call('write', fd(0), buf(0), size(10)) +
          call('writev', fd(0), buf(0x100), u32(1)))
    # the chroot's own root, by the names that resolve to it ("." and
    # "d/.."): removing, renaming or replacing it must fail (a campaign had
    # removed it, and the next input's chroot was gone)
    write('user', 'remove-root',
          call('unlinkat', cwd, path(5), u32(0x200)) +
          call('renameat2', cwd, path(7), cwd, path(0), u32(0)) +
          call('symlinkat', path(0), cwd, path(5)) +
          call('mkdirat', cwd, path(5), u32(0o755)) +
          call('unlinkat', cwd, path(5), u32(0)))
    write('user', 'wild-pointers',
          call('uname', b'\xff' + u64(0xdead0000)) +
          call('clock_gettime', u32(1), b'\xff' + u64(2**63)) +
          call('getrandom', b'\xff' + u64(8), size(16), u32(0)) +
          call('writev', fd(0xff), b'\xff' + u64(0x10), u32(3)) +
          call('sysinfo', buf(0xfff0)) +
          call('riscv_hwprobe', buf(0), size(4), size(0), buf(0), u32(0)) +
          bytes([0x80]) + struct.pack('<H', 7) + bytes(48))


def gen_a64():
    """fuzz_a64: a header (FPCR/NZCV byte, 8 register seeds), then the
    code of each of our A64 ISA tests (isa-tests/arm64), assembled here with
    aarch64-linux-gnu-as when it is installed (the seeds are skipped
    otherwise)."""
    import shutil
    import subprocess
    import tempfile
    asm = shutil.which('aarch64-linux-gnu-as')
    objcopy = shutil.which('aarch64-linux-gnu-objcopy')
    if not asm or not objcopy:
        print('gen_seeds: aarch64-linux-gnu-as not found: no a64 seeds')
        return
    src = os.path.join(HERE, '..', 'isa-tests', 'arm64')
    with tempfile.TemporaryDirectory() as tmp:
        for k, name in enumerate(sorted(os.listdir(src))):
            if not name.endswith('.S'):
                continue
            obj = os.path.join(tmp, 'o')
            txt = os.path.join(tmp, 'bin')
            subprocess.run([asm, '-march=armv8-a+crc+crypto+lse', '-I', src,
                            os.path.join(src, name), '-o', obj], check=True)
            subprocess.run([objcopy, '-O', 'binary', '-j', '.text', obj, txt],
                           check=True)
            code = open(txt, 'rb').read()[:0x10000]
            header = bytes([(k * 37) & 0xff]) + bytes(
                (k * 11 + j * 29) & 0xff for j in range(8))
            write('a64', name[:-2], header + code)


if __name__ == '__main__':
    for gen in (gen_elf, gen_interp, gen_mmu, gen_virtio, gen_opts, gen_fdt,
                gen_gdb, gen_user, gen_a64):
        gen()
    sys.exit(0)
