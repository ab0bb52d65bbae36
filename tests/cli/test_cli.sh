#!/usr/bin/env bash
# Checks the emu command's options, exit statuses and signature format.
# usage: test_cli.sh EMU SIG.elf SPIN.elf IDLE.elf FB.elf
set -u
emu=$1 sig=$2 spin=$3 idle=$4 fb=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# expect NAME STATUS COMMAND...: the command must exit with STATUS
expect() {
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" = "$want" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $name: exit status $got, expected $want"
    sed 's/^/  stderr: /' "$tmp/err" | head -5
  fi
}
# grep_err NAME PATTERN: the last command's stderr must match
grep_err() {
  if grep -q -- "$2" "$tmp/err"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL: $1: stderr lacks '$2'"; sed 's/^/  /' "$tmp/err" | head -5; fi
}

expect help 0 "$emu" --help
grep -q "usage: emu" "$tmp/out" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: help text"; }
expect version 0 "$emu" --version
expect no-program 2 "$emu"
grep_err no-program "no program given"
expect unknown-option 2 "$emu" --frobnicate "$sig"
grep_err unknown-option "unknown option '--frobnicate'"
expect bad-isa 2 "$emu" --isa=rv64imac_zfoo "$sig"
grep_err bad-isa "unknown or unsupported extension 'zfoo'"
expect isa-xlen-mismatch 1 "$emu" --isa=rv32imac "$sig"
grep_err isa-xlen-mismatch "64-bit"
expect bad-memory 2 "$emu" -mfoo "$sig"
expect bad-harts 2 "$emu" -p0 "$sig"
expect bad-granularity 2 "$emu" --signature-granularity=3 "$sig"
expect two-programs 2 "$emu" "$sig" "$sig"
expect missing-file 1 "$emu" "$tmp/nonexistent.elf"
grep_err missing-file "No such file"
printf 'not an elf file' >"$tmp/junk"
expect not-elf 1 "$emu" "$tmp/junk"
grep_err not-elf "not an ELF file"
expect directory 1 "$emu" "$tmp"
grep_err directory "not a regular file"

# signature: three words, one per line, most significant digit first
expect signature 0 "$emu" +signature="$tmp/sig.txt" --signature-granularity=4 "$sig"
printf '01234567\n89abcdef\ndeadbeef\n' >"$tmp/want"
if cmp -s "$tmp/want" "$tmp/sig.txt"; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL: signature content:"; cat "$tmp/sig.txt"; fi
expect signature-g8 0 "$emu" --signature="$tmp/sig8.txt" --signature-granularity=8 "$sig"
printf '89abcdef01234567\n00000000deadbeef\n' >"$tmp/want8"
if cmp -s "$tmp/want8" "$tmp/sig8.txt"; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL: signature granularity 8:"; cat "$tmp/sig8.txt"; fi

# limits and stuck guests
expect max-insns 124 "$emu" --max-insns=1000 "$spin"
grep_err max-insns "instruction limit reached"
expect idle 125 "$emu" "$idle"
grep_err idle "waits in wfi"

