#!/usr/bin/env bash
# Regenerates the PNG icon set from icons/icon.svg with ImageMagick (Debian `imagemagick`).
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
echo "icons: $(ls *.png | tr '\n' ' ')"
