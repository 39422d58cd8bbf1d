#!/usr/bin/env bash
# Builds the release site with trunk: `scripts/build-site.sh [DIST [PUBLIC_URL]]`.
#   DIST        output directory, default dist
#   PUBLIC_URL  URL path the site is served under, default /
# Expects scripts/setup.sh to have run (serve.sh and test.sh run it first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

dist="${1:-dist}"
public_url="${2:-/}"
source "$REPO_ROOT/scripts/wasm-env.sh"
# A panic aborts at once: no panic messages, locations or formatting code in the modules (28 KiB
# gzip of the first load). std is rebuilt the same way (wasm-env.sh). Added to the rustflags of
# .cargo/config.toml, not in place of them. Debug builds keep panic messages in the console.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
say "trunk build --release into $dist/ for $public_url ($CORS_WASM_TOOLCHAIN wasm32 toolchain)"
# A failed build must not leave an older site behind for the tests to pass on.
rm -rf "$dist"
trunk build --release --dist "$dist" --public-url "$public_url"

# The CORS error reference (crates/cors-reference): errors/index.html, one page per console message
# and sitemap.xml, generated natively from the engine's tables. Its links are relative, so the same
# pages work under any PUBLIC_URL; only the sitemap needs the site's absolute URL
# (CORS_SITE_ORIGIN, e.g. https://<user>.github.io). A native build: without wasm-env.sh's build-std.
site_url="${CORS_SITE_ORIGIN:-https://example.github.io}${public_url}"
say "cors-reference into $dist/errors/ (sitemap for $site_url)"
env -u CARGO_UNSTABLE_BUILD_STD -u RUSTC_BOOTSTRAP \
  cargo run --quiet -p cors-reference -- "$dist" --site-url "$site_url"

# The landing page's HTML and the pages of the links people arrive by (gallery cases, the error
# reference's links), as the app renders them, written into index.html and prerendered/ so a visitor
# reads them before the module arrives (scripts/prerender.mjs; headless Chromium, installed by
# setup.sh). It reads the reference's links, so it runs after it.
say "prerendering the landing page and the linked pages into $dist/"
node scripts/prerender.mjs "$dist" "$public_url"
