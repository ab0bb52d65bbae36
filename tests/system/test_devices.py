#!/usr/bin/env python3
"""System tests of the virt board's virtio devices and framebuffer, through
the Linux guest of scripts/build-linux-guest and its libemu.test= actions
(guest/linux/init.c).

usage: test_devices.py EMU CASE

  blk   an ext2 image made here (mkfs.ext2) as a virtio-blk disk: the guest
        mounts it and writes /hello.txt with a random word; after power-off
        debugfs reads the file back from the image
  net   user networking (slirp): the guest gets 10.0.2.15 by DHCP and fetches
        a random token over HTTP from a server on the host's 127.0.0.1,
        reached as 10.0.2.2
  rng   virtio-rng: 32 bytes from /dev/hwrng, not all zero
  fb    the simple-framebuffer display: the guest writes a line on the
        framebuffer console; the screenshot emu writes at exit must show it,
        compared cell by cell with the kernel's own 8x16 (or 8x8) font
  fb-sdl  the same with EMU being emu-sdl: the display in a window on a
        virtual X server (xvfb-run), the screenshot taken at exit

EMU is the emu binary. For checking the guest side where emu lacks a device,
blk, net and rng also run under QEMU: give the path or name of a
qemu-system-riscv64 binary as EMU (any program whose name starts with
"qemu-system"), e.g.  tests/system/test_devices.py qemu-system-riscv64 net
(QEMU's virt board has no simple-framebuffer, so fb is emu only).

Exit status 77 (skipped) when the firmware, the Linux guest, its kernel
source (fb) or a host tool the case needs is missing, or when the guest's
init predates libemu.test=; the reason is printed.
"""
import http.server
import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expect import Session, Timeout  # noqa: E402

FW = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FB_TEXT = "LIBEMU FRAMEBUFFER OK"  # what init.c's fb test writes
BOOT_TIMEOUT = 600                 # seconds to the init (a debug build is slow)


def skip(why):
    print(f"skipped: {why}")
    sys.exit(77)


def fail(why):
    print(f"\nFAIL: {why}")
    sys.exit(1)


def need_tool(name, package):
    path = shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/sbin/{name}") if os.access(p, os.X_OK)), None)
    if not path:
        skip(f"{name} not found (Debian package {package})")
    return path


def guest_dir():
    builder = os.path.join(ROOT, "scripts", "build-linux-guest")
    out = subprocess.run([builder, "--print-dir"], capture_output=True,
                         text=True).stdout.strip()
    for f in ("Image", "initramfs.cpio.gz"):
        if not os.path.exists(os.path.join(out, f)):
            skip(f"the Linux guest is not built in {out} (run scripts/build-linux-guest)")
    return out


