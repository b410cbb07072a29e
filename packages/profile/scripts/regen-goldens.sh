#!/bin/sh
# Regenerates test/fixtures/golden-extra/NAME.txt by running each NAME.cmd with the reference
# go tool pprof (Debian's golang-go, Go 1.19), in test/fixtures, with TZ=UTC.
# Usage: scripts/regen-goldens.sh [NAME...]   (default: every .cmd in golden-extra)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$here/test/fixtures"
extra="$fixtures/golden-extra"
command -v go >/dev/null 2>&1 || { echo "regen-goldens: go is not installed (apt-get install golang-go)" >&2; exit 2; }
cd "$fixtures"
if [ "$#" -eq 0 ]; then
  set -- $(cd "$extra" && ls ./*.cmd | sed 's|^\./||; s|\.cmd$||')
fi
for name in "$@"; do
  cmd=$(cat "$extra/$name.cmd")
  if ! TZ=UTC sh -c "$cmd" >"$extra/$name.txt" 2>"$extra/.stderr"; then
    echo "regen-goldens: $name failed: $(cat "$extra/.stderr")" >&2
    rm -f "$extra/$name.txt" "$extra/.stderr"
    exit 1
  fi
  echo "regen-goldens: $name ($(wc -l <"$extra/$name.txt") lines)"
done
rm -f "$extra/.stderr"
