#!/usr/bin/env bash
# Serves the widget inside the local Bitrix24 portal sandbox (docs/sandbox.md):
#   - trunk serve builds the widget (debug) into dist/ and rebuilds it when a source changes;
#   - the sandbox serves the portal page + REST on $PORTAL and dist/ on $APP, a second origin
#     that, like a real app host, accepts the portal's form POST (trunk serve answers it with 405).
# Installs whatever is missing first. Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh

PORTAL=${PORTAL:-127.0.0.1:8090}
APP=${APP:-127.0.0.1:8080}
TRUNK_PORT=${TRUNK_PORT:-8081}

cargo build -p sandbox --quiet

pids=()
cleanup() { [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf dist   # so that dist/index.html below is this run's build, not an old release build
trunk serve --address 127.0.0.1 --port "$TRUNK_PORT" --no-autoreload &
pids+=($!)
echo "==> building the widget (the first build takes a minute or two)"
until [ -f dist/index.html ]; do
  kill -0 "${pids[0]}" 2>/dev/null || { echo "trunk serve stopped" >&2; exit 1; }
  sleep 0.5
done

target/debug/sandbox --portal "$PORTAL" --app "$APP" --app-dir dist &
pids+=($!)

cat <<MSG

  openline-modes is running inside the local portal:

      http://$PORTAL/

  (the widget alone, outside any portal: http://127.0.0.1:$TRUNK_PORT/)

MSG
wait -n "${pids[@]}"
