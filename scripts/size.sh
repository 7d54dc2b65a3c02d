#!/usr/bin/env bash
# Prints what a portal downloads from dist/ (after `trunk build --release`), raw and gzip -9:
# what every open of the chat sidebar fetches (index.html, the sidebar bundle, the styles and
# one catalogue: the largest, as the worst case), then the admin pages' bundle, which only the
# app page and the install page load. The benchmark measures what the frame really fetches.
set -euo pipefail
cd "$(dirname "$0")/../dist"
row() { # file
  local raw gz
  raw=$(wc -c <"$1"); gz=$(gzip -9 -c "$1" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$1" "$raw" "$gz"
}
largest=$(for f in i18n/*.json; do [ "$f" = i18n/en.json ] && continue; echo "$(gzip -9 -c "$f" | wc -c) $f"; done | sort -n | tail -1 | cut -d' ' -f2)

printf '%-44s %10s %10s\n' 'sidebar: file' raw gzip
total_raw=0; total_gz=0
for f in index.html openline-modes-*.js openline-modes-*_bg.wasm styles-*.css "$largest"; do row "$f"; done
printf '%-44s %10d %10d\n' 'sidebar total' "$total_raw" "$total_gz"

printf '%-44s %10s %10s\n' 'admin pages (DEFAULT only): file' raw gzip
total_raw=0; total_gz=0
for f in admin-loader.js admin.js admin_bg.wasm; do row "$f"; done
printf '%-44s %10d %10d\n' 'admin total' "$total_raw" "$total_gz"
