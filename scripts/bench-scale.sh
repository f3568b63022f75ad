#!/usr/bin/env bash
# `make bench`, scale section (issue 20): the release CLI on generated registers of several
# sizes (`daicho demo --scale N`: N holdings, 10·N requests, N/2 complaints, N/20 incidents).
# Each step is run SCALE_RUNS times (default 3) in a fresh process under /usr/bin/time; the
# median wall time and the largest peak resident memory (max RSS) are reported. Floors measured
# in the same run: `jq` parsing the same JSON document (for import and export), and a command
# that only opens an empty register (the key derivation every command pays).
#
#   SCALE_SIZES="1250 2500 5000 10000" SCALE_RUNS=3 SEARCH_RUNS=200 scripts/bench-scale.sh [daicho binary]
#
# Never part of `make test`: at 10,000 holdings one pass takes many minutes on 2 cores.
set -euo pipefail

BIN=${1:-${CARGO_TARGET_DIR:-target}/release/daicho}
SIZES=${SCALE_SIZES:-"1250 2500 5000 10000"}
RUNS=${SCALE_RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A real passphrase: every command pays SQLCipher's key derivation, as an officer's does.
export DAICHO_PASSPHRASE='ベンチマーク用の合言葉 2026'

for tool in /usr/bin/time jq; do
  command -v "$tool" >/dev/null || { echo "bench-scale: $tool is needed" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "bench-scale: no CLI at $BIN (cargo build --release)" >&2; exit 1; }

# One timed run: appends "seconds max-rss-kB" to $WORK/samples.
once() {
  /usr/bin/time -f '%e %M' -o "$WORK/one" "$@" >/dev/null 2>"$WORK/stderr" || {
    echo "bench-scale: failed: $*" >&2; cat "$WORK/stderr" >&2; exit 1; }
  cat "$WORK/one" >>"$WORK/samples"
}

# Prints the median seconds and the peak RSS (MB) of the samples, then clears them.
report() {
  local label=$1
  sort -n "$WORK/samples" | awk -v label="$label" '
    { t[NR] = $1; if ($2 > m) m = $2 }
    END {
      med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%-44s %9.2f s %9.0f MB  (median of %d)\n", label, med, m / 1024, NR
    }'
  : >"$WORK/samples"
}

# Times `daicho --db DB ARGS...` RUNS times.
timed() {
  local label=$1 db=$2
  shift 2
  for _ in $(seq "$RUNS"); do once "$BIN" --db "$db" "$@"; done
  report "$label"
}

fresh() {
  rm -f "$1" "$1-wal" "$1-shm"
  "$BIN" --db "$1" init >/dev/null
}

: >"$WORK/samples"
echo "scale benchmark: $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $BIN"
fresh "$WORK/empty.db"
timed "floor: open an empty register (key derivation)" "$WORK/empty.db" init

for size in $SIZES; do
  echo
  echo "== $size holdings, $((size * 10)) requests, $((size / 2)) complaints, $((size / 20)) incidents"
  db="$WORK/r$size.db"
  for _ in $(seq "$RUNS"); do
    fresh "$db"
    once "$BIN" --db "$db" demo --scale "$size"
  done
  report "generate (demo --scale $size)"
  entries=$("$BIN" --db "$db" verify --full | sed -n 's/^audit chain: \([0-9]*\) entries.*/\1/p')
  echo "   audit entries: $entries; file: $(du -m "$db" | cut -f1) MB"
  doc="$WORK/r$size.json"
  timed "export --format json" "$db" export --format json --out "$doc"
  echo "   document: $(du -m "$doc" | cut -f1) MB"
  for _ in $(seq "$RUNS"); do once jq length "$doc"; done
  report "floor: jq parses the document"
  copy="$WORK/c$size.db"
  for _ in $(seq "$RUNS"); do
    fresh "$copy"
    once "$BIN" --db "$copy" import "$doc"
  done
  report "import"
  rm -f "$copy" "$copy-wal" "$copy-shm"
  timed "open (init on the register)" "$db" init
  timed "verify (quick: since the checkpoint)" "$db" verify
  timed "verify --full" "$db" verify --full
  timed "holdings list" "$db" holdings list
  # The search box's answer time, measured inside one process (the open and key derivation
  # are paid once, as in the app): a two-character family name every tenth request carries,
  # a one-character query, and a department name.
  for query in 田中 田 人事課; do
    "$BIN" --db "$db" search "$query" --timings "${SEARCH_RUNS:-200}" | sed 's/^/   /'
  done
  timed "export ledger PDF (ja)" "$db" export --format pdf --document ledger --out "$WORK/ledger.pdf"
  rm -f "$doc"
done
