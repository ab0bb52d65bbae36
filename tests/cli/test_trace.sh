#!/usr/bin/env bash
# Checks emu's --trace and --log-commits output line by line, and the
# --trace-range and --trace-window limits (docs/tracing.md).
# usage: test_trace.sh EMU COMMIT32.elf COMMIT64.elf SPIN.elf
# (tests/cli/commit.S; spin.S loops forever)
set -u
emu=$1 rv32=$2 rv64=$3 spin=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# run NAME STATUS COMMAND...: the command must exit with STATUS; its stderr
# is kept in $tmp/err
run() {
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" = "$want" ]; then ok; else
    bad "$name: exit status $got, expected $want"; head -5 "$tmp/err"; fi
}
# has NAME FILE LINE: FILE must contain LINE exactly, as a whole line
has() {
  if grep -qxF -- "$3" "$2"; then ok; else
    bad "$1: no line '$3'"; grep -F -- "${3:0:31}" "$2" | head -3 | sed 's/^/  got: /'; fi
}
# same NAME FILE1 FILE2: identical files
same() {
  if cmp -s "$2" "$3"; then ok; else bad "$1: differs"; diff "$2" "$3" | head -10; fi
}

# --log-commits on RV64: Spike's lines for known instructions
run commits64 0 "$emu" --log-commits "$rv64"
cp "$tmp/err" "$tmp/c64"
p='core   0: 3 0x00000000'
has li "$tmp/c64" "$p""80000000 (0x00500293) x5  0x0000000000000005"
has auipc "$tmp/c64" "$p""80000004 (0x00002317) x6  0x0000000080002004"
has addi "$tmp/c64" "$p""80000008 (0xffc30313) x6  0x0000000080002000"
has sb "$tmp/c64" "$p""8000000c (0x00530023) mem 0x0000000080002000 0x05"
has sh "$tmp/c64" "$p""80000010 (0x00531123) mem 0x0000000080002002 0x0005"
has sw "$tmp/c64" "$p""80000014 (0x00532223) mem 0x0000000080002004 0x00000005"
has lw "$tmp/c64" "$p""80000018 (0x00432383) x7  0x0000000000000005 mem 0x0000000080002004"
has csrw "$tmp/c64" "$p""8000001c (0x34029073) c832_mscratch 0x0000000000000005"
has x0 "$tmp/c64" "$p""80000020 (0x00128013)"
has fence "$tmp/c64" "$p""80000024 (0x0ff0000f)"
has c.addi "$tmp/c64" "$p""80000028 (0x028d) x5  0x0000000000000008"
has c.mv "$tmp/c64" "$p""8000002a (0x8516) x10 0x0000000000000008"
has sd "$tmp/c64" "$p""8000002c (0x00533423) mem 0x0000000080002008 0x0000000000000008"
# the first 13 lines are exactly these, in order
head -13 "$tmp/c64" | awk '{print $5}' >"$tmp/order"
printf '(0x%s)\n' 00500293 00002317 ffc30313 00530023 00531123 00532223 00432383 \
  34029073 00128013 0ff0000f 028d 8516 00533423 >"$tmp/want"
same order "$tmp/order" "$tmp/want"

# RV32: pc, values and addresses are 32 bits wide
run commits32 0 "$emu" --log-commits "$rv32"
cp "$tmp/err" "$tmp/c32"
p='core   0: 3 0x'
has li32 "$tmp/c32" "$p""80000000 (0x00500293) x5  0x00000005"
has sb32 "$tmp/c32" "$p""8000000c (0x00530023) mem 0x80002000 0x05"
has lw32 "$tmp/c32" "$p""80000018 (0x00432383) x7  0x00000005 mem 0x80002004"
has csrw32 "$tmp/c32" "$p""8000001c (0x34029073) c832_mscratch 0x00000005"
has c.mv32 "$tmp/c32" "$p""8000002a (0x8516) x10 0x00000008"

# --log-commits=FILE: the same lines in the file, nothing on stderr
run commits-file 0 "$emu" --log-commits="$tmp/file.log" "$rv64"
same commits-file "$tmp/file.log" "$tmp/c64"
[ ! -s "$tmp/err" ] && ok || bad "commits-file: stderr not empty"
run commits-file-bad 1 "$emu" --log-commits="$tmp/no/such/dir" "$rv64"
grep -q "no/such/dir" "$tmp/err" && ok || bad "commits-file-bad: no message"

