#!/usr/bin/env bash
# Every test: format, lints (host and wasm32), the house boundary rule, native tests (widget and
# sandbox), browser tests in headless Chromium, the release build, end-to-end tests of that build
# inside the sandbox portal, the sandbox's BX24 stand-in against the recording of the official
# library, and the shipped size. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }
# Every runner's output also goes to a log, so the last line can total what ran.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() { "$@" 2>&1 | tee -a "$log"; }

step "format"
cargo fmt --all --check

step "boundary: only src/host/ names the JS crates"
if leaks=$(grep -rlE 'wasm_bindgen|js_sys|web_sys|serde_wasm_bindgen|gloo' src --include='*.rs' \
      | grep -vE '^src/host/'); then
  echo "these files name JS crates outside src/host/:"; echo "$leaks"; exit 1
fi

step "clippy (host, whole workspace)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "native tests (widget logic and sandbox portal)"
run cargo test --workspace --quiet

step "browser tests (wasm-bindgen-test in headless Chromium)"
run cargo test --target wasm32-unknown-unknown --test 'browser_*'

step "release build"
# The CSP names the portal REST origin: here the sandbox the e2e tests start (playwright.config.ts).
OLM_PORTAL_ORIGIN=http://127.0.0.1:18090 trunk build --release
cargo build -p sandbox --quiet

step "end-to-end (release build in the sandbox portal, headless Chromium)"
run npx playwright test

step "stand-in conformance (the sandbox's BX24 stand-in against the recording of the official library)"
run npx playwright test -c playwright.conformance.config.ts

step "shipped size"
bash scripts/size.sh

# Reached only when every step passed (set -e): the total of what the runners executed.
cargo_passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$log" | awk '{n += $4} END {print n + 0}')
e2e_passed=$(grep -Eo '^ *[0-9]+ passed \(' "$log" | awk '{n += $1} END {print n + 0}')
echo
echo "tests: $((cargo_passed + e2e_passed)) passed, 0 failed"
