#!/usr/bin/env python3
"""Run an aarch64 test program under emu-user and check it.

run.py --expected FILE [--sysroot DIR] [--simd] -- EMU_USER PROGRAM [ARGS...]

The program must exit 0 and print exactly FILE's lines (it checks itself
and prints "OK ..." lines). When qemu-aarch64 is installed the program runs
under it as well, and emu-user's standard output and exit status must equal
QEMU's. --sysroot gives the folder of the dynamic loader and libraries
(-L for both emulators). --simd first checks with aarch64-linux-gnu-objdump
that the program holds Advanced SIMD instructions (an auto-vectorised
loop), so the test proves what it claims.
"""
import re
import shutil
import subprocess
import sys

args = sys.argv[1:]
expected = sysroot = None
simd = False
while args[0] != '--':
    a = args.pop(0)
    if a == '--expected':
        expected = args.pop(0)
    elif a == '--sysroot':
        sysroot = args.pop(0)
    elif a == '--simd':
        simd = True
    else:
        sys.exit('run.py: unknown option ' + a)
args.pop(0)
emu, prog, pargs = args[0], args[1], args[2:]
lopt = ['-L', sysroot] if sysroot else []

if simd:
    objdump = shutil.which('aarch64-linux-gnu-objdump')
    if not objdump:
        print('aarch64-linux-gnu-objdump not found: skipped')
        sys.exit(77)
    dis = subprocess.run([objdump, '-d', prog], stdout=subprocess.PIPE,
                         text=True, check=True).stdout
    # the test's own functions (glibc's string routines use SIMD as well)
    body = re.findall(r'<(add_mul|saxpy|sad|max_of)>:\n(.*?)\n\n', dis, re.S)
    vec = [f for f, b in body if re.search(r'\bv\d+\.(16b|8h|4s|2d)', b)]
    if len(vec) < 3:
        print('too few vectorised loops (%s): the compiler did not '
              'vectorise' % vec)
        sys.exit(1)
    print('vectorised:', ' '.join(vec))


def run(cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=200)
    return r.returncode, r.stdout.decode(errors='replace'), \
        r.stderr.decode(errors='replace')


status, out, err = run([emu] + lopt + [prog] + pargs)
sys.stdout.write(out)
sys.stderr.write(err)
bad = False
if status != 0:
    print('emu-user: exit status %s, expected 0' % status)
    bad = True
if expected:
    want = open(expected).read()
    if out != want:
        print('emu-user: standard output differs from %s:\n--- want\n%s'
              '--- got\n%s' % (expected, want, out))
        bad = True
qemu = shutil.which('qemu-aarch64')
if qemu:
    qs, qout, qerr = run([qemu] + lopt + [prog] + pargs)
    if (qs, qout) != (status, out):
        print('emu-user and qemu-aarch64 differ: status %s vs %s' % (status,
                                                                    qs))
        if qout != out:
            print('--- qemu-aarch64\n%s--- emu-user\n%s' % (qout, out))
        bad = True
    else:
        print('same standard output and status as qemu-aarch64')
else:
    print('qemu-aarch64 not installed: checked against %s only' % expected)
sys.exit(1 if bad else 0)
