#!/bin/sh
# The reference articles of ../shared/seeds through ../shared/tools/check-seeds
# (skipped when absent). The facts' own checks (figures, numbers that are not
# figures, statements) must all pass; the whole score is printed, and the
# test fails on any check once the entities module is in (export has entity
# records), so that a full pass stays a regression test.
set -u
bin=${MARSAD_BIN:?}
shared=${MARSAD_SHARED:-../../shared}
[ -x "$shared/tools/check-seeds" ] || { echo "no ../shared/tools/check-seeds: skipped"; exit 77; }
out=$("$shared/tools/check-seeds" "$bin")
status=$?
echo "$out"
last=$(echo "$out" | tail -1)
fail=0
for group in figures false statements; do
  pair=$(echo "$last" | sed -n "s/.*$group \([0-9]*\/[0-9]*\).*/\1/p")
  got=${pair%/*}; want=${pair#*/}
  if [ -z "$pair" ] || [ "$got" != "$want" ]; then
    echo "FAIL: $group $pair"
    fail=1
  fi
done
entities=$(echo "$last" | sed -n 's/.*entities \([0-9]*\)\/.*/\1/p')
if [ "${entities:-0}" -gt 0 ] && [ $status -ne 0 ]; then
  echo "FAIL: check-seeds does not pass in full"
  fail=1
fi
exit $fail