class Machine:
    """The command line for emu or QEMU: the same guest, the devices spelt
    the way each wants them."""

    def __init__(self, program):
        self.program = program
        self.qemu = os.path.basename(program).startswith("qemu-system")
        if self.qemu and not shutil.which(program):
            skip(f"{program} not found (Debian package qemu-system-misc)")
        if not os.path.exists(FW):
            skip(f"{FW} not found (Debian package opensbi; scripts/setup installs it)")
        self.dir = guest_dir()
        self.devices = []
        self.wrap = []  # a command the emulator runs under (xvfb-run)
        self.env = None

    def disk(self, image):
        if self.qemu:
            self.devices += ["-drive", f"file={image},format=raw,if=none,id=d0",
                             "-device", "virtio-blk-device,drive=d0"]
        else:
            self.devices += ["--drive", f"file={image},format=raw"]

    def user_net(self):
        if self.qemu:
            self.devices += ["-netdev", "user,id=n0", "-device", "virtio-net-device,netdev=n0"]
        else:
            # the guest talks to a real server on the host: guest time follows
            # the host's, so its timeouts mean what they say
            self.devices += ["--net", "user", "--realtime", "on"]

    def rng(self):
        self.devices += ["-device", "virtio-rng-device"] if self.qemu else ["--device", "rng"]

    def display(self, screenshot, window=False):
        if self.qemu:
            skip("QEMU's virt board has no simple-framebuffer: the fb test is emu only")
        if window:
            # emu-sdl's window in a virtual X server
            need_tool("xvfb-run", "xvfb")
            self.wrap = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"]
            # under ASan, LeakSanitizer reports what the X11, D-Bus and GL
            # libraries behind SDL keep until exit; emu's own code is
            # leak-checked by the headless fb case
            self.env = dict(os.environ)
            self.env["ASAN_OPTIONS"] = ":".join(
                filter(None, [os.environ.get("ASAN_OPTIONS"), "detect_leaks=0"]))
        self.devices += ["--display", "sdl" if window else "none",
                         "--screenshot", screenshot]

    def argv(self, append):
        argv = self.wrap + [self.program, "-M", "virt", "-smp", "1", "-m", "256",
                "-bios", FW, "-kernel", os.path.join(self.dir, "Image"),
                "-initrd", os.path.join(self.dir, "initramfs.cpio.gz"),
                "-append", append] + self.devices
        if self.qemu:
            argv.append("-nographic")
        return argv

    def boot(self, append, check):
        """Boots with the kernel command line append, runs check(session)
        once the init has started its tests, then waits for power-off and
        exit status 0."""
        argv = self.argv(append)
        print("running: " + shlex.join(argv), flush=True)
        t0 = time.monotonic()
        s = Session(argv, self.env)
        try:
            s.expect("Linux version 6.1", BOOT_TIMEOUT)
            s.expect("libemu-guest: init reached", BOOT_TIMEOUT)
            if s.expect_any(["libemu-guest: tests: ", "libemu-guest: action: "], 120) == 1:
                s.kill()
                skip("the guest's init predates libemu.test= (run scripts/build-linux-guest)")
            check(s)
            s.expect("libemu-guest: powering off", 300)
            status = s.wait(120)
            if status != 0:
                raise Timeout(f"{self.program} exited with {status} after the guest powered off")
        except Timeout as e:
            s.kill()
            fail(e)
        finally:
            s.kill()
        print(f"\n[{time.monotonic() - t0:.2f} s]")


def result(s, test, pattern, timeout=300):
    """Waits for the test's ok or FAIL line; returns the ok line's match of
    pattern (a regular expression for what follows "ok ")."""
    m = s.expect_re(rf"libemu-guest: {test}: ((?:ok|FAIL) [^\r\n]*)\r?\n", timeout)
    line = m.group(1).decode(errors="replace")
    if line.startswith("FAIL"):
        raise Timeout(f"the guest reports {test}: {line}")
    mm = re.fullmatch("ok " + pattern, line)
    if not mm:
        raise Timeout(f"unexpected {test} result: {line!r}")
    return mm


def case_blk(program):
    mkfs = need_tool("mkfs.ext2", "e2fsprogs")
    debugfs = need_tool("debugfs", "e2fsprogs")
    m = Machine(program)
    word = "libemu-" + secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="libemu-blk-") as tmp:
        image = os.path.join(tmp, "disk.img")
        with open(image, "wb") as f:
            f.truncate(8 << 20)
        subprocess.run([mkfs, "-F", "-q", image], check=True)
        m.disk(image)
        m.boot(f"console=ttyS0 earlycon libemu.test=blk libemu.blkdata={word}",
               lambda s: result(s, "blk", r"wrote /hello\.txt on /dev/vda: (\S+)"))
        r = subprocess.run([debugfs, "-R", "cat /hello.txt", image],
                           capture_output=True, text=True)
        got = r.stdout.strip()
        print(f"debugfs reads /hello.txt: {got!r}")
        if r.returncode != 0 or got != word:
            fail(f"/hello.txt in the image holds {got!r}, not {word!r} "
                 f"(debugfs: {r.stderr.strip()})")
    print("ok: the guest's file is in the image")


