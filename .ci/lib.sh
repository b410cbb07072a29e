# Helpers for .ci/run and the files it sources.

# Prints a step's title with the time, so a slow step shows in the log.
step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

# Installs Debian packages quietly; runs apt-get update once per CI run.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${PUGO_CI_APT_UPDATED:-}" ]; then
    apt-get update -qq
    export PUGO_CI_APT_UPDATED=1
  fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
