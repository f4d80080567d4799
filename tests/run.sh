#!/bin/sh
# Run every unit test binary given as argument, then the CLI tests, and
# print one closing line: "N passed, N failed, N skipped".
set -u
pass=0; fail=0; skip=0
add() { pass=$((pass + $2)); fail=$((fail + $3)); skip=$((skip + $4)); }
for t in "$@"; do
  echo "== $t"
  out=$("$t" 2>&1); rc=$?
  echo "$out" | grep -v '^RESULT '
  res=$(echo "$out" | grep '^RESULT ' | tail -1)
  if [ -z "$res" ]; then
    echo "FAIL $t crashed or exited early (status $rc)"
    fail=$((fail + 1))
    continue
  fi
  add $res
done
echo "== fuzz corpora replayed"
for r in ${REPLAYS:-}; do
  name=${r##*replay_}
  if out=$("$r" "tests/fuzz/corpus/$name" 2>&1); then pass=$((pass + 1)); echo "ok   $name: $out";
  else fail=$((fail + 1)); echo "FAIL $name corpus: $out"; fi
done
for script in tests/cli.sh tests/hostile.sh tests/store.sh tests/petr.sh tests/plover.sh tests/serve.sh; do
  echo "== $script"
  out=$(sh "$script" "$DYAD" 2>&1); rc=$?
  echo "$out" | grep -v '^RESULT '
  res=$(echo "$out" | grep '^RESULT ' | tail -1)
  if [ -z "$res" ]; then echo "FAIL $script stopped early (status $rc)"; fail=$((fail + 1)); else
    add $res; fi
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
