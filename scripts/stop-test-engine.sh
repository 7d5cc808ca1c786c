#!/usr/bin/env bash
# Stop what scripts/start-test-engine.sh started (the registry and dockerd, by
# their pid files). An engine or registry that was already running before is
# left alone: start-test-engine.sh writes no pid file for those.
set -Eeuo pipefail

STATE=${STAGEGATE_ENGINE_STATE:-/var/lib/stagegate-engine}
RUNDIR=$STATE/run
export PATH="/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

log() { echo "stop-test-engine: $*"; }

if [ "$(id -u)" -ne 0 ] && [ -d "$RUNDIR" ] && [ -n "$(ls -A "$RUNDIR" 2>/dev/null)" ] && command -v sudo >/dev/null 2>&1; then
  exec sudo -E bash "$0" "$@"
fi

# stop_pid NAME EXPECTED_COMM: TERM, wait up to 30 s, then KILL.
stop_pid() {
  local name=$1 comm=$2 pidfile=$RUNDIR/$1.pid pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if [ -z "$pid" ] || [ ! -d "/proc/$pid" ] || [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "$comm" ]; then
    log "$name (pid ${pid:-?}) is not running"
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 120; i++)); do
    [ -d "/proc/$pid" ] || break
    sleep 0.25
  done
  if [ -d "/proc/$pid" ]; then
    log "$name (pid $pid) ignored SIGTERM for 30 s: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  log "stopped $name (pid $pid)"
}

stop_pid registry docker-registry
if [ -f "$RUNDIR/registry.container" ]; then
  docker rm -f "$(cat "$RUNDIR/registry.container")" >/dev/null 2>&1 || true
  rm -f "$RUNDIR/registry.container"
  log "removed the registry container"
fi
stop_pid dockerd dockerd
log "done"
