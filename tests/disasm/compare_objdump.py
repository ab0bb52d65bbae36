#!/usr/bin/env python3
"""Checks that emu_disasm() spells instructions as GNU objdump -d does.

usage: compare_objdump.py DISASM_TOOL OBJDUMP ELF...

Disassembles every ELF with objdump's default settings (aliases on), takes
each instruction's address, encoding and text, disassembles the same
encodings with libemu (DISASM_TOOL, fed on stdin) and compares the texts
after normalising whitespace. objdump's decorations are dropped first: the
"<symbol>" after branch targets and "# comment" annotations. Words the
assembler marked as data (.word, .short, ... inside code) are not
instructions to objdump and are left out.

Two differences are allowed and counted apart: CSRs that privileged spec
1.12 names (menvcfg, mstatush, ...) print as numbers in objdump when the
ELF's attributes say spec 1.11, which gas 2.40 records by default (libemu
implements 1.12 and names them); and Zicond, which binutils 2.40 predates
(".4byte" there; libemu prints the czero.eqz/czero.nez of later binutils).
Prints the agreement figure and every other
difference, and fails on any. Exit 77 (skipped) when objdump is missing.
"""
import collections
import re
import shutil
import subprocess
import sys

LINE = re.compile(r"^\s*([0-9a-f]+):\s+([0-9a-f]{4}|[0-9a-f]{8})\s+(.*)$")
DATA = re.compile(r"^\.(byte|short|word|dword)\s")


def objdump_insns(objdump, elf):
    out = subprocess.run([objdump, "-d", elf], check=True,
                         capture_output=True, text=True).stdout
    xlen = 32 if "elf32-" in out else 64
    insns = []
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        text = re.sub(r"\s*<[^>]*>", "", m.group(3))
        text = re.sub(r"\s*#.*$", "", text)
        if DATA.match(text):
            continue
        insns.append((int(m.group(1), 16), m.group(2), text))
    return xlen, insns


def norm(text):
    return " ".join(text.split())


NEWER = ("czero.eqz ", "czero.nez ")


def newer_than_objdump(theirs, mine):
    """objdump 2.40 cannot decode an extension libemu knows."""
    return theirs.startswith(".4byte ") and mine.startswith(NEWER)


def csr_number_only(theirs, mine):
    """objdump shows a CSR number where libemu shows the 1.12 name."""
    t, m = theirs.replace(",", " ").split(), mine.replace(",", " ").split()
    if len(t) != len(m) or not t or not t[0].startswith("csr"):
        return False
    odd = [(a, b) for a, b in zip(t, m) if a != b]
    return (len(odd) == 1 and re.fullmatch(r"0x[0-9a-f]+", odd[0][0])
            and re.fullmatch(r"[a-z][a-z0-9]*", odd[0][1]) is not None)


def main():
    tool, objdump, elfs = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not shutil.which(objdump):
        print(f"{objdump} not found: skipped")
        return 77
    total = same = named = newer = 0
    diffs = collections.Counter()
    for elf in elfs:
        xlen, insns = objdump_insns(objdump, elf)
        if not insns:
            continue
        feed = "".join(f"{pc:x} {enc}\n" for pc, enc, _ in insns)
        ours = subprocess.run([tool, str(xlen)], input=feed, check=True,
                              capture_output=True, text=True).stdout
        ours = ours.splitlines()
        if len(ours) != len(insns):
            print(f"{elf}: {len(ours)} lines from the tool, "
                  f"{len(insns)} instructions")
            return 1
        for (pc, enc, theirs), mine in zip(insns, ours):
            total += 1
            if norm(theirs) == norm(mine):
                same += 1
            elif csr_number_only(norm(theirs), norm(mine)):
                named += 1
            elif newer_than_objdump(norm(theirs), norm(mine)):
                newer += 1
            else:
                diffs[(xlen, enc, norm(theirs), norm(mine))] += 1
    print(f"{same} of {total} instructions identical to objdump's; "
          f"{named} more differ only by a CSR objdump shows by number "
          f"(privileged spec 1.11 attributes), {newer} are Zicond, which "
          f"objdump 2.40 cannot decode")
    for (xlen, enc, theirs, mine), n in sorted(diffs.items()):
        print(f"  rv{xlen} {enc}: objdump '{theirs}', libemu '{mine}' ({n}x)")
    return 0 if same + named + newer == total else 1


if __name__ == "__main__":
    sys.exit(main())
