#!/usr/bin/env bash
# Prints what a portal downloads from dist/ (after `trunk build --release`): raw and gzip -9.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total_raw=0; total_gz=0
printf '%-40s %10s %10s\n' file raw gzip
for f in *.wasm *.js *.css; do
  [ -e "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-40s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-40s %10d %10d\n' total "$total_raw" "$total_gz"
