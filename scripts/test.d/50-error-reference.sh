#!/usr/bin/env bash
# The CORS error reference in the built sites (dist/ at /, dist-subpath/ at /cors-explainer/), checked in
# Chromium by crates/cors-reference/scripts/check_site.py: every page exists and is in sitemap.xml, every
# relative link resolves, no page scrolls sideways at 360 px or logs to the console, and the dark theme
# applies. Screenshots (index and one page, light and dark, 390 and 1280 px): artifacts/error-reference/.
# (Every page's link into the app is checked by `cargo test -p cors-reference`.)
set -uo pipefail
root="${REPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=../lib.sh
source "$root/scripts/lib.sh"
cd "$root"

passed=0
failed=0
for site in "dist /" "dist-subpath /cors-explainer/"; do
  read -r dir url_path <<<"$site"
  shots="artifacts/error-reference/$dir"
  if [ ! -f "$dir/errors/index.html" ]; then
    say "$dir/errors/index.html is missing: scripts/build-site.sh did not write the reference"
    failed=$((failed + 1))
    continue
  fi
  say "checking $dir/errors/ served at $url_path"
  out=$(python3 crates/cors-reference/scripts/check_site.py "$dir" "$url_path" "$shots" 2>&1)
  printf '%s\n' "$out"
  counts=$(tail -n 1 <<<"$out")
  if [[ "$counts" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
  else
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
