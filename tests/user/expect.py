#!/usr/bin/env python3
"""Run a command and check its exit status and, optionally, that its
standard error contains a text: expect.py STATUS [--stderr TEXT] -- CMD...
"""
import subprocess
import sys

args = sys.argv[1:]
want = int(args.pop(0))
text = None
if args[0] == '--stderr':
    args.pop(0)
    text = args.pop(0)
assert args.pop(0) == '--'
r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                   timeout=100)
sys.stdout.write(r.stdout.decode(errors='replace'))
sys.stderr.write(r.stderr.decode(errors='replace'))
if r.returncode != want:
    print(f'exit status {r.returncode}, expected {want}')
    sys.exit(1)
if text is not None and text not in r.stderr.decode(errors='replace'):
    print(f'standard error lacks {text!r}')
    sys.exit(1)
