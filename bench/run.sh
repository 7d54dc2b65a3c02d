#!/usr/bin/env bash
# The benchmark in one command: release build, two sandbox portals with zero latency (one
# framing dist/, one framing the plain-JS reference), then bench/run.mjs in headless Chromium.
# Writes bench/results/latest.md and latest.json. Env: RUNS (default 25), CYCLES (1000),
# BENCH_PORTS="widget_portal widget_app ref_portal ref_app" (default 19090 19080 19091 19081),
# APP_SERVER (bench: run.mjs serves the apps' files with deployment caching, the default;
# sandbox: the sandboxes' app listeners, no-store).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh

read -r WP WA RP RA <<<"${BENCH_PORTS:-19090 19080 19091 19081}"
for port in $WP $WA $RP $RA; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "bench: port $port is in use (set BENCH_PORTS)" >&2
    exit 1
  fi
done

echo "==> trunk build --release"
OLM_PORTAL_ORIGIN="http://127.0.0.1:$WP" trunk build --release
echo "==> cargo build -p sandbox"
cargo build -q -p sandbox

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start_sandbox() { # portal app dir log
  target/debug/sandbox --portal "127.0.0.1:$1" --app "127.0.0.1:$2" --app-dir "$3" \
    --app-url "http://localhost:$2/" >"$4" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    grep -q '^sandbox: portal' "$4" && return 0
    sleep 0.1
  done
  echo "bench: sandbox on $1 did not start:" >&2
  cat "$4" >&2
  exit 1
}
logs="$(mktemp -d)"
start_sandbox "$WP" "$WA" dist "$logs/widget.log"
start_sandbox "$RP" "$RA" bench/reference "$logs/reference.log"
# Zero added latency (the default; said explicitly so a changed default cannot creep in).
for p in $WP $RP; do
  curl -fsS -XPOST "http://127.0.0.1:$p/sandbox/scenario" -H 'content-type: application/json' \
    -d '{"latency_ms":0}' >/dev/null
done

echo "==> node bench/run.mjs"
WIDGET_PORTAL="127.0.0.1:$WP" WIDGET_APP="127.0.0.1:$WA" REF_PORTAL="127.0.0.1:$RP" REF_APP="127.0.0.1:$RA" \
  node bench/run.mjs