# --trace: hart, pc, encoding, objdump's spelling
run trace64 0 "$emu" --trace "$rv64"
cp "$tmp/err" "$tmp/t64"
has trace-li "$tmp/t64" "core   0: 0x0000000080000000 (0x00500293) li	t0,5"
has trace-csrw "$tmp/t64" "core   0: 0x000000008000001c (0x34029073) csrw	mscratch,t0"
has trace-c.mv "$tmp/t64" "core   0: 0x000000008000002a (0x8516) mv	a0,t0"
run trace32 0 "$emu" --trace "$rv32"
has trace32-sw "$tmp/err" "core   0: 0x80000014 (0x00532223) sw	t0,4(t1)"
# one line per retired instruction, as many as the commit log has
[ "$(wc -l <"$tmp/t64")" = "$(wc -l <"$tmp/c64")" ] && ok ||
  bad "trace and commit log line counts differ"

# --trace-window=START:COUNT: lines START+1 .. START+COUNT of the full log
run window 0 "$emu" --log-commits --trace-window=3:4 "$rv64"
sed -n 4,7p "$tmp/c64" >"$tmp/want"
same window "$tmp/err" "$tmp/want"
run window-trace 0 "$emu" --trace --trace-window 10:2 "$rv64"
sed -n 11,12p "$tmp/t64" >"$tmp/want"
same window-trace "$tmp/err" "$tmp/want"
run window-open 0 "$emu" --log-commits --trace-window=12: "$rv64"
tail -n +13 "$tmp/c64" >"$tmp/want"
same window-open "$tmp/err" "$tmp/want"

# --trace-range=LO-HI: LO <= pc < HI
run range 0 "$emu" --log-commits --trace-range=0x80000004-0x8000000c "$rv64"
grep -E ' 0x000000008000000[48] ' "$tmp/c64" >"$tmp/want"
same range "$tmp/err" "$tmp/want"
[ "$(wc -l <"$tmp/err")" = 2 ] && ok || bad "range: expected 2 lines"
run range-trace 0 "$emu" --trace --trace-range=0x80000028-0x8000002c "$rv64"
grep -E ': 0x000000008000002[8a] ' "$tmp/t64" >"$tmp/want"
same range-trace "$tmp/err" "$tmp/want"
# both limits at once, and both outputs at once (in instruction order)
run range-window 0 "$emu" --trace --log-commits --trace-range=0x80000000-0x80000010 \
  --trace-window=1:2 "$rv64"
[ "$(wc -l <"$tmp/err")" = 4 ] && ok || bad "range-window: expected 4 lines"
[ "$(head -1 "$tmp/err")" = "core   0: 0x0000000080000004 (0x00002317) auipc	t1,0x2" ] && ok ||
  bad "range-window: the --trace line must come first"
has range-window "$tmp/err" "core   0: 3 0x0000000080000008 (0xffc30313) x6  0x0000000080002000"

# the lines are buffered; a run ended by SIGTERM still writes them
# (timeout(1) itself exits with 124)
if command -v timeout >/dev/null; then
  run sigterm 124 timeout -s TERM 1 "$emu" --log-commits --trace-window=0:3 "$spin"
  has sigterm "$tmp/err" "core   0: 3 0x0000000080000000 (0xf14022f3) x5  0x0000000000000000"
  [ "$(grep -c '^core' "$tmp/err")" = 3 ] && ok || bad "sigterm: expected 3 lines"
fi

# bad values
run bad-range 2 "$emu" --trace --trace-range=0x10-0x10 "$rv64"
grep -q "bad --trace-range" "$tmp/err" && ok || bad "bad-range message"
run bad-window 2 "$emu" --trace --trace-window=5 "$rv64"
grep -q "bad --trace-window" "$tmp/err" && ok || bad "bad-window message"
run limits-alone 2 "$emu" --trace-window=0:5 "$rv64"
grep -q "need --trace or --log-commits" "$tmp/err" && ok || bad "limits-alone message"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
