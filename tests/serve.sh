#!/bin/sh
# dyad serve: the API through real HTTP requests, hostile requests, and the
# dashboard in headless Chromium. Prints "RESULT passed failed skipped".
DYAD=${1:-build/dyad}
SHARED=${SHARED:-../shared}
pass=0; fail=0; skip=0
tmp=$(mktemp -d)
ok()  { pass=$((pass+1)); echo "ok   $1"; }
bad() { fail=$((fail+1)); echo "FAIL $1"; }
cleanup() { [ -n "${spid:-}" ] && kill "$spid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# a store with the example corpus and, when present, the seeds
while IFS='	' read -r f d; do "$DYAD" ingest --db "$tmp/t.db" --date "$d" "examples/$f" 2>/dev/null; done < examples/dates.tsv
if [ -f "$SHARED/seeds/gold.json" ]; then
  "$DYAD" ingest --db "$tmp/t.db" --date 2018-01-28 "$SHARED/seeds/000_7dc06da8091ef8f2.txt" 2>/dev/null
  "$DYAD" ingest --db "$tmp/t.db" --date 2012-10-24 "$SHARED/seeds/003_2b8cd39c843d7ea3.txt" 2>/dev/null
fi

port=$((18000 + $$ % 1000))
"$DYAD" serve --db "$tmp/t.db" --port $port 2> "$tmp/serve.log" &
spid=$!
base="http://127.0.0.1:$port"
i=0; while [ $i -lt 50 ] && ! curl -s -o /dev/null "$base/api/actors?q=CHN"; do sleep 0.1; i=$((i+1)); done

get() { curl -s -o "$tmp/body" -w "%{http_code}" "$@"; }
expect() { # name, status, url, grep pattern for the body
  st=$(get --path-as-is "$3")
  if [ "$st" = "$2" ] && grep -q -- "$4" "$tmp/body"; then ok "$1"; else bad "$1 (status $st)"; head -c 300 "$tmp/body"; echo; fi
}

expect "series endpoint" 200 "$base/api/series?source=USA&target=CHN&both=1&by=year" '"period":"2015","start":"2015-01-01","end":"2015-12-31","events":[1-9]'
expect "series: empty periods are rows" 200 "$base/api/series?source=USA&target=CHN&by=year" '"period":"2017",[^}]*"events":0'
expect "events endpoint with spans" 200 "$base/api/events?source=KOR&target=PRK&limit=5" '"spans":{"source":\[[0-9]*,[0-9]*\]'
expect "events paging" 200 "$base/api/events?actor=USA&limit=2&offset=2" '"limit":2,"offset":2'
expect "events full-text search" 200 "$base/api/events?q=Panmunjom" 'Panmunjom'
expect "top dyads by volume" 200 "$base/api/dyads?limit=5" '"dyads":\[{"source":"[A-Z]*"'
expect "top dyads by change" 200 "$base/api/dyads?by=change&limit=5" '"by":"change"'
expect "actor search by name" 200 "$base/api/actors?q=kore" '"code":"PRK","label":"North Korea"'
expect "article with its events" 200 "$base/api/article?id=06_inter_korean_summit" '"events":\[{"sentence":0,"start":0'
expect "dashboard page" 200 "$base/" '<html'
expect "uPlot served from the binary" 200 "$base/static/uPlot.iife.min.js" 'uPlot'
if [ -f "$SHARED/seeds/gold.json" ]; then
  expect "seeds: Japan-China by year" 200 "$base/api/series?source=JPN&target=CHN&both=1&by=year" '"period":"2012","start":"2012-01-01","end":"2012-12-31","events":[1-9]'
else skip=$((skip+1)); echo "skip seeds series: $SHARED/seeds is absent"; fi

# bad parameters: 400 with JSON naming the parameter
expect "bad source is 400 naming it" 400 "$base/api/series?source=chn&by=month" '"parameter":"source"'
expect "bad by is 400" 400 "$base/api/series?source=CHN&by=fortnight" '"parameter":"by"'
expect "bad date is 400" 400 "$base/api/events?from=2012-13-01" '"parameter":"from"'
expect "JSON in a parameter is 400" 400 "$base/api/events?source=%7B%22a%22%3A1%7D" '"parameter":"source"'
expect "unknown parameter is 400" 400 "$base/api/events?colour=red" '"parameter":"colour"'
expect "parameter twice is 400" 400 "$base/api/events?limit=1&limit=2" '"parameter":"limit"'
expect "limit cap" 400 "$base/api/events?limit=100000" '"parameter":"limit"'
expect "SQL in a value stays a value" 400 "$base/api/events?code=04%27%20OR%201%3D1--" '"parameter":"code"'
expect "search with quotes is safe" 200 "$base/api/events?q=%22Panmunjom%22" '"total"'
expect "unknown article is 404" 404 "$base/api/article?id=nope" '"error"'
expect "unknown endpoint is 404" 404 "$base/api/nope" '"error":"not found"'
expect "path traversal is 404" 404 "$base/../../etc/passwd" 'not found'
expect "encoded traversal is 404" 404 "$base/static/..%2f..%2fetc%2fpasswd" 'not found'
st=$(curl -s -o /dev/null -w "%{http_code}" -X POST "$base/api/events")
[ "$st" = 405 ] && ok "POST is 405" || bad "POST is 405 (status $st)"
long=$(head -c 120000 /dev/zero | tr '\0' 'a')
st=$(curl -s -o /dev/null -w "%{http_code}" "$base/api/events?q=$long")
case "$st" in 4*) ok "a 120 kB query string is refused ($st)";; *) bad "a 120 kB query string is refused (status $st)";; esac
st=$(curl -s -o /dev/null -w "%{http_code}" -X 'GARBAGE' "$base/api/events")
[ "$st" = 405 ] && ok "an unknown method is 405" || bad "an unknown method is 405 (status $st)"
st=$(curl -s -o /dev/null -w "%{http_code}" -H "X-Big: $(head -c 100000 /dev/zero | tr '\0' 'b')" "$base/api/actors?q=CHN")
case "$st" in 4*) ok "a 100 kB header is refused ($st)";; *) bad "a 100 kB header is refused (status $st)";; esac
expect "the server is still up after hostile requests" 200 "$base/api/actors?q=CHN" '"actors"'

# the dashboard in a real browser
if [ ! -x /usr/bin/chromium ]; then
  skip=$((skip+1)); echo "skip browser test: /usr/bin/chromium is absent (make deps installs it)"
elif [ ! -f tests/browser/dashboard.mjs ] || [ ! -d node_modules/playwright-core ]; then
  skip=$((skip+1)); echo "skip browser test: playwright-core is not installed (make deps runs npm ci)"
else
  kill "$spid" 2>/dev/null; wait "$spid" 2>/dev/null; spid=
  mkdir -p build
  out=$(node tests/browser/dashboard.mjs "$DYAD" "$tmp/t.db" build/dashboard.png 2>&1); rc=$?
  echo "$out" | grep -v '^RESULT '
  res=$(echo "$out" | grep '^RESULT ' | tail -1)
  if [ -z "$res" ] || [ $rc -eq 2 ]; then bad "browser test ran (status $rc)"; else
    set -- $res; pass=$((pass + $2)); fail=$((fail + $3)); skip=$((skip + $4)); fi
fi
echo "RESULT $pass $fail $skip"
