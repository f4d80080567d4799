#!/bin/sh
# Command-line tests: exit codes, error messages with file:line, formats.
DYAD=${1:-build/dyad}
pass=0; fail=0; skip=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok()   { pass=$((pass+1)); echo "ok   $1"; }
bad()  { fail=$((fail+1)); echo "FAIL $1"; }

# a bad JSON line is reported with its line number and skipped; the run goes on
printf '%s\n' '{"id":"a","date":"2018-01-28","text":"Taro Kono visited Beijing."}' '{"id": broken' \
  '{"id":"c","date":"2018-01-28","text":"Japan and China met."}' > "$tmp/in.jsonl"
"$DYAD" code "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ $rc -eq 0 ] && grep -q "in.jsonl:2: bad JSON" "$tmp/err" && grep -q '"article":"c"' "$tmp/out"; then ok "bad jsonl line reported and skipped"; else bad "bad jsonl line reported and skipped"; cat "$tmp/err"; fi

# a missing input is an error (status 1) but the other inputs are still coded
"$DYAD" code "$tmp/nope.txt" "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "nope.txt: cannot open" "$tmp/err" && grep -q '"article":"c"' "$tmp/out"; then ok "missing input is status 1, rest coded"; else bad "missing input is status 1, rest coded"; fi

# --strict stops at the bad line with status 1
"$DYAD" code --strict "$tmp/in.jsonl" > /dev/null 2>&1; rc=$?
[ $rc -eq 1 ] && ok "--strict stops with status 1" || bad "--strict stops with status 1 (got $rc)"

# stdin: JSON lines when it starts with '{', one article otherwise
printf 'Taro Kono visited Beijing.' | "$DYAD" code --date 2018-01-28 - > "$tmp/out" 2>&1
grep -q '"code":"042"' "$tmp/out" && ok "plain text on stdin" || bad "plain text on stdin"
"$DYAD" code - < "$tmp/in.jsonl" > "$tmp/out" 2>/dev/null
grep -q '"article":"a"' "$tmp/out" && ok "jsonl on stdin" || bad "jsonl on stdin"

# compressed input
gzip -c "$tmp/in.jsonl" > "$tmp/in.jsonl.gz"
"$DYAD" code "$tmp/in.jsonl.gz" > "$tmp/out" 2>/dev/null
grep -q '"article":"c"' "$tmp/out" && ok ".gz input" || bad ".gz input"
if command -v zstd >/dev/null 2>&1; then
  zstd -q -c "$tmp/in.jsonl" > "$tmp/in.jsonl.zst"
  "$DYAD" code "$tmp/in.jsonl.zst" > "$tmp/out" 2>/dev/null
  grep -q '"article":"c"' "$tmp/out" && ok ".zst input" || bad ".zst input"
else skip=$((skip+1)); echo "skip .zst input: no zstd command to make the file"; fi

# tsv has a header and one line per event
"$DYAD" code --format tsv "$tmp/in.jsonl" > "$tmp/out" 2>/dev/null
head -1 "$tmp/out" | grep -q '^article	sentence	date	source	target	code' && ok "tsv header" || bad "tsv header"

# unknown option and bad date: status 1
"$DYAD" code --nope > /dev/null 2>&1; [ $? -eq 1 ] && ok "unknown option is status 1" || bad "unknown option is status 1"
"$DYAD" code --date 2018-13-01 "$tmp/in.jsonl" > /dev/null 2>&1; [ $? -eq 1 ] && ok "bad --date is status 1" || bad "bad --date is status 1"

# a broken dictionary entry names its file and line; the rest loads
mkdir -p "$tmp/dict"
printf '040  1.0  1  Consult\n042  1.9  1  Make a visit\n04x  1 1 Broken\n' > "$tmp/dict/cameo.txt"
printf '== det\nthe\n' > "$tmp/dict/grammar.txt"
printf '== JPN  Japan\nname  Japan\ncolour  red\n== CHN China\nname China\n' > "$tmp/dict/countries.txt"
printf '== 042  Make a visit\nvisit +\n' > "$tmp/dict/verbs.txt"
"$DYAD" dict check "$tmp/dict" > "$tmp/out" 2> "$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "cameo.txt:3: bad event code" "$tmp/err" && grep -q "countries.txt:3: unknown key 'colour'" "$tmp/err"; then ok "dict check names file:line"; else bad "dict check names file:line"; cat "$tmp/err"; fi
printf 'Japan visited China.' | "$DYAD" code --dict "$tmp/dict" - > "$tmp/out" 2>/dev/null
grep -q '"source":"JPN","target":"CHN","code":"042"' "$tmp/out" && ok "--dict codes with the good entries" || { bad "--dict codes with the good entries"; cat "$tmp/out"; }

# the built-in set is clean
"$DYAD" dict check > "$tmp/out" 2>&1 && ok "built-in dictionaries pass dict check" || { bad "built-in dictionaries pass dict check"; head -20 "$tmp/out"; }

# explain shows actors with file:line and the pattern used
"$DYAD" explain "Taro Kono visited Beijing." --date 2018-01-28 > "$tmp/out" 2>&1
grep -q 'data/verbs.txt:[0-9]' "$tmp/out" && grep -q 'EVENT JPNGOV -> CHNGOV 042' "$tmp/out" && ok "explain shows pattern and event" || { bad "explain shows pattern and event"; cat "$tmp/out"; }

# HTML: the article text is extracted; scripts, navigation and related lists are dropped
cat > "$tmp/page.html" <<'HTML'
<html><head><title>t</title><script>var s = "Russia attacked Ukraine";</script></head><body>
<nav><p>Russia invades Ukraine</p></nav><article><p>Japanese Foreign Minister Taro Kono visited China.</p>
<div class="related-stories"><p>Iran condemned Israel.</p></div></article></body></html>
HTML
"$DYAD" code --date 2018-01-28 --format tsv "$tmp/page.html" > "$tmp/out" 2>&1
if grep -q 'JPNGOV	CHN	042' "$tmp/out" && ! grep -q 'RUS\|IRN' "$tmp/out"; then ok "html main text only"; else bad "html main text only"; cat "$tmp/out"; fi

echo "RESULT $pass $fail $skip"
