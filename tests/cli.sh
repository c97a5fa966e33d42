#!/bin/sh
# Golden tests of the command line: usage errors and their exit statuses,
# ingest reports and summary, list/show/stats output on a small fixture.
# Output is compared with tests/golden/*.out (regenerate: GOLDEN_UPDATE=1).
set -u
bin=${MARSAD_BIN:?}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/t.db
pass=0 fail=0

# expect STATUS CMD...: the command exits with STATUS
expect() {
  want=$1; shift
  "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
  if [ "$got" -eq "$want" ]; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: $* exited $got, expected $want"; cat "$tmp/err"; fi
}

# golden NAME CMD...: stdout+stderr of CMD equal tests/golden/NAME.out
golden() {
  name=$1; shift
  "$@" >"$tmp/got" 2>&1
  sed -e "s#$tmp#TMP#g" -e "s#$here/##g" -e 's/ in [0-9.]* s ([0-9.]* s CPU), [0-9]* articles\/s/ in T s/' -e 's/^ingested: .*/ingested:  T/' \
      "$tmp/got" >"$tmp/got.clean"
  if [ "${GOLDEN_UPDATE:-}" ]; then cp "$tmp/got.clean" "$here/golden/$name.out"; fi
  if diff -u "$here/golden/$name.out" "$tmp/got.clean"; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: golden $name"; fi
}

expect 2 "$bin"
expect 2 "$bin" frobnicate
expect 2 "$bin" --bogus list
expect 0 "$bin" --version
expect 0 "$bin" --help
for c in ingest list show stats; do expect 0 "$bin" "$c" --help; done
expect 2 "$bin" --db "$db" ingest
expect 2 "$bin" --db "$db" ingest --format nonsense x
expect 2 "$bin" --db "$db" ingest --batch 0 x
expect 2 "$bin" --db "$db" ingest --batch -5 x
expect 2 "$bin" --db "$db" list --limit abc
expect 2 "$bin" --db "$db" show
expect 3 "$bin" --db "$tmp/none.db" list
expect 2 "$bin" --db
expect 3 "$bin" --db "$tmp" list
expect 2 "$bin" --db "$tmp/none.db" list --since 2020-13-45
expect 2 "$bin" --db "$tmp/none.db" list --until=2023-02-29
expect 2 "$bin" --db "$tmp/none.db" list --since yesterday

cd "$here"
golden ingest "$bin" --db "$db" ingest data/cli
expect 0 "$bin" --db "$db" ingest data/cli/a.txt
# feed items with XML slips are stored with a warning: exit 0, nothing skipped
golden ingest_slips "$bin" --db "$tmp/slips.db" ingest data/slips.rss
expect 0 "$bin" --db "$tmp/slips2.db" ingest data/slips.rss
golden list "$bin" --db "$db" list
golden stats "$bin" --db "$db" stats
id=$("$bin" --db "$db" --json list | python3 -c 'import json,sys; print([a["id"] for a in json.load(sys.stdin) if a["input"]=="data/cli/a.txt"][0])')
golden show "$bin" --db "$db" show --raw "$id"
expect 1 "$bin" --db "$db" show 0000
expect 2 "$bin" --db "$db" figures --counts bogus
expect 2 "$bin" --db "$db" statements --stance bogus
expect 1 "$bin" --db "$db" figures --counts wounded_or_missing
# ner: an argument meant as a file that is not there is an error, not a text to read
expect 3 "$bin" ner "$tmp/none/a.txt"
grep -q 'cannot read .*No such file' "$tmp/err" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: ner missing file: no message"; }
# no entity found, or no such story: exit 1 with a message naming it
expect 1 "$bin" --db "$db" entities --name zzzz
grep -q 'no entity matches' "$tmp/err" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: entities: no message"; }
expect 1 "$bin" --db "$db" entities --story s999999
grep -q 'no story s999999' "$tmp/err" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: entities --story: no message"; }
expect 1 "$bin" --db "$db" search القدس --story s999999
grep -q 'no story s999999' "$tmp/err" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: search --story: no message"; }
# a WAL database in a directory this user may not write (a read-only share):
# a message saying why and what to do, not "not a marsad database"; as root
# it runs as nobody (setpriv), and is left out when that cannot be done
ro=$tmp/ro; mkdir "$ro"; cp "$db" "$ro/r.db"; chmod 755 "$tmp"; chmod 555 "$ro"; chmod 444 "$ro/r.db"
as=""; [ "$(id -u)" -eq 0 ] && as="setpriv --reuid=65534 --regid=65534 --clear-groups"
case "$bin" in /*) abs=$bin ;; *) abs=$PWD/$bin ;; esac
if [ -z "$as" ] || $as true 2>/dev/null; then
  $as "$abs" --db "$ro/r.db" list >"$tmp/ro.out" 2>&1
  if grep -q 'cannot read it.*WAL mode.*journal_mode=DELETE' "$tmp/ro.out"; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: read-only WAL database: $(cat "$tmp/ro.out")"; fi
fi
chmod 755 "$ro"
"$bin" --db "$db" list --json | python3 -c 'import json,sys; a=json.load(sys.stdin); assert len(a)==4, a' \
  && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: list --json"; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
