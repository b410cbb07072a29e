#!/bin/sh
# Regenerates tools/heap/test/golden/NAME.txt (stdout) and NAME.err (stderr) by running each NAME.cmd
# with Debian's go tool pprof (apt-get install golang-go) in packages/profile/test/fixtures, feeding
# NAME.stdin when there is one. Run from anywhere: sh tools/heap/scripts/regen-golden.sh
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
golden="$here/test/golden"
cd "$here/../../packages/profile/test/fixtures"
command -v go >/dev/null || { echo "regen-golden: go is not installed (apt-get install golang-go)" >&2; exit 2; }
for cmd in "$golden"/*.cmd; do
  name=${cmd%.cmd}
  input=/dev/null
  [ -f "$name.stdin" ] && input="$name.stdin"
  TZ=UTC PPROF_TMPDIR=$(mktemp -d) sh -c "$(cat "$cmd")" <"$input" >"$name.txt" 2>"$name.err" || true
  echo "regen-golden: $(basename "$name")"
done
