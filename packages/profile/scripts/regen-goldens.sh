#!/bin/sh
# Regenerates the goldens of test/fixtures by running each NAME.cmd with the reference go tool pprof.
# Each folder's .cmd output goes to one file: golden-extra/NAME.txt (text reports), golden-dot/NAME.dot
# (-dot), proto/NAME.pb.gz (-proto). Run in test/fixtures with TZ=UTC, as the tests read them; the
# reference is Debian's golang-go (Go 1.19). The shared golden/ folder is not ours to regenerate.
# Usage: scripts/regen-goldens.sh [FOLDER | FOLDER/NAME ...]   (default: the three folders)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$here/test/fixtures"
command -v go >/dev/null 2>&1 || { echo "regen-goldens: go is not installed (apt-get install golang-go)" >&2; exit 2; }
cd "$fixtures"
[ "$#" -eq 0 ] && set -- golden-extra golden-dot proto
for arg in "$@"; do
  case "$arg" in
    */*) cmds="$arg.cmd" ;;
    *) cmds=$(ls "$arg"/*.cmd) ;;
  esac
  for cmd in $cmds; do
    name=${cmd%.cmd}
    case "$name" in
      golden-extra/*) out="$name.txt" ;;
      golden-dot/*) out="$name.dot" ;;
      proto/*) out="$name.pb.gz" ;;
      *) echo "regen-goldens: $cmd is in no golden folder" >&2; exit 2 ;;
    esac
    if ! TZ=UTC sh -c "$(cat "$cmd")" >"$out" 2>"$fixtures/.stderr"; then
      echo "regen-goldens: $name failed: $(cat "$fixtures/.stderr")" >&2
      rm -f "$out" "$fixtures/.stderr"
      exit 1
    fi
    echo "regen-goldens: $out ($(wc -c <"$out") bytes)"
  done
done
rm -f "$fixtures/.stderr"
