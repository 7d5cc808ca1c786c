#!/usr/bin/env bash
# Start the test engine (dockerd + a local registry on 127.0.0.1:5000) and
# prepare the offline fixture images Stagegate's tests build FROM:
#
#   stagegate-fixture/busybox:latest                    FROM scratch + static busybox
#   stagegate-fixture/debian:bookworm                   debootstrap minbase (apt, dpkg, bash)
#   stagegate-fixture/builder:latest                    minbase + gcc + libc6-dev (gcc -static works)
#   127.0.0.1:5000/stagegate-fixture/busybox:latest     busybox, pushed
#   127.0.0.1:5000/stagegate-fixture/sbom-generator:latest
#                                                      BuildKit SBOM generator (offline stand-in
#                                                      for docker/buildkit-syft-scanner), pushed
#
# Uses an engine / registry that already answers (e.g. a GitHub runner with a
# registry:2 service) and only starts what is missing. Idempotent: a second run
# only re-pushes the two registry images (the registry may be fresh).
# Writes /var/lib/stagegate-engine/env (KEY=VALUE lines) for the tests.
set -Eeuo pipefail

STATE=${STAGEGATE_ENGINE_STATE:-/var/lib/stagegate-engine}
CACHE=${STAGEGATE_ENGINE_CACHE:-/var/cache/stagegate-engine}
LOGDIR=${STAGEGATE_ENGINE_LOGS:-/var/log/stagegate-engine}
RUNDIR=$STATE/run
REGISTRY=127.0.0.1:5000
WAIT_SECONDS=${STAGEGATE_ENGINE_WAIT:-60}

IMG_BUSYBOX=stagegate-fixture/busybox:latest
IMG_DEBIAN=stagegate-fixture/debian:bookworm
IMG_BUILDER=stagegate-fixture/builder:latest
IMG_SBOM=$REGISTRY/stagegate-fixture/sbom-generator:latest
IMG_BUSYBOX_REMOTE=$REGISTRY/stagegate-fixture/busybox:latest
# Bump to force the fixtures to be rebuilt.
FIXTURE_LABEL=org.stagegate.fixture=1

export PATH="/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
export DOCKER_BUILDKIT=1 BUILDX_NO_DEFAULT_ATTESTATIONS=1

STEP_SCRIPT=start-test-engine
# shellcheck source=scripts/lib/steps.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/steps.sh"

if [ "$(id -u)" -ne 0 ] && ! docker info >/dev/null 2>&1; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo -E bash "$0" "$@"
  fi
  die "root check" "run as root, or start a docker engine first"
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO mkdir -p "$STATE" "$CACHE" "$LOGDIR" "$RUNDIR"

docker_ok() { docker info >/dev/null 2>&1; }
registry_ok() { curl -fsS -m 3 "http://$REGISTRY/v2/" >/dev/null 2>&1; }

# wait_for NAME CHECK LOG: bounded polling, log tail on timeout.
wait_for() {
  local name=$1 check=$2 logf=$3 i
  for ((i = 0; i < WAIT_SECONDS * 4; i++)); do
    if $check; then return 0; fi
    sleep 0.25
  done
  echo "start-test-engine: $name did not answer within ${WAIT_SECONDS}s; last lines of $logf:" >&2
  tail -n 30 "$logf" >&2 2>/dev/null || true
  die "starting $name" "see $logf"
}

# --- dockerd -----------------------------------------------------------------
started=""
if docker_ok; then
  log "docker engine already answers: using it"
else
  step "starting dockerd" "run scripts/install-test-engine.sh first; see $LOGDIR/dockerd.log"
  command -v dockerd >/dev/null 2>&1 || die "starting dockerd" "dockerd not found; run scripts/install-test-engine.sh first"
  # setsid: the daemon must outlive this script's process group. From /: the daemon (and
  # BuildKit's git, which runs in its working directory) must not keep the caller's folder,
  # a clone that may be deleted ("fatal: unable to get current working directory").
  (cd / && exec setsid dockerd >>"$LOGDIR/dockerd.log" 2>&1 </dev/null) &
  echo $! >"$RUNDIR/dockerd.pid"
  started="dockerd"
fi

# --- registry ----------------------------------------------------------------
if registry_ok; then
  log "registry already answers on $REGISTRY: using it"
else
  step "starting the registry" "see $LOGDIR/registry.log; is something else listening on $REGISTRY?"
  if command -v docker-registry >/dev/null 2>&1; then
    mkdir -p "$STATE/registry/data"
    cat >"$STATE/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry/data
  delete:
    enabled: true
http:
  addr: $REGISTRY
EOF
    (cd / && exec setsid docker-registry serve "$STATE/registry/config.yml" >>"$LOGDIR/registry.log" 2>&1 </dev/null) &
    echo $! >"$RUNDIR/registry.pid"
  else
    # A machine with its own engine but no registry binary: run registry:2.
    wait_for dockerd docker_ok "$LOGDIR/dockerd.log"
    docker rm -f stagegate-registry >/dev/null 2>&1 || true
    docker run -d --name stagegate-registry -p "$REGISTRY:5000" registry:2 >"$RUNDIR/registry.container" 2>>"$LOGDIR/registry.log" \
      || die "starting the registry" "no docker-registry binary and 'docker run registry:2' failed; run scripts/install-test-engine.sh or start a registry on $REGISTRY"
  fi
  started="${started:+$started, }registry"
