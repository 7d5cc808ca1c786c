#!/usr/bin/env bash
# Install Debian trixie's cosign (2.5) for the key-pair signing e2e tests, the
# way install-test-engine.sh installs the engine: `apt-get download
# cosign/trixie` and `dpkg-deb -x` into a private prefix, never through apt
# (that would pull libc6 to trixie). cosign is a static Go binary, so it runs
# on bookworm. Needs the pinned trixie apt source install-test-engine.sh
# writes. Idempotent; does nothing when a cosign 2 is already on PATH.
set -Eeuo pipefail

PREFIX=${STAGEGATE_COSIGN_PREFIX:-/opt/stagegate-cosign}
CACHE=${STAGEGATE_ENGINE_CACHE:-/var/cache/stagegate-engine}
BIN_DIR=/usr/local/bin
TRIXIE_SOURCES=/etc/apt/sources.list.d/stagegate-trixie.sources
export PATH="$BIN_DIR:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive

STEP_SCRIPT=install-cosign
# shellcheck source=scripts/lib/steps.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/steps.sh"

# Debian's build reports GitVersion "devel"; `verify --key` and `sign --key` are what the tests need.
if command -v cosign >/dev/null 2>&1 && cosign verify --help 2>/dev/null | grep -q -- '--insecure-ignore-tlog'; then
  log "cosign already installed ($(command -v cosign)): nothing to do"
  exit 0
fi
[ "$(id -u)" -eq 0 ] || die "root check" "run this script as root"

step "trixie source check" "run scripts/install-test-engine.sh first: it adds the pinned trixie source $TRIXIE_SOURCES"
[ -f "$TRIXIE_SOURCES" ] || die "trixie source check" "$TRIXIE_SOURCES is missing; run scripts/install-test-engine.sh first"
mkdir -p "$CACHE/debs"
if ! apt-cache madison cosign 2>/dev/null | grep -q ' trixie/main '; then
  step "apt-get update" "check that the Debian mirror is reachable"
  apt-get update -qq
fi

step "apt-get download cosign/trixie" "check 'apt-cache policy cosign' lists a trixie version"
v=$(apt-cache madison cosign | awk -F'|' '$3 ~ / trixie\/main / && $3 ~ /Packages/ {gsub(/[ \t]/, "", $2); print $2; exit}')
[ -n "$v" ] || die "apt-get download cosign/trixie" "no trixie version of cosign known to apt; run 'apt-get update'"
deb=$(find "$CACHE/debs" -maxdepth 1 -name "cosign_${v//:/%3a}_*.deb" | head -n1)
if [ -z "$deb" ]; then
  log "apt-get download cosign/trixie ($v)"
  (cd "$CACHE/debs" && apt-get download -qq -o APT::Sandbox::User=root cosign/trixie)
  deb=$(find "$CACHE/debs" -maxdepth 1 -name "cosign_${v//:/%3a}_*.deb" | head -n1)
fi

step "dpkg-deb -x cosign" "check free space under $(dirname "$PREFIX") and that $deb is intact (delete it to re-download)"
rm -rf "$PREFIX.new"
mkdir -p "$PREFIX.new"
dpkg-deb -x "$deb" "$PREFIX.new"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
[ -x "$PREFIX/usr/bin/cosign" ] || die "dpkg-deb -x cosign" "usr/bin/cosign not in the package; the trixie layout changed, update this script"
ln -sfn "$PREFIX/usr/bin/cosign" "$BIN_DIR/cosign"
step "cosign version" "run $PREFIX/usr/bin/cosign version and check its shared libraries with ldd"
cosign version >/dev/null
log "installed cosign $v at $BIN_DIR/cosign"
