#!/usr/bin/env bash
# Copies the face printed documents are set in (Noto Sans CJK JP, SIL OFL 1.1) into
# src-tauri/fonts/, where the package configurations (src-tauri/tauri*.conf.json) take it from.
# The files are 40 MB, so they are not committed: they come from Debian's fonts-noto-cjk on
# the build machine (scripts/install-system-deps.sh installs it), or from FONT_SOURCE_DIR (a
# folder holding the two .ttc files, e.g. on a Windows or macOS build machine).
#
# The checksums pin the exact files: a PDF's bytes depend on the font, and a package must
# print what the tests printed. Another font release is a deliberate change of these lines.
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE="${FONT_SOURCE_DIR:-/usr/share/fonts/opentype/noto}"
DEST=src-tauri/fonts
declare -A SHA256=(
  [NotoSansCJK-Regular.ttc]=b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a
  [NotoSansCJK-Bold.ttc]=faa5f3656a78b2e2d450d27fe8382c778bc2b6bb5ea29c986664a6a435056ceb
)

for file in "${!SHA256[@]}"; do
  if [ ! -f "$SOURCE/$file" ]; then
    echo "stage-fonts: $SOURCE/$file not found; install fonts-noto-cjk or set FONT_SOURCE_DIR" >&2
    exit 1
  fi
  actual=$(sha256sum "$SOURCE/$file" | cut -d' ' -f1)
  if [ "$actual" != "${SHA256[$file]}" ]; then
    echo "stage-fonts: $SOURCE/$file is not the pinned release (sha256 $actual);" \
      "expected fonts-noto-cjk 1:20220127+repack1-1 (see src-tauri/fonts/OFL.txt)" >&2
    exit 1
  fi
  if ! cmp -s "$SOURCE/$file" "$DEST/$file"; then
    cp "$SOURCE/$file" "$DEST/$file"
  fi
done
echo "stage-fonts: $(ls "$DEST"/*.ttc | tr '\n' ' ')"
