"""A small expect: drive a console program through its stdin and stdout.

Used by the system tests to talk to firmware running under emu. Output is
echoed to our stdout (so a failing test shows the console) and matched
against the patterns the test waits for; every wait has a deadline.
"""
import os
import re
import select
import subprocess
import time


class Timeout(Exception):
    pass


class Session:
    def __init__(self, argv, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, env=env)
        self.buf = b""
        self.seen = 0  # bytes of buf already matched past

    def _read(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        r, _, _ = select.select([self.proc.stdout], [], [], left)
        if not r:
            return False
        data = os.read(self.proc.stdout.fileno(), 65536)
        if not data:
            return None  # EOF
        os.write(1, data)
        self.buf += data
        return True

    def expect(self, text, timeout):
        """Wait for text to appear after what earlier expects matched."""
        pat = text.encode()
        deadline = time.monotonic() + timeout
        while True:
            i = self.buf.find(pat, self.seen)
            if i >= 0:
                self.seen = i + len(pat)
                return
            got = self._read(deadline)
            if got is None:
                raise Timeout(f"the program ended before printing {text!r}")
            if got is False:
                raise Timeout(f"no {text!r} within {timeout} s")

    def expect_any(self, texts, timeout):
        """Wait for the first of texts to appear; return its index."""
        pats = [t.encode() for t in texts]
        deadline = time.monotonic() + timeout
        while True:
            hits = [(i, k) for k, i in enumerate(self.buf.find(p, self.seen)
                                                 for p in pats) if i >= 0]
            if hits:
                i, k = min(hits)
                self.seen = i + len(pats[k])
                return k
            got = self._read(deadline)
            if got is None:
                raise Timeout(f"the program ended before printing any of {texts!r}")
            if got is False:
                raise Timeout(f"none of {texts!r} within {timeout} s")

    def expect_re(self, pattern, timeout):
        """Wait for a regular expression (str, matched against the output
        decoded as Latin-1) to match; return the match object."""
        rx = re.compile(pattern.encode("latin-1"))
        deadline = time.monotonic() + timeout
        while True:
            m = rx.search(self.buf, self.seen)
            if m:
                self.seen = m.end()
                return m
            got = self._read(deadline)
            if got is None:
                raise Timeout(f"the program ended before printing /{pattern}/")
            if got is False:
                raise Timeout(f"no /{pattern}/ within {timeout} s")

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def wait(self, timeout):
        """Read the rest of the output and return the exit status."""
        deadline = time.monotonic() + timeout
        while self._read(deadline):
            pass
        try:
            return self.proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            raise Timeout(f"the program did not exit within {timeout} s")

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
