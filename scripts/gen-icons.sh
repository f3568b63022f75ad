#!/usr/bin/env bash
# Regenerates the PNG icon set from icons/icon.svg with ImageMagick (Debian `imagemagick`),
# then the .ico and .icns from it.
# The outputs are committed; run this only after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../icons"
render() { # size output
  convert -background none -density 384 icon.svg -resize "$1x$1" -depth 8 \
    -define png:exclude-chunks=date,time "PNG32:$2"
}
render 32 32x32.png
render 128 128x128.png
render 256 128x128@2x.png
render 512 icon.png
# The Windows (.ico) and macOS (.icns) icons of the installers (src-tauri/tauri.windows.conf.json,
# tauri.macos.conf.json), made from the largest PNG by the Tauri CLI from ui/node_modules.
out=$(mktemp -d)
../ui/node_modules/.bin/tauri icon icon.png -o "$out" >/dev/null
cp "$out/icon.ico" "$out/icon.icns" .
rm -rf "$out"
echo "icons: $(ls *.png *.ico *.icns | tr '\n' ' ')"
