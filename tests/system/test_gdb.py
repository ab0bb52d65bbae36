#!/usr/bin/env python3
"""gdb-multiarch drives emu's GDB stub (docs/debugging.md).

usage: test_gdb.py EMU PROG64.elf PROG32.elf ISATEST.elf

The programs are tests/gdb/prog.S built for RV64 and RV32, and one of the
ISA test programs (isa-tests/), whose harness symbols a case breaks on. Each case starts
`emu -S -gdb tcp::0 ...` (port 0: the stub picks a free port and prints it),
runs `gdb-multiarch -batch -nx` with a list of commands against it, and
checks gdb's output and emu's exit status. Exit status 77 (skipped) when
gdb-multiarch is not installed.
"""
import os
import re
import shutil
import socket
import subprocess
import sys

GDB = shutil.which("gdb-multiarch")
failures = []


def start_emu(emu, args):
    p = subprocess.Popen([emu, "-S", "-gdb", "tcp::0"] + args,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    line = p.stderr.readline()
    m = re.search(r"listening on [^:]+:(\d+)", line)
    if not m:
        p.kill()
        raise RuntimeError(f"emu did not start its gdb server: {line!r}")
    return p, int(m.group(1))


def finish_emu(p):
    try:
        out, err = p.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return None, out, err
    return p.returncode, out, err


def gdb(port, elf, cmds):
    args = [GDB, "-batch", "-nx", "-ex", "set pagination off",
            "-ex", f"file {elf}", "-ex", f"target remote :{port}"]
    for c in cmds:
        args += ["-ex", c]
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, timeout=240)
    return r.stdout


def check(case, cond, what, text=""):
    if not cond:
        failures.append(f"{case}: {what}")
        print(f"FAIL {case}: {what}\n----\n{text}\n----")


def case(name, emu, elf, emu_args, cmds, expects, status=0):
    """Run gdb with cmds; every regex in expects must match its output in
    order; emu must exit with status."""
    p, port = start_emu(emu, emu_args + [elf])
    out = gdb(port, elf, cmds)
    rc, _, err = finish_emu(p)
    pos = 0
    for pat in expects:
        m = re.compile(pat, re.M).search(out, pos)
        check(name, m, f"expected /{pat}/ in gdb's output", out)
        if not m:
            break
        pos = m.end()
    check(name, rc == status, f"emu exited with {rc}, expected {status}",
          err)
    print(f"{'ok  ' if not [f for f in failures if f.startswith(name + ':')] else 'FAIL'} {name}")
    return out


