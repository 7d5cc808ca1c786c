#!/usr/bin/env bash
# Install a real Docker engine for Stagegate's tests on Debian 12 (bookworm),
# offline except for Debian's apt mirror. See /work/shared/ENGINE.md for why it
# is done this way:
#   - dockerd/containerd/buildx/registry come from Debian *trixie* (dockerd 26
#     with BuildKit attestations, buildx 0.13), extracted with dpkg-deb into a
#     private prefix, never installed through apt (that would drag libc6 and
#     systemd to trixie);
#   - runc, tini (docker-init), iptables, debootstrap and busybox-static come
#     from bookworm (trixie's runc/tini need glibc 2.38).
#
# Idempotent: a second run only checks a marker and exits. Does nothing at all
# when an engine already answers and buildx >= 0.11 is available.
set -Eeuo pipefail

PREFIX=${STAGEGATE_ENGINE_PREFIX:-/opt/stagegate-engine}
CACHE=${STAGEGATE_ENGINE_CACHE:-/var/cache/stagegate-engine}
BIN_DIR=/usr/local/bin
PLUGIN_DIR=/usr/local/lib/docker/cli-plugins
DAEMON_JSON=/etc/docker/daemon.json
TRIXIE_SOURCES=/etc/apt/sources.list.d/stagegate-trixie.sources
TRIXIE_PIN=/etc/apt/preferences.d/stagegate-trixie
MARKER=$PREFIX/.stagegate-installed
TRIXIE_PKGS=(docker.io containerd docker-buildx docker-registry)
# openssh-client: ssh-agent and ssh-add for the `ssh` input e2e; git: the Git-context e2e (dockerd runs git for BuildKit).
BOOKWORM_PKGS=(runc tini iptables debootstrap busybox-static ca-certificates openssh-client git)
# Bump when the layout below changes, so a second run re-does the work.
LAYOUT_VERSION=1

export PATH="$BIN_DIR:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive

STEP_SCRIPT=install-test-engine
# shellcheck source=scripts/lib/steps.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/steps.sh"

version_ge() { # version_ge A B: A >= B (dotted numbers)
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

# --- 0. an engine that already works: do nothing ----------------------------
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  bx=$(docker buildx version 2>/dev/null | sed -n 's/.* v\{0,1\}\([0-9][0-9]*\.[0-9][0-9]*[.0-9]*\).*/\1/p' | head -n1 || true)
  if [ -n "$bx" ] && version_ge "$bx" 0.11; then
    log "engine already answers (server $(docker version -f '{{.Server.Version}}' 2>/dev/null || echo '?'), buildx $bx): nothing to do"
    exit 0
  fi
  log "engine answers but buildx is missing or older than 0.11 (${bx:-none}): installing the test engine's buildx and tools"
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo -E bash "$0" "$@"
  fi
  die "root check" "run this script as root (or install sudo)"
fi

# --- 1. already installed? (fast path) ---------------------------------------
links_ok() {
  local b
  for b in dockerd docker-proxy containerd containerd-shim-runc-v2 ctr docker-registry docker-init; do
    [ -x "$BIN_DIR/$b" ] || return 1
  done
  [ -x "$PLUGIN_DIR/docker-buildx" ] || return 1
  command -v docker >/dev/null 2>&1 || return 1
  command -v runc >/dev/null 2>&1 || return 1
  return 0
}
bookworm_pkgs_ok() {
  local p
  for p in "${BOOKWORM_PKGS[@]}"; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || return 1
  done
}
daemon_json_ok() {
  [ -f "$DAEMON_JSON" ] && grep -q '"containerd-snapshotter"[[:space:]]*:[[:space:]]*true' "$DAEMON_JSON"
}
if [ -f "$MARKER" ] && grep -qx "layout=$LAYOUT_VERSION" "$MARKER" && links_ok && bookworm_pkgs_ok && daemon_json_ok; then
  log "already installed ($(grep -v '^layout=' "$MARKER" | tr '\n' ' '| sed 's/ $//')): nothing to do"
  exit 0
fi

# --- 2. platform --------------------------------------------------------------
step "platform check" "this script supports Debian 12 (bookworm) only; elsewhere install Docker >= 25 with the containerd image store and buildx >= 0.11 yourself"
command -v apt-get >/dev/null 2>&1 || die "platform check" "apt-get not found: $CURRENT_HINT"
# shellcheck disable=SC1091
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ "$codename" = bookworm ] || die "platform check" "found '${codename:-unknown}': $CURRENT_HINT"

# shellcheck source=scripts/lib/debian-mirror.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/debian-mirror.sh"
MIRROR=$(debian_mirror)
MIRROR=${MIRROR%/}
log "Debian mirror: $MIRROR"

held_versions() { dpkg-query -W -f='${Package}=${Version}\n' libc6 libc-bin systemd libsystemd0 2>/dev/null | sort; }
BEFORE=$(held_versions)

