#!/usr/bin/env bash
# Installs everything the project needs to build, serve and test; idempotent.
#
# Checks each tool first and installs only what is missing, so a second run takes a
# few seconds. Works as root (CI) or as a user with sudo (system packages only).
#   - Rust wasm32 target: `rustup target add wasm32-unknown-unknown`, or, where rustup
#     cannot download it, Debian's rustc-web/cargo-web + rust-web-src + lld-22 (std is
#     rebuilt for wasm32 from source; see scripts/wasm-env.sh)
#   - trunk 0.21.14 and wasm-bindgen-cli at the version of `wasm-bindgen` in Cargo.lock
#   - wasm-opt from the npm package binaryen, pinned in package-lock.json (`npm ci`)
#   - Chromium + ChromeDriver (end-to-end tests) and brotli (size report), from apt;
#     CORS_SETUP_TEST_TOOLS=no skips them (the GitHub Pages build needs none of them)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

TRUNK_VERSION=0.21.14
RUSTUP_TIMEOUT_SECS="${RUSTUP_TIMEOUT_SECS:-60}"
# Remembers, per machine, that rustup could not download the wasm32 target.
RUSTUP_FAILED_MARK="${XDG_CACHE_HOME:-$HOME/.cache}/cors-explainer/rustup-wasm32-unavailable"
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

# Prefers rustup's wasm32 target; falls back to Debian's toolchain when it cannot be had.
ensure_wasm_target() {
  if [ "${CORS_WASM_TOOLCHAIN:-}" = debian ]; then
    ensure_debian_wasm_toolchain
    return
  fi
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    return
  fi
  if [ ! -e "$RUSTUP_FAILED_MARK" ] && [ "${CORS_WASM_TOOLCHAIN:-}" != debian ]; then
    say "adding the wasm32-unknown-unknown target (rustup, at most ${RUSTUP_TIMEOUT_SECS}s)"
    if timeout "$RUSTUP_TIMEOUT_SECS" rustup target add wasm32-unknown-unknown; then
      return
    fi
    say "rustup could not download the target; using Debian's rustc-web instead"
    mkdir -p "$(dirname "$RUSTUP_FAILED_MARK")" && touch "$RUSTUP_FAILED_MARK"
  fi
  [ "${CORS_WASM_TOOLCHAIN:-}" = rustup ] &&
    die "CORS_WASM_TOOLCHAIN=rustup but the wasm32-unknown-unknown target is not installed"
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

ensure_wasm_opt() {
  command -v npm >/dev/null || apt_install nodejs npm
  local want
  want=$(trunk_tool_version wasm_opt)
  if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -qF "($want)"; then
    say "installing wasm-opt from package-lock.json (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  node_modules/.bin/wasm-opt --version | grep -qF "($want)" ||
    die "node_modules/.bin/wasm-opt is not $want (Trunk.toml); check package.json"
}

ensure_rust
ensure_wasm_target
ensure_cargo_tools
ensure_wasm_opt
if [ "${CORS_SETUP_TEST_TOOLS:-yes}" != no ]; then
  apt_install chromium chromium-driver brotli
fi
# trunk runs cargo offline, so every crate the build needs is downloaded now.
cargo fetch --quiet

source "$REPO_ROOT/scripts/wasm-env.sh"
say "ready in $(($(date +%s) - started))s (wasm32 toolchain: $CORS_WASM_TOOLCHAIN)"
