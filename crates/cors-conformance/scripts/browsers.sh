# Installs the browsers and WebDriver servers the conformance suite drives, from Debian's packages and
# crates.io only (nothing prebuilt is downloaded). Idempotent: prints what it installs, skips what is there.
# Source it after scripts/lib.sh, then call ensure_conformance_browser BROWSER for each browser.
# shellcheck shell=bash

GECKODRIVER_VERSION=0.37.1

# conformance_apt PACKAGE...: installs the Debian packages that are missing.
conformance_apt() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
  say "installing ${missing[*]} (apt)"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    say "apt-get update, then retrying"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# ensure_conformance_browser chromium|firefox|webkit
ensure_conformance_browser() {
  case "$1" in
    chromium) conformance_apt chromium chromium-driver ;;
    firefox)
      conformance_apt firefox-esr
      if ! geckodriver --version 2>/dev/null | grep -q "geckodriver $GECKODRIVER_VERSION"; then
        say "installing geckodriver $GECKODRIVER_VERSION (cargo install, about 4 minutes)"
        cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --quiet
      fi
      ;;
    webkit) conformance_apt webkit2gtk-driver xvfb ;;
    *) die "unknown browser '$1' (chromium, firefox or webkit)" ;;
  esac
}
