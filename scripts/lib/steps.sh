# shellcheck shell=bash
# Step reporting for the engine scripts: one clear line on failure,
# "<script>: <what> failed: <what to do>". Set STEP_SCRIPT to the script's
# name before sourcing; `step WHAT HINT` names what the ERR trap reports.
log() { echo "$STEP_SCRIPT: $*"; }

CURRENT_STEP="setup"
CURRENT_HINT="re-run with 'bash -x $0' to see the failing command"
die() {
  echo "$STEP_SCRIPT: $1 failed: $2" >&2
  exit 1
}
on_err() {
  local rc=$?
  trap - ERR
  echo "$STEP_SCRIPT: $CURRENT_STEP failed: $CURRENT_HINT (exit $rc)" >&2
  exit "$rc"
}
trap on_err ERR
step() {
  CURRENT_STEP=$1
  CURRENT_HINT=$2
}
