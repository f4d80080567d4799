#!/bin/sh
# make demo: code the example corpus (examples/) and print the events as a table.
set -eu
DYAD=${1:-build/dyad}
printf '%-28s %-3s %-10s %-8s %-8s %-5s %s\n' ARTICLE S DATE SOURCE TARGET CODE EVENT
while IFS='	' read -r file date; do
  "$DYAD" code --format tsv --date "$date" "examples/$file" | tail -n +2 |
  while IFS='	' read -r art sent edate src tgt code root quad gold pattern text; do
    name=$(grep "^$code " data/cameo.txt | head -1 | sed 's/^[0-9]* *[-0-9.]* *[0-9] *//')
    printf '%-28s %-3s %-10s %-8s %-8s %-5s %s\n' "$art" "$sent" "$edate" "$src" "$tgt" "$code" "$name"
  done
done < examples/dates.tsv
