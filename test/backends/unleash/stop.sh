#!/usr/bin/env bash
# Stops the Unleash server and PostgreSQL that start.sh started, by the PIDs in WORK_DIR/state.env,
# then removes WORK_DIR. Safe to call twice and from a trap: missing PIDs are skipped.
#
#   bash test/backends/unleash/stop.sh WORK_DIR
set -uo pipefail

work_dir="${1:?usage: stop.sh WORK_DIR}"
state_file="$work_dir/state.env"

# Asks a process to stop, waits up to 20 s, then kills it.
stop_pid() {
  local pid="$1" signal="$2" name="$3"
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "-$signal" "$pid" 2>/dev/null || return 0
  local deadline=$(( $(date +%s) + 20 ))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "stop.sh: $name (pid $pid) did not stop within 20 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null
      break
    fi
    sleep 0.1
  done
}

if [ -f "$state_file" ]; then
  unleash_pid="$(sed -n 's/^UNLEASH_PID=//p' "$state_file")"
  pg_pid="$(sed -n 's/^PG_PID=//p' "$state_file")"
  stop_pid "${unleash_pid:-}" TERM "Unleash"
  # SIGINT is PostgreSQL's "fast shutdown": roll back open sessions and stop.
  stop_pid "${pg_pid:-}" INT "PostgreSQL"
fi

# Only a directory that start.sh set up (it holds state.env) is removed.
if [ -f "$state_file" ]; then
  rm -rf "$work_dir"
fi
