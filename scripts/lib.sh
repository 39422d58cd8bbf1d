# Shared helpers for the project's scripts. Source it; do not run it.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# Cargo's target directory: use "$TARGET_DIR/debug/<bin>", never a literal target/ (CI may set
# CARGO_TARGET_DIR).
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
export TARGET_DIR

# Tools built by `cargo install` come first, then the system.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) PATH="$CARGO_BIN:$PATH" ;; esac
export PATH

# say MESSAGE: one progress line on stderr, prefixed with the calling script's name.
say() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; }

# die MESSAGE: print MESSAGE and stop with a failure.
die() {
  say "error: $*"
  exit 1
}

# as_root CMD...: run CMD as root, through sudo when this shell is not root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "'$*' needs root and sudo is not installed"
  fi
}

# cargo_lock_version CRATE: the version of CRATE recorded in Cargo.lock.
cargo_lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$REPO_ROOT/Cargo.lock"
}

# trunk_tool_version TOOL: the version pinned for TOOL under [tools] in Trunk.toml.
trunk_tool_version() {
  awk -v key="$1" '
    /^\[/ { in_tools = ($0 == "[tools]"); next }
    in_tools && $1 == key { gsub(/"/, "", $3); print $3; exit }
  ' "$REPO_ROOT/Trunk.toml"
}
