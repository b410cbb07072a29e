# The blog soaked clean and with each injected leak (pnpm soak --quick: 60 s of load each).
# A leak scenario must exit 1 (LEAK), the clean blog and the bounded cache 0; any other exit code,
# 2 included (the soak could not judge), fails CI naming the scenario. Reports: apps/blog/soak-report/.
step "soak: the blog clean and with each injected leak"
soak_failures=()
for expectation in clean:0 bounded-cache:0 tango-pool:1 listener:1 cache:1 timer:1; do
  scenario=${expectation%%:*}
  expected=${expectation##*:}
  args=(--quick)
  if [ "$scenario" != clean ]; then args+=(--inject "$scenario"); fi
  set +e
  pnpm soak "${args[@]}"
  got=$?
  set -e
  printf 'soak %s: exit %s (expected %s)\n' "$scenario" "$got" "$expected"
  if [ "$got" != "$expected" ]; then soak_failures+=("$scenario: exit $got, expected $expected"); fi
done
if [ "${#soak_failures[@]}" -gt 0 ]; then
  printf 'soak FAILED: %s\n' "${soak_failures[@]}" >&2
  exit 1
fi
