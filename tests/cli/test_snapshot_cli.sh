#!/usr/bin/env bash
# emu --save-snapshot / --load-snapshot: a run stopped half way by
# --max-insns, saved, and resumed from the file prints what an
# uninterrupted run prints, and ends the same way.
# usage: test_snapshot_cli.sh EMU COUNT.elf COUNT-VIRT.elf
set -u
emu=$1 count=$2 count_virt=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

check() { # NAME CONDITION-STATUS [DETAIL]
  if [ "$2" = 0 ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL: $1${3:+: $3}"; fi
}

# split NAME BUDGET EMU-ARGS...: whole run vs. run to BUDGET + resume
split() {
  local name=$1 budget=$2; shift 2
  "$emu" "$@" >"$tmp/whole" 2>"$tmp/whole.err"
  check "$name: uninterrupted run" $? "$(head -3 "$tmp/whole.err")"
  "$emu" --max-insns="$budget" --save-snapshot="$tmp/$name.snap" "$@" \
    >"$tmp/first" 2>"$tmp/first.err"
  check "$name: stopped by the budget" $(( $? != 124 )) "$(head -3 "$tmp/first.err")"
  [ -s "$tmp/$name.snap" ]; check "$name: snapshot written" $?
  "$emu" --load-snapshot "$tmp/$name.snap" "$@" >"$tmp/second" 2>"$tmp/second.err"
  check "$name: resumed run ends like the whole one" $? "$(head -3 "$tmp/second.err")"
  cat "$tmp/first" "$tmp/second" | cmp -s - "$tmp/whole"
  check "$name: the same output" $? "$(cat "$tmp/first" "$tmp/second" | tr '\n' ' ')"
  [ -s "$tmp/first" ] && [ -s "$tmp/second" ]
  check "$name: output on both sides of the split" $?
}

split test 100000 "$count"
split test-2harts 123457 -p2 "$count"
split virt 150001 -M virt -bios none -kernel "$count_virt"

# a snapshot of another machine, and a damaged one, are refused
"$emu" --load-snapshot "$tmp/test.snap" -p2 "$count" >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -q "harts" "$tmp/err"; check "other machine refused" $? "$(cat "$tmp/err")"
head -c 1000 "$tmp/test.snap" >"$tmp/cut.snap"
"$emu" --load-snapshot "$tmp/cut.snap" "$count" >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -q "damaged or truncated" "$tmp/err"; check "truncated file refused" $? "$(cat "$tmp/err")"
"$emu" --load-snapshot "$tmp/none.snap" "$count" >/dev/null 2>"$tmp/err"
[ $? = 1 ]; check "missing file" $?
"$emu" --save-snapshot= "$count" >/dev/null 2>&1
[ $? = 2 ]; check "empty file name" $?

echo "snapshot cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
