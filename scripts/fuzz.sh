#!/usr/bin/env bash
# Fuzzes every parser of what the portal sends (fuzz/fuzz_targets/answers.rs) for a bounded
# time: `scripts/fuzz.sh [SECONDS]` (default 60). Not part of the test command; like the
# benchmark, run it on purpose. A crash leaves its input under fuzz/artifacts/answers/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh

budget=${1:-60}
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz 0.13.2" ]; then
  echo "==> installing cargo-fuzz 0.13.2"
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
# Seeds are committed; what the fuzzer adds stays out of the tree.
corpus=target/fuzz-corpus/answers
mkdir -p "$corpus"
cp -n fuzz/corpus/answers/* "$corpus"/
# cargo-fuzz passes nightly-only flags; this stable toolchain (the only one here) accepts them
# with RUSTC_BOOTSTRAP. The fuzz crate is its own workspace, built with its own target dir.
RUSTC_BOOTSTRAP=1 cargo fuzz run answers "$corpus" -- \
  -max_total_time="$budget" -max_len=4096 -print_final_stats=1
