#!/bin/sh
# make bench: coding speed and memory on the Reuters-21578 corpus, single-threaded.
# Prints sentences/s, MB/s and peak memory as dyad measures them, and the
# load time of the built-in dictionaries. Figures depend on the machine:
# compare runs on the same one.
set -eu
DYAD=${1:-build/dyad}
SHARED=${SHARED:-../shared}
CORPUS=$SHARED/corpus/reuters21578.jsonl
if [ ! -f "$CORPUS" ]; then
  echo "bench: $CORPUS is absent; set SHARED=DIR to the shared data" >&2
  exit 0
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "== dictionary load (built-in set), best of 5"
best=$(for i in 1 2 3 4 5; do
  printf '' | "$DYAD" code --stats - 2>&1 >/dev/null | sed -n 's/.*(dictionaries \([0-9.]*\) ms).*/\1/p'
done | sort -n | head -1)
echo "built-in dictionaries load in $best ms"
echo "== dyad code on $(basename "$CORPUS"), 3 runs"
for i in 1 2 3; do
  "$DYAD" code --stats "$CORPUS" 2>&1 >/dev/null | tail -1
done

echo "== dyad ingest on the same corpus (the store must cost at most twice the coding)"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for i in 1 2 3; do
  rm -f "$tmp/r.db"*
  t0=$(date +%s.%N); "$DYAD" code "$CORPUS" > /dev/null 2>&1; t1=$(date +%s.%N)
  "$DYAD" ingest --db "$tmp/r.db" "$CORPUS" 2>/dev/null; t2=$(date +%s.%N)
  echo "$t0 $t1 $t2" | awk '{c = $2 - $1; g = $3 - $2; printf "code %.2f s, ingest %.2f s: ingest/code = %.2f\n", c, g, g / c}'
done

MKSTORE=${2:-build/mkstore}
N=${BENCH_EVENTS:-10000000}
BIG=bench/out/store-$N.db
mkdir -p bench/out
if [ ! -f "$BIG" ]; then
  echo "== building a synthetic store of $N events in $BIG (once; kept for later runs)"
  "$MKSTORE" "$BIG.tmp" "$N" && mv "$BIG.tmp" "$BIG" && rm -f "$BIG.tmp-wal" "$BIG.tmp-shm"
fi
echo "== dyad series on $BIG: China -> Japan by month, 5 runs"
for i in 1 2 3 4 5; do
  t0=$(date +%s.%N); "$DYAD" series --db "$BIG" --source CHN --target JPN --by month --no-chart > "$tmp/s.csv"; t1=$(date +%s.%N)
  echo "$t0 $t1 $(($(wc -l < "$tmp/s.csv") - 1))" | awk '{printf "%.3f s (%d months)\n", $2 - $1, $3}'
done

echo "== dyad serve under load: /api/series for a country dyad on the Reuters store, 50 connections"
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 || true
fi
if command -v wrk >/dev/null 2>&1; then
  rm -f "$tmp/r.db"*
  "$DYAD" ingest --db "$tmp/r.db" "$CORPUS" 2>/dev/null
  port=$((19000 + $$ % 500))
  "$DYAD" serve --db "$tmp/r.db" --port $port 2>/dev/null &
  spid=$!
  sleep 1
  wrk -t2 -c50 -d10s --latency "http://127.0.0.1:$port/api/series?source=USA&target=JPN&by=month" | sed -n '/Latency Distribution/,/Requests\/sec/p'
  kill $spid
else
  echo "wrk is not available: load benchmark skipped"
fi

P2=$SHARED/dictionaries/petrarch2
if [ -d "$P2" ]; then
  echo "== the PETRARCH-2 / Phoenix set: load time and memory (5 runs), then coding speed with it"
  for i in 1 2 3 4 5; do
    printf '' | /usr/bin/time -f "peak %M KB" "$DYAD" code --stats --petrarch "$P2" - 2>&1 | grep -oE "dictionaries [0-9.]* ms|peak [0-9]+ KB" | tr '\n' ' '
    echo
  done
  "$DYAD" code --stats --petrarch "$P2" "$CORPUS" 2>&1 >/dev/null | tail -1
fi
