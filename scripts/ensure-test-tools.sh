#!/usr/bin/env bash
# The Debian tools the unit tests call beside Node: shellcheck (SC findings)
# and xmllint from libxml2-utils (the JUnit and checkstyle formats are
# validated against their XSDs). Installs what is missing when run as root
# on Debian; elsewhere says what to install and leaves the tests to fail
# naming it. A no-op (well under a second) when both are there.
set -Eeuo pipefail
STEP_SCRIPT=ensure-test-tools
# shellcheck source=scripts/lib/steps.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/steps.sh"

declare -A PACKAGE=([shellcheck]=shellcheck [xmllint]=libxml2-utils)
missing=()
for tool in "${!PACKAGE[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${PACKAGE[$tool]}")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "missing ${missing[*]}: install them (e.g. sudo apt-get install -y ${missing[*]}); the tests that need them will fail"
  exit 0
fi
step "apt-get install ${missing[*]}" "check the Debian mirror is reachable, then run: apt-get update && apt-get install -y ${missing[*]}"
log "installing ${missing[*]} ..."
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
  { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
