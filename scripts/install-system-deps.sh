#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Daicho needs to build, test and run.
# Idempotent: runs apt-get only when at least one package is missing.
set -euo pipefail

PACKAGES=(
  # Tauri / WebKitGTK build
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
  libssl-dev libxdo-dev build-essential pkg-config file
  # headless end-to-end tests
  xvfb xauth webkit2gtk-driver dbus dbus-x11 imagemagick
  # export checks and tooling; LibreOffice converts XLSX exports back to CSV in the tests
  poppler-utils qpdf sqlite3 libreoffice-calc-nogui
  # make test-package: a fresh Debian root to install the .deb into
  mmdebstrap
  # Japanese glyphs in the UI, and the face every printed PDF is set in (src/print/pdf.rs
  # loads NotoSansCJK-{Regular,Bold}.ttc from /usr/share/fonts/opentype/noto)
  fonts-noto-cjk
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  # `dpkg -s` also succeeds for removed-but-configured packages; check the status line.
  if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed$'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-system-deps: all ${#PACKAGES[@]} system packages present"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-system-deps: missing packages (${missing[*]}) and not root, no sudo" >&2
    exit 1
  fi
fi

echo "install-system-deps: installing ${missing[*]}"
"${SUDO[@]}" apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"