class TokenServer(http.server.ThreadingHTTPServer):
    daemon_threads = True


def case_net(program):
    m = Machine(program)
    token = "token-" + secrets.token_hex(12)
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            body = (token + "\n").encode() if self.path == "/libemu-test" else b"not found\n"
            self.send_response(200 if self.path == "/libemu-test" else 404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, fmt, *args):
            print(f"[http server] {fmt % args}", flush=True)

    server = TokenServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        m.user_net()

        def check(s):
            r = result(s, "net", r"address (\S+), HTTP 200, body: (.*)", 300)
            addr, body = r.group(1), r.group(2).strip()
            if addr != "10.0.2.15":
                raise Timeout(f"the guest's DHCP address is {addr}, not 10.0.2.15")
            if body != token:
                raise Timeout(f"the guest read {body!r}, the server sent {token!r}")
        m.boot(f"console=ttyS0 earlycon ip=dhcp libemu.test=net libemu.netport={port}", check)
    finally:
        server.shutdown()
        server.server_close()
    if "/libemu-test" not in hits:
        fail("the server saw no request for /libemu-test")
    print("ok: DHCP address 10.0.2.15, and the token came through")


def case_rng(program):
    m = Machine(program)
    m.rng()

    def check(s):
        r = result(s, "rng", r"([0-9a-f]{64}) \((virtio_rng[^)]*)\)")
        if set(r.group(1)) == {"0"}:
            raise Timeout("all zero")
    m.boot("console=ttyS0 earlycon libemu.test=rng", check)
    print("ok: 32 random bytes from virtio-rng")


# ---- the framebuffer screenshot ---------------------------------------------