def raw_interrupt(emu, elf):
    """Ctrl-C from the debugger: 0x03 while the guest runs stops it with
    SIGINT (T02), spoken over a plain socket."""
    name = "interrupt"
    p, port = start_emu(emu, ["--harts=2", elf])
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    f = s.makefile("rb")

    def packet(data):
        s.sendall(b"$%s#%02x" % (data, sum(data) & 0xff))

    def reply():
        while True:
            c = f.read(1)
            if c in (b"+", b""):
                if not c:
                    return None
                continue
            if c == b"$":
                break
        body = b""
        while (c := f.read(1)) != b"#":
            body += c
        f.read(2)
        s.sendall(b"+")
        return body

    packet(b"?")
    check(name, reply() == b"T05thread:1;", "initial stop")
    packet(b"vCont;c")          # hart 1 counts forever: it never halts
    s.sendall(b"\x03")
    r = reply()
    check(name, r is not None and r.startswith(b"T02thread:"),
          f"stop after 0x03: {r!r}")
    packet(b"qfThreadInfo")
    check(name, reply() == b"m1,2", "two threads")
    packet(b"k")
    s.close()
    rc, _, err = finish_emu(p)
    check(name, rc == 0, f"emu exited with {rc} after a kill", err)
    print(f"{'ok  ' if not [f for f in failures if f.startswith(name)] else 'FAIL'} {name}")


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    emu, elf64, elf32, isa_elf = sys.argv[1:]
    if not GDB:
        print("skipped: gdb-multiarch not found (Debian package gdb-multiarch;"
              " scripts/setup installs it)")
        return 77

    case("rv64-break-regs-step-watch", emu, elf64, [], [
        "break store", "continue", "info registers pc s0",
        "p $mstatus", "p/x $misa", "p $priv",
        "delete", "break call_trap", "continue", "stepi", "x/i $pc",
        "p $mcause", "delete", "watch *(int *)&counter", "continue",
        "x/i $pc", "kill",
    ], [
        r"Breakpoint 1, store \(\)",
        r"^pc\s+0x[0-9a-f]+\s+0x[0-9a-f]+ <store>",
        r"^s0\s+0x1\s",
        r"^\$1 = [1-9][0-9]*$",          # mstatus: MPP = M at least
        r"^\$2 = 0x80000000001",         # misa: RV64, A C I M ...
        r"^\$3 = 3$",                    # priv: M
        r"Breakpoint 2, call_trap \(\)",
        r"trap_handler \(\)",            # stepi took the trap
        r"=> 0x[0-9a-f]+ <trap_handler>",
        r"^\$4 = 11$",                   # ecall from M mode
        r"Hardware watchpoint 3: \*\(int \*\)&counter",
        r"Old value = 1\nNew value = 2",
        r"=> 0x[0-9a-f]+ <call_trap>",   # stopped right after the store
        r"\[Inferior 1 \(Remote target\) killed\]",
    ])

    out = case("rv64-record-probe", emu, elf64, [], ["monitor record", "kill"],
               [r"recording history|history off"])
    if "recording history" in out:
        case("rv64-reverse-checks", emu, elf64, [], [
            "break store", "continue", "continue", "stepi",
            "p *(int *)&counter", "reverse-stepi", "p *(int *)&counter",
            "reverse-continue", "p/d $s0",
            "delete", "break done", "continue", "delete",
            "watch *(int *)&counter", "reverse-continue", "x/i $pc",
            "p/d $s0", "reverse-stepi", "x/i $pc", "delete",
            "reverse-continue", "kill",
        ], [
            r"^\$1 = 2$",                      # the store wrote 2
            r"^\$2 = 1$",                      # and going back undid it
            r"Breakpoint 1, store \(\)",       # the earlier round
            r"^\$3 = 1$",
            r"Breakpoint 2, done \(\)",
            r"Old value = 5\nNew value = 4",   # the last store, backwards
            r"=> 0x[0-9a-f]+ <store>",         # stopped before it
            r"^\$4 = 5$",
            r"=> 0x[0-9a-f]+ <loop\+",         # one more step back
            r"No more reverse-execution history",
        ])
    else:
        print("note: history is unavailable in this build: reverse "
              "execution not checked")

    # all-stop: while thread 2 steps, hart 0 runs too; a long count keeps
    # it from finishing the program meanwhile
    case("rv64-two-harts", emu, elf64, ["--harts=2"], [
        "info threads", "break loop", "continue", "delete",
        "set $s0 = -100000000", "thread 2", "stepi",
        "p $pc", "p $mhartid", "thread 1", "p $mhartid", "kill",
    ], [
        r"Thread 1 \(hart 0\)",
        r"Thread 2 \(hart 1\)",
        r"Switching to thread 2",
        r"^\$1 = \(void \(\*\)\(\)\) 0x8000000[0-9a-f]",
        r"^\$2 = 1$",
        r"Switching to thread 1",
        r"^\$3 = 0$",
    ])

    case("rv32-break-regs", emu, elf32, [], [
        "show architecture", "break store", "continue", "p/x $pc",
        "p sizeof($pc)", "p $mstatus", "info registers s0", "kill",
    ], [
        r"riscv:rv32",
        r"Breakpoint 1, store \(\)",
        r"^\$1 = 0x8000",
        r"^\$2 = 4$",
        r"^\$3 = [0-9]+$",
        r"^s0\s+0x1\s",
    ])

    case("rv64-runs-to-exit", emu, elf64, [], ["continue"],
         [r"\[Inferior 1 \(Remote target\) exited normally\]"])

    case("rv64-detach-runs-on", emu, elf64, [], [
        "break store", "continue", "detach",
    ], [r"Breakpoint 1, store", r"\[Inferior 1 \(Remote target\) detached\]"])

    # an ISA test: stop in its harness's exit path, which it reaches having
    # passed (a0 = 0), then let it finish
    case("isa-test-symbol", emu, isa_elf, ["--isa=rv64imac"], [
        "break harness_exit", "continue", "p $pc == harness_exit",
        "p $a0", "continue",
    ], [
        r"Breakpoint 1, 0x[0-9a-f]+ in harness_exit",
        r"^\$1 = 1$",
        r"^\$2 = 0$",
        r"\[Inferior 1 \(Remote target\) exited normally\]",
    ])

    raw_interrupt(emu, elf64)

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
