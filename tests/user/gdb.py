#!/usr/bin/env python3
"""emu-user -g: gdb-multiarch attaches before the first instruction, stops
at main (argc in a0), reads the program's memory by symbol, and lets it
run to its exit status. Skipped (77) without gdb-multiarch.
Usage: gdb.py EMU_USER EXITCODE_PROGRAM"""
import re
import shutil
import subprocess
import sys

emu, prog = sys.argv[1:3]
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
r = subprocess.run([gdb, '-nx', '-batch', prog,
                    '-ex', 'set confirm off',
                    '-ex', f'target remote localhost:{m.group(1)}',
                    '-ex', 'break main', '-ex', 'continue',
                    '-ex', 'print $a0', '-ex', 'print *(char *)argv[1]',
                    '-ex', 'continue'],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                   timeout=120)
out = r.stdout.decode()
print(out)
try:
    status = p.wait(timeout=60)
except subprocess.TimeoutExpired:
    p.kill()
    status = None
print('emu-user status', status, p.stderr.read().decode())
ok = (status == 5 and 'Breakpoint 1, main' in out and '$1 = 2' in out
      and "53 '5'" in out and 'exited with code 05' in out)
sys.exit(0 if ok else 1)
