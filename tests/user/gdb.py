#!/usr/bin/env python3
"""emu-user -g with gdb-multiarch. Skipped (77) without gdb-multiarch.

Usage: gdb.py EMU_USER EXITCODE_PROGRAM [--a64]
  gdb attaches before the first instruction, stops at main (argc in a0, or
  x0 with --a64 for an aarch64 program),
  reads the program's memory by symbol, and lets it run to its exit status.
Usage: gdb.py EMU_USER SEGV_PROGRAM --signal [--a64]
  the program's NULL write stops it with "Program received signal SIGSEGV"
  at the faulting store; "signal 0" drops the signal, so the store faults
  and stops it again; "continue" passes the signal, whose default action
  ends the program with 128 + 11, which gdb reports as "terminated with
  signal SIGSEGV"."""
import re
import shutil
import subprocess
import sys

emu, prog = sys.argv[1:3]
signal_mode = '--signal' in sys.argv[3:]
a64 = '--a64' in sys.argv[3:]
arg0 = '$x0' if a64 else '$a0'
# the faulting store of segv.c as gdb disassembles it
store = r'str' if a64 else r'(c\.)?sw'
gdb = shutil.which('gdb-multiarch')
if not gdb:
    print('gdb-multiarch not found')
    sys.exit(77)
p = subprocess.Popen([emu, '-g', '0', prog, '5'], stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
line = p.stderr.readline().decode()
m = re.search(r'localhost:(\d+)', line)
if not m:
    print('no port in', line)
    p.kill()
    sys.exit(1)
if signal_mode:
    commands = ['continue', 'x/i $pc', 'signal 0', 'continue']
else:
    commands = ['break main', 'continue', f'print {arg0}',
                'print *(char *)argv[1]']
    if a64:
        # the 128-bit V registers: their size, and a lane written and
        # read back through the stub
        commands += ['print sizeof($v5)', 'set var $v5.d.u[1] = 0x1234',
                     'print/x $v5.d.u', 'stepi']
    commands += ['continue']
args = [gdb, '-nx', '-batch', prog, '-ex', 'set confirm off',
        '-ex', f'target remote localhost:{m.group(1)}']
for c in commands:
    args += ['-ex', c]
r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                   timeout=120)
out = r.stdout.decode()
print(out)
try:
    status = p.wait(timeout=60)
except subprocess.TimeoutExpired:
    p.kill()
    status = None
print('emu-user status', status, p.stderr.read().decode())
if signal_mode:
    ok = (status == 128 + 11 and
          out.count('Program received signal SIGSEGV') == 2 and
          re.search(r'=> 0x[0-9a-f]+ <main(\+\d+)?>:\s+' + store, out)
          is not None and
          'Program terminated with signal SIGSEGV' in out)
else:
    ok = (status == 5 and 'Breakpoint 1, main' in out and '$1 = 2' in out
          and "53 '5'" in out and 'exited with code 05' in out)
    if a64:
        ok = ok and '$3 = 16' in out and re.search(
            r'\$4 = \{0x[0-9a-f]+, 0x1234\}', out) is not None
sys.exit(0 if ok else 1)
