#!/bin/sh
# Differential check of the A64 integer executors against qemu-aarch64 (a
# behaviour reference only). Not part of the unit tests: it needs Debian's
# aarch64 cross gcc and qemu-user. Usage: tests/a64_diff/run.sh [seed] [n]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../..
out=${TMPDIR:-/tmp}/a64_diff.$$
mkdir -p "$out" && cd "$out"
aarch64-linux-gnu-gcc -O1 -static -o guest "$here/guest.c"
gcc -O1 -I"$root/src" -I"$root/include" -o host "$here/host.c" "$root"/src/cpu/arm64/a64_*.c
python3 "$here/gen.py" "${1:-1}" "${2:-100000}" > cases.txt
qemu-aarch64 -cpu cortex-a53 ./guest < cases.txt > q.txt
./host < cases.txt > e.txt
python3 "$here/cmp.py" 20
python3 "$here/gensys.py" "${1:-1}" 20000 > sys.txt
qemu-aarch64 -cpu cortex-a53 ./guest < sys.txt > q.txt
./host < sys.txt > e.txt
echo "system space (expected: CTR_EL0 is our model's; AArch32 ID registers in CRm 2-3 read 0 as Linux serves them, QEMU's user mode refuses):"
python3 "$here/cmp.py" 20
rm -rf "$out"
