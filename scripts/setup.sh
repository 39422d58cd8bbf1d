#!/usr/bin/env bash
# Installs everything the project needs to build, serve and test; idempotent.
#
# Checks each tool first and installs only what is missing, so a second run takes a
# few seconds. Works as root (CI) or as a user with sudo (system packages only).
#   - std source for wasm32 (std is rebuilt from source; see scripts/wasm-env.sh):
#     `rustup component add rust-src`, or, where rustup cannot download it, Debian's
#     rustc-web/cargo-web + rust-web-src + lld-22
#   - trunk 0.21.14 and wasm-bindgen-cli at the version of `wasm-bindgen` in Cargo.lock
#   - wasm-opt (npm package binaryen), terser (minifies the JS glue) and playwright-core
#     (prerenders the landing page), pinned in package-lock.json (`npm ci`)
#   - Chromium + ChromeDriver (the build prerenders the landing page in Chromium; end-to-end
#     tests), brotli (size report) and wrk (the lab's load test), from apt;
#     CORS_SETUP_TEST_TOOLS=no skips them (the GitHub Pages build uses the runner's Chrome)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

TRUNK_VERSION=0.21.14
RUSTUP_TIMEOUT_SECS="${RUSTUP_TIMEOUT_SECS:-60}"
# Remembers, per machine, that rustup could not download the std source.
RUSTUP_FAILED_MARK="${XDG_CACHE_HOME:-$HOME/.cache}/cors-explainer/rustup-rust-src-unavailable"
APT_UPDATED=no
started=$(date +%s)

# apt_install PACKAGE...: installs the Debian packages that are not installed yet.
apt_install() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
  if [ "$APT_UPDATED" = no ]; then
    say "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=yes
  fi
  say "installing ${missing[*]} (apt)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

ensure_rust() {
  command -v cargo >/dev/null && command -v rustup >/dev/null ||
    die "Rust is not installed: install rustup (https://rustup.rs) and run this again"
  local component
  for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      say "installing the $component component (rustup)"
      timeout "$RUSTUP_TIMEOUT_SECS" rustup component add "$component" ||
        die "could not install the $component component with rustup"
    fi
  done
}

# Prefers rustup's std source; falls back to Debian's toolchain when it cannot be had.
ensure_wasm_toolchain() {
  if [ "${CORS_WASM_TOOLCHAIN:-}" = debian ]; then
    ensure_debian_wasm_toolchain
    return
  fi
  if rustup component list --installed | grep -q '^rust-src'; then
    return
  fi
  if [ ! -e "$RUSTUP_FAILED_MARK" ]; then
    say "adding the rust-src component (rustup, at most ${RUSTUP_TIMEOUT_SECS}s)"
    if timeout "$RUSTUP_TIMEOUT_SECS" rustup component add rust-src; then
      return
    fi
    say "rustup could not download rust-src; using Debian's rustc-web instead"
    mkdir -p "$(dirname "$RUSTUP_FAILED_MARK")" && touch "$RUSTUP_FAILED_MARK"
  fi
  [ "${CORS_WASM_TOOLCHAIN:-}" = rustup ] &&
    die "CORS_WASM_TOOLCHAIN=rustup but rustup's rust-src component is not installed"
  ensure_debian_wasm_toolchain
}

ensure_debian_wasm_toolchain() {
  apt_install rustc-web cargo-web rust-web-src rust-web-clippy lld-22
}

# cargo_install CRATE VERSION BINARY [ARGS...]: installs CRATE unless BINARY reports VERSION.
cargo_install() {
  local crate=$1 version=$2 binary=$3
  shift 3
  if "$binary" --version 2>/dev/null | grep -qw -- "$version"; then
    return
  fi
  say "installing $crate $version (cargo install; several minutes on a cold machine)"
  # Build tools need neither fat LTO nor full optimisation; without them they build much faster.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install "$crate" --version "$version" "$@"
}

ensure_cargo_tools() {
  cargo_install trunk "$TRUNK_VERSION" trunk --locked
  local wbg trunk_wbg
  wbg=$(cargo_lock_version wasm-bindgen)
  [ -n "$wbg" ] || die "no wasm-bindgen version in Cargo.lock"
  trunk_wbg=$(trunk_tool_version wasm_bindgen)
  [ "$trunk_wbg" = "$wbg" ] ||
    die "Trunk.toml pins wasm_bindgen = \"$trunk_wbg\" but Cargo.lock has wasm-bindgen $wbg"
  # No --locked: the CLI's own lockfile pins a crate release some registries do not serve.
  cargo_install wasm-bindgen-cli "$wbg" wasm-bindgen
}

ensure_node_tools() {
  command -v npm >/dev/null || apt_install nodejs npm
  local want
  want=$(trunk_tool_version wasm_opt)
  if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -qF "($want)" ||
    [ ! -f node_modules/terser/package.json ]; then
    say "installing wasm-opt and terser from package-lock.json (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  node_modules/.bin/wasm-opt --version | grep -qF "($want)" ||
    die "node_modules/.bin/wasm-opt is not $want (Trunk.toml); check package.json"
}

ensure_rust
ensure_wasm_toolchain
ensure_cargo_tools
ensure_node_tools
if [ "${CORS_SETUP_TEST_TOOLS:-yes}" != no ]; then
  apt_install chromium chromium-driver brotli wrk
fi
# trunk runs cargo offline, so every crate the build needs is downloaded now.
cargo fetch --quiet

source "$REPO_ROOT/scripts/wasm-env.sh"
if [ "$CORS_WASM_TOOLCHAIN" = rustup ]; then
  # -Zbuild-std also builds std's own dependencies (Debian's rust-web-src ships them).
  cargo fetch --quiet --target wasm32-unknown-unknown \
    --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
fi
say "ready in $(($(date +%s) - started))s (wasm32 toolchain: $CORS_WASM_TOOLCHAIN)"
