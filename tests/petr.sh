#!/bin/sh
# PETRARCH-2 dictionaries: the field's files load, dict check lists their
# defects with file:line, and the 284 PETRARCH unit-test records are coded
# from raw text with their own dictionaries. The exact-match rate is printed
# and must not fall below the floor; every record that is not exactly right
# is listed, with what was expected and what came out, in
# build/petr_unittest_failures.txt. Prints "RESULT passed failed skipped".
DYAD=${1:-build/dyad}
SHARED=${SHARED:-../shared}
FLOOR=80.0   # percent; raise it as the coder improves (goal: 80, then 95)
pass=0; fail=0; skip=0
ok()  { pass=$((pass+1)); echo "ok   $1"; }
bad() { fail=$((fail+1)); echo "FAIL $1"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
P2=$SHARED/dictionaries/petrarch2
UT=$SHARED/gold/petr_unittest_dictionaries
if [ ! -d "$P2" ] || [ ! -d "$UT" ]; then
  echo "skip PETRARCH tests: $P2 or $UT is absent (set SHARED=DIR)"; echo "RESULT 0 0 1"; exit 0
fi

"$DYAD" dict check --petrarch "$P2" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "CAMEO.2.0.txt:[0-9]*: bad event code \[[0-9]*!\]" "$tmp/err" \
   && grep -q "Phoenix.*actors.txt:[0-9]*: bad date restriction" "$tmp/err"; then
  ok "dict check --petrarch lists defects of the Phoenix files with file:line ($(grep -c . "$tmp/err") lines)"
else bad "dict check --petrarch lists defects"; tail -3 "$tmp/err"; fi

printf 'Gondor attacked Arnor.' | "$DYAD" code --petrarch "$UT" --date 1995-01-01 --format tsv - > "$tmp/out" 2>/dev/null
grep -q "GON	ARN	[0-9]" "$tmp/out" && ok "codes raw text with a PETRARCH set alone" || { bad "codes raw text with a PETRARCH set alone"; cat "$tmp/out"; }
printf 'Gondor attacked Arnor. Taro Kono visited China.' | "$DYAD" code --petrarch "$UT" --date 2018-01-28 --format tsv - > "$tmp/out" 2>/dev/null
printf 'Gondor attacked Arnor. Taro Kono visited China.' | "$DYAD" code --dict data --petrarch "$UT" --date 2018-01-28 --format tsv - > "$tmp/out2" 2>/dev/null
if ! grep -q "JPNGOV" "$tmp/out" && grep -q "JPNGOV	CHN	042" "$tmp/out2" && grep -q "GON	ARN" "$tmp/out2"; then
  ok "--dict and --petrarch merge two sets"; else bad "--dict and --petrarch merge two sets"; cat "$tmp/out2"; fi

"$DYAD" eval --gold "$SHARED/gold/petr_unittest.jsonl" --petrarch "$UT" --by-record > "$tmp/eval" 2>/dev/null
mkdir -p build
grep -A3 "^MISS" "$tmp/eval" > build/petr_unittest_failures.txt
rate=$(sed -n 's/^exact records	[0-9]* (\([0-9.]*\)%)/\1/p' "$tmp/eval")
echo "     PETRARCH unit tests: $rate% of 284 records exactly right (failures in build/petr_unittest_failures.txt)"
if [ -n "$rate" ] && awk -v r="$rate" -v f="$FLOOR" 'BEGIN { exit !(r >= f) }'; then ok "unit-test exact rate $rate% >= floor $FLOOR%";
else bad "unit-test exact rate ${rate:-?}% >= floor $FLOOR%"; fi
echo "RESULT $pass $fail $skip"
