#!/usr/bin/env python3
"""The virt board's console on a terminal: emu puts the terminal in raw
mode, keys reach the guest, Ctrl-A h lists the escapes, Ctrl-A s saves a
screenshot, Ctrl-A x quits with status 0, and the terminal's settings are
restored afterwards — also when emu is killed by SIGTERM.

usage: test_console.py EMU SPIN.elf   (SPIN: a program that loops forever)
"""
import os
import pty
import select
import shutil
import signal
import sys
import tempfile
import termios
import time

emu, spin = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name} {detail}")


def start(*extra):
    """emu on a new pseudo-terminal; returns (pid, master fd, slave fd)."""
    master, slave = pty.openpty()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.execv(emu, [emu, "-M", "virt", "-bios", "none", "-kernel", spin,
                       *extra])
    return pid, master, slave


def read_until(master, text, timeout=20):
    buf = b""
    deadline = time.monotonic() + timeout
    while text.encode() not in buf and time.monotonic() < deadline:
        r, _, _ = select.select([master], [], [], 0.2)
        if r:
            try:
                buf += os.read(master, 4096)
            except OSError:
                break
    return buf


def wait_raw(slave, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not termios.tcgetattr(slave)[3] & termios.ICANON:
            return True
        time.sleep(0.05)
    return False


def wait_exit(pid, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


# Ctrl-A h, then Ctrl-A x
pid, master, slave = start()
before = termios.tcgetattr(slave)
check("raw mode", wait_raw(slave))
lflag = termios.tcgetattr(slave)[3]
check("no echo or signals from keys", not lflag & (termios.ECHO | termios.ISIG))
os.write(master, b"\x01h")
out = read_until(master, "C-a x")
check("Ctrl-A h lists the escapes", b"C-a x" in out, repr(out[-200:]))
os.write(master, b"\x01x")
out = read_until(master, "terminated")
status = wait_exit(pid)
check("Ctrl-A x quits", status is not None and os.WIFEXITED(status) and
      os.WEXITSTATUS(status) == 0, f"status {status}")
check("Ctrl-A x says so", b"terminated by C-a x" in out, repr(out[-200:]))
after = termios.tcgetattr(slave)
check("terminal restored after quitting", after[3] == before[3] and
      after[0] == before[0], f"{after[3]:#x} vs {before[3]:#x}")
os.close(master), os.close(slave)

# SIGTERM: emu dies of the signal, the terminal is restored anyway
pid, master, slave = start()
before_lflag = termios.tcgetattr(slave)[3] | termios.ICANON
check("raw mode (2)", wait_raw(slave))
os.kill(pid, signal.SIGTERM)
status = wait_exit(pid)
check("SIGTERM ends emu", status is not None and os.WIFSIGNALED(status) and
      os.WTERMSIG(status) == signal.SIGTERM, f"status {status}")
lflag = termios.tcgetattr(slave)[3]
check("terminal restored after SIGTERM", lflag & termios.ICANON and
      lflag & termios.ECHO, f"{lflag:#x}")
os.close(master), os.close(slave)

# Ctrl-A s saves --screenshot's file (a display is added for it)
shot = os.path.join(tempfile.mkdtemp(), "shot.ppm")
pid, master, slave = start("--screenshot", shot)
check("raw mode (3)", wait_raw(slave))
os.write(master, b"\x01s")
out = read_until(master, "screenshot saved")
check("Ctrl-A s says so", b"screenshot saved to " in out, repr(out[-200:]))
check("Ctrl-A s writes the file", os.path.exists(shot) and
      open(shot, "rb").read(15) == b"P6\n1024 768\n255")
os.write(master, b"\x01x")
status = wait_exit(pid)
check("Ctrl-A x after a screenshot", status is not None and
      os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"status {status}")
os.close(master), os.close(slave)
shutil.rmtree(os.path.dirname(shot))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
