#!/usr/bin/env bash
# Every test: format, lints (host and wasm32), the house boundary rule, native tests (widget and
# sandbox), browser tests in headless Chromium, the release build, end-to-end tests of that build
# inside the sandbox portal, and the shipped size. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

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
cargo test --workspace --quiet

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test 'browser_*'

step "release build"
trunk build --release
cargo build -p sandbox --quiet

step "end-to-end (release build in the sandbox portal, headless Chromium)"
npx playwright test

step "shipped size"
bash scripts/size.sh
