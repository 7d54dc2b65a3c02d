#!/usr/bin/env bash
# Installs whatever this project needs and is missing; idempotent, and a few seconds when
# everything is there. Only the cargo, Debian and npm registries are used (nothing else is
# reachable, and nothing else is needed): see docs/toolchain.md for why each pin is what it is.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14          # 0.22 needs rustc 1.96.1, which this toolchain is not
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate (Cargo.toml pins it with =)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

apt_missing=()
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_missing+=(chromium-driver)
if [ ${#apt_missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  say "installing Debian packages: ${apt_missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${apt_missing[@]}"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 4 minutes on 2 cores)"
  # trunk's release profile asks for fat LTO in one codegen unit: on 2 cores that link alone is
  # minutes. A build tool does not need it: 247 s instead of 369 s measured here (2026-12-07).
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: its lockfile wants webpki-roots 1.0.11, which the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm: Playwright (driving Debian's chromium; it never downloads a browser) and binaryen 132
# (wasm-opt; Debian's 108 silently breaks the module). Reinstall only when the lock changed.
if ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
  say "installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock.json
fi

# Trunk builds offline (Trunk.toml), so the crates must be here first.
cargo fetch --quiet
