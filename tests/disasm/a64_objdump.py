#!/usr/bin/env python3
"""Checks that a64_disasm() spells A64 instructions as GNU objdump -d does.

usage: a64_objdump.py DRIVER CORPUS.S PROG.c

Assembles CORPUS.S with aarch64-linux-gnu-as and builds PROG.c as a static
program with aarch64-linux-gnu-gcc (so glibc's code is a large real
corpus), disassembles both with aarch64-linux-gnu-objdump -d, and feeds
every instruction's address and word to DRIVER (a64_dis_driver). Texts are
compared after objdump's decorations are dropped: the "<symbol+off>" after
branch targets and "// ..." comments; whitespace is normalised. Data words
in code (.word, ...) are left out.

Each instruction is counted as identical, differing, or not covered (we
print ".inst ... ; undefined" where objdump decodes it). Prints the figures
per input, every difference and the mnemonics not covered most often; fails
on any difference. Exit 77 (skipped) when the aarch64 assembler is missing;
the static program is left out (and said so) when the cross gcc is missing.
"""
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

PFX = "aarch64-linux-gnu-"
LINE = re.compile(r"^\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(.*)$")
DATA = re.compile(r"^\.(byte|short|hword|word|xword|dword)\b")


def objdump_insns(elf):
    out = subprocess.run([PFX + "objdump", "-d", elf], check=True,
                         capture_output=True, text=True).stdout
    insns = []
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        text = re.sub(r"\s*<[^>]*>", "", m.group(3))
        text = re.sub(r"\s*//.*$", "", text)
        if DATA.match(text):
            continue
        insns.append((int(m.group(1), 16), int(m.group(2), 16), text))
    return insns


def norm(text):
    return " ".join(text.split())


def compare(driver, name, insns):
    feed = "".join("%x %08x\n" % (pc, w) for pc, w, _ in insns)
    out = subprocess.run([driver], input=feed, check=True,
                         capture_output=True, text=True).stdout.splitlines()
    if len(out) != len(insns):
        print("%s: driver printed %d lines for %d words" % (name, len(out), len(insns)))
        return 1
    same = 0
    diffs = []
    missing = collections.Counter()
    for (pc, w, theirs), mine in zip(insns, out):
        t, m = norm(theirs), norm(mine)
        if t == m:
            same += 1
        elif m.startswith(".inst ") and not t.startswith(".inst "):
            missing[t.split()[0]] += 1
        else:
            diffs.append((pc, w, t, m))
    print("%s: %d of %d identical, %d differ, %d not covered"
          % (name, same, len(insns), len(diffs), sum(missing.values())))
    for pc, w, t, m in diffs:
        print("  DIFF %8x %08x objdump: %-40s ours: %s" % (pc, w, t, m))
    if missing:
        top = ", ".join("%s %d" % kv for kv in missing.most_common(40))
        print("  not covered (by objdump mnemonic): " + top)
    return 1 if diffs else 0


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    driver, corpus, prog = sys.argv[1:]
    if not shutil.which(PFX + "as") or not shutil.which(PFX + "objdump"):
        print("aarch64-linux-gnu-as/objdump not found: skipped")
        return 77
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, "corpus.o")
        subprocess.run([PFX + "as", corpus, "-o", obj], check=True)
        failed |= compare(driver, "corpus", objdump_insns(obj))
        if shutil.which(PFX + "gcc"):
            exe = os.path.join(tmp, "prog")
            subprocess.run([PFX + "gcc", "-static", "-O2", prog, "-o", exe, "-lm"],
                           check=True)
            failed |= compare(driver, "static program (glibc)", objdump_insns(exe))
        else:
            print("aarch64-linux-gnu-gcc not found: static program left out")
    print("%d passed, %d failed" % (0 if failed else 1, 1 if failed else 0))
    return failed


if __name__ == "__main__":
    sys.exit(main())
