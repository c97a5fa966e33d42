# Shared by the shell tests (sourced, not a test itself): the binary under
# test in $bin, a scratch directory $tmp removed on exit, and the pass/fail
# count kept by check and reported by finish.
bin=${MARSAD_BIN:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# check DESCRIPTION COMMAND...: runs COMMAND and counts a pass when it
# succeeds, else a failure named by DESCRIPTION.
check() {
  what=$1; shift
  if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $what"; fi
}

# finish: prints the counts; the script's status is 0 only when none failed.
finish() {
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}