# --- 3. trixie source, pinned low ---------------------------------------------
step "apt trixie source" "check write access to /etc/apt and that $MIRROR serves trixie"
if [ ! -f "$TRIXIE_PIN" ] || ! grep -q 'Pin-Priority: 100' "$TRIXIE_PIN"; then
  cat >"$TRIXIE_PIN" <<'EOF'
# Added by stagegate scripts/install-test-engine.sh: trixie is only used for
# `apt-get download` of the docker engine packages. Never let apt upgrade
# bookworm packages (libc6, systemd, ...) to trixie.
Package: *
Pin: release n=trixie
Pin-Priority: 100
EOF
fi
want_sources="Types: deb
URIs: $MIRROR
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
if [ ! -f "$TRIXIE_SOURCES" ] || [ "$(cat "$TRIXIE_SOURCES")" != "$want_sources" ]; then
  printf '%s\n' "$want_sources" >"$TRIXIE_SOURCES"
  rm -f "$CACHE/.apt-updated"
fi
step "creating $CACHE" "check that $CACHE is writable (or set STAGEGATE_ENGINE_CACHE)"
mkdir -p "$CACHE/debs"
if [ ! -f "$CACHE/.apt-updated" ] || ! apt-cache madison docker.io 2>/dev/null | grep -q ' trixie/main '; then
  step "apt-get update" "check that $MIRROR is reachable and /etc/apt/sources.list.d is sane"
  log "apt-get update"
  apt-get update -qq
  touch "$CACHE/.apt-updated"
fi

# --- 4. bookworm packages (never upgrade libc6/systemd) -----------------------
if ! bookworm_pkgs_ok; then
  step "apt-get install ${BOOKWORM_PKGS[*]}" "run 'apt-get -s install --no-install-recommends ${BOOKWORM_PKGS[*]}' and fix what apt reports"
  sim=$(apt-get -s install -y --no-install-recommends "${BOOKWORM_PKGS[@]}")
  if printf '%s\n' "$sim" | grep -E '^Inst (libc6|libc-bin|systemd|libsystemd0)[ :]' >/dev/null; then
    die "apt-get install ${BOOKWORM_PKGS[*]}" "apt would upgrade libc6/systemd ($(printf '%s\n' "$sim" | grep -E '^Inst (libc6|libc-bin|systemd|libsystemd0)[ :]' | tr '\n' ';')); check $TRIXIE_PIN has Pin-Priority 100"
  fi
  if printf '%s\n' "$sim" | grep -E '^Inst .*trixie' >/dev/null; then
    die "apt-get install ${BOOKWORM_PKGS[*]}" "apt would take packages from trixie ($(printf '%s\n' "$sim" | grep -E '^Inst .*trixie' | awk '{print $2}' | tr '\n' ' ')); check $TRIXIE_PIN"
  fi
  log "apt-get install ${BOOKWORM_PKGS[*]} (bookworm)"
  apt-get install -y -qq --no-install-recommends "${BOOKWORM_PKGS[@]}" >/dev/null
fi
AFTER=$(held_versions)
[ "$BEFORE" = "$AFTER" ] || die "libc6/systemd check" "versions changed (before: $(echo "$BEFORE" | tr '\n' ' ') after: $(echo "$AFTER" | tr '\n' ' ')); remove $TRIXIE_SOURCES and restore bookworm versions"

