#!/usr/bin/env python3
"""--chroot keeps the program inside its directory: "..", relative links
pointing above it and absolute links all resolve inside.
Usage: chroot.py EMU_USER CATFILE"""
import errno
import os
import subprocess
import sys
import tempfile

emu, prog = sys.argv[1:3]
with tempfile.TemporaryDirectory() as t:
    root = os.path.join(t, 'root')
    os.makedirs(os.path.join(root, 'sub'))
    with open(os.path.join(t, 'outside.txt'), 'w') as f:
        f.write('OUTSIDE\n')
    with open(os.path.join(root, 'inside.txt'), 'w') as f:
        f.write('INSIDE\n')
    os.symlink('..', os.path.join(root, 'up'))
    os.symlink('/', os.path.join(root, 'abs'))
    os.symlink('/inside.txt', os.path.join(root, 'sub', 'link'))
    outside = os.path.join(t, 'outside.txt')
    cases = {
        '/inside.txt': 'INSIDE',
        'inside.txt': 'INSIDE',
        '/../outside.txt': f'error {errno.ENOENT}',
        '../../outside.txt': f'error {errno.ENOENT}',
        '/up/outside.txt': f'error {errno.ENOENT}',
        '/up/up/inside.txt': 'INSIDE',
        '/abs/inside.txt': 'INSIDE',
        '/sub/../../inside.txt': 'INSIDE',
        '/sub/link': 'INSIDE',
        outside: f'error {errno.ENOENT}',
    }
    r = subprocess.run([emu, '--chroot', root, prog] + list(cases),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    out = r.stdout.decode()
    print(out, r.stderr.decode())
    bad = r.returncode != 0
    for path, want in cases.items():
        if f'{path}: {want}\n' not in out:
            print(f'FAIL {path}: expected {want}')
            bad = True
    if 'cwd: /\n' not in out:
        print('FAIL: the working directory should read /')
        bad = True
    sys.exit(1 if bad else 0)
