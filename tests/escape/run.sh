#!/bin/sh
# Run the guest-escape program (escape.S) on the virt board with a scratch
# disk; the guest's status is the number of the first probe that failed.
# usage: run.sh EMU ESCAPE_ELF
set -eu
emu=$1
elf=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
truncate -s 1M "$dir/disk.img"
status=0
"$emu" -M virt --bios none --kernel "$elf" -m 64 --max-insns 10000000 \
    --drive file="$dir/disk.img" 2>"$dir/err" || status=$?
if [ "$status" -ne 0 ]; then
    cat "$dir/err" >&2
    echo "guest-escape: probe $status did not fault as it should (status $status)" >&2
    exit 1
fi
# each hostile virtio request was refused with a message
n=$(grep -c "needs a reset" "$dir/err" || true)
if [ "$n" -ne 5 ]; then
    cat "$dir/err" >&2
    echo "guest-escape: expected 5 refused virtio requests, saw $n" >&2
    exit 1
fi
