#!/usr/bin/env python3
"""emu-sdl in a virtual X server: the window opens on a guest that draws
four coloured quadrants into the framebuffer, SIGUSR1 and the exit write
--screenshot files showing them (PNG and PPM parsed here, the PNG's CRCs
checked), --display none runs headless, and without an X server emu-sdl
says so and exits 1. emu itself takes the same screenshots.

usage: test_sdl.py EMU-SDL EMU FB.elf
Re-runs itself under `xvfb-run -a`; exits 77 (skipped) without xvfb-run.
"""
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib

emu_sdl, emu, fb = sys.argv[1:4]
MARK = "LIBEMU_TEST_SDL_XVFB"

if not os.environ.get(MARK):
    xvfb = shutil.which("xvfb-run")
    if not xvfb:
        print("xvfb-run not found (Debian package xvfb): skipped")
        sys.exit(77)
    env = dict(os.environ, **{MARK: "1"})
    os.execve(xvfb, [xvfb, "-a", "-s", "-screen 0 1280x1024x24", sys.executable,
                     os.path.abspath(__file__)] + sys.argv[1:], env)

passed = failed = 0
W, H = 1024, 768
# top left red, top right green, bottom left blue, bottom right white
EXPECT = {(10, 10): (255, 0, 0), (W - 10, 10): (0, 255, 0),
          (10, H - 10): (0, 0, 255), (W - 10, H - 10): (255, 255, 255)}
BOOT = ["-m", "64M", "-bios", "none", "-kernel", fb]


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name} {detail}")


def read_png(path):
    """(width, height, rows of RGB bytes); asserts every CRC."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "PNG signature"
    off, idat, ihdr = 8, b"", None
    while off < len(data):
        n, = struct.unpack(">I", data[off:off + 4])
        kind, body = data[off + 4:off + 8], data[off + 8:off + 8 + n]
        crc, = struct.unpack(">I", data[off + 8 + n:off + 12 + n])
        assert zlib.crc32(kind + body) == crc, f"CRC of {kind}"
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        off += 12 + n
    w, h, depth, colour = ihdr[:4]
    assert depth == 8 and colour == 2, "8-bit RGB"
    raw = zlib.decompress(idat)
    stride = 1 + 3 * w
    assert len(raw) == stride * h
    rows = []
    for y in range(h):
        assert raw[y * stride] == 0, "filter type 0"
        rows.append(raw[y * stride + 1:(y + 1) * stride])
    return w, h, rows


def read_ppm(path):
    data = open(path, "rb").read()
    parts = data.split(b"\n", 3)
    assert parts[0] == b"P6" and parts[2] == b"255"
    w, h = map(int, parts[1].split())
    px = parts[3]
    return w, h, [px[y * 3 * w:(y + 1) * 3 * w] for y in range(h)]


def check_shot(name, path):
    try:
        w, h, rows = read_png(path) if path.endswith(".png") else read_ppm(path)
    except (OSError, AssertionError, zlib.error, TypeError) as e:
        check(name, False, f"{path}: {e!r}")
        return
    check(name + " size", (w, h) == (W, H), f"{w}x{h}")
    for (x, y), rgb in EXPECT.items():
        got = tuple(rows[y][3 * x:3 * x + 3])
        check(f"{name} pixel {x},{y}", got == rgb, f"{got} != {rgb}")


def wait_output(p, text, timeout=30):
    buf = b""
    deadline = time.monotonic() + timeout
    while text not in buf and time.monotonic() < deadline:
        r, _, _ = select.select([p.stdout], [], [], 0.2)
        if r:
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                break
            buf += chunk
    return text in buf


def wait_file(path, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            time.sleep(0.2)  # let it be written completely
            return True
        time.sleep(0.1)
    return False


def run_drawing(name, argv, shot, env=None):
    """Start argv, wait for the drawing, SIGUSR1, then 'q' ends it."""
    p = subprocess.Popen(argv + BOOT + ["--screenshot", shot],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    try:
        ready = wait_output(p, b"fb ready")
        check(name + " guest drew", ready)
        if ready:
            os.kill(p.pid, signal.SIGUSR1)
            check(name + " SIGUSR1 writes the screenshot", wait_file(shot))
            check_shot(name + " SIGUSR1 shot", shot)
            os.unlink(shot)
        p.stdin.write(b"q")
        p.stdin.flush()
        rc = p.wait(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        rc = p.wait()
    err = p.stderr.read().decode(errors="replace")
    check(name + " exit status 0", rc == 0, f"{rc}: {err[-400:]}")
    check(name + " screenshot at exit", os.path.exists(shot))
    check_shot(name + " exit shot", shot)


tmp = tempfile.mkdtemp()
try:
    # Under ASan, LeakSanitizer reports what the X11 and GL libraries
    # behind SDL keep until exit (stacks inside those libraries); the
    # headless runs below check the rest of the program for leaks.
    win_env = dict(os.environ)
    win_env["ASAN_OPTIONS"] = ":".join(
        filter(None, [os.environ.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    run_drawing("emu-sdl window", [emu_sdl], os.path.join(tmp, "win.png"),
                win_env)
    run_drawing("emu-sdl headless", [emu_sdl, "--display", "none"],
                os.path.join(tmp, "headless.ppm"))
    run_drawing("emu", [emu, "-M", "virt"], os.path.join(tmp, "emu.png"))

    # no X server: a clear message and status 1
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["SDL_VIDEODRIVER"] = "x11"
    r = subprocess.run([emu_sdl] + BOOT, env=env, stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=30)
    check("no X server: status 1", r.returncode == 1, str(r.returncode))
    check("no X server: says so", b"cannot open a window" in r.stderr,
          r.stderr.decode(errors="replace")[-300:])

    # emu-sdl refuses the test board; --help lists its options
    r = subprocess.run([emu_sdl, "-M", "test", fb], capture_output=True)
    check("emu-sdl -M test refused", r.returncode == 2)
    r = subprocess.run([emu_sdl, "--help"], capture_output=True)
    check("emu-sdl --help", r.returncode == 0 and b"usage: emu-sdl" in r.stdout
          and b"--no-default-input" in r.stdout)
finally:
    shutil.rmtree(tmp)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
