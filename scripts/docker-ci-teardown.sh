#!/usr/bin/env bash
# docker-ci-teardown.sh: stops the dockerd that docker-ci-setup.sh started (by the pid it wrote),
# and with it the containerd it manages. Images and the base-image cache stay for the next run.
# Does nothing when that daemon is not running. Run as root.
set -euo pipefail

PIDFILE=/run/blazebench-dockerd.pid

if [[ ! -f "$PIDFILE" ]]; then
  echo "docker-ci-teardown: no $PIDFILE, nothing to stop"
  exit 0
fi
pid="$(cat "$PIDFILE")"
if kill -0 "$pid" 2>/dev/null; then
  echo "docker-ci-teardown: stopping dockerd (pid $pid)"
  kill -TERM "$pid"
  # dockerd stops its containers (10 s each at most) and containerd before it exits.
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "docker-ci-teardown: dockerd still running after 60 s; sending SIGKILL" >&2
    kill -KILL "$pid"
  fi
fi
rm -f "$PIDFILE"
echo "docker-ci-teardown: done"