# --- 5. trixie engine packages into a private prefix --------------------------
cached_deb() { # cached_deb PKG VERSION: path of the downloaded .deb, or nothing
  local f
  for f in "$CACHE/debs/${1}_${2//:/%3a}_"*.deb; do
    if [ -f "$f" ]; then echo "$f"; return 0; fi
  done
}
# trixie's docker.io has no CLI (that is docker-cli); fetch it only when the
# machine has no docker CLI of its own.
if ! command -v docker >/dev/null 2>&1 || [[ "$(readlink -f "$(command -v docker)")" == "$PREFIX"/* ]]; then
  TRIXIE_PKGS+=(docker-cli)
fi
versions=""
for p in "${TRIXIE_PKGS[@]}"; do
  step "apt-get download $p/trixie" "check 'apt-cache policy $p' lists a trixie version and $MIRROR is reachable"
  v=$(apt-cache madison "$p" | awk -F'|' '$3 ~ / trixie\/main / && $3 ~ /Packages/ {gsub(/[ \t]/, "", $2); print $2; exit}')
  [ -n "$v" ] || die "apt-get download $p/trixie" "no trixie version of $p known to apt; run 'apt-get update' and check $TRIXIE_SOURCES"
  versions="$versions$p=$v"$'\n'
  if [ -z "$(cached_deb "$p" "$v")" ]; then
    log "apt-get download $p/trixie ($v)"
    (cd "$CACHE/debs" && apt-get download -qq -o APT::Sandbox::User=root "$p/trixie")
  fi
done

step "dpkg-deb -x (trixie packages)" "check free space under $(dirname "$PREFIX") and that the .deb files in $CACHE/debs are intact (delete them to re-download)"
if [ ! -f "$MARKER" ] || [ "$(grep -v '^layout=' "$MARKER" || true)" != "${versions%$'\n'}" ]; then
  log "extracting ${TRIXIE_PKGS[*]} into $PREFIX"
  rm -rf "$PREFIX.new"
  mkdir -p "$PREFIX.new"
  for p in "${TRIXIE_PKGS[@]}"; do
    v=$(printf '%s' "$versions" | sed -n "s/^$p=//p")
    dpkg-deb -x "$(cached_deb "$p" "$v")" "$PREFIX.new"
  done
  rm -rf "$PREFIX.old"
  [ ! -e "$PREFIX" ] || mv "$PREFIX" "$PREFIX.old"
  mv "$PREFIX.new" "$PREFIX"
  rm -rf "$PREFIX.old"
fi

# --- 6. links ----------------------------------------------------------------
find_in_prefix() { # first regular file named $1 under the prefix's bin dirs
  local d
  for d in usr/sbin usr/bin usr/libexec/docker usr/lib/docker sbin bin; do
    if [ -x "$PREFIX/$d/$1" ]; then echo "$PREFIX/$d/$1"; return 0; fi
  done
  return 1
}
step "linking engine binaries" "check $PREFIX holds the extracted packages (delete $PREFIX and re-run)"
mkdir -p "$BIN_DIR" "$PLUGIN_DIR"
for b in dockerd docker-proxy containerd containerd-shim-runc-v2 ctr docker-registry; do
  src=$(find_in_prefix "$b") || die "linking $b" "$b not found in $PREFIX; the trixie package layout changed, update this script"
  ln -sfn "$src" "$BIN_DIR/$b"
done
# The docker CLI: keep an existing one (the machine's may be newer).
if [ -L "$BIN_DIR/docker" ] && [ "$(readlink "$BIN_DIR/docker")" = "$(find_in_prefix docker || true)" ]; then
  : # ours from an earlier run
elif ! command -v docker >/dev/null 2>&1; then
  src=$(find_in_prefix docker) || die "linking docker" "docker CLI not found in $PREFIX"
  ln -sfn "$src" "$BIN_DIR/docker"
fi
bx=$(find "$PREFIX" -path '*cli-plugins/docker-buildx' \( -type f -o -type l \) | head -n1)
[ -n "$bx" ] || die "linking docker-buildx" "cli-plugins/docker-buildx not found in $PREFIX"
ln -sfn "$bx" "$PLUGIN_DIR/docker-buildx"

# dockerd looks up docker-init (tini, static) and runc on PATH.
step "linking docker-init" "install bookworm's tini package (apt-get install tini)"
tini_bin=""
for t in /usr/bin/tini-static /usr/bin/docker-init /usr/bin/tini; do
  if [ -x "$t" ]; then tini_bin=$t; break; fi
done
[ -n "$tini_bin" ] || die "linking docker-init" "no tini binary found; apt-get install tini"
[ "$tini_bin" = "$BIN_DIR/docker-init" ] || ln -sfn "$tini_bin" "$BIN_DIR/docker-init"
command -v runc >/dev/null 2>&1 || die "runc check" "runc not on PATH; apt-get install runc"

# --- 7. daemon.json: containerd image store ---------------------------------
step "writing $DAEMON_JSON" "fix the JSON in $DAEMON_JSON by hand: it needs {\"features\":{\"containerd-snapshotter\":true}}"
mkdir -p "$(dirname "$DAEMON_JSON")"
if ! daemon_json_ok; then
  if [ ! -s "$DAEMON_JSON" ]; then
    printf '%s\n' '{"features":{"containerd-snapshotter":true}}' >"$DAEMON_JSON"
  elif command -v jq >/dev/null 2>&1; then
    tmp=$(mktemp)
    jq '.features["containerd-snapshotter"] = true' "$DAEMON_JSON" >"$tmp"
    cat "$tmp" >"$DAEMON_JSON"
    rm -f "$tmp"
  elif command -v python3 >/dev/null 2>&1; then
    python3 - "$DAEMON_JSON" <<'EOF'
import json, sys
p = sys.argv[1]
with open(p) as f:
    d = json.load(f)
d.setdefault("features", {})["containerd-snapshotter"] = True
with open(p, "w") as f:
    json.dump(d, f, indent=2)
    f.write("\n")
EOF
  else
    die "writing $DAEMON_JSON" "it exists and neither jq nor python3 is available to merge it; $CURRENT_HINT"
  fi
fi

# --- 8. smoke test and marker -------------------------------------------------
step "smoke test" "a linked binary does not run on this machine; run it by hand to see why (missing shared library?)"
dv=$("$BIN_DIR/dockerd" --version)
cv=$("$BIN_DIR/containerd" --version)
rv=$("$BIN_DIR/docker-registry" --version)
bv=$(docker buildx version)
"$BIN_DIR/docker-init" --version >/dev/null
runc --version >/dev/null
{
  echo "layout=$LAYOUT_VERSION"
  printf '%s' "${versions%$'\n'}"
  echo
} >"$MARKER"
log "installed: $dv | $cv | $rv | $bv"
