#!/usr/bin/env bash
# Prove the test engine does what Stagegate's tests need, offline:
#  - a two-stage busybox -> scratch build with a secret mount, an SBOM from the
#    local generator and max provenance, pushed to the local registry, whose
#    index carries an attestation manifest with SPDX + SLSA provenance layers;
#  - a registry cache export (mode=max, image-manifest, OCI media types);
#  - a static gcc compile in a RUN step on the builder fixture.
# Run after scripts/start-test-engine.sh. Exits non-zero on the first failure.
set -Eeuo pipefail

export PATH="/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
STATE=${STAGEGATE_ENGINE_STATE:-/var/lib/stagegate-engine}
# shellcheck disable=SC1091
. "$STATE/env"
R=$STAGEGATE_REGISTRY

fail() {
  echo "verify-test-engine: $*" >&2
  exit 1
}
ok() { echo "verify-test-engine: ok: $*"; }
trap 'fail "command failed at line $LINENO"' ERR

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tag="v$(date +%s)-$$"

# 1. two-stage build, secret, SBOM, provenance, push
mkdir -p "$work/two"
printf 's3cr3t' >"$work/tok"
cat >"$work/two/Dockerfile" <<EOF
FROM $STAGEGATE_FIXTURE_BUSYBOX AS build
RUN --mount=type=secret,id=tok test "\$(cat /run/secrets/tok)" = s3cr3t && echo built >/hello.txt
FROM scratch
COPY --from=build /hello.txt /hello.txt
EOF
start=$(date +%s%N)
(cd "$work/two" && docker buildx build --progress quiet \
  --secret "id=tok,src=$work/tok" \
  --attest "type=sbom,generator=$STAGEGATE_SBOM_GENERATOR" \
  --provenance=mode=max \
  -t "$R/test/two:$tag" --push .) >/dev/null
ok "two-stage build with secret, SBOM, provenance pushed as $R/test/two:$tag ($(( ($(date +%s%N) - start) / 1000000 )) ms)"

accept='application/vnd.oci.image.index.v1+json'
index=$(curl -fsS -H "Accept: $accept" "http://$R/v2/test/two/manifests/$tag")
att=$(printf '%s' "$index" | jq -r '.manifests[] | select(.annotations["vnd.docker.reference.type"] == "attestation-manifest") | .digest' | head -n1)
[ -n "$att" ] || fail "index has no attestation manifest: $index"
types=$(curl -fsS -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://$R/v2/test/two/manifests/$att" \
  | jq -r '.layers[].annotations["in-toto.io/predicate-type"]' | sort | tr '\n' ' ')
case "$types" in *https://spdx.dev/Document*) ;; *) fail "no SPDX layer in attestation manifest (got: $types)" ;; esac
case "$types" in *https://slsa.dev/provenance/*) ;; *) fail "no SLSA provenance layer in attestation manifest (got: $types)" ;; esac
ok "index has attestation manifest $att with predicates: $types"

# 2. registry cache export
(cd "$work/two" && docker buildx build --progress quiet \
  --secret "id=tok,src=$work/tok" \
  --cache-to "type=registry,ref=$R/test/cache:$tag,mode=max,image-manifest=true,oci-mediatypes=true" \
  -t "stagegate-verify/two:$tag" .) >/dev/null
cache_mt=$(curl -fsS -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://$R/v2/test/cache/manifests/$tag" | jq -r '.mediaType + " " + .config.mediaType')
ok "registry cache exported to $R/test/cache:$tag ($cache_mt)"
docker image rm "stagegate-verify/two:$tag" >/dev/null 2>&1 || true

# 3. static compile on the builder fixture
mkdir -p "$work/cc"
printf '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n' >"$work/cc/hello.c"
cat >"$work/cc/Dockerfile" <<EOF
FROM $STAGEGATE_FIXTURE_BUILDER AS build
COPY hello.c /src/hello.c
RUN mkdir -p /out && gcc -static -o /out/hello /src/hello.c
FROM scratch
COPY --from=build /out/hello /hello
EOF
docker buildx build --progress quiet --output "type=local,dest=$work/cc/out" "$work/cc" >/dev/null
[ "$("$work/cc/out/hello")" = hello ] || fail "static binary did not print hello"
ok "gcc -static in a RUN step on $STAGEGATE_FIXTURE_BUILDER"

# 4. the debian fixture has apt, dpkg and bash
docker run --rm "$STAGEGATE_FIXTURE_DEBIAN" bash -c 'command -v apt-get && command -v dpkg' >/dev/null
ok "$STAGEGATE_FIXTURE_DEBIAN has bash, apt-get, dpkg"
echo "verify-test-engine: all checks passed"
