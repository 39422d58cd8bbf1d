# Environment for building the app for wasm32-unknown-unknown. Source it in the
# shell (or subshell) that runs trunk or a wasm32 cargo command, never in one
# that also builds natively: the Debian fallback changes cargo and rustc.
#
# std is always rebuilt for wasm32 from its source (-Zbuild-std, allowed on a stable
# compiler by RUSTC_BOOTSTRAP=1), so that the release build can abort on panic without
# any panic machinery (scripts/build-site.sh). Two toolchains are supported, chosen the
# same way scripts/setup.sh chooses:
#   rustup  - the normal path: rustup's compiler with its `rust-src` component.
#   debian  - the fallback where rustup cannot download components: Debian's
#             rustc-web/cargo-web 1.96 with the std source from rust-web-src, linking
#             with lld-22.
# CORS_WASM_TOOLCHAIN=rustup|debian forces one.
# shellcheck shell=bash

wasm_toolchain_detect() {
  if [ -n "${CORS_WASM_TOOLCHAIN:-}" ]; then
    echo "$CORS_WASM_TOOLCHAIN"
  elif command -v rustup >/dev/null 2>&1 &&
    rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    echo rustup
  else
    echo debian
  fi
}

CORS_WASM_TOOLCHAIN="$(wasm_toolchain_detect)"
export CORS_WASM_TOOLCHAIN

# Lets the stable compiler accept -Zbuild-std (and build-site.sh's -Cpanic=immediate-abort).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
if [ "$CORS_WASM_TOOLCHAIN" = debian ]; then
  # Debian's cargo/rustc 1.96 must come before rustup's shims in ~/.cargo/bin.
  export PATH="/usr/bin:$PATH"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
fi

# wasm-opt comes from the pinned npm package `binaryen`.
export PATH="${REPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}/node_modules/.bin:$PATH"

# trunk never downloads a tool: a missing or mismatched one fails the build.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
