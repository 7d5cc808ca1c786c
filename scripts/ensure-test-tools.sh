#!/usr/bin/env bash
# The tools the unit tests need beside Node, installed by the set-up `npm test`
# runs (pretest), so the README's `npm ci && npm test` works on a fresh
# machine: shellcheck (the SC rules run it on every RUN). As root on Debian or
# Ubuntu it is installed with apt-get; elsewhere this says in one line what to
# install, and the shellcheck tests then fail naming it. A no-op when present.
set -euo pipefail

SHELLCHECK=${STAGEGATE_SHELLCHECK:-shellcheck}
command -v "$SHELLCHECK" >/dev/null 2>&1 && exit 0

say() { echo "ensure-test-tools: $*" >&2; }
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  say "shellcheck is missing: install it (Debian/Ubuntu: sudo apt-get install shellcheck; macOS: brew install shellcheck; or https://github.com/koalaman/shellcheck#installing), then run the tests again."
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
say "installing shellcheck with apt-get (first run only) ..."
# A fresh image has no package lists: update only when the install cannot find the package.
if ! apt-get install -y --no-install-recommends "$SHELLCHECK" >/dev/null 2>&1; then
  apt-get update >/dev/null 2>&1 || say "apt-get update failed (no network to the mirror?)"
  if ! apt-get install -y --no-install-recommends "$SHELLCHECK" >/dev/null 2>&1; then
    say "apt-get install $SHELLCHECK failed: install shellcheck by hand (apt-get install shellcheck), then run the tests again."
    exit 0
  fi
fi
say "shellcheck $(shellcheck --version 2>/dev/null | sed -n 's/^version: //p') installed."