def read_image(path):
    """Reads a binary PPM (P6, maxval 255) or an 8-bit RGB/RGBA PNG; returns
    (width, height, rows) with rows a list of lists of (r, g, b)."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"P6"):
        fields, i = [], 2
        while len(fields) < 3:
            while data[i:i + 1].isspace():
                i += 1
            if data[i:i + 1] == b"#":
                i = data.index(b"\n", i)
                continue
            j = i
            while not data[j:j + 1].isspace():
                j += 1
            fields.append(int(data[i:j]))
            i = j
        w, h, maxval = fields
        if maxval != 255:
            raise ValueError(f"PPM maxval {maxval} (want 255)")
        px = data[i + 1:i + 1 + 3 * w * h]
        if len(px) != 3 * w * h:
            raise ValueError("PPM is truncated")
        return w, h, [[tuple(px[3 * (y * w + x):3 * (y * w + x) + 3]) for x in range(w)]
                      for y in range(h)]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        i, idat, w = 8, b"", None
        while i < len(data):
            n = int.from_bytes(data[i:i + 4], "big")
            kind, body = data[i + 4:i + 8], data[i + 8:i + 8 + n]
            if kind == b"IHDR":
                w, h = int.from_bytes(body[0:4], "big"), int.from_bytes(body[4:8], "big")
                depth, color, interlace = body[8], body[9], body[12]
                if depth != 8 or color not in (2, 6) or interlace:
                    raise ValueError(f"PNG depth {depth} color type {color} "
                                     f"interlace {interlace}: only 8-bit RGB(A) is read")
                bpp = 3 if color == 2 else 4
            elif kind == b"IDAT":
                idat += body
            i += 12 + n
        raw = zlib.decompress(idat)
        stride, rows, prev = w * bpp, [], bytearray(w * bpp)
        for y in range(h):
            ft, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                if ft == 1:
                    line[x] = (line[x] + a) & 255
                elif ft == 2:
                    line[x] = (line[x] + b) & 255
                elif ft == 3:
                    line[x] = (line[x] + (a + b) // 2) & 255
                elif ft == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                    line[x] = (line[x] + pr) & 255
            rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(w)])
            prev = line
        return w, h, rows
    raise ValueError("neither a binary PPM nor a PNG")


def kernel_font(src, name, height):
    """The glyphs of lib/fonts/<name>.c in the kernel source: 256 tuples of
    `height` row bytes (most significant bit = leftmost pixel)."""
    path = os.path.join(src, "lib", "fonts", name + ".c")
    with open(path) as f:
        text = f.read()
    data = [int(b, 16) for b in re.findall(r"^\s*(0x[0-9a-fA-F]{2}),", text, re.M)]
    if len(data) != 256 * height:
        raise ValueError(f"{path}: {len(data)} glyph bytes, expected {256 * height}")
    return [tuple(data[c * height:(c + 1) * height]) for c in range(256)]


def screen_text(w, h, rows, font, height):
    """Reads the screen back as text: the background is the commonest
    colour, every other pixel is foreground; each 8 x height cell that
    matches a glyph exactly becomes that character, others become '?'."""
    counts = {}
    for row in rows:
        for p in row:
            counts[p] = counts.get(p, 0) + 1
    bg = max(counts, key=counts.get)
    lookup = {}
    for code in range(255, -1, -1):  # printable ASCII wins a tie
        lookup[font[code]] = code
    for code in range(0x20, 0x7f):
        lookup[font[code]] = code
    lines = []
    for cy in range(h // height):
        chars = []
        for cx in range(w // 8):
            cell = tuple(sum((rows[cy * height + y][cx * 8 + x] != bg) << (7 - x)
                             for x in range(8)) for y in range(height))
            code = lookup.get(cell)
            chars.append(chr(code) if code is not None and 0x20 <= code < 0x7f else
                         ("?" if any(cell) else " "))
        lines.append("".join(chars))
    return lines


def case_fb(program, window=False):
    m = Machine(program)
    src = os.path.join(m.dir, "src", "linux-source-6.1")
    if not os.path.exists(os.path.join(src, "lib", "fonts", "font_8x16.c")):
        skip(f"the kernel source tree is not in {src} (scripts/build-linux-guest unpacks it)")
    with tempfile.TemporaryDirectory(prefix="libemu-fb-") as tmp:
        shot = os.path.join(tmp, "screen.ppm")
        m.display(shot, window)
        # ttyS0 last: it is /dev/console, where the init's lines go;
        # tty0 (the framebuffer console) gets the kernel's messages too
        m.boot("console=tty0 console=ttyS0 earlycon fbcon=font:VGA8x16 libemu.test=fb",
               lambda s: result(s, "fb", r'wrote "([^"]*)" at the top left of tty1 \(fb0: [^)]*\)'))
        if not os.path.exists(shot):
            fail(f"{program} wrote no screenshot {shot}")
        try:
            w, h, rows = read_image(shot)
        except (ValueError, IndexError, zlib.error) as e:
            fail(f"cannot read the screenshot: {e}")
    print(f"screenshot: {w} x {h}")
    for name, height in (("font_8x16", 16), ("font_8x8", 8)):
        lines = screen_text(w, h, rows, kernel_font(src, name, height), height)
        hit = next(((y, ln.index(FB_TEXT)) for y, ln in enumerate(lines) if FB_TEXT in ln), None)
        if hit:
            print(f"ok: {FB_TEXT!r} at text row {hit[0]}, column {hit[1]} "
                  f"({name}, {w // 8} x {h // height} cells)")
            return
    print("the screen read back with the 8x16 font:")
    for ln in screen_text(w, h, rows, kernel_font(src, "font_8x16", 16), 16):
        if ln.strip():
            print("  |" + ln.rstrip())
    fail(f"{FB_TEXT!r} is not on the screen")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    program, case = sys.argv[1], sys.argv[2]
    cases = {"blk": case_blk, "net": case_net, "rng": case_rng, "fb": case_fb,
             "fb-sdl": lambda p: case_fb(p, window=True)}
    if case not in cases:
        print(f"unknown case {case} (blk, net, rng, fb, fb-sdl)", file=sys.stderr)
        sys.exit(2)
    cases[case](program)


if __name__ == "__main__":
    main()
