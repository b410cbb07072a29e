#!/bin/sh
# Regenerates test/fixtures/golden-dot/NAME.dot by running each NAME.cmd (a `go tool pprof -dot …`
# command) with the reference go tool pprof (Debian's golang-go, Go 1.19), in test/fixtures, TZ=UTC.
# Usage: scripts/regen-dot-goldens.sh [NAME...]   (default: every .cmd in golden-dot)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$here/test/fixtures"
dir="$fixtures/golden-dot"
command -v go >/dev/null 2>&1 || { echo "regen-dot-goldens: go is not installed (apt-get install golang-go)" >&2; exit 2; }
cd "$fixtures"
if [ "$#" -eq 0 ]; then
  set -- $(cd "$dir" && ls ./*.cmd | sed 's|^\./||; s|\.cmd$||')
fi
for name in "$@"; do
  cmd=$(cat "$dir/$name.cmd")
  if ! TZ=UTC sh -c "$cmd" >"$dir/$name.dot" 2>"$dir/.stderr"; then
    echo "regen-dot-goldens: $name failed: $(cat "$dir/.stderr")" >&2
    rm -f "$dir/$name.dot" "$dir/.stderr"
    exit 1
  fi
  echo "regen-dot-goldens: $name ($(wc -l <"$dir/$name.dot") lines)"
done
rm -f "$dir/.stderr"