# --trace prints one line per retired instruction; --stats prints MIPS
expect trace 124 "$emu" --trace --max-insns=5 "$spin"
lines=$(grep -c '^core   0: 0x0000000080000000\|^core   0: 0x00000000800000' "$tmp/err")
[ "$lines" -ge 3 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: trace lines"; cat "$tmp/err"; }
grep -q 'csrr	t0,mhartid' "$tmp/err" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: trace disassembly"; head -3 "$tmp/err"; }
expect stats 0 "$emu" --stats "$sig"
grep_err stats "MIPS"
grep_err stats "exits: halt 1;"
grep_err stats "decoded cache: "

# the virt board: QEMU's spellings, clear refusals, the device tree
expect virt-positional 2 "$emu" -M virt "$sig"
grep_err virt-positional "use -kernel"
expect bad-machine 2 "$emu" -M pc "$sig"
grep_err bad-machine "unknown machine 'pc'"
expect kernel-needs-virt 2 "$emu" -kernel "$spin"
grep_err kernel-needs-virt "need the virt board"
expect bios-none-no-kernel 2 "$emu" -M virt -bios none
grep_err bios-none-no-kernel "needs a -kernel"
expect bad-smp 2 "$emu" -M virt -smp cpus=0 -bios none -kernel "$spin"
expect missing-kernel 1 "$emu" -M virt -bios none -kernel "$tmp/nonexistent"
grep_err missing-kernel "$tmp/nonexistent"
expect virt-spin 124 "$emu" -machine virt -smp cpus=2,sockets=1 -m 64M -nographic \
  -bios none -kernel "$spin" --max-insns=100000
expect virt-spin-long 124 "$emu" --machine=virt --smp=3 --memory=64M --bios=none \
  --kernel="$spin" --append="a b c" --max-insns=100000
expect dump-dtb 0 "$emu" -M virt -smp 2 -bios none -kernel "$spin" \
  -append "console=ttyS0" --dump-dtb "$tmp/virt.dtb"
if command -v dtc >/dev/null; then
  # dtc must decompile it without a single warning
  if dtc -I dtb -O dts "$tmp/virt.dtb" -o "$tmp/virt.dts" 2>"$tmp/dtc.err" &&
     [ ! -s "$tmp/dtc.err" ] && grep -q 'bootargs = "console=ttyS0"' "$tmp/virt.dts" &&
     grep -q 'cpu@1' "$tmp/virt.dts"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: dtc on the dumped device tree:"; cat "$tmp/dtc.err"
  fi
else
  fail=$((fail + 1)); echo "FAIL: dtc not found (scripts/setup installs device-tree-compiler)"
fi

# devices, display and screenshots
expect help-devices 0 "$emu" --help
for opt in --drive --net --device --display --screenshot --realtime; do
  grep -q -- "$opt" "$tmp/out" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: --help lacks $opt"; }
done
virt=(-M virt -bios none -kernel "$spin" --max-insns=100000)
expect device-unknown 2 "$emu" "${virt[@]}" --device frob
grep_err device-unknown "unknown device 'frob'"
expect device-bad-option 2 "$emu" "${virt[@]}" --device keyboard,speed=3
grep_err device-bad-option "keyboard: unknown option 'speed'"
expect display-too-small 2 "$emu" "${virt[@]}" --device display,width=10
grep_err display-too-small "width=10: expected a number from 320 to 4096"
expect drive-no-file 2 "$emu" "${virt[@]}" --drive format=raw
grep_err drive-no-file "name the disk image with file=PATH"
expect net-not-user 2 "$emu" "${virt[@]}" --net tap,ifname=tap0
grep_err net-not-user "only user-mode networking"
expect display-sdl 2 "$emu" "${virt[@]}" --display sdl
grep_err display-sdl "use emu-sdl"
expect display-unknown 2 "$emu" "${virt[@]}" --display vnc
grep_err display-unknown "unknown display 'vnc' (none or sdl)"
expect realtime-bad 2 "$emu" "${virt[@]}" --realtime=maybe
grep_err realtime-bad "bad --realtime 'maybe' (on or off)"
expect screenshot-empty 2 "$emu" "${virt[@]}" --screenshot=
expect devices-need-virt 2 "$emu" --device rng "$sig"
grep_err devices-need-virt "need the virt board"
expect realtime-on 124 "$emu" "${virt[@]}" --realtime on --display none
expect display-dtb 0 "$emu" -M virt -m 64M -bios none -kernel "$spin" \
  --device display,width=640,height=480 --dump-dtb "$tmp/fb.dtb"
if dtc -I dtb -O dts "$tmp/fb.dtb" -o "$tmp/fb.dts" 2>"$tmp/dtc.err" && [ ! -s "$tmp/dtc.err" ] &&
   grep -q 'framebuffer@84000000' "$tmp/fb.dts" && grep -q 'compatible = "simple-framebuffer"' "$tmp/fb.dts" &&
   grep -q 'width = <0x280>' "$tmp/fb.dts" && grep -q 'stride = <0xa00>' "$tmp/fb.dts"; then
  pass=$((pass + 1))
else
  fail=$((fail + 1)); echo "FAIL: framebuffer node:"; cat "$tmp/dtc.err"; grep -A8 framebuffer "$tmp/fb.dts"
fi
# the guest draws, waits for a 'q' on the UART and powers off; the
# screenshot is written at exit (the fb test program's quadrants)
expect screenshot-ppm 0 sh -c 'printf q | "$0" -M virt -m 64M -bios none -kernel "$1" --screenshot "$2"' \
  "$emu" "$fb" "$tmp/shot.ppm"
if [ "$(head -c 15 "$tmp/shot.ppm")" = "$(printf 'P6\n1024 768\n255')" ] &&
   [ "$(od -An -tx1 -j15 -N4 "$tmp/shot.ppm" | tr -d ' ')" = "0aff0000" ]; then
  pass=$((pass + 1))
else
  fail=$((fail + 1)); echo "FAIL: screenshot header or first pixel"; head -c 20 "$tmp/shot.ppm" | od -c | head -3
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
