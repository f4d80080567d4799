#!/bin/sh
# Hostile input: every case gets a clear message where one is due, stays
# under 500 MB of memory, and the rest of the run goes on.
# Prints "RESULT passed failed skipped".
DYAD=${1:-build/dyad}
pass=0; fail=0; skip=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok()  { pass=$((pass+1)); echo "ok   $1"; }
bad() { fail=$((fail+1)); echo "FAIL $1"; }
# ASan and UBSan need several times the memory: make sanitize raises the bound
LIMIT_KB=${HOSTILE_LIMIT_KB:-512000}

# run NAME EXPECTED_STATUS ARGS...: status, peak memory, and a good article after the hostile one is still coded
good='{"id":"good","date":"2018-01-28","text":"Taro Kono visited China."}'
run() {
  name=$1; want=$2; shift 2
  /usr/bin/time -f "%M" -o "$tmp/mem" "$DYAD" "$@" > "$tmp/out" 2> "$tmp/err"; rc=$?
  kb=$(tail -1 "$tmp/mem")
  if [ "$rc" = "$want" ] && [ "$kb" -lt $LIMIT_KB ] && grep -q '"article":"good"' "$tmp/out"; then ok "$name (status $rc, peak $((kb / 1024)) MB)";
  else bad "$name (status $rc, peak $((kb / 1024)) MB)"; head -3 "$tmp/err"; fi
}
echo "$good" > "$tmp/good.jsonl"

printf 'Japan \377\376 met China.\n' > "$tmp/badutf8.txt"
run "invalid UTF-8 is repaired" 0 code --date 2018-01-28 "$tmp/badutf8.txt" "$tmp/good.jsonl"
grep -q "repaired" "$tmp/err" && ok "the repair is counted" || bad "the repair is counted"

printf 'Japan\000 met\000China.' > "$tmp/nul.txt"
run "NUL bytes" 0 code --date 2018-01-28 "$tmp/nul.txt" "$tmp/good.jsonl"

: > "$tmp/empty.txt"
run "an empty file" 0 code "$tmp/empty.txt" "$tmp/good.jsonl"

head -c 2000000 /dev/urandom > "$tmp/binary.txt"
run "a binary file" 0 code "$tmp/binary.txt" "$tmp/good.jsonl"

awk 'BEGIN { for (i = 0; i < 4000000; i++) printf "Japan met China and "; printf "\n" }' > "$tmp/longline.txt"
ls -l "$tmp/longline.txt" | awk '{printf "     (a single line of %d MB)\n", $5 / 1000000}'
run "an 80 MB single line" 0 code --date 2018-01-28 "$tmp/longline.txt" "$tmp/good.jsonl"
grep -q "8 MiB" "$tmp/err" && ok "the cut of an over-long article is reported" || bad "the cut of an over-long article is reported"

awk 'BEGIN { for (i = 0; i < 10000; i++) printf "Japan met China on day %d. ", i }' > "$tmp/many.txt"
run "a 10,000-sentence article" 0 code --date 2018-01-28 "$tmp/many.txt" "$tmp/good.jsonl"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' > "$tmp/nested.jsonl"
echo "$good" >> "$tmp/nested.jsonl"
run "deeply nested JSON is reported and skipped" 0 code "$tmp/nested.jsonl"
grep -q "nested.jsonl:1: bad JSON" "$tmp/err" && ok "nested JSON: file:line message" || { bad "nested JSON: file:line message"; head -2 "$tmp/err"; }

printf '{"id":"t","text":"Japan met' > "$tmp/trunc.jsonl"
run "truncated JSON is reported" 0 code "$tmp/trunc.jsonl" "$tmp/good.jsonl"
grep -q "trunc.jsonl:1: bad JSON" "$tmp/err" && ok "truncated JSON: file:line message" || bad "truncated JSON: file:line message"

awk 'BEGIN { printf "{\"id\":\"big\",\"text\":\""; for (i = 0; i < 6000000; i++) printf "Japan met China. "; print "\"}" }' > "$tmp/big.jsonl"
ls -l "$tmp/big.jsonl" | awk '{printf "     (one JSON line of %d MB)\n", $5 / 1000000}'
run "a JSON line of 100 MB" 0 code --date 2018-01-28 "$tmp/big.jsonl" "$tmp/good.jsonl"

printf '{"id":"d","date":"99999-99-99","text":"Taro Kono visited China."}\n{"id":"e","date":"1066-10-14","text":"Taro Kono visited China."}\n' > "$tmp/dates.jsonl"
run "dates out of range" 0 code "$tmp/dates.jsonl" "$tmp/good.jsonl"
"$DYAD" code --date 2018-02-30x "$tmp/good.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "bad --date" "$tmp/err" && ok "a bad --date is refused" || bad "a bad --date is refused"

mkdir -p "$tmp/dict"
printf '040 1.0 1 Consult\n' > "$tmp/dict/cameo.txt"
printf '== det\nthe\n' > "$tmp/dict/grammar.txt"
{ printf '== JPN Japan\nname Japan\nname '; awk 'BEGIN { for (i = 0; i < 10000; i++) printf "word%d ", i; print "" }'; printf 'name Nippon\n'; } > "$tmp/dict/countries.txt"
"$DYAD" dict check "$tmp/dict" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "countries.txt:3: phrase .* longer than 64 words" "$tmp/err" && ok "a 10,000-word dictionary phrase is refused with its line" || { bad "a 10,000-word dictionary phrase"; head -3 "$tmp/err"; }

# PETRARCH agent substitutions nested five deep, ten members each: 100,000
# phrases from one line. The line is capped and reported, not loaded for minutes.
mkdir -p "$tmp/petr"
{ for m in A B C D E; do printf '!%s! = X1, X2, X3, X4, X5, X6, X7, X8, X9, X10\n' "$m"; done
  printf '!A!_!B!_!C!_!D!_!E!_GUARD [~MIL]\n'; } > "$tmp/petr/test.agents.txt"
"$DYAD" dict check --petrarch "$tmp/petr" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -q "agents.txt:6: substitutions expand to more than 4096 phrases" "$tmp/err" \
  && ok "PETRARCH substitutions that multiply past 4,096 phrases are capped with their line" || { bad "PETRARCH substitution blow-up"; head -3 "$tmp/err"; }

echo "RESULT $pass $fail $skip"
