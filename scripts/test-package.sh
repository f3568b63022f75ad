#!/usr/bin/env bash
# The clean-machine test of the .deb (make test-package): a fresh minimal Debian root made by
# mmdebstrap from Debian's mirror, WITHOUT fonts-noto-cjk or any other Japanese font; the
# package installed into it with apt (which also proves its Depends are complete); then, inside
# that root, the installed CLI creates a register and prints the ledger, pdffonts must show
# every font embedded, pdftotext must read Japanese back, and the installed app is started
# under Xvfb on that register and photographed.
#
#   scripts/test-package.sh DEB OUT_DIR
#
# Leaves in OUT_DIR: app.png (the app's window), ledger.pdf, ledger-1.png (its first page),
# pdffonts.txt, ledger.txt. Needs root (chroot, mounts), mmdebstrap, imagemagick.
set -euo pipefail

DEB=$(realpath "$1")
OUT=$(realpath -m "$2")
SUITE=${DEBIAN_SUITE:-bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$OUT"
rm -f "$OUT"/{app.png,ledger.pdf,ledger-1.png,pdffonts.txt,ledger.txt}

if [ "$(id -u)" -ne 0 ]; then
  echo "test-package: needs root (mmdebstrap into a directory, chroot, mounts)" >&2
  exit 1
fi
command -v mmdebstrap >/dev/null || { echo "test-package: install mmdebstrap" >&2; exit 1; }

ROOT=$(mktemp -d /tmp/daicho-clean-root.XXXXXX)
cleanup() {
  for m in dev sys proc; do
    if mountpoint -q "$ROOT/$m" 2>/dev/null; then umount -R -l "$ROOT/$m" || true; fi
  done
  rm -rf --one-file-system "$ROOT"
}
trap cleanup EXIT

# minbase: essential packages and apt only, no fonts. The tools the test itself runs inside.
echo "==> [$(date +%T)] mmdebstrap $SUITE (minbase) into $ROOT"
mmdebstrap --variant=minbase --quiet \
  --include=xvfb,xauth,x11-apps,dbus,poppler-utils,fontconfig \
  "$SUITE" "$ROOT" "$MIRROR"

mount -t proc proc "$ROOT/proc"
mount -t sysfs sysfs "$ROOT/sys"
# Recursive: WebKit needs /dev/shm, a mount of its own.
mount --rbind /dev "$ROOT/dev"
in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "==> [$(date +%T)] apt-get install $(basename "$DEB") (its Depends from the mirror)"
cp "$DEB" "$ROOT/tmp/daicho.deb"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  /tmp/daicho.deb >/dev/null

echo "==> [$(date +%T)] the root has no Japanese font but the package's"
if in_root dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "test-package: fonts-noto-cjk got installed; the test would prove nothing" >&2
  exit 1
fi
in_root fc-list :lang=ja file | tee "$OUT/fc-list-ja.txt"
if grep -v '^/usr/share/fonts/opentype/daicho/' "$OUT/fc-list-ja.txt" | grep -q .; then
  echo "test-package: a Japanese font other than the package's is installed" >&2
  exit 1
fi
in_root daicho --version | tee "$OUT/version.txt"

echo "==> [$(date +%T)] the installed CLI creates a register and prints the ledger"
export_env=(DAICHO_DB=/root/register.db DAICHO_PASSPHRASE='correct horse battery staple 台帳')
in_root env "${export_env[@]}" daicho init
in_root env "${export_env[@]}" daicho demo
in_root env "${export_env[@]}" daicho export --format pdf --document ledger --lang ja \
  --date 2026-04-01 --out /root/ledger.pdf
cp "$ROOT/root/ledger.pdf" "$OUT/ledger.pdf"

in_root pdffonts /root/ledger.pdf | tee "$OUT/pdffonts.txt"
# Columns: name type encoding emb sub uni object ID; every font row must say "yes" under emb.
fonts=$(tail -n +3 "$OUT/pdffonts.txt")
if [ -z "$fonts" ] || awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }' <<<"$fonts"; then
  echo "test-package: a font is not embedded (or none is listed)" >&2
  exit 1
fi
in_root pdftotext -layout /root/ledger.pdf - >"$OUT/ledger.txt"
for heading in 個人情報管理台帳 保管場所 利用目的 みらい健康保険組合; do
  grep -q "$heading" "$OUT/ledger.txt" || { echo "test-package: '$heading' not in the PDF's text" >&2; exit 1; }
done
in_root pdftoppm -png -r 60 -f 1 -l 1 -singlefile /root/ledger.pdf /root/ledger-1
cp "$ROOT/root/ledger-1.png" "$OUT/ledger-1.png"
# The build that printed it (src/print/pdf.rs): the same string as `daicho --version`.
creator=$(in_root pdfinfo /root/ledger.pdf | sed -n 's/^Creator: *//p')
echo "Creator: $creator"
case "$creator" in
  "Daicho $(sed 's/^daicho //' "$OUT/version.txt")") ;;
  *) echo "test-package: the PDF's Creator ($creator) does not name the installed build" >&2; exit 1 ;;
esac

echo "==> [$(date +%T)] the installed app under Xvfb on that register"
# The app opens the register the CLI made and waits for its passphrase: a screen of Japanese
# text set in the package's font through fontconfig.
in_root sh -c "
  Xvfb :7 -screen 0 1280x800x24 -nolisten tcp >/tmp/xvfb.log 2>&1 &
  xvfb=\$!
  sleep 2
  DISPLAY=:7 DAICHO_DB=/root/register.db WEBKIT_DISABLE_COMPOSITING_MODE=1 \
    dbus-run-session -- daicho-app >/tmp/app.log 2>&1 &
  app=\$!
  sleep ${APP_WAIT_SECONDS:-20}
  DISPLAY=:7 xwd -root -silent >/tmp/screen.xwd
  kill \$app \$xvfb 2>/dev/null || true
  wait \$app 2>/dev/null || true
"
convert "xwd:$ROOT/tmp/screen.xwd" "$OUT/app.png"
cp "$ROOT/tmp/app.log" "$OUT/app.log"
# A blank screen (the app did not start) is one colour.
colours=$(convert "$OUT/app.png" -format '%k' info:)
if [ "$colours" -lt 10 ]; then
  echo "test-package: the screenshot has $colours colours: the app did not show a window" >&2
  cat "$OUT/app.log" >&2
  exit 1
fi
echo "test-package: passed; screenshots and the PDF are in $OUT"
