# Sourced by the scripts: the pinned tools first on PATH (wasm-opt 132 from npm, then cargo's).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true   # its update check needs a registry API that is not reachable
export WASM_BINDGEN_TEST_TIMEOUT=120
