#!/usr/bin/env bash
# `npm run demo`: the whole pipeline on the bundled example. Starts the test
# engine when none answers (installing it first on a Debian machine, as root),
# then lints, builds, checks and prints the report.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-engine.sh
if ! docker image inspect stagegate-fixture/builder:latest >/dev/null 2>&1; then
  echo "demo: the test engine is not ready (see above)" >&2
  exit 2
fi

[ -f dist/cli.js ] || { echo "demo: dist/cli.js is missing: run npm run bundle" >&2; exit 2; }

tag="127.0.0.1:5000/stagegate-demo/hello-c:latest"
echo
echo "demo: stagegate build on examples/hello-c (lint, buildx build with SBOM and provenance, push to the local registry, stage-aware checks)"
echo
node dist/cli.js build \
  --context examples/hello-c \
  --tags "$tag" \
  --push \
  --sbom "generator=127.0.0.1:5000/stagegate-fixture/sbom-generator:latest" \
  --provenance mode=max \
  --fail-on never \
  --report-file "${TMPDIR:-/tmp}/stagegate-demo-report.json" \
  --sarif-file "${TMPDIR:-/tmp}/stagegate-demo.sarif"
echo
echo "demo: JSON report: ${TMPDIR:-/tmp}/stagegate-demo-report.json, SARIF: ${TMPDIR:-/tmp}/stagegate-demo.sarif"

echo
echo "demo: stagegate build on examples/bloated (what Stagegate exists to catch: each image finding names its stage and line)"
echo
node dist/cli.js build \
  --context examples/bloated \
  --tags stagegate-demo/bloated:latest \
  --load \
  --sbom false \
  --provenance false \
  --build-args NPM_TOKEN=npm_demoTokenNotReal0123456789abcdefABCD \
  --fail-on never \
  --report-file "${TMPDIR:-/tmp}/stagegate-demo-bloated.json"