fi

wait_for dockerd docker_ok "$LOGDIR/dockerd.log"
wait_for registry registry_ok "$LOGDIR/registry.log"
[ -z "$started" ] || log "started: $started"

step "checking the image store" "set {\"features\":{\"containerd-snapshotter\":true}} in /etc/docker/daemon.json and restart dockerd"
if ! docker info -f '{{json .DriverStatus}}' 2>/dev/null | grep -q 'io.containerd.snapshotter'; then
  log "WARNING: the engine does not use the containerd image store; attestations and registry cache export will be refused"
fi
step "checking buildx" "run scripts/install-test-engine.sh (installs the buildx plugin)"
docker buildx version >/dev/null

# --- fixture images ------------------------------------------------------------
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# build TAG CONTEXT [extra buildx args]: plain build into the engine's image
# store with the built-in frontend (no '# syntax=' line: it would pull).
build() {
  local tag=$1 ctx=$2
  shift 2
  docker buildx build --builder default --progress quiet --provenance=false --sbom=false \
    --label "$FIXTURE_LABEL" --load -t "$tag" "$@" "$ctx" >/dev/null
}

# shellcheck source=scripts/lib/debian-mirror.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/debian-mirror.sh"

# Static busybox: from Debian's busybox-static (installed, else downloaded).
busybox_binary() {
  local bb=$CACHE/busybox/busybox
  if [ ! -x "$bb" ]; then
    mkdir -p "$CACHE/busybox"
    if dpkg-query -W -f='${db:Status-Abbrev}' busybox-static 2>/dev/null | grep -q '^ii' && [ -x /bin/busybox ]; then
      cp /bin/busybox "$bb.tmp"
    else
      rm -rf "$CACHE/busybox/x" && mkdir -p "$CACHE/busybox/x"
      (cd "$CACHE/busybox" && apt-get download -qq -o APT::Sandbox::User=root busybox-static)
      dpkg-deb -x "$(find "$CACHE/busybox" -maxdepth 1 -name 'busybox-static_*.deb' | head -n1)" "$CACHE/busybox/x"
      cp "$CACHE/busybox/x/bin/busybox" "$bb.tmp"
    fi
    mv "$bb.tmp" "$bb"
  fi
  echo "$bb"
}

