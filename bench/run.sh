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
