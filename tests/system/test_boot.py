#!/usr/bin/env python3
"""System tests: real firmware and kernels boot on emu's virt board.

usage: test_boot.py EMU CASE
  opensbi   Debian's OpenSBI fw_dynamic prints its banner with the platform,
            the ISA and the 4 harts configured
  uboot     OpenSBI fw_jump + U-Boot qemu-riscv64_smode reach the prompt,
            answer `version` typed on stdin, and `poweroff` ends emu with 0
  linux-N   the Linux guest of scripts/build-linux-guest boots with N harts
            to its init, which prints a marker and powers off; emu exits 0

Exit status 77 (skipped) when the firmware or the Linux guest is not
installed or built; the reason is printed.
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expect import Session, Timeout  # noqa: E402

OPENSBI = "/usr/lib/riscv64-linux-gnu/opensbi/generic"
UBOOT = "/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def skip(why):
    print(f"skipped: {why}")
    sys.exit(77)


def need(path, package):
    if not os.path.exists(path):
        skip(f"{path} not found (Debian package {package}; scripts/setup "
             "installs it)")


def run(session, steps):
    t0 = time.monotonic()
    try:
        steps(session)
    except Timeout as e:
        session.kill()
        print(f"\nFAIL: {e}")
        sys.exit(1)
    finally:
        session.kill()
    print(f"\n[{time.monotonic() - t0:.2f} s]")


def case_opensbi(emu):
    need(f"{OPENSBI}/fw_dynamic.bin", "opensbi")

    def steps(s):
        s.expect("OpenSBI v", 60)
        s.expect("Platform Name             : libemu virt", 10)
        s.expect("Platform HART Count       : 4", 10)
        s.expect("Platform Console Device   : uart8250", 10)
        s.expect("Platform Shutdown Device  : sifive_test", 10)
        s.expect("Domain0 HARTs             : 0*,1*,2*,3*", 10)
        s.expect("Domain0 Next Address      : 0x0000000080200000", 10)
        s.expect("Boot HART Base ISA        : rv64imafdc", 10)
        s.expect("Boot HART ISA Extensions  : time,sstc", 10)
    run(Session([emu, "-M", "virt", "-smp", "4", "-m", "256",
                 "-bios", f"{OPENSBI}/fw_dynamic.bin",
                 "--max-insns=400000000"]), steps)


def case_uboot(emu):
    need(f"{OPENSBI}/fw_jump.bin", "opensbi")
    need(UBOOT, "u-boot-qemu")

    def steps(s):
        s.expect("U-Boot 20", 120)
        s.expect("Hit any key to stop autoboot", 120)
        s.send("\n")
        s.expect("=> ", 60)
        s.send("version\n")
        s.expect("U-Boot 20", 60)
        s.expect("riscv64-linux-gnu-gcc", 60)
        s.expect("=> ", 60)
        s.send("poweroff\n")
        status = s.wait(60)
        if status != 0:
            raise Timeout(f"emu exited with {status} after poweroff")
    run(Session([emu, "-M", "virt", "-smp", "2", "-m", "256", "-nographic",
                 "-bios", f"{OPENSBI}/fw_jump.bin", "-kernel", UBOOT]), steps)


def case_linux(emu, harts):
    need(f"{OPENSBI}/fw_jump.bin", "opensbi")
    builder = os.path.join(ROOT, "scripts", "build-linux-guest")
    out = subprocess.run([builder, "--print-dir"], capture_output=True,
                         text=True).stdout.strip()
    image, initrd = os.path.join(out, "Image"), os.path.join(out, "initramfs.cpio.gz")
    if not (os.path.exists(image) and os.path.exists(initrd)):
        skip(f"the Linux guest is not built in {out} (run scripts/build-linux-guest)")

    def steps(s):
        s.expect("OpenSBI v", 60)
        s.expect("Linux version 6.1", 120)
        cpus = "1 CPU online" if harts == 1 else f"{harts} CPUs online"
        s.expect(f"libemu-guest: init reached, {cpus}", 600)
        s.expect("libemu-guest: powering off", 120)
        status = s.wait(120)
        if status != 0:
            raise Timeout(f"emu exited with {status} after the guest powered off")
    run(Session([emu, "-M", "virt", "-smp", str(harts), "-m", "256",
                 "-bios", f"{OPENSBI}/fw_jump.bin", "-kernel", image,
                 "-initrd", initrd, "-append", "console=ttyS0 earlycon"]), steps)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    emu, case = sys.argv[1], sys.argv[2]
    if case == "opensbi":
        case_opensbi(emu)
    elif case == "uboot":
        case_uboot(emu)
    elif case.startswith("linux-"):
        case_linux(emu, int(case[6:]))
    else:
        print(f"unknown case {case}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