# debootstrap_rootfs NAME [debootstrap args]: cached under $CACHE/rootfs/NAME,
# so a machine with a wiped image store does not download again.
debootstrap_rootfs() {
  local name=$1 dir=$CACHE/rootfs/$1
  shift
  if [ ! -f "$dir/.stagegate-complete" ]; then
    command -v debootstrap >/dev/null 2>&1 || die "debootstrap $name" "debootstrap not installed; run scripts/install-test-engine.sh (or apt-get install debootstrap)"
    rm -rf "$dir"
    mkdir -p "$dir" "$CACHE/debootstrap-debs"
    log "debootstrap $name (one-off, cached in $dir)"
    debootstrap --variant=minbase --cache-dir="$CACHE/debootstrap-debs" "$@" bookworm "$dir" "$(debian_mirror)" \
      >"$LOGDIR/debootstrap-$name.log" 2>&1 \
      || { tail -n 20 "$LOGDIR/debootstrap-$name.log" >&2; die "debootstrap $name" "see $LOGDIR/debootstrap-$name.log; check the Debian mirror is reachable"; }
    # Keep the image small and reproducible-ish.
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/tmp/* "$dir"/var/log/*.log
    touch "$dir/.stagegate-complete"
  fi
}

# import_rootfs NAME TAG
import_rootfs() {
  local dir=$CACHE/rootfs/$1
  tar --numeric-owner --exclude=./.stagegate-complete -C "$dir" -c . \
    | docker import \
      -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      -c 'CMD ["/bin/bash"]' \
      -c "LABEL $FIXTURE_LABEL" \
      - "$2" >/dev/null
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "building $IMG_BUSYBOX" "check the engine log $LOGDIR/dockerd.log"
if ! have_image "$IMG_BUSYBOX"; then
  mkdir -p "$work/busybox"
  cp "$(busybox_binary)" "$work/busybox/busybox"
  cat >"$work/busybox/Dockerfile" <<'EOF'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["/bin/sh"]
EOF
  build "$IMG_BUSYBOX" "$work/busybox"
  log "built $IMG_BUSYBOX"
fi

step "building $IMG_DEBIAN" "see $LOGDIR/debootstrap-debian.log"
if ! have_image "$IMG_DEBIAN"; then
  debootstrap_rootfs debian
  import_rootfs debian "$IMG_DEBIAN"
  log "imported $IMG_DEBIAN"
fi

step "building $IMG_BUILDER" "see $LOGDIR/debootstrap-builder.log"
if ! have_image "$IMG_BUILDER"; then
  debootstrap_rootfs builder --include=gcc,libc6-dev
  import_rootfs builder "$IMG_BUILDER"
  # Prove the point of the image: a static compile in a RUN step (no network).
  mkdir -p "$work/cc"
  printf '#include <stdio.h>\nint main(void){puts("hello from static gcc");return 0;}\n' >"$work/cc/hello.c"
  cat >"$work/cc/Dockerfile" <<EOF
FROM $IMG_BUILDER AS build
COPY hello.c /src/hello.c
RUN mkdir -p /out && gcc -static -O2 -o /out/hello /src/hello.c
FROM scratch
COPY --from=build /out/hello /hello
EOF
  docker buildx build --builder default --progress quiet --provenance=false --sbom=false \
    --output "type=local,dest=$work/cc/out" "$work/cc" >/dev/null \
    || { docker image rm "$IMG_BUILDER" >/dev/null 2>&1 || true; die "static compile in $IMG_BUILDER" "gcc -static did not work inside a build; delete $CACHE/rootfs/builder and re-run"; }
  [ "$("$work/cc/out/hello")" = "hello from static gcc" ] \
    || { docker image rm "$IMG_BUILDER" >/dev/null 2>&1 || true; die "static compile in $IMG_BUILDER" "the compiled binary did not run"; }
  log "imported $IMG_BUILDER (static gcc verified)"
fi

# SBOM generator: BuildKit runs the image's entrypoint with the scanned root
# filesystem at $BUILDKIT_SCAN_SOURCE and collects in-toto statements from
# $BUILDKIT_SCAN_DESTINATION.
step "building $IMG_SBOM" "check the engine log $LOGDIR/dockerd.log"
if ! have_image "$IMG_SBOM"; then
  mkdir -p "$work/sbom"
  cat >"$work/sbom/stagegate-sbom" <<'EOF'
#!/bin/sh
# Offline SBOM generator for Stagegate's tests (BuildKit SBOM protocol).
set -eu
src=${BUILDKIT_SCAN_SOURCE:?BUILDKIT_SCAN_SOURCE not set}
dst=${BUILDKIT_SCAN_DESTINATION:?BUILDKIT_SCAN_DESTINATION not set}
mkdir -p "$dst"
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
files=""
n=0
# List up to 20 regular files with JSON-safe names.
for f in $(cd "$src" && find . -type f 2>/dev/null | grep -E '^[./A-Za-z0-9_+-]+$' | sort | head -n 20); do
  n=$((n + 1))
  sum=$(sha1sum "$src/$f" | cut -d' ' -f1)
  name=${f#.}
  [ -z "$files" ] || files="$files,"
  files="$files{\"fileName\":\"$name\",\"SPDXID\":\"SPDXRef-File-$n\",\"checksums\":[{\"algorithm\":\"SHA1\",\"checksumValue\":\"$sum\"}]}"
done
cat >"$dst/sbom.spdx.json" <<JSON
{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","subject":[],"predicate":{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"stagegate-fixture-sbom","documentNamespace":"https://stagegate.invalid/sbom/$now-$$","creationInfo":{"created":"$now","creators":["Tool: stagegate-fixture-sbom-generator"]},"packages":[],"files":[$files]}}
JSON
EOF
  cat >"$work/sbom/Dockerfile" <<EOF
FROM $IMG_BUSYBOX
COPY --chmod=0755 stagegate-sbom /bin/stagegate-sbom
ENTRYPOINT ["/bin/stagegate-sbom"]
EOF
  build "$IMG_SBOM" "$work/sbom"
  log "built $IMG_SBOM"
fi
if ! have_image "$IMG_BUSYBOX_REMOTE"; then
  docker tag "$IMG_BUSYBOX" "$IMG_BUSYBOX_REMOTE"
fi

# Re-push every start: the registry may be fresh (fast when blobs exist).
for img in "$IMG_SBOM" "$IMG_BUSYBOX_REMOTE"; do
  step "docker push $img" "check the registry on $REGISTRY ($LOGDIR/registry.log)"
  docker push -q "$img" >/dev/null
done

# --- env file ------------------------------------------------------------------
step "writing $STATE/env" "check write access to $STATE"
cat >"$STATE/env.tmp" <<EOF
STAGEGATE_REGISTRY=$REGISTRY
STAGEGATE_FIXTURE_BUSYBOX=$IMG_BUSYBOX
STAGEGATE_FIXTURE_DEBIAN=$IMG_DEBIAN
STAGEGATE_FIXTURE_BUILDER=$IMG_BUILDER
STAGEGATE_FIXTURE_BUSYBOX_REMOTE=$IMG_BUSYBOX_REMOTE
STAGEGATE_SBOM_GENERATOR=$IMG_SBOM
EOF
mv "$STATE/env.tmp" "$STATE/env"

log "ready: engine $(docker version -f '{{.Server.Version}}' 2>/dev/null), buildx $(docker buildx version | awk '{print $2}'), registry $REGISTRY, fixtures $IMG_BUSYBOX $IMG_DEBIAN $IMG_BUILDER $IMG_SBOM $IMG_BUSYBOX_REMOTE; env in $STATE/env"
