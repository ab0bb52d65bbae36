#!/usr/bin/env python3
"""emu-user passes host signals on to the program: SIGINT runs its
SA_RESTART handler and its blocked read carries on; SIGTERM with the
default action ends it with status 128 + 15.
Usage: sigforward.py EMU_USER SIGWAIT"""
import signal
import subprocess
import sys
import time

emu, prog = sys.argv[1:3]
bad = False
p = subprocess.Popen([emu, prog], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
assert p.stdout.readline() == b'ready\n'
time.sleep(0.3)  # let it block in read
p.send_signal(signal.SIGINT)
time.sleep(0.3)
out, err = p.communicate(b'data', timeout=60)
print(out.decode(), err.decode())
if p.returncode != 0 or b'read data after 1 SIGINT' not in out:
    print(f'FAIL: SIGINT: status {p.returncode}')
    bad = True

p = subprocess.Popen([emu, prog], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
assert p.stdout.readline() == b'ready\n'
p.send_signal(signal.SIGTERM)
out, err = p.communicate(timeout=60)
print(out.decode(), err.decode())
if p.returncode != 128 + 15 or b'uncaught target signal 15' not in err:
    print(f'FAIL: SIGTERM: status {p.returncode}')
    bad = True
sys.exit(1 if bad else 0)
